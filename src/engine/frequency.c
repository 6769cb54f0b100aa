/*
 * frequency.c
 *		The frequency rules (freq.rolling_cap, freq.min_interval) over one
 *		patient's TPI sessions, fed one date at a time to a history of the
 *		patient's earlier sessions (frequency.h), and tpi_check_frequency()
 *		over a whole patient's lines.  The SQL aggregate frequency_check is
 *		in fn/frequency_agg.c, next_eligible_date in fn/next_eligible.c.
 *
 * A session is a date of service with at least one TPI line; several lines
 * on one date are one session, whose regions are the union of the lines'
 * regions.  A session with no documented region is put in a bucket of its
 * own ("no documented region") for region-scoped policies; for
 * patient-scoped ones it simply counts.  Each session is judged by the
 * policy of its own payer on its own date, but every session of the
 * patient counts, whatever its payer: the caps are per beneficiary, and a
 * session that broke a rule still happened and counts for later ones.
 * Lines with an infinite date, or one outside the years 100 to 3899,
 * cannot be placed in a window and are left out here (audit reports them
 * as input.invalid).
 *
 * Each session is judged when its date is added, against the sessions
 * before it only: sessions after a date never change its verdict.  So the
 * history keeps one small entry per session (date, region mask), whatever
 * the number of lines, and the work per session is bounded by the sessions
 * inside its payer's windows.
 */
#include "rules.h"
#include "frequency.h"
#include "window.h"

#include "port/pg_bitutils.h"
#include "utils/datetime.h"
#include "utils/memutils.h"

/* Bit for sessions whose lines document no region at all. */
#define NO_REGION_BIT	TPI_NREGIONS
#define NBUCKETS		(TPI_NREGIONS + 1)

/*
 * The years whose dates are judged.  Infinite dates and dates far outside
 * any claim history (where date +/- interval could leave the timestamp
 * range and raise an error mid-audit) are not sessions; audit() reports
 * them as input.invalid.
 */
#define FREQ_MIN_YEAR	100
#define FREQ_MAX_YEAR	3899

/* At most this many earlier dates are listed in a cap message. */
#define MAX_LISTED		6

/* ------------------------------------------------------------------------
 * Sessions and the checks
 * ------------------------------------------------------------------------
 */

typedef struct Session
{
	DateADT		date;
	uint32		mask;			/* regions, or NO_REGION_BIT */
} Session;

struct FreqHistory
{
	Session    *sessions;		/* in date order */
	int			nsessions;
	int			cap;
	int			last_in[NBUCKETS];	/* latest earlier session per bucket */
	DateADT		min_date;		/* the years judged, as dates */
	DateADT		max_date;
	FindingList *fl;			/* where the current call's findings go */
};

static int
cmp_freq_line(const void *a, const void *b)
{
	const FreqLine *x = (const FreqLine *) a;
	const FreqLine *y = (const FreqLine *) b;
	int			c;

	if (x->dos != y->dos)
		return x->dos < y->dos ? -1 : 1;
	if ((c = tpi_line_key_cmp(x->claim_id, x->line_no, x->line_no_null,
							  y->claim_id, y->line_no, y->line_no_null)) != 0)
		return c;

	/*
	 * The aggregate's lines have no claim: the rest keeps its output
	 * independent of the input order.
	 */
	if ((c = tpi_nullable_strcmp(x->payer_id, y->payer_id)) != 0)
		return c;
	if (x->report != y->report)
		return x->report ? -1 : 1;
	if (x->regions != y->regions)
		return x->regions < y->regions ? -1 : 1;
	return 0;
}

static const char *
ordinal_suffix(int64 n)
{
	if (n % 100 >= 11 && n % 100 <= 13)
		return "th";
	switch (n % 10)
	{
		case 1:
			return "st";
		case 2:
			return "nd";
		case 3:
			return "rd";
		default:
			return "th";
	}
}

