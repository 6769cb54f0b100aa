-- Line rules (SPEC section 6): check_line() over one claim line.  Every
-- rule has a case that fires and one that stays silent; cases are one
-- clean Medicare line with a single field changed.
SET datestyle = 'ISO, YMD';
SET timezone = 'UTC';

-- A clean Medicare TPI line: 20552, two muscles in one region, a covered
-- diagnosis, the drug and dose, every documentation element.
CREATE TEMP TABLE base AS
SELECT ROW('C100', 1, 'P1', 'medicare', '1234567893', '2025-03-03', '20552',
		   '{}', 1, '{M79.18}', '11',
		   '{right upper trapezius,left levator scapulae}', 4,
		   'lidocaine 1%', '3 ml', NULL, true, true, true, true, 'none', NULL, NULL
		   )::tpi_rules.claim_line AS l;

-- A case is the clean line with the fields of a JSON object replaced.
CREATE TEMP TABLE cases (name text PRIMARY KEY, l tpi_rules.claim_line);
CREATE FUNCTION pg_temp.add_case(name text, changes jsonb) RETURNS void
LANGUAGE sql AS $$
	INSERT INTO cases
	SELECT name, pg_catalog.jsonb_populate_record(b.l, changes) FROM base b;
$$;

-- The rule IDs each case raises, one line per case.
CREATE VIEW case_rules AS
SELECT c.name,
	   coalesce(string_agg(f.rule_id, ' ' ORDER BY f.rule_id), '-') AS rules
  FROM cases c LEFT JOIN LATERAL tpi_rules.check_line(c.l) f ON true
 GROUP BY c.name;

SELECT pg_temp.add_case('clean', '{}');
SELECT pg_temp.add_case('clean lower-case code, blanks', '{"hcpcs": " 20552 "}');
-- code.upcoded / code.no_muscles / code.downcoded
SELECT pg_temp.add_case('upcoded 20553 two muscles', '{"hcpcs": "20553"}');
SELECT pg_temp.add_case('upcoded silent 20553 three muscles',
	'{"hcpcs": "20553", "muscles": ["R trapezius", "L trapezius", "right levator scap"]}');
SELECT pg_temp.add_case('upcoded 20553 no muscles', '{"hcpcs": "20553", "muscles": []}');
SELECT pg_temp.add_case('downcoded 20552 three muscles',
	'{"muscles": ["R trapezius", "L trapezius", "right levator scap"]}');
SELECT pg_temp.add_case('downcoded silent 20552 parts of one muscle',
	'{"muscles": ["right upper trapezius", "right middle trapezius", "right lower trapezius"]}');
SELECT pg_temp.add_case('no_muscles NULL', '{"muscles": null}');
SELECT pg_temp.add_case('no_muscles blank entries', '{"muscles": ["", "  "]}');
-- doc.region_only / doc.muscle_group_term / doc.unknown_muscle
SELECT pg_temp.add_case('region_only', '{"muscles": ["shoulder", "neck"]}');
SELECT pg_temp.add_case('region_only silent with a muscle', '{"muscles": ["shoulder", "right trapezius"]}');
-- a region word makes a place of a spine-level term (SPEC section 4): no
-- muscle, so 20553 on it is upcoded; a muscle with a level stays a muscle
SELECT pg_temp.add_case('region_only spinal area terms',
	'{"muscles": ["bilateral cervical paraspinal area", "thoracic paraspinal area"]}');
SELECT pg_temp.add_case('region_only spinal area terms 20553',
	'{"hcpcs": "20553", "muscles": ["bilateral cervical paraspinal area", "thoracic paraspinal area", "low back area"]}');
SELECT pg_temp.add_case('region_only silent multifidus at a level',
	'{"muscles": ["multifidus left of L5", "lumbar multifidus"]}');
SELECT pg_temp.add_case('region_only silent group cervical paraspinal muscles',
	'{"muscles": ["bilateral cervical paraspinal muscles"]}');
