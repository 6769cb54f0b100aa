-- Dashboard views (SPEC section 5, tpi_rules.v_*) over tpi_rules.claim_line.
--
-- Who may read what.  The NOLOGIN role tpi_reporting may read the v_* views
-- and nothing else: not claim_line, not the reference tables.  A function
-- called from a view runs as the current user (only table access inside the
-- view body is checked against the view owner), so each view reads its rows
-- through a SECURITY DEFINER function owned by the extension owner that
-- returns aggregates only (frequency_status: one row per patient and payer).
-- EXECUTE on those functions is revoked from PUBLIC and granted to
-- tpi_reporting; the owner and superusers keep it.  They read all of
-- claim_line whatever the caller's own privileges or row-level policies.
--
-- The functions take the date range (or the as-of date) explicitly, so
-- dashboards can ask for a range and tests can fix the date; the views pass
-- NULL (every date) or CURRENT_DATE.
--
-- Money: a line's expected payment is expected_payment(hcpcs, date of
-- service, place of service, national) for one unit (the TPI and guidance
-- codes are paid once per session, MUE 1).  Lines the fee schedule cannot
-- price (drug J-codes, dates with no RVU release loaded, an unknown place of
-- service) count as no money rather than failing the whole dashboard.
--
-- Hardening: every function pins search_path = pg_catalog, pg_temp (so its
-- operators and types resolve in pg_catalog whatever the caller's path) and
-- qualifies built-in functions and own objects; view bodies, which are
-- parsed once at CREATE EXTENSION, qualify functions, casts and operators.

-- The role is cluster-wide: other databases may already have created it,
-- and DROP EXTENSION leaves it (DROP ROLE tpi_reporting once no database
-- uses it).
DO $$
BEGIN
	IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles
				   WHERE rolname OPERATOR(pg_catalog.=) 'tpi_reporting') THEN
		CREATE ROLE tpi_reporting NOLOGIN;
		COMMENT ON ROLE tpi_reporting IS
		  'tpi_rules dashboards: may read the tpi_rules.v_* views and nothing else; grant it to a LOGIN role per dashboard tool';
	END IF;
END
$$;

CREATE FUNCTION @extschema@.expected_payment_or_null(hcpcs text, date_of_service date,
													place_of_service text DEFAULT '11')
RETURNS numeric(12,2)
LANGUAGE plpgsql STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	RETURN @extschema@.expected_payment(hcpcs, date_of_service,
										coalesce(place_of_service, '11'), NULL);
EXCEPTION
	WHEN data_exception THEN
		-- no RVU release for the date, a code or place of service it cannot price
		RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.expected_payment_or_null(text, date, text) IS
  'expected_payment() at the national locality (NULL place of service reads as 11 office), but NULL instead of an error where the fee schedule cannot price the line (drug codes, a date with no RVU release loaded); the dashboards count such lines as no money';

CREATE FUNCTION @extschema@.audit_detail(from_date date DEFAULT NULL, to_date date DEFAULT NULL)
RETURNS TABLE (
	claim_id				text,
	line_no					smallint,
	patient_id				text,
	payer_id				text,
	provider_npi			text,
	date_of_service			date,
	month					date,
	hcpcs					text,
	place_of_service		text,
	rule_id					text,
	severity				@extschema@.severity,
	message					text,
	expected_payment		numeric(12,2),
	downcoding_difference	numeric(12,2)
)
LANGUAGE sql STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
AS $$
	WITH f AS MATERIALIZED (
		SELECT a.claim_id, a.line_no, a.patient_id, a.date_of_service,
			   a.rule_id, a.severity, a.message,
			   c.payer_id, c.provider_npi, c.hcpcs, c.place_of_service,
			   coalesce(c.place_of_service, '11') AS pos
		FROM @extschema@.audit('@extschema@.claim_line'::pg_catalog.regclass,
							   from_date, to_date) AS a
		LEFT JOIN @extschema@.claim_line AS c
			   ON c.claim_id = a.claim_id AND c.line_no = a.line_no
	),
	-- one price look-up per distinct code, date and place, not per finding
	price AS (
		SELECT k.hcpcs, k.date_of_service, k.pos,
			   @extschema@.expected_payment_or_null(k.hcpcs, k.date_of_service, k.pos) AS pay,
			   CASE WHEN k.hcpcs = '20552' THEN
				   @extschema@.expected_payment_or_null('20553', k.date_of_service, k.pos)
				   - @extschema@.expected_payment_or_null('20552', k.date_of_service, k.pos)
			   END AS diff
		FROM (SELECT DISTINCT f.hcpcs, f.date_of_service, f.pos
			  FROM f WHERE f.hcpcs IS NOT NULL) AS k
	)
	SELECT f.claim_id, f.line_no, f.patient_id, f.payer_id, f.provider_npi,
		   f.date_of_service,
		   (f.date_of_service OPERATOR(pg_catalog.-) (EXTRACT(DAY FROM f.date_of_service)::pg_catalog.int4 OPERATOR(pg_catalog.-) 1)),
		   f.hcpcs, f.place_of_service, f.rule_id, f.severity, f.message,
		   p.pay,
		   CASE WHEN f.rule_id = 'code.downcoded' THEN p.diff END
	FROM f
	LEFT JOIN price AS p
		   ON p.hcpcs = f.hcpcs AND p.date_of_service = f.date_of_service AND p.pos = f.pos
