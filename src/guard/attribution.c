/*
 * attribution.c
 *		Which findings the new rows of one patient cause, for both triggers:
 *		the per-patient engine (src/engine/patient.c, as audit() runs it)
 *		over the patient's lines with the new rows, and, when a finding is
 *		on another line, again without them (with the old versions of
 *		updated rows).  Findings refer to their line by its index in the
 *		one array both runs share.  The row trigger hands in its NEW, not
 *		yet in the table; the statement trigger the patient's rows of the
 *		statement, which the table already holds.
 *
 * A finding on a new row's line is that row's (its line rules included);
 * a frequency finding on a session with new TPI rows belongs to each of
 * them.  A finding on another line that is absent without the new rows
 * (the same rule on the same line) was caused by them: it goes to the
 * first new row of its date, or for a frequency finding (a back-dated
 * session pushing a later one over the cap) to the first new TPI row.
 */
#include "guard.h"
#include "patient.h"

#include "utils/datetime.h"

/* Append a shallow copy of f to fl. */
static void
add_copy(FindingList *fl, const TpiFinding *f)
{
	if (fl->n == fl->cap)
	{
		fl->cap = fl->cap ? fl->cap * 2 : 8;
		fl->items = fl->items ? repalloc(fl->items, fl->cap * sizeof(TpiFinding)) :
			palloc(fl->cap * sizeof(TpiFinding));
	}
	fl->items[fl->n++] = *f;
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

/*
 * The patient's lines as the rules see them: the new rows first (so that
 * a finding naming a key that an older line shares goes to the new row),
 * then the other lines read, then the old versions of updated rows.
 * Findings refer to their line by its index here.
 */
typedef struct GuardLines
{
	GuardEntry *e;
	const char *patient_id;
	ClaimLine **lines;
	int			n;				/* lines[0..n): new rows and lines read */
	int			nold;			/* lines[n..n + nold): old rows */
	int		   *owner;			/* per line: index of its GuardRow, or -1 */
	bool	   *report;			/* per line: the rules report on its date */
	GuardRow   *rows;
} GuardLines;

/*
 * "Findings with and without these rows": the patient's findings with the
 * new rows and the current lines (without: the old rows instead of the
 * new), by the per-patient engine, each finding on its line's index.
 */
static void
findings_of(GuardLines *gl, bool with, PatientFindings *out)
{
	ClaimLine **lines = palloc((gl->n + gl->nold + 1) * sizeof(ClaimLine *));
	int			i;

	for (i = 0; i < gl->n + gl->nold; i++)
	{
		bool		is_new = i < gl->n && gl->owner[i] >= 0;
		bool		is_old = i >= gl->n;

		lines[i] = (with ? !is_old : !is_new) ? gl->lines[i] : NULL;
	}
	tpi_patient_findings_init(out);
	tpi_check_patient(lines, gl->report, gl->n + gl->nold, out);
}

/* The same rule on the same line is among fs. */
static bool
found_in(const PatientFindings *fs, const PatientFinding *pf)
{
	int			i;

	for (i = 0; i < fs->n; i++)
		if (fs->items[i].line == pf->line &&
			strcmp(fs->items[i].f.rule_id, pf->f.rule_id) == 0)
			return true;
	return false;
}

/* The first new row on date d (TPI: a TPI row), or -1. */
static int
first_new_on(GuardLines *gl, DateADT d, bool tpi)
{
	int			i;

	for (i = 0; i < gl->n && gl->owner[i] >= 0; i++)
		if (gl->lines[i]->date_of_service == d &&
			(!tpi || gl->rows[gl->owner[i]].is_tpi))
			return gl->owner[i];
	return -1;
}

/*
 * Attribute the findings with the new rows: a finding on a new row's line
 * is that row's, a frequency finding on a session with new TPI rows is
 * each of theirs; one on another line the new rows caused (absent without
 * them) goes to the first new row of its date, or for a frequency finding
 * to the first new TPI row.  Then the pending findings of the new rows'
 * dates that the findings with them no longer contain are cured.
 */
static void
attribute(GuardLines *gl, const DateADT *days, int ndays, int first_tpi_row)
{
	PatientFindings with,
				without;
	bool		have_without = false;
	FindingList day;
	int			i,
				j;

	findings_of(gl, true, &with);
	for (i = 0; i < with.n; i++)
	{
		PatientFinding *pf = &with.items[i];
		const ClaimLine *l = gl->lines[pf->line];
		int			rule = tpi_rule_index(pf->f.rule_id);
		bool		freq = (tpi_rule_defs[rule].flags & TPI_RULE_FREQ) != 0;
		bool		curable = (tpi_rule_defs[rule].flags & TPI_RULE_CURABLE) != 0;
		bool		owned = false;
		int			to;

		if (freq)
		{
			/* every new TPI row of the session owns it */
			for (j = 0; j < gl->n && gl->owner[j] >= 0; j++)
				if (gl->rows[gl->owner[j]].is_tpi &&
					gl->lines[j]->date_of_service == l->date_of_service)
				{
					tpi_guard_attribute(&gl->rows[gl->owner[j]].found, &pf->f, false);
					owned = true;
				}
		}
		else if (pf->line < gl->n && gl->owner[pf->line] >= 0)
		{
			tpi_guard_attribute(&gl->rows[gl->owner[pf->line]].found, &pf->f,
								curable);
			owned = true;
		}
		if (owned)
			continue;
		if (!have_without)
		{
			findings_of(gl, false, &without);
			have_without = true;
		}
		if (found_in(&without, pf))
			continue;
		to = freq ? first_tpi_row : first_new_on(gl, l->date_of_service, false);
		if (to >= 0)
			tpi_guard_attribute(&gl->rows[to].found, &pf->f, freq ? false : curable);
	}

	/* the new rows are kept: they may cure what was waiting */
	for (i = 0; i < ndays; i++)
	{
		tpi_findings_init(&day);
		for (j = 0; j < with.n; j++)
			if (gl->lines[with.items[j].line]->date_of_service == days[i])
				add_copy(&day, &with.items[j].f);
		tpi_guard_cure_pending(gl->e, gl->patient_id, days[i], &day);
	}
}

static bool
date_in(const DateADT *days, int ndays, DateADT d)
{
	int			i;

	for (i = 0; i < ndays; i++)
		if (days[i] == d)
			return true;
	return false;
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
	PatientLines pl;
	GuardLines	gl;
	bool	   *taken;
	int			first_tpi_row = -1;
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
	tpi_guard_read_lines(e, rel, patient, skip, lo, hi, &filter, &pl);

	/* the new rows first, then the other lines read, then the old rows */
	memset(&gl, 0, sizeof(gl));
	gl.e = e;
	gl.patient_id = patient_id;
	gl.rows = rows;
	gl.lines = palloc((pl.n + n + nold + 1) * sizeof(ClaimLine *));
	gl.owner = palloc((pl.n + n + nold + 1) * sizeof(int));
	gl.report = palloc((pl.n + n + nold + 1) * sizeof(bool));
	taken = palloc0((pl.n + 1) * sizeof(bool));
	for (i = 0; i < n; i++)
	{
		GuardRow   *r = &rows[idx[i]];
		ClaimLine  *l = NULL;

		if (!written)
			l = &r->key;		/* NEW is not in the table yet */
		else
		{
			/* which line is the row: same key, date and code */
			for (j = 0; j < pl.n && l == NULL; j++)
				if (!taken[j] && !pl.lines[j]->dos_null &&
					pl.lines[j]->date_of_service == r->key.date_of_service &&
					tpi_guard_same_key(pl.lines[j]->claim_id, pl.lines[j]->line_no,
									   pl.lines[j]->line_no_null,
									   r->key.claim_id, r->key.line_no,
									   r->key.line_no_null) &&
					cmp_str_null(pl.lines[j]->hcpcs, r->key.hcpcs) == 0)
				{
					taken[j] = true;
					l = pl.lines[j];
				}
			if (l == NULL)
				continue;		/* the row is gone again */
		}
		gl.owner[gl.n] = idx[i];
		gl.lines[gl.n++] = l;
	}
	for (j = 0; j < pl.n; j++)
		if (!taken[j])
		{
			gl.owner[gl.n] = -1;
			gl.lines[gl.n++] = pl.lines[j];
		}
	for (i = 0; i < nold; i++)
	{
		/* an old row counts only where it would have been read */
		if (old[i].dos_null ||
			(!date_in(days, ndays, old[i].date_of_service) &&
			 !(any_tpi && tpi_is_tpi_code(old[i].hcpcs) &&
			   old[i].date_of_service >= lo && old[i].date_of_service <= hi)))
			continue;
		gl.owner[gl.n + gl.nold] = -1;
		gl.lines[gl.n + gl.nold++] = &old[i];
	}
	/*
	 * The rules report on the new rows' dates, and on later sessions, which
	 * the new rows may push over a cap; earlier ones are context.
	 */
	for (i = 0; i < gl.n + gl.nold; i++)
	{
		DateADT		d = gl.lines[i]->date_of_service;

		gl.report[i] = !gl.lines[i]->dos_null &&
			(date_in(days, ndays, d) || (any_tpi && d >= first_tpi));
	}
	for (i = 0; i < n && first_tpi_row < 0; i++)
		if (rows[idx[i]].is_tpi && rows[idx[i]].key.date_of_service == first_tpi)
			first_tpi_row = idx[i];
	attribute(&gl, days, ndays, any_tpi ? first_tpi_row : -1);
}
