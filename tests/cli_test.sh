#!/bin/sh
# cli_test.sh - black-box tests of build/jwtauth (run from the repo root by
# `make test` / `make cli-test`). One line per check; the last line is
# exactly "cli: N passed, M failed"; exit status 1 when M > 0.
# Fixtures are committed: a missing fixture file is a failure, not a skip.

BIN=${JWTAUTH_BIN:-build/jwtauth}
FX=tests/fixtures
DEMO=examples/demo
NOW=1800000000            # the manifest's reference time (tests/fixtures/README.md)
ISS=https://issuer.example
DEMO_ISS=http://localhost:38080/realms/master

pass=0
fail=0
OUT=
RC=0

TMP=$(mktemp -d 2>/dev/null || mktemp -d -t jwtauth-cli)
trap 'rm -rf "$TMP"' EXIT INT TERM

ok()  { pass=$((pass + 1)); printf 'ok     %s\n' "$1"; }
bad() {
	fail=$((fail + 1))
	printf 'FAILED %s\n' "$1"
	[ -n "${2:-}" ] && printf '       %s\n' "$2"
	return 0
}

# run CMD...: OUT = stdout, RC = exit status (stderr discarded)
run() { OUT=$("$@" 2>/dev/null </dev/null); RC=$?; }

# expect DESC RC [FIXED-STRING...]: the last run exited RC and its stdout
# holds every string.
expect() {
	desc=$1; want=$2; shift 2
	if [ "$RC" != "$want" ]; then
		bad "$desc" "exit $RC, wanted $want; stdout: $(printf '%s' "$OUT" | head -c 300)"
		return
	fi
	for s in "$@"; do
		if ! printf '%s\n' "$OUT" | grep -F -q -e "$s"; then
			bad "$desc" "stdout lacks $s: $(printf '%s' "$OUT" | head -c 300)"
			return
		fi
	done
	ok "$desc"
}

# expect_not DESC STRING: the last run's stdout does not hold STRING.
expect_not() {
	if printf '%s\n' "$OUT" | grep -F -q -e "$2"; then
		bad "$1" "stdout holds $2"
	else
		ok "$1"
	fi
}

# need FILE...: fail (once per file) when a committed fixture is missing.
need() {
	r=0
	for f in "$@"; do
		if [ ! -f "$f" ]; then bad "fixture $f exists" "missing"; r=1; fi
	done
	return $r
}

if [ ! -x "$BIN" ]; then
	bad "binary $BIN exists" "build it with: make build/jwtauth"
	echo "cli: $pass passed, $fail failed"
	exit 1
fi

# ----------------------------------------------------------------- usage
run "$BIN" --help;            expect "--help exits 0" 0 "usage: jwtauth" "verify" "jws-verify" "inspect"
run "$BIN" verify --help;     expect "verify --help exits 0" 0 "--jwks" "--principal-field" "--batch"
run "$BIN" jws-verify --help; expect "jws-verify --help exits 0" 0 "jws-verify --jwks"
run "$BIN" inspect --help;    expect "inspect --help exits 0" 0 "inspect TOKEN"
run "$BIN";                   expect "no command exits 2" 2
run "$BIN" frobnicate x;      expect "unknown command exits 2" 2 '"ok":false' '"error":"USAGE"'
run "$BIN" verify --bogus x;  expect "unknown flag exits 2" 2 '"ok":false' '"error":"USAGE"'

# ------------------------------------------------- every manifest row
if need "$FX/tokens.tsv"; then
	# the first line is a comment; columns: name, jwks, expected, note
	tab=$(printf '\t')
	while IFS="$tab" read -r name jwks expected _note; do
		case "$name" in ''|'#'*) continue ;; esac
		tok="$FX/tokens/$name.jwt"
		keys="$FX/$jwks"
		need "$tok" "$keys" || continue
		what="$name/$(basename "$jwks" .json)"
		case "$name" in demo-*) iss=$DEMO_ISS ;; *) iss=$ISS ;; esac

		run "$BIN" verify --jwks "$keys" --now "$NOW" "@$tok"
		case "$expected" in
		ok)
			case "$name" in
			demo-*) expect "verify $what -> ok" 0 '"ok":true' '"claims":{' ;;
			*)      expect "verify $what -> ok" 0 '"ok":true' '"principal":"tom"' '"claims":{' ;;
			esac
			run "$BIN" verify --jwks "$keys" --now "$NOW" --issuer "$iss" \
				--audience starrocks --principal-field preferred_username \
				--user TOM "@$tok"
			expect "verify $what with issuer/audience/--user TOM -> ok" 0 '"ok":true' '"principal":"tom"'
			run "$BIN" jws-verify --jwks "$keys" "@$tok"
			expect "jws-verify $what -> ok" 0 '"iss":"'"$iss"'"'
			;;
		KEYSET_*)
			expect "verify $what -> $expected (exit 2)" 2 '"ok":false' "\"error\":\"$expected\""
			run "$BIN" jws-verify --jwks "$keys" "@$tok"
			expect "jws-verify $what -> $expected (exit 2)" 2 "\"error\":\"$expected\""
			;;
		EXPIRED|NOT_YET_VALID)
			expect "verify $what -> $expected" 1 '"ok":false' "\"error\":\"$expected\""
			run "$BIN" jws-verify --jwks "$keys" "@$tok"
			expect "jws-verify $what -> signature ok" 0 '"iss":"'
			;;
		*)
			expect "verify $what -> $expected" 1 '"ok":false' "\"error\":\"$expected\""
			run "$BIN" jws-verify --jwks "$keys" "@$tok"
			expect "jws-verify $what -> $expected" 1 '"ok":false' "\"error\":\"$expected\""
			;;
		esac
	done < "$FX/tokens.tsv"