$$;
COMMENT ON FUNCTION @extschema@.audit_detail(date, date) IS
  'audit() of tpi_rules.claim_line in a date range (NULL: unbounded) with each finding''s line context: payer, provider, month, code, place of service, the line''s expected payment and, for code.downcoded, the money left behind (20553 minus 20552); runs with the caller''s privileges';

-- Materialized variant for big tables (see its COMMENT).  Function results
-- carry no typmod, so the views and this snapshot cast money back to
-- numeric(12,2).
CREATE MATERIALIZED VIEW @extschema@.mv_audit AS
SELECT d.claim_id, d.line_no, d.rule_id,
	   pg_catalog.row_number() OVER (PARTITION BY d.claim_id, d.line_no, d.rule_id
									 ORDER BY d.message) AS finding_no,
	   d.patient_id, d.payer_id, d.provider_npi, d.date_of_service, d.month,
	   d.hcpcs, d.place_of_service, d.severity::pg_catalog.text AS severity,
	   d.message,
	   CAST(d.expected_payment AS pg_catalog.numeric(12,2)) AS expected_payment,
	   CAST(d.downcoding_difference AS pg_catalog.numeric(12,2)) AS downcoding_difference
FROM @extschema@.audit_detail(NULL::pg_catalog.date, NULL::pg_catalog.date) AS d
WITH NO DATA;
CREATE UNIQUE INDEX mv_audit_key
	ON @extschema@.mv_audit (claim_id, line_no, rule_id, finding_no);
CREATE INDEX mv_audit_month_idx ON @extschema@.mv_audit (month, provider_npi);
COMMENT ON MATERIALIZED VIEW @extschema@.mv_audit IS
  'Snapshot of audit_detail() over all of tpi_rules.claim_line for dashboards over big tables. Created empty: run REFRESH MATERIALIZED VIEW tpi_rules.mv_audit once, then REFRESH MATERIALIZED VIEW CONCURRENTLY tpi_rules.mv_audit on a schedule (readers are not blocked). Only its owner may refresh it; tpi_reporting cannot read it unless granted. pg_dump restores it empty';
COMMENT ON COLUMN @extschema@.mv_audit.claim_id IS 'Claim of the finding';
COMMENT ON COLUMN @extschema@.mv_audit.line_no IS 'Line of the finding';
COMMENT ON COLUMN @extschema@.mv_audit.rule_id IS 'Rule that fired (tpi_rules.rule)';
COMMENT ON COLUMN @extschema@.mv_audit.finding_no IS 'Numbers the findings of one rule on one line (1, 2, ...); with claim_id, line_no and rule_id the unique key REFRESH ... CONCURRENTLY needs';
COMMENT ON COLUMN @extschema@.mv_audit.patient_id IS 'Patient of the line';
COMMENT ON COLUMN @extschema@.mv_audit.payer_id IS 'Payer of the line';
COMMENT ON COLUMN @extschema@.mv_audit.provider_npi IS 'Rendering provider of the line';
COMMENT ON COLUMN @extschema@.mv_audit.date_of_service IS 'Date of service';
COMMENT ON COLUMN @extschema@.mv_audit.month IS 'First day of the month of the date of service';
COMMENT ON COLUMN @extschema@.mv_audit.hcpcs IS 'Code billed on the line';
COMMENT ON COLUMN @extschema@.mv_audit.place_of_service IS 'Place of service of the line';
COMMENT ON COLUMN @extschema@.mv_audit.severity IS 'info, warning or error';
COMMENT ON COLUMN @extschema@.mv_audit.message IS 'What is wrong and how to fix it';
COMMENT ON COLUMN @extschema@.mv_audit.expected_payment IS 'Medicare national expected payment of the line (one unit); NULL where the fee schedule has no price';
COMMENT ON COLUMN @extschema@.mv_audit.downcoding_difference IS 'For code.downcoded: expected payment of 20553 minus 20552 on the line''s date and place; NULL otherwise';

