-- test/hardening/matrix_gen.sql: writes (to stdout, one per line) a call
-- of every tpi_rules function with edge values, argument by argument.
--
-- Type-driven, so it covers functions as they land without being edited:
-- for each function in the tpi_rules schema (triggers aside) it emits
--   * one call with every argument at an ordinary value,
--   * one call with every argument NULL,
--   * for each argument, one call per edge value of its type, the other
--     arguments ordinary.
-- Aggregates run over three rows, window functions over an ordered
-- series, set-returning functions under count(*).  Values come from
-- hd_pool below and from test/hardening/seed.sql's tables (hd_inputs,
-- hd_claims), which must exist in the database.
CREATE TEMP TABLE hd_pool (typ regtype, expr text, ordinary boolean DEFAULT false);
INSERT INTO hd_pool (typ, expr, ordinary) VALUES
 ('text', $$'right upper trapezius'$$, true),
 ('text', $$''$$, false), ('text', $$' '$$, false), ('text', $$'x'$$, false),
 ('text', $$'20552'$$, false), ('text', $$'20553'$$, false), ('text', $$'2055'$$, false),
 ('text', $$'205522'$$, false), ('text', $$'medicare'$$, false), ('text', $$'emblemhealth'$$, false),
 ('text', $$'unknown_payer'$$, false), ('text', $$'13202-01'$$, false), ('text', $$'99-9'$$, false),
 ('text', $$'11'$$, false), ('text', $$'22'$$, false), ('text', $$'bilateral bilateral B/L both'$$, false),
 ('text', $$'R.'$$, false), ('text', $$'rt. upper, middle, lower trap.'$$, false),
 ('text', $$'paraspinals'$$, false), ('text', $$'shoulder'$$, false), ('text', $$'SCM'$$, false),
 ('text', $$'%s%n%x%p'$$, false), ('text', $$E'\t\n\r\\'$$, false),
 ('text', $$'músculo trapézio 僧帽筋 🙂 𝕿'$$, false),
 ('text', $$repeat('trapezius ', 100000)$$, false), ('text', $$repeat('x', 1000000)$$, false),
 ('text', $$repeat('left ', 20000)$$, false), ('text', $$repeat(',', 50000)$$, false),
 ('text', $$'/etc/passwd'$$, false), ('text', $$'../../../../etc/passwd'$$, false),
 ('text', $$'/nonexistent/file.csv'$$, false),
 ('text[]', $$'{right trapezius,left trapezius,SCM}'$$, true),
 ('text[]', $$'{}'$$, false), ('text[]', $$'{NULL}'$$, false), ('text[]', $$'{NULL,NULL,right trapezius}'$$, false),
 ('text[]', $$'{""}'$$, false), ('text[]', $$'{{a,b},{c,d}}'$$, false),
 ('text[]', $$'{{right trapezius,left trapezius},{SCM,QL}}'$$, false),
 ('text[]', $$'[5:7]={right trap,left trap,SCM}'$$, false),
 ('text[]', $$'[-2147483648:-2147483646]={a,b,c}'$$, false),
 ('text[]', $$'{shoulder,neck,low back}'$$, false),
 ('text[]', $$'{bilateral paraspinals,B/L QL,both glutes,bilat. rhomboids}'$$, false),
 ('text[]', $$'{músculo,🙂,"%s%n",僧帽筋}'$$, false),
 ('text[]', $$(SELECT array_agg('muscle ' || i) FROM generate_series(1, 10000) AS i)$$, false),
 ('text[]', $$(SELECT array_agg('right trapezius'::text) FROM generate_series(1, 10000))$$, false),
 ('text[]', $$ARRAY[repeat('right trapezius ', 50000)]$$, false),
 ('text[]', $$'{25,59}'$$, false), ('text[]', $$'{M79.18,M7918,M79.1}'$$, false),
 ('date', $$DATE '2025-03-03'$$, true),
 ('date', $$DATE 'infinity'$$, false), ('date', $$DATE '-infinity'$$, false),
 ('date', $$DATE '4713-01-01 BC'$$, false), ('date', $$DATE '5874897-12-31'$$, false),
 ('date', $$DATE '2000-02-29'$$, false), ('date', $$DATE '1900-01-01'$$, false),
 ('date', $$DATE '2021-10-01'$$, false), ('date', $$DATE '2026-01-01'$$, false),
 ('date[]', $$'{2025-01-01,2025-02-01,2025-03-01}'$$, true),
 ('date[]', $$'{}'$$, false), ('date[]', $$'{NULL}'$$, false), ('date[]', $$'{NULL,2025-01-01}'$$, false),
 ('date[]', $$'{infinity,-infinity}'$$, false), ('date[]', $$'{4713-01-01 BC,5874897-12-31}'$$, false),
 ('date[]', $$'{2025-03-01,2025-01-01,2025-03-01,2025-03-03}'$$, false),
 ('date[]', $$'{{2025-01-01,2025-02-01},{2025-03-01,2025-03-02}}'$$, false),
 ('date[]', $$(SELECT array_agg(DATE '2000-01-01' + i) FROM generate_series(1, 10000) AS i)$$, false),
 ('date[]', $$(SELECT array_agg(DATE '2025-01-01') FROM generate_series(1, 10000))$$, false),
 ('interval', $$interval '12 months'$$, true),
 ('interval', $$interval '0'$$, false), ('interval', $$interval '-1 day'$$, false),
 ('interval', $$interval '1 microsecond'$$, false), ('interval', $$interval '178000000 years'$$, false),
 ('interval', $$interval '-178000000 years'$$, false), ('interval', $$interval '2147483647 days'$$, false),
 ('interval', $$interval '-2147483648 days'$$, false), ('interval', $$interval '1 month -30 days'$$, false),
 ('interval', $$interval '9223372036854775807 microseconds'$$, false),
 ('integer', '1', true), ('integer', '0', false), ('integer', '-1', false),
 ('integer', '2147483647', false), ('integer', '-2147483648', false),
 ('smallint', '1::smallint', true), ('smallint', '0::smallint', false),
 ('smallint', '32767::smallint', false), ('smallint', '(-32768)::smallint', false),
 ('bigint', '1::bigint', true), ('bigint', '9223372036854775807', false),
 ('numeric', '1::numeric', true), ('numeric', $$'NaN'::numeric$$, false), ('numeric', '-1::numeric', false),
 ('numeric', '1e-100::numeric', false), ('numeric', '1e100::numeric', false),
 ('boolean', 'true', true), ('boolean', 'false', false),
 ('regclass', $$'hd_claims'::regclass$$, true),
 ('regclass', $$'hd_claims_v'::regclass$$, false), ('regclass', $$'hd_claims_bad'::regclass$$, false),
 ('regclass', $$'hd_claims_types'::regclass$$, false), ('regclass', $$'tpi_rules.claim_line'::regclass$$, false),
 ('regclass', $$'tpi_rules.rule'::regclass$$, false), ('regclass', $$'pg_class'::regclass$$, false),
 ('regclass', $$'hd_claims_pkey_dummy_seq'::regclass$$, false), ('regclass', $$'hd_inputs'::regclass$$, false),
 ('regclass', $$0::oid::regclass$$, false), ('regclass', $$4294967295::oid::regclass$$, false),
 ('bytea', $$'\x01'::bytea$$, true),
 ('bytea', $$'\x'::bytea$$, false), ('bytea', $$'\x00'::bytea$$, false), ('bytea', $$'\x01000000ffffffff'::bytea$$, false),
 ('bytea', $$'\x01ffffffff'::bytea$$, false), ('bytea', $$'\x0100000001'::bytea$$, false),
 ('bytea', $$'\x01000000010000000100000061'::bytea$$, false), ('bytea', $$'\x0100000005000000'::bytea$$, false),
 ('bytea', $$'\xff'::bytea$$, false), ('bytea', $$decode(repeat('ff', 4096), 'hex')$$, false),
 ('bytea', $$decode('01' || repeat('7f', 64), 'hex')$$, false),
 ('bytea', $$decode('01' || repeat('00', 64), 'hex')$$, false),
 ('bytea', $$decode('0100000000' || repeat('41', 64), 'hex')$$, false);

