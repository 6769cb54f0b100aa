#!/bin/bash
# CREATE EXTENSION in a database prepared by a hostile user (the
# CVE-2022-2625 class of attacks) changes nothing, and neither does calling
# the extension with the hostile objects on the search_path.
#
# A non-superuser with CREATE on schema public (as every user had before
# PostgreSQL 15) plants objects named like the built-ins an install script
# or a function body might use unqualified (lower, upper, array_to_string,
# string_agg, format, unnest, now, coalesce-like helpers, = and other
# operators on text, date and integer), plus a function in public for
# every tpi_rules function and tables named like tpi_rules' tables.  Every
# planted function records its call in public.hostile_calls (as the role
# that ran it) and raises a NOTICE.  A superuser then runs CREATE EXTENSION
# with search_path = public, and a workload runs under search_path
# "public" and "public, pg_catalog" (hostile objects ahead of the
# built-ins).  The workload's output must match a clean database's, and
# hostile_calls must stay empty.  Also: the generated install script has
# no CREATE OR REPLACE and no IF NOT EXISTS, and a schema tpi_rules that a
# hostile user made beforehand is reported (see 5).
# Runs inside pg_virtualenv (PGHOST/PGPORT/PGUSER set).
set -euo pipefail
cd "$(dirname "$0")/../.."
hostile=tpi_hostile_db clean=tpi_clean_db squat=tpi_squat_db
fail=0
bad() { echo "FAIL: $*"; fail=1; }
sql() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

# 1. The install script.
script=$(ls sql/tpi_rules--*.sql | grep -v -- '--.*--' | head -1)
[ -f "$script" ] || { echo "no generated install script (run make first)"; exit 1; }
# (DDL's "IF NOT EXISTS name", not plpgsql's "IF NOT EXISTS (SELECT ...)")
if grep -niP 'CREATE\s+OR\s+REPLACE|IF\s+NOT\s+EXISTS\s+(?!\()' "$script"; then
	bad "$script has CREATE OR REPLACE or IF NOT EXISTS"
