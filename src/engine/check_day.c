/*
 * check_day.c
 *		The check_day(claim_line) aggregate (SPEC section 5): collects one
 *		patient's lines of one date and runs the day rules (rules_day.c)
 *		over them in its final function.
 */
#include "tpi_rules.h"

#include "access/htup_details.h"
#include "libpq/pqformat.h"
#include "utils/memutils.h"

/* ------------------------------------------------------------------------
 * The check_day(claim_line) aggregate
 *
 * The state is a growable vector of the group's rows, each a flat copy of
 * the claim_line composite in the aggregate context: appending is O(1)
 * amortised and nothing but the rows themselves stays in memory (the
 * earlier claim_line[] state was copied whole per row, and each copy stayed
 * in the aggregate context until the group ended: quadratic in time and
 * memory).  No memory context per group, so hash aggregation over many
 * groups does not walk thousands of contexts when it checks its memory.
 * Serialised for parallel workers as a format byte, the row count and each
 * row's length and bytes.
 * ------------------------------------------------------------------------
 */
#define DAY_STATE_FORMAT 1

typedef struct DayState
{
	int			n;
	int			cap;
	HeapTupleHeader *rows;		/* flat copies in the aggregate context */
} DayState;

/* tdigest-style invariant check at the entry and exit of support functions */
static inline void
AssertCheckDayState(const DayState *st)
{
#ifdef USE_ASSERT_CHECKING
	int			i;

	Assert(st->n >= 0 && st->n <= st->cap && st->rows != NULL);
	for (i = 0; i < st->n; i++)
		Assert(HeapTupleHeaderGetDatumLength(st->rows[i]) >= SizeofHeapTupleHeader);
#endif
}

static DayState *
day_state_new(MemoryContext cxt)
{
	DayState   *st = MemoryContextAlloc(cxt, sizeof(DayState));

	st->n = 0;
	st->cap = 4;
	st->rows = MemoryContextAlloc(cxt, st->cap * sizeof(HeapTupleHeader));
	return st;
}

/* Appends a copy of the len bytes at row, in cxt. */
static void
day_state_add(DayState *st, MemoryContext cxt, const void *row, Size len)
{
	HeapTupleHeader copy;

	if (st->n == st->cap)
	{
		if (st->cap >= (int) (MaxAllocSize / sizeof(HeapTupleHeader) / 2))
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("check_day() cannot collect more than %d lines in one group",
							st->cap),
					 errhint("Group by patient_id and date_of_service.")));
		st->cap *= 2;
		st->rows = repalloc(st->rows, st->cap * sizeof(HeapTupleHeader));
	}
	copy = MemoryContextAlloc(cxt, len);
	memcpy(copy, row, len);
	st->rows[st->n++] = copy;
}

/*
 * tpi_rules.check_day_accum(internal, tpi_rules.claim_line) RETURNS internal
 *
 * Transition function: appends a flat copy of the row (detoasted) to the
 * state, created in the aggregate context on the first row.  NULL rows are
 * skipped.
 */
PG_FUNCTION_INFO_V1(tpi_check_day_accum);
Datum
tpi_check_day_accum(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt = tpi_agg_context(fcinfo, "check_day_accum");
	DayState   *st = PG_ARGISNULL(0) ? NULL : (DayState *) PG_GETARG_POINTER(0);

	if (st == NULL)
		st = day_state_new(aggcxt);
	AssertCheckDayState(st);
	if (!PG_ARGISNULL(1))
	{
		HeapTupleHeader row = PG_GETARG_HEAPTUPLEHEADER(1);

		day_state_add(st, aggcxt, row, HeapTupleHeaderGetDatumLength(row));
	}
	AssertCheckDayState(st);
	PG_RETURN_POINTER(st);
}

/*
 * tpi_rules.check_day_combine(internal, internal) RETURNS internal
 *
 * Appends the second state's rows to the first; a NULL first state becomes
 * a copy of the second in the aggregate context (never the argument).
 */
PG_FUNCTION_INFO_V1(tpi_check_day_combine);
Datum
tpi_check_day_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt = tpi_agg_context(fcinfo, "check_day_combine");
	DayState   *a = PG_ARGISNULL(0) ? NULL : (DayState *) PG_GETARG_POINTER(0);
	DayState   *b = PG_ARGISNULL(1) ? NULL : (DayState *) PG_GETARG_POINTER(1);
	int			i;

	if (b == NULL)
	{
		if (a == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(a);
	}
	if (a == NULL)
		a = day_state_new(aggcxt);
	AssertCheckDayState(a);
	AssertCheckDayState(b);
	for (i = 0; i < b->n; i++)
		day_state_add(a, aggcxt, b->rows[i],
					  HeapTupleHeaderGetDatumLength(b->rows[i]));
	AssertCheckDayState(a);
	PG_RETURN_POINTER(a);
}

