#!/bin/bash
# Bad-input sweep: as a role without privileges, call every tpi_rules
# function that role may EXECUTE (found in pg_proc, so functions added later
# are swept too) with NULLs, empty and 100,000-element arrays, 1 MB strings,
# infinite and out-of-range dates, huge and negative intervals, negative and
# extreme numbers, and claim lines made of them; aggregates over one such
# row and over 100,000 rows, window functions over a window of them.
#
# The calls run in a postmaster of its own started under `ulimit -v`, so
# every backend has an address-space limit (a runaway allocation is an
# "out of memory" ERROR, not the kernel's OOM killer taking the cluster
# down).  Passes when: the server is up afterwards, its log has no backend
# "terminated by signal" nor a PANIC, and no call raised SQLSTATE XX000
# (internal error).  Other errors (22023, 22P02, 42501, 53200, 57014, ...)
# are the expected answers to bad input.
# Runs inside pg_virtualenv or test/devpg.sh env (needs PG_CONFIG or
# pg_config of the server the extension is installed in).
set -euo pipefail
bindir=$(${PG_CONFIG:-pg_config} --bindir)
mem_kb=${SWEEP_MEM_KB:-1500000}		# per-process address space
timeout=${SWEEP_TIMEOUT:-10s}		# per call
work=$(mktemp -d /tmp/tpi_sweep.XXXXXX)
chmod 755 "$work"
run=()
if [ "$(id -u)" -eq 0 ]; then
	chown postgres "$work"
	run=(runuser -u postgres --)
fi
port=$(( 40000 + $$ % 10000 ))
data=$work/data log=$work/server.log
cleanup() {
	"${run[@]}" "$bindir/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
	[ "${keep:-0}" = 1 ] || [ -n "${SWEEP_KEEP:-}" ] || rm -rf "$work"
}
trap cleanup EXIT

"${run[@]}" "$bindir/initdb" -D "$data" -U postgres -A trust >/dev/null
cat >> "$data/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$work'
port = $port
fsync = off
shared_buffers = 16MB
max_connections = 10
max_worker_processes = 4
max_parallel_workers_per_gather = 0
log_min_messages = warning
CONF
# The limit is inherited by the postmaster and so by every backend.
"${run[@]}" bash -c "ulimit -v $mem_kb && exec '$bindir/pg_ctl' -D '$data' -l '$log' -w start" >/dev/null

export PGHOST=$work PGPORT=$port
psql() { "$bindir/psql" -X "$@"; }
psql -q -U postgres -d postgres -v ON_ERROR_STOP=1 <<'SQL'
CREATE ROLE tpi_sweeper LOGIN;
CREATE DATABASE sweep;
\c sweep
CREATE EXTENSION tpi_rules;
-- a few claims so that functions reading tables have something to read
INSERT INTO tpi_rules.claim_line (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, units, icd10, muscles)
SELECT 'S' || g, 1, 'P' || (g % 7), 'medicare', DATE '2025-01-01' + g, '20552', 1, '{M79.18}', '{right trapezius}'
  FROM generate_series(1, 50) AS g;
SQL

# An analyst may read the claims; the sweeper's own table holds bad lines:
# extreme dates, units and sizes, and 10,000 lines of one placeholder
# patient on one day.
psql -q -U postgres -d sweep -v ON_ERROR_STOP=1 -c "GRANT SELECT ON tpi_rules.claim_line TO tpi_sweeper" \
	-c "GRANT CREATE ON SCHEMA public TO tpi_sweeper"
psql -q -U tpi_sweeper -d sweep -v ON_ERROR_STOP=1 <<'SQL'
CREATE TABLE public.sweep_claims (LIKE tpi_rules.claim_line);
INSERT INTO public.sweep_claims (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, units, icd10, muscles, drug_name, modifiers)
SELECT 'B' || g, (g % 30000)::smallint, CASE WHEN g % 2 = 0 THEN 'UNKNOWN' ELSE repeat('p', g % 5000) END,
	   (ARRAY['medicare', '', 'no such payer', repeat('z', 10000)])[1 + g % 4],
	   (ARRAY['infinity', '-infinity', '4713-01-01 BC', '5874897-12-31', '2025-03-03']::date[])[1 + g % 5],
	   (ARRAY['20552', '20553', '', 'J2001', repeat('2', 100)])[1 + g % 5],
	   (ARRAY[-1, 0, 2147483647, -2147483648, NULL])[1 + g % 5],
	   CASE WHEN g % 3 = 0 THEN ARRAY(SELECT 'M79.18' FROM generate_series(1, g % 1000)) END,
	   CASE WHEN g % 7 = 0 THEN ARRAY(SELECT 'muscle ' || h FROM generate_series(1, g % 2000) AS h) ELSE '{right trapezius}' END,
	   CASE WHEN g % 11 = 0 THEN repeat('lidocaine ', 10000) END,
	   CASE WHEN g % 13 = 0 THEN '{XS,59,25,XU,LT,RT,50}'::text[] END
  FROM generate_series(1, 3000) AS g;
