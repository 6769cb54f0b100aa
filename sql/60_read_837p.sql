-- read_837p(): X12 837P files as claim_line rows (SPEC section 11): every
-- mapping rule, separators from ISA, line breaks, every bad-input path with
-- its SQLSTATE, and read_837p_file()'s privileges.
SET datestyle = 'ISO, YMD';
SET timezone = 'UTC';

-- An interchange around the subscriber loops of a test: ISA (':' component
-- separator, '^' repetition, '~' terminator, LF after each), GS and ST of
-- the given guide, the submitter, receiver and billing provider (2010AA
-- NPI 1111111112).
CREATE FUNCTION pg_temp.x12(body text, guide text DEFAULT '005010X222A1')
RETURNS text LANGUAGE sql IMMUTABLE AS $$
SELECT 'ISA*00*          *00*          *ZZ*SUBMITTER01    *ZZ*RECEIVER01     *261201*1200*^*00501*000000001*0*P*:~' || E'\n'
	|| 'GS*HC*SUBMITTER01*RECEIVER01*20261201*1200*1*X*' || guide || E'~\n'
	|| 'ST*837*0001*' || guide || E'~\n'
	|| $x$BHT*0019*00*0001*20261201*1200*CH~
NM1*41*2*PAIN CLINIC*****46*SUB01~
PER*IC*BILLING OFFICE*TE*5185550100~
NM1*40*2*CLEARINGHOUSE*****46*RCV01~
HL*1**20*1~
PRV*BI*PXC*208VP0014X~
NM1*85*2*PAIN CLINIC*****XX*1111111112~
N3*1 MAIN ST~
N4*ALBANY*NY*12207~
REF*EI*123456789~
$x$ || body || E'SE*99*0001~\nGE*1*1~\nIEA*1*000000001~\n'
$$;

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

-- SQLSTATE and message of a read_837p() or read_837p_file() call, or
-- 'ok: N rows'.
CREATE FUNCTION pg_temp.try(fn text, arg text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	n bigint;
BEGIN
	EXECUTE format('SELECT count(*) FROM tpi_rules.%I($1)', fn) INTO n USING arg;
	RETURN 'ok: ' || n || ' rows';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END
$$;

-- 1. The subscriber is the patient (no 2000C).  No LX: the lines are
-- numbered 1, 2.  No 2310B or 2420A: the billing provider's NPI.  The
-- claim's DTP*472 dates both lines.  POS: CLM05-1, or SV105 on line 2.  The
-- 2320/2330 loops (other subscriber NM1*IL, other payer NM1*PR, its
-- rendering provider NM1*82 and dates) replace nothing.
\set subscriber 'HL*2*1*22*0~\nSBR*P*18*******MB~\nNM1*IL*1*DOE*JANE****MI*1EG4TE5MK73~\nN3*2 OAK ST~\nN4*ALBANY*NY*12207~\nDMG*D8*19500101*F~\nNM1*PR*2*MEDICARE JK*****PI*13202~\nCLM*A1*160***11:B:1*Y*A*Y*Y~\nDTP*472*D8*20261105~\nHI*ABK:M7918~\nSBR*S*18*******CI~\nNM1*IL*1*DOE*JOHN****MI*OTHERSUB1~\nNM1*PR*2*OTHER PAYER*****PI*OTHERPAYER~\nDTP*573*D8*20261101~\nNM1*82*1*OTHER*DOC****XX*9999999995~\nSV1*HC:20553*150*UN*1***1~\nSV1*HC:J2001*10*UN*1*22**1~\n'
SELECT * FROM pg_temp.lines(pg_temp.x12(:'subscriber')) ORDER BY n;

-- Documentation columns are NULL: these are claims without note data.
SELECT count(*) AS lines,
	   count(*) FILTER (WHERE muscles IS NULL AND trigger_points IS NULL
						AND drug_name IS NULL AND drug_dose IS NULL
						AND note_signed IS NULL AND post_procedure_plan IS NULL
						AND conservative_care IS NULL AND tp_locations IS NULL
						AND guidance IS NULL) AS without_note_data
  FROM tpi_rules.read_837p(pg_temp.x12(:'subscriber'));

-- 2. A dependent (2000C/2010CA): patient_id is <2010BA NM109>:<first
-- name>:<birth date> in upper case.  2310B names the claim's rendering
-- provider, 2420A line 2's.  The COB loops after SBR (2330A NM1*IL, 2330B
-- NM1*PR, 2330D NM1*82) replace neither payer, patient nor provider.  RD8:
-- the first date.  SV107 points over two HI segments (4 is the second HI's
-- first code); 13 is past the list.
\set dependent 'HL*3*1*22*1~\nSBR*P********CI~\nNM1*IL*1*ROE*RICHARD****MI*W123456~\nNM1*PR*2*AETNA*****PI*60054~\nHL*4*3*23*0~\nPAT*19~\nNM1*QC*1*ROE*anna~\nN3*2 OAK ST~\nN4*ALBANY*NY*12207~\nDMG*D8*20100304*F~\nCLM*B1*270***11:B:1*Y*A*Y*Y~\nHI*ABK:M7918*ABF:M5410*ABF:M5412~\nHI*ABF:G8929*ABF:M6281~\nNM1*82*1*SMITH*JOHN****XX*2222222223~\nSBR*S*18*******MB~\nNM1*IL*1*ROE*RICHARD****MI*1EG4TE5MK99~\nN3*2 OAK ST~\nNM1*PR*2*MEDICARE*****PI*MEDICARE-B~\nNM1*82*1*OTHER*DOC****XX*9999999995~\nLX*1~\nSV1*HC:20552*120*UN*1***1:4:2:13~\nDTP*472*RD8*20261110-20261112~\nLX*2~\nSV1*HC:20553*150*UN*1***5~\nDTP*472*D8*20261112~\nNM1*82*1*JONES*AMY****XX*3333333334~\n'
SELECT * FROM pg_temp.lines(pg_temp.x12(:'dependent')) ORDER BY n;

