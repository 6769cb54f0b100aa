-- The file loaders are for superusers and pg_read_server_files (SPEC
-- sections 8 and 11; tpi_check_read_privilege lets that role through), but
-- 1.0 only revoked EXECUTE from PUBLIC, so a pg_read_server_files member
-- was refused before the check ran.  Writing the rows still needs the
-- right to change tpi_rules.rvu / tpi_rules.gpci.
GRANT EXECUTE ON FUNCTION @extschema@.load_pprrvu(text) TO pg_read_server_files;
GRANT EXECUTE ON FUNCTION @extschema@.load_gpci(text) TO pg_read_server_files;
