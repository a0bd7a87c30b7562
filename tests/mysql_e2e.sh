#!/bin/sh
# mysql_e2e.sh - end-to-end test of build/jwtauth-mysqld (examples/mysql_server.c)
# with node's mysql2 client library (run by `make mysql-e2e`, part of
# `make test`). Installs mysql2 into build/node_modules when missing; if that
# is impossible the run fails and says why.
#   MYSQL_E2E_VALGRIND=1 sh tests/mysql_e2e.sh   runs the servers under valgrind
# Besides the main server (--jwks), a second one reads its key set through
# the key-set cache from a file under --conf-dir (build/mysql-e2e-conf) with
# --cache-ttl 3 --cache-cooldown 1 --cache-max-stale 3, while the node part
# rotates that file; and when the binary has libcurl and python3 is there, a
# third one fetches it over http from tests/jwks_server.py (a free port).
# Closing line: "mysql-e2e: N passed, M failed" (exit 1 when M > 0).
cd "$(dirname "$0")/.." || exit 2

BIN=build/jwtauth-mysqld
D=examples/demo
OUT=build/mysql-e2e.out
LOG=build/mysql-e2e.log
SOCK=build/mysql-e2e.sock
ROT_CONF=build/mysql-e2e-conf
ROT_ACC=build/mysql-e2e-rot.sql
ROT_OUT=build/mysql-e2e-rot.out
ROT_LOG=build/mysql-e2e-rot.log
WWW=build/mysql-e2e-www
HTTP_ACC=build/mysql-e2e-http.sql
HTTP_OUT=build/mysql-e2e-http.out
HTTP_LOG=build/mysql-e2e-http.log
passed=0
failed=0
PID=
PID1=
ROT_PID=
HTTP_PID=
JWKS_PID=

