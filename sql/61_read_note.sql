-- read_note() (SPEC section 12): short notes for every rule, NULL and
-- empty input, a 1 MB note, and claims audited through their notes.
SET datestyle = 'ISO, YMD';
SET timezone = 'UTC';

SELECT tpi_rules.read_note(NULL) IS NULL AS null_in_null_out;
SELECT * FROM tpi_rules.read_note('');

CREATE TEMP TABLE n (id text PRIMARY KEY, body text);
INSERT INTO n VALUES
 -- muscles, sides distributed, total sites, drug and dose
 ('a issue example', 'Bilateral upper trapezius and levator scapulae TPIs, 8 sites, 1% lidocaine 8 mL.'),
 ('b template', E'PROCEDURE: Trigger point injection\nMuscles: right upper trapezius x2, left levator scapulae (2 points)\nMedication: Xylocaine 1% 4 mL\nGuidance: none (landmark based)\nPlan: follow up in 4 weeks, continue home exercise program.\nElectronically signed by J. Smith, MD'),
 ('c negated', 'Trigger points injected in the right trapezius. No trigger points in the rhomboids. Left piriformis was not injected. Patient declined injection of the gluteus medius.'),
 ('d history and plan', E'HISTORY: TPIs to the bilateral rhomboids last visit with 50% relief.\nPROCEDURE: Right quadratus lumborum injected with 0.5% bupivacaine 3 mL.\nPLAN: will consider left QL next visit.'),
 ('e total wins', 'Trigger points: 6. Right trapezius x2, left trapezius x2, right levator scapulae x2. Kenalog 40 mg and lidocaine 1% 2 mL injected.'),
 ('f sum of counts', 'Injected right gluteus medius (3 points) and right piriformis (2 points) with Marcaine 0.25% 5 mL.'),
 ('g tpi x4', 'TPI x4 to the left paraspinal muscles at L4-5 with lidocaine. Fluoroscopy was not used.'),
 ('h dry needling', 'Dry needling performed to the right infraspinatus and teres minor; no medication was injected.'),
 ('i ultrasound', 'Under ultrasound guidance, 3 trigger points were injected in the left trapezius using Naropin 0.2% 3 mL.'),
 ('j no procedure', E'Exam: taut bands in bilateral trapezius.\nAssessment: myofascial pain.\nPlan: physical therapy; TPI deferred.'),
 ('k misspelled, region only', 'Trigger point injection performed: right trapezious, levator scapule. Also low back injected.'),
 ('l locations', 'TPIs performed today at the medial border of the right scapula: right rhomboid major (2 TPs) and right infraspinatus, upper outer quadrant. Prior PT and NSAIDs failed.'),
 ('m brands', 'Injected bilateral SCM with Sensorcaine 0.5% 2 mL and Depo-Medrol 40 mg/mL 1 mL; Decadron 4 mg to the right masseter.'),
 ('n unsigned', 'Right trapezius TPI, 2 sites, lidocaine 1% 2 mL. Note not signed.'),
 ('p abbreviations', 'Pt received TPIs today to the R. upper trapezius and Lt. levator scapulae, 2 points each. No trigger points in the R. rhomboid. Lidocaine 1 percent 4 mL. Dr. Smith.'),
 ('q assessment and plan', 'Assessment/Plan: Myofascial pain of the neck. Trigger point injections performed today to bilateral SCM and bilateral scalenes. 4 TPs. 2% lidocaine 4 ml. Will consider Botox for next visit if no improvement.'),
 ('r deferred in capitals', E'TRIGGER POINT INJECTIONS DEFERRED TODAY\nReason: patient on warfarin, INR 3.4.\nTrigger points noted in R levator scapulae, R trapezius.\nPlan: recheck INR, TPIs next week.'),
 ('o total, fluoroscopy', 'MRI of the lumbar spine in 2024 showed mild stenosis. Under fluoroscopic guidance, total 8 sites injected in the bilateral gluteus medius (2 each) and bilateral piriformis with Kenalog 40 mg. Signed: R. Diaz MD'),
 -- a negation scopes to its own list entry (the entry and its count go,
 -- the others stay); before the list, or with a plural verb, to all of it
 ('s1 entry not injected', 'TPI with lidocaine to right trapezius, left trapezius, right rhomboid major, left deltoid (not injected).'),
 ('s2 entry deferred, counts', 'Muscles injected: right trapezius x2, left trapezius x2, right rhomboid major x1, left deltoid x1 (deferred)'),
 ('s3 entry declined', 'Muscles injected: right trapezius, left trapezius, right rhomboid major, left deltoid (declined)'),
 ('s4 whole list negated', 'Trigger points injected in the left deltoid. No trigger points in the right trapezius, left trapezius, right rhomboid major.'),
 ('s5 plural verb', 'TPI to the left deltoid. Right trapezius, left trapezius and right rhomboid major were not injected.'),
 -- negating, earlier-visit and later-visit labels; today's plan stays a plan
 ('t1 not injected label', E'Muscles injected: right trapezius\nNot injected: left deltoid'),
 ('t2 deferred, declined labels', E'Procedure: trigger point injections\nMuscles injected: right trapezius, left trapezius\nDeferred: left deltoid\nDeclined:\nright rhomboid major\nMedication: lidocaine 1% 2 mL'),
 ('t3 earlier and later visits', E'Last visit: TPI to the left deltoid.\nPrevious visit: TPI to the right rhomboid major.\nMuscles injected: right trapezius x2\nNext visit: TPI to the left trapezius\nElectronically signed by J. Smith, MD'),
 ('t4 todays plan', E'Muscles injected: right trapezius, left deltoid\nPlan: follow up in 2 weeks.'),
 -- per-muscle counts "at N sites" are summed; a stated total wins
 ('u1 at n sites', 'TPI performed to the right trapezius at 3 sites and the left trapezius at 2 sites.'),
 ('u2 total wins', 'TPI performed to the right trapezius at 3 sites and the left trapezius at 2 sites, 6 trigger points injected in total.'),
 -- part words name no muscle: a side opening their list is the name's
 ('v1 part-word list', 'Trigger point injections were performed today. Injected: left upper and lower trapezius, right levator scapulae, right trapezius.'),
 ('v2 parts without side', 'TPI: upper and lower trapezius.'),
 -- a sentence about what followed an earlier injection is history
 ('w1 since the last injection', 'TPI today to the right trapezius. The bilateral rhomboids have been worse since the last trigger point injection.'),
 ('w2 last in another sense', 'Last, the left piriformis was injected since it was tender.'),
 -- a negation in brackets ends with them; "no steroid" negates the drug
 ('x1 bracketed no steroid', 'Trigger point injections (lidocaine only, no steroid) to right trapezius, left trapezius and right levator scapulae.'),
 ('x2 no injectate', 'Trigger point dry needling (no injectate) to right gluteus medius and right piriformis.'),
 ('x3 bracketed negation of the list', 'TPI today. No trigger points (TPs) in the right trapezius; left piriformis injected.'),
 -- DN: dry needling, in capitals only
 ('y1 DN', 'DN to the right upper trapezius, right levator scapulae and right infraspinatus.'),
 ('y2 Dn is no abbreviation', 'Dn to the right trapezius.'),
 -- a Side field gives the muscle before it its side
 ('z1 side fields', 'TPI performed. Muscle: trapezius. Side: bilateral. Muscle: levator scapulae. Side: right.'),
 ('z2 side effects', 'TPI to the right trapezius. Side effects: none.'),
 -- counts per muscle, counts beside a rate, counts before the muscle
 ('za in each muscle', 'TPI to the right QL and right gluteus medius, 2 trigger points in each muscle.'),
 ('zb each muscle apart', E'PROCEDURE: Trigger points were identified in the right quadratus lumborum and the right gluteus medius.\n1% lidocaine 3 mL was injected, 2 trigger points in each muscle.'),
 ('zc rate and sites', 'TPI right trapezius. 0.5% lidocaine, 0.5 mL per site, 4 sites.'),
 ('zd injections on', 'Physician injects 6 injections on patient''s Transverse Abdominus and 4 injections on patient''s Rectus Abdominus.'),
 ('ze rate only', 'Today: TPI to both sternocleidomastoid muscles. Xylocaine 1% 1 mL per site.'),
 -- doses as written
 ('zf of kept', 'Under ultrasound guidance, trigger point injections were performed into the left piriformis using 4 mL of 1% lidocaine mixed with 40 mg Depo-Medrol.'),
 ('zg amount wins over rate', 'TPI to the left trapezius. Medication: 1% lidocaine, 8 mL total (1 mL per site).'),
 -- an Injectate label tells of an injection; a closing side after a comma
 ('zh injectate table', E'| Muscle | Side | # TPs |\n|---|---|---|\n| Trapezius (upper) | Bilateral | 4 |\n| Levator scapulae | Right | 1 |\n| Splenius capitis | Left | 1 |\nInjectate: lidocaine 1% 6 mL, no steroid.'),
 ('zi injectate, deferred', E'Exam: taut band in the right trapezius.\nInjectate: none; TPI deferred.'),
 ('zj closing side', 'DN was directed to the levator scapulae muscle belly medial to the superior angle of the scapula, bilaterally.'),
 ('zk side of another sentence', 'TPI to the trapezius. Tender points were present, bilaterally.'),
 -- where a pain spreads to is no place injected
 ('zl pain spreads to', 'TPI to the left gluteal muscle. The trigger point injection helped, but her pain from the lower back to the legs bilaterally is worse.'),
 ('zm injected to a region', 'Trigger point injections to the left trapezius and to the low back.'),
 -- a record's count field is its muscle's; on the next line, a total
 ('zn record counts', E'Muscle: Trapezius, Side: Bilateral, Points: 2\nMuscle: Levator scapulae, Side: Left, Points: 1\nTrigger point injections performed with lidocaine 1% 3 mL.'),
 ('zo total on the next line', E'TRIGGER POINT INJECTION\nSite(s): Left gluteus medius, left piriformis\nTrigger points: 4\nInjectate: Marcaine 0.25% 4 mL'),
 -- the side of the injection goes to the sentence's side-less muscles
 -- (AAPC: four muscles); an entry's own side wins; a symptom's side not
 ('zp1 bilateral injections', 'Bilateral trigger point injections were performed in the upper trapezius and levator scapulae with lidocaine 1% 4 mL.'),
 ('zp2 performed bilaterally', 'Trigger point injections were performed bilaterally in the upper trapezius and levator scapulae with lidocaine 1% 4 mL.'),
 ('zp3 own side wins', 'Bilateral TPIs to the trapezius and left rhomboid major with lidocaine 1% 3 mL.'),
 ('zp4 bilateral pain', 'Right trapezius and levator scapulae were injected; bilateral neck pain noted.'),
 -- a region word after a group term: the place as written, with its sides
 ('zq1 cervical paraspinal area', 'Trigger point injections performed in the cervical paraspinal area bilaterally with lidocaine 1% 3 mL.'),
 ('zq2 paraspinal region at a level', 'TPIs performed to the left lumbar paraspinal region at L4-5 with lidocaine 1% 2 mL.'),
 ('zq3 group stays a group', 'Trigger point injections performed in the bilateral cervical paraspinal muscles with lidocaine 1% 3 mL.'),
 ('zq4 trapezius region', 'Trigger point injections were performed at 3 sites in the left upper trapezius region with lidocaine 1% 2 mL.'),
 -- "X, left side": the side of the name before it when X has none
 ('zr1 side after the name', 'TPI to the trapezius, left side, and levator scapulae, right side.'),
 ('zr2 name before has a side', 'TPI to the right trapezius, left side, and levator scapulae.'),
 -- a side after its name: "on the left", "(right)"; not a symptom's side
 ('zs1 on the side', 'Injected the trapezius on the right and the levator scapulae on the left, and the rhomboid major (left) with lidocaine 1% 3 mL.'),
 ('zs2 pain on the side', 'TPI to the trapezius (2). Pain on the left.'),
 -- counts in words, a figure in brackets after its word; not an old visit's
 ('zt1 three (3) trigger points', 'Three (3) trigger points were injected in the right gluteus maximus.'),
 ('zt3 two trigger points', 'Right piriformis injected with lidocaine. Two trigger points were injected.'),
 ('zt2 earlier count', E'HISTORY: three trigger points were injected last year.\nTPI to the right trapezius today.'),
 -- a long line about injecting that ends in a colon opens its list; not a plan
 ('zu1 list after a colon', E'Trigger point injections to the following muscles:\n- R trapezius\n- L trapezius\n- R rhomboid major\nLidocaine 1% 3 mL.'),
 ('zu2 planned list', E'Trigger point injections will be considered for the following muscles:\n- R trapezius\n- L trapezius\n- R rhomboid major'),
 -- a side that labels its line; "Next," tells the order, "next visit" later
 ('zv1 side labels', E'Trigger point injections performed.\nLEFT: trapezius, levator scapulae\nRIGHT: trapezius'),
 ('zv2 next, in order', 'The right trapezius was injected. Next, the left levator scapulae was injected.'),
 ('zv3 next visit', 'The right trapezius was injected. Next visit, the left levator scapulae will be injected.'),
 -- "R>L" before the names is both sides; a symptom's is not
 ('zw1 R>L', 'TPI to R>L trapezius and levator scapulae with lidocaine 1% 4 mL.'),
 ('zw2 pain R>L', 'Neck pain R>L. TPI to the right trapezius and right levator scapulae.'),
 ('zw3 muscles on the left', 'Injection of trigger points in the trapezius, levator scapulae, and supraspinatus muscles on the left.'),
 -- "(x2)" after a name is its count; "(x-ray ...)" is none
 ('zx1 bracketed times', 'Trigger points injected: right trapezius (x2), left trapezius (x3).'),
 ('zx2 bracketed x-ray', 'TPI to the right trapezius (x-ray negative).'),
 -- a stated count "on each side" counts both sides
 ('zy1 on each side', 'TPI to bilateral trapezius. Two trigger points were injected on each side.'),
 ('zy2 each, no side', 'TPI to bilateral trapezius. Two trigger points were injected, each with 1 mL.'),
 -- "..., left side:" labels the names after it; a bare side does not
 ('zz1 side label after a comma', 'Trigger point injection, left side: trapezius, levator scapulae, rhomboid major.'),
 ('zz2 bare side after a comma', 'Trigger point injection, left: trapezius, levator scapulae, rhomboid major.'),
 -- a region on a header's line heads the muscles named after it and gives
 -- them its side; two check boxes a line; dictation without punctuation
 ('zz3 region heading', E'PROCEDURE PERFORMED: Trigger point injections, right forearm.\nThe extensor carpi radialis longus and brachioradialis were injected with 1% lidocaine 2 mL.'),
 ('zz4 two boxes a line', E'Muscles injected:\n(X) Right upper trapezius  ( ) Left upper trapezius\n( ) Right levator scapulae  (X) Left levator scapulae\nSolution: (X) Lidocaine 1%  ( ) Bupivacaine 0.25%'),
 ('zz5 dictation', 'the patient was placed prone the right quadratus lumborum was palpated and 2 trigger points were injected with 4 mL of 1 percent lidocaine the patient tolerated the procedure well there were no complications he will follow up in 4 weeks');
