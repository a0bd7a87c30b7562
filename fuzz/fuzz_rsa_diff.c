/* fuzz_rsa_diff.c - differential target: the library's variable-time RSA
   public operation against BearSSL's br_rsa_i31_public, byte for byte.

   Input: a header chooses the modulus size (2048..4096 bits, every size),
   the exponent (3, 65537, or a random odd one of 1 to 4 bytes) and the
   kind of base (below n, anything, n-1-t, n, n+t, 0, 1, 2^k-1 with k =
   bits-1 or bits); the rest of the input, XORed over a stream seeded by the
   header, is the modulus and then the base. The modulus is odd with its top
   bit set (it need not be a product of primes: the arithmetic must agree
   for every odd modulus).
   Invariants: jwtauth_rsa_public and br_rsa_i31_public return the same
   value and leave the same bytes (a refused base is zeroed by both); the
   operation on a loaded key (constants precomputed) refuses the same
   bases and gives the same result. Build with -DJWTAUTH_RSA_LIMB32 for the
   32-bit limb arithmetic. */
#define JWTAUTH_IMPLEMENTATION
#define JWTAUTH_STATIC
#include "../jwtauth.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint64_t rd_state;

static uint64_t rd_next(void)
{
	uint64_t z = (rd_state += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

/* n bytes of the stream, the input's bytes XORed over them */
static void rd_fill(uint8_t *out, size_t n, const uint8_t **src, size_t *left)
{
	size_t i;
	for (i = 0; i < n; i++) {
		out[i] = (uint8_t)rd_next();
		if (*left > 0) { out[i] ^= **src; (*src)++; (*left)--; }
	}
}

static void rd_fail(const char *what, size_t bits, const uint8_t *e, size_t elen)
{
	size_t i;
	fprintf(stderr, "fuzz_rsa_diff: %s (modulus %lu bits, e =", what, (unsigned long)bits);
	for (i = 0; i < elen; i++) fprintf(stderr, " %02x", e[i]);
	fprintf(stderr, ")\n");
	abort();
}

static jwtauth_keyset rd_ks;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t n[512], x[512], a[512], b[512], c[512], e[4];
	size_t bits, nlen, elen, i, left;
	unsigned esel, xsel, t;
	br_rsa_public_key pk;
	uint32_t ra, rb, rc;
	const uint8_t *p;
	if (size < 8) return 0;
	esel = data[0] % 3u;
	xsel = (data[0] >> 2) % 9u;
	bits = 2048 + ((size_t)data[1] << 8 | data[2]) % 2049;
	t = data[7];
	rd_state = 0;
	for (i = 0; i < 8; i++) rd_state = rd_state << 8 | data[i];
	nlen = (bits + 7) / 8;
	p = data + 8;
	left = size - 8;
	/* exponent */
	if (esel == 0) { e[0] = 3; elen = 1; }
	else if (esel == 1) { e[0] = 1; e[1] = 0; e[2] = 1; elen = 3; }
	else {
		elen = 1 + (size_t)(data[0] >> 6) % 4;
		memcpy(e, data + 3, elen);
		e[elen - 1] |= 1;
		if (elen == 1 && e[0] == 1) e[0] = 5;
		e[0] |= 1u << (data[6] & 7);   /* no leading zero octet */
	}
	/* modulus: exactly `bits` bits, odd */
	rd_fill(n, nlen, &p, &left);
	n[0] &= (uint8_t)(0xffu >> (8 * nlen - bits));
	n[0] |= (uint8_t)(0x80u >> (8 * nlen - bits));
	n[nlen - 1] |= 1;
	/* base */
	rd_fill(x, nlen, &p, &left);
	switch (xsel) {
	case 0: /* below n */
		x[0] = (uint8_t)(n[0] > 0 ? x[0] % n[0] : 0);
		break;
	case 1: break; /* anything of the length: below, at or above n */
	case 2: case 3: case 4: { /* n - 1 - t, n, n + t (when it fits) */
		int carry = 0;
		memcpy(x, n, nlen);
		if (xsel == 2) {
			unsigned sub = 1 + t;
			for (i = nlen; i-- > 0 && sub;) {
				unsigned v = x[i];
				x[i] = (uint8_t)(v - (sub & 0xff));
				sub = (sub >> 8) + (v < (sub & 0xff));
			}
		} else if (xsel == 4) {
			unsigned add = t;
			for (i = nlen; i-- > 0 && (add || carry);) {
				unsigned v = x[i] + (add & 0xff) + (unsigned)carry;
				x[i] = (uint8_t)v;
				carry = v > 0xff;
				add >>= 8;
			}
			if (carry) memcpy(x, n, nlen);
		}
		break;
	}
	case 5: memset(x, 0, nlen); break;
	case 6: memset(x, 0, nlen); x[nlen - 1] = 1; break;
	default: { /* 2^k - 1, k = bits - 1 (below n) or bits (above) */
		size_t k = bits - (t & 1);
		memset(x, 0xff, nlen);
		x[0] = (uint8_t)(0xffu >> (8 * nlen - k));
		break;
	}
	}
	pk.n = n;
	pk.nlen = nlen;
	pk.e = e;
	pk.elen = elen;
	memcpy(a, x, nlen);
	memcpy(b, x, nlen);
	ra = jwtauth_rsa_public(a, nlen, &pk);
	rb = br_rsa_i31_public(b, nlen, &pk);
	if (ra != rb) rd_fail("return values differ from br_rsa_i31_public", bits, e, elen);
	if (memcmp(a, b, nlen) != 0) rd_fail("results differ from br_rsa_i31_public", bits, e, elen);
	/* the same modulus as a loaded key: the constants kept in the key */
	jwtauth_keyset_init(&rd_ks);
	if (jwtauth_keyset_add_rsa(&rd_ks, n, nlen, e, elen, JWTAUTH_ALG_UNKNOWN, NULL, 0)
	    == JWTAUTH_OK) {
		memcpy(c, x, nlen);
		rc = jwtauth__rsa_key_public(&rd_ks.keys[0], c);
		if (rc != ra || (rc && memcmp(a, c, nlen) != 0))
			rd_fail("the loaded key's operation differs", bits, e, elen);
	} else if (!(elen == 1 && e[0] == 1)) {
		/* only the ROCA fingerprint (odds below 2^-150) may refuse it */
		if (!jwtauth__rsa_is_roca(n, nlen)) rd_fail("key refused", bits, e, elen);
	}
	return 0;
}
