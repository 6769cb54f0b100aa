/*
 * guard_cache.c
 *		The guard triggers' per-table cache (column map, kept plan, the
 *		(patient_id, date_of_service) index), the missing-index warning,
 *		reading a patient's lines and the per-patient locks.
 */
#include "guard.h"

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/nbtree.h"
#include "access/tableam.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/partition.h"
#include "catalog/pg_am.h"
#include "catalog/pg_class.h"
#include "catalog/pg_index.h"
#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "executor/executor.h"
#include "miscadmin.h"
#include "storage/lmgr.h"
#include "storage/lock.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"

static HTAB *guard_cache = NULL;
static MemoryContext guard_mcxt = NULL;
static List *warned_relids = NIL;	/* missing-index WARNING given */

/* per transaction; reset by guard_xact_callback() */
static uint64 guard_xact_serial = 1;
static int	patient_locks = 0;

/* ------------------------------------------------------------------------
 * Invalidation
 * ------------------------------------------------------------------------
 */
static void
guard_relcache_callback(Datum arg, Oid relid)
{
	HASH_SEQ_STATUS status;
	GuardEntry *e;

	if (guard_cache == NULL)
		return;
	hash_seq_init(&status, guard_cache);
	while ((e = hash_seq_search(&status)) != NULL)
		if (!OidIsValid(relid) || e->key.relid == relid || e->rootid == relid)
			e->valid = false;
}

/* At the end of a transaction its patient locks and table locks are gone. */
static void
guard_xact_callback(XactEvent event, void *arg)
{
	switch (event)
	{
		case XACT_EVENT_COMMIT:
		case XACT_EVENT_ABORT:
		case XACT_EVENT_PREPARE:
		case XACT_EVENT_PARALLEL_COMMIT:
		case XACT_EVENT_PARALLEL_ABORT:
			patient_locks = 0;
			guard_xact_serial++;
			break;
		default:
			break;
	}
}

/*
 * A subtransaction rolled back releases the table lock it took: the
 * patients are locked one by one again.  (The patient locks it took are
 * released too but stay counted: the table is locked a little early.)
 */
static void
guard_subxact_callback(SubXactEvent event, SubTransactionId mySubid,
					   SubTransactionId parentSubid, void *arg)
{
	HASH_SEQ_STATUS status;
	GuardEntry *e;

	if (guard_cache == NULL ||
		(event != SUBXACT_EVENT_ABORT_SUB && event != SUBXACT_EVENT_COMMIT_SUB))
		return;
	hash_seq_init(&status, guard_cache);
	while ((e = hash_seq_search(&status)) != NULL)
	{
		if (e->escalated_xact != guard_xact_serial)
			continue;
		if (event == SUBXACT_EVENT_ABORT_SUB && e->escalated_subid >= mySubid)
			e->escalated_xact = 0;
		else if (event == SUBXACT_EVENT_COMMIT_SUB && e->escalated_subid == mySubid)
			e->escalated_subid = parentSubid;
	}
}

