#!/bin/bash
# Upgrade paths with user data.  For every installed update script
# tpi_rules--A--B.sql whose starting version A has an install script:
#   1. install A and give it user data: a user payer_policy row, an edited
#      shipped muscle row, user covered_dx rows, claims in
#      tpi_rules.claim_line, finding_log rows written by a guarded table in
#      flag mode, a guarded table in reject mode, a user trigger on
#      claim_line and a user index on finding_log;
#   2. ALTER EXTENSION tpi_rules UPDATE (to the default version);
#   3. the extension's objects (members, function definitions, attributes
#      and privileges, columns and defaults, constraints, indexes, triggers,
#      views, aggregates, enum labels, comments, ACLs, configuration tables,
#      shipped rows) equal those of a fresh install of the default version
#      given the same user changes to reference data and the same user
#      objects; every user row is kept;
#   4. pg_dump -Fc | pg_restore of the upgraded database keeps all of it,
#      the user's objects on the extension's tables included.
# With no update script (one version only), check that ALTER EXTENSION
# tpi_rules UPDATE is a no-op.
# Runs inside pg_virtualenv or test/devpg.sh env (PGHOST/PGPORT/PGUSER set).
set -euo pipefail
share=$(${PG_CONFIG:-pg_config} --sharedir)/extension
default=$(sed -nE "s/^default_version *= *'([^']+)'.*/\1/p" "$share/tpi_rules.control")
fresh=tpi_upgrade_fresh upgraded=tpi_upgrade_old restored=tpi_upgrade_restored
sql() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
status=0 paths=0 checks=0
ok() { echo "ok: $*"; checks=$((checks + 1)); }
fail() { echo "FAIL: $*"; status=1; }

snapshot() {
	psql -X -At -v ON_ERROR_STOP=1 -d "$1" <<'SQL'
SET search_path = pg_catalog;
SELECT 'member', pg_describe_object(classid, objid, objsubid)
  FROM pg_depend WHERE refclassid = 'pg_extension'::regclass AND deptype = 'e'
   AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'tpi_rules') ORDER BY 2;
SELECT 'function', p.oid::regprocedure, p.prokind, p.provolatile, p.proisstrict, p.proparallel,
	   p.prosecdef, p.proleakproof, p.procost, p.prorows, p.proconfig, p.proretset,
	   p.prorettype::regtype, p.proargnames, pg_get_expr(p.proargdefaults, 0), p.prosrc, p.probin,
	   p.proacl, obj_description(p.oid, 'pg_proc')
  FROM pg_proc AS p WHERE p.pronamespace = 'tpi_rules'::regnamespace ORDER BY p.oid::regprocedure::text;
SELECT 'aggregate', a.aggfnoid::regprocedure, a.aggkind, a.aggtransfn, a.aggfinalfn, a.aggcombinefn,
	   a.aggserialfn, a.aggdeserialfn, a.aggfinalextra, a.aggfinalmodify, a.aggtranstype::regtype,
	   a.aggtransspace, a.agginitval, a.aggmtransfn, a.aggsortop
  FROM pg_aggregate AS a JOIN pg_proc AS p ON p.oid = a.aggfnoid
 WHERE p.pronamespace = 'tpi_rules'::regnamespace ORDER BY a.aggfnoid::regprocedure::text;
SELECT 'type', t.oid::regtype, t.typtype, t.typacl, obj_description(t.oid, 'pg_type'),
	   (SELECT array_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_enum AS e WHERE e.enumtypid = t.oid)
  FROM pg_type AS t WHERE t.typnamespace = 'tpi_rules'::regnamespace ORDER BY t.oid::regtype::text;
SELECT 'column', a.attrelid::regclass, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
	   a.attidentity, a.attgenerated, a.attcollation, pg_get_expr(d.adbin, d.adrelid), a.attacl,
	   col_description(a.attrelid, a.attnum)
  FROM pg_attribute AS a JOIN pg_class AS c ON c.oid = a.attrelid
  LEFT JOIN pg_attrdef AS d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
 WHERE c.relnamespace = 'tpi_rules'::regnamespace AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attrelid::regclass::text, 3;
