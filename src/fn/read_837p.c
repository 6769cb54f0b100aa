/*
 * read_837p.c
 *		read_837p(text) and read_837p_file(path): the service lines of an
 *		X12 837P file as tpi_rules.claim_line rows (SPEC section 11).
 *
 * The reading is x12_837p.c's; this file turns each service line into a
 * row of the claim_line type.  The columns are found by name in the row
 * type as it is now, so a column added to claim_line comes back NULL
 * instead of shifting the others.  Rows go into the materialized result's
 * tuplestore (which spills to disk beyond work_mem), and the result is
 * handed back only when the whole file has been read: a file that errors
 * returns nothing.  read_837p_file reads the file a megabyte at a time, so
 * its memory does not grow with the file.
 */
#include "tpi_rules.h"
#include "x12_837p.h"
#include "fn/server_file.h"

#include "catalog/pg_collation.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "storage/fd.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/formatting.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/tuplestore.h"

#define READ_CHUNK (1024 * 1024)

/* The claim_line columns an 837P fills; the others stay NULL. */
typedef enum Col
{
	COL_CLAIM_ID,
	COL_LINE_NO,
	COL_PATIENT_ID,
	COL_PAYER_ID,
	COL_PROVIDER_NPI,
	COL_DATE_OF_SERVICE,
	COL_HCPCS,
	COL_MODIFIERS,
	COL_UNITS,
	COL_ICD10,
	COL_PLACE_OF_SERVICE,
	COL_CLAIM_NOTE,
	COL_CHARGE,
	COL_NDC,
	NCOLS
} Col;

static const struct
{
	const char *name;
	Oid			type;
}			columns[NCOLS] =
{
	[COL_CLAIM_ID] = {"claim_id", TEXTOID},
	[COL_LINE_NO] = {"line_no", INT2OID},
	[COL_PATIENT_ID] = {"patient_id", TEXTOID},
	[COL_PAYER_ID] = {"payer_id", TEXTOID},
	[COL_PROVIDER_NPI] = {"provider_npi", TEXTOID},
	[COL_DATE_OF_SERVICE] = {"date_of_service", DATEOID},
	[COL_HCPCS] = {"hcpcs", TEXTOID},
	[COL_MODIFIERS] = {"modifiers", TEXTARRAYOID},
	[COL_UNITS] = {"units", INT4OID},
	[COL_ICD10] = {"icd10", TEXTARRAYOID},
	[COL_PLACE_OF_SERVICE] = {"place_of_service", TEXTOID},
	[COL_CLAIM_NOTE] = {"claim_note", TEXTOID},
	[COL_CHARGE] = {"charge", NUMERICOID},
	[COL_NDC] = {"ndc", TEXTOID},
};

typedef struct Sink
{
	Tuplestorestate *store;
	TupleDesc	desc;
	int			attno[NCOLS];	/* 0-based attribute, -1 when absent */
	int32		charge_typmod;
	bool		verify_text;	/* values come from a file, not a text */
	Datum	   *values;
	bool	   *nulls;
	MemoryContext rowcxt;
} Sink;

/* Finds the columns of the result row type by name, checking their types. */
static void
sink_init(Sink *sink, FunctionCallInfo fcinfo, bool verify_text)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	TupleDesc	desc;
	int			c,
				i;

	TPI_INIT_SRF(fcinfo);
	desc = rsinfo->setDesc;
	sink->store = rsinfo->setResult;
	sink->desc = desc;
	sink->charge_typmod = -1;
	sink->verify_text = verify_text;
	for (c = 0; c < NCOLS; c++)
	{
		sink->attno[c] = -1;
		for (i = 0; i < desc->natts; i++)
		{
			Form_pg_attribute att = TupleDescAttr(desc, i);

			if (att->attisdropped || strcmp(NameStr(att->attname), columns[c].name) != 0)
				continue;
			if (att->atttypid != columns[c].type)
				ereport(ERROR,
						(errcode(ERRCODE_DATATYPE_MISMATCH),
						 errmsg("column \"%s\" of tpi_rules.claim_line has type %s, not %s",
								columns[c].name, format_type_be(att->atttypid),
								format_type_be(columns[c].type)),
						 errhint("Restore the column's type: read_837p fills claim_line as the extension defines it.")));
			sink->attno[c] = i;
			if (c == COL_CHARGE)
				sink->charge_typmod = att->atttypmod;
		}
	}
	sink->values = palloc(sizeof(Datum) * Max(desc->natts, 1));
	sink->nulls = palloc(sizeof(bool) * Max(desc->natts, 1));
	sink->rowcxt = AllocSetContextCreate(CurrentMemoryContext, "read_837p row",
										 ALLOCSET_SMALL_SIZES);
}

