-- bench_guard.sql: what the guard trigger costs on a bulk load.
--
--   psql -X -d DB -f test/bench/bench_guard.sql [-v lines=200000]
--
-- Two sets of :lines generated claim lines (default 200000):
--   realistic  an 837P batch and its procedure notes from
--              test/data/gen_demo.pl (published TPI denial rates: about
--              one line in six has a finding), read with read_837p_file()
--              and read_note() and joined, as `make demo` does
--   stress     test/data/gen_claims.sql, made to exercise every rule:
--              0.84 findings per line, so flag mode writes almost a log
--              row per claim line
-- Each set is loaded, in patient order, into
--   bench_plain   no trigger
--   bench_flag    tpi_rules.guard('flag')            (row trigger)
--   bench_stmt    tpi_rules.guard_statement('flag')  (statement trigger)
--   empty_row     a BEFORE ROW trigger that only returns NEW, and
--   empty_stmt    an AFTER STATEMENT trigger with a transition table that
--                 does nothing (PL/pgSQL): what any trigger of the kind
--                 costs, the floor under the guard's figures (a BEFORE
--                 ROW trigger also turns off COPY's multi-row inserts)
-- each with the (patient_id, date_of_service) index; and, to see the cost
-- of checking without the cost of logging, the set's lines of the
-- patients that audit() finds no error for (a clean load) into
--   clean_plain   no trigger
--   clean_row     tpi_rules.guard('reject')
--   clean_stmt    tpi_rules.guard_statement('reject')
-- Each load is one INSERT ... SELECT and one COPY (guard_round.sql, three
-- rounds: the best time of each counts, which keeps other load on the
-- machine out of the ratio).  Beside them, the plain-SQL way a user would
-- get the same without a trigger: the unguarded INSERT, then audit() over
-- the loaded table, its findings inserted into finding_log (to compare
-- with flag mode) or counted for errors (to compare with reject mode).  It reports rows per second and the slowdown
-- against the unguarded load, and checks that no row was lost.  Everything
-- it creates is dropped at the end (finding_log rows of the bench tables
-- included).  The server must be able to read /tmp (read_837p_file).
\set ON_ERROR_STOP on
\pset footer off
SET client_min_messages = warning;
SET datestyle = 'ISO, YMD';
SELECT :{?lines} AS have_lines \gset
\if :have_lines
\else
\set lines 200000
\endif

DROP TABLE IF EXISTS bench_src, bench_plain, bench_flag, bench_stmt, bench_times, bench_logged,
	empty_row, empty_stmt, bench_clean, clean_plain, clean_row, clean_stmt, bench_sets;
CREATE TABLE bench_times (data text, round int, load text, how text, ms numeric,
						  cpu_ms numeric, rows_ok boolean);
\ir cpu_ms.sql
CREATE TABLE bench_sets (data text, lines bigint, clean_lines bigint, findings bigint);
CREATE TABLE bench_logged (data text, round int, table_name text, rule_id text, n bigint);

CREATE TABLE bench_plain (LIKE tpi_rules.claim_line INCLUDING ALL);
CREATE TABLE bench_flag (LIKE tpi_rules.claim_line INCLUDING ALL);
CREATE TRIGGER bench_guard BEFORE INSERT OR UPDATE ON bench_flag
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('flag');
CREATE TABLE bench_stmt (LIKE tpi_rules.claim_line INCLUDING ALL);
CREATE TRIGGER bench_guard AFTER INSERT ON bench_stmt
	REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION tpi_rules.guard_statement('flag');
CREATE FUNCTION pg_temp.pass_row() RETURNS trigger LANGUAGE plpgsql
	AS 'BEGIN RETURN NEW; END';
CREATE FUNCTION pg_temp.pass_statement() RETURNS trigger LANGUAGE plpgsql
	AS 'BEGIN RETURN NULL; END';
CREATE TABLE empty_row (LIKE tpi_rules.claim_line INCLUDING ALL);
CREATE TRIGGER bench_empty BEFORE INSERT OR UPDATE ON empty_row
	FOR EACH ROW EXECUTE FUNCTION pg_temp.pass_row();
CREATE TABLE empty_stmt (LIKE tpi_rules.claim_line INCLUDING ALL);
CREATE TRIGGER bench_empty AFTER INSERT ON empty_stmt
	REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION pg_temp.pass_statement();
CREATE TABLE clean_plain (LIKE tpi_rules.claim_line INCLUDING ALL);
CREATE TABLE clean_row (LIKE tpi_rules.claim_line INCLUDING ALL);
CREATE TRIGGER bench_guard BEFORE INSERT OR UPDATE ON clean_row
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('reject');
CREATE TABLE clean_stmt (LIKE tpi_rules.claim_line INCLUDING ALL);
CREATE TRIGGER bench_guard AFTER INSERT ON clean_stmt
	REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION tpi_rules.guard_statement('reject');

