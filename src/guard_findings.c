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

static SPIPlanPtr log_plan = NULL;	/* all findings of a row */
static SPIPlanPtr log_one_plan = NULL;	/* one finding, RETURNING id */
static SPIPlanPtr log_delete_plan = NULL;

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

void
tpi_guard_describe(StringInfo buf, const Attributed *a, const ClaimLine *nl)
{
	const TpiFinding *f = a->f;

	appendStringInfo(buf, "%s %s", tpi_severity_name(f->severity), f->rule_id);
	if (f->claim_id && !tpi_guard_finding_on_line(f, nl))
		appendStringInfo(buf, " on claim line %s",
						 tpi_guard_line_key(f->claim_id, f->line_no, f->line_no_null));
	if (a->curable)
		appendStringInfoString(buf, " (checked at commit)");
	appendStringInfo(buf, ": %s", f->message);
}

/*
 * finding_log rows, written in one INSERT per row (or statement).  The
 * writes run as the owner of the extension's tables, so a role that may
 * insert into a guarded table need not (and should not) be able to write
 * the log itself; the same holds for reading the rule catalogue.
 */
static void
ensure_log_plans(void)
{
	static const char *cols =
		"INSERT INTO tpi_rules.finding_log (table_name, claim_id, line_no,"
		" patient_id, date_of_service, rule_id, severity, message) ";
	Oid			argtypes[8] = {TEXTOID, TEXTARRAYOID, INT2ARRAYOID, TEXTARRAYOID,
	DATEARRAYOID, TEXTARRAYOID, TEXTARRAYOID, TEXTARRAYOID};

	if (log_plan != NULL)
		return;
	log_plan = tpi_guard_prepare_kept(psprintf("%s SELECT $1, f.c, f.l, f.p, f.d, f.r,"
									 " f.s::tpi_rules.severity, f.m"
									 " FROM ROWS FROM (pg_catalog.unnest($2),"
									 " pg_catalog.unnest($3), pg_catalog.unnest($4),"
									 " pg_catalog.unnest($5), pg_catalog.unnest($6),"
									 " pg_catalog.unnest($7), pg_catalog.unnest($8))"
									 " AS f(c, l, p, d, r, s, m)",
									 cols), 8, argtypes);
	argtypes[1] = argtypes[3] = argtypes[5] = argtypes[6] = argtypes[7] = TEXTOID;
	argtypes[2] = INT2OID;
	argtypes[4] = DATEOID;
	log_one_plan = tpi_guard_prepare_kept(psprintf("%s VALUES ($1, $2, $3, $4, $5, $6,"
										 " $7::tpi_rules.severity, $8) RETURNING id, ctid",
										 cols), 8, argtypes);
	/* by ctid: a TID scan whatever the statistics said at planning time */
	argtypes[0] = TIDOID;
	argtypes[1] = INT8OID;
	log_delete_plan = tpi_guard_prepare_kept("DELETE FROM tpi_rules.finding_log"
								   " WHERE ctid OPERATOR(pg_catalog.=) $1"
								   " AND id OPERATOR(pg_catalog.=) $2",
								   2, argtypes);
}

static char *
log_message(const TpiFinding *f, const ClaimLine *row)
{
	if (f->claim_id && !tpi_guard_finding_on_line(f, row))
		return psprintf("[on claim line %s] %s",
						tpi_guard_line_key(f->claim_id, f->line_no, f->line_no_null),
						f->message);
	return f->message;
}

#define GROW(field, type, cap) \
	(b->field = b->field ? repalloc(b->field, (cap) * sizeof(type)) : \
	 palloc((cap) * sizeof(type)))

void
tpi_guard_log_add(LogBatch *b, const ClaimLine *row, const TpiFinding *f)
{
	if (b->n == b->cap)
	{
		int			cap = b->cap ? b->cap * 2 : 16;

		GROW(claim_id, Datum, cap);
		GROW(claim_id_null, bool, cap);
		GROW(line_no, Datum, cap);
		GROW(line_no_null, bool, cap);
		GROW(patient_id, Datum, cap);
		GROW(patient_id_null, bool, cap);
		GROW(dos, Datum, cap);
		GROW(dos_null, bool, cap);
		GROW(rule_id, Datum, cap);
		GROW(severity, Datum, cap);
		GROW(message, Datum, cap);
		b->cap = cap;
	}
	b->claim_id_null[b->n] = row->claim_id == NULL;
	b->claim_id[b->n] = row->claim_id ? CStringGetTextDatum(row->claim_id) : (Datum) 0;
	b->line_no_null[b->n] = row->line_no_null;
	b->line_no[b->n] = Int16GetDatum(row->line_no);
	b->patient_id_null[b->n] = row->patient_id == NULL;
	b->patient_id[b->n] = row->patient_id ? CStringGetTextDatum(row->patient_id) : (Datum) 0;
	b->dos_null[b->n] = row->dos_null;
	b->dos[b->n] = DateADTGetDatum(row->date_of_service);
	b->rule_id[b->n] = CStringGetTextDatum(f->rule_id);
	b->severity[b->n] = CStringGetTextDatum(tpi_severity_name(f->severity));
	b->message[b->n] = CStringGetTextDatum(log_message(f, row));
	b->n++;
}

