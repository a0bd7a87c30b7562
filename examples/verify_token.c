/* verify_token.c - verify a JWT with jwtauth_verify and read its claims.
   usage: verify_token JWKS_FILE TOKEN_FILE [NOW]   (build/verify_token) */
#define JWTAUTH_IMPLEMENTATION
#include "../jwtauth.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static jwtauth_keyset keys;      /* large: static, not on the stack */
static jwtauth_jwt jwt;
static char doc[1 << 20], token[JWTAUTH_MAX_TOKEN_LEN + 1];

int main(int argc, char **argv)
{
	jwtauth_verify_options opts;
	jwtauth_error err;
	char sub[256], user[64];
	size_t doc_len = 0, tok_len = 0;
	int64_t now = argc > 3 ? (int64_t)strtoll(argv[3], NULL, 10) : (int64_t)time(NULL);
	int analyst = 0;

	if (argc < 3) { fprintf(stderr, "usage: %s JWKS_FILE TOKEN_FILE [NOW]\n", argv[0]); return 2; }
	if (jwtauth_file_read(argv[1], "key file", doc, sizeof doc, &doc_len, &err)
	    || jwtauth_keyset_parse(&keys, doc, doc_len, &err)
	    || jwtauth_file_read(argv[2], "token file", token, sizeof token - 1, &tok_len, &err)) {
		printf("error %s: %s %s\n", jwtauth_error_name(err.code), err.detail, err.msg);
		return 2;
	}
	while (tok_len > 0 && (token[tok_len - 1] == '\n' || token[tok_len - 1] == '\r')) tok_len--;

	/* every algorithm of the library, exp required, one issuer */
	jwtauth_verify_options_init(&opts, JWTAUTH_ALGS_ALL);
	opts.claims.issuers[0].p = "http://localhost:38080/realms/master";
	opts.claims.issuers[0].len = strlen(opts.claims.issuers[0].p);
	opts.claims.n_issuers = 1;
	if (jwtauth_verify(&keys, &opts, NULL, token, tok_len, now, &jwt, NULL, &err) != JWTAUTH_OK) {
		printf("rejected %s: %s", jwtauth_error_name(err.code), jwtauth_strerror(err.code));
		if (err.has_time) printf(" (%s %lld, now %lld)", err.detail, (long long)err.time, (long long)err.now);
		else if (err.value_len) printf(" (%s '%s')", err.detail, err.value);
		printf("\n");
		return 1;
	}
	/* typed getters: a string, a string by JSON Pointer, an array */
	if (jwtauth_claim_string(&jwt, "sub", 3, sub, sizeof sub, NULL, &err)
	    || jwtauth_claim_string(&jwt, "/preferred_username", 19, user, sizeof user, NULL, &err)
	    || jwtauth_claim_contains(&jwt, "/realm_access/roles", 19, "analyst", 7, &analyst, &err)) {
		printf("claim %s: %s (%s)\n", err.detail, jwtauth_error_name(err.code), err.msg);
		return 1;
	}
	printf("verified: sub %s, preferred_username %s, analyst %s\n", sub, user, analyst ? "yes" : "no");
	jwtauth_keyset_wipe(&keys);
	return 0;
}
