/*
 * finding_log.c
 *		Writing the guard's findings to tpi_rules.finding_log.
 *
 * A bulk load in flag mode logs about one finding per claim line.  An SPI
 * INSERT per guarded row (executor start-up, a plan over unnest(), a
 * projection) cost more than all the rules together, so rows go straight
 * into the heap and the indexes, as COPY writes them.  That direct write is
 * taken only while finding_log is in a shape it honours: the ten columns
 * the extension made (any order), an identity id, logged_at defaulting to
 * now(), a plain heap table without triggers, CHECK constraints or forced
 * row security, and indexes on plain columns (more of them are fine) that
 * are neither partial, exclusion nor deferred.  A DBA who adds a trigger,
 * a column or an expression index gets the SPI INSERT instead, which
 * honours all of that.  Either way the rows are written as the table's
 * owner would write them: no privilege on finding_log is needed.
 *
 * What is learnt about the table (column positions, the identity sequence,
 * the severity labels, the index definitions) is kept for the backend and
 * forgotten on any relcache invalidation of the table or its indexes.
 */
#include "guard.h"

#include "access/heapam.h"
#include "access/genam.h"
#include "access/table.h"
#include "access/tableam.h"
#include "executor/tuptable.h"
#include "access/xact.h"
#include "catalog/dependency.h"
#include "catalog/heap.h"
#include "catalog/index.h"
#include "catalog/namespace.h"
#include "catalog/pg_am.h"
#include "catalog/pg_enum.h"
#include "catalog/pg_type.h"
#include "commands/sequence.h"
#include "nodes/makefuncs.h"
#include "rewrite/rewriteHandler.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/syscache.h"

/*
 * Batches of up to FEW_ROWS rows (a row trigger's) are written row by row;
 * larger ones with heap_multi_insert, LOG_CHUNK rows at a time, as COPY
 * buffers them.
 */
#define FEW_ROWS 8
#define LOG_CHUNK 1000

/* finding_log's columns, as the install script creates them */
enum
{
	LC_ID,
	LC_LOGGED_AT,
	LC_TABLE,
	LC_CLAIM,
	LC_LINE,
	LC_PATIENT,
	LC_DOS,
	LC_RULE,
	LC_SEVERITY,
	LC_MESSAGE,
	LC_N
};

static const char *const log_columns[LC_N] = {
	"id", "logged_at", "table_name", "claim_id", "line_no", "patient_id",
	"date_of_service", "rule_id", "severity", "message"
};

/* InvalidOid stands for the extension's severity enum */
static const Oid log_types[LC_N] = {
	INT8OID, TIMESTAMPTZOID, TEXTOID, TEXTOID, INT2OID, TEXTOID,
	DATEOID, TEXTOID, InvalidOid, TEXTOID
};

typedef struct LogTarget
{
	bool		valid;
	bool		direct;			/* false: write through SPI */
	Oid			relid;
	MemoryContext cxt;			/* index_oids, index_info */
	AttrNumber	attno[LC_N];	/* 0-based positions in the tuple */
	Oid			seqid;			/* of the identity column id */
	Oid			severity_label[3];	/* pg_enum OIDs, by TpiSeverity */
	int			nindexes;
	Oid		   *index_oids;
	IndexInfo **index_info;
} LogTarget;

static LogTarget target;
static bool callback_registered = false;

static SPIPlanPtr log_plan = NULL;	/* all findings of a row */
static SPIPlanPtr log_one_plan = NULL;	/* one finding, RETURNING id */
static SPIPlanPtr log_delete_plan = NULL;

static void
log_relcache_callback(Datum arg, Oid relid)
{
	int			i;

	if (!target.valid)
		return;
	if (!OidIsValid(relid) || relid == target.relid)
		target.valid = false;
	for (i = 0; i < target.nindexes; i++)
		if (target.index_oids[i] == relid)
			target.valid = false;
}

/* ------------------------------------------------------------------------
 * Learning the table's shape
 * ------------------------------------------------------------------------
 */
static Oid
log_relid(void)
{
	Oid			nsp = get_namespace_oid("tpi_rules", false);
	Oid			relid = get_relname_relid("finding_log", nsp);

	if (!OidIsValid(relid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("table tpi_rules.finding_log does not exist"),
				 errhint("Drop and create the extension tpi_rules again.")));
	return relid;
}

