-- The dashboard views over a small fixed set of claim lines with known
-- findings and payments.  Everything runs in one transaction that is rolled
-- back, so lines other tests left in tpi_rules.claim_line neither disturb
-- the numbers here nor are lost.
SET datestyle = 'ISO, YMD';
SET timezone = 'UTC';
BEGIN;
DELETE FROM tpi_rules.claim_line;

-- Provider 1111111111 bills commercial_default (CPT/NCCI rules only) and
-- Aetna (7 days between sessions); provider 2222222222 bills Medicare
-- (drug on the claim, covered diagnoses, 3 sessions per 12 months, 6 weeks
-- between sessions in a region).  Every line is fully documented except
-- for the one fault it was written to show.
INSERT INTO tpi_rules.claim_line
	(claim_id, line_no, patient_id, payer_id, provider_npi, date_of_service,
	 hcpcs, modifiers, units, icd10, place_of_service, muscles, trigger_points,
	 drug_name, drug_dose, note_signed, post_procedure_plan, conservative_care,
	 tp_locations, guidance)
SELECT v.claim_id, v.line_no, v.patient_id, v.payer_id, v.npi, v.dos::date,
	   v.hcpcs, v.mods::text[], v.units, v.dx::text[], v.pos,
	   CASE WHEN v.hcpcs IN ('20552', '20553') THEN v.muscles::text[] END,
	   CASE WHEN v.hcpcs IN ('20552', '20553') THEN 2 END,
	   CASE WHEN v.hcpcs IN ('20552', '20553') THEN 'lidocaine 1%' END,
	   CASE WHEN v.hcpcs IN ('20552', '20553') THEN '2 mL' END,
	   v.signed, true, true, true, 'none'