SELECT pg_temp.add_case('group term', '{"muscles": ["paraspinals"]}');
SELECT pg_temp.add_case('group term silent', '{"muscles": ["right trapezius"]}');
SELECT pg_temp.add_case('group term silent: rhomboids', '{"muscles": ["left rhomboids", "right rhomboid"]}');
SELECT pg_temp.add_case('group term scalenes', '{"muscles": ["left rhomboids", "left scalenes"]}');
SELECT pg_temp.add_case('unknown muscle', '{"muscles": ["right trapezius", "left flibbertigibbet"]}');
-- doc.missing_element: one finding per element
SELECT pg_temp.add_case('missing note_signed false', '{"note_signed": false}');
SELECT pg_temp.add_case('missing post_procedure_plan NULL', '{"post_procedure_plan": null}');
SELECT pg_temp.add_case('missing conservative_care', '{"conservative_care": false}');
SELECT pg_temp.add_case('missing tp_locations', '{"tp_locations": null}');
SELECT pg_temp.add_case('missing drug_dose blank', '{"drug_dose": "  "}');
SELECT pg_temp.add_case('missing note_signed aetna', '{"note_signed": false, "payer_id": "aetna"}');
SELECT pg_temp.add_case('missing note_signed novitas', '{"note_signed": false, "payer_id": "medicare_novitas"}');
SELECT pg_temp.add_case('missing all six',
	'{"note_signed": null, "post_procedure_plan": null, "conservative_care": null, "tp_locations": null, "drug_name": null, "drug_dose": null}');
-- units.over_mue
SELECT pg_temp.add_case('units 2', '{"units": 2}');
SELECT pg_temp.add_case('units NULL reads as 1', '{"units": null}');
-- modifier.bilateral / modifier.laterality
SELECT pg_temp.add_case('modifier 50', '{"modifiers": ["50"]}');
SELECT pg_temp.add_case('modifier lt lower case', '{"modifiers": [" lt"]}');
SELECT pg_temp.add_case('modifier LT and RT', '{"modifiers": ["LT", "RT"]}');
SELECT pg_temp.add_case('modifier XS silent on the line', '{"modifiers": ["XS"]}');
-- drug.none_injected / drug.not_covered
SELECT pg_temp.add_case('drug none', '{"drug_name": "none"}');
-- nothing injected, so no dose is missing (dry needling as read_note reads it)
SELECT pg_temp.add_case('drug none without dose', '{"drug_name": "none", "drug_dose": null}');
SELECT pg_temp.add_case('drug lidocaine without dose', '{"drug_dose": null}');
SELECT pg_temp.add_case('drug dry needling', '{"drug_name": "Dry Needling"}');
SELECT pg_temp.add_case('drug not named: missing element only', '{"drug_name": null}');
SELECT pg_temp.add_case('drug blank: missing element only', '{"drug_name": " "}');
SELECT pg_temp.add_case('emblem saline alone',
	'{"payer_id": "emblemhealth", "drug_name": "normal saline"}');
SELECT pg_temp.add_case('emblem lidocaine + saline silent',
	'{"payer_id": "emblemhealth", "drug_name": "lidocaine + saline"}');
SELECT pg_temp.add_case('emblem unknown substance silent',
	'{"payer_id": "emblemhealth", "drug_name": "zinnia herbal extract"}');
SELECT pg_temp.add_case('emblem sarapin (other)', '{"payer_id": "emblemhealth", "drug_name": "Sarapin 2 ml"}');
SELECT pg_temp.add_case('medicare saline silent', '{"drug_name": "normal saline"}');
-- dx.not_covered / dx.invalid_code
SELECT pg_temp.add_case('dx not covered', '{"icd10": ["M54.50"]}');
SELECT pg_temp.add_case('dx NULL', '{"icd10": null}');
SELECT pg_temp.add_case('dx empty', '{"icd10": []}');
SELECT pg_temp.add_case('dx without dot, lower case silent', '{"icd10": ["m7918"]}');
SELECT pg_temp.add_case('dx commercial payer silent', '{"payer_id": "aetna", "icd10": ["M54.50"]}');
SELECT pg_temp.add_case('dx unknown payer silent', '{"payer_id": "acme health", "icd10": ["M54.50"]}');
SELECT pg_temp.add_case('dx M79.1 after 2021-10-01', '{"icd10": ["M79.1", "M79.18"]}');
SELECT pg_temp.add_case('dx M54.5 after 2021-10-01', '{"payer_id": "aetna", "icd10": ["M54.5"]}');
SELECT pg_temp.add_case('dx M54.5 before 2021-10-01 silent',
	'{"payer_id": "aetna", "icd10": ["M54.5"], "date_of_service": "2021-09-30"}');
SELECT pg_temp.add_case('dx M79.18 before it existed',
	'{"payer_id": "aetna", "icd10": ["M79.18"], "date_of_service": "2021-09-30"}');
