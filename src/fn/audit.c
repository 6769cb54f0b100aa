/*
 * audit.c
 *		tpi_rules.audit(): every rule (line, day, frequency) over the lines of
 *		any table or view with the claim_line column names.
 *
 * One query reads the relation sorted by patient and streams its rows into
 * a DestReceiver (no cursor, no SPI tuple table: rows are decoded straight
 * from the executor's slot, and the scan and sort may run in parallel
 * workers).  A patient's lines are decoded into a memory context of their
 * own, checked, and the context is reset before the next patient, so memory
 * is bounded by the largest patient, not the table.  Per line: line rules;
 * per (patient, date): day rules; per patient: frequency rules over the
 * patient's TPI lines.  Reference data comes from the backend caches
 * (policy.c, muscles.c, payment.c): no query per row.
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
#include "tpi_rules.h"

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

typedef struct AuditLine
{
	ClaimLine	line;
	MuscleSummary ms;			/* TPI lines only */
	bool		is_tpi;
	bool		report;			/* false: frequency context only */
	int			seq;			/* arrival order, for a stable sort */
	int			rank;			/* see OutRow.rank */
} AuditLine;

/*
 * A result row.  Rows sort by date, claim_id, line_no (the line's key),
 * rule_id and message.  rank, when not -1, stands for the line's key: the
 * position in the patient's sorted lines of the first line with that key,
 * so that rows of known lines compare keys as one integer.
 */
typedef struct OutRow
{
	TpiFinding	f;
	DateADT		dos;
	bool		dos_null;
	int			rank;
	int			rule_order;		/* tpi_rule_order(f.rule_id) */
} OutRow;

typedef struct OutList
{
	OutRow	   *rows;
	int			n;
	int			cap;
} OutList;

typedef struct FreqKey
{
	const char *claim_id;
	int16		line_no;
	DateADT		dos;
	int			rank;
} FreqKey;

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
	MemoryContext pcxt;			/* the buffered patient: lines, findings */
	MemoryContext ncxt;			/* findings of lines without a patient */
	MemoryContext rcxt;			/* one line without a patient */
	/* set up when the query starts */
	ClaimColumns cols;
	int			patient_att;	/* 1-based */
	/* the buffered patient */
	char	   *patient;
	int			patient_len;
	AuditLine  *lines;
	int			n;
	int			cap;
	OutList		out;			/* in pcxt */
	OutList		orphans;		/* in ncxt */
	TpiArena	arena;			/* the buffered patient's decoded values, in
								 * pcxt */
} AuditReceiver;

/* ------------------------------------------------------------------------
 * Output
 * ------------------------------------------------------------------------
 */
static OutRow *
out_next(OutList *ol)
{
	if (ol->n == ol->cap)
	{
		ol->cap = ol->cap ? ol->cap * 2 : 64;
		ol->rows = ol->rows ? repalloc(ol->rows, ol->cap * sizeof(OutRow)) :
			palloc(ol->cap * sizeof(OutRow));
	}
	return &ol->rows[ol->n++];
}

/*
 * Moves fl's findings from from on to ol with their date and rank (-1 if
 * not known).  With copy, the strings are copied into the current context
 * (the findings' own is about to go).
 */
static void
collect(OutList *ol, FindingList *fl, int from, bool dos_null, DateADT dos,
		int rank, bool copy)
{
	int			i;

	for (i = from; i < fl->n; i++)
	{
		OutRow	   *o = out_next(ol);

		o->f = fl->items[i];
		if (copy)
		{
			o->f.message = pstrdup(o->f.message);
			if (o->f.claim_id)
				o->f.claim_id = pstrdup(o->f.claim_id);
		}
		o->dos = dos;
		o->dos_null = dos_null;
		o->rank = rank;
		o->rule_order = tpi_rule_order(o->f.rule_id);
	}
	fl->n = from;
}

