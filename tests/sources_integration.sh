#!/bin/sh
# sources_integration.sh - URL key sources through a real HTTP server on
# 127.0.0.1 (tests/jwks_server.py: a free port, every request logged).
# Long-lived `build/jwtauth verify --batch --jwks-url` processes are fed
# through a FIFO while the served JWKS changes under them. Shows that:
#   - a new kid is accepted after exactly one refresh;
#   - a removed key keeps working inside the TTL and is refused
#     (KID_UNKNOWN) after it, with one fetch for the TTL;
#   - a failing source is an error line in --batch, backed off for the
#     cooldown, and recovers; a failing refresh serves the previous set
#     (stale-if-error) with a warning;
#   - Cache-Control max-age from the server sets the TTL (clamped to >= 30 s);
#   - 404, a 301 redirect (not followed), an oversized document and a
#     refused connection are exit-2 errors for a single token.
# The claims are checked at --now 1800000000 (the fixtures' time); the cache
# clock starts there and advances in real time, so the sleeps below pass
# TTLs. Last line exactly "sources: N passed, M failed"; exit 1 if M > 0.
set -u
BIN=${JWTAUTH_BIN:-build/jwtauth}
FX=tests/fixtures
pass=0; fail=0
ok()   { pass=$((pass + 1)); echo "ok     $1"; }
bad()  { fail=$((fail + 1)); echo "FAILED $1"; }
check() { if [ "$1" = "$2" ]; then ok "$3"; else bad "$3 (got '$1', wanted '$2')"; fi; }

if ! command -v python3 >/dev/null 2>&1; then
	echo "FAILED python3 not installed (make deps)"; echo "sources: 0 passed, 1 failed"; exit 1
fi
if [ ! -x "$BIN" ]; then
	echo "FAILED $BIN not built"; echo "sources: 0 passed, 1 failed"; exit 1
fi
if "$BIN" verify --jwks-url http://127.0.0.1:9/x x 2>/dev/null | grep -q "need a build with libcurl"; then
	echo "FAILED build/jwtauth has no libcurl (make deps, then make)"
	echo "sources: 0 passed, 1 failed"
	exit 1
fi

TMP=$(mktemp -d)
SRV_PID=""; CLI_PID=""
cleanup() {
	exec 3>&- 2>/dev/null
	[ -n "$CLI_PID" ] && kill "$CLI_PID" 2>/dev/null
	[ -n "$SRV_PID" ] && kill "$SRV_PID" 2>/dev/null
	rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

WWW="$TMP/www"
mkdir -p "$WWW/cc" "$WWW/dir"
# set_keys FILE NAME... : serve {"keys":[those public JWKs]} at FILE
set_keys() {
	f=$1; shift
	out="$WWW/.tmp.json"; sep=""
	printf '{"keys":[' > "$out"
	for k in "$@"; do printf '%s' "$sep" >> "$out"; cat "$FX/keys/$k.pub.jwk.json" >> "$out"; sep=","; done
	printf ']}' >> "$out"
	mv "$out" "$WWW/$f"     # atomic: the server never sees half a file
}
# gets PATH: GET requests the server logged for PATH
gets() { grep -c "GET $1 " "$WWW/requests.log" 2>/dev/null || true; }

python3 tests/jwks_server.py "$WWW" 90 > "$TMP/port" 2>/dev/null &
SRV_PID=$!
i=0; while [ ! -s "$TMP/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
PORT=$(cat "$TMP/port")
if [ -z "$PORT" ]; then
	echo "FAILED the test server did not start"; echo "sources: 0 passed, 1 failed"; exit 1
fi
BASE="http://127.0.0.1:$PORT"
# bounded wait until it answers
i=0; while ! python3 -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1], timeout=1)" \
	"$BASE/" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done

# start URL TTL COOLDOWN: one --batch process reading the FIFO on fd 3
start() {
	rm -f "$TMP/in" "$TMP/out" "$TMP/err"; : > "$TMP/out"
	mkfifo "$TMP/in"
	"$BIN" verify --batch --jwks-url "$1" --now 1800000000 --cache-ttl "$2" --cache-cooldown "$3" \
		--issuer https://issuer.example --audience starrocks < "$TMP/in" > "$TMP/out" 2>"$TMP/err" &
	CLI_PID=$!
	exec 3> "$TMP/in"
	n_sent=0
}
# stop: end of input; the process must exit 0
stop() {
	exec 3>&-
	wait "$CLI_PID"; rc=$?; CLI_PID=""
	check "$rc" 0 "$1"
}
# send TOKEN: one line in, wait (10 s at most) for its result line, in $R
send() {
	cat "$FX/tokens/$1.jwt" >&3; echo >&3
	n_sent=$((n_sent + 1))
	i=0
	while [ "$(wc -l < "$TMP/out")" -lt "$n_sent" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	R=$(sed -n "${n_sent}p" "$TMP/out")
}
expect_line() {   # expect_line DESC PATTERN (a case pattern)
	case "$R" in $2) ok "$1";; *) bad "$1: $R";; esac
}

