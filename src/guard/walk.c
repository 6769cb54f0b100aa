/*
 * walk.c
 *		Reading many patients' lines in one pass of the (patient_id,
 *		date_of_service) index: the statement trigger's patients, and the
 *		row trigger's during one bulk load (line_cache.c).  Read one by one,
 *		each patient costs a descent of the index from its root, comparing
 *		the patient id under the column's collation at every level: a third
 *		of the trigger on a bulk load.  The patients come sorted, and a bulk
 *		load's patients mostly lie next to each other in the index too, so
 *		the walk goes on from where the last patient's entries ended.  It
 *		descends only when the next entry is not the next patient's and the
 *		patient may have entries elsewhere: a patient that sorts between the
 *		last one read and the entry the scan stands on has none, which is
 *		what a load of new patients meets at every row.
 *
 * "The next patient's" is decided by the bytes of the patient id, which is
 * exact for text or varchar under a deterministic collation; with another
 * type or collation, or a descending patient_id, there is no walk.  Each
 * patient must be locked before it is read, and the walk's snapshot taken
 * after the locks of every transaction whose lines it must show (the
 * statement trigger locks all its patients first; the row trigger starts
 * a new walk when a transaction has ended since), with the command
 * counter advanced, so each patient's lines are those a fresh read after
 * its lock would show.
 *
 * Between two descents the scan only moves forward, over entries the
 * snapshot was taken for, and the patients read since the descent come in
 * increasing order: entries added since (the row trigger's own rows) are
 * of patients already read, which a later read of theirs finds by a
 * descent.
 */
#include "guard.h"

#include "access/genam.h"
#include "access/itup.h"
#include "access/nbtree.h"
#include "access/relscan.h"
#include "access/tableam.h"
#include "access/xact.h"
#include "catalog/pg_index.h"
#include "catalog/pg_type.h"
#include "fmgr.h"
#include "executor/tuptable.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/snapmgr.h"

struct GuardWalk
{
	GuardEntry *e;
	Relation	rel;
	Relation	idx;
	Snapshot	snap;
	IndexScanDesc scan;
	TupleTableSlot *slot;
	bool		have;			/* the scan is on an entry */
	MemoryContext cxt;			/* the walk's */
	text	   *key;			/* the scan key's patient id: the scan
								 * reads it until the next descent */
	text	   *last;			/* the last patient read since the descent */
	FmgrInfo   *order;			/* the index's comparison of patient ids */
};

/*
 * A walk over rel's index, or NULL when the table is not read by its
 * index or the patient ids cannot be compared by their bytes.
 */
GuardWalk *
tpi_guard_walk_begin(GuardEntry *e, Relation rel)
{
	GuardWalk  *w;
	Relation	idx;
	Oid			type;

	if (!OidIsValid(e->index_oid))
		return NULL;
	idx = index_open(e->index_oid, AccessShareLock);
	type = TupleDescAttr(RelationGetDescr(idx), 0)->atttypid;
	/* a descending patient_id would be walked the other way */
	if ((idx->rd_indoption[0] & INDOPTION_DESC) ||
		(type != TEXTOID && type != VARCHAROID) ||
		(OidIsValid(e->patient_coll) &&
		 !get_collation_isdeterministic(e->patient_coll)))
	{
		index_close(idx, AccessShareLock);
		return NULL;
	}
	w = palloc0(sizeof(GuardWalk));
	w->e = e;
	w->rel = rel;
	w->idx = idx;
	w->cxt = CurrentMemoryContext;
	CommandCounterIncrement();
	w->snap = RegisterSnapshot(GetLatestSnapshot());
	w->slot = table_slot_create(rel, NULL);
	w->scan = index_beginscan(rel, idx, w->snap, 1, 0);
	w->order = index_getprocinfo(idx, 1, BTORDER_PROC);
	/* the entries' own patient and date, read before any heap fetch */
	w->scan->xs_want_itup = true;
	return w;
}

void
tpi_guard_walk_end(GuardWalk *w)
{
	if (w == NULL)
		return;
	index_endscan(w->scan);
	if (w->key)
		pfree(w->key);
	if (w->last)
		pfree(w->last);
	ExecDropSingleTupleTableSlot(w->slot);
	UnregisterSnapshot(w->snap);
	index_close(w->idx, AccessShareLock);
	pfree(w);
}

/*
 * The scan allocates what it keeps (its tuple buffer, the dead items it
 * will mark) in the memory current when it moves: the walk's, which
 * outlives the caller's per-patient context.
 */
static void
advance(GuardWalk *w)
{
	MemoryContext caller = MemoryContextSwitchTo(w->cxt);

	w->have = index_getnext_tid(w->scan, ForwardScanDirection) != NULL;
	MemoryContextSwitchTo(caller);
}

