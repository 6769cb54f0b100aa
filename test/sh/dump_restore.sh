#!/bin/bash
# pg_dump | psql round trip: user-added and user-changed reference rows and
# claims survive, and (once audit() exists) the audit gives the same answer.
# Runs inside pg_virtualenv (PGHOST/PGPORT/PGUSER set).
set -euo pipefail
src=tpi_dump_src dst=tpi_dump_dst
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $src" -c "DROP DATABASE IF EXISTS $dst" \
	-c "CREATE DATABASE $src" -c "CREATE DATABASE $dst"
psql -X -q -v ON_ERROR_STOP=1 -d $src <<'SQL'
CREATE EXTENSION tpi_rules;
-- a user policy, a changed shipped policy, a user muscle, a user diagnosis
INSERT INTO tpi_rules.payer_policy (payer_id, effective_from, name, source, max_sessions, cap_window, min_interval)
VALUES ('acme_health', '2024-01-01', 'Acme Health', 'Acme medical policy 12.3', 2, '6 months', '14 days');
UPDATE tpi_rules.payer_policy SET max_sessions = 2 WHERE payer_id = 'bcbsa';
INSERT INTO tpi_rules.covered_dx (payer_id, icd10) VALUES ('acme_health', 'M7918');
INSERT INTO tpi_rules.muscle (name, region, kind, aliases)
VALUES ('dumpus testus', 'cervical', 'muscle', '{dumpy}');
INSERT INTO tpi_rules.claim_line (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, units, muscles)
VALUES ('D1', 1, 'P1', 'acme_health', '2025-03-03', '20552', 2, '{right trapezius,dumpy}'),
       ('D2', 1, 'P1', 'acme_health', '2025-03-10', '20553', 1, '{left trapezius}'),
       ('D3', 1, 'P2', 'bcbsa', '2025-04-01', '20552', 1, '{shoulder}');
SQL
pg_dump -d $src | psql -X -q -v ON_ERROR_STOP=1 -d $dst >/dev/null

snapshot() {
	psql -X -At -d "$1" <<'SQL'
SELECT 'policy', payer_id, effective_from, max_sessions, cap_window, min_interval, builtin FROM tpi_rules.payer_policy ORDER BY 2, 3;
SELECT 'dx', payer_id, icd10, builtin FROM tpi_rules.covered_dx ORDER BY 2, 3;
SELECT 'muscle', name, region, kind, aliases, builtin FROM tpi_rules.muscle ORDER BY 2;
SELECT 'claim', claim_id, line_no, patient_id, units, muscles FROM tpi_rules.claim_line ORDER BY 2, 3;
SELECT 'counts', (SELECT count(*) FROM tpi_rules.rule), (SELECT count(*) FROM tpi_rules.rvu),
       (SELECT count(*) FROM tpi_rules.gpci), (SELECT count(*) FROM tpi_rules.icd10);
SQL
	if [ "$(psql -X -At -d "$1" -c "SELECT count(*) FROM pg_proc WHERE proname = 'audit' AND pronamespace = 'tpi_rules'::regnamespace")" != 0 ]; then
		psql -X -At -d "$1" -c "SELECT 'audit', claim_id, line_no, rule_id, severity, message FROM tpi_rules.audit('tpi_rules.claim_line', NULL, NULL) ORDER BY 2, 3, 4, 6"
	fi
}
a=$(snapshot $src); b=$(snapshot $dst)
echo "$a" | head -40
if [ "$a" != "$b" ]; then
	echo "dump/restore changed the data:"; diff <(echo "$a") <(echo "$b"); exit 1
fi
grep -q '^policy|acme_health|' <<<"$b" || { echo "user policy lost"; exit 1; }
grep -q '^policy|bcbsa|2015-10-01|2|' <<<"$b" || { echo "changed shipped policy lost"; exit 1; }
grep -q '^muscle|dumpus testus|' <<<"$b" || { echo "user muscle lost"; exit 1; }
psql -X -q -d postgres -c "DROP DATABASE $src" -c "DROP DATABASE $dst"
echo "dump/restore round trip ok"
