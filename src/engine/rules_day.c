/*
 * rules_day.c
 *		The day rules of SPEC section 6: every rule that looks at all lines of
 *		one patient on one date of service (the check_day() aggregate around
 *		them is in check_day.c).
 *
 * Day rules apply only to a day with at least one TPI line (20552/20553):
 * an E/M without 25 on a day with no TPI is not this extension's business.
 * Lines are taken in (claim_id, line_no) order, so "the first line" and the
 * findings' order are the same however the caller fed them.
 *
 * Which payer policy: a rule about a TPI line uses that line's payer; a
 * rule about another line (guidance, block, drug line) uses the payer of
 * the first TPI line on the same claim, else of the day's first TPI line;
 * the session-wide region rule uses the day's first TPI line.  A TPI line
 * whose date of service is NULL or infinite has no policy (input.invalid
 * reports the date), so the policy rules skip it.
 */
#include "rules.h"

#include "catalog/pg_type.h"
#include "lib/stringinfo.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

typedef struct DayClaim DayClaim;

typedef struct DayLine
{
	ClaimLine  *line;
	int			order;			/* position in the caller's array */
	char		code[6];		/* normalised hcpcs, "" if malformed */
	uint32		cls;			/* TPI_CODE_* bits */
	uint32		mods;			/* TPI_MOD_* bits */
	bool		is_tpi;
	bool		note;			/* TPI lines: the line has note data */
	const MuscleSummary *ms;	/* TPI lines only */
	const PayerPolicy *pol;		/* TPI lines with a usable date only */
	DayClaim   *claim;			/* the lines of its claim on this date */
} DayLine;

/*
 * The lines of one claim on the date: sorted by claim_id, they are a run
 * of the day's lines, so every "same claim" question is answered once per
 * claim and a day of thousands of lines stays linear.
 */
struct DayClaim
{
	int			lo,
				hi;				/* dl[lo .. hi-1] */
	const PayerPolicy *tpi_pol; /* policy of the claim's first TPI line */
	bool		has_tpi;
	bool		has_j_drug;		/* a drug line other than C9399 */
	bool		has_c9399_hopd; /* C9399 on a POS 19 or 22 line */
	bool		has_c9399_nopos;	/* C9399 with no place of service */
	uint32		drug_classes;	/* injectate classes of the drug lines' codes */
	int			note_names_drug;	/* -1 not yet known, else 0 or 1 */
};

static int
dayline_cmp(const void *a, const void *b)
{
	const DayLine *x = a;
	const DayLine *y = b;
	int			c;

	if ((c = tpi_line_key_cmp(x->line->claim_id, x->line->line_no,
							  x->line->line_no_null, y->line->claim_id,
							  y->line->line_no, y->line->line_no_null)) != 0)
		return c;
	return x->order - y->order;
}

static bool
same_claim(const DayLine *a, const DayLine *b)
{
	/* callers may share one string between the lines of a claim */
	if (a->line->claim_id == b->line->claim_id)
		return true;
	if (a->line->claim_id == NULL || b->line->claim_id == NULL)
		return a->line->claim_id == b->line->claim_id;
	return strcmp(a->line->claim_id, b->line->claim_id) == 0;
}

static int
units_of(const ClaimLine *line)
{
	if (line->units_null)
		return 1;
	return line->units > 0 ? line->units : 0;
}

/* Hospital outpatient (POS 19 off-campus, 22 on-campus). */
static bool
pos_is_hopd(const char *pos)
{
	int			c = tpi_pos_code(pos);

	return c == 19 || c == 22;
}

/*
 * Groups the sorted lines by claim and answers, per claim, what the rules
 * ask of "the same claim".
 */
static DayClaim *
group_claims(DayLine *dl, int n, int *nclaims)
{
	DayClaim   *claims = palloc0(Max(n, 1) * sizeof(DayClaim));
	int			i,
				k = -1;

	for (i = 0; i < n; i++)
	{
		DayLine    *d = &dl[i];
		DayClaim   *c;

		if (k < 0 || !same_claim(&dl[claims[k].lo], d))
		{
			c = &claims[++k];
			c->lo = i;
			c->note_names_drug = -1;
		}
		c = &claims[k];
		c->hi = i + 1;
		d->claim = c;
		if (d->is_tpi)
		{
			c->has_tpi = true;
			if (c->tpi_pol == NULL && d->pol)
				c->tpi_pol = d->pol;
		}
		if (d->cls & TPI_CODE_DRUG)
		{
			if (memcmp(d->code, "C9399", 6) != 0)
				c->has_j_drug = true;
			else if (d->line->place_of_service == NULL)
				c->has_c9399_nopos = true;
			else if (pos_is_hopd(d->line->place_of_service))
				c->has_c9399_hopd = true;
			c->drug_classes |= tpi_injectate_hcpcs_classes(d->code);
		}
	}
	*nclaims = k + 1;
	return claims;
}

