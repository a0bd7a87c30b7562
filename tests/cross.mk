# cross.mk - `make cross-test ARCH=s390x` (64-bit big-endian) and
# `make cross-test ARCH=armhf` (32-bit ARM, hard float): the unit-test runner
# built with Debian's cross compiler against the multiarch BearSSL, run under
# qemu-user. -include'd by the Makefile. See docs/cross.md.

CROSS_TRIPLE_s390x = s390x-linux-gnu
CROSS_QEMU_s390x = qemu-s390x
CROSS_TRIPLE_armhf = arm-linux-gnueabihf
CROSS_QEMU_armhf = qemu-arm
# 32-bit readdir() fails with EOVERFLOW on 64-bit directory offsets
CROSS_CFLAGS_armhf = -D_FILE_OFFSET_BITS=64

# Their own optimisation flags, not CFLAGS: the caller's CFLAGS are for the
# host compiler (a sanitizer build has no runtime on the emulated target).
CROSS_OPT ?= -O2 -g

CROSS_TRIPLE = $(CROSS_TRIPLE_$(ARCH))
# BearSSL's headers are architecture-independent (/usr/include); searched
# after the cross compiler's own so that no host libc header is picked up.
CROSS_BUILD = $(CROSS_TRIPLE)-gcc $(STD) $(WARN) $(CROSS_OPT) $(CROSS_CFLAGS_$(ARCH)) \
	-idirafter /usr/include -L/usr/lib/$(CROSS_TRIPLE)

.PHONY: cross-test cross-test-s390x cross-test-armhf

# The two runs of `make test`.
cross-test-s390x:
	@$(MAKE) --no-print-directory cross-test ARCH=s390x
cross-test-armhf:
	@$(MAKE) --no-print-directory cross-test ARCH=armhf

# qemu is called explicitly (binfmt_misc may be absent) and without -L: the
# loader of libc6:$(ARCH) under /lib is the one that matches its libc.
cross-test:
	@[ -n "$(CROSS_TRIPLE)" ] || { echo "usage: make cross-test ARCH=s390x|armhf"; exit 2; }
	@sh .ci/deps.sh --cross
	@mkdir -p $(B)
	@t0=$$(date +%s); \
	echo "$(CROSS_BUILD) tests/test.c -o $(B)/test-$(ARCH) -lbearssl"; \
	$(CROSS_BUILD) tests/test.c -o $(B)/test-$(ARCH) -lbearssl || exit 1; \
	t1=$$(date +%s); \
	echo "$(CROSS_QEMU_$(ARCH)) $(B)/test-$(ARCH)"; \
	$(CROSS_QEMU_$(ARCH)) $(B)/test-$(ARCH) > $(B)/test-$(ARCH).log 2>&1; rc=$$?; \
	t2=$$(date +%s); \
	tail -n 1 $(B)/test-$(ARCH).log; \
	echo "cross-test $(ARCH): build $$((t1 - t0)) s, run $$((t2 - t1)) s, exit $$rc (log: $(B)/test-$(ARCH).log)"; \
	[ $$rc -eq 0 ] || { grep -i 'fail' $(B)/test-$(ARCH).log | head -n 40; exit 1; }
