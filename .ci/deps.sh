#!/bin/sh
# Install what the build needs when it is missing (Debian/Ubuntu, as root).
#   .ci/deps.sh             BearSSL only (enough for `make demo`)
#   .ci/deps.sh --test      plus what `make test` uses: clang, libFuzzer
#                           runtime, libcurl, valgrind, python3, iproute2
#                           (ss), node/npm,
#                           cmake and pkg-config (the packaging tests),
#                           MariaDB server, client and plugin headers,
#                           OpenSSL's libcrypto (the Ed25519 differential
#                           fuzzer), llvm (llvm-profdata and llvm-cov
#                           for make coverage)
#   .ci/deps.sh --bench     plus OpenSSL 3 and libjwt (the bench's comparisons)
#   .ci/deps.sh --cross     plus s390x and armhf cross compilers, BearSSL and
#                           libc of both architectures, qemu-user (make cross-test)
#   .ci/deps.sh --embedded  plus the Cortex-M cross toolchain (gcc-arm-none-eabi,
#                           newlib), qemu-user, dpkg-dev and a deb-src twin of
#                           the machine's own apt sources, so that
#                           `make embedded` can fetch BearSSL's source package
# Set JWTAUTH_NO_AUTO_INSTALL=1 to only report what is missing.
need=""
foreign=""
src_need=""
# BearSSL as the compiler finds it (BEARSSL_CFLAGS may point elsewhere).
printf '#include <bearssl.h>\n' | ${CC:-cc} $BEARSSL_CFLAGS -E -x c - >/dev/null 2>&1 \
	|| need="$need libbearssl-dev"
if [ "$1" = "--test" ]; then
	command -v clang >/dev/null 2>&1 || need="$need clang"
	ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1 \
		|| need="$need libclang-rt-14-dev"
	[ -f /usr/include/x86_64-linux-gnu/curl/curl.h ] || [ -f /usr/include/curl/curl.h ] \
		|| need="$need libcurl4-openssl-dev"
	[ -f /usr/include/valgrind/memcheck.h ] || need="$need valgrind"
	[ -f /usr/include/openssl/evp.h ] || need="$need libssl-dev"
	command -v python3 >/dev/null 2>&1 || need="$need python3"
	# ss: make mysqld-faults reads the listen backlog of the MySQL example
	command -v ss >/dev/null 2>&1 || need="$need iproute2"
	command -v npm >/dev/null 2>&1 || need="$need nodejs npm"
	command -v cmake >/dev/null 2>&1 || need="$need cmake"
	command -v pkg-config >/dev/null 2>&1 || need="$need pkg-config"
	# llvm-profdata and llvm-cov for `make coverage` (clang does not pull them in)
	{ command -v llvm-profdata && command -v llvm-cov; } >/dev/null 2>&1 || need="$need llvm"
	# the MariaDB plugin (examples/mariadb) and its end-to-end test
	[ -x /usr/sbin/mariadbd ] || command -v mariadbd >/dev/null 2>&1 || need="$need mariadb-server"
	command -v mariadb >/dev/null 2>&1 || need="$need mariadb-client"
	[ -f /usr/include/mariadb/server/mysql/plugin_auth.h ] || need="$need libmariadbd-dev"
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
if [ "$1" = "--embedded" ]; then
	command -v arm-none-eabi-gcc >/dev/null 2>&1 || need="$need gcc-arm-none-eabi binutils-arm-none-eabi"
	[ -f /usr/lib/arm-none-eabi/include/string.h ] || need="$need libnewlib-arm-none-eabi"
	command -v qemu-arm >/dev/null 2>&1 || need="$need qemu-user"
	command -v dpkg-source >/dev/null 2>&1 || need="$need dpkg-dev"
	# `apt-get source bearssl` needs a source line; add one when none is there.
	apt-cache showsrc bearssl >/dev/null 2>&1 || { src_need=1; echo "deps: no apt source line for bearssl (deb-src)"; }
fi
[ -z "$need" ] && [ -z "$src_need" ] && exit 0
if [ -n "$JWTAUTH_NO_AUTO_INSTALL" ] || [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
	[ -n "$need" ] && echo "missing:$need"
	[ -n "$foreign" ] && echo "first: for a in$foreign; do sudo dpkg --add-architecture \$a; done"
	[ -n "$src_need" ] && echo "missing: a deb-src line for the machine's Debian sources"
	[ -n "$need" ] && echo "install with: sudo apt-get install --no-install-recommends$need"
	exit 1
fi
for a in $foreign; do dpkg --add-architecture "$a"; done
if [ -n "$src_need" ] && ! grep -rqs '^deb-src\|^Types:.*deb-src' /etc/apt/sources.list /etc/apt/sources.list.d/; then
	# A deb-src twin of the binary sources already configured: same
	# mirror, same suites, same signing key.
	echo "deps: adding deb-src twins of the configured apt sources"
	twin=/etc/apt/sources.list.d/jwtauth-src
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] && [ "$f" != "$twin.sources" ] && sed 's/^Types: deb$/Types: deb-src/' "$f"
	done > "$twin.tmp" && mv "$twin.tmp" "$twin.sources"
	[ -s "$twin.sources" ] || rm -f "$twin.sources"
	[ -f /etc/apt/sources.list ] && grep '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' > "$twin.list"
	[ -s "$twin.list" ] || rm -f "$twin.list"
fi
echo "deps: installing$need"
apt-get update -qq || exit 1
[ -z "$need" ] && exit 0
# Without recommends: qemu-user's would register binfmt handlers, which a
# container may refuse; nothing here needs a recommended package.
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	-o DPkg::Lock::Timeout=600 $need >/dev/null
