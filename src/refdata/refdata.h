/*
 * refdata.h
 *		The reference data as the rules read it: backend caches of the
 *		reference tables (refcache.c), the effective rule settings
 *		(rule_settings.c), payer policies and payer_map (policy.c), ICD-10
 *		(dx.c), injectates (injectate.c), the muscle summary (muscles.c,
 *		muscle_arrays.c) and payment (payment.c, payment_cache.c).
 *		Builds on tpi_rules.h only.
 */
#ifndef TPI_REFDATA_H
#define TPI_REFDATA_H

#include "tpi_rules.h"

/* ------------------------------------------------------------------------
 * Reference-table cache invalidation (refcache.c).  A backend cache of a
 * reference table remembers the generation it was built at and rebuilds
 * when tpi_ref_generation() of its group has moved on.  Changes by other
 * sessions and by the current one (at its next command) are both seen.
 * ------------------------------------------------------------------------
 */
typedef enum TpiRefGroup
{
	TPI_REF_MUSCLE = 0,			/* muscle */
	TPI_REF_POLICY,				/* payer_policy, covered_dx, icd10, injectate,
								 * payer_map */
	TPI_REF_PAYMENT,			/* rvu, gpci, conversion_factor */
	TPI_REF_RULE,				/* rule, rule_setting */
	TPI_REF_NGROUPS
} TpiRefGroup;

extern uint32 tpi_ref_generation(TpiRefGroup group);
/* Registers the relcache callback; _PG_init() calls it. */
extern void tpi_refcache_init(void);

/*
 * Reference caches are read as the owner of the extension's tables, so
 * every role that may EXECUTE the functions gets the same rules without
 * needing SELECT on the reference tables (dashboard roles must not read
 * them).  Connect SPI with tpi_ref_spi_connect() and finish with
 * tpi_ref_spi_finish(); an error in between restores the user on abort.
 * tpi_ref_become_owner() and tpi_ref_become_caller() switch the user alone
 * (the executor's own writes).
 */
typedef struct TpiRefSpi
{
	Oid			save_userid;
	int			save_sec_context;
	bool		pushed;			/* tpi_ref_load_begin() pushed a snapshot */
} TpiRefSpi;

extern void tpi_ref_load_begin(TpiRefSpi *s);
extern void tpi_ref_load_end(TpiRefSpi *s);
extern void tpi_ref_become_owner(TpiRefSpi *s);
extern void tpi_ref_become_caller(TpiRefSpi *s);
extern void tpi_ref_spi_connect(TpiRefSpi *s);
extern void tpi_ref_spi_finish(TpiRefSpi *s);

/*
 * A backend cache of reference tables starts with a TpiRefCache.
 * tpi_ref_build() replaces the cache in *slot by a new one of size bytes,
 * in a memory context of its own under CacheMemoryContext, filled by
 * load() with SPI connected as above; on an error nothing is left and the
 * error goes on.
 */
typedef struct TpiRefCache
{
	MemoryContext mcxt;			/* holds the cache and all it points to */
	uint32		generation;		/* tpi_ref_generation() it was built at */
} TpiRefCache;

extern void *tpi_ref_build(void **slot, const char *name, Size size,
						   uint32 generation, void (*load) (void *cache));
/* tpi_rules.relname exists (with column, unless NULL): 1.0 lacks some. */
extern bool tpi_ref_table_has(const char *relname, const char *column);

/*
 * rule_settings.c: the effective severity of a rule for a payer (SPEC
 * section 13): a rule_setting row for the claim's payer_id wins over a row
 * for the payer_policy payer it is judged by (the one payer_map maps it
 * to, or commercial_default when neither knows it), which wins over a row
 * with NULL payer_id, which wins over tpi_rules.rule.severity, which wins
 * over the registry's default; rule by rule.  False when the rule is
 * switched off for the payer.  Read from a backend cache rebuilt after any
 * change to rule or rule_setting.
 * payer_id NULL: the settings for every payer.
 */
extern bool tpi_rule_effective(int rule, const char *payer_id,
							   TpiSeverity *severity);

/* ------------------------------------------------------------------------
 * Payer policy (SPEC section 7), one row of tpi_rules.payer_policy.
 * ------------------------------------------------------------------------
 */
typedef enum DrugOnClaim
{
	DRUG_ANY = 0,
	DRUG_REQUIRED,
	DRUG_BUNDLED
} DrugOnClaim;

typedef struct PayerPolicy
{
	char	   *payer_id;
	char	   *name;			/* payer_policy.name: the policy as messages
								 * cite it ("BCBSA medical policy 2.01.103") */
	DateADT		effective_from;
	DateADT		effective_to;	/* DATEVAL_NOEND when open */
	int32		max_sessions;	/* 0: no cap */
	Interval	cap_window;
	bool		cap_per_region;
	bool		has_min_interval;
	Interval	min_interval;
	bool		min_interval_per_region;
	DrugOnClaim drug_on_claim;
	uint32		covered_injectates; /* bit mask of InjectateClass; 0: any */
	bool		image_guidance_covered;
	bool		dry_needling_covered;
	bool		one_region_per_session;
	bool		other_blocks_allowed;
	char	  **covered_dx;		/* sorted, upper case, no dot */
	int			ncovered_dx;	/* 0: no diagnosis restriction */
	uint64	   *covered_dx_keys;	/* those of at most 7 bytes packed into
									 * integers (policy.c), sorted */
	int			ncovered_dx_keys;
	/* the first ten, as messages list them: "M79.10, M79.11 ..." */
	char	   *covered_dx_examples;
	/* cap_window and min_interval as messages name them ("12 months") */
	char	   *cap_window_text;
	char	   *min_interval_text;
} PayerPolicy;

