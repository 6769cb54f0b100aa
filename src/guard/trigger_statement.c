/*
 * trigger_statement.c
 *		tpi_rules.guard_statement(): the guard's rules once per statement,
 *		over the statement's transition tables, for bulk loads.
 */
#include "guard.h"

#include "access/htup_details.h"
#include "executor/executor.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/tuplestore.h"

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
 * Attribution is attribution.c's, as for guard().  In flag mode the
 * findings are logged as the patients are done, in batches of up to
 * LOG_BATCH rows, so memory does not grow with the statement's findings.
 * Reject mode rejects the whole statement.
 * ------------------------------------------------------------------------
 */

/* log rows written at once: memory for them stays bounded */
#define LOG_BATCH 10000

static TpiFinding *
copy_finding(const TpiFinding *f)
{
	TpiFinding *c = palloc(sizeof(TpiFinding));

	*c = *f;
	c->message = pstrdup(f->message);
	c->message_text = NULL;
	c->claim_id = f->claim_id ? pstrdup(f->claim_id) : NULL;
	return c;
}

/*
 * The rows of a transition table.  New rows are kept slim (GuardRow): the
 * rules read them from the table with the patient's other lines (those
 * without a patient or a date get the line rules here); old rows (UPDATE)
 * are kept whole, the rules need them as the lines were.
 */
