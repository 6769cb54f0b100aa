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

/*
 * Normalises in[0..len) into out (at least len bytes): lower-case words
 * separated by single spaces, nothing at either end.  Returns the length.
 */
static size_t
normalise(const char *in, size_t len, char *out)
{
	size_t		o = 0;
	size_t		i;
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
		out[o++] = (char) ascii_lower(c);
	}
	return o;
}

#define W_NAME		0
#define W_LEFT		1
#define W_RIGHT		2
#define W_BOTH		3
#define W_FILLER	4			/* removed with the side words */
#define W_PART		5

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
		case 'a':
			if (IS("and"))
				return W_FILLER;
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
		case 'f':
			if (IS("fibers") || IS("fibres"))
				return W_PART;
			break;
		case 'h':
			if (IS("head"))
				return W_PART;
			break;
		case 'i':
			if (IS("inferior"))
				return W_PART;
			break;
		case 'l':
			if (IS("l") || IS("lt") || IS("left") || IS("lft"))
				return W_LEFT;
			if (IS("lower") || IS("lateral"))
				return W_PART;
			break;
		case 'm':
			if (IS("m") || IS("mm") || IS("mid") || IS("middle") ||
				IS("medial") || IS("muscle") || IS("muscles"))
				return W_PART;
			break;
		case 'o':
			if (IS("of"))
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
			if (IS("superior"))
				return W_PART;
			break;
		case 't':
			if (IS("the"))
				return W_PART;
			break;
		case 'u':
			if (IS("upper"))
				return W_PART;
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
	MpKey	   *k;

	if (text == NULL)
		return true;
	len = strlen(text);
	norm = cat_alloc(cat, len + 1);
	if (norm == NULL)
		return false;
	nlen = normalise(text, len, norm);
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
	bool		part;
} Tok;

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

void
mp_parse(const MpCatalogue *cat, const char *text, size_t len, char *work,
		 MpResult *out)
{
	char	   *norm = work;
	char	   *name;
	char	   *stripbuf;
	size_t		normlen;
	size_t		namelen = 0;
	size_t		ntok = 0;
	size_t		i;
	bool		left = false,
				right = false,
				both = false;
	Tok			toks[MAX_WINDOW_TOKENS];
	int			e;

	memset(out, 0, sizeof(MpResult));
	out->kind = MP_EMPTY;
	out->side = MP_SIDE_NONE;
	out->region = -1;
	out->entry = -1;
	out->name = "";
	out->namehash = mp_hash("", 0);
	if (text == NULL || len == 0)
		return;

	normlen = normalise(text, len, norm);
	if (normlen == 0)
		return;
	name = norm + normlen + 1;
	stripbuf = name + normlen + 1;

	/* side words out, the rest into name */
	i = 0;
	while (i < normlen)
	{
		size_t		j = i;
		int			w;

		while (j < normlen && norm[j] != ' ')
			j++;
		w = classify_word(norm + i, j - i);
		if (w == W_LEFT)
			left = true;
		else if (w == W_RIGHT)
			right = true;
		else if (w == W_BOTH)
			both = true;
		else if (w == W_NAME || w == W_PART)
		{
			if (namelen > 0)
				name[namelen++] = ' ';
			if (ntok < MAX_WINDOW_TOKENS)
			{
				toks[ntok].start = (uint32_t) namelen;
				toks[ntok].len = (uint32_t) (j - i);
				toks[ntok].part = (w == W_PART);
			}
			memcpy(name + namelen, norm + i, j - i);
			namelen += j - i;
			ntok++;
		}
		i = j + 1;
	}

	if (ntok == 0)
	{
		/* side words only: not a muscle, and no side of anything */
		out->kind = MP_UNKNOWN;
		out->name = norm;
		out->namelen = normlen;
		out->namehash = mp_hash(norm, normlen);
		return;
	}

	if (both || (left && right))
		out->side = MP_SIDE_BILATERAL;
	else if (left)
		out->side = MP_SIDE_LEFT;
	else if (right)
		out->side = MP_SIDE_RIGHT;

	e = cat->built ? match_name(cat, name, namelen, ntok, toks, stripbuf) : -1;
	if (e >= 0)
	{
		const MpEntry *entry = &cat->entries[e];

		out->kind = entry->kind;
		out->region = entry->region;
		out->entry = e;
		out->name = entry->name;
		out->namelen = entry->namelen;
		out->namehash = entry->hash;
		return;
	}
	out->kind = MP_UNKNOWN;
	out->name = name;
	out->namelen = namelen;
	out->namehash = mp_hash(name, namelen);
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

void
mp_parse_cached(MpCatalogue *cat, const char *text, size_t len, char *work,
				MpResult *out)
{
	uint32_t	h;
	uint32_t	i;
	MpMemoSlot *slot;
	size_t		need;

	if (text == NULL || len == 0 || len > MEMO_MAX_KEY || !cat->built ||
		cat->memo_failed)
	{
		mp_parse(cat, text, len, work, out);
		return;
	}
	if (cat->memo == NULL)
	{
		/* slots aligned to cache lines */
		char	   *raw = cat_alloc(cat, (MEMO_SLOTS + 1) * sizeof(MpMemoSlot));

		cat->memo = raw ? (MpMemoSlot *) (((uintptr_t) raw + 63) & ~(uintptr_t) 63) : NULL;
		cat->memo_hash = cat_alloc(cat, MEMO_SLOTS * sizeof(uint32_t));
		cat->memo_arena = cat_alloc(cat, MEMO_ARENA);
		if (cat->memo_hash == NULL || cat->memo == NULL ||
			cat->memo_arena == NULL)
		{
			cat->memo_failed = true;
			mp_parse(cat, text, len, work, out);
			return;
		}
		memo_clear(cat);
	}

	h = mp_hash(text, len) | 1;
	for (i = (h >> 1) & (MEMO_SLOTS - 1);; i = (i + 1) & (MEMO_SLOTS - 1))
	{
		if (cat->memo_hash[i] == 0)
			break;
		slot = &cat->memo[i];
		if (cat->memo_hash[i] == h && slot->keylen == len &&
			bytes_equal(len <= MEMO_INLINE_KEY ? slot->inline_key : slot->key,
						text, len))
		{
			out->kind = (MpKind) slot->kind;
			out->side = (MpSide) slot->side;
			out->region = slot->region;
			out->entry = slot->entry;
			out->namelen = slot->namelen;
			out->namehash = slot->namehash;
			if (slot->entry >= 0)
				out->name = slot->name;
			else
			{
				/* as mp_parse: the name lives in the caller's work buffer */
				memcpy(work, slot->name, slot->namelen);
				out->name = work;
			}
			return;
		}
	}

	mp_parse(cat, text, len, work, out);

	need = len + (out->entry < 0 ? out->namelen : 0);
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
