/*
 * injectate.c
 *		Matching documented drug names, claim notes and drug codes against
 *		the injectate catalogue (policy cache, policy.c): the classes of a
 *		drug_name, of a drug line's HCPCS code, whether a text names an
 *		injectate or a dose, and the words that say nothing was injected.
 */
#include "refdata.h"
#include "policy_cache.h"

#include <ctype.h>

#include "common/hashfn.h"
#include "utils/memutils.h"

/*
 * A memo of a look-up by documented text (the injectate classes of a
 * drug_name, whether a claim note names an injectate): such texts repeat
 * from line to line, and the answer depends only on the cache the memo
 * hangs off, which is thrown away whole when a reference table changes.
 * Open addressing; cleared (keys and all) when three quarters full.
 */
#define TEXT_MEMO_SLOTS		1024	/* a power of 2 */
#define TEXT_MEMO_MAX_KEY	256		/* longer texts are not remembered */

typedef struct TextMemoSlot
{
	char	   *key;			/* NULL: empty */
	uint32		hash;
	uint32		value;
} TextMemoSlot;

typedef struct TextMemo
{
	MemoryContext keys;			/* the keys' copies */
	int			n;
	TextMemoSlot slots[TEXT_MEMO_SLOTS];
} TextMemo;

/* Each starts with n or d: tpi_drug_is_none() tests that first. */
static const char *const none_words[] = {
	"none", "no", "n/a", "na", "nil", "nothing", "dry", "dry needling",
	"dry needle", "dry-needling", "no injectate", "no medication", "no drug",
	"not applicable"
};

static TextMemo *
text_memo_new(MemoryContext parent)
{
	TextMemo   *m = MemoryContextAllocZero(parent, sizeof(TextMemo));

	m->keys = AllocSetContextCreate(parent, "tpi_rules text memo",
									ALLOCSET_SMALL_SIZES);
	return m;
}

/*
 * The slot of key in m: the one that holds it (true), or the empty one
 * where it would go (false).
 */
static TextMemoSlot *
text_memo_find(TextMemo *m, const char *key, size_t len, uint32 hash, bool *found)
{
	uint32		i;

	for (i = hash & (TEXT_MEMO_SLOTS - 1);; i = (i + 1) & (TEXT_MEMO_SLOTS - 1))
	{
		TextMemoSlot *slot = &m->slots[i];

		if (slot->key == NULL)
		{
			*found = false;
			return slot;
		}
		if (slot->hash == hash && strncmp(slot->key, key, len + 1) == 0)
		{
			*found = true;
			return slot;
		}
	}
}

static bool
text_memo_get(TextMemo *m, const char *key, uint32 *value)
{
	size_t		len = strlen(key);
	bool		found;
	TextMemoSlot *slot;

	if (len > TEXT_MEMO_MAX_KEY)
		return false;
	slot = text_memo_find(m, key, len, hash_bytes((const unsigned char *) key, len), &found);
	if (found)
		*value = slot->value;
	return found;
}

static void
text_memo_put(TextMemo *m, const char *key, uint32 value)
{
	size_t		len = strlen(key);
	uint32		hash;
	bool		found;
	TextMemoSlot *slot;

	if (len > TEXT_MEMO_MAX_KEY)
		return;
	if (m->n >= TEXT_MEMO_SLOTS / 4 * 3)
	{
		MemoryContextReset(m->keys);
		memset(m->slots, 0, sizeof(m->slots));
		m->n = 0;
	}
	hash = hash_bytes((const unsigned char *) key, len);
	slot = text_memo_find(m, key, len, hash, &found);
	if (!found)
	{
		slot->key = MemoryContextStrdup(m->keys, key);
		slot->hash = hash;
		m->n++;
	}
	slot->value = value;
}

/*
 * isspace(), calling it only where the locale can matter: the ASCII blanks
 * are the same in every locale.  (Likewise tolower() below is called only
 * for A-Z, the only ASCII it changes.)
 */
static inline bool
fold_space(unsigned char ch)
{
	if (ch < 0x80)
		return ch == ' ' || (ch >= '\t' && ch <= '\r');
	return isspace(ch) != 0;
}

