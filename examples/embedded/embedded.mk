# make embedded: the Cortex-M4/M0 firmware build of the StarRocks login
# (examples/embedded/run.sh; docs/embedded.md). Needs the cross toolchain,
# qemu-user and a deb-src line: `sh .ci/deps.sh --embedded` (as root) installs
# them. Not part of `make test`; .ci/run runs it after.
.PHONY: embedded
embedded:
	sh examples/embedded/run.sh

# make stack: the native peak stack of each public call measured by
# examples/embedded/firmware.c, as a table with native budgets
# (examples/embedded/stack.sh): the firmware's build of the header with
# the default limits and with the small profile, the server build for
# comparison, and the small profile with the library's own engines. The CPU figures are make embedded's. Symbols are bound at
# load (-z now) so that the dynamic linker's lazy binding does not count.
# Part of make test (four compiles of the header, a second to run).
STACK_DIR = $(B)/stack
STACK_FW_FLAGS = -DJWTAUTH_NO_STDIO -DJWTAUTH_NO_MALLOC -DJWTAUTH_NO_ERROR_STRINGS \
	-DJWTAUTH_OPTIMIZE_SIZE -DJWTAUTH_RSA_BEARSSL -DJWTAUTH_EC_BEARSSL
STACK_FLAGS_small = $(STACK_FW_FLAGS) -include examples/embedded/small_profile.h
STACK_FLAGS_default = $(STACK_FW_FLAGS)
STACK_FLAGS_server =
STACK_FLAGS_small-server = -include examples/embedded/small_profile.h
.PHONY: stack
$(STACK_DIR)/%/firmware: examples/embedded/firmware.c examples/embedded/small_profile.h \
  examples/embedded/embedded.mk $(HDR)
	@mkdir -p $(@D)
	$(CC) $(STD) $(WARN) -O2 $(BEARSSL_CFLAGS) $(STACK_FLAGS_$*) -DJWTAUTH_IMPLEMENTATION \
	  -c -x c $(HDR) -o $(@D)/jwtauth.o
	$(CC) $(STD) $(WARN) -O2 $(BEARSSL_CFLAGS) $(STACK_FLAGS_$*) -c examples/embedded/firmware.c \
	  -o $(@D)/firmware.o
	$(CC) $(@D)/firmware.o $(@D)/jwtauth.o -o $@ -Wl,-z,now $(BEARSSL_LIBS) -lpthread
stack: $(STACK_DIR)/default/firmware $(STACK_DIR)/small/firmware $(STACK_DIR)/server/firmware \
  $(STACK_DIR)/small-server/firmware
	@for p in default small server small-server; do $(STACK_DIR)/$$p/firmware > $(STACK_DIR)/$$p/run.log; done; \
	 sh examples/embedded/stack.sh $(STACK_DIR)
EXTRA_TESTS += stack
