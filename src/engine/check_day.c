/*
 * check_day.c
 *		The check_day(claim_line) aggregate (SPEC section 5): collects one
 *		patient's lines of one date and runs the day rules (rules_day.c)
 *		over them in its final function.
 */
#include "tpi_rules.h"
#include "rowlist.h"

#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

/*
 * The state is a TpiRowList (rowlist.c): the group's rows as flat copies in
 * blocks of the aggregate context, O(1) amortised per row, serialised for
 * parallel workers.  The 1.0 state, a claim_line[] copied whole per row
 * with every copy left in the aggregate context, was quadratic in time and
 * memory.  No memory context per group, so hash aggregation over many
 * groups does not walk thousands of contexts when it checks its memory.
 */
/*
 * tpi_rules.check_day_final(internal) RETURNS tpi_rules.finding[]
 *
 * Final function of check_day(): the day rules over the collected lines.
 * A NULL state (no rows) and a day without findings both give '{}'.  The
 * result and the decoded lines are palloc'd in the caller's context; the
 * FindingOut is cached in fn_extra.  Does not modify the state, so it is
 * safe to call again when the aggregate is used as a window function.
 */
PG_FUNCTION_INFO_V1(tpi_check_day_rows_final);
Datum
tpi_check_day_rows_final(PG_FUNCTION_ARGS)
{
	FindingOut *fo = fcinfo->flinfo->fn_extra;
	FindingList fl;
	TpiRowList *st;
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
	st = (TpiRowList *) PG_GETARG_POINTER(0);
	work = AllocSetContextCreate(caller, "check_day final", ALLOCSET_DEFAULT_SIZES);
	MemoryContextSwitchTo(work);
	tpi_findings_init(&fl);
	lines = palloc(Max(st->n, 1) * sizeof(ClaimLine *));
	buf = palloc(Max(st->n, 1) * sizeof(ClaimLine));
	for (i = 0; i < st->n; i++)
	{
		lines[i] = &buf[i];
		tpi_claim_from_datum(PointerGetDatum(st->rows[i].tuple), lines[i]);
	}
	tpi_check_day_rules(lines, st->n, &fl);
	MemoryContextSwitchTo(caller);
	result = tpi_findings_array(fo, &fl);
	MemoryContextDelete(work);
	PG_RETURN_DATUM(result);
}

/* ------------------------------------------------------------------------
 * Version 1.0's check_day support functions
 *
 * One tpi_rules.so serves every version: a 1.0 database keeps calling
 * these symbols, with 1.0's claim_line[] state, until ALTER EXTENSION
 * tpi_rules UPDATE replaces the aggregate.  They must keep 1.0's
 * signatures (the 1.1 functions have other symbols), or a 1.0 database
 * would hand a claim_line[] to a function reading internal state.
 * ------------------------------------------------------------------------
 */
/*
 * tpi_rules.check_day_final(tpi_rules.claim_line[]) RETURNS tpi_rules.finding[]
 *
 * Final function of the check_day(claim_line) aggregate, whose state is the
 * array of the group's lines (array_append / array_cat, so the state needs
 * no serialisation to cross parallel workers or shards).  A NULL state (no
 * rows) and a day without findings both give '{}'.  NULL elements are
 * skipped.  The result is palloc'd in the caller's context; the FindingOut
 * is cached in fn_extra.  Does not modify the state, so it is safe to call
 * again when the aggregate is used as a window function.
 */
PG_FUNCTION_INFO_V1(tpi_check_day_final);
Datum
tpi_check_day_final(PG_FUNCTION_ARGS)
{
	FindingOut *fo = fcinfo->flinfo->fn_extra;
	FindingList fl;
	ArrayType  *arr;
	Datum	   *elems;
	bool	   *nulls;
	int			nelems,
				i,
				n = 0;
	Oid			elemtype;
	int16		elmlen;
	bool		elmbyval;
	char		elmalign;
	ClaimLine **lines;

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

	arr = PG_GETARG_ARRAYTYPE_P(0);
	elemtype = ARR_ELEMTYPE(arr);
	get_typlenbyvalalign(elemtype, &elmlen, &elmbyval, &elmalign);
	deconstruct_array(arr, elemtype, elmlen, elmbyval, elmalign,
					  &elems, &nulls, &nelems);
	lines = palloc(Max(nelems, 1) * sizeof(ClaimLine *));
	for (i = 0; i < nelems; i++)
	{
		if (nulls[i])
			continue;
		lines[n] = palloc(sizeof(ClaimLine));
		tpi_claim_from_datum(elems[i], lines[n]);
		n++;
	}
	tpi_check_day_rules(lines, n, &fl);
	PG_RETURN_DATUM(tpi_findings_array(fo, &fl));
}

/*
 * tpi_rules.check_day_accum(claim_line[], claim_line) RETURNS claim_line[]
 *
 * Transition function of check_day(): appends the line to a flat array in
 * the aggregate context.  array_append keeps an expanded array with a
 * memory context of its own per group, and hash aggregation walks every
 * group's context each time it checks its memory: quadratic in the number
 * of groups.  A day has a few lines, so copying the flat array per line is
 * cheap.  NULL rows are skipped (the final function would skip them too).
 */
PG_FUNCTION_INFO_V1(tpi_check_day_accum);
Datum
tpi_check_day_accum(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	MemoryContext old;
	Oid			elemtype;
	int16		typlen;
	bool		typbyval;
	char		typalign;
	Datum	   *elems;
	bool	   *nulls;
	int			n = 0;
	ArrayType  *result;
	int			dims[1];
	int			lbs[1] = {1};

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("check_day_accum() called in a non-aggregate context")));
	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	elemtype = get_fn_expr_argtype(fcinfo->flinfo, 1);
	get_typlenbyvalalign(elemtype, &typlen, &typbyval, &typalign);

	old = MemoryContextSwitchTo(aggcxt);
	if (!PG_ARGISNULL(0))
	{
		ArrayType  *state = PG_GETARG_ARRAYTYPE_P(0);

		deconstruct_array(state, elemtype, typlen, typbyval, typalign,
						  &elems, &nulls, &n);
		elems = repalloc(elems, (n + 1) * sizeof(Datum));
		nulls = repalloc(nulls, (n + 1) * sizeof(bool));
	}
	else
	{
		elems = palloc(sizeof(Datum));
		nulls = palloc(sizeof(bool));
	}
	elems[n] = PG_GETARG_DATUM(1);
	nulls[n] = false;
	dims[0] = n + 1;
	result = construct_md_array(elems, nulls, 1, dims, lbs, elemtype,
								typlen, typbyval, typalign);
	/* the executor frees the previous state itself */
	pfree(elems);
	pfree(nulls);
	MemoryContextSwitchTo(old);
	PG_RETURN_ARRAYTYPE_P(result);
}
