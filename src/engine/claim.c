/*
 * claim.c
 *		Reading claim lines out of any tuple whose columns carry the
 *		claim_line names: the claim_line type itself, a user's table or view
 *		(audit), or a guarded table's NEW row (guard).
 *
 * Column positions are resolved once per query (tpi_claim_columns) and
 * checked for type, so decoding a row is a deform plus conversions.  A
 * missing required column or a column of an unusable type is an ERROR
 * that names it; a missing optional column reads as NULL.
 */
#include "claim.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "lib/stringinfo.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/typcache.h"

/* SPEC section 3 order, which is also the order of tpi_rules.claim_line */
const char *const tpi_claim_column_names[TPI_NCOLS] = {
	"claim_id", "line_no", "patient_id", "payer_id", "provider_npi",
	"date_of_service", "hcpcs", "modifiers", "units", "icd10",
	"place_of_service", "muscles", "trigger_points", "drug_name", "drug_dose",
	"claim_note", "note_signed", "post_procedure_plan", "conservative_care",
	"tp_locations", "guidance", "ndc"
};

enum
{
	C_CLAIM_ID, C_LINE_NO, C_PATIENT_ID, C_PAYER_ID, C_PROVIDER_NPI,
	C_DOS, C_HCPCS, C_MODIFIERS, C_UNITS, C_ICD10, C_POS, C_MUSCLES,
	C_TRIGGER_POINTS, C_DRUG_NAME, C_DRUG_DOSE, C_CLAIM_NOTE, C_NOTE_SIGNED,
	C_POST_PLAN, C_CONSERVATIVE, C_TP_LOCATIONS, C_GUIDANCE, C_NDC
};

typedef enum ColKind
{
	K_TEXT, K_INT, K_DATE, K_TEXTARRAY, K_BOOL
} ColKind;

/*
 * Each column's kind of type, and whether a line type must have it.
 * other_type_unread: a column of another type is left unread, as if absent,
 * rather than refused.  The rules read ndc since 1.1, and a table that
 * already had an ndc of its own (a number, say) is audited as before.
 */
static const struct
{
	ColKind		kind;
	bool		required;
	bool		other_type_unread;
}			col_spec[TPI_NCOLS] = {
	[C_CLAIM_ID] = {K_TEXT, true},
	[C_LINE_NO] = {K_INT, true},
	[C_PATIENT_ID] = {K_TEXT, true},
	[C_PAYER_ID] = {K_TEXT, true},
	[C_PROVIDER_NPI] = {K_TEXT, false},
	[C_DOS] = {K_DATE, true},
	[C_HCPCS] = {K_TEXT, true},
	[C_MODIFIERS] = {K_TEXTARRAY, false},
	[C_UNITS] = {K_INT, false},
	[C_ICD10] = {K_TEXTARRAY, false},
	[C_POS] = {K_TEXT, false},
	[C_MUSCLES] = {K_TEXTARRAY, false},
	[C_TRIGGER_POINTS] = {K_INT, false},
	[C_DRUG_NAME] = {K_TEXT, false},
	[C_DRUG_DOSE] = {K_TEXT, false},
	[C_CLAIM_NOTE] = {K_TEXT, false},
	[C_NOTE_SIGNED] = {K_BOOL, false},
	[C_POST_PLAN] = {K_BOOL, false},
	[C_CONSERVATIVE] = {K_BOOL, false},
	[C_TP_LOCATIONS] = {K_BOOL, false},
	[C_GUIDANCE] = {K_TEXT, false},
	[C_NDC] = {K_TEXT, false, true}
};

static const char *
kind_name(ColKind k)
{
	switch (k)
	{
		case K_TEXT:
			return "text";
		case K_INT:
			return "smallint or integer";
		case K_DATE:
			return "date";
		case K_TEXTARRAY:
			return "text[]";
		case K_BOOL:
			return "boolean";
	}
	return "?";
}

static bool
type_fits(ColKind k, Oid typid)
{
	switch (k)
	{
		case K_TEXT:
			return typid == TEXTOID || typid == VARCHAROID || typid == BPCHAROID;
		case K_INT:
			return typid == INT2OID || typid == INT4OID || typid == INT8OID;
		case K_DATE:
			return typid == DATEOID;
		case K_TEXTARRAY:
			return typid == TEXTARRAYOID || typid == get_array_type(VARCHAROID);
		case K_BOOL:
			return typid == BOOLOID;
	}
	return false;
}

