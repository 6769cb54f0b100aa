-- The demo report: what a billing manager asks of the claim lines in
-- tpi_rules.claim_line.  Every section reads the dashboard views (or the
-- functions behind them), so the same queries work in psql, Metabase or
-- Grafana.  Run it again with:  psql -X -f test/demo_report.sql tpi_demo
\set QUIET on
\pset footer off
\pset null '-'
SELECT coalesce(min(date_of_service), current_date) AS first_date,
	   coalesce(max(date_of_service), current_date) AS as_of,
	   count(*) AS n_lines, count(DISTINCT claim_id) AS n_claims,
	   count(DISTINCT patient_id) AS n_patients,
	   count(DISTINCT provider_npi) AS n_providers
FROM tpi_rules.claim_line \gset
\echo
\echo '================================================================================'
\echo ' Trigger point injection claims audit:' :n_lines 'lines,' :n_claims 'claims,' :n_patients 'patients,' :n_providers 'providers'
\echo ' Dates of service' :first_date 'to' :as_of '  (payments: Medicare PFS, national, one unit)'
\echo '================================================================================'

\echo
\echo '(0) Where the documentation came from: TPI lines whose visit has a procedure'
\echo '    note (read with tpi_rules.read_note), and the code each note supports'
\echo '    (tpi_rules.pick_code of the muscles it names) against the code billed.'
\echo '    Lines without note data are judged on the claim rules only.'
SELECT count(*) AS "TPI lines",
	   count(*) FILTER (WHERE muscles IS NOT NULL OR trigger_points IS NOT NULL
						OR drug_name IS NOT NULL OR drug_dose IS NOT NULL
						OR note_signed IS NOT NULL OR post_procedure_plan IS NOT NULL
						OR conservative_care IS NOT NULL OR tp_locations IS NOT NULL)
		   AS "with note data",
	   to_char(100.0 * count(*) FILTER (WHERE muscles IS NOT NULL) / nullif(count(*), 0),
			   'FM990.0"%"') AS "note coverage"
FROM tpi_rules.claim_line
WHERE hcpcs IN ('20552', '20553');
SELECT hcpcs AS "billed",
	   coalesce(tpi_rules.pick_code(muscles), CASE WHEN muscles IS NULL THEN 'no note'
												   ELSE 'no muscle named' END) AS "note supports",
	   count(*) AS lines,
	   to_char(sum(CASE WHEN hcpcs = '20552' AND tpi_rules.pick_code(muscles) = '20553'
					   THEN tpi_rules.expected_payment_or_null('20553', date_of_service, place_of_service)
							- tpi_rules.expected_payment_or_null('20552', date_of_service, place_of_service)
				   END), 'FM$999,990.00') AS "left behind"
FROM tpi_rules.claim_line
WHERE hcpcs IN ('20552', '20553')
GROUP BY 1, 2 ORDER BY 1, 2;

\echo
\echo '(1) Findings by rule: what will be denied (error), what is at risk or left on'
\echo '    the table (warning), what a reviewer should look at (info).  "At stake" is'
\echo '    the expected payment of the lines with the finding.'
\echo '    (SELECT * FROM tpi_rules.v_findings_by_rule)'
SELECT rule_id AS "rule", severity, title,
	   findings, lines, claims,
	   to_char(dollars_at_stake, 'FM$999,999,990.00') AS "at stake"
FROM tpi_rules.v_findings_by_rule
ORDER BY CASE severity WHEN 'error' THEN 1 WHEN 'warning' THEN 2 ELSE 3 END,
		 dollars_at_stake DESC, findings DESC, rule_id;

\echo
\echo '(2) Money left behind by downcoding (rule code.downcoded): 20552 billed where'
\echo '    three or more muscles were documented; each line could have been 20553.'
\echo '    (SELECT * FROM tpi_rules.v_revenue_at_risk)'
SELECT sum(downcoded_lines) AS "downcoded lines",
	   to_char(sum(downcoding_left_behind), 'FM$999,999,990.00') AS "left behind",
	   to_char(sum(downcoding_left_behind) / nullif(sum(downcoded_lines), 0),
			   'FM$990.00') AS "per line",
	   to_char(sum(expected_payment), 'FM$999,999,990.00') AS "expected payment, all lines"
