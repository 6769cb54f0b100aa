/*
 * fuzz_muscle.c
 *		libFuzzer harness for the muscle parser and tally
 *		(src/parse/muscle_parse.c), with a small built-in catalogue.
 *
 * fuzz-sources: src/parse/muscle_parse.c
 *
 * The input is split at newlines into documented entries.  Each is parsed
 * (any bytes, no NUL terminator: ASan catches a read past the end) into
 * every thing it names; its first result also through the memo, which
 * must give the same result and count; and the results are
 * checked: a valid kind and side, a name inside the catalogue
 * or the work buffer and no longer than the input.  The tally's count is
 * compared with a naive count of distinct (flag, side, name) keys, and a
 * tally rebuilt key by key (as deserialisation does) and one merged (as
 * the combine function does) must agree with it.
 */
#include "muscle_parse.h"

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

static void
build_catalogue(void)
{
	static const char *const trap[] = {"trap", "traps", "upper trap"};
	static const char *const lev[] = {"levator scap", "levator", "lev scap"};
	static const char *const scm[] = {"scm", "sterno cleido mastoid"};
	static const char *const ql[] = {"ql", "quad lumborum"};
	static const char *const gmed[] = {"glute med", "gmed"};
	static const char *const tib[] = {"tib ant", "anterior tibialis"};
	static const char *const para[] = {"paraspinal", "paravertebrals"};
	static const char *const scal[] = {"scalene"};
	static const char *const low[] = {"lower back", "lumbar region"};
	static const char *const odd[] = {"", "...", "b/l", "x y  z", "\xc3\xa9t\xc3\xa9"};

	cat = mp_catalogue_new(&fz);
	if (!cat ||
		!mp_catalogue_add(cat, "trapezius", 2, MP_MUSCLE, trap, 3) ||
		!mp_catalogue_add(cat, "levator scapulae", 2, MP_MUSCLE, lev, 3) ||
		!mp_catalogue_add(cat, "sternocleidomastoid", 2, MP_MUSCLE, scm, 2) ||
		!mp_catalogue_add(cat, "quadratus lumborum", 7, MP_MUSCLE, ql, 2) ||
		!mp_catalogue_add(cat, "gluteus medius", 5, MP_MUSCLE, gmed, 2) ||
		!mp_catalogue_add(cat, "tibialis anterior", 6, MP_MUSCLE, tib, 2) ||
		!mp_catalogue_add(cat, "serratus anterior", 8, MP_MUSCLE, NULL, 0) ||
		!mp_catalogue_add(cat, "paraspinals", -1, MP_GROUP, para, 2) ||
		!mp_catalogue_add(cat, "lumbar paraspinals", 7, MP_GROUP, NULL, 0) ||
		!mp_catalogue_add(cat, "scalenes", 8, MP_GROUP, scal, 1) ||
		!mp_catalogue_add(cat, "low back", 7, MP_REGION, low, 2) ||
		!mp_catalogue_add(cat, "shoulder", 9, MP_REGION, NULL, 0) ||
		!mp_catalogue_add(cat, "Odd Name", 99, MP_MUSCLE, odd, 5) ||
		(mp_catalogue_set_spinal_regions(cat, 2, 3, 7), false) ||
		!mp_catalogue_build(cat))
		abort();
}

typedef struct NaiveKey
{
	int			flag;
	int			side;
	char	   *name;
	size_t		len;
} NaiveKey;

static void
naive_add(NaiveKey *keys, int *n, int flag, int side, const char *s, size_t len)
{
	int			i;

	for (i = 0; i < *n; i++)
		if (keys[i].flag == flag && keys[i].side == side &&
			keys[i].len == len && memcmp(keys[i].name, s, len) == 0)
			return;
	keys[*n].flag = flag;
	keys[*n].side = side;
	keys[*n].name = malloc(len + 1);
	memcpy(keys[*n].name, s, len);
	keys[*n].len = len;
	(*n)++;
}

#define MAX_NAIVE 64

/* What one input's results go to, checked one by one. */
typedef struct Sink
{
	MpTally    *t;
	NaiveKey   *naive;
	int			nnaive;
	int			nentries;
	const char *work;
	size_t		worksize;
	size_t		len;
} Sink;

