/*
 * test_muscle_parse.c
 *		Unit test of the pure-C muscle parser and tally
 *		(src/parse/muscle_parse.c), outside the server.
 *
 * unit-sources: src/parse/muscle_parse.c
 */
#include "muscle_parse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int	passed,
			failed;

static void *
t_alloc(void *ctx, size_t size)
{
	(void) ctx;
	return malloc(size ? size : 1);
}

static void
t_free(void *ctx, void *p)
{
	(void) ctx;
	free(p);
}

static const MpAlloc talloc = {t_alloc, t_free, NULL};
static MpCatalogue *cat;

#define CHECK(cond, ...) \
	do { \
		if (cond) passed++; \
		else { failed++; printf("FAIL %s:%d: ", __FILE__, __LINE__); \
			printf(__VA_ARGS__); printf("\n"); } \
	} while (0)

static void
build(void)
{
	static const char *const trap[] = {"trap", "traps"};
	static const char *const lev[] = {"levator scap", "levator", "lev scap"};
	static const char *const scm[] = {"scm", "sternomastoid"};
	static const char *const ql[] = {"ql", "quad lumborum"};
	static const char *const gmed[] = {"glute med", "gmed"};
	static const char *const tib[] = {"tib ant", "anterior tibialis"};
	static const char *const tibp[] = {"posterior tibialis"};
	static const char *const sant[] = {"serratus"};
	static const char *const para[] = {"paraspinal"};
	static const char *const lpara[] = {"lumbar paraspinal", "ls paraspinals"};
	static const char *const cpara[] = {"cervical paraspinal"};
	static const char *const mult[] = {"lumbar multifidus"};
	static const char *const scal[] = {"scalene"};
	static const char *const sca[] = {"anterior scalene", "anterior scalenes"};
	static const char *const scm_[] = {"middle scalene", "middle scalenes"};
	static const char *const scp[] = {"posterior scalene", "posterior scalenes"};
	static const char *const low[] = {"lower back", "lumbar region"};
	static const char *const para_area[] = {"paraspinal region"};
	static const char *const clash[] = {"trapezius", "scm", "glutemed"};
	static const char *const rhom[] = {"rhomboid"};
	static const char *const ham[] = {"hamstring"};
	static const char *const es[] = {"erector"};

	cat = mp_catalogue_new(&talloc);
	if (!cat ||
		!mp_catalogue_add(cat, "trapezius", 2, MP_MUSCLE, trap, 2) ||
		!mp_catalogue_add(cat, "levator scapulae", 2, MP_MUSCLE, lev, 3) ||
		!mp_catalogue_add(cat, "sternocleidomastoid", 2, MP_MUSCLE, scm, 2) ||
		!mp_catalogue_add(cat, "quadratus lumborum", 7, MP_MUSCLE, ql, 2) ||
		!mp_catalogue_add(cat, "gluteus medius", 5, MP_MUSCLE, gmed, 2) ||
		!mp_catalogue_add(cat, "tibialis anterior", 6, MP_MUSCLE, tib, 2) ||
		!mp_catalogue_add(cat, "tibialis posterior", 6, MP_MUSCLE, tibp, 1) ||
		!mp_catalogue_add(cat, "serratus anterior", 8, MP_MUSCLE, sant, 1) ||
		!mp_catalogue_add(cat, "deltoid", 9, MP_MUSCLE, NULL, 0) ||
		!mp_catalogue_add(cat, "paraspinals", -1, MP_GROUP, para, 1) ||
		!mp_catalogue_add(cat, "lumbar paraspinals", 7, MP_GROUP, lpara, 2) ||
		!mp_catalogue_add(cat, "cervical paraspinals", 2, MP_GROUP, cpara, 1) ||
		!mp_catalogue_add(cat, "multifidus", 7, MP_MUSCLE, mult, 1) ||
		!mp_catalogue_add(cat, "teres major", 8, MP_MUSCLE, NULL, 0) ||
		!mp_catalogue_add(cat, "teres minor", 8, MP_MUSCLE, NULL, 0) ||
		!mp_catalogue_add(cat, "psoas", 7, MP_MUSCLE, NULL, 0) ||
		!mp_catalogue_add(cat, "gastrocnemius", 6, MP_MUSCLE, NULL, 0) ||
		!mp_catalogue_add(cat, "scalenes", 8, MP_GROUP, scal, 1) ||
		!mp_catalogue_add(cat, "scalenus anterior", 2, MP_MUSCLE, sca, 2) ||
		!mp_catalogue_add(cat, "scalenus medius", 2, MP_MUSCLE, scm_, 2) ||
		!mp_catalogue_add(cat, "scalenus posterior", 2, MP_MUSCLE, scp, 2) ||
		!mp_catalogue_add(cat, "low back", 7, MP_REGION, low, 2) ||
		!mp_catalogue_add(cat, "paraspinal area", -1, MP_REGION, para_area, 1) ||
		!mp_catalogue_add(cat, "shoulder", 9, MP_REGION, NULL, 0) ||
		!mp_catalogue_add(cat, "iliopsoas", 7, MP_MUSCLE, NULL, 0) ||
		!mp_catalogue_add(cat, "iliacus", 7, MP_MUSCLE, NULL, 0) ||
		!mp_catalogue_add(cat, "erector spinae", 7, MP_MUSCLE, es, 1) ||
		!mp_catalogue_add(cat, "hamstrings", 6, MP_GROUP, ham, 1) ||
		!mp_catalogue_add(cat, "biceps femoris", 6, MP_MUSCLE, NULL, 0) ||
		!mp_catalogue_add(cat, "semitendinosus", 6, MP_MUSCLE, NULL, 0) ||
		!mp_catalogue_add(cat, "rhomboids", 8, MP_MUSCLE, rhom, 1) ||
		!mp_catalogue_add(cat, "rhomboid major", 8, MP_MUSCLE, NULL, 0) ||
		!mp_catalogue_add(cat, "rhomboid minor", 8, MP_MUSCLE, NULL, 0) ||
		/* aliases that clash with names of other rows never win */
		!mp_catalogue_add(cat, "clash", 0, MP_MUSCLE, clash, 3) ||
		(mp_catalogue_set_spinal_regions(cat, 2, 3, 7), false) ||
		!mp_catalogue_build(cat))
	{
		printf("could not build the catalogue\n");
		exit(1);
	}
}