void
tpi_guard_cache_init(void)
{
	HASHCTL		ctl;

	guard_mcxt = AllocSetContextCreate(TopMemoryContext, "tpi_rules guard",
									   ALLOCSET_SMALL_SIZES);
	memset(&ctl, 0, sizeof(ctl));
	ctl.keysize = sizeof(GuardKey);
	ctl.entrysize = sizeof(GuardEntry);
	ctl.hcxt = guard_mcxt;
	guard_cache = hash_create("tpi_rules guard plans", 16, &ctl,
							  HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
	CacheRegisterRelcacheCallback(guard_relcache_callback, (Datum) 0);
	RegisterXactCallback(guard_xact_callback, NULL);
	RegisterSubXactCallback(guard_subxact_callback, NULL);
}

/* ------------------------------------------------------------------------
 * Per-table cache: column map, plan, missing-index warning
 * ------------------------------------------------------------------------
 */

/*
 * A valid, non-partial index whose first two key columns are patient_id and
 * date_of_service, preferring a btree; InvalidOid if there is none.
 */
static Oid
patient_dos_index(Relation rel, const ClaimColumns *cols, bool *is_btree)
{
	List	   *indexes = RelationGetIndexList(rel);
	AttrNumber	pat = cols->attno[GC_PATIENT_ID] + 1;
	AttrNumber	dos = cols->attno[GC_DOS] + 1;
	ListCell   *lc;
	Oid			found = InvalidOid;

	*is_btree = false;
	foreach(lc, indexes)
	{
		Oid			indexoid = lfirst_oid(lc);
		HeapTuple	tup = SearchSysCache1(INDEXRELID, ObjectIdGetDatum(indexoid));
		Form_pg_index idx;
		bool		fits;

		if (!HeapTupleIsValid(tup))
			continue;
		idx = (Form_pg_index) GETSTRUCT(tup);
		fits = idx->indisvalid && idx->indnkeyatts >= 2 &&
			idx->indkey.values[0] == pat && idx->indkey.values[1] == dos &&
			heap_attisnull(tup, Anum_pg_index_indpred, NULL);
		ReleaseSysCache(tup);
		if (!fits)
			continue;
		found = indexoid;
		tup = SearchSysCache1(RELOID, ObjectIdGetDatum(indexoid));
		if (HeapTupleIsValid(tup))
		{
			*is_btree = ((Form_pg_class) GETSTRUCT(tup))->relam == BTREE_AM_OID;
			ReleaseSysCache(tup);
		}
		if (*is_btree)
			break;
	}
	list_free(indexes);
	return found;
}

static void
warn_missing_index(Relation rel)
{
	Oid			relid = RelationGetRelid(rel);
	MemoryContext old;

	if (list_member_oid(warned_relids, relid))
		return;
	old = MemoryContextSwitchTo(guard_mcxt);
	warned_relids = lappend_oid(warned_relids, relid);
	MemoryContextSwitchTo(old);
	ereport(WARNING,
			(errmsg("table \"%s\" guarded by tpi_rules.guard() has no index on (patient_id, date_of_service)",
					RelationGetRelationName(rel)),
			 errdetail("Every guarded insert or update reads the patient's other lines; without such an index each one scans the table."),
			 errhint("CREATE INDEX ON %s (patient_id, date_of_service);",
					 quote_qualified_identifier(isTempNamespace(RelationGetNamespace(rel)) ?
												"pg_temp" :
												get_namespace_name(RelationGetNamespace(rel)),
												RelationGetRelationName(rel)))));
}

/*
 * Plain tables with a btree (patient_id, date_of_service) index are read
 * by a direct index scan: no executor start-up per row, and no generic
 * plan chosen while the table was still empty.  Partitioned tables (read
 * through the root), foreign tables and tables without the index use the
 * kept SPI plan.
 */
static void
setup_index_scan(GuardEntry *e, Relation rel, Oid indexoid)
{
	Relation	idx = index_open(indexoid, AccessShareLock);
	Oid			ops[4];
	int			i;

	ops[0] = get_opfamily_member(idx->rd_opfamily[0], idx->rd_opcintype[0],
								 idx->rd_opcintype[0], BTEqualStrategyNumber);
	ops[1] = get_opfamily_member(idx->rd_opfamily[1], idx->rd_opcintype[1],
								 idx->rd_opcintype[1], BTGreaterEqualStrategyNumber);
	ops[2] = get_opfamily_member(idx->rd_opfamily[1], idx->rd_opcintype[1],
								 idx->rd_opcintype[1], BTLessEqualStrategyNumber);
	ops[3] = get_opfamily_member(idx->rd_opfamily[0], idx->rd_opcintype[0],
								 idx->rd_opcintype[0], BTGreaterEqualStrategyNumber);
	e->index_oid = InvalidOid;
	for (i = 0; i < 4; i++)
		if (!OidIsValid(ops[i]))
			break;
	if (i == 4 && idx->rd_opcintype[1] == DATEOID)
	{
		e->patient_eq = get_opcode(ops[0]);
		e->patient_ge = get_opcode(ops[3]);
		e->dos_ge = get_opcode(ops[1]);
		e->dos_le = get_opcode(ops[2]);
		e->patient_coll = idx->rd_indcollation[0];
		e->index_oid = indexoid;
	}
	index_close(idx, AccessShareLock);
}

static void
build_entry(GuardEntry *e, Relation rel)
{
	TupleDesc	tupdesc = RelationGetDescr(rel);
	ClaimColumns cols;
	Oid			rootid = RelationGetRelid(rel);
	StringInfoData sql;
	Oid			argtypes[3];
	Oid			indexoid;
	bool		is_btree;
	int			c,
				k;

	if (e->scan_plan)
	{
		SPI_freeplan(e->scan_plan);
		e->scan_plan = NULL;
	}
	if (e->mcxt)
	{
		MemoryContextDelete(e->mcxt);
		e->mcxt = NULL;
	}

	/* a missing required column is an ERROR naming it, at every fire */
	tpi_claim_columns(tupdesc, RelationGetRelationName(rel), &cols);
	e->cols = cols;

	e->mcxt = AllocSetContextCreate(guard_mcxt, "tpi_rules guard table",
									ALLOCSET_SMALL_SIZES);
	e->nancestors = 0;
	e->ancestors = NULL;
	if (rel->rd_rel->relispartition)
	{
		List	   *ancestors = get_partition_ancestors(rootid);
		ListCell   *lc;

		e->ancestors = MemoryContextAlloc(e->mcxt, list_length(ancestors) * sizeof(Oid));
		foreach(lc, ancestors)
			e->ancestors[e->nancestors++] = lfirst_oid(lc);
		rootid = llast_oid(ancestors);
	}
	e->rootid = rootid;
	{
		HeapTuple	tp = SearchSysCache1(RELOID, ObjectIdGetDatum(rootid));

		if (!HeapTupleIsValid(tp))
			elog(ERROR, "cache lookup failed for relation %u", rootid);
		e->owner = ((Form_pg_class) GETSTRUCT(tp))->relowner;
		ReleaseSysCache(tp);
	}
	e->table_name = MemoryContextStrdup(e->mcxt,
										quote_qualified_identifier(get_namespace_name(get_rel_namespace(rootid)),
																   get_rel_name(rootid)));

	/* read only the claim_line columns the table has */
	initStringInfo(&sql);
	appendStringInfoString(&sql, "SELECT tableoid, ctid");
	for (c = 0, k = 2; c < TPI_NCOLS; c++)
	{
		e->scan_cols.attno[c] = -1;
		e->scan_cols.basetype[c] = cols.basetype[c];
		if (cols.attno[c] < 0)
			continue;
		appendStringInfo(&sql, ", %s", quote_identifier(tpi_claim_column_names[c]));
		e->scan_cols.attno[c] = k++;
	}
	appendStringInfo(&sql,
					 " FROM %s WHERE patient_id OPERATOR(pg_catalog.=) $1"
					 " AND date_of_service OPERATOR(pg_catalog.>=) $2"
					 " AND date_of_service OPERATOR(pg_catalog.<=) $3",
					 e->table_name);
	e->patient_type = TupleDescAttr(tupdesc, cols.attno[GC_PATIENT_ID])->atttypid;
	argtypes[0] = e->patient_type;
	argtypes[1] = DATEOID;
	argtypes[2] = DATEOID;
	e->scan_plan = tpi_guard_prepare_kept(sql.data, 3, argtypes);

	e->index_oid = InvalidOid;
	indexoid = patient_dos_index(rel, &cols, &is_btree);
	if (!OidIsValid(indexoid))
		warn_missing_index(rel);
	else if (is_btree && rootid == RelationGetRelid(rel) &&
			 rel->rd_rel->relkind == RELKIND_RELATION)
		setup_index_scan(e, rel, indexoid);
	e->valid = true;
}

GuardEntry *
tpi_guard_entry(Relation rel, Oid tgoid)
{
	GuardKey	key;
	GuardEntry *e;
	bool		found;

	memset(&key, 0, sizeof(key));
	key.relid = RelationGetRelid(rel);
	key.tgoid = tgoid;
	e = hash_search(guard_cache, &key, HASH_ENTER, &found);
	if (!found)
	{
		e->valid = false;
		e->mcxt = NULL;
		e->scan_plan = NULL;
		e->rootid = key.relid;
		e->escalated_xact = 0;
	}
	if (!e->valid)
	{
		/* its plan is kept; what building it used goes with SPI's memory */
		if (SPI_connect() != SPI_OK_CONNECT)
			elog(ERROR, "tpi_rules.guard: SPI_connect failed");
		build_entry(e, rel);
		SPI_finish();
	}
	return e;
}

/* ------------------------------------------------------------------------
 * Serialising per patient
 * ------------------------------------------------------------------------
 */
void
tpi_guard_lock_patient(GuardEntry *e, const char *patient_id)
{
	LOCKTAG		tag;
	uint32		classid;
	uint32		objid;

	if (e->escalated_xact == guard_xact_serial)
		return;
	if (patient_locks >= max_locks_per_xact)
	{
		/* conflicts with every other writer's ROW EXCLUSIVE lock */
		LockRelationOid(e->rootid, ShareRowExclusiveLock);
		e->escalated_xact = guard_xact_serial;
		e->escalated_subid = GetCurrentSubTransactionId();
		return;
	}
	classid = DatumGetUInt32(hash_any((const unsigned char *) "tpi_rules", 9));
	objid = DatumGetUInt32(hash_any((const unsigned char *) patient_id,
									strlen(patient_id)));
	/* the key space of pg_advisory_xact_lock(int4, int4) */
	SET_LOCKTAG_ADVISORY(tag, MyDatabaseId, classid, objid, 2);
	if (LockAcquire(&tag, ExclusiveLock, false, false) == LOCKACQUIRE_OK)
		patient_locks++;
}

/* ------------------------------------------------------------------------
 * Reading the patient's lines
 * ------------------------------------------------------------------------
 */
static int
interval_days(const Interval *iv)
{
	int64		d = (int64) iv->month * 31 + iv->day;

	if (iv->time > 0)
		d += iv->time / USECS_PER_DAY + 1;
	return (int) Min(Max(d, 0), 100000);
}

/*
 * The window around a TPI line's date that the frequency rules can look
 * at: the payer's cap window and minimum interval, at least two years.
 */
int
tpi_guard_window_days(const ClaimLine *l)
{
	bool		fallback;
	const PayerPolicy *pol = tpi_policy_for(l->payer_id, l->date_of_service,
											&fallback);
	int			w = GUARD_MIN_WINDOW_DAYS;

	w = Max(w, interval_days(&pol->cap_window) + 1);
	if (pol->has_min_interval)
		w = Max(w, interval_days(&pol->min_interval) + 1);
	return w;
}

DateADT
tpi_guard_date_plus(DateADT d, int64 days)
{
	int64		r = (int64) d + days;

	if (DATE_NOT_FINITE(d))
		return d;
	return (DateADT) Min(Max(r, DATETIME_MIN_JULIAN - POSTGRES_EPOCH_JDATE),
						 DATE_END_JULIAN - POSTGRES_EPOCH_JDATE - 1);
}

/* Room for one more line (a first vector in the current memory context). */
void
tpi_guard_lines_room(PatientLines *pl)
{
	if (pl->n < pl->cap)
		return;
	pl->cap = pl->cap ? pl->cap * 2 : 16;
	pl->lines = pl->lines ? repalloc(pl->lines, pl->cap * sizeof(ClaimLine *)) :
		palloc(pl->cap * sizeof(ClaimLine *));
}

/* Keep (and decode) a line if the filter wants it (lf NULL: every line). */
void
tpi_guard_add_line(PatientLines *pl, HeapTuple tup, TupleDesc desc,
				   const ClaimColumns *cols, const LineFilter *lf)
{
	bool		isnull;
	Datum		d = heap_getattr(tup, cols->attno[GC_DOS] + 1, desc, &isnull);

	/* tpi_guard_line_wanted(), before the line is decoded */
	if (!tpi_guard_date_wanted(lf, isnull, isnull ? 0 : DatumGetDateADT(d)))
	{
		if (!lf->tpi)
			return;
		d = heap_getattr(tup, cols->attno[GC_HCPCS] + 1, desc, &isnull);
		if (isnull || !tpi_is_tpi_code(TextDatumGetCString(d)))
			return;
	}
	tpi_guard_lines_room(pl);
	pl->lines[pl->n] = palloc(sizeof(ClaimLine));
	tpi_claim_from_tuple(tup, desc, cols, pl->lines[pl->n]);
	pl->n++;
}

/*
 * The patient's lines are read with a fresh snapshot taken after the
 * patient lock: it shows the lines committed by a transaction we waited
 * for even under REPEATABLE READ, and, the command counter advanced, the
 * lines this transaction and this very statement have already written.
 * skip is the version of the row an UPDATE replaces (row trigger).
 */
static void
read_by_index(GuardEntry *e, Relation rel, Datum patient, ItemPointer skip,
			  DateADT lo, DateADT hi, const LineFilter *lf, PatientLines *pl)
{
	Relation	idx = index_open(e->index_oid, AccessShareLock);
	ScanKeyData keys[3];
	Snapshot	snap;
	IndexScanDesc scan;
	TupleTableSlot *slot;

	ScanKeyEntryInitialize(&keys[0], 0, 1, BTEqualStrategyNumber, InvalidOid,
						   e->patient_coll, e->patient_eq, patient);
	ScanKeyEntryInitialize(&keys[1], 0, 2, BTGreaterEqualStrategyNumber,
						   InvalidOid, InvalidOid, e->dos_ge, DateADTGetDatum(lo));
	ScanKeyEntryInitialize(&keys[2], 0, 2, BTLessEqualStrategyNumber,
						   InvalidOid, InvalidOid, e->dos_le, DateADTGetDatum(hi));
	CommandCounterIncrement();
	snap = RegisterSnapshot(GetLatestSnapshot());
	slot = table_slot_create(rel, NULL);
	scan = index_beginscan(rel, idx, snap, 3, 0);
	index_rescan(scan, keys, 3, NULL, 0);
	while (index_getnext_slot(scan, ForwardScanDirection, slot))
	{
		bool		should_free;
		HeapTuple	tup;

		if (skip && ItemPointerEquals(&slot->tts_tid, skip))
			continue;
		tup = ExecFetchSlotHeapTuple(slot, false, &should_free);
		tpi_guard_add_line(pl, tup, RelationGetDescr(rel), &e->cols, lf);
		if (should_free)
			heap_freetuple(tup);
	}
	index_endscan(scan);
	ExecDropSingleTupleTableSlot(slot);
	UnregisterSnapshot(snap);
	index_close(idx, AccessShareLock);
}

static void
read_by_plan(GuardEntry *e, Oid relid, Datum patient, ItemPointer skip,
			 DateADT lo, DateADT hi, const LineFilter *lf, PatientLines *pl)
{
	Datum		values[3];
	bool		isnull;
	int			ret;
	uint64		i;
	SPITupleTable *tt;

	Oid			save_userid;
	int			save_sec_context;

	MemoryContext outer = CurrentMemoryContext;

	values[0] = patient;
	values[1] = DateADTGetDatum(lo);
	values[2] = DateADTGetDatum(hi);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "tpi_rules.guard: SPI_connect failed");

	/*
	 * As the table's owner and past row security, as foreign key checks
	 * read: the rules count every line of the patient, whoever inserts
	 * (the direct index scan does the same).  read_only = false advances
	 * the command counter.
	 */
	GetUserIdAndSecContext(&save_userid, &save_sec_context);
	SetUserIdAndSecContext(e->owner, save_sec_context |
						   SECURITY_LOCAL_USERID_CHANGE | SECURITY_NOFORCE_RLS);
	ret = SPI_execute_snapshot(e->scan_plan, values, NULL,
							   GetLatestSnapshot(), InvalidSnapshot,
							   false, false, 0);
	SetUserIdAndSecContext(save_userid, save_sec_context);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "tpi_rules.guard: reading %s returned %s", e->table_name,
			 SPI_result_code_string(ret));

	/* the lines must outlive SPI's memory: copied and decoded out of it */
	MemoryContextSwitchTo(outer);
	tt = SPI_tuptable;
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = tt->vals[i];
		Oid			tableoid = DatumGetObjectId(SPI_getbinval(tup, tt->tupdesc, 1, &isnull));
		ItemPointer tid = (ItemPointer) DatumGetPointer(SPI_getbinval(tup, tt->tupdesc, 2, &isnull));

		if (skip && tableoid == relid && ItemPointerEquals(tid, skip))
			continue;
		tpi_guard_add_line(pl, heap_copytuple(tup), tt->tupdesc, &e->scan_cols, lf);
	}
	SPI_finish();
}

void
tpi_guard_read_lines(GuardEntry *e, Relation rel, Datum patient,
				   ItemPointer skip, DateADT lo, DateADT hi,
				   const LineFilter *lf, PatientLines *pl)
{
	memset(pl, 0, sizeof(PatientLines));
	if (OidIsValid(e->index_oid))
		read_by_index(e, rel, patient, skip, lo, hi, lf, pl);
	else
		read_by_plan(e, RelationGetRelid(rel), patient, skip, lo, hi, lf, pl);
}

