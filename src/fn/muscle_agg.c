/*
 * muscle_agg.c
 *		The aggregates muscle_count_agg(text) and pick_code_agg(text), with
 *		combine, serialize and deserialize for parallel plans.
 */
#include "muscles_int.h"
#include "aggstate.h"

#include "access/tupmacs.h"
#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "libpq/pqformat.h"

/* Format of the serialised aggregate state; bump on any change. */
#define MUSCLE_AGG_VERSION 1
/* ------------------------------------------------------------------------
 * Aggregates: muscle_count_agg(text), pick_code_agg(text)
 *
 * The state is a tally whose keys and strings live in the aggregate
 * context; it carries names, never catalogue indexes, so states built in
 * parallel workers combine without regard to their catalogue copies.
 * ------------------------------------------------------------------------
 */
typedef struct MuscleAggState
{
	MpTally		tally;
} MuscleAggState;

static MuscleAggState *
agg_state_new(MemoryContext aggcontext)
{
	MuscleAggState *st = MemoryContextAlloc(aggcontext, sizeof(MuscleAggState));
	MpAlloc		alloc;

	alloc = tpi_mp_alloc_in(aggcontext);
	mp_tally_init(&st->tally, &alloc, true);
	return st;
}

/* tpi_agg_combine()'s callbacks */
static void *
agg_state_new_cb(MemoryContext aggcontext)
{
	return agg_state_new(aggcontext);
}

static void
agg_state_merge(void *into, const void *from)
{
	mp_tally_merge(&((MuscleAggState *) into)->tally,
				   &((const MuscleAggState *) from)->tally);
}

/*
 * tpi_rules.muscle_agg_trans(state internal, entry text) RETURNS internal
 *
 * Not STRICT: the state is created in the aggregate context on the first
 * call; a NULL entry leaves it as it is.
 */
PG_FUNCTION_INFO_V1(tpi_muscle_agg_trans);
Datum
tpi_muscle_agg_trans(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = tpi_agg_context(fcinfo, "muscle_agg_trans");
	MuscleAggState *st;

	st = PG_ARGISNULL(0) ? NULL : (MuscleAggState *) PG_GETARG_POINTER(0);
	if (st == NULL)
		st = agg_state_new(aggcontext);
	if (!PG_ARGISNULL(1))
	{
		TallyTarget tt = {&st->tally, false, false, false};
		WorkBuf		wb;

		wb.heap = NULL;
		wb.heapsize = 0;
		tpi_tally_text(tpi_current_muscle_catalogue(), PG_GETARG_TEXT_PP(1), &wb, &tt);
		tpi_work_done(&wb);
	}
	PG_RETURN_POINTER(st);
}

/*
 * tpi_rules.muscle_agg_combine(a internal, b internal) RETURNS internal
 *
 * Not STRICT.  Merges b into a; when a is NULL, b is copied into the
 * aggregate context (never returned as it is: it may live elsewhere).
 */
PG_FUNCTION_INFO_V1(tpi_muscle_agg_combine);
Datum
tpi_muscle_agg_combine(PG_FUNCTION_ARGS)
{
	return tpi_agg_combine(fcinfo, "muscle_agg_combine", agg_state_new_cb,
						   agg_state_merge);
}

/*
 * tpi_rules.muscle_agg_serialize(state internal) RETURNS bytea, STRICT
 *
 * Version byte, the entry counters, the region mask, then every key as
 * flag byte, side byte, int32 length and the bytes.
 */
PG_FUNCTION_INFO_V1(tpi_muscle_agg_serialize);
Datum
tpi_muscle_agg_serialize(PG_FUNCTION_ARGS)
{
	MuscleAggState *st;
	StringInfoData buf;
	const MpTallySlot *slots;
	uint32		nslots;
	uint32		i;

	st = (MuscleAggState *) PG_GETARG_POINTER(0);
	pq_begintypsend(&buf);
	pq_sendbyte(&buf, MUSCLE_AGG_VERSION);
	pq_sendint64(&buf, st->tally.nentries);
	pq_sendint64(&buf, st->tally.nmuscle);
	pq_sendint64(&buf, st->tally.ngroup);
	pq_sendint64(&buf, st->tally.nregion);
	pq_sendint64(&buf, st->tally.nunknown);
	pq_sendint32(&buf, st->tally.regions);
	pq_sendint32(&buf, st->tally.n);
	slots = mp_tally_slots(&st->tally, &nslots);
	for (i = 0; i < nslots; i++)
	{
		const MpTallySlot *s = &slots[i];

		if (s->str == NULL)
			continue;
		pq_sendbyte(&buf, s->flag & 0x7f);
		pq_sendbyte(&buf, s->side);
		pq_sendint32(&buf, s->len);
		pq_sendbytes(&buf, s->str, s->len);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

static void
bad_state(const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid muscle aggregate state"),
			 errdetail("%s", detail)));
}

