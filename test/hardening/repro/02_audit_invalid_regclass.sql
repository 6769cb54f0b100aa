-- Reproducer: audit() of a relation OID that does not exist reaches
-- relation_open() and fails with an internal error (SQLSTATE XX000, "could
-- not open relation with OID 0") instead of a user error.
-- Where: src/audit.c (rules helper), where audit() opens its regclass
-- argument.  Check the OID first (e.g. try_relation_open() or
-- SearchSysCacheExists1(RELOID, ...)) and raise 42P01 undefined_table.
-- Expected: ERROR 42P01.  Actual: ERROR XX000.
\set VERBOSITY verbose
SELECT count(*) FROM tpi_rules.audit(0::oid::regclass, NULL, NULL);
SELECT count(*) FROM tpi_rules.audit(4000000000::oid::regclass, NULL, NULL);
