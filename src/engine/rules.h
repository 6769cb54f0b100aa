/*
 * rules.h
 *		The entry points of the rules: line (rules_line.c), day
 *		(rules_day.c) and frequency (frequency.c).  Builds on claim.h,
 *		findings.h and refdata.h.
 */
#ifndef TPI_ENGINE_RULES_H
#define TPI_ENGINE_RULES_H

#include "tpi_rules.h"
#include "claim.h"
#include "findings.h"
#include "refdata.h"

/* ------------------------------------------------------------------------
 * Rules (rules_line.c, rules_day.c, frequency.c)
 * ------------------------------------------------------------------------
 */

/* Line rules for one line, appended to fl. */
extern void tpi_check_line_rules(const ClaimLine *line, FindingList *fl);

/* Day rules over all lines of one patient and date of service. */
extern void tpi_check_day_rules(ClaimLine *const *lines, int nlines,
								FindingList *fl);

/*
 * The same, for callers that have already summarised the lines' muscles
 * (audit() summarises each line once for the line, day and frequency
 * rules).  A NULL summary, or a NULL summaries array, is computed here.
 * tpi_check_day_rules_ms() leaves the day's findings unsorted (audit()
 * sorts its rows itself); tpi_check_day_rules() sorts them.
 */
extern void tpi_check_line_rules_ms(const ClaimLine *line,
									const MuscleSummary *ms, FindingList *fl);
extern void tpi_check_day_rules_ms(ClaimLine *const *lines,
								   const MuscleSummary *const *summaries,
								   int nlines, FindingList *fl);

/*
 * Frequency rules over one patient's TPI sessions.  Each input is one TPI
 * line; lines on the same date form one session.  Input need not be
 * sorted.  Findings carry the claim_id/line_no of the first TPI line of
 * the offending session (NULL when the input has none).
 */
typedef struct FreqLine
{
	DateADT		dos;
	uint32		regions;		/* region mask of the line */
	const char *payer_id;
	const char *claim_id;		/* may be NULL */
	int16		line_no;
	bool		line_no_null;
	bool		no_line;		/* frequency_check's: no line to name */
	bool		report;			/* false: context only, no findings */
} FreqLine;

extern void tpi_check_frequency(FreqLine *lines, int nlines, FindingList *fl);

#endif							/* TPI_ENGINE_RULES_H */