FROM (VALUES
	-- clean: 2 muscles, 20552
	('a01', 1, 'P01', 'commercial_default', '1111111111', '2025-01-06', '20552', '{}', 1, '{M79.18}', '11', '{right upper trapezius,left upper trapezius}', true),
	-- code.upcoded: 20553 for 2 muscles
	('a02', 1, 'P02', 'commercial_default', '1111111111', '2025-01-13', '20553', '{}', 1, '{M79.18}', '11', '{R trapezius,L trapezius}', true),
	-- code.downcoded in the office: 3 muscles billed as 20552
	('a03', 1, 'P03', 'commercial_default', '1111111111', '2025-01-20', '20552', '{}', 1, '{M79.18}', '11', '{R trapezius,L trapezius,R levator scapulae}', true),
	-- code.downcoded in an on-campus hospital department (facility rates)
	('a04', 1, 'P04', 'commercial_default', '1111111111', '2025-02-03', '20552', '{}', 1, '{M79.18}', '22', '{R trapezius,L trapezius,R levator scapulae}', true),
	-- units.over_mue
	('a05', 1, 'P05', 'commercial_default', '1111111111', '2025-02-10', '20552', '{}', 2, '{M79.18}', '11', '{R trapezius,L trapezius}', true),
	-- modifier.bilateral
	('a06', 1, 'P06', 'commercial_default', '1111111111', '2025-02-17', '20552', '{50}', 1, '{M79.18}', '11', '{R trapezius,L trapezius}', true),
	-- 20552-LT + 20552-RT: modifier.laterality twice, day.duplicate_code
	('a07', 1, 'P07', 'commercial_default', '1111111111', '2025-03-03', '20552', '{LT}', 1, '{M79.18}', '11', '{left trapezius}', true),
	('a07', 2, 'P07', 'commercial_default', '1111111111', '2025-03-03', '20552', '{RT}', 1, '{M79.18}', '11', '{right trapezius}', true),
	-- E/M without 25 on the TPI date: day.em_without_25
	('a08', 1, 'P08', 'commercial_default', '1111111111', '2025-03-10', '99213', '{}', 1, '{M79.18}', '11', NULL, true),
	('a08', 2, 'P08', 'commercial_default', '1111111111', '2025-03-10', '20552', '{}', 1, '{M79.18}', '11', '{R trapezius,L trapezius}', true),
	-- note not signed: doc.missing_element
	('a09', 1, 'P09', 'commercial_default', '1111111111', '2025-03-17', '20552', '{}', 1, '{M79.18}', '11', '{R trapezius,L trapezius}', false),
	-- region only: doc.region_only and code.no_muscles
	('a10', 1, 'P10', 'commercial_default', '1111111111', '2025-03-24', '20552', '{}', 1, '{M79.18}', '11', '{shoulder}', true),
	-- clean 20553, no rendering provider on the line
	('a11', 1, 'P11', 'commercial_default', NULL, '2025-03-31', '20553', '{}', 1, '{M79.18}', '11', '{R trapezius,L trapezius,R levator scapulae}', true),
	-- 2024: no RVU release shipped, so the line has no price (units.over_mue)
	('a12', 1, 'P12', 'commercial_default', '1111111111', '2024-12-16', '20553', '{}', 2, '{M79.18}', '11', '{R trapezius,L trapezius,R levator scapulae}', true),
	-- Aetna: two sessions 3 days apart, freq.min_interval on the second
	('a13', 1, 'P13', 'aetna', '1111111111', '2025-06-02', '20552', '{}', 1, '{M79.18}', '11', '{R trapezius,L trapezius}', true),
	('a14', 1, 'P13', 'aetna', '1111111111', '2025-06-05', '20552', '{}', 1, '{M79.18}', '11', '{R trapezius,L trapezius}', true),
	-- Medicare patient M01: four sessions about 9 weeks apart, all cervical,
	-- each with its drug line (J3301 triamcinolone): freq.rolling_cap on the 4th
	('b01', 1, 'M01', 'medicare', '2222222222', '2025-01-07', '20552', '{}', 1, '{M79.18}', '11', '{R trapezius,L trapezius}', true),
	('b01', 2, 'M01', 'medicare', '2222222222', '2025-01-07', 'J3301', '{}', 4, '{M79.18}', '11', NULL, true),
	('b02', 1, 'M01', 'medicare', '2222222222', '2025-03-11', '20552', '{}', 1, '{M79.18}', '11', '{R trapezius,L trapezius}', true),
	('b02', 2, 'M01', 'medicare', '2222222222', '2025-03-11', 'J3301', '{}', 4, '{M79.18}', '11', NULL, true),
	('b03', 1, 'M01', 'medicare', '2222222222', '2025-05-13', '20552', '{}', 1, '{M79.18}', '11', '{R trapezius,L trapezius}', true),
	('b03', 2, 'M01', 'medicare', '2222222222', '2025-05-13', 'J3301', '{}', 4, '{M79.18}', '11', NULL, true),
	('b04', 1, 'M01', 'medicare', '2222222222', '2025-07-15', '20552', '{}', 1, '{M79.18}', '11', '{R trapezius,L trapezius}', true),
	('b04', 2, 'M01', 'medicare', '2222222222', '2025-07-15', 'J3301', '{}', 4, '{M79.18}', '11', NULL, true),
	-- M02: two weeks between sessions in one region: freq.min_interval
	('b05', 1, 'M02', 'medicare', '2222222222', '2025-04-01', '20552', '{}', 1, '{M79.18}', '11', '{R trapezius,L trapezius}', true),
	('b05', 2, 'M02', 'medicare', '2222222222', '2025-04-01', 'J3301', '{}', 4, '{M79.18}', '11', NULL, true),
	('b06', 1, 'M02', 'medicare', '2222222222', '2025-04-15', '20552', '{}', 1, '{M79.18}', '11', '{R trapezius,L trapezius}', true),
	('b06', 2, 'M02', 'medicare', '2222222222', '2025-04-15', 'J3301', '{}', 4, '{M79.18}', '11', NULL, true),
	-- M03: no drug line on the claim: drug.missing_on_claim
	('b07', 1, 'M03', 'medicare', '2222222222', '2025-05-20', '20552', '{}', 1, '{M79.18}', '11', '{R trapezius,L trapezius}', true),
	-- M04: low back pain is not a covered diagnosis: dx.not_covered
	('b08', 1, 'M04', 'medicare', '2222222222', '2025-06-03', '20552', '{}', 1, '{M54.50}', '11', '{R trapezius,L trapezius}', true),
	('b08', 2, 'M04', 'medicare', '2222222222', '2025-06-03', 'J3301', '{}', 4, '{M54.50}', '11', NULL, true)
) AS v(claim_id, line_no, patient_id, payer_id, npi, dos, hcpcs, mods, units, dx, pos, muscles, signed);

