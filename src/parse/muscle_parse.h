/*
 * muscle_parse.h
 *		Parsing documented muscle entries and counting muscles (SPEC
 *		section 4), in plain C with no server headers, so that the same code
 *		runs in the backend, in the unit test and under the fuzzer.
 *
 * A catalogue is a list of entries (canonical name, region index, kind)
 * with aliases.  Names and aliases are normalised as below and looked up
 * in a hash table, once exactly and once with all spaces removed (so that
 * "sterno-cleido-mastoid" finds "sternocleidomastoid").  When two entries
 * claim one key, a canonical name beats an alias and otherwise the entry
 * added first wins; a space-less key claimed by two entries matches none.
 *
 * Parsing one documented entry:
 *	1. Normalise: ASCII letters are lower-cased; "b/l" standing alone becomes
 *	   the word "bl"; a run of list separators (, ; & +) becomes the word
 *	   ","; every other ASCII byte that is not a letter or digit
 *	   (punctuation, '/', control characters, blanks) separates words.
 *	   Bytes >= 0x80 are kept as they are and are parts of words; they never
 *	   match a catalogue key unless the key has them too.  Work is linear in
 *	   the entry's length.
 *	2. Side words set the side and are removed: left l lt lft -> left;
 *	   right r rt rgt rght -> right; bilateral bilaterally bilat bil bl both
 *	   -> bilateral.  Left and right in one entry make it bilateral.  The
 *	   words side, sides and sided are removed with them ("left-sided").
 *	   Only whole words count: the l of "levator" is no side.  "ls" right
 *	   after a side word is the levator scapulae ("R LS x1", as the note
 *	   reader reads it) unless a word of the low back follows ("R LS
 *	   paraspinals"); "L/S" standing alone is the word "ls" and never a
 *	   side nor the levator.
 *	1a. Parentheses and brackets end a piece as a comma does, and what a
 *	   pair holds is said of the name just before it: its sides ("trapezius
 *	   (L), levator scapulae (R)"); the same muscle again, or a group the
 *	   muscle belongs to ("quadratus lumborum (QL)", "erector spinae
 *	   (paraspinals)"), which adds nothing; a word of two to four letters
 *	   the catalogue does not know ("levator scapulae (LS)"), which adds
 *	   nothing; the muscles of a group or the parts of a muscle, which
 *	   count instead of it ("paraspinals (erector spinae)" is the erector
 *	   spinae, "iliopsoas (psoas and iliacus)" two muscles, "scalenes
 *	   (anterior and middle)" two, part or name words read with the
 *	   group's names): known muscles (or groups, for a group) of a region
 *	   that fits (equal, unknown, or both spinal for a group), and for a
 *	   muscle two or more, or one whose name is in the muscle's name
 *	   ("iliopsoas (psoas)").  Anything else counts as a list would
 *	   ("trapezius (levator)" is two).  A pair inside a name, a word of the
 *	   name after it ("lateral (outer) gastroc"), is an aside: its words
 *	   are read as a count is (step 3, counts).
 *	2a. One entry may name several things (SPEC section 4): "," and "and"
 *	   split it into pieces.  When all its name and part words together
 *	   are one catalogue name or alias ("rhomboid major and minor", "upper
 *	   and middle trapezius"), the entry is that one thing, with the sides
 *	   of all its side words.  Otherwise each piece with a name is parsed
 *	   alone (steps 3-4).  A piece of side words only gives them to the
 *	   next piece with a name, or to the last one when none follows ("left
 *	   and right trapezius", "trapezius left and right").  A piece without
 *	   a side takes the side words that open the entry ("bilateral upper
 *	   trapezius and levator scapulae": four muscles), else those that
 *	   close it ("trapezius and levator scapulae bilaterally"; so does a
 *	   side with its count after a list of names without sides:
 *	   "trapezius, levator scapulae, right x2" is both right, while after
 *	   names with sides it is the last name's, "trapezius R x2, L x1,
 *	   levator scapulae R x1").
 *	2b. A spinal level (c1-c7 cervical, t1-t12 thoracic, l1-l5 and s1
 *	   lumbar) in a piece names its region: the level, the first one
 *	   deciding, and the words at, level(s), lvl, to, through, thru, from,
 *	   around, near, over and bare numbers are dropped; the region word
 *	   and the name are tried first ("paraspinal muscles at L4-5" is
 *	   "lumbar paraspinal", the lumbar paraspinals group); failing that, a
 *	   group or region term takes the level's region (a muscle keeps its
 *	   own).
 *	3. Match the remaining words (the "name") against the catalogue.  Part
 *	   words are upper middle mid lower superior inferior anterior posterior
 *	   medial lateral long short belly head fibers fibres portion muscle
 *	   muscles m mm of the ("biceps femoris long head" is the biceps
 *	   femoris).  Tried in order, the first hit winning:
 *	   a. the name with part words kept, then with leading and/or trailing
 *		  part words dropped, longest first ("tibialis anterior" and
 *		  "lower back" match as written; "upper trapezius muscle" finds
 *		  "trapezius");
 *	   b. the name with every part word dropped.
 *	   Each try looks up the words exactly, then with spaces removed.
 *	   c. a misspelling: the name, then the name without part words, one
 *	   edit (a letter inserted, deleted or replaced, or two neighbours
 *	   swapped) from a catalogue name or alias of MP_FUZZY_MIN letters or
 *	   more ("trapezious", "levator scapule").  When keys of two entries
 *	   are that close, it is no match.
 *	   d. Before the guess of c, a name holding a region word (area, areas,
 *	   region, regions, zone, zones, spine) is a place (SPEC section 4):
 *	   when the rest of it (without area, region, zone; exactly, then one
 *	   edit away) is a muscle, it is that muscle ("upper trapezius
 *	   region"); a region key, that region ("low back area"); otherwise
 *	   (a group term, nothing known) a region term under the name as
 *	   written, a leading "the" or "of" dropped: "cervical paraspinal
 *	   area" is no "cervical paraspinals".  A spinal adjective (cervical,
 *	   thoracic, lumbar, lumbosacral) in it sets the region.
 *	4. No hit: kind unknown, and the name (normalised, side words removed,
 *	   part words kept) stands for the muscle.  An entry of side words only
 *	   is unknown under its whole normalised text, with no side.  An entry
 *	   with no word at all is empty.
 *
 * Counting (a tally): a muscle is a distinct (canonical name, side).  A
 * bilateral entry adds its left and its right.  Side "none" is a side value
 * of its own: "trapezius" and "right trapezius" are two muscles, since an
 * entry without a side cannot be shown to be the right one.  Group terms
 * count like muscles (one per side); unknown entries like muscles under
 * their normalised name; region terms and empty entries count nothing.
 */
