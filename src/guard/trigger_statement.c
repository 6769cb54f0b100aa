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
		LogBatch	b,
					cb;
		LogRef	   *refs;
		int			j = 0;

		/* the curable ones apart: their log rows may be deleted again */
		memset(&b, 0, sizeof(b));
		memset(&cb, 0, sizeof(cb));
		for (i = 0; i < nrows; i++)
			for (k = 0; k < rows[i].found.n; k++)
				tpi_guard_log_add(rows[i].found.items[k].curable ? &cb : &b,
								  &rows[i].key, rows[i].found.items[k].f,
								  tpi_guard_other_line(rows[i].found.items[k].f,
													   &rows[i].key));
		tpi_guard_log_write(&b, e->table_name, NULL);
		refs = palloc0(Max(cb.n, 1) * sizeof(LogRef));
		tpi_guard_log_write(&cb, e->table_name, refs);
		/* the same walk meets the curable findings in cb's order */
		for (i = 0; i < nrows; i++)
			for (k = 0; k < rows[i].found.n; k++)
			{
				Attributed *a = &rows[i].found.items[k];

				if (!a->curable)
					continue;
				if (a->f->severity == TPI_ERROR && rows[i].key.patient_id)
					tpi_guard_add_pending(e, rel, mode, &rows[i].key, a->f, &refs[j]);
				j++;
			}
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
