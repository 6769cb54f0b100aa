-- read_note() in SQL: 20,000 generated notes of about 1 KB, read serially
-- (one core) and then audited through the claims-to-notes view pattern.
\timing on
SET max_parallel_workers_per_gather = 0;
DROP TABLE IF EXISTS bench_notes;
CREATE TABLE bench_notes AS
SELECT g AS id,
       format(E'PROCEDURE NOTE - TRIGGER POINT INJECTIONS\nIndication: myofascial pain, failed %s.\n'
              'Exam: taut bands with twitch responses in the %s %s and %s %s.\n'
              'Procedure: after consent and sterile prep, trigger point injections were performed: '
              '%s %s x%s, %s %s x2.\nTotal sites: %s. Medication: %s %s%% %s mL.\n'
              'HISTORY: TPIs to the %s rhomboids last visit.\nPlan: follow up in %s weeks, '
              'consider the %s next visit; continue home exercise.\n'
              'Assessment: chronic myofascial pain syndrome of the neck, upper back and low back with '
              'active trigger points; no red flags; neurological examination is normal; the patient '
              'understands the risks of bleeding, infection and pneumothorax. Vitals stable. '
              'Complications: none; the patient tolerated the procedure well and left ambulatory.\n%s\n',
              (ARRAY['physical therapy', 'NSAIDs', 'massage', 'chiropractic'])[1 + g % 4],
              s1, m1, s2, m2, s1, m1, 1 + g % 3, s2, m2, 3 + g % 3,
              (ARRAY['lidocaine', 'Marcaine', 'Xylocaine', 'ropivacaine'])[1 + g % 4],
              (ARRAY['1', '0.5', '0.25'])[1 + g % 3], 2 + g % 6,
              s2, 2 + g % 6, m1,
              CASE WHEN g % 10 = 0 THEN 'Unsigned draft.' ELSE 'Electronically signed by A. Doctor, MD' END)
       AS body
  FROM generate_series(1, 20000) AS g,
       LATERAL (SELECT (ARRAY['right', 'left', 'bilateral', 'R', 'L'])[1 + g % 5] AS s1,
                       (ARRAY['left', 'right', 'B/L'])[1 + g % 3] AS s2,
                       (ARRAY['upper trapezius', 'levator scapulae', 'quadratus lumborum', 'gluteus medius', 'rhomboids', 'infraspinatus'])[1 + g % 6] AS m1,
                       (ARRAY['piriformis', 'SCM', 'paraspinal muscles at L4-5', 'teres minor', 'levator scap'])[1 + g % 5] AS m2) s;
SELECT count(*) AS notes, round(avg(length(body))) AS mean_bytes FROM bench_notes;

-- Serial reads (the first call builds the vocabulary).
SELECT (tpi_rules.read_note('warm up')).guidance AS warm;
SELECT count(*) AS notes, sum(cardinality(f.muscles)) AS muscles,
       count(*) FILTER (WHERE tpi_rules.pick_code(f.muscles) = '20553') AS code_20553
  FROM bench_notes n, LATERAL tpi_rules.read_note(n.body) f;