static void
append_bucket(StringInfo buf, int b)
{
	if (b == NO_REGION_BIT)
		tpi_append_literal(buf, "with no documented region");
	else
	{
		tpi_append_literal(buf, "in the ");
		tpi_append_str(buf, tpi_region_names[b]);
		tpi_append_literal(buf, " region");
	}
}

const PayerPolicy *
tpi_freq_policy(const char *payer_id, DateADT dos)
{
	bool		fallback;

	/* a line without a payer is checked like any unknown payer */
	return tpi_policy_for(payer_id ? payer_id : TPI_DEFAULT_PAYER, dos,
						  &fallback);
}

/*
 * The first date x whose window (x - span, x] no longer contains date e,
 * i.e. the least x with tpi_window_floor(x, span) >= e.  The floor is
 * monotone in x, and e + span lands within a few days of the answer (month
 * ends), so a short walk from there finds it.
 */
DateADT
tpi_first_date_past(DateADT e, const Interval *span)
{
	DateADT		x = tpi_date_after(e, span);

	while (tpi_window_floor(x, span) < e)
		x++;
	while (tpi_window_floor(x - 1, span) >= e)
		x--;
	return x;
}

/*
 * A frequency message starts by naming the session's first TPI line, as
 * every rule's names its line (a line with neither claim_id nor line_no
 * too: "A line with no claim_id or line_no"); the aggregate
 * frequency_check has no line.
 */
static void
start_freq_message(StringInfo msg, const FreqLine *line)
{
	tpi_init_message(msg);
	if (line->no_line)
		return;
	tpi_append_line_ref(msg, line->claim_id, line->line_no, line->line_no_null, true);
	tpi_append_literal(msg, ": ");
}

static void
add_freq_finding(FreqHistory *fc, const char *rule_id, const FreqLine *line,
				 StringInfo msg)
{
	tpi_add_payer_finding_buf(fc->fl, rule_id, line->payer_id, line->claim_id,
							  line->line_no, msg);
}

/*
 * Cap check of session i in one bucket (or for the patient when bucket <
 * 0): counts sessions in (floor, date] that share the bucket.
 */
static void
check_cap(FreqHistory *fc, int i, int bucket, const PayerPolicy *pol,
		  const FreqLine *line)
{
	Session    *s = &fc->sessions[i];
	DateADT		floor = tpi_window_floor(s->date, &pol->cap_window);
	uint32		bit = bucket < 0 ? ~(uint32) 0 : ((uint32) 1 << bucket);
	int			earlier[MAX_LISTED];
	int			nlisted = 0;
	int64		count = 1;
	int			j;
	int			kth = -1;		/* the session that must leave the window */
	StringInfoData msg;

	for (j = i - 1; j >= 0 && fc->sessions[j].date > floor; j--)
	{
		if ((fc->sessions[j].mask & bit) == 0)
			continue;
		count++;
		if (nlisted < MAX_LISTED)
			earlier[nlisted++] = j;
		/* the max_sessions-th most recent earlier one keeps it out */
		if (count == (int64) pol->max_sessions + 1)
			kth = j;
	}
	if (count <= pol->max_sessions)
		return;

	/* plain appends, no format parsing: heavy data has many findings */
	start_freq_message(&msg, line);
	tpi_append_literal(&msg, "session on ");
	tpi_append_date(&msg, s->date);
	tpi_append_literal(&msg, " is the ");
	tpi_append_int(&msg, count);
	tpi_append_str(&msg, ordinal_suffix(count));
	tpi_append_literal(&msg, " ");
	if (bucket >= 0)
	{
		append_bucket(&msg, bucket);
		tpi_append_literal(&msg, " ");
	}
	tpi_append_literal(&msg, "in the ");
	tpi_append_str(&msg, pol->cap_window_text);
	tpi_append_literal(&msg, " ending that day (");
	tpi_append_date(&msg, floor + 1);
	tpi_append_literal(&msg, " to ");
	tpi_append_date(&msg, s->date);
	tpi_append_literal(&msg, "; earlier sessions on ");
	for (j = nlisted - 1; j >= 0; j--)
	{
		tpi_append_date(&msg, fc->sessions[earlier[j]].date);
		if (j > 0)
			tpi_append_literal(&msg, ", ");
	}
	if (count - 1 > nlisted)
	{
		tpi_append_literal(&msg, " and ");
		tpi_append_int(&msg, count - 1 - nlisted);
		tpi_append_literal(&msg, " more");
	}
	tpi_append_literal(&msg, "); payer ");
	tpi_append_str(&msg, pol->payer_id);
	tpi_append_literal(&msg, " allows ");
	tpi_append_int(&msg, pol->max_sessions);
	tpi_append_str(&msg, pol->max_sessions == 1 ? " session" : " sessions");
	if (bucket >= 0)
		tpi_append_literal(&msg, " per anatomical region");
	tpi_append_literal(&msg, " in ");
	tpi_append_str(&msg, pol->cap_window_text);
	tpi_append_literal(&msg, ": do not bill this session, or document why the cap does not apply");
	if (kth >= 0)
	{
		tpi_append_literal(&msg, "; the first date this session would fit the cap is ");
		tpi_append_date(&msg, tpi_first_date_past(fc->sessions[kth].date,
											  &pol->cap_window));
	}
	add_freq_finding(fc, "freq.rolling_cap", line, &msg);
}