fi

# ------------------------------------------------ key document formats
if need "$FX/tokens/rs256-nokid.jwt" "$FX/tokens/es256.jwt" "$FX/tokens/rs256.jwt" \
	"$FX/keys/rsa2048a.spki.pem" "$FX/keys/rsa2048a.pkcs1.pem" "$FX/keys/rsa2048a.cert.pem" \
	"$FX/keys/rsa2048a.pub.jwk.json" "$FX/keys/rsa2048a.key.pem" "$FX/keys/ec256.spki.pem" \
	"$FX/keys/ec256.cert.pem" "$FX/keys/rsa2048b.spki.pem"; then
	for k in rsa2048a.spki.pem rsa2048a.pkcs1.pem rsa2048a.cert.pem; do
		run "$BIN" verify --jwks "$FX/keys/$k" --now "$NOW" "@$FX/tokens/rs256-nokid.jwt"
		expect "verify rs256-nokid with PEM $k -> ok" 0 '"ok":true' '"alg":"RS256"' '"kid":null'
	done
	run "$BIN" verify --jwks "$FX/keys/rsa2048a.pub.jwk.json" --now "$NOW" "@$FX/tokens/rs256.jwt"
	expect "verify rs256 with a single JWK -> ok" 0 '"ok":true' '"kid":"rsa2048a"'
	run "$BIN" verify --jwks "$FX/keys/rsa2048b.spki.pem" --now "$NOW" "@$FX/tokens/rs256-nokid.jwt"
	expect "verify rs256-nokid with the wrong PEM key -> rejected" 1 '"ok":false'
	run "$BIN" verify --jwks "$FX/keys/rsa2048a.key.pem" --now "$NOW" "@$FX/tokens/rs256-nokid.jwt"
	expect "a private key file as --jwks -> exit 2" 2 '"ok":false'
fi
run "$BIN" verify --jwks "$TMP/no-such-file.json" --now "$NOW" x.y.z
expect "missing key file -> exit 2 IO" 2 '"error":"IO"'
printf 'not a key\n' > "$TMP/garbage.txt"
run "$BIN" verify --jwks "$TMP/garbage.txt" --now "$NOW" x.y.z
expect "garbage key file -> exit 2" 2 '"ok":false'
run "$BIN" jws-verify x.y.z
expect "jws-verify without --jwks -> exit 2" 2 '"error":"USAGE"'

