-- payer_map (SPEC section 13): a payer_id that is no payer_policy payer is
-- looked up in payer_map.source_id before commercial_default applies, in
-- check_line, check_day, audit, frequency_check, next_eligible_date, the
-- guard and v_frequency_status.  Findings cite the policy that applies.
SET datestyle = 'ISO, YMD';
SET timezone = 'UTC';

INSERT INTO tpi_rules.payer_map (source_id, payer_id) VALUES
	('00431', 'medicare'),			-- an 837P 2010BB NM109 (a MAC number)
	('EMB-NY', 'emblemhealth'),
	('GONE', 'no_such_policy');		-- maps to no policy: commercial_default

-- A clean claims-only 20552 whose diagnosis Medicare does not cover.
CREATE TEMP TABLE base AS
SELECT ROW('C1', 1, 'P', 'medicare', NULL, '2025-03-03', '20552', '{}', 1,
		   '{M54.50}', '11', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
		   NULL, 'ultrasound', NULL, NULL)::tpi_rules.claim_line AS l;
CREATE FUNCTION pg_temp.line(payer text, changes jsonb DEFAULT '{}')
RETURNS tpi_rules.claim_line LANGUAGE sql AS $$
	SELECT pg_catalog.jsonb_populate_record(b.l,
			pg_catalog.jsonb_build_object('payer_id', payer) || changes) FROM base b;
$$;

-- check_line: the mapped id is judged as Medicare, and so is Medicare's
-- payer_id spelt with other case or spaces; an unknown id, or one mapped
-- to no policy, as commercial_default (no diagnosis restriction).
SELECT p AS payer_id, string_agg(f.rule_id, ' ' ORDER BY f.rule_id) AS rules
  FROM unnest(ARRAY['medicare', '00431', 'UNKNOWN', 'GONE', 'MEDICARE', ' Medicare ', 'medicare x']) p
  LEFT JOIN LATERAL tpi_rules.check_line(pg_temp.line(p)) f ON true
 GROUP BY p ORDER BY p;
SELECT f.rule_id, f.message FROM tpi_rules.check_line(pg_temp.line('00431')) f ORDER BY 1;

-- check_day: the drug must be on the claim (Medicare).
SELECT p AS payer_id, (SELECT string_agg(f.rule_id, ' ') FROM unnest(d.fs) f) AS rules
  FROM unnest(ARRAY['00431', 'UNKNOWN']) p,
	   LATERAL (SELECT tpi_rules.check_day(x.l) AS fs FROM (SELECT pg_temp.line(p) AS l) x) d
 ORDER BY p;

-- frequency_check: Medicare allows 3 sessions in 12 months.
SELECT p AS payer_id,
	   (SELECT string_agg(f.rule_id, ' ')
		  FROM unnest(tpi_rules.frequency_check(d, '{cervical}'::text[], p)) f) AS rules
  FROM unnest(ARRAY['00431', 'UNKNOWN', 'Medicare']) p,
	   LATERAL (SELECT d FROM unnest(ARRAY['2025-01-06', '2025-03-03', '2025-05-05', '2025-07-07']::date[]) d) s
 GROUP BY p ORDER BY p;

-- next_eligible_date: the fourth session waits a year under Medicare.
SELECT p AS payer_id,
	   tpi_rules.next_eligible_date(ARRAY['2025-01-06', '2025-03-03', '2025-05-05']::date[], p, '2025-06-01') AS next
  FROM unnest(ARRAY['00431', 'UNKNOWN', 'MEDICARE']) p ORDER BY p;

-- audit() and v_frequency_status over claim_line.
BEGIN;
DELETE FROM tpi_rules.claim_line;
INSERT INTO tpi_rules.claim_line
	(claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, units, icd10, place_of_service)
SELECT 'A' || i, 1, 'PM', '00431', d, '20552', 1, '{M79.18}', '11'
  FROM unnest(ARRAY['2025-01-06', '2025-03-03', '2025-05-05', '2025-07-07']::date[]) WITH ORDINALITY AS t(d, i);
INSERT INTO tpi_rules.claim_line
	(claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, units, icd10, place_of_service)
SELECT 'A' || i, 2, 'PM', '00431', d, 'J2001', 1, '{M79.18}', '11'
  FROM unnest(ARRAY['2025-01-06', '2025-03-03', '2025-05-05', '2025-07-07']::date[]) WITH ORDINALITY AS t(d, i);
