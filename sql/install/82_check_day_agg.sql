-- check_day(claim_line) itself: its support functions are in 82_check_day.sql;
-- the update from 1.0 replaces the aggregate in place (CREATE OR REPLACE), so
-- a user's view over it is kept.

CREATE AGGREGATE @extschema@.check_day(@extschema@.claim_line) (
	SFUNC = @extschema@.check_day_accum,
	STYPE = internal,
	COMBINEFUNC = @extschema@.check_day_combine,
	SERIALFUNC = @extschema@.check_day_serialize,
	DESERIALFUNC = @extschema@.check_day_deserialize,
	FINALFUNC = @extschema@.check_day_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.check_day(@extschema@.claim_line) IS
  'Findings of the rules across all lines of one patient on one date (GROUP BY patient_id, date_of_service), ordered by claim_id, line_no, rule_id; ''{}'' when none (also for no rows or a day without a TPI line)';
