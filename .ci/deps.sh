#!/bin/sh
# Install what the build needs when it is missing (Debian/Ubuntu, as root).
#   .ci/deps.sh          BearSSL only (enough for `make demo`)
#   .ci/deps.sh --test   plus clang, libFuzzer runtime, libcurl, valgrind
#   .ci/deps.sh --bench  plus OpenSSL 3 and libjwt (the bench's comparisons)
#   .ci/deps.sh --cross  plus s390x and armhf cross compilers, BearSSL and
#                        libc of both architectures, qemu-user (make cross-test)
# Set JWTAUTH_NO_AUTO_INSTALL=1 to only report what is missing.
need=""
foreign=""
[ -f /usr/include/bearssl.h ] || need="$need libbearssl-dev"
if [ "$1" = "--test" ]; then
	command -v clang >/dev/null 2>&1 || need="$need clang"
	ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1 \
		|| need="$need libclang-rt-14-dev"
	[ -f /usr/include/x86_64-linux-gnu/curl/curl.h ] || [ -f /usr/include/curl/curl.h ] \
		|| need="$need libcurl4-openssl-dev"
	[ -f /usr/include/valgrind/memcheck.h ] || need="$need valgrind"
	command -v python3 >/dev/null 2>&1 || need="$need python3"
	command -v npm >/dev/null 2>&1 || need="$need nodejs npm"
fi
if [ "$1" = "--bench" ]; then
	[ -f /usr/include/openssl/evp.h ] || need="$need libssl-dev"
	[ -f /usr/include/jwt.h ] || need="$need libjwt-dev"
fi
if [ "$1" = "--cross" ]; then
	for a in s390x:s390x-linux-gnu armhf:arm-linux-gnueabihf; do
		arch=${a%%:*}
		triple=${a#*:}
		command -v "$triple-gcc" >/dev/null 2>&1 || need="$need gcc-$triple"
		[ -d "/usr/$triple/include" ] || need="$need libc6-dev-$arch-cross"
		[ -f "/usr/lib/$triple/libbearssl.so" ] || need="$need libbearssl-dev:$arch"
		[ -f "/usr/lib/$triple/libc.so.6" ] || need="$need libc6:$arch"
		dpkg --print-foreign-architectures 2>/dev/null | grep -qx "$arch" \
			|| foreign="$foreign $arch"
	done
	command -v qemu-s390x >/dev/null 2>&1 && command -v qemu-arm >/dev/null 2>&1 \
		|| need="$need qemu-user"
fi
[ -z "$need" ] && exit 0
if [ -n "$JWTAUTH_NO_AUTO_INSTALL" ] || [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
	echo "missing:$need"
	[ -n "$foreign" ] && echo "first: for a in$foreign; do sudo dpkg --add-architecture \$a; done"
	echo "install with: sudo apt-get install --no-install-recommends$need"
	exit 1
fi
for a in $foreign; do dpkg --add-architecture "$a"; done
echo "deps: installing$need"
apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	--no-install-recommends -o DPkg::Lock::Timeout=600 $need >/dev/null
