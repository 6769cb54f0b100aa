/*
 * trigger.c
 *		tpi_rules.guard(): the BEFORE INSERT OR UPDATE row trigger that applies
 *		the line, day and frequency rules to each new claim line (SPEC 9).
 *
 *	CREATE TRIGGER claims_guard BEFORE INSERT OR UPDATE ON claims
 *		FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('reject');   -- or 'flag'
 *
 * Which findings belong to the new row.  The line rules run on NEW alone,
 * and all their findings are NEW's.  The day rules run on NEW plus the
 * table's other lines of the same patient and date; the frequency rules on
 * NEW plus the patient's other TPI lines in a window around NEW's date.  A
 * day or frequency finding is NEW's when
 *	  - it is on NEW's line (day), or on any TPI line of NEW's session
 *		(frequency: NEW is a line of a session beyond the cap), or
 *	  - it is on another line but would not exist without NEW: the same rule
 *		on the same line is absent when the rules run on the lines as they
 *		were before (without NEW for an INSERT, with OLD for an UPDATE).
 *		So 20552 inserted next to an existing 20553 owns day.both_codes even
 *		if the rule reports it on the 20553 line, and a back-dated session
 *		that pushes a later session over the cap owns that finding.
 * Findings on other lines that were there before NEW are not NEW's.
 *
 * Rules a later line can cure.  drug.missing_on_claim,
 * modifier.distinct_without_partner and drug.unclassified_without_note
 * complain about something missing from the claim or day, which a line
 * inserted after NEW (later in the same INSERT or COPY, or a later
 * statement of the transaction) may supply: a claim is normally loaded
 * TPI line first, drug line second.  They are therefore checked like a
 * DEFERRABLE INITIALLY DEFERRED constraint: in reject mode they raise the
 * error at COMMIT if still present then; in flag mode they are logged at
 * once and the log row is deleted again when a later line cures them.
 * Every other error rejects the row immediately.
 *
 * Concurrency.  Before reading a patient's lines the trigger takes a
 * transaction-level advisory lock on the patient, in the same key space as
 *	  pg_advisory_xact_lock(hashtext('tpi_rules'), hashtext(patient_id))
 * so two transactions adding sessions for one patient run one after the
 * other, and the second, once it has the lock, reads the lines with a fresh
 * snapshot (as foreign key checks do), which shows the first one's
 * committed rows in every isolation level.  A transaction that has locked
 * more patients than max_locks_per_transaction stops taking patient locks
 * and locks the guarded table in SHARE ROW EXCLUSIVE mode instead (bulk
 * loads would otherwise fill the shared lock table); that blocks other
 * writers of the table until it ends.
 *
 * Caches and reading.  Per (table, trigger) the column
 * map, the schema-qualified table name, a kept plan that reads a patient's
 * lines in a date range and the (patient_id, date_of_service) index are
 * found at the first fire and again after any relcache invalidation of the
 * table, so ALTER TABLE, RENAME and CREATE INDEX are picked up.  A plain
 * table with that btree index is read by a direct index scan, anything
 * else (a partition is read through its partitioned root, where the
 * patient's other lines are) by the plan, as the table's owner.  Every
 * name in the SQL is schema-qualified and every operator is pg_catalog's,
 * so the trigger behaves the same under any search_path.
 *
 * The file's sections: the per-table cache, reading and locks; findings
 * (attribution, the rejection message, the finding_log writes as the
 * extension's owner, the deferred findings); the row trigger; the
 * statement-level variant tpi_rules.guard_statement() for bulk loads.
 */
#include "tpi_rules.h"

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
#include "commands/trigger.h"
#include "common/hashfn.h"
#include "executor/executor.h"
#include "executor/spi.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "storage/lmgr.h"
#include "storage/lock.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/hsearch.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"
#include "utils/tuplestore.h"

/* Positions in tpi_claim_column_names (SPEC section 3 order). */
#define GC_CLAIM_ID		0
#define GC_PATIENT_ID	2
#define GC_DOS			5
#define GC_HCPCS		6

/*
 * The frequency rules look back at most the payer's cap window or minimum
 * interval; the lines read around NEW's date cover at least two years.
 */
#define GUARD_MIN_WINDOW_DAYS 731

typedef enum GuardMode
{
	GUARD_REJECT,
	GUARD_FLAG
} GuardMode;

typedef struct GuardKey
{
	Oid			relid;
	Oid			tgoid;
} GuardKey;

typedef struct GuardEntry
{
	GuardKey	key;			/* hash key, must be first */
	bool		valid;			/* false after a relcache invalidation */
	MemoryContext mcxt;			/* the strings below */
	Oid			rootid;			/* partitioned root, or relid */
	Oid			owner;			/* the root's owner: reads run as it */
	char	   *table_name;		/* quoted, schema-qualified root */
	ClaimColumns cols;			/* of the trigger's relation */
	ClaimColumns scan_cols;		/* of scan_plan's result */
	Oid			patient_type;
	SPIPlanPtr	scan_plan;		/* lines of patient $1 with dos in [$2, $3] */
	/* the (patient_id, date_of_service) btree index, read directly */
	Oid			index_oid;		/* InvalidOid: use scan_plan */
	RegProcedure patient_eq;
	RegProcedure dos_ge;
	RegProcedure dos_le;
	Oid			patient_coll;
	uint64		escalated_xact; /* guard_xact_serial when the table is locked */
} GuardEntry;

/* A finding attributed to the new row. */
typedef struct Attributed
{
	TpiFinding *f;				/* with the key of the line it is on */
	bool		curable;		/* a later line may make it go away */
} Attributed;

typedef struct AttrList
{
	Attributed *items;
	int			n;
	int			cap;
} AttrList;

/* A finding_log row: id, and ctid to delete it without an index. */
typedef struct LogRef
{
	int64		id;
	ItemPointerData tid;
} LogRef;

#define ROW_EXAMPLE "CREATE TRIGGER %s BEFORE INSERT OR UPDATE ON %s FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('reject');"
#define STATEMENT_EXAMPLE "CREATE TRIGGER %s AFTER INSERT ON %s REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tpi_rules.guard_statement('reject');"

typedef struct PatientLines
{
	ClaimLine **lines;			/* the lines kept */
	int			n;
	int			cap;
	/* the row trigger's views of them */
	ClaimLine **day;			/* other lines on NEW's date */
	int			nday;
	ClaimLine **tpi;			/* other TPI lines in the window */
	int			ntpi;
} PatientLines;

/* Which of the patient's lines in the window the rules need. */
typedef struct LineFilter
{
	const DateADT *days;		/* every line on these dates */
	int			ndays;
	bool		tpi;			/* and every TPI line */
} LineFilter;

typedef struct LogBatch
{
	int			n;
	int			cap;
	Datum	   *claim_id;
	bool	   *claim_id_null;
	Datum	   *line_no;
	bool	   *line_no_null;
	Datum	   *patient_id;
	bool	   *patient_id_null;
	Datum	   *dos;
	bool	   *dos_null;
	Datum	   *rule_id;
	Datum	   *severity;
	Datum	   *message;
} LogBatch;