INSERT INTO public.sweep_claims (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, units, icd10, muscles)
SELECT 'ONE' || g, 1, 'UNKNOWN', 'medicare', '2025-03-03', '20552', 1, '{M79.18}', '{right trapezius}'
  FROM generate_series(1, 10000) AS g;
SQL

# Bad values per argument type, as SQL expressions.
psql -q -U postgres -d sweep -v ON_ERROR_STOP=1 <<'SQL'
CREATE TABLE public.bad (typ regtype, expr text);
GRANT SELECT ON public.bad TO PUBLIC;
INSERT INTO public.bad VALUES
	('text', 'NULL::text'), ('text', $$''$$), ('text', $$repeat('x', 1048576)$$),
	('text', $$repeat('right trapezius, ', 65536)$$), ('text', $$'-1'$$),
	('text', $$E'ISA*00*\n~~~' || repeat('*', 100000)$$), ('text', $$'/etc/passwd'$$),
	('text[]', 'NULL::text[]'), ('text[]', $$'{}'::text[]$$), ('text[]', $$'{NULL}'::text[]$$),
	('text[]', $$ARRAY(SELECT 'left trapezius ' || g FROM generate_series(1, 100000) AS g)$$),
	('text[]', $$ARRAY[repeat('y', 1048576)]$$),
	('date', 'NULL::date'), ('date', $$'infinity'::date$$), ('date', $$'-infinity'::date$$),
	('date', $$'4713-01-01 BC'::date$$), ('date', $$'5874897-12-31'::date$$),
	('date[]', 'NULL::date[]'), ('date[]', $$'{}'::date[]$$), ('date[]', $$'{infinity,-infinity,NULL}'::date[]$$),
	('date[]', $$ARRAY(SELECT DATE '2025-01-01' + g FROM generate_series(-50000, 49999) AS g)$$),
	('interval', 'NULL::interval'), ('interval', $$'178000000 years'::interval$$),
	('interval', $$'-178000000 years'::interval$$), ('interval', $$'0'::interval$$), ('interval', $$'-1 day'::interval$$),
	('integer', 'NULL::integer'), ('integer', '-1'), ('integer', '0'), ('integer', '2147483647'), ('integer', '(-2147483648)'),
	('bigint', 'NULL::bigint'), ('bigint', '(-9223372036854775808)'),
	('smallint', 'NULL::smallint'), ('smallint', '(-32768)::smallint'),
	('numeric', 'NULL::numeric'), ('numeric', '-1e300'), ('numeric', $$'NaN'::numeric$$),
	('boolean', 'NULL::boolean'), ('boolean', 'true'),
	('regclass', 'NULL::regclass'), ('regclass', '0::oid::regclass'), ('regclass', $$'pg_class'::regclass$$),
	('regclass', $$'tpi_rules.claim_line'::regclass$$), ('regclass', $$'tpi_rules.finding_log'::regclass$$),
	('regclass', $$'public.sweep_claims'::regclass$$),
	('bytea', 'NULL::bytea'), ('bytea', $$'\x'::bytea$$), ('bytea', $$decode(repeat('ff', 100000), 'hex')$$);
