-- The rule engine (SPEC sections 5 and 6): line rules, day rules and the
-- audit over any table or view with the claim_line column names.

CREATE FUNCTION @extschema@.check_line(@extschema@.claim_line)
RETURNS SETOF @extschema@.finding
AS 'MODULE_PATHNAME', 'tpi_check_line'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.check_line(@extschema@.claim_line) IS
  'Findings of the rules that need only the line and the reference data (muscle count and code, documentation, units, modifiers, drug, diagnosis, guidance, input.invalid); a NULL row gives none';

CREATE FUNCTION @extschema@.audit(claims regclass, from_date date DEFAULT NULL,
								  to_date date DEFAULT NULL)
RETURNS TABLE (claim_id text, line_no smallint, patient_id text,
			   date_of_service date, rule_id text,
			   severity @extschema@.severity, message text)
AS 'MODULE_PATHNAME', 'tpi_audit'
LANGUAGE C STABLE PARALLEL RESTRICTED;
COMMENT ON FUNCTION @extschema@.audit(regclass, date, date) IS
  'Every rule (line, day, frequency) over the lines of a table or view with the claim_line column names, dates of service from from_date to to_date (NULL: unbounded); frequency rules also count the sessions before from_date; ordered by patient, date, claim_id, line_no';
