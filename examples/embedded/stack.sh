#!/bin/sh
# make stack: the native peak stack of every public call that
# examples/embedded/firmware.c measures, printed as one table: the
# firmware's build of the header (BearSSL's RSA and ECDSA engines, no
# stdio, no heap; examples/embedded/run.sh) with the default limits and
# with the small profile, and, for comparison, the header as a server
# builds it (the library's own engines, default limits) and the small
# profile with the library's own engines ("small-server"). The
# Cortex-M4/M0 figures come from `make embedded`.
#
#   sh examples/embedded/stack.sh BUILD_DIR
#
# BUILD_DIR/{default,small,server,small-server}/run.log are the outputs of
# the four native firmware builds (the Makefile makes them). Each call must
# return what the fixtures call for, and stay within the native budget:
# x86-64 frames are larger than Thumb's (8-byte registers and pointers,
# 16-byte alignment, more spills), so the native budgets are the Cortex-M
# goals plus half: 6144 bytes for the small profile, 12288 for the default
# limits (both builds of each). Measured 2026-12-02: at most 4.4 KB with
# BearSSL's engines, 5.2 KB with the library's own (its ECDSA).
set -u
STACK_BUDGET_SMALL=${STACK_BUDGET_SMALL:-6144}
STACK_BUDGET_DEFAULT=${STACK_BUDGET_DEFAULT:-12288}
d=$1
for p in default small server small-server; do
	[ -s "$d/$p/run.log" ] || { echo "stack: $d/$p/run.log missing"; echo "stack: 0 passed, 1 failed"; exit 1; }
done
echo "peak stack in bytes, native $(uname -m), BearSSL included (painted thread stack; make embedded: Cortex-M4/M0)"
awk -v bd="$STACK_BUDGET_DEFAULT" -v bs="$STACK_BUDGET_SMALL" '
	FNR == 1 { f++ }
	$1 == "stack" {
		if (!($2 in seen)) { seen[$2] = 1; order[++n] = $2 }
		v[f, $2] = $3; ok[f, $2] = ($NF == "ok")
	}
	$1 == "sizeof" { sz[f, $2] = $3; if (!($2 in sseen)) { sseen[$2] = 1; sorder[++m] = $2 } }
	END {
		printf "%-36s %8s %8s %8s %12s\n", "call", "default", "small", "server", "small-server"
		printf "%-36s %8s %8s %8s %12s\n", "----", "-------", "-----", "------", "------------"
		for (i = 1; i <= n; i++) {
			c = order[i]
			printf "%-36s %8s %8s %8s %12s", c, v[1, c], v[2, c], v[3, c], v[4, c]
			bad = ""
			if (!ok[1, c] || !ok[2, c] || !ok[3, c] || !ok[4, c]) bad = bad " WRONG RESULT"
			if (v[1, c] + 0 > bd || v[3, c] + 0 > bd) bad = bad " OVER " bd
			if (v[2, c] + 0 > bs || v[4, c] + 0 > bs) bad = bad " OVER " bs
			if (v[1, c] == "" || v[2, c] == "" || v[3, c] == "" || v[4, c] == "") bad = bad " MISSING"
			print bad
			if (bad == "") pass++; else fail++
		}
		for (i = 1; i <= m; i++)
			printf "%-36s %8s %8s %8s %12s\n", "sizeof " sorder[i], sz[1, sorder[i]], sz[2, sorder[i]],
				sz[3, sorder[i]], sz[4, sorder[i]]
		printf "budgets: default %d, small %d\n", bd, bs
		printf "stack: %d passed, %d failed\n", pass, fail
		exit fail > 0
	}' "$d/default/run.log" "$d/small/run.log" "$d/server/run.log" "$d/small-server/run.log"
