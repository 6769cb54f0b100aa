#!/bin/bash
# Runs inside pg_virtualenv (PGHOST/PGPORT/PGUSER set): every test suite,
# appending each suite's pass and fail counts to $1/passed and $1/failed.
set -uo pipefail
log=$1
count() {	# count NAME FILE: pg_regress-style "... ok" / "... FAILED" lines
	local p f
	p=$(grep -cE '\.\.\. +ok|^ok [0-9]+ ' "$2" || true)
	f=$(grep -cE '\.\.\. +FAILED|\.\.\. +failed|^not ok [0-9]+ ' "$2" || true)
	echo "$1: $p passed, $f failed"
	echo "$p" >> "$log/passed"; echo "$f" >> "$log/failed"
}

make -s installcheck REGRESS_OPTS="--load-extension=tpi_rules" ISOLATION= TAP_TESTS= > "$log/regress.out" 2>&1
cat "$log/regress.out"
count "pg_regress" "$log/regress.out"
[ -f regression.diffs ] && head -300 regression.diffs

if ls test/specs/*.spec >/dev/null 2>&1; then
	make -s installcheck REGRESS= TAP_TESTS= > "$log/isolation.out" 2>&1
	cat "$log/isolation.out"
	count "isolation" "$log/isolation.out"
	[ -f output_iso/regression.diffs ] && head -300 output_iso/regression.diffs
fi

for t in test/sh/*.sh; do
	[ -f "$t" ] || continue
	if bash "$t" > "$log/$(basename "$t").out" 2>&1; then
		echo "shell test $t ... ok"; echo 1 >> "$log/passed"
	else
		echo "shell test $t ... FAILED"; tail -40 "$log/$(basename "$t").out"
		echo 1 >> "$log/failed"
	fi
done

# TAP tests (t/*.pl: crash recovery, streaming standby, concurrent guards)
# through PGXS's prove_installcheck; they start clusters of their own, which
# initdb will not do as root: then they run as postgres from a copy.
if ls t/*.pl >/dev/null 2>&1; then
	if [ "$(id -u)" -eq 0 ]; then
		tap=$(mktemp -d /tmp/tpi_tap.XXXXXX)
		tar --exclude=.git --exclude=results --exclude=tmp_check -cf - . | tar -C "$tap" -xf -
		chown -R postgres "$tap"
		(cd "$tap" && runuser -u postgres -- env PATH="$PATH" PG_CONFIG="${PG_CONFIG:-pg_config}" \
			make -s installcheck REGRESS= ISOLATION= PROVE_FLAGS=--verbose) > "$log/tap.out" 2>&1
		cp -r "$tap/tmp_check/log" "$log/tap_logs" 2>/dev/null
		rm -rf "$tap"
	else
		make -s installcheck REGRESS= ISOLATION= PROVE_FLAGS=--verbose > "$log/tap.out" 2>&1
	fi
	grep -E '^t/|^(not )?ok [0-9]+ |^Files=|^Result:|Dubious|Failed' "$log/tap.out"
	p=$(grep -cE '^ok [0-9]+ ' "$log/tap.out" || true)
	f=$(grep -cE '^not ok [0-9]+ ' "$log/tap.out" || true)
	# a script that died, or prove that never finished, is a failure too
	if [ "$f" -eq 0 ] && ! grep -q '^Result: PASS' "$log/tap.out"; then
		f=1; tail -40 "$log/tap.out"
	fi
	echo "TAP: $p passed, $f failed"
	echo "$p" >> "$log/passed"; echo "$f" >> "$log/failed"
fi

if [ -f test/unit/run.sh ]; then
	bash test/unit/run.sh > "$log/unit.out" 2>&1
	tail -20 "$log/unit.out"
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log/unit.out" | tail -1)
	if [ -n "$line" ]; then
		echo "${line%% passed*}" >> "$log/passed"
		f=${line#*, }; echo "${f%% failed}" >> "$log/failed"
	else
		echo 1 >> "$log/failed"
	fi
fi
touch "$log/suites_ran"
exit 0
