# fuzz/fuzz.mk - fuzzing targets (included by the main Makefile).
#   make fuzz [FUZZ_SECONDS=60]   every harness under libFuzzer + ASan + UBSan
#   make fuzz-smoke               the same, 30 s each (CI)
#   make fuzz-replay              replay the committed corpora without
#                                 libFuzzer (a regression test, in make test)
#   make ctgrind                  constant-time check of the HMAC path
#   make fuzz-campaign CAMPAIGN=ec_muladd CAMPAIGN_CURVE=2 CAMPAIGN_RUNS=10000000 CAMPAIGN_JOBS=32
#                                 a long differential campaign (below)
FUZZ_TARGETS = json json_diff b64url jwks verify config mysql_auth rsa_diff ec_muladd ecdsa_verify login
FUZZ_SECONDS ?= 60
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
REPLAY_SAN := $(shell printf 'int main(void){return 0;}' | $(CC) -x c -fsanitize=address,undefined \
	-o /dev/null - >/dev/null 2>&1 && echo -fsanitize=address,undefined -fno-sanitize-recover=all)

EXTRA_TESTS += fuzz-replay ctgrind worst-case
.PHONY: fuzz fuzz-smoke fuzz-replay ctgrind

$(B)/fuzz/fuzz_%: fuzz/fuzz_%.c fuzz/fuzz_ec.h $(HDR)
	@mkdir -p $(B)/fuzz
	$(CLANG) $(STD) $(WARN) $(FUZZ_FLAGS) $(BEARSSL_CFLAGS) $< -o $@ $(BEARSSL_LIBS)

$(B)/fuzz/replay_%: fuzz/fuzz_%.c fuzz/fuzz_main.c fuzz/fuzz_ec.h $(HDR)
	@mkdir -p $(B)/fuzz
	$(CC) $(STD) $(WARN) -O1 -g $(REPLAY_SAN) $(BEARSSL_CFLAGS) $< fuzz/fuzz_main.c -o $@ $(BEARSSL_LIBS)

