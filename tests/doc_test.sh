#!/bin/sh
# doc_test.sh - every ```c block of README.md and docs/*.md compiles on its
# own (run by `make doc-test`, part of `make test`). A block with a main()
# is also linked. Fragments that are not whole C files are marked ```text.
cd "$(dirname "$0")/.." || exit 2
W=build/doc-snippets
rm -rf "$W"
mkdir -p "$W" || exit 2
CC=${CC:-cc}
pass=0
fail=0
for md in README.md docs/*.md; do
	[ -f "$md" ] || continue
	base=$(echo "$md" | tr '/.' '__')
	awk -v out="$W/$base" '
		/^```c[ \t]*$/ { n++; f = sprintf("%s_%d.c", out, n); printf "#line %d \"%s\"\n", NR + 1, FILENAME > f; inb = 1; next }
		/^```/ && inb { inb = 0; close(f); next }
		inb { print > f }
	' "$md"
done
for c in "$W"/*.c; do
	[ -f "$c" ] || continue
	where=$(sed -n '1s/^#line \([0-9]*\) "\(.*\)"/\2:\1/p' "$c")
	if grep -q '^int main\|^main(' "$c"; then
		cmd="$CC -std=c99 -Wall -Wextra -Wpedantic -Werror -I. $c -o ${c%.c} -lbearssl"
	else
		cmd="$CC -std=c99 -Wall -Wextra -Wpedantic -Werror -I. -c $c -o ${c%.c}.o"
	fi
	if $cmd > "${c%.c}.log" 2>&1; then
		pass=$((pass + 1)); echo "ok     $where"
	else
		fail=$((fail + 1)); echo "FAILED $where"; sed 's/^/       /' "${c%.c}.log" | head -n 20
	fi
done
if [ $((pass + fail)) -eq 0 ]; then
	fail=1; echo "FAILED no \`\`\`c block found in README.md or docs/"
fi
echo "doc-test: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
