/*
 * findings.c
 *		Collecting findings in C and turning them into tpi_rules.finding
 *		values; the rule registry's table.
 *
 * The rules themselves are defined once, in rules.def (the rule
 * registry); the catalogue's shipped rows are generated from the same
 * file, and each finding's severity is the effective one of its rule
 * (rule_settings.c).
 */
#include "findings.h"
#include "refdata.h"

#include "access/htup_details.h"
#include "lib/stringinfo.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/syscache.h"
#include "utils/typcache.h"

const TpiRuleDef tpi_rule_defs[TPI_NRULES] = {
#define RULE(e, id, sev, flags, title, explanation, source) [e] = {id, sev, flags},
#include "rules.def"
#undef RULE
};

static const char *const severity_names[3] = {"info", "warning", "error"};

/*
 * Rule ids are mostly string literals, met again and again: which rule an
 * address was last found to be is remembered in a small direct-mapped
 * table, and a hit is confirmed by comparing the text, so any pointer may
 * be passed.
 */
#define RULE_MEMO 256			/* a power of 2, well above the call sites */

/* The index of a rule id, or -1 for one the registry does not have. */
int
tpi_rule_find(const char *rule_id)
{
	int			i;

	for (i = 0; i < TPI_NRULES; i++)
		if (strcmp(tpi_rule_defs[i].rule_id, rule_id) == 0)
			return i;
	return -1;
}

int
tpi_rule_index(const char *rule_id)
{
	static const char *memo_ptr[RULE_MEMO];
	static int	memo_rule[RULE_MEMO];
	int			slot = (int) ((((uint64) (uintptr_t) rule_id) *
							   UINT64CONST(0x9e3779b97f4a7c15)) >> 56);
	int			i;

	/* the same literal as the registry's (linkers merge them): no strcmp */
	if (memo_ptr[slot] == rule_id &&
		(tpi_rule_defs[memo_rule[slot]].rule_id == rule_id ||
		 strcmp(tpi_rule_defs[memo_rule[slot]].rule_id, rule_id) == 0))
		return memo_rule[slot];
	i = tpi_rule_find(rule_id);
	if (i < 0)
		elog(ERROR, "tpi_rules: rule \"%s\" is not in the rule registry", rule_id);
	memo_ptr[slot] = rule_id;
	memo_rule[slot] = i;
	return i;
}

static int
cmp_rule_def(const void *a, const void *b)
{
	return strcmp(tpi_rule_defs[*(const int *) a].rule_id,
				  tpi_rule_defs[*(const int *) b].rule_id);
}

int
tpi_rule_order(const char *rule_id)
{
	static int	order[TPI_NRULES];
	static bool ready = false;

	if (!ready)
	{
		int			by_name[TPI_NRULES];
		int			i;

		for (i = 0; i < TPI_NRULES; i++)
			by_name[i] = i;
		qsort(by_name, TPI_NRULES, sizeof(int), cmp_rule_def);
		for (i = 0; i < TPI_NRULES; i++)
			order[by_name[i]] = i;
		ready = true;
	}
	return order[tpi_rule_index(rule_id)];
}

const char *
tpi_severity_name(TpiSeverity sev)
{
	return severity_names[sev];
}

/*
 * appendStringInfoVA(buf, fmt, args) for the conversions rule messages use
 * (%s, %d and %%), without the general printf machinery: a finding's text
 * is mostly literal.  Any other conversion hands the whole format to
 * appendStringInfoVA, so the result is always what it would print.
 */
void
tpi_append_format(StringInfo buf, const char *fmt, va_list args)
{
	int			start = buf->len;
	const char *p = fmt;
	va_list		ap;

	va_copy(ap, args);
	for (;;)
	{
		const char *pct = strchr(p, '%');

		if (pct == NULL)
		{
			tpi_append_str(buf, p);
			break;
		}
		tpi_append_bytes(buf, p, pct - p);
		if (pct[1] == 's')
		{
			const char *arg = va_arg(ap, const char *);

			/* as PostgreSQL's snprintf prints a NULL string */
			tpi_append_str(buf, arg ? arg : "(null)");
		}
		else if (pct[1] == 'd')
		{
			char		tmp[12];

			tpi_append_bytes(buf, tmp, pg_ltoa(va_arg(ap, int), tmp));
		}
		else if (pct[1] == '%')
			tpi_append_literal(buf, "%");
		else
		{
			va_end(ap);
			buf->len = start;
			buf->data[start] = '\0';
			for (;;)
			{
				int			needed;

				va_copy(ap, args);
				needed = appendStringInfoVA(buf, fmt, ap);
				va_end(ap);
				if (needed == 0)
					return;
				enlargeStringInfo(buf, needed);
			}
		}
		p = pct + 2;
	}
	va_end(ap);
}