-- 3. HI segments with ICD-9 qualifiers (BK, BF) and ICD-10 (ABF) in one
-- list; claim NTEs, then the line's NTE and SV101-7 in claim_note;
-- modifiers SV101-3..6 that are not empty; fractional units round up;
-- LIN*N4 is the NDC, another LIN qualifier is not; the charge as written.
\set details 'HL*5*1*22*0~\nSBR*P*18*******CI~\nNM1*IL*1*POE*MARK****MI*X998877~\nNM1*PR*2*UHC*****PI*87726~\nCLM*C1*130.50***11:B:1*Y*A*Y*Y~\nDTP*472*D8*20261120~\nNTE*ADD*REFERRED BY PCP~\nNTE*ADD*PT ON WARFARIN~\nHI*BK:72910*BF:7242~\nHI*ABF:M7918~\nLX*1~\nSV1*HC:20552::59::XS:TPI TWO MUSCLES*100.50*UN*0.5***3:1:2:9~\nNTE*ADD*LEFT TRAPEZIUS~\nLX*2~\nSV1*HC:J3301*25*UN*2.25***3~\nLIN**N4*00003029305~\nCTP****1*ML~\nLX*3~\nSV1*HC:J2001*5*UN*3***3~\nLIN**EN*0012345678905~\n'
SELECT * FROM pg_temp.lines(pg_temp.x12(:'details')) ORDER BY n;

-- All three in one transaction set: the loops of one subscriber end at the
-- next HL, so nothing leaks from one patient to the next.
SELECT n, claim_id, line_no, patient_id, payer_id, provider_npi, dos
  FROM pg_temp.lines(pg_temp.x12(:'subscriber' || :'dependent' || :'details'))
 ORDER BY n;

