-- read_837p(): what a second round of public 837P samples really contains
-- (SPEC section 11).  Each interchange below is written for this test and
-- reproduces one file's quirks; the files, their sources and what each
-- gave are listed in test/data/837p/third_party/README.md ("Second
-- round").  Every row was written down from SPEC 11 before it was read.
SET datestyle = 'ISO, YMD';
SET timezone = 'UTC';

-- The mapped columns of every row, in file order.
CREATE FUNCTION pg_temp.lines(content text)
RETURNS TABLE (n bigint, claim_id text, line_no smallint, patient_id text,
			   payer_id text, provider_npi text, dos date, hcpcs text,
			   modifiers text[], units integer, icd10 text[], pos text,
			   charge numeric, ndc text, claim_note text)
LANGUAGE sql AS $$
SELECT r.ordinality, r.claim_id, r.line_no, r.patient_id, r.payer_id,
	   r.provider_npi, r.date_of_service, r.hcpcs, r.modifiers, r.units,
	   r.icd10, r.place_of_service, r.charge, r.ndc, r.claim_note
  FROM tpi_rules.read_837p(content) WITH ORDINALITY AS r
$$;

-- SQLSTATE and message of a read_837p() call, or 'ok: N rows'.
CREATE FUNCTION pg_temp.try(content text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	n bigint;
BEGIN
	SELECT count(*) INTO n FROM tpi_rules.read_837p(content);
	RETURN 'ok: ' || n || ' rows';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END
$$;

-- A test message of a Ruby X12 library: ISA02 and ISA04 one blank each
-- (not padded to 10), ISA11 'U' (no repetition separator), GS08 written
-- with a blank before the guide (" 005010X222A1"), CLM05 "11::1", a
-- 2310B rendering provider, three lines without SV107 (icd10 NULL), one
-- with a modifier.  The padded GS08 names the 837P guide: it is read.
\set ruby 'ISA*00* *00* *ZZ*SENDERID       *33*NAIC *260809*1130*U*00501*000000230*1*T*:~GS*HC*SENDERID*NAIC*20260809*1615*230*X* 005010X222A1~ST*837*0230*005010X222A1~BHT*0019*00*CLM1*20260809*1834*CH~NM1*41*2*SUBMITTER*****46*SUB1~HL*1**20*1~NM1*85*2*EYE CLINIC*****XX*1111111112~HL*2*1*22*0~SBR*P*18**000163*****BL~NM1*IL*1*ROE*MARY****MI*SUB-0042~NM1*PR*2*BLUE PLAN*****PI*00590~CLM*ACCT 0042*195***11::1*Y*A*Y*Y*C******P~DTP*454*D8*20260701~NM1*82*1*SMITH*ANN****XX*2222222223~LX*1~SV1*HC:92135*100*UN*1*****Y~DTP*472*D8*20260729~LX*2~SV1*HC:59840:LT*50*UN*1*****Y~DTP*472*D8*20260729~LX*3~SV1*HC:92012*45*UN*1*****Y~DTP*472*D8*20260729~SE*20*0230~GE*1*230~IEA*1*000000230~'
SELECT * FROM pg_temp.lines(:'ruby') ORDER BY n;

-- The same with GS08 "005010" and the blank before ST03 instead, then
-- with blanks on both sides of both: the same three rows.
SELECT pg_temp.try(replace(replace(:'ruby', '*X* 005010X222A1~', '*X*005010~'),
						   'ST*837*0230*005010X222A1~', 'ST*837*0230* 005010X222A1~')) AS st03_blank_before,
	   pg_temp.try(replace(replace(:'ruby', '*X* 005010X222A1~', '*X*  005010X222A1  ~'),
						   'ST*837*0230*005010X222A1~', 'ST*837*0230*  005010X222A1 ~')) AS blanks_both_sides,
	   pg_temp.try(replace(:'ruby', 'ST*837*0230*005010X222A1~', 'ST*837*0230*   ~')) AS st03_all_blanks;

-- A padded guide of another kind is still that guide: ERROR 22P02.
SELECT input, pg_temp.try(content) AS result
  FROM (VALUES
	('GS08 " 005010X224A2"', replace(:'ruby', '*X* 005010X222A1~', '*X* 005010X224A2~')),
	('ST03 " 005010X223A2 "', replace(:'ruby', 'ST*837*0230*005010X222A1~', 'ST*837*0230* 005010X223A2 ~')),
	('GS08 " 004010X098A1"', replace(:'ruby', '*X* 005010X222A1~', '*X* 004010X098A1~'))
  ) AS t(input, content);

-- The library's second message, from a county mental-health plan: ISA02
-- and ISA04 empty, ISA11 '^', the claim's 2310B provider, then the
-- 2320/2330 loops of the other payer (its NM1*IL and NM1*PR replace
-- neither patient nor payer), an ICD-9 HI*BK, 60 units of a family
-- therapy code, POS 12 from CLM05.
\set county 'ISA*00**00**ZZ*000009340000000*ZZ*000000010000000*260423*1740*^*00501*000000181*0*P*:~GS*HC*00000934*00000001*20260423*1740*181*X*005010X222A1~ST*837*0001*005010X222A1~BHT*0019*00*181*20260423*1740*CH~NM1*41*2*EDI BILLING*****46*00000934~HL*1**20*1~NM1*85*2*COUNSELING GROUP*****XX*1477632479~N3*146 WESTWOOD BLVD~N4*LOS ANGELES*CA*900059876~REF*EI*959999346~HL*2*1*22*0~SBR*S*18**1001*****11~NM1*IL*1*DOE*JOHN****MI*9998211~DMG*D8*19900923*F~NM1*PR*2*COUNTY MENTAL HEALTH*****PI*953893470~CLM*0000181*150***12:B:1*Y*A*Y*Y*P~REF*G1*89194428225~HI*BK:30002~NM1*82*1*RENDERING*JOHN****XX*1518169325~PRV*PE*PXC*2084P0800X~SBR*P*18*******MC~OI***Y*P**Y~NM1*IL*1*DOE*JOHN****MI*99929939C~NM1*PR*2*MEDI-CAL*****PI*01~LX*1~SV1*HC:90847*150*UN*60***1~DTP*472*D8*20260403~SE*27*0001~GE*1*181~IEA*1*000000181~'
SELECT * FROM pg_temp.lines(:'county') ORDER BY n;

-- A Java parser's "multiple GS" sample: two functional groups in one
-- interchange, each with two transaction sets; the loops of one
-- transaction set (billing provider, subscriber, payer) do not reach the
-- next, which names its own.
\set st1 'ST*837*0001*005010X222A1~BHT*0019*00*1*20260301*1200*CH~HL*1**20*1~NM1*85*2*CLINIC A*****XX*1000000004~HL*2*1*22*0~SBR*P*18*******MB~NM1*IL*1*ONE*PAT****MI*M1~NM1*PR*2*MEDICARE*****PI*13202~CLM*A1*100***11:B:1*Y*A*Y*Y~HI*ABK:M7918~LX*1~SV1*HC:20552*100*UN*1***1~DTP*472*D8*20260301~SE*13*0001~'
\set st2 'ST*837*0002*005010X222A1~BHT*0019*00*2*20260301*1200*CH~HL*1**20*1~NM1*85*2*CLINIC B*****XX*2000000002~HL*2*1*22*0~SBR*P*18*******CI~NM1*IL*1*TWO*PAT****MI*M2~NM1*PR*2*AETNA*****PI*60054~CLM*B1*200***22:B:1*Y*A*Y*Y~HI*ABK:M545~LX*1~SV1*HC:20553*200*UN*1***1~DTP*472*D8*20260302~SE*13*0002~'
SELECT n, claim_id, line_no, patient_id, payer_id, provider_npi, dos, hcpcs, pos
  FROM pg_temp.lines(
	'ISA*00*          *00*          *ZZ*S              *ZZ*R              *260301*1200*^*00501*000000001*0*P*:~'
	|| 'GS*HC*S*R*20260301*1200*1*X*005010X222A1~' || :'st1' || :'st2' || 'GE*2*1~'
	|| 'GS*HC*S*R*20260301*1200*2*X*005010X222A1~' || replace(:'st2', 'B1*', 'B2*') || replace(:'st1', 'A1*', 'A2*') || 'GE*2*2~'
	|| 'IEA*2*000000001~')
 ORDER BY n;

-- What the round's other files contained that is not an 837P interchange
-- stays an ERROR 22P02 with nothing returned (SPEC 11: a file that does
-- not start with an ISA segment, a broken envelope, a value the mapping
-- reads that is not one):
\set VERBOSITY terse
SELECT input, label, pg_temp.try(content) AS result
  FROM (VALUES
	-- a clearinghouse's API examples: the transaction set alone, ST..SE
	(1, 'ST..SE without ISA/GS', :'st1'),
	-- the same examples: an ISA followed by ST, no GS
	(2, 'ISA then ST, no GS', 'ISA*00*          *00*          *ZZ*S              *ZZ*R              *260301*1200*^*00501*000000001*0*P*:~' || :'st1' || 'IEA*1*000000001~'),
	-- a .NET library's field-name placeholders ("D_LX01") in a generated file
	(3, 'placeholder LX01', replace(:'ruby', 'LX*2~', 'LX*D_LX01~')),
	-- a repository's hand-edited copy: a patient loop (HL*23) naming the
	-- subscriber (NM1*IL) instead of the patient (NM1*QC)
	(4, 'HL*23 without NM1*QC', replace(:'ruby', 'CLM*ACCT 0042', 'HL*3*2*23*0~PAT*19~NM1*IL*1*ROE*TIM****MI*SUB-0042~DMG*D8*20120101*M~CLM*ACCT 0042'))
  ) AS t(input, label, content)
 ORDER BY input;
