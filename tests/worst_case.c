/* worst_case.c - the most work one token can cost (make worst-case).
   A token of JWTAUTH_MAX_TOKEN_LEN bytes whose payload nests JSON to
   JWTAUTH_MAX_JSON_DEPTH, without a kid, against a set of JWTAUTH_MAX_KEYS
   keys that all fit its algorithm and none of which verifies it: every key
   is tried. Prints the time per token for each algorithm family and checks
   the verdict (SIGNATURE) and that nothing was allocated on the way.
   Stack: each measured call also runs in a thread whose stack (1 MiB,
   pthread_attr_setstack) was painted with 0xA5; after the join the deepest
   changed byte gives the high-water mark, minus what an empty call costs
   (the thread start). */
#define _POSIX_C_SOURCE 200809L
#define JWTAUTH_IMPLEMENTATION
#include "../jwtauth.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <pthread.h>

static jwtauth_keyset ks;
static jwtauth_jwt jwt;
static char token[JWTAUTH_MAX_TOKEN_LEN + 1];
static size_t token_len;
static jwtauth_config cfg;
static jwtauth_login login;

/* ---- stack high-water mark by painting a thread's stack ---- */
#define WC_STACK ((size_t)1 << 20)
typedef struct wc_job { void (*fn)(void); } wc_job;

static void *wc_thread(void *arg)
{
	((wc_job *)arg)->fn();
	return NULL;
}

static size_t wc_stack_raw(void (*fn)(void))
{
	pthread_attr_t at;
	pthread_t t;
	wc_job job;
	unsigned char *mem = NULL;
	size_t i;
	if (posix_memalign((void **)&mem, 4096, WC_STACK) != 0) exit(2);
	memset(mem, 0xA5, WC_STACK);
	job.fn = fn;
	pthread_attr_init(&at);
	if (pthread_attr_setstack(&at, mem, WC_STACK) != 0
	    || pthread_create(&t, &at, wc_thread, &job) != 0) exit(2);
	pthread_join(t, NULL);
	pthread_attr_destroy(&at);
	/* the stack grows down: the lowest changed byte is the deepest */
	for (i = 0; i < WC_STACK && mem[i] == 0xA5; i++) {}
	free(mem);
	return WC_STACK - i;
}

static void wc_empty(void) {}
static size_t wc_base;

static size_t wc_stack(void (*fn)(void))
{
	size_t u = wc_stack_raw(fn);
	return u > wc_base ? u - wc_base : 0;
}

static void job_verify(void)
{
	jwtauth_jws_verify_signature_only(&ks, token, token_len, JWTAUTH_ALGS_ALL, &jwt, NULL);
}

static void job_auth(void)
{
	jwtauth_authenticate(&cfg, &ks, NULL, "tom", 3, (const uint8_t *)token, token_len,
		JWTAUTH_RESPONSE_BARE, 1764000100, &login, NULL);
}

static double now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *b = (char *)malloc(1 << 16);
	size_t n;
	if (!f || !b) exit(2);
	n = fread(b, 1, (1 << 16) - 1, f);
	fclose(f);
	b[n] = 0;
	if (len) *len = n;
	return b;
}

/* header.payload.signature of exactly JWTAUTH_MAX_TOKEN_LEN bytes */
static size_t make_token(const char *alg, size_t sig_len)
{
	char header[64], payload[JWTAUTH_MAX_TOKEN_LEN];
	uint8_t sig[512];
	size_t n = 0, hl, pl, sl, k, i, room;
	int d;
	sprintf(header, "{\"alg\":\"%s\"}", alg);
	memset(sig, 0x01, sizeof sig);   /* r, s small and non-zero: in range */
	jwtauth_b64url_encode((const uint8_t *)header, strlen(header), token, sizeof token, &hl);
	token[hl] = '.';
	sl = JWTAUTH_B64URL_ENCODED_LEN(sig_len);
	room = JWTAUTH_MAX_TOKEN_LEN - hl - 2 - sl;            /* characters */
	room = (room / 4) * 3 + (room % 4 ? room % 4 - 1 : 0); /* payload bytes */
	/* payload: the claims, a depth-limit nest, then padding in a string */
	n = (size_t)sprintf(payload, "{\"sub\":\"tom\",\"exp\":4102444800,\"n\":");
	for (d = 1; d < JWTAUTH_MAX_JSON_DEPTH; d++) payload[n++] = '[';
	for (d = 1; d < JWTAUTH_MAX_JSON_DEPTH; d++) payload[n++] = ']';
	n += (size_t)sprintf(payload + n, ",\"pad\":\"");
	while (n < room - 2) payload[n++] = 'x';
	payload[n++] = '"';
	payload[n++] = '}';
	pl = 0;
	jwtauth_b64url_encode((const uint8_t *)payload, n, token + hl + 1, sizeof token - hl - 1, &pl);
	k = hl + 1 + pl;
	token[k++] = '.';
	jwtauth_b64url_encode(sig, sig_len, token + k, sizeof token - k, &i);
	k += i;
	token[k] = 0;
	return k;
}