/* The current entry is patient_id's. */
static bool
entry_is(GuardWalk *w, const char *patient_id, size_t len)
{
	bool		isnull;
	Datum		d;
	text	   *t;
	bool		same;

	if (!w->have)
		return false;
	d = index_getattr(w->scan->xs_itup, 1, w->scan->xs_itupdesc, &isnull);
	if (isnull)
		return false;
	t = DatumGetTextPP(d);
	same = VARSIZE_ANY_EXHDR(t) == len &&
		memcmp(VARDATA_ANY(t), patient_id, len) == 0;
	if ((Pointer) t != DatumGetPointer(d))
		pfree(t);
	return same;
}

/* a <, =, > b under the index's ordering of patient ids */
static int
order(GuardWalk *w, Datum a, Datum b)
{
	return DatumGetInt32(FunctionCall2Coll(w->order, w->e->patient_coll, a, b));
}

/*
 * patient_id has no entries: it sorts after the last patient read since
 * the descent and before the entry the scan stands on (or the scan has
 * passed the last entry), and the scan passed everything in between.
 */
static bool
known_absent(GuardWalk *w, text *patient)
{
	bool		isnull;
	Datum		d;

	if (w->last == NULL ||
		order(w, PointerGetDatum(w->last), PointerGetDatum(patient)) >= 0)
		return false;
	if (!w->have)
		return true;
	d = index_getattr(w->scan->xs_itup, 1, w->scan->xs_itupdesc, &isnull);
	return !isnull && order(w, PointerGetDatum(patient), d) < 0;
}

/* patient_id as text, in the walk's memory */
static text *
walk_text(GuardWalk *w, const char *patient_id, size_t len)
{
	MemoryContext caller = MemoryContextSwitchTo(w->cxt);
	text	   *t = cstring_to_text_with_len(patient_id, len);

	MemoryContextSwitchTo(caller);
	return t;
}

/* patient (the walk's) becomes the last patient read */
static void
set_last(GuardWalk *w, text *patient)
{
	if (w->last)
		pfree(w->last);
	w->last = patient;
}

/* A descent: the scan goes to the first entry of patient_id or after it. */
static void
descend(GuardWalk *w, const char *patient_id, size_t len)
{
	ScanKeyData key;
	text	   *old = w->key;
	MemoryContext caller;

	/* the scan keeps the key's datum: the old one is freed after */
	w->key = walk_text(w, patient_id, len);
	ScanKeyEntryInitialize(&key, 0, 1, BTGreaterEqualStrategyNumber,
						   InvalidOid, w->e->patient_coll,
						   w->e->patient_ge, PointerGetDatum(w->key));
	/* what the rescan allocates is the scan's: in the walk's memory */
	caller = MemoryContextSwitchTo(w->cxt);
	index_rescan(w->scan, &key, 1, NULL, 0);
	MemoryContextSwitchTo(caller);
	if (old)
		pfree(old);
	advance(w);
}

/*
 * The lines of patient_id dated lo to hi that the filter wants, as
 * tpi_guard_read_lines() gives them.  Patients must come in the walk's
 * order of calls; any order is right, the sorted one is fast.
 */
void
tpi_guard_walk_read(GuardWalk *w, const char *patient_id, DateADT lo,
					DateADT hi, const LineFilter *lf, PatientLines *pl)
{
	size_t		len = strlen(patient_id);
	text	   *patient = walk_text(w, patient_id, len);

	memset(pl, 0, sizeof(PatientLines));
	if (entry_is(w, patient_id, len))
		set_last(w, patient);
	else
	{
		bool		absent = known_absent(w, patient);

		set_last(w, patient);
		if (absent)
			return;
		descend(w, patient_id, len);
	}
	for (; entry_is(w, patient_id, len); advance(w))
	{
		bool		isnull;
		Datum		dos = index_getattr(w->scan->xs_itup, 2,
										w->scan->xs_itupdesc, &isnull);
		bool		should_free;
		HeapTuple	tup;

		MemoryContext caller;
		bool		visible;

		if (isnull || DatumGetDateADT(dos) < lo || DatumGetDateADT(dos) > hi)
			continue;
		caller = MemoryContextSwitchTo(w->cxt);
		visible = index_fetch_heap(w->scan, w->slot);
		MemoryContextSwitchTo(caller);
		if (!visible)
			continue;
		tup = ExecFetchSlotHeapTuple(w->slot, false, &should_free);
		tpi_guard_add_line(pl, tup, RelationGetDescr(w->rel), &w->e->cols, lf);
		if (should_free)
			heap_freetuple(tup);
	}
}
