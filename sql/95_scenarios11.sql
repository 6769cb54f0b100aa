-- Scenario review 11: realistic trigger point injection claims built from
-- public sources (CMS NCCI PTP/MUE edits and Policy Manual, the 2024
-- Medicare TPI LCDs and billing articles A59480/A59487/A59553, Novitas
-- L35010/A57751, EmblemHealth Claims Corner, Aetna CPB 0016, eviCore
-- CMM-202, BCBSA 2.01.103, AAPC/FindACode/The Rheumatologist coding
-- answers), combining several payers, payer_map and rule_setting (SPEC 13),
-- rolling windows at month ends and leap days, same-day E/M and joint
-- injections with and without 59/X{EPSU}, drug lines with and without
-- units, places of service, claims without note data (SPEC 3), 837P input
-- (SPEC 11), notes read with read_note (SPEC 12) and the guard (SPEC 9).
-- Each scenario's expected findings are what SPEC.md says must come out;
-- an empty expectation means the claim must pass silently.
SET datestyle = 'ISO, YMD';
SET timezone = 'UTC';

CREATE TEMP TABLE scen AS SELECT * FROM tpi_rules.claim_line WHERE false;
CREATE TEMP TABLE scenario (id text PRIMARY KEY, source text, expect text);

-- One line of a scenario (patient = scenario id).  A TPI line gets a full
-- clean note (20552: one muscle; 20553: three cervical muscles); other
-- lines get no note data.  changes (jsonb) overrides any column.
CREATE FUNCTION pg_temp.add(id text, claim text, line int, payer text,
							dos date, code text, changes jsonb DEFAULT '{}')
RETURNS void LANGUAGE sql AS $$
	INSERT INTO scen
	SELECT (pg_catalog.jsonb_populate_record(NULL::scen,
		pg_catalog.jsonb_build_object(
			'claim_id', claim, 'line_no', line, 'patient_id', id,
			'payer_id', payer, 'provider_npi', '1234567893',
			'date_of_service', dos, 'hcpcs', code, 'units', 1,
			'icd10', '{M79.18}'::text[], 'place_of_service', '11')
		|| CASE WHEN code IN ('20552', '20553') THEN pg_catalog.jsonb_build_object(
			'muscles', CASE code WHEN '20552' THEN '{right upper trapezius}'::text[]
							ELSE '{right trapezius,left trapezius,right levator scapulae}'::text[] END,
			'trigger_points', 3,
			'drug_name', 'lidocaine 1%', 'drug_dose', '3 ml',
			'note_signed', true, 'post_procedure_plan', true,
			'conservative_care', true, 'tp_locations', true, 'guidance', 'none')
			ELSE '{}' END
		|| changes)).*;
$$;
CREATE FUNCTION pg_temp.no_note() RETURNS jsonb LANGUAGE sql AS $$
	SELECT '{"muscles": null, "trigger_points": null, "drug_name": null,
			 "drug_dose": null, "note_signed": null, "post_procedure_plan": null,
			 "conservative_care": null, "tp_locations": null, "guidance": null}'::jsonb;
$$;
CREATE FUNCTION pg_temp.session(id text, payer text, dos date, muscles text[])
RETURNS void LANGUAGE sql AS $$
	SELECT pg_temp.add(id, id || '-' || pg_catalog.to_char(dos, 'YYMMDD'), 1, payer, dos,
					   '20552', pg_catalog.jsonb_build_object('muscles', muscles));
	SELECT pg_temp.add(id, id || '-' || pg_catalog.to_char(dos, 'YYMMDD'), 2, payer, dos, 'J2001');
$$;

-- The loading calls' own (void) results are not shown.
\o /dev/null
-- ---------------------------------------------------------------------
-- Same-day procedures and modifiers
-- ---------------------------------------------------------------------
INSERT INTO scenario VALUES
('K01','NCCI PTP 20610/20552 (column-two 20552, modifier indicator 1): 59 on the joint line does not bypass the edit; SPEC 6 "the TPI line carries none of"','K01/1 day.joint_injection_unmodified'),
('K02','NCCI PTP 20611/20553 with XE on the TPI (separate encounter), commercial','') ,
('K03','Medicare: 20552 unmodified + 20605 (both the NCCI edit and the LCD no-other-block rule)','K03/1 day.joint_injection_unmodified, K03/2 day.other_block_same_session'),
('K04','FindACode: 59/XU on a TPI with only its own ultrasound guidance (76942 is no partner)','K04/1 modifier.distinct_without_partner'),
('K05','commercial: 20552-59 with a tendon sheath injection 20550 (partner)',''),
('K06','BCBSA: 20552-XS with a peripheral nerve block 64450 (blocks allowed)',''),
('K07','2024 Medicare LCD: 20553 with 64450 in the session','K07/2 day.other_block_same_session'),
('K08','SPEC 6 day rules are per patient and date: 20610 billed by another provider on another claim','K08a/1 day.joint_injection_unmodified'),
('K09','The Rheumatologist Coding Corner: new-patient E/M with 25 plus a second E/M without it','K09/1 day.em_with_25, K09/3 day.em_without_25'),
('K10','E/M without 25 on a day with no TPI (TPI a week earlier): day rules need a TPI that day',''),
('K11','modifier 57 (decision for surgery) is not 25 for a 0-day-global TPI','K11/1 day.em_without_25'),
('K13','SPEC 2: 20552 + 20553-XS: another TPI is no partner for XS','K13/1 day.both_codes, K13/2 modifier.distinct_without_partner');
SELECT pg_temp.add('K01','K01',1,'aetna','2025-05-05','20552');
SELECT pg_temp.add('K01','K01',2,'aetna','2025-05-05','20610','{"modifiers":["59","RT"]}');
SELECT pg_temp.add('K02','K02',1,'aetna','2025-05-05','20553','{"modifiers":["XE"]}');
SELECT pg_temp.add('K02','K02',2,'aetna','2025-05-05','20611','{"modifiers":["LT"]}');
SELECT pg_temp.add('K03','K03',1,'medicare','2025-05-05','20552');
SELECT pg_temp.add('K03','K03',2,'medicare','2025-05-05','20605','{"modifiers":["RT"]}');
SELECT pg_temp.add('K03','K03',3,'medicare','2025-05-05','J2001');
SELECT pg_temp.add('K04','K04',1,'aetna','2025-05-05','20552','{"modifiers":["XU"]}');
SELECT pg_temp.add('K04','K04',2,'aetna','2025-05-05','76942');
SELECT pg_temp.add('K05','K05',1,'aetna','2025-05-05','20552','{"modifiers":["59"]}');
SELECT pg_temp.add('K05','K05',2,'aetna','2025-05-05','20550');
SELECT pg_temp.add('K06','K06',1,'bcbsa','2025-05-05','20552','{"modifiers":["XS"]}');
SELECT pg_temp.add('K06','K06',2,'bcbsa','2025-05-05','64450');
SELECT pg_temp.add('K07','K07',1,'medicare','2025-05-05','20553');
SELECT pg_temp.add('K07','K07',2,'medicare','2025-05-05','64450');
SELECT pg_temp.add('K07','K07',3,'medicare','2025-05-05','J2001');
SELECT pg_temp.add('K08','K08a',1,'aetna','2025-05-05','20552');
SELECT pg_temp.add('K08','K08b',1,'aetna','2025-05-05','20610','{"provider_npi":"1111111112"}');
SELECT pg_temp.add('K09','K09',1,'aetna','2025-05-05','99203','{"modifiers":["25"]}');
SELECT pg_temp.add('K09','K09',2,'aetna','2025-05-05','20552');
SELECT pg_temp.add('K09','K09',3,'aetna','2025-05-05','99213');
SELECT pg_temp.add('K10','K10a',1,'aetna','2025-05-05','20552');
SELECT pg_temp.add('K10','K10b',1,'aetna','2025-05-12','99214');
SELECT pg_temp.add('K11','K11',1,'aetna','2025-05-05','99213','{"modifiers":["57"]}');
SELECT pg_temp.add('K11','K11',2,'aetna','2025-05-05','20552');
SELECT pg_temp.add('K13','K13',1,'aetna','2025-05-05','20552');
SELECT pg_temp.add('K13','K13',2,'aetna','2025-05-05','20553','{"modifiers":["XS"]}');


