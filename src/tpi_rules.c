/*
 * tpi_rules.c
 *		Module entry point and the small tables every subsystem shares.
 */
#include "guard.h"
#include "refdata.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

/* Sorted, so that a region mask walked from bit 0 gives a sorted list. */
const char *const tpi_region_names[TPI_NREGIONS] = {
	"abdominal wall",
	"cephalic",
	"cervical",
	"chest wall",
	"facial",
	"gluteal/hip",
	"lower limb",
	"lumbar",
	"scapular",
	"shoulder",
	"thoracic",
	"upper limb"
};

int
tpi_region_index(const char *name)
{
	int			i;

	if (name == NULL)
		return -1;
	for (i = 0; i < TPI_NREGIONS; i++)
		if (strcmp(name, tpi_region_names[i]) == 0)
			return i;
	return -1;
}

/*
 * Every invalidation callback is registered here, once per backend, before
 * any cache can be built: the reference caches (refcache.c) share one
 * relcache callback; the payment cache also drops a cache built inside
 * parallel mode at the end of the transaction.
 */
void
_PG_init(void)
{
	/* every callback of the module is registered here, once */
	tpi_refcache_init();
	tpi_payment_init();
	tpi_guard_init();
}
