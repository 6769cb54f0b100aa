-- ICD-10-CM validity for the codes the rules judge (SPEC section 8): the
-- covered sets, their parents, and codes deleted on a date.  FY2022
-- (2021-10-01) expanded M79.1 (myalgia) into M79.10-M79.18 and M54.5 (low
-- back pain) into M54.50/M54.51/M54.59, so the old codes stop being valid
-- on claims from that date.  Codes not listed are not judged.

INSERT INTO @extschema@.icd10 (code, billable, effective_from, effective_to, replaced_by, builtin) VALUES
('M79',    false, '2015-10-01', NULL, NULL, true),
('M791',   true,  '2015-10-01', '2021-09-30', '{M79.10,M79.11,M79.12,M79.18}', true),
('M7910',  true,  '2021-10-01', NULL, NULL, true),
('M7911',  true,  '2021-10-01', NULL, NULL, true),
('M7912',  true,  '2021-10-01', NULL, NULL, true),
('M7918',  true,  '2021-10-01', NULL, NULL, true),
('M54',    false, '2015-10-01', NULL, NULL, true),
('M545',   true,  '2015-10-01', '2021-09-30', '{M54.50,M54.51,M54.59}', true),
('M5450',  true,  '2021-10-01', NULL, NULL, true),
('M5451',  true,  '2021-10-01', NULL, NULL, true),
('M5459',  true,  '2021-10-01', NULL, NULL, true),
('M542',   true,  '2015-10-01', NULL, NULL, true),
('M546',   true,  '2015-10-01', NULL, NULL, true),
('M6283',  false, '2015-10-01', NULL, NULL, true),
('M62830', true,  '2015-10-01', NULL, NULL, true),
('M62838', true,  '2015-10-01', NULL, NULL, true),
('G44',    false, '2015-10-01', NULL, NULL, true),
('G442',   false, '2015-10-01', NULL, NULL, true),
('G4420',  false, '2015-10-01', NULL, NULL, true),
('G4421',  false, '2015-10-01', NULL, NULL, true),
('G4422',  false, '2015-10-01', NULL, NULL, true),
('G44201', true,  '2015-10-01', NULL, NULL, true),
('G44209', true,  '2015-10-01', NULL, NULL, true),
('G44211', true,  '2015-10-01', NULL, NULL, true),
('G44219', true,  '2015-10-01', NULL, NULL, true),
('G44221', true,  '2015-10-01', NULL, NULL, true),
('G44229', true,  '2015-10-01', NULL, NULL, true);
