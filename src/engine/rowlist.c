/*
 * rowlist.c
 *		The row-collecting aggregate state of rowlist.h and its four
 *		support functions:
 *
 *		tpi_rules.rowlist_trans(internal, anyelement) RETURNS internal
 *		tpi_rules.rowlist_combine(internal, internal) RETURNS internal
 *		tpi_rules.rowlist_serialize(internal) RETURNS bytea
 *		tpi_rules.rowlist_deserialize(bytea, internal) RETURNS internal
 *
 * (the SQL names are the aggregates' own, e.g. check_day_accum; the C
 * functions are these).  NULL rows are skipped.  Serialised as a format
 * byte, the row count, then each row's length and bytes; deserialize
 * checks every length against what is left and each row against its own
 * composite header, so a damaged value is an ERROR, never an over-read.
 */
#include "rowlist.h"

#include "access/htup_details.h"
#include "libpq/pqformat.h"
#include "utils/memutils.h"

#define ROWLIST_FORMAT		1
#define ROWLIST_MIN_BLOCK	1024
#define ROWLIST_MAX_BLOCK	(1024 * 1024)

/* tdigest-style invariant check at the entry and exit of the functions */
static inline void
AssertCheckRowList(const TpiRowList *rl)
{
#ifdef USE_ASSERT_CHECKING
	int			i;

	Assert(rl->n >= 0 && rl->n <= rl->cap);
	Assert(rl->block_used <= rl->block_size);
	for (i = 0; i < rl->n; i++)
		Assert(HeapTupleHeaderGetDatumLength(rl->rows[i].tuple) == rl->rows[i].len);
#endif
}

TpiRowList *
tpi_rowlist_new(MemoryContext mcxt)
{
	TpiRowList *rl = MemoryContextAllocZero(mcxt, sizeof(TpiRowList));

	rl->mcxt = mcxt;
	return rl;
}

void
tpi_rowlist_add(TpiRowList *rl, const void *data, uint32 len)
{
	Size		need = MAXALIGN(len);
	TpiRow	   *r;

	if (rl->n == rl->cap)
	{
		if ((Size) rl->cap >= MaxAllocHugeSize / sizeof(TpiRow) / 2)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("too many rows in one aggregate group")));
		rl->cap = rl->cap ? 2 * rl->cap : 8;
		rl->rows = rl->rows ?
			repalloc_huge(rl->rows, rl->cap * sizeof(TpiRow)) :
			MemoryContextAlloc(rl->mcxt, rl->cap * sizeof(TpiRow));
	}
	if (rl->block == NULL || rl->block_used + need > rl->block_size)
	{
		Size		size = rl->block_size ?
			Min(2 * rl->block_size, ROWLIST_MAX_BLOCK) : ROWLIST_MIN_BLOCK;

		size = Max(size, need);
		rl->block = MemoryContextAllocHuge(rl->mcxt, size);
		rl->block_size = size;
		rl->block_used = 0;
	}
	r = &rl->rows[rl->n++];
	r->tuple = (HeapTupleHeader) (rl->block + rl->block_used);
	r->len = len;
	memcpy(r->tuple, data, len);
	rl->block_used += need;
}

/*
 * Transition: a copy of the row (detoasted) joins the state, which is
 * created in the aggregate context on the first call.
 */
