/*
 * frequency_agg.c
 *		The tpi_rules.frequency_check(date, text[], text) aggregate: its
 *		internal state (the group's TPI lines as date, region mask and an
 *		interned payer), combine, serialize and deserialize for parallel
 *		plans, and the final function that runs the frequency rules
 *		(engine/frequency.c) over the group.
 */
#include "rules.h"
#include "aggstate.h"
#include "muscle_parse.h"

#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

/*
 * Transition state: one entry per input row with a date; payer ids are
 * interned (a patient rarely has more than two).  Lives in the aggregate
 * context.
 */
typedef struct FreqEntry
{
	DateADT		dos;
	uint32		regions;
	int32		payer;			/* index into payers, -1 for NULL */
} FreqEntry;

#define FREQ_INLINE_ENTRIES 12
#define FREQ_INLINE_PAYERS 2

typedef struct FreqState
{
	MemoryContext mcxt;
	FreqEntry  *entries;		/* inline_entries until it outgrows them */
	int			n;
	int			cap;
	char	  **payers;			/* inline_payers until it outgrows them */
	int		   *payer_len;
	int			npayers;
	int			payers_cap;
	int			last_payer;		/* where the previous row's payer was */
	/* one allocation holds a typical patient's state */
	FreqEntry	inline_entries[FREQ_INLINE_ENTRIES];
	char	   *inline_payers[FREQ_INLINE_PAYERS];
	int			inline_payer_len[FREQ_INLINE_PAYERS];
} FreqState;

#define FREQ_STATE_VERSION 1

static FreqState *
freq_state_new(MemoryContext mcxt)
{
	FreqState  *st = MemoryContextAlloc(mcxt, sizeof(FreqState));

	st->mcxt = mcxt;
	st->entries = st->inline_entries;
	st->n = 0;
	st->cap = FREQ_INLINE_ENTRIES;
	st->payers = st->inline_payers;
	st->payer_len = st->inline_payer_len;
	st->npayers = 0;
	st->payers_cap = FREQ_INLINE_PAYERS;
	st->last_payer = -1;
	return st;
}

static int
freq_state_payer(FreqState *st, const char *p, int len)
{
	int			i;

	if (st->last_payer >= 0 && st->payer_len[st->last_payer] == len &&
		memcmp(st->payers[st->last_payer], p, len) == 0)
		return st->last_payer;
	for (i = 0; i < st->npayers; i++)
		if (st->payer_len[i] == len && memcmp(st->payers[i], p, len) == 0)
			return st->last_payer = i;
	if (st->npayers == st->payers_cap)
	{
		char	  **payers = MemoryContextAlloc(st->mcxt, 2 * st->payers_cap * sizeof(char *));
		int		   *lens = MemoryContextAlloc(st->mcxt, 2 * st->payers_cap * sizeof(int));

		memcpy(payers, st->payers, st->npayers * sizeof(char *));
		memcpy(lens, st->payer_len, st->npayers * sizeof(int));
		if (st->payers != st->inline_payers)
		{
			pfree(st->payers);
			pfree(st->payer_len);
		}
		st->payers = payers;
		st->payer_len = lens;
		st->payers_cap *= 2;
	}
	st->payers[st->npayers] = MemoryContextAlloc(st->mcxt, len + 1);
	memcpy(st->payers[st->npayers], p, len);
	st->payers[st->npayers][len] = '\0';
	st->payer_len[st->npayers] = len;
	return st->last_payer = st->npayers++;
}

static void
freq_state_add(FreqState *st, DateADT dos, uint32 regions, int32 payer)
{
	if (st->n == st->cap)
	{
		if (st->cap >= (int) (MaxAllocSize / sizeof(FreqEntry) / 2))
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("too many lines for one frequency_check group")));
		if (st->entries == st->inline_entries)
		{
			st->entries = MemoryContextAlloc(st->mcxt, 2 * st->cap * sizeof(FreqEntry));
			memcpy(st->entries, st->inline_entries, st->n * sizeof(FreqEntry));
		}
		else
			st->entries = repalloc(st->entries, 2 * st->cap * sizeof(FreqEntry));
		st->cap *= 2;
	}
	st->entries[st->n].dos = dos;
	st->entries[st->n].regions = regions;
	st->entries[st->n].payer = payer;
	st->n++;
}

/* Appends every entry of src to dst, re-interning src's payers. */
static void
freq_state_merge(FreqState *dst, const FreqState *src)
{
	int		   *map = palloc(Max(src->npayers, 1) * sizeof(int));
	int			i;

	for (i = 0; i < src->npayers; i++)
		map[i] = freq_state_payer(dst, src->payers[i], src->payer_len[i]);
	for (i = 0; i < src->n; i++)
		freq_state_add(dst, src->entries[i].dos, src->entries[i].regions,
					   src->entries[i].payer < 0 ? -1 : map[src->entries[i].payer]);
	pfree(map);
}

