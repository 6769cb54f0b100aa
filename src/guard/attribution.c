/*
 * attribution.c
 *		Which findings the new rows of one patient cause: the day and
 *		frequency rules over the patient's lines with the new rows, and
 *		again without them (with the old versions of updated rows), for
 *		both triggers.  The row trigger hands in its one row, not yet in
 *		the table; the statement trigger the patient's rows of the
 *		statement, which the table already holds.
 *
 * A day finding is the new row's when it is on that row's line; one on
 * another line is caused by the new rows when the same rule on the same
 * line is absent without them, and goes to the first new row of that day.
 * A frequency finding on a session that has new TPI rows belongs to each
 * of them; one on another session caused by the new rows (a back-dated
 * session pushing a later one over the cap) goes to the patient's first
 * new TPI row.  The line rules' findings are the row's own; the callers
 * add them.
 */
#include "guard.h"

#include "utils/datetime.h"

static const char *const curable_rules[] = {
	"drug.missing_on_claim",
	"modifier.distinct_without_partner",
	"drug.unclassified_without_note"
};

bool
tpi_guard_is_curable(const char *rule_id)
{
	int			i;

	for (i = 0; i < lengthof(curable_rules); i++)
		if (strcmp(curable_rules[i], rule_id) == 0)
			return true;
	return false;
}

static char *
pstrdup_or_null(const char *s)
{
	return s ? pstrdup(s) : NULL;
}

/*
 * A new row from its decoded line: whole (the row trigger keeps the line,
 * whose memory outlives the row), or its key copied into the current
 * memory context (the statement trigger keeps only that per row).
 */
void
tpi_guard_new_row(GuardRow *r, const ClaimLine *line, bool whole)
{
	memset(r, 0, sizeof(GuardRow));
	if (whole)
		r->key = *line;
	else
	{
		r->key.claim_id = pstrdup_or_null(line->claim_id);
		r->key.line_no = line->line_no;
		r->key.line_no_null = line->line_no_null;
		r->key.patient_id = pstrdup_or_null(line->patient_id);
		r->key.payer_id = pstrdup_or_null(line->payer_id);
		r->key.date_of_service = line->date_of_service;
		r->key.dos_null = line->dos_null;
		r->key.hcpcs = pstrdup_or_null(line->hcpcs);
		r->key.nmodifiers = r->key.nicd10 = -1;
		r->key.units_null = r->key.muscles_null = true;
		r->key.trigger_points_null = true;
	}
	r->is_tpi = tpi_is_tpi_code(line->hcpcs);
	if (r->is_tpi && !line->dos_null && !DATE_NOT_FINITE(line->date_of_service))
		r->window = tpi_guard_window_days(line);
}

/* The patient's lines as read, and which of them are the new rows. */
typedef struct PatientCheck
{
	GuardEntry *e;
	const char *patient_id;
	PatientLines pl;
	int		   *owner;			/* per line: index of its GuardRow, or -1 */
	ClaimLine  *old;			/* the patient's old rows (UPDATE) */
	int			nold;
	GuardRow   *rows;
} PatientCheck;

