/*
 * frequency.h
 *		The frequency rules (freq.rolling_cap, freq.min_interval) as the
 *		engine runs them: a patient's sessions fed one date at a time, in
 *		date order, to a history that judges each new session against the
 *		earlier ones.  tpi_check_frequency() (tpi_rules.h) sorts a whole
 *		patient's lines and feeds them the same way; audit() and the per-
 *		patient engine (patient.c) feed a day as it comes, so a patient with
 *		millions of lines needs no more than its sessions in memory.
 */
#ifndef TPI_FREQUENCY_H
#define TPI_FREQUENCY_H

#include "rules.h"

typedef struct FreqHistory FreqHistory;

/* An empty history in the current memory context. */
extern FreqHistory *tpi_freq_history_create(void);

/*
 * Adds the TPI lines of one date (every lines[i].dos equal, and later than
 * the date of any earlier call) as one session, and appends to fl the
 * findings of that session: each finding names the session's first
 * reported line (claim_id, line_no order) of the payer whose policy it
 * breaks.  lines is sorted in place.  Lines whose dates cannot be placed in
 * a window (see frequency.c) are not sessions and are ignored.
 */
extern void tpi_freq_add_day(FreqHistory *h, FreqLine *lines, int nlines,
							 FindingList *fl);

/* The policy a session of payer_id on dos is judged by (NULL: unknown). */
extern const PayerPolicy *tpi_freq_policy(const char *payer_id, DateADT dos);

/*
 * The first date x whose rolling window (x - span, x] no longer contains
 * date e.
 */
extern DateADT tpi_first_date_past(DateADT e, const Interval *span);

#endif							/* TPI_FREQUENCY_H */
