-- cpu_ms.sql: pg_temp.cpu_ms(), the backend's CPU time in ms (user + system
-- from /proc, clock ticks of 10 ms), which a busy machine disturbs far less
-- than wall-clock time; NULL where /proc cannot be read (not Linux, or not
-- a superuser).  Included by benchmarks with \ir.
CREATE FUNCTION pg_temp.cpu_ms() RETURNS numeric
LANGUAGE plpgsql AS $$
DECLARE
	f text[];
BEGIN
	f := pg_catalog.regexp_split_to_array(
		pg_catalog.split_part(pg_catalog.pg_read_file('/proc/' || pg_catalog.pg_backend_pid() || '/stat'), ') ', 2), ' ');
	RETURN (f[12]::numeric + f[13]::numeric) * 10;
EXCEPTION WHEN OTHERS THEN
	RETURN NULL;
END
$$;