# ------------------------------------------------------- the demo
D_JWKS=$DEMO/conf/jwks.json
if need "$DEMO/tom-properties.json" "$D_JWKS" "$DEMO/tom.jwt" "$DEMO/tom-expired.jwt" \
	"$DEMO/other-key.jwt"; then
	CONF=$(cat "$DEMO/tom-properties.json")
	TOM=$(cat "$DEMO/tom.jwt")

	run "$BIN" verify --config "$CONF" --jwks "$D_JWKS" --user tom "$TOM"
	expect "demo: tom logs in" 0 '"ok":true' '"principal":"tom"' '"alg":"RS256"' '"kid":"demo-key-1"' '"preferred_username":"tom"'
	run "$BIN" verify --config "$CONF" --jwks "$D_JWKS" --user Tom "$TOM"
	expect "demo: user name compared case-insensitively" 0 '"ok":true' '"principal":"tom"'
	run "$BIN" verify --config "$CONF" --jwks "$D_JWKS" --user jerry "$TOM"
	expect "demo: jerry with tom's token -> PRINCIPAL_MISMATCH" 1 '"ok":false' '"error":"PRINCIPAL_MISMATCH"'
	run "$BIN" verify --config "$CONF" --jwks "$D_JWKS" --user tom "@$DEMO/tom-expired.jwt"
	expect "demo: tom-expired -> EXPIRED" 1 '"error":"EXPIRED"'
	run "$BIN" verify --config "$CONF" --jwks "$D_JWKS" --user tom "@$DEMO/other-key.jwt"
	expect "demo: other-key -> SIGNATURE" 1 '"error":"SIGNATURE"'
	run "$BIN" verify --config "$CONF" --jwks "$D_JWKS" --user tom --now 1764003600 "$TOM"
	expect "demo: --now accepted" 0 '"ok":true'
	run "$BIN" verify --config "$CONF" --jwks "$D_JWKS" --user tom --now 1764003600 "@$DEMO/tom-expired.jwt"
	expect "demo: expired at exactly exp" 1 '"error":"EXPIRED"'
	run "$BIN" verify --config "$CONF" --jwks "$D_JWKS" --user tom --now 1764003600 --leeway 60 "@$DEMO/tom-expired.jwt"
	expect "demo: --leeway 60 accepts it" 0 '"ok":true'

	# token sources
	OUT=$(printf '%s\n' "$TOM" | "$BIN" verify --config "$CONF" --jwks "$D_JWKS" --user tom - 2>/dev/null); RC=$?
	expect "demo: token from stdin (-)" 0 '"ok":true' '"principal":"tom"'
	printf '%s\r\n\n' "$TOM" > "$TMP/tom.txt"
	run "$BIN" verify --config "$CONF" --jwks "$D_JWKS" --user tom "@$TMP/tom.txt"
	expect "demo: token from @FILE, trailing CRLF trimmed" 0 '"ok":true' '"principal":"tom"'
	run "$BIN" verify --config "$CONF" --jwks "$D_JWKS" --user tom "@$TMP/no-such.jwt"
	expect "demo: unreadable @FILE -> exit 2" 2 '"ok":false'

	# flags override the config
	run "$BIN" verify --config "$CONF" --jwks "$D_JWKS" --principal-field sub "$TOM"
	expect "demo: --principal-field sub overrides the config" 0 '"principal":"f1e0c7a2-4d3b-4c6e-9a51-2b7d8e3f0a19"'
	run "$BIN" verify --config "$CONF" --jwks "$D_JWKS" --principal-field /realm_access/roles/0 "$TOM"
	expect "demo: JSON Pointer principal field" 0 '"principal":"analyst"'
	run "$BIN" verify --config "$CONF" --jwks "$D_JWKS" --principal-field nope "$TOM"
	expect "demo: absent principal claim" 1 '"error":"PRINCIPAL_MISSING"'
	run "$BIN" verify --config "$CONF" --jwks "$D_JWKS" --user tom --issuer "https://other.example, https://x" "$TOM"
	expect "demo: --issuer mismatch -> ISSUER" 1 '"error":"ISSUER"'
	run "$BIN" verify --config "$CONF" --jwks "$D_JWKS" --user tom --issuer "https://other.example , $DEMO_ISS" "$TOM"
	expect "demo: --issuer list with the right one" 0 '"ok":true'
	run "$BIN" verify --config "$CONF" --jwks "$D_JWKS" --user tom --audience "spark,flink" "$TOM"
	expect "demo: --audience mismatch -> AUDIENCE" 1 '"error":"AUDIENCE"'
	run "$BIN" verify --jwks "$D_JWKS" --audience "spark, starrocks" "$TOM"
	expect "demo: --audience list with the right one" 0 '"ok":true'
	run "$BIN" verify --config '{"required_issuer":"https://nope.example"}' --jwks "$D_JWKS" "$TOM"
	expect "demo: required_issuer of the config applies" 1 '"error":"ISSUER"'
	run "$BIN" verify --config "$CONF" --jwks "$D_JWKS" --user tom --algorithms "ES256, PS256" "$TOM"
	expect "demo: --algorithms without RS256 -> ALG_NOT_ALLOWED" 1 '"error":"ALG_NOT_ALLOWED"'
	run "$BIN" verify --config "$CONF" --jwks "$D_JWKS" --user tom --algorithms RS256 "$TOM"
	expect "demo: --algorithms RS256" 0 '"ok":true'
	# a list that names nothing would switch its check off: refused, naming it
	run "$BIN" verify --config '{"required_issuer":" , "}' --jwks "$D_JWKS" "$TOM"
	expect "demo: required_issuer \" , \" -> CONFIG_VALUE" 2 '"error":"CONFIG_VALUE"' 'empty list' 'required_issuer'
	run "$BIN" verify --config '{"required_issuer":""}' --jwks "$D_JWKS" "$TOM"
	expect "demo: required_issuer \"\" -> CONFIG_VALUE" 2 '"error":"CONFIG_VALUE"' 'empty list' 'required_issuer'
	run "$BIN" verify --config '{"required_audience":[]}' --jwks "$D_JWKS" "$TOM"
	expect "demo: required_audience [] -> CONFIG_VALUE" 2 '"error":"CONFIG_VALUE"' 'empty list' 'required_audience'
	run "$BIN" verify --config '{"required_audience":","}' --jwks "$D_JWKS" "$TOM"
	expect "demo: required_audience \",\" -> CONFIG_VALUE" 2 '"error":"CONFIG_VALUE"' 'empty list' 'required_audience'
	run "$BIN" verify --config "$CONF" --jwks "$D_JWKS" --user tom --issuer " , " "$TOM"
	expect "demo: --issuer \" , \" -> CONFIG_VALUE" 2 '"error":"CONFIG_VALUE"' '--issuer: empty list' 'required_issuer'
	run "$BIN" verify --config "$CONF" --jwks "$D_JWKS" --user tom --issuer "" "$TOM"
	expect "demo: --issuer \"\" -> CONFIG_VALUE" 2 '"error":"CONFIG_VALUE"' '--issuer: empty list'
	run "$BIN" verify --config "$CONF" --jwks "$D_JWKS" --user tom --audience "," "$TOM"
	expect "demo: --audience \",\" -> CONFIG_VALUE" 2 '"error":"CONFIG_VALUE"' '--audience: empty list' 'required_audience'
	run "$BIN" verify --config "$CONF" --jwks "$D_JWKS" --user tom --algorithms " , " "$TOM"
	expect "demo: --algorithms \" , \" -> CONFIG_VALUE" 2 '"error":"CONFIG_VALUE"' '--algorithms: empty list'
	run "$BIN" jws-verify --jwks "$D_JWKS" --algorithms "," "$TOM"
	expect "demo: jws-verify --algorithms \",\" -> CONFIG_VALUE" 2 '"error":"CONFIG_VALUE"' '--algorithms: empty list'
	run "$BIN" verify --config "$CONF" --jwks "$D_JWKS" --user tom --groups-claim realm_access.roles "$TOM"
	expect "demo: --groups-claim realm_access.roles" 0 '"ok":true' '"groups":["analyst"]'
	run "$BIN" verify --config "$CONF" --jwks "$D_JWKS" --user tom "$TOM"
	expect_not "demo: no groups member without --groups-claim" '"groups"'

	# the key file under --conf-dir
	mkdir -p "$TMP/conf/sub"
	cp "$D_JWKS" "$TMP/conf/sub/keys.json"
	run "$BIN" verify --config '{"jwks_url":"sub/keys.json","principal_field":"preferred_username"}' \
		--conf-dir "$TMP/conf" --user tom "$TOM"
	expect "conf-dir: relative jwks_url file" 0 '"ok":true' '"principal":"tom"'
	run "$BIN" verify --conf-dir "$DEMO/conf" --jwks jwks.json --user tom \
		--principal-field preferred_username "$TOM"
	expect "conf-dir: relative --jwks resolved against it" 0 '"ok":true'
	run "$BIN" verify --config '{"jwks_url":"../conf/sub/keys.json"}' --conf-dir "$TMP/conf" "$TOM"
	expect "conf-dir: ../ escape -> CONFIG_PATH" 2 '"error":"CONFIG_PATH"'
	run "$BIN" verify --config '{"jwks_url":"sub/../../x.json"}' --conf-dir "$TMP/conf" "$TOM"
	expect "conf-dir: inner .. -> CONFIG_PATH" 2 '"error":"CONFIG_PATH"'
	run "$BIN" verify --config "{\"jwks_url\":\"$TMP/conf/sub/keys.json\"}" --conf-dir "$TMP/conf" "$TOM"
	expect "conf-dir: absolute jwks_url -> CONFIG_PATH" 2 '"error":"CONFIG_PATH"'
	run "$BIN" verify --config "$CONF" --user tom "$TOM"
	expect "http jwks_url, unreachable or no libcurl -> exit 2" 2 '"ok":false'
	run "$BIN" verify --user tom "$TOM"
	expect "no key source -> exit 2" 2 '"error":"USAGE"'
	run "$BIN" verify --config '{"jwks_url":1}' --jwks "$D_JWKS" "$TOM"
	expect "--config with a non-string member -> exit 2" 2 '"ok":false'
	run "$BIN" verify --config '{"jwks_uri":"x"}' --jwks "$D_JWKS" "$TOM"
	expect "--config with an unknown member -> exit 2 CONFIG_MEMBER" 2 '"error":"CONFIG_MEMBER"'
	run "$BIN" verify --config 'not json' --jwks "$D_JWKS" "$TOM"
	expect "--config not JSON -> exit 2" 2 '"ok":false'

	# flag validation
	run "$BIN" verify --jwks "$D_JWKS" --algorithms RS999 "$TOM"
	expect "bad --algorithms -> exit 2" 2 '"error":"ALG_UNKNOWN"'
	run "$BIN" verify --jwks "$D_JWKS" --leeway -5 "$TOM";   expect "negative --leeway -> exit 2" 2 '"error":"USAGE"'
	run "$BIN" verify --jwks "$D_JWKS" --leeway 1x "$TOM";   expect "non-numeric --leeway -> exit 2" 2 '"error":"USAGE"'
	run "$BIN" verify --jwks "$D_JWKS" --now soon "$TOM";    expect "non-numeric --now -> exit 2" 2 '"error":"USAGE"'
	run "$BIN" verify --jwks "$D_JWKS" --now 99999999999999999999999 "$TOM"
	expect "overflowing --now -> exit 2" 2 '"error":"USAGE"'
	run "$BIN" verify --jwks "$D_JWKS" --user;               expect "flag without value -> exit 2" 2 '"error":"USAGE"'
	run "$BIN" verify --jwks "$D_JWKS";                      expect "missing TOKEN -> exit 2" 2 '"error":"USAGE"'
	run "$BIN" verify --jwks "$D_JWKS" "$TOM" "$TOM";        expect "two TOKENs -> exit 2" 2 '"error":"USAGE"'
	run "$BIN" verify --jwks "$D_JWKS" --user a --user b "$TOM"
	expect "repeated flag -> exit 2" 2 '"error":"USAGE"'
	run "$BIN" verify --jwks="$D_JWKS" --user=tom --principal-field=preferred_username "$TOM"
	expect "--flag=value form" 0 '"ok":true'
	run "$BIN" verify --jwks "$D_JWKS" --jwks-url http://localhost:1/certs "$TOM"
	expect "--jwks with --jwks-url -> exit 2 (one key source)" 2 '"ok":false'
	run "$BIN" jws-verify --jwks "$D_JWKS" --user tom "$TOM"
	expect "jws-verify rejects verify-only flags" 2 '"error":"USAGE"'

	# malformed tokens
	run "$BIN" verify --jwks "$D_JWKS" "not-a-token"
	expect "malformed token -> exit 1" 1 '"ok":false'
	run "$BIN" verify --jwks "$D_JWKS" ""
	expect "empty token -> TOKEN_SIZE" 1 '"error":"TOKEN_SIZE"'
	head -c 20000 /dev/zero | tr '\0' 'a' > "$TMP/huge.jwt"
	run "$BIN" verify --jwks "$D_JWKS" "@$TMP/huge.jwt"
	expect "oversized token file -> TOKEN_SIZE" 1 '"error":"TOKEN_SIZE"'

	# --batch: one result per line, exit 0 at EOF
	{ printf '%s\n' "$TOM"; printf 'garbage\n'; cat "$DEMO/tom-expired.jwt"; printf '\n'; } > "$TMP/batch.txt"
	OUT=$("$BIN" verify --config "$CONF" --jwks "$D_JWKS" --user tom --batch < "$TMP/batch.txt" 2>/dev/null); RC=$?
	expect "--batch exits 0 at EOF" 0 '"ok":true' '"error":"EXPIRED"'
	n=$(printf '%s\n' "$OUT" | wc -l | tr -d ' ')
	l1=$(printf '%s\n' "$OUT" | sed -n 1p); l2=$(printf '%s\n' "$OUT" | sed -n 2p); l3=$(printf '%s\n' "$OUT" | sed -n 3p)
	case "$n|$l1|$l2|$l3" in
	'3|{"ok":true'*'|{"ok":false'*'|{"ok":false,"error":"EXPIRED"'*) ok "--batch: one result per input line, in order" ;;
	*) bad "--batch: one result per input line, in order" "$n lines: $OUT" ;;
	esac
	run "$BIN" verify --jwks "$D_JWKS" --batch "$TOM"
	expect "--batch with a TOKEN argument -> exit 2" 2 '"error":"USAGE"'

	# jws-verify prints the payload bytes exactly
	run "$BIN" jws-verify --jwks "$D_JWKS" "$TOM"
	expect "jws-verify demo token -> payload" 0 '{"iss":"http://localhost:38080/realms/master"'
	"$BIN" jws-verify --jwks "$D_JWKS" "$TOM" > "$TMP/payload.bin" 2>/dev/null
	case "$(tail -c 1 "$TMP/payload.bin" | od -An -c | tr -d ' ')" in
	'}') ok "jws-verify adds no newline" ;;
	*) bad "jws-verify adds no newline" "last byte: $(tail -c 1 "$TMP/payload.bin" | od -An -c)" ;;
	esac
	run "$BIN" jws-verify --jwks "$D_JWKS" --algorithms ES256 "$TOM"
	expect "jws-verify --algorithms ES256 -> ALG_NOT_ALLOWED" 1 '"error":"ALG_NOT_ALLOWED"'
	run "$BIN" jws-verify --jwks "$D_JWKS" "@$DEMO/other-key.jwt"
	expect "jws-verify other-key -> SIGNATURE" 1 '"error":"SIGNATURE"'

	# inspect: decoded, clearly unverified, even for a bad signature
	run "$BIN" inspect "@$DEMO/other-key.jwt"
	expect "inspect marks the output unverified" 0 '"verified":false' '"warning":"signature NOT verified"' \
		'"header":{"alg":"RS256"' '"payload":{"iss":"http://localhost:38080/realms/master"'
	expect_not "inspect never says ok" '"ok":true'
	run "$BIN" inspect "not-a-token"
	expect "inspect of a malformed token -> exit 1" 1 '"ok":false'
	run "$BIN" inspect
	expect "inspect without TOKEN -> exit 2" 2 '"error":"USAGE"'
