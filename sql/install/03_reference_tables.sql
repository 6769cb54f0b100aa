-- Reference tables.  Every table users may edit carries a "builtin" flag:
-- true on the rows this script ships, false on rows users add, load or
-- change.  pg_dump saves the rows WHERE NOT builtin (pg_extension_config_dump
-- below), and two triggers keep that filter honest:
--   * an UPDATE of a shipped row turns it into a user row, so the change is
--     dumped;
--   * an INSERT of a user row whose key matches a shipped row replaces the
--     shipped row.  On restore, CREATE EXTENSION ships its rows first and the
--     dumped user rows then take their place instead of failing on the key.

CREATE FUNCTION @extschema@.reference_row_updated()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	NEW.builtin := false;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.reference_row_updated() IS
  'Trigger: a changed shipped reference row becomes a user row, so pg_dump keeps the change';

CREATE FUNCTION @extschema@.reference_row_inserted()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	cond text;
BEGIN
	IF NEW.builtin THEN
		RETURN NEW;
	END IF;
	-- TG_ARGV names the key columns (primary key, so NOT NULL): delete the
	-- shipped row with that key; "=" lets the primary key index serve.
	SELECT pg_catalog.string_agg(pg_catalog.format('%I OPERATOR(pg_catalog.=) $1.%I', k, k), ' AND ')
	  INTO cond
	  FROM pg_catalog.unnest(TG_ARGV) AS k;
	EXECUTE pg_catalog.format('DELETE FROM %I.%I WHERE builtin AND %s',
							  TG_TABLE_SCHEMA, TG_TABLE_NAME, cond)
	USING NEW;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.reference_row_inserted() IS
  'Trigger: a user reference row replaces the shipped row with the same key (arguments: the key columns), so restores of pg_dump output succeed';