-- Aggregating functions behind the views (SECURITY DEFINER: see the top).

CREATE FUNCTION @extschema@.findings_by_rule(from_date date DEFAULT NULL, to_date date DEFAULT NULL)
RETURNS TABLE (
	rule_id				text,
	severity			text,
	title				text,
	findings			bigint,
	lines				bigint,
	claims				bigint,
	dollars_at_stake	numeric(12,2)
)
LANGUAGE sql STABLE SECURITY DEFINER PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
AS $$
	WITH per_line AS (
		SELECT d.rule_id, d.severity, d.claim_id, d.line_no,
			   pg_catalog.count(*) AS n,
			   -- a downcode risks only the difference it leaves behind
			   pg_catalog.max(CASE WHEN d.rule_id = 'code.downcoded'
							  THEN d.downcoding_difference
							  ELSE d.expected_payment END) AS pay
		FROM @extschema@.audit_detail(from_date, to_date) AS d
		GROUP BY d.rule_id, d.severity, d.claim_id, d.line_no
	)
	SELECT p.rule_id, p.severity::text, r.title,
		   pg_catalog.sum(p.n)::bigint,
		   pg_catalog.count(*) FILTER (WHERE p.claim_id IS NOT NULL AND p.line_no IS NOT NULL),
		   pg_catalog.count(DISTINCT p.claim_id),
		   coalesce(pg_catalog.sum(p.pay), 0)::numeric(12,2)
	FROM per_line AS p
	LEFT JOIN @extschema@.rule AS r ON r.rule_id = p.rule_id
	GROUP BY p.rule_id, p.severity, r.title
	ORDER BY p.severity DESC, 4 DESC, p.rule_id
$$;
COMMENT ON FUNCTION @extschema@.findings_by_rule(date, date) IS
  'The rows of v_findings_by_rule for dates of service in [from_date, to_date] (NULL: unbounded); SECURITY DEFINER, executable by tpi_reporting';

CREATE FUNCTION @extschema@.findings_by_provider_month(from_date date DEFAULT NULL,
													   to_date date DEFAULT NULL)
RETURNS TABLE (
	provider_npi		text,
	month				date,
	rule_id				text,
	severity			text,
	findings			bigint,
	lines				bigint,
	claims				bigint,
	dollars_at_stake	numeric(12,2)
)
LANGUAGE sql STABLE SECURITY DEFINER PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
AS $$
	WITH per_line AS (
		SELECT d.provider_npi, d.month, d.rule_id, d.severity, d.claim_id, d.line_no,
			   pg_catalog.count(*) AS n,
			   -- a downcode risks only the difference it leaves behind
			   pg_catalog.max(CASE WHEN d.rule_id = 'code.downcoded'
							  THEN d.downcoding_difference
							  ELSE d.expected_payment END) AS pay
		FROM @extschema@.audit_detail(from_date, to_date) AS d
		GROUP BY d.provider_npi, d.month, d.rule_id, d.severity, d.claim_id, d.line_no
	)
	SELECT p.provider_npi, p.month, p.rule_id, p.severity::text,
		   pg_catalog.sum(p.n)::bigint,
		   pg_catalog.count(*) FILTER (WHERE p.claim_id IS NOT NULL AND p.line_no IS NOT NULL),
		   pg_catalog.count(DISTINCT p.claim_id),
		   coalesce(pg_catalog.sum(p.pay), 0)::numeric(12,2)
	FROM per_line AS p
	GROUP BY p.provider_npi, p.month, p.rule_id, p.severity
	ORDER BY p.provider_npi, p.month, p.severity DESC, p.rule_id
$$;
COMMENT ON FUNCTION @extschema@.findings_by_provider_month(date, date) IS
  'The rows of v_findings_by_provider_month for dates of service in [from_date, to_date] (NULL: unbounded); SECURITY DEFINER, executable by tpi_reporting';

