/*
 * fuzz_csv.c
 *		libFuzzer harness for the CMS file readers (src/parse/csv.c).
 *
 * fuzz-sources: src/parse/csv.c
 *
 * test/fuzz/run.sh builds and runs it; by hand, from the repository root:
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc -Isrc/parse \
 *       test/fuzz/fuzz_csv.c src/parse/csv.c -o test/fuzz/fuzz_csv.fuzz
 *   test/fuzz/fuzz_csv.fuzz -max_total_time=60 test/fuzz/corpus-csv \
 *       test/fuzz/seeds/csv
 *
 * Every input goes through the record splitter and both file parsers.
 * Besides memory errors, it checks what the loaders rely on: every row
 * handed out is well formed, and an error always names a line that
 * exists.
 */
#include "csv.h"

#include <stdlib.h>
#include <string.h>

static TpiCsvReader reader;
static int	nlines;

#define CHECK(cond) do { if (!(cond)) abort(); } while (0)

static bool
alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
}

static void
rvu_row(void *arg, const TpiRvuRow *row)
{
	int			i;

	CHECK(row->line >= 1 && row->line <= nlines);
	CHECK(strlen(row->hcpcs) == 5);
	for (i = 0; i < 5; i++)
		CHECK(alnum(row->hcpcs[i]));
	CHECK(row->modifier[0] == '\0' || strlen(row->modifier) == 2);
	CHECK(strlen(row->status) == 1);
	for (i = 0; i < 4; i++)
		CHECK(row->rvu_null[i] || (row->rvu[i] >= 0 && row->rvu[i] <= 99999999));
	CHECK(row->global_days[0] == '\0' || strlen(row->global_days) == 3);
	CHECK(row->bilateral >= -1 && row->bilateral <= 9);
}

static void
gpci_row(void *arg, const TpiGpciRow *row)
{
	int			i;

	CHECK(row->line >= 1 && row->line <= nlines);
	CHECK(strlen(row->locality) == 8 && row->locality[5] == '-');
	CHECK(strlen(row->state) == 2);
	CHECK(row->name[0] != '\0');
	for (i = 0; i < 3; i++)
		CHECK(row->gpci[i] >= 0 && row->gpci[i] <= 999999);
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *) data;
	TpiCsvError err;
	TpiPprrvuInfo pinfo;
	TpiGpciInfo ginfo;
	size_t		i;
	int			rc;
	int			records = 0;

	/* Physical lines, as the reader counts them (LF, CRLF or CR). */
	nlines = 1;
	for (i = 0; i < size; i++)
		if (text[i] == '\n' || (text[i] == '\r' && !(i + 1 < size && text[i + 1] == '\n')))
			nlines++;

	tpi_csv_init(&reader, text, size);
	while ((rc = tpi_csv_next(&reader, &err)) > 0)
	{
		CHECK(reader.nfields >= 1 && reader.nfields <= TPI_CSV_MAX_FIELDS);
		CHECK(reader.line >= 1 && reader.line <= nlines);
		records++;
	}
	if (rc < 0)
		CHECK(err.line >= 1 && err.line <= nlines && memchr(err.msg, '\0', sizeof(err.msg)));

	if (!tpi_pprrvu_parse(&reader, text, size, &pinfo, rvu_row, NULL, &err))
		CHECK(err.line >= 1 && err.line <= nlines);
	else
		CHECK(pinfo.nrows > 0 && strlen(pinfo.release) == 6);

	if (!tpi_gpci_parse(&reader, text, size, &ginfo, gpci_row, NULL, &err))
		CHECK(err.line >= 1 && err.line <= nlines);
	else
		CHECK(ginfo.nrows > 0 && strlen(ginfo.release) == 8);
	return 0;
}
