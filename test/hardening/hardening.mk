# Hardening targets (included by the Makefile; see docs/hardening.md).
# Each builds this checkout into a private PostgreSQL copy under
# /tmp/tpi-hardening/<target> and never touches the system install.
#
#   make sqlsmith [SQLSMITH_COUNT=100000] [SQLSMITH_MODE=mixed|focus|all]
#   make valgrind            regression suite + call matrix under memcheck
#   make ubsan               the same with tpi_rules.so built with UBSan
#   make hardening-matrix    the call matrix alone (edge values, no instrumentation)
#   make hardening-fuzz      every fuzz harness in turn [FUZZ_SECONDS=600]
#   make hardening-clean     stop and remove the private clusters

SQLSMITH_COUNT ?= 100000

.PHONY: sqlsmith valgrind ubsan hardening-matrix hardening-fuzz hardening-clean

sqlsmith:
	SQLSMITH_COUNT=$(SQLSMITH_COUNT) bash test/hardening/sqlsmith.sh

valgrind:
	bash test/hardening/valgrind.sh

ubsan:
	bash test/hardening/ubsan.sh

hardening-matrix:
	bash test/hardening/ubsan.sh --plain

hardening-fuzz:
	bash test/hardening/fuzz_all.sh $(FUZZ_SECONDS)

hardening-clean:
	-for d in /tmp/tpi-hardening/*/data; do \
		[ -f $$d/postmaster.pid ] && runuser -u postgres -- /tmp/tpi-hardening/$$(basename $$(dirname $$d))/pg/usr/lib/postgresql/15/bin/pg_ctl -D $$d -m immediate stop; \
	done; rm -rf /tmp/tpi-hardening
