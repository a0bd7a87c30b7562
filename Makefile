# jwtauth.h - build, test, install. Outputs go to build/.
#   make            build: unit-test runner, build/jwtauth (CLI), examples
#   make test       every test, ending with one "N passed, M failed" line
#                   (installs missing Debian packages first, as root)
#   make demo       the StarRocks scenario for user tom (builds only the CLI)
#   make deps       install what `make test` needs (Debian, as root)
#   make sanitize   the unit tests under ASan + UBSan (clang)
#   make valgrind   the unit tests under valgrind memcheck
#   make coverage   line/region/branch coverage of jwtauth.h (a report)
#   make install    header, pkg-config file, CMake package and CLI under
#                   $(DESTDIR)$(PREFIX)
# Plain builds never install packages: when BearSSL is missing they say
# what to install. BEARSSL_CFLAGS / BEARSSL_LIBS point at another BearSSL.
CC ?= cc
CXX ?= c++
CLANG ?= clang
CLANGXX ?= clang++
BEARSSL_CFLAGS ?=
BEARSSL_LIBS ?= -lbearssl
CFLAGS ?= -O2 -g
WARN = -Wall -Wextra -Wpedantic -Werror
STD = -std=c99
PREFIX ?= /usr/local
DESTDIR ?=
LIBDIR ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
BINDIR ?= $(PREFIX)/bin
VERSION = $(shell sed -n 's/^\#define JWTAUTH_VERSION_STRING "\(.*\)"/\1/p' jwtauth.h)

B = build
HDR = jwtauth.h
TEST_DEPS = tests/test.c tests/impl.c tests/testlib.h tests/scan_alloc.h $(wildcard tests/t_*.c) $(HDR)

# The default goal, before the fragments can define a first rule.
all:

# Fragments add binaries to EXTRA_BINS and test targets to EXTRA_TESTS.
EXTRA_BINS =
EXTRA_TESTS =
-include fuzz/fuzz.mk
-include bench/bench.mk
-include examples/mysql.mk
-include examples/sources.mk
-include examples/embedded/embedded.mk
-include tests/cross.mk
-include examples/mariadb/mariadb.mk
-include tests/coverage.mk


.PHONY: all test deps check-bearssl clean install uninstall demo cli-test \
	sanitize valgrind unit wycheproof-cli demo-test bearssl-prefix-test

all: check-bearssl $(B)/test $(B)/jwtauth $(B)/verify_token $(EXTRA_BINS)

# A probe with the caller's BEARSSL_CFLAGS / BEARSSL_LIBS: compiles and links.
# Nothing is installed here; `make deps` (or the README's commands) does.
check-bearssl:
	@mkdir -p $(B)
	@printf '#include <bearssl.h>\nint main(void){br_sha256_context c; br_sha256_init(&c); return 0;}\n' > $(B)/probe.c
	@$(CC) $(BEARSSL_CFLAGS) $(B)/probe.c -o $(B)/probe $(BEARSSL_LIBS) 2>/dev/null || { \
	  echo "error: BearSSL not found (bearssl.h and -lbearssl)."; \
	  echo "       install it with: apt-get install libbearssl-dev   (or: make deps, as root)"; \
	  echo "       or point at another build: make BEARSSL_CFLAGS=-I/path/inc BEARSSL_LIBS='-L/path/lib -lbearssl'"; \
	  exit 1; }

deps:
	sh .ci/deps.sh --test

$(B)/test: $(TEST_DEPS)
	@mkdir -p $(B)
	$(CC) $(STD) $(WARN) $(CFLAGS) $(BEARSSL_CFLAGS) tests/test.c -o $@ $(BEARSSL_LIBS)

$(B)/jwtauth: examples/jwtauth_cli.c $(HDR)
	@mkdir -p $(B)
	$(CC) $(STD) $(WARN) $(CFLAGS) $(DEFS_EXTRA) $(BEARSSL_CFLAGS) examples/jwtauth_cli.c -o $@ $(BEARSSL_LIBS) $(LDLIBS_EXTRA)

$(B)/verify_token: examples/verify_token.c $(HDR)
	@mkdir -p $(B)
	$(CC) $(STD) $(WARN) $(CFLAGS) $(BEARSSL_CFLAGS) examples/verify_token.c -o $@ $(BEARSSL_LIBS)

# The same tests built the other ways a user may build the header.
$(B)/test-clang: $(TEST_DEPS)
	@mkdir -p $(B)
	$(CLANG) $(STD) $(WARN) $(CFLAGS) $(BEARSSL_CFLAGS) tests/test.c -o $@ $(BEARSSL_LIBS)
