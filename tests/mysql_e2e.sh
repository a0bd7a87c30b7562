#!/bin/sh
# mysql_e2e.sh - end-to-end test of build/jwtauth-mysqld (examples/mysql_server.c)
# with node's mysql2 client library (run by `make mysql-e2e`, part of
# `make test`). Installs mysql2 into build/node_modules when missing; if that
# is impossible it prints "skipped: ..." and exits 0 without claiming passes.
#   MYSQL_E2E_VALGRIND=1 sh tests/mysql_e2e.sh   runs the server under valgrind
# Closing line: "mysql-e2e: N passed, M failed" (exit 1 when M > 0).
cd "$(dirname "$0")/.." || exit 2

BIN=build/jwtauth-mysqld
D=examples/demo
OUT=build/mysql-e2e.out
LOG=build/mysql-e2e.log
SOCK=build/mysql-e2e.sock
passed=0
failed=0
PID=
PID1=

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

if [ ! -x "$BIN" ]; then
	bad "$BIN not built (run make)"
	finish
fi
if ! command -v node >/dev/null 2>&1; then
	echo "mysql-e2e: skipped: node is not installed"
	exit 0
fi
if [ ! -f build/node_modules/mysql2/package.json ]; then
	if ! command -v npm >/dev/null 2>&1; then
		echo "mysql-e2e: skipped: cannot install mysql2: npm is not installed"
		exit 0
	fi
	echo "mysql-e2e: installing mysql2 into build/node_modules"
	TO=
	command -v timeout >/dev/null 2>&1 && TO="timeout 300"
	if ! npm_out=$($TO npm install --prefix build --no-audit --no-fund mysql2@3 2>&1) \
	    || [ ! -f build/node_modules/mysql2/package.json ]; then
		reason=$(printf '%s\n' "$npm_out" | grep -i 'err' | head -n 3 | tr '\n' ' ')
		[ -n "$reason" ] || reason=$(printf '%s\n' "$npm_out" | tail -n 1)
		echo "mysql-e2e: skipped: cannot install mysql2: ${reason:-npm install failed}"
		exit 0
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
err=$("$BIN" --accounts "$D/create_user.sql" --listen 127.0.0.1:0 2>&1 </dev/null)
rc=$?
if [ $rc -eq 2 ] && printf '%s' "$err" | grep -q "is a URL"; then
	ok "http jwks_url without --jwks: exit 2, says why"
else
	bad "http jwks_url without --jwks: exit $rc, output: $err"
fi
printf 'CREATE USER a IDENTIFIED WITH authentication_jwt AS '"'"'{"jwks_url":"../jwks.json"}'"'"'\n' > "$BAD"
err=$("$BIN" --accounts "$BAD" --conf-dir "$D/conf" --listen 127.0.0.1:0 2>&1 </dev/null)
rc=$?
if [ $rc -eq 2 ] && printf '%s' "$err" | grep -q "'\.\.' would leave"; then
	ok "jwks_url with '..': refused"
else
	bad "jwks_url with '..': exit $rc, output: $err"
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

TO=
command -v timeout >/dev/null 2>&1 && TO="timeout 300"
node_out=$($TO node tests/mysql_e2e.mjs --port "$PORT" --socket "$SOCK" ${PORT1:+--port1 "$PORT1"} 2>&1)
kill "$PID1" 2>/dev/null
wait "$PID1" 2>/dev/null
PID1=
rm -f "$OUT.1" "$LOG.1"
node_rc=$?
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
if [ "$failed" -gt 0 ]; then
	echo "server log ($LOG), last lines:"
	tail -n 30 "$LOG" | sed 's/^/    /'
fi
finish
