/*
 * read_note.c
 *		tpi_rules.read_note(text) -> tpi_rules.note_facts (SPEC section 12):
 *		the SQL face of the plain-C note reader (src/parse/note.c).
 *
 * The reader's vocabulary is the muscle catalogue (muscles.c's cache) and
 * the drug names of tpi_rules.injectate with their generic names; it is
 * built once per backend and rebuilt when either table changes, so no
 * query runs per note.
 */
#include "muscles_int.h"
#include "note.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

static MemoryContext vocab_cxt = NULL;
static NrVocab *vocab = NULL;
static uint64 vocab_catalogue_load = 0;
static uint32 vocab_policy_generation = 0;

/*
 * The vocabulary, (re)built when the muscle catalogue was reloaded or the
 * injectate table changed.  Built in a context under the caller's until it
 * is complete, so an ERROR part way leaks nothing.
 */
static NrVocab *
get_vocab(void)
{
	uint64		load;
	MpCatalogue *cat = tpi_muscle_catalogue(&load);
	uint32		gen = tpi_ref_generation(TPI_REF_POLICY);
	MemoryContext cxt;
	MpAlloc		alloc;
	NrVocab    *v;
	TpiRefSpi	spi;
	uint64		i;

	if (vocab != NULL && load == vocab_catalogue_load &&
		gen == vocab_policy_generation)
		return vocab;

	cxt = AllocSetContextCreate(CurrentMemoryContext,
								"tpi_rules note vocabulary",
								ALLOCSET_DEFAULT_SIZES);
	alloc = tpi_mp_alloc_in(cxt);
	v = nr_vocab_new(&alloc, cat);

	/* as the extension's owner: any role that may call us sees the rows */
	tpi_ref_load_begin(&spi);
	if (SPI_execute("SELECT name, generic_name FROM tpi_rules.injectate "
					"ORDER BY name COLLATE pg_catalog.\"C\"", true, 0) != SPI_OK_SELECT)
		elog(ERROR, "could not read tpi_rules.injectate");
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		TupleDesc	td = SPI_tuptable->tupdesc;
		char	   *name = SPI_getvalue(tup, td, 1);
		char	   *generic = SPI_getvalue(tup, td, 2);

		if (name != NULL && !nr_vocab_add_drug(v, name, generic))
			elog(ERROR, "could not add injectate \"%s\" to the note vocabulary",
				 name);
	}
	tpi_ref_load_end(&spi);
	if (!nr_vocab_build(v))
		elog(ERROR, "could not build the note vocabulary");

	MemoryContextSetParent(cxt, CacheMemoryContext);
	if (vocab_cxt != NULL)
		MemoryContextDelete(vocab_cxt);
	vocab_cxt = cxt;
	vocab = v;
	vocab_catalogue_load = load;
	vocab_policy_generation = gen;
	return vocab;
}

/*
 * tpi_rules.read_note(note text) RETURNS tpi_rules.note_facts
 *
 * STRICT.  The documentation columns read from a procedure note (SPEC
 * section 12): muscles (an empty array when the note records no
 * injection), trigger_points (NULL when none stated), drug_name and
 * drug_dose (NULL when none), the four booleans, guidance.  Time and
 * memory are linear in the note's length; the result is palloc'd in the
 * caller's context.
 */
PG_FUNCTION_INFO_V1(tpi_read_note);
Datum
tpi_read_note(PG_FUNCTION_ARGS)
{
	text	   *note = PG_GETARG_TEXT_PP(0);
	NrVocab    *v = get_vocab();
	TupleDesc	tupdesc;
	Datum		values[9];
	bool		nulls[9];
	NrFacts		f;
	MpAlloc		alloc;
	Datum	   *elems;
	int			i;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	tupdesc = BlessTupleDesc(tupdesc);

	alloc = tpi_mp_alloc_in(CurrentMemoryContext);
	if (!nr_read(v, VARDATA_ANY(note), VARSIZE_ANY_EXHDR(note), &alloc, &f))
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("could not read the procedure note"),
				 errdetail("The note is %d bytes long.",
						   (int) VARSIZE_ANY_EXHDR(note))));

	memset(nulls, 0, sizeof(nulls));
	elems = palloc(sizeof(Datum) * Max(f.nmuscles, 1));
	for (i = 0; i < f.nmuscles; i++)
		elems[i] = CStringGetTextDatum(f.muscles[i]);
	values[0] = PointerGetDatum(construct_array(elems, f.nmuscles, TEXTOID,
												-1, false, TYPALIGN_INT));
	values[1] = Int32GetDatum(f.trigger_points);
	nulls[1] = !f.has_tp;
	values[2] = f.drug_name ? CStringGetTextDatum(f.drug_name) : (Datum) 0;
	nulls[2] = f.drug_name == NULL;
	values[3] = f.drug_dose ? CStringGetTextDatum(f.drug_dose) : (Datum) 0;
	nulls[3] = f.drug_dose == NULL;
	values[4] = BoolGetDatum(f.note_signed);
	values[5] = BoolGetDatum(f.post_procedure_plan);
	values[6] = BoolGetDatum(f.conservative_care);
	values[7] = BoolGetDatum(f.tp_locations);
	values[8] = CStringGetTextDatum(f.guidance);
	nr_facts_free(&alloc, &f);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}
