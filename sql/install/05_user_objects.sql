-- User objects on the extension's tables survive pg_dump and restore.
--
-- pg_dump saves only the rows of an extension's tables (the ones registered
-- with pg_extension_config_dump), never their definitions: an index, trigger,
-- constraint or rule a user adds to tpi_rules.claim_line, finding_log, a
-- reference table or mv_audit would be silently missing after a restore
-- (claims kept in claim_line would lose their guard).  The tables stay
-- extension members (the rule functions take tpi_rules.claim_line's row type
-- and mv_audit reads it, so CREATE EXTENSION must make them), and instead:
--   * an event trigger keeps tpi_rules.table_object equal to the indexes,
--     triggers, constraints and rules on the extension's tables, each with
--     the statement that creates it; rows of objects the extension's own
--     scripts make are builtin, the others are the user's;
--   * pg_dump saves the user's rows (WHERE NOT builtin), and restoring them
--     runs their statements (a trigger on table_object), so the user's
--     objects come back right after the extension's tables got their data.

CREATE TABLE @extschema@.table_object (
	table_name	text NOT NULL,
	kind		text NOT NULL CHECK (kind IN ('index', 'trigger', 'constraint', 'rule')),
	name		text NOT NULL,
	definition	text NOT NULL,
	builtin		boolean NOT NULL DEFAULT false,
	PRIMARY KEY (table_name, kind, name)
);
COMMENT ON TABLE @extschema@.table_object IS
  'Indexes, triggers, constraints and rules on the extension''s tables, kept by an event trigger; the user''s rows (builtin false) are dumped, and restoring them re-creates the objects';
COMMENT ON COLUMN @extschema@.table_object.definition IS
  'The statement that creates the object (pg_get_indexdef, pg_get_triggerdef, ...)';
COMMENT ON COLUMN @extschema@.table_object.builtin IS
  'Made by the extension''s install or update script (not dumped); false for the user''s objects';

-- The objects on the extension's tables now, with their statements.
CREATE FUNCTION @extschema@.table_objects()
RETURNS TABLE (table_name text, kind text, name text, definition text)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
	WITH tab AS (
		SELECT c.oid, c.oid::regclass::text AS table_name
		  FROM pg_depend AS d JOIN pg_class AS c ON c.oid = d.objid
		 WHERE d.classid = 'pg_class'::regclass AND d.deptype = 'e'
		   AND d.refclassid = 'pg_extension'::regclass
		   AND d.refobjid = (SELECT e.oid FROM pg_extension AS e WHERE e.extname = 'tpi_rules')
		   AND c.relkind IN ('r', 'p', 'm'))
	SELECT t.table_name, 'index', i.relname::text, pg_catalog.pg_get_indexdef(x.indexrelid)
	  FROM tab AS t JOIN pg_index AS x ON x.indrelid = t.oid
	  JOIN pg_class AS i ON i.oid = x.indexrelid
	 WHERE NOT EXISTS (SELECT FROM pg_constraint AS k WHERE k.conindid = x.indexrelid
						  AND k.conrelid = t.oid AND k.contype IN ('p', 'u', 'x'))
	UNION ALL
	-- a disabled (or replica/always) trigger is restored in that state
	SELECT t.table_name, 'trigger', g.tgname::text,
		   pg_catalog.pg_get_triggerdef(g.oid) ||
		   CASE g.tgenabled
			   WHEN 'D' THEN pg_catalog.format('; ALTER TABLE %s DISABLE TRIGGER %I', t.table_name, g.tgname)
			   WHEN 'R' THEN pg_catalog.format('; ALTER TABLE %s ENABLE REPLICA TRIGGER %I', t.table_name, g.tgname)
			   WHEN 'A' THEN pg_catalog.format('; ALTER TABLE %s ENABLE ALWAYS TRIGGER %I', t.table_name, g.tgname)
			   ELSE '' END
	  FROM tab AS t JOIN pg_trigger AS g ON g.tgrelid = t.oid AND NOT g.tgisinternal
	UNION ALL
	SELECT t.table_name, 'constraint', k.conname::text,
		   pg_catalog.format('ALTER TABLE %s ADD CONSTRAINT %I %s', t.table_name, k.conname, pg_catalog.pg_get_constraintdef(k.oid))
	  FROM tab AS t JOIN pg_constraint AS k ON k.conrelid = t.oid AND k.contype <> 't'
	UNION ALL
	SELECT t.table_name, 'rule', r.rulename::text, pg_catalog.pg_get_ruledef(r.oid)
	  FROM tab AS t JOIN pg_rewrite AS r ON r.ev_class = t.oid AND r.rulename <> '_RETURN'
$$;
COMMENT ON FUNCTION @extschema@.table_objects() IS
  'The indexes, triggers, constraints and rules on the extension''s tables, with the statement that creates each';