$(B)/test-cxx: $(TEST_DEPS)
	@mkdir -p $(B)
	$(CXX) -x c++ -std=c++11 $(WARN) $(CFLAGS) $(BEARSSL_CFLAGS) tests/test.c -o $@ $(BEARSSL_LIBS)
$(B)/test-static: $(TEST_DEPS)
	@mkdir -p $(B)
	$(CC) $(STD) $(WARN) $(CFLAGS) -DJWTAUTH_STATIC -DJWTAUTH_OPTIMIZE_SIZE $(BEARSSL_CFLAGS) tests/test.c -o $@ $(BEARSSL_LIBS)
$(B)/test-twotu: $(TEST_DEPS)
	@mkdir -p $(B)
	$(CC) $(STD) $(WARN) $(CFLAGS) -DTEST_SEPARATE_IMPL $(BEARSSL_CFLAGS) tests/test.c tests/impl.c -o $@ $(BEARSSL_LIBS)
# The embedded configuration: no stdio, no heap, no error strings, and the
# small profile's limits (examples/embedded/small_profile.h), except the
# key-set ones, which the vendored provider key sets and Wycheproof vectors
# need at their defaults (`make embedded` runs the small key-set limits).
EMBEDDED_TEST_FLAGS = -DJWTAUTH_NO_STDIO -DJWTAUTH_NO_MALLOC -DJWTAUTH_NO_ERROR_STRINGS \
	-DJWTAUTH_MAX_KEYS=32 -DJWTAUTH_MAX_RSA_BITS=4096 -DJWTAUTH_MAX_JWKS_TOKENS=1024 \
	-DJWTAUTH_MAX_HMAC_KEY_LEN=512 -include examples/embedded/small_profile.h
$(B)/test-embedded: $(TEST_DEPS) examples/embedded/small_profile.h
	@mkdir -p $(B)
	$(CC) $(STD) $(WARN) $(CFLAGS) $(EMBEDDED_TEST_FLAGS) $(BEARSSL_CFLAGS) tests/test.c -o $@ $(BEARSSL_LIBS)
# The RSA public operation with 32-bit limbs (the path of compilers without
# a 128-bit type), and BearSSL's RSA engines only.
$(B)/test-limb32: $(TEST_DEPS)
	@mkdir -p $(B)
	$(CC) $(STD) $(WARN) $(CFLAGS) -DJWTAUTH_RSA_LIMB32 $(BEARSSL_CFLAGS) tests/test.c -o $@ $(BEARSSL_LIBS)
$(B)/test-rsa-bearssl: $(TEST_DEPS)
	@mkdir -p $(B)
	$(CC) $(STD) $(WARN) $(CFLAGS) -DJWTAUTH_RSA_BEARSSL $(BEARSSL_CFLAGS) tests/test.c -o $@ $(BEARSSL_LIBS)
# Ed25519 on the 32-bit field code (the default on x86-64 is 51-bit limbs).
$(B)/test-ed32: $(TEST_DEPS)
	@mkdir -p $(B)
	$(CC) $(STD) $(WARN) $(CFLAGS) -DJWTAUTH_ED25519_32BIT $(BEARSSL_CFLAGS) tests/test.c -o $@ $(BEARSSL_LIBS)
# The ECDSA engine on 32-bit limbs (what a compiler without unsigned
# __int128 builds), and BearSSL's ECDSA alone (JWTAUTH_EC_BEARSSL).
$(B)/test-ec32: $(TEST_DEPS)
	@mkdir -p $(B)
	$(CC) $(STD) $(WARN) $(CFLAGS) -DJWTAUTH_EC_32BIT $(BEARSSL_CFLAGS) tests/test.c -o $@ $(BEARSSL_LIBS)
$(B)/test-ecbearssl: $(TEST_DEPS)
	@mkdir -p $(B)
	$(CC) $(STD) $(WARN) $(CFLAGS) -DJWTAUTH_EC_BEARSSL $(BEARSSL_CFLAGS) tests/test.c -o $@ $(BEARSSL_LIBS)
# Algorithms left out at compile time (docs/embedded.md): RS256 only, ES256
# only (the library's ECDSA engine, P-256 parts only), HS256 only. Groups
# that need other algorithms are compiled out (tests/test.c); t_algsel.c
# checks the refusals and the algorithms left in. The same sets are the
# firmware builds of `make embedded`.
ALGS_RS256 = -DJWTAUTH_NO_HMAC -DJWTAUTH_NO_RSA_PSS -DJWTAUTH_NO_ECDSA -DJWTAUTH_NO_EDDSA \
	-DJWTAUTH_NO_SHA384 -DJWTAUTH_NO_SHA512