/* logged_at's default must be now(), the time the SPI INSERT would give */
static bool
default_is_now(Relation rel, AttrNumber attno)
{
	Node	   *def = build_column_default(rel, attno);

	return def != NULL && IsA(def, FuncExpr) &&
		((FuncExpr *) def)->funcid == F_NOW;
}

static bool
learn_columns(Relation rel, LogTarget *t)
{
	TupleDesc	desc = RelationGetDescr(rel);
	int			live = 0;
	int			a,
				c;

	for (c = 0; c < LC_N; c++)
		t->attno[c] = -1;
	for (a = 0; a < desc->natts; a++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, a);

		if (att->attisdropped)
			continue;
		live++;
		if (att->attgenerated)
			return false;
		for (c = 0; c < LC_N; c++)
			if (strcmp(NameStr(att->attname), log_columns[c]) == 0)
				break;
		if (c == LC_N)
			return false;
		if (OidIsValid(log_types[c]) ? att->atttypid != log_types[c] :
			get_typtype(att->atttypid) != TYPTYPE_ENUM)
			return false;
		t->attno[c] = a;
	}
	if (live != LC_N)
		return false;

	if (!TupleDescAttr(desc, t->attno[LC_ID])->attidentity ||
		!default_is_now(rel, t->attno[LC_LOGGED_AT] + 1))
		return false;
	t->seqid = tpi_identity_sequence(rel, t->attno[LC_ID] + 1);
	if (!OidIsValid(t->seqid))
		return false;

	for (c = TPI_INFO; c <= TPI_ERROR; c++)
	{
		t->severity_label[c] =
			GetSysCacheOid2(ENUMTYPOIDNAME, Anum_pg_enum_oid,
							ObjectIdGetDatum(TupleDescAttr(desc, t->attno[LC_SEVERITY])->atttypid),
							CStringGetDatum(tpi_severity_name(c)));
		if (!OidIsValid(t->severity_label[c]))
			return false;
	}
	return true;
}

static bool
learn_indexes(Relation rel, LogTarget *t)
{
	List	   *indexes = RelationGetIndexList(rel);
	int			n = list_length(indexes);
	ListCell   *lc;
	int			i = 0;

	/* nindexes counts only the entries filled, which the callback reads */
	t->index_oids = MemoryContextAlloc(t->cxt, Max(n, 1) * sizeof(Oid));
	t->index_info = MemoryContextAlloc(t->cxt, Max(n, 1) * sizeof(IndexInfo *));
	foreach(lc, indexes)
	{
		Relation	idx = index_open(lfirst_oid(lc), AccessShareLock);
		MemoryContext old = MemoryContextSwitchTo(t->cxt);
		IndexInfo  *ii = BuildIndexInfo(idx);
		bool		plain = ii->ii_Expressions == NIL &&
			ii->ii_Predicate == NIL && ii->ii_ExclusionOps == NULL &&
			idx->rd_index->indimmediate;

		MemoryContextSwitchTo(old);
		t->index_oids[i] = RelationGetRelid(idx);
		t->index_info[i] = ii;
		t->nindexes = ++i;
		index_close(idx, AccessShareLock);
		if (!plain)
			return false;
	}
	return true;
}

static void
learn_target(Relation rel)
{
	LogTarget  *t = &target;

	if (!callback_registered)
	{
		CacheRegisterRelcacheCallback(log_relcache_callback, (Datum) 0);
		callback_registered = true;
	}
	if (t->cxt == NULL)
		t->cxt = AllocSetContextCreate(TopMemoryContext, "tpi_rules finding_log",
									   ALLOCSET_SMALL_SIZES);
	MemoryContextReset(t->cxt);
	t->nindexes = 0;
	t->relid = RelationGetRelid(rel);
	/* valid first: an invalidation that arrives while learning clears it */
	t->valid = true;
	t->direct = rel->rd_rel->relkind == RELKIND_RELATION &&
		rel->rd_rel->relam == HEAP_TABLE_AM_OID &&
		rel->trigdesc == NULL &&
		!rel->rd_rel->relforcerowsecurity &&
		(rel->rd_att->constr == NULL || rel->rd_att->constr->num_check == 0) &&
		learn_columns(rel, t) &&
		learn_indexes(rel, t);
}