-- The findings the views summarise.
SELECT claim_id, line_no, rule_id, severity
FROM tpi_rules.audit('tpi_rules.claim_line')
ORDER BY claim_id, line_no, rule_id;

-- The prices behind the money columns (2025 national; 2024 and drugs unpriced).
SELECT h, pos, tpi_rules.expected_payment_or_null(h, '2025-06-01', pos) AS pay
FROM (VALUES ('20552'), ('20553'), ('99213'), ('J3301')) AS c(h),
     (VALUES ('11'), ('22')) AS p(pos)
ORDER BY h, pos;
SELECT tpi_rules.expected_payment_or_null('20553', '2024-12-16', '11') AS unpriced_2024;

SELECT * FROM tpi_rules.v_findings_by_rule ORDER BY rule_id;
SELECT * FROM tpi_rules.v_findings_by_provider_month ORDER BY provider_npi, month, rule_id;
SELECT * FROM tpi_rules.v_revenue_at_risk ORDER BY month;
SELECT * FROM tpi_rules.v_revenue_at_risk_by_provider ORDER BY month, provider_npi;

-- Cross-checks against the audit itself.  Revenue at risk: the payment of
-- the distinct lines with an error finding.  Dollars at stake per rule:
-- each line counted once per rule, its payment, or for code.downcoded the
-- money left behind (20553 minus 20552), as in v_revenue_at_risk.
WITH err AS (
	SELECT DISTINCT claim_id, line_no
	FROM tpi_rules.audit('tpi_rules.claim_line') WHERE severity = 'error'
)
SELECT (SELECT sum(revenue_at_risk) FROM tpi_rules.v_revenue_at_risk)
	   = (SELECT sum(tpi_rules.expected_payment_or_null(c.hcpcs, c.date_of_service,
														 c.place_of_service))
		  FROM tpi_rules.claim_line c JOIN err USING (claim_id, line_no)) AS risk_agrees,
	   (SELECT sum(error_lines) FROM tpi_rules.v_revenue_at_risk)
	   = (SELECT count(*) FROM err) AS error_lines_agree;
SELECT r.rule_id, r.dollars_at_stake, x.pay
FROM tpi_rules.v_findings_by_rule r
JOIN (SELECT a.rule_id,
			 coalesce(sum(CASE WHEN a.rule_id = 'code.downcoded'
							   THEN tpi_rules.expected_payment_or_null('20553', c.date_of_service,
																	   c.place_of_service)
									- tpi_rules.expected_payment_or_null('20552', c.date_of_service,
																		 c.place_of_service)
							   ELSE tpi_rules.expected_payment_or_null(c.hcpcs, c.date_of_service,
																	   c.place_of_service) END), 0) AS pay
	  FROM (SELECT DISTINCT rule_id, claim_id, line_no
			FROM tpi_rules.audit('tpi_rules.claim_line')) a
	  JOIN tpi_rules.claim_line c USING (claim_id, line_no)
	  GROUP BY a.rule_id) x USING (rule_id)
WHERE r.dollars_at_stake <> x.pay
ORDER BY 1;
-- A downcode's dollars at stake are the difference, not the line's
-- payment, and agree with downcoding_left_behind.
SELECT r.dollars_at_stake AS downcoded_at_stake,
	   (SELECT sum(downcoding_left_behind) FROM tpi_rules.v_revenue_at_risk) AS left_behind,
	   (SELECT sum(dollars_at_stake) FROM tpi_rules.v_findings_by_provider_month
		WHERE rule_id = 'code.downcoded') AS by_provider_month
FROM tpi_rules.v_findings_by_rule r WHERE r.rule_id = 'code.downcoded';
-- The per-provider rows add up to the monthly ones.
SELECT m.month
FROM tpi_rules.v_revenue_at_risk m
JOIN (SELECT month, sum(lines) l, sum(expected_payment) e, sum(revenue_at_risk) r,
			 sum(downcoding_left_behind) d
	  FROM tpi_rules.v_revenue_at_risk_by_provider GROUP BY month) p USING (month)
