/*
 * muscle_parse.c
 *		The muscle catalogue, the entry parser and the tally; see
 *		muscle_parse.h for the rules.  Plain C: no server headers, so the
 *		unit test and the fuzzer link this file alone.
 */
#include "muscle_parse.h"

#include <string.h>

/* Leading/trailing part words tried away one by one (bounds the tries). */
#define MAX_STRIP		8
/* Names of more words than this only get the whole and stripped tries. */
#define MAX_WINDOW_TOKENS 64

typedef struct MpKey
{
	const char *key;			/* normalised (exact) or also space-less */
	uint32_t	len;
	uint32_t	hash;
	uint32_t	letters;		/* bytes that are not blanks */
	int			entry;			/* -2: ambiguous (space-less keys only) */
	bool		is_name;
} MpKey;

typedef struct MpChunk
{
	struct MpChunk *next;
} MpChunk;

struct MpCatalogue
{
	MpAlloc		alloc;
	MpChunk    *chunks;			/* every block allocated, for free */
	MpEntry    *entries;
	int			nentries;
	int			capentries;
	MpKey	   *keys;			/* exact keys, as added */
	int			nkeys;
	int			capkeys;
	int32_t    *table;			/* exact: index into keys, -1 empty */
	uint32_t	mask;
	MpKey	   *sq;				/* space-less keys, deduplicated */
	int			nsq;
	int32_t    *sqtable;
	uint32_t	sqmask;
	size_t		maxkeylen;
	size_t		maxsqlen;
	int			maxwords;		/* words of the longest key */
	int			spinal[3];		/* region of cervical, thoracic, lumbar
								 * levels; -1 unknown */
	bool		built;
	/* memo of mp_parse_cached, allocated on first use */
	uint32_t   *memo_hash;		/* per slot: hash | 1, 0 when empty */
	struct MpMemoSlot *memo;
	char	   *memo_arena;
	size_t		memo_used;
	uint32_t	memo_n;
	bool		memo_failed;
};

/*
 * One remembered entry: its bytes as documented and what they parsed to.
 * Probing reads only the compact memo_hash array; a hit then reads one
 * cache line, this slot, and nothing else when the entry is at most
 * MEMO_INLINE_KEY bytes (most are).  The memo is cleared whole when its
 * slots or arena fill up.
 */
#define MEMO_INLINE_KEY	24

typedef struct MpMemoSlot
{
	uint32_t	keylen;			/* the hash is in memo_hash */
	uint8_t		kind;			/* MpKind */
	uint8_t		side;			/* MpSide */
	int16_t		region;
	int32_t		entry;
	uint32_t	namelen;
	uint32_t	namehash;
	const char *name;			/* the catalogue's name, or the unknown
								 * entry's normalised name in the arena */
	const char *key;			/* in the arena when longer than inline */
	char		inline_key[MEMO_INLINE_KEY];
} MpMemoSlot;

static int	lookup(const MpCatalogue *cat, const char *s, size_t len,
				   size_t ntok);
static int	level_of(const char *w, size_t len);

#define MEMO_SLOTS		4096	/* a power of 2 */
#define MEMO_ARENA		(256 * 1024)
#define MEMO_MAX_KEY	256

/* ------------------------------------------------------------------------
 * Small helpers
 * ------------------------------------------------------------------------
 */
/*
 * Eight bytes at a time, the last eight overlapping the block before when
 * the length is not a multiple of eight (the length is hashed too), so
 * there is no byte-by-byte tail.  The value depends on the byte order,
 * which is fine: hashes never leave the process (serialised states carry
 * strings).
 */
uint32_t
mp_hash(const char *s, size_t len)
{
	uint64_t	h = 0x9e3779b97f4a7c15ull ^ (uint64_t) len;
	uint64_t	k;

	if (len >= 8)
	{
		const char *last = s + len - 8;

		while (s < last)
		{
			memcpy(&k, s, 8);
			h = (h ^ k) * 0xff51afd7ed558ccdull;
			h ^= h >> 32;
			s += 8;
		}
		memcpy(&k, last, 8);
	}
	else if (len >= 4)
	{
		uint32_t	a,
					b;

		memcpy(&a, s, 4);
		memcpy(&b, s + len - 4, 4);
		k = ((uint64_t) a << 32) | b;
	}
	else if (len > 0)
		k = (uint64_t) (unsigned char) s[0] |
			((uint64_t) (unsigned char) s[len / 2] << 8) |
			((uint64_t) (unsigned char) s[len - 1] << 16);
	else
		k = 0;
	h = (h ^ k) * 0xc4ceb9fe1a85ec53ull;
	h ^= h >> 29;
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	return (uint32_t) h;
}

static uint32_t
hash_skip_spaces(const char *s, size_t len)
{
	uint32_t	h = 2166136261u;
	size_t		i;

	for (i = 0; i < len; i++)
	{
		if (s[i] == ' ')
			continue;
		h ^= (unsigned char) s[i];
		h *= 16777619u;
	}
	return h;
}

static uint32_t
mix32(uint32_t h)
{
	h ^= h >> 16;
	h *= 0x85ebca6bu;
	h ^= h >> 13;
	h *= 0xc2b2ae35u;
	h ^= h >> 16;
	return h;
}

/*
 * memcmp(a, b, len) == 0 without a library call for short strings: eight
 * bytes at a time, the last eight overlapping.
 */
static inline bool
bytes_equal(const char *a, const char *b, size_t len)
{
	uint64_t	x,
				y;

	if (len >= 8)
	{
		size_t		i;

		for (i = 0; i + 8 < len; i += 8)
		{
			memcpy(&x, a + i, 8);
			memcpy(&y, b + i, 8);
			if (x != y)
				return false;
		}
		memcpy(&x, a + len - 8, 8);
		memcpy(&y, b + len - 8, 8);
		return x == y;
	}
	while (len > 0)
	{
		if (*a++ != *b++)
			return false;
		len--;
	}
	return true;
}

static inline bool
is_word_byte(unsigned char c)
{
	return c >= 0x80 ||
		(c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		(c >= '0' && c <= '9');
}

static inline unsigned char
ascii_lower(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') ? (unsigned char) (c + ('a' - 'A')) : c;
}

#define W_NAME		0
#define W_LEFT		1
#define W_RIGHT		2
#define W_BOTH		3
#define W_FILLER	4			/* removed with the side words */
#define W_PART		5
#define W_SEP		6			/* "," or "and": splits an entry */
#define W_LEVEL		7			/* a spinal level (c5, l4, s1) */

static int	classify_word(const char *w, size_t len);
static bool descriptor_word(const char *w, size_t len);

/*
 * Does the '/' at in[i] list two names ("gluteus medius/minimus",
 * "trapezius/levator scapulae", "SCM/scalenes", "QL/glute med")?  Only
 * between two words of two letters or more that are not side words:
 * "R/L", "rt/lt", "left/right", "b/l" are sides, "C5/6" a level.
 */
static bool
slash_lists(const char *in, size_t len, size_t i)
{
	char		w[12];
	size_t		a,
				b,
				k;
	int			side;

	for (a = i; a > 0 && is_word_byte((unsigned char) in[a - 1]); a--)
		;
	for (b = i + 1; b < len && is_word_byte((unsigned char) in[b]); b++)
		;
	if (i - a < 2 || b - (i + 1) < 2)
		return false;
	for (side = 0; side < 2; side++)
	{
		size_t		from = side == 0 ? a : i + 1;
		size_t		to = side == 0 ? i : b;

		for (k = from; k < to; k++)
			if (!((in[k] >= 'a' && in[k] <= 'z') || (in[k] >= 'A' && in[k] <= 'Z')))
				return false;
		if (to - from < sizeof(w))
		{
			int			c;

			for (k = from; k < to; k++)
				w[k - from] = (char) ascii_lower((unsigned char) in[k]);
			c = classify_word(w, to - from);
			if (c == W_LEFT || c == W_RIGHT || c == W_BOTH)
				return false;
		}
	}
	return true;
}

/*
 * Punctuation that word processors and EHR exports write in UTF-8, read as
 * its ASCII kin: a no-break space, dashes and curly quotes are a space, a
 * bullet or middle dot separates a list like a comma.  Returns the length
 * of the sequence at in[i] and sets *as ("," or " "), or 0.
 */
static size_t
unicode_punct(const char *in, size_t len, size_t i, unsigned char *as)
{
	const unsigned char *u = (const unsigned char *) in + i;

	if (i + 1 < len && u[0] == 0xC2 && (u[1] == 0xA0 || u[1] == 0xB7))
	{
		*as = u[1] == 0xA0 ? ' ' : ',';
		return 2;
	}
	if (i + 2 < len && u[0] == 0xE2 && u[1] == 0x80 &&
		((u[2] >= 0x90 && u[2] <= 0x99) || u[2] == 0xA2 || u[2] == 0xA3 ||
		 u[2] == 0xA6 || u[2] == 0xAF))
	{
		/* hyphens and dashes 2010-2015, quotes 2018-2019; bullets 2022,
		 * 2023; ellipsis 2026; narrow no-break space 202F */
		*as = (u[2] == 0xA2 || u[2] == 0xA3) ? ',' : ' ';
		return 3;
	}
	return 0;
}

/*
 * Normalises in[0..len) into out (at least 2 * len bytes): lower-case
 * words separated by single spaces, nothing at either end; a run of list
 * separators (, ; & +, and a '/' between two names) becomes the word ",".
 * With parens (an entry, not a catalogue key), each parenthesis or bracket
 * becomes a word "(" or ")" (the parser reads what a pair holds as said of
 * the name before it), and "L/S" alone the word "l~s" (lumbosacral).
 * Returns the length.
 */
static size_t
normalise(const char *in, size_t len, char *out, bool parens)
{
	size_t		o = 0;
	size_t		i;
	bool		gap = false;

	for (i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) in[i];
		size_t		ulen;

		if (c >= 0x80 && (ulen = unicode_punct(in, len, i, &c)) > 0)
			i += ulen - 1;
		if (!is_word_byte(c))
		{
			/* parentheses of an entry stand as words of their own */
			if (parens && (c == '(' || c == ')' || c == '[' || c == ']'))
			{
				if (o > 0)
					out[o++] = ' ';
				out[o++] = (c == '(' || c == '[') ? '(' : ')';
				gap = true;
				continue;
			}
			/* list separators stand as a word "," of their own */
			if (c == ',' || c == ';' || c == '&' || c == '+' ||
				(c == '/' && slash_lists(in, len, i)))
			{
				if (o > 0 && out[o - 1] != ',')
				{
					out[o++] = ' ';
					out[o++] = ',';
				}
				else if (o == 0)
					out[o++] = ',';
			}
			gap = true;
			continue;
		}
		if (gap && o > 0)
			out[o++] = ' ';
		gap = false;

		/* "b/l" standing alone: one side word, before '/' splits it */
		if ((c == 'b' || c == 'B') && i + 2 < len && in[i + 1] == '/' &&
			(in[i + 2] == 'l' || in[i + 2] == 'L') &&
			(i == 0 || !is_word_byte((unsigned char) in[i - 1])) &&
			(i + 3 == len || !is_word_byte((unsigned char) in[i + 3])))
		{
			out[o++] = 'b';
			out[o++] = 'l';
			i += 2;
			continue;
		}
		/* "L/S" standing alone: lumbosacral, the word "ls" (tokens) */
		if (parens && (c == 'l' || c == 'L') && i + 2 < len && in[i + 1] == '/' &&
			(in[i + 2] == 's' || in[i + 2] == 'S') &&
			(i == 0 || !is_word_byte((unsigned char) in[i - 1])) &&
			(i + 3 == len || !is_word_byte((unsigned char) in[i + 3])))
		{
			out[o++] = 'l';
			out[o++] = '~';
			out[o++] = 's';
			i += 2;
			continue;
		}
		out[o++] = (char) ascii_lower(c);
	}
	return o;
}

/*
 * What a normalised word is: a side word, a filler removed with them, a
 * part word, or part of a name.  A switch on the first letter keeps this
 * to a comparison or two per word.
 */
static int
classify_word(const char *w, size_t len)
{
#define IS(lit) (len == sizeof(lit) - 1 && memcmp(w, lit, sizeof(lit) - 1) == 0)
	if (len == 0 || len > 11)
		return W_NAME;
	switch (w[0])
	{
		case ',':
			return W_SEP;
		case 'a':
			if (IS("and"))
				return W_SEP;
			if (IS("anterior"))
				return W_PART;
			break;
		case 'b':
			if (IS("bilateral") || IS("bilaterally") || IS("bilat") ||
				IS("bil") || IS("bl") || IS("both"))
				return W_BOTH;
			if (IS("belly"))
				return W_PART;
			break;
		case 'c':
			/* "SCM, sternal and clavicular heads" */
			if (IS("clavicular"))
				return W_PART;
			break;
		case 'd':
			if (IS("deep") || IS("division"))
				return W_PART;
			break;
		case 'f':
			if (IS("fibers") || IS("fibres"))
				return W_PART;
			break;
		case 'g':
			/* "bilateral trapezius, right greater than left" */
			if (IS("greater"))
				return W_FILLER;
			break;
		case 'h':
			if (IS("head") || IS("heads"))
				return W_PART;
			break;
		case 'i':
			if (IS("inferior"))
				return W_PART;
			break;
		case 'l':
			if (IS("l") || IS("lt") || IS("left") || IS("lft"))
				return W_LEFT;
			if (IS("less"))
				return W_FILLER;
			/* "biceps femoris (long head)" */
			if (IS("lower") || IS("lateral") || IS("long"))
				return W_PART;
			break;
		case 'm':
			if (IS("m") || IS("mm") || IS("mid") || IS("middle") ||
				IS("medial") || IS("muscle") || IS("muscles") ||
				IS("musculature"))
				return W_PART;
			if (IS("more"))
				return W_FILLER;
			break;
		case 'o':
			/* "splenius capitis on the left" */
			if (IS("of") || IS("on"))
				return W_PART;
			break;
		case 'p':
			if (IS("posterior") || IS("portion"))
				return W_PART;
			break;
		case 'r':
			if (IS("r") || IS("rt") || IS("right") || IS("rgt") || IS("rght"))
				return W_RIGHT;
			break;
		case 's':
			if (IS("side") || IS("sides") || IS("sided"))
				return W_FILLER;
			if (IS("superior") || IS("short") || IS("sternal") ||
				IS("superficial"))
				return W_PART;
			break;
		case 't':
			if (IS("the"))
				return W_PART;
			if (IS("than"))
				return W_FILLER;
			break;
		case 'u':
			if (IS("upper"))
				return W_PART;
			break;
		case 'w':
			if (IS("worse"))
				return W_FILLER;
			break;
	}
	return W_NAME;
#undef IS
}

