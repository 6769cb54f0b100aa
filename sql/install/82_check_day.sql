-- check_day(claim_line): the day rules over the lines of one patient and
-- date (SPEC section 5).  The state is an internal growable vector of the
-- group's rows (src/engine/rowlist.c, shared by aggregates that collect
-- rows): linear in the lines, whatever the size of the group; serialised
-- for parallel workers.

CREATE FUNCTION @extschema@.check_day_accum(internal, @extschema@.claim_line)
RETURNS internal
AS 'MODULE_PATHNAME', 'tpi_rowlist_trans'
LANGUAGE C PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.check_day_accum(internal, @extschema@.claim_line) IS
  'Transition function of check_day(): appends a copy of the line to the group''s state';

CREATE FUNCTION @extschema@.check_day_combine(internal, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'tpi_rowlist_combine'
LANGUAGE C PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.check_day_combine(internal, internal) IS
  'Combine function of check_day(): the lines of two partial states together';

CREATE FUNCTION @extschema@.check_day_serialize(internal)
RETURNS bytea
AS 'MODULE_PATHNAME', 'tpi_rowlist_serialize'
LANGUAGE C STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.check_day_serialize(internal) IS
  'Serialize function of check_day(): the state as bytes for a parallel worker';

CREATE FUNCTION @extschema@.check_day_deserialize(bytea, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'tpi_rowlist_deserialize'
LANGUAGE C STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.check_day_deserialize(bytea, internal) IS
  'Deserialize function of check_day(): checks the bytes and rebuilds the state';

CREATE FUNCTION @extschema@.check_day_final(internal)
RETURNS @extschema@.finding[]
AS 'MODULE_PATHNAME', 'tpi_check_day_rows_final'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.check_day_final(internal) IS
  'Final function of check_day(): the day rules over the collected lines; ''{}'' when there are none';