-- A claim_line for every claim of seed.sql (ordinary and bad ones).
INSERT INTO hd_pool (typ, expr, ordinary)
SELECT 'tpi_rules.claim_line'::regtype,
	   format('(SELECT line FROM hd_inputs WHERE id = %s)', id), id = 1
FROM hd_inputs WHERE line IS NOT NULL;

-- Every type any function takes gets at least NULL; the ordinary value of a
-- type without one is NULL.
CREATE TEMP TABLE hd_fn AS
SELECT p.oid, p.prokind, p.proretset, p.prorettype,
	   format('tpi_rules.%I', p.proname) AS fname,
	   p.proargtypes::regtype[] AS argt,
	   p.pronargs AS nargs
FROM pg_proc AS p
WHERE p.pronamespace = 'tpi_rules'::regnamespace
  AND p.prorettype NOT IN ('trigger'::regtype, 'event_trigger'::regtype)
  -- support functions of aggregates: SQL cannot make an internal value, so
  -- they are reached only through their aggregates (matrix_extra.sql)
  AND NOT 'internal'::regtype = ANY (p.proargtypes::regtype[]);

CREATE TEMP TABLE hd_args AS
SELECT f.oid, a.pos, a.typ,
	   coalesce((SELECT expr FROM hd_pool AS p WHERE p.typ = a.typ AND p.ordinary LIMIT 1),
				format('NULL::%s', a.typ)) AS ordinary
