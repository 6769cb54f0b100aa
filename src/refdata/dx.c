/*
 * dx.c
 *		ICD-10-CM codes: normalising a line's diagnoses, their validity on
 *		a date (tpi_rules.icd10) and payer coverage (covered_dx), read from
 *		the policy cache (policy.c).
 */
#include "refdata.h"
#include "policy_cache.h"

#include <ctype.h>

bool
tpi_dx_normalise(const char *code, char *buf, size_t buflen)
{
	size_t		n = 0;
	const char *p;

	if (code == NULL)
		return false;
	for (p = code; *p; p++)
	{
		unsigned char ch = (unsigned char) *p;

		if (ch == '.' || ch == ' ' || ch == '\t')
			continue;
		/* isascii() && isalnum(), spelt out: the ASCII classes are fixed */
		if (!((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') ||
			  (ch >= 'a' && ch <= 'z')) || n + 1 >= buflen)
			return false;
		/* toupper() leaves digits and capitals as they are in any locale */
		buf[n++] = (ch >= 'a' && ch <= 'z') ? toupper(ch) : ch;
	}
	buf[n] = '\0';
	/* letter, digit, then 1 to 5 alphanumerics: 3 to 7 characters */
	if (n < 3 || n > 7)
		return false;
	/* ASCII is classified the same in every locale: no ctype call for it */
	if ((unsigned char) buf[0] < 0x80 ?
		!((buf[0] >= 'A' && buf[0] <= 'Z') || (buf[0] >= 'a' && buf[0] <= 'z')) :
		!isalpha((unsigned char) buf[0]))
		return false;
	return buf[1] >= '0' && buf[1] <= '9';
}

bool
tpi_dx_covered(const PayerPolicy *pol, const char *normalised)
{
	uint64		key;
	int			lo = 0,
				hi = pol->ncovered_dx_keys - 1;

	/* a longer string is no normalised code, and in no covered set */
	if (!dx_key(normalised, &key))
		return false;
	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;

		if (pol->covered_dx_keys[mid] == key)
			return true;
		if (pol->covered_dx_keys[mid] < key)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return false;
}

DxStatus
tpi_dx_status(const char *normalised, DateADT dos, const char **replaced_by)
{
	PolicyCache *c = tpi_policy_cache();
	DxEntry		key;
	DxEntry    *e;
	uint64		k;
	int			slot = -1;

	*replaced_by = NULL;
	/* the same few codes again and again: remember where each one is */
	if (dx_key(normalised, &k) && k != 0)
	{
		slot = (int) ((k * UINT64CONST(0x9e3779b97f4a7c15)) >> 56);
		if (c->dx_memo[slot].key == k)
		{
			e = c->dx_memo[slot].entry;
			goto found;
		}
	}
	key.code = (char *) normalised;
	e = bsearch(&key, c->dx, c->ndx, sizeof(DxEntry), cmp_dx);
	if (slot >= 0)
	{
		c->dx_memo[slot].key = k;
		c->dx_memo[slot].entry = e;
	}
found:
	if (e == NULL)
		return DX_UNKNOWN;
	*replaced_by = e->replaced_by;
	if (dos < e->effective_from)
		return DX_NOT_YET;
	if (dos > e->effective_to)
		return DX_EXPIRED;
	if (!e->billable)
		return DX_NOT_BILLABLE;
	return DX_VALID;
}