/* qsort() comparator of OutRow pointers */
static int
outrow_cmp(const void *a, const void *b)
{
	const OutRow *x = *(const OutRow *const *) a;
	const OutRow *y = *(const OutRow *const *) b;
	int			c;

	if (x->rank >= 0 && y->rank >= 0)
	{
		if (x->rank != y->rank)
			return x->rank < y->rank ? -1 : 1;
		goto same_line;
	}
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
same_line:
	if (x->rule_order != y->rule_order)
		return x->rule_order < y->rule_order ? -1 : 1;
	return strcmp(x->f.message, y->f.message);
}

/* The rule id as text, converted once per query. */
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

/*
 * The rows of ol in output order, as pointers (rows are large).  When every
 * row has a rank, a counting sort by rank (stable, linear) leaves only the
 * rows of one line to order by rule and message; otherwise a full sort.
 */
static const OutRow **
order_rows(OutList *ol)
{
	const OutRow **sorted = palloc(ol->n * sizeof(OutRow *));
	int			maxrank = -1;
	int		   *start;
	int			i;

	for (i = 0; i < ol->n; i++)
	{
		if (ol->rows[i].rank < 0)
			break;
		maxrank = Max(maxrank, ol->rows[i].rank);
	}
	if (i < ol->n || ol->n < 2)
	{
		for (i = 0; i < ol->n; i++)
			sorted[i] = &ol->rows[i];
		if (ol->n > 1)
			qsort(sorted, ol->n, sizeof(OutRow *), outrow_cmp);
		return sorted;
	}

	start = palloc0((maxrank + 2) * sizeof(int));
	for (i = 0; i < ol->n; i++)
		start[ol->rows[i].rank + 1]++;
	for (i = 1; i <= maxrank + 1; i++)
		start[i] += start[i - 1];
	for (i = 0; i < ol->n; i++)
		sorted[start[ol->rows[i].rank]++] = &ol->rows[i];
	/* start[r] is now the end of rank r's rows */
	for (i = 0; i <= maxrank; i++)
	{
		int			from = (i == 0) ? 0 : start[i - 1];
		int			n = start[i] - from;

		if (n > 1)
			qsort(sorted + from, n, sizeof(OutRow *), outrow_cmp);
	}
	pfree(start);
	return sorted;
}

static void
emit(AuditReceiver *ar, OutList *ol, const char *patient)
{
	int			i;
	Datum		patient_text = patient ? CStringGetTextDatum(patient) : (Datum) 0;
	const char *last_claim = NULL;
	int			last_rank = -1;
	Datum		claim_text = (Datum) 0;
	const OutRow **sorted;

	if (ol->n == 0)
		return;
	sorted = order_rows(ol);
	for (i = 0; i < ol->n; i++)
	{
		const OutRow *o = sorted[i];
		Datum		values[7];
		bool		nulls[7] = {false, false, false, false, false, false, false};

		if (o->f.claim_id)
		{
			/*
			 * Sorted by date and claim: runs of one claim are common, and
			 * rows of one rank are of one line.
			 */
			if (last_claim == NULL ||
				(!(o->rank >= 0 && o->rank == last_rank) &&
				 strcmp(last_claim, o->f.claim_id) != 0))
			{
				claim_text = scratch_text(ar, &ar->claim_text, &ar->claim_cap,
										  o->f.claim_id);
				last_claim = o->f.claim_id;
			}
			last_rank = o->rank;
			values[0] = claim_text;
		}
		else
			nulls[0] = true;
		values[1] = Int16GetDatum(o->f.line_no);
		nulls[1] = o->f.line_no_null;
		values[2] = patient_text;
		nulls[2] = (patient == NULL);
		values[3] = DateADTGetDatum(o->dos);
		nulls[3] = o->dos_null;
		values[4] = rule_datum(ar, o->f.rule_id);
		values[5] = ar->severity[o->f.severity];
		if (tpi_finding_text(&o->f))
			values[6] = PointerGetDatum(tpi_finding_text(&o->f));
		else
			values[6] = scratch_text(ar, &ar->msg_text, &ar->msg_cap, o->f.message);
		tuplestore_putvalues(ar->ts, ar->desc, values, nulls);
	}
	pfree(sorted);
	ol->n = 0;
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
	if (x->claim_id != y->claim_id && (c = strcmp(x->claim_id, y->claim_id)) != 0)
		return c;
	return (x->line_no > y->line_no) - (x->line_no < y->line_no);
}

