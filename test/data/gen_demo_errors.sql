-- gen_demo_errors.sql: adds to the sample claims in tpi_rules.claim_line the
-- billing errors real practices make with trigger point injections, at
-- plausible rates, so the demo report has something to find.
--
-- Deterministic: which claim or patient gets which error follows from an
-- md5 hash of its identifier and a per-error salt (no random()), so the
-- same generated lines always get the same errors.  Each error picks its
-- own slice, so a claim may carry several, as real claims do.  Rates are
-- fractions of the claims with a TPI line (or of the patients); the sources
-- for the patterns are in the rule catalogue (tpi_rules.rule).
--
-- Run after test/data/gen_claims.sql:  psql -f test/data/gen_demo_errors.sql

\set QUIET on
-- u(key, salt): a uniform number in [0, 1) fixed by key and salt.
CREATE FUNCTION pg_temp.u(key text, salt text) RETURNS float8
LANGUAGE sql IMMUTABLE STRICT
AS $$ SELECT ('x' || substr(md5(salt || ':' || key), 1, 8))::bit(32)::bigint / 4294967296.0 $$;

-- The TPI lines before any change (one per claim in the generated data;
-- the first one if a claim has several).
CREATE TEMP TABLE tpi AS
SELECT DISTINCT ON (claim_id) claim_id, line_no, hcpcs, patient_id, payer_id, date_of_service
FROM tpi_rules.claim_line
WHERE hcpcs IN ('20552', '20553')
ORDER BY claim_id, line_no;
CREATE UNIQUE INDEX ON tpi (claim_id);
ANALYZE tpi;

BEGIN;

-- Downcoding: 3 or more muscles documented, billed as 20552 (code.downcoded).
-- The most common TPI coding error: providers pick the lower code when
-- unsure.  8% of 20553 lines.
UPDATE tpi_rules.claim_line c SET hcpcs = '20552'
FROM tpi t
WHERE c.claim_id = t.claim_id AND c.line_no = t.line_no AND t.hcpcs = '20553'
  AND pg_temp.u(t.claim_id, 'downcode') < 0.08;

-- Upcoding: 20553 for one or two muscles (code.upcoded).  3% of 20552 lines.
UPDATE tpi_rules.claim_line c SET hcpcs = '20553'
FROM tpi t
WHERE c.claim_id = t.claim_id AND c.line_no = t.line_no AND t.hcpcs = '20552'
  AND pg_temp.u(t.claim_id, 'upcode') < 0.03;

-- One unit per muscle, the pre-2002 habit (units.over_mue).  2%.
UPDATE tpi_rules.claim_line c
SET units = greatest(2, coalesce(cardinality(c.muscles), 2))
FROM tpi t
WHERE c.claim_id = t.claim_id AND c.line_no = t.line_no
  AND pg_temp.u(t.claim_id, 'units') < 0.02;

-- Modifier 50 for both sides (modifier.bilateral).  1%.
UPDATE tpi_rules.claim_line c SET modifiers = array_append(coalesce(c.modifiers, '{}'), '50')
FROM tpi t
WHERE c.claim_id = t.claim_id AND c.line_no = t.line_no
  AND pg_temp.u(t.claim_id, 'bilateral') < 0.01;

-- One line per side, 20552-LT + 20552-RT (modifier.laterality,
-- day.duplicate_code).  1%: the LT line keeps the left muscles, a new RT
-- line takes the right ones.
CREATE TEMP TABLE split AS
SELECT t.claim_id, t.line_no,
	   (SELECT max(line_no) FROM tpi_rules.claim_line m WHERE m.claim_id = t.claim_id) + 1 AS new_no
FROM tpi t
WHERE pg_temp.u(t.claim_id, 'lt_rt') < 0.01;
INSERT INTO tpi_rules.claim_line
SELECT c.claim_id, s.new_no, c.patient_id, c.payer_id, c.provider_npi, c.date_of_service,
	   '20552', '{RT}', 1, c.icd10, c.place_of_service,
	   coalesce(NULLIF(ARRAY(SELECT m FROM unnest(c.muscles) m WHERE m ~* '^(right|r\.?|rt\.?)\s'), '{}'),
				c.muscles),
	   c.trigger_points, c.drug_name, c.drug_dose, c.claim_note, c.note_signed,
	   c.post_procedure_plan, c.conservative_care, c.tp_locations, c.guidance
