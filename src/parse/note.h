/*
 * note.h
 *		Reading a free-text procedure note (SPEC section 12) into the
 *		documentation columns, in plain C with no server headers, so that
 *		the same code runs in the backend, the benchmark and the fuzzer.
 *
 * The reader knows no muscle of its own: it scans the note for the names
 * and aliases of the one muscle catalogue (muscle_parse.h), hands each run
 * of names, side words, part words, separators and levels to
 * mp_parse_each(), and writes every muscle it gets back as an entry that
 * parse_muscle() reads ("right trapezius").  Drug names come from a
 * vocabulary the caller gives (the injectate table: name -> generic).
 *
 * How a note is read (NegEx/ConText style, every pass linear):
 *	0. Plain text first, for exports: UTF-8 punctuation of word processors
 *	   reads as ASCII ("×2" is x2, en dashes and no-break spaces are - and
 *	   blanks), a line's one tab after its label is the label's colon
 *	   ("Laterality<TAB>Right"), and a grid of counts under "Right Left"
 *	   columns reads as sided counts ("Upper trapezius 2 0" is "Right Upper
 *	   trapezius x2"), as does a table under "Muscle Side ... Injected"
 *	   whose rows end in Y or N (an N row says nothing).  Check boxes
 *	   read as "[ ]" (☐, □, ✗) and "[x]" (☑, ☒, ✓), triangles and arrows
 *	   of lists as bullets, and the accented letters of Spanish plain
 *	   ("lidocaína" is lidocaina; each one-word drug name in -caine is
 *	   known in -caina too).  A banner line ("--- Previous procedure note,
 *	   copied ---") heads the text up to the next banner, and the note's
 *	   first line, a few words with no punctuation of a sentence, is its
 *	   title (a header).
 *	1. Words (lower-cased; a decimal number is one word) and punctuation;
 *	   sentences end at . ! ? ; and line ends, and in dictation without
 *	   punctuation (20 words and no end yet) where a subject opens a
 *	   clause ("the patient", "he", "she", "there were").  A line that
 *	   opens with up to six words and a colon, or is all capitals, is a
 *	   section header:
 *	   history (HISTORY, HPI, prior treatment ...), exam, procedure
 *	   (PROCEDURE, muscles, sites, technique ...), plan (PLAN, follow-up,
 *	   recommendations ...), medication lists, or other (SOAP's "S:",
 *	   "O:", "A:"; findings: "Muscles examined:", "Active trigger
 *	   points:").  A longer line of the procedure that ends in a colon
 *	   ("Trigger point injections to the following muscles:") opens a procedure section too (a header of
 *	   another treatment, "Manual therapy:", "Massage:", ends one), and a
 *	   field of the procedure inside a line ("... at bedside. Site: right
 *	   rhomboid major, 1 point") makes its sentence one about injecting.
 *	2. Negation: a trigger (no, not, without, denies, declined, deferred,
 *	   refused ...) negates the words after it up to the end of its clause
 *	   (a comma, colon, sentence end, or but/however/although/except);
 *	   declined/deferred/refused/spared/held and "not" before a verb of
 *	   injecting (not injected, was not performed) negate back to the start
 *	   of the clause; "negative aspiration" negates nothing, and an empty
 *	   check box ("[ ] Levator scapulae R", "( )") negates what follows it
 *	   up to the next box of its line or the line's end, and a template
 *	   field left blank ("Follow-up: ___") or answered no by its box
 *	   ("Ultrasound guidance: [ ] yes [x] no") negates its line;
 *	   "avoided" negates back too ("the scalenes ... and avoided").  A
 *	   sentence is historical when it says so (previously, prior, last
 *	   visit, ago, yesterday, tried, history of) or sits in a history
 *	   section, and planned when it speaks of later (will, consider, next visit,
 *	   plan to, may, if, recommend) or sits in a plan section without a
 *	   verb of a procedure done; "today" makes it current.
 *	   Backward scopes cross "but" only when no muscle follows it ("the
 *	   gastrocnemius was examined but not injected").
 *	3. Muscles: a run of catalogue names is injected when it is not negated,
 *	   historical or planned, and sits in a procedure section or in a
 *	   sentence about injecting.  A sentence of chemodenervation (the word,
 *	   or a botulinum toxin) beside one of trigger point injection is
 *	   another procedure: its muscles and sites are not the TPI's.  A
 *	   correction takes back the muscles it says were "documented in
 *	   error" (a verb of writing and a word of error).  A location field
 *	   of an area and a side ("Anatomic location: lumbar, bilateral") is a
 *	   side field like "Laterality:".  When no run is, but the note says that an
 *	   injection was done, every run outside history, exam and plan
 *	   sections counts (first those where trigger points "were noted",
 *	   over other findings); a note that records no injection has no
 *	   muscles.
 *	   A run of region terms only is no site when it is a landmark ("border
 *	   of the scapula", "lateral to the spine"), a complaint ("low back
 *	   pain"), a joint ("right knee intra-articular injection"), the adverb
 *	   "back" ("now pain back"), a heading of the muscles after its colon
 *	   ("low back only: bilateral QL"), or outside a sentence about
 *	   injecting or a template line; nor is it on a header's line when
 *	   other sentences name muscles injected ("Procedure: TPIs, right
 *	   forearm. ... the brachioradialis was injected"): it tells where
 *	   they lie, and its side goes to those read without one.  A
 *	   muscle named again without its side is the one read with a side.  An
 *	   unknown word after a side or part word goes to the parser, which
 *	   reads one-edit misspellings ("right rhomboidd").  A group or region
 *	   name followed by area / region / zone is a region term, read as
 *	   written with its sides ("cervical paraspinal area bilaterally").  A
 *	   side of the injection itself -- before "trigger point injection(s)"
 *	   or "TPI(s)", or right after a verb of a procedure done and before
 *	   no muscle ("performed bilaterally in"; where trigger points were
 *	   "noted bilaterally in") -- goes to the muscles of its
 *	   sentence that have no side of their own; a symptom's side
 *	   ("bilateral neck pain") does not.  A side after its name ("trapezius
 *	   on the right", "levator scapulae (left)") is that name's; a side
 *	   that labels its line ("LEFT: trapezius, levator") opens its run.
 *	   Lists read as the muscle parser reads an entry: words sharing a
 *	   head are written out with it ("gluteus maximus, medius, and
 *	   minimus" is three names, "scalenus ... posterior" too), region
 *	   adjectives of a list before a group are one group each ("cervical,
 *	   thoracic, and lumbar paraspinals"), sides after a name with their
 *	   counts ("Trapezius: R (2 TP), L (1 TP)", "trapezius (R x2, L x1)",
 *	   "trapezius R x2, L x1, levator scapulae R x1") are that name's, a
 *	   name's alias in brackets ("sternocleidomastoid (SCM) on the left")
 *	   keeps the side after it, and two names with no separator between
 *	   (a no-break space, a count) or a bullet are two entries.
 *	   "Next," alone tells the order of today's steps, not a later visit.
 *	   "LS" after a side word is the levator scapulae ("R LS x1"), not
 *	   before a word of the low back ("LS paraspinals"); a region term
 *	   in a posture ("head turned L") is no site.  When another sentence
 *	   injects a drug, the muscles of a dry-needling sentence without one
 *	   are not the injection's.
 *	4. Trigger points: a stated total ("Trigger points: 6", "TPI x4", "3
 *	   trigger points were injected", "three (3) trigger points", "total 8
 *	   sites"; counts in words too) wins; else the sum
 *	   of counts given with injected muscles ("x2", "(2 points)", "(2
 *	   points, just below the coracoid)", "2
 *	   trigger points in", "were each injected at 2 points", a table's
 *	   count column, "three injections were placed in"), "each"
 *	   multiplying by the muscles of the run ("a total of 6 mL" is a
 *	   volume, no count); a count per muscle stated apart ("two trigger
 *	   points were marked in each", "4 TPs total, 1 per muscle") places
 *	   the points beside a total too; none
 *	   stated: has_tp false.
 *	5. Drugs: vocabulary names outside negated, historical and planned
 *	   sentences and medication lists, by generic name, in order of first
 *	   mention; doses (a number with %, mg, ml, cc, mcg, units ...) go to
 *	   the drug they precede, else the one before them in the sentence (a
 *	   rate, "1 mL per site" or "2 mL at each nerve", is the dose only when
 *	   no amount is stated),
 *	   each piece with the "of" and commas it is written with.
 *	   "none" when no drug is named and the note speaks of dry needling or
 *	   no injectate.
 *	6. note_signed, post_procedure_plan, conservative_care, tp_locations
 *	   and guidance from cue words outside negation (see note.c; Cerner's
 *	   "Sign Information:" and Spanish "Firmado" sign, "Next prolotherapy
 *	   session in 4 weeks" is a follow-up).
 */
