/*
 * zz_guard_stubs.c
 *		Temporary stand-ins for the rule engine so the guard trigger can be
 *		built and tested before rules_line.c, rules_day.c, frequency.c and
 *		muscles.c are merged.  Removed once they are.
 */
#include "tpi_rules.h"

#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datetime.h"

bool
tpi_is_tpi_code(const char *hcpcs)
{
	return hcpcs && (strcmp(hcpcs, "20552") == 0 || strcmp(hcpcs, "20553") == 0);
}

bool
tpi_has_modifier(const ClaimLine *line, const char *mod)
{
	int			i;

	for (i = 0; i < line->nmodifiers; i++)
		if (line->modifiers[i] && pg_strcasecmp(line->modifiers[i], mod) == 0)
			return true;
	return false;
}

void
tpi_check_line_rules(const ClaimLine *line, FindingList *fl)
{
	if (!tpi_is_tpi_code(line->hcpcs))
		return;
	if (!line->units_null && line->units > 1)
		tpi_add_finding(fl, "units.over_mue", line->claim_id, line->line_no,
						"units %d > 1", line->units);
	if (tpi_has_modifier(line, "50"))
		tpi_add_finding(fl, "modifier.bilateral", line->claim_id, line->line_no,
						"modifier 50");
	if (line->note_signed == 0)
		tpi_add_finding(fl, "doc.missing_element", line->claim_id, line->line_no,
						"note unsigned");
}

void
tpi_check_day_rules(ClaimLine *const *lines, int nlines, FindingList *fl)
{
	int			i,
				j;
	bool		has52 = false,
				has53 = false;

	for (i = 0; i < nlines; i++)
	{
		if (lines[i]->hcpcs && strcmp(lines[i]->hcpcs, "20552") == 0)
			has52 = true;
		if (lines[i]->hcpcs && strcmp(lines[i]->hcpcs, "20553") == 0)
			has53 = true;
	}
	for (i = 0; i < nlines; i++)
	{
		const ClaimLine *l = lines[i];
		bool		drug = false;

		if (has52 && has53 && strcmp(l->hcpcs, "20552") == 0)
			tpi_add_finding(fl, "day.both_codes", l->claim_id, l->line_no,
							"20552 and 20553 on one day");
		if (!tpi_is_tpi_code(l->hcpcs) || l->payer_id == NULL ||
			strcmp(l->payer_id, "medicare") != 0)
			continue;
		for (j = 0; j < nlines; j++)
			if (lines[j]->hcpcs && lines[j]->hcpcs[0] == 'J' &&
				lines[j]->claim_id && l->claim_id &&
				strcmp(lines[j]->claim_id, l->claim_id) == 0)
				drug = true;
		if (!drug)
			tpi_add_finding(fl, "drug.missing_on_claim", l->claim_id, l->line_no,
							"no drug line on claim %s", l->claim_id);
	}
}
