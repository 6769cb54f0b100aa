/*
 * guard.h
 *		Private interface of the guard triggers.  Files, each using only
 *		those listed before it:
 *		  guard_cache.c	   per-table cache, reading a patient's lines, locks
 *		  frames.c		   which statement is running (executor hooks)
 *		  walk.c		   many patients' lines in one pass of the index
 *		  line_cache.c	   the row trigger's copy of a patient's lines
 *		  finding_log_exec.c  its fast path: the executor's insert
 *		  finding_log.c	   writing tpi_rules.finding_log
 *		  reject.c		   the rejection message
 *		  pending.c		   curable findings waiting for the end of the
 *						   transaction
 *		  attribution.c	   which findings a new row causes
 *		  guard.c		   start-up (tpi_guard_init), trigger arguments
 *		  trigger.c		   the row trigger tpi_rules.guard()
 *		  trigger_statement.c  tpi_rules.guard_statement()
 *		See trigger.c for how the guard works.
 */
#ifndef TPI_GUARD_H
#define TPI_GUARD_H

#include "tpi_rules.h"

#include "commands/trigger.h"
#include "executor/spi.h"
#include "lib/stringinfo.h"
#include "utils/rel.h"

/* Positions in tpi_claim_column_names (SPEC section 3 order). */
#define GC_PATIENT_ID	2
#define GC_DOS			5
#define GC_HCPCS		6

/*
 * The frequency rules look back at most the payer's cap window or minimum
 * interval; the lines read around a new TPI line's date cover at least
 * two years.
 */
#define GUARD_MIN_WINDOW_DAYS 731

typedef enum GuardMode
{
	GUARD_REJECT,
	GUARD_FLAG
} GuardMode;

#define ROW_EXAMPLE "CREATE TRIGGER %s BEFORE INSERT OR UPDATE ON %s FOR EACH ROW EXECUTE FUNCTION tpi_rules.guard('reject');"
#define STATEMENT_EXAMPLE "CREATE TRIGGER %s AFTER INSERT ON %s REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tpi_rules.guard_statement('reject');"

/* ------------------------------------------------------------------------
 * Line keys: a finding names its line by claim_id and line_no
 * ------------------------------------------------------------------------
 */
static inline bool
tpi_guard_same_key(const char *c1, int16 l1, bool n1,
				   const char *c2, int16 l2, bool n2)
{
	if ((c1 == NULL) != (c2 == NULL))
		return false;
	if (c1 && strcmp(c1, c2) != 0)
		return false;
	if (n1 != n2)
		return false;
	return n1 || l1 == l2;
}

static inline bool
tpi_guard_finding_on_line(const TpiFinding *f, const ClaimLine *l)
{
	return f->claim_id != NULL &&
		tpi_guard_same_key(f->claim_id, f->line_no, f->line_no_null,
						   l->claim_id, l->line_no, l->line_no_null);
}

/* The same rule on the same line is among fl's findings. */
static inline bool
tpi_guard_finding_in(const FindingList *fl, const TpiFinding *f)
{
	int			i;

	for (i = 0; i < fl->n; i++)
		if (strcmp(fl->items[i].rule_id, f->rule_id) == 0 &&
			tpi_guard_same_key(fl->items[i].claim_id, fl->items[i].line_no,
							   fl->items[i].line_no_null,
							   f->claim_id, f->line_no, f->line_no_null))
			return true;
	return false;
}

/* "C7/2", "?" for a NULL part: how messages name a line */
static inline char *
tpi_guard_line_key(const char *claim_id, int16 line_no, bool line_no_null)
{
	if (line_no_null)
		return psprintf("%s/?", claim_id ? claim_id : "?");
	return psprintf("%s/%d", claim_id ? claim_id : "?", line_no);
}

/* The key of the line f is on when that is not row, else NULL. */
static inline char *
tpi_guard_other_line(const TpiFinding *f, const ClaimLine *row)
{
	if (f->claim_id && !tpi_guard_finding_on_line(f, row))
		return tpi_guard_line_key(f->claim_id, f->line_no, f->line_no_null);
	return NULL;
}

