-- Day rules (SPEC section 6): the check_day() aggregate over all lines of
-- one patient on one date.  Every rule has a case that fires and one that
-- stays silent; each case is one patient-day built from a clean line.
SET datestyle = 'ISO, YMD';
SET timezone = 'UTC';

-- A payer that bundles the drug (none of the shipped policies does).
INSERT INTO tpi_rules.payer_policy (payer_id, effective_from, name, source, drug_on_claim)
VALUES ('test_bundled', '2015-10-01', 'Test payer', 'regression test', 'bundled');
-- A payer as strict as Medicare under its own policy: messages cite it,
-- not the Medicare LCDs.
INSERT INTO tpi_rules.payer_policy
	(payer_id, effective_from, name, source, drug_on_claim,
	 image_guidance_covered, other_blocks_allowed)
VALUES ('test_strict', '2015-10-01', 'Test Health policy TP-7', 'regression test',
		'required', false, false);

-- The clean line: a Medicare 20552, two muscles of one region, covered
-- diagnosis, drug documented.
CREATE TEMP TABLE base AS
SELECT ROW('C1', 1, 'P', 'medicare', '1234567893', '2025-03-03', '20552',
		   '{}', 1, '{M79.18}', '11',
		   '{right upper trapezius,left levator scapulae}', 4,
		   'lidocaine 1%', '3 ml', NULL, true, true, true, true, 'none', NULL, NULL
		   )::tpi_rules.claim_line AS l;

CREATE TEMP TABLE day_cases (name text, l tpi_rules.claim_line);
-- One line of a case: the clean line with claim_id, line_no and the
-- fields of a JSON object replaced; patient_id is the case name.
CREATE FUNCTION pg_temp.add_line(name text, claim text, line int, changes jsonb)
RETURNS void LANGUAGE sql AS $$
	INSERT INTO day_cases
	SELECT name, pg_catalog.jsonb_populate_record(b.l,
			pg_catalog.jsonb_build_object('claim_id', claim, 'line_no', line,
										  'patient_id', name) || changes)
	  FROM base b;
$$;
-- A non-TPI line: no muscles or drug documented on it.
CREATE FUNCTION pg_temp.add_code(name text, claim text, line int, code text,
								 changes jsonb DEFAULT '{}')
RETURNS void LANGUAGE sql AS $$
	SELECT pg_temp.add_line(name, claim, line,
		pg_catalog.jsonb_build_object('hcpcs', code, 'muscles', NULL,
									  'drug_name', NULL, 'drug_dose', NULL) || changes);
$$;

-- The findings of each case as rule@claim/line, in the aggregate's order.
CREATE VIEW day_rules AS
SELECT d.name,
	   coalesce(string_agg(format('%s@%s/%s', f.rule_id, f.claim_id, f.line_no),
						   ' ' ORDER BY f.ord) FILTER (WHERE f.rule_id IS NOT NULL), '-') AS findings
  FROM (SELECT name, tpi_rules.check_day(l) AS fs FROM day_cases GROUP BY name) d
  LEFT JOIN LATERAL unnest(d.fs) WITH ORDINALITY AS f(rule_id, severity, message,
													 claim_id, line_no, ord) ON true
 GROUP BY d.name;

