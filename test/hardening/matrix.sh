#!/bin/bash
# test/hardening/matrix.sh DB OUTDIR [SERVER_LOG]
#
# Calls every tpi_rules function with edge values (matrix_gen.sql) and runs
# the data-driven calls of matrix_extra.sql, in database DB (seed.sql must
# have been loaded there), connecting with the PG* environment.  Every
# statement runs on its own, so a crash loses one statement; psql
# reconnects and goes on.  Writes OUTDIR/matrix.out (every statement and
# its result, VERBOSITY verbose so errors show SQLSTATE and source location)
# and prints a summary:
#   statements, errors by SQLSTATE, internal errors (XX000: an elog that
#   user input reached) and crashes (lost connections, and "terminated by
#   signal" in SERVER_LOG when given).
# Exit status 1 if any backend crashed.
set -uo pipefail
db=$1 out=$2 slog=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
psql -X -At -q -v ON_ERROR_STOP=1 -d "$db" -f "$here/matrix_gen.sql" > "$out/calls.sql" || exit 2
cat "$here/matrix_extra.sql" >> "$out/calls.sql"
# Hostile CSV files for the loaders, readable by the server.
csv=$out/csv
mkdir -p "$csv"
cms=${CMS_DATA:-$here/../../../shared/data/cms}
[ -d "$cms" ] || cms=/work/shared/data/cms
pp=$cms/PPRRVU25_JAN1.csv gp=$cms/GPCI2025.csv
: > "$csv/empty.csv"
head -10 "$pp" > "$csv/header_only.csv"
head -c 2000 "$pp" > "$csv/truncated.csv"
{ head -10 "$pp"; grep -E '^2055[0-3],' "$pp"; } > "$csv/pprrvu_ok.csv"
{ head -10 "$pp"; grep -E '^2055[0-3],' "$pp" | sed 's/$/,x,y,z,1,2,3/'; } > "$csv/wide.csv"
{ head -10 "$pp"; grep -E '^2055[0-3],' "$pp" | cut -d, -f1-5; } > "$csv/narrow.csv"
{ head -10 "$pp"; echo '20552,,"open quote,I,,0.64,1.2'; grep -E '^20553,' "$pp"; } > "$csv/open_quote.csv"
{ head -10 "$pp"; printf '20552,\0\0,,A,,0.64\0,1.2,,0.3,,0.07,1.9,1.0,0,000,0,0,0,0,0,0,0,0,,32.3,9,0,99,0,0,0\n'; } > "$csv/nul.csv"
{ head -10 "$pp"; printf '2055\xe9,,\xff\xfe,A,,0.64,1.2,,0.3,,0.07,1.9,1.0,0,000,0,0,0,0,0,0,0,0,,32.3,9,0,99,0,0,0\n'; } > "$csv/latin1.csv"
{ head -10 "$pp"; printf '20552,'; head -c 2000000 /dev/zero | tr '\0' 'A'; echo; } > "$csv/longline.csv"
{ head -10 "$pp"
  for v in 1e999 -1e999 NaN -0 99999999999 0.005 ' 1.2 ' '' '-' '1,2' 'Infinity' '0x10' '1.2.3'; do
	echo "20552,,,A,,$v,$v,,$v,,$v,$v,$v,0,000,0,0,0,0,$v,0,0,0,,$v,9,0,99,0,0,0"
  done; } > "$csv/numbers.csv"
sed 's/$/\r/' "$csv/pprrvu_ok.csv" > "$csv/crlf.csv"
{ cat "$csv/pprrvu_ok.csv"; grep -E '^2055[0-3],' "$pp"; } > "$csv/duplicate.csv"
head -c 65536 /dev/urandom > "$csv/binary.csv" 2>/dev/null || head -c 65536 /bin/ls > "$csv/binary.csv"
cp "$gp" "$csv/gpci_ok.csv"
head -3 "$gp" > "$csv/gpci_header_only.csv"
head -c 700 "$gp" > "$csv/gpci_truncated.csv"
sed '4,$s/$/,1,2,3/' "$gp" > "$csv/gpci_wide.csv"
{ head -3 "$gp"
  for v in 1e999 -1 NaN '' 0 99999999 'x'; do echo "10112,AL,0,ALABAMA,$v,$v,$v"; done
  echo "99999999,ZZ,999999,HUGE,1,1,1"; echo "-1,ZZ,-1,NEG,1,1,1"; echo ",,,,,,"; } > "$csv/gpci_numbers.csv"
chmod -R a+rX "$out"

before=0
[ -n "$slog" ] && before=$(grep -cE 'terminated by signal|was terminated by' "$slog" || true)
{
	echo '\set VERBOSITY verbose'
	echo '\set SHOW_CONTEXT never'
	echo "SET statement_timeout = '${MATRIX_TIMEOUT:-120s}';"
	echo "SET datestyle = 'ISO, YMD'; SET timezone = 'UTC';"
	# after a crash psql reconnects with a fresh session: the settings
	# above are gone, which only matters for the timeout
	cat "$out/calls.sql"
} | psql -X -a -v csvdir="$csv" -d "$db" > "$out/matrix.out" 2>&1

stmts=$(grep -c '' "$out/calls.sql")
lost=$(grep -cE 'server closed the connection unexpectedly|connection to server was lost|terminating connection because of crash' "$out/matrix.out" || true)
crashes=$lost
if [ -n "$slog" ]; then
	after=$(grep -cE 'terminated by signal|was terminated by' "$slog" || true)
	crashes=$((after - before))
fi
echo "matrix: $stmts statements, $crashes backend crashes, $lost lost connections"
echo "errors by SQLSTATE:"
grep -oE '^(psql:[^ ]* )?ERROR:  [0-9A-Z]{5}' "$out/matrix.out" | awk '{print $NF}' | sort | uniq -c | sort -rn
if grep -q 'ERROR:  XX000' "$out/matrix.out"; then
	echo "internal errors (XX000) reached from SQL:"
	grep -A1 "ERROR:  XX000" "$out/matrix.out" | grep -vE "^--$" | cut -c1-240 | sort | uniq -c | sort -rn | head -40
fi
if [ "$lost" -gt 0 ]; then
	echo "statements that lost the connection:"
	grep -B8 -E 'server closed the connection unexpectedly' "$out/matrix.out" |
		grep -E "^SELECT '|^SELECT|^SET|^WITH" | head -20
fi
[ "$crashes" -eq 0 ] && [ "$lost" -eq 0 ]
