#!/bin/sh
# demo.sh - the StarRocks JWT login scenario with the shipped files
# (run by `make demo`). Exit 0 when all four outcomes are as expected.
cd "$(dirname "$0")/.." || exit 2

BIN=build/jwtauth
D=examples/demo
if [ ! -x "$BIN" ]; then
	echo "demo: $BIN not built; run 'make' first" >&2
	exit 2
fi
for f in create_user.sql tom-properties.json conf/jwks.json tom.jwt tom-expired.jwt other-key.jwt; do
	if [ ! -f "$D/$f" ]; then echo "demo: missing $D/$f" >&2; exit 2; fi
done

CONF=$(cat "$D/tom-properties.json")
unexpected=0

# field NAME JSON: the value of a top-level string member (as escaped in JSON)
field() { printf '%s\n' "$2" | sed -n "s/.*\"$1\":\"\([^\"\\\\]*\(\\\\.[^\"\\\\]*\)*\)\".*/\1/p" | head -n 1; }

# login USER TOKEN-FILE EXPECTED(ACCEPTED|error name)
login() {
	user=$1; tok=$2; want=$3
	echo
	echo "\$ jwtauth verify --config \"\$(cat $D/tom-properties.json)\" \\"
	echo "      --jwks $D/conf/jwks.json --user $user @$tok"
	out=$("$BIN" verify --config "$CONF" --jwks "$D/conf/jwks.json" --user "$user" "@$tok")
	rc=$?
	echo "$out"
	if [ "$rc" -eq 0 ]; then
		got=ACCEPTED
		echo "$user: ACCEPTED (principal $(field principal "$out"))"
	else
		got=$(field error "$out")
		echo "$user: REJECTED ($got: $(field message "$out"))"
	fi
	if [ "$got" != "$want" ]; then
		echo "   ^^^ UNEXPECTED: wanted $want (exit $rc)"
		unexpected=$((unexpected + 1))
	fi
}

echo "== jwtauth demo: a StarRocks JWT login =="
echo
echo "The user, as created in StarRocks ($D/create_user.sql):"
echo
sed 's/^/    /' "$D/create_user.sql"
echo
echo "Its jwks_url points at a Keycloak (localhost:38080) that this demo does"
echo "not run, so the copy of that JWKS kept in the conf directory is used:"
echo "--jwks $D/conf/jwks.json. The rest of the properties apply as written:"
echo "principal from preferred_username, the issuer and the audience checked."

echo
echo "-- 1. tom logs in with his token"
login tom "$D/tom.jwt" ACCEPTED
echo
echo "-- 2. jerry presents tom's token"
login jerry "$D/tom.jwt" PRINCIPAL_MISMATCH
echo
echo "-- 3. tom with an expired token"
login tom "$D/tom-expired.jwt" EXPIRED
echo
echo "-- 4. tom with a token signed by another key (same kid)"
login tom "$D/other-key.jwt" SIGNATURE

echo
if [ "$unexpected" -eq 0 ]; then
	echo "demo: all 4 outcomes as expected"
	exit 0
fi
echo "demo: $unexpected of 4 outcomes NOT as expected"
exit 1
