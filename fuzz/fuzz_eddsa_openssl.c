/* fuzz_eddsa_openssl.c - libFuzzer target: jwtauth.h's Ed25519 verifier
   against OpenSSL's (EVP_DigestVerify with an EVP_PKEY_ED25519 key). Both
   use the cofactorless equation with S < L and a byte comparison of R, so
   for every key jwtauth.h accepts the two verdicts must be equal.

   Input: byte 0 chooses the case (low 3 bits) and a parameter (high 5),
   byte 1 a parameter, bytes 2..33 a private key seed (or a raw public
   key), the rest the message (at most 4096 bytes).
     0  OpenSSL signs; both must accept
     1  one bit of the signature flipped
     2  S replaced by S + L (same residue; both must reject)
     3  the first 64 message bytes as the signature, over the rest
     4  bytes 2..33 as a raw public key, message bytes as the signature
     5  one bit of the message flipped after signing
     6  R replaced by a non-canonical encoding (y = p + small)
     7  signed with the seed's key, checked with a key from the message
   Invariants (abort() on violation): case 0 verifies in both; when
   jwtauth_keyset_add_ed25519 accepts the key the verdicts agree; when it
   refuses one, the reason is one of the three point refusals. */
#include <openssl/evp.h>
#define JWTAUTH_IMPLEMENTATION
#include "../jwtauth.h"

#include <stdlib.h>
#include <string.h>

#define check(c) do { if (!(c)) abort(); } while (0)

static jwtauth_keyset ks;

static const uint8_t ed_l[32] = {
	0xed,0xd3,0xf5,0x5c,0x1a,0x63,0x12,0x58,0xd6,0x9c,0xf7,0xa2,0xde,0xf9,0xde,0x14,
	0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0x10
};

static int ossl_verify(const uint8_t pub[32], const uint8_t *msg, size_t len,
	const uint8_t *sig, size_t sig_len)
{
	EVP_PKEY *pk = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, NULL, pub, 32);
	EVP_MD_CTX *c;
	int ok = 0;
	if (!pk) return 0;
	c = EVP_MD_CTX_new();
	check(c != NULL);
	if (EVP_DigestVerifyInit(c, NULL, NULL, NULL, pk) == 1)
		ok = EVP_DigestVerify(c, sig, sig_len, msg, len) == 1;
	EVP_MD_CTX_free(c);
	EVP_PKEY_free(pk);
	return ok;
}

/* Sign with the key of `seed`; its public key into pub. */
static void ossl_sign(const uint8_t seed[32], const uint8_t *msg, size_t len,
	uint8_t sig[64], uint8_t pub[32])
{
	EVP_PKEY *pk = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, NULL, seed, 32);
	EVP_MD_CTX *c = EVP_MD_CTX_new();
	size_t sl = 64, pl = 32;
	check(pk != NULL && c != NULL);
	check(EVP_DigestSignInit(c, NULL, NULL, NULL, pk) == 1);
	check(EVP_DigestSign(c, sig, &sl, msg, len) == 1 && sl == 64);
	check(EVP_PKEY_get_raw_public_key(pk, pub, &pl) == 1 && pl == 32);
	EVP_MD_CTX_free(c);
	EVP_PKEY_free(pk);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t pub[32], sig[64], seed[32], tmp[64];
	const uint8_t *msg, *s = sig;
	size_t len, sig_len = 64, i;
	unsigned mode, param;
	int ours, theirs, rc;
	uint8_t *mcopy = NULL;

	if (size < 34 || size > 34 + 4096) return 0;
	mode = data[0] & 7u;
	param = (unsigned)(data[0] >> 3) << 8 | data[1];
	memcpy(seed, data + 2, 32);
	msg = data + 34;
	len = size - 34;

	switch (mode) {
	case 3:
		if (len < 64) return 0;
		memcpy(sig, msg, 64);
		msg += 64;
		len -= 64;
		ossl_sign(seed, msg, len, tmp, pub);
		break;
	case 4:
		memcpy(pub, seed, 32);
		sig_len = len < 64 ? len : 64;
		memcpy(sig, msg, sig_len);
		msg += sig_len;
		len -= sig_len;
		break;
	case 7:
		if (len < 32) return 0;
		ossl_sign(seed, msg + 32, len - 32, sig, tmp);
		ossl_sign(msg, msg + 32, len - 32, tmp, pub);
		msg += 32;
		len -= 32;
		break;
	default:
		ossl_sign(seed, msg, len, sig, pub);
		break;
	}
	if (mode == 1) sig[(param % 512) / 8] ^= (uint8_t)(1u << (param % 8));
	if (mode == 2) {
		unsigned carry = 0;
		for (i = 0; i < 32; i++) {
			carry += (unsigned)sig[32 + i] + ed_l[i];
			sig[32 + i] = (uint8_t)carry;
			carry >>= 8;
		}
	}
	if (mode == 5) {
		if (len == 0) return 0;
		mcopy = (uint8_t *)malloc(len);
		check(mcopy != NULL);
		memcpy(mcopy, msg, len);
		mcopy[(param / 8) % len] ^= (uint8_t)(1u << (param % 8));
		msg = mcopy;
	}
	if (mode == 6) {
		/* p + k for k < 19: y = k, encoded with y >= p */
		memset(sig, 0xff, 32);
		sig[0] = (uint8_t)(0xed + param % 19);
		sig[31] = (uint8_t)(0x7f | (param & 0x100 ? 0x80 : 0));
	}

	jwtauth_keyset_init(&ks);
	rc = jwtauth_keyset_add_ed25519(&ks, pub, 32, JWTAUTH_ALG_UNKNOWN, NULL, 0);
	theirs = ossl_verify(pub, msg, len, s, sig_len);
	if (rc != JWTAUTH_OK) {
		check(mode == 4);
		check(rc == JWTAUTH_ERR_KEY_OKP_POINT || rc == JWTAUTH_ERR_KEY_OKP_NONCANONICAL
		      || rc == JWTAUTH_ERR_KEY_OKP_SMALL_ORDER);
		free(mcopy);
		return 0;
	}
	ours = jwtauth_sig_verify(&ks.keys[0], JWTAUTH_ALG_EDDSA, msg, len, s, sig_len);
	check(ours == JWTAUTH_OK || ours == JWTAUTH_ERR_SIGNATURE);
	check((ours == JWTAUTH_OK) == (theirs == 1));
	if (mode == 0) check(ours == JWTAUTH_OK);
	if (mode == 2 || mode == 6) check(ours != JWTAUTH_OK);
	free(mcopy);
	return 0;
}