/* Per-table cache, reading, locks */
static void tpi_guard_init(void);
static GuardEntry *tpi_guard_entry(Relation rel, Oid tgoid);
static SPIPlanPtr tpi_guard_prepare_kept(const char *sql, int nargs, Oid *argtypes);
static void tpi_guard_lock_patient(GuardEntry *e, const char *patient_id);
static int	tpi_guard_window_days(const ClaimLine *l);
static DateADT tpi_guard_date_plus(DateADT d, int64 days);
static void tpi_guard_read_lines(GuardEntry *e, Relation rel, Datum patient,
								 ItemPointer skip, DateADT lo, DateADT hi,
								 const LineFilter *lf, PatientLines *pl);
static void tpi_guard_xact_end(void);

/* Findings: attribution, messages, log, deferral */
static void tpi_guard_deferred_init(void);
static char *tpi_guard_line_key(const char *claim_id, int16 line_no,
								bool line_no_null);
static bool tpi_guard_same_key(const char *c1, int16 l1, bool n1,
							   const char *c2, int16 l2, bool n2);
static bool tpi_guard_finding_on_line(const TpiFinding *f, const ClaimLine *l);
static bool tpi_guard_finding_in(const FindingList *fl, const TpiFinding *f);
static bool tpi_guard_is_curable(const char *rule_id);
static bool tpi_guard_append_unique(StringInfo list, const char *item);
static void tpi_guard_attribute(AttrList *al, TpiFinding *f, bool curable);
static char *tpi_guard_fix_hint(const char *rule_id, int nerrors);
static void tpi_guard_describe(StringInfo buf, const Attributed *a,
							   const ClaimLine *nl);
static void tpi_guard_log_add(LogBatch *b, const ClaimLine *row,
							  const TpiFinding *f);
static void tpi_guard_log_flush(LogBatch *b, const char *table_name);
static LogRef tpi_guard_log_one(const char *table_name, const ClaimLine *row,
								const TpiFinding *f);
static void tpi_guard_log_findings(GuardEntry *e, const ClaimLine *nl,
								   const AttrList *al, LogRef *logs);
static bool tpi_guard_has_pending(void);
static void tpi_guard_cure_pending(GuardEntry *e, const ClaimLine *nl,
								   const ClaimLine *ol, const FindingList *day);
static void tpi_guard_add_pending(GuardEntry *e, Relation rel, GuardMode mode,
								  const ClaimLine *nl, const TpiFinding *f,
								  const LogRef *log);

/* The row trigger */
static GuardMode tpi_guard_parse_mode(TriggerData *td, const char *fn,
									  const char *example);
static void tpi_guard_fill_freq(FreqLine *fl, const ClaimLine *l,
								DateADT new_dos);

/* ========================================================================
 * Per-table cache, reading a patient's lines, locks
 * ========================================================================
 */
static HTAB *guard_cache = NULL;
static MemoryContext guard_mcxt = NULL;
static List *warned_relids = NIL;	/* missing-index WARNING given */

/* per transaction; reset by tpi_guard_xact_end() */
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

