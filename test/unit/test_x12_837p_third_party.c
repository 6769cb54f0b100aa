/*
 * test_x12_837p_third_party.c
 *		Unit test of the 837P reader (src/parse/x12_837p.c) on the quirks of
 *		a second round of public sample files (test/data/837p/third_party/
 *		README.md, "Second round"): a guide reference padded with blanks in
 *		GS08 or ST03 names the guide it pads, read whole and fed in pieces;
 *		a padded reference of another guide is still an error.
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

/*
 * As a Ruby X12 library's test message writes it: ISA02/ISA04 one blank,
 * ISA11 'U', GS08 with a blank before the guide.  "@GS08@" and "@ST03@"
 * are replaced by each case.
 */
static const char tmpl[] =
	"ISA*00* *00* *ZZ*SENDERID       *33*NAIC *260809*1130*U*00501*000000230*1*T*:~"
	"GS*HC*SENDERID*NAIC*20260809*1615*230*X*@GS08@~"
	"ST*837*0230*@ST03@~"
	"BHT*0019*00*CLM1*20260809*1834*CH~"
	"HL*1**20*1~NM1*85*2*EYE CLINIC*****XX*1111111112~"
	"HL*2*1*22*0~SBR*P*18**000163*****BL~NM1*IL*1*ROE*MARY****MI*SUB-0042~"
	"NM1*PR*2*BLUE PLAN*****PI*00590~"
	"CLM*ACCT 0042*195***11::1*Y*A*Y*Y*C******P~"
	"NM1*82*1*SMITH*ANN****XX*2222222223~"
	"LX*1~SV1*HC:92135*100*UN*1*****Y~DTP*472*D8*20260729~"
	"LX*2~SV1*HC:59840:LT*50*UN*1*****Y~DTP*472*D8*20260729~"
	"SE*14*0230~GE*1*230~IEA*1*000000230~";

static const char expected[] =
	"ACCT 0042|1|SUB-0042|00590|2222222223|20260729|92135||100|1|11|\n"
	"ACCT 0042|2|SUB-0042|00590|2222222223|20260729|59840|LT|50|1|11|\n";

static char seen[1024];
static size_t nseen;

static void
line_fn(void *arg, const Tpi837pLine *l)
{
	(void) arg;
	nseen += snprintf(seen + nseen, sizeof(seen) - nseen,
					  "%.*s|%d|%.*s|%.*s|%.*s|%04d%02d%02d|%.*s|%.*s|%.*s|%d|%.*s|\n",
					  (int) l->claim_id.len, l->claim_id.p, l->line_no,
					  (int) l->patient_id.len, l->patient_id.p,
					  (int) l->payer_id.len, l->payer_id.p,
					  (int) l->provider_npi.len, l->provider_npi.p,
					  l->year, l->month, l->day,
					  (int) l->hcpcs.len, l->hcpcs.p,
					  l->nmodifiers ? (int) l->modifiers[0].len : 0,
					  l->nmodifiers ? l->modifiers[0].p : "",
					  (int) l->charge.len, l->charge.p, l->units,
					  (int) l->place_of_service.len, l->place_of_service.p);
}

/* tmpl with its two guide references filled in */
static size_t
fill(char *buf, size_t cap, const char *gs08, const char *st03)
{
	const char *p = tmpl;
	size_t		n = 0;

	while (*p)
	{
		const char *with = NULL;

		if (strncmp(p, "@GS08@", 6) == 0)
			with = gs08;
		else if (strncmp(p, "@ST03@", 6) == 0)
			with = st03;
		if (with)
		{
			if (n + strlen(with) >= cap)
				abort();
			memcpy(buf + n, with, strlen(with));
			n += strlen(with);
			p += 6;
		}
		else
		{
			if (n + 1 >= cap)
				abort();
			buf[n++] = *p++;
		}
	}
	buf[n] = '\0';
	return n;
}

/* Reads data whole, then fed in two pieces cut at every byte. */
static void
check_read(const char *what, const char *data, size_t len)
{
	static Tpi837pReader r;
	Tpi837pError err;
	long		rc;
	size_t		cut;
	int			bad = 0;

	nseen = 0;
	rc = tpi_837p_parse(&r, data, len, line_fn, NULL, &err);
	CHECK(rc == 2 && strcmp(seen, expected) == 0, "%s: rc %ld (%s)\n%s", what, rc,
		  rc < 0 ? err.msg : "", seen);
	for (cut = 0; cut <= len; cut++)
	{
		long		used;

		nseen = 0;
		tpi_837p_init(&r, line_fn, NULL);
		used = tpi_837p_feed(&r, data, cut, false, &err);
		if (used < 0)
		{
			bad++;
			continue;
		}
		/* the unread rest of the first piece comes again with the second */
		rc = tpi_837p_feed(&r, data + used, len - used, true, &err);
		if (rc != 2 || strcmp(seen, expected) != 0)
			bad++;
	}
	CHECK(bad == 0, "%s: %d cut points gave other lines", what, bad);
}

/* An error at the given segment, whose message names the given text. */
static void
check_error(const char *what, const char *data, size_t len, const char *seg,
			const char *text)
{
	static Tpi837pReader r;
	Tpi837pError err;
	long		rc;

	nseen = 0;
	rc = tpi_837p_parse(&r, data, len, line_fn, NULL, &err);
	CHECK(rc == -1 && strcmp(err.segment_id, seg) == 0 && strstr(err.msg, text) != NULL,
		  "%s: rc %ld, %s: %s", what, rc, err.segment_id, rc < 0 ? err.msg : "");
}

int
main(void)
{
	static char buf[4096];
	size_t		n;

	/* the file as written: a blank before GS08's guide */
	n = fill(buf, sizeof(buf), " 005010X222A1", "005010X222A1");
	check_read("GS08 with a blank before", buf, n);
	/* blanks after, and on both sides */
	n = fill(buf, sizeof(buf), "005010X222A1 ", "005010X222A1");
	check_read("GS08 with a blank after", buf, n);
	n = fill(buf, sizeof(buf), "  005010X222A1  ", "  005010X222A2 ");
	check_read("GS08 and ST03 padded on both sides", buf, n);
	/* GS08 the version alone, ST03 padded before */
	n = fill(buf, sizeof(buf), "005010", " 005010X222A1");
	check_read("ST03 with a blank before", buf, n);
	/* ST03 all blanks leaves the guide to GS08, as an empty ST03 does */
	n = fill(buf, sizeof(buf), "005010X222A1", "   ");
	check_read("ST03 all blanks", buf, n);
	n = fill(buf, sizeof(buf), "005010X222A1", "");
	check_read("ST03 empty", buf, n);

	/* padded references to other guides are errors that name them */
	n = fill(buf, sizeof(buf), " 005010X224A2", "005010X222A1");
	check_error("GS08 837D padded", buf, n, "GS", "\"005010X224A2\" is the 837D");
	n = fill(buf, sizeof(buf), " 005010X222A1", " 005010X223A2 ");
	check_error("ST03 837I padded", buf, n, "ST", "\"005010X223A2\" is the 837I");
	n = fill(buf, sizeof(buf), " 004010X098A1", "004010X098A1");
	check_error("GS08 4010 padded", buf, n, "GS", "not the 837P guide");
	/* a blank inside the reference is not padding */
	n = fill(buf, sizeof(buf), "005010 X222A1", "005010X222A1");
	check_error("GS08 blank inside", buf, n, "GS", "not the 837P guide");

	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