/*
 * The region mask of a regions text[], remembered per query (fn_extra) by
 * the array's bytes: regions() gives byte-identical arrays for equal
 * masks, and a query meets only a few distinct ones.  Direct-mapped.
 */
#define REGIONS_MEMO		64	/* a power of 2 */
#define REGIONS_MEMO_BYTES	96

typedef struct RegionsMemo
{
	struct
	{
		int			len;		/* 0: slot empty */
		uint32		mask;
		char		bytes[REGIONS_MEMO_BYTES];
	}			slot[REGIONS_MEMO];
} RegionsMemo;

static uint32
regions_mask(FunctionCallInfo fcinfo, Datum arr)
{
	RegionsMemo *m = (RegionsMemo *) fcinfo->flinfo->fn_extra;
	struct varlena *v = (struct varlena *) DatumGetPointer(arr);
	const char *bytes;
	int			len;
	int			s;
	uint32		mask;

	if (VARATT_IS_EXTERNAL(v) || VARATT_IS_COMPRESSED(v))
		return tpi_regions_from_array(arr, false);
	bytes = VARDATA_ANY(v);
	len = VARSIZE_ANY_EXHDR(v);
	if (len == 0 || len > REGIONS_MEMO_BYTES)
		return tpi_regions_from_array(arr, false);
	if (m == NULL)
	{
		m = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(RegionsMemo));
		fcinfo->flinfo->fn_extra = m;
	}
	s = (int) (mp_hash(bytes, len) & (REGIONS_MEMO - 1));
	if (m->slot[s].len == len && memcmp(m->slot[s].bytes, bytes, len) == 0)
		return m->slot[s].mask;
	mask = tpi_regions_from_array(arr, false);
	m->slot[s].len = len;
	m->slot[s].mask = mask;
	memcpy(m->slot[s].bytes, bytes, len);
	return mask;
}

/*
 * frequency_check_trans(state internal, date_of_service date,
 *						 regions text[], payer_id text) RETURNS internal
 *
 * Not strict.  A row with a NULL or infinite date is not a session and is
 * skipped (audit() reports it as input.invalid); NULL regions count as no
 * documented region; a NULL payer is judged as an unknown payer.
 */
