/*
 * loaders.c
 *		load_pprrvu() and load_gpci(): CMS's own PPRRVU and GPCI CSV files
 *		into tpi_rules.rvu and tpi_rules.gpci (SPEC section 5).
 *
 * The whole file is parsed (csv.c) and checked before any table is
 * touched, so a bad file changes nothing.  Then the release's rows are
 * replaced: one DELETE and one INSERT ... SELECT FROM unnest(arrays), so a
 * full PPRRVU file (about 19,000 rows) costs three statements, not one per
 * row.  The caller's transaction makes the replacement atomic.
 *
 * The _from_text variants take the file's content instead of a server
 * path, so a role that may write the tables but not read server files can
 * load a file from its own machine (psql: \set f `cat FILE`).
 */
#include "refdata.h"
#include "csv.h"
#include "fn/server_file.h"

#include <sys/stat.h>

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "storage/fd.h"
#include "utils/acl.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

/* The rows a parser hands over, in order: elem_size bytes each. */
typedef struct RowVec
{
	char	   *rows;
	int			n;
	int			cap;
	Size		elem_size;
} RowVec;

static void
rowvec_add(RowVec *c, const void *row)
{
	if (c->n == c->cap)
	{
		c->cap = c->cap ? c->cap * 2 : 256;
		c->rows = c->rows ? repalloc(c->rows, c->elem_size * c->cap)
			: palloc(c->elem_size * c->cap);
	}
	memcpy(c->rows + c->elem_size * c->n++, row, c->elem_size);
}

static void
collect_rvu(void *arg, const TpiRvuRow *row)
{
	rowvec_add((RowVec *) arg, row);
}

static void
collect_gpci(void *arg, const TpiGpciRow *row)
{
	rowvec_add((RowVec *) arg, row);
}

/*
 * Reading a file on the server is for superusers and pg_read_server_files,
 * as for COPY FROM a file and pg_read_file().  The role is looked up by
 * name: its C constant changed name in 14.  fname is the SQL function,
 * client_fname the one that takes the file's content instead.
 */
void
tpi_check_read_privilege(const char *fname, const char *client_fname)
{
	Oid			role = get_role_oid("pg_read_server_files", true);

	if (superuser() || (OidIsValid(role) && has_privs_of_role(GetUserId(), role)))
		return;
	ereport(ERROR,
			(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
			 errmsg("permission denied to read a file on the server"),
			 errdetail("Only superusers and members of pg_read_server_files may call tpi_rules.%s(path).",
					   fname),
			 errhint("Send the file from the client instead: in psql, \\set f `cat FILE` then SELECT tpi_rules.%s(:'f');",
					 client_fname)));
}

/*
 * Opens a file on the server for reading (with AllocateFile: it is closed
 * at transaction end if the caller errors out); *size is its length.
 */
FILE *
tpi_open_server_file(const char *path, size_t *size)
{
	FILE	   *f;
	struct stat st;

	/* errcode_for_file_access() has no code for ENAMETOOLONG */
	if (strlen(path) >= MAXPGPATH)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("file path is too long (%zu bytes)", strlen(path)),
				 errdetail("Paths are limited to %d bytes.", MAXPGPATH - 1)));
	f = AllocateFile(path, PG_BINARY_R);
	if (f == NULL)
		ereport(ERROR,
				(errcode_for_file_access(),
				 errmsg("could not open file \"%s\" for reading: %m", path)));
	if (fstat(fileno(f), &st) != 0)
		ereport(ERROR,
				(errcode_for_file_access(),
				 errmsg("could not stat file \"%s\": %m", path)));
	if (S_ISDIR(st.st_mode))
		ereport(ERROR,
				(errcode(ERRCODE_WRONG_OBJECT_TYPE),
				 errmsg("\"%s\" is a directory", path)));
	*size = (size_t) st.st_size;
	return f;
}

