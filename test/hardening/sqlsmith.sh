#!/bin/bash
# test/hardening/sqlsmith.sh: random SQL against tpi_rules (make sqlsmith).
#
# Builds and installs this checkout into a private cluster (lib.sh), creates
# a database with tpi_rules and seed.sql's claims (plus test/data's sample
# claims when present), and runs Debian's sqlsmith as the NON-superuser
# "smith" in batches of fresh seeds until SQLSMITH_COUNT queries have run.
# Backend crashes are counted from the server log ("terminated by signal"),
# with the query each crashed backend was running.
#
# Environment:
#   SQLSMITH_COUNT       queries in all (default 100000)
#   SQLSMITH_BATCH       queries per sqlsmith run (default 5000); the data is
#                        reloaded between runs, since sqlsmith's INSERT,
#                        UPDATE and DELETE statements commit
#   SQLSMITH_MODE        focus: sqlsmith sees only tpi_rules functions, the
#                        wrappers of focus.sql and the built-ins that make
#                        their argument types; all: the whole catalogue;
#                        mixed (default): three focus batches to one all
#   SQLSMITH_SEED        first seed (default 1); batch i uses seed + i
#   SQLSMITH_TIME_LIMIT  stop starting batches after this many seconds
#                        (default 7200)
# Output in /tmp/tpi-hardening/sqlsmith/out: summary.txt, crashes.txt,
# batch-N.err (sqlsmith's error ranking), server.log.
# Exit status 1 when a backend crashed.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"

count=${SQLSMITH_COUNT:-100000}
batch=${SQLSMITH_BATCH:-5000}
mode=${SQLSMITH_MODE:-mixed}
seed=${SQLSMITH_SEED:-1}
limit=${SQLSMITH_TIME_LIMIT:-7200}
command -v sqlsmith >/dev/null || bash "$hd_root/test/prereqs.sh" sqlsmith || exit 2

hd_setup sqlsmith
out=$HD_BASE/out
rm -rf "$out"; mkdir -p "$out"
hd_build || { echo "build failed"; exit 2; }
# every call of a tpi_rules function is counted (pg_stat_user_functions)
grep -q '^track_functions' "$HD_DATA/postgresql.conf" ||
	echo "track_functions = 'all'" >> "$HD_DATA/postgresql.conf"
hd_start || exit 2
trap 'hd_stop' EXIT

db=smith
hd_psql -d postgres -c "DROP DATABASE IF EXISTS $db" -c "DROP ROLE IF EXISTS smith" \
	-c "CREATE ROLE smith LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE" \
	-c "CREATE DATABASE $db" || exit 2
hd_psql -d $db -c "CREATE EXTENSION tpi_rules" -c "CREATE SCHEMA smith AUTHORIZATION smith" || exit 2

# A plain user needs USAGE on the schema to call anything; the extension
# should grant it to PUBLIC (STYLE.md).  Say so when it does not, and grant
# it here so the run still reaches the functions.
if [ "$(hd_psql -At -d $db -c "SELECT has_schema_privilege('smith', 'tpi_rules', 'USAGE')")" != t ]; then
	echo "NOTE: tpi_rules does not grant USAGE on its schema to PUBLIC; granting it for this run" |
		tee -a "$out/summary.txt"
	hd_psql -d $db -c "GRANT USAGE ON SCHEMA tpi_rules TO PUBLIC" \
		-c "GRANT SELECT ON ALL TABLES IN SCHEMA tpi_rules TO PUBLIC"
fi
# Every function must work for a plain user; if the muscle catalogue (or
# another reference table) is unreadable for smith, say so and grant SELECT
# so the run still reaches the code behind it.
if ! PGUSER=smith hd_psql -d $db -c "SELECT tpi_rules.muscle_count('{right trapezius}')" >/dev/null 2>&1; then
	echo "NOTE: tpi_rules.muscle_count fails for a plain user; granting SELECT on tpi_rules' tables to smith for this run" |
		tee -a "$out/summary.txt"
	hd_psql -d $db -c "GRANT SELECT ON ALL TABLES IN SCHEMA tpi_rules TO smith"
fi
# Roles the extension creates for readers (e.g. a dashboard role that may
# read the views): smith gets them, so the views' code runs too.
for r in $(hd_psql -At -d $db -c "SELECT rolname FROM pg_roles WHERE rolname LIKE 'tpi\_%' AND NOT rolcanlogin ORDER BY 1"); do
	echo "NOTE: granting role $r to smith" | tee -a "$out/summary.txt"
	hd_psql -d $db -c "GRANT \"$r\" TO smith"
done
if [ -f "$hd_root/test/data/gen_claims.sql" ]; then
	hd_psql -d $db -f "$hd_root/test/data/gen_claims.sql" > "$out/gen_claims.out" 2>&1 ||
		echo "NOTE: test/data/gen_claims.sql failed (see gen_claims.out)" | tee -a "$out/summary.txt"
