-- guard_statement() reads its patients' lines in one pass of the
-- (patient_id, date_of_service) index (src/guard/walk.c): it goes on from
-- one patient's entries to the next and descends only when the next entry
-- is another patient's.  A table without that index is read by a plan,
-- patient by patient.  The same loads into both give the same findings:
-- patients with and without earlier lines, patients of the table between
-- the statement's ones, a deleted line whose index entry is still there,
-- lines outside a row's window, a varchar patient column and a
-- descending index.
SET datestyle = 'ISO, YMD';
SET client_min_messages = error;	-- the missing-index warning

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

CREATE TABLE w_walk (LIKE tpi_rules.claim_line INCLUDING ALL);
CREATE TABLE w_plan (LIKE tpi_rules.claim_line INCLUDING DEFAULTS);	-- no index
ALTER TABLE w_plan ADD PRIMARY KEY (claim_id, line_no);
CREATE TABLE w_varchar (LIKE tpi_rules.claim_line INCLUDING ALL);
DROP INDEX w_varchar_patient_id_date_of_service_idx;
ALTER TABLE w_varchar ALTER patient_id TYPE varchar(20);
CREATE INDEX ON w_varchar (patient_id, date_of_service);
-- a descending patient_id is read patient by patient
CREATE TABLE w_desc (LIKE tpi_rules.claim_line INCLUDING DEFAULTS);
ALTER TABLE w_desc ADD PRIMARY KEY (claim_id, line_no);
CREATE INDEX ON w_desc (patient_id DESC, date_of_service);

-- the lines already there: patients P05 and P15 of the load, P02 and P12
-- between its patients; P05's E1 is deleted again before the load
CREATE TABLE w_before AS
SELECT (l).* FROM (VALUES
	(pg_temp.tpi('E1', 1, 'P05', '2025-03-03')), (pg_temp.drug('E1', 2, 'P05', '2025-03-03')),
	(pg_temp.tpi('E2', 1, 'P05', '2025-01-06')), (pg_temp.drug('E2', 2, 'P05', '2025-01-06')),
	(pg_temp.tpi('E3', 1, 'P05', '2020-01-06')), (pg_temp.drug('E3', 2, 'P05', '2020-01-06')),
	(pg_temp.tpi('E4', 1, 'P15', '2025-02-03')), (pg_temp.drug('E4', 2, 'P15', '2025-02-03')),
	(pg_temp.tpi('E5', 1, 'P15', '2024-11-04')), (pg_temp.drug('E5', 2, 'P15', '2024-11-04')),
	(pg_temp.tpi('E6', 1, 'P15', '2024-08-05')), (pg_temp.drug('E6', 2, 'P15', '2024-08-05')),
	(pg_temp.tpi('E7', 1, 'P02', '2025-03-03')), (pg_temp.tpi('E8', 1, 'P12', '2025-03-03'))
) v(l);
-- the load: sorted P00, P01, P05, P10, P15, P30
CREATE TABLE w_load AS
SELECT (l).* FROM (VALUES
	(pg_temp.tpi('L1', 1, 'P00', '2025-03-03')), (pg_temp.drug('L1', 2, 'P00', '2025-03-03')),
	(pg_temp.tpi('L2', 1, 'P01', '2025-03-03', '{"units": 2}')),
	(pg_temp.tpi('L3', 1, 'P05', '2025-03-03')), (pg_temp.drug('L3', 2, 'P05', '2025-03-03')),
	(pg_temp.tpi('L4', 1, 'P05', '2025-02-03')), (pg_temp.drug('L4', 2, 'P05', '2025-02-03')),
	(pg_temp.tpi('L5', 1, 'P10', '2025-03-03')),
	(pg_temp.tpi('L6', 1, 'P15', '2025-03-03')), (pg_temp.drug('L6', 2, 'P15', '2025-03-03')),
	(pg_temp.tpi('L7', 1, 'P30', '2025-03-03', '{"hcpcs": "20553"}')),
	(pg_temp.tpi('L8', 1, 'P30', '2025-03-03'))
) v(l);

CREATE FUNCTION pg_temp.load(tbl text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE format('INSERT INTO %I SELECT * FROM w_before', tbl);
	EXECUTE format('DELETE FROM %I WHERE claim_id = %L', tbl, 'E1');
	EXECUTE format($t$CREATE TRIGGER g AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
		FOR EACH STATEMENT EXECUTE FUNCTION tpi_rules.guard_statement('flag')$t$, tbl);
	EXECUTE format('INSERT INTO %I SELECT * FROM w_load ORDER BY claim_id, line_no', tbl);
END
$$;
SELECT pg_temp.load('w_walk'), pg_temp.load('w_plan'), pg_temp.load('w_varchar'), pg_temp.load('w_desc');

-- what the index walk logged
SELECT claim_id, line_no, rule_id FROM tpi_rules.finding_log
 WHERE table_name = 'public.w_walk' ORDER BY 1, 2, 3;
-- the same as the plan and the varchar column (no row either way)
CREATE FUNCTION pg_temp.logged(tbl text)
RETURNS TABLE (claim_id text, line_no smallint, rule_id text, message text)
LANGUAGE sql AS $$
	SELECT claim_id, line_no, rule_id, message FROM tpi_rules.finding_log
	 WHERE table_name = 'public.' || tbl;
$$;
SELECT 'walk, not ' || other AS only_in, d.* FROM (VALUES ('w_plan'), ('w_varchar'), ('w_desc')) o(other),
	LATERAL (SELECT * FROM pg_temp.logged('w_walk') EXCEPT ALL SELECT * FROM pg_temp.logged(other)) d
UNION ALL
SELECT other || ', not walk', d.* FROM (VALUES ('w_plan'), ('w_varchar'), ('w_desc')) o(other),
	LATERAL (SELECT * FROM pg_temp.logged(other) EXCEPT ALL SELECT * FROM pg_temp.logged('w_walk')) d
ORDER BY 1, 2, 3, 4;
DELETE FROM tpi_rules.finding_log WHERE table_name LIKE 'public.w\_%';