/* The whole file, NUL-terminated, in the current memory context. */
static char *
read_server_file(const char *path, size_t *len)
{
	size_t		size;
	FILE	   *f = tpi_open_server_file(path, &size);
	char	   *buf;
	size_t		n;

	if (size >= MaxAllocSize)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("file \"%s\" is too large", path)));
	buf = palloc(size + 1);
	n = fread(buf, 1, size, f);
	if (ferror(f))
		ereport(ERROR,
				(errcode_for_file_access(),
				 errmsg("could not read file \"%s\": %m", path)));
	FreeFile(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

static void
report_parse_error(const TpiCsvError *err, const char *what, const char *table,
				   const char *source)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid %s file, line %d: %s", what, err->line, err->msg),
			 errdetail("Nothing was loaded from %s; %s is unchanged.", source, table),
			 errhint("%s", strcmp(what, "PPRRVU") == 0 ?
					 "Load the PPRRVU CSV file of CMS's PFS relative value files unchanged: banner lines, a header ending in the row HCPCS,MOD,DESCRIPTION, then one row per code." :
					 "Load CMS's GPCI file (PFS final rule addendum E) as CSV unchanged: a banner line, the header row starting Medicare Administrative Contractor, then one row per locality.")));
}

static DateADT
day_of(int year, int month, int day)
{
	return date2j(year, month, day) - POSTGRES_EPOCH_JDATE;
}

