/*
 * window_dates.c
 *		The rolling-window date arithmetic (window.h) that the frequency
 *		rules (frequency.c), next_eligible_date and the sessions_in_window
 *		window function (fn/window.c) share, and the date, count and
 *		interval formatting of their messages.
 */
#include "tpi_rules.h"
#include "window.h"

#include "common/int.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/timestamp.h"

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
