-- The demo report.
\pset footer off
\echo
\echo '== Rules tpi_rules applies'
SELECT rule_id, severity, title FROM tpi_rules.rule ORDER BY severity DESC, rule_id;
\echo
\echo '== Payer policies'
SELECT payer_id, max_sessions, cap_window, cap_scope, min_interval FROM tpi_rules.payer_policy ORDER BY payer_id;