fi

# ------------------------------------------------ messages with values
if need "$DEMO/tom-properties.json" "$DEMO/conf/jwks.json" "$DEMO/tom.jwt" "$DEMO/tom-expired.jwt"; then
	CONF=$(cat "$DEMO/tom-properties.json")
	TOM=$(cat "$DEMO/tom.jwt")
	run "$BIN" verify --config "$CONF" --jwks "$DEMO/conf/jwks.json" --user tom --now 1764003700 "@$DEMO/tom-expired.jwt"
	expect "EXPIRED names exp and now" 1 '"error":"EXPIRED"' 'exp 1764003600, now 1764003700, leeway 0' \
		'"exp":1764003600,"now":1764003700,"leeway":0}'
	run "$BIN" verify --config "$CONF" --jwks "$DEMO/conf/jwks.json" --user jerry "$TOM"
	expect "PRINCIPAL_MISMATCH names the principal and the user" 1 "preferred_username is 'tom', user is 'jerry'" \
		'"value":"tom","expected":"jerry"}'
	run "$BIN" verify --config "$CONF" --jwks "$DEMO/conf/jwks.json" --issuer https://other.example "$TOM"
	expect "ISSUER names the token's iss" 1 "iss '$DEMO_ISS'"
	run "$BIN" verify --config "$CONF" --jwks "$DEMO/conf/jwks.json" --audience spark "$TOM"
	expect "AUDIENCE names the token's aud" 1 "aud 'starrocks'"
	run "$BIN" verify --jwks "$DEMO/conf" "$TOM"
	expect "a directory as key file: role and cause" 2 '"error":"IO"' "key file '$DEMO/conf': is a directory"
	run "$BIN" verify --jwks "$DEMO/conf/jwks.json" "@$DEMO/conf"
	expect "a directory as token file: role and cause" 2 "token file '$DEMO/conf': is a directory"
	run "$BIN" verify --jwks "$TMP/absent.json" "$TOM"
	expect "a missing key file: no such file" 2 "key file '$TMP/absent.json': no such file"
	head -c 1048600 /dev/zero > "$TMP/big.json"
	run "$BIN" verify --jwks "$TMP/big.json" "$TOM"
	expect "an oversized key file: size over the limit" 2 '"error":"TOO_LARGE"' '1048600 bytes, 24 over the limit of 1048576'
	printf 'not a key\n' > "$TMP/garbage2.txt"
	run "$BIN" verify --jwks "$TMP/garbage2.txt" "$TOM"
	case "$OUT" in
	*'not a JWKS, JWK or PEM'*'not a JWKS, JWK or PEM'*) bad "no repeated wording in a key format error" "$OUT" ;;
	*'not a JWKS, JWK or PEM'*) ok "no repeated wording in a key format error" ;;
	*) bad "no repeated wording in a key format error" "$OUT" ;;
	esac