SELECT claim_id, line_no, rule_id, message FROM tpi_rules.audit('tpi_rules.claim_line') ORDER BY 1, 2, 3;
SELECT patient_id, payer_id, sessions_in_window, max_sessions, status
  FROM tpi_rules.frequency_status('2025-07-31');
ROLLBACK;

-- One patient billed under the policy's own id and under a mapped source
-- id has one payer: the four sessions count together, as audit() counts
-- them (it reports freq.rolling_cap on the fourth).
BEGIN;
DELETE FROM tpi_rules.claim_line;
INSERT INTO tpi_rules.claim_line
	(claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, units, icd10, place_of_service)
SELECT 'A' || i, l, 'PM', CASE WHEN i % 2 = 0 THEN 'medicare' ELSE '00431' END, d,
	   CASE l WHEN 1 THEN '20552' ELSE 'J2001' END, 1, '{M79.18}', '11'
  FROM unnest(ARRAY['2025-01-06', '2025-03-03', '2025-05-05', '2025-07-07']::date[]) WITH ORDINALITY AS t(d, i),
	   generate_series(1, 2) AS l;
SELECT claim_id, line_no, rule_id FROM tpi_rules.audit('tpi_rules.claim_line')
 WHERE rule_id LIKE 'freq.%' ORDER BY 1, 2, 3;
SELECT patient_id, payer_id, sessions_in_window, max_sessions, next_eligible_date, status
  FROM tpi_rules.frequency_status('2025-07-31');
ROLLBACK;

-- v_frequency_status judges 'MEDICARE ' as audit() does: by Medicare.
BEGIN;
DELETE FROM tpi_rules.claim_line;
INSERT INTO tpi_rules.claim_line
	(claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, units, icd10, place_of_service)
SELECT 'A' || i, 1, 'PC', 'MEDICARE ', d, '20552', 1, '{M79.18}', '11'
  FROM unnest(ARRAY['2025-01-06', '2025-03-03', '2025-05-05']::date[]) WITH ORDINALITY AS t(d, i);
SELECT patient_id, payer_id, sessions_in_window, max_sessions, next_eligible_date, status
  FROM tpi_rules.frequency_status('2025-07-31');
ROLLBACK;

-- The guard: a mapped Medicare line with an uncovered diagnosis is refused.
CREATE TABLE guarded (LIKE tpi_rules.claim_line);
CREATE INDEX ON guarded (patient_id, date_of_service);
CREATE TRIGGER guard BEFORE INSERT OR UPDATE ON guarded
	FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('reject');
INSERT INTO guarded SELECT (pg_temp.line('UNKNOWN', '{"guidance": null}')).*;
INSERT INTO guarded SELECT (pg_temp.line('00431', '{"guidance": null, "claim_id": "C2", "patient_id": "P2"}')).*;
SELECT claim_id, payer_id FROM guarded ORDER BY 1;

-- Changes are seen at the next statement: remap, then unmap.
UPDATE tpi_rules.payer_map SET payer_id = 'aetna' WHERE source_id = '00431';
SELECT string_agg(f.rule_id, ' ' ORDER BY f.rule_id) AS remapped_to_aetna
  FROM tpi_rules.check_line(pg_temp.line('00431')) f;
DELETE FROM tpi_rules.payer_map WHERE source_id = '00431';
SELECT count(*) AS unmapped_findings FROM tpi_rules.check_line(pg_temp.line('00431'));
-- A payer_policy payer is never looked up in payer_map.
INSERT INTO tpi_rules.payer_map VALUES ('medicare', 'aetna');
SELECT string_agg(f.rule_id, ' ' ORDER BY f.rule_id) AS medicare_stays_medicare
  FROM tpi_rules.check_line(pg_temp.line('medicare')) f;

-- Owner-only, kept by pg_dump, invalidated like the other reference tables.
SELECT has_table_privilege('tpi_reporting', 'tpi_rules.payer_map', 'SELECT') AS reporting_reads,
	   (SELECT count(*) FROM pg_trigger WHERE tgrelid = 'tpi_rules.payer_map'::regclass
		  AND tgname = 'reference_changed') AS invalidation_trigger,
	   EXISTS (SELECT FROM pg_extension WHERE extname = 'tpi_rules'
				  AND 'tpi_rules.payer_map'::regclass::oid = ANY (extconfig)) AS dumped;

DROP TABLE guarded;
DELETE FROM tpi_rules.payer_map;
