/*
 * messages.c
 *		How findings read and are ordered: the line reference every message
 *		starts with ("Line 2 of claim C100: ..."), user text clipped for
 *		quoting, ISO dates whatever DateStyle, class lists, the finding of
 *		a line (tpi_add_line_finding, under the line's payer's rule
 *		settings) and the findings' sort order.  Shared by the line, day and
 *		frequency rules, audit() and the guard.
 */
#include "findings.h"
#include "refdata.h"
#include "window.h"

#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/datetime.h"

/* Longest piece of user text quoted in a message, in bytes. */
#define SHOW_MAX 60

char *
tpi_show_text(const char *s)
{
	int			len;
	int			clip;

	if (s == NULL)
		return pstrdup("NULL");
	len = strlen(s);
	if (len <= SHOW_MAX)
		return pstrdup(s);
	clip = pg_mbcliplen(s, len, SHOW_MAX);
	return psprintf("%.*s...", clip, s);
}

char *
tpi_date_text(DateADT d)
{
	int			y,
				m,
				day;

	static DateADT lo = 0,
				hi = -1;

	if (DATE_IS_NOBEGIN(d))
		return pstrdup("-infinity");
	if (DATE_IS_NOEND(d))
		return pstrdup("infinity");
	if (hi < lo)
	{
		lo = date2j(1000, 1, 1) - POSTGRES_EPOCH_JDATE;
		hi = date2j(9999, 12, 31) - POSTGRES_EPOCH_JDATE;
	}
	if (d >= lo && d <= hi)
	{
		/* years 1000-9999 print the same either way, without printf */
		char	   *buf = palloc(TPI_DATE_BUFLEN);

		tpi_format_date(d, buf);
		return buf;
	}
	j2date(d + POSTGRES_EPOCH_JDATE, &y, &m, &day);
	if (y <= 0)
		return psprintf("%04d-%02d-%02d BC", -y + 1, m, day);
	return psprintf("%04d-%02d-%02d", y, m, day);
}

bool
tpi_dos_in_range(DateADT d)
{
	static bool ready = false;
	static DateADT lo,
				hi;

	if (!ready)
	{
		lo = date2j(2000, 1, 1) - POSTGRES_EPOCH_JDATE;
		hi = date2j(2099, 12, 31) - POSTGRES_EPOCH_JDATE;
		ready = true;
	}
	return !DATE_NOT_FINITE(d) && d >= lo && d <= hi;
}

/* tpi_show_text(s), appended to buf. */
static void
append_shown_text(StringInfo buf, const char *s)
{
	int			len;

	if (s == NULL)
	{
		tpi_append_literal(buf, "NULL");
		return;
	}
	len = strlen(s);
	if (len <= SHOW_MAX)
		tpi_append_bytes(buf, s, len);
	else
	{
		tpi_append_bytes(buf, s, pg_mbcliplen(s, len, SHOW_MAX));
		tpi_append_literal(buf, "...");
	}
}

static void
append_int32(StringInfo buf, int32 v)
{
	char		tmp[12];

	tpi_append_bytes(buf, tmp, pg_ltoa(v, tmp));
}

/*
 * How messages name a line ("Line 2 of claim C100", capitalised or not),
 * appended to buf: by its key, so that a frequency finding, which knows
 * only its session's first line's key, names it as every rule does.
 */
void
tpi_append_line_ref(StringInfo buf, const char *claim_id, int16 line_no,
					bool line_no_null, bool capital)
{
	int			claimlen;

	if (claim_id && !line_no_null &&
		(claimlen = strlen(claim_id)) <= SHOW_MAX)
	{
		/* the usual case, written in place once there is room for it all */
		char	   *p;

		if (buf->len + claimlen + 32 >= buf->maxlen)
			enlargeStringInfo(buf, claimlen + 32);
		p = buf->data + buf->len;
		memcpy(p, capital ? "Line " : "line ", 5);
		p += 5;
		p += pg_ltoa(line_no, p);
		memcpy(p, " of claim ", 10);
		p += 10;
		memcpy(p, claim_id, claimlen);
		p += claimlen;
		*p = '\0';
		buf->len = p - buf->data;
	}
	else if (claim_id && !line_no_null)
	{
		if (capital)
			tpi_append_literal(buf, "Line ");
		else
			tpi_append_literal(buf, "line ");
		append_int32(buf, line_no);
		tpi_append_literal(buf, " of claim ");
		append_shown_text(buf, claim_id);
	}
	else if (claim_id)
	{
		tpi_append_str(buf, capital ? "The line with no line_no on claim " :
					   "the line with no line_no on claim ");
		append_shown_text(buf, claim_id);
	}
	else if (!line_no_null)
	{
		tpi_append_str(buf, capital ? "Line " : "line ");
		append_int32(buf, line_no);
		tpi_append_literal(buf, " of a claim with no claim_id");
	}
	else
		tpi_append_str(buf, capital ? "A line with no claim_id or line_no" :
					   "a line with no claim_id or line_no");
}

