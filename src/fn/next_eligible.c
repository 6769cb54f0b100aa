/*
 * next_eligible.c
 *		tpi_rules.next_eligible_date(date[], text, date): the first date on
 *		which one more session keeps a patient within the payer's cap and
 *		minimum interval, by the same window arithmetic as the frequency
 *		rules (engine/frequency.c, window.h).
 */
#include "rules.h"
#include "frequency.h"
#include "window.h"
#include "refdata.h"

#include "catalog/pg_type.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"

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
next_eligible(const DateADT *s, int n, const PayerPolicy *pol, bool cap,
			  bool gap, DateADT as_of)
{
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

				next = Max(x + 1, tpi_first_date_past(e, &pol->cap_window));
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
 * A cap or interval whose rule (freq.rolling_cap, freq.min_interval)
 * rule_setting switches off for payer_id does not hold the session back,
 * as it would raise no finding.
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
	TpiSeverity sev;
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
	pol = tpi_freq_policy(payer, as_of);

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
	PG_RETURN_DATEADT(next_eligible(s, n, pol,
									pol->max_sessions > 0 &&
									tpi_rule_effective(RULE_FREQ_ROLLING_CAP, payer, &sev),
									pol->has_min_interval &&
									tpi_rule_effective(RULE_FREQ_MIN_INTERVAL, payer, &sev),
									as_of));
}