SELECT id, f.*
  FROM n, LATERAL tpi_rules.read_note(n.body) f
 ORDER BY id COLLATE "C";

-- Muscles as parse_muscle reads them, and the code they support.
SELECT id, tpi_rules.muscle_count(f.muscles) AS n, tpi_rules.pick_code(f.muscles) AS code
  FROM n, LATERAL tpi_rules.read_note(n.body) f
 ORDER BY id COLLATE "C";

-- A 1 MB note returns promptly (linear time) and reads its muscles.
SELECT cardinality(f.muscles) AS muscles, f.trigger_points, f.drug_name
  FROM tpi_rules.read_note(repeat('Right trapezius injected with lidocaine 1% 1 mL. ', 20000)) f;
SELECT cardinality(f.muscles) AS muscles
  FROM tpi_rules.read_note(repeat('declined ', 120000) || repeat('trapezius, ', 30000)) f;

-- Claims audited through their notes: a view joins each claim line to the
-- note of its patient and date of service and takes the documentation
-- columns from read_note().
CREATE TEMP TABLE claims AS
SELECT * FROM (VALUES
	('N1', 1::smallint, 'P1', 'commercial_default', '1234567893', date '2025-03-03', '20552'),
	('N2', 1::smallint, 'P2', 'commercial_default', '1234567893', date '2025-03-03', '20553'),
	('N3', 1::smallint, 'P3', 'commercial_default', '1234567893', date '2025-03-03', '20552'),
	('N4', 1::smallint, 'P4', 'commercial_default', '1234567893', date '2025-03-03', '20553'),
	('N5', 1::smallint, 'P5', 'commercial_default', '1234567893', date '2025-03-03', '20553'),
	('N6', 1::smallint, 'P6', 'commercial_default', '1234567893', date '2025-03-03', '20553')
) AS v(claim_id, line_no, patient_id, payer_id, provider_npi, date_of_service, hcpcs);
CREATE TEMP TABLE notes (patient_id text, date_of_service date, body text);
INSERT INTO notes VALUES
 ('P1', '2025-03-03', (SELECT body FROM n WHERE id = 'a issue example')),
 ('P2', '2025-03-03', (SELECT body FROM n WHERE id = 'i ultrasound')),
 ('P3', '2025-03-03', (SELECT body FROM n WHERE id = 'n unsigned')),
 ('P4', '2025-03-03', (SELECT body FROM n WHERE id = 'zp1 bilateral injections')),
 ('P5', '2025-03-03', (SELECT body FROM n WHERE id = 'zq1 cervical paraspinal area')),
 ('P6', '2025-03-03', (SELECT body FROM n WHERE id = 'zp4 bilateral pain'));
