/*
 * finding_log.c
 *		Writing the guard's findings to tpi_rules.finding_log.
 *
 * Log rows are written by an INSERT run through SPI with kept plans, one
 * INSERT per batch of up to GUARD_LOG_BATCH rows: the rows guard() holds
 * for its statement (or a row's findings, where it cannot hold them; see
 * "held" below), or a statement's (guard_statement()).  The executor
 * therefore does for them what it does for any INSERT: column defaults and
 * the identity, NOT NULL and CHECK constraints, unique and other indexes,
 * triggers, rewrite rules, partition routing, row security, and the refusal
 * in a read-only transaction ("cannot execute INSERT in a read-only
 * transaction", 25006).  Whatever a DBA adds to finding_log is honoured.
 * The INSERT runs as the owner of the extension's tables, so the role that
 * writes claims needs no privilege on finding_log.
 *
 * A batch takes the executor's insert routine directly when that is
 * exactly equivalent (finding_log_exec.c), which saves starting an INSERT
 * plan per flag-mode row and building arrays for a statement's batch;
 * whatever it cannot honour the same way (rules, row security, a read-only
 * transaction...) leaves the batch to the INSERT.
 *
 * A curable finding's row (see trigger.c) may have to be deleted again
 * when a later line cures it, by a DELETE through SPI or, when that is
 * exactly equivalent, the executor's delete routine (finding_log_exec.c):
 * such a batch is inserted with RETURNING,
 * whose rows come in the batch's order and are matched to it by line and
 * rule (a BEFORE trigger may skip rows).  An INSTEAD rule for INSERT on
 * finding_log forbids RETURNING; then the rows get no reference and stay
 * logged when cured (the rule decided where they went).
 */
#include "guard.h"

#include "access/table.h"
#include "catalog/namespace.h"
#include "catalog/pg_collation.h"
#include "catalog/pg_type.h"
#include "rewrite/prs2lock.h"
#include "storage/lmgr.h"
#include "storage/proc.h"
#include "utils/inval.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/syscache.h"

#define LOG_INSERT \
	"INSERT INTO tpi_rules.finding_log (table_name, claim_id, line_no," \
	" patient_id, date_of_service, rule_id, severity, message) "

/* what a curable finding's row is found by again, and matched with */
#define LOG_RETURNING " RETURNING id, ctid, claim_id, line_no, rule_id"

/* $1 is the table's name; each row has these 7 parameters */
#define LOG_ROW_ARGS 7
static const Oid log_row_types[LOG_ROW_ARGS] = {
	TEXTOID, INT2OID, TEXTOID, DATEOID, TEXTOID, TEXTOID, TEXTOID
};

/*
 * Batches of up to FEW_ROWS rows (a row's findings, mostly one) are a
 * VALUES list, larger ones (a statement's) unnest() arrays: the executor
 * starts a ValuesScan faster than a FunctionScan, which also stores each
 * unnest()'s result before the first row goes in.
 */
#define FEW_ROWS 4

/* kept plans, [returning]: one per VALUES length, and the unnest() one */
static SPIPlanPtr values_plans[2][FEW_ROWS + 1];
static SPIPlanPtr unnest_plans[2];
static SPIPlanPtr delete_plan = NULL;

/* Called inside SPI: kept plans outlive the connection. */
static SPIPlanPtr
values_plan(int n, bool returning)
{
	StringInfoData sql;
	Oid			argtypes[1 + FEW_ROWS * LOG_ROW_ARGS];
	int			r,
				c;

	if (values_plans[returning][n] != NULL)
		return values_plans[returning][n];
	initStringInfo(&sql);
	appendStringInfoString(&sql, LOG_INSERT "VALUES ");
	argtypes[0] = TEXTOID;
	for (r = 0; r < n; r++)
	{
		int			p = 2 + r * LOG_ROW_ARGS;

		appendStringInfo(&sql, "%s($1, $%d, $%d, $%d, $%d, $%d,"
						 " $%d::tpi_rules.severity, $%d)",
						 r > 0 ? ", " : "", p, p + 1, p + 2, p + 3, p + 4,
						 p + 5, p + 6);
		for (c = 0; c < LOG_ROW_ARGS; c++)
			argtypes[p - 1 + c] = log_row_types[c];
	}
	if (returning)
		appendStringInfoString(&sql, LOG_RETURNING);
	values_plans[returning][n] =
		tpi_guard_prepare_kept(sql.data, 1 + n * LOG_ROW_ARGS, argtypes);
	return values_plans[returning][n];
}

