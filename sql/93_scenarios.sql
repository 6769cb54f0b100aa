-- Real-world scenarios (coding articles, quizzes, forum answers, payer
-- policies and Medicare LCDs/articles) turned into claim lines and run
-- through the SQL interface.  Each scenario names its public source; its
-- expected findings are what SPEC.md says must happen (the source agrees,
-- or SPEC section 2 says which source wins).  A scenario with no expected
-- finding is one that must stay silent.
SET datestyle = 'ISO, YMD';
SET timezone = 'UTC';

CREATE TEMP TABLE scen AS SELECT * FROM tpi_rules.claim_line WHERE false;
CREATE TEMP TABLE scenario (id text PRIMARY KEY, source text, expect text);

-- One line of a scenario: patient = scenario id.  A TPI line gets a full,
-- clean note (one muscle, lidocaine, every element); other lines get no
-- note data.  changes (jsonb) overrides any column.
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
			'muscles', '{right upper trapezius}'::text[], 'trigger_points', 2,
			'drug_name', 'lidocaine 1%', 'drug_dose', '3 ml',
			'note_signed', true, 'post_procedure_plan', true,
			'conservative_care', true, 'tp_locations', true, 'guidance', 'none')
			ELSE '{}' END
		|| changes)).*;
$$;
-- A claims-only TPI line (837P feed): every documentation column NULL.
CREATE FUNCTION pg_temp.no_note() RETURNS jsonb LANGUAGE sql AS $$
	SELECT '{"muscles": null, "trigger_points": null, "drug_name": null,
			 "drug_dose": null, "note_signed": null, "post_procedure_plan": null,
			 "conservative_care": null, "tp_locations": null, "guidance": null}'::jsonb;
$$;
-- One TPI session with its drug line (J2001).
CREATE FUNCTION pg_temp.session(id text, payer text, dos date, muscles text[])
RETURNS void LANGUAGE sql AS $$
	SELECT pg_temp.add(id, id || '-' || pg_catalog.to_char(dos, 'MMDD'), 1, payer, dos,
					   '20552', pg_catalog.jsonb_build_object('muscles', muscles));
	SELECT pg_temp.add(id, id || '-' || pg_catalog.to_char(dos, 'MMDD'), 2, payer, dos, 'J2001');
$$;

-- The loading calls' own (void) results are not shown.
\o /dev/null
-- ---------------------------------------------------------------------
-- Counting muscles
-- ---------------------------------------------------------------------
INSERT INTO scenario VALUES
('A01', 'AAPC PM&R Coding Alert, "Count right, left trapezius as one?" https://aapc.com/codes/coding-newsletters/my-physical-medicine-rehab-coding-alert/reader-questions-count-right-left-trapezius-as-one-article: right and left trapezius are two muscles -> 20552', ''),
('A02', 'same AAPC answer: R+L trapezius and R+L levator scapulae -> one unit of 20553', ''),
('A03', 'same AAPC answer, billed as 20552: money left behind (SPEC 6 code.downcoded)', 'A03/1 code.downcoded'),
('A04', 'SPEC 2/4: upper, middle and lower trapezius on one side are one muscle; 20553 billed', 'A04/1 code.upcoded'),
('A05', 'AAPC Part B Coding Alert, "20552-20553 cover paraspinal muscle TPI" https://aapc.com/codes/coding-newsletters/my-part-b-coding-alert/reader-questions-20552-20553-cover-paraspinal-muscle-tpi-article: "paraspinal" is a broad term, name the muscles', 'A05/1 doc.muscle_group_term'),
('A06', 'Mira Health 20552 documentation list https://mirahealth.care/reference/cpt/20552: the specific muscles must be named, regions are not enough', 'A06/1 code.no_muscles, A06/1 doc.region_only'),
('A07', 'Bonfire Revenue, PM&R TPI billing https://www.bonfirerevenue.com/pmandr-tpi-billing-coding-for-success: right trapezius + right rhomboid major -> 20552 (commercial payer)', ''),
('A08', 'same muscles for Medicare: cervical and scapular are two regions (L34211 definition of anatomical region, https://cms.gov/medicare-coverage-database/view/lcd.aspx?LCDId=34211)', 'A08/1 day.multiple_regions'),
('A09', 'CPT Changes 2002 clinical example for 20552 (quoted at https://aapc.com/discuss/threads/trigger-point-injections-trapezius-muscle.81024): multifidus left of the L5 spinous process', ''),
('A10', 'SPEC 4 misspellings one edit away (trapezious, levator scapule, infraspinatous) -> 3 muscles, 20553', ''),
('A11', 'Bonfire Revenue: right trapezius, rhomboid major and levator scapulae -> 20553', ''),
('A12', 'Mira Health 20552: five needle passes into upper trapezius and infraspinatus bill as one unit of 20552', '');
SELECT pg_temp.add('A01', 'A01', 1, 'aetna', '2025-03-03', '20552', '{"muscles": ["right trapezius", "left trapezius"]}');
SELECT pg_temp.add('A02', 'A02', 1, 'aetna', '2025-03-03', '20553', '{"muscles": ["right trapezius", "right levator scapulae", "left trapezius", "left levator scapulae"]}');
SELECT pg_temp.add('A03', 'A03', 1, 'aetna', '2025-03-03', '20552', '{"muscles": ["bilateral upper trapezius and levator scapulae"]}');
SELECT pg_temp.add('A04', 'A04', 1, 'aetna', '2025-03-03', '20553', '{"muscles": ["right upper trapezius", "right middle trapezius", "rt. lower trapezius"]}');
SELECT pg_temp.add('A05', 'A05', 1, 'aetna', '2025-03-03', '20552', '{"muscles": ["bilateral lumbar paraspinals"]}');
SELECT pg_temp.add('A06', 'A06', 1, 'aetna', '2025-03-03', '20552', '{"muscles": ["left shoulder", "low back"]}');
SELECT pg_temp.add('A07', 'A07', 1, 'aetna', '2025-03-03', '20552', '{"muscles": ["right trapezius", "right rhomboid major"]}');
SELECT pg_temp.add('A08', 'A08', 1, 'medicare', '2025-03-03', '20552', '{"muscles": ["right trapezius", "right rhomboid major"]}');
SELECT pg_temp.add('A08', 'A08', 2, 'medicare', '2025-03-03', 'J2001');
SELECT pg_temp.add('A09', 'A09', 1, 'medicare', '2025-03-03', '20552', '{"muscles": ["multifidus left of L5"]}');
SELECT pg_temp.add('A09', 'A09', 2, 'medicare', '2025-03-03', 'J2001');
SELECT pg_temp.add('A10', 'A10', 1, 'aetna', '2025-03-03', '20553', '{"muscles": ["R trapezious", "R levator scapule", "R infraspinatous"]}');
SELECT pg_temp.add('A11', 'A11', 1, 'aetna', '2025-03-03', '20553', '{"muscles": ["right trapezius", "right rhomboid major", "right levator scapulae"]}');
SELECT pg_temp.add('A12', 'A12', 1, 'aetna', '2025-03-03', '20552', '{"muscles": ["upper trapezius", "infraspinatus"], "trigger_points": 5}');