FROM hd_fn AS f, unnest(f.argt) WITH ORDINALITY AS a(typ, pos);

-- vectors of argument expressions to call each function with
CREATE TEMP TABLE hd_calls AS
SELECT f.oid, 0 AS pos, 'ordinary' AS label,
	   (SELECT coalesce(string_agg(a.ordinary, ', ' ORDER BY a.pos), '')
		  FROM hd_args AS a WHERE a.oid = f.oid) AS args
FROM hd_fn AS f
UNION ALL
SELECT f.oid, 0, 'all null',
	   (SELECT coalesce(string_agg(format('NULL::%s', a.typ), ', ' ORDER BY a.pos), '')
		  FROM hd_args AS a WHERE a.oid = f.oid)
FROM hd_fn AS f WHERE f.nargs > 0
UNION ALL
SELECT v.oid, v.pos, 'edge',
	   (SELECT string_agg(CASE WHEN a.pos = v.pos THEN v.expr ELSE a.ordinary END, ', ' ORDER BY a.pos)
		  FROM hd_args AS a WHERE a.oid = v.oid)
FROM (SELECT a.oid, a.pos, coalesce(p.expr, format('NULL::%s', a.typ)) AS expr
	  FROM hd_args AS a LEFT JOIN hd_pool AS p ON p.typ = a.typ AND NOT p.ordinary) AS v;

SELECT format('SELECT %L AS call_of, ', f.fname || ' ' || c.label || ' ' || c.pos) ||
	   CASE
		 WHEN f.prokind = 'a' THEN
		   format('%s(%s) IS NULL FROM generate_series(1, 3) AS hd_g;', f.fname, c.args)
		 WHEN f.prokind = 'w' THEN
		   format('count(hd_w) FROM (SELECT %s(%s) OVER (ORDER BY hd_g) AS hd_w FROM generate_series(1, 3) AS hd_g) AS hd_s;', f.fname, c.args)
		 WHEN f.proretset THEN
		   format('count(*) FROM %s(%s) AS hd_r;', f.fname, c.args)
		 ELSE
		   format('length(%s(%s)::text);', f.fname, c.args)
	   END
FROM hd_calls AS c JOIN hd_fn AS f USING (oid)
ORDER BY f.fname, f.oid, c.label DESC, c.pos, c.args;
