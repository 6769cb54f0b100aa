/*
 * policy.c
 *		Backend cache of payer_policy, covered_dx, icd10, injectate and
 *		payer_map, and the payer policy look-ups (payer_map included).
 *		ICD-10 look-ups are in dx.c, injectate matching in injectate.c.
 *
 * The four tables are small and read together; they are loaded with one
 * SPI connection into a memory context under CacheMemoryContext and thrown
 * away when tpi_ref_generation(TPI_REF_POLICY) moves on, so rules never
 * query a table per row and still see a user's change at the next query.
 */
#include "refdata.h"
#include "policy_cache.h"
#include "window.h"

#include <ctype.h>

#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "executor/spi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/memutils.h"
#include "utils/timestamp.h"

PolicyCache *tpi_policy_cache_ptr = NULL;

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

static int
cmp_uint64(const void *a, const void *b)
{
	uint64		x = *(const uint64 *) a;
	uint64		y = *(const uint64 *) b;

	return (x > y) - (x < y);
}

static int
cmp_policy(const void *a, const void *b)
{
	DateADT		x = ((const PayerPolicy *) a)->effective_from;
	DateADT		y = ((const PayerPolicy *) b)->effective_from;

	return (x > y) - (x < y);
}

static int
cmp_payer(const void *a, const void *b)
{
	return strcmp(((const PayerEntry *) a)->payer_id,
				  ((const PayerEntry *) b)->payer_id);
}

static int
cmp_alias(const void *a, const void *b)
{
	return strcmp(((const PayerAlias *) a)->source_id,
				  ((const PayerAlias *) b)->source_id);
}

static char *
get_text(HeapTuple tup, TupleDesc td, int col, bool *isnull)
{
	Datum		d = SPI_getbinval(tup, td, col, isnull);

	return *isnull ? NULL : TextDatumGetCString(d);
}

/* A date column whose NULL means "open-ended". */
static DateADT
get_date_or_end(HeapTuple tup, TupleDesc td, int col)
{
	bool		isnull;
	Datum		d = SPI_getbinval(tup, td, col, &isnull);
	DateADT		end;

	if (!isnull)
		return DatumGetDateADT(d);
	DATE_NOEND(end);
	return end;
}

/* Runs a read-only query over table; its rows are in SPI_tuptable. */
static uint64
select_rows(const char *sql, const char *table)
{
	if (SPI_execute(sql, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "could not read tpi_rules.%s", table);
	return SPI_processed;
}

/* The INJ_* of an injectate class name, -1 for an unknown name. */
static int
injectate_class(const char *s)
{
	if (strcmp(s, "local anesthetic") == 0)
		return INJ_LOCAL_ANESTHETIC;
	if (strcmp(s, "corticosteroid") == 0)
		return INJ_CORTICOSTEROID;
	if (strcmp(s, "saline") == 0)
		return INJ_SALINE;
	if (strcmp(s, "other") == 0)
		return INJ_OTHER;
	return -1;
}

static uint32
injectate_class_mask(Datum arr, bool isnull)
{
	Datum	   *elems;
	bool	   *nulls;
	int			n,
				i;
	uint32		mask = 0;
	int			k;

	if (isnull)
		return 0;
	deconstruct_array(DatumGetArrayTypeP(arr), TEXTOID, -1, false, TYPALIGN_INT,
					  &elems, &nulls, &n);
	for (i = 0; i < n; i++)
	{
		char	   *s;

		if (nulls[i])
			continue;
		s = TextDatumGetCString(elems[i]);
		k = injectate_class(s);
		if (k >= 0)
			mask |= 1 << k;
		else
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown injectate class \"%s\" in tpi_rules.payer_policy.covered_injectates", s),
					 errhint("Use local anesthetic, corticosteroid, saline or other.")));
	}
	return mask;
}

/*
 * The first ten covered diagnoses with the dot ("M79.10, M79.11 ..."), as
 * dx.not_covered lists them; built once per policy row.
 */
