/* ctgrind.c - constant-time check of the HMAC verification path (the
   ctgrind technique): the secret (the precomputed HMAC key state) is marked
   undefined for valgrind's memcheck, so any branch or memory index that
   depends on it is reported as "Conditional jump or move depends on
   uninitialised value(s)". The verdict itself is marked defined before the
   test branches on it.
     build/ctgrind           must run clean under valgrind --error-exitcode=1
     build/ctgrind control   an early-exit comparison: must be flagged,
                             proving the method detects a leak */
#define JWTAUTH_IMPLEMENTATION
#include "../jwtauth.h"
#include <valgrind/memcheck.h>
#include <stdio.h>
#include <string.h>

static jwtauth_keyset ks;

/* The oct key's secret as JWK "k" text: decoding it must not branch on,
   or index a table with, any of its characters. `control` decodes it
   with the public table-driven decoder, which must be flagged. */
/* The negative control's comparison: a byte loop that returns at the first
   difference. memcmp is not used because a compiler may inline a fixed-size
   memcmp(...) == 0 as branch-free word compares (clang does at -O1), which
   would make the control prove nothing. */
static int early_exit_equal(const unsigned char *a, const unsigned char *b, size_t n)
{
	const volatile unsigned char *va = a, *vb = b;
	size_t i;
	for (i = 0; i < n; i++)
		if (va[i] != vb[i]) return 0;
	return 1;
}

static int b64_secret_check(int control)
{
	/* bytes 0..32 then fb ff bf (and fb): "-_-_" and "+/+/+w==" at the end */
	static const char url_text[] = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g-_-_";
	static const char std_text[] = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g+/+/+w==";
	char url[sizeof url_text], std[sizeof std_text];
	uint8_t out[64];
	size_t n = 0;
	int rc_url, rc_std;
	memcpy(url, url_text, sizeof url);
	memcpy(std, std_text, sizeof std);
	/* the characters are secret; the lengths are not */
	VALGRIND_MAKE_MEM_UNDEFINED(url, sizeof url - 1);
	VALGRIND_MAKE_MEM_UNDEFINED(std, sizeof std - 3);
	if (control) {
		rc_url = jwtauth_b64url_decode(url, sizeof url - 1, out, sizeof out, &n, NULL);
		VALGRIND_MAKE_MEM_DEFINED(&rc_url, sizeof rc_url);
		printf("ctgrind b64 control: decoded with tables (valgrind must report it)\n");
		return rc_url == JWTAUTH_OK ? 0 : 3;
	}
	rc_url = (int)jwtauth__b64_decode_ct((const unsigned char *)url, sizeof url - 1, out);
	VALGRIND_MAKE_MEM_DEFINED(&rc_url, sizeof rc_url);
	VALGRIND_MAKE_MEM_DEFINED(out, sizeof out);
	if (rc_url != 2 || out[0] != 0 || out[32] != 32 || out[33] != 0xfb || out[35] != 0xbf) {
		printf("ctgrind: url secret decoded wrong (flags %d)\n", rc_url);
		return 1;
	}
	rc_std = (int)jwtauth__b64_decode_ct((const unsigned char *)std, sizeof std - 3, out);
	VALGRIND_MAKE_MEM_DEFINED(&rc_std, sizeof rc_std);
	VALGRIND_MAKE_MEM_DEFINED(out, sizeof out);
	if (rc_std != 4 || out[32] != 32 || out[35] != 0xbf || out[36] != 0xfb) {
		printf("ctgrind: standard secret decoded wrong (flags %d)\n", rc_std);
		return 1;
	}
	printf("ctgrind: base64 secrets decoded with no secret-dependent branch or index\n");
	return 0;
}

int main(int argc, char **argv)
{
	static const char msg[] = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0b20ifQ";
	uint8_t secret[32], sig[32], bad[32], tag[32];
	br_hmac_key_context kc;
	br_hmac_context hc;
	const jwtauth_key *key;
	int rc_good, rc_bad, i;
	for (i = 0; i < 32; i++) secret[i] = (uint8_t)(i * 7 + 3);
	/* the expected tag, computed while everything is still defined */
	br_hmac_key_init(&kc, &br_sha256_vtable, secret, sizeof secret);
	br_hmac_init(&hc, &kc, 0);
	br_hmac_update(&hc, msg, sizeof msg - 1);
	br_hmac_out(&hc, sig);
	memcpy(bad, sig, sizeof bad);
	bad[31] ^= 1;
	if (jwtauth_keyset_add_oct(&ks, secret, sizeof secret, JWTAUTH_ALG_HS256, "k", 1) != JWTAUTH_OK)
		return 2;
	key = &ks.keys[0];
	/* from here on the key state is secret: the inner and outer hash
	   states (the hash class pointer beside them is public) */
	VALGRIND_MAKE_MEM_UNDEFINED(ks.keys[0].u.oct.hmac[0].ksi, sizeof ks.keys[0].u.oct.hmac[0].ksi);
	VALGRIND_MAKE_MEM_UNDEFINED(ks.keys[0].u.oct.hmac[0].kso, sizeof ks.keys[0].u.oct.hmac[0].kso);

	if (argc > 1 && strcmp(argv[1], "b64") == 0) return b64_secret_check(0);
	if (argc > 1 && strcmp(argv[1], "b64control") == 0) return b64_secret_check(1);
	if (argc > 1 && strcmp(argv[1], "control") == 0) {
		/* negative control: an early-exit comparison of a secret tag */
		br_hmac_init(&hc, &key->u.oct.hmac[0], 0);
		br_hmac_update(&hc, msg, sizeof msg - 1);
		br_hmac_out(&hc, tag);
		rc_good = early_exit_equal(tag, sig, sizeof tag);
		VALGRIND_MAKE_MEM_DEFINED(&rc_good, sizeof rc_good);
		printf("ctgrind control: compared (valgrind must report it)\n");
		return rc_good ? 0 : 3;
	}
	rc_good = jwtauth__verify_hmac(key, 0, 32, (const uint8_t *)msg, sizeof msg - 1, sig, 32);
	rc_bad = jwtauth__verify_hmac(key, 0, 32, (const uint8_t *)msg, sizeof msg - 1, bad, 32);
	VALGRIND_MAKE_MEM_DEFINED(&rc_good, sizeof rc_good);
	VALGRIND_MAKE_MEM_DEFINED(&rc_bad, sizeof rc_bad);
	if (rc_good != JWTAUTH_OK || rc_bad != JWTAUTH_ERR_SIGNATURE) {
		printf("ctgrind: wrong verdicts %d %d\n", rc_good, rc_bad);
		return 1;
	}
	printf("ctgrind: HMAC-SHA256 verification ran with a secret key state\n");
	return 0;
}
