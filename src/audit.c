/*
 * audit.c
 *		tpi_rules.audit(): every rule (line, day, frequency) over the lines of
 *		any table or view with the claim_line column names.
 *
 * One SPI cursor reads the relation sorted by patient, date, claim, line
 * and is fetched in batches.  A patient's lines are decoded into a memory
 * context of their own, checked, and the context is reset before the next
 * patient, so memory is bounded by the largest patient, not the table.
 * Per line: line rules; per (patient, date): day rules; per patient:
 * frequency rules over the patient's TPI lines.  Reference data comes from
 * the backend caches (policy.c, muscles.c, payment.c): no query per row.
 *
 * Frequency needs the sessions before the range: a session on from_date
 * may be the fourth in twelve months.  When from_date is given, the cursor
 * also reads the TPI lines of the preceding window (the longest cap window
 * or minimum interval of any payer policy, doubled, and at least two years)
 * as context: they count as earlier sessions but get no findings and no
 * line or day rules.  Sessions after to_date cannot change the verdict on
 * one inside the range, so they are not read.
 *
 * Lines whose patient_id or date_of_service is NULL get the line rules
 * (input.invalid says what is missing) but belong to no day and no
 * session.  With a date bound, lines with a NULL date are outside the
 * range; with no bounds every line is read.
 */
#include "tpi_rules.h"

#include "access/relation.h"
#include "catalog/pg_class.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/tuplestore.h"

#define FETCH_BATCH 4096

typedef struct AuditLine
{
	ClaimLine	line;
	MuscleSummary ms;			/* TPI lines only */
	bool		is_tpi;
	bool		report;			/* false: frequency context only */
} AuditLine;

typedef struct OutRow
{
	TpiFinding	f;
	DateADT		dos;
	bool		dos_null;
} OutRow;

typedef struct FreqKey
{
	const char *claim_id;
	int16		line_no;
	DateADT		dos;
} FreqKey;

typedef struct AuditState
{
	Tuplestorestate *ts;
	TupleDesc	desc;
	Datum		severity[3];
	MemoryContext pcxt;			/* the current patient's lines and findings */
	char	   *patient;		/* NULL: no patient buffered */
	int			patient_len;
	AuditLine  *lines;
	int			n;
	int			cap;
	OutRow	   *out;
	int			nout;
	int			outcap;
} AuditState;

/* ------------------------------------------------------------------------
 * Output
 * ------------------------------------------------------------------------
 */
static void
collect(AuditState *st, FindingList *fl, bool dos_null, DateADT dos)
{
	int			i;

	for (i = 0; i < fl->n; i++)
	{
		OutRow	   *o;

		if (st->nout == st->outcap)
		{
			st->outcap = st->outcap ? st->outcap * 2 : 64;
			st->out = st->out ? repalloc(st->out, st->outcap * sizeof(OutRow)) :
				palloc(st->outcap * sizeof(OutRow));
		}
		o = &st->out[st->nout++];
		o->f = fl->items[i];
		o->dos = dos;
		o->dos_null = dos_null;
	}
	tpi_findings_reset(fl);
}

static int
outrow_cmp(const void *a, const void *b)
{
	const OutRow *x = a;
	const OutRow *y = b;
	int			c;

	if (x->dos_null != y->dos_null)
		return x->dos_null ? 1 : -1;
	if (!x->dos_null && x->dos != y->dos)
		return x->dos < y->dos ? -1 : 1;
	if ((x->f.claim_id == NULL) != (y->f.claim_id == NULL))
		return x->f.claim_id == NULL ? 1 : -1;
	if (x->f.claim_id && (c = strcmp(x->f.claim_id, y->f.claim_id)) != 0)
		return c;
	if (x->f.line_no_null != y->f.line_no_null)
		return x->f.line_no_null ? 1 : -1;
	if (!x->f.line_no_null && x->f.line_no != y->f.line_no)
		return x->f.line_no < y->f.line_no ? -1 : 1;
	if ((c = strcmp(x->f.rule_id, y->f.rule_id)) != 0)
		return c;
	return strcmp(x->f.message, y->f.message);
}

