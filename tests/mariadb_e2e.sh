#!/bin/sh
# mariadb_e2e.sh - end-to-end test of the MariaDB plugin build/auth_jwt.so
# (examples/mariadb/auth_jwt.c) in a real server (run by `make mariadb-e2e`,
# part of `make test`).
#
# Starts a private mariadbd as a child process on a fresh data directory
# under a temporary directory (--no-defaults: nothing from /etc/mysql), on
# a unix socket and a loopback TCP port with TLS (a certificate made here),
# loads the plugin with a small key-set TTL, and logs in with the real
# `mariadb` client and with node's mysql2. Tokens beyond the committed demo
# ones (examples/demo/) are signed here with openssl (RS256) by test-only
# keys of the repository: examples/demo/demo-key.key.pem and
# tests/fixtures/keys/rsa2048b.key.pem. Every wait is bounded; the server
# is stopped and the directory removed on exit.
# A missing tool (the MariaDB server or client, the plugin headers, node's
# mysql2, libcurl, python3) fails the run and says what to install.
# Closing line: "mariadb-e2e: N passed, M failed" (exit 1 when M > 0).
cd "$(dirname "$0")/.." || exit 2
ROOT=$(pwd)
SO=build/auth_jwt.so
D=examples/demo
passed=0
failed=0
PID=
JWKS_PID=
T=

ok() { passed=$((passed + 1)); echo "ok - $1"; }
bad() { failed=$((failed + 1)); echo "not ok - $1"; }
missing() { echo "mariadb-e2e: $1"; echo "mariadb-e2e: 0 passed, 1 failed"; exit 1; }

PATH=$PATH:/usr/sbin   # mariadbd
for tool in mariadbd mariadb-install-db mariadb openssl timeout; do
	command -v "$tool" >/dev/null 2>&1 || missing "$tool is not installed (make deps; Debian: apt-get install mariadb-server mariadb-client)"
done
if [ ! -f "$SO" ]; then
	[ -f "${MARIADB_INC:-/usr/include/mariadb/server}/mysql/plugin_auth.h" ] \
		|| missing "no MariaDB server plugin headers, so $SO was not built (make deps; Debian: apt-get install libmariadbd-dev)"
	bad "$SO not built (run make)"
	echo "mariadb-e2e: $passed passed, $failed failed"
	exit 1
fi

stop_all() {
	if [ -n "$PID" ]; then
		kill -TERM "$PID" 2>/dev/null
		i=0
		while kill -0 "$PID" 2>/dev/null && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
		kill -9 "$PID" 2>/dev/null
		wait "$PID" 2>/dev/null
		PID=
	fi
	[ -n "$JWKS_PID" ] && kill "$JWKS_PID" 2>/dev/null
	JWKS_PID=
	if [ -n "$T" ]; then
		[ "$failed" -gt 0 ] && [ -f "$T/error.log" ] && cp "$T/error.log" build/mariadb-e2e-error.log
		rm -rf "$T"
		T=
	fi
}
trap 'stop_all' EXIT
trap 'stop_all; exit 1' INT TERM

finish() {
	if [ "$failed" -gt 0 ] && [ -n "$T" ] && [ -f "$T/error.log" ]; then
		echo "server error log, last lines (whole log: build/mariadb-e2e-error.log):"
		tail -n 40 "$T/error.log" | sed 's/^/    /'
	fi
	stop_all
	echo "mariadb-e2e: $passed passed, $failed failed"
	[ "$failed" -eq 0 ] || exit 1
	exit 0
}

# A short directory: a unix socket path has at most 107 bytes.
T=$(mktemp -d "${TMPDIR:-/tmp}/jwtauth-mariadb.XXXXXX") || { bad "mktemp"; finish; }
SOCK=$T/mariadb.sock
LOG=$T/error.log
CONF=$T/conf
mkdir -p "$CONF"
cp "$D/conf/jwks.json" "$CONF/jwks.json"
ME=$(id -un)

