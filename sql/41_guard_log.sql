-- finding_log as the guard writes it (flag mode), and as a DBA may change
-- it: the rows go through the executor (an INSERT), so whatever is added
-- to the table is honoured, and a read-only transaction refuses them.
SET datestyle = 'ISO, YMD';
SET timezone = 'UTC';

-- A clean Medicare TPI line with fields replaced from a JSON object, and
-- its drug line (as in 40_guard).
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
-- Shows an error's SQLSTATE, message and constraint; with path, also
-- whether the INSERT statement into finding_log raised it (the error's
-- context names it) or the executor's insert routine (finding_log_exec.c).
CREATE FUNCTION pg_temp.try(sql text, path boolean DEFAULT false)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	st text; msg text; con text; ctx text;
BEGIN
	EXECUTE sql;
	RAISE NOTICE 'no error';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT,
		con = CONSTRAINT_NAME, ctx = PG_EXCEPTION_CONTEXT;
	IF path THEN
		RAISE NOTICE 'sqlstate % (%): %', st,
			CASE WHEN ctx LIKE '%SQL statement "INSERT INTO tpi_rules.finding_log%'
				 THEN 'insert statement' ELSE 'executor insert' END, msg;
	ELSE
		RAISE NOTICE 'sqlstate %: %', st,
			msg || coalesce(' (constraint ' || nullif(con, '') || ')', '');
	END IF;
END
$$;

-- A row trigger and a statement trigger, flag mode.  The tables have no
-- primary key, so a line may be loaded twice.
CREATE TABLE row_flag (LIKE tpi_rules.claim_line);
CREATE INDEX ON row_flag (patient_id, date_of_service);
ALTER TABLE row_flag ALTER date_of_service DROP NOT NULL;
CREATE TRIGGER row_flag_guard BEFORE INSERT OR UPDATE ON row_flag
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('flag');
CREATE TABLE stmt_flag (LIKE tpi_rules.claim_line);
CREATE INDEX ON stmt_flag (patient_id, date_of_service);
ALTER TABLE stmt_flag ALTER date_of_service DROP NOT NULL;
CREATE TRIGGER stmt_flag_guard AFTER INSERT ON stmt_flag
	REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION tpi_rules.guard_statement('flag');

