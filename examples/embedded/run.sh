#!/bin/sh
# make embedded: build jwtauth.h and BearSSL for Cortex-M4 and Cortex-M0 with
# Debian's arm-none-eabi toolchain, link examples/embedded/firmware.c (the
# StarRocks login on the test fixtures), run it under qemu-arm, and report
# flash (text/data/bss) and the peak stack of every public call.
#
#   sh examples/embedded/run.sh            (from the repository root)
#
# Four builds: "small" (examples/embedded/small_profile.h) and "default"
# (the header's own limits), both with BearSSL's RSA and ECDSA engines,
# "server" (default limits, the library's own engines, as a server builds
# it) and "small-server" (the small profile with the library's own
# engines, held to the small budget too). The header is always built with
# JWTAUTH_NO_STDIO JWTAUTH_NO_MALLOC JWTAUTH_NO_ERROR_STRINGS
# JWTAUTH_OPTIMIZE_SIZE. EMBEDDED_PROFILES picks among the four.
# On Cortex-M4 three more builds of the small profile leave algorithms out
# (docs/embedded.md, "Algorithm selection"): small-rs256 (RS256 only),
# small-es256 (ES256 only), small-hs256 (HS256 only). Each logs in with its
# algorithm, and its firmware must not link the parts left out (checked
# with nm: other hashes, other key types and curves). small-nopem (every
# algorithm, JWTAUTH_NO_PEM) must not link a PEM, DER or X.509 reader.
# EMBEDDED_EXTRA_FLAGS adds flags to every jwtauth.h build (for example the
# algorithm switches). BearSSL 0.6 comes from Debian's source package
# (`apt-get source`), unpacked and built under build/embedded/ by
# BearSSL's own makefiles; nothing of it is kept in the repository.
#
# Fails when a build fails, the token is not accepted, the header's object
# holds .data or .bss, or a call's peak stack exceeds its profile's budget.
set -u
cd "$(dirname "$0")/../.."

# Peak-stack budgets in bytes, per profile, for every measured call
# (BearSSL included): 4 KB with the small profile, 8 KB with the default
# limits (either engines for both), on Cortex-M4 and Cortex-M0
# (docs/embedded.md has the figures).
EMBEDDED_BUDGET_SMALL=${EMBEDDED_BUDGET_SMALL:-4096}
EMBEDDED_BUDGET_DEFAULT=${EMBEDDED_BUDGET_DEFAULT:-8192}

CPUS=${EMBEDDED_CPUS:-"cortex-m4 cortex-m0"}
PROFILES=${EMBEDDED_PROFILES:-"small default server small-server"}
# the builds that leave algorithms out (the same sets as the Makefile's
# test-rs256 / test-es256 / test-hs256)
SELECT_CPU=${EMBEDDED_SELECT_CPU:-cortex-m4}
SELECT_PROFILES="small-rs256 small-es256 small-hs256 small-nopem"
ALGS_RS256="-DJWTAUTH_NO_HMAC -DJWTAUTH_NO_RSA_PSS -DJWTAUTH_NO_ECDSA -DJWTAUTH_NO_EDDSA -DJWTAUTH_NO_SHA384 -DJWTAUTH_NO_SHA512"
ALGS_ES256="-DJWTAUTH_NO_HMAC -DJWTAUTH_NO_RSA -DJWTAUTH_NO_ECDSA_P384 -DJWTAUTH_NO_ECDSA_P521 -DJWTAUTH_NO_EDDSA -DJWTAUTH_NO_SHA384 -DJWTAUTH_NO_SHA512"
ALGS_HS256="-DJWTAUTH_NO_RSA -DJWTAUTH_NO_ECDSA -DJWTAUTH_NO_EDDSA -DJWTAUTH_NO_SHA384 -DJWTAUTH_NO_SHA512"
# Symbols (extended regular expressions over `nm` names) that a build must
# not link: SHA-384/512 (sha2big), and every other key type's code. Still
# linked, and not code: the DER OIDs that recognise (and refuse) every key
# type, and BearSSL's curve parameters (br_secp384r1, br_secp521r1) that its
# ECDSA verifier keeps for any curve.
NO_SHA2BIG='sha2big|br_sha384|br_sha512'
NO_RSA='br_rsa_|jwtauth_rsa_|jwtauth__rsa_|verify_pkcs1|verify_pss'
NO_EC='br_ec_|br_ecdsa_|jwtauth_ec|jwtauth__ec_|verify_ecdsa'
NO_ED='jwtauth__ed25519'
NO_HMAC='br_hmac|verify_hmac'
NO_PEM='br_pem_|br_x509_|jwtauth__pem|jwtauth__der|oid_'
B=$PWD/build/embedded
CROSS=arm-none-eabi-
# A firmware wants flash and RAM more than speed: BearSSL's compact
# engines for RSA and ECDSA (no 1 KB of RSA constants per key, no unrolled
# ECDSA arithmetic) and the byte-wide base64url table.
HDR_FLAGS="-DJWTAUTH_NO_STDIO -DJWTAUTH_NO_MALLOC -DJWTAUTH_NO_ERROR_STRINGS -DJWTAUTH_OPTIMIZE_SIZE"
HDR_FLAGS="$HDR_FLAGS ${EMBEDDED_EXTRA_FLAGS:-}"
ENGINES="-DJWTAUTH_RSA_BEARSSL -DJWTAUTH_EC_BEARSSL"
WARN="-Wall -Wextra -Wpedantic -Werror"

passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
finish() {
	echo "embedded: $passed passed, $failed failed"
	[ "$failed" = 0 ]
	exit $?
}

sh .ci/deps.sh --embedded || { fail "toolchain missing (.ci/deps.sh --embedded)"; finish; }
mkdir -p "$B"

# ---- BearSSL 0.6 from Debian's source package
SRC=$B/bearssl-src
if [ ! -f "$SRC/Makefile" ]; then
	rm -rf "$B/dl" "$SRC"
	mkdir -p "$B/dl"
	if ! (cd "$B/dl" && apt-get source --download-only bearssl >/dev/null 2>&1); then
		fail "apt-get source bearssl (needs a deb-src line: .ci/deps.sh --embedded as root)"
		finish
	fi
	dsc=$(ls "$B"/dl/bearssl_*.dsc | head -n 1)
	if ! dpkg-source -x "$dsc" "$SRC" >/dev/null 2>&1; then
		fail "dpkg-source -x $dsc"
		finish
	fi
fi
echo "bearssl: $(basename "$(ls "$B"/dl/bearssl_*.dsc 2>/dev/null | head -n 1)" .dsc) (Debian source)"

# ---- the same program natively (peak stack of the build machine's code;
# informational: the budgets are the Cortex-M ones; `make stack` has the
# native table with the library's default engines). Symbols are bound at
# load (-z now): lazy binding would add the dynamic linker's frames to
# the first call of each library function.
for prof in small default; do
	o=$B/native/$prof
	mkdir -p "$o"
	case $prof in small) pflags="-include examples/embedded/small_profile.h $ENGINES" ;; *) pflags="$ENGINES" ;; esac
	echo "== native $(uname -m), $prof limits"
	if ! ${CC:-cc} -std=c99 $WARN -O2 $HDR_FLAGS $pflags -DJWTAUTH_IMPLEMENTATION -c -x c jwtauth.h -o "$o/jwtauth.o" \
	   || ! ${CC:-cc} -std=c99 $WARN -O2 $HDR_FLAGS $pflags -c examples/embedded/firmware.c -o "$o/firmware.o" \
	   || ! ${CC:-cc} "$o/firmware.o" "$o/jwtauth.o" -o "$o/firmware" -Wl,-z,now -lbearssl -lpthread; then
		fail "native build $prof"
		continue
	fi
	size "$o/jwtauth.o" | awk 'NR == 2 { printf "jwtauth.o: text %s data %s bss %s\n", $1, $2, $3 }'
	"$o/firmware" >"$o/run.log" 2>&1 && pass || fail "native $prof: exit status"
	while read -r kind name bytes rest; do
		case $kind in
		stack)
			echo "  peak stack $name: $bytes"
			case $rest in *" ok") pass ;; *) fail "native $prof: $name $rest" ;; esac ;;
		esac
	done <"$o/run.log"