static void
put(Sink *sink, Col c, Datum d)
{
	int			i = sink->attno[c];

	if (i >= 0)
	{
		sink->values[i] = d;
		sink->nulls[i] = false;
	}
}

/* A value from a file must be text of the database's encoding. */
static void
verify_text(Sink *sink, Col c, TpiX12Str s, const Tpi837pLine *line)
{
	if (sink->verify_text &&
		!pg_verify_mbstr(GetDatabaseEncoding(), s.p, (int) s.len, true))
		ereport(ERROR,
				(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
				 errmsg("invalid 837P file: the %s of the service line at segment %d (SV1) is not valid %s text",
						columns[c].name, line->segment, GetDatabaseEncodingName()),
				 errdetail("No service line was returned from the file.")));
}

static void
put_text(Sink *sink, Col c, TpiX12Str s, const Tpi837pLine *line)
{
	if (s.p == NULL || sink->attno[c] < 0)
		return;
	verify_text(sink, c, s, line);
	put(sink, c, PointerGetDatum(cstring_to_text_with_len(s.p, (int) s.len)));
}

/*
 * patient_id.  A dependent's is upper case (SPEC section 11): the reader
 * upper-cases ASCII; a name with other letters ("José") is upper-cased
 * here as upper() does, by the database's encoding and collation.
 */
static void
put_patient(Sink *sink, const Tpi837pLine *line)
{
	TpiX12Str	s = line->patient_id;
	size_t		i = 0;

	if (s.p == NULL || sink->attno[COL_PATIENT_ID] < 0)
		return;
	if (line->patient_upper)
		while (i < s.len && !IS_HIGHBIT_SET(s.p[i]))
			i++;
	if (!line->patient_upper || i == s.len)
	{
		put_text(sink, COL_PATIENT_ID, s, line);
		return;
	}
	verify_text(sink, COL_PATIENT_ID, s, line);
	put(sink, COL_PATIENT_ID,
		PointerGetDatum(cstring_to_text(str_toupper(s.p, s.len, DEFAULT_COLLATION_OID))));
}

static void
put_text_array(Sink *sink, Col c, const TpiX12Str *items, int n,
			   const Tpi837pLine *line)
{
	Datum		elems[TPI_837P_MAX_DX];
	int			i;

	if (sink->attno[c] < 0)
		return;
	for (i = 0; i < n; i++)
	{
		put_text(sink, c, items[i], line);
		elems[i] = sink->values[sink->attno[c]];
	}
	sink->nulls[sink->attno[c]] = true;
	put(sink, c, PointerGetDatum(construct_array(elems, n, TEXTOID, -1, false,
												 TYPALIGN_INT)));
}

/* x12_837p.c's callback: one service line into one row. */
static void
emit_line(void *arg, const Tpi837pLine *line)
{
	Sink	   *sink = (Sink *) arg;
	MemoryContext old = MemoryContextSwitchTo(sink->rowcxt);
	int			i;

	CHECK_FOR_INTERRUPTS();
	for (i = 0; i < sink->desc->natts; i++)
		sink->nulls[i] = true;
	put_text(sink, COL_CLAIM_ID, line->claim_id, line);
	put(sink, COL_LINE_NO, Int16GetDatum((int16) line->line_no));
	put_patient(sink, line);
	put_text(sink, COL_PAYER_ID, line->payer_id, line);
	put_text(sink, COL_PROVIDER_NPI, line->provider_npi, line);
	if (line->has_date)
		put(sink, COL_DATE_OF_SERVICE,
			DateADTGetDatum(date2j(line->year, line->month, line->day) - POSTGRES_EPOCH_JDATE));
	put_text(sink, COL_HCPCS, line->hcpcs, line);
	if (line->nmodifiers > 0)
		put_text_array(sink, COL_MODIFIERS, line->modifiers, line->nmodifiers, line);
	if (line->has_units)
		put(sink, COL_UNITS, Int32GetDatum(line->units));
	if (line->has_pointers)
		put_text_array(sink, COL_ICD10, line->icd10, line->ndx, line);
	put_text(sink, COL_PLACE_OF_SERVICE, line->place_of_service, line);
	put_text(sink, COL_CLAIM_NOTE, line->claim_note, line);
	if (line->charge.p && sink->attno[COL_CHARGE] >= 0)
	{
		char		buf[TPI_837P_MAX_VALUE + 1];

		/* checked by the reader: [-]digits[.digits], <= 10 integer digits */
		memcpy(buf, line->charge.p, line->charge.len);
		buf[line->charge.len] = '\0';
		put(sink, COL_CHARGE,
			DirectFunctionCall3(numeric_in, CStringGetDatum(buf),
								ObjectIdGetDatum(InvalidOid),
								Int32GetDatum(sink->charge_typmod)));
	}
	put_text(sink, COL_NDC, line->ndc, line);
	tuplestore_putvalues(sink->store, sink->desc, sink->values, sink->nulls);
	MemoryContextSwitchTo(old);
	MemoryContextReset(sink->rowcxt);
}