CREATE TEMP VIEW claims_with_notes AS
SELECT c.claim_id, c.line_no, c.patient_id, c.payer_id, c.provider_npi,
       c.date_of_service, c.hcpcs, '{M79.18}'::text[] AS icd10,
       '11'::text AS place_of_service,
       f.muscles, f.trigger_points, f.drug_name, f.drug_dose, f.note_signed,
       f.post_procedure_plan, f.conservative_care, f.tp_locations, f.guidance
  FROM claims c
  LEFT JOIN LATERAL (SELECT r.*
                       FROM notes n, LATERAL tpi_rules.read_note(n.body) r
                      WHERE n.patient_id = c.patient_id
                        AND n.date_of_service = c.date_of_service) f ON true;
SELECT claim_id, rule_id, severity
  FROM tpi_rules.audit('claims_with_notes', NULL, NULL)
 WHERE rule_id LIKE 'code.%' OR rule_id = 'doc.region_only'
 ORDER BY claim_id, rule_id;
-- The missing elements each note leaves out.
SELECT claim_id, count(*) AS missing
  FROM tpi_rules.audit('claims_with_notes', NULL, NULL)
 WHERE rule_id = 'doc.missing_element'
 GROUP BY claim_id ORDER BY claim_id;
-- "cortisone" is what notes call an unnamed steroid: a corticosteroid
SELECT n.drug_name, n.drug_dose, i.class
  FROM tpi_rules.read_note('Local trigger point injection with local anaesthetic and cortisone 40 mg to the left upper trapezius was performed.') n
  LEFT JOIN tpi_rules.injectate i ON i.name = n.drug_name;