fi

# ------------------------------------------------------ keys are visible
REAL=tests/data/jwks-real
if need "$REAL/yahoo.json" "$REAL/keycloak.json" "$REAL/paypal.json"; then
	for f in "$REAL"/*.json; do
		name=$(basename "$f")
		want=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["keys"]) if "keys" in d else 1)' "$f")
		run "$BIN" keys "$f"
		n=$(printf '%s\n' "$OUT" | grep -c '  kid=')
		skipped=$(printf '%s\n' "$OUT" | grep -c '  skipped: ')
		badline=$(printf '%s\n' "$OUT" | grep '  kid=' | grep -v -e '  usable  thumbprint=[A-Za-z0-9_-]\{43\}$' -e '  skipped: .* ([A-Z_]*)$')
		if [ "$RC" = 0 ] && [ "$n" = "$want" ] && [ -z "$badline" ] \
		   && printf '%s\n' "$OUT" | grep -q "^$want keys, [0-9]* usable, $skipped skipped\$"; then
			ok "keys $name lists all $want entries ($skipped skipped, with reasons)"
		else
			bad "keys $name lists all $want entries" "exit $RC, $n listed: $OUT"
		fi
	done
	run "$BIN" keys "$REAL/yahoo.json"
	expect "keys: skipped 1024-bit RSA keys and why" 0 "0  kid=6ff94cdad11e7c3ac08dc9ec3c44844b87e364f7  kty=RSA  bits=1024  alg=RS256  use=sig  skipped: RSA modulus size out of range (KEY_RSA_SIZE)" \
		"1  kid=3466d51f7dd0c780565688c183921816c45889ad  kty=EC  crv=P-256  alg=ES256  use=sig  usable  thumbprint=" \
		"4 keys, 1 usable, 3 skipped"
	run "$BIN" keys --json "$REAL/keycloak.json"
	expect "keys --json: a skipped encryption key" 0 '{"ok":true,"count":2,"usable":1,"keys":[{"index":0,' \
		'"alg":"RSA-OAEP","use":"enc","key_ops":null,"usable":false,"error":"KEY_ALG"' '"usable":true'
	run "$BIN" keys --json "$REAL/paypal.json"
	expect "keys --json: an OKP X25519 entry is listed as skipped" 0 '"kty":"OKP","crv":"X25519"' '"error":"KEY_OKP_AGREEMENT"'
	OUT=$("$BIN" verify --jwks "$REAL/yahoo.json" --now "$NOW" x.y.z 2>&1 >/dev/null); RC=$?
	case "$OUT" in
	*"key 0 (kid '6ff94cdad11e7c3ac08dc9ec3c44844b87e364f7') skipped: RSA modulus size out of range (KEY_RSA_SIZE)"*"key 3 (kid '4') skipped"*)
		ok "verify reports every skipped key on stderr" ;;
	*) bad "verify reports every skipped key on stderr" "$OUT" ;;
	esac
	OUT=$("$BIN" verify --quiet --jwks "$REAL/yahoo.json" --now "$NOW" x.y.z 2>&1 >/dev/null); RC=$?
	if [ -z "$OUT" ]; then ok "--quiet silences the skipped-key report"; else bad "--quiet silences the skipped-key report" "$OUT"; fi
fi
if need tests/data/rfc7638/example.jwk.json; then
	run "$BIN" keys tests/data/rfc7638/example.jwk.json
	expect "keys: RFC 7638 example thumbprint" 0 'thumbprint=NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs'
	run "$BIN" keys --json tests/data/rfc7638/example.jwk.json
	expect "keys --json: RFC 7638 example" 0 '"kid":"2011-04-29","kty":"RSA","crv":null,"bits":2048,"alg":"RS256"' \
		'"thumbprint":"NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"'
fi
run "$BIN" keys;                         expect "keys without FILE -> exit 2" 2 '"error":"USAGE"'
run "$BIN" keys "$TMP/none.json";        expect "keys of a missing file -> exit 2" 2 '"error":"IO"'
run "$BIN" keys tests/fixtures/jwks/mixed.json
expect "keys of a mixed set -> exit 2" 2 '"error":"KEYSET_MIXED"'
run "$BIN" keys --help;                  expect "keys --help" 0 "usage: jwtauth keys"

# ------------------------------------------- examples/verify_token.c
VT=${JWTAUTH_VERIFY_TOKEN_BIN:-build/verify_token}
if [ ! -x "$VT" ]; then
	bad "binary $VT exists" "build it with: make build/verify_token"
elif need "$DEMO/conf/jwks.json" "$DEMO/tom.jwt" "$DEMO/tom-expired.jwt"; then
	run "$VT" "$DEMO/conf/jwks.json" "$DEMO/tom.jwt" 1764001000
	expect "verify_token: a valid token, its claims read with the getters" 0 \
		'verified: sub f1e0c7a2-4d3b-4c6e-9a51-2b7d8e3f0a19, preferred_username tom, analyst yes'
	run "$VT" "$DEMO/conf/jwks.json" "$DEMO/tom-expired.jwt" 1764003600
	expect "verify_token: an expired token, with exp and now" 1 'rejected EXPIRED: token expired (exp 1764003600, now 1764003600)'
	run "$VT" "$DEMO/conf" "$DEMO/tom.jwt"
	expect "verify_token: a directory as key file" 2 'error IO: key file is a directory'
fi

# ------------------------------------------- EdDSA (OpenSSL-made tokens)
ED=$FX/eddsa
if need "$ED/ed25519.jwks.json" "$ED/ed25519.spki.pem" "$ED/ed25519.cert.pem" "$ED/tokens.txt"; then
	ED_TOK=$(sed -n 's/^EdDSA //p' "$ED/tokens.txt" | head -n 1)
	ED_FULL=$(sed -n 's/^Ed25519 //p' "$ED/tokens.txt" | head -n 1)
	ED_NOKID=$(sed -n 's/^EdDSA //p' "$ED/tokens.txt" | sed -n 2p)
	run "$BIN" verify --jwks "$ED/ed25519.jwks.json" --user tom --issuer "$ISS" --audience starrocks \
		--now "$NOW" "$ED_TOK"
	expect "verify EdDSA token -> ok" 0 '"ok":true' '"alg":"EdDSA"' '"kid":"ed1"' '"principal":"tom"'
	run "$BIN" verify --jwks "$ED/ed25519.jwks.json" --user tom --now "$NOW" "$ED_FULL"
	expect "verify Ed25519 (RFC 9864) token -> ok" 0 '"ok":true' '"alg":"Ed25519"'
	run "$BIN" verify --jwks "$ED/ed25519.jwks.json" --user tom --now "$NOW" --algorithms EdDSA "$ED_FULL"
	expect "verify Ed25519 token, --algorithms EdDSA -> ALG_NOT_ALLOWED" 1 '"error":"ALG_NOT_ALLOWED"'
	run "$BIN" verify --jwks "$ED/ed25519.jwks.json" --user tom --now "$NOW" --algorithms RS256,Ed25519 "$ED_FULL"
	expect "verify --algorithms RS256,Ed25519 -> ok" 0 '"ok":true'
	run "$BIN" jws-verify --jwks "$ED/ed25519.spki.pem" "$ED_NOKID"
	expect "jws-verify EdDSA with an SPKI PEM key -> payload" 0 '{"sub":"tom","pad":"xxx'
	run "$BIN" jws-verify --jwks "$ED/ed25519.cert.pem" --algorithms EdDSA "$ED_NOKID"
	expect "jws-verify EdDSA with an X.509 certificate -> payload" 0 '{"sub":"tom"'
	run "$BIN" jws-verify --jwks "$ED/ed25519.jwks.json" --algorithms ES256 "$ED_TOK"
	expect "jws-verify EdDSA, --algorithms ES256 -> ALG_NOT_ALLOWED" 1 '"error":"ALG_NOT_ALLOWED"'
	run "$BIN" jws-verify --jwks "$ED/x25519.spki.pem" "$ED_NOKID"
	expect "jws-verify with an X25519 key -> KEYSET_EMPTY" 2 '"error":"KEYSET_EMPTY"'
	# the first signature character changed (a bit of R)
	ED_SIG=${ED_TOK##*.}
	case "$ED_SIG" in A*) ED_C=B ;; *) ED_C=A ;; esac
	ED_BAD="${ED_TOK%.*}.$ED_C${ED_SIG#?}"
	run "$BIN" jws-verify --jwks "$ED/ed25519.jwks.json" "$ED_BAD"
	expect "jws-verify EdDSA with a changed signature -> SIGNATURE" 1 '"error":"SIGNATURE"'
	run "$BIN" inspect "$ED_FULL"
	expect "inspect Ed25519 token" 0 '"verified":false' '"header":{"alg":"Ed25519"'
fi

# JSON escaping of what is echoed back
run "$BIN" verify --jwks "$TMP/we\"ird
name" x.y.z
case "$OUT" in
*'we\"ird\nname'*)
	if [ "$RC" = 2 ]; then ok "strings in output are JSON-escaped"
	else bad "strings in output are JSON-escaped" "exit $RC"; fi ;;
*) bad "strings in output are JSON-escaped" "$OUT" ;;
esac

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
