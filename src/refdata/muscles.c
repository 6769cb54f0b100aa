/*
 * muscles.c
 *		The SQL face of muscle_parse.c: the backend cache of the muscle
 *		catalogue, parse_muscle(), muscle_count(), pick_code(), regions(),
 *		the aggregates muscle_count_agg() and pick_code_agg(), and the
 *		summary the rule engine takes of a line's muscles.
 *
 * The catalogue is read from tpi_rules.muscle with one SPI query and kept
 * in a memory context under CacheMemoryContext until the muscle table
 * changes (refcache.c bumps the generation), so a user's INSERT is seen by
 * the next query of every session and no query runs per row.
 */
#include "tpi_rules.h"
#include "muscle_parse.h"
#include "muscles.h"

#include "access/tupmacs.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

/* Format of the serialised aggregate state; bump on any change. */
#define MUSCLE_AGG_VERSION 1

/* Entries up to this many bytes parse in a stack buffer. */
#define STACK_WORK	4096

/* Arrays up to this many bytes are read in a stack copy, not a palloc'd one. */
#define STACK_ARRAY 2048

static MemoryContext catalogue_cxt = NULL;
static MpCatalogue *catalogue = NULL;
static uint32 catalogue_generation = 0;
static uint64 catalogue_loads = 0;

/*
 * The last array counted, so that muscle_count(m), pick_code(m) and
 * regions(m) of one row parse it once.  Keyed by the array's bytes and the
 * catalogue load it was counted with.
 */
static char last_array[STACK_ARRAY];
static size_t last_array_len = 0;
static uint64 last_array_load = 0;
static int	last_count;
static uint32 last_regions;

/* ------------------------------------------------------------------------
 * Memory for the pure-C code: palloc in a given context.
 * ------------------------------------------------------------------------
 */
static void *
mp_palloc(void *ctx, size_t size)
{
	return MemoryContextAllocHuge((MemoryContext) ctx, size);
}

static void
mp_pfree(void *ctx, void *ptr)
{
	pfree(ptr);
}

/* ------------------------------------------------------------------------
 * Catalogue cache
 * ------------------------------------------------------------------------
 */
static MpKind
kind_from_text(const char *kind)
{
	if (strcmp(kind, "group") == 0)
		return MP_GROUP;
	if (strcmp(kind, "region") == 0)
		return MP_REGION;
	return MP_MUSCLE;
}

/*
 * Reads tpi_rules.muscle into a new catalogue.  The context hangs under
 * the caller's until the load has succeeded, so an ERROR part way through
 * leaks nothing.
 */
static MpCatalogue *
load_catalogue(MemoryContext *cxt_out)
{
	MemoryContext cxt;
	MpAlloc		alloc;
	MpCatalogue *cat;
	TpiRefSpi	spi;
	uint64		i;
	int			ret;

	cxt = AllocSetContextCreate(CurrentMemoryContext,
								"tpi_rules muscle catalogue",
								ALLOCSET_DEFAULT_SIZES);
	alloc.alloc = mp_palloc;
	alloc.release = mp_pfree;
	alloc.ctx = cxt;
	cat = mp_catalogue_new(&alloc);

	/* as the extension's owner: any role that may call us sees the rows */
	tpi_ref_spi_connect(&spi);
	ret = SPI_execute("SELECT name, region, kind, aliases "
					  "FROM tpi_rules.muscle "
					  "ORDER BY name COLLATE pg_catalog.\"C\"",
					  true, 0);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "reading tpi_rules.muscle failed: %s",
			 SPI_result_code_string(ret));

	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		TupleDesc	td = SPI_tuptable->tupdesc;
		char	   *name = SPI_getvalue(tup, td, 1);
		char	   *region = SPI_getvalue(tup, td, 2);
		char	   *kind = SPI_getvalue(tup, td, 3);
		bool		isnull;
		Datum		aliases = SPI_getbinval(tup, td, 4, &isnull);
		const char **alias_strs = NULL;
		int			nalias = 0;

		if (name == NULL || kind == NULL)
			continue;			/* the table's NOT NULLs rule this out */
		if (!isnull)
		{
			ArrayType  *arr = DatumGetArrayTypeP(aliases);
			Datum	   *elems;
			bool	   *nulls;
			int			n,
						j;

			deconstruct_array(arr, TEXTOID, -1, false, TYPALIGN_INT,
							  &elems, &nulls, &n);
			alias_strs = palloc(sizeof(char *) * Max(n, 1));
			for (j = 0; j < n; j++)
				if (!nulls[j])
					alias_strs[nalias++] = TextDatumGetCString(elems[j]);
		}
		if (!mp_catalogue_add(cat, name, tpi_region_index(region),
							  kind_from_text(kind), alias_strs, nalias))
			elog(ERROR, "could not add muscle \"%s\" to the catalogue", name);
	}
	tpi_ref_spi_finish(&spi);

	mp_catalogue_set_spinal_regions(cat, tpi_region_index("cervical"),
									tpi_region_index("thoracic"),
									tpi_region_index("lumbar"));
	if (!mp_catalogue_build(cat))
		elog(ERROR, "could not build the muscle catalogue");
	*cxt_out = cxt;
	return cat;
}

