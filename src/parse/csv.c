/*
 * csv.c
 *		Readers of CMS's PPRRVU and GPCI CSV files (see csv.h).
 *
 * CMS publishes these files as spreadsheets saved as CSV, and the layout
 * drifts between releases: the PPRRVU header spans several rows and the
 * 2026 files carry a PRIC IND column the 2025 ones lack, numbers lose
 * their zero padding (GLOB DAYS 0 or 000), blank fields stand for NA and
 * rows end in empty columns.  So columns are found by their header names,
 * never by position, and anything that does not fit is an error naming
 * its line: a half-read file must never look like a complete one.
 *
 * Plain C without server headers: the fuzz harness links this file alone.
 */
#include "csv.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#if defined(__GNUC__) || defined(__clang__)
#define TPI_CSV_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define TPI_CSV_PRINTF(f, a)
#endif

static bool fail(TpiCsvError *err, TpiCsvErrorKind kind, int line,
				 const char *fmt,...) TPI_CSV_PRINTF(4, 5);

static bool
fail(TpiCsvError *err, TpiCsvErrorKind kind, int line, const char *fmt,...)
{
	va_list		ap;

	err->kind = kind;
	err->line = line;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return false;
}

void
tpi_csv_init(TpiCsvReader *r, const char *data, size_t len)
{
	r->p = data;
	r->end = data + len;
	r->next_line = 1;
	r->line = 0;
	r->nfields = 0;
}

int
tpi_csv_next(TpiCsvReader *r, TpiCsvError *err)
{
	const char *p = r->p;
	const char *end = r->end;
	char	   *out = r->buf;
	char	   *outend = r->buf + sizeof(r->buf) - 1;	/* room for a NUL */
	int			line;

	if (p >= end)
		return 0;
	r->line = line = r->next_line;
	r->nfields = 0;
	for (;;)
	{
		if (r->nfields >= TPI_CSV_MAX_FIELDS)
		{
			fail(err, TPI_CSV_ERR_LAYOUT, r->line,
				 "more than %d fields", TPI_CSV_MAX_FIELDS);
			return -1;
		}
		r->fields[r->nfields++] = out;
		if (p < end && *p == '"')
		{
			p++;
			for (;;)
			{
				char		c;

				if (p >= end)
				{
					fail(err, TPI_CSV_ERR_LAYOUT, r->line,
						 "a quoted field is not closed before the end of the file");
					return -1;
				}
				c = *p++;
				if (c == '"')
				{
					if (p < end && *p == '"')
						p++;
					else
						break;
				}
				else if (c == '\0')
				{
					fail(err, TPI_CSV_ERR_LAYOUT, line, "a NUL byte");
					return -1;
				}
				else if (c == '\n' || (c == '\r' && !(p < end && *p == '\n')))
					line++;
				if (out >= outend)
					goto too_long;
				*out++ = c;
			}
			if (p < end && *p != ',' && *p != '\n' && *p != '\r')
			{
				fail(err, TPI_CSV_ERR_LAYOUT, line,
					 "text after the closing quote of a field");
				return -1;
			}
		}
		else
		{
			while (p < end && *p != ',' && *p != '\n' && *p != '\r')
			{
				if (*p == '\0')
				{
					fail(err, TPI_CSV_ERR_LAYOUT, line, "a NUL byte");
					return -1;
				}
				if (out >= outend)
					goto too_long;
				*out++ = *p++;
			}
		}
		*out++ = '\0';
		if (p < end && *p == ',')
		{
			p++;
			continue;
		}
		if (p < end)
		{
			if (*p == '\r' && p + 1 < end && p[1] == '\n')
				p++;
			p++;
		}
		line++;
		break;
	}
	r->p = p;
	r->next_line = line;
	return 1;

too_long:
	fail(err, TPI_CSV_ERR_LAYOUT, r->line,
		 "a record longer than %d bytes", TPI_CSV_MAX_RECORD - 1);
	return -1;
}

