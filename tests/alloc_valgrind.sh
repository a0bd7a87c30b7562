#!/bin/sh
# alloc_valgrind.sh PROGRAM - valgrind's heap summary must be the same for
# 1 and 1,000 iterations of PROGRAM (build/alloc_plain: jws_verify +
# authenticate + cached authenticate per token case; see
# tests/alloc_count.c). Any allocation per call would make the 1,000-run
# summary larger. Without valgrind it fails and says so (make deps).
set -u
prog=${1:-build/alloc_plain}
if ! command -v valgrind >/dev/null 2>&1; then
	echo "alloc_valgrind: FAIL: valgrind not installed (make deps installs it)"
	exit 1
fi
tmp=${TMPDIR:-/tmp}/alloc_valgrind.$$
trap 'rm -f "$tmp".*' EXIT INT TERM
summary() {
	valgrind --error-exitcode=3 --leak-check=full "$prog" "$1" >"$tmp.out.$1" 2>"$tmp.vg.$1" || {
		echo "alloc_valgrind: FAIL: valgrind run with $1 iteration(s) failed"
		cat "$tmp.vg.$1"
		exit 1
	}
	grep 'total heap usage' "$tmp.vg.$1" | sed 's/^==[0-9]*== *//'
}
one=$(summary 1)
many=$(summary 1000)
echo "alloc_valgrind:    1 iteration : $one"
echo "alloc_valgrind: 1000 iterations: $many"
if [ -z "$one" ] || [ "$one" != "$many" ]; then
	echo "alloc_valgrind: FAIL: the heap summaries differ"
	exit 1
fi
echo "alloc_valgrind: OK: identical heap summaries"
