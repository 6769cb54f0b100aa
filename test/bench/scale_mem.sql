-- scale_mem.sql: included by bench_scale.sql.  Runs :q (one row, a column
-- named findings) in a fresh backend and records in bench_mem, as :what,
-- its wall time and the backend's peak private memory: VmHWM (peak RSS)
-- less RssShmem (the shared buffers it touched), from /proc.
\connect
SET client_min_messages = warning;
SET jit = off;
SET work_mem = '64MB';
SET max_parallel_workers_per_gather = 0;
SELECT pg_catalog.clock_timestamp() AS t0 \gset
:q \gset
SELECT round(EXTRACT(epoch FROM pg_catalog.clock_timestamp() - :'t0'::timestamptz) * 1000) AS ms \gset
INSERT INTO bench_mem
SELECT :'what', :ms, :findings,
	   round(((pg_catalog.regexp_match(s, 'VmHWM:\s+(\d+)'))[1]::numeric -
			  (pg_catalog.regexp_match(s, 'RssShmem:\s+(\d+)'))[1]::numeric) / 1024)
  FROM pg_catalog.pg_read_file('/proc/' || pg_catalog.pg_backend_pid() || '/status') s;