FROM tpi_rules.claim_line c JOIN split s USING (claim_id, line_no);
UPDATE tpi_rules.claim_line c
SET hcpcs = '20552', modifiers = '{LT}',
	muscles = coalesce(NULLIF(ARRAY(SELECT m FROM unnest(c.muscles) m WHERE m ~* '^(left|l\.?|lt\.?)\s'), '{}'),
					   c.muscles)
FROM split s
WHERE c.claim_id = s.claim_id AND c.line_no = s.line_no;

-- 20552 and 20553 on one date (day.both_codes).  0.5% of 20553 claims.
INSERT INTO tpi_rules.claim_line
SELECT c.claim_id, (SELECT max(line_no) FROM tpi_rules.claim_line m WHERE m.claim_id = c.claim_id) + 1,
	   c.patient_id, c.payer_id, c.provider_npi, c.date_of_service, '20552', '{}', 1,
	   c.icd10, c.place_of_service, c.muscles[1:1], 1, c.drug_name, c.drug_dose, c.claim_note,
	   c.note_signed, c.post_procedure_plan, c.conservative_care, c.tp_locations, c.guidance
FROM tpi_rules.claim_line c JOIN tpi t USING (claim_id, line_no)
WHERE c.hcpcs = '20553' AND pg_temp.u(t.claim_id, 'both') < 0.005;

-- An office visit on the injection date: without modifier 25 (3%,
-- day.em_without_25) or with it (8%, day.em_with_25 for review).
INSERT INTO tpi_rules.claim_line
	(claim_id, line_no, patient_id, payer_id, provider_npi, date_of_service, hcpcs,
	 modifiers, units, icd10, place_of_service, note_signed)
SELECT t.claim_id,
	   (SELECT max(line_no) FROM tpi_rules.claim_line m WHERE m.claim_id = t.claim_id) + 1,
	   c.patient_id, c.payer_id, c.provider_npi, c.date_of_service,
	   CASE WHEN pg_temp.u(t.claim_id, 'em_level') < 0.6 THEN '99213' ELSE '99214' END,
	   CASE WHEN pg_temp.u(t.claim_id, 'em') < 0.03 THEN '{}'::text[] ELSE '{25}' END,
	   1, c.icd10, c.place_of_service, true
FROM tpi t JOIN tpi_rules.claim_line c USING (claim_id, line_no)
WHERE pg_temp.u(t.claim_id, 'em') < 0.11;

-- The drug line left off the claim (drug.missing_on_claim where the payer
-- requires it, as Medicare does).  4% of claims.
DELETE FROM tpi_rules.claim_line c
USING tpi t
WHERE c.claim_id = t.claim_id AND c.hcpcs ~ '^J[0-9]{4}$'
  AND pg_temp.u(t.claim_id, 'nodrug') < 0.04;

-- Diagnoses: low back pain, which Medicare's TPI LCD does not cover (3%,
-- dx.not_covered there), and M79.1, deleted on 2021-10-01 (1%,
-- dx.invalid_code).
UPDATE tpi_rules.claim_line c SET icd10 = '{M54.50}'
FROM tpi t
WHERE c.claim_id = t.claim_id AND pg_temp.u(t.claim_id, 'dx') < 0.03;
UPDATE tpi_rules.claim_line c SET icd10 = '{M79.1}'
FROM tpi t
WHERE c.claim_id = t.claim_id AND pg_temp.u(t.claim_id, 'dx') >= 0.03
  AND pg_temp.u(t.claim_id, 'dx') < 0.04;

-- The note names only a region (doc.region_only, code.no_muscles).  1.5%.
UPDATE tpi_rules.claim_line c
SET muscles = (ARRAY['{neck}', '{low back}', '{shoulder}', '{upper back,neck}'])
				  [1 + floor(pg_temp.u(t.claim_id, 'region_which') * 4)::int]::text[]
