/*
 * frequency.c
 *		The frequency rules (freq.rolling_cap, freq.min_interval) over one
 *		patient's TPI sessions: the C entry point tpi_check_frequency() that
 *		audit() and guard() call, the tpi_rules.frequency_check aggregate,
 *		and tpi_rules.next_eligible_date().
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
 */
#include "tpi_rules.h"
#include "window.h"
#include "muscle_parse.h"

#include "catalog/pg_type.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "port/pg_bitutils.h"
#include "utils/array.h"
#include "utils/builtins.h"
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
	int			first;			/* lines [first, end) of the sorted input */
	int			end;
} Session;

typedef struct FreqCheck
{
	Session    *sessions;		/* in date order */
	int			nsessions;
	int			last_in[NBUCKETS];	/* latest earlier session per bucket */
	FindingList *fl;
} FreqCheck;

static int
cmp_freq_line(const void *a, const void *b)
{
	const FreqLine *x = (const FreqLine *) a;
	const FreqLine *y = (const FreqLine *) b;
	int			c;

	if (x->dos != y->dos)
		return x->dos < y->dos ? -1 : 1;
	if (x->claim_id == NULL || y->claim_id == NULL)
	{
		if (x->claim_id != y->claim_id)
			return x->claim_id == NULL ? 1 : -1;
	}
	else if (x->claim_id != y->claim_id &&
			 (c = strcmp(x->claim_id, y->claim_id)) != 0)
		return c;
	if (x->line_no != y->line_no)
		return x->line_no < y->line_no ? -1 : 1;
	/*
	 * The aggregate's lines have no claim: the rest keeps its output
	 * independent of the input order.
	 */
	if (x->payer_id == NULL || y->payer_id == NULL)
	{
		if (x->payer_id != y->payer_id)
			return x->payer_id == NULL ? 1 : -1;
	}
	/* callers often share one string per payer */
	else if (x->payer_id != y->payer_id &&
			 (c = strcmp(x->payer_id, y->payer_id)) != 0)
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

static const PayerPolicy *
policy_of(const char *payer_id, DateADT dos)
{
	bool		fallback;

	/* a line without a payer is checked like any unknown payer */
	return tpi_policy_for(payer_id ? payer_id : "commercial_default", dos,
						  &fallback);
}

/*
 * The first date x whose window (x - span, x] no longer contains date e,
 * i.e. the least x with tpi_window_floor(x, span) >= e.  The floor is
 * monotone in x, and e + span lands within a few days of the answer (month
 * ends), so a short walk from there finds it.
 */
static DateADT
first_date_past(DateADT e, const Interval *span)
{
	DateADT		x = tpi_date_after(e, span);

	while (tpi_window_floor(x, span) < e)
		x++;
	while (tpi_window_floor(x - 1, span) >= e)
		x--;
	return x;
}

static void
add_freq_finding(FreqCheck *fc, const char *rule_id, const FreqLine *line,
				 StringInfo msg)
{
	tpi_add_finding_buf(fc->fl, rule_id, line->claim_id, line->line_no, msg);
}

/*
 * Cap check of session i in one bucket (or for the patient when bucket <
 * 0): counts sessions in (floor, date] that share the bucket.
 */
static void
check_cap(FreqCheck *fc, int i, int bucket, const PayerPolicy *pol,
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
	tpi_init_message(&msg);
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
		tpi_append_date(&msg, first_date_past(fc->sessions[kth].date,
											  &pol->cap_window));
	}
	add_freq_finding(fc, "freq.rolling_cap", line, &msg);
}

