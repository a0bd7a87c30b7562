# tests/coverage.mk - source-based coverage of jwtauth.h (included by the
# main Makefile). A report, not a test: not part of `make test`.
#   make coverage   builds the unit tests, the CLI and verify_token, and
#                   every fuzz harness with its replay driver, with clang's
#                   -fprofile-instr-generate -fcoverage-mapping; runs the
#                   unit tests, tests/cli_test.sh and every committed
#                   fuzz/corpus/*; prints llvm-cov's line, region and
#                   branch summary of jwtauth.h for all of it, then for the
#                   fuzz corpora alone. Annotated sources (uncovered
#                   regions marked) land in build/cov/*.txt.
# Tools: llvm-profdata and llvm-cov of clang's own version (Debian package
# llvm, installed by `.ci/deps.sh --test`).
LLVM_VERSION := $(shell $(CLANG) --version 2>/dev/null | sed -n 's/.*clang version \([0-9][0-9]*\).*/\1/p' | head -n 1)
LLVM_PROFDATA ?= $(firstword $(shell command -v llvm-profdata-$(LLVM_VERSION) llvm-profdata 2>/dev/null))
LLVM_COV ?= $(firstword $(shell command -v llvm-cov-$(LLVM_VERSION) llvm-cov 2>/dev/null))
COVB = $(B)/cov
COV_FLAGS = $(STD) -O1 -g -fprofile-instr-generate -fcoverage-mapping
COV_FUZZ = $(addprefix $(COVB)/replay_,$(FUZZ_TARGETS))
COV_CLI_CURL = $(if $(filter 1,$(HAVE_CURL)),-DJWTAUTH_CLI_CURL,)
COV_CLI_LIBS = $(if $(filter 1,$(HAVE_CURL)),-lcurl,)

.PHONY: coverage

# Every program is compiled from standard input: the profile name of a
# static function carries the name of the main source file, so this way
# jwtauth.h's static functions have one name in every program and their
# counters merge across programs. The harnesses' JWTAUTH_STATIC is dropped
# (a blank line keeps the line numbers) so that every program emits every
# API function: a function a program leaves out would appear there as a
# never-run copy that llvm-cov may take instead of the one that ran.
$(COVB)/test: $(TEST_DEPS)
	@mkdir -p $(COVB)
	$(CLANG) $(COV_FLAGS) -Itests $(BEARSSL_CFLAGS) -x c - -o $@ $(BEARSSL_LIBS) < tests/test.c
$(COVB)/jwtauth: examples/jwtauth_cli.c examples/fetch_curl.c $(HDR)
	@mkdir -p $(COVB)
	$(CLANG) $(COV_FLAGS) $(COV_CLI_CURL) -Iexamples $(BEARSSL_CFLAGS) -x c - -o $@ \
	  $(BEARSSL_LIBS) $(COV_CLI_LIBS) < examples/jwtauth_cli.c
$(COVB)/verify_token: examples/verify_token.c $(HDR)
	@mkdir -p $(COVB)
	$(CLANG) $(COV_FLAGS) -Iexamples $(BEARSSL_CFLAGS) -x c - -o $@ $(BEARSSL_LIBS) \
	  < examples/verify_token.c
$(COVB)/replay_%: fuzz/fuzz_%.c fuzz/fuzz_main.c $(HDR)
	@mkdir -p $(COVB)
	sed 's/^#define JWTAUTH_STATIC$$//' $< | $(CLANG) $(COV_FLAGS) -Ifuzz $(BEARSSL_CFLAGS) \
	  -x c - fuzz/fuzz_main.c -o $@ $(BEARSSL_LIBS)

# Test failures do not stop the report (what ran is counted) but fail the
# target at the end.
coverage: $(COVB)/test $(COVB)/jwtauth $(COVB)/verify_token $(COV_FUZZ)
	@test -n "$(LLVM_PROFDATA)" && test -n "$(LLVM_COV)" || { \
	  echo "coverage: llvm-profdata / llvm-cov not found (install: sh .ci/deps.sh --test)"; exit 1; }
	@rm -rf $(COVB)/raw && mkdir -p $(COVB)/raw/all $(COVB)/raw/fuzz
	@st=0; \
	echo "== unit tests"; \
	LLVM_PROFILE_FILE=$(COVB)/raw/all/unit-%p.profraw $(COVB)/test > $(COVB)/unit.log 2>&1 || st=1; \
	tail -n 1 $(COVB)/unit.log; \
	echo "== CLI tests"; \
	LLVM_PROFILE_FILE=$(COVB)/raw/all/cli-%4m.profraw JWTAUTH_BIN=$(COVB)/jwtauth \
	  JWTAUTH_VERIFY_TOKEN_BIN=$(COVB)/verify_token sh tests/cli_test.sh > $(COVB)/cli.log 2>&1 || st=1; \
	tail -n 1 $(COVB)/cli.log; \
	echo "== fuzz corpora"; \
	for t in $(FUZZ_TARGETS); do \
	  LLVM_PROFILE_FILE=$(COVB)/raw/fuzz/$$t-%p.profraw $(COVB)/replay_$$t fuzz/corpus/$$t \
	    > $(COVB)/replay_$$t.log 2>&1 || { st=1; echo "FAIL fuzz_$$t"; }; \
	  tail -n 1 $(COVB)/replay_$$t.log; \
	done; \
	$(LLVM_PROFDATA) merge -sparse $(COVB)/raw/all/*.profraw $(COVB)/raw/fuzz/*.profraw \
	  -o $(COVB)/all.profdata || exit 1; \
	$(LLVM_PROFDATA) merge -sparse $(COVB)/raw/fuzz/*.profraw -o $(COVB)/fuzz.profdata || exit 1; \
	objs="$(COVB)/test -object $(COVB)/jwtauth -object $(COVB)/verify_token"; \
	for t in $(FUZZ_TARGETS); do objs="$$objs -object $(COVB)/replay_$$t"; done; \
	fobjs=""; for t in $(FUZZ_TARGETS); do \
	  fobjs="$$fobjs$${fobjs:+ -object }$(COVB)/replay_$$t"; done; \
	echo; echo "== jwtauth.h: unit tests + CLI tests + fuzz corpora"; \
	$(LLVM_COV) report $$objs -instr-profile=$(COVB)/all.profdata $(HDR) 2>/dev/null || exit 1; \
	echo; echo "== jwtauth.h: fuzz corpora only"; \
	$(LLVM_COV) report $$fobjs -instr-profile=$(COVB)/fuzz.profdata $(HDR) 2>/dev/null || exit 1; \
	$(LLVM_COV) show $$objs -instr-profile=$(COVB)/all.profdata -show-branches=count \
	  $(HDR) > $(COVB)/jwtauth.h.all.txt 2>/dev/null; \
	$(LLVM_COV) show $$fobjs -instr-profile=$(COVB)/fuzz.profdata -show-branches=count \
	  $(HDR) > $(COVB)/jwtauth.h.fuzz.txt 2>/dev/null; \
	echo; echo "annotated: $(COVB)/jwtauth.h.all.txt, $(COVB)/jwtauth.h.fuzz.txt"; \
	test $$st -eq 0 || { echo "coverage: some tests FAILED (see $(COVB)/*.log)"; exit 1; }