FROM tpi_rules.v_revenue_at_risk;

\echo
\echo '(3) Patients at or over their payer''s session cap as of' :as_of '(the last date'
\echo '    in the data), with the first date one more session is allowed.'
\echo '    (SELECT * FROM tpi_rules.frequency_status(DATE ''':as_of'''); v_frequency_status is as of today)'
SELECT payer_id AS payer, status, count(*) AS patients
FROM tpi_rules.frequency_status(:'as_of')
WHERE status IN ('at cap', 'over cap')
GROUP BY 1, 2 ORDER BY 1, 2;
SELECT patient_id AS patient, payer_id AS payer, status,
	   sessions_in_window || ' of ' || max_sessions || ' in ' || cap_window AS sessions,
	   last_session AS "last session", next_eligible_date AS "next eligible"
FROM tpi_rules.frequency_status(:'as_of')
WHERE status IN ('at cap', 'over cap')
ORDER BY status DESC, sessions_in_window DESC, next_eligible_date DESC, patient_id
LIMIT 12;

\echo
\echo '(4) Expected payment by place of service (facility places are paid the lower'
\echo '    facility rate; drug lines are not priced by the fee schedule).'
SELECT l.place_of_service AS pos,
	   coalesce(n.name, 'other or invalid code') AS "place of service",
	   count(*) AS lines,
	   count(*) FILTER (WHERE l.hcpcs IN ('20552', '20553')) AS "TPI lines",
	   to_char(sum(tpi_rules.expected_payment_or_null(l.hcpcs, l.date_of_service,
													   l.place_of_service)),
			   'FM$999,999,990.00') AS "expected payment",
	   to_char(avg(tpi_rules.expected_payment_or_null(l.hcpcs, l.date_of_service,
													   l.place_of_service))
			   FILTER (WHERE l.hcpcs IN ('20552', '20553')), 'FM$990.00') AS "per TPI line"
FROM tpi_rules.claim_line l
LEFT JOIN (VALUES ('11', 'office'), ('22', 'on-campus hospital outpatient'),
				  ('19', 'off-campus hospital outpatient'),
				  ('24', 'ambulatory surgical center'), ('12', 'home'),
				  ('21', 'inpatient hospital'), ('31', 'skilled nursing facility'),
				  ('02', 'telehealth'), ('49', 'independent clinic'))
	 AS n(pos, name) ON n.pos = l.place_of_service
GROUP BY 1, 2
ORDER BY sum(tpi_rules.expected_payment_or_null(l.hcpcs, l.date_of_service,
												 l.place_of_service)) DESC NULLS LAST, 1;

\echo
\echo '(5) The five providers with the most denial exposure: expected payment of'
\echo '    their lines with at least one error finding.'
\echo '    (SELECT * FROM tpi_rules.v_revenue_at_risk_by_provider)'
SELECT provider_npi AS provider,
	   sum(lines) AS lines,
	   sum(error_lines) AS "lines with errors",
	   to_char(sum(revenue_at_risk), 'FM$999,999,990.00') AS "at risk",
	   to_char(100 * sum(revenue_at_risk) / nullif(sum(expected_payment), 0), 'FM990.0"%"')
		   AS "of expected",
	   to_char(sum(downcoding_left_behind), 'FM$999,990.00') AS "downcoding left behind"
FROM tpi_rules.v_revenue_at_risk_by_provider
GROUP BY provider_npi
ORDER BY sum(revenue_at_risk) DESC, provider_npi
LIMIT 5;
\echo '    Their worst rules: SELECT * FROM tpi_rules.v_findings_by_provider_month'
\echo '    WHERE provider_npi = ''...'' ORDER BY month, dollars_at_stake DESC;'