void
tpi_findings_init(FindingList *fl)
{
	fl->n = 0;
	fl->cap = 8;
	fl->items = palloc(fl->cap * sizeof(TpiFinding));
}

void
tpi_findings_reset(FindingList *fl)
{
	fl->n = 0;
}

/*
 * A new finding of rule_id under payer_id's rule settings, or NULL when the
 * rule is switched off for the payer.
 */
static TpiFinding *
next_slot(FindingList *fl, const char *rule_id, const char *payer_id)
{
	TpiFinding *f;
	TpiSeverity sev;

	if (!tpi_rule_effective(tpi_rule_index(rule_id), payer_id, &sev))
		return NULL;
	if (fl->n == fl->cap)
	{
		fl->cap *= 2;
		fl->items = repalloc(fl->items, fl->cap * sizeof(TpiFinding));
	}
	f = &fl->items[fl->n++];
	f->rule_id = rule_id;
	f->severity = sev;
	f->message_text = NULL;
	return f;
}

/*
 * A finding whose message is msg's text, for messages built by plain
 * appends: the finding takes msg's memory, and the claim_id copy goes into
 * the same block, after the message's NUL.
 */
void
tpi_add_payer_finding_buf(FindingList *fl, const char *rule_id,
						  const char *payer_id, const char *claim_id,
						  int16 line_no, StringInfo msg)
{
	TpiFinding *f = next_slot(fl, rule_id, payer_id);
	int			msglen = msg->len;

	if (f == NULL)
	{
		pfree(msg->data);
		return;
	}
	if (claim_id)
	{
		msg->len++;
		tpi_append_str(msg, claim_id);
	}
	SET_VARSIZE(msg->data, msglen);
	f->message_text = (text *) msg->data;
	f->message = msg->data + VARHDRSZ;
	f->claim_id = claim_id ? msg->data + msglen + 1 : NULL;
	f->line_no = line_no;
	f->line_no_null = (claim_id == NULL);
}

void
tpi_finding_out_init(FindingOut *fo, Oid finding_typid, MemoryContext mcxt)
{
	MemoryContext old = MemoryContextSwitchTo(mcxt);
	TupleDesc	td;
	int			i;

	td = lookup_rowtype_tupdesc_copy(finding_typid, -1);
	if (td->natts != 5)
		elog(ERROR, "tpi_rules.finding has %d attributes, expected 5", td->natts);
	fo->typid = finding_typid;
	fo->tupdesc = BlessTupleDesc(td);
	fo->severity_typid = TupleDescAttr(td, 1)->atttypid;
	for (i = 0; i < 3; i++)
		fo->severity[i] = DirectFunctionCall2(enum_in,
											  CStringGetDatum(severity_names[i]),
											  ObjectIdGetDatum(fo->severity_typid));
	get_typlenbyvalalign(finding_typid, &fo->typlen, &fo->typbyval, &fo->typalign);
	fo->mcxt = mcxt;
	fo->nrules = 0;
	MemoryContextSwitchTo(old);
}

/*
 * The finding type's output info for an SQL function returning findings,
 * made once per query and kept in fn_extra (which the function must not
 * use for anything else).
 */
FindingOut *
tpi_finding_out_cached(FunctionCallInfo fcinfo)
{
	FindingOut *fo = (FindingOut *) fcinfo->flinfo->fn_extra;

	if (fo == NULL)
	{
		fo = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(FindingOut));
		tpi_finding_out_init(fo, tpi_finding_typid_from_fcinfo(fcinfo),
							 fcinfo->flinfo->fn_mcxt);
		fcinfo->flinfo->fn_extra = fo;
	}
	return fo;
}

/* The rule id as a text value, made once per FindingOut. */
static Datum
rule_text(FindingOut *fo, const char *rule_id)
{
	MemoryContext old;
	int			i;

	for (i = 0; i < fo->nrules; i++)
		if (fo->rule_ptr[i] == rule_id)
			return fo->rule_text[i];
	if (fo->nrules == lengthof(fo->rule_ptr))
		return CStringGetTextDatum(rule_id);
	/* made in mcxt: it outlives this call */
	old = MemoryContextSwitchTo(fo->mcxt);
	fo->rule_ptr[fo->nrules] = rule_id;
	fo->rule_text[fo->nrules] = CStringGetTextDatum(rule_id);
	MemoryContextSwitchTo(old);
	return fo->rule_text[fo->nrules++];
}

