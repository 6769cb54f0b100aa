-- audit(): every rule over any table or view with the claim_line column
-- names; date ranges; bad input; errors; privileges; agreement with
-- check_line() and check_day().
SET datestyle = 'ISO, YMD';
SET timezone = 'UTC';

-- A user's claims table: claim_line's columns without its NOT NULLs, so it
-- can hold the bad lines the rules must report.
CREATE TABLE claims AS SELECT * FROM tpi_rules.claim_line WHERE false;

CREATE FUNCTION pg_temp.add(claim text, line int, patient text, payer text,
							dos date, code text, changes jsonb DEFAULT '{}')
RETURNS void LANGUAGE sql AS $$
	INSERT INTO claims
	SELECT (pg_catalog.jsonb_populate_record(NULL::claims,
		pg_catalog.jsonb_build_object(
			'claim_id', claim, 'line_no', line, 'patient_id', patient,
			'payer_id', payer, 'provider_npi', '1234567893',
			'date_of_service', dos, 'hcpcs', code, 'units', 1,
			'icd10', '{M79.18}'::text[], 'place_of_service', '11',
			'muscles', CASE WHEN code IN ('20552', '20553')
							THEN '{right upper trapezius,left levator scapulae}'::text[] END,
			'trigger_points', 4,
			'drug_name', CASE WHEN code IN ('20552', '20553') THEN 'lidocaine 1%' END,
			'drug_dose', CASE WHEN code IN ('20552', '20553') THEN '3 ml' END,
			'note_signed', true, 'post_procedure_plan', true,
			'conservative_care', true, 'tp_locations', true, 'guidance', 'none')
		|| changes)).*;
$$;

-- A: a clean Medicare claim (20552 with two muscles of one region, covered
-- diagnosis, the drug billed on the same claim, full documentation).
SELECT pg_temp.add('A1', 1, 'A', 'medicare', '2025-03-03', '20552');
SELECT pg_temp.add('A1', 2, 'A', 'medicare', '2025-03-03', 'J2001');
-- B: upcoded 20553 with an E/M without 25 the same day.
SELECT pg_temp.add('B1', 1, 'B', 'aetna', '2025-03-10', '20553', '{"units": 2}');
SELECT pg_temp.add('B1', 2, 'B', 'aetna', '2025-03-10', '99213');
-- F: Medicare sessions, one region; the fourth in twelve months breaks the
-- cap, the fifth also comes two weeks after the fourth.
SELECT pg_temp.add('F' || n, 1, 'F', 'medicare', d, '20552')
  FROM unnest('{2025-01-06,2025-03-03,2025-05-05,2025-07-07,2025-07-21}'::date[])
	   WITH ORDINALITY AS s(d, n);
SELECT pg_temp.add('F' || n, 2, 'F', 'medicare', d, 'J2001')
  FROM unnest('{2025-01-06,2025-03-03,2025-05-05,2025-07-07,2025-07-21}'::date[])
	   WITH ORDINALITY AS s(d, n);
-- X: bad input, one malformed value per line; line 9 is also downcoded.
SELECT pg_temp.add('X1', 1, 'X', 'aetna', '2025-04-01', '20552', '{"units": 0}');
SELECT pg_temp.add('X1', 2, 'X', 'aetna', '2025-04-01', '20552', '{"modifiers": ["XYZ"]}');
SELECT pg_temp.add('X1', 3, 'X', 'aetna', '2025-04-01', '2055');
SELECT pg_temp.add('X1', 4, 'X', 'aetna', '2025-04-01', '99213', '{"place_of_service": "77"}');
SELECT pg_temp.add('X2', 1, 'X', 'aetna', '1900-01-01', '99213');
SELECT pg_temp.add('X3', 1, 'X', 'aetna', '2200-01-01', '99213');
SELECT pg_temp.add('X4', 1, 'X', 'aetna', '2025-04-02', '２０５５２');
SELECT pg_temp.add('X4', 2, 'X', 'aetna', '2025-04-02', '99213', '{"modifiers": ["25", "ÅÅ"]}');
SELECT pg_temp.add('X4', 9, 'X', NULL, '2025-04-02', '20552',
				   '{"muscles": ["R trapezius", "L trapezius", "right levator scap"]}');
