/*
 * patient.c
 *		The per-patient rule engine (patient.h): line, day and frequency
 *		rules over one patient's lines, each finding tied to the index of
 *		its line.
 *
 * A patient is checked one date at a time, in date order.  For a date:
 * the lines are ordered by their key (claim_id, line_no, then the caller's
 * order); every reported line gets the line rules; the date's lines get
 * the day rules together; the date's TPI lines are one frequency session,
 * judged against the patient's earlier sessions (frequency.h).  The rules
 * name a line by its key, which is looked up in the date's sorted lines
 * (a binary search), so a date with thousands of lines costs n log n, not
 * n squared.  The date's findings are then sorted by (line key, rule,
 * message) and handed out: concatenated over ascending dates that is
 * audit()'s order.
 */
#include "rules.h"
#include "patient.h"

#include "utils/memutils.h"

/* One of a date's lines, in key order. */
typedef struct KeyedLine
{
	ClaimLine  *line;
	int			pos;			/* in the caller's arrays for the date */
	int			rank;			/* position of the first line with its key */
	bool		is_tpi;
} KeyedLine;

/* A finding of the date before it is sorted into out. */
typedef struct DayFinding
{
	PatientFinding pf;
	int			rank;
	int			rule_order;		/* tpi_rule_order() */
} DayFinding;

typedef struct DayFindings
{
	DayFinding *items;
	int			n;
	int			cap;
} DayFindings;

void
tpi_patient_findings_init(PatientFindings *out)
{
	out->items = NULL;
	out->n = 0;
	out->cap = 0;
}

static int
keyed_cmp(const void *a, const void *b)
{
	const KeyedLine *x = a;
	const KeyedLine *y = b;
	int			c = tpi_line_key_cmp(x->line->claim_id, x->line->line_no,
									 x->line->line_no_null, y->line->claim_id,
									 y->line->line_no, y->line->line_no_null);

	return c != 0 ? c : x->pos - y->pos;
}

/* The first of kl[0..n) with the finding's key, or -1. */
static int
find_key(const KeyedLine *kl, int n, const TpiFinding *f)
{
	int			lo = 0,
				hi = n;

	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;
		const ClaimLine *l = kl[mid].line;

		if (tpi_line_key_cmp(l->claim_id, l->line_no, l->line_no_null,
							 f->claim_id, f->line_no, f->line_no_null) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < n && tpi_line_key_cmp(kl[lo].line->claim_id, kl[lo].line->line_no,
								   kl[lo].line->line_no_null,
								   f->claim_id, f->line_no, f->line_no_null) == 0)
		return lo;
	return -1;
}

/*
 * The TPI line a frequency finding names: the frequency rules know a line
 * by claim_id and a line_no that is 0 when the line's is NULL.  The
 * claim's lines are found by binary search, then walked.
 */
