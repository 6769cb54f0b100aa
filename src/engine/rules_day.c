/*
 * rules_day.c
 *		The day rules of SPEC section 6: every rule that looks at all lines of
 *		one patient on one date of service, and the final function of the
 *		check_day() aggregate.
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
#include "tpi_rules.h"

#include "catalog/pg_type.h"
#include "lib/stringinfo.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

typedef struct DayLine
{
	ClaimLine  *line;
	int			order;			/* position in the caller's array */
	char		code[6];		/* normalised hcpcs, "" if malformed */
	uint32		cls;			/* TPI_CODE_* bits */
	uint32		mods;			/* TPI_MOD_* bits */
	bool		is_tpi;
	const MuscleSummary *ms;	/* TPI lines only */
	const PayerPolicy *pol;		/* TPI lines with a usable date only */
} DayLine;

static int
dayline_cmp(const void *a, const void *b)
{
	const DayLine *x = a;
	const DayLine *y = b;
	int			c;

	if ((x->line->claim_id == NULL) != (y->line->claim_id == NULL))
		return x->line->claim_id == NULL ? 1 : -1;
	if (x->line->claim_id != y->line->claim_id &&
		(c = strcmp(x->line->claim_id, y->line->claim_id)) != 0)
		return c;
	if (x->line->line_no_null != y->line->line_no_null)
		return x->line->line_no_null ? 1 : -1;
	if (!x->line->line_no_null && x->line->line_no != y->line->line_no)
		return x->line->line_no < y->line->line_no ? -1 : 1;
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

/* The policy that governs non-TPI line d (see the file header). */
static const PayerPolicy *
policy_for_other(DayLine *dl, int n, const DayLine *d)
{
	int			i;
	const PayerPolicy *first = NULL;

	for (i = 0; i < n; i++)
		if (dl[i].is_tpi && dl[i].pol)
		{
			if (same_claim(&dl[i], d))
				return dl[i].pol;
			if (first == NULL)
				first = dl[i].pol;
		}
	return first;
}

/* ------------------------------------------------------------------------
 * Claim notes: drug name and dose (drug.unclassified_without_note)
 * ------------------------------------------------------------------------
 */
static inline bool
ascii_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline bool
ascii_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool
contains_ci(const char *hay, const char *needle)
{
	size_t		n;

	while (*needle == ' ')
		needle++;
	n = strlen(needle);
	while (n > 0 && needle[n - 1] == ' ')
		n--;
	if (n == 0)
		return false;
	for (; *hay; hay++)
		if (pg_strncasecmp(hay, needle, n) == 0)
			return true;
	return false;
}

/*
 * A dose: a number (not part of a code such as J3490) followed, after
 * optional blanks, by mg, mcg, ml, cc, %, unit(s) or g as a whole word.
 */
static bool
text_has_dose(const char *s)
{
	static const char *const units[] = {"mcg", "mg", "ml", "cc", "units", "unit", "g"};
	const char *p = s;

	while (*p)
	{
		const char *q;
		int			i;

		if (!ascii_digit(*p) || (p > s && (ascii_alpha(p[-1]) || ascii_digit(p[-1]))))
		{
			p++;
			continue;
		}
		q = p;
		while (ascii_digit(*q))
			q++;
		if ((*q == '.' || *q == ',') && ascii_digit(q[1]))
		{
			q++;
			while (ascii_digit(*q))
				q++;
		}
		while (*q == ' ')
			q++;
		if (*q == '%')
			return true;
		for (i = 0; i < lengthof(units); i++)
		{
			size_t		len = strlen(units[i]);

			if (pg_strncasecmp(q, units[i], len) == 0 && !ascii_alpha(q[len]))
				return true;
		}
		p = q > p ? q : p + 1;
	}
	return false;
}

/*
 * Whether some claim_note on drug line d's claim names a drug and a dose:
 * a known injectate, or the drug_name documented on a TPI line of the claim.
 */
static bool
claim_note_names_drug(DayLine *dl, int n, const DayLine *d)
{
	int			i,
				j;

	for (i = 0; i < n; i++)
	{
		const char *note = dl[i].line->claim_note;
		bool		names = false;

		if (!same_claim(&dl[i], d) || note == NULL || !text_has_dose(note))
			continue;
		if (tpi_text_names_injectate(note))
			names = true;
		for (j = 0; j < n && !names; j++)
			if (dl[j].is_tpi && same_claim(&dl[j], d) &&
				!tpi_drug_is_none(dl[j].line->drug_name) &&
				contains_ci(note, dl[j].line->drug_name))
				names = true;
		if (names)
			return true;
	}
	return false;
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

static void
check_policy(DayLine *dl, int n, FindingList *fl)
{
	int			i,
				j;
	int			first_tpi = -1;

	for (i = 0; i < n; i++)
		if (dl[i].is_tpi)
		{
			first_tpi = i;
			break;
		}

	/* Session-wide: anatomical regions. */
	if (first_tpi >= 0 && dl[first_tpi].pol &&
		dl[first_tpi].pol->one_region_per_session)
	{
		uint32		mask = 0;
		int			nreg = 0;

		for (i = 0; i < n; i++)
			if (dl[i].is_tpi)
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
			if (d->pol && d->pol->drug_on_claim == DRUG_REQUIRED)
			{
				bool		drug = false;

				for (j = 0; j < n && !drug; j++)
					if ((dl[j].cls & TPI_CODE_DRUG) && same_claim(&dl[j], d))
						drug = true;
				if (!drug)
					tpi_add_line_finding(fl, "drug.missing_on_claim", l,
										 "%s billed and the claim has no drug line; payer policy %s requires the injected drug on the same claim (%s): add the drug's J-code (or C9399 on institutional claims) with its units.",
										 d->code, d->pol->payer_id, d->pol->name);
			}
			if (d->mods & TPI_MOD_DISTINCT)
			{
				bool		partner = false;

				for (j = 0; j < n && !partner; j++)
					if (j != i && (dl[j].cls & TPI_CODE_PARTNER))
						partner = true;
				if (!partner)
					tpi_add_line_finding(fl, "modifier.distinct_without_partner", l,
										 "%s carries a distinct-procedure modifier (59, XS, XE, XP or XU) but no other procedure was billed that day for it to be distinct from (NCCI Policy Manual); remove the modifier.",
										 d->code);
			}
			continue;
		}

		pol = NULL;
		if (d->cls & (TPI_CODE_OTHER_BLOCK | TPI_CODE_GUIDANCE | TPI_CODE_DRUG))
			pol = policy_for_other(dl, n, d);

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
			bool		claim_has_tpi = false;

			for (j = 0; j < n && !claim_has_tpi; j++)
				if (dl[j].is_tpi && same_claim(&dl[j], d))
					claim_has_tpi = true;
			if (claim_has_tpi && pol && pol->drug_on_claim == DRUG_BUNDLED)
				tpi_add_line_finding(fl, "drug.bundled_billed", l,
									 "drug line %s on a trigger point injection claim, and payer policy %s bundles the injected drug into the procedure; remove the drug line, it will not be paid separately.",
									 d->code, pol->payer_id);
			if ((d->cls & TPI_CODE_UNCLASSIFIED_DRUG) && !claim_note_names_drug(dl, n, d))
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
	DayLine    *dl;
	int			i,
				n = 0,
				ntpi = 0,
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
			if (summaries && summaries[i])
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

	check_codes(dl, n, fl);
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

/*
 * tpi_rules.check_day_final(tpi_rules.claim_line[]) RETURNS tpi_rules.finding[]
 *
 * Final function of the check_day(claim_line) aggregate, whose state is the
 * array of the group's lines (array_append / array_cat, so the state needs
 * no serialisation to cross parallel workers or shards).  A NULL state (no
 * rows) and a day without findings both give '{}'.  NULL elements are
 * skipped.  The result is palloc'd in the caller's context; the FindingOut
 * is cached in fn_extra.  Does not modify the state, so it is safe to call
 * again when the aggregate is used as a window function.
 */
PG_FUNCTION_INFO_V1(tpi_check_day_final);
Datum
tpi_check_day_final(PG_FUNCTION_ARGS)
{
	FindingOut *fo = fcinfo->flinfo->fn_extra;
	FindingList fl;
	ArrayType  *arr;
	Datum	   *elems;
	bool	   *nulls;
	int			nelems,
				i,
				n = 0;
	Oid			elemtype;
	int16		elmlen;
	bool		elmbyval;
	char		elmalign;
	ClaimLine **lines;

	if (fo == NULL)
	{
		fo = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(FindingOut));
		tpi_finding_out_init(fo, tpi_finding_typid_from_fcinfo(fcinfo),
							 fcinfo->flinfo->fn_mcxt);
		fcinfo->flinfo->fn_extra = fo;
	}
	tpi_findings_init(&fl);
	if (PG_ARGISNULL(0))
		PG_RETURN_DATUM(tpi_findings_array(fo, &fl));

	arr = PG_GETARG_ARRAYTYPE_P(0);
	elemtype = ARR_ELEMTYPE(arr);
	get_typlenbyvalalign(elemtype, &elmlen, &elmbyval, &elmalign);
	deconstruct_array(arr, elemtype, elmlen, elmbyval, elmalign,
					  &elems, &nulls, &nelems);
	lines = palloc(Max(nelems, 1) * sizeof(ClaimLine *));
	for (i = 0; i < nelems; i++)
	{
		if (nulls[i])
			continue;
		lines[n] = palloc(sizeof(ClaimLine));
		tpi_claim_from_datum(elems[i], lines[n]);
		n++;
	}
	tpi_check_day_rules(lines, n, &fl);
	PG_RETURN_DATUM(tpi_findings_array(fo, &fl));
}

/*
 * tpi_rules.check_day_accum(claim_line[], claim_line) RETURNS claim_line[]
 *
 * Transition function of check_day(): appends the line to a flat array in
 * the aggregate context.  array_append keeps an expanded array with a
 * memory context of its own per group, and hash aggregation walks every
 * group's context each time it checks its memory: quadratic in the number
 * of groups.  A day has a few lines, so copying the flat array per line is
 * cheap.  NULL rows are skipped (the final function would skip them too).
 */
PG_FUNCTION_INFO_V1(tpi_check_day_accum);
Datum
tpi_check_day_accum(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	MemoryContext old;
	Oid			elemtype;
	int16		typlen;
	bool		typbyval;
	char		typalign;
	Datum	   *elems;
	bool	   *nulls;
	int			n = 0;
	ArrayType  *result;
	int			dims[1];
	int			lbs[1] = {1};

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("check_day_accum() called in a non-aggregate context")));
	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	elemtype = get_fn_expr_argtype(fcinfo->flinfo, 1);
	get_typlenbyvalalign(elemtype, &typlen, &typbyval, &typalign);

	old = MemoryContextSwitchTo(aggcxt);
	if (!PG_ARGISNULL(0))
	{
		ArrayType  *state = PG_GETARG_ARRAYTYPE_P(0);

		deconstruct_array(state, elemtype, typlen, typbyval, typalign,
						  &elems, &nulls, &n);
		elems = repalloc(elems, (n + 1) * sizeof(Datum));
		nulls = repalloc(nulls, (n + 1) * sizeof(bool));
	}
	else
	{
		elems = palloc(sizeof(Datum));
		nulls = palloc(sizeof(bool));
	}
	elems[n] = PG_GETARG_DATUM(1);
	nulls[n] = false;
	dims[0] = n + 1;
	result = construct_md_array(elems, nulls, 1, dims, lbs, elemtype,
								typlen, typbyval, typalign);
	/* the executor frees the previous state itself */
	pfree(elems);
	pfree(nulls);
	MemoryContextSwitchTo(old);
	PG_RETURN_ARRAYTYPE_P(result);
}