CREATE FUNCTION @extschema@.revenue_at_risk(from_date date DEFAULT NULL, to_date date DEFAULT NULL)
RETURNS TABLE (
	month					date,
	provider_npi			text,
	lines					bigint,
	expected_payment		numeric(12,2),
	error_lines				bigint,
	revenue_at_risk			numeric(12,2),
	downcoded_lines			bigint,
	downcoding_left_behind	numeric(12,2)
)
LANGUAGE sql STABLE SECURITY DEFINER PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
AS $$
	WITH l AS MATERIALIZED (
		SELECT c.claim_id, c.line_no, c.provider_npi, c.hcpcs, c.date_of_service,
			   coalesce(c.place_of_service, '11') AS pos
		FROM @extschema@.claim_line AS c
		WHERE (from_date IS NULL OR c.date_of_service >= from_date)
		  AND (to_date IS NULL OR c.date_of_service <= to_date)
	),
	flags AS (
		SELECT a.claim_id, a.line_no,
			   pg_catalog.bool_or(a.severity = 'error') AS has_error,
			   pg_catalog.bool_or(a.rule_id = 'code.downcoded') AS downcoded
		FROM @extschema@.audit('@extschema@.claim_line'::pg_catalog.regclass,
							   from_date, to_date) AS a
		GROUP BY a.claim_id, a.line_no
	),
	price AS (
		SELECT k.hcpcs, k.date_of_service, k.pos,
			   @extschema@.expected_payment_or_null(k.hcpcs, k.date_of_service, k.pos) AS pay,
			   CASE WHEN k.hcpcs = '20552' THEN
				   @extschema@.expected_payment_or_null('20553', k.date_of_service, k.pos)
			   END AS pay_20553
		FROM (SELECT DISTINCT l.hcpcs, l.date_of_service, l.pos FROM l) AS k
	)
	SELECT (l.date_of_service OPERATOR(pg_catalog.-) (EXTRACT(DAY FROM l.date_of_service)::pg_catalog.int4 OPERATOR(pg_catalog.-) 1)),
		   l.provider_npi,
		   pg_catalog.count(*),
		   coalesce(pg_catalog.sum(p.pay), 0)::numeric(12,2),
		   pg_catalog.count(*) FILTER (WHERE f.has_error),
		   coalesce(pg_catalog.sum(p.pay) FILTER (WHERE f.has_error), 0)::numeric(12,2),
		   pg_catalog.count(*) FILTER (WHERE f.downcoded),
		   coalesce(pg_catalog.sum(p.pay_20553 - p.pay) FILTER (WHERE f.downcoded),
							   0)::numeric(12,2)
	FROM l
	LEFT JOIN price AS p
		   ON p.hcpcs = l.hcpcs AND p.date_of_service = l.date_of_service AND p.pos = l.pos
	LEFT JOIN flags AS f
		   ON f.claim_id = l.claim_id AND f.line_no = l.line_no
	GROUP BY 1, 2
	ORDER BY 1, 2
$$;
COMMENT ON FUNCTION @extschema@.revenue_at_risk(date, date) IS
  'Per month and provider, for dates of service in [from_date, to_date] (NULL: unbounded): lines, their expected payment, the lines with an error finding and their expected payment (revenue at risk), the code.downcoded lines and the money they leave behind; SECURITY DEFINER, executable by tpi_reporting';

