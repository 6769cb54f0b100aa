/*
 * window.c
 *		tpi_rules.sessions_in_window(date, interval), a window function
 *		that counts a patient's distinct dates of service in a rolling
 *		window, and the date arithmetic the frequency rules share with it.
 *
 * The count for a row dated d is the number of distinct dates in
 * (d - span, d] among the rows of its partition.  Because the rows arrive
 * in date order, every date up to d has been seen by the time the first
 * row dated d is current, so one running counter of distinct dates seen
 * and one trailing pointer (the first row still inside the window, with a
 * counter of the distinct dates already dropped behind it) give the answer
 * for each row in O(1) amortised: O(n) per partition.  The trailing fetch
 * sets the mark, so rows behind the window can leave the tuplestore.
 */
#include "tpi_rules.h"
#include "window.h"

#include "catalog/pg_type.h"
#include "common/int.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/timestamp.h"
#include "windowapi.h"

/* ------------------------------------------------------------------------
 * Date arithmetic
 * ------------------------------------------------------------------------
 */

static inline int64
floor_div(int64 a, int64 b)
{
	int64		q = a / b;

	if ((a % b != 0) && ((a < 0) != (b < 0)))
		q--;
	return q;
}

static DateADT
timestamp_floor_date(Timestamp ts)
{
	return (DateADT) floor_div(ts, USECS_PER_DAY);
}

/*
 * d + months, then + days, exactly as timestamp_pl_interval() does it (the
 * day clamped to the end of a shorter month), on dates directly.  Only for
 * the ranges where no overflow check can fire; callers fall back to the
 * server's date_pl_interval/date_mi_interval otherwise.
 */
static inline bool
fast_span_ok(DateADT d, const Interval *span)
{
	return span->time == 0 &&
		d >= -700000 && d <= 700000 &&	/* about 83 AD to 3916 AD */
		span->month >= -12000 && span->month <= 12000 &&
		span->day >= -365000 && span->day <= 365000;
}

/*
 * Month arithmetic is remembered for recent (date, months) pairs: a
 * patient's sessions are judged against the same few windows again and
 * again.  A pure function of its arguments; direct-mapped.
 */
#define MONTH_MEMO 256			/* a power of 2 */

static struct
{
	DateADT		d;
	int32		months;
	DateADT		result;
}			month_memo[MONTH_MEMO];

static DateADT
fast_add(DateADT d, int32 months, int32 days)
{
	if (months != 0)
	{
		int			slot = (int) (((uint32) d * 31 + (uint32) months) & (MONTH_MEMO - 1));
		int			y,
					m,
					mday;

		if (month_memo[slot].months == months && month_memo[slot].d == d)
			return month_memo[slot].result + days;
		month_memo[slot].months = 0;	/* marks the slot while it is filled */
		month_memo[slot].d = d;
		j2date(d + POSTGRES_EPOCH_JDATE, &y, &m, &mday);
		m += months;
		if (m > MONTHS_PER_YEAR)
		{
			y += (m - 1) / MONTHS_PER_YEAR;
			m = ((m - 1) % MONTHS_PER_YEAR) + 1;
		}
		else if (m < 1)
		{
			y += m / MONTHS_PER_YEAR - 1;
			m = m % MONTHS_PER_YEAR + MONTHS_PER_YEAR;
		}
		if (mday > day_tab[isleap(y)][m - 1])
			mday = day_tab[isleap(y)][m - 1];
		month_memo[slot].result = date2j(y, m, mday) - POSTGRES_EPOCH_JDATE;
		month_memo[slot].months = months;
		d = month_memo[slot].result;
	}
	return d + days;
}

/* Day d (days since 2000-01-01) at midnight is a valid timestamp. */
#define TS_DAY_OK(d) \
	((d) >= (int64) DATETIME_MIN_JULIAN - POSTGRES_EPOCH_JDATE && \
	 (d) < (int64) TIMESTAMP_END_JULIAN - POSTGRES_EPOCH_JDATE)

/*
 * Would d + sign * span, computed as timestamp_pl_interval() does it
 * (months, then days, then time, each step a valid timestamp), stay within
 * PostgreSQL's timestamps (4714-11-24 BC to 294276 AD)?  Checked in 64-bit
 * arithmetic first, because the server's own functions then fail with a
 * bare "timestamp out of range" (22008) that names neither the date nor
 * the interval.
 */
