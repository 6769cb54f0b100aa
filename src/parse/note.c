/*
 * note.c
 *		The procedure note reader; see note.h for the rules.  Plain C: the
 *		benchmark and the fuzzer link this file with muscle_parse.c alone.
 */
#include "note.h"

#include <string.h>

/* ------------------------------------------------------------------------
 * Vocabulary: one hash table of words, each with what it cues
 * ------------------------------------------------------------------------
 */
#define F_MUS		(1u << 0)	/* first word of a catalogue key */
#define F_DRUG		(1u << 1)	/* first word of a drug name */
#define F_NEGPRE	(1u << 2)	/* negates forward */
#define F_NEGPOST	(1u << 3)	/* negates backward */
#define F_NOT		(1u << 4)	/* not: backward before a verb, else forward */
#define F_STOP		(1u << 5)	/* ends a negation scope */
#define F_HIST		(1u << 6)
#define F_FUTURE	(1u << 7)
#define F_TODAY		(1u << 8)
#define F_INJ		(1u << 9)	/* about injecting */
#define F_DONE		(1u << 10)	/* a verb of a procedure done */
#define F_SIGN		(1u << 11)
#define F_PLAN		(1u << 12)
#define F_CONS		(1u << 13)	/* conservative care */
#define F_LOC		(1u << 14)	/* a landmark */
#define F_GUIDE		(1u << 15)	/* guided, guidance, under ... */
#define F_MOD		(1u << 16)	/* an imaging modality (mod holds which) */
#define F_UNIT		(1u << 17)	/* a dose unit */
#define F_TPW		(1u << 18)	/* points, sites, tps, injections */
#define F_TOTAL		(1u << 19)
#define F_DRY		(1u << 20)	/* dry (needling) */
#define F_SEC_HIST	(1u << 21)
#define F_SEC_EXAM	(1u << 22)
#define F_SEC_PROC	(1u << 23)
#define F_SEC_PLAN	(1u << 24)
#define F_SEC_MEDS	(1u << 25)
#define F_SEC_OTHER	(1u << 26)
#define F_HEAT		(1u << 27)	/* heat, ice: care only outside aftercare */
#define F_AFTER		(1u << 28)	/* apply, after, post */
#define F_NEWCARE	(1u << 29)	/* refer, start: care not yet had */
#define F_EACH		(1u << 30)
#define F_PAIN		(1u << 31)	/* a complaint, not a place injected */

typedef struct Cue
{
	const char *w;
	uint32_t	flags;
	uint8_t		mod;
} Cue;

/*
 * Words the reader looks for in a pass of its own carry a mark in the mod
 * of a word that is no modality (no F_MOD): a word of error, and
 * chemodenervation.
 */
#define MOD_ERROR	8
#define MOD_CHEMO	9

/* Modalities of guidance, by index. */
static const char *const modality[] = {"none", "ultrasound", "fluoroscopy", "ct", "mri"};

static const Cue cues[] = {
	{"no", F_NEGPRE, 0}, {"without", F_NEGPRE, 0}, {"denies", F_NEGPRE, 0},
	{"denied", F_NEGPRE, 0}, {"never", F_NEGPRE, 0}, {"neither", F_NEGPRE, 0},
	{"nor", F_NEGPRE, 0}, {"negative", F_NEGPRE, 0}, {"none", F_NEGPRE, 0},
	{"avoided", F_NEGPRE | F_NEGPOST, 0}, {"declined", F_NEGPRE | F_NEGPOST, 0},
	{"declines", F_NEGPRE | F_NEGPOST, 0}, {"refused", F_NEGPRE | F_NEGPOST, 0},
	{"refuses", F_NEGPRE | F_NEGPOST, 0}, {"deferred", F_NEGPRE | F_NEGPOST, 0},
	{"defer", F_NEGPRE, 0}, {"defers", F_NEGPRE | F_NEGPOST, 0},
	{"spared", F_NEGPRE | F_NEGPOST, 0}, {"held", F_NEGPOST, 0},
	{"postponed", F_NEGPOST, 0}, {"omitted", F_NEGPRE | F_NEGPOST, 0},
	{"skipped", F_NEGPRE | F_NEGPOST, 0},
	{"not", F_NOT, 0}, {"wasn", F_NOT, 0}, {"weren", F_NOT, 0}, {"didn", F_NOT, 0},
	{"but", F_STOP, 0}, {"however", F_STOP, 0}, {"although", F_STOP, 0},
	{"though", F_STOP, 0}, {"except", F_STOP, 0}, {"yet", F_STOP, 0},
	{"whereas", F_STOP, 0}, {"which", F_STOP, 0}, {"then", F_STOP, 0},
	{"previously", F_HIST, 0}, {"previous", F_HIST, 0}, {"prior", F_HIST, 0},
	{"ago", F_HIST, 0}, {"history", F_HIST, 0}, {"earlier", F_HIST, 0},
	{"past", F_HIST, 0}, {"formerly", F_HIST, 0}, {"yesterday", F_HIST, 0},
	{"tried", F_HIST, 0},
	{"will", F_FUTURE, 0}, {"consider", F_FUTURE, 0}, {"considering", F_FUTURE, 0},
	{"may", F_FUTURE, 0}, {"might", F_FUTURE, 0}, {"if", F_FUTURE, 0},
	{"future", F_FUTURE, 0}, {"planned", F_FUTURE, 0}, {"planning", F_FUTURE, 0},
	{"recommend", F_FUTURE, 0}, {"recommended", F_FUTURE, 0},
	{"scheduled", F_FUTURE, 0}, {"would", F_FUTURE, 0}, {"should", F_FUTURE, 0},
	{"today", F_TODAY, 0}, {"todays", F_TODAY, 0},
	{"injected", F_INJ | F_DONE, 0}, {"inject", F_INJ, 0}, {"injecting", F_INJ, 0},
	{"injection", F_INJ, 0}, {"injections", F_INJ | F_TPW, 0}, {"tpi", F_INJ, 0},
	{"tpis", F_INJ, 0}, {"needled", F_INJ | F_DONE, 0}, {"needling", F_INJ, 0},
	{"injectate", F_INJ, 0},
	{"infiltrated", F_INJ | F_DONE, 0}, {"infiltration", F_INJ | F_SEC_PROC, 0},
	{"infiltrations", F_INJ | F_SEC_PROC, 0}, {"performed", F_DONE, 0},
	{"administered", F_DONE, 0}, {"completed", F_DONE, 0}, {"treated", F_DONE, 0},
	{"done", F_DONE, 0}, {"given", F_DONE, 0},
	{"signed", F_SIGN, 0}, {"signature", F_SIGN, 0}, {"attestation", F_SIGN, 0},
	{"attested", F_SIGN, 0}, {"attest", F_SIGN, 0}, {"esigned", F_SIGN, 0},
	{"cosigned", F_SIGN, 0}, {"countersigned", F_SIGN, 0},
	{"authenticated", F_SIGN, 0},
	{"firmado", F_SIGN, 0}, {"firmada", F_SIGN, 0},	/* Spanish: signed */
	{"reevaluation", F_PLAN, 0}, {"reassessment", F_PLAN, 0},
	{"followup", F_PLAN, 0}, {"rtc", F_PLAN, 0}, {"aftercare", F_PLAN, 0},
	{"reassess", F_PLAN, 0}, {"recheck", F_PLAN, 0}, {"reevaluate", F_PLAN, 0},
	{"reschedule", F_PLAN, 0}, {"rescheduled", F_PLAN, 0}, {"reeval", F_PLAN, 0},
	{"reexam", F_PLAN, 0},
	{"rehab", F_CONS, 0},
	{"physiotherapy", F_CONS, 0}, {"nsaid", F_CONS, 0}, {"nsaids", F_CONS, 0},
	{"ibuprofen", F_CONS, 0}, {"naproxen", F_CONS, 0}, {"meloxicam", F_CONS, 0},
	{"diclofenac", F_CONS, 0}, {"celecoxib", F_CONS, 0}, {"relaxant", F_CONS, 0},
	{"relaxants", F_CONS, 0}, {"cyclobenzaprine", F_CONS, 0},
	{"flexeril", F_CONS, 0}, {"tizanidine", F_CONS, 0}, {"methocarbamol", F_CONS, 0},
	{"baclofen", F_CONS, 0}, {"chiropractic", F_CONS, 0},
	{"chiropractor", F_CONS, 0}, {"massage", F_CONS, 0}, {"stretching", F_CONS, 0},
	{"stretches", F_CONS, 0}, {"acupuncture", F_CONS, 0}, {"tens", F_CONS, 0},
	{"conservative", F_CONS, 0}, {"exercises", F_CONS, 0},
	{"exercise", F_CONS, 0}, {"brace", F_CONS, 0}, {"bracing", F_CONS, 0},
	{"splint", F_CONS, 0}, {"splinting", F_CONS, 0}, {"orthotics", F_CONS, 0},
	{"refer", F_NEWCARE, 0}, {"referral", F_NEWCARE, 0},
	{"referred", F_NEWCARE, 0}, {"start", F_NEWCARE, 0},
	{"begin", F_NEWCARE, 0}, {"trial", F_NEWCARE, 0},
	{"each", F_EACH, 0}, {"area", F_SEC_PROC, 0},
	{"pain", F_PAIN, 0}, {"ache", F_PAIN, 0}, {"aches", F_PAIN, 0},
	{"stiffness", F_PAIN, 0}, {"discomfort", F_PAIN, 0},
	{"symptoms", F_PAIN, 0}, {"myofascial", F_PAIN, 0},
	{"spasm", F_PAIN, 0}, {"spasms", F_PAIN, 0}, {"heat", F_HEAT, 0}, {"ice", F_HEAT, 0},
	{"apply", F_AFTER, 0}, {"after", F_AFTER, 0}, {"post", F_AFTER, 0},
	{"discharged", F_AFTER, 0},
	{"quadrant", F_LOC, 0}, {"border", F_LOC, 0}, {"angle", F_LOC, 0},
	{"origin", F_LOC, 0}, {"insertion", F_LOC, 0}, {"cm", F_LOC, 0},
	{"fingerbreadth", F_LOC, 0}, {"fingerbreadths", F_LOC, 0},
	{"spinous", F_LOC, 0}, {"acromion", F_LOC, 0},
	{"mapped", F_LOC, 0},
	{"located", F_LOC, 0}, {"spine", F_LOC, 0},
	{"crest", F_LOC, 0}, {"crests", F_LOC, 0},
	{"guided", F_GUIDE, 0}, {"guidance", F_GUIDE, 0}, {"guide", F_GUIDE, 0},
	{"under", F_GUIDE, 0}, {"using", F_GUIDE, 0}, {"visualization", F_GUIDE, 0},
	{"visualized", F_GUIDE, 0},
	{"ultrasound", F_MOD, 1}, {"sonographic", F_MOD, 1},
	{"sonography", F_MOD, 1}, {"usg", F_MOD | F_GUIDE, 1},
	{"fluoroscopy", F_MOD, 2}, {"fluoroscopic", F_MOD, 2},
	{"fluoro", F_MOD, 2}, {"ct", F_MOD, 3}, {"mri", F_MOD, 4},
	{"ml", F_UNIT, 0}, {"cc", F_UNIT, 0}, {"mg", F_UNIT, 0}, {"mcg", F_UNIT, 0},
	{"units", F_UNIT, 0}, {"unit", F_UNIT, 0}, {"percent", F_UNIT, 0}, {"u", F_UNIT, 0}, {"cc's", F_UNIT, 0},
	{"points", F_TPW, 0}, {"point", F_TPW, 0}, {"sites", F_TPW, 0}, {"site", F_TPW, 0},
	{"spots", F_TPW, 0}, {"spot", F_TPW, 0},
	{"puntos", F_TPW, 0}, {"punto", F_TPW, 0},	/* Spanish: points */
	{"tps", F_TPW, 0}, {"tp", F_TPW, 0}, {"trp", F_TPW, 0}, {"trps", F_TPW, 0},
	{"mtrp", F_TPW, 0}, {"mtrps", F_TPW, 0}, {"insertions", F_TPW, 0}, {"areas", F_TPW, 0},
	{"total", F_TOTAL, 0},
	{"dry", F_DRY, 0},
	{"error", 0, MOD_ERROR}, {"erroneously", 0, MOD_ERROR},
	{"incorrectly", 0, MOD_ERROR}, {"mistakenly", 0, MOD_ERROR},
	{"chemodenervation", 0, MOD_CHEMO},
	{"hpi", F_SEC_HIST, 0}, {"pmh", F_SEC_HIST, 0}, {"subjective", F_SEC_HIST, 0},
	{"exam", F_SEC_EXAM, 0}, {"examination", F_SEC_EXAM, 0},
	{"objective", F_SEC_EXAM, 0}, {"pe", F_SEC_EXAM, 0},
	{"procedure", F_SEC_PROC, 0}, {"procedures", F_SEC_PROC, 0},
	{"technique", F_SEC_PROC, 0}, {"muscles", F_SEC_PROC, 0},
	{"muscle", F_SEC_PROC, 0}, {"medication", F_SEC_PROC, 0},
	{"medications", F_SEC_PROC, 0}, {"location", F_SEC_PROC, 0},
	{"locations", F_SEC_PROC, 0}, {"description", F_SEC_PROC, 0},
	{"plan", F_SEC_PLAN, 0}, {"recommendations", F_SEC_PLAN, 0},
	{"disposition", F_SEC_PLAN, 0}, {"instructions", F_SEC_PLAN, 0},
	{"meds", F_SEC_PROC, 0}, {"allergies", F_SEC_MEDS, 0}, {"current", F_SEC_MEDS, 0},
	{"toxin", F_SEC_PROC, 0},	/* "Toxin: Botox 200 units" */
	{"home", F_SEC_MEDS, 0},
	{"assessment", F_SEC_OTHER, 0}, {"diagnosis", F_SEC_OTHER, 0},
	{"diagnoses", F_SEC_OTHER, 0}, {"impression", F_SEC_OTHER, 0},
	{"indication", F_SEC_OTHER, 0}, {"indications", F_SEC_OTHER, 0},
	{"consent", F_SEC_OTHER, 0}, {"complications", F_SEC_OTHER, 0},
	{"vitals", F_SEC_OTHER, 0}, {"ros", F_SEC_OTHER, 0},
};

typedef struct VWord
{
	const char *s;				/* NULL: slot empty */
	uint32_t	len;
	uint32_t	hash;
	uint32_t	flags;
	uint8_t		mod;
	uint8_t		mus_words;		/* most words of a key it starts */
	uint8_t		drug_words;
} VWord;

/* Letters a drug name needs before a misspelling of it is read as it. */
#define DRUG_FUZZY_MIN	7

typedef struct VDrug
{
	const char *name;			/* normalised */
	uint32_t	len;
	uint32_t	hash;
	const char *generic;		/* lower case */
} VDrug;

struct NrVocab
{
	MpAlloc		alloc;
	MpCatalogue *cat;
	VWord	   *words;
	uint32_t	wmask;
	VDrug	   *drugs;
	int			ndrugs;
	int			capdrugs;
	int32_t    *dtable;
	uint32_t	dmask;
	uint32_t	fzfirst;		/* first letters (a-z) of the drug names a
								 * misspelling may be read as */
	bool		built;
};

static inline bool
is_word_byte(unsigned char c)
{
	return c >= 0x80 ||
		(c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		(c >= '0' && c <= '9');
}

static inline bool
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static inline unsigned char
lower(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') ? (unsigned char) (c + 32) : c;
}

/* Normalises like muscle_parse.c (lower-case words, single blanks). */
static size_t
norm_copy(const char *in, size_t len, char *out)
{
	size_t		o = 0,
				i;
	bool		gap = false;

	for (i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) in[i];

		if (!is_word_byte(c))
		{
			gap = true;
			continue;
		}
		if (gap && o > 0)
			out[o++] = ' ';
		gap = false;
		out[o++] = (char) lower(c);
	}
	return o;
}

static VWord *
vword_find(const NrVocab *v, const char *s, size_t len, uint32_t h)
{
	uint32_t	i = h & v->wmask;

	for (;; i = (i + 1) & v->wmask)
	{
		VWord	   *w = &v->words[i];

		if (w->s == NULL)
			return w;
		if (w->hash == h && w->len == len && memcmp(w->s, s, len) == 0)
			return w;
	}
}

static void *
v_alloc(NrVocab *v, size_t size)
{
	return v->alloc.alloc(v->alloc.ctx, size ? size : 1);
}

NrVocab *
nr_vocab_new(const MpAlloc *alloc, MpCatalogue *cat)
{
	NrVocab    *v = alloc->alloc(alloc->ctx, sizeof(NrVocab));

	if (v == NULL)
		return NULL;
	memset(v, 0, sizeof(NrVocab));
	v->alloc = *alloc;
	v->cat = cat;
	return v;
}

bool
nr_vocab_add_drug(NrVocab *v, const char *name, const char *generic)
{
	size_t		len;
	char	   *n,
			   *g;
	size_t		nl,
				gl,
				i;

	if (v->built || name == NULL)
		return false;
	if (v->ndrugs == v->capdrugs)
	{
		int			cap = v->capdrugs ? v->capdrugs * 2 : 64;
		VDrug	   *d = v_alloc(v, sizeof(VDrug) * cap);

		if (d == NULL)
			return false;
		if (v->ndrugs)
			memcpy(d, v->drugs, sizeof(VDrug) * v->ndrugs);
		v->drugs = d;
		v->capdrugs = cap;
	}
	len = strlen(name);
	n = v_alloc(v, len + 1);
	if (n == NULL)
		return false;
	nl = norm_copy(name, len, n);
	if (nl == 0)
		return true;
	if (generic == NULL)
		generic = name;
	gl = strlen(generic);
	g = v_alloc(v, gl + 1);
	if (g == NULL)
		return false;
	for (i = 0; i < gl; i++)
		g[i] = (char) lower((unsigned char) generic[i]);
	g[gl] = '\0';
	v->drugs[v->ndrugs].name = n;
	v->drugs[v->ndrugs].len = (uint32_t) nl;
	v->drugs[v->ndrugs].hash = mp_hash(n, nl);
	v->drugs[v->ndrugs].generic = g;
	v->ndrugs++;
	return true;
}

static int
words_in(const char *s, size_t len)
{
	int			n = 1;
	size_t		i;

	for (i = 0; i < len; i++)
		if (s[i] == ' ')
			n++;
	return n;
}

static size_t
first_word_len(const char *s, size_t len)
{
	size_t		i = 0;

	while (i < len && s[i] != ' ')
		i++;
	return i;
}

static VWord *
vword_add(NrVocab *v, const char *s, size_t len)
{
	uint32_t	h = mp_hash(s, len);
	VWord	   *w = vword_find(v, s, len, h);

	if (w->s == NULL)
	{
		w->s = s;
		w->len = (uint32_t) len;
		w->hash = h;
	}
	return w;
}

bool
nr_vocab_build(NrVocab *v)
{
	int			nkeys = mp_catalogue_nkeys(v->cat);
	uint32_t	need;
	uint32_t	size = 64;
	int			i,
				n0 = v->ndrugs;

	/*
	 * The Spanish, Italian and Portuguese names of the local anaesthetics
	 * end in -caina ("lidocaína", read without its accent): each one-word
	 * name in -caine is known that way too, as its own generic
	 */
	for (i = 0; i < n0; i++)
	{
		char		name[64],
					generic[64];
		size_t		len = v->drugs[i].len;

		if (len < 6 || len >= sizeof(name) || memchr(v->drugs[i].name, ' ', len) ||
			memcmp(v->drugs[i].name + len - 5, "caine", 5) != 0 ||
			strlen(v->drugs[i].generic) >= sizeof(generic))
			continue;
		memcpy(name, v->drugs[i].name, len);
		name[len - 1] = 'a';
		name[len] = '\0';
		strcpy(generic, v->drugs[i].generic);
		if (!nr_vocab_add_drug(v, name, generic))
			return false;
	}
	need = (uint32_t) (nkeys + v->ndrugs + sizeof(cues) / sizeof(cues[0])) * 2 + 16;
	while (size < need)
		size <<= 1;
	v->words = v_alloc(v, sizeof(VWord) * size);
	v->dmask = 16;
	while (v->dmask < (uint32_t) v->ndrugs * 2 + 2)
		v->dmask <<= 1;
	v->dtable = v_alloc(v, sizeof(int32_t) * v->dmask);
	if (v->words == NULL || v->dtable == NULL)
		return false;
	memset(v->words, 0, sizeof(VWord) * size);
	memset(v->dtable, 0xff, sizeof(int32_t) * v->dmask);
	v->wmask = size - 1;
	v->dmask--;

	for (i = 0; i < (int) (sizeof(cues) / sizeof(cues[0])); i++)
	{
		VWord	   *w = vword_add(v, cues[i].w, strlen(cues[i].w));

		w->flags |= cues[i].flags;
		if (cues[i].mod)
			w->mod = cues[i].mod;
	}
	for (i = 0; i < nkeys; i++)
	{
		size_t		len;
		const char *k = mp_catalogue_key(v->cat, i, &len);
		int			nw = words_in(k, len);
		VWord	   *w = vword_add(v, k, first_word_len(k, len));

		w->flags |= F_MUS;
		if (nw > w->mus_words)
			w->mus_words = (uint8_t) (nw > 255 ? 255 : nw);
	}
	for (i = 0; i < v->ndrugs; i++)
	{
		VDrug	   *d = &v->drugs[i];
		int			nw = words_in(d->name, d->len);
		VWord	   *w = vword_add(v, d->name, first_word_len(d->name, d->len));
		uint32_t	j = d->hash & v->dmask;

		w->flags |= F_DRUG;
		if (d->len >= DRUG_FUZZY_MIN && d->name[0] >= 'a' && d->name[0] <= 'z' &&
			memchr(d->name, ' ', d->len) == NULL)
			v->fzfirst |= 1u << (d->name[0] - 'a');
		/* a botulinum toxin: a mark for other_procedures() */
		if (!(w->flags & F_MOD) &&
			(strncmp(d->generic, "botulinum", 9) == 0 ||
			 strncmp(d->name, "botulinum", 9) == 0))
			w->mod = MOD_CHEMO;
		if (nw > w->drug_words)
			w->drug_words = (uint8_t) (nw > 255 ? 255 : nw);
		/* the first row of a name wins */
		for (;; j = (j + 1) & v->dmask)
		{
			int32_t		k = v->dtable[j];

			if (k < 0)
			{
				v->dtable[j] = i;
				break;
			}
			if (v->drugs[k].hash == d->hash && v->drugs[k].len == d->len &&
				memcmp(v->drugs[k].name, d->name, d->len) == 0)
				break;
		}
	}
	v->built = true;
	return true;
}

/*
 * The row of the one-word drug name of DRUG_FUZZY_MIN letters or more that
 * the word s[0..len) is one edit away from with the same first letter
 * ("lidocain", "bupivicaine", "triamcinalone"), as SPEC section 4 reads a
 * misspelt muscle; -1 when none is, or when names of two substances are.
 */
static int
drug_fuzzy(const NrVocab *v, const char *s, size_t len)
{
	int			found = -1;
	int			k;

	/* a misspelling keeps the first letter: most words are passed here */
	if (s[0] < 'a' || s[0] > 'z' || !(v->fzfirst & (1u << (s[0] - 'a'))))
		return -1;
	for (k = 0; k < v->ndrugs; k++)
	{
		const VDrug *d = &v->drugs[k];

		if (d->name[0] != s[0] || d->len < DRUG_FUZZY_MIN || d->len > len + 1 ||
			d->len + 1 < len || memchr(d->name, ' ', d->len) ||
			!mp_one_edit(d->name, d->len, s, len))
			continue;
		if (found >= 0 && strcmp(v->drugs[found].generic, d->generic) != 0)
			return -1;
		if (found < 0)
			found = k;
	}
	return found;
}

static int
drug_find(const NrVocab *v, const char *s, size_t len)
{
	uint32_t	h = mp_hash(s, len);
	uint32_t	j = h & v->dmask;

	for (;; j = (j + 1) & v->dmask)
	{
		int32_t		k = v->dtable[j];

		if (k < 0)
			return -1;
		if (v->drugs[k].hash == h && v->drugs[k].len == len &&
			memcmp(v->drugs[k].name, s, len) == 0)
			return k;
	}
}

/* ------------------------------------------------------------------------
 * Tokens
 * ------------------------------------------------------------------------
 */
#define T_WORD		0
#define T_NUM		1			/* digits, maybe a decimal point; maybe a
								 * unit glued on ("40mg") */
#define T_PUNCT		2
#define T_NL		3

#define SEC_NONE	0
#define SEC_HIST	1
#define SEC_EXAM	2
#define SEC_PROC	3
#define SEC_PLAN	4
#define SEC_MEDS	5
#define SEC_OTHER	6
#define SEC_NEG		7			/* "Not injected:", "Deferred:", "Declined:" */
#define SEC_LATER	8			/* "Next visit:": a plan for a later visit */

typedef struct NTok
{
	uint32_t	start;
	uint32_t	len;
	uint32_t	sent;			/* sentence number */
	uint32_t	flags;			/* the word's F_* */
	uint8_t		type;
	uint8_t		mod;
	uint8_t		musw;
	uint8_t		drugw;
	uint8_t		wclass;			/* MP_WORD_* */
	uint8_t		neg;			/* NEG_FWD | NEG_BACK: in a negation's scope */
	uint8_t		header;			/* part of a section header */
	uint8_t		upper;			/* written in capitals */
	uint8_t		inspan;			/* part of a run of muscles (or its count) */
	uint8_t		fuzzy;			/* a misspelt muscle name (1 + its kind) */
	uint8_t		abbr;			/* a '.' that ends an abbreviation ("R.") */
	uint8_t		ls;				/* "ls" read as the levator scapulae */
	uint8_t		rpart;			/* a part word of the reader only ("sternal") */
	uint8_t		shared;			/* names a muscle with the head of the key
								 * before it ("gluteus medius, minimus") */
	int16_t		fdrug;			/* a misspelt drug name: 1 + its row */
	int32_t		num;			/* T_NUM: the whole part; -1 if too big */
} NTok;

/* Which way the negation that covers a token reached it. */
#define NEG_FWD		1			/* from a trigger before: "no ... in the" */
#define NEG_BACK	2			/* from one after: "... (not injected)" */

/* NSent.other: it tells another procedure of the visit (chemodenervation)
 * beside the TPI's; it is a correction (what it names was "documented in
 * error") */
#define O_OTHER		1
#define O_RETRACT	2

#define S_HIST		1
#define S_FUTURE	2
#define S_TODAY		4
#define S_INJ		8
#define S_DONE		16
#define S_HEADER	32			/* a line of a template: "Volume: 5 mL" */
#define S_CURRENT	64			/* in a plan section, after the procedure
								 * done today was told there */
#define S_TPT		128			/* speaks of trigger points ("trigger
								 * points were noted in") */

typedef struct NSent
{
	uint8_t		flags;
	uint8_t		section;
	uint8_t		injside;		/* MpSide of the injection itself
								 * ("bilateral TPIs"), bits OR-ed */
	uint8_t		other;			/* O_*: another procedure, a correction */
	uint32_t	cues;			/* F_* of every word in it */
} NSent;

typedef struct Reader
{
	NrVocab    *v;
	const MpAlloc *alloc;
	const char *raw;
	char	   *low;
	size_t		len;
	NTok	   *t;
	size_t		nt;
	NSent	   *s;
	size_t		ns;
	bool		failed;
	/* muscles out */
	char	  **mus;
	int			nmus;
	int			capmus;
	/* region terms of runs that name nothing else, kept apart until the
	 * note's muscles are known (see read_muscles) */
	char	  **reg;
	int			nreg;
	int			capreg;
	/* drugs out */
	int			drug[16];		/* vocabulary rows of the generics met */
	char	   *dose[16];
	size_t		doselen[16];
	size_t		dosecap[16];
	size_t		doseend[16];	/* where its last dose ended in the text */
	size_t		ratepos[16];	/* where a rate just added starts, or
								 * SIZE_MAX */
	size_t		rateprev[16];	/* doseend before that rate */
	bool		amount[16];		/* an amount ("3 mL") was stated */
	int			ndrug;
	char	   *work;			/* for mp_parse_each */
	size_t		worksize;
	char	   *buf;			/* an entry being composed */
	size_t		bufsize;
	int			emitted;		/* muscles the last run named */
	bool		any_muscle;		/* a run of muscles or groups was read */
	bool		exam_injected;	/* the muscles are the exam's, for want of
								 * any the procedure names */
	MpSide		injside;		/* the side of the injection for entries of
								 * the run being read that have none */
	bool		marked;			/* a word of MOD_ERROR or MOD_CHEMO met */
	bool		retracting;		/* entries go to retract[], not mus[] */
	char	   *retract[8];		/* entries a correction took back */
	int			nretract;
	char		fwork[MP_WORK_SIZE(40)];	/* to parse one word */
} Reader;

static void *
r_alloc(Reader *r, size_t size)
{
	void	   *p = r->alloc->alloc(r->alloc->ctx, size ? size : 1);

	if (p == NULL)
		r->failed = true;
	return p;
}

static void
r_free(Reader *r, void *p)
{
	if (p != NULL && r->alloc->release)
		r->alloc->release(r->alloc->ctx, p);
}

/*
 * tok_eq is asked of most tokens, many times each (the cue phrases of
 * read_elements): compilers stop inlining it in long functions, which
 * costs a fifth of the reader's time, so it is inlined always.
 */
#if defined(__GNUC__) || defined(__clang__)
#define NR_ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define NR_ALWAYS_INLINE inline
#endif

static NR_ALWAYS_INLINE bool
tok_eq(const Reader *r, size_t i, const char *w, size_t l)
{
	return i < r->nt && r->t[i].len == l &&
		memcmp(r->low + r->t[i].start, w, l) == 0;
}

/*
 * Is token i the word w?  tok_is takes a string literal, whose length is
 * known when compiled (the reader asks this of most tokens, many times);
 * tok_is_s any string.
 */
#define tok_is(r, i, lit) tok_eq((r), (i), "" lit, sizeof(lit) - 1)

static inline bool
tok_is_s(const Reader *r, size_t i, const char *w)
{
	return tok_eq(r, i, w, strlen(w));
}

static inline bool
punct_is(const Reader *r, size_t i, char c)
{
	return i < r->nt && r->t[i].type == T_PUNCT && r->raw[r->t[i].start] == c;
}

/* ------------------------------------------------------------------------
 * Plain text: the typography and layouts of exported notes
 * ------------------------------------------------------------------------
 */