/*
 * A relation that cannot be read as claim lines is bad input to the
 * function or trigger given it: 22023, as SPEC section 10 lists for bad
 * input, not the 42703/42804 of a query naming a missing column.
 */
void
tpi_claim_columns(TupleDesc tupdesc, const char *relname, ClaimColumns *cols)
{
	int			c,
				a;
	StringInfoData missing;
	int			nmissing = 0;

	initStringInfo(&missing);
	for (c = 0; c < TPI_NCOLS; c++)
	{
		cols->attno[c] = -1;
		cols->basetype[c] = InvalidOid;
		for (a = 0; a < tupdesc->natts; a++)
		{
			Form_pg_attribute att = TupleDescAttr(tupdesc, a);

			if (att->attisdropped ||
				strcmp(NameStr(att->attname), tpi_claim_column_names[c]) != 0)
				continue;
			cols->basetype[c] = getBaseType(att->atttypid);
			if (!type_fits(col_spec[c].kind, cols->basetype[c]))
			{
				if (col_spec[c].other_type_unread)
				{
					cols->basetype[c] = InvalidOid;
					break;
				}
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("column \"%s\" of \"%s\" has type %s, expected %s",
								tpi_claim_column_names[c], relname,
								format_type_be(att->atttypid),
								kind_name(col_spec[c].kind)),
						 errhint("Cast the column in a view with the claim_line column names and types.")));
			}
			cols->attno[c] = a;
			break;
		}
		if (cols->attno[c] < 0 && col_spec[c].required)
		{
			appendStringInfo(&missing, "%s\"%s\"", nmissing ? ", " : "",
							 tpi_claim_column_names[c]);
			nmissing++;
		}
	}
	if (nmissing > 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("\"%s\" lacks required claim_line column%s %s",
						relname, nmissing > 1 ? "s" : "", missing.data),
				 errdetail("Required columns: claim_id, line_no, patient_id, payer_id, date_of_service, hcpcs."),
				 errhint("Rename the columns, or create a view that exposes them under the claim_line names.")));
}

/*
 * A line's strings, vectors and muscles array are carved out of one block
 * (more only for long values): one palloc per line instead of one per
 * value.  Nothing in a ClaimLine is freed on its own; it all goes with the
 * memory context.  The first block holds a typical line (about 350 bytes).
 */
typedef TpiArena Arena;

#define ARENA_FIRST_BLOCK 512
#define ARENA_MIN_BLOCK 256
#define ARENA_SHARED_BLOCK 8192

static inline void *
arena_alloc(Arena *a, size_t size, bool align)
{
	char	   *p = align ? (char *) MAXALIGN(a->next) : a->next;

	if (p == NULL || p + size > a->end)
	{
		size_t		block = Max(size + MAXIMUM_ALIGNOF, ARENA_MIN_BLOCK);

		p = palloc(block);
		a->end = p + block;
	}
	a->next = p + size;
	return p;
}

/* A fresh block of size bytes for the arena. */
static inline void
arena_block(Arena *a, size_t size)
{
	a->next = palloc(size);
	a->end = a->next + size;
}

/* A varlena value not toasted, not compressed (a short header is fine). */
static inline struct varlena *
plain_varlena(Datum d)
{
	struct varlena *v = (struct varlena *) DatumGetPointer(d);

	if (VARATT_IS_EXTERNAL(v) || VARATT_IS_COMPRESSED(v))
		return pg_detoast_datum_packed(v);
	return v;
}

/* A text (or varchar, bpchar) value as a NUL-terminated copy. */
static inline char *
arena_text(Arena *a, Datum d)
{
	struct varlena *v = (struct varlena *) DatumGetPointer(d);
	const char *src;
	size_t		len;
	char	   *s;

	/* short values, as tuples store them, take the direct path */
	if (VARATT_IS_1B(v) && !VARATT_IS_1B_E(v))
	{
		len = VARSIZE_1B(v) - VARHDRSZ_SHORT;
		src = VARDATA_1B(v);
	}
	else
	{
		v = plain_varlena(d);
		len = VARSIZE_ANY_EXHDR(v);
		src = VARDATA_ANY(v);
	}
	s = arena_alloc(a, len + 1, false);
	memcpy(s, src, len);
	s[len] = '\0';
	return s;
}

