/*
 * frames.c
 *		Which statement is running, for the row trigger's line cache
 *		(line_cache.c).  A BEFORE ROW trigger cannot see whether the row it
 *		returned is really stored: INSERT ... ON CONFLICT may skip it, a
 *		MERGE or a data-modifying WITH may delete lines in the same command.
 *		The executor's and utility hooks keep a stack of the statements
 *		running in this backend, one frame each, so the trigger can tell
 *		that it was fired by a plain INSERT (or COPY FROM) into its table
 *		and that no other statement ran between two of its rows, and, from
 *		the statement's executor state, what becomes of an INSERT ... ON
 *		CONFLICT's row or of a row an UPDATE moves between partitions.
 *
 * The hooks are installed by _PG_init.  When the module is loaded by the
 * trigger itself, the statement that loads it started unseen.  It is
 * vouched for from the portal running it (a plain INSERT into the table
 * or a COPY FROM, as for a frame) when the trigger runs in the memory of
 * an executor state made directly in the portal's memory: the portal's
 * own statement, not one a function in it runs, and only until that
 * executor state is freed (a later statement may reuse its addresses and
 * start time, and its data-modifying WITH runs outside its frame, as the
 * statement finishes).  That statement keeps no walk or executor state
 * (nothing would end them); a statement run during it has a frame, which
 * drops the line cache as always.  Otherwise the trigger reads the table
 * for every row, as for every statement it cannot vouch for.
 */
#include "guard.h"

#include "access/xact.h"
#include "catalog/pg_trigger.h"
#include "executor/executor.h"
#include "nodes/plannodes.h"
#include "parser/parsetree.h"
#include "storage/proc.h"
#include "tcop/pquery.h"
#include "tcop/utility.h"
#include "utils/memutils.h"

typedef struct Frame
{
	uint64		serial;			/* frames_serial when pushed */
	bool		insert_only;	/* a plain INSERT or COPY FROM */
	Oid			relid;			/* the INSERT's table; InvalidOid for COPY */
	bool		may_keep;		/* an executor run or COPY: no transaction
								 * ends inside it */
	QueryDesc  *qd;				/* an executor run's or finish's, else NULL */
	LocalTransactionId lxid;	/* the (sub)transaction it began in */
	SubTransactionId subid;
} Frame;

static Frame *frames = NULL;
static int	nframes = 0;
static int	frames_cap = 0;
static uint64 frames_serial = 0;	/* frames ever pushed */

/* what to call as a statement ends (the line cache, the log writer) */
#define MAX_ON_END 3
static TpiFrameEnd on_end[MAX_ON_END];
static int	non_end = 0;

/* what to call as a statement's run finishes, still inside it */
#define MAX_ON_FINISH 1
static TpiFrameFinish on_finish[MAX_ON_FINISH];
static int	non_finish = 0;

/* The statement running when the module was loaded (see above). */
typedef struct LoadFrame
{
	bool		unseen;			/* loaded inside a portal, not looked at */
	bool		valid;
	uint64		serial;
	Oid			relid;			/* as in Frame */
	Portal		portal;			/* its portal, known by address and time */
	TimestampTz portal_created;
	MemoryContext estate_cxt;	/* its executor state's memory */
	LocalTransactionId lxid;
	MemoryContextCallback gone; /* estate_cxt deleted: the statement ended */
} LoadFrame;

static LoadFrame load_frame;

static ExecutorRun_hook_type prev_executor_run = NULL;
static ExecutorFinish_hook_type prev_executor_finish = NULL;
static ProcessUtility_hook_type prev_process_utility = NULL;

static uint64
push_frame(bool insert_only, Oid relid, bool may_keep, QueryDesc *qd)
{
	if (nframes == frames_cap)
	{
		int			cap = frames_cap ? frames_cap * 2 : 16;

		frames = frames ?
			repalloc(frames, cap * sizeof(Frame)) :
			MemoryContextAlloc(TopMemoryContext, cap * sizeof(Frame));
		frames_cap = cap;
	}
	/* the statement running at load time is looked at from its own rows */
	load_frame.unseen = false;
	frames[nframes].serial = ++frames_serial;
	frames[nframes].insert_only = insert_only;
	frames[nframes].relid = relid;
	frames[nframes].may_keep = may_keep;
	frames[nframes].qd = qd;
	frames[nframes].lxid = MyProc->lxid;
	frames[nframes].subid = GetCurrentSubTransactionId();
	nframes++;
	return frames_serial;
}