static int
find_freq_line(const KeyedLine *kl, int n, const TpiFinding *f)
{
	int			lo = 0,
				hi = n;
	int			k;

	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (tpi_nullable_strcmp(kl[mid].line->claim_id, f->claim_id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (k = lo; k < n; k++)
	{
		const ClaimLine *l = kl[k].line;

		if (tpi_nullable_strcmp(l->claim_id, f->claim_id) != 0)
			break;
		if (kl[k].is_tpi && (l->line_no_null ? 0 : l->line_no) == f->line_no)
			return k;
	}
	return -1;
}

/* Moves fl's findings on to df, on line k of kl (-1: look it up). */
static void
take(DayFindings *df, FindingList *fl, const KeyedLine *kl, int n, int k,
	 const int *ids, bool freq)
{
	int			i;

	for (i = 0; i < fl->n; i++)
	{
		DayFinding *d;
		int			at = k;

		if (at < 0)
			at = freq ? find_freq_line(kl, n, &fl->items[i]) :
				find_key(kl, n, &fl->items[i]);
		if (at < 0)
			elog(ERROR, "finding of rule %s names no line of the day",
				 fl->items[i].rule_id);
		if (df->n == df->cap)
		{
			df->cap = df->cap ? 2 * df->cap : 16;
			df->items = df->items ? repalloc(df->items, df->cap * sizeof(DayFinding)) :
				palloc(df->cap * sizeof(DayFinding));
		}
		d = &df->items[df->n++];
		d->pf.f = fl->items[i];
		/* the line's own key: a frequency rule says line 0 for a NULL one */
		d->pf.f.line_no = kl[at].line->line_no;
		d->pf.f.line_no_null = kl[at].line->line_no_null;
		d->pf.line = ids ? ids[kl[at].pos] : kl[at].pos;
		d->rank = kl[at].rank;
		d->rule_order = tpi_rule_order(d->pf.f.rule_id);
	}
	tpi_findings_reset(fl);
}

static int
day_finding_cmp(const void *a, const void *b)
{
	const DayFinding *x = a;
	const DayFinding *y = b;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	if (x->rule_order != y->rule_order)
		return x->rule_order < y->rule_order ? -1 : 1;
	return strcmp(x->pf.f.message, y->pf.f.message);
}

void
tpi_patient_begin(PatientCheck *pc, bool lines_only)
{
	pc->lines_only = lines_only;
	pc->started = false;
	pc->last_date = 0;
	pc->freq = lines_only ? NULL : tpi_freq_history_create();
	pc->line_rules = NULL;
}

void
tpi_patient_day(PatientCheck *pc, ClaimLine *const *lines, const bool *report,
				const int *ids, int nlines, PatientFindings *out)
{
	KeyedLine  *kl;
	MuscleSummary *ms;
	ClaimLine **day;
	const MuscleSummary **dayms;
	FreqLine   *fq;
	FindingList fl;
	DayFindings df = {NULL, 0, 0};
	bool		dated;
	bool		any_report = false;
	char		code[6];
	int			n = 0,
				nfq = 0,
				i;

	kl = palloc(Max(nlines, 1) * sizeof(KeyedLine));
	for (i = 0; i < nlines; i++)
	{
		if (lines[i] == NULL)
			continue;
		kl[n].line = lines[i];
		kl[n].pos = i;
		kl[n].is_tpi = (tpi_line_code_classes(lines[i], code) & TPI_CODE_TPI) != 0;
		if (!report || report[i])
			any_report = true;
		n++;
	}
	if (n == 0)
		return;
	dated = !kl[0].line->dos_null && !pc->lines_only;
	if (dated)
	{
		DateADT		d = kl[0].line->date_of_service;

		if (pc->started && d <= pc->last_date)
			elog(ERROR, "dates of one patient checked out of order");
		pc->started = true;
		pc->last_date = d;
	}
	if (n > 1)
		qsort(kl, n, sizeof(KeyedLine), keyed_cmp);
	for (i = 0; i < n; i++)
	{
		Assert(kl[i].line->dos_null == kl[0].line->dos_null &&
			   (kl[i].line->dos_null ||
				kl[i].line->date_of_service == kl[0].line->date_of_service));
		kl[i].rank = (i > 0 &&
					  tpi_line_key_cmp(kl[i - 1].line->claim_id,
									   kl[i - 1].line->line_no,
									   kl[i - 1].line->line_no_null,
									   kl[i].line->claim_id, kl[i].line->line_no,
									   kl[i].line->line_no_null) == 0) ?
			kl[i - 1].rank : i;
	}

	ms = palloc(n * sizeof(MuscleSummary));
	day = palloc(n * sizeof(ClaimLine *));
	dayms = palloc(n * sizeof(MuscleSummary *));
	fq = palloc(n * sizeof(FreqLine));
	tpi_findings_init(&fl);
	for (i = 0; i < n; i++)
	{
		ClaimLine  *l = kl[i].line;
		bool		rep = !report || report[kl[i].pos];

		day[i] = l;
		dayms[i] = NULL;
		if (kl[i].is_tpi)
		{
			tpi_summarise_muscles(l->muscles, l->muscles_null, &ms[i]);
			dayms[i] = &ms[i];
			if (dated && !DATE_NOT_FINITE(l->date_of_service))
			{
				fq[nfq].dos = l->date_of_service;
				fq[nfq].regions = ms[i].regions;
				fq[nfq].payer_id = l->payer_id;
				fq[nfq].claim_id = l->claim_id;
				fq[nfq].line_no = l->line_no_null ? 0 : l->line_no;
				fq[nfq].line_no_null = l->line_no_null;
				fq[nfq].no_line = false;
				fq[nfq].report = rep;
				nfq++;
			}
		}
		if (rep && (pc->line_rules == NULL ||
					pc->line_rules[ids ? ids[kl[i].pos] : kl[i].pos]))
		{
			tpi_check_line_rules_ms(l, dayms[i], &fl);
			take(&df, &fl, kl, n, i, ids, false);
		}
	}
	if (dated && any_report)
	{
		tpi_check_day_rules_ms(day, dayms, n, &fl);
		take(&df, &fl, kl, n, -1, ids, false);
	}
	if (dated && nfq > 0)
	{
		tpi_freq_add_day(pc->freq, fq, nfq, &fl);
		take(&df, &fl, kl, n, -1, ids, true);
	}

	if (df.n > 1)
		qsort(df.items, df.n, sizeof(DayFinding), day_finding_cmp);
	for (i = 0; i < df.n; i++)
	{
		if (out->n == out->cap)
		{
			out->cap = out->cap ? 2 * out->cap : 16;
			out->items = out->items ?
				repalloc_huge(out->items, out->cap * sizeof(PatientFinding)) :
				palloc(out->cap * sizeof(PatientFinding));
		}
		out->items[out->n++] = df.items[i].pf;
	}
}

/* Dated lines by date, NULL dates last; then the caller's order. */
static int
by_date_cmp(const void *a, const void *b)
{
	const KeyedLine *x = a;
	const KeyedLine *y = b;

	if (x->line->dos_null != y->line->dos_null)
		return x->line->dos_null ? 1 : -1;
	if (!x->line->dos_null && x->line->date_of_service != y->line->date_of_service)
		return x->line->date_of_service < y->line->date_of_service ? -1 : 1;
	return x->pos - y->pos;
}

void
tpi_check_patient(ClaimLine *const *lines, const bool *report,
				  const bool *line_rules, int nlines, PatientFindings *out)
{
	KeyedLine  *kl;
	ClaimLine **day;
	bool	   *dayrep;
	int		   *ids;
	PatientCheck pc;
	int			n = 0,
				i,
				j;

	kl = palloc(Max(nlines, 1) * sizeof(KeyedLine));
	for (i = 0; i < nlines; i++)
		if (lines[i] != NULL)
		{
			kl[n].line = lines[i];
			kl[n].pos = i;
			n++;
		}
	if (n == 0)
		return;
	if (n > 1)
		qsort(kl, n, sizeof(KeyedLine), by_date_cmp);
	day = palloc(n * sizeof(ClaimLine *));
	dayrep = palloc(n * sizeof(bool));
	ids = palloc(n * sizeof(int));

	/* lines without a patient get line rules only, in the same order */
	tpi_patient_begin(&pc, kl[0].line->patient_id == NULL);
	pc.line_rules = line_rules;
	for (i = 0; i < n; i = j)
	{
		const ClaimLine *first = kl[i].line;

		for (j = i; j < n; j++)
		{
			const ClaimLine *l = kl[j].line;

			if (l->dos_null != first->dos_null ||
				(!l->dos_null && l->date_of_service != first->date_of_service))
				break;
			day[j - i] = kl[j].line;
			dayrep[j - i] = !report || report[kl[j].pos];
			ids[j - i] = kl[j].pos;
		}
		tpi_patient_day(&pc, day, dayrep, ids, j - i, out);
	}
}
