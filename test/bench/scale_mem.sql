-- scale_mem.sql: included by bench_scale.sql.  Runs :q (one row, a column
-- named findings) in a fresh backend and records in bench_mem, as :what,
-- its wall time, its CPU time (user + system from /proc, clock ticks of
-- 10 ms: a busy machine disturbs it far less than wall time) and the
-- backend's peak private memory: VmHWM (peak RSS) less RssShmem (the
-- shared buffers it touched), from /proc.
\connect
SET client_min_messages = warning;
SET jit = off;
SET work_mem = '64MB';
SET max_parallel_workers_per_gather = 0;
SELECT (f[12]::numeric + f[13]::numeric) * 10 AS c0, pg_catalog.clock_timestamp() AS t0
  FROM pg_catalog.regexp_split_to_array(pg_catalog.split_part(pg_catalog.pg_read_file(
		'/proc/' || pg_catalog.pg_backend_pid() || '/stat'), ') ', 2), ' ') f \gset
:q \gset
SELECT round(EXTRACT(epoch FROM pg_catalog.clock_timestamp() - :'t0'::timestamptz) * 1000) AS ms,
	   (f[12]::numeric + f[13]::numeric) * 10 - :c0 AS cpu_ms
  FROM pg_catalog.regexp_split_to_array(pg_catalog.split_part(pg_catalog.pg_read_file(
		'/proc/' || pg_catalog.pg_backend_pid() || '/stat'), ') ', 2), ' ') f \gset
INSERT INTO bench_mem
SELECT :'what', :ms, :cpu_ms, :findings,
	   round(((pg_catalog.regexp_match(s, 'VmHWM:\s+(\d+)'))[1]::numeric -
			  (pg_catalog.regexp_match(s, 'RssShmem:\s+(\d+)'))[1]::numeric) / 1024)
  FROM pg_catalog.pg_read_file('/proc/' || pg_catalog.pg_backend_pid() || '/status') s;