/* A copy of a varlena value with a 4-byte header, maximally aligned. */
static struct varlena *
arena_varlena(Arena *a, Datum d)
{
	struct varlena *v = plain_varlena(d);
	size_t		len = VARSIZE_ANY_EXHDR(v);
	struct varlena *c = arena_alloc(a, len + VARHDRSZ, true);

	SET_VARSIZE(c, len + VARHDRSZ);
	memcpy(VARDATA(c), VARDATA_ANY(v), len);
	return c;
}

/*
 * text[] (or varchar[]) to a vector of C strings; NULL elements stay NULL.
 * An array stored with a short header is copied (aligned) first, as
 * DatumGetArrayTypeP would.
 */
static char **
arena_text_vector(Arena *a, Datum d, int *n)
{
	struct varlena *v = plain_varlena(d);
	ArrayType  *arr;
	bits8	   *bitmap;
	char	   *p;
	char	  **out;
	int			i;

	arr = VARATT_IS_SHORT(v) ? (ArrayType *) arena_varlena(a, PointerGetDatum(v)) :
		(ArrayType *) v;
	if (ARR_NDIM(arr) == 0)
	{
		*n = 0;
		return NULL;
	}
	/* the one-dimensional case without a call */
	*n = (ARR_NDIM(arr) == 1 && ARR_DIMS(arr)[0] >= 0) ? ARR_DIMS(arr)[0] :
		ArrayGetNItems(ARR_NDIM(arr), ARR_DIMS(arr));
	out = arena_alloc(a, Max(*n, 1) * sizeof(char *), true);
	bitmap = ARR_NULLBITMAP(arr);
	p = ARR_DATA_PTR(arr);
	for (i = 0; i < *n; i++)
	{
		if (bitmap && (bitmap[i / 8] & (1 << (i % 8))) == 0)
		{
			out[i] = NULL;
			continue;
		}
		out[i] = arena_text(a, PointerGetDatum(p));
		p = att_addlength_pointer(p, -1, p);
		p = (char *) att_align_nominal(p, TYPALIGN_INT);
	}
	return out;
}

static int64
int_value(Datum d, Oid typid)
{
	if (typid == INT2OID)
		return DatumGetInt16(d);
	if (typid == INT4OID)
		return DatumGetInt32(d);
	return DatumGetInt64(d);
}

static int8
bool_value(const Datum *values, const bool *nulls, const ClaimColumns *cols, int c)
{
	int			a = cols->attno[c];

	if (a < 0 || nulls[a])
		return -1;
	return DatumGetBool(values[a]) ? 1 : 0;
}

/* The value of column c, or false when it is absent or NULL. */
static inline bool
col_value(const Datum *values, const bool *nulls, const ClaimColumns *cols,
		  int c, Datum *d)
{
	int			a = cols->attno[c];

	if (a < 0 || nulls[a])
		return false;
	*d = values[a];
	return true;
}

/* Column c as a C string (NULL when absent or NULL). */
static inline char *
col_text(Arena *arena, const Datum *values, const bool *nulls,
		 const ClaimColumns *cols, int c)
{
	Datum		d;

	return col_value(values, nulls, cols, c, &d) ? arena_text(arena, d) : NULL;
}

/* Column c, an integer column, clamped to int32; false when NULL. */
static inline bool
col_int32(const Datum *values, const bool *nulls, const ClaimColumns *cols,
		  int c, int32 *out)
{
	Datum		d;
	int64		v;

	if (!col_value(values, nulls, cols, c, &d))
		return false;
	v = int_value(d, cols->basetype[c]);
	*out = (int32) Max(Min(v, PG_INT32_MAX), PG_INT32_MIN);
	return true;
}

void
tpi_claim_init(ClaimLine *line)
{
	memset(line, 0, sizeof(ClaimLine));
	line->line_no_null = line->dos_null = line->units_null = true;
	line->muscles_null = line->trigger_points_null = true;
	line->nmodifiers = line->nicd10 = -1;
}

/*
 * The line's key columns (claim_id, line_no, patient_id, payer_id,
 * provider_npi, date_of_service, hcpcs) into a zeroed line; the rest
 * reads as NULL.
 * Column by column, in straight-line code: a loop with a switch over the
 * columns cost more than the copies.
 */