static void
emit(AuditState *st, const char *patient)
{
	int			i;

	if (st->nout > 1)
		qsort(st->out, st->nout, sizeof(OutRow), outrow_cmp);
	for (i = 0; i < st->nout; i++)
	{
		const OutRow *o = &st->out[i];
		Datum		values[7];
		bool		nulls[7] = {false, false, false, false, false, false, false};

		if (o->f.claim_id)
			values[0] = CStringGetTextDatum(o->f.claim_id);
		else
			nulls[0] = true;
		values[1] = Int16GetDatum(o->f.line_no);
		nulls[1] = o->f.line_no_null;
		if (patient)
			values[2] = CStringGetTextDatum(patient);
		else
			nulls[2] = true;
		values[3] = DateADTGetDatum(o->dos);
		nulls[3] = o->dos_null;
		values[4] = CStringGetTextDatum(o->f.rule_id);
		values[5] = st->severity[o->f.severity];
		values[6] = CStringGetTextDatum(o->f.message);
		tuplestore_putvalues(st->ts, st->desc, values, nulls);
	}
	st->nout = 0;
}

/* ------------------------------------------------------------------------
 * Checking one patient
 * ------------------------------------------------------------------------
 */
static int
freqkey_cmp(const void *a, const void *b)
{
	const FreqKey *x = a;
	const FreqKey *y = b;
	int			c;

	if ((x->claim_id == NULL) != (y->claim_id == NULL))
		return x->claim_id == NULL ? 1 : -1;
	if (x->claim_id && (c = strcmp(x->claim_id, y->claim_id)) != 0)
		return c;
	return (x->line_no > y->line_no) - (x->line_no < y->line_no);
}

static void
check_frequency(AuditState *st, FindingList *fl)
{
	FreqLine   *fq;
	FreqKey    *keys;
	int			i,
				n = 0;
	bool		any_report = false;

	for (i = 0; i < st->n; i++)
		if (st->lines[i].is_tpi && st->lines[i].report)
			any_report = true;
	if (!any_report)
		return;

	fq = palloc(st->n * sizeof(FreqLine));
	keys = palloc(st->n * sizeof(FreqKey));
	for (i = 0; i < st->n; i++)
	{
		AuditLine  *a = &st->lines[i];

		if (!a->is_tpi || a->line.dos_null || DATE_NOT_FINITE(a->line.date_of_service))
			continue;
		fq[n].dos = a->line.date_of_service;
		fq[n].regions = a->ms.regions;
		fq[n].payer_id = a->line.payer_id;
		fq[n].claim_id = a->line.claim_id;
		fq[n].line_no = a->line.line_no;
		fq[n].report = a->report;
		keys[n].claim_id = a->line.claim_id;
		keys[n].line_no = a->line.line_no;
		keys[n].dos = a->line.date_of_service;
		n++;
	}
	if (n == 0)
		return;
	tpi_check_frequency(fq, n, fl);
	if (fl->n == 0)
		return;

	/* A frequency finding names the session's first line: find its date. */
	qsort(keys, n, sizeof(FreqKey), freqkey_cmp);
	for (i = 0; i < fl->n; i++)
	{
		TpiFinding *f = &fl->items[i];
		FreqKey		k;
		FreqKey    *hit = NULL;
		FindingList one;

		if (f->claim_id)
		{
			k.claim_id = f->claim_id;
			k.line_no = f->line_no;
			hit = bsearch(&k, keys, n, sizeof(FreqKey), freqkey_cmp);
		}
		one.items = f;
		one.n = 1;
		one.cap = 1;
		collect(st, &one, hit == NULL, hit ? hit->dos : 0);
	}
	tpi_findings_reset(fl);
}

