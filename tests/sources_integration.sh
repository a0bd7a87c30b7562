#!/bin/sh
# Key rotation through a real HTTP server on 127.0.0.1: one long-lived
# `build/jwtauth verify --batch --jwks-url` process, the served JWKS
# replaced under it. Shows that a new kid is accepted after exactly one
# refresh, that a removed key keeps working until the TTL and is refused
# after it, and that HTTP errors and oversized documents are reported.
set -u
BIN=build/jwtauth
FX=tests/fixtures
pass=0; fail=0
ok()   { pass=$((pass + 1)); echo "ok     $1"; }
bad()  { fail=$((fail + 1)); echo "FAIL   $1"; }

if ! command -v python3 >/dev/null 2>&1; then
	echo "sources: skipped: python3 not installed"; exit 0
fi
if "$BIN" verify --jwks-url http://127.0.0.1:9/x x 2>/dev/null | grep -q "need a build with libcurl"; then
	echo "sources: skipped: build/jwtauth has no libcurl (apt-get install libcurl4-openssl-dev)"; exit 0
fi

TMP=$(mktemp -d)
SRV_PID=""; CLI_PID=""
cleanup() {
	exec 3>&- 2>/dev/null
	[ -n "$CLI_PID" ] && kill "$CLI_PID" 2>/dev/null
	[ -n "$SRV_PID" ] && kill "$SRV_PID" 2>/dev/null
	rm -rf "$TMP"
}
trap cleanup EXIT INT TERM

set_keys() {   # set_keys NAME... : serve {"keys":[those public JWKs]}
	out="$TMP/www/jwks.json.tmp"; sep=""
	printf '{"keys":[' > "$out"
	for k in "$@"; do printf '%s' "$sep" >> "$out"; cat "$FX/keys/$k.pub.jwk.json" >> "$out"; sep=","; done
	printf ']}' >> "$out"
	mv "$out" "$TMP/www/jwks.json"
}
gets() { grep -c "GET /jwks.json" "$TMP/www/requests.log" 2>/dev/null || echo 0; }
send() { cat "$FX/tokens/$1.jwt" >&3; echo >&3; }
wait_lines() {   # wait_lines N: until the CLI printed N lines (10 s at most)
	i=0
	while [ "$(wc -l < "$TMP/out")" -lt "$1" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
}
line() { sed -n "${1}p" "$TMP/out"; }

mkdir -p "$TMP/www"
set_keys rsa2048a
python3 tests/jwks_server.py "$TMP/www" 60 > "$TMP/port" 2>/dev/null &
SRV_PID=$!
i=0; while [ ! -s "$TMP/port" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
PORT=$(cat "$TMP/port")
[ -n "$PORT" ] || { echo "FAIL   the test server did not start"; echo "sources: 0 passed, 1 failed"; exit 1; }
URL="http://127.0.0.1:$PORT/jwks.json"

mkfifo "$TMP/in"
"$BIN" verify --batch --jwks-url "$URL" --now 1800000000 --cache-ttl 3 --cache-cooldown 1 \
	--issuer https://issuer.example --audience starrocks < "$TMP/in" > "$TMP/out" 2>"$TMP/err" &
CLI_PID=$!
exec 3> "$TMP/in"

send rs256; wait_lines 1
case "$(line 1)" in *'"ok":true'*) ok "set A: rs256 (kid rsa2048a) accepted";; *) bad "set A: rs256: $(line 1)";; esac
[ "$(gets)" -eq 1 ] && ok "one fetch for the first load" || bad "fetches after first load: $(gets)"

set_keys rsa2048a ec256
send es256; wait_lines 2
case "$(line 2)" in *'"ok":true'*) ok "new kid ec256 accepted after the rotation";; *) bad "new kid: $(line 2)";; esac
[ "$(gets)" -eq 2 ] && ok "exactly one refresh for the new kid" || bad "fetches after new kid: $(gets)"

set_keys ec256
send rs256; wait_lines 3
case "$(line 3)" in *'"ok":true'*) ok "removed key still served from the cache inside the TTL";; *) bad "inside TTL: $(line 3)";; esac
send es256; wait_lines 4
[ "$(gets)" -eq 2 ] && ok "known kids cause no fetch" || bad "fetches inside TTL: $(gets)"

sleep 4
send rs256; wait_lines 5
case "$(line 5)" in *'"ok":false'*'KID_UNKNOWN'*) ok "removed key refused after the TTL (KID_UNKNOWN)";; *) bad "after TTL: $(line 5)";; esac
[ "$(gets)" -eq 3 ] && ok "one refresh when the TTL passed" || bad "fetches after TTL: $(gets)"
send es256; wait_lines 6
case "$(line 6)" in *'"ok":true'*) ok "ec256 still accepted";; *) bad "ec256 after TTL: $(line 6)";; esac

exec 3>&-
wait "$CLI_PID"; rc=$?; CLI_PID=""
[ "$rc" -eq 0 ] && ok "--batch exits 0 at end of input" || bad "--batch exit $rc"

# errors: missing document, oversized document
out=$("$BIN" verify --jwks-url "http://127.0.0.1:$PORT/missing.json" "$(cat $FX/tokens/rs256.jwt)"); rc=$?
case "$rc:$out" in 2:*'"error":"IO"'*'404'*) ok "404 -> exit 2, IO (HTTP status 404)";; *) bad "404: $rc $out";; esac
head -c 1100000 /dev/zero | tr '\0' ' ' > "$TMP/www/big.json"
out=$("$BIN" verify --jwks-url "http://127.0.0.1:$PORT/big.json" "$(cat $FX/tokens/rs256.jwt)"); rc=$?
case "$rc:$out" in 2:*'"error":"TOO_LARGE"'*) ok "document over 1 MiB -> exit 2, TOO_LARGE";; *) bad "oversized: $rc $out";; esac
out=$("$BIN" verify --jwks-url "http://127.0.0.1:1/jwks.json" "$(cat $FX/tokens/rs256.jwt)"); rc=$?
case "$rc:$out" in 2:*'"error":"IO"'*) ok "connection refused -> exit 2, IO";; *) bad "refused: $rc $out";; esac

echo "sources: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