static SPIPlanPtr
unnest_plan(bool returning)
{
	Oid			argtypes[1 + LOG_ROW_ARGS];
	int			c;

	if (unnest_plans[returning] != NULL)
		return unnest_plans[returning];
	argtypes[0] = TEXTOID;
	for (c = 0; c < LOG_ROW_ARGS; c++)
		argtypes[1 + c] = get_array_type(log_row_types[c]);
	unnest_plans[returning] =
		tpi_guard_prepare_kept(psprintf("%s SELECT $1, f.c, f.l, f.p, f.d, f.r,"
										" f.s::tpi_rules.severity, f.m"
										" FROM ROWS FROM (pg_catalog.unnest($2),"
										" pg_catalog.unnest($3), pg_catalog.unnest($4),"
										" pg_catalog.unnest($5), pg_catalog.unnest($6),"
										" pg_catalog.unnest($7), pg_catalog.unnest($8))"
										" AS f(c, l, p, d, r, s, m)%s",
										LOG_INSERT,
										returning ? LOG_RETURNING : ""),
							   1 + LOG_ROW_ARGS, argtypes);
	return unnest_plans[returning];
}

/*
 * What the kept plans were made for: finding_log's OID, and whether it has
 * an INSTEAD rule for INSERT.  A relcache invalidation of the table makes
 * the plans stale: the plan cache alone would not see a rule dropped from
 * under a plan that an INSTEAD NOTHING rule rewrote into nothing (such a
 * plan depends on no table).
 */
static Oid	log_relid = InvalidOid;
static bool log_plans_valid = false;
static bool log_has_instead = false;
static bool log_has_actions = false;	/* rules or triggers: see "held" */

static void
log_relcache_callback(Datum arg, Oid relid)
{
	if (!OidIsValid(relid) || relid == log_relid)
	{
		log_plans_valid = false;
		tpi_guard_log_exec_invalidate();
	}
}

/* A severity label renamed: the fast path's label OIDs are looked up again. */
static void
log_enum_callback(Datum arg, int cacheid, uint32 hashvalue)
{
	tpi_guard_log_exec_invalidate();
}

void
tpi_guard_log_init(void)
{
	CacheRegisterRelcacheCallback(log_relcache_callback, (Datum) 0);
	CacheRegisterSyscacheCallback(ENUMTYPOIDNAME, log_enum_callback, (Datum) 0);
	tpi_guard_log_exec_init();
}

static void
free_plan(SPIPlanPtr *plan)
{
	if (*plan)
		SPI_freeplan(*plan);
	*plan = NULL;
}

/*
 * Lock finding_log as the INSERT will (which takes in any invalidation
 * sent meanwhile) and make the plans afresh if they are stale.
 */
static void
log_plans_check(void)
{
	Relation	rel;
	int			i,
				r;

	if (OidIsValid(log_relid))
		LockRelationOid(log_relid, RowExclusiveLock);
	if (log_plans_valid)
		return;
	for (r = 0; r < 2; r++)
	{
		for (i = 0; i <= FEW_ROWS; i++)
			free_plan(&values_plans[r][i]);
		free_plan(&unnest_plans[r]);
	}
	free_plan(&delete_plan);

	log_relid = get_relname_relid("finding_log",
								  get_namespace_oid("tpi_rules", false));
	if (!OidIsValid(log_relid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("relation \"tpi_rules.finding_log\" does not exist"),
				 errhint("Drop and create the extension tpi_rules again.")));
	/* valid first: an invalidation while we look clears it again */
	log_plans_valid = true;
	rel = table_open(log_relid, RowExclusiveLock);
	log_has_instead = false;
	log_has_actions = rel->rd_rules != NULL || rel->trigdesc != NULL;
	for (i = 0; rel->rd_rules && i < rel->rd_rules->numLocks; i++)
	{
		RewriteRule *rule = rel->rd_rules->rules[i];

		if (rule->event == CMD_INSERT && rule->isInstead)
			log_has_instead = true;
	}
	table_close(rel, NoLock);
}

