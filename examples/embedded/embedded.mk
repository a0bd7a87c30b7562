# make embedded: the Cortex-M4/M0 firmware build of the StarRocks login
# (examples/embedded/run.sh; docs/embedded.md). Needs the cross toolchain,
# qemu-user and a deb-src line: `sh .ci/deps.sh --embedded` (as root) installs
# them. Not part of `make test`; .ci/run runs it after.
.PHONY: embedded
embedded:
	sh examples/embedded/run.sh
