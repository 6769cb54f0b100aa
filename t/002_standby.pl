# A streaming standby: its claims, finding_log and audit() equal the
# primary's, before and after its promotion; the promoted node takes new
# guarded writes (the log's identity goes on without a clash).
use strict;
use warnings;
use FindBin;
use lib $FindBin::RealBin;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;
use TpiTap;

my $primary = PostgreSQL::Test::Cluster->new('primary');
$primary->init(allows_streaming => 1);
$primary->start;
TpiTap::setup($primary);
# claims kept in the extension's table under a flag-mode guard
$primary->safe_psql('postgres', q{
CREATE TRIGGER guard BEFORE INSERT OR UPDATE ON tpi_rules.claim_line
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('flag');
});
$primary->safe_psql('postgres', TpiTap::flag_batch_sql('tpi_rules.claim_line', 1, 2000));

$primary->backup('base');
my $standby = PostgreSQL::Test::Cluster->new('standby');
$standby->init_from_backup($primary, 'base', has_streaming => 1);
$standby->start;

# more writes after the base backup arrive by streaming
$primary->safe_psql('postgres', TpiTap::flag_batch_sql('tpi_rules.claim_line', 2001, 1000));
$primary->safe_psql('postgres', "SELECT public.add_session('P' || (g % 5), DATE '2024-01-01' + g * 29) FROM generate_series(1, 60) AS g");
$primary->safe_psql('postgres', q{UPDATE tpi_rules.claim_line SET units = 3 WHERE claim_id IN ('F1', 'F2')});
$primary->wait_for_catchup($standby);

my $want = TpiTap::snapshot($primary);
ok(scalar(() = $want =~ /^log\|/mg) > 1000, 'the primary logged findings');
ok(scalar(() = $want =~ /^audit\|/mg) > 1000, 'the primary audits its claims');
my $got = TpiTap::snapshot($standby);
is($got eq $want ? 'equal' : 'different', 'equal', 'the standby\'s claims, finding_log and audit() equal the primary\'s');
TpiTap::cap_ok($standby, 'public.claims_reject', 'standby');

$standby->promote;
$standby->poll_query_until('postgres', 'SELECT NOT pg_is_in_recovery()') or die 'no promotion';
$got = TpiTap::snapshot($standby);
is($got eq $want ? 'equal' : 'different', 'equal', 'after promotion the claims, finding_log and audit() are unchanged');

# the promoted node takes guarded writes
$standby->safe_psql('postgres', TpiTap::flag_batch_sql('tpi_rules.claim_line', 900001, 5));
ok($standby->safe_psql('postgres', q{SELECT count(*) FROM tpi_rules.finding_log WHERE claim_id = 'F900001'}) > 0,
   'the promoted node logs flag-mode findings');
is($standby->safe_psql('postgres', q{SELECT public.add_session('NEW', '2026-01-05')}), 't',
   'the promoted node accepts a clean session through the reject-mode guard');
is($standby->safe_psql('postgres', q{SELECT count(*) - count(DISTINCT id) FROM tpi_rules.finding_log}), '0',
   'finding_log ids stay unique');
TpiTap::amcheck_ok($standby, 'promoted standby');

$standby->stop;
$primary->stop;
done_testing();
