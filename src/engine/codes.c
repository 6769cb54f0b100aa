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
#include "claim.h"

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
	/* the usual shape first: exactly len letters or digits, no blanks */
	for (i = 0; i < len && is_ascii_alnum(s[i]); i++)
		buf[i] = ascii_upper(s[i]);
	if (i == len && s[len] == '\0')
	{
		buf[len] = '\0';
		return true;
	}
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

/* Only the TPI test is needed alone; rules take all classes at once. */
bool
tpi_is_tpi_code(const char *hcpcs)
{
	char		buf[6];

	return (tpi_code_classes(hcpcs, buf) & TPI_CODE_TPI) != 0;
}

bool
tpi_modifier_is_wellformed(const char *mod)
{
	char		buf[3];

	return normalise_fixed(mod, buf, 2);
}

/*
 * The classes of the all-digit code v, or of the code buf with letters
 * (v < 0).  A partner is what a 59/X{EPSU} on a TPI line could mark the TPI
 * as distinct from: a surgical CPT code; E/M, drugs, guidance (radiology)
 * and the other TPI code are no partner.
 */
static uint32
classes_of(int v, const char *buf)
{
	uint32		m = 0;

	if (v < 0)
	{
		/* buf is five characters and a NUL: fixed-size compares */
		if (buf[0] == 'J' || memcmp(buf, "C9399", 6) == 0)
			m |= TPI_CODE_DRUG;
		if (memcmp(buf, "J3490", 6) == 0 || memcmp(buf, "J3590", 6) == 0 ||
			memcmp(buf, "J9999", 6) == 0 || memcmp(buf, "C9399", 6) == 0)
			m |= TPI_CODE_UNCLASSIFIED_DRUG;
		return m;
	}
	if (v == 20552 || v == 20553)
		m |= TPI_CODE_TPI;
	if (v >= 99202 && v <= 99215)
		m |= TPI_CODE_EM;
	if (v >= 20600 && v <= 20611)
		m |= TPI_CODE_JOINT;
	if (v == 76942 || v == 77002 || v == 77021)
		m |= TPI_CODE_GUIDANCE;
	if (v >= 100 && v <= 1999)
		m |= TPI_CODE_ANESTHESIA;
	if ((v >= 20600 && v <= 20611) || (v >= 64400 && v <= 64530) ||
		(v >= 62320 && v <= 62327) || (v >= 64479 && v <= 64495) ||
		(v >= 20550 && v <= 20551))
		m |= TPI_CODE_OTHER_BLOCK;
	if (v == 20560 || v == 20561)
		m |= TPI_CODE_DRY_NEEDLING;
	if (v >= 10004 && v <= 69990 && v != 20552 && v != 20553)
		m |= TPI_CODE_PARTNER;
	return m;
}

uint32
tpi_code_classes(const char *hcpcs, char *buf)
{
	int			v = 0;
	int			i;

	/* the usual shape first: five digits, nothing around them */
	if (hcpcs != NULL)
	{
		for (i = 0; i < 5 && hcpcs[i] >= '0' && hcpcs[i] <= '9'; i++)
		{
			buf[i] = hcpcs[i];
			v = v * 10 + (hcpcs[i] - '0');
		}
		if (i == 5 && hcpcs[5] == '\0')
		{
			buf[5] = '\0';
			return classes_of(v, buf);
		}
		v = 0;
	}
	if (!tpi_code_normalise(hcpcs, buf))
	{
		buf[0] = '\0';
		return 0;
	}
	for (i = 0; i < 5 && v >= 0; i++)
		v = (buf[i] >= '0' && buf[i] <= '9') ? v * 10 + (buf[i] - '0') : -1;
	return classes_of(v, buf);
}

uint32
tpi_line_code_classes(const ClaimLine *line, char *buf)
{
	if (line->derived)
	{
		memcpy(buf, line->code, sizeof(line->code));
		return line->code_classes;
	}
	return tpi_code_classes(line->hcpcs, buf);
}

uint32
tpi_modifier_flags(const ClaimLine *line)
{
	uint32		m = 0;
	int			i;
	char		buf[3];

	if (line->derived)
		return line->mod_flags;
	for (i = 0; i < line->nmodifiers; i++)
	{
		if (!normalise_fixed(line->modifiers[i], buf, 2))
			continue;
		if (strcmp(buf, "25") == 0)
			m |= TPI_MOD_25;
		else if (strcmp(buf, "50") == 0)
			m |= TPI_MOD_50;
		else if (strcmp(buf, "LT") == 0)
			m |= TPI_MOD_LT;
		else if (strcmp(buf, "RT") == 0)
			m |= TPI_MOD_RT;
		else if (strcmp(buf, "59") == 0 || strcmp(buf, "XS") == 0 ||
				 strcmp(buf, "XE") == 0 || strcmp(buf, "XP") == 0 ||
				 strcmp(buf, "XU") == 0)
			m |= TPI_MOD_DISTINCT;
	}
	return m;
}