static void
decode_key(const Datum *values, const bool *nulls, const ClaimColumns *cols,
		   ClaimLine *line, Arena *arena)
{
	Datum		d;

	tpi_claim_init(line);
	line->claim_id = col_text(arena, values, nulls, cols, C_CLAIM_ID);
	if (col_value(values, nulls, cols, C_LINE_NO, &d))
	{
		int64		v = int_value(d, cols->basetype[C_LINE_NO]);

		/* a line number out of smallint range is reported, not wrapped */
		if (v >= PG_INT16_MIN && v <= PG_INT16_MAX)
		{
			line->line_no = (int16) v;
			line->line_no_null = false;
		}
		else
			line->line_no_out_of_range = true;
	}
	line->patient_id = col_text(arena, values, nulls, cols, C_PATIENT_ID);
	line->payer_id = col_text(arena, values, nulls, cols, C_PAYER_ID);
	line->provider_npi = col_text(arena, values, nulls, cols, C_PROVIDER_NPI);
	if (col_value(values, nulls, cols, C_DOS, &d))
	{
		line->date_of_service = DatumGetDateADT(d);
		line->dos_null = false;
	}
	line->hcpcs = col_text(arena, values, nulls, cols, C_HCPCS);
}

/* An arena for the line: shared, with a fresh block when it runs low. */
static Arena *
line_arena(Arena *own, Arena *shared)
{
	if (shared == NULL)
	{
		arena_block(own, ARENA_FIRST_BLOCK);
		return own;
	}
	if (shared->next == NULL || shared->end - shared->next < ARENA_FIRST_BLOCK)
	{
		/* a fresh block for the lines to come (the tail is left) */
		arena_block(shared, ARENA_SHARED_BLOCK);
	}
	return shared;
}

void
tpi_claim_key_from_values(const Datum *values, const bool *nulls,
						  const ClaimColumns *cols, ClaimLine *line,
						  TpiArena *shared)
{
	Arena		own;

	decode_key(values, nulls, cols, line, line_arena(&own, shared));
}

void
tpi_claim_from_values(const Datum *values, const bool *nulls,
					  const ClaimColumns *cols, ClaimLine *line,
					  TpiArena *shared)
{
	Arena		own;
	Arena	   *arena = line_arena(&own, shared);
	Datum		d;

	decode_key(values, nulls, cols, line, arena);
	if (col_value(values, nulls, cols, C_MODIFIERS, &d))
		line->modifiers = arena_text_vector(arena, d, &line->nmodifiers);
	line->units_null = !col_int32(values, nulls, cols, C_UNITS, &line->units);
	if (col_value(values, nulls, cols, C_ICD10, &d))
		line->icd10 = arena_text_vector(arena, d, &line->nicd10);
	line->place_of_service = col_text(arena, values, nulls, cols, C_POS);
	if (col_value(values, nulls, cols, C_MUSCLES, &d))
	{
		/* copied: the tuple may be freed before the line is checked */
		line->muscles = PointerGetDatum(arena_varlena(arena, d));
		line->muscles_null = false;
	}
	line->trigger_points_null = !col_int32(values, nulls, cols, C_TRIGGER_POINTS,
										   &line->trigger_points);
	line->drug_name = col_text(arena, values, nulls, cols, C_DRUG_NAME);
	line->drug_dose = col_text(arena, values, nulls, cols, C_DRUG_DOSE);
	line->claim_note = col_text(arena, values, nulls, cols, C_CLAIM_NOTE);
	line->note_signed = bool_value(values, nulls, cols, C_NOTE_SIGNED);
	line->post_procedure_plan = bool_value(values, nulls, cols, C_POST_PLAN);
	line->conservative_care = bool_value(values, nulls, cols, C_CONSERVATIVE);
	line->tp_locations = bool_value(values, nulls, cols, C_TP_LOCATIONS);
	line->guidance = col_text(arena, values, nulls, cols, C_GUIDANCE);
	line->ndc = col_text(arena, values, nulls, cols, C_NDC);

	line->code_classes = tpi_code_classes(line->hcpcs, line->code);
	line->mod_flags = tpi_modifier_flags(line);
	line->derived = true;
}

static char *
arena_strdup(Arena *a, const char *s)
{
	size_t		len;
	char	   *c;

	if (s == NULL)
		return NULL;
	len = strlen(s);
	c = arena_alloc(a, len + 1, false);
	memcpy(c, s, len + 1);
	return c;
}

