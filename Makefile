# jwtauth.h - build, test, install. Outputs go to build/.
CC ?= cc
CXX ?= c++
BEARSSL_CFLAGS ?=
BEARSSL_LIBS ?= -lbearssl
WARN = -Wall -Wextra -Wpedantic -Werror
CFLAGS ?= -O2 -g
STD = -std=c99
PREFIX ?= /usr/local
DESTDIR ?=

B = build
HDR = jwtauth.h
TEST_SRC = tests/test.c $(wildcard tests/t_*.c) tests/testlib.h

.PHONY: all test clean install uninstall check-bearssl

all: check-bearssl $(B)/test $(B)/jwtauth

check-bearssl:
	@printf '#include <bearssl.h>\nint main(void){return 0;}\n' > $(B).probe.c 2>/dev/null || true
	@mkdir -p $(B)
	@printf '#include <bearssl.h>\nint main(void){return 0;}\n' > $(B)/probe.c
	@$(CC) $(BEARSSL_CFLAGS) -c $(B)/probe.c -o $(B)/probe.o 2>/dev/null || { \
	  echo "error: bearssl.h not found. Install BearSSL: apt-get install libbearssl-dev"; \
	  echo "       (or set BEARSSL_CFLAGS=-I/path/to/bearssl/inc BEARSSL_LIBS='-L... -lbearssl')"; \
	  rm -f $(B).probe.c; exit 1; }
	@rm -f $(B).probe.c

$(B)/test: $(TEST_SRC) $(HDR) wip/*.inc
	@mkdir -p $(B)
	$(CC) $(STD) $(WARN) $(CFLAGS) $(BEARSSL_CFLAGS) tests/test.c -o $@ $(BEARSSL_LIBS)

$(B)/jwtauth: examples/jwtauth_cli.c $(HDR) wip/*.inc
	@mkdir -p $(B)
	$(CC) $(STD) $(WARN) $(CFLAGS) $(BEARSSL_CFLAGS) examples/jwtauth_cli.c -o $@ $(BEARSSL_LIBS)

test: all
	$(B)/test
	sh tests/cli_test.sh

clean:
	rm -rf $(B)

install:
	mkdir -p $(DESTDIR)$(PREFIX)/include
	cp $(HDR) $(DESTDIR)$(PREFIX)/include/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/include/$(HDR)

.PHONY: demo cli-test
demo: all
	sh examples/demo.sh

cli-test: all
	sh tests/cli_test.sh
