-- Muscles and code choice (SPEC section 4): parsing, counting, pick_code,
-- regions, the aggregates, and the catalogue as users change it.
SET datestyle = 'ISO, YMD';
SET timezone = 'UTC';

-- The catalogue: enough muscles, every SPEC region fixed as written.
SELECT kind, count(*) >= CASE kind WHEN 'muscle' THEN 80 ELSE 1 END AS enough
  FROM tpi_rules.muscle GROUP BY kind ORDER BY kind;
SELECT m.name, m.region = s.region AS region_as_spec, m.kind
  FROM (VALUES
	('trapezius', 'cervical'), ('levator scapulae', 'cervical'),
	('splenius capitis', 'cervical'), ('splenius cervicis', 'cervical'),
	('sternocleidomastoid', 'cervical'), ('scalenes', 'cervical'),
	('semispinalis capitis', 'cervical'), ('suboccipitals', 'cervical'),
	('rhomboid major', 'scapular'), ('rhomboid minor', 'scapular'),
	('infraspinatus', 'scapular'), ('supraspinatus', 'scapular'),
	('teres major', 'scapular'), ('teres minor', 'scapular'),
	('subscapularis', 'scapular'), ('serratus anterior', 'scapular'),
	('latissimus dorsi', 'scapular'),
	('deltoid', 'shoulder'), ('pectoralis major', 'shoulder'),
	('pectoralis minor', 'shoulder'), ('biceps brachii', 'shoulder'),
	('triceps brachii', 'shoulder'),
	('iliocostalis thoracis', 'thoracic'), ('longissimus thoracis', 'thoracic'),
	('spinalis', 'thoracic'), ('thoracic paraspinals', 'thoracic'),
	('quadratus lumborum', 'lumbar'), ('multifidus', 'lumbar'),
	('iliocostalis lumborum', 'lumbar'), ('longissimus', 'lumbar'),
	('erector spinae', 'lumbar'), ('psoas', 'lumbar'), ('iliopsoas', 'lumbar'),
	('lumbar paraspinals', 'lumbar'),
	('gluteus maximus', 'gluteal/hip'), ('gluteus medius', 'gluteal/hip'),
	('gluteus minimus', 'gluteal/hip'), ('piriformis', 'gluteal/hip'),
	('tensor fasciae latae', 'gluteal/hip'),
	('temporalis', 'cephalic'), ('frontalis', 'cephalic'), ('occipitalis', 'cephalic'),
	('masseter', 'facial'), ('medial pterygoid', 'facial'), ('lateral pterygoid', 'facial'),
	('biceps femoris', 'lower limb'), ('semitendinosus', 'lower limb'),
	('semimembranosus', 'lower limb'), ('hamstrings', 'lower limb'),
	('quadriceps', 'lower limb'), ('vastus lateralis', 'lower limb'),
	('gastrocnemius', 'lower limb'), ('soleus', 'lower limb'),
	('tibialis anterior', 'lower limb'),
	('forearm extensors', 'upper limb'), ('forearm flexors', 'upper limb'),
	('brachioradialis', 'upper limb'),
	('rectus abdominis', 'abdominal wall'), ('obliques', 'abdominal wall')
  ) AS s(name, region)
  LEFT JOIN tpi_rules.muscle m USING (name)
 WHERE m.region IS DISTINCT FROM s.region
 ORDER BY 1;
-- Aliases are lower case and claim no canonical name of another row.
SELECT a.name, al.alias
  FROM tpi_rules.muscle a, LATERAL unnest(a.aliases) AS al(alias)
 WHERE al.alias <> lower(al.alias)
    OR EXISTS (SELECT 1 FROM tpi_rules.muscle b WHERE b.name = al.alias AND b.name <> a.name)
 ORDER BY 1, 2;
-- Every catalogue name and alias parses back to its own row.
SELECT m.name, k.key, p.muscle, p.kind
  FROM tpi_rules.muscle m,
       LATERAL (SELECT m.name UNION ALL SELECT unnest(m.aliases)) AS k(key),
       LATERAL tpi_rules.parse_muscle(k.key) AS p
 WHERE p.muscle IS DISTINCT FROM m.name OR p.kind IS DISTINCT FROM m.kind
 ORDER BY 1, 2;

