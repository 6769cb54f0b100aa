-- test/data/gen_claims.sql: a deterministic generator of realistic claim
-- lines for benchmarks and the demo.
--
--   psql -v n=1000000 -v table=bench_claims -f test/data/gen_claims.sql
--
-- n (default 1000000) lines go into a new table :table (default
-- bench_claims) with the columns of tpi_rules.claim_line, its primary key
-- and its (patient_id, date_of_service) index.  The same n gives the same
-- rows on every run and platform: every choice is a hash of the row's
-- number (hashint8extended), nothing calls random().
--
-- Shape: claims of 1 to 4 lines (2.5 on average) in a fixed pattern of
-- four claims per 10 lines; six claims per patient, 10 to 90 days apart
-- from a start date in 2023-2024, so patients have months of history and
-- some exceed their payer's caps and intervals.  Line 1 is the TPI (85%:
-- 20552 or 20553, with 1-6 muscles from one body area, sides and messy
-- spelling; a share of them up- or downcoded) or another procedure; later
-- lines are drugs (J-codes, J3490 with or without a note), E/M visits
-- with or without modifier 25, joint injections, nerve blocks, guidance,
-- and now and then a second TPI line.  Payers: medicare,
-- medicare_novitas, emblemhealth, aetna, evicore, bcbsa,
-- commercial_default.  Diagnoses: M79.10-M79.18, G44.2xx, M54.50, M54.2,
-- and the deleted M79.1 and M54.5 now and then, with or without the dot.
-- A small share of values is malformed (POS '00', a three-character
-- modifier, units 0) so the input rules have something to find.
\set ON_ERROR_STOP on
\if :{?n}
\else
\set n 1000000
\endif
\if :{?table}
\else
\set table bench_claims
\endif

SET synchronous_commit = off;
DROP TABLE IF EXISTS :"table";
CREATE TABLE :"table" (LIKE tpi_rules.claim_line INCLUDING DEFAULTS);