/* ------------------------------------------------------------------------
 * Batches of log rows
 * ------------------------------------------------------------------------
 */
#define GROW(field, type, cap) \
	(b->field = b->field ? repalloc(b->field, (cap) * sizeof(type)) : \
	 palloc((cap) * sizeof(type)))

/*
 * Add finding f, attributed to row, to the batch; other_line names the
 * line the finding is on when that is not the row ("C7/2"), else NULL.
 * The batch copies what it needs of f (in the current memory context);
 * row must live until the batch is written.
 */
void
tpi_guard_log_add(LogBatch *b, const ClaimLine *row, const TpiFinding *f,
				  const char *other_line)
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
	/* a row's findings come together: its key's text is made once */
	if (row != b->last_row)
	{
		b->last_row = row;
		b->last_claim_id = row->claim_id ? CStringGetTextDatum(row->claim_id) : (Datum) 0;
		b->last_patient_id = row->patient_id ? CStringGetTextDatum(row->patient_id) : (Datum) 0;
	}
	b->claim_id_null[b->n] = row->claim_id == NULL;
	b->claim_id[b->n] = b->last_claim_id;
	b->line_no_null[b->n] = row->line_no_null;
	b->line_no[b->n] = Int16GetDatum(row->line_no);
	b->patient_id_null[b->n] = row->patient_id == NULL;
	b->patient_id[b->n] = b->last_patient_id;
	b->dos_null[b->n] = row->dos_null;
	b->dos[b->n] = DateADTGetDatum(row->date_of_service);
	b->rule_id[b->n] = CStringGetTextDatum(f->rule_id);
	b->severity[b->n] = CStringGetTextDatum(tpi_severity_name(f->severity));
	if (other_line)
		b->message[b->n] = CStringGetTextDatum(psprintf("[on claim line %s] %s",
														 other_line, f->message));
	else
		b->message[b->n] = CStringGetTextDatum(f->message);
	b->n++;
}

static Datum
array_of(Datum *d, bool *nulls, int n, Oid elemtype, int16 typlen,
		 bool typbyval, char typalign)
{
	int			dims[1];
	int			lbs[1] = {1};

	dims[0] = n;
	return PointerGetDatum(construct_md_array(d, nulls, 1, dims, lbs, elemtype,
											  typlen, typbyval, typalign));
}

/* The INSERT of the batch and its parameters. */
static SPIPlanPtr
batch_plan(LogBatch *b, const char *table_name, bool returning,
		   Datum *values, char *nulls)
{
	int			r;

	values[0] = CStringGetTextDatum(table_name);
	nulls[0] = ' ';
	if (b->n > FEW_ROWS)
	{
		values[1] = array_of(b->claim_id, b->claim_id_null, b->n, TEXTOID, -1, false, TYPALIGN_INT);
		values[2] = array_of(b->line_no, b->line_no_null, b->n, INT2OID, 2, true, TYPALIGN_SHORT);
		values[3] = array_of(b->patient_id, b->patient_id_null, b->n, TEXTOID, -1, false, TYPALIGN_INT);
		values[4] = array_of(b->dos, b->dos_null, b->n, DATEOID, 4, true, TYPALIGN_INT);
		values[5] = array_of(b->rule_id, NULL, b->n, TEXTOID, -1, false, TYPALIGN_INT);
		values[6] = array_of(b->severity, NULL, b->n, TEXTOID, -1, false, TYPALIGN_INT);
		values[7] = array_of(b->message, NULL, b->n, TEXTOID, -1, false, TYPALIGN_INT);
		memset(nulls + 1, ' ', LOG_ROW_ARGS);
		return unnest_plan(returning);
	}
	for (r = 0; r < b->n; r++)
	{
		Datum	   *v = values + 1 + r * LOG_ROW_ARGS;
		char	   *n = nulls + 1 + r * LOG_ROW_ARGS;

		v[0] = b->claim_id[r];
		n[0] = b->claim_id_null[r] ? 'n' : ' ';
		v[1] = b->line_no[r];
		n[1] = b->line_no_null[r] ? 'n' : ' ';
		v[2] = b->patient_id[r];
		n[2] = b->patient_id_null[r] ? 'n' : ' ';
		v[3] = b->dos[r];
		n[3] = b->dos_null[r] ? 'n' : ' ';
		v[4] = b->rule_id[r];
		v[5] = b->severity[r];
		v[6] = b->message[r];
		n[4] = n[5] = n[6] = ' ';
	}
	return values_plan(b->n, returning);
}