static inline SPIPlanPtr
tpi_guard_prepare_kept(const char *sql, int nargs, Oid *argtypes)
{
	SPIPlanPtr	plan = SPI_prepare(sql, nargs, argtypes);

	if (plan == NULL)
		elog(ERROR, "tpi_rules.guard: SPI_prepare failed: %s",
			 SPI_result_code_string(SPI_result));
	if (SPI_keepplan(plan) != 0)
		elog(ERROR, "tpi_rules.guard: SPI_keepplan failed");
	return plan;
}

/* ------------------------------------------------------------------------
 * guard_cache.c
 * ------------------------------------------------------------------------
 */
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
	Oid		   *ancestors;		/* a partition's, nearest first */
	int			nancestors;
	Oid			owner;			/* the root's owner: reads run as it */
	char	   *table_name;		/* quoted, schema-qualified root */
	ClaimColumns cols;			/* of the trigger's relation */
	ClaimColumns scan_cols;		/* of scan_plan's result */
	Oid			patient_type;
	SPIPlanPtr	scan_plan;		/* lines of patient $1 with dos in [$2, $3] */
	/* the (patient_id, date_of_service) btree index, read directly */
	Oid			index_oid;		/* InvalidOid: use scan_plan */
	RegProcedure patient_eq;
	RegProcedure patient_ge;
	RegProcedure dos_ge;
	RegProcedure dos_le;
	Oid			patient_coll;
	uint64		escalated_xact; /* transaction serial when the table is
								 * locked */
	SubTransactionId escalated_subid;	/* ... in which subtransaction */
} GuardEntry;

/* A patient's lines as read from the table. */
typedef struct PatientLines
{
	ClaimLine **lines;
	int			n;
	int			cap;
} PatientLines;

/* Which of the patient's lines in the window the rules need. */
typedef struct LineFilter
{
	const DateADT *days;		/* every line on these dates */
	int			ndays;
	bool		tpi;			/* and every TPI line */
} LineFilter;

extern void tpi_guard_cache_init(void);
extern GuardEntry *tpi_guard_entry(Relation rel, Oid tgoid);
extern void tpi_guard_lock_patient(GuardEntry *e, const char *patient_id);
extern int	tpi_guard_window_days(const ClaimLine *l);
extern DateADT tpi_guard_date_plus(DateADT d, int64 days);
extern void tpi_guard_read_lines(GuardEntry *e, Relation rel, Datum patient,
								 ItemPointer skip, DateADT lo, DateADT hi,
								 const LineFilter *lf, PatientLines *pl);
extern void tpi_guard_lines_room(PatientLines *pl);
extern void tpi_guard_add_line(PatientLines *pl, HeapTuple tup, TupleDesc desc,
							   const ClaimColumns *cols, const LineFilter *lf);

/* The filter keeps every line of a date of service (NULL: every date). */
static inline bool
tpi_guard_date_wanted(const LineFilter *lf, bool dos_null, DateADT dos)
{
	int			i;

	if (lf == NULL)
		return true;
	for (i = 0; !dos_null && i < lf->ndays; i++)
		if (dos == lf->days[i])
			return true;
	return false;
}

/* The filter keeps line l (of the date range read); NULL keeps all. */
static inline bool
tpi_guard_line_wanted(const LineFilter *lf, const ClaimLine *l)
{
	return tpi_guard_date_wanted(lf, l->dos_null, l->date_of_service) ||
		(lf->tpi && tpi_is_tpi_code(l->hcpcs));
}

/* ------------------------------------------------------------------------
 * frames.c, walk.c, line_cache.c
 * ------------------------------------------------------------------------
 */
typedef void (*TpiFrameEnd) (uint64 serial, bool failed);
typedef void (*TpiFrameFinish) (uint64 serial);
extern void tpi_guard_frames_init(void);
extern void tpi_guard_frames_on_end(TpiFrameEnd callback);
extern void tpi_guard_frames_on_finish(TpiFrameFinish callback);
extern uint64 tpi_guard_frame_serial(void);
extern uint64 tpi_guard_insert_frame(Oid relid);
extern uint64 tpi_guard_frames_pushed(void);