-- 4. Separators come from ISA: element '|', component '>' (ISA16),
-- repetition '^' (ISA11), terminator '~'; CRLF line breaks after the
-- terminators.
SELECT * FROM pg_temp.lines(
	E'ISA|00|          |00|          |ZZ|SUBMITTER01    |ZZ|RECEIVER01     |261201|1200|^|00501|000000002|0|P|>~\r\n'
	'GS|HC|SUBMITTER01|RECEIVER01|20261201|1200|2|X|005010X222A2~\r\n'
	'ST|837|0002|005010X222A2~\r\n'
	'BHT|0019|00|0002|20261201|1200|CH~\r\n'
	'HL|1||20|1~\r\nNM1|85|2|PAIN CLINIC|||||XX|1111111112~\r\n'
	'HL|2|1|22|0~\r\nSBR|P|18|||||||MB~\r\nNM1|IL|1|DOE|JANE||||MI|1EG4TE5MK73~\r\nNM1|PR|2|MEDICARE|||||PI|13202~\r\n'
	'CLM|D1|150|||11>B>1|Y|A|Y|Y~\r\nHI|ABK>M7918|ABF>M545~\r\nNTE|ADD|A:B*C~\r\n'
	'LX|1~\r\nSV1|HC>20553>59>>>>TPI 3+ MUSCLES|150|UN|1|||2>1~\r\nDTP|472|D8|20261125~\r\n'
	'SE|13|0002~\r\nGE|1|2~\r\nIEA|1|000000002~\r\n')
ORDER BY n;

-- Segments on one line (no line breaks at all), two interchanges one after
-- the other, and the file padded with spaces after the last IEA.
SELECT n, claim_id, line_no, patient_id, hcpcs, dos
  FROM pg_temp.lines(replace(pg_temp.x12(:'subscriber'), E'\n', '')
					 || replace(pg_temp.x12(:'details'), E'\n', '') || repeat(' ', 80))
 ORDER BY n;

