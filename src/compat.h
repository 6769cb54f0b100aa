/*
 * compat.h
 *		Every PG_VERSION_NUM difference tpi_rules cares about (13 to 17).
 */
#ifndef TPI_COMPAT_H
#define TPI_COMPAT_H

#include "postgres.h"

#if PG_VERSION_NUM < 130000
#error "tpi_rules needs PostgreSQL 13 or later"
#endif

/* InitMaterializedSRF arrived in 16 (15 has SetSingleFuncCall). */
#if PG_VERSION_NUM >= 160000
#define TPI_INIT_SRF(fcinfo) InitMaterializedSRF((fcinfo), 0)
#elif PG_VERSION_NUM >= 150000
#define TPI_INIT_SRF(fcinfo) SetSingleFuncCall((fcinfo), 0)
#else
#define TPI_INIT_SRF(fcinfo) tpi_init_srf_compat(fcinfo)
extern void tpi_init_srf_compat(FunctionCallInfo fcinfo);
#endif

/* varatt.h was split out of postgres.h in 16. */
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

/* PG 13 lacks pg_attribute_printf's sibling for unused results; keep simple. */

#endif							/* TPI_COMPAT_H */