/* Minimum-interval check of session i against earlier session p. */
static void
check_interval(FreqHistory *fc, int i, int p, int bucket,
			   const PayerPolicy *pol, const FreqLine *line)
{
	Session    *s = &fc->sessions[i];
	DateADT		prev = fc->sessions[p].date;
	DateADT		allowed = tpi_date_after(prev, &pol->min_interval);
	StringInfoData msg;

	if (s->date >= allowed)
		return;
	start_freq_message(&msg, line);
	tpi_append_literal(&msg, "session on ");
	tpi_append_date(&msg, s->date);
	tpi_append_literal(&msg, " is ");
	tpi_append_int(&msg, s->date - prev);
	tpi_append_str(&msg, s->date - prev == 1 ? " day" : " days");
	tpi_append_literal(&msg, " after the previous session");
	if (bucket >= 0)
	{
		tpi_append_literal(&msg, " ");
		append_bucket(&msg, bucket);
	}
	tpi_append_literal(&msg, " on ");
	tpi_append_date(&msg, prev);
	tpi_append_literal(&msg, "; payer ");
	tpi_append_str(&msg, pol->payer_id);
	tpi_append_literal(&msg, " requires at least ");
	tpi_append_str(&msg, pol->min_interval_text);
	tpi_append_literal(&msg, " between sessions");
	if (bucket >= 0)
		tpi_append_literal(&msg, " in the same region");
	tpi_append_literal(&msg, ": do not bill this session, or reschedule on or after ");
	tpi_append_date(&msg, allowed);
	add_freq_finding(fc, "freq.min_interval", line, &msg);
}

/* All checks of session i under the policy of one payer. */
static void
check_session(FreqHistory *fc, int i, const FreqLine *line)
{
	Session    *s = &fc->sessions[i];
	const PayerPolicy *pol = tpi_freq_policy(line->payer_id, s->date);
	int			b;
	uint32		m;

	if (pol->max_sessions > 0)
	{
		if (!pol->cap_per_region)
			check_cap(fc, i, -1, pol, line);
		else
			for (m = s->mask; m != 0; m &= m - 1)
				check_cap(fc, i, pg_rightmost_one_pos32(m), pol, line);
	}
	if (pol->has_min_interval)
	{
		if (!pol->min_interval_per_region)
		{
			if (i > 0)
				check_interval(fc, i, i - 1, -1, pol, line);
		}
		else
			for (m = s->mask; m != 0; m &= m - 1)
			{
				b = pg_rightmost_one_pos32(m);
				if (fc->last_in[b] >= 0)
					check_interval(fc, i, fc->last_in[b], b, pol, line);
			}
	}
}

