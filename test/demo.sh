#!/bin/bash
# make demo: a throwaway local cluster, sample claims, the audit report.
# The cluster (Debian cluster 15/tpi_demo) stays up afterwards so you can
# explore; `make demo-clean` drops it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash test/prereqs.sh
export PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config
sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo

echo "== building and installing tpi_rules"
make -s -j2 PG_CONFIG="$PG_CONFIG"
$sudo make -s install PG_CONFIG="$PG_CONFIG" >/dev/null

cluster=tpi_demo
if ! pg_lsclusters -h | awk '{print $2}' | grep -qx "$cluster"; then
	echo "== creating cluster 15/$cluster"
	$sudo pg_createcluster 15 "$cluster" >/dev/null
fi
$sudo pg_ctlcluster 15 "$cluster" start 2>/dev/null || true
port=$(pg_lsclusters -h | awk -v c="$cluster" '$2 == c {print $3}')
psql_demo() { $sudo -u postgres psql -X -q -p "$port" "$@"; }
[ "$(id -u)" -eq 0 ] && psql_demo() { runuser -u postgres -- psql -X -q -p "$port" "$@"; }

psql_demo -d postgres -c 'DROP DATABASE IF EXISTS tpi_demo' -c 'CREATE DATABASE tpi_demo'
psql_demo -d tpi_demo -c 'CREATE EXTENSION tpi_rules'
psql_demo -d tpi_demo -f test/demo_report.sql

cat <<MSG

The demo cluster is still running.  Connect with:
  sudo -u postgres psql -p $port tpi_demo
and run the same queries (test/demo_report.sql).  Remove it with: make demo-clean
MSG
