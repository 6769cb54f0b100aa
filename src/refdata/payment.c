/*
 * payment.c
 *		expected_payment(): the Medicare PFS amount of a service (SPEC
 *		section 8), and the place-of-service code set.
 *
 *		payment = (work RVU * work GPCI + PE RVU * PE GPCI + MP RVU * MP GPCI)
 *				  * conversion factor, rounded half away from zero to cents
 *
 * RVUs have 2 decimals, GPCIs 3 and the conversion factor 4, so the sum is
 * computed exactly in 64-bit integers (units of 1e-9 dollars) and rounded
 * once, which reproduces CMS's published figures to the cent.
 *
 * rvu, gpci and conversion_factor are read once into a backend cache
 * (payment_cache.c), so a query over millions of lines runs no SQL per
 * line.
 *
 * Choice of rows for a date of service: the RVU (and GPCI) release whose
 * rows cover the date; when several do, the one with the latest
 * effective_from, then a release with user-loaded rows over a shipped one
 * (a user's own CMS file beats the shipped copy), then the greater release
 * name.  The code's row without a modifier (the global service) of that
 * release is used.  The standard conversion factor covering the date.
 * The RVU status code is not consulted: the published RVUs are priced.
 */
#include "refdata.h"
#include "payment_cache.h"

#include "common/int.h"
#include "utils/builtins.h"
#include "utils/datetime.h"

/* ------------------------------------------------------------------------
 * Place of service (CMS Place of Service Code Set)
 * ------------------------------------------------------------------------
 */

