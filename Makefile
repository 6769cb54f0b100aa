# tpi_rules: PGXS build.  `make`, `make install`, `make installcheck`;
# `make test` and `make demo` also install prerequisites and run a
# throwaway cluster (see README.md).

EXTENSION	= tpi_rules
EXTVERSION	= 1.0
MODULE_big	= tpi_rules

# One file per subsystem; muscle_parse.c and csv.c are plain C (no server
# headers) so the unit tests and fuzzers can build them alone.
OBJS = \
	src/tpi_rules.o \
	src/refcache.o \
	src/findings.o \
	src/claim.o \
	src/policy.o \
	src/codes.o \
	src/muscle_parse.o \
	src/muscles.o \
	src/csv.o \
	src/loaders.o \
	src/payment.o \
	src/rules_line.o \
	src/rules_day.o \
	src/audit.o \
	src/window.o \
	src/frequency.o \
	src/guard_cache.o \
	src/guard_findings.o \
	src/finding_log.o \
	src/trigger.o \
	src/trigger_statement.o

DATA_built	= sql/$(EXTENSION)--$(EXTVERSION).sql
INSTALL_SOURCES = $(sort $(wildcard sql/install/*.sql))

REGRESS = \
	00_install \
	01_catalogue \
	02_payment \
	03_loaders \
	10_muscles \
	11_muscles_parallel \
	20_line_rules \
	21_day_rules \
	22_audit \
	30_window \
	31_frequency \
	32_next_eligible \
	40_guard \
	50_views \
	51_reporting_role \
	90_bad_input
REGRESS_OPTS = --load-extension=$(EXTENSION)

ISOLATION = $(patsubst test/specs/%.spec,%,$(sort $(wildcard test/specs/*.spec)))
ISOLATION_OPTS = --inputdir=test --load-extension=$(EXTENSION)

PG_CPPFLAGS = -I$(srcdir)/src
PG_CFLAGS += -Wall -Wextra -Werror -Wno-unused-parameter \
	-Wno-sign-compare -Wno-missing-field-initializers

EXTRA_CLEAN = $(DATA_built) results/ regression.diffs regression.out \
	output_iso/ test/fuzz/*.fuzz test/unit/*.bin

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# PGXS knows no header dependencies: a changed header rebuilds every object
# (a struct that grew would otherwise be read with its old layout).
$(OBJS): $(wildcard src/*.h)

$(DATA_built): $(INSTALL_SOURCES) $(wildcard data/*.csv) tools/gen_install.pl
	perl tools/gen_install.pl $@ $(INSTALL_SOURCES)

.PHONY: test demo demo-clean bench fuzz

# Every test: prerequisites, build, install, pg_regress, isolation, shell
# tests, in a throwaway cluster; ends with "N passed, N failed".
test:
	bash test/run_tests.sh

demo:
	bash test/demo.sh

bench:
	bash test/bench/run.sh

fuzz:
	bash test/fuzz/run.sh $(FUZZ_SECONDS)

demo-clean:
	-pg_dropcluster --stop 15 tpi_demo

# Hardening targets (sqlsmith, valgrind, ubsan): see test/hardening/.
-include test/hardening/hardening.mk