SELECT pg_temp.add_line('clean', 'C1', 1, '{}');
SELECT pg_temp.add_code('clean', 'C1', 2, 'J2001');
-- day.both_codes
SELECT pg_temp.add_line('both codes', 'C1', 1, '{}');
SELECT pg_temp.add_line('both codes', 'C1', 2, '{"hcpcs": "20553"}');
SELECT pg_temp.add_code('both codes', 'C1', 3, 'J2001');
SELECT pg_temp.add_line('both codes silent: 20553 only', 'C1', 1, '{"hcpcs": "20553"}');
SELECT pg_temp.add_code('both codes silent: 20553 only', 'C1', 2, 'J2001');
-- day.duplicate_code
SELECT pg_temp.add_line('duplicate 20552 + 20552-XS', 'C1', 1, '{}');
SELECT pg_temp.add_line('duplicate 20552 + 20552-XS', 'C1', 2, '{"modifiers": ["XS"]}');
SELECT pg_temp.add_code('duplicate 20552 + 20552-XS', 'C1', 3, 'J2001');
SELECT pg_temp.add_line('duplicate 20552-LT + 20552-RT', 'C1', 1, '{"modifiers": ["LT"]}');
SELECT pg_temp.add_line('duplicate 20552-LT + 20552-RT', 'C1', 2, '{"modifiers": ["RT"]}');
SELECT pg_temp.add_code('duplicate 20552-LT + 20552-RT', 'C1', 3, 'J2001');
SELECT pg_temp.add_line('duplicate 20553 on two claims', 'C1', 1, '{"hcpcs": "20553"}');
SELECT pg_temp.add_code('duplicate 20553 on two claims', 'C1', 2, 'J2001');
SELECT pg_temp.add_line('duplicate 20553 on two claims', 'C2', 1, '{"hcpcs": "20553 "}');
SELECT pg_temp.add_code('duplicate 20553 on two claims', 'C2', 2, 'J2001');
-- day.em_without_25 / day.em_with_25
SELECT pg_temp.add_line('E/M without 25', 'C1', 1, '{}');
SELECT pg_temp.add_code('E/M without 25', 'C1', 2, 'J2001');
SELECT pg_temp.add_code('E/M without 25', 'C1', 3, '99213');
SELECT pg_temp.add_line('E/M with 25', 'C1', 1, '{}');
SELECT pg_temp.add_code('E/M with 25', 'C1', 2, 'J2001');
SELECT pg_temp.add_code('E/M with 25', 'C1', 3, '99214', '{"modifiers": ["25"]}');
SELECT pg_temp.add_code('E/M silent: no TPI that day', 'C1', 1, '99213');
SELECT pg_temp.add_code('E/M silent: no TPI that day', 'C1', 2, '20610');
-- day.joint_injection_unmodified (aetna: no session restrictions)
SELECT pg_temp.add_line('joint injection', 'C1', 1, '{"payer_id": "aetna"}');
SELECT pg_temp.add_code('joint injection', 'C1', 2, '20610', '{"payer_id": "aetna"}');
SELECT pg_temp.add_line('joint injection silent: TPI has XS', 'C1', 1,
						'{"payer_id": "aetna", "modifiers": ["XS"]}');
SELECT pg_temp.add_code('joint injection silent: TPI has XS', 'C1', 2, '20610', '{"payer_id": "aetna"}');
-- day.dry_needling_same_day
SELECT pg_temp.add_line('dry needling', 'C1', 1, '{"payer_id": "aetna"}');
SELECT pg_temp.add_code('dry needling', 'C1', 2, '20561', '{"payer_id": "aetna"}');
-- day.anesthesia_code
SELECT pg_temp.add_line('anesthesia', 'C1', 1, '{"payer_id": "aetna"}');
SELECT pg_temp.add_code('anesthesia', 'C1', 2, '01992', '{"payer_id": "aetna"}');
SELECT pg_temp.add_line('anesthesia silent: 00099', 'C1', 1, '{"payer_id": "aetna"}');
SELECT pg_temp.add_code('anesthesia silent: 00099', 'C1', 2, '00099', '{"payer_id": "aetna"}');
-- day.other_block_same_session (Medicare forbids; aetna allows)
SELECT pg_temp.add_line('other block medicare', 'C1', 1, '{}');
SELECT pg_temp.add_code('other block medicare', 'C1', 2, 'J2001');
SELECT pg_temp.add_code('other block medicare', 'C1', 3, '64450');
SELECT pg_temp.add_code('other block medicare', 'C2', 1, '20551');
SELECT pg_temp.add_line('other block silent: aetna', 'C1', 1, '{"payer_id": "aetna"}');
SELECT pg_temp.add_code('other block silent: aetna', 'C1', 2, '64450', '{"payer_id": "aetna"}');
SELECT pg_temp.add_line('other block test_strict', 'C1', 1, '{"payer_id": "test_strict"}');
SELECT pg_temp.add_code('other block test_strict', 'C1', 2, 'J2001', '{"payer_id": "test_strict"}');
SELECT pg_temp.add_code('other block test_strict', 'C1', 3, '64450', '{"payer_id": "test_strict"}');
-- day.multiple_regions (Medicare: one region per session)
SELECT pg_temp.add_line('multiple regions medicare', 'C1', 1,
						'{"muscles": ["right trapezius", "left gluteus medius", "QL"]}');
SELECT pg_temp.add_code('multiple regions medicare', 'C1', 2, 'J2001');
SELECT pg_temp.add_line('multiple regions silent: aetna', 'C1', 1,
						'{"payer_id": "aetna", "muscles": ["right trapezius", "left gluteus medius"]}');