-- ---------------------------------------------------------------------
-- Lines, units and modifiers
-- ---------------------------------------------------------------------
INSERT INTO scenario VALUES
('B01', 'AAPC Anesthesia Coding Alert 1999 https://aapc.com/codes/coding-newsletters/my-anesthesia-coding-alert/reader-question-trigger-point-injections-1877-article: a second line with -59 per muscle (obsolete: SPEC 2, one unit of 20553)', 'B01/2 day.duplicate_code, B01/2 modifier.distinct_without_partner, B01/2 units.over_mue'),
('B02', 'SPEC 2/6: 20552-LT + 20552-RT', 'B02/1 modifier.laterality, B02/2 day.duplicate_code, B02/2 modifier.laterality, B02/2 units.over_mue'),
('B03', 'FindACode, "Injections" https://findacode.com/articles/injections-36618.html: modifier 50 is not reported with 20552/20553 (CGS A59480)', 'B03/1 modifier.bilateral'),
('B04', 'justmypassion.com TPI coding http://justmypassion.com/TriggerPointsInjection-PainManagement-Coding-Billing.html: two muscles are 20552 x 1 unit, not 2 units', 'B04/1 units.over_mue'),
('B05', 'Novitas A57751 (summary https://verity.backworkai.com/policy/A57751): one CPT code (20552 or 20553) per patient per day', 'B05/2 day.both_codes'),
('B06', 'SPEC 6 units.over_mue (MUE 1, MAI 2, date of service): 20553 on two claims the same day', 'B06b/1 day.duplicate_code, B06b/1 units.over_mue'),
('B07', 'justmypassion.com: "Modifier -59 should not be used with these codes" when nothing else is billed (an E/M is no partner)', 'B07/1 modifier.distinct_without_partner, B07/2 day.em_with_25'),
('B08', 'SPEC 10: five modifiers on a line, 50, LT and XS among them', 'B08/1 input.invalid, B08/1 modifier.bilateral, B08/1 modifier.distinct_without_partner, B08/1 modifier.laterality');
SELECT pg_temp.add('B01', 'B01', 1, 'aetna', '2025-03-03', '20552', '{"muscles": ["right trapezius", "left trapezius"]}');
SELECT pg_temp.add('B01', 'B01', 2, 'aetna', '2025-03-03', '20552', '{"modifiers": ["59"], "muscles": ["right levator scapulae"]}');
SELECT pg_temp.add('B02', 'B02', 1, 'aetna', '2025-03-03', '20552', '{"modifiers": ["LT"], "muscles": ["left trapezius"]}');
SELECT pg_temp.add('B02', 'B02', 2, 'aetna', '2025-03-03', '20552', '{"modifiers": ["RT"], "muscles": ["right trapezius"]}');
SELECT pg_temp.add('B03', 'B03', 1, 'aetna', '2025-03-03', '20552', '{"modifiers": ["50"], "muscles": ["bilateral trapezius"]}');
SELECT pg_temp.add('B04', 'B04', 1, 'aetna', '2025-03-03', '20552', '{"units": 2, "muscles": ["right trapezius", "left trapezius"]}');
SELECT pg_temp.add('B05', 'B05', 1, 'medicare_novitas', '2025-03-03', '20553', '{"muscles": ["R trapezius", "L trapezius", "R levator scapulae"]}');
SELECT pg_temp.add('B05', 'B05', 2, 'medicare_novitas', '2025-03-03', '20552', '{"muscles": ["R rhomboid major"]}');
SELECT pg_temp.add('B06', 'B06a', 1, 'aetna', '2025-03-03', '20553', '{"muscles": ["R trapezius", "L trapezius", "R levator scapulae"]}');
SELECT pg_temp.add('B06', 'B06b', 1, 'aetna', '2025-03-03', '20553', '{"muscles": ["R rhomboid major", "L rhomboid major", "R infraspinatus"]}');
SELECT pg_temp.add('B07', 'B07', 1, 'aetna', '2025-03-03', '20552', '{"modifiers": ["59"]}');
SELECT pg_temp.add('B07', 'B07', 2, 'aetna', '2025-03-03', '99213', '{"modifiers": ["25"]}');
SELECT pg_temp.add('B08', 'B08', 1, 'aetna', '2025-03-03', '20552', '{"modifiers": ["XS", "LT", "50", "59", "25"]}');