CREATE FUNCTION @extschema@.frequency_status(as_of date)
RETURNS TABLE (
	patient_id			text,
	payer_id			text,
	sessions_in_window	bigint,
	max_sessions		integer,
	cap_window			text,
	min_interval		text,
	last_session		date,
	next_eligible_date	date,
	status				text
)
LANGUAGE sql STABLE STRICT SECURITY DEFINER PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
SET IntervalStyle = 'postgres'
AS $$
	-- an infinite as_of is refused as next_eligible_date() refuses it
	-- (22023), whether or not a session falls before it
	SELECT @extschema@.next_eligible_date('{}', 'commercial_default', as_of)
	 WHERE NOT pg_catalog.isfinite(as_of);
	WITH l AS (
		-- a session is a date with a TPI line; later dates are not yet
		-- history.  An infinite date is no session (the rules leave it out
		-- and audit() reports it as input.invalid; next_eligible_date()
		-- refuses it).
		SELECT c.patient_id, c.payer_id, c.date_of_service, c.muscles
		FROM @extschema@.claim_line AS c
		WHERE c.hcpcs IN ('20552', '20553') AND c.date_of_service <= as_of
		  AND pg_catalog.isfinite(c.date_of_service)
		  AND c.patient_id IS NOT NULL
	),
	s AS (
		-- every session of the patient counts, whatever its payer, as the
		-- rules count them (the caps are per beneficiary)
		SELECT l.patient_id,
			   pg_catalog.array_agg(DISTINCT l.date_of_service
									ORDER BY l.date_of_service) AS dates,
			   pg_catalog.max(l.date_of_service) AS last_session
		FROM l
		GROUP BY l.patient_id
	),
	jr AS (
		-- the payers the patient's lines are judged by: a payer_id with no
		-- policy row is looked up in payer_map, else taken for a policy's
		-- payer_id spelt with other case or spaces, else it is
		-- commercial_default (SPEC section 13; policy.c's find_payer())
		SELECT sp.patient_id, sp.payer_id AS line_payer,
			   CASE WHEN EXISTS (SELECT FROM @extschema@.payer_policy AS x
								 WHERE x.payer_id = sp.payer_id)
					THEN sp.payer_id
					ELSE coalesce((SELECT m.payer_id FROM @extschema@.payer_map AS m
								   JOIN @extschema@.payer_policy AS x ON x.payer_id = m.payer_id
								   WHERE m.source_id = sp.payer_id LIMIT 1),
								  (SELECT x.payer_id FROM @extschema@.payer_policy AS x
								   WHERE pg_catalog.lower(x.payer_id) OPERATOR(pg_catalog.=)
										 pg_catalog.lower(pg_catalog.btrim(sp.payer_id, ' '))
								   ORDER BY x.payer_id COLLATE "C" LIMIT 1),
								  'commercial_default') END AS payer_id
		FROM (SELECT DISTINCT l.patient_id, l.payer_id FROM l) AS sp
	),
	jp AS (
		-- the rule settings are those of the lines' own payer_id (a
		-- rule_setting row for a source id wins, as in the rules); a
		-- patient billed under several ids of one payer is judged by the
		-- least of them.  A cap or interval whose rule is switched off
		-- holds no session back (next_eligible_date() agrees).
		SELECT j.patient_id, j.payer_id, j.line_payer,
			   @extschema@.effective_severity('freq.rolling_cap', j.line_payer) IS NOT NULL AS on_cap,
			   @extschema@.effective_severity('freq.min_interval', j.line_payer) IS NOT NULL AS on_gap
		FROM (SELECT jr.patient_id, jr.payer_id, coalesce(pg_catalog.min(jr.line_payer), jr.payer_id) AS line_payer
			  FROM jr GROUP BY jr.patient_id, jr.payer_id) AS j
	),
	sp AS (
		SELECT s.patient_id, jp.payer_id, jp.line_payer, s.dates, s.last_session,
			   CASE WHEN jp.on_cap THEN p.max_sessions END AS max_sessions,
			   CASE WHEN jp.on_cap THEN p.cap_window END AS cap_window,
			   p.cap_scope, p.min_interval_scope,
			   CASE WHEN jp.on_gap THEN p.min_interval END AS min_interval
		FROM s
		JOIN jp ON jp.patient_id = s.patient_id
		LEFT JOIN LATERAL (
			-- the policy row in effect on as_of, chosen as the rules do
			-- (README): started and not ended, else the last one started,
			-- else the earliest
			SELECT pp.max_sessions, pp.cap_window, pp.cap_scope, pp.min_interval,
				   pp.min_interval_scope
			FROM @extschema@.payer_policy AS pp
			WHERE pp.payer_id = jp.payer_id
			ORDER BY (pp.effective_from <= as_of
					  AND (pp.effective_to IS NULL OR as_of <= pp.effective_to)) DESC,
					 (pp.effective_from <= as_of) DESC,
					 CASE WHEN pp.effective_from <= as_of THEN pp.effective_from END DESC,
					 pp.effective_from
			LIMIT 1
		) AS p ON true
	),
	rd AS (
		-- for a cap per region: each region's sessions (a line without
		-- documented regions in a bucket of its own, as frequency_check
		-- counts), of the patients it matters for
		SELECT l.patient_id,
			   pg_catalog.array_agg(DISTINCT l.date_of_service) AS dates
		FROM l
		LEFT JOIN LATERAL pg_catalog.unnest(@extschema@.regions(l.muscles)) AS r(region) ON true
		WHERE l.patient_id IN (SELECT sp.patient_id FROM sp
							   WHERE sp.cap_scope = 'region' AND sp.cap_window IS NOT NULL)
		GROUP BY l.patient_id, r.region
	),
	nr AS (
		-- a cap per region: the region with the most sessions in the
		-- window, and the first date on which one more session is allowed
		-- in each region the patient has had sessions in
		SELECT sp.patient_id, sp.payer_id, pg_catalog.max(c.n) AS n,
			   pg_catalog.max(@extschema@.next_eligible_date(rd.dates, sp.line_payer, as_of)) AS next_date
		FROM sp
		JOIN rd ON rd.patient_id = sp.patient_id
		CROSS JOIN LATERAL (
			SELECT pg_catalog.count(*) AS n FROM pg_catalog.unnest(rd.dates) AS d
			WHERE d > as_of - sp.cap_window
		) AS c
		WHERE sp.cap_scope = 'region' AND sp.cap_window IS NOT NULL
		GROUP BY sp.patient_id, sp.payer_id
	),
	st AS (
		SELECT sp.*,
			   CASE WHEN sp.cap_window IS NULL THEN NULL
					WHEN sp.cap_scope = 'region' THEN nr.n
					ELSE
						(SELECT pg_catalog.count(*) FROM pg_catalog.unnest(sp.dates) AS d
						 WHERE d > as_of - sp.cap_window)
			   END AS n,
			   CASE WHEN sp.cap_scope = 'region' AND sp.cap_window IS NOT NULL THEN
						-- an interval per patient spans the regions
						GREATEST(nr.next_date,
							CASE WHEN sp.min_interval_scope = 'patient' THEN
								CAST(sp.last_session + sp.min_interval AS date) END)
					ELSE @extschema@.next_eligible_date(sp.dates, sp.line_payer, as_of)
			   END AS next_date
		FROM sp
		LEFT JOIN nr ON nr.patient_id = sp.patient_id AND nr.payer_id = sp.payer_id
		-- payers with a cap or a minimum interval
		WHERE sp.cap_window IS NOT NULL OR sp.min_interval IS NOT NULL
	)
	SELECT st.patient_id, st.payer_id, st.n, st.max_sessions,
		   st.cap_window::text, st.min_interval::text, st.last_session, st.next_date,
		   CASE WHEN st.n > st.max_sessions THEN 'over cap'
				WHEN st.n = st.max_sessions THEN 'at cap'
				WHEN st.next_date > as_of THEN 'minimum interval'
				ELSE 'eligible' END
	FROM st
	ORDER BY st.patient_id, st.payer_id