static Datum
array_of(Datum *d, bool *nulls, int n, Oid elemtype)
{
	int16		typlen;
	bool		typbyval;
	char		typalign;
	int			dims[1];
	int			lbs[1] = {1};

	dims[0] = n;
	get_typlenbyvalalign(elemtype, &typlen, &typbyval, &typalign);
	return PointerGetDatum(construct_md_array(d, nulls, 1, dims, lbs, elemtype,
											  typlen, typbyval, typalign));
}

void
tpi_guard_log_flush(LogBatch *b, const char *table_name)
{
	Datum		values[8];
	TpiRefSpi	owner;
	int			ret;

	if (b->n == 0)
		return;
	values[0] = CStringGetTextDatum(table_name);
	values[1] = array_of(b->claim_id, b->claim_id_null, b->n, TEXTOID);
	values[2] = array_of(b->line_no, b->line_no_null, b->n, INT2OID);
	values[3] = array_of(b->patient_id, b->patient_id_null, b->n, TEXTOID);
	values[4] = array_of(b->dos, b->dos_null, b->n, DATEOID);
	values[5] = array_of(b->rule_id, NULL, b->n, TEXTOID);
	values[6] = array_of(b->severity, NULL, b->n, TEXTOID);
	values[7] = array_of(b->message, NULL, b->n, TEXTOID);
	ensure_log_plans();
	tpi_ref_spi_connect(&owner);
	ret = SPI_execute_plan(log_plan, values, NULL, false, 0);
	if (ret != SPI_OK_INSERT)
		elog(ERROR, "tpi_rules.guard: logging findings returned %s",
			 SPI_result_code_string(ret));
	tpi_ref_spi_finish(&owner);
	b->n = 0;
}

/* One finding that may be deleted again: returns its id and ctid. */
LogRef
tpi_guard_log_one(const char *table_name, const ClaimLine *row, const TpiFinding *f)
{
	Datum		values[8];
	char		nulls[8];
	TpiRefSpi	owner;
	LogRef		ref;
	bool		isnull;
	int			ret;

	memset(nulls, ' ', sizeof(nulls));
	values[0] = CStringGetTextDatum(table_name);
	values[1] = row->claim_id ? CStringGetTextDatum(row->claim_id) : (Datum) 0;
	nulls[1] = row->claim_id ? ' ' : 'n';
	values[2] = Int16GetDatum(row->line_no);
	nulls[2] = row->line_no_null ? 'n' : ' ';
	values[3] = row->patient_id ? CStringGetTextDatum(row->patient_id) : (Datum) 0;
	nulls[3] = row->patient_id ? ' ' : 'n';
	values[4] = DateADTGetDatum(row->date_of_service);
	nulls[4] = row->dos_null ? 'n' : ' ';
	values[5] = CStringGetTextDatum(f->rule_id);
	values[6] = CStringGetTextDatum(tpi_severity_name(f->severity));
	values[7] = CStringGetTextDatum(log_message(f, row));
	ensure_log_plans();
	tpi_ref_spi_connect(&owner);
	ret = SPI_execute_plan(log_one_plan, values, nulls, false, 1);
	if (ret != SPI_OK_INSERT_RETURNING || SPI_processed != 1)
		elog(ERROR, "tpi_rules.guard: logging a finding returned %s",
			 SPI_result_code_string(ret));
	ref.id = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0],
										 SPI_tuptable->tupdesc, 1, &isnull));
	ref.tid = *(ItemPointer) DatumGetPointer(SPI_getbinval(SPI_tuptable->vals[0],
														   SPI_tuptable->tupdesc,
														   2, &isnull));
	tpi_ref_spi_finish(&owner);
	return ref;
}

/*
 * Log a row's findings; the curable ones (which a later line may delete
 * again) one by one, with their references returned in logs.
 */
void
tpi_guard_log_findings(GuardEntry *e, const ClaimLine *nl, const AttrList *al,
			 LogRef *logs)
{
	LogBatch	b;
	int			i;

	memset(&b, 0, sizeof(b));
	for (i = 0; i < al->n; i++)
	{
		if (al->items[i].curable)
			logs[i] = tpi_guard_log_one(e->table_name, nl, al->items[i].f);
		else
			tpi_guard_log_add(&b, nl, al->items[i].f);
	}
	tpi_guard_log_flush(&b, e->table_name);
}

static void
delete_log_row(const LogRef *log)
{
	Datum		values[2];
	TpiRefSpi	owner;
	int			ret;

	ensure_log_plans();
	values[0] = PointerGetDatum(&log->tid);
	values[1] = Int64GetDatum(log->id);
	tpi_ref_spi_connect(&owner);
	ret = SPI_execute_plan(log_delete_plan, values, NULL, false, 0);
	if (ret != SPI_OK_DELETE)
		elog(ERROR, "tpi_rules.guard: deleting a cured finding returned %s",
			 SPI_result_code_string(ret));
	tpi_ref_spi_finish(&owner);
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
		delete_log_row(&p->log);
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
				delete_log_row(log);
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

