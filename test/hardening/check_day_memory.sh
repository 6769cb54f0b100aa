#!/bin/bash
# test/hardening/check_day_memory.sh: the peak memory (VmHWM) of issue 17's
# check_day statement over 20,000 lines, and of PostgreSQL printing the
# same 40,000-finding array from a plain table with no tpi_rules code
# running: the part of the statement that is PostgreSQL's own array_out.
# Each measurement runs in a fresh backend.  Needs a superuser connection
# (PGHOST, PGPORT, PGUSER, PGDATABASE) to a database with tpi_rules and a
# server on this machine (it reads /proc/PID/status).
set -euo pipefail
rows="SELECT ROW('C'||g,1,'P1','medicare',NULL,DATE '2025-03-03','20552',NULL,1,'{M79.18}','11','{right trapezius}',1,'lidocaine','1 mL',NULL,true,true,true,true,'none',NULL,NULL)::tpi_rules.claim_line c FROM generate_series(1,20000) g"

peak() {
	psql -X -q -At -v ON_ERROR_STOP=1 <<SQL
\timing on
$1
\timing off
SELECT pg_backend_pid() AS pid \gset
\setenv P :pid
\! grep VmHWM /proc/\$P/status
SQL
}

echo "== check_day(c)::text over 20,000 lines (the issue's statement)"
peak "SELECT length(tpi_rules.check_day(c)::text) FROM ($rows) s;"
echo "== check_day alone: cardinality() of the same result"
peak "SELECT cardinality(tpi_rules.check_day(c)) FROM ($rows) s;"
echo "== the rows alone: count(c)"
peak "SELECT count(c) FROM ($rows) s;"
psql -X -q -v ON_ERROR_STOP=1 -c "DROP TABLE IF EXISTS check_day_saved" \
	-c "CREATE TABLE check_day_saved AS SELECT tpi_rules.check_day(c) AS a FROM ($rows) s"
echo "== PostgreSQL alone: the stored finding[] printed as text, no tpi_rules code"
peak "SELECT length(a::text), cardinality(a) FROM check_day_saved;"
psql -X -q -c "DROP TABLE check_day_saved"
