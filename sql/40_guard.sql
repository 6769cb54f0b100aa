-- The guard triggers (SPEC section 9): tpi_rules.guard('reject' | 'flag')
-- and the statement-level tpi_rules.guard_statement().  The isolation
-- specs in test/specs prove the per-patient serialisation.
SET datestyle = 'ISO, YMD';
SET timezone = 'UTC';

-- A clean Medicare TPI line (20552, two muscles of one region, covered
-- diagnosis, drug documented), with fields replaced from a JSON object;
-- and its drug line.
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

-- Shows an error's fields (SQLSTATE, message, detail, hint, table).
CREATE FUNCTION pg_temp.try(sql text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	st text; msg text; det text; hnt text; sch text; tbl text;
BEGIN
	EXECUTE sql;
	RAISE NOTICE 'no error';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT,
		det = PG_EXCEPTION_DETAIL, hnt = PG_EXCEPTION_HINT,
		sch = SCHEMA_NAME, tbl = TABLE_NAME;
	RAISE NOTICE E'sqlstate %\nmessage: %\ndetail: %\nhint: %\nschema: %, table: %',
		st, msg, det, hnt, sch, tbl;
END
$$;

CREATE TABLE guarded (LIKE tpi_rules.claim_line INCLUDING ALL);
CREATE TRIGGER guarded_guard BEFORE INSERT OR UPDATE ON guarded
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('reject');

------------------------------------------------------------------------
-- reject mode
------------------------------------------------------------------------
-- A clean session is kept: the TPI line first, its drug line second (the
-- drug rule waits for the end of the transaction).
INSERT INTO guarded SELECT (pg_temp.tpi('C1', 1, 'P1', '2025-01-06')).*
UNION ALL SELECT (pg_temp.drug('C1', 2, 'P1', '2025-01-06')).*;
SELECT claim_id, line_no, hcpcs FROM guarded ORDER BY 1, 2;

-- An error finding rejects the row: 23514, the rule IDs, every finding,
-- the fix, the table.
SELECT pg_temp.try($$INSERT INTO guarded SELECT (pg_temp.tpi('C2', 1, 'P9', '2025-01-06',
	'{"units": 2, "note_signed": false}')).*$$);
INSERT INTO guarded SELECT (pg_temp.tpi('C2', 1, 'P9', '2025-01-06',
	'{"units": 2, "modifiers": ["50"]}')).*;
-- warnings pass (and reject mode logs nothing)
INSERT INTO guarded SELECT (pg_temp.tpi('C3', 1, 'P3', '2025-01-06', '{"note_signed": false}')).*
UNION ALL SELECT (pg_temp.drug('C3', 2, 'P3', '2025-01-06')).*;
SELECT claim_id, line_no FROM guarded WHERE patient_id = 'P3' ORDER BY 1, 2;
SELECT count(*) AS logged FROM tpi_rules.finding_log WHERE table_name = 'public.guarded';

-- UPDATE is checked again: a clean line updated to 2 units is rejected;
-- a harmless change passes.
UPDATE guarded SET units = 2 WHERE claim_id = 'C1' AND line_no = 1;
UPDATE guarded SET provider_npi = '1234567894' WHERE claim_id = 'C1' AND line_no = 1;
SELECT claim_id, line_no, units, provider_npi FROM guarded WHERE claim_id = 'C1' ORDER BY 2;

-- A multi-row INSERT with a bad row in the middle keeps nothing.
INSERT INTO guarded SELECT (pg_temp.tpi('C4', 1, 'P4', '2025-01-06')).*
UNION ALL SELECT (pg_temp.tpi('C5', 1, 'P5', '2025-01-06', '{"modifiers": ["LT"]}')).*
UNION ALL SELECT (pg_temp.drug('C4', 2, 'P4', '2025-01-06')).*;
SELECT count(*) AS p4_p5_lines FROM guarded WHERE patient_id IN ('P4', 'P5');

-- Day rules against the patient's other lines: 20553 on a day that has a
-- 20552 is rejected whichever line the rule reports; so is an E/M
-- without 25.
INSERT INTO guarded SELECT (pg_temp.tpi('C6', 1, 'P1', '2025-01-06',
	'{"hcpcs": "20553", "muscles": ["R trapezius", "L trapezius", "right levator scap"]}')).*;
INSERT INTO guarded SELECT (pg_temp.tpi('C6', 1, 'P1', '2025-01-06',
	'{"hcpcs": "99213", "muscles": null, "drug_name": null, "drug_dose": null}')).*;
-- with modifier 25 it passes (day.em_with_25 is info)
INSERT INTO guarded SELECT (pg_temp.tpi('C6', 1, 'P1', '2025-01-06',
	'{"hcpcs": "99213", "modifiers": ["25"], "muscles": null, "drug_name": null, "drug_dose": null}')).*;

-- Frequency: Medicare allows 3 sessions in 12 months.  The 4th is
-- rejected; so is a back-dated session that pushes a later one over.
INSERT INTO guarded SELECT (pg_temp.tpi('F' || n, 1, 'P2', d)).*
  FROM (VALUES (1, date '2025-01-06'), (2, '2025-02-24'), (3, '2025-06-02')) v(n, d)
UNION ALL
SELECT (pg_temp.drug('F' || n, 2, 'P2', d)).*
  FROM (VALUES (1, date '2025-01-06'), (2, '2025-02-24'), (3, '2025-06-02')) v(n, d);
INSERT INTO guarded SELECT (pg_temp.tpi('F4', 1, 'P2', '2025-07-21')).*
UNION ALL SELECT (pg_temp.drug('F4', 2, 'P2', '2025-07-21')).*;
INSERT INTO guarded SELECT (pg_temp.tpi('F0', 1, 'P2', '2024-11-04')).*
UNION ALL SELECT (pg_temp.drug('F0', 2, 'P2', '2024-11-04')).*;
SELECT claim_id, date_of_service FROM guarded
 WHERE patient_id = 'P2' AND hcpcs = '20552' ORDER BY 2;

-- Deferred rules: a TPI line without its drug line fails at commit ...
INSERT INTO guarded SELECT (pg_temp.tpi('D1', 1, 'P6', '2025-01-06')).*;
-- ... unless the drug line follows in the same transaction
BEGIN;
INSERT INTO guarded SELECT (pg_temp.tpi('D1', 1, 'P6', '2025-01-06')).*;
INSERT INTO guarded SELECT (pg_temp.drug('D1', 2, 'P6', '2025-01-06')).*;
COMMIT;
-- ... and stays there: a drug line rolled back to a savepoint cures nothing
BEGIN;
INSERT INTO guarded SELECT (pg_temp.tpi('D2', 1, 'P7', '2025-01-06')).*;
SAVEPOINT s;
INSERT INTO guarded SELECT (pg_temp.drug('D2', 2, 'P7', '2025-01-06')).*;
ROLLBACK TO SAVEPOINT s;
COMMIT;
-- ... until a drug line after the rollback cures it again
BEGIN;
INSERT INTO guarded SELECT (pg_temp.tpi('D3', 1, 'PS', '2025-01-06')).*;
SAVEPOINT s;
INSERT INTO guarded SELECT (pg_temp.drug('D3', 2, 'PS', '2025-01-06')).*;
ROLLBACK TO SAVEPOINT s;
INSERT INTO guarded SELECT (pg_temp.drug('D3', 2, 'PS', '2025-01-06')).*;
COMMIT;
SELECT claim_id, line_no FROM guarded WHERE patient_id IN ('P6', 'P7', 'PS') ORDER BY 1, 2;
-- The rejection at commit lists the row's other findings too (SPEC 9:
-- every finding): here the unsigned note's doc.missing_element warning.
INSERT INTO guarded SELECT (pg_temp.tpi('D4', 1, 'PT', '2025-01-06', '{"note_signed": false}')).*;
-- More patients than max_locks_per_transaction lock the table instead; a
-- rollback to a savepoint releases that lock, and the next row locks
-- again (the table: the patient locks taken before still count)
BEGIN;
SAVEPOINT s;
INSERT INTO guarded
SELECT (pg_temp.tpi('LK' || i, 1, 'LK' || i, '2025-01-06')).*
  FROM generate_series(1, current_setting('max_locks_per_transaction')::int + 2) i