/*
 * The statement of frame serial ended, depth frames remain; failed: by an
 * error, whose abort releases what the statement held.
 */
static void
pop_frame(int depth, uint64 serial, bool failed)
{
	int			i;

	nframes = depth;
	for (i = 0; i < non_end; i++)
		on_end[i] (serial, failed);
}

/*
 * The statement of frame serial has run, and is still the running one: its
 * errors here are the statement's.
 */
static void
finish_frame(uint64 serial)
{
	int			i;

	for (i = 0; i < non_finish; i++)
		on_finish[i] (serial);
}

/*
 * An INSERT whose every row the trigger sees stored or the statement
 * fails: no ON CONFLICT, no data-modifying WITH, one target table, whose
 * OID goes to *relid.
 */
static bool
plain_insert(PlannedStmt *ps, Oid *relid)
{
	ModifyTable *mt;

	*relid = InvalidOid;
	if (ps->commandType != CMD_INSERT || ps->hasModifyingCTE ||
		ps->planTree == NULL || !IsA(ps->planTree, ModifyTable))
		return false;
	mt = (ModifyTable *) ps->planTree;
	if (mt->operation != CMD_INSERT ||
		mt->onConflictAction != ONCONFLICT_NONE ||
		list_length(mt->resultRelations) != 1)
		return false;
	*relid = rt_fetch(linitial_int(mt->resultRelations), ps->rtable)->relid;
	return true;
}

/* COPY FROM stores every row its triggers return, or fails. */
static bool
copy_from(Node *stmt)
{
	return IsA(stmt, CopyStmt) && ((CopyStmt *) stmt)->is_from &&
		((CopyStmt *) stmt)->query == NULL;
}

/*
 * Run body(arg) as a statement in a frame of its own: finished inside it
 * (what is kept for it written or released while its errors are still
 * its own), popped after it, or popped as failed when it fails.
 */
static void
run_in_frame(bool insert_only, Oid relid, bool may_keep, QueryDesc *qd,
			 void (*body) (void *arg), void *arg)
{
	int			depth = nframes;
	uint64		serial = push_frame(insert_only, relid, may_keep, qd);

	PG_TRY();
	{
		body(arg);
		finish_frame(serial);
	}
	PG_CATCH();
	{
		pop_frame(depth, serial, true);
		PG_RE_THROW();
	}
	PG_END_TRY();
	pop_frame(depth, serial, false);
}

typedef struct RunArgs
{
	QueryDesc  *qd;
	ScanDirection direction;
	uint64		count;
	bool		execute_once;
} RunArgs;

static void
executor_run(void *arg)
{
	RunArgs    *a = arg;

	if (prev_executor_run)
		prev_executor_run(a->qd, a->direction, a->count, a->execute_once);
	else
		standard_ExecutorRun(a->qd, a->direction, a->count, a->execute_once);
}

static void
tpi_executor_run(QueryDesc *qd, ScanDirection direction, uint64 count,
				 bool execute_once)
{
	RunArgs		a = {qd, direction, count, execute_once};
	Oid			relid;
	bool		insert_only = plain_insert(qd->plannedstmt, &relid);

	run_in_frame(insert_only, relid, true, qd, executor_run, &a);
}

static void
executor_finish(void *arg)
{
	if (prev_executor_finish)
		prev_executor_finish((QueryDesc *) arg);
	else
		standard_ExecutorFinish((QueryDesc *) arg);
}

/*
 * A statement's finish is a frame of its own: the inserts of a
 * data-modifying WITH that the query did not read run there, after the
 * run's frame ended, and what is kept for them ends with them.
 */
static void
tpi_executor_finish(QueryDesc *qd)
{
	run_in_frame(false, InvalidOid, true, qd, executor_finish, qd);
}

typedef struct UtilityArgs
{
	PlannedStmt *pstmt;
	const char *queryString;
	bool		readOnlyTree;
	ProcessUtilityContext context;
	ParamListInfo params;
	QueryEnvironment *queryEnv;
	DestReceiver *dest;
	QueryCompletion *qc;
} UtilityArgs;

static void
process_utility(void *arg)
{
	UtilityArgs *a = arg;

	if (prev_process_utility)
		prev_process_utility(a->pstmt, a->queryString, a->readOnlyTree,
							 a->context, a->params, a->queryEnv, a->dest, a->qc);
	else
		standard_ProcessUtility(a->pstmt, a->queryString, a->readOnlyTree,
								a->context, a->params, a->queryEnv, a->dest, a->qc);
}

