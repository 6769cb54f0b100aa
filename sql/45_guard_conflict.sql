-- guard() and INSERT ... ON CONFLICT, row movement between partitions
-- (review rev14 of ad7a3a2): the cases that behave as README says.  A
-- row ON CONFLICT skips or turns into an UPDATE is not checked as a new
-- line; an UPDATE moving a row is checked once, as the UPDATE.
SET datestyle = 'ISO, YMD';
SET timezone = 'UTC';
\set VERBOSITY terse

CREATE FUNCTION pg_temp.tpi(claim text, line int, patient text, dos date,
							changes jsonb DEFAULT '{}')
RETURNS tpi_rules.claim_line LANGUAGE sql AS $$
	SELECT jsonb_populate_record(
		ROW(claim, line, patient, 'medicare', '1234567893', dos, '20552',
			'{}', 1, '{M79.18}', '11',
			'{right upper trapezius,left levator scapulae}', 4,
			'lidocaine 1%', '3 ml', NULL, true, true, true, true, 'none', NULL, NULL
		)::tpi_rules.claim_line, changes);
$$;
CREATE FUNCTION pg_temp.drug(claim text, line int, patient text, dos date)
RETURNS tpi_rules.claim_line LANGUAGE sql AS $$
	SELECT pg_temp.tpi(claim, line, patient, dos,
		'{"hcpcs": "J2001", "muscles": null, "trigger_points": null,
		  "drug_name": null, "drug_dose": null}');
$$;
-- the module is loaded before the statements below (README: in the
-- statement that loads it every proposed row is checked)
SELECT tpi_rules.pick_code('{trapezius}');
DELETE FROM tpi_rules.finding_log;

------------------------------------------------------------------------
-- A partitioned table, the guard on the parent, reject mode
------------------------------------------------------------------------
CREATE TABLE pc (LIKE tpi_rules.claim_line) PARTITION BY RANGE (date_of_service);
ALTER TABLE pc ADD PRIMARY KEY (claim_id, line_no, date_of_service);
CREATE TABLE pc_jan PARTITION OF pc FOR VALUES FROM ('2025-01-01') TO ('2025-02-01');
CREATE TABLE pc_feb PARTITION OF pc FOR VALUES FROM ('2025-02-01') TO ('2025-03-01');
CREATE INDEX ON pc (patient_id, date_of_service);
CREATE TRIGGER zz_guard BEFORE INSERT OR UPDATE ON pc
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('reject');
INSERT INTO pc SELECT (pg_temp.tpi('A1', 1, 'PA', '2025-01-06')).*
UNION ALL SELECT (pg_temp.drug('A1', 2, 'PA', '2025-01-06')).*;
-- re-runs: no target, ON CONSTRAINT, DO UPDATE, DO UPDATE ... WHERE false
INSERT INTO pc SELECT (pg_temp.tpi('A1', 1, 'PA', '2025-01-06')).*
UNION ALL SELECT (pg_temp.drug('A1', 2, 'PA', '2025-01-06')).*
ON CONFLICT DO NOTHING;
INSERT INTO pc SELECT (pg_temp.tpi('A1', 1, 'PA', '2025-01-06')).*
ON CONFLICT ON CONSTRAINT pc_pkey DO NOTHING;
INSERT INTO pc SELECT (pg_temp.tpi('A1', 1, 'PA', '2025-01-06')).*
ON CONFLICT (claim_id, line_no, date_of_service) DO UPDATE SET charge = 5;
INSERT INTO pc SELECT (pg_temp.tpi('A1', 1, 'PA', '2025-01-06')).*
ON CONFLICT (claim_id, line_no, date_of_service) DO UPDATE SET modifiers = '{50}' WHERE false;
-- the UPDATE an upsert makes is checked: rejected
INSERT INTO pc SELECT (pg_temp.tpi('A1', 1, 'PA', '2025-01-06')).*
ON CONFLICT (claim_id, line_no, date_of_service) DO UPDATE SET modifiers = '{50}';
-- a data-modifying WITH
WITH w AS (INSERT INTO pc SELECT (pg_temp.tpi('A1', 1, 'PA', '2025-01-06')).*
		   ON CONFLICT DO NOTHING RETURNING 1)