-- Round 6 styles: a knee injection beside the TPIs is no muscle; the
-- pelvic floor's levator ani is not the levator scapulae (20553 with the
-- obturator internus and coccygeus); an empty check box is not injected.
SELECT r.muscles, r.trigger_points, r.drug_name, r.drug_dose,
       tpi_rules.pick_code(r.muscles) AS code
  FROM (VALUES
  (1, E'PROCEDURES:\n1. Right knee intra-articular injection with 40 mg Depo-Medrol.\n2. Trigger point injections to the left trapezius and left levator scapulae with 2 mL of 0.5% bupivacaine.'),
  (2, 'Transvaginal TPIs: left levator ani (2), left obturator internus (1) and left coccygeus (1) with a total of 6 mL of 0.25% bupivacaine.'),
  (3, E'TRIGGER POINT INJECTION\nMuscles:\n[x] Trapezius R\n[ ] Levator scapulae R\n[x] Rhomboid L\nLidocaine 1% 3 mL')
  ) AS n(id, body), LATERAL tpi_rules.read_note(n.body) r
 ORDER BY n.id;
-- Round 7 styles: "UT" (the catalogue's alias) and "LS" after a side word
-- are the upper trapezius and levator scapulae, "LS paraspinals" the
-- lumbosacral ones; a British steroid brand; a blank template field is
-- nothing documented; dry needling beside a TPI is not the TPI's muscle.
SELECT r.muscles, r.trigger_points, r.drug_name, r.drug_dose,
       r.post_procedure_plan, tpi_rules.pick_code(r.muscles) AS code
  FROM (VALUES
  (1, 'Proc: TPI B/L UT x2 ea, R LS x1, L rhomboid x1 = 6 TPs. 1% lido 3 cc total.'),
  (2, 'Proc: TPI to LS paraspinals B/L at L4-S1 and R QL, 4 sites, 1% lido 4 cc.'),
  (3, 'Trigger point injections to right trapezius x2 and right infraspinatus x2. Injectate: 0.25% levobupivacaine 8 ml with 40 mg Depo-Medrone.'),
  (4, E'TRIGGER POINT INJECTION NOTE\nMuscles injected: ___\nNumber of trigger points: ___\nThe patient tolerated the procedure well.\nFollow-up: ___'),
  (5, E'Procedure 1: Trigger point dry needling - R gluteus medius, R TFL. No injectate.\nProcedure 2: Trigger point injection - R piriformis x2 with 2 mL 0.5% bupivacaine.')
  ) AS n(id, body), LATERAL tpi_rules.read_note(n.body) r
 ORDER BY n.id;
-- VA CPRS signs with "/es/", which is not the erector spinae (ES beside a
-- side word is); a procedure that injects and names no muscle injects
-- what the exam found, and not when it was put off.
SELECT r.muscles, r.trigger_points, r.note_signed, tpi_rules.pick_code(r.muscles) AS code
  FROM (VALUES
  (1, 'Procedure: TPIs to the right upper trapezius and right levator scapulae. Lidocaine 1% 2 mL. /es/ K. Ngo MD'),
  (2, 'Procedure: TPIs to the right ES and right QL. Lidocaine 1% 2 mL.'),
  (3, E'Findings: active trigger points in the L QL and L glute med.\nAfter prep, 4 trigger points were injected with 1% lidocaine 4 mL. Plan: HEP. Signed: Dr X'),
  (4, E'Exam: trigger points in the L QL and L glute med.\nTrigger point injections deferred to next visit.')
  ) AS n(id, body), LATERAL tpi_rules.read_note(n.body) r
 ORDER BY n.id;