/* Lines of pc on date d (or TPI lines in [lo, hi]), with or without. */
static int
collect_lines(PatientCheck *pc, bool by_day, DateADT d, DateADT lo, DateADT hi,
			  bool without, ClaimLine **out)
{
	int			n = 0;
	int			i;

	for (i = 0; i < pc->pl.n; i++)
	{
		ClaimLine  *l = pc->pl.lines[i];

		if (without && pc->owner[i] >= 0)
			continue;
		if (by_day ? (l->dos_null || l->date_of_service != d) :
			!tpi_is_tpi_code(l->hcpcs))
			continue;
		out[n++] = l;
	}
	for (i = 0; without && i < pc->nold; i++)
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
check_day(PatientCheck *pc, DateADT d)
{
	ClaimLine **lines = palloc((pc->pl.n + pc->nold + 1) * sizeof(ClaimLine *));
	int			n = collect_lines(pc, true, d, 0, 0, false, lines);
	FindingList with,
				without;
	bool		have_without = false;
	int			first_new = -1;
	int			i;

	for (i = 0; i < pc->pl.n && first_new < 0; i++)
		if (pc->owner[i] >= 0 && !pc->pl.lines[i]->dos_null &&
			pc->pl.lines[i]->date_of_service == d)
			first_new = pc->owner[i];
	if (first_new < 0)
		return;					/* the new row is gone again */

	tpi_findings_init(&with);
	tpi_check_day_rules(lines, n, &with);
	for (i = 0; i < with.n; i++)
	{
		TpiFinding *f = &with.items[i];
		int			li = line_of(pc, f, true);
		bool		curable = tpi_guard_is_curable(f->rule_id);

		if (li >= 0 && pc->owner[li] >= 0 &&
			pc->pl.lines[li]->date_of_service == d)
		{
			tpi_guard_attribute(&pc->rows[pc->owner[li]].found, f, curable);
			continue;
		}
		if (!have_without)
		{
			n = collect_lines(pc, true, d, 0, 0, true, lines);
			tpi_findings_init(&without);
			tpi_check_day_rules(lines, n, &without);
			have_without = true;
		}
		if (!tpi_guard_finding_in(&without, f))
			tpi_guard_attribute(&pc->rows[first_new].found, f, curable);
	}
	/* the new rows are kept: they may cure what was waiting */
	tpi_guard_cure_pending(pc->e, pc->patient_id, d, &with);
}

static void
fill_freq(FreqLine *fl, const ClaimLine *l, DateADT first_new)
{
	MuscleSummary ms;

	tpi_summarise_muscles(l->muscles, l->muscles_null, &ms);
	fl->dos = l->date_of_service;
	fl->regions = ms.regions;
	fl->payer_id = l->payer_id;
	fl->claim_id = l->claim_id;
	fl->line_no = l->line_no;
	/* earlier sessions are context: the new rows cannot change theirs */
	fl->report = l->date_of_service >= first_new;
}

static void
check_frequency(PatientCheck *pc, DateADT first_tpi, DateADT lo, DateADT hi)
{
	ClaimLine **lines = palloc((pc->pl.n + pc->nold + 1) * sizeof(ClaimLine *));
	FreqLine   *fl = palloc((pc->pl.n + pc->nold + 1) * sizeof(FreqLine));
	int			n = collect_lines(pc, false, 0, lo, hi, false, lines);
	FindingList with,
				without;
	bool		have_without = false;
	int			first_row = -1;
	int			i,
				j;

	for (i = 0; i < n; i++)
		fill_freq(&fl[i], lines[i], first_tpi);
	tpi_findings_init(&with);
	tpi_check_frequency(fl, n, &with);

	for (i = 0; i < pc->pl.n; i++)
		if (pc->owner[i] >= 0 && pc->rows[pc->owner[i]].is_tpi &&
			(first_row < 0 ||
			 pc->pl.lines[i]->date_of_service < pc->rows[first_row].key.date_of_service))
			first_row = pc->owner[i];

	for (i = 0; i < with.n; i++)
	{
		TpiFinding *f = &with.items[i];
		int			li = line_of(pc, f, false);
		bool		owned = false;

		/* every new TPI row of the session owns it */
		for (j = 0; li >= 0 && j < pc->pl.n; j++)
			if (pc->owner[j] >= 0 && pc->rows[pc->owner[j]].is_tpi &&
				pc->pl.lines[j]->date_of_service == pc->pl.lines[li]->date_of_service)
			{
				tpi_guard_attribute(&pc->rows[pc->owner[j]].found, f, false);
				owned = true;
			}
		if (owned)
			continue;
		if (!have_without)
		{
			n = collect_lines(pc, false, 0, lo, hi, true, lines);
			for (j = 0; j < n; j++)
				fill_freq(&fl[j], lines[j], first_tpi);
			tpi_findings_init(&without);
			tpi_check_frequency(fl, n, &without);
			have_without = true;
		}
		if (!tpi_guard_finding_in(&without, f) && first_row >= 0)
			tpi_guard_attribute(&pc->rows[first_row].found, f, false);
	}
}

static int
cmp_str_null(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return (a == NULL) - (b == NULL);
	return strcmp(a, b);
}

/*
 * One patient's new rows rows[idx[0..n-1]], sorted by date, all with the
 * patient and a date; old[0..nold-1] the old versions of the patient's
 * updated rows.  written: the rows are in the table (statement trigger);
 * else rows[idx[0]] is a row trigger's NEW, and skip the version an UPDATE
 * replaces.  Findings are attributed to the rows' found lists, in the
 * current memory context; the patient is locked first.
 */
void
tpi_guard_check_patient(GuardEntry *e, Relation rel, Datum patient,
						GuardRow *rows, const int *idx, int n,
						ClaimLine *old, int nold, bool written,
						ItemPointer skip)
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
		GuardRow   *r = &rows[idx[i]];

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
	pc.e = e;
	pc.patient_id = patient_id;
	tpi_guard_read_lines(e, rel, patient, skip, lo, hi, &filter, &pc.pl);
	pc.rows = rows;
	pc.old = old;
	pc.nold = nold;

	pc.owner = palloc((pc.pl.n + 1) * sizeof(int));
	for (j = 0; j < pc.pl.n; j++)
		pc.owner[j] = -1;
	if (!written)
	{
		/* NEW is not in the table yet: it is one more line */
		if (pc.pl.n == pc.pl.cap)
			pc.pl.lines = pc.pl.n ? repalloc(pc.pl.lines, (pc.pl.n + 1) * sizeof(ClaimLine *)) :
				palloc(sizeof(ClaimLine *));
		pc.owner[pc.pl.n] = idx[0];
		pc.pl.lines[pc.pl.n++] = &rows[idx[0]].key;
	}
	else
	{
		/* which lines are the rows: same key, date and code */
		for (i = 0; i < n; i++)
		{
			GuardRow   *r = &rows[idx[i]];

			for (j = 0; j < pc.pl.n; j++)
			{
				ClaimLine  *l = pc.pl.lines[j];

				if (pc.owner[j] < 0 && !l->dos_null &&
					l->date_of_service == r->key.date_of_service &&
					tpi_guard_same_key(l->claim_id, l->line_no, l->line_no_null,
									   r->key.claim_id, r->key.line_no,
									   r->key.line_no_null) &&
					cmp_str_null(l->hcpcs, r->key.hcpcs) == 0)
				{
					pc.owner[j] = idx[i];
					break;
				}
			}
		}
	}

	for (i = 0; i < ndays; i++)
		check_day(&pc, days[i]);
	if (any_tpi)
		check_frequency(&pc, first_tpi, lo, hi);
}