SELECT 'constraint', conrelid::regclass, conname, pg_get_constraintdef(oid)
  FROM pg_constraint WHERE connamespace = 'tpi_rules'::regnamespace ORDER BY conrelid::regclass::text, 3;
SELECT 'index', tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'tpi_rules' ORDER BY 2, 3;
SELECT 'trigger', tgrelid::regclass, tgname, tgenabled, pg_get_triggerdef(oid)
  FROM pg_trigger WHERE NOT tgisinternal AND tgrelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'tpi_rules'::regnamespace) ORDER BY tgrelid::regclass::text, 3;
SELECT 'trigger', tgrelid::regclass, tgname, tgenabled, pg_get_triggerdef(oid)
  FROM pg_trigger WHERE NOT tgisinternal AND tgrelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'public'::regnamespace) ORDER BY tgrelid::regclass::text, 3;
SELECT 'event trigger', evtname, evtevent, evtfoid::regproc, evtenabled, evttags, obj_description(oid, 'pg_event_trigger')
  FROM pg_event_trigger ORDER BY 2;
SELECT 'view', c.oid::regclass, pg_get_viewdef(c.oid) FROM pg_class AS c
 WHERE c.relnamespace = 'tpi_rules'::regnamespace AND c.relkind IN ('v', 'm') ORDER BY c.oid::regclass::text;
SELECT 'comment', c.oid::regclass, c.relkind, obj_description(c.oid, 'pg_class') FROM pg_class AS c
 WHERE c.relnamespace = 'tpi_rules'::regnamespace ORDER BY c.oid::regclass::text;
SELECT 'acl', c.oid::regclass, c.relacl FROM pg_class AS c WHERE c.relnamespace = 'tpi_rules'::regnamespace ORDER BY c.oid::regclass::text;
SELECT 'schema', nspname, nspacl FROM pg_namespace WHERE nspname = 'tpi_rules';
SELECT 'config', (SELECT array_agg(x::regclass::text ORDER BY x::regclass::text) FROM unnest(extconfig) AS x),
	   (SELECT array_agg(c ORDER BY c) FROM unnest(extcondition) AS c)
  FROM pg_extension WHERE extname = 'tpi_rules';
SQL
	# the rows of every table but the two that hold only user data, as one
	# checksum per table
	psql -X -At -d "$1" -c "SELECT format('SELECT %L, count(*), md5(string_agg(t::text, %L ORDER BY t::text)) FROM %s AS t;', 'rows ' || c.oid::regclass, ',', c.oid::regclass) FROM pg_class AS c WHERE c.relnamespace = 'tpi_rules'::regnamespace AND c.relkind = 'r' AND c.relname NOT IN ('finding_log', 'claim_line') ORDER BY 1" |
		psql -X -At -v ON_ERROR_STOP=1 -d "$1"
}