# ---- tokens signed here (RS256 with openssl) ----
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
# sign KEY KID CLAIMS_JSON: a compact RS256 JWS
sign() {
	h=$(printf '{"alg":"RS256","typ":"JWT","kid":"%s"}' "$2" | b64url)
	p=$(printf '%s' "$3" | b64url)
	s=$(printf '%s.%s' "$h" "$p" | openssl dgst -sha256 -sign "$1" -binary | b64url)
	printf '%s.%s.%s' "$h" "$p" "$s"
}
NOW=$(date +%s)
ISS=http://localhost:38080/realms/master
claims() { # USER EXP
	printf '{"iss":"%s","aud":"starrocks","preferred_username":"%s","iat":%s,"exp":%s}' \
		"$ISS" "$1" "$NOW" "$2"
}
TOM=$(cat "$D/tom.jwt")
EXPIRED=$(cat "$D/tom-expired.jwt")
OTHER_KEY=$(cat "$D/other-key.jwt")
# tom.jwt with one signature character changed (still canonical base64url)
SIG=${TOM##*.}
case "$SIG" in A*) FORGED=${TOM%.*}.B${SIG#?} ;; *) FORGED=${TOM%.*}.A${SIG#?} ;; esac
ALICE=$(sign "$D/demo-key.key.pem" demo-key-1 "$(claims alice $((NOW + 3600)))")
# the rotation: a new key (kid rsa2048b) and a token it signed
NEW_TOM=$(sign tests/fixtures/keys/rsa2048b.key.pem rsa2048b "$(claims tom $((NOW + 3600)))")
[ -n "$ALICE" ] && [ -n "$NEW_TOM" ] || { bad "signing tokens with openssl"; finish; }

# ---- TLS certificate (self-signed, for the server) ----
if openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" \
	-keyout "$T/server.key" -out "$T/server.crt" >/dev/null 2>&1; then
	ok "TLS certificate made with openssl"
else
	bad "openssl req failed"; finish
fi

# ---- the server ----
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null)
[ -n "$PORT" ] || PORT=$((20000 + $$ % 20000))
t0=$(date +%s)
if ! timeout 120 mariadb-install-db --no-defaults --user="$ME" --datadir="$T/data" \
	--skip-test-db --auth-root-authentication-method=socket >"$T/install.log" 2>&1; then
	bad "mariadb-install-db failed:"; sed 's/^/    /' "$T/install.log" | tail -n 20; finish
fi
# start_server [--loose]: mariadbd as a child; 0 when it answers within
# 30 s. --loose: the plugin is not loaded by the command line (INSTALL
# SONAME, or the mysql.plugin table, loads it), its options are --loose-.
start_server() {
	if [ "$1" = --loose ]; then pl=; o=--loose-jwt
	else pl=--plugin-load-add=auth_jwt.so; o=--jwt; fi
	mariadbd --no-defaults --user="$ME" --datadir="$T/data" --socket="$SOCK" \
		--port="$PORT" --bind-address=127.0.0.1 --skip-name-resolve \
		--pid-file="$T/mariadbd.pid" --log-error="$LOG" \
		--plugin-dir="$ROOT/build" $pl \
		$o-conf-dir="$CONF" $o-cache-ttl=2 $o-cache-cooldown=1 $o-cache-max-stale=3 \
		--ssl-cert="$T/server.crt" --ssl-key="$T/server.key" \
		--innodb-buffer-pool-size=16M --max-connections=64 --skip-log-bin \
		>>"$T/stdout.log" 2>&1 </dev/null &
	PID=$!
	i=0
	while [ $i -lt 300 ]; do
		sql 'SELECT 1' >/dev/null 2>&1 && return 0
		kill -0 "$PID" 2>/dev/null || return 1
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
# stop_server: SIGTERM, 0 when it exits within 30 s after a clean shutdown
stop_server() {
	kill -TERM "$PID" 2>/dev/null
	i=0
	while kill -0 "$PID" 2>/dev/null && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
	kill -0 "$PID" 2>/dev/null && return 1
	wait "$PID"
	PID=
	[ "$(grep -c "mariadbd: Shutdown complete" "$LOG")" = "$1" ]
}

# sql STATEMENTS: as the administrator, over the socket (unix_socket auth)
sql() {
	timeout 20 mariadb --no-defaults --connect-timeout=5 -S "$SOCK" -u "$ME" -N -B -e "$1" 2>&1
}
if ! start_server; then
	bad "mariadbd did not start; its log:"
	sed 's/^/    /' "$LOG" | tail -n 30
	finish
fi
ok "mariadbd ready in $(( $(date +%s) - t0 )) s (socket and 127.0.0.1:$PORT)"

out=$(sql "SELECT PLUGIN_STATUS, PLUGIN_TYPE FROM information_schema.PLUGINS WHERE PLUGIN_NAME='jwt'")
if [ "$out" = "$(printf 'ACTIVE\tAUTHENTICATION')" ]; then ok "plugin jwt loaded and ACTIVE"
else bad "plugin jwt not active: $out"; fi
out=$(sql "SELECT VARIABLE_NAME, VARIABLE_VALUE FROM information_schema.GLOBAL_VARIABLES WHERE VARIABLE_NAME LIKE 'JWT%' ORDER BY 1" | tr '\t\n' '= ')
case "$out" in
*"JWT_CACHE_TTL=2 "*"JWT_CONF_DIR=$CONF "*) ok "system variables: $out" ;;
*) bad "system variables: $out" ;;
esac
out=$(sql "SHOW GLOBAL STATUS LIKE 'jwt%'" | cut -f1 | tr 'A-Z' 'a-z' | sort | tr '\n' ' ')
if [ "$out" = "jwt_accounts_parsed jwt_key_set_load_failures jwt_key_set_loads jwt_logins_accepted jwt_logins_refused jwt_stale_serves jwt_token_cache_hits jwt_unknown_kid_refreshes " ]; then
	ok "status variables present"
