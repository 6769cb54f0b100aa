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
 * GUARD_LOG_BATCH rows, so memory does not grow with the statement's
 * findings.
 * Reject mode rejects the whole statement.
 * ------------------------------------------------------------------------
 */

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
 * A new row of the statement, as slim as it can be kept for the whole
 * statement (a bulk load's rows are all held at once): its key columns,
 * and for a row without a patient's day the findings of its line rules.
 * The GuardRow the rules attribute findings to is made of it per patient
 * (key_row()), in memory used again patient after patient.
 */
typedef struct NewKey
{
	char	   *claim_id;
	char	   *patient_id;
	char	   *payer_id;
	char	   *provider_npi;
	char	   *hcpcs;
	DateADT		date_of_service;
	int16		line_no;
	bool		line_no_null;
	bool		line_no_out_of_range;
	bool		dos_null;
	AttrList	found;
} NewKey;

/* The key of a line decoded by tpi_claim_key_from_values(), and back. */
static void
key_of(const ClaimLine *line, NewKey *k)
{
	k->claim_id = line->claim_id;
	k->patient_id = line->patient_id;
	k->payer_id = line->payer_id;
	k->provider_npi = line->provider_npi;
	k->hcpcs = line->hcpcs;
	k->date_of_service = line->date_of_service;
	k->line_no = line->line_no;
	k->line_no_null = line->line_no_null;
	k->line_no_out_of_range = line->line_no_out_of_range;
	k->dos_null = line->dos_null;
	memset(&k->found, 0, sizeof(AttrList));
}

static void
key_row(const NewKey *k, GuardRow *r)
{
	ClaimLine	line;

	tpi_claim_init(&line);
	line.claim_id = k->claim_id;
	line.line_no = k->line_no;
	line.line_no_null = k->line_no_null;
	line.line_no_out_of_range = k->line_no_out_of_range;
	line.patient_id = k->patient_id;
	line.payer_id = k->payer_id;
	line.provider_npi = k->provider_npi;
	line.date_of_service = k->date_of_service;
	line.dos_null = k->dos_null;
	line.hcpcs = k->hcpcs;
	tpi_guard_new_row(r, &line);
	r->found = k->found;
}

/*
 * The rows of a transition table: new rows by their keys (the rules read
 * them from the table with the patient's other lines; those without a
 * patient or a date get the line rules here), old rows (UPDATE) whole,
 * since the rules need them as the lines were.
 */
static void
read_transition(Tuplestorestate *ts, TupleDesc desc, const ClaimColumns *cols,
				bool is_new, NewKey **keys_out, ClaimLine **old_out, int *n_out)
{
	MemoryContext stmt_cxt = CurrentMemoryContext;
	MemoryContext row_cxt = AllocSetContextCreate(stmt_cxt, "tpi_rules guard row",
												  ALLOCSET_DEFAULT_SIZES);
	TupleTableSlot *slot = MakeSingleTupleTableSlot(desc, &TTSOpsMinimalTuple);
	TpiArena	arena = {NULL, NULL};
	NewKey	   *keys = NULL;
	ClaimLine  *old = NULL;
	size_t		size = is_new ? sizeof(NewKey) : sizeof(ClaimLine);
	int			n = 0,
				cap;
	int			rp = tuplestore_alloc_read_pointer(ts, EXEC_FLAG_REWIND);

	/* sized at once: doubling would copy the rows again and again */
	cap = (int) Min(Max(tuplestore_tuple_count(ts), 1), INT_MAX / 2);
	if (is_new)
		keys = palloc_extended(cap * size, MCXT_ALLOC_HUGE);
	else
		old = palloc_extended(cap * size, MCXT_ALLOC_HUGE);
	tuplestore_select_read_pointer(ts, rp);
	tuplestore_rescan(ts);
	while (tuplestore_gettupleslot(ts, true, false, slot))
	{
		ClaimLine	line;
		NewKey	   *k;

		if (n == cap)
		{
			cap *= 2;
			if (is_new)
				keys = repalloc_huge(keys, cap * size);
			else
				old = repalloc_huge(old, cap * size);
		}
		/* decoded from the slot's values: no heap tuple is formed */
		slot_getallattrs(slot);
		if (!is_new)
		{
			tpi_claim_from_values(slot->tts_values, slot->tts_isnull, cols,
								  &old[n++], NULL);
			continue;
		}
		tpi_claim_key_from_values(slot->tts_values, slot->tts_isnull, cols,
								  &line, &arena);
		k = &keys[n++];
		key_of(&line, k);
		/* a row without a patient's day gets the line rules alone, now */
		if (line.patient_id == NULL || line.dos_null)
		{
			FindingList lf;
			int			i;

			MemoryContextSwitchTo(row_cxt);
			tpi_claim_from_values(slot->tts_values, slot->tts_isnull, cols,
								  &line, NULL);
			tpi_findings_init(&lf);
			tpi_check_line_rules(&line, &lf);
			MemoryContextSwitchTo(stmt_cxt);
			for (i = 0; i < lf.n; i++)
				tpi_guard_attribute(&k->found, copy_finding(&lf.items[i]), false);
			MemoryContextReset(row_cxt);
		}
	}
	tuplestore_select_read_pointer(ts, 0);
	ExecDropSingleTupleTableSlot(slot);
	MemoryContextDelete(row_cxt);
	*keys_out = keys;
	*old_out = old;
	*n_out = n;
}

static int
cmp_patient_dos(const char *p1, bool dn1, DateADT d1,
				const char *p2, bool dn2, DateADT d2)
{
	int			c = tpi_nullable_strcmp(p1, p2);

	if (c != 0)
		return c;
	if (dn1 != dn2)
		return dn1 ? 1 : -1;
	if (!dn1 && d1 != d2)
		return d1 < d2 ? -1 : 1;
	return 0;
}

static NewKey *sort_keys_base;

static int
cmp_key_index(const void *a, const void *b)
{
	const NewKey *x = &sort_keys_base[*(const int *) a];
	const NewKey *y = &sort_keys_base[*(const int *) b];
	int			c = cmp_patient_dos(x->patient_id, x->dos_null, x->date_of_service,
									y->patient_id, y->dos_null, y->date_of_service);

	if (c != 0)
		return c;
	return *(const int *) a - *(const int *) b;
}

static int
cmp_old_line(const void *a, const void *b)
{
	const ClaimLine *x = a;
	const ClaimLine *y = b;

	return cmp_patient_dos(x->patient_id, x->dos_null, x->date_of_service,
						   y->patient_id, y->dos_null, y->date_of_service);
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
	NewKey	   *keys;
	ClaimLine  *old = NULL;
	int			nkeys,
				nold = 0;
	int		   *idx;
	int			nidx = 0;
	MemoryContext stmt_cxt;
	MemoryContext pat_cxt;
	MemoryContext rows_cxt;
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
					&keys, &old, &nkeys);
	if (td->tg_oldtable)
	{
		NewKey	   *unused;

		read_transition(td->tg_oldtable, RelationGetDescr(rel), &e->cols, false,
						&unused, &old, &nold);
		qsort(old, nold, sizeof(ClaimLine), cmp_old_line);
		/* old rows are checked afresh as their new versions */
		for (i = 0; i < nold; i++)
			tpi_guard_cure_line(e, &old[i]);
	}

	tpi_guard_sink_init(&sink, e, rel, mode, true);

	/*
	 * The GuardRows handed to the sink: the sink keeps pointing at them
	 * until its batch is written, so their memory is emptied only while the
	 * sink holds nothing.
	 */
	rows_cxt = AllocSetContextCreate(stmt_cxt, "tpi_rules guard rows",
									 ALLOCSET_DEFAULT_SIZES);

	/* rows with a patient and a date, by patient and date; the rest now */
	idx = palloc((nkeys + 1) * sizeof(int));
	for (i = 0; i < nkeys; i++)
	{
		if (keys[i].patient_id != NULL && !keys[i].dos_null)
			idx[nidx++] = i;
		else
		{
			GuardRow   *r = MemoryContextAlloc(rows_cxt, sizeof(GuardRow));

			key_row(&keys[i], r);
			tpi_guard_sink_row(&sink, r);
		}
	}
	sort_keys_base = keys;
	qsort(idx, nidx, sizeof(int), cmp_key_index);

	/*
	 * Every patient locked, in sorted order, before the index is walked
	 * with a snapshot taken after the last lock (walk.c).
	 */
	for (i = 0; i < nidx; i++)
		if (i == 0 || strcmp(keys[idx[i]].patient_id,
							 keys[idx[i - 1]].patient_id) != 0)
			tpi_guard_lock_patient(e, keys[idx[i]].patient_id);
	walk = nidx > 0 ? tpi_guard_walk_begin(e, rel) : NULL;

	pat_cxt = AllocSetContextCreate(stmt_cxt, "tpi_rules guard patient",
									ALLOCSET_DEFAULT_SIZES);
	for (i = 0, o = 0; i < nidx; i = k)
	{
		const char *patient_id = keys[idx[i]].patient_id;
		GuardRow   *rows;
		int		   *seq;
		int			o_end;

		for (k = i + 1; k < nidx &&
			 strcmp(keys[idx[k]].patient_id, patient_id) == 0; k++)
			;
		while (o < nold && tpi_nullable_strcmp(old[o].patient_id, patient_id) < 0)
			o++;
		for (o_end = o; o_end < nold &&
			 tpi_nullable_strcmp(old[o_end].patient_id, patient_id) == 0; o_end++)
			;
		if (tpi_guard_sink_size(&sink) == 0)
			MemoryContextReset(rows_cxt);
		rows = MemoryContextAlloc(rows_cxt, (k - i) * sizeof(GuardRow));
		seq = MemoryContextAlloc(rows_cxt, (k - i) * sizeof(int));
		for (j = i; j < k; j++)
		{
			key_row(&keys[idx[j]], &rows[j - i]);
			seq[j - i] = j - i;
		}
		MemoryContextSwitchTo(pat_cxt);
		tpi_guard_check_patient(e, rel, CStringGetTextDatum(patient_id),
								rows, seq, k - i, &old[o], o_end - o,
								true, NULL, false, walk);
		/* the patient's findings go before its memory does */
		for (j = 0; j < k - i; j++)
		{
			tpi_guard_sink_row(&sink, &rows[j]);
			memset(&rows[j].found, 0, sizeof(AttrList));
			if (tpi_guard_sink_size(&sink) >= GUARD_LOG_BATCH)
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