static char *
covered_dx_examples(const PayerPolicy *p)
{
	StringInfoData ex;
	int			i;

	initStringInfo(&ex);
	for (i = 0; i < Min(p->ncovered_dx, 10); i++)
	{
		const char *code = p->covered_dx[i];

		if (i > 0)
			appendStringInfoString(&ex, ", ");
		if (strlen(code) > 3)
			appendStringInfo(&ex, "%.3s.%s", code, code + 3);
		else
			appendStringInfoString(&ex, code);
	}
	if (p->ncovered_dx > 10)
		appendStringInfoString(&ex, " ...");
	return ex.data;
}

/* tpi_append_interval()'s text of span, built once per policy row. */
static char *
interval_text(const Interval *span)
{
	StringInfoData buf;

	initStringInfo(&buf);
	tpi_append_interval(&buf, span);
	return buf.data;
}

static void
load_policies(void *arg)
{
	PolicyCache *c = arg;
	int			i,
				j;
	uint64		n;
	char	  **dxpay = NULL;
	char	  **dxcode = NULL;
	uint64		ndxrows;
	uint64		nrows;
	MemoryContext old;

	/* used if commercial_default was deleted */
	c->fallback.payer_id = TPI_DEFAULT_PAYER;
	c->fallback.name = "Commercial default (CPT and NCCI rules only)";
	DATE_NOBEGIN(c->fallback.effective_from);
	DATE_NOEND(c->fallback.effective_to);
	c->fallback.image_guidance_covered = true;
	c->fallback.dry_needling_covered = true;
	c->fallback.other_blocks_allowed = true;
	c->fallback.covered_dx_examples = "";
	old = MemoryContextSwitchTo(c->head.mcxt);
	c->fallback.cap_window_text = interval_text(&c->fallback.cap_window);
	c->fallback.min_interval_text = interval_text(&c->fallback.min_interval);
	MemoryContextSwitchTo(old);

	/* covered_dx first, so each policy row can take its payer's set */
	ndxrows = select_rows("SELECT payer_id, icd10 FROM tpi_rules.covered_dx "
						  "ORDER BY payer_id COLLATE \"C\", icd10 COLLATE \"C\"",
						  "covered_dx");
	if (ndxrows > 0)
	{
		dxpay = palloc(ndxrows * sizeof(char *));
		dxcode = palloc(ndxrows * sizeof(char *));
	}
	for (n = 0; n < ndxrows; n++)
	{
		bool		isnull;

		dxpay[n] = get_text(SPI_tuptable->vals[n], SPI_tuptable->tupdesc, 1, &isnull);
		dxcode[n] = get_text(SPI_tuptable->vals[n], SPI_tuptable->tupdesc, 2, &isnull);
	}

	select_rows("SELECT payer_id, effective_from, effective_to, max_sessions, "
				"cap_window, cap_scope, min_interval, min_interval_scope, "
				"drug_on_claim, covered_injectates, image_guidance_covered, "
				"dry_needling_covered, one_region_per_session, other_blocks_allowed, "
				"name FROM tpi_rules.payer_policy ORDER BY payer_id COLLATE \"C\", effective_from",
				"payer_policy");

	c->payers = MemoryContextAllocZero(c->head.mcxt, Max(SPI_processed, 1) * sizeof(PayerEntry));
	c->npayers = 0;
	for (n = 0; n < SPI_processed; n++)
	{
		HeapTuple	tup = SPI_tuptable->vals[n];
		TupleDesc	td = SPI_tuptable->tupdesc;
		bool		isnull;
		char	   *payer = get_text(tup, td, 1, &isnull);
		PayerEntry *pe;
		PayerPolicy *p;
		char	   *s;
		Datum		d;

		if (c->npayers == 0 || strcmp(c->payers[c->npayers - 1].payer_id, payer) != 0)
		{
			pe = &c->payers[c->npayers++];
			pe->payer_id = MemoryContextStrdup(c->head.mcxt, payer);
			pe->rows = MemoryContextAllocZero(c->head.mcxt, SPI_processed * sizeof(PayerPolicy));
			pe->nrows = 0;
		}
		pe = &c->payers[c->npayers - 1];
		p = &pe->rows[pe->nrows++];
		p->payer_id = pe->payer_id;
		p->effective_from = DatumGetDateADT(SPI_getbinval(tup, td, 2, &isnull));
		p->effective_to = get_date_or_end(tup, td, 3);
		d = SPI_getbinval(tup, td, 4, &isnull);
		p->max_sessions = isnull ? 0 : DatumGetInt32(d);
		d = SPI_getbinval(tup, td, 5, &isnull);
		if (!isnull)
			p->cap_window = *DatumGetIntervalP(d);
		s = get_text(tup, td, 6, &isnull);
		p->cap_per_region = (s && strcmp(s, "region") == 0);
		d = SPI_getbinval(tup, td, 7, &isnull);
		p->has_min_interval = !isnull;
		if (!isnull)
			p->min_interval = *DatumGetIntervalP(d);
		s = get_text(tup, td, 8, &isnull);
		p->min_interval_per_region = (s && strcmp(s, "region") == 0);
		s = get_text(tup, td, 9, &isnull);
		p->drug_on_claim = (s == NULL) ? DRUG_ANY :
			strcmp(s, "required") == 0 ? DRUG_REQUIRED :
			strcmp(s, "bundled") == 0 ? DRUG_BUNDLED : DRUG_ANY;
		d = SPI_getbinval(tup, td, 10, &isnull);
		p->covered_injectates = injectate_class_mask(d, isnull);
		d = SPI_getbinval(tup, td, 11, &isnull);
		p->image_guidance_covered = isnull || DatumGetBool(d);
		d = SPI_getbinval(tup, td, 12, &isnull);
		p->dry_needling_covered = isnull || DatumGetBool(d);
		d = SPI_getbinval(tup, td, 13, &isnull);
		p->one_region_per_session = !isnull && DatumGetBool(d);
		d = SPI_getbinval(tup, td, 14, &isnull);
		p->other_blocks_allowed = isnull || DatumGetBool(d);
		s = get_text(tup, td, 15, &isnull);
		p->name = MemoryContextStrdup(c->head.mcxt, (s && *s) ? s : p->payer_id);

		/* the payer's covered diagnoses (both lists are sorted by payer) */
		p->ncovered_dx = 0;
		p->covered_dx = NULL;
		for (i = 0; i < (int) ndxrows; i++)
		{
			if (strcmp(dxpay[i], payer) != 0)
				continue;
			if (p->covered_dx == NULL)
				p->covered_dx = MemoryContextAlloc(c->head.mcxt, ndxrows * sizeof(char *));
			p->covered_dx[p->ncovered_dx++] = MemoryContextStrdup(c->head.mcxt, dxcode[i]);
		}
		old = MemoryContextSwitchTo(c->head.mcxt);
		if (p->ncovered_dx > 1)
			qsort(p->covered_dx, p->ncovered_dx, sizeof(char *), cmp_str);
		p->covered_dx_examples = covered_dx_examples(p);
		p->cap_window_text = interval_text(&p->cap_window);
		p->min_interval_text = interval_text(&p->min_interval);
		p->covered_dx_keys = palloc(Max(p->ncovered_dx, 1) * sizeof(uint64));
		p->ncovered_dx_keys = 0;
		for (i = 0; i < p->ncovered_dx; i++)
			if (dx_key(p->covered_dx[i], &p->covered_dx_keys[p->ncovered_dx_keys]))
				p->ncovered_dx_keys++;
		if (p->ncovered_dx_keys > 1)
			qsort(p->covered_dx_keys, p->ncovered_dx_keys, sizeof(uint64), cmp_uint64);
		MemoryContextSwitchTo(old);
	}
	for (i = 0; i < c->npayers; i++)
		qsort(c->payers[i].rows, c->payers[i].nrows, sizeof(PayerPolicy), cmp_policy);
	/* the query sorted by the database collation; look-ups use strcmp */
	qsort(c->payers, c->npayers, sizeof(PayerEntry), cmp_payer);

	/* icd10 */
	c->ndx = select_rows("SELECT code, billable, effective_from, effective_to, "
						 "pg_catalog.array_to_string(replaced_by, ', ') "
						 "FROM tpi_rules.icd10", "icd10");
	c->dx = MemoryContextAllocZero(c->head.mcxt, Max(c->ndx, 1) * sizeof(DxEntry));
	for (j = 0; j < c->ndx; j++)
	{
		HeapTuple	tup = SPI_tuptable->vals[j];
		TupleDesc	td = SPI_tuptable->tupdesc;
		bool		isnull;
		char	   *s;

		c->dx[j].code = MemoryContextStrdup(c->head.mcxt, get_text(tup, td, 1, &isnull));
		c->dx[j].billable = DatumGetBool(SPI_getbinval(tup, td, 2, &isnull));
		c->dx[j].effective_from = DatumGetDateADT(SPI_getbinval(tup, td, 3, &isnull));
		c->dx[j].effective_to = get_date_or_end(tup, td, 4);
		s = get_text(tup, td, 5, &isnull);
		c->dx[j].replaced_by = (s && *s) ? MemoryContextStrdup(c->head.mcxt, s) : NULL;
	}
	qsort(c->dx, c->ndx, sizeof(DxEntry), cmp_dx);

	/* injectate: longest names first, so "normal saline" wins over "saline" */
	c->ninj = select_rows("SELECT name, class FROM tpi_rules.injectate "
						  "ORDER BY pg_catalog.length(name) DESC, name", "injectate");
	c->inj = MemoryContextAllocZero(c->head.mcxt, Max(c->ninj, 1) * sizeof(InjEntry));
	for (j = 0; j < c->ninj; j++)
	{
		HeapTuple	tup = SPI_tuptable->vals[j];
		TupleDesc	td = SPI_tuptable->tupdesc;
		bool		isnull;
		int			k = injectate_class(get_text(tup, td, 2, &isnull));

		c->inj[j].name = MemoryContextStrdup(c->head.mcxt, get_text(tup, td, 1, &isnull));
		c->inj[j].class = k >= 0 ? k : INJ_OTHER;
	}

	/* the HCPCS codes of the substances, for claims without note data */
	nrows = 0;					/* none in a 1.0 schema, before its update */
	if (tpi_ref_table_has("injectate", "hcpcs"))
	{
		nrows = select_rows("SELECT pg_catalog.upper(pg_catalog.btrim(h.code)), i.class "
							"FROM tpi_rules.injectate AS i, "
							"pg_catalog.unnest(i.hcpcs) AS h(code) "
							"WHERE h.code IS NOT NULL", "injectate");
	}
	c->inj_codes = MemoryContextAllocZero(c->head.mcxt, Max(nrows, 1) * sizeof(InjCode));
	c->ninj_codes = 0;
	for (n = 0; n < nrows; n++)
	{
		HeapTuple	tup = SPI_tuptable->vals[n];
		TupleDesc	td = SPI_tuptable->tupdesc;
		bool		isnull;
		char	   *code = get_text(tup, td, 1, &isnull);
		int			k = injectate_class(get_text(tup, td, 2, &isnull));
		uint32		bit = 1u << (k >= 0 ? k : INJ_OTHER);

		if (strlen(code) != 5)
			continue;			/* no HCPCS code: never on a claim line */
		memcpy(c->inj_codes[c->ninj_codes].code, code, 6);
		c->inj_codes[c->ninj_codes++].classes = bit;
	}
	/* one entry per code, with the classes of every substance listing it */
	qsort(c->inj_codes, c->ninj_codes, sizeof(InjCode), cmp_inj_code);
	for (i = 0, j = 0; i < c->ninj_codes; i++)
	{
		if (j > 0 && strcmp(c->inj_codes[j - 1].code, c->inj_codes[i].code) == 0)
			c->inj_codes[j - 1].classes |= c->inj_codes[i].classes;
		else
			c->inj_codes[j++] = c->inj_codes[i];
	}
	c->ninj_codes = j;

	/* payer_map (SPEC section 13; none in a 1.0 schema) */
	c->naliases = 0;
	if (tpi_ref_table_has("payer_map", NULL))
	{
		c->naliases = select_rows("SELECT source_id, payer_id FROM tpi_rules.payer_map "
								  "ORDER BY source_id COLLATE \"C\"", "payer_map");
	}
	c->aliases = MemoryContextAllocZero(c->head.mcxt, Max(c->naliases, 1) * sizeof(PayerAlias));
	for (j = 0; j < c->naliases; j++)
	{
		HeapTuple	tup = SPI_tuptable->vals[j];
		TupleDesc	td = SPI_tuptable->tupdesc;
		bool		isnull;

		c->aliases[j].source_id = MemoryContextStrdup(c->head.mcxt, get_text(tup, td, 1, &isnull));
		c->aliases[j].payer_id = MemoryContextStrdup(c->head.mcxt, get_text(tup, td, 2, &isnull));
	}
}