-- ---------------------------------------------------------------------
-- Units, drugs, place of service, diagnoses
-- ---------------------------------------------------------------------
INSERT INTO scenario VALUES
('K14','FindACode: MUE 1 for 20553; 2 units on one line','K14/1 units.over_mue'),
('K15','SPEC 3: units NULL defaults to 1',''),
('K16','SPEC 6 input.invalid: units < 1','K16/1 input.invalid'),
('K17','Medicare claims-only: 20552 + J2001 (units NULL) + J3301 x4 (10 mg units), covered dx','');
SELECT pg_temp.add('K14','K14',1,'aetna','2025-05-05','20553','{"units":2}');
SELECT pg_temp.add('K15','K15',1,'aetna','2025-05-05','20552','{"units":null}');
SELECT pg_temp.add('K16','K16',1,'aetna','2025-05-05','20552','{"units":0}');
SELECT pg_temp.add('K17','K17',1,'medicare','2025-05-05','20552', pg_temp.no_note());
SELECT pg_temp.add('K17','K17',2,'medicare','2025-05-05','J2001','{"units":null}');
SELECT pg_temp.add('K17','K17',3,'medicare','2025-05-05','J3301','{"units":4}');

-- Drugs
INSERT INTO scenario VALUES
('K18','A59553: the drug on the same claim; J7050 saline is a J-code, Medicare has no injectate limit','') ,
('K19','A59553: C9399 on a POS 22 claim with "Kenalog 40 mg" (brand name) in Box 19',''),
('K20','A59553: J3490 with an NDC but no drug name/dose in Box 19','K20/2 drug.unclassified_without_note'),
('K21','EmblemHealth claims-only TPI without any drug line: nothing to judge',''),
('K22','EmblemHealth claims-only: betamethasone J0702 with saline J7040 (corticosteroid present)',''),
('K23','EmblemHealth: botulinum toxin is neither a local anesthetic nor a corticosteroid','K23/1 drug.not_covered'),
('K24','EmblemHealth: bupivacaine + triamcinolone',''),
('K26','SPEC 3: a line with note data is judged by its note: saline only, despite a J2001 line','K26/1 drug.not_covered'),
('K27','EmblemHealth claims-only: Botox J0585 alone','K27/1 drug.not_covered');
SELECT pg_temp.add('K18','K18',1,'medicare','2025-05-05','20553', pg_temp.no_note());
SELECT pg_temp.add('K18','K18',2,'medicare','2025-05-05','J7050');
SELECT pg_temp.add('K19','K19',1,'medicare','2025-05-05','20552','{"place_of_service":"22","claim_note":"Kenalog 40 mg"}');
SELECT pg_temp.add('K19','K19',2,'medicare','2025-05-05','C9399','{"place_of_service":"22","claim_note":"Kenalog 40 mg"}');
SELECT pg_temp.add('K20','K20',1,'medicare','2025-05-05','20552');
SELECT pg_temp.add('K20','K20',2,'medicare','2025-05-05','J3490','{"ndc":"00409427702"}');
SELECT pg_temp.add('K21','K21',1,'emblemhealth','2025-05-05','20552', pg_temp.no_note());
SELECT pg_temp.add('K22','K22',1,'emblemhealth','2025-05-05','20552', pg_temp.no_note());
SELECT pg_temp.add('K22','K22',2,'emblemhealth','2025-05-05','J0702');
SELECT pg_temp.add('K22','K22',3,'emblemhealth','2025-05-05','J7040');
SELECT pg_temp.add('K23','K23',1,'emblemhealth','2025-05-05','20552','{"drug_name":"botulinum toxin","drug_dose":"50 units"}');
SELECT pg_temp.add('K24','K24',1,'emblemhealth','2025-05-05','20552','{"drug_name":"bupivacaine 0.25% + triamcinolone","drug_dose":"4 ml + 20 mg"}');
SELECT pg_temp.add('K26','K26',1,'emblemhealth','2025-05-05','20552','{"drug_name":"normal saline","drug_dose":"5 ml"}');
SELECT pg_temp.add('K26','K26',2,'emblemhealth','2025-05-05','J2001');
SELECT pg_temp.add('K27','K27',1,'emblemhealth','2025-05-05','20552', pg_temp.no_note());
SELECT pg_temp.add('K27','K27',2,'emblemhealth','2025-05-05','J0585','{"units":50}');

-- Place of service and diagnoses
INSERT INTO scenario VALUES
('K28','CMS POS code set: 00 is not a place of service','K28/1 input.invalid'),
('K29','CMS POS 99 "other place of service" is a valid code',''),
('K30','Medicare covered set: M62.838 (muscle spasm) is not covered','K30/1 dx.not_covered'),
('K31','Medicare: M62.838 and M79.18 on the line: one covered code is enough',''),
('K32','Medicare: a TPI line with no diagnosis','K32/1 dx.not_covered'),
('K33','ICD-10-CM FY2022: M54.5 deleted, billed to Aetna in 2023','K33/1 dx.invalid_code'),
('K34','Novitas: no diagnosis restriction shipped: M62.838 passes','');
SELECT pg_temp.add('K28','K28',1,'aetna','2025-05-05','20552','{"place_of_service":"00"}');
SELECT pg_temp.add('K29','K29',1,'aetna','2025-05-05','20552','{"place_of_service":"99"}');
SELECT pg_temp.add('K30','K30',1,'medicare','2025-05-05','20552','{"icd10":["M62.838"]}');
SELECT pg_temp.add('K30','K30',2,'medicare','2025-05-05','J2001');
SELECT pg_temp.add('K31','K31',1,'medicare','2025-05-05','20552','{"icd10":["M62.838","M79.18"]}');
SELECT pg_temp.add('K31','K31',2,'medicare','2025-05-05','J2001');
SELECT pg_temp.add('K32','K32',1,'medicare','2025-05-05','20552','{"icd10":null}');
SELECT pg_temp.add('K32','K32',2,'medicare','2025-05-05','J2001');
SELECT pg_temp.add('K33','K33',1,'aetna','2023-05-05','20552','{"icd10":["M54.5"]}');
SELECT pg_temp.add('K34','K34',1,'medicare_novitas','2025-05-05','20552','{"icd10":["M62.838"]}');

