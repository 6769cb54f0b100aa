/*
 * line_cache.c
 *		The row trigger's copy of one patient's lines during one INSERT or
 *		COPY.  A bulk load arrives patient by patient; without the copy the
 *		trigger reads the patient's lines through the index for every row,
 *		most of them the lines of the same statement it has just checked.
 *
 * The copy is filled by one index read of the patient's lines from the
 * earliest date a row may look at onwards, taken under the patient lock,
 * and each row the trigger lets through is added to it.  It stands for
 * the table, as a fresh read would show it, only while nothing else can
 * have changed the patient's lines:
 *	  - the running statement is a plain INSERT into the table or a COPY
 *		FROM (frames.c): no ON CONFLICT that could skip a row, no MERGE or
 *		data-modifying WITH that could delete one;
 *	  - no other statement started since the copy was read, or during a
 *		row (another trigger, a volatile function in the INSERT's query, a
 *		DBA's trigger on finding_log);
 *	  - the trigger is the table's only BEFORE INSERT row trigger and has
 *		no WHEN condition, so every row stored is a row it let through,
 *		and no stored generated column is computed after it;
 *	  - no other transaction ended since the copy was read (the
 *		transaction-completion count a snapshot records): a DELETE, an
 *		UPDATE or a replication apply writes without the patient lock.
 * Anything else (UPDATE, partitions, a table read by plan) reads the table,
 * as does a patient with more than MAX_LINES lines from the copy's start.
 *
 * The copy of each new patient is filled by one walk over the index for
 * the whole statement (walk.c), which a load of new patients crosses
 * without a descent per patient.  The walk's snapshot stands for a fresh
 * one while no transaction ended and no other statement ran since it was
 * taken (the lines of this statement it shows by their command id); else
 * a new walk begins.  It holds a scan, a snapshot and buffer pins of the
 * statement's resource owner, so it ends with the statement (frames.c
 * calls back), or goes with the abort that ends a failed one.
 */
#include "guard.h"

#include "access/transam.h"
#include "access/xact.h"
#include "catalog/pg_trigger.h"
#include "storage/lwlock.h"
#include "utils/datetime.h"
#include "utils/memutils.h"
#include "utils/resowner.h"

/* beyond this the copy costs more than reading the window per row */
#define MAX_LINES 2000

typedef struct LineCache
{
	MemoryContext cxt;			/* the lines; emptied at each fill */
	bool		valid;
	Oid			relid;
	Oid			tgoid;
	uint64		frame;			/* the statement's frame serial */
	uint64		pushed;			/* frames pushed when the last row ended */
	uint64		row_pushed;		/* frames pushed when this row began */
	uint64		completions;	/* transactions ended before the read */
	bool		too_big;		/* the patient's rows read the table */
	char	   *patient_id;
	DateADT		lo;				/* every line of the patient dated lo or
								 * later is in lines */
	PatientLines pl;			/* by date; a date's rows in arrival order */

	/* the statement's walk over the index that fills the copy */
	GuardWalk  *walk;
	MemoryContext walk_cxt;		/* the walk's scan; NULL with no walk */
	GuardEntry *walk_e;
	uint64		walk_frame;		/* its statement */
	uint64		walk_pushed;	/* frames pushed when it began */
	uint64		walk_completions;	/* transactions ended when it began */
	ResourceOwner walk_owner;
	uint64		no_walk_frame;	/* a statement whose table has no walk */
} LineCache;

static LineCache cache;

/* Transactions ended in the cluster so far (what snapshots compare). */
static uint64
completions(void)
{
	uint64		n;

	LWLockAcquire(ProcArrayLock, LW_SHARED);
	n = ShmemVariableCache->xactCompletionCount;
	LWLockRelease(ProcArrayLock);
	return n;
}

static void
drop(void)
{
	cache.valid = false;
	if (cache.cxt)
		MemoryContextReset(cache.cxt);
	cache.pl.n = cache.pl.cap = 0;
	cache.pl.lines = NULL;
}

/*
 * The walk ends: with end, its scan is closed under the resource owner it
 * began in; without, the abort of a failed statement releases the scan and
 * the (sub)transaction's memory the walk's (the error may have left it
 * current).
 */
static void
walk_done(bool end)
{
	if (cache.walk_cxt == NULL)
		return;
	if (end)
	{
		tpi_guard_walk_end(cache.walk);
		MemoryContextDelete(cache.walk_cxt);
	}
	cache.walk = NULL;
	cache.walk_cxt = NULL;
	cache.walk_e = NULL;
}