static bool
part_word(const char *w, size_t len)
{
	return classify_word(w, len) == W_PART;
}

/*
 * Words that make a name a place rather than a muscle (SPEC section 4:
 * "paraspinal area", "thoracic region"): "cervical paraspinal area" is a
 * region term though "cervical paraspinal" is a group term.
 */
static bool
region_word(const char *w, size_t len)
{
#define IS(lit) (len == sizeof(lit) - 1 && memcmp(w, lit, sizeof(lit) - 1) == 0)
	return IS("area") || IS("areas") || IS("region") || IS("regions") ||
		IS("zone") || IS("zones") || IS("spine");
#undef IS
}

/* The spinal region an adjective names ("cervical"), LV_NONE if none. */
static int
spine_adjective(const char *w, size_t len)
{
#define IS(lit) (len == sizeof(lit) - 1 && memcmp(w, lit, sizeof(lit) - 1) == 0)
	if (IS("cervical"))
		return 1;
	if (IS("thoracic"))
		return 2;
	if (IS("lumbar") || IS("lumbosacral"))
		return 3;
	return 0;
#undef IS
}

const char *
mp_kind_name(MpKind kind)
{
	switch (kind)
	{
		case MP_MUSCLE:
			return "muscle";
		case MP_GROUP:
			return "group";
		case MP_REGION:
			return "region";
		case MP_UNKNOWN:
			return "unknown";
		default:
			return NULL;
	}
}

const char *
mp_side_name(MpSide side)
{
	switch (side)
	{
		case MP_SIDE_LEFT:
			return "left";
		case MP_SIDE_RIGHT:
			return "right";
		case MP_SIDE_BILATERAL:
			return "bilateral";
		default:
			return NULL;
	}
}

const char *
mp_pick_code(long count)
{
	if (count <= 0)
		return NULL;
	return count <= 2 ? "20552" : "20553";
}

/* ------------------------------------------------------------------------
 * Catalogue
 * ------------------------------------------------------------------------
 */
static void *
cat_alloc(MpCatalogue *cat, size_t size)
{
	MpChunk    *c;

	c = cat->alloc.alloc(cat->alloc.ctx, sizeof(MpChunk) + size + 8);
	if (c == NULL)
		return NULL;
	c->next = cat->chunks;
	cat->chunks = c;
	/* keep the payload 8-byte aligned whatever sizeof(MpChunk) is */
	return (char *) c + ((sizeof(MpChunk) + 7) & ~(size_t) 7);
}

MpCatalogue *
mp_catalogue_new(const MpAlloc *alloc)
{
	MpCatalogue *cat = alloc->alloc(alloc->ctx, sizeof(MpCatalogue));

	if (cat == NULL)
		return NULL;
	memset(cat, 0, sizeof(MpCatalogue));
	cat->alloc = *alloc;
	cat->spinal[0] = cat->spinal[1] = cat->spinal[2] = -1;
	return cat;
}

void
mp_catalogue_free(MpCatalogue *cat)
{
	MpChunk    *c;

	if (cat == NULL)
		return;
	c = cat->chunks;
	while (c)
	{
		MpChunk    *next = c->next;

		if (cat->alloc.release)
			cat->alloc.release(cat->alloc.ctx, c);
		c = next;
	}
	if (cat->alloc.release)
		cat->alloc.release(cat->alloc.ctx, cat);
}

void
mp_catalogue_set_spinal_regions(MpCatalogue *cat, int cervical, int thoracic,
								int lumbar)
{
	cat->spinal[0] = cervical;
	cat->spinal[1] = thoracic;
	cat->spinal[2] = lumbar;
}

int
mp_catalogue_lookup(const MpCatalogue *cat, const char *norm, size_t len)
{
	size_t		ntok = 1;
	size_t		i;

	if (!cat->built || len == 0)
		return -1;
	for (i = 0; i < len; i++)
		if (norm[i] == ' ')
			ntok++;
	return lookup(cat, norm, len, ntok);
}

int
mp_catalogue_nkeys(const MpCatalogue *cat)
{
	return cat->nkeys;
}

const char *
mp_catalogue_key(const MpCatalogue *cat, int i, size_t *len)
{
	if (i < 0 || i >= cat->nkeys)
		return NULL;
	*len = cat->keys[i].len;
	return cat->keys[i].key;
}

int
mp_word_class(const char *w, size_t len)
{
	switch (classify_word(w, len))
	{
		case W_LEFT:
		case W_RIGHT:
		case W_BOTH:
			return MP_WORD_SIDE;
		case W_PART:
			return MP_WORD_PART;
		case W_FILLER:
		case W_SEP:
			return MP_WORD_FILLER;
	}
	return level_of(w, len) != 0 ? MP_WORD_LEVEL : MP_WORD_NAME;
}

MpSide
mp_side_of_word(const char *w, size_t len)
{
	switch (classify_word(w, len))
	{
		case W_LEFT:
			return MP_SIDE_LEFT;
		case W_RIGHT:
			return MP_SIDE_RIGHT;
		case W_BOTH:
			return MP_SIDE_BILATERAL;
	}
	return MP_SIDE_NONE;
}

int
mp_catalogue_max_words(const MpCatalogue *cat)
{
	return cat->maxwords;
}

int
mp_catalogue_size(const MpCatalogue *cat)
{
	return cat->nentries;
}

const MpEntry *
mp_catalogue_entry(const MpCatalogue *cat, int i)
{
	return (i >= 0 && i < cat->nentries) ? &cat->entries[i] : NULL;
}

/* Grows an array kept in chunks; old blocks stay until mp_catalogue_free. */
static bool
grow(MpCatalogue *cat, void **arr, int *cap, int n, size_t elsize)
{
	int			newcap;
	void	   *p;

	if (n < *cap)
		return true;
	if (*cap > (1 << 28))
		return false;
	newcap = *cap ? *cap * 2 : 64;
	p = cat_alloc(cat, (size_t) newcap * elsize);
	if (p == NULL)
		return false;
	if (n > 0)
		memcpy(p, *arr, (size_t) n * elsize);
	*arr = p;
	*cap = newcap;
	return true;
}

static bool
add_key(MpCatalogue *cat, const char *text, int entry, bool is_name)
{
	size_t		len;
	char	   *norm;
	size_t		nlen;
	size_t		i;
	MpKey	   *k;

	if (text == NULL)
		return true;
	len = strlen(text);
	norm = cat_alloc(cat, 2 * len + 2);
	if (norm == NULL)
		return false;
	nlen = normalise(text, len, norm, false);
	norm[nlen] = '\0';
	if (nlen == 0)
		return true;			/* can never match: nothing to look up */
	if (!grow(cat, (void **) &cat->keys, &cat->capkeys, cat->nkeys,
			  sizeof(MpKey)))
		return false;
	k = &cat->keys[cat->nkeys++];
	k->key = norm;
	k->len = (uint32_t) nlen;
	k->hash = mp_hash(norm, nlen);
	k->letters = 0;
	for (i = 0; i < nlen; i++)
		if (norm[i] != ' ')
			k->letters++;
	if ((int) (nlen - k->letters + 1) > cat->maxwords)
		cat->maxwords = (int) (nlen - k->letters + 1);
	k->entry = entry;
	k->is_name = is_name;
	return true;
}

bool
mp_catalogue_add(MpCatalogue *cat, const char *name, int region, MpKind kind,
				 const char *const *aliases, int naliases)
{
	MpEntry    *e;
	size_t		len;
	int			i;

	if (cat->built || name == NULL ||
		(kind != MP_MUSCLE && kind != MP_GROUP && kind != MP_REGION))
		return false;
	if (region < -1 || region > 31)
		region = -1;
	if (!grow(cat, (void **) &cat->entries, &cat->capentries, cat->nentries,
			  sizeof(MpEntry)))
		return false;
	e = &cat->entries[cat->nentries];
	len = strlen(name);
	e->name = cat_alloc(cat, len + 1);
	if (e->name == NULL)
		return false;
	memcpy(e->name, name, len + 1);
	e->namelen = (uint32_t) len;
	e->hash = mp_hash(name, len);
	e->region = region;
	e->kind = kind;
	if (!add_key(cat, name, cat->nentries, true))
		return false;
	for (i = 0; i < naliases; i++)
		if (!add_key(cat, aliases[i], cat->nentries, false))
			return false;
	cat->nentries++;
	return true;
}

static uint32_t
table_size(int n)
{
	uint32_t	size = 16;

	while (size < (uint32_t) n * 2)
		size <<= 1;
	return size;
}

/* Does key k, less its spaces, equal s[0..len) less its spaces? */
static bool
equal_skip_spaces(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t		i = 0,
				j = 0;

	for (;;)
	{
		while (i < alen && a[i] == ' ')
			i++;
		while (j < blen && b[j] == ' ')
			j++;
		if (i == alen || j == blen)
			return i == alen && j == blen;
		if (a[i] != b[j])
			return false;
		i++;
		j++;
	}
}

static int32_t
find_exact(const MpCatalogue *cat, const char *s, size_t len, uint32_t h)
{
	uint32_t	i = mix32(h) & cat->mask;

	for (;; i = (i + 1) & cat->mask)
	{
		int32_t		k = cat->table[i];

		if (k < 0)
			return -1;
		if (cat->keys[k].hash == h && cat->keys[k].len == len &&
			memcmp(cat->keys[k].key, s, len) == 0)
			return k;
	}
}

static int32_t
find_squashed(const MpCatalogue *cat, const char *s, size_t len, uint32_t h)
{
	uint32_t	i = mix32(h) & cat->sqmask;

	for (;; i = (i + 1) & cat->sqmask)
	{
		int32_t		k = cat->sqtable[i];

		if (k < 0)
			return -1;
		if (cat->sq[k].hash == h &&
			equal_skip_spaces(cat->sq[k].key, cat->sq[k].len, s, len))
			return k;
	}
}

bool
mp_catalogue_build(MpCatalogue *cat)
{
	int			pass;
	int			i;

	if (cat->built)
		return true;
	cat->mask = table_size(cat->nkeys) - 1;
	cat->table = cat_alloc(cat, (size_t) (cat->mask + 1) * sizeof(int32_t));
	cat->sqmask = cat->mask;
	cat->sqtable = cat_alloc(cat, (size_t) (cat->sqmask + 1) * sizeof(int32_t));
	cat->sq = cat_alloc(cat, (size_t) (cat->nkeys + 1) * sizeof(MpKey));
	if (cat->table == NULL || cat->sqtable == NULL || cat->sq == NULL)
		return false;
	memset(cat->table, 0xff, (size_t) (cat->mask + 1) * sizeof(int32_t));
	memset(cat->sqtable, 0xff, (size_t) (cat->sqmask + 1) * sizeof(int32_t));

	/* canonical names first, so an alias never takes a name's key */
	for (pass = 0; pass < 2; pass++)
	{
		for (i = 0; i < cat->nkeys; i++)
		{
			MpKey	   *k = &cat->keys[i];
			uint32_t	slot;
			uint32_t	sqh;
			int32_t		found;

			if (k->is_name != (pass == 0))
				continue;

			if (find_exact(cat, k->key, k->len, k->hash) < 0)
			{
				slot = mix32(k->hash) & cat->mask;
				while (cat->table[slot] >= 0)
					slot = (slot + 1) & cat->mask;
				cat->table[slot] = i;
				if (k->len > cat->maxkeylen)
					cat->maxkeylen = k->len;
			}

			sqh = hash_skip_spaces(k->key, k->len);
			found = find_squashed(cat, k->key, k->len, sqh);
			if (found >= 0)
			{
				if (cat->sq[found].entry != k->entry && !cat->sq[found].is_name)
					cat->sq[found].entry = -2;
				continue;
			}
			cat->sq[cat->nsq] = *k;
			cat->sq[cat->nsq].hash = sqh;
			slot = mix32(sqh) & cat->sqmask;
			while (cat->sqtable[slot] >= 0)
				slot = (slot + 1) & cat->sqmask;
			cat->sqtable[slot] = cat->nsq++;
			if (k->len > cat->maxsqlen)
				cat->maxsqlen = k->len;
		}
	}
	cat->built = true;
	return true;
}

/*
 * The entry whose key is s[0..len) (a run of ntok words), exactly or with
 * spaces removed; -1 if none.
 */
static int
lookup(const MpCatalogue *cat, const char *s, size_t len, size_t ntok)
{
	int32_t		k;

	if (len <= cat->maxkeylen)
	{
		k = find_exact(cat, s, len, mp_hash(s, len));
		if (k >= 0)
			return cat->keys[k].entry;
	}
	/* space-less keys are at most as long as their spaced originals */
	if (len - (ntok - 1) <= cat->maxsqlen)
	{
		k = find_squashed(cat, s, len, hash_skip_spaces(s, len));
		if (k >= 0 && cat->sq[k].entry >= 0)
			return cat->sq[k].entry;
	}
	return -1;
}

/* ------------------------------------------------------------------------
 * Parsing
 * ------------------------------------------------------------------------
 */
typedef struct Tok
{
	uint32_t	start;
	uint32_t	len;
	uint8_t		cls;			/* W_* */
	uint8_t		level;			/* LV_* of a W_LEVEL word */
	bool		part:1;			/* a part word (for match_name) */
	bool		count:1;		/* a count or dose word (mark_counts) */
	bool		ls:1;			/* "ls" read as the levator scapulae */
	bool		lumbosacral:1;	/* "ls" written "L/S": never the levator */
	uint8_t		paren;			/* 0 outside parentheses, else the number
								 * (1..255, then again) of the pair it is in */
} Tok;

/* The regions a spinal level names, and the word that names each. */
#define LV_NONE			0
#define LV_CERVICAL		1
#define LV_THORACIC		2
#define LV_LUMBAR		3

static const char *const level_word[] = {"", "cervical", "thoracic", "lumbar"};

