/*
 * x12_837p.c
 *		Reader of X12 837P professional claim files (see x12_837p.h).
 *
 * An 837P interchange is a stream of segments: ISA (whose fixed layout
 * names the separators), GS, ST, then the claim loops, SE, GE, IEA.  The
 * loops are not marked in the file; they are known from the segment that
 * opens them and the qualifier in its first element (HL*..*22 opens a
 * subscriber, NM1*PR the payer, CLM a claim, LX a service line, SBR inside
 * a claim the other payers' loops of coordination of benefits).  So one
 * pass with a little state maps the file: the current billing provider,
 * subscriber, payer and patient (2000A/B/C), the current claim (2300 and
 * its 2310B rendering provider) and the current service line (2400 and
 * its 2410 drug and 2420A rendering provider).  A line is complete when the
 * next line, claim, hierarchical level or transaction trailer begins; it is
 * then handed to the callback.
 *
 * Line breaks and blanks are not data where X12 has none: after a
 * terminator, at the end of a segment, and (when the terminator is not a
 * line break) inside a segment, as in files wrapped into 80-byte records.
 *
 * What SPEC section 11 maps is checked: a date that is not a date, a
 * quantity that is not a number, an envelope of another guide or a file
 * cut short are errors naming the segment, never a guess.  Segments the
 * mapping does not use are skipped unread.
 *
 * The file may come in pieces (read_837p_file reads it a megabyte at a
 * time): a segment is read once its terminator has arrived, and every
 * value a later segment needs is copied into the reader, so memory stays
 * the same however long the file is.
 *
 * Plain C without server headers: the fuzz harness links this file alone.
 * Nothing is allocated; the cost is one memchr per segment, a split of the
 * segment into elements, and a copy of the few values the mapping keeps.
 */
#include "x12_837p.h"

#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#if defined(__GNUC__) || defined(__clang__)
#define TPI_X12_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define TPI_X12_PRINTF(f, a)
#endif

#define MAX_ELEMENTS TPI_837P_MAX_ELEMENTS
#define ISA_MAX_BYTES 256		/* 106 when every field has its fixed width */

typedef Tpi837pReader Reader;

/* Where the reader is in the envelope (Reader.env). */
enum
{
	ENV_OUTSIDE,				/* before ISA or after IEA */
	ENV_INTERCHANGE,			/* after ISA */
	ENV_GROUP,					/* after GS */
	ENV_TRANSACTION				/* after ST */
};

/* What a byte is to split_segment (Reader.byte_class). */
enum
{
	BYTE_DATA = 0,
	BYTE_TERM,					/* the segment terminator */
	BYTE_ESEP,					/* the element separator */
	BYTE_BREAK					/* CR or LF that is not the terminator */
};

static const TpiX12Str no_value = {NULL, 0};

/* ------------------------------------------------------------------------
 * Errors
 * ------------------------------------------------------------------------
 */

static bool
is_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* The identifier at p (a letter, then up to 2 letters and digits) into id. */
static void
read_id(const char *p, size_t avail, char *id)
{
	size_t		n = 0;

	if (avail == 0 || p[0] < 'A' || p[0] > 'Z')
		avail = 0;
	while (n < 3 && n < avail && is_alnum((unsigned char) p[n]))
	{
		id[n] = p[n];
		n++;
	}
	id[n] = '\0';
}

static bool fail_at(Reader *r, int ordinal, size_t offset, const char *id,
					const char *fmt,...) TPI_X12_PRINTF(5, 6);

static bool
fail_at(Reader *r, int ordinal, size_t offset, const char *id, const char *fmt,...)
{
	va_list		ap;

	r->failed = true;
	r->err->segment = ordinal;
	r->err->offset = offset;
	snprintf(r->err->segment_id, sizeof(r->err->segment_id), "%s", id);
	va_start(ap, fmt);
	vsnprintf(r->err->msg, sizeof(r->err->msg), fmt, ap);
	va_end(ap);
	return false;
}

/* Error in the current segment. */
#define FAIL(r, ...) fail_at((r), (r)->ordinal, (r)->offset, (r)->seg_id, __VA_ARGS__)

/* A value for a message: printable ASCII, at most 40 bytes. */
static const char *
show(TpiX12Str s, char *buf)
{
	size_t		i,
				n = s.len > 40 ? 40 : s.len;

	for (i = 0; i < n; i++)
	{
		unsigned char c = (unsigned char) s.p[i];

		buf[i] = (c >= 0x20 && c < 0x7f) ? (char) c : '?';
	}
	if (s.len > n)
	{
		memcpy(buf + n, "...", 3);
		n += 3;
	}
	buf[n] = '\0';
	return buf;
}

/* ------------------------------------------------------------------------
 * Elements and components
 * ------------------------------------------------------------------------
 */

static TpiX12Str
value(const char *p, size_t len)
{
	TpiX12Str	s;

	if (len == 0)
		return no_value;
	s.p = p;
	s.len = len;
	return s;
}

/*
 * The first c in [p, end), or end.  Values are a few bytes long: a loop
 * beats a call to memchr.
 */
static inline const char *
find_byte(const char *p, const char *end, char c)
{
	while (p < end && *p != c)
		p++;
	return p;
}

/* Element i of the current segment (its first repetition). */
static TpiX12Str
element(const Reader *r, int i)
{
	TpiX12Str	e;

	if (i >= r->nel)
		return no_value;
	e = r->el[i];
	if (r->rsep >= 0 && e.len > 0)
		e.len = find_byte(e.p, e.p + e.len, (char) r->rsep) - e.p;
	return value(e.p, e.len);
}

/* Component k (1-based) of a composite element. */
static TpiX12Str
component(const Reader *r, TpiX12Str e, int k)
{
	const char *p = e.p;
	const char *end;

	if (e.p == NULL)
		return no_value;
	end = e.p + e.len;
	for (;;)
	{
		const char *q = find_byte(p, end, r->csep);

		if (--k == 0)
			return value(p, q - p);
		if (q == end)
			return no_value;
		p = q + 1;
	}
}