static void
report_error(const Tpi837pError *err, const char *source)
{
	if (err->segment == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid 837P file: %s", err->msg),
				 errdetail("No service line was returned from %s.", source)));
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid 837P file at segment %d (%s), byte offset %zu: %s",
					err->segment, err->segment_id[0] ? err->segment_id : "?",
					err->offset, err->msg),
			 errdetail("No service line was returned from %s.", source),
			 errhint("read_837p reads X12 837P professional claims (005010X222A1 or A2): ISA, GS, ST, the claim loops, SE, GE, IEA.")));
}

/*
 * tpi_rules.read_837p(content text) RETURNS SETOF tpi_rules.claim_line
 *
 * One row per service line of the 837P file whose content is given, in
 * file order.  STRICT.  ERROR 22P02 naming the segment for anything that
 * is not an 837P interchange; then no row is returned.  Rows live in the
 * materialized result (per-query memory, spilling beyond work_mem).
 */
PG_FUNCTION_INFO_V1(tpi_read_837p);
Datum
tpi_read_837p(PG_FUNCTION_ARGS)
{
	text	   *content = PG_GETARG_TEXT_PP(0);
	Tpi837pReader *reader = palloc(sizeof(Tpi837pReader));
	Tpi837pError err;
	Sink		sink;

	sink_init(&sink, fcinfo, false);
	if (tpi_837p_parse(reader, VARDATA_ANY(content), VARSIZE_ANY_EXHDR(content),
					   emit_line, &sink, &err) < 0)
		report_error(&err, "the text");
	return (Datum) 0;
}

/*
 * tpi_rules.read_837p_file(path text) RETURNS SETOF tpi_rules.claim_line
 *
 * read_837p() of a file on the server, read a megabyte at a time.
 * STRICT.  Superusers and pg_read_server_files only (ERROR 42501).
 */
PG_FUNCTION_INFO_V1(tpi_read_837p_file);
Datum
tpi_read_837p_file(PG_FUNCTION_ARGS)
{
	char	   *path = text_to_cstring(PG_GETARG_TEXT_PP(0));
	Tpi837pReader *reader = palloc(sizeof(Tpi837pReader));
	size_t		cap = READ_CHUNK + TPI_837P_MAX_SEGMENT;
	char	   *buf = palloc(cap);
	size_t		have = 0,
				size;
	bool		final = false;
	Tpi837pError err;
	Sink		sink;
	FILE	   *f;

	tpi_check_read_privilege("read_837p_file", "read_837p");
	f = tpi_open_server_file(path, &size);
	sink_init(&sink, fcinfo, true);
	tpi_837p_init(reader, emit_line, &sink);
	while (!final)
	{
		size_t		n = fread(buf + have, 1, cap - have, f);
		long		used;

		if (ferror(f))
			ereport(ERROR,
					(errcode_for_file_access(),
					 errmsg("could not read file \"%s\": %m", path)));
		have += n;
		final = feof(f);
		used = tpi_837p_feed(reader, buf, have, final, &err);
		if (used < 0)
			report_error(&err, psprintf("file \"%s\"", path));
		if (!final)
		{
			/* the reader leaves less than TPI_837P_MAX_SEGMENT bytes */
			memmove(buf, buf + used, have - used);
			have -= used;
		}
		CHECK_FOR_INTERRUPTS();
	}
	FreeFile(f);
	return (Datum) 0;
}
