/* small_profile.h - the "small" limits of jwtauth.h for microcontrollers.
   Included (gcc -include) before jwtauth.h by `make embedded` and by the
   build/test-embedded unit-test variant; see docs/embedded.md for how to
   size each limit for a given identity provider. Every limit changes a
   struct size, so every file that includes jwtauth.h needs the same set. */
#ifndef JWTAUTH_SMALL_PROFILE_H
#define JWTAUTH_SMALL_PROFILE_H

#define JWTAUTH_MAX_TOKEN_LEN     2048  /* one ID token of a few claims */
#define JWTAUTH_MAX_JSON_DEPTH    16
#define JWTAUTH_MAX_JSON_TOKENS   64    /* values in header + payload */
#define JWTAUTH_MAX_JWKS_TOKENS   128   /* values in a key document (stack) */
#define JWTAUTH_MAX_JWKS_LEN      16384
#define JWTAUTH_MAX_KEYS          4
#define JWTAUTH_MAX_KID_LEN       64
#define JWTAUTH_MAX_RSA_BITS      2048
#define JWTAUTH_MAX_HMAC_KEY_LEN  64    /* HS512's full-strength key */
#define JWTAUTH_MAX_CONFIG_LEN    1024
#define JWTAUTH_MAX_CONFIG_TOKENS 48    /* values in a property object (stack) */
#define JWTAUTH_MAX_LIST          4
#define JWTAUTH_MAX_PRINCIPAL_LEN 64
#define JWTAUTH_MAX_GROUPS        8
#define JWTAUTH_MAX_GROUPS_LEN    256   /* bytes of group names per login */
#define JWTAUTH_TOKEN_CACHE_MAX_TOKEN 1024

#endif