UNION ALL
SELECT (pg_temp.drug('LK' || i, 2, 'LK' || i, '2025-01-06')).*
  FROM generate_series(1, current_setting('max_locks_per_transaction')::int + 2) i;
SELECT count(*) FILTER (WHERE locktype = 'relation' AND mode = 'ShareRowExclusiveLock') AS table_locked
  FROM pg_locks WHERE pid = pg_backend_pid() AND relation = 'guarded'::regclass;
ROLLBACK TO SAVEPOINT s;
INSERT INTO guarded SELECT (pg_temp.tpi('LK0', 1, 'LK0', '2025-01-06')).*
UNION ALL SELECT (pg_temp.drug('LK0', 2, 'LK0', '2025-01-06')).*;
SELECT count(*) FILTER (WHERE locktype = 'advisory') AS patient_locks,
	   count(*) FILTER (WHERE locktype = 'relation' AND mode = 'ShareRowExclusiveLock') AS table_locked
  FROM pg_locks WHERE pid = pg_backend_pid() AND (locktype = 'advisory' OR relation = 'guarded'::regclass);
ROLLBACK;

------------------------------------------------------------------------
-- flag mode: rows kept, every finding logged
------------------------------------------------------------------------
CREATE TABLE flagged (LIKE tpi_rules.claim_line INCLUDING ALL);
CREATE TRIGGER flagged_guard BEFORE INSERT OR UPDATE ON flagged
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('FLAG');
INSERT INTO flagged SELECT (pg_temp.tpi('C1', 1, 'P1', '2025-01-06')).*
UNION ALL SELECT (pg_temp.tpi('C2', 1, 'P1', '2025-01-06', '{"units": 2, "note_signed": false}')).*
UNION ALL SELECT (pg_temp.drug('C1', 2, 'P1', '2025-01-06')).*
UNION ALL SELECT (pg_temp.drug('C2', 2, 'P1', '2025-01-06')).*;
UPDATE flagged SET modifiers = '{50}' WHERE claim_id = 'C1' AND line_no = 1;
-- a TPI line whose claim never gets its drug line keeps that finding
INSERT INTO flagged SELECT (pg_temp.tpi('C3', 1, 'P2', '2025-01-06')).*;
SELECT claim_id, line_no, units, modifiers FROM flagged ORDER BY 1, 2;
SELECT table_name, claim_id, line_no, patient_id, date_of_service, rule_id, severity, message
  FROM tpi_rules.finding_log WHERE table_name = 'public.flagged'
 ORDER BY claim_id, line_no, id;

