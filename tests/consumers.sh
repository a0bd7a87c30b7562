#!/bin/sh
# consumers.sh - jwtauth.h as users take it (run by `make consumers`, part
# of `make test`):
#   1. `make install` into a DESTDIR tree: header, jwtauth.pc, CMake package
#      and CLI are there, and `make uninstall` removes them;
#   2. a program built with plain cc and `pkg-config --cflags --libs jwtauth`;
#   3. the same program built by CMake with find_package(jwtauth);
#   4. the same program built by CMake with add_subdirectory(<source tree>);
#   5. the CLI built against a BearSSL under another prefix
#      (BEARSSL_CFLAGS / BEARSSL_LIBS), and the refusal, with the install
#      command, when BearSSL cannot be found.
# Each consumer verifies a committed token and prints its subject.
cd "$(dirname "$0")/.." || exit 2
W=build/consumers
rm -rf "$W"
mkdir -p "$W" || exit 2
STAGE=$PWD/$W/stage
PREFIX=/usr/local
JWKS=tests/fixtures/jwks/public.json
TOKEN=tests/fixtures/tokens/rs256.jwt
NOW=1800000000
WANT="verified: sub=tom alg=RS256"
pass=0
fail=0
ok()  { pass=$((pass + 1)); echo "ok     $1"; }
bad() { fail=$((fail + 1)); echo "FAILED $1"; [ -n "${2:-}" ] && sed 's/^/       /' "$2" | tail -n 15; return 0; }
# runs LOG NAME PROGRAM: the consumer program verifies the token
runs() {
	out=$("$3" "$JWKS" "$TOKEN" "$NOW" 2>&1)
	if [ "$out" = "$WANT" ]; then ok "$2: $out"; else echo "$out" > "$1"; bad "$2: got '$out'" "$1"; fi
}
TO=
command -v timeout >/dev/null 2>&1 && TO="timeout 300"

# 1. install / uninstall
if $TO make --no-print-directory install DESTDIR="$STAGE" PREFIX=$PREFIX > "$W/install.log" 2>&1; then
	missing=
	for f in include/jwtauth.h lib/pkgconfig/jwtauth.pc lib/cmake/jwtauth/jwtauthConfig.cmake \
	    lib/cmake/jwtauth/jwtauthConfigVersion.cmake bin/jwtauth; do
		[ -f "$STAGE$PREFIX/$f" ] || missing="$missing $f"
	done
	if [ -z "$missing" ]; then ok "make install DESTDIR=... PREFIX=$PREFIX: header, .pc, CMake package, CLI"
	else bad "make install: missing$missing"; fi
	if "$STAGE$PREFIX/bin/jwtauth" verify --jwks "$JWKS" --now "$NOW" "@$TOKEN" > "$W/cli.out" 2>&1; then
		ok "installed CLI verifies a token"
	else bad "installed CLI" "$W/cli.out"; fi
	mkdir -p "$W/stage2"
	cp -R "$STAGE/." "$W/stage2/"
	if make --no-print-directory uninstall DESTDIR="$PWD/$W/stage2" PREFIX=$PREFIX > "$W/uninstall.log" 2>&1 \
	    && [ -z "$(find "$W/stage2" -type f)" ]; then
		ok "make uninstall removes every installed file"
	else bad "make uninstall left files: $(find "$W/stage2" -type f | tr '\n' ' ')" "$W/uninstall.log"; fi
else
	bad "make install" "$W/install.log"
fi

# 2. pkg-config
if command -v pkg-config >/dev/null 2>&1; then
	flags=$(PKG_CONFIG_PATH="$STAGE$PREFIX/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$STAGE" \
		pkg-config --cflags --libs jwtauth 2>"$W/pc.err")
	if [ -n "$flags" ] && ${CC:-cc} -std=c99 -Wall -Wextra -Wpedantic -Werror tests/consumer/verify.c \
	    -o "$W/verify-pc" $flags > "$W/pc.log" 2>&1; then
		ok "pkg-config --cflags --libs jwtauth: $flags"
		runs "$W/pc.run" "pkg-config consumer" "$W/verify-pc"
	else bad "pkg-config consumer does not build (flags: '$flags')" "$W/pc.log"; fi
