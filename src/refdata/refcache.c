/*
 * refcache.c
 *		Knowing when a backend cache of a reference table is stale.
 *
 * Plain INSERT/UPDATE/DELETE send no relcache invalidation, so each
 * reference table has a statement trigger, tpi_rules.reference_changed(),
 * that sends one for its table.  Every backend (including the one that made
 * the change, at its next command) then bumps the generation counter of
 * that table's group, and the caches built on that group rebuild on their
 * next use.  The relation OIDs are looked up by name once and forgotten
 * whenever one of them is invalidated, so DROP and CREATE EXTENSION in a
 * live session are handled too.
 */
#include "refdata.h"

#include "catalog/namespace.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"
#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/pg_class.h"

static const struct
{
	const char *relname;
	TpiRefGroup group;
}			ref_tables[] = {
	{"muscle", TPI_REF_MUSCLE},
	{"payer_policy", TPI_REF_POLICY},
	{"covered_dx", TPI_REF_POLICY},
	{"icd10", TPI_REF_POLICY},
	{"injectate", TPI_REF_POLICY},
	{"payer_map", TPI_REF_POLICY},
	{"rvu", TPI_REF_PAYMENT},
	{"gpci", TPI_REF_PAYMENT},
	{"conversion_factor", TPI_REF_PAYMENT},
	{"rule", TPI_REF_RULE},
	{"rule_setting", TPI_REF_RULE},
};

#define NREF lengthof(ref_tables)

static bool callback_registered = false;
static bool oids_known = false;
static Oid	ref_oids[NREF];
static uint32 generation[TPI_REF_NGROUPS];

static void
bump_all(void)
{
	int			g;

	for (g = 0; g < TPI_REF_NGROUPS; g++)
		generation[g]++;
}

static void
ref_relcache_callback(Datum arg, Oid relid)
{
	int			i;

	if (!OidIsValid(relid))
	{
		bump_all();
		oids_known = false;
		return;
	}
	if (!oids_known)
	{
		/*
		 * We cannot look names up inside a callback; a change we cannot
		 * place may concern our tables, so be safe.
		 */
		bump_all();
		return;
	}
	for (i = 0; i < NREF; i++)
		if (ref_oids[i] == relid)
		{
			generation[ref_tables[i].group]++;
			return;
		}
}

static void
learn_oids(void)
{
	Oid			nsp = get_namespace_oid("tpi_rules", true);
	int			i;

	for (i = 0; i < NREF; i++)
		ref_oids[i] = OidIsValid(nsp) ?
			get_relname_relid(ref_tables[i].relname, nsp) : InvalidOid;
	oids_known = OidIsValid(nsp);
}

/*
 * Called once from _PG_init(): every reference cache depends on this one
 * callback, registered in one visible place.
 */
void
tpi_refcache_init(void)
{
	if (callback_registered)
		return;
	CacheRegisterRelcacheCallback(ref_relcache_callback, (Datum) 0);
	callback_registered = true;
}

/*
 * A backend takes in other sessions' invalidations when a transaction
 * starts and when it locks a relation anew; a statement in a transaction
 * block that reads only cached reference data does neither.  SPEC 13 wants
 * a change seen by the next statement of every session, so the first use
 * in each statement (a new statement start time or command id) takes them
 * in.
 */
uint32
tpi_ref_generation(TpiRefGroup group)
{
	static TimestampTz seen_start = 0;
	static CommandId seen_cid = InvalidCommandId;
	TimestampTz start = GetCurrentStatementStartTimestamp();
	CommandId	cid = GetCurrentCommandId(false);

	Assert(callback_registered);
	if (start != seen_start || cid != seen_cid)
	{
		seen_start = start;
		seen_cid = cid;
		AcceptInvalidationMessages();
	}
	if (!oids_known)
		learn_oids();
	return generation[group];
}

/*
 * Whether tpi_rules.relname exists (and has column, when not NULL).  One
 * tpi_rules.so serves every version of the SQL objects: until ALTER
 * EXTENSION tpi_rules UPDATE, a 1.0 database lacks the 1.1 tables and
 * columns, and the caches then read what 1.0 has.
 */
bool
tpi_ref_table_has(const char *relname, const char *column)
{
	Oid			nsp = get_namespace_oid("tpi_rules", true);
	Oid			relid;

	if (!OidIsValid(nsp))
		return false;
	relid = get_relname_relid(relname, nsp);
	if (!OidIsValid(relid))
		return false;
	return column == NULL || get_attnum(relid, column) != InvalidAttrNumber;
}