PG_FUNCTION_INFO_V1(tpi_rowlist_trans);
Datum
tpi_rowlist_trans(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt = tpi_agg_context(fcinfo, "rowlist_trans");
	TpiRowList *rl = PG_ARGISNULL(0) ? NULL : (TpiRowList *) PG_GETARG_POINTER(0);

	if (PG_ARGISNULL(1))
	{
		if (rl == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(rl);
	}
	if (rl == NULL)
		rl = tpi_rowlist_new(aggcxt);
	AssertCheckRowList(rl);
	{
		HeapTupleHeader th = PG_GETARG_HEAPTUPLEHEADER(1);

		tpi_rowlist_add(rl, th, HeapTupleHeaderGetDatumLength(th));
	}
	AssertCheckRowList(rl);
	PG_RETURN_POINTER(rl);
}

/*
 * Combine: the second state's rows join the first; a NULL first state
 * becomes a copy of the second in the aggregate context (never the
 * argument itself).
 */
PG_FUNCTION_INFO_V1(tpi_rowlist_combine);
Datum
tpi_rowlist_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt = tpi_agg_context(fcinfo, "rowlist_combine");
	TpiRowList *a = PG_ARGISNULL(0) ? NULL : (TpiRowList *) PG_GETARG_POINTER(0);
	TpiRowList *b = PG_ARGISNULL(1) ? NULL : (TpiRowList *) PG_GETARG_POINTER(1);
	int			i;

	if (b == NULL)
	{
		if (a == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(a);
	}
	if (a == NULL)
		a = tpi_rowlist_new(aggcxt);
	AssertCheckRowList(a);
	AssertCheckRowList(b);
	for (i = 0; i < b->n; i++)
		tpi_rowlist_add(a, b->rows[i].tuple, b->rows[i].len);
	AssertCheckRowList(a);
	PG_RETURN_POINTER(a);
}

/* Serialize, STRICT. */
PG_FUNCTION_INFO_V1(tpi_rowlist_serialize);
Datum
tpi_rowlist_serialize(PG_FUNCTION_ARGS)
{
	TpiRowList *rl;
	StringInfoData buf;
	int			i;

	(void) tpi_agg_context(fcinfo, "rowlist_serialize");
	rl = (TpiRowList *) PG_GETARG_POINTER(0);
	AssertCheckRowList(rl);
	pq_begintypsend(&buf);
	pq_sendbyte(&buf, ROWLIST_FORMAT);
	pq_sendint32(&buf, rl->n);
	for (i = 0; i < rl->n; i++)
	{
		pq_sendint32(&buf, rl->rows[i].len);
		pq_sendbytes(&buf, (const char *) rl->rows[i].tuple, rl->rows[i].len);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

static void
bad_state(const char *why)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid aggregate state"),
			 errdetail("%s", why)));
}

/*
 * Deserialize, STRICT.  Built in the current (per-call) context; combine
 * copies it into the aggregate's.
 */
PG_FUNCTION_INFO_V1(tpi_rowlist_deserialize);
Datum
tpi_rowlist_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *raw;
	StringInfoData buf;
	TpiRowList *rl;
	int			n;
	int			i;

	(void) tpi_agg_context(fcinfo, "rowlist_deserialize");
	raw = PG_GETARG_BYTEA_PP(0);
	buf.data = VARDATA_ANY(raw);
	buf.len = VARSIZE_ANY_EXHDR(raw);
	buf.maxlen = buf.len;
	buf.cursor = 0;

	if (buf.len < 1 || pq_getmsgbyte(&buf) != ROWLIST_FORMAT)
		bad_state("The format version is not 1.");
	if (buf.len - buf.cursor < 4)
		bad_state("The row count is missing.");
	n = (int) pq_getmsgint(&buf, 4);
	if (n < 0 || n > (buf.len - buf.cursor) / 4)
		bad_state("The row count does not fit the value.");
	rl = tpi_rowlist_new(CurrentMemoryContext);
	for (i = 0; i < n; i++)
	{
		uint32		len;
		const char *p;
		HeapTupleHeaderData hdr;

		if (buf.len - buf.cursor < 4)
			bad_state("A row length is missing.");
		len = pq_getmsgint(&buf, 4);
		if (len < SizeofHeapTupleHeader || len > (uint32) (buf.len - buf.cursor))
			bad_state("A row length does not fit the value.");
		p = pq_getmsgbytes(&buf, len);
		/* the bytes need not be aligned: look at a copy of the header */
		memcpy(&hdr, p, SizeofHeapTupleHeader);
		if (VARSIZE(&hdr) != len || hdr.t_hoff < SizeofHeapTupleHeader ||
			hdr.t_hoff > len)
			bad_state("A row is not a composite value of its length.");
		tpi_rowlist_add(rl, p, len);
	}
	pq_getmsgend(&buf);
	AssertCheckRowList(rl);
	PG_RETURN_POINTER(rl);
}