-- ---------------------------------------------------------------------
-- Frequency (rolling windows at their boundaries) and payer_map
-- ---------------------------------------------------------------------
INSERT INTO scenario VALUES
('K40','2024 Medicare LCDs: 3 per rolling 12 months; a session exactly 12 months after the first is outside its window',''),
('K41','same, one day earlier: the 4th session inside 12 months','K41-260114/1 freq.rolling_cap'),
('K42','Medicare 6 weeks in the same region: a lumbar session between two cervical ones does not reset the cervical interval','K42-250407/1 freq.min_interval'),
('K43','Novitas L35010: 3 in 3 months, end-of-month dates (04-30 minus 3 months is 01-30)','K43-250430/1 freq.rolling_cap'),
('K44','same, 05-01: 01-31 has left the window',''),
('K45','eviCore CMM-202: 2 months between sessions; 01-31 to 03-31 is 2 months, 03-31 to 05-30 is not','K45-250530/1 freq.min_interval'),
('K46','EmblemHealth: per anatomic site; a cervical+scapular session counts in both; 4th cervical in 90 days','K46-250331/1 freq.rolling_cap'),
('K47','BCBSA 4 per 12 months across a leap day: 2024-02-29 is inside the window of 2025-02-28','K47-250228/1 freq.rolling_cap'),
('K48','BCBSA, same leap-day series with the 5th on 2025-03-01',''),
('K49','Aetna CPB 0016: two claims on one date are one session (no 7-day interval finding), but one code per day','K49b/1 day.duplicate_code, K49b/1 units.over_mue');
SELECT pg_temp.session('K40','medicare',d::date,'{right upper trapezius}') FROM unnest('{2025-01-15,2025-04-15,2025-07-15,2026-01-15}'::text[]) d;
SELECT pg_temp.session('K41','medicare',d::date,'{right upper trapezius}') FROM unnest('{2025-01-15,2025-04-15,2025-07-15,2026-01-14}'::text[]) d;
SELECT pg_temp.session('K42','medicare','2025-03-03','{right upper trapezius}');
SELECT pg_temp.session('K42','medicare','2025-03-10','{right quadratus lumborum}');
SELECT pg_temp.session('K42','medicare','2025-04-07','{left levator scapulae}');
SELECT pg_temp.session('K43','medicare_novitas',d::date,'{right upper trapezius}') FROM unnest('{2025-01-31,2025-02-28,2025-03-31,2025-04-30}'::text[]) d;
SELECT pg_temp.session('K44','medicare_novitas',d::date,'{right upper trapezius}') FROM unnest('{2025-01-31,2025-02-28,2025-03-31,2025-05-01}'::text[]) d;
SELECT pg_temp.session('K45','evicore',d::date,'{right upper trapezius}') FROM unnest('{2025-01-31,2025-03-31,2025-05-30}'::text[]) d;
SELECT pg_temp.session('K46','emblemhealth','2025-01-06','{right upper trapezius}');
SELECT pg_temp.session('K46','emblemhealth','2025-02-03','{right upper trapezius, right infraspinatus}');
SELECT pg_temp.session('K46','emblemhealth','2025-03-03','{left upper trapezius}');
SELECT pg_temp.session('K46','emblemhealth','2025-03-10','{left infraspinatus}');
SELECT pg_temp.session('K46','emblemhealth','2025-03-31','{left levator scapulae}');
SELECT pg_temp.session('K47','bcbsa',d::date,'{right upper trapezius}') FROM unnest('{2024-02-29,2024-05-01,2024-08-01,2024-11-01,2025-02-28}'::text[]) d;
SELECT pg_temp.session('K48','bcbsa',d::date,'{right upper trapezius}') FROM unnest('{2024-02-29,2024-05-01,2024-08-01,2024-11-01,2025-03-01}'::text[]) d;
SELECT pg_temp.add('K49','K49a',1,'aetna','2025-05-05','20552');
SELECT pg_temp.add('K49','K49b',1,'aetna','2025-05-05','20552','{"provider_npi":"1111111112","muscles":["left rhomboid major"]}');
SELECT pg_temp.add('K49','K49c',1,'aetna','2025-05-12','20552');

-- payer_map (kept for the whole file)
INSERT INTO tpi_rules.payer_map VALUES ('EMB-NY','emblemhealth'), ('medicare','aetna'), ('04412','medicare');
INSERT INTO scenario VALUES
('K35','SPEC 13: EMB-NY maps to emblemhealth: a claims-only saline J7050 line','K35/1 drug.not_covered'),
('K36','SPEC 13: payer_map is read only for a payer_id that is no payer_policy payer: a map row for medicare is ignored','K36/1 drug.missing_on_claim'),
('K37','SPEC 13 + 6: sessions billed under 04412 (mapped to medicare) and under medicare are one patient history: a 4th in 12 months','K37-250901/1 freq.rolling_cap'),
('K38','commercial payer with note data: 20552 billed, upper trapezius plus levator scapulae and rhomboid minor on the right: three muscles, money left behind','K38/1 code.downcoded');
SELECT pg_temp.add('K35','K35',1,'EMB-NY','2025-05-05','20552', pg_temp.no_note());
SELECT pg_temp.add('K35','K35',2,'EMB-NY','2025-05-05','J7050');
SELECT pg_temp.add('K36','K36',1,'medicare','2025-05-05','20552');
SELECT pg_temp.session('K37','04412','2025-01-06','{right upper trapezius}');
SELECT pg_temp.session('K37','medicare','2025-03-03','{right upper trapezius}');
SELECT pg_temp.session('K37','04412','2025-05-05','{right upper trapezius}');
SELECT pg_temp.session('K37','medicare','2025-09-01','{right upper trapezius}');
SELECT pg_temp.add('K38','K38',1,'ACME-PPO','2025-05-05','20552','{"muscles":["R upper trapezius, levator scapulae and rhomboid minor"]}');