$$;
COMMENT ON FUNCTION @extschema@.frequency_status(date) IS
  'The rows of v_frequency_status as of a given date: per patient and payer (as judged: payer_map applied) whose policy has a session cap or a minimum interval (one whose rule rule_setting switches off does not count), the patient''s TPI sessions in the rolling window (every session counts, whatever its payer, as the rules count; for a cap per region, the region with most), the cap, and the next eligible date; SECURITY DEFINER, executable by tpi_reporting';

-- The views.

CREATE VIEW @extschema@.v_findings_by_rule AS
SELECT f.rule_id, f.severity, f.title, f.findings, f.lines, f.claims,
	   CAST(f.dollars_at_stake AS pg_catalog.numeric(12,2)) AS dollars_at_stake
FROM @extschema@.findings_by_rule(NULL::pg_catalog.date, NULL::pg_catalog.date) AS f;
COMMENT ON VIEW @extschema@.v_findings_by_rule IS
  'Dashboard: every rule that fired over tpi_rules.claim_line, with its findings, the lines and claims it hit and the money at stake on those lines (their expected payment; for code.downcoded the difference to 20553)';
COMMENT ON COLUMN @extschema@.v_findings_by_rule.rule_id IS 'Rule identifier (tpi_rules.rule), e.g. code.upcoded';
COMMENT ON COLUMN @extschema@.v_findings_by_rule.severity IS 'error (the line will be denied), warning (audit risk or money left behind) or info';
COMMENT ON COLUMN @extschema@.v_findings_by_rule.title IS 'Short description of the rule';
COMMENT ON COLUMN @extschema@.v_findings_by_rule.findings IS 'Number of findings (a line may carry several of one rule, e.g. one per missing note element)';
COMMENT ON COLUMN @extschema@.v_findings_by_rule.lines IS 'Distinct claim lines with at least one finding of the rule';
COMMENT ON COLUMN @extschema@.v_findings_by_rule.claims IS 'Distinct claims with at least one finding of the rule';
COMMENT ON COLUMN @extschema@.v_findings_by_rule.dollars_at_stake IS 'Medicare national expected payment (USD, one unit) of the lines with the finding; for code.downcoded the money left behind (20553 minus 20552), as downcoding_left_behind in v_revenue_at_risk; unpriced lines count 0. Do not add across rules: a line may carry several rules';

CREATE VIEW @extschema@.v_findings_by_provider_month AS
SELECT f.provider_npi, f.month, f.rule_id, f.severity, f.findings, f.lines, f.claims,
	   CAST(f.dollars_at_stake AS pg_catalog.numeric(12,2)) AS dollars_at_stake
FROM @extschema@.findings_by_provider_month(NULL::pg_catalog.date, NULL::pg_catalog.date) AS f;
COMMENT ON VIEW @extschema@.v_findings_by_provider_month IS
  'Dashboard: findings per rendering provider, month of service and rule (time series per provider; filter or stack by severity or rule)';