SELECT pg_temp.add_case('dx header code M79', '{"payer_id": "aetna", "icd10": ["M79"]}');
SELECT pg_temp.add_case('dx unknown code silent', '{"payer_id": "aetna", "icd10": ["Z99.89"]}');
-- guidance.not_covered (the guidance column)
SELECT pg_temp.add_case('guidance ultrasound medicare', '{"guidance": "ultrasound"}');
SELECT pg_temp.add_case('guidance fluoroscopy bcbsa', '{"payer_id": "bcbsa", "guidance": "Fluoroscopy"}');
SELECT pg_temp.add_case('guidance ultrasound aetna silent', '{"payer_id": "aetna", "guidance": "ultrasound"}');
SELECT pg_temp.add_case('guidance NULL silent', '{"guidance": null}');
-- input.invalid: each malformed value, and the other rules still run
SELECT pg_temp.add_case('invalid hcpcs 2055', '{"hcpcs": "2055"}');
SELECT pg_temp.add_case('invalid hcpcs non-ASCII digits', '{"hcpcs": "２０５５２"}');
SELECT pg_temp.add_case('invalid modifier XYZ with 50', '{"modifiers": ["XYZ", "50"]}');
SELECT pg_temp.add_case('invalid modifier NULL element', '{"modifiers": [null]}');
SELECT pg_temp.add_case('invalid five modifiers', '{"modifiers": ["25", "59", "XS", "GA", "KX"]}');
SELECT pg_temp.add_case('invalid units 0', '{"units": 0}');
SELECT pg_temp.add_case('invalid units -3', '{"units": -3}');
SELECT pg_temp.add_case('invalid POS 77', '{"place_of_service": "77"}');
SELECT pg_temp.add_case('POS 22 silent', '{"place_of_service": "22"}');
SELECT pg_temp.add_case('POS 11 with spaces silent', '{"place_of_service": " 11 "}');
SELECT pg_temp.add_case('invalid POS 1 1', '{"place_of_service": "1 1"}');
SELECT pg_temp.add_case('invalid date 1900-01-01', '{"date_of_service": "1900-01-01"}');
SELECT pg_temp.add_case('invalid date 2200-01-01', '{"date_of_service": "2200-01-01"}');
SELECT pg_temp.add_case('invalid date infinity, 20553 upcoded',
	'{"date_of_service": "infinity", "hcpcs": "20553"}');
SELECT pg_temp.add_case('invalid dx shape', '{"icd10": ["M79.18", "7918", "M79.1ÿ"]}');
SELECT pg_temp.add_case('invalid guidance xray', '{"guidance": "x-ray"}');
SELECT pg_temp.add_case('invalid trigger_points -1', '{"trigger_points": -1}');
SELECT pg_temp.add_case('invalid patient_id and payer_id NULL', '{"patient_id": null, "payer_id": null}');
SELECT pg_temp.add_case('invalid claim_id and line_no NULL', '{"claim_id": null, "line_no": null}');
SELECT pg_temp.add_case('invalid date NULL', '{"date_of_service": null}');
SELECT pg_temp.add_case('invalid hcpcs NULL', '{"hcpcs": null}');
-- lines that are not TPI get input.invalid only
SELECT pg_temp.add_case('E/M line silent', '{"hcpcs": "99213", "muscles": null, "drug_name": null}');
SELECT pg_temp.add_case('E/M line bad modifier', '{"hcpcs": "99213", "modifiers": ["2"]}');
-- a drug line's NDC: 11 digits, plain or 5-4-2 (SPEC section 3)
SELECT pg_temp.add_case('drug line NDC 11 digits silent',
	'{"hcpcs": "J2001", "muscles": null, "drug_name": null, "ndc": "00409427601"}');
SELECT pg_temp.add_case('drug line NDC 5-4-2 silent',
	'{"hcpcs": "J2001", "muscles": null, "drug_name": null, "ndc": " 00409-4276-01 "}');
SELECT pg_temp.add_case('drug line NDC blank silent',
	'{"hcpcs": "J2001", "muscles": null, "drug_name": null, "ndc": "  "}');
SELECT pg_temp.add_case('invalid NDC 10-digit 4-4-2',
	'{"hcpcs": "J2001", "muscles": null, "drug_name": null, "ndc": "0409-4276-01"}');
SELECT pg_temp.add_case('invalid NDC with its N4 qualifier',
	'{"hcpcs": "J2001", "muscles": null, "drug_name": null, "ndc": "N400409427601"}');

SELECT name, rules FROM case_rules ORDER BY name;
SELECT f.message FROM cases c, tpi_rules.check_line(c.l) f
 WHERE c.name = 'invalid NDC 10-digit 4-4-2';
