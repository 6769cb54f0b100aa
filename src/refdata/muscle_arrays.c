/*
 * muscle_arrays.c
 *		Arrays of documented muscle entries: counting them (muscle_count,
 *		pick_code, regions), the rule engine's summary of a line's muscles,
 *		and region masks as text[].
 */
#include "muscles_int.h"

#include "access/tupmacs.h"
#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

/* Arrays up to this many bytes are read in a stack copy, not a palloc'd one. */
#define STACK_ARRAY 2048

/*
 * The arrays counted last, so that muscle_count(m), pick_code(m) and
 * regions(m) of one row parse it once, and the guard, which checks a
 * patient's lines again at each row of a bulk load, summarises each line
 * once.  Keyed by the array's bytes and the catalogue load it was counted
 * with; the summary's first_* texts are kept in TopMemoryContext.
 */
#define COUNTED_KEPT 8

typedef struct Counted
{
	size_t		len;
	uint64		load;
	MuscleSummary ms;
	char		bytes[STACK_ARRAY];
} Counted;

static Counted counted[COUNTED_KEPT];
static int	ncounted = 0;
static int	counted_next = 0;	/* the one to replace next */

/*
 * text[] or varchar[]: audit() and guard() accept a varchar[] column for
 * muscles (tpi_claim_columns), and varchar elements are laid out as text.
 */
static inline bool
text_like_array(ArrayType *arr)
{
	return ARR_ELEMTYPE(arr) == TEXTOID || ARR_ELEMTYPE(arr) == VARCHAROID;
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

	if (!text_like_array(arr))
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

		tpi_tally_text(cat, e, &wb, &tt);
		if (out == NULL)
			continue;
		if (tt.group && out->first_group == NULL)
			out->first_group = TextDatumGetCString(d);
		if (tt.region && out->first_region_term == NULL)
			out->first_region_term = TextDatumGetCString(d);
		if (tt.unknown && out->first_unknown == NULL)
			out->first_unknown = TextDatumGetCString(d);
	}
	tpi_work_done(&wb);
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

/* Counts per SPEC section 4 and the first entry of each kind. */
static void
summarise(MpCatalogue *cat, Datum muscles, MuscleSummary *out)
{
	union
	{
		char		data[STACK_ARRAY];
		double		align;
	}			local;
	ArrayType  *arr;
	bool		copy;
	MpTally		t;

	arr = array_from_datum(muscles, local.data, &copy);
	tpi_tally_init_local(&t);
	tally_array(cat, arr, &t, out);
	out->count = tpi_clamp_int(t.n);
	out->nentries = tpi_clamp_int(t.nentries);
	out->nmuscle = tpi_clamp_int(t.nmuscle);
	out->ngroup = tpi_clamp_int(t.ngroup);
	out->nregion = tpi_clamp_int(t.nregion);
	out->nunknown = tpi_clamp_int(t.nunknown);
	out->regions = t.regions;
	mp_tally_free(&t);
	if (copy)
		pfree(arr);
}

/* The kept summary of array v under catalogue load, or NULL. */
static const Counted *
counted_find(struct varlena *v, uint64_t load)
{
	size_t		len;
	int			i;

	if (VARATT_IS_EXTERNAL(v) || VARATT_IS_COMPRESSED(v))
		return NULL;
	len = VARSIZE_ANY_EXHDR(v);
	for (i = 0; i < ncounted; i++)
		if (counted[i].len == len && counted[i].load == load &&
			memcmp(counted[i].bytes, VARDATA_ANY(v), len) == 0)
			return &counted[i];
	return NULL;
}

static char *
text_in(MemoryContext cxt, const char *s)
{
	return s ? MemoryContextStrdup(cxt, s) : NULL;
}

/* A copy of summary src whose first_* texts are in cxt. */
static void
summary_copy(MuscleSummary *dst, const MuscleSummary *src, MemoryContext cxt)
{
	*dst = *src;
	dst->first_group = text_in(cxt, src->first_group);
	dst->first_region_term = text_in(cxt, src->first_region_term);
	dst->first_unknown = text_in(cxt, src->first_unknown);
}

static void
free_text(char *s)
{
	if (s)
		pfree(s);
}