static MpResult
parse(const char *s, char **workp)
{
	size_t		len = strlen(s);
	char	   *work = malloc(MP_WORK_SIZE(len));
	MpResult	r;

	mp_parse(cat, s, len, work, &r);
	*workp = work;
	return r;
}

static void
expect(const char *entry, MpKind kind, const char *name, MpSide side,
	   int region)
{
	char	   *work;
	MpResult	r = parse(entry, &work);
	bool		ok = r.kind == kind && r.side == side && r.region == region &&
		(name == NULL ? r.namelen == 0 :
		 (r.namelen == strlen(name) && memcmp(r.name, name, r.namelen) == 0));

	CHECK(ok, "\"%s\": got kind %d name \"%.*s\" side %d region %d; "
		  "want kind %d name \"%s\" side %d region %d",
		  entry, r.kind, (int) r.namelen, r.name, r.side, r.region,
		  kind, name ? name : "", side, region);
	free(work);
}

static void
tally_emit(void *arg, const MpResult *r)
{
	if (!mp_tally_add((MpTally *) arg, r))
		printf("tally add failed\n");
}

/* Count of a list of entries (NULL-terminated). */
static long
count(const char *const *entries)
{
	MpTally		t;
	long		n;

	mp_tally_init(&t, &talloc, false);
	for (; *entries; entries++)
	{
		size_t		len = strlen(*entries);
		char	   *work = malloc(MP_WORK_SIZE(len));

		/* every thing an entry names */
		mp_parse_each(cat, *entries, len, work, tally_emit, &t);
		free(work);
	}
	n = t.n;
	mp_tally_free(&t);
	return n;
}