-- Bring table_object up to date; new objects get builtin = as_builtin.
-- One statement, so the catalogues are read once.
CREATE FUNCTION @extschema@.record_table_objects(as_builtin boolean)
RETURNS integer
LANGUAGE sql
SET search_path = pg_catalog, pg_temp
AS $$
	WITH n AS MATERIALIZED (SELECT * FROM @extschema@.table_objects()),
	del AS (
		DELETE FROM @extschema@.table_object AS o
		 WHERE NOT EXISTS (SELECT FROM n WHERE (n.table_name, n.kind, n.name) = (o.table_name, o.kind, o.name))
		RETURNING 1),
	upd AS (
		UPDATE @extschema@.table_object AS o SET definition = n.definition
		  FROM n
		 WHERE (n.table_name, n.kind, n.name) = (o.table_name, o.kind, o.name)
		   AND n.definition <> o.definition
		RETURNING 1),
	ins AS (
		INSERT INTO @extschema@.table_object (table_name, kind, name, definition, builtin)
		SELECT n.table_name, n.kind, n.name, n.definition, as_builtin
		  FROM n
		 WHERE NOT EXISTS (SELECT FROM @extschema@.table_object AS o
							WHERE (n.table_name, n.kind, n.name) = (o.table_name, o.kind, o.name))
		RETURNING 1)
	SELECT ((SELECT pg_catalog.count(*) FROM del) + (SELECT pg_catalog.count(*) FROM upd)
			+ (SELECT pg_catalog.count(*) FROM ins))::integer
$$;
COMMENT ON FUNCTION @extschema@.record_table_objects(boolean) IS
  'Brings tpi_rules.table_object up to date with the objects on the extension''s tables (new ones are recorded with builtin = the argument); returns the number of rows changed';
-- Only the event trigger may decide which objects are the extension's.
REVOKE EXECUTE ON FUNCTION @extschema@.record_table_objects(boolean) FROM PUBLIC;

-- The event trigger runs for every role's DDL; it writes table_object as
-- the extension's owner (a role with only the TRIGGER privilege on
-- claim_line may add a trigger, and other roles' DDL must not fail here).
-- It reads nothing but the catalogues and the event.
CREATE FUNCTION @extschema@.table_objects_changed()
RETURNS event_trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	as_builtin boolean;
BEGIN
	-- restore_table_object() is re-creating a dumped object: its row is there
	IF pg_catalog.current_setting('tpi_rules.restoring_object', true) = 'on' THEN
		RETURN;
	END IF;
	-- Only objects of the extension's schema matter: an index's or table's
	-- schema, or "name on schema.table" for a trigger, rule or constraint.
	-- Other DDL (temporary tables of applications, say) returns at once.
	IF TG_EVENT = 'sql_drop' THEN
		IF NOT EXISTS (SELECT FROM pg_catalog.pg_event_trigger_dropped_objects() AS d
						WHERE d.object_type IN ('index', 'trigger', 'table constraint', 'rule')
						  AND (d.schema_name = '@extschema@' OR pg_catalog.strpos(d.object_identity, ' on @extschema@.') > 0)) THEN
			RETURN;
		END IF;
		as_builtin := false;
	ELSE
		-- commands of the extension's own scripts make builtin objects
		SELECT pg_catalog.bool_or(c.in_extension) INTO as_builtin
		  FROM pg_catalog.pg_event_trigger_ddl_commands() AS c
		 WHERE c.object_type IN ('index', 'trigger', 'table', 'materialized view',
								 'rule', 'table constraint')
		   AND (c.schema_name = '@extschema@' OR pg_catalog.strpos(c.object_identity, ' on @extschema@.') > 0);
		IF as_builtin IS NULL THEN
			RETURN;
		END IF;
	END IF;
	-- DROP EXTENSION: the table is going away with everything else
	IF pg_catalog.to_regclass('@extschema@.table_object') IS NULL THEN
		RETURN;
	END IF;
	PERFORM @extschema@.record_table_objects(as_builtin);
END
$$;
REVOKE EXECUTE ON FUNCTION @extschema@.table_objects_changed() FROM PUBLIC;
COMMENT ON FUNCTION @extschema@.table_objects_changed() IS
  'Event trigger: records a change of the indexes, triggers, constraints or rules on the extension''s tables in tpi_rules.table_object';

-- Restoring a dumped user row re-creates its object (unless it exists).
CREATE FUNCTION @extschema@.restore_table_object()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF NEW.builtin OR EXISTS (SELECT FROM @extschema@.table_objects() AS n
							   WHERE (n.table_name, n.kind, n.name) = (NEW.table_name, NEW.kind, NEW.name)) THEN
		RETURN NULL;
	END IF;
	PERFORM pg_catalog.set_config('tpi_rules.restoring_object', 'on', true);
	EXECUTE NEW.definition;
	PERFORM pg_catalog.set_config('tpi_rules.restoring_object', 'off', true);
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.restore_table_object() IS
  'Trigger: a user row inserted into tpi_rules.table_object (by a restore) re-creates its object';

CREATE TRIGGER restore_table_object AFTER INSERT ON @extschema@.table_object
	FOR EACH ROW EXECUTE FUNCTION @extschema@.restore_table_object();

SELECT pg_catalog.pg_extension_config_dump('@extschema@.table_object', 'WHERE NOT builtin');

CREATE EVENT TRIGGER tpi_rules_table_objects ON ddl_command_end
	EXECUTE FUNCTION @extschema@.table_objects_changed();
CREATE EVENT TRIGGER tpi_rules_table_objects_dropped ON sql_drop
	EXECUTE FUNCTION @extschema@.table_objects_changed();

COMMENT ON EVENT TRIGGER tpi_rules_table_objects IS
  'Records new and changed indexes, triggers, constraints and rules on tpi_rules tables in tpi_rules.table_object';
COMMENT ON EVENT TRIGGER tpi_rules_table_objects_dropped IS
  'Forgets dropped indexes, triggers, constraints and rules of tpi_rules tables in tpi_rules.table_object';

-- Everything on the extension's tables so far is the extension's own.
SELECT @extschema@.record_table_objects(true);
