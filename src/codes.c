/*
 * codes.c
 *		Classes of CPT/HCPCS codes and modifiers that the line and day rules
 *		test: TPI, E/M, joint injections, imaging guidance, drug lines,
 *		anesthesia, other blocks, dry needling, distinct-procedure partners.
 *
 * Codes arrive as users stored them: padded char(5), lower case, stray
 * blanks.  Every test normalises first (trim, upper case) and a code that
 * is not five ASCII letters or digits belongs to no class; input.invalid
 * reports the shape separately.
 */
#include "tpi_rules.h"

static inline bool
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static inline bool
is_ascii_alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
		(c >= 'a' && c <= 'z');
}

static inline char
ascii_upper(char c)
{
	return (c >= 'a' && c <= 'z') ? c - 'a' + 'A' : c;
}

/*
 * Copies s, trimmed and upper-cased, into buf when it has exactly len ASCII
 * letters or digits; buf holds len + 1 bytes.
 */
static bool
normalise_fixed(const char *s, char *buf, int len)
{
	const char *end;
	int			i;

	if (s == NULL)
		return false;
	while (is_blank(*s))
		s++;
	end = s + strlen(s);
	while (end > s && is_blank(end[-1]))
		end--;
	if (end - s != len)
		return false;
	for (i = 0; i < len; i++)
	{
		if (!is_ascii_alnum(s[i]))
			return false;
		buf[i] = ascii_upper(s[i]);
	}
	buf[len] = '\0';
	return true;
}

bool
tpi_code_normalise(const char *hcpcs, char *buf)
{
	return normalise_fixed(hcpcs, buf, 5);
}

/* The numeric value of an all-digit code, or -1. */
static int
code_number(const char *hcpcs)
{
	char		buf[6];
	int			v = 0;
	int			i;

	if (!tpi_code_normalise(hcpcs, buf))
		return -1;
	for (i = 0; i < 5; i++)
	{
		if (buf[i] < '0' || buf[i] > '9')
			return -1;
		v = v * 10 + (buf[i] - '0');
	}
	return v;
}

bool
tpi_is_tpi_code(const char *hcpcs)
{
	int			v = code_number(hcpcs);

	return v == 20552 || v == 20553;
}

bool
tpi_is_em_code(const char *hcpcs)
{
	int			v = code_number(hcpcs);

	return v >= 99202 && v <= 99215;
}

bool
tpi_is_joint_injection(const char *hcpcs)
{
	int			v = code_number(hcpcs);

	return v >= 20600 && v <= 20611;
}

bool
tpi_is_guidance_code(const char *hcpcs)
{
	int			v = code_number(hcpcs);

	return v == 76942 || v == 77002 || v == 77021;
}

bool
tpi_is_drug_line(const char *hcpcs)
{
	char		buf[6];

	if (!tpi_code_normalise(hcpcs, buf))
		return false;
	return buf[0] == 'J' || strcmp(buf, "C9399") == 0;
}

bool
tpi_is_unclassified_drug(const char *hcpcs)
{
	char		buf[6];

	if (!tpi_code_normalise(hcpcs, buf))
		return false;
	return strcmp(buf, "J3490") == 0 || strcmp(buf, "J3590") == 0 ||
		strcmp(buf, "J9999") == 0 || strcmp(buf, "C9399") == 0;
}

bool
tpi_is_anesthesia_code(const char *hcpcs)
{
	int			v = code_number(hcpcs);

	return v >= 100 && v <= 1999;
}

bool
tpi_is_other_block(const char *hcpcs)
{
	int			v = code_number(hcpcs);

	return (v >= 20600 && v <= 20611) ||
		(v >= 64400 && v <= 64530) ||
		(v >= 62320 && v <= 62327) ||
		(v >= 64479 && v <= 64495) ||
		(v >= 20550 && v <= 20551);
}

bool
tpi_is_dry_needling(const char *hcpcs)
{
	int			v = code_number(hcpcs);

	return v == 20560 || v == 20561;
}

/*
 * A line a 59/X{EPSU} on a TPI line could mark the TPI as distinct from:
 * a surgical CPT code.  E/M, drugs, guidance (radiology) and the other TPI
 * code are outside this range or excluded, so they are no partner.
 */
bool
tpi_is_procedure_partner(const char *hcpcs)
{
	int			v = code_number(hcpcs);

	return v >= 10004 && v <= 69990 && v != 20552 && v != 20553;
}

bool
tpi_modifier_is_wellformed(const char *mod)
{
	char		buf[3];

	return normalise_fixed(mod, buf, 2);
}

bool
tpi_has_modifier(const ClaimLine *line, const char *mod)
{
	int			i;
	char		want[3];
	char		buf[3];

	if (!normalise_fixed(mod, want, 2))
		return false;
	for (i = 0; i < line->nmodifiers; i++)
		if (normalise_fixed(line->modifiers[i], buf, 2) &&
			buf[0] == want[0] && buf[1] == want[1])
			return true;
	return false;
}

bool
tpi_has_distinct_modifier(const ClaimLine *line)
{
	static const char *const distinct[] = {"59", "XS", "XE", "XP", "XU"};
	int			i;

	for (i = 0; i < lengthof(distinct); i++)
		if (tpi_has_modifier(line, distinct[i]))
			return true;
	return false;
}