-- Lines with a NULL patient or date still get the line rules.
SELECT pg_temp.add('N1', 1, NULL, 'aetna', '2025-04-03', '20553');
SELECT pg_temp.add('N2', 1, 'N', 'aetna', NULL, '20553');
SELECT pg_temp.add(NULL, NULL, 'N', 'aetna', '2025-04-03', '20552', '{"units": 3}');

-- Every line's findings (rule IDs per line), in audit's own order.
SELECT a.patient_id, a.date_of_service, a.claim_id, a.line_no,
	   string_agg(a.rule_id, ' ' ORDER BY a.ordinality) AS rules
  FROM tpi_rules.audit('claims') WITH ORDINALITY a
 GROUP BY 1, 2, 3, 4
 ORDER BY min(a.ordinality);

-- The output is ordered by patient, date, claim_id, line_no, rule_id.
SELECT bool_and(ordinality = pos) AS ordered, count(*) AS findings
  FROM (SELECT a.ordinality,
			   row_number() OVER (ORDER BY a.patient_id, a.date_of_service,
								  a.claim_id COLLATE "C", a.line_no,
								  a.rule_id COLLATE "C", a.message COLLATE "C") AS pos
		  FROM tpi_rules.audit('claims') WITH ORDINALITY a) s;

-- No line is dropped: every line with a finding is there, bad ones included.
SELECT count(*) AS lines, count(a.claim_id) FILTER (WHERE true) AS with_findings
  FROM (SELECT DISTINCT claim_id, line_no FROM claims) c
  LEFT JOIN (SELECT DISTINCT claim_id, line_no FROM tpi_rules.audit('claims')) a
	ON a.claim_id IS NOT DISTINCT FROM c.claim_id AND a.line_no IS NOT DISTINCT FROM c.line_no
 WHERE c.claim_id NOT LIKE 'A%' AND c.claim_id NOT LIKE 'F%';

-- The clean Medicare claim has no finding above info.
SELECT count(*) AS above_info FROM tpi_rules.audit('claims')
 WHERE patient_id = 'A' AND severity > 'info';

-- Messages of the bad lines.
SELECT claim_id, line_no, message FROM tpi_rules.audit('claims')
 WHERE rule_id = 'input.invalid' ORDER BY 1, 2, 3;

-- Every rule ID audit emits is in the catalogue, with its severity.
SELECT DISTINCT a.rule_id, a.severity = r.severity AS severity_matches
  FROM tpi_rules.audit('claims') a LEFT JOIN tpi_rules.rule r USING (rule_id)
 ORDER BY 1;

