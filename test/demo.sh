#!/bin/bash
# make demo: a local cluster, ~200k realistic sample claim lines, the audit
# report a billing manager reads, and a picture (demo-report.png).
# The cluster (Debian cluster 15/tpi_demo) stays up afterwards so you can
# explore; `make demo-clean` drops it.  DEMO_LINES=n changes the size.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
lines=${DEMO_LINES:-200000}

t_start=$(date +%s%N)
t0=$t_start
step() { t0=$(date +%s%N); echo "== $*"; }
took() { echo "   ... $(( ($(date +%s%N) - t0) / 1000000 )) ms${1:+: $1}"; }

step "prerequisites (PostgreSQL 15, headers, gnuplot)"
bash test/prereqs.sh gnuplot-nox
export PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config
sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
took

step "building and installing tpi_rules"
make -s -j2 PG_CONFIG="$PG_CONFIG"
$sudo make -s install PG_CONFIG="$PG_CONFIG" >/dev/null
took

cluster=tpi_demo
step "cluster 15/$cluster"
if ! pg_lsclusters -h | awk '{print $2}' | grep -qx "$cluster"; then
	$sudo pg_createcluster 15 "$cluster" >/dev/null
	echo "   created"
fi
$sudo pg_ctlcluster 15 "$cluster" start >/dev/null 2>&1 || true
port=$(pg_lsclusters -h | awk -v c="$cluster" '$2 == c {print $3}')
if [ "$(id -u)" -eq 0 ]; then
	psql_demo() { runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$port" "$@"; }
else
	psql_demo() { sudo -u postgres psql -X -q -v ON_ERROR_STOP=1 -p "$port" "$@"; }
fi
psql_demo -d postgres -c 'DROP DATABASE IF EXISTS tpi_demo' -c 'CREATE DATABASE tpi_demo'
psql_demo -d tpi_demo -c 'CREATE EXTENSION tpi_rules'
took "port $port, database tpi_demo"

# The SQL files are fed on stdin: the postgres user need not be able to
# read this checkout.  gen_claims.sql writes a table of its own with dates
# from 2023; the demo moves them to the years whose fee schedules are
# shipped (from the first RVU release on) and keeps the claims those
# releases can price, so every dollar in the report is real.
step "generating sample claim lines (test/data/gen_claims.sql)"
{ echo 'SET client_min_messages = warning;'; cat test/data/gen_claims.sql; } |
	psql_demo -d tpi_demo -v n="$(( lines * 21 / 20 ))" -v table=demo_generated >/dev/null
took "$(psql_demo -d tpi_demo -At -c 'SELECT count(*) FROM demo_generated') lines"

step "loading them into tpi_rules.claim_line"
psql_demo -d tpi_demo <<'SQL'
SELECT (SELECT min(effective_from) FROM tpi_rules.rvu)
	   - (SELECT min(date_of_service) FROM demo_generated) AS shift,
	   (SELECT max(effective_to) FROM tpi_rules.rvu) AS last_priced \gset
INSERT INTO tpi_rules.claim_line
SELECT claim_id, line_no, patient_id, payer_id, provider_npi, date_of_service + :shift,
	   hcpcs, modifiers, units, icd10, place_of_service, muscles, trigger_points,
	   drug_name, drug_dose, claim_note, note_signed, post_procedure_plan,
	   conservative_care, tp_locations, guidance
FROM demo_generated
WHERE date_of_service + :shift <= :'last_priced';
DROP TABLE demo_generated;
VACUUM ANALYZE tpi_rules.claim_line;
SQL
took "$(psql_demo -d tpi_demo -At -c "SELECT count(*) || ' lines, ' || min(date_of_service) || ' to ' || max(date_of_service) FROM tpi_rules.claim_line")"

step "auditing every line (tpi_rules.audit, snapshot in tpi_rules.mv_audit)"
psql_demo -d tpi_demo -c 'REFRESH MATERIALIZED VIEW tpi_rules.mv_audit'
took "$(psql_demo -d tpi_demo -At -c "SELECT count(*) || ' findings on ' || count(DISTINCT (claim_id, line_no)) || ' lines' FROM tpi_rules.mv_audit")"

step "the report (test/demo_report.sql)"
psql_demo -d tpi_demo -f - < test/demo_report.sql
took

step "the picture (test/demo_plot.gp)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
psql_demo -d tpi_demo -A -F, -P footer=off -c "
	SELECT to_char(month, 'YYYY-MM') AS month,
		   sum(findings) FILTER (WHERE severity = 'error') AS error,
		   sum(findings) FILTER (WHERE severity = 'warning') AS warning,
		   sum(findings) FILTER (WHERE severity = 'info') AS info
	FROM tpi_rules.v_findings_by_provider_month GROUP BY month ORDER BY month" > "$tmp/findings.csv"
psql_demo -d tpi_demo -A -F, -P footer=off -c "
	SELECT to_char(month, 'YYYY-MM') AS month, revenue_at_risk, downcoding_left_behind,
		   expected_payment
	FROM tpi_rules.v_revenue_at_risk ORDER BY month" > "$tmp/revenue.csv"
title=$(psql_demo -d tpi_demo -At -c "SELECT 'tpi_rules demo: ' || count(*) || ' sample claim lines, ' || min(date_of_service) || ' to ' || max(date_of_service) FROM tpi_rules.claim_line")
gnuplot -e "findings='$tmp/findings.csv'; revenue='$tmp/revenue.csv'; out='$repo/demo-report.png'; title_text='$title'" test/demo_plot.gp
took "$repo/demo-report.png"

cat <<MSG

Done in $(( ($(date +%s%N) - t_start) / 1000000000 )) s.  The picture: $repo/demo-report.png

The demo cluster is still running.  Connect with:
  sudo -u postgres psql -p $port tpi_demo
and run the same queries:
  sudo -u postgres psql -p $port tpi_demo -f test/demo_report.sql
  SELECT * FROM tpi_rules.v_findings_by_rule;            -- findings by rule
  SELECT * FROM tpi_rules.v_revenue_at_risk;             -- money per month
  SELECT * FROM tpi_rules.frequency_status(CURRENT_DATE); -- session caps
  SELECT * FROM tpi_rules.audit('tpi_rules.claim_line') LIMIT 20;  -- every finding
Dashboards (Metabase, Grafana): docs/dashboards.md.  Remove it with: make demo-clean
MSG
