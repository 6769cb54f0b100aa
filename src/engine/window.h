/*
 * window.h
 *		Rolling-window date arithmetic (window_dates.c) shared by the
 *		frequency rules (frequency.c), next_eligible_date and the
 *		sessions_in_window window function (fn/window.c).
 *
 * All of it follows PostgreSQL's own date +/- interval (months first, with
 * the day clamped to the end of a shorter month, then days, then time), so
 * the window function, the aggregate and a plain SQL oracle such as
 * "d2 > d - interval '12 months'" always agree.
 */
#ifndef TPI_WINDOW_H
#define TPI_WINDOW_H

#include "tpi_rules.h"

#include "lib/stringinfo.h"

/* ISO "YYYY-MM-DD" (BC dates get " BC") plus NUL: whatever DateStyle says. */
#define TPI_DATE_BUFLEN 32

/*
 * The last date before the rolling window (d - span, d]: a date x is in the
 * window when tpi_window_floor(d, span) < x <= d.  A result outside the
 * timestamp range (an infinite d, a span of 100000 years) is an ERROR with
 * SQLSTATE 22023 naming the date and the span; so for tpi_date_after().
 */
extern DateADT tpi_window_floor(DateADT d, const Interval *span);

/* The first date x on or after p + span (x at midnight >= p + span). */
extern DateADT tpi_date_after(DateADT p, const Interval *span);

extern void tpi_format_date(DateADT d, char *buf);
extern void tpi_append_date(StringInfo buf, DateADT d);
extern void tpi_append_int(StringInfo buf, int64 n);

/* "12 months", "90 days", "6 weeks", "1 year": for messages. */
extern void tpi_append_interval(StringInfo buf, const Interval *span);

#endif							/* TPI_WINDOW_H */