/* Minimum-interval check of session i against earlier session p. */
static void
check_interval(FreqCheck *fc, int i, int p, int bucket,
			   const PayerPolicy *pol, const FreqLine *line)
{
	Session    *s = &fc->sessions[i];
	DateADT		prev = fc->sessions[p].date;
	DateADT		allowed = tpi_date_after(prev, &pol->min_interval);
	StringInfoData msg;

	if (s->date >= allowed)
		return;
	tpi_init_message(&msg);
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
check_session(FreqCheck *fc, int i, const FreqLine *line)
{
	Session    *s = &fc->sessions[i];
	const PayerPolicy *pol = policy_of(line->payer_id, s->date);
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

void
tpi_check_frequency(FreqLine *lines, int nlines, FindingList *fl)
{
	FreqCheck	fc;
	FreqLine   *sorted;
	DateADT		min_date;
	DateADT		max_date;
	int			n = 0;
	int			i;
	int			b;
	uint32		m;

	if (nlines <= 0)
		return;

	/* a copy: callers keep their own order */
	sorted = palloc(nlines * sizeof(FreqLine));
	min_date = date2j(FREQ_MIN_YEAR, 1, 1) - POSTGRES_EPOCH_JDATE;
	max_date = date2j(FREQ_MAX_YEAR + 1, 1, 1) - POSTGRES_EPOCH_JDATE - 1;
	for (i = 0; i < nlines; i++)
		if (lines[i].dos >= min_date && lines[i].dos <= max_date)
			sorted[n++] = lines[i];
	if (n == 0)
	{
		pfree(sorted);
		return;
	}
	qsort(sorted, n, sizeof(FreqLine), cmp_freq_line);

	fc.fl = fl;
	fc.sessions = palloc(n * sizeof(Session));
	fc.nsessions = 0;
	for (i = 0; i < n; i++)
	{
		Session    *s;

		if (i == 0 || sorted[i].dos != sorted[i - 1].dos)
		{
			s = &fc.sessions[fc.nsessions++];
			s->date = sorted[i].dos;
			s->mask = 0;
			s->first = i;
		}
		s = &fc.sessions[fc.nsessions - 1];
		s->mask |= sorted[i].regions & (((uint32) 1 << TPI_NREGIONS) - 1);
		s->end = i + 1;
	}
	for (i = 0; i < fc.nsessions; i++)
		if (fc.sessions[i].mask == 0)
			fc.sessions[i].mask = (uint32) 1 << NO_REGION_BIT;

	for (b = 0; b < NBUCKETS; b++)
		fc.last_in[b] = -1;

	for (i = 0; i < fc.nsessions; i++)
	{
		Session    *s = &fc.sessions[i];
		int			k;

		/*
		 * Judge the session once per payer among its reported lines; the
		 * findings go to the first reported line of that payer.
		 */
		for (k = s->first; k < s->end; k++)
		{
			int			m;
			bool		dup = false;

			if (!sorted[k].report)
				continue;
			for (m = s->first; m < k && !dup; m++)
				dup = sorted[m].report &&
					((sorted[m].payer_id == NULL && sorted[k].payer_id == NULL) ||
					 (sorted[m].payer_id != NULL && sorted[k].payer_id != NULL &&
					  strcmp(sorted[m].payer_id, sorted[k].payer_id) == 0));
			if (!dup)
				check_session(&fc, i, &sorted[k]);
		}
		for (m = s->mask; m != 0; m &= m - 1)
			fc.last_in[pg_rightmost_one_pos32(m)] = i;
	}
	pfree(fc.sessions);
	pfree(sorted);
}

/* ------------------------------------------------------------------------
 * The frequency_check aggregate
 * ------------------------------------------------------------------------
 */

/*
 * Transition state: one entry per input row with a date; payer ids are
 * interned (a patient rarely has more than two).  Lives in the aggregate
 * context.
 */
typedef struct FreqEntry
{
	DateADT		dos;
	uint32		regions;
	int32		payer;			/* index into payers, -1 for NULL */
} FreqEntry;

#define FREQ_INLINE_ENTRIES 12
#define FREQ_INLINE_PAYERS 2

typedef struct FreqState
{
	MemoryContext mcxt;
	FreqEntry  *entries;		/* inline_entries until it outgrows them */
	int			n;
	int			cap;
	char	  **payers;			/* inline_payers until it outgrows them */
	int		   *payer_len;
	int			npayers;
	int			payers_cap;
	int			last_payer;		/* where the previous row's payer was */
	/* one allocation holds a typical patient's state */
	FreqEntry	inline_entries[FREQ_INLINE_ENTRIES];
	char	   *inline_payers[FREQ_INLINE_PAYERS];
	int			inline_payer_len[FREQ_INLINE_PAYERS];
} FreqState;

#define FREQ_STATE_VERSION 1

static FreqState *
freq_state_new(MemoryContext mcxt)
{
	FreqState  *st = MemoryContextAlloc(mcxt, sizeof(FreqState));

	st->mcxt = mcxt;
	st->entries = st->inline_entries;
	st->n = 0;
	st->cap = FREQ_INLINE_ENTRIES;
	st->payers = st->inline_payers;
	st->payer_len = st->inline_payer_len;
	st->npayers = 0;
	st->payers_cap = FREQ_INLINE_PAYERS;
	st->last_payer = -1;
	return st;
}

static int
freq_state_payer(FreqState *st, const char *p, int len)
{
	int			i;

	if (st->last_payer >= 0 && st->payer_len[st->last_payer] == len &&
		memcmp(st->payers[st->last_payer], p, len) == 0)
		return st->last_payer;
	for (i = 0; i < st->npayers; i++)
		if (st->payer_len[i] == len && memcmp(st->payers[i], p, len) == 0)
			return st->last_payer = i;
	if (st->npayers == st->payers_cap)
	{
		char	  **payers = MemoryContextAlloc(st->mcxt, 2 * st->payers_cap * sizeof(char *));
		int		   *lens = MemoryContextAlloc(st->mcxt, 2 * st->payers_cap * sizeof(int));

		memcpy(payers, st->payers, st->npayers * sizeof(char *));
		memcpy(lens, st->payer_len, st->npayers * sizeof(int));
		if (st->payers != st->inline_payers)
		{
			pfree(st->payers);
			pfree(st->payer_len);
		}
		st->payers = payers;
		st->payer_len = lens;
		st->payers_cap *= 2;
	}
	st->payers[st->npayers] = MemoryContextAlloc(st->mcxt, len + 1);
	memcpy(st->payers[st->npayers], p, len);
	st->payers[st->npayers][len] = '\0';
	st->payer_len[st->npayers] = len;
	return st->last_payer = st->npayers++;
}

static void
freq_state_add(FreqState *st, DateADT dos, uint32 regions, int32 payer)
{
	if (st->n == st->cap)
	{
		if (st->cap >= (int) (MaxAllocSize / sizeof(FreqEntry) / 2))
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("too many lines for one frequency_check group")));
		if (st->entries == st->inline_entries)
		{
			st->entries = MemoryContextAlloc(st->mcxt, 2 * st->cap * sizeof(FreqEntry));
			memcpy(st->entries, st->inline_entries, st->n * sizeof(FreqEntry));
		}
		else
			st->entries = repalloc(st->entries, 2 * st->cap * sizeof(FreqEntry));
		st->cap *= 2;
	}
	st->entries[st->n].dos = dos;
	st->entries[st->n].regions = regions;
	st->entries[st->n].payer = payer;
	st->n++;
}

