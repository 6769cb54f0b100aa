-- Privileges.  Everyone may use the schema and EXECUTE the rule functions
-- (the functions read reference data as the extension owner, see
-- tpi_ref_spi_connect in src/refcache.c).  Reference tables, claim_line and
-- finding_log are readable and writable by the owner only: grant SELECT to
-- analysts who should browse them, and INSERT/UPDATE/DELETE to those who
-- maintain policies.  The dashboard role gets the v_* views only (60_views).
GRANT USAGE ON SCHEMA @extschema@ TO PUBLIC;
