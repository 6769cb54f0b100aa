/*
 * audit_patient.c
 *		The tpi_rules.audit_patient(claim_line) aggregate: every rule over
 *		one patient's lines (callers GROUP BY patient_id), the same findings
 *		audit() gives for that patient, as a finding[] in audit()'s order.
 *
 * The state is the group's lines as they came, a TpiRowList
 * (engine/rowlist.c, shared with check_day(), whose transition, combine,
 * serialize and deserialize functions this aggregate uses too); the rules
 * run only in the final function, through the per-patient engine
 * (engine/patient.c).  So the aggregate is parallel safe, and with
 * partitionwise aggregation each partition's groups run in a worker.
 *
 * The final function orders the lines by date (reading only that column),
 * then decodes and checks one date at a time in a context that is reset
 * after each date: memory is the state (about the size of the lines) plus
 * one date's decoded lines and the findings.
 */
#include "rules.h"
#include "patient.h"
#include "rowlist.h"

#include "access/htup_details.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/typcache.h"

/* Per-query data of the final function, in fn_extra. */
typedef struct APFinal
{
	FindingOut	fo;
	Oid			typid;			/* of the lines' composite type */
	int32		typmod;
	TupleDesc	tupdesc;
	ClaimColumns cols;
} APFinal;

/* One line's place in date order. */
typedef struct APDate
{
	int			i;
	DateADT		dos;
	bool		dos_null;
} APDate;

static int
apdate_cmp(const void *a, const void *b)
{
	const APDate *x = a;
	const APDate *y = b;

	if (x->dos_null != y->dos_null)
		return x->dos_null ? 1 : -1;
	if (!x->dos_null && x->dos != y->dos)
		return x->dos < y->dos ? -1 : 1;
	return x->i - y->i;
}

/*
 * The per-query data for lines of type typid/typmod (InvalidOid: only the
 * finding type's, for an empty group).
 */
static APFinal *
final_setup(FunctionCallInfo fcinfo, Oid typid, int32 typmod)
{
	APFinal    *af = (APFinal *) fcinfo->flinfo->fn_extra;
	MemoryContext old;

	if (af == NULL)
	{
		af = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(APFinal));
		tpi_finding_out_init(&af->fo, tpi_finding_typid_from_fcinfo(fcinfo),
							 fcinfo->flinfo->fn_mcxt);
		fcinfo->flinfo->fn_extra = af;
	}
	if (OidIsValid(typid) &&
		(af->tupdesc == NULL || af->typid != typid || af->typmod != typmod))
	{
		old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
		af->tupdesc = lookup_rowtype_tupdesc_copy(typid, typmod);
		tpi_claim_columns(af->tupdesc, format_type_be(typid), &af->cols);
		af->typid = typid;
		af->typmod = typmod;
		MemoryContextSwitchTo(old);
	}
	return af;
}

static void
line_tuple(const TpiRow *l, HeapTuple tuple)
{
	tuple->t_len = l->len;
	ItemPointerSetInvalid(&tuple->t_self);
	tuple->t_tableOid = InvalidOid;
	tuple->t_data = l->tuple;
}

/*
 * The result array, built in place: finding values are formed in the
 * per-date context and copied straight into the array's data area, which
 * grows by doubling (a large buffer is remapped, not copied, and its unused
 * tail is never touched).  So the result costs its own size once, not a
 * Datum array plus palloc'd elements plus the array.
 */
typedef struct ResultBuf
{
	char	   *data;			/* the array: header, then elements */
	Size		len;
	Size		cap;
	int			n;
} ResultBuf;

#define RESULT_HDR	ARR_OVERHEAD_NONULLS(1)

static void
result_add(ResultBuf *rb, Datum d, char typalign)
{
	struct varlena *v = (struct varlena *) DatumGetPointer(d);
	Size		at = att_align_nominal(rb->len, typalign);
	Size		size = VARSIZE(v);

	if (at + size > rb->cap)
	{
		Size		cap = Max(2 * rb->cap, at + size);

		if (cap > MaxAllocSize)
			cap = Max(at + size, MaxAllocSize);
		if (at + size > MaxAllocSize)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("the findings of one audit_patient group exceed 1 GB"),
					 errdetail("%d findings fit before the limit.", rb->n),
					 errhint("Use tpi_rules.audit(), which streams its rows, for a patient with millions of lines.")));
		rb->data = repalloc_huge(rb->data, cap);
		rb->cap = cap;
	}
	memset(rb->data + rb->len, 0, at - rb->len);
	memcpy(rb->data + at, v, size);
	rb->len = at + size;
	rb->n++;
}

