-- audit_patient (SPEC sections 5 and 14): the per-patient aggregate of
-- every rule gives the same findings as audit(), in audit()'s order, in
-- serial and parallel plans (serialize/deserialize run) and partitionwise
-- over a table hash-partitioned by patient_id.
SET datestyle = 'ISO, YMD';
SET timezone = 'UTC';
SET client_min_messages = warning;
-- 20,000 generated lines (test/data/gen_claims.sql), with some NULL
-- patients, dates and line numbers, which audit() treats specially.
\set ECHO none
\set n 20000
\set table ap_claims
\i test/data/gen_claims.sql
\set ECHO all
ALTER TABLE ap_claims DROP CONSTRAINT ap_claims_pkey;
ALTER TABLE ap_claims ALTER patient_id DROP NOT NULL,
	ALTER date_of_service DROP NOT NULL, ALTER line_no DROP NOT NULL;
UPDATE ap_claims SET patient_id = NULL WHERE claim_id LIKE '%17';
UPDATE ap_claims SET date_of_service = NULL WHERE claim_id LIKE '%13';
UPDATE ap_claims SET line_no = NULL WHERE claim_id LIKE '%21';
-- a patient's second copy of a line: two lines with one key
INSERT INTO ap_claims SELECT * FROM ap_claims WHERE claim_id = 'C00000042';
ANALYZE ap_claims;

-- audit()'s rows, numbered in its output order within each patient
CREATE TEMP TABLE ap_audit AS
SELECT a.patient_id, row_number() OVER (PARTITION BY a.patient_id ORDER BY a.ord) AS pos,
	   a.claim_id, a.line_no, a.rule_id, a.severity, a.message
  FROM tpi_rules.audit('ap_claims') WITH ORDINALITY AS a(claim_id, line_no, patient_id,
		date_of_service, rule_id, severity, message, ord);
SELECT count(*) > 1000 AS many_findings,
	   count(DISTINCT rule_id) >= 20 AS many_rules,
	   count(*) FILTER (WHERE rule_id LIKE 'freq.%') > 100 AS frequency,
	   count(*) FILTER (WHERE rule_id LIKE 'day.%') > 100 AS day,
	   count(*) FILTER (WHERE patient_id IS NULL) > 0 AS no_patient
  FROM ap_audit;

-- the aggregate's findings, numbered in array order
CREATE FUNCTION pg_temp.ap_findings(rel regclass)
RETURNS TABLE (patient_id text, pos bigint, claim_id text, line_no smallint,
			   rule_id text, severity tpi_rules.severity, message text)
LANGUAGE plpgsql AS $$
BEGIN
	RETURN QUERY EXECUTE format(
		'SELECT g.patient_id, f.pos, f.claim_id, f.line_no, f.rule_id, f.severity, f.message
		   FROM (SELECT c.patient_id, tpi_rules.audit_patient(ROW(c.*)::tpi_rules.claim_line) AS fs
				   FROM %s c GROUP BY c.patient_id) g,
				unnest(g.fs) WITH ORDINALITY AS f(rule_id, severity, message, claim_id, line_no, pos)',
		rel);
END
$$;

-- Serial: the same findings in the same order, EXCEPT ALL both ways.
CREATE TEMP TABLE ap_serial AS SELECT * FROM pg_temp.ap_findings('ap_claims');
SELECT count(*) AS audit_not_aggregate
  FROM (SELECT * FROM ap_audit EXCEPT ALL SELECT * FROM ap_serial) x;
SELECT count(*) AS aggregate_not_audit
  FROM (SELECT * FROM ap_serial EXCEPT ALL SELECT * FROM ap_audit) x;

-- Parallel: partial aggregates in workers, serialized to the leader.
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET parallel_leader_participation = off;
SET max_parallel_workers_per_gather = 2;
SET enable_hashagg = off;
EXPLAIN (COSTS OFF)
SELECT c.patient_id, tpi_rules.audit_patient(ROW(c.*)::tpi_rules.claim_line)
  FROM ap_claims c GROUP BY c.patient_id;