/*
 * A spinal level written as one word: c1-c7, t1-t12, l1-l5, s1 ("L4-5"
 * normalises to "l4 5": the "5" is a level filler).
 */
static int
level_of(const char *w, size_t len)
{
	int			n;

	if (len < 2 || len > 3 || w[1] < '0' || w[1] > '9' ||
		(len == 3 && (w[2] < '0' || w[2] > '9')))
		return LV_NONE;
	n = w[1] - '0';
	if (len == 3)
		n = n * 10 + (w[2] - '0');
	switch (w[0])
	{
		case 'c':
			return (n >= 1 && n <= 7) ? LV_CERVICAL : LV_NONE;
		case 't':
			return (n >= 1 && n <= 12) ? LV_THORACIC : LV_NONE;
		case 'l':
			return (n >= 1 && n <= 5) ? LV_LUMBAR : LV_NONE;
		case 's':
			return n == 1 ? LV_LUMBAR : LV_NONE;
	}
	return LV_NONE;
}

/* A word of digits only. */
static bool
digits_word(const char *w, size_t len)
{
	size_t		i;

	for (i = 0; i < len; i++)
		if (w[i] < '0' || w[i] > '9')
			return false;
	return len > 0;
}

/* Words that go with a spinal level and are dropped with it. */
static bool
level_filler(const char *w, size_t len)
{
#define IS(lit) (len == sizeof(lit) - 1 && memcmp(w, lit, sizeof(lit) - 1) == 0)
	if (IS("at") || IS("level") || IS("levels") || IS("lvl") || IS("to") ||
		IS("through") || IS("thru") || IS("from") || IS("around") ||
		IS("near") || IS("over"))
		return true;
#undef IS
	return digits_word(w, len);
}

/*
 * Is a one edit (a byte inserted, deleted or replaced, or two neighbours
 * swapped) from b?  Equal strings are too.  The note reader's drug names
 * are matched by the same test.
 */
bool
mp_one_edit(const char *a, size_t al, const char *b, size_t bl)
{
	size_t		i = 0;

	while (i < al && i < bl && a[i] == b[i])
		i++;
	if (al == bl)
	{
		if (i == al)
			return true;
		if (memcmp(a + i + 1, b + i + 1, al - i - 1) == 0)
			return true;
		return i + 1 < al && a[i] == b[i + 1] && a[i + 1] == b[i] &&
			memcmp(a + i + 2, b + i + 2, al - i - 2) == 0;
	}
	if (al == bl + 1)
		return memcmp(a + i + 1, b + i, bl - i) == 0;
	if (bl == al + 1)
		return memcmp(a + i, b + i + 1, al - i) == 0;
	return false;
}

/*
 * The entry of the one catalogue name or alias of MP_FUZZY_MIN letters or
 * more that s[0..len) is one edit away from; -1 when none is, or when
 * keys of two entries are (a guess between two muscles is no match).  A
 * scan of the keys of about the same length: entries reach it only when
 * no exact try matched, and the memo remembers the answer.
 */
static int
fuzzy_lookup(const MpCatalogue *cat, const char *s, size_t len)
{
	int			found = -1;
	size_t		letters = 0;
	size_t		i;
	int			k;

	for (i = 0; i < len; i++)
		if (s[i] != ' ')
			letters++;
	if (letters + 1 < MP_FUZZY_MIN)
		return -1;
	for (k = 0; k < cat->nkeys; k++)
	{
		const MpKey *key = &cat->keys[k];

		if (key->letters < MP_FUZZY_MIN || key->len > len + 1 ||
			key->len + 1 < len)
			continue;
		if (mp_one_edit(key->key, key->len, s, len))
		{
			/* the entry the key stands for (a name beats an alias) */
			int			e = cat->keys[find_exact(cat, key->key, key->len,
												 key->hash)].entry;

			if (found >= 0 && found != e)
				return -1;
			found = e;
		}
	}
	return found;
}

/*
 * The part word a note abbreviates ("R ant scalene", "post deltoid"), or
 * NULL.  Only these two: "med" and "lat" name muscles of their own (glute
 * med, lats), and "mid" is a part word as written.
 */
static const char *
abbreviated_part(const char *w, size_t len)
{
	if (len == 3 && memcmp(w, "ant", 3) == 0)
		return "anterior";
	if (len == 4 && memcmp(w, "post", 4) == 0)
		return "posterior";
	return NULL;
}

/*
 * A name with an abbreviated part word: the entry of the name with the word
 * written out and its other part words dropped ("the ant scalene" is the
 * anterior scalene), else of the name without any part word ("post
 * deltoid" is the deltoid); -1 when neither is known or the name has no
 * such word.  buf has room for 2 * namelen + 64 bytes.
 */
static int
abbreviated_name(const MpCatalogue *cat, const char *name, size_t namelen,
				 char *buf)
{
	bool		drop;

	if (namelen > 64)
		return -1;
	for (drop = false;; drop = true)
	{
		size_t		i = 0,
					o = 0,
					n = 0;
		bool		any = false;
		int			e;

		while (i < namelen)
		{
			size_t		j = i;
			const char *full;

			while (j < namelen && name[j] != ' ')
				j++;
			full = abbreviated_part(name + i, j - i);
			if (full)
				any = true;
			if (!(full && drop) && (full || !part_word(name + i, j - i)))
			{
				const char *w = full ? full : name + i;
				size_t		wl = full ? strlen(full) : j - i;

				if (o > 0)
					buf[o++] = ' ';
				memcpy(buf + o, w, wl);
				o += wl;
				n++;
			}
			i = j + 1;
		}
		if (!any)
			return -1;
		if (o > 0)
		{
			e = lookup(cat, buf, o, n);
			if (e >= 0)
				return e;
		}
		if (drop)
			return -1;
	}
}

static int
match_name(const MpCatalogue *cat, const char *name, size_t namelen,
		   size_t ntok, const Tok *toks, char *stripbuf)
{
	int			e;
	size_t		i;
	size_t		o;
	bool		any_part = false;

	/* a. whole, then without leading/trailing part words, longest first */
	e = lookup(cat, name, namelen, ntok);
	if (e >= 0)
		return e;
	e = abbreviated_name(cat, name, namelen, stripbuf);
	if (e >= 0)
		return e;
	if (ntok <= MAX_WINDOW_TOKENS)
	{
		size_t		a = 0,
					b = 0,
					k;

		while (a < ntok && a < MAX_STRIP && toks[a].part)
			a++;
		while (b < ntok && b < MAX_STRIP && toks[ntok - 1 - b].part)
			b++;
		for (k = 1; k <= a + b; k++)
		{
			size_t		lead;

			for (lead = (k > b ? k - b : 0); lead <= a && lead <= k; lead++)
			{
				size_t		trail = k - lead;
				const Tok  *first,
						   *last;

				if (lead + trail >= ntok)
					continue;
				first = &toks[lead];
				last = &toks[ntok - 1 - trail];
				e = lookup(cat, name + first->start,
						   last->start + last->len - first->start,
						   ntok - lead - trail);
				if (e >= 0)
					return e;
			}
		}
	}

	/* b. every part word dropped */
	o = 0;
	i = 0;
	while (i < namelen)
	{
		size_t		j = i;

		while (j < namelen && name[j] != ' ')
			j++;
		if (part_word(name + i, j - i))
			any_part = true;
		else
		{
			if (o > 0)
				stripbuf[o++] = ' ';
			memcpy(stripbuf + o, name + i, j - i);
			o += j - i;
		}
		i = j + 1;
	}
	if (any_part && o > 0)
	{
		size_t		n = 1;

		for (i = 0; i < o; i++)
			if (stripbuf[i] == ' ')
				n++;
		return lookup(cat, stripbuf, o, n);
	}
	return -1;
}

/*
 * One piece of an entry: its words (the entry's tokens first..end), the
 * side bits it was given, and whether it names anything.
 */
#define SB_LEFT		1
#define SB_RIGHT	2
#define SB_BOTH		4

typedef struct Piece
{
	uint32_t	first;
	uint32_t	end;
	uint8_t		sides;			/* SB_* */
	bool		named;			/* has a name or level word */
	bool		parts;			/* has a part word */
	bool		sideword;		/* has "side" or "sides" ("left side") */
	int			shared;			/* a part word's muscle read with its
								 * neighbour's words, else -1 */
} Piece;

typedef struct Work
{
	char	   *norm;
	char	   *names;			/* piece names, one after another */
	size_t		names_used;
	char	   *pre;			/* "lumbar " + a name */
	char	   *strip;
	Tok		   *toks;
	Tok		   *ptoks;			/* a piece's name words; [0] is the level
								 * word's slot */
	Piece	   *pieces;
	int			second;			/* a piece's second name ("right trapezius
								 * levator scapulae"), else -1 */
	MpSide		second_side;	/* and its side */
} Work;

static void
work_layout(char *work, size_t len, Work *w)
{
	char	   *p = work;
	uintptr_t	a;

	w->norm = p;
	p += 2 * len + 2;
	w->names = p;
	w->names_used = 0;
	w->second = -1;
	p += 2 * len + 64;
	w->pre = p;
	p += 2 * len + 64;
	w->strip = p;
	p += 2 * len + 64;
	a = ((uintptr_t) p + 7) & ~(uintptr_t) 7;
	w->toks = (Tok *) a;
	w->ptoks = w->toks + len + 2;
	w->pieces = (Piece *) (w->ptoks + len + 3);
}

static MpSide
side_of(int bits)
{
	if ((bits & SB_BOTH) || (bits & (SB_LEFT | SB_RIGHT)) == (SB_LEFT | SB_RIGHT))
		return MP_SIDE_BILATERAL;
	if (bits & SB_LEFT)
		return MP_SIDE_LEFT;
	if (bits & SB_RIGHT)
		return MP_SIDE_RIGHT;
	return MP_SIDE_NONE;
}

static void
result_unknown(MpResult *out, const char *name, size_t len)
{
	out->kind = MP_UNKNOWN;
	out->region = -1;
	out->entry = -1;
	out->name = name;
	out->namelen = len;
	out->namehash = mp_hash(name, len);
}

static void
result_entry(const MpCatalogue *cat, MpResult *out, int e)
{
	const MpEntry *entry = &cat->entries[e];

	out->kind = entry->kind;
	out->region = entry->region;
	out->entry = e;
	out->name = entry->name;
	out->namelen = entry->namelen;
	out->namehash = entry->hash;
}

/*
 * Appends word src[0..len) to the name being made in buf (*namelen
 * bytes), and its token to toks (*ntok of them), for match_name().
 */
static void
add_word(char *buf, size_t *namelen, Tok *toks, size_t *ntok,
		 const char *src, size_t len, bool part)
{
	if (*namelen > 0)
		buf[(*namelen)++] = ' ';
	toks[*ntok].start = (uint32_t) *namelen;
	toks[*ntok].len = (uint32_t) len;
	toks[*ntok].part = part;
	memcpy(buf + *namelen, src, len);
	*namelen += len;
	(*ntok)++;
}

/*
 * A name the catalogue does not know that holds a region word is a place
 * (SPEC section 4: "cervical paraspinal area", "thoracic spine area" count
 * as no muscle and raise doc.region_only), unless the rest of it names a
 * muscle: "upper trapezius region" is the trapezius, as notes mean it.
 * The rest as a region key is that region ("low back area"); as a group
 * term or nothing known, the name as written is the region term -- a group
 * before the word is still a place.  Its region is that of a spinal
 * adjective in it, else that of the rest.  Tried before the misspelling
 * guess, which would read "back regions" as the alias "back region" with a
 * letter added, and itself guesses on the rest ("erector spine").  False,
 * with out untouched, when the name has no region word; else pt is
 * compacted in place and must not be used afterwards.
 */
static bool
region_term(const MpCatalogue *cat, Work *w, const char *name, size_t namelen,
			size_t ntok, Tok *pt, MpResult *out)
{
	size_t		i,
				n = 0,
				o = 0;
	int			adj = LV_NONE;
	int			e = -1;
	bool		any = false;
	size_t		lead = 0,
				from;

	/* "the cervical paraspinal area" is written "cervical paraspinal area" */
	while (lead + 1 < ntok &&
		   ((pt[lead].len == 3 && memcmp(name + pt[lead].start, "the", 3) == 0) ||
			(pt[lead].len == 2 && memcmp(name + pt[lead].start, "of", 2) == 0)))
		lead++;
	from = pt[lead].start;
	for (i = 0; i < ntok; i++)
	{
		const char *tw = name + pt[i].start;

		if (region_word(tw, pt[i].len))
		{
			any = true;
			/* "spine" stays in the rest: "thoracic spine" is a region key */
			if (pt[i].len != 5 || memcmp(tw, "spine", 5) != 0)
				continue;
		}
		if (adj == LV_NONE)
			adj = spine_adjective(tw, pt[i].len);
		/* n <= i: the token is read before its slot is written */
		add_word(w->pre, &o, pt, &n, tw, pt[i].len, pt[i].part);
	}
	if (!any)
		return false;
	if (n > 0 && n < ntok)
		e = match_name(cat, w->pre, o, n, pt, w->strip);
	/* "erector spine": a misspelt muscle ("spine" is the rest's own) */
	if (e < 0 && n > 0)
		e = fuzzy_lookup(cat, w->pre, o);
	if (e >= 0 && cat->entries[e].kind != MP_GROUP)
	{
		/* a muscle, or a region key: "low back area" is the low back */
		result_entry(cat, out, e);
		if (out->kind == MP_MUSCLE)
			return true;
	}
	else
	{
		result_unknown(out, name + from, namelen - from);
		out->kind = MP_REGION;
		out->region = e >= 0 ? cat->entries[e].region : -1;
	}
	if (adj != LV_NONE && cat->spinal[adj - 1] >= 0)
		out->region = cat->spinal[adj - 1];
	return true;
}

/* A word that leads to where in or near a muscle ("near the acromion"). */
static bool
where_preposition(const char *w, size_t len)
{
#define IS(lit) (len == sizeof(lit) - 1 && memcmp(w, lit, sizeof(lit) - 1) == 0)
	return IS("near") || IS("at") || IS("along") || IS("over") ||
		IS("overlying") || IS("adjacent") || IS("around") || IS("by") ||
		IS("beneath") || IS("under") || IS("below") || IS("above") ||
		IS("toward") || IS("towards") || IS("close") || IS("next") ||
		IS("just");
#undef IS
}