/* The owner of tpi_rules.rule stands for the extension's owner. */
static Oid
reference_owner(void)
{
	Oid			nsp = get_namespace_oid("tpi_rules", false);
	Oid			relid = get_relname_relid("rule", nsp);
	HeapTuple	tp;
	Oid			owner;

	if (!OidIsValid(relid))
		elog(ERROR, "table tpi_rules.rule does not exist");
	tp = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	if (!HeapTupleIsValid(tp))
		elog(ERROR, "cache lookup failed for relation %u", relid);
	owner = ((Form_pg_class) GETSTRUCT(tp))->relowner;
	ReleaseSysCache(tp);
	return owner;
}

void
tpi_ref_become_owner(TpiRefSpi *s)
{
	Oid			owner = reference_owner();

	GetUserIdAndSecContext(&s->save_userid, &s->save_sec_context);
	/* Restricted, like a maintenance command run as the owner. */
	SetUserIdAndSecContext(owner, s->save_sec_context |
						   SECURITY_LOCAL_USERID_CHANGE |
						   SECURITY_RESTRICTED_OPERATION);
}

void
tpi_ref_become_caller(TpiRefSpi *s)
{
	SetUserIdAndSecContext(s->save_userid, s->save_sec_context);
}

void
tpi_ref_spi_connect(TpiRefSpi *s)
{
	tpi_ref_become_owner(s);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
}

void
tpi_ref_spi_finish(TpiRefSpi *s)
{
	SPI_finish();
	tpi_ref_become_caller(s);
}

/*
 * SPI connected to read reference tables into a backend cache.  The cache
 * outlives the transaction and is stamped with the generation now, so it
 * must hold every change that moved the generation: the tables are read
 * with the latest snapshot, not a REPEATABLE READ transaction's older one
 * (which would keep a change committed meanwhile out of the cache for
 * good).  A parallel worker may take no new snapshot: it reads with its
 * leader's.
 */
void
tpi_ref_load_begin(TpiRefSpi *s)
{
	s->pushed = !IsInParallelMode();
	if (s->pushed)
		PushActiveSnapshot(GetLatestSnapshot());
	tpi_ref_spi_connect(s);
}

void
tpi_ref_load_end(TpiRefSpi *s)
{
	tpi_ref_spi_finish(s);
	if (s->pushed)
		PopActiveSnapshot();
}

/*
 * The one way a reference cache is built: the previous cache in *slot is
 * deleted, a zeroed struct of size bytes (its first member a TpiRefCache)
 * is made in a new memory context under CacheMemoryContext, and load()
 * fills it with SPI connected as the tables' owner.  On an error the
 * half-built cache is deleted, *slot stays NULL and the error goes on.
 */
void *
tpi_ref_build(void **slot, const char *name, Size size, uint32 generation,
			  void (*load) (void *cache))
{
	MemoryContext mcxt;
	TpiRefCache *c;

	if (*slot != NULL)
	{
		MemoryContextDelete(((TpiRefCache *) *slot)->mcxt);
		*slot = NULL;
	}
	/* name is a literal of the caller, as the macro would insist */
	mcxt = AllocSetContextCreateInternal(CacheMemoryContext, name,
										  ALLOCSET_SMALL_SIZES);
	c = MemoryContextAllocZero(mcxt, size);
	c->mcxt = mcxt;
	c->generation = generation;
	PG_TRY();
	{
		TpiRefSpi	spi;

		tpi_ref_load_begin(&spi);
		load(c);
		tpi_ref_load_end(&spi);
	}
	PG_CATCH();
	{
		MemoryContextDelete(mcxt);
		PG_RE_THROW();
	}
	PG_END_TRY();
	*slot = c;
	return c;
}

/*
 * tpi_rules.reference_changed() RETURNS trigger
 *
 * AFTER ... FOR EACH STATEMENT on every reference table: sends a relcache
 * invalidation for the table so all backends rebuild their caches.
 */
PG_FUNCTION_INFO_V1(tpi_reference_changed);
Datum
tpi_reference_changed(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("reference_changed() must be called as a trigger")));
	CacheInvalidateRelcacheByRelid(RelationGetRelid(trigdata->tg_relation));
	return PointerGetDatum(NULL);
}
