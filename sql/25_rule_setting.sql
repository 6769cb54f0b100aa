-- Rule settings (SPEC section 13) and the catalogue as the one source of
-- severity: rule_setting switches a rule off or changes its severity per
-- payer (a payer row wins over a NULL-payer row, which wins over
-- tpi_rules.rule); editing tpi_rules.rule.severity takes effect too.  Seen
-- by the next statement, in check_line, check_day, frequency_check,
-- audit, the views and the guard's reject decision.
SET datestyle = 'ISO, YMD';
SET timezone = 'UTC';

CREATE TEMP TABLE saved_rule AS SELECT * FROM tpi_rules.rule WHERE rule_id = 'code.upcoded';

-- An upcoded 20553 (two muscles) with the drug line on the claim.
CREATE TABLE claims (LIKE tpi_rules.claim_line);
INSERT INTO claims (claim_id, line_no, patient_id, payer_id, date_of_service,
					hcpcs, units, icd10, place_of_service, muscles, trigger_points,
					drug_name, drug_dose, note_signed, post_procedure_plan,
					conservative_care, tp_locations, guidance)
SELECT 'C' || p, 1, 'P' || p, p, '2025-03-03', '20553', 1, '{M79.18}', '11',
	   '{right trapezius,left trapezius}', 2, 'lidocaine', '2 ml', true, p <> 'aetna',
	   true, true, 'none'
  FROM unnest(ARRAY['medicare', 'aetna']) p;
INSERT INTO claims (claim_id, line_no, patient_id, payer_id, date_of_service,
					hcpcs, units, icd10, place_of_service)
SELECT 'C' || p, 2, 'P' || p, p, '2025-03-03', 'J2001', 1, '{M79.18}', '11'
  FROM unnest(ARRAY['medicare', 'aetna']) p;
CREATE VIEW audit_out AS
SELECT claim_id, line_no, rule_id, severity FROM tpi_rules.audit('claims');

SELECT * FROM audit_out ORDER BY 1, 2, 3;

-- code.upcoded off for Aetna only; doc.missing_element an error for every
-- payer, but info for Medicare (a payer row wins over the NULL-payer row).
INSERT INTO tpi_rules.rule_setting (payer_id, rule_id, enabled, severity) VALUES
	('aetna', 'code.upcoded', false, NULL),
	(NULL, 'doc.missing_element', true, 'error'),
	('medicare', 'doc.missing_element', true, 'info');
SELECT * FROM audit_out ORDER BY 1, 2, 3;
SELECT l.payer_id, f.rule_id, f.severity
  FROM claims l, tpi_rules.check_line(ROW(l.*)::tpi_rules.claim_line) f
 WHERE l.line_no = 1 ORDER BY 1, 2;

-- The catalogue's severity: code.upcoded a warning for everyone (Aetna's
-- row still switches it off), in the same session.
UPDATE tpi_rules.rule SET severity = 'warning' WHERE rule_id = 'code.upcoded';
SELECT * FROM audit_out WHERE rule_id = 'code.upcoded' ORDER BY 1, 2, 3;
SELECT builtin FROM tpi_rules.rule WHERE rule_id = 'code.upcoded';

-- check_day: day.duplicate_code off for Medicare, an info elsewhere.
INSERT INTO tpi_rules.rule_setting (payer_id, rule_id, enabled, severity) VALUES
	('medicare', 'day.duplicate_code', false, NULL),
	(NULL, 'day.duplicate_code', true, 'info');
SELECT p AS payer_id, (SELECT string_agg(f.rule_id || ':' || f.severity, ' ' ORDER BY f.rule_id)
						 FROM unnest(d.fs) f) AS findings
  FROM unnest(ARRAY['medicare', 'aetna']) p,
	   LATERAL (SELECT tpi_rules.check_day(x.l) AS fs
				  FROM (SELECT ROW('D' || i, 1, 'P', p, NULL, '2025-03-03', '20552', NULL, 1,
								   '{M79.18}', '11', '{right trapezius}', 1, 'lidocaine',
								   '1 mL', NULL, true, true, true, true, 'none', NULL,
								   NULL)::tpi_rules.claim_line AS l
						  FROM generate_series(1, 2) i) x) d
 ORDER BY 1;

-- Settings follow payer_map: a claim payer mapped to Medicare gets
-- Medicare's rows.
INSERT INTO tpi_rules.payer_map VALUES ('00431', 'medicare');
SELECT f.rule_id, f.severity
  FROM tpi_rules.check_line(ROW('M1', 1, 'P', '00431', NULL, '2025-03-03', '20552', NULL, 1,
								'{M79.18}', '11', '{right trapezius}', 1, 'lidocaine', '1 mL',
								NULL, false, true, true, true, 'none', NULL,
								NULL)::tpi_rules.claim_line) f
 ORDER BY 1;

