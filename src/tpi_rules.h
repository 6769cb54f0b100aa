/*
 * tpi_rules.h
 *		Shared declarations of the tpi_rules extension: the claim line as the
 *		rule engine sees it, findings, payer policies, the muscle summary and
 *		the reference-data caches.  Pure-C parsers have headers of their own
 *		(muscle_parse.h, csv.h) with no server dependencies.
 */
#ifndef TPI_RULES_H
#define TPI_RULES_H

#include "compat.h"

#include "access/htup.h"
#include "access/tupdesc.h"
#include "datatype/timestamp.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "utils/date.h"

/* ------------------------------------------------------------------------
 * Anatomical regions (SPEC section 4).  Bit i of a region mask is
 * tpi_region_names[i]; the names are in sort order, so walking the bits
 * from 0 up yields the sorted text[] that regions() returns.
 * ------------------------------------------------------------------------
 */
#define TPI_NREGIONS 12
extern const char *const tpi_region_names[TPI_NREGIONS];
extern int	tpi_region_index(const char *name);	/* -1 if unknown */

/* tpi_rules.c: an aggregate support function's context, or an ERROR. */
extern MemoryContext tpi_agg_context(FunctionCallInfo fcinfo, const char *fname);

/* ------------------------------------------------------------------------
 * Reference-table cache invalidation (refcache.c).  A backend cache of a
 * reference table remembers the generation it was built at and rebuilds
 * when tpi_ref_generation() of its group has moved on.  Changes by other
 * sessions and by the current one (at its next command) are both seen.
 * ------------------------------------------------------------------------
 */
typedef enum TpiRefGroup
{
	TPI_REF_MUSCLE = 0,			/* muscle */
	TPI_REF_POLICY,				/* payer_policy, covered_dx, icd10, injectate,
								 * payer_map */
	TPI_REF_PAYMENT,			/* rvu, gpci, conversion_factor */
	TPI_REF_RULE,				/* rule, rule_setting */
	TPI_REF_NGROUPS
} TpiRefGroup;

extern uint32 tpi_ref_generation(TpiRefGroup group);
/* Registers the relcache callback; _PG_init() calls it. */
extern void tpi_refcache_init(void);

/*
 * Reference caches are read as the owner of the extension's tables, so
 * every role that may EXECUTE the functions gets the same rules without
 * needing SELECT on the reference tables (dashboard roles must not read
 * them).  Connect SPI with tpi_ref_spi_connect() and finish with
 * tpi_ref_spi_finish(); an error in between restores the user on abort.
 */
typedef struct TpiRefSpi
{
	Oid			save_userid;
	int			save_sec_context;
} TpiRefSpi;

extern void tpi_ref_spi_connect(TpiRefSpi *s);
extern void tpi_ref_spi_finish(TpiRefSpi *s);

/*
 * A backend cache of reference tables starts with a TpiRefCache.
 * tpi_ref_build() replaces the cache in *slot by a new one of size bytes,
 * in a memory context of its own under CacheMemoryContext, filled by
 * load() with SPI connected as above; on an error nothing is left and the
 * error goes on.
 */
typedef struct TpiRefCache
{
	MemoryContext mcxt;			/* holds the cache and all it points to */
	uint32		generation;		/* tpi_ref_generation() it was built at */
} TpiRefCache;

extern void *tpi_ref_build(void **slot, const char *name, Size size,
						   uint32 generation, void (*load) (void *cache));
/* tpi_rules.relname exists (with column, unless NULL): 1.0 lacks some. */
extern bool tpi_ref_table_has(const char *relname, const char *column);

/* ------------------------------------------------------------------------
 * Findings
 * ------------------------------------------------------------------------
 */
typedef enum TpiSeverity
{
	TPI_INFO = 0,
	TPI_WARNING = 1,
	TPI_ERROR = 2
} TpiSeverity;

/* ------------------------------------------------------------------------
 * The rule registry (src/engine/rules.def): every rule once, with its id,
 * default severity and flags; the catalogue's shipped rows are generated
 * from the same file.
 * ------------------------------------------------------------------------
 */