static bool
span_result_ok(DateADT d, const Interval *span, int sign)
{
	int64		x = d;
	int64		t;

	if (DATE_NOT_FINITE(d) || !TS_DAY_OK(x))
		return false;
	if (span->month != 0)
	{
		int			y,
					m,
					mday;
		int64		months,
					y2;
		int			m2;

		j2date(d + POSTGRES_EPOCH_JDATE, &y, &m, &mday);
		months = (int64) y * MONTHS_PER_YEAR + (m - 1) + sign * (int64) span->month;
		y2 = floor_div(months, MONTHS_PER_YEAR);
		m2 = (int) (months - y2 * MONTHS_PER_YEAR) + 1;
		/* well outside the timestamp years, and date2j's int arithmetic */
		if (y2 < -5000 || y2 > 300000)
			return false;
		if (mday > day_tab[isleap(y2)][m2 - 1])
			mday = day_tab[isleap(y2)][m2 - 1];
		x = (int64) date2j((int) y2, m2, mday) - POSTGRES_EPOCH_JDATE;
		if (!TS_DAY_OK(x))
			return false;
	}
	if (span->day != 0)
	{
		x += sign * (int64) span->day;
		if (!TS_DAY_OK(x))
			return false;
	}
	t = x * USECS_PER_DAY;
	if (span->time != 0)
	{
		if (sign < 0 ? pg_sub_s64_overflow(t, span->time, &t) :
			pg_add_s64_overflow(t, span->time, &t))
			return false;
	}
	return IS_VALID_TIMESTAMP(t);
}

static void
span_out_of_range(DateADT d, const Interval *span, int sign)
{
	char		date[TPI_DATE_BUFLEN];
	StringInfoData len;
	Interval	rest = *span;

	tpi_format_date(d, date);
	/* "100000 years" reads better than "1200000 months" */
	initStringInfo(&len);
	if (span->month != 0 && span->month % MONTHS_PER_YEAR == 0)
	{
		appendStringInfo(&len, "%d years", span->month / MONTHS_PER_YEAR);
		rest.month = 0;
	}
	if (rest.month != 0 || rest.day != 0 || rest.time != 0 || len.len == 0)
	{
		if (len.len > 0)
			appendStringInfoChar(&len, ' ');
		tpi_append_interval(&len, &rest);
	}
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("date %s %s %s is out of range", date,
					sign < 0 ? "minus" : "plus", len.data),
			 errdetail("Dates of service and the windows and intervals counted from them must stay within 4714-11-24 BC and 294276-12-31."),
			 errhint("Check the date of service, and use a window length or minimum interval of a plausible size, such as interval '12 months'.")));
}

DateADT
tpi_window_floor(DateADT d, const Interval *span)
{
	Timestamp	ts;

	if (fast_span_ok(d, span))
		return fast_add(d, -span->month, -span->day);
	if (!span_result_ok(d, span, -1))
		span_out_of_range(d, span, -1);

	/* date - interval is a timestamp; the window starts after its date */
	ts = DatumGetTimestamp(DirectFunctionCall2(date_mi_interval,
											   DateADTGetDatum(d),
											   PointerGetDatum(span)));
	return timestamp_floor_date(ts);
}

DateADT
tpi_date_after(DateADT p, const Interval *span)
{
	Timestamp	ts;

	if (fast_span_ok(p, span))
		return fast_add(p, span->month, span->day);
	if (!span_result_ok(p, span, 1))
		span_out_of_range(p, span, 1);

	ts = DatumGetTimestamp(DirectFunctionCall2(date_pl_interval,
											   DateADTGetDatum(p),
											   PointerGetDatum(span)));
	/* the first midnight at or after ts */
	return (DateADT) -floor_div(-ts, USECS_PER_DAY);
}

/*
 * Messages name the same few dates again and again (a session's date, the
 * earlier sessions in its window): the ISO text of recent dates in years
 * 1000-9999 is remembered, direct-mapped by the date.  An empty text marks
 * an unused slot.
 */
#define DATE_MEMO 512			/* a power of 2 */

static struct
{
	DateADT		d;
	char		text[11];
}			date_memo[DATE_MEMO];

