/*
 * audit.c
 *		tpi_rules.audit(): every rule (line, day, frequency) over the lines of
 *		any table or view with the claim_line column names.
 *
 * One query reads the relation sorted by patient and date of service and
 * streams its rows into a DestReceiver (no cursor, no SPI tuple table:
 * rows are decoded straight from the executor's slot, and the scan and
 * sort may run in parallel workers).  The lines of one (patient, date) are
 * decoded into a memory context of their own and checked by the per-
 * patient engine (engine/patient.c), which keeps only the patient's
 * sessions from one date to the next; the findings are emitted and the
 * context is reset before the next date.  So memory is bounded by the
 * largest date of one patient, not the patient or the table: a placeholder
 * patient id on millions of lines costs a few small entries per date.
 * Reference data comes from the backend caches (policy.c, muscles.c,
 * payment.c): no query per row.
 *
 * Frequency needs the sessions before the range: a session on from_date
 * may be the fourth in twelve months.  When from_date is given, the query
 * also reads the TPI lines of the preceding window (twice the longest cap
 * window or minimum interval of any payer policy, and at least two years)
 * as context: they count as earlier sessions but get no findings and no
 * line or day rules.  Sessions after to_date cannot change the verdict on
 * one inside the range, so they are not read.
 *
 * Lines whose patient_id is NULL get the line rules (input.invalid says
 * what is missing) but belong to no day and no session; so do lines whose
 * date_of_service is NULL.  With a date bound, lines with a NULL date are
 * outside the range; with no bounds every line is read.
 *
 * Output is ordered by patient (in the column's collation, NULL last), date
 * (NULL last), claim_id, line_no, rule_id.
 */
#include "rules.h"
#include "patient.h"

#include "access/relation.h"
#include "catalog/pg_class.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "executor/tuptable.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "nodes/params.h"
#include "tcop/dest.h"
#include "tcop/pquery.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/timestamp.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/tuplestore.h"

typedef struct AuditReceiver
{
	DestReceiver pub;
	/* set up by tpi_audit() */
	const char *relname;
	bool		has_from;
	DateADT		from;
	Tuplestorestate *ts;
	TupleDesc	desc;
	Datum		severity[3];
	/* text datums of the rule ids seen so far (rule ids are static strings) */
	const char *rule_ptr[64];
	Datum		rule_text[64];
	int			nrules;
	uint8		rule_hint[64];	/* by address: where the id was last found */
	/* scratch text values for emit(), reused row after row */
	text	   *msg_text;
	int			msg_cap;
	text	   *claim_text;
	int			claim_cap;
	MemoryContext pcxt;			/* the current patient: id, sessions */
	MemoryContext dcxt;			/* the current date: lines, findings */
	/* set up when the query starts */
	ClaimColumns cols;
	int			patient_att;	/* 1-based */
	int			dos_att;		/* 1-based */
	/* the current patient */
	bool		in_patient;		/* a line has been read */
	bool		patient_null;
	char	   *patient;
	int			patient_len;
	Datum		patient_text;
	PatientCheck pc;
	/* the current date's lines, in dcxt */
	ClaimLine **lines;
	bool	   *report;
	int			n;
	int			cap;
	TpiArena	arena;			/* their decoded values, in dcxt */
} AuditReceiver;

/* ------------------------------------------------------------------------
 * Output
 * ------------------------------------------------------------------------
 */

/* The rule id as text, converted once per query. */
/*
 * Runs the read-only query with params (inside SPI_connect), its rows
 * going to dest as they come rather than into a tuple table.
 */
static void
spi_execute_into(const char *query, ParamListInfo params, DestReceiver *dest)
{
	SPIExecuteOptions options;
	int			ret;

	memset(&options, 0, sizeof(options));
	options.params = params;
	options.read_only = true;
	options.dest = dest;
	ret = SPI_execute_extended(query, &options);
	if (ret < 0)
		elog(ERROR, "SPI_execute_extended failed: %s", SPI_result_code_string(ret));
}