COMMENT ON COLUMN @extschema@.v_findings_by_provider_month.provider_npi IS 'Rendering provider NPI (NULL when the line has none)';
COMMENT ON COLUMN @extschema@.v_findings_by_provider_month.month IS 'First day of the month of the date of service (use as the time column)';
COMMENT ON COLUMN @extschema@.v_findings_by_provider_month.rule_id IS 'Rule identifier (tpi_rules.rule)';
COMMENT ON COLUMN @extschema@.v_findings_by_provider_month.severity IS 'error, warning or info';
COMMENT ON COLUMN @extschema@.v_findings_by_provider_month.findings IS 'Number of findings of the rule';
COMMENT ON COLUMN @extschema@.v_findings_by_provider_month.lines IS 'Distinct claim lines with the finding';
COMMENT ON COLUMN @extschema@.v_findings_by_provider_month.claims IS 'Distinct claims with the finding';
COMMENT ON COLUMN @extschema@.v_findings_by_provider_month.dollars_at_stake IS 'Expected payment (USD) of the lines with the finding; for code.downcoded the money left behind (20553 minus 20552); additive over providers and months, not over rules (use v_revenue_at_risk_by_provider for money per provider)';

CREATE VIEW @extschema@.v_revenue_at_risk_by_provider AS
SELECT r.month, r.provider_npi, r.lines,
	   CAST(r.expected_payment AS pg_catalog.numeric(12,2)) AS expected_payment,
	   r.error_lines,
	   CAST(r.revenue_at_risk AS pg_catalog.numeric(12,2)) AS revenue_at_risk,
	   r.downcoded_lines,
	   CAST(r.downcoding_left_behind AS pg_catalog.numeric(12,2)) AS downcoding_left_behind
FROM @extschema@.revenue_at_risk(NULL::pg_catalog.date, NULL::pg_catalog.date) AS r;
COMMENT ON VIEW @extschema@.v_revenue_at_risk_by_provider IS
  'Dashboard: per month of service and rendering provider, expected payment, the part at risk of denial (lines with an error finding) and the money left behind by downcoding; every money and count column adds up over providers and months';
COMMENT ON COLUMN @extschema@.v_revenue_at_risk_by_provider.month IS 'First day of the month of the date of service';
COMMENT ON COLUMN @extschema@.v_revenue_at_risk_by_provider.provider_npi IS 'Rendering provider NPI (NULL when the line has none)';
COMMENT ON COLUMN @extschema@.v_revenue_at_risk_by_provider.lines IS 'Claim lines billed';
COMMENT ON COLUMN @extschema@.v_revenue_at_risk_by_provider.expected_payment IS 'Medicare national expected payment (USD, one unit per line) of all lines; unpriced lines (drug codes) count 0';
COMMENT ON COLUMN @extschema@.v_revenue_at_risk_by_provider.error_lines IS 'Lines with at least one error finding (will be denied as billed)';
COMMENT ON COLUMN @extschema@.v_revenue_at_risk_by_provider.revenue_at_risk IS 'Expected payment (USD) of the lines with an error finding: denial exposure';
COMMENT ON COLUMN @extschema@.v_revenue_at_risk_by_provider.downcoded_lines IS 'Lines with a code.downcoded finding (20552 billed, 3 or more muscles documented)';
COMMENT ON COLUMN @extschema@.v_revenue_at_risk_by_provider.downcoding_left_behind IS 'Sum over the downcoded lines of expected payment of 20553 minus 20552 (USD): money left behind';

CREATE VIEW @extschema@.v_revenue_at_risk AS
SELECT r.month,
	   CAST(pg_catalog.sum(r.lines) AS pg_catalog.int8) AS lines,
	   CAST(pg_catalog.sum(r.expected_payment) AS pg_catalog.numeric(12,2)) AS expected_payment,
	   CAST(pg_catalog.sum(r.error_lines) AS pg_catalog.int8) AS error_lines,
	   CAST(pg_catalog.sum(r.revenue_at_risk) AS pg_catalog.numeric(12,2)) AS revenue_at_risk,
	   CAST(pg_catalog.sum(r.downcoded_lines) AS pg_catalog.int8) AS downcoded_lines,
	   CAST(pg_catalog.sum(r.downcoding_left_behind) AS pg_catalog.numeric(12,2))
		   AS downcoding_left_behind
FROM @extschema@.revenue_at_risk(NULL::pg_catalog.date, NULL::pg_catalog.date) AS r
GROUP BY r.month;
COMMENT ON VIEW @extschema@.v_revenue_at_risk IS
  'Dashboard: per month of service, expected payment, revenue at risk (expected payment of lines with an error finding) and money left behind by downcoding';
