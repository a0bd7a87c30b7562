/* fuzz_jwks.c - libFuzzer target: jwtauth_keyset_parse on JWKS, JWK and PEM
   documents (the format is detected from the first non-space byte).

   Input: the key document itself.
   Invariants (abort() on violation):
   - err names the returned code; the offset lies inside the document;
   - count <= JWTAUTH_MAX_KEYS, keys[i].index == i, `usable` equals the
     entries whose status is JWTAUTH_OK, and success means usable >= 1;
   - a set never mixes oct and public keys, and `kind` says which it is;
   - kid: NUL-terminated at kid_len, at most JWTAUTH_MAX_KID_LEN, no NUL;
   - a usable entry's material is consistent (RSA size within the limits,
     odd modulus and exponent; EC point of the curve's size and form, with
     an engine; oct length within the limits), and an unusable entry holds
     no material at all (its union is zero);
   - every usable key refuses a junk signature for every algorithm of its
     type (never JWTAUTH_OK), and jwtauth_keyset_wipe empties the set. */
#define JWTAUTH_IMPLEMENTATION
#define JWTAUTH_STATIC
#include "../jwtauth.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static jwtauth_keyset ks;
static uint8_t junk[JWTAUTH_MAX_RSA_BITS / 8];

static void check(int ok)
{
	if (!ok) abort();
}

static int all_zero(const void *p, size_t n)
{
	const unsigned char *b = (const unsigned char *)p;
	size_t i;
	for (i = 0; i < n; i++)
		if (b[i]) return 0;
	return 1;
}

static void check_key(const jwtauth_key *k, size_t i)
{
	int a;
	check(k->index == i);
	check(k->kid_len <= JWTAUTH_MAX_KID_LEN && k->kid[k->kid_len] == 0);
	check(k->has_kid || k->kid_len == 0);
	check(memchr(k->kid, 0, k->kid_len) == NULL);
	check(k->alg < JWTAUTH_ALG_COUNT && k->use <= JWTAUTH_USE_OTHER);
	check(k->has_key_ops || k->key_ops == 0);
	if (k->status != JWTAUTH_OK) {
		check(k->status < 0);
		check(all_zero(&k->u, sizeof k->u));
		return;
	}
	switch (k->kty) {
	case JWTAUTH_KTY_RSA:
		check(k->u.rsa.bits >= JWTAUTH_MIN_RSA_BITS && k->u.rsa.bits <= JWTAUTH_MAX_RSA_BITS);
		check(k->u.rsa.n_len == (k->u.rsa.bits + 7) / 8 && k->u.rsa.n[0] != 0);
		check(k->u.rsa.n[k->u.rsa.n_len - 1] & 1);
		check(k->u.rsa.e_len >= 1 && k->u.rsa.e_len <= 4 && k->u.rsa.e[0] != 0);
		check((k->u.rsa.e[k->u.rsa.e_len - 1] & 1) && !(k->u.rsa.e_len == 1 && k->u.rsa.e[0] == 1));
		break;
	case JWTAUTH_KTY_EC: {
		size_t clen = jwtauth__curve_len(k->u.ec.curve);
		check(clen != 0 && k->u.ec.q_len == 1 + 2 * clen && k->u.ec.q[0] == 4);
#ifdef JWTAUTH_EC_BEARSSL
		check(k->u.ec.impl != NULL);
#else
		check(k->u.ec.impl == NULL);   /* the library's engine needs none */
#endif
		break;
	}
	case JWTAUTH_KTY_OCT:
		check(k->u.oct.key_len >= 32 && k->u.oct.key_len <= JWTAUTH_MAX_HMAC_KEY_LEN);
		break;
	case JWTAUTH_KTY_OKP: {
		/* the stored point is what the encoding decodes to */
		uint64_t nega[15];
		check(jwtauth__ed25519_load(nega, k->u.okp.x) == JWTAUTH_OK);
		check(memcmp(nega, k->u.okp.nega, sizeof nega) == 0);
		break;
	}
	default:
		abort();
	}
	if (k->alg != JWTAUTH_ALG_UNKNOWN) check(jwtauth__algs[k->alg].kty == k->kty);
	/* junk signatures of the right length never verify */
	for (a = 1; a < JWTAUTH_ALG_COUNT; a++) {
		size_t slen;
		int rc;
		if (jwtauth__algs[a].kty != k->kty) continue;
		slen = k->kty == JWTAUTH_KTY_RSA ? k->u.rsa.n_len
			: k->kty == JWTAUTH_KTY_EC ? 2 * jwtauth__curve_len(jwtauth__algs[a].curve)
			: k->kty == JWTAUTH_KTY_OKP ? 64
			: jwtauth__algs[a].hash_len;
		rc = jwtauth_sig_verify(k, (jwtauth_alg)a, (const uint8_t *)"junk", 4, junk, slen);
		check(rc == JWTAUTH_ERR_SIGNATURE || rc == JWTAUTH_ERR_KEY_UNFIT);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	jwtauth_error err;
	size_t i, usable = 0, oct = 0, pub = 0;
	int rc;

	if (size > 262144) return 0;
	memset(junk, 0x01, sizeof junk);
	rc = jwtauth_keyset_parse(&ks, (const char *)data, size, &err);
	check(err.code == rc && err.msg != NULL);
	check(rc == JWTAUTH_OK || rc < 0);
	if (rc != JWTAUTH_OK) check(err.offset <= size);
	check(ks.count <= JWTAUTH_MAX_KEYS);
	for (i = 0; i < ks.count; i++) {
		const jwtauth_key *k = &ks.keys[i];
		check_key(k, i);
		if (k->status == JWTAUTH_OK) {
			usable++;
			if (k->kty == JWTAUTH_KTY_OCT) oct++; else pub++;
		}
	}
	check(usable == ks.usable);
	check(!(oct && pub));
	if (rc == JWTAUTH_OK) {
		check(usable >= 1);
		check(ks.kind == (oct ? JWTAUTH_KTY_OCT : JWTAUTH_KTY_RSA));
	} else {
		check(rc != JWTAUTH_ERR_KEYSET_EMPTY || usable == 0);
	}
	jwtauth_keyset_wipe(&ks);
	check(ks.count == 0 && ks.usable == 0);
	return 0;
}
