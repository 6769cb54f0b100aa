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

-- Second, minor: a from_date within two years of the earliest date
-- PostgreSQL can compute with makes the frequency look-back overflow.
-- Where: src/audit.c, context_start(): from_date - greatest('2 years',
-- 2 * max(cap_window, min_interval)) raises 22008 "timestamp out of range".
-- Clamping the look-back to the earliest date (or catching the overflow and
-- starting at -infinity) would let such an audit run.
-- Expected: the audit's rows (none).  Actual: ERROR 22008.
CREATE TEMP TABLE repro_claims (LIKE tpi_rules.claim_line);
SELECT count(*) FROM tpi_rules.audit('repro_claims', '4713-01-01 BC', '4712-01-01 BC');
