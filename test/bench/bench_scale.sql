-- bench_scale.sql: how audit() and audit_patient scale (issues 15 and 17).
-- Not part of CI: `make bench`, or
--   psql -X -d DB -v ON_ERROR_STOP=1 -f test/bench/bench_scale.sql
-- over bench_claims (test/data/gen_claims.sql, made by run.sh; BENCH_N
-- lines, 1M by default).  It reports, in one run:
--   1. audit_patient partitionwise (8 hash partitions by patient_id, 2
--      workers) against audit() on the same lines; goal: >= 1.6x faster
--      on 2 cores;
--   2. audit() over :big_factor (default 5) times the lines, generated
--      the same way, against bench_claims; goal: <= 5.5x the time at 5x
--      the lines;
--   3. audit() and audit_patient over 2M lines of ONE patient (the first
--      2M lines of the big table under one placeholder patient id): time,
--      and the backend's peak private memory (peak RSS less the shared
--      memory it touched, from /proc); goals: < 15 s, < 1 GB, time about
--      linear in the lines (compare 2M lines of 800,000 patients).
-- Times are wall clock, best of :runs (default 3).
\set ON_ERROR_STOP on
\if :{?runs}
\else
\set runs 3
\endif
\if :{?big_factor}
\else
\set big_factor 5
\endif
SET client_min_messages = warning;
SET jit = off;
SET work_mem = '64MB';

SELECT count(*) AS n FROM bench_claims \gset
SELECT :n * :big_factor AS big_n \gset

CREATE FUNCTION pg_temp.best_ms(q text, n int, workers int) RETURNS numeric
LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz;
	best numeric := 'Infinity';
BEGIN
	PERFORM pg_catalog.set_config('max_parallel_workers_per_gather', workers::text, true);
	FOR i IN 1..n LOOP
		t0 := pg_catalog.clock_timestamp();
		EXECUTE q;
		best := LEAST(best, round(EXTRACT(epoch FROM pg_catalog.clock_timestamp() - t0) * 1000));
	END LOOP;
	RETURN best;
END
$$;

-- 1. Partitionwise audit_patient against audit().
DROP TABLE IF EXISTS bench_part;
CREATE TABLE bench_part (LIKE bench_claims) PARTITION BY HASH (patient_id);
SELECT format('CREATE TABLE bench_part_%s PARTITION OF bench_part FOR VALUES WITH (MODULUS 8, REMAINDER %s)', r, r)
  FROM generate_series(0, 7) r \gexec
INSERT INTO bench_part SELECT * FROM bench_claims;
VACUUM ANALYZE bench_part;
SET enable_partitionwise_aggregate = on;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF)
SELECT count(*), sum(cardinality(fs)) FROM (
	SELECT tpi_rules.audit_patient(ROW(c.*)::tpi_rules.claim_line) AS fs
	  FROM bench_part c GROUP BY c.patient_id) x;
CREATE TEMP TABLE bench_t AS
SELECT 'audit()' AS name, pg_temp.best_ms(
	'SELECT count(*) FROM tpi_rules.audit(''bench_claims'')', :runs, 0) AS ms
UNION ALL
SELECT 'audit_patient partitionwise, 2 workers', pg_temp.best_ms(
	'SELECT count(*), sum(cardinality(fs)) FROM (
		SELECT tpi_rules.audit_patient(ROW(c.*)::tpi_rules.claim_line) AS fs
		  FROM bench_part c GROUP BY c.patient_id) x', :runs, 2);
SELECT name, ms, round((SELECT ms FROM bench_t WHERE name = 'audit()') / ms, 2) AS speedup,
	   CASE WHEN name LIKE 'audit_patient%' THEN '>= 1.6' END AS goal
  FROM bench_t ORDER BY 1;
RESET enable_partitionwise_aggregate;
DROP TABLE bench_part;

-- 2. audit() at big_factor times the lines.
SELECT pg_catalog.to_regclass('bench_claims_big') IS NULL AS need_big \gset
\if :need_big
\else
SELECT count(*) <> :big_n AS need_big FROM bench_claims_big \gset
\endif
\if :need_big
\set n_save :n
\set n :big_n
\set table bench_claims_big
\ir ../data/gen_claims.sql
\set n :n_save
SET client_min_messages = warning;
\endif
SELECT pg_temp.best_ms('SELECT count(*) FROM tpi_rules.audit(''bench_claims'')', :runs, 0) AS ms_1x,
	   pg_temp.best_ms('SELECT count(*) FROM tpi_rules.audit(''bench_claims_big'')', :runs, 0) AS ms_big \gset
SELECT :n AS lines, :ms_1x AS ms, :big_n AS big_lines, :ms_big AS big_ms,
	   round(:ms_big::numeric / :ms_1x, 2) AS time_ratio, :big_factor AS line_ratio,
	   round(5.5 * :big_factor / 5, 2) AS goal;

-- 3. One patient with 2M lines: the first 2M lines of the big table under
-- one placeholder patient id (a view: audit() reads any relation).
SELECT string_agg(CASE attname WHEN 'patient_id' THEN '''P0''::text AS patient_id'
					ELSE pg_catalog.quote_ident(attname) END, ', ' ORDER BY attnum) AS cols
  FROM pg_attribute WHERE attrelid = 'bench_claims_big'::regclass AND attnum > 0 AND NOT attisdropped \gset
DROP VIEW IF EXISTS bench_one_patient;
CREATE VIEW bench_one_patient AS
SELECT :cols FROM bench_claims_big WHERE claim_id < 'C00800000';
SELECT count(*) AS one_patient_lines, count(DISTINCT date_of_service) AS dates FROM bench_one_patient;

-- Each measurement in a fresh backend, so its peak memory is its own.
DROP TABLE IF EXISTS bench_mem;
CREATE TABLE bench_mem (name text, ms numeric, cpu_ms numeric, findings bigint, peak_private_mb numeric);
\set what 'audit()'
\set q 'SELECT count(*) AS findings FROM tpi_rules.audit(''bench_one_patient'')'
\ir scale_mem.sql
\set what 'audit(), the same 2M lines of 133,334 patients'
\set q 'SELECT count(*) AS findings FROM tpi_rules.audit(''bench_claims_2m'')'
DROP VIEW IF EXISTS bench_claims_2m;
CREATE VIEW bench_claims_2m AS SELECT * FROM bench_claims_big WHERE claim_id < 'C00800000';
\ir scale_mem.sql
-- cardinality() straight over the aggregate: wrapping the group's array in
-- another aggregate (sum(cardinality(fs)) over a subquery) makes the
-- executor copy it.
\set what 'audit_patient'
\set q 'SELECT cardinality(tpi_rules.audit_patient(ROW(c.*)::tpi_rules.claim_line)) AS findings FROM bench_one_patient c GROUP BY c.patient_id'
\ir scale_mem.sql
SELECT name, ms, cpu_ms, findings, peak_private_mb, '< 15000 ms, < 1024 MB' AS goal
  FROM bench_mem ORDER BY name;
DROP VIEW bench_one_patient;
DROP VIEW bench_claims_2m;
DROP TABLE bench_mem;
