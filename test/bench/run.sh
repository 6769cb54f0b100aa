#!/bin/bash
# test/bench/run.sh: make bench (not part of CI)
#
# Runs every benchmark test/bench/bench_*.sql, in name order, against a
# database with tpi_rules installed and the table bench_claims generated
# by test/data/gen_claims.sql with BENCH_N lines (default 1000000; made
# again when missing or of another size).  Output goes to the terminal and
# to test/bench/results/NAME.out.  bench_837p.sql makes its own 837P batch
# with test/data/gen_837p.pl (BENCH_837P_LINES service lines, default
# 100000).
#
# With BENCH_DB set (a database name or connection string; PGHOST, PGPORT
# and PGUSER are honoured) the benchmarks run there, and the installed
# tpi_rules is used.  Otherwise the extension is built and installed and
# the benchmarks run in a throwaway cluster (pg_virtualenv).
# That cluster runs no autovacuum, and checkpoints only after 2 GB of WAL
# or an hour (max_wal_size, checkpoint_timeout) besides the CHECKPOINTs the
# benchmarks ask for, so that neither lands at random inside a timed load:
# the benchmarks vacuum, analyze and checkpoint where their loads need it.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
n=${BENCH_N:-1000000}

if [ -z "${BENCH_DB:-}" ]; then
	export PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo=sudo
	make -s -j2 PG_CONFIG="$PG_CONFIG"
	$sudo make -s install PG_CONFIG="$PG_CONFIG" >/dev/null
	exec pg_virtualenv -v 15 -o max_worker_processes=16 -o max_parallel_workers=8 \
		-o shared_buffers=512MB -o work_mem=64MB \
		-o max_wal_size=4GB -o checkpoint_timeout=1h -o autovacuum=off \
		env BENCH_DB=postgres BENCH_N="$n" bash "$0"
fi

psql_() { psql -X -q -v ON_ERROR_STOP=1 -d "$BENCH_DB" "$@"; }

psql_ -c 'CREATE EXTENSION IF NOT EXISTS tpi_rules'
# two statements: a subquery on a missing table fails at parse time
have=-1
if [ "$(psql_ -At -c "SELECT pg_catalog.to_regclass('bench_claims') IS NOT NULL")" = t ]; then
	have=$(psql_ -At -c "SELECT count(*) FROM bench_claims")
fi
if [ "$have" != "$n" ]; then
	echo "== generating bench_claims: $n lines"
	start=$(date +%s%N)
	psql_ -v n="$n" -v table=bench_claims -f test/data/gen_claims.sql 2>&1 | grep -v NOTICE || true
	echo "   generated in $(( ($(date +%s%N) - start) / 1000000 )) ms"
fi

mkdir -p test/bench/results
# The note reader outside the server (accuracy on the corpus, speed).
echo "== bench_notes (plain C)"
bash test/bench/bench_notes.sh 2>&1 | tee test/bench/results/bench_notes_c.out
for f in test/bench/bench_*.sql; do
	name=$(basename "$f" .sql)
	echo "== $name"
	psql -X -v ON_ERROR_STOP=1 -d "$BENCH_DB" -f "$f" 2>&1 | tee "test/bench/results/$name.out"
done