SELECT count(*) FROM w;
-- one key twice in one INSERT ... SELECT: the second is skipped
INSERT INTO pc SELECT (pg_temp.tpi('B1', 1, 'PB', '2025-01-08')).*
UNION ALL SELECT (pg_temp.tpi('B1', 1, 'PB', '2025-01-08')).*
UNION ALL SELECT (pg_temp.drug('B1', 2, 'PB', '2025-01-08')).*
ON CONFLICT DO NOTHING;
-- a new claim's line on a stored day is a second line, ON CONFLICT or not
INSERT INTO pc SELECT (pg_temp.tpi('A9', 1, 'PA', '2025-01-06')).* ON CONFLICT DO NOTHING;
SELECT tableoid::regclass, claim_id, line_no, charge, modifiers FROM pc ORDER BY 2, 3;

------------------------------------------------------------------------
-- Re-runs from PL/pgSQL, a prepared statement (custom and generic plans),
-- triggers of another table, an SQL function, a DO block
------------------------------------------------------------------------
CREATE TABLE g (LIKE tpi_rules.claim_line INCLUDING ALL);
CREATE TRIGGER zz_guard BEFORE INSERT OR UPDATE ON g
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('reject');
INSERT INTO g SELECT (pg_temp.tpi('A1', 1, 'PA', '2025-01-06')).*
UNION ALL SELECT (pg_temp.drug('A1', 2, 'PA', '2025-01-06')).*;
CREATE FUNCTION pg_temp.up(c text) RETURNS int LANGUAGE plpgsql AS $$
DECLARE n int;
BEGIN
	INSERT INTO g SELECT (pg_temp.tpi(c, 1, 'PA', '2025-01-06')).* ON CONFLICT DO NOTHING;
	GET DIAGNOSTICS n = ROW_COUNT;
	RETURN n;
END $$;
SELECT sum(pg_temp.up('A1')) FROM generate_series(1, 8);
PREPARE p(text) AS INSERT INTO g SELECT (pg_temp.tpi($1, 1, 'PA', '2025-01-06')).*
	ON CONFLICT (claim_id, line_no) DO NOTHING;
EXECUTE p('A1'); EXECUTE p('A1'); EXECUTE p('A1'); EXECUTE p('A1');
EXECUTE p('A1'); EXECUTE p('A1'); EXECUTE p('A1'); EXECUTE p('A1');
PREPARE q(text) AS INSERT INTO g SELECT (pg_temp.tpi($1, 1, 'PA', '2025-01-06')).*
	ON CONFLICT (claim_id, line_no) DO UPDATE SET charge = excluded.charge;
EXECUTE q('A1'); EXECUTE q('A1'); EXECUTE q('A1'); EXECUTE q('A1');
EXECUTE q('A1'); EXECUTE q('A1'); EXECUTE q('A1');
DEALLOCATE p;
DEALLOCATE q;
CREATE TABLE other (c text);
CREATE FUNCTION pg_temp.other_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO g SELECT (pg_temp.tpi(NEW.c, 1, 'PA', '2025-01-06')).* ON CONFLICT DO NOTHING;
	RETURN NEW;
END $$;
CREATE TRIGGER o_before BEFORE INSERT ON other FOR EACH ROW EXECUTE FUNCTION pg_temp.other_trg();
CREATE TRIGGER o_after AFTER INSERT ON other FOR EACH ROW EXECUTE FUNCTION pg_temp.other_trg();
INSERT INTO other VALUES ('A1'), ('A1');
CREATE FUNCTION pg_temp.upsql(c text) RETURNS void LANGUAGE sql AS $$
	INSERT INTO g SELECT (pg_temp.tpi(c, 1, 'PA', '2025-01-06')).* ON CONFLICT DO NOTHING