static bool
same_text(Datum a, bool anull, HeapTuple tup, TupleDesc desc, int att)
{
	bool		isnull;
	Datum		d = SPI_getbinval(tup, desc, att, &isnull);

	if (isnull || anull)
		return isnull && anull;
	return DatumGetBool(DirectFunctionCall2Coll(texteq, C_COLLATION_OID, a, d));
}

/*
 * Each batch row's id and ctid from the RETURNING rows, which come in the
 * batch's order; a BEFORE trigger may have skipped rows, so a row takes
 * the next returned one only if that has its line and rule (else it has
 * no reference).
 */
static void
match_refs(const LogBatch *b, bool returned, LogRef *refs)
{
	TupleDesc	desc = returned ? SPI_tuptable->tupdesc : NULL;
	uint64		j = 0;
	int			i;

	for (i = 0; i < b->n; i++)
	{
		HeapTuple	tup;
		bool		isnull,
					idnull,
					tidnull;
		Datum		line_no;
		Datum		id,
					tid;

		ItemPointerSetInvalid(&refs[i].tid);
		refs[i].id = 0;
		if (!returned || j >= SPI_processed)
			continue;
		tup = SPI_tuptable->vals[j];
		line_no = SPI_getbinval(tup, desc, 4, &isnull);
		if (!same_text(b->claim_id[i], b->claim_id_null[i], tup, desc, 3) ||
			isnull != b->line_no_null[i] ||
			(!isnull && DatumGetInt16(line_no) != DatumGetInt16(b->line_no[i])) ||
			!same_text(b->rule_id[i], false, tup, desc, 5))
			continue;
		j++;
		id = SPI_getbinval(tup, desc, 1, &idnull);
		tid = SPI_getbinval(tup, desc, 2, &tidnull);
		if (!idnull && !tidnull)
		{
			refs[i].id = DatumGetInt64(id);
			refs[i].tid = *(ItemPointer) DatumGetPointer(tid);
		}
	}
}

/* ------------------------------------------------------------------------
 * The row trigger's rows, held for its statement
 * ------------------------------------------------------------------------
 */
/*
 * guard() in flag mode holds its rows for the statement that fires it
 * (guard.c says when) and writes them in the order held, every
 * GUARD_LOG_BATCH rows and when the statement's run finishes, inside it,
 * so that their errors are the statement's.  A load in claim order has a
 * TPI line's drug.missing_on_claim cured by its drug line a row later:
 * held, that row is dropped instead of being written and deleted again
 * (in gen_claims.sql's 200,000 lines, 12,751 rows inserted and deleted);
 * and a write of many rows takes one command counter step, snapshot and
 * change of identity instead of one per trigger call.  Queries run during
 * the statement (a volatile function, another trigger) do not see its
 * held rows; see tpi_guard_log_may_hold() for what a DBA adds.
 */
static struct
{
	MemoryContext cxt;			/* NULL: nothing held */
	LocalTransactionId lxid;	/* the transaction it is in */
	uint64		frame;			/* the statement */
	uint64		serial;			/* this holding's, in LogRef.held */
	char	   *table_name;
	LogBatch	b;
	Bitmapset  *dropped;		/* positions in b not to write */
	bool		refs;			/* some rows are referenced */
}			held;

static uint64 holdings = 0;

/*
 * Rows may be held while writing them does nothing but store them: no
 * rule or trigger of a DBA's on finding_log, which would act at the
 * statement's end instead of during the row (a trigger that changes the
 * claims would change what later rows are checked against).
 */
bool
tpi_guard_log_may_hold(void)
{
	log_plans_check();
	return !log_has_actions;
}