static void
check_patient(AuditState *st)
{
	FindingList fl;
	ClaimLine **day;
	const MuscleSummary **dayms;
	int			i = 0;

	if (st->n == 0)
		return;
	tpi_findings_init(&fl);
	day = palloc(st->n * sizeof(ClaimLine *));
	dayms = palloc(st->n * sizeof(MuscleSummary *));

	for (i = 0; i < st->n; i++)
		if (st->lines[i].is_tpi)
			tpi_summarise_muscles(st->lines[i].line.muscles,
								  st->lines[i].line.muscles_null,
								  &st->lines[i].ms);

	/* Lines come sorted by date (NULL last): walk the dates. */
	i = 0;
	while (i < st->n)
	{
		AuditLine  *a = &st->lines[i];
		int			j = i;
		int			k;

		if (a->line.dos_null || st->patient == NULL)
		{
			if (a->report)
			{
				tpi_check_line_rules_ms(&a->line, a->is_tpi ? &a->ms : NULL, &fl);
				collect(st, &fl, a->line.dos_null, a->line.date_of_service);
			}
			i++;
			continue;
		}
		while (j < st->n && !st->lines[j].line.dos_null &&
			   st->lines[j].line.date_of_service == a->line.date_of_service)
			j++;
		if (a->report)
		{
			for (k = i; k < j; k++)
			{
				day[k - i] = &st->lines[k].line;
				dayms[k - i] = st->lines[k].is_tpi ? &st->lines[k].ms : NULL;
				tpi_check_line_rules_ms(&st->lines[k].line, dayms[k - i], &fl);
			}
			tpi_check_day_rules_ms(day, dayms, j - i, &fl);
			collect(st, &fl, false, a->line.date_of_service);
		}
		i = j;
	}

	if (st->patient != NULL)
		check_frequency(st, &fl);
}

/* Checks and emits the buffered patient, then forgets it. */
static void
flush_patient(AuditState *st)
{
	char	   *patient = st->patient;
	MemoryContext old = MemoryContextSwitchTo(st->pcxt);

	check_patient(st);
	emit(st, patient);
	MemoryContextSwitchTo(old);
	MemoryContextReset(st->pcxt);
	st->patient = NULL;
	st->patient_len = 0;
	st->lines = NULL;
	st->n = st->cap = 0;
	st->out = NULL;
	st->nout = st->outcap = 0;
}

static AuditLine *
next_line(AuditState *st)
{
	if (st->n == st->cap)
	{
		st->cap = st->cap ? st->cap * 2 : 16;
		st->lines = st->lines ? repalloc(st->lines, st->cap * sizeof(AuditLine)) :
			palloc(st->cap * sizeof(AuditLine));
	}
	return &st->lines[st->n++];
}

static bool
same_patient(AuditState *st, Datum d)
{
	text	   *t = (text *) PG_DETOAST_DATUM_PACKED(d);
	bool		same;

	same = VARSIZE_ANY_EXHDR(t) == st->patient_len &&
		memcmp(VARDATA_ANY(t), st->patient, st->patient_len) == 0;
	if ((Pointer) t != DatumGetPointer(d))
		pfree(t);
	return same;
}

/* ------------------------------------------------------------------------
 * The query
 * ------------------------------------------------------------------------
 */

/*
 * The first date of the frequency context before from_date (see the file
 * header), computed from the policies in the table so that a user's longer
 * window is honoured.
 */
static DateADT
context_start(DateADT from)
{
	Datum		arg = DateADTGetDatum(from);
	Oid			argtype = DATEOID;
	bool		isnull;
	Datum		d;

	if (SPI_execute_with_args(
							  "SELECT (($1 OPERATOR(pg_catalog.-) GREATEST('2 years'::pg_catalog.interval,"
							  " 2 OPERATOR(pg_catalog.*) pg_catalog.max(GREATEST(cap_window, min_interval))))"
							  ")::pg_catalog.date FROM tpi_rules.payer_policy",
							  1, &argtype, &arg, NULL, true, 1) != SPI_OK_SELECT ||
		SPI_processed != 1)
		elog(ERROR, "could not read tpi_rules.payer_policy");
	d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
	return isnull ? from : DatumGetDateADT(d);
}