#define TPI_RULE_LINE		0x01	/* checked on one line */
#define TPI_RULE_DAY		0x02	/* checked across a patient's day */
#define TPI_RULE_FREQ		0x04	/* checked across a patient's sessions */
#define TPI_RULE_NOTE		0x08	/* judges the note: off without note data */
#define TPI_RULE_CURABLE	0x10	/* a later line of the claim may satisfy it */

typedef enum TpiRule
{
#define RULE(e, id, sev, flags, title, explanation, source) e,
#include "rules.def"
#undef RULE
	TPI_NRULES
} TpiRule;

typedef struct TpiRuleDef
{
	const char *rule_id;
	TpiSeverity severity;		/* the default; tpi_rules.rule may change it */
	uint32		flags;			/* TPI_RULE_* */
} TpiRuleDef;

extern const TpiRuleDef tpi_rule_defs[TPI_NRULES];
/* The TpiRule of rule_id; ERROR for an id the registry does not have. */
extern int	tpi_rule_index(const char *rule_id);

/*
 * rule_settings.c: the effective severity of a rule for a payer (SPEC
 * section 13): a rule_setting row for the payer (the claim's payer_id, or
 * the payer_policy payer it maps to) wins over a row with NULL payer_id,
 * which wins over tpi_rules.rule.severity, which wins over the registry's
 * default.  False when the rule is switched off for the payer.  Read from
 * a backend cache rebuilt after any change to rule or rule_setting.
 * payer_id NULL: the settings for every payer.
 */
extern bool tpi_rule_effective(int rule, const char *payer_id,
							   TpiSeverity *severity);

typedef struct TpiFinding
{
	const char *rule_id;		/* static string from the rule table */
	TpiSeverity severity;
	char	   *message;
	char	   *claim_id;		/* NULL when the finding has no line */
	int16		line_no;
	bool		line_no_null;

	/*
	 * The message as a text value, when it was built with room for a
	 * varlena header just before it (see tpi_finding_text()); else NULL.
	 */
	text	   *message_text;
} TpiFinding;

/*
 * The finding's message as a text value without a copy, or NULL: only
 * while message_text's data is the message itself, so a copy of the
 * finding with a new message (pstrdup) is never misread.
 */
static inline text *
tpi_finding_text(const TpiFinding *f)
{
	if (f->message_text != NULL && VARDATA(f->message_text) == f->message)
		return f->message_text;
	return NULL;
}

typedef struct FindingList
{
	TpiFinding *items;
	int			n;
	int			cap;
} FindingList;

/*
 * findings.c.  Every finding gets its rule's effective severity
 * (tpi_rule_effective) and is dropped when the rule is switched off; the
 * functions without a payer_id apply the settings for every payer.
 */
extern void tpi_findings_init(FindingList *fl);
extern void tpi_findings_reset(FindingList *fl);
/*
 * A finding whose message, already built in msg (started with
 * tpi_init_message()), the finding takes.
 */
extern void tpi_add_finding_buf(FindingList *fl, const char *rule_id,
								const char *claim_id, int16 line_no,
								StringInfo msg);
/* The same, under the rule settings of payer_id. */
extern void tpi_add_payer_finding_buf(FindingList *fl, const char *rule_id,
									  const char *payer_id,
									  const char *claim_id, int16 line_no,
									  StringInfo msg);
/* A finding that concerns no particular line. */
extern void tpi_add_finding_noline(FindingList *fl, const char *rule_id,
								   const char *fmt,...) pg_attribute_printf(3, 4);
/* The rule's severity for every payer (catalogue and NULL-payer settings). */
extern TpiSeverity tpi_rule_severity(const char *rule_id);
/* The position of rule_id among the rule ids sorted by strcmp(). */
extern int	tpi_rule_order(const char *rule_id);
/* appendStringInfoVA(), faster for formats of only %s, %d and %%. */
extern void tpi_append_format(StringInfo buf, const char *fmt, va_list args)
			pg_attribute_printf(2, 0);

/*
 * appendBinaryStringInfo() and friends inlined, for the messages built on
 * hot paths: a literal's length is a constant and its copy a few moves.
 */
static inline void
tpi_append_bytes(StringInfo buf, const char *s, int len)
{
	if (buf->len + len >= buf->maxlen)
		enlargeStringInfo(buf, len);
	memcpy(buf->data + buf->len, s, len);
	buf->len += len;
	buf->data[buf->len] = '\0';
}