/* The five columns of finding f, as tpi_finding_datum() forms them. */
static void
finding_values(FindingOut *fo, const TpiFinding *f, Datum *values, bool *nulls)
{
	values[0] = rule_text(fo, f->rule_id);
	nulls[0] = false;
	values[1] = fo->severity[f->severity];
	nulls[1] = false;
	values[2] = tpi_finding_text(f) ? PointerGetDatum(tpi_finding_text(f)) :
		CStringGetTextDatum(f->message);
	nulls[2] = false;
	if (f->claim_id)
	{
		values[3] = CStringGetTextDatum(f->claim_id);
		nulls[3] = false;
	}
	else
		nulls[3] = true;
	values[4] = Int16GetDatum(f->line_no);
	nulls[4] = f->line_no_null;
}

/* Finding f as a tuple of the finding type; its claim_id copy is freed. */
static HeapTuple
finding_tuple(FindingOut *fo, const TpiFinding *f)
{
	Datum		values[5];
	bool		nulls[5];
	HeapTuple	tup;

	finding_values(fo, f, values, nulls);
	tup = heap_form_tuple(fo->tupdesc, values, nulls);
	if (!nulls[3])
		pfree(DatumGetPointer(values[3]));
	if (!tpi_finding_text(f))
		pfree(DatumGetPointer(values[2]));
	return tup;
}

Datum
tpi_finding_datum(FindingOut *fo, const TpiFinding *f)
{
	return HeapTupleGetDatum(finding_tuple(fo, f));
}

/*
 * The findings as a finding[] value.  Each element is formed, copied into
 * the array and freed at once (construct_array() would keep every element
 * and copy them all), so a day with tens of thousands of findings holds
 * them once.  Two passes: sizes, then contents.
 */
Datum
tpi_findings_array(FindingOut *fo, const FindingList *fl)
{
	Size		total = 0;
	uint32	   *lens;
	ArrayType  *arr;
	char	   *p;
	int			i;

	Assert(fo->typalign == TYPALIGN_DOUBLE && !fo->typbyval);
	if (fl->n == 0)
		return PointerGetDatum(construct_empty_array(fo->typid));
	lens = palloc(fl->n * sizeof(uint32));
	for (i = 0; i < fl->n; i++)
	{
		HeapTuple	tup = finding_tuple(fo, &fl->items[i]);

		lens[i] = tup->t_len;
		heap_freetuple(tup);
		total = att_align_nominal(total, TYPALIGN_DOUBLE) + lens[i];
		if (!AllocSizeIsValid(total + ARR_OVERHEAD_NONULLS(1)))
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("the findings exceed the maximum array size")));
	}
	arr = (ArrayType *) palloc0(ARR_OVERHEAD_NONULLS(1) + total);
	SET_VARSIZE(arr, ARR_OVERHEAD_NONULLS(1) + total);
	arr->ndim = 1;
	arr->dataoffset = 0;
	arr->elemtype = fo->typid;
	ARR_DIMS(arr)[0] = fl->n;
	ARR_LBOUND(arr)[0] = 1;
	p = ARR_DATA_PTR(arr);
	for (i = 0; i < fl->n; i++)
	{
		HeapTuple	tup = finding_tuple(fo, &fl->items[i]);

		if (tup->t_len != lens[i])
			elog(ERROR, "finding changed size while forming the array");
		p = (char *) att_align_nominal(p, TYPALIGN_DOUBLE);
		memcpy(p, tup->t_data, tup->t_len);
		p += tup->t_len;
		heap_freetuple(tup);
	}
	pfree(lens);
	return PointerGetDatum(arr);
}

Oid
tpi_finding_typid_from_fcinfo(FunctionCallInfo fcinfo)
{
	Oid			rettype = get_fn_expr_rettype(fcinfo->flinfo);
	Oid			elem;

	if (!OidIsValid(rettype))
		elog(ERROR, "could not determine the result type");
	elem = get_element_type(rettype);
	return OidIsValid(elem) ? elem : rettype;
}

/*
 * tpi_rules.rule_severity_c(rule_id text) RETURNS text, STRICT
 *
 * The severity compiled into the C rule list, or NULL for an unknown rule;
 * lets the regression tests prove the C list and the catalogue agree.
 */
PG_FUNCTION_INFO_V1(tpi_rule_severity_c);
Datum
tpi_rule_severity_c(PG_FUNCTION_ARGS)
{
	char	   *id = text_to_cstring(PG_GETARG_TEXT_PP(0));
	int			i;

	for (i = 0; i < TPI_NRULES; i++)
		if (strcmp(tpi_rule_defs[i].rule_id, id) == 0)
			PG_RETURN_TEXT_P(cstring_to_text(severity_names[tpi_rule_defs[i].severity]));
	PG_RETURN_NULL();
}