-- 5. Bad input: ERROR 22P02 naming the segment and its byte offset.
\set VERBOSITY default
SELECT * FROM tpi_rules.read_837p(pg_temp.x12(:'subscriber', '005010X223A2'));
SELECT input, pg_temp.try('read_837p', content) AS result
  FROM (VALUES
	(1, 'empty', ''),
	(2, 'not ISA first', E'GS*HC*S*R*20261201*1200*1*X*005010X222A1~\n'),
	(3, 'blank line before ISA', E'\n' || pg_temp.x12(:'subscriber')),
	(4, 'garbage', E'PK\003\004\024\001 not an 837 at all \u00e9'),
	(5, 'truncated ISA', 'ISA*00*          *00*          *ZZ*SUBMITTER01'),
	(6, 'ISA element separator a letter', 'ISAX00X          X00X'),
	(7, '837I (GS08)', pg_temp.x12(:'subscriber', '005010X223A2')),
	(8, '837D (GS08)', pg_temp.x12(:'subscriber', '005010X224A2')),
	(9, '837I (ST03 only)', replace(pg_temp.x12(:'subscriber'), 'ST*837*0001*005010X222A1', 'ST*837*0001*005010X223A2')),
	(10, '835 remittance', replace(pg_temp.x12(:'subscriber'), 'ST*837*', 'ST*835*')),
	(11, '4010 837P', pg_temp.x12(:'subscriber', '004010X098A1')),
	(12, 'truncated before IEA', replace(pg_temp.x12(:'subscriber'), E'IEA*1*000000001~\n', '')),
	(13, 'cut inside a segment', left(pg_temp.x12(:'subscriber'), 700)),
	(14, 'SE missing', replace(pg_temp.x12(:'subscriber'), E'SE*99*0001~\n', '')),
	(15, 'not a segment identifier', replace(pg_temp.x12(:'subscriber'), 'DMG*', 'dmg*')),
	(16, 'CLM outside HL*22/23', replace(pg_temp.x12(:'subscriber'), 'HL*2*1*22*0~', 'HL*2*1*21*0~')),
	(17, 'LX without SV1 (an 837I SV2)', pg_temp.x12(replace(:'dependent', 'SV1*HC:20553', 'SV2*0450*HC:20553'))),
	(18, 'claim without service line', pg_temp.x12(replace(:'subscriber', 'SV1*', 'SVX*'))),
	(19, 'D8 not a date', pg_temp.x12(replace(:'subscriber', '20261105', '20261131'))),
	(20, 'RD8 not a range', pg_temp.x12(replace(:'dependent', '20261110-20261112', '20261110'))),
	(21, 'date format D6', pg_temp.x12(replace(:'subscriber', 'D8*20261105', 'D6*261105'))),
	(22, 'units not a number', pg_temp.x12(replace(:'subscriber', 'UN*1***1~', 'UN*ONE***1~'))),
	(23, 'charge not a number', pg_temp.x12(replace(:'subscriber', '*150*UN', '*$150*UN'))),
	(24, 'charge too large', pg_temp.x12(replace(:'subscriber', '*150*UN', '*12345678901*UN'))),
	(25, 'pointer not a number', pg_temp.x12(replace(:'subscriber', 'UN*1***1~', 'UN*1***A~'))),
	(26, 'LX01 out of range', pg_temp.x12(replace(:'dependent', 'LX*2~', 'LX*40000~'))),
	(27, 'value too long', pg_temp.x12(replace(:'subscriber', 'CLM*A1*', 'CLM*' || repeat('A', 200) || '*'))),
	(28, 'data after IEA', pg_temp.x12(:'subscriber') || 'GS*HC~'),
	(29, 'SV101 with another component separator', pg_temp.x12(replace(:'subscriber', 'SV1*HC:20553', 'SV1*HC>20553'))),
	(30, 'no date of service', pg_temp.x12(replace(:'subscriber', E'DTP*472*D8*20261105~\n', ''))),
	(31, 'truncated after SE', left(pg_temp.x12(:'subscriber'), strpos(pg_temp.x12(:'subscriber'), 'SE*99*0001~') + 9)),
	(32, 'no payer NM1*PR', pg_temp.x12(regexp_replace(:'subscriber', 'NM1\*PR\*[^~]*~\n', ''))),
	(33, 'subscriber NM109 empty', pg_temp.x12(regexp_replace(:'subscriber', '(NM1\*IL\*[^~]*\*MI\*)[^~]*~', '\1~'))),
	(34, 'blank line (CRLF) before ISA', E'\r\n' || pg_temp.x12(:'subscriber')),
	(35, 'written in lower case', lower(pg_temp.x12(:'subscriber')))
  ) AS t(n, input, content)
 ORDER BY n;

