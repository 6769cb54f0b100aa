/*
 * finding_log_exec.c
 *		The fast path of finding_log.c: a batch of log rows (a flag-mode
 *		row's findings, a statement's batch) inserted, and a cured finding's
 *		row deleted, through the executor's own routines, as logical
 *		replication's apply worker does (worker.c, execReplication.c),
 *		without starting a plan per row.
 *
 * ExecSimpleRelationInsert() does what an INSERT's ModifyTable does for a
 * plain table: BEFORE ROW triggers, stored generated columns, NOT NULL,
 * CHECK and partition constraints, the heap and every index (unique ones
 * checked, deferred ones queued), AFTER ROW triggers and foreign keys
 * (fired by AfterTriggerEndQuery).  The columns an INSERT would fill from
 * their defaults (the identity id, logged_at, a DBA's added columns) are
 * filled here from the same default expressions, in column order.
 *
 * What it does not do is left to the SPI INSERT: the path is taken only
 * when it is exactly equivalent, and tpi_guard_log_exec() returns false
 * otherwise, before writing anything.  The same holds for the DELETE of a
 * cured finding's row by ctid and id (tpi_guard_log_exec_delete()), which
 * ExecSimpleRelationDelete() does with BEFORE and AFTER ROW DELETE
 * triggers (a DBA's foreign key to finding_log among them).
 *
 * So finding_log must be a plain table without rewrite rules, row
 * security, statement-level triggers or transition tables for the
 * command; the guard's columns must have the types the INSERT writes (no
 * coercion), the other columns no domain type without a default (the
 * INSERT checks a NULL against the domain); the transaction not read-only
 * (the SPI path raises the usual 25006) nor in parallel mode; and the
 * owner must hold INSERT (DELETE) on the table, SELECT too when rows are
 * returned or searched, so that a missing privilege raises the SPI path's
 * error.  The write runs as the extension's owner, like the SPI
 * path (tpi_ref_become_owner), with the same command counter steps.
 *
 * A row trigger that cannot hold its rows for the statement (finding_log.c)
 * writes once per row with findings, and setting up the executor for each
 * write (opening the table and its
 * indexes, preparing the defaults) cost a third of the write.  The INSERT's
 * executor state is therefore kept for the rest of the statement that
 * fires the trigger, as a multi-row INSERT keeps its own, while no other
 * statement ran since (a DBA's trigger on finding_log may have changed
 * anything) and the relcache entry holds; each write still takes its own
 * command counter step, snapshot, owner's identity and trigger query
 * level.  It ends with the statement (frames.c calls back), or goes with
 * the abort of a failed one.
 */
#include "guard.h"

#include "access/table.h"
#include "access/xact.h"
#include "catalog/pg_collation.h"
#include "catalog/pg_enum.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/executor.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "rewrite/rewriteHandler.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/resowner.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"

/* The guard's columns, in the order of LogBatch and the SPI INSERT. */
enum
{
	LC_TABLE_NAME, LC_CLAIM_ID, LC_LINE_NO, LC_PATIENT_ID, LC_DOS,
	LC_RULE_ID, LC_SEVERITY, LC_MESSAGE, LC_COUNT
};
static const char *const log_col_names[LC_COUNT] = {
	"table_name", "claim_id", "line_no", "patient_id", "date_of_service",
	"rule_id", "severity", "message"
};
static const Oid log_col_types[LC_COUNT] = {
	TEXTOID, TEXTOID, INT2OID, TEXTOID, DATEOID, TEXTOID, InvalidOid, TEXTOID
};

/*
 * What is learnt of finding_log's columns once per relcache generation
 * (tpi_guard_log_exec_invalidate() ends it).  The default expressions are
 * kept as build_column_default() gives them and planned per write, so that
 * a function they call may change meanwhile.
 */
typedef struct ExecLogCache
{
	bool		valid;
	Oid			relid;
	bool		usable;			/* the columns allow the fast path */
	MemoryContext cxt;
	AttrNumber	att[LC_COUNT];
	AttrNumber	id_att;			/* an int8 "id", or 0 */
	Oid			severity_type;
	Oid			severity_oid[3];	/* the labels' OIDs, by TpiSeverity */
	int			ndefaults;
	AttrNumber *def_att;
	Expr	  **def_expr;
} ExecLogCache;

static ExecLogCache cache;
static uint64 cache_builds = 0;	/* the kept INSERT state's key */

void
tpi_guard_log_exec_invalidate(void)
{
	cache.valid = false;
}