#define tpi_append_literal(buf, lit) \
	tpi_append_bytes((buf), "" lit, (int) sizeof(lit) - 1)

static inline void
tpi_append_str(StringInfo buf, const char *s)
{
	tpi_append_bytes(buf, s, (int) strlen(s));
}

/* An empty StringInfo of size bytes (initStringInfo() takes 1024). */
static inline void
tpi_init_string(StringInfo buf, int size)
{
	buf->data = palloc(size);
	buf->maxlen = size;
	buf->len = 0;
	buf->cursor = 0;
	buf->data[0] = '\0';
}

/*
 * A StringInfo for a finding's message: room for the longest messages, and
 * the first VARHDRSZ bytes reserved, so that the finding can be handed on
 * as a text value without a copy.  The message is data + VARHDRSZ.
 */
static inline void
tpi_init_message(StringInfo buf)
{
	tpi_init_string(buf, 512);
	buf->len = VARHDRSZ;
	buf->data[VARHDRSZ] = '\0';
}

extern const char *tpi_severity_name(TpiSeverity sev);

/*
 * Building tpi_rules.finding values.  A FindingOut is set up once per
 * query (in fn_extra or the SRF's per-query memory) from the finding type's
 * OID, which callers take from their own result type, so that no per-row
 * catalogue look-up is needed and a re-created extension is no problem.
 */
typedef struct FindingOut
{
	Oid			typid;			/* tpi_rules.finding */
	TupleDesc	tupdesc;		/* blessed */
	Oid			severity_typid;
	Datum		severity[3];	/* enum values info, warning, error */
	int16		typlen;
	bool		typbyval;
	char		typalign;
	/* text values of the rule ids met so far, in mcxt (ids are literals) */
	MemoryContext mcxt;
	int			nrules;
	const char *rule_ptr[32];
	Datum		rule_text[32];
} FindingOut;

extern void tpi_finding_out_init(FindingOut *fo, Oid finding_typid,
								 MemoryContext mcxt);
extern Datum tpi_finding_datum(FindingOut *fo, const TpiFinding *f);
extern Datum tpi_findings_array(FindingOut *fo, const FindingList *fl);
/* For a function returning finding[]: the finding type from its result. */
extern Oid	tpi_finding_typid_from_fcinfo(FunctionCallInfo fcinfo);
extern Oid	tpi_extension_schema(void);

/* ------------------------------------------------------------------------
 * The claim line (SPEC section 3) as C values.  Strings are palloc'd
 * NUL-terminated copies (NULL when SQL NULL).  Arrays are flattened to
 * C string vectors; a NULL element is a NULL pointer in the vector.
 * ------------------------------------------------------------------------
 */
typedef struct ClaimLine
{
	char	   *claim_id;
	int16		line_no;
	bool		line_no_null;
	bool		line_no_out_of_range;	/* not NULL, but not a smallint */
	char	   *patient_id;
	char	   *payer_id;
	char	   *provider_npi;
	DateADT		date_of_service;
	bool		dos_null;
	char	   *hcpcs;
	char	  **modifiers;
	int			nmodifiers;		/* -1: column NULL */
	int32		units;
	bool		units_null;		/* NULL reads as 1 for the rules */
	char	  **icd10;
	int			nicd10;			/* -1: column NULL */
	char	   *place_of_service;
	Datum		muscles;		/* text[] datum, or 0 when NULL */
	bool		muscles_null;
	int32		trigger_points;
	bool		trigger_points_null;
	char	   *drug_name;
	char	   *drug_dose;
	char	   *claim_note;
	int8		note_signed;	/* -1 NULL, 0 false, 1 true (same below) */
	int8		post_procedure_plan;
	int8		conservative_care;
	int8		tp_locations;
	char	   *guidance;

	/*
	 * Derived from hcpcs and modifiers when the line is decoded
	 * (tpi_claim_from_*), so that rules testing the code and modifiers of a
	 * line many times normalise them once.  A ClaimLine built by hand (and
	 * zeroed) has derived false, and the functions below compute afresh.
	 */
	bool		derived;
	char		code[6];		/* as tpi_code_classes() leaves its buf */
	uint32		code_classes;	/* TPI_CODE_* */
	uint32		mod_flags;		/* TPI_MOD_* */
} ClaimLine;