/* The statement the held rows are for, or 0. */
uint64
tpi_guard_log_held_frame(void)
{
	if (held.cxt && held.lxid != MyProc->lxid)
		held.cxt = NULL;		/* went with its transaction's memory */
	return held.cxt ? held.frame : 0;
}

/*
 * The batch to add the statement's rows for table_name to, in *cxt,
 * begun if nothing is held; NULL when rows are held for another statement
 * or table.
 */
LogBatch *
tpi_guard_log_hold(uint64 frame, const char *table_name, MemoryContext *cxt)
{
	if (tpi_guard_log_held_frame() == 0)
	{
		memset(&held, 0, sizeof(held));
		held.cxt = AllocSetContextCreate(CurTransactionContext,
										 "tpi_rules held log rows",
										 ALLOCSET_DEFAULT_SIZES);
		held.lxid = MyProc->lxid;
		held.frame = frame;
		held.serial = ++holdings;
		held.table_name = MemoryContextStrdup(held.cxt, table_name);
	}
	else if (held.frame != frame || strcmp(held.table_name, table_name) != 0)
		return NULL;
	*cxt = held.cxt;
	return &held.b;
}

/* A reference to the held row at pos, until it is written. */
void
tpi_guard_log_held_ref(LogRef *ref, int pos)
{
	memset(ref, 0, sizeof(LogRef));
	ItemPointerSetInvalid(&ref->tid);
	ref->held = held.serial;
	ref->pos = pos;
	held.refs = true;
}

/*
 * Write the held rows and end the holding.  Returns the rows' references
 * by their positions when rows were referenced (else NULL), with the
 * holding's serial in *serial, in the current memory context.
 */
LogRef *
tpi_guard_log_write_held(uint64 *serial)
{
	LogBatch	b = held.b;
	MemoryContext cxt = held.cxt;
	Bitmapset  *dropped = held.dropped;
	int			n = b.n,
				k = 0,
				r;
	int		   *at = NULL;
	LogRef	   *refs = NULL,
			   *out = NULL;

	*serial = held.serial;
	/* ended first: an error below must not leave it to be written again */
	held.cxt = NULL;
	if (held.refs)
	{
		at = palloc(n * sizeof(int));
		out = palloc0(n * sizeof(LogRef));
	}
	for (r = 0; r < n; r++)
	{
		if (at)
			at[r] = -1;
		if (bms_is_member(r, dropped))
			continue;
		if (k != r)
		{
			b.claim_id[k] = b.claim_id[r];
			b.claim_id_null[k] = b.claim_id_null[r];
			b.line_no[k] = b.line_no[r];
			b.line_no_null[k] = b.line_no_null[r];
			b.patient_id[k] = b.patient_id[r];
			b.patient_id_null[k] = b.patient_id_null[r];
			b.dos[k] = b.dos[r];
			b.dos_null[k] = b.dos_null[r];
			b.rule_id[k] = b.rule_id[r];
			b.severity[k] = b.severity[r];
			b.message[k] = b.message[r];
		}
		if (at)
			at[r] = k;
		k++;
	}
	b.n = k;
	if (out)
		refs = palloc0(Max(k, 1) * sizeof(LogRef));
	tpi_guard_log_write(&b, held.table_name, refs);
	for (r = 0; out && r < n; r++)
	{
		if (at[r] >= 0)
			out[r] = refs[at[r]];
		else
			ItemPointerSetInvalid(&out[r].tid);
	}
	MemoryContextDelete(cxt);
	return out;
}

/*
 * The cure that dropped a held row was rolled back (pending.c): the row is
 * written after all.  Allocates nothing: it runs in an abort.
 */
void
tpi_guard_log_undrop(const LogRef *log)
{
	if (log->held != 0 && tpi_guard_log_held_frame() != 0 &&
		log->held == held.serial)
		held.dropped = bms_del_member(held.dropped, log->pos);
}

/* The statement failed: what it held goes unwritten. */
void
tpi_guard_log_drop_held(void)
{
	if (tpi_guard_log_held_frame() != 0)
	{
		/* an error may have left it current (tpi_guard_sink_hold()) */
		if (CurrentMemoryContext == held.cxt)
			MemoryContextSwitchTo(MemoryContextGetParent(held.cxt));
		MemoryContextDelete(held.cxt);
	}
	held.cxt = NULL;
}