/* The enum tpi_rules.severity, which the INSERT casts its text to. */
static bool
is_severity_type(Oid typid, Oid nsp)
{
	HeapTuple	tp = SearchSysCache1(TYPEOID, ObjectIdGetDatum(typid));
	Form_pg_type t;
	bool		is;

	if (!HeapTupleIsValid(tp))
		return false;
	t = (Form_pg_type) GETSTRUCT(tp);
	is = t->typtype == TYPTYPE_ENUM && t->typnamespace == nsp &&
		strcmp(NameStr(t->typname), "severity") == 0;
	ReleaseSysCache(tp);
	return is;
}

static void
cache_build(Relation rel)
{
	TupleDesc	desc = RelationGetDescr(rel);
	MemoryContext old;
	int			i,
				c;

	if (cache.cxt == NULL)
		cache.cxt = AllocSetContextCreate(CacheMemoryContext,
										  "tpi_rules finding_log defaults",
										  ALLOCSET_SMALL_SIZES);
	MemoryContextReset(cache.cxt);
	cache_builds++;
	/* valid first: an invalidation while we look clears it again */
	cache.valid = true;
	cache.relid = RelationGetRelid(rel);
	cache.usable = false;
	cache.ndefaults = 0;
	cache.id_att = 0;
	old = MemoryContextSwitchTo(cache.cxt);
	cache.def_att = palloc(Max(desc->natts, 1) * sizeof(AttrNumber));
	cache.def_expr = palloc(Max(desc->natts, 1) * sizeof(Expr *));
	for (c = 0; c < LC_COUNT; c++)
	{
		cache.att[c] = get_attnum(cache.relid, log_col_names[c]);
		if (cache.att[c] == InvalidAttrNumber)
			goto done;
	}
	cache.severity_type = TupleDescAttr(desc, cache.att[LC_SEVERITY] - 1)->atttypid;
	if (!is_severity_type(cache.severity_type, RelationGetNamespace(rel)))
		goto done;
	/* what enum_in would give each row, looked up once */
	for (c = 0; c < 3; c++)
	{
		cache.severity_oid[c] =
			GetSysCacheOid2(ENUMTYPOIDNAME, Anum_pg_enum_oid,
							ObjectIdGetDatum(cache.severity_type),
							CStringGetDatum(tpi_severity_name((TpiSeverity) c)));
		if (!OidIsValid(cache.severity_oid[c]))
			goto done;
	}
	for (c = 0; c < LC_COUNT; c++)
	{
		Form_pg_attribute a = TupleDescAttr(desc, cache.att[c] - 1);

		if (c != LC_SEVERITY && a->atttypid != log_col_types[c])
			goto done;
		/* the INSERT gives these values: a generated one it would refuse */
		if (a->attgenerated || a->attidentity == ATTRIBUTE_IDENTITY_ALWAYS)
			goto done;
	}
	for (i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute a = TupleDescAttr(desc, i);
		Node	   *def;
		bool		guard_col = false;

		for (c = 0; c < LC_COUNT; c++)
			guard_col |= cache.att[c] == a->attnum;
		if (a->attisdropped || guard_col || a->attgenerated)
			continue;
		if (strcmp(NameStr(a->attname), "id") == 0 && a->atttypid == INT8OID)
			cache.id_att = a->attnum;
		def = build_column_default(rel, a->attnum);
		if (def == NULL)
		{
			if (get_typtype(a->atttypid) == TYPTYPE_DOMAIN)
				goto done;
			continue;
		}
		cache.def_att[cache.ndefaults] = a->attnum;
		cache.def_expr[cache.ndefaults++] = (Expr *) def;
	}
	cache.usable = true;
done:
	MemoryContextSwitchTo(old);
}

/*
 * What of the relation itself allows the fast path of an INSERT (reading
 * back what it wrote when reading) or of the DELETE (read per write).
 */
static bool
relation_allows(Relation rel, CmdType cmd, bool reading)
{
	TriggerDesc *td = rel->trigdesc;

	/* rd_rules, not relhasrules: that stays true after DROP RULE */
	if (rel->rd_rel->relkind != RELKIND_RELATION ||
		rel->rd_rules != NULL || rel->rd_rel->relrowsecurity)
		return false;
	if (td && cmd == CMD_INSERT &&
		(td->trig_insert_before_statement ||
		 td->trig_insert_after_statement || td->trig_insert_new_table))
		return false;
	if (td && cmd == CMD_DELETE &&
		(td->trig_delete_before_statement ||
		 td->trig_delete_after_statement || td->trig_delete_old_table))
		return false;
	if (reading && cache.id_att == 0)
		return false;
	if (pg_class_aclcheck(RelationGetRelid(rel), GetUserId(),
						  cmd == CMD_INSERT ? ACL_INSERT : ACL_DELETE) != ACLCHECK_OK)
		return false;
	if (reading &&
		pg_class_aclcheck(RelationGetRelid(rel), GetUserId(), ACL_SELECT) != ACLCHECK_OK)
		return false;
	return true;
}

