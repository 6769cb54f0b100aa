-- test/hardening/focus.sql: points sqlsmith at tpi_rules.
--
-- sqlsmith reads the functions it may call from an unqualified "pg_proc".
-- The schema hd_focus, placed before pg_catalog on the search_path of
-- sqlsmith's connection, holds a view of that name that keeps the
-- tpi_rules functions, the wrappers below and a few dozen built-ins that
-- make values of the types tpi_rules takes (sqlsmith makes no literals but
-- NULL), so most generated queries reach tpi_rules code.  Generated
-- queries name every function with its schema, so the view changes only
-- the choice.
--
-- sqlsmith skips set-returning and window functions; the wrappers make
-- them callable as plain functions.  Run as a superuser after seed.sql;
-- :"smith" is the role sqlsmith connects as.
SET check_function_bodies = off;
CREATE SCHEMA hd_focus;
GRANT USAGE ON SCHEMA hd_focus TO :"smith";

CREATE VIEW hd_focus.pg_proc AS
SELECT p.*
FROM pg_catalog.pg_proc AS p
WHERE p.pronamespace IN ('tpi_rules'::regnamespace, 'hd_focus'::regnamespace)
   OR (p.pronamespace = 'pg_catalog'::regnamespace
	   AND p.proname IN ('repeat', 'lower', 'upper', 'substr', 'btrim', 'replace', 'concat',
						 'chr', 'md5', 'translate', 'initcap', 'reverse', 'lpad', 'rpad', 'split_part',
						 'array_to_string', 'string_to_array', 'array_append', 'array_prepend',
						 'array_cat', 'array_fill', 'array_remove', 'array_replace', 'array_length',
						 'cardinality', 'array_lower', 'array_upper', 'trim_array',
						 'make_date', 'make_interval', 'justify_days', 'justify_interval', 'age',
						 'date_trunc', 'date_part', 'to_date', 'date_pli', 'date_mii',
						 'to_regclass', 'length', 'abs', 'round', 'mod', 'int4', 'int2', 'date',
						 'array_agg', 'string_agg', 'min', 'max', 'count', 'bool_and', 'coalesce',
						 'text', 'numeric', 'interval', 'nullif'));
GRANT SELECT ON hd_focus.pg_proc TO :"smith";

CREATE FUNCTION hd_focus.check_line_all(tpi_rules.claim_line)
RETURNS tpi_rules.finding[] LANGUAGE sql STABLE
AS 'SELECT pg_catalog.array_agg(f) FROM tpi_rules.check_line($1) AS f';

CREATE FUNCTION hd_focus.audit_count(regclass, date, date)
RETURNS bigint LANGUAGE sql STABLE
AS 'SELECT pg_catalog.count(*) FROM tpi_rules.audit($1, $2, $3)';

CREATE FUNCTION hd_focus.audit_messages(regclass, date, date)
RETURNS text LANGUAGE sql STABLE
AS 'SELECT pg_catalog.string_agg(a.rule_id || a.message, '','') FROM tpi_rules.audit($1, $2, $3) AS a';

CREATE FUNCTION hd_focus.sessions_in_window_all(date[], interval)
RETURNS integer[] LANGUAGE sql STABLE
AS 'SELECT pg_catalog.array_agg(w) FROM (SELECT tpi_rules.sessions_in_window(d, $2) OVER (ORDER BY d) AS w
	FROM pg_catalog.unnest($1) AS d) AS s';

CREATE FUNCTION hd_focus.parse_muscle_all(text[])
RETURNS text LANGUAGE sql STABLE
AS 'SELECT pg_catalog.string_agg(p::text, '';'') FROM pg_catalog.unnest($1) AS e, tpi_rules.parse_muscle(e) AS p';

CREATE FUNCTION hd_focus.muscle_count_agg_all(text[])
RETURNS integer LANGUAGE sql STABLE
AS 'SELECT tpi_rules.muscle_count_agg(e) FROM pg_catalog.unnest($1) AS e';

-- Views of tpi_rules as functions: sqlsmith finds views as tables anyway
-- (information_schema.tables), this only makes them likelier.
DO $$
DECLARE
	v regclass;
BEGIN
	FOR v IN SELECT c.oid FROM pg_catalog.pg_class AS c
			 WHERE c.relnamespace = 'tpi_rules'::regnamespace AND c.relkind = 'v' LOOP
		EXECUTE pg_catalog.format('CREATE FUNCTION hd_focus.%I() RETURNS bigint LANGUAGE sql STABLE AS %L',
								  'count_' || (SELECT relname FROM pg_catalog.pg_class WHERE oid = v),
								  'SELECT pg_catalog.count(*) FROM ' || v::text);
	END LOOP;
END
$$;
