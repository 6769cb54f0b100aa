/*
 * rule_settings.c
 *		Backend cache of each rule's effective severity: tpi_rules.rule
 *		(the catalogue's severity) and tpi_rules.rule_setting (per-payer
 *		switches and severities, SPEC section 13).
 *
 * Both tables are read once into a memory context under CacheMemoryContext
 * and thrown away when tpi_ref_generation(TPI_REF_RULE) moves on, which a
 * change to either table causes (reference_changed), so every session sees
 * an edit at its next statement.  For each payer named in rule_setting the
 * cache holds that payer's own rows (UNSET where it has none).  A claim's
 * payer gets, rule by rule, its own row, else the row of the payer_policy
 * payer it is judged by (the one payer_map maps it to, or
 * commercial_default for a payer neither knows: SPEC section 13), else the
 * rows for every payer, else the catalogue.
 */
#include "refdata.h"

#include "executor/spi.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

/* A rule's setting: its severity, or RULE_OFF when switched off. */
#define RULE_OFF	((int8) -1)
#define CATALOGUE	((int8) -2)	/* while loading: tpi_rules.rule's severity */
#define UNSET		((int8) -3)	/* a payer's rows do not name the rule */

typedef struct PayerRules
{
	char	   *payer_id;
	int8		setting[TPI_NRULES];
} PayerRules;

typedef struct RuleCache
{
	TpiRefCache head;			/* memory context and generation */
	int8		every_payer[TPI_NRULES];	/* catalogue + NULL-payer rows */
	PayerRules *payers;			/* sorted by payer_id (strcmp) */
	int			npayers;
	/*
	 * The last payer looked up and its merged settings: a patient's lines
	 * mostly share one.  The merge depends on payer_map and payer_policy
	 * too, so it is valid only for the policy generation it was made at.
	 */
	char		last_payer[NAMEDATALEN];
	int8		last_setting[TPI_NRULES];
	uint32		last_policy_gen;
	bool		last_valid;
} RuleCache;

static RuleCache *cache = NULL;

static int
cmp_payer_rules(const void *a, const void *b)
{
	return strcmp(((const PayerRules *) a)->payer_id,
				  ((const PayerRules *) b)->payer_id);
}

static int8
severity_of(const char *s)
{
	if (s == NULL)
		return RULE_OFF;
	if (strcmp(s, "info") == 0)
		return TPI_INFO;
	if (strcmp(s, "warning") == 0)
		return TPI_WARNING;
	return TPI_ERROR;
}

/* Applies rule_setting row n of the current SPI result to setting[]. */
static void
apply_row(int8 *setting, uint64 n)
{
	HeapTuple	tup = SPI_tuptable->vals[n];
	TupleDesc	td = SPI_tuptable->tupdesc;
	bool		isnull;
	Datum		d;
	char	   *rule_id;
	int			r;

	rule_id = TextDatumGetCString(SPI_getbinval(tup, td, 2, &isnull));
	r = tpi_rule_find(rule_id);
	if (r < 0)
		return;					/* an unknown rule_id changes nothing */
	d = SPI_getbinval(tup, td, 3, &isnull);
	if (!isnull && !DatumGetBool(d))
	{
		setting[r] = RULE_OFF;
		return;
	}
	/* NULL severity: the catalogue's, which the caller fills in for -2 */
	d = SPI_getbinval(tup, td, 4, &isnull);
	setting[r] = isnull ? CATALOGUE : severity_of(TextDatumGetCString(d));
}

