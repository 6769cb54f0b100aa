#!/bin/bash
# make test: every test of tpi_rules in a throwaway PostgreSQL 15 cluster.
#
# Installs prerequisites, builds with -Werror and assertions where the
# server has them, installs the extension, then inside pg_virtualenv runs
# pg_regress (sql/, expected/), the isolation specs (test/specs), the
# shell tests (test/sh/*.sh), the TAP tests (t/*.pl) and the pure-C unit
# tests (test/unit); then builds the Debian package, installs it with
# dpkg -i and runs installcheck against it (test/package.sh).
# Ends with "N passed, N failed" alone on the last line.
set -uo pipefail
cd "$(dirname "$0")/.."
bash test/prereqs.sh || exit 1

export PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config
sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo

make -s clean >/dev/null 2>&1
if ! make -s -j2 PG_CONFIG="$PG_CONFIG"; then
	echo "build failed"; echo "0 passed, 1 failed"; exit 1
fi
$sudo make -s install PG_CONFIG="$PG_CONFIG" >/dev/null || {
	echo "install failed"; echo "0 passed, 1 failed"; exit 1; }

log=$(mktemp -d)
chmod 755 "$log"
# The cluster runs as postgres; the tests connect over TCP as postgres.
pg_virtualenv -v 15 \
	-o max_worker_processes=16 -o max_parallel_workers=8 \
	bash test/run_in_cluster.sh "$log" 2>&1 | tee "$log/all.out"

# The Debian package: build, dpkg -i, installcheck against the installed
# package (TPI_PACKAGE_TEST=0 skips it, e.g. on a machine without apt).
if [ "${TPI_PACKAGE_TEST:-1}" != 0 ]; then
	echo; echo "== Debian package: test/package.sh"
	bash test/package.sh > "$log/package.out" 2>&1
	rc=$?
	grep -E '^==|\.\.\. +(ok|FAILED|failed)' "$log/package.out"
	p=$(grep -cE '\.\.\. +ok' "$log/package.out" || true)
	f=$(grep -cE '\.\.\. +(FAILED|failed)' "$log/package.out" || true)
	if [ $rc -ne 0 ] && [ "$f" -eq 0 ]; then f=1; tail -40 "$log/package.out"; fi
	echo "package: $p passed, $f failed"
	echo "$p" >> "$log/passed"; echo "$f" >> "$log/failed"
fi

# The suites must have run (pg_virtualenv may refuse, e.g. when a cluster
# 15/regress is left over): otherwise that is a failure, whatever else passed.
ran=1
[ -f "$log/suites_ran" ] || { ran=0; echo "the test suites did not run in pg_virtualenv"; }

sum() { awk '{ s += $1 } END { print s + 0 }' "$1" 2>/dev/null || echo 0; }
passed=$(sum "$log/passed")
failed=$(sum "$log/failed")
[ -s "$log/passed" ] || { passed=0; failed=$((failed + 1)); }
[ $ran -eq 1 ] || failed=$((failed + 1))
echo
echo "${passed:-0} passed, ${failed:-1} failed"
[ "${failed:-1}" -eq 0 ]