-- ---------------------------------------------------------------------
-- Other services the same day
-- ---------------------------------------------------------------------
INSERT INTO scenario VALUES
('C01', 'The Rheumatologist, Coding Corner https://the-rheumatologist.org/article/coding-corner-answer-53: a scheduled injection visit, E/M billed without a separate service', 'C01/1 day.em_without_25'),
('C02', 'justmypassion.com: modifier 25 on a separate, identifiable E/M (reviewer looks at the note)', 'C02/1 day.em_with_25'),
('C03', 'SPEC 6: 99211 is in 99202-99215; 25 on the TPI line does not unbundle the E/M', 'C03/2 day.em_without_25'),
('C04', 'CMS NCCI PTP 20552 with 20610 (modifier indicator 1): joint injection without 59/XS on the TPI line', 'C04/1 day.joint_injection_unmodified'),
('C05', 'FindACode: separate sites in one encounter reported with 59 (XS): 20552-XS + 20611, commercial payer', ''),
('C06', '2024 Medicare LCDs (L36859 summary https://verity.backworkai.com/policy/L36859): no other blocks in the TPI session, whatever the modifier', 'C06/2 day.other_block_same_session'),
('C07', 'same LCDs: occipital nerve block 64405, facet 64490 and epidural 62323 the same day', 'C07/2 day.other_block_same_session, C07/3 day.other_block_same_session, C07/4 day.other_block_same_session'),
('C08', 'FindACode: "Do not report 20552, 20553 in conjunction with 20560, 20561 for the same muscle(s)"', 'C08/2 day.dry_needling_same_day'),
('C09', 'Billing and Coding A59553 (summary https://verity.backworkai.com/policy/A59553): anesthesia codes are not billed with 20552/20553', 'C09/2 day.anesthesia_code'),
('C10', 'commercial payer: 20552-59 with an occipital nerve block 64405 (the block is the partner; no joint injection)', ''),
('C11', 'SPEC 6: tendon origin 20551 is no other block for a commercial payer', ''),
('C12', 'SPEC 6 / 2024 Medicare LCDs: 20551 is another block in a Medicare TPI session', 'C12/2 day.other_block_same_session');
SELECT pg_temp.add('C01', 'C01', 1, 'aetna', '2025-03-03', '99213');
SELECT pg_temp.add('C01', 'C01', 2, 'aetna', '2025-03-03', '20553', '{"muscles": ["R trapezius", "L trapezius", "R levator scapulae"]}');
SELECT pg_temp.add('C02', 'C02', 1, 'aetna', '2025-03-03', '99214', '{"modifiers": ["GT", "25"]}');
SELECT pg_temp.add('C02', 'C02', 2, 'aetna', '2025-03-03', '20552');
SELECT pg_temp.add('C03', 'C03', 1, 'aetna', '2025-03-03', '20552', '{"modifiers": ["25"]}');
SELECT pg_temp.add('C03', 'C03', 2, 'aetna', '2025-03-03', '99211');
SELECT pg_temp.add('C04', 'C04', 1, 'aetna', '2025-03-03', '20552');
SELECT pg_temp.add('C04', 'C04', 2, 'aetna', '2025-03-03', '20610', '{"modifiers": ["RT"]}');
SELECT pg_temp.add('C05', 'C05', 1, 'aetna', '2025-03-03', '20552', '{"modifiers": ["xs"]}');
SELECT pg_temp.add('C05', 'C05', 2, 'aetna', '2025-03-03', '20611');
SELECT pg_temp.add('C06', 'C06', 1, 'medicare', '2025-03-03', '20552', '{"modifiers": ["59"]}');
SELECT pg_temp.add('C06', 'C06', 2, 'medicare', '2025-03-03', '20610');
SELECT pg_temp.add('C06', 'C06', 3, 'medicare', '2025-03-03', 'J3301', '{"units": 4}');
SELECT pg_temp.add('C07', 'C07', 1, 'medicare', '2025-03-03', '20552');
SELECT pg_temp.add('C07', 'C07', 2, 'medicare', '2025-03-03', '64405');
SELECT pg_temp.add('C07', 'C07', 3, 'medicare', '2025-03-03', '64490');
SELECT pg_temp.add('C07', 'C07', 4, 'medicare', '2025-03-03', '62323');
SELECT pg_temp.add('C07', 'C07', 5, 'medicare', '2025-03-03', 'J2001');
SELECT pg_temp.add('C08', 'C08', 1, 'aetna', '2025-03-03', '20552');
SELECT pg_temp.add('C08', 'C08', 2, 'aetna', '2025-03-03', '20560');
SELECT pg_temp.add('C09', 'C09', 1, 'aetna', '2025-03-03', '20553', '{"muscles": ["R trapezius", "L trapezius", "R levator scapulae"]}');
SELECT pg_temp.add('C09', 'C09', 2, 'aetna', '2025-03-03', '01992');
SELECT pg_temp.add('C10', 'C10', 1, 'aetna', '2025-03-03', '20552', '{"modifiers": ["59"]}');
SELECT pg_temp.add('C10', 'C10', 2, 'aetna', '2025-03-03', '64405');
SELECT pg_temp.add('C11', 'C11', 1, 'aetna', '2025-03-03', '20552');
SELECT pg_temp.add('C11', 'C11', 2, 'aetna', '2025-03-03', '20551');
SELECT pg_temp.add('C12', 'C12', 1, 'medicare', '2025-03-03', '20552');
SELECT pg_temp.add('C12', 'C12', 2, 'medicare', '2025-03-03', '20551');
SELECT pg_temp.add('C12', 'C12', 3, 'medicare', '2025-03-03', 'J2001');

