/*
 * test_x12_837p.c
 *		Unit test of the pure-C 837P reader (src/parse/x12_837p.c), outside
 *		the server: the mapping of a claim with COB loops and a dependent's,
 *		and the same lines whatever the pieces the file is fed in (every
 *		cut point, one byte at a time, and the whole).
 *
 * unit-sources: src/parse/x12_837p.c
 */
#include "x12_837p.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int	passed,
			failed;

#define CHECK(cond, ...) \
	do { \
		if (cond) passed++; \
		else { failed++; printf("FAIL %s:%d: ", __FILE__, __LINE__); \
			printf(__VA_ARGS__); printf("\n"); } \
	} while (0)

static const char batch[] =
	"ISA*00*          *00*          *ZZ*SUBMITTER01    *ZZ*RECEIVER01     *261201*1200*^*00501*000000001*0*P*:~\r\n"
	"GS*HC*SUBMITTER01*RECEIVER01*20261201*1200*1*X*005010X222A1~\r\n"
	"ST*837*0001*005010X222A1~\r\n"
	"BHT*0019*00*0001*20261201*1200*CH~\r\n"
	"HL*1**20*1~\r\nNM1*85*2*PAIN CLINIC*****XX*1111111112~\r\n"
	"HL*2*1*22*0~\r\nSBR*P*18*******MB~\r\nNM1*IL*1*DOE*JANE****MI*1EG4TE5MK73~\r\n"
	"NM1*PR*2*MEDICARE*****PI*13202~\r\n"
	"CLM*C1*250***11:B:1*Y*A*Y*Y~\r\nDTP*472*D8*20261115~\r\n"
	"HI*ABK:M7918*ABF:M5410~\r\nHI*ABF:G8929~\r\nNTE*ADD*CLAIM NOTE~\r\n"
	"NM1*82*1*SMITH*JOHN****XX*2222222223~\r\n"
	"SBR*S*18*******CI~\r\nNM1*IL*1*DOE*JANE****MI*OTHERSUB~\r\n"
	"NM1*PR*2*OTHER*****PI*OTHERPAYER~\r\nNM1*82*1*OTHER*DOC****XX*9999999995~\r\n"
	"LX*1~\r\nSV1*HC:20553:59::::TPI*150*UN*1.5***1:2:3:13~\r\n"
	"DTP*472*RD8*20261110-20261112~\r\nNTE*ADD*LINE NOTE~\r\n"
	"LX*2~\r\nSV1*HC:J2001*10*UN*1***1~\r\nLIN**N4*00409427702~\r\n"
	"NM1*82*1*LINE*DOC****XX*3333333334~\r\n"
	"SV1*HC:99213:25*100*UN*1*22**0:3~\r\n"
	"HL*3*1*22*1~\r\nNM1*IL*1*ROE*RICHARD****MI*W123~\r\nNM1*PR*2*AETNA*****PI*60054~\r\n"
	"HL*4*3*23*0~\r\nNM1*QC*1*ROE*anna~\r\nDMG*D8*20100304*F~\r\n"
	"CLM*C2*80***11:B:1~\r\nHI*ABK:M7918~\r\nLX*7~\r\nSV1*HC:20552*80*UN*1***1~\r\n"
	"DTP*472*D8*20261116~\r\n"
	"SE*40*0001~\r\nGE*1*1~\r\nIEA*1*000000001~\r\n";

/* Every line as one text, to compare readings. */
static char seen[8192];
static size_t nseen;

static void
add(const char *name, TpiX12Str s)
{
	nseen += snprintf(seen + nseen, sizeof(seen) - nseen, "%s=%.*s|", name,
					  (int) s.len, s.p ? s.p : "");
}