/* UTF-8 punctuation of word processors and what the reader reads for it. */
static const struct
{
	const char *utf8;
	const char *plain;
}			typography[] = {
	{"\xc2\xa0", " "},			/* no-break space */
	{"\xe2\x80\x80", " "}, {"\xe2\x80\x81", " "}, {"\xe2\x80\x82", " "},
	{"\xe2\x80\x83", " "}, {"\xe2\x80\x84", " "}, {"\xe2\x80\x85", " "},
	{"\xe2\x80\x86", " "}, {"\xe2\x80\x87", " "}, {"\xe2\x80\x88", " "},
	{"\xe2\x80\x89", " "}, {"\xe2\x80\x8a", " "}, {"\xe2\x80\xaf", " "},
	{"\xe2\x80\x8b", ""},		/* zero-width space */
	{"\xef\xbb\xbf", ""},		/* byte order mark */
	{"\xe2\x80\x90", "-"}, {"\xe2\x80\x91", "-"}, {"\xe2\x80\x92", "-"},
	{"\xe2\x80\x93", "-"}, {"\xe2\x80\x94", "-"}, {"\xe2\x80\x95", "-"},
	{"\xe2\x88\x92", "-"},		/* minus sign */
	{"\xe2\x80\x98", "'"}, {"\xe2\x80\x99", "'"}, {"\xe2\x80\xb2", "'"},
	{"\xe2\x80\x9c", "\""}, {"\xe2\x80\x9d", "\""},
	{"\xe2\x80\xa2", "*"}, {"\xe2\x80\xa3", "*"}, {"\xe2\x97\x8f", "*"},
	{"\xe2\x96\xaa", "*"}, {"\xe2\x97\xa6", "*"}, {"\xc2\xb7", "*"},
	{"\xe2\x80\xa6", "..."},
	{"\xc3\x97", "x"},			/* the sign x: "x2" */
	{"\xe2\x89\x88", "~"}, {"\xe2\x89\xa4", "<="}, {"\xe2\x89\xa5", ">="},
	{"\xc2\xb5", "u"}, {"\xce\xbc", "u"},	/* micro: "ug" */
	/* the accented letters of Spanish: "lidocaína", "electrónicamente" */
	{"\xc3\xa1", "a"}, {"\xc3\xa9", "e"}, {"\xc3\xad", "i"}, {"\xc3\xb3", "o"},
	{"\xc3\xba", "u"}, {"\xc3\xb1", "n"}, {"\xc3\xbc", "u"},
	{"\xc3\x81", "A"}, {"\xc3\x89", "E"}, {"\xc3\x8d", "I"}, {"\xc3\x93", "O"},
	{"\xc3\x9a", "U"}, {"\xc3\x91", "N"}, {"\xc3\x9c", "U"},
	/* check boxes: empty, ticked, crossed; check marks and their no */
	{"\xe2\x98\x90", "[ ]"}, {"\xe2\x96\xa1", "[ ]"},
	{"\xe2\x98\x91", "[x]"}, {"\xe2\x98\x92", "[x]"},
	{"\xe2\x9c\x93", "[x]"}, {"\xe2\x9c\x94", "[x]"},
	{"\xe2\x9c\x97", "[ ]"}, {"\xe2\x9c\x98", "[ ]"},
	/* triangles and arrows of bullet lists */
	{"\xe2\x96\xb6", "*"}, {"\xe2\x96\xb8", "*"}, {"\xe2\x96\xba", "*"},
	{"\xe2\x9e\xa2", "*"}, {"\xe2\x9e\xa4", "*"}, {"\xe2\x97\x86", "*"},
	{"\xe2\x96\xa0", "*"},
};

typedef struct Plain
{
	char	   *s;
	size_t		len;
	size_t		cap;
} Plain;

static void
plain_put(Reader *r, Plain *o, const char *s, size_t n)
{
	if (r->failed)
		return;
	if (o->len + n + 1 > o->cap)
	{
		size_t		cap = o->cap * 2 + n + 64;
		char	   *b = r_alloc(r, cap);

		if (b == NULL)
			return;
		if (o->len > 0)
			memcpy(b, o->s, o->len);
		r_free(r, o->s);
		o->s = b;
		o->cap = cap;
	}
	memcpy(o->s + o->len, s, n);
	o->len += n;
	o->s[o->len] = '\0';
}

/* The side of the word s[0..n) (MP_SIDE_NONE if it is none). */
static MpSide
plain_side(const char *s, size_t n)
{
	char		w[8];
	size_t		k;

	if (n == 0 || n >= sizeof(w))
		return MP_SIDE_NONE;
	for (k = 0; k < n; k++)
		w[k] = (char) lower((unsigned char) s[k]);
	return mp_side_of_word(w, n);
}

/*
 * The words of the line s[0..n): their starts and ends in at[] (at most
 * max words), and how many.  Words are runs of bytes other than blanks.
 */