/* An EState and ResultRelInfo for finding_log, as the apply worker's. */
static ResultRelInfo *
make_estate(EState *estate, Relation rel, CmdType cmd)
{
	RangeTblEntry *rte = makeNode(RangeTblEntry);
	ResultRelInfo *rri = makeNode(ResultRelInfo);
	int			c;

	rte->rtekind = RTE_RELATION;
	rte->relid = RelationGetRelid(rel);
	rte->relkind = rel->rd_rel->relkind;
	rte->rellockmode = RowExclusiveLock;
	rte->requiredPerms = cmd == CMD_INSERT ? ACL_INSERT : (ACL_DELETE | ACL_SELECT);
	/* what an error's "Failing row contains" may show, as for the INSERT */
	for (c = 0; cmd == CMD_INSERT && c < LC_COUNT; c++)
		rte->insertedCols = bms_add_member(rte->insertedCols,
										   cache.att[c] - FirstLowInvalidHeapAttributeNumber);
	ExecInitRangeTable(estate, list_make1(rte));
	InitResultRelInfo(rri, rel, 1, NULL, 0);
	/* how ExecGetTriggerResultRel() finds it, as in the apply worker */
	estate->es_opened_result_relations =
		lappend(estate->es_opened_result_relations, rri);
	estate->es_output_cid = GetCurrentCommandId(true);
	return rri;
}

static bool
slot_text_is(TupleTableSlot *slot, AttrNumber att, Datum want, bool want_null)
{
	bool		isnull;
	Datum		d = slot_getattr(slot, att, &isnull);

	if (isnull || want_null)
		return isnull && want_null;
	return DatumGetBool(DirectFunctionCall2Coll(texteq, C_COLLATION_OID, want, d));
}

/* The stored row's reference, if it is the batch row's (as match_refs). */
static void
take_ref(TupleTableSlot *slot, const LogBatch *b, int r, LogRef *ref)
{
	bool		isnull;
	Datum		line_no;
	Datum		id;

	ItemPointerSetInvalid(&ref->tid);
	ref->id = 0;
	if (!ItemPointerIsValid(&slot->tts_tid))
		return;					/* a BEFORE trigger skipped it */
	line_no = slot_getattr(slot, cache.att[LC_LINE_NO], &isnull);
	if (!slot_text_is(slot, cache.att[LC_CLAIM_ID], b->claim_id[r], b->claim_id_null[r]) ||
		isnull != b->line_no_null[r] ||
		(!isnull && DatumGetInt16(line_no) != DatumGetInt16(b->line_no[r])) ||
		!slot_text_is(slot, cache.att[LC_RULE_ID], b->rule_id[r], false))
		return;
	id = slot_getattr(slot, cache.id_att, &isnull);
	if (isnull)
		return;
	ref->id = DatumGetInt64(id);
	ref->tid = slot->tts_tid;
}

/* The enum value of a severity's text, as enum_in gives it. */
static Oid
severity_label(Datum severity)
{
	text	   *t = DatumGetTextPP(severity);
	int			c;

	for (c = 0; c < 3; c++)
	{
		const char *name = tpi_severity_name((TpiSeverity) c);

		if (VARSIZE_ANY_EXHDR(t) == strlen(name) &&
			memcmp(VARDATA_ANY(t), name, strlen(name)) == 0)
			return cache.severity_oid[c];
	}
	elog(ERROR, "tpi_rules.guard: \"%s\" is not a severity", text_to_cstring(t));
	return InvalidOid;			/* keep compiler quiet */
}

