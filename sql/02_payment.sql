-- expected_payment() and the shipped payment reference data (SPEC section 8).
SET datestyle = 'ISO, YMD';
SET timezone = 'UTC';

-- The figures SPEC section 8 requires.
SELECT label, tpi_rules.expected_payment(hcpcs, dos, pos, loc) AS payment, expected,
       tpi_rules.expected_payment(hcpcs, dos, pos, loc) = expected AS ok
  FROM (VALUES
        (1, '20552 2026 office national', '20552', date '2026-03-01', '11', NULL, 51.77),
        (2, '20552 2025 office Manhattan', '20552', date '2025-03-01', '11', '13202-01', 58.17),
        (3, '20553 2025 office national', '20553', date '2025-03-01', '11', NULL, 58.55),
        (4, '20553 2025 facility national', '20553', date '2025-03-01', '22', NULL, 40.11),
        (5, '20552 2025 office national', '20552', date '2025-03-01', '11', NULL, 50.78),
        -- CMS pays telehealth POS 02 at the facility rate, POS 10 at the
        -- non-facility rate (SPEC section 8)
        (6, '20553 2025 telehealth POS 02 national', '20553', date '2025-03-01', '02', NULL, 40.11),
        (7, '20553 2025 telehealth POS 10 national', '20553', date '2025-03-01', '10', NULL, 58.55))
       AS t(n, label, hcpcs, dos, pos, loc, expected)
 ORDER BY n;

-- Defaults: place of service '11', national; NULL place of service and
-- locality read the same way; NULL code or date gives NULL.
SELECT tpi_rules.expected_payment('20552', '2025-06-15') AS defaults,
       tpi_rules.expected_payment('20552', '2025-06-15', NULL) AS null_pos,
       tpi_rules.expected_payment('20552', '2025-06-15', NULL, NULL) AS null_both,
       tpi_rules.expected_payment('20552', '2025-06-15', locality => '13202-01') AS named_locality,
       tpi_rules.expected_payment(NULL, '2025-06-15') IS NULL AS null_code,
       tpi_rules.expected_payment('20552', NULL) IS NULL AS null_date,
       pg_typeof(tpi_rules.expected_payment('20552', '2025-06-15')) AS type;

-- Facility PE for the facility places of service, non-facility otherwise.
SELECT pos, tpi_rules.expected_payment('20553', '2025-03-01', pos) AS payment_20553,
       tpi_rules.expected_payment('99213', '2025-03-01', pos) AS payment_99213
  FROM unnest(ARRAY['01', '02', '03', '10', '11', '12', '19', '20', '21', '22',
                    '23', '24', '26', '27', '31', '32', '34', '41', '42', '49',
                    '51', '52', '53', '56', '61', '62', '65', '81', '99', '00',
                    '30']) AS pos
 ORDER BY pos;

-- Localities: each GPCI applies to its own RVU component.
SELECT locality, g.locality_name,
       tpi_rules.expected_payment('20553', '2025-03-01', '11', locality) AS office,
       tpi_rules.expected_payment('20553', '2025-03-01', '22', locality) AS facility,
       round((r.work_rvu * g.work_gpci + r.pe_rvu_nonfacility * g.pe_gpci + r.mp_rvu * g.mp_gpci)
             * 32.3465, 2) AS office_by_sql
  FROM tpi_rules.gpci g
  JOIN tpi_rules.rvu r ON r.release = 'RVU25A' AND r.hcpcs = '20553' AND r.modifier = ''
 WHERE locality IN ('13202-01', '10112-00', '02102-01', '01112-54', '03602-21')
 ORDER BY locality;

-- Every shipped code and locality priced by C agrees with the formula in SQL.
SELECT count(*) AS combinations,
       count(*) FILTER (WHERE tpi_rules.expected_payment(r.hcpcs, date '2025-07-01', pos, g.locality)
                        = round((r.work_rvu * g.work_gpci
                                 + CASE WHEN pos = '22' THEN r.pe_rvu_facility ELSE r.pe_rvu_nonfacility END * g.pe_gpci
                                 + r.mp_rvu * g.mp_gpci) * 32.3465, 2)) AS agree
  FROM tpi_rules.rvu r, tpi_rules.gpci g, unnest(ARRAY['11', '22']) AS pos
 WHERE r.release = 'RVU25A' AND r.modifier = '';

