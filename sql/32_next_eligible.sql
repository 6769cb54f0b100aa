-- next_eligible_date(date[], payer_id, as_of): the first date on or after
-- as_of on which one more session keeps within the payer's cap and
-- minimum interval.
SET datestyle = 'ISO, YMD';
SET timezone = 'UTC';

SELECT label, payer, as_of, dates,
	   tpi_rules.next_eligible_date(dates, payer, as_of) AS next_eligible
FROM (VALUES
	-- no sessions, or a payer with no rule: as_of
	('no sessions (NULL)', 'medicare', date '2024-10-01', NULL::date[]),
	('no sessions (empty)', 'medicare', '2024-10-01', '{}'),
	('only NULL elements', 'medicare', '2024-10-01', '{NULL,NULL}'),
	('no cap, no interval', 'commercial_default', '2024-01-02', '{2024-01-01,2024-01-02}'),
	('unknown payer', 'acme_health', '2024-01-02', '{2024-01-01,2024-01-02}'),
	-- medicare, 3 per 12 months; 6 weeks
	('medicare under cap, interval met', 'medicare', '2024-10-01', '{2024-03-01,2024-06-01}'),
	('medicare interval: previous + 6 weeks', 'medicare', '2024-09-10', '{2024-09-01}'),
	('medicare at cap: oldest drops out', 'medicare', '2024-10-20', '{2024-03-01,2024-06-01,2024-09-01}'),
	('medicare at cap, duplicates and NULLs', 'medicare', '2024-10-20', '{2024-09-01,NULL,2024-03-01,2024-06-01,2024-03-01}'),
	('medicare cap and interval: cap later', 'medicare', '2024-12-01', '{2024-01-01,2024-06-01,2024-11-15}'),
	('medicare cap and interval: interval later', 'medicare', '2024-12-01', '{2023-12-20,2024-06-01,2024-11-15}'),
	('medicare oldest on Feb 29', 'medicare', '2024-12-01', '{2024-02-29,2024-06-01,2024-10-01}'),
	('medicare as_of already eligible', 'medicare', '2025-06-01', '{2024-02-29,2024-06-01,2024-10-01}'),
	('medicare session on as_of itself', 'medicare', '2024-10-01', '{2024-10-01}'),
	-- novitas, 3 per 3 months
	('novitas Feb 29 - 3 months = Nov 29', 'medicare_novitas', '2024-02-01', '{2023-11-30,2023-12-15,2024-01-15}'),
	('novitas under cap', 'medicare_novitas', '2024-02-01', '{2023-12-15,2024-01-15}'),
	-- emblemhealth, 3 per 90 days
	('emblem at cap', 'emblemhealth', '2024-01-20', '{2024-01-01,2024-01-08,2024-01-15}'),
	-- aetna, 7 days
	('aetna 7 days', 'aetna', '2024-01-03', '{2024-01-01}'),
	('aetna as_of after the interval', 'aetna', '2024-01-09', '{2024-01-01}'),
	('aetna later session 7 days ahead', 'aetna', '2024-01-03', '{2024-01-10}'),
	('aetna later session too close', 'aetna', '2024-01-05', '{2024-01-10}'),
	('aetna gap between sessions', 'aetna', '2024-01-02', '{2024-01-01,2024-01-08,2024-01-15,2024-01-30}'),
	-- evicore, 4 per year; 2 months
	('evicore 2 months from Dec 31', 'evicore', '2024-01-15', '{2023-12-31}'),
	('evicore at cap', 'evicore', '2024-08-01', '{2024-01-31,2024-03-31,2024-05-31,2024-07-31}'),
	-- bcbsa, 4 per 12 months
	('bcbsa under cap', 'bcbsa', '2024-06-01', '{2024-01-01,2024-02-01,2024-03-01}'),
	('bcbsa at cap', 'bcbsa', '2024-06-01', '{2024-01-01,2024-02-01,2024-03-01,2024-04-01}'),
	('bcbsa later sessions fill a window', 'bcbsa', '2024-01-15', '{2024-02-01,2024-03-01,2024-04-01,2024-05-01}'),
	-- NULL payer or as_of
	('NULL payer', NULL, '2024-01-15', '{2024-01-01}'),
	('NULL as_of', 'medicare', NULL, '{2024-01-01}')
) v(label, payer, as_of, dates)
ORDER BY label;

-- The answer is eligible and no day from as_of to the day before it is:
-- checked with frequency_check on generated histories.
CREATE TEMP TABLE n_hist AS
SELECT h, p.payer,
	   date '2024-01-01' + ((hashint4(h) & 2147483647) % 60) AS as_of,
	   ARRAY(SELECT date '2023-06-01' + ((hashint4(h * 100 + k) & 2147483647) % 240)
			 FROM generate_series(1, 1 + h % 5) k) AS dates
FROM generate_series(1, 400) h,
	 (VALUES ('medicare'), ('medicare_novitas'), ('emblemhealth'), ('aetna'),
			 ('evicore'), ('bcbsa')) p(payer);
CREATE TEMP TABLE n_ans AS
SELECT *, tpi_rules.next_eligible_date(dates, payer, as_of) AS ans FROM n_hist;
-- d fits when frequency_check finds nothing in the history plus a session
-- on d (all in one region, as next_eligible_date assumes).  A day that
-- already has a session is skipped below: frequency_check merges it, while
-- next_eligible_date counts one more session on it.
CREATE FUNCTION pg_temp.fits(dates date[], payer text, d date) RETURNS boolean
LANGUAGE sql AS $$
	SELECT cardinality(tpi_rules.frequency_check(x, '{cervical}', payer)) = 0
	FROM unnest(dates || d) x
$$;
SELECT payer,
	   count(*) AS histories,
	   count(*) FILTER (WHERE ans > as_of) AS later_than_as_of,
	   count(*) FILTER (WHERE NOT pg_temp.fits(dates, payer, ans)) AS answer_does_not_fit,
	   count(*) FILTER (WHERE EXISTS (
			SELECT FROM generate_series(as_of, ans - 1, interval '1 day') g
			WHERE NOT g::date = ANY (dates) AND pg_temp.fits(dates, payer, g::date))
	   ) AS an_earlier_day_fits
FROM n_ans
WHERE pg_temp.fits(dates, payer, NULL)
GROUP BY payer
ORDER BY payer;

-- The policy in effect on as_of applies.
BEGIN;
INSERT INTO tpi_rules.payer_policy
	(payer_id, effective_from, effective_to, name, source,
	 max_sessions, cap_window, cap_scope, min_interval, min_interval_scope)
VALUES
	('test_change', '2015-10-01', '2024-05-31', 'Test', 'regression test',
	 1, '12 months', 'patient', NULL, 'patient'),
	('test_change', '2024-06-01', NULL, 'Test', 'regression test',
	 3, '12 months', 'patient', '1 month', 'patient');
SELECT as_of, tpi_rules.next_eligible_date('{2024-01-31,2024-04-30}', 'test_change', as_of) AS next_eligible
FROM (VALUES (date '2024-05-01'), ('2024-06-01')) v(as_of)
ORDER BY as_of;
ROLLBACK;

-- Errors.
SELECT tpi_rules.next_eligible_date('{infinity}', 'medicare', '2024-01-01');
SELECT tpi_rules.next_eligible_date('{2024-01-01}', 'medicare', 'infinity');