static void
tpi_guard_init(void)
{
	HASHCTL		ctl;

	if (guard_cache != NULL)
		return;

	guard_mcxt = AllocSetContextCreate(TopMemoryContext, "tpi_rules guard",
									   ALLOCSET_SMALL_SIZES);
	memset(&ctl, 0, sizeof(ctl));
	ctl.keysize = sizeof(GuardKey);
	ctl.entrysize = sizeof(GuardEntry);
	ctl.hcxt = guard_mcxt;
	guard_cache = hash_create("tpi_rules guard plans", 16, &ctl,
							  HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
	CacheRegisterRelcacheCallback(guard_relcache_callback, (Datum) 0);
	tpi_guard_deferred_init();
}

/* At the end of a transaction: its patient locks and table locks are gone. */
static void
tpi_guard_xact_end(void)
{
	patient_locks = 0;
	guard_xact_serial++;
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
	Oid			ops[3];
	int			i;

	ops[0] = get_opfamily_member(idx->rd_opfamily[0], idx->rd_opcintype[0],
								 idx->rd_opcintype[0], BTEqualStrategyNumber);
	ops[1] = get_opfamily_member(idx->rd_opfamily[1], idx->rd_opcintype[1],
								 idx->rd_opcintype[1], BTGreaterEqualStrategyNumber);
	ops[2] = get_opfamily_member(idx->rd_opfamily[1], idx->rd_opcintype[1],
								 idx->rd_opcintype[1], BTLessEqualStrategyNumber);
	e->index_oid = InvalidOid;
	for (i = 0; i < 3; i++)
		if (!OidIsValid(ops[i]))
			break;
	if (i == 3 && idx->rd_opcintype[1] == DATEOID)
	{
		e->patient_eq = get_opcode(ops[0]);
		e->dos_ge = get_opcode(ops[1]);
		e->dos_le = get_opcode(ops[2]);
		e->patient_coll = idx->rd_indcollation[0];
		e->index_oid = indexoid;
	}
	index_close(idx, AccessShareLock);
}

static SPIPlanPtr
tpi_guard_prepare_kept(const char *sql, int nargs, Oid *argtypes)
{
	SPIPlanPtr	plan = SPI_prepare(sql, nargs, argtypes);

	if (plan == NULL)
		elog(ERROR, "tpi_rules.guard: SPI_prepare failed: %s",
			 SPI_result_code_string(SPI_result));
	if (SPI_keepplan(plan) != 0)
		elog(ERROR, "tpi_rules.guard: SPI_keepplan failed");
	return plan;
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

	if (rel->rd_rel->relispartition)
		rootid = llast_oid(get_partition_ancestors(rootid));
	e->rootid = rootid;
	{
		HeapTuple	tp = SearchSysCache1(RELOID, ObjectIdGetDatum(rootid));

		if (!HeapTupleIsValid(tp))
			elog(ERROR, "cache lookup failed for relation %u", rootid);
		e->owner = ((Form_pg_class) GETSTRUCT(tp))->relowner;
		ReleaseSysCache(tp);
	}
	e->mcxt = AllocSetContextCreate(guard_mcxt, "tpi_rules guard table",
									ALLOCSET_SMALL_SIZES);
	e->table_name = MemoryContextStrdup(e->mcxt,
										quote_qualified_identifier(get_namespace_name(get_rel_namespace(rootid)),
																   get_rel_name(rootid)));

	/* read only the claim_line columns the table has */
	initStringInfo(&sql);
	appendStringInfoString(&sql, "SELECT tableoid, ctid");
	for (c = 0, k = 2; c < TPI_NCOLS; c++)
	{
		e->scan_cols.attno[c] = -1;
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

static GuardEntry *
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
		build_entry(e, rel);
	return e;
}

/* ------------------------------------------------------------------------
 * Serialising per patient
 * ------------------------------------------------------------------------
 */
static void
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
static int
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

static DateADT
tpi_guard_date_plus(DateADT d, int64 days)
{
	int64		r = (int64) d + days;

	if (DATE_NOT_FINITE(d))
		return d;
	return (DateADT) Min(Max(r, DATETIME_MIN_JULIAN - POSTGRES_EPOCH_JDATE),
						 DATE_END_JULIAN - POSTGRES_EPOCH_JDATE - 1);
}

/* Keep (and decode) a line if the filter wants it. */
static void
add_line(PatientLines *pl, HeapTuple tup, TupleDesc desc,
		 const ClaimColumns *cols, const LineFilter *lf)
{
	bool		isnull;
	Datum		d = heap_getattr(tup, cols->attno[GC_DOS] + 1, desc, &isnull);
	bool		keep = false;
	int			i;

	for (i = 0; !isnull && i < lf->ndays; i++)
		if (DatumGetDateADT(d) == lf->days[i])
			keep = true;
	if (!keep)
	{
		if (!lf->tpi)
			return;
		d = heap_getattr(tup, cols->attno[GC_HCPCS] + 1, desc, &isnull);
		if (isnull || !tpi_is_tpi_code(TextDatumGetCString(d)))
			return;
	}
	if (pl->n == pl->cap)
	{
		pl->cap = pl->cap ? pl->cap * 2 : 16;
		pl->lines = pl->lines ? repalloc(pl->lines, pl->cap * sizeof(ClaimLine *)) :
			palloc(pl->cap * sizeof(ClaimLine *));
	}
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
		add_line(pl, tup, RelationGetDescr(rel), &e->cols, lf);
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

	values[0] = patient;
	values[1] = DateADTGetDatum(lo);
	values[2] = DateADTGetDatum(hi);

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

	tt = SPI_tuptable;
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = tt->vals[i];
		Oid			tableoid = DatumGetObjectId(SPI_getbinval(tup, tt->tupdesc, 1, &isnull));
		ItemPointer tid = (ItemPointer) DatumGetPointer(SPI_getbinval(tup, tt->tupdesc, 2, &isnull));

		if (skip && tableoid == relid && ItemPointerEquals(tid, skip))
			continue;
		add_line(pl, tup, tt->tupdesc, &e->scan_cols, lf);
	}
	SPI_freetuptable(tt);
}

static void
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

/* ========================================================================
 * Findings: attribution, messages, finding_log, deferred findings
 * ========================================================================
 */
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
static char *
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
static bool
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

static void
tpi_guard_deferred_init(void)
{
	RegisterXactCallback(guard_xact_callback, NULL);
	RegisterSubXactCallback(guard_subxact_callback, NULL);
}

static bool
tpi_guard_has_pending(void)
{
	return pending != NIL;
}

/* ------------------------------------------------------------------------
 * Attribution
 * ------------------------------------------------------------------------
 */
static bool
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

static bool
tpi_guard_finding_on_line(const TpiFinding *f, const ClaimLine *l)
{
	return f->claim_id != NULL &&
		tpi_guard_same_key(f->claim_id, f->line_no, f->line_no_null,
				 l->claim_id, l->line_no, l->line_no_null);
}

static bool
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

static bool
tpi_guard_is_curable(const char *rule_id)
{
	int			i;

	for (i = 0; i < lengthof(curable_rules); i++)
		if (strcmp(curable_rules[i], rule_id) == 0)
			return true;
	return false;
}

static void
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
static char *
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

static void
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

static void
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

static void
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
static LogRef
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
static void
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
static void
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

static void
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

/* ========================================================================
 * The row trigger
 * ========================================================================
 */
/* ------------------------------------------------------------------------
 * Trigger context and arguments
 * ------------------------------------------------------------------------
 */
static void
check_trigger_context(FunctionCallInfo fcinfo)
{
	TriggerData *td = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("tpi_rules.guard() must be called as a trigger")));
	if (!TRIGGER_FIRED_FOR_ROW(td->tg_event) ||
		!TRIGGER_FIRED_BEFORE(td->tg_event) ||
		!(TRIGGER_FIRED_BY_INSERT(td->tg_event) ||
		  TRIGGER_FIRED_BY_UPDATE(td->tg_event)))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("trigger \"%s\" on \"%s\" must fire BEFORE INSERT OR UPDATE FOR EACH ROW to run tpi_rules.guard()",
						td->tg_trigger->tgname,
						RelationGetRelationName(td->tg_relation)),
				 errhint(ROW_EXAMPLE,
						 quote_identifier(td->tg_trigger->tgname),
						 quote_identifier(RelationGetRelationName(td->tg_relation)))));
}

static GuardMode
tpi_guard_parse_mode(TriggerData *td, const char *fn, const char *example)
{
	Trigger    *tg = td->tg_trigger;
	const char *tbl = RelationGetRelationName(td->tg_relation);

	if (tg->tgnargs != 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("trigger \"%s\" on \"%s\" passes %d arguments to tpi_rules.%s(), expected 1",
						tg->tgname, tbl, tg->tgnargs, fn),
				 errdetail("The argument is the mode: 'reject' (an error-severity finding rejects the row) or 'flag' (the row is kept and its findings are logged in tpi_rules.finding_log)."),
				 errhint(example, quote_identifier(tg->tgname), quote_identifier(tbl))));
	if (pg_strcasecmp(tg->tgargs[0], "reject") == 0)
		return GUARD_REJECT;
	if (pg_strcasecmp(tg->tgargs[0], "flag") == 0)
		return GUARD_FLAG;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid tpi_rules.%s() mode \"%s\" in trigger \"%s\" on \"%s\"",
					fn, tg->tgargs[0], tg->tgname, tbl),
			 errdetail("The mode must be 'reject' (an error-severity finding rejects the row) or 'flag' (the row is kept and its findings are logged in tpi_rules.finding_log)."),
			 errhint("Drop the trigger and create it again with tpi_rules.%s('reject') or tpi_rules.%s('flag').",
					 fn, fn)));
	return GUARD_REJECT;		/* keep compiler quiet */
}

/* ------------------------------------------------------------------------
 * Day and frequency rules
 * ------------------------------------------------------------------------
 */
static void
day_findings(PatientLines *pl, ClaimLine *nl, ClaimLine *ol, AttrList *al,
			 FindingList *f1)
{
	ClaimLine **lines = palloc((pl->nday + 1) * sizeof(ClaimLine *));
	FindingList f0;
	bool		have_f0 = false;
	int			i;

	memcpy(lines, pl->day, pl->nday * sizeof(ClaimLine *));
	lines[pl->nday] = nl;
	tpi_check_day_rules(lines, pl->nday + 1, f1);

	for (i = 0; i < f1->n; i++)
	{
		TpiFinding *f = &f1->items[i];

		if (tpi_guard_finding_on_line(f, nl))
		{
			tpi_guard_attribute(al, f, tpi_guard_is_curable(f->rule_id));
			continue;
		}
		if (!have_f0)
		{
			/* the day as it was: without NEW, with OLD if it was there */
			int			n = pl->nday;

			tpi_findings_init(&f0);
			if (ol)
				lines[n++] = ol;
			tpi_check_day_rules(lines, n, &f0);
			have_f0 = true;
		}
		if (!tpi_guard_finding_in(&f0, f))
			tpi_guard_attribute(al, f, tpi_guard_is_curable(f->rule_id));
	}
}