typedef enum InjectateClass
{
	INJ_LOCAL_ANESTHETIC = 0,
	INJ_CORTICOSTEROID,
	INJ_SALINE,
	INJ_OTHER,
	INJ_UNKNOWN					/* not in tpi_rules.injectate */
} InjectateClass;

/*
 * policy.c: a backend cache of payer_policy, covered_dx, icd10 and
 * injectate, rebuilt after any change to those tables (relcache
 * invalidation), so each query reads them once.
 *
 * tpi_policy_for() returns the row of payer_id in effect on dos: the row
 * with the latest effective_from <= dos (and dos <= effective_to); before
 * a payer's first row, its earliest row.  An unknown payer_id gets the
 * TPI_DEFAULT_PAYER row, and *fallback is set.
 */
#define TPI_DEFAULT_PAYER "commercial_default"
extern const PayerPolicy *tpi_policy_for(const char *payer_id, DateADT dos,
										 bool *fallback);
/*
 * The payer_policy payer_id that payer_id is judged by, as tpi_policy_for()
 * picks it: itself when it is a policy's, else the one payer_map maps it
 * to, else TPI_DEFAULT_PAYER.
 */
extern const char *tpi_policy_payer_id(const char *payer_id);
/*
 * The classes of the substances named in a documented drug_name
 * ("lidocaine 1% + triamcinolone 40 mg", "Marcaine/saline"): a mask of
 * (1 << InjectateClass), with INJ_UNKNOWN set for a named substance the
 * injectate table does not know.  0 for NULL, blank or "none" words.
 */
extern uint32 tpi_injectate_classes(const char *drug_name);
/*
 * The classes of the substance a drug line's HCPCS code stands for
 * (injectate.hcpcs: J2001 lidocaine, J7050 saline ...): a mask as above,
 * 0 for a code no injectate lists.
 */
extern uint32 tpi_injectate_hcpcs_classes(const char *code);
/* NULL, blank, or a word saying nothing was injected (none, dry needling). */
extern bool tpi_drug_is_none(const char *drug_name);
/* needle (trimmed) occurs in hay, case-insensitively. */
extern bool tpi_text_contains(const char *hay, const char *needle);
/*
 * A dose: a number (not part of a code such as J3490) followed by mg, mcg,
 * ml, cc, %, unit(s) or g as a whole word.
 */
extern bool tpi_text_has_dose(const char *s);
/* drug_name names a known injectate (used for the Box 19 check). */
extern bool tpi_text_names_injectate(const char *text);

typedef enum DxStatus
{
	DX_UNKNOWN = 0,				/* not in tpi_rules.icd10: not judged */
	DX_VALID,
	DX_NOT_BILLABLE,			/* a header code */
	DX_EXPIRED,					/* valid once, not on this date */
	DX_NOT_YET					/* not yet valid on this date */
} DxStatus;

/* Normalises (drop dot and blanks, upper case) into buf (>= 8 bytes);
 * false when it cannot be an ICD-10-CM code at all. */
extern bool tpi_dx_normalise(const char *code, char *buf, size_t buflen);
extern DxStatus tpi_dx_status(const char *normalised, DateADT dos,
							  const char **replaced_by);
/* normalised is in the payer's covered set. */
extern bool tpi_dx_covered(const PayerPolicy *pol, const char *normalised);

/* ------------------------------------------------------------------------
 * Muscles (muscles.c over muscle_parse.c; SPEC section 4)
 * ------------------------------------------------------------------------
 */
typedef struct MuscleSummary
{
	int			count;			/* distinct muscles, SPEC section 4 */
	int			nentries;		/* non-NULL, non-blank entries */
	int			nmuscle;		/* entries of kind muscle */
	int			ngroup;			/* entries of kind group */
	int			nregion;		/* entries of kind region */
	int			nunknown;		/* entries of kind unknown */
	uint32		regions;		/* mask of regions of muscles and groups */
	char	   *first_group;	/* as documented, for messages; NULL if none */
	char	   *first_region_term;
	char	   *first_unknown;
} MuscleSummary;

/* Summarises a text[] of documented muscles; isnull means SQL NULL. */
extern void tpi_summarise_muscles(Datum muscles, bool isnull,
								  MuscleSummary *out);

/* The regions of a mask as a sorted text[] (what regions() returns). */
extern Datum tpi_region_mask_to_array(uint32 mask);
/* The mask of a text[] of region names; NULLs and unknown names ignored. */
extern uint32 tpi_regions_from_array(Datum textarray, bool isnull);

/* ------------------------------------------------------------------------
 * Payment (payment.c; SPEC section 8)
 * ------------------------------------------------------------------------
 */
/* Expected payment in cents; ERROR (22023) when reference data is missing. */
extern int64 tpi_expected_payment_cents(const char *hcpcs, DateADT dos,
										const char *pos, const char *locality);
/* Same, but returns false instead of raising when data is missing. */
extern bool tpi_try_expected_payment_cents(const char *hcpcs, DateADT dos,
										   const char *pos, const char *locality,
										   int64 *cents);
extern bool tpi_pos_is_facility(const char *pos);
/* Registers the payment cache's transaction callback; _PG_init() calls it. */
extern void tpi_payment_init(void);
extern int	tpi_pos_code(const char *pos);	/* 0-99, or -1 */
extern bool tpi_pos_is_known(const char *pos);

#endif							/* TPI_REFDATA_H */