#ifndef TPI_MUSCLE_PARSE_H
#define TPI_MUSCLE_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum MpKind
{
	MP_EMPTY = 0,				/* nothing documented (blank entry) */
	MP_MUSCLE,
	MP_GROUP,
	MP_REGION,
	MP_UNKNOWN
} MpKind;

typedef enum MpSide
{
	MP_SIDE_NONE = 0,
	MP_SIDE_LEFT = 1,
	MP_SIDE_RIGHT = 2,
	MP_SIDE_BILATERAL = 3		/* never stored in a tally: split in two */
} MpSide;

/*
 * Memory comes from the caller: the backend hands in palloc in a memory
 * context, the tests malloc.  alloc may return NULL (the functions then
 * report failure) or not return at all (palloc's ERROR).
 */
typedef struct MpAlloc
{
	void	   *(*alloc) (void *ctx, size_t size);
	void		(*release) (void *ctx, void *ptr);
	void	   *ctx;
} MpAlloc;

/* ------------------------------------------------------------------------
 * Catalogue
 * ------------------------------------------------------------------------
 */
typedef struct MpEntry
{
	char	   *name;			/* canonical name as given */
	uint32_t	namelen;
	uint32_t	hash;			/* of name, for tallies */
	int			region;			/* 0..11, or -1 */
	MpKind		kind;			/* MP_MUSCLE, MP_GROUP or MP_REGION */
} MpEntry;

