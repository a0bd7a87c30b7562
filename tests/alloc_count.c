/* alloc_count.c - zero heap allocations per verification and per
   authentication. `make alloc-test` runs it.

   Two independent counters:
   - JWTAUTH_MALLOC / JWTAUTH_FREE are defined as counting wrappers, so any
     allocation the library makes through its own hooks is seen;
   - malloc, calloc, realloc and free are interposed at link level: this
     program defines them (forwarding to glibc's __libc_* entry points), so
     a direct call from jwtauth.h or from BearSSL is seen too. A self-check
     proves the interposition is live before the counts are trusted.
   usage: alloc_count [N]   N iterations (default 1000; RSA N/10, RSA-4096
   and EC N/100) of, for each token case: jwtauth_jws_verify,
   jwtauth_authenticate without and with the verified-token cache. Exit 0 only when both counters stay at 0.

   Built with -DALLOC_NO_INTERPOSE it is the plain program that
   tests/alloc_valgrind.sh runs under valgrind with N = 1 and N = 1000
   (valgrind counts every allocation itself; interposing would hide them).
   There the HMAC and alg-none cases run N times, the RSA and EC cases
   once (N = 1) or twice (N > 1): valgrind makes them ~50x slower. */
#include <stddef.h>

long alloc_hook_calls;
void *alloc_hook_malloc(size_t n);
void alloc_hook_free(void *p);
#define JWTAUTH_MALLOC(ctx, size) ((void)(ctx), alloc_hook_malloc(size))
#define JWTAUTH_FREE(ctx, ptr) ((void)(ctx), alloc_hook_free(ptr))
#define JWTAUTH_IMPLEMENTATION
#include "../jwtauth.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int alloc_counting;

#ifndef ALLOC_NO_INTERPOSE
static long alloc_libc_calls;
extern void *__libc_malloc(size_t n);
extern void *__libc_calloc(size_t n, size_t m);
extern void *__libc_realloc(void *p, size_t n);
extern void __libc_free(void *p);

void *malloc(size_t n)
{
	if (alloc_counting) alloc_libc_calls++;
	return __libc_malloc(n);
}
void *calloc(size_t n, size_t m)
{
	if (alloc_counting) alloc_libc_calls++;
	return __libc_calloc(n, m);
}
void *realloc(void *p, size_t n)
{
	if (alloc_counting) alloc_libc_calls++;
	return __libc_realloc(p, n);
}
void free(void *p)
{
	if (alloc_counting && p) alloc_libc_calls++;
	__libc_free(p);
}
#endif

void *alloc_hook_malloc(size_t n)
{
	alloc_hook_calls++;
	return malloc(n);
}
void alloc_hook_free(void *p)
{
	if (p) alloc_hook_calls++;
	free(p);
}

typedef struct alloc_case {
	const char *token, *jwks;
	long weight;
} alloc_case;

/* weight: iterations are N / weight (at least 1), so that the slow
   algorithms do not dominate the run time */
static const alloc_case alloc_cases[] = {
	{ "hs256", "jwks/oct.json", 1 }, { "hs384", "jwks/oct.json", 1 },
	{ "hs512", "jwks/oct.json", 1 }, { "rs256", "jwks/public.json", 10 },
	{ "ps256", "jwks/public.json", 10 }, { "rs256-nokid", "jwks/public.json", 10 },
	{ "rs256-rsa4096", "jwks/public.json", 100 }, { "es256", "jwks/ec.json", 100 },
	{ "es384", "jwks/ec.json", 100 }, { "es512", "jwks/ec.json", 100 },
	/* failures take their own paths */
	{ "rs256-wrong-key", "jwks/public.json", 10 }, { "rs256-expired", "jwks/public.json", 10 },
	{ "alg-none", "jwks/public.json", 1 }
};
#define ALLOC_NCASES (sizeof alloc_cases / sizeof alloc_cases[0])

static jwtauth_keyset alloc_ks[ALLOC_NCASES];
static char alloc_tok[ALLOC_NCASES][JWTAUTH_MAX_TOKEN_LEN + 1];
static size_t alloc_len[ALLOC_NCASES];
static jwtauth_jwt alloc_jwt;
static jwtauth_login alloc_login;
static jwtauth_config alloc_cfg, alloc_cfg_cached;
static jwtauth_token_cache alloc_tc;
static jwtauth_token_cache_entry alloc_entries[8];
static char alloc_doc[1 << 16];