-- parse_muscle: sides, part words, abbreviations, messy text.
SELECT e AS entry, p.*
  FROM (VALUES (1, 'right upper trapezius'), (2, 'L levator scapulae'),
			   (3, 'R. Upper Trap'), (4, 'rt. trapezius, upper fibers'),
			   (5, '  LEFT   trapezius  '), (6, 'Trapezius (Lt)'),
			   (7, 'B/L levator scap'), (8, 'bilat SCM'), (9, 'both QL'),
			   (10, 'left and right trapezius'), (11, 'R/L rhomboid major'),
			   (12, 'glute med L'), (13, 'TFL, right'), (14, 'left-sided infra'),
			   (15, 'tibialis anterior'), (16, 'left anterior tibialis'),
			   (17, 'serratus anterior, lower'), (18, 'scalenus anterior'),
			   (19, 'anterior scalene'), (20, 'pectoralis major muscle'),
			   (21, 'pec minor'), (22, 'lats'), (23, 'posterior deltoid'),
			   (24, 'sterno-cleido-mastoid'), (25, 'm. gluteus medius'),
			   (26, 'Levator'), (27, 'lower back'), (28, 'shoulder'),
			   (29, 'paraspinal area'), (30, 'paraspinals'),
			   (31, 'lumbar paraspinals'), (32, 'erector spinae'),
			   (33, 'erector spinae group'), (34, 'rhomboids'),
			   (35, 'rotator cuff'), (36, 'hamstrings'), (37, 'left quads'),
			   (38, 'glutes'), (39, 'scalenes'), (40, 'suboccipitals'),
			   (41, 'Left Foo Muscle'), (42, 'lateral (outer) gastroc'), (42.5, 'lateral gastroc'),
			   (43, 'left'), (44, 'levator l'), (45, 'lt'),
			   (46, '...'), (47, ''), (48, 'rhomboid'),
			   (49, 'upper back'), (50, 'neck'), (51, 'infraspinatus RT'),
			   (52, 'Gastrocnemius, medial head'), (53, 'bilateral lower back'),
			   -- a region word makes a place even of a group term
			   (54, 'bilateral cervical paraspinal area'),
			   (55, 'thoracic paraspinal area'), (56, 'lumbar paraspinal region'),
			   (57, 'low back area'), (58, 'thoracic spine area'),
			   (59, 'cervical region'), (60, 'neck area'),
			   (61, 'cervical paraspinal muscles'), (62, 'multifidus left of L5'),
			   (63, 'lumbar multifidus'), (64, 'left upper trapezius region')
	   ) AS v(i, e),
	   LATERAL tpi_rules.parse_muscle(e) AS p
 ORDER BY i;
SELECT * FROM tpi_rules.parse_muscle(NULL);
-- A side letter inside a word is no side: 'levator' is not "l evator".
SELECT (tpi_rules.parse_muscle('lrt levator')).*;

-- AAPC examples (SPEC section 2).
SELECT tpi_rules.muscle_count('{right trapezius,left trapezius}') AS n,
       tpi_rules.pick_code('{right trapezius,left trapezius}') AS code;
SELECT tpi_rules.muscle_count('{right trapezius,left trapezius,right levator scapulae,left levator scapulae}') AS n,
       tpi_rules.pick_code('{right trapezius,left trapezius,right levator scapulae,left levator scapulae}') AS code;