-- The rule catalogue (SPEC section 6).
CREATE TABLE @extschema@.rule (
	rule_id		text PRIMARY KEY,
	severity	@extschema@.severity NOT NULL,
	title		text NOT NULL,
	explanation	text NOT NULL,
	source		text NOT NULL,
	builtin		boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE @extschema@.rule IS
  'Rule catalogue: every rule_id a finding can carry, its severity, what it means and how to fix it, and the source that wins';
COMMENT ON COLUMN @extschema@.rule.explanation IS 'What the rule checks and how to fix a finding';
COMMENT ON COLUMN @extschema@.rule.source IS 'The authority the rule follows (SPEC section 2 order)';
COMMENT ON COLUMN @extschema@.rule.builtin IS 'Shipped with the extension (not dumped); false for user rows';

-- Payer policies (SPEC section 7).  A payer may have several rows over time;
-- the row in effect on the date of service applies (see README).
CREATE TABLE @extschema@.payer_policy (
	payer_id				text NOT NULL,
	effective_from			date NOT NULL,
	effective_to			date,
	name					text NOT NULL,
	source					text NOT NULL,
	max_sessions			integer CHECK (max_sessions > 0),
	cap_window				interval,
	cap_scope				text NOT NULL DEFAULT 'patient'
		CHECK (cap_scope IN ('patient', 'region')),
	min_interval			interval,
	min_interval_scope		text NOT NULL DEFAULT 'patient'
		CHECK (min_interval_scope IN ('patient', 'region')),
	drug_on_claim			text NOT NULL DEFAULT 'any'
		CHECK (drug_on_claim IN ('required', 'bundled', 'any')),
	covered_injectates		text[],
	image_guidance_covered	boolean NOT NULL DEFAULT true,
	dry_needling_covered	boolean NOT NULL DEFAULT true,
	one_region_per_session	boolean NOT NULL DEFAULT false,
	other_blocks_allowed	boolean NOT NULL DEFAULT true,
	builtin					boolean NOT NULL DEFAULT false,
	PRIMARY KEY (payer_id, effective_from),
	CHECK (effective_to IS NULL OR effective_to >= effective_from),
	CHECK ((max_sessions IS NULL) = (cap_window IS NULL)),
	CHECK (cap_window IS NULL OR cap_window > '0'::interval),
	CHECK (min_interval IS NULL OR min_interval > '0'::interval)
);
COMMENT ON TABLE @extschema@.payer_policy IS
  'Payer TPI policies: session caps, minimum intervals, drug, diagnosis, guidance and session rules; the checks read this table';
COMMENT ON COLUMN @extschema@.payer_policy.name IS 'The policy as findings cite it, e.g. BCBSA medical policy 2.01.103';
COMMENT ON COLUMN @extschema@.payer_policy.source IS 'Where the row''s values come from: documents, revisions, effective dates';
COMMENT ON COLUMN @extschema@.payer_policy.effective_from IS 'First date of service the row applies to';
COMMENT ON COLUMN @extschema@.payer_policy.effective_to IS 'Last date of service the row applies to (NULL: open)';
COMMENT ON COLUMN @extschema@.payer_policy.max_sessions IS 'Most TPI sessions allowed in cap_window (NULL: no cap)';
COMMENT ON COLUMN @extschema@.payer_policy.cap_window IS 'Rolling window of the cap: a session on d counts sessions in (d - cap_window, d]';
COMMENT ON COLUMN @extschema@.payer_policy.cap_scope IS 'patient: all sessions count; region: only sessions in the same anatomical region';
COMMENT ON COLUMN @extschema@.payer_policy.min_interval IS 'Least time between two sessions (NULL: none)';
COMMENT ON COLUMN @extschema@.payer_policy.min_interval_scope IS 'patient: any previous session; region: the previous session in the same region';
COMMENT ON COLUMN @extschema@.payer_policy.drug_on_claim IS 'required: the drug must be billed on the same claim; bundled: a drug line is not separately payable; any: no rule';
COMMENT ON COLUMN @extschema@.payer_policy.covered_injectates IS 'Injectate classes covered (local anesthetic, corticosteroid, saline, other); NULL: any';
COMMENT ON COLUMN @extschema@.payer_policy.image_guidance_covered IS 'Image-guided TPI is covered';
COMMENT ON COLUMN @extschema@.payer_policy.dry_needling_covered IS 'Dry needling (no injectate, 20560/20561) is covered';
COMMENT ON COLUMN @extschema@.payer_policy.one_region_per_session IS 'At most one anatomical region per session';
COMMENT ON COLUMN @extschema@.payer_policy.other_blocks_allowed IS 'Other injections or blocks may be billed in the TPI session';

-- Covered diagnoses per payer.  A payer with no rows has no diagnosis restriction.
CREATE TABLE @extschema@.covered_dx (
	payer_id	text NOT NULL,
	icd10		text NOT NULL CHECK (icd10 ~ '^[A-Z][0-9][0-9A-Z]{1,5}$'),
	builtin		boolean NOT NULL DEFAULT false,
	PRIMARY KEY (payer_id, icd10)
);
COMMENT ON TABLE @extschema@.covered_dx IS
  'ICD-10-CM codes (upper case, no dot) that support TPI for a payer; a payer with no rows is not restricted';

-- ICD-10-CM validity for the codes the rules need to judge (SPEC section 8).
CREATE TABLE @extschema@.icd10 (
	code			text PRIMARY KEY CHECK (code ~ '^[A-Z][0-9][0-9A-Z]{1,5}$'),
	billable		boolean NOT NULL,
	effective_from	date NOT NULL DEFAULT '2015-10-01',
	effective_to	date,
	replaced_by		text[],
	builtin			boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE @extschema@.icd10 IS
  'ICD-10-CM codes the rules judge: billable (valid on a claim) between effective_from and effective_to; codes not listed are not judged';
COMMENT ON COLUMN @extschema@.icd10.billable IS 'false for a category header that needs more characters';
COMMENT ON COLUMN @extschema@.icd10.effective_to IS 'Last date the code is valid on a claim (NULL: still valid)';
COMMENT ON COLUMN @extschema@.icd10.replaced_by IS 'The codes to use instead once it is no longer valid';

-- Injectates as documented, mapped to a class for covered_injectates.
CREATE TABLE @extschema@.injectate (
	name		text PRIMARY KEY CHECK (name = pg_catalog.lower(name)),
	class		text NOT NULL
		CHECK (class IN ('local anesthetic', 'corticosteroid', 'saline', 'other')),
	builtin		boolean NOT NULL DEFAULT false,
	generic_name text CHECK (generic_name = pg_catalog.lower(generic_name)),
	hcpcs		text[] NOT NULL DEFAULT '{}'
);
COMMENT ON TABLE @extschema@.injectate IS
  'Drug names as documented (lower case; brand and generic) and their class: local anesthetic, corticosteroid, saline, other';
COMMENT ON COLUMN @extschema@.injectate.generic_name IS
  'For a brand name, the generic name it stands for (read_note reports generics); NULL for a generic name';
COMMENT ON COLUMN @extschema@.injectate.hcpcs IS
  'HCPCS drug codes (J-codes) billed for this substance, so that drug lines of claims without note data can be judged';

-- Muscle catalogue (SPEC section 4).
CREATE TABLE @extschema@.muscle (
	name		text PRIMARY KEY CHECK (name = pg_catalog.lower(name)),
	region		text CHECK (region IN ('abdominal wall', 'cephalic', 'cervical',
									   'chest wall', 'facial', 'gluteal/hip',
									   'lower limb', 'lumbar', 'scapular',
									   'shoulder', 'thoracic', 'upper limb')),
	kind		text NOT NULL DEFAULT 'muscle'
		CHECK (kind IN ('muscle', 'group', 'region')),
	aliases		text[] NOT NULL DEFAULT '{}',
	builtin		boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE @extschema@.muscle IS
  'Muscle catalogue: canonical names (kind muscle), group terms (kind group, one muscle per side) and region terms (kind region, no muscle), with anatomical region and aliases';
COMMENT ON COLUMN @extschema@.muscle.region IS 'Anatomical region (the LCD sense); for a region term, the region it names';
COMMENT ON COLUMN @extschema@.muscle.aliases IS 'Other spellings and abbreviations, lower case';

-- CMS PFS relative values (SPEC section 8).
CREATE TABLE @extschema@.rvu (
	release				text NOT NULL,
	effective_from		date NOT NULL,
	effective_to		date NOT NULL,
	hcpcs				text NOT NULL,
	modifier			text NOT NULL DEFAULT '',
	status				text,
	work_rvu			numeric(8,2),
	pe_rvu_nonfacility	numeric(8,2),
	pe_rvu_facility		numeric(8,2),
	mp_rvu				numeric(8,2),
	nonfacility_na		boolean NOT NULL DEFAULT false,
	facility_na			boolean NOT NULL DEFAULT false,
	global_days			text,
	bilateral_indicator	smallint,
	confidence			text NOT NULL DEFAULT 'loaded'
		CHECK (confidence IN ('confirmed', 'high', 'unverified', 'loaded')),
	builtin				boolean NOT NULL DEFAULT false,
	PRIMARY KEY (release, hcpcs, modifier),
	CHECK (effective_to >= effective_from)
);
COMMENT ON TABLE @extschema@.rvu IS
  'CMS PFS relative value units per release (numbers only, no CPT descriptors)';
COMMENT ON COLUMN @extschema@.rvu.release IS 'CMS release, e.g. RVU25A';
COMMENT ON COLUMN @extschema@.rvu.modifier IS 'Empty for the global service; 26 or TC for the professional or technical component';
COMMENT ON COLUMN @extschema@.rvu.global_days IS 'Global period as CMS writes it (000, 010, 090, XXX, ZZZ...)';
COMMENT ON COLUMN @extschema@.rvu.bilateral_indicator IS 'PFS bilateral surgery indicator (0: modifier 50 does not apply)';
COMMENT ON COLUMN @extschema@.rvu.confidence IS 'confirmed: matches a published figure; high: CMS file as published; unverified: third-party copy; loaded: loaded by a user';

CREATE TABLE @extschema@.conversion_factor (
	effective_from	date NOT NULL,
	effective_to	date NOT NULL,
	kind			text NOT NULL DEFAULT 'standard'
		CHECK (kind IN ('standard', 'qualifying_apm')),
	amount			numeric(10,4) NOT NULL CHECK (amount > 0),
	source			text NOT NULL,
	builtin			boolean NOT NULL DEFAULT false,
	PRIMARY KEY (effective_from, kind),
	CHECK (effective_to >= effective_from)
);
COMMENT ON TABLE @extschema@.conversion_factor IS
  'PFS conversion factors: standard, and the higher one for qualifying APM participants (from 2026)';

CREATE TABLE @extschema@.gpci (
	release			text NOT NULL,
	effective_from	date NOT NULL,
	effective_to	date NOT NULL,
	locality		text NOT NULL CHECK (locality ~ '^[0-9]{5}-[0-9]{2}$'),
	state			text,
	locality_name	text,
	work_gpci		numeric(6,3) NOT NULL,
	pe_gpci			numeric(6,3) NOT NULL,
	mp_gpci			numeric(6,3) NOT NULL,
	builtin			boolean NOT NULL DEFAULT false,
	PRIMARY KEY (release, locality),
	CHECK (effective_to >= effective_from)
);
COMMENT ON TABLE @extschema@.gpci IS
  'Geographic practice cost indices per Medicare locality, keyed <5-digit MAC>-<2-digit locality> (13202-01 is Manhattan)';

-- The flag-mode log of the guard trigger (SPEC section 9).
CREATE TABLE @extschema@.finding_log (
	id			bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	logged_at	timestamptz NOT NULL DEFAULT pg_catalog.now(),
	table_name	text NOT NULL,
	claim_id	text,
	line_no		smallint,
	patient_id	text,
	date_of_service date,
	rule_id		text NOT NULL,
	severity	@extschema@.severity NOT NULL,
	message		text NOT NULL
);
CREATE INDEX finding_log_claim_idx ON @extschema@.finding_log (claim_id, line_no);
COMMENT ON TABLE @extschema@.finding_log IS
  'Findings written by tpi_rules.guard(''flag''): the table, the line, the rule, its severity and message, and when';

-- Keep user rows of reference tables across pg_dump and restore.
CREATE TRIGGER reference_row_updated BEFORE UPDATE ON @extschema@.rule
	FOR EACH ROW WHEN (OLD.builtin AND NEW.builtin) EXECUTE FUNCTION @extschema@.reference_row_updated();
CREATE TRIGGER reference_row_inserted BEFORE INSERT ON @extschema@.rule
	FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_row_inserted('rule_id');
CREATE TRIGGER reference_row_updated BEFORE UPDATE ON @extschema@.payer_policy
	FOR EACH ROW WHEN (OLD.builtin AND NEW.builtin) EXECUTE FUNCTION @extschema@.reference_row_updated();
CREATE TRIGGER reference_row_inserted BEFORE INSERT ON @extschema@.payer_policy
	FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_row_inserted('payer_id', 'effective_from');
CREATE TRIGGER reference_row_updated BEFORE UPDATE ON @extschema@.covered_dx
	FOR EACH ROW WHEN (OLD.builtin AND NEW.builtin) EXECUTE FUNCTION @extschema@.reference_row_updated();
CREATE TRIGGER reference_row_inserted BEFORE INSERT ON @extschema@.covered_dx
	FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_row_inserted('payer_id', 'icd10');
CREATE TRIGGER reference_row_updated BEFORE UPDATE ON @extschema@.icd10
	FOR EACH ROW WHEN (OLD.builtin AND NEW.builtin) EXECUTE FUNCTION @extschema@.reference_row_updated();
CREATE TRIGGER reference_row_inserted BEFORE INSERT ON @extschema@.icd10
	FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_row_inserted('code');
CREATE TRIGGER reference_row_updated BEFORE UPDATE ON @extschema@.injectate
	FOR EACH ROW WHEN (OLD.builtin AND NEW.builtin) EXECUTE FUNCTION @extschema@.reference_row_updated();
CREATE TRIGGER reference_row_inserted BEFORE INSERT ON @extschema@.injectate
	FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_row_inserted('name');
CREATE TRIGGER reference_row_updated BEFORE UPDATE ON @extschema@.muscle
	FOR EACH ROW WHEN (OLD.builtin AND NEW.builtin) EXECUTE FUNCTION @extschema@.reference_row_updated();
CREATE TRIGGER reference_row_inserted BEFORE INSERT ON @extschema@.muscle
	FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_row_inserted('name');
CREATE TRIGGER reference_row_updated BEFORE UPDATE ON @extschema@.rvu
	FOR EACH ROW WHEN (OLD.builtin AND NEW.builtin) EXECUTE FUNCTION @extschema@.reference_row_updated();
CREATE TRIGGER reference_row_inserted BEFORE INSERT ON @extschema@.rvu
	FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_row_inserted('release', 'hcpcs', 'modifier');
CREATE TRIGGER reference_row_updated BEFORE UPDATE ON @extschema@.conversion_factor
	FOR EACH ROW WHEN (OLD.builtin AND NEW.builtin) EXECUTE FUNCTION @extschema@.reference_row_updated();
CREATE TRIGGER reference_row_inserted BEFORE INSERT ON @extschema@.conversion_factor
	FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_row_inserted('effective_from', 'kind');
CREATE TRIGGER reference_row_updated BEFORE UPDATE ON @extschema@.gpci
	FOR EACH ROW WHEN (OLD.builtin AND NEW.builtin) EXECUTE FUNCTION @extschema@.reference_row_updated();
CREATE TRIGGER reference_row_inserted BEFORE INSERT ON @extschema@.gpci
	FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_row_inserted('release', 'locality');

SELECT pg_catalog.pg_extension_config_dump('@extschema@.rule', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.payer_policy', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.covered_dx', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.icd10', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.injectate', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.muscle', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.rvu', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.conversion_factor', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.gpci', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.finding_log', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.finding_log_id_seq', '');

-- Backend caches of these tables rebuild when a statement changes them.
CREATE FUNCTION @extschema@.reference_changed()
RETURNS trigger
AS 'MODULE_PATHNAME', 'tpi_reference_changed'
LANGUAGE C;
COMMENT ON FUNCTION @extschema@.reference_changed() IS
  'Trigger: tells every session that a reference table changed, so cached copies are rebuilt by the next query';

CREATE TRIGGER reference_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON @extschema@.rule
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_changed();
CREATE TRIGGER reference_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON @extschema@.payer_policy
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_changed();
CREATE TRIGGER reference_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON @extschema@.covered_dx
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_changed();
CREATE TRIGGER reference_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON @extschema@.icd10
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_changed();
CREATE TRIGGER reference_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON @extschema@.injectate
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_changed();
CREATE TRIGGER reference_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON @extschema@.muscle
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_changed();
CREATE TRIGGER reference_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON @extschema@.rvu
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_changed();
CREATE TRIGGER reference_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON @extschema@.gpci
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_changed();
CREATE TRIGGER reference_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON @extschema@.conversion_factor
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_changed();