/* Batch row r into the slot: the guard's values, then the defaults. */
static void
fill_slot(TupleTableSlot *slot, ExprState **defaults, EState *estate,
		  const LogBatch *b, int r, Datum table_name)
{
	ExprContext *econtext = GetPerTupleExprContext(estate);
	Datum	   *v = slot->tts_values;
	bool	   *n = slot->tts_isnull;
	int			i;

	ExecClearTuple(slot);
	memset(n, true, slot->tts_tupleDescriptor->natts * sizeof(bool));
#define PUT(col, value, isnull) \
	(v[cache.att[col] - 1] = (value), n[cache.att[col] - 1] = (isnull))
	PUT(LC_TABLE_NAME, table_name, false);
	PUT(LC_CLAIM_ID, b->claim_id[r], b->claim_id_null[r]);
	PUT(LC_LINE_NO, b->line_no[r], b->line_no_null[r]);
	PUT(LC_PATIENT_ID, b->patient_id[r], b->patient_id_null[r]);
	PUT(LC_DOS, b->dos[r], b->dos_null[r]);
	PUT(LC_RULE_ID, b->rule_id[r], false);
	PUT(LC_SEVERITY, ObjectIdGetDatum(severity_label(b->severity[r])), false);
	PUT(LC_MESSAGE, b->message[r], false);
#undef PUT
	ResetExprContext(econtext);
	for (i = 0; i < cache.ndefaults; i++)
	{
		AttrNumber	a = cache.def_att[i];

		v[a - 1] = ExecEvalExpr(defaults[i], econtext, &n[a - 1]);
	}
	ExecStoreVirtualTuple(slot);
	ItemPointerSetInvalid(&slot->tts_tid);
}

/*
 * What one fast-path write holds between exec_begin() and exec_end(): the
 * table, the owner's identity, the snapshot and the executor state (the
 * statement's kept one, or its own).
 */
typedef struct ExecWrite
{
	Relation	rel;
	TpiRefSpi	owner;
	EState	   *estate;
	ResultRelInfo *rri;
	TupleTableSlot *slot;
	ExprState **defaults;		/* INSERT: the defaults, prepared */
	bool		kept;
} ExecWrite;

/* The INSERT's executor state kept for the statement (see above). */
typedef struct KeptInsert
{
	MemoryContext cxt;			/* NULL: none kept */
	uint64		frame;			/* the statement */
	uint64		pushed;			/* frames pushed when it was made */
	ResourceOwner owner;
	uint64		cache_build;	/* the defaults' cache_builds */
	ExecWrite	w;
} KeptInsert;

static KeptInsert kept;

/*
 * The executor state of a write: an EState and ResultRelInfo for
 * finding_log (indexes open and defaults prepared for an INSERT), in the
 * current memory context.
 */
static void
exec_state(ExecWrite *w, CmdType cmd)
{
	int			i;

	w->estate = CreateExecutorState();
	w->rri = make_estate(w->estate, w->rel, cmd);
	w->slot = ExecInitExtraTupleSlot(w->estate, RelationGetDescr(w->rel),
									 table_slot_callbacks(w->rel));
	w->defaults = NULL;
	if (cmd != CMD_INSERT)
		return;
	ExecOpenIndices(w->rri, false);
	/* freed with the executor state, as the expressions are */
	w->defaults = MemoryContextAlloc(w->estate->es_query_cxt,
									 Max(cache.ndefaults, 1) * sizeof(ExprState *));
	for (i = 0; i < cache.ndefaults; i++)
		w->defaults[i] = ExecPrepareExpr(cache.def_expr[i], w->estate);
}

static void
exec_state_end(ExecWrite *w)
{
	if (w->defaults)
		ExecCloseIndices(w->rri);
	ExecResetTupleTable(w->estate->es_tupleTable, false);
	FreeExecutorState(w->estate);
}

/*
 * The kept state ends: with end, closed under the resource owner it was
 * made in; without, the abort of a failed statement releases what it
 * holds and the (sub)transaction its memory.
 */
static void
kept_done(bool end)
{
	if (kept.cxt == NULL)
		return;
	if (end)
	{
		exec_state_end(&kept.w);
		table_close(kept.w.rel, NoLock);
		MemoryContextDelete(kept.cxt);
	}
	kept.cxt = NULL;
}

static void
kept_frame_end(uint64 serial, bool failed)
{
	if (kept.cxt && kept.frame == serial)
		kept_done(!failed && CurrentResourceOwner == kept.owner);
}

void
tpi_guard_log_exec_init(void)
{
	tpi_guard_frames_on_end(kept_frame_end);
}

/*
 * The statement's kept INSERT state for rel, made now if need be (the
 * caller checked that the fast path may run, as the owner); NULL outside
 * a statement, or where a kept state of another resource owner is left to
 * its statement's end.
 */
static KeptInsert *
kept_insert(Relation rel)
{
	uint64		frame = tpi_guard_frame_serial();
	MemoryContext old;

	if (frame == 0)
		return NULL;
	if (kept.cxt &&
		(kept.frame != frame || kept.pushed != tpi_guard_frames_pushed() ||
		 kept.cache_build != cache_builds))
	{
		if (CurrentResourceOwner != kept.owner)
			return NULL;
		kept_done(true);
	}
	if (kept.cxt)
		return &kept;
	kept.cxt = AllocSetContextCreate(CurTransactionContext,
									 "tpi_rules finding_log insert",
									 ALLOCSET_DEFAULT_SIZES);
	old = MemoryContextSwitchTo(kept.cxt);
	kept.w.rel = table_open(RelationGetRelid(rel), RowExclusiveLock);
	exec_state(&kept.w, CMD_INSERT);
	MemoryContextSwitchTo(old);
	kept.w.kept = true;
	kept.frame = frame;
	kept.pushed = tpi_guard_frames_pushed();
	kept.owner = CurrentResourceOwner;
	kept.cache_build = cache_builds;
	return &kept;
}

