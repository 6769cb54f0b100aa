/*
 * payment_cache.h
 *		The backend cache of rvu, gpci and conversion_factor that
 *		payment_cache.c builds and payment.c prices from.  Private to
 *		src/refdata.
 */
#ifndef PAYMENT_CACHE_H
#define PAYMENT_CACHE_H

#include "refdata.h"

#include "utils/hsearch.h"

typedef struct PayRelease
{
	char	   *name;
	DateADT		from;			/* earliest effective_from of its rows */
	DateADT		to;				/* latest effective_to of its rows */
	bool		user;			/* has rows not shipped with the extension */
} PayRelease;

/* Index of RvuEntry.rvu */
enum
{
	RV_WORK, RV_PE_NF, RV_PE_F, RV_MP
};

typedef struct RvuKey
{
	int32		release;
	char		hcpcs[8];
	char		modifier[8];
} RvuKey;

typedef struct RvuEntry
{
	RvuKey		key;
	DateADT		from;
	DateADT		to;
	int64		rvu[4];			/* hundredths: work, PE non-facility, PE facility, MP */
	bool		isnull[4];
} RvuEntry;

typedef struct GpciKey
{
	int32		release;
	char		locality[12];
} GpciKey;

typedef struct GpciEntry
{
	GpciKey		key;
	DateADT		from;
	DateADT		to;
	int64		gpci[3];		/* thousandths: work, PE, MP */
} GpciEntry;

typedef struct CfRow
{
	DateADT		from;
	DateADT		to;
	int64		amount;			/* ten-thousandths */
} CfRow;

typedef struct PayCache
{
	bool		valid;
	bool		xact_only;		/* built on a statement snapshot */
	uint32		generation;
	MemoryContext cxt;
	PayRelease *rvu_rel;
	int			nrvu_rel;
	PayRelease *gpci_rel;
	int			ngpci_rel;
	HTAB	   *rvu;
	HTAB	   *gpci;
	CfRow	   *cf;
	int			ncf;
} PayCache;

/* The cache, rebuilt first when a table changed. */
extern PayCache *tpi_pay_cache(void);

/*
 * The release covering dos: latest effective_from, then user rows over
 * shipped ones, then the greater name; -1 if none.
 */
extern int	tpi_pay_pick_release(const PayRelease *rel, int n, DateADT dos);

#endif							/* PAYMENT_CACHE_H */
