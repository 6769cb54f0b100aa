/*
 * aggstate.h
 *		What every aggregate over an internal state shares: the aggregate
 *		context check, the NULL handling of a combine function, and the
 *		checked reading of a serialised state.
 */
#ifndef AGGSTATE_H
#define AGGSTATE_H

#include "postgres.h"

#include "fmgr.h"
#include "lib/stringinfo.h"

/* An aggregate support function's context, or an ERROR naming fname. */
extern MemoryContext tpi_agg_context(FunctionCallInfo fcinfo, const char *fname);

/*
 * The body of a non-strict combine function over an internal state:
 * returns the first state with the second merged in (merge(into, from)),
 * a new one made by new_state in the aggregate context when the first is
 * NULL (never the second itself), or the first as is when the second is
 * NULL.
 */
typedef void *(*TpiAggStateNew) (MemoryContext aggcxt);
typedef void (*TpiAggStateMerge) (void *into, const void *from);
extern Datum tpi_agg_combine(FunctionCallInfo fcinfo, const char *fname,
							 TpiAggStateNew new_state, TpiAggStateMerge merge);

/*
 * Reading a serialised state (the bytea argument of a deserialize
 * function), which starts with a format version byte.  Every read is
 * checked against the bytes left: a damaged value is an ERROR "invalid
 * <what> state" with why as its detail, never an over-read.
 */
typedef struct TpiStateReader
{
	StringInfoData buf;			/* cursor over the value's bytes */
	const char *what;
} TpiStateReader;

extern void tpi_state_read_begin(TpiStateReader *r, FunctionCallInfo fcinfo,
								 const char *fname, const char *what,
								 int version);
extern void tpi_state_bad(const TpiStateReader *r, const char *why) pg_attribute_noreturn();
/* The next 4-byte integer; missing (an ERROR) when fewer bytes are left. */
extern uint32 tpi_state_read_uint32(TpiStateReader *r, const char *missing);
/* The bytes left unread. */
#define tpi_state_left(r)	((r)->buf.len - (r)->buf.cursor)

#endif							/* AGGSTATE_H */