/* A part of a muscle that says where ("superior angle", "at its insertion"). */
static bool
where_noun(const char *w, size_t len)
{
#define IS(lit) (len == sizeof(lit) - 1 && memcmp(w, lit, sizeof(lit) - 1) == 0)
	return IS("angle") || IS("border") || IS("insertion") || IS("origin") ||
		IS("attachment") || IS("edge") || IS("margin") || IS("tip");
#undef IS
}

/*
 * The first word of a piece's name that says where within the muscle
 * ("upper trapezius near the acromion", "levator scapulae superior
 * angle", "trapezius at its insertion"), from the second word on; -1 when
 * none does.
 */
static int
where_word_at(const char *name, const Tok *pt, size_t ntok)
{
	size_t		i,
				k;

	for (i = 1; i < ntok; i++)
		if (where_preposition(name + pt[i].start, pt[i].len) ||
			where_noun(name + pt[i].start, pt[i].len))
			break;
	if (i >= ntok)
		return -1;
	/* a level that is none ("paraspinals at l9") stays unknown */
	for (k = pt[i].start; k < pt[ntok - 1].start + pt[ntok - 1].len; k++)
		if (name[k] >= '0' && name[k] <= '9')
			return -1;
	return (int) i;
}

/*
 * Matches one piece (tokens first..end of the entry), without its count
 * words unless counts, and fills out; false when nothing of it is left to
 * name (a level and its words only).
 */
#define MAX_ADJ_TOKENS 8			/* a longer name is not tried without its
									 * spinal adjective */

static bool
match_piece(const MpCatalogue *cat, Work *w, const Piece *pc, bool counts,
			MpResult *out)
{
	const Tok  *toks = w->toks;
	Tok		   *pt = w->ptoks + 1;
	char	   *name = w->names + w->names_used;
	size_t		namelen = 0;
	size_t		ntok = 0;
	int			level = LV_NONE;
	bool		any_part = false;
	int			nls = 0,
				nother = 0;
	bool		lumbosacral = false,
				other_name = false;
	uint32_t	i;
	int			e = -1;
	int			k;

	for (i = pc->first; i < pc->end; i++)
		if (toks[i].cls == W_LEVEL && level == LV_NONE)
			level = toks[i].level;
	/*
	 * "L/S QL", "L/S paraspinals": lumbosacral beside a name, read as a
	 * lumbar level
	 */
	for (i = pc->first; i < pc->end; i++)
		if (toks[i].lumbosacral)
			lumbosacral = true;
		else if (toks[i].cls == W_NAME)
			other_name = true;
	lumbosacral = lumbosacral && other_name;
	if (lumbosacral && level == LV_NONE)
		level = LV_LUMBAR;
	for (i = pc->first; i < pc->end; i++)
	{
		const Tok  *t = &toks[i];

		if (t->cls != W_NAME && t->cls != W_PART && t->cls != W_LEVEL)
			continue;
		if (lumbosacral && t->lumbosacral)
			continue;
		if (level != LV_NONE &&
			(t->cls == W_LEVEL || level_filler(w->norm + t->start, t->len)))
			continue;
		if (t->count && !counts)
			continue;
		any_part |= t->part;
		if (t->ls)
			nls++;
		else if (!t->part)
			nother++;
		add_word(name, &namelen, pt, &ntok, w->norm + t->start, t->len, t->part);
	}
	if (ntok == 0)
		return false;
	w->names_used += namelen + 1;

	memset(out, 0, sizeof(MpResult));
	out->side = side_of(pc->sides);
	if (!cat->built)
	{
		result_unknown(out, name, namelen);
		return true;
	}

	/* "R LS x1": the levator scapulae (mark_levator_ls) */
	if (nls == 1 && nother == 0)
		e = lookup(cat, "levator scapulae", 16, 2);

	/* a level names the region: "paraspinals at l4" is lumbar paraspinals */
	if (e < 0 && level != LV_NONE)
	{
		const char *lw = level_word[level];
		size_t		lwl = strlen(lw);
		Tok		   *lt = w->ptoks;

		memcpy(w->pre, lw, lwl);
		w->pre[lwl] = ' ';
		memcpy(w->pre + lwl + 1, name, namelen);
		lt[0].start = 0;
		lt[0].len = (uint32_t) lwl;
		lt[0].part = false;
		for (i = 1; i <= ntok; i++)
			lt[i].start += (uint32_t) lwl + 1;
		e = match_name(cat, w->pre, lwl + 1 + namelen, ntok + 1, lt, w->strip);
		for (i = 1; i <= ntok; i++)
			lt[i].start -= (uint32_t) lwl + 1;
	}
	if (e < 0)
		e = match_name(cat, name, namelen, ntok, pt, w->strip);
	/*
	 * A spinal adjective beside a name the catalogue has without it
	 * ("paraspinals lumbar", "cervical multifidus"): the name, and the
	 * adjective sets a group's region as a level does.
	 */
	if (e < 0 && level == LV_NONE && ntok >= 2 && ntok <= MAX_ADJ_TOKENS)
	{
		Tok			at[MAX_ADJ_TOKENS];
		uint32_t	j;

		for (i = 0; i < ntok && e < 0; i++)
		{
			int			adj = spine_adjective(name + pt[i].start, pt[i].len);
			size_t		o = 0,
						n = 0;
			int			m;

			if (adj == 0)
				continue;
			for (j = 0; j < ntok; j++)
				if (j != i)
					add_word(w->pre, &o, at, &n, name + pt[j].start, pt[j].len,
							 pt[j].part);
			m = match_name(cat, w->pre, o, n, at, w->strip);
			if (m >= 0 && cat->entries[m].kind != MP_REGION)
			{
				e = m;
				level = adj;
			}
		}
	}
	/*
	 * Where in the muscle, before the place words it may hold ("right
	 * trapezius near the spine" is the trapezius): the words before it,
	 * if they name a muscle.
	 */
	if (e < 0 && (k = where_word_at(name, pt, ntok)) > 0)
	{
		size_t		cut = pt[k].start - 1;
		int			m = match_name(cat, name, cut, (size_t) k, pt, w->strip);

		if (m < 0)
			m = fuzzy_lookup(cat, name, cut);
		if (m >= 0 && (cat->entries[m].kind == MP_MUSCLE ||
					   cat->entries[m].kind == MP_GROUP))
			e = m;
	}
	/* before any guess: "back regions" is no misspelt "back region" */
	if (e < 0 && region_term(cat, w, name, namelen, ntok, pt, out))
		goto located;
	/* a spinal adjective alone ("lumbar") is its region: no muscle */
	if (e < 0 && ntok == 1 && (k = spine_adjective(name, namelen)) != 0)
	{
		result_unknown(out, name, namelen);
		out->kind = MP_REGION;
		out->region = cat->spinal[k - 1];
		return true;
	}
	if (e < 0)
		e = fuzzy_lookup(cat, name, namelen);
	if (e < 0 && any_part)
	{
		/* the same without part words ("upper trapezious") */
		size_t		o = 0;

		for (i = 0; i < ntok; i++)
		{
			if (pt[i].part)
				continue;
			if (o > 0)
				w->strip[o++] = ' ';
			memcpy(w->strip + o, name + pt[i].start, pt[i].len);
			o += pt[i].len;
		}
		if (o > 0)
			e = fuzzy_lookup(cat, w->strip, o);
	}
	if (e < 0)
	{
		result_unknown(out, name, namelen);
		return true;
	}
	result_entry(cat, out, e);
located:
	if (level != LV_NONE && (out->kind == MP_GROUP || out->kind == MP_REGION) &&
		cat->spinal[level - 1] >= 0)
		out->region = cat->spinal[level - 1];
	return true;
}

/*
 * Counts, doses and trigger-point words written into the name ("R upper
 * trapezius 2cc", "L levator scapulae TP x2", "3 TPs in R trapezius",
 * "TPI right trapezius", "trapezius muscle(s)"): an unknown piece is read
 * again without them, and is the muscle they leave if it names one.
 * *out is replaced only then.
 */
static void
without_descriptors(const MpCatalogue *cat, Work *w, const Piece *pc,
					MpResult *out)
{
	size_t		names_used = w->names_used;
	bool		marked[32];		/* a longer piece keeps its words */
	uint32_t	i;
	bool		any = false;
	MpResult	r;

	if (pc->end - pc->first > sizeof(marked) / sizeof(marked[0]))
		return;
	for (i = pc->first; i < pc->end; i++)
	{
		Tok		   *t = &w->toks[i];
		const char *word = w->norm + t->start;

		marked[i - pc->first] = false;
		if (t->cls != W_NAME || t->count)
			continue;
		if (descriptor_word(word, t->len))
		{
			t->count = true;
			marked[i - pc->first] = any = true;
		}
	}
	if (!any)
		return;
	if (match_piece(cat, w, pc, false, &r) && r.kind != MP_UNKNOWN)
		*out = r;
	else
		w->names_used = names_used;
	for (i = pc->first; i < pc->end; i++)
		if (marked[i - pc->first])
			w->toks[i].count = false;
}

/* The side words among tokens [from, to) (SB_* bits). */
static int
sides_in(const Work *w, uint32_t from, uint32_t to)
{
	int			sides = 0;
	uint32_t	i;

	for (i = from; i < to; i++)
		sides |= w->toks[i].cls == W_LEFT ? SB_LEFT :
			w->toks[i].cls == W_RIGHT ? SB_RIGHT :
			w->toks[i].cls == W_BOTH ? SB_BOTH : 0;
	return sides;
}

/*
 * A name followed by its abbreviation or another name of the same muscle
 * ("sternocleidomastoid muscle (SCM)", "quadratus lumborum (QL)"): an
 * unknown piece whose words split into two runs that each name the same
 * muscle or group is that one.  Two runs naming two ("right trapezius
 * levator scapulae") are both, the second left in w->second.  *out is
 * replaced only then.
 */
#define RESTATED_TOKENS 8			/* a longer piece is no name restated */

static void
restated_name(const MpCatalogue *cat, Work *w, const Piece *pc, MpResult *out)
{
	size_t		names_used = w->names_used;
	uint32_t	k;

	if (pc->end - pc->first > RESTATED_TOKENS)
		return;
	for (k = pc->first + 1; k < pc->end; k++)
	{
		Piece		a = *pc,
					b = *pc;
		MpResult	ra,
					rb;

		/* the second run opens with a name or part word ("lateral
		 * pterygoid medial pterygoid") */
		if ((w->toks[k].cls != W_NAME && w->toks[k].cls != W_PART) ||
			w->toks[k].count)
			continue;
		a.end = k;
		b.first = k;
		if (match_piece(cat, w, &a, false, &ra) && ra.entry >= 0 &&
			(ra.kind == MP_MUSCLE || ra.kind == MP_GROUP) &&
			match_piece(cat, w, &b, false, &rb) && rb.entry >= 0 &&
			(rb.entry == ra.entry ||
			 (ra.kind == MP_MUSCLE && rb.kind == MP_MUSCLE)))
		{
			uint32_t	j = k;
			int			sa,
						sb;

			/*
			 * side words just before the second run open it ("R trap L
			 * levator") when the first run has its own; else they close
			 * the first ("trapezius R levator L")
			 */
			while (j > pc->first + 1 && sides_in(w, j - 1, j) != 0)
				j--;
			if (j == k || sides_in(w, pc->first, j) == 0)
				j = k;
			sa = sides_in(w, pc->first, j);
			sb = sides_in(w, j, pc->end);

			/*
			 * The same one restated, or two muscles written without a
			 * separator (not a group and one of its members, "hamstrings
			 * biceps femoris"); each keeps its own side words ("R trap/L
			 * levator"), else both take the piece's.
			 */
			w->names_used = names_used;
			*out = ra;
			if (rb.entry != ra.entry)
			{
				w->second = rb.entry;
				w->second_side = side_of(pc->sides);
				if (sa && sb)
				{
					out->side = side_of(sa);
					w->second_side = side_of(sb);
				}
			}
			return;
		}
		w->names_used = names_used;
	}
}

/*
 * One piece, as match_piece() reads it.  A piece with count words is read
 * without them first ("R trapezius x2" is the trapezius, "2 points" alone
 * names nothing), and with them when that names nothing the catalogue
 * knows ("muscle 12" stays itself): the second reading takes the first's
 * place in the names buffer.
 */
static bool
parse_piece(const MpCatalogue *cat, Work *w, const Piece *pc, MpResult *out)
{
	size_t		names_used = w->names_used;
	bool		has_count = false;
	uint32_t	i;

	for (i = pc->first; i < pc->end && !has_count; i++)
		has_count = w->toks[i].count;
	if (!has_count)
	{
		if (!match_piece(cat, w, pc, true, out))
			return false;
	}
	else
	{
		if (!match_piece(cat, w, pc, false, out))
			return false;
		if (out->kind != MP_UNKNOWN)
			return true;
		w->names_used = names_used;
		if (!match_piece(cat, w, pc, true, out))
			return false;
	}
	if (out->kind == MP_UNKNOWN)
		without_descriptors(cat, w, pc, out);
	if (out->kind == MP_UNKNOWN)
		restated_name(cat, w, pc, out);
	return true;
}

/*
 * The one name word of a piece (no part words, levels or counts), or -1.
 */
static int
lone_word(const Work *w, const Piece *pc)
{
	int			at = -1;
	uint32_t	i;

	for (i = pc->first; i < pc->end; i++)
	{
		const Tok  *t = &w->toks[i];

		if (t->cls == W_PART || t->cls == W_LEVEL)
			return -1;
		if (t->cls != W_NAME || t->count)
			continue;
		if (at >= 0)
			return -1;
		at = (int) i;
	}
	return at;
}

/*
 * A word that names nothing alone, read with a word its neighbour in the
 * list shares: the head of the piece before ("rhomboid major and minor",
 * "gluteus medius/minimus", "scalenus anterior and medius": rhomboid
 * minor, gluteus minimus, scalenus medius) or the tail of the piece after
 * ("cervical and thoracic paraspinals": cervical paraspinals).  exact:
 * only a catalogue name or alias as written counts, no part word dropped
 * (for a part word, which would otherwise name its neighbour again).  The
 * entry, or -1 when neither names a muscle or group.
 */