-- Release boundaries: RVU25A covers 2025, RVU26C-shipped all of 2026.
SELECT dos, tpi_rules.expected_payment('20552', dos) AS payment
  FROM unnest(ARRAY[date '2025-01-01', '2025-12-31', '2026-01-01', '2026-12-31']) AS dos
 ORDER BY dos;

-- Errors: SQLSTATE 22023 with a message naming what is missing.
\set VERBOSITY default
SELECT tpi_rules.expected_payment('20552', '2019-03-01');
SELECT tpi_rules.expected_payment('20552', '2024-12-31');
SELECT tpi_rules.expected_payment('20552', '2027-01-01');
-- The hint names the CMS release to load: that of the date's quarter or
-- an earlier one of its year.
SELECT tpi_rules.expected_payment('20552', '2024-08-01');
SELECT tpi_rules.expected_payment('20552', '1985-06-01');
SELECT tpi_rules.expected_payment('99999', '2025-03-01');
SELECT tpi_rules.expected_payment('99999', '2026-05-01');
SELECT tpi_rules.expected_payment('J3301', '2025-03-01');
SELECT tpi_rules.expected_payment('2055', '2025-03-01');
SELECT tpi_rules.expected_payment('20552-59', '2025-03-01');
SELECT tpi_rules.expected_payment('', '2025-03-01');
SELECT tpi_rules.expected_payment(' 20552', '2025-03-01');
SELECT tpi_rules.expected_payment('20552', '2025-03-01', '11', '99999-99');
SELECT tpi_rules.expected_payment('20552', '2025-03-01', '11', '13202-1');
SELECT tpi_rules.expected_payment('20552', '2025-03-01', '11', '');
SELECT tpi_rules.expected_payment('20552', '2026-03-01', '11', '13202-01');
SELECT tpi_rules.expected_payment('20552', '2025-03-01', '1');
SELECT tpi_rules.expected_payment('20552', '2025-03-01', '111');
SELECT tpi_rules.expected_payment('20552', '2025-03-01', 'ab');
SELECT tpi_rules.expected_payment('20552', '2025-03-01', '');
SELECT tpi_rules.expected_payment('20552', 'infinity');

\set VERBOSITY sqlstate
SELECT tpi_rules.expected_payment('20552', '2019-03-01');
SELECT tpi_rules.expected_payment('99999', '2025-03-01');
SELECT tpi_rules.expected_payment('20552', '2025-03-01', '11', '99999-99');
SELECT tpi_rules.expected_payment('20552', '2026-03-01', '11', '13202-01');
SELECT tpi_rules.expected_payment('20552', '2025-03-01', 'x1');
\set VERBOSITY default

-- Shipped data: rows per release and confidence, and the GPCI localities.
SELECT release, effective_from, effective_to, confidence, count(*) AS n,
       count(*) FILTER (WHERE modifier = '') AS global_rows, bool_and(builtin) AS builtin
  FROM tpi_rules.rvu
 GROUP BY 1, 2, 3, 4
 ORDER BY 1, 4;
SELECT release, hcpcs, modifier, confidence
  FROM tpi_rules.rvu
 WHERE confidence = 'confirmed'
 ORDER BY 1, 2, 3;
SELECT hcpcs, string_agg(DISTINCT release || ':' || (CASE modifier WHEN '' THEN 'global' ELSE modifier END), ' ' ORDER BY release || ':' || (CASE modifier WHEN '' THEN 'global' ELSE modifier END)) AS rows
  FROM tpi_rules.rvu
 GROUP BY hcpcs
 ORDER BY hcpcs;
SELECT release, hcpcs, modifier, status, work_rvu, pe_rvu_nonfacility, pe_rvu_facility, mp_rvu,
       nonfacility_na, facility_na, global_days, bilateral_indicator
  FROM tpi_rules.rvu
 WHERE hcpcs IN ('20552', '20553', '76942', '77002')
 ORDER BY hcpcs, release, modifier;
