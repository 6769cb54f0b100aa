-- Claims without note data (SPEC section 3).  A line has note data when one
-- of muscles, trigger_points, drug_name, drug_dose, note_signed,
-- post_procedure_plan, conservative_care, tp_locations is not NULL (a
-- column the relation lacks reads as NULL).  Without it the note rules
-- (code.upcoded, code.downcoded, code.no_muscles, doc.*, drug.none_injected)
-- are not applied, drug.not_covered judges the claim's drug lines by their
-- HCPCS codes, and the line's regions are unknown.
SET datestyle = 'ISO, YMD';
SET timezone = 'UTC';

-- A claims-only Medicare 20553 with a covered diagnosis and its drug line.
CREATE TEMP TABLE base AS
SELECT ROW('C1', 1, 'P', 'medicare', '1234567893', '2025-03-03', '20553',
		   '{}', 1, '{M79.18}', '11', NULL, NULL, NULL, NULL, NULL,
		   NULL, NULL, NULL, NULL, NULL, 120.00, NULL)::tpi_rules.claim_line AS l;

CREATE TEMP TABLE cases (name text, l tpi_rules.claim_line);
CREATE FUNCTION pg_temp.add_line(name text, claim text, line int, changes jsonb)
RETURNS void LANGUAGE sql AS $$
	INSERT INTO cases
	SELECT name, pg_catalog.jsonb_populate_record(b.l,
			pg_catalog.jsonb_build_object('claim_id', claim, 'line_no', line,
										  'patient_id', name) || changes)
	  FROM base b;
$$;

-- Each note rule: silent on the claims-only line, firing once one
-- documentation column is filled in (NULL in the others = not documented).
SELECT pg_temp.add_line('claims only 20553', 'C1', 1, '{}');
SELECT pg_temp.add_line('claims only 20553', 'C1', 2, '{"hcpcs": "J2001", "units": 10}');
SELECT pg_temp.add_line('note data: note_signed only', 'C1', 1, '{"note_signed": true}');
SELECT pg_temp.add_line('note data: note_signed only', 'C1', 2, '{"hcpcs": "J2001", "units": 10}');
SELECT pg_temp.add_line('note data: trigger_points only', 'C1', 1, '{"trigger_points": 0}');
SELECT pg_temp.add_line('note data: trigger_points only', 'C1', 2, '{"hcpcs": "J2001"}');
SELECT pg_temp.add_line('note data: 3 muscles on 20552', 'C1', 1,
	'{"hcpcs": "20552", "muscles": ["R trapezius", "L trapezius", "R levator scapulae"], "drug_name": "lidocaine", "drug_dose": "3 ml", "note_signed": true, "post_procedure_plan": true, "conservative_care": true, "tp_locations": true}');
