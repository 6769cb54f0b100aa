-- One round of bench_guard.sql (guard_set.sql includes it three times per
-- data set; named so that run.sh, which runs test/bench/bench_*.sql,
-- leaves it alone): each table loaded by INSERT ... SELECT and by COPY, in
-- patient order, each load one transaction; :round numbers it, :data
-- names the set.  Each load records its wall-clock time and the backend's
-- CPU time (cpu_ms.sql), which other load on the machine disturbs less.
--
-- Every load that writes finding_log starts from the same log: none of
-- the round's rows, live or dead (reset_log, untimed).  Otherwise each
-- load would insert its claims' keys among the same keys the load before
-- it wrote (the same lines are loaded into each table), which no real
-- load does and which costs index descents and page splits the first
-- load does not pay.
--
-- Every timed load starts just after a CHECKPOINT (untimed).  A guarded
-- load writes two to three times the WAL of the unguarded one (its log
-- rows), so without it the checkpoints that the round's WAL triggers, and
-- the checkpointer's writes and fsyncs beside the load, fall into some
-- loads and not others, and decide a ratio more than the code does.
-- run.sh gives its throwaway cluster a max_wal_size and checkpoint_timeout
-- that no single load reaches, and no autovacuum (each load's table and
-- the log are emptied and vacuumed by the round itself).
\set reset_log 'DELETE FROM tpi_rules.finding_log WHERE table_name IN (''public.bench_plain'', ''public.bench_flag'', ''public.bench_stmt''); VACUUM tpi_rules.finding_log;'
TRUNCATE bench_plain, bench_flag, bench_stmt, empty_row, empty_stmt;
DELETE FROM tpi_rules.finding_log WHERE table_name IN ('public.bench_flag', 'public.bench_stmt');
CHECKPOINT;
SELECT clock_timestamp() AS t0, pg_temp.cpu_ms() AS c0 \gset
INSERT INTO bench_plain SELECT * FROM bench_src ORDER BY patient_id, date_of_service, claim_id, line_no;
INSERT INTO bench_times SELECT :'data', :round, 'plain', 'insert', 1000 * extract(epoch FROM clock_timestamp() - :'t0'), pg_temp.cpu_ms() - :c0,
	(SELECT count(*) FROM bench_plain) = :src_rows;
CHECKPOINT;
SELECT clock_timestamp() AS t0, pg_temp.cpu_ms() AS c0 \gset
INSERT INTO empty_row SELECT * FROM bench_src ORDER BY patient_id, date_of_service, claim_id, line_no;
INSERT INTO bench_times SELECT :'data', :round, 'empty row trigger', 'insert', 1000 * extract(epoch FROM clock_timestamp() - :'t0'), pg_temp.cpu_ms() - :c0,
	(SELECT count(*) FROM empty_row) = :src_rows;
CHECKPOINT;
SELECT clock_timestamp() AS t0, pg_temp.cpu_ms() AS c0 \gset
INSERT INTO empty_stmt SELECT * FROM bench_src ORDER BY patient_id, date_of_service, claim_id, line_no;
INSERT INTO bench_times SELECT :'data', :round, 'empty statement trigger', 'insert', 1000 * extract(epoch FROM clock_timestamp() - :'t0'), pg_temp.cpu_ms() - :c0,
	(SELECT count(*) FROM empty_stmt) = :src_rows;
