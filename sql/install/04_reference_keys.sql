-- Codes and names written into the reference tables the way users have
-- them: a diagnosis list copied from an LCD article has dots ('M79.18') and
-- a muscle may be typed capitalised.  The rules look codes up without the
-- dot, upper case, and muscles lower case; rather than refuse such rows,
-- the key is stored in that form (the CHECK constraints then still refuse
-- what is not a code or name at all).
CREATE FUNCTION @extschema@.reference_key_normalised()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	v text;
BEGIN
	-- TG_ARGV: the key column, then 'icd10' (trimmed, no dot, upper case)
	-- or 'lower' (trimmed, lower case)
	v := pg_catalog.to_jsonb(NEW) OPERATOR(pg_catalog.->>) TG_ARGV[0];
	IF v IS NULL THEN
		RETURN NEW;
	END IF;
	v := pg_catalog.btrim(v);
	IF TG_ARGV[1] = 'icd10' THEN
		v := pg_catalog.upper(pg_catalog.replace(v, '.', ''));
	ELSE
		v := pg_catalog.lower(v);
	END IF;
	NEW := pg_catalog.jsonb_populate_record(NEW, pg_catalog.jsonb_build_object(TG_ARGV[0], v));
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.reference_key_normalised() IS
  'Trigger: stores a reference row''s key as the rules look it up (arguments: the column, then icd10 for a diagnosis code without its dot in upper case, or lower for a lower-case name)';

-- Named to fire before reference_row_inserted, which matches on the key.
CREATE TRIGGER normalise_key BEFORE INSERT OR UPDATE ON @extschema@.covered_dx
	FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_key_normalised('icd10', 'icd10');
CREATE TRIGGER normalise_key BEFORE INSERT OR UPDATE ON @extschema@.icd10
	FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_key_normalised('code', 'icd10');
CREATE TRIGGER normalise_key BEFORE INSERT OR UPDATE ON @extschema@.muscle
	FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_key_normalised('name', 'lower');
