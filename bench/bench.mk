# bench.mk - `make bench` (timing, never a test) and `make alloc-test`
# (the zero-allocation proof, a test). -include'd by the Makefile.

# The comparisons are built when their libraries are there: OpenSSL 3
# (EVP_DigestVerify, EVP_MAC) and libjwt (its PEM keys are written with
# OpenSSL, so it needs both). `make bench` first runs .ci/deps.sh --bench
# (installs them as root, else names them); a missing one prints its
# columns as na and says why. Recursive (=): probes run only for bench.
BENCH_OPENSSL = $(shell printf '\043include <openssl/evp.h>\nint main(void){return EVP_MD_fetch(0, "SHA256", 0) == 0;}\n' \
	| $(CC) -x c - -o /dev/null -lcrypto >/dev/null 2>&1 && echo 1)
BENCH_LIBJWT = $(if $(BENCH_OPENSSL),$(shell printf '\043include <jwt.h>\nint main(void){return 0;}\n' \
	| $(CC) -x c - -o /dev/null -ljwt >/dev/null 2>&1 && echo 1))
BENCH_DEFS = $(if $(BENCH_OPENSSL),-DBENCH_OPENSSL) $(if $(BENCH_LIBJWT),-DBENCH_LIBJWT)
BENCH_LIBS = $(if $(BENCH_LIBJWT),-ljwt) $(if $(BENCH_OPENSSL),-lcrypto)

.PHONY: bench alloc-test FORCE
FORCE:

# The detected options, rewritten only when they change (so that the
# program is rebuilt after .ci/deps.sh --bench installs something).
$(B)/bench.opts: FORCE
	@mkdir -p $(B)
	@echo '$(BENCH_DEFS)' > $@.new; cmp -s $@.new $@ || mv $@.new $@; rm -f $@.new

$(B)/bench: bench/bench.c $(HDR) $(B)/bench.opts
	@mkdir -p $(B)
	$(CC) $(STD) $(WARN) -O2 $(BEARSSL_CFLAGS) $(BENCH_DEFS) \
	  bench/bench.c -o $@ $(BEARSSL_LIBS) $(BENCH_LIBS) -pthread

bench:
	@sh .ci/deps.sh --bench || echo "bench: continuing without them (their columns print na)"
	@$(MAKE) --no-print-directory $(B)/bench
	@echo "== -Os code size of the implementation (one TU, JWTAUTH_IMPLEMENTATION)"
	@$(CC) $(STD) $(WARN) -Os $(BEARSSL_CFLAGS) -DJWTAUTH_IMPLEMENTATION -x c -c $(HDR) -o $(B)/jwtauth-Os.o
	@$(CC) $(STD) $(WARN) -Os $(BEARSSL_CFLAGS) -DJWTAUTH_IMPLEMENTATION -DJWTAUTH_NO_STDIO \
	  -DJWTAUTH_NO_MALLOC -DJWTAUTH_NO_ERROR_STRINGS -DJWTAUTH_OPTIMIZE_SIZE -x c -c $(HDR) -o $(B)/jwtauth-Os-min.o
	@size $(B)/jwtauth-Os.o $(B)/jwtauth-Os-min.o
	@echo "== largest stack frames (gcc -O2 -fstack-usage, static per function)"
	@$(CC) $(STD) -O2 -fstack-usage $(BEARSSL_CFLAGS) -DJWTAUTH_IMPLEMENTATION -x c -c $(HDR) \
	  -o $(B)/jwtauth-su.o
	@sort -k2,2nr $(B)/jwtauth-su.su | head -n 8 | sed 's/^[^:]*:[0-9]*:[0-9]*://'
	$(B)/bench

# Zero heap allocations per verification / authentication.
# alloc_count: JWTAUTH_MALLOC/FREE counting hooks + malloc/calloc/realloc/
# free interposed in the program itself; asserts 0 over 1,000 calls.
# alloc_valgrind: the same loop without interposition, run under valgrind
# with 1 and 1,000 iterations: the heap summaries must be identical.
$(B)/alloc_count: tests/alloc_count.c $(HDR)
	@mkdir -p $(B)
	$(CC) $(STD) $(WARN) -O2 -g $(BEARSSL_CFLAGS) tests/alloc_count.c -o $@ $(BEARSSL_LIBS)

$(B)/alloc_plain: tests/alloc_count.c $(HDR)
	@mkdir -p $(B)
	$(CC) $(STD) $(WARN) -O2 -g -DALLOC_NO_INTERPOSE $(BEARSSL_CFLAGS) tests/alloc_count.c \
	  -o $@ $(BEARSSL_LIBS)

alloc-test: $(B)/alloc_count $(B)/alloc_plain
	$(B)/alloc_count 1000
	sh tests/alloc_valgrind.sh $(B)/alloc_plain

EXTRA_TESTS += alloc-test