# The reference-data changes and the objects a user makes, in any version.
user_changes() {
	sql -d "$1" <<'SQL'
INSERT INTO tpi_rules.payer_policy (payer_id, effective_from, name, source, max_sessions, cap_window, min_interval)
VALUES ('acme_health', '2024-01-01', 'Acme Health', 'Acme medical policy 12.3', 2, '6 months', '14 days');
UPDATE tpi_rules.muscle SET aliases = '{trap,traps,upper trap}' WHERE name = 'trapezius';
INSERT INTO tpi_rules.covered_dx (payer_id, icd10) VALUES ('acme_health', 'M7918'), ('acme_health', 'M6281');
-- a user trigger on the extension's claims table and a user index on its log
CREATE FUNCTION public.claim_audit_stamp() RETURNS trigger LANGUAGE plpgsql AS
  $$BEGIN NEW.claim_note := coalesce(NEW.claim_note, 'entered'); RETURN NEW; END$$;
CREATE TRIGGER stamp BEFORE INSERT ON tpi_rules.claim_line
	FOR EACH ROW EXECUTE FUNCTION public.claim_audit_stamp();
CREATE INDEX finding_log_rule_idx ON tpi_rules.finding_log (rule_id, logged_at);
-- guarded user tables: flag mode (writes finding_log) and reject mode
CREATE TABLE public.claims_flag (LIKE tpi_rules.claim_line INCLUDING DEFAULTS);
ALTER TABLE public.claims_flag ADD PRIMARY KEY (claim_id, line_no);
CREATE INDEX ON public.claims_flag (patient_id, date_of_service);
CREATE TRIGGER guard BEFORE INSERT OR UPDATE ON public.claims_flag
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('flag');
CREATE TABLE public.claims_reject (LIKE tpi_rules.claim_line INCLUDING DEFAULTS);
ALTER TABLE public.claims_reject ADD PRIMARY KEY (claim_id, line_no);
CREATE INDEX ON public.claims_reject (patient_id, date_of_service);
CREATE TRIGGER guard BEFORE INSERT OR UPDATE ON public.claims_reject
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('reject');
SQL
}

# Claims and log rows: only the database being upgraded gets them.  The
# old version's SQL functions run on the library just installed (one
# tpi_rules.so serves every version): its guards must still work on the old
# schema.  If they do not, that fails, and the rows a 1.0 library would have
# written are written directly so that the rest of the upgrade is still
# tested.
user_rows() {
	sql -d "$1" <<'SQL'
INSERT INTO tpi_rules.claim_line (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, units, icd10, muscles)
VALUES ('U1', 1, 'P1', 'acme_health', '2025-03-03', '20552', 2, '{M79.18}', '{right trapezius,upper trap}'),
       ('U2', 1, 'P1', 'acme_health', '2025-03-10', '20553', 1, '{M79.18}', '{left trapezius}'),
       ('U3', 1, 'P2', 'bcbsa', '2025-04-01', '20552', 1, '{M62.830}', '{shoulder}');
SQL
	local flag reject err
	flag="INSERT INTO public.claims_flag (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, units, icd10, muscles)
VALUES ('F1', 1, 'P9', 'medicare', '2025-01-06', '20552', 1, '{M79.18}', '{right trapezius}'),
       ('F2', 1, 'P9', 'medicare', '2025-02-06', '20552', 1, '{M79.18}', '{right trapezius}'),
       ('F3', 1, 'P9', 'medicare', '2025-03-06', '20552', 1, '{M79.18}', '{right trapezius}'),
       ('F4', 1, 'P9', 'medicare', '2025-04-07', '20552', 1, '{M79.18}', '{right trapezius}'),
       ('F5', 1, 'P8', 'medicare', '2025-04-07', '20553', 1, NULL, '{left trapezius}');"
	# reject mode keeps a clean session (the TPI line and its drug line)
	reject="INSERT INTO public.claims_reject (claim_id, line_no, patient_id, payer_id, provider_npi, date_of_service,
	hcpcs, modifiers, units, icd10, place_of_service, muscles, trigger_points, drug_name, drug_dose,
	note_signed, post_procedure_plan, conservative_care, tp_locations, guidance)