fi
hd_psql -d $db -v smith=smith -f "$here/focus.sql" >/dev/null || exit 2

load_data() {
	hd_psql -d $db -c "DROP SCHEMA IF EXISTS smith CASCADE" -c "CREATE SCHEMA smith AUTHORIZATION smith" \
		>/dev/null 2>&1
	PGUSER=smith PGOPTIONS="-csearch_path=smith" hd_psql -d $db -1 -f "$here/seed.sql" >/dev/null || return 1
	# a guarded copy, so sqlsmith's INSERTs and UPDATEs run the trigger
	PGUSER=smith hd_psql -d $db >/dev/null 2>&1 <<'SQL'
CREATE TABLE smith.hd_guarded (LIKE smith.hd_claims INCLUDING ALL);
CREATE INDEX ON smith.hd_guarded (patient_id, date_of_service);
INSERT INTO smith.hd_guarded SELECT * FROM smith.hd_claims WHERE claim_id NOT LIKE 'X1%';
CREATE TRIGGER hd_guard BEFORE INSERT OR UPDATE ON smith.hd_guarded
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('flag');
SQL
	return 0
}

conn="host=$HD_BASE port=$HD_PORT dbname=$db user=smith"
start=$(date +%s)
total=0 i=0 crashes_before=$(hd_crashes)
while [ "$total" -lt "$count" ]; do
	if [ $(( $(date +%s) - start )) -ge "$limit" ]; then
		echo "time limit ($limit s) reached" | tee -a "$out/summary.txt"; break
	fi
	load_data || { echo "seed.sql failed"; exit 2; }
	n=$(( count - total < batch ? count - total : batch ))
	s=$(( seed + i ))
	m=$mode
	[ "$mode" = mixed ] && { [ $(( i % 4 )) -eq 3 ] && m=all || m=focus; }
	target=$conn
	[ "$m" = focus ] && target="$conn options='-csearch_path=hd_focus,pg_catalog'"
	before=$(hd_crashes)
	( cd "$out" && timeout $(( n / 10 + 600 )) sqlsmith --target="$target" --exclude-catalog \
		--max-queries="$n" --seed="$s" --verbose > "batch-$i.out" 2> "batch-$i.err" )
	done_q=$(grep -oE '^queries: [0-9]+' "$out/batch-$i.err" | tail -1 | awk '{print $2}')
	done_q=${done_q:-0}
	total=$(( total + done_q ))
	after=$(hd_crashes)
	printf 'batch %d: mode %s seed %d: %d queries, %d crashes (total %d queries)\n' \
		"$i" "$m" "$s" "$done_q" $(( after - before )) "$total" | tee -a "$out/summary.txt"
	i=$(( i + 1 ))
	[ "$done_q" -eq 0 ] && { echo "sqlsmith ran no query:"; tail -5 "$out/batch-$((i - 1)).err"; exit 2; }
done
crashes=$(( $(hd_crashes) - crashes_before ))
elapsed=$(( $(date +%s) - start ))

cp "$HD_LOG" "$out/server.log"
grep -A3 -E 'terminated by signal|was terminated by' "$HD_LOG" > "$out/crashes.txt" || true
{
	echo "sqlsmith: $total queries in $i runs, $elapsed s, $crashes backend crashes"
	echo "command: sqlsmith --target=\"$conn [options='-csearch_path=hd_focus,pg_catalog']\" --exclude-catalog --max-queries=$batch --seed=N --verbose"
	echo "calls of tpi_rules functions (pg_stat_user_functions, one statistics snapshot):"
	hd_psql -d $db -At -F' ' -c "SELECT pg_stat_force_next_flush()" >/dev/null 2>&1
	sleep 1
	hd_psql -d $db -At -F' ' -c "SELECT calls, funcname FROM pg_stat_user_functions WHERE schemaname = 'tpi_rules' ORDER BY calls DESC, funcname"
	echo "most frequent errors (all runs):"
	# each run prints a cumulative ranking every few hundred queries: add up
	# the last one of each run
	for f in "$out"/batch-*.err; do
		awk '/^queries: /{ delete r; n = 0 } /^[0-9]+\tERROR/{ r[++n] = $0 } END { for (k = 1; k <= n; k++) print r[k] }' "$f"
	done | awk -F'\t' '{ c[$2] += $1 } END { for (e in c) print c[e] "\t" e }' | sort -rn | head -25
	if [ "$crashes" -gt 0 ]; then
		echo "crashes (server log):"
		grep -A2 -E 'terminated by signal|was terminated by' "$HD_LOG" | head -60
	fi
} | tee -a "$out/summary.txt"
echo "output: $out"
[ "$crashes" -eq 0 ]
