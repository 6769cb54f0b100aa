-- Bad input found by the hardening runs (test/hardening/repro): each once
-- crashed a backend or raised an internal error; now a result or a clear
-- ERROR with an SQLSTATE.
SET datestyle = 'ISO, YMD';
SET timezone = 'UTC';
\set VERBOSITY default

-- A muscles array stored out of line (a TOAST pointer has a one-byte
-- header, like a short inline array): counted, not a crash.
CREATE TEMP TABLE bad_muscles AS
SELECT ARRAY(SELECT 'muscle number ' || i FROM generate_series(1, 3000) AS i) AS m;
ALTER TABLE bad_muscles ALTER COLUMN m SET STORAGE EXTERNAL;
UPDATE bad_muscles SET m = m;
SELECT pg_column_size(m) > 2000 AS stored_out_of_line FROM bad_muscles;
SELECT tpi_rules.muscle_count(m), tpi_rules.pick_code(m), tpi_rules.regions(m) FROM bad_muscles;
CREATE TEMP TABLE bad_claims (LIKE tpi_rules.claim_line);
ALTER TABLE bad_claims ALTER COLUMN muscles SET STORAGE EXTERNAL;
INSERT INTO bad_claims (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, muscles)
SELECT 'R1', 1, 'P1', 'medicare', '2025-03-03', '20553', m FROM bad_muscles;
SELECT rule_id, count(*) FROM tpi_rules.audit('bad_claims', NULL, NULL) GROUP BY 1 ORDER BY 1;

-- audit() of an OID that names no relation: 42P01, not an internal error.
DO $$
BEGIN
	PERFORM tpi_rules.audit(0::oid::regclass, NULL, NULL);
EXCEPTION WHEN undefined_table THEN
	RAISE NOTICE 'undefined_table: %', SQLERRM;
END $$;

-- A from_date near the earliest representable date: the frequency
-- look-back starts at the beginning of time instead of overflowing.
SELECT count(*) FROM tpi_rules.audit('bad_claims', '4713-01-01 BC', '4712-01-01 BC');
SELECT (SELECT count(*) FROM tpi_rules.audit('bad_claims', '4713-01-01 BC', '2025-12-31')) > 0 AS found;

-- A date of service past the timestamp range (a mistyped year) no longer
-- breaks the month of every dashboard view.
BEGIN;
INSERT INTO tpi_rules.claim_line (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, muscles)
VALUES ('FAR1', 1, 'P1', 'medicare', '5874897-12-31', '20553', '{right trapezius}'),
       ('OK1', 1, 'P2', 'medicare', '2025-03-03', '20553', '{right trapezius}');
SELECT month, rule_id, findings FROM tpi_rules.v_findings_by_provider_month
WHERE rule_id IN ('code.upcoded', 'input.invalid') ORDER BY month, rule_id;
SELECT count(*) > 0 AS rows FROM tpi_rules.v_revenue_at_risk;
ROLLBACK;

-- A loader path longer than the OS allows: 22023, not an internal error.
DO $$
BEGIN
	PERFORM tpi_rules.load_pprrvu(pg_catalog.repeat('x', 5000));
EXCEPTION WHEN invalid_parameter_value THEN
	RAISE NOTICE 'invalid_parameter_value: %', SQLERRM;
END $$;

