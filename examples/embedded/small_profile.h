/* small_profile.h - the "small" limits of jwtauth.h for microcontrollers.
   Included (gcc -include) before jwtauth.h by `make embedded` and by the
   build/test-embedded unit-test variant; see docs/embedded.md for how to
   size each limit for a given identity provider. Every limit changes a
   struct size, so every file that includes jwtauth.h needs the same set.
   Each can be overridden with -D. */
#ifndef JWTAUTH_SMALL_PROFILE_H
#define JWTAUTH_SMALL_PROFILE_H

#ifndef JWTAUTH_MAX_TOKEN_LEN
#define JWTAUTH_MAX_TOKEN_LEN     2048  /* one ID token of a few claims */
#endif
#ifndef JWTAUTH_MAX_JSON_DEPTH
#define JWTAUTH_MAX_JSON_DEPTH    16
#endif
#ifndef JWTAUTH_MAX_JSON_TOKENS
#define JWTAUTH_MAX_JSON_TOKENS   64    /* values in header + payload */
#endif
#ifndef JWTAUTH_MAX_JWKS_TOKENS
#define JWTAUTH_MAX_JWKS_TOKENS   128   /* values in a key document (stack) */
#endif
#ifndef JWTAUTH_MAX_JWKS_LEN
#define JWTAUTH_MAX_JWKS_LEN      16384
#endif
#ifndef JWTAUTH_MAX_KEYS
#define JWTAUTH_MAX_KEYS          4
#endif
#ifndef JWTAUTH_MAX_KID_LEN
#define JWTAUTH_MAX_KID_LEN       64
#endif
#ifndef JWTAUTH_MAX_RSA_BITS
#define JWTAUTH_MAX_RSA_BITS      2048
#endif
#ifndef JWTAUTH_MAX_HMAC_KEY_LEN
#define JWTAUTH_MAX_HMAC_KEY_LEN  64    /* HS512's full-strength key */
#endif
#ifndef JWTAUTH_MAX_CONFIG_LEN
#define JWTAUTH_MAX_CONFIG_LEN    1024
#endif
#ifndef JWTAUTH_MAX_LIST
#define JWTAUTH_MAX_LIST          4
#endif
#ifndef JWTAUTH_MAX_PRINCIPAL_LEN
#define JWTAUTH_MAX_PRINCIPAL_LEN 64
#endif
#ifndef JWTAUTH_MAX_GROUPS
#define JWTAUTH_MAX_GROUPS        8
#endif
#ifndef JWTAUTH_MAX_GROUPS_LEN
#define JWTAUTH_MAX_GROUPS_LEN    256   /* bytes of group names per login */
#endif
/* Not a limit: the library's own ECDSA engine (when JWTAUTH_EC_BEARSSL is
   not defined) builds 4 odd multiples of the public key per verification
   instead of 8, for a frame within the 4 KB stack (about 3% slower). */
#ifndef JWTAUTH_EC_QWINDOW
#define JWTAUTH_EC_QWINDOW        4
#endif

#endif