/* Codes assigned in the CMS set (01-27, 31-34, 41-42, 49-58, 60-62, ...). */
static const int8 pos_known[100] = {
	/* 00-09 */ 0, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	/* 10-19 */ 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	/* 20-29 */ 1, 1, 1, 1, 1, 1, 1, 1, 0, 0,
	/* 30-39 */ 0, 1, 1, 1, 1, 0, 0, 0, 0, 0,
	/* 40-49 */ 0, 1, 1, 0, 0, 0, 0, 0, 0, 1,
	/* 50-59 */ 1, 1, 1, 1, 1, 1, 1, 1, 1, 0,
	/* 60-69 */ 1, 1, 1, 0, 0, 1, 1, 0, 0, 0,
	/* 70-79 */ 0, 1, 1, 0, 0, 0, 0, 0, 0, 0,
	/* 80-89 */ 0, 1, 0, 0, 0, 0, 0, 0, 0, 0,
	/* 90-99 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 1
};

/* Paid at the facility rate (SPEC section 8; CMS Claims Manual ch. 12). */
static const int facility_pos[] = {
	2, 19, 21, 22, 23, 24, 26, 31, 34, 41, 42, 51, 52, 53, 56, 61
};

/*
 * The code of a two-digit place of service, or -1; spaces around it do not
 * matter, as around a code or modifier.
 */
int
tpi_pos_code(const char *pos)
{
	int			c;

	if (pos == NULL)
		return -1;
	while (*pos == ' ' || *pos == '\t')
		pos++;
	if (pos[0] < '0' || pos[0] > '9' || pos[1] < '0' || pos[1] > '9')
		return -1;
	c = (pos[0] - '0') * 10 + (pos[1] - '0');
	for (pos += 2; *pos == ' ' || *pos == '\t'; pos++)
		;
	return *pos == '\0' ? c : -1;
}

bool
tpi_pos_is_known(const char *pos)
{
	int			c = tpi_pos_code(pos);

	return c >= 0 && pos_known[c];
}

bool
tpi_pos_is_facility(const char *pos)
{
	int			c = tpi_pos_code(pos);
	int			i;

	for (i = 0; i < lengthof(facility_pos); i++)
		if (facility_pos[i] == c)
			return true;
	return false;
}

/* ------------------------------------------------------------------------
 * The computation
 * ------------------------------------------------------------------------
 */
typedef enum PayStatus
{
	PAY_OK = 0,
	PAY_BAD_HCPCS,
	PAY_BAD_POS,
	PAY_BAD_LOCALITY,
	PAY_NO_RVU_RELEASE,
	PAY_NO_CODE,
	PAY_NULL_RVU,
	PAY_NO_GPCI_RELEASE,
	PAY_NO_LOCALITY,
	PAY_NO_CF,
	PAY_OVERFLOW
} PayStatus;

typedef struct PayWhy
{
	const char *release;		/* the release looked in */
	const char *what;			/* the missing RVU */
} PayWhy;

static bool
valid_locality(const char *loc)
{
	int			i;

	for (i = 0; i < 8; i++)
		if (i == 5 ? loc[i] != '-' : (loc[i] < '0' || loc[i] > '9'))
			return false;
	return loc[8] == '\0';
}

static PayStatus
compute(const char *hcpcs_in, DateADT dos, const char *pos,
		const char *locality, int64 *cents, PayWhy *why)
{
	static const char *const rvu_names[4] = {
		"work", "non-facility PE", "facility PE", "malpractice"
	};
	PayCache   *c;
	RvuKey		rkey;
	RvuEntry   *re;
	int64		g[3] = {1000, 1000, 1000};
	int64		cf = -1;
	DateADT		cf_from = DATEVAL_NOBEGIN;
	int64		total = 0;
	int			pe;
	int			rel;
	int			i;

	memset(why, 0, sizeof(*why));
	memset(&rkey, 0, sizeof(rkey));
	if (hcpcs_in == NULL)
		return PAY_BAD_HCPCS;
	for (i = 0; hcpcs_in[i]; i++)
	{
		char		ch = hcpcs_in[i];

		if (i >= 5 || !((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') ||
						 (ch >= 'a' && ch <= 'z')))
			return PAY_BAD_HCPCS;
		rkey.hcpcs[i] = pg_ascii_toupper((unsigned char) hcpcs_in[i]);
	}
	if (i != 5)
		return PAY_BAD_HCPCS;
	if (pos == NULL)
		pos = "11";
	if (tpi_pos_code(pos) < 0)
		return PAY_BAD_POS;
	pe = tpi_pos_is_facility(pos) ? RV_PE_F : RV_PE_NF;
	if (locality != NULL && !valid_locality(locality))
		return PAY_BAD_LOCALITY;

	c = tpi_pay_cache();

	rel = tpi_pay_pick_release(c->rvu_rel, c->nrvu_rel, dos);
	if (rel < 0)
		return PAY_NO_RVU_RELEASE;
	why->release = c->rvu_rel[rel].name;
	rkey.release = rel;
	re = hash_search(c->rvu, &rkey, HASH_FIND, NULL);
	if (re == NULL || dos < re->from || dos > re->to)
		return PAY_NO_CODE;
	for (i = 0; i < 4; i++)
		if ((i == RV_WORK || i == pe || i == RV_MP) && re->isnull[i])
		{
			why->what = rvu_names[i];
			return PAY_NULL_RVU;
		}

	if (locality != NULL)
	{
		GpciKey		gkey;
		GpciEntry  *ge;

		rel = tpi_pay_pick_release(c->gpci_rel, c->ngpci_rel, dos);
		if (rel < 0)
			return PAY_NO_GPCI_RELEASE;
		why->release = c->gpci_rel[rel].name;
		memset(&gkey, 0, sizeof(gkey));
		gkey.release = rel;
		strcpy(gkey.locality, locality);
		ge = hash_search(c->gpci, &gkey, HASH_FIND, NULL);
		if (ge == NULL || dos < ge->from || dos > ge->to)
			return PAY_NO_LOCALITY;
		memcpy(g, ge->gpci, sizeof(g));
	}

	for (i = 0; i < c->ncf; i++)
		if (dos >= c->cf[i].from && dos <= c->cf[i].to &&
			(cf < 0 || c->cf[i].from > cf_from))
		{
			cf = c->cf[i].amount;
			cf_from = c->cf[i].from;
		}
	if (cf < 0)
		return PAY_NO_CF;

	/* units: 1e-2 RVU * 1e-3 GPCI * 1e-4 dollars = 1e-9 dollars */
	{
		int64		part;
		int64		units[3] = {re->rvu[RV_WORK], re->rvu[pe], re->rvu[RV_MP]};

		for (i = 0; i < 3; i++)
			if (pg_mul_s64_overflow(units[i], g[i], &part) ||
				pg_add_s64_overflow(total, part, &total))
				return PAY_OVERFLOW;
		if (pg_mul_s64_overflow(total, cf, &total))
			return PAY_OVERFLOW;
	}
	/* 1e-9 dollars = 1e-7 cents; round half away from zero */
	*cents = total >= 0 ? (total + 5000000) / 10000000
		: -((-total + 5000000) / 10000000);
	return PAY_OK;
}

static char *
date_text(DateADT d)
{
	return DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(d)));
}

