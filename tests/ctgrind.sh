#!/bin/sh
# Run tests/ctgrind.c under valgrind: the HMAC path and the decoding of a
# JWK secret must not branch on (or index memory with) the secret, and
# each negative control must be caught.
exe=${1:-build/ctgrind}
if ! command -v valgrind >/dev/null 2>&1; then
	echo "ctgrind: valgrind not installed (make deps)"
	echo "ctgrind: 0 passed, 1 failed"
	exit 1
fi
pass=0; fail=0

# clean MODE WHAT: the mode must run without a valgrind report
clean() {
	log=build/ctgrind-${1:-hmac}.log
	if valgrind -q --error-exitcode=1 "$exe" $1 > "$log" 2>&1; then
		pass=$((pass + 1)); echo "ok     $2"
	else
		fail=$((fail + 1)); echo "FAIL   $2:"; cat "$log"
	fi
}

# flagged MODE WHAT: a negative control, which valgrind must report
flagged() {
	log=build/ctgrind-$1.log
	if valgrind -q --error-exitcode=1 "$exe" $1 > "$log" 2>&1; then
		fail=$((fail + 1)); echo "FAIL   negative control not detected ($2): the method proves nothing"
	elif grep -q "uninitialised value" "$log"; then
		pass=$((pass + 1)); echo "ok     negative control ($2) is flagged"
	else
		fail=$((fail + 1)); echo "FAIL   negative control ($2) failed for another reason:"; cat "$log"
	fi
}

clean "" "HMAC verification has no secret-dependent branch"
flagged control "memcmp on a secret tag"
clean b64 "secret base64 decoding has no secret-dependent branch or index"
flagged b64control "table-driven base64 of the secret"
echo "ctgrind: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
