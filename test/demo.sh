#!/bin/bash
# make demo: a local cluster, an 837P batch of ~200k service lines and the
# procedure notes of its visits, read with read_837p and read_note, joined,
# audited, and the report a billing manager reads, with a picture
# (demo-report.png).
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

# The real flow: claims arrive as an 837P batch with no notes, the muscles
# live in the EHR's free-text procedure notes.  gen_demo.pl writes both for
# dates the shipped fee schedules price, with published TPI denial rates.
# The files go to a directory the server (user postgres) can read.
work=$(mktemp -d /tmp/tpi_demo.XXXXXX)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"
step "generating an 837P batch and its procedure notes (test/data/gen_demo.pl)"
took "$(perl test/data/gen_demo.pl "$lines" "$work") ($(du -h "$work/batch.837" | cut -f1) of 837P)"

step "reading the 837P batch (tpi_rules.read_837p_file) and the notes (tpi_rules.read_note)"
chmod 644 "$work"/*
psql_demo -d tpi_demo <<SQL
-- The batch names payers by their 837P ids; map them to the policies.
INSERT INTO tpi_rules.payer_map (source_id, payer_id) VALUES
	('12202', 'medicare'), ('12502', 'medicare_novitas'), ('13551', 'emblemhealth'),
	('60054', 'aetna'), ('EVICR', 'evicore'), ('00803', 'bcbsa');
CREATE TABLE demo_claims AS SELECT * FROM tpi_rules.read_837p_file('$work/batch.837');
CREATE TABLE demo_notes (patient_id text, date_of_service date, body text);
\copy demo_notes FROM '$work/notes.tsv'
CREATE INDEX ON demo_notes (patient_id, date_of_service);
ANALYZE demo_claims; ANALYZE demo_notes;
SQL
took "$(psql_demo -d tpi_demo -At -c "SELECT (SELECT count(*) FROM demo_claims) || ' lines, ' || (SELECT count(*) FROM demo_notes) || ' notes'")"

step "joining claims to notes into tpi_rules.claim_line (test/data/claims_with_notes.sql)"
psql_demo -d tpi_demo -v target=tpi_rules.claim_line -v claims=demo_claims -v notes=demo_notes \
	-f - < test/data/claims_with_notes.sql
psql_demo -d tpi_demo -c 'VACUUM ANALYZE tpi_rules.claim_line'
took "$(psql_demo -d tpi_demo -At -c "SELECT count(*) || ' lines, ' || min(date_of_service) || ' to ' || max(date_of_service) FROM tpi_rules.claim_line")"

step "auditing every line (tpi_rules.audit, snapshot in tpi_rules.mv_audit)"
psql_demo -d tpi_demo -c 'REFRESH MATERIALIZED VIEW tpi_rules.mv_audit'
took "$(psql_demo -d tpi_demo -At -c "SELECT count(*) || ' findings on ' || count(DISTINCT (claim_id, line_no)) || ' lines' FROM tpi_rules.mv_audit")"

step "the report (test/demo_report.sql)"
psql_demo -d tpi_demo -f - < test/demo_report.sql
took

step "the picture (test/demo_plot.gp)"
tmp=$work
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