static void
check_result(Sink *k, const MpResult *rp)
{
	MpResult	r = *rp;

	if (r.kind < MP_EMPTY || r.kind > MP_UNKNOWN ||
		r.side < MP_SIDE_NONE || r.side > MP_SIDE_BILATERAL)
		abort();
	if (r.kind == MP_EMPTY)
		abort();				/* mp_parse_each never emits a blank */
	/* a region term the catalogue lacks ("cervical paraspinal area") is
	 * named as written, like an unknown entry */
	if (r.kind == MP_UNKNOWN || (r.kind == MP_REGION && r.entry == -1))
	{
		if (r.entry != -1 || r.namelen == 0 || r.namelen > k->len ||
			r.name < k->work || r.name + r.namelen > k->work + k->worksize)
			abort();
		if (mp_hash(r.name, r.namelen) != r.namehash)
			abort();
	}
	else if (r.kind == MP_MUSCLE || r.kind == MP_GROUP || r.kind == MP_REGION)
	{
		const MpEntry *e = mp_catalogue_entry(cat, r.entry);

		/* a spinal level may set a group's or region's region */
		if (e == NULL || e->kind != r.kind || e->name != r.name ||
			(e->region != r.region && r.kind == MP_MUSCLE))
			abort();
	}
	if (!mp_tally_add(k->t, &r))
		abort();
	if (k->nentries < MAX_NAIVE &&
		(r.kind == MP_MUSCLE || r.kind == MP_GROUP || r.kind == MP_UNKNOWN))
	{
		int			flag = r.kind == MP_UNKNOWN ? MP_KEY_UNKNOWN : MP_KEY_KNOWN;

		if (r.side == MP_SIDE_BILATERAL)
		{
			naive_add(k->naive, &k->nnaive, flag, MP_SIDE_LEFT, r.name, r.namelen);
			naive_add(k->naive, &k->nnaive, flag, MP_SIDE_RIGHT, r.name, r.namelen);
		}
		else
			naive_add(k->naive, &k->nnaive, flag, r.side, r.name, r.namelen);
	}
	k->nentries++;
}

static void
sink_emit(void *arg, const MpResult *r)
{
	check_result((Sink *) arg, r);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	MpTally		t,
				rebuilt,
				merged;
	NaiveKey	naive[2 * MAX_NAIVE];
	int			nnaive;
	int			nentries;
	size_t		start = 0;
	uint32_t	i;
	Sink		sink;

	if (cat == NULL)
		build_catalogue();
	mp_tally_init(&t, &fz, false);
	sink.t = &t;
	sink.naive = naive;
	sink.nnaive = 0;
	sink.nentries = 0;

	while (start <= size)
	{
		size_t		end = start;
		char	   *entry;
		char	   *work;
		MpResult	r;
		size_t		len;
		int			n,
					n1;

		while (end < size && data[end] != '\n')
			end++;
		len = end - start;
		/* an exact-size copy, so ASan sees any read past the entry */
		entry = malloc(len ? len : 1);
		memcpy(entry, data + start, len);
		work = malloc(MP_WORK_SIZE(len));
		sink.work = work;
		sink.worksize = MP_WORK_SIZE(len);
		sink.len = len;
		n = mp_parse_each(cat, entry, len, work, sink_emit, &sink);

		/* the first result, directly and through the memo (kept across
		 * inputs, so it fills and clears), agree */
		n1 = mp_parse(cat, entry, len, work, &r);
		if (n1 != n || (n == 0) != (r.kind == MP_EMPTY))
			abort();
		{
			char	   *work2 = malloc(MP_WORK_SIZE(len));
			MpResult	r2;
			int			k;

			for (k = 0; k < 2; k++)
			{
				if (mp_parse_cached(cat, entry, len, work2, &r2) != n ||
					r2.kind != r.kind || r2.side != r.side ||
					r2.region != r.region || r2.entry != r.entry ||
					r2.namelen != r.namelen || r2.namehash != r.namehash ||
					memcmp(r2.name, r.name, r.namelen) != 0)
					abort();
			}
			free(work2);
		}
		free(work);
		free(entry);
		start = end + 1;
	}
	nnaive = sink.nnaive;
	nentries = sink.nentries;

	if (t.nentries != nentries || t.failed)
		abort();
	if (t.nmuscle + t.ngroup + t.nregion + t.nunknown != t.nentries)
		abort();
	if (t.n > 2 * (uint32_t) nentries)
		abort();
	if (nentries <= MAX_NAIVE && t.n != (uint32_t) nnaive)
		abort();

	/* rebuild key by key, as deserialisation does */
	mp_tally_init(&rebuilt, &fz, true);
	{
		uint32_t	nslots;
		const MpTallySlot *sl = mp_tally_slots(&t, &nslots);

		for (i = 0; i < nslots; i++)
			if (sl[i].str != NULL &&
				!mp_tally_add_key(&rebuilt, sl[i].flag & 0x7f, sl[i].side,
								  sl[i].str, sl[i].len))
				abort();
	}
	if (rebuilt.n != t.n)
		abort();
	/* merging twice adds nothing the second time */
	mp_tally_init(&merged, &fz, true);
	if (!mp_tally_merge(&merged, &rebuilt) || !mp_tally_merge(&merged, &t) ||
		merged.n != t.n)
		abort();
	if (mp_pick_code(t.n) == NULL ? t.n != 0 : t.n == 0)
		abort();

	for (i = 0; i < (uint32_t) nnaive; i++)
		free(naive[i].name);
	mp_tally_free(&merged);
	mp_tally_free(&rebuilt);
	mp_tally_free(&t);
	return 0;
}
