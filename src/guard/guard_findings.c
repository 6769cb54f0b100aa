/*
 * guard_findings.c
 *		What the guard triggers do with findings: which belong to the new
 *		row, the rejection message and hint, the finding_log writes, and
 *		the deferred (curable) findings checked at commit.
 */
#include "guard.h"

#include "access/xact.h"
#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/hsearch.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

/* A curable finding waiting for the end of the transaction. */
typedef struct Pending
{
	GuardMode	mode;
	Oid			rootid;
	char	   *nspname;		/* for the error's schema and table fields */
	char	   *relname;
	char	   *patient_id;
	DateADT		dos;
	const char *rule_id;
	char	   *claim_id;		/* the line the finding is on */
	int16		line_no;
	bool		line_no_null;
	char	   *row_key;		/* the row it was attributed to, "C1/1" */
	char	   *message;
	LogRef		log;			/* flag mode: its finding_log row */
	SubTransactionId subid;		/* added in */
	SubTransactionId cured_subid;	/* cured in, or Invalid */
	bool		dead;			/* its subtransaction was rolled back */
} Pending;

/* Pending findings by table, patient and date, so a row finds its day's. */
typedef struct PendingDayKey
{
	Oid			rootid;
	DateADT		dos;
	uint32		patient_hash;
} PendingDayKey;

typedef struct PendingDay
{
	PendingDayKey key;			/* hash key, must be first */
	List	   *items;			/* of Pending * */
} PendingDay;

static const char *const curable_rules[] = {
	"drug.missing_on_claim",
	"modifier.distinct_without_partner",
	"drug.unclassified_without_note"
};

/* per transaction; reset by guard_xact_callback */
static List *pending = NIL;		/* of Pending *, in TopTransactionContext */
static HTAB *pending_days = NULL;	/* in TopTransactionContext */

/* ------------------------------------------------------------------------
 * Messages, deferred findings at commit
 * ------------------------------------------------------------------------
 */
char *
tpi_guard_line_key(const char *claim_id, int16 line_no, bool line_no_null)
{
	char		num[8];

	if (line_no_null)
		strcpy(num, "?");
	else
		snprintf(num, sizeof(num), "%d", line_no);
	return psprintf("%s/%s", claim_id ? claim_id : "?", num);
}

/*
 * Append item to a ", "-separated list unless it is in it already; true
 * if appended.
 */
bool
tpi_guard_append_unique(StringInfo list, const char *item)
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

static const char *
curable_hint(const char *rule_id)
{
	if (strcmp(rule_id, "drug.missing_on_claim") == 0)
		return "Bill the injected drug on the same claim (a J-code, or C9399 on institutional claims) in the same transaction as the TPI line.";
	if (strcmp(rule_id, "modifier.distinct_without_partner") == 0)
		return "Remove the distinct-procedure modifier, or add the other procedure of that day in the same transaction.";
	return "Put the drug name and dose in the claim note (CMS-1500 Box 19) of the claim.";
}

/*
 * At COMMIT (or PREPARE): curable findings of reject-mode triggers that no
 * later line cured raise the rejection now, like a deferred constraint.
 */
static void
check_pending_at_commit(void)
{
	ListCell   *lc;
	Pending    *first = NULL;
	StringInfoData ids,
				lines,
				detail;
	int			nrules = 0,
				nlines = 0;

	initStringInfo(&ids);
	initStringInfo(&lines);
	initStringInfo(&detail);
	foreach(lc, pending)
	{
		Pending    *p = lfirst(lc);
		char	   *key;

		if (p->mode != GUARD_REJECT || p->dead ||
			p->cured_subid != InvalidSubTransactionId)
			continue;
		if (first == NULL)
			first = p;
		if (tpi_guard_append_unique(&ids, p->rule_id))
			nrules++;
		if (tpi_guard_append_unique(&lines, p->row_key))
			nlines++;
		key = tpi_guard_line_key(p->claim_id, p->line_no, p->line_no_null);
		appendStringInfo(&detail, "error %s", p->rule_id);
		if (strcmp(key, p->row_key) != 0)
			appendStringInfo(&detail, " on claim line %s", key);
		appendStringInfo(&detail, ": %s\n", p->message);
	}
	if (first == NULL)
		return;
	appendStringInfoString(&detail, "These rules were checked at commit, because a later line of the claim could have satisfied them.");
	ereport(ERROR,
			(errcode(ERRCODE_CHECK_VIOLATION),
			 nlines > 1 ?
			 errmsg("claim lines %s violate tpi_rules rule%s %s",
					lines.data, nrules > 1 ? "s" : "", ids.data) :
			 errmsg("claim line %s violates tpi_rules rule%s %s",
					lines.data, nrules > 1 ? "s" : "", ids.data),
			 errdetail("%s", detail.data),
			 errhint("%s", curable_hint(first->rule_id)),
			 err_generic_string(PG_DIAG_SCHEMA_NAME, first->nspname),
			 err_generic_string(PG_DIAG_TABLE_NAME, first->relname)));
}