/*
 * The policy that governs non-TPI line d: the payer of the first TPI line
 * on the same claim, else of the day's first TPI line (see the file header).
 */
static const PayerPolicy *
policy_for_other(const PayerPolicy *day_pol, const DayLine *d)
{
	return d->claim->tpi_pol ? d->claim->tpi_pol : day_pol;
}

/* ------------------------------------------------------------------------
 * Claim notes: drug name and dose (drug.unclassified_without_note)
 * ------------------------------------------------------------------------
 */
/*
 * Whether some claim_note on drug line d's claim names a drug and a dose:
 * a known injectate, or the drug_name documented on a TPI line of the claim.
 * Answered once per claim.
 */
static bool
claim_note_names_drug(DayLine *dl, const DayLine *d)
{
	DayClaim   *c = d->claim;
	int			i,
				j;

	if (c->note_names_drug >= 0)
		return c->note_names_drug != 0;
	c->note_names_drug = 0;
	for (i = c->lo; i < c->hi; i++)
	{
		const char *note = dl[i].line->claim_note;
		bool		names = false;

		if (note == NULL || !tpi_text_has_dose(note))
			continue;
		if (tpi_text_names_injectate(note))
			names = true;
		for (j = c->lo; j < c->hi && !names; j++)
			if (dl[j].is_tpi &&
				!tpi_drug_is_none(dl[j].line->drug_name) &&
				tpi_text_contains(note, dl[j].line->drug_name))
				names = true;
		if (names)
		{
			c->note_names_drug = 1;
			break;
		}
	}
	return c->note_names_drug != 0;
}

/* ------------------------------------------------------------------------
 * The rules
 * ------------------------------------------------------------------------
 */
static void
check_codes(DayLine *dl, int n, FindingList *fl)
{
	bool		has53 = false,
				seen52 = false,
				seen53 = false,
				has_joint = false;
	int			i;

	for (i = 0; i < n; i++)
	{
		if (dl[i].is_tpi)
		{
			if (memcmp(dl[i].code, "20553", 6) == 0)
				has53 = true;
		}
		if (dl[i].cls & TPI_CODE_JOINT)
			has_joint = true;
	}

	for (i = 0; i < n; i++)
	{
		DayLine    *d = &dl[i];
		const ClaimLine *l = d->line;

		if (d->is_tpi)
		{
			bool		is52 = memcmp(d->code, "20552", 6) == 0;
			bool	   *seen = is52 ? &seen52 : &seen53;

			if (is52 && has53)
				tpi_add_line_finding(fl, "day.both_codes", l,
									 "20552 billed on a date that also has 20553 for the patient; CPT: the muscles of one session are one code, bill one unit of 20553 only and remove this line.");
			if (*seen && is52)
				tpi_add_line_finding(fl, "day.duplicate_code", l,
									 "a second 20552 line for the patient on this date; CPT: three or more muscles are one unit of 20553, not 20552 + 20552-XS or a 20552 line per side: bill one unit of 20553 (one unit of 20552 if the session had one or two muscles) and remove this line.");
			else if (*seen)
				tpi_add_line_finding(fl, "day.duplicate_code", l,
									 "a second 20553 line for the patient on this date; CPT: one unit of 20553 covers every muscle injected in the session, remove this line.");
			*seen = true;
			if (has_joint && !(d->mods & TPI_MOD_DISTINCT))
				tpi_add_line_finding(fl, "day.joint_injection_unmodified", l,
									 "%s billed with a joint injection (20600-20611) on the same date and no 59, XS, XE, XP or XU; NCCI bundles the two: append XS (or 59) if the trigger points were a separate site, or do not bill both.",
									 d->code);
			continue;
		}

		if (d->cls & TPI_CODE_EM)
		{
			if (d->mods & TPI_MOD_25)
				tpi_add_line_finding(fl, "day.em_with_25", l,
									 "E/M %s with modifier 25 on a trigger point injection date; the note must show a significant, separately identifiable evaluation beyond the procedure's own pre-service work.",
									 d->code);
			else
				tpi_add_line_finding(fl, "day.em_without_25", l,
									 "E/M %s on the same date as a trigger point injection without modifier 25; NCCI bundles it into the procedure: append 25 if a separately identifiable E/M was documented, else remove the E/M line.",
									 d->code);
		}
		if (d->cls & TPI_CODE_DRY_NEEDLING)
			tpi_add_line_finding(fl, "day.dry_needling_same_day", l,
								 "dry needling %s on the same date as a trigger point injection; CPT: 20560/20561 are not reported with 20552/20553 for the same muscles, remove one of them.",
								 d->code);
		if (d->cls & TPI_CODE_ANESTHESIA)
			tpi_add_line_finding(fl, "day.anesthesia_code", l,
								 "anesthesia code %s on the same date as a trigger point injection; trigger point injections do not support separate anesthesia (NCCI), remove the anesthesia line.",
								 d->code);
	}
}

