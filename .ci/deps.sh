#!/bin/sh
# Install what the build needs when it is missing (Debian/Ubuntu, as root).
#   .ci/deps.sh          BearSSL only (enough for `make demo`)
#   .ci/deps.sh --test   plus clang, libFuzzer runtime, libcurl, valgrind,
#                        OpenSSL's libcrypto (the Ed25519 differential fuzzer)
# Set JWTAUTH_NO_AUTO_INSTALL=1 to only report what is missing.
need=""
[ -f /usr/include/bearssl.h ] || need="$need libbearssl-dev"
if [ "$1" = "--test" ]; then
	command -v clang >/dev/null 2>&1 || need="$need clang"
	ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1 \
		|| need="$need libclang-rt-14-dev"
	[ -f /usr/include/x86_64-linux-gnu/curl/curl.h ] || [ -f /usr/include/curl/curl.h ] \
		|| need="$need libcurl4-openssl-dev"
	[ -f /usr/include/valgrind/memcheck.h ] || need="$need valgrind"
	[ -f /usr/include/openssl/evp.h ] || need="$need libssl-dev"
	command -v python3 >/dev/null 2>&1 || need="$need python3"
	command -v npm >/dev/null 2>&1 || need="$need nodejs npm"
fi
[ -z "$need" ] && exit 0
if [ -n "$JWTAUTH_NO_AUTO_INSTALL" ] || [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
	echo "missing:$need"
	echo "install with: sudo apt-get install$need"
	exit 1
fi
echo "deps: installing$need"
apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