/* A fixed-point integer in units of 10^-scale as a numeric Datum. */
static Datum
fixed_numeric(int64 v, int scale)
{
	char		buf[32];
	int64		unit = scale == 2 ? 100 : 1000;

	snprintf(buf, sizeof(buf), "%lld.%0*lld", (long long) (v / unit), scale,
			 (long long) (v % unit));
	return DirectFunctionCall3(numeric_in, CStringGetDatum(buf),
							   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
}

static Datum
make_array(Datum *values, bool *nulls, int n, Oid elemtype)
{
	int16		typlen;
	bool		typbyval;
	char		typalign;
	int			dims[1] = {n};
	int			lbs[1] = {1};

	get_typlenbyvalalign(elemtype, &typlen, &typbyval, &typalign);
	return PointerGetDatum(construct_md_array(values, nulls, 1, dims, lbs,
											  elemtype, typlen, typbyval,
											  typalign));
}

static int
cmp_rvu(const void *a, const void *b)
{
	const TpiRvuRow *x = *(const TpiRvuRow *const *) a;
	const TpiRvuRow *y = *(const TpiRvuRow *const *) b;
	int			c = strcmp(x->hcpcs, y->hcpcs);

	if (c == 0)
		c = strcmp(x->modifier, y->modifier);
	if (c == 0)
		c = x->line - y->line;
	return c;
}

static int
cmp_gpci(const void *a, const void *b)
{
	const TpiGpciRow *x = *(const TpiGpciRow *const *) a;
	const TpiGpciRow *y = *(const TpiGpciRow *const *) b;
	int			c = strcmp(x->locality, y->locality);

	return c != 0 ? c : x->line - y->line;
}

/* Runs one statement whose parameters are typed by the caller. */
static uint64
run(const char *sql, int nargs, Oid *types, Datum *values, int expect)
{
	int			rc = SPI_execute_with_args(sql, nargs, types, values, NULL,
										   false, 0);

	if (rc != expect)
		elog(ERROR, "SPI_execute_with_args failed: %s", SPI_result_code_string(rc));
	return SPI_processed;
}

/*
 * The first three parameters of every release load: the release's name
 * and the dates it is effective.
 */
static void
release_args(Oid *types, Datum *args, const char *release, DateADT from,
			 DateADT to)
{
	types[0] = TEXTOID;
	args[0] = CStringGetTextDatum(release);
	types[1] = DATEOID;
	args[1] = DateADTGetDatum(from);
	types[2] = DATEOID;
	args[2] = DateADTGetDatum(to);
}

/*
 * Replaces the rows of release $1 in tpi_rules.<table> by those of insert
 * (an INSERT ... SELECT FROM unnest($4 ...)); returns the rows inserted.
 *
 * Rows go in as builtin and are then marked as user rows: a row inserted
 * as a user row makes reference_row_inserted() look for a shipped row
 * with its key, a scan per row; the DELETE has already removed every row
 * of the release, shipped or not, so there is nothing to find.
 */
static int64
replace_release(const char *table, const char *insert, int nargs, Oid *types,
				Datum *args)
{
	uint64		n;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	run(psprintf("DELETE FROM tpi_rules.%s WHERE release OPERATOR(pg_catalog.=) $1",
				 table),
		1, types, args, SPI_OK_DELETE);
	n = run(insert, nargs, types, args, SPI_OK_INSERT);
	run(psprintf("UPDATE tpi_rules.%s SET builtin = false"
				 " WHERE release OPERATOR(pg_catalog.=) $1", table),
		1, types, args, SPI_OK_UPDATE);
	SPI_finish();
	return (int64) n;
}

static int64
load_pprrvu_buffer(const char *data, size_t len, const char *source)
{
	TpiCsvReader *reader = palloc(sizeof(TpiCsvReader));
	TpiPprrvuInfo info;
	TpiCsvError err;
	RowVec		rows = {0};
	TpiRvuRow  *rvu;
	TpiRvuRow **sorted;
	Datum	   *v[11];
	bool	   *nulls[11];
	Datum		args[14];
	Oid			types[14];
	int			i;
	int			k;

	rows.elem_size = sizeof(TpiRvuRow);
	if (!tpi_pprrvu_parse(reader, data, len, &info, collect_rvu, &rows, &err))
		report_parse_error(&err, "PPRRVU", "tpi_rules.rvu", source);
	pfree(reader);
	rvu = (TpiRvuRow *) rows.rows;

	/* A code twice would break the primary key with a less useful message. */
	sorted = palloc(sizeof(TpiRvuRow *) * rows.n);
	for (i = 0; i < rows.n; i++)
		sorted[i] = &rvu[i];
	qsort(sorted, rows.n, sizeof(TpiRvuRow *), cmp_rvu);
	for (i = 1; i < rows.n; i++)
		if (strcmp(sorted[i]->hcpcs, sorted[i - 1]->hcpcs) == 0 &&
			strcmp(sorted[i]->modifier, sorted[i - 1]->modifier) == 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid PPRRVU file, line %d: HCPCS %s%s%s is also on line %d",
							sorted[i]->line, sorted[i]->hcpcs,
							sorted[i]->modifier[0] ? " modifier " : "",
							sorted[i]->modifier, sorted[i - 1]->line),
					 errdetail("Nothing was loaded from %s; tpi_rules.rvu is unchanged.",
							   source)));

	for (k = 0; k < 11; k++)
	{
		v[k] = palloc(sizeof(Datum) * rows.n);
		nulls[k] = palloc0(sizeof(bool) * rows.n);
	}
	for (i = 0; i < rows.n; i++)
	{
		const TpiRvuRow *r = &rvu[i];

		v[0][i] = CStringGetTextDatum(r->hcpcs);
		v[1][i] = CStringGetTextDatum(r->modifier);
		v[2][i] = CStringGetTextDatum(r->status);
		for (k = 0; k < 4; k++)
		{
			if (r->rvu_null[k])
				nulls[3 + k][i] = true;
			else
				v[3 + k][i] = fixed_numeric(r->rvu[k], 2);
		}
		v[7][i] = BoolGetDatum(r->nonfacility_na);
		v[8][i] = BoolGetDatum(r->facility_na);
		if (r->global_days[0] == '\0')
			nulls[9][i] = true;
		else
			v[9][i] = CStringGetTextDatum(r->global_days);
		if (r->bilateral < 0)
			nulls[10][i] = true;
		else
			v[10][i] = Int16GetDatum((int16) r->bilateral);
	}

	release_args(types, args, info.release, day_of(info.year, info.month, 1),
				 day_of(info.year, 12, 31));
	for (k = 0; k < 11; k++)
	{
		static const Oid elem[11] = {
			TEXTOID, TEXTOID, TEXTOID, NUMERICOID, NUMERICOID, NUMERICOID,
			NUMERICOID, BOOLOID, BOOLOID, TEXTOID, INT2OID
		};

		types[3 + k] = get_array_type(elem[k]);
		args[3 + k] = make_array(v[k], nulls[k], rows.n, elem[k]);
	}

	return replace_release("rvu",
						   "INSERT INTO tpi_rules.rvu (release, effective_from, effective_to,"
						   " hcpcs, modifier, status, work_rvu, pe_rvu_nonfacility,"
						   " pe_rvu_facility, mp_rvu, nonfacility_na, facility_na,"
						   " global_days, bilateral_indicator, confidence, builtin)"
						   " SELECT $1, $2, $3, u.h, u.m, u.s, u.w, u.pn, u.pf, u.mp, u.nn, u.fn,"
						   " u.g, u.b, 'loaded', true"
						   " FROM ROWS FROM (pg_catalog.unnest($4), pg_catalog.unnest($5),"
						   " pg_catalog.unnest($6), pg_catalog.unnest($7), pg_catalog.unnest($8),"
						   " pg_catalog.unnest($9), pg_catalog.unnest($10), pg_catalog.unnest($11),"
						   " pg_catalog.unnest($12), pg_catalog.unnest($13), pg_catalog.unnest($14))"
						   " AS u(h, m, s, w, pn, pf, mp, nn, fn, g, b)",
						   14, types, args);
}