/* What the running statement does with a row its BEFORE INSERT trigger sees */
typedef enum TpiInsertKind
{
	TPI_INSERT_NEW,				/* stored, or the statement fails */
	TPI_INSERT_UPSERT,			/* ON CONFLICT: stored unless it conflicts */
	TPI_INSERT_MOVES			/* an UPDATE moving its row to another partition */
} TpiInsertKind;
extern TpiInsertKind tpi_guard_insert_kind(Relation rel, const Trigger *trigger);
extern bool tpi_guard_insert_conflicts(Relation rel, HeapTuple tup);

/* walk.c: many patients' lines in one pass of the index */
typedef struct GuardWalk GuardWalk;
extern GuardWalk *tpi_guard_walk_begin(GuardEntry *e, Relation rel);
extern void tpi_guard_walk_read(GuardWalk *w, const char *patient_id,
								DateADT lo, DateADT hi, const LineFilter *lf,
								PatientLines *pl);
extern void tpi_guard_walk_end(GuardWalk *w);

extern void tpi_guard_line_cache_init(void);

extern bool tpi_guard_line_cache_begin(GuardEntry *e, Relation rel,
									   TriggerData *td);
extern void tpi_guard_line_cache_read(GuardEntry *e, Relation rel,
									  Datum patient, const char *patient_id,
									  DateADT d, DateADT lo, DateADT hi,
									  const LineFilter *lf, PatientLines *pl);
extern void tpi_guard_line_cache_end(const ClaimLine *nl);

/* ------------------------------------------------------------------------
 * finding_log.c
 * ------------------------------------------------------------------------
 */
/*
 * A finding_log row: id, and ctid to delete it without an index; or, while
 * the row trigger holds the row for its statement, the holding and the
 * row's position there.
 */
typedef struct LogRef
{
	int64		id;
	ItemPointerData tid;		/* invalid: no row to delete */
	uint64		held;			/* the holding (see finding_log.c), or 0 */
	int			pos;
} LogRef;

/* log rows written at a time by a statement's guard, at most */
#define GUARD_LOG_BATCH 10000

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

extern void tpi_guard_log_init(void);
extern void tpi_guard_log_add(LogBatch *b, const ClaimLine *row,
							  const TpiFinding *f, const char *other_line);
extern void tpi_guard_log_write(LogBatch *b, const char *table_name,
								LogRef *refs);
extern void tpi_guard_log_delete(const LogRef *log);
extern bool tpi_guard_log_may_hold(void);
extern uint64 tpi_guard_log_held_frame(void);
extern LogBatch *tpi_guard_log_hold(uint64 frame, const char *table_name,
									MemoryContext *cxt);
extern void tpi_guard_log_held_ref(LogRef *ref, int pos);
extern void tpi_guard_log_undrop(const LogRef *log);
extern LogRef *tpi_guard_log_write_held(uint64 *held);
extern void tpi_guard_log_drop_held(void);

/* finding_log_exec.c: the fast paths of finding_log.c's writes */
extern void tpi_guard_log_exec_init(void);
extern void tpi_guard_log_exec_invalidate(void);
extern bool tpi_guard_log_exec(LogBatch *b, const char *table_name,
							   LogRef *refs, Oid relid);
extern bool tpi_guard_log_exec_delete(const LogRef *log, Oid relid);

/* ------------------------------------------------------------------------
 * reject.c: one rejection message for both triggers and for COMMIT
 * ------------------------------------------------------------------------
 */
/* A finding attributed to a new row. */
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