static pg_noinline MpCatalogue *reload_catalogue(uint32 gen);

/* The current catalogue, (re)loaded when tpi_rules.muscle has changed. */
static inline MpCatalogue *
get_catalogue(void)
{
	uint32		gen = tpi_ref_generation(TPI_REF_MUSCLE);

	if (catalogue != NULL && gen == catalogue_generation)
		return catalogue;
	return reload_catalogue(gen);
}

/* Out of line: called per entry, get_catalogue() must stay small. */
static MpCatalogue *
reload_catalogue(uint32 gen)
{
	MemoryContext cxt;
	MpCatalogue *cat;

	cat = load_catalogue(&cxt);
	MemoryContextSetParent(cxt, CacheMemoryContext);
	if (catalogue_cxt != NULL)
		MemoryContextDelete(catalogue_cxt);
	catalogue_cxt = cxt;
	catalogue = cat;
	catalogue_loads++;
	/* a change during the load leaves gen behind, and we reload next time */
	catalogue_generation = gen;
	return catalogue;
}

MpCatalogue *
tpi_muscle_catalogue(uint64_t *load)
{
	MpCatalogue *cat = get_catalogue();

	*load = catalogue_loads;
	return cat;
}

/* ------------------------------------------------------------------------
 * Parsing text datums
 * ------------------------------------------------------------------------
 */
typedef struct WorkBuf
{
	char		stack[STACK_WORK];
	char	   *heap;
	size_t		heapsize;
} WorkBuf;

static char *
work_for(WorkBuf *wb, size_t len)
{
	size_t		need = MP_WORK_SIZE(len);

	if (need <= sizeof(wb->stack))
		return wb->stack;
	if (need > wb->heapsize)
	{
		if (wb->heap)
			pfree(wb->heap);
		wb->heap = MemoryContextAllocHuge(CurrentMemoryContext, need);
		wb->heapsize = need;
	}
	return wb->heap;
}

static void
work_done(WorkBuf *wb)
{
	if (wb->heap)
		pfree(wb->heap);
	wb->heap = NULL;
	wb->heapsize = 0;
}

static void
parse_text(MpCatalogue *cat, const text *t, WorkBuf *wb, MpResult *r)
{
	size_t		len = VARSIZE_ANY_EXHDR(t);

	mp_parse_cached(cat, VARDATA_ANY(t), len, work_for(wb, len), r);
}

/*
 * The elements of a text[] one by one, NULLs skipped: array_iter's steps
 * for varlena elements aligned to int (as text[] stores them), without its
 * generality.
 */
typedef struct TextElems
{
	char	   *p;
	bits8	   *bitmap;
	int			i;
	int			n;
} TextElems;

static void
text_elems_init(TextElems *te, ArrayType *arr)
{
	/* the one-dimensional case without a call */
	te->n = (ARR_NDIM(arr) == 1 && ARR_DIMS(arr)[0] >= 0) ? ARR_DIMS(arr)[0] :
		ArrayGetNItems(ARR_NDIM(arr), ARR_DIMS(arr));
	te->i = 0;
	te->p = ARR_DATA_PTR(arr);
	te->bitmap = ARR_NULLBITMAP(arr);
}