-- ---------------------------------------------------------------------
-- The drug
-- ---------------------------------------------------------------------
INSERT INTO scenario VALUES
('D01', 'A59553 / A59480: the drug must be on the same claim (J-code)', 'D01/1 drug.missing_on_claim'),
('D02', 'A59553: unclassified J3490 needs the drug name and dose in Box 19', 'D02/2 drug.unclassified_without_note'),
('D03', 'A59553: J3490 with "lidocaine 1% 3 ml" in Box 19', ''),
('D04', 'A59553: C9399 is restricted to facility claims: at POS 11 it is no drug line', 'D04/1 drug.missing_on_claim'),
('D05', 'A59553: C9399 on an on-campus hospital outpatient claim (POS 22) with name and dose', ''),
('D06', 'A59553: C9399 at POS 19 without the drug name and dose', 'D06/2 drug.unclassified_without_note'),
('D07', 'SPEC 6: the drug line on another claim of the same day is not on the same claim', 'D07a/1 drug.missing_on_claim'),
('D08', 'A59553: Box 19 "lidocaine" without a dose is not enough', 'D08/2 drug.unclassified_without_note'),
('D09', 'EmblemHealth Claims Corner https://www.emblemhealth.com/providers/claims-corner/coding/pain-management-trigger-point-injections-cpt-codes-20552-and-2050: injections of only saline are not covered', 'D09/1 drug.not_covered'),
('D10', 'same EmblemHealth policy: lidocaine with saline is a local anesthetic injection', ''),
('D11', 'same EmblemHealth policy, claims-only line (SPEC 3): the drug line J7050 is saline', 'D11/1 drug.not_covered'),
('D12', 'same EmblemHealth policy, claims-only line: J2001 with J7050 (lidocaine diluted in saline)', ''),
('D13', 'same EmblemHealth policy: dextrose (prolotherapy) is no local anesthetic or corticosteroid', 'D13/1 drug.not_covered'),
('D14', 'same EmblemHealth policy: Kenalog (triamcinolone) is a corticosteroid', ''),
('D15', 'Ohio HIMA, "Dry needling" https://ohiohima.blogspot.com/2020/09/dry-needling.html: needling with no injectate is 20560/20561, not a TPI', 'D15/1 drug.none_injected');
SELECT pg_temp.add('D01', 'D01', 1, 'medicare', '2025-03-03', '20552');
SELECT pg_temp.add('D02', 'D02', 1, 'medicare', '2025-03-03', '20552');
SELECT pg_temp.add('D02', 'D02', 2, 'medicare', '2025-03-03', 'J3490');
SELECT pg_temp.add('D03', 'D03', 1, 'medicare', '2025-03-03', '20552', '{"claim_note": "lidocaine 1% 3 ml"}');
SELECT pg_temp.add('D03', 'D03', 2, 'medicare', '2025-03-03', 'J3490', '{"claim_note": "lidocaine 1% 3 ml"}');
SELECT pg_temp.add('D04', 'D04', 1, 'medicare', '2025-03-03', '20552', '{"claim_note": "ropivacaine 0.2% 5 ml"}');
SELECT pg_temp.add('D04', 'D04', 2, 'medicare', '2025-03-03', 'C9399', '{"claim_note": "ropivacaine 0.2% 5 ml"}');
SELECT pg_temp.add('D05', 'D05', 1, 'medicare', '2025-03-03', '20552', '{"place_of_service": "22", "claim_note": "ropivacaine 0.2% 5 ml"}');
SELECT pg_temp.add('D05', 'D05', 2, 'medicare', '2025-03-03', 'C9399', '{"place_of_service": "22", "claim_note": "ropivacaine 0.2% 5 ml"}');
SELECT pg_temp.add('D06', 'D06', 1, 'medicare', '2025-03-03', '20552', '{"place_of_service": "19"}');
SELECT pg_temp.add('D06', 'D06', 2, 'medicare', '2025-03-03', 'C9399', '{"place_of_service": "19"}');
SELECT pg_temp.add('D07', 'D07a', 1, 'medicare', '2025-03-03', '20552');
SELECT pg_temp.add('D07', 'D07b', 1, 'medicare', '2025-03-03', 'J2001');
SELECT pg_temp.add('D08', 'D08', 1, 'medicare', '2025-03-03', '20552', '{"claim_note": "lidocaine"}');
SELECT pg_temp.add('D08', 'D08', 2, 'medicare', '2025-03-03', 'J3490', '{"claim_note": "lidocaine"}');
SELECT pg_temp.add('D09', 'D09', 1, 'emblemhealth', '2025-03-03', '20552', '{"drug_name": "normal saline"}');
SELECT pg_temp.add('D10', 'D10', 1, 'emblemhealth', '2025-03-03', '20552', '{"drug_name": "lidocaine 1% + normal saline"}');
SELECT pg_temp.add('D11', 'D11', 1, 'emblemhealth', '2025-03-03', '20552', pg_temp.no_note());
SELECT pg_temp.add('D11', 'D11', 2, 'emblemhealth', '2025-03-03', 'J7050');
SELECT pg_temp.add('D12', 'D12', 1, 'emblemhealth', '2025-03-03', '20552', pg_temp.no_note());
SELECT pg_temp.add('D12', 'D12', 2, 'emblemhealth', '2025-03-03', 'J2001');
SELECT pg_temp.add('D12', 'D12', 3, 'emblemhealth', '2025-03-03', 'J7050');
SELECT pg_temp.add('D13', 'D13', 1, 'emblemhealth', '2025-03-03', '20552', '{"drug_name": "dextrose 12.5%"}');
SELECT pg_temp.add('D14', 'D14', 1, 'emblemhealth', '2025-03-03', '20552', '{"drug_name": "Kenalog 40"}');
SELECT pg_temp.add('D15', 'D15', 1, 'aetna', '2025-03-03', '20552', '{"drug_name": "none", "drug_dose": null}');

