/* A consumer of an installed jwtauth.h: verify a token against a JWKS and
   print its subject. usage: verify JWKS-FILE TOKEN-FILE NOW */
#define JWTAUTH_IMPLEMENTATION
#include <jwtauth.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	static char jwks[1 << 16], token[8192], sub[256];
	static jwtauth_keyset keys;
	static jwtauth_jwt jwt;
	jwtauth_claims_policy policy = { 0 };
	jwtauth_error err = { 0 };
	size_t jwks_len, token_len, sub_len = 0;
	long i;
	if (argc != 4) return 2;
	if (jwtauth_file_read(argv[1], jwks, sizeof jwks, &jwks_len, &err)
	    || jwtauth_file_read(argv[2], token, sizeof token, &token_len, &err)
	    || jwtauth_keyset_parse(&keys, jwks, jwks_len, &err)
	    || jwtauth_jws_verify(&keys, token, token_len, JWTAUTH_ALGS_ALL, &jwt, &err)
	    || jwtauth_claims_check(&jwt, &policy, strtoll(argv[3], NULL, 10), NULL, &err)) {
		printf("refused: %s (%s)\n", jwtauth_error_name(err.code), err.msg);
		return 1;
	}
	i = jwtauth_claim_find(&jwt, "sub", 3);
	if (i < 0 || jwtauth_json_str_copy(jwt.payload, &jwt.toks[i], sub, sizeof sub - 1, &sub_len))
		return 1;
	sub[sub_len] = 0;
	printf("verified: sub=%s alg=%s\n", sub, jwtauth_alg_name(jwt.alg));
	return 0;
}