static inline text *
text_elems_next(TextElems *te)
{
	while (te->i < te->n)
	{
		int			i = te->i++;
		text	   *t;

		if (te->bitmap && (te->bitmap[i >> 3] & (1 << (i & 7))) == 0)
			continue;
		t = (text *) te->p;
		te->p = att_addlength_pointer(te->p, -1, te->p);
		te->p = (char *) att_align_nominal(te->p, TYPALIGN_INT);
		return t;
	}
	return NULL;
}

static void
tally_init_local(MpTally *t)
{
	MpAlloc		alloc;

	alloc.alloc = mp_palloc;
	alloc.release = mp_pfree;
	alloc.ctx = CurrentMemoryContext;
	/* catalogue names outlive the call: no copies needed */
	mp_tally_init(t, &alloc, false);
}

/* What an entry's results go to: the tally, and the summary's kinds. */
typedef struct TallyTarget
{
	MpTally    *t;
	bool		group;			/* the entry named a group term */
	bool		region;
	bool		unknown;
} TallyTarget;

static void
emit_tally(void *arg, const MpResult *r)
{
	TallyTarget *tt = arg;

	mp_tally_add(tt->t, r);
	tt->group |= (r->kind == MP_GROUP);
	tt->region |= (r->kind == MP_REGION);
	tt->unknown |= (r->kind == MP_UNKNOWN);
}

/* Tallies every muscle one entry names (several: SPEC section 4). */
static void
tally_text(MpCatalogue *cat, const text *e, WorkBuf *wb, TallyTarget *tt)
{
	size_t		len = VARSIZE_ANY_EXHDR(e);

	mp_parse_each_cached(cat, VARDATA_ANY(e), len, work_for(wb, len),
						 emit_tally, tt);
}

/*
 * Tallies every element of a text[] (NULL elements skipped) into t; with
 * out non-NULL also records the first entry naming a group, a region and
 * an unknown muscle.
 */
static void
tally_array(MpCatalogue *cat, ArrayType *arr, MpTally *t, MuscleSummary *out)
{
	TextElems	te;
	text	   *e;
	WorkBuf		wb;

	if (ARR_ELEMTYPE(arr) != TEXTOID)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("muscles must be a text array")));
	text_elems_init(&te, arr);
	if (te.n == 0)
		return;
	wb.heap = NULL;
	wb.heapsize = 0;
	while ((e = text_elems_next(&te)) != NULL)
	{
		Datum		d = PointerGetDatum(e);
		TallyTarget tt = {t, false, false, false};

		tally_text(cat, e, &wb, &tt);
		if (out == NULL)
			continue;
		if (tt.group && out->first_group == NULL)
			out->first_group = TextDatumGetCString(d);
		if (tt.region && out->first_region_term == NULL)
			out->first_region_term = TextDatumGetCString(d);
		if (tt.unknown && out->first_unknown == NULL)
			out->first_unknown = TextDatumGetCString(d);
	}
	work_done(&wb);
}

static int
clamp_int(int64 v)
{
	return v > PG_INT32_MAX ? PG_INT32_MAX : (int) v;
}

/*
 * A text[] datum as an ArrayType.  A short (1-byte header) array, as
 * stored in a tuple, is copied into local (at least STACK_ARRAY bytes,
 * maximally aligned) rather than into palloc'd memory; *copy is set when
 * the result was palloc'd.
 */
static ArrayType *
array_from_datum(Datum d, char *local, bool *copy)
{
	struct varlena *v = (struct varlena *) DatumGetPointer(d);

	*copy = false;
	/* VARATT_IS_SHORT is true of a TOAST pointer too: rule that out first */
	if (VARATT_IS_SHORT(v) && !VARATT_IS_EXTERNAL(v) &&
		VARSIZE_SHORT(v) - VARHDRSZ_SHORT + VARHDRSZ <= STACK_ARRAY)
	{
		size_t		datalen = VARSIZE_SHORT(v) - VARHDRSZ_SHORT;

		SET_VARSIZE(local, datalen + VARHDRSZ);
		memcpy(VARDATA(local), VARDATA_SHORT(v), datalen);
		return (ArrayType *) local;
	}
	if (VARATT_IS_EXTENDED(v))
	{
		*copy = true;
		return DatumGetArrayTypeP(d);
	}
	return (ArrayType *) v;
}

/*
 * The rule engine's view of a line's muscles: counts per SPEC section 4
 * and the first entry of each kind that earns a finding.  Memory: the
 * first_* strings are palloc'd in the current context.
 */