-- ---------------------------------------------------------------------
-- Imaging guidance
-- ---------------------------------------------------------------------
INSERT INTO scenario VALUES
('G01', '2024 Medicare LCDs (L36859 summary): ultrasound guidance not covered; the guidance column and the 76942 line', 'G01/1 guidance.not_covered, G01/2 guidance.not_covered'),
('G02', 'Medlearn, radiology question of 2022-12-05 https://medlearn.com/radiology-question-for-the-week-of-december-5-2022/: 76942 once per session with 20553 (NCCI ch. 9 G.3), commercial payer', ''),
('G03', 'same Medlearn answer: 3 units of 76942', 'G03/2 guidance.units'),
('G04', 'same Medlearn answer: 76942 on two lines', 'G04/3 guidance.units'),
('G05', 'BCBSA 2.01.103 (Blue Cross MA policy 604 https://docslib.org/doc/4176588/trigger-point-and-tender-point-injections-604): ultrasound guidance investigational', 'G05/1 guidance.not_covered, G05/2 guidance.not_covered'),
('G06', 'KZA Coding Coaches https://kzanow.com/coding-coaches/fluoroscopic-guidance-and-trigger-point-injections: fluoroscopy 77002 billed with 20552 where the payer has no policy against it', '');
SELECT pg_temp.add('G01', 'G01', 1, 'medicare', '2025-03-03', '20552', '{"guidance": "ultrasound"}');
SELECT pg_temp.add('G01', 'G01', 2, 'medicare', '2025-03-03', '76942');
SELECT pg_temp.add('G01', 'G01', 3, 'medicare', '2025-03-03', 'J2001');
SELECT pg_temp.add('G02', 'G02', 1, 'aetna', '2025-03-03', '20553', '{"guidance": "ultrasound", "muscles": ["R trapezius", "L trapezius", "R levator scapulae"]}');
SELECT pg_temp.add('G02', 'G02', 2, 'aetna', '2025-03-03', '76942');
SELECT pg_temp.add('G03', 'G03', 1, 'aetna', '2025-03-03', '20553', '{"guidance": "ultrasound", "muscles": ["R trapezius", "L trapezius", "R levator scapulae"]}');
SELECT pg_temp.add('G03', 'G03', 2, 'aetna', '2025-03-03', '76942', '{"units": 3}');
SELECT pg_temp.add('G04', 'G04', 1, 'aetna', '2025-03-03', '20552', '{"guidance": "ultrasound"}');
SELECT pg_temp.add('G04', 'G04', 2, 'aetna', '2025-03-03', '76942');
SELECT pg_temp.add('G04', 'G04', 3, 'aetna', '2025-03-03', '76942', '{"modifiers": ["59"]}');
SELECT pg_temp.add('G05', 'G05', 1, 'bcbsa', '2025-03-03', '20552', '{"guidance": "ultrasound"}');
SELECT pg_temp.add('G05', 'G05', 2, 'bcbsa', '2025-03-03', '76942');
SELECT pg_temp.add('G06', 'G06', 1, 'commercial_default', '2025-03-03', '20552', '{"guidance": "fluoroscopy"}');
SELECT pg_temp.add('G06', 'G06', 2, 'commercial_default', '2025-03-03', '77002');

-- ---------------------------------------------------------------------
-- Diagnoses
-- ---------------------------------------------------------------------
INSERT INTO scenario VALUES
('X01', 'RCM Guide, ICD-10 code for myalgia https://www.rcmguide.com/1762-2/: M79.1 expanded to M79.10-M79.18 (FY2022, 2021-10-01)', 'X01/1 dx.invalid_code'),
('X02', 'same: M79.1 billed the day before the change (no dot)', ''),
('X03', 'same: M79.1 on 2021-10-01 itself', 'X03/1 dx.invalid_code'),
('X04', 'same: M79.18 before 2021-10-01 was not yet a code', 'X04/1 dx.invalid_code'),
('X05', 'Medicare covered set (2024 LCDs): M54.5 deleted 2021-10-01 and not covered', 'X05/1 dx.invalid_code, X05/1 dx.not_covered'),
('X06', 'Medicare covered set: M54.50 low back pain is valid but not covered', 'X06/1 dx.not_covered'),
('X07', 'Medicare covered set: tension-type headache G44.209', ''),
('X08', 'Medicare: the second pointer M79.12 (lower case) is covered', ''),
('X09', 'The Rheumatologist Coding Corner: its answer uses ICD-9 729.1, not an ICD-10-CM code', 'X09/1 input.invalid');
SELECT pg_temp.add('X01', 'X01', 1, 'aetna', '2022-03-03', '20552', '{"icd10": ["M79.1"]}');
SELECT pg_temp.add('X02', 'X02', 1, 'aetna', '2021-09-30', '20552', '{"icd10": ["M791"]}');
SELECT pg_temp.add('X03', 'X03', 1, 'aetna', '2021-10-01', '20552', '{"icd10": ["M79.1"]}');
SELECT pg_temp.add('X04', 'X04', 1, 'aetna', '2021-09-30', '20552', '{"icd10": ["M79.18"]}');
SELECT pg_temp.add('X05', 'X05', 1, 'medicare', '2025-03-03', '20552', '{"icd10": ["M54.5"], "muscles": ["left quadratus lumborum"]}');
SELECT pg_temp.add('X05', 'X05', 2, 'medicare', '2025-03-03', 'J2001');
SELECT pg_temp.add('X06', 'X06', 1, 'medicare', '2025-03-03', '20552', '{"icd10": ["M54.50"], "muscles": ["left quadratus lumborum"]}');
SELECT pg_temp.add('X06', 'X06', 2, 'medicare', '2025-03-03', 'J2001');
SELECT pg_temp.add('X07', 'X07', 1, 'medicare', '2025-03-03', '20552', '{"icd10": ["G44209"]}');
SELECT pg_temp.add('X07', 'X07', 2, 'medicare', '2025-03-03', 'J2001');
SELECT pg_temp.add('X08', 'X08', 1, 'medicare', '2025-03-03', '20552', '{"icd10": ["M54.2", "m79.12"]}');
SELECT pg_temp.add('X08', 'X08', 2, 'medicare', '2025-03-03', 'J2001');
SELECT pg_temp.add('X09', 'X09', 1, 'aetna', '2025-03-03', '20552', '{"icd10": ["729.1"]}');