-- Counting rules, one case per row.
SELECT c AS case_name, m AS muscles,
       tpi_rules.muscle_count(m) AS n, tpi_rules.pick_code(m) AS code
  FROM (VALUES
	(1, 'three injections in one muscle', '{right trapezius,right trapezius,R trap}'::text[]),
	(2, 'parts of one muscle on one side', '{right upper trapezius,right lower trapezius,rt middle trap}'),
	(3, 'parts of one muscle on two sides', '{right upper trapezius,left lower trapezius}'),
	(4, 'bilateral X is two', '{bilateral trapezius}'),
	(5, 'bilateral X and its left are two', '{bilateral trapezius,left trapezius}'),
	(6, 'no side and a side are two', '{trapezius,right trapezius}'),
	(7, 'no side twice is one', '{trapezius,Trapezius,TRAP}'),
	(8, 'three muscles', '{R trapezius,R levator scapulae,R rhomboid major}'),
	(9, 'group term one per side', '{paraspinals}'),
	(10, 'bilateral group term is two', '{bilateral paraspinals}'),
	(11, 'bilateral group plus a muscle', '{b/l lumbar paraspinals,R QL}'),
	(12, 'region term only', '{shoulder}'),
	(13, 'region terms only', '{neck,upper back,paraspinal area}'),
	(14, 'region term and muscles', '{shoulder,R deltoid,L deltoid}'),
	(14.1, 'spinal area terms only', '{bilateral cervical paraspinal area,thoracic paraspinal area}'),
	(14.2, 'spinal area term and a muscle', '{lumbar paraspinal region,L multifidus}'),
	(15, 'unknown counts one', '{left foo}'),
	(16, 'unknown repeated', '{left foo,LEFT  FOO,left foo.}'),
	(17, 'unknown bilateral', '{bilateral foo}'),
	(18, 'unknown and known', '{left foo,left trapezius,right trapezius}'),
	(19, 'NULL elements', '{NULL,right trapezius,NULL}'),
	(20, 'blank elements', '{"","   ",",",right trapezius}'),
	(21, 'empty array', '{}'),
	(22, 'only NULL elements', '{NULL,NULL}'),
	(23, 'left and right in one entry', '{left and right trapezius}'),
	(24, 'two regions', '{R SCM,R glute med,R piriformis}'),
	(25, 'messy spacing and case', '{"  Rt.   UPPER   trapezius ","R. trapezius","right, trapezius"}'),
	(26, 'tibialis anterior and posterior are two', '{left tibialis anterior,left tibialis posterior}'),
	(27, 'serratus anterior kept whole', '{left serratus anterior,left serratus}'),
	(28, 'multi-dimensional array', '{{R trap,L trap},{R QL,L QL}}'),
	(29, 'rhomboids: a muscle, one per side', '{left rhomboids,L rhomboid,right rhomboids}'),
	(30, 'rhomboids and a muscle each side', '{bilateral rhomboids,R trap}'),
	(31, 'rhomboid major and minor are two', '{right rhomboid major and minor,right levator scapulae}'),
	(32, 'counts inside entries name nothing', '{R trapezius x2,right trapezius (2 points),R levator x 3,L levator scapulae 2 trigger points}'),
	(33, 'where in the muscle names nothing', '{upper trapezius near the acromion,levator scapulae superior angle}'),
	(34, 'a slash between names lists them', '{left gluteus medius/minimus,R SCM/scalenes}'),
	(35, 'R/L is both sides, L4/5 a level', '{R/L trapezius,L4/5 paraspinals}'),
	(36, 'a spinal adjective alone is a region', '{lumbar,cervical}'),
	(37, 'a shared head word: four muscles', '{right rhomboid major and minor,right teres major and minor}'),
	(38, 'a shared tail word: both levels', '{bilateral cervical and thoracic paraspinals}'),
	(39, 'a count after a level, where before a place word', '{paraspinals at L4 2 points,right trapezius near the spine}'),
	(40, 'a part word naming another muscle with its neighbour: six', '{left tibialis anterior and posterior,right anterior and middle scalenes,scalenus anterior and medius}'),
	(41, 'a part word that only says where: one each', '{deltoid anterior and posterior,upper and middle trapezius}'),
	(42, 'on the left; a name restated by its abbreviation', '{splenius capitis on the left,left sternocleidomastoid muscle (SCM),quadratus lumborum (QL)}'),
	(43, 'what describes the muscle after a comma names nothing', '{"bilateral levator scapulae, superior angle","bilateral upper trapezius, taut band","R QL, near iliac crest, 1cc"}'),
	(44, 'heads and asymmetry are not muscles', '{"bilateral SCM, sternal and clavicular heads","bilateral trapezius muscles, right greater than left"}'),
	(45, 'a head shared along a list of three', '{"scalenus anterior, medius and posterior","bilateral cervical, thoracic, and lumbar paraspinals"}'),
	(46, 'no-break space, bullets, curly apostrophe', E'{"bilateral\u00a0upper trapezius and levator scapulae","R rhomboids \u2022 R SCM\u2019s"}'),
	(47, 'landmarks are region terms; abbreviations', '{L ES,R rhombs,paras,SI joint,periscapular muscles}'),
	(48, 'counts in the name, sides with counts, QL/glute med', '{R upper trapezius 2cc,"levator scapulae (L 2, R 1)",L QL/glute med}'),
	(49, 'a side with its count; two names without a separator', '{"trapezius R x2, L x1, rhomboids R x1",right infraspinatus teres minor}'),
	(50, 'two names without a separator keep their own sides', '{R trap/L levator,bilateral infraspinatus/L. masseter}')
  ) AS v(i, c, m)
 ORDER BY i;
SELECT tpi_rules.muscle_count(NULL) AS n, tpi_rules.pick_code(NULL) AS code,
       tpi_rules.regions(NULL) AS regions;

-- regions(): sorted, distinct; region terms and unknown entries add none.
SELECT m AS muscles, tpi_rules.regions(m) AS regions
  FROM (VALUES
	(1, '{R glute med,L SCM,R deltoid,R trapezius,R QL}'::text[]),
	(2, '{shoulder,neck,foo}'),
	(3, '{paraspinals}'),
	(4, '{thoracic paraspinals,lumbar paraspinals}'),
	(5, '{masseter,temporalis,rectus abdominis,forearm flexors,soleus,subclavius,iliocostalis thoracis,infraspinatus}'),
	(6, '{}'),
	(7, '{R trapezius x2,R rhomboid major (2 points)}'),
	(8, '{lumbar,thoracic}'),
	(9, '{"paraspinals, L4-5","erector spinae group, T8"}'),
	(10, '{"paraspinals (cervical)","thoracic erector spinae"}'),
	(11, '{right first dorsal interosseous,R adductor pollicis,procerus}')
  ) AS v(i, m)
 ORDER BY i;
