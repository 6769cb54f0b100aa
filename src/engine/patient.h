/*
 * patient.h
 *		The per-patient rule engine: every rule (line, day, frequency) over
 *		one patient's claim lines, with each finding tied to its line by the
 *		line's index in the caller's array.  audit(), audit_patient() and
 *		the guard triggers all run the rules through here, so "the findings
 *		of a patient" is one algorithm.
 *
 * Two ways in:
 * - tpi_check_patient(): all of a patient's lines at once, in any order.
 * - tpi_patient_begin() then tpi_patient_day() once per date, in date
 *   order, for callers that read a patient's lines sorted by date and want
 *   memory bounded by one date's lines (audit() on a placeholder patient
 *   with millions of lines).  tpi_check_patient() is exactly this over its
 *   lines sorted by date.
 *
 * Findings come out in audit()'s order: by their line's key (date of
 * service, claim_id, line_no; NULLs last), then rule_id, then message.
 */
#ifndef TPI_PATIENT_H
#define TPI_PATIENT_H

#include "rules.h"
#include "frequency.h"

/*
 * A finding and the line it is on: f as the rule made it (f.claim_id and
 * f.line_no are that line's), line its index into the caller's array.
 * A day or frequency rule names a line by its key; when several of the
 * patient's lines share a key, the finding goes to the first of them in
 * the caller's order.
 */
typedef struct PatientFinding
{
	TpiFinding	f;
	int			line;
} PatientFinding;

typedef struct PatientFindings
{
	PatientFinding *items;
	int			n;
	int			cap;
} PatientFindings;

/* The state of one patient between tpi_patient_day() calls. */
typedef struct PatientCheck
{
	bool		lines_only;		/* no patient: line rules only */
	bool		started;		/* a dated day has been checked */
	DateADT		last_date;		/* of the last dated day */
	FreqHistory *freq;			/* the patient's sessions so far */
	const bool *line_rules;		/* by PatientFinding.line: whose line rules
								 * run (NULL: every reported line's) */
} PatientCheck;

/* Starts empty; findings are appended, in the current memory context. */
extern void tpi_patient_findings_init(PatientFindings *out);

/*
 * Checks lines[0..nlines) of one patient, all of them (NULL entries are
 * skipped).  report[i] false makes line i context for the frequency rules
 * only: no line or day rules, no findings on it (report NULL: every line
 * is reported); lines of one date are reported all or none.  Lines whose
 * patient_id is NULL belong to no patient: they get the line rules only,
 * each on its own.  line_rules[i] false (line_rules non-NULL) skips the
 * line rules of line i: a caller that wants line findings only for some
 * lines (the guard: the new rows') need not make the others'.  Findings
 * are appended to out in audit()'s order, with PatientFinding.line an
 * index into lines.  Memory: the current context.
 */
extern void tpi_check_patient(ClaimLine *const *lines, const bool *report,
							  const bool *line_rules, int nlines,
							  PatientFindings *out);

/*
 * Starts a patient (lines_only: lines without a patient, line rules only).
 * The patient's session history is allocated in the current memory
 * context, which must live until the patient's last tpi_patient_day().
 */
extern void tpi_patient_begin(PatientCheck *pc, bool lines_only);

/*
 * Checks the lines of one date of service (or the lines with a NULL date,
 * which get line rules only and must come last): lines[0..nlines) all have
 * that date, and dates come in ascending order (an ERROR otherwise).
 * ids[i] is what PatientFinding.line says for lines[i] (ids NULL: i);
 * report as for tpi_check_patient().  Findings of the date are appended
 * to out in audit()'s order; scratch memory is the current context, which
 * the caller may reset once it has used out.
 */
extern void tpi_patient_day(PatientCheck *pc, ClaimLine *const *lines,
							const bool *report, const int *ids, int nlines,
							PatientFindings *out);

#endif							/* TPI_PATIENT_H */