------------------------------------------------------------------------
-- set-up errors, at the first row
------------------------------------------------------------------------
CREATE TABLE setup (LIKE tpi_rules.claim_line INCLUDING ALL);
CREATE TRIGGER no_mode BEFORE INSERT ON setup FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard();
INSERT INTO setup SELECT (pg_temp.tpi('S1', 1, 'P1', '2025-01-06')).*;
DROP TRIGGER no_mode ON setup;
CREATE TRIGGER two_modes BEFORE INSERT ON setup FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('reject', 'flag');
INSERT INTO setup SELECT (pg_temp.tpi('S1', 1, 'P1', '2025-01-06')).*;
DROP TRIGGER two_modes ON setup;
CREATE TRIGGER maybe BEFORE INSERT ON setup FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('maybe');
SELECT pg_temp.try($$INSERT INTO setup SELECT (pg_temp.tpi('S1', 1, 'P1', '2025-01-06')).*$$);
DROP TRIGGER maybe ON setup;
CREATE TRIGGER after_row AFTER INSERT ON setup FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('reject');
INSERT INTO setup SELECT (pg_temp.tpi('S1', 1, 'P1', '2025-01-06')).*;
DROP TRIGGER after_row ON setup;
CREATE TRIGGER per_statement BEFORE INSERT ON setup FOR EACH STATEMENT EXECUTE FUNCTION tpi_rules.guard('reject');
INSERT INTO setup SELECT (pg_temp.tpi('S1', 1, 'P1', '2025-01-06')).*;
DROP TRIGGER per_statement ON setup;
SELECT count(*) AS setup_rows FROM setup;