#define SHARED_WORDS 8			/* a longer piece shares no word */
#define SHARED_TOKENS 32		/* nor does one of more tokens, for a part
								 * word (share_parts) */

static int
shared_word(const MpCatalogue *cat, Work *w, const Piece *prev,
			const Piece *next, uint32_t word, bool exact)
{
	int			pass;

	for (pass = 0; pass < 2; pass++)
	{
		const Piece *pc = pass == 0 ? prev : next;
		uint32_t	words[SHARED_WORDS];
		uint32_t	use[SHARED_WORDS];
		size_t		nwords = 0,
					nuse = 0,
					namelen = 0,
					ntok,
					k;
		uint32_t	i;
		int			e;

		if (pc == NULL)
			continue;
		for (i = pc->first; i < pc->end && nwords <= SHARED_WORDS; i++)
			if ((w->toks[i].cls == W_NAME || w->toks[i].cls == W_PART) &&
				!w->toks[i].count)
			{
				if (nwords == SHARED_WORDS)
				{
					nwords++;	/* too long to share a word */
					break;
				}
				words[nwords++] = i;
			}
		if (nwords < 2 || nwords > SHARED_WORDS)
			continue;
		/* before: its words but the last, then the word; after: the
		 * word, then its words but the first */
		if (pass == 1)
			use[nuse++] = word;
		for (k = pass == 0 ? 0 : 1; k < (pass == 0 ? nwords - 1 : nwords); k++)
			use[nuse++] = words[k];
		if (pass == 0)
			use[nuse++] = word;
		for (k = 0, ntok = 0; k < nuse; k++)
			add_word(w->pre, &namelen, w->ptoks, &ntok,
					 w->norm + w->toks[use[k]].start, w->toks[use[k]].len,
					 w->toks[use[k]].part);
		e = exact ? lookup(cat, w->pre, namelen, ntok) :
			match_name(cat, w->pre, namelen, ntok, w->ptoks, w->strip);
		if (e >= 0 && (cat->entries[e].kind == MP_MUSCLE ||
					   cat->entries[e].kind == MP_GROUP))
			return e;
	}
	return -1;
}

/*
 * A piece names more than a spinal level or adjective: "cervical,
 * thoracic and lumbar paraspinals" lists three levels of one group, where
 * "paraspinals, lumbar" gives the group its level.
 */
static bool
names_more_than_level(const Work *w, const Piece *pc)
{
	uint32_t	i;

	for (i = pc->first; i < pc->end; i++)
		if (w->toks[i].cls == W_NAME &&
			!spine_adjective(w->norm + w->toks[i].start, w->toks[i].len) &&
			!level_filler(w->norm + w->toks[i].start, w->toks[i].len))
			return true;
	return false;
}

/* A piece has a count word ("L x1"). */
static bool
has_count(const Work *w, const Piece *pc)
{
	uint32_t	i;

	for (i = pc->first; i < pc->end; i++)
		if (w->toks[i].count)
			return true;
	return false;
}

/* "on", "the", "of": part words that join, not parts ("on the right") */
static bool
connector_word(const Work *w, uint32_t k)
{
	const char *t = w->norm + w->toks[k].start;
	uint32_t	len = w->toks[k].len;

	return (len == 2 && (memcmp(t, "on", 2) == 0 || memcmp(t, "of", 2) == 0)) ||
		(len == 3 && memcmp(t, "the", 3) == 0);
}

/* A piece has two name or part words or more (within SHARED_TOKENS). */
#define SHARED_REACH 8			/* named pieces looked past for a head */

static bool
two_words(const Work *w, const Piece *pc)
{
	uint32_t	i;
	int			n = 0;

	for (i = pc->first; i < pc->end && i - pc->first < SHARED_TOKENS; i++)
		if ((w->toks[i].cls == W_NAME || w->toks[i].cls == W_PART) &&
			!w->toks[i].count && ++n == 2)
			return true;
	return false;
}

/*
 * A piece of one part word beside named pieces names a muscle of its own
 * when, with its neighbour's words, it is a catalogue name as written:
 * "tibialis anterior and posterior", "anterior and middle scalene" are
 * two muscles each, while "deltoid anterior and posterior" stays one
 * (the part word only says where).  Such pieces become named; returns
 * how many did.
 */
static int
share_parts(const MpCatalogue *cat, Work *w, size_t npieces)
{
	int			added = 0;
	const Piece *prev = NULL;	/* the last named piece of two words or
								 * more before i, SHARED_REACH at most */
	int			since = 0;		/* named pieces since prev */
	size_t		nexti = 0;		/* the first named piece after i, once
								 * looked for: no piece after i is named
								 * by this loop before i, so it stays right
								 * and the whole loop is linear */
	size_t		i;

	for (i = 0; i < npieces; i++)
	{
		Piece	   *pc = &w->pieces[i];
		const Piece *next;
		int			word = -1;
		uint32_t	k;

		if (pc->named)
		{
			if (two_words(w, pc))
			{
				prev = pc;
				since = 0;
			}
			else if (++since >= SHARED_REACH)
				prev = NULL;
			continue;
		}
		if (!pc->parts)
			continue;
		for (k = pc->first; k < pc->end; k++)
			if (w->toks[k].cls == W_PART && !connector_word(w, k))
			{
				if (word >= 0)
					break;
				word = (int) k;
			}
		if (k < pc->end || word < 0)
			continue;			/* several part words: not one name */
		if (nexti <= i)
			for (nexti = i + 1; nexti < npieces && !w->pieces[nexti].named;
				 nexti++)
				;
		next = nexti < npieces ? &w->pieces[nexti] : NULL;
		/*
		 * a run of part words shares its two neighbours: each reads at
		 * most SHARED_TOKENS of theirs, not all of a long one's tokens
		 */
		pc->shared = shared_word(cat, w,
								 prev && prev->end - prev->first <= SHARED_TOKENS ? prev : NULL,
								 next && next->end - next->first <= SHARED_TOKENS ? next : NULL,
								 (uint32_t) word, true);
		if (pc->shared >= 0)
		{
			pc->named = true;
			added++;
		}
	}
	return added;
}

/*
 * What follows a per-muscle count or dose in a documented entry
 * ("2 trigger points", "(2 points)", "x2 sites", "1 ml").
 */
static bool
count_noun(const char *w, size_t len)
{
#define IS(lit) (len == sizeof(lit) - 1 && memcmp(w, lit, sizeof(lit) - 1) == 0)
	return IS("point") || IS("points") || IS("pt") || IS("pts") ||
		IS("tp") || IS("tps") || IS("trp") || IS("trps") ||
		IS("trigger") || IS("triggers") || IS("site") || IS("sites") ||
		IS("spot") || IS("spots") || IS("injection") || IS("injections") ||
		IS("inj") || IS("injected") || IS("ml") || IS("cc") || IS("mg") ||
		IS("each");
#undef IS
}

/*
 * Words that describe a trigger point, its dose or where it lies, not a
 * muscle: a piece of them after a comma describes the muscle before it
 * ("bilateral upper trapezius, taut band", "R trapezius, 1cc", "levator
 * scapulae, superior angle", "QL, near iliac crest"), and in a name they
 * are dropped ("3 TPs in R trapezius", "trapezius muscle(s)").
 */
static bool
descriptor_word(const char *w, size_t len)
{
	size_t		k;

#define IS(lit) (len == sizeof(lit) - 1 && memcmp(w, lit, sizeof(lit) - 1) == 0)
	if (count_noun(w, len) || digits_word(w, len))
		return true;
	/* a number with its unit or gauge: "1cc", "2ml", "27g", "x2" */
#define IS_SUFFIX(lit) (len - k == sizeof(lit) - 1 && \
						memcmp(w + k, lit, sizeof(lit) - 1) == 0)
	for (k = 0; k < len && ((w[k] >= '0' && w[k] <= '9') || w[k] == 'x'); k++)
		;
	if (k > 0 && (k == len || IS_SUFFIX("cc") || IS_SUFFIX("ml") ||
				  IS_SUFFIX("mg") || IS_SUFFIX("g") || IS_SUFFIX("ga")))
		return true;
#undef IS_SUFFIX
	return IS("x") || IS("taut") || IS("band") || IS("bands") ||
		IS("tender") || IS("tenderness") || IS("active") || IS("latent") ||
		IS("twitch") || IS("response") || IS("responses") || IS("local") ||
		IS("jump") || IS("sign") || IS("palpable") || IS("nodule") ||
		IS("nodules") || IS("knot") || IS("knots") || IS("spasm") ||
		IS("referred") || IS("pain") || IS("with") || IS("without") ||
		IS("midpoint") || IS("total") || IS("needle") || IS("gauge") ||
		IS("lidocaine") || IS("lido") || IS("bupivacaine") ||
		IS("marcaine") || IS("ropivacaine") || IS("kenalog") ||
		IS("triamcinolone") || IS("dexamethasone") || IS("saline") ||
		IS("tpi") || IS("tpis") || IS("in") || IS("s") ||
		where_preposition(w, len) || where_noun(w, len);
#undef IS
}

/*
 * A piece that only describes: its name words are all descriptor words,
 * or it opens with a word that says where ("near iliac crest", "along the
 * medial border").
 */
static bool
describes(const Work *w, const Piece *pc)
{
	uint32_t	i;
	bool		first = true;

	for (i = pc->first; i < pc->end; i++)
	{
		const Tok  *t = &w->toks[i];
		const char *word = w->norm + t->start;

		if (t->cls != W_NAME)
			continue;
		if (first && where_preposition(word, t->len))
			return true;
		first = false;
		if (!descriptor_word(word, t->len))
			return false;
	}
	return true;
}

/*
 * Per-muscle counts and doses inside an entry, as notes write them
 * ("R trapezius x2", "right trapezius (2 points)", "levator x 3", "upper
 * trapezius 2 trigger points", "trapezius (2)"): their words are marked,
 * and parse_piece() reads the entry without them first.  A number after
 * a spinal level ("l4 5") is the level's, not a count.
 */
static void
mark_counts(Work *w, size_t ntok)
{
	Tok		   *toks = w->toks;
	size_t		i,
				j;

	for (i = 0; i < ntok; i++)
	{
		Tok		   *t = &toks[i];
		const char *s = w->norm + t->start;
		bool		count = false;

		if (t->cls != W_NAME)
			continue;
		if (t->len >= 2 && s[0] == 'x' && digits_word(s + 1, t->len - 1))
			count = true;		/* "x2" */
		else if (t->len == 1 && s[0] == 'x' && i + 1 < ntok &&
				 digits_word(w->norm + toks[i + 1].start, toks[i + 1].len))
		{
			t->count = true;	/* "x 2" */
			t = &toks[++i];
			count = true;
		}
		else if (digits_word(s, t->len))
		{
			bool		counted = i + 1 < ntok &&
				count_noun(w->norm + toks[i + 1].start, toks[i + 1].len);

			/*
			 * A number that ends the entry or its piece, or a counted one;
			 * after a level ("l4 5", "c5 to 6") only a counted one is a
			 * count ("paraspinals at l4 2 points").
			 */
			if (i > 0 && (toks[i - 1].cls == W_LEVEL ||
						  (toks[i - 1].cls == W_NAME &&
						   level_filler(w->norm + toks[i - 1].start,
										toks[i - 1].len))))
				count = counted;
			else
				count = counted || i + 1 == ntok || toks[i + 1].cls == W_SEP;
		}
		if (!count)
			continue;
		t->count = true;
		for (j = i + 1; j < ntok && toks[j].cls == W_NAME &&
			 count_noun(w->norm + toks[j].start, toks[j].len); j++)
			toks[j].count = true;
		i = j - 1;
	}
}

/*
 * A parenthesis inside a name, a word before it, a word of the name after
 * it and no separator in it ("lateral (outer) gastroc", "right (dominant)
 * trapezius"), is an aside: the name is read without it first, as
 * without a count ("lateral gastroc"), and with it when that names
 * nothing known.  Its parentheses then split nothing.
 */
static void
mark_asides(Work *w, size_t ntok)
{
	Tok		   *toks = w->toks;
	size_t		a,
				b,
				k;

	for (a = 1; a < ntok; a = b)
	{
		b = a + 1;
		if (toks[a].cls != W_SEP || w->norm[toks[a].start] != '(')
			continue;
		while (b < ntok && toks[b].cls != W_SEP)
			b++;
		if (b >= ntok || w->norm[toks[b].start] != ')' || b == a + 1 ||
			b + 1 >= ntok ||
			toks[a - 1].cls == W_SEP ||
			(toks[b + 1].cls != W_NAME && toks[b + 1].cls != W_PART))
			continue;
		toks[a].cls = W_FILLER;
		toks[b].cls = W_FILLER;
		for (k = a + 1; k < b; k++)
		{
			toks[k].paren = 0;
			if (toks[k].cls == W_NAME)
				toks[k].count = true;
		}
	}
}

/*
 * "R LS", "L LS x1": "ls" right after a side word is the levator scapulae
 * of abbreviated notes, as the note reader reads it (src/parse/note.c);
 * before a word of the low back ("R LS paraspinals", "LS junction") it is
 * lumbosacral, and alone or after anything else it stays what the
 * catalogue makes of it ("ls" is no alias there, for that reason).
 * "L/S" is two words, never "ls".
 */
bool
mp_lumbosacral_word(const char *w, size_t len)
{
	static const char *const words[] = {"paraspinal", "paraspinals",
		"paraspinous", "paravertebral", "paravertebrals", "spine", "junction",
		"region", "area", "radiculopathy", "radicular", "strain", "sprain",
		"pain", "facet", "facets", "musculature", "fascia", "spinal", "level",
	"levels", "segment", "paras", "regions", "areas", NULL};
	int			k;

	for (k = 0; words[k]; k++)
		if (strlen(words[k]) == len && memcmp(words[k], w, len) == 0)
			return true;
	return false;
}

