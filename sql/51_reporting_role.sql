-- The NOLOGIN role tpi_reporting reads the dashboard views and nothing
-- else: not the claim lines, not the reference tables, not the snapshot.
SET datestyle = 'ISO, YMD';
SET timezone = 'UTC';

SELECT rolname, rolcanlogin, rolsuper, rolcreaterole, rolcreatedb, rolbypassrls
FROM pg_roles WHERE rolname = 'tpi_reporting';

-- Relations of the schema: the role may read exactly the v_* views and
-- write nothing.  (Any relation listed in the second query is a leak.)
SELECT c.relname AS readable
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'tpi_rules' AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
  AND has_table_privilege('tpi_reporting', c.oid, 'SELECT')
ORDER BY 1;
SELECT c.relname AS leak, c.relkind
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'tpi_rules' AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
  AND (has_table_privilege('tpi_reporting', c.oid,
						   'INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')
	   OR (c.relkind <> 'v' AND has_table_privilege('tpi_reporting', c.oid, 'SELECT'))
	   OR (c.relkind = 'S' AND has_sequence_privilege('tpi_reporting', c.oid, 'USAGE')))
ORDER BY 1;

-- SECURITY DEFINER functions: each pins search_path, none is executable by
-- PUBLIC, and the role may run the ones behind the views.
CREATE ROLE regress_tpi_nobody NOLOGIN;
SELECT p.oid::regprocedure AS definer_function,
	   p.proconfig @> ARRAY['search_path=pg_catalog, pg_temp'] AS pinned_path,
	   has_function_privilege('regress_tpi_nobody', p.oid, 'EXECUTE') AS public_may_run,
	   has_function_privilege('tpi_reporting', p.oid, 'EXECUTE') AS reporting_may_run
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = 'tpi_rules' AND p.prosecdef
ORDER BY 1;

-- A few lines to report on (removed at the end).
INSERT INTO tpi_rules.claim_line
	(claim_id, line_no, patient_id, payer_id, provider_npi, date_of_service, hcpcs,
	 units, icd10, place_of_service, muscles, trigger_points, drug_name, drug_dose,
	 note_signed, post_procedure_plan, conservative_care, tp_locations, guidance)
VALUES
	('r51-1', 1, 'r51-P1', 'commercial_default', '5151515151', '2025-05-05', '20553',
	 1, '{M79.18}', '11', '{R trapezius,L trapezius}', 2, 'lidocaine', '2 mL',
	 true, true, true, true, 'none'),
	('r51-2', 1, 'r51-P2', 'medicare', '5151515151', '2025-05-06', '20552',
	 1, '{M79.18}', '11', '{R trapezius,L trapezius}', 2, 'lidocaine', '2 mL',
	 true, true, true, true, 'none');

SET ROLE tpi_reporting;
-- The views work for the role, through the definer functions.
SELECT EXISTS (SELECT FROM tpi_rules.v_findings_by_rule
			   WHERE rule_id = 'code.upcoded' AND findings > 0) AS by_rule;
SELECT EXISTS (SELECT FROM tpi_rules.v_findings_by_provider_month
			   WHERE provider_npi = '5151515151' AND month = '2025-05-01'
				 AND rule_id = 'code.upcoded') AS by_provider_month;
SELECT EXISTS (SELECT FROM tpi_rules.v_revenue_at_risk
			   WHERE month = '2025-05-01' AND revenue_at_risk > 0) AS at_risk;
SELECT EXISTS (SELECT FROM tpi_rules.v_revenue_at_risk_by_provider
			   WHERE provider_npi = '5151515151' AND error_lines > 0) AS at_risk_by_provider;
SELECT count(*) >= 0 AS frequency_today FROM tpi_rules.v_frequency_status;
SELECT patient_id, payer_id, sessions_in_window, max_sessions, status
FROM tpi_rules.frequency_status('2025-05-31') WHERE patient_id LIKE 'r51-%' ORDER BY 1;
-- A temporary table named like the claim table does not fool the views.
CREATE TEMP TABLE claim_line AS SELECT 1 AS x;
SELECT EXISTS (SELECT FROM tpi_rules.v_findings_by_rule
			   WHERE rule_id = 'code.upcoded') AS still_reads_tpi_rules_claim_line;
DROP TABLE claim_line;

-- Claim lines: neither read nor written, directly or through audit().
\set VERBOSITY terse
SELECT count(*) FROM tpi_rules.claim_line;
INSERT INTO tpi_rules.claim_line (claim_id, line_no, patient_id, payer_id,
								  date_of_service, hcpcs)
VALUES ('r51-x', 1, 'x', 'medicare', '2025-05-05', '20552');
UPDATE tpi_rules.claim_line SET units = 1;
DELETE FROM tpi_rules.claim_line;
TRUNCATE tpi_rules.claim_line;
SELECT count(*) FROM tpi_rules.audit('tpi_rules.claim_line');
SELECT count(*) FROM tpi_rules.audit_detail();
-- Reference tables, the flag-mode log and the snapshot.
SELECT count(*) FROM tpi_rules.rule;
SELECT count(*) FROM tpi_rules.payer_policy;
UPDATE tpi_rules.payer_policy SET max_sessions = 99;
SELECT count(*) FROM tpi_rules.covered_dx;
SELECT count(*) FROM tpi_rules.icd10;
SELECT count(*) FROM tpi_rules.injectate;
SELECT count(*) FROM tpi_rules.muscle;
SELECT count(*) FROM tpi_rules.rvu;
SELECT count(*) FROM tpi_rules.conversion_factor;
SELECT count(*) FROM tpi_rules.gpci;
SELECT count(*) FROM tpi_rules.finding_log;
SELECT count(*) FROM tpi_rules.mv_audit;
REFRESH MATERIALIZED VIEW tpi_rules.mv_audit;
-- No objects of its own in the schema.
CREATE TABLE tpi_rules.mine (x int);
RESET ROLE;

-- A role outside tpi_reporting cannot read the views, even with USAGE on
-- the schema.
GRANT USAGE ON SCHEMA tpi_rules TO regress_tpi_nobody;
SET ROLE regress_tpi_nobody;
SELECT count(*) FROM tpi_rules.v_findings_by_rule;
SELECT count(*) FROM tpi_rules.frequency_status('2025-05-31');
RESET ROLE;

-- A dashboard login that is a member of tpi_reporting (docs/dashboards.md).
CREATE ROLE regress_tpi_dash LOGIN IN ROLE tpi_reporting;
SET ROLE regress_tpi_dash;
SELECT EXISTS (SELECT FROM tpi_rules.v_revenue_at_risk_by_provider
			   WHERE provider_npi = '5151515151') AS dash_reads_views;
SELECT count(*) FROM tpi_rules.claim_line;
RESET ROLE;

\set VERBOSITY default

DELETE FROM tpi_rules.claim_line WHERE claim_id LIKE 'r51-%';
REVOKE USAGE ON SCHEMA tpi_rules FROM regress_tpi_nobody;
DROP ROLE regress_tpi_dash;
DROP ROLE regress_tpi_nobody;
