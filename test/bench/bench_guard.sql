-- bench_guard.sql: what the guard trigger costs on a bulk load.
--
--   psql -X -d DB -f test/bench/bench_guard.sql [-v lines=200000]
--
-- Generates :lines claim lines (default 200000) with
-- test/data/gen_claims.sql, then loads the same rows, in patient order, into
--   bench_plain   no trigger
--   bench_flag    tpi_rules.guard('flag')            (row trigger)
--   bench_stmt    tpi_rules.guard_statement('flag')  (statement trigger)
-- each with the (patient_id, date_of_service) index; and, to see the cost
-- of checking without the cost of logging, the lines of the patients that
-- audit() finds no error for (a clean load) into
--   clean_plain   no trigger
--   clean_row     tpi_rules.guard('reject')
--   clean_stmt    tpi_rules.guard_statement('reject')
-- Each load is one
-- INSERT ... SELECT and as COPY (guard_round.sql, three rounds: the
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

DROP TABLE IF EXISTS bench_plain, bench_flag, bench_stmt, bench_times, bench_clean,
	clean_plain, clean_row, clean_stmt;
CREATE TABLE bench_times (round int, load text, how text, ms numeric, rows_ok boolean);

-- The claims of test/data/gen_claims.sql (deterministic, realistic mix).
\set n :lines
\set table bench_src
\ir ../data/gen_claims.sql
ANALYZE bench_src;
SELECT count(*) AS src_rows FROM bench_src \gset
CREATE TABLE bench_clean AS
SELECT * FROM bench_src
 WHERE patient_id NOT IN (SELECT patient_id FROM tpi_rules.audit('bench_src')
						   WHERE severity = 'error' AND patient_id IS NOT NULL);
SELECT count(*) AS clean_rows FROM bench_clean \gset

CREATE TABLE bench_plain (LIKE tpi_rules.claim_line INCLUDING ALL);
CREATE TABLE bench_flag (LIKE tpi_rules.claim_line INCLUDING ALL);
CREATE TRIGGER bench_guard BEFORE INSERT OR UPDATE ON bench_flag
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('flag');
CREATE TABLE bench_stmt (LIKE tpi_rules.claim_line INCLUDING ALL);
CREATE TABLE clean_plain (LIKE tpi_rules.claim_line INCLUDING ALL);
CREATE TABLE clean_row (LIKE tpi_rules.claim_line INCLUDING ALL);
CREATE TRIGGER bench_guard BEFORE INSERT OR UPDATE ON clean_row
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('reject');
CREATE TABLE clean_stmt (LIKE tpi_rules.claim_line INCLUDING ALL);
CREATE TRIGGER bench_guard AFTER INSERT ON clean_stmt
	REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION tpi_rules.guard_statement('reject');
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
\ir guard_round.sql
-- what the triggers logged, from the last round's COPY.  The row and the
-- statement trigger agree except for frequency findings of a session
-- whose lines arrive in one statement: the row trigger logs such a finding
-- once, for the line that caused it, the statement trigger for each new
-- line of the session that owns it (about 85 of 25,000 here).
SELECT rule_id,
	   count(*) FILTER (WHERE table_name = 'public.bench_flag') AS row_trigger,
	   count(*) FILTER (WHERE table_name = 'public.bench_stmt') AS statement_trigger
  FROM tpi_rules.finding_log WHERE table_name IN ('public.bench_flag', 'public.bench_stmt')
 GROUP BY rule_id ORDER BY 2 DESC, 1;
\set round 2
\ir guard_round.sql
\set round 3
\ir guard_round.sql

SELECT bool_and(rows_ok) AS no_row_lost FROM bench_times;

SELECT :src_rows AS lines, :clean_rows AS clean_lines,
	   (SELECT count(*) FROM tpi_rules.audit('bench_src')) AS findings_in_all_lines;
SELECT t.how, t.load, round(min(t.ms)) AS best_ms,
	   round(CASE WHEN t.load LIKE 'clean%' THEN :clean_rows ELSE :src_rows END
			 / (min(t.ms) / 1000)) AS rows_per_s,
	   round(min(t.ms) / (SELECT min(p.ms) FROM bench_times p
						   WHERE p.load = CASE WHEN t.load LIKE 'clean%'
											   THEN 'clean plain' ELSE 'plain' END
							 AND p.how = t.how), 2) AS times_plain
  FROM bench_times t
 GROUP BY t.how, t.load
 ORDER BY t.how, t.load LIKE 'clean%', min(t.ms);

DELETE FROM tpi_rules.finding_log WHERE table_name IN ('public.bench_flag', 'public.bench_stmt');
DROP TABLE bench_src, bench_plain, bench_flag, bench_stmt, bench_times, bench_clean,
	clean_plain, clean_row, clean_stmt;
\! rm -f /tmp/bench_guard.copy