/* Appends every entry of src to dst, re-interning src's payers. */
static void
freq_state_merge(FreqState *dst, const FreqState *src)
{
	int		   *map = palloc(Max(src->npayers, 1) * sizeof(int));
	int			i;

	for (i = 0; i < src->npayers; i++)
		map[i] = freq_state_payer(dst, src->payers[i], src->payer_len[i]);
	for (i = 0; i < src->n; i++)
		freq_state_add(dst, src->entries[i].dos, src->entries[i].regions,
					   src->entries[i].payer < 0 ? -1 : map[src->entries[i].payer]);
	pfree(map);
}

static MemoryContext
agg_context(FunctionCallInfo fcinfo, const char *fname)
{
	MemoryContext aggcontext;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "%s called in non-aggregate context", fname);
	return aggcontext;
}

/*
 * The region mask of a regions text[], remembered per query (fn_extra) by
 * the array's bytes: regions() gives byte-identical arrays for equal
 * masks, and a query meets only a few distinct ones.  Direct-mapped.
 */
#define REGIONS_MEMO		64	/* a power of 2 */
#define REGIONS_MEMO_BYTES	96

typedef struct RegionsMemo
{
	struct
	{
		int			len;		/* 0: slot empty */
		uint32		mask;
		char		bytes[REGIONS_MEMO_BYTES];
	}			slot[REGIONS_MEMO];
} RegionsMemo;

