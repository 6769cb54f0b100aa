-- injectate gains the generic name of a brand and the J-codes of a
-- substance; the shipped rows are replaced by 1.1's (a user's row with a
-- shipped name is kept: the insert skips it).
ALTER TABLE @extschema@.injectate
	ADD COLUMN generic_name text CHECK (generic_name = pg_catalog.lower(generic_name)),
	ADD COLUMN hcpcs text[] NOT NULL DEFAULT '{}';
COMMENT ON COLUMN @extschema@.injectate.generic_name IS
  'For a brand name, the generic name it stands for (read_note reports generics); NULL for a generic name';
COMMENT ON COLUMN @extschema@.injectate.hcpcs IS
  'HCPCS drug codes (J-codes) billed for this substance, so that drug lines of claims without note data can be judged';
DELETE FROM @extschema@.injectate WHERE builtin;
-- @include sql/install/13_injectate_data.sql