-- ---------------------------------------------------------------------
-- Regions, groups, documentation, guidance, input
-- ---------------------------------------------------------------------
INSERT INTO scenario VALUES
('K50','Medicare: lumbar paraspinals at L4-5 and QL are one region (L4-5 sets the group''s region); group term warned','K50/1 doc.muscle_group_term'),
('K51','Medicare one region per session: thoracic paraspinals and QL span thoracic and lumbar','K51/1 day.multiple_regions, K51/1 doc.muscle_group_term'),
('K53','Medicare: a cervical TPI and a lumbar TPI billed on two claims the same day','K53a/1 day.multiple_regions, K53b/1 day.duplicate_code, K53b/1 units.over_mue'),
('K56','Mira Health documentation list: unsigned, no conservative care, no dose','K56/1 doc.missing_element, K56/1 doc.missing_element, K56/1 doc.missing_element'),
('K57','SPEC 4: "rotator cuff" is a group term, one muscle per side','K57/1 doc.muscle_group_term'),
('K58','SPEC 4: B/L glute med and piriformis = 4 muscles; billed 20552','K58/1 code.downcoded'),
('K59','SCM, scalenes, splenius capitis on the right: 3 (scalenes a group), 20553 right','K59/1 doc.muscle_group_term'),
('K60','LCD definition of region: "low back" and "upper back" are regions, not muscles; 20553 billed','K60/1 code.no_muscles, K60/1 code.upcoded, K60/1 doc.region_only'),
('K62','NCCI: 77002 once per session; 2 units','K62/2 guidance.units'),
('K63','2024 Medicare LCD: CT guidance documented in the note','K63/1 guidance.not_covered'),
('K66','SPEC 2: "bilateral" TPI billed 20552-50 x 2','K66/1 modifier.bilateral, K66/1 units.over_mue'),
('K68','NCCI: 20552-XS with 20610-RT for a commercial payer',''),
('K69','SPEC 6 input.invalid: a four-character hcpcs','K69/1 input.invalid'),
('K70','SPEC 2: 20551 is the tendon origin code, billed for a commercial payer with 20552 XS',''),
('K71','Medicare claims-only 20553 with J2001 and M79.1 in 2025 (invalid and not covered)','K71/1 dx.invalid_code, K71/1 dx.not_covered');
SELECT pg_temp.add('K50','K50',1,'medicare','2025-05-05','20552','{"muscles":["paraspinal muscles at L4-5","left quadratus lumborum"]}');
SELECT pg_temp.add('K50','K50',2,'medicare','2025-05-05','J2001');
SELECT pg_temp.add('K51','K51',1,'medicare','2025-05-05','20552','{"muscles":["right thoracic paraspinals","right QL"]}');
SELECT pg_temp.add('K51','K51',2,'medicare','2025-05-05','J2001');
SELECT pg_temp.add('K53','K53a',1,'medicare','2025-05-05','20552');
SELECT pg_temp.add('K53','K53a',2,'medicare','2025-05-05','J2001');
SELECT pg_temp.add('K53','K53b',1,'medicare','2025-05-05','20552','{"muscles":["left quadratus lumborum"]}');
SELECT pg_temp.add('K53','K53b',2,'medicare','2025-05-05','J2001');
SELECT pg_temp.add('K56','K56',1,'aetna','2025-05-05','20552','{"note_signed":false,"conservative_care":null,"drug_dose":null}');
SELECT pg_temp.add('K57','K57',1,'aetna','2025-05-05','20552','{"muscles":["right rotator cuff"]}');
SELECT pg_temp.add('K58','K58',1,'aetna','2025-05-05','20552','{"muscles":["B/L glute med and piriformis"]}');
SELECT pg_temp.add('K59','K59',1,'aetna','2025-05-05','20553','{"muscles":["right SCM","right scalenes","right splenius capitis"]}');
SELECT pg_temp.add('K60','K60',1,'aetna','2025-05-05','20553','{"muscles":["low back","upper back"]}');
SELECT pg_temp.add('K62','K62',1,'aetna','2025-05-05','20552','{"guidance":"fluoroscopy"}');
SELECT pg_temp.add('K62','K62',2,'aetna','2025-05-05','77002','{"units":2}');
SELECT pg_temp.add('K63','K63',1,'medicare','2025-05-05','20552','{"guidance":"ct"}');
SELECT pg_temp.add('K63','K63',2,'medicare','2025-05-05','J2001');
SELECT pg_temp.add('K66','K66',1,'aetna','2025-05-05','20552','{"modifiers":["50"],"units":2,"muscles":["bilateral upper trapezius"]}');
SELECT pg_temp.add('K68','K68',1,'aetna','2025-05-05','20552','{"modifiers":["XS"]}');
SELECT pg_temp.add('K68','K68',2,'aetna','2025-05-05','20610','{"modifiers":["RT"]}');
SELECT pg_temp.add('K69','K69',1,'aetna','2025-05-05','2055');
SELECT pg_temp.add('K70','K70',1,'aetna','2025-05-05','20552','{"modifiers":["XS"]}');
SELECT pg_temp.add('K70','K70',2,'aetna','2025-05-05','20551');
SELECT pg_temp.add('K71','K71',1,'medicare','2025-05-05','20553', pg_temp.no_note() || '{"icd10":["M791"]}');
SELECT pg_temp.add('K71','K71',2,'medicare','2025-05-05','J2001');
INSERT INTO scenario VALUES
('K72','CMS PFS: 20610 has bilateral indicator 1, so 20610-50 beside a 20552-XS is no TPI modifier error (commercial)',''),
('K73','SPEC 6: the joint injection is on another date, so XS on the TPI has no partner that day','K73a/1 modifier.distinct_without_partner'),
('K74','BCBSA 2.01.103: a 76942 line though the note says no guidance','K74/2 guidance.not_covered'),
('K75','Medicare one region per session: trapezius (cervical) and deltoid (shoulder)','K75/1 day.multiple_regions'),
('K76','Medicare: paraspinals at T4 and rhomboid major: thoracic and scapular','K76/1 day.multiple_regions, K76/1 doc.muscle_group_term'),
('K77','SPEC 4: a region term beside a muscle counts nothing and raises nothing',''),
('K78','SPEC 6 doc.missing_element: drug name and dose both missing: one finding per element','K78/1 doc.missing_element, K78/1 doc.missing_element'),
('K79','SPEC 3: note data present (drug documented) but muscles NULL: not documented','K79/1 code.no_muscles'),
('K80','SPEC 4: an entry the catalogue does not know counts one muscle: 20552 kept, warned','K80/1 doc.unknown_muscle'),
('K81','CPT: 20560 dry needling billed alone is not a TPI: no TPI rule applies',''),
('K82','Medicare: 20553 on POS 24 (ASC) with J2001 and 77002 fluoroscopy','K82/3 guidance.not_covered'),
('K83','SPEC 6 input.invalid: a three-character modifier','K83/1 input.invalid');
SELECT pg_temp.add('K72','K72',1,'aetna','2025-05-05','20552','{"modifiers":["XS"]}');
SELECT pg_temp.add('K72','K72',2,'aetna','2025-05-05','20610','{"modifiers":["50"]}');
SELECT pg_temp.add('K73','K73a',1,'aetna','2025-05-05','20552','{"modifiers":["XS"]}');
SELECT pg_temp.add('K73','K73b',1,'aetna','2025-05-06','20610');
SELECT pg_temp.add('K74','K74',1,'bcbsa','2025-05-05','20552');
SELECT pg_temp.add('K74','K74',2,'bcbsa','2025-05-05','76942');
SELECT pg_temp.add('K75','K75',1,'medicare','2025-05-05','20552','{"muscles":["right trapezius","right deltoid"]}');
SELECT pg_temp.add('K75','K75',2,'medicare','2025-05-05','J2001');
SELECT pg_temp.add('K76','K76',1,'medicare','2025-05-05','20552','{"muscles":["paraspinals at T4","right rhomboid major"]}');
SELECT pg_temp.add('K76','K76',2,'medicare','2025-05-05','J2001');
SELECT pg_temp.add('K77','K77',1,'medicare','2025-05-05','20552','{"muscles":["right trapezius","neck"]}');
SELECT pg_temp.add('K77','K77',2,'medicare','2025-05-05','J2001');
SELECT pg_temp.add('K78','K78',1,'aetna','2025-05-05','20552','{"drug_name":null,"drug_dose":null}');
SELECT pg_temp.add('K79','K79',1,'aetna','2025-05-05','20552','{"muscles":null}');
SELECT pg_temp.add('K80','K80',1,'aetna','2025-05-05','20552','{"muscles":["right zygomaticus minor major"]}');
SELECT pg_temp.add('K81','K81',1,'medicare','2025-05-05','20560');
SELECT pg_temp.add('K82','K82',1,'medicare','2025-05-05','20553','{"place_of_service":"24"}');
SELECT pg_temp.add('K82','K82',2,'medicare','2025-05-05','J2001','{"place_of_service":"24"}');
SELECT pg_temp.add('K82','K82',3,'medicare','2025-05-05','77002','{"place_of_service":"24"}');
SELECT pg_temp.add('K83','K83',1,'aetna','2025-05-05','20552','{"modifiers":["XSS"]}');

\o
-- Every scenario: the findings audit() gives (claim/line rule), the
-- expected ones, and whether they agree.
CREATE TEMP VIEW outcome AS
SELECT s.id,
	   coalesce((SELECT string_agg(a.claim_id || '/' || a.line_no || ' ' || a.rule_id, ', '
								   ORDER BY a.claim_id COLLATE "C", a.line_no, a.rule_id COLLATE "C")
				   FROM tpi_rules.audit('scen') a WHERE a.patient_id = s.id), '') AS found,
	   s.expect
  FROM scenario s;
SELECT id, found, found = expect AS as_spec FROM outcome ORDER BY id;
SELECT count(*) AS scenarios, count(*) FILTER (WHERE found = expect) AS as_spec,
	   count(*) FILTER (WHERE expect = '') AS silent FROM outcome;

-- Messages: the winning source and the figures (downcoding difference at
-- the national rate, the frequency windows and first fitting dates, the
-- payer policy that applied through payer_map).
SELECT a.claim_id, a.line_no, a.rule_id, a.severity, a.message
  FROM tpi_rules.audit('scen') a
 WHERE a.patient_id IN ('K03', 'K13', 'K27', 'K30', 'K35', 'K36', 'K37', 'K38',
						'K41', 'K42', 'K43', 'K45', 'K46', 'K47', 'K66')
 ORDER BY a.claim_id, a.line_no, a.rule_id;

-- audit_patient() gives every scenario the same findings as audit().
SELECT count(*) AS patients_differing
  FROM (SELECT patient_id, tpi_rules.audit_patient(ROW(s.*)::tpi_rules.claim_line) AS fs
		  FROM scen s GROUP BY patient_id) p
 WHERE (SELECT coalesce(array_agg(f.rule_id || f.claim_id || f.line_no ORDER BY 1), '{}')
		  FROM unnest(p.fs) f)
	   IS DISTINCT FROM
	   (SELECT coalesce(array_agg(a.rule_id || a.claim_id || a.line_no ORDER BY 1), '{}')
		  FROM tpi_rules.audit('scen') a WHERE a.patient_id = p.patient_id);

-- A date range: January 2026 alone still sees 2025's sessions as
-- frequency context (K41's 4th session is flagged, K40's is not), and the
-- earlier sessions give no findings of their own.
SELECT claim_id, line_no, rule_id FROM tpi_rules.audit('scen', '2026-01-01', '2026-01-31')
 ORDER BY 1, 2, 3;