static Datum
rule_datum(AuditReceiver *ar, const char *rule_id)
{
	int			hint = (int) (((uintptr_t) rule_id >> 3) & (lengthof(ar->rule_hint) - 1));
	int			i;
	MemoryContext old;

	i = ar->rule_hint[hint];
	if (i < ar->nrules && ar->rule_ptr[i] == rule_id)
		return ar->rule_text[i];
	for (i = 0; i < ar->nrules; i++)
		if (ar->rule_ptr[i] == rule_id)
		{
			ar->rule_hint[hint] = i;
			return ar->rule_text[i];
		}
	if (ar->nrules == lengthof(ar->rule_ptr))
		return CStringGetTextDatum(rule_id);
	old = MemoryContextSwitchTo(GetMemoryChunkContext(ar));
	ar->rule_ptr[ar->nrules] = rule_id;
	ar->rule_text[ar->nrules] = CStringGetTextDatum(rule_id);
	MemoryContextSwitchTo(old);
	ar->rule_hint[hint] = ar->nrules;
	return ar->rule_text[ar->nrules++];
}

/*
 * s as a text value in *buf, a scratch buffer of the receiver that grows
 * as needed: tuplestore_putvalues() copies the value, so one buffer serves
 * every row.
 */
static Datum
scratch_text(AuditReceiver *ar, text **buf, int *cap, const char *s)
{
	int			len = strlen(s);

	if (*buf == NULL || len + VARHDRSZ > *cap)
	{
		int			newcap = Max(len + VARHDRSZ, 1024);

		if (*buf)
			pfree(*buf);
		*buf = MemoryContextAlloc(GetMemoryChunkContext(ar), newcap);
		*cap = newcap;
	}
	SET_VARSIZE(*buf, len + VARHDRSZ);
	memcpy(VARDATA(*buf), s, len);
	return PointerGetDatum(*buf);
}

/* The findings of the current date, in the engine's (audit's) order. */
static void
emit(AuditReceiver *ar, const PatientFindings *out)
{
	int			i;
	const char *last_claim = NULL;
	Datum		claim_text = (Datum) 0;

	for (i = 0; i < out->n; i++)
	{
		const TpiFinding *f = &out->items[i].f;
		const ClaimLine *l = ar->lines[out->items[i].line];
		Datum		values[7];
		bool		nulls[7] = {false, false, false, false, false, false, false};

		if (f->claim_id)
		{
			/* a line's findings come together, and a claim's lines */
			if (last_claim == NULL || strcmp(last_claim, f->claim_id) != 0)
			{
				claim_text = scratch_text(ar, &ar->claim_text, &ar->claim_cap,
										  f->claim_id);
				last_claim = f->claim_id;
			}
			values[0] = claim_text;
		}
		else
			nulls[0] = true;
		values[1] = Int16GetDatum(f->line_no);
		nulls[1] = f->line_no_null;
		values[2] = ar->patient_text;
		nulls[2] = ar->patient_null;
		values[3] = DateADTGetDatum(l->date_of_service);
		nulls[3] = l->dos_null;
		values[4] = rule_datum(ar, f->rule_id);
		values[5] = ar->severity[f->severity];
		if (tpi_finding_text(f))
			values[6] = PointerGetDatum(tpi_finding_text(f));
		else
			values[6] = scratch_text(ar, &ar->msg_text, &ar->msg_cap, f->message);
		tuplestore_putvalues(ar->ts, ar->desc, values, nulls);
	}
}

/* ------------------------------------------------------------------------
 * Checking a patient, one date at a time
 * ------------------------------------------------------------------------
 */

/* Checks and emits the buffered date, then forgets its lines. */
static void
flush_day(AuditReceiver *ar)
{
	MemoryContext old;
	PatientFindings out;

	if (ar->n == 0)
		return;
	old = MemoryContextSwitchTo(ar->dcxt);
	tpi_patient_findings_init(&out);
	tpi_patient_day(&ar->pc, ar->lines, ar->report, NULL, ar->n, &out);
	emit(ar, &out);
	MemoryContextSwitchTo(old);
	MemoryContextReset(ar->dcxt);
	ar->arena.next = ar->arena.end = NULL;
	ar->lines = NULL;
	ar->report = NULL;
	ar->n = ar->cap = 0;
}