void
tpi_summarise_muscles(Datum muscles, bool isnull, MuscleSummary *out)
{
	union
	{
		char		data[STACK_ARRAY];
		double		align;
	}			local;
	ArrayType  *arr;
	bool		copy;
	MpTally		t;

	memset(out, 0, sizeof(MuscleSummary));
	if (isnull)
		return;
	arr = array_from_datum(muscles, local.data, &copy);
	tally_init_local(&t);
	tally_array(get_catalogue(), arr, &t, out);
	out->count = clamp_int(t.n);
	out->nentries = clamp_int(t.nentries);
	out->nmuscle = clamp_int(t.nmuscle);
	out->ngroup = clamp_int(t.ngroup);
	out->nregion = clamp_int(t.nregion);
	out->nunknown = clamp_int(t.nunknown);
	out->regions = t.regions;
	mp_tally_free(&t);
	if (copy)
		pfree(arr);
}

/* Distinct muscles of a text[] datum and the mask of their regions. */
static int
count_array(Datum d, uint32 *regions)
{
	union
	{
		char		data[STACK_ARRAY];
		double		align;
	}			local;
	struct varlena *v = (struct varlena *) DatumGetPointer(d);
	MpCatalogue *cat;
	const char *bytes = NULL;
	size_t		nbytes = 0;
	ArrayType  *arr;
	bool		copy;
	MpTally		t;
	int			n;

	/* the catalogue first: a reload makes the remembered count stale */
	cat = get_catalogue();
	if (!VARATT_IS_EXTERNAL(v) && !VARATT_IS_COMPRESSED(v))
	{
		bytes = VARDATA_ANY(v);
		nbytes = VARSIZE_ANY_EXHDR(v);
		if (nbytes == last_array_len && last_array_load == catalogue_loads &&
			memcmp(bytes, last_array, nbytes) == 0)
		{
			if (regions)
				*regions = last_regions;
			return last_count;
		}
	}

	arr = array_from_datum(d, local.data, &copy);
	tally_init_local(&t);
	tally_array(cat, arr, &t, NULL);
	n = clamp_int(t.n);
	if (regions)
		*regions = t.regions;
	if (bytes != NULL && nbytes <= sizeof(last_array))
	{
		memcpy(last_array, bytes, nbytes);
		last_array_len = nbytes;
		last_array_load = catalogue_loads;
		last_count = n;
		last_regions = t.regions;
	}
	mp_tally_free(&t);
	if (copy)
		pfree(arr);
	return n;
}

/*
 * The region mask of a text[] datum of documented muscles: the regions of
 * its muscle and group entries, as count_array() reports them, without the
 * tally of distinct muscles that regions() does not need.
 */
static uint32
mask_array(Datum d)
{
	union
	{
		char		data[STACK_ARRAY];
		double		align;
	}			local;
	struct varlena *v = (struct varlena *) DatumGetPointer(d);
	MpCatalogue *cat;
	ArrayType  *arr;
	bool		copy;
	TextElems	te;
	text	   *e;
	WorkBuf		wb;
	uint32		mask = 0;

	cat = get_catalogue();
	/* the array just counted (muscle_count(m), regions(m) of one row) */
	if (!VARATT_IS_EXTERNAL(v) && !VARATT_IS_COMPRESSED(v) &&
		VARSIZE_ANY_EXHDR(v) == last_array_len &&
		last_array_load == catalogue_loads &&
		memcmp(VARDATA_ANY(v), last_array, last_array_len) == 0)
		return last_regions;

	arr = array_from_datum(d, local.data, &copy);
	if (ARR_ELEMTYPE(arr) != TEXTOID)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("muscles must be a text array")));
	wb.heap = NULL;
	wb.heapsize = 0;
	text_elems_init(&te, arr);
	while ((e = text_elems_next(&te)) != NULL)
	{
		MpKind		kind;
		int			region;

		if (!mp_lookup_cached(cat, VARDATA_ANY(e), VARSIZE_ANY_EXHDR(e),
							  &kind, &region))
		{
			/* an entry parsed afresh (or naming several things) */
			MpTally		t;
			TallyTarget tt = {&t, false, false, false};

			tally_init_local(&t);
			tally_text(cat, e, &wb, &tt);
			mask |= t.regions;
			mp_tally_free(&t);
			continue;
		}
		/* as mp_tally_add() collects them */
		if ((kind == MP_MUSCLE || kind == MP_GROUP) &&
			region >= 0 && region < 32)
			mask |= (uint32) 1 << region;
	}
	work_done(&wb);
	if (copy)
		pfree(arr);
	return mask;
}