/* load_pprrvu() and load_gpci() read files of these years (csv.c). */
#define LOADABLE_YEAR(y) ((y) >= 1990 && (y) <= 2099)

static int
year_of(DateADT d)
{
	int			y,
				m,
				day;

	j2date(d + POSTGRES_EPOCH_JDATE, &y, &m, &day);
	return y;
}

/*
 * The PPRRVU file that would cover dos, as a hint names it: CMS's releases
 * A, B, C and D of a year take effect on January 1, April 1, July 1 and
 * October 1, and load_pprrvu() lets each apply to the rest of its year, so
 * the release of dos's quarter, or an earlier one of the same year, does.
 */
static char *
rvu_file_text(DateADT dos)
{
	static const char *const month[] = {"January", "April", "July", "October"};
	StringInfoData s;
	int			y,
				m,
				day,
				q,
				i;

	j2date(dos + POSTGRES_EPOCH_JDATE, &y, &m, &day);
	q = (m - 1) / 3;
	initStringInfo(&s);
	appendStringInfo(&s, "the CY %d PPRRVU file of release RVU%02d%c (%s)",
					 y, y % 100, 'A' + q, month[q]);
	if (q > 0)
	{
		appendStringInfo(&s, ", or of an earlier %d release (", y);
		for (i = 0; i < q; i++)
			appendStringInfo(&s, "%sRVU%02d%c", i > 0 ? ", " : "", y % 100, 'A' + i);
		appendStringInfoString(&s, "),");
	}
	return s.data;
}

static void
report_no_rvu_release(DateADT dos)
{
	if (DATE_NOT_FINITE(dos) || !LOADABLE_YEAR(year_of(dos)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("no RVU release covers %s", date_text(dos)),
				 errhint("Check the date of service: CMS's PPRRVU files, which tpi_rules.load_pprrvu() loads, cover the years 1990 to 2099.")));
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("no RVU release covers %s", date_text(dos)),
			 errdetail("CMS's PPRRVU releases A, B, C and D of a year take effect on January 1, April 1, July 1 and October 1; a loaded release applies until the end of its year."),
			 errhint("Load %s with tpi_rules.load_pprrvu().", rvu_file_text(dos))));
}