/*
 * Start a write of cmd (reading: rows are read back or searched) as SPI
 * would run the statement: as the extension's owner, after a command
 * counter step, under a fresh snapshot.  false, having done nothing, when
 * the SPI statement must run instead.
 */
static bool
exec_begin(ExecWrite *w, Oid relid, CmdType cmd, bool reading)
{
	KeptInsert *k;

	if (XactReadOnly || IsInParallelMode())
		return false;
	w->rel = table_open(relid, RowExclusiveLock);
	if (!cache.valid || cache.relid != relid)
		cache_build(w->rel);
	tpi_ref_become_owner(&w->owner);
	if (!cache.usable || !relation_allows(w->rel, cmd, reading))
	{
		tpi_ref_become_caller(&w->owner);
		table_close(w->rel, NoLock);
		return false;
	}
	PushActiveSnapshot(GetTransactionSnapshot());
	CommandCounterIncrement();
	UpdateActiveSnapshotCommandId();
	if (cmd == CMD_INSERT && cache.valid && (k = kept_insert(w->rel)) != NULL)
	{
		TpiRefSpi	owner = w->owner;

		table_close(w->rel, NoLock);
		*w = k->w;
		w->owner = owner;
		w->estate->es_output_cid = GetCurrentCommandId(true);
	}
	else
	{
		w->kept = false;
		exec_state(w, cmd);
	}
	w->estate->es_snapshot = GetActiveSnapshot();
	return true;
}

static void
exec_end(ExecWrite *w)
{
	if (!w->kept)
		exec_state_end(w);
	PopActiveSnapshot();
	CommandCounterIncrement();
	tpi_ref_become_caller(&w->owner);
	if (!w->kept)
		table_close(w->rel, NoLock);
}

/*
 * Insert batch b into finding_log (relid, locked by the caller) if the
 * fast path is exactly equivalent to the SPI INSERT; with refs, each row's
 * id and ctid go there as the SPI path's RETURNING would give them.
 * Returns false, having written nothing, when the SPI INSERT must run.
 */
bool
tpi_guard_log_exec(LogBatch *b, const char *table_name, LogRef *refs,
				   Oid relid)
{
	ExecWrite	w;
	Datum		name;
	int			r;

	if (!exec_begin(&w, relid, CMD_INSERT, refs != NULL))
		return false;
	name = CStringGetTextDatum(table_name);

	AfterTriggerBeginQuery();
	for (r = 0; r < b->n; r++)
	{
		fill_slot(w.slot, w.defaults, w.estate, b, r, name);
		ExecSimpleRelationInsert(w.rri, w.estate, w.slot);
		if (refs)
			take_ref(w.slot, b, r, &refs[r]);
	}
	AfterTriggerEndQuery(w.estate);
	exec_end(&w);
	return true;
}

/*
 * Delete the log row log refers to (locked by the caller as relid), as
 * "DELETE FROM tpi_rules.finding_log WHERE ctid = $1 AND id = $2" would:
 * the row is found by its ctid under a snapshot taken after a command
 * counter step, and deleted only if it is visible there and still has the
 * id.  Returns false, having done nothing, when the SPI DELETE must run.
 */
bool
tpi_guard_log_exec_delete(const LogRef *log, Oid relid)
{
	ExecWrite	w;
	bool		isnull;
	Datum		id;

	if (!exec_begin(&w, relid, CMD_DELETE, true))
		return false;
	if (table_tuple_fetch_row_version(w.rel, (ItemPointer) &log->tid,
									  w.estate->es_snapshot, w.slot) &&
		(id = slot_getattr(w.slot, cache.id_att, &isnull), !isnull) &&
		DatumGetInt64(id) == log->id)
	{
		EPQState	epq;

		EvalPlanQualInit(&epq, w.estate, NULL, NIL, -1);
		AfterTriggerBeginQuery();
		ExecSimpleRelationDelete(w.rri, w.estate, &epq, w.slot);
		AfterTriggerEndQuery(w.estate);
		EvalPlanQualEnd(&epq);
	}
	exec_end(&w);
	return true;
}