SELECT e AS entry, p.*
  FROM unnest('{R trapezius x2,upper trapezius near the acromion,lumbar,rhomboid major and minor,gluteus medius/minimus}'::text[]) e,
	   tpi_rules.parse_muscle(e) p;
-- every muscle a shared word names is known: no doc.unknown_muscle
SELECT m AS muscles, tpi_rules.muscle_count(m) AS n,
	   (SELECT pg_catalog.string_agg(f.rule_id, ',' ORDER BY f.rule_id)
		  FROM tpi_rules.check_line(ROW('C1', 1, 'P1', 'commercial_default', NULL, '2025-01-06',
				'20553', NULL, 1, '{M79.18}', '11', m, 4, 'lidocaine 1%', '2 ml', NULL,
				true, true, true, true, 'none', NULL, NULL)::tpi_rules.claim_line) f) AS rules
  FROM (VALUES ('{right rhomboid major and minor,left gluteus medius/minimus}'::text[]),
			   ('{splenius capitis/cervicis,right teres major and minor}'),
			   ('{right rhomboid major and foo}')) AS v(m);

-- A 1 MB entry of part words stays fast (each reads its neighbours once).
SELECT tpi_rules.muscle_count(ARRAY[repeat('upper,', 170000) || 'deltoid']) AS parts_1mb;

-- Big inputs: 10,000 entries; a 1 MB entry; non-ASCII text.
SELECT tpi_rules.muscle_count(array_agg('left muscle' || g)) AS unknown_10000,
       tpi_rules.muscle_count(array_agg(CASE g % 2 WHEN 0 THEN 'left' ELSE 'right' END || ' trapezius')) AS trap_10000,
       tpi_rules.pick_code(array_agg('  '::text)) AS blank_10000
  FROM generate_series(1, 10000) AS g;
SELECT tpi_rules.muscle_count(ARRAY[repeat('trapezius ', 100000)]) AS n_1mb,
       (tpi_rules.parse_muscle(repeat('upper ', 200000) || 'trapezius')).kind AS kind_1mb,
       length((tpi_rules.parse_muscle(repeat('x,', 500000))).muscle) AS len_1mb,  -- 500,000 pieces "x": the first
       tpi_rules.muscle_count(ARRAY['right ' || repeat('é', 300000), 'left ' || repeat('é', 300000), 'right ' || repeat('é', 300000)]) AS n_nonascii;
-- Bytes >= 0x80 are parts of words: kept as they are, never matched (the
-- output shows only ASCII, so that it does not depend on the encoding).
SELECT i, p.kind, p.side, p.region, p.muscle = v.want AS muscle_as_expected
  FROM (VALUES (1, '右 trapezius', '右 trapezius'), (2, 'Trapézius droit', 'trapézius droit'),
			   (3, 'levator scapulae ✓', 'levator scapulae ✓'), (4, 'left trapèzius', 'trapèzius'),
			   (5, E'right\ttrapezius\n', 'trapezius'), (6, 'RIGHT  TRAPÈZIUS', 'trapÈzius')) AS v(i, e, want),
       LATERAL tpi_rules.parse_muscle(e) AS p ORDER BY i;

-- Entries as analysts' claim tables hold them (1.1).  A parenthesis says
-- something of the name before it: the name again, its members or parts
-- (they count, the group or whole not), its side.
SELECT e, p.muscle, p.side, p.kind, tpi_rules.muscle_count(ARRAY[e]) AS n
  FROM unnest(ARRAY['paraspinals (erector spinae)', 'erector spinae (paraspinals)',
				    'iliopsoas (psoas and iliacus)', 'bilateral iliopsoas (psoas and iliacus)',
				    'hamstrings (biceps femoris, semitendinosus)', 'scalenes (anterior and middle)',
				    'rhomboids (major and minor)', 'levator scapulae (LS)',
				    'trapezius (L), levator scapulae (R)', 'trapezius (levator)',
				    'trapezius, levator scapulae, right x2', 'right trapezius, levator scapulae, left x2',
				    'R LS', 'R LS x1', 'LS', 'R LS paraspinals', 'L/S paraspinals']) WITH ORDINALITY AS u(e, o),
       LATERAL tpi_rules.parse_muscle(e) AS p
 ORDER BY o;
SELECT tpi_rules.muscle_count(ARRAY['iliopsoas (psoas and iliacus)', 'R psoas', 'L iliacus']) AS iliopsoas_sided,
       tpi_rules.muscle_count(ARRAY['trapezius, levator scapulae, right x2', 'right trapezius', 'R levator scap']) AS list_side,
       tpi_rules.muscle_count(ARRAY['R LS x1', 'L LS x1', 'right levator scapulae']) AS ls_levator,
       tpi_rules.muscle_count(ARRAY['lateral (outer) gastroc', 'gastrocnemius']) AS aside;