-- the plain value of each type (the other arguments of a call get these)
CREATE TABLE public.plain (typ regtype PRIMARY KEY, expr text);
INSERT INTO public.plain VALUES
	('text', $$'20552'$$), ('text[]', $$'{right trapezius}'$$), ('date', $$DATE '2025-03-03'$$),
	('date[]', $$'{2025-01-01,2025-03-03}'::date[]$$), ('interval', $$'1 year'::interval$$),
	('integer', '1'), ('bigint', '1'), ('smallint', '1::smallint'), ('numeric', '1'),
	('boolean', 'true'), ('regclass', $$'public.sweep_claims'::regclass$$),
	('tpi_rules.claim_line', $$jsonb_populate_record(NULL::tpi_rules.claim_line, '{"claim_id": "C", "line_no": 1, "patient_id": "P", "payer_id": "medicare", "date_of_service": "2025-03-03", "hcpcs": "20552", "muscles": ["right trapezius"], "icd10": ["M79.18"]}')$$),
	('tpi_rules.claim_line[]', $$ARRAY[jsonb_populate_record(NULL::tpi_rules.claim_line, '{"claim_id": "C", "line_no": 1, "patient_id": "P", "payer_id": "medicare", "date_of_service": "2025-03-03", "hcpcs": "20552", "muscles": ["right trapezius"]}')]$$);
GRANT SELECT ON public.plain TO PUBLIC;
-- claim lines: all NULL, extreme values, huge arrays and strings
INSERT INTO public.bad
SELECT 'tpi_rules.claim_line', e FROM unnest(ARRAY[
	'NULL::tpi_rules.claim_line',
	$$(NULL::tpi_rules.claim_line)$$,
	$$jsonb_populate_record(NULL::tpi_rules.claim_line, '{"claim_id": "C", "line_no": -1, "patient_id": "", "payer_id": "medicare", "date_of_service": "infinity", "hcpcs": "20552", "units": -2147483648, "trigger_points": -5}')$$,
	$$jsonb_populate_record(NULL::tpi_rules.claim_line, jsonb_build_object('claim_id', repeat('c', 1048576), 'line_no', 1, 'patient_id', repeat('p', 1048576), 'payer_id', repeat('q', 1048576), 'date_of_service', '4713-01-01 BC', 'hcpcs', repeat('2', 1048576), 'modifiers', ARRAY(SELECT 'XS' FROM generate_series(1, 100000)), 'icd10', ARRAY(SELECT 'M79.18' FROM generate_series(1, 100000)), 'claim_note', repeat('n', 1048576), 'drug_name', repeat('lidocaine ', 100000)))$$,
	$$jsonb_populate_record(NULL::tpi_rules.claim_line, jsonb_build_object('claim_id', 'C', 'line_no', 1, 'patient_id', 'P', 'payer_id', 'medicare', 'date_of_service', '5874897-12-31', 'hcpcs', '20553', 'units', 2147483647, 'muscles', ARRAY(SELECT 'right trapezius ' || g FROM generate_series(1, 100000) AS g)))$$
]) AS e;
INSERT INTO public.bad
SELECT 'tpi_rules.claim_line[]', e FROM unnest(ARRAY[
	'NULL::tpi_rules.claim_line[]', $$'{}'::tpi_rules.claim_line[]$$, $$ARRAY[NULL::tpi_rules.claim_line]$$,
	$$ARRAY(SELECT jsonb_populate_record(NULL::tpi_rules.claim_line, jsonb_build_object('claim_id', 'C' || g, 'line_no', 1, 'patient_id', 'P', 'payer_id', 'medicare', 'date_of_service', '2025-03-03', 'hcpcs', '20552', 'muscles', '{right trapezius}')) FROM generate_series(1, 100000) AS g)$$
]) AS e;
SQL

# One statement per call: every argument gets each bad value of its type in
# turn (the others a plain one), plus an all-NULL call.
psql -At -U tpi_sweeper -d sweep -v ON_ERROR_STOP=1 > "$work/calls.sql" <<'SQL'
WITH fn AS (
	SELECT p.oid, p.prokind, p.proretset, p.pronargs,
		   p.oid::regprocedure::text AS sig,
		   format('%I.%I', n.nspname, p.proname) AS name,
		   ARRAY(SELECT t::regtype FROM unnest(p.proargtypes) AS t) AS types
	  FROM pg_proc AS p JOIN pg_namespace AS n ON n.oid = p.pronamespace
	 WHERE n.nspname = 'tpi_rules'
	   AND has_function_privilege(current_user, p.oid, 'EXECUTE')
	   AND p.prorettype NOT IN ('trigger'::regtype, 'event_trigger'::regtype)
	   AND NOT ('internal'::regtype = ANY (p.proargtypes::oid[]::regtype[]))),