static void
tpi_process_utility(PlannedStmt *pstmt, const char *queryString,
					bool readOnlyTree, ProcessUtilityContext context,
					ParamListInfo params, QueryEnvironment *queryEnv,
					DestReceiver *dest, QueryCompletion *qc)
{
	UtilityArgs a = {pstmt, queryString, readOnlyTree, context, params,
	queryEnv, dest, qc};
	Node	   *stmt = pstmt->utilityStmt;

	/* a CALL or DO may COMMIT inside: nothing is kept for it */
	run_in_frame(copy_from(stmt), InvalidOid, IsA(stmt, CopyStmt), NULL,
				 process_utility, &a);
}

void
tpi_guard_frames_init(void)
{
	load_frame.unseen = ActivePortal != NULL &&
		ActivePortal->status == PORTAL_ACTIVE;
	prev_executor_run = ExecutorRun_hook;
	ExecutorRun_hook = tpi_executor_run;
	prev_executor_finish = ExecutorFinish_hook;
	ExecutorFinish_hook = tpi_executor_finish;
	prev_process_utility = ProcessUtility_hook;
	ProcessUtility_hook = tpi_process_utility;
}

/*
 * The load-time statement's executor state is freed: it ended, and a
 * later one may get the same portal and memory addresses and even the
 * same creation time (statements of one query string or of one function
 * share a statement timestamp).
 */
static void
load_statement_gone(void *arg)
{
	load_frame.valid = false;
	load_frame.estate_cxt = NULL;
}

/*
 * The statement running at load time, looked at from the first trigger
 * call in it: the trigger runs in its executor state's per-tuple memory.
 */
static void
look_at_load_statement(void)
{
	Portal		portal = ActivePortal;
	MemoryContext estate_cxt = CurrentMemoryContext->parent;
	PlannedStmt *ps;
	Oid			relid = InvalidOid;

	load_frame.unseen = false;
	if (portal == NULL || list_length(portal->stmts) != 1 ||
		estate_cxt == NULL || estate_cxt->parent != portal->portalContext)
		return;
	ps = linitial_node(PlannedStmt, portal->stmts);
	if (ps->commandType == CMD_UTILITY ? !copy_from(ps->utilityStmt) :
		!plain_insert(ps, &relid))
		return;
	load_frame.valid = true;
	load_frame.serial = ++frames_serial;
	load_frame.relid = relid;
	load_frame.portal = portal;
	load_frame.portal_created = portal->creation_time;
	load_frame.estate_cxt = estate_cxt;
	load_frame.lxid = MyProc->lxid;
	load_frame.gone.func = load_statement_gone;
	load_frame.gone.arg = NULL;
	MemoryContextRegisterResetCallback(estate_cxt, &load_frame.gone);
}

/*
 * The statement running at load time is running this trigger: every
 * statement started since has a frame, so this is asked only outside any,
 * and the executor state tells the load statement from one a function in
 * it started before the load.
 */
static bool
in_load_statement(void)
{
	return load_frame.valid && load_frame.lxid == MyProc->lxid &&
		ActivePortal == load_frame.portal &&
		ActivePortal->creation_time == load_frame.portal_created &&
		CurrentMemoryContext->parent == load_frame.estate_cxt;
}

/*
 * The running statement's frame serial when it is a plain INSERT into
 * relid or a COPY FROM, else 0.
 */
uint64
tpi_guard_insert_frame(Oid relid)
{
	const Frame *f;

	if (nframes == 0)
	{
		if (load_frame.unseen)
			look_at_load_statement();
		if (!in_load_statement() ||
			(OidIsValid(load_frame.relid) && load_frame.relid != relid))
			return 0;
		return load_frame.serial;
	}
	f = &frames[nframes - 1];
	if (!f->insert_only || (OidIsValid(f->relid) && f->relid != relid))
		return 0;
	return f->serial;
}

/*
 * callback runs as each statement ends, with its frame serial: what was
 * kept for the statement is released.
 */
void
tpi_guard_frames_on_end(TpiFrameEnd callback)
{
	if (non_end == MAX_ON_END)
		elog(ERROR, "tpi_rules: too many statement end callbacks");
	on_end[non_end++] = callback;
}

/* callback runs as each statement's run finishes (see finish_frame). */
void
tpi_guard_frames_on_finish(TpiFrameFinish callback)
{
	if (non_finish == MAX_ON_FINISH)
		elog(ERROR, "tpi_rules: too many statement finish callbacks");
	on_finish[non_finish++] = callback;
}

