#!/bin/bash
# Several servers through postgres_fdw (SPEC section 14, docs/scale.md):
# three shard databases and a coordinator in the test cluster.
#   - Each shard has tpi_rules, a claims table with the claim_line columns,
#     a guard trigger on it, and a view of audit() over it.
#   - The coordinator hash-partitions claims by patient_id over foreign
#     tables (async_capable, extensions 'tpi_rules'), so every line of a
#     patient lands on one shard; inserts through it are guarded on the
#     shard (flag mode for the bulk load, then reject mode).
#   - Findings come back through foreign tables over the shard views, read
#     by an Append of Async Foreign Scans.
# Asserts that the sharded findings equal a single node's audit() of the
# same 200,000 generated lines (test/data/gen_claims.sql).
# Runs inside pg_virtualenv (PGHOST/PGPORT/PGUSER set; PGUSER a superuser).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
n=${SHARDS_N:-200000}
nshards=3
single=tpi_shard_single coord=tpi_shard_coord
su=${PGUSER:-postgres}
host=${PGHOST:-/var/run/postgresql}
port=${PGPORT:-5432}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sql() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
fail() { echo "FAIL: $*"; exit 1; }

# postgres_fdw connects like psql does; a password (pg_virtualenv sets one
# for TCP) goes into the user mappings.
mapping="user '$su'"
[ -n "${PGPASSWORD:-}" ] && mapping="$mapping, password '$PGPASSWORD'"

for db in $single $coord $(seq -f "tpi_shard_%g" 0 $((nshards - 1))); do
	sql -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" 2>/dev/null
	sql -d postgres -c "CREATE DATABASE $db"
	sql -d "$db" -c "CREATE EXTENSION tpi_rules"
done

# The single node: the generated lines and audit() over them.
start=$(date +%s)
sql -d $single -v n="$n" -v table=claims -f "$root/test/data/gen_claims.sql" 2>&1 | grep -v NOTICE || true
echo "generated $n lines in $(( $(date +%s) - start )) s"

# Each shard: claims with the claim_line columns, the index the guard reads
# a patient's lines by, a flag-mode guard, and the findings view.
for i in $(seq 0 $((nshards - 1))); do
	sql -d "tpi_shard_$i" <<'SQL'
CREATE TABLE public.claims (LIKE tpi_rules.claim_line INCLUDING ALL);
CREATE INDEX ON public.claims (patient_id, date_of_service);
CREATE TRIGGER claims_guard BEFORE INSERT OR UPDATE ON public.claims
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('flag');
-- audit() is STABLE (it reads the reference tables), so postgres_fdw never
-- ships it: the shard runs it inside this view.
CREATE VIEW public.findings AS SELECT * FROM tpi_rules.audit('public.claims');
SQL
done

# The coordinator: servers, the partitioned claims and findings tables.
{
	echo "CREATE EXTENSION postgres_fdw;"
	echo "CREATE TABLE public.claims (LIKE tpi_rules.claim_line) PARTITION BY HASH (patient_id);"
	echo "CREATE TABLE public.findings (claim_id text, line_no smallint, patient_id text NOT NULL,
		date_of_service date, rule_id text, severity tpi_rules.severity, message text)
		PARTITION BY HASH (patient_id);"
	for i in $(seq 0 $((nshards - 1))); do
		cat <<SQL
CREATE SERVER shard_$i FOREIGN DATA WRAPPER postgres_fdw
	OPTIONS (host '$host', port '$port', dbname 'tpi_shard_$i',
			 async_capable 'true', extensions 'tpi_rules', batch_size '500',
			 fetch_size '10000');
CREATE USER MAPPING FOR CURRENT_USER SERVER shard_$i OPTIONS ($mapping);
CREATE FOREIGN TABLE public.claims_$i PARTITION OF public.claims
	FOR VALUES WITH (MODULUS $nshards, REMAINDER $i)
	SERVER shard_$i OPTIONS (schema_name 'public', table_name 'claims');
CREATE FOREIGN TABLE public.findings_$i PARTITION OF public.findings
	FOR VALUES WITH (MODULUS $nshards, REMAINDER $i)
	SERVER shard_$i OPTIONS (schema_name 'public', table_name 'findings');
SQL
	done
	# the single node's lines, to route through the coordinator
	cat <<SQL
CREATE SERVER single FOREIGN DATA WRAPPER postgres_fdw
	OPTIONS (host '$host', port '$port', dbname '$single', fetch_size '10000');
CREATE USER MAPPING FOR CURRENT_USER SERVER single OPTIONS ($mapping);
CREATE SCHEMA single;
IMPORT FOREIGN SCHEMA public LIMIT TO (claims) FROM SERVER single INTO single;
SQL
} | sql -d $coord

# Route every line through the coordinator into the shards (flag mode).
start=$(date +%s)
sql -d $coord -c "INSERT INTO public.claims SELECT * FROM single.claims"
echo "routed $n lines through the coordinator in $(( $(date +%s) - start )) s"

