# mysql.mk - the MySQL-protocol server example (issue 7), included by the
# Makefile: build/jwtauth-mysqld and its end-to-end test `make mysql-e2e`
# (node + the npm package mysql2, installed into build/ when missing).

EXTRA_BINS += $(B)/jwtauth-mysqld
EXTRA_TESTS += mysql-e2e

$(B)/jwtauth-mysqld: examples/mysql_server.c $(HDR)
	@mkdir -p $(B)
	$(CC) $(STD) $(WARN) $(CFLAGS) $(BEARSSL_CFLAGS) examples/mysql_server.c -o $@ $(BEARSSL_LIBS)

.PHONY: mysql-e2e
mysql-e2e: $(B)/jwtauth-mysqld
	sh tests/mysql_e2e.sh