CREATE TEMP TABLE ap_parallel AS SELECT * FROM pg_temp.ap_findings('ap_claims');
SELECT count(*) AS audit_not_parallel
  FROM (SELECT * FROM ap_audit EXCEPT ALL SELECT * FROM ap_parallel) x;
SELECT count(*) AS parallel_not_audit
  FROM (SELECT * FROM ap_parallel EXCEPT ALL SELECT * FROM ap_audit) x;
RESET enable_hashagg;

-- Partitionwise: a table hash-partitioned by patient_id, each partition's
-- groups aggregated whole under a Parallel Append.
CREATE TABLE ap_part (LIKE ap_claims) PARTITION BY HASH (patient_id);
CREATE TABLE ap_part_0 PARTITION OF ap_part FOR VALUES WITH (MODULUS 4, REMAINDER 0);
CREATE TABLE ap_part_1 PARTITION OF ap_part FOR VALUES WITH (MODULUS 4, REMAINDER 1);
CREATE TABLE ap_part_2 PARTITION OF ap_part FOR VALUES WITH (MODULUS 4, REMAINDER 2);
CREATE TABLE ap_part_3 PARTITION OF ap_part FOR VALUES WITH (MODULUS 4, REMAINDER 3);
INSERT INTO ap_part SELECT * FROM ap_claims;
ANALYZE ap_part;
SET enable_partitionwise_aggregate = on;
EXPLAIN (COSTS OFF)
SELECT c.patient_id, tpi_rules.audit_patient(ROW(c.*)::tpi_rules.claim_line)
  FROM ap_part c GROUP BY c.patient_id;
CREATE TEMP TABLE ap_partwise AS SELECT * FROM pg_temp.ap_findings('ap_part');
SELECT count(*) AS audit_not_partitionwise
  FROM (SELECT * FROM ap_audit EXCEPT ALL SELECT * FROM ap_partwise) x;
SELECT count(*) AS partitionwise_not_audit
  FROM (SELECT * FROM ap_partwise EXCEPT ALL SELECT * FROM ap_audit) x;
RESET enable_partitionwise_aggregate;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET parallel_leader_participation;
RESET max_parallel_workers_per_gather;

-- One patient: day and frequency rules fire; a clean patient (a TPI line
-- and its drug line) gives an empty array, the TPI line alone does not.
SELECT f.rule_id, f.claim_id, f.line_no
  FROM (SELECT tpi_rules.audit_patient(ROW(c.*)::tpi_rules.claim_line) AS fs
		  FROM ap_claims c WHERE c.patient_id = 'P0000003') g,
	   unnest(g.fs) AS f
 ORDER BY 1, 2, 3;
SELECT tpi_rules.audit_patient(l) AS clean
  FROM (VALUES (ROW('C1', 1, 'P1', 'medicare', NULL, DATE '2025-03-03', '20552', NULL, 1,
				'{M79.18}', '11', '{right upper trapezius}', 1, 'lidocaine', '1 mL',
				NULL, true, true, true, true, 'none', NULL, NULL)::tpi_rules.claim_line),
			   (ROW('C1', 2, 'P1', 'medicare', NULL, DATE '2025-03-03', 'J2001', NULL, 1,
				NULL, '11', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
				NULL, NULL)::tpi_rules.claim_line)) v(l);
SELECT (f).rule_id AS drug_line_missing
  FROM (SELECT unnest(tpi_rules.audit_patient(l)) AS f
		  FROM (VALUES (ROW('C1', 1, 'P1', 'medicare', NULL, DATE '2025-03-03', '20552', NULL, 1,
						'{M79.18}', '11', '{right upper trapezius}', 1, 'lidocaine', '1 mL',
						NULL, true, true, true, true, 'none', NULL, NULL)::tpi_rules.claim_line)) v(l)) s;
SELECT tpi_rules.audit_patient(l) AS no_rows
  FROM (SELECT NULL::tpi_rules.claim_line WHERE false) v(l);
SELECT tpi_rules.audit_patient(NULL::tpi_rules.claim_line) AS null_row;
DROP TABLE ap_part;
DROP TABLE ap_claims;