/*
 * units.over_mue across lines: MUE 1 with MAI 2 is a date-of-service edit,
 * so the units of all of the patient's lines of one TPI code on the date
 * add up.  A line whose own units exceed 1 is reported by the line rule;
 * here the first further one-unit line of the code, once per code and day.
 */
static void
check_day_units(DayLine *dl, int n, FindingList *fl)
{
	static const char *const codes[] = {"20552", "20553"};
	int			c,
				i;

	for (c = 0; c < lengthof(codes); c++)
	{
		int64		total = 0;	/* int64: a day may have many lines */
		int			nlines = 0,
					sofar = 0;

		for (i = 0; i < n; i++)
			if (dl[i].is_tpi && memcmp(dl[i].code, codes[c], 6) == 0)
			{
				total += units_of(dl[i].line);
				nlines++;
			}
		if (nlines < 2 || total < 2)
			continue;
		for (i = 0; i < n; i++)
		{
			int			u;

			if (!dl[i].is_tpi || memcmp(dl[i].code, codes[c], 6) != 0)
				continue;
			u = units_of(dl[i].line);
			if (u == 1 && sofar >= 1)
			{
				/* once per code and day, on the first extra line */
				tpi_add_line_finding(fl, "units.over_mue", dl[i].line,
									 "%d units of %s for the patient on this date on %d lines; NCCI MUE for %s is 1 with MAI 2, a date-of-service edit that adds up every line of the code on the date: bill one unit on one line and remove the others.",
									 (int) Min(total, PG_INT32_MAX), codes[c], nlines,
									 codes[c]);
				break;
			}
			sofar += Min(u, 2);	/* only "at least one" matters */
		}
	}
}