fi
# Unqualified built-ins in SQL bodies, views, defaults and checks: reported
# for the owners, not failed on (the objects bind at CREATE EXTENSION time,
# when the search_path is "tpi_rules, pg_temp", so public cannot reach them).
if [ -f test/hardening/unqualified.pl ]; then
	perl test/hardening/unqualified.pl sql/install/*.sql || true
fi

# 2. Databases, the hostile role and its objects.
# pg_virtualenv's clusters take passwords over TCP: the hostile role gets
# PGPASSWORD's, so psql connects as it with the same environment.
pw=""
[ -n "${PGPASSWORD:-}" ] && pw=" PASSWORD '$PGPASSWORD'"
sql -d postgres <<SQL
DROP DATABASE IF EXISTS $hostile;
DROP DATABASE IF EXISTS $clean;
DROP DATABASE IF EXISTS $squat;
DROP ROLE IF EXISTS tpi_hostile;
CREATE ROLE tpi_hostile LOGIN$pw;
CREATE DATABASE $hostile;
CREATE DATABASE $clean;
CREATE DATABASE $squat;
SQL
sql -d $hostile -c "GRANT CREATE ON SCHEMA public TO PUBLIC"
sql -d $clean -c "CREATE EXTENSION tpi_rules"

# Trap functions for every tpi_rules function whose argument types exist
# before the extension does (signatures from the clean install).
traps=$(psql -X -At -d $clean <<'SQL'
SELECT format('CREATE FUNCTION public.%I(%s) RETURNS %s LANGUAGE plpgsql AS $t$BEGIN PERFORM public.hostile_trap(%L); RETURN NULL; END$t$;',
			  p.proname, pg_get_function_identity_arguments(p.oid),
			  CASE WHEN p.prorettype = 'trigger'::regtype THEN 'trigger'
				   WHEN p.proretset THEN 'SETOF ' || format_type(p.prorettype, NULL)
				   ELSE format_type(p.prorettype, NULL) END,
			  p.proname)
FROM pg_proc AS p
WHERE p.pronamespace = 'tpi_rules'::regnamespace
  AND p.prokind = 'f'
  AND p.prorettype NOT IN ('internal'::regtype, 'record'::regtype, 'event_trigger'::regtype)
  AND NOT EXISTS (SELECT FROM pg_type AS t
				  WHERE t.oid IN (SELECT unnest(p.proargtypes::oid[]) UNION SELECT p.prorettype)
					AND t.typnamespace = 'tpi_rules'::regnamespace)
  AND NOT ('internal'::regtype = ANY (p.proargtypes::regtype[]))
ORDER BY 1;
SQL
)

PGUSER=tpi_hostile sql -d $hostile <<SQL
CREATE TABLE public.hostile_calls (fn text, by_role text, at timestamptz DEFAULT clock_timestamp());
GRANT INSERT, SELECT ON public.hostile_calls TO PUBLIC;
CREATE FUNCTION public.hostile_trap(fn text) RETURNS void LANGUAGE plpgsql AS \$\$
BEGIN
	INSERT INTO public.hostile_calls (fn, by_role) VALUES (fn, current_user);
	RAISE NOTICE 'hostile % called by %', fn, current_user;
END
\$\$;

-- built-ins an unqualified reference could resolve to
CREATE FUNCTION public.lower(text) RETURNS text LANGUAGE plpgsql AS \$\$BEGIN PERFORM public.hostile_trap('lower'); RETURN pg_catalog.lower(\$1); END\$\$;
CREATE FUNCTION public.lower(varchar) RETURNS text LANGUAGE plpgsql AS \$\$BEGIN PERFORM public.hostile_trap('lower(varchar)'); RETURN pg_catalog.lower(\$1); END\$\$;
CREATE FUNCTION public.upper(text) RETURNS text LANGUAGE plpgsql AS \$\$BEGIN PERFORM public.hostile_trap('upper'); RETURN pg_catalog.upper(\$1); END\$\$;
CREATE FUNCTION public.btrim(text) RETURNS text LANGUAGE plpgsql AS \$\$BEGIN PERFORM public.hostile_trap('btrim'); RETURN pg_catalog.btrim(\$1); END\$\$;
CREATE FUNCTION public.length(text) RETURNS integer LANGUAGE plpgsql AS \$\$BEGIN PERFORM public.hostile_trap('length'); RETURN pg_catalog.length(\$1); END\$\$;
CREATE FUNCTION public.array_to_string(anyarray, text) RETURNS text LANGUAGE plpgsql AS \$\$BEGIN PERFORM public.hostile_trap('array_to_string'); RETURN pg_catalog.array_to_string(\$1, \$2); END\$\$;
CREATE FUNCTION public.array_to_string(text[], text) RETURNS text LANGUAGE plpgsql AS \$\$BEGIN PERFORM public.hostile_trap('array_to_string(text[])'); RETURN pg_catalog.array_to_string(\$1, \$2); END\$\$;
CREATE FUNCTION public.array_length(text[], integer) RETURNS integer LANGUAGE plpgsql AS \$\$BEGIN PERFORM public.hostile_trap('array_length'); RETURN pg_catalog.array_length(\$1, \$2); END\$\$;
CREATE FUNCTION public.cardinality(text[]) RETURNS integer LANGUAGE plpgsql AS \$\$BEGIN PERFORM public.hostile_trap('cardinality'); RETURN pg_catalog.cardinality(\$1); END\$\$;
CREATE FUNCTION public.format(text) RETURNS text LANGUAGE plpgsql AS \$\$BEGIN PERFORM public.hostile_trap('format'); RETURN pg_catalog.format(\$1); END\$\$;
CREATE FUNCTION public.format(text, text) RETURNS text LANGUAGE plpgsql AS \$\$BEGIN PERFORM public.hostile_trap('format(text,text)'); RETURN pg_catalog.format(\$1, \$2); END\$\$;
CREATE FUNCTION public.format(text, text, text) RETURNS text LANGUAGE plpgsql AS \$\$BEGIN PERFORM public.hostile_trap('format(text,text,text)'); RETURN pg_catalog.format(\$1, \$2, \$3); END\$\$;
CREATE FUNCTION public.unnest(text[]) RETURNS SETOF text LANGUAGE plpgsql AS \$\$BEGIN PERFORM public.hostile_trap('unnest'); RETURN QUERY SELECT pg_catalog.unnest(\$1); END\$\$;
CREATE FUNCTION public.unnest(anyarray) RETURNS SETOF anyelement LANGUAGE plpgsql AS \$\$BEGIN PERFORM public.hostile_trap('unnest(anyarray)'); RETURN QUERY SELECT pg_catalog.unnest(\$1); END\$\$;
CREATE FUNCTION public.now() RETURNS timestamptz LANGUAGE plpgsql AS \$\$BEGIN PERFORM public.hostile_trap('now'); RETURN pg_catalog.now(); END\$\$;
CREATE FUNCTION public.current_date_fn() RETURNS date LANGUAGE sql AS 'SELECT NULL::date';
CREATE FUNCTION public.pg_extension_config_dump(regclass, text) RETURNS void LANGUAGE plpgsql AS \$\$BEGIN PERFORM public.hostile_trap('pg_extension_config_dump'); END\$\$;
CREATE FUNCTION public.regexp_replace(text, text, text) RETURNS text LANGUAGE plpgsql AS \$\$BEGIN PERFORM public.hostile_trap('regexp_replace'); RETURN pg_catalog.regexp_replace(\$1, \$2, \$3); END\$\$;
CREATE FUNCTION public.make_interval(days integer) RETURNS interval LANGUAGE plpgsql AS \$\$BEGIN PERFORM public.hostile_trap('make_interval'); RETURN pg_catalog.make_interval(days => \$1); END\$\$;
CREATE FUNCTION public.round(numeric, integer) RETURNS numeric LANGUAGE plpgsql AS \$\$BEGIN PERFORM public.hostile_trap('round'); RETURN pg_catalog.round(\$1, \$2); END\$\$;
CREATE FUNCTION public.array_agg_trap_sfunc(text[], text) RETURNS text[] LANGUAGE plpgsql AS \$\$BEGIN PERFORM public.hostile_trap('array_agg'); RETURN pg_catalog.array_append(\$1, \$2); END\$\$;
CREATE AGGREGATE public.array_agg(text) (SFUNC = public.array_agg_trap_sfunc, STYPE = text[]);
CREATE FUNCTION public.string_agg_trap_sfunc(text, text, text) RETURNS text LANGUAGE plpgsql AS \$\$BEGIN PERFORM public.hostile_trap('string_agg'); RETURN \$1 || \$3 || \$2; END\$\$;
CREATE AGGREGATE public.string_agg(text, text) (SFUNC = public.string_agg_trap_sfunc, STYPE = text);
CREATE FUNCTION public.count_trap_sfunc(bigint) RETURNS bigint LANGUAGE plpgsql AS \$\$BEGIN PERFORM public.hostile_trap('count(*)'); RETURN \$1 + 1; END\$\$;
CREATE AGGREGATE public.count(*) (SFUNC = public.count_trap_sfunc, STYPE = bigint, INITCOND = '0');

-- operators
CREATE FUNCTION public.trap_eq_text(text, text) RETURNS boolean LANGUAGE plpgsql AS \$\$BEGIN PERFORM public.hostile_trap('= (text, text)'); RETURN \$1 OPERATOR(pg_catalog.=) \$2; END\$\$;
CREATE OPERATOR public.= (LEFTARG = text, RIGHTARG = text, FUNCTION = public.trap_eq_text);
CREATE FUNCTION public.trap_ne_text(text, text) RETURNS boolean LANGUAGE plpgsql AS \$\$BEGIN PERFORM public.hostile_trap('<> (text, text)'); RETURN \$1 OPERATOR(pg_catalog.<>) \$2; END\$\$;
CREATE OPERATOR public.<> (LEFTARG = text, RIGHTARG = text, FUNCTION = public.trap_ne_text);
CREATE FUNCTION public.trap_eq_date(date, date) RETURNS boolean LANGUAGE plpgsql AS \$\$BEGIN PERFORM public.hostile_trap('= (date, date)'); RETURN \$1 OPERATOR(pg_catalog.=) \$2; END\$\$;
CREATE OPERATOR public.= (LEFTARG = date, RIGHTARG = date, FUNCTION = public.trap_eq_date);
CREATE FUNCTION public.trap_le_date(date, date) RETURNS boolean LANGUAGE plpgsql AS \$\$BEGIN PERFORM public.hostile_trap('<= (date, date)'); RETURN \$1 OPERATOR(pg_catalog.<=) \$2; END\$\$;
CREATE OPERATOR public.<= (LEFTARG = date, RIGHTARG = date, FUNCTION = public.trap_le_date);
CREATE FUNCTION public.trap_ge_date(date, date) RETURNS boolean LANGUAGE plpgsql AS \$\$BEGIN PERFORM public.hostile_trap('>= (date, date)'); RETURN \$1 OPERATOR(pg_catalog.>=) \$2; END\$\$;
CREATE OPERATOR public.>= (LEFTARG = date, RIGHTARG = date, FUNCTION = public.trap_ge_date);
CREATE FUNCTION public.trap_eq_int(integer, integer) RETURNS boolean LANGUAGE plpgsql AS \$\$BEGIN PERFORM public.hostile_trap('= (integer, integer)'); RETURN \$1 OPERATOR(pg_catalog.=) \$2; END\$\$;
CREATE OPERATOR public.= (LEFTARG = integer, RIGHTARG = integer, FUNCTION = public.trap_eq_int);
CREATE FUNCTION public.trap_concat(text, text) RETURNS text LANGUAGE plpgsql AS \$\$BEGIN PERFORM public.hostile_trap('|| (text, text)'); RETURN \$1 OPERATOR(pg_catalog.||) \$2; END\$\$;
CREATE OPERATOR public.|| (LEFTARG = text, RIGHTARG = text, FUNCTION = public.trap_concat);
CREATE FUNCTION public.trap_any_eq(text, text[]) RETURNS boolean LANGUAGE plpgsql AS \$\$BEGIN PERFORM public.hostile_trap('@> (text[], text)'); RETURN \$1 OPERATOR(pg_catalog.=) ANY (\$2); END\$\$;
CREATE OPERATOR public.<@ (LEFTARG = text, RIGHTARG = text[], FUNCTION = public.trap_any_eq);

-- tables named like tpi_rules' own: an unqualified name in a query would
-- read these
CREATE TABLE public.rule (rule_id text, severity text, title text, explanation text, source text, builtin boolean);
CREATE TABLE public.payer_policy (payer_id text);
CREATE TABLE public.muscle (name text, region text, kind text, aliases text[], builtin boolean);
CREATE TABLE public.claim_line (claim_id text);
CREATE TABLE public.rvu (release text);
CREATE TABLE public.gpci (release text);
CREATE TABLE public.finding_log (id bigint);
GRANT ALL ON ALL TABLES IN SCHEMA public TO PUBLIC;

$traps
SQL

# 3. A superuser installs with public first.
sql -d $hostile <<'SQL'
SET search_path = public;
CREATE EXTENSION tpi_rules;
SQL
calls=$(psql -X -At -d $hostile -c "SELECT count(*) FROM public.hostile_calls")
[ "$calls" = 0 ] || { bad "CREATE EXTENSION called hostile objects:"; psql -X -d $hostile -c "TABLE public.hostile_calls"; }

# 4. The same workload in both databases under both search paths.  Every
# statement runs (functions that do not exist yet fail alike in both).  The
# workload's own SQL qualifies what the hostile objects could capture
# (pg_catalog.unnest, OPERATOR(pg_catalog.=), pg_catalog.count): only
# tpi_rules' code may be caught.
workload() {
	psql -X -d "$1" -v sp="$2" 2>&1 <<'SQL'
SET datestyle = 'ISO, YMD'; SET timezone = 'UTC'; SET client_min_messages = warning;
SET search_path = :sp;
\set VERBOSITY terse
CREATE TABLE public.hd_claims (LIKE tpi_rules.claim_line INCLUDING ALL);
INSERT INTO public.hd_claims (claim_id, line_no, patient_id, payer_id, provider_npi, date_of_service, hcpcs, modifiers, units, icd10, place_of_service, muscles, drug_name, drug_dose, note_signed, post_procedure_plan, conservative_care, tp_locations, guidance)
VALUES ('H1', 1, 'P1', 'medicare', '1234567893', '2025-01-06', '20553', '{59}', 1, '{M79.18}', '11', '{right trapezius,left trapezius}', 'lidocaine', '2 mL', true, true, true, true, 'none'),
       ('H1', 2, 'P1', 'medicare', '1234567893', '2025-01-06', '99213', NULL, 1, '{M79.18}', '11', NULL, NULL, NULL, true, true, true, true, NULL),
       ('H2', 1, 'P1', 'medicare', '1234567893', '2025-01-20', '20552', '{50}', 2, '{M79.1}', '11', '{R upper trap,L levator scap,SCM}', NULL, NULL, false, false, false, false, 'ultrasound'),
       ('H3', 1, 'P1', 'medicare', '1234567893', '2025-03-03', '20552', NULL, 1, '{M7918}', '22', '{shoulder}', 'lidocaine', '1 mL', true, true, true, true, NULL),
       ('H4', 1, 'P2', 'emblemhealth', NULL, '2025-02-03', '20553', '{LT}', 1, '{M79.18}', '11', '{bilateral paraspinals,QL}', 'saline', '5 mL', true, true, true, true, NULL),
       ('H5', 1, 'P2', 'evicore', NULL, '2025-02-04', '20552', NULL, 1, '{G44.209}', '19', '{foo muscle}', 'bupivacaine', '2 mL', true, true, true, true, NULL);
SELECT * FROM tpi_rules.parse_muscle('R. upper trapezius');
SELECT tpi_rules.muscle_count(muscles), tpi_rules.pick_code(muscles), tpi_rules.regions(muscles) FROM public.hd_claims ORDER BY claim_id, line_no;
SELECT claim_id, tpi_rules.muscle_count_agg(e), tpi_rules.pick_code_agg(e) FROM public.hd_claims, pg_catalog.unnest(muscles) AS e GROUP BY claim_id ORDER BY claim_id;
SELECT tpi_rules.expected_payment('20552', '2025-06-01'), tpi_rules.expected_payment('20553', '2025-06-01', '22', '13202-01');
SELECT claim_id, tpi_rules.sessions_in_window(date_of_service, '90 days') OVER (PARTITION BY patient_id ORDER BY date_of_service) FROM public.hd_claims ORDER BY claim_id, line_no;
SELECT patient_id, tpi_rules.frequency_check(date_of_service, tpi_rules.regions(muscles), payer_id ORDER BY date_of_service) FROM public.hd_claims WHERE hcpcs OPERATOR(pg_catalog.=) ANY ('{20552,20553}'::text[]) GROUP BY patient_id ORDER BY patient_id;
SELECT tpi_rules.next_eligible_date('{2025-01-06,2025-01-20,2025-03-03}', 'medicare', '2025-03-04');
SELECT c.claim_id, c.line_no, f.rule_id, f.severity, f.message FROM public.hd_claims AS c, tpi_rules.check_line(ROW(c.*)::tpi_rules.claim_line) AS f ORDER BY 1, 2, 3, 5;
SELECT patient_id, date_of_service, tpi_rules.check_day(ROW(c.*)::tpi_rules.claim_line) FROM public.hd_claims AS c GROUP BY patient_id, date_of_service ORDER BY 1, 2;
SELECT * FROM tpi_rules.audit('public.hd_claims', NULL, NULL) ORDER BY claim_id, line_no, rule_id, message;
SELECT * FROM tpi_rules.audit('public.hd_claims', '2025-02-01', '2025-02-28') ORDER BY claim_id, line_no, rule_id, message;
INSERT INTO tpi_rules.claim_line SELECT * FROM public.hd_claims;
\pset footer off
SELECT pg_catalog.format('SELECT * FROM %s ORDER BY 1, 2, 3;', c.oid::regclass) FROM pg_catalog.pg_class AS c WHERE c.relnamespace = 'tpi_rules'::regnamespace AND c.relkind = 'v' ORDER BY 1 \gexec
CREATE TABLE public.hd_guarded (LIKE tpi_rules.claim_line INCLUDING ALL);
CREATE TRIGGER g BEFORE INSERT OR UPDATE ON public.hd_guarded FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('flag');
INSERT INTO public.hd_guarded SELECT * FROM public.hd_claims;
UPDATE public.hd_guarded SET units = 3 WHERE claim_id OPERATOR(pg_catalog.=) 'H1';
SELECT claim_id, line_no, rule_id, severity, message FROM tpi_rules.finding_log ORDER BY claim_id, line_no, rule_id, message;
DROP TRIGGER g ON public.hd_guarded;
TRUNCATE public.hd_guarded;
CREATE TRIGGER g BEFORE INSERT OR UPDATE ON public.hd_guarded FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('reject');
INSERT INTO public.hd_guarded SELECT * FROM public.hd_claims WHERE claim_id OPERATOR(pg_catalog.=) 'H2';
INSERT INTO public.hd_guarded SELECT * FROM public.hd_claims WHERE claim_id OPERATOR(pg_catalog.=) 'H5';
SELECT claim_id FROM public.hd_guarded ORDER BY 1;
BEGIN;
UPDATE tpi_rules.payer_policy SET max_sessions = 1 WHERE payer_id OPERATOR(pg_catalog.=) 'medicare';
INSERT INTO tpi_rules.payer_policy (payer_id, effective_from, name, source, max_sessions, cap_window) VALUES ('hd_payer', '2020-01-01', 'x', 'x', 2, '1 year');
INSERT INTO tpi_rules.muscle (name, region, kind, aliases) VALUES ('hd muscle', 'cervical', 'muscle', '{hdm}');
SELECT tpi_rules.muscle_count('{hdm,right trapezius}');
SELECT pg_catalog.count(*) FROM tpi_rules.audit('public.hd_claims', NULL, NULL);
SELECT tpi_rules.load_gpci_from_text(E'h\n\nMedicare Administrative Contractor (MAC),State,Locality Number,Locality Name,2025 PW GPCI (with 1.0 Floor),2025 PE GPCI,2025 MP GPCI\n10112,AL,0,ALABAMA,1,0.869,0.575\n');
ROLLBACK;
DROP TABLE public.hd_claims, public.hd_guarded;
DELETE FROM tpi_rules.claim_line;
DELETE FROM tpi_rules.finding_log;
SQL
}
for sp in 'public' 'public, pg_catalog'; do
	a=$(workload $clean "$sp" | sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9:.+]*//g')
	b=$(workload $hostile "$sp" | sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9:.+]*//g')
	calls=$(psql -X -At -d $hostile -c "SELECT string_agg(DISTINCT fn, ', ') FROM public.hostile_calls")
	if [ -n "$calls" ]; then
		bad "with search_path = $sp, tpi_rules called hostile objects: $calls"
		psql -X -At -d $hostile -c "TRUNCATE public.hostile_calls"
	fi
	if [ "$a" != "$b" ]; then
		bad "with search_path = $sp, tpi_rules behaves differently in the hostile database:"
		diff <(echo "$a") <(echo "$b") | head -40 || true
	fi
	[ -n "${HOSTILE_VERBOSE:-}" ] && echo "$a"
	echo "search_path = $sp: $(grep -c '' <<<"$a") lines of output compared"