static void
tpi_guard_fill_freq(FreqLine *fl, const ClaimLine *l, DateADT new_dos)
{
	MuscleSummary ms;

	tpi_summarise_muscles(l->muscles, l->muscles_null, &ms);
	fl->dos = l->date_of_service;
	fl->regions = ms.regions;
	fl->payer_id = l->payer_id;
	fl->claim_id = l->claim_id;
	fl->line_no = l->line_no;
	/* earlier sessions are context: NEW cannot change their findings */
	fl->report = l->date_of_service >= new_dos;
}

/* The date of the line a frequency finding is on; false if none. */
static bool
finding_dos(const TpiFinding *f, PatientLines *pl, const ClaimLine *nl,
			DateADT *dos)
{
	int			i;

	if (tpi_guard_finding_on_line(f, nl))
	{
		*dos = nl->date_of_service;
		return true;
	}
	for (i = 0; i < pl->ntpi; i++)
		if (tpi_guard_finding_on_line(f, pl->tpi[i]))
		{
			*dos = pl->tpi[i]->date_of_service;
			return true;
		}
	return false;
}

static void
freq_findings(PatientLines *pl, ClaimLine *nl, ClaimLine *ol, AttrList *al)
{
	FreqLine   *lines = palloc((pl->ntpi + 1) * sizeof(FreqLine));
	FindingList f1,
				f0;
	bool		have_f0 = false;
	int			i;

	for (i = 0; i < pl->ntpi; i++)
		tpi_guard_fill_freq(&lines[i], pl->tpi[i], nl->date_of_service);
	tpi_guard_fill_freq(&lines[pl->ntpi], nl, nl->date_of_service);
	tpi_findings_init(&f1);
	tpi_check_frequency(lines, pl->ntpi + 1, &f1);

	for (i = 0; i < f1.n; i++)
	{
		TpiFinding *f = &f1.items[i];
		DateADT		dos;

		if (finding_dos(f, pl, nl, &dos) && dos == nl->date_of_service)
		{
			tpi_guard_attribute(al, f, false);
			continue;
		}
		if (!have_f0)
		{
			int			n = pl->ntpi;

			/* tpi_check_frequency may have reordered lines: refill */
			for (n = 0; n < pl->ntpi; n++)
				tpi_guard_fill_freq(&lines[n], pl->tpi[n], nl->date_of_service);
			if (ol)
				tpi_guard_fill_freq(&lines[n++], ol, nl->date_of_service);
			tpi_findings_init(&f0);
			tpi_check_frequency(lines, n, &f0);
			have_f0 = true;
		}
		if (!tpi_guard_finding_in(&f0, f))
			tpi_guard_attribute(al, f, false);
	}
}

static void
reject_row(Relation rel, const ClaimLine *nl, const AttrList *al)
{
	StringInfoData ids,
				detail;
	const char *first_error = NULL;
	int			nerrors = 0;
	int			i;

	initStringInfo(&ids);
	initStringInfo(&detail);
	for (i = 0; i < al->n; i++)
	{
		const TpiFinding *f = al->items[i].f;

		/* a curable finding is checked at commit, it is no reason yet */
		if (f->severity != TPI_ERROR || al->items[i].curable)
			continue;
		if (first_error == NULL)
			first_error = f->rule_id;
		if (tpi_guard_append_unique(&ids, f->rule_id))
			nerrors++;
	}
	for (i = 0; i < al->n; i++)
	{
		if (i > 0)
			appendStringInfoChar(&detail, '\n');
		tpi_guard_describe(&detail, &al->items[i], nl);
	}
	ereport(ERROR,
			(errcode(ERRCODE_CHECK_VIOLATION),
			 errmsg("claim line %s violates tpi_rules rule%s %s",
					tpi_guard_line_key(nl->claim_id, nl->line_no, nl->line_no_null),
					nerrors > 1 ? "s" : "", ids.data),
			 errdetail("%s", detail.data),
			 errhint("%s", tpi_guard_fix_hint(first_error, nerrors)),
			 errtable(rel)));
}

/* ------------------------------------------------------------------------
 * The trigger
 * ------------------------------------------------------------------------
 */
static void
guard_row(TriggerData *td, GuardEntry *e, GuardMode mode,
		  HeapTuple newtup, HeapTuple oldtup)
{
	Relation	rel = td->tg_relation;
	TupleDesc	tupdesc = RelationGetDescr(rel);
	ClaimLine	nl,
				ol;
	ClaimLine  *olp = NULL;
	FindingList lf,
				day;
	bool		have_day = false;
	AttrList	al = {NULL, 0, 0};
	LogRef	   *logs;
	int			i;

	tpi_claim_from_tuple(newtup, tupdesc, &e->cols, &nl);
	tpi_findings_init(&lf);
	tpi_check_line_rules(&nl, &lf);
	for (i = 0; i < lf.n; i++)
		tpi_guard_attribute(&al, &lf.items[i], false);

	if (oldtup)
	{
		tpi_claim_from_tuple(oldtup, tupdesc, &e->cols, &ol);
		olp = &ol;
	}

	if (nl.patient_id != NULL && !nl.dos_null)
	{
		bool		new_is_tpi = tpi_is_tpi_code(nl.hcpcs);
		DateADT		lo = nl.date_of_service;
		DateADT		hi = nl.date_of_service;
		PatientLines pl;
		LineFilter	filter;
		bool		isnull;
		bool		old_same_patient = olp && olp->patient_id &&
			strcmp(olp->patient_id, nl.patient_id) == 0 && !olp->dos_null;

		if (new_is_tpi && !DATE_NOT_FINITE(nl.date_of_service))
		{
			int			w = tpi_guard_window_days(&nl);

			lo = tpi_guard_date_plus(nl.date_of_service, -w);
			hi = tpi_guard_date_plus(nl.date_of_service, w);
		}
		filter.days = &nl.date_of_service;
		filter.ndays = 1;
		filter.tpi = new_is_tpi;

		tpi_guard_lock_patient(e, nl.patient_id);
		tpi_guard_read_lines(e, rel,
						   heap_getattr(newtup, e->cols.attno[GC_PATIENT_ID] + 1,
										tupdesc, &isnull),
						   oldtup ? &oldtup->t_self : NULL, lo, hi, &filter, &pl);
		pl.day = palloc((pl.n + 1) * sizeof(ClaimLine *));
		pl.tpi = palloc((pl.n + 1) * sizeof(ClaimLine *));
		for (i = 0; i < pl.n; i++)
		{
			if (!pl.lines[i]->dos_null &&
				pl.lines[i]->date_of_service == nl.date_of_service)
				pl.day[pl.nday++] = pl.lines[i];
			if (new_is_tpi && tpi_is_tpi_code(pl.lines[i]->hcpcs))
				pl.tpi[pl.ntpi++] = pl.lines[i];
		}

		tpi_findings_init(&day);
		day_findings(&pl, &nl,
					 old_same_patient && olp->date_of_service == nl.date_of_service ? olp : NULL,
					 &al, &day);
		have_day = true;
		if (new_is_tpi)
			freq_findings(&pl, &nl,
						  old_same_patient && tpi_is_tpi_code(olp->hcpcs) &&
						  olp->date_of_service >= lo && olp->date_of_service <= hi ? olp : NULL,
						  &al);
	}

	if (mode == GUARD_REJECT)
	{
		bool		reject = false;

		for (i = 0; i < al.n; i++)
			if (al.items[i].f->severity == TPI_ERROR && !al.items[i].curable)
				reject = true;
		if (reject)
			reject_row(rel, &nl, &al);
	}

	/* NEW is kept: it may cure what earlier lines were waiting for */
	if (tpi_guard_has_pending())
		tpi_guard_cure_pending(e, &nl, olp, have_day ? &day : NULL);

	logs = palloc0(Max(al.n, 1) * sizeof(LogRef));
	if (mode == GUARD_FLAG && al.n > 0)
		tpi_guard_log_findings(e, &nl, &al, logs);
	for (i = 0; i < al.n; i++)
		if (al.items[i].curable && al.items[i].f->severity == TPI_ERROR &&
			nl.patient_id != NULL)
			tpi_guard_add_pending(e, rel, mode, &nl, al.items[i].f, &logs[i]);
}