done

for cpu in $CPUS; do
	# BearSSL's own configuration file format (conf/*.mk, as its samd20.mk);
	# BR_ARMEL_CORTEXM_GCC selects its Cortex-M assembly helpers.
	lib=$B/$cpu/bearssl/libbearssl.a
	conf=jwtauth-$cpu
	cat > "$SRC/conf/$conf.mk" <<EOF
include conf/Unix.mk
BUILD = $B/$cpu/bearssl
CC = ${CROSS}gcc
CFLAGS = -W -Wall -Os -mthumb -mcpu=$cpu -ffreestanding -ffunction-sections -fdata-sections -DBR_ARMEL_CORTEXM_GCC
LD = ${CROSS}gcc
AR = ${CROSS}ar
DLL = no
TOOLS = no
TESTS = no
EOF
	if [ ! -f "$lib" ]; then
		echo "bearssl: building libbearssl.a for $cpu"
		# without the calling make's MAKEFLAGS: variables given to it (CC,
		# CFLAGS) would override the cross toolchain of the configuration
		if ! MAKEFLAGS= MFLAGS= make -s -C "$SRC" CONF="$conf" lib >"$B/bearssl-$cpu.log" 2>&1; then
			tail -n 20 "$B/bearssl-$cpu.log"
			fail "BearSSL build for $cpu"
			continue
		fi
	fi
	pass

	sel=""
	[ "$cpu" = "$SELECT_CPU" ] && sel=$SELECT_PROFILES
	for prof in $PROFILES $sel; do
		o=$B/$cpu/$prof
		mkdir -p "$o"
		case $prof in
		small-server) pflags="-include examples/embedded/small_profile.h"; budget=$EMBEDDED_BUDGET_SMALL ;;
		small*) pflags="-include examples/embedded/small_profile.h $ENGINES"; budget=$EMBEDDED_BUDGET_SMALL ;;
		default) pflags="$ENGINES"; budget=$EMBEDDED_BUDGET_DEFAULT ;;
		*) pflags=""; budget=$EMBEDDED_BUDGET_DEFAULT ;;
		esac
		# algorithms left out, and what must then not be linked
		case $prof in
		*-rs256) pflags="$pflags $ALGS_RS256"; banned="$NO_SHA2BIG|$NO_EC|$NO_ED|$NO_HMAC|verify_pss" ;;
		*-es256) pflags="$pflags $ALGS_ES256"; banned="$NO_SHA2BIG|$NO_RSA|$NO_ED|$NO_HMAC|br_ec_all|br_ec_prime|br_ec_c25519|order_p384|order_p521|ec_p384|ec_p521" ;;
		*-hs256) pflags="$pflags $ALGS_HS256"; banned="$NO_SHA2BIG|$NO_RSA|$NO_EC|$NO_ED" ;;
		*) banned="" ;;
		esac
		case $prof in
		*-nopem) pflags="$pflags -DJWTAUTH_NO_PEM"; banned="$NO_PEM" ;;
		esac
		tflags="-mcpu=$cpu -mthumb -Os -ffreestanding -ffunction-sections -fdata-sections -std=c99 $WARN"
		inc="-I$SRC/inc"
		echo "== $cpu, $prof"
		if ! ${CROSS}gcc $tflags $inc $HDR_FLAGS $pflags -fstack-usage -DJWTAUTH_IMPLEMENTATION \
			-c -x c jwtauth.h -o "$o/jwtauth.o" \
		   || ! ${CROSS}gcc $tflags $inc $HDR_FLAGS $pflags -c examples/embedded/firmware.c -o "$o/firmware.o" \
		   || ! ${CROSS}gcc -mcpu="$cpu" -mthumb -nostartfiles -Wl,--gc-sections -Wl,-Map="$o/firmware.map" \
			"$o/firmware.o" "$o/jwtauth.o" "$lib" -o "$o/firmware.elf"; then
			fail "build $cpu $prof"
			continue
		fi
		pass
		# the header's own object: code and constants only
		set -- $(${CROSS}size "$o/jwtauth.o" | awk 'NR == 2 { print $1, $2, $3 }')
		echo "jwtauth.o: text $1 data $2 bss $3"
		if [ "$2" = 0 ] && [ "$3" = 0 ]; then pass; else
			fail "$cpu $prof: jwtauth.o has .data/.bss"
			${CROSS}nm -S "$o/jwtauth.o" | awk '$3 ~ /^[dDbB]$/'
		fi
		${CROSS}size "$o/firmware.elf" | awk 'NR == 2 { printf "firmware.elf: text %s data %s bss %s\n", $1, $2, $3 }'
		if [ -n "$banned" ]; then
			${CROSS}nm "$o/firmware.elf" | awk '{ print $NF }' | grep -E "$banned" >"$o/banned.txt"
			if [ -s "$o/banned.txt" ]; then
				fail "$cpu $prof: links parts left out: $(tr '\n' ' ' <"$o/banned.txt")"
			else
				echo "left-out parts: none linked"; pass
			fi
		fi
		# Linked flash (.text + .rodata) per origin, from the link map.
		awk '
			/^Linker script and memory map/ { on = 1; next }
			!on { next }
			/^[^ ]/ { out = $1 }
			function hex(s,   i, n) {
				n = 0
				for (i = 3; i <= length(s); i++)
					n = n * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
				return n
			}
			function add(sz, file) {
				if (out != ".text" && out != ".rodata" && out != ".ARM.exidx") return
				n = hex(sz); if (n == 0) return
				if (file ~ /jwtauth\.o$/) w = "jwtauth"
				else if (file ~ /libbearssl\.a/) w = "bearssl"
				else if (file ~ /firmware\.o$/) w = "firmware"
				else w = "libc+libgcc"
				tot[w] += n
			}
			/^ [.][^ ]+ +0x[0-9a-f]+ +0x[0-9a-f]+ / { add($3, $4); next }
			/^ [.][^ ]+$/ { pend = 1; next }
			pend && /^ +0x[0-9a-f]+ +0x[0-9a-f]+ / { add($2, $3) }
			{ pend = 0 }
			END {
				printf "linked flash: jwtauth %d, bearssl %d, libc+libgcc %d, firmware+fixtures %d\n",
					tot["jwtauth"], tot["bearssl"], tot["libc+libgcc"], tot["firmware"]
			}' "$o/firmware.map"

		# qemu 7.2's user mode aborts while loading for an M-profile CPU;
		# the Thumb code then runs on qemu's default CPU, which executes
		# the same instructions (stack use is the compiled code's).
		qcpu=$cpu
		qemu-arm -cpu "$cpu" "$o/firmware.elf" >"$o/run.log" 2>"$o/run.err"
		st=$?
		if [ "$st" = 134 ] && grep -q 'page_set_flags' "$o/run.err"; then
			qcpu="qemu default CPU (Thumb code for $cpu)"
			qemu-arm "$o/firmware.elf" >"$o/run.log" 2>"$o/run.err"
			st=$?
		fi
		echo "qemu-arm: $qcpu, exit $st"
		[ "$st" = 0 ] && pass || { cat "$o/run.err"; fail "$cpu $prof: firmware exit $st"; }
		while read -r kind name bytes rest; do
			case $kind in
			stack)
				case $rest in *" ok") pass ;; *) fail "$cpu $prof: $name $rest" ;; esac
				if [ "$bytes" -le "$budget" ]; then
					echo "  peak stack $name: $bytes (budget $budget)"; pass
				else
					echo "  peak stack $name: $bytes OVER budget $budget"; fail "$cpu $prof: $name stack $bytes > $budget"
				fi ;;
			principal) case $name in tom) pass ;; *) fail "$cpu $prof: principal" ;; esac ;;
			sizeof) echo "  sizeof $name: $bytes" ;;
			esac
		done <"$o/run.log"
		grep -q '^done ' "$o/run.log" || fail "$cpu $prof: firmware did not finish"
	done
done
finish
