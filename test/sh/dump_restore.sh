#!/bin/bash
# pg_dump round trips (plain through psql, custom through pg_restore):
# user-added, user-changed and user-deleted reference rows, claims and
# finding_log rows survive, the audit gives the same answer, and the user's objects on the
# extension's tables come back: a guard trigger on tpi_rules.claim_line, an
# index and a CHECK constraint on tpi_rules.finding_log (PostgreSQL dumps
# only the rows of an extension's tables; tpi_rules.table_object carries
# the rest, see sql/install/05_user_objects.sql).
# Runs inside pg_virtualenv (PGHOST/PGPORT/PGUSER set).
set -euo pipefail
src=tpi_dump_src dst=tpi_dump_dst dst2=tpi_dump_dst2
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $src" -c "DROP DATABASE IF EXISTS $dst" \
	-c "DROP DATABASE IF EXISTS $dst2" -c "CREATE DATABASE $src" -c "CREATE DATABASE $dst" -c "CREATE DATABASE $dst2"
psql -X -q -v ON_ERROR_STOP=1 -d $src <<'SQL'
CREATE EXTENSION tpi_rules;
-- a user policy, a changed shipped policy, a user muscle, a user diagnosis
INSERT INTO tpi_rules.payer_policy (payer_id, effective_from, name, source, max_sessions, cap_window, min_interval)
VALUES ('acme_health', '2024-01-01', 'Acme Health', 'Acme medical policy 12.3', 2, '6 months', '14 days');
UPDATE tpi_rules.payer_policy SET max_sessions = 2 WHERE payer_id = 'bcbsa';
INSERT INTO tpi_rules.covered_dx (payer_id, icd10) VALUES ('acme_health', 'M7918');
INSERT INTO tpi_rules.muscle (name, region, kind, aliases)
VALUES ('dumpus testus', 'cervical', 'muscle', '{dumpy}');
-- shipped rows the user deleted stay deleted (reference_deleted)
DELETE FROM tpi_rules.covered_dx WHERE payer_id = 'medicare' AND icd10 = 'M7910';
DELETE FROM tpi_rules.muscle WHERE name = 'frontalis';
UPDATE tpi_rules.muscle SET name = 'abductor hallucis renamed' WHERE name = 'abductor hallucis';
-- the user's objects on the extension's tables: a flag-mode guard on the
-- claims table, an index and a constraint on the log
CREATE TRIGGER claims_guard BEFORE INSERT OR UPDATE ON tpi_rules.claim_line
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('flag');
CREATE INDEX finding_log_rule_idx ON tpi_rules.finding_log (rule_id, date_of_service);
-- a trigger the user keeps disabled stays disabled
CREATE TRIGGER claims_reject_later BEFORE INSERT ON tpi_rules.claim_line
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('reject');
ALTER TABLE tpi_rules.claim_line DISABLE TRIGGER claims_reject_later;
ALTER TABLE tpi_rules.finding_log ADD CONSTRAINT finding_log_message_check CHECK (message <> '');
INSERT INTO tpi_rules.claim_line (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, units, muscles)
VALUES ('D1', 1, 'P1', 'acme_health', '2025-03-03', '20552', 2, '{right trapezius,dumpy}'),
       ('D2', 1, 'P1', 'acme_health', '2025-03-10', '20553', 1, '{left trapezius}'),
       ('D3', 1, 'P2', 'bcbsa', '2025-04-01', '20552', 1, '{shoulder}');
SQL
# The event trigger behind table_object runs for every role's DDL: a role
# with no rights on tpi_rules makes and drops its own table and index, and
# a role with only the TRIGGER privilege adds a trigger to claim_line.
psql -X -q -v ON_ERROR_STOP=1 -d $src <<'SQL'
DROP ROLE IF EXISTS tpi_dump_plain;
CREATE ROLE tpi_dump_plain;
GRANT CREATE ON SCHEMA public TO tpi_dump_plain;
GRANT TRIGGER ON tpi_rules.claim_line TO tpi_dump_plain;
SET ROLE tpi_dump_plain;
CREATE TABLE public.plain_t (a int);
CREATE INDEX ON public.plain_t (a);
DROP TABLE public.plain_t;
CREATE TRIGGER by_plain_role BEFORE UPDATE ON tpi_rules.claim_line
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('flag');
RESET ROLE;
DROP TRIGGER by_plain_role ON tpi_rules.claim_line;
REVOKE ALL ON tpi_rules.claim_line FROM tpi_dump_plain;
REVOKE ALL ON SCHEMA public FROM tpi_dump_plain;
DROP ROLE tpi_dump_plain;
SQL
pg_dump -d $src | psql -X -q -v ON_ERROR_STOP=1 -d $dst >/dev/null
pg_dump -Fc -d $src | pg_restore --exit-on-error -d $dst2