-- Loads both tables with the same lines: an error (units 2 on 20552), a
-- warning (unsigned note) and info (E/M with 25) finding, and a TPI line
-- without its drug line (drug.missing_on_claim, curable: its log row is
-- written with a reference so that a later drug line can delete it).
CREATE FUNCTION pg_temp.load(tag text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE format($q$
		INSERT INTO row_flag SELECT (pg_temp.tpi(%1$L || '1', 1, %1$L || 'P1', '2025-01-06',
			'{"units": 2, "note_signed": false}')).*
		UNION ALL SELECT (pg_temp.drug(%1$L || '1', 2, %1$L || 'P1', '2025-01-06')).*
		UNION ALL SELECT (pg_temp.tpi(%1$L || '1', 3, %1$L || 'P1', '2025-01-06',
			'{"hcpcs": "99213", "modifiers": ["25"], "muscles": null,
			  "drug_name": null, "drug_dose": null}')).*
		UNION ALL SELECT (pg_temp.tpi(%1$L || '2', 1, %1$L || 'P2', '2025-01-06')).*$q$,
		tag);
	INSERT INTO stmt_flag SELECT * FROM row_flag WHERE claim_id LIKE tag || '%';
END
$$;
-- the statement load copies the row load's lines: the row trigger has
-- logged by then, so count each table's log rows apart
CREATE VIEW pg_temp.logged AS
SELECT table_name, claim_id, line_no, rule_id, severity
  FROM tpi_rules.finding_log WHERE table_name IN ('public.row_flag', 'public.stmt_flag');

------------------------------------------------------------------------
-- columns added and dropped (this used to crash the server)
------------------------------------------------------------------------
BEGIN;
ALTER TABLE tpi_rules.finding_log ADD COLUMN a text, ADD COLUMN b text, ADD COLUMN c text;
ALTER TABLE tpi_rules.finding_log DROP COLUMN a, DROP COLUMN b;
ALTER TABLE tpi_rules.finding_log DROP COLUMN c;
ALTER TABLE tpi_rules.finding_log DROP COLUMN message;
ALTER TABLE tpi_rules.finding_log ADD COLUMN message text;
SELECT pg_temp.load('A');
SELECT table_name, claim_id, line_no, rule_id, severity, message IS NOT NULL AS has_message
  FROM tpi_rules.finding_log ORDER BY table_name, claim_id, line_no, rule_id;
ROLLBACK;
TRUNCATE row_flag, stmt_flag;

------------------------------------------------------------------------
-- a unique index
------------------------------------------------------------------------
CREATE UNIQUE INDEX finding_log_once ON tpi_rules.finding_log
	(table_name, claim_id, line_no, rule_id);
SELECT pg_temp.load('U');
-- the same error line again: its log row would be a duplicate
SELECT pg_temp.try($$INSERT INTO row_flag SELECT * FROM row_flag WHERE claim_id = 'U1' AND line_no = 1$$);
SELECT pg_temp.try($$INSERT INTO stmt_flag SELECT * FROM stmt_flag WHERE claim_id = 'U1' AND line_no = 1$$);
DROP INDEX tpi_rules.finding_log_once;
SELECT * FROM pg_temp.logged ORDER BY 1, 2, 3, 4;
TRUNCATE row_flag, stmt_flag;
DELETE FROM tpi_rules.finding_log;

------------------------------------------------------------------------
-- rewrite rules
------------------------------------------------------------------------
-- DO INSTEAD NOTHING: nothing is logged, the claims are kept, and the
-- curable finding (whose row cannot be RETURNed through an INSTEAD rule)
-- does not fail the load.
CREATE RULE finding_log_skip AS ON INSERT TO tpi_rules.finding_log DO INSTEAD NOTHING;
SELECT pg_temp.load('N');
SELECT (SELECT count(*) FROM row_flag) AS row_lines,
	   (SELECT count(*) FROM stmt_flag) AS stmt_lines,
	   (SELECT count(*) FROM tpi_rules.finding_log) AS logged;
-- the drug line that cures the curable finding finds nothing to delete
INSERT INTO row_flag SELECT (pg_temp.drug('N2', 2, 'NP2', '2025-01-06')).*;
DROP RULE finding_log_skip ON tpi_rules.finding_log;
-- a conditional INSTEAD rule: info findings go elsewhere
CREATE TABLE info_log (rule_id text, claim_id text);
CREATE RULE finding_log_info AS ON INSERT TO tpi_rules.finding_log
	WHERE NEW.severity = 'info'
	DO INSTEAD INSERT INTO public.info_log VALUES (NEW.rule_id, NEW.claim_id);
-- DO ALSO: a copy of each row
CREATE TABLE log_copy (rule_id text, claim_id text, line_no smallint);
CREATE RULE finding_log_copy AS ON INSERT TO tpi_rules.finding_log
	DO ALSO INSERT INTO public.log_copy VALUES (NEW.rule_id, NEW.claim_id, NEW.line_no);
TRUNCATE row_flag, stmt_flag;
SELECT pg_temp.load('R');
DROP RULE finding_log_info ON tpi_rules.finding_log;
DROP RULE finding_log_copy ON tpi_rules.finding_log;
-- (the row trigger's R1/1 keeps drug.missing_on_claim, which the drug
-- line R1/2 cured: through an INSTEAD rule the guard cannot learn which
-- row it wrote, so it cannot delete it again)
SELECT 'finding_log' AS into, * FROM pg_temp.logged
UNION ALL
SELECT 'info_log', NULL, claim_id, NULL, rule_id, NULL FROM info_log
ORDER BY 1, 2, 3, 4, 5;
-- every row is copied, info ones too (the INSTEAD rule did not stop the ALSO)
SELECT claim_id, line_no, rule_id, count(*) FROM log_copy
 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
DROP TABLE info_log, log_copy;
TRUNCATE row_flag, stmt_flag;
DELETE FROM tpi_rules.finding_log;

------------------------------------------------------------------------
-- NOT NULL, defaults, CHECK, triggers
------------------------------------------------------------------------
BEGIN;
ALTER TABLE tpi_rules.finding_log ADD COLUMN reviewed boolean NOT NULL DEFAULT false;
ALTER TABLE tpi_rules.finding_log ADD COLUMN source text NOT NULL DEFAULT 'guard';
SELECT pg_temp.load('D');
SELECT reviewed, source, count(*) FROM tpi_rules.finding_log GROUP BY 1, 2;
ROLLBACK;
TRUNCATE row_flag, stmt_flag;
-- a NOT NULL on a column the guard may leave NULL: a line without a date
ALTER TABLE tpi_rules.finding_log ALTER COLUMN date_of_service SET NOT NULL;
SELECT pg_temp.try($$INSERT INTO row_flag SELECT (pg_temp.tpi('V1', 1, 'VP1', NULL)).*$$);
SELECT pg_temp.try($$INSERT INTO stmt_flag SELECT (pg_temp.tpi('V1', 1, 'VP1', NULL)).*$$);
ALTER TABLE tpi_rules.finding_log ALTER COLUMN date_of_service DROP NOT NULL;
-- a CHECK: no info findings
ALTER TABLE tpi_rules.finding_log ADD CONSTRAINT finding_log_no_info CHECK (severity <> 'info');
SELECT pg_temp.try($$SELECT pg_temp.load('C')$$);
ALTER TABLE tpi_rules.finding_log DROP CONSTRAINT finding_log_no_info;
-- a BEFORE trigger that changes rows and skips warnings
CREATE FUNCTION pg_temp.mark() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.severity = 'warning' THEN
		RETURN NULL;
	END IF;
	NEW.message := 'checked: ' || NEW.message;
	RETURN NEW;
END
$$;
CREATE TRIGGER mark BEFORE INSERT ON tpi_rules.finding_log
	FOR EACH ROW EXECUTE FUNCTION pg_temp.mark();
SELECT pg_temp.load('T');
DROP TRIGGER mark ON tpi_rules.finding_log;
SELECT table_name, claim_id, line_no, rule_id, severity, left(message, 9) AS message
  FROM tpi_rules.finding_log ORDER BY 1, 2, 3, 4;
TRUNCATE row_flag, stmt_flag;
DELETE FROM tpi_rules.finding_log;

------------------------------------------------------------------------
-- row security, privileges, partitions
------------------------------------------------------------------------
-- Forced row security applies to the owner, who writes the log: a policy
-- that admits only errors refuses the load.  (In the test the owner is
-- made a role that is not a superuser, whom row security would not bind.)
BEGIN;
CREATE ROLE regress_guard_log_owner;
GRANT SELECT ON ALL TABLES IN SCHEMA tpi_rules TO regress_guard_log_owner;
ALTER TABLE tpi_rules.rule OWNER TO regress_guard_log_owner;
ALTER TABLE tpi_rules.finding_log OWNER TO regress_guard_log_owner;
ALTER TABLE tpi_rules.finding_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE tpi_rules.finding_log FORCE ROW LEVEL SECURITY;
CREATE POLICY errors_only ON tpi_rules.finding_log FOR INSERT WITH CHECK (severity = 'error');
CREATE POLICY read_all ON tpi_rules.finding_log FOR SELECT USING (true);
-- (S1/1's drug.missing_on_claim, cured by S1/2 while the statement still
-- holds it, is never written, so the missing DELETE policy does not keep it)
SELECT pg_temp.try($$INSERT INTO row_flag SELECT (pg_temp.tpi('S1', 1, 'SP1', '2025-01-06',
	'{"units": 2}')).* UNION ALL SELECT (pg_temp.drug('S1', 2, 'SP1', '2025-01-06')).*$$);
SELECT pg_temp.try($$INSERT INTO row_flag SELECT (pg_temp.tpi('S2', 1, 'SP2', '2025-01-06',
	'{"note_signed": false}')).*$$);
SELECT pg_temp.try($$INSERT INTO stmt_flag SELECT (pg_temp.tpi('S2', 1, 'SP2', '2025-01-06',
	'{"note_signed": false}')).*$$);
SELECT table_name, claim_id, line_no, rule_id FROM tpi_rules.finding_log ORDER BY 1, 2, 3, 4;
ROLLBACK;
-- A role that may insert claims but has no privilege on finding_log: the
-- log is written as the extension's owner.
CREATE ROLE regress_guard_log_clerk;
GRANT INSERT ON row_flag, stmt_flag TO regress_guard_log_clerk;
SET ROLE regress_guard_log_clerk;
SELECT pg_temp.try($$SELECT count(*) FROM tpi_rules.finding_log$$);
INSERT INTO row_flag SELECT (pg_temp.tpi('G1', 1, 'GP1', '2025-01-06', '{"units": 2}')).*;
INSERT INTO stmt_flag SELECT (pg_temp.tpi('G1', 1, 'GP1', '2025-01-06', '{"units": 2}')).*;
RESET ROLE;
SELECT * FROM pg_temp.logged ORDER BY 1, 2, 3, 4;
REVOKE ALL ON row_flag, stmt_flag FROM regress_guard_log_clerk;
DROP ROLE regress_guard_log_clerk;
TRUNCATE row_flag, stmt_flag;
DELETE FROM tpi_rules.finding_log;
-- finding_log made a partitioned table (by severity), in a transaction
-- rolled back: rows are routed, and a cured finding's row is deleted from
-- its partition.
BEGIN;
ALTER TABLE tpi_rules.finding_log RENAME TO finding_log_plain;
CREATE TABLE tpi_rules.finding_log (LIKE tpi_rules.finding_log_plain INCLUDING DEFAULTS
	INCLUDING IDENTITY INCLUDING CONSTRAINTS) PARTITION BY LIST (severity);
CREATE TABLE tpi_rules.finding_log_error PARTITION OF tpi_rules.finding_log FOR VALUES IN ('error');
CREATE TABLE tpi_rules.finding_log_other PARTITION OF tpi_rules.finding_log DEFAULT;
SELECT pg_temp.load('P');
INSERT INTO row_flag SELECT (pg_temp.drug('P2', 2, 'PP2', '2025-01-06')).*;
INSERT INTO stmt_flag SELECT (pg_temp.drug('P2', 2, 'PP2', '2025-01-06')).*;
SELECT tableoid::regclass AS partition, table_name, claim_id, line_no, rule_id
  FROM tpi_rules.finding_log ORDER BY 1, 2, 3, 4, 5;
ROLLBACK;
TRUNCATE row_flag, stmt_flag;

------------------------------------------------------------------------
-- a read-only transaction
------------------------------------------------------------------------
-- A temporary table may be written in a read-only transaction, but the
-- guard's log may not: a line with findings is refused with 25006, the
-- usual error.  A clean claim has nothing to log and is kept (its drug
-- line first: a TPI line without it would log drug.missing_on_claim).
CREATE TEMP TABLE scratch (LIKE tpi_rules.claim_line);
CREATE INDEX ON scratch (patient_id, date_of_service);
CREATE TRIGGER scratch_guard BEFORE INSERT OR UPDATE ON scratch
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('flag');
CREATE TEMP TABLE scratch_stmt (LIKE tpi_rules.claim_line);
CREATE INDEX ON scratch_stmt (patient_id, date_of_service);
CREATE TRIGGER scratch_stmt_guard AFTER INSERT ON scratch_stmt
	REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION tpi_rules.guard_statement('flag');
BEGIN READ ONLY;
SELECT pg_temp.try($$INSERT INTO scratch SELECT (pg_temp.tpi('O1', 1, 'OP1', '2025-01-06', '{"units": 2}')).*$$);
SELECT pg_temp.try($$INSERT INTO scratch_stmt SELECT (pg_temp.tpi('O1', 1, 'OP1', '2025-01-06', '{"units": 2}')).*$$);
INSERT INTO scratch SELECT (pg_temp.drug('O2', 2, 'OP2', '2025-01-06')).*
UNION ALL SELECT (pg_temp.tpi('O2', 1, 'OP2', '2025-01-06')).*;
SELECT claim_id, line_no FROM scratch ORDER BY 1, 2;
COMMIT;
SELECT count(*) AS logged FROM tpi_rules.finding_log;

------------------------------------------------------------------------
-- the row trigger's fast path (finding_log_exec.c)
------------------------------------------------------------------------
-- A row's few findings go in through the executor's insert routine, not
-- an INSERT statement, when that is equivalent (pg_temp.try(sql, true)
-- tells the paths apart).
-- ids from the identity, logged_at the transaction's time, a DBA's added
-- columns filled from their defaults (NULL without one), in one
-- transaction with a statement load for comparison
BEGIN;
ALTER TABLE tpi_rules.finding_log ADD COLUMN batch text DEFAULT 'night-' || 'run',
	ADD COLUMN note text, ADD COLUMN seq_no bigint GENERATED BY DEFAULT AS IDENTITY;
SELECT coalesce(pg_catalog.max(id), 0) AS id_before FROM tpi_rules.finding_log \gset
SELECT pg_temp.load('E');
SELECT table_name, count(*) AS logged, count(DISTINCT id) AS ids,
	   bool_and(id > :id_before) AS ids_new,
	   bool_and(logged_at = now()) AS at_now, count(DISTINCT seq_no) AS seq_nos,
	   bool_and(batch = 'night-run') AS batch_default, count(note) AS notes
  FROM tpi_rules.finding_log GROUP BY 1 ORDER BY 1;
ROLLBACK;
TRUNCATE row_flag, stmt_flag;
-- NOT NULL and CHECK violations: the same SQLSTATE as from the INSERT
ALTER TABLE tpi_rules.finding_log ALTER COLUMN date_of_service SET NOT NULL;
SELECT pg_temp.try($$INSERT INTO row_flag SELECT (pg_temp.tpi('F1', 1, 'FP1', NULL)).*$$, true);
ALTER TABLE tpi_rules.finding_log ALTER COLUMN date_of_service DROP NOT NULL;
ALTER TABLE tpi_rules.finding_log ADD CONSTRAINT finding_log_no_units CHECK (rule_id <> 'units.over_mue');
SELECT pg_temp.try($$INSERT INTO row_flag SELECT (pg_temp.tpi('F2', 1, 'FP2', '2025-01-06', '{"units": 2}')).*$$, true);
-- a rule, even one that does nothing, leaves the row to the INSERT
CREATE RULE finding_log_also AS ON INSERT TO tpi_rules.finding_log DO ALSO NOTHING;
SELECT pg_temp.try($$INSERT INTO row_flag SELECT (pg_temp.tpi('F2', 1, 'FP2', '2025-01-06', '{"units": 2}')).*$$, true);
DROP RULE finding_log_also ON tpi_rules.finding_log;
ALTER TABLE tpi_rules.finding_log DROP CONSTRAINT finding_log_no_units;
-- an AFTER INSERT trigger on finding_log fires for each row
CREATE TABLE after_seen (id bigint, rule_id text);
CREATE FUNCTION pg_temp.seen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO public.after_seen VALUES (NEW.id, NEW.rule_id);
	RETURN NULL;
END
$$;
CREATE TRIGGER seen AFTER INSERT ON tpi_rules.finding_log
	FOR EACH ROW EXECUTE FUNCTION pg_temp.seen();
INSERT INTO row_flag SELECT (pg_temp.tpi('F3', 1, 'FP3', '2025-01-06', '{"units": 2}')).*;
DROP TRIGGER seen ON tpi_rules.finding_log;
SELECT f.claim_id, f.rule_id, s.id IS NOT NULL AS seen
  FROM tpi_rules.finding_log f LEFT JOIN after_seen s ON s.id = f.id
 WHERE f.claim_id = 'F3' ORDER BY 1, 2;
SELECT count(*) AS seen_rows FROM after_seen;
DROP TABLE after_seen;
TRUNCATE row_flag, stmt_flag;
DELETE FROM tpi_rules.finding_log;
-- A cured finding's row goes through the executor's delete routine when
-- that is equivalent: DELETE triggers on finding_log fire for it, one that
-- skips the row keeps it, an error names no DELETE statement, a rule
-- leaves the row to the DELETE statement, and a DBA's foreign key to
-- finding_log cascades.  Each claim is a TPI line and, in the same
-- transaction, the drug line that cures its drug.missing_on_claim.
CREATE FUNCTION pg_temp.claim(tag text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO row_flag SELECT (pg_temp.tpi(tag, 1, tag || 'P', '2025-01-06')).*;
	INSERT INTO row_flag SELECT (pg_temp.drug(tag, 2, tag || 'P', '2025-01-06')).*;
END
$$;
CREATE TABLE deleted_seen (id bigint, rule_id text);
CREATE FUNCTION pg_temp.del_seen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO public.deleted_seen VALUES (OLD.id, OLD.rule_id);
	IF OLD.claim_id = 'D2' THEN
		RETURN NULL;
	ELSIF OLD.claim_id = 'D3' THEN
		RAISE EXCEPTION 'finding % may not go', OLD.rule_id;
	END IF;
	RETURN OLD;
END
$$;
CREATE TRIGGER del_seen BEFORE DELETE ON tpi_rules.finding_log
	FOR EACH ROW EXECUTE FUNCTION pg_temp.del_seen();
SELECT pg_temp.claim('D1');
SELECT pg_temp.claim('D2');
DO $$
DECLARE
	ctx text;
BEGIN
	PERFORM pg_temp.claim('D3');
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS ctx = PG_EXCEPTION_CONTEXT;
	RAISE NOTICE '% (%)', SQLERRM,
		CASE WHEN ctx LIKE '%SQL statement "DELETE FROM tpi_rules.finding_log%'
			 THEN 'delete statement' ELSE 'executor delete' END;
END
$$;
CREATE RULE finding_log_keep AS ON DELETE TO tpi_rules.finding_log DO INSTEAD NOTHING;
SELECT pg_temp.claim('D4');
DROP RULE finding_log_keep ON tpi_rules.finding_log;
DROP TRIGGER del_seen ON tpi_rules.finding_log;
CREATE TABLE log_checked (log_id bigint REFERENCES tpi_rules.finding_log (id) ON DELETE CASCADE);
BEGIN;
INSERT INTO row_flag SELECT (pg_temp.tpi('D5', 1, 'D5P', '2025-01-06')).*;
INSERT INTO log_checked SELECT id FROM tpi_rules.finding_log WHERE claim_id = 'D5';
INSERT INTO row_flag SELECT (pg_temp.drug('D5', 2, 'D5P', '2025-01-06')).*;
COMMIT;
SELECT claim_id, rule_id FROM tpi_rules.finding_log
 WHERE rule_id = 'drug.missing_on_claim' ORDER BY 1;
SELECT f.claim_id, d.rule_id FROM deleted_seen d LEFT JOIN tpi_rules.finding_log f USING (id)
 ORDER BY 1, 2;
SELECT count(*) AS checked_left FROM log_checked;
DROP TABLE deleted_seen, log_checked;
TRUNCATE row_flag, stmt_flag;
DELETE FROM tpi_rules.finding_log;

------------------------------------------------------------------------
-- amcheck: finding_log's heap and indexes are sound after guard loads
------------------------------------------------------------------------
CREATE EXTENSION IF NOT EXISTS amcheck;
-- 300 lines of 30 patients by the row and the statement trigger, in one
-- transaction: frequency caps broken, drug lines that cure earlier
-- findings (their log rows deleted), statements of more rows than one
-- VALUES list holds.
BEGIN;
INSERT INTO row_flag SELECT (pg_temp.tpi('K' || n, 1, 'KP' || n % 30,
	date '2025-01-06' + n, CASE WHEN n % 3 = 0 THEN '{"units": 2}' ELSE '{}' END::jsonb)).*
  FROM generate_series(1, 300) n;
INSERT INTO row_flag SELECT (pg_temp.drug('K' || n, 2, 'KP' || n % 30, date '2025-01-06' + n)).*
  FROM generate_series(1, 300, 2) n;
INSERT INTO stmt_flag SELECT * FROM row_flag WHERE line_no = 1;
INSERT INTO stmt_flag SELECT * FROM row_flag WHERE line_no = 2;
COMMIT;
SELECT table_name, rule_id, count(*), count(DISTINCT id) = count(*) AS distinct_ids
  FROM tpi_rules.finding_log GROUP BY 1, 2 ORDER BY 1, 2;
-- no drug.missing_on_claim left on a claim that has its drug line
SELECT f.table_name, count(*) AS cured_left
  FROM tpi_rules.finding_log f JOIN row_flag d
	ON d.claim_id = f.claim_id AND d.line_no = 2
 WHERE f.rule_id = 'drug.missing_on_claim'
 GROUP BY 1 ORDER BY 1;
SELECT c.relname, bt_index_check(c.oid, heapallindexed => true)
  FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
 WHERE i.indrelid = 'tpi_rules.finding_log'::regclass ORDER BY 1;
SELECT count(*) AS heap_problems FROM verify_heapam('tpi_rules.finding_log');

-- The statement trigger fires after its INSERT's executor run, under the
-- statement that called it: a write's kept executor state must not
-- outlive the subtransaction (a plpgsql block) or the transaction (a
-- procedure's COMMIT) it was made in.  Without that, the block's end warns
-- of relcache leaks and the next write fails with "relcache reference ...
-- is not owned by resource owner", or reuses freed memory.
DELETE FROM tpi_rules.finding_log;
CREATE FUNCTION pg_temp.in_blocks(undo boolean) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	FOR i IN 1..3 LOOP
		BEGIN
			INSERT INTO stmt_flag SELECT (pg_temp.tpi('SB' || i, 1, 'SBP' || i,
				'2025-01-06', '{"units": 2}')).*;
			IF undo THEN
				RAISE EXCEPTION 'undone';
			END IF;
		EXCEPTION WHEN raise_exception THEN
			NULL;
		END;
	END LOOP;
END
$$;
SELECT pg_temp.in_blocks(false);
SELECT pg_temp.in_blocks(true);
CREATE PROCEDURE pg_temp.committing() LANGUAGE plpgsql AS $$
BEGIN
	FOR i IN 1..3 LOOP
		INSERT INTO stmt_flag SELECT (pg_temp.tpi('SC' || i, 1, 'SCP' || i,
			'2025-01-06', '{"units": 2}')).*;
		COMMIT;
	END LOOP;
END
$$;
CALL pg_temp.committing();
SELECT claim_id, rule_id FROM tpi_rules.finding_log
 WHERE claim_id LIKE 'S_%' ORDER BY 1, 2;

-- Curing is re-entered when a DBA's trigger on the log row's DELETE
-- inserts a line: D1's drug line cures D1/1's drug.missing_on_claim,
-- whose DELETE inserts another drug line of the day.  The cure settles its
-- lists before it deletes (it crashed on the freed finding), and counts
-- each finding once: D2's drug line still cures D2/1's.
DELETE FROM tpi_rules.finding_log;
CREATE FUNCTION pg_temp.reinsert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF OLD.claim_id = 'D1' AND pg_trigger_depth() < 3 THEN
		INSERT INTO row_flag SELECT (pg_temp.drug('D1', 3, 'DP', '2025-01-06')).*;
	END IF;
	RETURN OLD;
END
$$;
CREATE TRIGGER reinsert AFTER DELETE ON tpi_rules.finding_log
	FOR EACH ROW EXECUTE FUNCTION pg_temp.reinsert();
BEGIN;
INSERT INTO row_flag SELECT (pg_temp.tpi('D1', 1, 'DP', '2025-01-06')).*;
INSERT INTO row_flag SELECT (pg_temp.drug('D1', 2, 'DP', '2025-01-06')).*;
INSERT INTO row_flag SELECT (pg_temp.tpi('D2', 1, 'DQ', '2025-01-06')).*;
INSERT INTO row_flag SELECT (pg_temp.drug('D2', 2, 'DQ', '2025-01-06')).*;
SELECT claim_id, line_no, rule_id FROM tpi_rules.finding_log
 WHERE claim_id LIKE 'D_' ORDER BY 1, 2, 3;
COMMIT;
DROP TRIGGER reinsert ON tpi_rules.finding_log;
SELECT claim_id, line_no FROM row_flag WHERE claim_id LIKE 'D_' ORDER BY 1, 2;

DROP FUNCTION pg_temp.reinsert();

-- A curable finding set below error is cured as an error is: with
-- drug.missing_on_claim a warning for Medicare, the drug line that follows
-- deletes its log row, in one statement (row and statement triggers) and
-- in two; without the drug line the warning stays logged.
DELETE FROM tpi_rules.finding_log;
INSERT INTO tpi_rules.rule_setting VALUES ('medicare', 'drug.missing_on_claim', true, 'warning');
INSERT INTO row_flag SELECT (pg_temp.tpi('W1', 1, 'WP', '2025-01-06')).*
	UNION ALL SELECT (pg_temp.drug('W1', 2, 'WP', '2025-01-06')).*;
INSERT INTO stmt_flag SELECT (pg_temp.tpi('W1', 1, 'WP', '2025-01-06')).*
	UNION ALL SELECT (pg_temp.drug('W1', 2, 'WP', '2025-01-06')).*;
BEGIN;
INSERT INTO row_flag SELECT (pg_temp.tpi('W2', 1, 'WQ', '2025-01-06')).*;
INSERT INTO row_flag SELECT (pg_temp.drug('W2', 2, 'WQ', '2025-01-06')).*;
COMMIT;
INSERT INTO row_flag SELECT (pg_temp.tpi('W3', 1, 'WR', '2025-01-06')).*;
SELECT table_name, claim_id, line_no, rule_id, severity FROM tpi_rules.finding_log
 WHERE claim_id LIKE 'W_' AND rule_id = 'drug.missing_on_claim' ORDER BY 1, 2, 3;
DELETE FROM tpi_rules.rule_setting;

-- The row trigger holds a statement's log rows and writes them 10,000 at
-- a time and as the statement ends, in the order of its rows.  10,001
-- claims of a TPI line with an unsigned note (a warning) and its drug
-- line: each TPI line's drug.missing_on_claim waits for its drug line,
-- which drops it while it is held or deletes it once it is written (the
-- 10,000th row is written before the drug line that cures it comes).
DELETE FROM tpi_rules.finding_log;
INSERT INTO row_flag
SELECT (l).* FROM generate_series(1, 10001) i,
	LATERAL (VALUES (1, pg_temp.tpi('H' || i, 1, 'HP' || i, '2025-01-06', '{"note_signed": false}')),
					(2, pg_temp.drug('H' || i, 2, 'HP' || i, '2025-01-06'))) v(o, l)
 ORDER BY i, o;
SELECT rule_id, count(*), count(DISTINCT claim_id) AS claims,
	   bool_and(line_no = 1) AS on_tpi_lines
  FROM tpi_rules.finding_log GROUP BY 1 ORDER BY 1;
-- in the order of the rows
SELECT bool_and(ok) AS in_row_order FROM (
	SELECT substr(claim_id, 2)::int > lag(substr(claim_id, 2)::int, 1, 0) OVER (ORDER BY id) AS ok
	  FROM tpi_rules.finding_log) s;
-- held rows are written as their statement ends, before the next one, so
-- a statement of the transaction sees them and a drug line in it deletes
-- them
BEGIN;
INSERT INTO row_flag SELECT (pg_temp.tpi('H0', 1, 'HP0', '2025-01-06')).*;
SELECT claim_id, rule_id FROM tpi_rules.finding_log WHERE claim_id = 'H0';
INSERT INTO row_flag SELECT (pg_temp.drug('H0', 2, 'HP0', '2025-01-06')).*;
SELECT count(*) FROM tpi_rules.finding_log WHERE claim_id = 'H0';
COMMIT;
-- a statement that fails while rows are held leaves nothing held: the
-- next statement's rows are held and written as usual
SELECT pg_temp.try($$INSERT INTO row_flag
	SELECT (pg_temp.tpi('HF', 1, 'HPF', '2025-01-06', '{"note_signed": false}')).*
	UNION ALL SELECT (pg_temp.tpi('HF', 2, 'HPF', '2025-01-06', '{"units": "x"}')).*$$);
INSERT INTO row_flag SELECT (pg_temp.tpi('HG', 1, 'HPG', '2025-01-06', '{"note_signed": false}')).*
	UNION ALL SELECT (pg_temp.drug('HG', 2, 'HPG', '2025-01-06')).*;
SELECT claim_id, rule_id FROM tpi_rules.finding_log WHERE claim_id LIKE 'H_' ORDER BY 1, 2;
-- a cure rolled back inside the statement (a drug line inserted and
-- undone in an EXCEPTION block while HU/1's finding is held): HU/1's
-- finding is written after all
CREATE FUNCTION pg_temp.drug_then_undo(c text, p text) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
	BEGIN
		INSERT INTO row_flag SELECT (pg_temp.drug(c, 2, p, '2025-01-06')).*;
		RAISE EXCEPTION 'undo';
	EXCEPTION WHEN raise_exception THEN NULL;
	END;
	RETURN true;
END
$$;
INSERT INTO row_flag SELECT (pg_temp.tpi('HU', 1, 'HPU', '2025-01-06')).*
	UNION ALL SELECT (pg_temp.tpi('HV', 1, 'HPV', '2025-01-07')).*
	  FROM (SELECT pg_temp.drug_then_undo('HU', 'HPU')) s;
SELECT claim_id, line_no, rule_id FROM tpi_rules.finding_log
 WHERE claim_id IN ('HU', 'HV') ORDER BY 1, 2;
-- a data-modifying WITH the query does not read runs as its statement
-- finishes: its rows are written then, so the function's next statement
-- sees them
CREATE FUNCTION pg_temp.cte_insert() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
	n int;
BEGIN
	WITH a AS (INSERT INTO row_flag SELECT (pg_temp.tpi('HW', 1, 'HPW', '2025-01-06')).* RETURNING 1)
	SELECT 1 INTO n;
	RETURN (SELECT count(*) FROM tpi_rules.finding_log WHERE claim_id = 'HW');
END
$$;
SELECT pg_temp.cte_insert() AS logged_when_next_statement_runs;
-- COPY fires the table's AFTER INSERT triggers before its statement ends:
-- on such a table the rows are written at once, so they see them, as
-- after an INSERT
CREATE TABLE seen (level text, n bigint);
CREATE FUNCTION pg_temp.count_log() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO seen SELECT TG_LEVEL, count(*) FROM tpi_rules.finding_log WHERE claim_id = 'HX';
	RETURN NULL;
END
$$;
CREATE TRIGGER after_row AFTER INSERT ON row_flag FOR EACH ROW EXECUTE FUNCTION pg_temp.count_log();
CREATE TRIGGER after_statement AFTER INSERT ON row_flag FOR EACH STATEMENT EXECUTE FUNCTION pg_temp.count_log();
CREATE TEMP TABLE hx AS SELECT (pg_temp.tpi('HX', 1, 'HPX', '2025-01-06')).*;
COPY hx TO '/tmp/tpi_rules_41_hx.copy';
COPY row_flag FROM '/tmp/tpi_rules_41_hx.copy';
SELECT level, n FROM seen ORDER BY 1;
DROP TRIGGER after_row ON row_flag;
DROP TRIGGER after_statement ON row_flag;
DROP TABLE seen, hx;

DROP TABLE row_flag, stmt_flag, scratch, scratch_stmt;
DROP EXTENSION amcheck;
DELETE FROM tpi_rules.finding_log;
