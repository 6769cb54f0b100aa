# kill -9 during guarded loads (row-level flag guard, statement-level
# flag guard, reject-mode inserts): the server recovers, the claims tables hold
# whole transactions only, finding_log holds exactly the findings of the
# committed flag-mode rows, no patient is over the cap, and amcheck finds
# the heaps and btree indexes sound.
use strict;
use warnings;
use FindBin;
use lib $FindBin::RealBin;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;
use TpiTap;

my $node = PostgreSQL::Test::Cluster->new('crash');
$node->init;
$node->append_conf('postgresql.conf', "restart_after_crash = on\nfsync = on\n");
$node->start;
TpiTap::setup($node);

# 1. The whole server killed (postmaster and every backend, SIGKILL) during
#    a flag-mode bulk load of 500-line transactions.
my $batch = 500;
my $load = join("\n", map { TpiTap::flag_batch_sql('public.claims_flag', $_ * $batch + 1, $batch) } 0 .. 199);
my $bg = $node->background_psql('postgres', on_error_stop => 0);
$bg->query_until(qr/loading/, "\\echo loading\n$load\n");
$node->poll_query_until('postgres', 'SELECT count(*) >= 3000 FROM public.claims_flag')
  or die 'the load did not start';
my $pm = $node->safe_psql('postgres', 'SELECT pg_postmaster_start_time()');
my $pid = $node->{_pid};
my @children = grep { /^\d+$/ } split /\s+/, `pgrep -P $pid`;
kill 'KILL', $pid, @children;
$node->{_pid} = undef;
eval { $bg->quit; };
# every process is gone: wait for the sockets' owners to exit
for (1 .. 100) { last unless kill 0, @children; select(undef, undef, undef, 0.1); }
$node->start;
isnt($node->safe_psql('postgres', 'SELECT pg_postmaster_start_time()'), $pm, 'flag load: the server restarted');

my $n = $node->safe_psql('postgres', 'SELECT count(*) FROM public.claims_flag');
ok($n >= 3000 && $n < 200 * $batch, "flag load: killed part-way ($n lines kept)");
is($n % $batch, 0, 'flag load: only whole transactions are kept');
is($node->safe_psql('postgres', q{SELECT count(*) FROM public.claims_flag AS c
	WHERE NOT EXISTS (SELECT FROM tpi_rules.finding_log AS f
					   WHERE f.table_name = 'public.claims_flag' AND f.claim_id = c.claim_id AND f.line_no = c.line_no)}),
   '0', 'flag load: every kept line has its findings in finding_log');
is($node->safe_psql('postgres', q{SELECT count(*) FROM tpi_rules.finding_log AS f
	WHERE f.table_name = 'public.claims_flag'
	  AND NOT EXISTS (SELECT FROM public.claims_flag AS c WHERE f.claim_id = c.claim_id AND f.line_no = c.line_no)}),
   '0', 'flag load: finding_log has no findings of lost lines');
TpiTap::amcheck_ok($node, 'after the flag-load crash');

# 2. The whole server killed during a bulk load through the statement-level
#    guard_statement('flag') (2,000-line INSERT ... SELECT statements).
my $bulk = 2000;
$load = join("\n", map { TpiTap::flag_batch_sql('public.claims_bulk', 1000000 + $_ * $bulk + 1, $bulk) } 0 .. 99);
$bg = $node->background_psql('postgres', on_error_stop => 0);
$bg->query_until(qr/loading/, "\\echo loading\n$load\n");
$node->poll_query_until('postgres', 'SELECT count(*) >= 6000 FROM public.claims_bulk')
  or die 'the bulk load did not start';
$pm = $node->safe_psql('postgres', 'SELECT pg_postmaster_start_time()');
$pid = $node->{_pid};
@children = grep { /^\d+$/ } split /\s+/, `pgrep -P $pid`;
kill 'KILL', $pid, @children;
$node->{_pid} = undef;
eval { $bg->quit; };
for (1 .. 100) { last unless kill 0, @children; select(undef, undef, undef, 0.1); }
$node->start;
isnt($node->safe_psql('postgres', 'SELECT pg_postmaster_start_time()'), $pm, 'bulk load: the server restarted');
$n = $node->safe_psql('postgres', 'SELECT count(*) FROM public.claims_bulk');
ok($n >= 6000 && $n < 100 * $bulk, "bulk load: killed part-way ($n lines kept)");
is($n % $bulk, 0, 'bulk load: only whole statements are kept');
is($node->safe_psql('postgres', q{SELECT count(*) FROM public.claims_bulk AS c
	WHERE NOT EXISTS (SELECT FROM tpi_rules.finding_log AS f
					   WHERE f.table_name = 'public.claims_bulk' AND f.claim_id = c.claim_id AND f.line_no = c.line_no)}),
   '0', 'bulk load: every kept line has its findings in finding_log');
is($node->safe_psql('postgres', q{SELECT count(*) FROM tpi_rules.finding_log AS f
	WHERE f.table_name = 'public.claims_bulk'
	  AND NOT EXISTS (SELECT FROM public.claims_bulk AS c WHERE f.claim_id = c.claim_id AND f.line_no = c.line_no)}),
   '0', 'bulk load: finding_log has no findings of lost lines');
TpiTap::amcheck_ok($node, 'after the bulk-load crash');

# 3. The backend inserting sessions through the reject-mode guard killed
#    (SIGKILL): the postmaster resets every session and recovers.
my $sessions = join("\n",
	map { "SELECT public.add_session('P' || ($_ % 12), DATE '2024-01-01' + ($_ * 37 % 720));" } 1 .. 3000);
$bg = $node->background_psql('postgres', on_error_stop => 0);
my $backend = $bg->query_safe('SELECT pg_backend_pid()');
$bg->query_until(qr/inserting/, "\\echo inserting\n$sessions\n");
$node->poll_query_until('postgres', 'SELECT count(*) >= 60 FROM public.claims_reject')
  or die 'the inserts did not start';
my $logstart = -s $node->logfile;
kill 'KILL', $backend;
eval { $bg->quit; };
$node->wait_for_log(qr/all server processes terminated; reinitializing/, $logstart);
$node->poll_query_until('postgres', 'SELECT NOT pg_is_in_recovery()')
  or die 'no crash recovery';
ok(1, 'reject inserts: the server recovered from the killed backend');
is($node->safe_psql('postgres', q{SELECT count(*) FROM (SELECT claim_id FROM public.claims_reject GROUP BY 1 HAVING count(*) <> 2) AS s}),
   '0', 'reject inserts: every session has both its lines');
TpiTap::cap_ok($node, 'public.claims_reject', 'reject inserts');
TpiTap::amcheck_ok($node, 'after the reject-insert crash');

# The guards still work after recovery.
is($node->safe_psql('postgres', q{SELECT public.add_session('NEW', '2026-01-05')}), 't', 'a clean session is accepted after recovery');
$node->safe_psql('postgres', TpiTap::flag_batch_sql('public.claims_flag', 500001, 10));
ok($node->safe_psql('postgres', q{SELECT count(*) FROM tpi_rules.finding_log WHERE claim_id = 'F500001'}) > 0,
   'flag mode logs after recovery');

$node->stop;
done_testing();