/*
 * tpi_rules.check_day_serialize(internal) RETURNS bytea, STRICT
 */
PG_FUNCTION_INFO_V1(tpi_check_day_serialize);
Datum
tpi_check_day_serialize(PG_FUNCTION_ARGS)
{
	DayState   *st = (DayState *) PG_GETARG_POINTER(0);
	StringInfoData buf;
	int			i;

	(void) tpi_agg_context(fcinfo, "check_day_serialize");
	pq_begintypsend(&buf);
	pq_sendbyte(&buf, DAY_STATE_FORMAT);
	pq_sendint32(&buf, st->n);
	for (i = 0; i < st->n; i++)
	{
		uint32		len = HeapTupleHeaderGetDatumLength(st->rows[i]);

		pq_sendint32(&buf, len);
		pq_sendbytes(&buf, (char *) st->rows[i], len);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/*
 * tpi_rules.check_day_deserialize(bytea, internal) RETURNS internal, STRICT
 *
 * Checks the format byte, every length against what is left and the
 * varlena length each row carries, and that nothing is left over.
 */
PG_FUNCTION_INFO_V1(tpi_check_day_deserialize);
Datum
tpi_check_day_deserialize(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt = tpi_agg_context(fcinfo, "check_day_deserialize");
	bytea	   *data = PG_GETARG_BYTEA_PP(0);
	StringInfoData buf;
	DayState   *st;
	int			n,
				i;

	buf.data = VARDATA_ANY(data);
	buf.len = VARSIZE_ANY_EXHDR(data);
	buf.maxlen = buf.len;
	buf.cursor = 0;
	if (pq_getmsgbyte(&buf) != DAY_STATE_FORMAT)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("check_day state has an unknown format")));
	n = pq_getmsgint(&buf, 4);
	if (n < 0 || n > (buf.len - buf.cursor) / 4)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("check_day state claims %d rows", n)));
	st = day_state_new(aggcxt);
	for (i = 0; i < n; i++)
	{
		uint32		len = pq_getmsgint(&buf, 4);
		const char *row;

		if (len < SizeofHeapTupleHeader || len > (uint32) (buf.len - buf.cursor))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("check_day state row %d has a bad length", i + 1)));
		row = pq_getmsgbytes(&buf, len);
		day_state_add(st, aggcxt, row, len);
		if (HeapTupleHeaderGetDatumLength(st->rows[i]) != len)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("check_day state row %d has a bad length", i + 1)));
	}
	pq_getmsgend(&buf);
	AssertCheckDayState(st);
	PG_RETURN_POINTER(st);
}

/*
 * tpi_rules.check_day_final(internal) RETURNS tpi_rules.finding[]
 *
 * Final function of check_day(): the day rules over the collected lines.
 * A NULL state (no rows) and a day without findings both give '{}'.  The
 * result and the decoded lines are palloc'd in the caller's context; the
 * FindingOut is cached in fn_extra.  Does not modify the state, so it is
 * safe to call again when the aggregate is used as a window function.
 */
PG_FUNCTION_INFO_V1(tpi_check_day_final);
Datum
tpi_check_day_final(PG_FUNCTION_ARGS)
{
	FindingOut *fo = fcinfo->flinfo->fn_extra;
	FindingList fl;
	DayState   *st;
	ClaimLine **lines;
	ClaimLine  *buf;
	MemoryContext caller = CurrentMemoryContext;
	MemoryContext work;
	Datum		result;
	int			i;

	if (fo == NULL)
	{
		fo = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(FindingOut));
		tpi_finding_out_init(fo, tpi_finding_typid_from_fcinfo(fcinfo),
							 fcinfo->flinfo->fn_mcxt);
		fcinfo->flinfo->fn_extra = fo;
	}
	tpi_findings_init(&fl);
	if (PG_ARGISNULL(0))
		PG_RETURN_DATUM(tpi_findings_array(fo, &fl));

	/*
	 * The decoded lines and the findings live in a work context that is
	 * gone before the result is handed back: only the array stays.
	 */
	st = (DayState *) PG_GETARG_POINTER(0);
	AssertCheckDayState(st);
	work = AllocSetContextCreate(caller, "check_day final", ALLOCSET_DEFAULT_SIZES);
	MemoryContextSwitchTo(work);
	tpi_findings_init(&fl);
	lines = palloc(Max(st->n, 1) * sizeof(ClaimLine *));
	buf = palloc(Max(st->n, 1) * sizeof(ClaimLine));
	for (i = 0; i < st->n; i++)
	{
		lines[i] = &buf[i];
		tpi_claim_from_datum(PointerGetDatum(st->rows[i]), lines[i]);
	}
	tpi_check_day_rules(lines, st->n, &fl);
	MemoryContextSwitchTo(caller);
	result = tpi_findings_array(fo, &fl);
	MemoryContextDelete(work);
	PG_RETURN_DATUM(result);
}