/* Ends the current patient, if any, and starts the one of datum d. */
static void
start_patient(AuditReceiver *ar, bool isnull, Datum d)
{
	MemoryContext old;

	flush_day(ar);
	MemoryContextReset(ar->pcxt);
	old = MemoryContextSwitchTo(ar->pcxt);
	ar->in_patient = true;
	ar->patient_null = isnull;
	ar->patient = NULL;
	ar->patient_len = 0;
	ar->patient_text = (Datum) 0;
	if (!isnull)
	{
		text	   *t = (text *) PG_DETOAST_DATUM_PACKED(d);

		ar->patient_len = VARSIZE_ANY_EXHDR(t);
		ar->patient = palloc(ar->patient_len + 1);
		memcpy(ar->patient, VARDATA_ANY(t), ar->patient_len);
		ar->patient[ar->patient_len] = '\0';
		ar->patient_text = PointerGetDatum(cstring_to_text_with_len(ar->patient,
																	ar->patient_len));
		if ((Pointer) t != DatumGetPointer(d))
			pfree(t);
	}
	tpi_patient_begin(&ar->pc, isnull);
	MemoryContextSwitchTo(old);
}

static bool
same_patient(AuditReceiver *ar, bool isnull, Datum d)
{
	text	   *t;
	bool		same;

	if (isnull || ar->patient_null)
		return isnull == ar->patient_null;
	t = (text *) PG_DETOAST_DATUM_PACKED(d);
	same = VARSIZE_ANY_EXHDR(t) == ar->patient_len &&
		memcmp(VARDATA_ANY(t), ar->patient, ar->patient_len) == 0;
	if ((Pointer) t != DatumGetPointer(d))
		pfree(t);
	return same;
}

/* ------------------------------------------------------------------------
 * The receiver of the query's rows
 * ------------------------------------------------------------------------
 */
static void
audit_startup(DestReceiver *self, int operation, TupleDesc typeinfo)
{
	AuditReceiver *ar = (AuditReceiver *) self;

	tpi_claim_columns(typeinfo, ar->relname, &ar->cols);
	ar->patient_att = ar->cols.attno[2] + 1;
	ar->dos_att = ar->cols.attno[5] + 1;
}

static bool
audit_receive(TupleTableSlot *slot, DestReceiver *self)
{
	AuditReceiver *ar = (AuditReceiver *) self;
	bool		pnull;
	Datum		pd;
	MemoryContext old;
	ClaimLine  *l;

	CHECK_FOR_INTERRUPTS();
	pd = slot_getattr(slot, ar->patient_att, &pnull);
	if (!ar->in_patient || !same_patient(ar, pnull, pd))
		start_patient(ar, pnull, pd);
	else if (ar->n > 0)
	{
		/* a new date: the buffered one is complete (rows come by date) */
		bool		dnull;
		Datum		dd = slot_getattr(slot, ar->dos_att, &dnull);

		if (dnull != ar->lines[0]->dos_null ||
			(!dnull && DatumGetDateADT(dd) != ar->lines[0]->date_of_service))
			flush_day(ar);
	}

	old = MemoryContextSwitchTo(ar->dcxt);
	if (ar->n == ar->cap)
	{
		ar->cap = ar->cap ? ar->cap * 2 : 16;
		ar->lines = ar->lines ? repalloc_huge(ar->lines, ar->cap * sizeof(ClaimLine *)) :
			palloc(ar->cap * sizeof(ClaimLine *));
		ar->report = ar->report ? repalloc_huge(ar->report, ar->cap * sizeof(bool)) :
			palloc(ar->cap * sizeof(bool));
	}
	l = palloc(sizeof(ClaimLine));
	slot_getallattrs(slot);
	tpi_claim_from_values(slot->tts_values, slot->tts_isnull, &ar->cols, l,
						  &ar->arena);

	/*
	 * A claim's lines mostly arrive together: they share one claim_id
	 * string, and comparing lines of one claim finds equal pointers.
	 */
	if (ar->n > 0)
	{
		const char *prev = ar->lines[ar->n - 1]->claim_id;
		const char *cur = l->claim_id;

		if (prev && cur && strcmp(prev, cur) == 0)
			l->claim_id = ar->lines[ar->n - 1]->claim_id;
	}
	ar->report[ar->n] = !ar->has_from ||
		(!l->dos_null && l->date_of_service >= ar->from);
	ar->lines[ar->n++] = l;
	MemoryContextSwitchTo(old);
	return true;
}