INSERT INTO :"table"
WITH p AS (
	SELECT
		'{medicare,medicare,medicare,medicare,medicare,medicare,medicare,medicare_novitas,medicare_novitas,emblemhealth,emblemhealth,aetna,aetna,aetna,evicore,evicore,bcbsa,bcbsa,commercial_default,commercial_default}'::text[] AS payers,
		'{11,11,11,11,11,11,11,11,11,11,11,11,11,11,11,22,22,19,24,12}'::text[] AS pos,
		'{M79.10,M79.11,M79.12,M79.18,M79.18,M79.11,G44.209,G44.229,G44.211,G44.201,M54.50,M54.2,M62.838,M79.7,M79.1,M54.5}'::text[] AS dx,
		-- muscle spellings by body area: neck/shoulder, upper back, low back, hip, head, limbs
		'{upper trapezius,trap,trapezius,levator scapulae,levator scap,SCM,sternocleidomastoid,splenius capitis,scalenes,suboccipitals,semispinalis capitis,upper trap,Levator Scap.,cervical paraspinals}'::text[] AS area1,
		'{rhomboid major,rhomboids,infraspinatus,infra,supraspinatus,teres minor,lats,serratus anterior,mid trap,lower trapezius,thoracic paraspinals,rhomboid minor,teres major,subscapularis}'::text[] AS area2,
		'{QL,quadratus lumborum,lumbar paraspinals,erector spinae,multifidus,iliocostalis,paraspinals,longissimus,psoas,low back,quad lumborum,iliopsoas,paraspinal area,lumbar paraspinal}'::text[] AS area3,
		'{glute med,gluteus medius,gluteus maximus,glute max,piriformis,TFL,gluteus minimus,glutes,glute min,tensor fascia lata,hip,buttock,piriformis m.,gmed}'::text[] AS area4,
		'{temporalis,masseter,frontalis,occipitalis,SCM,upper trap,suboccipitals,splenius capitis,medial pterygoid,lateral pterygoid,temporalis m,masseters,trapezius,neck}'::text[] AS area5,
		'{deltoid,posterior deltoid,pec major,pectoralis minor,biceps,triceps,brachioradialis,forearm extensors,gastroc,soleus,tibialis anterior,hamstrings,vastus lateralis,shoulder}'::text[] AS area6,
		'{"right ","left ","R ","L ","Rt. ","lt ","bilateral ","","R. ","Left ","RIGHT ","L. ","","right ","left ","B/L "}'::text[] AS sides,
		'{lidocaine 1%,lidocaine,bupivacaine 0.25%,Marcaine,ropivacaine,triamcinolone,Kenalog,Depo-Medrol,dexamethasone,lidocaine 1% + triamcinolone,saline,sarapin,lidocaine 2%,bupivacaine}'::text[] AS drugs,
		-- a dose for each drug above, in the same order
		'{5 mL,3 mL,4 mL,5 mL,6 mL,40 mg,40 mg,80 mg,4 mg,5 mL + 40 mg,5 mL,2 mL,2 mL,3 mL}'::text[] AS doses,
		'{1,1,1,1,1,2,2,2,2,2,2,3,3,3,3,4,4,4,5,6}'::int[] AS nmus_dist,
		'{J3490,J1030,J1040,J3301,J1100,J2001,J0585,J1030,J3301,J3490,J1885,J0702}'::text[] AS jcodes,
		'{99213,99214,99212,99215,99204,99203}'::text[] AS ems,
		'{20610,20605,20611,64450,64405,62321,64483,20551,76942,77002,20560,20550}'::text[] AS others
),
r AS (
	SELECT g AS rn,
		   (g / 10) * 4 + ('{0,1,1,2,2,2,3,3,3,3}'::int[])[1 + g % 10] AS claim,
		   ('{1,1,2,1,2,3,1,2,3,4}'::int[])[1 + g % 10]::smallint AS line_no
	  FROM generate_series(0, :n - 1) AS g
),
c AS (
	SELECT r.*, claim / 6 AS patient, claim % 6 AS visit,
		   hashint8extended(claim, 1) & 2147483647 AS hc,		-- claim stream
		   hashint8extended(claim / 6, 2) & 2147483647 AS hp,	-- patient stream
		   hashint8extended(rn, 3) & 2147483647 AS hl,			-- line stream
		   hashint8extended(rn, 4) & 2147483647 AS hm				-- muscle stream
	  FROM r
),
l AS (
	SELECT c.*,
		   -- line kind: 1 TPI, 2 drug, 3 E/M, 4 other procedure
		   CASE
			 WHEN line_no = 1 THEN CASE WHEN hc % 100 < 85 THEN 1 ELSE 4 END
			 WHEN line_no = 2 THEN CASE WHEN hl % 100 < 62 THEN 2 ELSE 3 END
			 WHEN line_no = 3 THEN CASE WHEN hl % 100 < 45 THEN 3 WHEN hl % 100 < 75 THEN 2 ELSE 4 END
			 ELSE CASE WHEN hl % 100 < 15 THEN 1 WHEN hl % 100 < 45 THEN 2 WHEN hl % 100 < 65 THEN 3 ELSE 4 END
		   END AS kind,
		   1 + hp % 6 AS area
	  FROM c
),
lm AS (
	-- documented muscles: 1-6 (55% one or two); 90% of lines code by them
	SELECT l.*, p.nmus_dist[1 + (hm / 7) % 20] AS nmus FROM l, p
)
SELECT
	'C' || lpad(claim::text, 8, '0'),
	line_no,
	'P' || lpad(patient::text, 7, '0'),
	p.payers[1 + hp % 20],
	(1000000000 + (hc / 13) % 300 * 9973)::text,
	DATE '2023-01-02' + (hp % 540)::int + visit * (10 + (hp / 541) % 80)::int + (hc % 3)::int,
	CASE kind
	  WHEN 1 THEN CASE WHEN (nmus >= 3) = (hl % 100 < 90) THEN '20553' ELSE '20552' END
	  WHEN 2 THEN p.jcodes[1 + (hc + CASE WHEN line_no = 2 THEN 0 ELSE 5 * line_no END) % 12]
	  WHEN 3 THEN p.ems[1 + hl % 6]
	  ELSE p.others[1 + hl % 12]
	END,
	CASE
	  WHEN kind = 1 THEN CASE hl % 200 WHEN 0 THEN '{50}' WHEN 1 THEN '{RT}' WHEN 2 THEN '{LT}'
			WHEN 3 THEN '{59}' WHEN 4 THEN '{XS}' WHEN 5 THEN '{XSS}' ELSE
			  CASE WHEN line_no > 1 THEN '{XS}' END END
	  WHEN kind = 3 THEN CASE WHEN hl % 10 < 6 THEN '{25}' END
	  WHEN kind = 4 THEN CASE hl % 5 WHEN 0 THEN '{59}' WHEN 1 THEN '{RT}' WHEN 2 THEN '{XS}' END
	END::text[],
	CASE WHEN kind = 2 THEN 1 + (hl % 4)::int
		 WHEN hl % 500 = 7 THEN 2 WHEN hl % 1000 = 9 THEN 0 ELSE 1 END,
	CASE WHEN kind = 2 THEN NULL
		 ELSE ARRAY[CASE WHEN hp % 10 = 0 THEN replace(p.dx[1 + hp % 16], '.', '') ELSE p.dx[1 + hp % 16] END]
			  || CASE WHEN hl % 3 = 0 THEN ARRAY[p.dx[1 + hl % 14]] ELSE '{}'::text[] END
	END,
	CASE WHEN hc % 500 = 3 THEN '00' ELSE p.pos[1 + hc % 20] END,
	CASE WHEN kind = 1 THEN
	  trim_array(ARRAY[
		CASE WHEN hm % 25 = 0 THEN upper(p.sides[1 + hm % 16]) ELSE p.sides[1 + hm % 16] END
		  || (CASE area WHEN 1 THEN p.area1 WHEN 2 THEN p.area2 WHEN 3 THEN p.area3
						WHEN 4 THEN p.area4 WHEN 5 THEN p.area5 ELSE p.area6 END)[1 + hm % 14],
		p.sides[1 + (hm / 11) % 16] || (CASE area WHEN 1 THEN p.area1 WHEN 2 THEN p.area2 WHEN 3 THEN p.area3
						WHEN 4 THEN p.area4 WHEN 5 THEN p.area5 ELSE p.area6 END)[1 + (hm / 13) % 14],
		p.sides[1 + (hm / 17) % 16] || (CASE area WHEN 1 THEN p.area1 WHEN 2 THEN p.area2 WHEN 3 THEN p.area3
						WHEN 4 THEN p.area4 WHEN 5 THEN p.area5 ELSE p.area6 END)[1 + (hm / 19) % 14],
		p.sides[1 + (hm / 23) % 16] || (CASE area WHEN 1 THEN p.area1 WHEN 2 THEN p.area2 WHEN 3 THEN p.area3
						WHEN 4 THEN p.area4 WHEN 5 THEN p.area5 ELSE p.area6 END)[1 + (hm / 29) % 14],
		p.sides[1 + (hm / 31) % 16] || (CASE area WHEN 1 THEN p.area1 WHEN 2 THEN p.area2 WHEN 3 THEN p.area3
						WHEN 4 THEN p.area4 WHEN 5 THEN p.area5 ELSE p.area6 END)[1 + (hm / 37) % 14],
		p.sides[1 + (hm / 41) % 16] || (CASE area WHEN 1 THEN p.area1 WHEN 2 THEN p.area2 WHEN 3 THEN p.area3
						WHEN 4 THEN p.area4 WHEN 5 THEN p.area5 ELSE p.area6 END)[1 + (hm / 43) % 14]
	  ], 6 - nmus::int)
	END,
	CASE WHEN kind = 1 THEN nmus::int + (hl % 3)::int END,
	CASE WHEN kind = 1 AND hc % 40 <> 0 THEN p.drugs[1 + (hc / 7) % 14] END,
	CASE WHEN kind = 1 AND hc % 50 <> 0 THEN p.doses[1 + (hc / 7) % 14] END,
	CASE WHEN p.jcodes[1 + hc % 12] = 'J3490' AND hc % 5 <> 0
		 THEN 'J3490 ' || p.drugs[1 + (hc / 7) % 14] || ' ' || p.doses[1 + (hc / 7) % 14] END,
	CASE WHEN kind = 1 THEN CASE hl % 50 WHEN 0 THEN false WHEN 1 THEN NULL ELSE true END END,
	CASE WHEN kind = 1 THEN hl % 40 <> 2 END,
	CASE WHEN kind = 1 THEN hl % 30 <> 3 END,
	CASE WHEN kind = 1 THEN hl % 60 <> 4 END,
	CASE WHEN kind = 1 THEN CASE WHEN hl % 25 = 5 THEN 'ultrasound' WHEN hl % 100 = 6 THEN 'fluoroscopy'
								 WHEN hl % 20 = 7 THEN NULL ELSE 'none' END END
  FROM lm, p;

ALTER TABLE :"table" ADD PRIMARY KEY (claim_id, line_no);
CREATE INDEX ON :"table" (patient_id, date_of_service);
VACUUM (ANALYZE) :"table";
