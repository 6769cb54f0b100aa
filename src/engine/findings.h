/*
 * findings.h
 *		Findings (findings.c): the list the rules append to, under the
 *		effective rule settings; their messages (messages.c); and the
 *		tpi_rules.finding values built from them.  Builds on claim.h.
 */
#ifndef TPI_FINDINGS_H
#define TPI_FINDINGS_H

#include "tpi_rules.h"
#include "claim.h"

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
 * tpi_init_message()), the finding takes; under the rule settings of
 * payer_id (NULL: the settings for every payer).
 */
extern void tpi_add_payer_finding_buf(FindingList *fl, const char *rule_id,
									  const char *payer_id,
									  const char *claim_id, int16 line_no,
									  StringInfo msg);
/* The position of rule_id among the rule ids sorted by strcmp(). */
extern int	tpi_rule_order(const char *rule_id);
/* appendStringInfoVA(), faster for formats of only %s, %d and %%. */
extern void tpi_append_format(StringInfo buf, const char *fmt, va_list args)
			pg_attribute_printf(2, 0);

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
extern FindingOut *tpi_finding_out_cached(FunctionCallInfo fcinfo);

/* Sorts fl->items[from..] by claim_id, line_no, rule_id, message. */
extern void tpi_sort_findings(FindingList *fl, int from);

/*
 * Helpers for rule messages.  tpi_append_line_ref() names a line by its
 * key the way messages do ("Line 2 of claim C100", capitalised or not);
 * tpi_add_line_finding() adds a finding that points at the line (claim_id
 * and line_no, each NULL when the line's is), its message the line's
 * reference, ": " and the formatted text.  tpi_show_text() clips user text
 * for a message; tpi_date_text() is an ISO date whatever DateStyle.
 */
extern void tpi_append_line_ref(StringInfo buf, const char *claim_id,
								int16 line_no, bool line_no_null, bool capital);
extern void tpi_add_line_finding(FindingList *fl, const char *rule_id,
								 const ClaimLine *line,
								 const char *fmt,...) pg_attribute_printf(4, 5);
extern char *tpi_show_text(const char *s);
/*
 * An injectate class mask (refdata.h's InjectateClass bits) as messages
 * name it: "local anesthetics and corticosteroids".
 */
extern char *tpi_injectate_class_list(uint32 mask);
extern char *tpi_date_text(DateADT d);
/* A finite date of service inside 2000-01-01 .. 2099-12-31. */
extern bool tpi_dos_in_range(DateADT d);

#endif							/* TPI_FINDINGS_H */
