-- Rolling windows and frequency caps (SPEC sections 5 to 7): the
-- sessions_in_window window function, the frequency_check aggregate and
-- next_eligible_date.  A session is one patient's date of service with a
-- 20552/20553 line; windows are (d - window, d] in PostgreSQL's own
-- date - interval arithmetic.

CREATE FUNCTION @extschema@.sessions_in_window(date_of_service date, window_length interval)
RETURNS integer
AS 'MODULE_PATHNAME', 'tpi_sessions_in_window'
LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sessions_in_window(date, interval) IS
  'Window function, OVER (PARTITION BY patient_id ORDER BY date_of_service): distinct dates of service in (date - window_length, date] in the partition, duplicates once; NULL date or length gives NULL; dates going down, infinite dates, a zero or negative length are errors';

-- frequency_check: internal state (a list of (date, regions, payer)) with
-- combine and serialize functions, so it runs in parallel workers; Citus
-- pushes it down whole when the query groups by the distribution column
-- (patient_id), which is how it is meant to be used.
CREATE FUNCTION @extschema@.frequency_check_trans(internal, date, text[], text)
RETURNS internal
AS 'MODULE_PATHNAME', 'tpi_frequency_check_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.frequency_check_trans(internal, date, text[], text) IS
  'Transition function of frequency_check: collects one TPI line (date, regions, payer)';

CREATE FUNCTION @extschema@.frequency_check_combine(internal, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'tpi_frequency_check_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.frequency_check_combine(internal, internal) IS
  'Combine function of frequency_check: merges two partial states';

CREATE FUNCTION @extschema@.frequency_check_serialize(internal)
RETURNS bytea
AS 'MODULE_PATHNAME', 'tpi_frequency_check_serialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.frequency_check_serialize(internal) IS
  'Serialize function of frequency_check (format version 1)';

CREATE FUNCTION @extschema@.frequency_check_deserialize(bytea, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'tpi_frequency_check_deserialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.frequency_check_deserialize(bytea, internal) IS
  'Deserialize function of frequency_check; rejects damaged values';

CREATE FUNCTION @extschema@.frequency_check_final(internal)
RETURNS @extschema@.finding[]
AS 'MODULE_PATHNAME', 'tpi_frequency_check_final'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.frequency_check_final(internal) IS
  'Final function of frequency_check: judges every session by its payer''s policy (reads payer_policy)';

CREATE AGGREGATE @extschema@.frequency_check(date, text[], text) (
	SFUNC = @extschema@.frequency_check_trans,
	STYPE = internal,
	SSPACE = 300,
	FINALFUNC = @extschema@.frequency_check_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.frequency_check_combine,
	SERIALFUNC = @extschema@.frequency_check_serialize,
	DESERIALFUNC = @extschema@.frequency_check_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.frequency_check(date, text[], text) IS
  'Over one patient''s TPI lines (date_of_service, regions(muscles), payer_id), in any order: a freq.rolling_cap finding for every session beyond its payer''s cap in its window (per region where the policy says so) and a freq.min_interval finding for every session too soon after the previous one; lines on one date are one session; every session counts whatever its payer; NULL, infinite and implausible dates (outside years 100 to 3899) are skipped; NULL or empty regions form a bucket of their own for region-scoped policies; NULL payer_id is checked as an unknown payer; empty array when nothing is wrong';

CREATE FUNCTION @extschema@.next_eligible_date(dates date[], payer_id text, as_of date)
RETURNS date
AS 'MODULE_PATHNAME', 'tpi_next_eligible_date'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.next_eligible_date(date[], text, date) IS
  'The first date on or after as_of on which one more session keeps within the cap and minimum interval of payer_id''s policy in effect on as_of, taking all given sessions to be in one region; NULL array = no sessions; NULL payer_id or as_of gives NULL';