VALUES ('R1', 1, 'P7', 'medicare', '1234567893', '2025-01-06', '20552', '{}', 1, '{M79.18}', '11',
		'{right upper trapezius,left levator scapulae}', 4, 'lidocaine 1%', '3 ml', true, true, true, true, 'none'),
	   ('R1', 2, 'P7', 'medicare', '1234567893', '2025-01-06', 'J2001', '{}', 1, '{M79.18}', '11',
		NULL, NULL, NULL, NULL, true, true, true, true, 'none');"
	if err=$(psql -X -q -v ON_ERROR_STOP=1 -d "$1" -c "$flag" -c "$reject" 2>&1); then
		ok "$1: the old version's guards run on the installed library"
	else
		fail "$1: the old version's guards fail on the installed library before ALTER EXTENSION UPDATE: $(grep -m1 ERROR <<<"$err")"
		sql -d "$1" -c "ALTER TABLE public.claims_flag DISABLE TRIGGER guard" -c "ALTER TABLE public.claims_reject DISABLE TRIGGER guard" \
			-c "$flag" -c "$reject" \
			-c "ALTER TABLE public.claims_flag ENABLE TRIGGER guard" -c "ALTER TABLE public.claims_reject ENABLE TRIGGER guard" \
			-c "INSERT INTO tpi_rules.finding_log (table_name, claim_id, line_no, patient_id, date_of_service, rule_id, severity, message)
				SELECT 'public.claims_flag', claim_id, line_no, patient_id, date_of_service, 'doc.missing_element', 'warning', 'written as 1.0 would'
				  FROM public.claims_flag"
	fi
	local n
	n=$(psql -X -At -d "$1" -c "SELECT count(*) FROM tpi_rules.finding_log WHERE table_name LIKE '%claims_flag'")
	[ "$n" -gt 0 ] || { fail "the flag-mode table logged no findings in $1"; }
}

# Every user row, in the columns the old version has (new columns may be
# added by the update and are NULL or defaulted there).
user_rows_query() {
	psql -X -At -d "$1" <<'SQL'
SELECT format('SELECT %L, count(*), md5(coalesce(string_agg(r, %L ORDER BY r), %L)) FROM (SELECT ROW(%s)::text AS r FROM %s%s) AS s;',
			  'user rows ' || c.oid::regclass, E'\n', '',
			  (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) FROM pg_attribute AS a
				WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped),
			  c.oid::regclass,
			  CASE WHEN EXISTS (SELECT FROM pg_attribute AS a WHERE a.attrelid = c.oid AND a.attname = 'builtin')
				   THEN ' WHERE NOT builtin' ELSE '' END)
  FROM pg_class AS c
 WHERE c.relkind = 'r' AND c.relnamespace IN ('tpi_rules'::regnamespace, 'public'::regnamespace)
   AND c.relname <> 'table_object'
 ORDER BY c.oid::regclass::text;
SQL
}

# The user's objects on the extension's tables are recorded as the user's.
check_table_objects() {
	local got
	got=$(psql -X -At -d "$1" -c "SELECT string_agg(kind || ' ' || name, ', ' ORDER BY kind, name) FROM tpi_rules.table_object WHERE NOT builtin")
	if [ "$got" = "index finding_log_rule_idx, trigger stamp" ]; then
		ok "$1: the user's objects on tpi_rules tables are recorded as the user's"
	else
		fail "$1: user objects recorded as: '$got'"
	fi
}

# After the upgrade (and the restore), the guards and the log still work.
still_works() {
	sql -d "$1" -c "INSERT INTO public.claims_flag (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, units, icd10, muscles) VALUES ('F9', 1, 'P9', 'medicare', '2025-05-07', '20552', 1, '{M79.18}', '{right trapezius}')"
	if psql -X -q -d "$1" -c "INSERT INTO public.claims_reject (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, units, icd10, muscles) VALUES ('R2', 1, 'P7', 'medicare', '2025-01-06', '20553', 1, NULL, '{right trapezius}')" 2>/dev/null; then
		fail "$1: the reject-mode guard let an erroneous line through"
	else
		ok "$1: the reject-mode guard still rejects, the flag-mode guard still logs"
	fi
	local stamp
	stamp=$(psql -X -q -At -d "$1" -c "INSERT INTO tpi_rules.claim_line (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs) VALUES ('U9', 1, 'P5', 'aetna', '2025-06-01', '20552') RETURNING claim_note")
	[ "$stamp" = entered ] && ok "$1: the user trigger on claim_line fires" || fail "$1: the user trigger on claim_line did not fire ('$stamp')"
}