/*
 * The message is the line's reference, ": " and the formatted text, after
 * room for a text header (tpi_init_message).  The finding's copy of the
 * claim_id goes into the same block, after the message's NUL: one
 * allocation per finding.
 */
void
tpi_add_line_finding(FindingList *fl, const char *rule_id,
					 const ClaimLine *line, const char *fmt,...)
{
	StringInfoData buf;
	va_list		args;
	int			msglen;
	TpiFinding *f;
	TpiSeverity sev;
	int			rule;

	/* the line's payer may have the rule switched off (SPEC section 13) */
	rule = tpi_rule_index(rule_id);
	/* the registry's note rules are never checked without note data */
	Assert(!(tpi_rule_defs[rule].flags & TPI_RULE_NOTE) || tpi_line_has_note(line));
	if (!tpi_rule_effective(rule, line->payer_id, &sev))
		return;
	tpi_init_message(&buf);
	tpi_append_line_ref(&buf, line->claim_id, line->line_no,
						line->line_no_null, true);
	tpi_append_literal(&buf, ": ");
	va_start(args, fmt);
	tpi_append_format(&buf, fmt, args);
	va_end(args);
	msglen = buf.len;
	if (line->claim_id)
	{
		/* past the message's NUL */
		buf.len++;
		tpi_append_str(&buf, line->claim_id);
	}

	if (fl->n == fl->cap)
	{
		fl->cap *= 2;
		fl->items = repalloc(fl->items, fl->cap * sizeof(TpiFinding));
	}
	SET_VARSIZE(buf.data, msglen);
	f = &fl->items[fl->n++];
	f->rule_id = rule_id;
	f->severity = sev;
	f->message_text = (text *) buf.data;
	f->message = buf.data + VARHDRSZ;
	f->claim_id = line->claim_id ? buf.data + msglen + 1 : NULL;
	f->line_no = line->line_no;
	f->line_no_null = line->line_no_null;
}

static int
finding_cmp(const void *a, const void *b)
{
	const TpiFinding *x = a;
	const TpiFinding *y = b;
	int			c;

	if ((c = tpi_line_key_cmp(x->claim_id, x->line_no, x->line_no_null,
							  y->claim_id, y->line_no, y->line_no_null)) != 0)
		return c;
	if ((c = strcmp(x->rule_id, y->rule_id)) != 0)
		return c;
	return strcmp(x->message, y->message);
}

void
tpi_sort_findings(FindingList *fl, int from)
{
	if (fl->n - from > 1)
		qsort(fl->items + from, fl->n - from, sizeof(TpiFinding), finding_cmp);
}

/* The injectate classes of a mask, as messages list them. */
char *
tpi_injectate_class_list(uint32 mask)
{
	static const char *const names[] = {
		"local anesthetics", "corticosteroids", "saline", "other substances"
	};
	StringInfoData buf;
	int			i;
	int			n = 0,
				seen = 0;

	for (i = 0; i < lengthof(names); i++)
		if (mask & (1u << i))
			n++;
	initStringInfo(&buf);
	for (i = 0; i < lengthof(names); i++)
		if (mask & (1u << i))
		{
			if (seen > 0)
				appendStringInfoString(&buf, seen == n - 1 ? " and " : ", ");
			appendStringInfoString(&buf, names[i]);
			seen++;
		}
	return buf.data;
}
