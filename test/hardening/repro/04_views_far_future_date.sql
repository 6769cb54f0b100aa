-- Reproducer (low): one claim line whose date of service is past the
-- timestamp range (after 294276 AD, e.g. a mistyped 5874897-12-31; dates
-- are valid up to 5874897 AD) makes every dashboard view that reports a
-- month fail, and REFRESH MATERIALIZED VIEW tpi_rules.mv_audit too.
-- Where: sql/install/60_views.sql:103, audit_detail():
--   pg_catalog.date_trunc('month', f.date_of_service::pg_catalog.timestamp)::pg_catalog.date
-- The date -> timestamp cast overflows.  A month computed on the date
-- itself (make_date(extract(year ...), extract(month ...), 1) or
-- d - (extract(day from d)::int - 1)) has no such limit; or the line could
-- get an input.invalid finding and no month.
-- Expected: the views' rows.  Actual: ERROR 22008 "date out of range for
-- timestamp" for v_findings_by_rule, v_findings_by_provider_month,
-- v_revenue_at_risk, v_revenue_at_risk_by_provider and mv_audit.
-- Run as a superuser on a scratch database (it writes tpi_rules.claim_line).
BEGIN;
INSERT INTO tpi_rules.claim_line (claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs, muscles)
VALUES ('FAR1', 1, 'P1', 'medicare', '5874897-12-31', '20553', '{right trapezius}'),
       ('OK1', 1, 'P2', 'medicare', '2025-03-03', '20553', '{right trapezius}');
SELECT count(*) FROM tpi_rules.v_findings_by_rule;
ROLLBACK;