-- the plain-SQL way to the flag loads' log: the unguarded INSERT, then
-- audit() over the loaded table into finding_log (its time plus the
-- INSERT's, as one load)
SELECT ms AS p_ms, cpu_ms AS p_cpu FROM bench_times
 WHERE data = :'data' AND round = :round AND load = 'plain' AND how = 'insert' \gset
:reset_log
CHECKPOINT;
SELECT clock_timestamp() AS t0, pg_temp.cpu_ms() AS c0 \gset
INSERT INTO tpi_rules.finding_log (table_name, claim_id, line_no, patient_id,
								   date_of_service, rule_id, severity, message)
SELECT 'public.bench_plain', a.* FROM tpi_rules.audit('bench_plain') a;
INSERT INTO bench_times SELECT :'data', :round, 'plain + audit() logged', 'insert',
	:p_ms + 1000 * extract(epoch FROM clock_timestamp() - :'t0'), :p_cpu + pg_temp.cpu_ms() - :c0,
	(SELECT count(*) FROM bench_plain) = :src_rows;
DELETE FROM tpi_rules.finding_log WHERE table_name = 'public.bench_plain';
:reset_log
CHECKPOINT;
SELECT clock_timestamp() AS t0, pg_temp.cpu_ms() AS c0 \gset
INSERT INTO bench_flag SELECT * FROM bench_src ORDER BY patient_id, date_of_service, claim_id, line_no;
INSERT INTO bench_times SELECT :'data', :round, 'flag', 'insert', 1000 * extract(epoch FROM clock_timestamp() - :'t0'), pg_temp.cpu_ms() - :c0,
	(SELECT count(*) FROM bench_flag) = :src_rows;
:reset_log
CHECKPOINT;
SELECT clock_timestamp() AS t0, pg_temp.cpu_ms() AS c0 \gset
INSERT INTO bench_stmt SELECT * FROM bench_src ORDER BY patient_id, date_of_service, claim_id, line_no;
INSERT INTO bench_times SELECT :'data', :round, 'statement', 'insert', 1000 * extract(epoch FROM clock_timestamp() - :'t0'), pg_temp.cpu_ms() - :c0,
	(SELECT count(*) FROM bench_stmt) = :src_rows;

TRUNCATE bench_plain, bench_flag, bench_stmt, empty_row, empty_stmt;
DELETE FROM tpi_rules.finding_log WHERE table_name IN ('public.bench_flag', 'public.bench_stmt');
CHECKPOINT;
SELECT clock_timestamp() AS t0, pg_temp.cpu_ms() AS c0 \gset
\copy bench_plain FROM '/tmp/bench_guard.copy'
INSERT INTO bench_times SELECT :'data', :round, 'plain', 'copy', 1000 * extract(epoch FROM clock_timestamp() - :'t0'), pg_temp.cpu_ms() - :c0,
	(SELECT count(*) FROM bench_plain) = :src_rows;
CHECKPOINT;
SELECT clock_timestamp() AS t0, pg_temp.cpu_ms() AS c0 \gset
\copy empty_row FROM '/tmp/bench_guard.copy'
INSERT INTO bench_times SELECT :'data', :round, 'empty row trigger', 'copy', 1000 * extract(epoch FROM clock_timestamp() - :'t0'), pg_temp.cpu_ms() - :c0,
	(SELECT count(*) FROM empty_row) = :src_rows;
CHECKPOINT;
SELECT clock_timestamp() AS t0, pg_temp.cpu_ms() AS c0 \gset
\copy empty_stmt FROM '/tmp/bench_guard.copy'
INSERT INTO bench_times SELECT :'data', :round, 'empty statement trigger', 'copy', 1000 * extract(epoch FROM clock_timestamp() - :'t0'), pg_temp.cpu_ms() - :c0,
	(SELECT count(*) FROM empty_stmt) = :src_rows;
:reset_log
CHECKPOINT;
SELECT clock_timestamp() AS t0, pg_temp.cpu_ms() AS c0 \gset
\copy bench_flag FROM '/tmp/bench_guard.copy'
INSERT INTO bench_times SELECT :'data', :round, 'flag', 'copy', 1000 * extract(epoch FROM clock_timestamp() - :'t0'), pg_temp.cpu_ms() - :c0,
	(SELECT count(*) FROM bench_flag) = :src_rows;
INSERT INTO bench_logged SELECT :'data', :round, table_name, rule_id, count(*)
  FROM tpi_rules.finding_log WHERE table_name = 'public.bench_flag' GROUP BY 1, 2, 3, 4;
:reset_log
CHECKPOINT;
SELECT clock_timestamp() AS t0, pg_temp.cpu_ms() AS c0 \gset
\copy bench_stmt FROM '/tmp/bench_guard.copy'
INSERT INTO bench_times SELECT :'data', :round, 'statement', 'copy', 1000 * extract(epoch FROM clock_timestamp() - :'t0'), pg_temp.cpu_ms() - :c0,
	(SELECT count(*) FROM bench_stmt) = :src_rows;
INSERT INTO bench_logged SELECT :'data', :round, table_name, rule_id, count(*)
  FROM tpi_rules.finding_log WHERE table_name = 'public.bench_stmt' GROUP BY 1, 2, 3, 4;

-- the clean lines, reject mode: checking without logging
TRUNCATE clean_plain, clean_row, clean_stmt;
CHECKPOINT;
SELECT clock_timestamp() AS t0, pg_temp.cpu_ms() AS c0 \gset
INSERT INTO clean_plain SELECT * FROM bench_clean ORDER BY patient_id, date_of_service, claim_id, line_no;
INSERT INTO bench_times SELECT :'data', :round, 'clean plain', 'insert', 1000 * extract(epoch FROM clock_timestamp() - :'t0'), pg_temp.cpu_ms() - :c0,
	(SELECT count(*) FROM clean_plain) = :clean_rows;
-- the plain-SQL way to the reject loads' check: the unguarded INSERT,
-- then audit() over the loaded table for errors
SELECT ms AS p_ms, cpu_ms AS p_cpu FROM bench_times
 WHERE data = :'data' AND round = :round AND load = 'clean plain' AND how = 'insert' \gset
CHECKPOINT;
SELECT clock_timestamp() AS t0, pg_temp.cpu_ms() AS c0 \gset
SELECT count(*) AS audit_errors FROM tpi_rules.audit('clean_plain') WHERE severity = 'error' \gset
INSERT INTO bench_times SELECT :'data', :round, 'clean plain + audit() checked', 'insert',
	:p_ms + 1000 * extract(epoch FROM clock_timestamp() - :'t0'), :p_cpu + pg_temp.cpu_ms() - :c0,
	(SELECT count(*) FROM clean_plain) = :clean_rows AND :audit_errors = 0;
CHECKPOINT;
SELECT clock_timestamp() AS t0, pg_temp.cpu_ms() AS c0 \gset
INSERT INTO clean_row SELECT * FROM bench_clean ORDER BY patient_id, date_of_service, claim_id, line_no;
INSERT INTO bench_times SELECT :'data', :round, 'clean reject', 'insert', 1000 * extract(epoch FROM clock_timestamp() - :'t0'), pg_temp.cpu_ms() - :c0,
	(SELECT count(*) FROM clean_row) = :clean_rows;
CHECKPOINT;
SELECT clock_timestamp() AS t0, pg_temp.cpu_ms() AS c0 \gset
INSERT INTO clean_stmt SELECT * FROM bench_clean ORDER BY patient_id, date_of_service, claim_id, line_no;
INSERT INTO bench_times SELECT :'data', :round, 'clean reject statement', 'insert', 1000 * extract(epoch FROM clock_timestamp() - :'t0'), pg_temp.cpu_ms() - :c0,
	(SELECT count(*) FROM clean_stmt) = :clean_rows;
