-- claim_line gains the 837P's charge and NDC (SPEC section 3).
ALTER TABLE @extschema@.claim_line ADD COLUMN charge numeric(12,2), ADD COLUMN ndc text;
COMMENT ON COLUMN @extschema@.claim_line.charge IS 'Billed charge of the line (837P SV102)';
COMMENT ON COLUMN @extschema@.claim_line.ndc IS 'National Drug Code of a drug line, 11 digits (837P LIN03)';
