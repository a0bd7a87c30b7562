/* test.c - the single test runner.
   usage: build/test [all | NAME...]   (NAME: a test or a group name)
   The t_*.c files are compiled into this one translation unit; each defines
   a table of named tests. Build variants (see Makefile): the implementation
   in this file (default), in a second file (TEST_SEPARATE_IMPL), with
   JWTAUTH_STATIC, and as C++. */
#ifndef TEST_SEPARATE_IMPL
#define JWTAUTH_IMPLEMENTATION
/* t_jsondup.c watches the JSON duplicate check: exact name comparisons
   are counted, every name's tag can be forced to one value, and the size
   up to which objects are checked pair by pair can be changed */
static unsigned long tl_jname_cmps;
static long tl_jname_tag_force = -1;
static unsigned long tl_jdup_small = 8;
#define JWTAUTH__JNAME_CMP_HOOK() ((void)tl_jname_cmps++)
#define JWTAUTH__JNAME_TAG_HOOK(tag) \
	(tl_jname_tag_force >= 0 ? (uint16_t)tl_jname_tag_force : (tag))
#define JWTAUTH__JDUP_SMALL tl_jdup_small
#endif
#include "scan_alloc.h"
#include "../jwtauth.h"
#include "testlib.h"

#include <sys/stat.h>

int tl_failed;
long tl_checks;

/* Blocks carry their size in front, so a release can be searched. */
const unsigned char *tl_free_needle;
size_t tl_free_needle_len;
int tl_free_hits;

size_t tl_alloc_sizes[TL_ALLOC_LOG];
size_t tl_alloc_count;

void *tl_hook_malloc(size_t n)
{
	size_t *p = (size_t *)malloc(n + 2 * sizeof(size_t));
	if (!p) return NULL;
	if (tl_alloc_count < TL_ALLOC_LOG) tl_alloc_sizes[tl_alloc_count] = n;
	tl_alloc_count++;
	p[0] = n;
	return p + 2;
}

void tl_hook_free(void *q)
{
	size_t *p, n, i;
	if (!q) return;
	p = (size_t *)q - 2;
	n = p[0];
	if (tl_free_needle && tl_free_needle_len > 0 && n >= tl_free_needle_len)
		for (i = 0; i + tl_free_needle_len <= n; i++)
			if (memcmp((unsigned char *)q + i, tl_free_needle, tl_free_needle_len) == 0) {
				tl_free_hits++;
				break;
			}
	free(p);
}

const char *tl_data_dir(void)
{
	const char *dir = getenv("JWTAUTH_TESTDATA");
	return dir && *dir ? dir : "tests/data";
}

char *tl_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0;
	if (!f) return NULL;
	for (;;) {
		if (n + 4096 + 1 > cap) {
			char *nb;
			cap = cap ? cap * 2 : 65536;
			nb = (char *)realloc(buf, cap);
			if (!nb) { free(buf); fclose(f); return NULL; }
			buf = nb;
		}
		size_t got = fread(buf + n, 1, cap - n - 1, f);
		n += got;
		if (got == 0) break;
	}
	fclose(f);
	buf[n] = 0;
	if (len) *len = n;
	return buf;
}

/* A build that leaves algorithms out (JWTAUTH_NO_*: make test-rs256,
   test-es256, test-hs256) runs the groups that need no particular
   algorithm and t_algsel (which tests the algorithms left in and the
   refusals of those left out); the others are compiled out, not run and
   not counted. */
#if JWTAUTH_ALGS_BUILT == 0x7ffeu
#define TEST_ALL_ALGS 1
#endif

#include "t_b64.c"
#include "t_json.c"
#include "t_jsonsuite.c"
#ifdef TEST_ALL_ALGS
#include "t_keys.c"
#include "t_sig.c"
#include "t_jws.c"
#include "t_rfc.c"
#include "t_wycheproof.c"
#include "t_rsa_engine.c"
#include "t_eddsa.c"
#endif
#include "t_claims.c"
#include "t_config.c"
#include "t_mysql.c"
#ifdef TEST_ALL_ALGS
#include "t_auth.c"
#include "t_tokencache.c"
#include "t_sources.c"
#include "t_embedded.c"
#include "t_api.c"
#include "t_ecdsa_engine.c"
#include "t_stack.c"
#include "t_policy.c"
#include "t_coverage.c"
#endif
#include "t_algsel.c"
#include "t_jsondup.c"
#include "t_nopem.c"