ok() { passed=$((passed + 1)); echo "ok - $1"; }
bad() { failed=$((failed + 1)); echo "not ok - $1"; }
finish() {
	echo "mysql-e2e: $passed passed, $failed failed"
	[ "$failed" -eq 0 ] || exit 1
	exit 0
}
stop_server() {
	[ -n "$PID1" ] && kill "$PID1" 2>/dev/null
	PID1=
	[ -n "$ROT_PID" ] && kill -9 "$ROT_PID" 2>/dev/null
	ROT_PID=
	[ -n "$HTTP_PID" ] && kill -9 "$HTTP_PID" 2>/dev/null
	HTTP_PID=
	[ -n "$JWKS_PID" ] && kill "$JWKS_PID" 2>/dev/null
	JWKS_PID=
	if [ -n "$PID" ]; then
		kill "$PID" 2>/dev/null
		i=0
		while kill -0 "$PID" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
		kill -9 "$PID" 2>/dev/null
		wait "$PID" 2>/dev/null
		PID=
	fi
}
trap 'stop_server' EXIT
trap 'stop_server; exit 1' INT TERM
# wait_port OUT PID: print the TCP port a server announced in OUT (empty
# when it exited or did not say within 30 s)
wait_port() {
	i=0
	while [ $i -lt 300 ] && kill -0 "$2" 2>/dev/null; do
		p=$(sed -n 's/^listening on 127\.0\.0\.1:\([0-9][0-9]*\)$/\1/p' "$1" 2>/dev/null)
		[ -n "$p" ] && { echo "$p"; return 0; }
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
# started PORT WHAT LOG: a server announced its port (ok), or show its log
started() {
	if [ -n "$1" ]; then
		ok "$2 listening on 127.0.0.1:$1"
	else
		bad "$2 did not start; its log:"
		sed 's/^/    /' "$3"
	fi
}
# stop_term PID NAME LOG: SIGTERM must end the server with exit 0
stop_term() {
	kill -TERM "$1" 2>/dev/null
	i=0
	while kill -0 "$1" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	if kill -0 "$1" 2>/dev/null; then
		bad "$2: ignored SIGTERM"
		kill -9 "$1" 2>/dev/null
		wait "$1" 2>/dev/null
	else
		wait "$1"
		src=$?
		if [ $src -eq 0 ]; then ok "$2: SIGTERM, exit 0"
		else bad "$2: SIGTERM: exit $src (99 = valgrind errors; see $3)"; fi
	fi
}

if [ ! -x "$BIN" ]; then
	bad "$BIN not built (run make)"
	finish
fi
if ! command -v node >/dev/null 2>&1; then
	echo "mysql-e2e: node is not installed (make deps)"
	echo "mysql-e2e: 0 passed, 1 failed"
	exit 1
fi
if [ ! -f build/node_modules/mysql2/package.json ]; then
	if ! command -v npm >/dev/null 2>&1; then
		echo "mysql-e2e: cannot install mysql2: npm is not installed (make deps)"
		echo "mysql-e2e: 0 passed, 1 failed"
		exit 1
	fi
	echo "mysql-e2e: installing mysql2 into build/node_modules"
	TO=
	command -v timeout >/dev/null 2>&1 && TO="timeout 300"
	if ! npm_out=$($TO npm install --prefix build --no-audit --no-fund mysql2@3 2>&1) \
	    || [ ! -f build/node_modules/mysql2/package.json ]; then
		reason=$(printf '%s\n' "$npm_out" | grep -i 'err' | head -n 3 | tr '\n' ' ')
		[ -n "$reason" ] || reason=$(printf '%s\n' "$npm_out" | tail -n 1)
		echo "mysql-e2e: cannot install mysql2: ${reason:-npm install failed}"
		echo "mysql-e2e: 0 passed, 1 failed"
		exit 1
	fi
fi

# ---- startup errors name the line ----
BAD=build/mysql-e2e-bad.sql
printf -- '-- a comment\n\nCREATE USER ok IDENTIFIED WITH authentication_jwt AS '"'"'{"principal_field":"sub"}'"'"'\nCREATE USER broken IDENTIFIED BY '"'"'secret'"'"';\n' > "$BAD"
err=$("$BIN" --accounts "$BAD" --jwks "$D/conf/jwks.json" --listen 127.0.0.1:0 2>&1 </dev/null)
rc=$?
if [ $rc -eq 2 ] && printf '%s' "$err" | grep -q "$BAD:4:"; then
	ok "malformed accounts line: exit 2, error names line 4"
else
	bad "malformed accounts line: exit $rc, output: $err"
fi
printf 'CREATE USER a IDENTIFIED WITH authentication_jwt AS '"'"'{"nope":"x"}'"'"';\n' > "$BAD"
err=$("$BIN" --accounts "$BAD" --jwks "$D/conf/jwks.json" --listen 127.0.0.1:0 2>&1 </dev/null)
rc=$?
if [ $rc -eq 2 ] && printf '%s' "$err" | grep -q "$BAD:1:.*CONFIG_MEMBER"; then
	ok "unknown property: exit 2, CONFIG_MEMBER on line 1"
else
	bad "unknown property: exit $rc, output: $err"
fi
# Does this build fetch URLs? (--help says; examples/mysql.mk decides.)
CURL=0
"$BIN" --help | grep -q "libcurl (this build has it)" && CURL=1
err=$("$BIN" --accounts "$D/create_user.sql" --listen 127.0.0.1:0 2>&1 </dev/null)
rc=$?
if [ $CURL = 0 ] && [ $rc -eq 2 ] && printf '%s' "$err" | grep -q "is a URL, and this build has no libcurl"; then
	ok "http jwks_url without --jwks (no libcurl): exit 2, says why"
elif [ $CURL = 1 ] && [ $rc -eq 2 ] \
    && printf '%s' "$err" | grep -q "create_user.sql:1: user 'tom': key set 'http://localhost:38080/.*': IO: "; then
	ok "http jwks_url nobody serves (libcurl): exit 2, names the account, IO"
else
	bad "http jwks_url without --jwks: exit $rc, output: $err"
fi
# one line of accounts with properties $1, under --conf-dir $D/conf
bad_source() {
	printf 'CREATE USER a IDENTIFIED WITH authentication_jwt AS '"'"'%s'"'"'\n' "$1" > "$BAD"
	err=$("$BIN" --accounts "$BAD" --conf-dir "$D/conf" --listen 127.0.0.1:0 2>&1 </dev/null)
	rc=$?
}
bad_source '{"jwks_url":"../jwks.json"}'
if [ $rc -eq 2 ] && printf '%s' "$err" | grep -q "$BAD:1: user 'a': jwks_url '\.\./jwks\.json' refused: CONFIG_PATH: .*'\.\.'"; then
	ok "jwks_url with '..': refused by the library (CONFIG_PATH), line and user named"
else
	bad "jwks_url with '..': exit $rc, output: $err"
fi
bad_source '{"jwks_url":"/etc/passwd"}'
if [ $rc -eq 2 ] && printf '%s' "$err" | grep -q "user 'a': jwks_url '/etc/passwd' refused: CONFIG_PATH: absolute"; then
	ok "absolute jwks_url: refused (CONFIG_PATH)"
else
	bad "absolute jwks_url: exit $rc, output: $err"
fi
bad_source '{"jwks_url":"missing.json"}'
if [ $rc -eq 2 ] && printf '%s' "$err" \
    | grep -q "$BAD:1: user 'a': key set 'missing.json' ($D/conf/missing.json): IO: no such file"; then
	ok "missing key file under --conf-dir: exit 2, account, path and errno named"
else
	bad "missing key file: exit $rc, output: $err"
fi
mkdir -p "$ROT_CONF"
printf '{"keys":[{"kty":"RSA"' > "$ROT_CONF/broken.json"
printf 'CREATE USER a IDENTIFIED WITH authentication_jwt AS '"'"'{"jwks_url":"broken.json"}'"'"'\n' > "$BAD"
err=$("$BIN" --accounts "$BAD" --conf-dir "$ROT_CONF" --listen 127.0.0.1:0 2>&1 </dev/null)
rc=$?
if [ $rc -eq 2 ] && printf '%s' "$err" | grep -q "$BAD:1: user 'a': key set 'broken.json' (.*): JSON_SYNTAX: "; then
	ok "broken key file: exit 2, account named, JSON_SYNTAX"
else
	bad "broken key file: exit $rc, output: $err"
fi
rm -f "$ROT_CONF/broken.json"
printf 'CREATE USER a IDENTIFIED WITH authentication_jwt AS '"'"'{"jwks_url":"jwks.json"}'"'"'\n' > "$BAD"
err=$("$BIN" --accounts "$BAD" --listen 127.0.0.1:0 2>&1 </dev/null)
rc=$?
if [ $rc -eq 2 ] && printf '%s' "$err" | grep -q "user 'a': jwks_url 'jwks.json' refused: CONFIG_PATH: .*give --conf-dir"; then
	ok "file jwks_url without --conf-dir: refused, says to give one"
else
	bad "file jwks_url without --conf-dir: exit $rc, output: $err"
fi
err=$("$BIN" --accounts "$BAD" --conf-dir "$D/conf" --cache-ttl 0 --listen 127.0.0.1:0 2>&1 </dev/null)
rc=$?
err2=$("$BIN" --accounts "$BAD" --conf-dir "$D/conf" --cache-cooldown x --listen 127.0.0.1:0 2>&1 </dev/null)
rc2=$?
if [ $rc -eq 2 ] && [ $rc2 -eq 2 ] && printf '%s' "$err" | grep -q -- "--cache-ttl: expected seconds" \
    && printf '%s' "$err2" | grep -q -- "--cache-cooldown: expected seconds"; then
	ok "--cache-ttl 0 and --cache-cooldown x: usage errors"
else
	bad "cache options: exit $rc/$rc2, output: $err / $err2"
fi
rm -f "$BAD"

# ---- the server ----
rm -f "$OUT" "$LOG" "$SOCK"
VG=
[ "${MYSQL_E2E_VALGRIND:-0}" = 1 ] && VG="valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=all"
$VG "$BIN" --listen 127.0.0.1:0 --socket "$SOCK" --accounts "$D/accounts.sql" \
	--jwks "$D/conf/jwks.json" --max-connections 16 >"$OUT" 2>"$LOG" </dev/null &
PID=$!
PORT=
i=0
while [ $i -lt 300 ]; do
	PORT=$(sed -n 's/^listening on 127\.0\.0\.1:\([0-9][0-9]*\)$/\1/p' "$OUT" 2>/dev/null)
	[ -n "$PORT" ] && grep -q "^listening on unix:" "$OUT" 2>/dev/null && break
	kill -0 "$PID" 2>/dev/null || break
	sleep 0.1
	i=$((i + 1))
done
if [ -z "$PORT" ]; then
	bad "server did not start; its log:"
	sed 's/^/    /' "$LOG"
	finish
fi
ok "server listening on 127.0.0.1:$PORT and unix:$SOCK"

# a second server allowing one connection, for the ERR 1040 check
"$BIN" --listen 127.0.0.1:0 --accounts "$D/accounts.sql" --jwks "$D/conf/jwks.json" \
	--max-connections 1 >"$OUT.1" 2>"$LOG.1" </dev/null &
PID1=$!
PORT1=
i=0
while [ $i -lt 100 ] && [ -z "$PORT1" ] && kill -0 "$PID1" 2>/dev/null; do
	sleep 0.1
	PORT1=$(sed -n 's/^listening on 127\.0\.0\.1:\([0-9][0-9]*\)$/\1/p' "$OUT.1" 2>/dev/null)
	i=$((i + 1))
done
[ -n "$PORT1" ] || bad "second server (--max-connections 1) did not start"

# The rotation server: tom first, then 19 more accounts on the same file
# (so the account table grows past its first allocation), the key set read
# from $ROT_CONF/jwks.json through the cache. The node part rewrites it.
mkdir -p "$ROT_CONF"
cp "$D/conf/jwks.json" "$ROT_CONF/jwks.json"
PROPS='{"jwks_url": "jwks.json", "principal_field": "preferred_username", "required_issuer": "http://localhost:38080/realms/master", "required_audience": "starrocks"}'
{
	echo "CREATE USER tom IDENTIFIED WITH authentication_jwt AS '$PROPS'"
	for n in 01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19; do
		echo "CREATE USER user$n IDENTIFIED WITH authentication_jwt AS '$PROPS'"
	done
} > "$ROT_ACC"
rm -f "$ROT_OUT" "$ROT_LOG"
$VG "$BIN" --listen 127.0.0.1:0 --accounts "$ROT_ACC" --conf-dir "$ROT_CONF" \
	--cache-ttl 3 --cache-cooldown 1 --cache-max-stale 3 >"$ROT_OUT" 2>"$ROT_LOG" </dev/null &
ROT_PID=$!
ROT_PORT=$(wait_port "$ROT_OUT" "$ROT_PID")
started "$ROT_PORT" "rotation server (file key set through the cache)" "$ROT_LOG"
if [ "$(grep -c "key set 'jwks.json' ($ROT_CONF/jwks.json): 1 usable key(s)" "$ROT_LOG")" = 1 ]; then
	ok "20 accounts sharing one file: loaded once at startup"
else
	bad "startup load of the shared file not logged exactly once"
fi

# The http server (when the binary has libcurl): tom's jwks_url is a URL
# served by tests/jwks_server.py, which logs every request.
HTTP_PORT=
if [ $CURL = 1 ] && command -v python3 >/dev/null 2>&1; then
	rm -rf "$WWW"
	mkdir -p "$WWW"
	cp "$D/conf/jwks.json" "$WWW/jwks.json"
	python3 tests/jwks_server.py "$WWW" 120 > "$WWW/port" 2>/dev/null &
	JWKS_PID=$!
	i=0; while [ ! -s "$WWW/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	JPORT=$(cat "$WWW/port")
	# bounded wait until it answers
	i=0; while ! python3 -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1], timeout=1)" \
		"http://127.0.0.1:$JPORT/jwks.json" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
	: > "$WWW/requests.log"
	echo "CREATE USER tom IDENTIFIED WITH authentication_jwt AS '{\"jwks_url\": \"http://127.0.0.1:$JPORT/jwks.json\", \"principal_field\": \"preferred_username\"}'" > "$HTTP_ACC"
	rm -f "$HTTP_OUT" "$HTTP_LOG"
	$VG "$BIN" --listen 127.0.0.1:0 --accounts "$HTTP_ACC" >"$HTTP_OUT" 2>"$HTTP_LOG" </dev/null &
	HTTP_PID=$!
	HTTP_PORT=$(wait_port "$HTTP_OUT" "$HTTP_PID")
	started "$HTTP_PORT" "http server (jwks_url http://127.0.0.1:$JPORT/jwks.json, libcurl)" "$HTTP_LOG"
