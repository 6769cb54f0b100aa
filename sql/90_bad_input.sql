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