-- drug.missing_on_claim
SELECT pg_temp.add_line('drug missing', 'C1', 1, '{}');
SELECT pg_temp.add_line('drug on another claim', 'C1', 1, '{}');
SELECT pg_temp.add_code('drug on another claim', 'C2', 1, 'J2001');
SELECT pg_temp.add_line('drug missing silent: aetna', 'C1', 1, '{"payer_id": "aetna"}');
SELECT pg_temp.add_line('drug missing test_strict', 'C1', 1, '{"payer_id": "test_strict"}');
-- drug.bundled_billed
SELECT pg_temp.add_line('drug bundled', 'C1', 1, '{"payer_id": "test_bundled"}');
SELECT pg_temp.add_code('drug bundled', 'C1', 2, 'j3301', '{"payer_id": "test_bundled"}');
SELECT pg_temp.add_line('drug bundled silent: no drug line', 'C1', 1, '{"payer_id": "test_bundled"}');
-- drug.unclassified_without_note
SELECT pg_temp.add_line('unclassified drug, no note', 'C1', 1, '{}');
SELECT pg_temp.add_code('unclassified drug, no note', 'C1', 2, 'J3490');
SELECT pg_temp.add_line('unclassified drug, note without dose', 'C1', 1, '{}');
SELECT pg_temp.add_code('unclassified drug, note without dose', 'C1', 2, 'J3490',
						'{"claim_note": "lidocaine"}');
SELECT pg_temp.add_line('unclassified silent: note names drug and dose', 'C1', 1, '{}');
SELECT pg_temp.add_code('unclassified silent: note names drug and dose', 'C1', 2, 'C9399',
						'{"claim_note": "Lidocaine 1% 5mL, NDC 0409-4276-01", "place_of_service": "22"}');
SELECT pg_temp.add_line('unclassified silent: dose spelt out', 'C1', 1, '{}');
SELECT pg_temp.add_code('unclassified silent: dose spelt out', 'C1', 2, 'J3490',
						'{"claim_note": "lidocaine 1 percent 5 milliliters"}');
SELECT pg_temp.add_line('unclassified silent: plural unit', 'C1', 1, '{}');
SELECT pg_temp.add_code('unclassified silent: plural unit', 'C1', 2, 'J3490',
						'{"claim_note": "lidocaine 1 per cent 5 mls"}');
SELECT pg_temp.add_line('unclassified drug, a count is no dose', 'C1', 1, '{}');
SELECT pg_temp.add_code('unclassified drug, a count is no dose', 'C1', 2, 'J3490',
						'{"claim_note": "lidocaine 5 injections"}');
-- drug.missing_on_claim and C9399: the drug line only on hospital outpatient
-- lines (POS 19 or 22); a C9399 line without POS takes the TPI line's.
SELECT pg_temp.add_line('C9399 in the office: drug missing', 'C1', 1, '{}');
SELECT pg_temp.add_code('C9399 in the office: drug missing', 'C1', 2, 'C9399',
						'{"claim_note": "lidocaine 1% 5 ml"}');
SELECT pg_temp.add_line('C9399 silent: off-campus outpatient 19', 'C1', 1, '{"place_of_service": "19"}');
SELECT pg_temp.add_code('C9399 silent: off-campus outpatient 19', 'C1', 2, 'C9399',
						'{"claim_note": "lidocaine 1% 5 ml", "place_of_service": "19"}');
SELECT pg_temp.add_line('C9399 silent: no POS, TPI line on 22', 'C1', 1, '{"place_of_service": "22"}');
SELECT pg_temp.add_code('C9399 silent: no POS, TPI line on 22', 'C1', 2, 'C9399',
						'{"claim_note": "lidocaine 1% 5 ml", "place_of_service": null}');
