-- Internal helpers of the C core.

CREATE FUNCTION @extschema@.rule_severity_c(rule_id text)
RETURNS text
AS 'MODULE_PATHNAME', 'tpi_rule_severity_c'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rule_severity_c(text) IS
  'Severity of a rule as compiled into the C engine (NULL if unknown); tests check it agrees with tpi_rules.rule';
