-- sessions_in_window(date, interval): distinct dates of service in
-- (d - interval, d] within the partition.
SET datestyle = 'ISO, YMD';
SET timezone = 'UTC';
SET intervalstyle = 'postgres';

CREATE TEMP TABLE w_small (patient_id text, dos date, note text);
INSERT INTO w_small VALUES
	('A', '2024-01-10', 'first'),
	('A', '2024-01-10', 'same day, second line'),
	('A', '2024-03-01', NULL),
	('A', '2024-06-30', NULL),
	('A', '2025-01-10', 'exactly 12 months after the first: first is out'),
	('A', '2025-01-11', NULL),
	('B', '2024-02-29', 'leap day'),
	('B', '2024-03-31', NULL),
	('B', '2025-02-28', '2025-02-28 - 12 months = 2024-02-28: leap day is in'),
	('B', '2025-03-01', NULL),
	('C', '2023-02-28', NULL),
	('C', '2024-02-29', '2024-02-29 - 12 months = 2023-02-28: out');

-- Duplicates count once; peers get the same value.
SELECT patient_id, dos,
	   tpi_rules.sessions_in_window(dos, interval '12 months')
		   OVER (PARTITION BY patient_id ORDER BY dos) AS in_12m,
	   tpi_rules.sessions_in_window(dos, interval '1 month')
		   OVER (PARTITION BY patient_id ORDER BY dos) AS in_1m,
	   note
FROM w_small
ORDER BY patient_id, dos, note;

-- Month-end arithmetic as PostgreSQL does it.
SELECT date '2024-02-29' - interval '12 months' AS leap_minus_year,
	   date '2024-03-31' - interval '1 month' AS march_end_minus_month;
SELECT d, tpi_rules.sessions_in_window(d, interval '1 month') OVER (ORDER BY d) AS n
FROM (VALUES (date '2024-02-29'), ('2024-03-30'), ('2024-03-31')) v(d)
ORDER BY d;

-- Generated data against a distinct-date oracle: 10,000 rows, 500
-- patients, dates around three leap days and month ends, plus duplicates.
CREATE TEMP TABLE w_gen AS
SELECT 'P' || (g % 500) AS patient_id,
	   date '2019-12-15' + ((hashint4(g) & 2147483647) % 1700) AS dos
FROM generate_series(1, 9500) g;
INSERT INTO w_gen
SELECT 'P' || p, d
FROM generate_series(0, 499) p,
	 (VALUES (date '2020-02-29'), ('2021-02-28'), ('2021-03-01'), ('2023-03-31'),
			 ('2024-02-29'), ('2024-03-31'), ('2024-04-30')) v(d)
WHERE (p + extract(day FROM d)::int) % 7 = 0;
INSERT INTO w_gen SELECT patient_id, dos FROM w_gen WHERE hashtext(patient_id || dos) % 17 = 0;
CREATE INDEX ON w_gen (patient_id, dos);
ANALYZE w_gen;
SELECT count(*) >= 10000 AS enough_rows, count(DISTINCT patient_id) AS patients,
	   count(*) FILTER (WHERE to_char(dos, 'MM-DD') = '02-29') > 0 AS has_leap_days
FROM w_gen;

-- (grouped by text: '3 months' = '90 days' as intervals)
SELECT iv::text AS iv, count(*) AS rows_checked,
	   count(*) FILTER (WHERE w IS DISTINCT FROM o) AS mismatches
FROM (VALUES (interval '12 months'), (interval '2 years'), (interval '3 months'),
			 (interval '90 days'), (interval '6 weeks'), (interval '1 month 10 days'),
			 (interval '1 day'), (interval '36 hours')) v(iv),
	 LATERAL (
		SELECT tpi_rules.sessions_in_window(dos, iv)
				   OVER (PARTITION BY patient_id ORDER BY dos) AS w,
			   (SELECT count(DISTINCT g2.dos) FROM w_gen g2
				WHERE g2.patient_id = g.patient_id
				  AND g2.dos > g.dos - iv AND g2.dos <= g.dos) AS o
		FROM w_gen g) x
