-- test/hardening/seed.sql: hostile and ordinary claim data for the
-- hardening runs (sqlsmith, the call matrix, valgrind, UBSan).
--
-- Run as the role that will own the tables (the non-superuser "smith" in
-- the sqlsmith run), in a database where tpi_rules is installed.  Makes in
-- the current schema:
--   hd_claims        claim_line layout, ~600 rows: valid lines of every
--                    code the rules know, and bad values of every kind
--                    (NULLs, empty and huge arrays, non-ASCII, malformed
--                    codes and modifiers, extreme dates and units)
--   hd_claims_v      a view over hd_claims
--   hd_claims_bad    a table missing required claim_line columns
--   hd_claims_types  claim_line column names with the wrong types
--   hd_inputs        one column per argument type the tpi_rules functions
--                    take, filled with edge values, so sqlsmith (which makes
--                    no literals but NULL) has hostile values to pass
-- Deterministic: setseed() first.
SET datestyle = 'ISO, YMD';
SELECT setseed(0.8) \gset

-- The claim_line layout spelled out: LIKE tpi_rules.claim_line needs SELECT
-- on it, which only its owner has.
CREATE TABLE hd_claims (
	claim_id text NOT NULL, line_no smallint NOT NULL, patient_id text NOT NULL,
	payer_id text NOT NULL, provider_npi text, date_of_service date NOT NULL,
	hcpcs text NOT NULL, modifiers text[], units integer DEFAULT 1, icd10 text[],
	place_of_service text, muscles text[], trigger_points integer, drug_name text,
	drug_dose text, claim_note text, note_signed boolean, post_procedure_plan boolean,
	conservative_care boolean, tp_locations boolean, guidance text, charge numeric(12,2), ndc text,
	PRIMARY KEY (claim_id, line_no)
);

-- Ordinary lines: several patients with TPI sessions over two years, with
-- E/M, joint injections, drugs and guidance codes on some of the days.
INSERT INTO hd_claims
SELECT 'C' || (g / 3), (g % 3 + 1)::smallint,
	   'P' || (g % 40),
	   (ARRAY['medicare', 'medicare_novitas', 'emblemhealth', 'aetna', 'evicore',
			  'bcbsa', 'commercial_default', 'unknown_payer'])[1 + g % 8],
	   (ARRAY['1234567893', '1987654321', NULL])[1 + g % 3],
	   DATE '2024-01-02' + (g * 7) % 700,
	   (ARRAY['20552', '20553', '20552', '20553', '99213', '20610', 'J3301',
			  '76942', '20560', 'J1030', '64450', '99214', 'C9399', 'J3490'])[1 + g % 14],
	   (ARRAY[NULL, '{}', '{25}', '{59}', '{XS}', '{50}', '{LT}', '{RT,59}', '{XU,XE,XP,GA}'])[1 + g % 9]::text[],
	   (ARRAY[1, 1, 1, 2, NULL])[1 + g % 5],
	   (ARRAY['{M79.18}', '{M7918}', '{M79.1}', '{M54.5,G44.209}', '{Z00.00}', NULL, '{}'])[1 + g % 7]::text[],
	   (ARRAY['11', '22', '24', '19', NULL, '11'])[1 + g % 6],
	   (ARRAY['{right trapezius,left trapezius}',
			  '{R upper trapezius,L levator scapulae,rhomboids}',
			  '{bilateral trapezius,SCM}',
			  '{shoulder}', '{paraspinals}', '{QL,glute med,TFL,piriformis}',
			  '{rt. infraspinatus}', NULL, '{}', '{foo muscle}',
			  '{B/L upper trap, bilat levator scap, both rhomboids}'])[1 + g % 11]::text[],
	   g % 6,
	   (ARRAY['lidocaine 1%', 'bupivacaine', 'saline', NULL, 'triamcinolone', 'dextrose'])[1 + g % 6],
	   (ARRAY['2 mL', NULL, '40 mg'])[1 + g % 3],
	   (ARRAY[NULL, 'J3490 lidocaine 1% 5 mL', ''])[1 + g % 3],
	   g % 2 = 0, g % 3 <> 0, g % 5 <> 0, g % 7 <> 0,
	   (ARRAY['none', 'ultrasound', NULL, 'fluoroscopy', 'ct', 'mri', 'x-ray'])[1 + g % 7]
FROM generate_series(0, 479) AS g;

-- Bad values, one kind per row (claim ids X...).
INSERT INTO hd_claims (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs,
					   modifiers, units, icd10, place_of_service, muscles, drug_name, guidance)
