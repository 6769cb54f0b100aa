-- Note-data coverage (SPEC section 3, "claims without note data"): how many
-- TPI lines of tpi_rules.claim_line carry note data, so a dashboard shows
-- how much of the feed the note rules could judge.  A line has note data
-- when one of its documentation columns is not NULL.  Read through a
-- SECURITY DEFINER function like the other views (60_views.sql).

CREATE FUNCTION @extschema@.note_coverage(from_date date DEFAULT NULL, to_date date DEFAULT NULL)
RETURNS TABLE (
	month					date,
	payer_id				text,
	tpi_lines				bigint,
	lines_with_note_data	bigint,
	lines_without_note_data	bigint,
	pct_with_note_data		numeric(5,1)
)
LANGUAGE sql STABLE SECURITY DEFINER PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
AS $$
	WITH l AS (
		SELECT (c.date_of_service OPERATOR(pg_catalog.-) (EXTRACT(DAY FROM c.date_of_service)::pg_catalog.int4 OPERATOR(pg_catalog.-) 1)) AS month,
			   c.payer_id,
			   (c.muscles IS NOT NULL OR c.trigger_points IS NOT NULL
				OR c.drug_name IS NOT NULL OR c.drug_dose IS NOT NULL
				OR c.note_signed IS NOT NULL OR c.post_procedure_plan IS NOT NULL
				OR c.conservative_care IS NOT NULL OR c.tp_locations IS NOT NULL) AS has_note
		FROM @extschema@.claim_line AS c
		WHERE pg_catalog.upper(pg_catalog.btrim(c.hcpcs)) IN ('20552', '20553')
		  AND (from_date IS NULL OR c.date_of_service >= from_date)
		  AND (to_date IS NULL OR c.date_of_service <= to_date)
	)
	SELECT l.month, l.payer_id, pg_catalog.count(*),
		   pg_catalog.count(*) FILTER (WHERE l.has_note),
		   pg_catalog.count(*) FILTER (WHERE NOT l.has_note),
		   pg_catalog.round(100.0 * pg_catalog.count(*) FILTER (WHERE l.has_note)
							/ pg_catalog.count(*), 1)::numeric(5,1)
	FROM l
	GROUP BY l.month, l.payer_id
	ORDER BY l.month, l.payer_id
$$;
COMMENT ON FUNCTION @extschema@.note_coverage(date, date) IS
  'The rows of v_note_coverage for dates of service in [from_date, to_date] (NULL: unbounded); SECURITY DEFINER, executable by tpi_reporting';

CREATE VIEW @extschema@.v_note_coverage AS
SELECT n.month, n.payer_id, n.tpi_lines, n.lines_with_note_data,
	   n.lines_without_note_data,
	   CAST(n.pct_with_note_data AS pg_catalog.numeric(5,1)) AS pct_with_note_data
FROM @extschema@.note_coverage(NULL::pg_catalog.date, NULL::pg_catalog.date) AS n;
COMMENT ON VIEW @extschema@.v_note_coverage IS
  'Dashboard: per month of service and payer, the TPI lines (20552/20553) of tpi_rules.claim_line and how many carry note data (a documentation column not NULL); lines without it are judged by the claim rules only (SPEC section 3)';
COMMENT ON COLUMN @extschema@.v_note_coverage.month IS 'First day of the month of the date of service (use as the time column)';
COMMENT ON COLUMN @extschema@.v_note_coverage.payer_id IS 'Payer of the lines as the claims carry it';
COMMENT ON COLUMN @extschema@.v_note_coverage.tpi_lines IS 'TPI lines (20552, 20553) billed';
COMMENT ON COLUMN @extschema@.v_note_coverage.lines_with_note_data IS 'TPI lines with note data: every rule judged them';
COMMENT ON COLUMN @extschema@.v_note_coverage.lines_without_note_data IS 'TPI lines without note data: code.upcoded, code.downcoded, code.no_muscles, doc.* and drug.none_injected were not applied, their regions are unknown';
COMMENT ON COLUMN @extschema@.v_note_coverage.pct_with_note_data IS 'Share of TPI lines with note data, percent';

REVOKE ALL ON FUNCTION @extschema@.note_coverage(date, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION @extschema@.note_coverage(date, date) TO tpi_reporting;
GRANT SELECT ON @extschema@.v_note_coverage TO tpi_reporting;
