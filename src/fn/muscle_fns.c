/*
 * muscle_fns.c
 *		The SQL functions over documented muscles: parse_muscle(),
 *		muscle_count(), pick_code(), regions() (SPEC sections 4 and 5).
 */
#include "muscles_int.h"

#include "access/tupmacs.h"
#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "funcapi.h"
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
	tpi_parse_text(tpi_current_muscle_catalogue(), entry, &wb, &r);
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
	tpi_work_done(&wb);
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
	PG_RETURN_INT32(tpi_count_muscle_array(PG_GETARG_DATUM(0), NULL));
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
	code = mp_pick_code(tpi_count_muscle_array(PG_GETARG_DATUM(0), NULL));
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
		mask = tpi_muscle_region_mask(PG_GETARG_DATUM(0));

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
