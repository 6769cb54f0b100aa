/*
 * reject.c
 *		The guard's rejection: one message for the row trigger, the
 *		statement trigger and the curable findings still there at COMMIT.
 *
 *	ERROR:  claim line C2/1 violates tpi_rules rules units.over_mue, ...
 *	   or:  3 claim lines violate tpi_rules rule freq.rolling_cap
 *	DETAIL: every finding of the rows (the first 20 rows with findings),
 *			"claim line C2/1: " before each when there are several rows
 *	HINT:	the fix from tpi_rules.rule's explanation of the first rule
 *
 * SQLSTATE 23514 (check_violation), with the table's schema and name in
 * the error's fields.
 */
#include "guard.h"

#include "catalog/pg_type.h"
#include "utils/builtins.h"
#include "utils/snapmgr.h"

/* rows whose findings the detail lists */
#define REPORT_ROWS 20

void
tpi_guard_attribute(AttrList *al, TpiFinding *f, bool curable)
{
	if (al->n == al->cap)
	{
		al->cap = al->cap ? al->cap * 2 : 8;
		al->items = al->items ? repalloc(al->items, al->cap * sizeof(Attributed)) :
			palloc(al->cap * sizeof(Attributed));
	}
	al->items[al->n].f = f;
	al->items[al->n].curable = curable;
	al->n++;
}

/*
 * Append item to a ", "-separated list unless it is in it already; true
 * if appended.
 */
static bool
append_unique(StringInfo list, const char *item)
{
	size_t		n = strlen(item);
	const char *p = list->data;

	while (p && *p)
	{
		if (strncmp(p, item, n) == 0 && (p[n] == '\0' || p[n] == ','))
			return false;
		p = strchr(p, ',');
		if (p)
			p += 2;
	}
	appendStringInfo(list, "%s%s", list->len ? ", " : "", item);
	return true;
}

/* An error rejects now, a curable one only at COMMIT. */
static inline bool
rejects(const Attributed *a, bool at_commit)
{
	return a->f->severity == TPI_ERROR && (!a->curable || at_commit);
}

/* A finding of al rejects its row now. */
bool
tpi_guard_rejects(const AttrList *al)
{
	int			i;

	for (i = 0; i < al->n; i++)
		if (rejects(&al->items[i], false))
			return true;
	return false;
}

/* The strings are made at the first row with findings: most have none. */
void
tpi_guard_report_init(RejectReport *r, bool at_commit)
{
	memset(r, 0, sizeof(RejectReport));
	r->at_commit = at_commit;
	r->cxt = CurrentMemoryContext;
}

/* "error drug.missing_on_claim on claim line C1/2 (checked at commit): ..." */
static void
describe(StringInfo buf, const Attributed *a, const ClaimLine *row,
		 bool at_commit)
{
	const TpiFinding *f = a->f;
	char	   *other = tpi_guard_other_line(f, row);

	appendStringInfo(buf, "%s %s", tpi_severity_name(f->severity), f->rule_id);
	if (other)
		appendStringInfo(buf, " on claim line %s", other);
	if (a->curable && !at_commit)
		appendStringInfoString(buf, " (checked at commit)");
	appendStringInfo(buf, ": %s", f->message);
}

/*
 * A row and its findings.  Its errors (a curable one only at COMMIT) are
 * reasons to reject; all its findings are listed.
 */