/* ------------------------------------------------------------------------
 * The direct write
 * ------------------------------------------------------------------------
 */
/* One log row's values, in the table's column order. */
static void
row_values(const LogBatch *b, int r, Datum table_name, int64 id,
		   Datum *values, bool *nulls)
{
	const LogTarget *t = &target;
	Datum		v[LC_N];
	bool		n[LC_N];
	int			i;

	v[LC_ID] = Int64GetDatum(id);
	v[LC_LOGGED_AT] = TimestampTzGetDatum(GetCurrentTransactionStartTimestamp());
	v[LC_TABLE] = table_name;
	v[LC_CLAIM] = b->claim_id[r];
	v[LC_LINE] = b->line_no[r];
	v[LC_PATIENT] = b->patient_id[r];
	v[LC_DOS] = b->dos[r];
	v[LC_RULE] = b->rule_id[r];
	v[LC_SEVERITY] = ObjectIdGetDatum(t->severity_label[b->severity[r]]);
	v[LC_MESSAGE] = b->message[r];
	memset(n, 0, sizeof(n));
	n[LC_CLAIM] = b->claim_id_null[r];
	n[LC_LINE] = b->line_no_null[r];
	n[LC_PATIENT] = b->patient_id_null[r];
	n[LC_DOS] = b->dos_null[r];
	for (i = 0; i < LC_N; i++)
	{
		values[t->attno[i]] = v[i];
		nulls[t->attno[i]] = n[i];
	}
}

static void
insert_index_entries(Relation rel, Relation *indexes, ItemPointer tid,
					 const Datum *values, const bool *nulls)
{
	const LogTarget *t = &target;
	int			i,
				k;

	for (i = 0; i < t->nindexes; i++)
	{
		IndexInfo  *ii = t->index_info[i];
		Datum		ivalues[INDEX_MAX_KEYS];
		bool		inulls[INDEX_MAX_KEYS];

		if (!ii->ii_ReadyForInserts)
			continue;
		for (k = 0; k < ii->ii_NumIndexAttrs; k++)
		{
			AttrNumber	a = ii->ii_IndexAttrNumbers[k];

			ivalues[k] = values[a - 1];
			inulls[k] = nulls[a - 1];
		}
		tpi_index_insert(indexes[i], ivalues, inulls, tid, rel,
						 ii->ii_Unique ? UNIQUE_CHECK_YES : UNIQUE_CHECK_NO, ii);
	}
}

/* A few rows: heap_insert each, no slots to set up. */
static void
insert_rows(Relation rel, Relation *indexes, const LogBatch *b,
			Datum table_name, CommandId cid, LogRef *refs)
{
	Datum		values[LC_N];
	bool		nulls[LC_N];
	int			r;

	for (r = 0; r < b->n; r++)
	{
		int64		id = nextval_internal(target.seqid, false);
		HeapTuple	tup;

		row_values(b, r, table_name, id, values, nulls);
		tup = heap_form_tuple(RelationGetDescr(rel), values, nulls);
		heap_insert(rel, tup, cid, 0, NULL);
		insert_index_entries(rel, indexes, &tup->t_self, values, nulls);
		if (refs)
		{
			refs[r].id = id;
			refs[r].tid = tup->t_self;
		}
		heap_freetuple(tup);
	}
}

/*
 * Rows [from, from + n) of the batch: one heap_multi_insert (one WAL record
 * per heap page instead of one per row), then the index entries.
 */