/* A statement ended: the walk it began goes with it. */
static void
line_cache_frame_end(uint64 serial, bool failed)
{
	if (cache.walk_cxt && cache.walk_frame == serial)
		walk_done(!failed && CurrentResourceOwner == cache.walk_owner);
}

/* The copy does not outlive its transaction, nor keep its memory. */
static void
line_cache_xact_callback(XactEvent event, void *arg)
{
	if (event == XACT_EVENT_COMMIT || event == XACT_EVENT_ABORT ||
		event == XACT_EVENT_PREPARE)
	{
		drop();
		/* a statement's walk ends with it: here only its memory is left */
		walk_done(false);
	}
}

void
tpi_guard_line_cache_init(void)
{
	tpi_guard_frames_on_end(line_cache_frame_end);
	RegisterXactCallback(line_cache_xact_callback, NULL);
}

/*
 * The walk that reads the copy's lines, begun afresh where another
 * transaction ended or another statement ran since it began; NULL where
 * the table cannot be walked.
 */
static GuardWalk *
current_walk(GuardEntry *e, Relation rel, uint64 now)
{
	/* a statement that will not call back at its end keeps no walk */
	if (tpi_guard_frame_serial() != cache.frame)
		return NULL;
	if (cache.walk_cxt &&
		(cache.walk_frame != cache.frame || cache.walk_e != e ||
		 cache.walk_completions != now ||
		 cache.walk_pushed != tpi_guard_frames_pushed()))
	{
		/* another resource owner's scan is left for its statement's end */
		if (CurrentResourceOwner != cache.walk_owner)
			return NULL;
		walk_done(true);
	}
	if (cache.walk_cxt == NULL && cache.no_walk_frame != cache.frame)
	{
		MemoryContext old;

		cache.walk_cxt = AllocSetContextCreate(CurTransactionContext,
											   "tpi_rules guard walk",
											   ALLOCSET_DEFAULT_SIZES);
		old = MemoryContextSwitchTo(cache.walk_cxt);
		cache.walk_pushed = tpi_guard_frames_pushed();
		cache.walk = tpi_guard_walk_begin(e, rel);
		MemoryContextSwitchTo(old);
		if (cache.walk == NULL)
		{
			MemoryContextDelete(cache.walk_cxt);
			cache.walk_cxt = NULL;
			cache.no_walk_frame = cache.frame;
			return NULL;
		}
		cache.walk_e = e;
		cache.walk_frame = cache.frame;
		cache.walk_completions = now;
		cache.walk_owner = CurrentResourceOwner;
	}
	return cache.walk;
}

/*
 * Every row stored passes through trigger tgoid (no WHEN), which is the
 * table's only BEFORE INSERT row trigger, and nothing stored is computed
 * after it.
 */
static bool
rows_stored_as_returned(Relation rel, Oid tgoid)
{
	TriggerDesc *td = rel->trigdesc;
	TupleConstr *constr = RelationGetDescr(rel)->constr;
	int			i;

	if (constr && constr->has_generated_stored)
		return false;
	for (i = 0; td && i < td->numtriggers; i++)
	{
		const Trigger *t = &td->triggers[i];

		if (t->tgoid == tgoid ? t->tgqual != NULL :
			(TRIGGER_FOR_ROW(t->tgtype) && TRIGGER_FOR_BEFORE(t->tgtype) &&
			 TRIGGER_FOR_INSERT(t->tgtype)))
			return false;
	}
	return true;
}

/*
 * At the start of a row: whether this row may use the copy.  A copy of
 * another statement, table or trigger, or one another statement may have
 * outdated, is dropped.
 */
bool
tpi_guard_line_cache_begin(GuardEntry *e, Relation rel, TriggerData *td)
{
	Oid			relid = RelationGetRelid(rel);
	uint64		frame;

	if (!TRIGGER_FIRED_BY_INSERT(td->tg_event) || !OidIsValid(e->index_oid) ||
		(frame = tpi_guard_insert_frame(relid)) == 0 ||
		!rows_stored_as_returned(rel, td->tg_trigger->tgoid))
	{
		if (cache.valid)
			drop();
		return false;
	}
	if (cache.valid &&
		(cache.frame != frame || cache.pushed != tpi_guard_frames_pushed() ||
		 cache.relid != relid || cache.tgoid != td->tg_trigger->tgoid ||
		 cache.completions != completions()))
		drop();
	if (!cache.valid)
	{
		cache.frame = frame;
		cache.relid = relid;
		cache.tgoid = td->tg_trigger->tgoid;
	}
	cache.row_pushed = tpi_guard_frames_pushed();
	return true;
}