void
tpi_guard_report_row(RejectReport *r, const ClaimLine *row, const AttrList *al)
{
	char	   *key;
	bool		error = false;
	int			i;

	if (al->n == 0)
		return;
	if (r->ids.data == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(r->cxt);

		initStringInfo(&r->ids);
		initStringInfo(&r->rows);
		initStringInfo(&r->detail);
		initStringInfo(&r->first);
		MemoryContextSwitchTo(old);
	}
	key = tpi_guard_line_key(row->claim_id, row->line_no, row->line_no_null);
	for (i = 0; i < al->n; i++)
	{
		const TpiFinding *f = al->items[i].f;

		if (!rejects(&al->items[i], r->at_commit))
			continue;
		error = true;
		if (r->first_rule == NULL)
			r->first_rule = f->rule_id;
		if (append_unique(&r->ids, f->rule_id))
			r->nrules++;
	}
	if (error && append_unique(&r->rows, key))
		r->nrows++;
	if (r->nlisted >= REPORT_ROWS)
	{
		r->nmore++;
		return;
	}
	r->nlisted++;
	for (i = 0; i < al->n; i++)
	{
		if (r->detail.len > 0)
			appendStringInfoChar(&r->detail, '\n');
		appendStringInfo(&r->detail, "claim line %s: ", key);
		describe(&r->detail, &al->items[i], row, r->at_commit);
		/* the first row's alone, for a report of one row */
		if (r->nlisted == 1)
		{
			if (r->first.len > 0)
				appendStringInfoChar(&r->first, '\n');
			describe(&r->first, &al->items[i], row, r->at_commit);
		}
	}
}

/* The "Fix:" part of the rule's catalogue explanation, as a hint. */
static char *
fix_hint(const char *rule_id, int nrules)
{
	Oid			argtypes[1] = {TEXTOID};
	Datum		values[1];
	int			ret;
	char	   *fix = NULL;
	TpiRefSpi	owner;
	MemoryContext outer = CurrentMemoryContext;

	values[0] = CStringGetTextDatum(rule_id);
	/* at COMMIT there is no snapshot for the query */
	if (!ActiveSnapshotSet())
		PushActiveSnapshot(GetTransactionSnapshot());
	tpi_ref_spi_connect(&owner);
	ret = SPI_execute_with_args("SELECT explanation FROM tpi_rules.rule"
								" WHERE rule_id OPERATOR(pg_catalog.=) $1",
								1, argtypes, values, NULL, true, 1);
	if (ret == SPI_OK_SELECT && SPI_processed == 1)
	{
		char	   *expl = SPI_getvalue(SPI_tuptable->vals[0],
										SPI_tuptable->tupdesc, 1);

		fix = expl ? strstr(expl, "Fix: ") : NULL;
		if (fix && fix[5] != '\0')
			fix = MemoryContextStrdup(outer, fix + 5);
		else
			fix = NULL;
	}
	tpi_ref_spi_finish(&owner);
	if (fix == NULL)
		return pstrdup("Correct the line and retry; tpi_rules.rule explains each rule and its fix.");
	if (nrules > 1)
		return psprintf("Fix for %s: %s The fixes for the other rules are in tpi_rules.rule.",
						rule_id, fix);
	fix[0] = pg_toupper((unsigned char) fix[0]);
	return fix;
}

/* Raise the rejection; there must be an error in the report. */
void
tpi_guard_report_raise(RejectReport *r, const char *nspname, const char *relname)
{
	StringInfoData detail;

	Assert(r->nrows > 0);
	initStringInfo(&detail);
	/* one row: its findings without the row's key before each */
	appendStringInfoString(&detail, r->nlisted == 1 && r->nmore == 0 ?
						   r->first.data : r->detail.data);
	if (r->nmore > 0)
		appendStringInfo(&detail, "\n... and %d more claim lines with findings.",
						 r->nmore);
	if (r->at_commit)
		appendStringInfoString(&detail, "\nThese rules were checked at commit, because a later line of the claim could have satisfied them.");
	ereport(ERROR,
			(errcode(ERRCODE_CHECK_VIOLATION),
			 r->nrows == 1 ?
			 errmsg("claim line %s violates tpi_rules rule%s %s",
					r->rows.data, r->nrules > 1 ? "s" : "", r->ids.data) :
			 errmsg("%d claim lines violate tpi_rules rule%s %s",
					r->nrows, r->nrules > 1 ? "s" : "", r->ids.data),
			 errdetail("%s", detail.data),
			 errhint("%s", fix_hint(r->first_rule, r->nrules)),
			 err_generic_string(PG_DIAG_SCHEMA_NAME, nspname),
			 err_generic_string(PG_DIAG_TABLE_NAME, relname)));
	pg_unreachable();
}