for db in $fresh $upgraded $restored; do psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db"; done
psql -X -q -d postgres -c "CREATE DATABASE $fresh"
sql -d $fresh -c "CREATE EXTENSION tpi_rules"
user_changes $fresh
want=$(snapshot $fresh)

for up in "$share"/tpi_rules--*--*.sql; do
	[ -f "$up" ] || continue
	from=$(basename "$up" .sql); from=${from#tpi_rules--}; from=${from%%--*}
	if [ ! -f "$share/tpi_rules--$from.sql" ]; then
		echo "skip: $(basename "$up"): no install script for $from"; continue
	fi
	paths=$((paths + 1))
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $upgraded" -c "DROP DATABASE IF EXISTS $restored" \
		-c "CREATE DATABASE $upgraded" -c "CREATE DATABASE $restored"
	sql -d $upgraded -c "CREATE EXTENSION tpi_rules VERSION '$from'"
	user_changes $upgraded
	user_rows $upgraded
	rows_sql=$(user_rows_query $upgraded)
	before=$(psql -X -At -v ON_ERROR_STOP=1 -d $upgraded <<<"$rows_sql")

	sql -d $upgraded -c "ALTER EXTENSION tpi_rules UPDATE"
	v=$(psql -X -At -d $upgraded -c "SELECT extversion FROM pg_extension WHERE extname = 'tpi_rules'")
	[ "$v" = "$default" ] && ok "$from updated to $default" || fail "$from updated to $v, not $default"
	got=$(snapshot $upgraded)
	if [ "$got" != "$want" ]; then
		fail "$from -> $default differs from a fresh $default install with the same user changes:"
		diff <(echo "$want") <(echo "$got") | head -60 || true
	else
		ok "$from -> $default: objects equal a fresh install ($(grep -c '' <<<"$want") catalogue lines)"
	fi
	after=$(psql -X -At -v ON_ERROR_STOP=1 -d $upgraded <<<"$rows_sql")
	if [ "$after" != "$before" ]; then
		fail "$from -> $default lost or changed user rows:"; diff <(echo "$before") <(echo "$after") || true
	else
		ok "$from -> $default keeps every user row ($(grep -c '' <<<"$before") tables)"
	fi
	grep -q '^user rows tpi_rules.finding_log|0|' <<<"$after" && fail "no finding_log rows to keep"
	check_table_objects $upgraded

	# pg_dump and restore of the upgraded database
	pg_dump -Fc -d $upgraded | pg_restore -d $restored --exit-on-error
	got2=$(snapshot $restored)
	if [ "$got2" != "$got" ]; then
		fail "dump/restore of the upgraded database changed its objects:"
		diff <(echo "$got") <(echo "$got2") | head -40 || true
	else
		ok "dump/restore of the upgraded database keeps its objects, the user's too"
	fi
	after2=$(psql -X -At -v ON_ERROR_STOP=1 -d $restored <<<"$rows_sql")
	if [ "$after2" != "$after" ]; then
		fail "dump/restore lost or changed user rows:"; diff <(echo "$after") <(echo "$after2") || true
	else
		ok "dump/restore keeps every user row"
	fi
	check_table_objects $restored
	still_works $upgraded
	still_works $restored
done

if [ $paths -eq 0 ]; then
	# no upgrade path: ALTER EXTENSION ... UPDATE must change nothing
	out=$(psql -X -q -d $fresh -c "ALTER EXTENSION tpi_rules UPDATE" 2>&1)
	echo "$out"
	got=$(snapshot $fresh)
	if [ "$got" != "$want" ]; then
		fail "ALTER EXTENSION tpi_rules UPDATE changed objects"; diff <(echo "$want") <(echo "$got") | head -40 || true
	else
		ok "only version $default; ALTER EXTENSION tpi_rules UPDATE is a no-op ($(grep -c '' <<<"$want") catalogue lines)"
	fi
fi
[ $status -eq 0 ] && for db in $fresh $upgraded $restored; do psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db"; done
echo "upgrade.sh: $checks checks passed, status $status"
exit $status