void
tpi_format_date(DateADT d, char *buf)
{
	struct pg_tm tm;

	if (DATE_IS_NOBEGIN(d))
		strlcpy(buf, "-infinity", TPI_DATE_BUFLEN);
	else if (DATE_IS_NOEND(d))
		strlcpy(buf, "infinity", TPI_DATE_BUFLEN);
	else if (date_memo[d & (DATE_MEMO - 1)].d == d &&
			 date_memo[d & (DATE_MEMO - 1)].text[0] != '\0')
		memcpy(buf, date_memo[d & (DATE_MEMO - 1)].text, 11);
	else
	{
		/* always ISO: messages must not depend on the session's DateStyle */
		memset(&tm, 0, sizeof(tm));
		j2date(d + POSTGRES_EPOCH_JDATE, &tm.tm_year, &tm.tm_mon, &tm.tm_mday);
		if (tm.tm_year >= 1000 && tm.tm_year <= 9999)
		{
			/* the common case, without EncodeDateOnly's generality */
			buf[0] = '0' + tm.tm_year / 1000;
			buf[1] = '0' + tm.tm_year / 100 % 10;
			buf[2] = '0' + tm.tm_year / 10 % 10;
			buf[3] = '0' + tm.tm_year % 10;
			buf[4] = '-';
			buf[5] = '0' + tm.tm_mon / 10;
			buf[6] = '0' + tm.tm_mon % 10;
			buf[7] = '-';
			buf[8] = '0' + tm.tm_mday / 10;
			buf[9] = '0' + tm.tm_mday % 10;
			buf[10] = '\0';
			date_memo[d & (DATE_MEMO - 1)].d = d;
			memcpy(date_memo[d & (DATE_MEMO - 1)].text, buf, 11);
		}
		else
			EncodeDateOnly(&tm, USE_ISO_DATES, buf);
	}
}

void
tpi_append_date(StringInfo buf, DateADT d)
{
	/* formatted in place */
	if (buf->len + TPI_DATE_BUFLEN > buf->maxlen)
		enlargeStringInfo(buf, TPI_DATE_BUFLEN);
	tpi_format_date(d, buf->data + buf->len);
	buf->len += strlen(buf->data + buf->len);
}

void
tpi_append_int(StringInfo buf, int64 n)
{
	char		tmp[MAXINT8LEN + 1];
	int			len = pg_lltoa(n, tmp);

	tpi_append_bytes(buf, tmp, len);
}

static void
append_count(StringInfo buf, bool *first, int64 n, const char *unit)
{
	if (!*first)
		tpi_append_literal(buf, " ");
	tpi_append_int(buf, n);
	tpi_append_literal(buf, " ");
	tpi_append_str(buf, unit);
	if (n != 1 && n != -1)
		tpi_append_literal(buf, "s");
	*first = false;
}

void
tpi_append_interval(StringInfo buf, const Interval *span)
{
	bool		first = true;

	if (span->month != 0)
		append_count(buf, &first, span->month, "month");
	if (span->day != 0)
	{
		/* policies say "6 weeks" and "2 weeks" but "7 days" */
		if (span->day % 7 == 0 && span->day > 7)
			append_count(buf, &first, span->day / 7, "week");
		else
			append_count(buf, &first, span->day, "day");
	}
	if (span->time != 0)
	{
		if (span->time % USECS_PER_HOUR == 0)
			append_count(buf, &first, span->time / USECS_PER_HOUR, "hour");
		else
			append_count(buf, &first, span->time / USECS_PER_SEC, "second");
	}
	if (first)
		appendStringInfoString(buf, "0 days");
}

/* ------------------------------------------------------------------------
 * sessions_in_window
 * ------------------------------------------------------------------------
 */

/* Per-partition state; WinGetPartitionLocalMemory zeroes it. */
typedef struct SessionWindowState
{
	bool		initialized;
	bool		span_stable;	/* the interval argument cannot change */
	bool		span_null;		/* NULL interval: every row yields NULL */
	Interval	span;

	/* the current side */
	bool		has_last;		/* a non-NULL date has been current */
	DateADT		last_date;		/* latest non-NULL date seen */
	int64		seen;			/* distinct non-NULL dates up to last_date */
	int32		last_result;	/* the answer for last_date (its peers) */

	/* the trailing side */
	int64		trail;			/* first row not yet dropped */
	bool		trail_fetched;	/* trail_date/trail_null hold row trail */
	DateADT		trail_date;
	bool		trail_null;
	bool		has_dropped;
	DateADT		last_dropped;	/* latest non-NULL date dropped */
	int64		dropped;		/* distinct non-NULL dates dropped */
} SessionWindowState;

/*
 * A window must end after it starts for every date, and d - span must move
 * forward with d for the trailing pointer to be monotone: no field may be
 * negative ('1 month -30 days' would give an empty window on some dates).
 */
static void
check_span(const Interval *span)
{
	if (span->month < 0 || span->day < 0 || span->time < 0 ||
		(span->month == 0 && span->day == 0 && span->time == 0))
	{
		StringInfoData buf;

		initStringInfo(&buf);
		tpi_append_interval(&buf, span);
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("window length must be a positive interval"),
				 errdetail("The length %s is zero or has a negative field.", buf.data),
				 errhint("Pass a length such as interval '12 months' or interval '90 days'.")));
	}
}

/* The interval argument of the current row, into st (first row) or checked
 * against st (later rows, when the argument is not a constant). */