static void
report_failure(PayStatus st, const PayWhy *why, const char *hcpcs, DateADT dos,
	  const char *pos, const char *locality)
{
	switch (st)
	{
		case PAY_OK:
			break;
		case PAY_BAD_HCPCS:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid HCPCS code \"%s\"", hcpcs ? hcpcs : ""),
					 errdetail("A HCPCS code is five letters or digits, e.g. 20552; modifiers are not part of it.")));
			break;
		case PAY_BAD_POS:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid place of service \"%s\"", pos),
					 errdetail("A place of service is a two-digit CMS code, e.g. 11 (office) or 22 (on-campus outpatient hospital).")));
			break;
		case PAY_BAD_LOCALITY:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid locality \"%s\"", locality),
					 errdetail("A locality is written <5-digit MAC>-<2-digit locality>, e.g. 13202-01 for Manhattan; NULL means national pricing.")));
			break;
		case PAY_NO_RVU_RELEASE:
			report_no_rvu_release(dos);
			break;
		case PAY_NO_CODE:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("HCPCS code \"%s\" is not in RVU release %s", hcpcs, why->release),
					 errdetail("tpi_rules.rvu has no row for the code without a modifier in release %s for %s.",
							   why->release, date_text(dos)),
					 errhint("Check the code, or load %s with tpi_rules.load_pprrvu(): the shipped rows cover only the codes the rules price.",
							 rvu_file_text(dos))));
			break;
		case PAY_NULL_RVU:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("HCPCS code \"%s\" has no %s RVU in release %s", hcpcs, why->what, why->release),
					 errhint("Load %s with tpi_rules.load_pprrvu().", rvu_file_text(dos))));
			break;
		case PAY_NO_GPCI_RELEASE:
			if (DATE_NOT_FINITE(dos) || !LOADABLE_YEAR(year_of(dos)))
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("no GPCI release covers %s", date_text(dos)),
						 errhint("Check the date of service, or pass locality NULL for national pricing.")));
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("no GPCI release covers %s", date_text(dos)),
					 errhint("Load CMS's CY %d GPCI file (PFS final rule addendum E, release GPCI%d) with tpi_rules.load_gpci(), or pass locality NULL for national pricing.",
							 year_of(dos), year_of(dos))));
			break;
		case PAY_NO_LOCALITY:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("locality \"%s\" is not in GPCI release %s", locality, why->release),
					 errhint("tpi_rules.gpci lists the localities; to add them, load CMS's CY %d GPCI file (PFS final rule addendum E) with tpi_rules.load_gpci().",
							 year_of(dos))));
			break;
		case PAY_NO_CF:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("no conversion factor covers %s", date_text(dos)),
					 errhint("Add the standard conversion factor of the CY %d PFS final rule to tpi_rules.conversion_factor.",
							 year_of(dos))));
			break;
		case PAY_OVERFLOW:
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("expected payment of HCPCS code \"%s\" is out of range", hcpcs)));
			break;
	}
}

int64
tpi_expected_payment_cents(const char *hcpcs, DateADT dos, const char *pos,
						   const char *locality)
{
	int64		cents = 0;
	PayWhy		why;
	PayStatus	st = compute(hcpcs, dos, pos, locality, &cents, &why);

	if (st != PAY_OK)
		report_failure(st, &why, hcpcs, dos, pos, locality);
	return cents;
}

bool
tpi_try_expected_payment_cents(const char *hcpcs, DateADT dos, const char *pos,
							   const char *locality, int64 *cents)
{
	PayWhy		why;

	return compute(hcpcs, dos, pos, locality, cents, &why) == PAY_OK;
}

/*
 * tpi_rules.expected_payment(hcpcs text, date_of_service date,
 *		place_of_service text DEFAULT '11', locality text DEFAULT NULL)
 *		RETURNS numeric(12,2)
 *
 * NULL when hcpcs or the date is NULL; a NULL place of service is priced
 * as the office ('11'), a NULL locality nationally (every GPCI 1).
 * ERROR 22023 when the arguments are malformed or no reference row covers
 * the date, naming the file to load.  The result is allocated in the
 * caller's memory context; the tables are cached for the backend.
 */
PG_FUNCTION_INFO_V1(tpi_expected_payment);
Datum
tpi_expected_payment(PG_FUNCTION_ARGS)
{
	char	   *hcpcs;
	char	   *pos = NULL;
	char	   *locality = NULL;
	int64		cents;
	char		buf[32];

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	hcpcs = text_to_cstring(PG_GETARG_TEXT_PP(0));
	if (!PG_ARGISNULL(2))
		pos = text_to_cstring(PG_GETARG_TEXT_PP(2));
	if (!PG_ARGISNULL(3))
		locality = text_to_cstring(PG_GETARG_TEXT_PP(3));
	cents = tpi_expected_payment_cents(hcpcs, PG_GETARG_DATEADT(1), pos, locality);
	snprintf(buf, sizeof(buf), "%s%lld.%02lld", cents < 0 ? "-" : "",
			 (long long) (cents < 0 ? -cents : cents) / 100,
			 (long long) (cents < 0 ? -cents : cents) % 100);
	PG_RETURN_DATUM(DirectFunctionCall3(numeric_in, CStringGetDatum(buf),
										ObjectIdGetDatum(InvalidOid),
										Int32GetDatum(((12 << 16) | 2) + VARHDRSZ)));
}