------------------------------------------------------------------------
-- realistic: the demo's generator, read as make demo reads it
------------------------------------------------------------------------
\set data realistic
\setenv BENCH_LINES :lines
\! rm -rf /tmp/tpi_bench_guard && mkdir -p /tmp/tpi_bench_guard && perl test/data/gen_demo.pl "$BENCH_LINES" /tmp/tpi_bench_guard >/dev/null && chmod 755 /tmp/tpi_bench_guard && chmod 644 /tmp/tpi_bench_guard/*
BEGIN;
-- the batch names payers by their 837P ids (as in test/demo.sh)
CREATE TEMP TABLE saved_map AS SELECT * FROM tpi_rules.payer_map;
DELETE FROM tpi_rules.payer_map;
INSERT INTO tpi_rules.payer_map (source_id, payer_id) VALUES
	('12202', 'medicare'), ('12502', 'medicare_novitas'), ('13551', 'emblemhealth'),
	('60054', 'aetna'), ('EVICR', 'evicore'), ('00803', 'bcbsa');
CREATE TEMP TABLE demo_claims AS SELECT * FROM tpi_rules.read_837p_file('/tmp/tpi_bench_guard/batch.837');
CREATE TEMP TABLE demo_notes (patient_id text, date_of_service date, body text);
\copy demo_notes FROM '/tmp/tpi_bench_guard/notes.tsv'
CREATE INDEX ON demo_notes (patient_id, date_of_service);
ANALYZE demo_claims, demo_notes;
CREATE TABLE bench_src (LIKE tpi_rules.claim_line INCLUDING DEFAULTS);
\set target bench_src
\set claims demo_claims
\set notes demo_notes
\ir ../data/claims_with_notes.sql
-- the lines keep the mapped payer ids, so the guard needs no payer_map rows
UPDATE bench_src SET payer_id = m.payer_id
  FROM tpi_rules.payer_map m WHERE bench_src.payer_id = m.source_id;
DELETE FROM tpi_rules.payer_map;
INSERT INTO tpi_rules.payer_map SELECT * FROM saved_map;
DROP TABLE saved_map, demo_claims, demo_notes;
COMMIT;
\! rm -rf /tmp/tpi_bench_guard
\ir guard_set.sql

------------------------------------------------------------------------
-- stress: gen_claims.sql (deterministic, every rule exercised)
------------------------------------------------------------------------
\set data stress
DROP TABLE bench_src;
\set n :lines
\set table bench_src
\ir ../data/gen_claims.sql
\ir guard_set.sql

SELECT bool_and(rows_ok) AS no_row_lost FROM bench_times;
SELECT * FROM bench_sets ORDER BY 1;
-- times_plain: best wall-clock time over the unguarded load's best;
-- cpu_times_plain: the same of the backend's CPU time; round_median: the
-- median over the rounds of the load's CPU time over the unguarded load's
-- of the same round, which a slow spell of the machine (this varies by a
-- fifth and more on a shared VM) disturbs less than a ratio of two bests
SELECT t.data, t.how, t.load, round(min(t.ms)) AS best_ms,
	   round(CASE WHEN t.load LIKE 'clean%' THEN s.clean_lines ELSE s.lines END
			 / (min(t.ms) / 1000)) AS rows_per_s,
	   round(min(t.ms) / min(p.ms), 2) AS times_plain,
	   round(min(t.cpu_ms) / nullif(min(p.cpu_ms), 0), 2) AS cpu_times_plain,
	   round(percentile_cont(0.5) WITHIN GROUP (
			ORDER BY t.cpu_ms / nullif(p.cpu_ms, 0)
		 ) FILTER (WHERE p.round = t.round)::numeric, 2) AS round_median
  FROM bench_times t JOIN bench_sets s USING (data)
  JOIN bench_times p ON p.data = t.data AND p.how = t.how
   AND p.load = CASE WHEN t.load LIKE 'clean%' THEN 'clean plain' ELSE 'plain' END
 GROUP BY t.data, t.how, t.load, s.lines, s.clean_lines
 ORDER BY t.data, t.how, t.load LIKE 'clean%', min(t.ms);

DELETE FROM tpi_rules.finding_log
 WHERE table_name IN ('public.bench_flag', 'public.bench_stmt', 'public.bench_plain');
DROP TABLE bench_src, bench_plain, bench_flag, bench_stmt, bench_times, bench_clean,
	empty_row, empty_stmt,
	clean_plain, clean_row, clean_stmt, bench_sets, bench_logged;
\! rm -f /tmp/bench_guard.copy
