-- guard() in flag mode holds a statement's finding_log rows and writes them
-- as the statement's run ends (41_guard_log.sql).  What a DBA or analyst
-- does around it ends with the log a row-at-a-time write gives: MERGE,
-- partitions, PL/pgSQL loops and cursors, savepoints, a failing held
-- write, deferred triggers, the mode switched inside a transaction.
SET datestyle = 'ISO, YMD';
SET timezone = 'UTC';

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
CREATE FUNCTION pg_temp.try(sql text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE sql;
	RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END
$$;
-- the log in the order written
CREATE VIEW pg_temp.logged AS
SELECT claim_id, line_no, rule_id FROM tpi_rules.finding_log ORDER BY id;
-- the module is loaded before the statements below: they are held
SELECT tpi_rules.pick_code('{trapezius}');
DELETE FROM tpi_rules.finding_log;

CREATE TABLE e (LIKE tpi_rules.claim_line INCLUDING ALL);
CREATE TRIGGER e_guard BEFORE INSERT OR UPDATE ON e
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('flag');

------------------------------------------------------------------------
-- MERGE: M1's drug line cures M1/1 in the statement, M3's drug line
-- cures the row an earlier statement wrote, M4/1 updated to 2 units
------------------------------------------------------------------------
CREATE TEMP TABLE src AS
SELECT (pg_temp.tpi('M1', 1, 'PM', '2025-01-06', '{"note_signed": false}')).*
UNION ALL SELECT (pg_temp.drug('M1', 2, 'PM', '2025-01-06')).*
UNION ALL SELECT (pg_temp.tpi('M2', 1, 'PN', '2025-01-06')).*
UNION ALL SELECT (pg_temp.drug('M3', 2, 'PO', '2025-01-06')).*
UNION ALL SELECT (pg_temp.tpi('M4', 1, 'PQ', '2025-01-06', '{"units": 2}')).*;
BEGIN;
INSERT INTO e SELECT (pg_temp.tpi('M3', 1, 'PO', '2025-01-06')).*;
INSERT INTO e SELECT (pg_temp.tpi('M4', 1, 'PQ', '2025-01-06')).*;
MERGE INTO e USING src s ON e.claim_id = s.claim_id AND e.line_no = s.line_no
 WHEN MATCHED THEN UPDATE SET units = s.units
 WHEN NOT MATCHED THEN INSERT VALUES (s.*);
COMMIT;
SELECT * FROM pg_temp.logged;
DROP TABLE src;
DELETE FROM tpi_rules.finding_log;

------------------------------------------------------------------------
-- a partitioned table, the trigger on the parent: a claim's lines in one
-- partition, the patient's next session in another; the parent's AFTER
-- STATEMENT trigger of an INSERT sees the statement's rows
------------------------------------------------------------------------
CREATE TABLE ep (LIKE tpi_rules.claim_line) PARTITION BY RANGE (date_of_service);
CREATE TABLE ep_jan PARTITION OF ep FOR VALUES FROM ('2025-01-01') TO ('2025-02-01');
CREATE TABLE ep_feb PARTITION OF ep FOR VALUES FROM ('2025-02-01') TO ('2025-03-01');
CREATE INDEX ON ep (patient_id, date_of_service);
CREATE TRIGGER ep_guard BEFORE INSERT OR UPDATE ON ep
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('flag');
CREATE TABLE seen (what text, n bigint);
CREATE FUNCTION pg_temp.count_log() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO seen SELECT TG_NAME, count(*) FROM tpi_rules.finding_log;
	RETURN NULL;
END
$$;
CREATE TRIGGER ep_after AFTER INSERT ON ep
	FOR EACH STATEMENT EXECUTE FUNCTION pg_temp.count_log();
BEGIN;
INSERT INTO ep SELECT (pg_temp.tpi('P1', 1, 'PP', '2025-01-06', '{"note_signed": false}')).*
UNION ALL SELECT (pg_temp.tpi('P2', 1, 'PP', '2025-02-06')).*
UNION ALL SELECT (pg_temp.drug('P1', 2, 'PP', '2025-01-06')).*
UNION ALL SELECT (pg_temp.drug('P2', 2, 'PP', '2025-02-06')).*;
COMMIT;
SELECT * FROM seen;
SELECT * FROM pg_temp.logged;
DROP TABLE ep, seen;
DELETE FROM tpi_rules.finding_log;

------------------------------------------------------------------------
-- PL/pgSQL: a FOR loop over an INSERT ... RETURNING sees the statement's
-- rows; its body's drug lines cure them, one undone in an EXCEPTION block
------------------------------------------------------------------------
CREATE FUNCTION pg_temp.loop_load() RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
	r record;
BEGIN
	FOR r IN INSERT INTO e
		SELECT (pg_temp.tpi('F' || i, 1, 'PF' || i, '2025-01-06', '{"note_signed": false}')).*
		  FROM generate_series(1, 3) i RETURNING claim_id, patient_id
	LOOP
		RETURN NEXT r.claim_id || ': ' ||
			(SELECT count(*) FROM tpi_rules.finding_log WHERE claim_id = r.claim_id) || ' logged';
		BEGIN
			INSERT INTO e SELECT (pg_temp.drug(r.claim_id, 2, r.patient_id, '2025-01-06')).*;
			IF r.claim_id = 'F2' THEN
				RAISE EXCEPTION 'undo';
			END IF;
		EXCEPTION WHEN raise_exception THEN NULL;
		END;
	END LOOP;
END
$$;
BEGIN;
SELECT * FROM pg_temp.loop_load();
COMMIT;
SELECT * FROM pg_temp.logged;
DELETE FROM tpi_rules.finding_log;

------------------------------------------------------------------------
-- a cursor fetched in pieces, each row inserted by a function, a piece
-- rolled back to a savepoint
------------------------------------------------------------------------
CREATE FUNCTION pg_temp.ins(c text, l int, h text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	IF h = 'J2001' THEN
		INSERT INTO e SELECT (pg_temp.drug(c, l, 'P' || c, '2025-01-06')).*;
	ELSE
		INSERT INTO e SELECT (pg_temp.tpi(c, l, 'P' || c, '2025-01-06', '{"note_signed": false}')).*;
	END IF;
	RETURN c || '/' || l || ': ' ||
		(SELECT count(*) FROM tpi_rules.finding_log WHERE claim_id = c) || ' logged';
END
$$;
BEGIN;
DECLARE cur CURSOR FOR SELECT pg_temp.ins(c, l, h)
	FROM (VALUES ('A', 1, '20552'), ('A', 2, 'J2001'), ('B', 1, '20552'),
				 ('C', 1, '20552'), ('C', 2, 'J2001')) v(c, l, h);
FETCH 2 FROM cur;
SAVEPOINT s;
FETCH 2 FROM cur;
ROLLBACK TO s;
FETCH ALL FROM cur;
COMMIT;
SELECT * FROM pg_temp.logged;
DELETE FROM tpi_rules.finding_log;

------------------------------------------------------------------------
-- savepoints around parts: a cure rolled back (S1 stays logged), one
-- released (S2 is cured), a statement that cured and failed (S4)
------------------------------------------------------------------------
BEGIN;
INSERT INTO e SELECT (pg_temp.tpi('S1', 1, 'PS1', '2025-01-06')).*
UNION ALL SELECT (pg_temp.tpi('S2', 1, 'PS2', '2025-01-06')).*;
SAVEPOINT a;
INSERT INTO e SELECT (pg_temp.drug('S1', 2, 'PS1', '2025-01-06')).*;
ROLLBACK TO a;
SAVEPOINT b;
INSERT INTO e SELECT (pg_temp.drug('S2', 2, 'PS2', '2025-01-06')).*;
RELEASE b;
INSERT INTO e SELECT (pg_temp.tpi('S4', 1, 'PS4', '2025-01-06')).*;
SELECT pg_temp.try($$INSERT INTO e SELECT (pg_temp.drug('S4', 2, 'PS4', '2025-01-06')).*
	UNION ALL SELECT (pg_temp.tpi('S4', 3, 'PS4', '2025-01-06', '{"units": "x"}')).*$$);
COMMIT;
SELECT * FROM pg_temp.logged;
DELETE FROM tpi_rules.finding_log;

------------------------------------------------------------------------
-- the held write fails on a DBA's unique index: the statement fails as a
-- whole (the drug line that cured U1 is undone with it), a savepoint or
-- an EXCEPTION block lets the transaction go on
------------------------------------------------------------------------
CREATE UNIQUE INDEX finding_log_once ON tpi_rules.finding_log (claim_id, line_no, rule_id);
INSERT INTO tpi_rules.finding_log (table_name, claim_id, line_no, patient_id,
	date_of_service, rule_id, severity, message)
VALUES ('x', 'U5', 1, 'PU5', '2025-01-06', 'doc.missing_element', 'warning', 'there first');
BEGIN;
INSERT INTO e SELECT (pg_temp.tpi('U1', 1, 'PU1', '2025-01-06')).*;
SAVEPOINT s;
SELECT pg_temp.try($$INSERT INTO e SELECT (pg_temp.drug('U1', 2, 'PU1', '2025-01-06')).*
	UNION ALL SELECT (pg_temp.tpi('U5', 1, 'PU5', '2025-01-06', '{"note_signed": false}')).*$$);
ROLLBACK TO s;
INSERT INTO e SELECT (pg_temp.tpi('U6', 1, 'PU6', '2025-01-06')).*
UNION ALL SELECT (pg_temp.drug('U6', 2, 'PU6', '2025-01-06')).*;
COMMIT;
SELECT claim_id, line_no FROM e WHERE claim_id LIKE 'U%' ORDER BY 1, 2;
DROP INDEX tpi_rules.finding_log_once;
SELECT * FROM pg_temp.logged;
DELETE FROM tpi_rules.finding_log;

------------------------------------------------------------------------
-- a deferred constraint trigger adds the drug line at COMMIT: it cures
-- the flag-mode row (G1) and the reject-mode check (G3); G4's goes to
-- another patient and G4 is rejected
------------------------------------------------------------------------
CREATE TABLE orders (claim_id text, patient_id text);
CREATE FUNCTION pg_temp.add_drug() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO e SELECT (pg_temp.drug(NEW.claim_id, 2, NEW.patient_id, '2025-01-06')).*;
	RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER add_drug AFTER INSERT ON orders
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION pg_temp.add_drug();
BEGIN;
INSERT INTO e SELECT (pg_temp.tpi('G1', 1, 'PG1', '2025-01-06')).*
UNION ALL SELECT (pg_temp.tpi('G2', 1, 'PG2', '2025-01-06')).*;
INSERT INTO orders VALUES ('G1', 'PG1');
COMMIT;
SELECT * FROM pg_temp.logged;
DROP TRIGGER e_guard ON e;
CREATE TRIGGER e_guard BEFORE INSERT OR UPDATE ON e
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('reject');
BEGIN;
INSERT INTO e SELECT (pg_temp.tpi('G3', 1, 'PG3', '2025-01-06')).*;
INSERT INTO orders VALUES ('G3', 'PG3');
COMMIT;
BEGIN;
INSERT INTO e SELECT (pg_temp.tpi('G4', 1, 'PG4', '2025-01-06')).*;
INSERT INTO orders VALUES ('G4', 'PGX');
\set VERBOSITY terse
COMMIT;
\set VERBOSITY default
SELECT claim_id, line_no, patient_id FROM e WHERE claim_id LIKE 'G%' ORDER BY 1, 2;
DROP TABLE orders;
DELETE FROM tpi_rules.finding_log;

------------------------------------------------------------------------
-- the mode switched inside a transaction and inside a function: a
-- reject-mode drug line cures a flag-mode row (D2), a flag-mode drug
-- line a reject-mode check (D3); AFTER UPDATE triggers, immediate and
-- deferred, see the UPDATE's rows
------------------------------------------------------------------------
DROP TRIGGER e_guard ON e;
CREATE TRIGGER e_guard BEFORE INSERT OR UPDATE ON e
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('flag');
CREATE FUNCTION pg_temp.seen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE NOTICE '% sees % log rows', TG_NAME,
		(SELECT count(*) FROM tpi_rules.finding_log WHERE claim_id LIKE 'D%');
	RETURN NULL;
END
$$;
CREATE TRIGGER e_after_update AFTER UPDATE ON e
	FOR EACH ROW EXECUTE FUNCTION pg_temp.seen();
CREATE CONSTRAINT TRIGGER e_deferred AFTER UPDATE ON e
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION pg_temp.seen();
CREATE FUNCTION pg_temp.switch_mode(mode text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	DROP TRIGGER e_guard ON e;
	EXECUTE format('CREATE TRIGGER e_guard BEFORE INSERT OR UPDATE ON e
		FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard(%L)', mode);
END
$$;
BEGIN;
INSERT INTO e SELECT (pg_temp.tpi('D1', 1, 'PD1', '2025-01-06', '{"note_signed": false}')).*
UNION ALL SELECT (pg_temp.tpi('D2', 1, 'PD2', '2025-01-06')).*;
UPDATE e SET units = 2 WHERE claim_id = 'D1';
SELECT pg_temp.switch_mode('reject');
INSERT INTO e SELECT (pg_temp.tpi('D3', 1, 'PD3', '2025-01-06')).*;
INSERT INTO e SELECT (pg_temp.drug('D2', 2, 'PD2', '2025-01-06')).*;
SELECT pg_temp.switch_mode('flag');
INSERT INTO e SELECT (pg_temp.drug('D3', 2, 'PD3', '2025-01-06')).*;
COMMIT;
SELECT * FROM pg_temp.logged;

DROP TABLE e;
DELETE FROM tpi_rules.finding_log;

------------------------------------------------------------------------
-- INSERT ... ON CONFLICT: the executor fires BEFORE INSERT triggers for
-- every row proposed.  A row that conflicts with a stored one is not
-- checked as an insert: DO NOTHING skips it (re-running a load is not a
-- second line, and a skipped drug line cures nothing), DO UPDATE updates
-- the stored row, which the BEFORE UPDATE trigger checks.  A row that
-- does not conflict is checked as ever.
------------------------------------------------------------------------
CREATE TABLE oc (LIKE tpi_rules.claim_line INCLUDING ALL);
CREATE TRIGGER oc_guard BEFORE INSERT OR UPDATE ON oc
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('reject');
INSERT INTO oc SELECT (pg_temp.tpi('O1', 1, 'PO', '2025-01-06')).*
UNION ALL SELECT (pg_temp.drug('O1', 2, 'PO', '2025-01-06')).*;
INSERT INTO oc SELECT (pg_temp.tpi('O1', 1, 'PO', '2025-01-06')).*
UNION ALL SELECT (pg_temp.drug('O1', 2, 'PO', '2025-01-06')).*
ON CONFLICT DO NOTHING;
INSERT INTO oc SELECT (pg_temp.tpi('O1', 1, 'PO', '2025-01-06')).*
ON CONFLICT (claim_id, line_no) DO UPDATE SET charge = 10;
SELECT pg_temp.try($$INSERT INTO oc SELECT (pg_temp.tpi('O1', 1, 'PO', '2025-01-06')).*
ON CONFLICT (claim_id, line_no) DO UPDATE SET modifiers = '{50}'$$);
-- a new claim's TPI line on the same day is a second line, ON CONFLICT or not
SELECT pg_temp.try($$INSERT INTO oc SELECT (pg_temp.tpi('O9', 1, 'PO', '2025-01-06')).*
ON CONFLICT DO NOTHING$$);
-- O2's drug line conflicts with another patient's line and is skipped
INSERT INTO oc SELECT (pg_temp.drug('O2', 2, 'PX', '2025-03-06')).*;
BEGIN;
INSERT INTO oc SELECT (pg_temp.tpi('O2', 1, 'PO2', '2025-01-06')).*;
INSERT INTO oc SELECT (pg_temp.drug('O2', 2, 'PO2', '2025-01-06')).* ON CONFLICT DO NOTHING;
COMMIT;
SELECT claim_id, line_no, patient_id, charge FROM oc ORDER BY 1, 2;
-- flag mode: the re-run logs nothing, the upsert's UPDATE is checked afresh
DROP TRIGGER oc_guard ON oc;
CREATE TRIGGER oc_guard BEFORE INSERT OR UPDATE ON oc
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('flag');
INSERT INTO oc SELECT (pg_temp.tpi('O3', 1, 'PO3', '2025-01-06', '{"note_signed": false}')).*
UNION ALL SELECT (pg_temp.drug('O3', 2, 'PO3', '2025-01-06')).*;
INSERT INTO oc SELECT (pg_temp.tpi('O3', 1, 'PO3', '2025-01-06', '{"note_signed": false}')).*
UNION ALL SELECT (pg_temp.drug('O3', 2, 'PO3', '2025-01-06')).*
ON CONFLICT DO NOTHING;
WITH w AS (INSERT INTO oc SELECT (pg_temp.tpi('O3', 1, 'PO3', '2025-01-06', '{"note_signed": false}')).*
		   ON CONFLICT DO NOTHING RETURNING 1)
SELECT count(*) FROM w;
INSERT INTO oc SELECT (pg_temp.tpi('O3', 1, 'PO3', '2025-01-06', '{"note_signed": false}')).*
ON CONFLICT (claim_id, line_no) DO UPDATE SET units = 2;
SELECT * FROM pg_temp.logged;
DROP TABLE oc;
DELETE FROM tpi_rules.finding_log;

------------------------------------------------------------------------
-- An UPDATE that moves its row to another partition inserts it there:
-- checked once, as the UPDATE.  A COPY into a partitioned table whose
-- parent has an AFTER STATEMENT trigger writes its log rows before that
-- trigger fires.
------------------------------------------------------------------------
CREATE TABLE mp (LIKE tpi_rules.claim_line) PARTITION BY RANGE (date_of_service);
CREATE TABLE mp_jan PARTITION OF mp FOR VALUES FROM ('2025-01-01') TO ('2025-02-01');
CREATE TABLE mp_feb PARTITION OF mp FOR VALUES FROM ('2025-02-01') TO ('2025-03-01');
CREATE INDEX ON mp (patient_id, date_of_service);
CREATE TRIGGER mp_guard BEFORE INSERT OR UPDATE ON mp
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('flag');
INSERT INTO mp SELECT (pg_temp.tpi('V1', 1, 'PV', '2025-01-06', '{"note_signed": false}')).*
UNION ALL SELECT (pg_temp.drug('V1', 2, 'PV', '2025-01-06')).*;
UPDATE mp SET date_of_service = '2025-02-10' WHERE claim_id = 'V1';
SELECT tableoid::regclass, claim_id, line_no FROM mp ORDER BY 2, 3;
SELECT * FROM pg_temp.logged;
DELETE FROM tpi_rules.finding_log;
CREATE TABLE seen (what text, n bigint);
CREATE TRIGGER mp_after AFTER INSERT ON mp
	FOR EACH STATEMENT EXECUTE FUNCTION pg_temp.count_log();
COPY mp (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, units, icd10, place_of_service, muscles, drug_name, drug_dose, note_signed, post_procedure_plan, conservative_care, tp_locations) FROM STDIN;
W1	1	PW	medicare	2025-01-13	20552	1	{M79.18}	11	{right upper trapezius}	lidocaine 1%	3 ml	f	t	t	t
W1	2	PW	medicare	2025-01-13	J2001	1	{M79.18}	11	\N	\N	\N	\N	\N	\N	\N
W2	1	PW	medicare	2025-02-13	20552	1	{M79.18}	11	{right upper trapezius}	lidocaine 1%	3 ml	f	t	t	t
\.
SELECT * FROM seen;
SELECT * FROM pg_temp.logged;
DROP TABLE mp, seen;
DELETE FROM tpi_rules.finding_log;