/* ------------------------------------------------------------------------
 * Region masks and text[]
 * ------------------------------------------------------------------------
 */

/* The regions of a mask as a sorted text[] (palloc'd). */
Datum
tpi_region_mask_to_array(uint32 mask)
{
	Datum		elems[TPI_NREGIONS];
	int			n = 0;
	int			i;

	for (i = 0; i < TPI_NREGIONS; i++)
		if (mask & ((uint32) 1 << i))
			elems[n++] = CStringGetTextDatum(tpi_region_names[i]);
	return PointerGetDatum(construct_array(elems, n, TEXTOID, -1, false,
										   TYPALIGN_INT));
}

/* The mask of a text[] of region names; NULLs and unknown names ignored. */
uint32
tpi_regions_from_array(Datum textarray, bool isnull)
{
	union
	{
		char		data[STACK_ARRAY];
		double		align;
	}			local;
	static size_t name_len[TPI_NREGIONS];
	ArrayType  *arr;
	bool		copy;
	TextElems	te;
	text	   *t;
	int			i;
	uint32		mask = 0;

	if (isnull)
		return 0;
	arr = array_from_datum(textarray, local.data, &copy);
	if (ARR_ELEMTYPE(arr) != TEXTOID)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("regions must be a text array")));
	if (name_len[0] == 0)
		for (i = 0; i < TPI_NREGIONS; i++)
			name_len[i] = strlen(tpi_region_names[i]);
	text_elems_init(&te, arr);
	while ((t = text_elems_next(&te)) != NULL)
	{
		size_t		len = VARSIZE_ANY_EXHDR(t);
		int			r;

		for (r = 0; r < TPI_NREGIONS; r++)
			if (name_len[r] == len &&
				memcmp(tpi_region_names[r], VARDATA_ANY(t), len) == 0)
			{
				mask |= (uint32) 1 << r;
				break;
			}
	}
	if (copy)
		pfree(arr);
	return mask;
}

/* ------------------------------------------------------------------------
 * SQL functions
 * ------------------------------------------------------------------------
 */

/*
 * tpi_rules.parse_muscle(entry text, OUT muscle text, OUT side text,
 *						  OUT region text, OUT kind text)
 *
 * STRICT.  One documented entry (of several muscles: the first one it
 * names, SPEC section 4): the canonical muscle (the catalogue's
 * name, or the normalised text for an unknown entry), side ('left',
 * 'right', 'bilateral' or NULL), region (NULL when none) and kind
 * ('muscle', 'group', 'region', 'unknown').  A blank entry (no letter or
 * digit) documents nothing: every column NULL.  Result palloc'd in the
 * caller's context.
 */
PG_FUNCTION_INFO_V1(tpi_parse_muscle);
Datum
tpi_parse_muscle(PG_FUNCTION_ARGS)
{
	text	   *entry = PG_GETARG_TEXT_PP(0);
	TupleDesc	tupdesc;
	Datum		values[4];
	bool		nulls[4] = {true, true, true, true};
	MpResult	r;
	WorkBuf		wb;
	const char *s;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	tupdesc = BlessTupleDesc(tupdesc);

	wb.heap = NULL;
	wb.heapsize = 0;
	parse_text(get_catalogue(), entry, &wb, &r);
	if (r.kind != MP_EMPTY)
	{
		values[0] = PointerGetDatum(cstring_to_text_with_len(r.name,
															 (int) r.namelen));
		nulls[0] = false;
		if ((s = mp_side_name(r.side)) != NULL)
		{
			values[1] = CStringGetTextDatum(s);
			nulls[1] = false;
		}
		if (r.region >= 0 && r.region < TPI_NREGIONS)
		{
			values[2] = CStringGetTextDatum(tpi_region_names[r.region]);
			nulls[2] = false;
		}
		values[3] = CStringGetTextDatum(mp_kind_name(r.kind));
		nulls[3] = false;
	}
	work_done(&wb);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

/*
 * tpi_rules.muscle_count(muscles text[]) RETURNS integer
 *
 * Not STRICT: a NULL or empty array, like NULL and blank elements,
 * documents no muscle and counts 0.
 */
PG_FUNCTION_INFO_V1(tpi_muscle_count);
Datum
tpi_muscle_count(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0))
		PG_RETURN_INT32(0);
	PG_RETURN_INT32(count_array(PG_GETARG_DATUM(0), NULL));
}

