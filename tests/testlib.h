/* testlib.h - the test runner's few macros. Tests are plain functions
   listed in a table; a failed CHECK prints file:line and the expression and
   ends the current test. */
#ifndef TESTLIB_H
#define TESTLIB_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct test_case {
	const char *name;
	void (*fn)(void);
} test_case;

extern int tl_failed;         /* the current test failed */
extern long tl_checks;        /* assertions evaluated, all tests */

#define TL_FAIL_AT(file, line, ...) do { \
	fprintf(stderr, "%s:%d: FAIL: ", file, line); \
	fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); \
	tl_failed = 1; } while (0)

/* Check a condition; on failure report and leave the test. */
#define CHECK(cond) do { tl_checks++; if (!(cond)) { \
	TL_FAIL_AT(__FILE__, __LINE__, "%s", #cond); return; } } while (0)
/* Same with a printf-style explanation. */
#define CHECKF(cond, ...) do { tl_checks++; if (!(cond)) { \
	TL_FAIL_AT(__FILE__, __LINE__, __VA_ARGS__); return; } } while (0)
/* Check that an int expression equals an expected value. */
#define CHECK_EQ(expr, want) do { long tl_g_ = (long)(expr); long tl_w_ = (long)(want); \
	tl_checks++; if (tl_g_ != tl_w_) { TL_FAIL_AT(__FILE__, __LINE__, \
	"%s == %ld, expected %ld", #expr, tl_g_, tl_w_); return; } } while (0)
/* Check a jwtauth return code, printing both names on failure. */
#define CHECK_RC(expr, want) do { int tl_g_ = (int)(expr); int tl_w_ = (int)(want); \
	tl_checks++; if (tl_g_ != tl_w_) { TL_FAIL_AT(__FILE__, __LINE__, \
	"%s returned %s (%d), expected %s (%d)", #expr, jwtauth_error_name(tl_g_), \
	tl_g_, jwtauth_error_name(tl_w_), tl_w_); return; } } while (0)

/* Message checks that hold with and without JWTAUTH_NO_ERROR_STRINGS
   (which makes every message ""): the code and offsets are checked
   regardless. */
#ifdef JWTAUTH_NO_ERROR_STRINGS
#define TL_HAS_MSG(m) ((m) != NULL)
#define TL_MSG_HAS(m, s) ((m) != NULL)
#else
#define TL_HAS_MSG(m) ((m) != NULL && (m)[0] != 0)
#define TL_MSG_HAS(m, s) ((m) != NULL && strstr((m), (s)) != NULL)
#endif

/* Folder of the external test data: tests/data (the runner runs from the
   repository root), or $JWTAUTH_TESTDATA. A test whose data file is
   missing fails and names the path. */
const char *tl_data_dir(void);
/* Read a whole file into a malloc'ed buffer with a NUL after the end;
   NULL when unreadable. */
char *tl_read_file(const char *path, size_t *len);

#endif
