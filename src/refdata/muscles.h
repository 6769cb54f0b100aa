/*
 * muscles.h
 *		The backend's muscle catalogue (muscles.c), for other readers of
 *		documented muscles (the note reader, src/fn/read_note.c).
 */
#ifndef TPI_MUSCLES_H
#define TPI_MUSCLES_H

#include "muscle_parse.h"

/*
 * The current catalogue, reloaded when tpi_rules.muscle has changed; *load
 * is set to a number that changes with every reload.  Lives in
 * CacheMemoryContext until the next reload.
 */
extern MpCatalogue *tpi_muscle_catalogue(uint64_t *load);

#endif							/* TPI_MUSCLES_H */
