-- The row trigger's copy of a patient's lines during a plain INSERT or
-- COPY (src/guard/line_cache.c): rows after the first of a patient are
-- checked against the lines read once plus the rows let through since,
-- and never where the copy could differ from the table.  DEBUG1 names
-- each row checked against the copy.
SET datestyle = 'ISO, YMD';

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
CREATE FUNCTION pg_temp.try(sql text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	st text; msg text;
BEGIN
	EXECUTE sql;
	RAISE NOTICE 'no error';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
	RAISE NOTICE 'sqlstate %: %', st, msg;
END
$$;

CREATE TABLE lc (LIKE tpi_rules.claim_line INCLUDING ALL);
CREATE TRIGGER lc_guard BEFORE INSERT OR UPDATE ON lc
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('reject');
-- the lines each statement loads, in the order they are loaded (built
-- first: no function runs while they are inserted)
CREATE TABLE src (tag text, ord serial, line tpi_rules.claim_line);
INSERT INTO src (tag, line) VALUES
	-- s1: two visits of PA, each TPI line before its drug line; PB's
	-- second 20552 of a day, rejected through the copy
	('s1', pg_temp.tpi('A1', 1, 'PA', '2025-01-06')),
	('s1', pg_temp.drug('A1', 2, 'PA', '2025-01-06')),
	('s1', pg_temp.tpi('A2', 1, 'PA', '2025-03-03')),
	('s1', pg_temp.drug('A2', 2, 'PA', '2025-03-03')),
	('s1b', pg_temp.tpi('B1', 1, 'PB', '2025-01-06')),
	('s1b', pg_temp.drug('B1', 2, 'PB', '2025-01-06')),
	('s1b', pg_temp.tpi('B2', 1, 'PB', '2025-01-06')),
	-- s2: K1/1 is skipped by ON CONFLICT (K1/1 is PX's); PC has one 20552
	('s2', pg_temp.tpi('K1', 1, 'PC', '2025-02-03')),
	('s2', pg_temp.tpi('L1', 1, 'PC', '2025-02-03')),
	('s2', pg_temp.drug('L1', 2, 'PC', '2025-02-03')),
	-- s3: SKIP1/1 is skipped by a later BEFORE trigger; PD has one 20552
	('s3', pg_temp.tpi('SKIP1', 1, 'PD', '2025-02-03')),
	('s3', pg_temp.tpi('M1', 1, 'PD', '2025-02-03')),
	('s3', pg_temp.drug('M1', 2, 'PD', '2025-02-03')),
	-- s4: PE's N1 is deleted while the statement runs, before O2 arrives
	('s4', pg_temp.tpi('O1', 1, 'PE', '2024-10-07')),
	('s4', pg_temp.drug('O1', 2, 'PE', '2024-10-07')),
	('s4', pg_temp.tpi('O2', 1, 'PE', '2025-02-03')),
	('s4', pg_temp.drug('O2', 2, 'PE', '2025-02-03'));
-- the module is loaded before the statements below start: a statement
-- that loads it is not seen by its hooks and reads the table for each row
SELECT tpi_rules.pick_code('{trapezius}');

------------------------------------------------------------------------
-- a plain INSERT: the patient's later rows are checked against the copy,
-- which holds the rows let through before them
------------------------------------------------------------------------
SET client_min_messages = debug1;
INSERT INTO lc SELECT (line).* FROM src WHERE tag = 's1' ORDER BY ord;
SELECT pg_temp.try($$INSERT INTO lc SELECT (line).* FROM src WHERE tag = 's1b' ORDER BY ord$$);
RESET client_min_messages;
SELECT claim_id, line_no, patient_id FROM lc ORDER BY 1, 2;

------------------------------------------------------------------------
-- COPY FROM: the same; a 20553 on the date of the 20552 two rows before
-- is rejected
------------------------------------------------------------------------
SET client_min_messages = debug1;
COPY lc (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, icd10, place_of_service, muscles, drug_name, drug_dose, note_signed, post_procedure_plan, conservative_care, tp_locations)
FROM stdin;
A9	1	PA	medicare	2025-05-05	20552	{M79.18}	11	{"right trapezius"}	lidocaine	3 ml	t	t	t	t
A9	2	PA	medicare	2025-05-05	J2001	{M79.18}	11	\N	\N	\N	t	t	t	t
A9	3	PA	medicare	2025-05-05	20553	{M79.18}	11	{"right trapezius","left trapezius","right levator scapulae"}	lidocaine	3 ml	t	t	t	t
\.
RESET client_min_messages;
SELECT count(*) AS pa_lines FROM lc WHERE patient_id = 'PA';

------------------------------------------------------------------------
-- where the copy could differ from the table, the table is read
------------------------------------------------------------------------
-- ON CONFLICT DO NOTHING may skip a row the trigger let through: K1/1
-- (PC's) is not stored, so PC's L1/1 is its only 20552 of the day
INSERT INTO lc SELECT (pg_temp.tpi('K1', 1, 'PX', '2025-02-03')).*
	UNION ALL SELECT (pg_temp.drug('K1', 2, 'PX', '2025-02-03')).*;
SET client_min_messages = debug1;
INSERT INTO lc SELECT (line).* FROM src WHERE tag = 's2' ORDER BY ord
ON CONFLICT DO NOTHING;
RESET client_min_messages;
SELECT claim_id, line_no, patient_id FROM lc WHERE patient_id IN ('PC', 'PX') ORDER BY 1, 2;

-- a later BEFORE trigger may drop the row
CREATE FUNCTION pg_temp.skip() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.claim_id LIKE 'SKIP%' THEN
		RETURN NULL;
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER lc_zskip BEFORE INSERT ON lc FOR EACH ROW EXECUTE FUNCTION pg_temp.skip();
SET client_min_messages = debug1;
INSERT INTO lc SELECT (line).* FROM src WHERE tag = 's3' ORDER BY ord;
RESET client_min_messages;
DROP TRIGGER lc_zskip ON lc;
SELECT claim_id, line_no, patient_id FROM lc WHERE patient_id = 'PD' ORDER BY 1, 2;

-- another statement runs between two rows: PE's N1 is deleted before O2
-- (a 20552 on N1's date) arrives; O1's drug line still uses the copy
INSERT INTO lc SELECT (pg_temp.tpi('N1', 1, 'PE', '2025-02-03')).*
	UNION ALL SELECT (pg_temp.drug('N1', 2, 'PE', '2025-02-03')).*;
CREATE FUNCTION pg_temp.delete_before(this text, target text) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
	IF this = target THEN
		DELETE FROM lc WHERE claim_id = 'N1';
	END IF;
	RETURN true;
END
$$;
SET client_min_messages = debug1;
INSERT INTO lc SELECT (line).* FROM src
 WHERE tag = 's4' AND pg_temp.delete_before((line).claim_id || '/' || (line).line_no, 'O2/1');
RESET client_min_messages;
SELECT claim_id, line_no, patient_id FROM lc WHERE patient_id = 'PE' ORDER BY 1, 2;

-- an UPDATE reads the table
SET client_min_messages = debug1;
UPDATE lc SET units = 1 WHERE patient_id = 'PA';
RESET client_min_messages;

-- a WHEN condition lets rows by the trigger: X1 is stored unchecked, so
-- PW's Y1 (on X1's date) is checked against the table, which has X1
CREATE TABLE lw (LIKE tpi_rules.claim_line INCLUDING ALL);
CREATE TRIGGER lw_guard BEFORE INSERT OR UPDATE ON lw FOR EACH ROW
	WHEN (NEW.claim_id <> 'X1') EXECUTE FUNCTION tpi_rules.guard('reject');
INSERT INTO src (tag, line) VALUES
	('s5', pg_temp.tpi('Z1', 1, 'PW', '2025-01-06')),
	('s5', pg_temp.drug('Z1', 2, 'PW', '2025-01-06')),
	('s5', pg_temp.tpi('X1', 1, 'PW', '2025-03-03')),
	('s5', pg_temp.drug('X1', 2, 'PW', '2025-03-03')),
	('s5', pg_temp.tpi('Y1', 1, 'PW', '2025-03-03')),
	('s5', pg_temp.drug('Y1', 2, 'PW', '2025-03-03'));
SET client_min_messages = debug1;
SELECT pg_temp.try($$INSERT INTO lw SELECT (line).* FROM src WHERE tag = 's5' ORDER BY ord$$);
RESET client_min_messages;

-- a statement run during a row (here by a DBA's trigger on finding_log,
-- flag mode) drops the copy: OLD, deleted while A/1 is logged, is not
-- seen by B/1
CREATE TABLE lf (LIKE tpi_rules.claim_line INCLUDING ALL);
CREATE TRIGGER lf_guard BEFORE INSERT OR UPDATE ON lf FOR EACH ROW
	EXECUTE FUNCTION tpi_rules.guard('flag');
INSERT INTO lf SELECT (pg_temp.tpi('OLD', 1, 'PF', '2025-02-03')).*
	UNION ALL SELECT (pg_temp.drug('OLD', 2, 'PF', '2025-02-03')).*;
CREATE FUNCTION pg_temp.delete_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.claim_id = 'A' THEN
		DELETE FROM lf WHERE claim_id = 'OLD';
	END IF;
	RETURN NULL;
END
$$;
CREATE TRIGGER delete_old AFTER INSERT ON tpi_rules.finding_log
	FOR EACH ROW EXECUTE FUNCTION pg_temp.delete_old();
INSERT INTO src (tag, line) VALUES
	('s6', pg_temp.tpi('A', 1, 'PF', '2025-01-06', '{"note_signed": false}')),
	('s6', pg_temp.drug('A', 2, 'PF', '2025-01-06')),
	('s6', pg_temp.tpi('B', 1, 'PF', '2025-03-03')),
	('s6', pg_temp.drug('B', 2, 'PF', '2025-03-03'));
INSERT INTO lf SELECT (line).* FROM src WHERE tag = 's6' ORDER BY ord;
DROP TRIGGER delete_old ON tpi_rules.finding_log;
SELECT claim_id, line_no, rule_id FROM tpi_rules.finding_log
 WHERE table_name = 'public.lf' ORDER BY 1, 2, 3;
SELECT claim_id, line_no FROM lf ORDER BY 1, 2;
DELETE FROM tpi_rules.finding_log WHERE table_name = 'public.lf';

------------------------------------------------------------------------
-- a load of many patients fills each copy from one walk over the index:
-- a patient sorting between the last one read and the next entry has no
-- lines and costs no descent.  The same loads into a table whose trigger
-- has a WHEN condition (no copy, the table read for every row) log the
-- same findings.  PW2, PW4 and PW6 have a 20552 on the load's date
-- already.  The first load goes from PW1 to PW4 past PW2's lines (a
-- descent), and from PW5 to PW6 without one.  In the second PW1 comes
-- back after PW3, and its second 20552 of the day is found among the
-- rows this statement stored.
------------------------------------------------------------------------
CREATE TABLE lk (LIKE tpi_rules.claim_line INCLUDING ALL);
CREATE TRIGGER lk_guard BEFORE INSERT OR UPDATE ON lk FOR EACH ROW
	EXECUTE FUNCTION tpi_rules.guard('flag');
CREATE TABLE lk_read (LIKE tpi_rules.claim_line INCLUDING ALL);
CREATE TRIGGER lk_guard BEFORE INSERT OR UPDATE ON lk_read FOR EACH ROW
	WHEN (NEW.claim_id IS NOT NULL) EXECUTE FUNCTION tpi_rules.guard('flag');
INSERT INTO src (tag, line)
SELECT 'k0', l FROM generate_series(2, 6, 2) p,
	LATERAL (VALUES (pg_temp.tpi('E' || p, 1, 'PW' || p, '2025-02-03')),
					(pg_temp.drug('E' || p, 2, 'PW' || p, '2025-02-03'))) v(l);
INSERT INTO src (tag, line)
SELECT 'k1', l FROM unnest('{1,4,5,6,7}'::int[]) p,
	LATERAL (VALUES (pg_temp.tpi('K' || p, 1, 'PW' || p, '2025-02-03')),
					(pg_temp.drug('K' || p, 2, 'PW' || p, '2025-02-03'))) v(l);
INSERT INTO src (tag, line) VALUES
	('k2', pg_temp.tpi('M7', 1, 'PW7', '2025-06-02')),
	('k2', pg_temp.drug('M7', 2, 'PW7', '2025-06-02')),
	('k2', pg_temp.tpi('M1', 1, 'PW1', '2025-06-02')),
	('k2', pg_temp.drug('M1', 2, 'PW1', '2025-06-02')),
	('k2', pg_temp.tpi('M3', 1, 'PW3', '2025-06-02')),
	('k2', pg_temp.drug('M3', 2, 'PW3', '2025-06-02')),
	('k2', pg_temp.tpi('N1', 1, 'PW1', '2025-06-02')),
	('k2', pg_temp.drug('N1', 2, 'PW1', '2025-06-02'));
INSERT INTO lk SELECT (line).* FROM src WHERE tag = 'k0' ORDER BY ord;
INSERT INTO lk_read SELECT (line).* FROM src WHERE tag = 'k0' ORDER BY ord;
INSERT INTO lk SELECT (line).* FROM src WHERE tag = 'k1' ORDER BY ord;
INSERT INTO lk_read SELECT (line).* FROM src WHERE tag = 'k1' ORDER BY ord;
INSERT INTO lk SELECT (line).* FROM src WHERE tag = 'k2' ORDER BY ord;
INSERT INTO lk_read SELECT (line).* FROM src WHERE tag = 'k2' ORDER BY ord;
SELECT claim_id, line_no, rule_id FROM tpi_rules.finding_log
 WHERE table_name = 'public.lk' AND rule_id LIKE 'day.%' ORDER BY 1, 2, 3;
-- no finding of one table that the other lacks
(SELECT claim_id, line_no, rule_id, message FROM tpi_rules.finding_log WHERE table_name = 'public.lk'
 EXCEPT ALL
 SELECT claim_id, line_no, rule_id, message FROM tpi_rules.finding_log WHERE table_name = 'public.lk_read')
UNION ALL
(SELECT claim_id, line_no, rule_id, message FROM tpi_rules.finding_log WHERE table_name = 'public.lk_read'
 EXCEPT ALL
 SELECT claim_id, line_no, rule_id, message FROM tpi_rules.finding_log WHERE table_name = 'public.lk');
DELETE FROM tpi_rules.finding_log WHERE table_name IN ('public.lk', 'public.lk_read');

------------------------------------------------------------------------
-- the statement during which a session loads the module started before
-- its hooks: it is vouched for from its portal when the trigger runs in
-- that statement's own executor state (n1, INSERT and COPY), never for a
-- statement a function in it started (n2) or an INSERT ... ON CONFLICT
-- (n3): there K1/1 (PX's) is skipped, and PO's and PR's second 20552 of
-- the day would be rejected if the copy had kept it (PM's and PQ's lines
-- come first, so that the reference data read at the first row, a
-- statement that drops the copy, is read before).
------------------------------------------------------------------------
INSERT INTO src (tag, line) VALUES
	('n1', pg_temp.tpi('P1', 1, 'PN', '2025-01-06')),
	('n1', pg_temp.drug('P1', 2, 'PN', '2025-01-06')),
	('n1', pg_temp.tpi('P2', 1, 'PN', '2025-03-03')),
	('n1', pg_temp.drug('P2', 2, 'PN', '2025-03-03')),
	('n2', pg_temp.tpi('W1', 1, 'PM', '2025-02-03')),
	('n2', pg_temp.drug('W1', 2, 'PM', '2025-02-03')),
	('n2', pg_temp.tpi('K1', 1, 'PO', '2025-02-03')),
	('n2', pg_temp.tpi('Q1', 1, 'PO', '2025-02-03')),
	('n2', pg_temp.drug('Q1', 2, 'PO', '2025-02-03')),
	('n3', pg_temp.tpi('W2', 1, 'PQ', '2025-02-03')),
	('n3', pg_temp.drug('W2', 2, 'PQ', '2025-02-03')),
	('n3', pg_temp.tpi('K1', 1, 'PR', '2025-02-03')),
	('n3', pg_temp.tpi('R1', 1, 'PR', '2025-02-03')),
	('n3', pg_temp.drug('R1', 2, 'PR', '2025-02-03')),
	('n4', pg_temp.tpi('P3', 1, 'PU', '2025-01-06')),
	('n4', pg_temp.drug('P3', 2, 'PU', '2025-01-06')),
	('n5', pg_temp.tpi('K1', 1, 'PS', '2025-02-03')),
	('n5', pg_temp.tpi('S1', 1, 'PS', '2025-02-03')),
	('n5', pg_temp.drug('S1', 2, 'PS', '2025-02-03')),
	('n6', pg_temp.tpi('P4', 1, 'PV', '2025-01-06')),
	('n6', pg_temp.drug('P4', 2, 'PV', '2025-01-06')),
	('n7', pg_temp.tpi('K1', 1, 'PT', '2025-02-03')),
	('n7', pg_temp.tpi('T1', 1, 'PT', '2025-02-03')),
	('n7', pg_temp.drug('T1', 2, 'PT', '2025-02-03'));
CREATE FUNCTION lc_nested() RETURNS SETOF tpi_rules.claim_line
LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO lc SELECT (line).* FROM src WHERE tag = 'n2' ORDER BY ord
	ON CONFLICT DO NOTHING;
END
$$;
\c
SET client_min_messages = debug1;
INSERT INTO lc SELECT (line).* FROM src WHERE tag = 'n1' ORDER BY ord;
RESET client_min_messages;
\c
INSERT INTO lc SELECT * FROM lc_nested();
\c
INSERT INTO lc SELECT (line).* FROM src WHERE tag = 'n3' ORDER BY ord
ON CONFLICT DO NOTHING;
SELECT claim_id, line_no, patient_id FROM lc
 WHERE patient_id IN ('PM', 'PN', 'PO', 'PQ', 'PR') ORDER BY 3, 1, 2;
DELETE FROM lc WHERE patient_id = 'PN';
\c
SET client_min_messages = debug1;
COPY lc FROM stdin;
P1	1	PN	medicare	1234567893	2025-01-06	20552	{}	1	{M79.18}	11	{"right upper trapezius","left levator scapulae"}	4	lidocaine 1%	3 ml	\N	t	t	t	t	none	\N	\N
P1	2	PN	medicare	1234567893	2025-01-06	J2001	{}	1	{M79.18}	11	\N	\N	\N	\N	\N	t	t	t	t	none	\N	\N
P2	1	PN	medicare	1234567893	2025-03-03	20552	{}	1	{M79.18}	11	{"right upper trapezius","left levator scapulae"}	4	lidocaine 1%	3 ml	\N	t	t	t	t	none	\N	\N
P2	2	PN	medicare	1234567893	2025-03-03	J2001	{}	1	{M79.18}	11	\N	\N	\N	\N	\N	t	t	t	t	none	\N	\N
\.
RESET client_min_messages;
SELECT count(*) AS pn_lines FROM lc WHERE patient_id = 'PN';
DROP FUNCTION lc_nested();

-- the load-time statement is trusted only until it ends.  A later one
-- can have its portal and executor memory at the same addresses and the
-- same start time (statements of one query string, n4 then n5; cursors
-- of one function, n6 then n7), and the rows of a data-modifying WITH
-- reach the trigger as that statement finishes, outside its frame.
-- K1/1 is skipped by ON CONFLICT; PS's and PT's second 20552 of the day
-- would be rejected had the copy kept it.
CREATE FUNCTION lc_cursors() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	r record;
BEGIN
	FOR r IN INSERT INTO lc SELECT (line).* FROM src WHERE tag = 'n6'
		ORDER BY ord RETURNING claim_id LOOP
	END LOOP;
	FOR r IN WITH n7 AS (INSERT INTO lc SELECT (line).* FROM src
		WHERE tag = 'n7' ORDER BY ord ON CONFLICT DO NOTHING) SELECT 1 LOOP
	END LOOP;
END
$$;
\c
INSERT INTO lc SELECT (line).* FROM src WHERE tag = 'n4' ORDER BY ord \;
WITH n5 AS (INSERT INTO lc SELECT (line).* FROM src WHERE tag = 'n5'
	ORDER BY ord ON CONFLICT DO NOTHING) SELECT 1 AS n5;
\c
SELECT lc_cursors();
SELECT claim_id, line_no, patient_id FROM lc
 WHERE patient_id IN ('PS', 'PT', 'PU', 'PV') ORDER BY 3, 1, 2;
DROP FUNCTION lc_cursors();
