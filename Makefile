# tpi_rules: PGXS build.  `make`, `make install`, `make installcheck`;
# `make test` and `make demo` also install prerequisites and run a
# throwaway cluster (see README.md).

EXTENSION	= tpi_rules
EXTVERSION	= 1.1
MODULE_big	= tpi_rules

# A folder per stage; dependencies point one way:
#   parse/    plain-C readers (no server headers: unit tests and fuzzers
#             build them alone)
#   refdata/  backend caches of the reference tables
#   engine/   claim decoding, the line, day and frequency rules, findings
#   fn/       SQL entry points
#   guard/    the guard triggers and the finding_log write
OBJS = \
	src/tpi_rules.o \
	src/window_dates.o \
	src/parse/muscle_parse.o \
	src/parse/csv.o \
	src/parse/note.o \
	src/parse/x12_837p.o \
	src/refdata/refcache.o \
	src/refdata/policy.o \
	src/refdata/dx.o \
	src/refdata/injectate.o \
	src/refdata/payment_cache.o \
	src/refdata/payment.o \
	src/refdata/rule_settings.o \
	src/refdata/muscles.o \
	src/refdata/muscle_arrays.o \
	src/engine/claim.o \
	src/engine/findings.o \
	src/engine/messages.o \
	src/engine/codes.o \
	src/engine/rules_line.o \
	src/engine/rules_day.o \
	src/engine/check_day.o \
	src/engine/aggstate.o \
	src/engine/rowlist.o \
	src/engine/frequency.o \
	src/engine/patient.o \
	src/fn/audit.o \
	src/fn/audit_patient.o \
	src/fn/loaders.o \
	src/fn/read_837p.o \
	src/fn/window.o \
	src/fn/read_note.o \
	src/fn/muscle_fns.o \
	src/fn/muscle_agg.o \
	src/fn/frequency_agg.o \
	src/fn/next_eligible.o \
	src/fn/effective_severity.o \
	src/guard/guard_cache.o \
	src/guard/frames.o \
	src/guard/line_cache.o \
	src/guard/walk.o \
	src/guard/finding_log.o \
	src/guard/finding_log_exec.o \
	src/guard/reject.o \
	src/guard/pending.o \
	src/guard/attribution.o \
	src/guard/guard.o \
	src/guard/trigger.o \
	src/guard/trigger_statement.o

# Released install scripts are kept as they shipped (never edited); the
# current version's install script and the update step to it are built
# from sql/install/*.sql and sql/update/1.0--1.1/*.sql.
DATA		= sql/$(EXTENSION)--1.0.sql
DATA_built	= sql/$(EXTENSION)--$(EXTVERSION).sql sql/$(EXTENSION)--1.0--$(EXTVERSION).sql
INSTALL_SOURCES = $(sort $(wildcard sql/install/*.sql))
UPDATE_SOURCES = $(sort $(wildcard sql/update/1.0--$(EXTVERSION)/*.sql))

REGRESS = \
	00_install \
	01_catalogue \
	02_payment \
	03_loaders \
	10_muscles \
	11_muscles_parallel \
	12_muscles_notes \
	20_line_rules \
	21_day_rules \
	22_audit \
	23_no_note_data \
	24_payer_map \
	25_rule_setting \
	70_audit_patient \
	30_window \
	31_frequency \
	32_next_eligible \
	40_guard \
	41_guard_log \
	42_guard_line_cache \
	43_guard_walk \
	44_guard_edges \
	45_guard_conflict \
	50_views \
	51_reporting_role \
	60_read_837p \
	read_837p_third_party_2 \
	61_read_note \
	62_837p_audit \
	90_bad_input \
	93_scenarios \
	95_scenarios11 \
	96_scenarios12 \
	94_interface
REGRESS_OPTS = --load-extension=$(EXTENSION)

# Crash, replica and concurrency tests (t/*.pl, PostgreSQL::Test::Cluster;
# needs libipc-run-perl): run by `make installcheck` after pg_regress.
# initdb refuses root, so as root they are left out (make test runs them
# as postgres; test/devpg.sh check runs pg_regress only).
ifneq ($(shell id -u),0)
TAP_TESTS = 1
endif

ISOLATION = $(patsubst test/specs/%.spec,%,$(sort $(wildcard test/specs/*.spec)))
ISOLATION_OPTS = --inputdir=test --load-extension=$(EXTENSION)

PG_CPPFLAGS = -I$(srcdir)/src -I$(srcdir)/src/parse -I$(srcdir)/src/refdata \
	-I$(srcdir)/src/engine -I$(srcdir)/src/guard
PG_CFLAGS += -Wall -Wextra -Werror -Wno-unused-parameter \
	-Wno-sign-compare -Wno-missing-field-initializers

EXTRA_CLEAN = $(DATA_built) results/ regression.diffs regression.out \
	output_iso/ test/fuzz/*.fuzz test/unit/*.bin $(EXTENSION)-*.zip

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# PGXS knows no header dependencies: a changed header rebuilds every object
# (a struct that grew would otherwise be read with its old layout).
$(OBJS): $(wildcard src/*.h src/*/*.h) src/engine/rules.def

sql/$(EXTENSION)--$(EXTVERSION).sql: $(INSTALL_SOURCES) $(wildcard data/*.csv) src/engine/rules.def tools/gen_install.pl
	perl tools/gen_install.pl $@ $(INSTALL_SOURCES)

# An update fragment may "-- @include" an install source, so it depends on
# them all.
sql/$(EXTENSION)--1.0--$(EXTVERSION).sql: $(UPDATE_SOURCES) $(INSTALL_SOURCES) $(wildcard data/*.csv) src/engine/rules.def tools/gen_install.pl
	perl tools/gen_install.pl $@ $(UPDATE_SOURCES)

.PHONY: test demo demo-clean bench fuzz dist deb

# PGXN: the committed tree as $(EXTENSION)-<META.json version>.zip.
DISTVERSION = $(shell perl -MJSON::PP -0777 -ne 'print decode_json($$_)->{version}' META.json)
dist:
	perl tools/check_meta.pl META.json
	git archive --format=zip --prefix=$(EXTENSION)-$(DISTVERSION)/ \
		-o $(EXTENSION)-$(DISTVERSION).zip HEAD

# Debian: build postgresql-15-tpi-rules, dpkg -i it, installcheck against it.
deb:
	bash test/package.sh

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
