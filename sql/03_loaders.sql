-- load_pprrvu() and load_gpci(): CMS's own files, and files that are not.
-- Loads happen inside transactions that are rolled back, so the shipped
-- rows are what the following tests see.
SET datestyle = 'ISO, YMD';
SET timezone = 'UTC';
-- pg_regress runs psql in the repository root.
\set pwd `pwd`
\set cms :pwd '/test/data/cms/'

SELECT (SELECT count(*) FROM tpi_rules.rvu) AS rvu_rows,
       (SELECT count(*) FROM tpi_rules.gpci) AS gpci_rows,
       (SELECT md5(string_agg(r::text, ',' ORDER BY release, hcpcs, modifier)) FROM tpi_rules.rvu r) AS rvu_md5,
       (SELECT md5(string_agg(g::text, ',' ORDER BY release, locality)) FROM tpi_rules.gpci g) AS gpci_md5
\gset before_

-- The 2025 January file, sent by the client (no server file access needed).
\set f `cat test/data/cms/PPRRVU25_JAN1.csv`
BEGIN;
SELECT tpi_rules.load_pprrvu_from_text(:'f') AS rows_2025;
SELECT release, effective_from, effective_to, confidence, builtin, count(*) AS n
  FROM tpi_rules.rvu
 GROUP BY 1, 2, 3, 4, 5
 ORDER BY 1, 4, 5;
SELECT hcpcs, modifier, status, work_rvu, pe_rvu_nonfacility, pe_rvu_facility, mp_rvu,
       nonfacility_na, facility_na, global_days, bilateral_indicator
  FROM tpi_rules.rvu
 WHERE release = 'RVU25A' AND hcpcs IN ('00100', '20552', '20553', '76942', 'G0011', 'G0012')
 ORDER BY hcpcs, modifier;
-- Global days as CMS's 2025 file writes them (0, 10, 90) come out padded.
SELECT global_days, count(*) AS n
  FROM tpi_rules.rvu
 WHERE release = 'RVU25A'
 GROUP BY 1
 ORDER BY 1;
-- The loaded release prices as the shipped one did; any code of the file
-- can now be priced, lower case too.
SELECT tpi_rules.expected_payment('20553', '2025-03-01') AS office_20553,
       tpi_rules.expected_payment('20553', '2025-03-01', '22') AS facility_20553,
       tpi_rules.expected_payment('20552', '2025-03-01', '11', '13202-01') AS manhattan_20552,
       tpi_rules.expected_payment('g0011', '2025-03-01') AS g0011;
-- Loading it again replaces the release: the count does not change.
SELECT tpi_rules.load_pprrvu_from_text(:'f') AS rows_again;
SELECT count(*) AS rvu25a_rows FROM tpi_rules.rvu WHERE release = 'RVU25A';
ROLLBACK;

-- The 2026 July file has an extra PRIC IND column: columns are found by
-- name.  Its release is RVU26C, effective from July.  The shipped 2026
-- rows are release RVU26C-shipped, a name the loader never gives, so they
-- stay and still price January to June: loading CMS's file leaves no date
-- uncovered that was covered before.  SPEC section 8's 2026 figure
-- ($51.77) holds in March (shipped rows) and September (the loaded file).
BEGIN;
SELECT tpi_rules.load_pprrvu(:'cms' || 'PPRRVU2026_Jul_nonQPP.csv') AS rows_2026;
SELECT release, effective_from, effective_to, confidence, builtin, count(*) AS n
  FROM tpi_rules.rvu
 GROUP BY 1, 2, 3, 4, 5
 ORDER BY 1, 4;
SELECT hcpcs, modifier, work_rvu, pe_rvu_nonfacility, pe_rvu_facility, mp_rvu, global_days, bilateral_indicator
  FROM tpi_rules.rvu
 WHERE release = 'RVU26C' AND hcpcs IN ('20552', '20553', '77002')
 ORDER BY hcpcs, modifier;
SELECT dos, tpi_rules.expected_payment('20552', dos) AS office_20552,
       (SELECT string_agg(DISTINCT release, ', ' ORDER BY release) FROM tpi_rules.rvu
         WHERE hcpcs = '20552' AND dos BETWEEN effective_from AND effective_to) AS releases_covering
  FROM unnest(ARRAY[date '2026-01-01', '2026-03-01', '2026-06-30', '2026-07-01', '2026-09-01', '2026-12-31']) AS dos
 ORDER BY dos;
-- A code of the file that is not shipped is priced from July, and its
-- error before July names the release to load.
SELECT tpi_rules.expected_payment('g0011', '2026-09-01') AS g0011_september;
SAVEPOINT before_march;
SELECT tpi_rules.expected_payment('g0011', '2026-03-01');
ROLLBACK TO SAVEPOINT before_march;
-- Which release prices which date: mark the loaded 20552 row (+2 work
-- RVUs, $66.80 more), then add a January 2026 release (+1 work RVU,
-- $33.40 more).  March: shipped rows, then RVU26A; September: RVU26C.
UPDATE tpi_rules.rvu SET work_rvu = work_rvu + 2 WHERE release = 'RVU26C' AND hcpcs = '20552';
SELECT dos, tpi_rules.expected_payment('20552', dos) AS office_20552
  FROM unnest(ARRAY[date '2026-03-01', '2026-09-01']) AS dos
 ORDER BY dos;