static void
audit_shutdown(DestReceiver *self)
{
}

static void
audit_destroy(DestReceiver *self)
{
}

/* ------------------------------------------------------------------------
 * The query
 * ------------------------------------------------------------------------
 */

/*
 * The first date of the frequency context before from_date (see the file
 * header), computed from the policies in the table so that a user's longer
 * window is honoured.  Read as the extension owner, like every reference
 * table (tpi_ref_spi_connect): callers need no SELECT on payer_policy.
 */
static DateADT
context_start(DateADT from)
{
	Datum		arg = DateADTGetDatum(from);
	Oid			argtype = DATEOID;
	bool		isnull;
	Datum		d;
	DateADT		result = from;
	TpiRefSpi	spi;

	tpi_ref_spi_connect(&spi);
	if (SPI_execute_with_args(
							  "SELECT GREATEST('2 years'::pg_catalog.interval,"
							  " 2 OPERATOR(pg_catalog.*) pg_catalog.max(GREATEST(cap_window, min_interval)))"
							  " FROM tpi_rules.payer_policy",
							  1, &argtype, &arg, NULL, true, 1) != SPI_OK_SELECT ||
		SPI_processed != 1)
		elog(ERROR, "could not read tpi_rules.payer_policy");
	d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
	if (!isnull)
	{
		Interval   *iv = DatumGetIntervalP(d);
		double		days;

		/*
		 * Near the earliest date PostgreSQL can represent the look-back
		 * would overflow: start at the beginning of time instead.  31-day
		 * months make the bound generous.
		 */
		days = iv->month * 31.0 + iv->day + (double) iv->time / USECS_PER_DAY + 1;
		if ((double) from - days <= (double) (DATETIME_MIN_JULIAN - POSTGRES_EPOCH_JDATE))
			DATE_NOBEGIN(result);
		else
			result = DatumGetDateADT(DirectFunctionCall1(timestamp_date,
														 DirectFunctionCall2(date_mi_interval,
																			 DateADTGetDatum(from), d)));
	}
	tpi_ref_spi_finish(&spi);
	return result;
}