-- ---------------------------------------------------------------------
-- Claims without note data (SPEC 3) and documentation
-- ---------------------------------------------------------------------
INSERT INTO scenario VALUES
('N01', 'SPEC 3: an 837P 20553 line (no note) is not judged as upcoded; the Medicare drug rule still applies', 'N01/1 drug.missing_on_claim'),
('N02', 'Mira Health 20552 documentation list: unsigned note, no dose', 'N02/1 doc.missing_element, N02/1 doc.missing_element');
SELECT pg_temp.add('N01', 'N01', 1, 'medicare', '2025-03-03', '20553', pg_temp.no_note());
SELECT pg_temp.add('N02', 'N02', 1, 'aetna', '2025-03-03', '20552', '{"note_signed": false, "drug_dose": null}');

-- ---------------------------------------------------------------------
-- Frequency caps and intervals
-- ---------------------------------------------------------------------
INSERT INTO scenario VALUES
('F01', '2024 Medicare LCDs: 3 sessions per rolling 12 months (L36859 summary); 6 weeks before a repeat in the same location (DL39671 note https://cms.gov/medicare-coverage-database/view/lcd.aspx?lcdid=39670): lumbar 4 weeks after cervical is fine, cervical 2 weeks after cervical is not, and it is the 4th session', 'F01-0407/1 freq.min_interval, F01-0407/1 freq.rolling_cap'),
('F02', 'same LCDs: exactly 42 days later in the same region is allowed, 41 days is not', 'F02-0330/1 freq.min_interval'),
('F03', 'UTHealth, "Injection series part III" https://med.uth.edu/mshbc/coding-compliance-overview/injection-series-part-three-trigger-points: Novitas, no more than 3 times in 3 months', 'F03-0217/1 freq.rolling_cap'),
('F04', 'EmblemHealth Claims Corner: >3 in 90 days for the same anatomic site is denied; alternating sites are not', ''),
('F05', 'same EmblemHealth policy: a 4th cervical session in 90 days', 'F05-0217/1 freq.rolling_cap'),
('F06', 'Aetna CPB 0016 (summary https://verity.backworkai.com/policy/AETNA-CPB-0016): no repeat more often than every 7 days', 'F06-0118/1 freq.min_interval'),
('F07', 'eviCore CMM-202 (summary https://verity.backworkai.com/policy/EVICORE-MSK_ADVANCED-FA8ECC87): 2 months between sessions whatever the region; 4 per region per year', 'F07-0217/1 freq.min_interval, F07-0908/1 freq.rolling_cap'),
('F08', 'BCBSA 2.01.103 (Blue Cross MA policy 604): no more than 4 in a 12-month period', 'F08-0908/1 freq.rolling_cap'),
('F09', 'SPEC 3: claims-only sessions form the no-region bucket of Medicare''s same-region interval', 'F09b/1 freq.min_interval'),
('F10', 'SPEC silent on a patient whose payer changes (README): a session billed to another payer still counts toward Medicare''s cap and interval ("all providers")', 'F10-0224/1 freq.min_interval');
SELECT pg_temp.session('F01', 'medicare', '2025-01-06', '{right trapezius}');
SELECT pg_temp.session('F01', 'medicare', '2025-02-03', '{left quadratus lumborum}');
SELECT pg_temp.session('F01', 'medicare', '2025-03-24', '{right trapezius}');
SELECT pg_temp.session('F01', 'medicare', '2025-04-07', '{right trapezius}');
SELECT pg_temp.session('F02', 'medicare', d, '{right trapezius}')
  FROM unnest('{2025-01-06,2025-02-17,2025-03-30}'::date[]) d;
SELECT pg_temp.session('F03', 'medicare_novitas', d, '{right trapezius}')
  FROM unnest('{2025-01-06,2025-01-20,2025-02-03,2025-02-17,2025-05-19}'::date[]) d;
SELECT pg_temp.session('F04', 'emblemhealth', d, CASE WHEN n % 2 = 0 THEN '{right trapezius}'::text[]
												   ELSE '{left gluteus medius}' END)
  FROM unnest('{2025-01-06,2025-01-20,2025-02-03,2025-02-17,2025-03-03}'::date[]) WITH ORDINALITY s(d, n);
SELECT pg_temp.session('F05', 'emblemhealth', d, '{right trapezius}')
  FROM unnest('{2025-01-06,2025-01-20,2025-02-03,2025-02-17}'::date[]) d;
SELECT pg_temp.session('F06', 'aetna', d, '{right trapezius}')
  FROM unnest('{2025-01-06,2025-01-13,2025-01-18}'::date[]) d;
SELECT pg_temp.session('F07', 'evicore', d, CASE WHEN d = '2025-02-17' THEN '{left gluteus medius}'::text[]
											  ELSE '{right trapezius}' END)
  FROM unnest('{2025-01-06,2025-02-17,2025-04-17,2025-06-17,2025-08-18,2025-10-20}'::date[]) d;
UPDATE scenario SET expect = 'F07-0217/1 freq.min_interval, F07-1020/1 freq.rolling_cap' WHERE id = 'F07';
SELECT pg_temp.session('F08', 'bcbsa', d, '{right trapezius}')
  FROM unnest('{2025-01-06,2025-03-03,2025-05-05,2025-07-07,2025-09-08}'::date[]) d;
SELECT pg_temp.session('F10', 'aetna', '2025-02-03', '{right trapezius}');
SELECT pg_temp.session('F10', 'medicare', '2025-02-24', '{left trapezius}');
SELECT pg_temp.add('F09', 'F09a', 1, 'medicare', '2025-01-06', '20552', pg_temp.no_note());
SELECT pg_temp.add('F09', 'F09a', 2, 'medicare', '2025-01-06', 'J2001');
SELECT pg_temp.add('F09', 'F09b', 1, 'medicare', '2025-01-20', '20552', pg_temp.no_note());
SELECT pg_temp.add('F09', 'F09b', 2, 'medicare', '2025-01-20', 'J2001');

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

-- Severities come from the catalogue.
SELECT DISTINCT a.rule_id, a.severity
  FROM tpi_rules.audit('scen') a ORDER BY 1;