static void
check_policy(DayLine *dl, int n, FindingList *fl)
{
	int			i,
				j;
	int			first_tpi = -1;
	int			npartner = 0;
	const PayerPolicy *day_pol = NULL;

	for (i = 0; i < n; i++)
	{
		if (dl[i].is_tpi && first_tpi < 0)
			first_tpi = i;
		if (dl[i].is_tpi && dl[i].pol && day_pol == NULL)
			day_pol = dl[i].pol;
		if (dl[i].cls & TPI_CODE_PARTNER)
			npartner++;
	}

	/*
	 * Session-wide: anatomical regions.  A line without note data has no
	 * known region (its muscles are NULL), so it adds none.
	 */
	if (first_tpi >= 0 && dl[first_tpi].pol &&
		dl[first_tpi].pol->one_region_per_session)
	{
		uint32		mask = 0;
		int			nreg = 0;

		for (i = 0; i < n; i++)
			if (dl[i].is_tpi && dl[i].note)
				mask |= dl[i].ms->regions;
		for (i = 0; i < TPI_NREGIONS; i++)
			if (mask & (1u << i))
				nreg++;
		if (nreg > 1)
		{
			StringInfoData names;
			int			k = 0;

			initStringInfo(&names);
			for (i = 0; i < TPI_NREGIONS; i++)
				if (mask & (1u << i))
				{
					if (k > 0)
						appendStringInfoString(&names, k == nreg - 1 ? " and " : ", ");
					appendStringInfoString(&names, tpi_region_names[i]);
					k++;
				}
			tpi_add_line_finding(fl, "day.multiple_regions", dl[first_tpi].line,
								 "the session's trigger point injections span %d anatomical regions (%s) and payer policy %s allows one region per session; bill one region per session and document the others at later sessions.",
								 nreg, names.data,
								 dl[first_tpi].pol->payer_id);
		}
	}

	for (i = 0; i < n; i++)
	{
		DayLine    *d = &dl[i];
		const ClaimLine *l = d->line;
		const PayerPolicy *pol;

		if (d->is_tpi)
		{
			DayClaim   *c = d->claim;

			/* C9399 is the drug line only on hospital outpatient claims */
			if (d->pol && d->pol->drug_on_claim == DRUG_REQUIRED &&
				!c->has_j_drug && !c->has_c9399_hopd &&
				!(c->has_c9399_nopos && pos_is_hopd(l->place_of_service)))
				tpi_add_line_finding(fl, "drug.missing_on_claim", l,
									 "%s billed and the claim has no drug line; payer policy %s requires the injected drug on the same claim (%s): add the drug's J-code with its units (C9399 counts only on hospital outpatient lines, place of service 19 or 22).",
									 d->code, d->pol->payer_id, d->pol->name);

			/*
			 * Without note data, drug.not_covered judges the claim's drug
			 * lines by their HCPCS codes (SPEC section 3).
			 */
			if (!d->note && d->pol && d->pol->covered_injectates != 0)
			{
				uint32		known = c->drug_classes & ~(1u << INJ_UNKNOWN);

				if (known != 0 && (known & d->pol->covered_injectates) == 0)
				{
					StringInfoData codes;
					int			k = 0;

					initStringInfo(&codes);
					for (j = c->lo; j < c->hi; j++)
						if ((dl[j].cls & TPI_CODE_DRUG) &&
							tpi_injectate_hcpcs_classes(dl[j].code) != 0)
						{
							if (k++ > 0)
								appendStringInfoString(&codes, ", ");
							appendStringInfoString(&codes, dl[j].code);
						}
					tpi_add_line_finding(fl, "drug.not_covered", l,
										 "the claim's drug %s %s %s classed as %s, and payer policy %s covers only %s for trigger point injections; the injection is not covered as billed.",
										 k == 1 ? "line" : "lines", codes.data,
										 k == 1 ? "is" : "are",
										 tpi_injectate_class_list(known),
										 d->pol->payer_id,
										 tpi_injectate_class_list(d->pol->covered_injectates));
				}
			}
			if ((d->mods & TPI_MOD_DISTINCT) && npartner == 0)
				tpi_add_line_finding(fl, "modifier.distinct_without_partner", l,
									 "%s carries a distinct-procedure modifier (59, XS, XE, XP or XU) but no other procedure was billed that day for it to be distinct from (NCCI Policy Manual); remove the modifier.",
									 d->code);
			continue;
		}

		pol = NULL;
		if (d->cls & (TPI_CODE_OTHER_BLOCK | TPI_CODE_GUIDANCE | TPI_CODE_DRUG))
			pol = policy_for_other(day_pol, d);

		if (pol && !pol->other_blocks_allowed && (d->cls & TPI_CODE_OTHER_BLOCK))
			tpi_add_line_finding(fl, "day.other_block_same_session", l,
								 "%s is another injection or block in the trigger point injection session, and payer policy %s does not allow both in one session (%s); bill them at separate sessions or bill only one.",
								 d->code, pol->payer_id, pol->name);
		if (pol && !pol->image_guidance_covered && (d->cls & TPI_CODE_GUIDANCE))
			tpi_add_line_finding(fl, "guidance.not_covered", l,
								 "imaging guidance %s with a trigger point injection, and payer policy %s does not cover image-guided trigger point injections (%s); remove the guidance line.",
								 d->code, pol->payer_id, pol->name);
		if (d->cls & TPI_CODE_DRUG)
		{
			if (d->claim->has_tpi && pol && pol->drug_on_claim == DRUG_BUNDLED)
				tpi_add_line_finding(fl, "drug.bundled_billed", l,
									 "drug line %s on a trigger point injection claim, and payer policy %s bundles the injected drug into the procedure; remove the drug line, it will not be paid separately.",
									 d->code, pol->payer_id);
			if ((d->cls & TPI_CODE_UNCLASSIFIED_DRUG) && !claim_note_names_drug(dl, d))
				tpi_add_line_finding(fl, "drug.unclassified_without_note", l,
									 "unclassified drug code %s without the drug's name and dose in the claim note; put both in Box 19 / loop 2300 NTE (e.g. 'lidocaine 1%% 5 ml'), or bill the drug's own J-code.",
									 d->code);
		}
	}
}