WHERE (m.lines, m.expected_payment, m.revenue_at_risk, m.downcoding_left_behind)
	  IS DISTINCT FROM (p.l, p.e, p.r, p.d)
ORDER BY 1;

-- A date range: February only.
SELECT * FROM tpi_rules.findings_by_rule('2025-02-01', '2025-02-28') ORDER BY rule_id;
SELECT month, provider_npi, lines, expected_payment, error_lines, revenue_at_risk
FROM tpi_rules.revenue_at_risk('2025-02-01', '2025-02-28') ORDER BY 1, 2;

-- Frequency status on fixed dates.  Payers with no cap and no minimum
-- interval (commercial_default) have no rows.  Mid-April: M02 is inside
-- Medicare's 6 weeks.  Mid-May: M01 has used its 3 sessions.  End of July:
-- M01 has 4 sessions in 12 months, over the cap of 3.  June 5: the Aetna
-- patient's second session in 3 days; a week later Aetna's 7 days are over
-- and the patient is eligible again (every patient of a payer with a limit
-- has a row, however long ago the last session).
SELECT * FROM tpi_rules.frequency_status('2025-04-20') ORDER BY patient_id, payer_id;
SELECT * FROM tpi_rules.frequency_status('2025-05-14') WHERE patient_id = 'M01';
SELECT * FROM tpi_rules.frequency_status('2025-07-31') ORDER BY patient_id, payer_id;
SELECT * FROM tpi_rules.frequency_status('2025-06-05') WHERE payer_id = 'aetna';
SELECT count(*) FROM tpi_rules.frequency_status('2025-06-12') WHERE payer_id = 'aetna';
SELECT count(*) FROM tpi_rules.frequency_status(NULL);
-- A TPI line dated -infinity (audit() reports it as input.invalid) is no
-- session: the other patients' rows are there, the line's patient has none.
SAVEPOINT inf;
INSERT INTO tpi_rules.claim_line
	(claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, units, icd10, place_of_service)
VALUES ('i01', 1, 'P91', 'medicare', '-infinity', '20552', 1, '{M79.18}', '11'),
	   ('i02', 1, 'M01', 'medicare', '-infinity', '20552', 1, '{M79.18}', '11');
SELECT patient_id, payer_id, sessions_in_window, last_session, status
  FROM tpi_rules.frequency_status('2025-07-31') ORDER BY patient_id, payer_id;
ROLLBACK TO SAVEPOINT inf;
-- A cap per anatomical region (emblemhealth: 3 in 90 days; evicore: 4 a
-- year, 2 months apart across regions) counts the region with most
-- sessions, as the rules do: R1 has 2 cervical and 2 lumbar sessions
-- (eligible, no finding), R2 3 cervical (at cap until the first leaves
-- the window), R3 5 cervical in a year (over cap: one freq.rolling_cap).
SAVEPOINT reg;
INSERT INTO tpi_rules.claim_line
	(claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, units, muscles)
VALUES ('r11', 1, 'R1', 'emblemhealth', '2025-01-01', '20552', 1, '{right trapezius}'),
	   ('r12', 1, 'R1', 'emblemhealth', '2025-01-05', '20552', 1, '{right quadratus lumborum}'),
	   ('r13', 1, 'R1', 'emblemhealth', '2025-01-10', '20552', 1, '{left trapezius}'),
	   ('r14', 1, 'R1', 'emblemhealth', '2025-01-15', '20552', 1, '{left quadratus lumborum}'),
	   ('r21', 1, 'R2', 'emblemhealth', '2025-01-01', '20552', 1, '{right trapezius}'),
	   ('r22', 1, 'R2', 'emblemhealth', '2025-01-05', '20552', 1, '{right levator scapulae}'),
	   ('r23', 1, 'R2', 'emblemhealth', '2025-01-10', '20552', 1, '{left trapezius}'),
	   ('r24', 1, 'R2', 'emblemhealth', '2025-01-15', '20552', 1, '{left quadratus lumborum}'),
	   ('r25', 1, 'R2', 'emblemhealth', '2025-01-16', '20552', 1, NULL),
	   ('r31', 1, 'R3', 'evicore', '2025-01-01', '20552', 1, '{right trapezius}'),
	   ('r32', 1, 'R3', 'evicore', '2025-03-05', '20552', 1, '{right quadratus lumborum}'),
	   ('r33', 1, 'R3', 'evicore', '2025-05-10', '20552', 1, '{left trapezius}'),
	   ('r34', 1, 'R3', 'evicore', '2025-07-15', '20552', 1, '{left trapezius}'),
	   ('r35', 1, 'R3', 'evicore', '2025-09-15', '20552', 1, '{left trapezius}'),
	   ('r36', 1, 'R3', 'evicore', '2025-11-15', '20552', 1, '{left trapezius}');
