-- Types shared by every rule function (SPEC section 5).

CREATE TYPE @extschema@.severity AS ENUM ('info', 'warning', 'error');
COMMENT ON TYPE @extschema@.severity IS
  'How bad a finding is: info (a reviewer should look) < warning (audit risk or money left behind) < error (denied or non-compliant as billed)';

CREATE TYPE @extschema@.finding AS (
	rule_id		text,
	severity	@extschema@.severity,
	message		text,
	claim_id	text,
	line_no		smallint
);
COMMENT ON TYPE @extschema@.finding IS
  'One rule violation: the rule, its severity, a message saying what is wrong and how to fix it, and the claim line it concerns';