-- frequency_check over each frequency scenario's TPI lines, in any input
-- order, gives the sessions audit() flags.
SELECT f.patient_id,
	   (SELECT string_agg(x.rule_id, ' ' ORDER BY x.rule_id) FROM unnest(f.fs) x) AS frequency_check,
	   (SELECT string_agg(a.rule_id, ' ' ORDER BY a.rule_id) FROM tpi_rules.audit('scen') a
		 WHERE a.patient_id = f.patient_id AND a.rule_id LIKE 'freq.%') AS audit
  FROM (SELECT patient_id,
			   tpi_rules.frequency_check(date_of_service, tpi_rules.regions(muscles), payer_id
										 ORDER BY date_of_service DESC) AS fs
		  FROM scen WHERE hcpcs IN ('20552', '20553')
		   AND patient_id IN ('K37', 'K40', 'K41', 'K42', 'K43', 'K44', 'K45', 'K46', 'K47', 'K48', 'K49')
		 GROUP BY patient_id) f
 ORDER BY 1;

-- ---------------------------------------------------------------------
-- Payer policies users add (SPEC 7: "Users add and change rows; the
-- checks read the table"): a commercial plan that bundles the drug, and a
-- later Medicare row effective 2026-01-01 (a cap of 4): each session is
-- judged by the row in effect on its date.
-- ---------------------------------------------------------------------
BEGIN;
INSERT INTO tpi_rules.payer_policy (payer_id, effective_from, name, source, max_sessions,
	cap_window, cap_scope, min_interval, min_interval_scope, drug_on_claim,
	image_guidance_covered, dry_needling_covered, one_region_per_session, other_blocks_allowed)
VALUES ('uhc_comm', '2020-01-01', 'Commercial plan, drug bundled',
		'commercial reimbursement policy: local anesthetics bundled into the procedure',
		NULL, NULL, 'patient', NULL, 'patient', 'bundled', true, true, false, true),
	   ('medicare', '2026-01-01', 'Medicare 2026 (test row)', 'test row: cap of 4',
		4, '1 year', 'patient', '42 days', 'region', 'required', false, false, true, false);
CREATE TEMP TABLE pp AS SELECT * FROM tpi_rules.claim_line WHERE false;
INSERT INTO pp (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, units, icd10, place_of_service)
VALUES ('U1', 1, 'PU', 'uhc_comm', '2025-05-05', '20552', 1, '{M79.18}', '11'),
	   ('U1', 2, 'PU', 'uhc_comm', '2025-05-05', 'J2001', 2, '{M79.18}', '11'),
	   ('U2', 1, 'PV', 'uhc_comm', '2025-05-05', '20552', 1, '{M79.18}', '11');
INSERT INTO pp (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, units, icd10, place_of_service)
SELECT 'M' || i, l, 'PM', 'medicare', d, code, 1, '{M79.18}', '11'
  FROM unnest('{2025-06-02,2025-08-04,2025-10-06,2026-01-05,2026-03-02}'::date[]) WITH ORDINALITY u(d, i),
	   (VALUES (1, '20552'), (2, 'J2001')) c(l, code);
SELECT claim_id, line_no, rule_id, severity, message FROM tpi_rules.audit('pp') ORDER BY 1, 2, 3;
ROLLBACK;

-- ---------------------------------------------------------------------
-- rule_setting (SPEC 13): a NULL-payer row switches doc.missing_element
-- off, an Aetna row switches it back on as an error; payer ids spelt with
-- other case and spaces are Aetna; catalogue edits and NULL-payer
-- severities reach audit, check_line and audit_patient alike.
-- ---------------------------------------------------------------------
CREATE TEMP TABLE rs AS SELECT * FROM tpi_rules.claim_line WHERE false;
INSERT INTO rs (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, modifiers, units,
				icd10, place_of_service, muscles, trigger_points, drug_name, drug_dose,
				note_signed, post_procedure_plan, conservative_care, tp_locations, guidance)
VALUES ('R1', 1, 'RA', 'aetna', '2025-05-05', '20552', '{}', 1, '{M79.18}', '11', '{right trapezius}', 2, 'lidocaine', '3 ml', false, true, true, true, 'none'),
	   ('R2', 1, 'RB', 'bcbsa', '2025-05-05', '20552', '{}', 1, '{M79.18}', '11', '{right trapezius}', 2, 'lidocaine', '3 ml', false, true, true, true, 'none'),
	   ('R3', 1, 'RC', 'Aetna ', '2025-05-05', '20552', '{RT}', 1, '{M79.18}', '11', '{right trapezius}', 2, 'lidocaine', '3 ml', false, true, true, true, 'none');
INSERT INTO tpi_rules.rule_setting VALUES (NULL, 'doc.missing_element', false, NULL),
										  ('aetna', 'doc.missing_element', true, 'error');
SELECT claim_id, rule_id, severity FROM tpi_rules.audit('rs') ORDER BY 1, 2;
SELECT tpi_rules.effective_severity('doc.missing_element', 'aetna') AS aetna,
	   tpi_rules.effective_severity('doc.missing_element', 'bcbsa') AS bcbsa,
	   tpi_rules.effective_severity('doc.missing_element', 'Aetna ') AS aetna_spaced;
-- (in a transaction rolled back, so the shipped catalogue row stays shipped)
BEGIN;
UPDATE tpi_rules.rule SET severity = 'warning' WHERE rule_id = 'modifier.laterality';
SELECT claim_id, rule_id, severity FROM tpi_rules.audit('rs') ORDER BY 1, 2;
INSERT INTO tpi_rules.rule_setting VALUES (NULL, 'modifier.laterality', true, 'info');
SELECT claim_id, rule_id, severity FROM tpi_rules.audit('rs') ORDER BY 1, 2;
SELECT l.claim_id, f.rule_id, f.severity
  FROM rs l, tpi_rules.check_line(ROW(l.*)::tpi_rules.claim_line) f ORDER BY 1, 2;
SELECT f.claim_id, f.rule_id, f.severity
  FROM (SELECT tpi_rules.audit_patient(ROW(rs.*)::tpi_rules.claim_line) fs
		  FROM rs GROUP BY patient_id) p, unnest(p.fs) f
 ORDER BY 1, 2;
ROLLBACK;
DELETE FROM tpi_rules.rule_setting;

-- ---------------------------------------------------------------------
-- next_eligible_date at the boundaries (month ends, leap day, 90 days,
-- a later session, duplicates), through payer_map, and with the cap
-- switched off for the payer (only the 6-week interval is left).
-- ---------------------------------------------------------------------
SELECT label, tpi_rules.next_eligible_date(prior::date[], payer, as_of::date)
  FROM (VALUES
	('Novitas 3 in 3 months, 01-31 leaves on 05-01', 'medicare_novitas', '{2025-01-31,2025-02-15,2025-03-01}', '2025-03-02'),
	('Medicare 3 in 12 months', 'medicare', '{2025-01-10,2025-03-10,2025-05-12}', '2025-06-01'),
	('04412 mapped to medicare', '04412', '{2025-01-10,2025-03-10,2025-05-12}', '2025-06-01'),
	('unknown payer: commercial_default', '99999', '{2025-01-10,2025-03-10,2025-05-12}', '2025-06-01'),
	('eviCore 2 months from 01-31', 'evicore', '{2025-01-31}', '2025-02-01'),
	('eviCore 2 months from 12-31', 'evicore', '{2025-12-31}', '2026-01-02'),
	('EmblemHealth 3 in 90 days', 'emblemhealth', '{2025-01-06,2025-02-03,2025-03-03}', '2025-03-04'),
	('Aetna 7 days', 'aetna', '{2025-05-05}', '2025-05-06'),
	('Aetna, as_of already later', 'aetna', '{2025-05-05}', '2025-06-01'),
	('BCBSA 4 in 12 months over a leap day', 'bcbsa', '{2024-02-29,2024-05-01,2024-08-01,2024-11-01}', '2025-01-01'),
	('Medicare, a later session 37 days away', 'medicare', '{2025-03-10}', '2025-02-01'),
	('no prior session', 'medicare', '{}', '2025-06-01'),
	('a date twice is one session', 'medicare_novitas', '{2025-01-06,2025-01-06,2025-01-20}', '2025-01-21')
  ) v(label, payer, prior, as_of);
INSERT INTO tpi_rules.rule_setting VALUES ('medicare', 'freq.rolling_cap', false, NULL);
SELECT tpi_rules.next_eligible_date('{2025-01-10,2025-03-10,2025-05-12}', 'medicare', '2025-06-01') AS cap_off,
	   tpi_rules.next_eligible_date('{2025-01-10,2025-03-10,2025-05-12}', '04412', '2025-06-01') AS cap_off_mapped;
DELETE FROM tpi_rules.rule_setting;

-- frequency_status(as_of): a patient billed under 04412 and medicare is
-- one Medicare patient; EmblemHealth counts the region with most
-- sessions; Novitas's window at a month end; commercial_default (no cap,
-- no interval) has no row.
BEGIN;
INSERT INTO tpi_rules.claim_line (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, muscles)
VALUES ('a', 1, 'FS1', 'medicare', '2025-01-10', '20552', '{right upper trapezius}'),
	   ('b', 1, 'FS1', '04412', '2025-03-10', '20552', '{right upper trapezius}'),
	   ('c', 1, 'FS1', 'medicare', '2025-05-12', '20552', '{left quadratus lumborum}'),
	   ('d', 1, 'FS2', 'emblemhealth', '2025-01-06', '20552', '{right upper trapezius}'),
	   ('e', 1, 'FS2', 'emblemhealth', '2025-02-03', '20552', '{right upper trapezius}'),
	   ('f', 1, 'FS2', 'emblemhealth', '2025-03-03', '20552', '{right upper trapezius}'),
	   ('g', 1, 'FS2', 'emblemhealth', '2025-03-04', '20552', '{right gluteus medius}'),
	   ('h', 1, 'FS3', 'aetna', '2025-05-30', '20552', '{right upper trapezius}'),
	   ('i', 1, 'FS4', 'medicare_novitas', '2025-01-31', '20552', NULL),
	   ('j', 1, 'FS4', 'medicare_novitas', '2025-02-28', '20552', NULL),
	   ('k', 1, 'FS4', 'medicare_novitas', '2025-03-31', '20552', NULL),
	   ('l', 1, 'FS4', 'medicare_novitas', '2025-04-15', '20552', NULL),
	   ('m', 1, 'FS5', 'commercial_default', '2025-05-30', '20552', NULL);