COMMENT ON COLUMN @extschema@.v_revenue_at_risk.month IS 'First day of the month of the date of service (use as the time column)';
COMMENT ON COLUMN @extschema@.v_revenue_at_risk.lines IS 'Claim lines billed';
COMMENT ON COLUMN @extschema@.v_revenue_at_risk.expected_payment IS 'Medicare national expected payment (USD, one unit per line) of all lines; unpriced lines (drug codes) count 0';
COMMENT ON COLUMN @extschema@.v_revenue_at_risk.error_lines IS 'Lines with at least one error finding (will be denied as billed)';
COMMENT ON COLUMN @extschema@.v_revenue_at_risk.revenue_at_risk IS 'Expected payment (USD) of the lines with an error finding: denial exposure';
COMMENT ON COLUMN @extschema@.v_revenue_at_risk.downcoded_lines IS 'Lines with a code.downcoded finding (20552 billed, 3 or more muscles documented)';
COMMENT ON COLUMN @extschema@.v_revenue_at_risk.downcoding_left_behind IS 'Sum over the downcoded lines of expected payment of 20553 minus 20552 (USD): money left behind';

CREATE VIEW @extschema@.v_frequency_status AS
SELECT s.patient_id, s.payer_id, s.sessions_in_window, s.max_sessions, s.cap_window,
	   s.min_interval, s.last_session, s.next_eligible_date, s.status
FROM @extschema@.frequency_status(CURRENT_DATE) AS s;
COMMENT ON VIEW @extschema@.v_frequency_status IS
  'Dashboard: TPI session limits as of today (CURRENT_DATE in the session''s time zone), per patient and payer, for every patient with a TPI session and a payer with a session cap or a minimum interval (status eligible once the windows have passed); frequency_status(date) gives the same for another date';
COMMENT ON COLUMN @extschema@.v_frequency_status.patient_id IS 'Patient';
COMMENT ON COLUMN @extschema@.v_frequency_status.payer_id IS 'Payer the patient''s TPI lines are judged by: their payer_id, or the payer_policy payer that payer_map gives it (a patient with several payers has a row per payer)';
COMMENT ON COLUMN @extschema@.v_frequency_status.sessions_in_window IS 'Distinct TPI dates of service of the patient, under any payer, in the payer''s rolling window ending today: all regions together, or for a payer whose cap is per anatomical region the sessions of the region that has most (a line without documented muscles in a region of its own, as the rules count) (NULL: the payer has no cap)';
COMMENT ON COLUMN @extschema@.v_frequency_status.max_sessions IS 'Sessions the payer allows in the window (NULL: no cap, or freq.rolling_cap switched off for the payer in rule_setting)';
COMMENT ON COLUMN @extschema@.v_frequency_status.cap_window IS 'The rolling window of the cap, e.g. 1 year, 3 mons, 90 days (NULL: no cap)';
COMMENT ON COLUMN @extschema@.v_frequency_status.min_interval IS 'Least time the payer requires between sessions (NULL: none, or freq.min_interval switched off for the payer in rule_setting)';
COMMENT ON COLUMN @extschema@.v_frequency_status.last_session IS 'Latest TPI date of service of the patient up to today, under any payer';
COMMENT ON COLUMN @extschema@.v_frequency_status.next_eligible_date IS 'First date from today on which one more session keeps within the payer''s cap and minimum interval (tpi_rules.next_eligible_date, all sessions read as one region); for a payer whose cap is per region, the first date on which one more session is allowed in each region the patient has had sessions in';
COMMENT ON COLUMN @extschema@.v_frequency_status.status IS 'over cap (more sessions in the window than allowed), at cap (no further session until next_eligible_date), minimum interval (too soon after the last session) or eligible';

-- tpi_reporting reads the views and executes what they call; nothing else.
GRANT USAGE ON SCHEMA @extschema@ TO tpi_reporting;
REVOKE ALL ON FUNCTION @extschema@.findings_by_rule(date, date) FROM PUBLIC;
REVOKE ALL ON FUNCTION @extschema@.findings_by_provider_month(date, date) FROM PUBLIC;
REVOKE ALL ON FUNCTION @extschema@.revenue_at_risk(date, date) FROM PUBLIC;
REVOKE ALL ON FUNCTION @extschema@.frequency_status(date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION @extschema@.findings_by_rule(date, date) TO tpi_reporting;
GRANT EXECUTE ON FUNCTION @extschema@.findings_by_provider_month(date, date) TO tpi_reporting;
GRANT EXECUTE ON FUNCTION @extschema@.revenue_at_risk(date, date) TO tpi_reporting;
GRANT EXECUTE ON FUNCTION @extschema@.frequency_status(date) TO tpi_reporting;
GRANT SELECT ON @extschema@.v_findings_by_rule, @extschema@.v_findings_by_provider_month,
	@extschema@.v_revenue_at_risk, @extschema@.v_revenue_at_risk_by_provider,
	@extschema@.v_frequency_status TO tpi_reporting;
