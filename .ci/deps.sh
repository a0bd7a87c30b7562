#!/bin/sh
# Install what the build needs when it is missing (Debian/Ubuntu, as root).
#   .ci/deps.sh          BearSSL only (enough for `make demo`)
#   .ci/deps.sh --test   plus what `make test` uses: clang, libFuzzer
#                        runtime, libcurl, valgrind, python3, node/npm,
#                        cmake and pkg-config (the packaging tests),
#                        MariaDB server, client and plugin headers
#   .ci/deps.sh --embedded  plus the Cortex-M cross toolchain (gcc-arm-none-eabi,
#                        newlib), qemu-user, and a deb-src line for bookworm
#                        main so that `make embedded` can fetch BearSSL's
#                        Debian source package
# Set JWTAUTH_NO_AUTO_INSTALL=1 to only report what is missing.
need=""
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
	command -v python3 >/dev/null 2>&1 || need="$need python3"
	command -v npm >/dev/null 2>&1 || need="$need nodejs npm"
	command -v cmake >/dev/null 2>&1 || need="$need cmake"
	command -v pkg-config >/dev/null 2>&1 || need="$need pkg-config"
	# the MariaDB plugin (examples/mariadb) and its end-to-end test
	[ -x /usr/sbin/mariadbd ] || command -v mariadbd >/dev/null 2>&1 || need="$need mariadb-server"
	command -v mariadb >/dev/null 2>&1 || need="$need mariadb-client"
	[ -f /usr/include/mariadb/server/mysql/plugin_auth.h ] || need="$need libmariadbd-dev"
fi
src_need=""
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
	echo "missing:$need"
	echo "install with: sudo apt-get install$need"
	exit 1
fi
if [ -n "$src_need" ] && ! grep -rqs '^deb-src\|^Types:.*deb-src' /etc/apt/sources.list /etc/apt/sources.list.d/; then
	echo "deps: adding a deb-src line for bookworm main"
	# the same Signed-By as the binary line, or apt refuses both
	kr=/usr/share/keyrings/debian-archive-keyring.gpg
	opt=""; [ -f "$kr" ] && opt="[signed-by=$kr] "
	echo "deb-src ${opt}http://deb.debian.org/debian bookworm main" > /etc/apt/sources.list.d/jwtauth-src.list
fi
echo "deps: installing$need"
apt-get update -qq || exit 1
[ -z "$need" ] && exit 0
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
