-- Benchmark of the frequency subsystem (not part of CI):
--   1. sessions_in_window() against the best plain SQL for the same count
--      (flag the first line of each patient-day, then a RANGE frame sum);
--      goal: at most 1.0x its time;
--   2. frequency_check() grouped by patient against that same SQL (which
--      only counts, and judges nothing); goal: at most 0.5x.  It is timed
--      with the lines' regions read from a column (the same input the SQL
--      gets), and with regions(muscles) parsed inline, whose cost is the
--      muscle parser's; and with 2 parallel workers allowed, with the plan
--      PostgreSQL chooses at its default costs and with partial
--      aggregation forced (parallel_setup_cost = parallel_tuple_cost = 0,
--      enable_hashagg = off: sorted partial aggregates in the workers),
--      whose plan is shown.
-- Usage: psql -X -d DB -f test/bench/bench_frequency.sql, in a database
-- with tpi_rules installed (-v runs=N, -v source=TABLE optional).  Input:
-- the TPI lines of the source table (default tpi_rules.claim_line, where
-- test/data/gen_claims.sql puts its claims) when it holds at least 100,000
-- of them, else 1M synthetic lines.  Every query runs single-process (no
-- parallel workers, no JIT) unless its name says workers, and the best of
-- :runs runs is reported (wall clock; CPU time is the leader's only).
\set ON_ERROR_STOP on
\if :{?runs}
\else
\set runs 3
\endif
\if :{?source}
\else
\set source tpi_rules.claim_line
\endif
SET client_min_messages = warning;
SET datestyle = 'ISO, YMD';
SET max_parallel_workers_per_gather = 0;
SET jit = off;
SET work_mem = '256MB';

-- Plain (unlogged) tables, not temporary ones: a temporary table is never
-- scanned by parallel workers.
DROP TABLE IF EXISTS bench_lines, bench_lines_r;
CREATE UNLOGGED TABLE bench_lines AS
SELECT patient_id, payer_id, date_of_service, muscles
FROM :source
WHERE hcpcs IN ('20552', '20553');

-- Synthetic lines: 150,000 patients with 1 to 12 sessions each, 2 to 17
-- weeks apart from a start in 2023-2024; about one session in 30 has a
-- second TPI line; a mix of payers and of documented muscles.
INSERT INTO bench_lines
SELECT 'P' || p,
	   (ARRAY['medicare', 'medicare', 'medicare', 'medicare', 'medicare', 'medicare', 'medicare',
			  'medicare_novitas', 'emblemhealth', 'aetna', 'aetna', 'aetna', 'evicore',
			  'bcbsa', 'bcbsa', 'bcbsa', 'commercial_default', 'commercial_default',
			  'commercial_default', 'acme_health'])[1 + (hashint4(p) & 2147483647) % 20],
	   d,
	   (ARRAY['{R upper trapezius,L upper trapezius}',
			  '{right quadratus lumborum}',
			  '{levator scap,rt. rhomboid major,L trapezius}',
			  '{glute med,piriformis}',
			  '{bilateral lumbar paraspinals}',
			  '{R infraspinatus}',
			  '{L SCM,L scalenes,R splenius capitis}',
			  '{shoulder}'])[1 + (hashint4(p * 31 + s) & 2147483647) % 8]::text[]
FROM (SELECT count(*) FROM bench_lines) have(n),
	 generate_series(1, 150000) p,
	 LATERAL (SELECT s, date '2023-01-01' + (hashint4(p) & 2147483647) % 730 +
					 (sum(14 + (hashint4(p * 100 + s) & 2147483647) % 106) OVER (ORDER BY s))::int AS d
			  FROM generate_series(1, 1 + (hashint4(p + 7) & 2147483647) % 12) s) ss,
	 generate_series(1, CASE WHEN (hashint4(p * 1000 + s) & 2147483647) % 30 = 0 THEN 2 ELSE 1 END) dup
WHERE have.n < 100000;
-- regions() once per line, for the variant that reads them from a column
CREATE UNLOGGED TABLE bench_lines_r AS
SELECT *, tpi_rules.regions(muscles) AS regions FROM bench_lines;
DROP TABLE bench_lines;
ALTER TABLE bench_lines_r RENAME TO bench_lines;
ANALYZE bench_lines;

SELECT count(*) AS lines, count(DISTINCT patient_id) AS patients,
	   count(DISTINCT (patient_id, date_of_service)) AS sessions
FROM bench_lines;

-- Best wall-clock and best CPU time of a query over n runs, in ms.  CPU
-- time is the backend's user + system time from /proc (clock ticks of
-- 10 ms), which a busy machine disturbs far less than wall-clock time; it
-- is NULL where /proc cannot be read (not Linux, or not a superuser).
\ir cpu_ms.sql

CREATE FUNCTION pg_temp.best_ms(q text, n int, settings text, OUT wall_ms numeric, OUT cpu_ms numeric)
LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz;
	c0 numeric;