else
	bad "pkg-config not installed (make deps)"
fi

# 3. and 4. CMake
if command -v cmake >/dev/null 2>&1; then
	if $TO cmake -S tests/consumer/find_package -B "$W/cmake-fp" -DCMAKE_PREFIX_PATH="$STAGE$PREFIX" \
	    > "$W/fp.log" 2>&1 && $TO cmake --build "$W/cmake-fp" >> "$W/fp.log" 2>&1; then
		ok "CMake find_package(jwtauth 1) builds"
		runs "$W/fp.run" "find_package consumer" "$W/cmake-fp/verify"
	else bad "CMake find_package consumer" "$W/fp.log"; fi
	if $TO cmake -S tests/consumer/subdir -B "$W/cmake-sub" -DJWTAUTH_SOURCE_DIR="$PWD" \
	    > "$W/sub.log" 2>&1 && $TO cmake --build "$W/cmake-sub" >> "$W/sub.log" 2>&1; then
		ok "CMake add_subdirectory(source tree) builds"
		runs "$W/sub.run" "add_subdirectory consumer" "$W/cmake-sub/verify"
	else bad "CMake add_subdirectory consumer" "$W/sub.log"; fi
else
	bad "cmake not installed (make deps)"
fi

# 5. BearSSL under another prefix: its headers and static library copied
# from the system's, then the CLI built against that prefix alone.
BP=$PWD/$W/bearssl-prefix
hdr=$(echo '#include <bearssl.h>' | ${CC:-cc} -M -x c - 2>/dev/null | tr ' \\' '\n\n' | grep '/bearssl\.h$' | head -n 1)
lib=$(${CC:-cc} -print-file-name=libbearssl.a)
if [ -n "$hdr" ] && [ -f "$lib" ]; then
	mkdir -p "$BP/include" "$BP/lib"
	cp "$hdr" "$BP/include/"
	[ -d "$(dirname "$hdr")/bearssl" ] && cp -R "$(dirname "$hdr")/bearssl" "$BP/include/"
	cp "$lib" "$BP/lib/"
	if make --no-print-directory B="$W/alt" BEARSSL_CFLAGS="-I$BP/include" BEARSSL_LIBS="$BP/lib/libbearssl.a" \
	    check-bearssl "$W/alt/jwtauth" > "$W/alt.log" 2>&1; then
		used=$(${CC:-cc} -I"$BP/include" -M -x c examples/jwtauth_cli.c 2>/dev/null | tr ' \\' '\n\n' \
			| grep 'bearssl\.h$' | head -n 1)
		case "$used" in
		"$BP"/*) ok "CLI built with BEARSSL_CFLAGS=-I<prefix> BEARSSL_LIBS=<prefix>/libbearssl.a" ;;
		*) bad "the CLI's bearssl.h came from '$used', not the prefix" ;;
		esac
		if "$W/alt/jwtauth" verify --jwks "$JWKS" --now "$NOW" "@$TOKEN" > "$W/alt.run" 2>&1; then
			ok "that CLI verifies a token"
		else bad "the prefix-built CLI" "$W/alt.run"; fi
	else bad "build against a BearSSL prefix" "$W/alt.log"; fi
else
	bad "cannot find the system's bearssl.h and libbearssl.a to copy (make deps)"
fi
if make --no-print-directory B="$W/none" BEARSSL_CFLAGS="--sysroot=$PWD/$W/empty" check-bearssl \
    > "$W/none.log" 2>&1; then
	bad "check-bearssl passed with no BearSSL reachable" "$W/none.log"
elif grep -q "apt-get install libbearssl-dev" "$W/none.log"; then
	ok "without BearSSL, make stops and prints the install command"
else bad "without BearSSL, no install command printed" "$W/none.log"; fi

echo "consumers: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
