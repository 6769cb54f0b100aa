/*
 * rowlist.h
 *		An aggregate state that collects a group's rows (flat composite
 *		datums, e.g. claim_line values) for a final function to judge all
 *		together: check_day() and audit_patient() both need one.
 *
 * The rows' bytes are copied into blocks of the aggregate context that
 * double up to 1 MB, with a small entry per row: a group costs about its
 * rows, whatever their number.  Transition, combine, serialize and
 * deserialize are the four SQL-callable functions of rowlist.c, shared by
 * every aggregate over such a state; only the final functions differ.
 */
#ifndef ROWLIST_H
#define ROWLIST_H

#include "tpi_rules.h"

typedef struct TpiRow
{
	HeapTupleHeader tuple;		/* a flat composite datum, MAXALIGNed */
	uint32		len;
} TpiRow;

typedef struct TpiRowList
{
	MemoryContext mcxt;			/* where the rows and the entries live */
	TpiRow	   *rows;
	int			n;
	int			cap;
	char	   *block;			/* the block being filled */
	Size		block_used;
	Size		block_size;
} TpiRowList;

extern TpiRowList *tpi_rowlist_new(MemoryContext mcxt);
/* Appends a copy of the len bytes of a flat composite datum at data. */
extern void tpi_rowlist_add(TpiRowList *rl, const void *data, uint32 len);

#endif							/* ROWLIST_H */