-- A table without required columns: an ERROR naming them.
CREATE TABLE thin (claim_id text, line_no smallint, patient_id text, hcpcs text);
CREATE TRIGGER thin_guard BEFORE INSERT ON thin FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('reject');
INSERT INTO thin VALUES ('T1', 1, 'P1', '20552');
-- Only the required columns, in another order, with other types: fine.
CREATE TABLE minimal (hcpcs varchar(5), date_of_service date, payer_id text,
					  patient_id varchar, line_no integer, claim_id text,
					  PRIMARY KEY (claim_id, line_no));
CREATE INDEX ON minimal (patient_id, date_of_service);
CREATE TRIGGER minimal_guard BEFORE INSERT OR UPDATE ON minimal
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('flag');
INSERT INTO minimal VALUES ('99213', '2025-01-06', 'aetna', 'P1', 1, 'M1');
INSERT INTO minimal VALUES ('20552', '2025-01-06', 'aetna', 'P1', 2, 'M1');
SELECT claim_id, line_no, rule_id FROM tpi_rules.finding_log
 WHERE table_name = 'public.minimal' ORDER BY claim_id, line_no, rule_id;

------------------------------------------------------------------------
-- search_path, temporary tables, partitions, COPY, roles
------------------------------------------------------------------------
-- The same results under search_path = pg_catalog (as on postgres_fdw shards).
SET search_path = pg_catalog;
INSERT INTO public.guarded SELECT (pg_temp.tpi('C7', 1, 'P1', '2025-01-06', '{"modifiers": ["RT"]}')).*;
INSERT INTO public.guarded SELECT (pg_temp.tpi('F5', 1, 'P2', '2025-08-04')).*
UNION ALL SELECT (pg_temp.drug('F5', 2, 'P2', '2025-08-04')).*;
INSERT INTO public.guarded SELECT (pg_temp.tpi('C8', 1, 'P8', '2025-01-06')).*
UNION ALL SELECT (pg_temp.drug('C8', 2, 'P8', '2025-01-06')).*;
RESET search_path;
SELECT claim_id, line_no FROM guarded WHERE patient_id = 'P8' ORDER BY 1, 2;

-- A temporary table without the (patient_id, date_of_service) index:
-- one WARNING per table and session, at the first row.
CREATE TEMP TABLE scratch (LIKE tpi_rules.claim_line);
CREATE TRIGGER scratch_guard BEFORE INSERT OR UPDATE ON scratch
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('reject');
INSERT INTO scratch SELECT (pg_temp.tpi('C1', 1, 'P1', '2025-01-06')).*
UNION ALL SELECT (pg_temp.drug('C1', 2, 'P1', '2025-01-06')).*;
INSERT INTO scratch SELECT (pg_temp.tpi('C2', 1, 'P1', '2025-01-06', '{"hcpcs": "20553"}')).*;
INSERT INTO scratch SELECT (pg_temp.drug('C9', 1, 'P9', '2025-01-06')).*;
SELECT claim_id, line_no FROM scratch ORDER BY 1, 2;

