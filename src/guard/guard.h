/*
 * guard.h
 *		Private interface of the guard triggers: trigger.c (the row trigger
 *		tpi_rules.guard()), trigger_statement.c (tpi_rules.guard_statement()),
 *		guard_cache.c (per-table plans, reading a patient's lines, locks) and
 *		guard_findings.c (attribution, messages, deferred findings) and
 *		finding_log.c (writing the log).  See trigger.c for how the guard
 *		works.
 */
#ifndef TPI_GUARD_H
#define TPI_GUARD_H

#include "tpi_rules.h"

#include "commands/trigger.h"
#include "executor/spi.h"
#include "lib/stringinfo.h"
#include "utils/rel.h"

/* Positions in tpi_claim_column_names (SPEC section 3 order). */
#define GC_CLAIM_ID		0
#define GC_PATIENT_ID	2
#define GC_DOS			5
#define GC_HCPCS		6

/*
 * The frequency rules look back at most the payer's cap window or minimum
 * interval; the lines read around NEW's date cover at least two years.
 */
#define GUARD_MIN_WINDOW_DAYS 731

typedef enum GuardMode
{
	GUARD_REJECT,
	GUARD_FLAG
} GuardMode;

typedef struct GuardKey
{
	Oid			relid;
	Oid			tgoid;
} GuardKey;

typedef struct GuardEntry
{
	GuardKey	key;			/* hash key, must be first */
	bool		valid;			/* false after a relcache invalidation */
	MemoryContext mcxt;			/* the strings below */
	Oid			rootid;			/* partitioned root, or relid */
	Oid			owner;			/* the root's owner: reads run as it */
	char	   *table_name;		/* quoted, schema-qualified root */
	ClaimColumns cols;			/* of the trigger's relation */
	ClaimColumns scan_cols;		/* of scan_plan's result */
	Oid			patient_type;
	SPIPlanPtr	scan_plan;		/* lines of patient $1 with dos in [$2, $3] */
	/* the (patient_id, date_of_service) btree index, read directly */
	Oid			index_oid;		/* InvalidOid: use scan_plan */
	RegProcedure patient_eq;
	RegProcedure dos_ge;
	RegProcedure dos_le;
	Oid			patient_coll;
	uint64		escalated_xact; /* guard_xact_serial when the table is locked */
} GuardEntry;

/* A finding attributed to the new row. */
typedef struct Attributed
{
	TpiFinding *f;				/* with the key of the line it is on */
	bool		curable;		/* a later line may make it go away */
} Attributed;

typedef struct AttrList
{
	Attributed *items;
	int			n;
	int			cap;
} AttrList;

/* A finding_log row: id, and ctid to delete it without an index. */
typedef struct LogRef
{
	int64		id;
	ItemPointerData tid;
} LogRef;

#define ROW_EXAMPLE "CREATE TRIGGER %s BEFORE INSERT OR UPDATE ON %s FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('reject');"
#define STATEMENT_EXAMPLE "CREATE TRIGGER %s AFTER INSERT ON %s REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tpi_rules.guard_statement('reject');"

typedef struct PatientLines
{
	ClaimLine **lines;			/* the lines kept */
	int			n;
	int			cap;
	/* the row trigger's views of them */
	ClaimLine **day;			/* other lines on NEW's date */
	int			nday;
	ClaimLine **tpi;			/* other TPI lines in the window */
	int			ntpi;
} PatientLines;

/* Which of the patient's lines in the window the rules need. */
typedef struct LineFilter
{
	const DateADT *days;		/* every line on these dates */
	int			ndays;
	bool		tpi;			/* and every TPI line */
} LineFilter;

typedef struct LogBatch
{
	int			n;
	int			cap;
	Datum	   *claim_id;
	bool	   *claim_id_null;
	Datum	   *line_no;
	bool	   *line_no_null;
	Datum	   *patient_id;
	bool	   *patient_id_null;
	Datum	   *dos;
	bool	   *dos_null;
	Datum	   *rule_id;
	Datum	   *severity;		/* text */
	Datum	   *message;
	/* a row's findings come together: its key's text is made once */
	const ClaimLine *last_row;
	Datum		last_claim_id;
	Datum		last_patient_id;
} LogBatch;

/* guard_cache.c */
extern void tpi_guard_init(void);
extern GuardEntry *tpi_guard_entry(Relation rel, Oid tgoid);
extern SPIPlanPtr tpi_guard_prepare_kept(const char *sql, int nargs, Oid *argtypes);
extern void tpi_guard_lock_patient(GuardEntry *e, const char *patient_id);
extern int	tpi_guard_window_days(const ClaimLine *l);
extern DateADT tpi_guard_date_plus(DateADT d, int64 days);
extern void tpi_guard_read_lines(GuardEntry *e, Relation rel, Datum patient,
								 ItemPointer skip, DateADT lo, DateADT hi,
								 const LineFilter *lf, PatientLines *pl);
extern void tpi_guard_xact_end(void);

/* finding_log.c */
extern void tpi_guard_log_init(void);
extern void tpi_guard_log_add(LogBatch *b, const ClaimLine *row,
							  const TpiFinding *f, const char *other_line);
extern void tpi_guard_log_write(LogBatch *b, const char *table_name,
								LogRef *refs);
extern void tpi_guard_log_delete(const LogRef *log);

/* guard_findings.c */
extern void tpi_guard_deferred_init(void);
extern char *tpi_guard_line_key(const char *claim_id, int16 line_no,
								bool line_no_null);
extern bool tpi_guard_same_key(const char *c1, int16 l1, bool n1,
							   const char *c2, int16 l2, bool n2);
extern bool tpi_guard_finding_on_line(const TpiFinding *f, const ClaimLine *l);
extern bool tpi_guard_finding_in(const FindingList *fl, const TpiFinding *f);
extern bool tpi_guard_is_curable(const char *rule_id);
extern bool tpi_guard_append_unique(StringInfo list, const char *item);
extern void tpi_guard_attribute(AttrList *al, TpiFinding *f, bool curable);
extern char *tpi_guard_fix_hint(const char *rule_id, int nerrors);
extern char *tpi_guard_other_line(const TpiFinding *f, const ClaimLine *row);
extern void tpi_guard_describe(StringInfo buf, const Attributed *a,
							   const ClaimLine *nl);
extern bool tpi_guard_has_pending(void);
extern void tpi_guard_cure_pending(GuardEntry *e, const ClaimLine *nl,
								   const ClaimLine *ol, const FindingList *day);
extern void tpi_guard_add_pending(GuardEntry *e, Relation rel, GuardMode mode,
								  const ClaimLine *nl, const TpiFinding *f,
								  const LogRef *log);

/* trigger.c */
extern GuardMode tpi_guard_parse_mode(TriggerData *td, const char *fn,
									  const char *example);
extern void tpi_guard_fill_freq(FreqLine *fl, const ClaimLine *l,
								DateADT new_dos);

#endif							/* TPI_GUARD_H */
