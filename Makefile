# jwtauth.h - build, test, install. Outputs go to build/.
#   make            library tests, examples, build/jwtauth
#   make test       every test (the README's test command; CI runs it)
#   make demo       the StarRocks scenario for user tom
#   make sanitize   the test suite under ASan + UBSan (clang)
#   make valgrind   the test suite under valgrind memcheck
#   make install    copy jwtauth.h under $(PREFIX)/include
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


.PHONY: all test test-variants check-bearssl check-test-deps clean install uninstall demo \
	cli-test sanitize valgrind

all: check-bearssl $(B)/test $(B)/jwtauth $(EXTRA_BINS)

# Missing packages are installed (as root, with apt-get) or named.
check-bearssl:
	@sh .ci/deps.sh
	@mkdir -p $(B)
	@printf '#include <bearssl.h>\nint main(void){return 0;}\n' > $(B)/probe.c
	@$(CC) $(BEARSSL_CFLAGS) -c $(B)/probe.c -o $(B)/probe.o 2>/dev/null || { \
	  echo "error: bearssl.h not found. Install BearSSL: apt-get install libbearssl-dev"; \
	  echo "       (or set BEARSSL_CFLAGS=-I/path/to/inc BEARSSL_LIBS='-L/path -lbearssl')"; \
	  exit 1; }

check-test-deps:
	@sh .ci/deps.sh --test

$(B)/test: $(TEST_DEPS)
	@mkdir -p $(B)
	$(CC) $(STD) $(WARN) $(CFLAGS) $(BEARSSL_CFLAGS) tests/test.c -o $@ $(BEARSSL_LIBS)

$(B)/jwtauth: examples/jwtauth_cli.c $(HDR)
	@mkdir -p $(B)
	$(CC) $(STD) $(WARN) $(CFLAGS) $(BEARSSL_CFLAGS) examples/jwtauth_cli.c -o $@ $(BEARSSL_LIBS)

# The same tests built the other ways a user may build the header.
$(B)/test-clang: $(TEST_DEPS)
	$(CLANG) $(STD) $(WARN) $(CFLAGS) $(BEARSSL_CFLAGS) tests/test.c -o $@ $(BEARSSL_LIBS)
$(B)/test-cxx: $(TEST_DEPS)
	$(CXX) -x c++ -std=c++11 $(WARN) $(CFLAGS) $(BEARSSL_CFLAGS) tests/test.c -o $@ $(BEARSSL_LIBS)
$(B)/test-static: $(TEST_DEPS)
	$(CC) $(STD) $(WARN) $(CFLAGS) -DJWTAUTH_STATIC -DJWTAUTH_OPTIMIZE_SIZE $(BEARSSL_CFLAGS) tests/test.c -o $@ $(BEARSSL_LIBS)
$(B)/test-twotu: $(TEST_DEPS)
	$(CC) $(STD) $(WARN) $(CFLAGS) -DTEST_SEPARATE_IMPL $(BEARSSL_CFLAGS) tests/test.c tests/impl.c -o $@ $(BEARSSL_LIBS)
# The ECDSA engine on 32-bit limbs (what a compiler without unsigned
# __int128 builds), and BearSSL's ECDSA alone (JWTAUTH_EC_BEARSSL).
$(B)/test-ec32: $(TEST_DEPS)
	$(CC) $(STD) $(WARN) $(CFLAGS) -DJWTAUTH_EC_32BIT $(BEARSSL_CFLAGS) tests/test.c -o $@ $(BEARSSL_LIBS)
$(B)/test-ecbearssl: $(TEST_DEPS)
	$(CC) $(STD) $(WARN) $(CFLAGS) -DJWTAUTH_EC_BEARSSL $(BEARSSL_CFLAGS) tests/test.c -o $@ $(BEARSSL_LIBS)
$(B)/test-nostdio: $(TEST_DEPS)
	$(CC) $(STD) $(WARN) $(CFLAGS) -DJWTAUTH_NO_STDIO -DJWTAUTH_NO_MALLOC -DJWTAUTH_NO_ERROR_STRINGS \
	  $(BEARSSL_CFLAGS) -c -x c $(HDR) -DJWTAUTH_IMPLEMENTATION -o $(B)/nostdio.o

VARIANTS = $(B)/test-clang $(B)/test-cxx $(B)/test-static $(B)/test-twotu $(B)/test-ec32 \
	$(B)/test-ecbearssl
test-variants: $(VARIANTS) $(B)/test-nostdio
	@for t in $(VARIANTS); do echo "== $$t"; $$t > $$t.log 2>&1 || { cat $$t.log; exit 1; }; tail -n 1 $$t.log; done

test: check-test-deps all test-variants
	$(B)/test
	sh tests/cli_test.sh
	python3 tests/wycheproof_cli.py
	@for t in $(EXTRA_TESTS); do $(MAKE) --no-print-directory $$t || exit 1; done

cli-test: all
	sh tests/cli_test.sh

demo: all
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

install:
	mkdir -p $(DESTDIR)$(PREFIX)/include
	cp $(HDR) $(DESTDIR)$(PREFIX)/include/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/include/$(HDR)
