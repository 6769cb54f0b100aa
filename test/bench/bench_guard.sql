-- bench_guard.sql: what the guard trigger costs on a bulk load.
--
--   psql -X -d DB -f test/bench/bench_guard.sql [-v lines=200000]
--
-- Generates :lines claim lines (default 200000: TPI sessions with their
-- drug lines and some E/M visits, several sessions per patient, all
-- shipped payers), then loads the same rows, in patient order, into
--   bench_plain   no trigger
--   bench_flag    tpi_rules.guard('flag')            (row trigger)
--   bench_stmt    tpi_rules.guard_statement('flag')  (statement trigger)
-- each with the (patient_id, date_of_service) index, each as one
-- INSERT ... SELECT and as COPY (bench_guard_round.sql, three rounds: the
-- best time of each counts, which keeps other load on the machine out of
-- the ratio), and reports rows per second and the slowdown factor.  It
-- checks that no row was lost.  Everything it creates is dropped at the
-- end (finding_log rows of the bench tables included).
\set ON_ERROR_STOP on
\pset footer off
SET client_min_messages = warning;
SET datestyle = 'ISO, YMD';
SELECT :{?lines} AS have_lines \gset
\if :have_lines
\else
\set lines 200000
\endif

DROP TABLE IF EXISTS bench_src, bench_plain, bench_flag, bench_stmt, bench_times;
CREATE TABLE bench_times (round int, load text, how text, ms numeric, rows_ok boolean);

-- Deterministic pseudo-random choices: hashtext of a label.
CREATE TABLE bench_src AS
WITH patients AS (
	SELECT p, 'P' || lpad(p::text, 7, '0') AS patient_id,
		   (ARRAY['medicare', 'medicare_novitas', 'emblemhealth', 'aetna',
				  'evicore', 'bcbsa', 'commercial_default'])
			   [1 + abs(hashtext('payer' || p)) % 7] AS payer_id
	  FROM generate_series(1, (:lines / 5) + 1) p
), sessions AS (
	SELECT pa.*, s,
		   DATE '2024-01-01' + abs(hashtext(pa.patient_id || 's' || s)) % 700 AS dos,
		   abs(hashtext(pa.patient_id || 'k' || s)) % 8 AS kind
	  FROM patients pa, generate_series(1, 1 + abs(hashtext('n' || pa.p)) % 4) s
), lines AS (
	-- the TPI line
	SELECT patient_id, payer_id, s, dos, 1 AS line_no,
		   CASE WHEN kind < 5 THEN '20552' ELSE '20553' END AS hcpcs,
		   CASE kind
			   WHEN 0 THEN ARRAY['right upper trapezius', 'left levator scapulae']
			   WHEN 1 THEN ARRAY['R trapezius', 'L trapezius']
			   WHEN 2 THEN ARRAY['right rhomboid major']
			   WHEN 3 THEN ARRAY['R trapezius', 'L trapezius', 'right levator scap']
			   WHEN 4 THEN ARRAY['paraspinals']
			   WHEN 5 THEN ARRAY['L gluteus medius', 'R gluteus medius', 'right piriformis']
			   WHEN 6 THEN ARRAY['right quadratus lumborum', 'left QL', 'left multifidus']
			   ELSE ARRAY['low back']
		   END AS muscles,
		   'lidocaine 1%' AS drug_name, '3 ml' AS drug_dose
	  FROM sessions
	UNION ALL
	-- its drug line, missing on one session in eight
	SELECT patient_id, payer_id, s, dos, 2, 'J2001', NULL, NULL, NULL
	  FROM sessions WHERE kind <> 7
	UNION ALL
	-- an E/M visit on one session in four, without 25 half of the time
	SELECT patient_id, payer_id, s, dos, 3, '99213', NULL, NULL, NULL
	  FROM sessions WHERE kind IN (1, 6)
)
SELECT 'C' || substr(patient_id, 2) || '-' || s AS claim_id,
	   line_no::smallint, patient_id, payer_id, '1234567893'::text AS provider_npi,
	   dos AS date_of_service, hcpcs,
	   CASE WHEN hcpcs = '99213' AND s % 2 = 0 THEN ARRAY['25'] END AS modifiers,
	   1 AS units, ARRAY['M79.18'] AS icd10, '11'::text AS place_of_service,
	   muscles, CASE WHEN muscles IS NOT NULL THEN 4 END AS trigger_points,
	   drug_name, drug_dose, NULL::text AS claim_note,
	   true AS note_signed, true AS post_procedure_plan,
	   s % 3 <> 0 AS conservative_care, true AS tp_locations, 'none'::text AS guidance
  FROM lines
 ORDER BY patient_id, dos, claim_id, line_no
 LIMIT :lines;
ANALYZE bench_src;
SELECT count(*) AS src_rows FROM bench_src \gset

CREATE TABLE bench_plain (LIKE tpi_rules.claim_line INCLUDING ALL);
CREATE TABLE bench_flag (LIKE tpi_rules.claim_line INCLUDING ALL);
CREATE TRIGGER bench_guard BEFORE INSERT OR UPDATE ON bench_flag
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('flag');
CREATE TABLE bench_stmt (LIKE tpi_rules.claim_line INCLUDING ALL);
CREATE TRIGGER bench_guard AFTER INSERT ON bench_stmt
	REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION tpi_rules.guard_statement('flag');
-- warm the backend's caches (policies, muscles, plans) outside the timing
INSERT INTO bench_flag SELECT * FROM bench_src LIMIT 10;
INSERT INTO bench_stmt SELECT * FROM bench_src LIMIT 10;
TRUNCATE bench_flag, bench_stmt;
DELETE FROM tpi_rules.finding_log WHERE table_name IN ('public.bench_flag', 'public.bench_stmt');
\copy (SELECT * FROM bench_src ORDER BY patient_id, date_of_service, claim_id, line_no) TO '/tmp/bench_guard.copy'

\set round 1
\ir bench_guard_round.sql
-- what the triggers logged, from the last round's COPY: the row and the
-- statement trigger must agree
SELECT rule_id,
	   count(*) FILTER (WHERE table_name = 'public.bench_flag') AS row_trigger,
	   count(*) FILTER (WHERE table_name = 'public.bench_stmt') AS statement_trigger
  FROM tpi_rules.finding_log WHERE table_name IN ('public.bench_flag', 'public.bench_stmt')
 GROUP BY rule_id ORDER BY 2 DESC, 1;
\set round 2
\ir bench_guard_round.sql
\set round 3
\ir bench_guard_round.sql

SELECT bool_and(rows_ok) AS no_row_lost FROM bench_times;

SELECT t.how, t.load, round(min(t.ms)) AS best_ms,
	   round(:src_rows / (min(t.ms) / 1000)) AS rows_per_s,
	   round(min(t.ms) / (SELECT min(p.ms) FROM bench_times p
						   WHERE p.load = 'plain' AND p.how = t.how), 2) AS times_plain
  FROM bench_times t
 GROUP BY t.how, t.load
 ORDER BY t.how, min(t.ms);

DELETE FROM tpi_rules.finding_log WHERE table_name IN ('public.bench_flag', 'public.bench_stmt');
DROP TABLE bench_src, bench_plain, bench_flag, bench_stmt, bench_times;
\! rm -f /tmp/bench_guard.copy
