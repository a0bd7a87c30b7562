#!/bin/sh
# Run tests/ctgrind.c under valgrind: the HMAC path must not branch on the
# secret, and the negative control must be caught.
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
echo "ctgrind: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
