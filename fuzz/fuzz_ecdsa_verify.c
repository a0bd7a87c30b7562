/* fuzz_ecdsa_verify.c - libFuzzer target: whole ES256/ES384/ES512
   verifications, jwtauth_ecdsa_vrfy_raw against BearSSL's
   br_ecdsa_i31_vrfy_raw (on br_ec_all_m31).

   Input (missing bytes read as zero):
     byte 0   curve: % 3 (P-256 SHA-256, P-384 SHA-384, P-521 SHA-512)
     then     the private key (one coordinate's length, taken into
              [1, n-1]) and the hash (the curve's hash length); BearSSL's
              signer (br_ecdsa_i31_sign_raw) signs the hash
     then     mutations, 3 bytes each (op, a, b), applied in order:
              op % 12: 0 flip bit b of octet a of r || s; 1 set r, 2 set s
              to value a % 12 of {0, 1, 2, n-2, n-1, n, n+1, p-1, p, p+1,
              2^8L-1, the other half}; 3 add (b - 128) to r, 4 to s;
              5 flip a bit of the hash; 6 hash length a % 70; 7 flip a
              bit of the public key; 8 swap r and s; 9 zero-pad both
              halves by one octet; 10 drop the last octet; 11 re-sign the
              hash with octet a % 64 set to b
   Invariant (abort() on violation): both verifiers give the same verdict;
   an unmutated signature verifies. Hashes that are 0 modulo n (u1 = 0)
   are not compared: BearSSL rejects valid signatures there and accepts
   r = 0; the library must refuse r = 0. */
#define JWTAUTH_IMPLEMENTATION
#define JWTAUTH_STATIC
#include "../jwtauth.h"
#include "fuzz_ec.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* big-endian a += v (v may be negative), wrapping */
static const uint8_t p256_p[32] = {
	0xff,0xff,0xff,0xff,0x00,0x00,0x00,0x01,0x00,0x00,0x00,0x00,0x00,0x00,0x00,0x00,
	0x00,0x00,0x00,0x00,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff
};
static const uint8_t p384_p[48] = {
	0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,
	0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xfe,
	0xff,0xff,0xff,0xff,0x00,0x00,0x00,0x00,0x00,0x00,0x00,0x00,0xff,0xff,0xff,0xff
};

/* Executions per curve, printed at exit when FUZZ_EC_STATS is set (the
   campaign's report). */
static unsigned long runs[3], zero_hash;
static void report(void)
{
	fprintf(stderr, "executions per curve: P-256 %lu, P-384 %lu, P-521 %lu; "
		"zero-hash checks %lu\n", runs[0], runs[1], runs[2], zero_hash);
}

/* The hash as ECDSA's integer (its leftmost bitlen(n) bits, FIPS 186-4
   6.4) is 0 or n, i.e. 0 modulo n. */
