/*
 * fuzz_note.c
 *		libFuzzer harness for the procedure note reader (src/parse/note.c)
 *		over a small built-in catalogue and drug vocabulary.
 *
 * fuzz-sources: src/parse/note.c src/parse/muscle_parse.c
 *
 * Any bytes are a note (an exact-size copy, no NUL terminator: ASan sees a
 * read past the end).  The facts are checked: every muscle entry is a
 * non-empty string that the muscle parser reads as something, no longer
 * than the note allows; counts are not negative; guidance is one of its
 * five values; drug name and dose are NULL or non-empty; and reading the
 * note twice gives the same facts.
 */
#include "note.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *
fz_alloc(void *ctx, size_t size)
{
	return malloc(size ? size : 1);
}

static void
fz_free(void *ctx, void *p)
{
	free(p);
}

static const MpAlloc fz = {fz_alloc, fz_free, NULL};
static MpCatalogue *cat;
static NrVocab *vocab;

static void
build(void)
{
	static const char *const trap[] = {"trap", "traps", "upper trap"};
	static const char *const lev[] = {"levator scap", "levator", "lev scap"};
	static const char *const scm[] = {"scm", "sterno cleido mastoid"};
	static const char *const ql[] = {"ql", "quad lumborum"};
	static const char *const gmed[] = {"glute med", "gmed"};
	static const char *const para[] = {"paraspinal", "paravertebrals"};
	static const char *const lpara[] = {"lumbar paraspinal"};
	static const char *const low[] = {"lower back", "lumbar region"};
	static const char *const scap[] = {"scapula"};

	cat = mp_catalogue_new(&fz);
	if (!cat ||
		!mp_catalogue_add(cat, "trapezius", 2, MP_MUSCLE, trap, 3) ||
		!mp_catalogue_add(cat, "levator scapulae", 2, MP_MUSCLE, lev, 3) ||
		!mp_catalogue_add(cat, "sternocleidomastoid", 2, MP_MUSCLE, scm, 2) ||
		!mp_catalogue_add(cat, "quadratus lumborum", 7, MP_MUSCLE, ql, 2) ||
		!mp_catalogue_add(cat, "gluteus medius", 5, MP_MUSCLE, gmed, 2) ||
		!mp_catalogue_add(cat, "teres minor", 8, MP_MUSCLE, NULL, 0) ||
		!mp_catalogue_add(cat, "teres major", 8, MP_MUSCLE, NULL, 0) ||
		!mp_catalogue_add(cat, "paraspinals", -1, MP_GROUP, para, 2) ||
		!mp_catalogue_add(cat, "lumbar paraspinals", 7, MP_GROUP, lpara, 1) ||
		!mp_catalogue_add(cat, "low back", 7, MP_REGION, low, 2) ||
		!mp_catalogue_add(cat, "scapular region", 8, MP_REGION, scap, 1))
		abort();
	mp_catalogue_set_spinal_regions(cat, 2, 10, 7);
	if (!mp_catalogue_build(cat))
		abort();
	vocab = nr_vocab_new(&fz, cat);
	if (!vocab ||
		!nr_vocab_add_drug(vocab, "lidocaine", NULL) ||
		!nr_vocab_add_drug(vocab, "xylocaine", "lidocaine") ||
		!nr_vocab_add_drug(vocab, "depo-medrol", "methylprednisolone") ||
		!nr_vocab_add_drug(vocab, "normal saline", NULL) ||
		!nr_vocab_add_drug(vocab, "ns", "normal saline") ||
		!nr_vocab_add_drug(vocab, "botulinum toxin", NULL) ||
		!nr_vocab_build(vocab))
		abort();
}

static bool
same(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *note;
	NrFacts		f,
				g;
	int			i;

	if (cat == NULL)
		build();
	note = malloc(size ? size : 1);
	memcpy(note, data, size);
	if (!nr_read(vocab, note, size, &fz, &f) ||
		!nr_read(vocab, note, size, &fz, &g))
		abort();

	if (f.nmuscles < 0 || (f.nmuscles > 0 && f.muscles == NULL))
		abort();
	for (i = 0; i < f.nmuscles; i++)
	{
		size_t		len = strlen(f.muscles[i]);
		char	   *work = malloc(MP_WORK_SIZE(len));
		MpResult	r;

		if (len == 0 || len > 300 || mp_parse(cat, f.muscles[i], len, work, &r) < 1 ||
			r.kind == MP_EMPTY || r.side == MP_SIDE_BILATERAL)
			abort();
		free(work);
		if (i >= g.nmuscles || strcmp(f.muscles[i], g.muscles[i]) != 0)
			abort();
	}
	if (f.nmuscles != g.nmuscles || f.has_tp != g.has_tp ||
		(f.has_tp && (f.trigger_points < 0 || f.trigger_points != g.trigger_points)))
		abort();
	if ((f.drug_name && f.drug_name[0] == '\0') ||
		(f.drug_dose && f.drug_dose[0] == '\0') ||
		!same(f.drug_name, g.drug_name) || !same(f.drug_dose, g.drug_dose))
		abort();
	if (f.drug_dose && f.drug_name == NULL)
		abort();
	if (strcmp(f.guidance, "none") != 0 && strcmp(f.guidance, "ultrasound") != 0 &&
		strcmp(f.guidance, "fluoroscopy") != 0 && strcmp(f.guidance, "ct") != 0 &&
		strcmp(f.guidance, "mri") != 0)
		abort();
	if (f.note_signed != g.note_signed || f.tp_locations != g.tp_locations ||
		f.conservative_care != g.conservative_care ||
		f.post_procedure_plan != g.post_procedure_plan)
		abort();
	nr_facts_free(&fz, &f);
	nr_facts_free(&fz, &g);
	free(note);
	return 0;
}