static void
mark_levator_ls(Work *w, size_t ntok)
{
	size_t		i;

	for (i = 0; i < ntok; i++)
	{
		Tok		   *t = &w->toks[i];
		int			pc = i > 0 ? w->toks[i - 1].cls : W_SEP;
		int			nc = i + 1 < ntok ? w->toks[i + 1].cls : W_SEP;

		/* a side before it, or ("LS R", "LS bilateral") after it alone */
		if (t->cls == W_NAME && t->len == 2 && !t->lumbosacral &&
			memcmp(w->norm + t->start, "ls", 2) == 0 &&
			(pc == W_LEFT || pc == W_RIGHT || pc == W_BOTH ||
			 (pc == W_SEP && (nc == W_LEFT || nc == W_RIGHT || nc == W_BOTH))) &&
			!(i + 1 < ntok &&
			  mp_lumbosacral_word(w->norm + w->toks[i + 1].start,
							   w->toks[i + 1].len)))
			t->ls = true;
	}
}

/* The number of the parenthesis a piece is in, 0 for none. */
#define PIECE_PAREN(w, i) ((w)->toks[(w)->pieces[i].first].paren)

/*
 * Does piece i open a parenthesis about the named piece just before it
 * (outside it, only the "(" between)?
 */
static bool
paren_opens(const Work *w, size_t i)
{
	const Piece *prev;

	if (i == 0 || PIECE_PAREN(w, i) == 0 ||
		PIECE_PAREN(w, i - 1) == PIECE_PAREN(w, i))
		return false;
	prev = &w->pieces[i - 1];
	return prev->named && prev->end + 1 == w->pieces[i].first;
}

/*
 * The named piece a parenthesis after it speaks of, for piece i, given
 * what this gave for piece i - 1 (-1 for i == 0): walked in order, so
 * that a long parenthesis costs nothing more per piece.  -1 for none.
 */
static int
paren_head(const Work *w, size_t i, int head_before)
{
	if (i == 0 || PIECE_PAREN(w, i) == 0)
		return -1;
	if (PIECE_PAREN(w, i - 1) == PIECE_PAREN(w, i))
		return head_before;
	return paren_opens(w, i) ? (int) (i - 1) : -1;
}

/*
 * The one word of a piece that names nothing alone in a parenthesis
 * ("scalenes (anterior and middle)", "rhomboids (major and minor)"): a
 * part word or a name word, no count; -1 when it has more or none.
 */
static int
paren_word(const Work *w, const Piece *pc)
{
	int			at = -1;
	uint32_t	i;

	for (i = pc->first; i < pc->end; i++)
	{
		const Tok  *t = &w->toks[i];

		if (t->count || t->cls == W_LEFT || t->cls == W_RIGHT ||
			t->cls == W_BOTH || t->cls == W_FILLER)
			continue;
		if ((t->cls != W_NAME && t->cls != W_PART) || at >= 0 ||
			(t->cls == W_PART && connector_word(w, i)))
			return -1;
		at = (int) i;
	}
	return at;
}

/*
 * The muscle or group that word, written before or after a name or alias
 * of entry e, is as a catalogue key ("anterior" + "scalenes" is the
 * anterior scalene, "rhomboid" + "major" the rhomboid major); -1 when
 * none is.  The keys of one entry lie together, in the order added.
 */
static int
paren_share(const MpCatalogue *cat, const Work *w, int e, uint32_t word)
{
	const char *wd = w->norm + w->toks[word].start;
	size_t		wl = w->toks[word].len;
	int			lo = 0,
				hi = cat->nkeys,
				k;

	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (cat->keys[mid].entry < e)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (k = lo; k < cat->nkeys && cat->keys[k].entry == e; k++)
	{
		const MpKey *key = &cat->keys[k];
		char		buf[128];
		int			order;

		if (key->len + wl + 1 > sizeof(buf))
			continue;
		for (order = 0; order < 2; order++)
		{
			size_t		o = 0;
			int			m;

			if (order == 0)
			{
				memcpy(buf, wd, wl);
				buf[wl] = ' ';
				memcpy(buf + wl + 1, key->key, key->len);
			}
			else
			{
				memcpy(buf, key->key, key->len);
				buf[key->len] = ' ';
				memcpy(buf + key->len + 1, wd, wl);
			}
			o = key->len + wl + 1;
			m = lookup(cat, buf, o, key->len - key->letters + 2);
			if (m >= 0 && m != e && (cat->entries[m].kind == MP_MUSCLE ||
									 cat->entries[m].kind == MP_GROUP))
				return m;
		}
	}
	return -1;
}

/* Two regions that may hold the same muscles' names: equal, one unknown,
 * or both spinal ("paraspinals" has none, its members are spinal). */
static bool
regions_fit(const MpCatalogue *cat, int a, int b, bool spinal)
{
	int			k,
				sa = 0,
				sb = 0;

	if (a == b || a < 0 || b < 0)
		return true;
	if (!spinal)
		return false;
	for (k = 0; k < 3; k++)
	{
		sa |= cat->spinal[k] == a;
		sb |= cat->spinal[k] == b;
	}
	return sa && sb;
}

/* Does canonical name a hold name b ("iliopsoas" holds "psoas")? */
static bool
name_holds(const char *a, size_t al, const char *b, size_t bl)
{
	size_t		i;

	for (i = 0; bl > 0 && i + bl <= al; i++)
		if (memcmp(a + i, b, bl) == 0)
			return true;
	return false;
}

#define PAREN_PIECES 16			/* a longer parenthesis is read as a list */
#define MP_PAREN_KEY 128		/* a name and a word, at most */

/*
 * "pectoralis (major and minor)", "teres (major and minor)": a name that
 * is no muscle alone (rh) before a parenthesis each of whose pieces is one
 * word that, after the name, names a muscle: those muscles count, with the
 * name's side where they have none, and the name not (as "pectoralis major
 * and minor" counts two).
 */
static bool
completed_by_parenthesis(const MpCatalogue *cat, Work *w, const char *name,
						 size_t namelen, size_t h, size_t from, size_t to)
{
	Piece	   *head = &w->pieces[h];
	int			ent[PAREN_PIECES];
	char		buf[MP_PAREN_KEY];
	size_t		nwords = 1,
				k,
				i;

	for (i = 0; i < namelen; i++)
		nwords += name[i] == ' ';
	for (k = from; k < to; k++)
	{
		int			word = lone_word(w, &w->pieces[k]);
		const Tok  *t;
		size_t		n;

		if (!w->pieces[k].named || word < 0)
			return false;
		t = &w->toks[word];
		n = namelen + 1 + t->len;
		if (n > sizeof(buf))
			return false;
		memcpy(buf, name, namelen);
		buf[namelen] = ' ';
		memcpy(buf + namelen + 1, w->norm + t->start, t->len);
		ent[k - from] = lookup(cat, buf, n, nwords + 1);
		if (ent[k - from] < 0 || cat->entries[ent[k - from]].kind == MP_REGION)
			return false;
	}
	head->named = false;
	for (k = from; k < to; k++)
	{
		Piece	   *pc = &w->pieces[k];

		pc->shared = ent[k - from];
		if (pc->sides == 0)
			pc->sides = head->sides;
	}
	return true;
}

/*
 * A parenthesis after a name (pieces from..to-1, head h before them)
 * that says the name again or names what it is made of (SPEC section 4:
 * parts of one muscle count once, group terms are one per side):
 *	- the same muscle again, or a muscle followed by a group it belongs
 *	  to ("quadratus lumborum (QL)", "trapezius (upper trap)", "erector
 *	  spinae (paraspinals)"): the name before counts, the parenthesis not;
 *	- the muscles of a group ("paraspinals (erector spinae)", "hamstrings
 *	  (biceps femoris, semitendinosus)", "scalenes (anterior and middle)")
 *	  or the parts of a muscle ("iliopsoas (psoas and iliacus)": two
 *	  muscles of its region, or one whose name is in the muscle's): those
 *	  count and the group or whole does not, each with the name's side
 *	  when it has none of its own;
 *	- anything else ("trapezius (levator)") counts as a list would.
 * A word of two to four letters the catalogue does not know in the
 * parenthesis of a known name restates it ("levator scapulae (LS)") and
 * names nothing.  Members and parts must be known muscles (or groups,
 * for a group) of a region that fits.
 */

static void
parenthetical(const MpCatalogue *cat, Work *w, size_t h, size_t from,
			  size_t to)
{
	Piece	   *head = &w->pieces[h];
	size_t		names_used = w->names_used;
	int			ent[PAREN_PIECES];	/* member entry, -1 none, -2 restates */
	bool		shared[PAREN_PIECES];
	MpResult	rh,
				rm;
	size_t		k;
	int			nmem = 0,
				nsame = 0,
				ngroup = 0,
				nunknown = 0;
	bool		other = false,
				fit = true,
				holds = false;
	int			word;

	if (to - from > PAREN_PIECES)
		return;
	if (head->shared >= 0)
		result_entry(cat, &rh, head->shared);
	else if (!parse_piece(cat, w, head, &rh))
		return;
	w->names_used = names_used;
	if (w->second >= 0)
	{
		w->second = -1;
		return;
	}
	/* "pec (major and minor)": the head's word with each piece's */
	if ((word = lone_word(w, head)) >= 0 &&
		completed_by_parenthesis(cat, w, w->norm + w->toks[word].start,
								 w->toks[word].len, h, from, to))
		return;
	if (rh.entry < 0 && rh.kind == MP_UNKNOWN)
	{
		(void) completed_by_parenthesis(cat, w, rh.name, rh.namelen, h, from, to);
		return;
	}
	if (rh.entry < 0 || (rh.kind != MP_MUSCLE && rh.kind != MP_GROUP))
		return;
	for (k = from; k < to; k++)
	{
		Piece	   *pc = &w->pieces[k];
		int			e = -1,
					word;

		ent[k - from] = -1;
		shared[k - from] = false;
		if (pc->named && pc->shared < 0)
		{
			bool		ok = parse_piece(cat, w, pc, &rm);

			w->names_used = names_used;
			if (w->second >= 0)
			{
				w->second = -1;
				other = true;
				continue;
			}
			if (!ok || rm.kind == MP_REGION)
				continue;
			if (rm.kind == MP_UNKNOWN)
			{
				word = lone_word(w, pc);
				if (word >= 0 &&
					(e = paren_share(cat, w, rh.entry, (uint32_t) word)) >= 0)
					shared[k - from] = true;
				else if (word >= 0 && w->toks[word].len >= 2 &&
						 w->toks[word].len <= 4 &&
						 !digits_word(w->norm + w->toks[word].start,
									  w->toks[word].len))
				{
					ent[k - from] = -2;
					continue;
				}
				else
				{
					other = true;
					nunknown++;
					continue;
				}
			}
			else
				e = rm.entry;
		}
		else if (pc->named)
			e = pc->shared;
		else if ((word = paren_word(w, pc)) >= 0 &&
				 (e = paren_share(cat, w, rh.entry, (uint32_t) word)) >= 0)
			shared[k - from] = true;
		if (e < 0)
			continue;
		ent[k - from] = e;
		nmem++;
		if (e == rh.entry)
			nsame++;
		else
		{
			const MpEntry *me = &cat->entries[e];

			if (me->kind == MP_GROUP)
				ngroup++;
			if (!regions_fit(cat, rh.region, me->region, rh.kind == MP_GROUP))
				fit = false;
			if (me->kind == MP_MUSCLE &&
				name_holds(rh.name, rh.namelen, me->name, me->namelen))
				holds = true;
		}
	}
	/* what restates the name names nothing; its sides are the name's */
	for (k = from; k < to; k++)
		if (ent[k - from] == -2)
		{
			w->pieces[k].named = false;
			head->sides |= w->pieces[k].sides;
		}
	/*
	 * "trapezius (see note)", "(most tender)": words the catalogue does not
	 * know at all, in the parenthesis of a known name, are a remark
	 */
	if (nmem == 0 && nunknown > 0)
	{
		for (k = from; k < to; k++)
			if (w->pieces[k].named && w->pieces[k].shared < 0)
			{
				MpResult	rk;
				bool		ok = parse_piece(cat, w, &w->pieces[k], &rk);

				w->names_used = names_used;
				if (w->second >= 0)
				{
					w->second = -1;
					return;
				}
				if (ok && rk.kind != MP_UNKNOWN)
					return;
			}
		for (k = from; k < to; k++)
		{
			w->pieces[k].named = false;
			head->sides |= w->pieces[k].sides;
		}
		return;
	}
	if (nmem == 0 || other || !fit)
		return;
	if (nsame == nmem ||
		(rh.kind == MP_MUSCLE && nsame == 0 && ngroup == nmem))
	{
		/* said again, or the group the muscle belongs to */
		for (k = from; k < to; k++)
			if (ent[k - from] >= 0)
				w->pieces[k].named = false;
		return;
	}
	if (nsame > 0 ||
		(rh.kind == MP_MUSCLE &&
		 (ngroup > 0 || (nmem < 2 && !holds))))
		return;
	/* the muscles the name is made of count, the name not */
	head->named = false;
	for (k = from; k < to; k++)
	{
		Piece	   *pc = &w->pieces[k];

		if (ent[k - from] < 0)
			continue;
		if (shared[k - from])
		{
			pc->shared = ent[k - from];
			pc->named = true;
		}
		if (pc->sides == 0)
			pc->sides = head->sides;
	}
}

