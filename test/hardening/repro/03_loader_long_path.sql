-- Reproducer (minor): a loader path longer than the OS allows ends in an
-- internal error (SQLSTATE XX000): errcode_for_file_access() maps
-- ENAMETOOLONG to XX000.
-- Where: src/loaders.c, read_server_file(), the AllocateFile() failure
-- report.  PostgreSQL's own pg_read_file() behaves the same; a length
-- check (> MAXPGPATH: 22023) before opening would give a clear error.
-- Expected: ERROR 22023 or 58P01.  Actual: ERROR XX000.  Run as a superuser.
\set VERBOSITY verbose
SELECT tpi_rules.load_pprrvu(repeat('x', 5000));
SELECT tpi_rules.load_gpci(repeat('x', 5000));
