-- Payer policies shipped (SPEC section 7).  effective_from is the date the
-- cited source took effect where it is known (the 2024 uniform Medicare TPI
-- LCDs replaced the old ones on 2024-04-01; Novitas L35010 was last revised
-- 2022-09-01; EmblemHealth 2017-03-01); for the others it is 2015-10-01, the
-- start of ICD-10 coding, because no revision date is shipped with the
-- source.  Before a payer's first row the earliest row applies (see
-- README), so claims older than a policy are still judged by it.  name is
-- the policy as findings cite it ("... (BCBSA medical policy 2.01.103)").

INSERT INTO @extschema@.payer_policy
	(payer_id, effective_from, name, source,
	 max_sessions, cap_window, cap_scope, min_interval, min_interval_scope,
	 drug_on_claim, covered_injectates, image_guidance_covered,
	 dry_needling_covered, one_region_per_session, other_blocks_allowed, builtin)
VALUES
('medicare', '2024-04-01', '2024 Medicare TPI LCDs and billing articles',
 'Palmetto L39671, WPS L39713, Noridian L34211/L36859, NGS L39662, CGS L39656 and billing articles (A59480 and companions), effective 2024-04-01',
 3, '12 months', 'patient', '6 weeks', 'region',
 'required', NULL, false, false, true, false, true),
('medicare_novitas', '2022-09-01', 'Novitas LCD L35010 and article A57751 (First Coast L33912 alike)',
 'Novitas L35010 / A57751 (revision effective 2022-09-01); First Coast L33912 alike. A57751''s covered diagnoses are not shipped: load them into tpi_rules.covered_dx',
 3, '3 months', 'patient', NULL, 'patient',
 'any', NULL, true, true, false, true, true),
('emblemhealth', '2017-03-01', 'EmblemHealth Claims Corner TPI policy',
 'EmblemHealth Claims Corner, trigger point injections, effective 2017-03-01: a 4th session within 90 days for the same anatomic site is denied; only local anesthetics and corticosteroids; dry needling and saline alone not covered',
 3, '90 days', 'region', NULL, 'patient',
 'any', '{local anesthetic,corticosteroid}', true, false, false, true, true),
('aetna', '2015-10-01', 'Aetna CPB 0016',
 'Aetna Clinical Policy Bulletin 0016 (back pain, invasive procedures): trigger point injections no more often than every 7 days',
 NULL, NULL, 'patient', '7 days', 'patient',
 'any', NULL, true, true, false, true, true),
('evicore', '2015-10-01', 'eviCore CMM-202',
 'eviCore CMM-202 (trigger point injections): at most 4 sessions per anatomical region per year, and at least 2 months between any two sessions, whatever their regions',
 4, '1 year', 'region', '2 months', 'patient',
 'any', NULL, true, true, false, true, true),
('bcbsa', '2015-10-01', 'BCBSA medical policy 2.01.103',
 'BCBSA medical policy 2.01.103 (trigger point and tender point injections) and plans that adopt it: at most 4 sessions per 12 months; image guidance not covered',
 4, '12 months', 'patient', NULL, 'patient',
 'any', NULL, false, true, false, true, true),
('commercial_default', '2015-10-01', 'Commercial default (CPT and NCCI rules only)',
 'No payer policy: CPT and NCCI rules only. Claims whose payer_id has no row are checked with this row',
 NULL, NULL, 'patient', NULL, 'patient',
 'any', NULL, true, true, false, true, true);

-- Medicare 2024 LCDs: covered ICD-10-CM codes for TPI.
INSERT INTO @extschema@.covered_dx (payer_id, icd10, builtin)
SELECT 'medicare', c, true
FROM pg_catalog.unnest(ARRAY['G44201', 'G44209', 'G44211', 'G44219', 'G44221',
							 'G44229', 'M7910', 'M7911', 'M7912', 'M7918']) AS c;