static void
guard_xact_callback(XactEvent event, void *arg)
{
	switch (event)
	{
		case XACT_EVENT_PRE_COMMIT:
		case XACT_EVENT_PRE_PREPARE:
			check_pending_at_commit();
			break;
		case XACT_EVENT_COMMIT:
		case XACT_EVENT_ABORT:
		case XACT_EVENT_PREPARE:
		case XACT_EVENT_PARALLEL_COMMIT:
		case XACT_EVENT_PARALLEL_ABORT:
			/* their memory goes with the transaction */
			pending = NIL;
			pending_days = NULL;
			tpi_guard_xact_end();
			break;
		default:
			break;
	}
}

static void
guard_subxact_callback(SubXactEvent event, SubTransactionId mySubid,
					   SubTransactionId parentSubid, void *arg)
{
	ListCell   *lc;

	foreach(lc, pending)
	{
		Pending    *p = lfirst(lc);

		if (event == SUBXACT_EVENT_ABORT_SUB)
		{
			if (p->subid >= mySubid)
			{
				p->dead = true;
				continue;
			}
			/* the line that cured it was rolled back */
			if (p->cured_subid >= mySubid)
				p->cured_subid = InvalidSubTransactionId;
		}
		else if (event == SUBXACT_EVENT_COMMIT_SUB)
		{
			if (p->subid == mySubid)
				p->subid = parentSubid;
			if (p->cured_subid == mySubid)
				p->cured_subid = parentSubid;
		}
	}
}

void
tpi_guard_deferred_init(void)
{
	RegisterXactCallback(guard_xact_callback, NULL);
	RegisterSubXactCallback(guard_subxact_callback, NULL);
}

bool
tpi_guard_has_pending(void)
{
	return pending != NIL;
}

/* ------------------------------------------------------------------------
 * Attribution
 * ------------------------------------------------------------------------
 */
bool
tpi_guard_same_key(const char *c1, int16 l1, bool n1, const char *c2, int16 l2, bool n2)
{
	if ((c1 == NULL) != (c2 == NULL))
		return false;
	if (c1 && strcmp(c1, c2) != 0)
		return false;
	if (n1 != n2)
		return false;
	return n1 || l1 == l2;
}

bool
tpi_guard_finding_on_line(const TpiFinding *f, const ClaimLine *l)
{
	return f->claim_id != NULL &&
		tpi_guard_same_key(f->claim_id, f->line_no, f->line_no_null,
				 l->claim_id, l->line_no, l->line_no_null);
}

bool
tpi_guard_finding_in(const FindingList *fl, const TpiFinding *f)
{
	int			i;

	for (i = 0; i < fl->n; i++)
		if (strcmp(fl->items[i].rule_id, f->rule_id) == 0 &&
			tpi_guard_same_key(fl->items[i].claim_id, fl->items[i].line_no,
					 fl->items[i].line_no_null,
					 f->claim_id, f->line_no, f->line_no_null))
			return true;
	return false;
}

bool
tpi_guard_is_curable(const char *rule_id)
{
	int			i;

	for (i = 0; i < lengthof(curable_rules); i++)
		if (strcmp(curable_rules[i], rule_id) == 0)
			return true;
	return false;
}

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

/* ------------------------------------------------------------------------
 * Reject, log, defer
 * ------------------------------------------------------------------------
 */

/* The "Fix:" part of the rule's catalogue explanation, as a hint. */
char *
tpi_guard_fix_hint(const char *rule_id, int nerrors)
{
	Oid			argtypes[1] = {TEXTOID};
	Datum		values[1];
	int			ret;

	char	   *fix = NULL;
	TpiRefSpi	owner;
	MemoryContext outer = CurrentMemoryContext;

	values[0] = CStringGetTextDatum(rule_id);
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
	if (nerrors > 1)
		return psprintf("Fix for %s: %s The fixes for the other rules are in tpi_rules.rule.",
						rule_id, fix);
	fix[0] = pg_toupper((unsigned char) fix[0]);
	return fix;
}

/* The key of the line f is on ("C7/2") when that is not row, else NULL. */
char *
tpi_guard_other_line(const TpiFinding *f, const ClaimLine *row)
{
	if (f->claim_id && !tpi_guard_finding_on_line(f, row))
		return tpi_guard_line_key(f->claim_id, f->line_no, f->line_no_null);
	return NULL;
}

void
tpi_guard_describe(StringInfo buf, const Attributed *a, const ClaimLine *nl)
{
	const TpiFinding *f = a->f;
	char	   *other = tpi_guard_other_line(f, nl);

	appendStringInfo(buf, "%s %s", tpi_severity_name(f->severity), f->rule_id);
	if (other)
		appendStringInfo(buf, " on claim line %s", other);
	if (a->curable)
		appendStringInfoString(buf, " (checked at commit)");
	appendStringInfo(buf, ": %s", f->message);
}

