-- muscle_count_agg and pick_code_agg under parallel aggregation: forced
-- workers build partial states, serialise them, and the leader
-- deserialises and combines them.  The results must equal the serial ones.
SET datestyle = 'ISO, YMD';
SET timezone = 'UTC';

-- One row per documented entry; 4 entries per line, sides, parts, groups,
-- region terms, unknown names, blanks and NULLs.
CREATE TABLE muscle_par_entries AS
SELECT g / 4 AS line,
	   (ARRAY['right', 'left', 'bilateral', '', 'R.', 'lt', 'b/l'])[1 + (g::bigint * 2654435761 % 1000003) % 7] || ' ' ||
	   (ARRAY['trapezius', 'levator scap', 'paraspinals', 'shoulder', 'foo ' || (g % 13),
			  'upper trap', 'QL', NULL, 'glute med', ' , '])[1 + (g::bigint * 40503 % 65537) % 10] AS entry
  FROM generate_series(1, 80000) AS g;
ANALYZE muscle_par_entries;

-- Serial results first.
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE serial_by_line AS
SELECT line, tpi_rules.muscle_count_agg(entry) AS n, tpi_rules.pick_code_agg(entry) AS code
  FROM muscle_par_entries GROUP BY line;
CREATE TEMP TABLE serial_all AS
SELECT tpi_rules.muscle_count_agg(entry) AS n, tpi_rules.pick_code_agg(entry) AS code,
	   count(*) AS nrows
  FROM muscle_par_entries;

-- Now force parallel plans.
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET parallel_leader_participation = off;
SET max_parallel_workers_per_gather = 2;

EXPLAIN (COSTS OFF)
SELECT tpi_rules.muscle_count_agg(entry), tpi_rules.pick_code_agg(entry) FROM muscle_par_entries;

-- The grouped plan's shape (hash or sort) is the planner's choice; what
-- matters is that it aggregates partially below a Gather.
CREATE FUNCTION pg_temp.plan_has(query text, node text) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
	line text;
	found_node boolean := false;
	found_gather boolean := false;
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || query LOOP
		found_node := found_node OR line LIKE '%' || node || '%';
		found_gather := found_gather OR line LIKE '%Gather%';
	END LOOP;
	RETURN found_node AND found_gather;
END $$;
SELECT pg_temp.plan_has('SELECT line, tpi_rules.muscle_count_agg(entry), tpi_rules.pick_code_agg(entry)
						   FROM muscle_par_entries GROUP BY line', 'Partial') AS grouped_partial;

CREATE TEMP TABLE parallel_all AS
SELECT tpi_rules.muscle_count_agg(entry) AS n, tpi_rules.pick_code_agg(entry) AS code,
	   count(*) AS nrows
  FROM muscle_par_entries;
SELECT s.n = p.n AS same_count, s.code = p.code AS same_code, s.nrows, s.n, s.code
  FROM serial_all s, parallel_all p;

-- Grouped, compared both ways; each EXCEPT must return no row.
CREATE TEMP TABLE parallel_by_line AS
SELECT line, tpi_rules.muscle_count_agg(entry) AS n, tpi_rules.pick_code_agg(entry) AS code
  FROM muscle_par_entries GROUP BY line;
SELECT count(*) AS lines FROM parallel_by_line;
SELECT * FROM (TABLE serial_by_line EXCEPT TABLE parallel_by_line) AS d ORDER BY line;
SELECT * FROM (TABLE parallel_by_line EXCEPT TABLE serial_by_line) AS d ORDER BY line;

-- Groups whose rows are spread over the whole table, so that every group
-- is combined from the states of both workers.
CREATE TEMP TABLE parallel_spread AS
SELECT line % 97 AS bucket, tpi_rules.muscle_count_agg(entry) AS n, tpi_rules.pick_code_agg(entry) AS code
  FROM muscle_par_entries GROUP BY line % 97;
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE serial_spread AS
SELECT line % 97 AS bucket, tpi_rules.muscle_count_agg(entry) AS n, tpi_rules.pick_code_agg(entry) AS code
  FROM muscle_par_entries GROUP BY line % 97;
SET max_parallel_workers_per_gather = 2;
SELECT count(*) AS buckets, min(n) AS min_n, max(n) AS max_n FROM parallel_spread;
SELECT * FROM (TABLE serial_spread EXCEPT TABLE parallel_spread) AS d ORDER BY bucket;
SELECT * FROM (TABLE parallel_spread EXCEPT TABLE serial_spread) AS d ORDER BY bucket;

-- And the aggregates equal the array functions on the same lines.
SELECT * FROM (
	SELECT line, tpi_rules.muscle_count(array_agg(entry)) AS n,
		   tpi_rules.pick_code(array_agg(entry)) AS code
	  FROM muscle_par_entries GROUP BY line
	EXCEPT TABLE parallel_by_line) AS d
 ORDER BY line;

-- The lines cover every code and count the data can give.
SELECT n, code, count(*) AS lines FROM parallel_by_line GROUP BY n, code ORDER BY n;

RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET parallel_leader_participation;
RESET max_parallel_workers_per_gather;
DROP TABLE muscle_par_entries;
