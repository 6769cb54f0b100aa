-- The rule catalogue's shipped rows are 1.1's, generated from the rule
-- registry (src/engine/rules.def): new texts for units.over_mue,
-- drug.missing_on_claim, drug.not_covered, input.invalid (the NDC) and the
-- rules claims without note data skip.  A user's row (a changed severity
-- makes a shipped row one) is kept: the insert skips its rule_id.
DELETE FROM @extschema@.rule WHERE builtin;
-- @include sql/install/10_rule_data.sql