static bool
equals(TpiX12Str s, const char *lit)
{
	size_t		n = strlen(lit);

	return s.len == n && memcmp(s.p, lit, n) == 0;
}

static bool
starts_with(TpiX12Str s, const char *lit)
{
	size_t		n = strlen(lit);

	return s.len >= n && memcmp(s.p, lit, n) == 0;
}

/* s without the blanks that pad it on either side (no value when all blanks) */
static TpiX12Str
trim_blanks(TpiX12Str s)
{
	while (s.len > 0 && s.p[0] == ' ')
	{
		s.p++;
		s.len--;
	}
	while (s.len > 0 && s.p[s.len - 1] == ' ')
		s.len--;
	return value(s.p, s.len);
}

static TpiX12Str
kept(const TpiX12Value *v)
{
	return value(v->s, v->len);
}

/* Copies a value a later segment needs; what names it for an error. */
static bool
keep(Reader *r, TpiX12Value *v, TpiX12Str s, const char *what)
{
	if (s.len > TPI_837P_MAX_VALUE)
		return FAIL(r, "%s is longer than %d bytes", what, TPI_837P_MAX_VALUE);
	if (s.len > 0)
		memcpy(v->s, s.p, s.len);
	v->len = s.len;
	return true;
}

/*
 * Adds a text to a note (after "; " when it has one already); what names
 * it for an error.  Only the whole is bounded: writers send notes longer
 * than the guide's 80 bytes.
 */
static bool
add_text(Reader *r, TpiX12Text *t, TpiX12Str s, const char *what)
{
	if (s.len == 0)
		return true;
	if (s.len + (t->len ? 2 : 0) > TPI_837P_MAX_NOTE - t->len)
		return FAIL(r, "%s makes the note longer than %d bytes", what, TPI_837P_MAX_NOTE);
	if (t->len)
	{
		memcpy(t->s + t->len, "; ", 2);
		t->len += 2;
	}
	memcpy(t->s + t->len, s.p, s.len);
	t->len += s.len;
	return true;
}

static bool
all_digits(TpiX12Str s)
{
	size_t		i;

	if (s.len == 0)
		return false;
	for (i = 0; i < s.len; i++)
		if (s.p[i] < '0' || s.p[i] > '9')
			return false;
	return true;
}

/* ------------------------------------------------------------------------
 * Values the mapping reads
 * ------------------------------------------------------------------------
 */

/*
 * An X12 decimal ("R"): an optional minus, digits, an optional point and
 * digits.  Returns the number of digits before the point, or -1.
 */
static int
decimal_int_digits(TpiX12Str s)
{
	size_t		i = 0;
	int			ndigits = 0,
				nint = -1;

	if (s.len > 0 && s.p[0] == '-')
		i++;
	for (; i < s.len; i++)
	{
		if (s.p[i] >= '0' && s.p[i] <= '9')
			ndigits++;
		else if (s.p[i] == '.' && nint < 0)
			nint = ndigits;
		else
			return -1;
	}
	if (ndigits == 0)
		return -1;
	return nint < 0 ? ndigits : nint;
}

/* SV104: a decimal quantity, rounded up to a whole unit. */
static bool
parse_units(Reader *r, TpiX12Str s, int *units)
{
	char		buf[48];
	int64_t		v = 0;
	bool		neg = s.p[0] == '-';
	bool		frac = false;
	bool		point = false;
	size_t		i;

	if (decimal_int_digits(s) < 0)
		return FAIL(r, "SV104 (service unit count) \"%s\" is not a number", show(s, buf));
	for (i = neg ? 1 : 0; i < s.len; i++)
	{
		if (s.p[i] == '.')
			point = true;
		else if (point)
			frac |= s.p[i] != '0';
		else if ((v = v * 10 + (s.p[i] - '0')) > INT_MAX)
			return FAIL(r, "SV104 (service unit count) \"%s\" is out of range", show(s, buf));
	}
	/* a fraction of a unit is billed as a whole one: round up */
	if (frac && !neg)
	{
		if (v == INT_MAX)
			return FAIL(r, "SV104 (service unit count) \"%s\" is out of range", show(s, buf));
		v++;
	}
	*units = neg ? (int) -v : (int) v;
	return true;
}

