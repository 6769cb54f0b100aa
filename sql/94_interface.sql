-- The SQL interface of SPEC section 5 to the letter: names, argument
-- types and order, defaults, result columns and labels of every object a
-- caller names, the rule catalogue of section 6, the section 8 figures and
-- the privileges of the file readers (sections 8 and 11).
SET datestyle = 'ISO, YMD';
SET timezone = 'UTC';
\set VERBOSITY terse

-- Every function and aggregate of section 5, by its exact signature.
SELECT s.sig, p.prokind, p.provolatile, p.proisstrict, p.proparallel, p.proretset,
       pg_get_function_result(p.oid) AS result
  FROM unnest(ARRAY[
	'tpi_rules.parse_muscle(text)', 'tpi_rules.muscle_count(text[])',
	'tpi_rules.pick_code(text[])', 'tpi_rules.muscle_count_agg(text)',
	'tpi_rules.pick_code_agg(text)', 'tpi_rules.check_line(tpi_rules.claim_line)',
	'tpi_rules.check_day(tpi_rules.claim_line)', 'tpi_rules.sessions_in_window(date, interval)',
	'tpi_rules.regions(text[])', 'tpi_rules.frequency_check(date, text[], text)',
	'tpi_rules.next_eligible_date(date[], text, date)',
	'tpi_rules.expected_payment(text, date, text, text)',
	'tpi_rules.audit(regclass, date, date)', 'tpi_rules.guard()',
	'tpi_rules.load_pprrvu(text)', 'tpi_rules.load_gpci(text)',
	'tpi_rules.read_837p(text)', 'tpi_rules.read_837p_file(text)',
	'tpi_rules.read_note(text)', 'tpi_rules.audit_patient(tpi_rules.claim_line)']) AS s(sig)
  LEFT JOIN pg_proc p ON p.oid = to_regprocedure(s.sig)
 ORDER BY s.sig;

-- Defaults: expected_payment's place of service '11' and locality NULL;
-- audit's date bounds NULL (unbounded), so audit(regclass) alone works.
SELECT p.proname, pg_get_expr(p.proargdefaults, 0) AS defaults
  FROM pg_proc p
 WHERE p.oid IN ('tpi_rules.expected_payment(text, date, text, text)'::regprocedure,
				 'tpi_rules.audit(regclass, date, date)'::regprocedure)
 ORDER BY 1;

-- Aggregates that section 5 calls parallel have combine, serialize and
-- deserialize functions.
SELECT a.aggfnoid::regprocedure AS aggregate, a.aggcombinefn <> 0 AS combine,
       a.aggserialfn <> 0 AS serialize, a.aggdeserialfn <> 0 AS deserialize, p.proparallel
  FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
 WHERE p.pronamespace = 'tpi_rules'::regnamespace
 ORDER BY a.aggfnoid::regprocedure::text;

-- Types: the enum's order, finding's and note_facts' fields in order.
SELECT enum_range(NULL::tpi_rules.severity);
SELECT t.typname, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) AS type
  FROM pg_type t JOIN pg_attribute a ON a.attrelid = t.typrelid
 WHERE t.oid IN ('tpi_rules.finding'::regtype, 'tpi_rules.note_facts'::regtype)
   AND a.attnum > 0 AND NOT a.attisdropped
 ORDER BY 1, 2;

-- claim_line: 23 columns in section 3 order; units defaults to 1.
SELECT count(*) AS claim_line_columns,
       string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum) AS columns,
       max(pg_get_expr(d.adbin, d.adrelid)) FILTER (WHERE a.attname = 'units') AS units_default
  FROM pg_attribute a
  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
 WHERE a.attrelid = 'tpi_rules.claim_line'::regclass AND a.attnum > 0 AND NOT a.attisdropped;

-- payer_map (source_id PRIMARY KEY, payer_id) and rule_setting's columns.
SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull
  FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
 WHERE c.oid IN ('tpi_rules.payer_map'::regclass, 'tpi_rules.rule_setting'::regclass)
   AND a.attnum > 0 AND NOT a.attisdropped
 ORDER BY 1, a.attnum;
SELECT pg_get_constraintdef(oid) FROM pg_constraint
 WHERE conrelid = 'tpi_rules.payer_map'::regclass AND contype = 'p';

-- The rule catalogue: every rule of section 6 with its severity, and no
-- other; each row has a title, an explanation with a fix and a source.
CREATE TEMP TABLE spec_rule (rule_id text, severity text);
INSERT INTO spec_rule VALUES
	('code.upcoded', 'error'), ('code.downcoded', 'warning'), ('code.no_muscles', 'error'),
	('doc.region_only', 'error'), ('doc.muscle_group_term', 'warning'),
	('doc.unknown_muscle', 'warning'), ('doc.missing_element', 'warning'),
	('units.over_mue', 'error'), ('modifier.bilateral', 'error'), ('modifier.laterality', 'error'),
	('modifier.distinct_without_partner', 'error'), ('day.both_codes', 'error'),
	('day.duplicate_code', 'error'), ('day.em_without_25', 'error'), ('day.em_with_25', 'info'),
	('day.joint_injection_unmodified', 'error'), ('day.dry_needling_same_day', 'error'),
	('day.anesthesia_code', 'error'), ('day.other_block_same_session', 'error'),
	('day.multiple_regions', 'error'), ('drug.missing_on_claim', 'error'),
	('drug.unclassified_without_note', 'error'), ('drug.bundled_billed', 'warning'),
	('drug.none_injected', 'error'), ('drug.not_covered', 'error'), ('dx.not_covered', 'error'),
	('dx.invalid_code', 'error'), ('guidance.not_covered', 'error'), ('guidance.units', 'error'),
	('freq.rolling_cap', 'error'), ('freq.min_interval', 'error'), ('input.invalid', 'error');
