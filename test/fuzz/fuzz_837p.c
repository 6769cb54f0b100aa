/*
 * fuzz_837p.c
 *		libFuzzer harness for the X12 837P reader (src/parse/x12_837p.c).
 *
 * fuzz-sources: src/parse/x12_837p.c
 *
 * test/fuzz/run.sh builds and runs it; by hand, from the repository root:
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc -Isrc/parse \
 *       test/fuzz/fuzz_837p.c src/parse/x12_837p.c -o test/fuzz/fuzz_837p.fuzz
 *   test/fuzz/fuzz_837p.fuzz -max_total_time=60 test/fuzz/corpus-837p \
 *       test/fuzz/seeds/837p
 *
 * Every input is read twice: whole, and fed in three pieces cut where its
 * first bytes say (as read_837p_file feeds a file a megabyte at a time,
 * keeping what the reader left).  Besides memory errors, it checks what
 * the SQL face relies on: every line handed out is well formed (values
 * NULL or non-empty, dates real dates, line numbers smallints, a charge
 * numeric_in takes, at most four modifiers and diagnoses), an error names
 * a segment that exists, and both readings agree line by line and on the
 * error.
 */
#include "x12_837p.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define CHECK(cond) do { if (!(cond)) abort(); } while (0)

static Tpi837pReader reader;
static size_t input_size;

/* What one reading saw: a running hash of every line and their count. */
typedef struct Seen
{
	uint64_t	hash;
	long		lines;
} Seen;

static void
mix(Seen *seen, const void *p, size_t len)
{
	const unsigned char *b = p;
	size_t		i;

	for (i = 0; i < len; i++)
		seen->hash = (seen->hash ^ b[i]) * 1099511628211ULL;
	seen->hash = (seen->hash ^ 0xff) * 1099511628211ULL;
}

static void
check_str(Seen *seen, TpiX12Str s)
{
	CHECK((s.p == NULL) == (s.len == 0));
	if (s.p)
		CHECK(memchr(s.p, '\0', 0) == NULL);	/* readable: ASan checks */
	mix(seen, s.p ? s.p : "", s.len);
}

static void
line_fn(void *arg, const Tpi837pLine *line)
{
	Seen	   *seen = (Seen *) arg;
	int			i,
				ndigits = 0;

	CHECK(line->segment >= 1 && line->offset < input_size);
	CHECK(line->line_no >= 1 && line->line_no <= 32767);
	CHECK(line->claim_id.p != NULL);
	check_str(seen, line->claim_id);
	check_str(seen, line->patient_id);
	check_str(seen, line->payer_id);
	check_str(seen, line->provider_npi);
	check_str(seen, line->hcpcs);
	check_str(seen, line->place_of_service);
	check_str(seen, line->claim_note);
	check_str(seen, line->ndc);
	CHECK(line->claim_note.len <= TPI_837P_MAX_NOTE);
	CHECK(line->patient_id.len <= TPI_837P_MAX_PATIENT);
	CHECK(line->nmodifiers >= 0 && line->nmodifiers <= TPI_837P_MAX_MODIFIERS);
	for (i = 0; i < line->nmodifiers; i++)
	{
		CHECK(line->modifiers[i].p != NULL);
		check_str(seen, line->modifiers[i]);
	}
	CHECK(line->ndx >= 0 && line->ndx <= TPI_837P_MAX_POINTERS);
	CHECK(line->has_pointers || line->ndx == 0);
	for (i = 0; i < line->ndx; i++)
	{
		CHECK(line->icd10[i].p != NULL);
		check_str(seen, line->icd10[i]);
	}
	if (line->has_date)
		CHECK(line->year >= 1 && line->year <= 9999 && line->month >= 1 &&
			  line->month <= 12 && line->day >= 1 && line->day <= 31);
	/* the charge numeric_in reads: [-]digits[.digits], <= 10 before '.' */
	check_str(seen, line->charge);
	for (i = 0; i < (int) line->charge.len; i++)
	{
		char		c = line->charge.p[i];

		if (c == '.')
			break;
		CHECK((c >= '0' && c <= '9') || (c == '-' && i == 0));
		ndigits += c != '-';
	}
	CHECK(ndigits <= 10);
	mix(seen, &line->line_no, sizeof(line->line_no));
	mix(seen, &line->units, sizeof(line->units));
	seen->lines++;
}

static void
check_error(const Tpi837pError *err)
{
	CHECK(err->segment >= 0 && err->offset <= input_size);
	CHECK(memchr(err->msg, '\0', sizeof(err->msg)) != NULL && err->msg[0] != '\0');
	CHECK(memchr(err->segment_id, '\0', sizeof(err->segment_id)) != NULL);
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *) data;
	Tpi837pError err1,
				err2;
	Seen		whole = {14695981039346656037ULL, 0},
				pieces = {14695981039346656037ULL, 0};
	long		rc1,
				rc2 = 0;
	char	   *buf;
	size_t		cut[3],
				have = 0,
				fed = 0;
	int			k;

	input_size = size;
	rc1 = tpi_837p_parse(&reader, text, size, line_fn, &whole, &err1);
	if (rc1 < 0)
		check_error(&err1);
	else
		CHECK(rc1 == whole.lines);

	/* the same input in three pieces, leftovers carried over */
	cut[0] = size > 0 ? data[0] % (size + 1) : 0;
	cut[1] = size > 1 ? cut[0] + (data[1] * 7) % (size - cut[0] + 1) : cut[0];
	cut[2] = size;
	buf = malloc(size + 1);
	tpi_837p_init(&reader, line_fn, &pieces);
	for (k = 0; k < 3; k++)
	{
		bool		final = k == 2;
		long		used;

		memcpy(buf + have, text + fed, cut[k] - fed);
		have += cut[k] - fed;
		fed = cut[k];
		used = tpi_837p_feed(&reader, buf, have, final, &err2);
		if (used < 0)
		{
			rc2 = -1;
			break;
		}
		if (final)
			rc2 = used;
		else
		{
			CHECK((size_t) used <= have);
			memmove(buf, buf + used, have - used);
			have -= used;
		}
	}
	free(buf);
	CHECK(rc1 == rc2);
	CHECK(whole.lines == pieces.lines && whole.hash == pieces.hash);
	if (rc1 < 0)
		CHECK(err1.segment == err2.segment && err1.offset == err2.offset &&
			  strcmp(err1.msg, err2.msg) == 0 &&
			  strcmp(err1.segment_id, err2.segment_id) == 0);
	return 0;
}
