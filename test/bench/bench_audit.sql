-- bench_audit.sql: audit() (every rule) against what a user would write by
-- hand: PL/pgSQL for three line rules, and the same per-line function plus
-- the plain-SQL rolling window of sessions for a frequency cap, over the
-- same million claim lines in the same run.  Not part of CI: `make bench`
-- or
--   psql -d DB -v ON_ERROR_STOP=1 -f test/bench/bench_audit.sql
-- Goals: audit() takes at most half the PL/pgSQL time, and at most 0.4x
-- the per-line function plus window (issue 15).  The times are best of
-- five, wall clock and backend CPU time; on a busy machine compare the
-- ratios (CPU's first), not seconds.
--
-- The lines are bench_claims, made by test/data/gen_claims.sql (run.sh
-- makes it; run standalone, this file makes it when it is missing): the
-- columns, primary key and (patient_id, date_of_service) index of
-- tpi_rules.claim_line.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
SELECT pg_catalog.to_regclass('bench_claims') IS NULL AS need_claims \gset
\if :need_claims
\ir ../data/gen_claims.sql
\endif
SET client_min_messages = notice;
VACUUM ANALYZE bench_claims;
CREATE TEMP VIEW bench_source AS SELECT * FROM bench_claims;

SELECT count(*) AS lines, count(DISTINCT patient_id) AS patients FROM bench_source;

-- What a user would write by hand in PL/pgSQL for three line rules: units
-- > 1, modifier 50, and the code against a muscle count by distinct
-- lower-cased entries.  Two shapes: a loop over the relation, and a
-- function of one line called per row (the shape of check_line()).
CREATE FUNCTION pg_temp.plpgsql_loop(rel regclass)
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

CREATE FUNCTION pg_temp.plpgsql_line(hcpcs text, units integer, modifiers text[], muscles text[])
RETURNS SETOF text
LANGUAGE plpgsql AS $$
DECLARE
	n integer;
BEGIN
	IF hcpcs NOT IN ('20552', '20553') THEN
		RETURN;
	END IF;
	IF coalesce(units, 1) > 1 THEN
		RETURN NEXT 'units.over_mue';
	END IF;
	IF '50' = ANY (modifiers) THEN
		RETURN NEXT 'modifier.bilateral';
	END IF;
	SELECT count(DISTINCT lower(btrim(m))) INTO n
	  FROM unnest(muscles) AS m WHERE btrim(m) <> '';
	IF hcpcs = '20553' AND n < 3 THEN
		RETURN NEXT 'code.upcoded';
	ELSIF hcpcs = '20552' AND n >= 3 THEN
		RETURN NEXT 'code.downcoded';
	END IF;
END
$$;

-- Backend CPU time in ms (user + system from /proc, clock ticks of 10 ms),
-- which a busy machine disturbs far less than wall-clock time; NULL where
-- /proc cannot be read (not Linux, or not a superuser).  All three shapes
-- run in this one process (none of them uses parallel workers; the setting
-- below only guarantees that no CPU time is spent where it is not counted).
\ir cpu_ms.sql
SET max_parallel_workers_per_gather = 0;

-- Best of five runs each, interleaved, in one session: wall clock and CPU.
DO $$
DECLARE
	t0			timestamptz;
	c0			numeric;
	t			interval;
	c			numeric;
	best_audit	interval;
	best_loop	interval;
	best_line	interval;
	best_win	interval;
	cpu_audit	numeric;
	cpu_loop	numeric;
	cpu_line	numeric;
	cpu_win		numeric;
	n_audit		bigint;
	n_loop		bigint;
	n_line		bigint;
	n_win		bigint;
	i			integer;
BEGIN
	FOR i IN 1 .. 5 LOOP
		c0 := pg_temp.cpu_ms();
		t0 := clock_timestamp();
		SELECT count(*) INTO n_audit FROM tpi_rules.audit('bench_source');
		t := clock_timestamp() - t0;
		c := pg_temp.cpu_ms() - c0;
		best_audit := least(coalesce(best_audit, t), t);
		cpu_audit := least(coalesce(cpu_audit, c), c);
		c0 := pg_temp.cpu_ms();
		t0 := clock_timestamp();
		SELECT count(*) INTO n_loop FROM pg_temp.plpgsql_loop('bench_source');
		t := clock_timestamp() - t0;
		c := pg_temp.cpu_ms() - c0;
		best_loop := least(coalesce(best_loop, t), t);
		cpu_loop := least(coalesce(cpu_loop, c), c);
		/*
		 * The generated lines repeat a few muscle lists, so Memoize would
		 * call the function once per distinct list; real notes do not
		 * repeat like that.
		 */
		SET LOCAL enable_memoize = off;
		c0 := pg_temp.cpu_ms();
		t0 := clock_timestamp();
		SELECT count(*) INTO n_line
		  FROM bench_source c, pg_temp.plpgsql_line(c.hcpcs, c.units, c.modifiers, c.muscles);
		t := clock_timestamp() - t0;
		c := pg_temp.cpu_ms() - c0;
		best_line := least(coalesce(best_line, t), t);
		cpu_line := least(coalesce(cpu_line, c), c);

		/*
		 * The per-line function plus the plain-SQL rolling window of
		 * bench_frequency.sql (the first TPI line of each patient-day
		 * flagged, summed over a 12-month RANGE frame): a cap of 3
		 * sessions, the fourth line rule.
		 */
		c0 := pg_temp.cpu_ms();
		t0 := clock_timestamp();
		SELECT count(*) INTO n_win
		  FROM (SELECT f.*, sum(f.first_of_day) OVER (PARTITION BY f.patient_id ORDER BY f.date_of_service
					RANGE BETWEEN interval '12 months -1 day' PRECEDING AND CURRENT ROW) AS sessions
				  FROM (SELECT c.*,
							   CASE WHEN c.hcpcs IN ('20552', '20553') AND
										 lag(c.date_of_service) OVER (PARTITION BY c.patient_id, c.hcpcs IN ('20552', '20553')
																	  ORDER BY c.date_of_service)
										 IS DISTINCT FROM c.date_of_service
									THEN 1 ELSE 0 END AS first_of_day
						  FROM bench_source c) f) w,
			   LATERAL (SELECT pg_temp.plpgsql_line(w.hcpcs, w.units, w.modifiers, w.muscles)
						UNION ALL
						SELECT 'freq.rolling_cap' WHERE w.first_of_day = 1 AND w.sessions > 3) r;
		t := clock_timestamp() - t0;
		c := pg_temp.cpu_ms() - c0;
		RESET enable_memoize;
		best_win := least(coalesce(best_win, t), t);
		cpu_win := least(coalesce(cpu_win, c), c);
	END LOOP;
	RAISE NOTICE 'audit() all rules:            % s (CPU % s), % findings',
		round(extract(epoch FROM best_audit), 2), round(cpu_audit / 1000, 2), n_audit;
	RAISE NOTICE 'PL/pgSQL loop, 3 rules:       % s (CPU % s), % findings',
		round(extract(epoch FROM best_loop), 2), round(cpu_loop / 1000, 2), n_loop;
	RAISE NOTICE 'PL/pgSQL per line, 3 rules:   % s (CPU % s), % findings',
		round(extract(epoch FROM best_line), 2), round(cpu_line / 1000, 2), n_line;
	RAISE NOTICE 'PL/pgSQL per line + SQL window: % s (CPU % s), % findings',
		round(extract(epoch FROM best_win), 2), round(cpu_win / 1000, 2), n_win;
	RAISE NOTICE 'ratio audit / loop: %, audit / per line: % (wall; goal <= 0.5)',
		round(extract(epoch FROM best_audit) / extract(epoch FROM best_loop), 3),
		round(extract(epoch FROM best_audit) / extract(epoch FROM best_line), 3);
	RAISE NOTICE 'ratio audit / loop: %, audit / per line: % (CPU)',
		round(cpu_audit / NULLIF(cpu_loop, 0), 3),
		round(cpu_audit / NULLIF(cpu_line, 0), 3);
	RAISE NOTICE 'ratio audit / (per line + window): % wall, % CPU (goal <= 0.4)',
		round(extract(epoch FROM best_audit) / extract(epoch FROM best_win), 3),
		round(cpu_audit / NULLIF(cpu_win, 0), 3);
END
$$;

-- Findings by rule, for a look at what the million lines raise.
SELECT rule_id, count(*) FROM tpi_rules.audit('bench_source') GROUP BY 1 ORDER BY 2 DESC;