-- Third-party writers: a UTF-8 byte-order mark before the ISA, the file
-- ending right after the IEA without its terminator, segments indented
-- after their line breaks and empty segments (a terminator written twice,
-- as in the bots 837P "all fields" sample) are read; a pointer written
-- "01" is pointer 1; a code sent with its dot ("M79.18", as some writers
-- do) is read without it; a GS08 of the version alone ("005010"), or blank,
-- leaves the guide to ST03.  Blanks at the end of a segment are not data
-- (a file ended by line breaks with trailing blanks, blanks before each
-- "~"), nor are line breaks inside a segment (a file wrapped into 80-byte
-- records, which breaks identifiers and values).
SELECT input, (SELECT array_agg(icd10[1] ORDER BY n) FROM pg_temp.lines(content)) AS first_dx,
	   (SELECT array_agg(l::text ORDER BY l.n) FROM pg_temp.lines(content) l)
	   = (SELECT array_agg(l::text ORDER BY l.n) FROM pg_temp.lines(pg_temp.x12(:'subscriber')) l)
	   AS same_rows
  FROM (VALUES
	(1, 'as written', pg_temp.x12(:'subscriber')),
	(2, 'BOM, no final terminator', E'\uFEFF' || rtrim(pg_temp.x12(:'subscriber'), E'~\n')),
	(3, 'pointer 01', pg_temp.x12(replace(:'subscriber', 'UN*1***1~', 'UN*1***01~'))),
	(4, 'indented segments', replace(pg_temp.x12(:'subscriber'), E'~\n', E'~\n  \t')),
	(5, 'empty segments', replace(replace(pg_temp.x12(:'subscriber'), 'DMG*D8*19500101*F~', 'DMG*D8*19500101*F~~'),
								  E'HI*ABK:M7918~\n', E'HI*ABK:M7918~\n~\n') || '~'),
	(6, 'codes with a dot', replace(pg_temp.x12(:'subscriber'), 'HI*ABK:M7918', 'HI*ABK:M79.18')),
	(7, 'GS08 the version only', replace(pg_temp.x12(:'subscriber'), '*X*005010X222A1~', '*X*005010~')),
	(8, 'GS08 blank', replace(pg_temp.x12(:'subscriber'), '*X*005010X222A1~', '*X* ~')),
	(9, 'line breaks end segments, trailing blanks', replace(pg_temp.x12(:'subscriber'), E'~\n', E' \t \n')),
	(10, 'blanks before the terminator', replace(pg_temp.x12(:'subscriber'), '~', '  ~')),
	(11, 'wrapped at 80 bytes', regexp_replace(replace(pg_temp.x12(:'subscriber'), E'\n', ''), '(.{80})', E'\\1\r\n', 'g')),
	(12, 'a separator after the last element', regexp_replace(replace(pg_temp.x12(:'subscriber'), 'HC:20553*', 'HC:20553:*'), '([^:])~', '\1*~', 'g')),
	(13, 'repetitions (ISA11 ^): the first is read', replace(replace(pg_temp.x12(:'subscriber'), 'HI*ABK:M7918', 'HI*ABK:M7918^ABK:Z0000'), 'UN*1***1~', 'UN*1***1^2~')),
	(14, 'replacement claim (CLM05-3 7, REF*F8)', replace(pg_temp.x12(:'subscriber'), E'11:B:1*Y*A*Y*Y~\n', E'11:B:7*Y*A*Y*Y~\nREF*F8*ORIGINAL01~\n')),
	(15, 'void claim (CLM05-3 8, REF*F8)', replace(pg_temp.x12(:'subscriber'), E'11:B:1*Y*A*Y*Y~\n', E'11:B:8*Y*A*Y*Y~\nREF*F8*ORIGINAL01~\n'))
  ) AS t(k, input, content)
 ORDER BY k;

-- A separator after the last element of every segment, as some writers
-- end them: the same rows.  In HI it opens no element, so the next HI's
-- codes keep their positions: line 1's pointer 3 is the second HI's
-- M7918.
SELECT (SELECT array_agg(l::text ORDER BY l.n)
		  FROM pg_temp.lines(pg_temp.x12(replace(:'details', '~', '*~'))) l)
	   = (SELECT array_agg(l::text ORDER BY l.n) FROM pg_temp.lines(pg_temp.x12(:'details')) l)
	   AS same_rows,
	   (SELECT icd10 FROM pg_temp.lines(pg_temp.x12(replace(:'details', '~', '*~'))) WHERE n = 1)
	   AS line_1_icd10;

-- SPEC section 11 maps no claim frequency code (CLM05-3) and claim_line
-- has no column for it: a replacement (7) or void (8) claim's lines come
-- back as an original's (cases 14 and 15 above).  A note's repetitions
-- (ISA11 '^'): the first is read, as in every element.  Interchanges one
-- after another, each with its own separators: the second's elements '|',
-- components '>', repetitions '{', and the line break its terminator.
SELECT claim_note FROM pg_temp.lines(pg_temp.x12(replace(:'details',
	'NTE*ADD*REFERRED BY PCP~', 'NTE*ADD*REFERRED BY PCP^SECOND REPETITION~')))
 WHERE n = 1;
SELECT n, claim_id, line_no, patient_id, payer_id, hcpcs, dos, icd10, pos, claim_note
  FROM pg_temp.lines(pg_temp.x12(:'subscriber')
					 || translate(replace(pg_temp.x12(:'details'), '*^*', '*{*'), '*:~', '|>'))
 ORDER BY n;