-- audit_patient() gives every scenario the same findings as audit().
SELECT count(*) AS patients_differing
  FROM (SELECT patient_id, tpi_rules.audit_patient(ROW(s.*)::tpi_rules.claim_line) AS fs
		  FROM scen s GROUP BY patient_id) p
 WHERE (SELECT coalesce(array_agg(f.rule_id || f.claim_id || f.line_no ORDER BY 1), '{}')
		  FROM unnest(p.fs) f)
	   IS DISTINCT FROM
	   (SELECT coalesce(array_agg(a.rule_id || a.claim_id || a.line_no ORDER BY 1), '{}')
		  FROM tpi_rules.audit('scen') a WHERE a.patient_id = p.patient_id);

-- frequency_check over each frequency scenario's TPI lines (date, the
-- line's regions, payer) gives the sessions audit() flags.
SELECT f.patient_id,
	   (SELECT string_agg(x.rule_id, ' ' ORDER BY x.rule_id) FROM unnest(f.fs) x) AS frequency_check,
	   (SELECT string_agg(a.rule_id, ' ' ORDER BY a.rule_id) FROM tpi_rules.audit('scen') a
		 WHERE a.patient_id = f.patient_id AND a.rule_id LIKE 'freq.%') AS audit
  FROM (SELECT patient_id,
			   tpi_rules.frequency_check(date_of_service, tpi_rules.regions(muscles), payer_id
										 ORDER BY date_of_service) AS fs
		  FROM scen WHERE hcpcs IN ('20552', '20553') AND patient_id LIKE 'F%'
		 GROUP BY patient_id) f
 ORDER BY 1;

-- Messages that carry figures: the downcoding difference at the national
-- rate (20553 $58.55 - 20552 $50.78 in 2025, SPEC 8) and the frequency
-- messages' dates.
SELECT a.claim_id, a.message FROM tpi_rules.audit('scen') a
 WHERE a.rule_id IN ('code.downcoded', 'freq.rolling_cap', 'freq.min_interval')
   AND a.patient_id IN ('A03', 'F01', 'F03', 'F05')
 ORDER BY 1, a.rule_id;

-- ---------------------------------------------------------------------
-- muscle_count / pick_code / parse_muscle on documented entries from the
-- same sources (AAPC: R+L trapezius = 2; "bilateral upper trapezius and
-- levator scapulae" = 4; paraspinals at a spinal level; SPEC 4 sides
-- before or after the name, side words opening a list)
-- ---------------------------------------------------------------------
SELECT t AS muscles, tpi_rules.muscle_count(t::text[]) AS n, tpi_rules.pick_code(t::text[]) AS code
  FROM unnest(ARRAY[
	'{"right trapezius","left trapezius"}',
	'{"R & L trapezius"}',
	'{"bilateral upper trapezius and levator scapulae"}',
	'{"left trapezius, levator scapulae and rhomboid major"}',
	'{"right upper, middle and lower trapezius"}',
	'{"R upper trapezius","L upper trapezius","R lower trapezius"}',
	'{"gluteus medius bilaterally, piriformis R"}',
	'{"R trap; L trap; R levator scap"}',
	'{"shoulder","neck"}',
	'{}']) t
 ORDER BY 1;
SELECT m AS entry, p.*
  FROM unnest(ARRAY['piriformis R', 'B/L trapezius', 'paraspinal muscles at L4-5',
					'paraspinal area', 'multifidus left of L5', 'QL', 'glute med',
					'medial head gastrocnemius', 'rotator cuff']) m,
	   tpi_rules.parse_muscle(m) p
 ORDER BY 1;

