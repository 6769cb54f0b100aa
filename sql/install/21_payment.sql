-- Payment (SPEC section 8) and the CMS file loaders.
--
-- Loading CMS's files
-- -------------------
-- tpi_rules.load_pprrvu(path) and tpi_rules.load_gpci(path) read CMS's own
-- CSV files (PPRRVU*.csv from the PFS relative value file zip; the GPCI
-- addendum E of the PFS final rule saved as CSV) from the server's file
-- system, as COPY FROM a file does: only superusers and members of
-- pg_read_server_files may call them, and the path is the server's (use an
-- absolute path; a relative one is taken from the data directory).  The
-- rows are written with the caller's rights: a pg_read_server_files member
-- also needs INSERT, UPDATE and DELETE on tpi_rules.rvu / tpi_rules.gpci.
--
--     SELECT tpi_rules.load_pprrvu('/srv/cms/PPRRVU25_JAN1.csv');   -- 18865
--     SELECT tpi_rules.load_gpci('/srv/cms/GPCI2025.csv');          -- 109
--
-- Anyone else loads a file from their own machine through psql, which
-- reads it and sends its content; this needs only the right to change
-- tpi_rules.rvu / tpi_rules.gpci:
--
--     \set f `cat PPRRVU25_JAN1.csv`
--     SELECT tpi_rules.load_pprrvu_from_text(:'f');
--     \set f `cat GPCI2025.csv`
--     SELECT tpi_rules.load_gpci_from_text(:'f');
--
-- The release comes from the file's banner: "2025 National Physician Fee
-- Schedule Relative Value File January Release" is RVU25A (April B, July
-- C, October D), effective from the first day of the release's quarter
-- to the end of that year; "... FINAL CY 2025 GEOGRAPHIC PRACTICE COST
-- INDICES ..." is GPCI2025, effective for 2025.  A load replaces every row
-- of that release (shipped rows included) in the caller's transaction;
-- loaded rows are user rows (builtin false, rvu.confidence 'loaded'), so
-- pg_dump keeps them.  Columns are found by their header names, so the
-- 2025 and 2026 layouts both load; descriptor text is read and dropped.
-- From 2026 CMS publishes a QPP and a non-QPP PPRRVU file per release;
-- their RVUs are the same (only the CONV FACTOR column differs), so either
-- loads as that release.
-- The whole file is checked before anything changes: a file not in CMS's
-- layout, a short row, or a field that is not a number is an ERROR naming
-- the line, and the tables are left as they were.

CREATE FUNCTION @extschema@.expected_payment(
	hcpcs text,
	date_of_service date,
	place_of_service text DEFAULT '11',
	locality text DEFAULT NULL)
RETURNS numeric(12,2)
AS 'MODULE_PATHNAME', 'tpi_expected_payment'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.expected_payment(text, date, text, text) IS
  'Medicare PFS amount of a service: (work RVU x work GPCI + PE RVU x PE GPCI + MP RVU x MP GPCI) x conversion factor, rounded to cents; facility PE for facility places of service; locality NULL = national (every GPCI 1), place_of_service NULL = 11 (office); NULL when hcpcs or the date is NULL; ERROR 22023 naming the file to load when no release covers the date';

CREATE FUNCTION @extschema@.load_pprrvu(path text)
RETURNS bigint
AS 'MODULE_PATHNAME', 'tpi_load_pprrvu'
LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION @extschema@.load_pprrvu(text) IS
  'Loads CMS''s PPRRVU CSV file at a server path into tpi_rules.rvu as the release its banner names (e.g. RVU25A), replacing that release''s rows; returns the row count; superusers and pg_read_server_files only';
REVOKE EXECUTE ON FUNCTION @extschema@.load_pprrvu(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION @extschema@.load_pprrvu(text) TO pg_read_server_files;

CREATE FUNCTION @extschema@.load_pprrvu_from_text(content text)
RETURNS bigint
AS 'MODULE_PATHNAME', 'tpi_load_pprrvu_from_text'
LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION @extschema@.load_pprrvu_from_text(text) IS
  'load_pprrvu() for the file''s content sent by the client (psql: \set f `cat FILE` then SELECT tpi_rules.load_pprrvu_from_text(:''f'')); needs the right to change tpi_rules.rvu';

CREATE FUNCTION @extschema@.load_gpci(path text)
RETURNS bigint
AS 'MODULE_PATHNAME', 'tpi_load_gpci'
LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION @extschema@.load_gpci(text) IS
  'Loads CMS''s GPCI CSV file (PFS final rule addendum E) at a server path into tpi_rules.gpci as release GPCI<year>, replacing that release''s rows; returns the locality count; superusers and pg_read_server_files only';
REVOKE EXECUTE ON FUNCTION @extschema@.load_gpci(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION @extschema@.load_gpci(text) TO pg_read_server_files;

CREATE FUNCTION @extschema@.load_gpci_from_text(content text)
RETURNS bigint
AS 'MODULE_PATHNAME', 'tpi_load_gpci_from_text'
LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION @extschema@.load_gpci_from_text(text) IS
  'load_gpci() for the file''s content sent by the client (psql: \set f `cat FILE` then SELECT tpi_rules.load_gpci_from_text(:''f'')); needs the right to change tpi_rules.gpci';
