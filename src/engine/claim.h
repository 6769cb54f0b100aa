/*
 * claim.h
 *		The claim line as the rules see it (claim.c decodes it from any row
 *		with the claim_line column names) and the classes of its codes and
 *		modifiers (codes.c).  Builds on tpi_rules.h only.
 */
#ifndef TPI_CLAIM_H
#define TPI_CLAIM_H

#include "tpi_rules.h"

/* ------------------------------------------------------------------------
 * The claim line (SPEC section 3) as C values.  Strings are palloc'd
 * NUL-terminated copies (NULL when SQL NULL).  Arrays are flattened to
 * C string vectors; a NULL element is a NULL pointer in the vector.
 * ------------------------------------------------------------------------
 */
/* tpi_claim_copy() copies every pointer below: a new one goes there too. */
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
	char	   *ndc;			/* of a drug line (837P LIN03) */

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
#define TPI_NCOLS 22
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
/* A line whose every column is NULL, as a decoder starts it. */
extern void tpi_claim_init(ClaimLine *line);

/*
 * Only the key columns (claim_id, line_no, patient_id, payer_id,
 * provider_npi, date_of_service, hcpcs); the others read as NULL.
 */
extern void tpi_claim_key_from_values(const Datum *values, const bool *nulls,
									  const ClaimColumns *cols, ClaimLine *line,
									  TpiArena *arena);
extern void tpi_claim_from_datum(Datum composite, ClaimLine *line);
extern void tpi_claim_copy(const ClaimLine *src, ClaimLine *dst);

/*
 * The order of lines and findings by their line's key, as ORDER BY
 * claim_id, line_no sorts them: NULLs last.  Strings may be shared (equal
 * pointers compare equal without strcmp).
 */
extern int	tpi_nullable_strcmp(const char *a, const char *b);
extern int	tpi_line_key_cmp(const char *c1, int16 l1, bool n1,
							 const char *c2, int16 l2, bool n2);

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

#endif							/* TPI_CLAIM_H */