static char *
build_query(Relation rel, const ClaimColumns *cols, bool has_from, bool has_to)
{
	StringInfoData q;
	int			c;
	bool		first = true;
	const char *dos = quote_identifier("date_of_service");
	const char *tpi;

	int			pos = 0,
				patient_pos = 0,
				dos_pos = 0;

	initStringInfo(&q);
	appendStringInfoString(&q, "SELECT ");
	for (c = 0; c < TPI_NCOLS; c++)
	{
		const char *name = quote_identifier(tpi_claim_column_names[c]);

		if (cols->attno[c] < 0)
			continue;
		pos++;
		if (strcmp(tpi_claim_column_names[c], "patient_id") == 0)
		{
			Oid			coll = TupleDescAttr(RelationGetDescr(rel),
											 cols->attno[c])->attcollation;

			/*
			 * Lines of one patient must come together.  Under a deterministic
			 * collation equal ids are equal bytes, so the column's own order
			 * does that (and lets an index on patient_id stand in for the
			 * sort); a nondeterministic one is sorted in byte order instead.
			 */
			if (OidIsValid(coll) && !get_collation_isdeterministic(coll))
				appendStringInfo(&q, "%s%s COLLATE pg_catalog.\"C\" AS %s",
								 first ? "" : ", ", name, name);
			else
				appendStringInfo(&q, "%s%s", first ? "" : ", ", name);
			patient_pos = pos;
		}
		else if (strcmp(tpi_claim_column_names[c], "date_of_service") == 0)
		{
			appendStringInfo(&q, "%s%s", first ? "" : ", ", name);
			dos_pos = pos;
		}
		else
			appendStringInfo(&q, "%s%s", first ? "" : ", ", name);
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

	/*
	 * By patient, then date (NULLs last): the engine checks a patient one
	 * date at a time and orders a date's few lines itself.  Sorting on the
	 * output columns needs no extra (junk) column.
	 */
	appendStringInfo(&q, " ORDER BY %d, %d", patient_pos, dos_pos);
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
 * everything else lives in per-patient and per-date contexts that are
 * reset as the rows stream by, and in SPI memory released at the end.
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
	char	   *query;
	AuditReceiver *ar;
	ParamListInfo params;
	MemoryContext callcxt = CurrentMemoryContext;
	int			i;

	if (PG_ARGISNULL(0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("claims must not be NULL"),
				 errhint("Pass the table or view to audit, e.g. tpi_rules.audit('tpi_rules.claim_line').")));
	if (has_from && has_to && from > to)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("from_date %s is after to_date %s",
						tpi_date_text(from), tpi_date_text(to)),
				 errhint("Swap the dates, or pass NULL for an open bound.")));

	TPI_INIT_SRF(fcinfo);
	ar = palloc0(sizeof(AuditReceiver));
	ar->pub.receiveSlot = audit_receive;
	ar->pub.rStartup = audit_startup;
	ar->pub.rShutdown = audit_shutdown;
	ar->pub.rDestroy = audit_destroy;
	ar->pub.mydest = DestNone;
	ar->has_from = has_from;
	ar->from = from;
	ar->ts = rsinfo->setResult;
	ar->desc = rsinfo->setDesc;
	{
		Oid			sevtype = TupleDescAttr(ar->desc, 5)->atttypid;
		static const char *const names[3] = {"info", "warning", "error"};

		for (i = 0; i < 3; i++)
			ar->severity[i] = DirectFunctionCall2(enum_in, CStringGetDatum(names[i]),
												  ObjectIdGetDatum(sevtype));
	}

	/* a regclass made from a bare OID may name nothing */
	rel = try_relation_open(PG_GETARG_OID(0), AccessShareLock);
	if (rel == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("relation with OID %u does not exist", PG_GETARG_OID(0)),
				 errhint("Pass the claims table or view by name, e.g. audit('tpi_rules.claim_line').")));
	check_relation(rel);
	ar->relname = pstrdup(RelationGetRelationName(rel));
	tpi_claim_columns(RelationGetDescr(rel), ar->relname, &relcols);
	query = build_query(rel, &relcols, has_from, has_to);
	relation_close(rel, NoLock);

	/*
	 * A typical date (a few lines and findings) fits in the first block,
	 * which a reset keeps: no malloc and free per date.
	 */
	ar->pcxt = AllocSetContextCreate(callcxt, "tpi_rules audit patient",
									 ALLOCSET_SMALL_SIZES);
	ar->dcxt = AllocSetContextCreate(callcxt, "tpi_rules audit date",
									 ALLOCSET_DEFAULT_MINSIZE,
									 64 * 1024,
									 ALLOCSET_DEFAULT_MAXSIZE);

	params = makeParamList(3);
	params->numParams = 3;
	for (i = 0; i < 3; i++)
	{
		params->params[i].ptype = DATEOID;
		params->params[i].pflags = PARAM_FLAG_CONST;
		params->params[i].isnull = false;
	}
	params->params[0].value = DateADTGetDatum(from);
	params->params[1].value = DateADTGetDatum(to);
	params->params[2].value = DateADTGetDatum(has_from ? context_start(from) : 0);

	/* The claims are read as the caller: normal permission checks apply. */
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");

	spi_execute_into(query, params, (DestReceiver *) ar);

	flush_day(ar);
	SPI_finish();
	MemoryContextDelete(ar->pcxt);
	MemoryContextDelete(ar->dcxt);
	return (Datum) 0;
}
