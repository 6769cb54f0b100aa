#!/bin/bash
# DROP EXTENSION leaves nothing behind; DROP/CREATE cycles work in one session.
set -euo pipefail
db=tpi_drop_test
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
objects() {
	psql -X -At -d $db <<'SQL'
SELECT 'class', relname FROM pg_class WHERE relnamespace NOT IN (SELECT oid FROM pg_namespace WHERE nspname IN ('pg_catalog', 'information_schema', 'pg_toast')) ORDER BY 2;
SELECT 'proc', proname FROM pg_proc WHERE pronamespace NOT IN (SELECT oid FROM pg_namespace WHERE nspname IN ('pg_catalog', 'information_schema')) ORDER BY 2;
SELECT 'type', typname FROM pg_type WHERE typnamespace NOT IN (SELECT oid FROM pg_namespace WHERE nspname IN ('pg_catalog', 'information_schema', 'pg_toast')) ORDER BY 2;
SELECT 'schema', nspname FROM pg_namespace ORDER BY 2;
SELECT 'trigger', tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY 2;
SELECT 'event trigger', evtname FROM pg_event_trigger ORDER BY 2;
SELECT 'cast', count(*) FROM pg_cast; SELECT 'operator', count(*) FROM pg_operator;
SQL
}
before=$(objects)
psql -X -q -v ON_ERROR_STOP=1 -d $db <<'SQL'
CREATE EXTENSION tpi_rules;
SELECT count(*) FROM tpi_rules.rule;
DROP EXTENSION tpi_rules;
CREATE EXTENSION tpi_rules;
SELECT count(*) FROM tpi_rules.payer_policy;
-- the user's objects on the extension's tables go with them
CREATE INDEX finding_log_rule_idx ON tpi_rules.finding_log (rule_id);
CREATE TRIGGER claims_guard BEFORE INSERT ON tpi_rules.claim_line
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('flag');
DROP EXTENSION tpi_rules;
-- CREATE EXTENSION made the schema, but PostgreSQL does not drop it with the
-- extension; a plain (non-CASCADE) DROP proves it is empty.
DROP SCHEMA tpi_rules;
SQL
after=$(objects)
if [ "$before" != "$after" ]; then
	echo "DROP EXTENSION left objects behind:"; diff <(echo "$before") <(echo "$after"); exit 1
fi
psql -X -q -d postgres -c "DROP DATABASE $db"
echo "drop/create cycle leaves nothing behind"
