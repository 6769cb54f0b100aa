/*
 * tpi_rules.c
 *		Module entry point and the small tables every subsystem shares.
 */
#include "refdata.h"

#include "funcapi.h"
#include "miscadmin.h"
#include "utils/tuplestore.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

/* Sorted, so that a region mask walked from bit 0 gives a sorted list. */
const char *const tpi_region_names[TPI_NREGIONS] = {
	"abdominal wall",
	"cephalic",
	"cervical",
	"chest wall",
	"facial",
	"gluteal/hip",
	"lower limb",
	"lumbar",
	"scapular",
	"shoulder",
	"thoracic",
	"upper limb"
};

int
tpi_region_index(const char *name)
{
	int			i;

	if (name == NULL)
		return -1;
	for (i = 0; i < TPI_NREGIONS; i++)
		if (strcmp(name, tpi_region_names[i]) == 0)
			return i;
	return -1;
}

/*
 * Every invalidation callback is registered here, once per backend, before
 * any cache can be built: the reference caches (refcache.c) share one
 * relcache callback; the payment cache also drops a cache built inside
 * parallel mode at the end of the transaction.
 */
void
_PG_init(void)
{
	tpi_refcache_init();
	tpi_payment_init();
}

#if PG_VERSION_NUM < 150000
/*
 * Materialize-mode set-returning function setup for 13 and 14, the same
 * contract as SetSingleFuncCall(fcinfo, 0) in 15.
 */
void
tpi_init_srf_compat(FunctionCallInfo fcinfo)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	TupleDesc	tupdesc;
	MemoryContext oldcontext;

	if (rsinfo == NULL || !IsA(rsinfo, ReturnSetInfo) ||
		(rsinfo->allowedModes & SFRM_Materialize) == 0)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("set-valued function called in context that cannot accept a set")));
	oldcontext = MemoryContextSwitchTo(rsinfo->econtext->ecxt_per_query_memory);
	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	rsinfo->returnMode = SFRM_Materialize;
	rsinfo->setResult = tuplestore_begin_heap(true, false, work_mem);
	rsinfo->setDesc = CreateTupleDescCopy(tupdesc);
	MemoryContextSwitchTo(oldcontext);
}
#endif