static void
check_frequency(AuditReceiver *ar, FindingList *fl)
{
	FreqLine   *fq;
	FreqKey    *keys;
	int			i,
				n = 0;
	bool		any_report = false;

	for (i = 0; i < ar->n; i++)
		if (ar->lines[i].is_tpi && ar->lines[i].report)
			any_report = true;
	if (!any_report)
		return;

	fq = palloc(ar->n * sizeof(FreqLine));
	keys = palloc(ar->n * sizeof(FreqKey));
	for (i = 0; i < ar->n; i++)
	{
		AuditLine  *a = &ar->lines[i];

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
		/* a finding names a line whose line_no is NULL by line_no 0 */
		keys[n].rank = a->line.line_no_null ? -1 : a->rank;
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
		OutRow	   *o;

		if (f->claim_id)
		{
			k.claim_id = f->claim_id;
			k.line_no = f->line_no;
			hit = bsearch(&k, keys, n, sizeof(FreqKey), freqkey_cmp);
		}
		o = out_next(&ar->out);
		o->f = *f;
		o->dos = hit ? hit->dos : 0;
		o->dos_null = (hit == NULL);
		o->rank = hit ? hit->rank : -1;
		o->rule_order = tpi_rule_order(o->f.rule_id);
	}
	tpi_findings_reset(fl);
}

/* By date, claim_id, line_no (NULLs last): the key of result rows. */
static int
auditline_key_cmp(const AuditLine *x, const AuditLine *y)
{
	int			c;

	if (x->line.dos_null != y->line.dos_null)
		return x->line.dos_null ? 1 : -1;
	if (!x->line.dos_null && x->line.date_of_service != y->line.date_of_service)
		return x->line.date_of_service < y->line.date_of_service ? -1 : 1;
	if ((x->line.claim_id == NULL) != (y->line.claim_id == NULL))
		return x->line.claim_id == NULL ? 1 : -1;
	if (x->line.claim_id != y->line.claim_id &&
		(c = strcmp(x->line.claim_id, y->line.claim_id)) != 0)
		return c;
	if (x->line.line_no_null != y->line.line_no_null)
		return x->line.line_no_null ? 1 : -1;
	if (!x->line.line_no_null && x->line.line_no != y->line.line_no)
		return x->line.line_no < y->line.line_no ? -1 : 1;
	return 0;
}

/* By the key, then arrival. */
static int
auditline_cmp(const void *a, const void *b)
{
	const AuditLine *x = *(AuditLine *const *) a;
	const AuditLine *y = *(AuditLine *const *) b;
	int			c = auditline_key_cmp(x, y);

	return c != 0 ? c : x->seq - y->seq;
}

/*
 * The rank of the line among order[from, to) (lines of one date) that
 * finding f names, or -1 if none does.
 */
static int
day_rank(AuditLine **order, int from, int to, const TpiFinding *f)
{
	int			k;

	for (k = from; k < to; k++)
	{
		const ClaimLine *l = &order[k]->line;

		if (l->line_no_null != f->line_no_null ||
			(!l->line_no_null && l->line_no != f->line_no) ||
			(l->claim_id == NULL) != (f->claim_id == NULL) ||
			(l->claim_id && strcmp(l->claim_id, f->claim_id) != 0))
			continue;
		return order[k]->rank;
	}
	return -1;
}

