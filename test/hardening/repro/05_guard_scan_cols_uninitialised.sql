-- Valgrind finding (make valgrind): the guard reads the patient's other
-- lines with a column map whose basetype[] is never set.
-- Where: src/guard_cache.c, the per-table cache entry build (~line 253):
--   e->scan_cols.attno[c] = ... is set for every column, but
--   e->scan_cols.basetype[c] is not, and GuardEntry lives in hash_create()
--   memory, which is not zeroed.  tpi_claim_from_tuple() (src/claim.c:219,
--   int_value() at claim.c:178) then branches on that garbage typid for
--   line_no and units:
--     Conditional jump or move depends on uninitialised value(s)
--        at int_value (claim.c:178)
--        by tpi_claim_from_tuple (claim.c:226 and :256)
--        by add_line (guard_cache.c:406)
--        by read_by_plan (guard_cache.c:499)
--        by tpi_guard_read_lines (guard_cache.c:513)
--        by guard_row (trigger.c:337)
--      Uninitialised value was created by a heap allocation
--        at hash_create ... by tpi_guard_init (guard_cache.c:72)
-- It works by luck on 64-bit (an int2/int4 Datum read as int64 gives the
-- same value); a bigint units column whose garbage typid happened to read
-- as INT2OID would be truncated.  Fix: e->scan_cols.basetype[c] =
-- cols.basetype[c] next to the attno assignment (or palloc0/memset the
-- entry's column map).
-- Run under valgrind (make valgrind) to see it; plain runs show nothing.
-- no index on (patient_id, date_of_service): the guard reads by plan
CREATE TEMP TABLE repro_guarded (LIKE tpi_rules.claim_line);
CREATE TRIGGER g BEFORE INSERT OR UPDATE ON repro_guarded
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('flag');
INSERT INTO repro_guarded (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, units, muscles)
VALUES ('V1', 1, 'P1', 'medicare', '2025-03-03', '20552', 1, '{right trapezius}');
-- the second line of the same patient makes the guard read the first
INSERT INTO repro_guarded (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, units, muscles)
VALUES ('V2', 1, 'P1', 'medicare', '2025-03-03', '99213', 1, NULL);