static char *
build_query(Relation rel, const ClaimColumns *cols, bool has_from, bool has_to)
{
	StringInfoData q;
	int			c;
	bool		first = true;
	const char *dos = quote_identifier("date_of_service");
	const char *tpi;

	initStringInfo(&q);
	appendStringInfoString(&q, "SELECT ");
	for (c = 0; c < TPI_NCOLS; c++)
	{
		if (cols->attno[c] < 0)
			continue;
		appendStringInfo(&q, "%s%s", first ? "" : ", ",
						 quote_identifier(tpi_claim_column_names[c]));
		first = false;
	}
	appendStringInfo(&q, " FROM %s",
					 quote_qualified_identifier(get_namespace_name(RelationGetNamespace(rel)),
												RelationGetRelationName(rel)));

	tpi = psprintf("pg_catalog.upper(pg_catalog.btrim(%s::pg_catalog.text)) "
				   "OPERATOR(pg_catalog.=) ANY ('{20552,20553}'::pg_catalog.text[])",
				   quote_identifier("hcpcs"));
	if (has_from && has_to)
		appendStringInfo(&q,
						 " WHERE (%s OPERATOR(pg_catalog.>=) $1 AND %s OPERATOR(pg_catalog.<=) $2)"
						 " OR (%s OPERATOR(pg_catalog.>=) $3 AND %s OPERATOR(pg_catalog.<) $1 AND %s)",
						 dos, dos, dos, dos, tpi);
	else if (has_from)
		appendStringInfo(&q,
						 " WHERE %s OPERATOR(pg_catalog.>=) $1"
						 " OR (%s OPERATOR(pg_catalog.>=) $3 AND %s)",
						 dos, dos, tpi);
	else if (has_to)
		appendStringInfo(&q, " WHERE %s OPERATOR(pg_catalog.<=) $2", dos);

	/* Byte order groups equal ids together and sorts fastest. */
	appendStringInfo(&q,
					 " ORDER BY %s COLLATE pg_catalog.\"C\", %s, %s COLLATE pg_catalog.\"C\", %s",
					 quote_identifier("patient_id"), dos,
					 quote_identifier("claim_id"), quote_identifier("line_no"));
	return q.data;
}

static void
check_relation(Relation rel)
{
	char		kind = rel->rd_rel->relkind;
	AclResult	acl;

	if (kind != RELKIND_RELATION && kind != RELKIND_VIEW &&
		kind != RELKIND_MATVIEW && kind != RELKIND_FOREIGN_TABLE &&
		kind != RELKIND_PARTITIONED_TABLE)
		ereport(ERROR,
				(errcode(ERRCODE_WRONG_OBJECT_TYPE),
				 errmsg("\"%s\" is not a table or view", RelationGetRelationName(rel)),
				 errhint("Pass a table, view, materialized view or foreign table with the claim_line column names.")));

	/* Column privileges are enough; the cursor's own check names a column. */
	acl = pg_class_aclcheck(RelationGetRelid(rel), GetUserId(), ACL_SELECT);
	if (acl != ACLCHECK_OK &&
		pg_attribute_aclcheck_all(RelationGetRelid(rel), GetUserId(), ACL_SELECT,
								  ACLMASK_ANY) != ACLCHECK_OK)
		aclcheck_error(acl, get_relkind_objtype(kind), RelationGetRelationName(rel));
}

/*
 * tpi_rules.audit(claims regclass, from_date date DEFAULT NULL,
 *                 to_date date DEFAULT NULL)
 * RETURNS TABLE (claim_id text, line_no smallint, patient_id text,
 *                date_of_service date, rule_id text,
 *                severity tpi_rules.severity, message text)
 *
 * Not STRICT: a NULL date is an open bound; a NULL relation is an ERROR.
 * Results are materialised in the SRF tuplestore (work_mem, then disk);
 * everything else lives in a per-patient context that is reset as the
 * cursor moves on, and in SPI memory released at the end.
 */