SELECT pg_temp.add_line('note data: 3 muscles on 20552', 'C1', 2, '{"hcpcs": "J2001"}');
SELECT pg_temp.add_line('claims only 20552', 'C1', 1, '{"hcpcs": "20552"}');
SELECT pg_temp.add_line('claims only 20552', 'C1', 2, '{"hcpcs": "J2001"}');
-- Claim rules still apply without note data.
SELECT pg_temp.add_line('claims only, no drug line', 'C1', 1, '{}');
SELECT pg_temp.add_line('claims only, modifier 50 and 2 units', 'C1', 1, '{"modifiers": ["50"], "units": 2}');
SELECT pg_temp.add_line('claims only, modifier 50 and 2 units', 'C1', 2, '{"hcpcs": "J2001"}');
SELECT pg_temp.add_line('claims only, dx not covered', 'C1', 1, '{"icd10": ["M54.50"]}');
SELECT pg_temp.add_line('claims only, dx not covered', 'C1', 2, '{"hcpcs": "J2001"}');
-- drug.not_covered by HCPCS code: EmblemHealth covers local anesthetics and
-- corticosteroids; saline alone is not covered.
SELECT pg_temp.add_line('emblem claims only, J7050 saline', 'C1', 1, '{"payer_id": "emblemhealth"}');
SELECT pg_temp.add_line('emblem claims only, J7050 saline', 'C1', 2, '{"payer_id": "emblemhealth", "hcpcs": "J7050"}');
SELECT pg_temp.add_line('emblem claims only, J7040 + J7050', 'C1', 1, '{"payer_id": "emblemhealth"}');
SELECT pg_temp.add_line('emblem claims only, J7040 + J7050', 'C1', 2, '{"payer_id": "emblemhealth", "hcpcs": "J7040"}');
SELECT pg_temp.add_line('emblem claims only, J7040 + J7050', 'C1', 3, '{"payer_id": "emblemhealth", "hcpcs": "j7050"}');
SELECT pg_temp.add_line('emblem claims only, J0585 botulinum toxin', 'C1', 1, '{"payer_id": "emblemhealth"}');
SELECT pg_temp.add_line('emblem claims only, J0585 botulinum toxin', 'C1', 2, '{"payer_id": "emblemhealth", "hcpcs": "J0585"}');
SELECT pg_temp.add_line('emblem silent: J2001 + J7050', 'C1', 1, '{"payer_id": "emblemhealth"}');
SELECT pg_temp.add_line('emblem silent: J2001 + J7050', 'C1', 2, '{"payer_id": "emblemhealth", "hcpcs": "J2001"}');
SELECT pg_temp.add_line('emblem silent: J2001 + J7050', 'C1', 3, '{"payer_id": "emblemhealth", "hcpcs": "J7050"}');
SELECT pg_temp.add_line('emblem silent: J3301 triamcinolone', 'C1', 1, '{"payer_id": "emblemhealth"}');
SELECT pg_temp.add_line('emblem silent: J3301 triamcinolone', 'C1', 2, '{"payer_id": "emblemhealth", "hcpcs": "J3301"}');
SELECT pg_temp.add_line('emblem silent: J3490 unknown code', 'C1', 1, '{"payer_id": "emblemhealth"}');
SELECT pg_temp.add_line('emblem silent: J3490 unknown code', 'C1', 2, '{"payer_id": "emblemhealth", "hcpcs": "J3490", "claim_note": "lidocaine 1% 2 ml"}');
SELECT pg_temp.add_line('emblem silent: saline on another claim', 'C1', 1, '{"payer_id": "emblemhealth"}');
SELECT pg_temp.add_line('emblem silent: saline on another claim', 'C2', 1, '{"payer_id": "emblemhealth", "hcpcs": "J7050"}');
SELECT pg_temp.add_line('emblem silent: aetna covers any', 'C1', 1, '{"payer_id": "aetna"}');
SELECT pg_temp.add_line('emblem silent: aetna covers any', 'C1', 2, '{"payer_id": "aetna", "hcpcs": "J7050"}');
-- With note data the note decides, not the code: lidocaine documented.
SELECT pg_temp.add_line('emblem silent with note: lidocaine, J7050 billed', 'C1', 1,
	'{"payer_id": "emblemhealth", "hcpcs": "20552", "muscles": ["R trapezius"], "drug_name": "lidocaine", "drug_dose": "3 ml", "note_signed": true, "post_procedure_plan": true, "conservative_care": true, "tp_locations": true}');
SELECT pg_temp.add_line('emblem silent with note: lidocaine, J7050 billed', 'C1', 2, '{"payer_id": "emblemhealth", "hcpcs": "J7050"}');
-- day.multiple_regions: a line without note data has no known region.
SELECT pg_temp.add_line('regions: claims-only line beside a cervical one', 'C1', 1,
	'{"hcpcs": "20552", "muscles": ["R trapezius"], "drug_name": "lidocaine", "drug_dose": "3 ml", "note_signed": true, "post_procedure_plan": true, "conservative_care": true, "tp_locations": true}');
SELECT pg_temp.add_line('regions: claims-only line beside a cervical one', 'C1', 2, '{"hcpcs": "J2001"}');
SELECT pg_temp.add_line('regions: claims-only line beside a cervical one', 'C2', 1, '{}');
SELECT pg_temp.add_line('regions: claims-only line beside a cervical one', 'C2', 2, '{"hcpcs": "J2001"}');