static void
line_fn(void *arg, const Tpi837pLine *l)
{
	int			i;

	(void) arg;
	add("claim", l->claim_id);
	nseen += snprintf(seen + nseen, sizeof(seen) - nseen, "line=%d|", l->line_no);
	add("patient", l->patient_id);
	add("payer", l->payer_id);
	add("npi", l->provider_npi);
	nseen += snprintf(seen + nseen, sizeof(seen) - nseen, "dos=%04d%02d%02d|",
					  l->year, l->month, l->day);
	add("hcpcs", l->hcpcs);
	for (i = 0; i < l->nmodifiers; i++)
		add("mod", l->modifiers[i]);
	add("charge", l->charge);
	nseen += snprintf(seen + nseen, sizeof(seen) - nseen, "units=%d|", l->units);
	add("pos", l->place_of_service);
	for (i = 0; i < l->ndx; i++)
		add("dx", l->icd10[i]);
	add("note", l->claim_note);
	add("ndc", l->ndc);
	nseen += snprintf(seen + nseen, sizeof(seen) - nseen, "\n");
}

static const char expected[] =
	"claim=C1|line=1|patient=1EG4TE5MK73|payer=13202|npi=2222222223|dos=20261110|hcpcs=20553|mod=59|charge=150|units=2|pos=11|dx=M7918|dx=M5410|dx=G8929|note=CLAIM NOTE; LINE NOTE; TPI|ndc=|\n"
	"claim=C1|line=2|patient=1EG4TE5MK73|payer=13202|npi=3333333334|dos=20261115|hcpcs=J2001|charge=10|units=1|pos=11|dx=M7918|note=CLAIM NOTE|ndc=00409427702|\n"
	"claim=C1|line=3|patient=1EG4TE5MK73|payer=13202|npi=2222222223|dos=20261115|hcpcs=99213|mod=25|charge=100|units=1|pos=22|dx=G8929|note=CLAIM NOTE|ndc=|\n"
	"claim=C2|line=7|patient=W123:ANNA:20100304|payer=60054|npi=1111111112|dos=20261116|hcpcs=20552|charge=80|units=1|pos=11|dx=M7918|note=|ndc=|\n";

/* Feeds data in pieces of at most `piece` bytes after the first `cut`. */
static long
feed_in_pieces(const char *data, size_t len, size_t cut, size_t piece,
			   Tpi837pError *err)
{
	static Tpi837pReader r;
	char	   *buf = malloc(len + 1);
	size_t		have = 0,
				fed = 0;
	long		rc = -1;
	int			first = 1;

	tpi_837p_init(&r, line_fn, NULL);
	while (1)
	{
		size_t		take = first ? cut : piece;
		long		used;
		int			final;

		if (take > len - fed)
			take = len - fed;
		memcpy(buf + have, data + fed, take);
		have += take;
		fed += take;
		final = fed == len;
		first = 0;
		used = tpi_837p_feed(&r, buf, have, final, err);
		if (used < 0 || final)
		{
			rc = used;
			break;
		}
		memmove(buf, buf + used, have - used);
		have -= used;
	}
	free(buf);
	return rc;
}

/*
 * The batch rewritten as another writer would send it, read whole and in
 * pieces (first cut every `step` bytes, then `piece` bytes at a time):
 * the same lines as the batch.
 */
static void
check_lines(const char *what, const char *data, size_t len, size_t step,
			size_t piece, long nwant, const char *want)
{
	static Tpi837pReader r;
	Tpi837pError err;
	size_t		cut;
	long		rc;
	int			bad_cuts = 0;

	nseen = 0;
	rc = tpi_837p_parse(&r, data, len, line_fn, NULL, &err);
	CHECK(rc == nwant && strcmp(seen, want) == 0, "%s: rc %ld (%s)\n%s", what, rc,
		  rc < 0 ? err.msg : "", seen);
	for (cut = 0; cut <= len; cut += step)
	{
		nseen = 0;
		rc = feed_in_pieces(data, len, cut, piece, &err);
		if (rc != nwant || strcmp(seen, want) != 0)
			bad_cuts++;
	}
	CHECK(bad_cuts == 0, "%s: %d cut points gave other lines", what, bad_cuts);
}

static void
check_same_lines(const char *what, const char *data, size_t len, size_t step,
				 size_t piece)
{
	check_lines(what, data, len, step, piece, 4, expected);
}

/* patient_upper of each line, in order: "1" for a dependent's */
static char uppers[16];

static void
upper_fn(void *arg, const Tpi837pLine *l)
{
	size_t		n = strlen(uppers);

	(void) arg;
	if (n + 1 < sizeof(uppers))
		uppers[n] = l->patient_upper ? '1' : '0';
}