-- for each argument position: every bad value of its type, or NULL of it
arg AS (
	SELECT f.oid, i, f.types[i] AS typ,
		   coalesce((SELECT array_agg(b.expr ORDER BY b.expr) FROM public.bad AS b WHERE b.typ = f.types[i]),
					ARRAY[format('NULL::%s', f.types[i])]) AS vals
	  FROM fn AS f, generate_series(1, f.pronargs) AS i),
-- the plain value of each argument
plain AS (
	SELECT a.oid, a.i, coalesce((SELECT p.expr FROM public.plain AS p WHERE p.typ = a.typ), a.vals[1]) AS v
	  FROM arg AS a),
args AS (
	-- all NULL
	SELECT f.oid, (SELECT string_agg(format('NULL::%s', f.types[i]), ', ' ORDER BY i) FROM generate_series(1, f.pronargs) AS i) AS list
	  FROM fn AS f
	UNION
	-- one argument bad, the others plain
	SELECT a.oid, (SELECT string_agg(CASE WHEN p.i = a.i THEN bad.expr ELSE p.v END, ', ' ORDER BY p.i)
					 FROM plain AS p WHERE p.oid = a.oid)
	  FROM arg AS a, unnest(a.vals) AS bad (expr))
SELECT format('SELECT %L AS sweep;', f.sig) || E'\n' ||
	   CASE f.prokind
		   WHEN 'a' THEN format('SELECT count(*) FROM (SELECT %s(%s)) AS s;', f.name, coalesce(x.list, '')) || E'\n' ||
						 format('SELECT count(*) FROM (SELECT %s(%s) FROM generate_series(1, 100000)) AS s;', f.name, coalesce(x.list, ''))
		   WHEN 'w' THEN format('SELECT count(*) FROM (SELECT %s(%s) OVER (ORDER BY g) FROM generate_series(1, 1000) AS g) AS s;', f.name, coalesce(x.list, ''))
		   ELSE format('SELECT count(*) FROM (SELECT %s(%s)) AS s;', f.name, coalesce(x.list, ''))
	   END
  FROM fn AS f LEFT JOIN args AS x ON x.oid = f.oid
 ORDER BY f.sig, x.list;
SQL
nfn=$(grep -c "AS sweep;" "$work/calls.sql")
echo "$(grep -c '^SELECT count' "$work/calls.sql") calls of $(sort -u <(grep "AS sweep;" "$work/calls.sql") | wc -l) functions"

start=$(date +%s)
PGOPTIONS="-c statement_timeout=$timeout -c client_min_messages=error" \
	psql -U tpi_sweeper -d sweep -v VERBOSITY=verbose -f "$work/calls.sql" > "$work/out.txt" 2>&1 || true
echo "swept in $(( $(date +%s) - start )) s"

status=0
# The limit is in force: two 700 MB strings do not fit in one backend.
big=$(psql -At -U tpi_sweeper -d sweep -c "SELECT length(a) + length(b) FROM (SELECT repeat('x', 700000000) AS a, repeat('y', 700000000) AS b) AS s" 2>&1 || true)
if grep -q 'out of memory' <<<"$big"; then
	echo "ok: a backend that asks for more than ${mem_kb} kB gets an out-of-memory error"
else
	echo "FAIL: the per-process memory limit is not in force"; status=1
fi
# every error's SQLSTATE, counted
grep -oE '^(psql:[^ ]+ )?ERROR:  [0-9A-Z]{5}' "$work/out.txt" | awk '{ print $NF }' | sort | uniq -c | sort -rn
if grep -qE 'ERROR:  XX000' "$work/out.txt"; then
	echo "FAIL: internal errors (XX000):"; { grep -B3 -A2 'ERROR:  XX000' "$work/out.txt" | head -40 || true; }; status=1
fi
if ! psql -At -U tpi_sweeper -d sweep -c 'SELECT 1' >/dev/null 2>&1; then
	echo "FAIL: the server is down after the sweep"; status=1
fi
if grep -E 'terminated by signal|PANIC|server process .* was terminated|server closed the connection' "$log" "$work/out.txt"; then
	echo "FAIL: a backend crashed"; status=1
fi
oom=$(grep -c 'out of memory' "$work/out.txt" || true)
echo "out-of-memory errors (limit ${mem_kb} kB per process): $oom"
[ $status -eq 0 ] && echo "ok: $nfn calls groups, no crash, no XX000" || keep=1
[ "${keep:-0}" = 1 ] && echo "kept $work"
exit $status