int
mp_parse_each(const MpCatalogue *cat, const char *text, size_t len,
			  char *work, MpEmit emit, void *arg)
{
	Work		w;
	size_t		normlen;
	size_t		ntok = 0;
	size_t		npieces = 0;
	size_t		nnamed = 0;
	size_t		i;
	size_t		first_name = SIZE_MAX,
				last_name = 0;
	int			opening = 0,
				closing = 0,
				pending = 0;
	int			emitted = 0;
	bool		any_name = false;
	Piece	   *count_owner;	/* the named piece sides with counts join */
	size_t		last_named = SIZE_MAX;
	int			head;
	bool		list_closing = false;
	int			depth = 0;
	uint8_t		pair = 0;
	MpResult	r;

	if (text == NULL || len == 0)
		return 0;
	work_layout(work, len, &w);
	normlen = normalise(text, len, w.norm, true);
	if (normlen == 0)
		return 0;

	/* words, classified */
	i = 0;
	while (i < normlen)
	{
		size_t		j = i;
		Tok		   *t;

		while (j < normlen && w.norm[j] != ' ')
			j++;
		if (j - i == 1 && (w.norm[i] == '(' || w.norm[i] == ')'))
		{
			/*
			 * "iliopsoas (psoas and iliacus)", "trapezius (R x2, L x1)": a
			 * parenthesis ends the piece before it, as a comma does, and
			 * the words of a pair carry its number
			 */
			if (w.norm[i] == '(')
			{
				if (depth++ == 0)
					pair = (uint8_t) (pair % 255 + 1);
			}
			else if (depth > 0)
				depth--;
			if (ntok > 0 && w.toks[ntok - 1].cls != W_SEP)
			{
				t = &w.toks[ntok++];
				t->start = (uint32_t) i;
				t->len = 1;
				t->cls = W_SEP;
				t->level = LV_NONE;
				t->part = false;
				t->count = false;
				t->ls = false;
				t->lumbosacral = false;
				t->paren = 0;
			}
			i = j + 1;
			continue;
		}
		t = &w.toks[ntok++];
		t->start = (uint32_t) i;
		t->len = (uint32_t) (j - i);
		t->lumbosacral = false;
		if (j - i == 3 && w.norm[i + 1] == '~')
		{
			/* "l~s" from "L/S": the word "ls", and lumbosacral */
			w.norm[i + 1] = 's';
			w.norm[i + 2] = ' ';
			t->len = 2;
			t->lumbosacral = true;
		}
		t->cls = (uint8_t) classify_word(w.norm + i, t->len);
		t->level = LV_NONE;
		if (t->cls == W_NAME)
		{
			t->level = (uint8_t) level_of(w.norm + i, t->len);
			if (t->level != LV_NONE)
				t->cls = W_LEVEL;
		}
		t->part = (t->cls == W_PART);
		t->count = false;
		t->ls = false;
		t->paren = depth > 0 ? pair : 0;
		i = j + 1;
	}
	mark_asides(&w, ntok);
	mark_levator_ls(&w, ntok);
	mark_counts(&w, ntok);
	for (i = 0; i < ntok; i++)
	{
		const Tok  *t = &w.toks[i];

		if (t->cls == W_NAME || t->cls == W_PART)
			any_name = true;
		/* "the right trapezius and levator": part words do not close the
		 * opening side words, nor do counts ("levator scapulae, right
		 * x2") */
		if (t->cls == W_NAME && !t->count)
		{
			if (first_name == SIZE_MAX)
				first_name = i;
			last_name = i;
		}
	}

	if (!any_name)
	{
		/* side words (or a level) only: unknown under all its words */
		char	   *name = w.names;
		size_t		n = 0;

		for (i = 0; i < ntok; i++)
		{
			char		c0 = w.norm[w.toks[i].start];

			if (c0 == ',' || c0 == '(' || c0 == ')')
				continue;
			if (n > 0)
				name[n++] = ' ';
			memcpy(name + n, w.norm + w.toks[i].start, w.toks[i].len);
			n += w.toks[i].len;
		}
		if (n == 0)
			return 0;
		memset(&r, 0, sizeof(MpResult));
		r.side = MP_SIDE_NONE;
		result_unknown(&r, name, n);
		emit(arg, &r);
		return 1;
	}

	/* pieces between separators; the side words of each */
	{
		Piece	   *pc = NULL;

		for (i = 0; i <= ntok; i++)
		{
			const Tok  *t = i < ntok ? &w.toks[i] : NULL;

			if (t == NULL || t->cls == W_SEP)
			{
				if (pc != NULL)
				{
					pc->end = (uint32_t) i;
					if (pc->named)
						nnamed++;
					pc = NULL;
				}
				continue;
			}
			if (pc == NULL)
			{
				pc = &w.pieces[npieces++];
				pc->first = (uint32_t) i;
				pc->sides = 0;
				pc->named = false;
				pc->parts = false;
				pc->sideword = false;
				pc->shared = -1;
			}
			if (t->cls == W_LEFT || t->cls == W_RIGHT || t->cls == W_BOTH)
			{
				int			bit = t->cls == W_LEFT ? SB_LEFT :
					t->cls == W_RIGHT ? SB_RIGHT : SB_BOTH;

				pc->sides |= bit;
				if (i < first_name)
					opening |= bit;
				if (i > last_name)
					closing |= bit;
			}
			else if ((t->cls == W_NAME && !t->count) || t->cls == W_LEVEL)
				pc->named = true;	/* "trapezius (R x2, L x1)": a side
									 * and its count name nothing */
			else if (t->cls == W_PART)
				pc->parts = true;	/* alone they name nothing ... */
			else if (t->cls == W_FILLER && memcmp(w.norm + t->start, "side", 4) == 0 &&
					 (t->len == 4 || (t->len == 5 && w.norm[t->start + 4] == 's')))
				pc->sideword = true;
		}
	}

	/*
	 * A spinal level (or adjective) in a piece of its own ("paraspinals,
	 * L4-5", "erector spinae group, T8", "paraspinals, lumbar") is the
	 * level of the named piece before it, as without the comma.
	 */
	for (i = 1; i < npieces; i++)
	{
		Piece	   *pc = &w.pieces[i];
		Piece	   *prev = &w.pieces[i - 1];
		bool		level = false,
					only = true;
		uint32_t	k;

		if (!pc->named || !prev->named || prev->end + 1 != pc->first ||
			!names_more_than_level(&w, prev))
			continue;
		for (k = pc->first; k < pc->end && only; k++)
		{
			const Tok  *t = &w.toks[k];

			if (t->cls == W_LEVEL)
				level = true;
			else if (t->cls == W_NAME && k == pc->first && pc->end == k + 1 &&
					 spine_adjective(w.norm + t->start, t->len))
				level = true;	/* "paraspinals, lumbar" */
			else if (t->cls == W_NAME &&
					 !level_filler(w.norm + t->start, t->len))
				only = false;
			else if (t->cls == W_PART)
				only = false;
		}
		if (!level || !only)
			continue;
		prev->end = pc->end;
		prev->sides |= pc->sides;
		pc->named = false;
		pc->sides = 0;
		nnamed--;
	}

	/*
	 * A piece that only describes the muscles beside it names nothing
	 * ("R trapezius, 1cc", "trigger point injection, left piriformis"),
	 * when another piece names something.
	 */
	if (nnamed > 1)
	{
		size_t		naming = 0;

		for (i = 0; i < npieces; i++)
			if (w.pieces[i].named && !describes(&w, &w.pieces[i]))
				naming++;
		for (i = 0; i < npieces && naming > 0; i++)
		{
			Piece	   *pc = &w.pieces[i];

			if (pc->named && pc->sides == 0 && describes(&w, pc))
			{
				pc->named = false;
				nnamed--;
			}
		}
	}

	/* ... unless nothing else is named ("upper") */
	if (nnamed == 0)
	{
		for (i = 0; i < npieces; i++)
			if (w.pieces[i].parts)
			{
				w.pieces[i].named = true;
				nnamed++;
			}
	}
	else if (cat->built)
		nnamed += share_parts(cat, &w, npieces);

	/*
	 * Several named pieces that together are one catalogue name ("rhomboid
	 * major and minor", "upper and middle trapezius") stay one entry.
	 */
	if (nnamed > 1 && cat->built)
	{
		char	   *name = w.names;
		size_t		n = 0;
		size_t		nt = 0;
		int			sides = 0;
		int			e;

		for (i = 0; i < ntok; i++)
		{
			const Tok  *t = &w.toks[i];

			if (t->cls == W_LEFT)
				sides |= SB_LEFT;
			else if (t->cls == W_RIGHT)
				sides |= SB_RIGHT;
			else if (t->cls == W_BOTH)
				sides |= SB_BOTH;
			if (t->cls != W_NAME && t->cls != W_PART && t->cls != W_LEVEL)
				continue;
			if (n > 0)
				name[n++] = ' ';
			w.ptoks[nt].start = (uint32_t) n;
			w.ptoks[nt].len = t->len;
			w.ptoks[nt].part = t->part;
			memcpy(name + n, w.norm + t->start, t->len);
			n += t->len;
			nt++;
		}
		/* as written: "scalenus anterior and medius" without its part
		 * word would be scalenus medius alone */
		e = lookup(cat, name, n, nt);
		if (e >= 0)
		{
			memset(&r, 0, sizeof(MpResult));
			r.side = side_of(sides);
			result_entry(cat, &r, e);
			emit(arg, &r);
			return 1;
		}
	}

	/*
	 * Sides: a piece of side words only gives them to the next named piece
	 * ("left and right trapezius"), or to the last when none follows
	 * ("trapezius left and right").  A named piece without a side takes
	 * the side that opens the entry ("bilateral trapezius and levator"),
	 * else the one that closes it ("trapezius and levator bilaterally").
	 */
	/*
	 * "trapezius, levator scapulae, right x2": a side with its count after
	 * a list of names none of which has a side of its own closes the list,
	 * as "bilaterally" does ("trapezius and levator scapulae bilaterally");
	 * after names with sides it is the last name's ("trapezius R x2, L x1,
	 * levator scapulae R x1")
	 */
	{
		size_t		nlist = 0;

		list_closing = true;
		for (i = 0; i < npieces; i++)
			if (w.pieces[i].named)
			{
				nlist++;
				last_named = i;
				if (w.pieces[i].sides)
					list_closing = false;
			}
		if (nlist < 2)
			list_closing = false;
	}
	count_owner = NULL;
	head = -1;
	for (i = 0; i < npieces; i++)
	{
		Piece	   *pc = &w.pieces[i];
		int			h = head = paren_head(&w, i, head);

		/*
		 * "trapezius (L), levator scapulae (R)": sides in a parenthesis
		 * are the name's before it
		 */
		if (!pc->named && pc->sides && h >= 0)
		{
			w.pieces[h].sides |= pc->sides;
			continue;
		}

		/*
		 * "trapezius, left side, and levator scapulae, right side": a piece
		 * that says "side" after a named piece without a side of its own is
		 * that piece's side, not the next one's ("left-sided trapezius" has
		 * sided, not side)
		 */
		if (!pc->named && pc->sideword && pc->sides && i > 0 &&
			w.pieces[i - 1].named && w.pieces[i - 1].sides == 0)
		{
			w.pieces[i - 1].sides = pc->sides;
			continue;
		}

		/*
		 * "trapezius R x2, L x1, levator scapulae R x1", "trap, R 2 TPs,
		 * L 1 TP": a side with its own count after a named piece (and
		 * such sides only) is that piece's too
		 */
		if (!pc->named && pc->sides && count_owner && has_count(&w, pc) &&
			!(list_closing && i > last_named))
		{
			count_owner->sides |= pc->sides;
			continue;
		}
		if (!pc->named)
		{
			pending |= pc->sides;
			if (pc->sides)
				count_owner = NULL;
			continue;
		}

		/*
		 * "QL, bilateral, L3 level": a level alone (not joined to the
		 * name, a side between) names nothing to take the side
		 */
		if (!names_more_than_level(&w, pc))
			continue;
		count_owner = pc;
		pc->sides |= pending;
		pending = 0;
	}
	if (pending)
	{
		size_t		to = npieces;

		for (i = npieces; i-- > 0;)
			if (w.pieces[i].named)
			{
				if (to == npieces)
					to = i;
				if (names_more_than_level(&w, &w.pieces[i]))
				{
					to = i;
					break;
				}
			}
		if (to < npieces)
			w.pieces[to].sides |= pending;
	}
	/*
	 * A named piece without a side takes that of the name its parenthesis
	 * is about ("right iliopsoas (psoas and iliacus)"), else the entry's.
	 */
	head = -1;
	for (i = 0; i < npieces; i++)
	{
		Piece	   *pc = &w.pieces[i];
		int			h = head = paren_head(&w, i, head);

		if (pc->named && pc->sides == 0)
			pc->sides = (uint8_t) (h >= 0 ? w.pieces[h].sides :
								   (opening ? opening : closing));
	}
	/* what a parenthesis says of the name before it */
	if (cat->built)
		for (i = 0; i + 1 < npieces; i++)
		{
			size_t		j;

			if (!paren_opens(&w, i + 1))
				continue;
			for (j = i + 1; j < npieces && PIECE_PAREN(&w, j) == PIECE_PAREN(&w, i + 1);
				 j++)
				;
			parenthetical(cat, &w, i, i + 1, j);
			i = j - 1;
		}
	for (i = 0; i < npieces; i++)
	{
		Piece	   *pc = &w.pieces[i];

		if (!pc->named)
			continue;
		if (pc->shared >= 0)
		{
			memset(&r, 0, sizeof(MpResult));
			r.side = side_of(pc->sides);
			result_entry(cat, &r, pc->shared);
			emit(arg, &r);
			emitted++;
		}
		else if (parse_piece(cat, &w, pc, &r))
		{
			int			word;

			/* a word naming no muscle alone may share its neighbour's */
			if ((r.kind == MP_UNKNOWN || r.kind == MP_REGION) &&
				(word = lone_word(&w, pc)) >= 0)
			{
				const Piece *prev = NULL,
						   *next = NULL;
				size_t		j;
				int			k;
				int			e;

				/*
				 * the nearest named piece of two words or more, a few
				 * back or on: in "scalenus anterior, medius and
				 * posterior" posterior shares the head of the first
				 */
				for (j = i, k = 0; j-- > 0 && k < SHARED_REACH;)
					if (w.pieces[j].named && (++k, two_words(&w, &w.pieces[j])))
					{
						prev = &w.pieces[j];
						break;
					}
				for (j = i + 1, k = 0; j < npieces && k < SHARED_REACH; j++)
					if (w.pieces[j].named && (++k, two_words(&w, &w.pieces[j])))
					{
						next = &w.pieces[j];
						break;
					}
				e = shared_word(cat, &w, prev, next, (uint32_t) word, false);
				if (e >= 0)
					result_entry(cat, &r, e);
			}
			emit(arg, &r);
			emitted++;
			if (w.second >= 0)
			{
				result_entry(cat, &r, w.second);
				r.side = w.second_side;
				w.second = -1;
				emit(arg, &r);
				emitted++;
			}
		}
	}
	return emitted;
}

/* An emitter that keeps the first result and counts them all. */
typedef struct FirstOf
{
	MpResult   *out;
	int			n;
	MpEmit		next;			/* also passes every result on, if set */
	void	   *next_arg;
} FirstOf;

static void
emit_first(void *arg, const MpResult *r)
{
	FirstOf    *f = arg;

	if (f->n++ == 0)
		*f->out = *r;
	if (f->next)
		f->next(f->next_arg, r);
}