$$;
SELECT pg_temp.upsql('A1') FROM generate_series(1, 3);
DO $$ BEGIN
	INSERT INTO g SELECT (pg_temp.tpi('A1', 1, 'PA', '2025-01-06')).* ON CONFLICT DO NOTHING;
END $$;
SELECT claim_id, line_no FROM g ORDER BY 1, 2;

------------------------------------------------------------------------
-- Arbiters: an exclusion constraint (one TPI code per patient and day),
-- a partial unique index
------------------------------------------------------------------------
CREATE TABLE x1 (LIKE tpi_rules.claim_line INCLUDING ALL);
ALTER TABLE x1 ADD CONSTRAINT x1_one_code
	EXCLUDE USING btree (patient_id WITH =, date_of_service WITH =, hcpcs WITH =)
	WHERE (hcpcs IN ('20552', '20553'));
CREATE TRIGGER zz_guard BEFORE INSERT OR UPDATE ON x1
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('reject');
INSERT INTO x1 SELECT (pg_temp.tpi('A1', 1, 'PA', '2025-01-06')).*
UNION ALL SELECT (pg_temp.drug('A1', 2, 'PA', '2025-01-06')).*;
-- the claim resubmitted under a new number: excluded, skipped
INSERT INTO x1 SELECT (pg_temp.tpi('A2', 1, 'PA', '2025-01-06')).* ON CONFLICT DO NOTHING;
SELECT claim_id, line_no FROM x1 ORDER BY 1, 2;
CREATE TABLE x2 (LIKE tpi_rules.claim_line);
CREATE UNIQUE INDEX x2_tpi ON x2 (patient_id, date_of_service) WHERE hcpcs IN ('20552', '20553');
CREATE INDEX ON x2 (patient_id, date_of_service);
CREATE TRIGGER zz_guard BEFORE INSERT OR UPDATE ON x2
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('reject');
INSERT INTO x2 SELECT (pg_temp.tpi('A1', 1, 'PA', '2025-01-06')).*
UNION ALL SELECT (pg_temp.drug('A1', 2, 'PA', '2025-01-06')).*;
INSERT INTO x2 SELECT (pg_temp.tpi('A2', 1, 'PA', '2025-01-06')).*
ON CONFLICT (patient_id, date_of_service) WHERE hcpcs IN ('20552', '20553') DO NOTHING;
-- DO UPDATE renames the stored line to a claim without its drug: rejected
INSERT INTO x2 SELECT (pg_temp.tpi('A2', 1, 'PA', '2025-01-06')).*
ON CONFLICT (patient_id, date_of_service) WHERE hcpcs IN ('20552', '20553')
DO UPDATE SET claim_id = excluded.claim_id;
SELECT claim_id, line_no FROM x2 ORDER BY 1, 2;

------------------------------------------------------------------------
-- An UPDATE moving rows between partitions, reject mode: a move onto a
-- day that breaks a rule is rejected, a clean move passes; flag mode
-- logs a move once
------------------------------------------------------------------------
CREATE TABLE mp (LIKE tpi_rules.claim_line) PARTITION BY RANGE (date_of_service);
CREATE TABLE mp_jan PARTITION OF mp FOR VALUES FROM ('2025-01-01') TO ('2025-02-01');
CREATE TABLE mp_feb PARTITION OF mp FOR VALUES FROM ('2025-02-01') TO ('2025-03-01');
CREATE INDEX ON mp (patient_id, date_of_service);
CREATE TRIGGER zz_guard BEFORE INSERT OR UPDATE ON mp
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('reject');
INSERT INTO mp SELECT (pg_temp.tpi('V1', 1, 'PV', '2025-01-06', '{"payer_id": "aetna"}')).*
UNION ALL SELECT (pg_temp.tpi('V2', 1, 'PV', '2025-02-10', '{"payer_id": "aetna"}')).*;
UPDATE mp SET date_of_service = '2025-02-10' WHERE claim_id = 'V1';
UPDATE mp SET date_of_service = '2025-02-20' WHERE claim_id = 'V1';
SELECT tableoid::regclass, claim_id, date_of_service FROM mp ORDER BY 2;
DROP TRIGGER zz_guard ON mp;
CREATE TRIGGER zz_guard BEFORE INSERT OR UPDATE ON mp
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('flag');
UPDATE mp SET note_signed = false WHERE claim_id = 'V1';
DELETE FROM tpi_rules.finding_log;
UPDATE mp SET date_of_service = '2025-01-20' WHERE claim_id = 'V1';
SELECT claim_id, line_no, rule_id FROM tpi_rules.finding_log ORDER BY id;
DELETE FROM tpi_rules.finding_log;

