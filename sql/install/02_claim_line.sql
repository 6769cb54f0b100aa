-- The canonical claim line (SPEC section 3).  Only the required columns are
-- NOT NULL: the table must be able to hold the bad values the rules report,
-- so there are deliberately no CHECK constraints on codes, units or modifiers.

CREATE TABLE @extschema@.claim_line (
	claim_id			text NOT NULL,
	line_no				smallint NOT NULL,
	patient_id			text NOT NULL,
	payer_id			text NOT NULL,
	provider_npi		text,
	date_of_service		date NOT NULL,
	hcpcs				text NOT NULL,
	modifiers			text[],
	units				integer DEFAULT 1,
	icd10				text[],
	place_of_service	text,
	muscles				text[],
	trigger_points		integer,
	drug_name			text,
	drug_dose			text,
	claim_note			text,
	note_signed			boolean,
	post_procedure_plan	boolean,
	conservative_care	boolean,
	tp_locations		boolean,
	guidance			text,
	charge				numeric(12,2),
	ndc					text,
	PRIMARY KEY (claim_id, line_no)
);

-- Day and frequency rules (and the guard trigger) look lines up by patient
-- and date; without this index each guarded insert would scan the table.
CREATE INDEX claim_line_patient_dos_idx
	ON @extschema@.claim_line (patient_id, date_of_service);

COMMENT ON TABLE @extschema@.claim_line IS
  'Claim lines in the canonical layout; audit() and guard() accept any table or view with these column names';
COMMENT ON COLUMN @extschema@.claim_line.claim_id IS 'Claim identifier';
COMMENT ON COLUMN @extschema@.claim_line.line_no IS 'Line number within the claim';
COMMENT ON COLUMN @extschema@.claim_line.patient_id IS 'Beneficiary or member';
COMMENT ON COLUMN @extschema@.claim_line.payer_id IS 'Key into tpi_rules.payer_policy; unknown payers are checked as commercial_default';
COMMENT ON COLUMN @extschema@.claim_line.provider_npi IS 'Rendering provider NPI';
COMMENT ON COLUMN @extschema@.claim_line.date_of_service IS 'Date of service';
COMMENT ON COLUMN @extschema@.claim_line.hcpcs IS 'CPT/HCPCS code of the line (five characters)';
COMMENT ON COLUMN @extschema@.claim_line.modifiers IS 'Up to four two-character modifiers';
COMMENT ON COLUMN @extschema@.claim_line.units IS 'Units of service; NULL reads as 1';
COMMENT ON COLUMN @extschema@.claim_line.icd10 IS 'ICD-10-CM diagnoses pointed to by the line, with or without the dot';
COMMENT ON COLUMN @extschema@.claim_line.place_of_service IS 'CMS two-digit place of service code';
COMMENT ON COLUMN @extschema@.claim_line.muscles IS 'Muscles injected as documented, free text with side, one muscle per element';
COMMENT ON COLUMN @extschema@.claim_line.trigger_points IS 'Number of trigger points documented';
COMMENT ON COLUMN @extschema@.claim_line.drug_name IS 'Injected substance as documented';
COMMENT ON COLUMN @extschema@.claim_line.drug_dose IS 'Dose of the injected substance as documented';
COMMENT ON COLUMN @extschema@.claim_line.claim_note IS 'CMS-1500 Box 19 / 837P loop 2300 NTE';
COMMENT ON COLUMN @extschema@.claim_line.note_signed IS 'The procedure note is signed';
COMMENT ON COLUMN @extschema@.claim_line.post_procedure_plan IS 'The note has a post-procedure plan';
COMMENT ON COLUMN @extschema@.claim_line.conservative_care IS 'The note documents prior conservative care';
COMMENT ON COLUMN @extschema@.claim_line.tp_locations IS 'The note documents the trigger point locations';
COMMENT ON COLUMN @extschema@.claim_line.guidance IS 'Imaging guidance: none, ultrasound, fluoroscopy, ct, mri';
COMMENT ON COLUMN @extschema@.claim_line.charge IS 'Billed charge of the line (837P SV102)';
COMMENT ON COLUMN @extschema@.claim_line.ndc IS 'National Drug Code of a drug line, 11 digits (837P LIN03)';

-- claim_line belongs to the extension, so pg_dump would skip its rows
-- unless it is registered as a configuration table.
SELECT pg_catalog.pg_extension_config_dump('@extschema@.claim_line', '');