/*
 * Lower-cases s into out (outsize bytes) with runs of blanks folded and
 * no blank at either end; false, with out unusable, when it would not fit.
 */
static bool
fold_into(const char *s, char *out, size_t outsize)
{
	char	   *o = out;
	char	   *end = out + outsize - 1;
	bool		space = true;

	for (; *s; s++)
	{
		unsigned char ch = (unsigned char) *s;

		if (o >= end)
			return false;
		if (fold_space(ch))
		{
			if (!space)
				*o++ = ' ';
			space = true;
			continue;
		}
		*o++ = (ch >= 'A' && ch <= 'Z') ? tolower(ch) : ch;
		space = false;
	}
	if (o > out && o[-1] == ' ')
		o--;
	*o = '\0';
	return true;
}

/* Lower-cases s into a palloc'd copy with runs of blanks folded. */
static char *
fold(const char *s)
{
	size_t		size = strlen(s) + 1;
	char	   *out = palloc(size);

	(void) fold_into(s, out, size);
	return out;
}

/* Is name at s[pos] a whole word (not part of a longer word)? */
static bool
word_at(const char *s, const char *hit, size_t len)
{
	unsigned char before = (hit == s) ? ' ' : (unsigned char) hit[-1];
	unsigned char after = (unsigned char) hit[len];

	return !isalpha(before) && !isalpha(after);
}

static bool
contains_word(const char *hay, const char *name)
{
	size_t		len = strlen(name);
	const char *h = hay;

	while ((h = strstr(h, name)) != NULL)
	{
		if (word_at(hay, h, len))
			return true;
		h++;
	}
	return false;
}

bool
tpi_drug_is_none(const char *drug_name)
{
	char		f[32];			/* longer than any none word */
	const char *p = drug_name;
	size_t		len;
	int			i;
	static size_t none_len[lengthof(none_words)];

	if (none_len[0] == 0)
		for (i = 0; i < lengthof(none_words); i++)
			none_len[i] = strlen(none_words[i]);

	if (drug_name == NULL)
		return true;

	/*
	 * Every none word starts with n or d, so most names are decided by
	 * their first character, before any folding.
	 */
	while (*p && fold_space((unsigned char) *p))
		p++;
	if (*p == '\0')
		return true;
	if (*p != 'n' && *p != 'N' && *p != 'd' && *p != 'D')
		return false;
	if (!fold_into(drug_name, f, sizeof(f)))
		return false;
	len = strlen(f);
	for (i = 0; i < lengthof(none_words); i++)
		if (none_len[i] == len && memcmp(f, none_words[i], len) == 0)
			return true;
	return false;
}

/*
 * Components are split at + , / ; & and the words "and", "with", "plus",
 * "mixed with"; each component takes the classes of the catalogue names it
 * contains as whole words, or INJ_UNKNOWN if it has letters but no name.
 */
uint32
tpi_injectate_classes(const char *drug_name)
{
	PolicyCache *c;
	char	   *f;
	char	   *comp;
	char	   *p;
	uint32		mask = 0;

	if (tpi_drug_is_none(drug_name))
		return 0;
	c = tpi_policy_cache();
	if (c->classes_memo == NULL)
		c->classes_memo = text_memo_new(c->head.mcxt);
	else if (text_memo_get(c->classes_memo, drug_name, &mask))
		return mask;
	f = fold(drug_name);
	for (p = f; *p; p++)
		if (*p == '+' || *p == ',' || *p == '/' || *p == ';' || *p == '&')
			*p = '|';
	/* word separators: replace " and " etc. by '|' in place */
	{
		static const char *const seps[] = {" and ", " with ", " plus ", " in "};
		int			k;

		for (k = 0; k < lengthof(seps); k++)
		{
			size_t		sl = strlen(seps[k]);

			while ((p = strstr(f, seps[k])) != NULL)
			{
				memset(p, ' ', sl);
				p[sl / 2] = '|';
			}
		}
	}
	comp = f;
	while (comp != NULL)
	{
		char	   *bar = strchr(comp, '|');
		bool		letters = false;
		uint32		cm = 0;
		int			j;

		if (bar)
			*bar = '\0';
		for (p = comp; *p; p++)
			if (isalpha((unsigned char) *p))
				letters = true;
		if (letters)
		{
			for (j = 0; j < c->ninj; j++)
				if (contains_word(comp, c->inj[j].name))
					cm |= 1 << c->inj[j].class;
			mask |= cm ? cm : (1 << INJ_UNKNOWN);
		}
		comp = bar ? bar + 1 : NULL;
	}
	pfree(f);
	text_memo_put(c->classes_memo, drug_name, mask);
	return mask;
}