------------------------------------------------------------------------
-- guard_statement() sees only the rows the INSERT stored and the rows
-- its DO UPDATE changed
------------------------------------------------------------------------
CREATE TABLE s1 (LIKE tpi_rules.claim_line INCLUDING ALL);
CREATE TRIGGER g_ins AFTER INSERT ON s1 REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION tpi_rules.guard_statement('reject');
CREATE TRIGGER g_upd AFTER UPDATE ON s1 REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION tpi_rules.guard_statement('reject');
INSERT INTO s1 SELECT (pg_temp.tpi('A1', 1, 'PA', '2025-01-06')).*
UNION ALL SELECT (pg_temp.drug('A1', 2, 'PA', '2025-01-06')).*;
INSERT INTO s1 SELECT (pg_temp.tpi('A1', 1, 'PA', '2025-01-06')).*
UNION ALL SELECT (pg_temp.drug('A1', 2, 'PA', '2025-01-06')).*
ON CONFLICT DO NOTHING;
INSERT INTO s1 SELECT (pg_temp.tpi('A1', 1, 'PA', '2025-01-06')).*
ON CONFLICT (claim_id, line_no) DO UPDATE SET charge = 3;
INSERT INTO s1 SELECT (pg_temp.tpi('A1', 1, 'PA', '2025-01-06')).*
ON CONFLICT (claim_id, line_no) DO UPDATE SET modifiers = '{50}';
SELECT claim_id, line_no, charge, modifiers FROM s1 ORDER BY 1, 2;

DROP TABLE pc, g, other, x1, x2, mp, s1;
DELETE FROM tpi_rules.finding_log;

------------------------------------------------------------------------
-- A data-modifying WITH that writes the guarded table twice: the rows
-- its ON CONFLICT skips are still not second lines.  Rows that an UPDATE
-- in a WITH, or a MERGE without an INSERT action, moves to another
-- partition are checked once; a guard on the destination partition
-- alone checks the row it receives.
------------------------------------------------------------------------
CREATE TABLE w2 (LIKE tpi_rules.claim_line INCLUDING ALL);
CREATE TRIGGER zz_guard BEFORE INSERT OR UPDATE ON w2
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('reject');
INSERT INTO w2 SELECT (pg_temp.tpi('W1', 1, 'PW', '2025-01-06')).*
UNION ALL SELECT (pg_temp.drug('W1', 2, 'PW', '2025-01-06')).*;
WITH a AS (INSERT INTO w2 SELECT (pg_temp.tpi('W1', 1, 'PW', '2025-01-06')).*
		   ON CONFLICT DO NOTHING RETURNING 1)
INSERT INTO w2 SELECT (pg_temp.drug('W1', 2, 'PW', '2025-01-06')).* ON CONFLICT DO NOTHING;
WITH u AS (UPDATE w2 SET charge = 1 WHERE claim_id = 'W1' AND line_no = 2 RETURNING 1)
INSERT INTO w2 SELECT (pg_temp.tpi('W1', 1, 'PW', '2025-01-06')).* ON CONFLICT DO NOTHING;
SELECT claim_id, line_no, charge FROM w2 ORDER BY 1, 2;

