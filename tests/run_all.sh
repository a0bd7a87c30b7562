#!/bin/sh
# run_all.sh STEP... - run each test step (a make target) in order, show
# its output, and end with one line adding up every step:
#   total: N passed, M failed
# A step's count is the last "N passed, M failed" line it prints. A step
# that prints none counts as one test; a step that exits non-zero counts
# at least one failure, whatever it printed. Exit 1 when M > 0.
MAKE=${MAKE:-make}
LOGS=build/test-logs
mkdir -p "$LOGS" || exit 2
total_p=0
total_f=0
failed_steps=
start=$(date +%s)
for step in "$@"; do
	echo "== $step"
	log="$LOGS/$step.log"
	rcfile="$LOGS/$step.rc"
	{ $MAKE --no-print-directory "$step" 2>&1; echo $? > "$rcfile"; } | tee "$log"
	rc=$(cat "$rcfile")
	line=$(grep -E '^([^ ]+: )?[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
	if [ -n "$line" ]; then
		p=$(printf '%s\n' "$line" | sed -E 's/^([^ ]+: )?([0-9]+) passed, ([0-9]+) failed.*/\2/')
		f=$(printf '%s\n' "$line" | sed -E 's/^([^ ]+: )?([0-9]+) passed, ([0-9]+) failed.*/\3/')
	elif [ "$rc" -eq 0 ]; then
		p=1; f=0
	else
		p=0; f=1
	fi
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
	[ "$f" -gt 0 ] && failed_steps="$failed_steps $step"
	total_p=$((total_p + p))
	total_f=$((total_f + f))
	echo "== $step: $p passed, $f failed (exit $rc)"
done
echo
echo "steps: $#, $(( $(date +%s) - start )) s"
[ -n "$failed_steps" ] && echo "failed steps:$failed_steps"
echo "total: $total_p passed, $total_f failed"
[ "$total_f" -eq 0 ]
