-- audit_patient (SPEC sections 5 and 14): every rule over one patient's
-- lines, GROUP BY patient_id, the same findings audit() gives for that
-- patient.  Internal state (the group's lines, src/engine/rowlist.c, whose
-- four support functions check_day() uses too) with combine, serialize and
-- deserialize, so partial aggregation runs in parallel workers and, over a
-- table hash-partitioned by patient_id with enable_partitionwise_aggregate,
-- each partition's groups are aggregated in a worker of its own.  The rules
-- run in the final function (STABLE: it reads the reference tables).
CREATE FUNCTION @extschema@.audit_patient_trans(internal, @extschema@.claim_line)
RETURNS internal
AS 'MODULE_PATHNAME', 'tpi_rowlist_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.audit_patient_trans(internal, @extschema@.claim_line) IS
  'Transition function of audit_patient: keeps a copy of the line';

CREATE FUNCTION @extschema@.audit_patient_combine(internal, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'tpi_rowlist_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.audit_patient_combine(internal, internal) IS
  'Combine function of audit_patient: concatenates two partial lists of lines';

CREATE FUNCTION @extschema@.audit_patient_serialize(internal)
RETURNS bytea
AS 'MODULE_PATHNAME', 'tpi_rowlist_serialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.audit_patient_serialize(internal) IS
  'Serialize function of audit_patient (format version 1)';

CREATE FUNCTION @extschema@.audit_patient_deserialize(bytea, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'tpi_rowlist_deserialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.audit_patient_deserialize(bytea, internal) IS
  'Deserialize function of audit_patient; rejects damaged values';

CREATE FUNCTION @extschema@.audit_patient_final(internal)
RETURNS @extschema@.finding[]
AS 'MODULE_PATHNAME', 'tpi_audit_patient_final'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.audit_patient_final(internal) IS
  'Final function of audit_patient: runs the line, day and frequency rules over the lines (reads the reference tables)';

CREATE AGGREGATE @extschema@.audit_patient(@extschema@.claim_line) (
	SFUNC = @extschema@.audit_patient_trans,
	STYPE = internal,
	SSPACE = 4096,
	FINALFUNC = @extschema@.audit_patient_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.audit_patient_combine,
	SERIALFUNC = @extschema@.audit_patient_serialize,
	DESERIALFUNC = @extschema@.audit_patient_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.audit_patient(@extschema@.claim_line) IS
  'Over one patient''s lines (GROUP BY patient_id), in any order: every finding of the line, day and frequency rules, as audit() gives them for that patient and in its order (date, claim_id, line_no, rule_id); lines with a NULL patient_id get the line rules only; NULL rows are skipped; empty array when nothing is wrong';
