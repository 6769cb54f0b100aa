/*
 * guard.c
 *		What both guard triggers share besides the attribution: start-up,
 *		the mode argument, and where a row's findings go (the sink): the
 *		rejection in reject mode, finding_log in flag mode, the pending
 *		list for curable findings in both (errors only in reject mode).
 */
#include "guard.h"

#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

static void held_finish(uint64 serial);
static void held_end(uint64 serial, bool failed);

/*
 * The guard's backend state: the per-table cache and finding_log's plans,
 * both invalidated by relcache callbacks, and the pending findings, kept
 * per transaction by transaction callbacks.  _PG_init calls this, so
 * every callback of the module is registered in one place.
 */
void
tpi_guard_init(void)
{
	static bool done = false;

	if (done)
		return;
	tpi_guard_cache_init();
	tpi_guard_frames_init();
	tpi_guard_log_init();
	tpi_guard_pending_init();
	tpi_guard_line_cache_init();
	tpi_guard_frames_on_finish(held_finish);
	tpi_guard_frames_on_end(held_end);
	done = true;
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
 * The sink
 * ------------------------------------------------------------------------
 */
/*
 * A sink for the rows of one trigger call.  With own_cxt the batches get a
 * memory context of their own, emptied by each write (a statement's);
 * else they use the current one (a row's).
 */
void
tpi_guard_sink_init(GuardSink *s, GuardEntry *e, Relation rel, GuardMode mode,
					bool own_cxt)
{
	memset(s, 0, sizeof(GuardSink));
	s->e = e;
	s->rel = rel;
	s->mode = mode;
	if (mode == GUARD_REJECT)
		tpi_guard_report_init(&s->report, false);
	s->own_cxt = own_cxt;
	s->cxt = own_cxt ?
		AllocSetContextCreate(CurrentMemoryContext, "tpi_rules guard log",
							  ALLOCSET_DEFAULT_SIZES) :
		CurrentMemoryContext;
}

/*
 * A curable finding with a patient goes into the same batch as the row's
 * other findings, remembered by its position there: its row is written
 * with a reference, to be deleted again when a later line cures it.
 */
static void
add_curable(GuardSink *s, const ClaimLine *row, const TpiFinding *f)
{
	int			i = s->ncurable;
	TpiFinding *c;

	if (i == s->ccap)
	{
		s->ccap = s->ccap ? s->ccap * 2 : 16;
		s->crow = s->crow ? repalloc(s->crow, s->ccap * sizeof(ClaimLine *)) :
			palloc(s->ccap * sizeof(ClaimLine *));
		s->cf = s->cf ? repalloc(s->cf, s->ccap * sizeof(TpiFinding)) :
			palloc(s->ccap * sizeof(TpiFinding));
		s->cpos = s->cpos ? repalloc(s->cpos, s->ccap * sizeof(int)) :
			palloc(s->ccap * sizeof(int));
	}
	s->cpos[i] = s->log.n;
	tpi_guard_log_add(&s->log, row, f, tpi_guard_other_line(f, row));
	s->crow[i] = row;
	c = &s->cf[i];
	*c = *f;
	c->message = pstrdup(f->message);
	c->message_text = NULL;
	c->claim_id = f->claim_id ? pstrdup(f->claim_id) : NULL;
	s->ncurable++;
}

/*
 * A row and the findings attributed to it.  Its key must live until the
 * sink is written; its findings need not.
 */
void
tpi_guard_sink_row(GuardSink *s, const GuardRow *row)
{
	const ClaimLine *key = &row->key;
	MemoryContext old;
	int			i;

	if (row->found.n == 0)
		return;
	if (s->mode == GUARD_REJECT)
	{
		/*
		 * A statement's report lists the rows with findings; a row
		 * trigger's (no own_cxt) is raised only for a row with an error.
		 */
		if (s->own_cxt || tpi_guard_rejects(&row->found))
			tpi_guard_report_row(&s->report, key, &row->found);
		/* a curable error waits for COMMIT */
		for (i = 0; i < row->found.n; i++)
			if (row->found.items[i].curable &&
				row->found.items[i].f->severity == TPI_ERROR && key->patient_id)
				tpi_guard_add_pending(s->e, s->rel, s->mode, key,
									  row->found.items[i].f, NULL, &row->found);
		return;
	}
	old = MemoryContextSwitchTo(s->cxt);
	for (i = 0; i < row->found.n; i++)
	{
		const Attributed *a = &row->found.items[i];

		/*
		 * a curable finding with a patient may be deleted again, whatever
		 * its severity: a rule_setting that makes drug.missing_on_claim a
		 * warning changes its severity, not whether the drug line cures it
		 */
		if (a->curable && key->patient_id)
			add_curable(s, key, a->f);
		else
			tpi_guard_log_add(&s->log, key, a->f, tpi_guard_other_line(a->f, key));
	}
	MemoryContextSwitchTo(old);
}

/* Log rows waiting to be written. */
int
tpi_guard_sink_size(const GuardSink *s)
{
	return s->log.n;
}

/* Flag mode: write the batch, then make the curable findings pending. */
void
tpi_guard_sink_write(GuardSink *s)
{
	MemoryContext old;
	LogRef	   *refs = NULL;
	int			i;

	if (s->mode != GUARD_FLAG || tpi_guard_sink_size(s) == 0)
		return;
	old = MemoryContextSwitchTo(s->cxt);
	if (s->ncurable > 0)
		refs = palloc0(s->log.n * sizeof(LogRef));
	tpi_guard_log_write(&s->log, s->e->table_name, refs);
	for (i = 0; i < s->ncurable; i++)
		tpi_guard_add_pending(s->e, s->rel, s->mode, s->crow[i], &s->cf[i],
							  &refs[s->cpos[i]], NULL);
	MemoryContextSwitchTo(old);
	if (s->own_cxt)
		MemoryContextReset(s->cxt);
	memset(&s->log, 0, sizeof(LogBatch));
	s->crow = NULL;
	s->cf = NULL;
	s->cpos = NULL;
	s->ccap = 0;
	s->ncurable = 0;
}

/* The end: the rest of the log, or the rejection if a row has an error. */
void
tpi_guard_sink_end(GuardSink *s)
{
	tpi_guard_sink_write(s);
	if (s->own_cxt)
		MemoryContextDelete(s->cxt);
	if (s->mode == GUARD_REJECT && s->report.nrows > 0)
		tpi_guard_report_raise(&s->report,
							   get_namespace_name(RelationGetNamespace(s->rel)),
							   RelationGetRelationName(s->rel));
}

/* ------------------------------------------------------------------------
 * The row trigger's log rows, held for its statement (finding_log.c)
 * ------------------------------------------------------------------------
 */
/* the pending findings' count when the holding began */
static uint64 held_mark = 0;

/*
 * Write the held rows; the curable findings among them, already pending,
 * get their rows' references.
 */
static void
write_held(void)
{
	MemoryContext cxt = AllocSetContextCreate(CurrentMemoryContext,
											  "tpi_rules held log write",
											  ALLOCSET_DEFAULT_SIZES);
	MemoryContext old = MemoryContextSwitchTo(cxt);
	uint64		serial;
	LogRef	   *refs = tpi_guard_log_write_held(&serial);

	if (refs)
		tpi_guard_pending_logged(serial, refs, held_mark);
	MemoryContextSwitchTo(old);
	MemoryContextDelete(cxt);
}

static void
held_finish(uint64 serial)
{
	if (tpi_guard_log_held_frame() == serial)
		write_held();
}

static void
held_end(uint64 serial, bool failed)
{
	if (tpi_guard_log_held_frame() != serial)
		return;
	if (failed)
		tpi_guard_log_drop_held();
	else
		write_held();
}

/* AFTER INSERT triggers of a table, which see its stored rows */
static bool
after_insert_triggers(const TriggerDesc *td)
{
	return td && (td->trig_insert_after_row || td->trig_insert_after_statement ||
				  td->trig_insert_new_table);
}

/*
 * Flag mode, a row trigger: the row's findings are held for the running
 * statement, their curable ones pending at once with references to the
 * held rows.  false, having done nothing, where the row's findings must
 * be written now: outside a statement that may keep things (frames.c),
 * while rows are held for an enclosing statement, whose rows may not be
 * written inside this one's (sub)transaction, when writing them would do
 * more than store them (tpi_guard_log_may_hold()), or when the table or
 * a partition's ancestor has AFTER INSERT triggers, which a COPY fires
 * before its statement ends.
 */
bool
tpi_guard_sink_hold(GuardEntry *e, Relation rel, const GuardRow *row)
{
	const ClaimLine *key = &row->key;
	TriggerDesc *td = rel->trigdesc;
	uint64		frame = tpi_guard_frame_serial();
	uint64		now = tpi_guard_log_held_frame();
	MemoryContext cxt = NULL,
				old;
	LogBatch   *b = NULL;
	int			i;

	/* nothing to write: nothing to look up for it */
	if (row->found.n == 0)
		return true;
	if (frame == 0 || (now != 0 && now != frame) || !tpi_guard_log_may_hold())
		return false;
	/*
	 * COPY fires them before its statement ends: they would see no row
	 * (the statement's own on the table it copies into, a partition's
	 * ancestor)
	 */
	if (after_insert_triggers(td))
		return false;
	for (i = 0; i < e->nancestors; i++)
	{
		Relation	anc = RelationIdGetRelation(e->ancestors[i]);
		bool		has = RelationIsValid(anc) && after_insert_triggers(anc->trigdesc);

		if (RelationIsValid(anc))
			RelationClose(anc);
		if (has)
			return false;
	}
	if (now != 0 && (b = tpi_guard_log_hold(frame, e->table_name, &cxt)) == NULL)
	{
		/* another table's rows, held for this statement */
		write_held();
		now = 0;
	}
	if (now == 0)
	{
		held_mark = tpi_guard_pending_mark();
		b = tpi_guard_log_hold(frame, e->table_name, &cxt);
	}
	old = MemoryContextSwitchTo(cxt);
	for (i = 0; i < row->found.n; i++)
	{
		const Attributed *a = &row->found.items[i];
		int			pos = b->n;

		tpi_guard_log_add(b, key, a->f, tpi_guard_other_line(a->f, key));
		/* as in tpi_guard_sink_row(), whatever its severity */
		if (a->curable && key->patient_id)
		{
			LogRef		ref;

			tpi_guard_log_held_ref(&ref, pos);
			tpi_guard_add_pending(e, rel, GUARD_FLAG, key, a->f, &ref, NULL);
		}
	}
	/* the next row may have this one's address: its key is made anew */
	b->last_row = NULL;
	MemoryContextSwitchTo(old);
	if (b->n >= GUARD_LOG_BATCH)
		write_held();
	return true;
}
