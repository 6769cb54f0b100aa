/*
 * policy_cache.h
 *		The backend cache of payer_policy, covered_dx, icd10, injectate and
 *		payer_map that policy.c builds and dx.c and injectate.c read.
 *		Private to src/refdata.
 */
#ifndef POLICY_CACHE_H
#define POLICY_CACHE_H

#include "refdata.h"

struct TextMemo;

typedef struct PayerEntry
{
	char	   *payer_id;
	PayerPolicy *rows;			/* sorted by effective_from */
	int			nrows;
} PayerEntry;

typedef struct DxEntry
{
	char	   *code;			/* normalised */
	bool		billable;
	DateADT		effective_from;
	DateADT		effective_to;	/* DATEVAL_NOEND when open */
	char	   *replaced_by;	/* "M79.10, M79.11" or NULL */
} DxEntry;

typedef struct InjEntry
{
	char	   *name;			/* lower case */
	InjectateClass class;
} InjEntry;

typedef struct InjCode
{
	char		code[6];		/* upper case HCPCS */
	uint32		classes;		/* mask of InjectateClass */
} InjCode;

typedef struct PayerAlias
{
	char	   *source_id;		/* payer_map.source_id */
	char	   *payer_id;		/* payer_map.payer_id */
} PayerAlias;

typedef struct PolicyCache
{
	TpiRefCache head;			/* memory context and generation */
	PayerEntry *payers;
	int			npayers;
	DxEntry    *dx;				/* sorted by code */
	int			ndx;
	InjEntry   *inj;
	int			ninj;
	InjCode    *inj_codes;		/* sorted by code, one entry per code */
	int			ninj_codes;
	PayerAlias *aliases;		/* payer_map, sorted by source_id */
	int			naliases;
	PayerPolicy fallback;		/* used if commercial_default was deleted */
	/* tpi_dx_status() look-ups by packed code (dx_key), direct-mapped */
	struct
	{
		uint64		key;		/* 0: slot empty */
		DxEntry    *entry;		/* NULL: not in the table */
	}			dx_memo[256];
	/* the last payer looked up: a patient's lines mostly share one */
	char		last_payer[NAMEDATALEN];
	const PayerEntry *last_entry;	/* NULL: not in payer_policy */
	bool		last_valid;
	/* memos of injectate look-ups by documented text (see TextMemo) */
	struct TextMemo *classes_memo;
	struct TextMemo *names_memo;
} PolicyCache;

extern PolicyCache *tpi_policy_cache_ptr;
extern PolicyCache *tpi_policy_cache_rebuild(uint32 gen);

/* Called per look-up: the check inline, the rebuild out of line. */
static inline PolicyCache *
tpi_policy_cache(void)
{
	uint32		gen = tpi_ref_generation(TPI_REF_POLICY);

	if (tpi_policy_cache_ptr != NULL && tpi_policy_cache_ptr->head.generation == gen)
		return tpi_policy_cache_ptr;
	return tpi_policy_cache_rebuild(gen);
}

/*
 * A code of at most 7 bytes (every normalised ICD-10-CM code) packed into
 * an integer, for equality tests and hashing; false for a longer string.
 */
static inline bool
dx_key(const char *code, uint64 *key)
{
	size_t		len = strlen(code);

	if (len > 7)
		return false;
	*key = 0;
	memcpy(key, code, len);
	return true;
}

static inline int
cmp_dx(const void *a, const void *b)
{
	return strcmp(((const DxEntry *) a)->code, ((const DxEntry *) b)->code);
}

static inline int
cmp_inj_code(const void *a, const void *b)
{
	return strcmp(((const InjCode *) a)->code, ((const InjCode *) b)->code);
}

#endif							/* POLICY_CACHE_H */
