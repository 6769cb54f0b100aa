# Concurrent clients (pgbench, 8 clients) insert sessions for a small pool
# of Medicare patients through guard('reject'): afterwards no patient is
# over the cap (3 sessions in 12 months), in READ COMMITTED and in
# SERIALIZABLE (serialization failures retried by pgbench --max-tries).
use strict;
use warnings;
use FindBin;
use lib $FindBin::RealBin;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;
use TpiTap;

my $node = PostgreSQL::Test::Cluster->new('concurrent');
$node->init;
$node->append_conf('postgresql.conf', "max_connections = 30\n");
$node->start;

for my $level ('read committed', 'serializable')
{
	(my $db = "cap_$level") =~ s/ /_/g;
	$node->safe_psql('postgres', "CREATE DATABASE $db");
	$node->safe_psql('postgres', "ALTER DATABASE $db SET default_transaction_isolation = '$level'");
	TpiTap::setup($node, $db);
	# 6 patients, random dates over two years: far more attempts than the
	# cap allows, so clients race on the same patients
	$node->pgbench(
		"--no-vacuum --client=8 --jobs=2 --transactions=50 --max-tries=100 $db",
		0,
		[ qr{number of transactions actually processed: 400/400}, qr{number of failed transactions: 0 } ],
		[ qr{^$|} ],
		"pgbench in $level: every transaction done",
		{
			"003_add_session_$db" => q{
\set p random(1, 6)
\set d random(0, 729)
SELECT public.add_session('P' || :p, DATE '2024-01-01' + :d);
}
		});
	is($node->safe_psql($db, 'SHOW default_transaction_isolation'), $level, "the sessions ran in $level");
	my ($kept, $patients) = split /\|/, $node->safe_psql($db,
		q{SELECT count(DISTINCT claim_id), count(DISTINCT patient_id) FROM public.claims_reject});
	ok($kept > 12 && $kept < 400, "$level: the guard kept $kept of 400 sessions of $patients patients");
	TpiTap::cap_ok($node, 'public.claims_reject', $level, $db);
}

$node->stop;
done_testing();
