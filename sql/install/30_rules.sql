-- The rule engine (SPEC sections 5 and 6): line rules, day rules and the
-- audit over any table or view with the claim_line column names.

CREATE FUNCTION @extschema@.check_line(@extschema@.claim_line)
RETURNS SETOF @extschema@.finding
AS 'MODULE_PATHNAME', 'tpi_check_line'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.check_line(@extschema@.claim_line) IS
  'Findings of the rules that need only the line and the reference data (muscle count and code, documentation, units, modifiers, drug, diagnosis, guidance, input.invalid); a NULL row gives none';

-- check_day collects the day's lines in a plain array, so the state crosses
-- parallel workers and shards without serialisation; the C final function
-- runs the day rules over them.
CREATE FUNCTION @extschema@.check_day_final(@extschema@.claim_line[])
RETURNS @extschema@.finding[]
AS 'MODULE_PATHNAME', 'tpi_check_day_final'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.check_day_final(@extschema@.claim_line[]) IS
  'Final function of check_day(): the day rules over the collected lines; ''{}'' when there are none';

CREATE FUNCTION @extschema@.check_day_accum(@extschema@.claim_line[], @extschema@.claim_line)
RETURNS @extschema@.claim_line[]
AS 'MODULE_PATHNAME', 'tpi_check_day_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.check_day_accum(@extschema@.claim_line[], @extschema@.claim_line) IS
  'Transition function of check_day(): appends the line to a flat array (array_append''s per-group expanded arrays make hash aggregation quadratic)';

CREATE AGGREGATE @extschema@.check_day(@extschema@.claim_line) (
	SFUNC = @extschema@.check_day_accum,
	STYPE = @extschema@.claim_line[],
	COMBINEFUNC = pg_catalog.array_cat,
	FINALFUNC = @extschema@.check_day_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.check_day(@extschema@.claim_line) IS
  'Findings of the rules across all lines of one patient on one date (GROUP BY patient_id, date_of_service), ordered by claim_id, line_no, rule_id; ''{}'' when none (also for no rows or a day without a TPI line)';

CREATE FUNCTION @extschema@.audit(claims regclass, from_date date DEFAULT NULL,
								  to_date date DEFAULT NULL)
RETURNS TABLE (claim_id text, line_no smallint, patient_id text,
			   date_of_service date, rule_id text,
			   severity @extschema@.severity, message text)
AS 'MODULE_PATHNAME', 'tpi_audit'
LANGUAGE C STABLE PARALLEL RESTRICTED;
COMMENT ON FUNCTION @extschema@.audit(regclass, date, date) IS
  'Every rule (line, day, frequency) over the lines of a table or view with the claim_line column names, dates of service from from_date to to_date (NULL: unbounded); frequency rules also count the sessions before from_date; ordered by patient, date, claim_id, line_no';