static void
result_empty(MpResult *out)
{
	memset(out, 0, sizeof(MpResult));
	out->kind = MP_EMPTY;
	out->side = MP_SIDE_NONE;
	out->region = -1;
	out->entry = -1;
	out->name = "";
	out->namehash = mp_hash("", 0);
}

int
mp_parse(const MpCatalogue *cat, const char *text, size_t len, char *work,
		 MpResult *out)
{
	FirstOf		f = {out, 0, NULL, NULL};

	result_empty(out);
	return mp_parse_each(cat, text, len, work, emit_first, &f);
}

/* ------------------------------------------------------------------------
 * Tally
 * ------------------------------------------------------------------------
 */
void
mp_tally_init(MpTally *t, const MpAlloc *alloc, bool copy_known)
{
	/* small[] needs no clearing: only its first n slots are read */
	t->alloc = *alloc;
	t->copy_known = copy_known;
	t->failed = false;
	t->slots = NULL;
	t->cap = 0;
	t->n = 0;
	t->nowned = 0;
	t->regions = 0;
	t->nentries = t->nmuscle = t->ngroup = t->nregion = t->nunknown = 0;
}

const MpTallySlot *
mp_tally_slots(const MpTally *t, uint32_t *nslots)
{
	if (t->slots == NULL)
	{
		*nslots = t->n;
		return t->small;
	}
	*nslots = t->cap;
	return t->slots;
}

void
mp_tally_free(MpTally *t)
{
	uint32_t	nslots;
	const MpTallySlot *s = mp_tally_slots(t, &nslots);
	uint32_t	i;

	if (t->alloc.release != NULL)
	{
		if (t->nowned > 0)
			for (i = 0; i < nslots; i++)
				if (s[i].str != NULL && (s[i].flag & 0x80))
					t->alloc.release(t->alloc.ctx, (void *) s[i].str);
		if (t->slots != NULL)
			t->alloc.release(t->alloc.ctx, t->slots);
	}
	t->slots = NULL;
	t->cap = 0;
	t->n = 0;
	t->nowned = 0;
}

static uint32_t
key_hash(uint32_t strhash, int side, int flag)
{
	return mix32(strhash ^ ((uint32_t) side * 0x9e3779b1u) ^
				 ((uint32_t) flag * 0x27d4eb2fu));
}

static void
table_put(MpTallySlot *table, uint32_t cap, const MpTallySlot *s)
{
	uint32_t	j = s->hash & (cap - 1);

	while (table[j].str != NULL)
		j = (j + 1) & (cap - 1);
	table[j] = *s;
}

/* Moves the keys to a hash table of twice the size (or the first one). */
static bool
tally_grow(MpTally *t)
{
	uint32_t	newcap = t->slots ? t->cap * 2 : 4 * MP_TALLY_SMALL;
	MpTallySlot *ns;
	uint32_t	i;

	if (newcap > (1u << 30))
		return false;
	ns = t->alloc.alloc(t->alloc.ctx, (size_t) newcap * sizeof(MpTallySlot));
	if (ns == NULL)
		return false;
	memset(ns, 0, (size_t) newcap * sizeof(MpTallySlot));
	if (t->slots == NULL)
	{
		for (i = 0; i < t->n; i++)
			table_put(ns, newcap, &t->small[i]);
	}
	else
	{
		for (i = 0; i < t->cap; i++)
			if (t->slots[i].str != NULL)
				table_put(ns, newcap, &t->slots[i]);
		if (t->alloc.release)
			t->alloc.release(t->alloc.ctx, t->slots);
	}
	t->slots = ns;
	t->cap = newcap;
	return true;
}

static inline bool
slot_matches(const MpTallySlot *slot, uint32_t h, int flag, int side,
			 const char *s, size_t len)
{
	return slot->hash == h && slot->len == len && slot->side == side &&
		(slot->flag & 0x7f) == flag && bytes_equal(slot->str, s, len);
}

/* The low bits of flag are MP_KEY_*; 0x80 marks a string the tally owns. */
static bool
tally_insert(MpTally *t, int flag, int side, const char *s, size_t len,
			 uint32_t strhash, bool copy)
{
	uint32_t	h = key_hash(strhash, side, flag);
	MpTallySlot *slot;
	uint32_t	i;

	if (len > UINT32_MAX)
		return false;
	if (t->slots == NULL)
	{
		for (i = 0; i < t->n; i++)
			if (slot_matches(&t->small[i], h, flag, side, s, len))
				return true;
		if (t->n < MP_TALLY_SMALL)
			slot = &t->small[t->n];
		else
			slot = NULL;
	}
	else
		slot = NULL;

	if (slot == NULL)
	{
		if ((t->slots == NULL || (t->n + 1) * 2 > t->cap) && !tally_grow(t))
		{
			t->failed = true;
			return false;
		}
		for (i = h & (t->cap - 1);; i = (i + 1) & (t->cap - 1))
		{
			slot = &t->slots[i];
			if (slot->str == NULL)
				break;
			if (slot_matches(slot, h, flag, side, s, len))
				return true;
		}
	}

	if (copy)
	{
		char	   *c = t->alloc.alloc(t->alloc.ctx, len + 1);

		if (c == NULL)
		{
			t->failed = true;
			return false;
		}
		memcpy(c, s, len);
		c[len] = '\0';
		s = c;
		flag |= 0x80;
		t->nowned++;
	}
	slot->str = s;
	slot->len = (uint32_t) len;
	slot->hash = h;
	slot->side = (uint8_t) side;
	slot->flag = (uint8_t) flag;
	t->n++;
	return true;
}

static bool
tally_insert_sides(MpTally *t, int flag, MpSide side, const char *s,
				   size_t len, uint32_t strhash, bool copy)
{
	if (side == MP_SIDE_BILATERAL)
		return tally_insert(t, flag, MP_SIDE_LEFT, s, len, strhash, copy) &&
			tally_insert(t, flag, MP_SIDE_RIGHT, s, len, strhash, copy);
	return tally_insert(t, flag, side, s, len, strhash, copy);
}

bool
mp_tally_add(MpTally *t, const MpResult *r)
{
	switch (r->kind)
	{
		case MP_EMPTY:
			return true;
		case MP_REGION:
			t->nentries++;
			t->nregion++;
			return true;
		case MP_MUSCLE:
		case MP_GROUP:
			t->nentries++;
			if (r->kind == MP_MUSCLE)
				t->nmuscle++;
			else
				t->ngroup++;
			if (r->region >= 0 && r->region < 32)
				t->regions |= (uint32_t) 1 << r->region;
			return tally_insert_sides(t, MP_KEY_KNOWN, r->side, r->name,
									  r->namelen, r->namehash, t->copy_known);
		case MP_UNKNOWN:
			t->nentries++;
			t->nunknown++;
			return tally_insert_sides(t, MP_KEY_UNKNOWN, r->side, r->name,
									  r->namelen, r->namehash, true);
	}
	return false;
}

bool
mp_tally_add_key(MpTally *t, int flag, int side, const char *str, size_t len)
{
	if ((flag != MP_KEY_KNOWN && flag != MP_KEY_UNKNOWN) ||
		(side != MP_SIDE_NONE && side != MP_SIDE_LEFT && side != MP_SIDE_RIGHT))
		return false;
	return tally_insert(t, flag, side, str, len, mp_hash(str, len), true);
}

bool
mp_tally_merge(MpTally *dst, const MpTally *src)
{
	uint32_t	nslots;
	const MpTallySlot *slots = mp_tally_slots(src, &nslots);
	uint32_t	i;

	for (i = 0; i < nslots; i++)
	{
		const MpTallySlot *s = &slots[i];

		if (s->str == NULL)
			continue;
		if (!tally_insert(dst, s->flag & 0x7f, s->side, s->str, s->len,
						  mp_hash(s->str, s->len), true))
			return false;
	}
	dst->regions |= src->regions;
	dst->nentries += src->nentries;
	dst->nmuscle += src->nmuscle;
	dst->ngroup += src->ngroup;
	dst->nregion += src->nregion;
	dst->nunknown += src->nunknown;
	dst->failed |= src->failed;
	return true;
}

/* ------------------------------------------------------------------------
 * Memoised parsing
 * ------------------------------------------------------------------------
 */
static void
memo_clear(MpCatalogue *cat)
{
	/* probing reads only this small array: slots are touched on a hit */
	memset(cat->memo_hash, 0, MEMO_SLOTS * sizeof(uint32_t));
	cat->memo_n = 0;
	cat->memo_used = 0;
}

bool
mp_lookup_cached(const MpCatalogue *cat, const char *text, size_t len,
				 MpKind *kind, int *region)
{
	uint32_t	h;
	uint32_t	i;

	if (cat->memo == NULL || cat->memo_hash == NULL || cat->memo_failed ||
		text == NULL || len == 0 || len > MEMO_MAX_KEY)
		return false;
	h = mp_hash(text, len) | 1;
	for (i = (h >> 1) & (MEMO_SLOTS - 1);; i = (i + 1) & (MEMO_SLOTS - 1))
	{
		const MpMemoSlot *slot;

		if (cat->memo_hash[i] == 0)
			return false;
		slot = &cat->memo[i];
		if (cat->memo_hash[i] == h && slot->keylen == len &&
			bytes_equal(len <= MEMO_INLINE_KEY ? slot->inline_key : slot->key,
						text, len))
		{
			*kind = (MpKind) slot->kind;
			*region = slot->region;
			return true;
		}
	}
}

/* The memo's result for text, or NULL. */
static const MpMemoSlot *
memo_find(const MpCatalogue *cat, const char *text, size_t len, uint32_t h,
		  uint32_t *slotno)
{
	uint32_t	i;

	for (i = (h >> 1) & (MEMO_SLOTS - 1);; i = (i + 1) & (MEMO_SLOTS - 1))
	{
		const MpMemoSlot *slot;

		if (cat->memo_hash[i] == 0)
		{
			*slotno = i;
			return NULL;
		}
		slot = &cat->memo[i];
		if (cat->memo_hash[i] == h && slot->keylen == len &&
			bytes_equal(len <= MEMO_INLINE_KEY ? slot->inline_key : slot->key,
						text, len))
			return slot;
	}
}

static bool
memo_ready(MpCatalogue *cat)
{
	if (cat->memo != NULL)
		return true;
	if (cat->memo_failed)
		return false;
	{
		/* slots aligned to cache lines */
		char	   *raw = cat_alloc(cat, (MEMO_SLOTS + 1) * sizeof(MpMemoSlot));

		cat->memo = raw ? (MpMemoSlot *) (((uintptr_t) raw + 63) & ~(uintptr_t) 63) : NULL;
		cat->memo_hash = cat_alloc(cat, MEMO_SLOTS * sizeof(uint32_t));
		cat->memo_arena = cat_alloc(cat, MEMO_ARENA);
		if (cat->memo_hash == NULL || cat->memo == NULL ||
			cat->memo_arena == NULL)
		{
			cat->memo = NULL;
			cat->memo_failed = true;
			return false;
		}
		memo_clear(cat);
	}
	return true;
}

/* Remembers the one result of text (an entry naming one thing). */
static void
memo_store(MpCatalogue *cat, const char *text, size_t len, uint32_t h,
		   uint32_t i, const MpResult *out)
{
	MpMemoSlot *slot;
	size_t		need = len + (out->entry < 0 ? out->namelen : 0);

	if (cat->memo_n + 1 > MEMO_SLOTS / 4 * 3 ||
		cat->memo_used + need > MEMO_ARENA)
	{
		memo_clear(cat);
		i = (h >> 1) & (MEMO_SLOTS - 1);
	}
	slot = &cat->memo[i];
	cat->memo_hash[i] = h;
	slot->keylen = (uint32_t) len;
	if (len <= MEMO_INLINE_KEY)
	{
		memcpy(slot->inline_key, text, len);
		slot->key = NULL;
	}
	else
	{
		slot->key = cat->memo_arena + cat->memo_used;
		memcpy(cat->memo_arena + cat->memo_used, text, len);
		cat->memo_used += len;
	}
	slot->kind = (uint8_t) out->kind;
	slot->side = (uint8_t) out->side;
	slot->region = (int16_t) out->region;
	slot->entry = out->entry;
	slot->namelen = (uint32_t) out->namelen;
	slot->namehash = out->namehash;
	slot->name = out->name;
	if (out->entry < 0)
	{
		slot->name = cat->memo_arena + cat->memo_used;
		memcpy(cat->memo_arena + cat->memo_used, out->name, out->namelen);
		cat->memo_used += out->namelen;
	}
	cat->memo_n++;
}

int
mp_parse_each_cached(MpCatalogue *cat, const char *text, size_t len,
					 char *work, MpEmit emit, void *arg)
{
	uint32_t	h;
	uint32_t	i;
	const MpMemoSlot *slot;
	MpResult	first;
	FirstOf		f = {&first, 0, emit, arg};

	if (text == NULL || len == 0 || len > MEMO_MAX_KEY || !cat->built ||
		!memo_ready(cat))
		return mp_parse_each(cat, text, len, work, emit, arg);

	h = mp_hash(text, len) | 1;
	slot = memo_find(cat, text, len, h, &i);
	if (slot != NULL)
	{
		MpResult	out;

		out.kind = (MpKind) slot->kind;
		out.side = (MpSide) slot->side;
		out.region = slot->region;
		out.entry = slot->entry;
		out.namelen = slot->namelen;
		out.namehash = slot->namehash;
		if (slot->entry >= 0)
			out.name = slot->name;
		else
		{
			/* as mp_parse: the name lives in the caller's work buffer */
			memcpy(work, slot->name, slot->namelen);
			out.name = work;
		}
		emit(arg, &out);
		return 1;
	}

	/* entries naming several things are parsed each time: they are rare */
	mp_parse_each(cat, text, len, work, emit_first, &f);
	if (f.n == 1)
		memo_store(cat, text, len, h, i, &first);
	return f.n;
}

int
mp_parse_cached(MpCatalogue *cat, const char *text, size_t len, char *work,
				MpResult *out)
{
	FirstOf		f = {out, 0, NULL, NULL};

	result_empty(out);
	/* the first result, through the memo */
	return mp_parse_each_cached(cat, text, len, work, emit_first, &f);
}