/*
 * tpi_rules.muscle_agg_deserialize(data bytea, internal) RETURNS internal,
 * STRICT
 *
 * Rebuilds a state in the aggregate context; every size is checked
 * against the bytes left, and trailing bytes are an error.
 */
PG_FUNCTION_INFO_V1(tpi_muscle_agg_deserialize);
Datum
tpi_muscle_agg_deserialize(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = tpi_agg_context(fcinfo, "muscle_agg_deserialize");
	bytea	   *data = PG_GETARG_BYTEA_PP(0);
	StringInfoData buf;
	MuscleAggState *st;
	int64		counts[5];
	uint32		nkeys;
	uint32		i;
	int			c;

	buf.data = VARDATA_ANY(data);
	buf.len = VARSIZE_ANY_EXHDR(data);
	buf.maxlen = buf.len;
	buf.cursor = 0;

	if (buf.len < 1 || pq_getmsgbyte(&buf) != MUSCLE_AGG_VERSION)
		bad_state("The state was written by another version of tpi_rules.");
	st = agg_state_new(aggcontext);
	for (c = 0; c < 5; c++)
	{
		counts[c] = pq_getmsgint64(&buf);
		if (counts[c] < 0)
			bad_state("A counter is negative.");
	}
	st->tally.nentries = counts[0];
	st->tally.nmuscle = counts[1];
	st->tally.ngroup = counts[2];
	st->tally.nregion = counts[3];
	st->tally.nunknown = counts[4];
	st->tally.regions = pq_getmsgint(&buf, 4);
	nkeys = pq_getmsgint(&buf, 4);
	/* each key takes at least 6 bytes */
	if (nkeys > (uint32) (buf.len - buf.cursor) / 6)
		bad_state("The key count exceeds the data.");
	for (i = 0; i < nkeys; i++)
	{
		int			flag = pq_getmsgbyte(&buf);
		int			side = pq_getmsgbyte(&buf);
		uint32		len = pq_getmsgint(&buf, 4);
		const char *str;

		if (len > (uint32) (buf.len - buf.cursor))
			bad_state("A key is longer than the data left.");
		str = pq_getmsgbytes(&buf, (int) len);
		if (!mp_tally_add_key(&st->tally, flag, side, str, len))
			bad_state("A key has an unknown flag or side.");
	}
	pq_getmsgend(&buf);
	if (st->tally.n != nkeys)
		bad_state("The state repeats a key.");
	PG_RETURN_POINTER(st);
}

/*
 * tpi_rules.muscle_count_agg_final(state internal) RETURNS integer
 *
 * Not STRICT: an empty group (no state) counts 0.  Reads the state only.
 */
PG_FUNCTION_INFO_V1(tpi_muscle_count_agg_final);
Datum
tpi_muscle_count_agg_final(PG_FUNCTION_ARGS)
{
	MuscleAggState *st = PG_ARGISNULL(0) ? NULL : (MuscleAggState *) PG_GETARG_POINTER(0);

	PG_RETURN_INT32(st ? tpi_clamp_int(st->tally.n) : 0);
}

/*
 * tpi_rules.pick_code_agg_final(state internal) RETURNS text
 *
 * Not STRICT: NULL for no muscles (an empty group included).  Reads the
 * state only.
 */
PG_FUNCTION_INFO_V1(tpi_pick_code_agg_final);
Datum
tpi_pick_code_agg_final(PG_FUNCTION_ARGS)
{
	MuscleAggState *st = PG_ARGISNULL(0) ? NULL : (MuscleAggState *) PG_GETARG_POINTER(0);
	const char *code = mp_pick_code(st ? (long) st->tally.n : 0);

	if (code == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(code));
}