-- check_line and check_day of each case, as rule@claim/line.
SELECT c.name,
	   coalesce((SELECT string_agg(format('%s@%s/%s', f.rule_id, f.claim_id, f.line_no), ' '
								   ORDER BY f.claim_id, f.line_no, f.rule_id)
				   FROM cases c2, tpi_rules.check_line(c2.l) f
				  WHERE c2.name = c.name), '-') AS line_rules,
	   coalesce((SELECT string_agg(format('%s@%s/%s', f.rule_id, f.claim_id, f.line_no), ' ')
				   FROM unnest(tpi_rules.check_day(c.l ORDER BY (c.l).claim_id, (c.l).line_no)) f), '-') AS day_rules
  FROM cases c
 GROUP BY c.name
 ORDER BY c.name;

-- Messages of the HCPCS-judged drug.not_covered.
SELECT f.rule_id, f.message
  FROM (SELECT name, tpi_rules.check_day(l) AS fs FROM cases GROUP BY name) d, unnest(d.fs) f
 WHERE d.name LIKE 'emblem claims only%' AND f.rule_id = 'drug.not_covered'
 ORDER BY d.name;

-- audit() of a relation without the documentation columns (a claims feed):
-- the columns read as NULL, so only the claim rules apply.
CREATE TABLE claims_feed (claim_id text, line_no smallint, patient_id text,
						  payer_id text, date_of_service date, hcpcs text,
						  modifiers text[], units integer, icd10 text[],
						  place_of_service text);
INSERT INTO claims_feed VALUES
	('F1', 1, 'A', 'medicare', '2025-03-03', '20553', NULL, 1, '{M79.18}', '11'),
	('F1', 2, 'A', 'medicare', '2025-03-03', 'J2001', NULL, 10, '{M79.18}', '11'),
	('F2', 1, 'B', 'medicare', '2025-03-03', '20552', '{LT}', 1, '{M79.18}', '11'),
	('F3', 1, 'C', 'emblemhealth', '2025-03-03', '20552', NULL, 1, '{M79.18}', '11'),
	('F3', 2, 'C', 'emblemhealth', '2025-03-03', 'J7050', NULL, 1, '{M79.18}', '11'),
	-- EmblemHealth caps 3 sessions in 90 days per region: claims-only
	-- sessions share the no-region bucket, so the fourth is over the cap
	('F4', 1, 'D', 'emblemhealth', '2025-01-06', '20552', NULL, 1, '{M79.18}', '11'),
	('F5', 1, 'D', 'emblemhealth', '2025-01-20', '20552', NULL, 1, '{M79.18}', '11'),
	('F6', 1, 'D', 'emblemhealth', '2025-02-03', '20552', NULL, 1, '{M79.18}', '11'),
	('F7', 1, 'D', 'emblemhealth', '2025-02-17', '20552', NULL, 1, '{M79.18}', '11');
SELECT claim_id, line_no, rule_id, severity
  FROM tpi_rules.audit('claims_feed')
 ORDER BY claim_id, line_no, rule_id;

-- The guard decodes lines with the same engine: a claims-only TPI line
-- with its drug line is accepted in reject mode; a note-data line is judged.
CREATE TABLE guarded_feed (LIKE claims_feed);
CREATE TRIGGER guard BEFORE INSERT OR UPDATE ON guarded_feed
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('reject');
INSERT INTO guarded_feed SELECT * FROM claims_feed WHERE claim_id = 'F1';
SELECT count(*) AS accepted FROM guarded_feed;
ALTER TABLE guarded_feed ADD COLUMN note_signed boolean;
INSERT INTO guarded_feed VALUES
	('G1', 1, 'E', 'medicare', '2025-03-03', '20553', NULL, 1, '{M79.18}', '11', true),
	('G1', 2, 'E', 'medicare', '2025-03-03', 'J2001', NULL, 10, '{M79.18}', '11', NULL);
DROP TABLE guarded_feed;
DROP TABLE claims_feed;