INSERT INTO tpi_rules.rvu (release, effective_from, effective_to, hcpcs, modifier, status,
                           work_rvu, pe_rvu_nonfacility, pe_rvu_facility, mp_rvu)
SELECT 'RVU26A', '2026-01-01', '2026-12-31', hcpcs, modifier, status,
       work_rvu - 1, pe_rvu_nonfacility, pe_rvu_facility, mp_rvu
  FROM tpi_rules.rvu WHERE release = 'RVU26C' AND hcpcs = '20552';
SELECT dos, tpi_rules.expected_payment('20552', dos) AS office_20552
  FROM unnest(ARRAY[date '2026-03-01', '2026-09-01']) AS dos
 ORDER BY dos;
ROLLBACK;

-- GPCI from a server path (superuser): replaces the shipped GPCI2025.
BEGIN;
SELECT tpi_rules.load_gpci(:'cms' || 'GPCI2025.csv') AS localities;
SELECT release, effective_from, effective_to, builtin, count(*) AS n
  FROM tpi_rules.gpci
 GROUP BY 1, 2, 3, 4
 ORDER BY 1;
SELECT locality, state, locality_name, work_gpci, pe_gpci, mp_gpci
  FROM tpi_rules.gpci
 WHERE locality IN ('13202-01', '10112-00', '02102-01', '01212-01', '03602-21')
 ORDER BY locality;
-- Same numbers as shipped, so the same payment (SPEC section 8: $58.17)
-- all year: a GPCI release always covers its whole calendar year.
SELECT dos, tpi_rules.expected_payment('20552', dos, '11', '13202-01') AS manhattan_20552
  FROM unnest(ARRAY[date '2025-01-01', '2025-03-01', '2025-09-01', '2025-12-31']) AS dos
 ORDER BY dos;
ROLLBACK;

-- A PPRRVU file from a server path.
BEGIN;
SELECT tpi_rules.load_pprrvu(:'cms' || 'PPRRVU25_JAN1.csv') AS rows_2025_by_path;
ROLLBACK;

-- A messy but valid file: quoted descriptors with commas and quotes,
-- trailing empty columns, an unpadded anesthesia code (100 = 00100), a
-- lower-case code and status, NA and blank numbers, LF and CRLF line ends.
\set f `cat test/data/cms/pprrvu_messy.csv`
BEGIN;
SELECT tpi_rules.load_pprrvu_from_text(:'f') AS messy_rows;
SELECT release, hcpcs, modifier, status, work_rvu, pe_rvu_nonfacility, pe_rvu_facility, mp_rvu,
       nonfacility_na, facility_na, global_days, bilateral_indicator, confidence, builtin
  FROM tpi_rules.rvu
 WHERE release = 'RVU25A'
 ORDER BY hcpcs, modifier;
ROLLBACK;

-- Files that are not in CMS's layout: each is an ERROR naming the line,
-- and nothing changes.
\set f `cat test/data/cms/broken/pprrvu_no_banner.csv`
SELECT tpi_rules.load_pprrvu_from_text(:'f');
\set f `cat test/data/cms/broken/pprrvu_bad_header.csv`
SELECT tpi_rules.load_pprrvu_from_text(:'f');
\set f `cat test/data/cms/broken/pprrvu_header_row.csv`
SELECT tpi_rules.load_pprrvu_from_text(:'f');
\set f `cat test/data/cms/broken/pprrvu_short_row.csv`
SELECT tpi_rules.load_pprrvu_from_text(:'f');
\set f `cat test/data/cms/broken/pprrvu_bad_number.csv`
SELECT tpi_rules.load_pprrvu_from_text(:'f');
\set f `cat test/data/cms/broken/pprrvu_duplicate.csv`
SELECT tpi_rules.load_pprrvu_from_text(:'f');
\set f `cat test/data/cms/broken/gpci_no_banner.csv`
SELECT tpi_rules.load_gpci_from_text(:'f');
\set f `cat test/data/cms/broken/gpci_short_row.csv`
SELECT tpi_rules.load_gpci_from_text(:'f');
\set f `cat test/data/cms/broken/gpci_bad_number.csv`
SELECT tpi_rules.load_gpci_from_text(:'f');
\set f `cat test/data/cms/broken/gpci_row_after_notes.csv`
SELECT tpi_rules.load_gpci_from_text(:'f');
\set f `cat test/data/cms/broken/gpci_duplicate.csv`
SELECT tpi_rules.load_gpci_from_text(:'f');
-- A GPCI file is not a PPRRVU file, and the other way round.
\set f `cat test/data/cms/GPCI2025.csv`
SELECT tpi_rules.load_pprrvu_from_text(:'f');
\set f `cat test/data/cms/pprrvu_messy.csv`
SELECT tpi_rules.load_gpci_from_text(:'f');
SELECT tpi_rules.load_pprrvu_from_text('');
SELECT tpi_rules.load_pprrvu_from_text('not,a,cms,file');
SELECT tpi_rules.load_gpci_from_text('"unterminated');