#ifndef TPI_NOTE_H
#define TPI_NOTE_H

#include "muscle_parse.h"

typedef struct NrVocab NrVocab;

/* The vocabulary: the muscle catalogue plus drug names.  cat must outlive
 * it and be built. */
extern NrVocab *nr_vocab_new(const MpAlloc *alloc, MpCatalogue *cat);

/* A drug name as documented and its generic (NULL: the name is one).
 * false on allocation failure. */
extern bool nr_vocab_add_drug(NrVocab *v, const char *name,
							  const char *generic);

/* Builds the look-up tables; call once after the last add. */
extern bool nr_vocab_build(NrVocab *v);

typedef struct NrFacts
{
	char	  **muscles;		/* entries, NUL-terminated strings */
	int			nmuscles;
	bool		has_tp;
	int			trigger_points;
	char	   *drug_name;		/* NULL: none named */
	char	   *drug_dose;		/* NULL: none stated */
	bool		note_signed;
	bool		post_procedure_plan;
	bool		conservative_care;
	bool		tp_locations;
	const char *guidance;		/* static: none, ultrasound, fluoroscopy,
								 * ct, mri */
} NrFacts;

/*
 * Reads text[0..len) (any bytes) into out.  Everything out points to is
 * allocated with alloc (a memory context, or malloc: nr_facts_free frees
 * it).  false on allocation failure.
 */
extern bool nr_read(NrVocab *v, const char *text, size_t len,
					const MpAlloc *alloc, NrFacts *out);

extern void nr_facts_free(const MpAlloc *alloc, NrFacts *f);

#endif							/* TPI_NOTE_H */