FreqHistory *
tpi_freq_history_create(void)
{
	FreqHistory *h = palloc0(sizeof(FreqHistory));
	int			b;

	for (b = 0; b < NBUCKETS; b++)
		h->last_in[b] = -1;
	h->min_date = date2j(FREQ_MIN_YEAR, 1, 1) - POSTGRES_EPOCH_JDATE;
	h->max_date = date2j(FREQ_MAX_YEAR + 1, 1, 1) - POSTGRES_EPOCH_JDATE - 1;
	return h;
}

static bool
same_payer(const char *a, const char *b)
{
	if (a == b)
		return true;
	if (a == NULL || b == NULL)
		return false;
	return strcmp(a, b) == 0;
}

void
tpi_freq_add_day(FreqHistory *h, FreqLine *lines, int nlines, FindingList *fl)
{
	Session    *s;
	const char *judged[8];		/* payers judged so far in this session */
	int			njudged = 0;
	int			i;
	uint32		m;

	if (nlines <= 0 || lines[0].dos < h->min_date || lines[0].dos > h->max_date)
		return;
	if (h->nsessions > 0 && h->sessions[h->nsessions - 1].date >= lines[0].dos)
		elog(ERROR, "frequency sessions added out of date order");
	if (h->nsessions == h->cap)
	{
		h->cap = h->cap ? 2 * h->cap : 16;
		h->sessions = h->sessions ?
			repalloc(h->sessions, h->cap * sizeof(Session)) :
			MemoryContextAlloc(GetMemoryChunkContext(h), h->cap * sizeof(Session));
	}
	s = &h->sessions[h->nsessions++];
	s->date = lines[0].dos;
	s->mask = 0;
	for (i = 0; i < nlines; i++)
	{
		Assert(lines[i].dos == s->date);
		s->mask |= lines[i].regions & (((uint32) 1 << TPI_NREGIONS) - 1);
	}
	if (s->mask == 0)
		s->mask = (uint32) 1 << NO_REGION_BIT;
	if (nlines > 1)
		qsort(lines, nlines, sizeof(FreqLine), cmp_freq_line);

	/*
	 * Judge the session once per payer among its reported lines; the
	 * findings go to the first reported line of that payer.  The payers
	 * judged are few (a list; past its room, a walk back over the lines).
	 */
	h->fl = fl;
	for (i = 0; i < nlines; i++)
	{
		bool		dup = false;
		int			k;

		if (!lines[i].report)
			continue;
		for (k = 0; k < njudged && !dup; k++)
			dup = same_payer(judged[k], lines[i].payer_id);
		if (!dup && njudged == lengthof(judged))
			for (k = 0; k < i && !dup; k++)
				dup = lines[k].report && same_payer(lines[k].payer_id,
													lines[i].payer_id);
		if (dup)
			continue;
		if (njudged < lengthof(judged))
			judged[njudged++] = lines[i].payer_id;
		check_session(h, h->nsessions - 1, &lines[i]);
	}
	h->fl = NULL;
	for (m = s->mask; m != 0; m &= m - 1)
		h->last_in[pg_rightmost_one_pos32(m)] = h->nsessions - 1;
}

/*
 * Frequency rules over a whole patient's TPI lines (tpi_rules.h): sorted
 * by date into a history of its own, one session per date.
 */
void
tpi_check_frequency(FreqLine *lines, int nlines, FindingList *fl)
{
	FreqHistory *h;
	FreqLine   *sorted;
	int			i,
				j;

	if (nlines <= 0)
		return;
	h = tpi_freq_history_create();
	/* a copy: callers keep their own order */
	sorted = palloc(nlines * sizeof(FreqLine));
	memcpy(sorted, lines, nlines * sizeof(FreqLine));
	qsort(sorted, nlines, sizeof(FreqLine), cmp_freq_line);
	for (i = 0; i < nlines; i = j)
	{
		for (j = i + 1; j < nlines && sorted[j].dos == sorted[i].dos; j++)
			;
		tpi_freq_add_day(h, sorted + i, j - i, fl);
	}
	if (h->sessions)
		pfree(h->sessions);
	pfree(h);
	pfree(sorted);
}