/* The rebuild behind tpi_policy_cache() (policy_cache.h). */
PolicyCache *
tpi_policy_cache_rebuild(uint32 gen)
{
	return tpi_ref_build((void **) &tpi_policy_cache_ptr, "tpi_rules policy cache",
						 sizeof(PolicyCache), gen, load_policies);
}

/*
 * The policy payer payer_id names but for case and surrounding spaces
 * ('Medicare', ' AETNA'): an analyst's spelling of a payer_policy key,
 * which would otherwise be judged, silently, as commercial_default.
 */
static const PayerEntry *
find_payer_folded(PolicyCache *c, const char *payer_id)
{
	size_t		len = strlen(payer_id);
	int			i;

	for (i = 0; i < c->npayers; i++)
		if (tpi_same_word(payer_id, len, c->payers[i].payer_id))
			return &c->payers[i];
	return NULL;
}

/*
 * Called once or more per line by the rules, so a binary search over C
 * order, after a look at the payer asked for last.  A payer_id that is no
 * policy's is looked up in payer_map (SPEC section 13) and stands for the
 * payer it maps to, else a policy's payer_id spelt otherwise; NULL when
 * none knows it (commercial_default then).
 */
static const PayerEntry *
find_payer(PolicyCache *c, const char *payer_id)
{
	PayerEntry	key;
	const PayerEntry *pe;

	if (payer_id == NULL)
		return NULL;
	if (c->last_valid && c->last_payer[0] == payer_id[0] &&
		strcmp(c->last_payer, payer_id) == 0)
		return c->last_entry;
	key.payer_id = (char *) payer_id;
	pe = bsearch(&key, c->payers, c->npayers, sizeof(PayerEntry), cmp_payer);
	if (pe == NULL && c->naliases > 0)
	{
		/* not a policy's payer_id: an external identifier in payer_map? */
		PayerAlias	akey;
		const PayerAlias *alias;

		akey.source_id = (char *) payer_id;
		alias = bsearch(&akey, c->aliases, c->naliases, sizeof(PayerAlias), cmp_alias);
		if (alias != NULL)
		{
			key.payer_id = alias->payer_id;
			pe = bsearch(&key, c->payers, c->npayers, sizeof(PayerEntry), cmp_payer);
		}
	}
	if (pe == NULL)
		pe = find_payer_folded(c, payer_id);
	if (strlen(payer_id) < sizeof(c->last_payer))
	{
		strcpy(c->last_payer, payer_id);
		c->last_entry = pe;
		c->last_valid = true;
	}
	return pe;
}

const char *
tpi_policy_payer_id(const char *payer_id)
{
	const PayerEntry *pe = find_payer(tpi_policy_cache(), payer_id);

	return pe ? pe->payer_id : TPI_DEFAULT_PAYER;
}

const PayerPolicy *
tpi_policy_for(const char *payer_id, DateADT dos, bool *fallback)
{
	PolicyCache *c = tpi_policy_cache();
	const PayerEntry *pe = find_payer(c, payer_id);
	int			i;

	*fallback = (pe == NULL);
	if (pe == NULL)
		pe = find_payer(c, TPI_DEFAULT_PAYER);
	if (pe == NULL || pe->nrows == 0)
		return &c->fallback;

	/* the latest row that has started and not ended; else the earliest */
	for (i = pe->nrows - 1; i >= 0; i--)
	{
		const PayerPolicy *p = &pe->rows[i];

		if (p->effective_from <= dos && dos <= p->effective_to)
			return p;
	}
	for (i = pe->nrows - 1; i >= 0; i--)
		if (pe->rows[i].effective_from <= dos)
			return &pe->rows[i];	/* ended rows: the last one that started */
	return &pe->rows[0];
}
