# mysql.mk - the MySQL-protocol server example, included by the
# Makefile: build/jwtauth-mysqld and its end-to-end test `make mysql-e2e`
# (node + the npm package mysql2, installed into build/ when missing).

EXTRA_BINS += $(B)/jwtauth-mysqld
EXTRA_TESTS += mysql-e2e

# URL key sources, as for build/jwtauth (examples/sources.mk): when libcurl's
# development files are present the server is built with the libcurl fetch
# callback (examples/fetch_curl.c, #included under JWTAUTH_MYSQLD_CURL), so an
# http(s) jwks_url works; without them a URL jwks_url is a startup error.
# This file is included before sources.mk, so it runs the same probe (which
# sources.mk repeats); `make HAVE_CURL=` builds both without libcurl.
ifneq ($(origin HAVE_CURL),command line)
HAVE_CURL := $(shell printf '\043include <curl/curl.h>\nint main(void){return 0;}\n' | \
	$(CC) -x c - -o /dev/null -lcurl >/dev/null 2>&1 && echo 1)
endif
# A stamp naming the curl state: when libcurl appears (or goes), the server
# is relinked even though no source changed.
MYSQLD_CURL_STAMP := $(B)/.mysqld-curl-$(if $(HAVE_CURL),on,off)
$(MYSQLD_CURL_STAMP):
	@mkdir -p $(B)
	@rm -f $(B)/.mysqld-curl-*
	@touch $@
ifeq ($(HAVE_CURL),1)
$(B)/jwtauth-mysqld: DEFS_EXTRA += -DJWTAUTH_MYSQLD_CURL
$(B)/jwtauth-mysqld: LDLIBS_EXTRA += -lcurl
$(B)/jwtauth-mysqld: examples/fetch_curl.c
endif

$(B)/jwtauth-mysqld: examples/mysql_server.c $(HDR) $(MYSQLD_CURL_STAMP)
	@mkdir -p $(B)
	$(CC) $(STD) $(WARN) $(CFLAGS) $(DEFS_EXTRA) $(BEARSSL_CFLAGS) examples/mysql_server.c -o $@ $(BEARSSL_LIBS) $(LDLIBS_EXTRA)

.PHONY: mysql-e2e
mysql-e2e: $(B)/jwtauth-mysqld
	sh tests/mysql_e2e.sh

# Load and fault tests with a raw-socket client (python3, standard library):
# pipelined commands, resets, case variants of account names, handshake
# budget, descriptor exhaustion, a blocked log, the listen backlog.
EXTRA_TESTS += mysqld-faults
.PHONY: mysqld-faults
mysqld-faults: $(B)/jwtauth-mysqld
	timeout 900 python3 tests/mysqld_faults.py