CREATE TABLE mv (LIKE tpi_rules.claim_line) PARTITION BY RANGE (date_of_service);
CREATE TABLE mv_jan PARTITION OF mv FOR VALUES FROM ('2025-01-01') TO ('2025-02-01');
CREATE TABLE mv_feb PARTITION OF mv FOR VALUES FROM ('2025-02-01') TO ('2025-03-01');
CREATE INDEX ON mv (patient_id, date_of_service);
CREATE TRIGGER zz_guard BEFORE INSERT OR UPDATE ON mv
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('flag');
INSERT INTO mv SELECT (pg_temp.tpi('V1', 1, 'PV', '2025-01-06', '{"note_signed": false}')).*
UNION ALL SELECT (pg_temp.drug('V1', 2, 'PV', '2025-01-06')).*;
DELETE FROM tpi_rules.finding_log;
MERGE INTO mv USING (VALUES ('V1')) s(c) ON mv.claim_id = s.c
 WHEN MATCHED THEN UPDATE SET date_of_service = '2025-02-10';
WITH u AS (UPDATE mv SET date_of_service = '2025-01-20' WHERE claim_id = 'V1' RETURNING 1)
SELECT count(*) FROM u;
SELECT tableoid::regclass, claim_id, line_no FROM mv ORDER BY 2, 3;
SELECT claim_id, line_no, rule_id FROM tpi_rules.finding_log ORDER BY id;
DELETE FROM tpi_rules.finding_log;

CREATE TABLE md (LIKE tpi_rules.claim_line) PARTITION BY RANGE (date_of_service);
CREATE TABLE md_jan PARTITION OF md FOR VALUES FROM ('2025-01-01') TO ('2025-02-01');
CREATE TABLE md_feb PARTITION OF md FOR VALUES FROM ('2025-02-01') TO ('2025-03-01');
CREATE INDEX ON md (patient_id, date_of_service);
CREATE TRIGGER zz_guard BEFORE INSERT OR UPDATE ON md_feb
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('reject');
INSERT INTO md SELECT (pg_temp.tpi('B1', 1, 'PB', '2025-01-06', '{"modifiers": ["50"]}')).*;
UPDATE md SET date_of_service = '2025-02-06' WHERE claim_id = 'B1';
SELECT tableoid::regclass, claim_id, line_no FROM md ORDER BY 2, 3;
DROP TABLE w2, mv, md;
DELETE FROM tpi_rules.finding_log;

------------------------------------------------------------------------
-- The first statement of a session, the one that loads the module, is an
-- INSERT ... ON CONFLICT re-running a load: skipped, not rejected
------------------------------------------------------------------------
CREATE TABLE fs (LIKE tpi_rules.claim_line INCLUDING ALL);
CREATE TRIGGER zz_guard BEFORE INSERT OR UPDATE ON fs
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('reject');
INSERT INTO fs SELECT (pg_temp.tpi('F1', 1, 'PF', '2025-01-06')).*
UNION ALL SELECT (pg_temp.drug('F1', 2, 'PF', '2025-01-06')).*;
\c
INSERT INTO fs (claim_id, line_no, patient_id, payer_id, provider_npi, date_of_service,
				hcpcs, units, icd10, place_of_service, muscles, trigger_points,
				drug_name, drug_dose, note_signed, post_procedure_plan,
				conservative_care, tp_locations, guidance)
VALUES ('F1', 1, 'PF', 'medicare', '1234567893', '2025-01-06', '20552', 1, '{M79.18}', '11',
		'{right upper trapezius,left levator scapulae}', 4, 'lidocaine 1%', '3 ml',
		true, true, true, true, 'none')
ON CONFLICT DO NOTHING;
SELECT claim_id, line_no FROM fs ORDER BY 1, 2;
-- ... and through a WITH, or a DO block: the portal shows no upsert
\c
WITH w AS (INSERT INTO fs (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, units)
		   VALUES ('F1', 1, 'PF', 'medicare', '2025-01-06', '20552', 1)
		   ON CONFLICT DO NOTHING RETURNING 1)
SELECT count(*) AS inserted FROM w;
\c
DO $$
BEGIN
	INSERT INTO fs (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, units)
	VALUES ('F1', 1, 'PF', 'medicare', '2025-01-06', '20552', 1)
	ON CONFLICT DO NOTHING;
END
$$;
SELECT claim_id, line_no FROM fs ORDER BY 1, 2;
DROP TABLE fs;
