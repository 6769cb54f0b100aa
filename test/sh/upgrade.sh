#!/bin/bash
# Upgrade paths.  For every installed update script tpi_rules--A--B.sql
# whose starting version A has an install script: install A, ALTER
# EXTENSION tpi_rules UPDATE (to the default version), and compare the
# extension's objects (members, function definitions and attributes,
# columns, constraints, triggers, comments, shipped rows) with a fresh
# install of the default version.  With no update script (1.0 only), check
# that ALTER EXTENSION tpi_rules UPDATE is a no-op.
# Runs inside pg_virtualenv (PGHOST/PGPORT/PGUSER set).
set -euo pipefail
share=$(${PG_CONFIG:-pg_config} --sharedir)/extension
default=$(sed -nE "s/^default_version *= *'([^']+)'.*/\1/p" "$share/tpi_rules.control")
fresh=tpi_upgrade_fresh upgraded=tpi_upgrade_old
sql() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

snapshot() {
	psql -X -At -d "$1" <<'SQL'
SET search_path = pg_catalog;
SELECT 'member', pg_describe_object(classid, objid, objsubid)
  FROM pg_depend WHERE refclassid = 'pg_extension'::regclass AND deptype = 'e'
   AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'tpi_rules') ORDER BY 2;
SELECT 'function', p.oid::regprocedure, p.prokind, p.provolatile, p.proisstrict, p.proparallel,
	   p.prosecdef, p.proconfig, p.prorettype::regtype, p.prosrc, p.probin, obj_description(p.oid, 'pg_proc')
  FROM pg_proc AS p WHERE p.pronamespace = 'tpi_rules'::regnamespace ORDER BY 2;
SELECT 'column', a.attrelid::regclass, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
	   pg_get_expr(d.adbin, d.adrelid), col_description(a.attrelid, a.attnum)
  FROM pg_attribute AS a JOIN pg_class AS c ON c.oid = a.attrelid
  LEFT JOIN pg_attrdef AS d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
 WHERE c.relnamespace = 'tpi_rules'::regnamespace AND a.attnum > 0 AND NOT a.attisdropped ORDER BY 2, 4;
SELECT 'constraint', conrelid::regclass, conname, pg_get_constraintdef(oid)
  FROM pg_constraint WHERE connamespace = 'tpi_rules'::regnamespace ORDER BY 2, 3;
SELECT 'trigger', tgrelid::regclass, tgname, pg_get_triggerdef(oid)
  FROM pg_trigger WHERE NOT tgisinternal AND tgrelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'tpi_rules'::regnamespace) ORDER BY 2, 3;
SELECT 'view', c.oid::regclass, pg_get_viewdef(c.oid) FROM pg_class AS c
 WHERE c.relnamespace = 'tpi_rules'::regnamespace AND c.relkind IN ('v', 'm') ORDER BY 2;
SELECT 'comment', c.oid::regclass, obj_description(c.oid, 'pg_class') FROM pg_class AS c
 WHERE c.relnamespace = 'tpi_rules'::regnamespace ORDER BY 2;
SELECT 'acl', c.oid::regclass, c.relacl FROM pg_class AS c WHERE c.relnamespace = 'tpi_rules'::regnamespace ORDER BY 2;
SELECT 'config', extconfig::regclass[], extcondition FROM pg_extension WHERE extname = 'tpi_rules';
SQL
	# shipped rows of every table, as one checksum per table
	psql -X -At -d "$1" -c "SELECT format('SELECT %L, count(*), md5(string_agg(t::text, %L ORDER BY t::text)) FROM %s AS t;', 'rows ' || c.oid::regclass, ',', c.oid::regclass) FROM pg_class AS c WHERE c.relnamespace = 'tpi_rules'::regnamespace AND c.relkind = 'r' AND c.relname <> 'finding_log' ORDER BY 1" |
		psql -X -At -d "$1"
}

psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $fresh" -c "DROP DATABASE IF EXISTS $upgraded" \
	-c "CREATE DATABASE $fresh" -c "CREATE DATABASE $upgraded"
sql -d $fresh -c "CREATE EXTENSION tpi_rules"
want=$(snapshot $fresh)
status=0 paths=0

for up in "$share"/tpi_rules--*--*.sql; do
	[ -f "$up" ] || continue
	from=$(basename "$up" .sql); from=${from#tpi_rules--}; from=${from%%--*}
	if [ ! -f "$share/tpi_rules--$from.sql" ]; then
		echo "skip: $(basename "$up"): no install script for $from"; continue
	fi
	paths=$((paths + 1))
	psql -X -q -d postgres -c "DROP DATABASE $upgraded" -c "CREATE DATABASE $upgraded"
	sql -d $upgraded -c "CREATE EXTENSION tpi_rules VERSION '$from'" -c "ALTER EXTENSION tpi_rules UPDATE"
	v=$(psql -X -At -d $upgraded -c "SELECT extversion FROM pg_extension WHERE extname = 'tpi_rules'")
	[ "$v" = "$default" ] || { echo "FAIL: $from updated to $v, not $default"; status=1; }
	got=$(snapshot $upgraded)
	if [ "$got" != "$want" ]; then
		echo "FAIL: $from -> $default differs from a fresh $default install:"
		diff <(echo "$want") <(echo "$got") | head -60 || true
		status=1
	else
		echo "ok: $from -> $default matches a fresh install"
	fi
done

if [ $paths -eq 0 ]; then
	# no upgrade path: ALTER EXTENSION ... UPDATE must change nothing
	out=$(psql -X -q -d $fresh -c "ALTER EXTENSION tpi_rules UPDATE" 2>&1)
	echo "$out"
	got=$(snapshot $fresh)
	if [ "$got" != "$want" ]; then
		echo "FAIL: ALTER EXTENSION tpi_rules UPDATE changed objects"; diff <(echo "$want") <(echo "$got") | head -40 || true
		status=1
	else
		echo "ok: only version $default; ALTER EXTENSION tpi_rules UPDATE is a no-op ($(grep -c '' <<<"$want") catalogue lines)"
	fi
fi
psql -X -q -d postgres -c "DROP DATABASE $fresh" -c "DROP DATABASE $upgraded"
exit $status