snapshot() {
	psql -X -At -d "$1" <<'SQL'
SELECT 'policy', payer_id, effective_from, max_sessions, cap_window, min_interval, builtin FROM tpi_rules.payer_policy ORDER BY 2, 3;
SELECT 'dx', payer_id, icd10, builtin FROM tpi_rules.covered_dx ORDER BY 2, 3;
SELECT 'muscle', name, region, kind, aliases, builtin FROM tpi_rules.muscle ORDER BY 2;
SELECT 'claim', claim_id, line_no, patient_id, units, muscles FROM tpi_rules.claim_line ORDER BY 2, 3;
SELECT 'counts', (SELECT count(*) FROM tpi_rules.rule), (SELECT count(*) FROM tpi_rules.rvu),
       (SELECT count(*) FROM tpi_rules.gpci), (SELECT count(*) FROM tpi_rules.icd10);
SELECT 'log', id, table_name, claim_id, line_no, rule_id, severity, message FROM tpi_rules.finding_log ORDER BY 2;
SELECT 'user object', tgrelid::regclass, pg_get_triggerdef(oid), tgenabled FROM pg_trigger
 WHERE tgrelid IN ('tpi_rules.claim_line'::regclass, 'tpi_rules.finding_log'::regclass) AND NOT tgisinternal ORDER BY 3;
SELECT 'user object', indexdef FROM pg_indexes WHERE schemaname = 'tpi_rules' AND tablename IN ('claim_line', 'finding_log') ORDER BY 2;
SELECT 'user object', conname, pg_get_constraintdef(oid) FROM pg_constraint
 WHERE conrelid IN ('tpi_rules.claim_line'::regclass, 'tpi_rules.finding_log'::regclass) ORDER BY 2;
SELECT 'table_object', table_name, kind, name, definition FROM tpi_rules.table_object WHERE NOT builtin ORDER BY 2, 3, 4;
SQL
	if [ "$(psql -X -At -d "$1" -c "SELECT count(*) FROM pg_proc WHERE proname = 'audit' AND pronamespace = 'tpi_rules'::regnamespace")" != 0 ]; then
		psql -X -At -d "$1" -c "SELECT 'audit', claim_id, line_no, rule_id, severity, message FROM tpi_rules.audit('tpi_rules.claim_line', NULL, NULL) ORDER BY 2, 3, 4, 6"
	fi
}
a=$(snapshot $src)
grep -E '^(policy|dx|claim|log|user object|table_object)\|' <<<"$a" | grep -v '|t$' | awk 'NR <= 40'
grep -q '^user object|tpi_rules.claim_line|CREATE TRIGGER claims_guard ' <<<"$a" || { echo "setup: no user trigger"; exit 1; }
grep -q '^log|' <<<"$a" || { echo "setup: the flag-mode guard logged nothing"; exit 1; }
for db in $dst $dst2; do
	b=$(snapshot $db)
	if [ "$a" != "$b" ]; then
		echo "dump/restore into $db changed the data or lost user objects:"; diff <(echo "$a") <(echo "$b") || true
		for d in $src $db; do
			psql -X -At -d $d -c "SELECT '$d', name, definition FROM tpi_rules.table_object WHERE NOT builtin ORDER BY 2"
		done
		exit 1
	fi
	grep -q '^policy|acme_health|' <<<"$b" || { echo "user policy lost"; exit 1; }
	grep -q '^policy|bcbsa|2015-10-01|2|' <<<"$b" || { echo "changed shipped policy lost"; exit 1; }
	grep -q '^muscle|dumpus testus|' <<<"$b" || { echo "user muscle lost"; exit 1; }
	! grep -q '^dx|medicare|M7910|' <<<"$b" || { echo "a deleted shipped diagnosis came back"; exit 1; }
	! grep -q '^muscle|frontalis|' <<<"$b" || { echo "a deleted shipped muscle came back"; exit 1; }
	! grep -q '^muscle|abductor hallucis|' <<<"$b" || { echo "a renamed shipped muscle came back"; exit 1; }
	grep -q '^user object|CREATE INDEX finding_log_rule_idx ON tpi_rules.finding_log' <<<"$b" || { echo "user index on finding_log lost"; exit 1; }
	grep -q '^user object|finding_log_message_check|' <<<"$b" || { echo "user constraint on finding_log lost"; exit 1; }
	grep -q "^user object|tpi_rules.claim_line|CREATE TRIGGER claims_reject_later .*|D$" <<<"$b" || { echo "the disabled user trigger is not restored disabled"; exit 1; }
	# the restored guard works (and the log's identity goes on from the dump)
	n=$(psql -X -At -v ON_ERROR_STOP=1 -d $db -c "INSERT INTO tpi_rules.claim_line (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, units, muscles) VALUES ('D4', 1, 'P2', 'bcbsa', '2025-04-02', '20552', 1, '{shoulder}')" \
		-c "SELECT count(*) FROM tpi_rules.finding_log WHERE claim_id = 'D4'")
	[ "${n##*$'\n'}" -gt 0 ] || { echo "the restored guard on claim_line logged nothing in $db"; exit 1; }
	echo "ok: $db keeps the data, the guard trigger on claim_line, the index and constraint on finding_log"
done
psql -X -q -d postgres -c "DROP DATABASE $src" -c "DROP DATABASE $dst" -c "DROP DATABASE $dst2"
echo "dump/restore round trip ok"