-- frequency_check: findings without a payer of their own follow the rows
-- for every payer.
INSERT INTO tpi_rules.rule_setting (payer_id, rule_id, enabled, severity)
VALUES (NULL, 'freq.rolling_cap', true, 'warning');
SELECT f.rule_id, f.severity
  FROM unnest((SELECT tpi_rules.frequency_check(d, '{cervical}', 'medicare')
				 FROM unnest(ARRAY['2025-01-06', '2025-03-03', '2025-05-05', '2025-07-07']::date[]) d)) f;

-- The views read the effective severity through audit().
BEGIN;
DELETE FROM tpi_rules.claim_line;
INSERT INTO tpi_rules.claim_line SELECT * FROM claims;
SELECT rule_id, severity, findings FROM tpi_rules.v_findings_by_rule ORDER BY 1;
ROLLBACK;

-- The guard rejects on the effective severity: code.upcoded is a warning
-- now, so the upcoded line is let through; an error again, it is refused;
-- switched off for Aetna, Aetna's line passes.
CREATE TABLE guarded (LIKE tpi_rules.claim_line);
CREATE INDEX ON guarded (patient_id, date_of_service);
CREATE TRIGGER guard BEFORE INSERT OR UPDATE ON guarded
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('reject');
DELETE FROM tpi_rules.rule_setting WHERE rule_id = 'doc.missing_element';
INSERT INTO guarded SELECT * FROM claims WHERE claim_id = 'Cmedicare' ORDER BY line_no;
UPDATE tpi_rules.rule SET severity = 'error' WHERE rule_id = 'code.upcoded';
INSERT INTO guarded SELECT * FROM claims WHERE claim_id = 'Cmedicare' AND line_no = 1;
INSERT INTO guarded
SELECT claim_id || 'x', line_no, patient_id || 'x', payer_id, provider_npi, date_of_service,
	   hcpcs, modifiers, units, icd10, place_of_service, muscles, trigger_points,
	   drug_name, drug_dose, claim_note, true, true, true, true, guidance, charge, ndc
  FROM claims WHERE claim_id = 'Caetna' ORDER BY line_no;
SELECT claim_id, line_no FROM guarded ORDER BY 1, 2;
-- COMMIT is the next statement: a waiting drug.missing_on_claim whose rule
-- is switched off (or set below error) before it no longer rejects; one
-- left an error still does.  A 20552 line of two muscles, without its
-- drug line:
CREATE FUNCTION pg_temp.lone(claim text) RETURNS SETOF tpi_rules.claim_line
LANGUAGE sql AS $$
	SELECT claim, line_no, 'P' || claim, payer_id, provider_npi, date_of_service, '20552',
		   modifiers, units, icd10, place_of_service, muscles, trigger_points, drug_name,
		   drug_dose, claim_note, note_signed, post_procedure_plan, conservative_care,
		   tp_locations, guidance, charge, ndc
	  FROM claims WHERE claim_id = 'Cmedicare' AND line_no = 1
$$;
BEGIN;
INSERT INTO guarded SELECT * FROM pg_temp.lone('Cv');
INSERT INTO tpi_rules.rule_setting VALUES ('medicare', 'drug.missing_on_claim', false, NULL);
COMMIT;
BEGIN;
INSERT INTO guarded SELECT * FROM pg_temp.lone('Cw');
UPDATE tpi_rules.rule_setting SET enabled = true, severity = 'warning'
 WHERE rule_id = 'drug.missing_on_claim';
COMMIT;
DELETE FROM tpi_rules.rule_setting WHERE rule_id = 'drug.missing_on_claim';
BEGIN;
INSERT INTO guarded SELECT * FROM pg_temp.lone('Cx');
INSERT INTO tpi_rules.rule_setting VALUES ('aetna', 'drug.missing_on_claim', false, NULL);
COMMIT;
DELETE FROM tpi_rules.rule_setting WHERE rule_id = 'drug.missing_on_claim';
SELECT claim_id, line_no FROM guarded WHERE claim_id IN ('Cv', 'Cw', 'Cx') ORDER BY 1, 2;
-- The rejection at COMMIT lists the row's other findings as the settings
-- then judge them: the unsigned note's warning, switched off meanwhile,
-- is left out.
BEGIN;
INSERT INTO guarded
SELECT (jsonb_populate_record(l, '{"note_signed": false}')).* FROM pg_temp.lone('Cy') l;
INSERT INTO tpi_rules.rule_setting VALUES ('medicare', 'doc.missing_element', false, NULL);
COMMIT;
DELETE FROM tpi_rules.rule_setting WHERE rule_id = 'doc.missing_element';

