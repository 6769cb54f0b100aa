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

/*
 * Run a read-only query with parameters, sending its rows to a
 * DestReceiver (inside SPI_connect).  14 added SPI_execute_extended with a
 * dest; on 13 a cursor fetched into the receiver does the same.
 */
#include "executor/spi.h"
#include "nodes/params.h"
#include "tcop/dest.h"
#include "tcop/pquery.h"

static inline void
tpi_spi_execute_into(const char *query, ParamListInfo params, DestReceiver *dest)
{
#if PG_VERSION_NUM >= 140000
	SPIExecuteOptions options;
	int			ret;

	memset(&options, 0, sizeof(options));
	options.params = params;
	options.read_only = true;
	options.dest = dest;
	ret = SPI_execute_extended(query, &options);
	if (ret < 0)
		elog(ERROR, "SPI_execute_extended failed: %s", SPI_result_code_string(ret));
#else
	Oid		   *argtypes = palloc(Max(params->numParams, 1) * sizeof(Oid));
	Datum	   *args = palloc(Max(params->numParams, 1) * sizeof(Datum));
	char	   *nulls = palloc(Max(params->numParams, 1) * sizeof(char));
	Portal		portal;
	int			i;

	for (i = 0; i < params->numParams; i++)
	{
		argtypes[i] = params->params[i].ptype;
		args[i] = params->params[i].value;
		nulls[i] = params->params[i].isnull ? 'n' : ' ';
	}
	portal = SPI_cursor_open_with_args(NULL, query, params->numParams, argtypes,
									   args, nulls, true, 0);
	PortalRunFetch(portal, FETCH_FORWARD, FETCH_ALL, dest);
	SPI_cursor_close(portal);
#endif
}

#endif							/* TPI_COMPAT_H */