SELECT tpi_rules.muscle_count(ARRAY['QL, bilateral, L3 level']) AS side_past_level,
       tpi_rules.muscle_count(ARRAY['QL, L3 level']) AS ql_level;
-- A review of the parentheses: a side with "only" is the name's; a name
-- each piece of the parenthesis completes counts its pieces, not itself;
-- words the catalogue does not know at all are a remark; "L/S" beside a
-- name reads as a lumbar level.
SELECT u.e, tpi_rules.muscle_count(ARRAY[u.e]) AS n, p.muscle, p.side, p.region
  FROM unnest(ARRAY['trapezius (right only)', 'trapezius (R only)', 'pectoralis (major and minor)',
				    'pec (major and minor) L', 'splenius (capitis and cervicis)',
				    'teres (major and minor)', 'vastus (lateralis, medialis)',
				    'trapezius (see note)', 'trapezius (levator, see note)',
				    'L/S QL', 'quadratus lumborum L/S', 'trapezius L/S', 'L/S multifidus',
				    'LS R', 'LS bilateral', 'LS', 'LS paraspinals R']) WITH ORDINALITY AS u(e, o),
       LATERAL tpi_rules.parse_muscle(u.e) AS p
 ORDER BY u.o;
SELECT tpi_rules.muscle_count(ARRAY['trapezius (right only)', 'trapezius (left only)']) AS sides_only;

