-- Reproducer: BACKEND CRASH (SIGSEGV) when a muscles array is stored
-- out of line (TOAST pointer), e.g. ~3000 entries, or a few very long ones.
-- Where: src/muscles.c, array_from_datum(): VARATT_IS_SHORT(v) is true for
-- an external TOAST pointer too (VARATT_IS_SHORT is VARATT_IS_1B, and a
-- TOAST pointer has a 1-byte header), VARSIZE_SHORT() of it is 0, so
-- datalen = 0 - 1 = SIZE_MAX and memcpy() runs off the stack:
--   #0 memcpy (__len=18446744073709551615, ...)
--   #1 array_from_datum (...) at src/muscles.c:303
--   #2 count_array (...) at src/muscles.c:382
-- Fix: take the stack-copy branch only for an inline short datum,
-- VARATT_IS_SHORT(v) && !VARATT_IS_EXTERNAL(v) (or test VARATT_IS_EXTENDED
-- first and detoast).  tpi_summarise_muscles() (check_line, check_day,
-- audit, guard) goes through the same function.
-- Expected: 3000, 20553, {}, findings.  Actual: the backend dies.
CREATE TEMP TABLE repro_muscles AS
SELECT ARRAY(SELECT 'muscle number ' || i FROM generate_series(1, 3000) AS i) AS m;
SELECT pg_column_size(m) AS stored_bytes FROM repro_muscles;     -- ~13 kB: out of line
SELECT tpi_rules.muscle_count(m) FROM repro_muscles;            -- crash
SELECT tpi_rules.pick_code(m) FROM repro_muscles;               -- crash
SELECT tpi_rules.regions(m) FROM repro_muscles;                 -- crash
CREATE TEMP TABLE repro_claims (LIKE tpi_rules.claim_line);
INSERT INTO repro_claims (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, muscles)
SELECT 'R1', 1, 'P1', 'medicare', '2025-03-03', '20553', m FROM repro_muscles;
SELECT count(*) FROM tpi_rules.audit('repro_claims', NULL, NULL);   -- crash
