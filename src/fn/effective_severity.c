/*
 * effective_severity.c
 *		tpi_rules.effective_severity(rule_id, payer_id): the severity a
 *		rule's findings get for a payer, or NULL where rule_setting switches
 *		the rule off (SPEC section 13), as audit() and the guard judge it.
 */
#include "refdata.h"

#include "utils/builtins.h"
#include "utils/fmgrprotos.h"

/*
 * tpi_rules.effective_severity(rule_id text, payer_id text)
 *		RETURNS tpi_rules.severity
 *
 * STABLE, not STRICT: a NULL payer_id asks for the rows that apply to every
 * payer (and the catalogue); a NULL rule_id gives NULL.  An unknown rule_id
 * is an error, not NULL, so that a typo does not read as "switched off".
 * The enum values are kept in fn_extra: no catalogue look-up per row.
 */
PG_FUNCTION_INFO_V1(tpi_effective_severity);
Datum
tpi_effective_severity(PG_FUNCTION_ARGS)
{
	Datum	   *sev_datum = (Datum *) fcinfo->flinfo->fn_extra;
	char	   *rule_id;
	char	   *payer_id = NULL;
	TpiSeverity sev;
	int			rule;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	rule_id = text_to_cstring(PG_GETARG_TEXT_PP(0));
	rule = tpi_rule_find(rule_id);
	if (rule < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown rule \"%s\"", rule_id),
				 errhint("The rule ids are listed in tpi_rules.rule.")));
	if (!PG_ARGISNULL(1))
		payer_id = text_to_cstring(PG_GETARG_TEXT_PP(1));
	if (!tpi_rule_effective(rule, payer_id, &sev))
		PG_RETURN_NULL();

	if (sev_datum == NULL)
	{
		Oid			typid = get_fn_expr_rettype(fcinfo->flinfo);
		int			i;

		sev_datum = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt,
									   3 * sizeof(Datum));
		for (i = 0; i < 3; i++)
			sev_datum[i] = DirectFunctionCall2(enum_in,
											   CStringGetDatum(tpi_severity_name((TpiSeverity) i)),
											   ObjectIdGetDatum(typid));
		fcinfo->flinfo->fn_extra = sev_datum;
	}
	PG_RETURN_DATUM(sev_datum[sev]);
}