-- Notes longer than the guide's 80 bytes (writers send them) are read
-- whole: a claim NTE of 300 bytes and an SV101-7 of 150.  A dependent's
-- first name outside ASCII is upper-cased as upper() does ("jos\u00e9").
SELECT n, length(claim_note) AS note_length, left(claim_note, 12) AS note_start,
	   patient_id = upper(patient_id) AS patient_upper_case,
	   patient_id LIKE 'W123456:JOS_:20100304' AS patient_id_composed
  FROM pg_temp.lines(pg_temp.x12(replace(replace(replace(:'dependent',
		'NM1*QC*1*ROE*anna~', E'NM1*QC*1*ROE*jos\u00e9~'),
		E'CLM*B1*270***11:B:1*Y*A*Y*Y~\n', E'CLM*B1*270***11:B:1*Y*A*Y*Y~\nNTE*ADD*' || repeat('N', 300) || E'~\n'),
		'SV1*HC:20553*150', 'SV1*HC:20553:::::' || repeat('D', 150) || '*150')))
 ORDER BY n;

-- Nothing comes back from a file that errors, even when its first claims
-- are good and only one row is asked for.
SELECT claim_id FROM tpi_rules.read_837p(
	pg_temp.x12(:'subscriber' || :'dependent' || E'CLM*X1*10***11:B:1~\nSV1*HC:20552*10*UN*1~\nDTP*472*D8*20261399~\n')) LIMIT 1;
-- STRICT: NULL in, no rows out.
SELECT count(*) AS rows_from_null FROM tpi_rules.read_837p(NULL);

-- 6. read_837p_file(): a file on the server (one line, as many 837P files
-- are), for superusers and pg_read_server_files only.
SELECT current_setting('data_directory') || '/tpi_837p_regress.837' AS path \gset
COPY (SELECT replace(pg_temp.x12(:'subscriber' || :'dependent'), E'\n', '')) TO :'path';
SELECT claim_id, line_no, patient_id, payer_id, provider_npi, date_of_service, hcpcs
  FROM tpi_rules.read_837p_file(:'path') ORDER BY claim_id, line_no;
-- the same rows as read_837p() of its content
SELECT count(*) AS same_rows FROM (
	SELECT * FROM tpi_rules.read_837p_file(:'path')
	INTERSECT ALL
	SELECT * FROM tpi_rules.read_837p(pg_temp.x12(:'subscriber' || :'dependent'))) s;
-- A byte that is not a character of the database encoding (in the
-- multi-byte encodings; a single-byte encoding takes any byte): 22021.
\set pwd `pwd`
\! sed 's/CLM\*P1-20553/CLM*P1-2\xe90553/' test/data/837p/claims_only.837 > results/837p_bad_encoding.837
SELECT pg_encoding_max_length(pg_char_to_encoding(getdatabaseencoding())) = 1
	OR pg_temp.try('read_837p_file', :'pwd' || '/results/837p_bad_encoding.837')
	   = '22021: invalid 837P file: the claim_id of the service line at segment 26 (SV1) is not valid ' || getdatabaseencoding() || ' text'
	AS bad_byte_is_22021;
