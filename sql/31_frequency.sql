-- frequency_check(date, text[], text): freq.rolling_cap and
-- freq.min_interval over one patient's TPI lines, for every shipped policy.
SET datestyle = 'ISO, YMD';
SET timezone = 'UTC';
SET intervalstyle = 'postgres';

-- One case = one patient.  Dates are listed in the order they are fed in.
CREATE TEMP TABLE f_lines (case_name text, dos date, regions text[], payer_id text);
INSERT INTO f_lines VALUES
	-- medicare: 3 per 12 months for the patient; 6 weeks in the same region
	('medicare at cap', '2024-01-10', '{cervical}', 'medicare'),
	('medicare at cap', '2024-03-01', '{cervical}', 'medicare'),
	('medicare at cap', '2024-06-01', '{cervical}', 'medicare'),
	('medicare one over', '2024-01-10', '{cervical}', 'medicare'),
	('medicare one over', '2024-03-01', '{lumbar}', 'medicare'),
	('medicare one over', '2024-06-01', '{cervical}', 'medicare'),
	('medicare one over', '2024-09-01', '{lumbar}', 'medicare'),
	('medicare 12 months exactly', '2024-01-10', '{cervical}', 'medicare'),
	('medicare 12 months exactly', '2024-03-01', '{cervical}', 'medicare'),
	('medicare 12 months exactly', '2024-06-01', '{cervical}', 'medicare'),
	('medicare 12 months exactly', '2025-01-10', '{cervical}', 'medicare'),
	('medicare 12 months less a day', '2024-01-10', '{cervical}', 'medicare'),
	('medicare 12 months less a day', '2024-03-01', '{cervical}', 'medicare'),
	('medicare 12 months less a day', '2024-06-01', '{cervical}', 'medicare'),
	('medicare 12 months less a day', '2025-01-09', '{cervical}', 'medicare'),
	('medicare feb 29 in window', '2024-02-29', '{cervical}', 'medicare'),
	('medicare feb 29 in window', '2024-05-01', '{cervical}', 'medicare'),
	('medicare feb 29 in window', '2024-08-01', '{cervical}', 'medicare'),
	('medicare feb 29 in window', '2025-02-28', '{cervical}', 'medicare'),
	('medicare feb 29 out of window', '2024-02-29', '{cervical}', 'medicare'),
	('medicare feb 29 out of window', '2024-05-01', '{cervical}', 'medicare'),
	('medicare feb 29 out of window', '2024-08-01', '{cervical}', 'medicare'),
	('medicare feb 29 out of window', '2025-03-01', '{cervical}', 'medicare'),
	('medicare flagged sessions count', '2024-01-10', '{cervical}', 'medicare'),
	('medicare flagged sessions count', '2024-03-01', '{cervical}', 'medicare'),
	('medicare flagged sessions count', '2024-05-01', '{cervical}', 'medicare'),
	('medicare flagged sessions count', '2024-07-01', '{cervical}', 'medicare'),
	('medicare flagged sessions count', '2025-01-20', '{cervical}', 'medicare'),
	('medicare 6 weeks exactly', '2024-01-01', '{cervical}', 'medicare'),
	('medicare 6 weeks exactly', '2024-02-12', '{cervical}', 'medicare'),
	('medicare 6 weeks less a day', '2024-01-01', '{cervical}', 'medicare'),
	('medicare 6 weeks less a day', '2024-02-11', '{cervical}', 'medicare'),
	('medicare other region sooner', '2024-01-01', '{cervical}', 'medicare'),
	('medicare other region sooner', '2024-01-15', '{lumbar}', 'medicare'),
	-- region names as an analyst may write them: the same region
	('medicare same region spelt otherwise', '2024-01-01', '{cervical}', 'medicare'),
	('medicare same region spelt otherwise', '2024-01-15', '{" Cervical "}', 'medicare'),
	('medicare two-region session', '2024-01-01', '{cervical,lumbar}', 'medicare'),
	('medicare two-region session', '2024-01-20', '{lumbar,scapular}', 'medicare'),
	('medicare lines on one date', '2024-01-10', '{cervical}', 'medicare'),
	('medicare lines on one date', '2024-01-10', '{cervical}', 'medicare'),
	('medicare lines on one date', '2024-01-10', '{scapular}', 'medicare'),
	('medicare lines on one date', '2024-03-01', '{cervical}', 'medicare'),
	('medicare lines on one date', '2024-03-01', '{cervical}', 'medicare'),
	('medicare lines on one date', '2024-06-01', '{cervical}', 'medicare'),
	-- medicare_novitas: 3 per 3 months, no interval
	('novitas at cap', '2024-01-01', '{cervical}', 'medicare_novitas'),
	('novitas at cap', '2024-01-02', '{cervical}', 'medicare_novitas'),
	('novitas at cap', '2024-01-03', '{cervical}', 'medicare_novitas'),
	('novitas at cap', '2024-04-01', '{cervical}', 'medicare_novitas'),
	('novitas one over', '2024-01-01', '{cervical}', 'medicare_novitas'),
	('novitas one over', '2024-01-02', '{cervical}', 'medicare_novitas'),
	('novitas one over', '2024-01-03', '{cervical}', 'medicare_novitas'),
	('novitas one over', '2024-03-31', '{cervical}', 'medicare_novitas'),
	-- emblemhealth: 3 per 90 days per region, no interval
	('emblem regions differ', '2024-01-01', '{cervical}', 'emblemhealth'),
	('emblem regions differ', '2024-01-08', '{lumbar}', 'emblemhealth'),
	('emblem regions differ', '2024-01-15', '{scapular}', 'emblemhealth'),
	('emblem regions differ', '2024-01-22', '{gluteal/hip}', 'emblemhealth'),
	('emblem same region', '2024-01-01', '{cervical}', 'emblemhealth'),
	('emblem same region', '2024-01-08', '{cervical}', 'emblemhealth'),
	('emblem same region', '2024-01-15', '{cervical,lumbar}', 'emblemhealth'),
	('emblem same region', '2024-01-22', '{cervical}', 'emblemhealth'),
	('emblem 90 days exactly', '2024-01-01', '{lumbar}', 'emblemhealth'),
	('emblem 90 days exactly', '2024-02-01', '{lumbar}', 'emblemhealth'),
	('emblem 90 days exactly', '2024-03-01', '{lumbar}', 'emblemhealth'),
	('emblem 90 days exactly', '2024-03-31', '{lumbar}', 'emblemhealth'),
	('emblem 89 days', '2024-01-01', '{lumbar}', 'emblemhealth'),
	('emblem 89 days', '2024-02-01', '{lumbar}', 'emblemhealth'),
	('emblem 89 days', '2024-03-01', '{lumbar}', 'emblemhealth'),
	('emblem 89 days', '2024-03-30', '{lumbar}', 'emblemhealth'),
	('emblem no documented region', '2024-01-01', NULL, 'emblemhealth'),
	('emblem no documented region', '2024-01-08', '{}', 'emblemhealth'),
	('emblem no documented region', '2024-01-15', NULL, 'emblemhealth'),
	('emblem no documented region', '2024-01-22', '{cervical}', 'emblemhealth'),
	('emblem no documented region', '2024-01-29', NULL, 'emblemhealth'),
	-- aetna: no cap, 7 days between any two sessions
	('aetna 7 days exactly', '2024-01-01', '{cervical}', 'aetna'),
	('aetna 7 days exactly', '2024-01-08', '{lumbar}', 'aetna'),
	('aetna 7 days exactly', '2024-01-15', '{cervical}', 'aetna'),
	('aetna 7 days exactly', '2024-01-22', '{lumbar}', 'aetna'),
	('aetna 7 days exactly', '2024-01-29', '{cervical}', 'aetna'),
	('aetna 6 days', '2024-01-01', '{cervical}', 'aetna'),
	('aetna 6 days', '2024-01-07', '{lumbar}', 'aetna'),
	-- evicore: 4 per year per region; 2 months between any two sessions
	-- (only Medicare's interval is per region)
	('evicore regions differ', '2024-01-01', '{cervical}', 'evicore'),
	('evicore regions differ', '2024-03-01', '{lumbar}', 'evicore'),
	('evicore regions differ', '2024-05-01', '{scapular}', 'evicore'),
	('evicore regions differ', '2024-07-01', '{shoulder}', 'evicore'),
	('evicore regions differ', '2024-09-01', '{thoracic}', 'evicore'),
	('evicore same region', '2024-01-31', '{cervical}', 'evicore'),
	('evicore same region', '2024-03-31', '{cervical}', 'evicore'),
	('evicore same region', '2024-05-31', '{cervical}', 'evicore'),
	('evicore same region', '2024-07-31', '{cervical}', 'evicore'),
	('evicore same region', '2024-09-30', '{cervical}', 'evicore'),
	('evicore same region', '2025-01-31', '{cervical}', 'evicore'),
	('evicore 1 year exactly', '2024-01-31', '{cervical}', 'evicore'),
	('evicore 1 year exactly', '2024-03-31', '{cervical}', 'evicore'),
	('evicore 1 year exactly', '2024-05-31', '{cervical}', 'evicore'),
	('evicore 1 year exactly', '2024-07-31', '{cervical}', 'evicore'),
	('evicore 1 year exactly', '2025-01-31', '{cervical}', 'evicore'),
	('evicore 2 months less a day', '2023-12-31', '{lumbar}', 'evicore'),
	('evicore 2 months less a day', '2024-02-28', '{lumbar}', 'evicore'),
	('evicore 2 months exactly', '2023-12-31', '{lumbar}', 'evicore'),
	('evicore 2 months exactly', '2024-02-29', '{lumbar}', 'evicore'),
	('evicore other region sooner', '2025-01-01', '{cervical}', 'evicore'),
	('evicore other region sooner', '2025-02-01', '{lumbar}', 'evicore'),
	('evicore other region 2 months later', '2025-01-01', '{cervical}', 'evicore'),
	('evicore other region 2 months later', '2025-03-01', '{lumbar}', 'evicore'),
	-- bcbsa: 4 per 12 months for the patient, no interval
	('bcbsa at cap', '2024-01-01', '{cervical}', 'bcbsa'),
	('bcbsa at cap', '2024-01-02', '{lumbar}', 'bcbsa'),
	('bcbsa at cap', '2024-01-03', '{scapular}', 'bcbsa'),
	('bcbsa at cap', '2024-12-31', '{cervical}', 'bcbsa'),
	('bcbsa at cap', '2025-01-01', '{cervical}', 'bcbsa'),
	('bcbsa one over', '2024-01-01', '{cervical}', 'bcbsa'),
	('bcbsa one over', '2024-01-02', '{lumbar}', 'bcbsa'),
	('bcbsa one over', '2024-01-03', '{scapular}', 'bcbsa'),
	('bcbsa one over', '2024-12-31', '{cervical}', 'bcbsa'),
	('bcbsa one over', '2024-12-31', '{lumbar}', 'bcbsa'),
	('bcbsa one over', '2024-12-30', '{lumbar}', 'bcbsa'),
	-- no cap, no interval
	('commercial_default daily', '2024-01-01', '{cervical}', 'commercial_default'),
	('commercial_default daily', '2024-01-02', '{cervical}', 'commercial_default'),
	('commercial_default daily', '2024-01-03', '{cervical}', 'commercial_default'),
	('commercial_default daily', '2024-01-04', '{cervical}', 'commercial_default'),
	('unknown payer daily', '2024-01-01', '{cervical}', 'acme_health'),
	('unknown payer daily', '2024-01-02', '{cervical}', 'acme_health'),
	('unknown payer daily', '2024-01-03', '{cervical}', 'acme_health'),
	('unknown payer daily', '2024-01-04', '{cervical}', 'acme_health'),
	('null payer daily', '2024-01-01', '{cervical}', NULL),
	('null payer daily', '2024-01-02', '{cervical}', NULL),
	('null payer daily', '2024-01-03', '{cervical}', NULL),
	('null payer daily', '2024-01-04', '{cervical}', NULL),
	-- every session counts whatever its payer; each is judged by its own
	('payers mixed', '2024-01-01', '{cervical}', 'medicare'),
	('payers mixed', '2024-03-01', '{cervical}', 'aetna'),
	('payers mixed', '2024-05-01', '{cervical}', 'bcbsa'),
	('payers mixed', '2024-07-01', '{cervical}', 'bcbsa'),
	('payers mixed', '2024-09-01', '{cervical}', 'medicare'),
	-- NULL dates are skipped
	('null dates', NULL, '{cervical}', 'medicare'),
	('null dates', '2024-01-01', '{cervical}', 'medicare'),
	('null dates', NULL, '{cervical}', 'medicare'),
	('null dates', '2024-03-01', '{cervical}', 'medicare'),
	('only null dates', NULL, '{cervical}', 'medicare');

-- Findings per case (cases without findings show 0).
SELECT case_name, cardinality(f) AS findings
FROM (SELECT case_name, tpi_rules.frequency_check(dos, regions, payer_id) AS f
	  FROM f_lines GROUP BY case_name) x
ORDER BY case_name;

-- Every finding, in full.
SELECT case_name, (u).rule_id, (u).severity, (u).claim_id, (u).line_no, (u).message
FROM (SELECT case_name, unnest(tpi_rules.frequency_check(dos, regions, payer_id)) AS u
	  FROM f_lines GROUP BY case_name) x
ORDER BY case_name, (u).message;

-- Input order does not matter: newest first gives the same findings.
SELECT count(*) AS cases,
	   count(*) FILTER (WHERE sorted_asc IS DISTINCT FROM sorted_desc) AS differ,
	   count(*) FILTER (WHERE sorted_asc IS DISTINCT FROM unsorted) AS differ_unsorted
FROM (SELECT case_name,
			 tpi_rules.frequency_check(dos, regions, payer_id ORDER BY dos) AS sorted_asc,
			 tpi_rules.frequency_check(dos, regions, payer_id ORDER BY dos DESC) AS sorted_desc,
			 tpi_rules.frequency_check(dos, regions, payer_id ORDER BY md5(dos::text)) AS unsorted
	  FROM f_lines GROUP BY case_name) x;

-- No rows, or only NULL dates: an empty array.
SELECT tpi_rules.frequency_check(dos, regions, payer_id) AS no_rows
FROM f_lines WHERE false;

-- As a window aggregate: the findings so far at each date.
SELECT dos, cardinality(tpi_rules.frequency_check(dos, regions, payer_id)
						OVER (ORDER BY dos)) AS findings_so_far
FROM f_lines WHERE case_name = 'medicare flagged sessions count'
ORDER BY dos;

-- Parallel: partial aggregation in workers (serialize, deserialize,
-- combine) gives the same findings as a serial plan.
CREATE TABLE f_many AS
SELECT 'P' || (g % 3000) AS patient_id,
	   date '2023-01-01' + ((hashint4(g) & 2147483647) % 900) AS dos,
	   (ARRAY['{cervical}', '{lumbar}', '{cervical,scapular}', NULL])[1 + (g / 7) % 4]::text[] AS regions,
	   (ARRAY['medicare', 'medicare_novitas', 'emblemhealth', 'aetna', 'evicore',
			  'bcbsa', 'commercial_default', 'acme_health'])[1 + (g / 3000) % 8] AS payer_id
FROM generate_series(1, 60000) g;
ANALYZE f_many;
CREATE TEMP TABLE f_serial AS
SELECT patient_id, tpi_rules.frequency_check(dos, regions, payer_id) AS f
FROM f_many GROUP BY patient_id;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET parallel_leader_participation = off;
SET max_parallel_workers_per_gather = 2;
SET enable_hashagg = off;
EXPLAIN (COSTS OFF)
SELECT patient_id, tpi_rules.frequency_check(dos, regions, payer_id) AS f
FROM f_many GROUP BY patient_id;
CREATE TEMP TABLE f_parallel AS
SELECT patient_id, tpi_rules.frequency_check(dos, regions, payer_id) AS f
FROM f_many GROUP BY patient_id;
RESET enable_hashagg;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET parallel_leader_participation;
RESET max_parallel_workers_per_gather;
SELECT (SELECT count(*) FROM f_serial) AS patients,
	   (SELECT sum(cardinality(f)) FROM f_serial) > 1000 AS many_findings,
	   (SELECT count(*) FROM f_serial s FULL JOIN f_parallel p USING (patient_id)
		WHERE s.f IS DISTINCT FROM p.f) AS differ;
SELECT (u).rule_id, count(*)
FROM (SELECT unnest(f) AS u FROM f_serial) x
GROUP BY 1 ORDER BY 1;
DROP TABLE f_many;


-- With regions(muscles) as documented, the way audit and analysts call it.
SELECT (u).rule_id, (u).message
FROM (SELECT unnest(tpi_rules.frequency_check(dos, tpi_rules.regions(muscles), 'medicare')) AS u
	  FROM (VALUES (date '2024-05-01', '{R upper trapezius,L upper trapezius}'::text[]),
				   ('2024-05-20', '{right quadratus lumborum}'),
				   ('2024-06-01', '{levator scap, rt. rhomboid major}')) v(dos, muscles)) x
ORDER BY 2;

-- The checks follow the payer_policy rows, including user changes, and
-- each session is judged by the row in effect on its own date.
BEGIN;
INSERT INTO tpi_rules.payer_policy
	(payer_id, effective_from, effective_to, name, source,
	 max_sessions, cap_window, cap_scope, min_interval, min_interval_scope)
VALUES
	('test_month', '2015-10-01', NULL, 'Test', 'regression test',
	 NULL, NULL, 'patient', '1 month', 'patient'),
	('test_change', '2015-10-01', '2024-05-31', 'Test', 'regression test',
	 1, '12 months', 'patient', NULL, 'patient'),
	('test_change', '2024-06-01', NULL, 'Test', 'regression test',
	 3, '12 months', 'patient', NULL, 'patient'),
	('test_mixed', '2015-10-01', NULL, 'Test', 'regression test',
	 2, '1 month 15 days', 'patient', NULL, 'patient'),
	('test_mixed_gap', '2015-10-01', NULL, 'Test', 'regression test',
	 NULL, NULL, 'patient', '1 month 1 day', 'patient');
-- medicare with a patient-wide interval
UPDATE tpi_rules.payer_policy SET min_interval_scope = 'patient'
WHERE payer_id = 'medicare';

SELECT case_name, (u).rule_id, (u).message
FROM (SELECT case_name, unnest(tpi_rules.frequency_check(dos, regions, payer_id)) AS u
	  FROM (VALUES
		('1 month from Jan 31 is Feb 29', date '2024-01-31', '{cervical}'::text[], 'test_month'),
		('1 month from Jan 31 is Feb 29', '2024-02-29', '{cervical}', 'test_month'),
		('1 month less a day', '2024-01-31', '{cervical}', 'test_month'),
		('1 month less a day', '2024-02-28', '{cervical}', 'test_month'),
		('policy changes on 2024-06-01', '2024-01-01', '{cervical}', 'test_change'),
		('policy changes on 2024-06-01', '2024-03-01', '{cervical}', 'test_change'),
		('policy changes on 2024-06-01', '2024-07-01', '{cervical}', 'test_change'),
		-- 2024-04-30 - 1 month 15 days = 2024-03-15
		('window 1 month 15 days, edge out', '2024-03-15', '{cervical}', 'test_mixed'),
		('window 1 month 15 days, edge out', '2024-04-01', '{cervical}', 'test_mixed'),
		('window 1 month 15 days, edge out', '2024-04-30', '{cervical}', 'test_mixed'),
		('window 1 month 15 days, edge in', '2024-03-16', '{cervical}', 'test_mixed'),
		('window 1 month 15 days, edge in', '2024-04-01', '{cervical}', 'test_mixed'),
		('window 1 month 15 days, edge in', '2024-04-30', '{cervical}', 'test_mixed'),
		-- 2024-01-31 + 1 month 1 day = 2024-03-01
		('interval 1 month 1 day, met', '2024-01-31', '{cervical}', 'test_mixed_gap'),
		('interval 1 month 1 day, met', '2024-03-01', '{cervical}', 'test_mixed_gap'),
		('interval 1 month 1 day, short', '2024-01-31', '{cervical}', 'test_mixed_gap'),
		('interval 1 month 1 day, short', '2024-02-29', '{cervical}', 'test_mixed_gap'),
		('medicare interval patient-wide', '2024-01-01', '{cervical}', 'medicare'),
		('medicare interval patient-wide', '2024-01-15', '{lumbar}', 'medicare')
	  ) v(case_name, dos, regions, payer_id)
	  GROUP BY case_name) x
ORDER BY 1, 3;
ROLLBACK;

-- After the rollback the shipped medicare row applies again.
SELECT cardinality(tpi_rules.frequency_check(dos, regions, 'medicare')) AS findings
FROM (VALUES (date '2024-01-01', '{cervical}'::text[]), ('2024-01-15', '{lumbar}')) v(dos, regions);

-- Only Medicare's interval is per region (SPEC section 7): eviCore's
-- 2 months apply between any two sessions, so a lumbar session a month
-- after a cervical one is too soon, and two months later is not.
SELECT min_interval, min_interval_scope
FROM tpi_rules.payer_policy WHERE payer_id = 'evicore' ORDER BY effective_from;
SELECT 'one month' AS gap, (unnest(tpi_rules.frequency_check(d, r, 'evicore'))).rule_id
FROM (VALUES (date '2025-01-01', '{cervical}'::text[]), ('2025-02-01', '{lumbar}')) v(d, r);
SELECT 'two months' AS gap, cardinality(tpi_rules.frequency_check(d, r, 'evicore')) AS findings
FROM (VALUES (date '2025-01-01', '{cervical}'::text[]), ('2025-03-01', '{lumbar}')) v(d, r);

-- Infinite and implausible dates are not sessions (audit reports them).
SELECT cardinality(tpi_rules.frequency_check(dos, '{cervical}', 'medicare')) AS findings
FROM (VALUES (date 'infinity'), ('-infinity'), ('0001-01-01'), ('5000-01-01'),
			 ('294276-12-31'), ('2024-01-01')) v(dos);