-- units.over_mue over the day's lines (MUE MAI 2: date of service)
SELECT pg_temp.add_line('units: two one-unit 20552 lines on two claims', 'C1', 1, '{}');
SELECT pg_temp.add_code('units: two one-unit 20552 lines on two claims', 'C1', 2, 'J2001');
SELECT pg_temp.add_line('units: two one-unit 20552 lines on two claims', 'C2', 1, '{}');
SELECT pg_temp.add_code('units: two one-unit 20552 lines on two claims', 'C2', 2, 'J2001');
SELECT pg_temp.add_line('units: three one-unit 20553 lines, one finding', 'C1', 1, '{"hcpcs": "20553", "muscles": ["R trapezius", "L trapezius", "R levator scapulae"]}');
SELECT pg_temp.add_code('units: three one-unit 20553 lines, one finding', 'C1', 2, 'J2001');
SELECT pg_temp.add_line('units: three one-unit 20553 lines, one finding', 'C1', 3, '{"hcpcs": "20553", "muscles": ["R trapezius", "L trapezius", "R levator scapulae"]}');
SELECT pg_temp.add_line('units: three one-unit 20553 lines, one finding', 'C1', 4, '{"hcpcs": "20553", "muscles": ["R trapezius", "L trapezius", "R levator scapulae"]}');
SELECT pg_temp.add_line('units: 2147483647 units and one more line', 'C1', 1, '{"units": 2147483647}');
SELECT pg_temp.add_code('units: 2147483647 units and one more line', 'C1', 2, 'J2001');
SELECT pg_temp.add_line('units: 2147483647 units and one more line', 'C1', 3, '{}');
SELECT pg_temp.add_line('units silent: one 20552, drug units 5', 'C1', 1, '{}');
SELECT pg_temp.add_code('units silent: one 20552, drug units 5', 'C1', 2, 'J2001', '{"units": 5}');
SELECT pg_temp.add_line('units silent: second 20552 line with 0 units', 'C1', 1, '{}');
SELECT pg_temp.add_code('units silent: second 20552 line with 0 units', 'C1', 2, 'J2001');
SELECT pg_temp.add_line('units silent: second 20552 line with 0 units', 'C1', 3, '{"units": 0}');
SELECT pg_temp.add_line('unclassified silent: note names the documented drug', 'C1', 1,
						'{"drug_name": "Zinnia extract"}');
SELECT pg_temp.add_code('unclassified silent: note names the documented drug', 'C1', 2, 'J3590',
						'{"claim_note": "zinnia extract 2.5 ml"}');
-- guidance.not_covered (guidance codes) / guidance.units
SELECT pg_temp.add_line('guidance code medicare', 'C1', 1, '{}');
SELECT pg_temp.add_code('guidance code medicare', 'C1', 2, 'J2001');
SELECT pg_temp.add_code('guidance code medicare', 'C1', 3, '76942');
SELECT pg_temp.add_line('guidance code silent: aetna', 'C1', 1, '{"payer_id": "aetna"}');
SELECT pg_temp.add_code('guidance code silent: aetna', 'C1', 2, '77002', '{"payer_id": "aetna"}');
SELECT pg_temp.add_line('guidance code bcbsa', 'C1', 1, '{"payer_id": "bcbsa"}');
SELECT pg_temp.add_code('guidance code bcbsa', 'C1', 2, '77002', '{"payer_id": "bcbsa"}');
SELECT pg_temp.add_line('guidance 2 units', 'C1', 1, '{"payer_id": "aetna"}');
SELECT pg_temp.add_code('guidance 2 units', 'C1', 2, '76942', '{"payer_id": "aetna", "units": 2}');
SELECT pg_temp.add_line('guidance two lines', 'C1', 1, '{"payer_id": "aetna"}');
SELECT pg_temp.add_code('guidance two lines', 'C1', 2, '76942', '{"payer_id": "aetna", "units": null}');
SELECT pg_temp.add_code('guidance two lines', 'C1', 3, '76942', '{"payer_id": "aetna"}');
SELECT pg_temp.add_code('guidance two lines', 'C1', 4, '77002', '{"payer_id": "aetna"}');
-- modifier.distinct_without_partner
SELECT pg_temp.add_line('distinct without partner', 'C1', 1, '{"payer_id": "aetna", "modifiers": ["59"]}');
SELECT pg_temp.add_code('distinct without partner', 'C1', 2, '99213', '{"payer_id": "aetna", "modifiers": ["25"]}');
SELECT pg_temp.add_code('distinct without partner', 'C1', 3, '76942', '{"payer_id": "aetna"}');
SELECT pg_temp.add_code('distinct without partner', 'C1', 4, 'J3301', '{"payer_id": "aetna"}');
SELECT pg_temp.add_line('distinct silent: a procedure partner', 'C1', 1, '{"payer_id": "aetna", "modifiers": ["xu"]}');
SELECT pg_temp.add_code('distinct silent: a procedure partner', 'C1', 2, '11042', '{"payer_id": "aetna"}');

SELECT name, findings FROM day_rules ORDER BY name;

-- Every rule ID check_day emits is in the catalogue, with its severity.
SELECT DISTINCT f.rule_id, f.severity = r.severity AS severity_matches
  FROM (SELECT tpi_rules.check_day(l) AS fs FROM day_cases GROUP BY name) d,
	   unnest(d.fs) f LEFT JOIN tpi_rules.rule r USING (rule_id)
 ORDER BY 1;