static uint32
regions_mask(FunctionCallInfo fcinfo, Datum arr)
{
	RegionsMemo *m = (RegionsMemo *) fcinfo->flinfo->fn_extra;
	struct varlena *v = (struct varlena *) DatumGetPointer(arr);
	const char *bytes;
	int			len;
	int			s;
	uint32		mask;

	if (VARATT_IS_EXTERNAL(v) || VARATT_IS_COMPRESSED(v))
		return tpi_regions_from_array(arr, false);
	bytes = VARDATA_ANY(v);
	len = VARSIZE_ANY_EXHDR(v);
	if (len == 0 || len > REGIONS_MEMO_BYTES)
		return tpi_regions_from_array(arr, false);
	if (m == NULL)
	{
		m = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(RegionsMemo));
		fcinfo->flinfo->fn_extra = m;
	}
	s = (int) (mp_hash(bytes, len) & (REGIONS_MEMO - 1));
	if (m->slot[s].len == len && memcmp(m->slot[s].bytes, bytes, len) == 0)
		return m->slot[s].mask;
	mask = tpi_regions_from_array(arr, false);
	m->slot[s].len = len;
	m->slot[s].mask = mask;
	memcpy(m->slot[s].bytes, bytes, len);
	return mask;
}

/*
 * frequency_check_trans(state internal, date_of_service date,
 *						 regions text[], payer_id text) RETURNS internal
 *
 * Not strict.  A row with a NULL or infinite date is not a session and is
 * skipped (audit() reports it as input.invalid); NULL regions count as no
 * documented region; a NULL payer is judged as an unknown payer.
 */