-- A partitioned table: sessions in other partitions count.
CREATE TABLE parted (LIKE tpi_rules.claim_line) PARTITION BY RANGE (date_of_service);
CREATE TABLE parted_2024 PARTITION OF parted FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE parted_2025 PARTITION OF parted FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE INDEX ON parted (patient_id, date_of_service);
CREATE TRIGGER parted_guard BEFORE INSERT OR UPDATE ON parted
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('reject');
INSERT INTO parted SELECT (pg_temp.tpi('F' || n, 1, 'P2', d)).*
  FROM (VALUES (1, date '2024-10-07'), (2, '2024-11-25'), (3, '2025-01-13')) v(n, d)
UNION ALL
SELECT (pg_temp.drug('F' || n, 2, 'P2', d)).*
  FROM (VALUES (1, date '2024-10-07'), (2, '2024-11-25'), (3, '2025-01-13')) v(n, d);
INSERT INTO parted SELECT (pg_temp.tpi('F4', 1, 'P2', '2025-03-03')).*
UNION ALL SELECT (pg_temp.drug('F4', 2, 'P2', '2025-03-03')).*;
SELECT tableoid::regclass, claim_id, line_no FROM parted ORDER BY 2, 3;

-- COPY: flag mode keeps every row; reject mode fails the whole COPY.
COPY flagged (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, icd10, muscles,
			  drug_name, drug_dose, note_signed, post_procedure_plan, conservative_care, tp_locations)
FROM STDIN;
K1	1	P5	aetna	2025-01-06	20552	{M79.18}	{right upper trapezius}	lidocaine	2 ml	t	t	t	t
K1	2	P5	aetna	2025-01-06	20552	{M79.18}	{left upper trapezius}	lidocaine	2 ml	t	t	t	t
K2	1	P5	aetna	2025-01-06	99213	{M79.18}	\N	\N	\N	\N	\N	\N	\N
\.
SELECT claim_id, line_no, rule_id FROM tpi_rules.finding_log
 WHERE table_name = 'public.flagged' AND claim_id LIKE 'K%'
 ORDER BY claim_id, line_no, rule_id;
COPY guarded (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, icd10, muscles,
			  drug_name, drug_dose, note_signed, post_procedure_plan, conservative_care, tp_locations)
FROM STDIN;
K1	1	P5	aetna	2025-01-06	20552	{M79.18}	{right upper trapezius}	lidocaine	2 ml	t	t	t	t
K1	2	P5	aetna	2025-01-06	20552	{M79.18}	{left upper trapezius}	lidocaine	2 ml	t	t	t	t
\.
SELECT count(*) AS k_lines FROM guarded WHERE claim_id LIKE 'K%';

-- A role that may only insert into the tables, neither read them nor
-- write the log: the guard reads as the table's owner (as foreign key
-- checks do) and logs as the extension's owner.
CREATE ROLE regress_guard_clerk;
GRANT INSERT ON flagged, parted TO regress_guard_clerk;
SET ROLE regress_guard_clerk;
INSERT INTO flagged SELECT (pg_temp.tpi('R1', 1, 'P3', '2025-01-06', '{"units": 3}')).*
UNION ALL SELECT (pg_temp.drug('R1', 2, 'P3', '2025-01-06')).*;
INSERT INTO parted SELECT (pg_temp.tpi('F4', 1, 'P2', '2025-03-03')).*;
SELECT count(*) FROM tpi_rules.finding_log;
RESET ROLE;
SELECT claim_id, line_no, rule_id FROM tpi_rules.finding_log
 WHERE table_name = 'public.flagged' AND claim_id = 'R1' ORDER BY rule_id;
REVOKE ALL ON flagged, parted FROM regress_guard_clerk;
DROP ROLE regress_guard_clerk;