typedef struct MpCatalogue MpCatalogue;

extern MpCatalogue *mp_catalogue_new(const MpAlloc *alloc);

/* Copies every string.  false on allocation failure or a bad kind. */
extern bool mp_catalogue_add(MpCatalogue *cat, const char *name, int region,
							 MpKind kind, const char *const *aliases,
							 int naliases);

/* Builds the lookup tables; call once after the last add.  false on
 * allocation failure. */
extern bool mp_catalogue_build(MpCatalogue *cat);

/* The region indexes of the spinal levels (-1 where none). */
extern void mp_catalogue_set_spinal_regions(MpCatalogue *cat, int cervical,
											int thoracic, int lumbar);

/*
 * The entry whose name or alias is norm[0..len) as normalised (lower-case
 * words and single blanks), exactly or with the blanks removed; -1 when
 * none.  For readers that scan text for catalogue names.
 */
extern int	mp_catalogue_lookup(const MpCatalogue *cat, const char *norm,
								size_t len);

/* The normalised names and aliases, i in 0 .. nkeys-1 (not NUL-ended). */
extern int	mp_catalogue_nkeys(const MpCatalogue *cat);
extern const char *mp_catalogue_key(const MpCatalogue *cat, int i,
									size_t *len);

/* What a normalised word is to the parser (steps 2, 2b and 3). */
#define MP_WORD_NAME	0
#define MP_WORD_SIDE	1
#define MP_WORD_PART	2
#define MP_WORD_FILLER	3		/* side fillers and list separators */
#define MP_WORD_LEVEL	4		/* a spinal level */
extern int	mp_word_class(const char *w, size_t len);

/* The side a normalised side word sets (MP_SIDE_NONE for other words). */
extern MpSide mp_side_of_word(const char *w, size_t len);

/* Words in the longest name or alias. */
extern int	mp_catalogue_max_words(const MpCatalogue *cat);

extern int	mp_catalogue_size(const MpCatalogue *cat);
extern const MpEntry *mp_catalogue_entry(const MpCatalogue *cat, int i);

/* Frees what the catalogue allocated (not needed with a context). */
extern void mp_catalogue_free(MpCatalogue *cat);

/* ------------------------------------------------------------------------
 * Parsing
 * ------------------------------------------------------------------------
 */
typedef struct MpResult
{
	MpKind		kind;
	MpSide		side;
	int			region;			/* -1 for none or unknown */
	int			entry;			/* catalogue index, -1 unless known (and for
								 * a region term as written, step 3d) */
	const char *name;			/* canonical name, or the normalised name
								 * (in the work buffer) when entry is -1;
								 * not NUL-terminated */
	size_t		namelen;
	uint32_t	namehash;		/* mp_hash(name, namelen) */
} MpResult;

/* Bytes of work buffer mp_parse needs for an entry of len bytes. */
#define MP_WORK_SIZE(len) (48 * (size_t) (len) + 512)

/* Letters a catalogue key needs before a misspelling of it matches. */
#define MP_FUZZY_MIN	6

/* Receives each thing an entry names, in order. */
typedef void (*MpEmit) (void *arg, const MpResult *r);

/*
 * Parses text[0..len) (need not be NUL-terminated; may hold any bytes)
 * and calls emit for every thing it names, in the order written (none for
 * a blank entry).  work must have MP_WORK_SIZE(len) bytes; a result's
 * name may point into it, so it must live as long as the result is used.
 * Returns the number of results.
 */
extern int	mp_parse_each(const MpCatalogue *cat, const char *text,
						  size_t len, char *work, MpEmit emit, void *arg);

/*
 * The first thing the entry names (what parse_muscle() shows of an entry
 * naming several muscles), kind MP_EMPTY for a blank entry; returns how
 * many things it names.
 */
extern int	mp_parse(const MpCatalogue *cat, const char *text, size_t len,
					 char *work, MpResult *out);

/*
 * The same two, remembering the results of short entries that name one
 * thing in the catalogue (cleared whole when full), so that the same
 * spelling met again costs a hash look-up.  The results are always those
 * mp_parse_each would give.
 */