# Each harness runs on a scratch copy of its corpus, so new inputs do not
# land in the repository unless copied there on purpose.
fuzz: $(addprefix $(B)/fuzz/fuzz_,$(FUZZ_TARGETS))
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(B)/fuzz-corpus/$$t; cp fuzz/corpus/$$t/* $(B)/fuzz-corpus/$$t/; \
	  echo "== fuzz_$$t for $(FUZZ_SECONDS) s"; \
	  if $(B)/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -dict=fuzz/$$t.dict \
	    -max_len=16384 -artifact_prefix=$(B)/fuzz/crash-$$t- -print_final_stats=1 \
	    $(B)/fuzz-corpus/$$t > $(B)/fuzz/fuzz_$$t.log 2>&1; then \
	    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" $(B)/fuzz/fuzz_$$t.log; \
	  else tail -n 40 $(B)/fuzz/fuzz_$$t.log; echo "fuzz_$$t: FAILED (inputs in $(B)/fuzz)"; exit 1; fi; \
	done

fuzz-smoke:
	$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=30

fuzz-replay: $(addprefix $(B)/fuzz/replay_,$(FUZZ_TARGETS))
	@pass=0; fail=0; for t in $(FUZZ_TARGETS); do \
	  if $(B)/fuzz/replay_$$t fuzz/corpus/$$t > $(B)/fuzz/replay_$$t.log 2>&1; then \
	    pass=$$((pass+1)); tail -n 1 $(B)/fuzz/replay_$$t.log; \
	  else fail=$$((fail+1)); echo "FAIL fuzz_$$t:"; tail -n 20 $(B)/fuzz/replay_$$t.log; fi; \
	done; echo "fuzz-replay: $$pass passed, $$fail failed"; test $$fail -eq 0

# Built with its own flags whatever CFLAGS say (sanitizers would hide the
# code from valgrind), once with $(CC) and once with clang: each compiler
# must leave the HMAC path branch-free and keep the negative controls.
$(B)/ctgrind: tests/ctgrind.c $(HDR)
	@mkdir -p $(B)
	$(CC) $(STD) $(WARN) -O1 -g $(BEARSSL_CFLAGS) $< -o $@ $(BEARSSL_LIBS)
$(B)/ctgrind-clang: tests/ctgrind.c $(HDR)
	@mkdir -p $(B)
	$(CLANG) $(STD) $(WARN) -O2 -g $(BEARSSL_CFLAGS) $< -o $@ $(BEARSSL_LIBS)

ctgrind: $(B)/ctgrind $(B)/ctgrind-clang
	sh tests/ctgrind.sh $(B)/ctgrind $(B)/ctgrind-clang

# The most work one token can cost (a measurement, not a test).
.PHONY: worst-case
$(B)/worst_case: tests/worst_case.c $(HDR)
	@mkdir -p $(B)
	$(CC) $(STD) $(WARN) -O2 -pthread $(BEARSSL_CFLAGS) $< -o $@ $(BEARSSL_LIBS)
worst-case: $(B)/worst_case
	$(B)/worst_case

# Ed25519 against OpenSSL's verifier (fuzz/fuzz_eddsa_openssl.c). It links
# libcrypto, so it is not in FUZZ_TARGETS; `make test` replays its corpus.
#   make fuzz-eddsa [FUZZ_RUNS=10000000]
FUZZ_RUNS ?= 1000000
EXTRA_TESTS += fuzz-replay-eddsa
.PHONY: fuzz-eddsa fuzz-replay-eddsa

$(B)/fuzz/fuzz_eddsa_openssl: fuzz/fuzz_eddsa_openssl.c $(HDR)
	@mkdir -p $(B)/fuzz
	$(CLANG) $(STD) $(WARN) $(FUZZ_FLAGS) $(BEARSSL_CFLAGS) $< -o $@ $(BEARSSL_LIBS) -lcrypto

$(B)/fuzz/replay_eddsa_openssl: fuzz/fuzz_eddsa_openssl.c fuzz/fuzz_main.c $(HDR)
	@mkdir -p $(B)/fuzz
	$(CC) $(STD) $(WARN) -O1 -g $(REPLAY_SAN) $(BEARSSL_CFLAGS) $< fuzz/fuzz_main.c -o $@ \
	  $(BEARSSL_LIBS) -lcrypto

fuzz-eddsa: $(B)/fuzz/fuzz_eddsa_openssl
	@mkdir -p $(B)/fuzz-corpus/eddsa_openssl
	@cp fuzz/corpus/eddsa_openssl/* $(B)/fuzz-corpus/eddsa_openssl/
	$(B)/fuzz/fuzz_eddsa_openssl -runs=$(FUZZ_RUNS) -max_len=4130 \
	  -artifact_prefix=$(B)/fuzz/crash-eddsa_openssl- -print_final_stats=1 \
	  $(B)/fuzz-corpus/eddsa_openssl

fuzz-replay-eddsa: $(B)/fuzz/replay_eddsa_openssl
	@$(B)/fuzz/replay_eddsa_openssl fuzz/corpus/eddsa_openssl > $(B)/fuzz/replay_eddsa_openssl.log 2>&1 \
	  || { tail -n 20 $(B)/fuzz/replay_eddsa_openssl.log; exit 1; }
	@tail -n 1 $(B)/fuzz/replay_eddsa_openssl.log

# Long differential campaigns (docs/fuzzing.md, "Differential campaigns"):
# one of the harnesses that compare the library's arithmetic with
# BearSSL's, built without ASan (the oracle's constant-time arithmetic
# dominates, and the memory checks run in `make fuzz`), optionally pinned
# to one curve (0 P-256, 1 P-384, 2 P-521), spread over CAMPAIGN_JOBS
# processes by fuzz/campaign.sh. CAMPAIGN_DEFS adds defines, e.g.
# -DJWTAUTH_RSA_LIMB32 for the 32-bit limb arithmetic.
CAMPAIGN ?= rsa_diff
CAMPAIGN_CURVE ?=
CAMPAIGN_RUNS ?= 10000000
CAMPAIGN_JOBS ?= $(shell nproc 2>/dev/null || echo 1)
CAMPAIGN_DEFS ?=
CAMPAIGN_NAME = $(CAMPAIGN)$(if $(CAMPAIGN_CURVE),-curve$(CAMPAIGN_CURVE),)$(if $(CAMPAIGN_DEFS),-defs,)
CAMPAIGN_BIN = $(B)/fuzz/campaign-$(CAMPAIGN_NAME)
.PHONY: fuzz-campaign
$(CAMPAIGN_BIN): fuzz/fuzz_$(CAMPAIGN).c fuzz/fuzz_ec.h $(HDR)
	@case " rsa_diff ec_muladd ecdsa_verify " in *" $(CAMPAIGN) "*) ;; \
	  *) echo "fuzz-campaign: CAMPAIGN is one of rsa_diff, ec_muladd, ecdsa_verify"; exit 1;; esac
	@mkdir -p $(B)/fuzz
	$(CLANG) $(STD) $(WARN) -g -O2 -fsanitize=fuzzer $(CAMPAIGN_DEFS) \
	  $(if $(CAMPAIGN_CURVE),-DFUZZ_EC_CURVE=$(CAMPAIGN_CURVE),) $(BEARSSL_CFLAGS) $< -o $@ $(BEARSSL_LIBS)
fuzz-campaign: $(CAMPAIGN_BIN)
	sh fuzz/campaign.sh $(CAMPAIGN_BIN) fuzz/corpus/$(CAMPAIGN) fuzz/$(CAMPAIGN).dict \
	  $(CAMPAIGN_RUNS) $(CAMPAIGN_JOBS) $(B)/campaign/$(CAMPAIGN_NAME)