static void
insert_chunk(Relation rel, Relation *indexes, TupleTableSlot **slots,
			 const LogBatch *b, int from, int n, Datum table_name,
			 CommandId cid, BulkInsertState bistate, LogRef *refs,
			 MemoryContext chunk_cxt)
{
	MemoryContext old = MemoryContextSwitchTo(chunk_cxt);
	int			i;

	for (i = 0; i < n; i++)
	{
		TupleTableSlot *slot = slots[i];
		int64		id = nextval_internal(target.seqid, false);

		ExecClearTuple(slot);
		row_values(b, from + i, table_name, id, slot->tts_values, slot->tts_isnull);
		ExecStoreVirtualTuple(slot);
		if (refs)
			refs[from + i].id = id;
	}
	table_multi_insert(rel, slots, n, cid, 0, bistate);
	for (i = 0; i < n; i++)
	{
		TupleTableSlot *slot = slots[i];

		/* a virtual slot's values outlive its materialisation */
		insert_index_entries(rel, indexes, &slot->tts_tid, slot->tts_values,
							 slot->tts_isnull);
		if (refs)
			refs[from + i].tid = slot->tts_tid;
		ExecClearTuple(slot);
	}
	MemoryContextSwitchTo(old);
	MemoryContextReset(chunk_cxt);
}

/* More rows (a statement's): heap_multi_insert in chunks, as COPY does. */
static void
insert_batch(Relation rel, Relation *indexes, const LogBatch *b,
			 Datum table_name, CommandId cid, LogRef *refs)
{
	int			nslots = Min(b->n, LOG_CHUNK);
	TupleTableSlot **slots = palloc(nslots * sizeof(TupleTableSlot *));
	BulkInsertState bistate = b->n > LOG_CHUNK ? GetBulkInsertState() : NULL;
	MemoryContext chunk_cxt;
	int			i;

	for (i = 0; i < nslots; i++)
		slots[i] = MakeSingleTupleTableSlot(RelationGetDescr(rel), &TTSOpsVirtual);
	chunk_cxt = AllocSetContextCreate(CurrentMemoryContext, "tpi_rules finding_log rows",
									  ALLOCSET_DEFAULT_SIZES);
	for (i = 0; i < b->n; i += LOG_CHUNK)
		insert_chunk(rel, indexes, slots, b, i, Min(LOG_CHUNK, b->n - i),
					 table_name, cid, bistate, refs, chunk_cxt);
	if (bistate)
		FreeBulkInsertState(bistate);
	for (i = 0; i < nslots; i++)
		ExecDropSingleTupleTableSlot(slots[i]);
	MemoryContextDelete(chunk_cxt);
}

/*
 * Write the batch straight into finding_log; false (nothing written) when
 * the table is not in a shape the direct write honours.  refs, if given,
 * gets each row's id and ctid.
 */
static bool
write_direct(const LogBatch *b, const char *table_name, LogRef *refs)
{
	/* the OID learnt last is good until finding_log is invalidated */
	Relation	rel = table_open(target.valid ? target.relid : log_relid(),
								 RowExclusiveLock);
	Relation   *indexes;
	CommandId	cid;
	Datum		tname;
	int			i;

	/* after the lock, which has processed any pending invalidation */
	if (!target.valid || target.relid != RelationGetRelid(rel))
		learn_target(rel);
	if (!target.valid || !target.direct)
	{
		table_close(rel, NoLock);
		return false;
	}
	indexes = palloc(Max(target.nindexes, 1) * sizeof(Relation));
	for (i = 0; i < target.nindexes; i++)
		indexes[i] = index_open(target.index_oids[i], RowExclusiveLock);
	/* a concurrent CREATE INDEX may have committed while we waited */
	if (!target.valid)
	{
		for (i = 0; i < target.nindexes; i++)
			index_close(indexes[i], NoLock);
		table_close(rel, NoLock);
		return false;
	}

	cid = GetCurrentCommandId(true);
	tname = CStringGetTextDatum(table_name);
	if (b->n <= FEW_ROWS)
		insert_rows(rel, indexes, b, tname, cid, refs);
	else
		insert_batch(rel, indexes, b, tname, cid, refs);

	/* the locks are kept to the end of the transaction, as INSERT keeps them */
	for (i = 0; i < target.nindexes; i++)
		index_close(indexes[i], NoLock);
	table_close(rel, NoLock);
	return true;
}