extern int	mp_parse_each_cached(MpCatalogue *cat, const char *text,
								 size_t len, char *work, MpEmit emit,
								 void *arg);
extern int	mp_parse_cached(MpCatalogue *cat, const char *text, size_t len,
							char *work, MpResult *out);

/*
 * The kind and region mp_parse would give text, when the memo of
 * mp_parse_cached remembers it (true); false, with nothing set, when it
 * does not (parse it then).  For callers that need no name.
 */
extern bool mp_lookup_cached(const MpCatalogue *cat, const char *text,
							 size_t len, MpKind *kind, int *region);

extern const char *mp_kind_name(MpKind kind);	/* NULL for MP_EMPTY */
/* a[0..al) and b[0..bl) equal but for one byte changed, added, dropped,
 * or two neighbours swapped */
extern bool mp_one_edit(const char *a, size_t al, const char *b, size_t bl);
/* a word of the low back after "ls" ("LS paraspinals"): lumbosacral there,
 * not the levator scapulae */
extern bool mp_lumbosacral_word(const char *w, size_t len);
extern const char *mp_side_name(MpSide side);	/* NULL for MP_SIDE_NONE */

/* ------------------------------------------------------------------------
 * Tally: distinct (name, side) keys, and what the entries were
 * ------------------------------------------------------------------------
 */
#define MP_KEY_KNOWN	0		/* a catalogue muscle or group term */
#define MP_KEY_UNKNOWN	1		/* an unknown entry's normalised name */

typedef struct MpTallySlot
{
	const char *str;			/* NULL: slot empty */
	uint32_t	len;
	uint32_t	hash;
	uint8_t		side;			/* MP_SIDE_NONE, _LEFT or _RIGHT */
	uint8_t		flag;			/* MP_KEY_* */
} MpTallySlot;

#define MP_TALLY_SMALL 8

/*
 * Up to MP_TALLY_SMALL keys sit in small[] and are compared one by one
 * (a line documents a handful of muscles: nothing to set up or clear);
 * beyond that they move to an allocated open-addressing hash table.
 */
typedef struct MpTally
{
	MpAlloc		alloc;
	bool		copy_known;		/* copy catalogue names too (they may not
								 * outlive the tally) */
	bool		failed;			/* an allocation failed: counts are low */
	MpTallySlot *slots;			/* hash table, NULL while small[] serves */
	uint32_t	cap;			/* hash table size, a power of 2 */
	uint32_t	n;				/* distinct keys = muscles */
	uint32_t	nowned;			/* keys whose string the tally copied */
	uint32_t	regions;		/* bit mask of muscles' and groups' regions */
	int64_t		nentries;		/* entries that were not empty */
	int64_t		nmuscle;
	int64_t		ngroup;
	int64_t		nregion;
	int64_t		nunknown;
	MpTallySlot small[MP_TALLY_SMALL];
} MpTally;

extern void mp_tally_init(MpTally *t, const MpAlloc *alloc, bool copy_known);

/*
 * The key slots to walk: *nslots of them, of which those with a NULL str
 * are empty.  Valid until the next add.
 */
extern const MpTallySlot *mp_tally_slots(const MpTally *t, uint32_t *nslots);

/* Adds one parsed entry.  false on allocation failure. */
extern bool mp_tally_add(MpTally *t, const MpResult *r);

/* Adds one key (flag, side NONE/LEFT/RIGHT), as serialised.  false on
 * allocation failure or a bad flag or side. */
extern bool mp_tally_add_key(MpTally *t, int flag, int side,
							 const char *str, size_t len);

/* Adds every key and count of src to dst (aggregate combine).  false on
 * allocation failure. */
extern bool mp_tally_merge(MpTally *dst, const MpTally *src);

extern void mp_tally_free(MpTally *t);

/* The hash of names and entries (not stable across platforms). */
extern uint32_t mp_hash(const char *s, size_t len);

/* pick_code over a count: NULL for 0, "20552" for 1-2, "20553" beyond */
extern const char *mp_pick_code(long count);

#endif							/* TPI_MUSCLE_PARSE_H */