PG_FUNCTION_INFO_V1(tpi_frequency_check_trans);
Datum
tpi_frequency_check_trans(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = agg_context(fcinfo, "frequency_check_trans");
	FreqState  *st = PG_ARGISNULL(0) ? NULL : (FreqState *) PG_GETARG_POINTER(0);
	DateADT		dos;
	uint32		regions;
	int32		payer = -1;

	if (PG_ARGISNULL(1) || DATE_NOT_FINITE(PG_GETARG_DATEADT(1)))
	{
		if (st == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(st);
	}
	dos = PG_GETARG_DATEADT(1);
	regions = PG_ARGISNULL(2) ? 0 : regions_mask(fcinfo, PG_GETARG_DATUM(2));
	if (st == NULL)
		st = freq_state_new(aggcontext);
	if (!PG_ARGISNULL(3))
	{
		text	   *t = PG_GETARG_TEXT_PP(3);

		payer = freq_state_payer(st, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
	}
	freq_state_add(st, dos, regions, payer);
	PG_RETURN_POINTER(st);
}

/*
 * frequency_check_combine(internal, internal) RETURNS internal
 *
 * Not strict.  The result lives in the aggregate context: when the first
 * state is NULL the second is copied there, never passed through.
 */
PG_FUNCTION_INFO_V1(tpi_frequency_check_combine);
Datum
tpi_frequency_check_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = agg_context(fcinfo, "frequency_check_combine");
	FreqState  *a = PG_ARGISNULL(0) ? NULL : (FreqState *) PG_GETARG_POINTER(0);
	FreqState  *b = PG_ARGISNULL(1) ? NULL : (FreqState *) PG_GETARG_POINTER(1);

	if (b == NULL)
	{
		if (a == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(a);
	}
	if (a == NULL)
		a = freq_state_new(aggcontext);
	freq_state_merge(a, b);
	PG_RETURN_POINTER(a);
}

/*
 * frequency_check_serialize(internal) RETURNS bytea, STRICT
 *
 * Format: version byte, payer count, each payer as length + bytes, entry
 * count, each entry as date, region mask, payer index (-1: NULL).
 */
PG_FUNCTION_INFO_V1(tpi_frequency_check_serialize);
Datum
tpi_frequency_check_serialize(PG_FUNCTION_ARGS)
{
	FreqState  *st;
	StringInfoData buf;
	int			i;

	(void) agg_context(fcinfo, "frequency_check_serialize");
	st = (FreqState *) PG_GETARG_POINTER(0);
	pq_begintypsend(&buf);
	pq_sendbyte(&buf, FREQ_STATE_VERSION);
	pq_sendint32(&buf, st->npayers);
	for (i = 0; i < st->npayers; i++)
	{
		pq_sendint32(&buf, st->payer_len[i]);
		pq_sendbytes(&buf, st->payers[i], st->payer_len[i]);
	}
	pq_sendint32(&buf, st->n);
	for (i = 0; i < st->n; i++)
	{
		pq_sendint32(&buf, (uint32) st->entries[i].dos);
		pq_sendint32(&buf, st->entries[i].regions);
		pq_sendint32(&buf, (uint32) st->entries[i].payer);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

static void
bad_state(const char *why)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid frequency_check state"),
			 errdetail("%s", why)));
}

/*
 * frequency_check_deserialize(bytea, internal) RETURNS internal, STRICT
 *
 * Checks every count against the bytes left before reading, so a damaged
 * value is an error, never an over-read.  The state is built in the
 * current (per-call) context; combine copies it into the aggregate's.
 */
PG_FUNCTION_INFO_V1(tpi_frequency_check_deserialize);
Datum
tpi_frequency_check_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *raw;
	StringInfoData buf;
	FreqState  *st;
	int			npayers;
	int			n;
	int			i;

	(void) agg_context(fcinfo, "frequency_check_deserialize");
	raw = PG_GETARG_BYTEA_PP(0);
	buf.data = VARDATA_ANY(raw);
	buf.len = VARSIZE_ANY_EXHDR(raw);
	buf.maxlen = buf.len;
	buf.cursor = 0;

	if (buf.len < 1 || pq_getmsgbyte(&buf) != FREQ_STATE_VERSION)
		bad_state("The format version is not 1.");
	st = freq_state_new(CurrentMemoryContext);
	if (buf.len - buf.cursor < 4)
		bad_state("The payer count is missing.");
	npayers = (int) pq_getmsgint(&buf, 4);
	if (npayers < 0 || npayers > (buf.len - buf.cursor) / 4)
		bad_state("The payer count does not fit the value.");
	for (i = 0; i < npayers; i++)
	{
		int			len;
		const char *p;

		if (buf.len - buf.cursor < 4)
			bad_state("A payer length is missing.");
		len = (int) pq_getmsgint(&buf, 4);
		if (len < 0 || len > buf.len - buf.cursor)
			bad_state("A payer length does not fit the value.");
		p = pq_getmsgbytes(&buf, len);
		if (memchr(p, '\0', len) != NULL)
			bad_state("A payer id contains a zero byte.");
		if (freq_state_payer(st, p, len) != i)
			bad_state("A payer id appears twice.");
	}
	if (buf.len - buf.cursor < 4)
		bad_state("The entry count is missing.");
	n = (int) pq_getmsgint(&buf, 4);
	if (n < 0 || n != (buf.len - buf.cursor) / 12 || (buf.len - buf.cursor) % 12 != 0)
		bad_state("The entry count does not fit the value.");
	for (i = 0; i < n; i++)
	{
		DateADT		dos = (DateADT) pq_getmsgint(&buf, 4);
		uint32		regions = pq_getmsgint(&buf, 4);
		int32		payer = (int32) pq_getmsgint(&buf, 4);

		if (DATE_NOT_FINITE(dos) || !IS_VALID_DATE(dos))
			bad_state("A date is out of range.");
		if (regions >> TPI_NREGIONS != 0)
			bad_state("A region mask has unknown bits.");
		if (payer < -1 || payer >= npayers)
			bad_state("A payer index is out of range.");
		freq_state_add(st, dos, regions, payer);
	}
	pq_getmsgend(&buf);
	PG_RETURN_POINTER(st);
}