/*
 * Replaces the first `from` in s (a buffer of cap bytes) by `to`; returns
 * the new length.
 */
static size_t
replace_first(char *s, size_t cap, const char *from, const char *to)
{
	char	   *p = strstr(s, from);
	size_t		tail;

	if (p == NULL)
		return strlen(s);
	tail = strlen(p + strlen(from));
	if ((size_t) (p - s) + strlen(to) + tail + 1 > cap)
		abort();
	memmove(p + strlen(to), p + strlen(from), tail + 1);
	memcpy(p, to, strlen(to));
	return strlen(s);
}

int
main(void)
{
	static Tpi837pReader r;
	Tpi837pError err;
	size_t		len = strlen(batch);
	size_t		cut;
	long		rc;
	int			bad_cuts = 0;

	nseen = 0;
	rc = tpi_837p_parse(&r, batch, len, line_fn, NULL, &err);
	CHECK(rc == 4, "whole file: %ld lines (%s)", rc, rc < 0 ? err.msg : "");
	CHECK(strcmp(seen, expected) == 0, "whole file mapped as:\n%s", seen);

	/* every first cut, then one byte at a time */
	for (cut = 0; cut <= len; cut++)
	{
		nseen = 0;
		rc = feed_in_pieces(batch, len, cut, 1, &err);
		if (rc != 4 || strcmp(seen, expected) != 0)
			bad_cuts++;
	}
	CHECK(bad_cuts == 0, "%d cut points gave other lines", bad_cuts);

	/* an error names the same segment however the file is cut */
	{
		char		bad[sizeof(batch)];
		Tpi837pError whole;
		char	   *p;

		memcpy(bad, batch, sizeof(batch));
		p = strstr(bad, "20261116");
		memcpy(p, "20261131", 8);
		nseen = 0;
		rc = tpi_837p_parse(&r, bad, len, line_fn, NULL, &whole);
		CHECK(rc == -1 && strcmp(whole.segment_id, "DTP") == 0,
			  "bad date: rc %ld, segment %s", rc, whole.segment_id);
		bad_cuts = 0;
		for (cut = 0; cut <= len; cut += 7)
		{
			nseen = 0;
			rc = feed_in_pieces(bad, len, cut, 13, &err);
			if (rc != -1 || err.segment != whole.segment ||
				err.offset != whole.offset || strcmp(err.msg, whole.msg) != 0)
				bad_cuts++;
		}
		CHECK(bad_cuts == 0, "%d cut points gave another error", bad_cuts);
	}

	/*
	 * Third-party files: a UTF-8 byte-order mark and an IEA without its
	 * terminator are read (with CRLF padding, and fed in pieces); a
	 * pointer written "01" is pointer 1.
	 */
	{
		static char other[sizeof(batch) + 32];
		char	   *p;
		size_t		olen;

		memcpy(other, "\xEF\xBB\xBF", 3);
		memcpy(other + 3, batch, sizeof(batch));
		p = strstr(other, "IEA*1*000000001~");
		memcpy(p + 15, "\r\n", 3);	/* the terminator gone, then the NUL */
		olen = strlen(other);
		nseen = 0;
		rc = tpi_837p_parse(&r, other, olen, line_fn, NULL, &err);
		CHECK(rc == 4 && strcmp(seen, expected) == 0,
			  "BOM, unterminated IEA: rc %ld (%s)", rc, rc < 0 ? err.msg : "");
		bad_cuts = 0;
		for (cut = 0; cut <= olen; cut += 5)
		{
			nseen = 0;
			rc = feed_in_pieces(other, olen, cut, 11, &err);
			if (rc != 4 || strcmp(seen, expected) != 0)
				bad_cuts++;
		}
		CHECK(bad_cuts == 0, "BOM, unterminated IEA: %d cut points gave other lines", bad_cuts);

		/*
		 * Empty segments, a terminator written twice ("~~", "~\r\n~")
		 * inside a transaction and after the IEA (the bots 837P
		 * "all fields" sample has "PAT*...*N~~"): skipped, however the file
		 * is cut.
		 */
		{
			const char *from[] = {"SV1*HC:J2001*10*UN*1***1~", "HI*ABF:G8929~",
			"IEA*1*000000001~"};
			const char *to[] = {"SV1*HC:J2001*10*UN*1***1~~", "HI*ABF:G8929~\r\n~",
			"IEA*1*000000001~~"};
			size_t		k,
						n = 0;

			olen = 0;
			for (k = 0; k < sizeof(batch) - 1;)
			{
				int			j,
							hit = -1;

				for (j = 0; j < 3; j++)
					if (strncmp(batch + k, from[j], strlen(from[j])) == 0)
						hit = j;
				if (hit >= 0)
				{
					memcpy(other + olen, to[hit], strlen(to[hit]));
					olen += strlen(to[hit]);
					k += strlen(from[hit]);
					n++;
				}
				else
					other[olen++] = batch[k++];
			}
			other[olen] = '\0';
			CHECK(n == 3, "empty segments: %zu replacements", n);
			nseen = 0;
			rc = tpi_837p_parse(&r, other, olen, line_fn, NULL, &err);
			CHECK(rc == 4 && strcmp(seen, expected) == 0,
				  "empty segments: rc %ld (%s)", rc, rc < 0 ? err.msg : "");
			bad_cuts = 0;
			for (cut = 0; cut <= olen; cut += 3)
			{
				nseen = 0;
				rc = feed_in_pieces(other, olen, cut, 7, &err);
				if (rc != 4 || strcmp(seen, expected) != 0)
					bad_cuts++;
			}
			CHECK(bad_cuts == 0, "empty segments: %d cut points gave other lines",
				  bad_cuts);
		}

		/* HI codes written with their dot are read without it */
		{
			const char *from = "HI*ABK:M7918*ABF:M5410~";
			const char *to = "HI*ABK:M79.18*ABF:M54.10~";
			size_t		k = strstr(batch, from) - batch;

			memcpy(other, batch, k);
			memcpy(other + k, to, strlen(to));
			strcpy(other + k + strlen(to), batch + k + strlen(from));
			nseen = 0;
			rc = tpi_837p_parse(&r, other, strlen(other), line_fn, NULL, &err);
			CHECK(rc == 4 && strcmp(seen, expected) == 0,
				  "codes with a dot: rc %ld (%s)\n%s", rc, rc < 0 ? err.msg : "", seen);
		}

		/*
		 * GS08 left blank (a generator's test writes "*X* ~"): ST03 names
		 * the guide, as when GS08 is the version alone
		 */
		{
			const char *from = "*X*005010X222A1~";
			size_t		k = strstr(batch, from) - batch;

			memcpy(other, batch, k);
			memcpy(other + k, "*X* ~", 5);
			strcpy(other + k + 5, batch + k + strlen(from));
			check_same_lines("GS08 blank", other, strlen(other), 11, 13);
			memcpy(other + k, "*X*~", 4);
			strcpy(other + k + 4, batch + k + strlen(from));
			check_same_lines("GS08 empty", other, strlen(other), 11, 13);
		}

		/* any other unterminated segment is a truncated file */
		memcpy(other, batch, sizeof(batch));
		p = strstr(other, "SE*40*0001~");
		p[10] = '\0';			/* "SE*40*0001" without its terminator */
		rc = tpi_837p_parse(&r, other, strlen(other), line_fn, NULL, &err);
		CHECK(rc == -1 && strcmp(err.segment_id, "SE") == 0 &&
			  strstr(err.msg, "ends inside a segment") != NULL,
			  "truncated after SE: rc %ld, %s %s", rc, err.segment_id, rc < 0 ? err.msg : "");

		/* SV107 "1" written "01" */
		{
			size_t		k = strstr(batch, "SV1*HC:20552*80*UN*1***1~") + 23 - batch;

			memcpy(other, batch, k);
			other[k] = '0';
			memcpy(other + k + 1, batch + k, sizeof(batch) - k);
		}
		nseen = 0;
		rc = tpi_837p_parse(&r, other, strlen(other), line_fn, NULL, &err);
		CHECK(rc == 4 && strcmp(seen, expected) == 0,
			  "leading-zero pointer: rc %ld (%s)\n%s", rc, rc < 0 ? err.msg : "", seen);
	}

	/* a required value missing is an error at its segment, not a row */
	{
		static char other[sizeof(batch) + 8];
		char	   *p;

		memcpy(other, batch, sizeof(batch));
		p = strstr(other, "SV1*HC:20552");
		p[6] = '>';				/* "HC>20552": not ISA16's separator */
		rc = tpi_837p_parse(&r, other, strlen(other), line_fn, NULL, &err);
		CHECK(rc == -1 && strcmp(err.segment_id, "SV1") == 0 &&
			  strstr(err.msg, "no procedure code") != NULL,
			  "no SV101-2: rc %ld, %s %s", rc, err.segment_id, rc < 0 ? err.msg : "");

		memcpy(other, batch, sizeof(batch));
		p = strstr(other, "DTP*472*D8*20261116~");
		memcpy(p, "DTP*999", 7);	/* claim C2 without a service date */
		rc = tpi_837p_parse(&r, other, strlen(other), line_fn, NULL, &err);
		CHECK(rc == -1 && strcmp(err.segment_id, "SV1") == 0 &&
			  strstr(err.msg, "no date of service") != NULL,
			  "no DTP*472: rc %ld, %s %s", rc, err.segment_id, rc < 0 ? err.msg : "");

		/*
		 * patient_id and payer_id are required too: a subscriber loop
		 * without NM1*IL's NM109 (the imsweb x12-parser sample
		 * x12_missing_required_loop_in_one_repeat.txt) or without NM1*PR
		 * (a "minimal" sample of pyx12_837p_to_json) is an error at the
		 * line's SV1, not a row that no claim_line can hold.
		 */
		memcpy(other, batch, sizeof(batch));
		p = strstr(other, "*MI*W123~");
		memcpy(p, "*MI*~\r\n", 7);
		memset(p + 7, ' ', 2);
		rc = tpi_837p_parse(&r, other, strlen(other), line_fn, NULL, &err);
		CHECK(rc == -1 && strcmp(err.segment_id, "SV1") == 0 &&
			  strstr(err.msg, "claim \"C2\" has no patient") != NULL,
			  "no NM1*IL NM109: rc %ld, %s %s", rc, err.segment_id, rc < 0 ? err.msg : "");
		memcpy(other, batch, sizeof(batch));
		p = strstr(other, "NM1*PR*2*AETNA");
		memcpy(p, "NM1*XX", 6);
		rc = tpi_837p_parse(&r, other, strlen(other), line_fn, NULL, &err);
		CHECK(rc == -1 && strcmp(err.segment_id, "SV1") == 0 &&
			  strstr(err.msg, "claim \"C2\" has no payer") != NULL,
			  "no NM1*PR: rc %ld, %s %s", rc, err.segment_id, rc < 0 ? err.msg : "");

		/* a patient loop whose NM1*QC is not one: no "W123::" patient */
		memcpy(other, batch, sizeof(batch));
		p = strstr(other, "NM1*QC*");
		memcpy(p, "NM1*qc*", 7);
		rc = tpi_837p_parse(&r, other, strlen(other), line_fn, NULL, &err);
		CHECK(rc == -1 && strcmp(err.segment_id, "CLM") == 0 &&
			  strstr(err.msg, "2010CA") != NULL,
			  "HL*23 without NM1*QC: rc %ld, %s %s", rc, err.segment_id,
			  rc < 0 ? err.msg : "");

		/*
		 * A blank first line, LF or CRLF, is not an ISA first (a break
		 * after "I" is a wrapped header's; one before it is not)
		 */
		{
			const char *firsts[] = {"\n", "\r\n", " "};
			size_t		k;

			for (k = 0; k < 3; k++)
			{
				size_t		n = strlen(firsts[k]);

				memcpy(other, firsts[k], n);
				memcpy(other + n, batch, sizeof(batch));
				rc = tpi_837p_parse(&r, other, strlen(other), line_fn, NULL, &err);
				CHECK(rc == -1 && err.segment == 1 && err.offset == 0 &&
					  strstr(err.msg, "does not start with an ISA") != NULL,
					  "blank first line %zu: rc %ld, %s", k, rc, rc < 0 ? err.msg : "");
			}
		}

		rc = tpi_837p_parse(&r, "\xFF\xFEI\0S\0A\0", 8, line_fn, NULL, &err);
		CHECK(rc == -1 && strstr(err.msg, "UTF-16") != NULL,
			  "UTF-16: rc %ld, %s", rc, rc < 0 ? err.msg : "");
		/* big-endian without a byte-order mark: a NUL first */
		rc = tpi_837p_parse(&r, "\0I\0S\0A\0*", 8, line_fn, NULL, &err);
		CHECK(rc == -1 && strstr(err.msg, "UTF-16") != NULL,
			  "UTF-16BE: rc %ld, %s", rc, rc < 0 ? err.msg : "");
	}

	/*
	 * Segments ended by the line break, with blanks after them on every
	 * line (the ISA's too); blanks before a "~".
	 */
	{
		static char other[sizeof(batch) * 2];
		size_t		k,
					n;

		for (k = n = 0; batch[k]; k++)
		{
			if (strncmp(batch + k, "~\r\n", 3) == 0)
			{
				memcpy(other + n, " \t \n", 4);
				n += 4;
				k += 2;
			}
			else
				other[n++] = batch[k];
		}
		check_same_lines("line break terminator, trailing blanks", other, n, 5, 9);

		for (k = n = 0; batch[k]; k++)
		{
			if (batch[k] == '~' && k > 106)
				other[n++] = ' ';
			other[n++] = batch[k];
		}
		check_same_lines("blanks before the terminator", other, n, 5, 9);
	}

	/*
	 * A file wrapped into records of 80 bytes (CRLF, then LF alone): the
	 * line breaks fall inside segments, identifiers and values; records of
	 * 104 and 105 bytes break the ISA before ISA16 and before its
	 * terminator.
	 */
	{
		static const size_t widths[] = {80, 104, 105};
		static char flat[sizeof(batch)];
		static char other[sizeof(batch) * 2];
		char		what[64];
		size_t		k,
					n,
					w,
					nflat = 0;
		int			crlf;

		for (k = 0; batch[k]; k++)
			if (batch[k] != '\r' && batch[k] != '\n')
				flat[nflat++] = batch[k];
		for (w = 0; w < sizeof(widths) / sizeof(widths[0]); w++)
			for (crlf = 1; crlf >= 0; crlf--)
			{
				for (k = n = 0; k < nflat; k++)
				{
					if (k > 0 && k % widths[w] == 0)
					{
						if (crlf)
							other[n++] = '\r';
						other[n++] = '\n';
					}
					other[n++] = flat[k];
				}
				other[n++] = '\r';
				other[n++] = '\n';
				snprintf(what, sizeof(what), "wrapped at %zu, %s", widths[w],
						 crlf ? "CRLF" : "LF");
				check_same_lines(what, other, n, 3, 7);
			}

		/*
		 * Two interchanges wrapped so that the second's header breaks after
		 * "IS", then after "ISA".
		 */
		{
			static char twice[sizeof(expected) * 2];
			size_t		brk;

			snprintf(twice, sizeof(twice), "%s%s", expected, expected);
			for (brk = 2; brk <= 3; brk++)
			{
				n = 0;
				memcpy(other + n, flat, nflat);
				n += nflat;
				memcpy(other + n, flat, brk);
				n += brk;
				memcpy(other + n, "\r\n", 2);
				n += 2;
				memcpy(other + n, flat + brk, nflat - brk);
				n += nflat - brk;
				snprintf(what, sizeof(what), "second ISA broken after %zu bytes", brk);
				check_lines(what, other, n, 5, 9, 8, twice);
			}
		}
	}

	/*
	 * Notes longer than the guide's 80 bytes (writers send them): a claim
	 * NTE of 200 bytes, 40 NTE segments in a claim, a line NTE of 300 bytes
	 * and an SV101-7 of 150 are read whole, in order, however the file is
	 * cut; a claim_note beyond TPI_837P_MAX_NOTE bytes is an error at the
	 * NTE that makes it so.
	 */
	{
		static char other[sizeof(batch) + 2 * TPI_837P_MAX_NOTE];
		static char want[sizeof(expected) + 8 * TPI_837P_MAX_NOTE];
		static char notes[TPI_837P_MAX_NOTE];
		static char seg[2 * TPI_837P_MAX_NOTE];
		char		a200[201],
					b300[301],
					d150[151];
		size_t		n,
					k;

		memset(a200, 'A', 200);
		a200[200] = '\0';
		memset(b300, 'B', 300);
		b300[300] = '\0';
		memset(d150, 'D', 150);
		d150[150] = '\0';
		strcpy(other, batch);
		n = snprintf(seg, sizeof(seg), "NTE*ADD*CLAIM NOTE~\r\nNTE*ADD*%s~\r\n", a200);
		for (k = 0; k < 40; k++)
			n += snprintf(seg + n, sizeof(seg) - n, "NTE*ADD*N%zu~\r\n", k);
		replace_first(other, sizeof(other), "NTE*ADD*CLAIM NOTE~\r\n", seg);
		snprintf(seg, sizeof(seg), "NTE*ADD*LINE NOTE~\r\nNTE*TPO*%s~", b300);
		replace_first(other, sizeof(other), "NTE*ADD*LINE NOTE~", seg);
		snprintf(seg, sizeof(seg), ":59::::%s*", d150);
		replace_first(other, sizeof(other), ":59::::TPI*", seg);

		/* every note of the claim on each of its lines, then the line's */
		n = snprintf(notes, sizeof(notes), "CLAIM NOTE; %s", a200);
		for (k = 0; k < 40; k++)
			n += snprintf(notes + n, sizeof(notes) - n, "; N%zu", k);
		strcpy(want, expected);
		snprintf(seg, sizeof(seg), "note=%s; LINE NOTE; %s; %s|", notes, b300, d150);
		replace_first(want, sizeof(want), "note=CLAIM NOTE; LINE NOTE; TPI|", seg);
		snprintf(seg, sizeof(seg), "note=%s|", notes);
		replace_first(want, sizeof(want), "note=CLAIM NOTE|", seg);
		replace_first(want, sizeof(want), "note=CLAIM NOTE|", seg);
		check_lines("long notes", other, strlen(other), 97, 61, 4, want);

		/* one more NTE in the claim, of 7,900 bytes: past the bound */
		n = snprintf(seg, sizeof(seg), "NTE*ADD*");
		memset(seg + n, 'Z', 7900);
		strcpy(seg + n + 7900, "~\r\nNM1*82*1*SMITH");
		replace_first(other, sizeof(other), "NM1*82*1*SMITH", seg);
		rc = tpi_837p_parse(&r, other, strlen(other), line_fn, NULL, &err);
		CHECK(rc == -1 && strcmp(err.segment_id, "NTE") == 0 &&
			  strstr(err.msg, "longer than 8192 bytes") != NULL,
			  "claim notes past the bound: rc %ld, %s %s", rc, err.segment_id,
			  rc < 0 ? err.msg : "");
	}

	/*
	 * A dependent's patient_id is flagged for upper case beyond ASCII (the
	 * SQL face upper-cases "José" as upper() does); a subscriber's is as
	 * written.
	 */
	{
		static char other[sizeof(batch) + 8];
		size_t		olen;

		strcpy(other, batch);
		olen = replace_first(other, sizeof(other), "NM1*QC*1*ROE*anna~",
							 "NM1*QC*1*ROE*jos\xC3\xA9~");

		uppers[0] = '\0';
		rc = tpi_837p_parse(&r, other, olen, upper_fn, NULL, &err);
		CHECK(rc == 4 && strcmp(uppers, "0001") == 0, "patient_upper: rc %ld, %s (%s)",
			  rc, uppers, rc < 0 ? err.msg : "");
		nseen = 0;
		rc = tpi_837p_parse(&r, other, olen, line_fn, NULL, &err);
		CHECK(rc == 4 && strstr(seen, "patient=W123:JOS\xC3\xA9:20100304|") != NULL,
			  "non-ASCII dependent: rc %ld\n%s", rc, seen);
	}

	/*
	 * Kinds of third-party files (round of x12e): a separator after the
	 * last element of every segment and an empty component after SV101-2;
	 * repetitions (ISA11 '^') in NTE02, HI and SV107, of which the first is
	 * read; a replacement (CLM05-3 7, REF*F8) and a void (8) claim, whose
	 * lines are read as an original's (SPEC section 11 maps no frequency
	 * code).  The same lines as the batch.
	 */
	{
		static char other[sizeof(batch) * 2];
		size_t		k,
					n;

		for (k = n = 0; batch[k]; k++)
		{
			/* "*" before every "~" but the ISA's */
			if (batch[k] == '~' && k > 106)
				other[n++] = '*';
			other[n++] = batch[k];
		}
		other[n] = '\0';
		n = replace_first(other, sizeof(other), "HC:99213:25*", "HC:99213:25:*");
		check_same_lines("a separator after the last element", other, n, 7, 11);

		/*
		 * An empty element between two others keeps its position: M5410
		 * is HI03, G8929 the fourth code (line 1's pointers 1:2:3:13 give
		 * M7918, nothing, M5410; line 3's pointer 3 is M5410).
		 */
		{
			static char want[sizeof(expected)];

			strcpy(other, batch);
			n = replace_first(other, sizeof(other), "HI*ABK:M7918*ABF:M5410~", "HI*ABK:M7918**ABF:M5410~");
			strcpy(want, expected);
			replace_first(want, sizeof(want), "dx=M7918|dx=M5410|dx=G8929|", "dx=M7918|dx=M5410|");
			replace_first(want, sizeof(want), "pos=22|dx=G8929|", "pos=22|dx=M5410|");
			check_lines("an empty HI element between two", other, n, 7, 11, 4, want);
		}

		strcpy(other, batch);
		replace_first(other, sizeof(other), "NTE*ADD*CLAIM NOTE~", "NTE*ADD*CLAIM NOTE^OTHER~");
		replace_first(other, sizeof(other), "HI*ABF:G8929~", "HI*ABF:G8929^ABF:Z0000~");
		n = replace_first(other, sizeof(other), "***1:2:3:13~", "***1:2:3:13^4~");
		check_same_lines("repetitions: the first is read", other, n, 7, 11);

		strcpy(other, batch);
		replace_first(other, sizeof(other), "11:B:1*Y*A*Y*Y~", "11:B:7*Y*A*Y*Y~\r\nREF*F8*ORIGINAL1~");
		n = replace_first(other, sizeof(other), "CLM*C2*80***11:B:1~", "CLM*C2*80***11:B:8~\r\nREF*F8*ORIGINAL2~");
		check_same_lines("replacement and void claims", other, n, 7, 11);
	}

	/* a file written in lower case: named as such at its first byte */
	{
		static char other[sizeof(batch)];
		size_t		k;

		for (k = 0; batch[k]; k++)
			other[k] = (batch[k] >= 'A' && batch[k] <= 'Z') ? batch[k] - 'A' + 'a' : batch[k];
		rc = tpi_837p_parse(&r, other, k, line_fn, NULL, &err);
		CHECK(rc == -1 && err.segment == 1 && err.offset == 0 &&
			  strstr(err.msg, "\"isa\"") != NULL && strstr(err.msg, "upper case") != NULL,
			  "lower case: rc %ld, %s", rc, rc < 0 ? err.msg : "");
	}

	/*
	 * Interchanges one after another, each with its own separators: the
	 * batch, then the batch written with elements '|', components '>',
	 * repetitions '{' and the line break as terminator.
	 */
	{
		static char other[sizeof(batch) * 2];
		static char twice[sizeof(expected) * 2];
		size_t		k,
					n;

		n = strlen(batch);
		memcpy(other, batch, n);
		for (k = 0; batch[k]; k++)
		{
			char		c = batch[k];

			if (c == '~' || c == '\r')
				continue;
			other[n++] = c == '*' ? '|' : c == ':' ? '>' : c == '^' ? '{' : c;
		}
		snprintf(twice, sizeof(twice), "%s%s", expected, expected);
		check_lines("a second interchange with other separators", other, n, 7, 11, 8, twice);
	}

	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
