/*
 * aggstate.c
 *		The plumbing shared by the aggregates over an internal state
 *		(aggstate.h): rowlist.c's (check_day, audit_patient) and
 *		frequency_check's.
 */
#include "aggstate.h"

#include "libpq/pqformat.h"

MemoryContext
tpi_agg_context(FunctionCallInfo fcinfo, const char *fname)
{
	MemoryContext aggcxt;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("%s() called in a non-aggregate context", fname)));
	return aggcxt;
}

Datum
tpi_agg_combine(FunctionCallInfo fcinfo, const char *fname,
				TpiAggStateNew new_state, TpiAggStateMerge merge)
{
	MemoryContext aggcxt = tpi_agg_context(fcinfo, fname);
	void	   *a = PG_ARGISNULL(0) ? NULL : PG_GETARG_POINTER(0);
	void	   *b = PG_ARGISNULL(1) ? NULL : PG_GETARG_POINTER(1);

	if (b == NULL)
	{
		if (a == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(a);
	}
	if (a == NULL)
		a = new_state(aggcxt);
	merge(a, b);
	PG_RETURN_POINTER(a);
}

void
tpi_state_bad(const TpiStateReader *r, const char *why)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid %s state", r->what),
			 errdetail("%s", why)));
	pg_unreachable();
}

/*
 * Called first by a deserialize function (STRICT, so argument 0 is not
 * NULL): checks the call context and the format version byte.
 */
void
tpi_state_read_begin(TpiStateReader *r, FunctionCallInfo fcinfo,
					 const char *fname, const char *what, int version)
{
	bytea	   *raw;

	(void) tpi_agg_context(fcinfo, fname);
	raw = PG_GETARG_BYTEA_PP(0);
	r->what = what;
	r->buf.data = VARDATA_ANY(raw);
	r->buf.len = VARSIZE_ANY_EXHDR(raw);
	r->buf.maxlen = r->buf.len;
	r->buf.cursor = 0;
	if (r->buf.len < 1 || pq_getmsgbyte(&r->buf) != version)
		tpi_state_bad(r, psprintf("The format version is not %d.", version));
}

uint32
tpi_state_read_uint32(TpiStateReader *r, const char *missing)
{
	if (tpi_state_left(r) < 4)
		tpi_state_bad(r, missing);
	return pq_getmsgint(&r->buf, 4);
}
