#!/bin/bash
# test/devpg.sh NAME COMMAND [ARGS...]
#
# A private PostgreSQL 15 for one developer or helper, so several can build
# and test side by side without overwriting each other's tpi_rules.so.
# It copies Debian's PostgreSQL install to /tmp/tpi-dev/NAME/pg (the server
# finds its share and lib directories relative to its binary), syncs this
# checkout to /tmp/tpi-dev/NAME/src, and runs a cluster on a port of its own.
#
#   install              sync, build, install, (re)start the cluster
#   check [TEST...]      install, then pg_regress (all tests, or those named)
#   isolation [SPEC...]  install, then pg_isolation_regress
#   psql [ARGS...]       psql into database "dev" (extension created fresh
#                        with: psql -c 'DROP EXTENSION ...; CREATE ...')
#   env                  print the environment (PATH, PGHOST, PGPORT, PG_CONFIG)
#   stop                 stop the cluster
# Not for CI: `make test` uses pg_virtualenv.
set -euo pipefail
name=${1:?usage: test/devpg.sh NAME COMMAND}; shift
cmd=${1:?usage: test/devpg.sh NAME COMMAND}; shift
repo=$(cd "$(dirname "$0")/.." && pwd)
base=/tmp/tpi-dev/$name
pg=$base/pg
bin=$pg/usr/lib/postgresql/15/bin
data=$base/data
port=$(( 20000 + $(printf '%s' "$name" | cksum | cut -d' ' -f1) % 10000 ))
export PG_CONFIG=$bin/pg_config PGHOST=$base PGPORT=$port PGUSER=postgres PATH=$bin:$PATH

setup_pg() {
	if [ ! -x "$bin/postgres" ]; then
		mkdir -p "$pg/usr/lib/postgresql" "$pg/usr/share/postgresql" "$pg/usr/include"
		cp -a /usr/lib/postgresql/15 "$pg/usr/lib/postgresql/"
		cp -a /usr/share/postgresql/15 "$pg/usr/share/postgresql/"
		cp -a /usr/include/postgresql "$pg/usr/include/"
	fi
	if [ ! -f "$data/PG_VERSION" ]; then
		mkdir -p "$data"; chown postgres "$base" "$data"
		runuser -u postgres -- "$bin/initdb" -D "$data" -U postgres -A trust >/dev/null
		cat >> "$data/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$base'
port = $port
fsync = off
max_worker_processes = 16
max_parallel_workers = 8
CONF
	fi
}

start_pg() {
	runuser -u postgres -- "$bin/pg_ctl" -D "$data" -l "$base/server.log" -w restart >/dev/null 2>&1 ||
		runuser -u postgres -- "$bin/pg_ctl" -D "$data" -l "$base/server.log" -w start >/dev/null
}

do_install() {
	setup_pg
	mkdir -p "$base/src"
	# what rsync copies gets the time of the copy: a checkout of an older
	# commit has older times than the objects built from the newer one
	rsync -a --delete --out-format='%n' --exclude .git --exclude results --exclude '*.o' --exclude '*.so' \
		--exclude 'sql/tpi_rules--1.1.sql' --exclude 'sql/tpi_rules--1.0--1.1.sql' --exclude 'test/fuzz/corpus-*' --exclude 'test/fuzz/*.fuzz' "$repo/" "$base/src/" |
		while IFS= read -r f; do if [ -f "$base/src/$f" ]; then touch "$base/src/$f"; fi; done
	# PGXS tracks no header dependencies: rebuild all after a header change
	if [ -f "$base/src/tpi_rules.so" ] &&
		[ -n "$(find "$base/src/src" -name '*.h' -newer "$base/src/tpi_rules.so")" ]; then
		make -C "$base/src" -s clean >/dev/null
	fi
	make -C "$base/src" -s -j2 >/dev/null
	make -C "$base/src" -s install >/dev/null
	chmod -R a+rX "$pg"; chmod 700 "$data"
	start_pg
	psql -q -d postgres -c 'DROP DATABASE IF EXISTS dev' -c 'CREATE DATABASE dev' >/dev/null
	psql -q -d dev -c 'CREATE EXTENSION tpi_rules' >/dev/null
}

case $cmd in
install) do_install ;;
check)
	do_install
	if [ $# -gt 0 ]; then
		make -C "$base/src" -s installcheck REGRESS="$*" TAP_TESTS=
	else
		make -C "$base/src" -s installcheck TAP_TESTS=
	fi || { cat "$base/src/regression.diffs" 2>/dev/null | head -200; exit 1; }
	;;
isolation)
	do_install
	if [ $# -gt 0 ]; then
		make -C "$base/src" -s installcheck REGRESS= ISOLATION="$*" TAP_TESTS=
	else
		make -C "$base/src" -s installcheck REGRESS= TAP_TESTS=
	fi || { cat "$base/src/output_iso/regression.diffs" 2>/dev/null | head -200; exit 1; }
	;;
psql) setup_pg; start_pg; psql -d dev "$@" ;;
env) echo "export PG_CONFIG=$PG_CONFIG PGHOST=$PGHOST PGPORT=$PGPORT PGUSER=$PGUSER PATH=$bin:\$PATH" ;;
stop) runuser -u postgres -- "$bin/pg_ctl" -D "$data" -w stop ;;
*) echo "unknown command $cmd" >&2; exit 2 ;;
esac