/*
 * Column positions of a tuple descriptor that carries the claim_line
 * column names (any table, view or the claim_line type itself); -1 for a
 * missing optional column.  claim.c builds it; a missing required column
 * is an ERROR that names it.
 */
#define TPI_NCOLS 21
typedef struct ClaimColumns
{
	int			attno[TPI_NCOLS];	/* 0-based index into the tupdesc, -1 absent */
	Oid			basetype[TPI_NCOLS];	/* the column's type, domains resolved */
} ClaimColumns;

extern const char *const tpi_claim_column_names[TPI_NCOLS];
extern void tpi_claim_columns(TupleDesc tupdesc, const char *relname,
							  ClaimColumns *cols);
extern void tpi_claim_from_tuple(HeapTuple tuple, TupleDesc tupdesc,
								 const ClaimColumns *cols, ClaimLine *line);
/*
 * The same from deformed values (e.g. a slot's tts_values/tts_isnull).
 * The line's strings, vectors and muscles array are carved out of arena
 * when one is given (a caller decoding many lines into one memory context
 * keeps one, emptied when the context is reset); NULL gives the line a
 * block of its own.
 */
typedef struct TpiArena
{
	char	   *next;
	char	   *end;
} TpiArena;

extern void tpi_claim_from_values(const Datum *values, const bool *nulls,
								  const ClaimColumns *cols, ClaimLine *line,
								  TpiArena *arena);
extern void tpi_claim_from_datum(Datum composite, ClaimLine *line);

/*
 * SPEC section 3, "claims without note data": a line has note data when
 * one of its documentation columns (muscles, trigger_points, drug_name,
 * drug_dose, note_signed, post_procedure_plan, conservative_care,
 * tp_locations) is not NULL; a column the relation lacks reads as NULL.
 * Without it the rules that judge the note are not applied and the line's
 * regions are unknown; with it, NULL in a column means "not documented".
 */
static inline bool
tpi_line_has_note(const ClaimLine *line)
{
	return !line->muscles_null || !line->trigger_points_null ||
		line->drug_name != NULL || line->drug_dose != NULL ||
		line->note_signed >= 0 || line->post_procedure_plan >= 0 ||
		line->conservative_care >= 0 || line->tp_locations >= 0;
}

/* ------------------------------------------------------------------------
 * Payer policy (SPEC section 7), one row of tpi_rules.payer_policy.
 * ------------------------------------------------------------------------
 */
typedef enum DrugOnClaim
{
	DRUG_ANY = 0,
	DRUG_REQUIRED,
	DRUG_BUNDLED
} DrugOnClaim;

typedef struct PayerPolicy
{
	char	   *payer_id;
	char	   *name;			/* payer_policy.name: the policy as messages
								 * cite it ("BCBSA medical policy 2.01.103") */
	DateADT		effective_from;
	DateADT		effective_to;	/* DATEVAL_NOEND when open */
	int32		max_sessions;	/* 0: no cap */
	Interval	cap_window;
	bool		cap_per_region;
	bool		has_min_interval;
	Interval	min_interval;
	bool		min_interval_per_region;
	DrugOnClaim drug_on_claim;
	uint32		covered_injectates; /* bit mask of InjectateClass; 0: any */
	bool		image_guidance_covered;
	bool		dry_needling_covered;
	bool		one_region_per_session;
	bool		other_blocks_allowed;
	char	  **covered_dx;		/* sorted, upper case, no dot */
	int			ncovered_dx;	/* 0: no diagnosis restriction */
	uint64	   *covered_dx_keys;	/* those of at most 7 bytes packed into
									 * integers (policy.c), sorted */
	int			ncovered_dx_keys;
	/* the first ten, as messages list them: "M79.10, M79.11 ..." */
	char	   *covered_dx_examples;
	/* cap_window and min_interval as messages name them ("12 months") */
	char	   *cap_window_text;
	char	   *min_interval_text;
} PayerPolicy;

typedef enum InjectateClass
{
	INJ_LOCAL_ANESTHETIC = 0,
	INJ_CORTICOSTEROID,
	INJ_SALINE,
	INJ_OTHER,
	INJ_UNKNOWN					/* not in tpi_rules.injectate */
} InjectateClass;