static void
check_patient(AuditReceiver *ar)
{
	FindingList fl;
	AuditLine **order;
	ClaimLine **day;
	const MuscleSummary **dayms;
	int			i;

	tpi_findings_init(&fl);
	order = palloc(ar->n * sizeof(AuditLine *));
	day = palloc(ar->n * sizeof(ClaimLine *));
	dayms = palloc(ar->n * sizeof(MuscleSummary *));
	for (i = 0; i < ar->n; i++)
	{
		order[i] = &ar->lines[i];
		if (order[i]->is_tpi)
			tpi_summarise_muscles(order[i]->line.muscles,
								  order[i]->line.muscles_null, &order[i]->ms);
	}
	if (ar->n > 1)
		qsort(order, ar->n, sizeof(AuditLine *), auditline_cmp);
	for (i = 0; i < ar->n; i++)
		order[i]->rank = (i > 0 && auditline_key_cmp(order[i - 1], order[i]) == 0) ?
			order[i - 1]->rank : i;

	i = 0;
	while (i < ar->n)
	{
		AuditLine  *a = order[i];
		int			j = i;
		int			k;

		if (a->line.dos_null)
		{
			if (a->report)
			{
				tpi_check_line_rules_ms(&a->line, a->is_tpi ? &a->ms : NULL, &fl);
				collect(&ar->out, &fl, 0, true, 0, a->rank, false);
			}
			i++;
			continue;
		}
		while (j < ar->n && !order[j]->line.dos_null &&
			   order[j]->line.date_of_service == a->line.date_of_service)
			j++;
		/* context lines are all before from_date: a date is all or none */
		if (a->report)
		{
			for (k = i; k < j; k++)
			{
				day[k - i] = &order[k]->line;
				dayms[k - i] = order[k]->is_tpi ? &order[k]->ms : NULL;
				tpi_check_line_rules_ms(day[k - i], dayms[k - i], &fl);
				collect(&ar->out, &fl, 0, false, a->line.date_of_service,
						order[k]->rank, false);
			}
			tpi_check_day_rules_ms(day, dayms, j - i, &fl);
			while (fl.n > 0)
				collect(&ar->out, &fl, fl.n - 1, false, a->line.date_of_service,
						day_rank(order, i, j, &fl.items[fl.n - 1]), false);
		}
		i = j;
	}
	check_frequency(ar, &fl);
}

/* Checks and emits the buffered patient, then forgets it. */
static void
flush_patient(AuditReceiver *ar)
{
	MemoryContext old = MemoryContextSwitchTo(ar->pcxt);

	check_patient(ar);
	emit(ar, &ar->out, ar->patient);
	MemoryContextSwitchTo(old);
	MemoryContextReset(ar->pcxt);
	ar->arena.next = ar->arena.end = NULL;
	ar->patient = NULL;
	ar->patient_len = 0;
	ar->lines = NULL;
	ar->n = ar->cap = 0;
	memset(&ar->out, 0, sizeof(OutList));
}

static bool
same_patient(AuditReceiver *ar, Datum d)
{
	text	   *t = (text *) PG_DETOAST_DATUM_PACKED(d);
	bool		same;

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
}

/* Decoded straight from the slot's values: no tuple is formed or copied. */
static void
decode(AuditReceiver *ar, TupleTableSlot *slot, ClaimLine *line,
	   TpiArena *arena)
{
	slot_getallattrs(slot);
	tpi_claim_from_values(slot->tts_values, slot->tts_isnull, &ar->cols, line,
						  arena);
}