static void
load_rules(void *arg)
{
	RuleCache  *c = arg;
	int8		catalogue[TPI_NRULES];
	uint64		n,
				nrows;
	int			i;

	for (i = 0; i < TPI_NRULES; i++)
		catalogue[i] = tpi_rule_defs[i].severity;
	if (SPI_execute("SELECT rule_id, severity::pg_catalog.text FROM tpi_rules.rule",
					true, 0) != SPI_OK_SELECT)
		elog(ERROR, "could not read tpi_rules.rule");
	for (n = 0; n < SPI_processed; n++)
	{
		bool		isnull;
		Datum		d = SPI_getbinval(SPI_tuptable->vals[n], SPI_tuptable->tupdesc, 1, &isnull);
		int			r = isnull ? -1 : tpi_rule_find(TextDatumGetCString(d));

		d = SPI_getbinval(SPI_tuptable->vals[n], SPI_tuptable->tupdesc, 2, &isnull);
		if (r >= 0 && !isnull)
			catalogue[r] = severity_of(TextDatumGetCString(d));
	}

	/* NULL payer first, then each payer's rows together (none in 1.0) */
	nrows = 0;
	if (tpi_ref_table_has("rule_setting", NULL))
	{
		if (SPI_execute("SELECT payer_id, rule_id, enabled, severity::pg_catalog.text "
						"FROM tpi_rules.rule_setting "
						"ORDER BY payer_id COLLATE \"C\" NULLS FIRST",
						true, 0) != SPI_OK_SELECT)
			elog(ERROR, "could not read tpi_rules.rule_setting");
		nrows = SPI_processed;
	}
	memcpy(c->every_payer, catalogue, sizeof(catalogue));
	for (n = 0; n < nrows; n++)
	{
		bool		isnull;

		(void) SPI_getbinval(SPI_tuptable->vals[n], SPI_tuptable->tupdesc, 1, &isnull);
		if (!isnull)
			break;
		apply_row(c->every_payer, n);
	}
	for (i = 0; i < TPI_NRULES; i++)
		if (c->every_payer[i] == CATALOGUE)
			c->every_payer[i] = catalogue[i];

	c->payers = MemoryContextAllocZero(c->head.mcxt,
									   Max(nrows - n, 1) * sizeof(PayerRules));
	c->npayers = 0;
	for (; n < nrows; n++)
	{
		bool		isnull;
		char	   *payer = TextDatumGetCString(SPI_getbinval(SPI_tuptable->vals[n],
															  SPI_tuptable->tupdesc,
															  1, &isnull));
		PayerRules *pr;

		if (c->npayers == 0 ||
			strcmp(c->payers[c->npayers - 1].payer_id, payer) != 0)
		{
			pr = &c->payers[c->npayers++];
			pr->payer_id = MemoryContextStrdup(c->head.mcxt, payer);
			memset(pr->setting, UNSET, sizeof(pr->setting));
		}
		pr = &c->payers[c->npayers - 1];
		apply_row(pr->setting, n);
	}
	for (i = 0; i < c->npayers; i++)
	{
		int			r;

		for (r = 0; r < TPI_NRULES; r++)
			if (c->payers[i].setting[r] == CATALOGUE)
				c->payers[i].setting[r] = catalogue[r];
	}
	/* sorted by the query's "C" collation, which strcmp agrees with */
}

static pg_noinline RuleCache *
rebuild_cache(uint32 gen)
{
	return tpi_ref_build((void **) &cache, "tpi_rules rule settings",
						 sizeof(RuleCache), gen, load_rules);
}

static inline RuleCache *
get_cache(void)
{
	uint32		gen = tpi_ref_generation(TPI_REF_RULE);

	if (cache != NULL && cache->head.generation == gen)
		return cache;
	return rebuild_cache(gen);
}

static const PayerRules *
find_payer(RuleCache *c, const char *payer_id)
{
	PayerRules	key;

	key.payer_id = (char *) payer_id;
	return bsearch(&key, c->payers, c->npayers, sizeof(PayerRules),
				   cmp_payer_rules);
}

/* Overlays the rules a payer's rows name onto setting[]. */
static void
overlay(int8 *setting, const PayerRules *pr)
{
	int			r;

	if (pr == NULL)
		return;
	for (r = 0; r < TPI_NRULES; r++)
		if (pr->setting[r] != UNSET)
			setting[r] = pr->setting[r];
}

/*
 * The settings of payer_id, rule by rule: its own row, else its policy
 * payer's (the payer_map target, or commercial_default for a payer_id
 * neither payer_policy nor payer_map knows), else every payer's.  A row
 * for a raw source_id names only the rules it sets: the policy payer's
 * other rows still apply.
 */
static const int8 *
payer_settings(RuleCache *c, const char *payer_id)
{
	const char *policy_payer;
	uint32		policy_gen;

	if (payer_id == NULL || c->npayers == 0)
		return c->every_payer;
	policy_gen = tpi_ref_generation(TPI_REF_POLICY);
	if (c->last_valid && c->last_policy_gen == policy_gen &&
		strcmp(c->last_payer, payer_id) == 0)
		return c->last_setting;
	policy_payer = tpi_policy_payer_id(payer_id);
	memcpy(c->last_setting, c->every_payer, sizeof(c->last_setting));
	if (strcmp(policy_payer, payer_id) != 0)
		overlay(c->last_setting, find_payer(c, policy_payer));
	overlay(c->last_setting, find_payer(c, payer_id));
	/* a payer_id too long for the memo is merged again next time */
	c->last_valid = strlen(payer_id) < sizeof(c->last_payer);
	if (c->last_valid)
	{
		strcpy(c->last_payer, payer_id);
		c->last_policy_gen = policy_gen;
	}
	return c->last_setting;
}

bool
tpi_rule_effective(int rule, const char *payer_id, TpiSeverity *severity)
{
	const int8 *setting = payer_settings(get_cache(), payer_id);

	Assert(rule >= 0 && rule < TPI_NRULES);
	if (setting[rule] == RULE_OFF)
		return false;
	*severity = (TpiSeverity) setting[rule];
	return true;
}