-- Public sample files of other X12 tools, as published (sources and
-- licences: test/data/837p/third_party/README.md).  StAEDI's: the line
-- break is the segment terminator, segments indented, ISA16 '>', ISA11 '`'
-- (ISA12 00402), a dependent, an RD8 date, a 2400 NTE and an NDC.  UHIN's:
-- the subscriber is the patient, an RD8 line date.  TigerShark's is a 4010
-- 837P: another guide, an error at its GS.  imsweb's "missing required
-- loop" sample has a subscriber loop without NM1*IL: its claim has no
-- patient_id, an error at the line's SV1.  stupidedi's home infusion
-- claim: one line of text, ISA11 '>', RD8 dates, NDCs, SV101-7 notes, a
-- 2420E ordering provider that is no rendering one.  LinuxForHealth's COB
-- example: a dependent, 2310B, the other payer's loops.  Their 837I and
-- 837D samples are errors at the GS; LinuxForHealth's example 6 writes
-- SV101 with '>' where ISA16 is ':', an error at its SV1.  imsweb's
-- "multiple ISA" sample: two interchanges in one file (ISA11 'U' with
-- ISA12 00501), two subscriber loops in each, RD8 dates, and HI written
-- with element separators ("HI*BK*8901*BF*87200*BF:5559"): the elements
-- SV107 points to (1 to 3) have no second component, so icd10 is empty.
SELECT f.file, r.claim_id, r.line_no, r.patient_id, r.payer_id, r.provider_npi,
	   r.date_of_service, r.hcpcs, r.modifiers, r.units, r.place_of_service,
	   r.icd10, r.charge, r.ndc, r.claim_note
  FROM unnest(ARRAY['staedi_sample837-original.edi', 'uhin_837.edi',
					'stupidedi_home-infusion-therapy-pharmacy.edi',
					'linuxforhealth_demo.cob.example3.A.837',
					'imsweb_x12_multiple_isa.txt']) AS f(file),
	   tpi_rules.read_837p_file(:'pwd' || '/test/data/837p/third_party/' || f.file) AS r
 ORDER BY f.file, r.claim_id, r.line_no;
SELECT pg_temp.try('read_837p_file', :'pwd' || '/test/data/837p/third_party/tigershark_837-example-4010.txt')
	AS tigershark_4010;
SELECT pg_temp.try('read_837p_file', :'pwd' || '/test/data/837p/third_party/imsweb_x12_missing_required_loop_in_one_repeat.txt')
	AS imsweb_no_subscriber_name;
SELECT f.file, pg_temp.try('read_837p_file', :'pwd' || '/test/data/837p/third_party/' || f.file) AS result
  FROM unnest(ARRAY['linuxforhealth_demo.837i',
					'stupidedi_837D_claim-from-billing-provider-to-payer-a.edi',
					'linuxforhealth_demo.example6.837']) AS f(file);
SELECT * FROM tpi_rules.read_837p_file('PG_VERSION');
SELECT * FROM tpi_rules.read_837p_file('/nonexistent/batch.837');

CREATE ROLE regress_tpi_837p;
GRANT USAGE ON SCHEMA tpi_rules TO regress_tpi_837p;
SET ROLE regress_tpi_837p;
SELECT count(*) FROM tpi_rules.read_837p_file(:'path');
-- anyone may read a file's content sent from the client
SELECT count(*) AS rows_from_text FROM tpi_rules.read_837p(pg_temp.x12(:'dependent'));
RESET ROLE;
-- EXECUTE alone is not enough: reading server files needs the role
GRANT EXECUTE ON FUNCTION tpi_rules.read_837p_file(text) TO regress_tpi_837p;
SET ROLE regress_tpi_837p;
SELECT count(*) FROM tpi_rules.read_837p_file(:'path');
RESET ROLE;
REVOKE EXECUTE ON FUNCTION tpi_rules.read_837p_file(text) FROM regress_tpi_837p;
GRANT pg_read_server_files TO regress_tpi_837p;
SET ROLE regress_tpi_837p;
SELECT count(*) AS rows_as_pg_read_server_files FROM tpi_rules.read_837p_file(:'path');
RESET ROLE;
REVOKE pg_read_server_files FROM regress_tpi_837p;
REVOKE USAGE ON SCHEMA tpi_rules FROM regress_tpi_837p;
DROP ROLE regress_tpi_837p;

SELECT p.proname, has_function_privilege('public', p.oid, 'EXECUTE') AS public_execute,
	   has_function_privilege('pg_read_server_files', p.oid, 'EXECUTE') AS read_server_files_execute,
	   p.provolatile, p.proparallel, p.proisstrict, p.proretset,
	   p.prorettype::regtype, obj_description(p.oid, 'pg_proc') IS NOT NULL AS commented
  FROM pg_proc p
 WHERE p.pronamespace = 'tpi_rules'::regnamespace AND p.proname LIKE 'read_837p%'
 ORDER BY p.proname;