SELECT * FROM tpi_rules.frequency_status('2025-06-01') ORDER BY 1, 2;
ROLLBACK;

-- sessions_in_window at month ends, a leap day and a repeated date.
SELECT p, d,
	   tpi_rules.sessions_in_window(d, '3 months') OVER (PARTITION BY p ORDER BY d) AS in_3_months,
	   tpi_rules.sessions_in_window(d, '90 days') OVER (PARTITION BY p ORDER BY d) AS in_90_days
  FROM (VALUES ('a', '2025-01-31'::date), ('a', '2025-02-28'), ('a', '2025-02-28'),
			   ('a', '2025-03-31'), ('a', '2025-04-30'), ('a', '2025-05-01'),
			   ('b', '2024-02-29'), ('b', '2024-05-29')) v(p, d)
 ORDER BY 1, 2;

-- ---------------------------------------------------------------------
-- 837P (SPEC 11) read, then audited.  File 1: '|' elements and '>'
-- components; a dependent (2000C) patient; lines without LX; a 2420A
-- rendering provider on one line only; SV104 1.5 (rounds up to 2: NCCI
-- MUE 1); 20553-XS beside 20610-RT (a partner); SV107 pointers 3:2 across
-- two HI segments; claim and line NTE; an RD8 service date; LT on 20552
-- (FindACode: RT/LT inappropriate); J3490 with its drug in the line NTE
-- (A59553); M79.1 deleted 2021-10-01.  Payers: 60054 (Aetna) and 12502
-- (Novitas JL), unmapped first, then mapped.
-- ---------------------------------------------------------------------
CREATE TEMP TABLE e1 AS SELECT * FROM tpi_rules.read_837p($x837$ISA|00|          |00|          |ZZ|PAINPC         |ZZ|NOVITAS        |250602|1015|^|00501|000000201|0|P|>~
GS|HC|PAINPC|NOVITAS|20250602|1015|201|X|005010X222A1~
ST|837|0201|005010X222A1~
BHT|0019|00|B201|20250602|1015|CH~
NM1|41|2|VALLEY PAIN|||||46|PAINPC~
PER|IC|BILLING|TE|6105550100~
NM1|40|2|NOVITAS|||||46|12502~
HL|1||20|1~
NM1|85|2|VALLEY PAIN|||||XX|1902809254~
N3|5 OAK ST~
N4|ALLENTOWN|PA|18101~
REF|EI|231234567~
HL|2|1|22|1~
SBR|P||||||||CI~
NM1|IL|1|MILLER|JOHN||||MI|W900123456~
NM1|PR|2|AETNA|||||PI|60054~
HL|3|2|23|0~
PAT|19~
NM1|QC|1|MILLER|Sophie~
DMG|D8|20080415|F~
CLM|KD-1|260|||11>B>1|Y|A|Y|Y~
DTP|472|D8|20250505~
HI|ABK>M6283|ABF>M7918~
HI|ABF>G44209~
NTE|ADD|PATIENT SEEN FOR NECK PAIN~
NM1|82|1|JONES|AMY||||XX|1245319599~
SV1|HC>20553>XS>>|160|UN|1.5|||3>2~
NTE|ADD|R TRAP L TRAP R LEV SCAP~
SV1|HC>20610>RT|100|UN|1|||1~
NM1|82|1|CHEN|LI||||XX|1093817465~
SV1|HC>J2001|10|UN|3|||2~
LIN||N4|00409427702~
HL|4|1|22|0~
SBR|P|18|||||||MB~
NM1|IL|1|BROWN|ROSE||||MI|1AB2CD3EF45~
DMG|D8|19450303|F~
NM1|PR|2|NOVITAS|||||PI|12502~
CLM|KD-2|150|||11>B>1|Y|A|Y|Y~
DTP|472|RD8|20250505-20250507~
HI|ABK>M791~
LX|1~
SV1|HC>20552>LT|120|UN|1|||1~
LX|2~
SV1|HC>J3490|30|UN|1|||1~
NTE|ADD|lidocaine 1% 3 ml~
SE|44|0201~
GE|1|201~
IEA|1|000000201~
$x837$);
SELECT claim_id, line_no, patient_id, payer_id, provider_npi, date_of_service, hcpcs,
	   modifiers, units, icd10, place_of_service, claim_note, charge, ndc,
	   muscles IS NULL AND drug_name IS NULL AS no_note_data
  FROM e1;
SELECT claim_id, line_no, rule_id, severity FROM tpi_rules.audit('e1') ORDER BY 1, 2, 3;
INSERT INTO tpi_rules.payer_map VALUES ('12502', 'medicare_novitas'), ('60054', 'aetna');
SELECT claim_id, line_no, rule_id, severity FROM tpi_rules.audit('e1') ORDER BY 1, 2, 3;

