/*
 * payment_cache.c
 *		Backend cache of rvu, gpci and conversion_factor (a hash table per
 *		table, keyed by release), rebuilt when refcache.c says one of them
 *		changed, and the choice of release for a date of service.
 */
#include "refdata.h"
#include "payment_cache.h"

#include "access/xact.h"
#include "executor/spi.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/memutils.h"
#include "utils/snapmgr.h"

static PayCache cache;

/*
 * A cache built inside parallel mode used the statement's snapshot, not
 * the latest one, so it may predate a change whose invalidation this
 * backend has already seen: keep it for the transaction only.
 */
static void
payment_xact_callback(XactEvent event, void *arg)
{
	if (cache.xact_only)
		cache.valid = false;
}

/* Called once from _PG_init(). */
void
tpi_payment_init(void)
{
	RegisterXactCallback(payment_xact_callback, NULL);
}

static int
release_index(PayRelease **rel, int *n, int *cap, const char *name,
			  MemoryContext cxt)
{
	int			i;

	for (i = *n - 1; i >= 0; i--)
		if (strcmp((*rel)[i].name, name) == 0)
			return i;
	if (*n == *cap)
	{
		*cap *= 2;
		*rel = repalloc(*rel, sizeof(PayRelease) * *cap);
	}
	(*rel)[*n].name = MemoryContextStrdup(cxt, name);
	(*rel)[*n].from = DATEVAL_NOEND;
	(*rel)[*n].to = DATEVAL_NOBEGIN;
	(*rel)[*n].user = false;
	return (*n)++;
}

static void
release_widen(PayRelease *r, DateADT from, DateADT to, bool builtin)
{
	if (from < r->from)
		r->from = from;
	if (to > r->to)
		r->to = to;
	if (!builtin)
		r->user = true;
}

/* Upper-cased copy into a fixed buffer; false when it does not fit. */
static bool
copy_key(char *dst, size_t dstlen, const char *src)
{
	size_t		i;

	for (i = 0; src[i]; i++)
	{
		if (i + 1 >= dstlen)
			return false;
		dst[i] = pg_ascii_toupper((unsigned char) src[i]);
	}
	dst[i] = '\0';
	return true;
}

static void
query(const char *sql)
{
	SPIPlanPtr	plan = SPI_prepare(sql, 0, NULL);
	Snapshot	snap = IsInParallelMode() ? InvalidSnapshot : GetLatestSnapshot();
	int			rc;

	if (plan == NULL)
		elog(ERROR, "SPI_prepare failed: %s", SPI_result_code_string(SPI_result));
	rc = SPI_execute_snapshot(plan, NULL, NULL, snap, InvalidSnapshot,
							  true, false, 0);
	if (rc != SPI_OK_SELECT)
		elog(ERROR, "SPI_execute_snapshot failed: %s", SPI_result_code_string(rc));
}

static DateADT
get_date(HeapTuple tup, TupleDesc td, int col)
{
	bool		isnull;
	Datum		d = SPI_getbinval(tup, td, col, &isnull);

	return isnull ? DATEVAL_NOEND : DatumGetDateADT(d);
}

static int64
get_int8(HeapTuple tup, TupleDesc td, int col, bool *isnull)
{
	Datum		d = SPI_getbinval(tup, td, col, isnull);

	return *isnull ? 0 : DatumGetInt64(d);
}

/* An empty hash table in cxt for the rows of the last query. */
static HTAB *
cache_hash(const char *name, Size keysize, Size entrysize, MemoryContext cxt)
{
	HASHCTL		ctl;

	memset(&ctl, 0, sizeof(ctl));
	ctl.keysize = keysize;
	ctl.entrysize = entrysize;
	ctl.hcxt = cxt;
	return hash_create(name, Max(SPI_processed, 64), &ctl,
					   HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
}

/*
 * The release of a row whose columns 1 to 3 are release, effective_from
 * and effective_to and column builtin_col is builtin: its index in *rel
 * (added when new), widened to cover the row's dates, which go to *from
 * and *to.
 */
static int
row_release(HeapTuple tup, TupleDesc td, int builtin_col, PayRelease **rel,
			int *n, int *cap, MemoryContext cxt, DateADT *from, DateADT *to)
{
	bool		isnull;
	int			r = release_index(rel, n, cap, SPI_getvalue(tup, td, 1), cxt);

	*from = get_date(tup, td, 2);
	*to = get_date(tup, td, 3);
	release_widen(&(*rel)[r], *from, *to,
				  DatumGetBool(SPI_getbinval(tup, td, builtin_col, &isnull)));
	return r;
}

static void
load_rvu(PayCache *c)
{
	int			cap = 8;
	uint64		i;

	query("SELECT release, effective_from, effective_to, hcpcs, modifier,"
		  " (work_rvu OPERATOR(pg_catalog.*) 100)::pg_catalog.int8,"
		  " (pe_rvu_nonfacility OPERATOR(pg_catalog.*) 100)::pg_catalog.int8,"
		  " (pe_rvu_facility OPERATOR(pg_catalog.*) 100)::pg_catalog.int8,"
		  " (mp_rvu OPERATOR(pg_catalog.*) 100)::pg_catalog.int8,"
		  " builtin FROM tpi_rules.rvu");

	c->rvu = cache_hash("tpi_rules rvu cache", sizeof(RvuKey), sizeof(RvuEntry),
						c->cxt);
	c->rvu_rel = MemoryContextAlloc(c->cxt, sizeof(PayRelease) * cap);

	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		TupleDesc	td = SPI_tuptable->tupdesc;
		RvuKey		key;
		RvuEntry   *e;
		bool		found;
		int			k;
		char	   *hcpcs = SPI_getvalue(tup, td, 4);
		char	   *modifier = SPI_getvalue(tup, td, 5);
		DateADT		from;
		DateADT		to;

		memset(&key, 0, sizeof(key));
		key.release = row_release(tup, td, 10, &c->rvu_rel, &c->nrvu_rel, &cap,
								  c->cxt, &from, &to);
		/* A key that cannot be a HCPCS code can never be looked up. */
		if (!copy_key(key.hcpcs, sizeof(key.hcpcs), hcpcs) ||
			!copy_key(key.modifier, sizeof(key.modifier), modifier))
			continue;
		e = hash_search(c->rvu, &key, HASH_ENTER, &found);
		e->from = from;
		e->to = to;
		for (k = 0; k < 4; k++)
			e->rvu[k] = get_int8(tup, td, 6 + k, &e->isnull[k]);
	}
}