done

# 5. A schema squatted before CREATE EXTENSION.  PostgreSQL 15 installs
# into an existing schema of the control file's name whoever owns it, and
# a schema's owner may drop and replace any object in it, so a squatter
# (a role with CREATE on the database, e.g. its owner) could later swap a
# tpi_rules function for its own and wait for a superuser to call it.
# With a planted function the install fails on the name clash; with an
# empty schema it would succeed, but the install script refuses a schema
# it does not own (sql/install/00_header.sql).
sql -d $squat <<'SQL'
GRANT CREATE ON DATABASE tpi_squat_db TO tpi_hostile;
SET ROLE tpi_hostile;
CREATE SCHEMA tpi_rules;
RESET ROLE;
SQL
if out=$(psql -X -q -d $squat -c "CREATE EXTENSION tpi_rules" 2>&1); then
	owner=$(psql -X -At -d $squat -c "SELECT nspowner::regrole FROM pg_namespace WHERE nspname = 'tpi_rules'")
	echo "FAIL: CREATE EXTENSION installed into schema tpi_rules owned by $owner (a squatter could replace its functions)"
	fail=1
else
	echo "squatted schema refused: $out"
fi

psql -X -q -d postgres -c "DROP DATABASE $hostile" -c "DROP DATABASE $clean" -c "DROP DATABASE $squat" \
	-c "DROP ROLE tpi_hostile"
[ $fail -eq 0 ] && echo "hostile install: no hostile object called, behaviour unchanged"
exit $fail
