#!/bin/bash
# test/fuzz/run.sh [SECONDS]
#
# Builds every libFuzzer harness test/fuzz/fuzz_*.c (its C sources are
# named on a "fuzz-sources:" line in its header comment) with ASan and
# UBSan, and runs each for SECONDS (default 60) over its corpus
# test/fuzz/corpus-NAME (not committed) seeded from test/fuzz/seeds/NAME.
# Ends with "N passed, N failed"; a failing harness leaves crash-* files.
# FUZZ_ONLY=NAME runs only test/fuzz/fuzz_NAME.c (e.g. FUZZ_ONLY=837p).
set -uo pipefail
secs=${1:-60}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

if ! command -v clang >/dev/null; then
	apt-get install -y clang libclang-rt-14-dev >/dev/null
fi

pass=0 fail=0
for harness in test/fuzz/fuzz_${FUZZ_ONLY:-*}.c; do
	name=$(basename "$harness" .c)
	short=${name#fuzz_}
	srcs=$(sed -n 's/^ \* fuzz-sources: *//p' "$harness")
	bin=test/fuzz/$name.fuzz
	echo "== $name: building"
	if ! clang -g -O1 -fsanitize=fuzzer,address,undefined \
		-fno-sanitize-recover=all -Wall -Wextra -Werror -Wno-unused-parameter -Isrc -Isrc/parse \
		"$harness" $srcs -o "$bin"; then
		fail=$((fail + 1)); continue
	fi
	corpus=test/fuzz/corpus-$short
	seeds=test/fuzz/seeds/$short
	mkdir -p "$corpus"
	echo "== $name: fuzzing for ${secs}s"
	if (cd test/fuzz && UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
		"./$name.fuzz" -max_total_time="$secs" -max_len=8192 \
		-timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
		"corpus-$short" $( [ -d "seeds/$short" ] && echo "seeds/$short" ) ); then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
	fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
