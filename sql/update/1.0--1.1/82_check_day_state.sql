-- check_day() keeps its lines in an internal growable state instead of a
-- claim_line[] copied whole per row (quadratic in the group's lines).  The
-- aggregate is replaced in place, so a user's view that calls it is kept;
-- then 1.0's support functions go.  The comment is 1.0's.
-- @include sql/install/82_check_day.sql
-- @replace sql/install/82_check_day_agg.sql @extschema@.check_day
DROP FUNCTION @extschema@.check_day_accum(@extschema@.claim_line[], @extschema@.claim_line);
DROP FUNCTION @extschema@.check_day_final(@extschema@.claim_line[]);