/*
 * Write the batch and empty it.  With refs (room for b->n), each row's id
 * and ctid are returned there in the batch's order, or an invalid ctid
 * when the row has none to give (see the head of the file).
 */
void
tpi_guard_log_write(LogBatch *b, const char *table_name, LogRef *refs)
{
	Datum		values[1 + FEW_ROWS * LOG_ROW_ARGS];
	char		nulls[1 + FEW_ROWS * LOG_ROW_ARGS];
	TpiRefSpi	owner;
	SPIPlanPtr	plan;
	bool		returning;
	int			ret;

	if (b->n == 0)
		return;
	log_plans_check();
	/* the executor's insert, when it is equivalent */
	if (tpi_guard_log_exec(b, table_name, refs, log_relid))
	{
		b->n = 0;
		b->last_row = NULL;
		return;
	}
	/* RETURNING is refused through an INSTEAD rule */
	returning = refs != NULL && !log_has_instead;
	tpi_ref_spi_connect(&owner);
	plan = batch_plan(b, table_name, returning, values, nulls);
	ret = SPI_execute_plan(plan, values, nulls, false, 0);
	/* REWRITTEN: an INSTEAD rule did something else */
	if (ret != (returning ? SPI_OK_INSERT_RETURNING : SPI_OK_INSERT) &&
		ret != SPI_OK_REWRITTEN)
		elog(ERROR, "tpi_rules.guard: logging findings returned %s",
			 SPI_result_code_string(ret));
	if (refs != NULL)
		match_refs(b, ret == SPI_OK_INSERT_RETURNING, refs);
	tpi_ref_spi_finish(&owner);
	b->n = 0;
	b->last_row = NULL;
}

/*
 * A cured finding's log row goes again (if it has a reference).  SPI
 * makes the row, written earlier in this very command, visible to delete.
 */
void
tpi_guard_log_delete(const LogRef *log)
{
	Datum		values[2];
	TpiRefSpi	owner;
	int			ret;
	int			guc_level;

	if (log->held != 0)
	{
		/* not written yet: it never will be */
		if (tpi_guard_log_held_frame() != 0 && log->held == held.serial)
		{
			MemoryContext old = MemoryContextSwitchTo(held.cxt);

			held.dropped = bms_add_member(held.dropped, log->pos);
			MemoryContextSwitchTo(old);
		}
		return;
	}
	if (!ItemPointerIsValid(&log->tid))
		return;
	log_plans_check();
	if (tpi_guard_log_exec_delete(log, log_relid))
		return;
	values[0] = PointerGetDatum(&log->tid);
	values[1] = Int64GetDatum(log->id);
	tpi_ref_spi_connect(&owner);
	if (delete_plan == NULL)
	{
		Oid			argtypes[2] = {TIDOID, INT8OID};

		/* by ctid: a TID scan whatever the statistics said at planning */
		delete_plan = tpi_guard_prepare_kept("DELETE FROM tpi_rules.finding_log"
											 " WHERE ctid OPERATOR(pg_catalog.=) $1"
											 " AND id OPERATOR(pg_catalog.=) $2",
											 2, argtypes);
	}
	/*
	 * The plan is made (or made again) here, with sequential scans off: a
	 * TID scan costs more than a scan of a table whose statistics say it is
	 * empty (after a VACUUM of the empty log), and that plan, kept, would
	 * scan the whole growing log for every cured finding.
	 */
	guc_level = NewGUCNestLevel();
	(void) set_config_option("enable_seqscan", "off", PGC_USERSET,
							 PGC_S_SESSION, GUC_ACTION_SAVE, true, 0, false);
	ret = SPI_execute_plan(delete_plan, values, NULL, false, 0);
	AtEOXact_GUC(true, guc_level);
	if (ret != SPI_OK_DELETE && ret != SPI_OK_REWRITTEN)
		elog(ERROR, "tpi_rules.guard: deleting a cured finding returned %s",
			 SPI_result_code_string(ret));
	tpi_ref_spi_finish(&owner);
}
