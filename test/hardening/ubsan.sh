#!/bin/bash
# test/hardening/ubsan.sh [--plain]: the regression suite, the isolation
# specs and the call matrix against a tpi_rules.so built with
# -fsanitize=undefined -fno-sanitize-recover=all (make ubsan).
#
# Only tpi_rules is instrumented (the server is Debian's).  gcc links the
# .so against libubsan, which dlopen() brings in with it; with
# -fno-sanitize-recover the first undefined behaviour (signed overflow,
# shift out of range, misaligned or NULL access, out-of-bounds index of a
# fixed array, invalid enum or bool load ...) prints its report and aborts
# the backend, so it also shows as a crash in the server log.  Reports go to
# out/ubsan.<pid> (UBSAN_OPTIONS log_path) with a stack trace.
#
# --plain (make hardening-matrix): the same runs without instrumentation,
# a quick check for crashes and internal errors.
# Output in /tmp/tpi-hardening/{ubsan,plain}/out.  Exit status 1 on any
# UBSan report or backend crash.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"
name=ubsan
[ "${1:-}" = --plain ] && name=plain

hd_setup $name
out=$HD_BASE/out
rm -rf "$out"; mkdir -p "$out"; chown postgres "$out"
if [ $name = ubsan ]; then
	hd_build -g -O1 -fno-omit-frame-pointer -fsanitize=undefined -fno-sanitize-recover=all \
		-fsanitize=float-divide-by-zero -fsanitize=float-cast-overflow ||
		{ echo "build failed"; exit 2; }
	so=$(find "$HD_PG" -name tpi_rules.so | head -1)
	case $(ldd "$so") in *libubsan*) ;; *) echo "tpi_rules.so is not linked with libubsan"; exit 2 ;; esac
	HD_SERVER_ENV="UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:log_path=$out/ubsan"
	# with LD_PRELOAD=libubsan.so.1 in HD_SERVER_ENV the runtime would be in
	# the postmaster from the start; dlopen() of the .so is enough for gcc's
	# UBSan (unlike ASan, it needs no interception of malloc)
else
	hd_build || { echo "build failed"; exit 2; }
	HD_SERVER_ENV=
fi
hd_start || exit 2
trap 'hd_stop' EXIT
start=$(date +%s)

make -C "$HD_SRC" -s installcheck PG_CONFIG="$PG_CONFIG" \
	REGRESS_OPTS="--load-extension=tpi_rules" ISOLATION= > "$out/regress.out" 2>&1
grep -E '\.\.\. |tests passed|failed' "$out/regress.out" | tail -60
cp "$HD_SRC/regression.diffs" "$out/" 2>/dev/null
if ls "$HD_SRC"/test/specs/*.spec >/dev/null 2>&1; then
	make -C "$HD_SRC" -s installcheck PG_CONFIG="$PG_CONFIG" REGRESS= > "$out/isolation.out" 2>&1
	grep -E '\.\.\. |tests passed|failed' "$out/isolation.out" | tail -30
fi
hd_psql -d postgres -c "DROP DATABASE IF EXISTS hd_matrix" -c "CREATE DATABASE hd_matrix" >/dev/null
hd_psql -d hd_matrix -c "CREATE EXTENSION tpi_rules" >/dev/null
hd_psql -d hd_matrix -1 -f "$here/seed.sql" >/dev/null
bash "$here/matrix.sh" hd_matrix "$out/matrix" "$HD_LOG" | tee "$out/matrix.txt"
hd_stop
trap - EXIT

reports=$(cat "$out"/ubsan.* 2>/dev/null | grep -c 'runtime error' || true)
reports=$(( reports + $(grep -c 'runtime error' "$HD_LOG" || true) ))
crashes=$(hd_crashes)
cp "$HD_LOG" "$out/server.log"
{
	echo "$name: $(( $(date +%s) - start )) s; $reports UBSan reports, $crashes backend crashes"
	grep -E 'tests passed|failed' "$out/regress.out" | tail -1
	[ -f "$out/isolation.out" ] && grep -E 'tests passed|failed' "$out/isolation.out" | tail -1
	head -1 "$out/matrix.txt"
} | tee "$out/summary.txt"
if [ "$reports" -gt 0 ]; then
	echo "UBSan reports:"
	cat "$out"/ubsan.* 2>/dev/null | head -80
	grep -A6 'runtime error' "$HD_LOG" | head -40
fi
echo "output: $out"
[ "$reports" -eq 0 ] && [ "$crashes" -eq 0 ]