/* The first date a row of patient_id dated d may look at. */
static DateADT
earliest_needed(DateADT lo, DateADT d)
{
	return Min(lo, tpi_guard_date_plus(d, -GUARD_MIN_WINDOW_DAYS));
}

/* The first line of the copy dated d or later. */
static int
lower_bound(DateADT d)
{
	int			l = 0,
				h = cache.pl.n;

	while (l < h)
	{
		int			mid = l + (h - l) / 2;

		if (cache.pl.lines[mid]->date_of_service < d)
			l = mid + 1;
		else
			h = mid;
	}
	return l;
}

/*
 * The patient's lines the filter wants in [lo, hi], as tpi_guard_read_lines
 * gives them, from the copy; it is read first when it holds another
 * patient or starts after lo.  The lines belong to the copy: read only.
 */
void
tpi_guard_line_cache_read(GuardEntry *e, Relation rel, Datum patient,
						  const char *patient_id, DateADT d, DateADT lo,
						  DateADT hi, const LineFilter *lf, PatientLines *pl)
{
	int			first,
				last,
				i;

	if (!cache.valid || strcmp(cache.patient_id, patient_id) != 0 ||
		lo < cache.lo)
	{
		MemoryContext old;
		GuardWalk  *walk;

		if (cache.cxt == NULL)
			cache.cxt = AllocSetContextCreate(TopMemoryContext,
											  "tpi_rules guard line cache",
											  ALLOCSET_DEFAULT_SIZES);
		drop();
		old = MemoryContextSwitchTo(cache.cxt);
		cache.patient_id = pstrdup(patient_id);
		cache.lo = earliest_needed(lo, d);
		/* counted first: a transaction ending later may be in the read */
		cache.completions = completions();
		walk = current_walk(e, rel, cache.completions);
		if (walk)
			tpi_guard_walk_read(walk, patient_id, cache.lo, DATEVAL_NOEND,
								NULL, &cache.pl);
		else
			tpi_guard_read_lines(e, rel, patient, NULL, cache.lo,
								 DATEVAL_NOEND, NULL, &cache.pl);
		MemoryContextSwitchTo(old);
		cache.too_big = cache.pl.n > MAX_LINES;
		cache.valid = true;
	}
	else if (!cache.too_big && message_level_is_interesting(DEBUG1))
		elog(DEBUG1, "tpi_rules.guard: lines of patient \"%s\" from the statement's copy",
			 patient_id);
	if (cache.too_big)
	{
		tpi_guard_read_lines(e, rel, patient, NULL, lo, hi, lf, pl);
		return;
	}

	/* the lines are by date: those in [lo, hi] by two binary searches */
	first = lower_bound(lo);
	last = hi == DATEVAL_NOEND ? cache.pl.n : lower_bound(hi + 1);
	memset(pl, 0, sizeof(PatientLines));
	pl->cap = last - first + 1;
	pl->lines = palloc(pl->cap * sizeof(ClaimLine *));
	for (i = first; i < last; i++)
		if (tpi_guard_line_wanted(lf, cache.pl.lines[i]))
			pl->lines[pl->n++] = cache.pl.lines[i];
}

/*
 * At the end of a row the trigger lets through: the row goes into the
 * copy of its patient's lines, unless a statement ran during the row.
 */
void
tpi_guard_line_cache_end(const ClaimLine *nl)
{
	MemoryContext old;
	ClaimLine  *l;
	int			i;

	if (!cache.valid)
		return;
	/* a statement run during the row (a trigger on finding_log) */
	if (tpi_guard_frames_pushed() != cache.row_pushed ||
		nl->patient_id == NULL || nl->dos_null ||
		strcmp(cache.patient_id, nl->patient_id) != 0)
	{
		drop();
		return;
	}
	if (nl->date_of_service >= cache.lo && !cache.too_big)
	{
		old = MemoryContextSwitchTo(cache.cxt);
		tpi_guard_lines_room(&cache.pl);
		l = palloc(sizeof(ClaimLine));
		tpi_claim_copy(nl, l);
		MemoryContextSwitchTo(old);
		/* after the lines of its date and before later ones */
		for (i = cache.pl.n; i > 0 &&
			 cache.pl.lines[i - 1]->date_of_service > l->date_of_service; i--)
			cache.pl.lines[i] = cache.pl.lines[i - 1];
		cache.pl.lines[i] = l;
		cache.pl.n++;
	}
	cache.pushed = tpi_guard_frames_pushed();
}