-- The elements are the Medicare LCDs' requirement: a Novitas line cites
-- its own LCD, a commercial payer's line says they are applied to every
-- payer (its policy is not the source).
SELECT c.name, f.message FROM cases c, tpi_rules.check_line(c.l) f
 WHERE c.name LIKE 'missing note_signed%' ORDER BY 1;

-- Every rule ID check_line emits is in the catalogue, with its severity.
SELECT DISTINCT f.rule_id, f.severity = r.severity AS severity_matches
  FROM cases c, tpi_rules.check_line(c.l) f
  LEFT JOIN tpi_rules.rule r USING (rule_id)
 ORDER BY 1;

-- Findings point at the line.
SELECT DISTINCT c.name, f.claim_id, f.line_no
  FROM cases c, tpi_rules.check_line(c.l) f
 WHERE c.name IN ('units 2', 'invalid claim_id and line_no NULL')
 ORDER BY 1, 2, 3;

-- Messages: what is wrong, on which line, the fix, the source that wins.
SELECT f.rule_id, f.message
  FROM cases c, tpi_rules.check_line(c.l) f
 WHERE c.name IN ('upcoded 20553 two muscles', 'modifier 50', 'modifier lt lower case',
				  'units 2', 'dx M79.1 after 2021-10-01', 'emblem saline alone',
				  'group term', 'unknown muscle', 'region_only', 'missing all six',
				  'invalid modifier XYZ with 50', 'invalid POS 77', 'invalid hcpcs 2055',
				  'guidance ultrasound medicare', 'guidance fluoroscopy bcbsa')
 ORDER BY 1, 2;

-- code.downcoded gives the money left behind for the date and place of
-- service (national): 2026 and 2025 office, 2025 facility, and a year
-- with no PFS data.
SELECT (l).date_of_service, (l).place_of_service, f.message
  FROM (SELECT pg_catalog.jsonb_populate_record(b.l, ch) AS l
		  FROM base b,
			   (VALUES ('{"date_of_service": "2026-03-02"}'::jsonb),
					   ('{"date_of_service": "2025-03-03"}'),
					   ('{"date_of_service": "2025-03-03", "place_of_service": "22"}'),
					   -- telehealth: POS 02 at the facility rate, POS 10 not
					   ('{"date_of_service": "2025-03-03", "place_of_service": "02"}'),
					   ('{"date_of_service": "2025-03-03", "place_of_service": "10"}'),
					   ('{"date_of_service": "2019-03-04"}')) v(ch)) s,
	   tpi_rules.check_line(pg_catalog.jsonb_populate_record(s.l,
			'{"muscles": ["R trapezius", "L trapezius", "right levator scap"]}')) f
 WHERE f.rule_id = 'code.downcoded'
 ORDER BY 1, 2;

-- STRICT: a NULL row gives no rows; a row of NULLs names every required column.
SELECT count(*) FROM tpi_rules.check_line(NULL::tpi_rules.claim_line);
SELECT rule_id, message, claim_id, line_no
  FROM tpi_rules.check_line(ROW(NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
								NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
								NULL, NULL, NULL, NULL, NULL, NULL, NULL)::tpi_rules.claim_line)
 ORDER BY 1, 2;

-- Huge arrays and text: bounded findings and messages.
SELECT f.rule_id, count(*), max(length(f.message)) < 400 AS short
  FROM base b,
	   tpi_rules.check_line(pg_catalog.jsonb_populate_record(b.l,
			pg_catalog.jsonb_build_object(
				'modifiers', (SELECT pg_catalog.jsonb_agg('XYZ'::text) FROM generate_series(1, 3000)),
				'icd10', (SELECT pg_catalog.jsonb_agg('M79.1'::text) FROM generate_series(1, 3000)),
				'muscles', (SELECT pg_catalog.jsonb_agg('muscle number ' || i) FROM generate_series(1, 3000) i)))) f
 GROUP BY 1 ORDER BY 1;
SELECT f.rule_id, length(f.message) < 400 AS short
  FROM base b,
	   tpi_rules.check_line(pg_catalog.jsonb_populate_record(b.l,
			pg_catalog.jsonb_build_object('hcpcs', repeat('2', 100000)))) f
 ORDER BY 1;

-- Works on rows of the claim_line table too.
INSERT INTO tpi_rules.claim_line SELECT (c.l).* FROM cases c WHERE c.name = 'units 2';
SELECT f.rule_id FROM tpi_rules.claim_line t, tpi_rules.check_line(t) f ORDER BY 1;
DELETE FROM tpi_rules.claim_line;