/* The finding type's output info, once per query in fn_extra. */
static FindingOut *
finding_out(FunctionCallInfo fcinfo)
{
	FindingOut *fo = (FindingOut *) fcinfo->flinfo->fn_extra;

	if (fo == NULL)
	{
		fo = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(FindingOut));
		tpi_finding_out_init(fo, tpi_finding_typid_from_fcinfo(fcinfo),
							 fcinfo->flinfo->fn_mcxt);
		fcinfo->flinfo->fn_extra = fo;
	}
	return fo;
}

/*
 * frequency_check_final(internal) RETURNS tpi_rules.finding[]
 *
 * Not strict: no sessions gives an empty array.  Reads the state only (the
 * final function may run more than once when used as a window aggregate);
 * the result is built in the caller's memory context.  Findings carry no
 * claim_id/line_no: the aggregate's arguments name no line.
 */
PG_FUNCTION_INFO_V1(tpi_frequency_check_final);
Datum
tpi_frequency_check_final(PG_FUNCTION_ARGS)
{
	FindingOut *fo = finding_out(fcinfo);
	FreqState  *st;
	FindingList fl;

	(void) agg_context(fcinfo, "frequency_check_final");
	st = PG_ARGISNULL(0) ? NULL : (FreqState *) PG_GETARG_POINTER(0);
	tpi_findings_init(&fl);
	if (st != NULL && st->n > 0)
	{
		FreqLine   *lines = palloc(st->n * sizeof(FreqLine));
		int			i;

		for (i = 0; i < st->n; i++)
		{
			lines[i].dos = st->entries[i].dos;
			lines[i].regions = st->entries[i].regions;
			lines[i].payer_id = st->entries[i].payer < 0 ? NULL :
				st->payers[st->entries[i].payer];
			lines[i].claim_id = NULL;
			lines[i].line_no = 0;
			lines[i].report = true;
		}
		tpi_check_frequency(lines, st->n, &fl);
	}
	PG_RETURN_DATUM(tpi_findings_array(fo, &fl));
}

/* ------------------------------------------------------------------------
 * next_eligible_date
 * ------------------------------------------------------------------------
 */