else
	bad "status variables: $out"
fi
status() { sql "SHOW GLOBAL STATUS LIKE 'jwt_$1'" | cut -f2; }
if [ "$(status key_set_loads)" = 0 ]; then ok "nothing loaded at plugin load (key sets load on first use)"
else bad "key sets loaded at plugin load"; fi

# ---- accounts ----
PROPS='{"jwks_url":"jwks.json","principal_field":"preferred_username","required_issuer":"http://localhost:38080/realms/master","required_audience":"starrocks"}'
out=$(sql "DELETE FROM mysql.global_priv WHERE User=''; FLUSH PRIVILEGES;
CREATE USER tom IDENTIFIED VIA jwt USING '$PROPS';
CREATE USER jerry IDENTIFIED VIA jwt USING '$PROPS';
CREATE USER alice IDENTIFIED VIA jwt USING '$PROPS' REQUIRE SSL;
CREATE USER nokeys IDENTIFIED VIA jwt USING '{\"jwks_url\":\"missing.json\",\"principal_field\":\"preferred_username\"}';
SELECT COUNT(*) FROM mysql.user WHERE User=''")
if [ "$out" = 0 ]; then ok "anonymous accounts dropped; tom, jerry, alice (REQUIRE SSL), nokeys created"
else bad "account setup: $out"; fi

# login USER TOKEN [client options...]: sets $out and $rc (the password
# travels in MYSQL_PWD, not on the command line)
login() {
	u=$1; tok=$2; shift 2
	out=$(MYSQL_PWD=$tok timeout 20 mariadb --no-defaults --connect-timeout=5 -u "$u" -N -B "$@" 2>&1)
	rc=$?
}
# log_mark / log_new: the error-log lines written since the mark
log_mark() { mark=$(wc -l < "$LOG"); }
log_new() { tail -n +"$((mark + 1))" "$LOG"; }

login tom "$TOM" -S "$SOCK" -e 'SELECT CURRENT_USER(), USER(), @@external_user'
if [ $rc -eq 0 ] && [ "$out" = "$(printf 'tom@%%\ttom@localhost\ttom')" ]; then
	ok "tom over the unix socket: CURRENT_USER() = tom@%, @@external_user = tom"
else
	bad "tom over the socket: rc $rc: $out"
fi

# refused REASON_PATTERN WHAT USER TOKEN: 1045, and the reason in the log
refused() {
	pat=$1; what=$2; u=$3; tok=$4
	log_mark
	login "$u" "$tok" -S "$SOCK" -e 'SELECT CURRENT_USER()'
	lines=$(log_new | grep "jwt: login of '$u'@'localhost' (unix socket) refused: ")
	if [ $rc -ne 0 ] && printf '%s' "$out" | grep -q "^ERROR 1045 (28000)" \
	    && [ "$(printf '%s\n' "$lines" | grep -c .)" = 1 ] \
	    && printf '%s' "$lines" | grep -q "refused: $pat"; then
		ok "$what: 1045, log: ${lines#*refused: }"
	else
		bad "$what: rc $rc, client: $out; log: $(log_new | tail -n 3)"
	fi
}
refused "PRINCIPAL_MISMATCH: " "jerry with tom's token" jerry "$TOM"
refused "EXPIRED: " "tom with an expired token" tom "$EXPIRED"
refused "SIGNATURE: " "tom with a token signed by another key" tom "$OTHER_KEY"
refused "SIGNATURE: " "tom with a forged signature" tom "$FORGED"
refused "AUTH_RESPONSE: .*; the password is neither a JWT nor an authentication_openid_connect_client response" "tom with a garbage password" tom "garbage-password"
refused "TOKEN_FORMAT: " "tom with a garbage password starting like a token" tom "eyJub3QgYSB0b2tlbg"
refused "TOKEN_SIZE: " "tom with an empty password" tom ""
refused "key set 'missing.json' unavailable: IO: " "an account whose key file is missing" nokeys "$TOM"
if grep -q -F "$SIG" "$LOG" || grep -q -F "${TOM%%.*}" "$LOG"; then
	bad "a token is in the error log"
else
	ok "no token in the error log"
fi

# ---- TLS: REQUIRE SSL ----
login alice "$ALICE" -h 127.0.0.1 -P "$PORT" --skip-ssl -e 'SELECT CURRENT_USER()'
if [ $rc -ne 0 ] && printf '%s' "$out" | grep -q "^ERROR 1045"; then
	ok "REQUIRE SSL account over plain TCP: refused (1045)"
else
	bad "REQUIRE SSL account over plain TCP: rc $rc: $out"
fi
login alice "$ALICE" -h 127.0.0.1 -P "$PORT" --ssl -e "SELECT CURRENT_USER(); SHOW STATUS LIKE 'Ssl_version'"
if [ $rc -eq 0 ] && printf '%s' "$out" | head -n 1 | grep -q '^alice@%$' \
    && printf '%s' "$out" | grep -q "^Ssl_version	TLSv1"; then
	ok "REQUIRE SSL account over TLS: accepted ($(printf '%s' "$out" | sed -n 's/^Ssl_version\t//p'))"
else
	bad "REQUIRE SSL account over TLS: rc $rc: $out"
fi
login tom "$TOM" -h 127.0.0.1 -P "$PORT" --skip-ssl -e 'SELECT CURRENT_USER()'
if [ $rc -eq 0 ] && [ "$out" = "tom@%" ]; then ok "tom over plain loopback TCP: accepted (no REQUIRE SSL)"
else bad "tom over TCP: rc $rc: $out"; fi

# ---- properties checked at CREATE USER / ALTER USER ----
# bad_props WHAT PROPS REASON_PATTERN [STATEMENT]
bad_props() {
	log_mark
	stmt=${4:-CREATE USER bad IDENTIFIED VIA jwt USING}
	# statements on stdin: with -e the client stops at the first error
	out=$(printf "%s '%s';\nSHOW WARNINGS;\n" "$stmt" "$2" \
		| timeout 20 mariadb --no-defaults --connect-timeout=5 -S "$SOCK" -u "$ME" -N -B --force 2>&1)
	if printf '%s' "$out" | grep -q "^ERROR 1396 (HY000)" \
	    && log_new | grep -q "jwt: properties refused: $3" \
	    && printf '%s' "$out" | grep -q "jwt: properties refused: $3"; then
		ok "$1: ERROR 1396, reason in the log and SHOW WARNINGS: $(log_new | sed -n 's/.*properties refused: //p' | head -n 1)"
	else
		bad "$1: $out; log: $(log_new | tail -n 2)"
	fi
}
bad_props "CREATE USER with an unknown property" '{"jwks_url":"jwks.json","nope":"x"}' "CONFIG_MEMBER: unknown property (nope)"
bad_props "CREATE USER with broken JSON" '{"jwks_url":"jwks.json",' "CONFIG: "
bad_props "CREATE USER with a number for a string" '{"jwks_url":"jwks.json","principal_field":7}' "CONFIG_VALUE: .*(principal_field)"
bad_props "CREATE USER without jwks_url" '{"principal_field":"sub"}' "CONFIG_MISSING: jwks_url"
bad_props "CREATE USER with a jwks_url leaving jwt_conf_dir" '{"jwks_url":"../jwks.json"}' "jwks_url '../jwks.json' refused: CONFIG_PATH: "
bad_props "ALTER USER tom with an unknown property" '{"jwks_url":"jwks.json","Jwks_url":"x"}' "CONFIG_MEMBER: unknown property (Jwks_url)" "ALTER USER tom IDENTIFIED VIA jwt USING"
if [ "$(sql "SELECT COUNT(*) FROM mysql.user WHERE User='bad'")" = 0 ]; then ok "no account made from bad properties"
else bad "an account was made from bad properties"; fi
login tom "$TOM" -S "$SOCK" -e 'SELECT CURRENT_USER()'
if [ $rc -eq 0 ] && [ "$out" = "tom@%" ]; then ok "tom unchanged by the refused ALTER USER"
else bad "tom after the refused ALTER USER: rc $rc: $out"; fi

# ---- 200 logins from 8 parallel clients ----
# (--skip-ssl: the client would otherwise run a TLS handshake on the unix
# socket too, which adds nothing there and costs ~10x the login)
acc0=$(status logins_accepted)
hit0=$(status token_cache_hits)
t1=$(date +%s)
n=0
while [ $n -lt 8 ]; do
	(
		k=0; good=0
		while [ $k -lt 25 ]; do
			r=$(MYSQL_PWD=$TOM timeout 20 mariadb --no-defaults --connect-timeout=5 --skip-ssl -S "$SOCK" \
				-u tom -N -B -e 'SELECT CURRENT_USER()' 2>&1)
			[ "$r" = "tom@%" ] && good=$((good + 1))
			k=$((k + 1))
		done
		echo "$good" > "$T/par.$n"
	) &
	n=$((n + 1))
done
wait_par() {
	i=0
	while [ $i -lt 1200 ]; do
		c=$(ls "$T"/par.* 2>/dev/null | wc -l)
		[ "$c" -eq 8 ] && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
wait_par
good=$(cat "$T"/par.* 2>/dev/null | awk '{ s += $1 } END { print s + 0 }')
acc=$(( $(status logins_accepted) - acc0 ))
hits=$(( $(status token_cache_hits) - hit0 ))
if [ "$good" = 200 ] && [ "$acc" = 200 ] && [ "$hits" -ge 100 ]; then
	ok "200 logins from 8 parallel clients in $(( $(date +%s) - t1 )) s: all accepted, $hits token-cache hits"
else
	bad "parallel logins: $good good, $acc accepted, $hits token-cache hits"
fi

# ---- node's mysql2 ----
NODE_OK=0
if command -v node >/dev/null 2>&1; then
	if [ ! -f build/node_modules/mysql2/package.json ] && command -v npm >/dev/null 2>&1; then
		echo "mariadb-e2e: installing mysql2 into build/node_modules"
		timeout 300 npm install --prefix build --no-audit --no-fund mysql2@3 >"$T/npm.log" 2>&1
	fi
	[ -f build/node_modules/mysql2/package.json ] && NODE_OK=1
fi
if [ $NODE_OK = 1 ]; then
	node_out=$(timeout 60 node - "$SOCK" "$TOM" <<'EOF' 2>&1
const path = require('node:path');
const { createRequire } = require('node:module');
const req = createRequire(path.join(process.cwd(), 'build', 'package.json'));
const mysql = req('mysql2/promise');
const [sock, token] = process.argv.slice(2);
// authentication_openid_connect_client framing: capability byte + lenenc token
function openid(t) {
  const b = Buffer.from(t, 'utf8');
  const head = b.length < 251 ? Buffer.from([b.length]) : Buffer.from([0xfc, b.length & 0xff, b.length >> 8]);
  return Buffer.concat([Buffer.from([1]), head, b]);
}
async function one(label, extra) {
  const c = await mysql.createConnection({ socketPath: sock, user: 'tom', password: token, connectTimeout: 5000, ...extra });
  const [rows] = await c.query('SELECT CURRENT_USER() AS u');
  console.log(label + ' ' + rows[0].u);
  await c.end();
}
(async () => {
  // mysql2 sends a cleartext password only when told to (use TLS or the socket)
  await one('clear', { enableCleartextPlugin: true });
  await one('openid', { authPlugins: { mysql_clear_password: () => () => openid(token) } });
})().catch((e) => { console.log('error ' + e.code + ' ' + e.message); process.exit(1); });
EOF
)
	if printf '%s\n' "$node_out" | grep -q '^clear tom@%$'; then
		ok "mysql2 (node): tom logs in with the token as the password"
	else
		bad "mysql2 clear: $node_out"
	fi
	if printf '%s\n' "$node_out" | grep -q '^openid tom@%$'; then
		ok "mysql2 (node): the authentication_openid_connect_client framing is accepted"
	else
		bad "mysql2 openid framing: $node_out"
	fi
else
	bad "mysql2 (node): node or npm missing, or npm install failed ($(tail -n 1 "$T/npm.log" 2>/dev/null)) (make deps)"
fi

# ---- http(s) jwks_url (the plugin built with libcurl) ----
if ldd "$SO" 2>/dev/null | grep -q libcurl && command -v python3 >/dev/null 2>&1; then
	mkdir -p "$T/www"
	cp "$D/conf/jwks.json" "$T/www/jwks.json"
	python3 tests/jwks_server.py "$T/www" 120 > "$T/www/port" 2>/dev/null &
	JWKS_PID=$!
	i=0; while [ ! -s "$T/www/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	JPORT=$(cat "$T/www/port")
	HPROPS="{\"jwks_url\":\"http://127.0.0.1:$JPORT/jwks.json\",\"principal_field\":\"preferred_username\"}"
	sql "CREATE USER tom@localhost IDENTIFIED VIA jwt USING '$HPROPS'" >/dev/null
	login tom "$TOM" -S "$SOCK" -e 'SELECT CURRENT_USER()'
	if [ $rc -eq 0 ] && [ "$out" = "tom@localhost" ] && grep -q "GET /jwks.json" "$T/www/requests.log"; then
		ok "http jwks_url (libcurl): key set fetched from 127.0.0.1:$JPORT, tom@localhost accepted"
	else
		bad "http jwks_url: rc $rc: $out"
	fi
	kill "$JWKS_PID" 2>/dev/null
	wait "$JWKS_PID" 2>/dev/null
	JWKS_PID=
	sql "DROP USER tom@localhost" >/dev/null
else
	bad "http jwks_url: $SO has no libcurl, or python3 is missing (make deps)"
fi

# ---- key rotation: new key file, new token ----
load0=$(status key_set_loads)
# the old token works before the rotation
login tom "$TOM" -S "$SOCK" -e 'SELECT CURRENT_USER()'
[ $rc -eq 0 ] || bad "tom before the rotation: $out"
printf '{"keys":[%s]}\n' "$(cat tests/fixtures/keys/rsa2048b.pub.jwk.json)" > "$CONF/jwks.json.new"
mv "$CONF/jwks.json.new" "$CONF/jwks.json"
t2=$(date +%s)
i=0
while [ $i -lt 60 ]; do
	login tom "$NEW_TOM" -S "$SOCK" -e 'SELECT CURRENT_USER()'
	[ $rc -eq 0 ] && break
	sleep 0.1
	i=$((i + 1))
done
dt=$(( $(date +%s) - t2 ))
if [ $rc -eq 0 ] && [ "$out" = "tom@%" ] && [ $dt -le 2 ]; then
	ok "rotation: the new key's token accepted $dt s after the file changed (TTL 2 s)"
else
	bad "rotation: new token after $dt s: rc $rc: $out"
fi
# the old token stops working once its key is gone (within TTL + cooldown)
i=0
while [ $i -lt 60 ]; do
	log_mark
	login tom "$TOM" -S "$SOCK" -e 'SELECT CURRENT_USER()'
	[ $rc -ne 0 ] && break
	sleep 0.1
	i=$((i + 1))
done
if [ $rc -ne 0 ] && printf '%s' "$out" | grep -q "^ERROR 1045" && log_new | grep -q "refused: KID_UNKNOWN"; then
	ok "rotation: the old token refused (KID_UNKNOWN) once its key left the file"
else
	bad "rotation: old token: rc $rc: $out"
fi
loads=$(( $(status key_set_loads) - load0 ))
if [ "$loads" -ge 1 ]; then ok "rotation: $loads key-set load(s), $(status unknown_kid_refreshes) for unknown kids in all"
else bad "rotation: no key-set load counted"; fi
# a vanished key file: the last good set keeps serving (stale, logged)
# until max-stale (3 s) past its TTL, then logins are refused
rm -f "$CONF/jwks.json"
log_mark
t3=$(date +%s)
stale=0
i=0
while [ $i -lt 100 ]; do
	login tom "$NEW_TOM" -S "$SOCK" -e 'SELECT CURRENT_USER()'
	if [ $rc -eq 0 ] && log_new | grep -q "jwt: login of 'tom'@'localhost': key set 'jwks.json' is past its TTL and reloading it failed (IO); the previous set was used"; then
		stale=1
	fi
	[ $rc -ne 0 ] && break
	sleep 0.1
	i=$((i + 1))
done
if [ $stale = 1 ]; then
	ok "key file gone: the previous set served past its TTL, with a warning in the log"
else
	bad "key file gone: no stale serve logged; log: $(log_new | tail -n 2)"
fi
if [ $rc -ne 0 ] && log_new | grep -q "refused: key set 'jwks.json' unavailable: IO: "; then
	ok "key file gone: refused $(( $(date +%s) - t3 )) s later, past TTL + max-stale (2 + 3 s)"
else
	bad "key file gone: still accepted after $(( $(date +%s) - t3 )) s: rc $rc"
fi
if [ "$(status stale_serves)" -ge 1 ] && [ "$(status key_set_load_failures)" -ge 2 ]; then
	ok "status: $(sql "SHOW GLOBAL STATUS LIKE 'jwt%'" | tr '\t\n' '= ')"
else
	bad "status after the failures: $(sql "SHOW GLOBAL STATUS LIKE 'jwt%'" | tr '\t\n' '= ')"
fi
acc=$(status logins_accepted)
ref=$(status logins_refused)
if [ "$acc" -ge 205 ] && [ "$ref" -ge 9 ]; then ok "logins accepted $acc, refused $ref"
else bad "counters: accepted $acc, refused $ref"; fi

# ---- restart: the accounts load again through the plugin ----
printf '{"keys":[%s]}\n' "$(cat tests/fixtures/keys/rsa2048b.pub.jwk.json)" > "$CONF/jwks.json"
if stop_server 1; then ok "mariadbd stopped cleanly (SIGTERM, plugin unloaded)"
else bad "mariadbd did not stop cleanly"; fi
# without the plugin: tom cannot log in; INSTALL SONAME loads it at run
# time (with the --loose- options), and the next start loads it again
# from the mysql.plugin table
if start_server --loose; then
	login tom "$NEW_TOM" -S "$SOCK" -e 'SELECT CURRENT_USER()'
	if [ $rc -ne 0 ] && printf '%s' "$out" | grep -q "ERROR 1524 .*'jwt' is not loaded"; then
		ok "server without the plugin: tom refused (1524, plugin jwt not loaded)"
	else
		bad "server without the plugin: rc $rc: $out"
	fi
	vars=$(sql "INSTALL SONAME 'auth_jwt'; SELECT @@jwt_cache_ttl, @@jwt_conf_dir = '$CONF'")
	login tom "$NEW_TOM" -S "$SOCK" -e 'SELECT CURRENT_USER()'
	if [ "$vars" = "$(printf '2\t1')" ] && [ $rc -eq 0 ] && [ "$out" = "tom@%" ] \
	    && [ "$(status logins_accepted)" = 1 ]; then
		ok "INSTALL SONAME 'auth_jwt' at run time: variables from the --loose- options, tom accepted"
	else
		bad "INSTALL SONAME: variables $vars; login rc $rc: $out"
	fi
	if stop_server 2; then ok "mariadbd stopped cleanly again"
	else bad "mariadbd did not stop cleanly (second run)"; fi
else
	bad "mariadbd did not start without --plugin-load-add"
fi
if start_server --loose; then
	login tom "$NEW_TOM" -S "$SOCK" -e 'SELECT CURRENT_USER()'
	if [ $rc -eq 0 ] && [ "$out" = "tom@%" ] && [ "$(status logins_accepted)" = 1 ]; then
		ok "after a restart: plugin loaded from mysql.plugin, accounts loaded again, tom accepted"
	else
		bad "after a restart: rc $rc: $out"
	fi
	if stop_server 3; then ok "mariadbd stopped cleanly a third time"
	else bad "mariadbd did not stop cleanly (third run)"; fi
else
	bad "mariadbd did not restart"
fi
finish
