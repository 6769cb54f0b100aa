/*
 * pending.c
 *		Curable findings (see trigger.c) waiting for the end of the
 *		transaction, like a deferred constraint: a later line cures them,
 *		a subtransaction rolled back brings them back, and at COMMIT those
 *		of reject-mode triggers still there raise the rejection.  In flag
 *		mode a finding's log row is deleted when a later line cures it, or
 *		dropped while the row trigger still holds it (finding_log.c).
 */
#include "guard.h"

#include "access/xact.h"
#include "common/hashfn.h"
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
	char	   *payer_id;		/* the row's, for its rule settings */
	DateADT		dos;
	TpiFinding	f;				/* its own copy, on the line it is on */
	ClaimLine	row;			/* the row it is attributed to: claim_id,
								 * line_no */
	LogRef		log;			/* flag mode: its finding_log row */
	/*
	 * reject mode: the row's other findings when it was checked (those
	 * that do not wait), for the rejection's detail, which lists every
	 * finding of a rejected row (SPEC section 9)
	 */
	TpiFinding *others;
	int			nothers;
	uint64		seq;			/* pending_seq when added */
	SubTransactionId subid;		/* added in */
	SubTransactionId cured_subid;	/* cured in, or Invalid */
	bool		dead;			/* its subtransaction was rolled back */
	struct Pending *next;		/* the next added */
	struct Pending *prev;
	struct Pending *next_of_day;	/* the next added on its day */
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
	Pending    *first;			/* linked by next_of_day */
	Pending    *last;
} PendingDay;

/* per transaction, in TopTransactionContext; reset at its end */
static Pending *pending = NULL;	/* linked by next, in the order added */
static Pending *pending_last = NULL;
static int	nlive = 0;			/* of them not dead and not cured */
static uint64 pending_seq = 0;	/* findings ever added */
static HTAB *pending_days = NULL;
static Oid	names_relid = InvalidOid;	/* the table named by the two below */
static char *names_nsp = NULL;	/* shared by its pending findings */
static char *names_rel = NULL;
/* the day last looked up: a claim's drug line follows its TPI line */
static PendingDay *last_day = NULL;
static Oid	last_rootid;
static DateADT last_dos;
static char *last_patient = NULL;
static size_t last_patient_cap = 0;

/* Not rolled back, not cured: it may still be cured or raised. */
static inline bool
is_live(const Pending *p)
{
	return !p->dead && p->cured_subid == InvalidSubTransactionId;
}

/* ------------------------------------------------------------------------
 * The end of the transaction
 * ------------------------------------------------------------------------
 */

/*
 * A row's waiting errors al, and its other findings as the rule settings
 * now judge them (one switched off since is left out), into r.
 */
static void
report_row(RejectReport *r, Pending *row, AttrList *al)
{
	int			i;

	for (i = 0; i < row->nothers; i++)
	{
		TpiFinding *o = &row->others[i];
		TpiSeverity sev;

		if (!tpi_rule_effective(tpi_rule_index(o->rule_id), row->payer_id, &sev))
			continue;
		o->severity = sev;
		tpi_guard_attribute(al, o, false);
	}
	tpi_guard_report_row(r, &row->row, al);
}

/* At COMMIT (or PREPARE): reject-mode findings no later line cured. */
static void
check_pending_at_commit(void)
{
	RejectReport r;
	Pending    *p;
	Pending    *first = NULL;
	Pending    *row = NULL;
	AttrList	al = {NULL, 0, 0};

	tpi_guard_report_init(&r, true);
	for (p = pending; p; p = p->next)
	{
		TpiSeverity sev;

		if (p->mode != GUARD_REJECT || !is_live(p))
			continue;

		/*
		 * COMMIT is a statement too: a rule switched off, or set below
		 * error, since the row was checked no longer rejects it (SPEC
		 * section 13).  A reload of the settings brings its own snapshot.
		 */
		if (!tpi_rule_effective(tpi_rule_index(p->f.rule_id), p->payer_id, &sev) ||
			sev != TPI_ERROR)
			continue;
		if (first == NULL)
			first = p;
		/* a row's findings were added one after the other */
		if (row && !tpi_guard_same_key(row->row.claim_id, row->row.line_no,
									   row->row.line_no_null,
									   p->row.claim_id, p->row.line_no,
									   p->row.line_no_null))
		{
			report_row(&r, row, &al);
			al.n = 0;
		}
		row = p;
		tpi_guard_attribute(&al, &p->f, true);
	}
	if (first == NULL)
		return;
	report_row(&r, row, &al);
	tpi_guard_report_raise(&r, first->nspname, first->relname);
}