static void
check_guidance_units(DayLine *dl, int n, FindingList *fl)
{
	static const char *const codes[] = {"76942", "77002", "77021"};
	int			c,
				i;

	/* most days have no guidance line at all */
	for (i = 0; i < n && !(dl[i].cls & TPI_CODE_GUIDANCE); i++)
		;
	if (i == n)
		return;

	for (c = 0; c < lengthof(codes); c++)
	{
		int			total = 0;

		for (i = 0; i < n; i++)
		{
			int			u;

			if (!(dl[i].cls & TPI_CODE_GUIDANCE) || strcmp(dl[i].code, codes[c]) != 0)
				continue;
			u = units_of(dl[i].line);
			if (u > 0 && total > 0)
				tpi_add_line_finding(fl, "guidance.units", dl[i].line,
									 "imaging guidance %s again in the session, after an earlier line; CPT and NCCI allow one unit per session whatever the number of muscles: bill one unit on one line and remove this one.",
									 codes[c]);
			else if (u > 1)
				tpi_add_line_finding(fl, "guidance.units", dl[i].line,
									 "%d units of imaging guidance %s in the session; CPT and NCCI allow one unit per session whatever the number of muscles: bill one unit.",
									 u, codes[c]);
			total += u;
		}
	}
}

/* ------------------------------------------------------------------------
 * Entry points
 * ------------------------------------------------------------------------
 */
static void
check_day_rules(ClaimLine *const *lines, const MuscleSummary *const *summaries,
				int nlines, FindingList *fl, bool sort)
{
	static const MuscleSummary no_muscles;
	DayLine    *dl;
	int			i,
				n = 0,
				ntpi = 0,
				nclaims,
				start = fl->n;
	char		code[6];

	for (i = 0; i < nlines; i++)
		if (lines[i] &&
			((lines[i]->derived ? lines[i]->code_classes :
			  tpi_line_code_classes(lines[i], code)) & TPI_CODE_TPI))
			ntpi++;
	if (ntpi == 0)
		return;

	dl = palloc0(nlines * sizeof(DayLine));
	for (i = 0; i < nlines; i++)
	{
		DayLine    *d;

		if (lines[i] == NULL)
			continue;
		d = &dl[n++];
		d->line = lines[i];
		d->order = i;
		d->cls = tpi_line_code_classes(d->line, d->code);
		d->mods = tpi_modifier_flags(d->line);
		d->is_tpi = (d->cls & TPI_CODE_TPI) != 0;
		if (d->is_tpi)
		{
			d->note = tpi_line_has_note(d->line);
			if (!d->note)
				d->ms = &no_muscles;	/* regions unknown (SPEC section 3) */
			else if (summaries && summaries[i])
				d->ms = summaries[i];
			else
			{
				MuscleSummary *ms = palloc(sizeof(MuscleSummary));

				tpi_summarise_muscles(d->line->muscles, d->line->muscles_null, ms);
				d->ms = ms;
			}
			if (!d->line->dos_null && !DATE_NOT_FINITE(d->line->date_of_service))
			{
				bool		fallback;

				d->pol = tpi_policy_for(d->line->payer_id,
										d->line->date_of_service, &fallback);
			}
		}
	}
	qsort(dl, n, sizeof(DayLine), dayline_cmp);
	(void) group_claims(dl, n, &nclaims);

	check_codes(dl, n, fl);
	check_day_units(dl, n, fl);
	check_policy(dl, n, fl);
	check_guidance_units(dl, n, fl);
	if (sort)
		tpi_sort_findings(fl, start);
}

void
tpi_check_day_rules_ms(ClaimLine *const *lines,
					   const MuscleSummary *const *summaries,
					   int nlines, FindingList *fl)
{
	check_day_rules(lines, summaries, nlines, fl, false);
}

void
tpi_check_day_rules(ClaimLine *const *lines, int nlines, FindingList *fl)
{
	check_day_rules(lines, NULL, nlines, fl, true);
}