-- File 2 ('*' and ':'): a hospital outpatient claim (CLM05 22) whose J2001
-- line says POS 11 in SV105; line DTPs override the claim's; C9399 with
-- its drug in SV101-7 (A59553: C9399 on facility claims, name and dose);
-- a pointer past the HI list (5) is skipped; LIN EN is no NDC; diagnoses
-- sent with a dot; M62.83 is a category header.  Claim 2: ICD-9 (BK) 729.1
-- on a 2015 claim (The Rheumatologist's answer), no 2310B: the billing NPI.
CREATE TEMP TABLE e2 AS SELECT * FROM tpi_rules.read_837p($x837$ISA*00*          *00*          *ZZ*HOSPOPD        *ZZ*WPSGHA         *250602*1015*^*00501*000000301*0*P*:~
GS*HC*HOSPOPD*WPSGHA*20250602*1015*301*X*005010X222A1~
ST*837*0301*005010X222A1~
BHT*0019*00*B301*20250602*1015*CH~
NM1*41*2*RIVER HOSPITAL*****46*HOSPOPD~
PER*IC*BILLING*TE*6085550100~
NM1*40*2*WPS*****46*05302~
HL*1**20*1~
NM1*85*2*RIVER HOSPITAL PAIN CLINIC*****XX*1881234567~
N3*9 RIVER RD~
N4*MADISON*WI*53703~
REF*EI*391234567~
HL*2*1*22*0~
SBR*P*18*******MB~
NM1*IL*1*GREEN*HAL****MI*7XY9ZZ1AB23~
DMG*D8*19400909*M~
NM1*PR*2*WPS MEDICARE*****PI*05302~
CLM*WP-1*210***22:B:1*Y*A*Y*Y~
DTP*472*D8*20250601~
HI*ABK:M79.18*ABF:M6283~
NTE*ADD*OUTPATIENT DEPT~
NM1*82*1*LEE*ANN****XX*1649912345~
LX*1~
SV1*HC:20552*120*UN*1***1:2:5~
DTP*472*D8*20250602~
LX*2~
SV1*HC:C9399:::::TRIAMCINOLONE 40 MG*60*UN*1***1~
DTP*472*D8*20250602~
LIN**EN*0123456789012~
LX*3~
SV1*HC:J2001*5*UN*3*11**1~
DTP*472*D8*20250602~
HL*3*1*22*0~
SBR*P*18*******MB~
NM1*IL*1*WHITE*IVY****MI*8YZ0AA2BC34~
DMG*D8*19380101*F~
NM1*PR*2*WPS MEDICARE*****PI*05302~
CLM*WP-2*120***11:B:1*Y*A*Y*Y~
DTP*472*D8*20150303~
HI*BK:7291~
LX*1~
SV1*HC:20552*120*UN*1***1~
LX*2~
SV1*HC:J2001*5*UN*1***1~
SE*43*0301~
GE*1*301~
IEA*1*000000301~
$x837$);
SELECT claim_id, line_no, patient_id, payer_id, provider_npi, date_of_service, hcpcs,
	   modifiers, units, icd10, place_of_service, claim_note, ndc
  FROM e2;
INSERT INTO tpi_rules.payer_map VALUES ('05302', 'medicare');
SELECT claim_id, line_no, rule_id, severity, message FROM tpi_rules.audit('e2') ORDER BY 1, 2, 3;
DELETE FROM tpi_rules.payer_map WHERE source_id IN ('12502', '60054', '05302');

-- ---------------------------------------------------------------------
-- Notes (SPEC 12) joined to claims by patient and date, audited through a
-- view: history, negated, declined and planned muscles are not injected;
-- brand names (Marcaine, Kenalog, Sensorcaine, Celestone, Depo-Medrol);
-- ultrasound guidance (BCBSA: not covered) against "ultrasound only to
-- confirm the diagnosis"; dry needling (nothing injected); AAPC's
-- bilateral trapezius + levator scapulae billed as 20552 (downcoded).
-- ---------------------------------------------------------------------
CREATE TEMP TABLE notes (patient_id text, date_of_service date, body text);
INSERT INTO notes VALUES
('N1', '2025-06-02', $n$PROCEDURE: Trigger point injections
HISTORY: Last visit we injected the right gluteus medius and piriformis with good relief.
Exam: taut bands with twitch response. No trigger points in the rhomboids.
Procedure: Under ultrasound guidance, trigger points in the R upper trapezius (x2) and L levator scapulae (x1) were injected with 0.5% Marcaine 3 mL and Kenalog 40 mg.
The patient declined injection of the left trapezius.
Plan: continue PT and home exercise; consider right SCM injection next visit. Follow up 6 weeks.
Signed: A. Patel, DO$n$),
('N2', '2025-06-02', $n$Dry needling performed to bilateral QL and gluteus medius, no medication injected. 6 sites total.
Patient has tried chiropractic and massage. Return in 2 weeks.$n$),
('N3', '2025-06-02', $n$Procedure note. Indication: myofascial pain, failed NSAIDs and muscle relaxants.
TPI x4 with 1% lidocaine 4cc: right infraspinatus, right teres minor, right rhomboid major, right levator scapulae.
Fluoroscopy was not used. Electronically signed by J Ray MD.$n$),
('N4', '2025-06-02', $n$Ultrasound was used only to confirm the diagnosis; the injections were done by palpation. Right QL x2, right gluteus medius x1 injected with Depo-Medrol 40 mg and lidocaine 1% 2 mL. Follow-up PRN. Prior care: PT x 8 weeks.
Signed: B. Cruz, MD$n$),
('N5', '2025-06-02', $n$PROCEDURE NOTE - TRIGGER POINT INJECTIONS
Indication: myofascial pain syndrome of the neck, failed 8 weeks of physical therapy and NSAIDs.
Muscles injected: bilateral upper trapezius and levator scapulae, 2 points each.
Medication: 1% lidocaine, 8 mL total.
Plan: home stretching program, follow up in 4 weeks.
Electronically signed by Maria Lopez, MD$n$),
('N6', '2025-06-02', $n$Trigger point injection, right masseter and right temporalis, with 1% lidocaine 1 mL each. Patient previously had TPI of the right SCM in March. Attestation: I performed the procedure.$n$);
SELECT n.patient_id, r.*
  FROM notes n, LATERAL tpi_rules.read_note(n.body) r ORDER BY 1;
CREATE TEMP TABLE nclaims AS SELECT * FROM tpi_rules.claim_line WHERE false;
INSERT INTO nclaims (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, units, icd10, place_of_service)
VALUES ('N1', 1, 'N1', 'bcbsa', '2025-06-02', '20552', 1, '{M79.12}', '11'),
	   ('N2', 1, 'N2', 'emblemhealth', '2025-06-02', '20553', 1, '{M79.18}', '11'),
	   ('N3', 1, 'N3', 'aetna', '2025-06-02', '20553', 1, '{M79.12}', '11'),
	   ('N4', 1, 'N4', 'bcbsa', '2025-06-02', '20552', 1, '{M79.18}', '11'),
	   ('N5', 1, 'N5', 'aetna', '2025-06-02', '20552', 1, '{M79.12}', '11'),
	   ('N6', 1, 'N6', 'medicare', '2025-06-02', '20552', 1, '{G44.209}', '11'),
	   ('N6', 2, 'N6', 'medicare', '2025-06-02', 'J2001', 1, '{G44.209}', '11');
CREATE TEMP VIEW nclaims_with_notes AS
SELECT c.claim_id, c.line_no, c.patient_id, c.payer_id, c.provider_npi, c.date_of_service,
	   c.hcpcs, c.modifiers, c.units, c.icd10, c.place_of_service,
	   f.muscles, f.trigger_points, f.drug_name, f.drug_dose, f.note_signed,
	   f.post_procedure_plan, f.conservative_care, f.tp_locations, f.guidance
  FROM nclaims c
  LEFT JOIN LATERAL (SELECT r.* FROM notes n, LATERAL tpi_rules.read_note(n.body) r
					  WHERE n.patient_id = c.patient_id AND n.date_of_service = c.date_of_service
						AND c.hcpcs IN ('20552', '20553')) f ON true;
SELECT claim_id, line_no, rule_id, severity, message
  FROM tpi_rules.audit('nclaims_with_notes') ORDER BY 1, 2, 3, 5;

-- ---------------------------------------------------------------------
-- The guard (SPEC 9).  Reject mode: a day rule whose finding lands on the
-- patient's earlier line still rejects the new row (20553 after 20552, a
-- joint injection or an E/M after the TPI, the TPI after an E/M); a 5th
-- BCBSA session in 12 months, then the same with the cap downgraded to a
-- warning for BCBSA (accepted); a backdated session that makes a later
-- one the 5th; an UPDATE that adds modifier 50.  Flag mode: the rows are
-- kept and the findings logged.
-- ---------------------------------------------------------------------
CREATE FUNCTION pg_temp.try(sql text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE st text; msg text; det text; hnt text;
BEGIN
	EXECUTE sql;
	RAISE NOTICE 'no error';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT,
		det = PG_EXCEPTION_DETAIL, hnt = PG_EXCEPTION_HINT;
	RAISE NOTICE E'sqlstate %\nmessage: %\ndetail: %\nhint: %', st, msg, det, hnt;
END
$$;
CREATE TABLE scen11_gr (LIKE tpi_rules.claim_line);
CREATE INDEX ON scen11_gr (patient_id, date_of_service);
CREATE TRIGGER g BEFORE INSERT OR UPDATE ON scen11_gr
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('reject');
CREATE TABLE scen11_gf (LIKE tpi_rules.claim_line);
CREATE INDEX ON scen11_gf (patient_id, date_of_service);
CREATE TRIGGER g BEFORE INSERT OR UPDATE ON scen11_gf
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('flag');

INSERT INTO scen11_gr (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, units, icd10, place_of_service)
VALUES ('A', 1, 'G1', 'aetna', '2025-05-05', '20552', 1, '{M79.18}', '11');
SELECT pg_temp.try($$INSERT INTO scen11_gr (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, units, icd10, place_of_service)
	VALUES ('B', 1, 'G1', 'aetna', '2025-05-05', '20553', 1, '{M79.18}', '11')$$);
SELECT pg_temp.try($$INSERT INTO scen11_gr (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, units, icd10, place_of_service)
	VALUES ('C', 1, 'G1', 'aetna', '2025-05-05', '20552', 1, '{M79.18}', '11')$$);
SELECT pg_temp.try($$INSERT INTO scen11_gr (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, units, icd10, place_of_service)
	VALUES ('A', 2, 'G1', 'aetna', '2025-05-05', '20610', 1, '{M17.11}', '11')$$);
SELECT pg_temp.try($$INSERT INTO scen11_gr (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, units, icd10, place_of_service)
	VALUES ('A', 3, 'G1', 'aetna', '2025-05-05', '99213', 1, '{M79.18}', '11')$$);
INSERT INTO scen11_gr (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, units, icd10, place_of_service)
VALUES ('D', 1, 'G2', 'aetna', '2025-05-05', '99213', 1, '{M79.18}', '11');
SELECT pg_temp.try($$INSERT INTO scen11_gr (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, units, icd10, place_of_service)
	VALUES ('D', 2, 'G2', 'aetna', '2025-05-05', '20552', 1, '{M79.18}', '11')$$);
-- Medicare: a joint injection on another claim of a documented session
INSERT INTO scen11_gr (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, units, icd10,
	place_of_service, muscles, trigger_points, drug_name, drug_dose, note_signed,
	post_procedure_plan, conservative_care, tp_locations, guidance)
VALUES ('E', 1, 'G3', 'medicare', '2025-05-05', '20552', 1, '{M79.18}', '11', '{right trapezius}', 2, 'lidocaine', '3 ml', true, true, true, true, 'none'),
	   ('E', 2, 'G3', 'medicare', '2025-05-05', 'J2001', 1, '{M79.18}', '11', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
SELECT pg_temp.try($$INSERT INTO scen11_gr (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, modifiers, units, icd10, place_of_service)
	VALUES ('F', 1, 'G3', 'medicare', '2025-05-05', '20610', '{RT}', 1, '{M17.11}', '11')$$);

-- BCBSA: four claims-only sessions, then a 5th in 12 months
INSERT INTO scen11_gr (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, units, icd10, place_of_service)
SELECT 'B' || i, 1, 'H1', 'bcbsa', d, '20552', 1, '{M79.18}', '11'
  FROM unnest('{2025-01-06,2025-03-03,2025-05-05,2025-07-07}'::date[]) WITH ORDINALITY u(d, i);
SELECT pg_temp.try($$INSERT INTO scen11_gr (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, units, icd10, place_of_service)
	VALUES ('B5', 1, 'H1', 'bcbsa', '2025-09-08', '20552', 1, '{M79.18}', '11')$$);
INSERT INTO tpi_rules.rule_setting VALUES ('bcbsa', 'freq.rolling_cap', true, 'warning');
SELECT pg_temp.try($$INSERT INTO scen11_gr (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, units, icd10, place_of_service)
	VALUES ('B5', 1, 'H1', 'bcbsa', '2025-09-08', '20552', 1, '{M79.18}', '11')$$);
DELETE FROM tpi_rules.rule_setting;
SELECT pg_temp.try($$INSERT INTO scen11_gr (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, units, icd10, place_of_service)
	VALUES ('B0', 1, 'H1', 'bcbsa', '2025-02-03', '20552', 1, '{M79.18}', '11')$$);
SELECT pg_temp.try($$UPDATE scen11_gr SET modifiers = '{50}' WHERE claim_id = 'B1'$$);
SELECT patient_id, claim_id, line_no, hcpcs, modifiers FROM scen11_gr ORDER BY 1, 2, 3;

-- flag mode: LT on 20552, then 20553 the same day; both rows kept
INSERT INTO scen11_gf (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, modifiers, units, icd10, place_of_service)
VALUES ('F1', 1, 'H2', 'aetna', '2025-05-05', '20552', '{LT}', 1, '{M79.18}', '11');
INSERT INTO scen11_gf (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, units, icd10, place_of_service)
VALUES ('F2', 1, 'H2', 'aetna', '2025-05-05', '20553', 1, '{M79.18}', '11');
SELECT claim_id, line_no, rule_id, severity, message FROM tpi_rules.finding_log
 WHERE table_name = 'public.scen11_gf' ORDER BY id;
SELECT claim_id, line_no, hcpcs FROM scen11_gf ORDER BY 1;
SELECT claim_id, line_no, rule_id, severity FROM tpi_rules.audit('scen11_gf') ORDER BY 1, 2, 3;

-- a warehouse table with other column order and only some optional
-- columns, guarded under search_path = pg_catalog (SPEC 9): a 04412
-- (Medicare) claims-only session 28 days after the previous one is in
-- the same (no-region) bucket; one 56 days later passes; a TPI without
-- its drug line is rejected at commit, one whose drug line follows in the
-- same transaction is kept.
CREATE SCHEMA scen11_wh;
CREATE TABLE scen11_wh.lines (payer_id text, patient_id text, claim_id text, line_no smallint,
	date_of_service date, hcpcs text, modifiers text[], units int, icd10 text[]);
CREATE INDEX ON scen11_wh.lines (patient_id, date_of_service);
CREATE TRIGGER g BEFORE INSERT OR UPDATE ON scen11_wh.lines
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('reject');
INSERT INTO tpi_rules.payer_map VALUES ('04412x', 'medicare');
SET search_path = pg_catalog;
INSERT INTO scen11_wh.lines VALUES ('04412x', 'S1', 'c1', 1, '2025-01-06', '20552', '{}', 1, '{M79.18}'),
								   ('04412x', 'S1', 'c1', 2, '2025-01-06', 'J2001', '{}', 1, '{M79.18}');
BEGIN;
SELECT pg_temp.try($$INSERT INTO scen11_wh.lines VALUES ('04412x', 'S1', 'c2', 1, '2025-02-03', '20552', '{}', 1, '{M79.18}')$$);
ROLLBACK;
INSERT INTO scen11_wh.lines VALUES ('04412x', 'S1', 'c3', 1, '2025-03-03', '20552', '{}', 1, '{M79.18}'),
								   ('04412x', 'S1', 'c3', 2, '2025-03-03', 'J2001', '{}', 1, '{M79.18}');
\set VERBOSITY sqlstate
INSERT INTO scen11_wh.lines VALUES ('04412x', 'S2', 'd1', 1, '2025-01-06', '20552', '{}', 1, '{M79.18}');
\set VERBOSITY default
BEGIN;
INSERT INTO scen11_wh.lines VALUES ('04412x', 'S3', 'e1', 1, '2025-01-06', '20552', '{}', 1, '{M79.18}');
INSERT INTO scen11_wh.lines VALUES ('04412x', 'S3', 'e1', 2, '2025-01-06', 'J2001', '{}', 1, '{M79.18}');
COMMIT;
SELECT patient_id, claim_id, line_no FROM scen11_wh.lines ORDER BY 1, 2, 3;
RESET search_path;

DROP SCHEMA scen11_wh CASCADE;
DROP TABLE scen11_gr, scen11_gf;
DELETE FROM tpi_rules.finding_log WHERE table_name IN ('public.scen11_gf');
DELETE FROM tpi_rules.rule_setting;
DELETE FROM tpi_rules.payer_map;