static void
read_span(WindowObject winobj, SessionWindowState *st)
{
	bool		isnull;
	Datum		d = WinGetFuncArgCurrent(winobj, 1, &isnull);

	if (!st->initialized)
	{
		st->span_null = isnull;
		if (!isnull)
		{
			st->span = *DatumGetIntervalP(d);
			check_span(&st->span);
		}
		return;
	}
	if (isnull != st->span_null ||
		(!isnull && memcmp(DatumGetIntervalP(d), &st->span, sizeof(Interval)) != 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("window length must be the same for every row of a partition"),
				 errhint("Pass a constant interval, or partition by the window length as well.")));
}

/* Drops rows dated on or before floor from the trailing side. */
static void
advance_trail(WindowObject winobj, SessionWindowState *st, int64 cur,
			  DateADT floor)
{
	while (st->trail < cur)
	{
		if (!st->trail_fetched)
		{
			int64		rel = st->trail - cur;
			bool		isout;
			Datum		d;

			if (rel < PG_INT32_MIN)
				ereport(ERROR,
						(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
						 errmsg("too many rows in one window of sessions_in_window")));
			/* set_mark: nothing before the trailing row is needed again */
			d = WinGetFuncArgInPartition(winobj, 0, (int) rel,
										 WINDOW_SEEK_CURRENT, true,
										 &st->trail_null, &isout);
			if (isout)
				elog(ERROR, "sessions_in_window: row " INT64_FORMAT " is out of the partition",
					 st->trail);
			st->trail_date = st->trail_null ? 0 : DatumGetDateADT(d);
			st->trail_fetched = true;
		}
		if (!st->trail_null && st->trail_date > floor)
			break;
		if (!st->trail_null &&
			(!st->has_dropped || st->trail_date != st->last_dropped))
		{
			st->dropped++;
			st->last_dropped = st->trail_date;
			st->has_dropped = true;
		}
		st->trail++;
		st->trail_fetched = false;
	}
}

/*
 * tpi_rules.sessions_in_window(date_of_service date, span interval)
 *		RETURNS integer, WINDOW
 *
 * Over (PARTITION BY patient ORDER BY date_of_service): the number of
 * distinct dates of service in (date_of_service - span, date_of_service]
 * in the partition.  Rows with the same date (peers) get the same count.
 * A NULL date yields NULL and is not counted, wherever NULLs sort; a NULL
 * span yields NULL for every row.  Non-NULL dates that go down, an
 * infinite date, a span that is zero or has a negative field, or a span
 * that changes within a partition are errors.  State lives in partition
 * local memory.
 */
PG_FUNCTION_INFO_V1(tpi_sessions_in_window);
Datum
tpi_sessions_in_window(PG_FUNCTION_ARGS)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	SessionWindowState *st;
	Datum		arg;
	bool		isnull;
	DateADT		d;
	int64		cur;
	int64		count;

	st = (SessionWindowState *)
		WinGetPartitionLocalMemory(winobj, sizeof(SessionWindowState));
	if (!st->initialized)
	{
		st->span_stable = get_fn_expr_arg_stable(fcinfo->flinfo, 1);
		read_span(winobj, st);
		st->initialized = true;
	}
	else if (!st->span_stable)
		read_span(winobj, st);

	arg = WinGetFuncArgCurrent(winobj, 0, &isnull);
	if (isnull || st->span_null)
		PG_RETURN_NULL();
	d = DatumGetDateADT(arg);
	if (DATE_NOT_FINITE(d))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("date of service cannot be infinite"),
				 errhint("Leave infinite dates out, e.g. WHERE isfinite(date_of_service).")));

	if (st->has_last)
	{
		if (d == st->last_date)
			PG_RETURN_INT32(st->last_result);
		if (d < st->last_date)
		{
			char		prev[TPI_DATE_BUFLEN];
			char		now[TPI_DATE_BUFLEN];

			tpi_format_date(st->last_date, prev);
			tpi_format_date(d, now);
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("dates of service must not go down within a partition"),
					 errdetail("Date %s follows %s.", now, prev),
					 errhint("Call sessions_in_window() with OVER (PARTITION BY patient_id ORDER BY date_of_service).")));
		}
	}

	/* first row of a new date: every date up to d has now been seen */
	st->seen++;
	st->last_date = d;
	st->has_last = true;

	cur = WinGetCurrentPosition(winobj);
	advance_trail(winobj, st, cur, tpi_window_floor(d, &st->span));

	count = st->seen - st->dropped;
	Assert(count >= 1);
	if (count > PG_INT32_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("sessions_in_window count out of range")));
	st->last_result = (int32) count;
	PG_RETURN_INT32(st->last_result);
}