# Every line on the shard its patient hashes to, none twice.
got=$(sql -At -d $coord -c "SELECT count(*) FROM public.claims")
[ "$got" = "$n" ] || fail "the coordinator sees $got lines, not $n"
for i in $(seq 0 $((nshards - 1))); do
	c=$(sql -At -d "tpi_shard_$i" -c "SELECT count(*) FROM public.claims")
	[ "$c" -gt 0 ] || fail "shard $i holds no lines"
	logged=$(sql -At -d "tpi_shard_$i" -c "SELECT count(*) FROM tpi_rules.finding_log")
	[ "$logged" -gt 0 ] || fail "the flag-mode guard of shard $i logged nothing"
	echo "shard $i: $c lines, $logged findings logged in flag mode"
done
split=$(sql -At -d $coord -c "SELECT count(*) FROM (SELECT patient_id FROM public.claims
	GROUP BY patient_id HAVING count(DISTINCT tableoid) > 1) x")
[ "$split" = 0 ] || fail "$split patients have lines on several shards"

# Findings: the coordinator reads the shard views in parallel.
plan=$(sql -At -d $coord -c "EXPLAIN (VERBOSE, COSTS OFF) SELECT * FROM public.findings")
async=$(grep -c "Async Foreign Scan" <<<"$plan" || true)
[ "$async" = "$nshards" ] || { echo "$plan"; fail "$async Async Foreign Scans, not $nshards"; }
grep -q "Remote SQL: SELECT .* FROM public.findings" <<<"$plan" || { echo "$plan"; fail "no remote scan of the findings view"; }
echo "EXPLAIN VERBOSE: $async Async Foreign Scans"

order="ORDER BY patient_id, date_of_service, claim_id, line_no, rule_id, message"
start=$(date +%s%N)
sql -At -d $coord -c "SELECT * FROM public.findings $order" > "$tmp/sharded"
echo "sharded findings in $(( ($(date +%s%N) - start) / 1000000 )) ms"
start=$(date +%s%N)
sql -At -d $single -c "SELECT * FROM tpi_rules.audit('public.claims') $order" > "$tmp/single"
echo "single-node findings in $(( ($(date +%s%N) - start) / 1000000 )) ms"
[ -s "$tmp/single" ] || fail "the single node found nothing"
if ! cmp -s "$tmp/single" "$tmp/sharded"; then
	diff "$tmp/single" "$tmp/sharded" | head -20
	fail "sharded findings differ from the single node's"
fi
echo "ok: $(wc -l < "$tmp/single") findings, sharded = single node"

# One patient's findings come from its shard alone (partition pruning).
p=$(sql -At -d $coord -c "SELECT patient_id FROM public.findings WHERE rule_id LIKE 'freq.%' ORDER BY 1 LIMIT 1")
plan=$(sql -At -d $coord -c "EXPLAIN (COSTS OFF) SELECT * FROM public.findings WHERE patient_id = '$p'")
[ "$(grep -c "Foreign Scan" <<<"$plan")" = 1 ] || { echo "$plan"; fail "one patient's findings read more than one shard"; }

# Reject mode: the shards' guards now refuse error findings; a bad line
# inserted through the coordinator fails with the shard's check_violation,
# a clean one goes through.
for i in $(seq 0 $((nshards - 1))); do
	sql -d "tpi_shard_$i" <<'SQL'
DROP TRIGGER claims_guard ON public.claims;
CREATE TRIGGER claims_guard BEFORE INSERT OR UPDATE ON public.claims
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('reject');
SQL
done
line() {	# line CLAIM HCPCS MUSCLES: one line of a new patient PNEW, with its drug line
	echo "('$1', 1, 'PNEW', 'medicare', NULL, DATE '2025-03-03', '$2', NULL, 1, '{M79.18}', '11',
		'$3', 3, 'lidocaine', '1 mL', NULL, true, true, true, true, 'none', NULL, NULL),
		('$1', 2, 'PNEW', 'medicare', NULL, DATE '2025-03-03', 'J2001', NULL, 1, NULL, '11',
		NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)"
}
set +e
out=$(psql -X -q -d $coord -v ON_ERROR_STOP=1 -v VERBOSITY=verbose \
	-c "INSERT INTO public.claims VALUES $(line CBAD 20553 '{right upper trapezius}')" 2>&1)
rc=$?
set -e
[ $rc -ne 0 ] || fail "reject mode let an upcoded line through"
grep -q "23514" <<<"$out" && grep -q "code.upcoded" <<<"$out" ||
	{ echo "$out"; fail "the rejection is not the shard guard's check_violation"; }
echo "reject mode: $(grep -m1 ERROR <<<"$out")"
sql -d $coord -c "INSERT INTO public.claims VALUES $(line CGOOD 20552 '{right upper trapezius}')"
got=$(sql -At -d $coord -c "SELECT string_agg(claim_id || '/' || line_no, ',' ORDER BY claim_id, line_no)
	FROM public.claims WHERE patient_id = 'PNEW'")
[ "$got" = "CGOOD/1,CGOOD/2" ] || fail "after reject mode PNEW has lines $got"
echo "reject mode: a clean line goes through"

for db in $single $coord $(seq -f "tpi_shard_%g" 0 $((nshards - 1))); do
	sql -d postgres -c "DROP DATABASE $db WITH (FORCE)"
done
echo "ok: shards"
