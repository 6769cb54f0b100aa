#!/bin/bash
# test/hardening/fuzz_all.sh [SECONDS]: every libFuzzer harness of
# test/fuzz for SECONDS each (default 600), one after another (make
# hardening-fuzz).  Runs test/fuzz/run.sh (the harness owners' runner: ASan
# and UBSan, corpus seeded from test/fuzz/seeds) in a copy of this checkout
# under /tmp/tpi-hardening/fuzz, at low priority, and sums up each
# harness's executions, corpus, coverage and crash files from libFuzzer's
# final statistics.  Exit status 1 when a harness failed.
set -uo pipefail
secs=${1:-600}
root=$(cd "$(dirname "$0")/../.." && pwd)
base=/tmp/tpi-hardening/fuzz
mkdir -p "$base/src"
rsync -a --exclude .git --exclude '*.o' --exclude '*.so' --exclude 'test/fuzz/corpus-*' \
	"$root/" "$base/src/"
cd "$base/src"
start=$(date +%s)
nice -n 10 bash test/fuzz/run.sh "$secs" > "$base/fuzz.log" 2>&1
rc=$?
{
	echo "fuzz: $(( $(date +%s) - start )) s, ${secs} s per harness"
	awk '/^== fuzz_.*: fuzzing/ { h = $2; sub(":", "", h) }
		 /stat::number_of_executed_units/ { ex[h] = $2 }
		 /stat::average_exec_per_sec/ { rate[h] = $2 }
		 /stat::new_units_added/ { nu[h] = $2 }
		 /^#[0-9]+.*(DONE|pulse).*cov: / { for (i = 1; i <= NF; i++) if ($i == "cov:") cov[h] = $(i + 1) }
		 END { for (k in ex) printf "%s: %d executions (%d/s), coverage %s edges, %d new corpus units\n", k, ex[k], rate[k], cov[k], nu[k] }' \
		"$base/fuzz.log" | sort
	grep -E '^[0-9]+ passed, [0-9]+ failed' "$base/fuzz.log"
	crashes=$(ls test/fuzz/crash-* test/fuzz/leak-* test/fuzz/timeout-* 2>/dev/null)
	if [ -n "$crashes" ]; then echo "crash files (in $base/src/test/fuzz):"; echo "$crashes"; fi
	grep -E 'ERROR: (AddressSanitizer|libFuzzer)|runtime error' "$base/fuzz.log" | head -10
} | tee "$base/summary.txt"
echo "log: $base/fuzz.log"
exit $rc