/* Keeps ms, the summary of array v under catalogue load. */
static void
counted_add(struct varlena *v, uint64_t load, const MuscleSummary *ms)
{
	Counted    *c;
	size_t		len;

	if (VARATT_IS_EXTERNAL(v) || VARATT_IS_COMPRESSED(v) ||
		(len = VARSIZE_ANY_EXHDR(v)) > STACK_ARRAY)
		return;
	c = &counted[counted_next];
	counted_next = (counted_next + 1) % COUNTED_KEPT;
	if (ncounted < COUNTED_KEPT)
		ncounted++;
	else
	{
		free_text(c->ms.first_group);
		free_text(c->ms.first_region_term);
		free_text(c->ms.first_unknown);
	}
	memcpy(c->bytes, VARDATA_ANY(v), len);
	c->len = len;
	c->load = load;
	summary_copy(&c->ms, ms, TopMemoryContext);
}

/* The summary of muscles, kept or made (and kept). */
static void
summary_of(Datum muscles, MuscleSummary *out)
{
	struct varlena *v = (struct varlena *) DatumGetPointer(muscles);
	uint64_t	load;
	MpCatalogue *cat = tpi_muscle_catalogue(&load);
	const Counted *c = counted_find(v, load);

	if (c)
	{
		summary_copy(out, &c->ms, CurrentMemoryContext);
		return;
	}
	memset(out, 0, sizeof(MuscleSummary));
	summarise(cat, muscles, out);
	counted_add(v, load, out);
}

/*
 * The rule engine's view of a line's muscles: counts per SPEC section 4
 * and the first entry of each kind that earns a finding.  Memory: the
 * first_* strings are palloc'd in the current context.
 */
void
tpi_summarise_muscles(Datum muscles, bool isnull, MuscleSummary *out)
{
	if (isnull)
	{
		memset(out, 0, sizeof(MuscleSummary));
		return;
	}
	summary_of(muscles, out);
}

/* Distinct muscles of a text[] datum and the mask of their regions. */
int
tpi_count_muscle_array(Datum d, uint32 *regions)
{
	MuscleSummary ms;

	summary_of(d, &ms);
	if (regions)
		*regions = ms.regions;
	return ms.count;
}

/*
 * The region mask of a text[] datum of documented muscles: the regions of
 * its muscle and group entries, as tpi_count_muscle_array() reports them, without the
 * tally of distinct muscles that regions() does not need.
 */
uint32
tpi_muscle_region_mask(Datum d)
{
	union
	{
		char		data[STACK_ARRAY];
		double		align;
	}			local;
	struct varlena *v = (struct varlena *) DatumGetPointer(d);
	MpCatalogue *cat;
	uint64_t	load;
	ArrayType  *arr;
	bool		copy;
	TextElems	te;
	text	   *e;
	WorkBuf		wb;
	uint32		mask = 0;

	cat = tpi_muscle_catalogue(&load);
	/* an array just counted (muscle_count(m), regions(m) of one row) */
	{
		const Counted *c = counted_find(v, load);

		if (c)
			return c->ms.regions;
	}

	arr = array_from_datum(d, local.data, &copy);
	if (!text_like_array(arr))
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

			tpi_tally_init_local(&t);
			tpi_tally_text(cat, e, &wb, &tt);
			mask |= t.regions;
			mp_tally_free(&t);
			continue;
		}
		/* as mp_tally_add() collects them */
		if ((kind == MP_MUSCLE || kind == MP_GROUP) &&
			region >= 0 && region < 32)
			mask |= (uint32) 1 << region;
	}
	tpi_work_done(&wb);
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
	ArrayType  *arr;
	bool		copy;
	TextElems	te;
	text	   *t;
	uint32		mask = 0;

	if (isnull)
		return 0;
	arr = array_from_datum(textarray, local.data, &copy);
	if (!text_like_array(arr))
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("regions must be a text array")));
	text_elems_init(&te, arr);
	while ((t = text_elems_next(&te)) != NULL)
	{
		int			r;

		/* an analyst's 'Cervical ' is the region regions() calls cervical */
		for (r = 0; r < TPI_NREGIONS; r++)
			if (tpi_same_word(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t),
							  tpi_region_names[r]))
			{
				mask |= (uint32) 1 << r;
				break;
			}
	}
	if (copy)
		pfree(arr);
	return mask;
}