SELECT coalesce(s.rule_id, r.rule_id) AS rule_id, s.severity AS spec, r.severity AS catalogue
  FROM spec_rule s FULL JOIN tpi_rules.rule r USING (rule_id)
 WHERE s.severity IS DISTINCT FROM r.severity::text
 ORDER BY 1;
SELECT rule_id AS rule_without_fix_or_source
  FROM tpi_rules.rule
 WHERE coalesce(title, '') = '' OR coalesce(source, '') = ''
    OR explanation !~ 'Fix:'
 ORDER BY 1;

-- Section 8 figures; POS 02 is paid at the facility rate, POS 10 at the
-- non-facility rate; the defaults price an office service nationally.
SELECT tpi_rules.expected_payment('20552', '2026-03-02') AS "51.77",
       tpi_rules.expected_payment('20552', '2025-03-03', '11', '13202-01') AS "58.17",
       tpi_rules.expected_payment('20553', '2025-03-03', '11') AS "58.55",
       tpi_rules.expected_payment('20553', '2025-03-03', '22') AS "40.11",
       tpi_rules.expected_payment('20552', '2025-03-03') AS "50.78";
SELECT tpi_rules.expected_payment('20553', '2025-03-03', '02') AS pos_02,
       tpi_rules.expected_payment('20553', '2025-03-03', '10') AS pos_10,
       tpi_rules.expected_payment('20553', '2025-03-03') =
         tpi_rules.expected_payment('20553', '2025-03-03', '11', NULL) AS defaults_office_national;
-- A date with no RVU or GPCI row names the release to load.
\set VERBOSITY default
SELECT tpi_rules.expected_payment('20552', '2019-06-03');
SELECT tpi_rules.expected_payment('20552', '2026-03-02', '11', '13202-01');
\set VERBOSITY terse

-- read_note(text) returns tpi_rules.note_facts, usable as a row and a value.
SELECT pg_typeof(tpi_rules.read_note('Trigger point injection, right trapezius.')) AS read_note_type;
SELECT (tpi_rules.read_note('Injected the left levator scapulae with lidocaine 1% 1 mL.')).muscles;

-- sessions_in_window: distinct dates in (current - interval, current].
SELECT d, tpi_rules.sessions_in_window(d, interval '30 days')
		 OVER (PARTITION BY p ORDER BY d) AS sessions
  FROM (VALUES ('P1', date '2025-01-01'), ('P1', '2025-01-01'), ('P1', '2025-01-31'),
			   ('P1', '2025-02-01'), ('P2', '2025-01-31')) AS v(p, d)
 ORDER BY p, d;

-- audit(regclass) reads a table whose columns carry the claim_line names
-- with the types section 3 allows for them: varchar and varchar[]
-- columns read as text and text[], bigint line numbers as smallint.
CREATE TEMP TABLE claims_varchar (
	claim_id varchar(20), line_no bigint, patient_id varchar, payer_id varchar(30),
	date_of_service date, hcpcs char(5), modifiers varchar(2)[], icd10 varchar[],
	place_of_service varchar(2), muscles varchar[]);
INSERT INTO claims_varchar VALUES
	('V1', 1, 'PV', 'commercial_default', '2025-03-03', '20553', '{50}', '{M79.18}', '11',
	 '{right trapezius, left trapezius}');
SELECT rule_id, severity FROM tpi_rules.audit('claims_varchar') ORDER BY rule_id;
SELECT count(*) = (SELECT count(*) FROM tpi_rules.audit('claims_varchar', NULL, NULL)) AS same_as_unbounded
  FROM tpi_rules.audit('claims_varchar');
-- A missing required column is an ERROR that names it.
CREATE TEMP TABLE claims_no_hcpcs (claim_id text, line_no smallint, patient_id text,
	payer_id text, date_of_service date);
SELECT * FROM tpi_rules.audit('claims_no_hcpcs');

-- The file readers are for superusers and pg_read_server_files (section
-- 11: "like the CMS loaders"); nobody else gets EXECUTE.
SELECT p.oid::regprocedure AS reader,
       has_function_privilege('pg_read_server_files', p.oid, 'EXECUTE') AS read_server_files,
       has_function_privilege('public', p.oid, 'EXECUTE') AS public
  FROM pg_proc p
 WHERE p.oid IN ('tpi_rules.load_pprrvu(text)'::regprocedure, 'tpi_rules.load_gpci(text)'::regprocedure,
				 'tpi_rules.read_837p_file(text)'::regprocedure)
 ORDER BY p.oid::regprocedure::text;
CREATE ROLE regress_tpi_iface;
GRANT USAGE ON SCHEMA tpi_rules TO regress_tpi_iface;
GRANT pg_read_server_files TO regress_tpi_iface;
SET ROLE regress_tpi_iface;
-- past EXECUTE and the read check: the file is opened
SELECT tpi_rules.load_gpci('/nonexistent/GPCI2025.csv');
SELECT tpi_rules.load_pprrvu('/nonexistent/PPRRVU25_JAN.csv');
RESET ROLE;
REVOKE pg_read_server_files FROM regress_tpi_iface;
SET ROLE regress_tpi_iface;
SELECT tpi_rules.load_gpci('/nonexistent/GPCI2025.csv');
RESET ROLE;
REVOKE USAGE ON SCHEMA tpi_rules FROM regress_tpi_iface;
DROP ROLE regress_tpi_iface;