-- effective_severity() answers as the rules judge: Aetna's upcoding is
-- off, everyone else's an error; a payer_map source gets Medicare's rows;
-- an unknown rule is an error.
SELECT p AS payer_id, tpi_rules.effective_severity('code.upcoded', p) AS upcoded,
	   tpi_rules.effective_severity('doc.missing_element', p) AS missing_element
  FROM unnest(ARRAY['aetna', 'medicare', '00431', 'nobody', NULL]) p;
SELECT tpi_rules.effective_severity(NULL, 'aetna') AS null_rule;
SELECT tpi_rules.effective_severity('code.upcodedd', 'aetna');

-- next_eligible_date() and v_frequency_status drop a cap or an interval
-- whose rule is switched off for the payer.  Medicare: 3 sessions in 12
-- months, 6 weeks apart; evicore: 4 a year, 2 months apart.
SELECT p AS payer_id,
	   tpi_rules.next_eligible_date('{2025-01-06,2025-03-03,2025-05-05}', p, '2025-05-12') AS next_date
  FROM unnest(ARRAY['medicare', 'evicore']) p;
INSERT INTO tpi_rules.rule_setting (payer_id, rule_id, enabled, severity) VALUES
	('medicare', 'freq.rolling_cap', false, NULL),
	('evicore', 'freq.min_interval', false, NULL);
SELECT p AS payer_id,
	   tpi_rules.next_eligible_date('{2025-01-06,2025-03-03,2025-05-05}', p, '2025-05-12') AS next_date
  FROM unnest(ARRAY['medicare', 'evicore']) p;
BEGIN;
DELETE FROM tpi_rules.claim_line;
INSERT INTO tpi_rules.claim_line (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, units)
SELECT 'F' || p || d, 1, 'P' || p, p, d, '20552', 1
  FROM unnest(ARRAY['medicare', 'evicore', 'aetna']) p,
	   unnest(ARRAY['2025-01-06', '2025-03-03', '2025-05-05']::date[]) d;
INSERT INTO tpi_rules.rule_setting (payer_id, rule_id, enabled, severity) VALUES
	('aetna', 'freq.min_interval', false, NULL);
SELECT payer_id, sessions_in_window, max_sessions, cap_window, min_interval,
	   next_eligible_date, status
  FROM tpi_rules.frequency_status('2025-05-12') ORDER BY payer_id;
ROLLBACK;
-- A row for the lines' own source id wins there too, as in the rules.
BEGIN;
DELETE FROM tpi_rules.claim_line;
INSERT INTO tpi_rules.payer_map VALUES ('AETX', 'aetna');
INSERT INTO tpi_rules.claim_line (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, units)
VALUES ('X1', 1, 'PX', 'AETX', '2025-05-10', '20552', 1), ('Y1', 1, 'PY', 'aetna', '2025-05-10', '20552', 1);
INSERT INTO tpi_rules.rule_setting (payer_id, rule_id, enabled, severity) VALUES
	('AETX', 'freq.min_interval', false, NULL);
SELECT patient_id, payer_id, min_interval, next_eligible_date, status
  FROM tpi_rules.frequency_status('2025-05-12') ORDER BY patient_id;
ROLLBACK;
DELETE FROM tpi_rules.rule_setting WHERE rule_id LIKE 'freq.%' AND payer_id IS NOT NULL;

-- An unknown rule_id in rule_setting changes nothing; settings are owner-only.
INSERT INTO tpi_rules.rule_setting VALUES (NULL, 'no.such_rule', false, NULL);
SELECT count(*) AS medicare_findings FROM audit_out WHERE claim_id = 'Cmedicare';
SELECT has_table_privilege('tpi_reporting', 'tpi_rules.rule_setting', 'SELECT') AS reporting_reads;

DROP TABLE guarded;
DROP VIEW audit_out;
DROP TABLE claims;
DELETE FROM tpi_rules.rule_setting;
DELETE FROM tpi_rules.payer_map;
DELETE FROM tpi_rules.rule WHERE rule_id = 'code.upcoded';
INSERT INTO tpi_rules.rule SELECT * FROM saved_rule;
SELECT rule_id, severity, builtin FROM tpi_rules.rule WHERE rule_id = 'code.upcoded';