FROM tpi t
WHERE c.claim_id = t.claim_id AND c.line_no = t.line_no
  AND pg_temp.u(t.claim_id, 'region') < 0.015;

-- Documentation gaps: unsigned note, no post-procedure plan
-- (doc.missing_element).  2% each.
UPDATE tpi_rules.claim_line c SET note_signed = false
FROM tpi t
WHERE c.claim_id = t.claim_id AND c.line_no = t.line_no
  AND pg_temp.u(t.claim_id, 'unsigned') < 0.02;
UPDATE tpi_rules.claim_line c SET post_procedure_plan = false
FROM tpi t
WHERE c.claim_id = t.claim_id AND c.line_no = t.line_no
  AND pg_temp.u(t.claim_id, 'noplan') < 0.02;

-- Sessions too close together (freq.min_interval) and too many in the
-- window (freq.rolling_cap): for 3% of patients a repeat of their first
-- claim 2 to 4 weeks later; for 2% three more sessions 7 weeks apart
-- ending at the last date of the data, so that the report (as of that
-- date) shows patients at and over their cap.
CREATE TEMP TABLE repeat AS
SELECT f.claim_id, f.patient_id, r.k, r.days
FROM (SELECT DISTINCT ON (patient_id) claim_id, patient_id, date_of_service
	  FROM tpi ORDER BY patient_id, date_of_service, claim_id) f
CROSS JOIN LATERAL (
	SELECT 0 AS k, 14 + floor(pg_temp.u(f.patient_id, 'gap') * 15)::int AS days
	WHERE pg_temp.u(f.patient_id, 'interval') < 0.03
	UNION ALL
	SELECT k, (SELECT max(date_of_service) FROM tpi) - 49 * (k - 1)
			  - floor(pg_temp.u(f.patient_id, 'cap_end') * 7)::int - f.date_of_service
	FROM generate_series(1, 3) k
	WHERE pg_temp.u(f.patient_id, 'cap') < 0.02
) r
WHERE r.days > 0;
INSERT INTO tpi_rules.claim_line
SELECT c.claim_id || '-R' || r.k, c.line_no, c.patient_id, c.payer_id, c.provider_npi,
	   c.date_of_service + r.days, c.hcpcs, c.modifiers, c.units, c.icd10,
	   c.place_of_service, c.muscles, c.trigger_points, c.drug_name, c.drug_dose,
	   c.claim_note, c.note_signed, c.post_procedure_plan, c.conservative_care,
	   c.tp_locations, c.guidance
FROM tpi_rules.claim_line c JOIN repeat r USING (claim_id);

COMMIT;

\echo Billing errors added (claims):
SELECT 'downcoded 20553 -> 20552' AS error, count(*) AS n FROM tpi WHERE hcpcs = '20553' AND pg_temp.u(claim_id, 'downcode') < 0.08
UNION ALL SELECT 'upcoded 20552 -> 20553', count(*) FROM tpi WHERE hcpcs = '20552' AND pg_temp.u(claim_id, 'upcode') < 0.03
UNION ALL SELECT 'units per muscle', count(*) FROM tpi WHERE pg_temp.u(claim_id, 'units') < 0.02
UNION ALL SELECT 'modifier 50', count(*) FROM tpi WHERE pg_temp.u(claim_id, 'bilateral') < 0.01
UNION ALL SELECT '20552-LT + 20552-RT', count(*) FROM split
UNION ALL SELECT 'E/M without 25', count(*) FROM tpi WHERE pg_temp.u(claim_id, 'em') < 0.03
UNION ALL SELECT 'E/M with 25', count(*) FROM tpi WHERE pg_temp.u(claim_id, 'em') >= 0.03 AND pg_temp.u(claim_id, 'em') < 0.11
UNION ALL SELECT 'region-only note', count(*) FROM tpi WHERE pg_temp.u(claim_id, 'region') < 0.015
UNION ALL SELECT 'repeat sessions', count(*) FROM repeat;
