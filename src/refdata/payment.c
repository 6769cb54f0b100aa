/*
 * payment.c
 *		expected_payment(): the Medicare PFS amount of a service (SPEC
 *		section 8), and the place-of-service code set.
 *
 *		payment = (work RVU * work GPCI + PE RVU * PE GPCI + MP RVU * MP GPCI)
 *				  * conversion factor, rounded half away from zero to cents
 *
 * RVUs have 2 decimals, GPCIs 3 and the conversion factor 4, so the sum is
 * computed exactly in 64-bit integers (units of 1e-9 dollars) and rounded
 * once, which reproduces CMS's published figures to the cent.
 *
 * rvu, gpci and conversion_factor are read once into a backend cache (a
 * hash table per table, keyed by release) and rebuilt when refcache.c says
 * one of them changed, so a query over millions of lines runs no SQL per
 * line.
 *
 * Choice of rows for a date of service: the RVU (and GPCI) release whose
 * rows cover the date; when several do, the one with the latest
 * effective_from, then a release with user-loaded rows over a shipped one
 * (a user's own CMS file beats the shipped copy), then the greater release
 * name.  The code's row without a modifier (the global service) of that
 * release is used.  The standard conversion factor covering the date.
 * The RVU status code is not consulted: the published RVUs are priced.
 */
#include "tpi_rules.h"

#include "access/xact.h"
#include "common/int.h"
#include "executor/spi.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/hsearch.h"
#include "utils/memutils.h"
#include "utils/snapmgr.h"

/* ------------------------------------------------------------------------
 * Place of service (CMS Place of Service Code Set)
 * ------------------------------------------------------------------------
 */