PG_FUNCTION_INFO_V1(tpi_audit);
Datum
tpi_audit(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	bool		has_from = !PG_ARGISNULL(1);
	bool		has_to = !PG_ARGISNULL(2);
	DateADT		from = has_from ? PG_GETARG_DATEADT(1) : 0;
	DateADT		to = has_to ? PG_GETARG_DATEADT(2) : 0;
	Relation	rel;
	ClaimColumns relcols;
	ClaimColumns cols;
	char	   *relname;
	char	   *query;
	AuditState	st;
	Oid			argtypes[3] = {DATEOID, DATEOID, DATEOID};
	Datum		args[3];
	char		argnulls[3] = {' ', ' ', ' '};
	Portal		portal;
	MemoryContext callcxt = CurrentMemoryContext;
	int			i;
	int			patient_att;

	if (PG_ARGISNULL(0))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("claims must not be NULL"),
				 errhint("Pass the table or view to audit, e.g. tpi_rules.audit('tpi_rules.claim_line').")));
	if (has_from && has_to && from > to)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("from_date %s is after to_date %s",
						tpi_date_text(from), tpi_date_text(to)),
				 errhint("Swap the dates, or pass NULL for an open bound.")));

	TPI_INIT_SRF(fcinfo);
	memset(&st, 0, sizeof(st));
	st.ts = rsinfo->setResult;
	st.desc = rsinfo->setDesc;
	{
		Oid			sevtype = TupleDescAttr(st.desc, 5)->atttypid;
		static const char *const names[3] = {"info", "warning", "error"};

		for (i = 0; i < 3; i++)
			st.severity[i] = DirectFunctionCall2(enum_in, CStringGetDatum(names[i]),
												 ObjectIdGetDatum(sevtype));
	}

	rel = relation_open(PG_GETARG_OID(0), AccessShareLock);
	check_relation(rel);
	relname = pstrdup(RelationGetRelationName(rel));
	tpi_claim_columns(RelationGetDescr(rel), relname, &relcols);
	query = build_query(rel, &relcols, has_from, has_to);
	relation_close(rel, NoLock);

	st.pcxt = AllocSetContextCreate(callcxt, "tpi_rules audit patient",
									ALLOCSET_DEFAULT_SIZES);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	args[0] = DateADTGetDatum(from);
	args[1] = DateADTGetDatum(to);
	args[2] = DateADTGetDatum(has_from ? context_start(from) : 0);
	portal = SPI_cursor_open_with_args(NULL, query, 3, argtypes, args, argnulls,
									   true, 0);
	SPI_cursor_fetch(portal, true, FETCH_BATCH);
	tpi_claim_columns(SPI_tuptable->tupdesc, relname, &cols);
	patient_att = cols.attno[2] + 1;

	while (SPI_processed > 0)
	{
		SPITupleTable *tt = SPI_tuptable;
		uint64		r;

		for (r = 0; r < SPI_processed; r++)
		{
			HeapTuple	tup = tt->vals[r];
			bool		pnull;
			Datum		pd = SPI_getbinval(tup, tt->tupdesc, patient_att, &pnull);
			MemoryContext old;
			AuditLine  *a;

			CHECK_FOR_INTERRUPTS();
			if (st.n > 0 && (pnull || st.patient == NULL || !same_patient(&st, pd)))
				flush_patient(&st);

			old = MemoryContextSwitchTo(st.pcxt);
			a = next_line(&st);
			tpi_claim_from_tuple(tup, tt->tupdesc, &cols, &a->line);
			a->is_tpi = tpi_is_tpi_code(a->line.hcpcs);
			a->report = !has_from ||
				(!a->line.dos_null && a->line.date_of_service >= from);
			if (st.n == 1 && !pnull)
			{
				st.patient = a->line.patient_id;
				st.patient_len = strlen(st.patient);
			}
			MemoryContextSwitchTo(old);

			/* No patient: nothing to group with, check the line alone. */
			if (pnull)
				flush_patient(&st);
		}
		SPI_freetuptable(tt);
		SPI_cursor_fetch(portal, true, FETCH_BATCH);
	}
	if (st.n > 0)
		flush_patient(&st);
	SPI_freetuptable(SPI_tuptable);
	SPI_cursor_close(portal);
	SPI_finish();
	MemoryContextDelete(st.pcxt);
	return (Datum) 0;
}