static int
plain_words(const char *s, size_t n, size_t *at, int max)
{
	size_t		i = 0;
	int			nw = 0;

	while (i < n)
	{
		while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r'))
			i++;
		if (i >= n)
			break;
		if (nw >= max)
			return max + 1;
		at[2 * nw] = i;
		while (i < n && s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			i++;
		at[2 * nw + 1] = i;
		nw++;
	}
	return nw;
}

/* Is s[0..n) a count of a grid's cell: one or two digits? */
static int
plain_count(const char *s, size_t n)
{
	if (n == 1 && is_digit((unsigned char) s[0]))
		return s[0] - '0';
	if (n == 2 && is_digit((unsigned char) s[0]) && is_digit((unsigned char) s[1]))
		return (s[0] - '0') * 10 + (s[1] - '0');
	return -1;
}

/*
 * A line of a tab-separated export, "Laterality<TAB>Right": its only tab
 * (or run of blanks with tabs) follows one to six words and no colon, and
 * text follows it.  Returns where the gap starts and sets *after to where
 * the value starts; 0 if the line is not one.
 */
static size_t
tab_label(const char *s, size_t n, size_t *after)
{
	size_t		i,
				gap = 0,
				end = 0;
	int			words = 0;
	bool		inword = false;

	for (i = 0; i < n; i++)
	{
		char		c = s[i];

		if (c == '\t')
		{
			if (gap > 0 && i > end)
				return 0;		/* a second tab: a table's columns */
			if (gap == 0)
			{
				if (words == 0 || words > 6)
					return 0;
				gap = i;
				while (gap > 0 && s[gap - 1] == ' ')
					gap--;
			}
			end = i + 1;
			while (end < n && (s[end] == ' ' || s[end] == '\t'))
				end++;
			i = end - 1;
			continue;
		}
		if (gap == 0)
		{
			if (c == ':')
				return 0;
			if (c != ' ' && !inword)
				words++;
			inword = c != ' ';
		}
	}
	if (gap == 0 || end >= n || s[end] == '\r')
		return 0;
	*after = end;
	return gap;
}

/* Is s[0..n) the word w (lower case), in any case? */
static bool
plain_is(const char *s, size_t n, const char *w)
{
	size_t		c;

	if (n != strlen(w))
		return false;
	for (c = 0; c < n && lower((unsigned char) s[c]) == w[c]; c++)
		;
	return c == n;
}

/*
 * The head of a table with a column of sides and one of counts, in plain
 * text: "Muscle   Side   TPs" (the counts' column last): 2; or with a last
 * column of yes and no, "Muscle  Side  TrP  Injected": 3, and *side_back
 * the side column's place counted from the last (1: the one before it).
 * 0 if the line is neither.
 */
static int
side_column_head(const char *s, size_t n, int *side_back)
{
	static const char *const counts[] = {"tps", "tp", "points", "sites",
	"injections", "#", "trps", "count", NULL};
	static const char *const done[] = {"injected", "injected?", "inj", "inj?",
	"done", NULL};
	size_t		at[2 * 7];
	int			nw = plain_words(s, n, at, 6),
				k,
				side = -1;

	if (nw < 3 || nw > 6)
		return 0;
	for (k = 0; k < nw; k++)
		if (at[2 * k + 1] - at[2 * k] == 4 &&
			(s[at[2 * k]] == 's' || s[at[2 * k]] == 'S') &&
			lower((unsigned char) s[at[2 * k] + 1]) == 'i' &&
			lower((unsigned char) s[at[2 * k] + 2]) == 'd' &&
			lower((unsigned char) s[at[2 * k] + 3]) == 'e')
			side = k;
	if (side < 0 || side == nw - 1)
		return 0;
	for (k = 0; counts[k]; k++)
		if (plain_is(s + at[2 * nw - 2], at[2 * nw - 1] - at[2 * nw - 2], counts[k]))
		{
			*side_back = nw - 1 - side;
			return 2;
		}
	for (k = 0; done[k]; k++)
		if (plain_is(s + at[2 * nw - 2], at[2 * nw - 1] - at[2 * nw - 2], done[k]))
		{
			*side_back = nw - 1 - side;
			return 3;
		}
	return 0;
}

/* A cell of yes (1) or no (0), else -1: "Y", "yes", "N", "no". */
static int
plain_yes(const char *s, size_t n)
{
	if (plain_is(s, n, "y") || plain_is(s, n, "yes"))
		return 1;
	if (plain_is(s, n, "n") || plain_is(s, n, "no"))
		return 0;
	return -1;
}

/*
 * Spanish words of a Spanish note read as their English (SPEC 12 reads
 * notes of Spanish-speaking clinics): muscles and sides, sections, care,
 * plan, guidance and signature.  Matched at a word's start, letters folded
 * (case, and the accented vowels and n of UTF-8 Latin-1), the word ending
 * there; longer phrases first.
 */
static const struct
{
	const char *es;
	const char *en;
}			spanish[] = {
	{"elevador de la escapula", "levator scapulae"},
	{"angular del omoplato", "levator scapulae"},
	{"esplenio de la cabeza", "splenius capitis"},
	{"tensor de la fascia lata", "tensor fasciae latae"},
	{"esternocleidomastoideo", "sternocleidomastoid"},
	{"trapecio superior", "upper trapezius"},
	{"trapecio medio", "middle trapezius"},
	{"trapecio inferior", "lower trapezius"},
	{"trapecios", "trapezius"}, {"trapecio", "trapezius"},
	{"romboides menor", "rhomboid minor"}, {"romboides mayor", "rhomboid major"},
	{"romboides", "rhomboids"},
	{"gluteo medio", "gluteus medius"}, {"gluteo mayor", "gluteus maximus"},
	{"gluteo menor", "gluteus minimus"},
	{"piramidal", "piriformis"}, {"piriforme", "piriformis"},
	{"cuadrado lumbar", "quadratus lumborum"},
	{"infraespinoso", "infraspinatus"}, {"supraespinoso", "supraspinatus"},
	{"escalenos", "scalenes"}, {"paravertebrales", "paraspinals"},
	{"masetero", "masseter"}, {"deltoides", "deltoid"},
	{"derecho", "right"}, {"derecha", "right"}, {"izquierdo", "left"},
	{"izquierda", "left"}, {"bilaterales", "bilateral"},
	{"ambos lados", "bilateral"},
	{"musculos", "muscles"}, {"procedimiento", "procedure"},
	{"tecnica", "technique"}, {"exploracion", "exam"},
	{"antecedentes", "history"}, {"tratamiento previo", "prior treatment"},
	{"medicamento", "medication"}, {"recomendaciones", "recommendations"},
	{"fisioterapia", "physical therapy"}, {"rehabilitacion", "physical therapy"},
	{"aines", "NSAIDs"}, {"estiramientos", "stretching"},
	{"calor local", "heat"}, {"control en", "follow-up in"},
	{"revision en", "follow-up in"}, {"semanas", "weeks"},
	{"ecoguiada", "ultrasound-guided"}, {"ecoguiado", "ultrasound-guided"},
	{"firma", "signature"}, {"fdo", "signed"},
};

/* The letter of text[i] folded to lower-case ASCII and its length; 0 if none. */
static unsigned char
es_letter(const char *text, size_t le, size_t i, size_t *n)
{
	unsigned char c = (unsigned char) text[i];

	*n = 1;
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
		return lower(c);
	if (c == 0xc3 && i + 1 < le)
	{
		static const char fold[] = "aaaaaaaceeeeiiiidnooooo.ouuuuy";
		unsigned char d = (unsigned char) text[i + 1];

		*n = 2;
		if (d >= 0x80 && d < 0x80 + 30)
			return (unsigned char) fold[d - 0x80];
		if (d >= 0xa0 && d < 0xa0 + 30)
			return (unsigned char) fold[d - 0xa0];
	}
	return 0;
}

/* The bytes of the Spanish phrase es at text[i], the word ending there; 0 if none. */
static size_t
es_match(const char *text, size_t le, size_t i, const char *es)
{
	size_t		j = i,
				n;

	for (; *es; es++)
	{
		if (j >= le)
			return 0;
		if (*es == ' ')
		{
			if (text[j] != ' ')
				return 0;
			while (j < le && text[j] == ' ')
				j++;
			continue;
		}
		if (es_letter(text, le, j, &n) != (unsigned char) *es)
			return 0;
		j += n;
	}
	if (j < le && es_letter(text, le, j, &n) != 0)
		return 0;
	return j - i;
}

/* Is the note Spanish: enough of its little words ("de", "con", "y" ...)? */
static bool
spanish_note(const char *text, size_t len)
{
	static const char *const little[] = {"de", "con", "y", "en", "la", "el",
	"los", "las", "del", "sin", "por", "para", NULL};
	size_t		i,
				n;
	int			hits = 0,
				k;

	for (i = 0; i < len && hits < 6; i++)
	{
		if (i > 0 && es_letter(text, len, i - 1, &n) != 0)
			continue;
		if (i > 1 && (unsigned char) text[i - 1] >= 0x80)
			continue;
		for (k = 0; little[k]; k++)
			if (es_match(text, len, i, little[k]) > 0)
			{
				hits++;
				break;
			}
	}
	return hits >= 6;
}

/*
 * The cells of a drawn table's line s[0..n) ("| Trapezius | [x] | [ ] | 4
 * |"): the trimmed bounds of the cells between bars in cs[]/ce[] (at most
 * max), and how many; 0 when the line is no row of bars (fewer than three).
 */
static int
pipe_cells(const char *s, size_t n, size_t *cs, size_t *ce, int max)
{
	size_t		i = 0,
				b;
	int			nc = 0,
				bars = 0;

	while (i < n && (s[i] == ' ' || s[i] == '\r'))
		i++;
	if (i >= n || s[i] != '|')
		return 0;
	for (; i < n; i = b)
	{
		size_t		a = i + 1,
					e;

		bars++;
		for (b = a; b < n && s[b] != '|'; b++)
			;
		if (b >= n)
			break;
		for (e = b; e > a && (s[e - 1] == ' ' || s[e - 1] == '\r'); e--)
			;
		while (a < e && s[a] == ' ')
			a++;
		if (nc >= max)
			return 0;
		cs[nc] = a;
		ce[nc] = e;
		nc++;
	}
	return bars >= 3 ? nc : 0;
}

/*
 * The head of a drawn table with a right and a left column of boxes ("|
 * Muscle | Right | Left | # points |"): the right and left cells' places
 * in col[0], col[1] and the count cell's in col[2] (-1: none).  False if
 * the line is none.
 */
static bool
pipe_side_head(const char *s, size_t n, int *col)
{
	size_t		cs[12],
				ce[12];
	int			nc = pipe_cells(s, n, cs, ce, 12),
				k;

	col[0] = col[1] = col[2] = -1;
	for (k = 1; k < nc; k++)
	{
		MpSide		side = plain_side(s + cs[k], ce[k] - cs[k]);

		if (side == MP_SIDE_RIGHT && col[0] < 0)
			col[0] = k;
		else if (side == MP_SIDE_LEFT && col[1] < 0)
			col[1] = k;
		else if (memchr(s + cs[k], '#', ce[k] - cs[k]) != NULL ||
				 plain_is(s + cs[k], ce[k] - cs[k], "points") ||
				 plain_is(s + cs[k], ce[k] - cs[k], "tps") ||
				 plain_is(s + cs[k], ce[k] - cs[k], "sites"))
			col[2] = k;
	}
	return col[0] > 0 && col[1] > 0;
}

/* Is the cell s[0..n) a ticked box or mark: "[x]", "x", "X", "yes"? */
static bool
pipe_ticked(const char *s, size_t n)
{
	return (n == 3 && s[0] == '[' && (s[1] == 'x' || s[1] == 'X') && s[2] == ']') ||
		plain_is(s, n, "x") || plain_yes(s, n) == 1;
}

/*
 * The plain text of a note, when it differs from the note: NULL (and no
 * failure) when the note needs none of this.
 *  - UTF-8 punctuation becomes its ASCII reading (typography[]): "×2" is
 *    "x2", "T3–T5" is "T3-T5", a no-break space a blank.
 *  - The tab between a line's label and its value is the label's colon
 *    (tab_label): "Laterality<TAB>Right" reads "Laterality: Right".
 *  - A grid of counts under a line of a right and a left column ("Right
 *    Left"): each row of a name and two counts ("Upper trapezius  2  0")
 *    reads "Right Upper trapezius x2, Left Upper trapezius x0" without the
 *    sides counted 0, up to the first line that is no such row.
 * Every step is one pass over the text.
 */
/*
 * The length of the run of underscores at text[i] when it is the edge of a
 * blank filled in with a figure ("___4___", "__20__ mg"); 0 otherwise.
 */
static size_t
filled_blank(const char *text, size_t len, size_t i)
{
	size_t		j = i;

	if (text[i] != '_' || (i > 0 && text[i - 1] == '_'))
		return 0;
	while (j < len && text[j] == '_')
		j++;
	if ((j < len && is_digit((unsigned char) text[j])) ||
		(i > 0 && is_digit((unsigned char) text[i - 1])))
		return j - i;
	return 0;
}

static char *
plain_text(Reader *r, const char *text, size_t len, size_t *plen)
{
	Plain		o = {NULL, 0, 0};
	size_t		i,
				ls;
	bool		need = false;
	int			grid = 0;		/* 1: rows of a grid follow */
	size_t		colw[4];		/* the grid's side words */
	int			back = 0;		/* grid 3: the side column, from the last */
	int			pcol[3];		/* a drawn table's right, left, count cells */
	bool		pipe = false;	/* rows of such a table follow */
	bool		es = false;		/* a Spanish note */

	/* does the note need it? */
	for (i = 0; i < len && !need; i++)
		if ((unsigned char) text[i] >= 0x80 || text[i] == '\t' ||
			filled_blank(text, len, i) > 0)
			need = true;
	for (ls = 0; ls < len && !need; ls = i + 1)
	{
		size_t		at[6],
					ink = 0;

		/* two side words: "Right Left", "R L", "Lt Rt" */
		for (i = ls; i < len && text[i] != '\n'; i++)
			ink += text[i] != ' ' && text[i] != '\r';
		if (ink <= 10 && plain_words(text + ls, i - ls, at, 2) == 2 &&
			plain_side(text + ls + at[0], at[1] - at[0]) +
			plain_side(text + ls + at[2], at[3] - at[2]) == MP_SIDE_LEFT + MP_SIDE_RIGHT &&
			plain_side(text + ls + at[0], at[1] - at[0]) != MP_SIDE_NONE &&
			plain_side(text + ls + at[2], at[3] - at[2]) != MP_SIDE_NONE)
			need = true;
		else if (ink <= 40 && side_column_head(text + ls, i - ls, &back) > 0)
			need = true;
		else if (pipe_side_head(text + ls, i - ls, pcol))
			need = true;
	}
	if (!need)
		return NULL;
	es = spanish_note(text, len);

	for (ls = 0; ls < len && !r->failed; ls = i + 1)
	{
		size_t		le,
					from,
					at[2 * 9],
					after = 0,
					gap;
		int			nw;

		for (le = ls; le < len && text[le] != '\n'; le++)
			;
		i = le;
		nw = plain_words(text + ls, le - ls, at, 8);

		/* a row of a grid: a name and two counts */
		if (grid == 1 && nw >= 3 && nw <= 8 &&
			plain_count(text + ls + at[2 * nw - 4], at[2 * nw - 3] - at[2 * nw - 4]) >= 0 &&
			plain_count(text + ls + at[2 * nw - 2], at[2 * nw - 1] - at[2 * nw - 2]) >= 0 &&
			plain_count(text + ls + at[0], at[1] - at[0]) < 0)
		{
			const char *name = text + ls + at[0];
			size_t		namelen = at[2 * nw - 5] - at[0];
			int			c;
			bool		first = true;

			for (c = 0; c < 2; c++)
			{
				const char *cell = text + ls + at[2 * nw - 4 + 2 * c];
				size_t		celln = at[2 * nw - 3 + 2 * c] - at[2 * nw - 4 + 2 * c];

				if (plain_count(cell, celln) == 0)
					continue;
				if (!first)
					plain_put(r, &o, ", ", 2);
				plain_put(r, &o, text + colw[2 * c], colw[2 * c + 1] - colw[2 * c]);
				plain_put(r, &o, " ", 1);
				plain_put(r, &o, name, namelen);
				plain_put(r, &o, " x", 2);
				plain_put(r, &o, cell, celln);
				first = false;
			}
			if (le < len)
				plain_put(r, &o, "\n", 1);
			continue;
		}
		/*
		 * a row under "Muscle Side TPs" or "Muscle Side Units Sites": a
		 * name, a side in the side column, other cells, a count
		 */
		if (grid == 2 && nw > back + 1 && nw <= 8 &&
			plain_count(text + ls + at[2 * nw - 2], at[2 * nw - 1] - at[2 * nw - 2]) >= 0 &&
			plain_side(text + ls + at[2 * (nw - 1 - back)],
					   at[2 * (nw - 1 - back) + 1] - at[2 * (nw - 1 - back)]) != MP_SIDE_NONE &&
			plain_count(text + ls + at[0], at[1] - at[0]) < 0)
		{
			const char *cell = text + ls + at[2 * nw - 2];
			size_t		celln = at[2 * nw - 1] - at[2 * nw - 2];
			int			sw = nw - 1 - back;

			/* a muscle counted 0 was not injected: the row says nothing */
			if (plain_count(cell, celln) > 0)
			{
				plain_put(r, &o, text + ls + at[2 * sw], at[2 * sw + 1] - at[2 * sw]);
				plain_put(r, &o, " ", 1);
				plain_put(r, &o, text + ls + at[0], at[2 * sw - 1] - at[0]);
				plain_put(r, &o, " x", 2);
				plain_put(r, &o, cell, celln);
			}
			if (le < len)
				plain_put(r, &o, "\n", 1);
			continue;
		}
		/*
		 * a row under "Muscle Side TrP Injected": a name, a side, other
		 * cells, yes or no; a muscle not injected says nothing
		 */
		if (grid == 3 && nw > back + 1 && nw <= 8 &&
			plain_yes(text + ls + at[2 * nw - 2], at[2 * nw - 1] - at[2 * nw - 2]) >= 0 &&
			plain_side(text + ls + at[2 * (nw - 1 - back)],
					   at[2 * (nw - 1 - back) + 1] - at[2 * (nw - 1 - back)]) != MP_SIDE_NONE)
		{
			int			sw = nw - 1 - back;

			if (plain_yes(text + ls + at[2 * nw - 2], at[2 * nw - 1] - at[2 * nw - 2]) == 1)
			{
				plain_put(r, &o, text + ls + at[2 * sw], at[2 * sw + 1] - at[2 * sw]);
				plain_put(r, &o, " ", 1);
				plain_put(r, &o, text + ls + at[0], at[2 * sw - 1] - at[0]);
			}
			if (le < len)
				plain_put(r, &o, "\n", 1);
			continue;
		}
		/*
		 * a row of a drawn table with boxes in its right and left columns
		 * ("| Trapezius (upper) | [x] | [x] | 4 |"): "bilateral Trapezius
		 * (upper) x4"; a row with no box ticked says nothing
		 */
		if (pipe)
		{
			size_t		cs[12],
						ce[12];
			int			nc = pipe_cells(text + ls, le - ls, cs, ce, 12);
			size_t		k;

			for (k = ls; k < le && (text[k] == ' ' || text[k] == '+' ||
									 text[k] == '-' || text[k] == '=' ||
									 text[k] == '\r'); k++)
				;
			if (k == le && k > ls)
			{
				/* a rule of the table */
				if (le < len)
					plain_put(r, &o, "\n", 1);
				continue;
			}
			if (nc > pcol[0] && nc > pcol[1] && nc > pcol[2])
			{
				const char *t = text + ls;
				bool		rt = pipe_ticked(t + cs[pcol[0]], ce[pcol[0]] - cs[pcol[0]]),
							lt = pipe_ticked(t + cs[pcol[1]], ce[pcol[1]] - cs[pcol[1]]);

				if ((rt || lt) && ce[0] > cs[0])
				{
					plain_put(r, &o, rt && lt ? "bilateral " : rt ? "right " : "left ",
							  rt && lt ? 10 : rt ? 6 : 5);
					plain_put(r, &o, t + cs[0], ce[0] - cs[0]);
					if (pcol[2] > 0 && plain_count(t + cs[pcol[2]], ce[pcol[2]] - cs[pcol[2]]) > 0)
					{
						plain_put(r, &o, " x", 2);
						plain_put(r, &o, t + cs[pcol[2]], ce[pcol[2]] - cs[pcol[2]]);
					}
				}
				if (le < len)
					plain_put(r, &o, "\n", 1);
				continue;
			}
			pipe = false;
		}
		if (pipe_side_head(text + ls, le - ls, pcol))
		{
			pipe = true;
			if (le < len)
				plain_put(r, &o, "\n", 1);
			continue;
		}
		grid = side_column_head(text + ls, le - ls, &back);
		/* a line of a right and a left column */
		if (nw == 2)
		{
			MpSide		a = plain_side(text + ls + at[0], at[1] - at[0]),
						b = plain_side(text + ls + at[2], at[3] - at[2]);

			if (a != MP_SIDE_NONE && b != MP_SIDE_NONE &&
				a + b == MP_SIDE_LEFT + MP_SIDE_RIGHT)
			{
				grid = 1;
				colw[0] = ls + at[0];
				colw[1] = ls + at[1];
				colw[2] = ls + at[2];
				colw[3] = ls + at[3];
			}
		}

		gap = tab_label(text + ls, le - ls, &after);
		from = ls;
		while (from < le && !r->failed)
		{
			unsigned char c = (unsigned char) text[from];
			int			k;
			bool		done = false;

			if (gap > 0 && from == ls + gap)
			{
				plain_put(r, &o, ": ", 2);
				from = ls + after;
				continue;
			}
			if (es && (from == ls || (!is_word_byte((unsigned char) text[from - 1]) &&
									  (unsigned char) text[from - 1] < 0x80)))
			{
				size_t		n = 0;

				for (k = 0; k < (int) (sizeof(spanish) / sizeof(spanish[0])); k++)
					if ((n = es_match(text, le, from, spanish[k].es)) > 0)
						break;
				if (n > 0)
				{
					plain_put(r, &o, spanish[k].en, strlen(spanish[k].en));
					from += n;
					continue;
				}
			}
			if (c >= 0x80)
			{
				for (k = 0; k < (int) (sizeof(typography) / sizeof(typography[0])); k++)
				{
					size_t		n = strlen(typography[k].utf8);

					if (from + n <= le && memcmp(text + from, typography[k].utf8, n) == 0)
					{
						plain_put(r, &o, typography[k].plain, strlen(typography[k].plain));
						from += n;
						done = true;
						break;
					}
				}
			}
			/* "Lidocaine 1% ___4___ mL": the figure written in a blank */
			if (!done && c == '_' && (k = (int) filled_blank(text, le, from)) > 0)
			{
				bool		spaced = (from > ls && text[from - 1] == ' ') ||
				(from + k < le && text[from + k] == ' ');

				if (!spaced && from > ls && from + k < le)
					plain_put(r, &o, " ", 1);
				from += (size_t) k;
				done = true;
			}
			if (!done)
			{
				plain_put(r, &o, text + from, 1);
				from++;
			}
		}
		if (le < len)
			plain_put(r, &o, "\n", 1);
	}
	if (r->failed)
	{
		r_free(r, o.s);
		return NULL;
	}
	if (o.s == NULL)
		plain_put(r, &o, "", 0);
	*plen = o.len;
	return o.s;
}

static void
tokenise(Reader *r)
{
	size_t		i = 0;
	const char *p = r->raw;

	while (i < r->len)
	{
		unsigned char c = (unsigned char) p[i];
		NTok	   *t;

		r->low[i] = (char) lower(c);
		if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v')
		{
			i++;
			continue;
		}
		t = &r->t[r->nt++];
		memset(t, 0, sizeof(NTok));
		t->start = (uint32_t) i;
		if (c == '\n')
		{
			t->type = T_NL;
			t->len = 1;
			i++;
			continue;
		}
		if (!is_word_byte(c))
		{
			t->type = T_PUNCT;
			t->len = 1;
			i++;
			continue;
		}
		{
			size_t		j = i;
			bool		upper = true;
			bool		num = is_digit(c);

			while (j < r->len)
			{
				unsigned char d = (unsigned char) p[j];

				if (is_word_byte(d))
				{
					if (d >= 'a' && d <= 'z')
						upper = false;
					r->low[j] = (char) lower(d);
					j++;
					continue;
				}
				/* 0.5, 1.5%: a decimal point inside a number */
				if (d == '.' && num && j + 1 < r->len && is_digit((unsigned char) p[j + 1]) &&
					is_digit((unsigned char) p[j - 1]))
				{
					r->low[j] = '.';
					j++;
					continue;
				}
				break;
			}
			t->len = (uint32_t) (j - i);
			t->type = num ? T_NUM : T_WORD;
			t->upper = upper && !num;
			if (num)
			{
				size_t		k;
				int64_t		n = 0;

				for (k = i; k < j && is_digit((unsigned char) p[k]); k++)
					if (n < 1000000)
						n = n * 10 + (p[k] - '0');
				t->num = n >= 1000000 ? -1 : (int32_t) n;
			}
			i = j;
		}
	}
}

/* Word flags, from the vocabulary. */
/*
 * "R LS x1", "B/L UT & LS": "ls" after a side word is the levator scapulae
 * of abbreviated notes; before a word of the low back ("LS paraspinals",
 * "R LS junction") it is lumbosacral, and the catalogue has no "ls" for
 * that reason (sql/install/14_muscle_data.sql).
 */
static bool
levator_ls(const Reader *r, size_t i)
{
	const NTok *p;

	if (r->t[i].len != 2 || r->t[i].type != T_WORD || i == 0 ||
		!tok_is(r, i, "ls"))
		return false;
	p = &r->t[i - 1];
	if (p->type != T_WORD ||
		mp_word_class(r->low + p->start, p->len) != MP_WORD_SIDE)
		return false;
	return !(i + 1 < r->nt &&
			 mp_lumbosacral_word(r->low + r->t[i + 1].start, r->t[i + 1].len));
}

static bool
reader_part(const char *w, size_t len)
{
	static const char *const parts[] = {"sternal", "clavicular", "deep",
		"superficial", "portions", "pars", "descendens", "ascendens",
	"transversa", "musculus", "musculi", NULL};
	int			k;

	/* most words fail here: the parts begin with c, d, m, p, s or t */
	if (len < 4 || len > 11 || !strchr("cdmpst", w[0]))
		return false;
	for (k = 0; parts[k]; k++)
		if (parts[k][0] == w[0] && strlen(parts[k]) == len &&
			memcmp(parts[k], w, len) == 0)
			return true;
	return false;
}

static void
classify(Reader *r)
{
	size_t		i;

	for (i = 0; i < r->nt; i++)
	{
		NTok	   *t = &r->t[i];
		const char *w = r->low + t->start;
		VWord	   *vw;

		if (t->type == T_PUNCT || t->type == T_NL)
			continue;
		/* "b/l": one side word (the "l" is a side word already) */
		if (t->len == 1 && w[0] == 'b' && punct_is(r, i + 1, '/') &&
			tok_is(r, i + 2, "l") && r->t[i + 2].start == t->start + 2)
		{
			t->wclass = MP_WORD_SIDE;
			continue;
		}
		t->wclass = (uint8_t) mp_word_class(w, t->len);
		if (t->len > 40)
			continue;
		/* "C-arm": the fluoroscope, not the arm */
		if (t->len == 3 && memcmp(w, "arm", 3) == 0 && i >= 2 &&
			punct_is(r, i - 1, '-') && tok_is(r, i - 2, "c") &&
			r->t[i - 1].start == t->start - 1)
		{
			t->wclass = MP_WORD_NAME;
			t->flags = F_MOD;
			t->mod = 2;
			continue;
		}
		/* "DN to the right trapezius": dry needling, in capitals only */
		if (t->len == 2 && t->upper && w[0] == 'd' && w[1] == 'n')
		{
			t->flags = F_INJ | F_DRY;
			continue;
		}
		vw = vword_find(r->v, w, t->len, mp_hash(w, t->len));
		/*
		 * "sternocleidomastoid (sternal head)", "masseter (deep and
		 * superficial portions)", "m. trapezius pars descendens", "musculus
		 * levator scapulae": anatomical words that name a part of the muscle
		 * (or say it is one) and no muscle of their own; read_span leaves
		 * them out of the entry (the parser knows some as part words too)
		 */
		if (t->type == T_WORD && reader_part(w, t->len))
		{
			t->wclass = MP_WORD_PART;
			t->rpart = 1;
		}
		if (levator_ls(r, i))
		{
			t->ls = 1;
			t->fuzzy = (uint8_t) (1 + MP_MUSCLE);
			t->flags = F_MUS;
			continue;
		}
		if (vw->s == NULL)
		{
			/*
			 * "right rhomboidd": a word after a side or part word may be a
			 * misspelt muscle; the parser decides (one edit from a key),
			 * and its memo makes the same spelling cheap next time.
			 */
			if (t->type == T_WORD && t->len >= MP_FUZZY_MIN - 1 && i > 0 &&
				r->t[i - 1].type == T_WORD &&
				(r->t[i - 1].wclass == MP_WORD_SIDE ||
				 r->t[i - 1].wclass == MP_WORD_PART) &&
				t->wclass == MP_WORD_NAME &&
				MP_WORK_SIZE(t->len) <= sizeof(r->fwork))
			{
				MpResult	m;

				if (mp_parse_cached(r->v->cat, w, t->len, r->fwork, &m) == 1 &&
					(m.kind == MP_MUSCLE || m.kind == MP_GROUP))
				{
					t->fuzzy = (uint8_t) (1 + m.kind);
					t->flags = F_MUS;
				}
			}
			/* "lidocain 1% 5ml": a misspelt drug name */
			if (!t->fuzzy && t->type == T_WORD && t->len >= DRUG_FUZZY_MIN - 1)
			{
				int			d = drug_fuzzy(r->v, w, t->len);

				if (d >= 0 && d < INT16_MAX)
				{
					t->fdrug = (int16_t) (d + 1);
					t->flags = F_DRUG;
					t->drugw = 1;
				}
			}
			continue;
		}
		t->flags = vw->flags;
		t->mod = vw->mod;
		if (vw->mod >= MOD_ERROR && !(vw->flags & F_MOD))
			r->marked = true;
		t->musw = vw->mus_words;
		t->drugw = vw->drug_words;
		/*
		 * "3 points along the infraspinous fossa", "the supraspinous fossa":
		 * a hollow of the bone named after its muscle is a landmark
		 */
		if ((t->flags & F_MUS) && t->musw == 1 &&
			(tok_is(r, i + 1, "fossa") || tok_is(r, i + 1, "fossae")))
		{
			t->flags = F_LOC;
			t->musw = 0;
		}
	}
}

/*
 * A '.' right after a side abbreviation ("R.", "rt.", "bilat.") or a title
 * ("Dr.") ends no sentence: "R. upper trapezius" is one muscle.
 */
/*
 * "R ant scalene", "post deltoid": a part word abbreviated before a muscle
 * word starts a muscle run (muscle_at() writes it out).
 */
static void
mark_abbreviated_parts(Reader *r)
{
	size_t		i;

	for (i = 0; i + 1 < r->nt; i++)
	{
		NTok	   *t = &r->t[i];

		if (!(tok_is(r, i, "ant") || tok_is(r, i, "post")) ||
			r->t[i + 1].type != T_WORD || !(r->t[i + 1].flags & F_MUS) ||
			r->t[i + 1].fuzzy)
			continue;
		t->flags |= F_MUS;
		if (t->musw < 255 && t->musw <= r->t[i + 1].musw)
			t->musw = (uint8_t) (r->t[i + 1].musw < 254 ? r->t[i + 1].musw + 1 : 255);
	}
}

static void
mark_abbreviations(Reader *r)
{
	size_t		i;

	for (i = 1; i < r->nt; i++)
	{
		const NTok *p = &r->t[i - 1];

		if (!punct_is(r, i, '.') || p->type != T_WORD ||
			p->start + p->len != r->t[i].start)
			continue;
		if ((p->wclass == MP_WORD_SIDE && p->len <= 5) ||
			tok_is(r, i - 1, "dr") || tok_is(r, i - 1, "mr") ||
			tok_is(r, i - 1, "ms") || tok_is(r, i - 1, "mrs") ||
			tok_is(r, i - 1, "approx") || tok_is(r, i - 1, "vs") ||
		/* "m. trapezius", "mm. rhomboidei": musculus before its name */
			((tok_is(r, i - 1, "m") || tok_is(r, i - 1, "mm")) &&
			 i + 1 < r->nt && (r->t[i + 1].flags & F_MUS)))
			r->t[i].abbr = 1;
	}
}

/* A number: digits, or a number word one .. twenty. */
static int
number_at(const Reader *r, size_t i)
{
	static const char *const words[] = {"zero", "one", "two", "three", "four",
		"five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
		"thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
	"eighteen", "nineteen", "twenty"};
	int			k;

	if (i >= r->nt)
		return -1;
	if (r->t[i].type == T_NUM)
	{
		/* a pure number only: not 40mg, not 0.5 */
		size_t		j;

		for (j = 0; j < r->t[i].len; j++)
			if (!is_digit((unsigned char) r->low[r->t[i].start + j]))
				return -1;
		return r->t[i].num;
	}
	if (r->t[i].type != T_WORD || r->t[i].len < 3 || r->t[i].len > 9 ||
		!strchr("eftnsotw", r->low[r->t[i].start]))
		return -1;
	for (k = 1; k <= 20; k++)
		if (words[k][0] == r->low[r->t[i].start] && tok_is_s(r, i, words[k]))
			return k;
	return -1;
}

/* "x4", "x 4", "×4": a count; returns it and sets *next past it. */
static int
times_at(const Reader *r, size_t i, size_t *next)
{
	const char *w;
	size_t		j;
	int			n = 0;

	if (i >= r->nt || r->t[i].type != T_WORD)
		return -1;
	w = r->low + r->t[i].start;
	if (w[0] != 'x')
		return -1;
	if (r->t[i].len == 1)
	{
		n = number_at(r, i + 1);
		if (n >= 0)
			*next = i + 2;
		return n;
	}
	for (j = 1; j < r->t[i].len; j++)
	{
		if (!is_digit((unsigned char) w[j]) || n > 100000)
			return -1;
		n = n * 10 + (w[j] - '0');
	}
	*next = i + 1;
	return n;
}

/* ------------------------------------------------------------------------
 * Sections and sentences
 * ------------------------------------------------------------------------
 */
/* A word of a treatment other than injecting: "Manual therapy", "STM". */
static bool
other_treatment(const Reader *r, size_t i)
{
	static const char *const words[] = {"manual", "therapeutic", "therex",
		"mobilization", "mobilisation", "manipulation", "stm", "cmt",
		"adjustment", "adjustments", "traction", "modalities", "estim",
	"taping", "cupping", "neuromuscular", NULL};
	int			k;

	if (r->t[i].type != T_WORD)
		return false;
	for (k = 0; words[k]; k++)
		if (tok_is_s(r, i, words[k]))
			return true;
	/* "Ther-ex", "E-stim" */
	return (tok_is(r, i, "ther") && punct_is(r, i + 1, '-') && tok_is(r, i + 2, "ex")) ||
		(tok_is(r, i, "e") && punct_is(r, i + 1, '-') && tok_is(r, i + 2, "stim"));
}

static int
section_of(const Reader *r, size_t from, size_t to, int current)
{
	uint32_t	f = 0;
	size_t		i;
	bool		any_injected = false,
				found = false,
				seen = false;

	for (i = from; i < to; i++)
	{
		f |= r->t[i].flags;
		if (r->t[i].flags & F_INJ)
			any_injected = true;
		/* "Identified trigger points:", "Findings:" */
		if (tok_is(r, i, "identified") || tok_is(r, i, "found") ||
			tok_is(r, i, "palpated") || tok_is(r, i, "findings"))
			found = true;
		/*
		 * "Muscles examined:", "Active trigger points:", "Latent trigger
		 * points:" list findings, not the muscles injected (212); other,
		 * not exam, so that a procedure that names no muscle ("TPIs
		 * performed") still injects them, as before
		 */
		if (tok_is(r, i, "examined") || tok_is(r, i, "active") ||
			tok_is(r, i, "latent"))
			seen = true;
		if (tok_is(r, i, "follow") || tok_is(r, i, "post"))
			f |= F_SEC_PLAN;
	}
	if (f & F_SEC_PLAN)
		return SEC_PLAN;
	if (f & F_HIST)
		return SEC_HIST;
	if (f & F_SEC_MEDS)
		return SEC_MEDS;
	if (f & F_SEC_HIST)
		return SEC_HIST;
	if ((f & F_SEC_EXAM) || (found && !any_injected && !(f & F_DONE)))
		return SEC_EXAM;
	if ((f & F_SEC_OTHER) || (seen && !any_injected && !(f & F_DONE)))
		return SEC_OTHER;
	if ((f & F_SEC_PROC) || any_injected || (f & (F_TPW | F_MOD | F_DRY)))
		return SEC_PROC;
	/*
	 * "97140 Manual therapy x 10 min: STM L ITB/TFL" after the needling:
	 * another treatment of the visit, not more of the procedure
	 */
	if (f & (F_CONS | F_HEAT))
		return SEC_OTHER;
	for (i = from; i < to; i++)
		if (other_treatment(r, i))
			return SEC_OTHER;
	/* a header the reader does not know keeps a procedure section going */
	return current == SEC_PROC ? SEC_PROC : SEC_OTHER;
}

static bool clause_end(const Reader *r, size_t i);

/* Does token i name a visit ("last visit", "next appointment")? */
static bool
visit_word(const Reader *r, size_t i)
{
	return tok_is(r, i, "visit") || tok_is(r, i, "visits") ||
		tok_is(r, i, "appointment") || tok_is(r, i, "session") ||
		tok_is(r, i, "time") || tok_is(r, i, "injection") ||
		tok_is(r, i, "injections") || tok_is(r, i, "tpi") ||
		tok_is(r, i, "tpis") || tok_is(r, i, "procedure") ||
		tok_is(r, i, "needling");
}

/*
 * The token after "trigger point(s)" or "dry" at i, else i: "last trigger
 * point injection" is a last injection like "last injection".
 */
static size_t
past_tp_words(const Reader *r, size_t i)
{
	if (tok_is(r, i, "trigger"))
		i++;
	if (tok_is(r, i, "point") || tok_is(r, i, "points"))
		i++;
	if (tok_is(r, i, "dry"))
		i++;
	return i;
}

/* A word about injecting or what is injected: "TPI", "muscles", "sites" */
static bool
injecting_word(const Reader *r, size_t i)
{
	return (r->t[i].flags & (F_INJ | F_DONE | F_TPW)) || tok_is(r, i, "trigger") ||
		tok_is(r, i, "muscles") || tok_is(r, i, "muscle");
}

/*
 * A label that says what follows was not done now, SEC_NONE if not one:
 * a negation ("Not injected:", "Deferred:", "Declined:") is SEC_NEG; an
 * earlier visit ("Last visit:", "Prior injections:") SEC_HIST; a later
 * one ("Next visit:", "Plan for next visit:") SEC_LATER.  These come
 * before section_of(), which reads "injected" and "muscles" as a procedure
 * section and "plan" as the plan after today's procedure.
 */
static int
label_kind(const Reader *r, size_t from, size_t to)
{
	size_t		i;
	int			kind = SEC_NONE;

	size_t		first = to;

	for (i = from; i < to; i++)
	{
		if (r->t[i].type != T_WORD)
			continue;
		if (first == to)
			first = i;

		/*
		 * A negation that opens the label or stands next to a word of
		 * injecting: "Not injected:", "Muscles not injected:", "TPI
		 * deferred:", not "Procedure (no imaging):".  "No. of trigger
		 * points:" is a number.
		 */
		if ((r->t[i].flags & (F_NEGPRE | F_NEGPOST | F_NOT)) &&
			!(tok_is(r, i, "no") && (punct_is(r, i + 1, '.') || punct_is(r, i + 1, '#'))) &&
			(i == first || (i > from && injecting_word(r, i - 1)) ||
			 (i + 1 < to && injecting_word(r, i + 1))))
			return SEC_NEG;
		if ((tok_is(r, i, "last") || (r->t[i].flags & F_HIST)) &&
			visit_word(r, past_tp_words(r, i + 1)))
			kind = SEC_HIST;
		/*
		 * "Planned procedure:" and "Scheduled injections:" head many a
		 * template of today's procedure: only a later visit is later
		 */
		if ((tok_is(r, i, "next") &&
			 (visit_word(r, i + 1) || tok_is(r, i + 1, "week") ||
			  tok_is(r, i + 1, "month"))) ||
			((r->t[i].flags & F_FUTURE) &&
			 (tok_is(r, i + 1, "visit") || tok_is(r, i + 1, "visits") ||
			  tok_is(r, i + 1, "appointment") || tok_is(r, i + 1, "session"))))
			kind = SEC_LATER;
	}
	return kind;
}

/* A subject that opens a clause: "the patient", "he", "she", "there were". */
static bool
subject_at(const Reader *r, size_t j)
{
	return (tok_is(r, j, "the") && tok_is(r, j + 1, "patient")) ||
		tok_is(r, j, "he") || tok_is(r, j, "she") || tok_is(r, j, "we") ||
		(tok_is(r, j, "there") && (tok_is(r, j + 1, "was") || tok_is(r, j + 1, "were") ||
								   tok_is(r, j + 1, "is") || tok_is(r, j + 1, "are"))) ||
	/* "... relief on exam there are taut bands ... after verbal consent the skin" */
		(tok_is(r, j, "on") && (tok_is(r, j + 1, "exam") || tok_is(r, j + 1, "examination"))) ||
		(tok_is(r, j, "after") && (tok_is(r, j + 1, "consent") ||
								   (tok_is(r, j + 2, "consent") &&
									(tok_is(r, j + 1, "verbal") || tok_is(r, j + 1, "informed") ||
									 tok_is(r, j + 1, "written") || tok_is(r, j + 1, "obtaining")))));
}

/*
 * The letters of a SOAP note as labels of their lines, "S:", "O:", "A:",
 * end a procedure section that a title opened ("TPI note / S: ... / O:
 * active TrPs R levator ..."): SEC_OTHER, else SEC_NONE.  Not exam or
 * history: when the procedure names no muscle ("P: TPIs performed
 * today"), the trigger points found under "O:" are still the ones
 * injected, as before.  "P:" is left to section_of(): a SOAP note's plan is
 * where it tells the procedure done at the visit ("P: TPI to R>L
 * trapezius with ...").  Not "O: 98%" among the vitals.
 */
static int
soap_label(const Reader *r, size_t ls, size_t hend, size_t le)
{
	size_t		w = ls;
	char		c;

	while (w < hend && r->t[w].type == T_PUNCT)
		w++;
	if (w + 1 != hend || r->t[w].type != T_WORD || r->t[w].len != 1 ||
		(hend + 1 < le && r->t[hend + 1].type == T_NUM))
		return SEC_NONE;
	c = r->low[r->t[w].start];
	return c == 's' || c == 'o' || c == 'a' ? SEC_OTHER : SEC_NONE;
}

/* A title: no punctuation of a sentence or a list on the line. */
static bool
title_line(const Reader *r, size_t ls, size_t le)
{
	size_t		k;

	for (k = ls; k < le; k++)
		if (r->t[k].type == T_PUNCT && strchr(".,;:!?()", r->raw[r->t[k].start]))
			return false;
	return true;
}

/*
 * A banner line: a text between runs of two or more dashes, equals signs
 * or asterisks ("--- end of copied text ---", "=== PRIOR NOTE ===").
 */
static bool
banner_line(const Reader *r, size_t ls, size_t le)
{
	size_t		a = ls,
				b = le;
	char		c;
	bool		word = false;

	if (le - ls < 5 || r->t[ls].type != T_PUNCT)
		return false;
	c = r->raw[r->t[ls].start];
	if (c != '-' && c != '=' && c != '*')
		return false;
	while (a < le && punct_is(r, a, c))
		a++;
	while (b > a && punct_is(r, b - 1, c))
		b--;
	if (a - ls < 2 || le - b < 2)
		return false;
	for (; a < b; a++)
		if (r->t[a].type == T_WORD)
			word = true;
	return word;
}

/*
 * Lines that open with up to six words and a colon, or are all capitals,
 * are headers; a header naming a muscle is a table row, not a header.
 * A label of label_kind() with text after it on its line governs that
 * line only ("Not injected: left deltoid" in a list of muscles injected);
 * alone on its line it opens a section like any header.
 */
static void
sections_and_sentences(Reader *r)
{
	size_t		i = 0;
	int			section = SEC_NONE;
	uint32_t	sent = 0;
	bool		copied = false; /* inside a banner of an earlier note */

	r->s[0].flags = 0;
	r->s[0].section = SEC_NONE;
	while (i < r->nt)
	{
		size_t		ls = i,
					le,
					j,
					k,
					words = 0,
					colon = 0;
		bool		allcaps = true,
					muscle = false,
					negated = false,
					dictation;
		int			line_section;

		le = ls;
		while (le < r->nt && r->t[le].type != T_NL)
			le++;
		/* skip bullets */
		j = ls;
		while (j < le && (r->t[j].type == T_PUNCT ||
						  (r->t[j].type == T_NUM && punct_is(r, j + 1, '.'))))
			j++;
		for (; j < le && words <= 6; j++)
		{
			if (r->t[j].type == T_PUNCT)
			{
				if (r->raw[r->t[j].start] == ':')
				{
					colon = j;
					break;
				}
				continue;
			}
			if (r->t[j].flags & F_MUS)
				muscle = true;
			if (r->t[j].flags & (F_NEGPRE | F_NEGPOST | F_NOT))
				negated = true;
			if (!r->t[j].upper)
				allcaps = false;
			words++;
		}
		/*
		 * "--- Previous procedure note (07/08/2025), copied for reference
		 * ---": a banner line heads what follows up to the next banner;
		 * the text an earlier visit's note left there stays that visit's,
		 * its own headers too
		 */
		if (banner_line(r, ls, le))
		{
			int			label = label_kind(r, ls, le);

			copied = label == SEC_HIST;
			section = line_section = copied ? SEC_HIST : section_of(r, ls, le, section);
			for (k = ls; k < le; k++)
				r->t[k].header = 1;
		}
		else if (copied)
			line_section = SEC_HIST;
		/*
		 * "TPI DEFERRED TODAY" is a sentence in capitals, not a header;
		 * the note's title is one ("Procedure note - trigger point
		 * injection": its first line, a few words and no punctuation of a
		 * sentence)
		 */
		else if (!muscle && words > 0 &&
				 (colon > 0 || (allcaps && j == le && words <= 5 && !negated) ||
				  (sent == 0 && r->s[0].flags == 0 && j == le && !negated &&
				   title_line(r, ls, le))))
		{
			size_t		hend = colon > 0 ? colon : le;
			int			label = label_kind(r, ls, hend),
						soap = soap_label(r, ls, hend, le);

			if (label == SEC_NONE)
				section = line_section = soap != SEC_NONE ? soap :
					section_of(r, ls, hend, section);
			else if (hend + 1 < le)
				line_section = label;
			else
				section = line_section = label;
			for (k = ls; k <= hend && k < le; k++)
				r->t[k].header = 1;
		}
		else
		{
			line_section = section;

			/*
			 * "Trigger point injections to the following muscles:" -- a
			 * longer line than a header's that ends in a colon opens a list
			 * of what it tells, as a procedure header does; not when it
			 * negates, or speaks of earlier or later
			 */
			if (le > ls && punct_is(r, le - 1, ':'))
			{
				bool		cue = false;

				for (k = ls; k < le; k++)
					if (r->t[k].flags & (F_NEGPRE | F_NEGPOST | F_NOT | F_FUTURE))
						cue = true;
				if (!cue && section_of(r, ls, le, section) == SEC_PROC)
					section = SEC_PROC;
			}
		}
		/* sentences in the line */
		if (r->s[sent].flags != 0 || ls > 0)
		{
			sent++;
			r->s[sent].flags = 0;
		}
		r->s[sent].section = (uint8_t) line_section;
		words = 0;
		dictation = false;
		for (j = ls; j < le; j++)
		{
			NTok	   *t = &r->t[j];

			/*
			 * "... were injected with 6 mL of 0.5 percent bupivacaine the
			 * patient tolerated the procedure well there were no
			 * complications he will follow up in 4 weeks": dictation
			 * without punctuation.  A run of many words with no end of
			 * sentence starts a new one where a subject opens a clause,
			 * so that "will" or "no" does not reach the whole note.
			 */
			if (t->type == T_WORD && words >= (dictation ? 3 : 20) &&
				subject_at(r, j))
			{
				dictation = true;	/* once a line is seen to be one */
				sent++;
				r->s[sent].flags = 0;
				r->s[sent].section = (uint8_t) line_section;
				words = 0;
			}
			if (t->type == T_WORD || t->type == T_NUM)
				words++;
			t->sent = sent;
			if (t->type == T_PUNCT)
			{
				char		c = r->raw[t->start];

				if ((c == '.' || c == '!' || c == '?' || c == ';') && j + 1 < le &&
					!t->abbr)
				{
					sent++;
					r->s[sent].flags = 0;
					r->s[sent].section = (uint8_t) line_section;
					words = 0;
				}
			}
		}
		if (le < r->nt)
			r->t[le].sent = sent;
		i = le + 1;
	}
	r->ns = sent + 1;
}

/*
 * The side token i (a side word) gives the injection itself, not one
 * muscle: "Bilateral trigger point injections were performed in ...",
 * "bilateral TPIs", "performed bilaterally in the ...".  AAPC counts
 * "bilateral TPIs in the trapezius and levator" as four muscles, so the
 * sentence's side-less entries take it (SPEC section 12).  A side of a
 * symptom ("bilateral neck pain") or one that opens a muscle's name
 * ("injected left trapezius") is none: MP_SIDE_NONE.
 */
static MpSide
injection_side(const Reader *r, size_t i)
{
	const NTok *t = &r->t[i];
	size_t		j = i + 1;
	MpSide		side;

	if (t->len == 1 && r->low[t->start] == 'b')
	{
		side = MP_SIDE_BILATERAL;	/* "b/l" */
		j = i + 3;
	}
	else
		side = mp_side_of_word(r->low + t->start, t->len);
	if (side == MP_SIDE_NONE)
		return MP_SIDE_NONE;
	/* "On the right, the upper trapezius ... and the levator scapulae" */
	if (i >= 2 && tok_is(r, i - 1, "the") && tok_is(r, i - 2, "on") &&
		(i == 2 || r->t[i - 3].sent != t->sent || r->t[i - 3].type == T_NL) &&
		(punct_is(r, j, ',') || (tok_is(r, j, "side") && punct_is(r, j + 1, ','))))
		return side;
	/* before the injection: "bilateral trigger point injections", "R TPI" */
	if (tok_is(r, j, "trigger") &&
		(tok_is(r, j + 1, "point") || tok_is(r, j + 1, "points")))
		j += 2;
	if (tok_is(r, j, "injection") || tok_is(r, j, "injections") ||
		tok_is(r, j, "tpi") || tok_is(r, j, "tpis"))
		return side;
	/*
	 * right after the verb, naming no muscle: "performed bilaterally in",
	 * and where trigger points were found: "noted bilaterally in the
	 * lumbar paraspinal musculature"
	 */
	if (i > 0 && r->t[i - 1].type == T_WORD &&
		((r->t[i - 1].flags & F_DONE) || tok_is(r, i - 1, "noted") ||
		 tok_is(r, i - 1, "found") || tok_is(r, i - 1, "identified") ||
		 tok_is(r, i - 1, "palpated") || tok_is(r, i - 1, "appreciated") ||
		 tok_is(r, i - 1, "present") || tok_is(r, i - 1, "located")) &&
		!(j < r->nt && ((r->t[j].flags & F_MUS) ||
						(r->t[j].type == T_WORD &&
						 (r->t[j].wclass == MP_WORD_PART ||
						  r->t[j].wclass == MP_WORD_SIDE)))))
		return side;
	return MP_SIDE_NONE;
}

/*
 * A field label of the procedure at token i: "Site:", "Sites:", "Trigger
 * points:", "Muscles:", "Location:".
 */
static bool
inline_field(const Reader *r, size_t i)
{
	if (tok_is(r, i, "trigger"))
		i++;
	return i < r->nt && punct_is(r, i + 1, ':') &&
		((r->t[i].flags & F_TPW) || tok_is(r, i, "muscle") ||
		 tok_is(r, i, "muscles") || tok_is(r, i, "location") ||
		 tok_is(r, i, "locations"));
}

/* Sentence flags from cue words (headers' words do not count). */
/*
 * The label word a line opens with ("Planned:", "Performed procedure:"),
 * past bullets; the line's end in *le.  Returns the word's token, or SIZE_MAX
 * when the line has no such label.
 */
static size_t
line_label(const Reader *r, size_t ls, size_t *le)
{
	size_t		i = ls,
				e = ls;

	while (e < r->nt && r->t[e].type != T_NL)
		e++;
	*le = e;
	while (i < e && r->t[i].type == T_PUNCT)
		i++;
	if (i >= e || r->t[i].type != T_WORD)
		return SIZE_MAX;
	if (punct_is(r, i + 1, ':') ||
		(tok_is(r, i + 1, "procedure") && punct_is(r, i + 2, ':')))
		return i;
	/* "Procedure performed:" */
	if (tok_is(r, i, "procedure") && i + 1 < e && r->t[i + 1].type == T_WORD &&
		punct_is(r, i + 2, ':'))
		return i + 1;
	return SIZE_MAX;
}

/*
 * "Planned: bilateral upper trapezius and levator scapulae ... Performed: R
 * upper trapezius and R levator scapulae only": when a line labelled
 * performed names muscles, a line labelled planned tells what was meant,
 * not what was done.  A performed line that names none ("Procedure
 * performed: as planned") leaves the planned one alone.
 */
static void
planned_and_performed(Reader *r)
{
	size_t		ls,
				le,
				w,
				k;
	bool		performed = false;

	for (ls = 0; ls < r->nt; ls = le + 1)
	{
		w = line_label(r, ls, &le);
		if (w == SIZE_MAX || !(tok_is(r, w, "performed") ||
							   tok_is(r, w, "completed") ||
							   tok_is(r, w, "actual")))
			continue;
		for (k = w + 1; k < le; k++)
			if ((r->t[k].flags & F_MUS) && !r->t[k].neg)
				performed = true;
	}
	if (!performed)
		return;
	for (ls = 0; ls < r->nt; ls = le + 1)
	{
		w = line_label(r, ls, &le);
		if (w == SIZE_MAX || !(tok_is(r, w, "planned") ||
							   tok_is(r, w, "intended") ||
							   tok_is(r, w, "proposed")))
			continue;
		for (k = w; k < le; k++)
			r->s[r->t[k].sent].section = SEC_LATER;
	}
}

/* A month's name written out ("January"; "May" only with a capital). */
static bool
month_word(const Reader *r, size_t i)
{
	static const char *const months[] = {
		"january", "february", "march", "april", "june", "july", "august",
		"september", "october", "november", "december"
	};
	size_t		k;

	if (r->t[i].type != T_WORD)
		return false;
	for (k = 0; k < sizeof(months) / sizeof(months[0]); k++)
		if (tok_is_s(r, i, months[k]))
			return true;
	return tok_is(r, i, "may") && r->raw[r->t[i].start] == 'M';
}

static void
sentence_flags(Reader *r)
{
	size_t		i;

	for (i = 0; i < r->nt; i++)
	{
		NTok	   *t = &r->t[i];
		NSent	   *s = &r->s[t->sent];

		s->cues |= t->flags;
		if (t->header)
			s->flags |= S_HEADER;
		if (t->header || t->type != T_WORD)
			continue;
		if ((tok_is(r, i, "trigger") &&
			 (tok_is(r, i + 1, "point") || tok_is(r, i + 1, "points"))) ||
			tok_is(r, i, "tps") || tok_is(r, i, "trps"))
			s->flags |= S_TPT;
		if (t->flags & F_HIST)
		{
			/* "prior to" is procedure text; "past" needs "in the" */
			if (!(tok_is(r, i, "prior") && tok_is(r, i + 1, "to")) &&
				!(tok_is(r, i, "past") && !(i >= 1 && tok_is(r, i - 1, "the"))))
				s->flags |= S_HIST;
		}
		if (tok_is(r, i, "last") &&
			(visit_word(r, past_tp_words(r, i + 1)) ||
			 tok_is(r, i + 1, "week") || tok_is(r, i + 1, "month") ||
			 tok_is(r, i + 1, "year")))
			s->flags |= S_HIST;
		/*
		 * "worse since the last trigger point injection", "better since
		 * her second injection": what a sentence tells since an injection
		 * happened after an earlier one, not in this procedure
		 */
		if (tok_is(r, i, "since"))
		{
			size_t		k;

			for (k = i + 1; k < r->nt && k < i + 6 && !clause_end(r, k); k++)
				if (r->t[k].flags & F_INJ)
				{
					s->flags |= S_HIST;
					break;
				}
		}
		/* "Next, the left levator was injected" tells the order, not later */
		if ((tok_is(r, i, "next") && !punct_is(r, i + 1, ',')) ||
			(tok_is(r, i, "plan") && tok_is(r, i + 1, "to")) ||
			(tok_is(r, i, "return") && tok_is(r, i + 1, "for")))
			s->flags |= S_FUTURE;
		if (t->flags & F_FUTURE)
			s->flags |= S_FUTURE;
		if (t->flags & F_TODAY)
			s->flags |= S_TODAY;
		if (t->flags & F_INJ)
			s->flags |= S_INJ;
		/*
		 * "... at bedside. Site: right rhomboid major, 1 point": a field of
		 * the procedure (sites, trigger points, muscles) that opens a
		 * sentence within a line tells what was injected, as its header
		 * would at the start of a line
		 */
		if ((i == 0 || r->t[i - 1].sent != t->sent) &&
			inline_field(r, i))
			s->flags |= S_INJ;
		if (t->flags & F_DONE)
			s->flags |= S_DONE;
		if (t->wclass == MP_WORD_SIDE)
			s->injside |= (uint8_t) injection_side(r, i);
	}

	planned_and_performed(r);

	/*
	 * "She had a left sacroiliac joint injection in January": a month named
	 * after "in" dates what the sentence tells to another visit, earlier
	 * unless the sentence speaks of later ("repeat in March")
	 */
	for (i = 0; i + 1 < r->nt; i++)
		if (tok_is(r, i, "in") && month_word(r, i + 1) &&
			!(r->s[r->t[i].sent].flags & (S_FUTURE | S_TODAY)))
			r->s[r->t[i].sent].flags |= S_HIST;

	/*
	 * "Assessment/Plan: TPIs performed today ... 4 TPs. 2% lidocaine 4 mL.":
	 * once a plan section tells of the procedure done, its later sentences
	 * without a cue of later or earlier are about it too.
	 */
	{
		uint32_t	k;
		bool		told = false;

		for (k = 0; k < r->ns; k++)
		{
			NSent	   *s = &r->s[k];

			if (s->section != SEC_PLAN)
			{
				told = false;
				continue;
			}
			if ((s->flags & (S_DONE | S_TODAY)) && !(s->flags & (S_FUTURE | S_HIST)))
				told = true;
			else if (told && !(s->flags & (S_FUTURE | S_HIST)))
				s->flags |= S_CURRENT;
		}
	}
}

static size_t muscle_at(Reader *r, size_t i, MpKind *kind);

/*
 * A field of where at line start, "Location:", "Anatomic location:",
 * "Site:": the token after its colon, else 0.
 */
static size_t
location_field(const Reader *r, size_t i)
{
	size_t		k;

	for (k = i; k < i + 3 && k < r->nt && r->t[k].type == T_WORD; k++)
		if ((tok_is(r, k, "location") || tok_is(r, k, "site") ||
			 tok_is(r, k, "area")) && punct_is(r, k + 1, ':'))
			return k + 2;
	return 0;
}

/*
 * "Laterality: Right" above the muscles of a template ("Muscles: upper
 * trapezius; levator scapulae"): a Side field before any muscle of the
 * note is the side of the injection for the side-less muscles after it,
 * up to a blank line.  (A Side field after a muscle is that record's:
 * side_field.)
 */
static bool empty_box(const Reader *r, size_t i);
static bool ticked_box(const Reader *r, size_t i);

static void
side_fields(Reader *r)
{
	size_t		i;
	uint8_t		side = MP_SIDE_NONE;

	for (i = 0; i < r->nt; i++)
	{
		const NTok *t = &r->t[i];
		size_t		v;

		if (t->flags & F_MUS)
		{
			MpKind		kind = MP_REGION;

			/* a region ("Document subject: TPI lumbar") names no muscle */
			if (muscle_at(r, i, &kind) > 0 && kind != MP_REGION)
				break;
		}
		if (t->type == T_NL && i + 1 < r->nt && r->t[i + 1].type == T_NL)
			side = MP_SIDE_NONE;
		if ((i == 0 || r->t[i - 1].type == T_NL) &&
			(tok_is(r, i, "side") || tok_is(r, i, "sides") ||
			 tok_is(r, i, "laterality")) && punct_is(r, i + 1, ':'))
		{
			size_t		k;
			uint8_t		got = MP_SIDE_NONE;

			for (k = i + 2; k < r->nt && r->t[k].type != T_NL; k++)
			{
				/* "Side: [X] Right [ ] Left [ ] Bilateral": the ticked one */
				if (ticked_box(r, k))
				{
					k += 2;
					continue;
				}
				if (empty_box(r, k))
				{
					k++;
					if (k + 1 < r->nt && r->t[k + 1].type == T_WORD &&
						r->t[k + 1].wclass == MP_WORD_SIDE)
						k++;
					continue;
				}
				if (r->t[k].type == T_WORD && r->t[k].wclass == MP_WORD_SIDE)
					got |= (uint8_t) mp_side_of_word(r->low + r->t[k].start,
													 r->t[k].len);
				else if (!punct_is(r, k, '/') && !punct_is(r, k, ','))
					break;
			}
			if (k < r->nt && r->t[k].type != T_NL)
				got = MP_SIDE_NONE;
			side = got;
			i = k > i ? k - 1 : i;
			continue;
		}

		/*
		 * "Anatomic location: lumbar, bilateral": a location field of an
		 * area and a side, no muscle, is a side field too (Cerner)
		 */
		if ((i == 0 || r->t[i - 1].type == T_NL) &&
			(v = location_field(r, i)) > 0)
		{
			size_t		k;
			uint8_t		got = MP_SIDE_NONE;
			bool		names = false;

			for (k = v; k < r->nt && r->t[k].type != T_NL; k++)
			{
				MpKind		kind = MP_REGION;

				if (r->t[k].type == T_WORD && r->t[k].wclass == MP_WORD_SIDE)
					got |= (uint8_t) mp_side_of_word(r->low + r->t[k].start,
													 r->t[k].len);
				else if ((r->t[k].flags & F_MUS) && muscle_at(r, k, &kind) > 0 &&
						 kind != MP_REGION)
					names = true;
			}
			if (got != MP_SIDE_NONE && !names)
			{
				side = got;
				i = k > i ? k - 1 : i;
				continue;
			}
		}
		if (side != MP_SIDE_NONE)
			r->s[t->sent].injside |= side;
	}
	/* the field's side reaches the muscles after it, to the blank line */
	if (side != MP_SIDE_NONE)
	{
		for (; i < r->nt; i++)
		{
			if (r->t[i].type == T_NL && i + 1 < r->nt && r->t[i + 1].type == T_NL)
				break;
			r->s[r->t[i].sent].injside |= side;
		}
	}
}

/* A sentence that says a procedure was done, or sits in its section. */
static bool
done_here(const Reader *r, uint32_t sent)
{
	return (r->s[sent].flags & S_DONE) || r->s[sent].section == SEC_PROC;
}

/* A sentence about now: not history, not a plan for later. */
static bool
sent_current(const Reader *r, uint32_t sent)
{
	const NSent *s = &r->s[sent];

	/* "Not injected: ... today", "Next visit: ..." */
	if (s->section == SEC_NEG || s->section == SEC_LATER)
		return false;
	if (s->flags & S_TODAY)
		return !(s->section == SEC_HIST && (s->flags & S_HIST));
	if (s->flags & (S_HIST | S_FUTURE))
		return false;
	if (s->section == SEC_HIST)
		return false;
	if (s->section == SEC_PLAN)
		return (s->flags & (S_DONE | S_CURRENT)) != 0;
	return true;
}

static bool
clause_end(const Reader *r, size_t i)
{
	const NTok *t = &r->t[i];

	if (t->type == T_NL)
		return true;
	if (t->type == T_PUNCT)
	{
		char		c = r->raw[t->start];

		return (c == '.' && !t->abbr) || c == '!' || c == '?' || c == ';' ||
			c == ':' || c == ',';
	}
	return (t->flags & F_STOP) != 0;
}

/* Is token i a "not" that goes with a verb of injecting (not injected)? */
static bool
not_before_verb(const Reader *r, size_t i)
{
	size_t		j;

	for (j = i + 1; j < r->nt && j <= i + 3; j++)
	{
		if (r->t[j].flags & (F_DONE | F_INJ))
			return true;
		if (tok_is(r, j, "used") || tok_is(r, j, "utilized") ||
			tok_is(r, j, "addressed") || tok_is(r, j, "today"))
			return true;
		if (clause_end(r, j))
			return false;
	}
	return false;
}

/* Does token i name a substance injected, not a muscle ("steroid")? */
static bool
no_substance(const Reader *r, size_t i)
{
	return (i < r->nt && (r->t[i].flags & F_DRUG)) ||
		tok_is(r, i, "steroid") || tok_is(r, i, "steroids") ||
		tok_is(r, i, "corticosteroid") || tok_is(r, i, "injectate") ||
		tok_is(r, i, "medication") || tok_is(r, i, "medications") ||
		tok_is(r, i, "anesthetic") || tok_is(r, i, "anaesthetic") ||
		tok_is(r, i, "epinephrine") || tok_is(r, i, "substance") ||
		tok_is(r, i, "drug");
}

/* An empty check box at token i: "[ ]", "[]", "( )", "()". */
static bool
empty_box(const Reader *r, size_t i)
{
	return (punct_is(r, i, '[') && punct_is(r, i + 1, ']')) ||
		(punct_is(r, i, '(') && punct_is(r, i + 1, ')'));
}

/* A ticked check box at token i: "[x]", "(X)", "[*]". */
static bool
ticked_box(const Reader *r, size_t i)
{
	return (punct_is(r, i, '[') || punct_is(r, i, '(')) &&
		(tok_is(r, i + 1, "x") || punct_is(r, i + 1, '*')) &&
		(punct_is(r, i + 2, ']') || punct_is(r, i + 2, ')'));
}

/*
 * Is the line from token i a template field left blank ("Follow-up: ___",
 * "Muscles injected: ____") or answered no by its box ("Ultrasound
 * guidance: [ ] yes [x] no")?  Its label then says nothing was done.
 */
static bool
blank_field(const Reader *r, size_t i)
{
	size_t		k = i;
	size_t		blanks = 0;
	bool		words = false;

	/* a label is a few words ("Medication/dose:") */
	while (k < r->nt && k < i + 8 && r->t[k].type != T_NL && !punct_is(r, k, ':'))
		k++;
	if (!punct_is(r, k, ':') || k == i)
		return false;
	/*
	 * "US GUIDANCE: NO", "Ultrasound: none", "Fluoroscopy: N/A": a label
	 * of its own line (not "TPI to the right trapezius. Side effects:
	 * none.")
	 */
	{
		size_t		m = k + 1;
		int			said = 0;

		for (m = i; m < k; m++)
			if ((r->t[m].flags & F_MUS) || punct_is(r, m, '.'))
				said = -100;
		for (m = k + 1; m < r->nt && r->t[m].type != T_NL; m++)
		{
			if (tok_is(r, m, "no") || tok_is(r, m, "none") ||
				(tok_is(r, m, "n") && punct_is(r, m + 1, '/') && tok_is(r, m + 2, "a")))
				said++;
			else if (tok_is(r, m, "a") && punct_is(r, m - 1, '/'))
				continue;
			else if (r->t[m].type != T_PUNCT)
				break;
		}
		if (said == 1 && (m >= r->nt || r->t[m].type == T_NL))
			return true;
	}
	for (k++; k < r->nt && r->t[k].type != T_NL; k++)
	{
		/* "[x] no", "[X] None", "(X) no" */
		if (ticked_box(r, k) &&
			(tok_is(r, k + 3, "no") || tok_is(r, k + 3, "none")))
			return true;
		/* "___", and "***" where an EHR phrase was not filled in */
		if (punct_is(r, k, '_') || punct_is(r, k, '*'))
			blanks++;
		else if (r->t[k].type != T_PUNCT)
			words = true;
	}
	return blanks > 0 && !words;
}

/*
 * Negation scopes: forward to the end of the clause, backward to its
 * start.  Each token is marked at most once per direction: linear.
 */
static void
negation(Reader *r)
{
	size_t		i;
	bool		active = false;
	size_t		clause_start = 0;	/* after the last punctuation */
	size_t		stop_start = 0; /* after the last but/however ... */
	bool		muscle_since_stop = false;
	size_t		marked_to = 0;
	size_t		label_start = SIZE_MAX; /* of "Left deltoid:" before a colon */
	int			depth = 0;		/* of brackets */
	int			active_depth = 0;	/* where the forward trigger stood */

	for (i = 0; i < r->nt; i++)
	{
		NTok	   *t = &r->t[i];
		bool		back = false;

		/*
		 * "[ ] Levator scapulae R": an empty box leaves what it ticks
		 * undone, up to the next box of its line ("( ) Right levator
		 * scapulae  (X) Left levator scapulae"); "[x] Trapezius R" is done
		 */
		if ((t->type == T_PUNCT && empty_box(r, i)) ||
			((i == 0 || r->t[i - 1].type == T_NL) && blank_field(r, i)))
		{
			size_t		k;
			bool		box = empty_box(r, i);

			for (k = i; k < r->nt && r->t[k].type != T_NL &&
				 !(box && k > i + 1 && (empty_box(r, k) || ticked_box(r, k))); k++)
				r->t[k].neg |= NEG_FWD;
			i = k - 1;
			continue;
		}

		/*
		 * "(lidocaine only, no steroid) to right trapezius": a trigger in
		 * brackets is an aside; its scope ends where they close
		 */
		if (punct_is(r, i, '('))
			depth++;
		else if (punct_is(r, i, ')') && depth > 0)
		{
			depth--;
			if (active && depth < active_depth)
				active = false;
		}
		/* a sentence split from a dictation without punctuation ends a scope */
		if (i > 0 && t->sent != r->t[i - 1].sent && r->t[i - 1].type == T_WORD)
		{
			active = false;
			clause_start = stop_start = i;
			muscle_since_stop = false;
			label_start = SIZE_MAX;
		}
		if (clause_end(r, i))
		{
			active = false;
			if (t->type == T_WORD)
			{
				/* a conjunction: what follows may have its own subject */
				stop_start = i + 1;
				muscle_since_stop = false;
			}
			else
			{
				/* a row "Left deltoid: deferred" (a header is no row) */
				label_start = punct_is(r, i, ':') && !t->header ? clause_start : SIZE_MAX;
				clause_start = stop_start = i + 1;
				muscle_since_stop = false;
			}
			continue;
		}
		if (t->flags & F_MUS)
			muscle_since_stop = true;
		if (t->header)
			continue;
		if (active)
			t->neg |= NEG_FWD;
		/*
		 * "after negative aspiration 2 mL of bupivacaine was injected": a
		 * finding of the technique, no negation of what follows
		 */
		if (tok_is(r, i, "negative") &&
			(tok_is(r, i + 1, "aspiration") || tok_is(r, i + 1, "aspirate") ||
			 tok_is(r, i + 1, "aspirations")))
			continue;
		if ((t->flags & F_NEGPRE) && (tok_is(r, i, "no") || tok_is(r, i, "without")) &&
			no_substance(r, i + 1))
		{
			/*
			 * "no steroid", "without injectate": the drug is negated, not
			 * the muscles the sentence goes on to name
			 */
			r->t[i + 1].neg |= NEG_FWD;
			continue;
		}
		if (t->flags & (F_NOT | F_NEGPRE))
			active_depth = depth;
		if (t->flags & F_NOT)
		{
			if (not_before_verb(r, i))
				back = true;
			else
				active = true;
		}
		/* "skipped the L rhomboid and held off on the R SCM" */
		if ((t->flags & F_NEGPRE) || (tok_is(r, i, "held") && tok_is(r, i + 1, "off")))
			active = true;
		if (t->flags & F_NEGPOST)
			back = true;
		if (back)
		{
			/*
			 * Back to the clause's start; past a "but" only when no muscle
			 * follows it ("the gastrocnemius was examined but not
			 * injected", not "trapezius injected but levator deferred")
			 */
			size_t		from = muscle_since_stop ? stop_start : clause_start;
			size_t		stop,
						k;

			/*
			 * "Left deltoid: not injected", "Levator: was deferred": a
			 * trigger that is all a row says after its colon negates the
			 * row's name
			 */
			if (from == clause_start && label_start != SIZE_MAX)
			{
				for (k = from; k < i; k++)
					if (!tok_is(r, k, "was") && !tok_is(r, k, "were") &&
						!tok_is(r, k, "is") && !tok_is(r, k, "are"))
						break;
				if (k == i)
					from = label_start;
			}
			stop = from > marked_to ? from : marked_to;
			k = i;

			while (k > stop)
			{
				k--;
				r->t[k].neg |= NEG_BACK;
			}
			marked_to = i;
		}
	}
}

/* ------------------------------------------------------------------------
 * Muscles
 * ------------------------------------------------------------------------
 */
static bool
buf_reserve(Reader *r, size_t need)
{
	if (need <= r->bufsize)
		return true;
	r_free(r, r->buf);
	r->bufsize = need * 2 + 64;
	r->buf = r_alloc(r, r->bufsize);
	if (r->buf == NULL)
	{
		r->bufsize = 0;
		return false;
	}
	return true;
}

/*
 * "/s/", "/es/": a signature (VA CPRS writes "/es/" before the signer's
 * name), not the abbreviation ES of the erector spinae.
 */
static bool
slash_signature(const Reader *r, size_t i)
{
	return i > 0 && punct_is(r, i - 1, '/') && punct_is(r, i + 1, '/') &&
		(tok_is(r, i, "s") || tok_is(r, i, "es"));
}

/* The catalogue entry of the longest key starting at token i: its token
 * count, or 0. */
static size_t
muscle_at(Reader *r, size_t i, MpKind *kind)
{
	char		tmp[256];
	size_t		maxw = r->t[i].musw;
	size_t		best = 0;
	size_t		n,
				o = 0,
				j = i;

	if (!(r->t[i].flags & F_MUS) || slash_signature(r, i))
		return 0;
	if (r->t[i].fuzzy)
	{
		if (kind)
			*kind = (MpKind) (r->t[i].fuzzy - 1);
		return 1;
	}
	for (n = 1; n <= maxw && j < r->nt; n++, j++)
	{
		const NTok *t = &r->t[j];

		if (t->type == T_PUNCT && n > 1 && (r->raw[t->start] == '-' ||
											r->raw[t->start] == '.'))
		{
			n--;
			continue;			/* sterno-cleido-mastoid */
		}
		if ((t->type != T_WORD && t->type != T_NUM) || o + t->len + 10 > sizeof(tmp))
			break;
		if (o > 0)
			tmp[o++] = ' ';
		/* "R ant scalene": the part word written out, as mp_parse reads it */
		if (n == 1 && t->len == 3 && memcmp(r->low + t->start, "ant", 3) == 0)
		{
			memcpy(tmp + o, "anterior", 8);
			o += 8;
		}
		else if (n == 1 && t->len == 4 && memcmp(r->low + t->start, "post", 4) == 0)
		{
			memcpy(tmp + o, "posterior", 9);
			o += 9;
		}
		else
		{
			memcpy(tmp + o, r->low + t->start, t->len);
			o += t->len;
		}
		{
			int			e = mp_catalogue_lookup(r->v->cat, tmp, o);

			if (e >= 0)
			{
				best = j - i + 1;
				if (kind)
					*kind = mp_catalogue_entry(r->v->cat, e)->kind;
			}
		}
	}
	return best;
}

/* Does entry e name (after its side word, if any) s[0..len)? */
static bool
names(const char *e, const char *s, size_t len)
{
	size_t		el = strlen(e);

	if (strncmp(e, "right ", 6) == 0)
		e += 6, el -= 6;
	else if (strncmp(e, "left ", 5) == 0)
		e += 5, el -= 5;
	return el == len && memcmp(e, s, len) == 0;
}

/*
 * Keeps an entry once.  A muscle named again without its side ("2 in the
 * biceps femoris") is the one already read with a side.
 */
static bool
add_muscle(Reader *r, const char *s, size_t len, bool sided)
{
	int			k;
	char	   *c;
	const char *bare = s;
	size_t		barelen = len;

	for (k = 0; k < r->nmus; k++)
		if (strlen(r->mus[k]) == len && memcmp(r->mus[k], s, len) == 0)
			return true;
	if (sided)
	{
		bare = (const char *) memchr(s, ' ', len) + 1;
		barelen = len - (bare - s);
		/* a side-less entry of the same muscle gives way */
		for (k = 0; k < r->nmus; k++)
			if (strlen(r->mus[k]) == barelen &&
				memcmp(r->mus[k], bare, barelen) == 0)
			{
				r_free(r, r->mus[k]);
				memmove(&r->mus[k], &r->mus[k + 1],
						sizeof(char *) * (r->nmus - k - 1));
				r->nmus--;
				break;
			}
	}
	else
		for (k = 0; k < r->nmus; k++)
			if (names(r->mus[k], s, len))
				return true;
	if (r->nmus == r->capmus)
	{
		int			cap = r->capmus ? r->capmus * 2 : 16;
		char	  **m = r_alloc(r, sizeof(char *) * cap);

		if (m == NULL)
			return false;
		if (r->nmus)
			memcpy(m, r->mus, sizeof(char *) * r->nmus);
		r_free(r, r->mus);
		r->mus = m;
		r->capmus = cap;
	}
	c = r_alloc(r, len + 1);
	if (c == NULL)
		return false;
	memcpy(c, s, len);
	c[len] = '\0';
	r->mus[r->nmus++] = c;
	return true;
}

static void
emit_side(Reader *r, const char *side, const MpResult *m)
{
	char		tmp[300];
	size_t		o = 0;
	size_t		nl = m->namelen > 256 ? 256 : m->namelen;

	if (side)
	{
		o = strlen(side);
		memcpy(tmp, side, o);
		tmp[o++] = ' ';
	}
	memcpy(tmp + o, m->name, nl);
	if (r->retracting)
	{
		if (r->nretract < 8 && (r->retract[r->nretract] = r_alloc(r, o + nl + 1)) != NULL)
		{
			memcpy(r->retract[r->nretract], tmp, o + nl);
			r->retract[r->nretract++][o + nl] = '\0';
		}
		return;
	}
	add_muscle(r, tmp, o + nl, side != NULL);
	r->emitted++;
}

/* Is the word w[0..len) a word of key k[0..klen)? */
static bool
key_has_word(const char *k, size_t klen, const char *w, size_t len)
{
	size_t		i = 0;

	while (i < klen)
	{
		size_t		j = i;

		while (j < klen && k[j] != ' ')
			j++;
		if (j - i == len && memcmp(k + i, w, len) == 0)
			return true;
		i = j + 1;
	}
	return false;
}

/*
 * Is group g a group of a muscle already read?  The catalogue knows no
 * members, but a member's name or alias says its group's word ("anterior
 * scalene", "scalenus medius" and the scalenes): "R ant scalene x1 ...
 * Scalene done under US" names the one muscle twice.
 */
static bool
group_of_read(const Reader *r, int g)
{
	const MpCatalogue *cat = r->v->cat;
	int			nkeys = mp_catalogue_nkeys(cat);
	int			read[16];
	int			nread = 0;
	const char *gw[8];
	size_t		gwl[8];
	int			ngw = 0;
	int			i,
				k;

	/* the muscles read so far */
	for (k = 0; k < r->nmus && nread < 16; k++)
	{
		const char *name = r->mus[k];
		int			e;

		if (strncmp(name, "right ", 6) == 0)
			name += 6;
		else if (strncmp(name, "left ", 5) == 0)
			name += 5;
		e = mp_catalogue_lookup(cat, name, strlen(name));
		if (e >= 0 && e != g && mp_catalogue_entry(cat, e)->kind == MP_MUSCLE)
			read[nread++] = e;
	}
	if (nread == 0)
		return false;
	/* the group's one-word keys of five letters or more */
	for (i = 0; i < nkeys && ngw < 8; i++)
	{
		size_t		len;
		const char *key = mp_catalogue_key(cat, i, &len);

		if (len >= 5 && memchr(key, ' ', len) == NULL &&
			mp_catalogue_lookup(cat, key, len) == g)
		{
			gw[ngw] = key;
			gwl[ngw++] = len;
		}
	}
	/* a key of a muscle read that says one of them */
	for (i = 0; i < nkeys; i++)
	{
		size_t		len;
		const char *key = mp_catalogue_key(cat, i, &len);
		int			w,
					e;

		for (w = 0; w < ngw; w++)
			if (len > gwl[w] && key_has_word(key, len, gw[w], gwl[w]))
				break;
		if (w == ngw)
			continue;
		e = mp_catalogue_lookup(cat, key, len);
		for (k = 0; k < nread; k++)
			if (read[k] == e)
				return true;
	}
	return false;
}

static void
emit_muscle(void *arg, const MpResult *m)
{
	Reader	   *r = arg;
	MpSide		side;

	if (m->kind == MP_EMPTY)
		return;
	/* an entry's own side wins over the side of the injection */
	side = m->side != MP_SIDE_NONE ? m->side : r->injside;
	/* a group named again, without a side, after one of its muscles */
	if (side == MP_SIDE_NONE && m->kind == MP_GROUP && m->entry >= 0 &&
		!r->retracting && group_of_read(r, m->entry))
		return;
	/* one entry per muscle: a bilateral one is its right and its left */
	if (side == MP_SIDE_BILATERAL)
	{
		emit_side(r, "right", m);
		emit_side(r, "left", m);
	}
	else
		emit_side(r, mp_side_name(side), m);
}

#define HEAD_MAX	64			/* bytes of a key's head written out */

typedef struct Span
{
	size_t		first;			/* first token (side words included) */
	size_t		end;			/* one past the last */
	int			count;			/* trigger points stated with it, -1 none */
	size_t		cfirst;			/* first token of a count before it */
	size_t		cend;			/* after a count after it */
	bool		level;
	bool		regions_only;	/* names region terms only */
	bool		each;			/* the count is per muscle of the run */
	size_t		side_from;		/* a "Side: bilateral" field after it */
	size_t		side_to;
} Span;

static void
add_count(Span *sp, int n)
{
	sp->count = (sp->count < 0 ? 0 : sp->count) + n;
}

static bool
is_tp_word(const Reader *r, size_t j)
{
	return tok_is(r, j, "trigger") || tok_is(r, j, "point") ||
		tok_is(r, j, "points") || tok_is(r, j, "injection") ||
		tok_is(r, j, "injections") || tok_is(r, j, "tpi") ||
		tok_is(r, j, "tpis");
}

/*
 * Tokens of a "per muscle" phrase at i ("each", "each muscle", "in each
 * muscle", "per muscle"), 0 when none: a count before it is per muscle.
 */
static size_t
each_at(const Reader *r, size_t i)
{
	size_t		k = i;

	/* "one injection into each muscle" */
	if ((tok_is(r, k, "in") || tok_is(r, k, "into")) && tok_is(r, k + 1, "each"))
		k++;
	/* "2 TPs ea": each, abbreviated */
	if (tok_is(r, k, "each") || tok_is(r, k, "ea"))
		k++;
	else if (tok_is(r, k, "per") && (tok_is(r, k + 1, "muscle") || tok_is(r, k + 1, "side")))
		return 2;
	else
		return 0;
	if (tok_is(r, k, "muscle") || tok_is(r, k, "one") || tok_is(r, k, "side"))
		k++;
	return k - i;
}

static bool landmark(const Reader *r, size_t first);
static bool landmark_start(const Reader *r, size_t k);
static bool points_before(const Reader *r, size_t i);
static size_t bracketed_muscle(const Reader *r, size_t end);
static bool dose_unit_at(const Reader *r, size_t i);

/*
 * "DN was directed to the levator scapulae muscle belly ... and to the
 * distal attachment, bilaterally.": a side that closes the sentence after a
 * comma is the side of its one run without a side.  Looks no further than
 * 40 tokens and stops at another muscle, so it stays linear.
 */
static void
trailing_side(Reader *r, Span *sp)
{
	size_t		k,
				m;

	for (k = sp->end; k < r->nt && k < sp->end + 40; k++)
	{
		MpKind		kind = MP_MUSCLE;
		size_t		n;

		if (r->t[k].type == T_NL || r->t[k].sent != r->t[sp->first].sent)
			return;
		/* another muscle ends the search; a landmark ("of the scapula") not */
		if ((r->t[k].flags & F_MUS) && (n = muscle_at(r, k, &kind)) > 0)
		{
			if (kind != MP_REGION || !landmark(r, k))
				return;
			k += n - 1;
			continue;
		}
		if (!punct_is(r, k, ','))
			continue;
		m = k + 1;
		while (m < r->nt && r->t[m].type == T_WORD && r->t[m].wclass == MP_WORD_SIDE)
			m++;
		if (m > k + 1 && (m >= r->nt || punct_is(r, m, '.') || r->t[m].type == T_NL))
		{
			sp->side_from = k + 1;
			sp->side_to = m;
			return;
		}
	}
}

/* Past one separator between the fields of a record (". , ; |" or a line). */
static size_t
next_field(const Reader *r, size_t k)
{
	if (k < r->nt && (r->t[k].type == T_NL ||
					  (r->t[k].type == T_PUNCT && strchr(".,;|", r->raw[r->t[k].start]))))
		k++;
	return k;
}

/*
 * "Muscle: trapezius. Side: bilateral. Points: 2": a template record names
 * the muscle, then its side and its count.  A Side or Laterality field
 * right after a run without a side of its own gives the run its side; a
 * Points / TPs / Sites field after the run (or its Side field) is its count.
 */
static void
side_field(Reader *r, Span *sp)
{
	size_t		k,
				m;
	bool		sided = false,
				record = false;
	int			n;

	sp->side_from = sp->side_to = 0;
	for (k = sp->first; k < sp->end; k++)
		if (r->t[k].type == T_WORD && r->t[k].wclass == MP_WORD_SIDE)
			sided = true;
	k = next_field(r, sp->end);
	if ((tok_is(r, k, "side") || tok_is(r, k, "sides") || tok_is(r, k, "laterality")) &&
		(punct_is(r, k + 1, ':') || punct_is(r, k + 1, '-')))
	{
		m = k + 2;
		while (m < r->nt && ((r->t[m].type == T_WORD && r->t[m].wclass == MP_WORD_SIDE) ||
							 (punct_is(r, m, '/') && m > k + 2)))
			m++;
		if (m > k + 2 && !sided)
		{
			sp->side_from = k + 2;
			sp->side_to = m;
		}
		record = true;
		k = next_field(r, m);
	}
	else if (!sided)
		trailing_side(r, sp);

	/*
	 * "Trigger points: 4" on the line after a list of muscles is a total;
	 * on the run's own line, or after its Side field, it is the run's
	 */
	if (sp->count >= 0 || (!record && k > 0 && r->t[k - 1].type == T_NL))
		return;
	if (punct_is(r, k, '#'))
		k++;
	if (tok_is(r, k, "trigger"))
		k++;
	if (k < r->nt && (r->t[k].flags & F_TPW) && r->t[k].type == T_WORD &&
		(punct_is(r, k + 1, ':') || punct_is(r, k + 1, '=')) &&
		(n = number_at(r, k + 2)) >= 0 && n < 100)
	{
		add_count(sp, n);
		sp->cend = k + 3;
	}
}

/* A word that makes a place of a group term ("paraspinal area"). */
static bool
region_word_at(const Reader *r, size_t j)
{
	return tok_is(r, j, "area") || tok_is(r, j, "areas") ||
		tok_is(r, j, "region") || tok_is(r, j, "regions") ||
		tok_is(r, j, "zone") || tok_is(r, j, "zones");
}

/*
 * "trapezius on the right", "on both sides": the words before a side that
 * follows its name (how many: 0 when none).  read_span drops them, so the
 * parser sees "trapezius right".
 */
static size_t
on_the_side(const Reader *r, size_t j)
{
	size_t		m = j + 1;

	if (!tok_is(r, j, "on"))
		return 0;
	if (tok_is(r, m, "the"))
		m++;
	if (m < r->nt && r->t[m].type == T_WORD && r->t[m].wclass == MP_WORD_SIDE)
		return m - j;
	return 0;
}

/*
 * "gluteus medius/minimus", "rhomboid major and minor": does word token j,
 * after the head words of the muscle key at tokens [first, first + n),
 * name a muscle of the catalogue?
 */
static bool
shares_head(const Reader *r, size_t first, size_t n, size_t j)
{
	char		tmp[256];
	size_t		o = 0,
				words = 0,
				k;
	int			e;

	for (k = first; k < first + n; k++)
		if (r->t[k].type == T_WORD)
			words++;
	if (words < 2 || r->t[j].type != T_WORD)
		return false;
	for (k = first; k < first + n && words > 1; k++)
	{
		if (r->t[k].type != T_WORD)
			continue;
		if (o + r->t[k].len + 1 >= sizeof(tmp))
			return false;
		memcpy(tmp + o, r->low + r->t[k].start, r->t[k].len);
		o += r->t[k].len;
		tmp[o++] = ' ';
		words--;
	}
	if (o + r->t[j].len > sizeof(tmp))
		return false;
	memcpy(tmp + o, r->low + r->t[j].start, r->t[j].len);
	o += r->t[j].len;
	e = mp_catalogue_lookup(r->v->cat, tmp, o);
	return e >= 0 && mp_catalogue_entry(r->v->cat, e)->kind == MP_MUSCLE;
}

/*
 * The run of muscle words from token i (a catalogue key): names, side and
 * part words, separators, levels and counts.  Returns the token after it.
 */
/*
 * Sides named in tokens [from, to): 1 one side only, 2 both (a bilateral
 * word, or a right and a left), 0 none.
 */
static int
sides_in(const Reader *r, size_t from, size_t to)
{
	int			seen = 0;

	for (; from < to && from < r->nt; from++)
		if (r->t[from].type == T_WORD && r->t[from].wclass == MP_WORD_SIDE)
		{
			/* "B/L": one side word, both sides */
			if (tok_is(r, from, "b") && punct_is(r, from + 1, '/') &&
				tok_is(r, from + 2, "l"))
			{
				seen = MP_SIDE_BILATERAL;
				from += 2;
				continue;
			}
			seen |= (int) mp_side_of_word(r->low + r->t[from].start, r->t[from].len);
		}
	return seen == MP_SIDE_NONE ? 0 : seen == MP_SIDE_BILATERAL ? 2 : 1;
}

/*
 * Counts of a run that holds several ("R SCM/scalenes x1 each, R teres
 * major/minor x1 each"): a count per muscle ("each") is of the names since
 * the count before, with their sides, not of every muscle of the run.
 */
typedef struct Segs
{
	int			n;				/* counts read */
	int			sum;			/* their sum, per-muscle ones multiplied */
	bool		each;			/* one of them per muscle */
	int			names;			/* names since the last count */
	size_t		from;			/* where the names since the last count begin */
} Segs;

static void
seg_add(const Reader *r, Segs *g, const Span *sp, size_t name0, size_t at,
		int c, bool each)
{
	int			mult = 1;

	if (each)
	{
		int			sides = sides_in(r, g->from, at);

		if (sides == 0)
			sides = sides_in(r, sp->first, name0);
		mult = (g->names > 0 ? g->names : 1) * (sides == 2 ? 2 : 1);
		g->each = true;
	}
	if (c > 0 && c < 1000 && g->sum < 100000)
		g->sum += c * mult;
	g->n++;
	g->names = 0;
	g->from = at;
}

static bool list_separator(const Reader *r, size_t k);

/* The catalogue entry of the key at tokens [first, first + n), or -1. */
static int
key_entry(const Reader *r, size_t first, size_t n)
{
	char		tmp[256];
	size_t		o = 0,
				k;

	for (k = first; k < first + n && k < r->nt; k++)
	{
		if (r->t[k].type != T_WORD && r->t[k].type != T_NUM)
			continue;
		if (o + r->t[k].len + 1 > sizeof(tmp))
			return -1;
		if (o > 0)
			tmp[o++] = ' ';
		memcpy(tmp + o, r->low + r->t[k].start, r->t[k].len);
		o += r->t[k].len;
	}
	return mp_catalogue_lookup(r->v->cat, tmp, o);
}

/*
 * "trapezius (R x2, L x1)", "(right 2, left 1)", "(L: 1 TP)": sides with
 * their counts in brackets from token i.  Returns the token of the closing
 * bracket (0 when it is not such a bracket); counts (up to 8) gets the
 * counts and *ncounts their number, *each whether they are per muscle.
 */
static size_t
sided_counts(const Reader *r, size_t i, int *counts, int *ncounts, bool *each)
{
	size_t		m = i + 1,
				next;
	int			n = 0,
				c;

	if (!punct_is(r, i, '('))
		return 0;
	while (m < r->nt && m < i + 24)
	{
		if (r->t[m].type != T_WORD || r->t[m].wclass != MP_WORD_SIDE)
			return 0;
		m++;
		if (punct_is(r, m, ':') || punct_is(r, m, '-') || punct_is(r, m, '='))
			m++;
		if ((c = times_at(r, m, &next)) >= 0)
			m = next;
		else if ((c = number_at(r, m)) >= 0 && c < 100)
		{
			m++;
			if (tok_is(r, m, "trigger"))
				m++;
			if (m < r->nt && (r->t[m].flags & F_TPW))
				m++;
		}
		else
			c = -1;
		/* "(R x1 each)" */
		if (c >= 0 && (tok_is(r, m, "each") || tok_is(r, m, "ea")))
		{
			m++;
			if (each)
				*each = true;
		}
		if (c >= 0 && counts && n < 8)
			counts[n++] = c;
		if (punct_is(r, m, ')'))
		{
			if (ncounts)
				*ncounts = n;
			return m;
		}
		if (punct_is(r, m, ',') || punct_is(r, m, ';') || punct_is(r, m, '/') ||
			tok_is(r, m, "and") || punct_is(r, m, '&'))
			m++;
		else
			return 0;
	}
	return 0;
}

/* "cervical", "thoracic", "lumbar" */
static bool
spinal_word(const Reader *r, size_t k)
{
	return tok_is(r, k, "cervical") || tok_is(r, k, "thoracic") ||
		tok_is(r, k, "lumbar");
}

static size_t
span_at(Reader *r, size_t i, size_t limit, Span *sp)
{
	Segs		g = {0, 0, false, 0, 0};
	size_t		j = i,
				last = i;
	size_t		mus_first = i,
				mus_n = 0;		/* the last catalogue key of the run */
	size_t		shared_end = 0;	/* after the last word read by its head */
	MpKind		mus_kind = MP_MUSCLE;
	size_t		k;

	sp->count = -1;
	sp->level = false;
	sp->regions_only = true;
	sp->each = false;
	sp->cend = 0;
	/* side and part words before the name */
	sp->first = i;
	while (sp->first > 0)
	{
		const NTok *t = &r->t[sp->first - 1];

		/* "the cervical, thoracic and lumbar paraspinals": no "the" */
		if (sp->first < i && spinal_word(r, sp->first) && tok_is(r, sp->first - 1, "the"))
			break;
		/*
		 * "left anterior, middle, and posterior scalenes": a serial comma
		 * before the "and" of a list of part words
		 */
		if (sp->first >= 3 && tok_is(r, sp->first - 1, "and") &&
			punct_is(r, sp->first - 2, ',') && r->t[sp->first - 3].type == T_WORD &&
			(r->t[sp->first - 3].wclass == MP_WORD_SIDE ||
			 (r->t[sp->first - 3].wclass == MP_WORD_PART &&
			  r->t[sp->first].type == T_WORD &&
			  r->t[sp->first].wclass == MP_WORD_PART)))
		{
			sp->first -= 2;
			continue;
		}
		if ((t->type == T_WORD && (t->wclass == MP_WORD_SIDE ||
								   t->wclass == MP_WORD_PART ||
								   tok_is(r, sp->first - 1, "sided"))) ||
			/* "R cervical multifidus": a region's adjective after a side */
			(t->type == T_WORD && sp->first >= 2 &&
			 spinal_word(r, sp->first - 1) &&
			 r->t[sp->first - 2].type == T_WORD &&
			 r->t[sp->first - 2].wclass == MP_WORD_SIDE) ||
			/*
			 * "the right and left trapezius"; "left upper, middle and lower
			 * trapezius": part words name no muscle of their own (SPEC
			 * section 4), so the side that opens their list is the name's
			 */
			((tok_is(r, sp->first - 1, "and") || punct_is(r, sp->first - 1, ',') ||
			  punct_is(r, sp->first - 1, '&')) &&
			 sp->first >= 2 && r->t[sp->first - 2].type == T_WORD &&
			 (r->t[sp->first - 2].wclass == MP_WORD_SIDE ||
			  (r->t[sp->first - 2].wclass == MP_WORD_PART &&
			   r->t[sp->first].type == T_WORD &&
			   r->t[sp->first].wclass == MP_WORD_PART))) ||
			/*
			 * "cervical, thoracic, and lumbar paraspinals": the region
			 * adjectives of a list before a key that opens with one
			 */
			(spinal_word(r, i) &&
			 ((spinal_word(r, sp->first - 1) && sp->first < i &&
			   (list_separator(r, sp->first) || punct_is(r, sp->first, '/'))) ||
			  ((list_separator(r, sp->first - 1) || punct_is(r, sp->first - 1, '/')) &&
			   sp->first >= 2 && (spinal_word(r, sp->first - 2) ||
								  (tok_is(r, sp->first - 1, "and") &&
								   punct_is(r, sp->first - 2, ',') && sp->first >= 3 &&
								   spinal_word(r, sp->first - 3)))))) ||
			/* "R/L", "R>L trapezius": both sides, one worse */
			(t->type == T_PUNCT && (r->raw[t->start] == '-' ||
									r->raw[t->start] == '/' ||
									r->raw[t->start] == '>' ||
									r->raw[t->start] == '<' || t->abbr) &&
			 sp->first >= 2 && r->t[sp->first - 2].type == T_WORD &&
			 r->t[sp->first - 2].wclass == MP_WORD_SIDE))
			sp->first--;
		else
			break;
	}
	/*
	 * "LEFT: trapezius, levator scapulae" / "Right side: trapezius": a side
	 * that labels its line opens the run, so it goes to every name of it
	 */
	if (sp->first >= 2 && punct_is(r, sp->first - 1, ':'))
	{
		bool		side_word = false;

		k = sp->first - 2;
		if ((tok_is(r, k, "side") || tok_is(r, k, "sides")) && k > 0)
		{
			k--;
			side_word = true;
		}
		/* "Trigger point injection, left side: trapezius, levator" too */
		if (r->t[k].type == T_WORD && r->t[k].wclass == MP_WORD_SIDE &&
			(k == 0 || r->t[k - 1].type == T_NL ||
			 (side_word && punct_is(r, k - 1, ','))))
			sp->first = k;
	}
	/* "2 trigger points in the right trapezius": a count before */
	k = sp->first;
	while (k > 0 && sp->first - k < 6 &&
		   (tok_is(r, k - 1, "in") || tok_is(r, k - 1, "the") ||
			tok_is(r, k - 1, "of") || tok_is(r, k - 1, "at") ||
			tok_is(r, k - 1, "into") || tok_is(r, k - 1, "were") ||
			tok_is(r, k - 1, "was") || tok_is(r, k - 1, "injected") ||
			tok_is(r, k - 1, "identified") || tok_is(r, k - 1, "and") ||
			/* "three injections were placed in the right trapezius" */
			tok_is(r, k - 1, "placed") || tok_is(r, k - 1, "given") ||
			/* "6 injections on patient's transversus abdominis" */
			tok_is(r, k - 1, "on") || tok_is(r, k - 1, "patient") ||
			tok_is(r, k - 1, "patients") ||
			/* "3 spots in your right shoulder blade muscles" */
			tok_is(r, k - 1, "your") || tok_is(r, k - 1, "his") ||
			tok_is(r, k - 1, "her") ||
			(tok_is(r, k - 1, "s") && punct_is(r, k - 2, '\'')) ||
			(punct_is(r, k - 1, '\'') && tok_is(r, k, "s")) ||
			/* a sentence wrapped after "in the" */
			(k >= 2 && r->t[k - 1].type == T_NL &&
			 (tok_is(r, k - 2, "in") || tok_is(r, k - 2, "the") ||
			  tok_is(r, k - 2, "of") || tok_is(r, k - 2, "into")))))
		k--;
	/*
	 * "(2 in the infraspinatus, 1 in the teres major)".  A count the run
	 * before took ("trapezius at 3 sites and the levator at 2 sites") is
	 * not this run's too: inspan marks it.
	 */
	if (k > 0 && k < sp->first && (tok_is(r, k, "in") || tok_is(r, k, "into")) &&
		number_at(r, k - 1) > 0 && number_at(r, k - 1) < 100 &&
		/*
		 * "and two in the right supraspinatus", "two in the gluteus medius
		 * and one in the QL" (not "the one in")
		 */
		(r->t[k - 1].type == T_NUM || number_at(r, k - 1) >= 2 ||
		 (k >= 2 && (tok_is(r, k - 2, "and") || punct_is(r, k - 2, ',') ||
					 punct_is(r, k - 2, ';')))) &&
		!r->t[k - 1].inspan &&
		((r->s[r->t[i].sent].flags & S_INJ) ||
		 r->s[r->t[i].sent].section == SEC_PROC))
	{
		sp->count = number_at(r, k - 1);
		sp->cfirst = k - 1;
	}
	else if (k > 0 && (r->t[k - 1].flags & F_TPW) && !r->t[k - 1].inspan)
	{
		size_t		m = k - 1;

		if (m > 0 && tok_is(r, m - 1, "trigger"))
			m--;
		/* "3 physician-marked sites": one hyphenated word between */
		if (m >= 4 && punct_is(r, m - 2, '-') && r->t[m - 1].type == T_WORD &&
			r->t[m - 3].type == T_WORD && number_at(r, m - 4) > 0)
			m -= 3;
		if (m > 0 && number_at(r, m - 1) > 0 && !(m >= 2 && tok_is(r, m - 2, "total")))
		{
			sp->count = number_at(r, m - 1);
			sp->cfirst = m - 1;
		}
		/* "three (3) trigger points in the right trapezius" */
		else if (m >= 3 && punct_is(r, m - 1, ')') && number_at(r, m - 2) > 0 &&
				 punct_is(r, m - 3, '(') && !(m >= 4 && tok_is(r, m - 4, "total")))
		{
			sp->count = number_at(r, m - 2);
			sp->cfirst = m >= 4 && number_at(r, m - 4) == sp->count ? m - 4 : m - 3;
		}
	}
	if (sp->count < 0)
		sp->cfirst = sp->first;
	g.from = i;

	while (j < limit)
	{
		const NTok *t = &r->t[j];
		size_t		n,
					next,
					e;
		int			c;
		MpKind		kind = MP_MUSCLE;

		if ((n = muscle_at(r, j, &kind)) > 0)
		{
			/*
			 * "cervical paraspinal area": a region word after a group or
			 * region key makes it a place, read as written so that
			 * doc.region_only fires (SPEC sections 4 and 12)
			 */
			if (kind != MP_MUSCLE && region_word_at(r, j + n))
			{
				kind = MP_REGION;
				n++;
			}
			if (kind != MP_REGION)
				sp->regions_only = false;
			g.names++;
			mus_first = j;
			mus_n = n;
			mus_kind = kind;
			j += n;
			last = j;
			continue;
		}
		if (t->type == T_NL)
			break;
		/*
		 * after a separator, a word naming a muscle with the key's head;
		 * "gluteus maximus, medius, and minimus": each word of the list
		 */
		if (j > last && mus_n > 0 &&
			(mus_first + mus_n == last || shared_end == last) &&
			shares_head(r, mus_first, mus_n, j))
		{
			g.names++;
			r->t[j].shared = 1;
			j++;
			last = shared_end = j;
			continue;
		}
		c = times_at(r, j, &next);
		if (c >= 0)
		{
			add_count(sp, c);
			j = next;
			e = each_at(r, j);
			seg_add(r, &g, sp, i, j, c, e > 0);
			if (e > 0)
			{
				sp->each = true;
				j += e;
			}
			last = j;
			continue;
		}
		/* "piriformis trigger point injection x2" */
		if (j == last && is_tp_word(r, j))
		{
			size_t		m = j;

			while (m < r->nt && m < j + 3 && is_tp_word(r, m))
				m++;
			if ((c = times_at(r, m, &next)) >= 0)
			{
				add_count(sp, c);
				seg_add(r, &g, sp, i, next, c, false);
				j = last = next;
				continue;
			}
		}
		/* a table row: "| Upper trapezius | R | 2 |" */
		if (punct_is(r, j, '|'))
		{
			size_t		m = j + 1;

			if (m < r->nt && r->t[m].type == T_WORD &&
				r->t[m].wclass == MP_WORD_SIDE)
			{
				while (m < r->nt && r->t[m].type == T_WORD &&
					   r->t[m].wclass == MP_WORD_SIDE)
					m++;
				j = last = m;
				continue;
			}
			if ((c = number_at(r, m)) >= 0 && c < 100 &&
				(punct_is(r, m + 1, '|') || m + 1 >= r->nt ||
				 r->t[m + 1].type == T_NL))
			{
				add_count(sp, c);
				seg_add(r, &g, sp, i, m + 1, c, false);
				j = last = m + 1;
				continue;
			}
			break;
		}
		/* "(medial head)", "(posterior)": part words in brackets */
		if (punct_is(r, j, '('))
		{
			size_t		m = j + 1;
			int			cs[8];
			int			nc = 0;
			bool		each = false;

			/* "sternocleidomastoid (SCM) on the left": its alias */
			if (j == last && mus_n > 0 && m < r->nt && !r->t[m].fuzzy &&
				!r->t[mus_first].fuzzy &&
				(n = muscle_at(r, m, NULL)) > 0 && punct_is(r, m + n, ')') &&
				key_entry(r, m, n) >= 0 &&
				key_entry(r, m, n) == key_entry(r, mus_first, mus_n))
			{
				j = last = m + n + 1;
				continue;
			}
			/* "trapezius (R x2, L x1)": sides and their counts */
			if (m < r->nt && r->t[m].type == T_WORD && r->t[m].wclass == MP_WORD_SIDE &&
				(m = sided_counts(r, j, cs, &nc, &each)) > 0)
			{
				int			q;

				for (q = 0; q < nc; q++)
				{
					add_count(sp, cs[q]);
					seg_add(r, &g, sp, i, m, cs[q], each);
				}
				if (nc > 0 && each)
					sp->each = true;
				j = last = m + 1;
				continue;
			}
			m = j + 1;

			/* "right trapezius (x2)" */
			if ((c = times_at(r, m, &next)) >= 0 && punct_is(r, next, ')'))
			{
				add_count(sp, c);
				seg_add(r, &g, sp, i, next + 1, c, false);
				j = last = next + 1;
				continue;
			}

			/* "(deep and superficial portions)" too */
			while (m < r->nt && m < j + 6 &&
				   ((r->t[m].type == T_WORD &&
					 (r->t[m].wclass == MP_WORD_PART ||
					  r->t[m].wclass == MP_WORD_SIDE)) ||
					(m > j + 1 && m + 1 < r->nt && r->t[m + 1].type == T_WORD &&
					 r->t[m + 1].wclass == MP_WORD_PART &&
					 (tok_is(r, m, "and") || punct_is(r, m, ',')))))
				m++;
			if (m > j + 1 && punct_is(r, m, ')'))
			{
				j = last = m + 1;
				continue;
			}
			/* "right lumbar paraspinals (L4)": a level in brackets */
			m = j + 1;
			if (m < r->nt && r->t[m].type == T_WORD && r->t[m].wclass == MP_WORD_LEVEL)
			{
				m++;
				while (m < r->nt && m < j + 8 &&
					   (r->t[m].wclass == MP_WORD_LEVEL || number_at(r, m) >= 0 ||
						punct_is(r, m, '-') || punct_is(r, m, '/')))
					m++;
				if (punct_is(r, m, ')'))
				{
					sp->level = true;
					j = last = m + 1;
					continue;
				}
			}
		}
		/*
		 * "- Trapezius: R (2 TP), L (1 TP)": the sides of a name that
		 * labels its list item
		 */
		if (punct_is(r, j, ':') && j == last && mus_n > 0 && mus_kind != MP_REGION &&
			j + 1 < r->nt && r->t[j + 1].type == T_WORD &&
			r->t[j + 1].wclass == MP_WORD_SIDE &&
		/* not "... of the right scapula: right rhomboid major" */
			!(j + 2 < r->nt && r->t[j + 2].type == T_WORD &&
			  ((r->t[j + 2].flags & F_MUS) || r->t[j + 2].wclass == MP_WORD_PART ||
			   r->t[j + 2].wclass == MP_WORD_SIDE)))
		{
			j++;
			continue;
		}
		/* "R LS x1, L rhomboid x1 = 6 TPs": the sum of the counts before */
		if (punct_is(r, j, '=') && sp->count >= 0)
			break;
		/* (2 points), (2), - 2 trigger points, : 2 */
		if (t->type == T_PUNCT && (r->raw[t->start] == '(' || r->raw[t->start] == '-' ||
								   r->raw[t->start] == ':' || r->raw[t->start] == '='))
		{
			size_t		m = j + 1;
			int			num = number_at(r, m);

			/* "R UT - 2 mL": a volume, no count */
			if (num >= 0 && num < 100 && !dose_unit_at(r, m + 1))
			{
				bool		points = false,
							eachin = false;

				m++;
				/* "(two (2) trigger points)": the number in figures too */
				if (punct_is(r, m, '(') && number_at(r, m + 1) == num &&
					punct_is(r, m + 2, ')'))
					m += 3;
				if (tok_is(r, m, "trigger"))
					m++;
				if (m < r->nt && (r->t[m].flags & F_TPW))
				{
					m++;
					points = true;
				}
				if ((e = each_at(r, m)) > 0)
				{
					sp->each = eachin = true;
					m += e;
				}
				/* "trap rt. - 5 sites total": the note's total */
				if (tok_is(r, m, "total"))
					break;
				/*
				 * "(2 points, just below the coracoid)", "(2 points at the
				 * 5th rib)": a count and where its points lie, up to the
				 * bracket's end on its line
				 */
				if (r->raw[t->start] == '(' && points && !punct_is(r, m, ')'))
				{
					size_t		q;

					for (q = m; q < r->nt && q < m + 24 && r->t[q].type != T_NL &&
						 !(r->t[q].flags & F_MUS) && !punct_is(r, q, '(') &&
						 !punct_is(r, q, ')'); q++)
						;
					if (punct_is(r, q, ')'))
						m = q;
				}
				if (r->raw[t->start] != '(' || punct_is(r, m, ')'))
				{
					if (punct_is(r, m, ')'))
						m++;
					seg_add(r, &g, sp, i, j, num, eachin);
					add_count(sp, num);
					j = m;
					last = j;
					continue;
				}
			}
		}
		/*
		 * "trapezius 2 trigger points" (after a comma only with "each": else
		 * a total)
		 */
		if (t->type == T_NUM ||
			(t->type == T_WORD && j + 1 < r->nt &&
			 ((r->t[j + 1].flags & F_TPW) || tok_is(r, j + 1, "injection") ||
			  tok_is(r, j + 1, "trigger")) &&
			 number_at(r, j) > 0))
		{
			int			num = number_at(r, j);
			size_t		m = j + 1;

			if (tok_is(r, m, "trigger"))
				m++;
			/* "..., one injection each" */
			if (num >= 0 && num < 100 && m < r->nt &&
				((r->t[m].flags & F_TPW) || tok_is(r, m, "injection")) &&
				(j == last || each_at(r, m + 1) > 0))
			{
				add_count(sp, num);
				j = m + 1;
				e = each_at(r, j);
				seg_add(r, &g, sp, i, j, num, e > 0);
				if (e > 0)
				{
					sp->each = true;
					j += e;
				}
				last = j;
				continue;
			}
		}
		/* "trapezius on the right": the side that follows the name */
		if ((j == last || (j > 0 && r->t[j - 1].type == T_WORD &&
						   r->t[j - 1].wclass == MP_WORD_PART)) &&
			(e = on_the_side(r, j)) > 0)
		{
			j += e;
			continue;
		}
		if (t->type == T_WORD && (t->wclass == MP_WORD_SIDE ||
								  tok_is(r, j, "sided")))
		{
			j++;
			/* a side after the name: part of the run */
			last = j;
			continue;
		}
		if (t->type == T_WORD && t->wclass == MP_WORD_LEVEL)
		{
			j++;
			while (j < r->nt && (r->t[j].wclass == MP_WORD_LEVEL ||
								 number_at(r, j) >= 0 ||
								 punct_is(r, j, '-') || punct_is(r, j, '/')))
				j++;
			last = j;
			sp->level = true;
			continue;
		}
		if ((t->type == T_WORD && (t->wclass == MP_WORD_PART ||
								   t->wclass == MP_WORD_FILLER ||
								   tok_is(r, j, "at") || tok_is(r, j, "level") ||
								   tok_is(r, j, "levels") ||
		/* "trapezius, R cervical multifidus": read_span drops it */
								   (spinal_word(r, j) && j + 1 < r->nt &&
									(r->t[j + 1].flags & F_MUS)))) ||
			(t->type == T_PUNCT && (strchr(",&+/-*", r->raw[t->start]) != NULL ||
									t->abbr)))
		{
			j++;
			continue;			/* kept only if a name follows */
		}
		break;
	}
	sp->end = last;
	/* several counts, one of them per muscle: each of its own names */
	if (g.n > 1 && g.each && sp->count >= 0)
	{
		sp->count = g.sum;
		sp->each = false;
	}
	side_field(r, sp);

	/*
	 * "the right rectus abdominis at its lateral border (1 site)": a count
	 * in brackets after the landmark that follows the name; "L rhomboid
	 * major, at the medial border of the scapula (T4-T5 level) - 2 sites":
	 * or after a dash, past a bracket that holds no count
	 */
	if (sp->count < 0 && last < r->nt)
	{
		size_t		m = last;
		int			num;
		bool		at_word;

		if (punct_is(r, m, ',') && m + 1 < r->nt && landmark_start(r, m + 1))
			m++;
		at_word = landmark_start(r, m);
		/* "right rectus abdominis, lateral border at the level of the
		 * umbilicus (2 sites), and ..." */
		if (!at_word && punct_is(r, last, ',') && last + 2 < r->nt &&
			r->t[last + 1].type == T_WORD && r->t[last + 1].wclass == MP_WORD_PART &&
			muscle_at(r, last + 1, NULL) == 0 && (r->t[last + 2].flags & F_LOC))
		{
			at_word = true;
			m = last + 1;
		}
		if (at_word)
		{
			size_t		stop = m + 20;

			for (m++; m < r->nt && m < stop && r->t[m].type != T_NL &&
				 !clause_end(r, m) && !punct_is(r, m, ','); m++)
			{
				MpKind		kind = MP_REGION;

				/* a landmark may be a region term ("of the scapula") */
				if (muscle_at(r, m, &kind) > 0 && kind != MP_REGION)
					break;
				if (punct_is(r, m, '-') && number_at(r, m + 1) > 0)
					break;
				if (!punct_is(r, m, '('))
					continue;
				/* "(T4-T5 level)": a bracket without a count is passed */
				if (number_at(r, m + 1) > 0)
					break;
				while (m < r->nt && m < stop && !punct_is(r, m, ')') &&
					   r->t[m].type != T_NL)
					m++;
				if (!punct_is(r, m, ')'))
					break;
			}
			if (punct_is(r, m, '(') && (num = number_at(r, m + 1)) > 0 && num < 100)
			{
				size_t		q = m + 2;

				if (tok_is(r, q, "trigger"))
					q++;
				if (q < r->nt && (r->t[q].flags & F_TPW) && punct_is(r, q + 1, ')'))
				{
					add_count(sp, num);
					sp->cend = q + 2;
				}
			}
			else if ((punct_is(r, m, '-') || punct_is(r, m, ':')) &&
					 (num = number_at(r, m + 1)) > 0 && num < 100)
			{
				size_t		q = m + 2;

				if (tok_is(r, q, "trigger"))
					q++;
				if (q < r->nt && (r->t[q].flags & F_TPW))
				{
					add_count(sp, num);
					sp->cend = q + 1;
				}
			}
		}
	}
	/* "... were each injected at 2 trigger points" */
	if (sp->count < 0)
	{
		size_t		m = last;
		bool		each = false;
		int			num;

		while (m < r->nt && m < last + 5 &&
			   (tok_is(r, m, "were") || tok_is(r, m, "was") ||
				tok_is(r, m, "each") || tok_is(r, m, "injected") ||
				tok_is(r, m, "needled") || tok_is(r, m, "treated") ||
				tok_is(r, m, "at") || tok_is(r, m, "in") ||
				tok_is(r, m, "with")))
			each |= tok_is(r, m++, "each");
		if (m > last && (num = number_at(r, m)) > 0 && num < 100)
		{
			size_t		q = m + 1;

			if (tok_is(r, q, "trigger"))
				q++;
			/* "... at 3 trigger points in total" is a total, not this run's */
			if (q < r->nt && (r->t[q].flags & F_TPW) && !tok_is(r, q, "injections") &&
				!tok_is(r, q + 1, "total") &&
				!(tok_is(r, q + 1, "in") && tok_is(r, q + 2, "total")))
			{
				add_count(sp, num);
				sp->each = each || each_at(r, q + 1) > 0;
				sp->cend = q + 1;
			}
			/*
			 * "the upper trapezius was injected at two points and the
			 * levator scapulae at one": the word of points left out after
			 * the sentence said it
			 */
			else if (tok_is(r, m - 1, "at") && m - 1 == last &&
					 (q >= r->nt || clause_end(r, q) || tok_is(r, q, "and")) &&
					 sp->first > 0 && points_before(r, sp->first))
			{
				add_count(sp, num);
				sp->cend = q;
			}
		}
	}
	return last;
}

/*
 * The first token of a muscle named in brackets right after a run of
 * region terms ending at token end ("shoulder blade muscles (rhomboids)",
 * "neck muscle (levator scapulae)"), 0 if none.
 */
static size_t
bracketed_muscle(const Reader *r, size_t end)
{
	size_t		k = end;

	if (tok_is(r, k, "muscle") || tok_is(r, k, "muscles"))
		k++;
	if (!punct_is(r, k, '(') || k + 1 >= r->nt || !(r->t[k + 1].flags & F_MUS))
		return 0;
	return k + 1;
}

/* Did the sentence of token i say "at N points" shortly before it? */
static bool
points_before(const Reader *r, size_t i)
{
	size_t		k;

	for (k = i; k > 0 && k + 40 > i && r->t[k - 1].sent == r->t[i].sent; k--)
		if ((r->t[k - 1].flags & F_TPW) && k >= 3 && number_at(r, k - 2) > 0 &&
			tok_is(r, k - 3, "at"))
			return true;
	return false;
}

/*
 * Is the run at token first a landmark ("medial border of the scapula",
 * "lateral to the spine"), not a place injected?  For runs of region
 * terms only.
 */
/* A word that opens where on a muscle its trigger points lay ("at ..."). */
static bool
landmark_start(const Reader *r, size_t k)
{
	return tok_is(r, k, "at") || tok_is(r, k, "along") || tok_is(r, k, "near") ||
		tok_is(r, k, "over") || tok_is(r, k, "below") || tok_is(r, k, "above") ||
		tok_is(r, k, "just");
}

static bool
landmark(const Reader *r, size_t first)
{
	size_t		k = first;

	while (k > 0 && r->t[k - 1].type == T_WORD &&
		   (r->t[k - 1].wclass == MP_WORD_PART ||
			r->t[k - 1].wclass == MP_WORD_SIDE) && !tok_is(r, k - 1, "of"))
		k--;
	return k > 0 && (tok_is(r, k - 1, "of") ||
					 (tok_is(r, k - 1, "to") && k >= 2 &&
					  (tok_is(r, k - 2, "lateral") || tok_is(r, k - 2, "medial") ||
					   tok_is(r, k - 2, "midway") || tok_is(r, k - 2, "halfway") ||
					   tok_is(r, k - 2, "inferior") || tok_is(r, k - 2, "superior") ||
					   tok_is(r, k - 2, "adjacent") || tok_is(r, k - 2, "close"))) ||
					 tok_is(r, k - 1, "near") || tok_is(r, k - 1, "along") ||
					 tok_is(r, k - 1, "over") || tok_is(r, k - 1, "around") ||
					 tok_is(r, k - 1, "from") || tok_is(r, k - 1, "below") ||
					 tok_is(r, k - 1, "above"));
}

/* Is the run ending at token end followed by a complaint word? */
static bool
complaint(const Reader *r, size_t end)
{
	size_t		k;

	for (k = end; k < r->nt && k < end + 3; k++)
		if (r->t[k].flags & F_PAIN)
			return true;
	return false;
}

/*
 * Is the region run first..end no site of a trigger point: a joint
 * ("right knee intra-articular injection", "shoulder joint"), a posture
 * ("head turned L"), or the
 * adverb "back" ("now pain back", "came back", "back to work")?
 */
/*
 * "ketorolac 30 mg IM in the R deltoid": a drug given intramuscularly (a
 * shot, a line of its own) names the muscle it went into, no trigger point.
 */
static bool
im_shot(const Reader *r, size_t first)
{
	size_t		j = first;

	if (j > 0 && tok_is(r, j - 1, "the"))
		j--;
	if (j > 0 && (tok_is(r, j - 1, "in") || tok_is(r, j - 1, "into") ||
				  tok_is(r, j - 1, "to")))
		j--;
	return j > 0 && ((tok_is(r, j - 1, "im") && r->t[j - 1].upper) ||
					 tok_is(r, j - 1, "intramuscularly"));
}

static bool
not_a_site(const Reader *r, size_t first, size_t end)
{
	static const char *const after[] = {"joint", "joints", "bursa", "bursal",
	"intraarticular", "articular", "arthrocentesis", "capsule", "subacromial",
	"glenohumeral", "acromioclavicular", "trochanteric", "facet", NULL};
	/* "head turned L", "neck flexed": how the patient lay, no site */
	static const char *const posture[] = {"turned", "rotated", "flexed",
	"tilted", "elevated", "positioned", "supported", "resting", NULL};
	static const char *const measure[] = {"opening", "rom", "range",
	"motion", "mobility", "flexion", "extension", "rotation", "strength", NULL};
	static const char *const before_back[] = {"pain", "is", "was", "came",
		"comes", "come", "went", "been", "are", "were", "got", "get", "coming",
	"called", "calls", "call", NULL};
	int			k;

	if (tok_is(r, end, "intra") && punct_is(r, end + 1, '-') &&
		tok_is(r, end + 2, "articular"))
		return true;
	/* a region named by its joint ("left sacroiliac joint injection") */
	if (end > first && (tok_is(r, end - 1, "joint") || tok_is(r, end - 1, "joints")))
		return true;
	for (k = 0; after[k]; k++)
		if (tok_is_s(r, end, after[k]))
			return true;
	for (k = 0; posture[k]; k++)
		if (tok_is_s(r, end, posture[k]))
			return true;
	/*
	 * "Jaw opening 28 mm before, 38 mm after injection", "neck ROM improved
	 * after the injections": a measure of the region's motion, no site
	 */
	for (k = 0; measure[k]; k++)
		if (tok_is_s(r, end, measure[k]))
			return true;
	/* "TPIs to the low back only: bilateral QL and ...": a heading of the
	 * muscles listed after it */
	{
		size_t		j = end;

		if (tok_is(r, j, "only"))
			j++;
		if (punct_is(r, j, ':'))
		{
			for (j++; j < r->nt && j < end + 6 && r->t[j].type == T_WORD &&
				 r->t[j].wclass == MP_WORD_SIDE; j++)
				;
			if (j < r->nt && (r->t[j].flags & F_MUS))
				return true;
		}
	}
	if (first > 0 && (tok_is(r, first - 1, "intraarticular") ||
					  tok_is(r, first - 1, "articular")))
		return true;

	if (end == first + 1 && tok_is(r, first, "back"))
	{
		if (first > 0)
			for (k = 0; before_back[k]; k++)
				if (tok_is_s(r, first - 1, before_back[k]))
					return true;
		if (tok_is(r, end, "to") &&
			(tok_is(r, end + 1, "work") || tok_is(r, end + 1, "baseline") ||
			 tok_is(r, end + 1, "normal") || tok_is(r, end + 1, "clinic")))
			return true;
	}
	return false;
}

/*
 * Is the run first..end the word "oblique" of an imaging view ("AP and
 * oblique fluoroscopy", "oblique views", "oblique projection")?  No muscle.
 */
static bool
imaging_view(const Reader *r, size_t first, size_t end)
{
	return end == first + 1 && tok_is(r, first, "oblique") && end < r->nt &&
		((r->t[end].flags & F_MOD) || tok_is_s(r, end, "view") ||
		 tok_is_s(r, end, "views") || tok_is_s(r, end, "projection") ||
		 tok_is_s(r, end, "projections") || tok_is_s(r, end, "image") ||
		 tok_is_s(r, end, "images") || tok_is_s(r, end, "fluoro"));
}

/*
 * Is the run at token first where a pain spreads to ("pain from the lower
 * back to the legs bilaterally", "radiating into the left buttock")?  A
 * symptom's path, not a place injected; for runs of region terms only.
 */
static bool
spread_to(const Reader *r, size_t first)
{
	size_t		k = first,
				stop;

	while (k > 0 && (tok_is(r, k - 1, "the") || tok_is(r, k - 1, "both") ||
					 (r->t[k - 1].type == T_WORD &&
					  (r->t[k - 1].wclass == MP_WORD_SIDE ||
					   r->t[k - 1].wclass == MP_WORD_PART))))
		k--;
	if (k == 0 || !(tok_is(r, k - 1, "to") || tok_is(r, k - 1, "into") ||
					tok_is(r, k - 1, "down") || tok_is(r, k - 1, "toward") ||
					tok_is(r, k - 1, "towards")))
		return false;
	stop = k > 12 ? k - 12 : 0;
	for (k--; k > stop && !clause_end(r, k - 1); k--)
		if ((r->t[k - 1].flags & F_PAIN) ||
			(r->t[k - 1].len >= 6 &&
			 memcmp(r->low + r->t[k - 1].start, "radiat", 6) == 0))
			return true;
	return false;
}

/*
 * "gluteus maximus, medius, and minimus": writes the head words of the key
 * at tokens [first, first + n) (all its words but the last) before a word
 * that shares them, so that the parser reads "gluteus minimus".  Returns
 * the bytes written, at most HEAD_MAX.
 */
static size_t
write_head(const Reader *r, size_t first, size_t n, char *out)
{
	size_t		o = 0,
				words = 0,
				k;

	for (k = first; k < first + n; k++)
		if (r->t[k].type == T_WORD)
			words++;
	for (k = first; k < first + n && words > 1; k++)
	{
		if (r->t[k].type != T_WORD)
			continue;
		if (o + r->t[k].len + 1 > HEAD_MAX)
			return 0;
		memcpy(out + o, r->low + r->t[k].start, r->t[k].len);
		o += r->t[k].len;
		out[o++] = ' ';
		words--;
	}
	return o;
}

/*
 * "trapezius R x2, L x1, levator scapulae R x1", "Trapezius: R (2 TP), L
 * (1 TP)": sides after a name, each with its count, joined by commas,
 * from the side word at i up to end.  Returns the token after the last
 * side's count when there are two sides or more (their sides OR-ed into
 * *sides), else 0.
 */
static size_t
sides_after(const Reader *r, size_t i, size_t end, int *sides)
{
	size_t		m = i,
				after = 0,
				next;
	int			n = 0,
				seen = 0;

	while (m < end && r->t[m].type == T_WORD && r->t[m].wclass == MP_WORD_SIDE)
	{
		/* "trapezius right, left levator scapulae": that side opens a name */
		if (m + 1 < r->nt && r->t[m + 1].type == T_WORD &&
			((r->t[m + 1].flags & F_MUS) || r->t[m + 1].wclass == MP_WORD_PART ||
			 r->t[m + 1].wclass == MP_WORD_SIDE))
			break;
		seen |= (int) mp_side_of_word(r->low + r->t[m].start, r->t[m].len);
		n++;
		m++;
		/* its count: x2, 2, 2 TP, (2), (2 TP) */
		if (times_at(r, m, &next) >= 0)
			m = next;
		else if (punct_is(r, m, '(') && number_at(r, m + 1) >= 0)
		{
			size_t		q = m + 2;

			if (tok_is(r, q, "trigger"))
				q++;
			if (q < end && (r->t[q].flags & F_TPW))
				q++;
			if (!punct_is(r, q, ')'))
				return 0;
			m = q + 1;
		}
		else if (number_at(r, m) >= 0)
		{
			m++;
			if (tok_is(r, m, "trigger"))
				m++;
			if (m < end && (r->t[m].flags & F_TPW))
				m++;
		}
		after = m;
		if (m + 1 < end && punct_is(r, m, ',') && r->t[m + 1].type == T_WORD &&
			r->t[m + 1].wclass == MP_WORD_SIDE)
			m++;
		else
			break;
	}
	if (n < 2 || after > end)
		return 0;
	*sides = seen;
	return after;
}

/* "trapezius (left)": side and part words only, in brackets from token i */
static bool
side_in_brackets(const Reader *r, size_t i)
{
	size_t		m = i + 1;
	bool		side = false;

	while (m < r->nt && m < i + 5 && r->t[m].type == T_WORD &&
		   (r->t[m].wclass == MP_WORD_PART || r->t[m].wclass == MP_WORD_SIDE))
		side |= r->t[m++].wclass == MP_WORD_SIDE;
	return side && punct_is(r, m, ')');
}

/* Hands a run to the muscle parser and keeps what it names. */
static void
read_span(Reader *r, const Span *sp)
{
	size_t		i,
				o = 0;
	size_t		need = 0;
	size_t		kf = 0,			/* the last catalogue key written */
				kn = 0,
				kend = 0;
	MpKind		kkind = MP_REGION;
	bool		split = false;	/* a separator written since that key */
	int			sides;

	for (i = sp->first; i < sp->end; i++)
		need += r->t[i].len + 5 + (r->t[i].ls ? sizeof("levator scapulae") : 0) +
			(punct_is(r, i, '/') ? 10 : 0) +	/* a side carried over a slash */
			(r->t[i].type == T_WORD ? HEAD_MAX : 0);	/* a head written out */
	for (i = sp->side_from; i < sp->side_to; i++)
		need += r->t[i].len + 3;
	if (!buf_reserve(r, need + 1))
		return;
	for (i = sp->first; i < sp->end; i++)
	{
		const NTok *t = &r->t[i];
		size_t		next,
					kb;

		if (t->type == T_PUNCT)
		{
			char		c = r->raw[t->start];

			if (c == '(' && (kb = sided_counts(r, i, NULL, NULL, NULL)) > 0 &&
				kb < sp->end)
			{
				/*
				 * "trapezius (R x2, L x1)": the sides after the name, a
				 * right and a left as "bilateral"
				 */
				int			sides = 0;
				const char *w;

				for (i++; i < kb; i++)
					if (r->t[i].type == T_WORD && r->t[i].wclass == MP_WORD_SIDE)
						sides |= (int) mp_side_of_word(r->low + r->t[i].start,
													   r->t[i].len);
				w = mp_side_name((MpSide) sides);
				if (w)
				{
					size_t		wl = strlen(w);

					memcpy(r->buf + o, w, wl);
					o += wl;
					r->buf[o++] = ' ';
				}
				continue;
			}
			if (c == '(' && !side_in_brackets(r, i) &&
			/* "paraspinals (L4-5)": a level, read as written without */
				!(i + 1 < sp->end && r->t[i + 1].type == T_WORD &&
				  r->t[i + 1].wclass == MP_WORD_LEVEL))
			{
				/* a count in brackets: skip to its end */
				while (i + 1 < sp->end && !punct_is(r, i, ')'))
					i++;
				continue;
			}
			if (c == ',' || c == '&' || c == '+' || c == '/' || c == ';' ||
				c == '*')		/* "trapezius • levator": a bullet between */
			{
				r->buf[o++] = ',';
				split = true;
			}
			r->buf[o++] = ' ';
			/*
			 * "R trapezius x1, L piriformis/rhomboids x2": the side before a
			 * name goes on to the name after its slash, which has none
			 */
			if (c == '/' && i + 1 < sp->end && muscle_at(r, i + 1, NULL) > 0 &&
				!(i >= 2 && r->t[i - 1].type == T_WORD && r->t[i - 1].wclass == MP_WORD_SIDE))
			{
				size_t		k = i;

				while (k > sp->first && k > i - 8 && r->t[k - 1].type == T_WORD &&
					   r->t[k - 1].wclass != MP_WORD_SIDE && !r->t[k - 1].rpart &&
					   number_at(r, k - 1) < 0)
					k--;
				if (k > sp->first && r->t[k - 1].type == T_WORD &&
					r->t[k - 1].wclass == MP_WORD_SIDE && k - 1 > sp->first &&
					r->t[k - 1].len + 1 <= 8)
				{
					memcpy(r->buf + o, r->low + r->t[k - 1].start, r->t[k - 1].len);
					o += r->t[k - 1].len;
					r->buf[o++] = ' ';
				}
			}
			continue;
		}
		if (times_at(r, i, &next) >= 0 && next <= sp->end)
		{
			i = next - 1;
			continue;
		}
		if (on_the_side(r, i) > 0)
		{
			i += on_the_side(r, i) - 1;
			continue;
		}
		if (each_at(r, i) > 0)
		{
			i += each_at(r, i) - 1;
			continue;
		}
		if ((t->flags & F_TPW) || is_tp_word(r, i) || t->rpart ||
			(t->type == T_NUM && !sp->level))
			continue;
		/* "one injection each": a count in words */
		if (t->type == T_WORD && i + 1 < sp->end &&
			((r->t[i + 1].flags & F_TPW) || is_tp_word(r, i + 1)) &&
			number_at(r, i) > 0)
			continue;
		if (t->type == T_WORD && t->wclass == MP_WORD_SIDE &&
			tok_is(r, i, "b") && punct_is(r, i + 1, '/'))
		{
			memcpy(r->buf + o, "bl ", 3);
			o += 3;
			i += 2;
			continue;
		}
		/*
		 * "R cervical multifidus": the region's adjective of a muscle that
		 * has no name with it is no part of the name
		 */
		if (spinal_word(r, i) && i + 1 < sp->end &&
			(r->t[i + 1].flags & F_MUS) && muscle_at(r, i, NULL) == 0)
			continue;
		/*
		 * "semispinalis capitis R & L, splenius capitis R & L": both sides
		 * of the name before, not a list of a right and a left entry
		 */
		if (t->type == T_WORD && t->wclass == MP_WORD_SIDE && i + 2 < sp->end &&
			(punct_is(r, i + 1, '&') || punct_is(r, i + 1, '+') ||
			 tok_is(r, i + 1, "and") ||
		/* "upper trapezius L/R (2 each), levator scapulae L/R": both too */
			 punct_is(r, i + 1, '/') || punct_is(r, i + 1, '>') ||
			 punct_is(r, i + 1, '<')) &&
			r->t[i + 2].type == T_WORD && r->t[i + 2].wclass == MP_WORD_SIDE &&
			(mp_side_of_word(r->low + t->start, t->len) |
			 mp_side_of_word(r->low + r->t[i + 2].start, r->t[i + 2].len)) == MP_SIDE_BILATERAL &&
			mp_side_of_word(r->low + t->start, t->len) != MP_SIDE_BILATERAL)
		{
			memcpy(r->buf + o, "bl ", 3);
			o += 3;
			i += 2;
			continue;
		}
		/*
		 * "trapezius R x2, L x1, levator scapulae R x1": the sides of the
		 * name before, as one ("trapezius bilateral")
		 */
		if (kn > 0 && i >= kend && t->type == T_WORD && t->wclass == MP_WORD_SIDE &&
			(i == kend || (i == kend + 1 && (punct_is(r, kend, ':') ||
											 punct_is(r, kend, '-')))) &&
			(next = sides_after(r, i, sp->end, &sides)) > 0)
		{
			const char *w = mp_side_name((MpSide) sides);

			if (w)
			{
				size_t		wl = strlen(w);

				memcpy(r->buf + o, w, wl);
				o += wl;
				r->buf[o++] = ' ';
			}
			i = next - 1;
			continue;
		}
		if (i >= kend && (t->flags & F_MUS))
		{
			MpKind		kind = MP_MUSCLE;
			size_t		n = muscle_at(r, i, &kind);

			if (n > 0)
			{
				/*
				 * "right trapezius levator scapulae" (a no-break space
				 * between), "R trapezius x2 levator scapulae x1": two
				 * names, not one unknown
				 */
				if (kn > 0 && !split && kind != MP_REGION && kkind != MP_REGION)
				{
					r->buf[o++] = ',';
					r->buf[o++] = ' ';
				}
				split = false;
				kf = i;
				kn = n;
				kend = i + n;
				kkind = kind;
			}
		}
		else if (t->shared && i >= kend && kn > 0)
			o += write_head(r, kf, kn, r->buf + o);
		else if (tok_is(r, i, "and"))
			split = true;
		if (t->ls)
		{
			memcpy(r->buf + o, "levator scapulae ", 17);
			o += 17;
			continue;
		}
		memcpy(r->buf + o, r->low + t->start, t->len);
		o += t->len;
		r->buf[o++] = ' ';
	}
	/* the side of a "Side:" field, after the name ("trapezius bilateral") */
	for (i = sp->side_from; i < sp->side_to; i++)
	{
		if (tok_is(r, i, "b") && punct_is(r, i + 1, '/'))
		{
			memcpy(r->buf + o, "bl ", 3);
			o += 3;
			i += 2;
			continue;
		}
		if (r->t[i].type != T_WORD)
			continue;
		memcpy(r->buf + o, r->low + r->t[i].start, r->t[i].len);
		o += r->t[i].len;
		r->buf[o++] = ' ';
	}
	if (o == 0)
		return;
	if (MP_WORK_SIZE(o) > r->worksize)
	{
		r_free(r, r->work);
		r->worksize = MP_WORK_SIZE(o) * 2;
		r->work = r_alloc(r, r->worksize);
		if (r->work == NULL)
		{
			r->worksize = 0;
			return;
		}
	}
	mp_parse_each_cached(r->v->cat, r->buf, o, r->work, emit_muscle, r);
}

/*
 * Is token k a list separator between entries of a run ("," "and" "&" "+"
 * ";", as the muscle parser splits)?
 */
static bool
list_separator(const Reader *r, size_t k)
{
	return punct_is(r, k, ',') || punct_is(r, k, '&') || punct_is(r, k, '+') ||
		punct_is(r, k, ';') || tok_is(r, k, "and");
}

/*
 * How far a negation reaches into a run of muscles (NegEx/ConText scope):
 * returns sp->end when nothing in it is negated, sp->first when all of it
 * is, else the separator before its last entry (the run is read up to
 * there).
 *
 *   - A trigger before the run ("no trigger points in the right trapezius,
 *     left trapezius"; "declined TPI to ...") governs the whole list, even
 *     though its scope as marked stops at the first comma.
 *   - A trigger after the run ("left deltoid (not injected)", "left
 *     deltoid declined") governs the entry it follows only: its scope
 *     ends at the list separator before that entry.  A trigger inside a
 *     list ends the run, so only the last entry can be negated this way.
 *   - Unless a plural verb says the whole list was not injected ("right
 *     trapezius and levator scapulae were not injected").
 */
static size_t
negated_from(const Reader *r, const Span *sp)
{
	size_t		k,
				last_entry = sp->first,
				m;
	bool		named = false,
				back = false;

	/* the first entry, up to its first separator, and where the last opens */
	for (k = sp->first; k < sp->end; k++)
	{
		if (!named && (r->t[k].neg & NEG_FWD))
			return sp->first;
		if (r->t[k].flags & F_MUS)
			named = true;
		else if (named && list_separator(r, k))
			last_entry = k;
	}
	if (last_entry == sp->first)
	{
		/* one entry: negated if any of it is, whichever way */
		for (k = sp->first; k < sp->end; k++)
			if (r->t[k].neg)
				return sp->first;
		return sp->end;
	}
	for (k = last_entry + 1; k < sp->end; k++)
	{
		if (r->t[k].neg & NEG_FWD)
			return last_entry;	/* "..., no levator": cannot start a run */
		if (r->t[k].neg & NEG_BACK)
			back = true;
	}
	if (!back)
		return sp->end;
	/* "were not injected", "are deferred", "both declined" */
	for (m = sp->end; m < r->nt && m < sp->end + 4 && !clause_end(r, m); m++)
		if (tok_is(r, m, "were") || tok_is(r, m, "are") || tok_is(r, m, "both") ||
			tok_is(r, m, "all") || tok_is(r, m, "weren") || tok_is(r, m, "have"))
			return sp->first;
	return last_entry;
}

/* Swaps the entries read with the region terms kept apart. */
static void
swap_regions(Reader *r)
{
	char	  **m = r->mus;
	int			n = r->nmus,
				c = r->capmus;

	r->mus = r->reg;
	r->nmus = r->nreg;
	r->capmus = r->capreg;
	r->reg = m;
	r->nreg = n;
	r->capreg = c;
}

static void
free_entries(Reader *r, char **e, int n)
{
	int			k;

	for (k = 0; k < n; k++)
		r_free(r, e[k]);
	r_free(r, e);
}

/*
 * "Trigger point injections to the right trapezius and to the low back":
 * region terms of a sentence that names a muscle injected too are sites
 * of their own; the entries from r->reg[from] move to the muscles.
 */
static void
keep_regions(Reader *r, int from, bool sent_mus)
{
	int			k;

	if (from > r->nreg)
		from = r->nreg;
	if (!sent_mus)
		return;
	for (k = from; k < r->nreg; k++)
	{
		const char *e = r->reg[k];

		add_muscle(r, e, strlen(e),
				   strncmp(e, "right ", 6) == 0 || strncmp(e, "left ", 5) == 0);
		r_free(r, r->reg[k]);
	}
	r->nreg = from;
}

/*
 * "Procedure: Trigger point injections, right forearm ... The extensor
 * carpi radialis longus and brachioradialis were injected": a run of
 * region terms only on a header's line is where the muscles lie when the
 * note names muscles in other sentences, no site of its own ("Also low
 * back injected." is one).  Region terms count no muscle (SPEC section 4)
 * and doc.region_only needs them to be all a line has, so they are kept
 * only when the note names no muscle or group; else their side (all of
 * them sided alike) goes to the muscles read without one.
 */
static void
settle_regions(Reader *r)
{
	bool		right = false,
				left = false,
				bare = false;
	int			k;

	if (r->nreg == 0)
		return;
	if (!r->any_muscle)
	{
		/* regions are all the note names: keep them */
		keep_regions(r, 0, true);
		return;
	}
	for (k = 0; k < r->nreg; k++)
	{
		if (strncmp(r->reg[k], "right ", 6) == 0)
			right = true;
		else if (strncmp(r->reg[k], "left ", 5) == 0)
			left = true;
		else
			bare = true;
	}
	free_entries(r, r->reg, r->nreg);
	r->reg = NULL;
	r->nreg = r->capreg = 0;
	if (bare || !(right || left))
		return;
	/*
	 * a side-less entry gives way to its sided ones, added at the end:
	 * each pass of the loop removes one entry or steps past one
	 */
	k = 0;
	while (k < r->nmus && !r->failed)
	{
		char	   *e = r->mus[k];
		size_t		len = strlen(e);

		if (strncmp(e, "right ", 6) == 0 || strncmp(e, "left ", 5) == 0 ||
			!buf_reserve(r, len + 8))
		{
			k++;
			continue;
		}
		memcpy(r->buf + 6, e, len);
		r_free(r, e);
		memmove(&r->mus[k], &r->mus[k + 1], sizeof(char *) * (r->nmus - k - 1));
		r->nmus--;
		if (right)
		{
			memcpy(r->buf, "right ", 6);
			add_muscle(r, r->buf, len + 6, true);
		}
		if (left)
		{
			memcpy(r->buf + 1, "left ", 5);
			add_muscle(r, r->buf + 1, len + 5, true);
		}
	}
}

/*
 * Muscles and per-muscle counts; returns the sum of counts (-1: none),
 * and sets *any_loc when a count or level placed trigger points.
 */
/* Does sentence k name trigger point injection ("trigger point
 * injections", "TPI", 20552/20553)? */
static bool
tpi_sentence(const Reader *r, size_t from, size_t to)
{
	size_t		i;

	for (i = from; i < to; i++)
		if (tok_is(r, i, "tpi") || tok_is(r, i, "tpis") ||
			(r->t[i].type == T_NUM && (r->t[i].num == 20552 || r->t[i].num == 20553)) ||
			(tok_is(r, i, "trigger") && (tok_is(r, i + 1, "point") || tok_is(r, i + 1, "points")) &&
			 (tok_is(r, i + 2, "injection") || tok_is(r, i + 2, "injections"))))
			return true;
	return false;
}

/* "in error", "erroneously", "incorrectly", "mistakenly" at token i */
static bool
error_word(const Reader *r, size_t i)
{
	return (tok_is(r, i, "in") && tok_is(r, i + 1, "error")) ||
		tok_is(r, i, "erroneously") || tok_is(r, i, "incorrectly") ||
		tok_is(r, i, "mistakenly");
}

/* Does a word of error follow token i in its sentence? */
static bool
error_after(const Reader *r, size_t i)
{
	uint32_t	sent = i < r->nt ? r->t[i].sent : 0;

	for (; i < r->nt && r->t[i].sent == sent; i++)
		if (error_word(r, i))
			return true;
	return false;
}

/*
 * A correction: "The right levator scapulae was documented in error",
 * "listed incorrectly", "erroneously recorded" -- a verb of writing and a
 * word of error (not "injected in error": that was injected).
 */
static bool
correction(const Reader *r, size_t from, size_t to)
{
	size_t		i;

	for (i = from; i < to; i++)
		if (error_word(r, i))
			break;
	if (i == to)
		return false;
	for (i = from; i < to; i++)
		if (tok_is(r, i, "documented") || tok_is(r, i, "recorded") ||
			tok_is(r, i, "listed") || tok_is(r, i, "charted") ||
			tok_is(r, i, "entered") || tok_is(r, i, "dictated") ||
			tok_is(r, i, "written") || tok_is(r, i, "stated") ||
			tok_is(r, i, "transcribed"))
			return true;
	return false;
}

/*
 * "Procedure 1: Chemodenervation (64615) - Botox 155 units, 31 sites:
 * frontalis, ... bilateral trapezius.  Procedure 2: Trigger point
 * injections (20552) - R upper trapezius x1 ...": when one sentence of the
 * note tells the TPI, a sentence of chemodenervation (the word, or a
 * botulinum toxin) that does not is another procedure of the visit (CPT
 * 64615/64616, its own line): its muscles and sites are not the TPI's.
 * Its drug is still a substance injected (as a joint injection's is).
 */
static void
other_procedures(Reader *r)
{
	size_t		i,
				from = 0;
	bool		tpi = false,
				chemo = false,
				toxin = false,
				error = false;

	if (r->nt == 0 || !r->marked)
		return;
	for (i = 0; i <= r->nt; i++)
	{
		const NTok *t;

		if (i == r->nt || r->t[i].sent != r->t[from].sent)
		{
			/* the end of the sentence of tokens from .. i */
			uint32_t	sent = r->t[from].sent;

			if (error && correction(r, from, i))
				r->s[sent].other |= O_RETRACT;
			if (toxin && !tpi_sentence(r, from, i))
			{
				r->s[sent].other |= O_OTHER;
				chemo = true;
			}
			toxin = error = false;
			from = i;
			if (i == r->nt)
				break;
		}
		t = &r->t[i];
		if (t->flags & F_MOD)
			continue;
		if (t->mod == MOD_ERROR)
			error = true;
		else if (t->mod == MOD_CHEMO)
			toxin = true;
	}
	if (!chemo)
		return;
	/* only beside a sentence of today's TPI */
	for (i = 0, from = 0; i <= r->nt; i++)
		if (i == r->nt || r->t[i].sent != r->t[from].sent)
		{
			uint32_t	sent = r->t[from].sent;

			if (!(r->s[sent].other & O_OTHER) && (r->s[sent].cues & F_INJ) &&
				sent_current(r, sent) && tpi_sentence(r, from, i))
				tpi = true;
			from = i;
		}
	if (!tpi)
		for (i = 0; i < r->ns; i++)
			r->s[i].other &= (uint8_t) ~O_OTHER;
}

static int
read_muscles(Reader *r, bool note_injects, bool *any_loc)
{
	int			pass;
	int			sum = -1;

	/*
	 * Pass 0: runs in a procedure section or a sentence about injecting.
	 * When there are none but the note injects: pass 1, runs where trigger
	 * points were found ("Palpable trigger points were noted in the lumbar
	 * paraspinal musculature ... injections, which were performed today"),
	 * not a finding beside them ("spasm in the paraspinal musculature");
	 * pass 2, every run outside history, exam, medication and plan.
	 */
	/*
	 * "Trigger point dry needling - R gluteus medius. No injectate.
	 * Trigger point injection - R piriformis with 2 mL 0.5% bupivacaine":
	 * when another sentence injects a drug, the muscles of a sentence of
	 * dry needling without one are no muscles of the injection (CPT
	 * 20560/20561 is its own line)
	 */
	bool		drug_elsewhere = false;
	uint32_t	k;
	bool		above = false;
	bool		injected = false;	/* "N trigger points were injected" */
	size_t		a;

	for (k = 0; k < r->ns; k++)
		if ((r->s[k].cues & F_DRUG) && (r->s[k].cues & F_INJ) &&
			!(r->s[k].cues & F_DRY) && sent_current(r, k))
			drug_elsewhere = true;

	/*
	 * Pass 3, last: "Exam: trigger points in the right trapezius and ...
	 * Procedure: each of the above trigger points was injected": a procedure
	 * that injects what the exam found, by reference, injects the runs of the
	 * exam where trigger points were found.
	 */
	for (a = 0; a < r->nt; a++)
		if ((tok_is(r, a, "above") || tok_is(r, a, "aforementioned")) &&
			!r->t[a].neg && (r->s[r->t[a].sent].flags & S_INJ) &&
			r->s[r->t[a].sent].section != SEC_EXAM &&
			sent_current(r, r->t[a].sent))
		{
			size_t		b = a + 1;

			while (b < r->nt && b < a + 4 &&
				   (punct_is(r, b, '-') || tok_is(r, b, "mentioned") ||
					tok_is(r, b, "noted") || tok_is(r, b, "named") ||
					tok_is(r, b, "identified") || tok_is(r, b, "trigger")))
				b++;
			if (b < r->nt && ((r->t[b].flags & F_TPW) || tok_is(r, b, "muscles") ||
							  tok_is(r, b, "muscle")))
				above = true;
			/* "TPI to the above, 4 sites total": the above alone */
			if (b == a + 1 && a >= 2 && tok_is(r, a - 1, "the") &&
				(tok_is(r, a - 2, "to") || tok_is(r, a - 2, "into") ||
				 tok_is(r, a - 2, "at")) &&
				(b >= r->nt || r->t[b].sent != r->t[a].sent ||
				 punct_is(r, b, ',') || punct_is(r, b, '.') || punct_is(r, b, ';')))
				above = true;
		}

	/*
	 * "Findings: trigger points in the L QL and L glute med. 4 trigger
	 * points were injected": a procedure that says it injected and names
	 * no muscle or region injects what the exam found, as by reference
	 */
	if (!above && note_injects)
		for (a = 0; a < r->nt && !above; a++)
		{
			uint32_t	sent = r->t[a].sent;

			/* not "trigger points were not injected", "... deferred" */
			injected = above =
				(r->t[a].flags & F_INJ) && !r->t[a].neg &&
				!(a >= 1 && (tok_is(r, a - 1, "not") || tok_is(r, a - 1, "never"))) &&
				!(a >= 2 && (tok_is(r, a - 2, "not") || tok_is(r, a - 2, "never"))) &&
				(r->s[sent].flags & S_TPT) && done_here(r, sent) &&
				sent_current(r, sent) && !(r->s[sent].other & O_OTHER);
		}

	for (pass = 0; pass < (above ? 4 : 3); pass++)
	{
		size_t		i = 0;
		bool		found = false;
		uint32_t	reg_sent = UINT32_MAX;	/* sentence of the regions
											 * kept apart last */
		int			reg_mark = 0;	/* where its regions start in r->reg */
		bool		sent_mus = false;	/* it read a muscle run too */
		size_t		carry_at = SIZE_MAX;	/* see bracketed_muscle() */
		size_t		carry_from = 0,
					carry_to = 0;
		int			carry_count = -1;

		/* a later pass reads the same runs afresh, counts and all */
		if (pass > 0)
			for (i = 0; i < r->nt; i++)
				r->t[i].inspan = 0;
		i = 0;
		while (i < r->nt)
		{
			Span		sp;
			size_t		at;
			uint32_t	sent;
			const NSent *s;
			bool		ok,
						apart;
			size_t		cut;

			if (!(r->t[i].flags & F_MUS) || muscle_at(r, i, NULL) == 0)
			{
				i++;
				continue;
			}
			at = i;
			i = span_at(r, i, r->nt, &sp);
			if (i <= sp.first)
				i = sp.first + 1;
			sent = r->t[sp.first].sent;
			s = &r->s[sent];
			{
				size_t		k;

				for (k = sp.cfirst; k < sp.end || k < sp.cend; k++)
					r->t[k].inspan = 1;
			}
			/*
			 * "your right shoulder blade muscles (rhomboids)": the region
			 * tells where the muscle in brackets lies; its side and count
			 * are that muscle's
			 */
			if (sp.regions_only && bracketed_muscle(r, sp.end) > 0)
			{
				size_t		k;

				carry_at = bracketed_muscle(r, sp.end);
				carry_from = carry_to = 0;
				carry_count = sp.count;
				for (k = sp.first; k < sp.end; k++)
					if (r->t[k].type == T_WORD && r->t[k].wclass == MP_WORD_SIDE)
					{
						carry_from = k;
						carry_to = tok_is(r, k, "b") && punct_is(r, k + 1, '/') ? k + 3 : k + 1;
						break;
					}
				continue;
			}
			if (carry_at != SIZE_MAX && sp.first <= carry_at && carry_at < sp.end)
			{
				size_t		k;
				bool		sided = false;

				for (k = sp.first; k < sp.end; k++)
					if (r->t[k].type == T_WORD && r->t[k].wclass == MP_WORD_SIDE)
						sided = true;
				if (!sided && sp.side_from == sp.side_to)
				{
					sp.side_from = carry_from;
					sp.side_to = carry_to;
				}
				if (sp.count < 0)
					sp.count = carry_count;
				carry_at = SIZE_MAX;
			}
			/* region terms: not a landmark, not a complaint ("low back pain") */
			if (sp.regions_only &&
				(landmark(r, at) || complaint(r, sp.end) || spread_to(r, sp.first) ||
				 not_a_site(r, sp.first, sp.end) ||
				 !(s->flags & (S_INJ | S_HEADER))))
				continue;
			if (!sent_current(r, sent) || im_shot(r, sp.first) ||
				imaging_view(r, sp.first, sp.end))
				continue;
			if (drug_elsewhere && (s->cues & F_DRY) && !(s->cues & F_DRUG))
				continue;
			if (s->other & O_OTHER)
				continue;
			/*
			 * "The right levator scapulae was documented in error": what
			 * comes before the word of error ("..., the left was
			 * injected" after it is read as ever)
			 */
			if ((s->other & O_RETRACT) && error_after(r, sp.end))
			{
				r->retracting = true;
				r->injside = MP_SIDE_NONE;
				read_span(r, &sp);
				r->retracting = false;
				continue;
			}
			cut = negated_from(r, &sp);
			/*
			 * the first name negated: the side and part words before it
			 * name nothing ("between the anterior and middle scalenes and
			 * avoided")
			 */
			if (cut <= at)
				continue;
			/* read the entries before the negated one, and their counts */
			if (cut < sp.end)
				span_at(r, at, cut, &sp);
			if (pass == 0)
				ok = s->section == SEC_PROC || (s->flags & S_INJ);
			else if (pass == 3)
				ok = note_injects && s->section == SEC_EXAM && (s->flags & S_TPT);
			else
				ok = note_injects && s->section != SEC_EXAM &&
					s->section != SEC_MEDS && s->section != SEC_HIST &&
					s->section != SEC_PLAN &&
					(pass == 2 || (s->flags & S_TPT));
			if (!ok)
				continue;
			found = true;
			if (sent != reg_sent)
			{
				keep_regions(r, reg_mark, sent_mus);
				reg_sent = sent;
				reg_mark = r->nreg;
				sent_mus = false;
			}
			r->emitted = 0;
			r->injside = (MpSide) s->injside;
			/* a region on a line of a header ("Procedure: TPIs, right forearm") */
			apart = sp.regions_only && (s->flags & S_HEADER);
			if (apart)
				swap_regions(r);
			read_span(r, &sp);
			if (apart)
				swap_regions(r);
			else if (!sp.regions_only && r->emitted > 0)
			{
				sent_mus = true;
				r->any_muscle = true;
			}
			if (sp.count >= 0)
			{
				if (sp.each && r->emitted > 1)
					sp.count *= r->emitted;
				sum = (sum < 0 ? 0 : sum) + sp.count;
				*any_loc = true;
			}
			if (sp.level)
				*any_loc = true;
		}
		keep_regions(r, reg_mark, sent_mus);
		if (found || r->failed)
			break;
	}
	/* the exam's muscles, only when no earlier pass found the procedure's */
	r->exam_injected = injected && pass == 3;
	settle_regions(r);
	/* a correction takes back what it says was documented in error */
	for (k = 0; k < (uint32_t) r->nretract; k++)
	{
		int			m;

		for (m = 0; m < r->nmus; m++)
			if (strcmp(r->mus[m], r->retract[k]) == 0)
			{
				r_free(r, r->mus[m]);
				memmove(&r->mus[m], &r->mus[m + 1], sizeof(char *) * (r->nmus - m - 1));
				r->nmus--;
				break;
			}
	}
	return sum;
}

/* ------------------------------------------------------------------------
 * Counts, drugs and the other elements
 * ------------------------------------------------------------------------
 */

/* Is token i a dose unit or a per cent sign ("6 mL", "2 %")? */
static bool
dose_unit_at(const Reader *r, size_t i)
{
	return i < r->nt && ((r->t[i].type == T_WORD && (r->t[i].flags & F_UNIT)) ||
						 punct_is(r, i, '%'));
}

/*
 * A total n of injections, or its trigger points where the parenthesis
 * at token i names them: "Total injections: 5 (2 nerve blocks, 3 trigger
 * points)" is 3.
 */
static int
total_or_part(const Reader *r, int n, size_t i)
{
	size_t		k;
	int			part;

	if (!punct_is(r, i, '('))
		return n;
	for (k = i + 1; k < r->nt && k < i + 16 && !punct_is(r, k, ')'); k++)
		if ((part = number_at(r, k)) > 0 &&
			((tok_is(r, k + 1, "trigger") && (tok_is(r, k + 2, "point") ||
											   tok_is(r, k + 2, "points"))) ||
			 tok_is(r, k + 1, "tp") || tok_is(r, k + 1, "tps") ||
			 tok_is(r, k + 1, "tpi") || tok_is(r, k + 1, "tpis") ||
			 tok_is(r, k + 1, "trps")))
			return part;
	return n;
}

/* The muscles read are none after all. */
static void
drop_muscles(Reader *r)
{
	int			k;

	for (k = 0; k < r->nmus; k++)
		r_free(r, r->mus[k]);
	r->nmus = 0;
}

/* A stated total of trigger points, -1 when none. */
static int
stated_total(Reader *r, int *each)
{
	size_t		i;
	int			weak = -1;
	int			strong = -1;
	uint32_t	strong_sent = 0;

	/*
	 * The first stated total wins; the scan goes on to the end of its
	 * sentence only, for a count per muscle stated beside it ("4 TPs
	 * total, 1 per muscle").
	 */
	*each = -1;

	/*
	 * "Addendum: trigger point count corrected to 3": a correction of the
	 * count replaces what the note stated before it
	 */
	for (i = r->nt; i-- > 2;)
	{
		const NTok *t = &r->t[i];
		int			n;
		size_t		k;

		if (!(tok_is(r, i, "corrected") || tok_is(r, i, "amended") ||
			  tok_is(r, i, "changed")) || !tok_is(r, i + 1, "to") ||
			(n = number_at(r, i + 2)) <= 0 || n >= 100 || t->neg ||
			dose_unit_at(r, i + 3))
			continue;
		for (k = i; k > 0 && k + 4 > i && r->t[k - 1].sent == t->sent; k--)
			if ((r->t[k - 1].flags & F_TPW) ||
				(tok_is(r, k - 1, "count") && k >= 2 && (r->t[k - 2].flags & F_TPW)))
				return n;
	}

	for (i = 0; i < r->nt; i++)
	{
		const NTok *t = &r->t[i];
		size_t		j,
					next;
		int			n;

		/* past the sentence of the total, nothing more is looked for */
		if (strong >= 0 && t->sent != strong_sent)
			break;
		if (t->type == T_PUNCT || t->type == T_NL || t->neg ||
			!sent_current(r, t->sent) || t->inspan ||
			(r->s[t->sent].other & O_OTHER))
			continue;
		if (strong < 0)
			strong_sent = t->sent;
		/* TPI x4, TPIs x 4, trigger point injections x 6 */
		if (is_tp_word(r, i) && !is_tp_word(r, i + 1) &&
			(n = times_at(r, i + 1, &next)) > 0)
			strong = strong < 0 ? n : strong;
		/* total (of) 8 (sites), a total of 8 trigger points */
		if (t->flags & F_TOTAL)
		{
			j = i + 1;
			if (tok_is(r, j, "of") || punct_is(r, j, ':') || punct_is(r, j, '='))
				j++;
			/* "a total of 6 mL of 0.25% bupivacaine" is a volume */
			if ((n = number_at(r, j)) > 0 && !dose_unit_at(r, j + 1))
				strong = strong < 0 ? total_or_part(r, n, j + 1) : strong;
			/* total sites injected: 8 */
			while (j < r->nt && j < i + 5 && !punct_is(r, j, ':') &&
				   r->t[j].type == T_WORD)
				j++;
			if (punct_is(r, j, ':') && (n = number_at(r, j + 1)) > 0)
				strong = strong < 0 ? total_or_part(r, n, j + 2) : strong;
		}
		/* trigger points: 6, number of sites = 4, trigger points injected: 3 */
		if (t->flags & F_TPW)
		{
			bool		perm = false;

			j = i + 1;
			while (j < r->nt && j < i + 3 && r->t[j].type == T_WORD &&
				   !(r->t[j].flags & F_MUS))
				j++;
			/* "Injection sites (n=4)" */
			if (punct_is(r, j, '(') && tok_is(r, j + 1, "n") && punct_is(r, j + 2, '='))
				j += 2;
			/* (not "trigger points injected: 2 in the trapezius, ...") */
			if ((punct_is(r, j, ':') || punct_is(r, j, '=')) &&
				(n = number_at(r, j + 1)) > 0 &&
				!tok_is(r, j + 2, "in") && !tok_is(r, j + 2, "into"))
			{
				/* "Trapezius trigger points: 2" is a per-muscle count */
				for (j = i; j > 0 && j + 4 > i && r->t[j - 1].sent == t->sent; j--)
					if (r->t[j - 1].flags & F_MUS)
						perm = true;
				if (!perm)
					strong = strong < 0 ? n : strong;
			}
		}
		/*
		 * "4 TPs total, 1 per muscle": a count per muscle with no word of
		 * points, beside a total
		 */
		if (*each < 0 && tok_is(r, i + 1, "per") && tok_is(r, i + 2, "muscle") &&
			(n = number_at(r, i)) > 0 &&
			((r->s[t->sent].flags & (S_INJ | S_DONE | S_CURRENT)) ||
			 r->s[t->sent].section == SEC_PROC))
			*each = n;
		/* "2 TPs ea (8 total)": a figure and "total" alone */
		if (tok_is(r, i + 1, "total") && (n = number_at(r, i)) > 0 &&
			i > 0 && (punct_is(r, i - 1, '(') || punct_is(r, i - 1, ',')) &&
			(r->s[t->sent].flags & (S_TPT | S_INJ)))
			strong = strong < 0 ? n : strong;
		/* "a single trigger point injection was performed in ...": one */
		if (weak < 0 && tok_is(r, i, "single") && i > 0 && tok_is(r, i - 1, "a") &&
			(tok_is(r, i + 1, "trigger") || (r->t[i + 1 < r->nt ? i + 1 : i].flags & F_TPW)))
			weak = 1;

		/*
		 * "3 trigger points were injected", "TPIs, 8 sites": not a count
		 * that goes with a muscle
		 */
		if (weak < 0 && (n = number_at(r, i)) > 0 &&
			!(i > 0 && r->t[i - 1].flags & F_TOTAL))
		{
			j = i + 1;
			/* "three (3) trigger points": the figure after the word */
			if (punct_is(r, j, ')') && i > 0 && punct_is(r, i - 1, '('))
				j++;
			/* "4 needle insertions" */
			if (tok_is(r, j, "trigger") || tok_is(r, j, "needle"))
				j++;
			/* "3 trigger points in total" */
			if (j < r->nt && (r->t[j].flags & F_TPW) &&
				(tok_is(r, j + 1, "total") ||
				 (tok_is(r, j + 1, "in") && tok_is(r, j + 2, "total"))))
				strong = strong < 0 ? n : strong;
			if (j < r->nt && (r->t[j].flags & F_TPW) && !tok_is(r, j, "areas"))
			{
				size_t		k;
				bool		verb = false,
							muscle = false,
							sides = false,
							permus = false,
							about;

				for (k = j + 1; k < r->nt && k < j + 8 && !clause_end(r, k); k++)
				{
					if (r->t[k].flags & (F_DONE | F_INJ))
						verb = true;
					if (r->t[k].flags & F_MUS)
						muscle = true;
					/* "2 trigger points were injected on each side": 4 */
					if ((tok_is(r, k, "each") || tok_is(r, k, "per")) &&
						tok_is(r, k + 1, "side"))
						sides = true;
					/* "two trigger points were marked in each," */
					if (tok_is(r, k - 1, "in") && tok_is(r, k, "each") &&
						(k + 1 >= r->nt || clause_end(r, k + 1) ||
						 tok_is(r, k + 1, "muscle")))
						permus = true;
				}
				/*
				 * "1% lidocaine 1 mL per site, 3 sites": a sentence of the
				 * injectate is about the procedure too
				 */
				about = verb ||
					(r->s[t->sent].flags & (S_INJ | S_DONE | S_CURRENT)) ||
					r->s[t->sent].section == SEC_PROC ||
					(r->s[t->sent].cues & (F_DRUG | F_UNIT));

				if (about && !muscle && (each_at(r, j + 1) > 0 || permus))
				{
					/* "2 trigger points in each muscle", muscles named before */
					if (*each < 0)
						*each = n;
				}
				else if (about && !muscle)
					weak = sides ? 2 * n : n;	/* unless a stronger statement
												 * follows */
			}
		}
	}
	return strong >= 0 ? strong : weak;
}

/* The vocabulary drug at token i: its row and token count, or -1. */
static int
drug_at(const Reader *r, size_t i, size_t *ntok)
{
	char		tmp[256];
	size_t		o = 0,
				n,
				j = i;
	int			best = -1;

	if (!(r->t[i].flags & F_DRUG))
		return -1;
	if (r->t[i].fdrug)
	{
		*ntok = 1;
		return r->t[i].fdrug - 1;
	}
	for (n = 1; n <= r->t[i].drugw && j < r->nt; n++, j++)
	{
		const NTok *t = &r->t[j];
		int			d;

		if (t->type == T_PUNCT && n > 1 && r->raw[t->start] == '-')
		{
			n--;
			continue;			/* depo-medrol */
		}
		if (t->type != T_WORD || o + t->len + 1 > sizeof(tmp))
			break;
		if (o > 0)
			tmp[o++] = ' ';
		memcpy(tmp + o, r->low + t->start, t->len);
		o += t->len;
		d = drug_find(r->v, tmp, o);
		if (d >= 0)
		{
			best = d;
			*ntok = j - i + 1;
		}
	}
	if (best < 0)
	{
		/* depo-medrol written as "depomedrol" in the table, "depo-medrol" in
		 * the note: the table also normalises "-" to a blank */
		return -1;
	}
	return best;
}

/* A dose at token i: returns the token after it, or i. */
static size_t
dose_at(const Reader *r, size_t i)
{
	const NTok *t = &r->t[i];
	size_t		j = i + 1;

	if (t->type != T_NUM)
		return i;
	/* 40mg, 1%: unit glued on or next */
	if (t->len > 1)
	{
		const char *w = r->low + t->start;
		size_t		k = 0;

		while (k < t->len && (is_digit((unsigned char) w[k]) || w[k] == '.'))
			k++;
		if (k < t->len)
		{
			VWord	   *vw = vword_find(r->v, w + k, t->len - k,
										mp_hash(w + k, t->len - k));

			if (vw->s == NULL || !(vw->flags & F_UNIT))
				return i;
			j = i + 1;
			goto per;
		}
	}
	if (punct_is(r, j, '%'))
		return j + 1;
	if (j < r->nt && (r->t[j].flags & F_UNIT))
		j++;
	else
		return i;
per:
	/* mg/mL */
	if (punct_is(r, j, '/') && j + 1 < r->nt && (r->t[j + 1].flags & F_UNIT))
		j += 2;
	/* "1 mL per site", "1 mL per trigger point": a rate, part of the dose */
	if (tok_is(r, j, "per") || (punct_is(r, j, '/') && j + 1 < r->nt &&
								r->t[j + 1].type == T_WORD))
	{
		size_t		k = j + 1;

		if (tok_is(r, k, "trigger"))
			k++;
		if (k < r->nt && ((r->t[k].flags & F_TPW) || tok_is(r, k, "muscle") ||
						  tok_is(r, k, "injection") || tok_is(r, k, "side")))
			j = k + 1;
	}
	/* "2 mL at each occipital nerve", "1 mL into each site": a rate too */
	else if ((tok_is(r, j, "at") || tok_is(r, j, "to") || tok_is(r, j, "in") ||
			  tok_is(r, j, "into")) && tok_is(r, j + 1, "each"))
	{
		size_t		k = j + 2;

		/* the thing each: up to three words ("greater occipital nerve") */
		while (k < r->nt && k < j + 5 && r->t[k].type == T_WORD &&
			   !clause_end(r, k) && !(r->t[k].flags & (F_DRUG | F_MUS)) &&
			   !tok_is(r, k, "with") && !tok_is(r, k, "of") &&
			   !tok_is(r, k, "and") && !tok_is(r, k, "using") &&
			   !tok_is(r, k, "was") && !tok_is(r, k, "were"))
			k++;
		if (k > j + 2)
			j = k;
	}
	return j;
}

/*
 * A dose from token i to e that is none of the injection's: a medicine
 * taken by mouth ("ibuprofen 600 mg PRN", "meloxicam 15 mg", "10 mg
 * qhs"), or the size of a syringe ("drawn up in a 10 mL syringe").
 */
static bool
not_injected_dose(const Reader *r, size_t i, size_t e)
{
	static const char *const when[] = {"prn", "daily", "bid", "tid", "qid",
		"qhs", "qd", "qam", "qpm", "nightly", "po", "hs", "syringe",
	"syringes", NULL};
	int			k;

	if (i > 0 && r->t[i - 1].type == T_WORD && (r->t[i - 1].flags & F_CONS))
		return true;
	/* a medication record's "Wasted: 2 mL", "2 mL discarded" */
	{
		size_t		w = i > 0 && punct_is(r, i - 1, ':') ? i - 1 : i;

		if (w > 0 && (tok_is(r, w - 1, "wasted") || tok_is(r, w - 1, "waste") ||
					  tok_is(r, w - 1, "discarded")))
			return true;
		if (tok_is(r, e, "wasted") || tok_is(r, e, "discarded"))
			return true;
	}
	for (k = 0; when[k]; k++)
		if (tok_is_s(r, e, when[k]))
			return true;
	return false;
}

/*
 * Appends a dose as written; the buffer doubles, so a long note is linear.
 * A rate ("1 mL per site") is the dose only while no amount is stated:
 * "1% lidocaine, 8 mL total (1 mL per site)" is "1%, 8 mL", but "Xylocaine
 * 1% 1 mL per site, 3 sites" is "1% 1 mL per site".
 */
static void
add_dose(Reader *r, int d, size_t from, size_t to)
{
	size_t		a = r->t[from].start,
				b = r->t[to - 1].start + r->t[to - 1].len;
	size_t		need;
	size_t		k;
	bool		rate = false,
				conc = punct_is(r, to - 1, '%') || tok_is(r, to - 1, "percent");

	/* "Lidocaine HCl injection, per 10 mg (J2001)": a billing unit */
	if (from > 0 && tok_is(r, from - 1, "per"))
		rate = true;
	for (k = from; k < to; k++)
		if (tok_is(r, k, "per") || tok_is(r, k, "each") ||
			(punct_is(r, k, '/') && k + 1 < to &&
			 !(r->t[k + 1].flags & F_UNIT)))
			rate = true;
	if (rate && r->amount[d])
		return;
	if (!rate && !conc)
	{
		/* an amount after a rate it follows replaces it */
		if (r->ratepos[d] != SIZE_MAX)
		{
			r->doselen[d] = r->ratepos[d];
			if (r->dose[d])
				r->dose[d][r->doselen[d]] = '\0';
			r->doseend[d] = r->rateprev[d];
		}
		r->amount[d] = true;
	}
	r->ratepos[d] = SIZE_MAX;
	if (rate)
	{
		r->ratepos[d] = r->doselen[d];
		r->rateprev[d] = r->doseend[d];
	}
	need = r->doselen[d] + (b - a) + 5;

	if (need > r->dosecap[d])
	{
		size_t		cap = need * 2 + 32;
		char	   *n = r_alloc(r, cap);

		if (n == NULL)
			return;
		if (r->doselen[d])
			memcpy(n, r->dose[d], r->doselen[d]);
		r_free(r, r->dose[d]);
		r->dose[d] = n;
		r->dosecap[d] = cap;
	}
	if (r->doselen[d])
	{
		/*
		 * As written, less the drug's name: "4 mL of 1% lidocaine" is "4
		 * mL of 1%", "0.5% lidocaine, 0.5 mL per site" is "0.5%, 0.5 mL
		 * per site".  Only a short gap is looked at, so this stays linear.
		 */
		const char *sep = " ";
		size_t		g = r->doseend[d];

		if (a > g && a - g <= 64)
		{
			for (k = g; k < a && (r->raw[k] == ' ' || r->raw[k] == '\n'); k++)
				;
			if (a - k >= 3 && r->low[k] == 'o' && r->low[k + 1] == 'f' &&
				(r->raw[k + 2] == ' ' || r->raw[k + 2] == '\n'))
			{
				for (k += 2; k < a && (r->raw[k] == ' ' || r->raw[k] == '\n'); k++)
					;
				/*
				 * "10 mL of a 1:1 mixture of 1% lidocaine": the "of" before
				 * the next piece stays, with no punctuation between ("2 mL
				 * of lidocaine 1%" is "2 mL 1%")
				 */
				if (k == a ||
					(a - k >= 3 && r->low[a - 1] == ' ' && r->low[a - 2] == 'f' &&
					 r->low[a - 3] == 'o' && (a - k == 3 || r->low[a - 4] == ' ') &&
					 memchr(r->raw + k, ',', a - k) == NULL &&
					 memchr(r->raw + k, '.', a - k) == NULL &&
					 memchr(r->raw + k, ';', a - k) == NULL &&
					 memchr(r->raw + k, '(', a - k) == NULL))
					sep = " of ";
			}
			else if (memchr(r->raw + g, ',', a - g) != NULL &&
					 memchr(r->raw + g, '.', a - g) == NULL &&
					 memchr(r->raw + g, ';', a - g) == NULL)
				sep = ", ";
		}
		memcpy(r->dose[d] + r->doselen[d], sep, strlen(sep));
		r->doselen[d] += strlen(sep);
	}
	r->doseend[d] = b;
	memcpy(r->dose[d] + r->doselen[d], r->raw + a, b - a);
	r->doselen[d] += b - a;
	r->dose[d][r->doselen[d]] = '\0';
}

/* Index in r->drug of generic g, added when new (in order of mention). */
static int
drug_slot(Reader *r, const char *generic)
{
	int			k;

	for (k = 0; k < r->ndrug; k++)
		if (strcmp(r->v->drugs[r->drug[k]].generic, generic) == 0)
			return k;
	if (r->ndrug == 16)
		return -1;
	r->dose[r->ndrug] = NULL;
	r->doselen[r->ndrug] = r->dosecap[r->ndrug] = r->doseend[r->ndrug] = 0;
	r->ratepos[r->ndrug] = SIZE_MAX;
	r->amount[r->ndrug] = false;
	return r->ndrug++;
}

/* Doses waiting for their drug: pieces of text, in order. */
#define MAX_PENDING 8

typedef struct Pending
{
	size_t		from[MAX_PENDING];
	size_t		to[MAX_PENDING];
	int			n;
	uint32_t	sent;
} Pending;

static void
flush_pending(Reader *r, Pending *p, int slot)
{
	int			k;

	for (k = 0; k < p->n; k++)
		add_dose(r, slot, p->from[k], p->to[k]);
	p->n = 0;
}

/*
 * "the lidocaine patch", "lidocaine 5% patch", "diclofenac gel": a form
 * put on the skin after the drug's name (and a strength), nothing injected
 */
static bool
topical_at(const Reader *r, size_t k)
{
	static const char *const forms[] = {"patch", "patches", "cream", "gel",
	"ointment", "topical", "jelly", NULL};
	size_t		e;
	int			f;

	if (k < r->nt && r->t[k].type == T_NUM && (e = dose_at(r, k)) > k && e < k + 4)
		k = e;
	for (f = 0; forms[f]; f++)
		if (tok_is_s(r, k, forms[f]))
			return true;
	return false;
}

static void
read_drugs(Reader *r)
{
	size_t		i = 0;
	int			last = -1;		/* slot of the last drug in the sentence */
	uint32_t	last_sent = UINT32_MAX;
	Pending		pend;
	int			note_last = -1;	/* slot of the last drug in the note */

	pend.n = 0;
	pend.sent = 0;
	while (i < r->nt)
	{
		const NTok *t = &r->t[i];
		size_t		n = 0,
					e;
		int			d;

		if (t->sent != last_sent)
		{
			/*
			 * a line wrapped mid-sentence ("0.5% lidocaine,\n0.5 mL", "1
			 * mL\nof 1% lidocaine") goes on
			 */
			bool		wrapped = i >= 2 && r->t[i - 1].type == T_NL &&
				(r->t[i - 2].type == T_WORD || r->t[i - 2].type == T_NUM ||
				 punct_is(r, i - 2, ','));

			/* "Volume: 5 mL" on a template line: the drug named last */
			if (pend.n > 0 && note_last >= 0 &&
				(r->s[pend.sent].flags & S_HEADER))
				flush_pending(r, &pend, note_last);
			/* doses waiting for their drug: only into "of <drug>" */
			if (!wrapped || !(tok_is(r, i, "of") || (t->flags & F_DRUG)))
				pend.n = 0;
			if (!wrapped)
				last = -1;
			last_sent = t->sent;
		}
		if ((d = drug_at(r, i, &n)) >= 0)
		{
			bool		ok = !t->neg && sent_current(r, t->sent) &&
				r->s[t->sent].section != SEC_MEDS && !topical_at(r, i + n);

			if (ok)
			{
				/* the generic's own row: depo-medrol -> methylprednisolone */
				int			slot = drug_slot(r, r->v->drugs[d].generic);

				if (slot >= 0)
				{
					r->drug[slot] = d;
					last = note_last = slot;
					flush_pending(r, &pend, slot);
				}
			}
			pend.n = 0;
			i += n;
			continue;
		}
		e = t->type == T_NUM ? dose_at(r, i) : i;
		/* not negated, not of another visit, not a rate ("1 mL per site") */
		if (e > i && (t->neg || !sent_current(r, t->sent) || not_injected_dose(r, i, e)))
		{
			i = e;
			continue;
		}
		if (e > i)
		{
			size_t		k = e;

			/*
			 * Before a drug or another dose ("40 mg triamcinolone", "2 mL of
			 * 1% lidocaine"), or with no drug yet in the sentence: it waits
			 * for the next drug.
			 */
			while (k < r->nt && (tok_is(r, k, "of") || tok_is(r, k, "the") ||
								 tok_is(r, k, "each")))
				k++;
			if (last < 0 || (k < r->nt && ((r->t[k].flags & F_DRUG) ||
										   dose_at(r, k) > k)))
			{
				if (pend.n < MAX_PENDING)
				{
					pend.from[pend.n] = i;
					pend.to[pend.n] = e;
					pend.n++;
					pend.sent = t->sent;
				}
			}
			else
			{
				/* the end of a chain of doses after a drug: all are its */
				flush_pending(r, &pend, last);
				add_dose(r, last, i, e);
			}
			i = e;
			continue;
		}
		i++;
	}
}

/*
 * Is there a cue of flag f, not negated, in a current sentence (with
 * done: one that says something was done, or in a procedure section)?
 */
static bool
cue_present(const Reader *r, uint32_t f, bool done)
{
	size_t		i;

	for (i = 0; i < r->nt; i++)
		if ((r->t[i].flags & f) && !r->t[i].neg &&
			sent_current(r, r->t[i].sent) &&
			(!done || done_here(r, r->t[i].sent) ||
		/* "tpi today." */
			 (r->s[r->t[i].sent].flags & S_TODAY)))
			return true;
	return false;
}

static inline bool
any_sentence_of(const Reader *r, size_t i, uint32_t f)
{
	return (r->s[r->t[i].sent].cues & f) != 0;
}

/*
 * Does the sentence of token at guide another procedure than the trigger
 * point injections ("Left hip joint injection under fluoroscopy.")?  It
 * names a joint, bursa, epidural, facet or nerve block and no trigger
 * point.
 */
static bool
guides_other_procedure(const Reader *r, size_t at)
{
	static const char *const other[] = {
		"joint", "intraarticular", "articular", "bursa", "bursal",
		"epidural", "facet", "nerve", "block", "arthrogram",
		"arthrocentesis", "radiofrequency", "sacroiliac"
	};
	uint32_t	sent = r->t[at].sent;
	size_t		i = at;
	bool		names_other = false;
	size_t		k;

	while (i > 0 && r->t[i - 1].sent == sent)
		i--;
	for (; i < r->nt && r->t[i].sent == sent; i++)
	{
		if (tok_is(r, i, "trigger") || tok_is(r, i, "tpi") ||
			tok_is(r, i, "tpis") || tok_is(r, i, "trp") ||
			tok_is(r, i, "trps") || tok_is(r, i, "mtrp") ||
			tok_is(r, i, "mtrps"))
			return false;
		for (k = 0; k < sizeof(other) / sizeof(other[0]) && !names_other; k++)
			names_other = tok_is_s(r, i, other[k]);
	}
	return names_other;
}

/*
 * Is sentence sent an instruction for after the visit ("He will ice the
 * region", "She was asked to ice the region") rather than care the patient
 * has had ("continues heat and ice")?
 */
static bool
instruction(const Reader *r, size_t at)
{
	uint32_t	sent = r->t[at].sent;
	size_t		i = at;
	bool		told = (r->s[sent].flags & S_FUTURE) != 0;

	/* once per sentence, over its own tokens: linear */
	while (i > 0 && r->t[i - 1].sent == sent)
		i--;
	for (; i < r->nt && r->t[i].sent == sent; i++)
	{
		if (tok_is(r, i, "continue") || tok_is(r, i, "continues") ||
			tok_is(r, i, "continued") || tok_is(r, i, "tried"))
			return false;
		if (tok_is(r, i, "asked") || tok_is(r, i, "instructed") ||
			tok_is(r, i, "advised") || tok_is(r, i, "told"))
			told = true;
		/* "D/c home w/ ice" */
		if (tok_is(r, i, "d") && punct_is(r, i + 1, '/') && tok_is(r, i + 2, "c"))
			told = true;
	}
	return told;
}

/*
 * Does the landmark cue at token i tell where trigger points lie?  Not
 * "spine" alone (but "scapular spine"), and "located", "marked" or
 * "mapped" only in a sentence of points or muscles ("patient located at
 * home", "the skin was marked and prepped" tell nothing).
 */
static bool
landmark_word(const Reader *r, size_t i)
{
	if (tok_is(r, i, "spine"))
		return tok_is(r, i - 1, "scapular") || tok_is(r, i - 1, "iliac");
	/* "trigger points were marked" says they were found, not where */
	if (tok_is(r, i, "located") || tok_is(r, i, "mapped"))
		return (r->s[r->t[i].sent].flags & S_TPT) ||
			any_sentence_of(r, i, F_MUS | F_TPW);
	return true;
}

/*
 * Is token i a letter's sign-off ("Yours sincerely,", "Kind regards,")
 * with the writer's name on a line under it?
 */
static bool
signoff(const Reader *r, size_t i)
{
	size_t		k = i + 1;

	if (!(tok_is(r, i, "sincerely") || tok_is(r, i, "faithfully") ||
		  (tok_is(r, i, "regards") && i > 0 && tok_is(r, i - 1, "kind"))))
		return false;
	if (punct_is(r, k, ','))
		k++;
	if (k >= r->nt || r->t[k].type != T_NL)
		return false;
	while (k < r->nt && r->t[k].type == T_NL)
		k++;
	return k < r->nt && r->t[k].type == T_WORD;
}

/*
 * "informed consent was signed", "signed consent form": the patient's
 * signature on the consent, not the note's.
 */
static bool
consent_form(const Reader *r, size_t i)
{
	size_t		k,
				from = i > 4 ? i - 4 : 0;

	for (k = from; k < r->nt && k <= i + 3; k++)
		if (r->t[k].sent == r->t[i].sent &&
			(tok_is(r, k, "consent") || tok_is(r, k, "consents")))
			return true;
	return false;
}

/*
 * "-- Dr. A. Lindqvist, ND" closing the note: a sign-off of two dashes
 * (or a dash before "Dr") and a name, on the note's last line.
 */
static bool
dash_signoff(const Reader *r, size_t i)
{
	size_t		k = i;

	if ((i > 0 && r->t[i - 1].type != T_NL) || !punct_is(r, i, '-'))
		return false;
	while (k < r->nt && k < i + 4 && punct_is(r, k, '-'))
		k++;
	if (k >= r->nt || r->t[k].type != T_WORD || (k == i + 1 && !tok_is(r, k, "dr")))
		return false;
	/* the last line */
	for (; k < r->nt; k++)
		if (r->t[k].type == T_NL)
			break;
	for (; k < r->nt; k++)
		if (r->t[k].type != T_NL)
			return false;
	return true;
}

/* A span of time at token i: "2 weeks", "4-6 wks", "one month". */
static bool
time_span_at(const Reader *r, size_t i)
{
	static const char *const units[] = {"day", "days", "week", "weeks", "wk",
	"wks", "month", "months", "mo", "mos", NULL};
	int			k;

	if (number_at(r, i) <= 0)
		return false;
	if (punct_is(r, i + 1, '-') && number_at(r, i + 2) > 0)
		i += 2;
	for (k = 0; units[k]; k++)
		if (tok_is_s(r, i + 1, units[k]))
			return true;
	return false;
}

/*
 * Does token i cue a plan after the procedure ("Plan:", "follow up",
 * "RTC", "next visit", "re-eval", "told to apply heat")?
 */
static bool
plan_cue(const Reader *r, size_t i)
{
	const NTok *t = &r->t[i];

	return ((t->flags & F_PLAN) ||
		 (t->header && (t->flags & F_SEC_PLAN)) ||
		 (tok_is(r, i, "plan") && punct_is(r, i + 1, ':')) ||
		 /* "see her in 3 months" */
		 (tok_is(r, i, "see") && ((tok_is(r, i + 2, "in") && number_at(r, i + 3) > 0) ||
								  (tok_is(r, i + 2, "back") && tok_is(r, i + 3, "in")))) ||
		 (tok_is(r, i, "follow") && (tok_is(r, i + 1, "up") ||
									 (punct_is(r, i + 1, '-') && tok_is(r, i + 2, "up")))) ||
		 (tok_is(r, i, "f") && punct_is(r, i + 1, '/') && tok_is(r, i + 2, "u")) ||
		 (tok_is(r, i, "return") && (tok_is(r, i + 1, "to") || tok_is(r, i + 1, "in") ||
									 number_at(r, i + 1) > 0)) ||
		 /* "next visit", "Next injection in 4-6 weeks", "next TPI" */
		 (tok_is(r, i, "next") && (visit_word(r, past_tp_words(r, i + 1)) ||
								   tok_is(r, i + 1, "week"))) ||
		 /* "Next prolotherapy session in 4 weeks", not "next to the" */
		 (tok_is(r, i, "next") && i + 2 < r->nt && r->t[i + 1].type == T_WORD &&
		  !tok_is(r, i + 1, "to") && visit_word(r, i + 2) &&
		  tok_is(r, i + 3, "in") && time_span_at(r, i + 4)) ||
		 /* "clinic visit in 2 weeks", not "the last visit in 2024" */
		 ((tok_is(r, i, "visit") || tok_is(r, i, "appointment")) &&
		  tok_is(r, i + 1, "in") && time_span_at(r, i + 2)) ||
		 /* aftercare told: "told to apply heat", "Advised ice" */
		 ((tok_is(r, i, "instructed") || tok_is(r, i, "advised") ||
		   tok_is(r, i, "told") || tok_is(r, i, "asked")) &&
		  (tok_is(r, i + 1, "to") ||
		   (i + 1 < r->nt && (r->t[i + 1].flags & (F_HEAT | F_CONS))))) ||
		 (tok_is(r, i, "given") && tok_is(r, i + 1, "home") &&
		  (r->t[i + 2 < r->nt ? i + 2 : i].flags & F_CONS)) ||
		 /* "Re-evaluate in 2 weeks", "re-check" */
		 /* "will review her in the clinic", "review in 8 weeks" */
		 (t->len == 6 && tok_is(r, i, "review") &&
		  ((i > 0 && tok_is(r, i - 1, "will")) || tok_is(r, i + 1, "in") ||
		   (tok_is(r, i + 1, "after") && time_span_at(r, i + 2)))) ||
		 /* a case report's "reviewed at 2 and 6 weeks" */
		 (tok_is(r, i, "reviewed") && (tok_is(r, i + 1, "at") || tok_is(r, i + 1, "after")) &&
		  number_at(r, i + 2) > 0) ||
		 /* "instructed in a home stretching program" */
		 ((tok_is(r, i, "instructed") || tok_is(r, i, "educated")) && tok_is(r, i + 1, "in") &&
		  i + 4 < r->nt && ((r->t[i + 2].flags | r->t[i + 3].flags | r->t[i + 4].flags) &
							(F_CONS | F_HEAT))) ||
		 (tok_is(r, i, "re") && punct_is(r, i + 1, '-') &&
		  (tok_is(r, i + 2, "evaluate") || tok_is(r, i + 2, "evaluation") ||
		   tok_is(r, i + 2, "eval") || tok_is(r, i + 2, "exam") ||
		   tok_is(r, i + 2, "check") || tok_is(r, i + 2, "assess"))) ||
		 /* "Post-op: soft diet ... recall 3 weeks" (not "Postoperative
		  * diagnosis") */
		 (((tok_is(r, i, "post") && punct_is(r, i + 1, '-') && tok_is(r, i + 2, "op")) ||
		   tok_is(r, i, "postop")) &&
		  (punct_is(r, i + (tok_is(r, i, "postop") ? 1 : 3), ':') ||
		   tok_is(r, i + (tok_is(r, i, "postop") ? 1 : 3), "instructions") ||
		   tok_is(r, i + (tok_is(r, i, "postop") ? 1 : 3), "care"))) ||
		 (tok_is(r, i, "recall") && (number_at(r, i + 1) > 0 || tok_is(r, i + 1, "in"))) ||
		 /* "Relative rest 48h, then resume running", "may resume" */
		 (tok_is(r, i, "relative") && tok_is(r, i + 1, "rest")) ||
		 (tok_is(r, i, "resume") && i > 0 &&
		  (tok_is(r, i - 1, "then") || tok_is(r, i - 1, "may") ||
		   tok_is(r, i - 1, "can"))) ||
		 /* "Control in 3 weeks" (a control visit), "we will follow." */
		 (tok_is(r, i, "control") && tok_is(r, i + 1, "in") && time_span_at(r, i + 2)) ||
		 (tok_is(r, i, "follow") && i > 0 && tok_is(r, i - 1, "will") &&
		  (i + 1 >= r->nt || clause_end(r, i + 1) || tok_is(r, i + 1, "along"))) ||
		 ((tok_is(r, i, "post") || tok_is(r, i, "postprocedure")) &&
		  (tok_is(r, i + 1, "procedure") || tok_is(r, i + 2, "procedure") ||
		   tok_is(r, i + 1, "injection") || tok_is(r, i + 2, "injection"))));
}

/*
 * "cont pt + hep", "failed pt": "pt" written small is physical therapy
 * after a word of care had or kept, elsewhere the patient ("pt tolerated").
 */
static bool
therapy_pt(const Reader *r, size_t i)
{
	return i > 0 && (tok_is(r, i - 1, "cont") || tok_is(r, i - 1, "continue") ||
					 tok_is(r, i - 1, "continues") || tok_is(r, i - 1, "continuing") ||
					 tok_is(r, i - 1, "failed") || tok_is(r, i - 1, "formal") ||
					 tok_is(r, i - 1, "outpatient"));
}

/*
 * Does the sentence of token i speak of care not yet had ("refer to PT",
 * "start a trial of gabapentin")?  A trial had is care had: "has completed
 * PT and a trial of tizanidine", "failed a trial of NSAIDs", "s/p a trial
 * of PT", "a trial of PT did not help".
 */
static bool
new_care(const Reader *r, size_t i)
{
	uint32_t	sent = r->t[i].sent;
	size_t		k,
				from = i;
	bool		trial = false,
				had = false;

	if (!any_sentence_of(r, i, F_NEWCARE))
		return false;
	while (from > 0 && r->t[from - 1].sent == sent)
		from--;
	for (k = from; k < r->nt && r->t[k].sent == sent; k++)
	{
		if (r->t[k].flags & F_NEWCARE)
		{
			if (!tok_is(r, k, "trial"))
				return true;
			trial = true;
		}
		/* "s/p a trial of PT", "a trial of PT failed", "... did not help" */
		if (tok_is(r, k, "completed") || tok_is(r, k, "failed") ||
			tok_is(r, k, "tried") || tok_is(r, k, "had") ||
			tok_is(r, k, "despite") || tok_is(r, k, "after") ||
			tok_is(r, k, "without") ||
			(tok_is(r, k, "status") && tok_is(r, k + 1, "post")) ||
			(tok_is(r, k, "s") && punct_is(r, k + 1, '/') && tok_is(r, k + 2, "p")) ||
			(tok_is(r, k, "did") && tok_is(r, k + 1, "not") && tok_is(r, k + 2, "help")))
			had = true;
	}
	return trial && !had;
}

static void
read_elements(Reader *r, NrFacts *out)
{
	size_t		i;
	uint32_t	after_sent = UINT32_MAX;
	bool		after = false;
	uint32_t	care_sent = UINT32_MAX;
	bool		care_to_come = false;	/* new_care() of care_sent */

	out->guidance = modality[0];
	for (i = 0; i < r->nt; i++)
	{
		const NTok *t = &r->t[i];

		if (t->type != T_WORD && t->type != T_PUNCT)
			continue;
		/* once per sentence: new_care() reads the whole of it */
		if (t->sent != care_sent)
		{
			care_sent = t->sent;
			care_to_come = new_care(r, i);
		}
		/* signed: not "unsigned", not "not signed", not pending */
		if ((t->flags & F_SIGN) && !t->neg &&
			!any_sentence_of(r, i, F_NOT) &&
			!tok_is(r, i + 1, "pending") && !consent_form(r, i))
			out->note_signed = true;
		if (t->type == T_PUNCT && dash_signoff(r, i))
			out->note_signed = true;
		if (punct_is(r, i, '/') && tok_is(r, i - 1, "s") && tok_is(r, i + 1, "s") &&
			punct_is(r, i + 2, '/'))
			out->note_signed = true;
		if (slash_signature(r, i))
			out->note_signed = true;
		/* "Sd/- Dr. R. Menon": signed, as written in India */
		if (tok_is(r, i, "sd") && punct_is(r, i + 1, '/') && punct_is(r, i + 2, '-'))
			out->note_signed = true;
		if (t->len >= 7 && t->len <= 10 && signoff(r, i))
			out->note_signed = true;
		/* Cerner's "Sign Information: <name> (<date>)" */
		if (tok_is(r, i, "sign") && tok_is(r, i + 1, "information") &&
			punct_is(r, i + 2, ':') && i + 3 < r->nt && r->t[i + 3].type == T_WORD)
			out->note_signed = true;
		/* a plan after the procedure */
		if (!t->neg && plan_cue(r, i))
			out->post_procedure_plan = true;
		/* conservative care, prior or ongoing */
		if (!t->neg && !t->header && !care_to_come)
		{
			if (t->flags & F_CONS)
				out->conservative_care = true;
			if ((t->flags & F_HEAT) && r->s[t->sent].section != SEC_PLAN)
			{
				if (after_sent != t->sent)
				{
					after_sent = t->sent;
					after = any_sentence_of(r, i, F_AFTER | F_PLAN) ||
						instruction(r, i);
				}
				if (!after)
					out->conservative_care = true;
			}
			if (((tok_is(r, i, "physical") || tok_is(r, i, "occupational") ||
				  tok_is(r, i, "hand")) && tok_is(r, i + 1, "therapy")) ||
				(tok_is(r, i, "home") && (tok_is(r, i + 1, "exercise") ||
										  tok_is(r, i + 1, "exercises"))) ||
				(tok_is(r, i, "pt") && (t->upper || therapy_pt(r, i))) ||
				(tok_is(r, i, "hep") && (t->upper || !(tok_is(r, i + 1, "a") ||
													  tok_is(r, i + 1, "b") ||
													  tok_is(r, i + 1, "c")))) ||
				(tok_is(r, i, "muscle") && (tok_is(r, i + 1, "relaxant") ||
											tok_is(r, i + 1, "relaxants"))))
				out->conservative_care = true;
		}
		/* where the trigger points lie */
		if ((t->flags & F_LOC) && !t->neg && sent_current(r, t->sent) &&
			landmark_word(r, i))
			out->tp_locations = true;
		if ((tok_is(r, i, "lateral") || tok_is(r, i, "medial") ||
			 tok_is(r, i, "inferior") || tok_is(r, i, "superior")) &&
			tok_is(r, i + 1, "to") && !t->neg)
			out->tp_locations = true;
		if (t->type == T_WORD && t->wclass == MP_WORD_LEVEL && !t->neg &&
			sent_current(r, t->sent) &&
			(r->s[t->sent].section == SEC_PROC || (r->s[t->sent].flags & S_INJ)))
			out->tp_locations = true;
		/* guidance: a modality in a sentence about guiding, not negated */
		if ((t->flags & F_MOD) && !t->neg && out->guidance == modality[0] &&
			sent_current(r, t->sent) && any_sentence_of(r, i, F_GUIDE) &&
			!(tok_is(r, i, "ct") && !t->upper) &&
			!guides_other_procedure(r, i))
			out->guidance = modality[t->mod];
		if (tok_is(r, i, "us") && t->upper && !t->neg && out->guidance == modality[0] &&
			sent_current(r, t->sent) &&
			(tok_is(r, i + 1, "guided") || tok_is(r, i + 1, "guidance") ||
			 (punct_is(r, i + 1, '-') && tok_is(r, i + 2, "guided")) ||
			 (i > 0 && tok_is(r, i - 1, "under"))) &&
			!guides_other_procedure(r, i))
			out->guidance = modality[1];	/* "done under US" */
	}
}

/* ------------------------------------------------------------------------
 * The reader
 * ------------------------------------------------------------------------
 */
static char *
join_drugs(Reader *r, bool doses)
{
	size_t		need = 1;
	int			k;
	char	   *s;
	size_t		o = 0;
	bool		any = false;

	for (k = 0; k < r->ndrug; k++)
	{
		const char *p = doses ? r->dose[k] : r->v->drugs[r->drug[k]].generic;

		if (p)
			need += strlen(p) + 3;
	}
	s = r_alloc(r, need);
	if (s == NULL)
		return NULL;
	for (k = 0; k < r->ndrug; k++)
	{
		const char *p = doses ? r->dose[k] : r->v->drugs[r->drug[k]].generic;

		if (p == NULL)
			continue;
		if (any)
		{
			memcpy(s + o, " + ", 3);
			o += 3;
		}
		memcpy(s + o, p, strlen(p));
		o += strlen(p);
		any = true;
	}
	s[o] = '\0';
	if (!any)
	{
		r_free(r, s);
		return NULL;
	}
	return s;
}

static char *
copy_str(Reader *r, const char *s)
{
	size_t		l = strlen(s);
	char	   *c = r_alloc(r, l + 1);

	if (c)
		memcpy(c, s, l + 1);
	return c;
}

bool
nr_read(NrVocab *v, const char *text, size_t len, const MpAlloc *alloc,
		NrFacts *out)
{
	Reader		r;
	int			total,
				sum,
				each;
	bool		any_loc = false;
	bool		injects;
	int			k;
	char	   *plain = NULL;
	size_t		plen = 0;

	memset(out, 0, sizeof(NrFacts));
	out->guidance = modality[0];
	memset(&r, 0, sizeof(Reader));
	if (!v->built || len > UINT32_MAX / 2)
		return false;
	r.v = v;
	r.alloc = alloc;
	r.raw = text;
	r.len = len;
	plain = plain_text(&r, text, len, &plen);
	if (r.failed || (plain != NULL && plen > UINT32_MAX / 2))
		goto done;
	if (plain != NULL)
	{
		r.raw = plain;
		r.len = len = plen;
	}
	r.low = r_alloc(&r, len + 1);
	r.t = r_alloc(&r, sizeof(NTok) * (len + 1));
	r.s = r_alloc(&r, sizeof(NSent) * (len + 2));
	if (r.failed)
		goto done;
	memset(r.s, 0, sizeof(NSent) * (len + 2));

	tokenise(&r);
	classify(&r);
	mark_abbreviated_parts(&r);
	mark_abbreviations(&r);
	sections_and_sentences(&r);
	sentence_flags(&r);
	side_fields(&r);
	negation(&r);

	other_procedures(&r);
	/* did the note record an injection (or dry needling) done now? */
	injects = cue_present(&r, F_INJ, true) || cue_present(&r, F_DRY, true);
	sum = read_muscles(&r, injects, &any_loc);
	total = stated_total(&r, &each);
	/*
	 * "Exam: trigger points in bilateral trapezius, levator and rhomboids.
	 * 2 trigger points were injected": fewer points than the exam's
	 * muscles cannot have gone into each; which ones did, the note does
	 * not say
	 */
	if (r.exam_injected && total > 0 && total < r.nmus)
		drop_muscles(&r);
	if (total > 0)
	{
		out->has_tp = true;
		out->trigger_points = total;
	}
	else if (sum >= 0)
	{
		out->has_tp = true;
		out->trigger_points = sum;
	}
	else if (each > 0 && r.nmus > 0 && each <= INT32_MAX / r.nmus)
	{
		/* a count per muscle, stated apart from the muscles: times them */
		out->has_tp = true;
		out->trigger_points = each * r.nmus;
	}
	/* a count per muscle places the points, beside a total too */
	if (each > 0 && r.nmus > 0)
		any_loc = true;
	read_drugs(&r);
	read_elements(&r, out);
	out->tp_locations |= any_loc;

	if (r.ndrug > 0)
	{
		out->drug_name = join_drugs(&r, false);
		out->drug_dose = join_drugs(&r, true);
	}
	else
	{
		/* dry needling, or no injectate said in so many words */
		size_t		i;

		for (i = 0; i < r.nt; i++)
		{
			bool		dry = (r.t[i].flags & F_DRY) &&
				((r.t[i].flags & F_INJ) ||	/* "DN" */
				 tok_is(&r, i + 1, "needling") || tok_is(&r, i + 1, "needle") ||
				 (punct_is(&r, i + 1, '-') && tok_is(&r, i + 2, "needling")));
			bool		nodrug = (tok_is(&r, i, "no") || tok_is(&r, i, "without")) &&
				(tok_is(&r, i + 1, "injectate") || tok_is(&r, i + 1, "medication") ||
				 tok_is(&r, i + 1, "medications") || tok_is(&r, i + 1, "substance") ||
				 tok_is(&r, i + 1, "drug") || tok_is(&r, i + 1, "anesthetic"));

			/* "DN to the right trapezius": done, if it named muscles */
			if ((dry && !r.t[i].neg && sent_current(&r, r.t[i].sent) &&
				 (done_here(&r, r.t[i].sent) || r.nmus > 0)) ||
				(nodrug && sent_current(&r, r.t[i].sent)))
			{
				out->drug_name = copy_str(&r, "none");
				break;
			}
		}
	}

	out->muscles = r.mus;
	out->nmuscles = r.nmus;
	r.mus = NULL;
done:
	for (k = 0; k < r.ndrug; k++)
		r_free(&r, r.dose[k]);
	r_free(&r, plain);
	r_free(&r, r.low);
	r_free(&r, r.t);
	r_free(&r, r.s);
	r_free(&r, r.work);
	r_free(&r, r.buf);
	free_entries(&r, r.reg, r.nreg);
	for (k = 0; k < r.nretract; k++)
		r_free(&r, r.retract[k]);
	if (r.failed)
	{
		nr_facts_free(alloc, out);
		memset(out, 0, sizeof(NrFacts));
		out->guidance = modality[0];
		return false;
	}
	return true;
}

void
nr_facts_free(const MpAlloc *alloc, NrFacts *f)
{
	int			k;

	if (alloc->release == NULL)
		return;
	for (k = 0; k < f->nmuscles; k++)
		alloc->release(alloc->ctx, f->muscles[k]);
	if (f->muscles)
		alloc->release(alloc->ctx, f->muscles);
	if (f->drug_name)
		alloc->release(alloc->ctx, f->drug_name);
	if (f->drug_dose)
		alloc->release(alloc->ctx, f->drug_dose);
	f->muscles = NULL;
	f->nmuscles = 0;
	f->drug_name = f->drug_dose = NULL;
}