SELECT release, effective_from, effective_to, count(*) AS localities,
       count(DISTINCT state) AS states, bool_and(builtin) AS builtin
  FROM tpi_rules.gpci
 GROUP BY 1, 2, 3
 ORDER BY 1;
SELECT locality, state, locality_name, work_gpci, pe_gpci, mp_gpci
  FROM tpi_rules.gpci
 WHERE locality IN ('13202-01', '10112-00', '02102-01', '01212-01', '03602-21')
 ORDER BY locality;
SELECT count(*) AS names_with_star FROM tpi_rules.gpci WHERE locality_name LIKE '%*%';
SELECT effective_from, effective_to, kind, amount, source <> '' AS has_source, builtin
  FROM tpi_rules.conversion_factor
 ORDER BY effective_from, kind;

-- A user's release beats a shipped one with the same start; the cache
-- sees changes in the same transaction and forgets them on rollback.
BEGIN;
INSERT INTO tpi_rules.rvu (release, effective_from, effective_to, hcpcs, modifier, status,
                           work_rvu, pe_rvu_nonfacility, pe_rvu_facility, mp_rvu)
VALUES ('RVU26A', '2026-01-01', '2026-12-31', '20552', '', 'A', 1.00, 1.00, 0.50, 0.10);
SELECT tpi_rules.expected_payment('20552', '2026-03-01') AS user_release;
SELECT tpi_rules.expected_payment('20553', '2026-03-01');
ROLLBACK;
SELECT tpi_rules.expected_payment('20552', '2026-03-01') AS after_rollback;

-- A later release takes over from its effective date.
BEGIN;
INSERT INTO tpi_rules.rvu (release, effective_from, effective_to, hcpcs, modifier, status,
                           work_rvu, pe_rvu_nonfacility, pe_rvu_facility, mp_rvu)
VALUES ('RVU25C', '2025-07-01', '2025-12-31', '20552', '', 'A', 1.00, 1.00, 0.50, 0.10);
SELECT dos, tpi_rules.expected_payment('20552', dos) AS payment
  FROM unnest(ARRAY[date '2025-06-30', '2025-07-01']) AS dos
 ORDER BY dos;
ROLLBACK;

-- Missing pieces of a row or a table.
BEGIN;
UPDATE tpi_rules.rvu SET pe_rvu_facility = NULL
 WHERE release = 'RVU25A' AND hcpcs = '20553' AND modifier = '';
SELECT tpi_rules.expected_payment('20553', '2025-03-01', '11') AS office_still_priced;
SELECT tpi_rules.expected_payment('20553', '2025-03-01', '22');
ROLLBACK;
BEGIN;
DELETE FROM tpi_rules.conversion_factor WHERE effective_from = '2026-01-01' AND kind = 'standard';
SELECT tpi_rules.expected_payment('20552', '2026-03-01');
ROLLBACK;
SELECT tpi_rules.expected_payment('20552', '2026-03-01') AS restored;

-- Parallel workers build their own cache and agree with the leader.
CREATE TABLE payment_lines AS
SELECT i, (ARRAY['20552', '20553', '99213', '20610'])[1 + i % 4] AS hcpcs,
       date '2025-01-01' + (i % 700) AS dos,
       (ARRAY['11', '22', '21', '12'])[1 + (i / 3) % 4] AS pos,
       (ARRAY[NULL, '13202-01', '10112-00'])[1 + i % 3] AS locality
  FROM generate_series(1, 20000) AS i;
-- Dates in 2026 with a locality cannot be priced: keep them national.
UPDATE payment_lines SET locality = NULL WHERE dos >= '2026-01-01';
ANALYZE payment_lines;
SELECT count(*) AS n, sum(tpi_rules.expected_payment(hcpcs, dos, pos, locality)) AS serial_total
  FROM payment_lines;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF)
SELECT count(*), sum(tpi_rules.expected_payment(hcpcs, dos, pos, locality)) FROM payment_lines;
SELECT count(*) AS n, sum(tpi_rules.expected_payment(hcpcs, dos, pos, locality)) AS parallel_total
  FROM payment_lines;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
RESET parallel_leader_participation;
DROP TABLE payment_lines;
