/*
 * window.c
 *		tpi_rules.sessions_in_window(date, interval), a window function
 *		that counts a patient's distinct dates of service in a rolling
 *		window, by the date arithmetic of engine/window_dates.c.
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
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/timestamp.h"
#include "windowapi.h"

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