-- 219 entries written as clinics and warehouses write them (one claim line
-- each, its entries split at '|'), with the count SPEC section 4 gives by
-- hand: the rows that disagree, and how many agree.
CREATE TEMP TABLE real_entry (i int, entries text, want int);
INSERT INTO real_entry VALUES
	(1, 'bilateral upper trapezius and levator scapulae', 4),
	(2, 'right trapezius|left trapezius', 2),
	(3, 'rhomboid major|rhomboid minor|levator scapular', 3),
	(4, 'R upper trap x2', 1),
	(5, 'Rt. Upper Trapezius (2 TPs)', 1),
	(6, 'B/L upper trapezius', 2),
	(7, 'bilat. trapezii', 2),
	(8, 'Trapezius - bilateral', 2),
	(9, 'trapezius, bilateral', 2),
	(10, 'L levator scapulae, 1 cc', 1),
	(11, 'R levator scap|L levator scap', 2),
	(12, 'left levator scapulae @ superior angle', 1),
	(13, 'bilateral levator scapulae muscles', 2),
	(14, 'bilateral rhomboids', 2),
	(15, 'R rhomboid major', 1),
	(16, 'rhomboid major and minor, right', 2),
	(17, 'left rhomboid major/minor', 2),
	(18, 'bilateral SCM', 2),
	(19, 'R sternocleidomastoid (SCM)', 1),
	(20, 'splenius capitis and splenius cervicis, left', 2),
	(21, 'B/L splenius capitis', 2),
	(22, 'R splenius capitis|L splenius capitis', 2),
	(23, 'bilateral suboccipitals', 2),
	(24, 'suboccipital muscles', 1),
	(25, 'bilateral cervical paraspinals', 2),
	(26, 'cervical paraspinal muscles', 1),
	(27, 'bilateral lumbar paraspinals L4-L5', 2),
	(28, 'lumbar paraspinal muscles bilaterally at L3-L5', 2),
	(29, 'low back', 0),
	(30, 'neck', 0),
	(31, 'upper back', 0),
	(32, 'shoulder region', 0),
	(33, 'R QL|L QL', 2),
	(34, 'bilateral quadratus lumborum', 2),
	(35, 'right QL', 1),
	(36, 'QL bilat', 2),
	(37, 'bilateral gluteus medius', 2),
	(38, 'L glute med', 1),
	(39, 'R gluteus medius and minimus', 2),
	(40, 'gluteus medius/minimus, left', 2),
	(41, 'bilateral piriformis', 2),
	(42, 'R piriformis muscle', 1),
	(43, 'left TFL', 1),
	(44, 'R TFL|R glute med', 2),
	(45, 'bilateral infraspinatus', 2),
	(46, 'L infraspinatus', 1),
	(47, 'R supraspinatus', 1),
	(48, 'R teres major and minor', 2),
	(49, 'left teres minor', 1),
	(50, 'bilateral latissimus dorsi', 2),
	(51, 'R lat', 1),
	(52, 'left serratus anterior', 1),
	(53, 'R serratus posterior superior', 1),
	(54, 'L pec minor', 1),
	(55, 'R pectoralis major', 1),
	(56, 'left anterior deltoid', 1),
	(57, 'right deltoid (posterior)', 1),
	(58, 'bilateral masseters', 2),
	(59, 'R temporalis', 1),
	(60, 'bilateral temporalis', 2),
	(61, 'B/L frontalis', 2),
	(62, 'occipitalis bilaterally', 2),
	(63, 'R medial pterygoid', 1),
	(64, 'bilateral anterior scalenes', 2),
	(65, 'R anterior, middle and posterior scalenes', 3),
	(66, 'scalenes bilateral', 2),
	(67, 'right scalene anterior and medius', 2),
	(68, 'L multifidus L5', 1),
	(69, 'multifidus bilaterally at L4-5', 2),
	(70, 'bilateral erector spinae', 2),
	(71, 'R iliocostalis lumborum', 1),
	(72, 'longissimus thoracis left', 1),
	(73, 'iliopsoas bilateral', 2),
	(74, 'R psoas', 1),
	(75, 'R psoas|R iliacus', 2),
	(76, 'left iliopsoas', 1),
	(77, 'bilateral hamstrings', 2),
	(78, 'R biceps femoris (long head)', 1),
	(79, 'R semitendinosus and semimembranosus', 2),
	(80, 'L vastus lateralis', 1),
	(81, 'bilateral gastrocnemius', 2),
	(82, 'R gastroc (medial head)', 1),
	(83, 'L soleus', 1),
	(84, 'R tibialis anterior', 1),
	(85, 'R brachioradialis', 1),
	(86, 'R forearm extensors|L forearm extensors', 2),
	(87, 'left wrist extensors', 1),
	(88, 'bilateral rectus abdominis', 2),
	(89, 'external obliques bilateral', 2),
	(90, 'bilat trap and levator', 4),
	(91, 'B/L UT and LS', 4),
	(92, 'R trap, R levator, R rhomboid', 3),
	(93, 'bilateral trapezius, levator scapulae, rhomboids', 6),
	(94, 'right trapezius, right levator scapulae, left trapezius', 3),
	(95, 'trapezius (R x2, L x1), levator scapulae (R x1, L x1)', 4),
	(96, 'Right: trapezius, levator, rhomboid', 3),
	(97, 'Left side: upper trap, SCM', 2),
	(98, 'trapezius and levator scapulae, bilateral', 4),
	(99, 'R levator scapulae (superior angle) and R upper trapezius', 2),
	(100, 'upper and middle trapezius, right', 1),
	(101, 'upper trapezius bilaterally (2 TPs each)', 2),
	(102, 'R trapezius - 2 sites', 1),
	(103, 'L trapezius, 3 trigger points', 1),
	(104, 'trapezius muscle, right side', 1),
	(105, 'right-sided trapezius', 1),
	(106, 'L-sided levator scap', 1),
	(107, 'trapezius R>L', 2),
	(108, 'bilateral trapezius, L>R', 2),
	(109, 'Right Upper Trapezius Muscle', 1),
	(110, 'RUT', 1),
	(111, 'upper trapezius', 1),
	(112, 'trapezius', 1),
	(113, 'traps', 1),
	(114, 'bilateral traps', 2),
	(115, 'levator', 1),
	(116, 'rhomboids', 1),
	(117, 'rhomboid', 1),
	(118, 'rhomboids (major and minor)', 2),
	(119, 'paraspinals (erector spinae)', 1),
	(120, 'iliopsoas (psoas and iliacus)', 2),
	(121, 'trapezius, levator scapulae, right x2', 2),
	(122, 'R LS', 1),
	(123, 'R LS x1|L LS x1', 2),
	(124, 'LS paraspinals', 1),
	(125, 'L/S paraspinals', 1),
	(126, 'bilateral L/S paraspinals', 2),
	(127, 'thoracic paraspinals T6-T8', 1),
	(128, 'bilateral thoracic paraspinal muscles', 2),
	(129, 'paraspinals at T7', 1),
	(130, 'B/L paraspinals C5-C7', 2),
	(131, 'R gluteus maximus|R gluteus medius', 2),
	(132, 'gluteus maximus, medius and minimus', 3),
	(133, 'R glute max, glute med, piriformis', 3),
	(134, 'bilat piriformis (x2 each)', 2),
	(135, 'hamstrings (biceps femoris, semitendinosus)', 2),
	(136, 'scalenes (anterior and middle)', 2),
	(137, 'quadratus lumborum (QL) right', 1),
	(138, 'R quadratus lumborum and L quadratus lumborum', 2),
	(139, 'QL, bilateral, L3 level', 2),
	(140, 'right trapezius; 2cc 1% lidocaine', 1),
	(141, 'L trapezius 1% lido 2ml', 1),
	(142, 'TPI L upper trapezius', 1),
	(143, 'trigger point injection right gluteus medius', 1),
	(144, 'R upper trapezius - taut band with twitch response', 1),
	(145, 'left levator scapulae (active TrP)', 1),
	(146, 'levator scapulae and upper trapezius on the left', 2),
	(147, 'trapezius and rhomboids bilaterally', 4),
	(148, 'right trapezius and left rhomboid', 2),
	(149, 'trapezius/levator scapulae', 2),
	(150, 'R trap/levator', 2),
	(151, 'R SCM & R scalenes', 2),
	(152, 'SCM + trapezius', 2),
	(153, 'levator scap; rhomboid', 2),
	(154, 'L infraspinatus (x3)', 1),
	(155, 'infraspinatus & teres minor R', 2),
	(156, 'right trapezius (upper fibers)', 1),
	(157, 'lower trapezius, left', 1),
	(158, 'Trapezius (upper), Levator Scapulae', 2),
	(159, 'Trap, levator, SCM', 3),
	(160, 'Bilat UT, LS', 4),
	(161, 'right cervical paraspinals|left cervical paraspinals', 2),
	(162, 'cervical paraspinal (semispinalis capitis)', 1),
	(163, 'R splenius capitis (x2)', 1),
	(164, 'splenius capitis (right and left)', 2),
	(165, 'levator scapulae (bilateral)', 2),
	(166, 'trapezius (left and right)', 2),
	(167, 'L rhomboid minor', 1),
	(168, 'R rhomboid major, R rhomboid minor, R levator scapulae', 3),
	(169, 'rhomboideus major & minor (R)', 2),
	(170, 'R mid trap', 1),
	(171, 'middle trapezius', 1),
	(172, 'R lower trap|L lower trap', 2),
	(173, 'erector spinae (iliocostalis)', 2),
	(174, 'multifidus (lumbar)', 1),
	(175, 'gluteus medius (bilateral)', 2),
	(176, 'glutes (medius and minimus), right', 2),
	(177, 'posterior deltoid R', 1),
	(178, 'L infra', 1),
	(179, 'supra R', 1),
	(180, 'bilat lats', 2),
	(181, 'teres major R', 1),
	(182, 'R pec major (sternal head)', 1),
	(183, 'bilateral masseter muscles', 2),
	(184, 'right temporalis muscle', 1),
	(185, 'temporalis and masseter, right', 2),
	(186, 'L gastrocnemius (lateral head)', 1),
	(187, 'TRAPEZIUS-BILATERAL', 2),
	(188, 'TRAPEZIUS_RIGHT', 1),
	(189, 'Trapezius (Right)', 1),
	(190, 'Trapezius (Right); Levator Scapulae (Right)', 2),
	(191, '"right upper trapezius"', 1),
	(192, 'R. upper trapezius.', 1),
	(193, 'Lt/Rt trapezius', 2),
	(194, 'rt upper trap - 2 injections', 1),
	(195, 'L upper trap x 2 sites', 1),
	(196, 'UT B/L', 2),
	(197, 'BL UT', 2),
	(198, 'R UT', 1),
	(199, 'R UT, R LS', 2),
	(200, 'B/L UT, B/L LS', 4),
	(201, 'Levator Scapulae [L]', 1),
	(202, 'Levator Scapulae [L], Trapezius [L]', 2),
	(203, 'Gluteus Medius - Left', 1),
	(204, 'Gluteus Medius - Left, Gluteus Minimus - Left', 2),
	(205, 'QL (R)', 1),
	(206, 'Quadratus Lumborum (Bilateral)', 2),
	(207, 'piriformis (L) x3', 1),
	(208, 'SCM (sternal & clavicular heads), R; scalenes, R', 2),
	(209, 'R levator scapulae (LS)', 1),
	(210, 'R LS, R UT (2 TPs each)', 2),
	(211, 'R ES', 1),
	(212, 'ES bilat', 2),
	(213, 'L4-5 paraspinals R', 1),
	(214, 'paraspinals L4-5 bilaterally', 2),
	(215, 'splenius cap R', 1),
	(216, 'rhomboid (R)', 1),
	(217, 'rhomboid (R), levator (R), trap (R)', 3),
	(218, 'iliopsoas (L) and QL (L)', 2),
	(219, 'lumbar paraspinals (multifidus) bilateral', 2);