------------------------------------------------------------------------
-- guard_statement(): once per statement, for bulk loads
------------------------------------------------------------------------
CREATE TABLE bulk (LIKE tpi_rules.claim_line INCLUDING ALL);
CREATE TRIGGER bulk_insert AFTER INSERT ON bulk REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION tpi_rules.guard_statement('reject');
CREATE TRIGGER bulk_update AFTER UPDATE ON bulk
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION tpi_rules.guard_statement('reject');
-- the same sessions as P2 above, in one statement: the 4th is rejected,
-- and with it the statement
INSERT INTO bulk SELECT (pg_temp.tpi('F' || n, 1, 'P2', d)).*
  FROM (VALUES (1, date '2025-01-06'), (2, '2025-02-24'), (3, '2025-06-02'), (4, '2025-07-21')) v(n, d)
UNION ALL
SELECT (pg_temp.drug('F' || n, 2, 'P2', d)).*
  FROM (VALUES (1, date '2025-01-06'), (2, '2025-02-24'), (3, '2025-06-02'), (4, '2025-07-21')) v(n, d);
-- several bad lines: one error for the statement, every line in the detail
INSERT INTO bulk SELECT (pg_temp.tpi('B1', 1, 'P1', '2025-01-06', '{"units": 2}')).*
UNION ALL SELECT (pg_temp.tpi('B2', 1, 'P3', '2025-01-06', '{"modifiers": ["50"]}')).*
UNION ALL SELECT (pg_temp.drug('B1', 2, 'P1', '2025-01-06')).*
UNION ALL SELECT (pg_temp.drug('B2', 2, 'P3', '2025-01-06')).*;
INSERT INTO bulk SELECT (pg_temp.tpi('F' || n, 1, 'P2', d)).*
  FROM (VALUES (1, date '2025-01-06'), (2, '2025-02-24'), (3, '2025-06-02')) v(n, d)
UNION ALL
SELECT (pg_temp.drug('F' || n, 2, 'P2', d)).*
  FROM (VALUES (1, date '2025-01-06'), (2, '2025-02-24'), (3, '2025-06-02')) v(n, d);
UPDATE bulk SET units = 2 WHERE claim_id = 'F1' AND line_no = 1;
UPDATE bulk SET date_of_service = '2025-07-21' WHERE claim_id = 'F2';
SELECT claim_id, line_no, date_of_service, units FROM bulk ORDER BY 1, 2;
-- flag mode logs what guard() logs
CREATE TABLE bulk_flag (LIKE tpi_rules.claim_line INCLUDING ALL);
CREATE TRIGGER bulk_flag_insert AFTER INSERT ON bulk_flag REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION tpi_rules.guard_statement('flag');
INSERT INTO bulk_flag SELECT (pg_temp.tpi('C1', 1, 'P1', '2025-01-06')).*
UNION ALL SELECT (pg_temp.tpi('C2', 1, 'P1', '2025-01-06', '{"units": 2, "note_signed": false}')).*
UNION ALL SELECT (pg_temp.drug('C1', 2, 'P1', '2025-01-06')).*
UNION ALL SELECT (pg_temp.drug('C2', 2, 'P1', '2025-01-06')).*
UNION ALL SELECT (pg_temp.tpi('C3', 1, 'P2', '2025-01-06')).*;
SELECT claim_id, line_no, rule_id, severity, message FROM tpi_rules.finding_log
 WHERE table_name = 'public.bulk_flag' ORDER BY claim_id, line_no, id;
-- the same findings as the row trigger on the same lines
SELECT f.claim_id, f.line_no, f.rule_id, f.message
  FROM tpi_rules.finding_log f WHERE f.table_name = 'public.bulk_flag'
EXCEPT
SELECT f.claim_id, f.line_no, f.rule_id, f.message
  FROM tpi_rules.finding_log f WHERE f.table_name = 'public.flagged';
-- set-up errors
CREATE TRIGGER no_table AFTER INSERT ON setup
	FOR EACH STATEMENT EXECUTE FUNCTION tpi_rules.guard_statement('reject');