-- ---------------------------------------------------------------------
-- expected_payment: SPEC 8 figures; Mira Health lists 20552 at $51.77 for
-- 2026 (https://mirahealth.care/reference/cpt/20552).  Facility rate for
-- POS 19, 22, 24 and telehealth 02; non-facility for 10.
-- ---------------------------------------------------------------------
SELECT tpi_rules.expected_payment('20552', '2026-03-02', '11', NULL) AS "20552_2026",
	   tpi_rules.expected_payment('20552', '2025-03-03', '11', '13202-01') AS manhattan_2025,
	   tpi_rules.expected_payment('20553', '2025-03-03') AS "20553_office",
	   tpi_rules.expected_payment('20553', '2025-03-03', '22') AS "20553_facility",
	   tpi_rules.expected_payment('20552', '2025-03-03', '11') AS "20552_2025";
SELECT pos, tpi_rules.expected_payment('20553', '2025-03-03', pos)
  FROM unnest(ARRAY['02', '10', '19', '24']) pos ORDER BY 1;
-- A date no release covers, an unknown locality, a bad POS: ERROR 22023.
\set VERBOSITY sqlstate
SELECT tpi_rules.expected_payment('20552', '2019-03-04', '11');
SELECT tpi_rules.expected_payment('20552', '2026-03-02', '11', '13202-01');
SELECT tpi_rules.expected_payment('20552', '2025-03-03', '11', '99999-01');
SELECT tpi_rules.expected_payment('20552', '2025-03-03', 'XX');
\set VERBOSITY default

-- ---------------------------------------------------------------------
-- next_eligible_date: Medicare (6 weeks; 3 in 12 months), Novitas (3 in
-- 3 months), Aetna (7 days), eviCore (2 months), BCBSA (4 in 12 months)
-- ---------------------------------------------------------------------
SELECT payer, prior, as_of, tpi_rules.next_eligible_date(prior::date[], payer, as_of::date)
  FROM (VALUES ('medicare', '{2025-01-06,2025-03-03}', '2025-03-10'),
			   ('medicare', '{2025-01-06,2025-03-03,2025-05-05}', '2025-05-06'),
			   ('medicare_novitas', '{2025-01-06,2025-01-20,2025-02-03}', '2025-02-10'),
			   ('aetna', '{2025-01-06}', '2025-01-08'),
			   ('evicore', '{2025-01-06}', '2025-01-08'),
			   ('bcbsa', '{2025-01-06,2025-03-03,2025-05-05,2025-07-07}', '2025-09-08'),
			   ('commercial_default', '{2025-01-06,2025-01-07}', '2025-01-08')) v(payer, prior, as_of)
 ORDER BY 1, 2;

-- ---------------------------------------------------------------------
-- payer_map and rule_setting (SPEC 13) on real payer identifiers: an 837P
-- 2010BB NM109 such as a Medicare contractor number ('04412', Novitas JH
-- Part B) is judged as the policy it maps to, and so are the policy
-- payer's rule_setting rows, rule by rule, even when the source id has
-- rows of its own; a payer neither payer_policy nor payer_map knows is
-- judged as commercial_default, with commercial_default's rows.
-- ---------------------------------------------------------------------
CREATE TEMP TABLE mapped AS SELECT * FROM tpi_rules.claim_line WHERE false;
INSERT INTO mapped (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs,
					modifiers, units, icd10, place_of_service)
VALUES ('M1', 1, 'M', '04412', '2025-03-03', '20552', '{}', 1, '{M54.50}', '11'),
	   ('M1', 2, 'M', '04412', '2025-03-03', '76942', '{}', 1, '{M54.50}', '11'),
	   ('M2', 1, 'M', '04412', '2025-03-24', '20552', '{}', 1, '{M79.18}', '11'),
	   ('M2', 2, 'M', '04412', '2025-03-24', 'J2001', '{}', 1, '{M79.18}', '11'),
	   ('M3', 1, 'M', '04412', '2025-06-02', '20552', '{RT}', 1, '{M79.18}', '11'),
	   ('M3', 2, 'M', '04412', '2025-06-02', 'J2001', '{}', 1, '{M79.18}', '11'),
	   ('U1', 1, 'U', 'ACME HEALTH', '2025-03-03', '20552', '{LT}', 1, '{M79.18}', '11');
CREATE TEMP VIEW mapped_out AS
SELECT claim_id, line_no, rule_id, severity FROM tpi_rules.audit('mapped');
-- Unmapped: '04412' is judged as commercial_default (nothing but LT/RT).
SELECT * FROM mapped_out ORDER BY 1, 2, 3;
INSERT INTO tpi_rules.payer_map VALUES ('04412', 'medicare');
-- Mapped: Medicare's rules, in the same session.
SELECT * FROM mapped_out ORDER BY 1, 2, 3;
-- Medicare's rows apply to the mapped id; commercial_default's row
-- applies to the unknown payer.
INSERT INTO tpi_rules.rule_setting (payer_id, rule_id, enabled, severity) VALUES
	('medicare', 'guidance.not_covered', false, NULL),
	('medicare', 'modifier.laterality', false, NULL),
	('medicare', 'dx.not_covered', true, 'warning'),
	('commercial_default', 'modifier.laterality', true, 'warning');
SELECT * FROM mapped_out ORDER BY 1, 2, 3;
-- A payer_map change is seen by the next statement, settings included:
-- '04412' mapped to Aetna gets RT back as an error (check_line of that
-- one line before and after, so the backend looks up the same payer).
SELECT f.rule_id, f.severity
  FROM mapped l, tpi_rules.check_line(ROW(l.*)::tpi_rules.claim_line) f
 WHERE l.claim_id = 'M3';
UPDATE tpi_rules.payer_map SET payer_id = 'aetna' WHERE source_id = '04412';
SELECT f.rule_id, f.severity
  FROM mapped l, tpi_rules.check_line(ROW(l.*)::tpi_rules.claim_line) f
 WHERE l.claim_id = 'M3';
SELECT * FROM mapped_out ORDER BY 1, 2, 3;
-- A row for the source id itself adds to Medicare's rows rather than
-- hiding them, and wins over Medicare's row for the same rule.
UPDATE tpi_rules.payer_map SET payer_id = 'medicare' WHERE source_id = '04412';
INSERT INTO tpi_rules.rule_setting (payer_id, rule_id, enabled, severity) VALUES
	('04412', 'freq.min_interval', true, 'info'),
	('04412', 'dx.not_covered', true, 'info');
SELECT * FROM mapped_out ORDER BY 1, 2, 3;
-- check_line and check_day read the same settings.
UPDATE tpi_rules.payer_map SET payer_id = 'medicare' WHERE source_id = '04412';
SELECT l.claim_id, f.rule_id, f.severity
  FROM mapped l, tpi_rules.check_line(ROW(l.*)::tpi_rules.claim_line) f
 ORDER BY 1, 2;
SELECT f.rule_id, f.severity
  FROM (SELECT tpi_rules.check_day(ROW(l.*)::tpi_rules.claim_line) fs
		  FROM mapped l WHERE claim_id = 'M1') d, unnest(d.fs) f
 ORDER BY 1;

-- The guard decides on the same settings: LT is a warning for unknown
-- commercial payers now (accepted), an error for Aetna (SQLSTATE 23514).
CREATE TABLE scen_guarded (LIKE tpi_rules.claim_line);
CREATE INDEX ON scen_guarded (patient_id, date_of_service);
CREATE TRIGGER guard BEFORE INSERT OR UPDATE ON scen_guarded
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('reject');
INSERT INTO scen_guarded SELECT * FROM mapped WHERE claim_id = 'U1';
\set VERBOSITY sqlstate
INSERT INTO scen_guarded SELECT claim_id, line_no, 'U2', 'aetna', provider_npi, date_of_service,
	   hcpcs, modifiers, units, icd10, place_of_service, muscles, trigger_points,
	   drug_name, drug_dose, claim_note, note_signed, post_procedure_plan,
	   conservative_care, tp_locations, guidance, charge, ndc
  FROM mapped WHERE claim_id = 'U1';
\set VERBOSITY default
SELECT claim_id, patient_id, payer_id FROM scen_guarded ORDER BY 1, 2;

DROP TABLE scen_guarded;
DELETE FROM tpi_rules.rule_setting;
DELETE FROM tpi_rules.payer_map;
