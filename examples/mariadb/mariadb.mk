# mariadb.mk - the MariaDB authentication plugin (examples/mariadb/auth_jwt.c),
# included by the Makefile: build/auth_jwt.so and its end-to-end test
# `make mariadb-e2e` (a private mariadbd, the mariadb client, node's mysql2).
# Needs the server plugin headers (Debian: libmariadbd-dev); without them the
# build skips the plugin, saying why, and the tests fail, saying why.

MARIADB_INC ?= /usr/include/mariadb/server
# the server's services (my_printf_error, ...): pointers the server fills in
# when it loads the plugin (Debian: libmariadb-dev, a dependency of
# libmariadbd-dev)
MARIADB_LIBS ?= -lmysqlservices
HAVE_MARIADB := $(if $(wildcard $(MARIADB_INC)/mysql/plugin_auth.h),1,)

EXTRA_BINS += $(B)/auth_jwt.so
EXTRA_TESTS += mariadb-e2e

# http(s) jwks_url through examples/fetch_curl.c when libcurl is there
# (HAVE_CURL comes from examples/mysql.mk, included before this file).
AUTH_JWT_CURL_FLAGS = $(if $(HAVE_CURL),-DAUTH_JWT_CURL,)
AUTH_JWT_CURL_LIBS = $(if $(HAVE_CURL),-lcurl,)
AUTH_JWT_CURL_STAMP := $(B)/.auth-jwt-curl-$(if $(HAVE_CURL),on,off)
$(AUTH_JWT_CURL_STAMP):
	@mkdir -p $(B)
	@rm -f $(B)/.auth-jwt-curl-*
	@touch $@

# The plugin runs inside the real server, so it is built with flags of its
# own rather than CFLAGS (a sanitizer build of it could not be loaded).
PLUGIN_OPT ?= -O2 -g

ifeq ($(HAVE_MARIADB),1)
$(B)/auth_jwt.so: examples/mariadb/auth_jwt.c examples/mariadb/mariadb.mk examples/fetch_curl.c $(HDR) $(AUTH_JWT_CURL_STAMP)
	@mkdir -p $(B)
	$(CC) $(STD) $(WARN) $(PLUGIN_OPT) -shared -fPIC -DMYSQL_DYNAMIC_PLUGIN \
	  -isystem $(MARIADB_INC) $(BEARSSL_CFLAGS) $(AUTH_JWT_CURL_FLAGS) \
	  examples/mariadb/auth_jwt.c -o $@ $(MARIADB_LIBS) $(BEARSSL_LIBS) $(AUTH_JWT_CURL_LIBS) -lpthread
else
.PHONY: $(B)/auth_jwt.so
$(B)/auth_jwt.so:
	@echo "auth_jwt.so: skipped: $(MARIADB_INC)/mysql/plugin_auth.h not found (Debian: apt-get install libmariadbd-dev)"
endif

.PHONY: mariadb-e2e
mariadb-e2e: $(B)/auth_jwt.so
	MARIADB_INC=$(MARIADB_INC) sh tests/mariadb_e2e.sh

# The plugin outside the server, many threads at once, under ThreadSanitizer
# and under AddressSanitizer + UBSan (tests/mariadb_plugin_stress.c stands
# in for the server's services). TSan runs without address-space
# randomisation (setarch -R) where it can: clang 14's TSan cannot map its
# shadow memory under some kernels' randomisation.
EXTRA_TESTS += mariadb-stress
MARIADB_STRESS_CFLAGS = $(STD) $(WARN) -O1 -g -fno-omit-frame-pointer -DMYSQL_DYNAMIC_PLUGIN \
	-isystem $(MARIADB_INC) $(BEARSSL_CFLAGS)
MARIADB_STRESS_DEPS = tests/mariadb_plugin_stress.c examples/mariadb/auth_jwt.c $(HDR)

$(B)/mariadb-stress-tsan: $(MARIADB_STRESS_DEPS)
	@mkdir -p $(B)
	$(CLANG) $(MARIADB_STRESS_CFLAGS) -fsanitize=thread tests/mariadb_plugin_stress.c \
	  -o $@ $(BEARSSL_LIBS) -lpthread
$(B)/mariadb-stress-asan: $(MARIADB_STRESS_DEPS)
	@mkdir -p $(B)
	$(CLANG) $(MARIADB_STRESS_CFLAGS) -fsanitize=address,undefined -fno-sanitize-recover=all \
	  tests/mariadb_plugin_stress.c -o $@ $(BEARSSL_LIBS) -lpthread

.PHONY: mariadb-stress
ifeq ($(HAVE_MARIADB),1)
mariadb-stress: $(B)/mariadb-stress-tsan $(B)/mariadb-stress-asan
	@if setarch $$(uname -m) -R true 2>/dev/null; then \
	  setarch $$(uname -m) -R $(B)/mariadb-stress-tsan 8 500; \
	else $(B)/mariadb-stress-tsan 8 500; fi
	$(B)/mariadb-stress-asan 8 500
else
mariadb-stress:
	@echo "mariadb-stress: $(MARIADB_INC)/mysql/plugin_auth.h not found (make deps; Debian: apt-get install libmariadbd-dev)"
	@echo "mariadb-stress: 0 passed, 1 failed"
	@exit 1
endif