/* Codes assigned in the CMS set (01-27, 31-34, 41-42, 49-58, 60-62, ...). */
static const int8 pos_known[100] = {
	/* 00-09 */ 0, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	/* 10-19 */ 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	/* 20-29 */ 1, 1, 1, 1, 1, 1, 1, 1, 0, 0,
	/* 30-39 */ 0, 1, 1, 1, 1, 0, 0, 0, 0, 0,
	/* 40-49 */ 0, 1, 1, 0, 0, 0, 0, 0, 0, 1,
	/* 50-59 */ 1, 1, 1, 1, 1, 1, 1, 1, 1, 0,
	/* 60-69 */ 1, 1, 1, 0, 0, 1, 1, 0, 0, 0,
	/* 70-79 */ 0, 1, 1, 0, 0, 0, 0, 0, 0, 0,
	/* 80-89 */ 0, 1, 0, 0, 0, 0, 0, 0, 0, 0,
	/* 90-99 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 1
};

/* Paid at the facility rate (SPEC section 8; CMS Claims Manual ch. 12). */
static const int facility_pos[] = {
	2, 19, 21, 22, 23, 24, 26, 31, 34, 41, 42, 51, 52, 53, 56, 61
};

/* The code of a two-digit place of service, or -1. */
static int
pos_code(const char *pos)
{
	if (pos == NULL || pos[0] < '0' || pos[0] > '9' ||
		pos[1] < '0' || pos[1] > '9' || pos[2] != '\0')
		return -1;
	return (pos[0] - '0') * 10 + (pos[1] - '0');
}

bool
tpi_pos_is_known(const char *pos)
{
	int			c = pos_code(pos);

	return c >= 0 && pos_known[c];
}

bool
tpi_pos_is_facility(const char *pos)
{
	int			c = pos_code(pos);
	int			i;

	for (i = 0; i < lengthof(facility_pos); i++)
		if (facility_pos[i] == c)
			return true;
	return false;
}

/* ------------------------------------------------------------------------
 * The cache
 * ------------------------------------------------------------------------
 */
typedef struct PayRelease
{
	char	   *name;
	DateADT		from;			/* earliest effective_from of its rows */
	DateADT		to;				/* latest effective_to of its rows */
	bool		user;			/* has rows not shipped with the extension */
} PayRelease;

/* Index of RvuEntry.rvu */
enum
{
	RV_WORK, RV_PE_NF, RV_PE_F, RV_MP
};

typedef struct RvuKey
{
	int32		release;
	char		hcpcs[8];
	char		modifier[8];
} RvuKey;

typedef struct RvuEntry
{
	RvuKey		key;
	DateADT		from;
	DateADT		to;
	int64		rvu[4];			/* hundredths: work, PE non-facility, PE facility, MP */
	bool		isnull[4];
} RvuEntry;

typedef struct GpciKey
{
	int32		release;
	char		locality[12];
} GpciKey;

typedef struct GpciEntry
{
	GpciKey		key;
	DateADT		from;
	DateADT		to;
	int64		gpci[3];		/* thousandths: work, PE, MP */
} GpciEntry;

typedef struct CfRow
{
	DateADT		from;
	DateADT		to;
	int64		amount;			/* ten-thousandths */
} CfRow;

typedef struct PayCache
{
	bool		valid;
	bool		xact_only;		/* built on a statement snapshot */
	uint32		generation;
	MemoryContext cxt;
	PayRelease *rvu_rel;
	int			nrvu_rel;
	PayRelease *gpci_rel;
	int			ngpci_rel;
	HTAB	   *rvu;
	HTAB	   *gpci;
	CfRow	   *cf;
	int			ncf;
} PayCache;

static PayCache cache;
static bool xact_callback_registered = false;

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

static void
load_rvu(PayCache *c)
{
	HASHCTL		ctl;
	int			cap = 8;
	uint64		i;

	query("SELECT release, effective_from, effective_to, hcpcs, modifier,"
		  " (work_rvu OPERATOR(pg_catalog.*) 100)::pg_catalog.int8,"
		  " (pe_rvu_nonfacility OPERATOR(pg_catalog.*) 100)::pg_catalog.int8,"
		  " (pe_rvu_facility OPERATOR(pg_catalog.*) 100)::pg_catalog.int8,"
		  " (mp_rvu OPERATOR(pg_catalog.*) 100)::pg_catalog.int8,"
		  " builtin FROM tpi_rules.rvu");

	memset(&ctl, 0, sizeof(ctl));
	ctl.keysize = sizeof(RvuKey);
	ctl.entrysize = sizeof(RvuEntry);
	ctl.hcxt = c->cxt;
	c->rvu = hash_create("tpi_rules rvu cache", Max(SPI_processed, 64), &ctl,
						 HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
	c->rvu_rel = MemoryContextAlloc(c->cxt, sizeof(PayRelease) * cap);

	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		TupleDesc	td = SPI_tuptable->tupdesc;
		RvuKey		key;
		RvuEntry   *e;
		bool		found;
		bool		isnull;
		int			k;
		char	   *release = SPI_getvalue(tup, td, 1);
		char	   *hcpcs = SPI_getvalue(tup, td, 4);
		char	   *modifier = SPI_getvalue(tup, td, 5);
		DateADT		from = get_date(tup, td, 2);
		DateADT		to = get_date(tup, td, 3);
		bool		builtin = DatumGetBool(SPI_getbinval(tup, td, 10, &isnull));

		memset(&key, 0, sizeof(key));
		key.release = release_index(&c->rvu_rel, &c->nrvu_rel, &cap, release, c->cxt);
		release_widen(&c->rvu_rel[key.release], from, to, builtin);
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
	HASHCTL		ctl;
	int			cap = 4;
	uint64		i;

	query("SELECT release, effective_from, effective_to, locality,"
		  " (work_gpci OPERATOR(pg_catalog.*) 1000)::pg_catalog.int8,"
		  " (pe_gpci OPERATOR(pg_catalog.*) 1000)::pg_catalog.int8,"
		  " (mp_gpci OPERATOR(pg_catalog.*) 1000)::pg_catalog.int8,"
		  " builtin FROM tpi_rules.gpci");

	memset(&ctl, 0, sizeof(ctl));
	ctl.keysize = sizeof(GpciKey);
	ctl.entrysize = sizeof(GpciEntry);
	ctl.hcxt = c->cxt;
	c->gpci = hash_create("tpi_rules gpci cache", Max(SPI_processed, 64), &ctl,
						  HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
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
		char	   *release = SPI_getvalue(tup, td, 1);
		char	   *locality = SPI_getvalue(tup, td, 4);
		DateADT		from = get_date(tup, td, 2);
		DateADT		to = get_date(tup, td, 3);
		bool		builtin = DatumGetBool(SPI_getbinval(tup, td, 8, &isnull));

		memset(&key, 0, sizeof(key));
		key.release = release_index(&c->gpci_rel, &c->ngpci_rel, &cap, release, c->cxt);
		release_widen(&c->gpci_rel[key.release], from, to, builtin);
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

static PayCache *
get_cache(void)
{
	uint32		gen = tpi_ref_generation(TPI_REF_PAYMENT);
	PayCache	nc;
	TpiRefSpi	spi;

	if (cache.valid && cache.generation == gen)
		return &cache;
	if (!xact_callback_registered)
	{
		RegisterXactCallback(payment_xact_callback, NULL);
		xact_callback_registered = true;
	}

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
static int
pick_release(const PayRelease *rel, int n, DateADT dos)
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

/* ------------------------------------------------------------------------
 * The computation
 * ------------------------------------------------------------------------
 */
typedef enum PayStatus
{
	PAY_OK = 0,
	PAY_BAD_HCPCS,
	PAY_BAD_POS,
	PAY_BAD_LOCALITY,
	PAY_NO_RVU_RELEASE,
	PAY_NO_CODE,
	PAY_NULL_RVU,
	PAY_NO_GPCI_RELEASE,
	PAY_NO_LOCALITY,
	PAY_NO_CF,
	PAY_OVERFLOW
} PayStatus;

typedef struct PayWhy
{
	const char *release;		/* the release looked in */
	const char *what;			/* the missing RVU */
} PayWhy;

static bool
valid_locality(const char *loc)
{
	int			i;

	for (i = 0; i < 8; i++)
		if (i == 5 ? loc[i] != '-' : (loc[i] < '0' || loc[i] > '9'))
			return false;
	return loc[8] == '\0';
}

static PayStatus
compute(const char *hcpcs_in, DateADT dos, const char *pos,
		const char *locality, int64 *cents, PayWhy *why)
{
	static const char *const rvu_names[4] = {
		"work", "non-facility PE", "facility PE", "malpractice"
	};
	PayCache   *c;
	RvuKey		rkey;
	RvuEntry   *re;
	int64		g[3] = {1000, 1000, 1000};
	int64		cf = -1;
	DateADT		cf_from = DATEVAL_NOBEGIN;
	int64		total = 0;
	int			pe;
	int			rel;
	int			i;

	memset(why, 0, sizeof(*why));
	memset(&rkey, 0, sizeof(rkey));
	if (hcpcs_in == NULL)
		return PAY_BAD_HCPCS;
	for (i = 0; hcpcs_in[i]; i++)
	{
		char		ch = hcpcs_in[i];

		if (i >= 5 || !((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') ||
						 (ch >= 'a' && ch <= 'z')))
			return PAY_BAD_HCPCS;
		rkey.hcpcs[i] = pg_ascii_toupper((unsigned char) hcpcs_in[i]);
	}
	if (i != 5)
		return PAY_BAD_HCPCS;
	if (pos == NULL)
		pos = "11";
	if (pos_code(pos) < 0)
		return PAY_BAD_POS;
	pe = tpi_pos_is_facility(pos) ? RV_PE_F : RV_PE_NF;
	if (locality != NULL && !valid_locality(locality))
		return PAY_BAD_LOCALITY;

	c = get_cache();

	rel = pick_release(c->rvu_rel, c->nrvu_rel, dos);
	if (rel < 0)
		return PAY_NO_RVU_RELEASE;
	why->release = c->rvu_rel[rel].name;
	rkey.release = rel;
	re = hash_search(c->rvu, &rkey, HASH_FIND, NULL);
	if (re == NULL || dos < re->from || dos > re->to)
		return PAY_NO_CODE;
	for (i = 0; i < 4; i++)
		if ((i == RV_WORK || i == pe || i == RV_MP) && re->isnull[i])
		{
			why->what = rvu_names[i];
			return PAY_NULL_RVU;
		}

	if (locality != NULL)
	{
		GpciKey		gkey;
		GpciEntry  *ge;

		rel = pick_release(c->gpci_rel, c->ngpci_rel, dos);
		if (rel < 0)
			return PAY_NO_GPCI_RELEASE;
		why->release = c->gpci_rel[rel].name;
		memset(&gkey, 0, sizeof(gkey));
		gkey.release = rel;
		strcpy(gkey.locality, locality);
		ge = hash_search(c->gpci, &gkey, HASH_FIND, NULL);
		if (ge == NULL || dos < ge->from || dos > ge->to)
			return PAY_NO_LOCALITY;
		memcpy(g, ge->gpci, sizeof(g));
	}

	for (i = 0; i < c->ncf; i++)
		if (dos >= c->cf[i].from && dos <= c->cf[i].to &&
			(cf < 0 || c->cf[i].from > cf_from))
		{
			cf = c->cf[i].amount;
			cf_from = c->cf[i].from;
		}
	if (cf < 0)
		return PAY_NO_CF;

	/* units: 1e-2 RVU * 1e-3 GPCI * 1e-4 dollars = 1e-9 dollars */
	{
		int64		part;
		int64		units[3] = {re->rvu[RV_WORK], re->rvu[pe], re->rvu[RV_MP]};

		for (i = 0; i < 3; i++)
			if (pg_mul_s64_overflow(units[i], g[i], &part) ||
				pg_add_s64_overflow(total, part, &total))
				return PAY_OVERFLOW;
		if (pg_mul_s64_overflow(total, cf, &total))
			return PAY_OVERFLOW;
	}
	/* 1e-9 dollars = 1e-7 cents; round half away from zero */
	*cents = total >= 0 ? (total + 5000000) / 10000000
		: -((-total + 5000000) / 10000000);
	return PAY_OK;
}

static char *
date_text(DateADT d)
{
	return DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(d)));
}

/* load_pprrvu() and load_gpci() read files of these years (csv.c). */
#define LOADABLE_YEAR(y) ((y) >= 1990 && (y) <= 2099)

static int
year_of(DateADT d)
{
	int			y,
				m,
				day;

	j2date(d + POSTGRES_EPOCH_JDATE, &y, &m, &day);
	return y;
}

/*
 * The PPRRVU file that would cover dos, as a hint names it: CMS's releases
 * A, B, C and D of a year take effect on January 1, April 1, July 1 and
 * October 1, and load_pprrvu() lets each apply to the rest of its year, so
 * the release of dos's quarter, or an earlier one of the same year, does.
 */
static char *
rvu_file_text(DateADT dos)
{
	static const char *const month[] = {"January", "April", "July", "October"};
	StringInfoData s;
	int			y,
				m,
				day,
				q,
				i;

	j2date(dos + POSTGRES_EPOCH_JDATE, &y, &m, &day);
	q = (m - 1) / 3;
	initStringInfo(&s);
	appendStringInfo(&s, "the CY %d PPRRVU file of release RVU%02d%c (%s)",
					 y, y % 100, 'A' + q, month[q]);
	if (q > 0)
	{
		appendStringInfo(&s, ", or of an earlier %d release (", y);
		for (i = 0; i < q; i++)
			appendStringInfo(&s, "%sRVU%02d%c", i > 0 ? ", " : "", y % 100, 'A' + i);
		appendStringInfoString(&s, "),");
	}
	return s.data;
}

static void
report_no_rvu_release(DateADT dos)
{
	if (DATE_NOT_FINITE(dos) || !LOADABLE_YEAR(year_of(dos)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("no RVU release covers %s", date_text(dos)),
				 errhint("Check the date of service: CMS's PPRRVU files, which tpi_rules.load_pprrvu() loads, cover the years 1990 to 2099.")));
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("no RVU release covers %s", date_text(dos)),
			 errdetail("CMS's PPRRVU releases A, B, C and D of a year take effect on January 1, April 1, July 1 and October 1; a loaded release applies until the end of its year."),
			 errhint("Load %s with tpi_rules.load_pprrvu().", rvu_file_text(dos))));
}

static void
report_failure(PayStatus st, const PayWhy *why, const char *hcpcs, DateADT dos,
	  const char *pos, const char *locality)
{
	switch (st)
	{
		case PAY_OK:
			break;
		case PAY_BAD_HCPCS:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid HCPCS code \"%s\"", hcpcs ? hcpcs : ""),
					 errdetail("A HCPCS code is five letters or digits, e.g. 20552; modifiers are not part of it.")));
			break;
		case PAY_BAD_POS:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid place of service \"%s\"", pos),
					 errdetail("A place of service is a two-digit CMS code, e.g. 11 (office) or 22 (on-campus outpatient hospital).")));
			break;
		case PAY_BAD_LOCALITY:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid locality \"%s\"", locality),
					 errdetail("A locality is written <5-digit MAC>-<2-digit locality>, e.g. 13202-01 for Manhattan; NULL means national pricing.")));
			break;
		case PAY_NO_RVU_RELEASE:
			report_no_rvu_release(dos);
			break;
		case PAY_NO_CODE:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("HCPCS code \"%s\" is not in RVU release %s", hcpcs, why->release),
					 errdetail("tpi_rules.rvu has no row for the code without a modifier in release %s for %s.",
							   why->release, date_text(dos)),
					 errhint("Check the code, or load %s with tpi_rules.load_pprrvu(): the shipped rows cover only the codes the rules price.",
							 rvu_file_text(dos))));
			break;
		case PAY_NULL_RVU:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("HCPCS code \"%s\" has no %s RVU in release %s", hcpcs, why->what, why->release),
					 errhint("Load %s with tpi_rules.load_pprrvu().", rvu_file_text(dos))));
			break;
		case PAY_NO_GPCI_RELEASE:
			if (DATE_NOT_FINITE(dos) || !LOADABLE_YEAR(year_of(dos)))
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("no GPCI release covers %s", date_text(dos)),
						 errhint("Check the date of service, or pass locality NULL for national pricing.")));
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("no GPCI release covers %s", date_text(dos)),
					 errhint("Load CMS's CY %d GPCI file (PFS final rule addendum E, release GPCI%d) with tpi_rules.load_gpci(), or pass locality NULL for national pricing.",
							 year_of(dos), year_of(dos))));
			break;
		case PAY_NO_LOCALITY:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("locality \"%s\" is not in GPCI release %s", locality, why->release),
					 errhint("tpi_rules.gpci lists the localities; to add them, load CMS's CY %d GPCI file (PFS final rule addendum E) with tpi_rules.load_gpci().",
							 year_of(dos))));
			break;
		case PAY_NO_CF:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("no conversion factor covers %s", date_text(dos)),
					 errhint("Add the standard conversion factor of the CY %d PFS final rule to tpi_rules.conversion_factor.",
							 year_of(dos))));
			break;
		case PAY_OVERFLOW:
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("expected payment of HCPCS code \"%s\" is out of range", hcpcs)));
			break;
	}
}