/* Number of dates in sorted distinct s[0..n) that are <= x. */
static int
count_upto(const DateADT *s, int n, DateADT x)
{
	int			lo = 0;
	int			hi = n;

	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (s[mid] <= x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* A generous length of span in days, for the search bound only. */
static int64
span_days(const Interval *span)
{
	return (int64) span->month * 31 + span->day + span->time / USECS_PER_DAY + 1;
}

static int
cmp_date(const void *a, const void *b)
{
	DateADT		x = *(const DateADT *) a;
	DateADT		y = *(const DateADT *) b;

	return x < y ? -1 : (x > y ? 1 : 0);
}

/*
 * The first date x >= as_of on which one more session fits pol, given the
 * earlier and later sessions s[0..n) (sorted, distinct).  Each failed
 * candidate jumps to the first date that could pass that constraint, so
 * the search is short; it cannot run past the bound.
 */
static DateADT
next_eligible(const DateADT *s, int n, const PayerPolicy *pol, DateADT as_of)
{
	bool		cap = pol->max_sessions > 0;
	bool		gap = pol->has_min_interval;
	int64		bound;
	DateADT		x = as_of;

	if ((!cap && !gap) || n == 0)
		return as_of;
	bound = (int64) Max(as_of, s[n - 1]) + 7 +
		(cap ? span_days(&pol->cap_window) : 0) +
		(gap ? span_days(&pol->min_interval) : 0);

	for (;;)
	{
		int			upto;
		DateADT		next = x;

		CHECK_FOR_INTERRUPTS();
		if ((int64) x > bound)
			elog(ERROR, "next_eligible_date found no date before the search bound");
		upto = count_upto(s, n, x);

		if (gap)
		{
			/* the latest session on or before x, the first after it */
			if (upto > 0 && tpi_date_after(s[upto - 1], &pol->min_interval) > x)
				next = tpi_date_after(s[upto - 1], &pol->min_interval);
			else if (upto < n && tpi_date_after(x, &pol->min_interval) > s[upto])
				next = tpi_date_after(s[upto], &pol->min_interval);
		}
		if (next == x && cap)
		{
			DateADT		floor = tpi_window_floor(x, &pol->cap_window);
			int			inwin = upto - count_upto(s, n, floor);
			int			k;

			if (inwin + 1 > pol->max_sessions)
			{
				/* the oldest sessions that must leave the window first */
				DateADT		e = s[upto - inwin + (inwin + 1 - pol->max_sessions) - 1];

				next = Max(x + 1, first_date_past(e, &pol->cap_window));
			}
			else
			{
				/* later sessions whose windows would take in x */
				for (k = upto; k < n; k++)
				{
					DateADT		ef = tpi_window_floor(s[k], &pol->cap_window);

					if (ef >= x)
						break;
					if (count_upto(s, n, s[k]) - count_upto(s, n, ef) + 1 >
						pol->max_sessions)
					{
						next = s[k] + 1;
						break;
					}
				}
			}
		}
		if (next == x)
			return x;
		x = next;
	}
}

/*
 * tpi_rules.next_eligible_date(dates date[], payer_id text, as_of date)
 *		RETURNS date
 *
 * The first date on or after as_of on which one more session keeps the
 * patient within the cap and the minimum interval of the policy of payer_id
 * in effect on as_of.  All given sessions are taken to be in the same
 * region (the stricter reading of region-scoped policies), duplicates count
 * once, NULL elements are ignored, and a NULL array means no sessions.
 * Later sessions in the array are respected too: the new session must not
 * come within the minimum interval before one, nor push one over the cap.
 * A new session on a date that already has one counts as one more.
 * NULL payer_id or as_of gives NULL; infinite dates are an error.  The
 * result is a plain date; scratch memory is the caller's context.
 */
PG_FUNCTION_INFO_V1(tpi_next_eligible_date);
Datum
tpi_next_eligible_date(PG_FUNCTION_ARGS)
{
	DateADT		as_of;
	char	   *payer;
	const PayerPolicy *pol;
	DateADT    *s = NULL;
	int			n = 0;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
		PG_RETURN_NULL();
	payer = text_to_cstring(PG_GETARG_TEXT_PP(1));
	as_of = PG_GETARG_DATEADT(2);
	if (DATE_NOT_FINITE(as_of))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("as_of date cannot be infinite"),
				 errhint("Pass the date from which to look for the next eligible date, e.g. current_date.")));
	pol = policy_of(payer, as_of);

	if (!PG_ARGISNULL(0))
	{
		ArrayType  *arr = PG_GETARG_ARRAYTYPE_P(0);
		Datum	   *elems;
		bool	   *nulls;
		int			nelems;
		int			i;

		deconstruct_array(arr, DATEOID, sizeof(DateADT), true, TYPALIGN_INT,
						  &elems, &nulls, &nelems);
		s = palloc(Max(nelems, 1) * sizeof(DateADT));
		for (i = 0; i < nelems; i++)
		{
			DateADT		d;

			if (nulls[i])
				continue;
			d = DatumGetDateADT(elems[i]);
			if (DATE_NOT_FINITE(d))
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("session dates cannot be infinite"),
						 errhint("Leave infinite dates out of the array.")));
			s[n++] = d;
		}
		qsort(s, n, sizeof(DateADT), cmp_date);
		if (n > 1)
		{
			int			w = 1;

			for (i = 1; i < n; i++)
				if (s[i] != s[w - 1])
					s[w++] = s[i];
			n = w;
		}
	}
	PG_RETURN_DATEADT(next_eligible(s, n, pol, as_of));
}