static int hash_zero_mod_n(const uint8_t *h, size_t hl, const uint8_t *n, size_t len)
{
	uint8_t t[66];
	size_t i;
	unsigned nbits = len == 66 ? 521 : (unsigned)(8 * len);
	memset(t, 0, sizeof t);
	if (hl * 8 > nbits) {
		unsigned sc = (unsigned)((hl * 8 - nbits) & 7);
		memcpy(t, h, len);
		for (i = len; i-- > 0;)
			t[i] = (uint8_t)((t[i] >> sc) | (i ? t[i - 1] << (8 - sc) : 0));
		if (!sc) memcpy(t, h, len);
	} else {
		memcpy(t + (len - hl), h, hl);
	}
	for (i = 0; i < len && t[i] == 0; i++) {}
	return i == len || memcmp(t, n, len) == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int curves[3] = { BR_EC_secp256r1, BR_EC_secp384r1, BR_EC_secp521r1 };
	static const br_hash_class *const hashes[3] = {
		&br_sha256_vtable, &br_sha384_vtable, &br_sha512_vtable
	};
	size_t pos = 0, len, ql, hl, sl, i, steps;
	unsigned ci = fuzz_curve(in_byte(data, size, &pos));
	int curve = curves[ci];
	const br_ec_impl *bi = &br_ec_all_m31;
	const unsigned char *order = bi->order(curve, &len);
	uint8_t n[66], p[66], x[66], q[133], h[70], sig[140], tmp[70];
	br_ec_private_key sk;
	br_ec_public_key pk;
	static int registered;
	if (!registered && getenv("FUZZ_EC_STATS")) { registered = 1; atexit(report); }
	runs[ci]++;
	memcpy(n, order, len);
	if (len == 66) { memset(p, 0xff, 66); p[0] = 0x01; }
	else memcpy(p, len == 32 ? p256_p : p384_p, len);
	ql = 1 + 2 * len;
	hl = ci == 0 ? 32 : ci == 1 ? 48 : 64;
	for (i = 0; i < len; i++) x[i] = in_byte(data, size, &pos);
	/* into [1, n-1]: below n by its top octet, nonzero by the last */
	x[0] = (uint8_t)(len == 66 ? x[0] & 1u : x[0] & 0x7fu);
	if (len == 66) x[1] &= 0x7fu;   /* P-521's n starts 0x01 0xff */
	x[len - 1] |= 1u;
	memset(h, 0, sizeof h);
	for (i = 0; i < hl; i++) h[i] = in_byte(data, size, &pos);
	sk.curve = curve; sk.x = x; sk.xlen = len;
	check(bi->mulgen(q, x, len, curve) == ql);
	pk.curve = curve; pk.q = q; pk.qlen = ql;
	sl = br_ecdsa_i31_sign_raw(bi, hashes[ci], h, &sk, sig);
	check(sl == 2 * len);
	check(jwtauth_ecdsa_vrfy_raw(NULL, h, hl, &pk, sig, sl) == 1);
	for (steps = 0; pos + 3 <= size && steps < 8; steps++) {
		unsigned op = in_byte(data, size, &pos) % 12u;
		unsigned a = in_byte(data, size, &pos), b = in_byte(data, size, &pos);
		size_t half = sl / 2;
		uint8_t *r = sig, *s = sig + half;
		switch (op) {
		case 0: if (sl) sig[a % sl] ^= (uint8_t)(1u << (b & 7)); break;
		case 1: case 2: {
			uint8_t *t = op == 1 ? r : s, v[66];
			unsigned which = a % 12;
			if (half != len) break;
			memset(v, 0, len);
			switch (which) {
			case 0: break;
			case 1: v[len - 1] = 1; break;
			case 2: v[len - 1] = 2; break;
			case 3: memcpy(v, n, len); add_small(v, len, -2); break;
			case 4: memcpy(v, n, len); add_small(v, len, -1); break;
			case 5: memcpy(v, n, len); break;
			case 6: memcpy(v, n, len); add_small(v, len, 1); break;
			case 7: memcpy(v, p, len); add_small(v, len, -1); break;
			case 8: memcpy(v, p, len); break;
			case 9: memcpy(v, p, len); add_small(v, len, 1); break;
			case 10: memset(v, 0xff, len); break;
			default: memcpy(v, op == 1 ? s : r, len); break;
			}
			memcpy(t, v, len);
			break;
		}
		case 3: add_small(r, half, (int)b - 128); break;
		case 4: add_small(s, half, (int)b - 128); break;
		case 5: h[a % sizeof h] ^= (uint8_t)(1u << (b & 7)); break;
		case 6: hl = a % 70; break;
		case 7: q[a % ql] ^= (uint8_t)(1u << (b & 7)); break;
		case 8: memcpy(tmp, r, half); memmove(r, s, half); memcpy(s, tmp, half); break;
		case 9:
			if (sl + 2 > sizeof sig) break;
			memmove(sig + half + 2, s, half);
			sig[half + 1] = 0;
			memmove(sig + 1, r, half);
			sig[0] = 0;
			sl += 2;
			break;
		case 10: if (sl) sl--; break;
		default:
			h[a % 64] = (uint8_t)b;
			sl = br_ecdsa_i31_sign_raw(bi, hashes[ci], h, &sk, sig);
			check(sl == 2 * len);
			break;
		}
		if (hash_zero_mod_n(h, hl, n, len)) {
			/* u1 = 0: no oracle. BearSSL's muladd refuses a zero multiplier
			   (its verifier rejects valid signatures), and with r = 0 as
			   well it returns the point at infinity as x = 0, so BearSSL
			   0.6 accepts r = 0 with any s. The library must refuse r = 0;
			   tests/t_ecdsa_engine.c checks a valid zero-hash signature. */
			for (i = 0; i < half && sig[i] == 0; i++) {}
			if (i == half) check(jwtauth_ecdsa_vrfy_raw(NULL, h, hl, &pk, sig, sl) == 0);
			zero_hash++;
			continue;
		}
		check(jwtauth_ecdsa_vrfy_raw(NULL, h, hl, &pk, sig, sl)
			== br_ecdsa_i31_vrfy_raw(bi, h, hl, &pk, sig, sl));
	}
	return 0;
}
