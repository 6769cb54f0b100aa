-- A claims-only audit: an 837P batch (test/data/837p/claims_only.837, five
-- Medicare claims with no procedure notes) read with read_837p() into a
-- table and audited.  Only the claim rules have something to judge: the
-- day rules (E/M without 25, joint injection without 59), modifier 50,
-- units of one code on one date, the drug on the claim, the diagnoses and
-- the frequency; SPEC section 3 "Claims without note data".  The file
-- names the payer as the practice's clearinghouse knows it (2010BB NM109
-- 13202, a Medicare contractor); payer_map maps it to the medicare policy.
SET datestyle = 'ISO, YMD';
SET timezone = 'UTC';

\set f `cat test/data/837p/claims_only.837`
CREATE TABLE batch_837p AS SELECT * FROM tpi_rules.read_837p(:'f');

SELECT claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs,
	   modifiers, units, icd10, place_of_service, charge, ndc
  FROM batch_837p ORDER BY claim_id, line_no;

-- Unmapped, 13202 is no policy's payer: commercial_default judges the
-- lines (CPT and NCCI only, so Medicare's one-block-per-session rule is
-- silent).
SELECT rule_id, count(*) AS findings
  FROM tpi_rules.audit('batch_837p', NULL, NULL)
 GROUP BY rule_id ORDER BY rule_id;

INSERT INTO tpi_rules.payer_map (source_id, payer_id) VALUES ('13202', 'medicare');
SELECT claim_id, line_no, rule_id, severity, message
  FROM tpi_rules.audit('batch_837p', NULL, NULL)
 ORDER BY claim_id, line_no, rule_id, message;

-- Findings per claim: which claims come through clean.
SELECT b.claim_id,
	   count(a.rule_id) FILTER (WHERE a.severity = 'error') AS errors,
	   count(a.rule_id) FILTER (WHERE a.severity = 'warning') AS warnings,
	   string_agg(DISTINCT a.rule_id, ', ' ORDER BY a.rule_id) AS rules
  FROM (SELECT DISTINCT claim_id FROM batch_837p) b
  LEFT JOIN tpi_rules.audit('batch_837p', NULL, NULL) a USING (claim_id)
 GROUP BY b.claim_id ORDER BY b.claim_id;

-- Payment works on the lines read: Medicare's amount beside the charge.
SELECT claim_id, line_no, hcpcs, charge,
	   tpi_rules.expected_payment(hcpcs, date_of_service, place_of_service) AS medicare_amount
  FROM batch_837p
 WHERE hcpcs IN ('20552', '20553', '20610', '99213')
 ORDER BY claim_id, line_no;

DELETE FROM tpi_rules.payer_map WHERE source_id = '13202';
DROP TABLE batch_837p;
