#!/bin/bash
# test/hardening/valgrind.sh: the regression suite and the call matrix with
# every server process under valgrind memcheck (make valgrind).
#
# Debian's PostgreSQL is not built with USE_VALGRIND, so memcheck cannot see
# inside palloc chunks (a read past the end of a palloc'd string that stays
# in its memory block goes unseen); what it does see: use of uninitialised
# memory (e.g. a Datum or a flag never set, uninitialised padding hashed or
# written), reads and writes outside malloc'd blocks (big pallocs are
# malloc'd blocks of their own), invalid frees, overlapping memcpy.
# Known PostgreSQL false positives are in valgrind.supp.
#
# Environment: VALGRIND_TESTS ("regress matrix" by default; either word).
# Output in /tmp/tpi-hardening/valgrind/out: vg/<pid>.log (one per process),
# errors.txt (every unsuppressed error), tpi_errors.txt (errors with a
# tpi_rules.so frame), summary.txt.  Exit status 1 on any error in tpi_rules
# code or a crash.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"
tests=${VALGRIND_TESTS:-regress matrix}
command -v valgrind >/dev/null || bash "$hd_root/test/prereqs.sh" valgrind || exit 2

hd_setup valgrind
out=$HD_BASE/out
rm -rf "$out"; mkdir -p "$out/vg"; chown postgres "$out/vg"
# -O1 keeps the stack traces readable without changing what the code does
hd_build -g -O1 -fno-omit-frame-pointer || { echo "build failed"; exit 2; }
# The checkpointer's and other helpers' timeouts are long enough under
# valgrind; statement timeouts are not set by the tests.
hd_start valgrind --quiet --tool=memcheck --trace-children=yes --track-origins=yes \
	--read-var-info=no --num-callers=40 --error-limit=no --leak-check=no \
	--gen-suppressions=all --suppressions="$here/valgrind.supp" \
	--log-file="$out/vg/%p.log" || exit 2
trap 'hd_stop' EXIT
start=$(date +%s)

status=0
if [[ " $tests " == *" regress "* ]]; then
	make -C "$HD_SRC" -s installcheck PG_CONFIG="$PG_CONFIG" \
		REGRESS_OPTS="--load-extension=tpi_rules" ISOLATION= > "$out/regress.out" 2>&1
	grep -E 'ok|FAILED|failed|tests passed' "$out/regress.out" | tail -40
	cp "$HD_SRC/regression.diffs" "$out/" 2>/dev/null
fi
if [[ " $tests " == *" matrix "* ]]; then
	hd_psql -d postgres -c "DROP DATABASE IF EXISTS hd_matrix" -c "CREATE DATABASE hd_matrix" >/dev/null
	hd_psql -d hd_matrix -c "CREATE EXTENSION tpi_rules" >/dev/null
	hd_psql -d hd_matrix -1 -f "$here/seed.sql" >/dev/null
	MATRIX_TIMEOUT=1800s bash "$here/matrix.sh" hd_matrix "$out/matrix" "$HD_LOG" | tee "$out/matrix.txt"
fi
hd_stop
trap - EXIT
elapsed=$(( $(date +%s) - start ))

# One error = one block that valgrind ended with a suppression proposal.
perl -e '
	my ($all, $tpi) = @ARGV;
	open my $a, ">", $all or die; open my $t, ">", $tpi or die;
	my ($n, $nt) = (0, 0);
	for my $f (glob("'"$out"'/vg/*.log")) {
		open my $fh, "<", $f or next;
		my $blk = "";
		while (<$fh>) {
			if (/^==\d+== (Invalid|Conditional|Use of uninit|Syscall param|Source and dest|Mismatched|Argument|Process terminating|Jump to)/) {
				$blk = "$f\n$_"; next;
			}
			$blk .= $_ if $blk ne "";
			if ($blk ne "" && /^\}$/) {
				$n++; print $a $blk, "\n";
				if ($blk =~ /tpi_rules\.so|tpi_\w+|muscle_\w+ \(/) { $nt++; print $t $blk, "\n"; }
				$blk = "";
			}
		}
	}
	print "$n $nt\n";
' "$out/errors.txt" "$out/tpi_errors.txt" > "$out/counts"
read -r nerr ntpi < "$out/counts"
crashes=$(hd_crashes)
procs=$(ls "$out/vg" | wc -l)
{
	echo "valgrind: tests '$tests', $procs processes, $elapsed s"
	echo "valgrind: $nerr unsuppressed errors, $ntpi in tpi_rules code, $crashes backend crashes"
	[ -f "$out/regress.out" ] && grep -E 'tests passed|failed' "$out/regress.out" | tail -2
	[ -f "$out/matrix.txt" ] && head -1 "$out/matrix.txt"
} | tee "$out/summary.txt"
if [ "$ntpi" -gt 0 ]; then
	echo "errors in tpi_rules code (first 200 lines of $out/tpi_errors.txt):"
	head -200 "$out/tpi_errors.txt"
	status=1
fi
if [ "$nerr" -gt "$ntpi" ]; then
	echo "other unsuppressed errors (PostgreSQL itself; first 60 lines of $out/errors.txt):"
	head -60 "$out/errors.txt"
fi
[ "$crashes" -eq 0 ] || status=1
echo "output: $out"
exit $status
