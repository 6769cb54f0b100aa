# Shared set-up and checks of the TAP tests (t/*.pl).
package TpiTap;
use strict;
use warnings;
use Test::More;

# The extension, amcheck, claims tables guarded in flag mode (per row, and
# per statement for bulk loads) and in reject mode, and add_session(patient, date): one clean Medicare TPI session
# (the 20552 line and its drug line) through the reject-mode guard; false
# when the guard rejects it (a cap or interval finding), so that a
# concurrent client goes on.
sub setup
{
	my ($node, $db) = @_;
	$db //= 'postgres';
	$node->safe_psql($db, q{
CREATE EXTENSION tpi_rules;
CREATE EXTENSION amcheck;
CREATE TABLE public.claims_flag (LIKE tpi_rules.claim_line INCLUDING ALL);
CREATE INDEX ON public.claims_flag (patient_id, date_of_service);
CREATE TRIGGER guard BEFORE INSERT OR UPDATE ON public.claims_flag
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('flag');
CREATE TABLE public.claims_reject (LIKE tpi_rules.claim_line INCLUDING ALL);
CREATE INDEX ON public.claims_reject (patient_id, date_of_service);
CREATE TRIGGER guard BEFORE INSERT OR UPDATE ON public.claims_reject
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('reject');
CREATE TABLE public.claims_bulk (LIKE tpi_rules.claim_line INCLUDING ALL);
CREATE INDEX ON public.claims_bulk (patient_id, date_of_service);
CREATE TRIGGER guard AFTER INSERT ON public.claims_bulk REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION tpi_rules.guard_statement('flag');
CREATE SEQUENCE public.claim_seq;
CREATE FUNCTION public.add_session(patient text, dos date) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
	c text := 'C' || nextval('public.claim_seq');
BEGIN
	INSERT INTO public.claims_reject (claim_id, line_no, patient_id, payer_id, provider_npi,
		date_of_service, hcpcs, modifiers, units, icd10, place_of_service, muscles, trigger_points,
		drug_name, drug_dose, note_signed, post_procedure_plan, conservative_care, tp_locations, guidance)
	VALUES (c, 1, patient, 'medicare', '1234567893', dos, '20552', '{}', 1, '{M79.18}', '11',
			'{right upper trapezius,left levator scapulae}', 4, 'lidocaine 1%', '3 ml',
			true, true, true, true, 'none'),
		   (c, 2, patient, 'medicare', '1234567893', dos, 'J2001', '{}', 1, '{M79.18}', '11',
			NULL, NULL, NULL, NULL, true, true, true, true, 'none');
	RETURN true;
EXCEPTION WHEN check_violation THEN
	RETURN false;
END
$$;
});
	return;
}

# INSERT of $n lines (claims $first ..) into $table: each line lacks its
# note data, so flag mode logs findings for every one.
sub flag_batch_sql
{
	my ($table, $first, $n) = @_;
	my $last = $first + $n - 1;
	return "INSERT INTO $table (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, units, icd10, muscles) "
	  . "SELECT 'F' || g, 1, 'P' || (g % 997), 'medicare', DATE '2024-01-01' + (g % 700), '20552', 1, '{M79.18}', '{right trapezius}' "
	  . "FROM generate_series($first, $last) AS g;";
}

# No Medicare patient has more than 3 sessions in any 12 months: a session
# on d counts the sessions in (d - 1 year, d].
sub cap_ok
{
	my ($node, $table, $name, $db) = @_;
	$db //= 'postgres';
	my $over = $node->safe_psql($db, qq{
WITH s AS (SELECT DISTINCT patient_id, date_of_service AS d FROM $table WHERE hcpcs = '20552')
SELECT count(*) FROM s AS a
 WHERE (SELECT count(*) FROM s AS b WHERE b.patient_id = a.patient_id
		   AND b.d > a.d - interval '1 year' AND b.d <= a.d) > 3});
	is($over, '0', "$name: no patient over the cap of 3 sessions in 12 months");
	return;
}

# amcheck: every btree index of the claims tables and of finding_log has
# every heap tuple (heapallindexed), and their heaps are sound.
sub amcheck_ok
{
	my ($node, $name, $db) = @_;
	$db //= 'postgres';
	my ($ret, $out, $err) = $node->psql($db, q{
SELECT count(*) FROM (
	SELECT bt_index_check(i.indexrelid, true)
	  FROM pg_index AS i JOIN pg_class AS c ON c.oid = i.indexrelid
	  JOIN pg_am AS a ON a.oid = c.relam AND a.amname = 'btree'
	 WHERE i.indrelid IN (SELECT oid FROM pg_class WHERE relname IN ('claims_flag', 'claims_bulk', 'claims_reject', 'claim_line', 'finding_log')
						   AND relnamespace IN ('public'::regnamespace, 'tpi_rules'::regnamespace))) AS s;
SELECT count(*) FROM (
	SELECT v.* FROM pg_class AS c, verify_heapam(c.oid, check_toast => true) AS v
	 WHERE c.relname IN ('claims_flag', 'claims_bulk', 'claims_reject', 'claim_line', 'finding_log')
	   AND c.relnamespace IN ('public'::regnamespace, 'tpi_rules'::regnamespace) AND c.relkind = 'r') AS s;
});
	is($ret, 0, "$name: amcheck ran") or diag($err);
	my @n = split /\n/, $out;
	ok(@n == 2 && $n[0] >= 6, "$name: bt_index_check(heapallindexed) passed on $n[0] indexes") or diag($out);
	is($n[1], '0', "$name: verify_heapam found no corruption");
	return;
}

# The claims, the log and the audit, as text to compare between nodes.
sub snapshot
{
	my ($node, $db) = @_;
	$db //= 'postgres';
	return $node->safe_psql($db, q{
SELECT 'claim', claim_id, line_no, patient_id, date_of_service FROM tpi_rules.claim_line ORDER BY 2, 3;
SELECT 'claim', claim_id, line_no, patient_id, date_of_service FROM public.claims_reject ORDER BY 2, 3;
SELECT 'log', id, table_name, claim_id, line_no, rule_id, severity, message FROM tpi_rules.finding_log ORDER BY 2;
SELECT 'audit', claim_id, line_no, rule_id, severity, message
  FROM tpi_rules.audit('tpi_rules.claim_line', NULL, NULL) ORDER BY 2, 3, 4, 6;
});
}

1;