static void
pending_xact_callback(XactEvent event, void *arg)
{
	switch (event)
	{
		case XACT_EVENT_PRE_COMMIT:
		case XACT_EVENT_PRE_PREPARE:
			if (pending != NULL)
				check_pending_at_commit();
			break;
		case XACT_EVENT_COMMIT:
		case XACT_EVENT_ABORT:
		case XACT_EVENT_PREPARE:
		case XACT_EVENT_PARALLEL_COMMIT:
		case XACT_EVENT_PARALLEL_ABORT:
			/* their memory goes with the transaction */
			pending = pending_last = NULL;
			nlive = 0;
			pending_days = NULL;
			names_relid = InvalidOid;
			last_day = NULL;
			last_patient = NULL;
			last_patient_cap = 0;
			break;
		default:
			break;
	}
}

static void
pending_subxact_callback(SubXactEvent event, SubTransactionId mySubid,
						 SubTransactionId parentSubid, void *arg)
{
	Pending    *p;

	for (p = pending; p; p = p->next)
	{
		if (event == SUBXACT_EVENT_ABORT_SUB)
		{
			bool		was_live = is_live(p);

			if (p->subid >= mySubid)
				p->dead = true;
			/* the line that cured it was rolled back */
			else if (p->cured_subid >= mySubid)
			{
				p->cured_subid = InvalidSubTransactionId;
				/* a held row it dropped is written after all */
				if (p->mode == GUARD_FLAG)
					tpi_guard_log_undrop(&p->log);
			}
			nlive += is_live(p) - was_live;
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
tpi_guard_pending_init(void)
{
	RegisterXactCallback(pending_xact_callback, NULL);
	RegisterSubXactCallback(pending_subxact_callback, NULL);
}

/* Some pending finding may still be cured. */
bool
tpi_guard_has_pending(void)
{
	return nlive > 0;
}

/* ------------------------------------------------------------------------
 * Curing, adding
 * ------------------------------------------------------------------------
 */
static PendingDay *
pending_day(Oid rootid, const char *patient_id, DateADT dos, bool create)
{
	PendingDayKey key;
	PendingDay *d;
	bool		found;
	size_t		len;

	/* entries stay where they are until the transaction ends */
	if (last_day && last_rootid == rootid && last_dos == dos &&
		strcmp(last_patient, patient_id) == 0)
		return last_day;
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
		d->first = d->last = NULL;
	last_day = d;
	last_rootid = rootid;
	last_dos = dos;
	len = strlen(patient_id) + 1;
	if (len > last_patient_cap)
	{
		if (last_patient)
			pfree(last_patient);
		last_patient_cap = Max(len, 64);
		last_patient = MemoryContextAlloc(TopTransactionContext, last_patient_cap);
	}
	memcpy(last_patient, patient_id, len);
	return d;
}

static bool
pending_live(const Pending *p, const char *patient_id)
{
	return is_live(p) &&
		strcmp(p->patient_id, patient_id) == 0;
}

/* p leaves the transaction's list and its memory is freed. */
static void
forget(Pending *p)
{
	if (p->prev)
		p->prev->next = p->next;
	else
		pending = p->next;
	if (p->next)
		p->next->prev = p->prev;
	else
		pending_last = p->prev;
	pfree(p);
}

typedef bool (*CureTest) (const Pending *p, const void *arg);

/*
 * The live pending findings of patient_id's day d that test picks are
 * cured.  One cured in the subtransaction that added it is forgotten (no
 * rollback can bring it back), so that a bulk load, whose every claim
 * waits for its drug line a row long, keeps few.  The flag-mode log rows
 * are deleted after the lists are settled: a DBA's trigger on that DELETE
 * may insert a line and so cure findings of this very day again.
 */
static void
cure_day(PendingDay *d, const char *patient_id, CureTest test, const void *arg)
{
	Pending   **link = &d->first;
	Pending    *prev = NULL;
	Pending    *p;
	LogRef	   *logs = NULL;
	int			nlogs = 0,
				cap = 0,
				i;

	while ((p = *link) != NULL)
	{
		if (pending_live(p, patient_id) && test(p, arg))
		{
			p->cured_subid = GetCurrentSubTransactionId();
			nlive--;
			if (p->mode == GUARD_FLAG)
			{
				if (nlogs == cap)
				{
					cap = cap ? cap * 2 : 4;
					logs = logs ? repalloc(logs, cap * sizeof(LogRef)) :
						palloc(cap * sizeof(LogRef));
				}
				logs[nlogs++] = p->log;
			}
			if (p->subid == p->cured_subid)
			{
				*link = p->next_of_day;
				if (d->last == p)
					d->last = prev;
				forget(p);
				continue;
			}
		}
		prev = p;
		link = &p->next_of_day;
	}
	if (d->first == NULL)
	{
		if (last_day == d)
			last_day = NULL;
		hash_search(pending_days, &d->key, HASH_REMOVE, NULL);
	}
	for (i = 0; i < nlogs; i++)
		tpi_guard_log_delete(&logs[i]);
}

static bool
not_found_in_day(const Pending *p, const void *day)
{
	return !tpi_guard_finding_in((const FindingList *) day, &p->f);
}

static bool
on_line(const Pending *p, const void *line)
{
	const ClaimLine *ol = line;

	return tpi_guard_same_key(p->f.claim_id, p->f.line_no, p->f.line_no_null,
							  ol->claim_id, ol->line_no, ol->line_no_null);
}

/*
 * The pending findings of a patient's day that the day's findings (with
 * the new lines) no longer contain are cured.
 */
void
tpi_guard_cure_pending(GuardEntry *e, const char *patient_id, DateADT dos,
					   const FindingList *day)
{
	PendingDay *d;

	if (nlive == 0 ||
		(d = pending_day(e->rootid, patient_id, dos, false)) == NULL)
		return;
	cure_day(d, patient_id, not_found_in_day, day);
}

/* Those on the line an UPDATE replaces are cured: it is checked afresh. */
void
tpi_guard_cure_line(GuardEntry *e, const ClaimLine *ol)
{
	PendingDay *d;

	if (nlive == 0 || ol->patient_id == NULL || ol->dos_null ||
		(d = pending_day(e->rootid, ol->patient_id, ol->date_of_service,
						 false)) == NULL)
		return;
	cure_day(d, ol->patient_id, on_line, ol);
}

/* A copy of s (NULL: none) at *next, which moves past it. */
static char *
chunk_strcpy(char **next, const char *s)
{
	char	   *copy = *next;
	size_t		len;

	if (s == NULL)
		return NULL;
	len = strlen(s) + 1;
	memcpy(copy, s, len);
	*next += len;
	return copy;
}

/* Not waiting itself: listed beside the row's waiting errors. */
static inline bool
waits_not(const Attributed *a)
{
	return !a->curable || a->f->severity != TPI_ERROR;
}

/* What tpi_guard_pending_logged() need not look before. */
uint64
tpi_guard_pending_mark(void)
{
	return pending_seq;
}

/*
 * The held log rows of holding held are written: the findings waiting
 * with references to them, all added after mark, get their rows' (refs,
 * by position).  The findings of earlier statements of the transaction
 * are not looked at again.
 */
void
tpi_guard_pending_logged(uint64 held, const LogRef *refs, uint64 mark)
{
	Pending    *p;

	for (p = pending_last; p && p->seq > mark; p = p->prev)
		if (p->log.held == held)
			p->log = refs[p->log.pos];
}

/*
 * Curable finding f, attributed to row (which has a patient and a date),
 * waits for the end of the transaction; log is its finding_log row (flag
 * mode).  row_found (reject mode) is all the row's findings: those that do
 * not wait are kept with it for the rejection's detail.
 */
void
tpi_guard_add_pending(GuardEntry *e, Relation rel, GuardMode mode,
					  const ClaimLine *row, const TpiFinding *f,
					  const LogRef *log, const AttrList *row_found)
{
	MemoryContext old;
	Pending    *p;
	PendingDay *d;
	Size		size;
	char	   *next;
	int			nothers = 0,
				i;

	old = MemoryContextSwitchTo(TopTransactionContext);
	d = pending_day(e->rootid, row->patient_id, row->date_of_service, true);
	for (p = d->first; p; p = p->next_of_day)
	{
		if (pending_live(p, row->patient_id) &&
			strcmp(p->f.rule_id, f->rule_id) == 0 &&
			tpi_guard_same_key(p->f.claim_id, p->f.line_no, p->f.line_no_null,
							   f->claim_id, f->line_no, f->line_no_null))
		{
			/* already waiting; a second log row would be a duplicate */
			MemoryContextSwitchTo(old);
			if (mode == GUARD_FLAG)
				tpi_guard_log_delete(log);
			return;
		}
	}
	/* the finding and its strings in one chunk: a bulk load adds many */
	size = MAXALIGN(sizeof(Pending)) + strlen(row->patient_id) + 1 +
		(row->payer_id ? strlen(row->payer_id) + 1 : 0) +
		strlen(f->message) + 1 + (f->claim_id ? strlen(f->claim_id) + 1 : 0) +
		(row->claim_id ? strlen(row->claim_id) + 1 : 0);
	for (i = 0; row_found && i < row_found->n; i++)
		if (waits_not(&row_found->items[i]))
		{
			const TpiFinding *o = row_found->items[i].f;

			nothers++;
			size += strlen(o->message) + 1 +
				(o->claim_id ? strlen(o->claim_id) + 1 : 0);
		}
	if (nothers > 0)
		size += MAXALIGN(nothers * sizeof(TpiFinding));
	p = palloc(size);
	memset(p, 0, sizeof(Pending));
	next = (char *) p + MAXALIGN(sizeof(Pending));
	if (nothers > 0)
	{
		int			k = 0;

		p->others = (TpiFinding *) next;
		next += MAXALIGN(nothers * sizeof(TpiFinding));
		for (i = 0; i < row_found->n; i++)
		{
			const TpiFinding *o = row_found->items[i].f;
			TpiFinding *c = &p->others[k];

			if (!waits_not(&row_found->items[i]))
				continue;
			memset(c, 0, sizeof(TpiFinding));
			c->rule_id = o->rule_id;
			c->severity = o->severity;
			c->message = chunk_strcpy(&next, o->message);
			c->claim_id = chunk_strcpy(&next, o->claim_id);
			c->line_no = o->line_no;
			c->line_no_null = o->line_no_null;
			k++;
		}
		p->nothers = nothers;
	}
	p->mode = mode;
	p->rootid = e->rootid;
	if (names_relid != RelationGetRelid(rel))
	{
		names_nsp = get_namespace_name(RelationGetNamespace(rel));
		names_rel = pstrdup(RelationGetRelationName(rel));
		names_relid = RelationGetRelid(rel);
	}
	p->nspname = names_nsp;
	p->relname = names_rel;
	p->patient_id = chunk_strcpy(&next, row->patient_id);
	p->payer_id = chunk_strcpy(&next, row->payer_id);
	p->dos = row->date_of_service;
	p->f.rule_id = f->rule_id;
	p->f.severity = f->severity;
	p->f.message = chunk_strcpy(&next, f->message);
	p->f.claim_id = chunk_strcpy(&next, f->claim_id);
	p->f.line_no = f->line_no;
	p->f.line_no_null = f->line_no_null;
	p->row.claim_id = chunk_strcpy(&next, row->claim_id);
	p->row.line_no = row->line_no;
	p->row.line_no_null = row->line_no_null;
	if (log)
		p->log = *log;
	else
		ItemPointerSetInvalid(&p->log.tid);
	p->subid = GetCurrentSubTransactionId();
	p->cured_subid = InvalidSubTransactionId;
	p->seq = ++pending_seq;
	if (d->last)
		d->last->next_of_day = p;
	else
		d->first = p;
	d->last = p;
	p->prev = pending_last;
	if (pending_last)
		pending_last->next = p;
	else
		pending = p;
	pending_last = p;
	nlive++;
	MemoryContextSwitchTo(old);
}