VALUES
 ('X01', 1, 'Q1', 'medicare', '2025-01-01', '20552', NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 ('X02', 1, 'Q1', 'medicare', '2025-01-01', '2055', '{}', 0, '{}', '', '{}', '', ''),
 ('X03', 1, 'Q1', 'medicare', '2025-01-01', '205522', '{"", "5", "590", NULL}', -1, '{NULL}', '1', '{NULL}', NULL, 'none'),
 ('X04', 1, 'Q2', 'medicare', 'infinity', '20553', '{25,59,XS,XE,XP,XU,50,LT,RT}', 2147483647, '{M79.18}', '11',
  '{a,b,c,d,e,f,g,h}', 'lidocaine', 'ultrasound'),
 ('X05', 1, 'Q2', 'medicare', '-infinity', '20552', '{{59,25},{XS,LT}}', -2147483648, '{{M79.18}}', '99',
  '{{right trapezius,left trapezius},{SCM,QL}}', 'lidocaine', NULL),
 ('X06', 1, 'Q3', 'emblemhealth', '4713-01-01 BC', '20553', NULL, 1, '{M79.18}', '11',
  '{right trapezius,left trapezius,right SCM}', 'saline', NULL),
 ('X07', 1, 'Q3', 'emblemhealth', '5874897-12-31', '20553', NULL, 1, '{M79.18}', '11',
  '{right trapezius,left trapezius,right SCM}', 'botox', NULL),
 ('X08', 1, 'Q4', 'medicare', '2025-02-01', 'ÄÖÜ55', '{ä1,☃☃}', 1, '{Ｍ79.18,M79.１8}', '１１',
  '{músculo trapézio derecho,левая трапеция,僧帽筋,𝕿rapezius,🙂}', 'lidocaína', 'écho'),
 ('X09', 1, 'Q4', 'medicare', '2025-02-01', '20552', '{"%s%n%x","\\"}', 1, '{"%n"}', '%d',
  '{"%s%s%s%s%s%s%s%s","right %n trapezius","\\\\"}', '%s', '%n'),
 ('X10', 1, 'Q5', 'medicare', '2025-03-01', '20552', NULL, 1, NULL, '11',
  (SELECT array_agg('right trapezius'::text) FROM generate_series(1, 5000)), NULL, NULL),
 ('X11', 1, 'Q5', 'medicare', '2025-03-02', '20553', NULL, 1, NULL, '11',
  (SELECT array_agg('muscle number ' || i) FROM generate_series(1, 3000) AS i), NULL, NULL),
 ('X12', 1, 'Q6', 'medicare', '2025-03-03', '20552', NULL, 1, NULL, '11',
  ARRAY[repeat('right trapezius ', 20000), repeat('x', 100000)], repeat('lidocaine ', 10000), NULL),
 ('X13', 1, 'Q6', '', '2025-03-04', '', '{" "}', 1, '{" "}', ' ', '{" ", ",", "R.", "left", "bilateral", "B/L"}', ' ', ' '),
 ('X14', 1, 'Q7', repeat('p', 10000), '2025-03-05', repeat('2', 1000), NULL, 1, ARRAY[repeat('M', 5000)], repeat('1', 300),
  '{upper,middle,lower,belly}', NULL, repeat('u', 5000)),
 ('X15', 1, 'Q7', 'medicare', '2025-03-05', '20552', (SELECT array_agg('59'::text) FROM generate_series(1, 1000)), 1,
  (SELECT array_agg('M79.18'::text) FROM generate_series(1, 1000)), '11', '{right trapezius}', 'lidocaine', NULL),
 ('X16', 32767, 'Q8', 'medicare', '2000-02-29', '20552', NULL, 1, '{M79.1}', '11', '{right trapezius}', 'lidocaine', NULL),
 ('X17', -32768, 'Q8', 'medicare', '2021-10-01', '20552', NULL, 1, '{M54.5}', '11', '{right trapezius}', 'lidocaine', NULL),
 ('X18', 0, 'Q9', 'medicare', '1900-01-01', '20553', '{XS}', 3, '{m79.18, m 79 18, M79..18}', '22',
  '{"R upper, middle, lower trapezius", "rt. trap; lt. trap", "l. levator scap.", "bilat. rhomboids"}', 'lidocaine', 'ct');

-- The muscles column as a one-entry-per-row table for the aggregates.
CREATE TABLE hd_entries AS
SELECT c.claim_id, c.patient_id, c.date_of_service, e AS entry
FROM hd_claims AS c, unnest(c.muscles) AS e
WHERE c.claim_id NOT IN ('X10', 'X11', 'X12');

CREATE VIEW hd_claims_v AS SELECT * FROM hd_claims;

CREATE TABLE hd_claims_bad (claim_id text, line_no smallint, hcpcs text);
INSERT INTO hd_claims_bad VALUES ('B1', 1, '20552');

CREATE TABLE hd_claims_types (
	claim_id integer, line_no text, patient_id integer, payer_id integer,
	date_of_service text, hcpcs integer, modifiers text, units text,
	icd10 text, place_of_service integer, muscles text, guidance integer
);
INSERT INTO hd_claims_types VALUES (1, 'one', 1, 2, '2025-01-01', 20552, '59', 'two', 'M79.18', 11,
									'right trapezius', 3);

-- Edge values per argument type, one column each; row 1 holds ordinary
-- values so that sqlsmith also reaches the deeper code paths.
-- a relation that is not a table, for audit()
CREATE SEQUENCE hd_claims_pkey_dummy_seq;

CREATE TABLE hd_inputs (
	id		integer,
	t		text,
	ta		text[],
	d		date,
	da		date[],
	i		interval,
	n		integer,
	s		smallint,
	num		numeric,
	rel		regclass,
	b		bytea,
	line	tpi_rules.claim_line
);
INSERT INTO hd_inputs (id, t, ta, d, da, i, n, s, num, rel, b) VALUES
 (1, 'right trapezius', '{right trapezius,left trapezius,SCM}', '2025-03-03',
  '{2025-01-01,2025-02-01,2025-03-01}', '12 months', 1, 1, 1, 'hd_claims', '\x01'),
 (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (3, '', '{}', 'infinity', '{}', '0', 0, 0, 0, 'hd_claims_v', '\x'),
 (4, ' ', '{NULL}', '-infinity', '{NULL}', '-1 day', -1, -1, -1, 'hd_claims_bad', '\x00'),
 (5, 'medicare', '{""}', '4713-01-01 BC', '{infinity,-infinity}', '178000000 years', 2147483647, 32767,
  'NaN', 'hd_claims_types', '\x01000000ffffffff'),
 (6, '20553', '{{a,b},{c,d}}', '5874897-12-31', '{2025-03-01,2025-01-01,2025-03-01}', '-178000000 years',
  -2147483648, -32768, 1e-100, 'tpi_rules.claim_line', '\x01ffffffff'),
 (7, repeat('trapezius ', 10000), '[5:6]={right trap,left trap}', '2000-02-29', '{4713-01-01 BC,5874897-12-31}',
  '1 microsecond', 3, 3, 99999999999999999999, 'tpi_rules.rule', '\x0100000001'),
 (8, '13202-01', '{shoulder,neck,back}', '2026-01-01', '{2024-01-01,2024-02-01,2024-03-01,2024-04-01}',
  '2147483647 days', 20552, 20552, 51.77, 'pg_class', '\x02'),
 (9, '/etc/passwd', '{bilateral paraspinals,B/L QL,both glutes}', '2025-01-01', NULL, '6 weeks', 100, 100,
  -0.005, 'hd_claims_pkey_dummy_seq', '\xdeadbeef'),
 (10, 'músculo trapézio 僧帽筋 🙂', '{músculo,🙂,"%s%n"}', '2021-10-01', '{2021-10-01}', '3 months', 4, 4, 1e10,
  'hd_entries', '\x0100000005000000'),
 (11, '%s%n%x%p', '{"R.","rt.","B/L",",",";"}', '2024-12-31', '{2024-12-31}', '90 days', 5, 5, 0.5,
  'hd_inputs', '\x01000000010000000100000061'),
 (12, 'unknown_payer', '{foo,bar,baz,qux}', '2025-12-31', '{2025-12-31}', '1 year', 6, 6, 2, 'hd_claims_v', '\x00000000');
-- huge arrays
INSERT INTO hd_inputs (id, ta, da) VALUES
 (13, (SELECT array_agg('muscle ' || i) FROM generate_series(1, 10000) AS i),
  (SELECT array_agg(DATE '2000-01-01' + i) FROM generate_series(1, 10000) AS i)),
 (14, (SELECT array_agg('right trapezius'::text) FROM generate_series(1, 10000)),
  (SELECT array_agg(DATE '2025-01-01') FROM generate_series(1, 10000)));
UPDATE hd_inputs AS h SET line = (SELECT ROW(c.*)::tpi_rules.claim_line FROM hd_claims AS c
								  ORDER BY c.claim_id, c.line_no OFFSET h.id * 37 LIMIT 1);
INSERT INTO hd_inputs (id, line)
SELECT 100 + row_number() OVER (ORDER BY claim_id, line_no), ROW(c.*)::tpi_rules.claim_line
FROM hd_claims AS c WHERE claim_id LIKE 'X%';

ANALYZE hd_claims, hd_entries, hd_inputs;