-- Date ranges: NULL bounds are open; the frequency context before
-- from_date still counts (F's July sessions are still the 4th and 5th)
-- but its sessions are not reported.
SELECT count(*) AS all_rows,
	   (SELECT count(*) FROM tpi_rules.audit('claims', NULL, NULL)) AS null_bounds,
	   (SELECT count(*) FROM tpi_rules.audit('claims', '-infinity', 'infinity')) AS infinite_bounds
  FROM tpi_rules.audit('claims');
SELECT date_of_service, claim_id, line_no, rule_id
  FROM tpi_rules.audit('claims', '2025-07-01', NULL)
 ORDER BY 1, 2, 3, 4;
SELECT date_of_service, claim_id, line_no, rule_id
  FROM tpi_rules.audit('claims', '2025-03-03', '2025-03-10')
 ORDER BY 1, 2, 3, 4;
SELECT DISTINCT date_of_service FROM tpi_rules.audit('claims', NULL, '2025-03-09')
 ORDER BY 1;
SELECT * FROM tpi_rules.audit('claims', '2025-03-04', '2025-03-03');

-- A temp table with only the required columns (other names, types and
-- order); missing optional columns read as NULL.
CREATE TEMP TABLE slim (hcpcs char(5), extra int, date_of_service date,
						line_no integer, claim_id varchar, patient_id text,
						payer_id text);
INSERT INTO slim VALUES ('20553', 0, '2025-05-01', 1, 'S1', 'S', 'aetna'),
						('99213', 0, '2025-05-01', 2, 'S1', 'S', 'aetna');
SELECT claim_id, line_no, rule_id, count(*)
  FROM tpi_rules.audit('slim') GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
ALTER TABLE slim DROP COLUMN extra;
SELECT count(*) FROM tpi_rules.audit('pg_temp.slim');

-- A view that renames a user's columns to the claim_line names.
CREATE TABLE legacy (clm text, ln smallint, member text, plan text, dos date,
					 cpt text, mods text[], qty integer);
INSERT INTO legacy VALUES ('L1', 1, 'M', 'medicare', '2025-06-02', '20552', '{50}', 2);
CREATE VIEW legacy_claims AS
SELECT clm AS claim_id, ln AS line_no, member AS patient_id, plan AS payer_id,
	   dos AS date_of_service, cpt AS hcpcs, mods AS modifiers, qty AS units
  FROM legacy;
SELECT claim_id, line_no, rule_id, count(*)
  FROM tpi_rules.audit('legacy_claims') GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;

-- Errors: a missing required column names it; a column of the wrong type;
-- a NULL relation; something that is not a table or view.
CREATE TEMP TABLE no_payer (claim_id text, line_no int, patient_id text,
							date_of_service date, hcpcs text);
SELECT * FROM tpi_rules.audit('no_payer');
CREATE TEMP TABLE text_dates (claim_id text, line_no int, patient_id text,
							  payer_id text, date_of_service text, hcpcs text);
SELECT * FROM tpi_rules.audit('text_dates');
-- both are bad input (SPEC section 10): SQLSTATE 22023
DO $$
DECLARE
	st text;
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['no_payer', 'text_dates'] LOOP
		BEGIN
			PERFORM * FROM tpi_rules.audit(t::regclass);
		EXCEPTION WHEN OTHERS THEN
			GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE;
			RAISE NOTICE '%: %', t, st;
		END;
	END LOOP;
END
$$;
SELECT * FROM tpi_rules.audit(NULL);
CREATE SEQUENCE not_a_table;
SELECT * FROM tpi_rules.audit('not_a_table');

-- Privileges: SPI runs as the caller, so normal permission checks apply.
\set VERBOSITY terse
-- The reference tables are read as the extension owner: the role needs no
-- privilege on them, only on the claims.
CREATE ROLE regress_tpi_rules_auditor;
SET ROLE regress_tpi_rules_auditor;
SELECT count(*) FROM tpi_rules.audit('claims');
RESET ROLE;
GRANT SELECT (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs)
	ON claims TO regress_tpi_rules_auditor;
SET ROLE regress_tpi_rules_auditor;
SELECT count(*) FROM tpi_rules.audit('claims');
RESET ROLE;
GRANT SELECT ON claims TO regress_tpi_rules_auditor;
SELECT count(*) AS all_rows FROM tpi_rules.audit('claims') \gset
SELECT count(*) AS march_on FROM tpi_rules.audit('claims', '2025-03-01', NULL) \gset
SET ROLE regress_tpi_rules_auditor;
SELECT (SELECT count(*) FROM tpi_rules.audit('claims')) = :all_rows AS same_all,
	   (SELECT count(*) FROM tpi_rules.audit('claims', '2025-03-01', NULL)) = :march_on AS same_from_march;
SELECT count(*) FROM tpi_rules.payer_policy;
RESET ROLE;
DROP OWNED BY regress_tpi_rules_auditor;
DROP ROLE regress_tpi_rules_auditor;
\set VERBOSITY default

-- audit() agrees with check_line() + check_day() on the claim_line table,
-- and reads the reference tables once per query, not once per line.
INSERT INTO tpi_rules.claim_line
SELECT 'K' || (i / 3), (i % 3 + 1)::smallint, 'P' || (i / 12),
	   (ARRAY['medicare', 'aetna', 'emblemhealth', 'nobody'])[i / 12 % 4 + 1], NULL,
	   '2025-01-01'::date + (i / 6) % 30 * 7,
	   (ARRAY['20552', '20553', '99213', 'J2001', '76942', '20610'])[i % 6 + 1],
	   CASE WHEN i % 5 = 0 THEN '{XS}'::text[] END, 1 + (i % 11 = 0)::int, '{M79.18}', '11',
	   (ARRAY['{right trapezius}', '{right trapezius,left trapezius,QL}', NULL])[i % 3 + 1]::text[],
	   2, (ARRAY['lidocaine', 'saline', NULL])[i % 3 + 1], '2 ml', NULL,
	   i % 7 <> 0, true, true, true, NULL
  FROM generate_series(0, 2999) i;
SELECT (SELECT count(*) FROM (
			SELECT claim_id, line_no, rule_id, severity, message
			  FROM tpi_rules.audit('tpi_rules.claim_line') WHERE rule_id NOT LIKE 'freq.%'
			EXCEPT ALL
			(SELECT f.claim_id, f.line_no, f.rule_id, f.severity, f.message
			   FROM tpi_rules.claim_line c, tpi_rules.check_line(c) f
			 UNION ALL
			 SELECT f.claim_id, f.line_no, f.rule_id, f.severity, f.message
			   FROM (SELECT tpi_rules.check_day(c) AS fs FROM tpi_rules.claim_line c
					  GROUP BY patient_id, date_of_service) d, unnest(d.fs) f)) x) AS audit_only,
	   (SELECT count(*) FROM (
			(SELECT f.claim_id, f.line_no, f.rule_id, f.severity, f.message
			   FROM tpi_rules.claim_line c, tpi_rules.check_line(c) f
			 UNION ALL
			 SELECT f.claim_id, f.line_no, f.rule_id, f.severity, f.message
			   FROM (SELECT tpi_rules.check_day(c) AS fs FROM tpi_rules.claim_line c
					  GROUP BY patient_id, date_of_service) d, unnest(d.fs) f)
			EXCEPT ALL
			SELECT claim_id, line_no, rule_id, severity, message
			  FROM tpi_rules.audit('tpi_rules.claim_line') WHERE rule_id NOT LIKE 'freq.%') x) AS checks_only,
	   (SELECT count(*) FROM tpi_rules.audit('tpi_rules.claim_line')) AS findings;

-- Scans of a table and its indexes so far in this transaction (pending
-- statistics), whatever plan reads it.
CREATE FUNCTION pg_temp.scans(rel regclass) RETURNS bigint
LANGUAGE sql AS $$
	SELECT pg_stat_get_xact_numscans(rel)
		   + coalesce((SELECT sum(pg_stat_get_xact_numscans(indexrelid))
						 FROM pg_index WHERE indrelid = rel), 0)::bigint;
$$;
-- The delta over one audit() of 3000 lines, after a no-op UPDATE has made
-- every backend drop its cached copy of the policy and muscle tables.
BEGIN;
UPDATE tpi_rules.payer_policy SET name = name WHERE false;
UPDATE tpi_rules.muscle SET name = name WHERE false;
SELECT pg_temp.scans('tpi_rules.payer_policy') AS policy0,
	   pg_temp.scans('tpi_rules.covered_dx') AS dx0,
	   pg_temp.scans('tpi_rules.muscle') AS muscle0,
	   pg_temp.scans('tpi_rules.rvu') AS rvu0 \gset
SELECT count(*) AS findings FROM tpi_rules.audit('tpi_rules.claim_line', '2025-01-01', NULL);
-- payer_policy: the cache and the frequency context window; the others once.
SELECT pg_temp.scans('tpi_rules.payer_policy') - :policy0 AS policy_scans,
	   pg_temp.scans('tpi_rules.covered_dx') - :dx0 AS covered_dx_scans,
	   pg_temp.scans('tpi_rules.muscle') - :muscle0 AS muscle_scans,
	   pg_temp.scans('tpi_rules.rvu') - :rvu0 <= 1 AS rvu_at_most_once;
COMMIT;
DELETE FROM tpi_rules.claim_line;

-- Q: four Medicare sessions; the fourth breaks the cap, and its TPI line
-- has a NULL line_no: the frequency finding names that line as it is
-- (line_no NULL, after the claim's numbered lines), the first three
-- sessions are silent.
DELETE FROM claims;
SELECT pg_temp.add('Q' || n, CASE WHEN n < 4 THEN 1 END, 'Q', 'medicare', d, '20552')
  FROM unnest('{2025-01-06,2025-03-03,2025-05-05,2025-07-07}'::date[]) WITH ORDINALITY AS s(d, n);
SELECT pg_temp.add('Q' || n, 2, 'Q', 'medicare', d, 'J2001')
  FROM unnest('{2025-01-06,2025-03-03,2025-05-05,2025-07-07}'::date[]) WITH ORDINALITY AS s(d, n);
SELECT claim_id, line_no, date_of_service, rule_id
  FROM tpi_rules.audit('claims') WITH ORDINALITY AS a(claim_id, line_no, patient_id, date_of_service,
													rule_id, severity, message, ord)
 ORDER BY ord;

-- K: TPI lines with neither claim_id nor line_no, two days apart (Aetna's
-- 7 days): the frequency finding names its line as every rule's does.
DELETE FROM claims;
SELECT count(*) AS lines FROM (
	SELECT pg_temp.add(NULL, NULL, 'K', 'aetna', d, '20552')
	  FROM unnest('{2025-01-06,2025-01-08}'::date[]) AS s(d)) x;
SELECT rule_id, message FROM tpi_rules.audit('claims')
 WHERE rule_id LIKE 'freq.%';
SELECT (f).rule_id, (f).message
  FROM (SELECT unnest(tpi_rules.audit_patient(c::tpi_rules.claim_line)) AS f
		  FROM (SELECT ROW(c.*)::tpi_rules.claim_line AS c FROM claims AS c) AS x) AS y
 WHERE (f).rule_id LIKE 'freq.%';

-- Z: a placeholder patient with 300 claims on one date (20552 and its
-- drug line each): every claim after the first gets day.duplicate_code on
-- its own TPI line, in claim order, and the cap counts the date once.
DELETE FROM claims;
SELECT count(*) AS lines FROM (
	SELECT pg_temp.add('Z' || lpad(n::text, 3, '0'), 1, 'Z', 'medicare', '2025-03-03', '20552')
	  FROM generate_series(1, 300) n
	UNION ALL
	SELECT pg_temp.add('Z' || lpad(n::text, 3, '0'), 2, 'Z', 'medicare', '2025-03-03', 'J2001')
	  FROM generate_series(1, 300) n) x;
SELECT count(*) AS duplicate_code, count(DISTINCT claim_id) AS claims,
	   min(claim_id) AS first, bool_and(line_no = 1) AS on_tpi_line,
	   bool_and(ord = rn) AS in_claim_order
  FROM (SELECT a.*, row_number() OVER (ORDER BY claim_id) AS rn
		  FROM tpi_rules.audit('claims') WITH ORDINALITY AS a(claim_id, line_no, patient_id,
				date_of_service, rule_id, severity, message, ord)) x
 WHERE rule_id = 'day.duplicate_code';
SELECT rule_id, count(*) FROM tpi_rules.audit('claims') GROUP BY 1 ORDER BY 1;
DROP VIEW legacy_claims;
DROP TABLE legacy, claims;
DROP SEQUENCE not_a_table;

-- ndc: a text column is judged (11 digits, or 5-4-2; blank is none); a
-- table that has an ndc of another type (a warehouse's number) is audited
-- as before, its ndc unread.
CREATE TABLE ndc_text (claim_id text, line_no int, patient_id text, payer_id text,
					   date_of_service date, hcpcs text, ndc char(13));
INSERT INTO ndc_text VALUES
	('N1', 1, 'N', 'aetna', '2025-03-03', 'J2001', '0409-4276-01'),
	('N1', 2, 'N', 'aetna', '2025-03-03', 'J2001', '00409427601'),
	('N1', 3, 'N', 'aetna', '2025-03-03', 'J2001', ''),
	('N1', 4, 'N', 'aetna', '2025-03-03', 'J2001', NULL);
SELECT claim_id, line_no, rule_id FROM tpi_rules.audit('ndc_text') ORDER BY 1, 2;
CREATE TABLE ndc_number (claim_id text, line_no int, patient_id text, payer_id text,
						 date_of_service date, hcpcs text, ndc bigint);
INSERT INTO ndc_number VALUES ('N2', 1, 'N', 'aetna', '2025-03-03', 'J2001', 409427601);
SELECT count(*) AS findings FROM tpi_rules.audit('ndc_number');
DROP TABLE ndc_text, ndc_number;