/* ------------------------------------------------------------------------
 * The SPI INSERT, for a finding_log the direct write does not honour
 * ------------------------------------------------------------------------
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
	/* kept plans outlive the connection they were prepared in */
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "tpi_rules.guard: SPI_connect failed");
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
	SPI_finish();
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
write_spi(const LogBatch *b, const char *table_name)
{
	Datum		values[8];
	Datum	   *severity = palloc(b->n * sizeof(Datum));
	TpiRefSpi	owner;
	int			ret;
	int			i;

	for (i = 0; i < b->n; i++)
		severity[i] = CStringGetTextDatum(tpi_severity_name(b->severity[i]));
	values[0] = CStringGetTextDatum(table_name);
	values[1] = array_of(b->claim_id, b->claim_id_null, b->n, TEXTOID);
	values[2] = array_of(b->line_no, b->line_no_null, b->n, INT2OID);
	values[3] = array_of(b->patient_id, b->patient_id_null, b->n, TEXTOID);
	values[4] = array_of(b->dos, b->dos_null, b->n, DATEOID);
	values[5] = array_of(b->rule_id, NULL, b->n, TEXTOID);
	values[6] = array_of(severity, NULL, b->n, TEXTOID);
	values[7] = array_of(b->message, NULL, b->n, TEXTOID);
	ensure_log_plans();
	tpi_ref_spi_connect(&owner);
	ret = SPI_execute_plan(log_plan, values, NULL, false, 0);
	if (ret != SPI_OK_INSERT)
		elog(ERROR, "tpi_rules.guard: logging findings returned %s",
			 SPI_result_code_string(ret));
	tpi_ref_spi_finish(&owner);
}

static LogRef
write_one_spi(const LogBatch *b, int r, const char *table_name)
{
	Datum		values[8];
	char		nulls[8];
	TpiRefSpi	owner;
	LogRef		ref;
	bool		isnull;
	int			ret;

	memset(nulls, ' ', sizeof(nulls));
	values[0] = CStringGetTextDatum(table_name);
	values[1] = b->claim_id[r];
	nulls[1] = b->claim_id_null[r] ? 'n' : ' ';
	values[2] = b->line_no[r];
	nulls[2] = b->line_no_null[r] ? 'n' : ' ';
	values[3] = b->patient_id[r];
	nulls[3] = b->patient_id_null[r] ? 'n' : ' ';
	values[4] = b->dos[r];
	nulls[4] = b->dos_null[r] ? 'n' : ' ';
	values[5] = b->rule_id[r];
	values[6] = CStringGetTextDatum(tpi_severity_name(b->severity[r]));
	values[7] = b->message[r];
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

/* ------------------------------------------------------------------------
 * Batches of log rows
 * ------------------------------------------------------------------------
 */
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
		GROW(severity, TpiSeverity, cap);
		GROW(message, Datum, cap);
		b->cap = cap;
	}
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
	b->severity[b->n] = f->severity;
	b->message[b->n] = CStringGetTextDatum(log_message(f, row));
	b->n++;
}

void
tpi_guard_log_flush(LogBatch *b, const char *table_name)
{
	if (b->n == 0)
		return;
	if (!write_direct(b, table_name, NULL))
		write_spi(b, table_name);
	b->n = 0;
}

/*
 * Write the batch and return each row's id and ctid in refs, so that a
 * finding a later line cures can be deleted again.
 */
void
tpi_guard_log_flush_refs(LogBatch *b, const char *table_name, LogRef *refs)
{
	int			i;

	if (b->n == 0)
		return;
	if (!write_direct(b, table_name, refs))
		for (i = 0; i < b->n; i++)
			refs[i] = write_one_spi(b, i, table_name);
	b->n = 0;
}

/* Log a row's findings, with their references in logs (al's order). */
void
tpi_guard_log_findings(GuardEntry *e, const ClaimLine *nl, const AttrList *al,
					   LogRef *logs)
{
	LogBatch	b;
	bool		curable = false;
	int			i;

	memset(&b, 0, sizeof(b));
	for (i = 0; i < al->n; i++)
	{
		tpi_guard_log_add(&b, nl, al->items[i].f);
		curable |= al->items[i].curable;
	}
	if (curable)
		tpi_guard_log_flush_refs(&b, e->table_name, logs);
	else
		tpi_guard_log_flush(&b, e->table_name);
}

/*
 * A cured finding's log row goes again.  Rare enough for SPI, which also
 * makes the row, written earlier in this very command, visible to delete.
 */
void
tpi_guard_log_delete(const LogRef *log)
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
