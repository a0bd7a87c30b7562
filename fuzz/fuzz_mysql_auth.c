/* fuzz_mysql_auth.c - libFuzzer target: jwtauth_mysql_auth_token, the
   MySQL auth-response framing, in all three kinds.

   Input: the auth response bytes.
   Invariants (abort() on violation):
   - err names the returned code;
   - a returned token is a non-empty slice inside the input, at most
     JWTAUTH_MAX_TOKEN_LEN bytes, and only NUL bytes follow it;
   - BARE returns the input without its trailing NULs; OPENID's slice
     starts after the capability byte and the length prefix;
   - AUTO agrees with BARE when the first byte is 'e', else with OPENID. */
#define JWTAUTH_IMPLEMENTATION
#define JWTAUTH_STATIC
#include "../jwtauth.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int ok)
{
	if (!ok) abort();
}

static int run(const uint8_t *data, size_t size, jwtauth_response_kind kind,
	const char **tok, size_t *len)
{
	jwtauth_error err;
	size_t i;
	int rc;
	*tok = NULL;
	*len = 0;
	rc = jwtauth_mysql_auth_token(data, size, kind, tok, len, &err);
	check(err.code == rc && err.msg != NULL);
	if (rc != JWTAUTH_OK) return rc;
	check(*tok != NULL && *len > 0 && *len <= JWTAUTH_MAX_TOKEN_LEN);
	check((const uint8_t *)*tok >= data && (const uint8_t *)*tok + *len <= data + size);
	for (i = (size_t)((const uint8_t *)*tok - data) + *len; i < size; i++)
		check(data[i] == 0);
	return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *tb, *to, *ta;
	size_t lb, lo, la, n = size;
	int rb, ro, ra;
	rb = run(data, size, JWTAUTH_RESPONSE_BARE, &tb, &lb);
	ro = run(data, size, JWTAUTH_RESPONSE_OPENID, &to, &lo);
	ra = run(data, size, JWTAUTH_RESPONSE_AUTO, &ta, &la);
	/* BARE: the input minus trailing NULs */
	while (n > 0 && data[n - 1] == 0) n--;
	if (rb == JWTAUTH_OK) check((const uint8_t *)tb == data && lb == n);
	else check(n == 0 || n > JWTAUTH_MAX_TOKEN_LEN);
	/* OPENID: capability byte + at least a one-byte length first */
	if (ro == JWTAUTH_OK) check((const uint8_t *)to >= data + 2);
	/* AUTO picks one of the two by the first byte */
	if (size > 0 && data[0] == 'e') check(ra == rb && (ra != JWTAUTH_OK || (ta == tb && la == lb)));
	else if (size > 0) check(ra == ro && (ra != JWTAUTH_OK || (ta == to && la == lo)));
	return 0;
}