static ArrayType *
result_array(ResultBuf *rb, Oid elemtype)
{
	ArrayType  *a = (ArrayType *) rb->data;

	SET_VARSIZE(a, rb->len);
	a->ndim = rb->n > 0 ? 1 : 0;
	a->dataoffset = 0;
	a->elemtype = elemtype;
	if (rb->n > 0)
	{
		ARR_DIMS(a)[0] = rb->n;
		ARR_LBOUND(a)[0] = 1;
	}
	else
		SET_VARSIZE(a, ARR_OVERHEAD_NONULLS(0));
	return a;
}

/*
 * audit_patient_final(internal) RETURNS tpi_rules.finding[]
 *
 * Not strict: no lines give an empty array.  Reads the state only (it
 * may run more than once when the aggregate is used as a window
 * function); the result is built in the caller's context, scratch memory
 * in a child context reset after each date.
 */
PG_FUNCTION_INFO_V1(tpi_audit_patient_final);
Datum
tpi_audit_patient_final(PG_FUNCTION_ARGS)
{
	TpiRowList *st;
	APFinal    *af;
	APDate	   *order;
	ResultBuf	rb;
	int			i,
				j;
	int			dos_att,
				patient_att;
	PatientCheck pc;
	MemoryContext dcxt,
				old;
	ClaimLine **day;
	HeapTupleData tuple;
	bool		isnull;

	(void) tpi_agg_context(fcinfo, "audit_patient_final");
	st = PG_ARGISNULL(0) ? NULL : (TpiRowList *) PG_GETARG_POINTER(0);
	if (st == NULL || st->n == 0)
	{
		FindingList none;

		af = final_setup(fcinfo, InvalidOid, -1);
		tpi_findings_init(&none);
		PG_RETURN_DATUM(tpi_findings_array(&af->fo, &none));
	}
	af = final_setup(fcinfo, HeapTupleHeaderGetTypeId(st->rows[0].tuple),
					 HeapTupleHeaderGetTypMod(st->rows[0].tuple));
	dos_att = af->cols.attno[5] + 1;
	patient_att = af->cols.attno[2] + 1;

	/* the lines by date, reading only that column */
	order = palloc(st->n * sizeof(APDate));
	for (i = 0; i < st->n; i++)
	{
		Datum		d;

		line_tuple(&st->rows[i], &tuple);
		d = heap_getattr(&tuple, dos_att, af->tupdesc, &isnull);
		order[i].i = i;
		order[i].dos = isnull ? 0 : DatumGetDateADT(d);
		order[i].dos_null = isnull;
	}
	qsort(order, st->n, sizeof(APDate), apdate_cmp);

	/* lines without a patient get line rules only (as in audit()) */
	line_tuple(&st->rows[0], &tuple);
	(void) heap_getattr(&tuple, patient_att, af->tupdesc, &isnull);
	tpi_patient_begin(&pc, isnull);

	dcxt = AllocSetContextCreate(CurrentMemoryContext, "tpi_rules audit_patient date",
								 ALLOCSET_DEFAULT_SIZES);
	rb.cap = Max(RESULT_HDR, 1024);
	rb.data = palloc0(rb.cap);
	rb.len = RESULT_HDR;
	rb.n = 0;
	for (i = 0; i < st->n; i = j)
	{
		PatientFindings out;
		int			k;

		for (j = i + 1; j < st->n; j++)
			if (order[j].dos_null != order[i].dos_null ||
				(!order[i].dos_null && order[j].dos != order[i].dos))
				break;
		old = MemoryContextSwitchTo(dcxt);
		day = palloc((j - i) * sizeof(ClaimLine *));
		for (k = i; k < j; k++)
		{
			day[k - i] = palloc(sizeof(ClaimLine));
			line_tuple(&st->rows[order[k].i], &tuple);
			tpi_claim_from_tuple(&tuple, af->tupdesc, &af->cols, day[k - i]);
		}
		tpi_patient_findings_init(&out);
		tpi_patient_day(&pc, day, NULL, NULL, j - i, &out);
		for (k = 0; k < out.n; k++)
			result_add(&rb, tpi_finding_datum(&af->fo, &out.items[k].f),
					   af->fo.typalign);
		MemoryContextSwitchTo(old);
		MemoryContextReset(dcxt);
	}
	MemoryContextDelete(dcxt);
	PG_RETURN_ARRAYTYPE_P(result_array(&rb, af->fo.typid));
}
