-- Real claims in: X12 837P professional claim files (SPEC section 11).
--
-- tpi_rules.read_837p(content) returns one tpi_rules.claim_line row per
-- service line (2400 loop) of an 837P file (005010X222A1/A2), in file
-- order; tpi_rules.read_837p_file(path) reads the file on the server
-- (superusers and pg_read_server_files only, like the CMS loaders).  From
-- a client, psql sends the file's content:
--
--     \set f `cat batch.837`
--     INSERT INTO claims SELECT * FROM tpi_rules.read_837p(:'f');
--
-- The mapping: claim_id CLM01; line_no LX01 (else 1, 2 .. in the claim);
-- patient_id the subscriber's 2010BA NM109, or for a dependent (2000C)
-- <2010BA NM109>:<2010CA first name>:<2010CA birth date> in upper case;
-- payer_id 2010BB NM109 as written (map it with payer_map); provider_npi
-- 2420A, else 2310B, else 2010AA NM109 (the other payers' loops 2320/2330
-- replace none of these); date_of_service 2400 DTP*472 (D8, or the first
-- date of RD8), else 2300's; hcpcs SV101-2; modifiers SV101-3..6; charge
-- SV102; units SV104 rounded up; place_of_service SV105, else CLM05-1;
-- icd10 the codes SV107 points to among the claim's HI elements; claim_note
-- 2300 NTE02, 2400 NTE02, SV101-7 joined with '; '; ndc 2410 LIN03 when
-- LIN02 is N4.  The documentation columns are NULL: claims without note
-- data.  Anything that is not an 837P interchange is ERROR 22P02 naming the
-- segment and its position, and then no row is returned.

CREATE FUNCTION @extschema@.read_837p(content text)
RETURNS SETOF @extschema@.claim_line
AS 'MODULE_PATHNAME', 'tpi_read_837p'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.read_837p(text) IS
  'The service lines of an X12 837P file (005010X222A1/A2) given as text, one claim_line row per 2400 loop in file order, mapped as SPEC section 11 says (documentation columns NULL); ERROR 22P02 naming the segment for anything that is not an 837P interchange, and then no row';

CREATE FUNCTION @extschema@.read_837p_file(path text)
RETURNS SETOF @extschema@.claim_line
AS 'MODULE_PATHNAME', 'tpi_read_837p_file'
LANGUAGE C VOLATILE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.read_837p_file(text) IS
  'read_837p() of an 837P file at a server path, read a megabyte at a time; superusers and pg_read_server_files only (others send the file''s content to read_837p)';
REVOKE EXECUTE ON FUNCTION @extschema@.read_837p_file(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION @extschema@.read_837p_file(text) TO pg_read_server_files;
