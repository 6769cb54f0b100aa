/*
 * compat.h
 *		Every PG_VERSION_NUM difference tpi_rules cares about.
 *
 * PostgreSQL 15 (Debian 12's) is the one major that is built and tested;
 * older ones are refused.  The guards for 16 and later below are the known
 * differences, kept so that a build there fails less obscurely, but no
 * version after 15 is built or tested: treat such a build as untested.
 */
#ifndef TPI_COMPAT_H
#define TPI_COMPAT_H

#include "postgres.h"

#if PG_VERSION_NUM < 150000
#error "tpi_rules is built and tested on PostgreSQL 15 only"
#endif

/* InitMaterializedSRF replaced SetSingleFuncCall in 16 (untested). */
#if PG_VERSION_NUM >= 160000
#define TPI_INIT_SRF(fcinfo) InitMaterializedSRF((fcinfo), 0)
#else
#define TPI_INIT_SRF(fcinfo) SetSingleFuncCall((fcinfo), 0)
#endif

/* varatt.h was split out of postgres.h in 16 (untested). */
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

#endif							/* TPI_COMPAT_H */
