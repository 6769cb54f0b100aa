#!/bin/bash
# test/hardening/lib.sh: a private PostgreSQL 15 cluster per hardening run,
# sourced by sqlsmith.sh, valgrind.sh and ubsan.sh.
#
# Like test/devpg.sh, it copies Debian's PostgreSQL install to
# $HD_BASE/pg (the server finds its lib and share directories relative to
# its binary), so an instrumented tpi_rules.so never lands in the system
# install or in another developer's copy; unlike devpg.sh it can start the
# postmaster under a wrapper (valgrind) or with an environment (UBSan
# options), and it reports backend crashes from the server log.
#
#   hd_setup NAME           copy the install, initdb (once per NAME)
#   hd_build [CFLAGS...]    sync this checkout, build with extra PG_CFLAGS, install
#   hd_start [WRAPPER...]   start the postmaster (under WRAPPER if given)
#   hd_stop                 stop it (fast shutdown)
#   hd_crashes              count backend crashes in the server log
#   hd_psql ARGS...         psql as the superuser
# Runs as root (the cluster runs as postgres); initdb refuses root.

hd_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

hd_setup() {
	HD_NAME=$1
	HD_BASE=${HD_BASE_DIR:-/tmp/tpi-hardening}/$HD_NAME
	HD_PG=$HD_BASE/pg
	HD_BIN=$HD_PG/usr/lib/postgresql/15/bin
	HD_DATA=$HD_BASE/data
	HD_LOG=$HD_BASE/server.log
	HD_PORT=$(( 30000 + $(printf '%s' "hardening-$HD_NAME" | cksum | cut -d' ' -f1) % 10000 ))
	export PG_CONFIG=$HD_BIN/pg_config PGHOST=$HD_BASE PGPORT=$HD_PORT PGUSER=postgres
	export PATH=$HD_BIN:$PATH
	mkdir -p "$HD_BASE"
	if [ ! -x "$HD_BIN/postgres" ]; then
		mkdir -p "$HD_PG/usr/lib/postgresql" "$HD_PG/usr/share/postgresql" "$HD_PG/usr/include"
		cp -a /usr/lib/postgresql/15 "$HD_PG/usr/lib/postgresql/"
		cp -a /usr/share/postgresql/15 "$HD_PG/usr/share/postgresql/"
		cp -a /usr/include/postgresql "$HD_PG/usr/include/"
	fi
	chown postgres "$HD_BASE"
	if [ ! -f "$HD_DATA/PG_VERSION" ]; then
		mkdir -p "$HD_DATA"; chown postgres "$HD_DATA"
		runuser -u postgres -- "$HD_BIN/initdb" -D "$HD_DATA" -U postgres -A trust \
			--no-sync >/dev/null
		# Crashes must show in the log with the query that caused them;
		# autovacuum and the stats writer only add noise (and time under
		# valgrind).
		cat >> "$HD_DATA/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$HD_BASE'
port = $HD_PORT
fsync = off
synchronous_commit = off
full_page_writes = off
autovacuum = off
max_worker_processes = 8
max_parallel_workers = 4
restart_after_crash = on
log_line_prefix = '%m [%p] %u@%d '
log_min_messages = warning
log_min_error_statement = panic
log_error_verbosity = default
shared_buffers = 32MB
max_connections = 30
# the whole query of a crashed backend goes to the log
track_activity_query_size = 32768
# JIT would load LLVM into backends: slow under valgrind, and not ours
jit = off
CONF
	fi
}

hd_build() {
	local src=$HD_BASE/src
	mkdir -p "$src"
	rsync -a --delete --exclude .git --exclude results --exclude '*.o' --exclude '*.so' \
		--exclude 'sql/tpi_rules--1.1.sql' --exclude 'sql/tpi_rules--1.0--1.1.sql' --exclude output_iso \
		"$hd_root/" "$src/"
	make -C "$src" -s clean >/dev/null 2>&1
	# PG_CFLAGS on the command line replaces the Makefile's, so repeat its
	# warning flags; PGXS also passes CFLAGS when linking the .so, which
	# links the sanitizer runtimes.
	make -C "$src" -s -j2 PG_CONFIG="$PG_CONFIG" \
		PG_CFLAGS="-Wall -Wextra -Werror -Wno-unused-parameter -Wno-sign-compare -Wno-missing-field-initializers $*" \
		>/dev/null || return 1
	make -C "$src" -s install PG_CONFIG="$PG_CONFIG" >/dev/null || return 1
	chmod -R a+rX "$HD_PG"
	HD_SRC=$src
}

# hd_start [WRAPPER...]: postgres -D data, under WRAPPER when given, with
# HD_SERVER_ENV (space-separated VAR=value) in its environment.
hd_start() {
	hd_stop >/dev/null 2>&1
	chmod 700 "$HD_DATA"
	: > "$HD_LOG"; chown postgres "$HD_LOG"
	# shellcheck disable=SC2086
	runuser -u postgres -- env ${HD_SERVER_ENV:-} "$@" "$HD_BIN/postgres" -D "$HD_DATA" \
		>> "$HD_LOG" 2>&1 &
	HD_PID=$!
	local i
	for i in $(seq 1 600); do
		"$HD_BIN/pg_isready" -q -h "$HD_BASE" -p "$HD_PORT" && return 0
		kill -0 "$HD_PID" 2>/dev/null || { tail -20 "$HD_LOG"; return 1; }
		sleep 0.5
	done
	echo "postmaster did not start" >&2; tail -20 "$HD_LOG"; return 1
}

hd_stop() {
	[ -f "$HD_DATA/postmaster.pid" ] || return 0
	runuser -u postgres -- "$HD_BIN/pg_ctl" -D "$HD_DATA" -m fast -w -t 600 stop >/dev/null
}

hd_crashes() {
	grep -cE 'terminated by signal|server process \(PID [0-9]+\) was terminated|was terminated by exception' \
		"$HD_LOG" 2>/dev/null || true
}

hd_psql() {
	"$HD_BIN/psql" -X -q -v ON_ERROR_STOP=1 "$@"
}
