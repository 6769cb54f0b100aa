#!/bin/bash
# test/unit/run.sh
#
# Compiles and runs every standalone unit test test/unit/test_*.c (the C
# sources it needs are named on an "unit-sources:" line of its header
# comment) with gcc -Wall -Wextra -Werror and ASan/UBSan where available.
# Each test prints "N passed, N failed"; this script adds them up and ends
# with the same line.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
bindir=$(mktemp -d)
trap 'rm -rf "$bindir"' EXIT
# Sanitizers where they build and run here (not under every ptrace/container).
san="-fsanitize=address,undefined -fno-sanitize-recover=all"
echo 'int main(void){return 0;}' | gcc $san -x c - -o "$bindir/probe" 2>/dev/null &&
	"$bindir/probe" 2>/dev/null || san=""

tp=0 tf=0
for t in test/unit/test_*.c; do
	name=$(basename "$t" .c)
	srcs=$(sed -n 's/^ \* unit-sources: *//p' "$t")
	bin=$bindir/$name.bin
	if ! gcc -std=c99 -g -O1 -Wall -Wextra -Werror $san -Isrc -Isrc/parse "$t" $srcs -o "$bin"; then
		echo "$name: does not compile"; tf=$((tf + 1)); continue
	fi
	out=$("$bin"); rc=$?
	echo "$out" | grep -v '^[0-9]* passed, [0-9]* failed$'
	line=$(echo "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed$' | tail -1)
	if [ -z "$line" ]; then
		echo "$name: exited $rc without a result line"; tf=$((tf + 1)); continue
	fi
	p=${line%% passed*}; f=${line#*, }; f=${f%% failed}
	[ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && f=1
	echo "$name: $line"
	tp=$((tp + p)); tf=$((tf + f))
done
echo "$tp passed, $tf failed"
[ "$tf" -eq 0 ]
