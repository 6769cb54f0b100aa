-- One data set of bench_guard.sql (named so that run.sh, which runs
-- test/bench/bench_*.sql, leaves it alone): bench_src holds the set's
-- lines and :data names it.  Makes the set's clean lines, warms the
-- backend's caches, and runs three rounds of guard_round.sql.
ANALYZE bench_src;
DROP TABLE IF EXISTS bench_clean;
CREATE TABLE bench_clean AS
SELECT * FROM bench_src
 WHERE patient_id NOT IN (SELECT patient_id FROM tpi_rules.audit('bench_src')
						   WHERE severity = 'error' AND patient_id IS NOT NULL);
INSERT INTO bench_sets
SELECT :'data', (SELECT count(*) FROM bench_src), (SELECT count(*) FROM bench_clean),
	   (SELECT count(*) FROM tpi_rules.audit('bench_src'));
SELECT lines AS src_rows, clean_lines AS clean_rows FROM bench_sets WHERE data = :'data' \gset
-- warm the backend's caches (policies, muscles, plans) outside the timing
TRUNCATE bench_flag, bench_stmt;
INSERT INTO bench_flag SELECT * FROM bench_src LIMIT 10;
INSERT INTO bench_stmt SELECT * FROM bench_src LIMIT 10;
\copy (SELECT * FROM bench_src ORDER BY patient_id, date_of_service, claim_id, line_no) TO '/tmp/bench_guard.copy'

\set round 1
\ir guard_round.sql
-- what the triggers logged, from the round's COPY.  The row and the
-- statement trigger agree except for frequency findings of a session
-- whose lines arrive in one statement: the row trigger logs such a finding
-- once, for the line that caused it, the statement trigger for each new
-- line of the session that owns it (about 85 of 25,000 in the stress set).
SELECT :'data' AS data, rule_id,
	   sum(n) FILTER (WHERE table_name = 'public.bench_flag') AS row_trigger,
	   sum(n) FILTER (WHERE table_name = 'public.bench_stmt') AS statement_trigger
  FROM bench_logged WHERE data = :'data' AND round = 1
 GROUP BY rule_id ORDER BY 3 DESC, 2;
\set round 2
\ir guard_round.sql
\set round 3
\ir guard_round.sql