-- SPEC section 10: a bad parameter value is SQLSTATE 22023
-- (invalid_parameter_value), malformed file content 22P02
-- (invalid_text_representation), bad bytes in a file included.
CREATE FUNCTION pg_temp.sqlstate_of(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	st text;
	msg text;
BEGIN
	EXECUTE q;
	RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
	RETURN st || ': ' || msg;
END $$;
\set pwd `pwd`
\! sed 's/MANHATTAN/MANH\xe9TTAN/' test/data/cms/GPCI2025.csv > results/gpci_bad_encoding.csv
\set f `cat test/data/cms/broken/pprrvu_bad_number.csv`
\set g `cat test/data/cms/broken/gpci_duplicate.csv`
BEGIN;
INSERT INTO tpi_rules.payer_policy (payer_id, effective_from, name, source, max_sessions, cap_window)
VALUES ('test_eternal', '2015-10-01', 'Test', 'regression test', 3, '100000 years');
SELECT i, what, pg_temp.sqlstate_of(q) AS result
  FROM (VALUES
	(1, 'sessions_in_window, infinite date',
	 $q$SELECT tpi_rules.sessions_in_window(d, '12 months') OVER (ORDER BY d) FROM (VALUES (date 'infinity')) v(d)$q$),
	(2, 'sessions_in_window, -infinity',
	 $q$SELECT tpi_rules.sessions_in_window(d, '12 months') OVER (ORDER BY d) FROM (VALUES (date '-infinity')) v(d)$q$),
	(3, 'sessions_in_window, 100000 years',
	 $q$SELECT tpi_rules.sessions_in_window(d, '100000 years') OVER (ORDER BY d) FROM (VALUES (date '2024-01-01')) v(d)$q$),
	(4, 'sessions_in_window, a date past the timestamp range',
	 $q$SELECT tpi_rules.sessions_in_window(d, '1 day') OVER (ORDER BY d) FROM (VALUES (date '300000-01-01')) v(d)$q$),
	(5, 'sessions_in_window, 1000 years',
	 $q$SELECT tpi_rules.sessions_in_window(d, '1000 years') OVER (ORDER BY d) FROM (VALUES (date '2024-01-01')) v(d)$q$),
	(6, 'frequency_check, a policy window of 100000 years',
	 $q$SELECT tpi_rules.frequency_check(d, '{cervical}', 'test_eternal') FROM (VALUES (date '2024-01-01'), ('2024-02-01')) v(d)$q$),
	(7, 'next_eligible_date, infinite as_of',
	 $q$SELECT tpi_rules.next_eligible_date('{2024-01-01}', 'medicare', 'infinity')$q$),
	(8, 'next_eligible_date, an infinite session date',
	 $q$SELECT tpi_rules.next_eligible_date('{2024-01-01,-infinity}', 'medicare', '2024-06-01')$q$),
	(9, 'next_eligible_date, a policy window of 100000 years',
	 $q$SELECT tpi_rules.next_eligible_date('{2024-01-01}', 'test_eternal', '2024-06-01')$q$),
	(10, 'audit(NULL)',
	 $q$SELECT * FROM tpi_rules.audit(NULL, NULL, NULL)$q$),
	(11, 'PPRRVU file with a bad number',
	 format('SELECT tpi_rules.load_pprrvu_from_text(%L)', :'f')),
	(12, 'PPRRVU file that is empty',
	 $q$SELECT tpi_rules.load_pprrvu_from_text('')$q$),
	(13, 'GPCI file with a locality twice',
	 format('SELECT tpi_rules.load_gpci_from_text(%L)', :'g')),
	(14, 'frequency_status, infinite as_of',
	 $q$SELECT * FROM tpi_rules.frequency_status('infinity')$q$),
	(15, 'frequency_status, -infinity as_of',
	 $q$SELECT * FROM tpi_rules.frequency_status('-infinity')$q$)
  ) AS v(i, what, q)
 ORDER BY i;
ROLLBACK;
-- A byte that is not a character of the database encoding (in the
-- multi-byte encodings; a single-byte encoding takes any byte).
BEGIN;
SELECT pg_catalog.pg_encoding_max_length(pg_catalog.pg_char_to_encoding(pg_catalog.getdatabaseencoding())) = 1
	   OR pg_temp.sqlstate_of(format('SELECT tpi_rules.load_gpci(%L)', :'pwd' || '/results/gpci_bad_encoding.csv'))
		  LIKE '22P02: invalid GPCI file, line 78: the locality name is not valid %' AS bad_byte_is_22p02;
ROLLBACK;
-- The whole error of an out-of-range window.
SELECT tpi_rules.sessions_in_window(d, '100000 years') OVER (ORDER BY d)
  FROM (VALUES (date '2024-01-01')) v(d);
