/* impl.c - the implementation in its own translation unit (stb's
   two-file check): built with TEST_SEPARATE_IMPL. */
#define JWTAUTH_IMPLEMENTATION
#include "scan_alloc.h"
#include "../jwtauth.h"