/*
 * tpi_rules.guard() RETURNS trigger
 *
 * BEFORE INSERT OR UPDATE ... FOR EACH ROW, with one argument, 'reject' or
 * 'flag' (any case).  Returns NEW unchanged; in reject mode raises 23514
 * for an error-severity finding.  Work memory is SPI's, freed per row; the
 * plan cache lives in TopMemoryContext, deferred findings in
 * TopTransactionContext.
 */
PG_FUNCTION_INFO_V1(tpi_guard);
Datum
tpi_guard(PG_FUNCTION_ARGS)
{
	TriggerData *td;
	GuardMode	mode;
	GuardEntry *e;
	HeapTuple	newtup;
	HeapTuple	oldtup = NULL;

	check_trigger_context(fcinfo);
	td = (TriggerData *) fcinfo->context;
	mode = tpi_guard_parse_mode(td, "guard", ROW_EXAMPLE);
	if (TRIGGER_FIRED_BY_UPDATE(td->tg_event))
	{
		newtup = td->tg_newtuple;
		oldtup = td->tg_trigtuple;
	}
	else
		newtup = td->tg_trigtuple;

	tpi_guard_init();
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "tpi_rules.guard: SPI_connect failed");
	e = tpi_guard_entry(td->tg_relation, td->tg_trigger->tgoid);
	guard_row(td, e, mode, newtup, oldtup);
	SPI_finish();
	return PointerGetDatum(newtup);
}

/* ========================================================================
 * The statement-level variant
 * ========================================================================
 */
/* ------------------------------------------------------------------------
 * The statement-level variant, for bulk loads
 *
 *	CREATE TRIGGER claims_guard_ins AFTER INSERT ON claims
 *		REFERENCING NEW TABLE AS new_rows
 *		FOR EACH STATEMENT EXECUTE FUNCTION tpi_rules.guard_statement('flag');
 *	CREATE TRIGGER claims_guard_upd AFTER UPDATE ON claims
 *		REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
 *		FOR EACH STATEMENT EXECUTE FUNCTION tpi_rules.guard_statement('flag');
 *
 * The same rules, attribution, locks, deferral and log as guard(), applied
 * once per statement: each patient's lines are read once, each affected
 * day's rules run once, and the findings are logged in one INSERT.  The
 * patients are locked in sorted order after the rows are written, which is
 * as safe (a concurrent statement for one of them waits at its own check
 * and then sees these rows) and cannot deadlock between two bulk loads.
 * A finding on a line that was there before the statement, and that the
 * statement caused, is attributed to the statement's first row of that
 * day (day rules) or its first TPI row of the patient (frequency rules).
 * Reject mode rejects the whole statement.
 * ------------------------------------------------------------------------
 */

/* A row of the statement, kept slim: its key, and its findings. */
typedef struct StmtRow
{
	ClaimLine	key;			/* claim_id, line_no, patient_id, payer_id,
								 * date_of_service, hcpcs only */
	bool		is_tpi;
	int			window;			/* TPI rows: tpi_guard_window_days() */
	AttrList	found;			/* in the statement's context */
} StmtRow;

static TpiFinding *
copy_finding(const TpiFinding *f)
{
	TpiFinding *c = palloc(sizeof(TpiFinding));

	*c = *f;
	c->message = pstrdup(f->message);
	c->claim_id = f->claim_id ? pstrdup(f->claim_id) : NULL;
	return c;
}

static void
attribute_copy(StmtRow *row, const TpiFinding *f, bool curable,
			   MemoryContext stmt_cxt)
{
	MemoryContext old = MemoryContextSwitchTo(stmt_cxt);

	tpi_guard_attribute(&row->found, copy_finding(f), curable);
	MemoryContextSwitchTo(old);
}

static char *
pstrdup_or_null(const char *s)
{
	return s ? pstrdup(s) : NULL;
}

/*
 * The rows of a transition table.  New rows are checked by the line rules
 * as they are read and kept slim; old rows (UPDATE) are kept whole, the
 * day and frequency rules need them as the lines were.
 */
