#!/bin/bash
# test/bench/bench_notes.sh [NOTES]
#
# The note reader outside the server, on one core: builds the driver
# bench_notes.c with src/parse/note.c and muscle_parse.c, reads the shipped
# muscle and injectate catalogues (notes_vocab.pl), scores the labelled
# corpus test/data/notes (bench_notes.py: precision, recall and F1 of
# muscles and of each field, muscle-count and code accuracy), then times
# NOTES (default 200000) reads of notes of about 1 KB (four corpus notes
# each) and prints notes per second of CPU time.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
n=${1:-200000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

gcc -std=c99 -D_POSIX_C_SOURCE=200809L -O2 -Wall -Wextra -Wpointer-arith -Werror \
	-Wno-unused-parameter -Isrc/parse test/bench/bench_notes.c src/parse/note.c \
	src/parse/muscle_parse.c -o "$tmp/bench_notes"
perl test/bench/notes_vocab.pl sql/install/14_muscle_data.sql \
	sql/install/14_muscle_data_more.sql sql/install/13_injectate_data.sql > "$tmp/vocab.tsv"

echo "== accuracy on the labelled corpus"
python3 test/bench/bench_notes.py "$tmp/bench_notes" "$tmp/vocab.tsv" test/data/notes

echo "== speed: notes of about 1 KB, one core"
mkdir "$tmp/kb"
notes=(test/data/notes/*.txt)
for ((i = 0; i + 3 < ${#notes[@]}; i += 4)); do
	cat "${notes[@]:i:4}" > "$tmp/kb/$i.txt"
done
"$tmp/bench_notes" "$tmp/vocab.tsv" speed "$n" "$tmp"/kb/*.txt