else
	bad "http jwks_url: $( [ $CURL = 1 ] && echo "python3 not installed" || echo "the binary has no libcurl") (make deps)"
fi

TO=
command -v timeout >/dev/null 2>&1 && TO="timeout 300"
node_out=$($TO node tests/mysql_e2e.mjs --port "$PORT" --socket "$SOCK" ${PORT1:+--port1 "$PORT1"} \
	${ROT_PORT:+--rot-port "$ROT_PORT" --rot-conf "$ROT_CONF"} ${HTTP_PORT:+--http-port "$HTTP_PORT"} 2>&1)
node_rc=$?
kill "$PID1" 2>/dev/null
wait "$PID1" 2>/dev/null
PID1=
rm -f "$OUT.1" "$LOG.1"
printf '%s\n' "$node_out" | grep -v '^RESULT '
res=$(printf '%s\n' "$node_out" | sed -n 's/^RESULT \([0-9][0-9]*\) \([0-9][0-9]*\)$/\1 \2/p' | tail -n 1)
if [ -n "$res" ]; then
	passed=$((passed + ${res% *}))
	failed=$((failed + ${res#* }))
else
	bad "node test did not finish (exit $node_rc)"
fi

# ---- the server's side ----
if kill -0 "$PID" 2>/dev/null; then ok "server process still running"; else bad "server process died"; fi
if grep -q "user 'jerry' refused: PRINCIPAL_MISMATCH" "$LOG" \
    && grep -q "user 'tom' refused: EXPIRED" "$LOG" \
    && grep -q "user 'tom' refused: SIGNATURE" "$LOG"; then
	ok "refusal reasons logged to stderr"
else
	bad "refusal reasons not all in the log"
fi
kill -TERM "$PID" 2>/dev/null
i=0
while kill -0 "$PID" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
if kill -0 "$PID" 2>/dev/null; then
	bad "server ignored SIGTERM"
	stop_server
else
	wait "$PID"
	rc=$?
	PID=
	if [ $rc -eq 0 ] && [ ! -e "$SOCK" ]; then
		ok "SIGTERM: exit 0, socket removed"
	else
		bad "SIGTERM: exit $rc (99 = valgrind errors; see $LOG)"
	fi
fi

# ---- the rotation server's side ----
if [ -n "$ROT_PID" ] && [ -n "$ROT_PORT" ]; then
	RC="$ROT_CONF/jwks.json"
	if grep -q "key set 'jwks.json' ($RC) reloaded (a token with an unknown kid)" "$ROT_LOG" \
	    && grep -q "key set 'jwks.json' ($RC) reloaded (its TTL passed)" "$ROT_LOG"; then
		ok "rotation log: reloads for an unknown kid and after the TTL"
	else
		bad "rotation log: reloads not logged"
	fi
	if grep -q "warning: key set 'jwks.json' ($RC) is past its TTL and reloading it failed: IO: .*: No such file or directory; the previous set was used" "$ROT_LOG"; then
		ok "rotation log: a login served from a stale set logs a warning"
	else
		bad "rotation log: no stale-set warning"
	fi
	if grep -q "user 'tom' refused: key set 'jwks.json' ($RC) unavailable: IO: no such file" "$ROT_LOG"; then
		ok "rotation log: the key source failure names the file and the cause"
	else
		bad "rotation log: key source failure not logged"
	fi
	stop_term "$ROT_PID" "rotation server" "$ROT_LOG"
	ROT_PID=
fi
if [ -n "$HTTP_PID" ] && [ -n "$HTTP_PORT" ]; then
	gets=$(grep -c "GET /jwks.json " "$WWW/requests.log")
	if [ "$gets" = 1 ]; then
		ok "http key set: one fetch (at startup), the logins served from the cache"
	else
		bad "http key set: $gets fetches, wanted 1"
	fi
	stop_term "$HTTP_PID" "http server" "$HTTP_LOG"
	HTTP_PID=
fi
[ -n "$JWKS_PID" ] && kill "$JWKS_PID" 2>/dev/null
JWKS_PID=
if [ "$failed" -gt 0 ]; then
	echo "server log ($LOG), last lines:"
	tail -n 30 "$LOG" | sed 's/^/    /'
	for f in "$ROT_LOG" "$HTTP_LOG"; do
		[ -f "$f" ] || continue
		echo "server log ($f), last lines:"
		tail -n 30 "$f" | sed 's/^/    /'
	done
fi
finish