/* The PEM, DER and X.509 readers left out (JWTAUTH_NO_PEM: make
   test-nopem): the tests below read PEM documents, so they are not run and
   not counted (main names them); t_nopem.c checks that each such document
   is refused and that the JWKS and JWK keys still load and verify. A name
   here that matches no test is a failure, so the list cannot go stale. */
#ifndef JWTAUTH_HAVE_PEM
static const char *const pem_tests[] = {
	"keys/keys_pem_forms", "keys/keys_pem_malformed", "eddsa/eddsa_wycheproof",
	"eddsa/eddsa_openssl_tokens", "eddsa/eddsa_key_rules", "tokencache/keyset_id",
	"embedded/emb_pem_der_limit", "stack/stk_pem_slots", "coverage/cv_der_lengths",
	"coverage/cv_der_spki", "coverage/cv_der_cert", "coverage/cv_pem_events",
	"coverage/cv_keyset_document"
};
#define PEM_TESTS (sizeof pem_tests / sizeof pem_tests[0])
static int pem_test_seen[PEM_TESTS];

/* 1 when group/test reads PEM documents (and is then not run). */
static int needs_pem(const char *group, const char *test)
{
	size_t i, g = strlen(group);
	for (i = 0; i < PEM_TESTS; i++)
		if (strncmp(pem_tests[i], group, g) == 0 && pem_tests[i][g] == '/'
		    && strcmp(pem_tests[i] + g + 1, test) == 0) {
			pem_test_seen[i] = 1;
			return 1;
		}
	return 0;
}
#endif

typedef struct test_group {
	const char *name;
	const test_case *tests;
} test_group;

static const test_group groups[] = {
	{ "b64", t_b64_tests },
	{ "json", t_json_tests },
	{ "jsonsuite", t_jsonsuite_tests },
#ifdef TEST_ALL_ALGS
	{ "keys", t_keys_tests },
	{ "sig", t_sig_tests },
	{ "jws", t_jws_tests },
	{ "rfc", t_rfc_tests },
	{ "wycheproof", t_wycheproof_tests },
	{ "rsa_engine", t_rsa_engine_tests },
	{ "eddsa", t_eddsa_tests },
#endif
	{ "claims", t_claims_tests },
	{ "config", t_config_tests },
	{ "mysql", t_mysql_tests },
#ifdef TEST_ALL_ALGS
	{ "auth", t_auth_tests },
	{ "tokencache", t_tokencache_tests },
	{ "sources", t_sources_tests },
	{ "embedded", t_embedded_tests },
	{ "api", t_api_tests },
	{ "ecdsa_engine", t_ecdsa_engine_tests },
	{ "stack", t_stack_tests },
	{ "policy", t_policy_tests },
	{ "coverage", t_coverage_tests },
#endif
	{ "algsel", t_algsel_tests },
	{ "jsondup", t_jsondup_tests },
	{ "nopem", t_nopem_tests },
};

static int selected(const char *group, const char *test, int argc, char **argv)
{
	int i;
	if (argc < 2) return 1;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "all") == 0 || strcmp(argv[i], group) == 0
		    || strcmp(argv[i], test) == 0)
			return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int passed = 0, failed = 0;
	size_t g;
#ifndef JWTAUTH_HAVE_PEM
	int not_run = 0;
#endif
	for (g = 0; g < sizeof groups / sizeof groups[0]; g++) {
		const test_case *t;
		for (t = groups[g].tests; t->name; t++) {
			if (!selected(groups[g].name, t->name, argc, argv)) continue;
#ifndef JWTAUTH_HAVE_PEM
			if (needs_pem(groups[g].name, t->name)) {
				printf("%s/%s: not run (reads PEM; JWTAUTH_NO_PEM)\n", groups[g].name, t->name);
				not_run++;
				continue;
			}
#endif
			tl_failed = 0;
			printf("%s/%s\n", groups[g].name, t->name);
			fflush(stdout);
			t->fn();
			if (tl_failed) failed++;
			else passed++;
		}
	}
#ifndef TEST_ALL_ALGS
	printf("algorithms left out: only the groups b64 json jsonsuite claims config mysql algsel jsondup nopem were built\n");
#endif
#ifndef JWTAUTH_HAVE_PEM
	printf("PEM readers left out: %d tests that read PEM not run, not counted\n", not_run);
#ifdef TEST_ALL_ALGS
	{
		size_t p;
		for (p = 0; p < PEM_TESTS; p++)
			if (!pem_test_seen[p] && argc < 2) {
				printf("%s: listed as reading PEM, but no such test\n", pem_tests[p]);
				failed++;
			}
	}
#endif
#endif
	printf("%ld checks\n", tl_checks);
	printf("unit: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