BEGIN
	IF settings IS NOT NULL THEN
		EXECUTE settings;
	END IF;
	wall_ms := 'Infinity';
	FOR i IN 1..n LOOP
		c0 := pg_temp.cpu_ms();
		t0 := pg_catalog.clock_timestamp();
		EXECUTE q;
		wall_ms := LEAST(wall_ms, round(EXTRACT(epoch FROM pg_catalog.clock_timestamp() - t0) * 1000));
		cpu_ms := LEAST(cpu_ms, pg_temp.cpu_ms() - c0);
	END LOOP;
	SET LOCAL max_parallel_workers_per_gather = 0;
	SET LOCAL parallel_setup_cost = 1000;
	SET LOCAL parallel_tuple_cost = 0.1;
	SET LOCAL enable_hashagg = on;
END
$$;

CREATE TEMP TABLE bench_q (name text PRIMARY KEY, q text, settings text);
INSERT INTO bench_q VALUES
('plain SQL window', $q$
SELECT count(*), sum(n) FROM (
	SELECT sum(first_of_day) OVER (PARTITION BY patient_id ORDER BY date_of_service
								   RANGE BETWEEN interval '12 months -1 day' PRECEDING AND CURRENT ROW) AS n
	FROM (SELECT patient_id, date_of_service,
				 CASE WHEN lag(date_of_service) OVER (PARTITION BY patient_id ORDER BY date_of_service)
						   = date_of_service THEN 0 ELSE 1 END AS first_of_day
		  FROM bench_lines) f) x
$q$),
('sessions_in_window', $q$
SELECT count(*), sum(n) FROM (
	SELECT tpi_rules.sessions_in_window(date_of_service, interval '12 months')
			   OVER (PARTITION BY patient_id ORDER BY date_of_service) AS n
	FROM bench_lines) x
$q$),
('frequency_check by patient', $q$
SELECT count(*), sum(cardinality(f)) FROM (
	SELECT patient_id,
		   tpi_rules.frequency_check(date_of_service, regions, payer_id) AS f
	FROM bench_lines GROUP BY patient_id) x
$q$),
('frequency_check by patient, regions(muscles) inline', $q$
SELECT count(*), sum(cardinality(f)) FROM (
	SELECT patient_id,
		   tpi_rules.frequency_check(date_of_service, tpi_rules.regions(muscles), payer_id) AS f
	FROM bench_lines GROUP BY patient_id) x
$q$);
INSERT INTO bench_q
SELECT name || ', 2 workers', q, 'SET LOCAL max_parallel_workers_per_gather = 2'
  FROM bench_q WHERE name = 'frequency_check by patient'
UNION ALL
SELECT name || ', 2 workers, partial aggregation forced', q,
	   'SET LOCAL max_parallel_workers_per_gather = 2; SET LOCAL parallel_setup_cost = 0; SET LOCAL parallel_tuple_cost = 0; SET LOCAL enable_hashagg = off'
  FROM bench_q WHERE name = 'frequency_check by patient';

-- The forced parallel plan: partial aggregates in the workers (serialize),
-- combined in the leader (deserialize, combine, final).
BEGIN;
SET LOCAL max_parallel_workers_per_gather = 2;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL enable_hashagg = off;
EXPLAIN (COSTS OFF)
SELECT count(*), sum(cardinality(f)) FROM (
	SELECT patient_id,
		   tpi_rules.frequency_check(date_of_service, regions, payer_id) AS f
	FROM bench_lines GROUP BY patient_id) x;
COMMIT;

-- The two counts agree on every line.
SELECT count(*) AS lines_compared, count(*) FILTER (WHERE a <> b) AS mismatches
FROM (SELECT tpi_rules.sessions_in_window(date_of_service, interval '12 months')
				 OVER w AS a,
			 sum(first_of_day) OVER (w RANGE BETWEEN interval '12 months -1 day' PRECEDING AND CURRENT ROW) AS b
	  FROM (SELECT patient_id, date_of_service,
				   CASE WHEN lag(date_of_service) OVER (PARTITION BY patient_id ORDER BY date_of_service)
							 = date_of_service THEN 0 ELSE 1 END AS first_of_day
			FROM bench_lines) f
	  WINDOW w AS (PARTITION BY patient_id ORDER BY date_of_service)) x;

SELECT (u).rule_id, count(*) AS findings
FROM (SELECT unnest(tpi_rules.frequency_check(date_of_service, tpi_rules.regions(muscles), payer_id)) AS u
	  FROM bench_lines GROUP BY patient_id) x
GROUP BY 1 ORDER BY 1;

CREATE TEMP TABLE bench_t AS
SELECT q.name, b.* FROM bench_q q, LATERAL pg_temp.best_ms(q.q, :runs, q.settings) b;

SELECT t.name, t.wall_ms, t.cpu_ms,
	   round(t.wall_ms / NULLIF(base.wall_ms, 0), 2) AS wall_ratio,
	   round(t.cpu_ms / NULLIF(base.cpu_ms, 0), 2) AS cpu_ratio,
	   CASE WHEN t.name = 'sessions_in_window' THEN '<= 1.0'
			WHEN t.name LIKE 'frequency_check%' THEN '<= 0.5' END AS goal
FROM bench_t t, bench_t base
WHERE base.name = 'plain SQL window'
ORDER BY t.name;

DROP TABLE bench_lines;