# 1. rotation (TTL 3 s, cooldown 2 s): set A = {rsa2048a}; then A+B;
#    then B = {ec256} alone
set_keys jwks.json rsa2048a
start "$BASE/jwks.json" 3 2
send rs256;  expect_line "set A: rs256 (kid rsa2048a) accepted" '{"ok":true,*'
check "$(gets /jwks.json)" 1 "one fetch for the first load"
set_keys jwks.json rsa2048a ec256
send es256;  expect_line "new kid ec256 accepted after the rotation" '{"ok":true,*"kid":"ec256"*'
check "$(gets /jwks.json)" 2 "exactly one refresh for the new kid"
set_keys jwks.json ec256
send rs256;  expect_line "removed key still served from the cache inside the TTL" '{"ok":true,*'
send es256;  expect_line "ec256 accepted from the cache" '{"ok":true,*'
check "$(gets /jwks.json)" 2 "known kids cause no fetch inside the TTL"
sleep 4
send rs256;  expect_line "removed key refused after the TTL (KID_UNKNOWN)" '{"ok":false,"error":"KID_UNKNOWN"*'
check "$(gets /jwks.json)" 3 "one refresh when the TTL passed"
send es256;  expect_line "ec256 still accepted" '{"ok":true,*'
# the last unknown-kid refresh was 4 s ago (> cooldown 2): one more fetch,
# then none for further unknown kids inside the cooldown
send rs256;  expect_line "removed key refused again" '{"ok":false,"error":"KID_UNKNOWN"*'
check "$(gets /jwks.json)" 4 "unknown kid after the cooldown: one refresh"
send rs256;  expect_line "removed key refused, inside the cooldown" '{"ok":false,"error":"KID_UNKNOWN"*'
send rs256
check "$(gets /jwks.json)" 4 "unknown kids inside the cooldown: no fetch"
stop "--batch exits 0 at end of input"

# 2. a failing source in --batch (cooldown 2 s): an error line per token,
#    back-off, recovery
start "$BASE/late.json" 60 2
send rs256;  expect_line "--batch: 404 on first load -> IO error line with the status" \
	'{"ok":false,"error":"IO",*late.json*HTTP status 404*'
send rs256;  expect_line "--batch: inside the cooldown -> IO error line" '{"ok":false,"error":"IO",*'
check "$(gets /late.json)" 1 "no fetch inside the cooldown after a failure"
set_keys late.json rsa2048a
sleep 2.2
send rs256;  expect_line "--batch: recovered after the cooldown" '{"ok":true,*'
check "$(gets /late.json)" 2 "one retry after the cooldown"
stop "--batch with a failing source exits 0 at end of input"

# 3. stale-if-error: the refresh after the TTL fails, the previous set serves
set_keys stale.json rsa2048a
start "$BASE/stale.json" 1 1
send rs256;  expect_line "stale: loaded" '{"ok":true,*'
rm -f "$WWW/stale.json"
sleep 2.2
send rs256;  expect_line "stale: refresh fails (404), previous set still accepted" '{"ok":true,*'
check "$(gets /stale.json)" 2 "stale: one failed refresh"
if grep -q "warning:.*previous set" "$TMP/err"; then ok "stale: warning on standard error"
else bad "stale: no warning on stderr: $(cat "$TMP/err")"; fi
stop "stale: exits 0"

# 4. Cache-Control: max-age=60 overrides --cache-ttl 1 (clamped to >= 30 s)
set_keys cc/jwks.json rsa2048a
start "$BASE/cc/jwks.json" 1 1
send rs256;  expect_line "max-age: loaded" '{"ok":true,*'
sleep 2.2
send rs256;  expect_line "max-age: still accepted" '{"ok":true,*'
check "$(gets /cc/jwks.json)" 1 "max-age=60 from the server: no refetch after --cache-ttl 1"
stop "max-age: exits 0"

# 5. single token: source failures are configuration errors (exit 2)
TOK=$(cat "$FX/tokens/rs256.jwt")
single() { R=$("$BIN" verify --jwks-url "$1" --now 1800000000 "$TOK" 2>/dev/null); rc=$?; }
single "$BASE/missing.json"
case "$rc:$R" in 2:*'"error":"IO"'*'HTTP status 404'*) ok "404 -> exit 2, IO (HTTP status 404)";; *) bad "404: $rc $R";; esac
single "$BASE/dir"
case "$rc:$R" in 2:*'"error":"IO"'*'HTTP status 301'*) ok "redirect not followed -> exit 2, IO (HTTP status 301)";; *) bad "redirect: $rc $R";; esac
head -c 1100000 /dev/zero | tr '\0' ' ' > "$WWW/big.json"
single "$BASE/big.json"
case "$rc:$R" in 2:*'"error":"TOO_LARGE"'*) ok "document over 1 MiB -> exit 2, TOO_LARGE";; *) bad "oversized: $rc $R";; esac
single "http://127.0.0.1:1/jwks.json"
case "$rc:$R" in 2:*'"error":"IO"'*) ok "connection refused -> exit 2, IO";; *) bad "refused: $rc $R";; esac
set_keys jwks.json rsa2048a
single "$BASE/jwks.json"
case "$rc:$R" in 0:*'"ok":true'*) ok "single token through --jwks-url -> exit 0";; *) bad "single: $rc $R";; esac

echo "sources: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
