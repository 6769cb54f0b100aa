-- Deleted shipped reference rows across pg_dump and restore.  pg_dump
-- saves a reference table's user rows only (WHERE NOT builtin) and the
-- restore's CREATE EXTENSION ships every builtin row again, so a shipped
-- row the user deleted (a covered diagnosis, a policy, a muscle) came
-- back.  The key of every deleted reference row (and the old key of a row
-- an UPDATE gave another key) is kept in reference_deleted, which pg_dump saves whole; restoring a key deletes
-- the shipped row with that key that CREATE EXTENSION brought back (a user
-- row with the key, restored before or after, stays).  A TRUNCATE, and a
-- DELETE run by a trigger (the user's own too), are not recorded.  Created after the shipped data and, in an update, after the
-- update's own changes to shipped rows, which are not the user's: a later
-- update script that deletes shipped rows deletes their keys here too.
CREATE TABLE @extschema@.reference_deleted (
	table_name	text NOT NULL CHECK (table_name IN ('rule', 'payer_policy', 'covered_dx',
		'icd10', 'injectate', 'muscle', 'rvu', 'conversion_factor', 'gpci')),
	key			jsonb NOT NULL,
	deleted_at	timestamptz NOT NULL DEFAULT pg_catalog.now(),
	PRIMARY KEY (table_name, key)
);
COMMENT ON TABLE @extschema@.reference_deleted IS
  'Keys of deleted reference rows (the table and its key columns as JSON): a restore of pg_dump output deletes the shipped rows with these keys again';

-- As the extension's owner: a role allowed to delete reference rows need
-- not be allowed to write reference_deleted.
CREATE FUNCTION @extschema@.reference_rows_deleted()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	-- A DELETE a trigger runs is not the user's: reference_row_inserted
	-- replacing a shipped row by the user's (also as a dump is restored),
	-- reference_deletions_restored.
	IF pg_catalog.pg_trigger_depth() OPERATOR(pg_catalog.>) 1 THEN
		RETURN NULL;
	END IF;
	-- TG_ARGV names the key columns; gone is the statement's OLD TABLE,
	-- kept an UPDATE's NEW TABLE: a key an UPDATE changed is gone too
	EXECUTE pg_catalog.format(
		'INSERT INTO %I.reference_deleted (table_name, key) '
		'SELECT DISTINCT %L, pg_catalog.jsonb_build_object(%s) FROM gone AS g %s '
		'ON CONFLICT (table_name, key) DO NOTHING',
		TG_TABLE_SCHEMA, TG_TABLE_NAME,
		(SELECT pg_catalog.string_agg(pg_catalog.format('%L, g.%I', k, k), ', ')
		   FROM pg_catalog.unnest(TG_ARGV) AS k),
		CASE WHEN TG_OP OPERATOR(pg_catalog.=) 'UPDATE' THEN
			'WHERE NOT EXISTS (SELECT FROM kept AS n WHERE ' ||
			(SELECT pg_catalog.string_agg(pg_catalog.format(
					   'n.%I IS NOT DISTINCT FROM g.%I', k, k), ' AND ')
			   FROM pg_catalog.unnest(TG_ARGV) AS k) || ')'
		ELSE '' END);
	RETURN NULL;
END
$$;
-- fired as a trigger only (a trigger's firing needs no EXECUTE)
REVOKE EXECUTE ON FUNCTION @extschema@.reference_rows_deleted() FROM PUBLIC;
COMMENT ON FUNCTION @extschema@.reference_rows_deleted() IS
  'Trigger: keeps the keys of deleted reference rows in reference_deleted (arguments: the key columns), so that a restore does not bring shipped rows back';

CREATE FUNCTION @extschema@.reference_deletions_restored()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	t text;
	cond text;
BEGIN
	-- added is the statement's NEW TABLE; the CHECK names the tables
	FOR t IN SELECT DISTINCT a.table_name FROM added AS a LOOP
		SELECT pg_catalog.string_agg(pg_catalog.format(
				   'r.%I OPERATOR(pg_catalog.=) (pg_catalog.jsonb_populate_record(NULL::%I.%I, a.key)).%I',
				   k, TG_TABLE_SCHEMA, t, k), ' AND ')
		  INTO cond
		  FROM pg_catalog.jsonb_object_keys(
				   (SELECT a.key FROM added AS a WHERE a.table_name OPERATOR(pg_catalog.=) t LIMIT 1)) AS k;
		EXECUTE pg_catalog.format(
			'DELETE FROM %I.%I AS r USING added AS a '
			'WHERE a.table_name OPERATOR(pg_catalog.=) %L AND r.builtin AND %s',
			TG_TABLE_SCHEMA, t, t, cond);
	END LOOP;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.reference_deletions_restored() IS
  'Trigger: a key restored into reference_deleted deletes the shipped reference row with that key';

CREATE TRIGGER reference_deletions_restored AFTER INSERT ON @extschema@.reference_deleted
	REFERENCING NEW TABLE AS added
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_deletions_restored();
CREATE TRIGGER reference_rows_deleted AFTER DELETE ON @extschema@.rule
	REFERENCING OLD TABLE AS gone
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_rows_deleted('rule_id');
CREATE TRIGGER reference_keys_changed AFTER UPDATE ON @extschema@.rule
	REFERENCING OLD TABLE AS gone NEW TABLE AS kept
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_rows_deleted('rule_id');
CREATE TRIGGER reference_rows_deleted AFTER DELETE ON @extschema@.payer_policy
	REFERENCING OLD TABLE AS gone
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_rows_deleted('payer_id', 'effective_from');
CREATE TRIGGER reference_keys_changed AFTER UPDATE ON @extschema@.payer_policy
	REFERENCING OLD TABLE AS gone NEW TABLE AS kept
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_rows_deleted('payer_id', 'effective_from');
CREATE TRIGGER reference_rows_deleted AFTER DELETE ON @extschema@.covered_dx
	REFERENCING OLD TABLE AS gone
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_rows_deleted('payer_id', 'icd10');
CREATE TRIGGER reference_keys_changed AFTER UPDATE ON @extschema@.covered_dx
	REFERENCING OLD TABLE AS gone NEW TABLE AS kept
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_rows_deleted('payer_id', 'icd10');
CREATE TRIGGER reference_rows_deleted AFTER DELETE ON @extschema@.icd10
	REFERENCING OLD TABLE AS gone
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_rows_deleted('code');
CREATE TRIGGER reference_keys_changed AFTER UPDATE ON @extschema@.icd10
	REFERENCING OLD TABLE AS gone NEW TABLE AS kept
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_rows_deleted('code');
CREATE TRIGGER reference_rows_deleted AFTER DELETE ON @extschema@.injectate
	REFERENCING OLD TABLE AS gone
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_rows_deleted('name');
CREATE TRIGGER reference_keys_changed AFTER UPDATE ON @extschema@.injectate
	REFERENCING OLD TABLE AS gone NEW TABLE AS kept
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_rows_deleted('name');
CREATE TRIGGER reference_rows_deleted AFTER DELETE ON @extschema@.muscle
	REFERENCING OLD TABLE AS gone
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_rows_deleted('name');
CREATE TRIGGER reference_keys_changed AFTER UPDATE ON @extschema@.muscle
	REFERENCING OLD TABLE AS gone NEW TABLE AS kept
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_rows_deleted('name');
CREATE TRIGGER reference_rows_deleted AFTER DELETE ON @extschema@.rvu
	REFERENCING OLD TABLE AS gone
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_rows_deleted('release', 'hcpcs', 'modifier');
CREATE TRIGGER reference_keys_changed AFTER UPDATE ON @extschema@.rvu
	REFERENCING OLD TABLE AS gone NEW TABLE AS kept
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_rows_deleted('release', 'hcpcs', 'modifier');
CREATE TRIGGER reference_rows_deleted AFTER DELETE ON @extschema@.conversion_factor
	REFERENCING OLD TABLE AS gone
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_rows_deleted('effective_from', 'kind');
CREATE TRIGGER reference_keys_changed AFTER UPDATE ON @extschema@.conversion_factor
	REFERENCING OLD TABLE AS gone NEW TABLE AS kept
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_rows_deleted('effective_from', 'kind');
CREATE TRIGGER reference_rows_deleted AFTER DELETE ON @extschema@.gpci
	REFERENCING OLD TABLE AS gone
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_rows_deleted('release', 'locality');
CREATE TRIGGER reference_keys_changed AFTER UPDATE ON @extschema@.gpci
	REFERENCING OLD TABLE AS gone NEW TABLE AS kept
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_rows_deleted('release', 'locality');

SELECT pg_catalog.pg_extension_config_dump('@extschema@.reference_deleted', '');