typedef struct RejectReport
{
	bool		at_commit;		/* curable findings checked at COMMIT */
	MemoryContext cxt;			/* of the strings (the caller's at init) */
	StringInfoData ids;			/* the error rules, each once */
	int			nrules;
	const char *first_rule;		/* whose fix the hint gives */
	StringInfoData rows;		/* keys of the rows with errors, each once */
	int			nrows;
	StringInfoData detail;		/* findings of the first rows listed */
	StringInfoData first;		/* those of the first row, without its key */
	int			nlisted;		/* rows in detail */
	int			nmore;			/* rows with findings not listed */
} RejectReport;

extern void tpi_guard_attribute(AttrList *al, TpiFinding *f, bool curable);
extern bool tpi_guard_rejects(const AttrList *al);
extern void tpi_guard_report_init(RejectReport *r, bool at_commit);
extern void tpi_guard_report_row(RejectReport *r, const ClaimLine *row,
								 const AttrList *al);
extern void tpi_guard_report_raise(RejectReport *r, const char *nspname,
								   const char *relname) pg_attribute_noreturn();

/* ------------------------------------------------------------------------
 * pending.c: curable findings, checked at the end of the transaction
 * ------------------------------------------------------------------------
 */
extern void tpi_guard_pending_init(void);
extern bool tpi_guard_has_pending(void);
extern void tpi_guard_cure_pending(GuardEntry *e, const char *patient_id,
								   DateADT dos, const FindingList *day);
extern void tpi_guard_cure_line(GuardEntry *e, const ClaimLine *ol);
extern uint64 tpi_guard_pending_mark(void);
extern void tpi_guard_pending_logged(uint64 held, const LogRef *refs,
									 uint64 mark);
extern void tpi_guard_add_pending(GuardEntry *e, Relation rel, GuardMode mode,
								  const ClaimLine *row, const TpiFinding *f,
								  const LogRef *log, const struct AttrList *row_found);

/* ------------------------------------------------------------------------
 * attribution.c
 * ------------------------------------------------------------------------
 */
/* A new row: its key and the findings attributed to it. */
typedef struct GuardRow
{
	ClaimLine	key;			/* the row trigger's: the whole line; the
								 * statement's: its key columns
								 * (tpi_claim_key_from_values) */
	bool		is_tpi;
	int			window;			/* TPI rows: tpi_guard_window_days() */
	AttrList	found;
} GuardRow;

extern void tpi_guard_new_row(GuardRow *r, const ClaimLine *line);
extern void tpi_guard_check_patient(GuardEntry *e, Relation rel, Datum patient,
									GuardRow *rows, const int *idx, int n,
									ClaimLine *old, int nold, bool written,
									ItemPointer skip, bool cached,
									GuardWalk *walk);

/* ------------------------------------------------------------------------
 * guard.c
 * ------------------------------------------------------------------------
 */
extern void tpi_guard_init(void);
extern GuardMode tpi_guard_parse_mode(TriggerData *td, const char *fn,
									  const char *example);

/*
 * Where the rows' findings go: the rejection (reject mode) or the log
 * (flag mode), and the pending list for curable findings.
 */
typedef struct GuardSink
{
	GuardEntry *e;
	Relation	rel;
	GuardMode	mode;
	RejectReport report;		/* reject mode */
	LogBatch	log;			/* flag mode: the findings to write */
	/* the curable ones among them: row, finding, position in log */
	const ClaimLine **crow;
	TpiFinding *cf;
	int		   *cpos;
	int			ncurable;
	int			ccap;
	MemoryContext cxt;			/* the batches */
	bool		own_cxt;		/* cxt is emptied by each write */
} GuardSink;

extern void tpi_guard_sink_init(GuardSink *s, GuardEntry *e, Relation rel,
								GuardMode mode, bool own_cxt);
extern void tpi_guard_sink_row(GuardSink *s, const GuardRow *row);
extern int	tpi_guard_sink_size(const GuardSink *s);
extern void tpi_guard_sink_write(GuardSink *s);
extern void tpi_guard_sink_end(GuardSink *s);
extern bool tpi_guard_sink_hold(GuardEntry *e, Relation rel, const GuardRow *row);

#endif							/* TPI_GUARD_H */
