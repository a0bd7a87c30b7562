/* fuzz_ec.h - what the two ECDSA differential harnesses (fuzz_ec_muladd.c,
   fuzz_ecdsa_verify.c) share: reading the input, big-endian adjustments,
   and the curve of an input. Included once by each, after jwtauth.h. */
#ifndef FUZZ_EC_H
#define FUZZ_EC_H

#include <stdint.h>
#include <stdlib.h>

static void check(int ok)
{
	if (!ok) abort();
}

/* the next input byte; missing bytes read as zero */
static uint8_t in_byte(const uint8_t *data, size_t size, size_t *pos)
{
	return *pos < size ? data[(*pos)++] : 0;
}

/* a += v (v small, either sign), big-endian, wrapping at len bytes */
static void add_small(uint8_t *a, size_t len, int v)
{
	size_t i;
	for (i = len; i-- > 0 && v != 0;) {
		int t = a[i] + v;
		a[i] = (uint8_t)(t & 0xff);
		v = t < 0 ? -1 : t >> 8;
	}
}

/* The curve of an input (0 P-256, 1 P-384, 2 P-521): its first byte
   modulo 3, or FUZZ_EC_CURVE for a campaign on one curve
   (fuzz/campaign.sh). The byte is read either way, so that one corpus
   serves both builds. */
static unsigned fuzz_curve(uint8_t b)
{
#ifdef FUZZ_EC_CURVE
	(void)b;
	return FUZZ_EC_CURVE;
#else
	return b % 3u;
#endif
}

#endif
