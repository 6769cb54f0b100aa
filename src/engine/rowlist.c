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

static void *
rowlist_new_state(MemoryContext aggcxt)
{
	return tpi_rowlist_new(aggcxt);
}

static void
rowlist_merge(void *into, const void *from)
{
	TpiRowList *a = (TpiRowList *) into;
	const TpiRowList *b = (const TpiRowList *) from;
	int			i;

	AssertCheckRowList(a);
	AssertCheckRowList(b);
	for (i = 0; i < b->n; i++)
		tpi_rowlist_add(a, b->rows[i].tuple, b->rows[i].len);
	AssertCheckRowList(a);
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
	return tpi_agg_combine(fcinfo, "rowlist_combine", rowlist_new_state,
						   rowlist_merge);
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

/*
 * Deserialize, STRICT.  Built in the current (per-call) context; combine
 * copies it into the aggregate's.
 */
PG_FUNCTION_INFO_V1(tpi_rowlist_deserialize);
Datum
tpi_rowlist_deserialize(PG_FUNCTION_ARGS)
{
	TpiStateReader r;
	TpiRowList *rl;
	int			n;
	int			i;

	tpi_state_read_begin(&r, fcinfo, "rowlist_deserialize", "aggregate",
						 ROWLIST_FORMAT);
	n = (int) tpi_state_read_uint32(&r, "The row count is missing.");
	if (n < 0 || n > tpi_state_left(&r) / 4)
		tpi_state_bad(&r, "The row count does not fit the value.");
	rl = tpi_rowlist_new(CurrentMemoryContext);
	for (i = 0; i < n; i++)
	{
		uint32		len;
		const char *p;
		HeapTupleHeaderData hdr;

		len = tpi_state_read_uint32(&r, "A row length is missing.");
		if (len < SizeofHeapTupleHeader || len > (uint32) tpi_state_left(&r))
			tpi_state_bad(&r, "A row length does not fit the value.");
		p = pq_getmsgbytes(&r.buf, len);
		/* the bytes need not be aligned: look at a copy of the header */
		memcpy(&hdr, p, SizeofHeapTupleHeader);
		if (VARSIZE(&hdr) != len || hdr.t_hoff < SizeofHeapTupleHeader ||
			hdr.t_hoff > len)
			tpi_state_bad(&r, "A row is not a composite value of its length.");
		tpi_rowlist_add(rl, p, len);
	}
	pq_getmsgend(&r.buf);
	AssertCheckRowList(rl);
	PG_RETURN_POINTER(rl);
}
