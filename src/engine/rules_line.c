/*
 * rules_line.c
 *		The line rules of SPEC section 6: everything that needs one claim
 *		line and the reference data (muscle catalogue, payer policy, ICD-10,
 *		injectates, RVUs), and the SQL function check_line().
 *
 * A malformed value gets input.invalid and the other rules still run with
 * what is usable: a bad modifier does not hide an upcoded 20553.  Rules
 * that need the payer policy (or a date to judge a diagnosis) are skipped
 * when the date of service is NULL or infinite: no policy row applies to
 * such a line, and input.invalid already says why.
 */
#include "rules.h"
#include "window.h"

#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/tuplestore.h"

/* "M79.18" from the normalised "M7918". */
static char *
dx_display(const char *norm)
{
	size_t		len = strlen(norm);
	char	   *out;

	if (len <= 3)
		return pstrdup(norm);
	out = palloc(len + 2);
	memcpy(out, norm, 3);
	out[3] = '.';
	memcpy(out + 4, norm + 3, len - 3 + 1);
	return out;
}

static const char *
plural(int n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

/*
 * A line's diagnosis codes, normalised once for the input and the dx
 * checks; norm[i] is NULL where code i cannot be an ICD-10-CM code.
 */
typedef struct LineDx
{
	int			n;
	const char **norm;
	const char *local_norm[4];
	char		local_buf[4][16];
}			LineDx;

/* line->icd10[i] normalised into buf, or NULL when it is no ICD-10-CM code. */
static const char *
line_dx(const ClaimLine *line, int i, char *buf, size_t buflen)
{
	if (line->icd10[i] == NULL || !tpi_dx_normalise(line->icd10[i], buf, buflen))
		return NULL;
	return buf;
}

static void
line_dx_init(LineDx *dx, const ClaimLine *line)
{
	char		(*buf)[16] = dx->local_buf;
	int			i;

	dx->n = Max(line->nicd10, 0);
	dx->norm = dx->local_norm;
	if (dx->n > lengthof(dx->local_buf))
	{
		buf = palloc(dx->n * sizeof(*buf));
		dx->norm = palloc(dx->n * sizeof(char *));
	}
	for (i = 0; i < dx->n; i++)
		dx->norm[i] = line_dx(line, i, buf[i], sizeof(buf[i]));
}

/* ------------------------------------------------------------------------
 * input.invalid
 * ------------------------------------------------------------------------
 */

/*
 * One finding for the malformed items of a line's array (bad[i] marks
 * them): the first one named with its position, and how many in all.
 */
static void
add_malformed(FindingList *fl, const ClaimLine *line, char **items,
			  const bool *bad, int n, const char *noun, const char *nouns,
			  const char *expected)
{
	int			nbad = 0;
	int			first = -1;
	int			i;

	for (i = 0; i < n; i++)
		if (bad[i] && nbad++ == 0)
			first = i;
	if (nbad > 0)
		tpi_add_line_finding(fl, "input.invalid", line,
							 "%s %s%s%s (position %d) is not %s%s; correct or remove it.",
							 noun,
							 items[first] ? "'" : "",
							 tpi_show_text(items[first]),
							 items[first] ? "'" : "",
							 first + 1, expected,
							 nbad > 1 ? psprintf(" (%d malformed %s in all)", nbad, nouns) : "");
}

static bool
is_blank_text(const char *s)
{
	if (s == NULL)
		return true;
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return false;
	return true;
}

/*
 * An NDC as a claim needs it: 11 digits, as the 837P's LIN03 carries them,
 * or written 5-4-2 with hyphens (blanks around it allowed).  The 10-digit
 * package codes (4-4-2, 5-3-2, 5-4-1) are not: they must be padded to 11.
 */
static bool
ndc_is_wellformed(const char *s)
{
	int			seglen[3] = {0, 0, 0};
	int			seg = 0;
	int			digits = 0;

	while (*s == ' ')
		s++;
	for (; *s && *s != ' '; s++)
	{
		if (*s >= '0' && *s <= '9')
		{
			digits++;
			seglen[seg]++;
		}
		else if (*s == '-' && seg < 2)
			seg++;
		else
			return false;
	}
	while (*s == ' ')
		s++;
	if (*s != '\0')
		return false;
	if (seg == 0)
		return digits == 11;
	return seg == 2 && seglen[0] == 5 && seglen[1] == 4 && seglen[2] == 2;
}

static void
check_input(const ClaimLine *line, const LineDx *dx, FindingList *fl)
{
	static const char *const guidance_ok[] = {
		"none", "ultrasound", "fluoroscopy", "ct", "mri"
	};
	char		code[6];
	bool		local_bad[12];
	bool	   *bad;
	int			nitems;
	int			i;

#define REQUIRED(isnull, col) \
	if (isnull) \
		tpi_add_line_finding(fl, "input.invalid", line, \
							 "required column %s is NULL; fill it in, a claim line cannot be checked or billed without it.", \
							 col)
	REQUIRED(line->claim_id == NULL, "claim_id");
	REQUIRED(line->line_no_null && !line->line_no_out_of_range, "line_no");
	if (line->line_no_out_of_range)
		tpi_add_line_finding(fl, "input.invalid", line,
							 "line_no is outside the smallint range of claim line numbers; renumber the line (1 to 32767).");
	REQUIRED(line->patient_id == NULL, "patient_id");
	REQUIRED(line->payer_id == NULL, "payer_id");
	REQUIRED(line->dos_null, "date_of_service");
	REQUIRED(line->hcpcs == NULL, "hcpcs");
#undef REQUIRED

	/* a malformed code leaves the buffer empty */
	(void) tpi_line_code_classes(line, code);
	if (line->hcpcs != NULL && code[0] == '\0')
		tpi_add_line_finding(fl, "input.invalid", line,
							 "hcpcs '%s' is not a CPT/HCPCS code (five ASCII letters or digits); correct the code.",
							 tpi_show_text(line->hcpcs));

	if (line->nmodifiers > 4)
		tpi_add_line_finding(fl, "input.invalid", line,
							 "%d modifiers; a claim line carries at most four, remove the extra ones.",
							 line->nmodifiers);
	nitems = Max(line->nmodifiers, line->nicd10);	/* -1: both NULL */
	bad = nitems <= (int) lengthof(local_bad) ? local_bad :
		palloc(nitems * sizeof(bool));
	for (i = 0; i < line->nmodifiers; i++)
		bad[i] = !tpi_modifier_is_wellformed(line->modifiers[i]);
	add_malformed(fl, line, line->modifiers, bad, line->nmodifiers,
				  "modifier", "modifiers", "two ASCII letters or digits");

	if (!line->units_null && line->units < 1)
		tpi_add_line_finding(fl, "input.invalid", line,
							 "units is %d; units of service must be 1 or more, correct the units.",
							 line->units);

	if (line->place_of_service != NULL && !tpi_pos_is_known(line->place_of_service))
		tpi_add_line_finding(fl, "input.invalid", line,
							 "place of service '%s' is not a CMS place of service code; use the two-digit code (11 office, 22 on-campus outpatient hospital, 24 ASC).",
							 tpi_show_text(line->place_of_service));

	if (!line->dos_null && !tpi_dos_in_range(line->date_of_service))
		tpi_add_line_finding(fl, "input.invalid", line,
							 "date of service %s is outside 2000-01-01 to 2099-12-31; correct the date.",
							 tpi_date_text(line->date_of_service));

	for (i = 0; i < line->nicd10; i++)
		bad[i] = dx->norm[i] == NULL;
	add_malformed(fl, line, line->icd10, bad, line->nicd10,
				  "diagnosis", "diagnoses", "an ICD-10-CM code");

	if (line->guidance != NULL)
	{
		bool		ok = false;

		for (i = 0; i < lengthof(guidance_ok); i++)
			if (tpi_same_word(line->guidance, strlen(line->guidance), guidance_ok[i]))
				ok = true;
		if (!ok)
			tpi_add_line_finding(fl, "input.invalid", line,
								 "guidance '%s' is not one of none, ultrasound, fluoroscopy, ct, mri; correct it.",
								 tpi_show_text(line->guidance));
	}

	/* a blank ndc is none, as a blank drug_dose is */
	if (!is_blank_text(line->ndc) && !ndc_is_wellformed(line->ndc))
		tpi_add_line_finding(fl, "input.invalid", line,
							 "ndc '%s' is not an 11-digit National Drug Code (11 digits, as the 837P LIN03 carries them, or 5-4-2 with hyphens); pad a 10-digit package code with a leading zero in its short segment (0409-4276-01 is 00409-4276-01).",
							 tpi_show_text(line->ndc));

	if (!line->trigger_points_null && line->trigger_points < 0)
		tpi_add_line_finding(fl, "input.invalid", line,
							 "trigger_points is %d; the number of trigger points cannot be negative, correct it.",
							 line->trigger_points);
}

/* ------------------------------------------------------------------------
 * Muscle count, code choice and documentation
 * ------------------------------------------------------------------------
 */
static char *
price_difference(const ClaimLine *line)
{
	const char *pos = "11";
	int64		c52,
				c53,
				diff;
	char	   *date;

	if (line->place_of_service && tpi_pos_is_known(line->place_of_service))
		pos = line->place_of_service;
	if (line->dos_null || DATE_NOT_FINITE(line->date_of_service))
		return pstrdup("the difference could not be priced: the line has no usable date of service");
	date = tpi_date_text(line->date_of_service);
	if (!tpi_try_expected_payment_cents("20553", line->date_of_service, pos, NULL, &c53) ||
		!tpi_try_expected_payment_cents("20552", line->date_of_service, pos, NULL, &c52))
		return psprintf("the difference could not be priced: no PFS relative values or conversion factor for 20552/20553 on %s, load that year's release with tpi_rules.load_pprrvu()",
						date);
	diff = c53 - c52;
	return psprintf("20553 pays $" INT64_FORMAT ".%02d %s than 20552 at the Medicare national rate for POS %s on %s",
					(diff < 0 ? -diff : diff) / 100,
					(int) ((diff < 0 ? -diff : diff) % 100),
					diff < 0 ? "less" : "more", tpi_show_text(pos), date);
}

static void
check_muscles(const ClaimLine *line, const char *code, const MuscleSummary *ms,
			  FindingList *fl)
{
	bool		is53 = memcmp(code, "20553", 6) == 0;

	if (is53 && ms->count < 3)
		tpi_add_line_finding(fl, "code.upcoded", line,
							 "20553 billed with %s documented; CPT 20553 is three or more muscles, bill one unit of 20552 for one or two muscles or document every muscle injected.",
							 ms->count == 0 ? "no countable muscle" :
							 psprintf("%d %s", ms->count, plural(ms->count, "muscle", "muscles")));
	if (!is53 && ms->count >= 3)
		tpi_add_line_finding(fl, "code.downcoded", line,
							 "20552 billed with %d muscles documented; CPT: three or more muscles are one unit of 20553, bill 20553 instead (%s).",
							 ms->count, price_difference(line));
	if (ms->count == 0)
	{
		const char *why;

		if (line->muscles_null)
			why = "muscles is NULL";
		else if (ms->nentries == 0)
			why = "no muscle entries";
		else
			why = psprintf("only region terms such as '%s'",
						   tpi_show_text(ms->first_region_term));
		tpi_add_line_finding(fl, "code.no_muscles", line,
							 "%s billed but no countable muscle is documented (%s); document each muscle injected with its side, or do not bill a trigger point injection.",
							 code, why);
	}
	if (ms->nregion > 0 && ms->nregion == ms->nentries)
		tpi_add_line_finding(fl, "doc.region_only", line,
							 "the muscles documented are only %s ('%s'); the LCD counts muscles, not regions: document the muscles injected, e.g. 'right upper trapezius'.",
							 plural(ms->nregion, "a region term", "region terms"),
							 tpi_show_text(ms->first_region_term));
	if (ms->ngroup > 0)
		tpi_add_line_finding(fl, "doc.muscle_group_term", line,
							 "group term '%s'%s was counted as one muscle per side; document the individual muscles injected.",
							 tpi_show_text(ms->first_group),
							 ms->ngroup > 1 ? psprintf(" (and %d more group %s)", ms->ngroup - 1,
													   plural(ms->ngroup - 1, "term", "terms")) : "");
	if (ms->nunknown > 0)
		tpi_add_line_finding(fl, "doc.unknown_muscle", line,
							 "'%s'%s is not in the muscle catalogue and was counted as one muscle; correct the spelling or add the muscle to tpi_rules.muscle.",
							 tpi_show_text(ms->first_unknown),
							 ms->nunknown > 1 ? psprintf(" (one of %d unknown entries)", ms->nunknown) : "");
}

/*
 * The elements are the Medicare LCDs' documentation requirements; the
 * message cites the payer's own LCD where the policy is another Medicare
 * contractor's (medicare_novitas), and says that tpi_rules asks them of
 * every payer where the payer is not Medicare (its policy is then not the
 * source).
 */
static const char *
doc_source(const PayerPolicy *pol)
{
	if (pol == NULL || strcmp(pol->payer_id, "medicare") == 0)
		return "documentation requirement of the 2024 Medicare TPI LCDs";
	if (strncmp(pol->payer_id, "medicare", 8) == 0)
		return psprintf("documentation requirement of %s", pol->name);
	return "documentation requirement of the 2024 Medicare TPI LCDs, applied to every payer";
}

static void
check_documentation(const ClaimLine *line, const PayerPolicy *pol, FindingList *fl)
{
	if (line->note_signed != 1)
		tpi_add_line_finding(fl, "doc.missing_element", line,
							 "the procedure note is not signed; sign the note before billing (%s).", doc_source(pol));
	if (line->post_procedure_plan != 1)
		tpi_add_line_finding(fl, "doc.missing_element", line,
							 "the note has no post-procedure plan; document the plan of care after the injection (%s).", doc_source(pol));
	if (line->conservative_care != 1)
		tpi_add_line_finding(fl, "doc.missing_element", line,
							 "the note has no conservative-care narrative; document the prior conservative treatment and its result (%s).", doc_source(pol));
	if (line->tp_locations != 1)
		tpi_add_line_finding(fl, "doc.missing_element", line,
							 "the note does not document the trigger point locations; record where each trigger point was injected (%s).", doc_source(pol));
	if (is_blank_text(line->drug_name))
		tpi_add_line_finding(fl, "doc.missing_element", line,
							 "the note does not name the injected drug; document the substance injected (%s).", doc_source(pol));
	/* nothing injected (drug.none_injected says so): no dose to give */
	if (is_blank_text(line->drug_dose) &&
		(is_blank_text(line->drug_name) || !tpi_drug_is_none(line->drug_name)))
		tpi_add_line_finding(fl, "doc.missing_element", line,
							 "the note does not give the drug dose; document the dose injected (%s).", doc_source(pol));
}

/* ------------------------------------------------------------------------
 * Units and modifiers
 * ------------------------------------------------------------------------
 */
static void
check_units_modifiers(const ClaimLine *line, const char *code, FindingList *fl)
{
	uint32		mods = tpi_modifier_flags(line);
	bool		lt = (mods & TPI_MOD_LT) != 0;
	bool		rt = (mods & TPI_MOD_RT) != 0;

	/* the lines of one date together: rules_day.c */
	if (!line->units_null && line->units > 1)
		tpi_add_line_finding(fl, "units.over_mue", line,
							 "%d units of %s; NCCI MUE is 1 (MAI 2: a date-of-service edit, all lines of the code on the date add up): one unit covers every muscle injected in the session, bill one unit.",
							 line->units, code);
	if (mods & TPI_MOD_50)
		tpi_add_line_finding(fl, "modifier.bilateral", line,
							 "modifier 50 on %s; PFS bilateral indicator 0; CGS article A59480: remove modifier 50 and bill one unit, counting right and left muscles toward the code.",
							 code);
	if (lt || rt)
		tpi_add_line_finding(fl, "modifier.laterality", line,
							 "modifier %s on %s; LT and RT do not describe muscles and are not valid on trigger point injections: remove %s and count right and left muscles toward the code.",
							 lt && rt ? "LT and RT" : lt ? "LT" : "RT", code,
							 lt && rt ? "them" : "it");
}

/* ------------------------------------------------------------------------
 * Drug, diagnosis and guidance against the payer policy
 * ------------------------------------------------------------------------
 */
static void
check_drug(const ClaimLine *line, const char *code, const PayerPolicy *pol,
		   FindingList *fl)
{
	uint32		classes,
				known;

	/*
	 * The note says nothing was injected ("none", "dry needling"); a drug
	 * it does not name (NULL, blank) is not documented, which
	 * doc.missing_element reports (SPEC 3 and 12).
	 */
	if (is_blank_text(line->drug_name))
		return;
	if (tpi_drug_is_none(line->drug_name))
	{
		tpi_add_line_finding(fl, "drug.none_injected", line,
							 "%s billed but the note documents no injected substance (drug_name '%s'); without an injectate the service is dry needling (20560/20561), not a trigger point injection: document the drug injected or bill the service that was done.",
							 code, tpi_show_text(line->drug_name));
		return;
	}
	if (pol == NULL || pol->covered_injectates == 0)
		return;
	classes = tpi_injectate_classes(line->drug_name);
	known = classes & ~(1u << INJ_UNKNOWN);
	if (known != 0 && (known & pol->covered_injectates) == 0)
		tpi_add_line_finding(fl, "drug.not_covered", line,
							 "the injected '%s' is classed as %s, and payer policy %s covers only %s for trigger point injections; the injection is not covered as documented.",
							 tpi_show_text(line->drug_name), tpi_injectate_class_list(known),
							 pol->payer_id, tpi_injectate_class_list(pol->covered_injectates));
}

static void
check_dx(const ClaimLine *line, const LineDx *dx, const PayerPolicy *pol,
		 FindingList *fl)
{
	const char **norm = dx->norm;
	int			n = dx->n;
	int			i,
				j;

	if (pol->ncovered_dx > 0)
	{
		bool		covered = false;

		for (i = 0; i < n && !covered; i++)
			if (norm[i] && tpi_dx_covered(pol, norm[i]))
				covered = true;
		if (!covered)
			tpi_add_line_finding(fl, "dx.not_covered", line,
								 "%s the covered diagnoses of payer policy %s; point the line to a covered diagnosis the note supports (%s; see tpi_rules.covered_dx).",
								 line->nicd10 > 0 ? "no diagnosis on the line is in" :
								 "the line has no diagnosis, and the payer pays only for",
								 pol->payer_id, pol->covered_dx_examples);
	}

	for (i = 0; i < n; i++)
	{
		const char *repl = NULL;
		DxStatus	st;
		bool		dup = false;
		char	   *fixtext;

		if (norm[i] == NULL)
			continue;
		st = tpi_dx_status(norm[i], line->date_of_service, &repl);
		if (st == DX_UNKNOWN || st == DX_VALID)
			continue;
		/* one finding per code, however often the line lists it */
		for (j = 0; j < i && !dup; j++)
			if (norm[j] && strcmp(norm[j], norm[i]) == 0)
				dup = true;
		if (dup)
			continue;
		fixtext = (repl && *repl) ? psprintf("use %s instead", repl) :
			pstrdup("use a valid, billable code");
		tpi_add_line_finding(fl, "dx.invalid_code", line,
							 "diagnosis %s is %s on %s (ICD-10-CM); %s.",
							 dx_display(norm[i]),
							 st == DX_EXPIRED ? "no longer valid" :
							 st == DX_NOT_YET ? "not yet valid" :
							 "a category header, not a billable code",
							 tpi_date_text(line->date_of_service), fixtext);
	}
}

static bool
guidance_documented(const char *g)
{
	if (is_blank_text(g))
		return false;
	while (*g == ' ')
		g++;
	return !(pg_strncasecmp(g, "none", 4) == 0 && is_blank_text(g + 4));
}

/* ------------------------------------------------------------------------
 * Entry points
 * ------------------------------------------------------------------------
 */
void
tpi_check_line_rules_ms(const ClaimLine *line, const MuscleSummary *ms,
						FindingList *fl)
{
	char		code[6];
	MuscleSummary local;
	const PayerPolicy *pol = NULL;
	bool		fallback = false;
	bool		note;
	LineDx		dx;

	line_dx_init(&dx, line);
	check_input(line, &dx, fl);

	if (!(tpi_line_code_classes(line, code) & TPI_CODE_TPI))
		return;

	note = tpi_line_has_note(line);
	if (ms == NULL && note)
	{
		tpi_summarise_muscles(line->muscles, line->muscles_null, &local);
		ms = &local;
	}
	/*
	 * Without note data (SPEC section 3) the rules that judge the note are
	 * not applied; drug.not_covered then judges the claim's drug lines,
	 * which only the day rules see.
	 */
	if (!line->dos_null && !DATE_NOT_FINITE(line->date_of_service))
		pol = tpi_policy_for(line->payer_id, line->date_of_service, &fallback);
	if (note)
	{
		check_muscles(line, code, ms, fl);
		check_documentation(line, pol, fl);
	}
	check_units_modifiers(line, code, fl);

	if (note)
		check_drug(line, code, pol, fl);
	if (pol == NULL)
		return;
	check_dx(line, &dx, pol, fl);
	if (!pol->image_guidance_covered && guidance_documented(line->guidance))
		tpi_add_line_finding(fl, "guidance.not_covered", line,
							 "%s documented with %s guidance, and payer policy %s does not cover image-guided trigger point injections (%s); do not bill imaging guidance with the TPI for this payer.",
							 code, tpi_show_text(line->guidance), pol->payer_id, pol->name);
}

void
tpi_check_line_rules(const ClaimLine *line, FindingList *fl)
{
	tpi_check_line_rules_ms(line, NULL, fl);
}

/* ------------------------------------------------------------------------
 * SQL
 * ------------------------------------------------------------------------
 */

/*
 * tpi_rules.check_line(tpi_rules.claim_line) RETURNS SETOF tpi_rules.finding
 * STABLE STRICT: a NULL row gives no rows.
 *
 * Materialised into the tuplestore of the SRF protocol (per-query memory);
 * the FindingOut lives in fn_extra, so the finding type and the severity
 * labels are looked up once per query.
 */
PG_FUNCTION_INFO_V1(tpi_check_line);
Datum
tpi_check_line(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	FindingOut *fo = tpi_finding_out_cached(fcinfo);
	ClaimLine	line;
	FindingList fl;
	int			i;

	TPI_INIT_SRF(fcinfo);

	tpi_claim_from_datum(PG_GETARG_DATUM(0), &line);
	tpi_findings_init(&fl);
	tpi_check_line_rules(&line, &fl);

	for (i = 0; i < fl.n; i++)
	{
		const TpiFinding *f = &fl.items[i];
		Datum		values[5];
		bool		nulls[5] = {false, false, false, false, false};

		values[0] = CStringGetTextDatum(f->rule_id);
		values[1] = fo->severity[f->severity];
		values[2] = CStringGetTextDatum(f->message);
		if (f->claim_id)
			values[3] = CStringGetTextDatum(f->claim_id);
		else
			nulls[3] = true;
		values[4] = Int16GetDatum(f->line_no);
		nulls[4] = f->line_no_null;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