static void run(const char *label, const char *alg, size_t sig_len)
{
	double best = 1e30;
	size_t len = make_token(alg, sig_len);
	int r, rc = 0;
	for (r = 0; r < 5; r++) {
		double t0 = now_us();
		rc = jwtauth_jws_verify_signature_only(&ks, token, len, JWTAUTH_ALGS_ALL, &jwt, NULL);
		t0 = now_us() - t0;
		if (t0 < best) best = t0;
	}
	printf("  %-26s token %zu bytes, %zu keys tried: %10.1f us  (%s)\n", label, len,
		ks.count, best, jwtauth_error_name(rc));
	if (rc != JWTAUTH_ERR_SIGNATURE) { printf("worst-case: unexpected verdict\n"); exit(1); }
	token_len = len;
	printf("  %-26s stack: jwtauth_jws_verify %zu bytes, jwtauth_authenticate %zu bytes\n",
		"", wc_stack(job_verify), wc_stack(job_auth));
}

int main(void)
{
	size_t i, n_len;
	char *doc;
	uint8_t n[512], e[3] = { 1, 0, 1 }, q[133], k[64];
	jwtauth_keyset tmp;
	jwtauth_config_init(&cfg);
	wc_base = wc_stack_raw(wc_empty);
	printf("worst case: max-size token, depth-limit JSON, no kid, %d fitting keys, none valid\n",
		JWTAUTH_MAX_KEYS);
	/* HS512: 32 secrets */
	jwtauth_keyset_init(&ks);
	for (i = 0; i < JWTAUTH_MAX_KEYS; i++) {
		memset(k, (int)i + 1, sizeof k);
		jwtauth_keyset_add_oct(&ks, k, sizeof k, JWTAUTH_ALG_UNKNOWN, NULL, 0);
	}
	run("HS512, 32 secrets", "HS512", 64);
	/* RS256 / PS256 with 32 copies of the 4096-bit key */
	doc = slurp("tests/fixtures/keys/rsa4096.pub.jwk.json", NULL);
	if (jwtauth_keyset_parse(&tmp, doc, strlen(doc), NULL) != JWTAUTH_OK) return 2;
	n_len = tmp.keys[0].u.rsa.n_len;
	memcpy(n, tmp.keys[0].u.rsa.n, n_len);
	free(doc);
	jwtauth_keyset_init(&ks);
	for (i = 0; i < JWTAUTH_MAX_KEYS; i++)
		jwtauth_keyset_add_rsa(&ks, n, n_len, e, 3, JWTAUTH_ALG_UNKNOWN, NULL, 0);
	run("RS256, 32 RSA-4096 keys", "RS256", n_len);
	run("PS512, 32 RSA-4096 keys", "PS512", n_len);
	/* ES512 with 32 copies of the P-521 key */
	doc = slurp("tests/fixtures/keys/ec521.pub.jwk.json", NULL);
	if (jwtauth_keyset_parse(&tmp, doc, strlen(doc), NULL) != JWTAUTH_OK) return 2;
	memcpy(q, tmp.keys[0].u.ec.q, 133);
	free(doc);
	jwtauth_keyset_init(&ks);
	for (i = 0; i < JWTAUTH_MAX_KEYS; i++)
		jwtauth_keyset_add_ec(&ks, BR_EC_secp521r1, q, 133, JWTAUTH_ALG_UNKNOWN, NULL, 0);
	run("ES512, 32 P-521 keys", "ES512", 132);
	/* EdDSA with 32 copies of the Ed25519 key of RFC 8037 A.2 */
	doc = slurp("tests/data/rfc8037/ed25519.public.jwk.json", NULL);
	if (jwtauth_keyset_parse(&tmp, doc, strlen(doc), NULL) != JWTAUTH_OK) return 2;
	memcpy(q, tmp.keys[0].u.okp.x, 32);
	free(doc);
	jwtauth_keyset_init(&ks);
	for (i = 0; i < JWTAUTH_MAX_KEYS; i++)
		jwtauth_keyset_add_ed25519(&ks, q, 32, JWTAUTH_ALG_UNKNOWN, NULL, 0);
	run("EdDSA, 32 Ed25519 keys", "EdDSA", 64);
	/* a login that passes every step: signature, claims, principal, groups */
	doc = slurp("tests/fixtures/jwks/demo.json", NULL);
	if (jwtauth_keyset_parse(&ks, doc, strlen(doc), NULL) != JWTAUTH_OK) return 2;
	free(doc);
	doc = slurp("tests/fixtures/tokens/demo-tom.jwt", &token_len);
	while (token_len > 0 && (doc[token_len - 1] == '\n' || doc[token_len - 1] == '\r')) token_len--;
	memcpy(token, doc, token_len);
	free(doc);
	jwtauth_config_set(&cfg, &cfg.principal_field, "preferred_username", 18, NULL);
	jwtauth_config_set(&cfg, &cfg.groups_claim, "realm_access.roles", 18, NULL);
	jwtauth_config_set_list(&cfg, cfg.permitted_groups, &cfg.n_permitted_groups, "analyst", 7, NULL);
	job_auth();
	if (login.principal_len != 3) { printf("worst-case: demo login refused\n"); return 1; }
	printf("  %-26s stack: jwtauth_jws_verify %zu bytes, jwtauth_authenticate %zu bytes\n",
		"RS256 demo login (accepted)", wc_stack(job_verify), wc_stack(job_auth));
	printf("memory: no heap; jwtauth_jwt %zu bytes, jwtauth_login %zu bytes (caller's); "
		"stack as above (thread start subtracted: %zu bytes)\n",
		sizeof(jwtauth_jwt), sizeof(jwtauth_login), wc_base);
	return 0;
}
