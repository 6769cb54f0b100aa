-- bench_audit.sql: audit() (every rule) against what a user would write by
-- hand in PL/pgSQL for three line rules, over the same million claim lines
-- in the same run.  Not part of CI: `make bench` or
--   psql -d DB -v ON_ERROR_STOP=1 -f test/bench/bench_audit.sql
-- Goal: audit() takes at most half the PL/pgSQL time.
--
-- The lines come from test/data/gen_claims.sql when the runner has loaded
-- it into tpi_rules.claim_line; otherwise this file generates its own
-- (bench_claims: about 1,000,000 lines, 356,000 visits of one TPI line, a
-- drug line, and on some visits an E/M or guidance line).
\set ON_ERROR_STOP 1
SET client_min_messages = notice;

SELECT (SELECT count(*) FROM tpi_rules.claim_line) >= 900000 AS have_generated \gset
\if :have_generated
CREATE TEMP VIEW bench_source AS SELECT * FROM tpi_rules.claim_line;
\else
DROP TABLE IF EXISTS bench_claims;
CREATE TABLE bench_claims AS
WITH visits AS (
	SELECT v,
		   'P' || (v / 5) AS patient,
		   (ARRAY['medicare', 'medicare', 'aetna', 'bcbsa', 'emblemhealth',
				  'evicore', 'medicare_novitas', 'acme'])[v % 8 + 1] AS payer,
		   '2024-01-01'::date + (v % 5) * 45 + (v / 5) % 200 AS dos,
		   (SELECT array_agg(m) FROM (
				SELECT (ARRAY['right upper trapezius', 'L levator scapulae', 'rt. rhomboid major',
							  'left infraspinatus', 'bilateral SCM', 'R QL', 'left glute med',
							  'paraspinals', 'shoulder', 'R trap', 'Lt splenius capitis',
							  'right piriformis', 'scalenes', 'left teres minor'])[1 + (v * 7 + k * 3) % 14] AS m
				  FROM generate_series(1, 1 + v % 4) k) s) AS muscles
	  FROM generate_series(0, 355999) v
)
SELECT 'C' || v AS claim_id, l.line_no::smallint, patient AS patient_id, payer AS payer_id,
	   '1234567893'::text AS provider_npi, dos AS date_of_service,
	   CASE l.line_no
		   WHEN 1 THEN CASE WHEN v % 3 = 0 THEN '20553' ELSE '20552' END
		   WHEN 2 THEN 'J2001'
		   WHEN 3 THEN CASE WHEN v % 2 = 0 THEN '99213' ELSE '76942' END
		   ELSE '20610' END AS hcpcs,
	   CASE WHEN l.line_no = 1 AND v % 17 = 0 THEN '{50}'::text[]
			WHEN l.line_no = 1 AND v % 13 = 0 THEN '{XS}'::text[]
			WHEN l.line_no = 3 AND v % 4 = 0 THEN '{25}'::text[] END AS modifiers,
	   CASE WHEN l.line_no = 1 AND v % 19 = 0 THEN 2 ELSE 1 END AS units,
	   CASE WHEN v % 9 = 0 THEN '{M54.50}'::text[] ELSE '{M79.18,M62.838}'::text[] END AS icd10,
	   '11'::text AS place_of_service,
	   CASE WHEN l.line_no = 1 THEN muscles END AS muscles,
	   CASE WHEN l.line_no = 1 THEN 2 + v % 5 END AS trigger_points,
	   CASE WHEN l.line_no = 1 THEN (ARRAY['lidocaine 1%', 'bupivacaine 0.25% + triamcinolone',
											'normal saline', 'lidocaine'])[1 + v % 4] END AS drug_name,
	   CASE WHEN l.line_no = 1 AND v % 23 <> 0 THEN '3 ml' END AS drug_dose,
	   NULL::text AS claim_note,
	   CASE WHEN l.line_no = 1 THEN v % 29 <> 0 END AS note_signed,
	   CASE WHEN l.line_no = 1 THEN true END AS post_procedure_plan,
	   CASE WHEN l.line_no = 1 THEN v % 31 <> 0 END AS conservative_care,
	   CASE WHEN l.line_no = 1 THEN true END AS tp_locations,
	   CASE WHEN l.line_no = 1 THEN 'none' END AS guidance
  FROM visits, generate_series(1, 4) AS l(line_no)
 WHERE l.line_no <= 2 OR (l.line_no = 3 AND v % 3 <> 0) OR (l.line_no = 4 AND v % 7 = 0);
ANALYZE bench_claims;
CREATE TEMP VIEW bench_source AS SELECT * FROM bench_claims;
\endif

SELECT count(*) AS lines, count(DISTINCT patient_id) AS patients FROM bench_source;

-- The hand-written version: units > 1, modifier 50, and the code against a
-- muscle count by distinct lower-cased entries.
CREATE FUNCTION pg_temp.plpgsql_rules(rel regclass)
RETURNS TABLE (claim_id text, line_no smallint, rule_id text)
LANGUAGE plpgsql STABLE AS $$
DECLARE
	r record;
	n integer;
BEGIN
	FOR r IN EXECUTE format('SELECT claim_id, line_no, hcpcs, units, modifiers, muscles FROM %s', rel)
	LOOP
		IF r.hcpcs NOT IN ('20552', '20553') THEN
			CONTINUE;
		END IF;
		claim_id := r.claim_id;
		line_no := r.line_no;
		IF coalesce(r.units, 1) > 1 THEN
			rule_id := 'units.over_mue';
			RETURN NEXT;
		END IF;
		IF '50' = ANY (r.modifiers) THEN
			rule_id := 'modifier.bilateral';
			RETURN NEXT;
		END IF;
		SELECT count(DISTINCT lower(btrim(m))) INTO n
		  FROM unnest(r.muscles) AS m WHERE btrim(m) <> '';
		IF r.hcpcs = '20553' AND n < 3 THEN
			rule_id := 'code.upcoded';
			RETURN NEXT;
		ELSIF r.hcpcs = '20552' AND n >= 3 THEN
			rule_id := 'code.downcoded';
			RETURN NEXT;
		END IF;
	END LOOP;
END
$$;

-- Best of two runs each, interleaved, in one session.
DO $$
DECLARE
	t0			timestamptz;
	t			interval;
	best_audit	interval;
	best_plpgsql interval;
	n_audit		bigint;
	n_plpgsql	bigint;
	i			integer;
BEGIN
	FOR i IN 1 .. 2 LOOP
		t0 := clock_timestamp();
		SELECT count(*) INTO n_audit FROM tpi_rules.audit('bench_source');
		t := clock_timestamp() - t0;
		best_audit := least(coalesce(best_audit, t), t);
		t0 := clock_timestamp();
		SELECT count(*) INTO n_plpgsql FROM pg_temp.plpgsql_rules('bench_source');
		t := clock_timestamp() - t0;
		best_plpgsql := least(coalesce(best_plpgsql, t), t);
	END LOOP;
	RAISE NOTICE 'audit() all rules: % s, % findings', round(extract(epoch FROM best_audit), 2), n_audit;
	RAISE NOTICE 'PL/pgSQL 3 rules: % s, % findings', round(extract(epoch FROM best_plpgsql), 2), n_plpgsql;
	RAISE NOTICE 'ratio audit/plpgsql: % (goal <= 0.5)',
		round(extract(epoch FROM best_audit) / extract(epoch FROM best_plpgsql), 3);
END
$$;

-- Findings by rule, for a look at what the million lines raise.
SELECT rule_id, count(*) FROM tpi_rules.audit('bench_source') GROUP BY 1 ORDER BY 2 DESC;
