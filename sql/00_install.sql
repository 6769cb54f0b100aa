-- The extension installs into its fixed schema with every object commented.
SET datestyle = 'ISO, YMD';
SET timezone = 'UTC';

SELECT extname, extversion, extrelocatable, n.nspname
FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
WHERE extname = 'tpi_rules';

-- Tables of SPEC sections 3 and 5.
SELECT c.relname, c.relkind
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'tpi_rules' AND c.relkind IN ('r', 'v', 'm')
ORDER BY 1;

-- claim_line: the SPEC column order and types; NOT NULL only on required columns.
SELECT a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull
FROM pg_attribute a
WHERE a.attrelid = 'tpi_rules.claim_line'::regclass AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attnum;

SELECT enum_range(NULL::tpi_rules.severity);
SELECT 'info'::tpi_rules.severity < 'warning' AND 'warning'::tpi_rules.severity < 'error' AS ordered;
SELECT a.attname, format_type(a.atttypid, a.atttypmod)
FROM pg_attribute a
WHERE a.attrelid = 'tpi_rules.finding'::regtype::oid::regclass
   OR a.attrelid = (SELECT typrelid FROM pg_type WHERE oid = 'tpi_rules.finding'::regtype)
ORDER BY a.attnum;

-- Every table, view, column of claim_line, type and function has a comment.
SELECT c.relname AS uncommented_relation
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'tpi_rules' AND c.relkind IN ('r', 'v', 'm')
  AND obj_description(c.oid, 'pg_class') IS NULL
ORDER BY 1;
SELECT p.oid::regprocedure AS uncommented_function
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = 'tpi_rules' AND obj_description(p.oid, 'pg_proc') IS NULL
ORDER BY 1;
SELECT t.typname AS uncommented_type
FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE n.nspname = 'tpi_rules'
  AND (t.typtype = 'e' OR
       (t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c'))
  AND obj_description(t.oid, 'pg_type') IS NULL
ORDER BY 1;
SELECT a.attname AS uncommented_claim_line_column
FROM pg_attribute a
WHERE a.attrelid = 'tpi_rules.claim_line'::regclass AND a.attnum > 0
  AND col_description(a.attrelid, a.attnum) IS NULL
ORDER BY 1;

-- Reference tables are configuration tables, so user rows survive pg_dump.
SELECT c.relname, x.cond
FROM pg_extension e,
     unnest(e.extconfig, e.extcondition) AS x(oid, cond)
     JOIN pg_class c ON c.oid = x.oid
WHERE e.extname = 'tpi_rules'
ORDER BY 1;