/* ------------------------------------------------------------------------
 * Field helpers
 * ------------------------------------------------------------------------
 */
/* Ctrl-Z counts as a blank: DOS-era tools end the CMS files with one. */
static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
		c == '\v' || c == '\x1a';
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool
is_alpha(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static char
to_upper(char c)
{
	return (c >= 'a' && c <= 'z') ? (char) (c - 'a' + 'A') : c;
}

/* Trims every field of the current record in place. */
static void
trim_fields(TpiCsvReader *r)
{
	int			i;

	for (i = 0; i < r->nfields; i++)
	{
		char	   *s = r->fields[i];
		size_t		n;

		while (is_space(*s))
			s++;
		n = strlen(s);
		while (n > 0 && is_space(s[n - 1]))
			s[--n] = '\0';
		r->fields[i] = s;
	}
}

static bool
blank_from(const TpiCsvReader *r, int first)
{
	int			i;

	for (i = first; i < r->nfields; i++)
		if (r->fields[i][0] != '\0')
			return false;
	return true;
}

/*
 * Field text for an error message: at most 40 bytes, anything but
 * printable ASCII shown as '?', so that a binary file cannot put invalid
 * bytes into a server message.
 */
static const char *
show(char *dst, size_t dstlen, const char *s)
{
	size_t		n = 0;

	while (s[n] && n < 40 && n + 4 < dstlen)
	{
		dst[n] = (s[n] >= 0x20 && s[n] < 0x7f) ? s[n] : '?';
		n++;
	}
	if (s[n])
	{
		memcpy(dst + n, "...", 3);
		n += 3;
	}
	dst[n] = '\0';
	return dst;
}

/* Value of a string of at most 5 digits (checked by the caller). */
static int
small_int(const char *s)
{
	int			v = 0;

	for (; is_digit(*s); s++)
		v = v * 10 + (*s - '0');
	return v;
}

/*
 * Upper case with runs of blanks as one space, for comparing header names.
 * Writes at most dstlen - 1 bytes.
 */
static void
normalise(char *dst, size_t dstlen, const char *s)
{
	size_t		n = 0;
	bool		space = false;

	for (; *s && n + 1 < dstlen; s++)
	{
		if (is_space(*s))
		{
			space = n > 0;
			continue;
		}
		if (space && n + 2 < dstlen)
			dst[n++] = ' ';
		space = false;
		dst[n++] = to_upper(*s);
	}
	dst[n] = '\0';
}

static bool
equal_ci(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if (to_upper(*a) != to_upper(*b))
			return false;
	return *a == *b;
}

/*
 * A non-negative decimal with at most `scale` decimals (more are allowed
 * only as trailing zeros), as an integer in units of 10^-scale.
 * 1: *out set; 0: blank or NA (null); -1: not such a number.
 */
static int
parse_fixed(const char *s, int scale, int64_t *out)
{
	int64_t		v = 0;
	int			ndigits = 0;
	int			frac = 0;

	if (*s == '\0' || equal_ci(s, "NA"))
		return 0;
	for (; is_digit(*s); s++)
	{
		if (v == 0 && *s == '0')
		{
			ndigits++;
			continue;
		}
		if (v >= 100000000000LL)
			return -1;
		v = v * 10 + (*s - '0');
		ndigits++;
	}
	if (*s == '.')
	{
		for (s++; is_digit(*s); s++)
		{
			if (frac < scale)
				v = v * 10 + (*s - '0');
			else if (*s != '0')
				return -1;
			frac++;
			ndigits++;
		}
	}
	if (*s != '\0' || ndigits == 0)
		return -1;
	for (; frac < scale; frac++)
		v *= 10;
	*out = v;
	return 1;
}

static bool
all_digits(const char *s, size_t maxlen)
{
	size_t		n = strlen(s);
	size_t		i;

	if (n == 0 || n > maxlen)
		return false;
	for (i = 0; i < n; i++)
		if (!is_digit(s[i]))
			return false;
	return true;
}

/* Position of needle in the normalised hay, or NULL. */
static const char *
find(const char *hay, const char *needle)
{
	return strstr(hay, needle);
}

/* The last run of exactly four digits in [s, limit), or -1. */
static int
last_year(const char *s, const char *limit)
{
	int			year = -1;
	const char *p;

	for (p = s; p + 4 <= limit; p++)
		if (is_digit(p[0]) && is_digit(p[1]) && is_digit(p[2]) && is_digit(p[3]) &&
			(p == s || !is_digit(p[-1])) && (p + 4 == limit || !is_digit(p[4])))
			year = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
	return year;
}

/*
 * Header names of a multi-row header: each column's cells from the first
 * row after the last blank row down to the current row, joined by spaces.
 */
typedef struct HeaderNames
{
	int			ncols;
	char		name[TPI_CSV_MAX_FIELDS][TPI_CSV_MAX_NAME];
} HeaderNames;

static void
names_add(HeaderNames *h, const TpiCsvReader *r)
{
	int			i;

	for (; h->ncols < r->nfields; h->ncols++)
		h->name[h->ncols][0] = '\0';
	for (i = 0; i < r->nfields; i++)
	{
		char	   *dst = h->name[i];
		size_t		used = strlen(dst);

		if (r->fields[i][0] == '\0')
			continue;
		if (used > 0 && used + 2 < TPI_CSV_MAX_NAME)
			dst[used++] = ' ';
		normalise(dst + used, TPI_CSV_MAX_NAME - used, r->fields[i]);
	}
}

/*
 * The column whose name equals (or, if contains, includes) want; -1 when
 * none, -2 when more than one.
 */
static int
names_find(const HeaderNames *h, int ncols, const char *want, bool contains)
{
	int			i;
	int			found = -1;

	for (i = 0; i < ncols && i < h->ncols; i++)
		if (contains ? find(h->name[i], want) != NULL : strcmp(h->name[i], want) == 0)
		{
			if (found >= 0)
				return -2;
			found = i;
		}
	return found;
}

static bool
locate(const HeaderNames *h, int ncols, const char *want, bool contains,
	   int line, int *col, TpiCsvError *err)
{
	*col = names_find(h, ncols, want, contains);
	if (*col == -1)
		return fail(err, TPI_CSV_ERR_LAYOUT, line,
					"the header has no column \"%s\"", want);
	if (*col == -2)
		return fail(err, TPI_CSV_ERR_LAYOUT, line,
					"the header has more than one column \"%s\"", want);
	return true;
}

/* Rows have the header's fields; extra trailing fields must be blank. */
static bool
check_width(const TpiCsvReader *r, int ncols, int header_line, TpiCsvError *err)
{
	if (r->nfields < ncols || !blank_from(r, ncols))
		return fail(err, TPI_CSV_ERR_LAYOUT, r->line,
					"%d fields where the header (line %d) has %d",
					r->nfields, header_line, ncols);
	return true;
}

/* ------------------------------------------------------------------------
 * PPRRVU
 * ------------------------------------------------------------------------
 */
enum
{
	PC_STATUS, PC_WORK, PC_PE_NF, PC_NA_NF, PC_PE_F, PC_NA_F, PC_MP,
	PC_GLOB, PC_BILAT, PC_N
};

static const char *const pprrvu_columns[PC_N] = {
	"STATUS CODE", "WORK RVU", "NON-FAC PE RVU", "NON-FAC NA INDICATOR",
	"FACILITY PE RVU", "FACILITY NA INDICATOR", "MP RVU", "GLOB DAYS",
	"BILAT SURG"
};

/*
 * "2025 National Physician Fee Schedule Relative Value File January
 * Release" -> 2025, 1.  0: not a banner; 1: banner; -1: a banner without
 * a year; -2: a banner without a release month.
 */
static int
pprrvu_banner(const char *field, int *year, int *month)
{
	static const struct
	{
		const char *name;
		int			month;
	}			months[] = {
		{"JANUARY", 1}, {"APRIL", 4}, {"JULY", 7}, {"OCTOBER", 10}
	};
	char		norm[256];
	const char *at;
	const char *best = NULL;
	int			i;

	normalise(norm, sizeof(norm), field);
	at = find(norm, "RELATIVE VALUE FILE");
	if (at == NULL)
		return 0;
	*year = last_year(norm, at);
	for (i = 0; i < (int) (sizeof(months) / sizeof(months[0])); i++)
	{
		const char *m = find(at, months[i].name);

		if (m != NULL && (best == NULL || m < best))
		{
			best = m;
			*month = months[i].month;
		}
	}
	if (*year < 1990 || *year > 2099)
		return -1;
	return best != NULL ? 1 : -2;
}

static bool
pprrvu_row(const TpiCsvReader *r, const int *col, TpiRvuRow *row,
		   TpiCsvError *err)
{
	char		sh[48];
	const char *f;
	int			i;
	int			k;

	memset(row, 0, sizeof(*row));
	row->line = r->line;

	/*
	 * A spreadsheet round trip turns anesthesia code 00100 into 100: pad
	 * all-digit codes back to five digits.
	 */
	f = r->fields[0];
	if (all_digits(f, 5))
	{
		size_t		n = strlen(f);

		memset(row->hcpcs, '0', 5);
		memcpy(row->hcpcs + 5 - n, f, n);
	}
	else
	{
		if (strlen(f) != 5)
			return fail(err, TPI_CSV_ERR_VALUE, r->line,
						"HCPCS \"%s\" is not a 5-character code", show(sh, sizeof(sh), f));
		for (i = 0; i < 5; i++)
		{
			if (!is_digit(f[i]) && !is_alpha(f[i]))
				return fail(err, TPI_CSV_ERR_VALUE, r->line,
							"HCPCS \"%s\" is not a 5-character code", show(sh, sizeof(sh), f));
			row->hcpcs[i] = to_upper(f[i]);
		}
	}

	f = r->fields[1];
	if (!(f[0] == '\0' ||
		  (strlen(f) == 2 && (is_digit(f[0]) || is_alpha(f[0])) &&
		   (is_digit(f[1]) || is_alpha(f[1])))))
		return fail(err, TPI_CSV_ERR_VALUE, r->line,
					"MOD \"%s\" is not a 2-character modifier", show(sh, sizeof(sh), f));
	row->modifier[0] = to_upper(f[0]);
	row->modifier[1] = f[0] ? to_upper(f[1]) : '\0';

	f = r->fields[col[PC_STATUS]];
	if (strlen(f) != 1 || !is_alpha(f[0]))
		return fail(err, TPI_CSV_ERR_VALUE, r->line,
					"STATUS CODE \"%s\" is not a one-letter status", show(sh, sizeof(sh), f));
	row->status[0] = to_upper(f[0]);

	for (k = 0; k < 4; k++)
	{
		static const int rcol[4] = {PC_WORK, PC_PE_NF, PC_PE_F, PC_MP};
		int			c = rcol[k];
		int			rc;

		f = r->fields[col[c]];
		rc = parse_fixed(f, 2, &row->rvu[k]);
		if (rc < 0)
			return fail(err, TPI_CSV_ERR_VALUE, r->line,
						"%s \"%s\" is not a number with at most 2 decimals",
						pprrvu_columns[c], show(sh, sizeof(sh), f));
		if (rc > 0 && row->rvu[k] > 99999999)	/* numeric(8,2) */
			return fail(err, TPI_CSV_ERR_VALUE, r->line,
						"%s \"%s\" is out of range", pprrvu_columns[c],
						show(sh, sizeof(sh), f));
		row->rvu_null[k] = (rc == 0);
	}

	for (k = 0; k < 2; k++)
	{
		int			c = k == 0 ? PC_NA_NF : PC_NA_F;

		f = r->fields[col[c]];
		if (f[0] != '\0' && !equal_ci(f, "NA"))
			return fail(err, TPI_CSV_ERR_VALUE, r->line,
						"%s \"%s\" is neither NA nor blank", pprrvu_columns[c],
						show(sh, sizeof(sh), f));
		if (k == 0)
			row->nonfacility_na = f[0] != '\0';
		else
			row->facility_na = f[0] != '\0';
	}

	f = r->fields[col[PC_GLOB]];
	if (f[0] != '\0')
	{
		size_t		n = strlen(f);

		if (n <= 3 && is_digit(f[0]) && (n < 2 || is_digit(f[1])) &&
			(n < 3 || is_digit(f[2])))
		{
			memset(row->global_days, '0', 3);
			memcpy(row->global_days + 3 - n, f, n);
		}
		else if (equal_ci(f, "XXX") || equal_ci(f, "YYY") ||
				 equal_ci(f, "ZZZ") || equal_ci(f, "MMM"))
		{
			for (i = 0; i < 3; i++)
				row->global_days[i] = to_upper(f[i]);
		}
		else
			return fail(err, TPI_CSV_ERR_VALUE, r->line,
						"GLOB DAYS \"%s\" is not a global period (0-999, XXX, YYY, ZZZ or MMM)",
						show(sh, sizeof(sh), f));
	}

	f = r->fields[col[PC_BILAT]];
	if (f[0] == '\0')
		row->bilateral = -1;
	else if (is_digit(f[0]) && f[1] == '\0')
		row->bilateral = f[0] - '0';
	else
		return fail(err, TPI_CSV_ERR_VALUE, r->line,
					"BILAT SURG \"%s\" is not an indicator 0-9", show(sh, sizeof(sh), f));
	return true;
}

bool
tpi_pprrvu_parse(TpiCsvReader *r, const char *data, size_t len,
				 TpiPprrvuInfo *info, TpiRvuRowFn fn, void *arg,
				 TpiCsvError *err)
{
	HeaderNames names;
	int			col[PC_N];
	int			ncols;
	int			rc;
	int			i;
	bool		have_banner = false;

	memset(info, 0, sizeof(*info));
	names.ncols = 0;
	tpi_csv_init(r, data, len);

	/* Banner and header: everything down to the HCPCS,MOD,DESCRIPTION row. */
	for (;;)
	{
		rc = tpi_csv_next(r, err);
		if (rc < 0)
			return false;
		if (rc == 0)
			return fail(err, TPI_CSV_ERR_LAYOUT, r->next_line > 1 ? r->next_line - 1 : 1,
						"no header row starting HCPCS,MOD,DESCRIPTION");
		trim_fields(r);
		if (blank_from(r, 0))
		{
			names.ncols = 0;
			continue;
		}
		if (!equal_ci(r->fields[0], "HCPCS"))
		{
			for (i = 0; i < r->nfields && !have_banner; i++)
			{
				int			b = pprrvu_banner(r->fields[i], &info->year, &info->month);
				char		sh[48];

				if (b < 0)
					return fail(err, TPI_CSV_ERR_LAYOUT, r->line,
								b == -1 ? "the banner \"%s\" names no year" :
								"the banner \"%s\" names no release month (January, April, July or October)",
								show(sh, sizeof(sh), r->fields[i]));
				have_banner = b > 0;
			}
		}
		names_add(&names, r);
		if (equal_ci(r->fields[0], "HCPCS"))
			break;
	}
	info->header_line = r->line;
	ncols = r->nfields;
	if (ncols < 3 || !equal_ci(r->fields[1], "MOD") ||
		!equal_ci(r->fields[2], "DESCRIPTION"))
		return fail(err, TPI_CSV_ERR_LAYOUT, r->line,
					"the header row does not start HCPCS,MOD,DESCRIPTION");
	if (!have_banner)
		return fail(err, TPI_CSV_ERR_LAYOUT, r->line,
					"no banner line such as \"2025 National Physician Fee Schedule "
					"Relative Value File January Release\" above the header");
	for (i = 0; i < PC_N; i++)
		if (!locate(&names, ncols, pprrvu_columns[i], false, r->line, &col[i], err))
			return false;
	snprintf(info->release, sizeof(info->release), "RVU%02d%c",
			 info->year % 100, "A??B??C??D"[info->month - 1]);

	for (;;)
	{
		TpiRvuRow	row;

		rc = tpi_csv_next(r, err);
		if (rc < 0)
			return false;
		if (rc == 0)
			break;
		trim_fields(r);
		if (blank_from(r, 0))
			continue;
		if (!check_width(r, ncols, info->header_line, err))
			return false;
		if (!pprrvu_row(r, col, &row, err))
			return false;
		fn(arg, &row);
		info->nrows++;
	}
	if (info->nrows == 0)
		return fail(err, TPI_CSV_ERR_LAYOUT, info->header_line,
					"no data rows after the header");
	return true;
}

/* ------------------------------------------------------------------------
 * GPCI
 * ------------------------------------------------------------------------
 */
enum
{
	GC_MAC, GC_STATE, GC_NUMBER, GC_NAME, GC_WORK, GC_PE, GC_MP, GC_N
};

static const struct
{
	const char *name;
	bool		contains;
}			gpci_columns[GC_N] = {
	{"MEDICARE ADMINISTRATIVE CONTRACTOR", true},
	{"STATE", false},
	{"LOCALITY NUMBER", false},
	{"LOCALITY NAME", false},
	{"PW GPCI", true},
	{"PE GPCI", true},
	{"MP GPCI", true},
};

static bool
gpci_row(const TpiCsvReader *r, const int *col, TpiGpciRow *row,
		 TpiCsvError *err)
{
	static const char *const what[3] = {"work GPCI", "PE GPCI", "MP GPCI"};
	char		sh[48];
	const char *mac = r->fields[col[GC_MAC]];
	const char *num = r->fields[col[GC_NUMBER]];
	const char *f;
	size_t		n;
	int			k;

	memset(row, 0, sizeof(*row));
	row->line = r->line;
	if (!all_digits(mac, 5))
		return fail(err, TPI_CSV_ERR_VALUE, r->line,
					"MAC \"%s\" is not a contractor number of up to 5 digits",
					show(sh, sizeof(sh), mac));
	if (!all_digits(num, 2))
		return fail(err, TPI_CSV_ERR_VALUE, r->line,
					"locality number \"%s\" is not a number of up to 2 digits",
					show(sh, sizeof(sh), num));
	snprintf(row->locality, sizeof(row->locality), "%05d-%02d",
			 small_int(mac) % 100000, small_int(num) % 100);

	f = r->fields[col[GC_STATE]];
	if (strlen(f) != 2 || !is_alpha(f[0]) || !is_alpha(f[1]))
		return fail(err, TPI_CSV_ERR_VALUE, r->line,
					"state \"%s\" is not a 2-letter code", show(sh, sizeof(sh), f));
	row->state[0] = to_upper(f[0]);
	row->state[1] = to_upper(f[1]);

	f = r->fields[col[GC_NAME]];
	n = strlen(f);
	while (n > 0 && (f[n - 1] == '*' || is_space(f[n - 1])))
		n--;
	if (n == 0)
		return fail(err, TPI_CSV_ERR_VALUE, r->line, "the locality name is empty");
	if (n >= sizeof(row->name))
		return fail(err, TPI_CSV_ERR_VALUE, r->line,
					"the locality name is longer than %d bytes", (int) sizeof(row->name) - 1);
	memcpy(row->name, f, n);

	for (k = 0; k < 3; k++)
	{
		int			rc;

		f = r->fields[col[GC_WORK + k]];
		rc = parse_fixed(f, 3, &row->gpci[k]);
		if (rc <= 0)
			return fail(err, TPI_CSV_ERR_VALUE, r->line,
						"%s \"%s\" is not a number with at most 3 decimals",
						what[k], show(sh, sizeof(sh), f));
		if (row->gpci[k] > 999999)	/* numeric(6,3) */
			return fail(err, TPI_CSV_ERR_VALUE, r->line,
						"%s \"%s\" is out of range", what[k], show(sh, sizeof(sh), f));
	}
	return true;
}

bool
tpi_gpci_parse(TpiCsvReader *r, const char *data, size_t len,
			   TpiGpciInfo *info, TpiGpciRowFn fn, void *arg,
			   TpiCsvError *err)
{
	HeaderNames names;
	int			col[GC_N];
	int			ncols;
	int			rc;
	int			i;
	int			notes_line = 0;
	bool		have_banner = false;

	memset(info, 0, sizeof(*info));
	tpi_csv_init(r, data, len);

	for (;;)
	{
		char		norm[64];

		rc = tpi_csv_next(r, err);
		if (rc < 0)
			return false;
		if (rc == 0)
			return fail(err, TPI_CSV_ERR_LAYOUT, r->next_line > 1 ? r->next_line - 1 : 1,
						"no header row starting \"Medicare Administrative Contractor\"");
		trim_fields(r);
		normalise(norm, sizeof(norm), r->fields[0]);
		if (strncmp(norm, "MEDICARE ADMINISTRATIVE CONTRACTOR", 34) == 0)
			break;
		for (i = 0; i < r->nfields && !have_banner; i++)
		{
			char		b[256];
			const char *at;

			normalise(b, sizeof(b), r->fields[i]);
			at = find(b, "GEOGRAPHIC PRACTICE COST INDICES");
			if (at == NULL)
				continue;
			info->year = last_year(b, at);
			if (info->year < 1990 || info->year > 2099)
			{
				char		sh[48];

				return fail(err, TPI_CSV_ERR_LAYOUT, r->line,
							"the banner \"%s\" names no year",
							show(sh, sizeof(sh), r->fields[i]));
			}
			have_banner = true;
		}
	}
	info->header_line = r->line;
	if (!have_banner)
		return fail(err, TPI_CSV_ERR_LAYOUT, r->line,
					"no banner line such as \"ADDENDUM E. FINAL CY 2025 GEOGRAPHIC "
					"PRACTICE COST INDICES (GPCIs) ...\" above the header");
	ncols = r->nfields;
	names.ncols = 0;
	names_add(&names, r);
	for (i = 0; i < GC_N; i++)
		if (!locate(&names, ncols, gpci_columns[i].name, gpci_columns[i].contains,
					r->line, &col[i], err))
			return false;
	snprintf(info->release, sizeof(info->release), "GPCI%04d", info->year);

	for (;;)
	{
		TpiGpciRow	row;

		rc = tpi_csv_next(r, err);
		if (rc < 0)
			return false;
		if (rc == 0)
			break;
		trim_fields(r);
		/* Notes (a first field alone, or nothing) end the table. */
		if (blank_from(r, 1))
		{
			if (notes_line == 0)
				notes_line = r->line;
			continue;
		}
		if (notes_line != 0)
			return fail(err, TPI_CSV_ERR_LAYOUT, r->line,
						"a locality row after the notes that end the table (line %d)",
						notes_line);
		if (!check_width(r, ncols, info->header_line, err))
			return false;
		if (!gpci_row(r, col, &row, err))
			return false;
		fn(arg, &row);
		info->nrows++;
	}
	if (info->nrows == 0)
		return fail(err, TPI_CSV_ERR_LAYOUT, info->header_line,
					"no locality rows after the header");
	return true;
}