/*
 * The running statement's frame serial, for what is kept until it ends,
 * or 0.  An AFTER STATEMENT trigger fires in its statement's finish (a
 * frame of its own); a statement may run inside an enclosing one: a CALL
 * or DO that commits before it ends, or one whose plpgsql block runs the
 * caller in a subtransaction that ends (and releases its resource owner
 * and memory) before it does.  Only the statement's own (sub)transaction
 * may keep things for it.
 */
uint64
tpi_guard_frame_serial(void)
{
	const Frame *f;

	if (nframes == 0)
		return 0;
	f = &frames[nframes - 1];
	if (!f->may_keep || f->lxid != MyProc->lxid ||
		f->subid != GetCurrentSubTransactionId())
		return 0;
	return f->serial;
}

/* Frames pushed so far: unchanged while no statement started. */
uint64
tpi_guard_frames_pushed(void)
{
	return frames_serial;
}

/* The ModifyTable nodes of qd: its plan's, a data-modifying WITH's. */
static List *
modify_nodes(QueryDesc *qd)
{
	List	   *nodes = NIL;

	if (qd->planstate && IsA(qd->planstate, ModifyTableState))
		nodes = lappend(nodes, qd->planstate);
	return list_concat(nodes, qd->estate->es_auxmodifytables);
}

/* Does mt write through rri (a target, or a partition it routes to)? */
static bool
writes_through(ModifyTableState *mt, ResultRelInfo *rri)
{
	int			i;

	for (i = 0; i < mt->mt_nrels; i++)
		if (&mt->resultRelInfo[i] == rri)
			return true;
	return mt->rootResultRelInfo != NULL &&
		rri->ri_RootResultRelInfo == mt->rootResultRelInfo;
}

/*
 * Calls fn for each (node, result relation of rel) of the running
 * statement's ModifyTable nodes, until it returns true.
 */
static bool
each_writer(QueryDesc *qd, Relation rel,
			bool (*fn) (ModifyTableState *mt, ResultRelInfo *rri, void *arg),
			void *arg)
{
	List	   *lists[2] = {qd->estate->es_opened_result_relations,
	qd->estate->es_tuple_routing_result_relations};
	List	   *nodes = modify_nodes(qd);
	ListCell   *n;

	foreach(n, nodes)
	{
		ModifyTableState *mt = lfirst(n);
		int			i;

		for (i = 0; i < lengthof(lists); i++)
		{
			ListCell   *lc;

			foreach(lc, lists[i])
			{
				ResultRelInfo *rri = lfirst(lc);

				if (rri->ri_RelationDesc == rel && writes_through(mt, rri) &&
					fn(mt, rri, arg))
					return true;
			}
		}
	}
	return false;
}

/* An INSERT ... ON CONFLICT node? */
static bool
upserts(ModifyTableState *mt)
{
	return mt->operation == CMD_INSERT &&
		((ModifyTable *) mt->ps.plan)->onConflictAction != ONCONFLICT_NONE;
}

typedef struct Kinds
{
	bool		inserts;		/* a node inserts through rel */
	bool		upserts;		/* ... with ON CONFLICT */
	bool		moves;			/* a node updates rows into rel */
} Kinds;

static bool
note_kind(ModifyTableState *mt, ResultRelInfo *rri, void *arg)
{
	Kinds	   *k = arg;

	if (mt->operation == CMD_INSERT)
	{
		k->inserts = true;
		k->upserts |= upserts(mt);
	}
	else if (mt->operation == CMD_UPDATE)
		k->moves = true;
	else if (mt->operation == CMD_MERGE)
	{
		if (mt->mt_merge_subcommands & MERGE_INSERT)
			k->inserts = true;
		else if (mt->mt_merge_subcommands & MERGE_UPDATE)
			k->moves = true;
	}
	return false;
}

/*
 * What the running statement does with a row that a BEFORE ROW INSERT
 * trigger on rel sees.  The executor fires such triggers for every row
 * proposed: INSERT ... ON CONFLICT then skips a row that conflicts with a
 * stored one on an arbiter index (DO NOTHING) or updates the stored row
 * instead (DO UPDATE, whose BEFORE UPDATE triggers fire for it)
 * (TPI_INSERT_UPSERT: tpi_guard_insert_conflicts() tells); an UPDATE (or
 * a MERGE that inserts nothing) that moves its row to another partition
 * inserts it there after its BEFORE UPDATE triggers fired for it on the
 * old one, which a trigger cloned from a partitioned table's and firing
 * on UPDATE (trigger) has checked (TPI_INSERT_MOVES).
 */