static size_t alloc_read(const char *rel, char *buf, size_t cap)
{
	char path[256];
	FILE *f;
	size_t n;
	snprintf(path, sizeof path, "tests/fixtures/%s", rel);
	f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "alloc_count: cannot read %s (run from the repository root)\n", path);
		exit(2);
	}
	n = fread(buf, 1, cap - 1, f);
	fclose(f);
	buf[n] = 0;
	return n;
}

int main(int argc, char **argv)
{
	static const char props[] = "{\"principal_field\":\"sub\","
		"\"required_issuer\":\"https://issuer.example\","
		"\"required_audience\":\"starrocks\"}";
	long n = argc > 1 ? atol(argv[1]) : 1000, i, ops = 0;
	size_t c;
	int ok_total = 0;

	/* Setup may allocate (stdio); only the loop below is counted. */
	for (c = 0; c < ALLOC_NCASES; c++) {
		char rel[128];
		size_t len;
		snprintf(rel, sizeof rel, "tokens/%s.jwt", alloc_cases[c].token);
		alloc_len[c] = alloc_read(rel, alloc_tok[c], sizeof alloc_tok[c]);
		len = alloc_read(alloc_cases[c].jwks, alloc_doc, sizeof alloc_doc);
		if (jwtauth_keyset_parse(&alloc_ks[c], alloc_doc, len, NULL) != JWTAUTH_OK) return 2;
	}
	if (jwtauth_config_parse(&alloc_cfg, props, sizeof props - 1, NULL) != JWTAUTH_OK
	    || jwtauth_config_parse(&alloc_cfg_cached, props, sizeof props - 1, NULL) != JWTAUTH_OK)
		return 2;
	jwtauth_token_cache_init(&alloc_tc, alloc_entries, 8);

#ifndef ALLOC_NO_INTERPOSE
	{
		/* the interposition must be live, or a 0 below proves nothing */
		void *(*volatile m)(size_t) = malloc;
		void (*volatile f)(void *) = free;
		void *p;
		alloc_counting = 1;
		p = m(16);
		f(p);
		alloc_counting = 0;
		if (alloc_libc_calls != 2) {
			fprintf(stderr, "alloc_count: malloc/free interposition not effective (%ld)\n",
				alloc_libc_calls);
			return 1;
		}
		alloc_libc_calls = 0;
	}
#endif

	alloc_counting = 1;
	for (c = 0; c < ALLOC_NCASES; c++) {
		long reps = n / alloc_cases[c].weight;
#ifdef ALLOC_NO_INTERPOSE
		/* under valgrind: HMAC and alg-none N times, RSA/EC once or twice */
		if (alloc_cases[c].weight > 1) reps = n > 1 ? 2 : 1;
#endif
		if (reps < 1) reps = 1;
		for (i = 0; i < reps; i++) {
			ok_total += jwtauth_jws_verify_signature_only(&alloc_ks[c], alloc_tok[c], alloc_len[c], JWTAUTH_ALGS_ALL,
				&alloc_jwt, NULL) == JWTAUTH_OK;
			ok_total += jwtauth_authenticate(&alloc_cfg, &alloc_ks[c], NULL, "tom", 3,
				(const uint8_t *)alloc_tok[c], alloc_len[c], JWTAUTH_RESPONSE_AUTO,
				1800000000, &alloc_login, NULL) == JWTAUTH_OK;
			ok_total += jwtauth_authenticate(&alloc_cfg_cached, &alloc_ks[c], &alloc_tc, "tom", 3,
				(const uint8_t *)alloc_tok[c], alloc_len[c], JWTAUTH_RESPONSE_AUTO,
				1800000000, &alloc_login, NULL) == JWTAUTH_OK;
			ops += 3;
		}
	}
	alloc_counting = 0;

	printf("alloc_count: %ld calls (verify, authenticate, cached authenticate) over %u token"
		" cases, N = %ld: %d succeeded; %lu cache hits\n", ops, (unsigned)ALLOC_NCASES,
		n, ok_total, (unsigned long)alloc_tc.hits);
#ifndef ALLOC_NO_INTERPOSE
	printf("alloc_count: JWTAUTH_MALLOC/FREE calls: %ld; malloc/calloc/realloc/free calls: %ld\n",
		alloc_hook_calls, alloc_libc_calls);
	if (alloc_hook_calls != 0 || alloc_libc_calls != 0) {
		printf("alloc_count: FAIL: the verify path allocates\n");
		return 1;
	}
	printf("alloc_count: OK: 0 allocations\n");
#endif
	return 0;
}