static char **
arena_strvec(Arena *a, char *const *v, int n)
{
	char	  **c;
	int			i;

	if (v == NULL)
		return NULL;
	c = arena_alloc(a, Max(n, 1) * sizeof(char *), true);
	for (i = 0; i < n; i++)
		c[i] = arena_strdup(a, v[i]);
	return c;
}

/*
 * A copy of src whose strings, vectors and muscles array are in the current
 * memory context, for a line kept after the memory it was decoded into.
 */
void
tpi_claim_copy(const ClaimLine *src, ClaimLine *dst)
{
	Arena		a;

	arena_block(&a, ARENA_FIRST_BLOCK);
	*dst = *src;
	dst->claim_id = arena_strdup(&a, src->claim_id);
	dst->patient_id = arena_strdup(&a, src->patient_id);
	dst->payer_id = arena_strdup(&a, src->payer_id);
	dst->provider_npi = arena_strdup(&a, src->provider_npi);
	dst->hcpcs = arena_strdup(&a, src->hcpcs);
	dst->modifiers = arena_strvec(&a, src->modifiers, src->nmodifiers);
	dst->icd10 = arena_strvec(&a, src->icd10, src->nicd10);
	dst->place_of_service = arena_strdup(&a, src->place_of_service);
	if (!src->muscles_null)
		dst->muscles = PointerGetDatum(arena_varlena(&a, src->muscles));
	dst->drug_name = arena_strdup(&a, src->drug_name);
	dst->drug_dose = arena_strdup(&a, src->drug_dose);
	dst->claim_note = arena_strdup(&a, src->claim_note);
	dst->guidance = arena_strdup(&a, src->guidance);
	dst->ndc = arena_strdup(&a, src->ndc);
}

void
tpi_claim_from_tuple(HeapTuple tuple, TupleDesc tupdesc,
					 const ClaimColumns *cols, ClaimLine *line)
{
	Datum		values_local[64];
	bool		nulls_local[64];
	Datum	   *values = values_local;
	bool	   *nulls = nulls_local;

	if (tupdesc->natts > lengthof(values_local))
	{
		values = palloc(tupdesc->natts * sizeof(Datum));
		nulls = palloc(tupdesc->natts * sizeof(bool));
	}
	heap_deform_tuple(tuple, tupdesc, values, nulls);
	tpi_claim_from_values(values, nulls, cols, line, NULL);
	if (values != values_local)
	{
		pfree(values);
		pfree(nulls);
	}
}

/*
 * The column map of the claim_line composite type is cached by type OID and
 * attribute count: the type is fixed for the extension's lifetime, and a
 * re-created extension gets a new OID.
 */
int
tpi_nullable_strcmp(const char *a, const char *b)
{
	if (a == b)
		return 0;
	if (a == NULL || b == NULL)
		return a == NULL ? 1 : -1;
	return strcmp(a, b);
}

int
tpi_line_key_cmp(const char *c1, int16 l1, bool n1,
				 const char *c2, int16 l2, bool n2)
{
	int			c = tpi_nullable_strcmp(c1, c2);

	if (c != 0)
		return c;
	if (n1 != n2)
		return n1 ? 1 : -1;
	if (!n1 && l1 != l2)
		return l1 < l2 ? -1 : 1;
	return 0;
}

void
tpi_claim_from_datum(Datum composite, ClaimLine *line)
{
	static Oid	cached_typid = InvalidOid;
	static int	cached_natts = -1;
	static ClaimColumns cached_cols;
	HeapTupleHeader th = DatumGetHeapTupleHeader(composite);
	Oid			typid = HeapTupleHeaderGetTypeId(th);
	int32		typmod = HeapTupleHeaderGetTypMod(th);
	TupleDesc	tupdesc = lookup_rowtype_tupdesc(typid, typmod);
	HeapTupleData tuple;

	if (typid != cached_typid || tupdesc->natts != cached_natts)
	{
		tpi_claim_columns(tupdesc, format_type_be(typid), &cached_cols);
		cached_typid = typid;
		cached_natts = tupdesc->natts;
	}
	tuple.t_len = HeapTupleHeaderGetDatumLength(th);
	ItemPointerSetInvalid(&(tuple.t_self));
	tuple.t_tableOid = InvalidOid;
	tuple.t_data = th;
	tpi_claim_from_tuple(&tuple, tupdesc, &cached_cols, line);
	ReleaseTupleDesc(tupdesc);
}
