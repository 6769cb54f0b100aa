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

/*
 * A new row from its decoded line, whose memory outlives the row: the row
 * trigger's whole NEW, the statement trigger's key (tpi_claim_key_from_values).
 */
void
tpi_guard_new_row(GuardRow *r, const ClaimLine *line)
{
	memset(r, 0, sizeof(GuardRow));
	r->key = *line;
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
	int			nnew;			/* lines[0..nnew): the new rows, by date */
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
	bool	   *line_rules = palloc((gl->n + gl->nold + 1) * sizeof(bool));
	int			i;

	for (i = 0; i < gl->n + gl->nold; i++)
	{
		bool		is_new = i < gl->n && gl->owner[i] >= 0;
		bool		is_old = i >= gl->n;

		lines[i] = (with ? !is_old : !is_new) ? gl->lines[i] : NULL;
		/* a line rule's finding on another line is never a new row's */
		line_rules[i] = is_new;
	}
	tpi_patient_findings_init(out);
	tpi_check_patient(lines, gl->report, line_rules, gl->n + gl->nold, out);
}

static int
line_rule_cmp(const void *a, const void *b)
{
	const PatientFinding *x = a;
	const PatientFinding *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return strcmp(x->f.rule_id, y->f.rule_id);
}

/* The same rule on the same line is among fs (sorted by line_rule_cmp). */
static bool
found_in(const PatientFindings *fs, const PatientFinding *pf)
{
	return bsearch(pf, fs->items, fs->n, sizeof(PatientFinding),
				   line_rule_cmp) != NULL;
}

/* The new rows on date d: lines [*lo, *hi). */
static void
new_rows_on(GuardLines *gl, DateADT d, int *lo, int *hi)
{
	int			l = 0,
				h = gl->nnew;

	while (l < h)
	{
		int			mid = l + (h - l) / 2;

		if (gl->lines[mid]->date_of_service < d)
			l = mid + 1;
		else
			h = mid;
	}
	*lo = l;
	for (h = l; h < gl->nnew && gl->lines[h]->date_of_service == d; h++)
		;
	*hi = h;
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
		int			lo,
					hi,
					to;

		new_rows_on(gl, l->date_of_service, &lo, &hi);
		if (freq)
		{
			/* every new TPI row of the session owns it */
			for (j = lo; j < hi; j++)
				if (gl->rows[gl->owner[j]].is_tpi)
				{
					tpi_guard_attribute(&gl->rows[gl->owner[j]].found, &pf->f, false);
					owned = true;
				}
		}
		else if (pf->line < gl->nnew)
		{
			tpi_guard_attribute(&gl->rows[gl->owner[pf->line]].found, &pf->f,
								curable);
			owned = true;
		}
		/* a line rule's finding on another line is that line's alone */
		if (owned || !(tpi_rule_defs[rule].flags & (TPI_RULE_DAY | TPI_RULE_FREQ)))
			continue;
		if (!have_without)
		{
			findings_of(gl, false, &without);
			qsort(without.items, without.n, sizeof(PatientFinding), line_rule_cmp);
			have_without = true;
		}
		if (found_in(&without, pf))
			continue;
		to = freq ? first_tpi_row : (lo < hi ? gl->owner[lo] : -1);
		if (to >= 0)
			tpi_guard_attribute(&gl->rows[to].found, &pf->f, freq ? false : curable);
	}

	/*
	 * The new rows are kept: they may cure what was waiting.  The findings
	 * come by date, as the days do.
	 */
	if (!tpi_guard_has_pending())
		return;
	for (i = 0, j = 0; i < ndays; i++)
	{
		tpi_findings_init(&day);
		while (j < with.n && gl->lines[with.items[j].line]->date_of_service < days[i])
			j++;
		for (; j < with.n && gl->lines[with.items[j].line]->date_of_service == days[i]; j++)
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

/* What identifies a row among the lines read: date, key, code. */
static int
row_line_cmp(const ClaimLine *x, const ClaimLine *y)
{
	int			c;

	if (x->date_of_service != y->date_of_service)
		return x->date_of_service < y->date_of_service ? -1 : 1;
	if ((c = tpi_line_key_cmp(x->claim_id, x->line_no, x->line_no_null,
							  y->claim_id, y->line_no, y->line_no_null)) != 0)
		return c;
	return tpi_nullable_strcmp(x->hcpcs, y->hcpcs);
}

static ClaimLine **sort_lines_base;

/* positions in sort_lines_base by row_line_cmp, then position */
static int
ord_cmp(const void *a, const void *b)
{
	int			x = *(const int *) a;
	int			y = *(const int *) b;
	int			c = row_line_cmp(sort_lines_base[x], sort_lines_base[y]);

	return c != 0 ? c : x - y;
}

/*
 * One patient's new rows rows[idx[0..n-1]], sorted by date, all with the
 * patient and a date; old[0..nold-1] the old versions of the patient's
 * updated rows.  written: the rows are in the table (statement trigger);
 * else rows[idx[0]] is a row trigger's NEW, and skip the version an UPDATE
 * replaces.  cached: the row trigger's copy of the lines stands for the
 * table (line_cache.c); walk: the statement trigger's pass over the index
 * reads them (walk.c).  Findings are attributed to the rows' found
 * lists, in the current memory context; the patient is locked first.
 */
void
tpi_guard_check_patient(GuardEntry *e, Relation rel, Datum patient,
						GuardRow *rows, const int *idx, int n,
						ClaimLine *old, int nold, bool written,
						ItemPointer skip, bool cached, GuardWalk *walk)
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
	int		   *ord = NULL;
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
	if (walk)
		tpi_guard_walk_read(walk, patient_id, lo, hi, &filter, &pl);
	else if (cached)
		tpi_guard_line_cache_read(e, rel, patient, patient_id,
								  rows[idx[0]].key.date_of_service, lo, hi,
								  &filter, &pl);
	else
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
	if (written)
	{
		/* the lines read, by what identifies a row: sorted, searched */
		ord = palloc((pl.n + 1) * sizeof(int));
		for (j = 0; j < pl.n; j++)
			ord[j] = j;
		sort_lines_base = pl.lines;
		qsort(ord, pl.n, sizeof(int), ord_cmp);
	}
	for (i = 0; i < n; i++)
	{
		GuardRow   *r = &rows[idx[i]];
		ClaimLine  *l = NULL;

		if (!written)
			l = &r->key;		/* NEW is not in the table yet */
		else
		{
			/* the row's line: same date, key and code, not taken yet */
			int			lo = 0,
						hi = pl.n;

			while (lo < hi)
			{
				int			mid = lo + (hi - lo) / 2;

				if (row_line_cmp(pl.lines[ord[mid]], &r->key) < 0)
					lo = mid + 1;
				else
					hi = mid;
			}
			for (; lo < pl.n && row_line_cmp(pl.lines[ord[lo]], &r->key) == 0; lo++)
				if (!taken[ord[lo]])
				{
					taken[ord[lo]] = true;
					l = pl.lines[ord[lo]];
					break;
				}
			if (l == NULL)
				continue;		/* the row is gone again */
		}
		gl.owner[gl.n] = idx[i];
		gl.lines[gl.n++] = l;
	}
	gl.nnew = gl.n;
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