static void
load_gpci(PayCache *c)
{
	int			cap = 4;
	uint64		i;

	query("SELECT release, effective_from, effective_to, locality,"
		  " (work_gpci OPERATOR(pg_catalog.*) 1000)::pg_catalog.int8,"
		  " (pe_gpci OPERATOR(pg_catalog.*) 1000)::pg_catalog.int8,"
		  " (mp_gpci OPERATOR(pg_catalog.*) 1000)::pg_catalog.int8,"
		  " builtin FROM tpi_rules.gpci");

	c->gpci = cache_hash("tpi_rules gpci cache", sizeof(GpciKey),
						 sizeof(GpciEntry), c->cxt);
	c->gpci_rel = MemoryContextAlloc(c->cxt, sizeof(PayRelease) * cap);

	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		TupleDesc	td = SPI_tuptable->tupdesc;
		GpciKey		key;
		GpciEntry  *e;
		bool		found;
		bool		isnull;
		int			k;
		char	   *locality = SPI_getvalue(tup, td, 4);
		DateADT		from;
		DateADT		to;

		memset(&key, 0, sizeof(key));
		key.release = row_release(tup, td, 8, &c->gpci_rel, &c->ngpci_rel, &cap,
								  c->cxt, &from, &to);
		if (!copy_key(key.locality, sizeof(key.locality), locality))
			continue;
		e = hash_search(c->gpci, &key, HASH_ENTER, &found);
		e->from = from;
		e->to = to;
		for (k = 0; k < 3; k++)
			e->gpci[k] = get_int8(tup, td, 5 + k, &isnull);
	}
}

static void
load_cf(PayCache *c)
{
	uint64		i;

	query("SELECT effective_from, effective_to,"
		  " (amount OPERATOR(pg_catalog.*) 10000)::pg_catalog.int8"
		  " FROM tpi_rules.conversion_factor"
		  " WHERE kind OPERATOR(pg_catalog.=) 'standard'");
	c->cf = MemoryContextAlloc(c->cxt, sizeof(CfRow) * Max(SPI_processed, 1));
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		TupleDesc	td = SPI_tuptable->tupdesc;
		bool		isnull;

		c->cf[i].from = get_date(tup, td, 1);
		c->cf[i].to = get_date(tup, td, 2);
		c->cf[i].amount = get_int8(tup, td, 3, &isnull);
	}
	c->ncf = (int) SPI_processed;
}

PayCache *
tpi_pay_cache(void)
{
	uint32		gen = tpi_ref_generation(TPI_REF_PAYMENT);
	PayCache	nc;
	TpiRefSpi	spi;

	if (cache.valid && cache.generation == gen)
		return &cache;

	/*
	 * Built under the current memory context, so an error half-way leaves
	 * nothing behind; moved under CacheMemoryContext once complete.  The
	 * generation is read before the tables: a change that lands during the
	 * build moves it on and forces another build.
	 */
	memset(&nc, 0, sizeof(nc));
	nc.cxt = AllocSetContextCreate(CurrentMemoryContext, "tpi_rules payment cache",
								   ALLOCSET_DEFAULT_SIZES);
	nc.xact_only = IsInParallelMode();
	tpi_ref_spi_connect(&spi);
	load_rvu(&nc);
	load_gpci(&nc);
	load_cf(&nc);
	tpi_ref_spi_finish(&spi);
	MemoryContextSetParent(nc.cxt, CacheMemoryContext);
	if (cache.cxt != NULL)
		MemoryContextDelete(cache.cxt);
	nc.generation = gen;
	nc.valid = true;
	cache = nc;
	return &cache;
}

/*
 * The release covering dos: latest effective_from, then user rows over
 * shipped ones, then the greater name; -1 if none.
 */
int
tpi_pay_pick_release(const PayRelease *rel, int n, DateADT dos)
{
	int			best = -1;
	int			i;

	for (i = 0; i < n; i++)
	{
		const PayRelease *r = &rel[i];
		const PayRelease *b = best >= 0 ? &rel[best] : NULL;

		if (dos < r->from || dos > r->to)
			continue;
		if (b == NULL || r->from > b->from ||
			(r->from == b->from &&
			 (r->user > b->user ||
			  (r->user == b->user && strcmp(r->name, b->name) > 0))))
			best = i;
	}
	return best;
}