-- Messages.
SELECT f.rule_id, f.message
  FROM (SELECT name, tpi_rules.check_day(l) AS fs FROM day_cases GROUP BY name) d,
	   unnest(d.fs) f
 WHERE d.name IN ('both codes', 'duplicate 20552 + 20552-XS', 'E/M without 25',
				  'multiple regions medicare', 'drug missing', 'unclassified drug, no note',
				  'guidance 2 units', 'guidance two lines', 'distinct without partner',
				  'drug bundled', 'other block medicare', 'other block test_strict',
				  'drug missing test_strict', 'guidance code medicare', 'guidance code bcbsa',
				  'units: two one-unit 20552 lines on two claims',
				  'units: 2147483647 units and one more line')
 ORDER BY 1, 2;

-- Deterministic order whatever the input order: by claim_id, line_no, rule_id.
SELECT f.claim_id, f.line_no, f.rule_id
  FROM (SELECT tpi_rules.check_day(l ORDER BY (l).claim_id DESC, (l).line_no DESC) AS fs
		  FROM day_cases WHERE name IN ('duplicate 20553 on two claims', 'both codes')
		 GROUP BY name) d,
	   unnest(d.fs) WITH ORDINALITY f
 ORDER BY f.ordinality;
SELECT f.claim_id, f.line_no, f.rule_id
  FROM (SELECT tpi_rules.check_day(l) AS fs FROM day_cases
		 WHERE name = 'other block medicare') d,
	   unnest(d.fs) WITH ORDINALITY f
 ORDER BY f.ordinality;

-- No rows: '{}'.  A NULL row in the group is skipped.
SELECT tpi_rules.check_day(l) FROM day_cases WHERE false;
SELECT cardinality(tpi_rules.check_day(x)) FROM (VALUES (NULL::tpi_rules.claim_line)) v(x);

-- Parallel workers and the combine function agree with a serial run.
INSERT INTO tpi_rules.claim_line
SELECT 'K' || (i / 3), (i % 3 + 1)::smallint, 'P' || (i / 12), 'medicare', NULL,
	   '2025-01-01'::date + (i / 6) % 30,
	   (ARRAY['20552', '20553', '99213', 'J2001', '76942', '20610'])[i % 6 + 1],
	   CASE WHEN i % 5 = 0 THEN '{XS}'::text[] END, 1 + (i % 11 = 0)::int, '{M79.18}', '11',
	   (ARRAY['{right trapezius}', '{right trapezius,left trapezius,QL}', NULL])[i % 3 + 1]::text[],
	   2, 'lidocaine', '2 ml', NULL, true, true, true, true, NULL
  FROM generate_series(0, 5999) i;
ANALYZE tpi_rules.claim_line;
CREATE TEMP TABLE serial_days AS
SELECT patient_id, date_of_service, tpi_rules.check_day(c) AS fs
  FROM tpi_rules.claim_line c GROUP BY 1, 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET parallel_leader_participation = off;
SET max_parallel_workers_per_gather = 2;
SET enable_hashagg = off;
CREATE FUNCTION pg_temp.plan_has(query text, pattern text) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
	line text;
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || query LOOP
		IF line LIKE pattern THEN
			RETURN true;
		END IF;
	END LOOP;
	RETURN false;
END
$$;
CREATE TEMP VIEW parallel_vs_serial AS
SELECT count(*) AS differences
  FROM (SELECT patient_id, date_of_service, tpi_rules.check_day(c) AS fs
		  FROM tpi_rules.claim_line c GROUP BY 1, 2) p
  FULL JOIN serial_days s USING (patient_id, date_of_service)
 WHERE p.fs IS DISTINCT FROM s.fs;
SELECT pg_temp.plan_has('SELECT * FROM parallel_vs_serial', '%Partial%Aggregate%') AS partial_aggregate,
	   pg_temp.plan_has('SELECT * FROM parallel_vs_serial', '%Gather%') AS gather;
SELECT differences FROM parallel_vs_serial;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET parallel_leader_participation;
RESET max_parallel_workers_per_gather;
RESET enable_hashagg;
SELECT count(*) AS days, sum(cardinality(fs)) > 0 AS some_findings FROM serial_days;
DELETE FROM tpi_rules.claim_line;
DELETE FROM tpi_rules.payer_policy WHERE payer_id = 'test_bundled';