static void
read_transition(Tuplestorestate *ts, TupleDesc desc, const ClaimColumns *cols,
				bool is_new, GuardRow **rows_out, ClaimLine **old_out, int *n_out)
{
	MemoryContext stmt_cxt = CurrentMemoryContext;
	MemoryContext row_cxt = AllocSetContextCreate(stmt_cxt, "tpi_rules guard row",
												  ALLOCSET_DEFAULT_SIZES);
	TupleTableSlot *slot = MakeSingleTupleTableSlot(desc, &TTSOpsMinimalTuple);
	TpiArena	keys = {NULL, NULL};
	GuardRow   *rows = NULL;
	ClaimLine  *old = NULL;
	int			n = 0,
				cap = 0;
	int			rp = tuplestore_alloc_read_pointer(ts, EXEC_FLAG_REWIND);

	/* sized at once: doubling would copy the rows again and again */
	cap = (int) Min(Max(tuplestore_tuple_count(ts), 1), INT_MAX / 2);
	if (is_new)
		rows = palloc_extended(cap * sizeof(GuardRow), MCXT_ALLOC_HUGE);
	else
		old = palloc_extended(cap * sizeof(ClaimLine), MCXT_ALLOC_HUGE);
	tuplestore_select_read_pointer(ts, rp);
	tuplestore_rescan(ts);
	while (tuplestore_gettupleslot(ts, true, false, slot))
	{
		ClaimLine	line;
		FindingList lf;
		GuardRow   *r;
		int			i;

		if (n == cap)
		{
			cap *= 2;
			if (is_new)
				rows = repalloc_huge(rows, cap * sizeof(GuardRow));
			else
				old = repalloc_huge(old, cap * sizeof(ClaimLine));
		}
		/* decoded from the slot's values: no heap tuple is formed */
		slot_getallattrs(slot);
		if (!is_new)
		{
			tpi_claim_from_values(slot->tts_values, slot->tts_isnull, cols,
								  &old[n++], NULL);
			continue;
		}

		/* the key alone: the rules read the row again from the table */
		tpi_claim_key_from_values(slot->tts_values, slot->tts_isnull, cols,
								  &line, &keys);
		r = &rows[n++];
		tpi_guard_new_row(r, &line);
		/* a row without a patient's day gets the line rules alone, now */
		if (line.patient_id == NULL || line.dos_null)
		{
			MemoryContextSwitchTo(row_cxt);
			tpi_claim_from_values(slot->tts_values, slot->tts_isnull, cols,
								  &line, NULL);
			tpi_findings_init(&lf);
			tpi_check_line_rules(&line, &lf);
			MemoryContextSwitchTo(stmt_cxt);
			for (i = 0; i < lf.n; i++)
				tpi_guard_attribute(&r->found, copy_finding(&lf.items[i]), false);
			MemoryContextReset(row_cxt);
		}
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
cmp_patient_dos(const ClaimLine *x, const ClaimLine *y)
{
	int			c = tpi_nullable_strcmp(x->patient_id, y->patient_id);

	if (c != 0)
		return c;
	if (x->dos_null != y->dos_null)
		return x->dos_null ? 1 : -1;
	if (x->date_of_service != y->date_of_service)
		return x->date_of_service < y->date_of_service ? -1 : 1;
	return 0;
}

static GuardRow *sort_rows_base;

static int
cmp_row_index(const void *a, const void *b)
{
	const GuardRow *x = &sort_rows_base[*(const int *) a];
	const GuardRow *y = &sort_rows_base[*(const int *) b];
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

static void
check_context(FunctionCallInfo fcinfo)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	Relation	rel;

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
}

/*
 * tpi_rules.guard_statement() RETURNS trigger
 *
 * AFTER INSERT (REFERENCING NEW TABLE) or AFTER UPDATE (REFERENCING OLD
 * TABLE ... NEW TABLE) ... FOR EACH STATEMENT, one argument, 'reject' or
 * 'flag'.  Work memory is SPI's, freed at the end of the statement; a
 * patient's lines and findings live in a context emptied after each.
 */
PG_FUNCTION_INFO_V1(tpi_guard_statement);
Datum
tpi_guard_statement(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	Relation	rel;
	GuardMode	mode;
	GuardEntry *e;
	GuardSink	sink;
	GuardRow   *rows;
	ClaimLine  *old = NULL;
	ClaimLine  *unused;
	int			nrows,
				nold = 0;
	int		   *idx;
	int			nidx = 0;
	MemoryContext stmt_cxt;
	MemoryContext pat_cxt;
	GuardWalk  *walk;
	int			i,
				j,
				k,
				o;

	check_context(fcinfo);
	rel = td->tg_relation;
	mode = tpi_guard_parse_mode(td, "guard_statement", STATEMENT_EXAMPLE);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "tpi_rules.guard_statement: SPI_connect failed");
	e = tpi_guard_entry(rel, td->tg_trigger->tgoid);
	stmt_cxt = CurrentMemoryContext;

	read_transition(td->tg_newtable, RelationGetDescr(rel), &e->cols, true,
					&rows, &unused, &nrows);
	if (td->tg_oldtable)
	{
		GuardRow   *unused_rows;

		read_transition(td->tg_oldtable, RelationGetDescr(rel), &e->cols, false,
						&unused_rows, &old, &nold);
		qsort(old, nold, sizeof(ClaimLine), cmp_old_line);
		/* old rows are checked afresh as their new versions */
		for (i = 0; i < nold; i++)
			tpi_guard_cure_line(e, &old[i]);
	}

	tpi_guard_sink_init(&sink, e, rel, mode, true);

	/* rows with a patient and a date, by patient and date; the rest now */
	idx = palloc((nrows + 1) * sizeof(int));
	for (i = 0; i < nrows; i++)
	{
		if (rows[i].key.patient_id != NULL && !rows[i].key.dos_null)
			idx[nidx++] = i;
		else
			tpi_guard_sink_row(&sink, &rows[i]);
	}
	sort_rows_base = rows;
	qsort(idx, nidx, sizeof(int), cmp_row_index);

	/*
	 * Every patient locked, in sorted order, before the index is walked
	 * with a snapshot taken after the last lock (walk.c).
	 */
	for (i = 0; i < nidx; i++)
		if (i == 0 || strcmp(rows[idx[i]].key.patient_id,
							 rows[idx[i - 1]].key.patient_id) != 0)
			tpi_guard_lock_patient(e, rows[idx[i]].key.patient_id);
	walk = nidx > 0 ? tpi_guard_walk_begin(e, rel) : NULL;

	pat_cxt = AllocSetContextCreate(stmt_cxt, "tpi_rules guard patient",
									ALLOCSET_DEFAULT_SIZES);
	for (i = 0, o = 0; i < nidx; i = k)
	{
		const char *patient_id = rows[idx[i]].key.patient_id;
		int			o_end;

		for (k = i + 1; k < nidx &&
			 strcmp(rows[idx[k]].key.patient_id, patient_id) == 0; k++)
			;
		while (o < nold && tpi_nullable_strcmp(old[o].patient_id, patient_id) < 0)
			o++;
		for (o_end = o; o_end < nold &&
			 tpi_nullable_strcmp(old[o_end].patient_id, patient_id) == 0; o_end++)
			;
		MemoryContextSwitchTo(pat_cxt);
		tpi_guard_check_patient(e, rel, CStringGetTextDatum(patient_id),
								rows, &idx[i], k - i, &old[o], o_end - o,
								true, NULL, false, walk);
		/* the patient's findings go before its memory does */
		for (j = i; j < k; j++)
		{
			tpi_guard_sink_row(&sink, &rows[idx[j]]);
			memset(&rows[idx[j]].found, 0, sizeof(AttrList));
			if (tpi_guard_sink_size(&sink) >= LOG_BATCH)
				tpi_guard_sink_write(&sink);
		}
		MemoryContextSwitchTo(stmt_cxt);
		MemoryContextReset(pat_cxt);
		o = o_end;
	}
	tpi_guard_walk_end(walk);
	tpi_guard_sink_end(&sink);
	SPI_finish();
	return PointerGetDatum(NULL);
}
