#!/bin/sh
# Run tests/ctgrind.c under valgrind: the HMAC path and the decoding of a
# JWK secret must not branch on (or index memory with) the secret, and
# each negative control must be caught. Every binary given (one per
# compiler) is checked.
[ $# -gt 0 ] || set -- build/ctgrind
if ! command -v valgrind >/dev/null 2>&1; then
	echo "ctgrind: valgrind not installed (make deps)"
	echo "ctgrind: 0 passed, 1 failed"
	exit 1
fi
pass=0; fail=0

# clean EXE MODE WHAT: the mode must run without a valgrind report
clean() {
	log=$1-${2:-hmac}.log
	if valgrind -q --error-exitcode=1 "$1" $2 > "$log" 2>&1; then
		pass=$((pass + 1)); echo "ok     $3"
	else
		fail=$((fail + 1)); echo "FAIL   $3:"; cat "$log"
	fi
}

# flagged EXE MODE WHAT: a negative control, which valgrind must report
flagged() {
	log=$1-$2.log
	if valgrind -q --error-exitcode=1 "$1" $2 > "$log" 2>&1; then
		fail=$((fail + 1)); echo "FAIL   negative control not detected ($3): the method proves nothing"
	elif grep -q "uninitialised value" "$log"; then
		pass=$((pass + 1)); echo "ok     negative control ($3) is flagged"
	else
		fail=$((fail + 1)); echo "FAIL   negative control ($3) failed for another reason:"; cat "$log"
	fi
}

for exe in "$@"; do
	echo "ctgrind: $exe"
	clean "$exe" "" "HMAC verification has no secret-dependent branch"
	flagged "$exe" control "early-exit comparison of a secret tag"
	clean "$exe" b64 "secret base64 decoding has no secret-dependent branch or index"
	flagged "$exe" b64control "table-driven base64 of the secret"
done
echo "ctgrind: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
