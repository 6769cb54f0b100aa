-- Payer map and rule settings (SPEC section 13).  Both hold only user
-- rows (nothing is shipped), so pg_dump saves all of them; reads and
-- writes are the owner's, like the other reference tables (99_grants).
-- The rule engine caches both per backend; the statement trigger
-- reference_changed() makes every session rebuild at its next statement.

CREATE TABLE @extschema@.payer_map (
	source_id	text PRIMARY KEY,
	payer_id	text NOT NULL
);
COMMENT ON TABLE @extschema@.payer_map IS
  'External payer identifiers (837P 2010BB NM109, a warehouse payer code) mapped to a payer_policy payer_id: a payer_id that is no policy''s is looked up here before commercial_default applies';
COMMENT ON COLUMN @extschema@.payer_map.source_id IS 'The payer_id as claims carry it';
COMMENT ON COLUMN @extschema@.payer_map.payer_id IS 'The payer_policy payer_id whose policy applies (an unknown one falls back to commercial_default)';

CREATE TABLE @extschema@.rule_setting (
	payer_id	text,
	rule_id		text NOT NULL,
	enabled		boolean NOT NULL DEFAULT true,
	severity	@extschema@.severity,
	UNIQUE NULLS NOT DISTINCT (payer_id, rule_id)
);
COMMENT ON TABLE @extschema@.rule_setting IS
  'Per-payer rule switches: enabled = false drops the rule''s findings for the payer; severity replaces the catalogue''s. A row for the payer wins over a row with NULL payer_id, which wins over tpi_rules.rule';
COMMENT ON COLUMN @extschema@.rule_setting.payer_id IS 'The claim line''s payer_id, or the payer_policy payer_id it maps to; NULL: every payer';
COMMENT ON COLUMN @extschema@.rule_setting.rule_id IS 'A rule of tpi_rules.rule (an unknown rule_id changes nothing)';
COMMENT ON COLUMN @extschema@.rule_setting.enabled IS 'false: the rule''s findings are dropped for this payer';
COMMENT ON COLUMN @extschema@.rule_setting.severity IS 'Severity of the rule''s findings for this payer; NULL: the catalogue''s (tpi_rules.rule.severity)';

SELECT pg_catalog.pg_extension_config_dump('@extschema@.payer_map', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.rule_setting', '');

CREATE TRIGGER reference_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON @extschema@.payer_map
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_changed();
CREATE TRIGGER reference_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON @extschema@.rule_setting
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_changed();

CREATE FUNCTION @extschema@.effective_severity(rule_id text, payer_id text)
RETURNS @extschema@.severity
AS 'MODULE_PATHNAME', 'tpi_effective_severity'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.effective_severity(text, text) IS
  'The severity a rule''s findings get for a payer_id, as audit() and the guard judge it: the payer''s rule_setting row, else that of the payer_policy payer it is judged by, else the NULL-payer row, else tpi_rules.rule; NULL when the rule is switched off for that payer. NULL payer_id: the rows for every payer. An unknown rule_id is an error';