SELECT i, entries, want, tpi_rules.muscle_count(string_to_array(entries, '|')) AS got
  FROM real_entry
 WHERE tpi_rules.muscle_count(string_to_array(entries, '|')) IS DISTINCT FROM want
 ORDER BY i;
SELECT count(*) AS entries,
       count(*) FILTER (WHERE tpi_rules.pick_code(string_to_array(entries, '|'))
                        IS NOT DISTINCT FROM CASE WHEN want = 0 THEN NULL WHEN want < 3 THEN '20552' ELSE '20553' END) AS codes_agree
  FROM real_entry;

-- Aggregates over one row per entry agree with the array functions.
CREATE TEMP TABLE doc (line int, entry text);
INSERT INTO doc VALUES
	(1, 'right trapezius'), (1, 'left trapezius'),
	(2, 'right trapezius'), (2, 'left trapezius'), (2, 'R levator scap'), (2, 'L levator scap'),
	(3, 'shoulder'), (3, NULL),
	(4, NULL),
	(5, 'bilateral paraspinals'), (5, 'left foo'),
	(6, 'right trapezius'), (6, 'rt upper trap'), (6, 'R. trapezius');
SELECT line, tpi_rules.muscle_count_agg(entry) AS n, tpi_rules.pick_code_agg(entry) AS code,
       tpi_rules.muscle_count(array_agg(entry)) AS n_array,
       tpi_rules.pick_code(array_agg(entry)) AS code_array
  FROM doc GROUP BY line ORDER BY line;