static void
read_transition(Tuplestorestate *ts, TupleDesc desc, const ClaimColumns *cols,
				bool is_new, StmtRow **rows_out, ClaimLine **old_out, int *n_out)
{
	MemoryContext stmt_cxt = CurrentMemoryContext;
	MemoryContext row_cxt = AllocSetContextCreate(stmt_cxt, "tpi_rules guard row",
												  ALLOCSET_DEFAULT_SIZES);
	TupleTableSlot *slot = MakeSingleTupleTableSlot(desc, &TTSOpsMinimalTuple);
	StmtRow    *rows = NULL;
	ClaimLine  *old = NULL;
	int			n = 0,
				cap = 0;
	int			rp = tuplestore_alloc_read_pointer(ts, EXEC_FLAG_REWIND);

	tuplestore_select_read_pointer(ts, rp);
	tuplestore_rescan(ts);
	while (tuplestore_gettupleslot(ts, true, false, slot))
	{
		bool		should_free;
		HeapTuple	tup;
		ClaimLine	line;

		if (n == cap)
		{
			cap = cap ? cap * 2 : 64;
			if (is_new)
				rows = rows ? repalloc_huge(rows, cap * sizeof(StmtRow)) :
					palloc_extended(cap * sizeof(StmtRow), MCXT_ALLOC_HUGE);
			else
				old = old ? repalloc_huge(old, cap * sizeof(ClaimLine)) :
					palloc_extended(cap * sizeof(ClaimLine), MCXT_ALLOC_HUGE);
		}
		if (!is_new)
		{
			tup = ExecFetchSlotHeapTuple(slot, false, &should_free);
			tpi_claim_from_tuple(tup, desc, cols, &old[n++]);
			continue;
		}

		MemoryContextSwitchTo(row_cxt);
		tup = ExecFetchSlotHeapTuple(slot, false, &should_free);
		tpi_claim_from_tuple(tup, desc, cols, &line);
		{
			FindingList lf;
			StmtRow    *r = &rows[n++];
			int			i;

			tpi_findings_init(&lf);
			tpi_check_line_rules(&line, &lf);
			MemoryContextSwitchTo(stmt_cxt);
			memset(r, 0, sizeof(StmtRow));
			r->key.claim_id = pstrdup_or_null(line.claim_id);
			r->key.line_no = line.line_no;
			r->key.line_no_null = line.line_no_null;
			r->key.patient_id = pstrdup_or_null(line.patient_id);
			r->key.payer_id = pstrdup_or_null(line.payer_id);
			r->key.date_of_service = line.date_of_service;
			r->key.dos_null = line.dos_null;
			r->key.hcpcs = pstrdup_or_null(line.hcpcs);
			r->key.nmodifiers = r->key.nicd10 = -1;
			r->key.units_null = r->key.muscles_null = true;
			r->key.trigger_points_null = true;
			r->is_tpi = tpi_is_tpi_code(line.hcpcs);
			if (r->is_tpi && !line.dos_null && !DATE_NOT_FINITE(line.date_of_service))
				r->window = tpi_guard_window_days(&line);
			for (i = 0; i < lf.n; i++)
				tpi_guard_attribute(&r->found, copy_finding(&lf.items[i]), false);
		}
		MemoryContextReset(row_cxt);
	}
	MemoryContextSwitchTo(stmt_cxt);
	tuplestore_select_read_pointer(ts, 0);
	ExecDropSingleTupleTableSlot(slot);
	MemoryContextDelete(row_cxt);
	*rows_out = rows;
	*old_out = old;
	*n_out = n;
}

static int
cmp_str_null(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return (a == NULL) - (b == NULL);
	return strcmp(a, b);
}

static int
cmp_patient_dos(const ClaimLine *x, const ClaimLine *y)
{
	int			c = cmp_str_null(x->patient_id, y->patient_id);

	if (c != 0)
		return c;
	if (x->dos_null != y->dos_null)
		return x->dos_null ? 1 : -1;
	if (x->date_of_service != y->date_of_service)
		return x->date_of_service < y->date_of_service ? -1 : 1;
	return 0;
}

static StmtRow *sort_rows_base;

static int
cmp_row_index(const void *a, const void *b)
{
	const StmtRow *x = &sort_rows_base[*(const int *) a];
	const StmtRow *y = &sort_rows_base[*(const int *) b];
	int			c = cmp_patient_dos(&x->key, &y->key);

	if (c != 0)
		return c;
	return *(const int *) a - *(const int *) b;
}

static int
cmp_old_line(const void *a, const void *b)
{
	return cmp_patient_dos((const ClaimLine *) a, (const ClaimLine *) b);
}

/* The patient's lines as read, which of them are the statement's rows. */
typedef struct PatientCheck
{
	PatientLines pl;
	int		   *owner;			/* per line: index of its StmtRow, or -1 */
	ClaimLine  *old;			/* the patient's old rows (UPDATE) */
	int			nold;
	StmtRow    *rows;
	MemoryContext stmt_cxt;
} PatientCheck;

/* Lines of pc on date d (or TPI lines in [lo, hi]), before or after. */
static int
collect_lines(PatientCheck *pc, bool by_day, DateADT d, DateADT lo, DateADT hi,
			  bool before, ClaimLine **out)
{
	int			n = 0;
	int			i;

	for (i = 0; i < pc->pl.n; i++)
	{
		ClaimLine  *l = pc->pl.lines[i];

		if (before && pc->owner[i] >= 0)
			continue;
		if (by_day ? (l->dos_null || l->date_of_service != d) :
			!tpi_is_tpi_code(l->hcpcs))
			continue;
		out[n++] = l;
	}
	for (i = 0; before && i < pc->nold; i++)
	{
		ClaimLine  *l = &pc->old[i];

		if (l->dos_null)
			continue;
		if (by_day ? l->date_of_service != d :
			!(tpi_is_tpi_code(l->hcpcs) && l->date_of_service >= lo &&
			  l->date_of_service <= hi))
			continue;
		out[n++] = l;
	}
	return n;
}

/* The line (index into pc->pl) a finding is on, -1 if none. */
static int
line_of(PatientCheck *pc, const TpiFinding *f, bool prefer_new)
{
	int			found = -1;
	int			i;

	for (i = 0; i < pc->pl.n; i++)
		if (tpi_guard_finding_on_line(f, pc->pl.lines[i]))
		{
			if (!prefer_new || pc->owner[i] >= 0)
				return i;
			if (found < 0)
				found = i;
		}
	return found;
}

static void
stmt_day(GuardEntry *e, PatientCheck *pc, DateADT d, const char *patient_id)
{
	ClaimLine **lines = palloc((pc->pl.n + pc->nold + 1) * sizeof(ClaimLine *));
	int			n = collect_lines(pc, true, d, 0, 0, false, lines);
	FindingList f1,
				f0;
	bool		have_f0 = false;
	int			first_new = -1;
	ClaimLine	probe;
	int			i;

	for (i = 0; i < pc->pl.n && first_new < 0; i++)
		if (pc->owner[i] >= 0 && !pc->pl.lines[i]->dos_null &&
			pc->pl.lines[i]->date_of_service == d)
			first_new = pc->owner[i];
	if (first_new < 0)
		return;					/* the statement's row is gone again */

	tpi_findings_init(&f1);
	tpi_check_day_rules(lines, n, &f1);
	for (i = 0; i < f1.n; i++)
	{
		TpiFinding *f = &f1.items[i];
		int			li = line_of(pc, f, true);

		if (li >= 0 && pc->owner[li] >= 0 &&
			pc->pl.lines[li]->date_of_service == d)
		{
			attribute_copy(&pc->rows[pc->owner[li]], f, tpi_guard_is_curable(f->rule_id),
						   pc->stmt_cxt);
			continue;
		}
		if (!have_f0)
		{
			ClaimLine **before = palloc((pc->pl.n + pc->nold + 1) * sizeof(ClaimLine *));
			int			nb = collect_lines(pc, true, d, 0, 0, true, before);

			tpi_findings_init(&f0);
			tpi_check_day_rules(before, nb, &f0);
			have_f0 = true;
		}
		if (!tpi_guard_finding_in(&f0, f))
			attribute_copy(&pc->rows[first_new], f, tpi_guard_is_curable(f->rule_id),
						   pc->stmt_cxt);
	}

	if (tpi_guard_has_pending())
	{
		memset(&probe, 0, sizeof(probe));
		probe.patient_id = (char *) patient_id;
		probe.date_of_service = d;
		tpi_guard_cure_pending(e, &probe, NULL, &f1);
	}
}

