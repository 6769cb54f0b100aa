-- The shipped rule catalogue, payer policies and reference rows.
SET datestyle = 'ISO, YMD';
SET timezone = 'UTC';

-- All 32 rules of SPEC section 6, each with a title, an explanation and a source.
SELECT rule_id, severity FROM tpi_rules.rule ORDER BY rule_id;
SELECT count(*) AS rules,
       count(*) FILTER (WHERE builtin) AS shipped,
       count(*) FILTER (WHERE length(explanation) < 60 OR length(source) < 10) AS thin
FROM tpi_rules.rule;

-- The C engine's severities agree with the catalogue.
SELECT rule_id, severity, tpi_rules.rule_severity_c(rule_id) AS in_c
FROM tpi_rules.rule
WHERE tpi_rules.rule_severity_c(rule_id) IS DISTINCT FROM severity::text
ORDER BY 1;
SELECT tpi_rules.rule_severity_c('no.such_rule') IS NULL AS unknown_rule_is_null;

-- SPEC section 7 policies.
SELECT payer_id, effective_from, max_sessions, cap_window, cap_scope,
       min_interval, min_interval_scope, drug_on_claim, covered_injectates,
       image_guidance_covered, one_region_per_session, other_blocks_allowed
FROM tpi_rules.payer_policy ORDER BY payer_id;
SELECT payer_id, array_agg(icd10 ORDER BY icd10) FROM tpi_rules.covered_dx GROUP BY 1 ORDER BY 1;

-- Diagnosis validity and injectate classes.
SELECT code, billable, effective_from, effective_to, replaced_by
FROM tpi_rules.icd10 WHERE code IN ('M791', 'M545', 'M7910', 'M5450') ORDER BY code;
SELECT class, count(*) FROM tpi_rules.injectate GROUP BY 1 ORDER BY 1;

-- A user edit of a shipped row turns it into a user row (dumped); a user
-- row with the key of a shipped row replaces it (what a restore does).
BEGIN;
UPDATE tpi_rules.payer_policy SET max_sessions = 4 WHERE payer_id = 'medicare';
SELECT payer_id, max_sessions, builtin FROM tpi_rules.payer_policy WHERE payer_id = 'medicare';
INSERT INTO tpi_rules.payer_policy (payer_id, effective_from, name, source, max_sessions, cap_window)
VALUES ('aetna', '2015-10-01', 'Aetna (restored)', 'user', 5, '1 year');
SELECT payer_id, name, max_sessions, builtin FROM tpi_rules.payer_policy WHERE payer_id = 'aetna';
ROLLBACK;
SELECT count(*) AS policies, bool_and(builtin) AS all_shipped FROM tpi_rules.payer_policy;

-- Keys as users write them: a diagnosis list copied from an LCD article
-- has dots, a muscle may be capitalised.  They are stored as the rules
-- look them up, and a user row for a shipped key still replaces it; what
-- is no code at all is still refused.
BEGIN;
INSERT INTO tpi_rules.covered_dx (payer_id, icd10) VALUES
	('medicare_novitas', ' m79.18 '), ('medicare', 'M79.11');
INSERT INTO tpi_rules.muscle (name, region) VALUES ('Plantaris', 'lower limb');
SELECT payer_id, icd10, builtin FROM tpi_rules.covered_dx
 WHERE payer_id = 'medicare_novitas' OR icd10 = 'M7911' ORDER BY 1, 2;
SELECT muscle, kind, region FROM tpi_rules.parse_muscle('left plantaris');
UPDATE tpi_rules.covered_dx SET icd10 = 'm79.12' WHERE payer_id = 'medicare_novitas';
SELECT icd10 FROM tpi_rules.covered_dx WHERE payer_id = 'medicare_novitas';
SAVEPOINT s;
INSERT INTO tpi_rules.covered_dx (payer_id, icd10) VALUES ('aetna', '729.1 ');
ROLLBACK TO s;
ROLLBACK;
