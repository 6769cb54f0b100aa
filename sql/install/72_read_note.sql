-- Procedure notes (SPEC section 12): read_note() turns a free-text note
-- into the documentation columns of a claim line, so that claims joined to
-- their notes can be audited.  STABLE: it reads the muscle and injectate
-- catalogues.

CREATE TYPE @extschema@.note_facts AS (
	muscles text[],
	trigger_points integer,
	drug_name text,
	drug_dose text,
	note_signed boolean,
	post_procedure_plan boolean,
	conservative_care boolean,
	tp_locations boolean,
	guidance text
);
COMMENT ON TYPE @extschema@.note_facts IS
  'The documentation columns read from a procedure note by read_note(): the claim_line columns of the same names';

CREATE FUNCTION @extschema@.read_note(note text)
RETURNS @extschema@.note_facts
AS 'MODULE_PATHNAME', 'tpi_read_note'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.read_note(text) IS
  'Reads a free-text procedure note: the muscles injected in this procedure (one entry per muscle and side, as parse_muscle reads them; empty when no injection is recorded; negated, declined, deferred, historical and planned mentions left out), the trigger points stated (a total wins over the sum of per-muscle counts; NULL when none), the injected drugs by generic name and their doses as written (joined with " + "; "none" for dry needling), whether it is signed, has a post-procedure plan, names conservative care and locates the trigger points, and the imaging guidance (none, ultrasound, fluoroscopy, ct, mri)';
