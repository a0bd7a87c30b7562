/* A consumer of an installed jwtauth.h: verify a token (signature and
   claims) against a JWKS and print its subject.
   usage: verify JWKS-FILE TOKEN-FILE NOW */
#define JWTAUTH_IMPLEMENTATION
#include <jwtauth.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	static char jwks[1 << 16], token[JWTAUTH_MAX_TOKEN_LEN + 1], sub[256];
	static jwtauth_keyset keys;
	static jwtauth_jwt jwt;
	jwtauth_verify_options opts;
	jwtauth_error err;
	size_t jwks_len = 0, token_len = 0;
	if (argc != 4) return 2;
	jwtauth_verify_options_init(&opts, JWTAUTH_ALGS_ALL);
	if (jwtauth_file_read(argv[1], "key file", jwks, sizeof jwks, &jwks_len, &err)
	    || jwtauth_file_read(argv[2], "token file", token, sizeof token, &token_len, &err)
	    || jwtauth_keyset_parse(&keys, jwks, jwks_len, &err)
	    || jwtauth_verify(&keys, &opts, NULL, token, token_len, strtoll(argv[3], NULL, 10),
	                      &jwt, NULL, &err)
	    || jwtauth_claim_string(&jwt, "sub", 3, sub, sizeof sub, NULL, &err)) {
		printf("refused: %s (%s)\n", jwtauth_error_name(err.code), err.msg);
		return 1;
	}
	printf("verified: sub=%s alg=%s\n", sub, jwtauth_alg_name(jwt.alg));
	return 0;
}