static void
stmt_frequency(PatientCheck *pc, DateADT first_tpi, DateADT lo, DateADT hi)
{
	ClaimLine **lines = palloc((pc->pl.n + pc->nold + 1) * sizeof(ClaimLine *));
	FreqLine   *fl = palloc((pc->pl.n + pc->nold + 1) * sizeof(FreqLine));
	int			n = collect_lines(pc, false, 0, lo, hi, false, lines);
	FindingList f1,
				f0;
	bool		have_f0 = false;
	int			first_row = -1;
	int			i,
				j;

	for (i = 0; i < n; i++)
		tpi_guard_fill_freq(&fl[i], lines[i], first_tpi);
	tpi_findings_init(&f1);
	tpi_check_frequency(fl, n, &f1);

	for (i = 0; i < pc->pl.n; i++)
		if (pc->owner[i] >= 0 && pc->rows[pc->owner[i]].is_tpi &&
			(first_row < 0 ||
			 pc->pl.lines[i]->date_of_service < pc->rows[first_row].key.date_of_service))
			first_row = pc->owner[i];

	for (i = 0; i < f1.n; i++)
	{
		TpiFinding *f = &f1.items[i];
		int			li = line_of(pc, f, false);
		bool		owned = false;

		/* every TPI line of the statement in the session owns it, as in guard() */
		for (j = 0; li >= 0 && j < pc->pl.n; j++)
			if (pc->owner[j] >= 0 && pc->rows[pc->owner[j]].is_tpi &&
				pc->pl.lines[j]->date_of_service == pc->pl.lines[li]->date_of_service)
			{
				attribute_copy(&pc->rows[pc->owner[j]], f, false, pc->stmt_cxt);
				owned = true;
			}
		if (owned)
			continue;
		if (!have_f0)
		{
			ClaimLine **before = palloc((pc->pl.n + pc->nold + 1) * sizeof(ClaimLine *));
			int			nb = collect_lines(pc, false, 0, lo, hi, true, before);

			for (j = 0; j < nb; j++)
				tpi_guard_fill_freq(&fl[j], before[j], first_tpi);
			tpi_findings_init(&f0);
			tpi_check_frequency(fl, nb, &f0);
			have_f0 = true;
		}
		if (!tpi_guard_finding_in(&f0, f) && first_row >= 0)
			attribute_copy(&pc->rows[first_row], f, false, pc->stmt_cxt);
	}
}

/*
 * One patient: the statement's rows rows[idx[0..n-1]] (sorted by date),
 * its old rows old[0..nold-1].
 */
static void
stmt_patient(GuardEntry *e, Relation rel, StmtRow *rows, const int *idx,
			 int n, ClaimLine *old, int nold, MemoryContext stmt_cxt)
{
	const char *patient_id = rows[idx[0]].key.patient_id;
	DateADT    *days = palloc(n * sizeof(DateADT));
	int			ndays = 0;
	bool		any_tpi = false;
	DateADT		first_tpi = 0;
	DateADT		lo = rows[idx[0]].key.date_of_service;
	DateADT		hi = rows[idx[n - 1]].key.date_of_service;
	LineFilter	filter;
	PatientCheck pc;
	int			i,
				j;

	for (i = 0; i < n; i++)
	{
		StmtRow    *r = &rows[idx[i]];

		if (ndays == 0 || days[ndays - 1] != r->key.date_of_service)
			days[ndays++] = r->key.date_of_service;
		if (r->is_tpi && !DATE_NOT_FINITE(r->key.date_of_service))
		{
			if (!any_tpi || r->key.date_of_service < first_tpi)
				first_tpi = r->key.date_of_service;
			any_tpi = true;
			lo = Min(lo, tpi_guard_date_plus(r->key.date_of_service, -r->window));
			hi = Max(hi, tpi_guard_date_plus(r->key.date_of_service, r->window));
		}
	}
	filter.days = days;
	filter.ndays = ndays;
	filter.tpi = any_tpi;

	tpi_guard_lock_patient(e, patient_id);
	memset(&pc, 0, sizeof(pc));
	tpi_guard_read_lines(e, rel, CStringGetTextDatum(patient_id), NULL, lo, hi,
					   &filter, &pc.pl);
	pc.rows = rows;
	pc.old = old;
	pc.nold = nold;
	pc.stmt_cxt = stmt_cxt;

	/* which lines are the statement's rows: same key, date and code */
	pc.owner = palloc((pc.pl.n + 1) * sizeof(int));
	for (j = 0; j < pc.pl.n; j++)
		pc.owner[j] = -1;
	for (i = 0; i < n; i++)
	{
		StmtRow    *r = &rows[idx[i]];

		for (j = 0; j < pc.pl.n; j++)
		{
			ClaimLine  *l = pc.pl.lines[j];

			if (pc.owner[j] < 0 && !l->dos_null &&
				l->date_of_service == r->key.date_of_service &&
				tpi_guard_same_key(l->claim_id, l->line_no, l->line_no_null,
						 r->key.claim_id, r->key.line_no, r->key.line_no_null) &&
				cmp_str_null(l->hcpcs, r->key.hcpcs) == 0)
			{
				pc.owner[j] = idx[i];
				break;
			}
		}
	}

	/* old rows are checked afresh as their new versions */
	for (i = 0; i < nold && tpi_guard_has_pending(); i++)
	{
		ClaimLine	probe;

		memset(&probe, 0, sizeof(probe));
		probe.patient_id = (char *) patient_id;
		probe.dos_null = true;
		tpi_guard_cure_pending(e, &probe, &old[i], NULL);
	}
	for (i = 0; i < ndays; i++)
		stmt_day(e, &pc, days[i], patient_id);
	if (any_tpi)
		stmt_frequency(&pc, first_tpi, lo, hi);
}