/*
 * policy.c: a backend cache of payer_policy, covered_dx, icd10 and
 * injectate, rebuilt after any change to those tables (relcache
 * invalidation), so each query reads them once.
 *
 * tpi_policy_for() returns the row of payer_id in effect on dos: the row
 * with the latest effective_from <= dos (and dos <= effective_to); before
 * a payer's first row, its earliest row.  An unknown payer_id gets the
 * commercial_default row, and *fallback is set.
 */
extern const PayerPolicy *tpi_policy_for(const char *payer_id, DateADT dos,
										 bool *fallback);
/*
 * The payer_policy payer_id that payer_id stands for: itself when it is a
 * policy's, else the one payer_map maps it to; NULL when neither knows it.
 */
extern const char *tpi_policy_payer_id(const char *payer_id);
/*
 * The classes of the substances named in a documented drug_name
 * ("lidocaine 1% + triamcinolone 40 mg", "Marcaine/saline"): a mask of
 * (1 << InjectateClass), with INJ_UNKNOWN set for a named substance the
 * injectate table does not know.  0 for NULL, blank or "none" words.
 */
extern uint32 tpi_injectate_classes(const char *drug_name);
/*
 * The classes of the substance a drug line's HCPCS code stands for
 * (injectate.hcpcs: J2001 lidocaine, J7050 saline ...): a mask as above,
 * 0 for a code no injectate lists.
 */
extern uint32 tpi_injectate_hcpcs_classes(const char *code);
/* A class mask as messages name it: "local anesthetics and corticosteroids". */
extern char *tpi_injectate_class_list(uint32 mask);
/* NULL, blank, or a word saying nothing was injected (none, dry needling). */
extern bool tpi_drug_is_none(const char *drug_name);
/* needle (trimmed) occurs in hay, case-insensitively. */
extern bool tpi_text_contains(const char *hay, const char *needle);
/*
 * A dose: a number (not part of a code such as J3490) followed by mg, mcg,
 * ml, cc, %, unit(s) or g as a whole word.
 */
extern bool tpi_text_has_dose(const char *s);
/* drug_name names a known injectate (used for the Box 19 check). */
extern bool tpi_text_names_injectate(const char *text);

typedef enum DxStatus
{
	DX_UNKNOWN = 0,				/* not in tpi_rules.icd10: not judged */
	DX_VALID,
	DX_NOT_BILLABLE,			/* a header code */
	DX_EXPIRED,					/* valid once, not on this date */
	DX_NOT_YET					/* not yet valid on this date */
} DxStatus;

/* Normalises (drop dot and blanks, upper case) into buf (>= 8 bytes);
 * false when it cannot be an ICD-10-CM code at all. */
extern bool tpi_dx_normalise(const char *code, char *buf, size_t buflen);
/* The same for line->icd10[i]: the normalised code in buf, or NULL. */
extern const char *tpi_line_dx(const ClaimLine *line, int i, char *buf,
							   size_t buflen);
extern DxStatus tpi_dx_status(const char *normalised, DateADT dos,
							  const char **replaced_by);
/* normalised is in the payer's covered set. */
extern bool tpi_dx_covered(const PayerPolicy *pol, const char *normalised);

/* ------------------------------------------------------------------------
 * Muscles (muscles.c over muscle_parse.c; SPEC section 4)
 * ------------------------------------------------------------------------
 */
typedef struct MuscleSummary
{
	int			count;			/* distinct muscles, SPEC section 4 */
	int			nentries;		/* non-NULL, non-blank entries */
	int			nmuscle;		/* entries of kind muscle */
	int			ngroup;			/* entries of kind group */
	int			nregion;		/* entries of kind region */
	int			nunknown;		/* entries of kind unknown */
	uint32		regions;		/* mask of regions of muscles and groups */
	char	   *first_group;	/* as documented, for messages; NULL if none */
	char	   *first_region_term;
	char	   *first_unknown;
} MuscleSummary;

/* Summarises a text[] of documented muscles; isnull means SQL NULL. */
extern void tpi_summarise_muscles(Datum muscles, bool isnull,
								  MuscleSummary *out);

/* The regions of a mask as a sorted text[] (what regions() returns). */
extern Datum tpi_region_mask_to_array(uint32 mask);
/* The mask of a text[] of region names; NULLs and unknown names ignored. */
extern uint32 tpi_regions_from_array(Datum textarray, bool isnull);

