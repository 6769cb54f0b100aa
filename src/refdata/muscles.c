/*
 * muscles.c
 *		The backend cache of the muscle catalogue, and parsing documented
 *		entries (text datums) with it: the base of muscle_arrays.c (arrays
 *		of entries, the rule engine's summary), src/fn/muscle_fns.c (the
 *		SQL functions), src/fn/muscle_agg.c (the aggregates) and the note
 *		reader.
 *
 * The catalogue is read from tpi_rules.muscle with one SPI query and kept
 * in a memory context under CacheMemoryContext until the muscle table
 * changes (refcache.c bumps the generation), so a user's INSERT is seen by
 * the next query of every session and no query runs per row.
 */
#include "muscles_int.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

static MemoryContext catalogue_cxt = NULL;
static MpCatalogue *catalogue = NULL;
static uint32 catalogue_generation = 0;
static uint64 catalogue_loads = 0;

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

MpAlloc
tpi_mp_alloc_in(MemoryContext cxt)
{
	MpAlloc		alloc;

	alloc.alloc = mp_palloc;
	alloc.release = mp_pfree;
	alloc.ctx = cxt;
	return alloc;
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
	alloc = tpi_mp_alloc_in(cxt);
	cat = mp_catalogue_new(&alloc);

	/* as the extension's owner: any role that may call us sees the rows */
	tpi_ref_load_begin(&spi);
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
	tpi_ref_load_end(&spi);

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
tpi_current_muscle_catalogue(void)
{
	return get_catalogue();
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
char *
tpi_work_for(WorkBuf *wb, size_t len)
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

void
tpi_work_done(WorkBuf *wb)
{
	if (wb->heap)
		pfree(wb->heap);
	wb->heap = NULL;
	wb->heapsize = 0;
}

void
tpi_parse_text(MpCatalogue *cat, const text *t, WorkBuf *wb, MpResult *r)
{
	size_t		len = VARSIZE_ANY_EXHDR(t);

	mp_parse_cached(cat, VARDATA_ANY(t), len, tpi_work_for(wb, len), r);
}


void
tpi_tally_init_local(MpTally *t)
{
	MpAlloc		alloc = tpi_mp_alloc_in(CurrentMemoryContext);

	/* catalogue names outlive the call: no copies needed */
	mp_tally_init(t, &alloc, false);
}

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
void
tpi_tally_text(MpCatalogue *cat, const text *e, WorkBuf *wb, TallyTarget *tt)
{
	size_t		len = VARSIZE_ANY_EXHDR(e);

	mp_parse_each_cached(cat, VARDATA_ANY(e), len, tpi_work_for(wb, len),
						 emit_tally, tt);
}

