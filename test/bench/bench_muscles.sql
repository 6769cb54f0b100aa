-- bench_muscles.sql: muscle_count() and pick_code() over every TPI line of
-- bench_claims against the plain SQL an analyst would write (unnest, lower,
-- squeeze blanks, count distinct), in the same run and the same settings
-- (one process: no parallel workers).  Each query runs five times and the
-- best time counts.  Goal: the extension in at most 0.1x the SQL time.
--
-- Two settings: A scans all of bench_claims and filters the TPI lines, as
-- an analyst's query would (the scan and filter are common to both sides
-- and weigh on the ratio); B runs over a table holding only the TPI lines'
-- muscles, which isolates the cost of the counting itself.
\set ON_ERROR_STOP on
SET max_parallel_workers_per_gather = 0;
SET jit = off;

CREATE TEMP TABLE bench_timing (name text, run int, ms numeric, cpu_ms numeric);

-- This backend's CPU time (user + system) from /proc, in ms (10 ms ticks);
-- NULL where /proc or pg_read_file is not available.  Wall-clock times
-- swing with other load on the machine, CPU times much less.
CREATE FUNCTION pg_temp.cpu_ms() RETURNS numeric
LANGUAGE plpgsql AS $$
DECLARE
	s text;
BEGIN
	s := pg_catalog.pg_read_file('/proc/self/stat');
	s := pg_catalog.substr(s, pg_catalog.strpos(s, ') ') + 2);
	RETURN (pg_catalog.split_part(s, ' ', 12)::numeric +
			pg_catalog.split_part(s, ' ', 13)::numeric) * 10;
EXCEPTION WHEN OTHERS THEN
	RETURN NULL;
END $$;

CREATE FUNCTION pg_temp.time_query(name text, q text, runs int) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz;
	c0 numeric;
	i int;
BEGIN
	EXECUTE q;	-- warm the cache and the catalogue
	FOR i IN 1..runs LOOP
		c0 := pg_temp.cpu_ms();
		t0 := pg_catalog.clock_timestamp();
		EXECUTE q;
		INSERT INTO bench_timing VALUES (name, i,
			extract(epoch FROM pg_catalog.clock_timestamp() - t0) * 1000,
			pg_temp.cpu_ms() - c0);
	END LOOP;
END $$;

SELECT count(*) AS tpi_lines, sum(cardinality(muscles)) AS entries
  FROM bench_claims WHERE hcpcs IN ('20552', '20553');
CREATE TEMP TABLE bench_tpi_muscles AS
SELECT claim_id, line_no, muscles FROM bench_claims WHERE hcpcs IN ('20552', '20553');
VACUUM ANALYZE bench_tpi_muscles;

\o /dev/null
-- A. tpi_rules: the catalogue knows aliases, sides, parts, groups and regions.
SELECT pg_temp.time_query('A tpi_rules muscle_count + pick_code', $q$
	SELECT sum(n), count(code) FROM (
		SELECT tpi_rules.muscle_count(muscles) AS n, tpi_rules.pick_code(muscles) AS code
		  FROM bench_claims WHERE hcpcs IN ('20552', '20553')) s
$q$, 5);

-- A. Plain SQL: only case and blanks; no aliases, sides or parts (and so a
-- different, wrong, answer: "R trap" and "right trapezius" are two muscles
-- to it, "bilateral trapezius" one).
SELECT pg_temp.time_query('A plain SQL unnest + count distinct', $q$
	SELECT sum(n), count(code) FROM (
		SELECT l.claim_id, l.line_no, m.n,
			   CASE WHEN m.n = 0 THEN NULL WHEN m.n <= 2 THEN '20552' ELSE '20553' END AS code
		  FROM bench_claims l,
			   LATERAL (SELECT count(DISTINCT lower(regexp_replace(btrim(e), '\s+', ' ', 'g'))) AS n
						  FROM unnest(l.muscles) AS e
						 WHERE btrim(e) <> '') m
		 WHERE l.hcpcs IN ('20552', '20553')) s
$q$, 5);

-- A. The scan and filter alone.
SELECT pg_temp.time_query('A scan only', $q$
	SELECT count(*), sum(cardinality(muscles)) FROM bench_claims WHERE hcpcs IN ('20552', '20553')
$q$, 5);

-- B. The same over the TPI lines' muscles alone.
SELECT pg_temp.time_query('B tpi_rules muscle_count + pick_code', $q$
	SELECT sum(n), count(code) FROM (
		SELECT tpi_rules.muscle_count(muscles) AS n, tpi_rules.pick_code(muscles) AS code
		  FROM bench_tpi_muscles) s
$q$, 5);
SELECT pg_temp.time_query('B plain SQL unnest + count distinct', $q$
	SELECT sum(n), count(code) FROM (
		SELECT l.claim_id, l.line_no, m.n,
			   CASE WHEN m.n = 0 THEN NULL WHEN m.n <= 2 THEN '20552' ELSE '20553' END AS code
		  FROM bench_tpi_muscles l,
			   LATERAL (SELECT count(DISTINCT lower(regexp_replace(btrim(e), '\s+', ' ', 'g'))) AS n
						  FROM unnest(l.muscles) AS e
						 WHERE btrim(e) <> '') m) s
$q$, 5);
SELECT pg_temp.time_query('B scan only', $q$
	SELECT count(*), sum(cardinality(muscles)) FROM bench_tpi_muscles
$q$, 5);
\o

SELECT name, round(min(ms)) AS best_ms, round(avg(ms)) AS avg_ms, round(avg(cpu_ms)) AS avg_cpu_ms
  FROM bench_timing GROUP BY name ORDER BY name;

-- Ratios on the best wall-clock time and on the average CPU time; the
-- verdict goes by CPU time where there is one (it depends less on what
-- else the machine is doing).
SELECT b.setting,
	   round(e.best / s.best, 3) AS ratio_wall,
	   round(e.cpu / s.cpu, 3) AS ratio_cpu,
	   round((e.best - o.best) / (s.best - o.best), 3) AS ratio_wall_net_of_scan,
	   CASE WHEN coalesce(e.cpu / s.cpu, e.best / s.best) <= 0.1
			THEN 'goal met (<= 0.1x)' ELSE 'goal missed (> 0.1x)' END AS verdict
  FROM (VALUES ('A'), ('B')) AS b(setting),
	   LATERAL (SELECT min(ms) AS best, avg(cpu_ms) AS cpu FROM bench_timing
				 WHERE name = b.setting || ' tpi_rules muscle_count + pick_code') e,
	   LATERAL (SELECT min(ms) AS best, avg(cpu_ms) AS cpu FROM bench_timing
				 WHERE name = b.setting || ' plain SQL unnest + count distinct') s,
	   LATERAL (SELECT min(ms) AS best FROM bench_timing WHERE name = b.setting || ' scan only') o
 ORDER BY b.setting;