-- Breakage deep inside the real 2025 file (20552 is line 7545, 20553 line 7546).
\set f `cat test/data/cms/PPRRVU25_JAN1.csv`
SELECT tpi_rules.load_pprrvu_from_text(replace(:'f', E'\n20553,,,A,,0.75,', E'\n20553,,,A,,0.7S,'));
SELECT tpi_rules.load_pprrvu_from_text(replace(:'f', E'\n20553,,,A,,0.75,', E'\n20553,,,A,,0.755,'));
SELECT tpi_rules.load_pprrvu_from_text(replace(:'f', E'\n20553,,,A,,0.75,', E'\n20553,,,A,,-0.75,'));
SELECT tpi_rules.load_pprrvu_from_text(replace(:'f', E'0.41,,0.08,1.81,1.24,0,0,0,0,0,2,0,1,0,0,,32.3465,9,0,99,0,0,0', '0.41,,0.08,1.81'));
SELECT tpi_rules.load_pprrvu_from_text(replace(:'f', E'\n20552,', E'\n20552,XYZ,'));
SELECT tpi_rules.load_pprrvu_from_text(replace(:'f', 'Relative Value File January Release', 'Relative Value File'));
SELECT tpi_rules.load_pprrvu_from_text(replace(:'f', '2025 National', 'National'));
SELECT tpi_rules.load_pprrvu_from_text(replace(:'f', ',STATUS,', ',STATE,'));
-- Cut off in the middle of a row.
SELECT tpi_rules.load_pprrvu_from_text(left(:'f', 800000));

-- Server paths: missing file, a directory; SQLSTATEs of the errors.
SELECT tpi_rules.load_pprrvu('/nonexistent/tpi_rules/PPRRVU25_JAN1.csv');
SELECT tpi_rules.load_gpci('/');
\set VERBOSITY sqlstate
SELECT tpi_rules.load_pprrvu_from_text(replace(:'f', E'\n20553,,,A,,0.75,', E'\n20553,,,A,,0.7S,'));
SELECT tpi_rules.load_pprrvu_from_text(left(:'f', 800000));
\set f `cat test/data/cms/broken/gpci_bad_number.csv`
SELECT tpi_rules.load_gpci_from_text(:'f');
\set VERBOSITY default
SELECT tpi_rules.load_pprrvu(NULL) IS NULL AS strict;

-- Nothing above changed the tables.
SELECT (SELECT count(*) FROM tpi_rules.rvu) AS rvu_rows,
       (SELECT count(*) FROM tpi_rules.gpci) AS gpci_rows,
       (SELECT md5(string_agg(r::text, ',' ORDER BY release, hcpcs, modifier)) FROM tpi_rules.rvu r)
         = :'before_rvu_md5' AS rvu_unchanged,
       (SELECT md5(string_agg(g::text, ',' ORDER BY release, locality)) FROM tpi_rules.gpci g)
         = :'before_gpci_md5' AS gpci_unchanged;

-- Privileges: reading a server file needs superuser or
-- pg_read_server_files, and EXECUTE is not granted to PUBLIC; the text
-- variants need only the right to change the table.
CREATE ROLE regress_tpi_loader;
GRANT USAGE ON SCHEMA tpi_rules TO regress_tpi_loader;
SET ROLE regress_tpi_loader;
SELECT tpi_rules.load_gpci('/nonexistent/GPCI2025.csv');
RESET ROLE;
GRANT EXECUTE ON FUNCTION tpi_rules.load_gpci(text) TO regress_tpi_loader;
SET ROLE regress_tpi_loader;
SELECT tpi_rules.load_gpci('/nonexistent/GPCI2025.csv');
\set f `cat test/data/cms/GPCI2025.csv`
SELECT tpi_rules.load_gpci_from_text(:'f');
RESET ROLE;
GRANT SELECT, INSERT, UPDATE, DELETE ON tpi_rules.gpci TO regress_tpi_loader;
BEGIN;
SET ROLE regress_tpi_loader;
SELECT tpi_rules.load_gpci_from_text(:'f') AS loaded_by_table_writer;
ROLLBACK;
REVOKE SELECT, INSERT, UPDATE, DELETE ON tpi_rules.gpci FROM regress_tpi_loader;
GRANT pg_read_server_files TO regress_tpi_loader;
SET ROLE regress_tpi_loader;
SELECT tpi_rules.load_gpci('/nonexistent/GPCI2025.csv');
RESET ROLE;
SELECT proname, has_function_privilege('public', p.oid, 'EXECUTE') AS public_execute,
       provolatile, proparallel, proisstrict
  FROM pg_proc p
 WHERE pronamespace = 'tpi_rules'::regnamespace AND proname LIKE 'load%'
 ORDER BY proname;
REVOKE pg_read_server_files FROM regress_tpi_loader;
REVOKE EXECUTE ON FUNCTION tpi_rules.load_gpci(text) FROM regress_tpi_loader;
REVOKE USAGE ON SCHEMA tpi_rules FROM regress_tpi_loader;
DROP ROLE regress_tpi_loader;