SELECT tpi_rules.muscle_count_agg(entry) AS n_empty, tpi_rules.pick_code_agg(entry) AS code_empty
  FROM doc WHERE false;
-- Window use calls the final function repeatedly on one state.
SELECT line, entry, tpi_rules.muscle_count_agg(entry) OVER (PARTITION BY line ORDER BY entry COLLATE "C") AS running
  FROM doc WHERE line = 2 ORDER BY line, entry COLLATE "C";

-- Users' catalogue rows are seen by the next query.
SELECT (tpi_rules.parse_muscle('left stylohyoid')).*;
INSERT INTO tpi_rules.muscle (name, region, kind, aliases) VALUES ('stylohyoid', 'cervical', 'muscle', '{stylo}');
SELECT (tpi_rules.parse_muscle('left stylo')).*;
SELECT tpi_rules.muscle_count('{L stylohyoid,R stylo,stylo}') AS n;
DELETE FROM tpi_rules.muscle WHERE name = 'stylohyoid';
SELECT (tpi_rules.parse_muscle('left stylo')).*;
-- so are the rule engine's (remembered) summaries of a line's muscles
CREATE TEMP TABLE omo_line AS
SELECT ROW('C1', 1, 'P1', 'commercial_default', NULL, '2025-01-06', '20552', NULL, 1,
		   '{M79.18}', '11', '{left stylohyoid,right stylohyoid}', 2, 'lidocaine 1%', '2 ml',
		   NULL, true, true, true, true, 'none', NULL, NULL)::tpi_rules.claim_line AS l;
SELECT f.rule_id FROM omo_line, tpi_rules.check_line(l) f ORDER BY 1;
INSERT INTO tpi_rules.muscle (name, region, kind, aliases) VALUES ('stylohyoid', 'cervical', 'muscle', '{stylo}');
SELECT f.rule_id FROM omo_line, tpi_rules.check_line(l) f ORDER BY 1;
DELETE FROM tpi_rules.muscle WHERE name = 'stylohyoid';
SELECT f.rule_id FROM omo_line, tpi_rules.check_line(l) f ORDER BY 1;
-- Changes are seen inside a transaction, and undone by its rollback.
BEGIN;
UPDATE tpi_rules.muscle SET aliases = aliases || '{utrap}'::text[] WHERE name = 'trapezius';
SELECT (tpi_rules.parse_muscle('R utrap')).*;
-- a user row replaces a shipped row of the same name
INSERT INTO tpi_rules.muscle (name, region, kind, aliases) VALUES ('back', 'thoracic', 'region', '{}');
-- the shipped aliases go with the shipped row: 'back area' is the user's back
-- and its region word
SELECT (tpi_rules.parse_muscle('back')).*, (tpi_rules.parse_muscle('back area')).muscle AS old_alias_read;
SELECT name, builtin FROM tpi_rules.muscle WHERE name IN ('back', 'trapezius') ORDER BY name;
ROLLBACK;
SELECT (tpi_rules.parse_muscle('R utrap')).kind AS utrap, (tpi_rules.parse_muscle('back')).region AS back_region,
       (tpi_rules.parse_muscle('back area')).kind AS back_area;
SELECT name, builtin FROM tpi_rules.muscle WHERE name IN ('back', 'trapezius') ORDER BY name;

-- A role without SELECT on the catalogue still gets the catalogue's answer:
-- the reload after this change runs as the extension's owner.
CREATE ROLE regress_muscle_reader;
INSERT INTO tpi_rules.muscle (name, region, kind, aliases) VALUES ('stylohyoid', 'cervical', 'muscle', '{stylo}');
SET ROLE regress_muscle_reader;
SELECT tpi_rules.muscle_count('{R stylo,L stylohyoid,right stylohyoid}') AS n,
       tpi_rules.regions('{R stylo}') AS regions;
SELECT count(*) FROM tpi_rules.muscle;
RESET ROLE;
DELETE FROM tpi_rules.muscle WHERE name = 'stylohyoid';
DROP ROLE regress_muscle_reader;
