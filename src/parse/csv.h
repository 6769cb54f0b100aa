/*
 * csv.h
 *		Readers of CMS's PPRRVU and GPCI CSV files, in plain C with no
 *		server headers, so that they can be fuzzed outside the server
 *		(test/fuzz/fuzz_csv.c).  They allocate nothing: the caller owns a
 *		TpiCsvReader (about 17 kB) and receives each parsed row through a
 *		callback.  Every error carries the line number it was found on.
 */
#ifndef TPI_CSV_H
#define TPI_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TPI_CSV_MAX_FIELDS 128
#define TPI_CSV_MAX_RECORD 16384
#define TPI_CSV_MAX_NAME 96		/* composed header name of a column */

typedef enum TpiCsvErrorKind
{
	TPI_CSV_ERR_LAYOUT = 1,		/* not a file of this layout */
	TPI_CSV_ERR_VALUE			/* a field that is not what its column holds */
} TpiCsvErrorKind;

typedef struct TpiCsvError
{
	TpiCsvErrorKind kind;
	int			line;			/* 1-based physical line */
	char		msg[256];
} TpiCsvError;

/* An RFC 4180 record splitter over a buffer (LF, CRLF or CR line ends). */
typedef struct TpiCsvReader
{
	const char *p;
	const char *end;
	int			next_line;		/* line the next record starts on */
	int			line;			/* line the current record started on */
	int			nfields;
	char	   *fields[TPI_CSV_MAX_FIELDS];
	char		buf[TPI_CSV_MAX_RECORD];
} TpiCsvReader;

extern void tpi_csv_init(TpiCsvReader *r, const char *data, size_t len);

/* 1: a record is in r->fields; 0: end of input; -1: error in *err. */
extern int	tpi_csv_next(TpiCsvReader *r, TpiCsvError *err);

/*
 * One row of a PPRRVU file.  RVUs are in hundredths; a blank or "NA"
 * number is null.  global_days is zero-padded to 3 digits ("000", "090")
 * or one of XXX, YYY, ZZZ, MMM, or "" when blank.
 */
typedef struct TpiRvuRow
{
	int			line;
	char		hcpcs[6];
	char		modifier[3];	/* "" for the global service */
	char		status[2];
	int64_t		rvu[4];			/* work, non-facility PE, facility PE, MP */
	bool		rvu_null[4];
	bool		nonfacility_na;
	bool		facility_na;
	char		global_days[4];
	int			bilateral;		/* 0-9, or -1 when blank */
} TpiRvuRow;

#define TPI_RVU_WORK 0
#define TPI_RVU_PE_NF 1
#define TPI_RVU_PE_F 2
#define TPI_RVU_MP 3

typedef struct TpiPprrvuInfo
{
	char		release[8];		/* RVU25A: year and release letter */
	int			year;			/* 2025 */
	int			month;			/* first month of the release: 1, 4, 7, 10 */
	int			header_line;
	int			nrows;
} TpiPprrvuInfo;

typedef void (*TpiRvuRowFn) (void *arg, const TpiRvuRow *row);

/*
 * Parses a whole PPRRVU file: banner lines naming the release
 * ("2025 National Physician Fee Schedule Relative Value File January
 * Release"), a multi-line header whose last row starts
 * HCPCS,MOD,DESCRIPTION, then one row per code and modifier.  Columns are
 * found by their header names.  Calls fn for each row; returns false with
 * *err set at the first problem (rows already passed to fn must then be
 * discarded by the caller).
 */
extern bool tpi_pprrvu_parse(TpiCsvReader *r, const char *data, size_t len,
							 TpiPprrvuInfo *info, TpiRvuRowFn fn, void *arg,
							 TpiCsvError *err);

/* One locality of a GPCI file; GPCIs in thousandths. */
typedef struct TpiGpciRow
{
	int			line;
	char		locality[9];	/* 13202-01 */
	char		state[3];
	char		name[128];		/* trailing footnote stars removed */
	int64_t		gpci[3];		/* work, PE, MP */
} TpiGpciRow;

typedef struct TpiGpciInfo
{
	char		release[9];		/* GPCI2025 */
	int			year;
	int			header_line;
	int			nrows;
} TpiGpciInfo;

typedef void (*TpiGpciRowFn) (void *arg, const TpiGpciRow *row);

/*
 * Parses a whole GPCI file (PFS final rule addendum E): a banner naming
 * the year ("... FINAL CY 2025 GEOGRAPHIC PRACTICE COST INDICES ..."), a
 * header row starting "Medicare Administrative Contractor", one row per
 * locality, then notes (rows with only a first field, or blank rows).
 */
extern bool tpi_gpci_parse(TpiCsvReader *r, const char *data, size_t len,
						   TpiGpciInfo *info, TpiGpciRowFn fn, void *arg,
						   TpiCsvError *err);

#endif							/* TPI_CSV_H */
