#!/bin/sh
# Run tests/ctgrind.c under valgrind: the HMAC path and the decoding of a
# JWK secret must not branch on (or index memory with) the secret, and
# each negative control must be caught.
exe=${1:-build/ctgrind}
if ! command -v valgrind >/dev/null 2>&1; then
	echo "ctgrind: skipped: valgrind not installed"
	echo "0 passed, 0 failed, 1 skipped"
	exit 0
fi
pass=0; fail=0
if valgrind -q --error-exitcode=1 "$exe" > build/ctgrind.log 2>&1; then
	pass=$((pass + 1)); echo "ok     HMAC verification has no secret-dependent branch"
else
	fail=$((fail + 1)); echo "FAIL   HMAC verification:"; cat build/ctgrind.log
fi
if valgrind -q --error-exitcode=1 "$exe" control > build/ctgrind-control.log 2>&1; then
	fail=$((fail + 1)); echo "FAIL   negative control not detected: the method proves nothing"
elif grep -q "uninitialised value" build/ctgrind-control.log; then
	pass=$((pass + 1)); echo "ok     negative control (memcmp on a secret tag) is flagged"
else
	fail=$((fail + 1)); echo "FAIL   negative control failed for another reason:"; cat build/ctgrind-control.log
fi
if valgrind -q --error-exitcode=1 "$exe" b64 > build/ctgrind-b64.log 2>&1; then
	pass=$((pass + 1)); echo "ok     secret base64 decoding has no secret-dependent branch or index"
else
	fail=$((fail + 1)); echo "FAIL   secret base64 decoding:"; cat build/ctgrind-b64.log
fi
if valgrind -q --error-exitcode=1 "$exe" b64control > build/ctgrind-b64control.log 2>&1; then
	fail=$((fail + 1)); echo "FAIL   negative control (table decoder) not detected"
elif grep -q "uninitialised value" build/ctgrind-b64control.log; then
	pass=$((pass + 1)); echo "ok     negative control (table-driven base64 of the secret) is flagged"
else
	fail=$((fail + 1)); echo "FAIL   b64 negative control failed for another reason:"; cat build/ctgrind-b64control.log
fi
echo "ctgrind: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