static int64
load_gpci_buffer(const char *data, size_t len, const char *source)
{
	TpiCsvReader *reader = palloc(sizeof(TpiCsvReader));
	TpiGpciInfo info;
	TpiCsvError err;
	RowVec		rows = {0};
	TpiGpciRow *gpci;
	TpiGpciRow **sorted;
	Datum	   *v[6];
	Datum		args[9];
	Oid			types[9];
	int			enc = GetDatabaseEncoding();
	int			i;
	int			k;

	rows.elem_size = sizeof(TpiGpciRow);
	if (!tpi_gpci_parse(reader, data, len, &info, collect_gpci, &rows, &err))
		report_parse_error(&err, "GPCI", "tpi_rules.gpci", source);
	pfree(reader);
	gpci = (TpiGpciRow *) rows.rows;

	sorted = palloc(sizeof(TpiGpciRow *) * rows.n);
	for (i = 0; i < rows.n; i++)
	{
		sorted[i] = &gpci[i];
		if (!pg_verify_mbstr(enc, gpci[i].name, strlen(gpci[i].name), true))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid GPCI file, line %d: the locality name is not valid %s",
							gpci[i].line, GetDatabaseEncodingName()),
					 errdetail("Nothing was loaded from %s; tpi_rules.gpci is unchanged.",
							   source)));
	}
	qsort(sorted, rows.n, sizeof(TpiGpciRow *), cmp_gpci);
	for (i = 1; i < rows.n; i++)
		if (strcmp(sorted[i]->locality, sorted[i - 1]->locality) == 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid GPCI file, line %d: locality %s is also on line %d",
							sorted[i]->line, sorted[i]->locality, sorted[i - 1]->line),
					 errdetail("Nothing was loaded from %s; tpi_rules.gpci is unchanged.",
							   source)));

	for (k = 0; k < 6; k++)
		v[k] = palloc(sizeof(Datum) * rows.n);
	for (i = 0; i < rows.n; i++)
	{
		const TpiGpciRow *r = &gpci[i];

		v[0][i] = CStringGetTextDatum(r->locality);
		v[1][i] = CStringGetTextDatum(r->state);
		v[2][i] = CStringGetTextDatum(r->name);
		for (k = 0; k < 3; k++)
			v[3 + k][i] = fixed_numeric(r->gpci[k], 3);
	}
	release_args(types, args, info.release, day_of(info.year, 1, 1),
				 day_of(info.year, 12, 31));
	for (k = 0; k < 6; k++)
	{
		Oid			elem = k < 3 ? TEXTOID : NUMERICOID;

		types[3 + k] = get_array_type(elem);
		args[3 + k] = make_array(v[k], NULL, rows.n, elem);
	}

	return replace_release("gpci",
						   "INSERT INTO tpi_rules.gpci (release, effective_from, effective_to,"
						   " locality, state, locality_name, work_gpci, pe_gpci, mp_gpci, builtin)"
						   " SELECT $1, $2, $3, u.l, u.s, u.n, u.w, u.p, u.m, true"
						   " FROM ROWS FROM (pg_catalog.unnest($4), pg_catalog.unnest($5),"
						   " pg_catalog.unnest($6), pg_catalog.unnest($7), pg_catalog.unnest($8),"
						   " pg_catalog.unnest($9)) AS u(l, s, n, w, p, m)",
						   9, types, args);
}