GROUP BY iv::text
ORDER BY iv::text;

-- Every day of seven years: the count is the length of the window in days,
-- so every (date, months, days) combination checks the month arithmetic.
SELECT count(*) AS checked,
	   count(*) FILTER (WHERE w <> d - (d - iv)::date) AS mismatches
FROM (SELECT make_interval(months => m, days => dd) AS iv
	  FROM generate_series(0, 25) m, generate_series(0, 40, 3) dd
	  WHERE m + dd > 0) v,
	 LATERAL (SELECT d, tpi_rules.sessions_in_window(d, iv) OVER (ORDER BY d) AS w
			  FROM generate_series(date '2018-12-01', date '2026-03-31', interval '1 day') s,
				   LATERAL (SELECT s::date AS d) q) x
WHERE d >= date '2021-03-01';

-- One long partition with a tiny work_mem: the mark lets the tuplestore
-- drop rows behind the window; the built-in RANGE frame over one flag per
-- new date is the oracle here.
SET work_mem = '64kB';
SELECT count(*) AS rows_checked, count(*) FILTER (WHERE w <> o) AS mismatches
FROM (SELECT tpi_rules.sessions_in_window(dos, interval '90 days')
				 OVER (ORDER BY dos) AS w,
			 sum(first_of_day) OVER (ORDER BY dos RANGE BETWEEN interval '89 days' PRECEDING AND CURRENT ROW) AS o
	  FROM (SELECT dos, CASE WHEN lag(dos) OVER (ORDER BY dos) = dos THEN 0 ELSE 1 END AS first_of_day
			FROM (SELECT date '2000-01-01' + (g / 3) AS dos FROM generate_series(0, 59999) g) s) f) x;
RESET work_mem;

-- Other frame clauses do not matter: the function sees the partition.
SELECT dos, tpi_rules.sessions_in_window(dos, interval '12 months')
	OVER (PARTITION BY patient_id ORDER BY dos ROWS BETWEEN CURRENT ROW AND CURRENT ROW) AS n
FROM w_small WHERE patient_id = 'A'
ORDER BY dos;

-- NULL dates yield NULL and are not counted, whether they sort last or first.
CREATE TEMP TABLE w_null (patient_id text, dos date);
INSERT INTO w_null VALUES ('N', '2024-01-01'), ('N', NULL), ('N', '2024-02-01'),
						  ('N', NULL), ('N', '2024-02-01'), ('M', NULL);
SELECT patient_id, dos,
	   tpi_rules.sessions_in_window(dos, interval '12 months')
		   OVER (PARTITION BY patient_id ORDER BY dos) AS nulls_last,
	   tpi_rules.sessions_in_window(dos, interval '12 months')
		   OVER (PARTITION BY patient_id ORDER BY dos NULLS FIRST) AS nulls_first
FROM w_null
ORDER BY patient_id, dos NULLS FIRST;

-- A NULL interval yields NULL.
SELECT dos, tpi_rules.sessions_in_window(dos, NULL) OVER (ORDER BY dos) AS n
FROM w_small WHERE patient_id = 'C'
ORDER BY dos;

-- Errors.
SELECT tpi_rules.sessions_in_window(dos, interval '12 months')
	OVER (PARTITION BY patient_id ORDER BY dos DESC)
FROM w_small;
SELECT tpi_rules.sessions_in_window(dos, interval '0 days') OVER (ORDER BY dos) FROM w_small;
SELECT tpi_rules.sessions_in_window(dos, interval '-3 months') OVER (ORDER BY dos) FROM w_small;
SELECT tpi_rules.sessions_in_window(dos, interval '1 month -3 days') OVER (ORDER BY dos) FROM w_small;
SELECT tpi_rules.sessions_in_window(d, interval '1 year') OVER (ORDER BY d)
FROM (VALUES (date '2024-01-01'), ('infinity')) v(d);
SELECT tpi_rules.sessions_in_window(dos, make_interval(days => length(note)))
	OVER (PARTITION BY patient_id ORDER BY dos)
FROM w_small WHERE patient_id = 'A' AND note IS NOT NULL;
