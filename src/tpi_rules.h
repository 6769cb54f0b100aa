/*
 * tpi_rules.h
 *		What every stage of tpi_rules shares: the server headers they all
 *		use (through compat.h), the region table, severities and the rule
 *		registry.
 *
 * Each stage has headers of its own, and dependencies point one way:
 *
 *		src/			this header, compat.h, window.h (date arithmetic
 *						and the dates, counts and intervals of messages)
 *		src/parse/		plain-C readers (muscle_parse.h, csv.h, note.h,
 *						x12_837p.h): no server headers, no other stage
 *		src/refdata/	refdata.h: reference caches, payer policies,
 *						ICD-10, injectates, muscles, payment
 *		src/engine/		claim.h (the claim line, code classes),
 *						findings.h (findings and their messages),
 *						rules.h (the line, day and frequency rules),
 *						aggstate.h (aggregate-state plumbing)
 *		src/fn/, src/guard/	SQL entry points and the guard, over all
 *						of the above
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

/*
 * s[0..len), spaces around it aside, is word but for ASCII case: how an
 * analyst's ' Cervical', 'MEDICARE' or 'Ultrasound ' meets the name the
 * extension keeps.
 */
static inline bool
tpi_same_word(const char *s, size_t len, const char *word)
{
	while (len > 0 && *s == ' ')
		s++, len--;
	while (len > 0 && s[len - 1] == ' ')
		len--;
	return len > 0 && strlen(word) == len && pg_strncasecmp(s, word, len) == 0;
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

/* ------------------------------------------------------------------------
 * Severities and the rule registry (src/engine/rules.def): every rule
 * once, with its id, default severity and flags; the catalogue's shipped
 * rows are generated from the same file.  findings.c defines the tables.
 * ------------------------------------------------------------------------
 */
typedef enum TpiSeverity
{
	TPI_INFO = 0,
	TPI_WARNING = 1,
	TPI_ERROR = 2
} TpiSeverity;

extern const char *tpi_severity_name(TpiSeverity sev);

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
/* The same, or -1 for an id the registry does not have (user input). */
extern int	tpi_rule_find(const char *rule_id);

/*
 * A file that includes only this header (src/guard/, the muscle files,
 * fn/read_note.c, fn/read_837p.c) still gets every subsystem's
 * declarations: reached other than through a subsystem header, this header
 * brings them all in.  A file that includes the subsystem headers it uses
 * first gets only those and what they build on.
 */
#if !defined(TPI_WINDOW_H) && !defined(TPI_REFDATA_H) && \
	!defined(TPI_CLAIM_H) && !defined(TPI_FINDINGS_H) && \
	!defined(TPI_ENGINE_RULES_H)
#include "refdata.h"
#include "claim.h"
#include "findings.h"
#include "rules.h"
#endif

#endif							/* TPI_RULES_H */
