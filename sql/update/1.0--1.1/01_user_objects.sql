-- User objects on the extension's tables survive pg_dump and restore (see
-- sql/install/05_user_objects.sql).  First, so that the objects later
-- fragments make are recorded as the extension's.  The include records
-- everything on the tables as builtin; then what 1.0 did not make is the
-- user's (1.0's objects, listed here, are the extension's).
-- @include sql/install/05_user_objects.sql
UPDATE @extschema@.table_object AS o SET builtin = false
 WHERE NOT EXISTS (
	SELECT FROM (VALUES
		('claim_line', 'constraint', 'claim_line_pkey'),
		('claim_line', 'index', 'claim_line_patient_dos_idx'),
		('finding_log', 'constraint', 'finding_log_pkey'),
		('finding_log', 'index', 'finding_log_claim_idx'),
		('mv_audit', 'index', 'mv_audit_key'),
		('mv_audit', 'index', 'mv_audit_month_idx'),
		('payer_policy', 'constraint', 'payer_policy_cap_scope_check'),
		('payer_policy', 'constraint', 'payer_policy_cap_window_check'),
		('payer_policy', 'constraint', 'payer_policy_check'),
		('payer_policy', 'constraint', 'payer_policy_check1'),
		('payer_policy', 'constraint', 'payer_policy_drug_on_claim_check'),
		('payer_policy', 'constraint', 'payer_policy_max_sessions_check'),
		('payer_policy', 'constraint', 'payer_policy_min_interval_check'),
		('payer_policy', 'constraint', 'payer_policy_min_interval_scope_check'),
		('covered_dx', 'constraint', 'covered_dx_icd10_check'),
		('icd10', 'constraint', 'icd10_code_check'),
		('injectate', 'constraint', 'injectate_class_check'),
		('injectate', 'constraint', 'injectate_name_check'),
		('muscle', 'constraint', 'muscle_kind_check'),
		('muscle', 'constraint', 'muscle_name_check'),
		('muscle', 'constraint', 'muscle_region_check'),
		('rvu', 'constraint', 'rvu_check'),
		('rvu', 'constraint', 'rvu_confidence_check'),
		('conversion_factor', 'constraint', 'conversion_factor_amount_check'),
		('conversion_factor', 'constraint', 'conversion_factor_check'),
		('conversion_factor', 'constraint', 'conversion_factor_kind_check'),
		('gpci', 'constraint', 'gpci_check'),
		('gpci', 'constraint', 'gpci_locality_check'),
		('table_object', 'trigger', 'restore_table_object'),
		('table_object', 'constraint', 'table_object_kind_check')
	) AS v (table_name, kind, name)
	 WHERE ('@extschema@.' OPERATOR(pg_catalog.||) v.table_name) OPERATOR(pg_catalog.=) o.table_name
	   AND v.kind OPERATOR(pg_catalog.=) o.kind AND v.name OPERATOR(pg_catalog.=) o.name)
   -- every reference table has these (and its primary key)
   AND NOT (o.kind OPERATOR(pg_catalog.=) 'trigger'
			AND o.name OPERATOR(pg_catalog.=) ANY (ARRAY['reference_changed', 'reference_row_inserted', 'reference_row_updated']))
   AND NOT (o.kind OPERATOR(pg_catalog.=) 'constraint'
			AND o.name OPERATOR(pg_catalog.=) (pg_catalog.split_part(o.table_name, '.', 2) OPERATOR(pg_catalog.||) '_pkey'));
