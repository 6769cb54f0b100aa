-- bench_837p.sql: read_837p() over a generated 837P batch, and the audit
-- of what it read.  Not part of CI: `make bench` or
--   psql -d DB -v ON_ERROR_STOP=1 -f test/bench/bench_837p.sql
-- (from the repository root; BENCH_837P_LINES in the environment sets the
-- number of service lines, default 100000).
-- Goal (SPEC section 11): at least 50 MB of 837P text per second.  The
-- time is the server's, best of five: the text is stored in a table first
-- (uncompressed), so neither the network nor psql is counted.
-- read_837p_file() is timed over the same batch written as a server file.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
\set f `perl test/data/gen_837p.pl ${BENCH_837P_LINES:-100000}`
DROP TABLE IF EXISTS bench_837p_text, bench_837p_lines;
CREATE TABLE bench_837p_text (t text);
ALTER TABLE bench_837p_text ALTER COLUMN t SET STORAGE EXTERNAL;
INSERT INTO bench_837p_text VALUES (:'f');
\unset f
SET client_min_messages = notice;

SELECT pg_size_pretty(octet_length(t)::bigint) AS batch_size,
	   (SELECT count(*) FROM regexp_matches(t, 'SV1\*', 'g')) AS sv1_segments
  FROM bench_837p_text;

-- Best of several runs of a count(*) query over bytes of 837P text: wall
-- clock and backend CPU time, and MB/s by each (on a busy machine the CPU
-- figure is the one to compare).
\ir cpu_ms.sql
CREATE FUNCTION pg_temp.best_of(query text, bytes bigint, runs int)
RETURNS TABLE (lines bigint, best_ms numeric, mb_per_s numeric,
			   best_cpu_ms numeric, mb_per_cpu_s numeric)
LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz;
	c0 numeric;
BEGIN
	FOR i IN 1 .. runs LOOP
		t0 := clock_timestamp();
		c0 := pg_temp.cpu_ms();
		EXECUTE query INTO lines;
		best_cpu_ms := least(best_cpu_ms, pg_temp.cpu_ms() - c0);
		best_ms := least(best_ms, extract(epoch FROM clock_timestamp() - t0) * 1000);
	END LOOP;
	mb_per_s := round(bytes / 1e6 / (best_ms / 1000), 1);
	mb_per_cpu_s := round(bytes / 1e6 / (nullif(best_cpu_ms, 0) / 1000), 1);
	best_ms := round(best_ms, 1);
	RETURN NEXT;
END
$$;

-- read_837p: rows out, best of five.
SELECT 'read_837p' AS function, b.*
  FROM bench_837p_text t,
	   pg_temp.best_of('SELECT count(*) FROM bench_837p_text b, tpi_rules.read_837p(b.t)',
					   octet_length(t.t), 5) b;

-- read_837p_file over the same batch as a server file (one line), best of
-- three.
SELECT current_setting('data_directory') || '/bench_837p.837' AS path \gset
COPY (SELECT replace(t, E'\n', '') FROM bench_837p_text) TO :'path';
SELECT 'read_837p_file' AS function, b.*
  FROM pg_temp.best_of(format('SELECT count(*) FROM tpi_rules.read_837p_file(%L)', :'path'),
					   (pg_stat_file(:'path')).size, 3) b;
COPY (SELECT '') TO :'path';

-- What an analyst does next: store the lines, map the payers (when
-- tpi_rules.payer_map exists), audit.
\timing on
CREATE TABLE bench_837p_lines AS
	SELECT r.* FROM bench_837p_text b, tpi_rules.read_837p(b.t) r;
CREATE INDEX ON bench_837p_lines (patient_id, date_of_service);
ANALYZE bench_837p_lines;
\timing off
SELECT pg_catalog.to_regclass('tpi_rules.payer_map') IS NOT NULL AS have_payer_map \gset
\if :have_payer_map
BEGIN;
INSERT INTO tpi_rules.payer_map (source_id, payer_id)
	VALUES ('13202', 'medicare'), ('60054', 'aetna'), ('BCBS1', 'bcbsa')
	ON CONFLICT DO NOTHING;
\else
UPDATE bench_837p_lines SET payer_id = CASE payer_id WHEN '13202' THEN 'medicare'
	WHEN '60054' THEN 'aetna' WHEN 'BCBS1' THEN 'bcbsa' ELSE payer_id END;
\endif
\timing on
CREATE TEMP TABLE bench_837p_findings AS
	SELECT * FROM tpi_rules.audit('bench_837p_lines', NULL, NULL);
\timing off
SELECT rule_id, severity, count(*) AS findings, count(DISTINCT claim_id) AS claims
  FROM bench_837p_findings GROUP BY rule_id, severity ORDER BY count(*) DESC, rule_id;
\if :have_payer_map
ROLLBACK;
\endif
DROP TABLE bench_837p_text, bench_837p_lines;
