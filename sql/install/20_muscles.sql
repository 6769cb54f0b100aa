-- Muscles and code choice (SPEC sections 4 and 5).  Every function that
-- reads the muscle catalogue is STABLE: the catalogue is a table users edit.

CREATE FUNCTION @extschema@.parse_muscle(entry text,
	OUT muscle text, OUT side text, OUT region text, OUT kind text)
AS 'MODULE_PATHNAME', 'tpi_parse_muscle'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.parse_muscle(text) IS
  'One documented muscle entry: canonical muscle (the normalised text if unknown), side (left, right, bilateral or NULL), anatomical region, kind (muscle, group, region, unknown); all NULL for a blank entry';

CREATE FUNCTION @extschema@.muscle_count(muscles text[])
RETURNS integer
AS 'MODULE_PATHNAME', 'tpi_muscle_count'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.muscle_count(text[]) IS
  'Distinct muscles documented: one per (muscle, side), bilateral counts two, group terms one per side, region terms none, unknown entries one per name and side; 0 for NULL or empty';

CREATE FUNCTION @extschema@.pick_code(muscles text[])
RETURNS text
AS 'MODULE_PATHNAME', 'tpi_pick_code'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.pick_code(text[]) IS
  'The TPI code the documented muscles support: NULL for 0 muscles, 20552 for 1-2, 20553 for 3 or more';

CREATE FUNCTION @extschema@.regions(muscles text[])
RETURNS text[]
AS 'MODULE_PATHNAME', 'tpi_regions'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.regions(text[]) IS
  'The distinct anatomical regions of the documented muscles and group terms, sorted (region terms and unknown entries add none); empty when none';

-- Aggregates over one row per documented entry.
CREATE FUNCTION @extschema@.muscle_agg_trans(internal, text)
RETURNS internal
AS 'MODULE_PATHNAME', 'tpi_muscle_agg_trans'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.muscle_agg_trans(internal, text) IS
  'Transition function of muscle_count_agg and pick_code_agg';

CREATE FUNCTION @extschema@.muscle_agg_combine(internal, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'tpi_muscle_agg_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.muscle_agg_combine(internal, internal) IS
  'Combine function of muscle_count_agg and pick_code_agg (parallel aggregation)';

CREATE FUNCTION @extschema@.muscle_agg_serialize(internal)
RETURNS bytea
AS 'MODULE_PATHNAME', 'tpi_muscle_agg_serialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.muscle_agg_serialize(internal) IS
  'Serialises the state of muscle_count_agg and pick_code_agg for parallel workers';

CREATE FUNCTION @extschema@.muscle_agg_deserialize(bytea, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'tpi_muscle_agg_deserialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.muscle_agg_deserialize(bytea, internal) IS
  'Deserialises the state of muscle_count_agg and pick_code_agg, checking its format';

CREATE FUNCTION @extschema@.muscle_count_agg_final(internal)
RETURNS integer
AS 'MODULE_PATHNAME', 'tpi_muscle_count_agg_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.muscle_count_agg_final(internal) IS
  'Final function of muscle_count_agg: the distinct muscles (0 for an empty group)';

CREATE FUNCTION @extschema@.pick_code_agg_final(internal)
RETURNS text
AS 'MODULE_PATHNAME', 'tpi_pick_code_agg_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.pick_code_agg_final(internal) IS
  'Final function of pick_code_agg: NULL, 20552 or 20553';

CREATE AGGREGATE @extschema@.muscle_count_agg(text) (
	SFUNC = @extschema@.muscle_agg_trans,
	STYPE = internal,
	FINALFUNC = @extschema@.muscle_count_agg_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.muscle_agg_combine,
	SERIALFUNC = @extschema@.muscle_agg_serialize,
	DESERIALFUNC = @extschema@.muscle_agg_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.muscle_count_agg(text) IS
  'muscle_count over one row per documented entry (NULL rows ignored; 0 for an empty group)';

CREATE AGGREGATE @extschema@.pick_code_agg(text) (
	SFUNC = @extschema@.muscle_agg_trans,
	STYPE = internal,
	FINALFUNC = @extschema@.pick_code_agg_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.muscle_agg_combine,
	SERIALFUNC = @extschema@.muscle_agg_serialize,
	DESERIALFUNC = @extschema@.muscle_agg_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.pick_code_agg(text) IS
  'pick_code over one row per documented entry (NULL for no muscles)';