PG_FUNCTION_INFO_V1(tpi_frequency_check_trans);
Datum
tpi_frequency_check_trans(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = tpi_agg_context(fcinfo, "frequency_check_trans");
	FreqState  *st = PG_ARGISNULL(0) ? NULL : (FreqState *) PG_GETARG_POINTER(0);
	DateADT		dos;
	uint32		regions;
	int32		payer = -1;

	if (PG_ARGISNULL(1) || DATE_NOT_FINITE(PG_GETARG_DATEADT(1)))
	{
		if (st == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(st);
	}
	dos = PG_GETARG_DATEADT(1);
	regions = PG_ARGISNULL(2) ? 0 : regions_mask(fcinfo, PG_GETARG_DATUM(2));
	if (st == NULL)
		st = freq_state_new(aggcontext);
	if (!PG_ARGISNULL(3))
	{
		text	   *t = PG_GETARG_TEXT_PP(3);

		payer = freq_state_payer(st, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
	}
	freq_state_add(st, dos, regions, payer);
	PG_RETURN_POINTER(st);
}

static void *
freq_new_state(MemoryContext aggcxt)
{
	return freq_state_new(aggcxt);
}

static void
freq_merge(void *into, const void *from)
{
	freq_state_merge((FreqState *) into, (const FreqState *) from);
}

/*
 * frequency_check_combine(internal, internal) RETURNS internal
 *
 * Not strict.  The result lives in the aggregate context: when the first
 * state is NULL the second is copied there, never passed through.
 */
PG_FUNCTION_INFO_V1(tpi_frequency_check_combine);
Datum
tpi_frequency_check_combine(PG_FUNCTION_ARGS)
{
	return tpi_agg_combine(fcinfo, "frequency_check_combine", freq_new_state,
						   freq_merge);
}

/*
 * frequency_check_serialize(internal) RETURNS bytea, STRICT
 *
 * Format: version byte, payer count, each payer as length + bytes, entry
 * count, each entry as date, region mask, payer index (-1: NULL).
 */
PG_FUNCTION_INFO_V1(tpi_frequency_check_serialize);
Datum
tpi_frequency_check_serialize(PG_FUNCTION_ARGS)
{
	FreqState  *st;
	StringInfoData buf;
	int			i;

	(void) tpi_agg_context(fcinfo, "frequency_check_serialize");
	st = (FreqState *) PG_GETARG_POINTER(0);
	pq_begintypsend(&buf);
	pq_sendbyte(&buf, FREQ_STATE_VERSION);
	pq_sendint32(&buf, st->npayers);
	for (i = 0; i < st->npayers; i++)
	{
		pq_sendint32(&buf, st->payer_len[i]);
		pq_sendbytes(&buf, st->payers[i], st->payer_len[i]);
	}
	pq_sendint32(&buf, st->n);
	for (i = 0; i < st->n; i++)
	{
		pq_sendint32(&buf, (uint32) st->entries[i].dos);
		pq_sendint32(&buf, st->entries[i].regions);
		pq_sendint32(&buf, (uint32) st->entries[i].payer);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/*
 * frequency_check_deserialize(bytea, internal) RETURNS internal, STRICT
 *
 * Checks every count against the bytes left before reading, so a damaged
 * value is an error, never an over-read.  The state is built in the
 * current (per-call) context; combine copies it into the aggregate's.
 */
PG_FUNCTION_INFO_V1(tpi_frequency_check_deserialize);
Datum
tpi_frequency_check_deserialize(PG_FUNCTION_ARGS)
{
	TpiStateReader r;
	FreqState  *st;
	int			npayers;
	int			n;
	int			i;

	tpi_state_read_begin(&r, fcinfo, "frequency_check_deserialize",
						 "frequency_check", FREQ_STATE_VERSION);
	st = freq_state_new(CurrentMemoryContext);
	npayers = (int) tpi_state_read_uint32(&r, "The payer count is missing.");
	if (npayers < 0 || npayers > tpi_state_left(&r) / 4)
		tpi_state_bad(&r, "The payer count does not fit the value.");
	for (i = 0; i < npayers; i++)
	{
		int			len;
		const char *p;

		len = (int) tpi_state_read_uint32(&r, "A payer length is missing.");
		if (len < 0 || len > tpi_state_left(&r))
			tpi_state_bad(&r, "A payer length does not fit the value.");
		p = pq_getmsgbytes(&r.buf, len);
		if (memchr(p, '\0', len) != NULL)
			tpi_state_bad(&r, "A payer id contains a zero byte.");
		if (freq_state_payer(st, p, len) != i)
			tpi_state_bad(&r, "A payer id appears twice.");
	}
	n = (int) tpi_state_read_uint32(&r, "The entry count is missing.");
	if (n < 0 || n != tpi_state_left(&r) / 12 || tpi_state_left(&r) % 12 != 0)
		tpi_state_bad(&r, "The entry count does not fit the value.");
	for (i = 0; i < n; i++)
	{
		DateADT		dos = (DateADT) pq_getmsgint(&r.buf, 4);
		uint32		regions = pq_getmsgint(&r.buf, 4);
		int32		payer = (int32) pq_getmsgint(&r.buf, 4);

		if (DATE_NOT_FINITE(dos) || !IS_VALID_DATE(dos))
			tpi_state_bad(&r, "A date is out of range.");
		if (regions >> TPI_NREGIONS != 0)
			tpi_state_bad(&r, "A region mask has unknown bits.");
		if (payer < -1 || payer >= npayers)
			tpi_state_bad(&r, "A payer index is out of range.");
		freq_state_add(st, dos, regions, payer);
	}
	pq_getmsgend(&r.buf);
	PG_RETURN_POINTER(st);
}

/*
 * frequency_check_final(internal) RETURNS tpi_rules.finding[]
 *
 * Not strict: no sessions gives an empty array.  Reads the state only (the
 * final function may run more than once when used as a window aggregate);
 * the result is built in the caller's memory context.  Findings carry no
 * claim_id/line_no: the aggregate's arguments name no line.
 */
PG_FUNCTION_INFO_V1(tpi_frequency_check_final);
Datum
tpi_frequency_check_final(PG_FUNCTION_ARGS)
{
	FindingOut *fo = tpi_finding_out_cached(fcinfo);
	FreqState  *st;
	FindingList fl;

	(void) tpi_agg_context(fcinfo, "frequency_check_final");
	st = PG_ARGISNULL(0) ? NULL : (FreqState *) PG_GETARG_POINTER(0);
	tpi_findings_init(&fl);
	if (st != NULL && st->n > 0)
	{
		FreqLine   *lines = palloc(st->n * sizeof(FreqLine));
		int			i;

		for (i = 0; i < st->n; i++)
		{
			lines[i].dos = st->entries[i].dos;
			lines[i].regions = st->entries[i].regions;
			lines[i].payer_id = st->entries[i].payer < 0 ? NULL :
				st->payers[st->entries[i].payer];
			lines[i].claim_id = NULL;
			lines[i].line_no = 0;
			lines[i].line_no_null = true;
			lines[i].no_line = true;
			lines[i].report = true;
		}
		tpi_check_frequency(lines, st->n, &fl);
	}
	PG_RETURN_DATUM(tpi_findings_array(fo, &fl));
}