ALGS_ES256 = -DJWTAUTH_NO_HMAC -DJWTAUTH_NO_RSA -DJWTAUTH_NO_ECDSA_P384 -DJWTAUTH_NO_ECDSA_P521 \
	-DJWTAUTH_NO_EDDSA -DJWTAUTH_NO_SHA384 -DJWTAUTH_NO_SHA512
ALGS_HS256 = -DJWTAUTH_NO_RSA -DJWTAUTH_NO_ECDSA -DJWTAUTH_NO_EDDSA -DJWTAUTH_NO_SHA384 \
	-DJWTAUTH_NO_SHA512
$(B)/test-rs256: $(TEST_DEPS)
	@mkdir -p $(B)
	$(CC) $(STD) $(WARN) $(CFLAGS) $(ALGS_RS256) $(BEARSSL_CFLAGS) tests/test.c -o $@ $(BEARSSL_LIBS)
$(B)/test-es256: $(TEST_DEPS)
	@mkdir -p $(B)
	$(CC) $(STD) $(WARN) $(CFLAGS) $(ALGS_ES256) $(BEARSSL_CFLAGS) tests/test.c -o $@ $(BEARSSL_LIBS)
$(B)/test-hs256: $(TEST_DEPS)
	@mkdir -p $(B)
	$(CC) $(STD) $(WARN) $(CFLAGS) $(ALGS_HS256) $(BEARSSL_CFLAGS) tests/test.c -o $@ $(BEARSSL_LIBS)
# The PEM, DER and X.509 key readers left out (JWTAUTH_NO_PEM): every group
# runs but the tests that read PEM (listed in tests/test.c, not counted);
# t_nopem.c checks the refusals and that JWKS keys still verify.
# compile-nopem builds the header with the switch beside the others, with
# gcc, clang and C++ (warnings are errors).
$(B)/test-nopem: $(TEST_DEPS)
	@mkdir -p $(B)
	$(CC) $(STD) $(WARN) $(CFLAGS) -DJWTAUTH_NO_PEM $(BEARSSL_CFLAGS) tests/test.c -o $@ $(BEARSSL_LIBS)
NOPEM_SETS = "$(ALGS_RS256)" "$(ALGS_ES256)" "$(ALGS_HS256)" \
	"-DJWTAUTH_NO_STDIO -DJWTAUTH_NO_MALLOC -DJWTAUTH_NO_ERROR_STRINGS -DJWTAUTH_STATIC" \
	"-DJWTAUTH_RSA_BEARSSL -DJWTAUTH_EC_BEARSSL -DJWTAUTH_OPTIMIZE_SIZE"
.PHONY: compile-nopem
compile-nopem: $(HDR)
	@mkdir -p $(B)
	@n=0; for flags in $(NOPEM_SETS); do \
	  for cc in "$(CC) $(STD) -x c" "$(CLANG) $(STD) -x c" "$(CXX) -std=c++11 -x c++"; do \
	    echo "$$cc -DJWTAUTH_NO_PEM $$flags"; \
	    $$cc $(WARN) $(CFLAGS) -DJWTAUTH_NO_PEM $$flags $(BEARSSL_CFLAGS) -DJWTAUTH_IMPLEMENTATION \
	      -c $(HDR) -o $(B)/test-nopem.o || exit 1; n=$$((n + 1)); \
	  done; \
	done; echo "compile-nopem: $$n passed, 0 failed"
# Every message text compiled out: the tests that read messages relax.
$(B)/test-nostrings: $(TEST_DEPS)
	@mkdir -p $(B)
	$(CC) $(STD) $(WARN) $(CFLAGS) -DJWTAUTH_NO_ERROR_STRINGS $(BEARSSL_CFLAGS) tests/test.c -o $@ $(BEARSSL_LIBS)
$(B)/test-nostdio.o: $(HDR)
	@mkdir -p $(B)
	$(CC) $(STD) $(WARN) $(CFLAGS) -DJWTAUTH_NO_STDIO -DJWTAUTH_NO_MALLOC -DJWTAUTH_NO_ERROR_STRINGS \
	  $(BEARSSL_CFLAGS) -c -x c $(HDR) -DJWTAUTH_IMPLEMENTATION -o $@

