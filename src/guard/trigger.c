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
 * Caches and reading (guard_cache.c).  Per (table, trigger) the column
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
 * Findings (guard_findings.c): the rejection message, the finding_log
 * writes (as the extension's owner) and the deferred findings.  The
 * statement-level variant is in trigger_statement.c.
 */
#include "guard.h"

#include "access/htup_details.h"
#include "utils/builtins.h"
#include "utils/datetime.h"

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

GuardMode
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

void
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

	/* one INSERT for the row's findings; references for the curable ones */
	logs = palloc0(Max(al.n, 1) * sizeof(LogRef));
	if (mode == GUARD_FLAG && al.n > 0)
	{
		LogBatch	b;
		bool		curable = false;

		memset(&b, 0, sizeof(b));
		for (i = 0; i < al.n; i++)
		{
			tpi_guard_log_add(&b, &nl, al.items[i].f,
							  tpi_guard_other_line(al.items[i].f, &nl));
			curable |= al.items[i].curable;
		}
		tpi_guard_log_write(&b, e->table_name, curable ? logs : NULL);
	}
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
 * for an error-severity finding.  Work memory is the executor's per-tuple
 * context, which it resets per row; SPI is connected only where a query
 * runs.  The plan cache lives in TopMemoryContext, deferred findings in
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
	e = tpi_guard_entry(td->tg_relation, td->tg_trigger->tgoid);
	guard_row(td, e, mode, newtup, oldtup);
	return PointerGetDatum(newtup);
}