/*
 * tpi_rules.load_pprrvu(path text) RETURNS bigint
 *
 * Loads CMS's PPRRVU CSV file at path (on the server) as the release its
 * banner names (RVU25A: the 2025 January release), replacing that
 * release's rows; returns the number of rows loaded.  STRICT.  Superusers
 * and pg_read_server_files only.  The file is read into the function's
 * memory context, freed at the end of the call.
 */
PG_FUNCTION_INFO_V1(tpi_load_pprrvu);
Datum
tpi_load_pprrvu(PG_FUNCTION_ARGS)
{
	char	   *path = text_to_cstring(PG_GETARG_TEXT_PP(0));
	char	   *data;
	size_t		len;

	tpi_check_read_privilege("load_pprrvu", "load_pprrvu_from_text");
	data = read_server_file(path, &len);
	PG_RETURN_INT64(load_pprrvu_buffer(data, len,
									   psprintf("file \"%s\"", path)));
}

/*
 * tpi_rules.load_pprrvu_from_text(content text) RETURNS bigint
 *
 * The same as load_pprrvu() for the file's content sent as text by the
 * client; needs only the privileges to change tpi_rules.rvu.  STRICT.
 */
PG_FUNCTION_INFO_V1(tpi_load_pprrvu_from_text);
Datum
tpi_load_pprrvu_from_text(PG_FUNCTION_ARGS)
{
	text	   *content = PG_GETARG_TEXT_PP(0);

	PG_RETURN_INT64(load_pprrvu_buffer(VARDATA_ANY(content),
									   VARSIZE_ANY_EXHDR(content),
									   "the text"));
}

/*
 * tpi_rules.load_gpci(path text) RETURNS bigint
 *
 * Loads CMS's GPCI file (PFS final rule addendum E) at path as release
 * GPCI<year>, effective that calendar year, replacing that release's
 * rows; returns the number of localities.  STRICT.  Superusers and
 * pg_read_server_files only.
 */
PG_FUNCTION_INFO_V1(tpi_load_gpci);
Datum
tpi_load_gpci(PG_FUNCTION_ARGS)
{
	char	   *path = text_to_cstring(PG_GETARG_TEXT_PP(0));
	char	   *data;
	size_t		len;

	tpi_check_read_privilege("load_gpci", "load_gpci_from_text");
	data = read_server_file(path, &len);
	PG_RETURN_INT64(load_gpci_buffer(data, len, psprintf("file \"%s\"", path)));
}

/*
 * tpi_rules.load_gpci_from_text(content text) RETURNS bigint
 *
 * The same as load_gpci() for the file's content sent as text.  STRICT.
 */
PG_FUNCTION_INFO_V1(tpi_load_gpci_from_text);
Datum
tpi_load_gpci_from_text(PG_FUNCTION_ARGS)
{
	text	   *content = PG_GETARG_TEXT_PP(0);

	PG_RETURN_INT64(load_gpci_buffer(VARDATA_ANY(content),
									 VARSIZE_ANY_EXHDR(content), "the text"));
}