TpiInsertKind
tpi_guard_insert_kind(Relation rel, const Trigger *trigger)
{
	QueryDesc  *qd;
	Kinds		k = {false, false, false};

	/*
	 * The statement that loaded the module: unless it is a plain INSERT
	 * into rel or a COPY FROM, it may be an upsert in a WITH, a DO block or
	 * a function, which its portal does not show: its rows are probed
	 */
	if (nframes == 0)
		return tpi_guard_insert_frame(RelationGetRelid(rel)) == 0 ?
			TPI_INSERT_UPSERT : TPI_INSERT_NEW;
	/* a plain INSERT or COPY FROM: what the loads are */
	if (frames[nframes - 1].insert_only ||
		(qd = frames[nframes - 1].qd) == NULL || qd->estate == NULL)
		return TPI_INSERT_NEW;
	each_writer(qd, rel, note_kind, &k);
	if (k.upserts)
		return TPI_INSERT_UPSERT;
	if (k.moves && !k.inserts && trigger->tgisclone &&
		TRIGGER_FOR_UPDATE(trigger->tgtype))
		return TPI_INSERT_MOVES;
	return TPI_INSERT_NEW;
}

/* Does tup conflict with a stored row on one of arbiters (OIDs) of rri? */
static bool
conflicts(ResultRelInfo *rri, EState *estate, HeapTuple tup, List *arbiters)
{
	TupleTableSlot *slot;
	ExprContext *econtext = GetPerTupleExprContext(estate);
	TupleTableSlot *scan = econtext->ecxt_scantuple;
	ItemPointerData conflict;
	bool		free;

	slot = MakeSingleTupleTableSlot(RelationGetDescr(rri->ri_RelationDesc),
									&TTSOpsHeapTuple);
	ExecStoreHeapTuple(tup, slot, false);
	free = ExecCheckIndexConstraints(rri, slot, estate, &conflict, arbiters);
	econtext->ecxt_scantuple = scan;
	ExecDropSingleTupleTableSlot(slot);
	return !free;
}

typedef struct Probe
{
	QueryDesc  *qd;
	HeapTuple	tup;
} Probe;

static bool
upsert_conflicts(ModifyTableState *mt, ResultRelInfo *rri, void *arg)
{
	Probe	   *p = arg;

	return upserts(mt) && rri->ri_NumIndices > 0 &&
		conflicts(rri, p->qd->estate, p->tup, rri->ri_onConflictArbiterIndexes);
}

/*
 * The load statement's row against every immediate unique or exclusion
 * index of rel, in an executor state of its own: a row that conflicts on
 * any of them is never stored as it is (ON CONFLICT skips it or updates
 * the stored row, or the INSERT fails).
 */
static bool
conflicts_unframed(Relation rel, HeapTuple tup)
{
	EState	   *estate = CreateExecutorState();
	ResultRelInfo *rri = makeNode(ResultRelInfo);
	List	   *indexes = NIL;
	bool		found = false;
	int			i;

	InitResultRelInfo(rri, rel, 0, NULL, 0);
	ExecOpenIndices(rri, true);
	for (i = 0; i < rri->ri_NumIndices; i++)
	{
		Form_pg_index ix = rri->ri_IndexRelationDescs[i]->rd_index;

		if (ix->indimmediate && (ix->indisunique || ix->indisexclusion))
			indexes = lappend_oid(indexes, ix->indexrelid);
	}
	if (indexes != NIL)
		found = conflicts(rri, estate, tup, indexes);
	ExecCloseIndices(rri);
	FreeExecutorState(estate);
	return found;
}

/*
 * For TPI_INSERT_UPSERT: does tup conflict with a stored row as the
 * executor looks next, with the same arbiter indexes (a row stored by a
 * transaction that commits between the two looks is the executor's to
 * find)?  The caller holds the patient's lock, so that a row of the
 * patient another session stores meanwhile is waited for.
 */
bool
tpi_guard_insert_conflicts(Relation rel, HeapTuple tup)
{
	Probe		p;

	if (nframes == 0)
		return conflicts_unframed(rel, tup);
	p.qd = frames[nframes - 1].qd;
	p.tup = tup;
	return each_writer(p.qd, rel, upsert_conflicts, &p);
}
