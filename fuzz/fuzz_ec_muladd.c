/* fuzz_ec_muladd.c - libFuzzer target: jwtauth_ec_muladd (x A + y G, the
   double-scalar multiplication under ECDSA verification) against BearSSL's
   br_ec_all_m31 (p256_m31 on P-256, prime_i31 on P-384 and P-521).

   Input (missing bytes read as zero):
     byte 0   curve: % 3 (P-256, P-384, P-521)
     byte 1   the point A, % 8: 0-3 k G (k from the input), 4 G, 5 -G,
              6 G with x := y, 7 -G with x := y (doublings and P + (-P)
              at every step)
     byte 2   shape of x, byte 3 shape of y, % 8: 0 raw, 1 zero, 2 one,
              3 n - 1, 4 n, 5 n + 1, 6 runs (each input byte a run of 1 to
              64 equal bits, alternating), 7 raw with its upper half all
              ones or all zeros
     then     k, x, y: one coordinate's length each (P-521: below 2^521)
   BearSSL's muladd needs scalars in [1, n-1], so the expected result is
   built from the scalars reduced modulo n: x = 0 gives y G (mulgen),
   y = 0 gives x A (mul), both zero the point at infinity; otherwise
   BearSSL's muladd. Invariant (abort() on violation): the same success
   flag, and on success the same encoded point. */
#define JWTAUTH_IMPLEMENTATION
#define JWTAUTH_STATIC
#include "../jwtauth.h"
#include "fuzz_ec.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const int curves[3] = { BR_EC_secp256r1, BR_EC_secp384r1, BR_EC_secp521r1 };

/* a >= b, big-endian, same length */
static int ge(const uint8_t *a, const uint8_t *b, size_t len)
{
	return memcmp(a, b, len) >= 0;
}

static void sub(uint8_t *a, const uint8_t *b, size_t len)
{
	int br = 0;
	size_t i;
	for (i = len; i-- > 0;) {
		int v = a[i] - b[i] - br;
		br = v < 0;
		a[i] = (uint8_t)(v & 0xff);
	}
}

static int is_zero(const uint8_t *a, size_t len)
{
	size_t i;
	for (i = 0; i < len; i++)
		if (a[i]) return 0;
	return 1;
}

static void scalar(uint8_t *v, unsigned shape, const uint8_t *n, size_t len,
	const uint8_t *data, size_t size, size_t *pos)
{
	size_t i;
	for (i = 0; i < len; i++) v[i] = in_byte(data, size, pos);
	switch (shape % 8) {
	case 1: memset(v, 0, len); break;
	case 2: memset(v, 0, len); v[len - 1] = 1; break;
	case 3: memcpy(v, n, len); add_small(v, len, -1); break;
	case 4: memcpy(v, n, len); break;
	case 5: memcpy(v, n, len); add_small(v, len, 1); break;
	case 6: {
		size_t bit = 0, total = 8 * len;
		int one = v[0] & 1;
		uint8_t runs[66];
		memcpy(runs, v, len);
		memset(v, 0, len);
		for (i = 0; bit < total; i = (i + 1) % len, one ^= 1) {
			size_t run = 1 + runs[i] % 64, j;
			for (j = 0; j < run && bit < total; j++, bit++)
				if (one) v[len - 1 - bit / 8] |= (uint8_t)(1u << (bit % 8));
		}
		break;
	}
	case 7: memset(v, v[0] & 1 ? 0xff : 0, len / 2); break;
	default: break;
	}
	if (len == 66 && shape % 8 != 4 && shape % 8 != 5) v[0] &= 1;   /* below 2^521 */
}

/* Executions per curve, printed at exit when FUZZ_EC_STATS is set (the
   campaign's report). */
static unsigned long runs[3];
static void report(void)
{
	fprintf(stderr, "executions per curve: P-256 %lu, P-384 %lu, P-521 %lu\n",
		runs[0], runs[1], runs[2]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t pos = 0, len, ql;
	unsigned ci = fuzz_curve(in_byte(data, size, &pos)), amode, xs, ys;
	int curve = curves[ci];
	uint8_t n[66], k[66], x[66], y[66], xr[66], yr[66], one[66];
	uint8_t A[133], ours[133], want[133];
	uint32_t got, exp;
	const br_ec_impl *bi = &br_ec_all_m31;
	size_t glen;
	const unsigned char *order = bi->order(curve, &len);
	static int registered;
	if (!registered && getenv("FUZZ_EC_STATS")) { registered = 1; atexit(report); }
	runs[ci]++;
	amode = in_byte(data, size, &pos) % 8u;
	xs = in_byte(data, size, &pos);
	ys = in_byte(data, size, &pos);
	memcpy(n, order, len);
	ql = 1 + 2 * len;
	scalar(k, 0, n, len, data, size, &pos);
	scalar(x, xs, n, len, data, size, &pos);
	scalar(y, ys, n, len, data, size, &pos);
	/* the point */
	memset(one, 0, len);
	one[len - 1] = 1;
	while (ge(k, n, len)) sub(k, n, len);
	if (is_zero(k, len)) k[len - 1] = 1;
	if (amode >= 4) {
		memcpy(k, one, len);
		if (amode == 5 || amode == 7) { memcpy(k, n, len); add_small(k, len, -1); }
		if (amode >= 6) memcpy(x, y, len);
	}
	glen = bi->mulgen(A, k, len, curve);
	check(glen == ql);
	/* ours */
	memcpy(ours, A, ql);
	got = jwtauth_ec_muladd(ours, ql, x, len, y, len, curve);
	/* expected, from the reduced scalars */
	memcpy(xr, x, len);
	memcpy(yr, y, len);
	while (ge(xr, n, len)) sub(xr, n, len);
	while (ge(yr, n, len)) sub(yr, n, len);
	memcpy(want, A, ql);
	if (is_zero(xr, len) && is_zero(yr, len)) exp = 0;
	else if (is_zero(xr, len)) exp = bi->mulgen(want, yr, len, curve) == ql;
	else if (is_zero(yr, len)) exp = bi->mul(want, ql, xr, len, curve);
	else exp = bi->muladd(want, NULL, ql, xr, len, yr, len, curve);
	check(got == exp);
	if (got) check(memcmp(ours, want, ql) == 0);
	return 0;
}
