# examples/sources.mk - URL key sources (included by the main Makefile).
# When libcurl's development files are present, build/jwtauth is built with
# the libcurl fetch callback (examples/fetch_curl.c) so --jwks-url and
# http(s) jwks_url values work; without them the CLI still builds and says
# that URL sources need libcurl.
HAVE_CURL := $(shell printf '\043include <curl/curl.h>\nint main(void){return 0;}\n' | \
	$(CC) -x c - -o /dev/null -lcurl >/dev/null 2>&1 && echo 1)
ifeq ($(HAVE_CURL),1)
$(B)/jwtauth: CFLAGS += -DJWTAUTH_CLI_CURL
$(B)/jwtauth: BEARSSL_LIBS += -lcurl
$(B)/jwtauth: examples/fetch_curl.c
endif

EXTRA_TESTS += sources-integration stress
.PHONY: sources-integration stress

sources-integration: $(B)/jwtauth
	sh tests/sources_integration.sh

$(B)/stress_threads: tests/stress_threads.c $(HDR)
	@mkdir -p $(B)
	$(CLANG) $(STD) $(WARN) -O1 -g -fsanitize=thread -pthread $(BEARSSL_CFLAGS) $< -o $@ $(BEARSSL_LIBS)

stress:
	@if printf 'int main(void){return 0;}' | $(CLANG) -x c -fsanitize=thread - -o /dev/null >/dev/null 2>&1; then \
	  $(MAKE) --no-print-directory $(B)/stress_threads && $(B)/stress_threads; \
	else echo "stress: skipped: clang's ThreadSanitizer runtime is not installed"; fi
