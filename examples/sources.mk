# examples/sources.mk - URL key sources (included by the main Makefile).
# When libcurl's development files are present, build/jwtauth is built with
# the libcurl fetch callback (examples/fetch_curl.c, #included by the CLI
# under JWTAUTH_CLI_CURL) so --jwks-url and http(s) jwks_url values work;
# without them the CLI still builds and says that URL sources need libcurl
# (exit 2).
#   make sources-integration   tests/sources_integration.sh (loopback HTTP)
#   make stress                tests/stress_threads.c under ThreadSanitizer
HAVE_CURL := $(shell printf '\043include <curl/curl.h>\nint main(void){return 0;}\n' | \
	$(CC) -x c - -o /dev/null -lcurl >/dev/null 2>&1 && echo 1)
# A stamp naming the curl state: when libcurl appears (or goes), the CLI is
# relinked even though no source changed.
CLI_CURL_STAMP := $(B)/.cli-curl-$(if $(HAVE_CURL),on,off)
$(B)/jwtauth: $(CLI_CURL_STAMP)
$(CLI_CURL_STAMP):
	@mkdir -p $(B)
	@rm -f $(B)/.cli-curl-*
	@touch $@
ifeq ($(HAVE_CURL),1)
$(B)/jwtauth: DEFS_EXTRA += -DJWTAUTH_CLI_CURL
$(B)/jwtauth: LDLIBS_EXTRA += -lcurl
$(B)/jwtauth: examples/fetch_curl.c
endif

EXTRA_TESTS += sources-integration stress
.PHONY: sources-integration stress

sources-integration: $(B)/jwtauth
ifeq ($(HAVE_CURL),1)
	sh tests/sources_integration.sh
else
	@echo "sources-integration: libcurl development files not installed (make deps, or apt-get install libcurl4-openssl-dev)"
	@exit 1
endif

$(B)/stress_threads: tests/stress_threads.c $(HDR)
	@mkdir -p $(B)
	$(CLANG) $(STD) $(WARN) -O1 -g -fsanitize=thread -pthread $(BEARSSL_CFLAGS) $< -o $@ $(BEARSSL_LIBS)

# Fails, saying why, when clang cannot build or run a ThreadSanitizer binary
# (no runtime installed, or a kernel whose memory layout TSan rejects).
# halt_on_error: the first race report fails the run.
stress:
	@mkdir -p $(B)
	@if printf 'int main(void){return 0;}\n' | $(CLANG) -x c -fsanitize=thread - -o $(B)/tsan-probe >/dev/null 2>&1 \
	    && $(B)/tsan-probe >/dev/null 2>&1; then \
	  $(MAKE) --no-print-directory $(B)/stress_threads && TSAN_OPTIONS="halt_on_error=1 $$TSAN_OPTIONS" $(B)/stress_threads; \
	else echo "stress: clang's ThreadSanitizer cannot build or run here"; exit 1; fi
