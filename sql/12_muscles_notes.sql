-- What notes write (SPEC section 4): several muscles in one entry, sides
-- after the name, spinal levels, one-edit misspellings, part words; and
-- the rules that judge the count (code.upcoded, code.downcoded,
-- doc.unknown_muscle) reading the same parser.
SET datestyle = 'ISO, YMD';
SET timezone = 'UTC';

-- parse_muscle shows the first thing an entry names; muscle_count and
-- pick_code count every one.
SELECT e, (p).muscle, (p).side, (p).region, (p).kind,
       tpi_rules.muscle_count(ARRAY[e]) AS n, tpi_rules.pick_code(ARRAY[e]) AS code
  FROM (SELECT e, tpi_rules.parse_muscle(e) AS p
          FROM unnest(ARRAY[
	-- several names: and & + ; commas; the opening side applies to each
	'bilateral upper trapezius and levator scapulae',
	'right trapezius & levator scapulae',
	'left trapezius + rhomboids',
	'trapezius; levator scapulae',
	'R upper trap, levator scap, rhomboids',
	'right trapezius, left levator scapulae',
	'trapezius and levator scapulae bilaterally',
	'B/L trapezius, levator scapulae, and infraspinatus',
	-- one catalogue name across a separator stays one muscle
	'rhomboid major and minor',
	'upper and middle trapezius',
	'left and right trapezius',
	'trapezius left and right',
	-- side words after the name; -sided; bilaterally
	'piriformis R',
	'gluteus medius, left',
	'left-sided quadratus lumborum',
	'right-sided QL',
	'levator scapulae bilaterally',
	-- spinal levels after a group or region term
	'paraspinal muscles at L4-5',
	'paraspinals at C5-C6',
	'paraspinals T7',
	'left paraspinals at L5-S1',
	'low back at L4',
	'multifidus at L4',
	'paraspinals',
	-- one edit from a name or alias of six letters or more
	'trapezious',
	'levator scapule',
	'infraspinatous',
	'left trapeziux',
	'right rhomboidd',
	'gastrocenmius',
	'upper trapeziux',
	-- stays unknown: 5 letters, two edits, close to two muscles
	'psoaz',
	'trapezxyz',
	'teres mijor',
	-- part words: medial head, lateral head
	'medial head of gastrocnemius',
	'lateral head gastrocnemius right',
	'medial pterygoid'
	]) AS e) s
 ORDER BY e COLLATE "C";

-- The aggregates count every muscle of an entry.
SELECT tpi_rules.muscle_count_agg(e) AS n, tpi_rules.pick_code_agg(e) AS code
  FROM unnest(ARRAY['bilateral upper trapezius and levator scapulae']) AS e;
SELECT tpi_rules.muscle_count_agg(e) AS n, tpi_rules.pick_code_agg(e) AS code
  FROM unnest(ARRAY['right trapezius and levator', 'left trapezius']) AS e;

-- regions() reads levels and every name of an entry.
SELECT tpi_rules.regions(ARRAY['paraspinal muscles at L4-5']) AS lumbar,
       tpi_rules.regions(ARRAY['paraspinals at C5']) AS cervical,
       tpi_rules.regions(ARRAY['trapezius and piriformis']) AS two,
       tpi_rules.regions(ARRAY['paraspinals']) AS none;

-- The line rules count the same way: 20553 with one entry of four
-- muscles is no upcoding; 20552 with it is downcoded; a misspelling one
-- edit away is no unknown muscle, a 5-letter one is.
CREATE TEMP TABLE base AS
SELECT ROW('C1', 1, 'P1', 'commercial_default', '1234567893', '2025-03-03', '20552',
		   '{}', 1, '{M79.18}', '11',
		   '{right upper trapezius}', 2,
		   'lidocaine 1%', '3 ml', NULL, true, true, true, true, 'none', NULL, NULL
		   )::tpi_rules.claim_line AS l;
CREATE TEMP TABLE cases (name text PRIMARY KEY, l tpi_rules.claim_line);
INSERT INTO cases
SELECT c.name, jsonb_populate_record(b.l, c.changes)
  FROM base b, (VALUES
	('20553 bilateral trap and levator (4)', '{"hcpcs": "20553", "muscles": ["bilateral upper trapezius and levator scapulae"]}'::jsonb),
	('20553 right trap and levator (2)', '{"hcpcs": "20553", "muscles": ["right upper trapezius and levator scapulae"]}'),
	('20552 bilateral trap and levator (4)', '{"muscles": ["bilateral upper trapezius and levator scapulae"]}'),
	('20552 trap, levator, rhomboid left (3)', '{"muscles": ["trapezius, levator scapulae, rhomboids left"]}'),
	('20552 paraspinals at L4-5 (1 group)', '{"muscles": ["paraspinal muscles at L4-5"]}'),
	('20552 trapezious', '{"muscles": ["right trapezious"]}'),
	('20552 psoaz', '{"muscles": ["right psoaz"]}'),
	('20552 trapezius and foo', '{"muscles": ["right trapezius and foo"]}')
  ) AS c(name, changes);
SELECT c.name,
	   coalesce(string_agg(f.rule_id, ' ' ORDER BY f.rule_id), '-') AS rules
  FROM cases c LEFT JOIN LATERAL tpi_rules.check_line(c.l) f ON true
 GROUP BY c.name
 ORDER BY c.name COLLATE "C";

-- The engine's frequency regions read levels too (per-region policies).
SELECT tpi_rules.regions(ARRAY['right paraspinals at T7', 'left piriformis']) AS r;