/* A line without a patient: line rules only, checked on its own. */
static void
receive_orphan(AuditReceiver *ar, TupleTableSlot *slot)
{
	MemoryContext old = MemoryContextSwitchTo(ar->rcxt);
	ClaimLine	line;

	decode(ar, slot, &line, NULL);
	if (!ar->has_from ||
		(!line.dos_null && line.date_of_service >= ar->from))
	{
		FindingList fl;

		tpi_findings_init(&fl);
		tpi_check_line_rules(&line, &fl);
		MemoryContextSwitchTo(ar->ncxt);
		collect(&ar->orphans, &fl, 0, line.dos_null, line.date_of_service, -1, true);
	}
	MemoryContextSwitchTo(old);
	MemoryContextReset(ar->rcxt);
}

static bool
audit_receive(TupleTableSlot *slot, DestReceiver *self)
{
	AuditReceiver *ar = (AuditReceiver *) self;
	bool		pnull;
	Datum		pd;
	MemoryContext old;
	AuditLine  *a;

	CHECK_FOR_INTERRUPTS();
	pd = slot_getattr(slot, ar->patient_att, &pnull);
	if (pnull)
	{
		receive_orphan(ar, slot);
		return true;
	}
	if (ar->n > 0 && !same_patient(ar, pd))
		flush_patient(ar);

	old = MemoryContextSwitchTo(ar->pcxt);
	if (ar->n == ar->cap)
	{
		ar->cap = ar->cap ? ar->cap * 2 : 16;
		ar->lines = ar->lines ? repalloc(ar->lines, ar->cap * sizeof(AuditLine)) :
			palloc(ar->cap * sizeof(AuditLine));
	}
	a = &ar->lines[ar->n];
	a->seq = ar->n++;
	decode(ar, slot, &a->line, &ar->arena);

	/*
	 * A claim's lines mostly arrive together: they share one claim_id
	 * string, and comparing lines of one claim finds equal pointers.
	 */
	if (ar->n > 1)
	{
		const char *prev = ar->lines[ar->n - 2].line.claim_id;
		const char *cur = a->line.claim_id;

		if (prev && cur)
		{
			/* claim ids are short: compared here, without a call */
			while (*prev && *prev == *cur)
				prev++, cur++;
			if (*prev == *cur)
				a->line.claim_id = ar->lines[ar->n - 2].line.claim_id;
		}
	}
	a->is_tpi = (a->line.code_classes & TPI_CODE_TPI) != 0;
	a->report = !ar->has_from ||
		(!a->line.dos_null && a->line.date_of_service >= ar->from);
	if (ar->n == 1)
	{
		ar->patient = a->line.patient_id;
		ar->patient_len = strlen(ar->patient);
	}
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
				patient_pos = 0;

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
	 * Only the patient is sorted on: one key with abbreviated comparisons
	 * sorts much faster than four, and check_patient() orders a patient's
	 * few lines itself.  Sorting on the output column needs no extra (junk)
	 * column.
	 */
	appendStringInfo(&q, " ORDER BY %d", patient_pos);
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
 * rows stream by, and in SPI memory released at the end.
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
	 * A typical patient (a few dozen lines and findings) fits in the first
	 * block, which a reset keeps: no malloc and free per patient.
	 */
	ar->pcxt = AllocSetContextCreate(callcxt, "tpi_rules audit patient",
									 ALLOCSET_DEFAULT_MINSIZE,
									 64 * 1024,
									 ALLOCSET_DEFAULT_MAXSIZE);
	ar->ncxt = AllocSetContextCreate(callcxt, "tpi_rules audit orphan findings",
									 ALLOCSET_DEFAULT_SIZES);
	ar->rcxt = AllocSetContextCreate(callcxt, "tpi_rules audit orphan line",
									 ALLOCSET_DEFAULT_SIZES);

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

	tpi_spi_execute_into(query, params, (DestReceiver *) ar);

	if (ar->n > 0)
		flush_patient(ar);
	emit(ar, &ar->orphans, NULL);
	SPI_finish();
	MemoryContextDelete(ar->pcxt);
	MemoryContextDelete(ar->ncxt);
	MemoryContextDelete(ar->rcxt);
	return (Datum) 0;
}