static List **
pending_day(Oid rootid, const char *patient_id, DateADT dos, bool create)
{
	PendingDayKey key;
	PendingDay *d;
	bool		found;

	if (pending_days == NULL)
	{
		HASHCTL		ctl;

		if (!create)
			return NULL;
		memset(&ctl, 0, sizeof(ctl));
		ctl.keysize = sizeof(PendingDayKey);
		ctl.entrysize = sizeof(PendingDay);
		ctl.hcxt = TopTransactionContext;
		pending_days = hash_create("tpi_rules guard pending findings", 64, &ctl,
								   HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
	}
	memset(&key, 0, sizeof(key));
	key.rootid = rootid;
	key.dos = dos;
	key.patient_hash = DatumGetUInt32(hash_any((const unsigned char *) patient_id,
											   strlen(patient_id)));
	d = hash_search(pending_days, &key, create ? HASH_ENTER : HASH_FIND, &found);
	if (d == NULL)
		return NULL;
	if (!found)
		d->items = NIL;
	return &d->items;
}

static bool
pending_live(const Pending *p, const char *patient_id)
{
	return !p->dead && p->cured_subid == InvalidSubTransactionId &&
		strcmp(p->patient_id, patient_id) == 0;
}

static void
cure(Pending *p)
{
	if (p->mode == GUARD_FLAG)
		tpi_guard_log_delete(&p->log);
	p->cured_subid = GetCurrentSubTransactionId();
}

/*
 * Pending findings of NEW's day that the day's findings (with NEW) no
 * longer contain are cured; so are those on the line an UPDATE replaces,
 * which is checked afresh as NEW.
 */
void
tpi_guard_cure_pending(GuardEntry *e, const ClaimLine *nl, const ClaimLine *ol,
			 const FindingList *day)
{
	List	  **items;
	ListCell   *lc;

	if (ol && ol->patient_id && !ol->dos_null &&
		(items = pending_day(e->rootid, ol->patient_id, ol->date_of_service,
							 false)) != NULL)
		foreach(lc, *items)
		{
			Pending    *p = lfirst(lc);

			if (pending_live(p, ol->patient_id) &&
				tpi_guard_same_key(p->claim_id, p->line_no, p->line_no_null,
						 ol->claim_id, ol->line_no, ol->line_no_null))
				cure(p);
		}

	if (day == NULL ||
		(items = pending_day(e->rootid, nl->patient_id, nl->date_of_service,
							 false)) == NULL)
		return;
	foreach(lc, *items)
	{
		Pending    *p = lfirst(lc);
		TpiFinding	probe;

		if (!pending_live(p, nl->patient_id))
			continue;
		probe.rule_id = p->rule_id;
		probe.claim_id = p->claim_id;
		probe.line_no = p->line_no;
		probe.line_no_null = p->line_no_null;
		if (!tpi_guard_finding_in(day, &probe))
			cure(p);
	}
}

void
tpi_guard_add_pending(GuardEntry *e, Relation rel, GuardMode mode, const ClaimLine *nl,
			const TpiFinding *f, const LogRef *log)
{
	MemoryContext old;
	Pending    *p;
	List	  **items;
	ListCell   *lc;

	old = MemoryContextSwitchTo(TopTransactionContext);
	items = pending_day(e->rootid, nl->patient_id, nl->date_of_service, true);
	foreach(lc, *items)
	{
		Pending    *q = lfirst(lc);

		if (pending_live(q, nl->patient_id) &&
			strcmp(q->rule_id, f->rule_id) == 0 &&
			tpi_guard_same_key(q->claim_id, q->line_no, q->line_no_null,
					 f->claim_id, f->line_no, f->line_no_null))
		{
			/* already waiting; a second log row would be a duplicate */
			MemoryContextSwitchTo(old);
			if (mode == GUARD_FLAG)
				tpi_guard_log_delete(log);
			return;
		}
	}
	p = palloc0(sizeof(Pending));
	p->mode = mode;
	p->rootid = e->rootid;
	p->nspname = get_namespace_name(RelationGetNamespace(rel));
	p->relname = pstrdup(RelationGetRelationName(rel));
	p->patient_id = pstrdup(nl->patient_id);
	p->dos = nl->date_of_service;
	p->rule_id = f->rule_id;
	p->claim_id = f->claim_id ? pstrdup(f->claim_id) : NULL;
	p->line_no = f->line_no;
	p->line_no_null = f->line_no_null;
	p->row_key = tpi_guard_line_key(nl->claim_id, nl->line_no, nl->line_no_null);
	p->message = pstrdup(f->message);
	if (log)
		p->log = *log;
	p->subid = GetCurrentSubTransactionId();
	p->cured_subid = InvalidSubTransactionId;
	*items = lappend(*items, p);
	pending = lappend(pending, p);
	MemoryContextSwitchTo(old);
}