static void
reject_statement(Relation rel, StmtRow *rows, int n)
{
	StringInfoData ids,
				detail;
	const char *first_error = NULL;
	StmtRow    *first_row = NULL;
	int			nerrors = 0,
				nrows = 0,
				nlisted = 0,
				nmore = 0;
	int			i,
				k;

	initStringInfo(&ids);
	initStringInfo(&detail);
	for (i = 0; i < n; i++)
	{
		bool		row_error = false;

		for (k = 0; k < rows[i].found.n; k++)
		{
			const Attributed *a = &rows[i].found.items[k];

			if (a->f->severity != TPI_ERROR || a->curable)
				continue;
			row_error = true;
			if (first_error == NULL)
				first_error = a->f->rule_id;
			if (tpi_guard_append_unique(&ids, a->f->rule_id))
				nerrors++;
		}
		if (row_error && nrows++ == 0)
			first_row = &rows[i];
		if (rows[i].found.n == 0)
			continue;
		if (nlisted >= 20)
		{
			nmore++;
			continue;
		}
		nlisted++;
		for (k = 0; k < rows[i].found.n; k++)
		{
			appendStringInfo(&detail, "%sclaim line %s: ", detail.len ? "\n" : "",
							 tpi_guard_line_key(rows[i].key.claim_id, rows[i].key.line_no,
									  rows[i].key.line_no_null));
			tpi_guard_describe(&detail, &rows[i].found.items[k], &rows[i].key);
		}
	}
	if (nmore > 0)
		appendStringInfo(&detail, "\n... and %d more claim lines with findings.", nmore);
	ereport(ERROR,
			(errcode(ERRCODE_CHECK_VIOLATION),
			 nrows == 1 ?
			 errmsg("claim line %s violates tpi_rules rule%s %s",
					tpi_guard_line_key(first_row->key.claim_id, first_row->key.line_no,
							 first_row->key.line_no_null),
					nerrors > 1 ? "s" : "", ids.data) :
			 errmsg("%d claim lines violate tpi_rules rule%s %s",
					nrows, nerrors > 1 ? "s" : "", ids.data),
			 errdetail("%s", detail.data),
			 errhint("%s", tpi_guard_fix_hint(first_error, nerrors)),
			 errtable(rel)));
}

/*
 * tpi_rules.guard_statement() RETURNS trigger
 *
 * AFTER INSERT (REFERENCING NEW TABLE) or AFTER UPDATE (REFERENCING OLD
 * TABLE ... NEW TABLE) ... FOR EACH STATEMENT, one argument, 'reject' or
 * 'flag'.  Work memory is SPI's, freed at the end of the statement.
 */
PG_FUNCTION_INFO_V1(tpi_guard_statement);
Datum
tpi_guard_statement(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	Relation	rel;
	GuardMode	mode;
	GuardEntry *e;
	StmtRow    *rows;
	ClaimLine  *old = NULL;
	ClaimLine  *unused;
	int			nrows,
				nold = 0;
	int		   *idx;
	int			nidx = 0;
	MemoryContext stmt_cxt;
	MemoryContext pat_cxt;
	bool		reject = false;
	int			i,
				k,
				o;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("tpi_rules.guard_statement() must be called as a trigger")));
	rel = td->tg_relation;
	if (!TRIGGER_FIRED_FOR_STATEMENT(td->tg_event) ||
		!TRIGGER_FIRED_AFTER(td->tg_event) ||
		!(TRIGGER_FIRED_BY_INSERT(td->tg_event) ||
		  TRIGGER_FIRED_BY_UPDATE(td->tg_event)) ||
		td->tg_newtable == NULL ||
		(TRIGGER_FIRED_BY_UPDATE(td->tg_event) && td->tg_oldtable == NULL))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("trigger \"%s\" on \"%s\" must fire AFTER INSERT or AFTER UPDATE FOR EACH STATEMENT with its transition tables to run tpi_rules.guard_statement()",
						td->tg_trigger->tgname, RelationGetRelationName(rel)),
				 errdetail("An INSERT trigger needs REFERENCING NEW TABLE AS new_rows; an UPDATE trigger needs REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows."),
				 errhint(STATEMENT_EXAMPLE, quote_identifier(td->tg_trigger->tgname),
						 quote_identifier(RelationGetRelationName(rel)))));
	mode = tpi_guard_parse_mode(td, "guard_statement", STATEMENT_EXAMPLE);

	tpi_guard_init();
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "tpi_rules.guard_statement: SPI_connect failed");
	e = tpi_guard_entry(rel, td->tg_trigger->tgoid);
	stmt_cxt = CurrentMemoryContext;

	read_transition(td->tg_newtable, RelationGetDescr(rel), &e->cols, true,
					&rows, &unused, &nrows);
	if (td->tg_oldtable)
	{
		StmtRow    *unused_rows;

		read_transition(td->tg_oldtable, RelationGetDescr(rel), &e->cols, false,
						&unused_rows, &old, &nold);
		qsort(old, nold, sizeof(ClaimLine), cmp_old_line);
	}

	/* rows with a patient and a date, by patient and date */
	idx = palloc((nrows + 1) * sizeof(int));
	for (i = 0; i < nrows; i++)
		if (rows[i].key.patient_id != NULL && !rows[i].key.dos_null)
			idx[nidx++] = i;
	sort_rows_base = rows;
	qsort(idx, nidx, sizeof(int), cmp_row_index);

	pat_cxt = AllocSetContextCreate(stmt_cxt, "tpi_rules guard patient",
									ALLOCSET_DEFAULT_SIZES);
	for (i = 0, o = 0; i < nidx; i = k)
	{
		const char *patient_id = rows[idx[i]].key.patient_id;
		int			o_end;

		for (k = i + 1; k < nidx &&
			 strcmp(rows[idx[k]].key.patient_id, patient_id) == 0; k++)
			;
		while (o < nold && cmp_str_null(old[o].patient_id, patient_id) < 0)
			o++;
		for (o_end = o; o_end < nold &&
			 cmp_str_null(old[o_end].patient_id, patient_id) == 0; o_end++)
			;
		MemoryContextSwitchTo(pat_cxt);
		stmt_patient(e, rel, rows, &idx[i], k - i, &old[o], o_end - o, stmt_cxt);
		MemoryContextSwitchTo(stmt_cxt);
		MemoryContextReset(pat_cxt);
		o = o_end;
	}

	for (i = 0; i < nrows && !reject; i++)
		for (k = 0; k < rows[i].found.n; k++)
			if (rows[i].found.items[k].f->severity == TPI_ERROR &&
				!rows[i].found.items[k].curable)
				reject = true;
	if (mode == GUARD_REJECT && reject)
		reject_statement(rel, rows, nrows);

	if (mode == GUARD_FLAG)
	{
		LogBatch	b;

		memset(&b, 0, sizeof(b));
		for (i = 0; i < nrows; i++)
			for (k = 0; k < rows[i].found.n; k++)
			{
				Attributed *a = &rows[i].found.items[k];
				LogRef		ref;

				if (!a->curable)
				{
					tpi_guard_log_add(&b, &rows[i].key, a->f);
					continue;
				}
				ref = tpi_guard_log_one(e->table_name, &rows[i].key, a->f);
				if (a->f->severity == TPI_ERROR && rows[i].key.patient_id)
					tpi_guard_add_pending(e, rel, mode, &rows[i].key, a->f, &ref);
			}
		tpi_guard_log_flush(&b, e->table_name);
	}
	else
	{
		for (i = 0; i < nrows; i++)
			for (k = 0; k < rows[i].found.n; k++)
			{
				Attributed *a = &rows[i].found.items[k];

				if (a->curable && a->f->severity == TPI_ERROR &&
					rows[i].key.patient_id)
					tpi_guard_add_pending(e, rel, mode, &rows[i].key, a->f, NULL);
			}
	}
	SPI_finish();
	return PointerGetDatum(NULL);
}