/*
 * tpi_rules.pick_code(muscles text[]) RETURNS text
 *
 * Not STRICT: NULL for 0 muscles (a NULL array included), '20552' for 1-2,
 * '20553' for 3 or more.
 */
PG_FUNCTION_INFO_V1(tpi_pick_code);
Datum
tpi_pick_code(PG_FUNCTION_ARGS)
{
	const char *code;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	code = mp_pick_code(count_array(PG_GETARG_DATUM(0), NULL));
	if (code == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(code));
}

/*
 * tpi_rules.regions(muscles text[]) RETURNS text[]
 *
 * Not STRICT: the distinct regions of the documented muscles and group
 * terms, sorted; region terms and unknown entries add none.  An empty
 * array when there are none (a NULL array included).
 */
typedef struct RegionArrays
{
	uint32		mask[64];		/* direct-mapped by mask */
	ArrayType  *array[64];		/* in fn_mcxt; NULL: slot empty */
} RegionArrays;

PG_FUNCTION_INFO_V1(tpi_regions);
Datum
tpi_regions(PG_FUNCTION_ARGS)
{
	RegionArrays *ra = (RegionArrays *) fcinfo->flinfo->fn_extra;
	uint32		mask = 0;
	int			slot;
	ArrayType  *result;

	if (!PG_ARGISNULL(0))
		mask = mask_array(PG_GETARG_DATUM(0));

	/*
	 * A query meets few distinct masks: each one's array is built once and
	 * a copy returned (the result must be the caller's to keep or free).
	 */
	if (ra == NULL)
	{
		ra = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(RegionArrays));
		fcinfo->flinfo->fn_extra = ra;
	}
	slot = (int) ((mask ^ (mask >> 6)) & 63);
	if (ra->array[slot] == NULL || ra->mask[slot] != mask)
	{
		MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);

		if (ra->array[slot] != NULL)
			pfree(ra->array[slot]);
		ra->array[slot] = DatumGetArrayTypeP(tpi_region_mask_to_array(mask));
		ra->mask[slot] = mask;
		MemoryContextSwitchTo(old);
	}
	result = palloc(VARSIZE(ra->array[slot]));
	memcpy(result, ra->array[slot], VARSIZE(ra->array[slot]));
	PG_RETURN_ARRAYTYPE_P(result);
}

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

	alloc.alloc = mp_palloc;
	alloc.release = mp_pfree;
	alloc.ctx = aggcontext;
	mp_tally_init(&st->tally, &alloc, true);
	return st;
}

static MemoryContext
agg_context(FunctionCallInfo fcinfo, const char *fname)
{
	MemoryContext aggcontext;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("%s called in non-aggregate context", fname)));
	return aggcontext;
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
	MemoryContext aggcontext = agg_context(fcinfo, "muscle_agg_trans");
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
		tally_text(get_catalogue(), PG_GETARG_TEXT_PP(1), &wb, &tt);
		work_done(&wb);
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
	MemoryContext aggcontext = agg_context(fcinfo, "muscle_agg_combine");
	MuscleAggState *a = PG_ARGISNULL(0) ? NULL : (MuscleAggState *) PG_GETARG_POINTER(0);
	MuscleAggState *b = PG_ARGISNULL(1) ? NULL : (MuscleAggState *) PG_GETARG_POINTER(1);

	if (b == NULL)
	{
		if (a == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(a);
	}
	if (a == NULL)
		a = agg_state_new(aggcontext);
	mp_tally_merge(&a->tally, &b->tally);
	PG_RETURN_POINTER(a);
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
	MemoryContext aggcontext = agg_context(fcinfo, "muscle_agg_deserialize");
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

	PG_RETURN_INT32(st ? clamp_int(st->tally.n) : 0);
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
