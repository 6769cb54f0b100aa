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
 * error at COMMIT if still present then; in flag mode they are logged
 * with the row's other findings and the log row is deleted again (or,
 * still held for the statement, dropped unwritten) when a later line
 * cures them.
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
 * so the trigger behaves the same under any search_path.  During a plain
 * INSERT or COPY the patient's lines are read once and kept, with the
 * rows let through added, while nothing else can change them
 * (line_cache.c).
 *
 * Which findings are NEW's is attribution.c's (shared with the statement
 * trigger in trigger_statement.c); where they go is guard.c's sink: the
 * rejection (reject.c), finding_log (finding_log.c, as the extension's
 * owner) and the deferred findings (pending.c).
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
	GuardRow	row;
	FindingList lf;
	GuardSink	sink;
	bool		cached;
	int			i;
	TpiInsertKind kind = oldtup ? TPI_INSERT_NEW :
		tpi_guard_insert_kind(rel, td->tg_trigger);

	/* an UPDATE's row moving to this partition: checked as the UPDATE */
	if (kind == TPI_INSERT_MOVES)
		return;
	tpi_claim_from_tuple(newtup, tupdesc, &e->cols, &nl);

	/*
	 * ON CONFLICT skips a row that conflicts with a stored one or updates
	 * the stored row instead (checked by the BEFORE UPDATE trigger).  The
	 * patient's lock first: a row of the patient that another session is
	 * storing is then seen.
	 */
	if (kind == TPI_INSERT_UPSERT)
	{
		if (nl.patient_id)
			tpi_guard_lock_patient(e, nl.patient_id);
		if (tpi_guard_insert_conflicts(rel, newtup))
			return;
	}
	cached = tpi_guard_line_cache_begin(e, rel, td);
	tpi_guard_new_row(&row, &nl);

	/* the line an UPDATE replaces is checked afresh as NEW */
	if (oldtup)
	{
		tpi_claim_from_tuple(oldtup, tupdesc, &e->cols, &ol);
		tpi_guard_cure_line(e, &ol);
	}
	if (nl.patient_id == NULL || nl.dos_null)
	{
		/* no patient's day: the line rules alone */
		tpi_findings_init(&lf);
		tpi_check_line_rules(&nl, &lf);
		for (i = 0; i < lf.n; i++)
			tpi_guard_attribute(&row.found, &lf.items[i], false);
	}
	else
	{
		bool		same_patient = oldtup && ol.patient_id &&
			strcmp(ol.patient_id, nl.patient_id) == 0;
		bool		isnull;
		int			idx = 0;

		tpi_guard_check_patient(e, rel,
								heap_getattr(newtup, e->cols.attno[GC_PATIENT_ID] + 1,
											 tupdesc, &isnull),
								&row, &idx, 1, same_patient ? &ol : NULL,
								same_patient ? 1 : 0, false,
								oldtup ? &oldtup->t_self : NULL, cached, NULL);
	}

	/* reject, or the row's findings held for the statement or written */
	if (mode != GUARD_FLAG || !tpi_guard_sink_hold(e, rel, &row))
	{
		tpi_guard_sink_init(&sink, e, rel, mode, false);
		tpi_guard_sink_row(&sink, &row);
		tpi_guard_sink_end(&sink);
	}
	if (cached)
		tpi_guard_line_cache_end(&nl);
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

	e = tpi_guard_entry(td->tg_relation, td->tg_trigger->tgoid);
	guard_row(td, e, mode, newtup, oldtup);
	return PointerGetDatum(newtup);
}