/* ------------------------------------------------------------------------
 * Payment (payment.c; SPEC section 8)
 * ------------------------------------------------------------------------
 */
/* Expected payment in cents; ERROR (22023) when reference data is missing. */
extern int64 tpi_expected_payment_cents(const char *hcpcs, DateADT dos,
										const char *pos, const char *locality);
/* Same, but returns false instead of raising when data is missing. */
extern bool tpi_try_expected_payment_cents(const char *hcpcs, DateADT dos,
										   const char *pos, const char *locality,
										   int64 *cents);
extern bool tpi_pos_is_facility(const char *pos);
/* Registers the payment cache's transaction callback; _PG_init() calls it. */
extern void tpi_payment_init(void);
extern bool tpi_pos_is_known(const char *pos);

/* ------------------------------------------------------------------------
 * Codes (codes.c): classes of CPT/HCPCS codes and modifiers the rules use.
 * A code is trimmed of blanks and compared case-insensitively; anything
 * that is not five ASCII letters or digits belongs to no class.
 * ------------------------------------------------------------------------
 */
/* Trimmed, upper-cased code into buf[6]; false when not 5 alphanumerics. */
extern bool tpi_code_normalise(const char *hcpcs, char *buf);
extern bool tpi_is_tpi_code(const char *hcpcs);	/* 20552 or 20553 */
/* Two ASCII letters or digits once trimmed. */
extern bool tpi_modifier_is_wellformed(const char *mod);

/*
 * All classes of a code at once (a bit per class above), for rules that
 * test one line many times; buf (6 bytes) receives the normalised code, or
 * "" when it is malformed (then the mask is 0).
 */
#define TPI_CODE_TPI				0x0001
#define TPI_CODE_EM					0x0002
#define TPI_CODE_JOINT				0x0004
#define TPI_CODE_GUIDANCE			0x0008
#define TPI_CODE_DRUG				0x0010
#define TPI_CODE_UNCLASSIFIED_DRUG	0x0020
#define TPI_CODE_ANESTHESIA			0x0040
#define TPI_CODE_OTHER_BLOCK		0x0080
#define TPI_CODE_DRY_NEEDLING		0x0100
#define TPI_CODE_PARTNER			0x0200
extern uint32 tpi_code_classes(const char *hcpcs, char *buf);
/* tpi_code_classes() of line->hcpcs, from the decoded line when it can. */
extern uint32 tpi_line_code_classes(const ClaimLine *line, char *buf);

/* The modifiers the rules look for, as bits. */
#define TPI_MOD_25			0x01
#define TPI_MOD_50			0x02
#define TPI_MOD_LT			0x04
#define TPI_MOD_RT			0x08
#define TPI_MOD_DISTINCT	0x10	/* 59, XS, XE, XP or XU */
extern uint32 tpi_modifier_flags(const ClaimLine *line);

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
/* Sorts fl->items[from..] by claim_id, line_no, rule_id, message. */
extern void tpi_sort_findings(FindingList *fl, int from);

/*
 * Helpers for rule messages (rules_line.c).  tpi_line_ref() names a line
 * the way messages do ("Line 2 of claim C100", capitalised or not);
 * tpi_add_line_finding() adds a finding that points at the line (claim_id
 * and line_no, each NULL when the line's is), its message the line's
 * reference, ": " and the formatted text.  tpi_show_text() clips user text
 * for a message; tpi_date_text() is an ISO date whatever DateStyle.
 */
extern char *tpi_line_ref(const ClaimLine *line, bool capital);
extern void tpi_add_line_finding(FindingList *fl, const char *rule_id,
								 const ClaimLine *line,
								 const char *fmt,...) pg_attribute_printf(4, 5);
extern char *tpi_show_text(const char *s);
extern char *tpi_date_text(DateADT d);
/* A finite date of service inside 2000-01-01 .. 2099-12-31. */
extern bool tpi_dos_in_range(DateADT d);

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
	bool		report;			/* false: context only, no findings */
} FreqLine;

extern void tpi_check_frequency(FreqLine *lines, int nlines, FindingList *fl);

#endif							/* TPI_RULES_H */