INSERT INTO setup SELECT (pg_temp.tpi('S1', 1, 'P1', '2025-01-06')).*;
DROP TRIGGER no_table ON setup;

------------------------------------------------------------------------
-- finding_log as written, and as a DBA may change it
------------------------------------------------------------------------
-- Rows go in by an INSERT: ids from its identity, logged_at = now(), the
-- indexes find them.  A statement of 3,400 lines (10,200 log rows) is
-- two INSERTs over unnest() of arrays, the batches being of 10,000.
CREATE TABLE logged (LIKE tpi_rules.claim_line INCLUDING ALL);
CREATE TRIGGER logged_guard AFTER INSERT ON logged REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION tpi_rules.guard_statement('flag');
BEGIN;
INSERT INTO logged SELECT (pg_temp.tpi('L' || n, 1, 'P' || n, '2025-01-06',
	'{"hcpcs": "20553", "units": 2}')).*
  FROM generate_series(1, 3400) n;
SELECT rule_id, count(*), count(DISTINCT id) AS ids, bool_and(logged_at = now()) AS now
  FROM tpi_rules.finding_log WHERE table_name = 'public.logged'
 GROUP BY rule_id ORDER BY rule_id;
COMMIT;
SET enable_seqscan = off;
SET enable_bitmapscan = off;
SELECT rule_id FROM tpi_rules.finding_log WHERE claim_id = 'L1999' ORDER BY rule_id;
SELECT count(*) FROM tpi_rules.finding_log
 WHERE id = (SELECT max(id) FROM tpi_rules.finding_log WHERE table_name = 'public.logged');
RESET enable_seqscan;
RESET enable_bitmapscan;
-- A trigger on finding_log (here one that copies findings elsewhere) is
-- honoured, and no longer fires once it is dropped.
CREATE TABLE forwarded (rule_id text);
CREATE FUNCTION pg_temp.forward() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO forwarded VALUES (NEW.rule_id);
	RETURN NEW;
END
$$;
CREATE TRIGGER forward AFTER INSERT ON tpi_rules.finding_log
	FOR EACH ROW EXECUTE FUNCTION pg_temp.forward();
DELETE FROM tpi_rules.finding_log;
INSERT INTO logged SELECT (pg_temp.tpi('M' || n, 1, 'P' || n, '2025-01-06',
	'{"hcpcs": "20553"}')).*
  FROM generate_series(1, 20) n;
INSERT INTO flagged SELECT (pg_temp.tpi('M21', 1, 'P21', '2025-01-06', '{"hcpcs": "20553"}')).*;
SELECT (SELECT count(*) FROM tpi_rules.finding_log) AS logged,
	   (SELECT count(*) FROM forwarded) AS forwarded;
DROP TRIGGER forward ON tpi_rules.finding_log;
INSERT INTO flagged SELECT (pg_temp.tpi('M22', 1, 'P22', '2025-01-06', '{"hcpcs": "20553"}')).*;
SELECT (SELECT count(*) FROM tpi_rules.finding_log) AS logged,
	   (SELECT count(*) FROM forwarded) AS forwarded;
-- So is an expression index.
CREATE INDEX finding_log_rule_lower ON tpi_rules.finding_log (lower(rule_id));
INSERT INTO flagged SELECT (pg_temp.tpi('M23', 1, 'P23', '2025-01-06', '{"hcpcs": "20553"}')).*;
SET enable_seqscan = off;
SET enable_bitmapscan = off;
SELECT claim_id, rule_id FROM tpi_rules.finding_log
 WHERE lower(rule_id) = 'code.upcoded' AND claim_id LIKE 'M2%' ORDER BY claim_id;
RESET enable_seqscan;
RESET enable_bitmapscan;
DROP INDEX tpi_rules.finding_log_rule_lower;
DROP TABLE logged, forwarded;

DROP TABLE guarded, flagged, setup, thin, minimal, parted, bulk, bulk_flag;
DELETE FROM tpi_rules.finding_log;
