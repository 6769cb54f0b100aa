-- check_day() keeps its lines in an internal growable state instead of a
-- claim_line[] copied whole per row (quadratic in the group's lines).  A
-- user object that uses check_day() must be dropped before the update and
-- created again after it.
DROP AGGREGATE @extschema@.check_day(@extschema@.claim_line);
DROP FUNCTION @extschema@.check_day_accum(@extschema@.claim_line[], @extschema@.claim_line);
DROP FUNCTION @extschema@.check_day_final(@extschema@.claim_line[]);
-- @include sql/install/82_check_day.sql