SELECT * FROM tpi_rules.frequency_status('2025-01-20') WHERE patient_id LIKE 'R_';
SELECT * FROM tpi_rules.frequency_status('2025-11-20') WHERE patient_id LIKE 'R_';
SELECT claim_id, rule_id FROM tpi_rules.audit('tpi_rules.claim_line')
 WHERE patient_id LIKE 'R_' AND rule_id LIKE 'freq.%' ORDER BY 1;
ROLLBACK TO SAVEPOINT reg;
-- The view is the function as of today.
SELECT count(*) AS view_differs_from_today
FROM ((SELECT * FROM tpi_rules.v_frequency_status
	   EXCEPT ALL SELECT * FROM tpi_rules.frequency_status(current_date))
	  UNION ALL
	  (SELECT * FROM tpi_rules.frequency_status(current_date)
	   EXCEPT ALL SELECT * FROM tpi_rules.v_frequency_status)) AS d;
-- Note-data coverage: every TPI line above has note data; a claims-only
-- line (837P, no documentation columns) counts as without.
SELECT * FROM tpi_rules.v_note_coverage ORDER BY month, payer_id;
INSERT INTO tpi_rules.claim_line
	(claim_id, line_no, patient_id, payer_id, provider_npi, date_of_service,
	 hcpcs, units, icd10, place_of_service)
VALUES ('n01', 1, 'P90', 'medicare', '2222222222', '2025-03-10', '20553', 1, '{M79.18}', '11'),
	   ('n01', 2, 'P90', 'medicare', '2222222222', '2025-03-10', 'J2001', 10, '{M79.18}', '11');
SELECT * FROM tpi_rules.note_coverage('2025-03-01', '2025-03-31') ORDER BY month, payer_id;
SELECT claim_id, line_no, rule_id FROM tpi_rules.audit_detail('2025-03-10', '2025-03-10')
 WHERE claim_id = 'n01' ORDER BY 1, 2, 3;
DELETE FROM tpi_rules.claim_line WHERE claim_id = 'n01';


-- Dashboard column types are plain, and every view column is documented.
SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) AS type,
	   col_description(c.oid, a.attnum) IS NOT NULL AS documented
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
WHERE n.nspname = 'tpi_rules' AND c.relkind = 'v'
ORDER BY c.relname, a.attnum;

-- The materialized snapshot: empty until refreshed, then the same findings;
-- a concurrent refresh picks up a change.
SELECT relispopulated FROM pg_class WHERE oid = 'tpi_rules.mv_audit'::regclass;
REFRESH MATERIALIZED VIEW tpi_rules.mv_audit;
SELECT (SELECT count(*) FROM tpi_rules.mv_audit) AS snapshot,
	   (SELECT count(*) FROM tpi_rules.audit('tpi_rules.claim_line')) AS live;
SELECT rule_id, severity, count(*) AS findings, sum(expected_payment) AS pay,
	   sum(downcoding_difference) AS left_behind
FROM tpi_rules.mv_audit GROUP BY 1, 2 ORDER BY 1;
DELETE FROM tpi_rules.claim_line WHERE claim_id = 'a02';
REFRESH MATERIALIZED VIEW CONCURRENTLY tpi_rules.mv_audit;
SELECT count(*) AS upcoded_after_fix FROM tpi_rules.mv_audit WHERE rule_id = 'code.upcoded';

ROLLBACK;
SELECT relispopulated AS populated_after_rollback
FROM pg_class WHERE oid = 'tpi_rules.mv_audit'::regclass;
