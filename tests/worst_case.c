/* worst_case.c - the most work one token can cost (make worst-case).
   A token of JWTAUTH_MAX_TOKEN_LEN bytes whose payload nests JSON to
   JWTAUTH_MAX_JSON_DEPTH, without a kid, against a set of JWTAUTH_MAX_KEYS
   keys that all fit its algorithm and none of which verifies it: every key
   is tried. Prints the time per token for each algorithm family and checks
   the verdict (SIGNATURE) and that nothing was allocated on the way. */
#define _POSIX_C_SOURCE 200809L
#define JWTAUTH_IMPLEMENTATION
#include "../jwtauth.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static jwtauth_keyset ks;
static jwtauth_jwt jwt;
static char token[JWTAUTH_MAX_TOKEN_LEN + 1];

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
		rc = jwtauth_jws_verify(&ks, token, len, 0, &jwt, NULL);
		t0 = now_us() - t0;
		if (t0 < best) best = t0;
	}
	printf("  %-26s token %zu bytes, %zu keys tried: %10.1f us  (%s)\n", label, len,
		ks.count, best, jwtauth_error_name(rc));
	if (rc != JWTAUTH_ERR_SIGNATURE) { printf("worst-case: unexpected verdict\n"); exit(1); }
}

int main(void)
{
	size_t i, n_len;
	char *doc;
	uint8_t n[512], e[3] = { 1, 0, 1 }, q[133], k[64];
	jwtauth_keyset tmp;
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
	printf("memory: no heap; jwtauth_jwt %zu bytes (caller's), stack of jwtauth_jws_verify "
		"below 5 KB (make bench measures it)\n", sizeof(jwtauth_jwt));
	return 0;
}
