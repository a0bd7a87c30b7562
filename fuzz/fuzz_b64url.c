/* fuzz_b64url.c - libFuzzer target: jwtauth_b64url_decode / _encode.

   Input: arbitrary bytes, used twice.
   Invariants (abort() on violation):
   1. decode(encode(x)) == x for the bytes x, and the encoded length is
      JWTAUTH_B64URL_ENCODED_LEN(len);
   2. the bytes read as a string s: when decode accepts s, then
      encode(decode(s)) == s (only the canonical form is accepted), the
      length query (out == NULL) agrees, the size is within
      JWTAUTH_B64URL_DECODED_MAX, a buffer one byte short is refused with
      JWTAUTH_ERR_BUFFER_TOO_SMALL; when it refuses, err names the code and
      an offset inside s, and the refusal does not depend on the buffer. */
#define JWTAUTH_IMPLEMENTATION
#define JWTAUTH_STATIC
#include "../jwtauth.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FB_MAX 16384

static char enc[JWTAUTH_B64URL_ENCODED_LEN(FB_MAX) + 4];
static uint8_t dec[FB_MAX + 4];
static char enc2[JWTAUTH_B64URL_ENCODED_LEN(FB_MAX) + 4];

static void check(int ok)
{
	if (!ok) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	jwtauth_error err;
	size_t elen = 0, dlen = 0, qlen = 0, e2 = 0;
	int rc, rq;

	if (size > FB_MAX) return 0;

	/* 1. round trip of arbitrary bytes */
	check(jwtauth_b64url_encode(data, size, NULL, 0, &qlen) == JWTAUTH_OK);
	check(qlen == JWTAUTH_B64URL_ENCODED_LEN(size));
	check(jwtauth_b64url_encode(data, size, enc, sizeof enc, &elen) == JWTAUTH_OK);
	check(elen == qlen && elen % 4 != 1);
	if (elen > 0)
		check(jwtauth_b64url_encode(data, size, enc, elen - 1, &e2) == JWTAUTH_ERR_BUFFER_TOO_SMALL);
	check(jwtauth_b64url_decode(enc, elen, dec, sizeof dec, &dlen, &err) == JWTAUTH_OK);
	check(err.code == JWTAUTH_OK);
	check(dlen == size && (size == 0 || memcmp(dec, data, size) == 0));

	/* 2. the bytes as a base64url string */
	rc = jwtauth_b64url_decode((const char *)data, size, dec, sizeof dec, &dlen, &err);
	check(err.code == rc && err.msg != NULL);
	rq = jwtauth_b64url_decode((const char *)data, size, NULL, 0, &qlen, NULL);
	check(rq == rc);
	if (rc != JWTAUTH_OK) {
		check(rc == JWTAUTH_ERR_B64_CHAR || rc == JWTAUTH_ERR_B64_LENGTH
			|| rc == JWTAUTH_ERR_B64_NONCANONICAL);
		check(err.offset < size);
		if (rc == JWTAUTH_ERR_B64_CHAR) {
			/* the offset names a byte outside the alphabet */
			unsigned char c = data[err.offset];
			check(!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
				|| (c >= '0' && c <= '9') || c == '-' || c == '_'));
		}
		return 0;
	}
	check(qlen == dlen && dlen <= JWTAUTH_B64URL_DECODED_MAX(size));
	check(jwtauth_b64url_encode(dec, dlen, enc2, sizeof enc2, &e2) == JWTAUTH_OK);
	check(e2 == size && (size == 0 || memcmp(enc2, data, size) == 0));
	if (dlen > 0) {
		check(jwtauth_b64url_decode((const char *)data, size, dec, dlen - 1, &qlen, &err)
			== JWTAUTH_ERR_BUFFER_TOO_SMALL);
		check(qlen == dlen);
	}
	return 0;
}