int64
tpi_expected_payment_cents(const char *hcpcs, DateADT dos, const char *pos,
						   const char *locality)
{
	int64		cents = 0;
	PayWhy		why;
	PayStatus	st = compute(hcpcs, dos, pos, locality, &cents, &why);

	if (st != PAY_OK)
		report_failure(st, &why, hcpcs, dos, pos, locality);
	return cents;
}

bool
tpi_try_expected_payment_cents(const char *hcpcs, DateADT dos, const char *pos,
							   const char *locality, int64 *cents)
{
	PayWhy		why;

	return compute(hcpcs, dos, pos, locality, cents, &why) == PAY_OK;
}

/*
 * tpi_rules.expected_payment(hcpcs text, date_of_service date,
 *		place_of_service text DEFAULT '11', locality text DEFAULT NULL)
 *		RETURNS numeric(12,2)
 *
 * NULL when hcpcs or the date is NULL; a NULL place of service is priced
 * as the office ('11'), a NULL locality nationally (every GPCI 1).
 * ERROR 22023 when the arguments are malformed or no reference row covers
 * the date, naming the file to load.  The result is allocated in the
 * caller's memory context; the tables are cached for the backend.
 */
PG_FUNCTION_INFO_V1(tpi_expected_payment);
Datum
tpi_expected_payment(PG_FUNCTION_ARGS)
{
	char	   *hcpcs;
	char	   *pos = NULL;
	char	   *locality = NULL;
	int64		cents;
	char		buf[32];

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	hcpcs = text_to_cstring(PG_GETARG_TEXT_PP(0));
	if (!PG_ARGISNULL(2))
		pos = text_to_cstring(PG_GETARG_TEXT_PP(2));
	if (!PG_ARGISNULL(3))
		locality = text_to_cstring(PG_GETARG_TEXT_PP(3));
	cents = tpi_expected_payment_cents(hcpcs, PG_GETARG_DATEADT(1), pos, locality);
	snprintf(buf, sizeof(buf), "%s%lld.%02lld", cents < 0 ? "-" : "",
			 (long long) (cents < 0 ? -cents : cents) / 100,
			 (long long) (cents < 0 ? -cents : cents) % 100);
	PG_RETURN_DATUM(DirectFunctionCall3(numeric_in, CStringGetDatum(buf),
										ObjectIdGetDatum(InvalidOid),
										Int32GetDatum(((12 << 16) | 2) + VARHDRSZ)));
}
