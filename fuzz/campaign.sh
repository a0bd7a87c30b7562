#!/bin/sh
# fuzz/campaign.sh - a long differential fuzz campaign, spread over
# processes, with one verdict and one executions count at the end.
#
#   sh fuzz/campaign.sh BIN SEEDS DICT RUNS JOBS OUT
#
# BIN is a libFuzzer build of one harness (make fuzz-campaign builds it),
# SEEDS its seed corpus (read only), DICT its dictionary, RUNS the total
# number of executions, JOBS the number of processes. Each process runs
# RUNS / JOBS executions (the first one the remainder too) with its own
# seed, on OUT/corpus (shared: what one finds the next run starts from),
# and logs to OUT/job-N.log; a violating input lands in OUT/crash-N-*.
# The harnesses' per-curve counters (FUZZ_EC_STATS) are summed too.
# Exit status 0 only when every process ran all its executions without a
# finding.
set -eu
[ $# -eq 6 ] || { echo "usage: $0 BIN SEEDS DICT RUNS JOBS OUT" >&2; exit 2; }
bin=$1 seeds=$2 dict=$3 runs=$4 jobs=$5 out=$6
[ -x "$bin" ] && [ -d "$seeds" ] && [ -f "$dict" ] || {
	echo "campaign: $bin, $seeds or $dict missing" >&2; exit 2; }
[ "$jobs" -ge 1 ] && [ "$runs" -ge "$jobs" ] || {
	echo "campaign: RUNS must be at least JOBS >= 1" >&2; exit 2; }
mkdir -p "$out/corpus"
per=$((runs / jobs)) extra=$((runs % jobs))
start=$(date +%s)
i=1 pids=
while [ "$i" -le "$jobs" ]; do
	n=$per; [ "$i" -eq 1 ] && n=$((per + extra))
	FUZZ_EC_STATS=1 "$bin" -runs="$n" -seed="$i" -dict="$dict" \
		-print_final_stats=1 -artifact_prefix="$out/crash-$i-" \
		"$out/corpus" "$seeds" > "$out/job-$i.log" 2>&1 &
	pids="$pids $!"
	i=$((i + 1))
done
fail=0 i=1
for p in $pids; do
	wait "$p" || { fail=$((fail + 1)); echo "campaign: job $i failed (see $out/job-$i.log):"; \
		tail -n 20 "$out/job-$i.log"; }
	i=$((i + 1))
done
# Executions are what libFuzzer reports having run (the seeds' first
# pass included), not what was asked for.
total=$(cat "$out"/job-*.log | sed -n 's/^stat::number_of_executed_units: *//p' \
	| awk '{ s += $1 } END { print s + 0 }')
curves=$(cat "$out"/job-*.log | sed -n 's/^executions per curve: P-256 \([0-9]*\), P-384 \([0-9]*\), P-521 \([0-9]*\).*/\1 \2 \3/p' \
	| awk 'NF == 3 { a += $1; b += $2; c += $3; n++ }
	       END { if (n) printf "P-256 %d, P-384 %d, P-521 %d", a, b, c }')
echo "campaign: $(basename "$bin"): $total executions in $(( $(date +%s) - start )) s," \
	"$jobs processes${curves:+ (per curve: $curves)}, $fail failed"
[ "$fail" -eq 0 ]