static int
days_in_month(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

/* CCYYMMDD at p into ymd[3]; false when it is not a calendar date. */
static bool
parse_ccyymmdd(const char *p, int *ymd)
{
	int			i;

	for (i = 0; i < 8; i++)
		if (p[i] < '0' || p[i] > '9')
			return false;
	ymd[0] = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
	ymd[1] = (p[4] - '0') * 10 + (p[5] - '0');
	ymd[2] = (p[6] - '0') * 10 + (p[7] - '0');
	return ymd[0] >= 1 && ymd[1] >= 1 && ymd[1] <= 12 &&
		ymd[2] >= 1 && ymd[2] <= days_in_month(ymd[0], ymd[1]);
}

/* DTP*472: D8 CCYYMMDD, or RD8 CCYYMMDD-CCYYMMDD (its first date). */
static bool
parse_service_date(Reader *r, int *ymd)
{
	TpiX12Str	format = element(r, 2);
	TpiX12Str	date = element(r, 3);
	int			last[3];
	char		buf[48],
				buf2[48];

	if (equals(format, "D8"))
	{
		if (date.len == 8 && parse_ccyymmdd(date.p, ymd))
			return true;
	}
	else if (equals(format, "RD8"))
	{
		if (date.len == 17 && date.p[8] == '-' &&
			parse_ccyymmdd(date.p, ymd) && parse_ccyymmdd(date.p + 9, last))
			return true;
	}
	else
		return FAIL(r, "DTP*472 date format \"%s\" is neither D8 nor RD8", show(format, buf));
	return FAIL(r, "DTP*472 %s date \"%s\" is not a valid date", show(format, buf2), show(date, buf));
}

/* ------------------------------------------------------------------------
 * Service lines
 * ------------------------------------------------------------------------
 */

static void
append(char *buf, size_t *n, TpiX12Str s, bool upper)
{
	size_t		i;

	for (i = 0; i < s.len; i++)
	{
		char		c = s.p[i];

		buf[(*n)++] = (upper && c >= 'a' && c <= 'z') ? (char) (c - 'a' + 'A') : c;
	}
}

/*
 * Claim notes, then the line's notes and SV101-7, joined with "; ";
 * false when together they are longer than TPI_837P_MAX_NOTE.
 */
static bool
compose_note(Reader *r, TpiX12Str *out)
{
	const TpiX12Text *parts[3] = {&r->notes, &r->line_notes, &r->line_desc};
	size_t		n = 0,
				total = 0;
	int			i;

	for (i = 0; i < 3; i++)
		if (parts[i]->len)
			total += (total ? 2 : 0) + parts[i]->len;
	if (total > TPI_837P_MAX_NOTE)
		return false;
	for (i = 0; i < 3; i++)
	{
		if (parts[i]->len == 0)
			continue;
		if (n > 0)
			append(r->note_buf, &n, value("; ", 2), false);
		append(r->note_buf, &n, value(parts[i]->s, parts[i]->len), false);
	}
	*out = value(r->note_buf, n);
	return true;
}

/* The patient: the subscriber, or <subscriber>:<first name>:<birth date>. */
static void
compose_patient(Reader *r, TpiX12Str *out)
{
	size_t		n = 0;

	if (!r->dependent)
	{
		*out = kept(&r->subscriber_id);
		r->line.patient_upper = false;
		return;
	}
	r->line.patient_upper = true;
	/* fits: 3 * 128 + 2 bytes < TPI_837P_MAX_PATIENT */
	append(r->patient_buf, &n, kept(&r->subscriber_id), true);
	r->patient_buf[n++] = ':';
	append(r->patient_buf, &n, kept(&r->dep_first), true);
	r->patient_buf[n++] = ':';
	append(r->patient_buf, &n, kept(&r->dep_birth), true);
	*out = value(r->patient_buf, n);
}

static bool
finish_line(Reader *r)
{
	Tpi837pLine *line = &r->line;
	int			i;

	if (!r->in_line)
		return true;
	r->in_line = false;
	if (!r->line_has_sv1)
		return fail_at(r, r->lx_ordinal, r->lx_offset, "LX",
					   "service line %d has no SV1 segment (only professional service lines are read)",
					   r->lx);

	line->claim_id = kept(&r->claim_id);
	line->payer_id = kept(&r->payer_id);
	compose_patient(r, &line->patient_id);
	line->provider_npi = r->line_rendering.len ? kept(&r->line_rendering) :
		r->claim_rendering.len ? kept(&r->claim_rendering) : kept(&r->billing_npi);
	if (!line->has_date && r->claim_has_date)
	{
		line->has_date = true;
		line->year = r->claim_date[0];
		line->month = r->claim_date[1];
		line->day = r->claim_date[2];
	}
	/* date_of_service is required of a claim line (SPEC section 3) */
	if (!line->has_date)
	{
		char		buf[48];

		return fail_at(r, line->segment, line->offset, "SV1",
					   "service line %d of claim \"%s\" has no date of service: no DTP*472 in the line (2400) or the claim (2300)",
					   r->lx, show(kept(&r->claim_id), buf));
	}

	/*
	 * So are patient_id and payer_id: a subscriber loop without its NM1*IL
	 * or NM1*PR (or with an empty NM109) names no one to bill for or to.
	 */
	if (r->subscriber_id.len == 0 || r->payer_id.len == 0)
	{
		char		buf[48];

		return fail_at(r, line->segment, line->offset, "SV1",
					   "service line %d of claim \"%s\" has no %s: the subscriber loop (2000B) has no %s with an NM109",
					   r->lx, show(kept(&r->claim_id), buf),
					   r->subscriber_id.len == 0 ? "patient" : "payer",
					   r->subscriber_id.len == 0 ? "subscriber NM1*IL (2010BA)" : "payer NM1*PR (2010BB)");
	}
	line->hcpcs = kept(&r->hcpcs);
	for (i = 0; i < line->nmodifiers; i++)
		line->modifiers[i] = kept(&r->modifiers[i]);
	line->charge = kept(&r->charge);
	line->place_of_service = r->line_pos.len ? kept(&r->line_pos) : kept(&r->claim_pos);
	/* a pointer past the claim's diagnoses selects nothing */
	for (i = 0; i < TPI_837P_MAX_POINTERS; i++)
	{
		int			v = r->ptr[i];

		if (v >= 1 && v <= r->ndx && r->dx[v - 1].len)
			line->icd10[line->ndx++] = kept(&r->dx[v - 1]);
	}
	if (!compose_note(r, &line->claim_note))
	{
		char		buf[48];

		return fail_at(r, line->segment, line->offset, "SV1",
					   "the claim_note of service line %d of claim \"%s\" (the claim's NTE texts, the line's, SV101-7) is longer than %d bytes",
					   r->lx, show(kept(&r->claim_id), buf), TPI_837P_MAX_NOTE);
	}
	line->ndc = kept(&r->ndc);
	r->fn(r->arg, line);
	r->nlines++;
	return true;
}

static bool
finish_claim(Reader *r)
{
	if (!finish_line(r))
		return false;
	if (r->in_claim && r->nclaim_lines == 0)
	{
		char		buf[48];

		return fail_at(r, r->claim_ordinal, r->claim_offset, "CLM",
					   "claim \"%s\" has no service line (SV1)",
					   show(kept(&r->claim_id), buf));
	}
	r->in_claim = false;
	return true;
}

static bool
start_line(Reader *r, int lx)
{
	int			i;

	if (!finish_line(r))
		return false;
	if (r->nclaim_lines == 32767)
		return FAIL(r, "the claim has more than 32767 service lines");
	r->nclaim_lines++;
	r->in_line = true;
	r->in_cob = false;
	r->line_has_sv1 = false;
	r->lx = lx > 0 ? lx : r->nclaim_lines;
	r->lx_ordinal = r->ordinal;
	r->lx_offset = r->offset;
	for (i = 0; i < TPI_837P_MAX_POINTERS; i++)
		r->ptr[i] = 0;
	r->hcpcs.len = r->charge.len = r->line_pos.len = r->line_desc.len = 0;
	r->line_rendering.len = r->ndc.len = r->line_notes.len = 0;
	memset(&r->line, 0, sizeof(r->line));
	r->line.line_no = r->lx;
	return true;
}

/* ------------------------------------------------------------------------
 * Segments of a transaction set
 * ------------------------------------------------------------------------
 */

static bool
seg_hl(Reader *r)
{
	TpiX12Str	code = element(r, 3);

	if (!finish_claim(r))
		return false;
	r->in_2010ca = false;
	if (equals(code, "20"))
	{
		r->level = 20;
		r->billing_npi.len = r->subscriber_id.len = r->payer_id.len = 0;
		r->dependent = false;
	}
	else if (equals(code, "22"))
	{
		r->level = 22;
		r->subscriber_id.len = r->payer_id.len = 0;
		r->dependent = false;
	}
	else if (equals(code, "23"))
	{
		r->level = 23;
		r->dependent = true;
		r->have_2010ca = false;
		r->dep_first.len = r->dep_birth.len = 0;
	}
	else
		r->level = 0;
	return true;
}

static bool
seg_nm1(Reader *r)
{
	TpiX12Str	entity = element(r, 1);

	if (r->in_claim)
	{
		/* 2420A, else 2310B; NM1*82 of 2330D (after SBR) is another payer's */
		if (!equals(entity, "82"))
			return true;
		if (r->in_line)
			return keep(r, &r->line_rendering, element(r, 9), "NM109 of the line's rendering provider");
		if (!r->in_cob)
			return keep(r, &r->claim_rendering, element(r, 9), "NM109 of the claim's rendering provider");
		return true;
	}
	r->in_2010ca = false;
	if (r->level == 20 && equals(entity, "85"))
		return keep(r, &r->billing_npi, element(r, 9), "NM109 of the billing provider");
	if (r->level == 22 && equals(entity, "IL"))
		return keep(r, &r->subscriber_id, element(r, 9), "NM109 of the subscriber");
	if (r->level == 22 && equals(entity, "PR"))
		return keep(r, &r->payer_id, element(r, 9), "NM109 of the payer");
	if (r->level == 23 && equals(entity, "QC"))
	{
		r->in_2010ca = r->have_2010ca = true;
		return keep(r, &r->dep_first, element(r, 4), "NM104 of the patient");
	}
	return true;
}

static bool
seg_clm(Reader *r)
{
	TpiX12Str	id = element(r, 1);

	if (!finish_claim(r))
		return false;
	if (r->level != 22 && r->level != 23)
		return FAIL(r, "CLM outside a subscriber (HL*22) or patient (HL*23) loop");
	/* the patient id is made of 2010CA's name and birth date */
	if (r->level == 23 && !r->have_2010ca)
		return FAIL(r, "CLM in a patient loop (HL*23) without its patient name (2010CA NM1*QC)");
	if (id.p == NULL)
		return FAIL(r, "CLM01 (claim identifier) is empty");
	if (!keep(r, &r->claim_id, id, "CLM01 (claim identifier)") ||
		!keep(r, &r->claim_pos, component(r, element(r, 5), 1), "CLM05-1 (place of service)"))
		return false;
	r->in_claim = true;
	r->in_cob = false;
	r->claim_ordinal = r->ordinal;
	r->claim_offset = r->offset;
	r->nclaim_lines = 0;
	r->claim_rendering.len = 0;
	r->claim_has_date = false;
	r->notes.len = 0;
	r->ndx = 0;
	return true;
}

static bool
seg_lx(Reader *r)
{
	TpiX12Str	n = element(r, 1);
	char		buf[48];
	long		v = 0;
	size_t		i;

	if (!r->in_claim)
		return FAIL(r, "LX (service line) outside a claim: no CLM before it");
	if (!all_digits(n) || n.len > 5)
		return FAIL(r, "LX01 \"%s\" is not a line number from 1 to 32767", show(n, buf));
	for (i = 0; i < n.len; i++)
		v = v * 10 + (n.p[i] - '0');
	if (v < 1 || v > 32767)
		return FAIL(r, "LX01 \"%s\" is not a line number from 1 to 32767", show(n, buf));
	return start_line(r, (int) v);
}

static bool
seg_sv1(Reader *r)
{
	Tpi837pLine *line;
	TpiX12Str	sv101 = element(r, 1);
	TpiX12Str	charge = element(r, 2);
	TpiX12Str	units = element(r, 4);
	TpiX12Str	pointers = element(r, 7);
	char		buf[48];
	int			k;

	if (!r->in_claim)
		return FAIL(r, "SV1 (professional service) outside a claim: no CLM before it");
	/* a line without LX starts at its SV1 */
	if ((!r->in_line || r->line_has_sv1) && !start_line(r, 0))
		return false;
	line = &r->line;
	r->line_has_sv1 = true;
	line->segment = r->ordinal;
	line->offset = r->offset;
	/* hcpcs is required of a claim line (SPEC section 3) */
	if (component(r, sv101, 2).len == 0)
		return FAIL(r, "SV101 \"%s\" has no procedure code (SV101-2; components are separated by ISA16 \"%c\")",
					show(sv101, buf), r->csep);
	if (!keep(r, &r->hcpcs, component(r, sv101, 2), "SV101-2 (procedure code)") ||
		!add_text(r, &r->line_desc, component(r, sv101, 7), "SV101-7 (description)") ||
		!keep(r, &r->line_pos, element(r, 5), "SV105 (place of service)"))
		return false;
	for (k = 3; k <= 6; k++)
	{
		TpiX12Str	m = component(r, sv101, k);

		if (m.p && !keep(r, &r->modifiers[line->nmodifiers++], m, "SV101 modifier"))
			return false;
	}
	if (charge.p)
	{
		int			nint = decimal_int_digits(charge);

		if (nint < 0)
			return FAIL(r, "SV102 (line charge) \"%s\" is not a number", show(charge, buf));
		if (nint > 10)
			return FAIL(r, "SV102 (line charge) \"%s\" has more than 10 digits before the decimal point",
						show(charge, buf));
		if (!keep(r, &r->charge, charge, "SV102 (line charge)"))
			return false;
	}
	if (units.p)
	{
		if (!parse_units(r, units, &line->units))
			return false;
		line->has_units = true;
	}
	if (pointers.p)
	{
		line->has_pointers = true;
		for (k = 0; k < TPI_837P_MAX_POINTERS; k++)
		{
			TpiX12Str	ptr = component(r, pointers, k + 1);

			if (ptr.p == NULL)
				continue;
			if (!all_digits(ptr))
				return FAIL(r, "SV107 diagnosis pointer \"%s\" is not a number", show(ptr, buf));
			{
				/* "01" is pointer 1; past 12 is past any list (skipped) */
				int			v = 0;
				size_t		d;

				for (d = 0; d < ptr.len; d++)
					v = v > 99 ? v : v * 10 + (ptr.p[d] - '0');
				r->ptr[k] = v > 99 ? 99 : v;
			}
		}
	}
	return true;
}

static bool
seg_dtp(Reader *r)
{
	int			ymd[3];

	if (!r->in_claim || !equals(element(r, 1), "472"))
		return true;
	if (!r->in_line && r->in_cob)
		return true;
	if (!parse_service_date(r, ymd))
		return false;
	if (r->in_line)
	{
		r->line.has_date = true;
		r->line.year = ymd[0];
		r->line.month = ymd[1];
		r->line.day = ymd[2];
	}
	else
	{
		r->claim_has_date = true;
		memcpy(r->claim_date, ymd, sizeof(ymd));
	}
	return true;
}

static bool
seg_nte(Reader *r)
{
	TpiX12Str	text = element(r, 2);

	if (!r->in_claim || text.p == NULL)
		return true;
	if (r->in_line)
		return add_text(r, &r->line_notes, text, "NTE02 (note text) of the service line");
	if (r->in_cob)
		return true;
	return add_text(r, &r->notes, text, "NTE02 (note text) of the claim");
}

static bool
seg_hi(Reader *r)
{
	int			i,
				nel = r->nel;

	if (!r->in_claim || r->in_line || r->in_cob)
		return true;

	/*
	 * A separator after the last element ("HI*ABK:M545*ABF:G8929*~", as
	 * writers that end every segment so send it) opens no element: X12
	 * omits trailing empty elements with their separators.  Counted, it
	 * would shift the positions of the next HI's codes.  An empty element
	 * between two others keeps its position.
	 */
	while (nel > 1 && r->el[nel - 1].len == 0)
		nel--;
	/* every element of every HI is one position a pointer may name */
	for (i = 1; i < nel && r->ndx < TPI_837P_MAX_DX; i++)
	{
		TpiX12Value *v = &r->dx[r->ndx++];
		size_t		k,
					n = 0;

		if (!keep(r, v, component(r, element(r, i), 2), "HI diagnosis code"))
			return false;

		/*
		 * The code without a dot (SPEC section 11): the guide forbids it,
		 * yet some writers send "F41.1" as printed on the chart.
		 */
		for (k = 0; k < v->len; k++)
			if (v->s[k] != '.')
				v->s[n++] = v->s[k];
		v->len = n;
	}
	return true;
}

static bool
transaction_segment(Reader *r)
{
	TpiX12Str	id = r->el[0];

	switch (id.p[0])
	{
		case 'C':
			if (equals(id, "CLM"))
				return seg_clm(r);
			break;
		case 'D':
			if (equals(id, "DTP"))
				return seg_dtp(r);
			if (equals(id, "DMG") && !r->in_claim && r->in_2010ca)
				return keep(r, &r->dep_birth, element(r, 2), "DMG02 (birth date of the patient)");
			break;
		case 'H':
			if (equals(id, "HL"))
				return seg_hl(r);
			if (equals(id, "HI"))
				return seg_hi(r);
			break;
		case 'L':
			if (equals(id, "LX"))
				return seg_lx(r);
			if (equals(id, "LIN") && r->in_line && equals(element(r, 2), "N4"))
				return keep(r, &r->ndc, element(r, 3), "LIN03 (national drug code)");
			break;
		case 'N':
			if (equals(id, "NM1"))
				return seg_nm1(r);
			if (equals(id, "NTE"))
				return seg_nte(r);
			break;
		case 'S':
			if (equals(id, "SV1"))
				return seg_sv1(r);
			if (equals(id, "SBR") && r->in_claim && !r->in_line)
				r->in_cob = true;	/* 2320: other subscriber and payer */
			break;
	}
	return true;
}

/* ------------------------------------------------------------------------
 * The envelope: ISA, GS, ST ... SE, GE, IEA
 * ------------------------------------------------------------------------
 */

/* A guide reference (GS08, ST03) must name the 837P's. */
static bool
check_guide(Reader *r, TpiX12Str guide, const char *where)
{
	char		buf[48];

	if (starts_with(guide, "005010X222"))
		return true;
	if (starts_with(guide, "005010X223"))
		return FAIL(r, "%s \"%s\" is the 837I (institutional) guide; only 837P (005010X222) is read",
					where, show(guide, buf));
	if (starts_with(guide, "005010X224"))
		return FAIL(r, "%s \"%s\" is the 837D (dental) guide; only 837P (005010X222) is read",
					where, show(guide, buf));
	return FAIL(r, "%s \"%s\" is not the 837P guide 005010X222", where, show(guide, buf));
}

static bool
is_separator(unsigned char c)
{
	return c < 0x80 && c != ' ' && !is_alnum(c);
}

/*
 * The ISA at p (avail bytes of it here): the 4th byte is the element
 * separator, ISA16 the component separator and the byte after it the
 * segment terminator; ISA11 is the repetition separator when it is not a
 * letter (in 4010 it was a standards identifier).  The fields need not
 * have their fixed widths, only be there.  Returns the ISA's length, 0
 * when more input is needed, -1 on error.
 */
static long
read_isa(Reader *r, const char *p, size_t avail, bool final)
{
	size_t		limit = avail < ISA_MAX_BYTES ? avail : ISA_MAX_BYTES;
	size_t		start[16];
	size_t		i,
				c16,
				t;
	int			n = 0;

	if (avail < 4 && !final)
		return 0;
	read_id(p, avail, r->seg_id);
	if (avail < 4 || memcmp(p, "ISA", 3) != 0)
	{
		if (r->ordinal == 1 && avail >= 2 &&
			((unsigned char) p[0] == 0xFF || (unsigned char) p[0] == 0xFE ||
			 p[0] == '\0' || p[1] == '\0'))
			FAIL(r, "the file looks like UTF-16 text (a NUL byte or a UTF-16 byte-order mark at its start); an X12 interchange is ASCII or UTF-8: convert it");
		else if (r->ordinal == 1 && avail >= 4 && (p[0] | 0x20) == 'i' &&
				 (p[1] | 0x20) == 's' && (p[2] | 0x20) == 'a')
			FAIL(r, "the file starts with \"%.3s\": X12 segment identifiers and qualifiers are upper case (ISA, GS, ST ...)", p);
		else if (r->ordinal == 1)
			FAIL(r, "the file does not start with an ISA segment: it is not an X12 interchange");
		else
			FAIL(r, "expected an ISA segment after the interchange trailer IEA");
		return -1;
	}
	r->esep = p[3];
	if (!is_separator((unsigned char) r->esep) || r->esep == '\r' || r->esep == '\n')
	{
		FAIL(r, "ISA element separator (its 4th byte) 0x%02X is a letter, digit, space, line break or non-ASCII byte",
			 (unsigned char) r->esep);
		return -1;
	}
	for (i = 4, start[n++] = 4; i < limit && n < 16; i++)
		if (p[i] == r->esep)
			start[n++] = i + 1;
	/* start[15] is ISA16: one byte, then the segment terminator */
	if (n < 16 && limit == ISA_MAX_BYTES)
	{
		FAIL(r, "the ISA segment does not have 16 elements in its first %d bytes", ISA_MAX_BYTES);
		return -1;
	}
	/* a file wrapped into records may break the line before ISA16 too */
	c16 = n < 16 ? 0 : start[15];
	while (n == 16 && c16 < limit && (p[c16] == '\r' || p[c16] == '\n'))
		c16++;
	if (n < 16 || c16 + 1 >= avail)
	{
		if (!final)
			return 0;
		FAIL(r, "the ISA segment is truncated: it needs 16 elements and a segment terminator");
		return -1;
	}
	r->csep = p[c16];
	t = c16 + 1;

	/*
	 * Blanks and line breaks between ISA16 and the terminator are not data,
	 * as in any segment (trailing blanks, or a file wrapped into records
	 * that breaks the line there); a blank is never a separator, and the
	 * next segment starts with a letter.  Without such a terminator after
	 * them, the first line break ends the ISA: the file's segments end at
	 * line breaks.
	 */
	{
		size_t		u = t;

		while (u < limit && (p[u] == ' ' || p[u] == '\t' || p[u] == '\r' || p[u] == '\n'))
			u++;
		if (u == avail && !final)
			return 0;
		if (u > t)
		{
			if (u < limit && is_separator((unsigned char) p[u]) &&
				p[u] != r->esep && p[u] != r->csep)
				t = u;
			else
			{
				size_t		v;

				for (v = t; v < u && p[v] != '\r' && p[v] != '\n'; v++)
					;
				if (v < u)
					t = v;
			}
		}
	}
	r->term = p[t];
	if (!is_separator((unsigned char) r->csep) || r->csep == r->esep ||
		r->csep == '\r' || r->csep == '\n')
	{
		FAIL(r, "ISA16 component separator 0x%02X is not a separator distinct from the element separator",
			 (unsigned char) r->csep);
		return -1;
	}
	if (!(is_separator((unsigned char) r->term) || r->term == '\r' || r->term == '\n') ||
		r->term == r->esep || r->term == r->csep)
	{
		FAIL(r, "the segment terminator 0x%02X (the byte after ISA16) is not a separator distinct from the others",
			 (unsigned char) r->term);
		return -1;
	}
	r->rsep = -1;
	{
		/* ISA11: one byte, line breaks aside (they are dropped from segments) */
		size_t		k,
					nbytes = 0;
		unsigned char c = 0;

		for (k = start[10]; k + 1 < start[11]; k++)
			if (p[k] != '\r' && p[k] != '\n')
			{
				c = (unsigned char) p[k];
				nbytes++;
			}
		if (nbytes == 1 && is_separator(c) && c != (unsigned char) r->esep &&
			c != (unsigned char) r->csep && c != (unsigned char) r->term)
			r->rsep = c;
	}
	memset(r->byte_class, BYTE_DATA, sizeof(r->byte_class));
	r->byte_class['\r'] = r->byte_class['\n'] = BYTE_BREAK;
	r->byte_class[(unsigned char) r->esep] = BYTE_ESEP;
	r->byte_class[(unsigned char) r->term] = BYTE_TERM;
	r->env = ENV_INTERCHANGE;
	return (long) (t + 1);
}

/*
 * The ISA at p when a line break falls after its first byte and inside its
 * first four ("IS", CRLF, "A*..."): a file wrapped into records that
 * breaks the header of a later interchange.  read_isa reads a copy without
 * line breaks (such a file's terminator is not one); returns what it
 * returns, as a length in the file.
 */
static long
read_wrapped_isa(Reader *r, const char *p, size_t avail, bool final)
{
	size_t		i,
				n = 0;
	long		k;

	for (i = 0; i < avail && n < ISA_MAX_BYTES; i++)
		if (p[i] != '\r' && p[i] != '\n')
			r->seg_buf[n++] = p[i];
	k = read_isa(r, r->seg_buf, n, final || n == ISA_MAX_BYTES);
	if (k <= 0)
		return k;
	for (i = 0, n = 0; n < (size_t) k; i++)
		if (p[i] != '\r' && p[i] != '\n')
			n++;
	return (long) i;
}

static bool
envelope_segment(Reader *r)
{
	TpiX12Str	id = r->el[0];
	char		buf[48];

	switch (r->env)
	{
		case ENV_INTERCHANGE:
			if (equals(id, "GS"))
			{
				/*
				 * Some writers put only the version "005010" in GS08, or
				 * leave it blank; the ST03 of each transaction set then
				 * names the guide.  Others pad it with blanks, after or
				 * before (" 005010X222A1", a public test message).
				 */
				TpiX12Str	gs08 = trim_blanks(element(r, 8));

				if (gs08.len > 0 && !equals(gs08, "005010") &&
					!check_guide(r, gs08, "GS08 (version of the functional group)"))
					return false;
				r->env = ENV_GROUP;
			}
			else if (equals(id, "IEA"))
				r->env = ENV_OUTSIDE;
			else if (!equals(id, "TA1"))
				return FAIL(r, "segment %s outside a functional group: expected GS or IEA", show(id, buf));
			return true;
		case ENV_GROUP:
			if (equals(id, "ST"))
			{
				TpiX12Str	guide = trim_blanks(element(r, 3));

				if (!equals(element(r, 1), "837"))
					return FAIL(r, "transaction set \"%s\" is not an 837 health care claim",
								show(element(r, 1), buf));
				if (guide.len > 0 && !check_guide(r, guide, "ST03 (guide of the transaction set)"))
					return false;
				r->env = ENV_TRANSACTION;
				r->level = 0;
				r->in_2010ca = r->dependent = false;
				r->billing_npi.len = r->subscriber_id.len = r->payer_id.len = 0;
				r->in_claim = r->in_line = false;
			}
			else if (equals(id, "GE"))
				r->env = ENV_INTERCHANGE;
			else
				return FAIL(r, "segment %s outside a transaction set: expected ST or GE", show(id, buf));
			return true;
		case ENV_TRANSACTION:
			if (equals(id, "SE"))
			{
				if (!finish_claim(r))
					return false;
				r->env = ENV_GROUP;
				return true;
			}
			if (equals(id, "ST") || equals(id, "GS") || equals(id, "GE") ||
				equals(id, "ISA") || equals(id, "IEA"))
				return FAIL(r, "segment %s inside a transaction set: the SE trailer is missing", show(id, buf));
			return transaction_segment(r);
	}
	return FAIL(r, "unexpected segment");	/* can't happen: ISA is read apart */
}

/* end less the padding a file may end with (line breaks, blanks, NUL, ^Z) */
static const char *
trimmed_end(const char *p, const char *end)
{
	while (end > p && (end[-1] == '\r' || end[-1] == '\n' || end[-1] == ' ' ||
					   end[-1] == '\t' || end[-1] == '\0' || end[-1] == 0x1a))
		end--;
	return end;
}

/* The unterminated rest at p is the interchange trailer of an open ISA. */
static bool
ends_with_trailer(Reader *r, const char *p, const char *end)
{
	end = trimmed_end(p, end);
	return r->env == ENV_INTERCHANGE && end - p > 4 && memcmp(p, "IEA", 3) == 0 &&
		p[3] == r->esep && memchr(p, r->term, end - p) == NULL;
}

/*
 * Splits [p, end), a segment without its terminator, into elements: the
 * copy split_segment() makes of a segment with line breaks inside.  The
 * common segment is split in split_segment()'s own scan instead; a second
 * pass through this function there read 837P text at 54 MB/s instead of
 * 82 to 96 (bench_837p.sql), next to SPEC's floor of 50.
 */
static void
split_elements(Reader *r, const char *p, const char *end)
{
	const char *start = p;
	const char	esep = r->esep;
	int			nel = 0;

	for (; p < end; p++)
	{
		if (*p == esep)
		{
			if (nel < MAX_ELEMENTS)
			{
				r->el[nel].p = start;
				r->el[nel].len = p - start;
				nel++;
			}
			start = p + 1;
		}
	}
	if (nel < MAX_ELEMENTS)
	{
		r->el[nel].p = start;
		r->el[nel].len = p - start;
		nel++;
	}
	r->nel = nel;
}

static inline bool
is_blank_or_break(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/*
 * Splits the segment at p into elements, up to its terminator; returns the
 * terminator, or NULL when there is none before end (with end_terminates,
 * end itself ends the segment and is returned).  One pass over the
 * bytes: segments are short, and a memchr per element costs more in calls
 * than it saves.
 *
 * Blanks and line breaks at the end of a segment are not data: a file
 * whose terminator is the line break may have trailing blanks on its
 * lines, one ended by "~" may have them before it.  Nor is a line break
 * inside a segment (when the terminator is not one): X12 has no line
 * breaks in its character set, and some writers wrap the file into
 * records of 80 bytes, breaking segments and even values (ASC X12 RFI 28
 * leaves such bytes to the implementation).  Such a segment is read from
 * a copy without them.
 */
static const char *
split_segment(Reader *r, const char *p, const char *end, bool end_terminates)
{
	const char *seg = p;
	const char *start = p;
	const char *brk = NULL;		/* the first line break seen */
	const char *data_end;
	const unsigned char *cls = r->byte_class;
	int			nel = 0;

	for (;; p++)
	{
		unsigned char c;

		/* most bytes are data: one look-up each */
		while (p < end && cls[(unsigned char) *p] == BYTE_DATA)
			p++;
		if (p == end)
			break;
		c = cls[(unsigned char) *p];
		if (c == BYTE_TERM)
			break;
		if (c == BYTE_ESEP)
		{
			if (nel < MAX_ELEMENTS)
			{
				r->el[nel].p = start;
				r->el[nel].len = p - start;
				nel++;
			}
			start = p + 1;
		}
		else if (brk == NULL)
			brk = p;
	}
	if (p == end && !end_terminates)
		return NULL;
	/* never past start: the trim stops at the element separator before it */
	for (data_end = p; data_end > start && is_blank_or_break(data_end[-1]); data_end--)
		;
	if (brk != NULL && brk < data_end)
	{
		/* fits: the copy is shorter than the segment, at most MAX_SEGMENT */
		size_t		n = 0;
		const char *q;

		for (q = seg; q < data_end; q++)
			if (*q != '\n' && *q != '\r')
				r->seg_buf[n++] = *q;
		while (n > 0 && (r->seg_buf[n - 1] == ' ' || r->seg_buf[n - 1] == '\t'))
			n--;
		split_elements(r, r->seg_buf, r->seg_buf + n);
		return p;
	}
	if (nel < MAX_ELEMENTS)
	{
		r->el[nel].p = start;
		r->el[nel].len = data_end - start;
		nel++;
	}
	r->nel = nel;
	return p;
}

static bool
valid_segment_id(TpiX12Str id)
{
	size_t		i;

	if (id.len < 2 || id.len > 3 || id.p[0] < 'A' || id.p[0] > 'Z')
		return false;
	for (i = 1; i < id.len; i++)
		if (!((id.p[i] >= 'A' && id.p[i] <= 'Z') || (id.p[i] >= '0' && id.p[i] <= '9')))
			return false;
	return true;
}

void
tpi_837p_init(Tpi837pReader *r, Tpi837pLineFn fn, void *arg)
{
	memset(r, 0, offsetof(Tpi837pReader, patient_buf));
	r->fn = fn;
	r->arg = arg;
	r->env = ENV_OUTSIDE;
	r->rsep = -1;
}

long
tpi_837p_feed(Tpi837pReader *r, const char *data, size_t len, bool final,
			  Tpi837pError *err)
{
	size_t		pos = 0;

	r->data = data;
	r->len = len;
	r->err = err;
	if (r->failed)
		return -1;				/* the caller ignored an error */
	for (;;)
	{
		size_t		seg_len;

		/*
		 * Line breaks after a terminator are not data, nor the blanks of a
		 * file printed with indented segments (a segment identifier never
		 * starts with one, and no separator may be a blank).
		 */
		if (r->ordinal > 0)
			while (pos < len && (data[pos] == '\r' || data[pos] == '\n' ||
								 data[pos] == ' ' || data[pos] == '\t'))
				pos++;
		/* nor is padding after an interchange (to a block size, DOS EOF) */
		if (r->ordinal > 0 && r->env == ENV_OUTSIDE)
			while (pos < len && (data[pos] == ' ' || data[pos] == '\t' ||
								 data[pos] == '\r' || data[pos] == '\n' ||
								 data[pos] == '\0' || data[pos] == 0x1a))
				pos++;

		/*
		 * nor is an empty segment: a terminator written twice ("~~"), as
		 * some writers do after a segment they end themselves.  It has no
		 * identifier and maps nothing, so it is skipped like a line break.
		 */
		if (r->ordinal > 0 && pos < len && data[pos] == r->term)
		{
			pos++;
			continue;
		}
		/* a UTF-8 byte-order mark before the first ISA is no data */
		if (r->ordinal == 0 && r->base + pos == 0 && len >= 3 &&
			memcmp(data, "\xEF\xBB\xBF", 3) == 0)
			pos = 3;
		if (pos == len)
			break;
		r->offset = r->base + pos;
		if (r->env == ENV_OUTSIDE)
		{
			long		n;

			const char *p = data + pos;
			size_t		k,
						head = len - pos < 4 ? len - pos : 4;
			bool		wrapped = false;

			/*
			 * A line break after the header's first byte is a wrapped
			 * file's; one before it (a first line that is blank, "\r\n"
			 * as much as "\n") leaves a file that does not start with ISA.
			 */
			for (k = 1; k < head && p[0] == 'I'; k++)
				wrapped |= p[k] == '\r' || p[k] == '\n';
			r->ordinal++;
			n = wrapped ? read_wrapped_isa(r, p, len - pos, final) :
				read_isa(r, p, len - pos, final);
			if (n < 0)
				return -1;
			if (n == 0)
			{
				r->ordinal--;
				break;
			}
			seg_len = (size_t) n;
		}
		else
		{
			const char *p = data + pos;
			bool		capped = len - pos > TPI_837P_MAX_SEGMENT;
			const char *term = split_segment(r, p, capped ? p + TPI_837P_MAX_SEGMENT : data + len,
											 false);

			/*
			 * Writers often end the file right after the IEA, without its
			 * terminator; the trailer maps nothing, so it is read as it is.
			 * Any other unterminated segment is a truncated file.
			 */
			if (term == NULL && final && !capped && ends_with_trailer(r, p, data + len))
				term = split_segment(r, p, trimmed_end(p, data + len), true);
			if (term == NULL)
			{
				if (!final && !capped)
					break;		/* the rest comes with the next piece */
				r->ordinal++;
				read_id(p, len - pos, r->seg_id);
				if (capped)
					FAIL(r, "the segment is longer than %d bytes", TPI_837P_MAX_SEGMENT);
				else
					FAIL(r, "the file ends inside a segment: no segment terminator after it");
				return -1;
			}
			r->ordinal++;
			read_id(r->el[0].p, r->el[0].len, r->seg_id);
			if (!valid_segment_id(r->el[0]))
			{
				char		buf[48];

				FAIL(r, "\"%s\" is not a segment identifier", show(r->el[0], buf));
				return -1;
			}
			if (!envelope_segment(r))
				return -1;
			seg_len = term < data + len ? (size_t) (term - p) + 1 : (size_t) (data + len - p);
		}
		pos += seg_len;
	}
	r->base += pos;
	if (!final)
		return (long) pos;
	if (r->ordinal == 0)
	{
		fail_at(r, 0, 0, "", "the input is empty: an 837P file starts with an ISA segment");
		return -1;
	}
	if (r->env != ENV_OUTSIDE)
	{
		FAIL(r, "the file ends before the %s trailer: it is truncated",
			 r->env == ENV_TRANSACTION ? "SE" : r->env == ENV_GROUP ? "GE" : "IEA");
		return -1;
	}
	return r->nlines;
}

long
tpi_837p_parse(Tpi837pReader *r, const char *data, size_t len,
			   Tpi837pLineFn fn, void *arg, Tpi837pError *err)
{
	tpi_837p_init(r, fn, arg);
	return tpi_837p_feed(r, data, len, true, err);
}