bool
tpi_text_names_injectate(const char *text)
{
	PolicyCache *c;
	char	   *f;
	int			j;
	bool		found = false;
	uint32		memo;

	if (text == NULL)
		return false;
	c = tpi_policy_cache();
	if (c->names_memo == NULL)
		c->names_memo = text_memo_new(c->head.mcxt);
	else if (text_memo_get(c->names_memo, text, &memo))
		return memo != 0;
	f = fold(text);
	for (j = 0; j < c->ninj && !found; j++)
		if (contains_word(f, c->inj[j].name))
			found = true;
	pfree(f);
	text_memo_put(c->names_memo, text, found ? 1 : 0);
	return found;
}

uint32
tpi_injectate_hcpcs_classes(const char *code)
{
	PolicyCache *c;
	InjCode		key;
	const InjCode *e;

	if (code == NULL || strlen(code) != 5)
		return 0;
	c = tpi_policy_cache();
	memcpy(key.code, code, 6);
	e = bsearch(&key, c->inj_codes, c->ninj_codes, sizeof(InjCode), cmp_inj_code);
	return e ? e->classes : 0;
}

/* ------------------------------------------------------------------------
 * Claim notes (drug.unclassified_without_note)
 * ------------------------------------------------------------------------
 */
static inline bool
ascii_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline bool
ascii_digit(char c)
{
	return c >= '0' && c <= '9';
}

bool
tpi_text_contains(const char *hay, const char *needle)
{
	size_t		n;

	while (*needle == ' ')
		needle++;
	n = strlen(needle);
	while (n > 0 && needle[n - 1] == ' ')
		n--;
	if (n == 0)
		return false;
	for (; *hay; hay++)
		if (pg_strncasecmp(hay, needle, n) == 0)
			return true;
	return false;
}

/*
 * A dose: a number (not part of a code such as J3490) followed, after
 * optional blanks, by mg, mcg, ml, cc, %, unit(s), g or IU as a whole
 * word, or a unit spelt out ("1 percent", "5 milliliters").
 */
bool
tpi_text_has_dose(const char *s)
{
	static const char *const units[] = {
		"mcg", "mg", "ml", "cc", "units", "unit", "g", "iu",
		"percent", "per cent", "milligrams", "milligram", "milliliters",
		"milliliter", "millilitres", "millilitre", "micrograms", "microgram",
		"grams", "gram", "mls", "ccs", "cubic centimeters", "cubic centimetres",
		"\xc2\xb5g"			/* µg */
	};
	const char *p = s;

	while (*p)
	{
		const char *q;
		int			i;

		if (!ascii_digit(*p) || (p > s && (ascii_alpha(p[-1]) || ascii_digit(p[-1]))))
		{
			p++;
			continue;
		}
		q = p;
		while (ascii_digit(*q))
			q++;
		if ((*q == '.' || *q == ',') && ascii_digit(q[1]))
		{
			q++;
			while (ascii_digit(*q))
				q++;
		}
		while (*q == ' ')
			q++;
		if (*q == '%')
			return true;
		for (i = 0; i < lengthof(units); i++)
		{
			size_t		len = strlen(units[i]);

			if (pg_strncasecmp(q, units[i], len) == 0 && !ascii_alpha(q[len]))
				return true;
		}
		p = q > p ? q : p + 1;
	}
	return false;
}