# Every unit-runner build is one test step (run-NAME runs build/NAME).
VARIANTS = $(B)/test-clang $(B)/test-cxx $(B)/test-static $(B)/test-twotu $(B)/test-nostrings \
	$(B)/test-embedded $(B)/test-limb32 $(B)/test-rsa-bearssl $(B)/test-ed32 \
	$(B)/test-ec32 $(B)/test-ecbearssl $(B)/test-rs256 $(B)/test-es256 $(B)/test-hs256 \
	$(B)/test-nopem
run-%: $(B)/%
	$(B)/$*
compile-nostdio: $(B)/test-nostdio.o
	@echo "compile-nostdio: 1 passed, 0 failed"

# The steps of `make test`, in order; each prints its own result line and
# tests/run_all.sh adds them up into the closing line.
TEST_STEPS = run-test $(addprefix run-,$(notdir $(VARIANTS))) compile-nostdio compile-nopem \
	cli-test wycheproof-cli demo-test $(EXTRA_TESTS) \
	cross-test-s390x cross-test-armhf embedded

test: deps
	@sh tests/run_all.sh $(TEST_STEPS)

unit: $(B)/test
	$(B)/test

cli-test: $(B)/jwtauth $(B)/verify_token
	sh tests/cli_test.sh

wycheproof-cli: $(B)/jwtauth
	python3 tests/wycheproof_cli.py

demo-test: $(B)/jwtauth
	sh examples/demo.sh

# The demo needs only the CLI (and BearSSL, installed when missing as root).
demo:
	@sh .ci/deps.sh
	@$(MAKE) --no-print-directory check-bearssl $(B)/jwtauth
	sh examples/demo.sh

sanitize:
	@mkdir -p $(B)
	$(CLANG) $(STD) $(WARN) -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all \
	  -fno-omit-frame-pointer $(BEARSSL_CFLAGS) tests/test.c -o $(B)/test-asan $(BEARSSL_LIBS)
	$(B)/test-asan

valgrind: $(B)/test
	valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=all $(B)/test

clean:
	rm -rf $(B)

# ---------------------------------------------------------------- install
# The header, a pkg-config file, a CMake package (target jwtauth::jwtauth)
# and the CLI. Paths in the installed files are relative where the format
# allows, so a DESTDIR tree can be moved.
$(B)/jwtauth.pc: packaging/jwtauth.pc.in $(HDR)
	@mkdir -p $(B)
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|g' \
	  -e 's|@LIBDIR@|$(LIBDIR)|g' -e 's|@VERSION@|$(VERSION)|g' packaging/jwtauth.pc.in > $@
$(B)/jwtauthConfigVersion.cmake: packaging/jwtauthConfigVersion.cmake.in $(HDR)
	@mkdir -p $(B)
	sed -e 's|@VERSION@|$(VERSION)|g' packaging/jwtauthConfigVersion.cmake.in > $@

install: $(B)/jwtauth $(B)/jwtauth.pc $(B)/jwtauthConfigVersion.cmake
	mkdir -p $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(LIBDIR)/pkgconfig \
	  $(DESTDIR)$(LIBDIR)/cmake/jwtauth $(DESTDIR)$(BINDIR)
	cp $(HDR) $(DESTDIR)$(INCLUDEDIR)/
	cp $(B)/jwtauth.pc $(DESTDIR)$(LIBDIR)/pkgconfig/
	cp packaging/jwtauthConfig.cmake $(B)/jwtauthConfigVersion.cmake $(DESTDIR)$(LIBDIR)/cmake/jwtauth/
	cp $(B)/jwtauth $(DESTDIR)$(BINDIR)/

uninstall:
	rm -f $(DESTDIR)$(INCLUDEDIR)/$(HDR) $(DESTDIR)$(LIBDIR)/pkgconfig/jwtauth.pc \
	  $(DESTDIR)$(LIBDIR)/cmake/jwtauth/jwtauthConfig.cmake \
	  $(DESTDIR)$(LIBDIR)/cmake/jwtauth/jwtauthConfigVersion.cmake $(DESTDIR)$(BINDIR)/jwtauth
	-rmdir $(DESTDIR)$(LIBDIR)/cmake/jwtauth

# Three consumers of an installed (or the source) tree, a BearSSL found
# under another prefix, and every C snippet of the docs.
consumers: $(B)/jwtauth
	sh tests/consumers.sh
doc-test:
	sh tests/doc_test.sh
EXTRA_TESTS += consumers doc-test