#define COUNT(want, ...) \
	do { \
		static const char *const e_[] = {__VA_ARGS__, NULL}; \
		long got_ = count(e_); \
		CHECK(got_ == (want), "count {%s}: got %ld want %d", #__VA_ARGS__, got_, (want)); \
	} while (0)

static void
test_parse(void)
{
	expect("right upper trapezius", MP_MUSCLE, "trapezius", MP_SIDE_RIGHT, 2);
	expect("R. Upper Trap", MP_MUSCLE, "trapezius", MP_SIDE_RIGHT, 2);
	expect("rt. trapezius, upper fibers", MP_MUSCLE, "trapezius", MP_SIDE_RIGHT, 2);
	expect("Trapezius (Lt)", MP_MUSCLE, "trapezius", MP_SIDE_LEFT, 2);
	expect("  LEFT\t trapezius \n", MP_MUSCLE, "trapezius", MP_SIDE_LEFT, 2);
	expect("B/L levator scap", MP_MUSCLE, "levator scapulae", MP_SIDE_BILATERAL, 2);
	expect("levator b/l", MP_MUSCLE, "levator scapulae", MP_SIDE_BILATERAL, 2);
	expect("bilat SCM", MP_MUSCLE, "sternocleidomastoid", MP_SIDE_BILATERAL, 2);
	expect("both ql", MP_MUSCLE, "quadratus lumborum", MP_SIDE_BILATERAL, 7);
	expect("left and right trapezius", MP_MUSCLE, "trapezius", MP_SIDE_BILATERAL, 2);
	expect("R/L trap", MP_MUSCLE, "trapezius", MP_SIDE_BILATERAL, 2);
	expect("glute-med, L", MP_MUSCLE, "gluteus medius", MP_SIDE_LEFT, 5);
	expect("gmed", MP_MUSCLE, "gluteus medius", MP_SIDE_NONE, 5);
	/* an exact alias beats another row's key with its blanks removed */
	expect("glutemed", MP_MUSCLE, "clash", MP_SIDE_NONE, 0);
	expect("gluteusmedius", MP_MUSCLE, "gluteus medius", MP_SIDE_NONE, 5);
	expect("tibialis anterior", MP_MUSCLE, "tibialis anterior", MP_SIDE_NONE, 6);
	expect("left anterior tibialis muscle", MP_MUSCLE, "tibialis anterior", MP_SIDE_LEFT, 6);
	expect("posterior tibialis", MP_MUSCLE, "tibialis posterior", MP_SIDE_NONE, 6);
	expect("upper serratus anterior", MP_MUSCLE, "serratus anterior", MP_SIDE_NONE, 8);
	expect("serratus anterior lower fibers", MP_MUSCLE, "serratus anterior", MP_SIDE_NONE, 8);
	expect("posterior deltoid", MP_MUSCLE, "deltoid", MP_SIDE_NONE, 9);
	expect("upper fibers of the trapezius", MP_MUSCLE, "trapezius", MP_SIDE_NONE, 2);
	expect("trapezius upper middle lower", MP_MUSCLE, "trapezius", MP_SIDE_NONE, 2);
	expect("m. trapezius", MP_MUSCLE, "trapezius", MP_SIDE_NONE, 2);
	expect("lower back", MP_REGION, "low back", MP_SIDE_NONE, 7);
	expect("LOWER BACK (bilateral)", MP_REGION, "low back", MP_SIDE_BILATERAL, 7);
	expect("paraspinal area", MP_REGION, "paraspinal area", MP_SIDE_NONE, -1);
	expect("paraspinals", MP_GROUP, "paraspinals", MP_SIDE_NONE, -1);
	expect("L paraspinal muscles", MP_GROUP, "paraspinals", MP_SIDE_LEFT, -1);
	/* "musculature" names no muscle of its own, as "muscles" */
	expect("lumbar paraspinal musculature, right", MP_GROUP, "lumbar paraspinals",
		   MP_SIDE_RIGHT, 7);
	expect("scalene", MP_GROUP, "scalenes", MP_SIDE_NONE, 8);
	expect("shoulder", MP_REGION, "shoulder", MP_SIDE_NONE, 9);
	expect("Left Foo Muscle", MP_UNKNOWN, "foo muscle", MP_SIDE_LEFT, -1);
	expect("left", MP_UNKNOWN, "left", MP_SIDE_NONE, -1);
	expect("left right", MP_UNKNOWN, "left right", MP_SIDE_NONE, -1);
	expect("lrt levator", MP_UNKNOWN, "lrt levator", MP_SIDE_NONE, -1);
	expect("bl", MP_UNKNOWN, "bl", MP_SIDE_NONE, -1);
	expect("ab/lc9 trap", MP_UNKNOWN, "ab lc9 trap", MP_SIDE_NONE, -1);
	expect("b/lx", MP_UNKNOWN, "b lx", MP_SIDE_NONE, -1);
	expect("trap\xc3\xa9", MP_UNKNOWN, "trap\xc3\xa9", MP_SIDE_NONE, -1);
	expect("\xc3\xa9 trap", MP_UNKNOWN, "\xc3\xa9 trap", MP_SIDE_NONE, -1);
	expect("upper", MP_UNKNOWN, "upper", MP_SIDE_NONE, -1);
	expect("", MP_EMPTY, NULL, MP_SIDE_NONE, -1);
	expect(" ,.;:()-_/ ", MP_EMPTY, NULL, MP_SIDE_NONE, -1);
	/* an alias never takes another row's canonical name */
	expect("clash", MP_MUSCLE, "clash", MP_SIDE_NONE, 0);
	expect("scm", MP_MUSCLE, "sternocleidomastoid", MP_SIDE_NONE, 2);
}

/*
 * A region word makes a place of a name the catalogue does not know (SPEC
 * section 4), even when the rest is a group term; a muscle stays a muscle.
 */
static void
test_region_words(void)
{
	expect("bilateral cervical paraspinal area", MP_REGION,
		   "cervical paraspinal area", MP_SIDE_BILATERAL, 2);
	expect("thoracic paraspinal area", MP_REGION, "thoracic paraspinal area",
		   MP_SIDE_NONE, 3);
	expect("L lumbar paraspinal region", MP_REGION, "lumbar paraspinal region",
		   MP_SIDE_LEFT, 7);
	expect("low back area", MP_REGION, "low back", MP_SIDE_NONE, 7);
	expect("lower back regions", MP_REGION, "low back", MP_SIDE_NONE, 7);
	expect("right trapezious area", MP_MUSCLE, "trapezius", MP_SIDE_RIGHT, 2);
	expect("lumbar spine area", MP_REGION, "lumbar spine area", MP_SIDE_NONE, 7);
	expect("cervical paraspinal area at C5", MP_REGION,
		   "cervical paraspinal area", MP_SIDE_NONE, 2);
	expect("paraspinal zone at L4-5", MP_REGION, "paraspinal zone",
		   MP_SIDE_NONE, 7);
	expect("spine", MP_REGION, "spine", MP_SIDE_NONE, -1);
	expect("the cervical paraspinal area", MP_REGION, "cervical paraspinal area",
		   MP_SIDE_NONE, 2);
	/* catalogue keys as they were */
	expect("paraspinal area at L4-5", MP_REGION, "paraspinal area", MP_SIDE_NONE, 7);
	expect("lumbar region", MP_REGION, "low back", MP_SIDE_NONE, 7);
	/* silent: group terms stay groups, muscles stay muscles */
	expect("bilateral cervical paraspinal muscles", MP_GROUP,
		   "cervical paraspinals", MP_SIDE_BILATERAL, 2);
	expect("cervical paraspinals", MP_GROUP, "cervical paraspinals", MP_SIDE_NONE, 2);
	expect("paraspinals", MP_GROUP, "paraspinals", MP_SIDE_NONE, -1);
	expect("multifidus left of L5", MP_MUSCLE, "multifidus", MP_SIDE_LEFT, 7);
	expect("lumbar multifidus", MP_MUSCLE, "multifidus", MP_SIDE_NONE, 7);
	expect("left upper trapezius region", MP_MUSCLE, "trapezius", MP_SIDE_LEFT, 2);
	COUNT(0, "bilateral cervical paraspinal area", "thoracic paraspinal area");
	COUNT(0, "low back area", "cervical paraspinal region");
	COUNT(2, "bilateral cervical paraspinal area", "R trap", "L trap");
	COUNT(2, "bilateral cervical paraspinals");
	COUNT(1, "lumbar multifidus", "multifidus");
}

/*
 * What notes write inside an entry besides the muscle: a count or dose
 * ("x2", "(2 points)"), where in the muscle ("near the acromion"), and a
 * slash between two names.
 */
static void
test_inside_entry(void)
{
	expect("R trapezius x2", MP_MUSCLE, "trapezius", MP_SIDE_RIGHT, 2);
	expect("right trapezius (2 points)", MP_MUSCLE, "trapezius", MP_SIDE_RIGHT, 2);
	expect("levator x 3", MP_MUSCLE, "levator scapulae", MP_SIDE_NONE, 2);
	expect("upper trapezius 2 trigger points", MP_MUSCLE, "trapezius", MP_SIDE_NONE, 2);
	expect("trapezius (2)", MP_MUSCLE, "trapezius", MP_SIDE_NONE, 2);
	expect("right upper trapezius (x3)", MP_MUSCLE, "trapezius", MP_SIDE_RIGHT, 2);
	expect("L trap - 1 ml each", MP_MUSCLE, "trapezius", MP_SIDE_LEFT, 2);
	expect("upper trapezius near the acromion", MP_MUSCLE, "trapezius", MP_SIDE_NONE, 2);
	expect("levator scapulae superior angle", MP_MUSCLE, "levator scapulae",
		   MP_SIDE_NONE, 2);
	expect("left trapezius at its insertion", MP_MUSCLE, "trapezius", MP_SIDE_LEFT, 2);
	/* silent: levels keep their numbers, unknown words stay unknown */
	expect("paraspinals at L4 5", MP_GROUP, "lumbar paraspinals", MP_SIDE_NONE, 7);
	expect("L4/5 paraspinals", MP_GROUP, "lumbar paraspinals", MP_SIDE_NONE, 7);
	expect("foo near the acromion", MP_UNKNOWN, "foo near the acromion",
		   MP_SIDE_NONE, -1);
	expect("trapezius 2 foo", MP_UNKNOWN, "trapezius 2 foo", MP_SIDE_NONE, -1);
	expect("right trap near the spine", MP_MUSCLE, "trapezius", MP_SIDE_RIGHT, 2);
	expect("paraspinals at L4 2 points", MP_GROUP, "lumbar paraspinals", MP_SIDE_NONE, 7);
	COUNT(2, "levator scap and trap");
	COUNT(4, "bilateral cervical and lumbar paraspinals");
	expect("paraspinals, L4-5", MP_GROUP, "lumbar paraspinals", MP_SIDE_NONE, 7);
	expect("bilateral paraspinals, T6", MP_GROUP, "paraspinals", MP_SIDE_BILATERAL, 3);
	COUNT(2, "bilateral paraspinals, T6");
	expect("paraspinals lumbar", MP_GROUP, "paraspinals", MP_SIDE_NONE, 7);
	expect("paraspinals, thoracic", MP_GROUP, "paraspinals", MP_SIDE_NONE, 3);
	expect("cervical trap", MP_MUSCLE, "trapezius", MP_SIDE_NONE, 2);
	expect("lumbar paraspinal region", MP_REGION, "lumbar paraspinal region", MP_SIDE_NONE, 7);
	COUNT(2, "trap, levator");
	expect("lumbar", MP_REGION, "lumbar", MP_SIDE_NONE, 7);
	expect("left cervical", MP_REGION, "cervical", MP_SIDE_LEFT, 2);
	COUNT(0, "lumbar", "thoracic", "cervical");
	COUNT(2, "trapezius/levator scapulae");
	COUNT(2, "R SCM/trap");
	COUNT(2, "R/L trap");
	COUNT(2, "left/right trapezius");
	COUNT(1, "trap x2", "trapezius (2 points)");
}

static void
test_count(void)
{
	COUNT(2, "right trapezius", "left trapezius");
	COUNT(4, "right trapezius", "left trapezius", "R levator scapulae", "L levator");
	COUNT(1, "right trapezius", "right trapezius", "rt trap");
	COUNT(1, "right upper trapezius", "right lower trapezius", "R middle trap");
	COUNT(2, "bilateral trapezius");
	COUNT(2, "bilateral trapezius", "left trapezius", "right trap");
	COUNT(2, "trapezius", "right trapezius");
	COUNT(1, "trapezius", "TRAP", "m. trapezius");
	COUNT(1, "paraspinals");
	COUNT(2, "b/l paraspinals");
	COUNT(0, "shoulder", "lower back", "paraspinal area");
	COUNT(2, "shoulder", "R deltoid", "L deltoid");
	COUNT(1, "left foo", "LEFT  FOO", "foo, left");
	COUNT(2, "bilateral foo");
	COUNT(2, "left foo", "left bar");
	COUNT(0, "", "  ", "...");
	COUNT(3, "R trap", "R SCM", "R QL");
	COUNT(2, "left tibialis anterior", "left tibialis posterior");
	/* past the small list into the hash table, with repeats on both sides */
	COUNT(10, "R trap", "L trap", "R SCM", "R trap", "L SCM", "R QL", "L QL",
		  "R gmed", "L gmed", "R deltoid", "L trap", "R deltoid", "L deltoid",
		  "L QL", "rt trap");
}

static void
test_big(void)
{
	MpTally		t;
	char		buf[64];
	int			i;
	size_t		biglen = 1 << 20;
	char	   *big = malloc(biglen);
	char	   *work = malloc(MP_WORK_SIZE(biglen));
	MpResult	r;

	mp_tally_init(&t, &talloc, false);
	for (i = 0; i < 20000; i++)
	{
		char	   *w;

		snprintf(buf, sizeof buf, "%s muscle%d", (i & 1) ? "left" : "right", i / 2);
		r = parse(buf, &w);
		mp_tally_add(&t, &r);
		free(w);
	}
	CHECK(t.n == 20000, "20000 unknown entries: got %u", t.n);
	CHECK(!t.failed, "tally failed");
	mp_tally_free(&t);

	/* 1 MB of part words before a muscle: linear, and still found */
	for (i = 0; (size_t) i + 6 < biglen; i += 6)
		memcpy(big + i, "upper ", 6);
	memcpy(big + biglen - 10, "trapezius ", 10);
	mp_parse(cat, big, biglen, work, &r);
	CHECK(r.kind == MP_MUSCLE && r.entry >= 0, "1 MB part words: kind %d", r.kind);

	/* 1 MB of one word: unknown, as long as the input */
	memset(big, 'x', biglen);
	mp_parse(cat, big, biglen, work, &r);
	CHECK(r.kind == MP_UNKNOWN && r.namelen == biglen, "1 MB word: %zu", r.namelen);

	/* 1 MB of side words: unknown, no side */
	for (i = 0; (size_t) i + 2 <= biglen; i += 2)
		memcpy(big + i, "l ", 2);
	mp_parse(cat, big, biglen, work, &r);
	CHECK(r.kind == MP_UNKNOWN && r.side == MP_SIDE_NONE, "1 MB sides: kind %d", r.kind);
	free(work);
	free(big);
}

static void
test_merge(void)
{
	MpTally		a,
				b;
	static const char *const ea[] = {"R trap", "L trap", "left foo"};
	static const char *const eb[] = {"R trap", "bilateral SCM", "left foo", "shoulder"};
	int			i;

	mp_tally_init(&a, &talloc, true);
	mp_tally_init(&b, &talloc, false);
	for (i = 0; i < 3; i++)
	{
		char	   *w;
		MpResult	r = parse(ea[i], &w);

		mp_tally_add(&a, &r);
		free(w);
	}
	for (i = 0; i < 4; i++)
	{
		char	   *w;
		MpResult	r = parse(eb[i], &w);

		mp_tally_add(&b, &r);
		free(w);
	}
	CHECK(mp_tally_merge(&a, &b), "merge failed");
	CHECK(a.n == 5, "merged count %u, want 5", a.n);
	CHECK(a.nentries == 7 && a.nregion == 1 && a.nunknown == 2,
		  "merged entries %lld", (long long) a.nentries);
	CHECK(a.regions == (1u << 2), "merged regions %x", a.regions);
	CHECK(!mp_tally_add_key(&a, 2, 0, "x", 1), "bad flag accepted");
	CHECK(!mp_tally_add_key(&a, 0, 3, "x", 1), "bilateral key accepted");
	CHECK(mp_tally_add_key(&a, 0, 1, "trapezius", 9) && a.n == 5, "known key added twice");
	mp_tally_free(&a);
	mp_tally_free(&b);

	CHECK(mp_pick_code(0) == NULL, "pick 0");
	CHECK(strcmp(mp_pick_code(1), "20552") == 0, "pick 1");
	CHECK(strcmp(mp_pick_code(2), "20552") == 0, "pick 2");
	CHECK(strcmp(mp_pick_code(3), "20553") == 0, "pick 3");
	CHECK(strcmp(mp_pick_code(100000), "20553") == 0, "pick many");
}

/* The memo gives what the parser gives, through fills and clears. */
static void
test_memo(void)
{
	static const char *const spellings[] = {"R trap", "left foo", "", " , ",
	"b/l paraspinals", "lower back", "left", "Tibialis Anterior", "glute-med"};
	char		buf[64];
	int			i,
				bad = 0;

	for (i = 0; i < 30000; i++)
	{
		const char *e;
		size_t		len;
		char		w1[MP_WORK_SIZE(64)],
					w2[MP_WORK_SIZE(64)];
		MpResult	a,
					b;

		if (i % 3 == 0)
			e = spellings[i % 9];
		else
		{
			snprintf(buf, sizeof buf, "%s muscle %d", (i & 1) ? "L" : "rt", i % 5000);
			e = buf;
		}
		len = strlen(e);
		mp_parse(cat, e, len, w1, &a);
		mp_parse_cached(cat, e, len, w2, &b);
		if (a.kind != b.kind || a.side != b.side || a.region != b.region ||
			a.entry != b.entry || a.namelen != b.namelen ||
			a.namehash != b.namehash || memcmp(a.name, b.name, a.namelen) != 0)
			bad++;
	}
	CHECK(bad == 0, "memo disagreed %d times", bad);
}

/* SPEC section 4, what notes write. */
static void
test_notes(void)
{
	/* several names in one entry; parse shows the first */
	expect("bilateral upper trapezius and levator scapulae", MP_MUSCLE,
		   "trapezius", MP_SIDE_BILATERAL, 2);
	COUNT(4, "bilateral upper trapezius and levator scapulae");
	COUNT(2, "right trapezius & levator scap");
	COUNT(2, "trapezius; levator");
	COUNT(2, "L trap + R trap");
	COUNT(3, "R upper trap, levator scap, QL");
	COUNT(2, "right trapezius, left levator scapulae");
	COUNT(4, "trapezius and levator scapulae bilaterally");
	COUNT(2, "left and right trapezius");
	COUNT(2, "trapezius left and right");
	COUNT(1, "upper and middle trapezius");
	/* a part word that, with its neighbour's words, is another muscle */
	COUNT(2, "tibialis anterior and posterior");
	COUNT(2, "anterior and posterior tibialis");
	COUNT(2, "anterior and middle scalene");
	COUNT(2, "scalenus anterior and medius");
	COUNT(6, "bilateral anterior, middle and posterior scalenes");
	COUNT(1, "deltoid anterior and posterior");
	COUNT(1, "anterior and posterior deltoid");
	COUNT(1, "upper, middle and lower trapezius");
	COUNT(2, "middle and lower trapezius bilaterally");
	/* "ant" and "post": a part word abbreviated (notes round 13, 254) */
	expect("R ant scalene", MP_MUSCLE, "scalenus anterior", MP_SIDE_RIGHT, 2);
	expect("the ant scalene", MP_MUSCLE, "scalenus anterior", MP_SIDE_NONE, 2);
	expect("L post scalene", MP_MUSCLE, "scalenus posterior", MP_SIDE_LEFT, 2);
	expect("R post deltoid", MP_MUSCLE, "deltoid", MP_SIDE_RIGHT, 9);
	COUNT(2, "R ant scalene, R trap");
	/* silent: the words written out, and a scalene with no part word */
	expect("R anterior scalene", MP_MUSCLE, "scalenus anterior", MP_SIDE_RIGHT, 2);
	expect("R scalene", MP_GROUP, "scalenes", MP_SIDE_RIGHT, 8);
	expect("ant", MP_UNKNOWN, "ant", MP_SIDE_NONE, -1);
	/* what describes a muscle after a comma; heads; asymmetry */
	COUNT(2, "bilateral levator scapulae, superior angle");
	COUNT(1, "R trapezius, 1cc");
	COUNT(1, "R trapezius, TP x2, taut band");
	COUNT(1, "trigger point injection, left gluteus medius");
	COUNT(2, "trapezius, foo");
	COUNT(2, "bilateral SCM, sternal and clavicular heads");
	COUNT(2, "bilateral trapezius, right greater than left");
	/* counts written into the name; a side with its count */
	COUNT(1, "R upper trapezius 2cc");
	COUNT(1, "3 TPs in R trapezius");
	COUNT(1, "TPI right trapezius");
	COUNT(2, "trapezius (R x2, L x1)");
	COUNT(2, "R x2, L x1 trapezius");
	expect("trapezius, left x2", MP_MUSCLE, "trapezius", MP_SIDE_LEFT, 2);
	/* a slash between two-letter abbreviations lists them */
	COUNT(3, "L QL/glute med/levator");
	COUNT(2, "R/L trapezius");
	/* a head shared along a list of three */
	COUNT(3, "scalenus anterior, medius and posterior");
	/* UTF-8 punctuation: no-break space, bullet, curly apostrophe */
	COUNT(4, "bilateral\xc2\xa0trapezius and levator scapulae");
	COUNT(3, "trapezius \xe2\x80\xa2 levator \xe2\x80\xa2 QL");
	COUNT(1, "SCM\xe2\x80\x99s");
	/* "on the left"; a name restated by its abbreviation */
	expect("levator scapulae on the right side", MP_MUSCLE,
		   "levator scapulae", MP_SIDE_RIGHT, 2);
	expect("left sternocleidomastoid muscle (SCM)", MP_MUSCLE,
		   "sternocleidomastoid", MP_SIDE_LEFT, 2);
	expect("quadratus lumborum (QL)", MP_MUSCLE, "quadratus lumborum",
		   MP_SIDE_NONE, 7);
	/* two names without a separator are both */
	expect("trapezius (levator)", MP_MUSCLE, "trapezius", MP_SIDE_NONE, 2);
	COUNT(2, "right trapezius levator scapulae");
	/* ... each with its own side words, or the entry's */
	COUNT(2, "R trap/L levator");
	COUNT(2, "trapezius R levator L");
	COUNT(4, "trapezius levator bilaterally");
	/* a part word may open the second; a group and a member are not two */
	COUNT(2, "anterior scalene middle scalene");
	COUNT(1, "paraspinal multifidus");
	COUNT(1, "upper trapezius trapezius");
	/* a side with its count after a name is that name's */
	COUNT(3, "trapezius R x2, L x1, levator scapulae R x1");
	COUNT(3, "trap, R 2 TPs, L 1 TP, levator L 1 TP");
	COUNT(3, "scalenus anterior, medius and posterior on the right");
	COUNT(2, "left trapezius, right trapezius, trapezius left");
	COUNT(2, "trapezius and foo");
	/* "X, left side": a piece that says side is the side of the name before */
	COUNT(2, "trapezius, left side, and levator scapulae, right side");
	COUNT(3, "trapezius, left side, levator scapulae, right side, trapezius, right side");
	/* ... but only of a name without a side, and never of one after it */
	COUNT(2, "left side, trapezius and levator scapulae, right side");
	COUNT(2, "right trapezius, left side, levator scapulae");
	/* side words after the name */
	expect("gluteus medius R", MP_MUSCLE, "gluteus medius", MP_SIDE_RIGHT, 5);
	expect("left-sided QL", MP_MUSCLE, "quadratus lumborum", MP_SIDE_LEFT, 7);
	expect("scm bilaterally", MP_MUSCLE, "sternocleidomastoid",
		   MP_SIDE_BILATERAL, 2);
	/* levels */
	expect("paraspinal muscles at L4-5", MP_GROUP, "lumbar paraspinals",
		   MP_SIDE_NONE, 7);
	expect("paraspinals at C5-6", MP_GROUP, "cervical paraspinals", MP_SIDE_NONE, 2);
	expect("right paraspinals T7", MP_GROUP, "paraspinals", MP_SIDE_RIGHT, 3);
	expect("low back at L4", MP_REGION, "low back", MP_SIDE_NONE, 7);
	expect("trapezius at C7", MP_MUSCLE, "trapezius", MP_SIDE_NONE, 2);
	expect("paraspinals at L9", MP_UNKNOWN, "paraspinals at l9", MP_SIDE_NONE, -1);
	expect("L4", MP_UNKNOWN, "l4", MP_SIDE_NONE, -1);
	COUNT(1, "paraspinals at L4, L5");
	/* one edit from a key of six letters or more */
	expect("trapezious", MP_MUSCLE, "trapezius", MP_SIDE_NONE, 2);
	expect("trapeizus", MP_MUSCLE, "trapezius", MP_SIDE_NONE, 2);
	expect("levator scapule", MP_MUSCLE, "levator scapulae", MP_SIDE_NONE, 2);
	expect("upper trapeziux left", MP_MUSCLE, "trapezius", MP_SIDE_LEFT, 2);
	expect("gastrocnemus", MP_MUSCLE, "gastrocnemius", MP_SIDE_NONE, 6);
	expect("psoaz", MP_UNKNOWN, "psoaz", MP_SIDE_NONE, -1);
	expect("trapxziux", MP_UNKNOWN, "trapxziux", MP_SIDE_NONE, -1);
	expect("teres mijor", MP_UNKNOWN, "teres mijor", MP_SIDE_NONE, -1);
	expect("teres majr", MP_MUSCLE, "teres major", MP_SIDE_NONE, 8);
	/* part words */
	expect("medial head of gastrocnemius", MP_MUSCLE, "gastrocnemius",
		   MP_SIDE_NONE, 6);
	expect("lateral head gastrocnemius R", MP_MUSCLE, "gastrocnemius",
		   MP_SIDE_RIGHT, 6);
	/* "biceps femoris (long head)": long and short are part words too */
	expect("L gastrocnemius long head", MP_MUSCLE, "gastrocnemius",
		   MP_SIDE_LEFT, 6);
	expect("short head gastrocnemius", MP_MUSCLE, "gastrocnemius",
		   MP_SIDE_NONE, 6);
	/* separators alone, and many pieces */
	expect(", ; & +", MP_EMPTY, NULL, MP_SIDE_NONE, -1);
	COUNT(0, ",,,");
	{
		char		big[4001];
		int			i;

		for (i = 0; i < 1000; i++)
			memcpy(big + 4 * i, "ab, ", 4);
		big[4000] = '\0';
		{
			const char *const e[] = {big, NULL};

			CHECK(count(e) == 1, "1000 pieces \"ab\": got %ld", count(e));
		}
	}
}

/*
 * A parenthesis after a name says something of it (SPEC section 4: parts
 * of one muscle count once, group terms per side): the name again, its
 * side or count, the muscles of a group, the parts of a muscle.
 */
static void
test_parenthesis(void)
{
	/* restated: the group by its member, counted as the member */
	expect("paraspinals (erector spinae)", MP_MUSCLE, "erector spinae",
		   MP_SIDE_NONE, 7);
	COUNT(1, "paraspinals (erector spinae)");
	COUNT(1, "paraspinals (erector spinae)", "erector spinae");
	COUNT(2, "bilateral paraspinals (erector spinae)");
	COUNT(1, "erector spinae (paraspinals)");
	expect("erector spinae (paraspinals)", MP_MUSCLE, "erector spinae",
		   MP_SIDE_NONE, 7);
	COUNT(1, "levator scapulae (LS)");
	COUNT(1, "trapezius (trap)");
	/*
	 * The parts of a muscle: iliopsoas is psoas major and iliacus, two
	 * muscles of their own in the catalogue (SPEC lists psoas and
	 * iliopsoas apart), so naming them counts them, once each, and not
	 * the whole again: 2, as "psoas and iliacus" is.
	 */
	COUNT(2, "iliopsoas (psoas and iliacus)");
	COUNT(2, "iliopsoas (psoas and iliacus)", "psoas", "iliacus");
	COUNT(4, "bilateral iliopsoas (psoas and iliacus)");
	COUNT(2, "right iliopsoas (psoas and iliacus)", "R psoas", "R iliacus");
	COUNT(1, "iliopsoas (psoas)");
	/* the muscles of a group; part words that name them with it */
	COUNT(2, "hamstrings (biceps femoris, semitendinosus)");
	expect("hamstrings (biceps femoris)", MP_MUSCLE, "biceps femoris",
		   MP_SIDE_NONE, 6);
	/* (part words: "scalenes (anterior and middle)" is 2 with the real
	 * catalogue, whose scalenes are cervical: sql/10_muscles.sql) */
	COUNT(1, "deltoid (anterior and posterior)");
	COUNT(2, "rhomboids (major and minor)");
	COUNT(2, "L rhomboids (major and minor)", "L rhomboid major");
	/* sides in a parenthesis are the name's before it */
	COUNT(2, "trapezius (L), levator scapulae (R)", "L trap", "R levator");
	/* silent: another muscle, counts, parts, heads, unknown words */
	COUNT(2, "trapezius (levator)");
	COUNT(1, "iliopsoas");
	COUNT(2, "trapezius (R x2, L x1)");
	COUNT(1, "right trapezius (upper and middle fibers)");
	COUNT(1, "right trapezius (2 points)");
	COUNT(2, "bilateral SCM (sternal and clavicular heads)");
	COUNT(3, "quadratus lumborum (multifidus, trapezius)");
	COUNT(3, "erector spinae (iliacus and trapezius)");
	/* a group's members of a region not its own are no members here */
	COUNT(1, "scalenes (anterior and middle)");
	/* words the catalogue does not know at all are a remark */
	COUNT(1, "paraspinals (foo bar)");
	COUNT(1, "trapezius (see note)", "trapezius (most tender)");
	COUNT(2, "trapezius (right only)", "trapezius (left only)");
	/* a name whose words each piece of the parenthesis completes */
	COUNT(2, "rhomboid (major and minor)");
	/* "LS" with a side after it alone is the levator, as with one before */
	COUNT(2, "LS R", "LS L");
	COUNT(2, "LS bilateral");
	COUNT(2, "teres (major and minor)");
	COUNT(4, "R teres (major, minor)", "L teres (major, minor)");
	COUNT(2, "iliopsoas (psoas and foo)", "iliopsoas");
	COUNT(1, "lower back (iliopsoas)");
	expect("(R) trapezius", MP_MUSCLE, "trapezius", MP_SIDE_RIGHT, 2);
	expect("trapezius (", MP_MUSCLE, "trapezius", MP_SIDE_NONE, 2);
	expect(") trapezius (( ]", MP_MUSCLE, "trapezius", MP_SIDE_NONE, 2);
	expect("paraspinals (L4-5)", MP_GROUP, "lumbar paraspinals", MP_SIDE_NONE, 7);
	expect("()", MP_EMPTY, NULL, MP_SIDE_NONE, -1);
	{
		char		big[6001];
		int			i;

		/* one long open parenthesis, and many pairs: linear, counted */
		memcpy(big, "iliopsoas (", 11);
		for (i = 0; i < 1000; i++)
			memcpy(big + 11 + 4 * i, "ab, ", 4);
		big[4011] = '\0';
		{
			const char *const e[] = {big, NULL};

			CHECK(count(e) == 2, "open parenthesis: got %ld", count(e));
		}
		for (i = 0; i < 750; i++)
			memcpy(big + 8 * i, "QL(ab), ", 8);
		big[6000] = '\0';
		{
			const char *const e[] = {big, NULL};

			CHECK(count(e) == 1, "750 pairs: got %ld", count(e));
		}
		for (i = 0; i < 750; i++)
			memcpy(big + 8 * i, "xy(ab), ", 8);
		{
			const char *const e[] = {big, NULL};

			CHECK(count(e) == 2, "750 pairs after an unknown: got %ld", count(e));
		}
	}
}

/*
 * A side with its count after a list (one entry) and "LS" after a side
 * word (as the note reader reads "R LS x1").
 */
static void
test_list_side_and_ls(void)
{
	/* closes a list whose names have no side of their own */
	COUNT(2, "trapezius, levator scapulae, right x2", "R trap", "R levator");
	COUNT(4, "trapezius, levator scapulae, R x2, L x1");
	COUNT(2, "trapezius and levator scapulae R x2", "R trapezius");
	/* silent: after names with sides it is the last one's */
	COUNT(2, "right trapezius, levator scapulae, left x2", "L levator");
	COUNT(3, "trapezius R x2, L x1, levator scapulae R x1");
	COUNT(1, "trapezius, right x2");
	/* a side between a name and its level is the name's */
	COUNT(2, "QL, bilateral, L3 level");
	COUNT(2, "paraspinals, bilateral, lumbar");
	/* silent: no side, or the side on the name */
	COUNT(1, "QL, L3 level");
	COUNT(2, "bilateral QL, L3 level");
	/* "R LS": the levator scapulae, as in notes */
	expect("R LS", MP_MUSCLE, "levator scapulae", MP_SIDE_RIGHT, 2);
	expect("L LS x1", MP_MUSCLE, "levator scapulae", MP_SIDE_LEFT, 2);
	expect("B/L LS (2 TPs)", MP_MUSCLE, "levator scapulae", MP_SIDE_BILATERAL, 2);
	COUNT(2, "R LS x1, L LS x1", "right levator scapulae");
	COUNT(2, "R UT, R LS");
	/* silent: lumbosacral, alone, or not after a side word */
	expect("R LS paraspinals", MP_GROUP, "lumbar paraspinals", MP_SIDE_RIGHT, 7);
	expect("LS paraspinals", MP_GROUP, "lumbar paraspinals", MP_SIDE_NONE, 7);
	expect("L/S paraspinals", MP_GROUP, "lumbar paraspinals", MP_SIDE_NONE, 7);
	expect("R L/S", MP_UNKNOWN, "ls", MP_SIDE_RIGHT, -1);
	expect("LS", MP_UNKNOWN, "ls", MP_SIDE_NONE, -1);
	expect("R LS region", MP_REGION, "ls region", MP_SIDE_RIGHT, -1);
	expect("trap LS", MP_UNKNOWN, "trap ls", MP_SIDE_NONE, -1);
	expect("L/Sx", MP_UNKNOWN, "sx", MP_SIDE_LEFT, -1);
}

int
main(void)
{
	build();
	test_parse();
	test_region_words();
	test_count();
	test_inside_entry();
	test_big();
	test_merge();
	test_memo();
	test_notes();
	test_parenthesis();
	test_list_side_and_ls();
	mp_catalogue_free(cat);
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
