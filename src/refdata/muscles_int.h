/*
 * muscles_int.h
 *		What the backend files on documented muscles share (muscles.c,
 *		muscle_arrays.c, src/fn/muscle_fns.c, src/fn/muscle_agg.c): memory
 *		for the plain-C parser, work buffers, parsing a text datum.
 */
#ifndef TPI_MUSCLES_INT_H
#define TPI_MUSCLES_INT_H

#include "tpi_rules.h"
#include "muscle_parse.h"
#include "muscles.h"

/* Entries up to this many bytes parse in a stack buffer. */
#define STACK_WORK	4096

typedef struct WorkBuf
{
	char		stack[STACK_WORK];
	char	   *heap;
	size_t		heapsize;
} WorkBuf;

/* What an entry's results go to: the tally, and the summary's kinds. */
typedef struct TallyTarget
{
	MpTally    *t;
	bool		group;			/* the entry named a group term */
	bool		region;
	bool		unknown;
} TallyTarget;

/* An MpAlloc for the plain-C code: palloc in cxt, pfree. */
extern MpAlloc tpi_mp_alloc_in(MemoryContext cxt);

/* The current catalogue (reloaded when tpi_rules.muscle changed). */
extern MpCatalogue *tpi_current_muscle_catalogue(void);

/* A work buffer for an entry of len bytes; tpi_work_done frees it. */
extern char *tpi_work_for(WorkBuf *wb, size_t len);
extern void tpi_work_done(WorkBuf *wb);

/* The first thing one entry names (parse_muscle's row). */
extern void tpi_parse_text(MpCatalogue *cat, const text *t, WorkBuf *wb,
						   MpResult *r);

/* A tally in the current context that does not copy catalogue names. */
extern void tpi_tally_init_local(MpTally *t);

/* Tallies every muscle one entry names (several: SPEC section 4). */
extern void tpi_tally_text(MpCatalogue *cat, const text *e, WorkBuf *wb,
						   TallyTarget *tt);

/* Distinct muscles of a text[] datum, and the mask of their regions. */
extern int	tpi_count_muscle_array(Datum d, uint32 *regions);

/* The region mask of a text[] datum (what regions() shows). */
extern uint32 tpi_muscle_region_mask(Datum d);

static inline int
tpi_clamp_int(int64 v)
{
	return v > PG_INT32_MAX ? PG_INT32_MAX : (int) v;
}

#endif							/* TPI_MUSCLES_INT_H */
