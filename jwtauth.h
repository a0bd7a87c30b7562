/* jwtauth.h - v1.0.0 - JWT authentication for database logins, on BearSSL
                                    no warranty implied; use at your own risk

   Do this:
      #define JWTAUTH_IMPLEMENTATION
   before you include this file in *one* C or C++ file to create the
   implementation. Link with BearSSL (-lbearssl). Nothing else is needed.

   WHAT IT DOES
      Verifies compact JWS tokens (HS/RS/PS/ES 256/384/512, EdDSA/Ed25519)
      against a JWKS, a single JWK or a PEM public key / X.509 certificate,
      validates the JWT claims, and runs the StarRocks `authentication_jwt`
      login flow: the per-user properties, principal mapping, issuers,
      audiences, groups and the MySQL auth-response framing.

   QUICK EXAMPLE (any JWT: signature and claims in one call)
      static jwtauth_keyset keys;                   // ~ 72 KB, no heap
      static jwtauth_jwt jwt;                       // ~ 17 KB
      jwtauth_verify_options opts;
      jwtauth_error err;
      char sub[256];
      jwtauth_keyset_parse(&keys, jwks_text, jwks_len, &err);
      jwtauth_verify_options_init(&opts, JWTAUTH_ALGS_ALL); // exp required
      if (jwtauth_verify(&keys, &opts, NULL, token, token_len, now,
                         &jwt, NULL, &err) == JWTAUTH_OK
          && jwtauth_claim_string(&jwt, "sub", 3, sub, sizeof sub, NULL,
                                  &err) == JWTAUTH_OK)
          printf("hello %s\n", sub);
      else
          printf("refused: %s (%s)\n", jwtauth_error_name(err.code), err.msg);

   THE STARROCKS LOGIN
      jwtauth_config cfg;                           // CREATE USER properties
      jwtauth_config_parse(&cfg, props_json, props_len, &err);
      static jwtauth_login login;                   // ~ 18 KB
      int rc = jwtauth_authenticate(&cfg, &keys, NULL, "tom", 3,
                                    auth_response, auth_response_len,
                                    JWTAUTH_RESPONSE_AUTO, now, &login, &err);

   MEMORY
      The library never calls malloc. Every object lives in a struct the
      caller declares (stack, static or its own heap). The sizes are compile-
      time constants (see LIMITS); `sizeof` tells them. Nothing holds a
      pointer into the caller's input after a call returns, except where a
      function says so (jwtauth_mysql_auth_token returns a slice of its input).
      Stack: every fixed buffer follows a limit. The key document's JSON
      token array (JWTAUTH_MAX_JWKS_TOKENS * 16 bytes) is in the key set
      (jwtauth_keyset.parse_tokens), not on the stack; the deepest calls
      are ECDSA verification and EC key loading, mostly BearSSL's curve
      frames. Measured peaks of every public call (docs/embedded.md; make
      embedded, make stack), BearSSL included: at most 3.9 KB on a
      Cortex-M4/M0 with the firmware build (JWTAUTH_RSA_BEARSSL,
      JWTAUTH_EC_BEARSSL), with the default limits or the small profile;
      with the library's own engines at most 6.4 KB (its ECDSA; 7 KB at
      x86-64).

   THREADS
      No globals, no thread-locals. Every function is reentrant. A key set
      and a config are only read by the verify and login calls: share them
      between threads once loaded (a config is set up, then shared; no
      public function writes through a const pointer). The two caches
      are the only shared mutable objects, and each takes the caller's
      lock hooks: the key-set cache (jwtauth_cache_options.lock/unlock)
      and the verified-token cache (jwtauth_token_cache_set_lock).
      Without hooks a cache belongs to one thread at a time. Outputs
      (jwtauth_jwt, jwtauth_login, jwtauth_error) belong to the caller.

   ERRORS
      Every fallible function returns JWTAUTH_OK (0) or a negative code
      and fills a jwtauth_error when given one (a few low-level helpers
      return the bare code; their comments say why). The error holds
      bounded copies: it never points into the caller's input.

   COMPILE-TIME OPTIONS (define before including, in every file that
   includes the header, because they change struct sizes)
      JWTAUTH_STATIC            make every function static to the file
      JWTAUTH_MAX_TOKEN_LEN     longest compact token accepted (8192)
      JWTAUTH_MAX_JSON_DEPTH    deepest JSON nesting accepted (32)
      JWTAUTH_MAX_JSON_TOKENS   JSON values per token header+payload (512)
      JWTAUTH_MAX_JWKS_TOKENS   JSON values per key document (1024; 16 bytes
                                each in jwtauth_keyset, the parse workspace)
      JWTAUTH_MAX_JWKS_LEN      largest key document (1 MiB)
      JWTAUTH_MAX_KEYS          entries per key set, usable or not (32)
      JWTAUTH_MAX_KID_LEN       longest kid kept (128)
      JWTAUTH_MAX_KIDLESS_TRIES keys tried for a token without kid (32)
      JWTAUTH_MAX_RSA_BITS      largest RSA modulus (4096, BearSSL's limit)
      JWTAUTH_MIN_RSA_BITS      smallest RSA modulus (2048, RFC 7518 3.3)
      JWTAUTH_MAX_HMAC_KEY_LEN  longest oct key (512 bytes)
      JWTAUTH_MAX_CONFIG_LEN    bytes of strings a config may hold (4096)
      JWTAUTH_MAX_LIST          items in an issuer/audience/group list (16)
      JWTAUTH_MAX_PRINCIPAL_LEN longest principal (256)
      JWTAUTH_MAX_GROUPS        groups kept per login (32)
      JWTAUTH_MAX_GROUPS_LEN    bytes of group names kept per login (1024)
      JWTAUTH_MAX_CONFIG_TOKENS JSON values per property object (32 + 3 *
                                JWTAUTH_MAX_LIST; 16 bytes of stack each)
      JWTAUTH_MAX_CLAIM_NAME_LEN longest claim name a JSON Pointer segment
                                with ~ escapes can name (256; on the stack)
      JWTAUTH_NO_ERROR_STRINGS  every message text compiled out: err->msg and
                                jwtauth_strerror are "" (about 9.7 KB less
                                at -Os; codes, names and values remain)
      JWTAUTH_ERROR_TEXT_MAX    longest text copied into a jwtauth_error (127)
      JWTAUTH_NO_STDIO          no file reader (jwtauth_file_read)
      JWTAUTH_NO_MALLOC         no key-set cache (the only allocating part)
      JWTAUTH_NO_PEM            no PEM, DER or X.509 key reader: key
                                documents are JWKS or JWK only, BearSSL's
                                PEM and X.509 decoders are not linked, and
                                a PEM document is refused with
                                JWTAUTH_ERR_KEY_NOT_BUILT (see KEY FORMATS)
      JWTAUTH_OPTIMIZE_SIZE     byte-wide base64url table instead of four
                                pre-shifted ones (4 KB less), and ECDSA limb
                                loops not unrolled (about 50 KB less;
                                implementation file only)
      JWTAUTH_RSA_BEARSSL       RSA verification by BearSSL's engines only:
                                the library's own variable-time RSA public
                                operation is left out, and with it its
                                per-key constants (1 KB a key: a key set is
                                then ~ 23 KB instead of ~ 56 KB)
      JWTAUTH_RSA_LIMB32        the RSA operation with 32-bit limbs (64-bit
                                products) even where the compiler has
                                unsigned __int128, as it does without one
                                (implementation file only; same struct sizes)
      JWTAUTH_ED25519_32BIT     Ed25519 field arithmetic on 32-bit limbs even
                                where 128-bit products exist (implementation
                                file only)
      JWTAUTH_EC_BEARSSL        ES256/384/512 on BearSSL's ECDSA instead of the
                                library's variable-time engine (about 25 KB
                                less code; docs/ecdsa.md)
      JWTAUTH_EC_32BIT          that engine on 32-bit limbs even where the
                                compiler has unsigned __int128 (for tests)
      JWTAUTH_EC_QWINDOW        that engine's wNAF width for the public key,
                                2 to 6 (5): 2^(w-2) odd multiples of it on
                                the stack per verification, 220 bytes each
                                for P-521 on 32-bit limbs; the small profile
                                takes 4 (implementation file only)
      Algorithm selection (docs/embedded.md): each switch leaves a family
      or a hash out, and with it every algorithm that needs it; only the
      code of the algorithms left in is linked.
      JWTAUTH_NO_HMAC           HS256, HS384, HS512
      JWTAUTH_NO_RSA_PKCS1      RS256, RS384, RS512
      JWTAUTH_NO_RSA_PSS        PS256, PS384, PS512
      JWTAUTH_NO_RSA            both of the above, and every RSA engine
                                (JWTAUTH_RSA_BEARSSL is then implied: no
                                per-key RSA constants)
      JWTAUTH_NO_ECDSA_P256     ES256
      JWTAUTH_NO_ECDSA_P384     ES384
      JWTAUTH_NO_ECDSA_P521     ES512
      JWTAUTH_NO_ECDSA          all three (and the library's ECDSA engine)
      JWTAUTH_NO_EDDSA          EdDSA and Ed25519
      JWTAUTH_NO_SHA384         every algorithm on SHA-384: HS384, RS384,
                                PS384, ES384
      JWTAUTH_NO_SHA512         every algorithm on SHA-512: HS512, RS512,
                                PS512, ES512, EdDSA, Ed25519
                                (SHA-384 and SHA-512 share BearSSL's code:
                                it is linked while either is in)
      Leaving every algorithm out is a compile-time error. What is left in:
      JWTAUTH_ALGS_BUILT (a bit set, usable in #if) and JWTAUTH_HAVE_<ALG>
      (JWTAUTH_HAVE_RS256, ...; JWTAUTH_HAVE_HMAC/RSA/ECDSA/EDDSA for a
      family). At run time a token whose alg is left out is refused with
      JWTAUTH_ERR_ALG_NOT_BUILT, a key that only such algorithms could use
      is kept unusable with JWTAUTH_ERR_KEY_NOT_BUILT, and
      jwtauth_algs_parse refuses a left-out name with ALG_NOT_BUILT.
      Example, an ES256-only build: JWTAUTH_NO_HMAC JWTAUTH_NO_RSA
      JWTAUTH_NO_ECDSA_P384 JWTAUTH_NO_ECDSA_P521 JWTAUTH_NO_EDDSA
      JWTAUTH_NO_SHA384 JWTAUTH_NO_SHA512.
      JWTAUTH_MALLOC(ctx,size) / JWTAUTH_FREE(ctx,ptr)
                                heap hooks for the cache (define both; only
                                needed in the implementation file)
      JWTAUTH_TOKEN_CACHE_MAX_TOKEN, JWTAUTH_CACHE_* (see those sections)

   SECURITY POLICY (details in docs/security.md)
      - `alg: none` is never accepted, in any spelling; `alg` must be in the
        caller's allowlist before any key is looked at.
      - Keys never come from the token: jku, x5u, jwk, x5c are ignored.
      - `crit` is rejected (no extension is understood yet).
      - A key's `alg`, `use`, `key_ops`, type and curve must fit the token.
      - One kid may name keys of different types (RFC 7517 section 4.5):
        the token's alg picks the one that fits; two fitting keys, or one
        beside a signature key refused at load, are KID_AMBIGUOUS.
      - A key document holding oct and public-key entries is refused,
        whatever the entries' state; duplicate key_ops values refuse the key.
      - Strict RFC 8259 JSON (duplicate names rejected after unescaping),
        strict base64url (no padding, canonical trailing bits).
      - HMAC tags are compared in constant time; copied secrets are wiped.

   TABLE OF CONTENTS (public part, then the implementation, in about the
   same order)
      errors, algorithms (and their selection), key formats (PEM left
      out or in), base64url, JSON, the RSA public operation (for
      verification), Ed25519 arithmetic, keys (JWK/JWKS/PEM/X.509 and BearSSL engines), JWK
      thumbprint, signatures, JWS, claims, verify (signature and claims in
      one call), typed claim getters, StarRocks configuration, MySQL auth
      response, the one-call login, verified-token cache, key sources and
      the key-set cache.

   RECENT REVISION HISTORY (CHANGELOG.md has the details)
      1.0.0 (2026-12-02) API 1.0: jwtauth_verify (signature and claims,
           exp required by default, explicit allowlist), typed claim
           getters, the verified-token cache passed explicitly with lock
           hooks, errors with values, one error model, JWK thumbprints.
      0.1  (2026-11-28) first release: strict JSON/base64url, keys, the 12
           JWS algorithms (PSS built on BearSSL's RSA core), claims, the
           StarRocks flow, key-set cache, verified-token cache.

   See end of file for license information.
*/

#ifndef JWTAUTH_H_INCLUDE
#define JWTAUTH_H_INCLUDE

#define JWTAUTH_VERSION_MAJOR 1
#define JWTAUTH_VERSION_MINOR 0
#define JWTAUTH_VERSION_PATCH 0
#define JWTAUTH_VERSION_STRING "1.0.0"

#include <stddef.h>
#include <stdint.h>
#include <bearssl.h>

/* ---- limits (denial-of-service bounds; they change struct sizes) ---- */
#ifndef JWTAUTH_MAX_TOKEN_LEN
#define JWTAUTH_MAX_TOKEN_LEN 8192
#endif
#ifndef JWTAUTH_MAX_JSON_DEPTH
#define JWTAUTH_MAX_JSON_DEPTH 32
#endif
#ifndef JWTAUTH_MAX_JSON_TOKENS
#define JWTAUTH_MAX_JSON_TOKENS 512
#endif
#ifndef JWTAUTH_MAX_JWKS_TOKENS
#define JWTAUTH_MAX_JWKS_TOKENS 1024
#endif
#ifndef JWTAUTH_MAX_JWKS_LEN
#define JWTAUTH_MAX_JWKS_LEN (1024u * 1024u)
#endif
#ifndef JWTAUTH_MAX_KEYS
#define JWTAUTH_MAX_KEYS 32
#endif
#ifndef JWTAUTH_MAX_KIDLESS_TRIES
#define JWTAUTH_MAX_KIDLESS_TRIES JWTAUTH_MAX_KEYS
#endif
#ifndef JWTAUTH_MAX_KID_LEN
#define JWTAUTH_MAX_KID_LEN 128
#endif
#ifndef JWTAUTH_MAX_RSA_BITS
#define JWTAUTH_MAX_RSA_BITS 4096
#endif
#ifndef JWTAUTH_MIN_RSA_BITS
#define JWTAUTH_MIN_RSA_BITS 2048
#endif
#ifndef JWTAUTH_MAX_HMAC_KEY_LEN
#define JWTAUTH_MAX_HMAC_KEY_LEN 512
#endif
#ifndef JWTAUTH_MAX_CONFIG_LEN
#define JWTAUTH_MAX_CONFIG_LEN 4096
#endif
#ifndef JWTAUTH_MAX_LIST
#define JWTAUTH_MAX_LIST 16
#endif
#ifndef JWTAUTH_MAX_PRINCIPAL_LEN
#define JWTAUTH_MAX_PRINCIPAL_LEN 256
#endif
#ifndef JWTAUTH_MAX_GROUPS
#define JWTAUTH_MAX_GROUPS 32
#endif
#ifndef JWTAUTH_MAX_GROUPS_LEN
#define JWTAUTH_MAX_GROUPS_LEN 1024
#endif
#ifndef JWTAUTH_MAX_CONFIG_TOKENS
/* a property object: at most 8 distinct members, 3 of them lists */
#define JWTAUTH_MAX_CONFIG_TOKENS (32 + 3 * JWTAUTH_MAX_LIST)
#endif
#ifndef JWTAUTH_MAX_CLAIM_NAME_LEN
#define JWTAUTH_MAX_CLAIM_NAME_LEN 256
#endif

#ifndef JWTAUTH_DEF
#ifdef JWTAUTH_STATIC
#if defined(__GNUC__) || defined(__clang__)
/* a static build need not call every function */
#define JWTAUTH_DEF static __attribute__((unused))
#else
#define JWTAUTH_DEF static
#endif
#else
#define JWTAUTH_DEF extern
#endif
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ======================================================================
   ERRORS
   Every fallible function returns JWTAUTH_OK (0) or one negative code.
   Codes are stable; ranges per layer. jwtauth_strerror() never returns
   NULL; jwtauth_error_name() gives the code's name without the
   JWTAUTH_ERR_ prefix ("EXPIRED"), as the CLI prints it.
   ====================================================================== */
enum {
	JWTAUTH_OK = 0,
	/* generic */
	JWTAUTH_ERR_ARGUMENT = -1,         /* NULL pointer or bad parameter */
	JWTAUTH_ERR_BUFFER_TOO_SMALL = -2, /* output capacity too small */
	JWTAUTH_ERR_TOO_LARGE = -3,        /* input larger than its limit */
	JWTAUTH_ERR_IO = -4,               /* key file or fetch failed */
	JWTAUTH_ERR_NOMEM = -5,            /* an allocation failed (key-set cache) */
	/* base64url (RFC 4648 section 5, RFC 7515 section 2) */
	JWTAUTH_ERR_B64_CHAR = -10,        /* byte outside the url alphabet */
	JWTAUTH_ERR_B64_LENGTH = -11,      /* length = 1 (mod 4) */
	JWTAUTH_ERR_B64_NONCANONICAL = -12,/* non-zero unused trailing bits */
	/* JSON (RFC 8259) */
	JWTAUTH_ERR_JSON_SYNTAX = -20,     /* grammar violation */
	JWTAUTH_ERR_JSON_UTF8 = -21,       /* invalid UTF-8 */
	JWTAUTH_ERR_JSON_ESCAPE = -22,     /* bad escape or lone surrogate */
	JWTAUTH_ERR_JSON_NUMBER = -23,     /* number outside the grammar */
	JWTAUTH_ERR_JSON_DEPTH = -24,      /* nesting over JWTAUTH_MAX_JSON_DEPTH */
	JWTAUTH_ERR_JSON_DUPLICATE = -25,  /* duplicate member name */
	JWTAUTH_ERR_JSON_TRAILING = -26,   /* bytes after the value */
	JWTAUTH_ERR_JSON_TOKENS = -27,     /* more values than token slots */
	JWTAUTH_ERR_JSON_CONTROL = -28,    /* unescaped control char in string */
	/* keys: returned by parsers, and recorded per skipped key */
	JWTAUTH_ERR_KEY_FORMAT = -30,      /* not a JWKS, JWK or PEM document */
	JWTAUTH_ERR_KEY_KTY = -31,         /* kty missing or unsupported */
	JWTAUTH_ERR_KEY_CRV = -32,         /* curve missing or unsupported */
	JWTAUTH_ERR_KEY_MEMBER = -33,      /* member missing, wrong type, bad base64 */
	JWTAUTH_ERR_KEY_RSA_SIZE = -34,    /* modulus under MIN or over MAX bits */
	JWTAUTH_ERR_KEY_RSA_EXPONENT = -35,/* exponent 1, even, or too long */
	JWTAUTH_ERR_KEY_EC_POINT = -36,    /* wrong length or not on the curve */
	JWTAUTH_ERR_KEY_OCT_SIZE = -37,    /* HMAC key shorter than the hash */
	JWTAUTH_ERR_KEY_PRIVATE = -38,     /* private key material in a key set */
	JWTAUTH_ERR_KEY_ALG = -39,         /* key alg unknown or unfit for kty */
	JWTAUTH_ERR_KEY_KID = -40,         /* kid not a string or too long */
	JWTAUTH_ERR_KEY_USE = -41,         /* use/key_ops malformed */
	JWTAUTH_ERR_KEYSET_MIXED = -42,    /* oct keys mixed with public keys */
	JWTAUTH_ERR_KEYSET_FULL = -43,     /* more than JWTAUTH_MAX_KEYS entries */
	JWTAUTH_ERR_KEYSET_EMPTY = -44,    /* no usable key in the document */
	JWTAUTH_ERR_KEY_PEM = -45,         /* PEM framing or base64 invalid */
	JWTAUTH_ERR_KEY_DER = -46,         /* DER structure invalid */
	JWTAUTH_ERR_KEY_X509 = -47,        /* certificate rejected by BearSSL */
	JWTAUTH_ERR_KEY_RSA_WEAK = -48,    /* RSA modulus with the ROCA flaw */
	JWTAUTH_ERR_KEY_OKP_POINT = -50,   /* Ed25519 x: not 32 bytes or no point */
	JWTAUTH_ERR_KEY_OKP_NONCANONICAL = -51,/* Ed25519 x: y >= p, or -0 */
	JWTAUTH_ERR_KEY_OKP_SMALL_ORDER = -52,/* Ed25519 x: point of order <= 8 */
	JWTAUTH_ERR_KEY_OKP_ED448 = -53,   /* OKP Ed448 (not supported) */
	JWTAUTH_ERR_KEY_OKP_AGREEMENT = -54,/* OKP X25519/X448: key agreement only */
	JWTAUTH_ERR_KEY_NOT_BUILT = -59,   /* kty/crv/alg or PEM left out of this build */
	/* JWS (RFC 7515) */
	JWTAUTH_ERR_TOKEN_SIZE = -60,      /* token empty or over MAX_TOKEN_LEN */
	JWTAUTH_ERR_TOKEN_FORMAT = -61,    /* not three base64url parts */
	JWTAUTH_ERR_HEADER = -62,          /* header not a JSON object / bad member */
	JWTAUTH_ERR_ALG_NONE = -63,        /* alg none (any spelling) */
	JWTAUTH_ERR_ALG_UNKNOWN = -64,     /* alg not supported */
	JWTAUTH_ERR_ALG_NOT_ALLOWED = -65, /* alg not in the allowlist */
	JWTAUTH_ERR_CRIT = -66,            /* crit or b64 extension present */
	JWTAUTH_ERR_KID_UNKNOWN = -67,     /* no key with the token's kid */
	/* KID_AMBIGUOUS: under the token's kid, more than one usable key fits
	   the token (type, curve, size and pinned alg), or one fits beside an
	   entry refused at load that was meant for signatures. Keys of other
	   types under one kid are alternatives (RFC 7517 section 4.5): the
	   token's alg picks the one that fits. */
	JWTAUTH_ERR_KID_AMBIGUOUS = -68,   /* several keys under the kid fit */
	JWTAUTH_ERR_NO_KEY = -69,          /* no key of the set fits the alg */
	JWTAUTH_ERR_KEY_UNFIT = -70,       /* the kid's key cannot verify this alg */
	JWTAUTH_ERR_SIGNATURE = -71,       /* signature invalid */
	JWTAUTH_ERR_ALG_NOT_BUILT = -79,   /* alg left out of this build */
	/* claims (RFC 7519) and the login */
	JWTAUTH_ERR_CLAIMS = -80,          /* payload is not a JSON object */
	JWTAUTH_ERR_CLAIM_TYPE = -81,      /* exp/nbf/iat/iss/aud of wrong type/range */
	JWTAUTH_ERR_CLAIM_MISSING = -82,   /* a required claim is absent */
	JWTAUTH_ERR_EXPIRED = -83,         /* now >= exp + leeway */
	JWTAUTH_ERR_NOT_YET_VALID = -84,   /* nbf > now + leeway */
	JWTAUTH_ERR_TOO_OLD = -85,         /* iat older than max_age, or in future */
	JWTAUTH_ERR_ISSUER = -86,          /* iss not one of the issuers */
	JWTAUTH_ERR_AUDIENCE = -87,        /* aud holds none of the audiences */
	JWTAUTH_ERR_PRINCIPAL_MISSING = -88,/* principal claim absent */
	JWTAUTH_ERR_PRINCIPAL_TYPE = -89,  /* principal not a string, or has NUL */
	JWTAUTH_ERR_PRINCIPAL_MISMATCH = -90,/* principal != login user */
	JWTAUTH_ERR_GROUP = -91,           /* no group in permitted_groups */
	JWTAUTH_ERR_CLAIM_TOO_LONG = -92,  /* claim longer than the caller's buffer */
	JWTAUTH_ERR_CLAIM_RANGE = -93,     /* number not an integer or out of int64 */
	JWTAUTH_ERR_CLAIM_PATH = -94,      /* claim name or JSON Pointer malformed */
	/* configuration (distinct from token rejections) */
	JWTAUTH_ERR_CONFIG = -100,         /* properties not a JSON object */
	JWTAUTH_ERR_CONFIG_MEMBER = -101,  /* unknown member (named in err) */
	JWTAUTH_ERR_CONFIG_VALUE = -102,   /* member of wrong type or value */
	JWTAUTH_ERR_CONFIG_MISSING = -103, /* required member absent */
	JWTAUTH_ERR_CONFIG_PATH = -104,    /* jwks path absolute or escapes conf */
	JWTAUTH_ERR_NO_FETCH = -105,       /* URL key source, no fetch callback */
	/* MySQL auth response */
	JWTAUTH_ERR_AUTH_RESPONSE = -120   /* framing truncated or inconsistent */
};

/* Details of a failure. Every field is set by a call that takes one
   (pass NULL when not wanted); on success code is JWTAUTH_OK and the
   texts are empty. Nothing in it points into the caller's input: the
   texts are bounded, NUL-terminated copies (cut at
   JWTAUTH_ERROR_TEXT_MAX bytes, `*_len` then says so too), so an error
   may outlive the token, the key document and the config.
     msg      static text naming the precise reason ("" when compiled with
              JWTAUTH_NO_ERROR_STRINGS)
     offset   byte offset into the input named by the function's doc (the
              JSON text, the token, the key document), or 0
     detail   what the failure is about: a member or claim name ("kid"
              for KID_UNKNOWN), the kid (KID_AMBIGUOUS, KEY_UNFIT), the
              alg (ALG_NOT_ALLOWED), a file's role
     value    the token's value that explains a rejection: iss (ISSUER),
              aud (AUDIENCE; the first few elements, comma-separated), the
              principal (PRINCIPAL_MISMATCH), the kid (KID_UNKNOWN)
     expected what it was compared with: the user (PRINCIPAL_MISMATCH)
     has_time with EXPIRED (time = exp, limit = leeway),
              NOT_YET_VALID (time = nbf, limit = leeway) and TOO_OLD
              (time = iat, limit = max_age): 1, and `now` is the time the
              token was checked at (Unix seconds)
     size     with TOO_LARGE from jwtauth_file_read: the file's size in
              bytes when known (else 0), and `limit` the limit */
#ifndef JWTAUTH_ERROR_TEXT_MAX
#define JWTAUTH_ERROR_TEXT_MAX 127
#endif
typedef struct jwtauth_error {
	int code;
	size_t offset;
	const char *msg;
	char detail[JWTAUTH_ERROR_TEXT_MAX + 1];
	size_t detail_len;
	char value[JWTAUTH_ERROR_TEXT_MAX + 1];
	size_t value_len;
	char expected[JWTAUTH_ERROR_TEXT_MAX + 1];
	size_t expected_len;
	int has_time;
	int64_t time, now, limit;
	int64_t size;
} jwtauth_error;

/* Static text of a code ("token expired"; "" with JWTAUTH_NO_ERROR_STRINGS,
   "unknown error" for a code not listed) and its name ("EXPIRED",
   "UNKNOWN"). Never NULL; cannot fail. */
JWTAUTH_DEF const char *jwtauth_strerror(int code);
JWTAUTH_DEF const char *jwtauth_error_name(int code);

/* ======================================================================
   ALGORITHMS
   ====================================================================== */
typedef enum jwtauth_alg {
	JWTAUTH_ALG_UNKNOWN = 0,
	JWTAUTH_ALG_HS256, JWTAUTH_ALG_HS384, JWTAUTH_ALG_HS512,
	JWTAUTH_ALG_RS256, JWTAUTH_ALG_RS384, JWTAUTH_ALG_RS512,
	JWTAUTH_ALG_PS256, JWTAUTH_ALG_PS384, JWTAUTH_ALG_PS512,
	JWTAUTH_ALG_ES256, JWTAUTH_ALG_ES384, JWTAUTH_ALG_ES512,
	JWTAUTH_ALG_EDDSA,    /* "EdDSA" (RFC 8037), Ed25519 keys only */
	JWTAUTH_ALG_ED25519,  /* "Ed25519" (RFC 9864, fully specified) */
	JWTAUTH_ALG_COUNT
} jwtauth_alg;

/* Allowlists are bit sets of JWTAUTH_ALG_BIT(alg), always explicit:
   JWTAUTH_ALGS_ALL names every supported algorithm, and an empty set (0)
   is JWTAUTH_ERR_ARGUMENT wherever an allowlist is taken. */
#define JWTAUTH_ALG_BIT(a) (1u << (unsigned)(a))
#define JWTAUTH_ALGS_HMAC (JWTAUTH_ALG_BIT(JWTAUTH_ALG_HS256) | \
	JWTAUTH_ALG_BIT(JWTAUTH_ALG_HS384) | JWTAUTH_ALG_BIT(JWTAUTH_ALG_HS512))
#define JWTAUTH_ALGS_ALL (((1u << JWTAUTH_ALG_COUNT) - 1u) & ~1u)
/* EdDSA over Ed25519 (JWTAUTH_ALG_EDDSA, JWTAUTH_ALG_ED25519) is built in
   (unless left out: see ALGORITHM SELECTION). */
#if !defined(JWTAUTH_NO_EDDSA) && !defined(JWTAUTH_NO_SHA512)
#define JWTAUTH_HAVE_EDDSA 1
#endif

/* "RS256" -> JWTAUTH_ALG_RS256; exact, case-sensitive; unknown ->
   JWTAUTH_ALG_UNKNOWN (0): a lookup, whose only outcome besides a match
   is "none", so no jwtauth_error. */
JWTAUTH_DEF jwtauth_alg jwtauth_alg_from_name(const char *name, size_t len);
/* JWTAUTH_ALG_RS256 -> "RS256"; unknown -> "". */
JWTAUTH_DEF const char *jwtauth_alg_name(jwtauth_alg alg);
/* Parse "RS256, ES256" (comma list, spaces around items ignored) into a
   bit set. Errors: ALG_UNKNOWN (an unknown name, err->detail names it and
   err->offset is its position; or an empty list), ALG_NOT_BUILT (a name
   left out of this build by a JWTAUTH_NO_* switch; detail and offset as
   for ALG_UNKNOWN), ARGUMENT. */
JWTAUTH_DEF int jwtauth_algs_parse(const char *list, size_t len,
	unsigned *out_algs, jwtauth_error *err);

/* ======================================================================
   ALGORITHM SELECTION (compile time; COMPILE-TIME OPTIONS lists the
   switches). An algorithm is built unless its family or its hash is left
   out. JWTAUTH_HAVE_<ALG> is defined (as 1) for each algorithm built,
   JWTAUTH_HAVE_<FAMILY> when at least one of the family is, and
   JWTAUTH_ALGS_BUILT is their bit set (JWTAUTH_ALG_BIT values, written so
   that #if can read it).
   ====================================================================== */
#ifdef JWTAUTH_NO_RSA
#ifndef JWTAUTH_NO_RSA_PKCS1
#define JWTAUTH_NO_RSA_PKCS1
#endif
#ifndef JWTAUTH_NO_RSA_PSS
#define JWTAUTH_NO_RSA_PSS
#endif
#endif
#ifdef JWTAUTH_NO_ECDSA
#ifndef JWTAUTH_NO_ECDSA_P256
#define JWTAUTH_NO_ECDSA_P256
#endif
#ifndef JWTAUTH_NO_ECDSA_P384
#define JWTAUTH_NO_ECDSA_P384
#endif
#ifndef JWTAUTH_NO_ECDSA_P521
#define JWTAUTH_NO_ECDSA_P521
#endif
#endif
#if !defined(JWTAUTH_NO_HMAC)
#define JWTAUTH_HAVE_HS256 1
#define JWTAUTH__BUILT_HS256 0x0002u
#else
#define JWTAUTH__BUILT_HS256 0u
#endif
#if !defined(JWTAUTH_NO_HMAC) && !defined(JWTAUTH_NO_SHA384)
#define JWTAUTH_HAVE_HS384 1
#define JWTAUTH__BUILT_HS384 0x0004u
#else
#define JWTAUTH__BUILT_HS384 0u
#endif
#if !defined(JWTAUTH_NO_HMAC) && !defined(JWTAUTH_NO_SHA512)
#define JWTAUTH_HAVE_HS512 1
#define JWTAUTH__BUILT_HS512 0x0008u
#else
#define JWTAUTH__BUILT_HS512 0u
#endif
#if !defined(JWTAUTH_NO_RSA_PKCS1)
#define JWTAUTH_HAVE_RS256 1
#define JWTAUTH__BUILT_RS256 0x0010u
#else
#define JWTAUTH__BUILT_RS256 0u
#endif
#if !defined(JWTAUTH_NO_RSA_PKCS1) && !defined(JWTAUTH_NO_SHA384)
#define JWTAUTH_HAVE_RS384 1
#define JWTAUTH__BUILT_RS384 0x0020u
#else
#define JWTAUTH__BUILT_RS384 0u
#endif
#if !defined(JWTAUTH_NO_RSA_PKCS1) && !defined(JWTAUTH_NO_SHA512)
#define JWTAUTH_HAVE_RS512 1
#define JWTAUTH__BUILT_RS512 0x0040u
#else
#define JWTAUTH__BUILT_RS512 0u
#endif
#if !defined(JWTAUTH_NO_RSA_PSS)
#define JWTAUTH_HAVE_PS256 1
#define JWTAUTH__BUILT_PS256 0x0080u
#else
#define JWTAUTH__BUILT_PS256 0u
#endif
#if !defined(JWTAUTH_NO_RSA_PSS) && !defined(JWTAUTH_NO_SHA384)
#define JWTAUTH_HAVE_PS384 1
#define JWTAUTH__BUILT_PS384 0x0100u
#else
#define JWTAUTH__BUILT_PS384 0u
#endif
#if !defined(JWTAUTH_NO_RSA_PSS) && !defined(JWTAUTH_NO_SHA512)
#define JWTAUTH_HAVE_PS512 1
#define JWTAUTH__BUILT_PS512 0x0200u
#else
#define JWTAUTH__BUILT_PS512 0u
#endif
#if !defined(JWTAUTH_NO_ECDSA_P256)
#define JWTAUTH_HAVE_ES256 1
#define JWTAUTH__BUILT_ES256 0x0400u
#else
#define JWTAUTH__BUILT_ES256 0u
#endif
#if !defined(JWTAUTH_NO_ECDSA_P384) && !defined(JWTAUTH_NO_SHA384)
#define JWTAUTH_HAVE_ES384 1
#define JWTAUTH__BUILT_ES384 0x0800u
#else
#define JWTAUTH__BUILT_ES384 0u
#endif
#if !defined(JWTAUTH_NO_ECDSA_P521) && !defined(JWTAUTH_NO_SHA512)
#define JWTAUTH_HAVE_ES512 1
#define JWTAUTH__BUILT_ES512 0x1000u
#else
#define JWTAUTH__BUILT_ES512 0u
#endif
#ifdef JWTAUTH_HAVE_EDDSA
#define JWTAUTH__BUILT_EDDSA 0x6000u   /* EdDSA and Ed25519 */
#else
#define JWTAUTH__BUILT_EDDSA 0u
#endif
#define JWTAUTH_ALGS_BUILT (JWTAUTH__BUILT_HS256 | JWTAUTH__BUILT_HS384 \
	| JWTAUTH__BUILT_HS512 | JWTAUTH__BUILT_RS256 | JWTAUTH__BUILT_RS384 \
	| JWTAUTH__BUILT_RS512 | JWTAUTH__BUILT_PS256 | JWTAUTH__BUILT_PS384 \
	| JWTAUTH__BUILT_PS512 | JWTAUTH__BUILT_ES256 | JWTAUTH__BUILT_ES384 \
	| JWTAUTH__BUILT_ES512 | JWTAUTH__BUILT_EDDSA)
#if JWTAUTH_ALGS_BUILT == 0
#error "every JWS algorithm is left out (JWTAUTH_NO_*): nothing could be verified"
#endif
/* Families as bit sets: constant conditions on them keep the code of a
   family left out from being referenced (and linked). */
#define JWTAUTH__ALGS_HMAC 0x000eu
#define JWTAUTH__ALGS_PKCS1 0x0070u
#define JWTAUTH__ALGS_PSS 0x0380u
#define JWTAUTH__ALGS_RSA 0x03f0u
#define JWTAUTH__ALGS_EC 0x1c00u
#define JWTAUTH__ALGS_EDDSA 0x6000u
#define JWTAUTH__BUILT_ANY(set) ((JWTAUTH_ALGS_BUILT & (set)) != 0u)
/* 1 when `alg` (a jwtauth_alg) is built; 0 for JWTAUTH_ALG_UNKNOWN. */
#define JWTAUTH_ALG_IS_BUILT(alg) \
	((unsigned)(alg) < 32u && ((JWTAUTH_ALGS_BUILT >> (unsigned)(alg)) & 1u))
#ifdef JWTAUTH_HAVE_HS256
#define JWTAUTH_HAVE_HMAC 1
#endif
#if defined(JWTAUTH_HAVE_RS256) || defined(JWTAUTH_HAVE_PS256)
#define JWTAUTH_HAVE_RSA 1
#endif
#if defined(JWTAUTH_HAVE_ES256) || defined(JWTAUTH_HAVE_ES384) || defined(JWTAUTH_HAVE_ES512)
#define JWTAUTH_HAVE_ECDSA 1
#endif
/* No RSA algorithm: no RSA engine (nor its per-key constants). No ECDSA
   algorithm: not the library's ECDSA engine either. */
#if !defined(JWTAUTH_HAVE_RSA) && !defined(JWTAUTH_RSA_BEARSSL)
#define JWTAUTH_RSA_BEARSSL
#endif
#if !defined(JWTAUTH_HAVE_ECDSA) && !defined(JWTAUTH_EC_BEARSSL)
#define JWTAUTH_EC_BEARSSL
#endif
/* A hash is linked while an algorithm needs it (SHA-256 always: key-set
   ids and thumbprints use it). */
#if defined(JWTAUTH_HAVE_HS384) || defined(JWTAUTH_HAVE_RS384) \
    || defined(JWTAUTH_HAVE_PS384) || defined(JWTAUTH_HAVE_ES384)
#define JWTAUTH__HAVE_SHA384 1
#endif
#if defined(JWTAUTH_HAVE_HS512) || defined(JWTAUTH_HAVE_RS512) \
    || defined(JWTAUTH_HAVE_PS512) || defined(JWTAUTH_HAVE_ES512) \
    || defined(JWTAUTH_HAVE_EDDSA)
#define JWTAUTH__HAVE_SHA512 1
#endif

/* ======================================================================
   KEY FORMATS (compile time)
   JWTAUTH_NO_PEM leaves out every reader of PEM, DER and X.509: the PEM
   documents of jwtauth_keyset_parse (PUBLIC KEY, RSA PUBLIC KEY,
   CERTIFICATE), the DER SubjectPublicKeyInfo and PKCS#1 parsers behind
   them, and BearSSL's PEM and X.509 decoders (br_pem_decoder_*,
   br_x509_decoder_*), for a firmware that only receives JWKS. JWK and
   JWKS keys of every type built load as before; a JWK's x5c member is
   not read in any build (the key is its n/e, x/y, x or k members).
   A document in the PEM form (first byte after blanks '-') is then
   refused by jwtauth_keyset_parse with JWTAUTH_ERR_KEY_NOT_BUILT,
   err->detail "PEM", err->offset that byte, and the set left empty;
   every key source and the cache load through that call and return the
   same. JWTAUTH_HAVE_PEM is defined (as 1) when the readers are built.
   ====================================================================== */
#ifndef JWTAUTH_NO_PEM
#define JWTAUTH_HAVE_PEM 1
#endif

/* ======================================================================
   BASE64URL (RFC 4648 section 5 without padding, RFC 7515 section 2)
   Strict: no '=', no whitespace, no '+' or '/', length % 4 != 1, and the
   unused bits of the last character must be zero (canonical form only).
   ====================================================================== */
/* Upper bound of the decoded size of `len` characters. */
#define JWTAUTH_B64URL_DECODED_MAX(len) (((len) / 4u) * 3u + 2u)
/* Exact encoded size (no padding) of `len` bytes. */
#define JWTAUTH_B64URL_ENCODED_LEN(len) (((len) / 3u) * 4u + ((len) % 3u ? (len) % 3u + 1u : 0u))

/* Decode `in`; err->offset is the offending character. `out` may be NULL
   when cap is 0 (then only validates and reports the length). Errors:
   B64_CHAR, B64_LENGTH, B64_NONCANONICAL, BUFFER_TOO_SMALL, ARGUMENT. */
JWTAUTH_DEF int jwtauth_b64url_decode(const char *in, size_t in_len,
	uint8_t *out, size_t cap, size_t *out_len, jwtauth_error *err);
/* Encode `in`; writes no NUL. Returns the bare code (OK, ARGUMENT, or
   BUFFER_TOO_SMALL when cap < JWTAUTH_B64URL_ENCODED_LEN(in_len)): any
   input encodes, so there is no position or detail to report. */
JWTAUTH_DEF int jwtauth_b64url_encode(const uint8_t *in, size_t in_len,
	char *out, size_t cap, size_t *out_len);

/* ======================================================================
   JSON (RFC 8259), strict, no allocation
   The parser fills a caller array of tokens, one per value, in document
   order. Object members are a STRING token (the name) followed by the
   value's tokens. Strings are kept escaped in the input; compare or copy
   them with the helpers below, which unescape on the fly.
   ====================================================================== */
typedef enum jwtauth_json_type {
	JWTAUTH_JSON_NONE = 0,
	JWTAUTH_JSON_OBJECT, JWTAUTH_JSON_ARRAY, JWTAUTH_JSON_STRING,
	JWTAUTH_JSON_NUMBER, JWTAUTH_JSON_TRUE, JWTAUTH_JSON_FALSE,
	JWTAUTH_JSON_NULL
} jwtauth_json_type;

typedef struct jwtauth_json_tok {
	uint32_t start;   /* offset of the value; for strings, after the quote */
	uint32_t len;     /* bytes; for strings, the escaped body without quotes;
	                     for objects/arrays, up to and including the closer */
	uint32_t next;    /* index of the first token after this value */
	uint16_t count;   /* elements of an array, members of an object
	                     (saturates at 65535) */
	uint8_t type;     /* jwtauth_json_type */
	uint8_t escaped;  /* strings: 1 when the body holds a backslash */
} jwtauth_json_tok;

/* Parse `len` bytes of JSON text into toks[0..*ntoks). toks[0] is the root.
   Rejects: invalid UTF-8, bad escapes, lone surrogates, unescaped control
   characters, numbers outside the grammar, duplicate member names (compared
   after unescaping), nesting deeper than max_depth (0 = the default
   JWTAUTH_MAX_JSON_DEPTH), trailing bytes, more than max_toks values.
   err->offset is the byte offset of the error. Errors: JSON_*, ARGUMENT.
   The tokens point into `js` by offset: keep js for as long as they are
   read. */
JWTAUTH_DEF int jwtauth_json_parse(const char *js, size_t len,
	jwtauth_json_tok *toks, size_t max_toks, size_t max_depth,
	size_t *ntoks, jwtauth_error *err);

/* Index of the member value named `name` in object token `obj`, or -1
   (absent, or obj not an object: a lookup, no error to report). The name
   is compared after unescaping, byte-exact. */
JWTAUTH_DEF long jwtauth_json_get(const char *js, const jwtauth_json_tok *toks,
	size_t ntoks, size_t obj, const char *name, size_t name_len);
/* 1 when string token `tok` unescapes to exactly (s, len), else 0 (a
   predicate: a non-string token is simply not equal). */
JWTAUTH_DEF int jwtauth_json_str_eq(const char *js, const jwtauth_json_tok *tok,
	const char *s, size_t len);
/* Unescape string token `tok` into out (UTF-8, no NUL written). With
   out == NULL and cap == 0 only *out_len is computed. Returns the bare
   code: OK, BUFFER_TOO_SMALL (*out_len then holds the length needed) or
   ARGUMENT (not a string token); the tokens were validated by the
   parser, so nothing else can fail. For claims use jwtauth_claim_string. */
JWTAUTH_DEF int jwtauth_json_str_copy(const char *js, const jwtauth_json_tok *tok,
	char *out, size_t cap, size_t *out_len);

/* ======================================================================
   RSA PUBLIC OPERATION (verification): variable time on public inputs
   s^e mod n for RS* and PS*, by Montgomery arithmetic specialised for
   small public exponents (e = 65537: 16 squarings and one multiplication).
   Everything it handles is public (signature, modulus, exponent, hash), so
   it need not run in constant time; BearSSL's own header says the same of
   its verification engines ("need not be constant-time"). The per-key
   constants are computed once, when the key is loaded, and kept in the key
   (jwtauth_rsa_mont).
   Not compiled with JWTAUTH_RSA_BEARSSL (BearSSL's engines only).
   ====================================================================== */
#ifndef JWTAUTH_RSA_BEARSSL
/* Montgomery constants of one modulus, little-endian limbs of 64 bits (or
   32 with JWTAUTH_RSA_LIMB32 or without a 128-bit integer type; the size
   of the struct is the same either way). No pointers: memcpy-able. */
typedef struct jwtauth_rsa_mont {
	union {
		uint64_t w64[(JWTAUTH_MAX_RSA_BITS + 63) / 64];
		uint32_t w32[(JWTAUTH_MAX_RSA_BITS + 63) / 64 * 2];
	} n, rr;               /* modulus, R^2 mod n (R = 2^(limb bits * len)) */
	uint64_t n0i;          /* -n^-1 mod 2^(limb bits) */
	uint32_t len;          /* limbs in use; 0 = not computed */
	uint32_t limb_bits;    /* 64 or 32: the arithmetic that computed them */
} jwtauth_rsa_mont;

/* s^e mod n with BearSSL's br_rsa_public signature (a drop-in for
   br_rsa_i31_public and friends, so it can be plugged anywhere one goes):
   x (xlen bytes, big-endian, xlen equal to the modulus length without
   leading zeros) is replaced by x^e mod n. Returns 1, or 0 when the
   modulus is empty, even or over 4096 bits, xlen does not match it, or
   x >= n (then x is zeroed, as BearSSL's engines leave it). Computes the
   modulus constants on every call; keys loaded by the library keep theirs.
   Variable time: public inputs only (never for signing or decryption). */
JWTAUTH_DEF uint32_t jwtauth_rsa_public(unsigned char *x, size_t xlen,
	const br_rsa_public_key *pk);
#endif

/* ======================================================================
   KEYS: JWK, JWKS, PEM (SubjectPublicKeyInfo, PKCS#1) and X.509
   A key set holds up to JWTAUTH_MAX_KEYS entries. Unusable entries are
   kept with `status` < 0 (the reason) so callers can report them; they
   never take part in verification. Key material is decoded and
   precomputed at load: BearSSL key structures, HMAC inner/outer states,
   the decoded Ed25519 point.
   ====================================================================== */
typedef enum jwtauth_kty {
	JWTAUTH_KTY_NONE = 0, JWTAUTH_KTY_RSA, JWTAUTH_KTY_EC, JWTAUTH_KTY_OCT,
	JWTAUTH_KTY_OKP        /* RFC 8037; Ed25519 only */
} jwtauth_kty;

/* key_ops bits (RFC 7517 4.3) */
#define JWTAUTH_KEYOP_SIGN   0x01u
#define JWTAUTH_KEYOP_VERIFY 0x02u
#define JWTAUTH_KEYOP_OTHER  0x80u  /* encrypt, wrapKey, ... */

typedef enum jwtauth_use {
	JWTAUTH_USE_ABSENT = 0, JWTAUTH_USE_SIG, JWTAUTH_USE_OTHER
} jwtauth_use;

/* Engines used to verify; set members to plug another implementation (a
   faster build, a hardware engine). A NULL member means the default:
   - RSA: the library's own public operation (see RSA PUBLIC OPERATION),
     with the key's precomputed constants; RS* compare the whole expected
     PKCS#1 v1.5 block. With JWTAUTH_RSA_BEARSSL: BearSSL's defaults.
   - EC: the library's own ECDSA engine (see ECDSA ENGINE; with
     JWTAUTH_EC_BEARSSL, BearSSL's defaults). Setting only `ec` runs
     BearSSL's default ECDSA verifier on that curve engine.
   rsa_public serves PS* always, and RS* too when rsa_pkcs1_vrfy is NULL
   (the block is then still built and compared by the library).
   rsa_pkcs1_vrfy, when set, verifies RS* BearSSL's way (it checks the
   padding and returns the hash, which the library compares).
   BearSSL's own engines for everything: jwtauth_engines_bearssl() fills
   a struct with BearSSL's defaults (br_rsa_pkcs1_vrfy_get_default(),
   br_rsa_public_get_default(), br_ecdsa_vrfy_raw_get_default(),
   br_ec_get_default()); pass it to jwtauth_keyset_set_engines. The fast
   operation in BearSSL's shape, for other engine slots, is
   jwtauth_rsa_public. */
typedef struct jwtauth_engines {
	br_rsa_pkcs1_vrfy rsa_pkcs1_vrfy;   /* RS256/384/512 (NULL: see above) */
	br_rsa_public rsa_public;           /* raw s^e mod n for PS* (and RS*) */
	br_ecdsa_vrfy ecdsa_vrfy;           /* ES*: raw r||s verification
	                                       (NULL: jwtauth_ecdsa_vrfy_raw,
	                                       or BearSSL's when `ec` is set) */
	const br_ec_impl *ec;               /* ES*: BearSSL curve arithmetic */
} jwtauth_engines;

typedef struct jwtauth_key {
	int status;            /* JWTAUTH_OK, or why the key is unusable */
	const jwtauth_engines *engines; /* NULL: BearSSL defaults */
	uint8_t kty;           /* jwtauth_kty; a refused JWK entry keeps its
	                          declared kty when it names a known one */
	uint8_t alg;           /* jwtauth_alg from the JWK, 0 when absent */
	uint8_t use;           /* jwtauth_use */
	uint8_t has_key_ops;   /* key_ops member present */
	uint8_t key_ops;       /* JWTAUTH_KEYOP_* bits */
	uint8_t has_kid;
	uint16_t kid_len;
	char kid[JWTAUTH_MAX_KID_LEN + 1];   /* NUL-terminated copy */
	size_t index;          /* position in the source document */
	/* Key material, decoded and checked at load. No pointers into the
	   struct itself, so a key set may be copied with memcpy. */
	union {
		struct {                       /* RSA: big-endian, no leading 0 */
			unsigned char n[JWTAUTH_MAX_RSA_BITS / 8];
			unsigned char e[4];
			size_t n_len, e_len;
			unsigned bits;
#ifndef JWTAUTH_RSA_BEARSSL
			jwtauth_rsa_mont mont;         /* fast operation's constants */
#endif
		} rsa;
		struct {                       /* EC: uncompressed point */
			unsigned char q[133];
			size_t q_len;
			int curve;                     /* BR_EC_secp256r1, ... */
			const br_ec_impl *impl;        /* BearSSL curve engine: chosen at
			                                  load with JWTAUTH_EC_BEARSSL,
			                                  else NULL until
			                                  jwtauth_keyset_set_engines */
		} ec;
		struct {                       /* oct: only precomputed states */
			br_hmac_key_context hmac[3];   /* SHA-256, -384, -512 */
			size_t key_len;                /* raw secret length */
		} oct;
		struct {                       /* OKP Ed25519 */
			unsigned char x[32];           /* the key A as encoded */
			uint64_t nega[15];             /* -A decoded: X, Y, T (Z = 1)
			                                  in the field's limb form */
		} okp;
	} u;
} jwtauth_key;

typedef struct jwtauth_keyset {
	uint64_t id;           /* fingerprint of the usable key material (set by
	                          every load or add); binds cached verdicts */
	size_t count;          /* entries in keys[], usable or not */
	size_t usable;         /* entries with status == JWTAUTH_OK */
	uint8_t kind;          /* JWTAUTH_KTY_OCT for a secret set, else RSA/EC */
	jwtauth_key keys[JWTAUTH_MAX_KEYS];
	/* Workspace of jwtauth_keyset_parse: the key document's JSON tokens
	   (JWTAUTH_MAX_JWKS_TOKENS * 16 bytes) live here, in memory the caller
	   already provides, instead of on the stack. Written only by the JSON
	   pass of a parse and zeroed before the parse returns; nothing else
	   reads it. */
	jwtauth_json_tok parse_tokens[JWTAUTH_MAX_JWKS_TOKENS];
} jwtauth_keyset;

/* Empty set (cannot fail; NULL is ignored). */
JWTAUTH_DEF void jwtauth_keyset_init(jwtauth_keyset *ks);
/* Wipe every secret and empty the set. Call before releasing its memory.
   Cannot fail. Not while another thread reads the set. */
JWTAUTH_DEF void jwtauth_keyset_wipe(jwtauth_keyset *ks);

/* Load a key document: a JWKS ({"keys":[...]}), one JWK, or PEM text
   holding PUBLIC KEY / RSA PUBLIC KEY / CERTIFICATE blocks (the format is
   detected). Replaces the set's contents. Keys that cannot be used are
   kept with their reason; the call fails only when the document itself is
   invalid, has more than JWTAUTH_MAX_KEYS entries, mixes oct and
   asymmetric entries (refused entries count, by their declared kty), or
   holds no usable key (JWTAUTH_ERR_KEYSET_EMPTY; the
   entries are still filled in for reporting). err->offset is a byte offset
   into `doc`. The document's JSON tokens go to ks->parse_tokens, not the
   stack (peak stack: docs/embedded.md). Nothing points into `doc`
   afterwards. Errors: KEY_FORMAT, KEY_PEM/DER/X509,
   JSON_*, KEYSET_FULL, KEYSET_MIXED, KEYSET_EMPTY, TOO_LARGE, ARGUMENT;
   KEY_NOT_BUILT for a PEM document when JWTAUTH_NO_PEM leaves the PEM
   reader out (see KEY FORMATS).
   Writes the set: load it before sharing it with readers. */
JWTAUTH_DEF int jwtauth_keyset_parse(jwtauth_keyset *ks, const char *doc,
	size_t len, jwtauth_error *err);

/* Verify this set's keys with `engines` (caller memory that must outlive
   the set; NULL restores the defaults). Call after loading: a reload
   resets every key to the defaults. An EC engine that lacks a key's curve
   is ignored for that key. Cannot fail (NULL ks is ignored). */
JWTAUTH_DEF void jwtauth_keyset_set_engines(jwtauth_keyset *ks,
	const jwtauth_engines *engines);
/* Fill *e with BearSSL's default RSA and ECDSA engines: the library's
   verification without its own RSA and ECDSA arithmetic, for comparison
   or as a fallback. */
JWTAUTH_DEF void jwtauth_engines_bearssl(jwtauth_engines *e);

/* Build one key directly (no JSON): appends to the set. Used by tests,
   benchmarks and callers holding raw key material. `alg` may be 0.
   curve is BR_EC_secp256r1, BR_EC_secp384r1 or BR_EC_secp521r1; q is the
   uncompressed point (0x04 || X || Y). The same checks as for a JWK apply;
   a refused key is not appended and its reason returned as the bare code
   (the same codes a loaded key records in `status`: KEY_RSA_SIZE,
   KEY_EC_POINT, KEY_ALG, KEY_KID, KEY_NOT_BUILT (type, curve or alg left
   out of this build), ...; KEYSET_FULL, KEYSET_MIXED,
   ARGUMENT): raw material has no position or member to name. */
JWTAUTH_DEF int jwtauth_keyset_add_rsa(jwtauth_keyset *ks, const uint8_t *n,
	size_t n_len, const uint8_t *e, size_t e_len, jwtauth_alg alg,
	const char *kid, size_t kid_len);
JWTAUTH_DEF int jwtauth_keyset_add_ec(jwtauth_keyset *ks, int curve,
	const uint8_t *q, size_t q_len, jwtauth_alg alg,
	const char *kid, size_t kid_len);
JWTAUTH_DEF int jwtauth_keyset_add_oct(jwtauth_keyset *ks, const uint8_t *k,
	size_t k_len, jwtauth_alg alg, const char *kid, size_t kid_len);

/* ======================================================================
   ECDSA ENGINE: variable-time verification of public inputs
   ----------------------------------------------------------------------
   The default ES256/ES384/ES512 verifier. BearSSL's ECDSA is chosen with
   jwtauth_engines: set ecdsa_vrfy to BearSSL's (br_ecdsa_i31_vrfy_raw or
   br_ecdsa_vrfy_raw_get_default()), or set only `ec` to a BearSSL curve
   engine, which then runs under BearSSL's default ECDSA verifier.
   Defining JWTAUTH_EC_BEARSSL leaves this engine out of the build and
   makes BearSSL's ECDSA the default.
   ====================================================================== */
#ifndef JWTAUTH_EC_BEARSSL
/* ECDSA verification of a raw r || s signature (two halves of equal
   length) over `hash` with the public key `pk` (P-256, P-384 or P-521,
   uncompressed point): BearSSL's br_ecdsa_vrfy shape. `impl` is ignored
   (it may be NULL): the arithmetic is the library's own, variable time,
   which is safe because every input is public. 1 when valid, else 0. The
   verdicts are BearSSL's but for a hash that is 0 modulo n, where a valid
   signature verifies here and fails with BearSSL. */
JWTAUTH_DEF uint32_t jwtauth_ecdsa_vrfy_raw(const br_ec_impl *impl,
	const void *hash, size_t hash_len, const br_ec_public_key *pk,
	const void *sig, size_t sig_len);
/* x*A + y*G on `curve`, written back into A (0x04 || X || Y, len bytes):
   br_ec_impl.muladd with B = NULL, on the same arithmetic. x and y are
   big-endian integers of any value up to the curve's limb size, taken
   modulo n (0 allowed). 0 when A is not a point of the curve or the sum is
   the point at infinity, else 1. */
JWTAUTH_DEF uint32_t jwtauth_ec_muladd(unsigned char *A, size_t len,
	const unsigned char *x, size_t xlen, const unsigned char *y, size_t ylen,
	int curve);
#endif
/* x: the 32-byte Ed25519 public key (RFC 8032 5.1.5); alg may be 0,
   JWTAUTH_ALG_EDDSA or JWTAUTH_ALG_ED25519. */
JWTAUTH_DEF int jwtauth_keyset_add_ed25519(jwtauth_keyset *ks, const uint8_t *x,
	size_t x_len, jwtauth_alg alg, const char *kid, size_t kid_len);

/* ======================================================================
   JWK THUMBPRINT (RFC 7638)
   ====================================================================== */
/* SHA-256 of the key's canonical JSON form (required members only, in
   lexicographic order, no whitespace) into out[0..32): the RFC 7638
   thumbprint, a stable name for a public key whatever its kid. Base64url
   it (jwtauth_b64url_encode) for the usual 43-character text. Works on
   usable RSA, EC and OKP (Ed25519, RFC 8037) keys; an oct key keeps no raw secret (only HMAC
   states) and an unusable key no material: JWTAUTH_ERR_KEY_KTY and
   JWTAUTH_ERR_ARGUMENT. Reentrant; the key is only read. */
JWTAUTH_DEF int jwtauth_jwk_thumbprint(const jwtauth_key *key, uint8_t out[32],
	jwtauth_error *err);

/* ======================================================================
   SIGNATURES: one primitive check, no JOSE framing
   ====================================================================== */
/* Verify `sig` over `msg` with one key and one algorithm. Checks that the
   key fits the algorithm (type, curve, HMAC key length, RSA size) but not
   the key's alg/use/key_ops members (jwtauth_jws_verify does that).
   Returns the bare code JWTAUTH_OK, JWTAUTH_ERR_SIGNATURE or
   JWTAUTH_ERR_KEY_UNFIT (ARGUMENT for NULL; ALG_NOT_BUILT for an alg
   left out of this build): a primitive on the hot path
   whose outcomes the code names completely. Not constant-time for public
   keys (nothing secret); constant-time tag comparison for HMAC. The key
   is only read. */
JWTAUTH_DEF int jwtauth_sig_verify(const jwtauth_key *key, jwtauth_alg alg,
	const uint8_t *msg, size_t msg_len, const uint8_t *sig, size_t sig_len);

/* ======================================================================
   JWS COMPACT VERIFICATION (RFC 7515) and the decoded JWT
   Order of checks, fixed: token size -> three parts -> header JSON ->
   alg (none, unknown, left out of the build, allowlist) -> crit -> key
   selection -> signature.
   Nothing is trusted from the header beyond alg, kid and crit.
   ====================================================================== */
typedef struct jwtauth_jwt {
	jwtauth_alg alg;
	const jwtauth_key *key;    /* the key that verified (points into the set) */
	char kid[JWTAUTH_MAX_KID_LEN + 1]; /* token's kid, NUL-terminated */
	size_t kid_len;
	int has_kid;
	/* decoded header and payload, each followed by a NUL byte */
	char *header; size_t header_len;
	char *payload; size_t payload_len;
	/* JSON tokens: toks[0..header_ntoks) are the header's (offsets into
	   `header`); toks[payload_tok..payload_tok+payload_ntoks) are the
	   payload's (offsets into `payload`), with payload_tok == header_ntoks.
	   jwtauth_jws_verify_signature_only parses only the header
	   (payload_ntoks == 0); jwtauth_claims_check parses the payload into
	   the remaining slots, so the payload tokens' `next` fields count from
	   toks + payload_tok (jwtauth_claim_find returns absolute indices into
	   toks). Read claims with the typed getters (jwtauth_claim_string...). */
	size_t header_ntoks, payload_tok, payload_ntoks;
	int cache_hit;             /* jwtauth_verify: 1 when a verified-token
	                              cache spared the signature check */
	jwtauth_json_tok toks[JWTAUTH_MAX_JSON_TOKENS];
	char buf[JWTAUTH_MAX_TOKEN_LEN + 2];   /* storage for header/payload */
} jwtauth_jwt;

/* Verify ONLY the signature of a compact JWS: no claim is looked at, so
   an expired token passes. For a JWT use jwtauth_verify, which checks the
   claims too. `algs` is the allowlist (JWTAUTH_ALGS_ALL for every
   algorithm; 0 is JWTAUTH_ERR_ARGUMENT). On success `out` holds the
   header, the verified payload bytes and the key used (out->key points
   into ks: ks must outlive its use); the payload is not interpreted.
   err->offset is a byte offset into the token. Reentrant; ks is only
   read. Errors: TOKEN_*, B64_*, HEADER, ALG_*, CRIT, KID_*, NO_KEY,
   KEY_UNFIT, SIGNATURE, ARGUMENT. */
JWTAUTH_DEF int jwtauth_jws_verify_signature_only(const jwtauth_keyset *ks,
	const char *token, size_t token_len, unsigned algs, jwtauth_jwt *out,
	jwtauth_error *err);
/* Deprecated (0.1 name): the same function as
   jwtauth_jws_verify_signature_only, including the empty-allowlist error. */
JWTAUTH_DEF int jwtauth_jws_verify(const jwtauth_keyset *ks, const char *token,
	size_t token_len, unsigned algs, jwtauth_jwt *out, jwtauth_error *err);

/* Decode header and payload WITHOUT verifying (jwtauth inspect). Never use
   the result for a decision. The payload is parsed as JSON when it is.
   Errors: TOKEN_SIZE, TOKEN_FORMAT, B64_*, HEADER, ARGUMENT. */
JWTAUTH_DEF int jwtauth_jws_decode_unverified(const char *token,
	size_t token_len, jwtauth_jwt *out, jwtauth_error *err);

/* ======================================================================
   CLAIMS (RFC 7519)
   ====================================================================== */
/* required-claim bits */
#define JWTAUTH_CLAIM_EXP 0x01u
#define JWTAUTH_CLAIM_NBF 0x02u
#define JWTAUTH_CLAIM_IAT 0x04u
#define JWTAUTH_CLAIM_ISS 0x08u
#define JWTAUTH_CLAIM_AUD 0x10u
#define JWTAUTH_CLAIM_SUB 0x20u

/* A string slice. Not NUL-terminated unless said so. */
typedef struct jwtauth_str {
	const char *p;
	size_t len;
} jwtauth_str;

/* Policy for the claims. Zero-initialised means: no issuer or audience
   check, leeway 0, no maximum age, nothing required. */
typedef struct jwtauth_claims_policy {
	jwtauth_str issuers[JWTAUTH_MAX_LIST];   size_t n_issuers;
	jwtauth_str audiences[JWTAUTH_MAX_LIST]; size_t n_audiences;
	int64_t leeway;          /* seconds of clock skew for exp/nbf/iat */
	int64_t max_age;         /* > 0: reject when now - iat > max_age */
	unsigned required;       /* JWTAUTH_CLAIM_* that must be present */
} jwtauth_claims_policy;

/* Standard claims read from a verified payload. */
typedef struct jwtauth_claims {
	int has_exp, has_nbf, has_iat;
	int64_t exp, nbf, iat;   /* NumericDate, fractions rounded toward the
	                            stricter side for each check */
} jwtauth_claims;

/* Parse the payload of a verified jwt as a JSON object (if not already)
   and check exp/nbf/iat/iss/aud against `policy` at time `now` (Unix
   seconds). Fills `claims` when not NULL. err->detail names the claim,
   with values (see jwtauth_error). exp is NOT required here unless
   policy->required says so: jwtauth_verify is the safe default. Writes
   the jwt's token slots; the policy is only read. Errors: CLAIMS,
   CLAIM_TYPE, CLAIM_MISSING, EXPIRED, NOT_YET_VALID, TOO_OLD, ISSUER,
   AUDIENCE, ARGUMENT. */
JWTAUTH_DEF int jwtauth_claims_check(jwtauth_jwt *jwt,
	const jwtauth_claims_policy *policy, int64_t now,
	jwtauth_claims *claims, jwtauth_error *err);

/* Low-level lookup (prefer the typed getters below): `path` is a
   top-level name, or, when it starts with '/', an RFC 6901 JSON Pointer
   (~0, ~1, array indices). Returns the absolute token index or -1 (absent
   or malformed: a lookup has no error to report beyond "not there"). The
   payload must have been parsed (claims_check does). */
JWTAUTH_DEF long jwtauth_claim_find(const jwtauth_jwt *jwt,
	const char *path, size_t path_len);
/* Same with a dot-separated path ("realm_access.roles"). */
JWTAUTH_DEF long jwtauth_claim_find_dotted(const jwtauth_jwt *jwt,
	const char *path, size_t path_len);

/* ======================================================================
   VERIFY: signature and claims in one call (any JWT user)
   ====================================================================== */
struct jwtauth_token_cache;   /* the verified-token cache, defined below */

/* jwtauth_verify_options.flags */
#define JWTAUTH_VERIFY_EXP_OPTIONAL 0x01u /* accept a token without exp
                                             (exp is required by default) */

typedef struct jwtauth_verify_options {
	unsigned algs;                /* allowlist: JWTAUTH_ALGS_ALL or a set of
	                                 JWTAUTH_ALG_BIT(); 0 is an error */
	jwtauth_claims_policy claims; /* issuers, audiences, leeway, max_age,
	                                 other required claims */
	unsigned flags;               /* JWTAUTH_VERIFY_* */
} jwtauth_verify_options;

/* Options with allowlist `algs`, exp required, no issuer/audience check,
   leeway 0, no maximum age. Strings set in opts->claims are the caller's
   and must outlive the calls using them. */
JWTAUTH_DEF void jwtauth_verify_options_init(jwtauth_verify_options *opts,
	unsigned algs);

/* Verify a compact JWS and its claims at time `now` (Unix seconds), in
   the fixed order: size and shape, header, alg allowlist, crit, key
   selection, signature, then the payload as a JSON object, the types of
   exp/nbf/iat/iss/aud, required claims (exp unless
   JWTAUTH_VERIFY_EXP_OPTIONAL), exp, nbf, iat/max_age, iss, aud. `tc`
   (may be NULL) is a verified-token cache: a token whose signature it
   already saw verify under the same key set and allowlist skips the
   signature check only (out->cache_hit = 1); the claims are always
   evaluated again. On success the standard dates are in `claims` (may
   be NULL), and the getters below read any claim. Ownership: nothing is
   kept from `token`; out->key points into ks. Thread safety: ks and opts
   are only read; tc follows its own rules (see the cache section). Errors:
   ARGUMENT (NULL, an empty allowlist, a negative leeway or max_age), every
   code of jwtauth_jws_verify_signature_only and jwtauth_claims_check, with
   values in err (EXPIRED: exp, now; ISSUER: the token's iss; ...). */
JWTAUTH_DEF int jwtauth_verify(const jwtauth_keyset *ks,
	const jwtauth_verify_options *opts, struct jwtauth_token_cache *tc,
	const char *token, size_t token_len, int64_t now, jwtauth_jwt *out,
	jwtauth_claims *claims, jwtauth_error *err);

/* ======================================================================
   TYPED CLAIM GETTERS (on a token verified by jwtauth_verify)
   `path` is a top-level member name, or, when it starts with '/', an
   RFC 6901 JSON Pointer ("/realm_access/roles/0"). Every getter returns
   JWTAUTH_OK, or: CLAIM_MISSING (absent), CLAIM_TYPE (another JSON
   type), CLAIM_PATH (malformed pointer), ARGUMENT (NULL, or the payload
   not parsed), and the getter's own codes below; err->detail names the
   path. Outputs are left untouched on failure (but for the empty string
   jwtauth_claim_string leaves after refusing a NUL). Reentrant; the jwt
   is only read.
   ====================================================================== */
/* A string, unescaped and copied into out[0..cap) with a NUL: *out_len
   (may be NULL) gets its length. CLAIM_TOO_LONG when it needs more than
   cap - 1 bytes (err->value holds its start); a string holding a NUL
   byte (\u0000) is CLAIM_TYPE, so out is always a C string. */
JWTAUTH_DEF int jwtauth_claim_string(const jwtauth_jwt *jwt, const char *path,
	size_t path_len, char *out, size_t cap, size_t *out_len, jwtauth_error *err);
/* An integer number (JSON number without fraction or exponent).
   CLAIM_RANGE when it has either or does not fit in int64. */
JWTAUTH_DEF int jwtauth_claim_int64(const jwtauth_jwt *jwt, const char *path,
	size_t path_len, int64_t *out, jwtauth_error *err);
/* A NumericDate (RFC 7519 section 2): a non-negative number of seconds,
   fraction allowed (floored). CLAIM_RANGE when negative or past 9999. */
JWTAUTH_DEF int jwtauth_claim_date(const jwtauth_jwt *jwt, const char *path,
	size_t path_len, int64_t *out, jwtauth_error *err);
/* true or false. */
JWTAUTH_DEF int jwtauth_claim_bool(const jwtauth_jwt *jwt, const char *path,
	size_t path_len, int *out, jwtauth_error *err);
/* Whether a string claim equals `value`, or an array of strings holds
   it (byte-exact after unescaping; *found 1 or 0). A non-string element
   is CLAIM_TYPE: an array of mixed types is not a list of names. */
JWTAUTH_DEF int jwtauth_claim_contains(const jwtauth_jwt *jwt, const char *path,
	size_t path_len, const char *value, size_t value_len, int *found,
	jwtauth_error *err);

/* ======================================================================
   STARROCKS CONFIGURATION
   The per-user properties of CREATE USER ... IDENTIFIED WITH
   authentication_jwt AS '{...}', or a security integration's properties.
   Strings are copied into the struct; the input need not outlive it.
   ====================================================================== */
typedef struct jwtauth_config {
	jwtauth_str jwks_url;         /* URL, or a file name under the conf dir */
	jwtauth_str principal_field;  /* default "sub" */
	jwtauth_str groups_claim;     /* dot path; empty = no groups */
	jwtauth_str permitted_groups[JWTAUTH_MAX_LIST]; size_t n_permitted_groups;
	jwtauth_str group_provider;   /* integration: group provider name */
	jwtauth_str comment;          /* integration: free text */
	jwtauth_claims_policy claims; /* issuers, audiences, leeway, max_age */
	unsigned algs;                /* allowlist, JWTAUTH_ALGS_ALL by default;
	                                 0 is an error */
	int is_integration;           /* parsed by jwtauth_integration_parse */
	size_t used;                  /* bytes of store[] in use */
	char store[JWTAUTH_MAX_CONFIG_LEN];
} jwtauth_config;

/* A config holds pointers into its own store: do not copy it by value.
   Defaults: principal_field "sub", algs JWTAUTH_ALGS_ALL, everything else
   empty. A config is only read by the login calls: once set up it may be
   shared between threads. Cannot fail (NULL is ignored). */
JWTAUTH_DEF void jwtauth_config_init(jwtauth_config *cfg);
/* Parse the CREATE USER property object: string members jwks_url,
   principal_field, required_issuer, required_audience (the two lists a
   comma-separated string, or a JSON array of strings, naming at least one
   item: "", " , " or [] is CONFIG_VALUE with err->detail the property,
   since an empty list would switch its check off). Unknown members are
   JWTAUTH_ERR_CONFIG_MEMBER with err->detail naming them. Starts from
   jwtauth_config_init; strings are copied. Errors: CONFIG,
   CONFIG_MEMBER, CONFIG_VALUE, TOO_LARGE, ARGUMENT. */
JWTAUTH_DEF int jwtauth_config_parse(jwtauth_config *cfg, const char *json,
	size_t len, jwtauth_error *err);
/* Parse security-integration properties (a JSON object of strings): type
   (must be "authentication_jwt"), jwks_url and principal_field required,
   required_issuer, required_audience, group_provider, permitted_groups,
   comment. Errors: those of jwtauth_config_parse and CONFIG_MISSING. */
JWTAUTH_DEF int jwtauth_integration_parse(jwtauth_config *cfg,
	const char *json, size_t len, jwtauth_error *err);
/* Set a string member / list by hand (copied into the store). A list is
   split on commas, whitespace around items dropped; it replaces the
   items only when the whole list fits. Errors: CONFIG_VALUE (a NUL
   byte; a list with no item, such as "" or " , ": err->detail names the
   property; to drop a check set its count to 0), TOO_LARGE (store or
   JWTAUTH_MAX_LIST full), ARGUMENT. Not
   thread-safe on the same config (it writes it): set up, then share. */
JWTAUTH_DEF int jwtauth_config_set(jwtauth_config *cfg, jwtauth_str *field,
	const char *value, size_t len, jwtauth_error *err);
JWTAUTH_DEF int jwtauth_config_set_list(jwtauth_config *cfg, jwtauth_str *items,
	size_t *n_items, const char *list, size_t len, jwtauth_error *err);

/* ======================================================================
   MYSQL AUTH RESPONSE
   ====================================================================== */
typedef enum jwtauth_response_kind {
	/* authentication_openid_connect_client: 1 capability byte, then the
	   token as a length-encoded string */
	JWTAUTH_RESPONSE_OPENID = 1,
	/* no client plugin: the bare token, trailing NUL bytes stripped */
	JWTAUTH_RESPONSE_BARE = 2,
	/* BARE when the first byte is 'e' (every JWS header starts "ey"),
	   else OPENID */
	JWTAUTH_RESPONSE_AUTO = 3
} jwtauth_response_kind;

/* Find the token in an auth response. *token points into `resp` (the
   one exception to "nothing points into the input"): keep resp while
   the token is used. Errors: AUTH_RESPONSE (framing), TOKEN_SIZE,
   ARGUMENT. */
JWTAUTH_DEF int jwtauth_mysql_auth_token(const uint8_t *resp, size_t len,
	jwtauth_response_kind kind, const char **token, size_t *token_len,
	jwtauth_error *err);

/* ======================================================================
   ONE-CALL AUTHENTICATION (the StarRocks flow)
   auth response -> token -> jwtauth_verify (cfg->algs, cfg->claims; exp
   optional as in StarRocks) -> principal (cfg->principal_field) == user (ASCII case-insensitive;
   user may be NULL to skip the match, as for a security integration)
   -> groups (cfg->groups_claim) -> permitted_groups.
   No heap allocation.
   ====================================================================== */
typedef struct jwtauth_login {
	int cache_hit;            /* 1 when the signature check was skipped
	                             thanks to the verified-token cache */
	int keys_stale;           /* jwtauth_authenticate_cached only: 1 when
	                             the key set was past its TTL (see
	                             jwtauth_keys_ref.stale) */
	int keys_refresh_error;   /* ... and then the code of the failed
	                             refresh (0: another thread's is in flight) */
	int keys_unavailable;     /* jwtauth_authenticate_cached only: 1 when
	                             it failed because no key set could be had
	                             from the source (the error is the
	                             source's), not because of the token */
	char principal[JWTAUTH_MAX_PRINCIPAL_LEN + 1]; /* NUL-terminated */
	size_t principal_len;
	jwtauth_str groups[JWTAUTH_MAX_GROUPS];        /* NUL-terminated copies */
	size_t n_groups;
	jwtauth_claims claims;
	jwtauth_jwt jwt;          /* header, payload, alg, kid, key used */
	char group_store[JWTAUTH_MAX_GROUPS_LEN];
} jwtauth_login;

/* The StarRocks login on jwtauth_verify: options from cfg (algs,
   claims; exp optional as in StarRocks unless cfg->claims.required has
   JWTAUTH_CLAIM_EXP), then the principal, user match and groups. `tc`
   (may be NULL) is a verified-token cache. `user` may be NULL to skip the
   match. Ownership: out->jwt.key points into ks; nothing is kept from
   the response. Thread safety: cfg and ks are only read (share them);
   out is the caller's; tc follows its own rules. Errors: those of
   jwtauth_mysql_auth_token and jwtauth_verify, PRINCIPAL_* (err->value
   the principal, err->expected the user), GROUP, TOO_LARGE (groups). */
JWTAUTH_DEF int jwtauth_authenticate(const jwtauth_config *cfg,
	const jwtauth_keyset *ks, struct jwtauth_token_cache *tc,
	const char *user, size_t user_len,
	const uint8_t *auth_response, size_t response_len,
	jwtauth_response_kind kind, int64_t now, jwtauth_login *out,
	jwtauth_error *err);


/* ======================================================================
   VERIFIED-TOKEN CACHE (opt-in, bounded, caller memory)
   A MySQL client sends the same ID token for every connection. A cache
   passed to jwtauth_verify / jwtauth_authenticate(_cached) remembers
   tokens whose signature verified. An entry is bound to what decided
   that verification: the exact token bytes, the key set's id (a
   fingerprint of its key material, jwtauth_keyset.id) and the algorithm
   allowlist; never to an address. A hit skips base64 decoding of the
   signature and the signature check only: the header rules and the key's
   fitness are applied again, the payload is re-parsed and exp/nbf/iat,
   iss/aud, the principal match and the groups are evaluated again at the
   current time. A rotated key set (new id) or another allowlist never
   matches an entry.
   Threads: with lock hooks (jwtauth_token_cache_set_lock) one cache may
   be shared by every thread; every access to it runs under the lock
   (short: a hash probe and a copy, never a signature check). Without
   hooks, use it from one thread at a time (e.g. one per thread).
   ====================================================================== */
#ifndef JWTAUTH_TOKEN_CACHE_MAX_TOKEN
#define JWTAUTH_TOKEN_CACHE_MAX_TOKEN 2048   /* longer tokens are not cached */
#endif

/* Lock hooks (shared by the key-set cache below): called with `user`. */
typedef void (*jwtauth_lock_fn)(void *user);

typedef struct jwtauth_token_cache_entry {
	uint64_t hash;            /* fast hash of the token bytes (0 = empty) */
	uint64_t keyset_id;       /* jwtauth_keyset.id it verified under */
	unsigned algs;            /* the allowlist it verified under */
	uint64_t last_used;       /* for least-recently-used replacement */
	size_t token_len;
	int key_index;            /* index of the verifying key in the set */
	char token[JWTAUTH_TOKEN_CACHE_MAX_TOKEN];
} jwtauth_token_cache_entry;

typedef struct jwtauth_token_cache {
	jwtauth_token_cache_entry *entries;
	size_t n_entries;
	uint64_t tick;
	uint64_t hits, misses;    /* statistics (read with
	                             jwtauth_token_cache_stats when shared) */
	jwtauth_lock_fn lock, unlock; void *lock_user;
} jwtauth_token_cache;

/* Use `entries[0..n)` (caller memory, must outlive the cache) as an empty
   cache without lock hooks. n == 0 or entries == NULL: a cache that
   never holds anything (every call misses). Not thread-safe itself: call
   it before sharing the cache. */
JWTAUTH_DEF void jwtauth_token_cache_init(jwtauth_token_cache *tc,
	jwtauth_token_cache_entry *entries, size_t n);
/* Install lock hooks (both or neither; NULL removes them) so that
   threads may share the cache. Call before sharing it. */
JWTAUTH_DEF void jwtauth_token_cache_set_lock(jwtauth_token_cache *tc,
	jwtauth_lock_fn lock, jwtauth_lock_fn unlock, void *user);
/* Forget every entry and wipe the stored tokens (bearer credentials).
   Takes the lock when hooks are installed. Entries never go stale by a
   config change (they are bound to the key set's id and the allowlist),
   so this is only needed to drop the credentials. */
JWTAUTH_DEF void jwtauth_token_cache_clear(jwtauth_token_cache *tc);
/* Hits and misses so far (either may be NULL), read under the lock. */
JWTAUTH_DEF void jwtauth_token_cache_stats(jwtauth_token_cache *tc,
	uint64_t *hits, uint64_t *misses);

/* ======================================================================
   KEY SOURCES AND THE KEY-SET CACHE
   A jwks_url starting http:// or https:// is fetched through the caller's
   callback; anything else names a file under the conf directory (an
   absolute path or a ".." that leaves it is JWTAUTH_ERR_CONFIG_PATH). The
   header never opens a socket.
   ====================================================================== */
#ifndef JWTAUTH_CACHE_TTL
#define JWTAUTH_CACHE_TTL 300           /* seconds a fetched set is fresh */
#endif
#ifndef JWTAUTH_CACHE_MIN_TTL
#define JWTAUTH_CACHE_MIN_TTL 30        /* clamp for a callback's max-age */
#endif
#ifndef JWTAUTH_CACHE_MAX_TTL
#define JWTAUTH_CACHE_MAX_TTL 86400
#endif
#ifndef JWTAUTH_CACHE_COOLDOWN
#define JWTAUTH_CACHE_COOLDOWN 30       /* min seconds between refreshes
                                           caused by unknown kids */
#endif
#ifndef JWTAUTH_CACHE_MAX_STALE
#define JWTAUTH_CACHE_MAX_STALE 3600    /* serve the last good set this long
                                           past its TTL when refresh fails */
#endif
#ifndef JWTAUTH_CACHE_MAX_SOURCES
#define JWTAUTH_CACHE_MAX_SOURCES 16
#endif
#ifndef JWTAUTH_MAX_SOURCE_LEN
#define JWTAUTH_MAX_SOURCE_LEN 512      /* longest URL or path */
#endif

/* Classify a jwks_url and, for a file, build the confined path
   "<conf_dir>/<name>" into path (NUL-terminated). *is_url is set to 1 for
   http(s) (path then holds the URL unchanged). Absolute names, empty, "."
   and ".." components, backslashes and NUL are refused; symbolic links
   inside conf_dir are followed (the operator's business). Errors:
   CONFIG_PATH (err->offset at the bad component), BUFFER_TOO_SMALL,
   ARGUMENT. No file is opened. */
JWTAUTH_DEF int jwtauth_source_resolve(const char *conf_dir,
	const char *jwks_url, size_t len, char *path, size_t cap, int *is_url,
	jwtauth_error *err);

#ifndef JWTAUTH_NO_STDIO
/* Read a whole file into buf (at most cap bytes; no NUL is added).
   `role` names the file in errors ("key file", "token file",
   "properties file"; NULL: "file"): err->detail is the role, err->value
   the path, err->msg the cause. Errors: IO (no such file, permission
   denied, is a directory, read error), TOO_LARGE (err->size the file's
   size when known, err->limit = cap), ARGUMENT. Reentrant. */
JWTAUTH_DEF int jwtauth_file_read(const char *path, const char *role,
	char *buf, size_t cap, size_t *len, jwtauth_error *err);
#endif

/* The fetch callback. Fetch `url` (NUL-terminated) and write the body into
   buf[0..cap); set *len. The buffer belongs to the library and is only
   valid during the call: do not keep it. Return JWTAUTH_OK, or
   JWTAUTH_ERR_TOO_LARGE when the body exceeds cap, or JWTAUTH_ERR_IO (or
   any other negative code) on failure. Set *max_age to the response's
   max-age in seconds when known (it starts at -1). Timeouts, redirects and
   TLS are the callback's business. May be called from any thread that
   calls the cache, never twice at once for the same source. */
typedef int (*jwtauth_fetch_fn)(void *user, const char *url, char *buf,
	size_t cap, size_t *len, int64_t *max_age);

/* Optional hooks for sharing one cache between threads: lock/unlock a
   mutex, and `wait` (called with the mutex released) to let another
   thread's fetch progress, e.g. a short sleep or sched_yield. Only callers
   that need the fetch in flight wait (no set loaded yet, or a token's kid
   unknown); the others are served the current set. Without `wait` such a
   caller gets the current set if there is one, else an error. With NULL
   lock hooks the cache must be used from one thread at a time.
   (jwtauth_lock_fn is declared with the verified-token cache.) */

typedef struct jwtauth_cache_options {
	jwtauth_fetch_fn fetch; void *fetch_user;   /* NULL: no URL sources */
	const char *conf_dir;                      /* NULL: no file sources */
	jwtauth_lock_fn lock, unlock, wait; void *lock_user;
	int64_t ttl, min_ttl, max_ttl, cooldown, max_stale; /* 0 = defaults */
	size_t max_document;                      /* 0 = JWTAUTH_MAX_JWKS_LEN */
} jwtauth_cache_options;

typedef struct jwtauth_cache jwtauth_cache;   /* opaque, heap-allocated */

/* A reference to an immutable snapshot of a source's key set. Valid until
   jwtauth_cache_release; refreshes publish new snapshots and never change
   one in use. */
typedef struct jwtauth_keys_ref {
	const jwtauth_keyset *keys;
	void *snapshot;
	int stale;                /* 1 when served past its TTL: a refresh
	                             failed (its error is in err) or another
	                             thread's is in flight (err->code is OK) */
} jwtauth_keys_ref;

#ifndef JWTAUTH_NO_MALLOC
/* Create / destroy a cache. Memory comes from JWTAUTH_MALLOC/JWTAUTH_FREE
   (malloc/free unless overridden): the cache plus one jwtauth_keyset per
   live snapshot. `opts` is copied (conf_dir too). Returns NULL with
   err->code JWTAUTH_ERR_NOMEM (out of memory), JWTAUTH_ERR_CONFIG_PATH
   (opts->conf_dir longer than JWTAUTH_MAX_SOURCE_LEN) or
   JWTAUTH_ERR_ARGUMENT (only one of lock/unlock). jwtauth_cache_free
   cannot fail; every jwtauth_keys_ref must have been released. */
JWTAUTH_DEF jwtauth_cache *jwtauth_cache_new(const jwtauth_cache_options *opts,
	jwtauth_error *err);
JWTAUTH_DEF void jwtauth_cache_free(jwtauth_cache *cache);

/* Get the key set of `source` (a jwks_url) at time `now`, loading it on
   first use and refreshing it when its TTL has passed. With `kid` not
   NULL and unknown to the current set, one refresh is attempted unless
   another happened less than `cooldown` seconds ago. Concurrent callers
   needing the same refresh wait for one fetch. On a failed refresh the
   last good set is served (JWTAUTH_OK, ref->stale = 1, the refresh error
   in err) up to max_stale seconds past its TTL; then, or when the first
   load fails, the error is returned. A failed fetch is not retried
   before `cooldown` seconds. Thread-safe with the lock hooks. Errors:
   the source's (IO, NO_FETCH, CONFIG_PATH, TOO_LARGE, NOMEM, the key
   document's parse errors), TOO_LARGE (more than
   JWTAUTH_CACHE_MAX_SOURCES sources), ARGUMENT. jwtauth_cache_release
   drops the reference (cannot fail; ref->keys is then NULL). */
JWTAUTH_DEF int jwtauth_cache_acquire(jwtauth_cache *cache, const char *source,
	size_t source_len, const char *kid, size_t kid_len, int64_t now,
	jwtauth_keys_ref *ref, jwtauth_error *err);
JWTAUTH_DEF void jwtauth_cache_release(jwtauth_cache *cache, jwtauth_keys_ref *ref);

/* Counters for tests and monitoring, copied under the lock (cannot fail;
   all zero for a NULL cache). */
typedef struct jwtauth_cache_stats {
	uint64_t fetches, fetch_failures, refreshes_unknown_kid, stale_served,
		snapshots_live;
} jwtauth_cache_stats;
JWTAUTH_DEF void jwtauth_cache_get_stats(jwtauth_cache *cache, jwtauth_cache_stats *st);

/* jwtauth_authenticate with the key set of cfg->jwks_url from the cache:
   a token whose kid is unknown to the cached set triggers one (cooled-down)
   refresh before the check. A set served past its TTL is reported in
   out->keys_stale / out->keys_refresh_error, not as a failure; a source
   that yields no set in out->keys_unavailable. out->jwt.key is NULL on
   return (the snapshot is released). `tc` (may be NULL) is a
   verified-token cache; entries of a replaced set never match (new id).
   Thread safety: cache with lock hooks, cfg read-only, tc with its own
   hooks: every thread may share all three. */
JWTAUTH_DEF int jwtauth_authenticate_cached(jwtauth_cache *cache,
	const jwtauth_config *cfg, struct jwtauth_token_cache *tc,
	const char *user, size_t user_len,
	const uint8_t *auth_response, size_t response_len,
	jwtauth_response_kind kind, int64_t now, jwtauth_login *out,
	jwtauth_error *err);
#endif

#ifdef __cplusplus
}
#endif

/* end header file */
#endif /* JWTAUTH_H_INCLUDE */

/* ======================================================================
   ======================================================================
   IMPLEMENTATION
   ======================================================================
   ====================================================================== */
#if defined(JWTAUTH_IMPLEMENTATION) && !defined(JWTAUTH__IMPLEMENTED)
#define JWTAUTH__IMPLEMENTED

#include <string.h>

#ifndef JWTAUTH_NO_STDIO
#include <errno.h>
#include <stdio.h>
#endif

/* Heap hooks: only the key-set cache allocates (never the verify path).
   Define both or neither; the context argument is always NULL. */
#ifndef JWTAUTH_NO_MALLOC
#if defined(JWTAUTH_MALLOC) && defined(JWTAUTH_FREE)
/* user-supplied */
#elif !defined(JWTAUTH_MALLOC) && !defined(JWTAUTH_FREE)
#include <stdlib.h>
#define JWTAUTH_MALLOC(ctx, size) ((void)(ctx), malloc(size))
#define JWTAUTH_FREE(ctx, ptr) ((void)(ctx), free(ptr))
#else
#error "Define both or neither of JWTAUTH_MALLOC and JWTAUTH_FREE"
#endif
#endif

/* Keeps a large stack frame (PEM decoding, a JSON token array) out of its
   callers, so that paths not needing it do not pay for it. */
#ifndef JWTAUTH__NOINLINE
#if defined(__GNUC__) || defined(__clang__)
#define JWTAUTH__NOINLINE __attribute__((noinline))
#elif defined(_MSC_VER)
#define JWTAUTH__NOINLINE __declspec(noinline)
#else
#define JWTAUTH__NOINLINE
#endif
#endif

#if JWTAUTH_MAX_RSA_BITS > 4096 || JWTAUTH_MIN_RSA_BITS < 1024
#error "JWTAUTH_MAX_RSA_BITS must be at most 4096 (BearSSL) and MIN at least 1024"
#endif
#if JWTAUTH_MAX_TOKEN_LEN > 0x7fffffff || JWTAUTH_MAX_JWKS_LEN > 0x7fffffff
#error "token and document limits must fit in 31 bits (JSON offsets are 32-bit)"
#endif

/* ---------------------------------------------------------------- errors */

/* Message texts. With JWTAUTH_NO_ERROR_STRINGS every message literal
   given to jwtauth__fail / jwtauth__fail_detail, and every text of the
   error table, becomes "" before it is compiled: no message text reaches
   the object file. JWTAUTH__TEXT is for constant initialisers and
   functions returning a message; JWTAUTH__MSG keeps a variable argument
   evaluated (no set-but-unused warnings). */
#ifdef JWTAUTH_NO_ERROR_STRINGS
#define JWTAUTH__TEXT(s) ""
#define JWTAUTH__MSG(s) ((void)(s), "")
#else
#define JWTAUTH__TEXT(s) s
#define JWTAUTH__MSG(s) (s)
#endif

/* Copy at most JWTAUTH_ERROR_TEXT_MAX bytes of (src, n) into dst, cut at
   a UTF-8 character boundary, NUL-terminated. */
static void jwtauth__err_text(char *dst, size_t *dst_len, const char *src, size_t n)
{
	if (!src) n = 0;
	if (n > JWTAUTH_ERROR_TEXT_MAX) {
		n = JWTAUTH_ERROR_TEXT_MAX;
		while (n > 0 && ((unsigned char)src[n] & 0xC0u) == 0x80u) n--;
	}
	if (n) memcpy(dst, src, n);
	dst[n] = 0;
	*dst_len = n;
}

/* Record a failure in *err (when given) and return the code, so that the
   failure path is one line: `return jwtauth__fail(err, CODE, off, "why");` */
static int jwtauth__fail_(jwtauth_error *err, int code, size_t offset,
	const char *msg)
{
	if (err) {
		err->code = code;
		err->offset = offset;
		err->msg = msg;
		err->detail[0] = 0;
		err->detail_len = 0;
		err->value[0] = 0;
		err->value_len = 0;
		err->expected[0] = 0;
		err->expected_len = 0;
		err->has_time = 0;
		err->time = err->now = err->limit = err->size = 0;
	}
	return code;
}

/* Same, naming the member or claim concerned (copied). */
static int jwtauth__fail_detail_(jwtauth_error *err, int code, size_t offset,
	const char *msg, const char *detail, size_t detail_len)
{
	jwtauth__fail_(err, code, offset, msg);
	if (err) jwtauth__err_text(err->detail, &err->detail_len, detail, detail_len);
	return code;
}

#define jwtauth__fail(err, code, offset, msg) \
	jwtauth__fail_((err), (code), (offset), JWTAUTH__MSG(msg))
#define jwtauth__fail_detail(err, code, offset, msg, detail, detail_len) \
	jwtauth__fail_detail_((err), (code), (offset), JWTAUTH__MSG(msg), (detail), (detail_len))

/* The token's value (err->value) and what it was compared with
   (err->expected), after a jwtauth__fail*. */
static void jwtauth__err_value(jwtauth_error *err, const char *v, size_t n)
{
	if (err) jwtauth__err_text(err->value, &err->value_len, v, n);
}
static void jwtauth__err_expected(jwtauth_error *err, const char *v, size_t n)
{
	if (err) jwtauth__err_text(err->expected, &err->expected_len, v, n);
}
static void jwtauth__err_times(jwtauth_error *err, int64_t t, int64_t now, int64_t limit)
{
	if (!err) return;
	err->has_time = 1;
	err->time = t;
	err->now = now;
	err->limit = limit;
}

static void jwtauth__clear_error(jwtauth_error *err)
{
	if (err) jwtauth__fail(err, JWTAUTH_OK, 0, "");
}

/* Wipe secrets at memset speed (it sits on the HMAC verify path) in a way
   the compiler cannot drop: with GCC/Clang an empty asm that may read the
   memory follows the memset; elsewhere the bytes are cleared through a
   volatile pointer. No global object is involved (no .data). */
static void jwtauth__wipe(void *p, size_t n)
{
#if defined(__GNUC__) || defined(__clang__)
	memset(p, 0, n);
	__asm__ __volatile__("" : : "r"(p) : "memory");
#else
	volatile unsigned char *v = (volatile unsigned char *)p;
	while (n--) *v++ = 0;
#endif
}

/* Constant-time equality of two equal-length byte strings: 1 or 0. */
static int jwtauth__ct_eq(const uint8_t *a, const uint8_t *b, size_t n)
{
	uint64_t d = 0, x, y;
	size_t i = 0;
	/* eight bytes a step (tags are 32, 48 or 64 bytes); no branch on data */
	for (; i + 8 <= n; i += 8) {
		memcpy(&x, a + i, 8);
		memcpy(&y, b + i, 8);
		d |= x ^ y;
	}
	for (; i < n; i++) d |= (uint64_t)(a[i] ^ b[i]);
	d |= d >> 32;
	d = (d | (d >> 16)) & 0xFFFFu;
	return (int)(1u & (((uint32_t)d - 1u) >> 16));
}

typedef struct jwtauth__error_info {
	int code;
	const char *name;
	const char *text;
} jwtauth__error_info;

static const jwtauth__error_info jwtauth__errors[] = {
	{ JWTAUTH_OK, "OK", JWTAUTH__TEXT("success") },
	{ JWTAUTH_ERR_ARGUMENT, "ARGUMENT", JWTAUTH__TEXT("invalid argument") },
	{ JWTAUTH_ERR_BUFFER_TOO_SMALL, "BUFFER_TOO_SMALL", JWTAUTH__TEXT("output buffer too small") },
	{ JWTAUTH_ERR_TOO_LARGE, "TOO_LARGE", JWTAUTH__TEXT("input larger than its limit") },
	{ JWTAUTH_ERR_IO, "IO", JWTAUTH__TEXT("key source could not be read (file or fetch)") },
	{ JWTAUTH_ERR_NOMEM, "NOMEM", JWTAUTH__TEXT("out of memory") },
	{ JWTAUTH_ERR_B64_CHAR, "B64_CHAR", JWTAUTH__TEXT("base64url: character outside the alphabet") },
	{ JWTAUTH_ERR_B64_LENGTH, "B64_LENGTH", JWTAUTH__TEXT("base64url: impossible length") },
	{ JWTAUTH_ERR_B64_NONCANONICAL, "B64_NONCANONICAL", JWTAUTH__TEXT("base64url: non-canonical encoding") },
	{ JWTAUTH_ERR_JSON_SYNTAX, "JSON_SYNTAX", JWTAUTH__TEXT("JSON: syntax error") },
	{ JWTAUTH_ERR_JSON_UTF8, "JSON_UTF8", JWTAUTH__TEXT("JSON: invalid UTF-8") },
	{ JWTAUTH_ERR_JSON_ESCAPE, "JSON_ESCAPE", JWTAUTH__TEXT("JSON: invalid escape or lone surrogate") },
	{ JWTAUTH_ERR_JSON_NUMBER, "JSON_NUMBER", JWTAUTH__TEXT("JSON: invalid number") },
	{ JWTAUTH_ERR_JSON_DEPTH, "JSON_DEPTH", JWTAUTH__TEXT("JSON: nesting too deep") },
	{ JWTAUTH_ERR_JSON_DUPLICATE, "JSON_DUPLICATE", JWTAUTH__TEXT("JSON: duplicate member name") },
	{ JWTAUTH_ERR_JSON_TRAILING, "JSON_TRAILING", JWTAUTH__TEXT("JSON: bytes after the value") },
	{ JWTAUTH_ERR_JSON_TOKENS, "JSON_TOKENS", JWTAUTH__TEXT("JSON: too many values") },
	{ JWTAUTH_ERR_JSON_CONTROL, "JSON_CONTROL", JWTAUTH__TEXT("JSON: control character in string") },
	{ JWTAUTH_ERR_KEY_FORMAT, "KEY_FORMAT", JWTAUTH__TEXT("key document is not a JWKS, JWK or PEM") },
	{ JWTAUTH_ERR_KEY_KTY, "KEY_KTY", JWTAUTH__TEXT("key type missing or unsupported") },
	{ JWTAUTH_ERR_KEY_CRV, "KEY_CRV", JWTAUTH__TEXT("curve missing or unsupported") },
	{ JWTAUTH_ERR_KEY_MEMBER, "KEY_MEMBER", JWTAUTH__TEXT("key member missing or malformed") },
	{ JWTAUTH_ERR_KEY_RSA_SIZE, "KEY_RSA_SIZE", JWTAUTH__TEXT("RSA modulus size out of range") },
	{ JWTAUTH_ERR_KEY_RSA_EXPONENT, "KEY_RSA_EXPONENT", JWTAUTH__TEXT("RSA exponent invalid") },
	{ JWTAUTH_ERR_KEY_EC_POINT, "KEY_EC_POINT", JWTAUTH__TEXT("EC point invalid") },
	{ JWTAUTH_ERR_KEY_OCT_SIZE, "KEY_OCT_SIZE", JWTAUTH__TEXT("HMAC key shorter than the hash output") },
	{ JWTAUTH_ERR_KEY_PRIVATE, "KEY_PRIVATE", JWTAUTH__TEXT("private key material in a verification key") },
	{ JWTAUTH_ERR_KEY_ALG, "KEY_ALG", JWTAUTH__TEXT("key alg unknown or unfit for the key type") },
	{ JWTAUTH_ERR_KEY_KID, "KEY_KID", JWTAUTH__TEXT("key kid invalid or too long") },
	{ JWTAUTH_ERR_KEY_USE, "KEY_USE", JWTAUTH__TEXT("key use or key_ops malformed") },
	{ JWTAUTH_ERR_KEYSET_MIXED, "KEYSET_MIXED", JWTAUTH__TEXT("key set mixes HMAC secrets and public keys") },
	{ JWTAUTH_ERR_KEYSET_FULL, "KEYSET_FULL", JWTAUTH__TEXT("key set has too many keys") },
	{ JWTAUTH_ERR_KEYSET_EMPTY, "KEYSET_EMPTY", JWTAUTH__TEXT("key set has no usable key") },
	{ JWTAUTH_ERR_KEY_PEM, "KEY_PEM", JWTAUTH__TEXT("PEM document invalid") },
	{ JWTAUTH_ERR_KEY_DER, "KEY_DER", JWTAUTH__TEXT("DER structure invalid") },
	{ JWTAUTH_ERR_KEY_X509, "KEY_X509", JWTAUTH__TEXT("certificate invalid") },
	{ JWTAUTH_ERR_KEY_RSA_WEAK, "KEY_RSA_WEAK", JWTAUTH__TEXT("RSA key has the ROCA weakness (CVE-2017-15361)") },
	{ JWTAUTH_ERR_KEY_OKP_POINT, "KEY_OKP_POINT", JWTAUTH__TEXT("Ed25519 public key is not 32 bytes or not a curve point") },
	{ JWTAUTH_ERR_KEY_OKP_NONCANONICAL, "KEY_OKP_NONCANONICAL", JWTAUTH__TEXT("Ed25519 public key is a non-canonical encoding (y >= p, or x = 0 with the sign bit set)") },
	{ JWTAUTH_ERR_KEY_OKP_SMALL_ORDER, "KEY_OKP_SMALL_ORDER", JWTAUTH__TEXT("Ed25519 public key is a point of small order") },
	{ JWTAUTH_ERR_KEY_OKP_ED448, "KEY_OKP_ED448", JWTAUTH__TEXT("Ed448 keys are not supported") },
	{ JWTAUTH_ERR_KEY_OKP_AGREEMENT, "KEY_OKP_AGREEMENT", JWTAUTH__TEXT("X25519/X448 key: a key-agreement curve, not for signatures") },
	{ JWTAUTH_ERR_KEY_NOT_BUILT, "KEY_NOT_BUILT", JWTAUTH__TEXT("key type, curve, alg or key format left out of this build") },
	{ JWTAUTH_ERR_TOKEN_SIZE, "TOKEN_SIZE", JWTAUTH__TEXT("token empty or too long") },
	{ JWTAUTH_ERR_TOKEN_FORMAT, "TOKEN_FORMAT", JWTAUTH__TEXT("token is not a compact JWS") },
	{ JWTAUTH_ERR_HEADER, "HEADER", JWTAUTH__TEXT("token header invalid") },
	{ JWTAUTH_ERR_ALG_NONE, "ALG_NONE", JWTAUTH__TEXT("unsecured token (alg none) refused") },
	{ JWTAUTH_ERR_ALG_UNKNOWN, "ALG_UNKNOWN", JWTAUTH__TEXT("algorithm not supported") },
	{ JWTAUTH_ERR_ALG_NOT_ALLOWED, "ALG_NOT_ALLOWED", JWTAUTH__TEXT("algorithm not allowed") },
	{ JWTAUTH_ERR_CRIT, "CRIT", JWTAUTH__TEXT("critical header extension not understood") },
	{ JWTAUTH_ERR_KID_UNKNOWN, "KID_UNKNOWN", JWTAUTH__TEXT("no key with the token's kid") },
	{ JWTAUTH_ERR_KID_AMBIGUOUS, "KID_AMBIGUOUS", JWTAUTH__TEXT("several keys under the token's kid fit it") },
	{ JWTAUTH_ERR_NO_KEY, "NO_KEY", JWTAUTH__TEXT("no key fits the token's algorithm") },
	{ JWTAUTH_ERR_KEY_UNFIT, "KEY_UNFIT", JWTAUTH__TEXT("the key cannot verify this algorithm") },
	{ JWTAUTH_ERR_SIGNATURE, "SIGNATURE", JWTAUTH__TEXT("signature invalid") },
	{ JWTAUTH_ERR_ALG_NOT_BUILT, "ALG_NOT_BUILT", JWTAUTH__TEXT("algorithm left out of this build") },
	{ JWTAUTH_ERR_CLAIMS, "CLAIMS", JWTAUTH__TEXT("payload is not a JSON object") },
	{ JWTAUTH_ERR_CLAIM_TYPE, "CLAIM_TYPE", JWTAUTH__TEXT("claim has the wrong type or range") },
	{ JWTAUTH_ERR_CLAIM_MISSING, "CLAIM_MISSING", JWTAUTH__TEXT("required claim missing") },
	{ JWTAUTH_ERR_EXPIRED, "EXPIRED", JWTAUTH__TEXT("token expired") },
	{ JWTAUTH_ERR_NOT_YET_VALID, "NOT_YET_VALID", JWTAUTH__TEXT("token not yet valid") },
	{ JWTAUTH_ERR_TOO_OLD, "TOO_OLD", JWTAUTH__TEXT("token issued too long ago or in the future") },
	{ JWTAUTH_ERR_ISSUER, "ISSUER", JWTAUTH__TEXT("issuer not accepted") },
	{ JWTAUTH_ERR_AUDIENCE, "AUDIENCE", JWTAUTH__TEXT("audience not accepted") },
	{ JWTAUTH_ERR_PRINCIPAL_MISSING, "PRINCIPAL_MISSING", JWTAUTH__TEXT("principal claim missing") },
	{ JWTAUTH_ERR_PRINCIPAL_TYPE, "PRINCIPAL_TYPE", JWTAUTH__TEXT("principal claim is not a valid string") },
	{ JWTAUTH_ERR_PRINCIPAL_MISMATCH, "PRINCIPAL_MISMATCH", JWTAUTH__TEXT("principal does not match the user") },
	{ JWTAUTH_ERR_GROUP, "GROUP", JWTAUTH__TEXT("no permitted group") },
	{ JWTAUTH_ERR_CLAIM_TOO_LONG, "CLAIM_TOO_LONG", JWTAUTH__TEXT("claim longer than the buffer") },
	{ JWTAUTH_ERR_CLAIM_RANGE, "CLAIM_RANGE", JWTAUTH__TEXT("claim is not an integer in range") },
	{ JWTAUTH_ERR_CLAIM_PATH, "CLAIM_PATH", JWTAUTH__TEXT("claim name or JSON Pointer malformed") },
	{ JWTAUTH_ERR_CONFIG, "CONFIG", JWTAUTH__TEXT("configuration is not a JSON object") },
	{ JWTAUTH_ERR_CONFIG_MEMBER, "CONFIG_MEMBER", JWTAUTH__TEXT("unknown configuration member") },
	{ JWTAUTH_ERR_CONFIG_VALUE, "CONFIG_VALUE", JWTAUTH__TEXT("configuration value invalid") },
	{ JWTAUTH_ERR_CONFIG_MISSING, "CONFIG_MISSING", JWTAUTH__TEXT("required configuration member missing") },
	{ JWTAUTH_ERR_CONFIG_PATH, "CONFIG_PATH", JWTAUTH__TEXT("key file path leaves the conf directory") },
	{ JWTAUTH_ERR_NO_FETCH, "NO_FETCH", JWTAUTH__TEXT("URL key source but no fetch callback") },
	{ JWTAUTH_ERR_AUTH_RESPONSE, "AUTH_RESPONSE", JWTAUTH__TEXT("MySQL auth response malformed") }
};

static const jwtauth__error_info *jwtauth__error_lookup(int code)
{
	size_t i;
	for (i = 0; i < sizeof jwtauth__errors / sizeof jwtauth__errors[0]; i++)
		if (jwtauth__errors[i].code == code) return &jwtauth__errors[i];
	return NULL;
}

JWTAUTH_DEF const char *jwtauth_strerror(int code)
{
#ifdef JWTAUTH_NO_ERROR_STRINGS
	(void)code;
	return "";
#else
	const jwtauth__error_info *e = jwtauth__error_lookup(code);
	return e ? e->text : "unknown error";
#endif
}

JWTAUTH_DEF const char *jwtauth_error_name(int code)
{
	const jwtauth__error_info *e = jwtauth__error_lookup(code);
	return e ? e->name : "UNKNOWN";
}

/* ------------------------------------------------------------ algorithms */

static const char *const jwtauth__alg_names[JWTAUTH_ALG_COUNT] = {
	"", "HS256", "HS384", "HS512", "RS256", "RS384", "RS512",
	"PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA", "Ed25519"
};

JWTAUTH_DEF jwtauth_alg jwtauth_alg_from_name(const char *name, size_t len)
{
	int a;
	if (!name) return JWTAUTH_ALG_UNKNOWN;
	for (a = 1; a < JWTAUTH_ALG_COUNT; a++)
		if (strlen(jwtauth__alg_names[a]) == len
		    && memcmp(name, jwtauth__alg_names[a], len) == 0)
			return (jwtauth_alg)a;
	return JWTAUTH_ALG_UNKNOWN;
}

JWTAUTH_DEF const char *jwtauth_alg_name(jwtauth_alg alg)
{
	if ((int)alg <= 0 || (int)alg >= JWTAUTH_ALG_COUNT) return "";
	return jwtauth__alg_names[alg];
}

static int jwtauth__is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Split a comma list into trimmed items; calls back for each non-empty
   item. Returns the callback's first non-zero result. */
typedef int (*jwtauth__item_fn)(void *ctx, const char *p, size_t len);
static int jwtauth__split_list(const char *list, size_t len,
	jwtauth__item_fn fn, void *ctx)
{
	size_t i = 0;
	while (i <= len && len > 0) {
		size_t s = i, e;
		int rc;
		while (i < len && list[i] != ',') i++;
		e = i;
		while (s < e && jwtauth__is_space(list[s])) s++;
		while (e > s && jwtauth__is_space(list[e - 1])) e--;
		if (e > s && (rc = fn(ctx, list + s, e - s)) != 0) return rc;
		i++;
	}
	return 0;
}

typedef struct jwtauth__algs_ctx {
	unsigned algs;
	jwtauth_error *err;
	const char *base;
} jwtauth__algs_ctx;

static int jwtauth__algs_item(void *vctx, const char *p, size_t len)
{
	jwtauth__algs_ctx *c = (jwtauth__algs_ctx *)vctx;
	jwtauth_alg a = jwtauth_alg_from_name(p, len);
	if (a == JWTAUTH_ALG_UNKNOWN)
		return jwtauth__fail_detail(c->err, JWTAUTH_ERR_ALG_UNKNOWN,
			(size_t)(p - c->base), "unknown algorithm in list", p, len);
	if (!JWTAUTH_ALG_IS_BUILT(a))
		return jwtauth__fail_detail(c->err, JWTAUTH_ERR_ALG_NOT_BUILT,
			(size_t)(p - c->base), "algorithm left out of this build (JWTAUTH_NO_*)",
			p, len);
	c->algs |= JWTAUTH_ALG_BIT(a);
	return 0;
}

JWTAUTH_DEF int jwtauth_algs_parse(const char *list, size_t len,
	unsigned *out_algs, jwtauth_error *err)
{
	jwtauth__algs_ctx c;
	int rc;
	if (!list || !out_algs) return jwtauth__fail(err, JWTAUTH_ERR_ARGUMENT, 0, "NULL argument");
	c.algs = 0; c.err = err; c.base = list;
	rc = jwtauth__split_list(list, len, jwtauth__algs_item, &c);
	if (rc) return rc;
	if (!c.algs) return jwtauth__fail(err, JWTAUTH_ERR_ALG_UNKNOWN, 0, "empty algorithm list");
	*out_algs = c.algs;
	jwtauth__clear_error(err);
	return JWTAUTH_OK;
}

/* ======================================================================
   BASE64URL AND JSON (RFC 4648 section 5, RFC 8259)
   ====================================================================== */

/* ---- base64url (RFC 4648 section 5, unpadded as in RFC 7515 section 2) ---- */

/* Decoding table, written once as an X-macro: X(sextet value), or X(255)
   for bytes outside the url alphabet (this also rejects '=', '+', '/' and
   whitespace, RFC 7515 section 2). */
#define JWTAUTH__B64_TABLE(X) \
	X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), \
	X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), \
	X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(62), X(255), X(255), \
	X(52), X(53), X(54), X(55), X(56), X(57), X(58), X(59), X(60), X(61), X(255), X(255), X(255), X(255), X(255), X(255), \
	X(255), X(0), X(1), X(2), X(3), X(4), X(5), X(6), X(7), X(8), X(9), X(10), X(11), X(12), X(13), X(14), \
	X(15), X(16), X(17), X(18), X(19), X(20), X(21), X(22), X(23), X(24), X(25), X(255), X(255), X(255), X(255), X(63), \
	X(255), X(26), X(27), X(28), X(29), X(30), X(31), X(32), X(33), X(34), X(35), X(36), X(37), X(38), X(39), X(40), \
	X(41), X(42), X(43), X(44), X(45), X(46), X(47), X(48), X(49), X(50), X(51), X(255), X(255), X(255), X(255), X(255), \
	X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), \
	X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), \
	X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), \
	X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), \
	X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), \
	X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), \
	X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), \
	X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255), X(255)

#define JWTAUTH__B64_BYTE(v) v
static const uint8_t jwtauth__b64_dec[256] = { JWTAUTH__B64_TABLE(JWTAUTH__B64_BYTE) };

#ifndef JWTAUTH_OPTIMIZE_SIZE
/* The same table pre-shifted into each character's place in a 24-bit
   quantum, outside characters as bit 31: one load and one OR per
   character and one test per quantum (about 30% faster than shifting,
   for 4 KB of tables; JWTAUTH_OPTIMIZE_SIZE keeps only the byte table). */
#define JWTAUTH__B64_SH(v, s) ((v) == 255 ? 0x80000000u : (uint32_t)(v) << (s))
#define JWTAUTH__B64_SH18(v) JWTAUTH__B64_SH(v, 18)
#define JWTAUTH__B64_SH12(v) JWTAUTH__B64_SH(v, 12)
#define JWTAUTH__B64_SH6(v) JWTAUTH__B64_SH(v, 6)
#define JWTAUTH__B64_SH0(v) JWTAUTH__B64_SH(v, 0)
static const uint32_t jwtauth__b64_q0[256] = { JWTAUTH__B64_TABLE(JWTAUTH__B64_SH18) };
static const uint32_t jwtauth__b64_q1[256] = { JWTAUTH__B64_TABLE(JWTAUTH__B64_SH12) };
static const uint32_t jwtauth__b64_q2[256] = { JWTAUTH__B64_TABLE(JWTAUTH__B64_SH6) };
static const uint32_t jwtauth__b64_q3[256] = { JWTAUTH__B64_TABLE(JWTAUTH__B64_SH0) };
#define JWTAUTH__B64_QUANTUM(p) (jwtauth__b64_q0[(p)[0]] | jwtauth__b64_q1[(p)[1]] \
	| jwtauth__b64_q2[(p)[2]] | jwtauth__b64_q3[(p)[3]])
#else
#define JWTAUTH__B64_QUANTUM(p) jwtauth__b64_quantum_small(p)
/* 24-bit quantum of four characters, bit 31 set when one is outside */
static uint32_t jwtauth__b64_quantum_small(const unsigned char *p)
{
	uint32_t a = jwtauth__b64_dec[p[0]], b = jwtauth__b64_dec[p[1]],
		c = jwtauth__b64_dec[p[2]], d = jwtauth__b64_dec[p[3]];
	return ((a | b | c | d) & 0x80u) << 24 | (a << 18) | (b << 12) | (c << 6) | d;
}
#endif

static const char jwtauth__b64_enc[65] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/* Index of the first byte outside the alphabet in in[from..to). */
static size_t jwtauth__b64_bad(const unsigned char *in, size_t from, size_t to)
{
	while (from < to && jwtauth__b64_dec[in[from]] != 0xFF) from++;
	return from;
}

JWTAUTH_DEF int jwtauth_b64url_decode(const char *in, size_t in_len,
	uint8_t *out, size_t cap, size_t *out_len, jwtauth_error *err)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t full = in_len & ~(size_t)3, rem = in_len & 3u, need, i, o = 0;
	uint32_t a, b, c;

	if (out_len) *out_len = 0;
	if ((!in && in_len) || (!out && cap))
		return jwtauth__fail(err, JWTAUTH_ERR_ARGUMENT, 0, "NULL buffer");
	/* RFC 4648 section 4: a lone trailing character carries only 6 bits */
	if (rem == 1)
		return jwtauth__fail(err, JWTAUTH_ERR_B64_LENGTH, in_len - 1,
			"base64url length is 1 modulo 4");
	need = (full / 4u) * 3u + (rem ? rem - 1u : 0u);
	if (out && need > cap) {
		if (out_len) *out_len = need;
		return jwtauth__fail(err, JWTAUTH_ERR_BUFFER_TOO_SMALL, 0,
			"base64url output buffer too small");
	}
	if (out) {
		/* Hot loop (every token's payload): 4 characters to 3 bytes. */
		const unsigned char *p = s, *end = s + full;
		uint8_t *q = out;
		for (; p < end; p += 4, q += 3) {
			uint32_t v = JWTAUTH__B64_QUANTUM(p);
			/* one test per quantum; locate the culprit only on failure */
			if (v & 0x80000000u)
				return jwtauth__fail(err, JWTAUTH_ERR_B64_CHAR,
					jwtauth__b64_bad(s, (size_t)(p - s), full),
					"character outside the base64url alphabet");
			q[0] = (uint8_t)(v >> 16);
			q[1] = (uint8_t)(v >> 8);
			q[2] = (uint8_t)v;
		}
	} else {
		for (i = 0; i < full; i++)
			if (jwtauth__b64_dec[s[i]] & 0x80u)
				return jwtauth__fail(err, JWTAUTH_ERR_B64_CHAR, i,
					"character outside the base64url alphabet");
	}
	i = full;
	o = (full / 4u) * 3u;
	if (rem) {
		a = jwtauth__b64_dec[s[i]];
		b = jwtauth__b64_dec[s[i + 1]];
		c = rem == 3 ? jwtauth__b64_dec[s[i + 2]] : 0;
		if ((a | b | c) & 0x80u)
			return jwtauth__fail(err, JWTAUTH_ERR_B64_CHAR,
				jwtauth__b64_bad(s, i, in_len), "character outside the base64url alphabet");
		/* RFC 4648 section 3.5: the pad bits of the last character must be zero */
		if ((rem == 2 && (b & 0x0Fu)) || (rem == 3 && (c & 0x03u)))
			return jwtauth__fail(err, JWTAUTH_ERR_B64_NONCANONICAL, in_len - 1,
				"non-zero unused bits in the last base64url character");
		if (out) {
			out[o] = (uint8_t)((a << 2) | (b >> 4));
			if (rem == 3) out[o + 1] = (uint8_t)((b << 4) | (c >> 2));
		}
		o += rem - 1u;
	}
	if (out_len) *out_len = o;
	jwtauth__clear_error(err);
	return JWTAUTH_OK;
}

JWTAUTH_DEF int jwtauth_b64url_encode(const uint8_t *in, size_t in_len,
	char *out, size_t cap, size_t *out_len)
{
	size_t need, i, o = 0;
	uint32_t v;

	if (out_len) *out_len = 0;
	if ((!in && in_len) || (!out && cap)) return JWTAUTH_ERR_ARGUMENT;
	/* keep JWTAUTH_B64URL_ENCODED_LEN from overflowing size_t */
	if (in_len > ((size_t)-1 / 4u) * 3u - 3u) return JWTAUTH_ERR_TOO_LARGE;
	need = JWTAUTH_B64URL_ENCODED_LEN(in_len);
	if (out_len) *out_len = need;
	if (!out) return JWTAUTH_OK; /* length query (cap is 0 here) */
	if (need > cap) return JWTAUTH_ERR_BUFFER_TOO_SMALL;
	for (i = 0; i + 3 <= in_len; i += 3) {
		v = ((uint32_t)in[i] << 16) | ((uint32_t)in[i + 1] << 8) | in[i + 2];
		out[o] = jwtauth__b64_enc[v >> 18];
		out[o + 1] = jwtauth__b64_enc[(v >> 12) & 63u];
		out[o + 2] = jwtauth__b64_enc[(v >> 6) & 63u];
		out[o + 3] = jwtauth__b64_enc[v & 63u];
		o += 4;
	}
	if (in_len - i == 1) {
		v = (uint32_t)in[i] << 16;
		out[o] = jwtauth__b64_enc[v >> 18];
		out[o + 1] = jwtauth__b64_enc[(v >> 12) & 63u];
	} else if (in_len - i == 2) {
		v = ((uint32_t)in[i] << 16) | ((uint32_t)in[i + 1] << 8);
		out[o] = jwtauth__b64_enc[v >> 18];
		out[o + 1] = jwtauth__b64_enc[(v >> 12) & 63u];
		out[o + 2] = jwtauth__b64_enc[(v >> 6) & 63u];
	}
	return JWTAUTH_OK;
}

/* ------------------------------------------------------- JSON (RFC 8259)
   Iterative: no recursion at all. An open container keeps its parent's
   index in its `next` field until it closes (then `next` gets its real
   value), so the token array itself is the stack and depth costs no memory.
   Duplicate names are found when an object closes, by sorting its names
   (O(members log members), see "duplicate member names" below). */

#define JWTAUTH__JNONE 0xFFFFFFFFu /* "no parent": the root's link */

/* RFC 8259 section 2: insignificant whitespace is exactly these four. */
static size_t jwtauth__jskip_ws(const unsigned char *s, size_t len, size_t p)
{
	/* one compare for the common case: no whitespace at all */
	while (p < len && s[p] <= ' '
	       && (s[p] == ' ' || s[p] == '\n' || s[p] == '\r' || s[p] == '\t')) p++;
	return p;
}

/* Value of the four hex digits at s[i..i+4), or -1 (also when cut short). */
static long jwtauth__hex4(const unsigned char *s, size_t n, size_t i)
{
	long v = 0;
	size_t k;
	if (i > n || n - i < 4) return -1;
	for (k = 0; k < 4; k++) {
		unsigned c = s[i + k];
		if (c >= '0' && c <= '9') c -= '0';
		else if (c >= 'a' && c <= 'f') c -= 'a' - 10;
		else if (c >= 'A' && c <= 'F') c -= 'A' - 10;
		else return -1;
		v = (v << 4) | (long)c;
	}
	return v;
}

/* Validate the escape at s[p] == '\\' (RFC 8259 section 7); *pp moves past it. */
static int jwtauth__jescape(const unsigned char *s, size_t len, size_t *pp,
	jwtauth_error *err)
{
	size_t p = *pp;
	long h, lo;
	if (p + 1 >= len)
		return jwtauth__fail(err, JWTAUTH_ERR_JSON_SYNTAX, len, "unterminated string");
	switch (s[p + 1]) {
	case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
		*pp = p + 2;
		return JWTAUTH_OK;
	case 'u':
		h = jwtauth__hex4(s, len, p + 2);
		if (h < 0)
			return jwtauth__fail(err, JWTAUTH_ERR_JSON_ESCAPE, p,
				"\\u must be followed by four hex digits");
		if (h >= 0xDC00 && h <= 0xDFFF)
			return jwtauth__fail(err, JWTAUTH_ERR_JSON_ESCAPE, p,
				"lone low surrogate escape");
		if (h >= 0xD800 && h <= 0xDBFF) {
			/* RFC 8259 section 7: a high surrogate must pair with a low one */
			lo = (p + 7 < len && s[p + 6] == '\\' && s[p + 7] == 'u')
				? jwtauth__hex4(s, len, p + 8) : -1;
			if (lo < 0xDC00 || lo > 0xDFFF)
				return jwtauth__fail(err, JWTAUTH_ERR_JSON_ESCAPE, p,
					"high surrogate escape not followed by a low surrogate");
			*pp = p + 12;
			return JWTAUTH_OK;
		}
		*pp = p + 6;
		return JWTAUTH_OK;
	default:
		return jwtauth__fail(err, JWTAUTH_ERR_JSON_ESCAPE, p, "invalid escape character");
	}
}

/* Validate the UTF-8 sequence led by s[p] >= 0x80 (RFC 3629 section 4). */
static int jwtauth__jutf8(const unsigned char *s, size_t len, size_t *pp,
	jwtauth_error *err)
{
	size_t p = *pp, n, k;
	unsigned c = s[p], lo = 0x80, hi = 0xBF;
	const char *why = "invalid UTF-8 sequence";
	if (c < 0xC0) return jwtauth__fail(err, JWTAUTH_ERR_JSON_UTF8, p, "unexpected UTF-8 continuation byte");
	if (c < 0xC2) return jwtauth__fail(err, JWTAUTH_ERR_JSON_UTF8, p, "overlong UTF-8 sequence");
	if (c < 0xE0) n = 1;
	else if (c < 0xF0) {
		n = 2;
		if (c == 0xE0) { lo = 0xA0; why = "overlong UTF-8 sequence"; }
		else if (c == 0xED) { hi = 0x9F; why = "UTF-8 encoded surrogate"; }
	} else if (c < 0xF5) {
		n = 3;
		if (c == 0xF0) { lo = 0x90; why = "overlong UTF-8 sequence"; }
		else if (c == 0xF4) { hi = 0x8F; why = "UTF-8 code point above U+10FFFF"; }
	} else return jwtauth__fail(err, JWTAUTH_ERR_JSON_UTF8, p, "invalid UTF-8 lead byte");
	for (k = 1; k <= n; k++) {
		if (p + k >= len || (s[p + k] & 0xC0u) != 0x80u)
			return jwtauth__fail(err, JWTAUTH_ERR_JSON_UTF8, p + k, "truncated UTF-8 sequence");
		/* only the second byte has a narrowed range */
		if (k == 1 && (s[p + 1] < lo || s[p + 1] > hi))
			return jwtauth__fail(err, JWTAUTH_ERR_JSON_UTF8, p, why);
	}
	*pp = p + n + 1;
	return JWTAUTH_OK;
}

/* 1 when c ends a run of plain string bytes: '"', '\\', a control byte
   or a non-ASCII one. Computed, not looked up, so that no memory access
   depends on a plain byte's value (a JWK secret is one). */
static int jwtauth__jstr_stop(unsigned c)
{
	return (c - 0x20u) >= 0x60u || c == '"' || c == '\\';
}

/* The same for eight bytes at once: bit 7 of each byte of the result is
   set for a byte that stops (exactly so up to the first one, in memory
   order; later bytes may show false positives, which only matters to a
   caller that looks past the first). */
static uint64_t jwtauth__jstr_stop8(const unsigned char *p)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	uint64_t w, q, b;
	memcpy(&w, p, 8);
	q = w ^ (ones * '"');
	b = w ^ (ones * '\\');
	/* a byte below 0x20, a zero byte in q or b, a byte with bit 7 set */
	return (((w - ones * 0x20u) & ~w) | ((q - ones) & ~q) | ((b - ones) & ~b) | w) & highs;
}

/* Index of the first stopping byte in s[p..len), or len. */
static size_t jwtauth__jstr_run(const unsigned char *s, size_t len, size_t p)
{
	uint64_t m;
	while (len - p >= 8) {
		if ((m = jwtauth__jstr_stop8(s + p)) != 0) {
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
			/* the lowest flagged byte is the first in memory, and exact */
			return p + (size_t)(__builtin_ctzll(m) >> 3);
#else
			break;
#endif
		}
		p += 8;
	}
	while (p < len && !jwtauth__jstr_stop(s[p])) p++;
	return p;
}

/* Scan the string whose quote is at s[*pp] into *t; *pp moves past it. */
static int jwtauth__jstring(const unsigned char *s, size_t len, size_t *pp,
	jwtauth_json_tok *t, jwtauth_error *err)
{
	size_t p = *pp + 1, start = p;
	uint8_t esc = 0;
	int rc;
	for (;;) {
		/* hot loop: runs of plain ASCII, eight bytes a step */
		p = jwtauth__jstr_run(s, len, p);
		if (p >= len)
			return jwtauth__fail(err, JWTAUTH_ERR_JSON_SYNTAX, len, "unterminated string");
		/* s[p] stops the run: which of the four kinds */
		if (s[p] == '"') {
			t->type = JWTAUTH_JSON_STRING;
			t->start = (uint32_t)start;
			t->len = (uint32_t)(p - start);
			t->count = 0;
			t->escaped = esc;
			*pp = p + 1;
			return JWTAUTH_OK;
		}
		if (s[p] == '\\') {
			esc = 1;
			if ((rc = jwtauth__jescape(s, len, &p, err)) != 0) return rc;
		} else if (s[p] < 0x20) {
			return jwtauth__fail(err, JWTAUTH_ERR_JSON_CONTROL, p,
				"unescaped control character in string");
		} else if ((rc = jwtauth__jutf8(s, len, &p, err)) != 0) {
			return rc;   /* non-ASCII: a UTF-8 sequence (RFC 3629) */
		}
	}
}

/* Scan a number at s[*pp] (RFC 8259 section 6 grammar); *pp moves past it. */
static int jwtauth__jnumber(const unsigned char *s, size_t len, size_t *pp,
	jwtauth_error *err)
{
	size_t p = *pp;
	if (p < len && s[p] == '-') p++;
	if (p >= len || s[p] < '0' || s[p] > '9')
		return jwtauth__fail(err, JWTAUTH_ERR_JSON_NUMBER, p, "digit expected in number");
	if (s[p] == '0') {
		p++;
	} else {
		while (p < len && s[p] >= '0' && s[p] <= '9') p++;
	}
	if (p < len && s[p] == '.') {
		p++;
		if (p >= len || s[p] < '0' || s[p] > '9')
			return jwtauth__fail(err, JWTAUTH_ERR_JSON_NUMBER, p, "digit expected after '.'");
		while (p < len && s[p] >= '0' && s[p] <= '9') p++;
	}
	if (p < len && (s[p] == 'e' || s[p] == 'E')) {
		p++;
		if (p < len && (s[p] == '+' || s[p] == '-')) p++;
		if (p >= len || s[p] < '0' || s[p] > '9')
			return jwtauth__fail(err, JWTAUTH_ERR_JSON_NUMBER, p, "digit expected in exponent");
		while (p < len && s[p] >= '0' && s[p] <= '9') p++;
	}
	/* "01", "1.2.3", "1e2e3": number-like bytes right after a complete number */
	if (p < len && ((s[p] >= '0' && s[p] <= '9') || s[p] == '.' || s[p] == 'e'
	    || s[p] == 'E' || s[p] == '+' || s[p] == '-'))
		return jwtauth__fail(err, JWTAUTH_ERR_JSON_NUMBER, p,
			s[*pp + (s[*pp] == '-')] == '0' && (s[p] >= '0' && s[p] <= '9')
			? "leading zero in number" : "unexpected character in number");
	*pp = p;
	return JWTAUTH_OK;
}

/* Unescape one escape at p[*pi] == '\\' into out (UTF-8); returns the byte
   count. Input comes from a successful parse; bounds are checked anyway. */
static unsigned jwtauth__junescape(const char *p, size_t n, size_t *pi, uint8_t *out)
{
	const unsigned char *s = (const unsigned char *)p;
	size_t i = *pi;
	long h, lo;
	unsigned long cp;
	if (i + 1 >= n) { *pi = i + 1; out[0] = '\\'; return 1; }
	*pi = i + 2;
	switch (s[i + 1]) {
	case 'b': out[0] = '\b'; return 1;
	case 'f': out[0] = '\f'; return 1;
	case 'n': out[0] = '\n'; return 1;
	case 'r': out[0] = '\r'; return 1;
	case 't': out[0] = '\t'; return 1;
	case 'u':
		h = jwtauth__hex4(s, n, i + 2);
		if (h < 0) { *pi = i + 1; out[0] = '\\'; return 1; }
		cp = (unsigned long)h;
		i += 6;
		if (h >= 0xD800 && h <= 0xDBFF && i + 1 < n && s[i] == '\\' && s[i + 1] == 'u'
		    && (lo = jwtauth__hex4(s, n, i + 2)) >= 0xDC00 && lo <= 0xDFFF) {
			/* RFC 8259 section 7 / RFC 2781: surrogate pair to code point */
			cp = 0x10000ul + (((unsigned long)h - 0xD800ul) << 10) + ((unsigned long)lo - 0xDC00ul);
			i += 6;
		}
		*pi = i;
		if (cp < 0x80) { out[0] = (uint8_t)cp; return 1; }
		if (cp < 0x800) {
			out[0] = (uint8_t)(0xC0 | (cp >> 6));
			out[1] = (uint8_t)(0x80 | (cp & 0x3F));
			return 2;
		}
		if (cp < 0x10000ul) {
			out[0] = (uint8_t)(0xE0 | (cp >> 12));
			out[1] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
			out[2] = (uint8_t)(0x80 | (cp & 0x3F));
			return 3;
		}
		out[0] = (uint8_t)(0xF0 | (cp >> 18));
		out[1] = (uint8_t)(0x80 | ((cp >> 12) & 0x3F));
		out[2] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
		out[3] = (uint8_t)(0x80 | (cp & 0x3F));
		return 4;
	default: /* '"', '\\', '/' stand for themselves */
		out[0] = s[i + 1];
		return 1;
	}
}

/* A byte stream over a string body, unescaping it when `esc` is set. */
typedef struct jwtauth__jcursor {
	const char *p;
	size_t i, n;
	int esc;
	unsigned bi, bn;
	uint8_t buf[4];
} jwtauth__jcursor;

/* Next unescaped byte, or -1 at the end. */
static int jwtauth__jcursor_next(jwtauth__jcursor *c)
{
	unsigned char b;
	if (c->bi < c->bn) return c->buf[c->bi++];
	if (c->i >= c->n) return -1;
	b = (unsigned char)c->p[c->i];
	if (!c->esc || b != '\\') { c->i++; return b; }
	c->bn = jwtauth__junescape(c->p, c->n, &c->i, c->buf);
	c->bi = 1;
	return c->buf[0];
}

/* Equality of two string bodies after unescaping those flagged escaped. */
static int jwtauth__jstr_same(const char *a, size_t alen, int aesc,
	const char *b, size_t blen, int besc)
{
	jwtauth__jcursor x, y;
	int cx, cy;
	/* raw names: length, then first byte inline (most names differ there),
	   then the rest */
	if (!aesc && !besc)
		return alen == blen && (alen == 0 || (a[0] == b[0] && memcmp(a, b, alen) == 0));
	/* unescaping only shrinks, so a raw side longer than the escaped one can't match */
	if ((!aesc && alen > blen) || (!besc && blen > alen)) return 0;
	x.p = a; x.i = 0; x.n = alen; x.esc = aesc; x.bi = x.bn = 0;
	y.p = b; y.i = 0; y.n = blen; y.esc = besc; y.bi = y.bn = 0;
	do {
		cx = jwtauth__jcursor_next(&x);
		cy = jwtauth__jcursor_next(&y);
		if (cx != cy) return 0;
	} while (cx >= 0);
	return 1;
}

/* ---- duplicate member names (RFC 7515 section 5.2, RFC 7519 section 4) ----
   RFC 8259 section 4 leaves duplicates undefined; JWS and JWT require
   refusing them. The check runs on the header before any signature check,
   so it must cost little whatever names an attacker picks. Comparing each
   new name with all the earlier ones is quadratic: about 250 escaped names
   in an 8 KB header cost over 1 ms that way.

   So an object's names are checked when the object closes. Up to
   JWTAUTH__JDUP_SMALL (8) names, pair by pair: at most 28 comparisons, 3.5
   a name. Above that they are sorted, and duplicates are then neighbours.
   The sort key is (16-bit tag, unescaped bytes): the tag, a hash of the
   unescaped bytes, settles most comparisons in one integer compare; equal
   tags always fall back to an exact comparison of the unescaped bytes, so
   a hash never decides. The sort is a stable bottom-up merge sort of a
   linked list: at most n * ceil(log2 n) comparisons for n names, whatever
   the names. That bound is by design, not by luck: an unkeyed hash (there
   is no randomness here) can be made to collide at will, and with every
   tag equal each comparison costs at most the length of the name it
   places, so a merge pass reads each name at most once and the check
   reads the names' text at most ceil(log2 n) + 2 times: O(text * log n)
   instead of O(names^2) (a token's header has at most 255 names, by
   JWTAUTH_MAX_JSON_TOKENS: 8 passes).
   Memory: a few locals, no table and no heap. While an object is sorted,
   a name token's `next` (always index + 1 for a name) holds the list link
   and its `count` (always 0 for a string) holds the tag; both are
   restored before the check returns.

   The reported error stays that of a check at each name: the first
   problem in reading order wins, and a duplicate is reported at the
   second name's opening quote. Any other error found while objects are
   still open first looks for a duplicate among their names so far
   (jwtauth__jdup_open): those names all precede it. */

/* Test hooks (tests/t_jsondup.c): count the exact comparisons; replace
   every tag (to make all names collide). */
#ifndef JWTAUTH__JNAME_CMP_HOOK
#define JWTAUTH__JNAME_CMP_HOOK() ((void)0)
#endif
#ifndef JWTAUTH__JNAME_TAG_HOOK
#define JWTAUTH__JNAME_TAG_HOOK(tag) (tag)
#endif

/* 16-bit tag of a name: FNV-1a over its unescaped bytes, folded. */
static uint16_t jwtauth__jname_tag(const char *js, const jwtauth_json_tok *t)
{
	uint32_t h = 0x811C9DC5u;
	const unsigned char *p = (const unsigned char *)js + t->start;
	size_t i;
	int c;
	if (!t->escaped) {
		for (i = 0; i < t->len; i++) h = (h ^ p[i]) * 0x01000193u;
	} else {
		jwtauth__jcursor x;
		x.p = js + t->start; x.i = 0; x.n = t->len; x.esc = 1; x.bi = x.bn = 0;
		while ((c = jwtauth__jcursor_next(&x)) >= 0) h = (h ^ (uint32_t)c) * 0x01000193u;
	}
	return (uint16_t)(h ^ (h >> 16));
}

/* Bytes of the escape at p[i] == '\\': 2, 6 for \uXXXX, 12 for a
   surrogate pair (one unit: its halves decode only together). */
static size_t jwtauth__jesc_len(const char *p, size_t i)
{
	if (p[i + 1] != 'u') return 2;
	return ((p[i + 2] == 'd' || p[i + 2] == 'D') && (p[i + 3] == '8' || p[i + 3] == '9'
		|| p[i + 3] == 'a' || p[i + 3] == 'A' || p[i + 3] == 'b' || p[i + 3] == 'B')) ? 12 : 6;
}

/* Exact order of two names by their unescaped bytes (lexicographic, a
   prefix first); 0 exactly when they are equal. */
static int jwtauth__jname_order(const char *js, const jwtauth_json_tok *a,
	const jwtauth_json_tok *b)
{
	jwtauth__jcursor x, y;
	int cx, cy, r;
	size_t el;
	JWTAUTH__JNAME_CMP_HOOK();
	if (!a->escaped && !b->escaped) {
		r = memcmp(js + a->start, js + b->start, a->len < b->len ? a->len : b->len);
		if (r) return r < 0 ? -1 : 1;
		return a->len == b->len ? 0 : a->len < b->len ? -1 : 1;
	}
	x.p = js + a->start; x.i = 0; x.n = a->len; x.esc = a->escaped; x.bi = x.bn = 0;
	y.p = js + b->start; y.i = 0; y.n = b->len; y.esc = b->escaped; y.bi = y.bn = 0;
	for (;;) {
		/* the same escape spelled the same way on both sides (an
		   attacker's names share long runs of them): equal bytes, so skip
		   it without decoding. Both cursors stay on escape boundaries,
		   so what is compared is still exactly the unescaped bytes. */
		if (x.bi == x.bn && y.bi == y.bn && x.i < x.n && y.i < y.n
		    && x.p[x.i] == '\\' && y.p[y.i] == '\\') {
			el = jwtauth__jesc_len(x.p, x.i);
			if (x.n - x.i >= el && y.n - y.i >= el && memcmp(x.p + x.i, y.p + y.i, el) == 0) {
				x.i += el;
				y.i += el;
				continue;
			}
		}
		cx = jwtauth__jcursor_next(&x);
		cy = jwtauth__jcursor_next(&y);
		if (cx != cy) return cx < cy ? -1 : 1; /* the end (-1) sorts first */
		if (cx < 0) return 0;
	}
}

/* Sort order of two names: tag, then the exact order. */
static int jwtauth__jname_cmp(const char *js, const jwtauth_json_tok *a,
	const jwtauth_json_tok *b)
{
	if (a->count != b->count) return a->count < b->count ? -1 : 1;
	return jwtauth__jname_order(js, a, b);
}

/* Stable bottom-up merge sort of the name list `list` (links in `next`):
   ceil(log2 n) passes of at most n comparisons each, no recursion, no
   buffer. Returns the new head. */
static uint32_t jwtauth__jname_sort(const char *js, jwtauth_json_tok *toks, uint32_t list)
{
	size_t width = 1, merges, ps, qs;
	uint32_t p, q, e, tail;
	for (;;) {
		p = list;
		list = tail = JWTAUTH__JNONE;
		merges = 0;
		while (p != JWTAUTH__JNONE) {
			merges++;
			/* merge the runs at p (ps names) and q (up to qs names) */
			q = p;
			for (ps = 0; ps < width && q != JWTAUTH__JNONE; ps++) q = toks[q].next;
			qs = width;
			while (ps > 0 || (qs > 0 && q != JWTAUTH__JNONE)) {
				/* ties take p, the earlier run: equal names stay in
				   document order */
				if (ps > 0 && (qs == 0 || q == JWTAUTH__JNONE
				    || jwtauth__jname_cmp(js, &toks[p], &toks[q]) <= 0)) {
					e = p; p = toks[p].next; ps--;
				} else {
					e = q; q = toks[q].next; qs--;
				}
				if (tail == JWTAUTH__JNONE) list = e;
				else toks[tail].next = e;
				tail = e;
			}
			p = q;
		}
		if (tail != JWTAUTH__JNONE) toks[tail].next = JWTAUTH__JNONE;
		if (merges <= 1) return list;
		width *= 2;
	}
}

/* Objects of at most this many names are checked pair by pair: at most
   8 * 7 / 2 = 28 comparisons, still linear, and cheaper than tagging and
   sorting the few names of a usual header or payload. */
#ifndef JWTAUTH__JDUP_SMALL
#define JWTAUTH__JDUP_SMALL 8
#endif

/* The earliest name of object `obj` (its members before token `end`) that
   equals an earlier name of the same object, or JWTAUTH__JNONE. The
   members' values before `end` are complete; a last name whose value has
   not been read is included (obj's count includes it). */
static uint32_t jwtauth__jdup_first(const char *js, jwtauth_json_tok *toks,
	size_t obj, size_t end)
{
	uint32_t list = JWTAUTH__JNONE, last = JWTAUTH__JNONE, dup = JWTAUTH__JNONE, p, q;
	size_t i = obj + 1, names = 0, j;
	const jwtauth_json_tok *a, *b;
	if (toks[obj].count <= JWTAUTH__JDUP_SMALL) {
		for (j = obj + 1; j < end; j = toks[j + 1].next) {
			b = &toks[j];
			for (i = obj + 1; i < j; i = toks[i + 1].next) {
				a = &toks[i];
				/* raw names of another length or first byte differ (an
				   empty name's first byte is its closing quote) */
				if (((a->len == b->len && js[a->start] == js[b->start]) || a->escaped || b->escaped)
				    && jwtauth__jname_order(js, a, b) == 0)
					return (uint32_t)j;
			}
			if (j + 1 >= end || toks[j + 1].next <= j + 1) break;
		}
		return JWTAUTH__JNONE;
	}
	/* link the names in document order; tag each */
	while (i < end) {
		toks[i].count = JWTAUTH__JNAME_TAG_HOOK(jwtauth__jname_tag(js, &toks[i]));
		if (last == JWTAUTH__JNONE) list = (uint32_t)i;
		else toks[last].next = (uint32_t)i;
		last = (uint32_t)i;
		names++;
		if (i + 1 >= end || toks[i + 1].next <= i + 1) break;
		i = toks[i + 1].next; /* earlier members are complete: next is final */
	}
	if (names < 2) {
		if (names) toks[list].count = 0;
		return JWTAUTH__JNONE;
	}
	toks[last].next = JWTAUTH__JNONE;
	list = jwtauth__jname_sort(js, toks, list);
	/* equal names are neighbours, the earlier first: the second of each
	   equal pair repeats a name, and the earliest such is reported */
	for (p = list; (q = toks[p].next) != JWTAUTH__JNONE; p = q)
		if (q < dup && jwtauth__jname_cmp(js, &toks[p], &toks[q]) == 0) dup = q;
	/* restore what the names held: next = index + 1, count = 0 */
	for (p = list; p != JWTAUTH__JNONE; p = q) {
		q = toks[p].next;
		toks[p].next = p + 1;
		toks[p].count = 0;
	}
	return dup;
}

/* After an error found with container `cur` open and its tokens before
   `end` read (or a duplicate `dup` found in a child of cur that closed at
   `end`): a duplicate among the names read so far in any open object comes
   earlier in the text, so it is the error to report (as a check at each
   name would have). Returns rc or JSON_DUPLICATE. */
static int jwtauth__jdup_open(const char *js, jwtauth_json_tok *toks,
	uint32_t cur, size_t end, uint32_t dup, int rc, jwtauth_error *err)
{
	uint32_t d;
	/* an open container's `next` is its parent; its members end where
	   its open child (or the input read so far) begins */
	while (cur != JWTAUTH__JNONE) {
		if (toks[cur].type == JWTAUTH_JSON_OBJECT
		    && (d = jwtauth__jdup_first(js, toks, cur, end)) < dup)
			dup = d;
		end = cur;
		cur = toks[cur].next;
	}
	if (dup == JWTAUTH__JNONE) return rc;
	return jwtauth__fail(err, JWTAUTH_ERR_JSON_DUPLICATE, (size_t)toks[dup].start - 1,
		"duplicate member name");
}

/* Add one to a container's count, saturating at 65535. */
static void jwtauth__jcount(jwtauth_json_tok *t)
{
	if (t->count != 0xFFFFu) t->count++;
}

/* An error inside the parse loop (see jwtauth__jdup_open). */
#define JWTAUTH__JFAIL(code, off, msg) \
	do { rc = jwtauth__fail(err, (code), (off), msg); goto fail; } while (0)

JWTAUTH_DEF int jwtauth_json_parse(const char *js, size_t len,
	jwtauth_json_tok *toks, size_t max_toks, size_t max_depth,
	size_t *ntoks, jwtauth_error *err)
{
	const unsigned char *s = (const unsigned char *)js;
	size_t pos, n = 0, depth = 0;
	uint32_t cur = JWTAUTH__JNONE, parent, dup;
	jwtauth_json_tok *t;
	unsigned char c;
	int rc;

	if (ntoks) *ntoks = 0;
	if ((!js && len) || (!toks && max_toks))
		return jwtauth__fail(err, JWTAUTH_ERR_ARGUMENT, 0, "NULL argument");
	if (len > 0x7fffffffu)
		return jwtauth__fail(err, JWTAUTH_ERR_TOO_LARGE, 0, "JSON text over 2 GiB (32-bit offsets)");
	if (max_depth == 0) max_depth = JWTAUTH_MAX_JSON_DEPTH;
	/* RFC 8259 section 8.1: a BOM must not be added; we treat it as an error */
	if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
		return jwtauth__fail(err, JWTAUTH_ERR_JSON_SYNTAX, 0, "byte-order mark not allowed");
	pos = jwtauth__jskip_ws(s, len, 0);
	if (pos >= len)
		return jwtauth__fail(err, JWTAUTH_ERR_JSON_SYNTAX, pos, "empty JSON text");

value: /* a value must start at s[pos] (RFC 8259 section 3) */
	if (pos >= len)
		JWTAUTH__JFAIL(JWTAUTH_ERR_JSON_SYNTAX, len, "unexpected end, value expected");
	if (n >= max_toks)
		JWTAUTH__JFAIL(JWTAUTH_ERR_JSON_TOKENS, pos, "more JSON values than token slots");
	t = &toks[n];
	if (cur != JWTAUTH__JNONE && toks[cur].type == JWTAUTH_JSON_ARRAY) jwtauth__jcount(&toks[cur]);
	c = s[pos];
	switch (c) {
	case '{': case '[':
		if (++depth > max_depth)
			JWTAUTH__JFAIL(JWTAUTH_ERR_JSON_DEPTH, pos, "JSON nesting too deep");
		t->type = (uint8_t)(c == '{' ? JWTAUTH_JSON_OBJECT : JWTAUTH_JSON_ARRAY);
		t->start = (uint32_t)pos;
		t->len = 0;
		t->count = 0;
		t->escaped = 0;
		t->next = cur; /* parent link until the closer (see above) */
		cur = (uint32_t)n++;
		pos = jwtauth__jskip_ws(s, len, pos + 1);
		if (pos >= len)
			JWTAUTH__JFAIL(JWTAUTH_ERR_JSON_SYNTAX, len, "unexpected end in container");
		if (s[pos] == (c == '{' ? '}' : ']')) goto close;
		if (c == '[') goto value;
		goto name;
	case '"':
		if ((rc = jwtauth__jstring(s, len, &pos, t, err)) != 0) goto fail;
		break;
	case '-': case '0': case '1': case '2': case '3': case '4':
	case '5': case '6': case '7': case '8': case '9':
		t->start = (uint32_t)pos;
		if ((rc = jwtauth__jnumber(s, len, &pos, err)) != 0) goto fail;
		t->type = JWTAUTH_JSON_NUMBER;
		t->len = (uint32_t)(pos - t->start);
		t->count = 0;
		t->escaped = 0;
		break;
	case 't': case 'f': case 'n':
		/* RFC 8259 section 3: the literal names are lowercase only */
		t->type = (uint8_t)(c == 't' ? JWTAUTH_JSON_TRUE : c == 'f' ? JWTAUTH_JSON_FALSE : JWTAUTH_JSON_NULL);
		t->len = c == 'f' ? 5u : 4u;
		if (len - pos < t->len || memcmp(js + pos,
		    c == 't' ? "true" : c == 'f' ? "false" : "null", t->len) != 0)
			JWTAUTH__JFAIL(JWTAUTH_ERR_JSON_SYNTAX, pos, "invalid literal");
		t->start = (uint32_t)pos;
		t->count = 0;
		t->escaped = 0;
		pos += t->len;
		break;
	case '+': case '.': case 'N': case 'I':
		/* +1, .5, NaN, Infinity: number forms outside RFC 8259 section 6 */
		JWTAUTH__JFAIL(JWTAUTH_ERR_JSON_NUMBER, pos, "not a JSON number");
	default:
		JWTAUTH__JFAIL(JWTAUTH_ERR_JSON_SYNTAX, pos, "value expected");
	}
	t->next = (uint32_t)++n;
	goto after;

name: /* a member name must start at s[pos] (RFC 8259 section 4) */
	if (s[pos] != '"')
		JWTAUTH__JFAIL(JWTAUTH_ERR_JSON_SYNTAX, pos, "member name (string) expected");
	if (n >= max_toks)
		JWTAUTH__JFAIL(JWTAUTH_ERR_JSON_TOKENS, pos, "more JSON values than token slots");
	t = &toks[n];
	if ((rc = jwtauth__jstring(s, len, &pos, t, err)) != 0) goto fail;
	t->next = (uint32_t)(n + 1);
	n++;
	jwtauth__jcount(&toks[cur]);
	pos = jwtauth__jskip_ws(s, len, pos);
	if (pos >= len || s[pos] != ':')
		JWTAUTH__JFAIL(JWTAUTH_ERR_JSON_SYNTAX, pos, "':' expected after member name");
	pos = jwtauth__jskip_ws(s, len, pos + 1);
	goto value;

after: /* a value just ended */
	pos = jwtauth__jskip_ws(s, len, pos);
	if (cur == JWTAUTH__JNONE) {
		if (pos != len)
			JWTAUTH__JFAIL(JWTAUTH_ERR_JSON_TRAILING, pos, "bytes after the JSON value");
		if (ntoks) *ntoks = n;
		jwtauth__clear_error(err);
		return JWTAUTH_OK;
	}
	if (pos >= len)
		JWTAUTH__JFAIL(JWTAUTH_ERR_JSON_SYNTAX, len, "unexpected end in container");
	if (s[pos] == ',') {
		pos = jwtauth__jskip_ws(s, len, pos + 1);
		if (pos >= len)
			JWTAUTH__JFAIL(JWTAUTH_ERR_JSON_SYNTAX, len, "unexpected end after ','");
		if (toks[cur].type == JWTAUTH_JSON_OBJECT) goto name;
		goto value;
	}
	if (s[pos] == (toks[cur].type == JWTAUTH_JSON_OBJECT ? '}' : ']')) goto close;
	JWTAUTH__JFAIL(JWTAUTH_ERR_JSON_SYNTAX, pos,
		toks[cur].type == JWTAUTH_JSON_OBJECT ? "',' or '}' expected" : "',' or ']' expected");

close: /* s[pos] closes container `cur` */
	t = &toks[cur];
	parent = t->next;
	/* its names are all read: the duplicate check (see above); an open
	   outer object may hold an earlier one */
	if (t->type == JWTAUTH_JSON_OBJECT && t->count > 1
	    && (dup = jwtauth__jdup_first(js, toks, cur, n)) != JWTAUTH__JNONE)
		return jwtauth__jdup_open(js, toks, parent, cur, dup, JWTAUTH_ERR_JSON_DUPLICATE, err);
	t->len = (uint32_t)(pos + 1 - t->start);
	t->next = (uint32_t)n;
	cur = parent;
	depth--;
	pos++;
	goto after;

fail: /* an earlier duplicate in an open object comes first */
	return jwtauth__jdup_open(js, toks, cur, n, JWTAUTH__JNONE, rc, err);
}
#undef JWTAUTH__JFAIL

JWTAUTH_DEF int jwtauth_json_str_eq(const char *js, const jwtauth_json_tok *tok,
	const char *s, size_t len)
{
	if (!js || !tok || tok->type != JWTAUTH_JSON_STRING || (!s && len)) return 0;
	if (!tok->escaped)
		return tok->len == len && (len == 0 || (js[tok->start] == s[0]
			&& memcmp(js + tok->start, s, len) == 0));
	return jwtauth__jstr_same(js + tok->start, tok->len, 1, s, len, 0);
}

JWTAUTH_DEF long jwtauth_json_get(const char *js, const jwtauth_json_tok *toks,
	size_t ntoks, size_t obj, const char *name, size_t name_len)
{
	size_t i, end;
	if (!js || !toks || obj >= ntoks || toks[obj].type != JWTAUTH_JSON_OBJECT
	    || (!name && name_len))
		return -1;
	end = toks[obj].next < ntoks ? toks[obj].next : ntoks;
	for (i = obj + 1; i + 1 < end; i = toks[i + 1].next) {
		if (jwtauth_json_str_eq(js, &toks[i], name, name_len)) return (long)(i + 1);
		if (toks[i + 1].next <= i + 1) break; /* malformed tokens: never loop */
	}
	return -1;
}

JWTAUTH_DEF int jwtauth_json_str_copy(const char *js, const jwtauth_json_tok *tok,
	char *out, size_t cap, size_t *out_len)
{
	const char *p;
	size_t i = 0, n, o = 0, run;
	uint8_t buf[4];
	unsigned k, m;

	if (out_len) *out_len = 0;
	if (!js || !tok || tok->type != JWTAUTH_JSON_STRING || (!out && cap))
		return JWTAUTH_ERR_ARGUMENT;
	p = js + tok->start;
	n = tok->len;
	while (i < n) {
		/* copy the run up to the next backslash in one go */
		run = i;
		if (tok->escaped) {
			while (run < n && p[run] != '\\') run++;
		} else {
			run = n;
		}
		if (run > i) {
			if (out && o + (run - i) <= cap) memcpy(out + o, p + i, run - i);
			o += run - i;
			i = run;
			continue;
		}
		m = jwtauth__junescape(p, n, &i, buf);
		for (k = 0; k < m; k++, o++)
			if (out && o < cap) out[o] = (char)buf[k];
	}
	if (out_len) *out_len = o;
	if (out && o > cap) return JWTAUTH_ERR_BUFFER_TOO_SMALL;
	return JWTAUTH_OK;
}

/* ======================================================================
   RSA PUBLIC OPERATION, variable time (verification only)
   s^e mod n on public values: the signature, the modulus and exponent of
   a public key. Nothing secret enters, so branches and memory accesses may
   depend on the data (BearSSL's bearssl_rsa.h says of its signature
   verification engines: "Implementations of this type need not be
   constant-time"). Never use it with a private exponent. Montgomery
   multiplication with 64-bit limbs and 128-bit products (GCC/Clang on
   64-bit targets), else 32-bit limbs and 64-bit products (forced by
   JWTAUTH_RSA_LIMB32). Left-to-right square and
   multiply; the last multiplication takes the plain base, which leaves
   Montgomery form for free (e is odd), so e = 65537 costs one conversion,
   16 squarings and one multiplication.
   ====================================================================== */
#ifndef JWTAUTH_RSA_BEARSSL

#if defined(__SIZEOF_INT128__) && !defined(JWTAUTH_RSA_LIMB32)
#define JWTAUTH__RSA_W 64
typedef uint64_t jwtauth__limb;
__extension__ typedef unsigned __int128 jwtauth__dlimb;
#define JWTAUTH__MONT_LIMBS(m, f) ((m)->f.w64)
#else
#define JWTAUTH__RSA_W 32
typedef uint32_t jwtauth__limb;
typedef uint64_t jwtauth__dlimb;
#define JWTAUTH__MONT_LIMBS(m, f) ((m)->f.w32)
#endif
/* limbs of the largest modulus (4096 bits, BearSSL's limit too) */
#define JWTAUTH__RSA_MAXL (4096 / JWTAUTH__RSA_W)

/* a < b, both len limbs */
static int jwtauth__rsa_lt(const jwtauth__limb *a, const jwtauth__limb *b, size_t len)
{
	while (len-- > 0)
		if (a[len] != b[len]) return a[len] < b[len];
	return 0;
}

/* a -= b (len limbs; the borrow out is dropped: callers know a >= b, or
   that the borrow cancels a carry they hold) */
static void jwtauth__rsa_sub(jwtauth__limb *a, const jwtauth__limb *b, size_t len)
{
	jwtauth__limb borrow = 0;
	size_t i;
	for (i = 0; i < len; i++) {
		jwtauth__limb ai = a[i], d = ai - b[i] - borrow;
		borrow = (jwtauth__limb)((ai < b[i]) | ((ai == b[i]) & borrow));
		a[i] = d;
	}
}

/* t[0..len) += m * b[0..len); returns the carry limb. The one inner loop
   of the arithmetic: few live values, so compilers keep them in registers
   (an integrated multiply-and-reduce loop spills with 128-bit products). */
static jwtauth__limb jwtauth__rsa_muladd(jwtauth__limb *t, const jwtauth__limb *b,
	jwtauth__limb m, size_t len)
{
	jwtauth__limb c = 0;
	size_t j;
	for (j = 0; j < len; j++) {
		jwtauth__dlimb p = (jwtauth__dlimb)m * b[j] + t[j] + c;
		t[j] = (jwtauth__limb)p;
		c = (jwtauth__limb)(p >> JWTAUTH__RSA_W);
	}
	return c;
}

/* r = t / R mod n for t < nR held in 2 len limbs (Montgomery reduction, a
   limb a row; hc carries into the next row's top limb). */
static void jwtauth__mont_reduce(jwtauth__limb *r, jwtauth__limb *t,
	const jwtauth__limb *n, jwtauth__limb n0i, size_t len)
{
	jwtauth__limb hc = 0;
	size_t i;
	for (i = 0; i < len; i++) {
		jwtauth__limb c = jwtauth__rsa_muladd(t + i, n, t[i] * n0i, len);
		jwtauth__dlimb p = (jwtauth__dlimb)t[i + len] + c + hc;
		t[i + len] = (jwtauth__limb)p;
		hc = (jwtauth__limb)(p >> JWTAUTH__RSA_W);
	}
	/* (t + u n) / R < 2n: at most one subtraction */
	if (hc != 0 || !jwtauth__rsa_lt(t + len, n, len)) jwtauth__rsa_sub(t + len, n, len);
	memcpy(r, t + len, len * sizeof t[0]);
}

/* r = a * b / R mod n for a, b < n. r may alias a or b. */
static void jwtauth__mont_mul(jwtauth__limb *r, const jwtauth__limb *a,
	const jwtauth__limb *b, const jwtauth__limb *n, jwtauth__limb n0i, size_t len)
{
	jwtauth__limb t[2 * JWTAUTH__RSA_MAXL];
	size_t i;
	memset(t, 0, len * sizeof t[0]);
	for (i = 0; i < len; i++) t[i + len] = jwtauth__rsa_muladd(t + i, b, a[i], len);
	jwtauth__mont_reduce(r, t, n, n0i, len);
}

/* r = a^2 / R mod n for a < n: the cross products once, doubled, plus the
   squares (3/4 of a multiplication's work), then the reduction.
   r may alias a. */
static void jwtauth__mont_sqr(jwtauth__limb *r, const jwtauth__limb *a,
	const jwtauth__limb *n, jwtauth__limb n0i, size_t len)
{
	jwtauth__limb t[2 * JWTAUTH__RSA_MAXL], c;
	jwtauth__dlimb p;
	size_t i;
	memset(t, 0, 2 * len * sizeof t[0]);
	for (i = 0; i + 1 < len; i++)
		t[i + len] = jwtauth__rsa_muladd(t + 2 * i + 1, a + i + 1, a[i], len - i - 1);
	/* double the cross products (twice their sum is below a^2 < R^2) */
	c = 0;
	for (i = 0; i < 2 * len; i++) {
		jwtauth__limb v = t[i];
		t[i] = (jwtauth__limb)(v << 1) | c;
		c = v >> (JWTAUTH__RSA_W - 1);
	}
	/* add the squares a[i]^2 at limb 2i */
	c = 0;
	for (i = 0; i < len; i++) {
		p = (jwtauth__dlimb)a[i] * a[i] + t[2 * i] + c;
		t[2 * i] = (jwtauth__limb)p;
		p = (jwtauth__dlimb)t[2 * i + 1] + (jwtauth__limb)(p >> JWTAUTH__RSA_W);
		t[2 * i + 1] = (jwtauth__limb)p;
		c = (jwtauth__limb)(p >> JWTAUTH__RSA_W);
	}
	jwtauth__mont_reduce(r, t, n, n0i, len);
}

/* t = 2t mod n, for t < n */
static void jwtauth__rsa_double(jwtauth__limb *t, const jwtauth__limb *n, size_t len)
{
	jwtauth__limb c = 0;
	size_t i;
	for (i = 0; i < len; i++) {
		jwtauth__limb v = t[i];
		t[i] = (jwtauth__limb)(v << 1) | c;
		c = v >> (JWTAUTH__RSA_W - 1);
	}
	/* a carry out means 2t >= R > n; the subtraction's borrow cancels it */
	if (c != 0 || !jwtauth__rsa_lt(t, n, len)) jwtauth__rsa_sub(t, n, len);
}

/* big-endian bytes -> len little-endian limbs (src fits) */
static void jwtauth__rsa_decode(jwtauth__limb *d, size_t len, const uint8_t *src,
	size_t n)
{
	size_t i;
	memset(d, 0, len * sizeof d[0]);
	for (i = 0; i < n; i++)
		d[i / (JWTAUTH__RSA_W / 8)] |= (jwtauth__limb)src[n - 1 - i]
			<< (8 * (i % (JWTAUTH__RSA_W / 8)));
}

static void jwtauth__rsa_encode(uint8_t *dst, size_t n, const jwtauth__limb *s)
{
	size_t i;
	for (i = 0; i < n; i++)
		dst[n - 1 - i] = (uint8_t)(s[i / (JWTAUTH__RSA_W / 8)]
			>> (8 * (i % (JWTAUTH__RSA_W / 8))));
}

/* Constants of an odd modulus of nlen bytes (no leading zero, at most 4096
   bits): its limbs, -n^-1 mod 2^W and R^2 mod n. Returns the limb count. */
static size_t jwtauth__rsa_setup(const uint8_t *nb, size_t nlen, jwtauth__limb *n,
	jwtauth__limb *rr, jwtauth__limb *n0i)
{
	size_t len = (nlen + JWTAUTH__RSA_W / 8 - 1) / (JWTAUTH__RSA_W / 8), i, bits;
	jwtauth__limb y, top;
	jwtauth__rsa_decode(n, len, nb, nlen);
	/* Newton's iteration doubles the correct low bits: 3 (an odd number is
	   its own inverse mod 8), 6, 12, 24, 48, 96 */
	y = n[0];
	for (i = 0; i < 5; i++) y = (jwtauth__limb)(y * (jwtauth__limb)(2 - n[0] * y));
	*n0i = (jwtauth__limb)(0 - y);
	/* R mod n: 2^(bits-1) < n, doubled up to 2^(W*len) */
	for (top = n[len - 1], bits = (len - 1) * JWTAUTH__RSA_W; top; top >>= 1) bits++;
	memset(rr, 0, len * sizeof rr[0]);
	rr[(bits - 1) / JWTAUTH__RSA_W] = (jwtauth__limb)1 << ((bits - 1) % JWTAUTH__RSA_W);
	for (i = bits - 1; i < len * JWTAUTH__RSA_W; i++) jwtauth__rsa_double(rr, n, len);
	/* R * 2^len mod n is 2^len in Montgomery form; log2(W) squarings make
	   it (2^len)^W = R in Montgomery form, that is R^2 mod n */
	for (i = 0; i < len; i++) jwtauth__rsa_double(rr, n, len);
	for (i = 1; i < JWTAUTH__RSA_W; i <<= 1) jwtauth__mont_sqr(rr, rr, n, *n0i, len);
	return len;
}

/* x = x^e mod n for x < n; e big-endian (any length, leading zeros
   allowed). Variable time. */
static void jwtauth__rsa_pow(jwtauth__limb *x, const uint8_t *e, size_t elen,
	const jwtauth__limb *n, const jwtauth__limb *rr, jwtauth__limb n0i, size_t len)
{
	jwtauth__limb xm[JWTAUTH__RSA_MAXL], y[JWTAUTH__RSA_MAXL];
	int mont = 1, bit;
	size_t i;
	while (elen > 0 && e[0] == 0) { e++; elen--; }
	jwtauth__mont_mul(xm, x, rr, n, n0i, len);         /* x R mod n */
	if (elen == 0) {
		/* x^0 = 1 mod n: R mod n (the Montgomery 1), converted below */
		memset(y, 0, len * sizeof y[0]);
		y[0] = 1;
		jwtauth__mont_mul(y, y, rr, n, n0i, len);
	} else {
		memcpy(y, xm, len * sizeof y[0]);
		for (bit = 7; !((e[0] >> bit) & 1); bit--) continue;
		/* the bits after the leading one */
		for (i = 0; i < elen; i++) {
			for (bit = i == 0 ? bit - 1 : 7; bit >= 0; bit--) {
				jwtauth__mont_sqr(y, y, n, n0i, len);
				if (!((e[i] >> bit) & 1)) continue;
				if (i + 1 == elen && bit == 0) {
					/* last bit: times the plain x leaves Montgomery form */
					jwtauth__mont_mul(y, y, x, n, n0i, len);
					mont = 0;
				} else {
					jwtauth__mont_mul(y, y, xm, n, n0i, len);
				}
			}
		}
	}
	if (mont) {
		memset(xm, 0, len * sizeof xm[0]);
		xm[0] = 1;
		jwtauth__mont_mul(y, y, xm, n, n0i, len);
	}
	memcpy(x, y, len * sizeof x[0]);
}

/* Precompute a key's constants (at load). */
static void jwtauth__rsa_mont_init(jwtauth_rsa_mont *m, const uint8_t *n, size_t n_len)
{
	jwtauth__limb n0i;
	memset(m, 0, sizeof *m);
	if (n_len == 0 || n_len > 512 || n_len > sizeof m->n || !(n[n_len - 1] & 1u)) return;
	m->len = (uint32_t)jwtauth__rsa_setup(n, n_len, JWTAUTH__MONT_LIMBS(m, n),
		JWTAUTH__MONT_LIMBS(m, rr), &n0i);
	m->n0i = n0i;
	m->limb_bits = JWTAUTH__RSA_W;
}

JWTAUTH_DEF uint32_t jwtauth_rsa_public(unsigned char *x, size_t xlen,
	const br_rsa_public_key *pk)
{
	jwtauth__limb n[JWTAUTH__RSA_MAXL], rr[JWTAUTH__RSA_MAXL], a[JWTAUTH__RSA_MAXL], n0i;
	const unsigned char *nb;
	size_t nlen, len;
	if (!x || !pk || !pk->n) return 0;
	nb = pk->n;
	nlen = pk->nlen;
	while (nlen > 0 && nb[0] == 0) { nb++; nlen--; }
	/* BearSSL's engines' refusals: no modulus, over 4096 bits, a length
	   mismatch, an even modulus, x >= n (x then reads as zero) */
	if (nlen == 0 || nlen > 512 || xlen != nlen) return 0;
	if (!(nb[nlen - 1] & 1u)) return 0;
	if (memcmp(x, nb, nlen) >= 0) { memset(x, 0, xlen); return 0; }
	len = jwtauth__rsa_setup(nb, nlen, n, rr, &n0i);
	jwtauth__rsa_decode(a, len, x, xlen);
	jwtauth__rsa_pow(a, pk->elen ? pk->e : NULL, pk->e ? pk->elen : 0, n, rr, n0i, len);
	jwtauth__rsa_encode(x, xlen, a);
	return 1;
}

/* The fast operation on a loaded key (x: n_len bytes), with the
   constants computed at load. */
static uint32_t jwtauth__rsa_key_public(const jwtauth_key *key, uint8_t *x)
{
	const jwtauth_rsa_mont *m = &key->u.rsa.mont;
	jwtauth__limb a[JWTAUTH__RSA_MAXL];
	size_t k = key->u.rsa.n_len;
	if (m->len == 0 || m->limb_bits != JWTAUTH__RSA_W) {
		/* not precomputed by this build: the same on the fly */
		br_rsa_public_key pk;
		pk.n = (unsigned char *)key->u.rsa.n;
		pk.nlen = k;
		pk.e = (unsigned char *)key->u.rsa.e;
		pk.elen = key->u.rsa.e_len;
		return jwtauth_rsa_public(x, k, &pk);
	}
	if (memcmp(x, key->u.rsa.n, k) >= 0) return 0;   /* s >= n: not a signature */
	jwtauth__rsa_decode(a, m->len, x, k);
	jwtauth__rsa_pow(a, key->u.rsa.e, key->u.rsa.e_len, JWTAUTH__MONT_LIMBS(m, n),
		JWTAUTH__MONT_LIMBS(m, rr), (jwtauth__limb)m->n0i, m->len);
	jwtauth__rsa_encode(x, k, a);
	return 1;
}

#endif /* !JWTAUTH_RSA_BEARSSL */

/* ======================================================================
   ED25519 (RFC 8032): public-key decoding and signature verification
   Every input here is public (keys, signatures, messages): the code is
   variable-time. The field is GF(2^255 - 19): five 51-bit limbs with
   128-bit products where the compiler has them, else ten limbs of 26 and
   25 bits with 64-bit products (JWTAUTH_ED25519_32BIT forces that path).
   Points are on the twisted Edwards curve -x^2 + y^2 = 1 + d x^2 y^2, in
   extended coordinates (X:Y:Z:T), x = X/Z, y = Y/Z, xy = T/Z.
   ====================================================================== */

#if !defined(JWTAUTH_ED25519_32BIT) && defined(__SIZEOF_INT128__)
#define JWTAUTH__FE51 1
#define JWTAUTH__FE_N 5
__extension__ typedef unsigned __int128 jwtauth__u128;
typedef uint64_t jwtauth__fe_limb;
#else
#define JWTAUTH__FE_N 10
typedef uint32_t jwtauth__fe_limb;
#endif
typedef jwtauth__fe_limb jwtauth__fe[JWTAUTH__FE_N];

/* d, 2d and sqrt(-1), and the table below: tests/ed25519_table.py. */
static const uint64_t jwtauth__ed_d[4] = {
	0x75eb4dca135978a3, 0x00700a4d4141d8ab, 0x8cc740797779e898, 0x52036cee2b6ffe73
};
static const uint64_t jwtauth__ed_d2[4] = {
	0xebd69b9426b2f159, 0x00e0149a8283b156, 0x198e80f2eef3d130, 0x2406d9dc56dffce7
};
static const uint64_t jwtauth__ed_sqrtm1[4] = {
	0xc4ee1b274a0ea0b0, 0x2f431806ad2fe478, 0x2b4d00993dfbd7a7, 0x2b8324804fc1df0b
};

static uint64_t jwtauth__ld64(const uint8_t *p)
{
	uint64_t v = 0;
	int i;
	for (i = 7; i >= 0; i--) v = (v << 8) | p[i];
	return v;
}

#ifdef JWTAUTH__FE51
#define JWTAUTH__M51 ((uint64_t)0x7ffffffffffff)

/* Bits 0..254 of a 256-bit little-endian number (bit 255 is dropped). */
static void jwtauth__fe_from_words(jwtauth__fe h, const uint64_t w[4])
{
	h[0] = w[0] & JWTAUTH__M51;
	h[1] = ((w[0] >> 51) | (w[1] << 13)) & JWTAUTH__M51;
	h[2] = ((w[1] >> 38) | (w[2] << 26)) & JWTAUTH__M51;
	h[3] = ((w[2] >> 25) | (w[3] << 39)) & JWTAUTH__M51;
	h[4] = (w[3] >> 12) & JWTAUTH__M51;
}

/* One carry pass: limbs below 2^51, limb 0 below 2^51 + 2^18. */
static void jwtauth__fe_carry(jwtauth__fe h)
{
	uint64_t c;
	c = h[0] >> 51; h[0] &= JWTAUTH__M51; h[1] += c;
	c = h[1] >> 51; h[1] &= JWTAUTH__M51; h[2] += c;
	c = h[2] >> 51; h[2] &= JWTAUTH__M51; h[3] += c;
	c = h[3] >> 51; h[3] &= JWTAUTH__M51; h[4] += c;
	c = h[4] >> 51; h[4] &= JWTAUTH__M51; h[0] += 19 * c;
}

/* The canonical value (0 <= v < p) as four 64-bit words. */
static void jwtauth__fe_to_words(uint64_t w[4], const jwtauth__fe f)
{
	uint64_t h[5], q;
	int i;
	memcpy(h, f, sizeof h);
	jwtauth__fe_carry(h);
	/* q = 1 when h >= p, i.e. when h + 19 reaches 2^255 */
	q = (h[0] + 19) >> 51;
	for (i = 1; i < 5; i++) q = (h[i] + q) >> 51;
	h[0] += 19 * q;
	for (i = 0; i < 4; i++) { h[i + 1] += h[i] >> 51; h[i] &= JWTAUTH__M51; }
	h[4] &= JWTAUTH__M51;
	w[0] = h[0] | (h[1] << 51);
	w[1] = (h[1] >> 13) | (h[2] << 38);
	w[2] = (h[2] >> 26) | (h[3] << 25);
	w[3] = (h[3] >> 39) | (h[4] << 12);
}

static void jwtauth__fe_add(jwtauth__fe r, const jwtauth__fe a, const jwtauth__fe b)
{
	r[0] = a[0] + b[0]; r[1] = a[1] + b[1]; r[2] = a[2] + b[2];
	r[3] = a[3] + b[3]; r[4] = a[4] + b[4];
}

/* a - b as a + 4p - b (no limb goes negative while b's limbs are below
   2^53), then one carry pass. */
static void jwtauth__fe_sub(jwtauth__fe r, const jwtauth__fe a, const jwtauth__fe b)
{
	r[0] = a[0] + 0x1fffffffffffb4 - b[0];
	r[1] = a[1] + 0x1ffffffffffffc - b[1];
	r[2] = a[2] + 0x1ffffffffffffc - b[2];
	r[3] = a[3] + 0x1ffffffffffffc - b[3];
	r[4] = a[4] + 0x1ffffffffffffc - b[4];
	jwtauth__fe_carry(r);
}

/* Inputs with limbs below 2^54; the output is carried. */
static void jwtauth__fe_mul(jwtauth__fe r, const jwtauth__fe a, const jwtauth__fe b)
{
	jwtauth__u128 t0, t1, t2, t3, t4;
	uint64_t b1 = 19 * b[1], b2 = 19 * b[2], b3 = 19 * b[3], b4 = 19 * b[4], c;
	t0 = (jwtauth__u128)a[0] * b[0] + (jwtauth__u128)a[1] * b4
		+ (jwtauth__u128)a[2] * b3 + (jwtauth__u128)a[3] * b2 + (jwtauth__u128)a[4] * b1;
	t1 = (jwtauth__u128)a[0] * b[1] + (jwtauth__u128)a[1] * b[0]
		+ (jwtauth__u128)a[2] * b4 + (jwtauth__u128)a[3] * b3 + (jwtauth__u128)a[4] * b2;
	t2 = (jwtauth__u128)a[0] * b[2] + (jwtauth__u128)a[1] * b[1]
		+ (jwtauth__u128)a[2] * b[0] + (jwtauth__u128)a[3] * b4 + (jwtauth__u128)a[4] * b3;
	t3 = (jwtauth__u128)a[0] * b[3] + (jwtauth__u128)a[1] * b[2]
		+ (jwtauth__u128)a[2] * b[1] + (jwtauth__u128)a[3] * b[0] + (jwtauth__u128)a[4] * b4;
	t4 = (jwtauth__u128)a[0] * b[4] + (jwtauth__u128)a[1] * b[3]
		+ (jwtauth__u128)a[2] * b[2] + (jwtauth__u128)a[3] * b[1] + (jwtauth__u128)a[4] * b[0];
	t1 += (uint64_t)(t0 >> 51); r[0] = (uint64_t)t0 & JWTAUTH__M51;
	t2 += (uint64_t)(t1 >> 51); r[1] = (uint64_t)t1 & JWTAUTH__M51;
	t3 += (uint64_t)(t2 >> 51); r[2] = (uint64_t)t2 & JWTAUTH__M51;
	t4 += (uint64_t)(t3 >> 51); r[3] = (uint64_t)t3 & JWTAUTH__M51;
	c = (uint64_t)(t4 >> 51); r[4] = (uint64_t)t4 & JWTAUTH__M51;
	r[0] += 19 * c;
	c = r[0] >> 51; r[0] &= JWTAUTH__M51; r[1] += c;
}

static void jwtauth__fe_sq(jwtauth__fe r, const jwtauth__fe a)
{
	jwtauth__u128 t0, t1, t2, t3, t4;
	uint64_t d0 = 2 * a[0], d1 = 2 * a[1], a3_19 = 19 * a[3], a3_38 = 38 * a[3];
	uint64_t a4_19 = 19 * a[4], a4_38 = 38 * a[4], c;
	t0 = (jwtauth__u128)a[0] * a[0] + (jwtauth__u128)a[1] * a4_38 + (jwtauth__u128)a[2] * a3_38;
	t1 = (jwtauth__u128)d0 * a[1] + (jwtauth__u128)a[2] * a4_38 + (jwtauth__u128)a[3] * a3_19;
	t2 = (jwtauth__u128)d0 * a[2] + (jwtauth__u128)a[1] * a[1] + (jwtauth__u128)a[3] * a4_38;
	t3 = (jwtauth__u128)d0 * a[3] + (jwtauth__u128)d1 * a[2] + (jwtauth__u128)a[4] * a4_19;
	t4 = (jwtauth__u128)d0 * a[4] + (jwtauth__u128)d1 * a[3] + (jwtauth__u128)a[2] * a[2];
	t1 += (uint64_t)(t0 >> 51); r[0] = (uint64_t)t0 & JWTAUTH__M51;
	t2 += (uint64_t)(t1 >> 51); r[1] = (uint64_t)t1 & JWTAUTH__M51;
	t3 += (uint64_t)(t2 >> 51); r[2] = (uint64_t)t2 & JWTAUTH__M51;
	t4 += (uint64_t)(t3 >> 51); r[3] = (uint64_t)t3 & JWTAUTH__M51;
	c = (uint64_t)(t4 >> 51); r[4] = (uint64_t)t4 & JWTAUTH__M51;
	r[0] += 19 * c;
	c = r[0] >> 51; r[0] &= JWTAUTH__M51; r[1] += c;
}

#else /* radix 2^25.5: limb i holds 26 bits when i is even, 25 when odd */

static const uint8_t jwtauth__fe_off[10] = { 0, 26, 51, 77, 102, 128, 153, 179, 204, 230 };

static void jwtauth__fe_from_words(jwtauth__fe h, const uint64_t w[4])
{
	int i;
	for (i = 0; i < 10; i++) {
		unsigned off = jwtauth__fe_off[i], wi = off / 64, sh = off % 64;
		unsigned bits = (i & 1) ? 25 : 26;
		uint64_t v = w[wi] >> sh;
		if (sh + bits > 64) v |= w[wi + 1] << (64 - sh);
		h[i] = (uint32_t)(v & ((1u << bits) - 1));
	}
}

/* Carry 64-bit column sums into limbs (limb 0 stays below 2^26 + 2^18). */
static void jwtauth__fe_carry64(jwtauth__fe r, uint64_t *t)
{
	int i;
	uint64_t c;
	for (i = 0; i < 9; i++) {
		unsigned bits = (i & 1) ? 25 : 26;
		t[i + 1] += t[i] >> bits;
		r[i] = (uint32_t)(t[i] & ((1u << bits) - 1));
	}
	c = t[9] >> 25;
	r[9] = (uint32_t)(t[9] & 0x1ffffff);
	c = r[0] + 19 * c;
	r[0] = (uint32_t)(c & 0x3ffffff);
	r[1] += (uint32_t)(c >> 26);
}

static void jwtauth__fe_carry(jwtauth__fe h)
{
	uint64_t t[10];
	int i;
	for (i = 0; i < 10; i++) t[i] = h[i];
	jwtauth__fe_carry64(h, t);
}

static void jwtauth__fe_to_words(uint64_t w[4], const jwtauth__fe f)
{
	uint32_t h[10];
	uint32_t q;
	int i;
	memcpy(h, f, sizeof h);
	jwtauth__fe_carry(h);
	q = (h[0] + 19) >> 26;
	for (i = 1; i < 10; i++) q = (h[i] + q) >> ((i & 1) ? 25 : 26);
	h[0] += 19 * q;
	for (i = 0; i < 9; i++) {
		unsigned bits = (i & 1) ? 25 : 26;
		h[i + 1] += h[i] >> bits;
		h[i] &= (1u << bits) - 1;
	}
	h[9] &= 0x1ffffff;
	w[0] = w[1] = w[2] = w[3] = 0;
	for (i = 0; i < 10; i++) {
		unsigned off = jwtauth__fe_off[i], wi = off / 64, sh = off % 64;
		unsigned bits = (i & 1) ? 25 : 26;
		w[wi] |= (uint64_t)h[i] << sh;
		if (sh + bits > 64) w[wi + 1] |= (uint64_t)h[i] >> (64 - sh);
	}
}

static void jwtauth__fe_add(jwtauth__fe r, const jwtauth__fe a, const jwtauth__fe b)
{
	int i;
	for (i = 0; i < 10; i++) r[i] = a[i] + b[i];
}

/* a + 4p - b, then one carry pass (b's limbs below 2^27 when odd,
   2^28 when even). */
static void jwtauth__fe_sub(jwtauth__fe r, const jwtauth__fe a, const jwtauth__fe b)
{
	int i;
	r[0] = a[0] + 0xfffffb4u - b[0];
	for (i = 1; i < 10; i++) r[i] = a[i] + ((i & 1) ? 0x7fffffcu : 0xffffffcu) - b[i];
	jwtauth__fe_carry(r);
}

/* Schoolbook product; limb pairs past the top wrap with 2^255 = 19, and
   two odd limbs (each half a bit short) meet one bit low: doubled. */
static void jwtauth__fe_mul(jwtauth__fe r, const jwtauth__fe a, const jwtauth__fe b)
{
	/* column k of row i takes b[k - i], times 19 when k < i (wrapped):
	   ev[k - i + 10] for even rows, od[k - i + 10] for odd ones */
	uint64_t t[10];
	uint32_t ev[20], od[20];
	int i, k;
	for (k = 0; k < 10; k++) {
		uint32_t m = (k & 1) ? 2 : 1;
		ev[k + 10] = b[k];
		ev[k] = 19 * b[k];
		od[k + 10] = m * b[k];
		od[k] = m * 19 * b[k];
		t[k] = 0;
	}
	for (i = 0; i < 10; i += 2) {
		uint64_t ae = a[i], ao = a[i + 1];
		for (k = 0; k < 10; k++)
			t[k] += ae * ev[k - i + 10] + ao * od[k - i + 9];
	}
	jwtauth__fe_carry64(r, t);
}

static void jwtauth__fe_sq(jwtauth__fe r, const jwtauth__fe a)
{
	jwtauth__fe_mul(r, a, a);
}
#endif

static void jwtauth__fe_frombytes(jwtauth__fe h, const uint8_t s[32])
{
	uint64_t w[4];
	int i;
	for (i = 0; i < 4; i++) w[i] = jwtauth__ld64(s + 8 * i);
	jwtauth__fe_from_words(h, w);
}

static void jwtauth__fe_tobytes(uint8_t s[32], const jwtauth__fe h)
{
	uint64_t w[4];
	int i, j;
	jwtauth__fe_to_words(w, h);
	for (i = 0; i < 4; i++)
		for (j = 0; j < 8; j++) s[8 * i + j] = (uint8_t)(w[i] >> (8 * j));
}

static void jwtauth__fe_set(jwtauth__fe h, jwtauth__fe_limb v)
{
	memset(h, 0, sizeof(jwtauth__fe));
	h[0] = v;
}

static int jwtauth__fe_eq(const jwtauth__fe a, const jwtauth__fe b)
{
	uint64_t wa[4], wb[4];
	jwtauth__fe_to_words(wa, a);
	jwtauth__fe_to_words(wb, b);
	return memcmp(wa, wb, sizeof wa) == 0;
}

static int jwtauth__fe_isneg(const jwtauth__fe a)
{
	uint64_t w[4];
	jwtauth__fe_to_words(w, a);
	return (int)(w[0] & 1);
}

static void jwtauth__fe_neg(jwtauth__fe r, const jwtauth__fe a)
{
	jwtauth__fe z;
	jwtauth__fe_set(z, 0);
	jwtauth__fe_sub(r, z, a);
}

/* r = a^(2^n) */
static void jwtauth__fe_sqn(jwtauth__fe r, const jwtauth__fe a, int n)
{
	jwtauth__fe_sq(r, a);
	while (--n > 0) jwtauth__fe_sq(r, r);
}

/* a^(2^250 - 1) into r, and a^11 into a11. */
static void jwtauth__fe_pow250(jwtauth__fe r, jwtauth__fe a11, const jwtauth__fe a)
{
	jwtauth__fe t0, t1, t2, t3;
	jwtauth__fe_sq(t0, a);                 /* 2 */
	jwtauth__fe_sqn(t1, t0, 2);            /* 8 */
	jwtauth__fe_mul(t1, t1, a);            /* 9 */
	jwtauth__fe_mul(a11, t0, t1);          /* 11 */
	jwtauth__fe_sq(t0, a11);               /* 22 */
	jwtauth__fe_mul(t1, t1, t0);           /* 31 = 2^5 - 1 */
	jwtauth__fe_sqn(t0, t1, 5);
	jwtauth__fe_mul(t1, t0, t1);           /* 2^10 - 1 */
	jwtauth__fe_sqn(t0, t1, 10);
	jwtauth__fe_mul(t2, t0, t1);           /* 2^20 - 1 */
	jwtauth__fe_sqn(t0, t2, 20);
	jwtauth__fe_mul(t0, t0, t2);           /* 2^40 - 1 */
	jwtauth__fe_sqn(t0, t0, 10);
	jwtauth__fe_mul(t1, t0, t1);           /* 2^50 - 1 */
	jwtauth__fe_sqn(t0, t1, 50);
	jwtauth__fe_mul(t2, t0, t1);           /* 2^100 - 1 */
	jwtauth__fe_sqn(t0, t2, 100);
	jwtauth__fe_mul(t3, t0, t2);           /* 2^200 - 1 */
	jwtauth__fe_sqn(t0, t3, 50);
	jwtauth__fe_mul(r, t0, t1);            /* 2^250 - 1 */
}

/* 1/a = a^(p - 2) = a^(2^255 - 21) */
static void jwtauth__fe_invert(jwtauth__fe r, const jwtauth__fe a)
{
	jwtauth__fe t, a11;
	jwtauth__fe_pow250(t, a11, a);
	jwtauth__fe_sqn(t, t, 5);
	jwtauth__fe_mul(r, t, a11);
}

/* a^((p - 5) / 8) = a^(2^252 - 3), for the square root */
static void jwtauth__fe_pow22523(jwtauth__fe r, const jwtauth__fe a)
{
	jwtauth__fe t, a11;
	jwtauth__fe_pow250(t, a11, a);
	jwtauth__fe_sqn(t, t, 2);
	jwtauth__fe_mul(r, t, a);
}

/* ---- points ---- */

typedef struct jwtauth__ge {       /* extended (X:Y:Z:T) */
	jwtauth__fe X, Y, Z, T;
} jwtauth__ge;

typedef struct jwtauth__ge_c {     /* completed: X = EF, Y = GH, Z = FG, T = EH */
	jwtauth__fe E, F, G, H;
} jwtauth__ge_c;

typedef struct jwtauth__ge_cached {/* (Y + X, Y - X, Z, 2dT) of a point to add */
	jwtauth__fe ypx, ymx, Z, t2d;
} jwtauth__ge_cached;

typedef struct jwtauth__ge_niels { /* affine (y + x, y - x, 2dxy) */
	jwtauth__fe ypx, ymx, xy2d;
} jwtauth__ge_niels;

static void jwtauth__ge_to_p2(jwtauth__ge *r, const jwtauth__ge_c *c)
{
	jwtauth__fe_mul(r->X, c->E, c->F);
	jwtauth__fe_mul(r->Y, c->G, c->H);
	jwtauth__fe_mul(r->Z, c->F, c->G);
}

static void jwtauth__ge_to_p3(jwtauth__ge *r, const jwtauth__ge_c *c)
{
	jwtauth__ge_to_p2(r, c);
	jwtauth__fe_mul(r->T, c->E, c->H);
}

/* 2P from X, Y, Z (dbl-2008-hwcd with a = -1, signs flipped pairwise). */
static void jwtauth__ge_dbl(jwtauth__ge_c *c, const jwtauth__ge *p)
{
	jwtauth__fe a, b, s;
	jwtauth__fe_sq(a, p->X);
	jwtauth__fe_sq(b, p->Y);
	jwtauth__fe_sq(c->F, p->Z);
	jwtauth__fe_add(c->F, c->F, c->F);       /* 2 Z^2 */
	jwtauth__fe_add(s, p->X, p->Y);
	jwtauth__fe_sq(s, s);
	jwtauth__fe_add(c->H, b, a);             /* Y^2 + X^2 */
	jwtauth__fe_sub(c->G, b, a);             /* Y^2 - X^2 */
	jwtauth__fe_sub(c->E, s, c->H);          /* 2XY */
	jwtauth__fe_sub(c->F, c->F, c->G);
}

/* P + Q (neg = 0) or P - Q (neg = 1), add-2008-hwcd-3 with k = 2d. */
static void jwtauth__ge_add(jwtauth__ge_c *c, const jwtauth__ge *p,
	const jwtauth__ge_cached *q, int neg)
{
	jwtauth__fe a, b, cc, dd;
	jwtauth__fe_sub(a, p->Y, p->X);
	jwtauth__fe_mul(a, a, neg ? q->ypx : q->ymx);
	jwtauth__fe_add(b, p->Y, p->X);
	jwtauth__fe_mul(b, b, neg ? q->ymx : q->ypx);
	jwtauth__fe_mul(cc, p->T, q->t2d);
	jwtauth__fe_mul(dd, p->Z, q->Z);
	jwtauth__fe_add(dd, dd, dd);
	jwtauth__fe_sub(c->E, b, a);
	jwtauth__fe_add(c->H, b, a);
	if (neg) { jwtauth__fe_add(c->F, dd, cc); jwtauth__fe_sub(c->G, dd, cc); }
	else { jwtauth__fe_sub(c->F, dd, cc); jwtauth__fe_add(c->G, dd, cc); }
}

/* The same with an affine Q (Z2 = 1: one product less). */
static void jwtauth__ge_madd(jwtauth__ge_c *c, const jwtauth__ge *p,
	const jwtauth__ge_niels *q, int neg)
{
	jwtauth__fe a, b, cc, dd;
	jwtauth__fe_sub(a, p->Y, p->X);
	jwtauth__fe_mul(a, a, neg ? q->ypx : q->ymx);
	jwtauth__fe_add(b, p->Y, p->X);
	jwtauth__fe_mul(b, b, neg ? q->ymx : q->ypx);
	jwtauth__fe_mul(cc, p->T, q->xy2d);
	jwtauth__fe_add(dd, p->Z, p->Z);
	jwtauth__fe_sub(c->E, b, a);
	jwtauth__fe_add(c->H, b, a);
	if (neg) { jwtauth__fe_add(c->F, dd, cc); jwtauth__fe_sub(c->G, dd, cc); }
	else { jwtauth__fe_sub(c->F, dd, cc); jwtauth__fe_add(c->G, dd, cc); }
}

static void jwtauth__ge_cache(jwtauth__ge_cached *r, const jwtauth__ge *p,
	const jwtauth__fe d2)
{
	jwtauth__fe_add(r->ypx, p->Y, p->X);
	jwtauth__fe_sub(r->ymx, p->Y, p->X);
	memcpy(r->Z, p->Z, sizeof(jwtauth__fe));
	jwtauth__fe_mul(r->t2d, p->T, d2);
}

/* Odd multiples 1B, 3B, ..., 63B of the base point (tests/ed25519_table.py). */
static const uint64_t jwtauth__ed_base[32][3][4] = {
	{ { 0x2fbc93c6f58c3b85, 0xcf932dc6fb8c0e19, 0x270b4898643d42c2, 0x07cf9d3a33d4ba65 },
	  { 0x9d103905d740913e, 0xfd399f05d140beb3, 0xa5c18434688f8a09, 0x44fd2f9298f81267 },
	  { 0xabc91205877aaa68, 0x26d9e823ccaac49e, 0x5a1b7dcbdd43598c, 0x6f117b689f0c65a8 } },
	{ { 0xaf25b0a84cee9730, 0x025a8430e8864b8a, 0xc11b50029f016732, 0x7a164e1b9a80f8f4 },
	  { 0x56611fe8a4fcd265, 0x3bd353fde5c1ba7d, 0x8131f31a214bd6bd, 0x2ab91587555bda62 },
	  { 0x14ae933f0dd0d889, 0x589423221c35da62, 0xd170e5458cf2db4c, 0x5a2826af12b9b4c6 } },
	{ { 0xa212bc4408a5bb33, 0x8d5048c3c75eed02, 0xdd1beb0c5abfec44, 0x2945ccf146e206eb },
	  { 0x7f9182c3a447d6ba, 0xd50014d14b2729b7, 0xe33cf11cb864a087, 0x154a7e73eb1b55f3 },
	  { 0xbcbbdbf1812a8285, 0x270e0807d0bdd1fc, 0xb41b670b1bbda72d, 0x43aabe696b3bb69a } },
	{ { 0x6b1a5cd0944ea3bf, 0x7470353ab39dc0d2, 0x71b2528228542e49, 0x461bea69283c927e },
	  { 0xba6f2c9aaa3221b1, 0x6ca021533bba23a7, 0x9dea764f92192c3a, 0x1d6edd5d2e5317e0 },
	  { 0xf1836dc801b8b3a2, 0xb3035f47053ea49a, 0x529c41ba5877adf3, 0x7a9fbb1c6a0f90a7 } },
	{ { 0x9b2e678aa6a8632f, 0xa6509e6f51bc46c5, 0xceb233c9c686f5b5, 0x34b9ed338add7f59 },
	  { 0xf36e217e039d8064, 0x98a081b6f520419b, 0x96cbc608e75eb044, 0x49c05a51fadc9c8f },
	  { 0x06b4e8bf9045af1b, 0xe2ff83e8a719d22f, 0xaaf6fc2993d4cf16, 0x73c172021b008b06 } },
	{ { 0x2fbf00848a802ade, 0xe5d9fecf02302e27, 0x113e847117703406, 0x4275aae2546d8faf },
	  { 0x315f5b0249864348, 0x3ed6b36977088381, 0xa3a075556a8deb95, 0x18ab598029d5c77f },
	  { 0xd82b2cc5fd6089e9, 0x031eb4a13282e4a4, 0x44311199b51a8622, 0x3dc65522b53df948 } },
	{ { 0xbf70c222a2007f6d, 0xbf84b39ab5bcdedb, 0x537a0e12fb07ba07, 0x234fd7eec346f241 },
	  { 0x506f013b327fbf93, 0xaefcebc99b776f6b, 0x9d12b232aaad5968, 0x0267882d176024a7 },
	  { 0x5360a119732ea378, 0x2437e6b1df8dd471, 0xa2ef37f891a7e533, 0x497ba6fdaa097863 } },
	{ { 0x24cecc0313cfeaa0, 0x8648c28d189c246d, 0x2dbdbdfac1f2d4d0, 0x61e22917f12de72b },
	  { 0x040bcd86468ccf0b, 0xd3829ba42a9910d6, 0x7508300807b25192, 0x43b5cd4218d05ebf },
	  { 0x5d9a762f9bd0b516, 0xeb38af4e373fdeee, 0x032e5a7d93d64270, 0x511d61210ae4d842 } },
	{ { 0x92c676ef950e9d81, 0xa54620cdc0d7044f, 0xaa9b36646f8f1248, 0x6d325924ddb855e3 },
	  { 0x081386484420de87, 0x8a1cf016b592edb4, 0x39fa4e2729942d25, 0x71a7fe6fe2482810 },
	  { 0x6c7182b8a5c8c854, 0x33fd1479fe5f2a03, 0x72cf591883778d0c, 0x4746c4b6559eeaa9 } },
	{ { 0xd3777b3c6dc69a2b, 0xdefab2276f89f617, 0x45651cf7b53a16b5, 0x5c9a51de34fe9fb7 },
	  { 0x348546c864741147, 0x7d35aedd0efcc849, 0xff939a760672a332, 0x219663497db5e6d6 },
	  { 0xf510f1cf79f10e67, 0xffdddaa1e658515b, 0x09c3a71710142277, 0x4804503c608223bb } },
	{ { 0xc4249ed02ca37fc7, 0xa059a0e3a615acab, 0x88a96ed7c96e0e23, 0x553398a51650696d },
	  { 0x3b6821d23a36d175, 0xbbb40aa7e99b9e32, 0x5d9e5ce420838a47, 0x771e098858de4c5e },
	  { 0x9a12f5d278451edf, 0x3ada5d7985899ccb, 0x477f4a2d9fa59508, 0x5a5ed1d68ff5a611 } },
	{ { 0x1195122afe150e83, 0xcf209a257e4b35d8, 0x7387f8291e711e20, 0x44acb897d8bf92f0 },
	  { 0xbae5e0c558527359, 0x392e5c19cadb9d7e, 0x28653c1eda1cabe9, 0x019b60135fefdc44 },
	  { 0x1e6068145e134b83, 0xc4f5e64f24304c16, 0x506e88a8fc1a3ed7, 0x150c49fde6ad2f92 } },
	{ { 0x8e7bf29509471138, 0x5d6fef394f75a651, 0x10af79c425a708ad, 0x6b2b5a075bb99922 },
	  { 0xb849863c9cdca868, 0xc83f44dbb8714ad0, 0xfe3ee3560c36168d, 0x78a6d7791e05fbc1 },
	  { 0x58bf704b47a0b976, 0xa601b355741748d5, 0xaa2b1fb1d542f590, 0x725c7ffc4ad55d00 } },
	{ { 0xe4426715d1cf99b2, 0x7352d51102a20d34, 0x23d1157b8b12109f, 0x794cc9277cb1f3a3 },
	  { 0x91802bf71cd098c0, 0xfe416ca4ed5e6366, 0xdf585d714902994c, 0x4cd54625f855fae7 },
	  { 0x4af6c426c2ac5053, 0xbc9aedad32f67258, 0x2ad032f10a311021, 0x7008357b6fcc8e85 } },
	{ { 0x0b88672738773f01, 0xb8ccc8fa95fbccfb, 0x8d2dd5a3b9ad29b6, 0x06ef7e9851ad0f6a },
	  { 0xd01b9fbb82584a34, 0x47ab6463d2b4792b, 0xb631639c48536202, 0x13a92a3669d6d428 },
	  { 0xca93771cc0577de5, 0x7540e41e5035dc5c, 0x24680f01d802e071, 0x3c296ddf8a2af86a } },
	{ { 0xaead15f9d914a713, 0xa92f7bf98c8ff912, 0xaff823179f53d730, 0x7a99d393490c77ba },
	  { 0xfceb4d2ebb1f2541, 0xb89510c740adb91f, 0xfc71a37dd0a1ad05, 0x0a892c700747717b },
	  { 0x8f52ed2436bda3e8, 0x77a8c84157e80794, 0xa5a96563262f9ce0, 0x286762d28302f7d2 } },
	{ { 0x4e7836093ce35b25, 0x82e1181db26baa97, 0x0cc192d3cbc7b83f, 0x32f1da046a9d9d3a },
	  { 0x7c558e2bce2ef5bd, 0xe4986cb46747bc63, 0x154a179f3bbb89b8, 0x7686f2a3d6f1767a },
	  { 0xaa8d12a66d597c6a, 0x8f11930304d3852b, 0x3f91dc73c209b022, 0x561305f8a9ad28a6 } },
	{ { 0x100c978dec92aed1, 0xca43d5434d6d73e5, 0x83131b22d847ba48, 0x00aaec53e35d4d2c },
	  { 0x6722cc28e7b0c0d5, 0x709de9bbdb075c53, 0xcaf68da7d7010a61, 0x030a1aef2c57cc6c },
	  { 0x7bb1f773003ad2aa, 0x0b3f29802b216608, 0x7821dc86520ed23e, 0x20be9c1c24065480 } },
	{ { 0xe15387d8249673a6, 0x5943bc2df546e493, 0x1c7f9a81c36f63b5, 0x750ab3361f0ac1de },
	  { 0x20e0e44ae2025e60, 0xb03b3b2fcbdcb938, 0x105d639cf95a0d1c, 0x69764c545067e311 },
	  { 0x1e8a3283a2f81037, 0x6f2eda23bd7fcbf1, 0xb72fd15bac2e2563, 0x54f96b3fb7075040 } },
	{ { 0x0fadf20429669279, 0x3adda2047d7d724a, 0x6f3d94828c5760f1, 0x3d7fe9c52bb7539e },
	  { 0x177dafc616b11ecd, 0x89764b9cfa576479, 0xb7a8a110e6ece785, 0x78e6839fbe85dbf0 },
	  { 0x70332df737b8856b, 0x75d05d43041a178a, 0x320ff74aa0e59e22, 0x70f268f350088242 } },
	{ { 0x66864583b1805f47, 0xf535c5d160dd7c19, 0xe9874eb71e4cb006, 0x7c0d345cfad889d9 },
	  { 0x2324112070dcf355, 0x380cc97ee7fce117, 0xb31ddeed3552b698, 0x404e56c039b8c4b9 },
	  { 0x591f1f4b8c78338a, 0xa0366ab167e0b5e1, 0x5cbc4152b45f3d44, 0x20d754762aaec777 } },
	{ { 0x5e8fc36fc73bb758, 0xace543a5363cbb9a, 0xa9934a7d903bc922, 0x2b8f1e46f3ceec62 },
	  { 0x9d74feb135b9f543, 0x84b37df1de8c956c, 0xe9322b0757138ba9, 0x38b8ada8790b4ce1 },
	  { 0xb5c04a9cdf51f95d, 0x2b3952aecb1fdeac, 0x1d106d8b328b66da, 0x049aeb32ceba1953 } },
	{ { 0xaa507d0b75fc7931, 0x0fef924b7a6725d3, 0x1d82542b396b3930, 0x795ee17530f674fc },
	  { 0xd7767d3c63dcfe7e, 0x209c594897856e40, 0xb6676861e14f7c13, 0x51c665e0c8d625fc },
	  { 0x254a5b0a52ecbd81, 0x5d411f6ee034afe7, 0xe6a24d0dcaee4a31, 0x6cd19bf49dc54477 } },
	{ { 0x1ffe612165afc386, 0x082a2a88b8d51b10, 0x76f6627e20990baa, 0x5e01b3a7429e43e7 },
	  { 0x7e87619052179ca3, 0x571d0a060b2c9f85, 0x80a2baa88499711e, 0x7520f3db40b2e638 },
	  { 0x3db50be3d39357a1, 0x967b6cdd599e94a5, 0x1a309a64df311e6e, 0x71092c9ccef3c986 } },
	{ { 0x856bd8ac74051dcf, 0x03f6a40855b7aa1e, 0x3a4ae7cbc9743ceb, 0x4173a5bb7137abde },
	  { 0x53d8523f0364918c, 0xa2b404f43fab6b1c, 0x080b4a9e6681e5a4, 0x0ea15b03d0257ba7 },
	  { 0x17c56e31f0f9218a, 0x5a696e2b1afc4708, 0xf7931668f4b2f176, 0x5fc565614a4e3a67 } },
	{ { 0x4892e1e67790988e, 0x01d5950f1c5cd722, 0xe3b0819ae5923eed, 0x3214c7409d46651b },
	  { 0x136e570dc46d7ae5, 0x0fd0aacc54f8dc8f, 0x59549f03310dad86, 0x62711c414c454aa1 },
	  { 0x1329827406651770, 0x3ba4a0668a279436, 0xd9b6b8ec185d223c, 0x5bea94073ecb833c } },
	{ { 0xb470ce63f343d2f8, 0x0067ba8f0543e8f1, 0x35da51a1a2117b6f, 0x4ad0785944f1bd2f },
	  { 0x641dbf0912c89be4, 0xacf38b317d6e579c, 0xabfe9e02f697b065, 0x3aacd5c148f61eec },
	  { 0x858e3b34c3318301, 0xdc99c04707316826, 0x34085b2ed39da88c, 0x3aff0cb1d902853d } },
	{ { 0x9226430bf4c53505, 0x68e49c13261f2283, 0x09ef33788fd327c6, 0x2ccf9f732bd99e7f },
	  { 0x87c5c7eb3a20405e, 0x8ee311efedad56c9, 0x29252e48ad29d5f9, 0x110e7e86f4cd251d },
	  { 0x57c0d89ed603f5e4, 0x12888628f0b0200c, 0x53172709a02e3bb7, 0x05c557e0b9693a37 } },
	{ { 0xf776bbb089c20eb0, 0x61f85bf6fa0fd85c, 0xb6b93f4e634421fb, 0x289fef0841861205 },
	  { 0xd8f9ce311fc97e6f, 0x7a3f263011f9fdae, 0xe15b7ea08bed25dd, 0x6e154c178fe9875a },
	  { 0xcf616336fed69abf, 0x9b16e4e78335c94f, 0x13789765753a7fe7, 0x6afbf642a95ca319 } },
	{ { 0x5de55070f913a8cc, 0x7d1d167b2b0cf561, 0xda2956b690ead489, 0x12c093cedb801ed9 },
	  { 0x7da8de0c62f5d2c1, 0x98fc3da4b00e7b9a, 0x7deb6ada0dad70e0, 0x0db4b851b95038c4 },
	  { 0xfc147f9308b8190f, 0x06969da0a11ae310, 0xcee75572dac7d7fd, 0x33aa8799c6635ce6 } },
	{ { 0x8348f588fc156cb1, 0x6da2ba9b1a0a6d27, 0xe2262d5c87ca5ab6, 0x212cd0c1c8d589a6 },
	  { 0xaf0ff51ebd085cf2, 0x78f51a8967d33f1f, 0x6ec2bfe15060033c, 0x233c6f29e8e21a86 },
	  { 0xd2f4d5107f18c781, 0x122ecdf2527e9d28, 0xa70a862a3d3d3341, 0x1db7778911914ce3 } },
	{ { 0xb3394769dd701ab6, 0xe2b8ded419cf8da5, 0x15df4161fd2ac852, 0x7ae2ca8a017d24be },
	  { 0xddf352397c6bc26f, 0x7a97e2cc53d50113, 0x7c74f43abf79a330, 0x31ad97ad26e2adfc },
	  { 0xb7e817ed0920b962, 0x1e8518cc3f19da9d, 0xe491c14f25560a64, 0x1ed1fc53a6622c83 } }
};

/* ---- scalars mod L = 2^252 + 27742317777372353535851937790883648493 ---- */

static const uint32_t jwtauth__ed_l[8] = {
	0x5cf5d3ed, 0x5812631a, 0xa2f79cd6, 0x14def9de, 0, 0, 0, 0x10000000
};

/* 1 when the 32-byte little-endian s is below L (RFC 8032 5.1.7: S < L). */
static int jwtauth__sc_lt_l(const uint8_t s[32])
{
	int i;
	for (i = 31; i >= 0; i--) {
		uint8_t l = (uint8_t)(jwtauth__ed_l[i / 4] >> (8 * (i % 4)));
		if (s[i] != l) return s[i] < l;
	}
	return 0;
}

/* out = h mod L for a 64-byte little-endian h (SHA-512 output), 16 bits
   at a time from the top: r = r * 2^16 + chunk, then with q = r >> 252,
   r - q L = (r mod 2^252) - q c where c = L - 2^252 < 2^125, adding L
   once when that is negative. */
static void jwtauth__sc_reduce64(uint8_t out[32], const uint8_t h[64])
{
	uint32_t r[9], sub[5];
	uint64_t acc;
	int i, j;
	memset(r, 0, sizeof r);
	for (i = 31; i >= 0; i--) {
		uint32_t q, ge = 1;
		uint32_t chunk = (uint32_t)h[2 * i] | ((uint32_t)h[2 * i + 1] << 8);
		for (j = 8; j > 0; j--) r[j] = (r[j] << 16) | (r[j - 1] >> 16);
		r[0] = (r[0] << 16) | chunk;
		q = (r[7] >> 28) | (r[8] << 4);
		r[7] &= 0x0fffffff;
		r[8] = 0;
		for (acc = 0, j = 0; j < 4; j++) {
			acc += (uint64_t)q * jwtauth__ed_l[j];
			sub[j] = (uint32_t)acc;
			acc >>= 32;
		}
		sub[4] = (uint32_t)acc;
		/* compare r (below 2^252) with sub (below 2^142) */
		for (j = 7; j >= 0; j--) {
			uint32_t s = j < 5 ? sub[j] : 0;
			if (r[j] != s) { ge = r[j] > s; break; }
		}
		if (!ge) {
			/* r + L, which is above sub */
			for (acc = 0, j = 0; j < 8; j++) {
				acc += (uint64_t)r[j] + jwtauth__ed_l[j];
				r[j] = (uint32_t)acc;
				acc >>= 32;
			}
		}
		for (acc = 0, j = 0; j < 8; j++) {
			uint64_t s = (j < 5 ? sub[j] : 0) + (acc >> 63);
			acc = (uint64_t)r[j] - s;
			r[j] = (uint32_t)acc;
		}
	}
	for (i = 0; i < 32; i++) out[i] = (uint8_t)(r[i / 4] >> (8 * (i % 4)));
}

/* Width-w NAF of a scalar below 2^253: naf[i] odd in (-2^(w-1), 2^(w-1))
   or 0, at most one non-zero digit in any w consecutive positions. */
static void jwtauth__sc_naf(int8_t naf[256], const uint8_t s[32], unsigned w)
{
	unsigned i = 0, carry = 0, j;
	memset(naf, 0, 256);
	while (i < 256) {
		unsigned bit = (s[i / 8] >> (i % 8)) & 1u, v;
		if (bit == carry) { i++; continue; }
		/* (s >> i) + carry is odd: take w bits of it */
		v = carry;
		for (j = 0; j < w && i + j < 256; j++)
			v += (unsigned)((s[(i + j) / 8] >> ((i + j) % 8)) & 1u) << j;
		if (v & (1u << (w - 1))) {
			naf[i] = (int8_t)((int)v - (1 << w));
			carry = 1;
		} else {
			naf[i] = (int8_t)v;
			carry = 0;
		}
		i += w;
	}
}

/* ---- public keys and verification ---- */

/* Decode a public key (RFC 8032 5.1.3) into -A as (X, Y, T) with Z = 1,
   the form jwtauth_key stores. Refused: y >= p (non-canonical), no square
   root (not a point), x = 0 with the sign bit set (non-canonical), and
   points of order 1, 2, 4 or 8. */
static int jwtauth__ed25519_load(uint64_t nega[15], const uint8_t a[32])
{
	jwtauth__fe y, u, v, v3, x, t, d;
	jwtauth__ge p;
	jwtauth__ge_c c;
	uint8_t chk[32];
	int sign = a[31] >> 7, i;
	jwtauth__fe_frombytes(y, a);
	jwtauth__fe_tobytes(chk, y);
	chk[31] |= (uint8_t)(sign << 7);
	if (memcmp(chk, a, 32) != 0) return JWTAUTH_ERR_KEY_OKP_NONCANONICAL;
	/* x^2 = (y^2 - 1) / (d y^2 + 1) = u / v; x = u v^3 (u v^7)^((p-5)/8) */
	jwtauth__fe_from_words(d, jwtauth__ed_d);
	jwtauth__fe_sq(u, y);
	jwtauth__fe_mul(v, u, d);
	jwtauth__fe_set(t, 1);
	jwtauth__fe_sub(u, u, t);
	jwtauth__fe_add(v, v, t);
	jwtauth__fe_sq(v3, v);
	jwtauth__fe_mul(v3, v3, v);
	jwtauth__fe_sq(x, v3);
	jwtauth__fe_mul(x, x, v);
	jwtauth__fe_mul(x, x, u);                /* u v^7 */
	jwtauth__fe_pow22523(x, x);
	jwtauth__fe_mul(x, x, v3);
	jwtauth__fe_mul(x, x, u);
	jwtauth__fe_sq(t, x);
	jwtauth__fe_mul(t, t, v);                /* v x^2 */
	if (!jwtauth__fe_eq(t, u)) {
		jwtauth__fe_neg(u, u);
		if (!jwtauth__fe_eq(t, u)) return JWTAUTH_ERR_KEY_OKP_POINT;
		jwtauth__fe_from_words(t, jwtauth__ed_sqrtm1);
		jwtauth__fe_mul(x, x, t);
	}
	jwtauth__fe_set(t, 0);
	if (sign && jwtauth__fe_eq(x, t)) return JWTAUTH_ERR_KEY_OKP_NONCANONICAL;
	if (jwtauth__fe_isneg(x) != sign) jwtauth__fe_neg(x, x);
	memcpy(p.X, x, sizeof x);
	memcpy(p.Y, y, sizeof y);
	jwtauth__fe_set(p.Z, 1);
	/* small order: [8]A is the identity, whose x is 0 */
	for (i = 0; i < 3; i++) {
		jwtauth__ge_dbl(&c, &p);
		jwtauth__ge_to_p2(&p, &c);
	}
	jwtauth__fe_set(t, 0);
	if (jwtauth__fe_eq(p.X, t)) return JWTAUTH_ERR_KEY_OKP_SMALL_ORDER;
	/* store -A = (-x, y, -xy) */
	jwtauth__fe_mul(t, x, y);
	jwtauth__fe_neg(x, x);
	jwtauth__fe_neg(t, t);
	jwtauth__fe_carry(y);
	memset(nega, 0, 15 * sizeof(uint64_t));
	memcpy(nega, x, sizeof x);
	memcpy(nega + 5, y, sizeof y);
	memcpy(nega + 10, t, sizeof t);
	return JWTAUTH_OK;
}

/* k = SHA-512(R || A || M) mod L. Out of line: the hash context is not
   on the stack during the point arithmetic. */
static JWTAUTH__NOINLINE void jwtauth__ed25519_k(uint8_t k[32], const uint8_t *sig,
	const uint8_t a[32], const uint8_t *msg, size_t msg_len)
{
	br_sha512_context hc;
	uint8_t h[64];
	br_sha512_init(&hc);
	br_sha512_update(&hc, sig, 32);
	br_sha512_update(&hc, a, 32);
	br_sha512_update(&hc, msg, msg_len);
	br_sha512_out(&hc, h);
	jwtauth__sc_reduce64(k, h);
}

/* The encoding of [S]B + [k](-A) equals R. Out of line, after the hash:
   its frame (about 2 KB) and SHA-512's are never on the stack together.
   [k](-A) uses width-4 digits: a table of 4 odd multiples (640 bytes)
   rather than 8: about 51 additions for [k](-A) instead of 43, against
   253 doublings in all (about 1.5% more point operations). */
static JWTAUTH__NOINLINE int jwtauth__ed25519_check(const uint64_t nega[15],
	const uint8_t k[32], const uint8_t *sig)
{
	uint8_t enc[32];
	int8_t naf_k[256], naf_s[256];
	jwtauth__ge_cached ai[4];
	jwtauth__ge_niels bn;
	jwtauth__ge p, r;
	jwtauth__ge_c c;
	jwtauth__fe d2, zi;
	int i, j;
	jwtauth__sc_naf(naf_k, k, 4);
	jwtauth__sc_naf(naf_s, sig + 32, 7);

	/* odd multiples of -A: 1, 3, 5, 7 */
	jwtauth__fe_from_words(d2, jwtauth__ed_d2);
	memcpy(p.X, nega, sizeof p.X);
	memcpy(p.Y, nega + 5, sizeof p.Y);
	memcpy(p.T, nega + 10, sizeof p.T);
	jwtauth__fe_set(p.Z, 1);
	jwtauth__ge_cache(&ai[0], &p, d2);
	jwtauth__ge_dbl(&c, &p);
	jwtauth__ge_to_p3(&r, &c);               /* r = -2A */
	for (j = 1; j < 4; j++) {
		jwtauth__ge_add(&c, &r, &ai[j - 1], 0);
		jwtauth__ge_to_p3(&p, &c);
		jwtauth__ge_cache(&ai[j], &p, d2);
	}

	/* [S]B + [k](-A), both digit strings scanned from the top */
	for (i = 255; i >= 0 && !naf_k[i] && !naf_s[i]; i--) {}
	jwtauth__fe_set(r.X, 0);
	jwtauth__fe_set(r.Y, 1);
	jwtauth__fe_set(r.Z, 1);
	for (; i >= 0; i--) {
		jwtauth__ge_dbl(&c, &r);
		if (naf_k[i]) {
			jwtauth__ge_to_p3(&p, &c);
			jwtauth__ge_add(&c, &p, &ai[(naf_k[i] < 0 ? -naf_k[i] : naf_k[i]) / 2],
				naf_k[i] < 0);
		}
		if (naf_s[i]) {
			const uint64_t (*e)[4] = jwtauth__ed_base[(naf_s[i] < 0 ? -naf_s[i] : naf_s[i]) / 2];
			jwtauth__fe_from_words(bn.ypx, e[0]);
			jwtauth__fe_from_words(bn.ymx, e[1]);
			jwtauth__fe_from_words(bn.xy2d, e[2]);
			jwtauth__ge_to_p3(&p, &c);
			jwtauth__ge_madd(&c, &p, &bn, naf_s[i] < 0);
		}
		jwtauth__ge_to_p2(&r, &c);
	}

	/* encode: y with the parity of x in the top bit */
	jwtauth__fe_invert(zi, r.Z);
	jwtauth__fe_mul(r.X, r.X, zi);
	jwtauth__fe_mul(r.Y, r.Y, zi);
	jwtauth__fe_tobytes(enc, r.Y);
	enc[31] |= (uint8_t)(jwtauth__fe_isneg(r.X) << 7);
	return memcmp(enc, sig, 32) == 0 ? JWTAUTH_OK : JWTAUTH_ERR_SIGNATURE;
}

/* RFC 8032 5.1.7, cofactorless: with k = SHA-512(R || A || M) mod L,
   accept when S < L and the encoding of [S]B - [k]A equals R byte for
   byte (so R must be canonical). See docs/eddsa.md for the choice. */
static int jwtauth__ed25519_verify(const uint64_t nega[15], const uint8_t a[32],
	const uint8_t *msg, size_t msg_len, const uint8_t *sig, size_t sig_len)
{
	uint8_t k[32];
	if (sig_len != 64) return JWTAUTH_ERR_SIGNATURE;
	if (!jwtauth__sc_lt_l(sig + 32)) return JWTAUTH_ERR_SIGNATURE;
	jwtauth__ed25519_k(k, sig, a, msg, msg_len);
	return jwtauth__ed25519_check(nega, k, sig);
}

/* ======================================================================
   ECDSA: variable-time P-256, P-384 and P-521 verification
   ----------------------------------------------------------------------
   jwtauth_ecdsa_vrfy_raw has the shape of BearSSL's br_ecdsa_vrfy (raw
   r || s) and does all of its work with the arithmetic below: Montgomery
   multiplication modulo n, and modulo p for P-256 and P-384 (P-521 reduces
   modulo its Mersenne prime directly), on 64-bit limbs with 128-bit
   products (32-bit limbs with 64-bit products where the compiler has no
   unsigned __int128, or when JWTAUTH_EC_32BIT is defined), s^-1 by
   Fermat's little theorem, u1*G + u2*Q by interleaved wNAF in Jacobian
   coordinates (a precomputed affine table of G, a per-call table of Q),
   and the final x(R) mod n == r check without an inversion.
   Variable time is safe here: every input is public (the signature, the
   public key, the hash of a token anyone can read), so timing reveals
   nothing an attacker does not already hold. Key loading uses the same
   arithmetic to check that a public point lies on its curve.
   JWTAUTH_EC_BEARSSL leaves this code out; BearSSL's ECDSA is then the
   default, and it stays selectable through jwtauth_engines otherwise.
   The constants come from tests/gen_ec_consts.py.
   ====================================================================== */
#ifndef JWTAUTH_EC_BEARSSL

#if defined(__SIZEOF_INT128__) && !defined(JWTAUTH_EC_32BIT)
typedef uint64_t jwtauth__ec_limb;
__extension__ typedef unsigned __int128 jwtauth__ec_dlimb;
#define JWTAUTH__LB 64
#else
typedef uint32_t jwtauth__ec_limb;
typedef uint64_t jwtauth__ec_dlimb;
#define JWTAUTH__LB 32
#endif
/* Limbs of the largest element of the curves built (P-521 in 9 64-bit or
   18 32-bit words, so that both widths share R = 2^(64*words) and the
   constant tables), and the bit length of the largest order n: they size
   every working array, so a build without P-521 keeps smaller frames. */
#if defined(JWTAUTH_HAVE_ES512)
#define JWTAUTH__ECL (576 / JWTAUTH__LB)
#define JWTAUTH__ECBITS 521
#elif defined(JWTAUTH_HAVE_ES384)
#define JWTAUTH__ECL (384 / JWTAUTH__LB)
#define JWTAUTH__ECBITS 384
#else
#define JWTAUTH__ECL (256 / JWTAUTH__LB)
#define JWTAUTH__ECBITS 256
#endif
#define JWTAUTH__GW 16   /* odd multiples of G in its table (wNAF width 6) */
/* The wNAF width for Q (JWTAUTH_EC_QWINDOW, 2 to 6; 5 unless defined):
   its 2^(w-2) odd multiples are built per call as Jacobian points (220
   bytes each for P-521 on 32-bit limbs). Each step down halves the table
   and adds about a sixth more additions of Q. */
#ifndef JWTAUTH_EC_QWINDOW
#define JWTAUTH_EC_QWINDOW 5
#endif
#if JWTAUTH_EC_QWINDOW < 2 || JWTAUTH_EC_QWINDOW > 6
#error "JWTAUTH_EC_QWINDOW must be 2 to 6"
#endif
#define JWTAUTH__QW (1 << (JWTAUTH_EC_QWINDOW - 2))   /* odd multiples of Q */
/* The nonzero digits a wNAF of the narrower width can hold: they lie at
   least w positions apart in at most JWTAUTH__ECBITS + 1 positions. */
#define JWTAUTH__WNAF_MINW (JWTAUTH_EC_QWINDOW < 6 ? JWTAUTH_EC_QWINDOW : 6)
#define JWTAUTH__WNAF_DIGITS (JWTAUTH__ECBITS / JWTAUTH__WNAF_MINW + 1)

/* Each curve's constants are compiled only when its algorithm is built. */
#ifdef JWTAUTH_HAVE_ES256
static const uint64_t jwtauth__ec_p256_p[4] = {
	0xffffffffffffffffu, 0x00000000ffffffffu, 0x0000000000000000u,
	0xffffffff00000001u,
};
static const uint64_t jwtauth__ec_p256_n[4] = {
	0xf3b9cac2fc632551u, 0xbce6faada7179e84u, 0xffffffffffffffffu,
	0xffffffff00000000u,
};
static const uint64_t jwtauth__ec_p256_rrp[4] = {
	0x0000000000000003u, 0xfffffffbffffffffu, 0xfffffffffffffffeu,
	0x00000004fffffffdu,
};
static const uint64_t jwtauth__ec_p256_rrn[4] = {
	0x83244c95be79eea2u, 0x4699799c49bd6fa6u, 0x2845b2392b6bec59u,
	0x66e12d94f3d95620u,
};
static const uint64_t jwtauth__ec_p256_b[4] = {
	0xd89cdf6229c4bddfu, 0xacf005cd78843090u, 0xe5a220abf7212ed6u,
	0xdc30061d04874834u,
};
static const uint64_t jwtauth__ec_p256_one[4] = {
	0x0000000000000001u, 0xffffffff00000000u, 0xffffffffffffffffu,
	0x00000000fffffffeu,
};
/* G, 3G, ..., 31G: x then y of each */
static const uint64_t jwtauth__ec_p256_g[128] = {
	0x79e730d418a9143cu, 0x75ba95fc5fedb601u, 0x79fb732b77622510u,
	0x18905f76a53755c6u, 0xddf25357ce95560au, 0x8b4ab8e4ba19e45cu,
	0xd2e88688dd21f325u, 0x8571ff1825885d85u, 0xffac3f904eebc127u,
	0xb027f84a087d81fbu, 0x66ad77dd87cbbc98u, 0x26936a3fb6ff747eu,
	0xb04c5c1fc983a7ebu, 0x583e47ad0861fe1au, 0x788208311a2ee98eu,
	0xd5f06a29e587cc07u, 0xbe1b8aaec45c61f5u, 0x90ec649a94b9537du,
	0x941cb5aad076c20cu, 0xc9079605890523c8u, 0xeb309b4ae7ba4f10u,
	0x73c568efe5eb882bu, 0x3540a9877e7a1f68u, 0x73a076bb2dd1e916u,
	0x0746354ea0173b4fu, 0x2bd20213d23c00f7u, 0xf43eaab50c23bb08u,
	0x13ba5119c3123e03u, 0x2847d0303f5b9d4du, 0x6742f2f25da67bddu,
	0xef933bdc77c94195u, 0xeaedd9156e240867u, 0x75c96e8f264e20e8u,
	0xabe6bfed59a7a841u, 0x2cc09c0444c8eb00u, 0xe05b3080f0c4e16bu,
	0x1eb7777aa45f3314u, 0x56af7bedce5d45e3u, 0x2b6e019a88b12f1au,
	0x086659cdfd835f9bu, 0xea7d260a6245e404u, 0x9de407956e7fdfe0u,
	0x1ff3a4158dac1ab5u, 0x3e7090f1649c9073u, 0x1a7685612b944e88u,
	0x250f939ee57f61c8u, 0x0c0daa891ead643du, 0x68930023e125b88eu,
	0xccc425634b2ed709u, 0x0e356769856fd30du, 0xbcbcd43f559e9811u,
	0x738477ac5395b759u, 0x35752b90c00ee17fu, 0x68748390742ed2e3u,
	0x7cd06422bd1f5bc1u, 0xfbc08769c9e7b797u, 0x72bcd8b7bc60055bu,
	0x03cc23ee56e27e4bu, 0xee337424e4819370u, 0xe2aa0e430ad3da09u,
	0x40b8524f6383c45du, 0xd766355442a41b25u, 0x64efa6de778a4797u,
	0x2042170a7079adf4u, 0x97091dcbd53c5c9du, 0xf17624b6ac0a177bu,
	0xb0f139752cfe2dffu, 0xc1a35c0a6c7a574eu, 0x227d314693e79987u,
	0x0575bf30e89cb80eu, 0x2f4e247f0d1883bbu, 0xebd512263274c3d0u,
	0xfea912baa5659ae8u, 0x68363aba25e1a16eu, 0xb8842277752c41acu,
	0xfe545c282897c3fcu, 0x2d36e9e7dc4c696bu, 0x5806244afba977c5u,
	0x85665e9be39508c1u, 0xf720ee256d12597bu, 0x562e4cecc135b208u,
	0x74e1b2654783f47du, 0x6d2a506c5a3f3b30u, 0xecead9f4c16762fcu,
	0xf29dd4b2e286e5b9u, 0x1b0fadc083bb3c61u, 0x7a75023e7fac29a4u,
	0xc086d5f1c9477fa3u, 0xf4f876532de45068u, 0x37c7a7e89e2e1f6eu,
	0xd0825fa2a3584069u, 0xaf2cea7c1727bf42u, 0x0360a4fb9e4785a9u,
	0xe5fda49c27299f4au, 0x48068e1371ac2f71u, 0x83d0687b9077666fu,
	0xa4a319acd837879fu, 0x6fc1b49eed6b67b0u, 0xe395993332f1f3afu,
	0x966742eb65432a2eu, 0x4b8dc9feb4966228u, 0x96cc631243f43950u,
	0x12068859c9b731eeu, 0x7b948dc356f79968u, 0x042c2af497e2feb4u,
	0xd36a42d7aebf7313u, 0x49d2c9eb084ffdd7u, 0x9f8aa54b2ef7c76au,
	0x9200b7ba09895e70u, 0x3bd0c66fddb7fb58u, 0x2d97d10878eb4cbbu,
	0x2d431068d84bde31u, 0x5e5db46acb66e132u, 0xf1be963a0d925880u,
	0x944a70270317b9e2u, 0xe266f95948603d48u, 0x98db66735c208899u,
	0x90472447a2fb18a3u, 0x8a966939777c619fu, 0x3798142a2a3be21bu,
	0xe2f73c696755ff89u, 0xdd3cf7e7473017e6u, 0x8ef5689d3cf7600du,
	0x948dc4f8b1fc87b4u, 0xd9e9fe814ea53299u, 0x2d921ca298eb6028u,
	0xfaecedfd0c9803fcu, 0xf38ae8914d7b4745u,
};
#endif
#ifdef JWTAUTH_HAVE_ES384
static const uint64_t jwtauth__ec_p384_p[6] = {
	0x00000000ffffffffu, 0xffffffff00000000u, 0xfffffffffffffffeu,
	0xffffffffffffffffu, 0xffffffffffffffffu, 0xffffffffffffffffu,
};
static const uint64_t jwtauth__ec_p384_n[6] = {
	0xecec196accc52973u, 0x581a0db248b0a77au, 0xc7634d81f4372ddfu,
	0xffffffffffffffffu, 0xffffffffffffffffu, 0xffffffffffffffffu,
};
static const uint64_t jwtauth__ec_p384_rrp[6] = {
	0xfffffffe00000001u, 0x0000000200000000u, 0xfffffffe00000000u,
	0x0000000200000000u, 0x0000000000000001u, 0x0000000000000000u,
};
static const uint64_t jwtauth__ec_p384_rrn[6] = {
	0x2d319b2419b409a9u, 0xff3d81e5df1aa419u, 0xbc3e483afcb82947u,
	0xd40d49174aab1cc5u, 0x3fb05b7a28266895u, 0x0c84ee012b39bf21u,
};
static const uint64_t jwtauth__ec_p384_b[6] = {
	0x081188719d412dccu, 0xf729add87a4c32ecu, 0x77f2209b1920022eu,
	0xe3374bee94938ae2u, 0xb62b21f41f022094u, 0xcd08114b604fbff9u,
};
static const uint64_t jwtauth__ec_p384_one[6] = {
	0xffffffff00000001u, 0x00000000ffffffffu, 0x0000000000000001u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
};
/* G, 3G, ..., 31G: x then y of each */
static const uint64_t jwtauth__ec_p384_g[192] = {
	0x3dd0756649c0b528u, 0x20e378e2a0d6ce38u, 0x879c3afc541b4d6eu,
	0x6454868459a30effu, 0x812ff723614ede2bu, 0x4d3aadc2299e1513u,
	0x23043dad4b03a4feu, 0xa1bfa8bf7bb4a9acu, 0x8bade7562e83b050u,
	0xc6c3521968f4ffd9u, 0xdd8002263969a840u, 0x2b78abc25a15c5e9u,
	0x05e4dbe6c1dc4073u, 0xc54ea9fff04f779cu, 0x6b2034e9a170ccf0u,
	0x3a48d732d51c6c3eu, 0xe36f7e2d263aa470u, 0xd283fe68e7c1c3acu,
	0x7e284821c04ee157u, 0x92d789a77ae0e36du, 0x132663c04ef67446u,
	0x68012d5ad2e1d0b4u, 0xf6db68b15102b339u, 0x465465fc983292afu,
	0xbb595eba68f1f0dfu, 0xc185c0cbcc873466u, 0x7f1eb1b5293c703bu,
	0x60db2cf5aacc05e6u, 0xc676b987e2e8e4c6u, 0xe1bb26b11d178ffbu,
	0x2b694ba07073fa21u, 0x22c16e2e72f34566u, 0x80b61b3101c35b99u,
	0x4b237faf982c0411u, 0xe6c5944024de236du, 0x4db1c9d6e209e4a3u,
	0xdf13b9d17d69222bu, 0x4ce6415f874774b1u, 0x731edcf8211faa95u,
	0x5f4215d1659753edu, 0xf893db589db2df55u, 0x932c9f811c89025bu,
	0x0996b2207706a61eu, 0x135349d5a8641c79u, 0x65aad76f50130844u,
	0x0ff37c0401fff780u, 0xf57f238e693b0706u, 0xd90a16b6af6c9b3eu,
	0x2f5d200e2353b92fu, 0xe35d87293fd7e4f9u, 0x26094833a96d745du,
	0xdc351dc13cbfff3fu, 0x26d464c6dad54d6au, 0x5cab1d1d53636c6au,
	0xf2813072b18ec0b0u, 0x3777e270d742aa2fu, 0x27f061c7033ca7c2u,
	0xa6ecaccc68ead0d8u, 0x7d9429f4ee69a754u, 0xe770633431e8f5c6u,
	0xc7708b19b68b8c7du, 0x4532077c44377abau, 0x0dcc67706cdad64fu,
	0x01b8bf56147b6602u, 0xf8d89885f0561d79u, 0x9c19e9fc7ba9c437u,
	0x764eb146bdc4ba25u, 0x604fe46bac144b83u, 0x3ce813298a77e780u,
	0x2e070f36fe9e682eu, 0x41821d0c3a53287au, 0x9aa62f9f3533f918u,
	0x9b7aeb7e75ccbdfbu, 0xb25e28c5f6749a95u, 0x8a7a8e4633b7d4aeu,
	0xdb5203a8d9c1bd56u, 0xd2657265ed22df97u, 0xb51c56e18cf23c94u,
	0xf4d394596c3d812du, 0xd8e88f1a87cae0c2u, 0x789a2a48cf4d0fe3u,
	0xb7feac2dfec38d60u, 0x81fdbd1c3b490ec3u, 0x4617adb7cc6979e1u,
	0x446ad8884709f4a9u, 0x2b7210e2ec3dabd8u, 0x83ccf19550e07b34u,
	0x59500917789b3075u, 0x0fc01fd4eb085993u, 0xfb62d26f4903026bu,
	0x2309cc9d6fe989bbu, 0x61609cbd144bd586u, 0x4b23d3a0de06610cu,
	0xdddc2866d898f470u, 0x8733fc41400c5797u, 0x5a68c6fed0bc2716u,
	0x8903e1304b4a3cd0u, 0x3ea4ea4c8ff1f43eu, 0xe6fc3f2af655a10du,
	0x7be3737d524ffefcu, 0x9f6928555330455eu, 0x524f166ee475ce70u,
	0x3fcc69cd6c12f055u, 0x4e23b6ffd5b9c0dau, 0x49ce6993336bf183u,
	0xf87d6d854a54504au, 0x25eb5df1b3c2677au, 0xac37986f55b164c9u,
	0x82a2ed4abaa84c08u, 0x22c4cc5f41a8c912u, 0xca109c3b154aad5eu,
	0x23891298fc38538eu, 0xb3b6639c539802aeu, 0xfa0f1f450390d706u,
	0x46b78e5db0dc21d0u, 0xa8c72d3cc3da2eacu, 0x9170b3786ff2f643u,
	0x3f5a799bb67f30c3u, 0x15d1dc778264b672u, 0xa1d47b23e9577764u,
	0x08265e510422ce2fu, 0x88e0d496dd2f9e21u, 0x30128aa06177f75du,
	0x2e59ab62bd9ebe69u, 0x1b1a0f6c5df0e537u, 0xab16c626dac012b5u,
	0x8014214b008c5de7u, 0xaa740a9e38f17beau, 0x262ebb498a149098u,
	0xb454111e8527cd59u, 0x266ad15aacea5817u, 0x21824f411353ccbau,
	0xd1b4e74d12e3683bu, 0x990ed20b569b8ef6u, 0xb9d3dd25429c0a18u,
	0x1c75b8ab2a351783u, 0x61e4ca2b905432f0u, 0x80826a69eea8f224u,
	0x7fc33a6bec52abadu, 0x0bcca3f0a65e4813u, 0x7ad8a132a527cebeu,
	0xf0138950eaf22c7eu, 0x282d2437566718c1u, 0x9dfccb0de2212559u,
	0x1e93722758ce3b83u, 0xbb280dfa3cb3fb36u, 0x57d0f3d2e2be174au,
	0x9bd51b99208abe1eu, 0x3809ab50de248024u, 0xc29c6e2ca5bb7331u,
	0x9944fd2e61124f05u, 0x83ccbc4e9009e391u, 0x01628f059424a3ccu,
	0xd6a2f51dea8e4344u, 0xda3e1a3d4cebc96eu, 0x1fe6fb42e97809dcu,
	0xa04482d2467d66e4u, 0xcf1912934d78291du, 0x8e0d4168482396f9u,
	0x7228e2d5d18f14d0u, 0x2f7e8d509c6a58feu, 0xe8ca780e373e5aecu,
	0x42aad1d61b68e9f8u, 0x58a6d7f569e2f8f4u, 0xd779adfe31da1beau,
	0x7d26540638c85a85u, 0x67e67195d44d3cdfu, 0x17820a0bc5134ed7u,
	0x019d6ac5d3021470u, 0x25846b66780443d6u, 0xce3c15ed55c97647u,
	0x3dc22d490e3feb0fu, 0x2065b7cba7df26e4u, 0xc8b00ae8187cea1fu,
	0x1a5284a0865dded3u, 0x293c164920c83de2u, 0xab178d26cce851b3u,
	0x8e6db10b404505fbu, 0xf6f57e7190c82033u, 0x1d2a1c015977f16cu,
	0xa39c89317c8906a4u, 0xb6e7ecdd9e821ee6u, 0x2ecf8340f0df4fe6u,
	0xd42f7dc953c14965u, 0x1afb51a3e3ba8285u, 0x6c07c4040a3305d1u,
	0xdab83288127fc1dau, 0xbc0a699b374c4b08u, 0x402a9bab42eb20ddu,
	0xd7dd464f045a7a1cu, 0x5b3d0d6d36beecc4u, 0x475a3e756398a19du,
};
#endif
#ifdef JWTAUTH_HAVE_ES512
static const uint64_t jwtauth__ec_p521_p[9] = {
	0xffffffffffffffffu, 0xffffffffffffffffu, 0xffffffffffffffffu,
	0xffffffffffffffffu, 0xffffffffffffffffu, 0xffffffffffffffffu,
	0xffffffffffffffffu, 0xffffffffffffffffu, 0x00000000000001ffu,
};
static const uint64_t jwtauth__ec_p521_n[9] = {
	0xbb6fb71e91386409u, 0x3bb5c9b8899c47aeu, 0x7fcc0148f709a5d0u,
	0x51868783bf2f966bu, 0xfffffffffffffffau, 0xffffffffffffffffu,
	0xffffffffffffffffu, 0xffffffffffffffffu, 0x00000000000001ffu,
};
static const uint64_t jwtauth__ec_p521_rrp[9] = {
	0x0000000000000001u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
};
static const uint64_t jwtauth__ec_p521_rrn[9] = {
	0x137cd04dcf15dd04u, 0xf707badce5547ea3u, 0x12a78d38794573ffu,
	0xd3721ef557f75e06u, 0xdd6e23d82e49c7dbu, 0xcff3d142b7756e3eu,
	0x5bcc6d61a8e567bcu, 0x2d8e03d1492d0d45u, 0x000000000000003du,
};
static const uint64_t jwtauth__ec_p521_b[9] = {
	0xef451fd46b503f00u, 0x3573df883d2c34f1u, 0x1652c0bd3bb1bf07u,
	0x56193951ec7e937bu, 0xb8b489918ef109e1u, 0xa2da725b99b315f3u,
	0x929a21a0b68540eeu, 0x953eb9618e1c9a1fu, 0x0000000000000051u,
};
static const uint64_t jwtauth__ec_p521_one[9] = {
	0x0000000000000001u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
	0x0000000000000000u, 0x0000000000000000u, 0x0000000000000000u,
};
/* G, 3G, ..., 31G: x then y of each */
static const uint64_t jwtauth__ec_p521_g[288] = {
	0xf97e7e31c2e5bd66u, 0x3348b3c1856a429bu, 0xfe1dc127a2ffa8deu,
	0xa14b5e77efe75928u, 0xf828af606b4d3dbau, 0x9c648139053fb521u,
	0x9e3ecb662395b442u, 0x858e06b70404e9cdu, 0x00000000000000c6u,
	0x88be94769fd16650u, 0x353c7086a272c240u, 0xc550b9013fad0761u,
	0x97ee72995ef42640u, 0x17afbd17273e662cu, 0x98f54449579b4468u,
	0x5c8a5fb42c7d1bd9u, 0x39296a789a3bc004u, 0x0000000000000118u,
	0xa5919d2ede37ad7du, 0xaeb490862c32ea05u, 0x1da6bd16b59fe21bu,
	0xad3f164a3a483205u, 0xe5ad7a112d7a8dd1u, 0xb52a6e5b123d9ab9u,
	0xd91d6a64b5959479u, 0x3d352443de29195du, 0x00000000000001a7u,
	0x5f588ca1ee86c0e5u, 0xf105c9bc93a59042u, 0x2d5aced1dec3c70cu,
	0x2e2dd4cf8dc575b0u, 0xd2f8ab1fa355ceecu, 0xf1557fa82a9d0317u,
	0x979f86c6cab814f2u, 0x9b03b97dfa62ddd9u, 0x000000000000013eu,
	0xd5ab5096ec8f3078u, 0x29d7e1e6d8931738u, 0x7112feaf137e79a3u,
	0x383c0c6d5e301423u, 0xcf03dab8f177ace4u, 0x7a596efdb53f0d24u,
	0x3dbc3391c04eb0bfu, 0x2bf3c52927a432c7u, 0x0000000000000065u,
	0x173cc3e8deb090cbu, 0xd1f007257354f7f8u, 0x311540211cf5ff79u,
	0xbb6897c9072cf374u, 0xedd817c9a0347087u, 0x1cd8fe8e872e0051u,
	0x8a2b73114a811291u, 0xe6ef1bdd6601d6ecu, 0x000000000000015bu,
	0x01cead882816ecd4u, 0x6f953f50fdc2619au, 0xc9a6df30dce3bbc4u,
	0x8c308d0abfc698d8u, 0xf018d2c2f7114c5du, 0x5f22e0e8f5483228u,
	0xeeb65fda0b073a0cu, 0xd5d1d99d5b7f6346u, 0x0000000000000056u,
	0x5c6b8bc90525251bu, 0x9e76712a5ddefc7bu, 0x9523a34591ce1a5fu,
	0x6bd0f293cdec9e2bu, 0x71dbd98a26cbde55u, 0xb5c582d02824f0ddu,
	0xd1d8317a39d68478u, 0x2d1b7d9baaa2a110u, 0x000000000000003du,
	0x1f45627967cbe207u, 0x4f50babd85cd2866u, 0xf3c556df725a318fu,
	0x7429e1396134da35u, 0x2c4ab145b8c6b665u, 0xed34541b98874699u,
	0xa2f5bf157156d488u, 0x5389e359e1e21826u, 0x0000000000000158u,
	0x3aa0ea86b9ad2a4eu, 0x736c2ae928880f34u, 0x0ff56ecf4abfd87du,
	0x0d69e5756057ac84u, 0xc825ba263ddb446eu, 0x3088a654ee1cebb6u,
	0x0b55557a27ae938eu, 0x2e618c9a8aedf39fu, 0x000000000000002au,
	0xecc0e02dda0cdb9au, 0x015c024fa4c9a902u, 0xd19b1aebe3191085u,
	0xf3dbc5332663da1bu, 0x43ef2c54f2991652u, 0xed5dc7ed7c178495u,
	0x6f1a39573b4315cfu, 0x75841259fdedff54u, 0x000000000000008au,
	0x58874f92ce48c808u, 0xdcac80e3f4819b5du, 0x3892331914a95336u,
	0x1bc8a90e8b42a4abu, 0xed2e95d4e0b9b82bu, 0x3add566210bd0493u,
	0x9d0ca877054fb229u, 0xfb303fcbba212984u, 0x0000000000000096u,
	0x1887848d32fbcda7u, 0x4bec3b00ab38eff8u, 0x3550a5e79ab88ee9u,
	0x32c45908e03c996au, 0x4eedd2beaf5b8661u, 0x93f736cde1b4c238u,
	0xd7865d2b4924861au, 0x3e98f984c396ad9cu, 0x000000000000007eu,
	0x291a01fb022a71c9u, 0x6199eaaf9117e9f7u, 0x26dfdd351cbfbbc3u,
	0xc1bd5d5838bc763fu, 0x9c7a67ae5c1e212au, 0xced50a386d5421c6u,
	0x1a1926daa3ed5a08u, 0xee58eb6d781feda9u, 0x0000000000000108u,
	0xe9afe337bcb8db55u, 0x9b8d96981e3f92bdu, 0x7875bd1c8fc0331du,
	0xb91cce27dbd00ffeu, 0xd697b532df128e11u, 0xb8fbcc30b40a0852u,
	0x41558fc546d4300fu, 0x6ad89abcb92465f0u, 0x000000000000006bu,
	0x56343480a1475465u, 0x46fd90cc446abdd9u, 0x2148e2232c96c992u,
	0x7e9062c899470a80u, 0x4b62106997485ed5u, 0xdf0496a9bad20cbau,
	0x7ce64d2333edbf63u, 0x68da271571391d6au, 0x00000000000001b4u,
	0x76f817a853110ae0u, 0xf8c3042af0d1a410u, 0xdf4e799b5681380fu,
	0x760a69e674fe0287u, 0xd66524f269250858u, 0x99ee9e269fa2b3b4u,
	0xa0b874645923906au, 0x0ddb707f130eda13u, 0x00000000000001b0u,
	0x35b9cb7c70e64647u, 0xe6905594c2b755f5u, 0xd2f6757f16adf420u,
	0xf9da564ef6dd0bf0u, 0x8d68ac2b22a1323du, 0xb799534cf69910a9u,
	0xc111d4e4aeddd106u, 0x683f1d7db16576dbu, 0x0000000000000085u,
	0x78ff0b2418d6a19bu, 0xfecf431e725bbde4u, 0x9232557d7a45970du,
	0xfa3b309636266967u, 0xfff0acdb3790e7f1u, 0x45b77e0755df547eu,
	0xc0f948c2d5a1a072u, 0x8dcce486419c3487u, 0x0000000000000099u,
	0xa9091a695bfd0575u, 0xf5a4d89ea9fbfe44u, 0xb0ec39991631c377u,
	0x73ad963ff2eb8cf9u, 0xcc50eee365457727u, 0x67d28aee2b7bcf4au,
	0xc3942497535b245du, 0xd5da0626a021ed5cu, 0x0000000000000137u,
	0x42ef399693c8c9edu, 0x37ac920393a46d2du, 0xd9497eaed827d75bu,
	0x46257eae4d62a309u, 0x19523e759c467fa9u, 0x268bb98c2ed15e98u,
	0x3cc8550859ed3b10u, 0xcbb2c11a742bd2fbu, 0x00000000000001a1u,
	0xe60bc43c9cba4df5u, 0x7c9b0f17649ccb61u, 0xbeb43a372c63eec5u,
	0xdf741a53da483295u, 0x180a296f6bafa7f7u, 0xe83c0059c5193e6cu,
	0x2c12da7c5e40ce62u, 0x209d7d4f8eeb3d48u, 0x000000000000011au,
	0xa1c6a5ece2af535cu, 0x07e1f1ac26ae5806u, 0xe9e3f8e9a5ec53e2u,
	0x1f6f83fc9af5b0afu, 0x490d234d0cdd4510u, 0xee7a39ba785fb282u,
	0xdb1cacec5f547b8eu, 0x0b275d7290159376u, 0x00000000000001aeu,
	0xd815c3536fa0d000u, 0x213b4450a8d23856u, 0x3c27b27bb07dd0c2u,
	0x10843361ee97fcf4u, 0xb431647844c2dc0eu, 0x7d759ff890d05832u,
	0x68a2858fc068471cu, 0xc97a825e53853806u, 0x00000000000000f2u,
	0x3f8c2460bf70ace0u, 0xe41e0eb1c25d3fb1u, 0x56e87e2aa648ff27u,
	0xa91856917c36ee4du, 0x1c772c8c5499994au, 0x0073102651b107b1u,
	0xa35874a6f5dff9d2u, 0xe84c6d5c5a9a1834u, 0x0000000000000154u,
	0x4325bce404c78230u, 0xeede2a54672e6b6du, 0xd1e2370a6a5972f5u,
	0xdee3543572fbc1a0u, 0xf66c2888151666a6u, 0x15a923eb0022a0c7u,
	0xe22a28f80bb60d3fu, 0x0fdce9171910473au, 0x00000000000000cdu,
	0x357643017002d68bu, 0xb215604492ec4568u, 0x51353aeda0d3163cu,
	0x80b2123da719d483u, 0x33f35187e135854du, 0x8739535d0e4f862cu,
	0x62a4d4eb889e646fu, 0x373edf8218f9b6a7u, 0x0000000000000160u,
	0xf3e6aeca5d90b740u, 0x463ffe709d45acb3u, 0x13b874f4a8bb572eu,
	0x1efa491ed92ebc54u, 0x4a56f78e1a1b2201u, 0x9fd193c5cf52c3bbu,
	0xe5828401ac06a3fau, 0x597050014dcfe1c5u, 0x00000000000000f1u,
	0x2c3927618eda25dcu, 0xf33d8595d51f6d96u, 0x4003ab8e847ffb9eu,
	0x5ca9bc06876d7291u, 0x28bef38f7664a130u, 0xf9f45131e86265ecu,
	0xb3c1fbfcb65a085fu, 0xc644d6c94b68287du, 0x0000000000000174u,
	0x187bbbc4821a0c30u, 0x0679927c26ebbfbdu, 0x50c2732d706d303fu,
	0xbe0e21952ce0d90bu, 0xb5cf5eb795ad34b7u, 0x0233ef8fcb6441fcu,
	0x05acc95b41b7b782u, 0xf3a7c2f87f419e68u, 0x000000000000011au,
	0x2257d0e0c16a8803u, 0x0dcfb5e488e24812u, 0xfc14c1ac09cd6b22u,
	0xd65543a904c9d429u, 0x7260a83ca5e7726cu, 0xb574589657c2a661u,
	0x006a58cdb7307b7du, 0xe9920cf30f0c6615u, 0x00000000000000d8u,
	0xca4677c739792d19u, 0xaa1bd97c7b54318au, 0x139a868cae4cc263u,
	0xf76b8c3244d14790u, 0x0aefb72cbed1aa30u, 0x8b5406328f10c806u,
	0xdf09c13a214a30ecu, 0xb023b5454a663987u, 0x0000000000000127u,
};
#endif

typedef struct jwtauth__ecc {
	int curve;             /* BR_EC_secp256r1, ... */
	unsigned n64;          /* 64-bit words of p and n */
	unsigned clen;         /* bytes of a coordinate, of r and of s */
	unsigned nbits;        /* bit length of n (hash truncation) */
	const uint64_t *p, *n, *rrp, *rrn, *b, *one, *g;
} jwtauth__ecc;

static const jwtauth__ecc jwtauth__ec_curves[] = {
#ifdef JWTAUTH_HAVE_ES256
	{ BR_EC_secp256r1, 4, 32, 256, jwtauth__ec_p256_p, jwtauth__ec_p256_n,
	  jwtauth__ec_p256_rrp, jwtauth__ec_p256_rrn, jwtauth__ec_p256_b,
	  jwtauth__ec_p256_one, jwtauth__ec_p256_g },
#endif
#ifdef JWTAUTH_HAVE_ES384
	{ BR_EC_secp384r1, 6, 48, 384, jwtauth__ec_p384_p, jwtauth__ec_p384_n,
	  jwtauth__ec_p384_rrp, jwtauth__ec_p384_rrn, jwtauth__ec_p384_b,
	  jwtauth__ec_p384_one, jwtauth__ec_p384_g },
#endif
#ifdef JWTAUTH_HAVE_ES512
	{ BR_EC_secp521r1, 9, 66, 521, jwtauth__ec_p521_p, jwtauth__ec_p521_n,
	  jwtauth__ec_p521_rrp, jwtauth__ec_p521_rrn, jwtauth__ec_p521_b,
	  jwtauth__ec_p521_one, jwtauth__ec_p521_g }
#endif
};

/* NULL for a curve left out of the build. */
static const jwtauth__ecc *jwtauth__ec_curve(int curve)
{
	int i;
	for (i = 0; i < (int)(sizeof jwtauth__ec_curves / sizeof jwtauth__ec_curves[0]); i++)
		if (jwtauth__ec_curves[i].curve == curve) return &jwtauth__ec_curves[i];
	return NULL;
}

/* Field operations modulo p (d may alias an operand). */
typedef void (*jwtauth__ec_fmul)(jwtauth__ec_limb *d, const jwtauth__ec_limb *a,
	const jwtauth__ec_limb *b, const jwtauth__ec_limb *m, jwtauth__ec_limb minv);
typedef void (*jwtauth__ec_fsqr)(jwtauth__ec_limb *d, const jwtauth__ec_limb *a,
	const jwtauth__ec_limb *m, jwtauth__ec_limb minv);
typedef void (*jwtauth__ec_fadd)(jwtauth__ec_limb *d, const jwtauth__ec_limb *a,
	const jwtauth__ec_limb *b, const jwtauth__ec_limb *m);

/* The working form of a curve: moduli as limbs, Montgomery constants and
   the field operations for its size. */
typedef struct jwtauth__ecf {
	const jwtauth__ecc *c;
	unsigned nl;                    /* limbs */
	jwtauth__ec_limb pinv, ninv;       /* -p^-1, -n^-1 mod 2^LB */
	jwtauth__ec_limb p[JWTAUTH__ECL], n[JWTAUTH__ECL];
	jwtauth__ec_limb b[JWTAUTH__ECL], one[JWTAUTH__ECL];  /* b*R, R mod p */
	jwtauth__ec_fmul fm;
	jwtauth__ec_fsqr fq;
	jwtauth__ec_fadd fa, fs;
} jwtauth__ecf;

/* Jacobian point (x/z^2, y/z^3), Montgomery coordinates. The curves have
   prime order (cofactor 1), so every point other than infinity has y != 0
   and a doubling never gives infinity; `inf` is therefore exact. */
typedef struct jwtauth__ecp {
	jwtauth__ec_limb x[JWTAUTH__ECL], y[JWTAUTH__ECL], z[JWTAUTH__ECL];
	int inf;
} jwtauth__ecp;

/* Constant words -> limbs (the 32-bit path splits each word). */
static void jwtauth__ec_ld(jwtauth__ec_limb *d, const uint64_t *s, unsigned nl)
{
	unsigned i;
#if JWTAUTH__LB == 64
	for (i = 0; i < nl; i++) d[i] = s[i];
#else
	for (i = 0; i < nl / 2; i++) {
		d[2 * i] = (jwtauth__ec_limb)s[i];
		d[2 * i + 1] = (jwtauth__ec_limb)(s[i] >> 32);
	}
#endif
}

/* -m^-1 mod 2^LB for odd m0 (Newton: each step doubles the good bits). */
static jwtauth__ec_limb jwtauth__ec_ninv(jwtauth__ec_limb m0)
{
	jwtauth__ec_limb x = m0;   /* correct to 3 bits: m0 * m0 = 1 mod 8 */
	int i;
	for (i = 0; i < 5; i++) x *= (jwtauth__ec_limb)(2 - m0 * x);
	return (jwtauth__ec_limb)(0 - x);
}

/* ---- multi-limb integers (little-endian limbs, nl of them) ---- */

#if defined(__GNUC__) || defined(__clang__)
#define JWTAUTH__EC_INLINE static inline __attribute__((always_inline))
#else
#define JWTAUTH__EC_INLINE static inline
#endif
/* Full unrolling of the limb loops: with a constant limb count the carry
   chains then stay in registers (not under JWTAUTH_OPTIMIZE_SIZE). */
#if !defined(JWTAUTH_OPTIMIZE_SIZE) \
    && (defined(__clang__) || (defined(__GNUC__) && __GNUC__ >= 8))
#define JWTAUTH__EC_UNROLL _Pragma("GCC unroll 18")
#else
#define JWTAUTH__EC_UNROLL
#endif


JWTAUTH__EC_INLINE int jwtauth__ec_cmp(const jwtauth__ec_limb *a, const jwtauth__ec_limb *b, unsigned nl)
{
	while (nl-- > 0)
		if (a[nl] != b[nl]) return a[nl] < b[nl] ? -1 : 1;
	return 0;
}

JWTAUTH__EC_INLINE int jwtauth__ec_iszero(const jwtauth__ec_limb *a, unsigned nl)
{
	jwtauth__ec_limb t = 0;
	unsigned i;
	JWTAUTH__EC_UNROLL
	for (i = 0; i < nl; i++) t |= a[i];
	return t == 0;
}

/* *d = a + b + c and *d = a - b - c (c is 0 or 1), returning the carry or
   borrow. GCC and Clang turn the overflow builtins into add-with-carry
   chains, about half the instructions of the portable comparisons. */
JWTAUTH__EC_INLINE jwtauth__ec_limb jwtauth__ec_adc(jwtauth__ec_limb *d, jwtauth__ec_limb a,
	jwtauth__ec_limb b, jwtauth__ec_limb c)
{
#if defined(__GNUC__) || defined(__clang__)
	jwtauth__ec_limb t;
	unsigned c1 = __builtin_add_overflow(a, b, &t);
	unsigned c2 = __builtin_add_overflow(t, c, d);
	return (jwtauth__ec_limb)(c1 | c2);
#else
	jwtauth__ec_limb t = a + b, c1 = t < a;
	*d = t + c;
	return c1 | (*d < t);
#endif
}
JWTAUTH__EC_INLINE jwtauth__ec_limb jwtauth__ec_sbb(jwtauth__ec_limb *d, jwtauth__ec_limb a,
	jwtauth__ec_limb b, jwtauth__ec_limb c)
{
#if defined(__GNUC__) || defined(__clang__)
	jwtauth__ec_limb t;
	unsigned b1 = __builtin_sub_overflow(a, b, &t);
	unsigned b2 = __builtin_sub_overflow(t, c, d);
	return (jwtauth__ec_limb)(b1 | b2);
#else
	jwtauth__ec_limb t = a - b, b1 = a < b;
	*d = t - c;
	return b1 | (t < c);
#endif
}

/* d = a - b, returns the borrow. */
JWTAUTH__EC_INLINE jwtauth__ec_limb jwtauth__ec_subw(jwtauth__ec_limb *d, const jwtauth__ec_limb *a,
	const jwtauth__ec_limb *b, unsigned nl)
{
	jwtauth__ec_limb br = 0;
	unsigned i;
	JWTAUTH__EC_UNROLL
	for (i = 0; i < nl; i++) br = jwtauth__ec_sbb(&d[i], a[i], b[i], br);
	return br;
}

/* d = a + b, returns the carry. */
JWTAUTH__EC_INLINE jwtauth__ec_limb jwtauth__ec_addw(jwtauth__ec_limb *d, const jwtauth__ec_limb *a,
	const jwtauth__ec_limb *b, unsigned nl)
{
	jwtauth__ec_limb c = 0;
	unsigned i;
	JWTAUTH__EC_UNROLL
	for (i = 0; i < nl; i++) c = jwtauth__ec_adc(&d[i], a[i], b[i], c);
	return c;
}

/* Big-endian bytes -> limbs; 0 when the value needs more than nl limbs. */
static int jwtauth__ec_decode(jwtauth__ec_limb *d, unsigned nl,
	const uint8_t *src, size_t len)
{
	size_t i;
	JWTAUTH__EC_UNROLL
	for (i = 0; i < nl; i++) d[i] = 0;
	JWTAUTH__EC_UNROLL
	for (i = 0; i < len; i++) {
		size_t k = len - 1 - i;            /* byte weight 256^i */
		if (i / (JWTAUTH__LB / 8) >= nl) {
			if (src[k]) return 0;
			continue;
		}
		d[i / (JWTAUTH__LB / 8)] |= (jwtauth__ec_limb)src[k] << (8 * (i % (JWTAUTH__LB / 8)));
	}
	return 1;
}

/* limbs -> big-endian bytes (len bytes; the value must fit). */
static void jwtauth__ec_encode(uint8_t *dst, size_t len, const jwtauth__ec_limb *a,
	unsigned nl)
{
	size_t i;
	JWTAUTH__EC_UNROLL
	for (i = 0; i < len; i++) {
		size_t w = i / (JWTAUTH__LB / 8);
		dst[len - 1 - i] = w < nl
			? (uint8_t)(a[w] >> (8 * (i % (JWTAUTH__LB / 8)))) : 0;
	}
}

/* ---- Montgomery arithmetic modulo m (p or n): values in [0, m) ---- */

/* t[0 .. 2nl) = a * b */
JWTAUTH__EC_INLINE void jwtauth__ec_mulw(jwtauth__ec_limb *t, const jwtauth__ec_limb *a,
	const jwtauth__ec_limb *b, unsigned nl)
{
	unsigned i, j;
	JWTAUTH__EC_UNROLL
	for (i = 0; i < nl; i++) {
		jwtauth__ec_limb c = 0, bi = b[i];
		JWTAUTH__EC_UNROLL
		for (j = 0; j < nl; j++) {
			jwtauth__ec_dlimb acc = (jwtauth__ec_dlimb)a[j] * bi + (i ? t[i + j] : 0) + c;
			t[i + j] = (jwtauth__ec_limb)acc;
			c = (jwtauth__ec_limb)(acc >> JWTAUTH__LB);
		}
		t[i + nl] = c;
	}
}

#if JWTAUTH__LB == 32 || defined(JWTAUTH_HAVE_ES256) || defined(JWTAUTH_HAVE_ES384)
/* t[0 .. 2nl) = a^2: each cross product once, doubled, plus the squares */
JWTAUTH__EC_INLINE void jwtauth__ec_sqrw(jwtauth__ec_limb *t, const jwtauth__ec_limb *a,
	unsigned nl)
{
	unsigned i, j;
	jwtauth__ec_limb c;
	JWTAUTH__EC_UNROLL
	for (i = 0; i < 2 * nl; i++) t[i] = 0;
	JWTAUTH__EC_UNROLL
	for (i = 0; i + 1 < nl; i++) {
		c = 0;
		JWTAUTH__EC_UNROLL
		for (j = i + 1; j < nl; j++) {
			jwtauth__ec_dlimb acc = (jwtauth__ec_dlimb)a[j] * a[i] + t[i + j] + c;
			t[i + j] = (jwtauth__ec_limb)acc;
			c = (jwtauth__ec_limb)(acc >> JWTAUTH__LB);
		}
		t[i + nl] = c;
	}
	/* double: t = 2t */
	c = 0;
	JWTAUTH__EC_UNROLL
	for (i = 1; i < 2 * nl; i++) {
		jwtauth__ec_limb x = t[i];
		t[i] = (jwtauth__ec_limb)((x << 1) | c);
		c = x >> (JWTAUTH__LB - 1);
	}
	/* add the squares a[i]^2 at 2i */
	c = 0;
	JWTAUTH__EC_UNROLL
	for (i = 0; i < nl; i++) {
		jwtauth__ec_dlimb sq = (jwtauth__ec_dlimb)a[i] * a[i];
		jwtauth__ec_dlimb acc = (jwtauth__ec_dlimb)t[2 * i] + (jwtauth__ec_limb)sq + c;
		t[2 * i] = (jwtauth__ec_limb)acc;
		acc = (jwtauth__ec_dlimb)t[2 * i + 1] + (jwtauth__ec_limb)(sq >> JWTAUTH__LB)
			+ (jwtauth__ec_limb)(acc >> JWTAUTH__LB);
		t[2 * i + 1] = (jwtauth__ec_limb)acc;
		c = (jwtauth__ec_limb)(acc >> JWTAUTH__LB);
	}
}
#endif   /* P-521 squares on its own limbs when 128-bit products exist */

/* d = t / R mod m for t < m R (Montgomery reduction, word by word) */
JWTAUTH__EC_INLINE void jwtauth__ec_redc(jwtauth__ec_limb *d, jwtauth__ec_limb *t,
	const jwtauth__ec_limb *m, jwtauth__ec_limb minv, unsigned nl)
{
	jwtauth__ec_limb hi = 0;
	unsigned i, j;
	JWTAUTH__EC_UNROLL
	for (i = 0; i < nl; i++) {
		jwtauth__ec_limb u = (jwtauth__ec_limb)(t[i] * minv), c;
		jwtauth__ec_dlimb acc = (jwtauth__ec_dlimb)u * m[0] + t[i];
		c = (jwtauth__ec_limb)(acc >> JWTAUTH__LB);
		JWTAUTH__EC_UNROLL
		for (j = 1; j < nl; j++) {
			acc = (jwtauth__ec_dlimb)u * m[j] + t[i + j] + c;
			t[i + j] = (jwtauth__ec_limb)acc;
			c = (jwtauth__ec_limb)(acc >> JWTAUTH__LB);
		}
		/* the row's carry and the previous row's overflow */
		acc = (jwtauth__ec_dlimb)t[i + nl] + c + hi;
		t[i + nl] = (jwtauth__ec_limb)acc;
		hi = (jwtauth__ec_limb)(acc >> JWTAUTH__LB);
	}
	/* the quotient t / R < 2m: one conditional subtraction reduces it */
	if (hi || jwtauth__ec_cmp(t + nl, m, nl) >= 0) jwtauth__ec_subw(t + nl, t + nl, m, nl);
	JWTAUTH__EC_UNROLL
	for (j = 0; j < nl; j++) d[j] = t[nl + j];
}

/* The limb counts in use get their own unrolled copies (those of the
   curves built). */
#ifdef JWTAUTH_HAVE_ES256
#define JWTAUTH__EC_IF256(x) x
#else
#define JWTAUTH__EC_IF256(x)
#endif
#ifdef JWTAUTH_HAVE_ES384
#define JWTAUTH__EC_IF384(x) x
#else
#define JWTAUTH__EC_IF384(x)
#endif
#ifdef JWTAUTH_HAVE_ES512
#define JWTAUTH__EC_IF521(x) x
#else
#define JWTAUTH__EC_IF521(x)
#endif
#if JWTAUTH__LB == 64
#define JWTAUTH__EC_SIZES(X) JWTAUTH__EC_IF256(X(4)) JWTAUTH__EC_IF384(X(6)) JWTAUTH__EC_IF521(X(9))
#else
#define JWTAUTH__EC_SIZES(X) JWTAUTH__EC_IF256(X(8)) JWTAUTH__EC_IF384(X(12)) JWTAUTH__EC_IF521(X(18))
#endif

/* d = a * b / R mod m (a, b < m); d may alias a or b. This serves
   the scalars modulo n (a few calls a signature, against the field's
   tens of thousands): out of line, so that its unrolled copies are not
   inlined call site by call site into one large frame. */
static JWTAUTH__NOINLINE void jwtauth__ec_mm(jwtauth__ec_limb *d, const jwtauth__ec_limb *a,
	const jwtauth__ec_limb *b, const jwtauth__ec_limb *m, jwtauth__ec_limb minv,
	unsigned nl)
{
	jwtauth__ec_limb t[2 * JWTAUTH__ECL];
#define JWTAUTH__EC_MMCASE(k) case k: jwtauth__ec_mulw(t, a, b, k); \
		jwtauth__ec_redc(d, t, m, minv, k); return;
	/* nl is always one of the three sizes: every path has a constant
	   limb count (a variable one defeats the unrolling, which clang
	   reports as an error under -Werror) */
	switch (nl) {
	JWTAUTH__EC_SIZES(JWTAUTH__EC_MMCASE)
	default: break;
	}
#undef JWTAUTH__EC_MMCASE
}

#if JWTAUTH__LB == 32 || defined(JWTAUTH_HAVE_ES256) || defined(JWTAUTH_HAVE_ES384)
/* d = a + b mod m and d = a - b mod m, for a, b < m: the correction is
   chosen by a mask, not a branch (the outcome is random: a mispredicted
   branch costs more than the masked words). */
JWTAUTH__EC_INLINE void jwtauth__ec_madd(jwtauth__ec_limb *d, const jwtauth__ec_limb *a,
	const jwtauth__ec_limb *b, const jwtauth__ec_limb *m, unsigned nl)
{
	jwtauth__ec_limb s[JWTAUTH__ECL], t[JWTAUTH__ECL], c = 0, br = 0, keep;
	unsigned i;
	JWTAUTH__EC_UNROLL
	for (i = 0; i < nl; i++) c = jwtauth__ec_adc(&s[i], a[i], b[i], c);
	JWTAUTH__EC_UNROLL
	for (i = 0; i < nl; i++) br = jwtauth__ec_sbb(&t[i], s[i], m[i], br);
	/* keep the sum when it is below m: no carry out and a borrow */
	keep = (jwtauth__ec_limb)0 - (jwtauth__ec_limb)(br & (c ^ 1u));
	JWTAUTH__EC_UNROLL
	for (i = 0; i < nl; i++) d[i] = (s[i] & keep) | (t[i] & ~keep);
}
#endif

JWTAUTH__EC_INLINE void jwtauth__ec_msub(jwtauth__ec_limb *d, const jwtauth__ec_limb *a,
	const jwtauth__ec_limb *b, const jwtauth__ec_limb *m, unsigned nl)
{
	jwtauth__ec_limb br = 0, c = 0, mask;
	unsigned i;
	JWTAUTH__EC_UNROLL
	for (i = 0; i < nl; i++) br = jwtauth__ec_sbb(&d[i], a[i], b[i], br);
	mask = (jwtauth__ec_limb)0 - br;   /* add m back after a borrow */
	JWTAUTH__EC_UNROLL
	for (i = 0; i < nl; i++) c = jwtauth__ec_adc(&d[i], d[i], m[i] & mask, c);
}

/* One unrolled set of field operations per limb count: additions for
   every curve, Montgomery products where p has no faster reduction. */
#define JWTAUTH__EC_FMDEFS(k) \
static void jwtauth__ec_fm##k(jwtauth__ec_limb *d, const jwtauth__ec_limb *a, \
	const jwtauth__ec_limb *b, const jwtauth__ec_limb *m, jwtauth__ec_limb minv) \
{ \
	jwtauth__ec_limb t[2 * k]; \
	jwtauth__ec_mulw(t, a, b, k); \
	jwtauth__ec_redc(d, t, m, minv, k); \
} \
static void jwtauth__ec_fq##k(jwtauth__ec_limb *d, const jwtauth__ec_limb *a, \
	const jwtauth__ec_limb *m, jwtauth__ec_limb minv) \
{ \
	jwtauth__ec_limb t[2 * k]; \
	jwtauth__ec_sqrw(t, a, k); \
	jwtauth__ec_redc(d, t, m, minv, k); \
}
#define JWTAUTH__EC_FADEFS(k) \
static void jwtauth__ec_fa##k(jwtauth__ec_limb *d, const jwtauth__ec_limb *a, \
	const jwtauth__ec_limb *b, const jwtauth__ec_limb *m) \
{ \
	jwtauth__ec_madd(d, a, b, m, k); \
} \
static void jwtauth__ec_fs##k(jwtauth__ec_limb *d, const jwtauth__ec_limb *a, \
	const jwtauth__ec_limb *b, const jwtauth__ec_limb *m) \
{ \
	jwtauth__ec_msub(d, a, b, m, k); \
}
#if JWTAUTH__LB == 64
/* P-521 has its own additions (below) */
JWTAUTH__EC_IF256(JWTAUTH__EC_FADEFS(4))
JWTAUTH__EC_IF384(JWTAUTH__EC_FADEFS(6))
JWTAUTH__EC_IF384(JWTAUTH__EC_FMDEFS(6))
#else
JWTAUTH__EC_SIZES(JWTAUTH__EC_FADEFS)
JWTAUTH__EC_IF256(JWTAUTH__EC_FMDEFS(8))
JWTAUTH__EC_IF384(JWTAUTH__EC_FMDEFS(12))
#endif
#undef JWTAUTH__EC_FMDEFS
#undef JWTAUTH__EC_FADEFS

#if JWTAUTH__LB == 64 && defined(JWTAUTH_HAVE_ES256)
/* P-256: the same Montgomery code with p and -p^-1 = 1 as constants, so
   that the compiler folds the zero and all-ones words of p. */
static void jwtauth__ec_fm_p256(jwtauth__ec_limb *d, const jwtauth__ec_limb *a,
	const jwtauth__ec_limb *b, const jwtauth__ec_limb *m, jwtauth__ec_limb minv)
{
	jwtauth__ec_limb t[8];
	(void)m; (void)minv;
	jwtauth__ec_mulw(t, a, b, 4);
	jwtauth__ec_redc(d, t, jwtauth__ec_p256_p, 1, 4);
}
static void jwtauth__ec_fq_p256(jwtauth__ec_limb *d, const jwtauth__ec_limb *a,
	const jwtauth__ec_limb *m, jwtauth__ec_limb minv)
{
	jwtauth__ec_limb t[8];
	(void)m; (void)minv;
	jwtauth__ec_sqrw(t, a, 4);
	jwtauth__ec_redc(d, t, jwtauth__ec_p256_p, 1, 4);
}
#endif

#ifdef JWTAUTH_HAVE_ES512
/* P-521: plain residues modulo the Mersenne prime p = 2^521 - 1, where
   t = lo + hi * 2^521 = lo + hi (mod p). 521 = 8*64 + 9 = 16*32 + 9. */
#define JWTAUTH__P521_NL (576 / JWTAUTH__LB)
#define JWTAUTH__P521_Q (512 / JWTAUTH__LB)
#if JWTAUTH__LB == 32   /* the 64-bit path has its own products below */
JWTAUTH__EC_INLINE void jwtauth__ec_p521_red(jwtauth__ec_limb *d, const jwtauth__ec_limb *t)
{
	jwtauth__ec_limb s[JWTAUTH__P521_NL], c;
	unsigned i;
	/* t < p^2 < 2^1042: lo and hi are below 2^521, their sum below 2^522 */
	JWTAUTH__EC_UNROLL
	for (i = 0; i < JWTAUTH__P521_NL; i++) {
		s[i] = (jwtauth__ec_limb)((t[JWTAUTH__P521_Q + i] >> 9)
			| (JWTAUTH__P521_Q + i + 1 < 2 * JWTAUTH__P521_NL
				? t[JWTAUTH__P521_Q + i + 1] << (JWTAUTH__LB - 9) : 0));
		d[i] = i < JWTAUTH__P521_Q ? t[i]
			: i == JWTAUTH__P521_Q ? (jwtauth__ec_limb)(t[i] & 0x1ffu) : 0;
	}
	jwtauth__ec_addw(d, d, s, JWTAUTH__P521_NL);
	/* fold bit 521 once more: the result is at most p */
	c = (jwtauth__ec_limb)(d[JWTAUTH__P521_Q] >> 9);
	d[JWTAUTH__P521_Q] &= 0x1ffu;
	/* not unrolled: GCC refuses the annotation on an early-exit loop */
	for (i = 0; i < JWTAUTH__P521_NL && c; i++) {
		d[i] += c;
		c = d[i] < c;
	}
	/* p itself is 0 */
	c = (jwtauth__ec_limb)(d[JWTAUTH__P521_Q] ^ 0x1ffu);
	JWTAUTH__EC_UNROLL
	for (i = 0; i < JWTAUTH__P521_Q; i++) c |= (jwtauth__ec_limb)~d[i];
	if (c == 0)
		JWTAUTH__EC_UNROLL
		for (i = 0; i < JWTAUTH__P521_NL; i++) d[i] = 0;
}
#endif

#if JWTAUTH__LB == 64
/* With 128-bit products, P-521 products are computed on nine 58-bit limbs
   (bits 58k .. 58k+57 of the element): a product of two limbs is below
   2^116, so a whole column adds up in one 128-bit word without a carry
   chain, and a column k + 9 folds onto column k times 2 (2^522 = 2 mod p).
   Elements stay in the 64-bit form everywhere else: converting costs a
   few shifts per limb, far less than the carries it saves. */
#define JWTAUTH__P521_M58 (((uint64_t)1 << 58) - 1)
JWTAUTH__EC_INLINE void jwtauth__p521_split(uint64_t *x, const jwtauth__ec_limb *a)
{
	unsigned k;
	/* a < 2^521: limb 8 (bits 464 .. 520) has 57 bits */
	JWTAUTH__EC_UNROLL
	for (k = 0; k < 9; k++) {
		unsigned o = 58 * k, w = o / 64, sh = o % 64;
		uint64_t v = a[w] >> sh;
		if (sh > 6 && w + 1 < 9) v |= a[w + 1] << (64 - sh);
		x[k] = v & JWTAUTH__P521_M58;
	}
}
/* d < 2^522 reduced below p: bit 521 folds onto bit 0 (2^521 = 1 mod p),
   at most once, and p itself becomes 0 */
JWTAUTH__EC_INLINE void jwtauth__p521_fold(jwtauth__ec_limb *d)
{
	uint64_t c = d[8] >> 9;
	unsigned k;
	d[8] &= 0x1ffu;
	for (k = 0; k < 9 && c; k++) {
		d[k] += c;
		c = d[k] < c;
	}
	c = d[8] ^ 0x1ffu;
	JWTAUTH__EC_UNROLL
	for (k = 0; k < 8; k++) c |= ~d[k];
	if (c == 0)
		JWTAUTH__EC_UNROLL
		for (k = 0; k < 9; k++) d[k] = 0;
}
/* d = a + b and d = a - b mod p, for a, b < p: the sum is below 2^522, so
   it needs no wider word, and p - b is b with its 521 bits inverted, so
   the difference is an addition too */
static void jwtauth__ec_fa_p521(jwtauth__ec_limb *d, const jwtauth__ec_limb *a,
	const jwtauth__ec_limb *b, const jwtauth__ec_limb *m)
{
	(void)m;
	jwtauth__ec_addw(d, a, b, 9);
	jwtauth__p521_fold(d);
}
static void jwtauth__ec_fs_p521(jwtauth__ec_limb *d, const jwtauth__ec_limb *a,
	const jwtauth__ec_limb *b, const jwtauth__ec_limb *m)
{
	jwtauth__ec_limb c = 0;
	unsigned k;
	(void)m;
	JWTAUTH__EC_UNROLL
	for (k = 0; k < 9; k++)
		c = jwtauth__ec_adc(&d[k], a[k], k < 8 ? ~b[k] : b[k] ^ 0x1ffu, c);
	jwtauth__p521_fold(d);
}
/* d = the columns r[0..9) carried and reduced below p */
JWTAUTH__EC_INLINE void jwtauth__p521_join(jwtauth__ec_limb *d, jwtauth__ec_dlimb *r)
{
	uint64_t x[9], c;
	unsigned k;
	/* carry up; bits 521 and above of the top column wrap to bit 0 */
	JWTAUTH__EC_UNROLL
	for (k = 0; k < 8; k++) {
		r[k + 1] += r[k] >> 58;
		x[k] = (uint64_t)r[k] & JWTAUTH__P521_M58;
	}
	x[8] = (uint64_t)r[8] & (JWTAUTH__P521_M58 >> 1);
	/* column 8 has no wrapped term: below 9 * 2^116 + 2^70, so c < 2^64 */
	c = (uint64_t)(r[8] >> 57);
	/* one more pass carries x[0] + c; the top limb may then pass 57 bits,
	   which the final fold takes back */
	x[0] += c;
	JWTAUTH__EC_UNROLL
	for (k = 0; k < 8; k++) {
		x[k + 1] += x[k] >> 58;
		x[k] &= JWTAUTH__P521_M58;
	}
	/* back to 64-bit limbs: the value is below 2^522 */
	JWTAUTH__EC_UNROLL
	for (k = 0; k < 9; k++) d[k] = 0;
	JWTAUTH__EC_UNROLL
	for (k = 0; k < 9; k++) {
		unsigned o = 58 * k, w = o / 64, sh = o % 64;
		d[w] |= x[k] << sh;
		if (sh > 6 && w + 1 < 9) d[w + 1] |= x[k] >> (64 - sh);
	}
	jwtauth__p521_fold(d);
}
static void jwtauth__ec_fm_p521(jwtauth__ec_limb *d, const jwtauth__ec_limb *a,
	const jwtauth__ec_limb *b, const jwtauth__ec_limb *m, jwtauth__ec_limb minv)
{
	uint64_t x[9], y[9], y2[9];
	jwtauth__ec_dlimb r[9];
	unsigned i, k;
	(void)m; (void)minv;
	jwtauth__p521_split(x, a);
	jwtauth__p521_split(y, b);
	JWTAUTH__EC_UNROLL
	for (i = 0; i < 9; i++) y2[i] = y[i] << 1;
	/* column k: x_i y_(k-i), plus x_i 2 y_(k+9-i) from the column k + 9;
	   at most 9 products below 2^117 each */
	JWTAUTH__EC_UNROLL
	for (k = 0; k < 9; k++) {
		jwtauth__ec_dlimb acc = 0;
		JWTAUTH__EC_UNROLL
		for (i = 0; i < 9; i++)
			acc += (jwtauth__ec_dlimb)x[i] * (i <= k ? y[k - i] : y2[k + 9 - i]);
		r[k] = acc;
	}
	jwtauth__p521_join(d, r);
}
static void jwtauth__ec_fq_p521(jwtauth__ec_limb *d, const jwtauth__ec_limb *a,
	const jwtauth__ec_limb *m, jwtauth__ec_limb minv)
{
	uint64_t x[9], x2[9], x4[9];
	jwtauth__ec_dlimb r[9];
	unsigned i, k;
	(void)m; (void)minv;
	jwtauth__p521_split(x, a);
	JWTAUTH__EC_UNROLL
	for (i = 0; i < 9; i++) {
		x2[i] = x[i] << 1;
		x4[i] = x[i] << 2;
	}
	/* each pair i < j once, doubled; a wrapped pair doubled again */
	JWTAUTH__EC_UNROLL
	for (k = 0; k < 9; k++) {
		jwtauth__ec_dlimb acc = 0;
		JWTAUTH__EC_UNROLL
		for (i = 0; i < 9; i++) {
			unsigned j = i <= k ? k - i : k + 9 - i;
			if (i > j) continue;
			if (i == j)
				acc += (jwtauth__ec_dlimb)x[i] * (i <= k ? x[j] : x2[j]);
			else
				acc += (jwtauth__ec_dlimb)x[i] * (i <= k ? x2[j] : x4[j]);
		}
		r[k] = acc;
	}
	jwtauth__p521_join(d, r);
}
#else
static void jwtauth__ec_fm_p521(jwtauth__ec_limb *d, const jwtauth__ec_limb *a,
	const jwtauth__ec_limb *b, const jwtauth__ec_limb *m, jwtauth__ec_limb minv)
{
	jwtauth__ec_limb t[2 * JWTAUTH__P521_NL];
	(void)m; (void)minv;
	jwtauth__ec_mulw(t, a, b, JWTAUTH__P521_NL);
	jwtauth__ec_p521_red(d, t);
}
static void jwtauth__ec_fq_p521(jwtauth__ec_limb *d, const jwtauth__ec_limb *a,
	const jwtauth__ec_limb *m, jwtauth__ec_limb minv)
{
	jwtauth__ec_limb t[2 * JWTAUTH__P521_NL];
	(void)m; (void)minv;
	jwtauth__ec_sqrw(t, a, JWTAUTH__P521_NL);
	jwtauth__ec_p521_red(d, t);
}
#endif
#endif /* JWTAUTH_HAVE_ES512 */

static void jwtauth__ecf_init(jwtauth__ecf *f, const jwtauth__ecc *c)
{
	f->c = c;
	f->nl = c->n64 * (64 / JWTAUTH__LB);
	jwtauth__ec_ld(f->p, c->p, f->nl);
	jwtauth__ec_ld(f->n, c->n, f->nl);
	jwtauth__ec_ld(f->b, c->b, f->nl);
	jwtauth__ec_ld(f->one, c->one, f->nl);
	f->pinv = jwtauth__ec_ninv(f->p[0]);
	f->ninv = jwtauth__ec_ninv(f->n[0]);
	/* only the curves built are in jwtauth__ec_curves */
#if JWTAUTH__LB == 64
#ifdef JWTAUTH_HAVE_ES256
	if (c->n64 == 4) {
		f->fm = jwtauth__ec_fm_p256; f->fq = jwtauth__ec_fq_p256;
		f->fa = jwtauth__ec_fa4; f->fs = jwtauth__ec_fs4;
	}
#endif
#ifdef JWTAUTH_HAVE_ES384
	if (c->n64 == 6) {
		f->fm = jwtauth__ec_fm6; f->fq = jwtauth__ec_fq6;
		f->fa = jwtauth__ec_fa6; f->fs = jwtauth__ec_fs6;
	}
#endif
#ifdef JWTAUTH_HAVE_ES512
	if (c->n64 == 9) {
		f->fm = jwtauth__ec_fm_p521; f->fq = jwtauth__ec_fq_p521;
		f->fa = jwtauth__ec_fa_p521; f->fs = jwtauth__ec_fs_p521;
	}
#endif
#else
#ifdef JWTAUTH_HAVE_ES256
	if (c->n64 == 4) {
		f->fm = jwtauth__ec_fm8; f->fq = jwtauth__ec_fq8;
		f->fa = jwtauth__ec_fa8; f->fs = jwtauth__ec_fs8;
	}
#endif
#ifdef JWTAUTH_HAVE_ES384
	if (c->n64 == 6) {
		f->fm = jwtauth__ec_fm12; f->fq = jwtauth__ec_fq12;
		f->fa = jwtauth__ec_fa12; f->fs = jwtauth__ec_fs12;
	}
#endif
#ifdef JWTAUTH_HAVE_ES512
	if (c->n64 == 9) {
		f->fm = jwtauth__ec_fm_p521; f->fq = jwtauth__ec_fq_p521;
		f->fa = jwtauth__ec_fa18; f->fs = jwtauth__ec_fs18;
	}
#endif
#endif
}

/* field shorthands: modulo p */
#define JWTAUTH__FM(f, d, a, b) (f)->fm(d, a, b, (f)->p, (f)->pinv)
#define JWTAUTH__FQ(f, d, a) (f)->fq(d, a, (f)->p, (f)->pinv)
#define JWTAUTH__FA(f, d, a, b) (f)->fa(d, a, b, (f)->p)
#define JWTAUTH__FS(f, d, a, b) (f)->fs(d, a, b, (f)->p)

/* d = -a mod p */
static void jwtauth__ec_fneg(const jwtauth__ecf *f, jwtauth__ec_limb *d,
	const jwtauth__ec_limb *a)
{
	unsigned i;
	if (jwtauth__ec_iszero(a, f->nl)) { for (i = 0; i < f->nl; i++) d[i] = 0; return; }
	jwtauth__ec_subw(d, f->p, a, f->nl);
}

/* Decode a coordinate (clen bytes) into Montgomery form; 0 if >= p. */
static int jwtauth__ec_fe_decode(const jwtauth__ecf *f, jwtauth__ec_limb *d,
	const uint8_t *src)
{
	jwtauth__ec_limb rr[JWTAUTH__ECL];
	if (!jwtauth__ec_decode(d, f->nl, src, f->c->clen)
	    || jwtauth__ec_cmp(d, f->p, f->nl) >= 0)
		return 0;
	jwtauth__ec_ld(rr, f->c->rrp, f->nl);
	JWTAUTH__FM(f, d, d, rr);
	return 1;
}

/* Decode 0x04 || X || Y (exactly 1 + 2*clen bytes) with X, Y < p and
   y^2 = x^3 - 3x + b; the curves have cofactor 1, so a point on the curve
   is in the prime-order group. */
static int jwtauth__ec_point_decode(const jwtauth__ecf *f, jwtauth__ec_limb *x,
	jwtauth__ec_limb *y, const uint8_t *q, size_t q_len)
{
	jwtauth__ec_limb l[JWTAUTH__ECL], r[JWTAUTH__ECL];
	size_t clen = f->c->clen;
	if (q_len != 1 + 2 * clen || q[0] != 0x04) return 0;
	if (!jwtauth__ec_fe_decode(f, x, q + 1) || !jwtauth__ec_fe_decode(f, y, q + 1 + clen))
		return 0;
	JWTAUTH__FQ(f, l, y);
	JWTAUTH__FQ(f, r, x);
	JWTAUTH__FM(f, r, r, x);
	JWTAUTH__FS(f, r, r, x);
	JWTAUTH__FS(f, r, r, x);
	JWTAUTH__FS(f, r, r, x);
	JWTAUTH__FA(f, r, r, f->b);
	return jwtauth__ec_cmp(l, r, f->nl) == 0;
}

/* ---- points ---- */

/* p = 2p (a = -3, "dbl-2001-b", 3M + 5S). Infinity stays infinity; no
   other point doubles to infinity (no point of order 2). z3 comes first,
   so that alpha can take delta's place (one temporary less). */
static void jwtauth__ec_dbl(const jwtauth__ecf *f, jwtauth__ecp *p)
{
	jwtauth__ec_limb delta[JWTAUTH__ECL], gamma[JWTAUTH__ECL], beta[JWTAUTH__ECL];
	jwtauth__ec_limb t[JWTAUTH__ECL], *alpha = delta;
	if (p->inf) return;
	JWTAUTH__FQ(f, delta, p->z);
	JWTAUTH__FQ(f, gamma, p->y);
	JWTAUTH__FM(f, beta, p->x, gamma);
	/* z3 = (y + z)^2 - gamma - delta; z is not read again */
	JWTAUTH__FA(f, t, p->y, p->z);
	JWTAUTH__FQ(f, t, t);
	JWTAUTH__FS(f, t, t, gamma);
	JWTAUTH__FS(f, p->z, t, delta);
	JWTAUTH__FS(f, t, p->x, delta);
	JWTAUTH__FA(f, alpha, p->x, delta);
	JWTAUTH__FM(f, alpha, alpha, t);
	JWTAUTH__FA(f, t, alpha, alpha);
	JWTAUTH__FA(f, alpha, alpha, t);            /* 3(x - delta)(x + delta) */
	/* x3 = alpha^2 - 8 beta */
	JWTAUTH__FA(f, beta, beta, beta);
	JWTAUTH__FA(f, beta, beta, beta);           /* 4 beta */
	JWTAUTH__FQ(f, t, alpha);
	JWTAUTH__FS(f, t, t, beta);
	JWTAUTH__FS(f, p->x, t, beta);
	/* y3 = alpha (4 beta - x3) - 8 gamma^2 */
	JWTAUTH__FS(f, beta, beta, p->x);
	JWTAUTH__FM(f, beta, beta, alpha);
	JWTAUTH__FQ(f, gamma, gamma);
	JWTAUTH__FA(f, gamma, gamma, gamma);
	JWTAUTH__FA(f, gamma, gamma, gamma);
	JWTAUTH__FA(f, gamma, gamma, gamma);
	JWTAUTH__FS(f, p->y, beta, gamma);
}

/* The start of the end of an addition once u1 (= x1 z2^2), u2, s1
   (= y1 z2^3) and s2 are known: h = u2 - u1 and r = s2 - s1 replace u2 and
   s2. h = 0 means x1 = x2 (affinely): the same point (doubling, since the
   formula's slope is undefined there) or opposite points (infinity); p
   then holds the sum and 0 is returned. The doubling thus runs below the
   caller's frame only, not below jwtauth__ec_add_tail's as well. */
static int jwtauth__ec_add_hr(const jwtauth__ecf *f, jwtauth__ecp *p,
	const jwtauth__ec_limb *u1, jwtauth__ec_limb *u2, const jwtauth__ec_limb *s1,
	jwtauth__ec_limb *s2)
{
	JWTAUTH__FS(f, u2, u2, u1);
	JWTAUTH__FS(f, s2, s2, s1);
	if (!jwtauth__ec_iszero(u2, f->nl)) return 1;
	if (jwtauth__ec_iszero(s2, f->nl)) jwtauth__ec_dbl(f, p);  /* P + P */
	else p->inf = 1;                                           /* P + (-P) */
	return 0;
}

/* The rest, h != 0, with zz = z1 z2. u1, s1 and zz may be p's own x, y
   and z: each is read before that coordinate is written. */
static void jwtauth__ec_add_tail(const jwtauth__ecf *f, jwtauth__ecp *p,
	const jwtauth__ec_limb *u1, const jwtauth__ec_limb *s1, const jwtauth__ec_limb *h,
	const jwtauth__ec_limb *r, const jwtauth__ec_limb *zz)
{
	jwtauth__ec_limb hh[JWTAUTH__ECL], hhh[JWTAUTH__ECL], v[JWTAUTH__ECL];
	JWTAUTH__FQ(f, hh, h);
	JWTAUTH__FM(f, hhh, hh, h);
	JWTAUTH__FM(f, v, u1, hh);
	JWTAUTH__FM(f, p->z, zz, h);
	/* x3 = r^2 - h^3 - 2 v */
	JWTAUTH__FQ(f, p->x, r);
	JWTAUTH__FS(f, p->x, p->x, hhh);
	JWTAUTH__FS(f, p->x, p->x, v);
	JWTAUTH__FS(f, p->x, p->x, v);
	/* y3 = r (v - x3) - s1 h^3 */
	JWTAUTH__FS(f, v, v, p->x);
	JWTAUTH__FM(f, v, v, r);
	JWTAUTH__FM(f, hhh, hhh, s1);
	JWTAUTH__FS(f, p->y, v, hhh);
}

/* p += (x2, y2) affine, negated when neg (8M + 3S): g points at x2 then
   y2 (n64 words each) in the curve's table of G, loaded straight into the
   temporaries. p at infinity becomes the affine point. Out of line, so
   that its temporaries are not in jwtauth__ec_muladd_core's frame while
   jwtauth__ec_add runs. */
static JWTAUTH__NOINLINE void jwtauth__ec_add_affine(const jwtauth__ecf *f, jwtauth__ecp *p,
	const uint64_t *g, int neg)
{
	jwtauth__ec_limb zz[JWTAUTH__ECL], u2[JWTAUTH__ECL], s2[JWTAUTH__ECL];
	unsigned i, nl = f->nl, n64 = f->c->n64;
	if (p->inf) {
		jwtauth__ec_ld(p->x, g, nl);
		jwtauth__ec_ld(p->y, g + n64, nl);
		for (i = 0; i < nl; i++) p->z[i] = f->one[i];
		if (neg) jwtauth__ec_fneg(f, p->y, p->y);
		p->inf = 0;
		return;
	}
	JWTAUTH__FQ(f, zz, p->z);
	jwtauth__ec_ld(u2, g, nl);
	JWTAUTH__FM(f, u2, u2, zz);
	JWTAUTH__FM(f, zz, zz, p->z);
	jwtauth__ec_ld(s2, g + n64, nl);
	JWTAUTH__FM(f, s2, s2, zz);
	if (neg) jwtauth__ec_fneg(f, s2, s2);
	/* z2 = 1: u1 = x1, s1 = y1 and z1 z2 = z1 are p's own coordinates */
	if (jwtauth__ec_add_hr(f, p, p->x, u2, p->y, s2))
		jwtauth__ec_add_tail(f, p, p->x, p->y, u2, s2, p->z);
}

/* p += q (both Jacobian; q negated when neg; 12M + 4S). Either operand at
   infinity gives the other. */
static void jwtauth__ec_add(const jwtauth__ecf *f, jwtauth__ecp *p,
	const jwtauth__ecp *q, int neg)
{
	jwtauth__ec_limb u1[JWTAUTH__ECL], u2[JWTAUTH__ECL], s1[JWTAUTH__ECL];
	jwtauth__ec_limb s2[JWTAUTH__ECL], t[JWTAUTH__ECL];
	if (q->inf) return;
	if (p->inf) {
		*p = *q;
		if (neg) jwtauth__ec_fneg(f, p->y, q->y);
		return;
	}
	JWTAUTH__FQ(f, t, q->z);
	JWTAUTH__FM(f, u1, p->x, t);
	JWTAUTH__FM(f, t, t, q->z);
	JWTAUTH__FM(f, s1, p->y, t);
	JWTAUTH__FQ(f, t, p->z);
	JWTAUTH__FM(f, u2, q->x, t);
	JWTAUTH__FM(f, t, t, p->z);
	JWTAUTH__FM(f, s2, q->y, t);
	if (neg) jwtauth__ec_fneg(f, s2, s2);
	if (!jwtauth__ec_add_hr(f, p, u1, u2, s1, s2)) return;
	JWTAUTH__FM(f, t, p->z, q->z);
	jwtauth__ec_add_tail(f, p, u1, s1, u2, s2, t);
}

/* ---- exponentiation, scalars, wNAF ---- */

/* x / 2 mod m for odd m: x, or x + m when x is odd, shifted right; the
   carry of x + m comes back in as the top bit */
/* x = (top : x) >> 1, top being 0 or 1 */
static void jwtauth__ec_shr1(jwtauth__ec_limb *x, jwtauth__ec_limb top, unsigned nl)
{
	unsigned i;
	for (i = 0; i + 1 < nl; i++)
		x[i] = (x[i] >> 1) | (jwtauth__ec_limb)(x[i + 1] << (JWTAUTH__LB - 1));
	x[nl - 1] = (x[nl - 1] >> 1) | (jwtauth__ec_limb)(top << (JWTAUTH__LB - 1));
}

static void jwtauth__ec_half(jwtauth__ec_limb *x, const jwtauth__ec_limb *m, unsigned nl)
{
	jwtauth__ec_limb c = 0;
	if (x[0] & 1u) c = jwtauth__ec_addw(x, x, m, nl);
	jwtauth__ec_shr1(x, c, nl);
}

/* d = a^-1 mod m, for m an odd prime and 0 < a < m, by the binary extended
   Euclidean algorithm: variable time, which is safe because it only ever
   inverts s, a public part of the signature. Invariants: x1 a = u and
   x2 a = v (mod m); u and v stay odd after their halvings, and every step
   lowers u + v until one of them is 1 (gcd(a, m) = 1). */
static JWTAUTH__NOINLINE void jwtauth__ec_inv(jwtauth__ec_limb *d, const jwtauth__ec_limb *a,
	const jwtauth__ec_limb *m, unsigned nl)
{
	jwtauth__ec_limb u[JWTAUTH__ECL], v[JWTAUTH__ECL], x1[JWTAUTH__ECL], x2[JWTAUTH__ECL];
	unsigned i;
	for (i = 0; i < nl; i++) {
		u[i] = a[i]; v[i] = m[i]; x1[i] = 0; x2[i] = 0;
	}
	x1[0] = 1;
	for (;;) {
		while (!(u[0] & 1u)) {
			jwtauth__ec_shr1(u, 0, nl);
			jwtauth__ec_half(x1, m, nl);
		}
		while (!(v[0] & 1u)) {
			jwtauth__ec_shr1(v, 0, nl);
			jwtauth__ec_half(x2, m, nl);
		}
		if (jwtauth__ec_cmp(u, v, nl) >= 0) {
			jwtauth__ec_subw(u, u, v, nl);
			jwtauth__ec_msub(x1, x1, x2, m, nl);
			if (jwtauth__ec_iszero(u, nl)) break;   /* u = v = gcd = 1 */
		} else {
			jwtauth__ec_subw(v, v, u, nl);
			jwtauth__ec_msub(x2, x2, x1, m, nl);
		}
	}
	/* u reached 0 from u = v = 1: the inverse is x2 (x2 a = v = 1) */
	for (i = 0; i < nl; i++) d[i] = x2[i];
}

/* d = a^(p-2) = a^-1 in the field (its own representation), the same
   window on the field operations. Out of line: inlined, its table of 16
   elements would stay in jwtauth_ec_muladd's frame, below which
   jwtauth__ec_muladd_core runs. */
static JWTAUTH__NOINLINE void jwtauth__ec_finv(const jwtauth__ecf *f, jwtauth__ec_limb *d,
	const jwtauth__ec_limb *a)
{
	jwtauth__ec_limb tab[16][JWTAUTH__ECL], e[JWTAUTH__ECL], acc[JWTAUTH__ECL];
	unsigned nl = f->nl, j, k;
	int i, started = 0;
	for (j = 0; j < nl; j++) { e[j] = f->p[j]; tab[1][j] = a[j]; }
	e[0] -= 2;
	for (k = 2; k < 16; k++) JWTAUTH__FM(f, tab[k], tab[k - 1], a);
	for (i = (int)(nl * JWTAUTH__LB / 4) - 1; i >= 0; i--) {
		unsigned nib = (unsigned)(e[i / (JWTAUTH__LB / 4)] >> (4 * (i % (JWTAUTH__LB / 4)))) & 15u;
		if (!started) {
			if (!nib) continue;
			for (j = 0; j < nl; j++) acc[j] = tab[nib][j];
			started = 1;
			continue;
		}
		for (k = 0; k < 4; k++) JWTAUTH__FQ(f, acc, acc);
		if (nib) JWTAUTH__FM(f, acc, acc, tab[nib]);
	}
	for (j = 0; j < nl; j++) d[j] = acc[j];
}

static unsigned jwtauth__ec_bit(const jwtauth__ec_limb *k, unsigned nl, unsigned i)
{
	if (i / JWTAUTH__LB >= nl) return 0;
	return (unsigned)(k[i / JWTAUTH__LB] >> (i % JWTAUTH__LB)) & 1u;
}

/* A wNAF digit string, stored compactly: a bit per position, set where
   the digit is nonzero, and the nonzero digits in order, lowest first
   (P-521: 66 + 105 bytes at width 5 against 522 for a byte a digit). */
typedef struct jwtauth__wnaf {
	unsigned char nz[(JWTAUTH__ECBITS + 1 + 7) / 8];
	signed char d[JWTAUTH__WNAF_DIGITS];
	unsigned n;      /* nonzero digits */
} jwtauth__wnaf;

/* Width-w NAF of k (len >= bit length of k + 1, len <= JWTAUTH__ECBITS + 1,
   JWTAUTH__WNAF_MINW <= w <= 6): digits 0 or odd in (-2^(w-1), 2^(w-1)),
   any two nonzero ones at least w positions apart. Returns the index of
   the highest nonzero digit + 1 (0 for k = 0). A window is taken only
   where bit i differs from the carry, so a window never ends on a carry
   beyond bit len - 1. */
static unsigned jwtauth__ec_wnaf(jwtauth__wnaf *dig, unsigned len,
	const jwtauth__ec_limb *k, unsigned nl, unsigned w)
{
	unsigned i, j, carry = 0, top = 0;
	for (i = 0; i < sizeof dig->nz; i++) dig->nz[i] = 0;
	dig->n = 0;
	i = 0;
	while (i < len) {
		unsigned now = w, word = 0;
		if (jwtauth__ec_bit(k, nl, i) == carry) { i++; continue; }
		if (now > len - i) now = len - i;
		for (j = 0; j < now; j++) word |= jwtauth__ec_bit(k, nl, i + j) << j;
		word += carry;
		carry = (word >> (w - 1)) & 1u;
		dig->nz[i / 8] |= (unsigned char)(1u << (i % 8));
		dig->d[dig->n++] = (signed char)((int)word - (int)(carry << w));
		top = i + 1;
		i += now;
	}
	return top;
}

/* r = u1 G + u2 Q, with Q = (qx, qy) affine (Montgomery) on the curve and
   u1, u2 < n (either may be 0). Interleaved wNAF: one doubling chain,
   additions of odd multiples of G (static affine table, width 6) and of Q
   (built here, Jacobian, width JWTAUTH_EC_QWINDOW). The digit strings are
   walked from the top, so their nonzero digits come from the end of each
   list. The result may be infinity (r->inf). */
static void jwtauth__ec_muladd_core(const jwtauth__ecf *f, jwtauth__ecp *r,
	const jwtauth__ec_limb *qx, const jwtauth__ec_limb *qy,
	const jwtauth__ec_limb *u1, const jwtauth__ec_limb *u2)
{
	jwtauth__wnaf d1, d2;
	jwtauth__ecp tq[JWTAUTH__QW];
	unsigned nl = f->nl, n64 = f->c->n64, len = f->c->nbits + 1, t1, t2, j, k1, k2;
	int i, k;
	t1 = jwtauth__ec_wnaf(&d1, len, u1, nl, 6);
	t2 = jwtauth__ec_wnaf(&d2, len, u2, nl, JWTAUTH_EC_QWINDOW);
	k1 = d1.n;
	k2 = d2.n;
	if (t2 > 0) {
		/* Q, 3Q, ..., (2 JWTAUTH__QW - 1)Q. (2k+1)Q = (2k-1)Q + 2Q, with 2Q
		   in r until the chain starts: the operands are equal or opposite
		   only if Q had order <= 2 JWTAUTH__QW - 1, impossible in a group
		   of prime order n; the addition would handle it anyway. */
		for (j = 0; j < nl; j++) {
			tq[0].x[j] = qx[j]; tq[0].y[j] = qy[j]; tq[0].z[j] = f->one[j];
		}
		tq[0].inf = 0;
		if (JWTAUTH__QW > 1) {
			*r = tq[0];
			jwtauth__ec_dbl(f, r);
			for (k = 1; k < JWTAUTH__QW; k++) {
				tq[k] = tq[k - 1];
				jwtauth__ec_add(f, &tq[k], r, 0);
			}
		}
	}
	/* Start at infinity: the first addition copies its operand, doublings
	   of infinity do nothing. Intermediate sums can reach infinity (e.g.
	   u1 G = -u2 Q partway), and the additions handle that exactly. */
	r->inf = 1;
	for (i = (int)(t1 > t2 ? t1 : t2) - 1; i >= 0; i--) {
		int dg;
		jwtauth__ec_dbl(f, r);
		if ((d1.nz[i / 8] >> (i % 8)) & 1u) {
			dg = d1.d[--k1];
			k = (dg < 0 ? -dg : dg) >> 1;
			jwtauth__ec_add_affine(f, r, f->c->g + (size_t)k * 2 * n64, dg < 0);
		}
		if ((d2.nz[i / 8] >> (i % 8)) & 1u) {
			dg = d2.d[--k2];
			k = (dg < 0 ? -dg : dg) >> 1;
			jwtauth__ec_add(f, r, &tq[k], dg < 0);
		}
	}
}

/* Any big-endian integer that fits in nl limbs, reduced modulo n: a
   Montgomery product by R^2 gives a R mod n (exact for any a < R), a
   product by 1 removes the R. 0 when the integer does not fit. */
static int jwtauth__ec_scalar(const jwtauth__ecf *f, jwtauth__ec_limb *d,
	const uint8_t *src, size_t len)
{
	jwtauth__ec_limb rr[JWTAUTH__ECL], one[JWTAUTH__ECL];
	unsigned j;
	if (!jwtauth__ec_decode(d, f->nl, src, len)) return 0;
	jwtauth__ec_ld(rr, f->c->rrn, f->nl);
	for (j = 0; j < f->nl; j++) one[j] = 0;
	one[0] = 1;
	jwtauth__ec_mm(d, d, rr, f->n, f->ninv, f->nl);
	jwtauth__ec_mm(d, d, one, f->n, f->ninv, f->nl);
	return 1;
}

JWTAUTH_DEF uint32_t jwtauth_ec_muladd(unsigned char *A, size_t len,
	const unsigned char *x, size_t xlen, const unsigned char *y, size_t ylen,
	int curve)
{
	const jwtauth__ecc *c = jwtauth__ec_curve(curve);
	jwtauth__ecf f;
	jwtauth__ecp r;
	jwtauth__ec_limb qx[JWTAUTH__ECL], qy[JWTAUTH__ECL], u1[JWTAUTH__ECL], u2[JWTAUTH__ECL];
	jwtauth__ec_limb zi[JWTAUTH__ECL], t[JWTAUTH__ECL], one[JWTAUTH__ECL];
	unsigned j;
	if (!c || !A) return 0;
	jwtauth__ecf_init(&f, c);
	if (!jwtauth__ec_point_decode(&f, qx, qy, A, len)) return 0;
	if ((xlen && !x) || (ylen && !y)) return 0;
	if (!jwtauth__ec_scalar(&f, u2, x, xlen) || !jwtauth__ec_scalar(&f, u1, y, ylen))
		return 0;
	jwtauth__ec_muladd_core(&f, &r, qx, qy, u1, u2);
	if (r.inf) return 0;
	/* affine: x = X / Z^2, y = Y / Z^3, out of Montgomery form */
	for (j = 0; j < f.nl; j++) one[j] = 0;
	one[0] = 1;
	jwtauth__ec_finv(&f, zi, r.z);
	JWTAUTH__FQ(&f, t, zi);
	JWTAUTH__FM(&f, r.x, r.x, t);
	JWTAUTH__FM(&f, t, t, zi);
	JWTAUTH__FM(&f, r.y, r.y, t);
	JWTAUTH__FM(&f, r.x, r.x, one);
	JWTAUTH__FM(&f, r.y, r.y, one);
	jwtauth__ec_encode(A + 1, c->clen, r.x, f.nl);
	jwtauth__ec_encode(A + 1 + c->clen, c->clen, r.y, f.nl);
	return 1;
}

/* The hash as an integer modulo n the way FIPS 186-4 6.4 and BearSSL take
   it: its leftmost nbits(n) bits, then one subtraction of n at most. */
static void jwtauth__ec_hash_int(const jwtauth__ecf *f, jwtauth__ec_limb *e,
	const uint8_t *hash, size_t hash_len)
{
	size_t nbits = f->c->nbits, len = hash_len;
	unsigned sc = 0, j;
	if (hash_len > nbits / 8) {          /* more than nbits bits */
		len = (nbits + 7) / 8;
		sc = (unsigned)((8 - nbits % 8) % 8);
	}
	jwtauth__ec_decode(e, f->nl, hash, len);   /* len <= clen: it fits */
	if (sc)
		for (j = 0; j < f->nl; j++)
			e[j] = (jwtauth__ec_limb)((e[j] >> sc)
				| (j + 1 < f->nl ? e[j + 1] << (JWTAUTH__LB - sc) : 0));
	if (jwtauth__ec_cmp(e, f->n, f->nl) >= 0) jwtauth__ec_subw(e, e, f->n, f->nl);
}

JWTAUTH_DEF uint32_t jwtauth_ecdsa_vrfy_raw(const br_ec_impl *impl,
	const void *hash, size_t hash_len, const br_ec_public_key *pk,
	const void *sig, size_t sig_len)
{
	const jwtauth__ecc *c;
	const uint8_t *sg = (const uint8_t *)sig;
	jwtauth__ecf f;
	jwtauth__ecp r;
	jwtauth__ec_limb qx[JWTAUTH__ECL], qy[JWTAUTH__ECL], rs[JWTAUTH__ECL];
	jwtauth__ec_limb u1[JWTAUTH__ECL], u2[JWTAUTH__ECL];
	size_t rlen;
	(void)impl;   /* all the arithmetic is this section's */
	if (!pk || !pk->q || (!hash && hash_len) || (!sig && sig_len)) return 0;
	c = jwtauth__ec_curve(pk->curve);
	if (!c || (sig_len & 1)) return 0;
	rlen = sig_len / 2;
	jwtauth__ecf_init(&f, c);
	if (!jwtauth__ec_point_decode(&f, qx, qy, pk->q, pk->qlen)) return 0;
	/* r and s in [1, n-1] (FIPS 186-4 6.4.2 step 1); r || s halves of any
	   equal length, leading zero octets allowed, as BearSSL reads them.
	   The other temporaries live in two blocks that the compiler can give
	   the same stack: only what follows the scalar product stays live
	   across it. */
	if (!jwtauth__ec_decode(rs, f.nl, sg, rlen) || jwtauth__ec_iszero(rs, f.nl)
	    || jwtauth__ec_cmp(rs, f.n, f.nl) >= 0)
		return 0;
	{
		jwtauth__ec_limb s[JWTAUTH__ECL], e[JWTAUTH__ECL], w[JWTAUTH__ECL];
		if (!jwtauth__ec_decode(s, f.nl, sg + rlen, rlen) || jwtauth__ec_iszero(s, f.nl)
		    || jwtauth__ec_cmp(s, f.n, f.nl) >= 0)
			return 0;
		jwtauth__ec_hash_int(&f, e, (const uint8_t *)hash, hash_len);
		/* w = s^-1 R (Montgomery form of s^-1); then u1 = e w and u2 = r w
		   leave Montgomery form by the product itself */
		jwtauth__ec_inv(w, s, f.n, f.nl);
		jwtauth__ec_ld(s, c->rrn, f.nl);
		jwtauth__ec_mm(w, w, s, f.n, f.ninv, f.nl);
		jwtauth__ec_mm(u1, e, w, f.n, f.ninv, f.nl);
		jwtauth__ec_mm(u2, rs, w, f.n, f.ninv, f.nl);
	}
	jwtauth__ec_muladd_core(&f, &r, qx, qy, u1, u2);
	/* the point at infinity has no x: the signature is invalid */
	if (r.inf) return 0;
	{
		/* x(R) = X / Z^2 lies in [0, p) and p < 2n, so x(R) mod n == r
		   exactly when X == r Z^2, or X == (r + n) Z^2 with r + n < p.
		   r < n < p is a field element as it is. No inversion needed. */
		jwtauth__ec_limb t[JWTAUTH__ECL], zz[JWTAUTH__ECL], w[JWTAUTH__ECL];
		JWTAUTH__FQ(&f, zz, r.z);
		jwtauth__ec_ld(w, c->rrp, f.nl);
		JWTAUTH__FM(&f, t, rs, w);
		JWTAUTH__FM(&f, t, t, zz);
		if (jwtauth__ec_cmp(t, r.x, f.nl) == 0) return 1;
		if (jwtauth__ec_addw(t, rs, f.n, f.nl) || jwtauth__ec_cmp(t, f.p, f.nl) >= 0)
			return 0;
		JWTAUTH__FM(&f, t, t, w);
		JWTAUTH__FM(&f, t, t, zz);
		return jwtauth__ec_cmp(t, r.x, f.nl) == 0;
	}
}

/* Key load: the point decodes (0x04, coordinates below p) and lies on
   the curve. */
static int jwtauth__ec_point_ok(int curve, const uint8_t *q, size_t q_len)
{
	const jwtauth__ecc *c = jwtauth__ec_curve(curve);
	jwtauth__ecf f;
	jwtauth__ec_limb x[JWTAUTH__ECL], y[JWTAUTH__ECL];
	if (!c) return 0;
	jwtauth__ecf_init(&f, c);
	return jwtauth__ec_point_decode(&f, x, y, q, q_len);
}

#endif /* JWTAUTH_EC_BEARSSL */

/* ======================================================================
   KEYS: JWK, JWKS, PEM (SPKI, PKCS#1), X.509
   ====================================================================== */

/* What each algorithm needs from a key. */
typedef struct jwtauth__alg_info {
	uint8_t kty;              /* jwtauth_kty */
	uint8_t hash_index;       /* 0 SHA-256, 1 SHA-384, 2 SHA-512 */
	uint8_t hash_len;
	uint8_t pss;              /* RSASSA-PSS rather than PKCS#1 v1.5 */
	int curve;                /* EC only */
} jwtauth__alg_info;

static const jwtauth__alg_info jwtauth__algs[JWTAUTH_ALG_COUNT] = {
	{ JWTAUTH_KTY_NONE, 0, 0, 0, 0 },
	{ JWTAUTH_KTY_OCT, 0, 32, 0, 0 }, { JWTAUTH_KTY_OCT, 1, 48, 0, 0 },
	{ JWTAUTH_KTY_OCT, 2, 64, 0, 0 },
	{ JWTAUTH_KTY_RSA, 0, 32, 0, 0 }, { JWTAUTH_KTY_RSA, 1, 48, 0, 0 },
	{ JWTAUTH_KTY_RSA, 2, 64, 0, 0 },
	{ JWTAUTH_KTY_RSA, 0, 32, 1, 0 }, { JWTAUTH_KTY_RSA, 1, 48, 1, 0 },
	{ JWTAUTH_KTY_RSA, 2, 64, 1, 0 },
	{ JWTAUTH_KTY_EC, 0, 32, 0, BR_EC_secp256r1 },
	{ JWTAUTH_KTY_EC, 1, 48, 0, BR_EC_secp384r1 },
	{ JWTAUTH_KTY_EC, 2, 64, 0, BR_EC_secp521r1 },
	/* EdDSA hashes R || A || M itself (SHA-512), never a prehash */
	{ JWTAUTH_KTY_OKP, 2, 64, 0, 0 }, { JWTAUTH_KTY_OKP, 2, 64, 0, 0 }
};

static const br_hash_class *jwtauth__hash_class(unsigned hash_index)
{
	/* only the hashes of the algorithms built are referenced (linked) */
#ifdef JWTAUTH__HAVE_SHA384
	if (hash_index == 1) return &br_sha384_vtable;
#endif
#ifdef JWTAUTH__HAVE_SHA512
	if (hash_index == 2) return &br_sha512_vtable;
#endif
	(void)hash_index;
	return &br_sha256_vtable;
}

/* Byte length of one coordinate (and of r or s) on a supported curve. */
static size_t jwtauth__curve_len(int curve)
{
	return curve == BR_EC_secp256r1 ? 32 : curve == BR_EC_secp384r1 ? 48
		: curve == BR_EC_secp521r1 ? 66 : 0;
}

/* The EC engine for a curve: BearSSL's default picks the fastest one
   compiled in (p256_m64/m31 for P-256, prime_i31 otherwise). */
static const br_ec_impl *jwtauth__ec_impl(int curve)
{
#if !defined(JWTAUTH_HAVE_ES256) || !defined(JWTAUTH_HAVE_ES384) \
    || !defined(JWTAUTH_HAVE_ES512)
	/* Some curve left out: name only the engines needed, since BearSSL's
	   default links every curve it has (Curve25519 too). */
#if defined(JWTAUTH_HAVE_ES384) || defined(JWTAUTH_HAVE_ES512)
#ifdef JWTAUTH_HAVE_ES256
	if (curve == BR_EC_secp256r1) return &br_ec_p256_m31;
#endif
	(void)curve;
	return &br_ec_prime_i31;
#else
	(void)curve;
	return &br_ec_p256_m31;   /* the only curve built */
#endif
#else
	const br_ec_impl *impl = br_ec_get_default();
	if ((impl->supported_curves >> curve) & 1u) return impl;
	return &br_ec_prime_i31;
#endif
}

/* 1 when the curve's algorithm is built. */
static int jwtauth__curve_built(int curve)
{
	return curve == BR_EC_secp256r1 ? (int)JWTAUTH_ALG_IS_BUILT(JWTAUTH_ALG_ES256)
		: curve == BR_EC_secp384r1 ? (int)JWTAUTH_ALG_IS_BUILT(JWTAUTH_ALG_ES384)
		: curve == BR_EC_secp521r1 ? (int)JWTAUTH_ALG_IS_BUILT(JWTAUTH_ALG_ES512) : 0;
}

/* Reset one entry to "empty, usable" before filling it. */
static void jwtauth__key_reset(jwtauth_key *key, size_t index)
{
	jwtauth__wipe(key, sizeof *key);
	key->index = index;
}

/* ---- building a key from raw material (shared by JWK, PEM, add_*) ---- */

/* ROCA fingerprint (Nemec et al., CCS 2017): moduli made by the flawed
   Infineon generator are, modulo each small prime p below, in the
   subgroup of Z_p* generated by 65537. A random modulus passes all these
   tests with probability below 2^-150, so a match means a factorable key. */
static int jwtauth__rsa_is_roca(const uint8_t *n, size_t n_len)
{
	static const uint8_t primes[] = {
		11, 13, 17, 19, 37, 53, 61, 71, 73, 79, 97, 103, 107, 109, 127,
		151, 157
	};
	size_t i, j;
	for (i = 0; i < sizeof primes; i++) {
		uint32_t p = primes[i], r = 0, g = 65537u % p, x = 1;
		int in_group = 0;
		for (j = 0; j < n_len; j++) r = (r * 256u + n[j]) % p;
		/* walk the cyclic subgroup <65537> until it closes */
		do {
			if (x == r) { in_group = 1; break; }
			x = (x * g) % p;
		} while (x != 1);
		if (!in_group) return 0;
	}
	return 1;
}

static int jwtauth__key_set_rsa(jwtauth_key *key, const uint8_t *n,
	size_t n_len, const uint8_t *e, size_t e_len)
{
	unsigned bits;
	uint8_t top;
	/* no RSA algorithm built: the key is kept, unusable, with the reason */
	if (!JWTAUTH__BUILT_ANY(JWTAUTH__ALGS_RSA)) return JWTAUTH_ERR_KEY_NOT_BUILT;
	/* Real providers publish moduli with leading zero octets: skip them. */
	while (n_len > 0 && n[0] == 0) { n++; n_len--; }
	while (e_len > 0 && e[0] == 0) { e++; e_len--; }
	if (n_len == 0) return JWTAUTH_ERR_KEY_MEMBER;
	if (n_len > sizeof key->u.rsa.n) return JWTAUTH_ERR_KEY_RSA_SIZE;
	bits = (unsigned)(n_len - 1) * 8u;
	for (top = n[0]; top; top >>= 1) bits++;
	/* RFC 7518 3.3: 2048 bits or more; BearSSL handles up to 4096. */
	if (bits < JWTAUTH_MIN_RSA_BITS || bits > JWTAUTH_MAX_RSA_BITS)
		return JWTAUTH_ERR_KEY_RSA_SIZE;
	/* A modulus is a product of odd primes. */
	if ((n[n_len - 1] & 1u) == 0) return JWTAUTH_ERR_KEY_MEMBER;
	/* e must be odd and > 1 (e = 1 makes every "signature" valid). */
	if (e_len == 0 || e_len > sizeof key->u.rsa.e) return JWTAUTH_ERR_KEY_RSA_EXPONENT;
	if ((e[e_len - 1] & 1u) == 0 || (e_len == 1 && e[0] == 1))
		return JWTAUTH_ERR_KEY_RSA_EXPONENT;
	/* Infineon's weak key generation (ROCA, CVE-2017-15361). */
	if (jwtauth__rsa_is_roca(n, n_len)) return JWTAUTH_ERR_KEY_RSA_WEAK;
	memcpy(key->u.rsa.n, n, n_len);
	memcpy(key->u.rsa.e, e, e_len);
	key->u.rsa.n_len = n_len;
	key->u.rsa.e_len = e_len;
	key->u.rsa.bits = bits;
#ifndef JWTAUTH_RSA_BEARSSL
	jwtauth__rsa_mont_init(&key->u.rsa.mont, n, n_len);
#endif
	key->kty = JWTAUTH_KTY_RSA;
	return JWTAUTH_OK;
}

static int jwtauth__key_set_ec(jwtauth_key *key, int curve,
	const uint8_t *q, size_t q_len)
{
	static const unsigned char one[1] = { 1 };
	unsigned char tmp[133];
	const br_ec_impl *impl;
	size_t clen = jwtauth__curve_len(curve);
	if (clen == 0) return JWTAUTH_ERR_KEY_CRV;
	if (!JWTAUTH__BUILT_ANY(JWTAUTH__ALGS_EC) || !jwtauth__curve_built(curve))
		return JWTAUTH_ERR_KEY_NOT_BUILT;
	/* Uncompressed point only: 0x04 || X || Y, each of the curve's size. */
	if (q_len != 1 + 2 * clen || q[0] != 0x04) return JWTAUTH_ERR_KEY_EC_POINT;
	/* An invalid point is refused now, not at every login. */
#ifndef JWTAUTH_EC_BEARSSL
	/* The library's engine needs no BearSSL curve engine (none is linked
	   for it); jwtauth_keyset_set_engines sets one for a plugged
	   verifier. */
	impl = NULL;
	/* coordinates below p, on the curve: a few field operations */
	(void)one; (void)tmp;
	if (!jwtauth__ec_point_ok(curve, q, q_len)) return JWTAUTH_ERR_KEY_EC_POINT;
#else
	/* Multiplying by 1 makes BearSSL decode the point and check that it is
	   on the curve. */
	impl = jwtauth__ec_impl(curve);
	memcpy(tmp, q, q_len);
	if (impl->mul(tmp, q_len, one, 1, curve) != 1 || memcmp(tmp, q, q_len) != 0)
		return JWTAUTH_ERR_KEY_EC_POINT;
#endif
	memcpy(key->u.ec.q, q, q_len);
	key->u.ec.q_len = q_len;
	key->u.ec.curve = curve;
	key->u.ec.impl = impl;
	key->kty = JWTAUTH_KTY_EC;
	return JWTAUTH_OK;
}

static int jwtauth__key_set_oct(jwtauth_key *key, const uint8_t *k, size_t k_len)
{
	unsigned h;
	if (!JWTAUTH__BUILT_ANY(JWTAUTH__ALGS_HMAC)) return JWTAUTH_ERR_KEY_NOT_BUILT;
	/* RFC 7518 3.2: a key at least as long as the hash output; 32 bytes is
	   the least any HS algorithm accepts. */
	if (k_len < 32 || k_len > JWTAUTH_MAX_HMAC_KEY_LEN) return JWTAUTH_ERR_KEY_OCT_SIZE;
	if (key->alg != JWTAUTH_ALG_UNKNOWN && k_len < jwtauth__algs[key->alg].hash_len)
		return JWTAUTH_ERR_KEY_OCT_SIZE;
	/* Precompute the inner and outer HMAC states for each hash the key is
	   long enough for: verification then starts from them. */
	for (h = 0; h < 3; h++)
		if (k_len >= 32u + 16u * h && JWTAUTH_ALG_IS_BUILT(JWTAUTH_ALG_HS256 + h))
			br_hmac_key_init(&key->u.oct.hmac[h], jwtauth__hash_class(h), k, k_len);
	key->u.oct.key_len = k_len;
	key->kty = JWTAUTH_KTY_OCT;
	return JWTAUTH_OK;
}

/* RFC 8037 2: x is the 32-byte public key; decoded and checked here, so a
   bad point is refused at load. */
static int jwtauth__key_set_ed25519(jwtauth_key *key, const uint8_t *x, size_t x_len)
{
	int rc;
	if (!JWTAUTH__BUILT_ANY(JWTAUTH__ALGS_EDDSA)) return JWTAUTH_ERR_KEY_NOT_BUILT;
	if (x_len != 32) return JWTAUTH_ERR_KEY_OKP_POINT;
	if ((rc = jwtauth__ed25519_load(key->u.okp.nega, x)) != JWTAUTH_OK) return rc;
	memcpy(key->u.okp.x, x, 32);
	key->kty = JWTAUTH_KTY_OKP;
	return JWTAUTH_OK;
}

static int jwtauth__key_set_kid(jwtauth_key *key, const char *kid, size_t kid_len)
{
	if (!kid) return JWTAUTH_OK;
	if (kid_len > JWTAUTH_MAX_KID_LEN || memchr(kid, 0, kid_len))
		return JWTAUTH_ERR_KEY_KID;
	memcpy(key->kid, kid, kid_len);
	key->kid[kid_len] = 0;
	key->kid_len = (uint16_t)kid_len;
	key->has_kid = 1;
	return JWTAUTH_OK;
}

/* A key's alg must name an algorithm of its own type (and curve). */
static int jwtauth__key_alg_fits(const jwtauth_key *key)
{
	const jwtauth__alg_info *ai;
	if (key->alg == JWTAUTH_ALG_UNKNOWN) return 1;
	ai = &jwtauth__algs[key->alg];
	if (ai->kty != key->kty) return 0;
	if (key->kty == JWTAUTH_KTY_EC && ai->curve != key->u.ec.curve) return 0;
	return 1;
}

/* Append a finished entry to the set. */
static int jwtauth__keyset_append(jwtauth_keyset *ks, jwtauth_key *tmp)
{
	if (ks->count >= JWTAUTH_MAX_KEYS) return JWTAUTH_ERR_KEYSET_FULL;
	tmp->index = ks->count;
	ks->keys[ks->count++] = *tmp;
	if (tmp->status == JWTAUTH_OK) ks->usable++;
	return JWTAUTH_OK;
}

/* ---- key set fingerprint (binds verified-token cache entries) ----
   jwtauth_keyset.id: SHA-256, truncated to 64 bits, over every entry in
   order (position, status, kty, alg, use, key_ops, kid) and the key
   material of the usable ones (RSA n/e, EC curve/point, the precomputed
   HMAC states of oct keys). Everything that decides which key verifies a
   token is covered, unusable entries too (a refused key under a kid makes
   that kid ambiguous). A cached verdict binds this id: any change of the
   set gives another id (collision chance 2^-64 at random; a deliberate
   second preimage costs ~2^64 SHA-256 evaluations). */
static void jwtauth__fp_u64(br_sha256_context *c, uint64_t v)
{
	uint8_t b[8];
	int i;
	for (i = 0; i < 8; i++) b[i] = (uint8_t)(v >> (8 * i));
	br_sha256_update(c, b, 8);
}

static void jwtauth__keyset_fingerprint(jwtauth_keyset *ks)
{
	br_sha256_context c;
	uint8_t out[32];
	size_t i;
	int h, j;
	br_sha256_init(&c);
	br_sha256_update(&c, "jwtauth keyset id v1", 20);
	jwtauth__fp_u64(&c, (uint64_t)ks->count);
	jwtauth__fp_u64(&c, (uint64_t)ks->kind);
	for (i = 0; i < ks->count && i < JWTAUTH_MAX_KEYS; i++) {
		const jwtauth_key *k = &ks->keys[i];
		uint8_t a[8];
		a[0] = k->kty; a[1] = k->alg; a[2] = k->use; a[3] = k->has_key_ops;
		a[4] = k->key_ops; a[5] = k->has_kid; a[6] = 0; a[7] = 0;
		jwtauth__fp_u64(&c, (uint64_t)i);
		jwtauth__fp_u64(&c, (uint64_t)(int64_t)k->status);
		br_sha256_update(&c, a, 8);
		jwtauth__fp_u64(&c, (uint64_t)k->kid_len);
		br_sha256_update(&c, k->kid, k->kid_len);
		if (k->status != JWTAUTH_OK) continue;
		if (k->kty == JWTAUTH_KTY_RSA) {
			jwtauth__fp_u64(&c, (uint64_t)k->u.rsa.n_len);
			br_sha256_update(&c, k->u.rsa.n, k->u.rsa.n_len);
			jwtauth__fp_u64(&c, (uint64_t)k->u.rsa.e_len);
			br_sha256_update(&c, k->u.rsa.e, k->u.rsa.e_len);
		} else if (k->kty == JWTAUTH_KTY_EC) {
			jwtauth__fp_u64(&c, (uint64_t)k->u.ec.curve);
			jwtauth__fp_u64(&c, (uint64_t)k->u.ec.q_len);
			br_sha256_update(&c, k->u.ec.q, k->u.ec.q_len);
		} else if (k->kty == JWTAUTH_KTY_OKP) {
			br_sha256_update(&c, k->u.okp.x, sizeof k->u.okp.x);
		} else if (k->kty == JWTAUTH_KTY_OCT) {
			/* the secret only through its HMAC states (already one
			   compression of the key; no more than a token reveals) */
			jwtauth__fp_u64(&c, (uint64_t)k->u.oct.key_len);
			for (h = 0; h < 3; h++) {
				br_sha256_update(&c, k->u.oct.hmac[h].ksi, sizeof k->u.oct.hmac[h].ksi);
				br_sha256_update(&c, k->u.oct.hmac[h].kso, sizeof k->u.oct.hmac[h].kso);
			}
		}
	}
	br_sha256_out(&c, out);
	ks->id = 0;
	for (j = 0; j < 8; j++) ks->id = (ks->id << 8) | out[j];
	jwtauth__wipe(&c, sizeof c);
	jwtauth__wipe(out, sizeof out);
}

JWTAUTH_DEF void jwtauth_keyset_set_engines(jwtauth_keyset *ks,
	const jwtauth_engines *engines)
{
	size_t i;
	if (!ks) return;
	for (i = 0; i < ks->count; i++) {
		jwtauth_key *k = &ks->keys[i];
		k->engines = engines;
		if (k->kty != JWTAUTH_KTY_EC || k->status != JWTAUTH_OK) continue;
		/* the curve engine is chosen per key, at load or here */
		k->u.ec.impl = engines && engines->ec
		    && ((engines->ec->supported_curves >> k->u.ec.curve) & 1u)
			? engines->ec : jwtauth__ec_impl(k->u.ec.curve);
	}
}

JWTAUTH_DEF void jwtauth_engines_bearssl(jwtauth_engines *e)
{
	if (!e) return;
	e->rsa_pkcs1_vrfy = br_rsa_pkcs1_vrfy_get_default();
	e->rsa_public = br_rsa_public_get_default();
	e->ecdsa_vrfy = br_ecdsa_vrfy_raw_get_default();
	e->ec = br_ec_get_default();
}

JWTAUTH_DEF void jwtauth_keyset_init(jwtauth_keyset *ks)
{
	if (!ks) return;
	ks->count = 0;
	ks->usable = 0;
	ks->kind = JWTAUTH_KTY_NONE;
}

JWTAUTH_DEF void jwtauth_keyset_wipe(jwtauth_keyset *ks)
{
	if (!ks) return;
	jwtauth__wipe(ks->keys, sizeof ks->keys);
	jwtauth_keyset_init(ks);
}

/* Adding raw keys shares the checks of the JWK path: build the entry in a
   temporary, append it only when usable. */
static int jwtauth__keyset_add_common(jwtauth_keyset *ks, jwtauth_key *tmp,
	int rc, jwtauth_alg alg, const char *kid, size_t kid_len)
{
	if (rc == JWTAUTH_OK) rc = jwtauth__key_set_kid(tmp, kid, kid_len);
	if (rc == JWTAUTH_OK && (int)alg > 0 && (int)alg < JWTAUTH_ALG_COUNT) {
		tmp->alg = (uint8_t)alg;
		if (!jwtauth__key_alg_fits(tmp)) rc = JWTAUTH_ERR_KEY_ALG;
		else if (!JWTAUTH_ALG_IS_BUILT(alg)) rc = JWTAUTH_ERR_KEY_NOT_BUILT;
	} else if (rc == JWTAUTH_OK && alg != JWTAUTH_ALG_UNKNOWN) {
		rc = JWTAUTH_ERR_KEY_ALG;
	}
	if (rc == JWTAUTH_OK) {
		if ((ks->kind == JWTAUTH_KTY_OCT) != (tmp->kty == JWTAUTH_KTY_OCT)
		    && ks->usable > 0)
			rc = JWTAUTH_ERR_KEYSET_MIXED;
	}
	if (rc == JWTAUTH_OK) rc = jwtauth__keyset_append(ks, tmp);
	if (rc == JWTAUTH_OK && ks->kind == JWTAUTH_KTY_NONE) ks->kind = tmp->kty;
	jwtauth__wipe(tmp, sizeof *tmp);
	if (rc == JWTAUTH_OK) jwtauth__keyset_fingerprint(ks); /* a new id */
	return rc;
}

JWTAUTH_DEF int jwtauth_keyset_add_rsa(jwtauth_keyset *ks, const uint8_t *n,
	size_t n_len, const uint8_t *e, size_t e_len, jwtauth_alg alg,
	const char *kid, size_t kid_len)
{
	jwtauth_key tmp;
	if (!ks || !n || !e) return JWTAUTH_ERR_ARGUMENT;
	jwtauth__key_reset(&tmp, 0);
	return jwtauth__keyset_add_common(ks, &tmp,
		jwtauth__key_set_rsa(&tmp, n, n_len, e, e_len), alg, kid, kid_len);
}

JWTAUTH_DEF int jwtauth_keyset_add_ec(jwtauth_keyset *ks, int curve,
	const uint8_t *q, size_t q_len, jwtauth_alg alg,
	const char *kid, size_t kid_len)
{
	jwtauth_key tmp;
	if (!ks || !q) return JWTAUTH_ERR_ARGUMENT;
	jwtauth__key_reset(&tmp, 0);
	return jwtauth__keyset_add_common(ks, &tmp,
		jwtauth__key_set_ec(&tmp, curve, q, q_len), alg, kid, kid_len);
}

JWTAUTH_DEF int jwtauth_keyset_add_ed25519(jwtauth_keyset *ks, const uint8_t *x,
	size_t x_len, jwtauth_alg alg, const char *kid, size_t kid_len)
{
	jwtauth_key tmp;
	if (!ks || !x) return JWTAUTH_ERR_ARGUMENT;
	jwtauth__key_reset(&tmp, 0);
	return jwtauth__keyset_add_common(ks, &tmp,
		jwtauth__key_set_ed25519(&tmp, x, x_len), alg, kid, kid_len);
}

JWTAUTH_DEF int jwtauth_keyset_add_oct(jwtauth_keyset *ks, const uint8_t *k,
	size_t k_len, jwtauth_alg alg, const char *kid, size_t kid_len)
{
	jwtauth_key tmp;
	if (!ks || !k) return JWTAUTH_ERR_ARGUMENT;
	jwtauth__key_reset(&tmp, 0);
	if ((int)alg > 0 && (int)alg < JWTAUTH_ALG_COUNT) tmp.alg = (uint8_t)alg;
	return jwtauth__keyset_add_common(ks, &tmp,
		jwtauth__key_set_oct(&tmp, k, k_len), alg, kid, kid_len);
}

/* ---------------------------------------------------------------- JWK */

typedef struct jwtauth__jwk_ctx {
	const char *js;
	const jwtauth_json_tok *toks;
	size_t ntoks;
	size_t obj;
} jwtauth__jwk_ctx;

/* Interoperability exception for KEY documents only (tokens stay strict):
   some providers (Battle.net) publish n/e in standard base64 with '='
   padding. Accept exactly that form: the '+' '/' alphabet throughout (no
   mixing with '-' '_'), correct padding, canonical trailing bits. */
static int jwtauth__b64_std_decode(const char *in, size_t len, uint8_t *out,
	size_t cap, size_t *out_len)
{
	/* translated and decoded a chunk at a time; a chunk is whole 4-character
	   quanta, so only the last one may end in a partial quantum */
	char tmp[64];
	size_t i, j, n, got, done = 0, pad = 0;
	int rc;
	if (len == 0 || len % 4 != 0) return JWTAUTH_ERR_B64_LENGTH;
	while (pad < 2 && in[len - 1 - pad] == '=') pad++;
	len -= pad;
	/* too long for `out`: said before any character is looked at */
	if (len / 4 * 3 + (len % 4 ? len % 4 - 1 : 0) > cap) return JWTAUTH_ERR_BUFFER_TOO_SMALL;
	for (i = 0; i < len; i += n) {
		n = len - i < sizeof tmp ? len - i : sizeof tmp;
		for (j = 0; j < n; j++) {
			char ch = in[i + j];
			if (ch == '-' || ch == '_' || ch == '=') return JWTAUTH_ERR_B64_CHAR;
			tmp[j] = ch == '+' ? '-' : ch == '/' ? '_' : ch;
		}
		rc = jwtauth_b64url_decode(tmp, n, out + done, cap - done, &got, NULL);
		if (rc != JWTAUTH_OK) return rc;
		done += got;
	}
	*out_len = done;
	return JWTAUTH_OK;
}

/* ---- constant-time base64 for secrets (the oct key's "k") ----
   A table lookup indexed by a secret character tells a cache-timing
   observer which line it hit, and a branch on it tells which way it
   went; key-decoding code has leaked private keys that way. Here each
   character's sextet comes from range masks, with no branch and no
   table on its value. */

/* All ones when lo <= c <= hi (all three below 256), else 0. */
static uint32_t jwtauth__ct_in(uint32_t c, uint32_t lo, uint32_t hi)
{
	return 0u - (((((c - lo) | (hi - c)) >> 8) - 1u) >> 31);
}

/* Decode n characters (n % 4 != 1) into out, 3 bytes per 4 characters;
   returns flags, not branching on them: 1 = a character outside both
   alphabets or non-zero unused bits in the last one, 2 = '-' or '_'
   (url alphabet only), 4 = '+' or '/' (standard alphabet only). */
static unsigned jwtauth__b64_decode_ct(const unsigned char *in, size_t n, uint8_t *out)
{
	uint32_t bad = 0, url = 0, std = 0, acc = 0;
	size_t i, o = 0;
	for (i = 0; i < n; i++) {
		uint32_t c = in[i];
		uint32_t up = jwtauth__ct_in(c, 'A', 'Z'), lo = jwtauth__ct_in(c, 'a', 'z'),
			dig = jwtauth__ct_in(c, '0', '9');
		uint32_t u62 = jwtauth__ct_in(c, '-', '-'), u63 = jwtauth__ct_in(c, '_', '_'),
			s62 = jwtauth__ct_in(c, '+', '+'), s63 = jwtauth__ct_in(c, '/', '/');
		uint32_t v = (up & (c - 'A')) | (lo & (c - 'a' + 26)) | (dig & (c - '0' + 52))
			| ((u62 | s62) & 62) | ((u63 | s63) & 63);
		bad |= ~(up | lo | dig | u62 | u63 | s62 | s63);
		url |= u62 | u63;
		std |= s62 | s63;
		acc = (acc << 6) | (v & 63);
		if ((i & 3) == 3) {  /* i is public */
			out[o] = (uint8_t)(acc >> 16);
			out[o + 1] = (uint8_t)(acc >> 8);
			out[o + 2] = (uint8_t)acc;
			o += 3;
			acc = 0;
		}
	}
	if ((n & 3) == 2) {
		out[o] = (uint8_t)(acc >> 4);
		bad |= 0u - (acc & 0x0Fu);   /* the unused bits must be zero */
	} else if ((n & 3) == 3) {
		out[o] = (uint8_t)(acc >> 10);
		out[o + 1] = (uint8_t)(acc >> 2);
		bad |= 0u - (acc & 0x03u);
	}
	return (unsigned)((bad >> 31) | ((url >> 31) << 1) | ((std >> 31) << 2));
}

/* A secret member: base64url, or (lenient, as for the other members)
   standard base64 with its padding. Which alphabet, and whether the
   text decodes, are decided from the flags after the whole pass. */
static int jwtauth__b64_secret(const char *in, size_t len, uint8_t *out, size_t cap,
	size_t *out_len)
{
	size_t n = len, need;
	int padded = 0;
	unsigned flags;
	*out_len = 0;
	/* padding is where the length (public) puts it */
	if (len >= 4 && len % 4 == 0 && in[len - 1] == '=') {
		padded = 1;
		n -= in[len - 2] == '=' ? 2 : 1;
	}
	if (n % 4 == 1) return JWTAUTH_ERR_B64_LENGTH;
	need = n / 4 * 3 + (n % 4 ? n % 4 - 1 : 0);
	if (need > cap) return JWTAUTH_ERR_BUFFER_TOO_SMALL;
	flags = jwtauth__b64_decode_ct((const unsigned char *)in, n, out);
	/* url: no '+', '/' or padding; standard: no '-' or '_', whole quanta */
	if ((flags & 1u) || ((flags & 4u || padded) && (flags & 2u || len % 4 != 0))) {
		jwtauth__wipe(out, need);
		return JWTAUTH_ERR_B64_CHAR;
	}
	*out_len = need;
	return JWTAUTH_OK;
}

/* Decode the base64url string member `name` into out[0..cap). */
static int jwtauth__jwk_bytes(const jwtauth__jwk_ctx *c, const char *name,
	uint8_t *out, size_t cap, size_t *out_len, int too_long_code)
{
	long v = jwtauth_json_get(c->js, c->toks, c->ntoks, c->obj, name, strlen(name));
	const jwtauth_json_tok *t;
	int rc;
	if (v < 0) return JWTAUTH_ERR_KEY_MEMBER;
	t = &c->toks[v];
	/* base64url never needs escapes; an escaped value is malformed. */
	if (t->type != JWTAUTH_JSON_STRING || t->escaped) return JWTAUTH_ERR_KEY_MEMBER;
	if (name[0] == 'k' && name[1] == 0) {
		/* the oct key's secret: constant-time decoding */
		rc = jwtauth__b64_secret(c->js + t->start, t->len, out, cap, out_len);
	} else {
		rc = jwtauth_b64url_decode(c->js + t->start, t->len, out, cap, out_len, NULL);
		if (rc != JWTAUTH_OK && rc != JWTAUTH_ERR_BUFFER_TOO_SMALL)
			rc = jwtauth__b64_std_decode(c->js + t->start, t->len, out, cap, out_len);
	}
	if (rc == JWTAUTH_ERR_BUFFER_TOO_SMALL) return too_long_code;
	return rc == JWTAUTH_OK ? JWTAUTH_OK : JWTAUTH_ERR_KEY_MEMBER;
}

static int jwtauth__jwk_has(const jwtauth__jwk_ctx *c, const char *name)
{
	return jwtauth_json_get(c->js, c->toks, c->ntoks, c->obj, name, strlen(name)) >= 0;
}

/* Copy the string member `name` (unescaped) into out; -1 when absent,
   0 on success, 1 when not a string or too long. */
static int jwtauth__jwk_string(const jwtauth__jwk_ctx *c, const char *name,
	char *out, size_t cap, size_t *out_len)
{
	long v = jwtauth_json_get(c->js, c->toks, c->ntoks, c->obj, name, strlen(name));
	if (v < 0) return -1;
	if (c->toks[v].type != JWTAUTH_JSON_STRING) return 1;
	if (jwtauth_json_str_copy(c->js, &c->toks[v], out, cap, out_len) != JWTAUTH_OK)
		return 1;
	return 0;
}

/* 1 when the key_ops member at element `at` of the array `arr` repeats
   an earlier member (RFC 7517 4.3: duplicate values MUST NOT be present),
   compared after unescaping. Quadratic in the array's length, which the
   JSON token limit of a key document bounds. */
static int jwtauth__key_ops_seen(const jwtauth__jwk_ctx *c, size_t arr, size_t at)
{
	const jwtauth_json_tok *b = &c->toks[at];
	size_t e;
	for (e = arr + 1; e < at; e = c->toks[e].next) {
		const jwtauth_json_tok *a = &c->toks[e];
		if (jwtauth__jstr_same(c->js + a->start, a->len, a->escaped,
		    c->js + b->start, b->len, b->escaped))
			return 1;
	}
	return 0;
}

static int jwtauth__jwk_use_ops(const jwtauth__jwk_ctx *c, jwtauth_key *key)
{
	char buf[16];
	size_t len, i, idx;
	long v;
	int r = jwtauth__jwk_string(c, "use", buf, sizeof buf, &len);
	if (r == 1) {
		/* A long string is simply "not sig"; only a non-string is malformed. */
		v = jwtauth_json_get(c->js, c->toks, c->ntoks, c->obj, "use", 3);
		if (c->toks[v].type != JWTAUTH_JSON_STRING) return JWTAUTH_ERR_KEY_USE;
		key->use = JWTAUTH_USE_OTHER;
	} else if (r == 0) {
		key->use = (len == 3 && memcmp(buf, "sig", 3) == 0)
			? JWTAUTH_USE_SIG : JWTAUTH_USE_OTHER;
	}
	v = jwtauth_json_get(c->js, c->toks, c->ntoks, c->obj, "key_ops", 7);
	if (v < 0) return JWTAUTH_OK;
	/* RFC 7517 4.3: an array of unique strings. */
	if (c->toks[v].type != JWTAUTH_JSON_ARRAY) return JWTAUTH_ERR_KEY_USE;
	key->has_key_ops = 1;
	idx = (size_t)v + 1;
	for (i = 0; i < c->toks[v].count; i++) {
		const jwtauth_json_tok *t = &c->toks[idx];
		uint8_t bit = JWTAUTH_KEYOP_OTHER;
		if (t->type != JWTAUTH_JSON_STRING) return JWTAUTH_ERR_KEY_USE;
		if (jwtauth_json_str_eq(c->js, t, "verify", 6)) bit = JWTAUTH_KEYOP_VERIFY;
		else if (jwtauth_json_str_eq(c->js, t, "sign", 4)) bit = JWTAUTH_KEYOP_SIGN;
		if (bit != JWTAUTH_KEYOP_OTHER && (key->key_ops & bit)) return JWTAUTH_ERR_KEY_USE;
		if (bit == JWTAUTH_KEYOP_OTHER && jwtauth__key_ops_seen(c, (size_t)v, idx))
			return JWTAUTH_ERR_KEY_USE;
		key->key_ops |= bit;
		idx = t->next;
	}
	return JWTAUTH_OK;
}

static int jwtauth__jwk_curve(const jwtauth__jwk_ctx *c, int *curve)
{
	long v = jwtauth_json_get(c->js, c->toks, c->ntoks, c->obj, "crv", 3);
	if (v < 0 || c->toks[v].type != JWTAUTH_JSON_STRING) return JWTAUTH_ERR_KEY_CRV;
	if (jwtauth_json_str_eq(c->js, &c->toks[v], "P-256", 5)) *curve = BR_EC_secp256r1;
	else if (jwtauth_json_str_eq(c->js, &c->toks[v], "P-384", 5)) *curve = BR_EC_secp384r1;
	else if (jwtauth_json_str_eq(c->js, &c->toks[v], "P-521", 5)) *curve = BR_EC_secp521r1;
	else return JWTAUTH_ERR_KEY_CRV;
	return JWTAUTH_OK;
}

/* Fill `key` from the JWK object at token `obj`. Returns the key's status:
   JWTAUTH_OK or the reason it cannot be used. kid/alg/use are recorded
   first so an unusable key can still be reported by name. */
static int jwtauth__jwk_load(jwtauth_key *key, const char *js,
	const jwtauth_json_tok *toks, size_t ntoks, size_t obj)
{
	static const char *const rsa_private[] = { "d", "p", "q", "dp", "dq", "qi", "oth" };
	jwtauth__jwk_ctx c;
	char buf[JWTAUTH_MAX_KID_LEN + 1];
	size_t len, i;
	int r, rc;
	c.js = js; c.toks = toks; c.ntoks = ntoks; c.obj = obj;
	if (toks[obj].type != JWTAUTH_JSON_OBJECT) return JWTAUTH_ERR_KEY_FORMAT;

	/* The declared type first, kept when the entry is refused: the
	   mixed-set rule counts every entry (jwtauth_keyset_parse). */
	if (jwtauth__jwk_string(&c, "kty", buf, 8, &len) == 0) {
		if (len == 3 && memcmp(buf, "RSA", 3) == 0) key->kty = JWTAUTH_KTY_RSA;
		else if (len == 2 && memcmp(buf, "EC", 2) == 0) key->kty = JWTAUTH_KTY_EC;
		else if (len == 3 && memcmp(buf, "OKP", 3) == 0) key->kty = JWTAUTH_KTY_OKP;
		else if (len == 3 && memcmp(buf, "oct", 3) == 0) key->kty = JWTAUTH_KTY_OCT;
	}

	r = jwtauth__jwk_string(&c, "kid", buf, JWTAUTH_MAX_KID_LEN, &len);
	if (r == 1) return JWTAUTH_ERR_KEY_KID;
	if (r == 0 && (rc = jwtauth__key_set_kid(key, buf, len)) != JWTAUTH_OK) return rc;

	if ((rc = jwtauth__jwk_use_ops(&c, key)) != JWTAUTH_OK) return rc;
	r = jwtauth__jwk_string(&c, "alg", buf, 16, &len);
	if (r == 1) return JWTAUTH_ERR_KEY_ALG;
	if (r == 0) {
		key->alg = (uint8_t)jwtauth_alg_from_name(buf, len);
		/* An alg we do not verify with (RSA-OAEP, A256GCM, ES521, ...)
		   marks a key that must not verify our tokens. */
		if (key->alg == JWTAUTH_ALG_UNKNOWN) return JWTAUTH_ERR_KEY_ALG;
	}

	r = jwtauth__jwk_string(&c, "kty", buf, 8, &len);
	if (r != 0) return JWTAUTH_ERR_KEY_KTY;
	if (len == 3 && memcmp(buf, "RSA", 3) == 0) {
		uint8_t n[JWTAUTH_MAX_RSA_BITS / 8 + 8], e[16];
		size_t n_len, e_len;
		for (i = 0; i < sizeof rsa_private / sizeof rsa_private[0]; i++)
			if (jwtauth__jwk_has(&c, rsa_private[i])) return JWTAUTH_ERR_KEY_PRIVATE;
		if (!JWTAUTH__BUILT_ANY(JWTAUTH__ALGS_RSA)) return JWTAUTH_ERR_KEY_NOT_BUILT;
		if ((rc = jwtauth__jwk_bytes(&c, "n", n, sizeof n, &n_len,
		                             JWTAUTH_ERR_KEY_RSA_SIZE)) != JWTAUTH_OK) return rc;
		if ((rc = jwtauth__jwk_bytes(&c, "e", e, sizeof e, &e_len,
		                             JWTAUTH_ERR_KEY_RSA_EXPONENT)) != JWTAUTH_OK) return rc;
		rc = jwtauth__key_set_rsa(key, n, n_len, e, e_len);
	} else if (len == 2 && memcmp(buf, "EC", 2) == 0) {
		uint8_t q[133];
		size_t x_len, y_len, clen;
		int curve = 0;
		if (jwtauth__jwk_has(&c, "d")) return JWTAUTH_ERR_KEY_PRIVATE;
		if ((rc = jwtauth__jwk_curve(&c, &curve)) != JWTAUTH_OK) return rc;
		if (!jwtauth__curve_built(curve)) return JWTAUTH_ERR_KEY_NOT_BUILT;
		clen = jwtauth__curve_len(curve);
		/* RFC 7518 6.2.1.2: x and y are exactly the curve's size. */
		if ((rc = jwtauth__jwk_bytes(&c, "x", q + 1, clen, &x_len,
		                             JWTAUTH_ERR_KEY_EC_POINT)) != JWTAUTH_OK) return rc;
		if ((rc = jwtauth__jwk_bytes(&c, "y", q + 1 + clen, clen, &y_len,
		                             JWTAUTH_ERR_KEY_EC_POINT)) != JWTAUTH_OK) return rc;
		if (x_len != clen || y_len != clen) return JWTAUTH_ERR_KEY_EC_POINT;
		q[0] = 0x04;
		rc = jwtauth__key_set_ec(key, curve, q, 1 + 2 * clen);
	} else if (len == 3 && memcmp(buf, "OKP", 3) == 0) {
		/* RFC 8037 2: crv and x; d is the private key */
		uint8_t x[32];
		size_t x_len = 0;
		long v = jwtauth_json_get(js, toks, ntoks, obj, "crv", 3);
		if (jwtauth__jwk_has(&c, "d")) return JWTAUTH_ERR_KEY_PRIVATE;
		if (v < 0 || toks[v].type != JWTAUTH_JSON_STRING) return JWTAUTH_ERR_KEY_CRV;
		if (jwtauth_json_str_eq(js, &toks[v], "Ed448", 5)) return JWTAUTH_ERR_KEY_OKP_ED448;
		if (jwtauth_json_str_eq(js, &toks[v], "X25519", 6)
		    || jwtauth_json_str_eq(js, &toks[v], "X448", 4))
			return JWTAUTH_ERR_KEY_OKP_AGREEMENT;
		if (!jwtauth_json_str_eq(js, &toks[v], "Ed25519", 7)) return JWTAUTH_ERR_KEY_CRV;
		if (!JWTAUTH__BUILT_ANY(JWTAUTH__ALGS_EDDSA)) return JWTAUTH_ERR_KEY_NOT_BUILT;
		if ((rc = jwtauth__jwk_bytes(&c, "x", x, sizeof x, &x_len,
		                             JWTAUTH_ERR_KEY_OKP_POINT)) != JWTAUTH_OK) return rc;
		rc = jwtauth__key_set_ed25519(key, x, x_len);
	} else if (len == 3 && memcmp(buf, "oct", 3) == 0) {
		uint8_t k[JWTAUTH_MAX_HMAC_KEY_LEN];
		size_t k_len = 0;
		if (!JWTAUTH__BUILT_ANY(JWTAUTH__ALGS_HMAC)) return JWTAUTH_ERR_KEY_NOT_BUILT;
		rc = jwtauth__jwk_bytes(&c, "k", k, sizeof k, &k_len, JWTAUTH_ERR_KEY_OCT_SIZE);
		if (rc == JWTAUTH_OK) rc = jwtauth__key_set_oct(key, k, k_len);
		jwtauth__wipe(k, sizeof k);
	} else {
		return JWTAUTH_ERR_KEY_KTY;
	}
	if (rc == JWTAUTH_OK && !jwtauth__key_alg_fits(key)) rc = JWTAUTH_ERR_KEY_ALG;
	if (rc == JWTAUTH_OK && key->alg && !JWTAUTH_ALG_IS_BUILT(key->alg))
		rc = JWTAUTH_ERR_KEY_NOT_BUILT;   /* pinned to an alg left out */
	return rc;
}

#ifdef JWTAUTH_HAVE_PEM
/* ---------------------------------------------------------------- DER */

typedef struct jwtauth__der {
	const uint8_t *p;
	size_t len;
} jwtauth__der;

/* Read one TLV of the expected tag; strict DER lengths (definite,
   minimal). On success *val is the contents and d advances past it. */
static int jwtauth__der_read(jwtauth__der *d, uint8_t tag, jwtauth__der *val)
{
	size_t len, hdr = 2;
	if (d->len < 2 || d->p[0] != tag) return JWTAUTH_ERR_KEY_DER;
	len = d->p[1];
	if (len & 0x80) {
		size_t nb = len & 0x7f, i;
		/* Long form: 1 or 2 length bytes, and only when needed. */
		if (nb == 0 || nb > 2 || d->len < 2 + nb) return JWTAUTH_ERR_KEY_DER;
		len = 0;
		for (i = 0; i < nb; i++) len = (len << 8) | d->p[2 + i];
		if (len < 0x80 || (nb == 2 && len < 0x100)) return JWTAUTH_ERR_KEY_DER;
		hdr += nb;
	}
	if (len > d->len - hdr) return JWTAUTH_ERR_KEY_DER;
	val->p = d->p + hdr;
	val->len = len;
	d->p += hdr + len;
	d->len -= hdr + len;
	return JWTAUTH_OK;
}

/* A positive INTEGER in minimal encoding. */
static int jwtauth__der_uint(jwtauth__der *d, jwtauth__der *val)
{
	if (jwtauth__der_read(d, 0x02, val) != JWTAUTH_OK || val->len == 0)
		return JWTAUTH_ERR_KEY_DER;
	if (val->p[0] & 0x80) return JWTAUTH_ERR_KEY_DER;
	if (val->len > 1 && val->p[0] == 0 && !(val->p[1] & 0x80)) return JWTAUTH_ERR_KEY_DER;
	return JWTAUTH_OK;
}

/* RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER } */
static int jwtauth__der_pkcs1(jwtauth_key *key, const uint8_t *der, size_t len)
{
	jwtauth__der d, seq, n, e;
	d.p = der; d.len = len;
	if (jwtauth__der_read(&d, 0x30, &seq) != JWTAUTH_OK || d.len != 0
	    || jwtauth__der_uint(&seq, &n) != JWTAUTH_OK
	    || jwtauth__der_uint(&seq, &e) != JWTAUTH_OK || seq.len != 0)
		return JWTAUTH_ERR_KEY_DER;
	return jwtauth__key_set_rsa(key, n.p, n.len, e.p, e.len);
}

/* SubjectPublicKeyInfo ::= SEQUENCE { AlgorithmIdentifier, BIT STRING } */
static int jwtauth__der_spki(jwtauth_key *key, const uint8_t *der, size_t len)
{
	static const uint8_t oid_rsa[] = { 0x2a,0x86,0x48,0x86,0xf7,0x0d,0x01,0x01,0x01 };
	static const uint8_t oid_ec[] = { 0x2a,0x86,0x48,0xce,0x3d,0x02,0x01 };
	static const uint8_t oid_p256[] = { 0x2a,0x86,0x48,0xce,0x3d,0x03,0x01,0x07 };
	static const uint8_t oid_p384[] = { 0x2b,0x81,0x04,0x00,0x22 };
	static const uint8_t oid_p521[] = { 0x2b,0x81,0x04,0x00,0x23 };
	static const uint8_t oid_ed25519[] = { 0x2b,0x65,0x70 };
	jwtauth__der d, seq, algid, oid, params, bits;
	d.p = der; d.len = len;
	if (jwtauth__der_read(&d, 0x30, &seq) != JWTAUTH_OK || d.len != 0
	    || jwtauth__der_read(&seq, 0x30, &algid) != JWTAUTH_OK
	    || jwtauth__der_read(&seq, 0x03, &bits) != JWTAUTH_OK || seq.len != 0
	    || jwtauth__der_read(&algid, 0x06, &oid) != JWTAUTH_OK)
		return JWTAUTH_ERR_KEY_DER;
	/* BIT STRING with no unused bits. */
	if (bits.len < 1 || bits.p[0] != 0) return JWTAUTH_ERR_KEY_DER;
	if (oid.len == sizeof oid_rsa && memcmp(oid.p, oid_rsa, sizeof oid_rsa) == 0) {
		/* parameters: NULL (RFC 3279 2.3.1), tolerated when absent */
		if (algid.len != 0 && (jwtauth__der_read(&algid, 0x05, &params) != JWTAUTH_OK
		    || params.len != 0 || algid.len != 0))
			return JWTAUTH_ERR_KEY_DER;
		return jwtauth__der_pkcs1(key, bits.p + 1, bits.len - 1);
	}
	if (oid.len == sizeof oid_ec && memcmp(oid.p, oid_ec, sizeof oid_ec) == 0) {
		int curve;
		/* parameters: namedCurve OID (RFC 5480 2.1.1) */
		if (jwtauth__der_read(&algid, 0x06, &params) != JWTAUTH_OK || algid.len != 0)
			return JWTAUTH_ERR_KEY_DER;
		if (params.len == sizeof oid_p256 && memcmp(params.p, oid_p256, sizeof oid_p256) == 0)
			curve = BR_EC_secp256r1;
		else if (params.len == sizeof oid_p384 && memcmp(params.p, oid_p384, sizeof oid_p384) == 0)
			curve = BR_EC_secp384r1;
		else if (params.len == sizeof oid_p521 && memcmp(params.p, oid_p521, sizeof oid_p521) == 0)
			curve = BR_EC_secp521r1;
		else
			return JWTAUTH_ERR_KEY_CRV;
		return jwtauth__key_set_ec(key, curve, bits.p + 1, bits.len - 1);
	}
	/* RFC 8410 3: id-X25519 (110), id-X448 (111), id-Ed25519 (112),
	   id-Ed448 (113) under 1.3.101, parameters absent */
	if (oid.len == 3 && oid.p[0] == 0x2b && oid.p[1] == 0x65
	    && oid.p[2] >= 110 && oid.p[2] <= 113) {
		if (algid.len != 0) return JWTAUTH_ERR_KEY_DER;
		if (memcmp(oid.p, oid_ed25519, 3) == 0)
			return jwtauth__key_set_ed25519(key, bits.p + 1, bits.len - 1);
		return oid.p[2] == 113 ? JWTAUTH_ERR_KEY_OKP_ED448 : JWTAUTH_ERR_KEY_OKP_AGREEMENT;
	}
	return JWTAUTH_ERR_KEY_KTY;
}

/* The SubjectPublicKeyInfo TLV of a DER certificate (RFC 5280 4.1), for
   the keys BearSSL's X.509 decoder does not know (Ed25519 and the rest of
   the 1.3.101 arc). 1 when the certificate's outline is sound DER and its
   key is of that arc; the signature is not looked at (as for the other
   certificates: only the key is used). */
static int jwtauth__der_cert_okp_spki(const uint8_t *der, size_t len, jwtauth__der *spki)
{
	jwtauth__der d, cert, tbs, t, key, algid, oid;
	const uint8_t *start;
	d.p = der; d.len = len;
	if (jwtauth__der_read(&d, 0x30, &cert) != JWTAUTH_OK || d.len != 0
	    || jwtauth__der_read(&cert, 0x30, &tbs) != JWTAUTH_OK
	    || jwtauth__der_read(&cert, 0x30, &t) != JWTAUTH_OK      /* signatureAlgorithm */
	    || jwtauth__der_read(&cert, 0x03, &t) != JWTAUTH_OK      /* signatureValue */
	    || cert.len != 0)
		return 0;
	/* version [0] EXPLICIT INTEGER (0..2), DEFAULT v1 */
	if (tbs.len > 0 && tbs.p[0] == 0xa0) {
		jwtauth__der v;
		if (jwtauth__der_read(&tbs, 0xa0, &t) != JWTAUTH_OK
		    || jwtauth__der_read(&t, 0x02, &v) != JWTAUTH_OK || t.len != 0
		    || v.len != 1 || v.p[0] > 2)
			return 0;
	}
	if (jwtauth__der_read(&tbs, 0x02, &t) != JWTAUTH_OK || t.len == 0  /* serialNumber */
	    || jwtauth__der_read(&tbs, 0x30, &t) != JWTAUTH_OK      /* signature */
	    || jwtauth__der_read(&tbs, 0x30, &t) != JWTAUTH_OK      /* issuer */
	    || jwtauth__der_read(&tbs, 0x30, &t) != JWTAUTH_OK      /* validity */
	    || jwtauth__der_read(&tbs, 0x30, &t) != JWTAUTH_OK)     /* subject */
		return 0;
	start = tbs.p;
	if (jwtauth__der_read(&tbs, 0x30, &key) != JWTAUTH_OK) return 0;
	spki->p = start;
	spki->len = (size_t)(tbs.p - start);
	/* issuerUniqueID [1], subjectUniqueID [2], extensions [3], in order */
	if (tbs.len > 0 && tbs.p[0] == 0x81 && jwtauth__der_read(&tbs, 0x81, &t) != JWTAUTH_OK) return 0;
	if (tbs.len > 0 && tbs.p[0] == 0x82 && jwtauth__der_read(&tbs, 0x82, &t) != JWTAUTH_OK) return 0;
	if (tbs.len > 0 && tbs.p[0] == 0xa3 && jwtauth__der_read(&tbs, 0xa3, &t) != JWTAUTH_OK) return 0;
	if (tbs.len != 0) return 0;
	/* the key's AlgorithmIdentifier OID */
	if (jwtauth__der_read(&key, 0x30, &algid) != JWTAUTH_OK
	    || jwtauth__der_read(&algid, 0x06, &oid) != JWTAUTH_OK)
		return 0;
	return oid.len == 3 && oid.p[0] == 0x2b && oid.p[1] == 0x65;
}

/* ---------------------------------------------------------------- PEM */

/* The largest SubjectPublicKeyInfo this build can accept: an RSA one of
   JWTAUTH_MAX_RSA_BITS, i.e. the modulus and its leading zero plus 40
   bytes (SEQUENCE, AlgorithmIdentifier, BIT STRING, SEQUENCE and two
   INTEGER headers, a 4-byte exponent); an EC P-521 one is 158 bytes.
   A larger object holds an RSA modulus over the limit (or junk). */
#define JWTAUTH__PEM_DER_MAX (JWTAUTH_MAX_RSA_BITS / 8 + 64)

typedef struct jwtauth__pem_sink {
	uint8_t der[JWTAUTH__PEM_DER_MAX];
	size_t len;
	int overflow;
	int der_full;                    /* a certificate outgrew der[] */
	br_x509_decoder_context *x509;   /* when decoding a certificate */
} jwtauth__pem_sink;

static void jwtauth__pem_dest(void *ctx, const void *src, size_t len)
{
	jwtauth__pem_sink *s = (jwtauth__pem_sink *)ctx;
	if (s->x509) {
		/* kept too, for the keys BearSSL's decoder does not know */
		if (len > sizeof s->der - s->len) s->der_full = 1;
		else { memcpy(s->der + s->len, src, len); s->len += len; }
		/* Certificates stream straight into BearSSL's decoder, which
		   must not be pushed once it has stopped (finished or failed):
		   bytes after a complete certificate are an error of ours. */
		if (br_x509_decoder_last_error(s->x509) != BR_ERR_X509_TRUNCATED) {
			s->overflow = 1;
			return;
		}
		br_x509_decoder_push(s->x509, src, len);
		return;
	}
	if (len > sizeof s->der - s->len) { s->overflow = 1; return; }
	memcpy(s->der + s->len, src, len);
	s->len += len;
}

/* BearSSL 0.6 keeps the closing dashes in the name when the BEGIN line
   ends with CR LF: accept "NAME" and "NAME-----". */
static int jwtauth__pem_name_is(const char *name, const char *want)
{
	size_t n = strlen(want);
	return strncmp(name, want, n) == 0
		&& (name[n] == 0 || strcmp(name + n, "-----") == 0);
}

/* Turn the object that just ended into a key entry's status. */
static int jwtauth__pem_finish(jwtauth_key *key, int kind, jwtauth__pem_sink *sink,
	br_x509_decoder_context *x509)
{
	if (kind == 3) {
		const br_x509_pkey *pk;
		jwtauth__der spki;
		if (!sink->der_full && jwtauth__der_cert_okp_spki(sink->der, sink->len, &spki))
			return jwtauth__der_spki(key, spki.p, spki.len);
		if (sink->overflow || br_x509_decoder_last_error(x509) != 0)
			return JWTAUTH_ERR_KEY_X509;
		pk = br_x509_decoder_get_pkey(x509);
		if (!pk) return JWTAUTH_ERR_KEY_X509;
		if (pk->key_type == BR_KEYTYPE_RSA)
			return jwtauth__key_set_rsa(key, pk->key.rsa.n, pk->key.rsa.nlen,
				pk->key.rsa.e, pk->key.rsa.elen);
		if (pk->key_type == BR_KEYTYPE_EC)
			return jwtauth__key_set_ec(key, pk->key.ec.curve, pk->key.ec.q,
				pk->key.ec.qlen);
		return JWTAUTH_ERR_KEY_KTY;
	}
	/* a private key or an unknown block is refused as such, whatever its
	   size (a large one outgrows der[]) */
	if (kind == 4) return JWTAUTH_ERR_KEY_PRIVATE;
	if (kind != 1 && kind != 2) return JWTAUTH_ERR_KEY_PEM;
	if (sink->overflow) return JWTAUTH_ERR_KEY_RSA_SIZE;
	if (kind == 1) return jwtauth__der_spki(key, sink->der, sink->len);
	return jwtauth__der_pkcs1(key, sink->der, sink->len);
}

/* Out of line: its decoder contexts (BearSSL's PEM and X.509, about 1.8 KB
   on 32-bit targets) and DER buffer are on the stack only while a PEM
   document is read. */
static JWTAUTH__NOINLINE int jwtauth__pem_load(jwtauth_keyset *ks, const char *doc,
	size_t len, jwtauth_error *err)
{
	br_pem_decoder_context pc;
	br_x509_decoder_context x509;
	jwtauth__pem_sink sink;
	size_t pos = 0, objects = 0;
	int kind = 0, in_obj = 0, rc;
	int flushed = 0;
	br_pem_decoder_init(&pc);
	sink.len = 0; sink.overflow = 0; sink.der_full = 0; sink.x509 = NULL;
	/* Each turn consumes bytes or handles an event; a final newline ends a
	   last line that has none. */
	for (;;) {
		size_t used = 0;
		int ev;
		if (pos < len) {
			used = br_pem_decoder_push(&pc, doc + pos, len - pos);
			pos += used;
		} else if (!flushed) {
			used = br_pem_decoder_push(&pc, "\n", 1);
			flushed = used != 0;
		}
		ev = br_pem_decoder_event(&pc);
		if (ev == BR_PEM_BEGIN_OBJ) {
			const char *name = br_pem_decoder_name(&pc);
			kind = jwtauth__pem_name_is(name, "PUBLIC KEY") ? 1
				: jwtauth__pem_name_is(name, "RSA PUBLIC KEY") ? 2
				: jwtauth__pem_name_is(name, "CERTIFICATE") ? 3
				: strstr(name, "PRIVATE KEY") ? 4 : 5;
			sink.len = 0; sink.overflow = 0; sink.der_full = 0; sink.x509 = NULL;
			if (kind == 3) {
				br_x509_decoder_init(&x509, NULL, NULL);
				sink.x509 = &x509;
			}
			br_pem_decoder_setdest(&pc, jwtauth__pem_dest, &sink);
			in_obj = 1;
		} else if (ev == BR_PEM_END_OBJ) {
			/* decoded straight into the set's next slot: no second key
			   (up to 1.7 KB with the RSA constants) on the stack */
			jwtauth_key *k;
			if (ks->count >= JWTAUTH_MAX_KEYS) {
				rc = jwtauth__fail(err, JWTAUTH_ERR_KEYSET_FULL, pos,
					"more PEM objects than JWTAUTH_MAX_KEYS");
				goto done;
			}
			k = &ks->keys[ks->count];
			jwtauth__key_reset(k, ks->count);
			k->status = jwtauth__pem_finish(k, kind, &sink, &x509);
			jwtauth__wipe(&sink, sizeof sink);
			ks->count++;
			if (k->status == JWTAUTH_OK) ks->usable++;
			objects++;
			in_obj = 0;
		} else if (ev == BR_PEM_ERROR) {
			rc = jwtauth__fail(err, JWTAUTH_ERR_KEY_PEM, pos, "PEM decoding error");
			goto done;
		} else if (used == 0) {
			break;
		}
	}
	rc = in_obj ? jwtauth__fail(err, JWTAUTH_ERR_KEY_PEM, len, "PEM object not terminated")
		: objects == 0 ? jwtauth__fail(err, JWTAUTH_ERR_KEY_PEM, 0, "no PEM object found")
		: JWTAUTH_OK;
done:
	/* the decoder's buffer and the sink may hold bytes of a private key
	   block (refused, but read) or of an unfinished object */
	jwtauth__wipe(&pc, sizeof pc);
	jwtauth__wipe(&sink, sizeof sink);
	return rc;
}
#endif /* JWTAUTH_HAVE_PEM */

/* ==== PEM LEFT OUT (JWTAUTH_NO_PEM) ==== */
#ifndef JWTAUTH_HAVE_PEM
/* A document in the PEM form, with the PEM reader left out: refused as a
   whole, never read (and so never mistaken for an empty or broken set). */
static int jwtauth__pem_not_built(jwtauth_error *err, size_t at)
{
	return jwtauth__fail_detail(err, JWTAUTH_ERR_KEY_NOT_BUILT, at,
		"PEM key documents are left out of this build (JWTAUTH_NO_PEM): "
		"give the keys as a JWKS or JWK", "PEM", 3);
}
#endif

/* ------------------------------------------------------ document loader */

/* A JWKS or a single JWK. The token array is the set's own workspace
   (ks->parse_tokens: JWTAUTH_MAX_JWKS_TOKENS * 16 bytes, 16 KB by default,
   would be the deepest frame of the library on the stack); the keys are
   filled from it one by one. Out of line: the decode buffers of
   jwtauth__jwk_load are on the stack only here. */
static JWTAUTH__NOINLINE int jwtauth__jwks_load(jwtauth_keyset *ks, const char *doc,
	size_t len, jwtauth_error *err)
{
	jwtauth_json_tok *toks = ks->parse_tokens;
	size_t ntoks = 0, i;
	long keys;
	int rc;
	rc = jwtauth_json_parse(doc, len, toks, JWTAUTH_MAX_JWKS_TOKENS, 0, &ntoks, err);
	if (rc != JWTAUTH_OK) return rc;
	keys = jwtauth_json_get(doc, toks, ntoks, 0, "keys", 4);
	if (keys < 0) {
		/* A single JWK. */
		jwtauth__key_reset(&ks->keys[0], 0);
		ks->keys[0].status = jwtauth__jwk_load(&ks->keys[0], doc, toks, ntoks, 0);
		ks->count = 1;
	} else {
		size_t idx = (size_t)keys + 1, n = toks[keys].count;
		if (toks[keys].type != JWTAUTH_JSON_ARRAY)
			return jwtauth__fail(err, JWTAUTH_ERR_KEY_FORMAT, toks[keys].start,
				"JWKS \"keys\" is not an array");
		if (n > JWTAUTH_MAX_KEYS)
			return jwtauth__fail(err, JWTAUTH_ERR_KEYSET_FULL, toks[keys].start,
				"more keys than JWTAUTH_MAX_KEYS");
		for (i = 0; i < n; i++) {
			jwtauth_key *k = &ks->keys[i];
			jwtauth__key_reset(k, i);
			k->status = jwtauth__jwk_load(k, doc, toks, ntoks, idx);
			idx = toks[idx].next;
		}
		ks->count = n;
	}
	return JWTAUTH_OK;
}

JWTAUTH_DEF int jwtauth_keyset_parse(jwtauth_keyset *ks, const char *doc,
	size_t len, jwtauth_error *err)
{
	size_t i, start = 0;
	int rc, has_oct = 0, has_pub = 0, kind_oct = 0, kind_pub = 0;
	if (!ks || (!doc && len)) return jwtauth__fail(err, JWTAUTH_ERR_ARGUMENT, 0, "NULL argument");
	jwtauth_keyset_wipe(ks);
	if (len > JWTAUTH_MAX_JWKS_LEN)
		return jwtauth__fail(err, JWTAUTH_ERR_TOO_LARGE, JWTAUTH_MAX_JWKS_LEN,
			"key document larger than JWTAUTH_MAX_JWKS_LEN");
	while (start < len && jwtauth__is_space(doc[start])) start++;
	if (start < len && doc[start] == '-') {
#ifdef JWTAUTH_HAVE_PEM
		rc = jwtauth__pem_load(ks, doc, len, err);
		if (rc != JWTAUTH_OK) { jwtauth_keyset_wipe(ks); return rc; }
#else
		return jwtauth__pem_not_built(err, start);
#endif
	} else if (start < len && doc[start] == '{') {
		rc = jwtauth__jwks_load(ks, doc, len, err);
		/* the workspace keeps nothing of the document (offsets only) */
		memset(ks->parse_tokens, 0, sizeof ks->parse_tokens);
		if (rc != JWTAUTH_OK) return rc;
	} else {
#ifdef JWTAUTH_HAVE_PEM
		return jwtauth__fail(err, JWTAUTH_ERR_KEY_FORMAT, start,
			"not a JWKS, JWK or PEM document");
#else
		return jwtauth__fail(err, JWTAUTH_ERR_KEY_FORMAT, start,
			"not a JWKS or JWK document");
#endif
	}
	/* Unusable entries keep only what names them: no half-loaded secrets.
	   A set that mixes secrets and public keys invites algorithm
	   confusion: every entry counts, refused ones by their declared kty
	   (a document that holds both was not meant for one verifier; a
	   broken entry must not decide whether it loads). */
	ks->usable = 0;
	for (i = 0; i < ks->count; i++) {
		jwtauth_key *k = &ks->keys[i];
		if (k->kty == JWTAUTH_KTY_OCT) has_oct = 1;
		else if (k->kty != JWTAUTH_KTY_NONE) has_pub = 1;
		if (k->status != JWTAUTH_OK) {
			jwtauth__wipe(&k->u, sizeof k->u);
			continue;
		}
		ks->usable++;
		if (k->kty == JWTAUTH_KTY_OCT) kind_oct = 1; else kind_pub = 1;
	}
	if (has_oct && has_pub) {
		jwtauth_keyset_wipe(ks);
		return jwtauth__fail(err, JWTAUTH_ERR_KEYSET_MIXED, 0,
			"key set mixes oct secrets and public keys (usable or not)");
	}
	ks->kind = (uint8_t)(kind_oct ? JWTAUTH_KTY_OCT : kind_pub ? JWTAUTH_KTY_RSA : JWTAUTH_KTY_NONE);
	jwtauth__keyset_fingerprint(ks); /* the set's id */
	if (ks->usable == 0)
		return jwtauth__fail(err, JWTAUTH_ERR_KEYSET_EMPTY, 0,
			ks->count ? "no usable key: every key was refused (see each key's status)"
			          : "key set holds no key");
	jwtauth__clear_error(err);
	return JWTAUTH_OK;
}

/* ======================================================================
   JWK THUMBPRINT (RFC 7638)
   ====================================================================== */

/* Hash `"name":"<base64url of b>"` (with a leading ',' unless first). */
static void jwtauth__tp_member(br_sha256_context *c, const char *name,
	const uint8_t *b, size_t n, int first)
{
	char enc[JWTAUTH_B64URL_ENCODED_LEN(JWTAUTH_MAX_RSA_BITS / 8) + 1];
	size_t w = 0;
	if (!first) br_sha256_update(c, ",", 1);
	br_sha256_update(c, "\"", 1);
	br_sha256_update(c, name, strlen(name));
	br_sha256_update(c, "\":\"", 3);
	if (jwtauth_b64url_encode(b, n, enc, sizeof enc, &w) == JWTAUTH_OK)
		br_sha256_update(c, enc, w);
	br_sha256_update(c, "\"", 1);
}

JWTAUTH_DEF int jwtauth_jwk_thumbprint(const jwtauth_key *key, uint8_t out[32],
	jwtauth_error *err)
{
	br_sha256_context c;
	if (!key || !out) return jwtauth__fail(err, JWTAUTH_ERR_ARGUMENT, 0, "NULL argument");
	if (key->status != JWTAUTH_OK)
		return jwtauth__fail(err, JWTAUTH_ERR_ARGUMENT, 0, "unusable key: no key material kept");
	br_sha256_init(&c);
	/* RFC 7638 section 3.2: the required members, in lexicographic order */
	if (key->kty == JWTAUTH_KTY_RSA) {
		br_sha256_update(&c, "{", 1);
		jwtauth__tp_member(&c, "e", key->u.rsa.e, key->u.rsa.e_len, 1);
		br_sha256_update(&c, ",\"kty\":\"RSA\"", 12);
		jwtauth__tp_member(&c, "n", key->u.rsa.n, key->u.rsa.n_len, 0);
		br_sha256_update(&c, "}", 1);
	} else if (key->kty == JWTAUTH_KTY_EC) {
		size_t clen = jwtauth__curve_len(key->u.ec.curve);
		const char *crv = key->u.ec.curve == BR_EC_secp256r1 ? "P-256"
			: key->u.ec.curve == BR_EC_secp384r1 ? "P-384" : "P-521";
		if (clen == 0 || key->u.ec.q_len != 1 + 2 * clen)
			return jwtauth__fail(err, JWTAUTH_ERR_KEY_CRV, 0, "EC key of an unknown curve");
		br_sha256_update(&c, "{\"crv\":\"", 8);
		br_sha256_update(&c, crv, 5);
		br_sha256_update(&c, "\",\"kty\":\"EC\"", 12);
		jwtauth__tp_member(&c, "x", key->u.ec.q + 1, clen, 0);
		jwtauth__tp_member(&c, "y", key->u.ec.q + 1 + clen, clen, 0);
		br_sha256_update(&c, "}", 1);
	} else if (key->kty == JWTAUTH_KTY_OKP) {
		/* RFC 8037 section 2: crv, kty, x */
		br_sha256_update(&c, "{\"crv\":\"Ed25519\",\"kty\":\"OKP\"", 28);
		jwtauth__tp_member(&c, "x", key->u.okp.x, sizeof key->u.okp.x, 0);
		br_sha256_update(&c, "}", 1);
	} else {
		return jwtauth__fail(err, JWTAUTH_ERR_KEY_KTY, 0,
			"no thumbprint for this key type (an oct key keeps no raw secret)");
	}
	br_sha256_out(&c, out);
	jwtauth__clear_error(err);
	return JWTAUTH_OK;
}

/* ======================================================================
   SIGNATURES on BearSSL: HS (HMAC), RS (PKCS#1 v1.5), PS (PSS), ES (ECDSA)
   ====================================================================== */

static void jwtauth__hash(unsigned hash_index, const uint8_t *msg, size_t len,
	uint8_t *out)
{
	br_hash_compat_context hc;
	const br_hash_class *vt = jwtauth__hash_class(hash_index);
	vt->init(&hc.vtable);
	vt->update(&hc.vtable, msg, len);
	vt->out(&hc.vtable, out);
}

/* Type, curve and strength of a key against an algorithm, ignoring the
   key's own alg/use/key_ops (key selection checks those). */
static int jwtauth__key_fits(const jwtauth_key *key, jwtauth_alg alg)
{
	const jwtauth__alg_info *ai;
	if ((int)alg <= 0 || (int)alg >= JWTAUTH_ALG_COUNT || key->status != JWTAUTH_OK)
		return 0;
	ai = &jwtauth__algs[alg];
	if (key->kty != ai->kty) return 0;
	if (ai->kty == JWTAUTH_KTY_EC) return key->u.ec.curve == ai->curve;
	/* RFC 7518 3.2: the HMAC key must be at least as long as the hash. */
	if (ai->kty == JWTAUTH_KTY_OCT) return key->u.oct.key_len >= ai->hash_len;
	return 1;
}

/* HMAC from the precomputed key states; constant-time tag comparison. */
static int jwtauth__verify_hmac(const jwtauth_key *key, unsigned h, size_t hlen,
	const uint8_t *msg, size_t msg_len, const uint8_t *sig, size_t sig_len)
{
	br_hmac_context hc;
	uint8_t tag[64];
	int ok;
	/* JWS uses the full tag (RFC 7518 3.2); no truncation. */
	if (sig_len != hlen) return JWTAUTH_ERR_SIGNATURE;
	br_hmac_init(&hc, &key->u.oct.hmac[h], 0);
	br_hmac_update(&hc, msg, msg_len);
	br_hmac_out(&hc, tag);
	ok = jwtauth__ct_eq(tag, sig, hlen);
	jwtauth__wipe(tag, sizeof tag);
	jwtauth__wipe(&hc, sizeof hc);
	/* no branch on the secret-derived verdict here: 0 or the error code
	   by arithmetic (tests/ctgrind.c checks this function under valgrind) */
	return JWTAUTH_ERR_SIGNATURE * (1 - ok);
}

static void jwtauth__rsa_pk(const jwtauth_key *key, br_rsa_public_key *pk)
{
	/* BearSSL's struct is not const-qualified; it only reads the key. */
	pk->n = (unsigned char *)key->u.rsa.n;
	pk->nlen = key->u.rsa.n_len;
	pk->e = (unsigned char *)key->u.rsa.e;
	pk->elen = key->u.rsa.e_len;
}

/* s^e mod n in place (x: the key's n_len bytes) with the key's engine: a
   plugged rsa_public, else the library's operation (BearSSL's default with
   JWTAUTH_RSA_BEARSSL). 0 when refused (s >= n). */
static uint32_t jwtauth__rsa_public_op(const jwtauth_key *key, uint8_t *x)
{
	br_rsa_public_key pk;
	if (key->engines && key->engines->rsa_public) {
		jwtauth__rsa_pk(key, &pk);
		return key->engines->rsa_public(x, key->u.rsa.n_len, &pk);
	}
#ifdef JWTAUTH_RSA_BEARSSL
	jwtauth__rsa_pk(key, &pk);
	return br_rsa_public_get_default()(x, key->u.rsa.n_len, &pk);
#else
	(void)pk;
	return jwtauth__rsa_key_public(key, x);
#endif
}

/* RSASSA-PKCS1-v1_5 (RFC 8017 8.2.2). With a plugged rsa_pkcs1_vrfy (and
   with JWTAUTH_RSA_BEARSSL) BearSSL checks the whole padding and
   DigestInfo and returns the hash; comparing it is our job. Otherwise the
   expected block EM' = 00 01 FF..FF 00 DigestInfo(hash) is built and
   compared whole with s^e mod n (step 4): nothing of the decrypted block is
   parsed. DigestInfo with NULL parameters (RFC 8017 9.2 note 1) or with
   them absent (RFC 5754 2: both are in use), the two forms BearSSL's
   verifier accepts, so that both engines give the same verdicts. */
static int jwtauth__verify_pkcs1(const jwtauth_key *key, unsigned h, size_t hlen,
	const uint8_t *hash, const uint8_t *sig, size_t sig_len)
{
	static const unsigned char *const oids[3] = {
		BR_HASH_OID_SHA256, BR_HASH_OID_SHA384, BR_HASH_OID_SHA512
	};
	br_rsa_public_key pk;
	uint8_t out[64];
	br_rsa_pkcs1_vrfy vrfy;
	/* The signature is exactly k octets (RFC 8017 8.2.2 step 1). */
	if (sig_len != key->u.rsa.n_len) return JWTAUTH_ERR_SIGNATURE;
#ifndef JWTAUTH_RSA_BEARSSL
	if (!key->engines || !key->engines->rsa_pkcs1_vrfy) {
		uint8_t em[JWTAUTH_MAX_RSA_BITS / 8], want[JWTAUTH_MAX_RSA_BITS / 8];
		size_t k = sig_len, olen = oids[h][0], tlen, form;
		memcpy(em, sig, k);
		if (!jwtauth__rsa_public_op(key, em)) return JWTAUTH_ERR_SIGNATURE;
		for (form = 0; form < 2; form++) {
			/* DigestInfo ::= SEQUENCE { SEQUENCE { OID, [NULL] }, OCTET STRING } */
			size_t alg_len = 2 + olen + (form == 0 ? 2 : 0), p;
			tlen = 4 + alg_len + 2 + hlen;
			if (k < tlen + 11) return JWTAUTH_ERR_SIGNATURE;
			want[0] = 0x00;
			want[1] = 0x01;
			memset(want + 2, 0xff, k - tlen - 3);
			p = k - tlen - 1;
			want[p++] = 0x00;
			want[p++] = 0x30;
			want[p++] = (uint8_t)(tlen - 2);
			want[p++] = 0x30;
			want[p++] = (uint8_t)alg_len;
			want[p++] = 0x06;
			memcpy(want + p, oids[h], 1 + olen);
			p += 1 + olen;
			if (form == 0) { want[p++] = 0x05; want[p++] = 0x00; }
			want[p++] = 0x04;
			want[p++] = (uint8_t)hlen;
			memcpy(want + p, hash, hlen);
			if (memcmp(em, want, k) == 0) return JWTAUTH_OK;
		}
		return JWTAUTH_ERR_SIGNATURE;
	}
#endif
	jwtauth__rsa_pk(key, &pk);
	vrfy = key->engines && key->engines->rsa_pkcs1_vrfy
		? key->engines->rsa_pkcs1_vrfy : br_rsa_pkcs1_vrfy_get_default();
	if (!vrfy(sig, sig_len, oids[h], hlen, &pk, out))
		return JWTAUTH_ERR_SIGNATURE;
	return memcmp(out, hash, hlen) == 0 ? JWTAUTH_OK : JWTAUTH_ERR_SIGNATURE;
}

/* RSASSA-PSS (RFC 8017 8.1.2 and EMSA-PSS-VERIFY 9.1.2) with MGF1 over the
   same hash and a salt as long as the hash (RFC 7518 3.5). BearSSL 0.6 has
   no PSS: the raw public operation (the key's engine, see
   jwtauth__rsa_public_op) and BearSSL's hashes do the arithmetic. */
static int jwtauth__verify_pss(const jwtauth_key *key, unsigned h, size_t hlen,
	const uint8_t *mhash, const uint8_t *sig, size_t sig_len)
{
	br_hash_compat_context hc;
	const br_hash_class *vt = jwtauth__hash_class(h);
	uint8_t em[JWTAUTH_MAX_RSA_BITS / 8], hh[64];
	size_t k = key->u.rsa.n_len, em_len, db_len, off, i;
	unsigned em_bits = key->u.rsa.bits - 1, unused;
	uint8_t *p, *hp;
	uint32_t counter;
	if (sig_len != k) return JWTAUTH_ERR_SIGNATURE;
	memcpy(em, sig, k);
	/* s^e mod n; every engine refuses s >= n. */
	if (!jwtauth__rsa_public_op(key, em)) return JWTAUTH_ERR_SIGNATURE;
	em_len = (em_bits + 7) / 8;
	p = em + (k - em_len);
	/* When emLen < k the leading octet of the integer must be zero. */
	if (k > em_len && em[0] != 0) return JWTAUTH_ERR_SIGNATURE;
	/* 9.1.2 step 3: emLen >= hLen + sLen + 2, with sLen = hLen. */
	if (em_len < 2 * hlen + 2) return JWTAUTH_ERR_SIGNATURE;
	/* step 4: trailer 0xbc */
	if (p[em_len - 1] != 0xbc) return JWTAUTH_ERR_SIGNATURE;
	db_len = em_len - hlen - 1;
	hp = p + db_len;
	/* step 6: the 8*emLen - emBits leftmost bits of maskedDB are zero */
	unused = (unsigned)(8 * em_len - em_bits);
	if (unused && (p[0] & (uint8_t)(0xffu << (8 - unused)))) return JWTAUTH_ERR_SIGNATURE;
	/* steps 7-8: DB = maskedDB xor MGF1(H, emLen - hLen - 1) */
	for (counter = 0, off = 0; off < db_len; counter++) {
		uint8_t c[4];
		c[0] = (uint8_t)(counter >> 24); c[1] = (uint8_t)(counter >> 16);
		c[2] = (uint8_t)(counter >> 8); c[3] = (uint8_t)counter;
		vt->init(&hc.vtable);
		vt->update(&hc.vtable, hp, hlen);
		vt->update(&hc.vtable, c, 4);
		vt->out(&hc.vtable, hh);
		for (i = 0; i < hlen && off < db_len; i++, off++) p[off] ^= hh[i];
	}
	/* step 9 */
	if (unused) p[0] &= (uint8_t)(0xffu >> unused);
	/* step 10: PS of zeros, then 0x01, then the salt */
	for (i = 0; i < db_len - hlen - 1; i++)
		if (p[i] != 0) return JWTAUTH_ERR_SIGNATURE;
	if (p[db_len - hlen - 1] != 0x01) return JWTAUTH_ERR_SIGNATURE;
	/* steps 12-14: H' = Hash(00*8 || mHash || salt) must equal H */
	memset(hh, 0, 8);
	vt->init(&hc.vtable);
	vt->update(&hc.vtable, hh, 8);
	vt->update(&hc.vtable, mhash, hlen);
	vt->update(&hc.vtable, p + db_len - hlen, hlen);
	vt->out(&hc.vtable, hh);
	return memcmp(hh, hp, hlen) == 0 ? JWTAUTH_OK : JWTAUTH_ERR_SIGNATURE;
}

/* Curve orders, big-endian, for the explicit r, s range check (those of
   the curves built). */
#ifdef JWTAUTH_HAVE_ES256
static const uint8_t jwtauth__order_p256[32] = {
	0xff,0xff,0xff,0xff,0x00,0x00,0x00,0x00,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,
	0xbc,0xe6,0xfa,0xad,0xa7,0x17,0x9e,0x84,0xf3,0xb9,0xca,0xc2,0xfc,0x63,0x25,0x51
};
#endif
#ifdef JWTAUTH_HAVE_ES384
static const uint8_t jwtauth__order_p384[48] = {
	0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,
	0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xc7,0x63,0x4d,0x81,0xf4,0x37,0x2d,0xdf,
	0x58,0x1a,0x0d,0xb2,0x48,0xb0,0xa7,0x7a,0xec,0xec,0x19,0x6a,0xcc,0xc5,0x29,0x73
};
#endif
#ifdef JWTAUTH_HAVE_ES512
static const uint8_t jwtauth__order_p521[66] = {
	0x01,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,
	0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,
	0xff,0xfa,0x51,0x86,0x87,0x83,0xbf,0x2f,0x96,0x6b,0x7f,0xcc,0x01,0x48,0xf7,0x09,
	0xa5,0xd0,0x3b,0xb5,0xc9,0xb8,0x89,0x9c,0x47,0xae,0xbb,0x6f,0xb7,0x1e,0x91,0x38,
	0x64,0x09
};
#endif

/* The order of a curve built, else NULL. */
static const uint8_t *jwtauth__curve_order(int curve)
{
#ifdef JWTAUTH_HAVE_ES256
	if (curve == BR_EC_secp256r1) return jwtauth__order_p256;
#endif
#ifdef JWTAUTH_HAVE_ES384
	if (curve == BR_EC_secp384r1) return jwtauth__order_p384;
#endif
#ifdef JWTAUTH_HAVE_ES512
	if (curve == BR_EC_secp521r1) return jwtauth__order_p521;
#endif
	(void)curve;
	return NULL;
}

/* 1 when 0 < x < order (both big-endian, len bytes). */
static int jwtauth__in_range(const uint8_t *x, const uint8_t *order, size_t len)
{
	size_t i;
	int nonzero = 0;
	for (i = 0; i < len; i++) nonzero |= x[i];
	if (!nonzero) return 0;
	for (i = 0; i < len; i++)
		if (x[i] != order[i]) return x[i] < order[i];
	return 0;
}

/* ECDSA over the raw r || s of JWS (RFC 7518 3.4). */
static int jwtauth__verify_ecdsa(const jwtauth_key *key, size_t hlen,
	const uint8_t *hash, const uint8_t *sig, size_t sig_len)
{
	br_ec_public_key pk;
	br_ecdsa_vrfy vrfy;
	size_t clen = jwtauth__curve_len(key->u.ec.curve);
	const uint8_t *order = jwtauth__curve_order(key->u.ec.curve);
	/* Exactly two integers of the curve's size, no DER. */
	if (!order || sig_len != 2 * clen) return JWTAUTH_ERR_SIGNATURE;
	/* r and s in [1, n-1] (FIPS 186-4 6.4.2 step 1). */
	if (!jwtauth__in_range(sig, order, clen) || !jwtauth__in_range(sig + clen, order, clen))
		return JWTAUTH_ERR_SIGNATURE;
	pk.curve = key->u.ec.curve;
	pk.q = (unsigned char *)key->u.ec.q;
	pk.qlen = key->u.ec.q_len;
	/* a caller's verifier; BearSSL's under a caller's curve engine; else
	   the default (jwtauth_ecdsa_vrfy_raw unless JWTAUTH_EC_BEARSSL) */
	/* a key given engines by hand, not by jwtauth_keyset_set_engines, may
	   lack the curve engine a plugged verifier needs */
	if (key->engines && !key->u.ec.impl) return JWTAUTH_ERR_KEY_UNFIT;
	if (key->engines && key->engines->ecdsa_vrfy) vrfy = key->engines->ecdsa_vrfy;
	else if (key->engines && key->engines->ec) vrfy = br_ecdsa_vrfy_raw_get_default();
	else
#ifndef JWTAUTH_EC_BEARSSL
		vrfy = jwtauth_ecdsa_vrfy_raw;
#else
		vrfy = br_ecdsa_vrfy_raw_get_default();
#endif
	return vrfy(key->u.ec.impl, hash, hlen, &pk, sig, sig_len)
		? JWTAUTH_OK : JWTAUTH_ERR_SIGNATURE;
}

/* One verification; `hash` is H(msg) for RS/PS/ES (computed once by the
   caller when several keys are tried), unused for HS. */
static int jwtauth__verify_one(const jwtauth_key *key, jwtauth_alg alg,
	const uint8_t *msg, size_t msg_len, const uint8_t *hash,
	const uint8_t *sig, size_t sig_len)
{
	const jwtauth__alg_info *ai = &jwtauth__algs[alg];
	/* a family left out is never referenced (constant conditions) */
	if (!JWTAUTH_ALG_IS_BUILT(alg)) return JWTAUTH_ERR_ALG_NOT_BUILT;
	switch (ai->kty) {
	case JWTAUTH_KTY_OCT:
		if (!JWTAUTH__BUILT_ANY(JWTAUTH__ALGS_HMAC)) return JWTAUTH_ERR_ALG_NOT_BUILT;
		return jwtauth__verify_hmac(key, ai->hash_index, ai->hash_len, msg, msg_len, sig, sig_len);
	case JWTAUTH_KTY_RSA:
		if (ai->pss && JWTAUTH__BUILT_ANY(JWTAUTH__ALGS_PSS))
			return jwtauth__verify_pss(key, ai->hash_index, ai->hash_len, hash, sig, sig_len);
		if (!ai->pss && JWTAUTH__BUILT_ANY(JWTAUTH__ALGS_PKCS1))
			return jwtauth__verify_pkcs1(key, ai->hash_index, ai->hash_len, hash, sig, sig_len);
		return JWTAUTH_ERR_ALG_NOT_BUILT;
	case JWTAUTH_KTY_OKP:
		if (!JWTAUTH__BUILT_ANY(JWTAUTH__ALGS_EDDSA)) return JWTAUTH_ERR_ALG_NOT_BUILT;
		return jwtauth__ed25519_verify(key->u.okp.nega, key->u.okp.x, msg, msg_len,
			sig, sig_len);
	default:
		if (!JWTAUTH__BUILT_ANY(JWTAUTH__ALGS_EC)) return JWTAUTH_ERR_ALG_NOT_BUILT;
		return jwtauth__verify_ecdsa(key, ai->hash_len, hash, sig, sig_len);
	}
}

JWTAUTH_DEF int jwtauth_sig_verify(const jwtauth_key *key, jwtauth_alg alg,
	const uint8_t *msg, size_t msg_len, const uint8_t *sig, size_t sig_len)
{
	uint8_t hash[64];
	if (!key || (!msg && msg_len) || (!sig && sig_len)) return JWTAUTH_ERR_ARGUMENT;
	if ((int)alg > 0 && (int)alg < JWTAUTH_ALG_COUNT && !JWTAUTH_ALG_IS_BUILT(alg))
		return JWTAUTH_ERR_ALG_NOT_BUILT;
	if (!jwtauth__key_fits(key, alg)) return JWTAUTH_ERR_KEY_UNFIT;
	/* (NULL, 0) ranges are allowed; BearSSL's memcpy must not see NULL. */
	if (!msg) msg = (const uint8_t *)"";
	if (!sig) sig = (const uint8_t *)"";
	if (jwtauth__algs[alg].kty != JWTAUTH_KTY_OCT && jwtauth__algs[alg].kty != JWTAUTH_KTY_OKP)
		jwtauth__hash(jwtauth__algs[alg].hash_index, msg, msg_len, hash);
	return jwtauth__verify_one(key, alg, msg, msg_len, hash, sig, sig_len);
}

/* ======================================================================
   JWS COMPACT VERIFICATION (RFC 7515)
   ====================================================================== */

/* Find the two dots of a compact JWS (RFC 7515 7.1). */
static int jwtauth__jws_split(const char *token, size_t len, size_t *dot1,
	size_t *dot2, jwtauth_error *err)
{
	const char *d1, *d2, *d3;
	if (!token || len == 0)
		return jwtauth__fail(err, JWTAUTH_ERR_TOKEN_SIZE, 0, "empty token");
	if (len > JWTAUTH_MAX_TOKEN_LEN)
		return jwtauth__fail(err, JWTAUTH_ERR_TOKEN_SIZE, JWTAUTH_MAX_TOKEN_LEN,
			"token longer than JWTAUTH_MAX_TOKEN_LEN");
	d1 = (const char *)memchr(token, '.', len);
	if (!d1) return jwtauth__fail(err, JWTAUTH_ERR_TOKEN_FORMAT, len, "token has no '.'");
	d2 = (const char *)memchr(d1 + 1, '.', len - (size_t)(d1 + 1 - token));
	if (!d2) return jwtauth__fail(err, JWTAUTH_ERR_TOKEN_FORMAT, len,
		"token has one '.', a compact JWS has two");
	d3 = (const char *)memchr(d2 + 1, '.', len - (size_t)(d2 + 1 - token));
	if (d3) return jwtauth__fail(err, JWTAUTH_ERR_TOKEN_FORMAT, (size_t)(d3 - token),
		"token has more than three parts (JWE or garbage)");
	if (d1 == token) return jwtauth__fail(err, JWTAUTH_ERR_TOKEN_FORMAT, 0, "empty header");
	*dot1 = (size_t)(d1 - token);
	*dot2 = (size_t)(d2 - token);
	return JWTAUTH_OK;
}

/* Decode one base64url part into out->buf at *pos, NUL-terminate it, and
   advance *pos. Offsets in errors are made relative to the token. */
static int jwtauth__jws_part(const char *token, size_t start, size_t end,
	jwtauth_jwt *out, size_t *pos, char **part, size_t *part_len,
	jwtauth_error *err)
{
	size_t n = 0;
	int rc = jwtauth_b64url_decode(token + start, end - start,
		(uint8_t *)out->buf + *pos, sizeof out->buf - *pos - 1, &n, err);
	if (rc != JWTAUTH_OK) {
		if (err) err->offset += start;
		return rc;
	}
	*part = out->buf + *pos;
	*part_len = n;
	out->buf[*pos + n] = 0;
	*pos += n + 1;
	return JWTAUTH_OK;
}

/* 1 when (s, len) spells "none" in any letter case. */
static int jwtauth__is_none(const char *s, size_t len)
{
	static const char none[] = "none";
	size_t i;
	if (len != 4) return 0;
	for (i = 0; i < 4; i++)
		if ((char)(s[i] | 0x20) != none[i]) return 0;
	return 1;
}

/* 1 when the (escaped) name token spells `want`; raw bytes unless the
   name holds escapes (rare), then after unescaping. */
static int jwtauth__name_is(const char *js, const jwtauth_json_tok *t,
	const char *want, size_t len)
{
	if (t->escaped) return jwtauth_json_str_eq(js, t, want, len);
	return t->len == len && memcmp(js + t->start, want, len) == 0;
}

/* One pass over the header's members (the parser already refused duplicate
   names): where alg and kid are, and whether crit (1) or b64 (2) occurs. */
static void jwtauth__jws_header_members(const char *h, const jwtauth_json_tok *toks,
	size_t n, long *v_alg, long *v_kid, int *extension)
{
	size_t i;
	for (i = 1; i + 1 < n; i = toks[i + 1].next) {
		const jwtauth_json_tok *t = &toks[i];
		if (jwtauth__name_is(h, t, "alg", 3)) *v_alg = (long)(i + 1);
		else if (jwtauth__name_is(h, t, "kid", 3)) *v_kid = (long)(i + 1);
		else if (jwtauth__name_is(h, t, "crit", 4)) { if (!*extension) *extension = 1; }
		else if (jwtauth__name_is(h, t, "b64", 3)) { if (!*extension) *extension = 2; }
	}
}

/* Decode and check the protected header. With `verifying`, alg must be a
   supported algorithm in `algs`, and crit/b64 are refused; without it
   (inspect) the header only has to be a JSON object. */
static int jwtauth__jws_header(const char *token, size_t dot1, unsigned algs,
	int verifying, jwtauth_jwt *out, size_t *pos, jwtauth_error *err)
{
	char alg[16];
	size_t alg_len = 0, n = 0;
	long v, v_alg = -1, v_kid = -1;
	int extension = 0;
	int rc = jwtauth__jws_part(token, 0, dot1, out, pos, &out->header,
		&out->header_len, err);
	if (rc != JWTAUTH_OK) return rc;
	rc = jwtauth_json_parse(out->header, out->header_len, out->toks,
		JWTAUTH_MAX_JSON_TOKENS, 0, &n, err);
	if (rc != JWTAUTH_OK)
		return jwtauth__fail_detail(err, JWTAUTH_ERR_HEADER, 0,
			err ? err->msg : "header is not valid JSON", "header", 6);
	out->header_ntoks = n;
	out->payload_tok = n;
	/* RFC 7515 4: the header is a JSON object. */
	if (out->toks[0].type != JWTAUTH_JSON_OBJECT)
		return jwtauth__fail(err, JWTAUTH_ERR_HEADER, 0, "header is not a JSON object");

	jwtauth__jws_header_members(out->header, out->toks, n, &v_alg, &v_kid, &extension);
	v = v_kid;
	if (v >= 0) {
		const jwtauth_json_tok *t = &out->toks[v];
		size_t kid_len = 0;
		int fits;
		if (t->type != JWTAUTH_JSON_STRING)
			return jwtauth__fail(err, JWTAUTH_ERR_HEADER, 0, "kid is not a string");
		if (!t->escaped) {
			/* raw: copied as is, no unescaping to do */
			fits = t->len <= JWTAUTH_MAX_KID_LEN;
			if (fits) {
				kid_len = t->len;
				memcpy(out->kid, out->header + t->start, kid_len);
			}
		} else {
			fits = jwtauth_json_str_copy(out->header, t, out->kid,
				JWTAUTH_MAX_KID_LEN, &kid_len) == JWTAUTH_OK;
		}
		if (fits) {
			out->kid[kid_len] = 0;
			out->kid_len = kid_len;
			out->has_kid = 1;
		} else if (verifying) {
			/* No key can carry a kid this long. */
			return jwtauth__fail(err, JWTAUTH_ERR_KID_UNKNOWN, 0,
				"kid longer than JWTAUTH_MAX_KID_LEN");
		}
	}

	v = v_alg;
	if (v >= 0 && out->toks[v].type == JWTAUTH_JSON_STRING) {
		const jwtauth_json_tok *t = &out->toks[v];
		/* a raw name is read in place; only an escaped one is copied */
		if (!t->escaped && t->len < sizeof alg) {
			memcpy(alg, out->header + t->start, t->len);
			alg_len = t->len;
			out->alg = jwtauth_alg_from_name(alg, alg_len);
		} else if (jwtauth_json_str_copy(out->header, t, alg, sizeof alg, &alg_len) == JWTAUTH_OK) {
			out->alg = jwtauth_alg_from_name(alg, alg_len);
		}
	}
	if (!verifying) return JWTAUTH_OK;

	/* RFC 7515 4.1.1: alg is required and is a string. */
	if (v < 0) return jwtauth__fail(err, JWTAUTH_ERR_HEADER, 0, "alg missing");
	if (out->toks[v].type != JWTAUTH_JSON_STRING)
		return jwtauth__fail(err, JWTAUTH_ERR_HEADER, 0, "alg is not a string");
	/* RFC 8725 3.1: unsecured tokens are never accepted. */
	if (jwtauth__is_none(alg, alg_len))
		return jwtauth__fail(err, JWTAUTH_ERR_ALG_NONE, 0, "alg none is never accepted");
	if (out->alg == JWTAUTH_ALG_UNKNOWN)
		return jwtauth__fail(err, JWTAUTH_ERR_ALG_UNKNOWN, 0, "alg not supported");
	/* A known alg compiled out (JWTAUTH_NO_*) is said as such. */
	if (!JWTAUTH_ALG_IS_BUILT(out->alg))
		return jwtauth__fail_detail(err, JWTAUTH_ERR_ALG_NOT_BUILT, 0,
			"alg left out of this build", jwtauth_alg_name(out->alg),
			strlen(jwtauth_alg_name(out->alg)));
	/* The allowlist comes before any key is looked at (RFC 8725 3.1). */
	if (!(algs & JWTAUTH_ALG_BIT(out->alg)))
		return jwtauth__fail_detail(err, JWTAUTH_ERR_ALG_NOT_ALLOWED, 0,
			"alg not in the allowed list", jwtauth_alg_name(out->alg),
			strlen(jwtauth_alg_name(out->alg)));
	/* RFC 7515 4.1.11: an extension we do not understand must fail. */
	if (extension == 1)
		return jwtauth__fail(err, JWTAUTH_ERR_CRIT, 0,
			"crit header present; no extension is understood");
	/* RFC 7797: an unencoded payload changes what is signed. */
	if (extension == 2)
		return jwtauth__fail(err, JWTAUTH_ERR_CRIT, 0,
			"b64 header (RFC 7797) not supported");
	return JWTAUTH_OK;
}

static void jwtauth__jwt_reset(jwtauth_jwt *out)
{
	out->alg = JWTAUTH_ALG_UNKNOWN;
	out->key = NULL;
	out->kid[0] = 0;
	out->kid_len = 0;
	out->has_kid = 0;
	out->header = out->payload = out->buf;
	out->header_len = out->payload_len = 0;
	out->header_ntoks = out->payload_tok = out->payload_ntoks = 0;
	out->cache_hit = 0;
}

/* Whether a key may verify `alg`: its type/curve/size, and its own alg,
   use and key_ops members (RFC 7517 4.2-4.4). */
static const char *jwtauth__key_unfit_reason(const jwtauth_key *k, jwtauth_alg alg)
{
	if (!jwtauth__key_fits(k, alg))
		return JWTAUTH__TEXT("key type, curve or size does not fit the token's alg");
	if (k->alg != JWTAUTH_ALG_UNKNOWN && k->alg != (uint8_t)alg)
		return JWTAUTH__TEXT("key alg differs from the token's alg");
	if (k->use == JWTAUTH_USE_OTHER) return JWTAUTH__TEXT("key use is not sig");
	if (k->has_key_ops && !(k->key_ops & JWTAUTH_KEYOP_VERIFY))
		return JWTAUTH__TEXT("key_ops does not allow verify");
	return NULL;
}

/* What every verifying decode does first, in the fixed order: size and
   shape, header (alg allowlist, crit), then the payload's base64url. */
static int jwtauth__jws_prepare(const jwtauth_keyset *ks, const char *token,
	size_t token_len, unsigned algs, jwtauth_jwt *out, size_t *dot1,
	size_t *dot2, jwtauth_error *err)
{
	size_t pos = 0;
	int rc;
	if (!ks || !out) return jwtauth__fail(err, JWTAUTH_ERR_ARGUMENT, 0, "NULL argument");
	jwtauth__jwt_reset(out);
	if ((algs & JWTAUTH_ALGS_ALL) == 0)
		return jwtauth__fail(err, JWTAUTH_ERR_ARGUMENT, 0,
			"empty algorithm allowlist (JWTAUTH_ALGS_ALL allows every algorithm)");
	if ((rc = jwtauth__jws_split(token, token_len, dot1, dot2, err)) != JWTAUTH_OK)
		return rc;
	if ((rc = jwtauth__jws_header(token, *dot1, algs, 1, out, &pos, err)) != JWTAUTH_OK)
		return rc;
	return jwtauth__jws_part(token, *dot1 + 1, *dot2, out, &pos, &out->payload,
		&out->payload_len, err);
}

JWTAUTH_DEF int jwtauth_jws_verify(const jwtauth_keyset *ks, const char *token,
	size_t token_len, unsigned algs, jwtauth_jwt *out, jwtauth_error *err)
{
	return jwtauth_jws_verify_signature_only(ks, token, token_len, algs, out, err);
}

JWTAUTH_DEF int jwtauth_jws_verify_signature_only(const jwtauth_keyset *ks,
	const char *token, size_t token_len, unsigned algs, jwtauth_jwt *out,
	jwtauth_error *err)
{
	uint8_t *sig, hash[64];
	size_t dot1 = 0, dot2 = 0, sig_len = 0, i, sig_chars, used, cap;
	const jwtauth_key *chosen = NULL;
	const char *why = NULL;
	jwtauth_alg alg;
	int rc;
	/* size limits, shape, header, alg allowlist, crit, payload */
	if ((rc = jwtauth__jws_prepare(ks, token, token_len, algs, out, &dot1, &dot2, err))
	    != JWTAUTH_OK)
		return rc;
	alg = out->alg;
	sig_chars = token_len - dot2 - 1;
	/* The signature is decoded into out->buf after the payload, not onto
	   the stack: three parts of at most JWTAUTH_MAX_TOKEN_LEN characters
	   decode to at most 3/4 of that, plus the two NULs, so it always fits;
	   the cap stays JWTAUTH_MAX_RSA_BITS / 8 (the longest signature). */
	used = (size_t)(out->payload - out->buf) + out->payload_len + 1;
	sig = (uint8_t *)out->buf + used;
	cap = sizeof out->buf - used;
	if (cap > JWTAUTH_MAX_RSA_BITS / 8) cap = JWTAUTH_MAX_RSA_BITS / 8;
	rc = jwtauth_b64url_decode(token + dot2 + 1, sig_chars, sig, cap, &sig_len, err);
	if (rc == JWTAUTH_ERR_BUFFER_TOO_SMALL)
		return jwtauth__fail(err, JWTAUTH_ERR_SIGNATURE, dot2 + 1, "signature too long");
	if (rc != JWTAUTH_OK) {
		if (err) err->offset += dot2 + 1;
		return rc;
	}
	/* One hash of the signing input serves every candidate key. */
	if (jwtauth__algs[alg].kty != JWTAUTH_KTY_OCT && jwtauth__algs[alg].kty != JWTAUTH_KTY_OKP)
		jwtauth__hash(jwtauth__algs[alg].hash_index, (const uint8_t *)token, dot2, hash);

	if (out->has_kid) {
		/* RFC 7515 4.1.4: the kid names the key. RFC 7517 4.5 lets one
		   kid name keys of different kty that the publisher treats as
		   alternatives, so the kid and the token's alg select together:
		   among the entries with this kid, a usable key fits when its
		   type, curve, size, own alg, use and key_ops fit the token
		   (jwtauth__key_unfit_reason). Exactly one fitting key verifies;
		   RSA + EC under one kid, or RSA keys pinned to RS256 and PS256,
		   are thus resolved by the alg. Two fitting keys, or a fitting
		   key beside an entry refused at load that was meant for
		   signatures (its use/key_ops allow verify; its type may be
		   unknown), are KID_AMBIGUOUS: we refuse to guess. Refused
		   entries with another use do not count. */
		size_t named = 0, refused = 0, fit = 0;
		for (i = 0; i < ks->count; i++) {
			const jwtauth_key *k = &ks->keys[i];
			const char *r;
			if (!k->has_kid || k->kid_len != out->kid_len
			    || memcmp(k->kid, out->kid, out->kid_len) != 0)
				continue;
			/* A broken key meant for signatures under the same kid still
			   makes the kid ambiguous: the publisher meant one of two. */
			if (k->status != JWTAUTH_OK) {
				if (k->use != JWTAUTH_USE_OTHER && (!k->has_key_ops
				    || (k->key_ops & JWTAUTH_KEYOP_VERIFY)))
					refused++;
				continue;
			}
			named++;
			r = jwtauth__key_unfit_reason(k, alg);
			if (!r) { fit++; chosen = k; }
			else if (!why) why = r;
		}
		if (named == 0 && refused == 0) {
			jwtauth__fail_detail(err, JWTAUTH_ERR_KID_UNKNOWN, 0,
				"no key with the token's kid", "kid", 3);
			jwtauth__err_value(err, out->kid, out->kid_len);
			return JWTAUTH_ERR_KID_UNKNOWN;
		}
		if (named == 0)
			return jwtauth__fail_detail(err, JWTAUTH_ERR_KEY_UNFIT, 0,
				"the key with the token's kid was refused at load",
				out->kid, out->kid_len);
		if (fit > 1)
			return jwtauth__fail_detail(err, JWTAUTH_ERR_KID_AMBIGUOUS, 0,
				"several keys under the token's kid fit its alg", out->kid, out->kid_len);
		if (fit == 1 && refused > 0)
			return jwtauth__fail_detail(err, JWTAUTH_ERR_KID_AMBIGUOUS, 0,
				"the key that fits shares the token's kid with a signature key refused at load",
				out->kid, out->kid_len);
		if (fit == 0)
			return jwtauth__fail_detail(err, JWTAUTH_ERR_KEY_UNFIT, 0, why,
				out->kid, out->kid_len);
		rc = jwtauth__verify_one(chosen, alg, (const uint8_t *)token, dot2, hash,
			sig, sig_len);
		if (rc != JWTAUTH_OK) chosen = NULL;
	} else {
		/* No kid: try each key that fits, at most JWTAUTH_MAX_KIDLESS_TRIES
		   (the bound on the work one token can cause). */
		size_t fit = 0;
		for (i = 0; i < ks->count && !chosen && fit < JWTAUTH_MAX_KIDLESS_TRIES; i++) {
			const jwtauth_key *k = &ks->keys[i];
			if (k->status != JWTAUTH_OK || jwtauth__key_unfit_reason(k, alg)) continue;
			fit++;
			if (jwtauth__verify_one(k, alg, (const uint8_t *)token, dot2, hash,
			                        sig, sig_len) == JWTAUTH_OK)
				chosen = k;
		}
		if (fit == 0)
			return jwtauth__fail_detail(err, JWTAUTH_ERR_NO_KEY, 0,
				"no key of the set fits the token's alg", jwtauth_alg_name(alg),
				strlen(jwtauth_alg_name(alg)));
	}
	if (!chosen)
		return jwtauth__fail(err, JWTAUTH_ERR_SIGNATURE, dot2 + 1, "signature invalid");
	out->key = chosen;
	jwtauth__clear_error(err);
	return JWTAUTH_OK;
}

JWTAUTH_DEF int jwtauth_jws_decode_unverified(const char *token,
	size_t token_len, jwtauth_jwt *out, jwtauth_error *err)
{
	size_t dot1 = 0, dot2 = 0, pos = 0, n = 0;
	int rc;
	if (!out) return jwtauth__fail(err, JWTAUTH_ERR_ARGUMENT, 0, "NULL argument");
	jwtauth__jwt_reset(out);
	if ((rc = jwtauth__jws_split(token, token_len, &dot1, &dot2, err)) != JWTAUTH_OK)
		return rc;
	if ((rc = jwtauth__jws_header(token, dot1, 0, 0, out, &pos, err)) != JWTAUTH_OK)
		return rc;
	if ((rc = jwtauth__jws_part(token, dot1 + 1, dot2, out, &pos, &out->payload,
	                            &out->payload_len, err)) != JWTAUTH_OK)
		return rc;
	/* The payload is parsed when it is JSON; otherwise left as bytes. */
	if (jwtauth_json_parse(out->payload, out->payload_len, out->toks + out->payload_tok,
	                       JWTAUTH_MAX_JSON_TOKENS - out->payload_tok, 0, &n, NULL) == JWTAUTH_OK)
		out->payload_ntoks = n;
	jwtauth__clear_error(err);
	return JWTAUTH_OK;
}

/* ---- for the verified-token cache ----
   Decode a token whose signature already verified with ks->keys[key_index]
   under the same key set id (a cache hit): the header rules are applied
   again (size, three parts, JSON, alg none/unknown/allowlist, crit, b64)
   and the key must still be usable, fit the alg (type, curve, size, its
   alg/use/key_ops) and carry the token's kid. Only the signature's base64
   decoding and the signature check are skipped. On success out->key is
   set; the payload is not parsed (jwtauth_claims_check does it). */
static int jwtauth__jws_decode_cached(const jwtauth_keyset *ks,
	const char *token, size_t token_len, unsigned algs, size_t key_index,
	jwtauth_jwt *out, jwtauth_error *err)
{
	size_t dot1 = 0, dot2 = 0;
	const jwtauth_key *k;
	int rc;
	if ((rc = jwtauth__jws_prepare(ks, token, token_len, algs, out, &dot1, &dot2, err))
	    != JWTAUTH_OK)
		return rc;
	if (key_index >= ks->count || key_index >= JWTAUTH_MAX_KEYS)
		return jwtauth__fail(err, JWTAUTH_ERR_NO_KEY, 0, "cached key index out of range");
	k = &ks->keys[key_index];
	if (k->status != JWTAUTH_OK || jwtauth__key_unfit_reason(k, out->alg) != NULL)
		return jwtauth__fail(err, JWTAUTH_ERR_KEY_UNFIT, 0, "cached key no longer fits");
	if (out->has_kid && (!k->has_kid || k->kid_len != out->kid_len
	    || memcmp(k->kid, out->kid, out->kid_len) != 0))
		return jwtauth__fail(err, JWTAUTH_ERR_KID_UNKNOWN, 0, "cached key has another kid");
	out->key = k;
	jwtauth__clear_error(err);
	return JWTAUTH_OK;
}

/* ======================================================================
   CLAIMS, STARROCKS CONFIGURATION, MYSQL AUTH RESPONSE, THE LOGIN
   ====================================================================== */

/* Claims (RFC 7519), claim lookup (RFC 6901), StarRocks configuration,
   the MySQL auth response and the one-call login. No heap, no stdio. */

/* 9999-12-31T23:59:59Z: beyond it a NumericDate is nonsense (and the
   arithmetic below stays far from int64 overflow). */
#define JWTAUTH__DATE_MAX ((int64_t)253402300799LL)
#define JWTAUTH__INT64_MAX ((int64_t)0x7fffffffffffffffLL)
#define JWTAUTH__INT64_MIN (-JWTAUTH__INT64_MAX - 1)

/* ---------------------------------------------------------------- claims */

/* A NumericDate (RFC 7519 section 2) is a JSON number of seconds and may
   be fractional or use an exponent ("1.7e9"). Read it exactly from the
   decimal text, never through a double: *fl gets the floor, *frac whether
   a non-zero fraction remains. Returns 0, or -1 when the text is negative,
   over JWTAUTH__DATE_MAX or not a number. "-0" is zero. */
static int jwtauth__numeric_date(const char *s, size_t n, int64_t *fl,
	int *frac)
{
	size_t i = 0, int_start, int_len, frac_start, frac_len = 0, k, ndig;
	long exp10 = 0, point;
	int neg = 0, nonzero = 0, over = 0;
	int64_t acc = 0;

	*fl = 0;
	*frac = 0;
	/* the common case first: a plain integer of at most 12 digits */
	if (n > 0 && n <= 12) {
		for (; i < n && s[i] >= '0' && s[i] <= '9'; i++) acc = acc * 10 + (s[i] - '0');
		if (i == n) {
			if (acc > JWTAUTH__DATE_MAX) return -1;
			*fl = acc;
			return 0;
		}
		i = 0;
		acc = 0;
	}
	if (i < n && s[i] == '-') { neg = 1; i++; }
	int_start = i;
	while (i < n && s[i] >= '0' && s[i] <= '9') i++;
	int_len = i - int_start;
	if (int_len == 0) return -1;
	frac_start = i;
	if (i < n && s[i] == '.') {
		frac_start = ++i;
		while (i < n && s[i] >= '0' && s[i] <= '9') i++;
		frac_len = i - frac_start;
		if (frac_len == 0) return -1;
	}
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		int eneg = 0;
		size_t es;
		i++;
		if (i < n && (s[i] == '+' || s[i] == '-')) eneg = s[i++] == '-';
		es = i;
		/* saturate: a million digits of shift is already out of range */
		for (; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			if (exp10 < 1000000L) exp10 = exp10 * 10 + (s[i] - '0');
		if (i == es) return -1;
		if (eneg) exp10 = -exp10;
	}
	if (i != n) return -1;
	/* The mantissa digits d[0..ndig) are the integer digits then the
	   fraction digits; the decimal point of the value sits before
	   d[point]. Digits before it build the floor, digits after it only
	   tell whether a fraction is left. */
	ndig = int_len + frac_len;
	if (ndig > 0x7fffffffu) return -1;
	point = (long)int_len + exp10;
	for (k = 0; k < ndig; k++) {
		int d = (k < int_len ? s[int_start + k] : s[frac_start + (k - int_len)]) - '0';
		if (d) nonzero = 1;
		if ((long)k < point) {
			if (!over) {
				acc = acc * 10 + d;
				if (acc > JWTAUTH__DATE_MAX) over = 1;
			}
		} else if (d) {
			*frac = 1;
		}
	}
	/* an exponent past the last digit appends zeros */
	for (k = ndig; (long)k < point && acc != 0 && !over; k++) {
		acc *= 10;
		if (acc > JWTAUTH__DATE_MAX) over = 1;
	}
	/* 253402300799.5 is past the limit too */
	if (acc == JWTAUTH__DATE_MAX && *frac) over = 1;
	if ((neg && nonzero) || over) {
		*frac = 0;
		return -1;
	}
	*fl = acc;
	return 0;
}

/* The payload's tokens start at jwt->toks[jwt->payload_tok]; their `next`
   indices are relative to that slot. */
#define JWTAUTH__PTOKS(jwt) ((jwt)->toks + (jwt)->payload_tok)

/* Top-level claim `name` as an index relative to the payload tokens. */
static long jwtauth__pget(const jwtauth_jwt *jwt, const char *name, size_t len)
{
	return jwtauth_json_get(jwt->payload, JWTAUTH__PTOKS(jwt),
		jwt->payload_ntoks, 0, name, len);
}

/* The registered claims checked here, in the order of their bits
   (JWTAUTH_CLAIM_EXP ... JWTAUTH_CLAIM_SUB). */
static const char *const jwtauth__claim_names[6] = { "exp", "nbf", "iat", "iss", "aud", "sub" };

/* One pass over the payload's members: where each registered claim is
   (-1 when absent). Names are unique (the parser refused duplicates). */
static void jwtauth__claim_slots(const jwtauth_jwt *jwt, long slot[6])
{
	const jwtauth_json_tok *pt = JWTAUTH__PTOKS(jwt);
	size_t i, n = jwt->payload_ntoks, c;
	for (c = 0; c < 6; c++) slot[c] = -1;
	for (i = 1; i + 1 < n; i = pt[i + 1].next) {
		const jwtauth_json_tok *t = &pt[i];
		/* every registered name is 3 bytes; an escaped name may unescape
		   to one, so only raw names of another length are skipped early */
		if (!t->escaped && t->len != 3) continue;
		for (c = 0; c < 6; c++)
			if (t->escaped ? jwtauth_json_str_eq(jwt->payload, t, jwtauth__claim_names[c], 3)
			    : memcmp(jwt->payload + t->start, jwtauth__claim_names[c], 3) == 0) {
				slot[c] = (long)(i + 1);
				break;
			}
	}
}

/* Read one NumericDate claim: absent is fine, anything but an in-range
   JSON number is a rejection (RFC 7519 section 4.1.4-4.1.6), never
   silently skipped. */
static int jwtauth__date_claim(const jwtauth_jwt *jwt, long i, const char *name,
	int *has, int64_t *fl, int *frac, jwtauth_error *err)
{
	const jwtauth_json_tok *t;
	*has = 0;
	*fl = 0;
	*frac = 0;
	if (i < 0) return 0;
	t = &JWTAUTH__PTOKS(jwt)[i];
	if (t->type != JWTAUTH_JSON_NUMBER)
		return jwtauth__fail_detail(err, JWTAUTH_ERR_CLAIM_TYPE, t->start,
			"date claim is not a JSON number (RFC 7519 section 2)",
			name, strlen(name));
	if (jwtauth__numeric_date(jwt->payload + t->start, t->len, fl, frac) != 0)
		return jwtauth__fail_detail(err, JWTAUTH_ERR_CLAIM_TYPE, t->start,
			"date claim negative or after the year 9999", name, strlen(name));
	*has = 1;
	return 0;
}

/* Parse the payload into the token slots after the header's. A JSON
   error keeps its reason and offset but becomes JWTAUTH_ERR_CLAIMS. */
static int jwtauth__parse_payload(jwtauth_jwt *jwt, jwtauth_error *err)
{
	jwtauth_error e;
	size_t n = 0;
	int rc;
	if (jwt->payload_ntoks > 0) {
		if (jwt->payload_tok != jwt->header_ntoks
		    || jwt->payload_tok + jwt->payload_ntoks > JWTAUTH_MAX_JSON_TOKENS)
			return jwtauth__fail(err, JWTAUTH_ERR_ARGUMENT, 0, "inconsistent token counts");
	} else {
		if (jwt->header_ntoks >= JWTAUTH_MAX_JSON_TOKENS)
			return jwtauth__fail(err, JWTAUTH_ERR_CLAIMS, 0, "no JSON token slot left for the payload");
		jwt->payload_tok = jwt->header_ntoks;
		rc = jwtauth_json_parse(jwt->payload, jwt->payload_len,
			jwt->toks + jwt->payload_tok,
			(size_t)JWTAUTH_MAX_JSON_TOKENS - jwt->header_ntoks, 0, &n, &e);
		if (rc != JWTAUTH_OK)
			return jwtauth__fail(err, JWTAUTH_ERR_CLAIMS, e.offset, e.msg);
		jwt->payload_ntoks = n;
	}
	/* RFC 7519 section 7.2 step 10: the claims set is a JSON object */
	if (JWTAUTH__PTOKS(jwt)[0].type != JWTAUTH_JSON_OBJECT)
		return jwtauth__fail(err, JWTAUTH_ERR_CLAIMS, JWTAUTH__PTOKS(jwt)[0].start,
			"payload is not a JSON object");
	return 0;
}

/* 1 when string token t equals one of the configured strings. */
static int jwtauth__tok_in(const char *js, const jwtauth_json_tok *t,
	const jwtauth_str *list, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (list[i].p && jwtauth_json_str_eq(js, t, list[i].p, list[i].len))
			return 1;
	return 0;
}

/* a + b for a, b >= 0, or -1 when it does not fit in int64. */
static int64_t jwtauth__add_pos(int64_t a, int64_t b)
{
	return b > JWTAUTH__INT64_MAX - a ? -1 : a + b;
}

/* Add string token t, unescaped (its raw start when too long), to
   err->value, after a ", " when it already holds something. */
static void jwtauth__err_value_tok(jwtauth_error *err, const char *js,
	const jwtauth_json_tok *t)
{
	char tmp[JWTAUTH_ERROR_TEXT_MAX + 1], part[JWTAUTH_ERROR_TEXT_MAX + 1];
	const char *src = tmp;
	size_t n = 0, have, plen;
	if (!err || t->type != JWTAUTH_JSON_STRING) return;
	if (jwtauth_json_str_copy(js, t, tmp, sizeof tmp, &n) != JWTAUTH_OK) {
		src = js + t->start;
		n = t->len;
	}
	have = err->value_len;
	if (have > 0 && have + 2 >= JWTAUTH_ERROR_TEXT_MAX) return;
	jwtauth__err_text(part, &plen, src, n);
	if (have > 0) {
		err->value[have++] = ',';
		err->value[have++] = ' ';
	}
	if (plen > JWTAUTH_ERROR_TEXT_MAX - have) {
		plen = JWTAUTH_ERROR_TEXT_MAX - have;
		while (plen > 0 && ((unsigned char)part[plen] & 0xC0u) == 0x80u) plen--;
	}
	memcpy(err->value + have, part, plen);
	err->value_len = have + plen;
	err->value[err->value_len] = 0;
}

/* jwtauth_claims_check with more required claims (jwtauth_verify: exp). */
static int jwtauth__claims_check(jwtauth_jwt *jwt,
	const jwtauth_claims_policy *policy, unsigned also_required, int64_t now,
	jwtauth_claims *claims, jwtauth_error *err);

JWTAUTH_DEF int jwtauth_claims_check(jwtauth_jwt *jwt,
	const jwtauth_claims_policy *policy, int64_t now,
	jwtauth_claims *claims, jwtauth_error *err)
{
	return jwtauth__claims_check(jwt, policy, 0, now, claims, err);
}

static int jwtauth__claims_check(jwtauth_jwt *jwt,
	const jwtauth_claims_policy *policy, unsigned also_required, int64_t now,
	jwtauth_claims *claims, jwtauth_error *err)
{
	jwtauth_claims_policy none;
	unsigned required;
	const jwtauth_json_tok *pt;
	int64_t exp = 0, nbf = 0, iat = 0, lim, leeway;
	int has_exp, has_nbf, has_iat, fexp, fnbf, fiat, rc;
	long iss, aud, slot[6];
	size_t n_iss, n_aud;

	if (claims) memset(claims, 0, sizeof *claims);
	if (!jwt || (!jwt->payload && jwt->payload_len))
		return jwtauth__fail(err, JWTAUTH_ERR_ARGUMENT, 0, "NULL argument");
	if (!policy) {
		memset(&none, 0, sizeof none);
		policy = &none;
	}
	if (policy->leeway < 0 || policy->max_age < 0)
		return jwtauth__fail(err, JWTAUTH_ERR_ARGUMENT, 0, "negative leeway or max_age");
	leeway = policy->leeway;
	n_iss = policy->n_issuers < JWTAUTH_MAX_LIST ? policy->n_issuers : JWTAUTH_MAX_LIST;
	n_aud = policy->n_audiences < JWTAUTH_MAX_LIST ? policy->n_audiences : JWTAUTH_MAX_LIST;
	if ((rc = jwtauth__parse_payload(jwt, err)) != 0) return rc;
	pt = JWTAUTH__PTOKS(jwt);

	/* 1. types: a claim of the wrong type is a rejection, whatever the
	   policy, so that a broken token never passes by being ignored */
	jwtauth__claim_slots(jwt, slot);
	if ((rc = jwtauth__date_claim(jwt, slot[0], "exp", &has_exp, &exp, &fexp, err)) != 0) return rc;
	if ((rc = jwtauth__date_claim(jwt, slot[1], "nbf", &has_nbf, &nbf, &fnbf, err)) != 0) return rc;
	if ((rc = jwtauth__date_claim(jwt, slot[2], "iat", &has_iat, &iat, &fiat, err)) != 0) return rc;
	iss = slot[3];
	if (iss >= 0 && pt[iss].type != JWTAUTH_JSON_STRING)
		return jwtauth__fail_detail(err, JWTAUTH_ERR_CLAIM_TYPE, pt[iss].start,
			"iss is not a string (RFC 7519 section 4.1.1)", "iss", 3);
	aud = slot[4];
	if (aud >= 0) {
		/* RFC 7519 section 4.1.3: a string or an array of strings */
		if (pt[aud].type == JWTAUTH_JSON_ARRAY) {
			size_t e;
			for (e = (size_t)aud + 1; e < pt[aud].next; e = pt[e].next)
				if (pt[e].type != JWTAUTH_JSON_STRING)
					return jwtauth__fail_detail(err, JWTAUTH_ERR_CLAIM_TYPE, pt[e].start,
						"aud array holds a non-string", "aud", 3);
		} else if (pt[aud].type != JWTAUTH_JSON_STRING) {
			return jwtauth__fail_detail(err, JWTAUTH_ERR_CLAIM_TYPE, pt[aud].start,
				"aud is neither a string nor an array of strings", "aud", 3);
		}
	}

	/* 2. required claims */
	required = policy->required | also_required;
	if (required) {
		unsigned b;
		for (b = 0; b < 6; b++)
			if ((required & (1u << b)) && slot[b] < 0)
				return jwtauth__fail_detail(err, JWTAUTH_ERR_CLAIM_MISSING, 0,
					"required claim missing", jwtauth__claim_names[b], 3);
	}

	/* 3. exp (RFC 7519 section 4.1.4): reject when now >= exp + leeway,
	   exp taken exactly: with a fraction, now (an integer) reaches the
	   real exp + leeway only at floor + 1 + leeway. */
	if (has_exp) {
		lim = jwtauth__add_pos(exp + (fexp ? 1 : 0), leeway);
		if (lim >= 0 && now >= lim) {
			jwtauth__fail_detail(err, JWTAUTH_ERR_EXPIRED, 0,
				"now >= exp + leeway", "exp", 3);
			jwtauth__err_times(err, exp, now, leeway);
			return JWTAUTH_ERR_EXPIRED;
		}
	}
	/* 4. nbf (section 4.1.5): reject when nbf > now + leeway, i.e. when
	   ceil(nbf) - leeway > now (no overflow: both terms >= 0). */
	if (has_nbf && nbf + (fnbf ? 1 : 0) - leeway > now) {
		jwtauth__fail_detail(err, JWTAUTH_ERR_NOT_YET_VALID, 0,
			"nbf > now + leeway", "nbf", 3);
		jwtauth__err_times(err, nbf + (fnbf ? 1 : 0), now, leeway);
		return JWTAUTH_ERR_NOT_YET_VALID;
	}
	/* 5. iat (section 4.1.6) with a maximum age: too old when
	   now - iat > max_age + leeway, i.e. now > floor(iat) + max_age +
	   leeway; issued in the future when ceil(iat) - leeway > now. */
	if (has_iat && policy->max_age > 0) {
		lim = jwtauth__add_pos(policy->max_age, leeway);
		if (lim >= 0) lim = jwtauth__add_pos(iat, lim);
		if (lim >= 0 && now > lim) {
			jwtauth__fail_detail(err, JWTAUTH_ERR_TOO_OLD, 0,
				"now - iat > max_age + leeway", "iat", 3);
			jwtauth__err_times(err, iat, now, policy->max_age);
			return JWTAUTH_ERR_TOO_OLD;
		}
		if (iat + (fiat ? 1 : 0) - leeway > now) {
			jwtauth__fail_detail(err, JWTAUTH_ERR_TOO_OLD, 0,
				"iat is in the future", "iat", 3);
			jwtauth__err_times(err, iat, now, policy->max_age);
			return JWTAUTH_ERR_TOO_OLD;
		}
	}
	/* 6. iss: byte-exact after unescaping, whole string (no prefix) */
	if (n_iss > 0) {
		if (iss < 0)
			return jwtauth__fail_detail(err, JWTAUTH_ERR_ISSUER, 0,
				"iss missing", "iss", 3);
		if (!jwtauth__tok_in(jwt->payload, &pt[iss], policy->issuers, n_iss)) {
			jwtauth__fail_detail(err, JWTAUTH_ERR_ISSUER, pt[iss].start,
				"iss is not one of the required issuers", "iss", 3);
			jwtauth__err_value_tok(err, jwt->payload, &pt[iss]);
			return JWTAUTH_ERR_ISSUER;
		}
	}
	/* 7. aud: at least one element equals one configured audience */
	if (n_aud > 0) {
		int ok = 0;
		if (aud < 0)
			return jwtauth__fail_detail(err, JWTAUTH_ERR_AUDIENCE, 0,
				"aud missing", "aud", 3);
		if (pt[aud].type == JWTAUTH_JSON_STRING) {
			ok = jwtauth__tok_in(jwt->payload, &pt[aud], policy->audiences, n_aud);
		} else {
			size_t e;
			for (e = (size_t)aud + 1; !ok && e < pt[aud].next; e = pt[e].next)
				ok = jwtauth__tok_in(jwt->payload, &pt[e], policy->audiences, n_aud);
		}
		if (!ok) {
			jwtauth__fail_detail(err, JWTAUTH_ERR_AUDIENCE, pt[aud].start,
				"aud holds none of the required audiences", "aud", 3);
			if (pt[aud].type == JWTAUTH_JSON_STRING) {
				jwtauth__err_value_tok(err, jwt->payload, &pt[aud]);
			} else {
				size_t e, k = 0;
				for (e = (size_t)aud + 1; e < pt[aud].next && k < 4; e = pt[e].next, k++)
					jwtauth__err_value_tok(err, jwt->payload, &pt[e]);
			}
			return JWTAUTH_ERR_AUDIENCE;
		}
	}

	if (claims) {
		/* each rounded toward the stricter side: an earlier exp, a later
		   nbf, an earlier iat (older) */
		claims->has_exp = has_exp; claims->exp = exp;
		claims->has_nbf = has_nbf; claims->nbf = nbf + (fnbf ? 1 : 0);
		claims->has_iat = has_iat; claims->iat = iat;
	}
	jwtauth__clear_error(err);
	return JWTAUTH_OK;
}

/* ----------------------------------------------------------- claim lookup */

/* Longest JSON Pointer reference token holding '~' escapes (unescaped
   into a stack buffer); tokens without '~' have no limit. */
#define JWTAUTH__POINTER_SEG_MAX JWTAUTH_MAX_CLAIM_NAME_LEN

/* Step from container `cur` (relative index) into the member or element
   named by the unescaped reference token (s, n). -1 when absent. */
static long jwtauth__step(const jwtauth_jwt *jwt, size_t cur, const char *s,
	size_t n, int pointer)
{
	const jwtauth_json_tok *pt = JWTAUTH__PTOKS(jwt);
	if (pt[cur].type == JWTAUTH_JSON_OBJECT)
		return jwtauth_json_get(jwt->payload, pt, jwt->payload_ntoks, cur, s, n);
	if (pointer && pt[cur].type == JWTAUTH_JSON_ARRAY) {
		/* RFC 6901 section 4: "0" or [1-9][0-9]*; "-" names the
		   (nonexistent) element after the last */
		size_t idx = 0, i, e;
		if (n == 0 || (n > 1 && s[0] == '0')) return -1;
		for (i = 0; i < n; i++) {
			if (s[i] < '0' || s[i] > '9') return -1;
			if (idx > 0xFFFFFFu) return -1; /* far past any array */
			idx = idx * 10 + (size_t)(s[i] - '0');
		}
		for (e = cur + 1; e < pt[cur].next; e = pt[e].next)
			if (idx-- == 0) return (long)e;
	}
	return -1;
}

JWTAUTH_DEF long jwtauth_claim_find(const jwtauth_jwt *jwt,
	const char *path, size_t path_len)
{
	char seg[JWTAUTH__POINTER_SEG_MAX];
	size_t i, cur = 0;
	if (!jwt || !jwt->payload || jwt->payload_ntoks == 0 || (!path && path_len))
		return -1;
	if (path_len == 0 || path[0] != '/') {
		long r = jwtauth__pget(jwt, path, path_len);
		return r < 0 ? -1 : r + (long)jwt->payload_tok;
	}
	/* RFC 6901: each '/' starts a reference token; "~1" is '/', "~0" is
	   '~' (decoded in that order, section 4), any other '~' is invalid */
	i = 1;
	for (;;) {
		size_t s = i, e = i, n = 0;
		const char *ref = path + s;
		long r;
		int tilde = 0;
		while (e < path_len && path[e] != '/') {
			if (path[e] == '~') tilde = 1;
			e++;
		}
		if (tilde) {
			size_t k;
			for (k = s; k < e; k++) {
				char c = path[k];
				if (c == '~') {
					if (k + 1 >= e || (path[k + 1] != '0' && path[k + 1] != '1'))
						return -1;
					c = path[++k] == '0' ? '~' : '/';
				}
				if (n >= sizeof seg) return -1;
				seg[n++] = c;
			}
			ref = seg;
		} else {
			n = e - s;
		}
		r = jwtauth__step(jwt, cur, ref, n, 1);
		if (r < 0) return -1;
		cur = (size_t)r;
		if (e >= path_len) break;
		i = e + 1;
	}
	return (long)(cur + jwt->payload_tok);
}

JWTAUTH_DEF long jwtauth_claim_find_dotted(const jwtauth_jwt *jwt,
	const char *path, size_t path_len)
{
	size_t i = 0, cur = 0;
	if (!jwt || !jwt->payload || jwt->payload_ntoks == 0 || !path || path_len == 0)
		return -1;
	for (;;) {
		size_t e = i;
		long r;
		while (e < path_len && path[e] != '.') e++;
		if (e == i) return -1; /* "a..b", ".a", "a.": no empty names */
		r = jwtauth__step(jwt, cur, path + i, e - i, 0);
		if (r < 0) return -1;
		cur = (size_t)r;
		if (e >= path_len) break;
		i = e + 1;
	}
	return (long)(cur + jwt->payload_tok);
}

/* ---------------------------------------------------- typed claim getters */

/* The claim at `path` (absolute index in *idx), or why there is none. */
static int jwtauth__claim_at(const jwtauth_jwt *jwt, const char *path,
	size_t path_len, long *idx, jwtauth_error *err)
{
	size_t i;
	if (!jwt || (!path && path_len))
		return jwtauth__fail(err, JWTAUTH_ERR_ARGUMENT, 0, "NULL argument");
	if (!jwt->payload || jwt->payload_ntoks == 0)
		return jwtauth__fail(err, JWTAUTH_ERR_ARGUMENT, 0,
			"payload not parsed: verify the token with jwtauth_verify first");
	if (path_len > 0 && path[0] == '/') {
		/* RFC 6901 section 3: '~' only as "~0" or "~1" */
		for (i = 0; i < path_len; i++)
			if (path[i] == '~' && (i + 1 >= path_len
			    || (path[i + 1] != '0' && path[i + 1] != '1')))
				return jwtauth__fail_detail(err, JWTAUTH_ERR_CLAIM_PATH, i,
					"JSON Pointer: '~' not followed by 0 or 1", path, path_len);
	}
	*idx = jwtauth_claim_find(jwt, path, path_len);
	if (*idx < 0)
		return jwtauth__fail_detail(err, JWTAUTH_ERR_CLAIM_MISSING, 0,
			"claim absent", path, path_len);
	return JWTAUTH_OK;
}

static int jwtauth__claim_typed(const jwtauth_jwt *jwt, const char *path,
	size_t path_len, jwtauth_json_type type, const jwtauth_json_tok **t,
	jwtauth_error *err)
{
	long idx = -1;
	int rc = jwtauth__claim_at(jwt, path, path_len, &idx, err);
	if (rc != JWTAUTH_OK) return rc;
	*t = &jwt->toks[idx];
	if ((*t)->type != (uint8_t)type
	    && !(type == JWTAUTH_JSON_TRUE && (*t)->type == JWTAUTH_JSON_FALSE))
		return jwtauth__fail_detail(err, JWTAUTH_ERR_CLAIM_TYPE, (*t)->start,
			type == JWTAUTH_JSON_STRING ? "claim is not a string"
			: type == JWTAUTH_JSON_NUMBER ? "claim is not a number"
			: "claim is not a boolean", path, path_len);
	return JWTAUTH_OK;
}

JWTAUTH_DEF int jwtauth_claim_string(const jwtauth_jwt *jwt, const char *path,
	size_t path_len, char *out, size_t cap, size_t *out_len, jwtauth_error *err)
{
	const jwtauth_json_tok *t = NULL;
	size_t n = 0;
	int rc;
	if (!out || cap == 0) return jwtauth__fail(err, JWTAUTH_ERR_ARGUMENT, 0, "NULL or empty output buffer");
	rc = jwtauth__claim_typed(jwt, path, path_len, JWTAUTH_JSON_STRING, &t, err);
	if (rc != JWTAUTH_OK) return rc;
	if (jwtauth_json_str_copy(jwt->payload, t, NULL, 0, &n) != JWTAUTH_OK)
		return jwtauth__fail_detail(err, JWTAUTH_ERR_CLAIM_TYPE, t->start,
			"claim is not a valid string", path, path_len);
	if (n >= cap) {
		jwtauth__fail_detail(err, JWTAUTH_ERR_CLAIM_TOO_LONG, t->start,
			"claim longer than the output buffer", path, path_len);
		jwtauth__err_value_tok(err, jwt->payload, t);
		return JWTAUTH_ERR_CLAIM_TOO_LONG;
	}
	if (jwtauth_json_str_copy(jwt->payload, t, out, n, &n) != JWTAUTH_OK
	    || memchr(out, 0, n)) {
		out[0] = 0;
		return jwtauth__fail_detail(err, JWTAUTH_ERR_CLAIM_TYPE, t->start,
			"claim holds a NUL character", path, path_len);
	}
	out[n] = 0;
	if (out_len) *out_len = n;
	jwtauth__clear_error(err);
	return JWTAUTH_OK;
}

JWTAUTH_DEF int jwtauth_claim_int64(const jwtauth_jwt *jwt, const char *path,
	size_t path_len, int64_t *out, jwtauth_error *err)
{
	const jwtauth_json_tok *t = NULL;
	const char *p;
	size_t i = 0;
	uint64_t acc = 0, lim;
	int neg, rc;
	if (!out) return jwtauth__fail(err, JWTAUTH_ERR_ARGUMENT, 0, "NULL argument");
	rc = jwtauth__claim_typed(jwt, path, path_len, JWTAUTH_JSON_NUMBER, &t, err);
	if (rc != JWTAUTH_OK) return rc;
	p = jwt->payload + t->start;
	neg = p[0] == '-';
	if (neg) i = 1;
	/* the parser checked the grammar: digits, then maybe '.', 'e', 'E' */
	lim = neg ? (uint64_t)JWTAUTH__INT64_MAX + 1u : (uint64_t)JWTAUTH__INT64_MAX;
	for (; i < t->len; i++) {
		unsigned d;
		if (p[i] < '0' || p[i] > '9')
			return jwtauth__fail_detail(err, JWTAUTH_ERR_CLAIM_RANGE, t->start,
				"claim is not an integer (fraction or exponent)", path, path_len);
		d = (unsigned)(p[i] - '0');
		if (acc > (lim - d) / 10u)
			return jwtauth__fail_detail(err, JWTAUTH_ERR_CLAIM_RANGE, t->start,
				"claim does not fit in int64", path, path_len);
		acc = acc * 10u + d;
	}
	/* two's complement without overflow: -(acc - 1) - 1 */
	*out = neg ? (acc ? -(int64_t)(acc - 1u) - 1 : 0) : (int64_t)acc;
	jwtauth__clear_error(err);
	return JWTAUTH_OK;
}

JWTAUTH_DEF int jwtauth_claim_date(const jwtauth_jwt *jwt, const char *path,
	size_t path_len, int64_t *out, jwtauth_error *err)
{
	const jwtauth_json_tok *t = NULL;
	int64_t fl = 0;
	int frac = 0, rc;
	if (!out) return jwtauth__fail(err, JWTAUTH_ERR_ARGUMENT, 0, "NULL argument");
	rc = jwtauth__claim_typed(jwt, path, path_len, JWTAUTH_JSON_NUMBER, &t, err);
	if (rc != JWTAUTH_OK) return rc;
	if (jwtauth__numeric_date(jwt->payload + t->start, t->len, &fl, &frac) != 0)
		return jwtauth__fail_detail(err, JWTAUTH_ERR_CLAIM_RANGE, t->start,
			"NumericDate negative or after the year 9999", path, path_len);
	*out = fl;
	jwtauth__clear_error(err);
	return JWTAUTH_OK;
}

JWTAUTH_DEF int jwtauth_claim_bool(const jwtauth_jwt *jwt, const char *path,
	size_t path_len, int *out, jwtauth_error *err)
{
	const jwtauth_json_tok *t = NULL;
	int rc;
	if (!out) return jwtauth__fail(err, JWTAUTH_ERR_ARGUMENT, 0, "NULL argument");
	rc = jwtauth__claim_typed(jwt, path, path_len, JWTAUTH_JSON_TRUE, &t, err);
	if (rc != JWTAUTH_OK) return rc;
	*out = t->type == JWTAUTH_JSON_TRUE;
	jwtauth__clear_error(err);
	return JWTAUTH_OK;
}

JWTAUTH_DEF int jwtauth_claim_contains(const jwtauth_jwt *jwt, const char *path,
	size_t path_len, const char *value, size_t value_len, int *found,
	jwtauth_error *err)
{
	const jwtauth_json_tok *t, *pt;
	long idx = -1;
	size_t r, e;
	int rc, hit = 0;
	if (!found || (!value && value_len))
		return jwtauth__fail(err, JWTAUTH_ERR_ARGUMENT, 0, "NULL argument");
	rc = jwtauth__claim_at(jwt, path, path_len, &idx, err);
	if (rc != JWTAUTH_OK) return rc;
	t = &jwt->toks[idx];
	if (t->type == JWTAUTH_JSON_STRING) {
		hit = jwtauth_json_str_eq(jwt->payload, t, value ? value : "", value_len);
	} else if (t->type == JWTAUTH_JSON_ARRAY) {
		pt = JWTAUTH__PTOKS(jwt);
		r = (size_t)idx - jwt->payload_tok;
		for (e = r + 1; e < pt[r].next; e = pt[e].next) {
			if (pt[e].type != JWTAUTH_JSON_STRING)
				return jwtauth__fail_detail(err, JWTAUTH_ERR_CLAIM_TYPE, pt[e].start,
					"array holds a non-string", path, path_len);
			if (!hit) hit = jwtauth_json_str_eq(jwt->payload, &pt[e], value ? value : "", value_len);
		}
	} else {
		return jwtauth__fail_detail(err, JWTAUTH_ERR_CLAIM_TYPE, t->start,
			"claim is neither a string nor an array of strings", path, path_len);
	}
	*found = hit;
	jwtauth__clear_error(err);
	return JWTAUTH_OK;
}

/* --------------------------------------------------------- configuration */

JWTAUTH_DEF void jwtauth_config_init(jwtauth_config *cfg)
{
	if (!cfg) return;
	memset(cfg, 0, sizeof *cfg);
	/* a static string, not the store: still valid after a struct copy */
	cfg->principal_field.p = "sub";
	cfg->principal_field.len = 3;
	cfg->algs = JWTAUTH_ALGS_ALL;
}

/* Reserve len + 1 bytes of the store: returns where to write, or NULL. */
static char *jwtauth__store(jwtauth_config *cfg, size_t len)
{
	char *p;
	if (cfg->used > sizeof cfg->store || len >= sizeof cfg->store - cfg->used)
		return NULL;
	p = cfg->store + cfg->used;
	cfg->used += len + 1;
	p[len] = 0;
	return p;
}

static int jwtauth__store_copy(jwtauth_config *cfg, jwtauth_str *dst,
	const char *value, size_t len)
{
	char *p;
	if (memchr(value, 0, len)) return JWTAUTH_ERR_CONFIG_VALUE;
	if (!(p = jwtauth__store(cfg, len))) return JWTAUTH_ERR_TOO_LARGE;
	memcpy(p, value, len);
	dst->p = p;
	dst->len = len;
	return 0;
}

/* The error of a store copy, in err. */
static int jwtauth__store_fail(jwtauth_error *err, int rc)
{
	if (rc == JWTAUTH_ERR_CONFIG_VALUE)
		return jwtauth__fail(err, rc, 0, "value holds a NUL byte");
	if (rc == JWTAUTH_ERR_TOO_LARGE)
		return jwtauth__fail(err, rc, 0,
			"config full: JWTAUTH_MAX_CONFIG_LEN bytes or JWTAUTH_MAX_LIST items");
	if (rc != JWTAUTH_OK) return jwtauth__fail(err, rc, 0, "invalid value");
	jwtauth__clear_error(err);
	return JWTAUTH_OK;
}

JWTAUTH_DEF int jwtauth_config_set(jwtauth_config *cfg, jwtauth_str *field,
	const char *value, size_t len, jwtauth_error *err)
{
	if (!cfg || !field || (!value && len))
		return jwtauth__fail(err, JWTAUTH_ERR_ARGUMENT, 0, "NULL argument");
	return jwtauth__store_fail(err, jwtauth__store_copy(cfg, field, value ? value : "", len));
}

typedef struct jwtauth__list_ctx {
	jwtauth_config *cfg;
	jwtauth_str tmp[JWTAUTH_MAX_LIST];
	size_t n;
} jwtauth__list_ctx;

static int jwtauth__list_item(void *vctx, const char *p, size_t len)
{
	jwtauth__list_ctx *c = (jwtauth__list_ctx *)vctx;
	if (c->n >= JWTAUTH_MAX_LIST) return JWTAUTH_ERR_TOO_LARGE;
	return jwtauth__store_copy(c->cfg, &c->tmp[c->n++], p, len);
}

/* The property a list of cfg holds, for messages. */
static const char *jwtauth__list_name(const jwtauth_config *cfg, const jwtauth_str *items)
{
	if (items == cfg->claims.issuers) return "required_issuer";
	if (items == cfg->claims.audiences) return "required_audience";
	if (items == cfg->permitted_groups) return "permitted_groups";
	return "list";
}

JWTAUTH_DEF int jwtauth_config_set_list(jwtauth_config *cfg, jwtauth_str *items,
	size_t *n_items, const char *list, size_t len, jwtauth_error *err)
{
	jwtauth__list_ctx c;
	size_t used, i;
	int rc;
	if (!cfg || !items || !n_items || (!list && len))
		return jwtauth__fail(err, JWTAUTH_ERR_ARGUMENT, 0, "NULL argument");
	used = cfg->used;
	c.cfg = cfg;
	c.n = 0;
	if (len && (rc = jwtauth__split_list(list, len, jwtauth__list_item, &c)) != 0) {
		cfg->used = used; /* give the partial copies back */
		return jwtauth__store_fail(err, rc);
	}
	/* An empty list ("", " , ", ",") would switch its check off: the
	   caller asked for a check, so naming nothing is an error. */
	if (c.n == 0) {
		const char *name = jwtauth__list_name(cfg, items);
		return jwtauth__fail_detail(err, JWTAUTH_ERR_CONFIG_VALUE, 0,
			"empty list: no item, which would switch the check off", name, strlen(name));
	}
	/* the items are replaced only when the whole list fits */
	for (i = 0; i < c.n; i++) items[i] = c.tmp[i];
	*n_items = c.n;
	jwtauth__clear_error(err);
	return JWTAUTH_OK;
}

/* Tokens for one property object (JWTAUTH_MAX_CONFIG_TOKENS, on the
   stack): a flat object of at most eight strings or short arrays. */
#define JWTAUTH__CONFIG_TOKENS JWTAUTH_MAX_CONFIG_TOKENS

enum {
	JWTAUTH__CF_JWKS_URL, JWTAUTH__CF_PRINCIPAL, JWTAUTH__CF_ISSUER,
	JWTAUTH__CF_AUDIENCE, JWTAUTH__CF_TYPE, JWTAUTH__CF_GROUP_PROVIDER,
	JWTAUTH__CF_PERMITTED, JWTAUTH__CF_COMMENT, JWTAUTH__CF_COUNT
};

static const char *const jwtauth__cf_names[JWTAUTH__CF_COUNT] = {
	"jwks_url", "principal_field", "required_issuer", "required_audience",
	"type", "group_provider", "permitted_groups", "comment"
};

/* Copy the unescaped string token t into the store. */
static int jwtauth__cf_string(jwtauth_config *cfg, const char *js,
	const jwtauth_json_tok *t, jwtauth_str *dst)
{
	size_t n = 0;
	char *p;
	if (jwtauth_json_str_copy(js, t, NULL, 0, &n) != 0) return JWTAUTH_ERR_CONFIG_VALUE;
	if (!(p = jwtauth__store(cfg, n))) return JWTAUTH_ERR_TOO_LARGE;
	if (jwtauth_json_str_copy(js, t, p, n, &n) != 0) return JWTAUTH_ERR_CONFIG_VALUE;
	p[n] = 0;
	/* "\u0000" would cut the C string short: refuse it */
	if (memchr(p, 0, n)) return JWTAUTH_ERR_CONFIG_VALUE;
	dst->p = p;
	dst->len = n;
	return 0;
}

/* jwtauth__cf_list: the list names no item (CONFIG_VALUE, own message). */
#define JWTAUTH__CF_EMPTY 1

/* A list member: a comma-separated string (as StarRocks splits it) or a
   JSON array of non-empty strings; at least one item either way. */
static int jwtauth__cf_list(jwtauth_config *cfg, const char *js,
	const jwtauth_json_tok *toks, size_t v, jwtauth_str *items, size_t *n_items)
{
	if (toks[v].type == JWTAUTH_JSON_STRING) {
		jwtauth_str whole;
		size_t used = cfg->used;
		int rc;
		/* unescape into the store first (commas may be escaped), split,
		   then drop the whole string again: the items are copied after it
		   and moved down so no space is lost */
		if ((rc = jwtauth__cf_string(cfg, js, &toks[v], &whole)) != 0) return rc;
		rc = jwtauth_config_set_list(cfg, items, n_items, whole.p, whole.len, NULL);
		/* cf_string refused NUL bytes: CONFIG_VALUE here is the empty list */
		if (rc == JWTAUTH_ERR_CONFIG_VALUE) return JWTAUTH__CF_EMPTY;
		if (rc != 0) return rc;
		{
			size_t moved = cfg->used - (used + whole.len + 1), i;
			memmove(cfg->store + used, cfg->store + used + whole.len + 1, moved);
			for (i = 0; i < *n_items; i++)
				items[i].p -= whole.len + 1;
			cfg->used = used + moved;
		}
		return 0;
	}
	if (toks[v].type == JWTAUTH_JSON_ARRAY) {
		size_t e, n = 0;
		jwtauth_str tmp[JWTAUTH_MAX_LIST];
		int rc;
		for (e = v + 1; e < toks[v].next; e = toks[e].next) {
			if (toks[e].type != JWTAUTH_JSON_STRING) return JWTAUTH_ERR_CONFIG_VALUE;
			if (n >= JWTAUTH_MAX_LIST) return JWTAUTH_ERR_TOO_LARGE;
			if ((rc = jwtauth__cf_string(cfg, js, &toks[e], &tmp[n])) != 0) return rc;
			if (tmp[n].len == 0) return JWTAUTH_ERR_CONFIG_VALUE;
			n++;
		}
		if (n == 0) return JWTAUTH__CF_EMPTY;
		for (e = 0; e < n; e++) items[e] = tmp[e];
		*n_items = n;
		return 0;
	}
	return JWTAUTH_ERR_CONFIG_VALUE;
}

/* Shared by both property parsers. `integration` admits the security
   integration's members and requires its three. */
static int jwtauth__config_parse(jwtauth_config *cfg, const char *json,
	size_t len, int integration, jwtauth_error *err)
{
	jwtauth_json_tok toks[JWTAUTH__CONFIG_TOKENS];
	jwtauth_error e;
	size_t ntoks = 0, i;
	int seen[JWTAUTH__CF_COUNT];
	int rc, m;

	if (!cfg || (!json && len)) return jwtauth__fail(err, JWTAUTH_ERR_ARGUMENT, 0, "NULL argument");
	jwtauth_config_init(cfg);
	memset(seen, 0, sizeof seen);
	rc = jwtauth_json_parse(json ? json : "", len, toks, JWTAUTH__CONFIG_TOKENS, 0, &ntoks, &e);
	if (rc == JWTAUTH_ERR_JSON_TOKENS)
		return jwtauth__fail(err, JWTAUTH_ERR_TOO_LARGE, e.offset, e.msg);
	if (rc != JWTAUTH_OK)
		return jwtauth__fail(err, JWTAUTH_ERR_CONFIG, e.offset, e.msg);
	if (toks[0].type != JWTAUTH_JSON_OBJECT)
		return jwtauth__fail(err, JWTAUTH_ERR_CONFIG, toks[0].start,
			"properties are not a JSON object");
	for (i = 1; i + 1 < ntoks && i < toks[0].next; i = toks[i + 1].next) {
		const jwtauth_json_tok *name = &toks[i], *val = &toks[i + 1];
		const char *nm = json + name->start;
		jwtauth_str *dst = NULL;
		for (m = 0; m < JWTAUTH__CF_COUNT; m++)
			if (jwtauth_json_str_eq(json, name, jwtauth__cf_names[m],
			    strlen(jwtauth__cf_names[m])))
				break;
		if (m == JWTAUTH__CF_COUNT || (!integration && m >= JWTAUTH__CF_TYPE)) {
			/* a failed parse leaves no half-filled config behind */
			jwtauth_config_init(cfg);
			return jwtauth__fail_detail(err, JWTAUTH_ERR_CONFIG_MEMBER, name->start,
				"unknown property", nm, name->len);
		}
		seen[m] = 1;
		switch (m) {
		case JWTAUTH__CF_ISSUER:
			rc = jwtauth__cf_list(cfg, json, toks, i + 1,
				cfg->claims.issuers, &cfg->claims.n_issuers);
			break;
		case JWTAUTH__CF_AUDIENCE:
			rc = jwtauth__cf_list(cfg, json, toks, i + 1,
				cfg->claims.audiences, &cfg->claims.n_audiences);
			break;
		case JWTAUTH__CF_PERMITTED:
			rc = jwtauth__cf_list(cfg, json, toks, i + 1,
				cfg->permitted_groups, &cfg->n_permitted_groups);
			break;
		default:
			if (val->type != JWTAUTH_JSON_STRING) {
				rc = JWTAUTH_ERR_CONFIG_VALUE;
				break;
			}
			if (m == JWTAUTH__CF_TYPE) {
				rc = jwtauth_json_str_eq(json, val, "authentication_jwt", 18)
					? 0 : JWTAUTH_ERR_CONFIG_VALUE;
				break;
			}
			dst = m == JWTAUTH__CF_JWKS_URL ? &cfg->jwks_url
				: m == JWTAUTH__CF_PRINCIPAL ? &cfg->principal_field
				: m == JWTAUTH__CF_GROUP_PROVIDER ? &cfg->group_provider
				: &cfg->comment;
			rc = jwtauth__cf_string(cfg, json, val, dst);
			/* an empty principal field names no claim at all */
			if (rc == 0 && m == JWTAUTH__CF_PRINCIPAL && dst->len == 0)
				rc = JWTAUTH_ERR_CONFIG_VALUE;
			if (rc == 0 && integration && m == JWTAUTH__CF_JWKS_URL && dst->len == 0)
				rc = JWTAUTH_ERR_CONFIG_VALUE;
			break;
		}
		if (rc == JWTAUTH__CF_EMPTY) {
			jwtauth_config_init(cfg);
			return jwtauth__fail_detail(err, JWTAUTH_ERR_CONFIG_VALUE, val->start,
				"empty list: the property names no item, which would switch its check off",
				nm, name->len);
		}
		if (rc != 0) {
			jwtauth_config_init(cfg);
			return jwtauth__fail_detail(err, rc, val->start,
				rc == JWTAUTH_ERR_TOO_LARGE ? "properties exceed JWTAUTH_MAX_CONFIG_LEN or JWTAUTH_MAX_LIST"
				: "property of the wrong type or value", nm, name->len);
		}
	}
	if (integration) {
		static const int required[3] = {
			JWTAUTH__CF_TYPE, JWTAUTH__CF_JWKS_URL, JWTAUTH__CF_PRINCIPAL
		};
		for (m = 0; m < 3; m++)
			if (!seen[required[m]]) {
				const char *rn = jwtauth__cf_names[required[m]];
				jwtauth_config_init(cfg);
				return jwtauth__fail_detail(err, JWTAUTH_ERR_CONFIG_MISSING, 0,
					"required integration property missing", rn, strlen(rn));
			}
		cfg->is_integration = 1;
	}
	jwtauth__clear_error(err);
	return JWTAUTH_OK;
}

JWTAUTH_DEF int jwtauth_config_parse(jwtauth_config *cfg, const char *json,
	size_t len, jwtauth_error *err)
{
	return jwtauth__config_parse(cfg, json, len, 0, err);
}

JWTAUTH_DEF int jwtauth_integration_parse(jwtauth_config *cfg,
	const char *json, size_t len, jwtauth_error *err)
{
	return jwtauth__config_parse(cfg, json, len, 1, err);
}

/* ---------------------------------------------------- MySQL auth response */

/* Only NUL bytes may follow the token (some clients pad the response). */
static int jwtauth__nul_tail(const uint8_t *p, size_t from, size_t len, size_t *bad)
{
	size_t i;
	for (i = from; i < len; i++)
		if (p[i] != 0) {
			*bad = i;
			return 0;
		}
	return 1;
}

JWTAUTH_DEF int jwtauth_mysql_auth_token(const uint8_t *resp, size_t len,
	jwtauth_response_kind kind, const char **token, size_t *token_len,
	jwtauth_error *err)
{
	uint64_t n;
	size_t hdr, pos, bad = 0, i;
	if (token) *token = NULL;
	if (token_len) *token_len = 0;
	if ((!resp && len) || !token || !token_len)
		return jwtauth__fail(err, JWTAUTH_ERR_ARGUMENT, 0, "NULL argument");
	if (kind == JWTAUTH_RESPONSE_AUTO) {
		if (len == 0)
			return jwtauth__fail(err, JWTAUTH_ERR_TOKEN_SIZE, 0, "empty auth response");
		/* every compact JWS starts with "ey" (base64url of '{"') */
		kind = resp[0] == 'e' ? JWTAUTH_RESPONSE_BARE : JWTAUTH_RESPONSE_OPENID;
	}
	if (kind == JWTAUTH_RESPONSE_BARE) {
		while (len > 0 && resp[len - 1] == 0) len--;
		if (len == 0)
			return jwtauth__fail(err, JWTAUTH_ERR_TOKEN_SIZE, 0, "empty token");
		if (len > JWTAUTH_MAX_TOKEN_LEN)
			return jwtauth__fail(err, JWTAUTH_ERR_TOKEN_SIZE, JWTAUTH_MAX_TOKEN_LEN,
				"token longer than JWTAUTH_MAX_TOKEN_LEN");
		*token = (const char *)resp;
		*token_len = len;
		jwtauth__clear_error(err);
		return JWTAUTH_OK;
	}
	if (kind != JWTAUTH_RESPONSE_OPENID)
		return jwtauth__fail(err, JWTAUTH_ERR_ARGUMENT, 0, "unknown response kind");
	/* authentication_openid_connect_client: a capability byte, then a
	   length-encoded string (MySQL protocol basics, "Length-Encoded
	   Integer": < 0xFB itself, 0xFC/0xFD/0xFE + 2/3/8 bytes LE) */
	if (len < 2)
		return jwtauth__fail(err, JWTAUTH_ERR_AUTH_RESPONSE, len,
			"auth response truncated before the token length");
	switch (resp[1]) {
	case 0xFB: case 0xFF:
		return jwtauth__fail(err, JWTAUTH_ERR_AUTH_RESPONSE, 1,
			"0xFB/0xFF is not a length prefix");
	case 0xFC: hdr = 2; break;
	case 0xFD: hdr = 3; break;
	case 0xFE: hdr = 8; break;
	default: hdr = 0; break;
	}
	pos = 2;
	if (hdr > len - pos)
		return jwtauth__fail(err, JWTAUTH_ERR_AUTH_RESPONSE, len,
			"auth response truncated inside the token length");
	if (hdr == 0) {
		n = resp[1];
	} else {
		n = 0;
		for (i = hdr; i-- > 0;) n = (n << 8) | resp[pos + i];
		pos += hdr;
	}
	/* compared as uint64: a huge 8-byte length never wraps a size_t */
	if (n == 0)
		return jwtauth__fail(err, JWTAUTH_ERR_TOKEN_SIZE, pos, "empty token");
	if (n > (uint64_t)JWTAUTH_MAX_TOKEN_LEN)
		return jwtauth__fail(err, JWTAUTH_ERR_TOKEN_SIZE, 1,
			"token length over JWTAUTH_MAX_TOKEN_LEN");
	if (n > (uint64_t)(len - pos))
		return jwtauth__fail(err, JWTAUTH_ERR_AUTH_RESPONSE, len,
			"auth response shorter than the token length");
	if (!jwtauth__nul_tail(resp, pos + (size_t)n, len, &bad))
		return jwtauth__fail(err, JWTAUTH_ERR_AUTH_RESPONSE, bad,
			"bytes after the token");
	*token = (const char *)(resp + pos);
	*token_len = (size_t)n;
	jwtauth__clear_error(err);
	return JWTAUTH_OK;
}

/* ------------------------------------------------------------- the login */

static int jwtauth__ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* Add the unescaped string token t as a group, unless it is empty or
   holds a NUL (it could then never be named; ignoring a group only ever
   takes rights away). */
static int jwtauth__add_group(jwtauth_login *out, size_t *used,
	const jwtauth_json_tok *t)
{
	size_t n = 0;
	char *p;
	if (jwtauth_json_str_copy(out->jwt.payload, t, NULL, 0, &n) != 0) return 0;
	if (n == 0) return 0;
	if (out->n_groups >= JWTAUTH_MAX_GROUPS || n >= sizeof out->group_store - *used)
		return JWTAUTH_ERR_TOO_LARGE;
	p = out->group_store + *used;
	if (jwtauth_json_str_copy(out->jwt.payload, t, p, n, &n) != 0) return 0;
	if (memchr(p, 0, n)) return 0;
	p[n] = 0;
	*used += n + 1;
	out->groups[out->n_groups].p = p;
	out->groups[out->n_groups].len = n;
	out->n_groups++;
	return 0;
}

/* Everything after jwtauth_verify: principal, user match, groups,
   permitted groups. out->jwt holds a verified token and its claims. */
static int jwtauth__login_checks(const jwtauth_config *cfg, const char *user,
	size_t user_len, jwtauth_login *out, jwtauth_error *err)
{
	const char *pf;
	size_t pf_len, i;
	const jwtauth_json_tok *t;
	long idx;
	int rc;

	/* the principal: a JSON string, NUL-free, non-empty (an empty name
	   must never become a session user) */
	pf = cfg->principal_field.p;
	pf_len = cfg->principal_field.len;
	if (!pf || pf_len == 0) {
		pf = "sub";
		pf_len = 3;
	}
	idx = jwtauth_claim_find(&out->jwt, pf, pf_len);
	if (idx < 0)
		return jwtauth__fail_detail(err, JWTAUTH_ERR_PRINCIPAL_MISSING, 0,
			"principal claim missing", pf, pf_len);
	t = &out->jwt.toks[idx];
	if (t->type != JWTAUTH_JSON_STRING)
		return jwtauth__fail_detail(err, JWTAUTH_ERR_PRINCIPAL_TYPE, t->start,
			"principal claim is not a string", pf, pf_len);
	if (jwtauth_json_str_copy(out->jwt.payload, t, out->principal,
	    JWTAUTH_MAX_PRINCIPAL_LEN, &out->principal_len) != JWTAUTH_OK) {
		out->principal[0] = 0;
		out->principal_len = 0;
		return jwtauth__fail_detail(err, JWTAUTH_ERR_PRINCIPAL_TYPE, t->start,
			"principal longer than JWTAUTH_MAX_PRINCIPAL_LEN", pf, pf_len);
	}
	out->principal[out->principal_len] = 0;
	if (out->principal_len == 0 || memchr(out->principal, 0, out->principal_len)) {
		out->principal[0] = 0;
		out->principal_len = 0;
		return jwtauth__fail_detail(err, JWTAUTH_ERR_PRINCIPAL_TYPE, t->start,
			"principal empty or holds a NUL", pf, pf_len);
	}
	/* StarRocks compares the user name case-insensitively; only ASCII
	   letters fold, other bytes must be equal */
	if (user) {
		int same = user_len == out->principal_len;
		for (i = 0; same && i < user_len; i++)
			same = jwtauth__ascii_lower((unsigned char)user[i])
				== jwtauth__ascii_lower((unsigned char)out->principal[i]);
		if (!same) {
			jwtauth__fail_detail(err, JWTAUTH_ERR_PRINCIPAL_MISMATCH, t->start,
				"principal does not match the user", pf, pf_len);
			jwtauth__err_value(err, out->principal, out->principal_len);
			jwtauth__err_expected(err, user, user_len);
			return JWTAUTH_ERR_PRINCIPAL_MISMATCH;
		}
	}

	/* groups (StarRocks jwt group provider): an array gives every string
	   element, a string one group, anything else none */
	if (cfg->groups_claim.p && cfg->groups_claim.len > 0) {
		size_t used = 0;
		rc = 0;
		idx = jwtauth_claim_find_dotted(&out->jwt, cfg->groups_claim.p,
			cfg->groups_claim.len);
		if (idx >= 0) {
			const jwtauth_json_tok *pt = JWTAUTH__PTOKS(&out->jwt);
			size_t r = (size_t)idx - out->jwt.payload_tok, e;
			if (pt[r].type == JWTAUTH_JSON_STRING) {
				rc = jwtauth__add_group(out, &used, &pt[r]);
			} else if (pt[r].type == JWTAUTH_JSON_ARRAY) {
				for (e = r + 1, rc = 0; rc == 0 && e < pt[r].next; e = pt[e].next)
					if (pt[e].type == JWTAUTH_JSON_STRING)
						rc = jwtauth__add_group(out, &used, &pt[e]);
			}
			if (rc != 0)
				return jwtauth__fail_detail(err, JWTAUTH_ERR_TOO_LARGE, pt[r].start,
					"more groups than JWTAUTH_MAX_GROUPS or group_store holds",
					cfg->groups_claim.p, cfg->groups_claim.len);
		}
	}
	if (cfg->n_permitted_groups > 0) {
		size_t g, np = cfg->n_permitted_groups < JWTAUTH_MAX_LIST
			? cfg->n_permitted_groups : JWTAUTH_MAX_LIST;
		int ok = 0;
		for (g = 0; !ok && g < out->n_groups; g++)
			for (i = 0; !ok && i < np; i++)
				ok = cfg->permitted_groups[i].p
					&& cfg->permitted_groups[i].len == out->groups[g].len
					&& memcmp(cfg->permitted_groups[i].p, out->groups[g].p,
						out->groups[g].len) == 0;
		if (!ok)
			return jwtauth__fail(err, JWTAUTH_ERR_GROUP, 0,
				"no group of the token is in permitted_groups");
	}
	jwtauth__clear_error(err);
	return JWTAUTH_OK;
}

/* jwtauth_verify's body with the policy by pointer (no copy of the
   config's lists), defined after the verified-token cache. */
static int jwtauth__verify(const jwtauth_keyset *ks, unsigned algs,
	const jwtauth_claims_policy *policy, unsigned flags,
	struct jwtauth_token_cache *tc, const char *token, size_t token_len,
	int64_t now, jwtauth_jwt *out, jwtauth_claims *claims, jwtauth_error *err);

JWTAUTH_DEF int jwtauth_authenticate(const jwtauth_config *cfg,
	const jwtauth_keyset *ks, struct jwtauth_token_cache *tc,
	const char *user, size_t user_len,
	const uint8_t *auth_response, size_t response_len,
	jwtauth_response_kind kind, int64_t now, jwtauth_login *out,
	jwtauth_error *err)
{
	const char *token = NULL;
	size_t token_len = 0;
	int rc;

	if (!cfg || !ks || !out || (!user && user_len))
		return jwtauth__fail(err, JWTAUTH_ERR_ARGUMENT, 0, "NULL argument");
	out->cache_hit = 0;
	out->keys_stale = 0;
	out->keys_refresh_error = JWTAUTH_OK;
	out->keys_unavailable = 0;
	out->principal[0] = 0;
	out->principal_len = 0;
	out->n_groups = 0;
	memset(&out->claims, 0, sizeof out->claims);

	rc = jwtauth_mysql_auth_token(auth_response, response_len, kind,
		&token, &token_len, err);
	if (rc != JWTAUTH_OK) return rc;
	/* StarRocks: exp is checked when present, not required (the config
	   may require it through claims.required) */
	rc = jwtauth__verify(ks, cfg->algs, &cfg->claims, JWTAUTH_VERIFY_EXP_OPTIONAL,
		tc, token, token_len, now, &out->jwt, &out->claims, err);
	out->cache_hit = out->jwt.cache_hit;
	if (rc != JWTAUTH_OK) return rc;
	return jwtauth__login_checks(cfg, user, user_len, out, err);
}

/* ======================================================================
   VERIFIED-TOKEN CACHE
   Caller memory, no heap; the caller's lock hooks, if any. An entry
   binds: the exact token bytes (64-bit hash to find it, then a full
   comparison), the key set's id (jwtauth_keyset.id, a fingerprint of
   every entry) and the algorithm allowlist. A hit skips the signature's
   decoding and check only; the header rules, the key's fitness, the
   claims (exp/nbf/iat against `now`, iss, aud), the principal match and
   the groups run every time. The lock covers probes and stores only; a
   signature check never runs under it.
   Placement: a token may live in JWTAUTH__TC_WAYS consecutive slots from
   hash % n (the whole array when n <= JWTAUTH__TC_WAYS); the least
   recently used of those is replaced. Lookups are O(WAYS), never O(n).
   ====================================================================== */

#ifndef JWTAUTH__TC_WAYS
#define JWTAUTH__TC_WAYS 8
#endif

static uint64_t jwtauth__tc_load64(const char *p)
{
	uint64_t w;
	memcpy(&w, p, 8);
	return w;
}

static uint64_t jwtauth__tc_mix(uint64_t h)
{
	/* MurmurHash3's 64-bit finaliser */
	h ^= h >> 33;
	h *= UINT64_C(0xff51afd7ed558ccd);
	h ^= h >> 33;
	h *= UINT64_C(0xc4ceb9fe1a85ec53);
	h ^= h >> 33;
	return h;
}

/* Fast non-cryptographic 64-bit hash of the token bytes: four independent
   multiply-xorshift lanes over 8-byte words (32 bytes per round, so the
   multiplier latency overlaps). Only finds the slot; a hit also needs the
   full byte comparison. Never 0 (0 marks an empty slot). */
static uint64_t jwtauth__tc_hash(const char *p, size_t n)
{
	const uint64_t k1 = UINT64_C(0x9e3779b97f4a7c15), k2 = UINT64_C(0xc2b2ae3d27d4eb4f);
	const uint64_t k3 = UINT64_C(0x165667b19e3779f9), k4 = UINT64_C(0xd6e8feb86659fd93);
	uint64_t a = UINT64_C(0x243f6a8885a308d3) ^ (uint64_t)n;
	uint64_t b = UINT64_C(0x13198a2e03707344), c = UINT64_C(0xa4093822299f31d0);
	uint64_t d = UINT64_C(0x082efa98ec4e6c89), tail = 0;
	size_t i = 0;
	for (; i + 32 <= n; i += 32) {
		a = (a ^ jwtauth__tc_load64(p + i)) * k1;
		b = (b ^ jwtauth__tc_load64(p + i + 8)) * k2;
		c = (c ^ jwtauth__tc_load64(p + i + 16)) * k3;
		d = (d ^ jwtauth__tc_load64(p + i + 24)) * k4;
		a ^= a >> 29;
		b ^= b >> 31;
		c ^= c >> 27;
		d ^= d >> 33;
	}
	for (; i + 8 <= n; i += 8) {
		a = (a ^ jwtauth__tc_load64(p + i)) * k1;
		a ^= a >> 29;
	}
	if (i < n) memcpy(&tail, p + i, n - i);
	b = (b ^ tail) * k2;
	a ^= (b >> 32) ^ (b << 32);
	a ^= (c >> 21) ^ (c << 43);
	a ^= (d >> 11) ^ (d << 53);
	a = jwtauth__tc_mix(a);
	return a ? a : 1;
}

/* Equality of two byte strings of length n, without an early exit (8
   bytes at a time): a probe never learns how long a prefix matched. */
static int jwtauth__tc_eq(const char *x, const char *y, size_t n)
{
	uint64_t d = 0, e = 0;
	size_t i = 0;
	for (; i + 16 <= n; i += 16) {
		d |= jwtauth__tc_load64(x + i) ^ jwtauth__tc_load64(y + i);
		e |= jwtauth__tc_load64(x + i + 8) ^ jwtauth__tc_load64(y + i + 8);
	}
	d |= e;
	for (; i + 8 <= n; i += 8)
		d |= jwtauth__tc_load64(x + i) ^ jwtauth__tc_load64(y + i);
	for (; i < n; i++)
		d |= (uint64_t)(unsigned char)(x[i] ^ y[i]);
	return d == 0;
}

static void jwtauth__tc_lock(jwtauth_token_cache *tc)
{
	if (tc->lock) tc->lock(tc->lock_user);
}

static void jwtauth__tc_unlock(jwtauth_token_cache *tc)
{
	if (tc->unlock) tc->unlock(tc->lock_user);
}

JWTAUTH_DEF void jwtauth_token_cache_init(jwtauth_token_cache *tc,
	jwtauth_token_cache_entry *entries, size_t n)
{
	if (!tc) return;
	tc->entries = entries;
	tc->n_entries = entries ? n : 0;
	tc->tick = 0;
	tc->hits = tc->misses = 0;
	tc->lock = tc->unlock = NULL;
	tc->lock_user = NULL;
	jwtauth_token_cache_clear(tc);
}

JWTAUTH_DEF void jwtauth_token_cache_set_lock(jwtauth_token_cache *tc,
	jwtauth_lock_fn lock, jwtauth_lock_fn unlock, void *user)
{
	if (!tc) return;
	/* both or neither: a lock without its unlock would deadlock */
	if (!lock || !unlock) lock = unlock = NULL;
	tc->lock = lock;
	tc->unlock = unlock;
	tc->lock_user = user;
}

JWTAUTH_DEF void jwtauth_token_cache_clear(jwtauth_token_cache *tc)
{
	size_t i;
	if (!tc || !tc->entries) return;
	jwtauth__tc_lock(tc);
	/* the stored tokens are bearer credentials: wipe them */
	for (i = 0; i < tc->n_entries; i++)
		jwtauth__wipe(&tc->entries[i], sizeof tc->entries[i]);
	jwtauth__tc_unlock(tc);
}

JWTAUTH_DEF void jwtauth_token_cache_stats(jwtauth_token_cache *tc,
	uint64_t *hits, uint64_t *misses)
{
	if (!tc) {   /* no cache: zero counts */
		if (hits) *hits = 0;
		if (misses) *misses = 0;
		return;
	}
	jwtauth__tc_lock(tc);
	if (hits) *hits = tc->hits;
	if (misses) *misses = tc->misses;
	jwtauth__tc_unlock(tc);
}

/* The slot holding (token, ks id, algs), or NULL (lock held). */
static jwtauth_token_cache_entry *jwtauth__tc_find(jwtauth_token_cache *tc,
	uint64_t h, const char *token, size_t token_len, uint64_t ks_id,
	unsigned algs)
{
	size_t n = tc->n_entries, ways = n < JWTAUTH__TC_WAYS ? n : JWTAUTH__TC_WAYS;
	size_t s = (size_t)(h % n), i;
	for (i = 0; i < ways; i++) {
		jwtauth_token_cache_entry *e = &tc->entries[(s + i) % n];
		if (e->hash == h && e->token_len == token_len && e->keyset_id == ks_id
		    && e->algs == algs && jwtauth__tc_eq(e->token, token, token_len))
			return e;
	}
	return NULL;
}

/* Remember a token whose signature verified with ks->keys[key_index]
   (lock held). */
static void jwtauth__tc_store(jwtauth_token_cache *tc, uint64_t h,
	const char *token, size_t token_len, uint64_t ks_id, unsigned algs,
	int key_index)
{
	size_t n = tc->n_entries, ways = n < JWTAUTH__TC_WAYS ? n : JWTAUTH__TC_WAYS;
	size_t s = (size_t)(h % n), i;
	jwtauth_token_cache_entry *victim = NULL;
	for (i = 0; i < ways; i++) {
		jwtauth_token_cache_entry *e = &tc->entries[(s + i) % n];
		if (e->hash == 0) { victim = e; break; }
		if (!victim || e->last_used < victim->last_used) victim = e;
	}
	if (victim->token_len > token_len)
		jwtauth__wipe(victim->token + token_len, victim->token_len - token_len);
	memcpy(victim->token, token, token_len);
	victim->token_len = token_len;
	victim->hash = h;
	victim->keyset_id = ks_id;
	victim->algs = algs;
	victim->key_index = key_index;
	victim->last_used = ++tc->tick;
}

/* ======================================================================
   VERIFY: signature and claims in one call
   ====================================================================== */

JWTAUTH_DEF void jwtauth_verify_options_init(jwtauth_verify_options *opts,
	unsigned algs)
{
	if (!opts) return;
	memset(opts, 0, sizeof *opts);
	opts->algs = algs;
}

/* The signature step, through the verified-token cache when there is one. */
static int jwtauth__verify_sig(const jwtauth_keyset *ks, unsigned algs,
	jwtauth_token_cache *tc, const char *token, size_t token_len,
	jwtauth_jwt *out, jwtauth_error *err)
{
	uint64_t h = 0;
	int cacheable = tc && tc->entries && tc->n_entries > 0 && token && out
		&& token_len <= JWTAUTH_TOKEN_CACHE_MAX_TOKEN;
	int rc;
	if (!tc)
		return jwtauth_jws_verify_signature_only(ks, token, token_len, algs, out, err);
	if (!cacheable) {
		jwtauth__tc_lock(tc);
		tc->misses++;
		jwtauth__tc_unlock(tc);
		return jwtauth_jws_verify_signature_only(ks, token, token_len, algs, out, err);
	}
	if (!ks) return jwtauth__fail(err, JWTAUTH_ERR_ARGUMENT, 0, "NULL argument");
	h = jwtauth__tc_hash(token, token_len);
	{
		jwtauth_token_cache_entry *e;
		int found = 0;
		size_t key_index = 0;
		jwtauth__tc_lock(tc);
		e = jwtauth__tc_find(tc, h, token, token_len, ks->id, algs);
		if (e) {
			found = 1;
			key_index = (size_t)e->key_index;
			e->last_used = ++tc->tick;
		}
		jwtauth__tc_unlock(tc);
		if (found) {
			rc = jwtauth__jws_decode_cached(ks, token, token_len, algs,
				key_index, out, err);
			jwtauth__tc_lock(tc);
			if (rc == JWTAUTH_OK) {
				tc->hits++;
			} else {
				/* the set changed under the same id: forget the entry
				   and take the full path, which reports */
				e = jwtauth__tc_find(tc, h, token, token_len, ks->id, algs);
				if (e) jwtauth__wipe(e, sizeof *e);
			}
			jwtauth__tc_unlock(tc);
			if (rc == JWTAUTH_OK) {
				out->cache_hit = 1;
				return JWTAUTH_OK;
			}
		}
	}
	jwtauth__tc_lock(tc);
	tc->misses++;
	jwtauth__tc_unlock(tc);
	rc = jwtauth_jws_verify_signature_only(ks, token, token_len, algs, out, err);
	if (rc != JWTAUTH_OK) return rc;
	/* the signature verified: cache it even if the claims fail now (they
	   are evaluated again on every hit; nbf may become valid later) */
	if (out->key >= ks->keys && out->key < ks->keys + ks->count) {
		jwtauth__tc_lock(tc);
		if (!jwtauth__tc_find(tc, h, token, token_len, ks->id, algs))
			jwtauth__tc_store(tc, h, token, token_len, ks->id, algs,
				(int)(out->key - ks->keys));
		jwtauth__tc_unlock(tc);
	}
	return JWTAUTH_OK;
}

static int jwtauth__verify(const jwtauth_keyset *ks, unsigned algs,
	const jwtauth_claims_policy *policy, unsigned flags,
	struct jwtauth_token_cache *tc, const char *token, size_t token_len,
	int64_t now, jwtauth_jwt *out, jwtauth_claims *claims, jwtauth_error *err)
{
	int rc;
	if (claims) memset(claims, 0, sizeof *claims);
	rc = jwtauth__verify_sig(ks, algs, tc, token, token_len, out, err);
	if (rc != JWTAUTH_OK) return rc;
	return jwtauth__claims_check(out, policy,
		(flags & JWTAUTH_VERIFY_EXP_OPTIONAL) ? 0u : JWTAUTH_CLAIM_EXP,
		now, claims, err);
}

JWTAUTH_DEF int jwtauth_verify(const jwtauth_keyset *ks,
	const jwtauth_verify_options *opts, struct jwtauth_token_cache *tc,
	const char *token, size_t token_len, int64_t now, jwtauth_jwt *out,
	jwtauth_claims *claims, jwtauth_error *err)
{
	if (!opts) return jwtauth__fail(err, JWTAUTH_ERR_ARGUMENT, 0, "NULL options");
	return jwtauth__verify(ks, opts->algs, &opts->claims, opts->flags, tc,
		token, token_len, now, out, claims, err);
}

/* ======================================================================
   KEY SOURCES AND THE KEY-SET CACHE
   ====================================================================== */

/* http:// or https://, scheme in any case (RFC 3986 3.1). */
static int jwtauth__is_url(const char *s, size_t len)
{
	static const char http[] = "http://", https[] = "https://";
	size_t i;
	int is_http = len >= 7, is_https = len >= 8;
	for (i = 0; i < 8 && i < len; i++) {
		char c = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
		if (i < 7 && c != http[i]) is_http = 0;
		if (c != https[i]) is_https = 0;
	}
	return is_http || is_https;
}

JWTAUTH_DEF int jwtauth_source_resolve(const char *conf_dir,
	const char *jwks_url, size_t len, char *path, size_t cap, int *is_url,
	jwtauth_error *err)
{
	size_t i, start, dir_len;
	if (!jwks_url || !path || !is_url)
		return jwtauth__fail(err, JWTAUTH_ERR_ARGUMENT, 0, "NULL argument");
	*is_url = 0;
	if (len == 0) return jwtauth__fail(err, JWTAUTH_ERR_CONFIG_PATH, 0, "empty jwks_url");
	if (len > JWTAUTH_MAX_SOURCE_LEN)
		return jwtauth__fail(err, JWTAUTH_ERR_CONFIG_PATH, JWTAUTH_MAX_SOURCE_LEN,
			"jwks_url longer than JWTAUTH_MAX_SOURCE_LEN");
	if (memchr(jwks_url, 0, len))
		return jwtauth__fail(err, JWTAUTH_ERR_CONFIG_PATH, 0, "jwks_url holds a NUL byte");
	if (jwtauth__is_url(jwks_url, len)) {
		if (len + 1 > cap)
			return jwtauth__fail(err, JWTAUTH_ERR_BUFFER_TOO_SMALL, 0, "path buffer too small");
		memcpy(path, jwks_url, len);
		path[len] = 0;
		*is_url = 1;
		jwtauth__clear_error(err);
		return JWTAUTH_OK;
	}
	/* A file: confined to the conf directory (StarRocks: fe/conf), which
	   StarRocks does not enforce. */
	if (!conf_dir || !conf_dir[0])
		return jwtauth__fail(err, JWTAUTH_ERR_CONFIG_PATH, 0,
			"a file jwks_url needs a conf directory");
	if (jwks_url[0] == '/')
		return jwtauth__fail(err, JWTAUTH_ERR_CONFIG_PATH, 0,
			"absolute jwks_url path: name a file under the conf directory");
	for (i = 0, start = 0; i <= len; i++) {
		if (i < len && jwks_url[i] == '\\')
			return jwtauth__fail(err, JWTAUTH_ERR_CONFIG_PATH, i, "backslash in jwks_url path");
		if (i == len || jwks_url[i] == '/') {
			size_t n = i - start;
			/* empty components ("a//b", "a/") and ".." are refused; "." is
			   harmless but refused too, so each name has one spelling */
			if (n == 0 || (n == 1 && jwks_url[start] == '.')
			    || (n == 2 && jwks_url[start] == '.' && jwks_url[start + 1] == '.'))
				return jwtauth__fail(err, JWTAUTH_ERR_CONFIG_PATH, start,
					"jwks_url path component empty, '.' or '..'");
			start = i + 1;
		}
	}
	dir_len = strlen(conf_dir);
	while (dir_len > 1 && conf_dir[dir_len - 1] == '/') dir_len--;
	if (dir_len + 1 + len + 1 > cap)
		return jwtauth__fail(err, JWTAUTH_ERR_BUFFER_TOO_SMALL, 0, "path buffer too small");
	memcpy(path, conf_dir, dir_len);
	path[dir_len] = '/';
	memcpy(path + dir_len + 1, jwks_url, len);
	path[dir_len + 1 + len] = 0;
	jwtauth__clear_error(err);
	return JWTAUTH_OK;
}

#ifndef JWTAUTH_NO_STDIO
/* The cause of a failed open or read, from errno. */
static const char *jwtauth__file_cause(int e, int reading)
{
#ifdef EISDIR
	if (e == EISDIR) return JWTAUTH__TEXT("is a directory");
#endif
#ifdef ENOENT
	if (e == ENOENT) return JWTAUTH__TEXT("no such file");
#endif
#ifdef EACCES
	if (e == EACCES) return JWTAUTH__TEXT("permission denied");
#endif
#ifdef ENOTDIR
	if (e == ENOTDIR) return JWTAUTH__TEXT("a component of the path is not a directory");
#endif
	return reading ? JWTAUTH__TEXT("read error") : JWTAUTH__TEXT("cannot be opened");
}

/* Fail with the role in detail and the path in value. */
static int jwtauth__file_fail(jwtauth_error *err, int code, size_t offset,
	const char *cause, const char *role, const char *path)
{
	jwtauth__fail_detail(err, code, offset, cause, role, strlen(role));
	jwtauth__err_value(err, path, strlen(path));
	return code;
}

JWTAUTH_DEF int jwtauth_file_read(const char *path, const char *role,
	char *buf, size_t cap, size_t *len, jwtauth_error *err)
{
	FILE *f;
	size_t n = 0, got;
	char extra;
	if (!path || !len || (!buf && cap))
		return jwtauth__fail(err, JWTAUTH_ERR_ARGUMENT, 0, "NULL argument");
	if (!role) role = "file";
	*len = 0;
	errno = 0;
	f = fopen(path, "rb");
	if (!f) return jwtauth__file_fail(err, JWTAUTH_ERR_IO, 0,
		jwtauth__file_cause(errno, 0), role, path);
	errno = 0;
	while (n < cap && (got = fread(buf + n, 1, cap - n, f)) > 0) n += got;
	/* one byte more tells an oversized file from one that fits exactly */
	if (n == cap && fread(&extra, 1, 1, f) == 1) {
		long size = -1;
		if (fseek(f, 0, SEEK_END) == 0) size = ftell(f);
		fclose(f);
		jwtauth__file_fail(err, JWTAUTH_ERR_TOO_LARGE, cap,
			"larger than the limit", role, path);
		if (err) {
			err->size = size > 0 ? (int64_t)size : 0;
			err->limit = (int64_t)cap;
		}
		return JWTAUTH_ERR_TOO_LARGE;
	}
	if (ferror(f)) {
		int e = errno;
		fclose(f);
		return jwtauth__file_fail(err, JWTAUTH_ERR_IO, n,
			jwtauth__file_cause(e, 1), role, path);
	}
	fclose(f);
	*len = n;
	jwtauth__clear_error(err);
	return JWTAUTH_OK;
}
#endif

#ifndef JWTAUTH_NO_MALLOC

/* ==== KEY FILE READ, SIZED TO THE FILE ==== */
#ifndef JWTAUTH_NO_STDIO
/* Read a key file into a block of JWTAUTH_MALLOC sized to the file (one
   byte more, which tells a file grown since its size was taken), at most
   `max` bytes, with the errors of jwtauth_file_read: a refresh does not
   allocate and wipe the whole limit for a small file. A file whose size
   cannot be taken (a pipe) or that grew is read again into a block of
   `max` bytes. On return *out (possibly NULL) is the block and *cap its
   size, to wipe and free whatever the result. */
static int jwtauth__file_read_sized(const char *path, size_t max, char **out,
	size_t *cap, size_t *len, jwtauth_error *err)
{
	static const char role[] = "key file";
	FILE *f;
	long size = -1;
	size_t want, n = 0, got;
	char *buf;
	int ch;
	*out = NULL; *cap = 0; *len = 0;
	errno = 0;
	f = fopen(path, "rb");
	if (!f) return jwtauth__file_fail(err, JWTAUTH_ERR_IO, 0,
		jwtauth__file_cause(errno, 0), role, path);
	/* one byte first: a directory fails here, as in jwtauth_file_read,
	   before a size that means nothing */
	errno = 0;
	ch = getc(f);
	if (ch == EOF && ferror(f)) {
		int e = errno;
		fclose(f);
		return jwtauth__file_fail(err, JWTAUTH_ERR_IO, 0, jwtauth__file_cause(e, 1), role, path);
	}
	if (fseek(f, 0, SEEK_END) == 0) size = ftell(f);
	if (size >= 0 && (uint64_t)size > (uint64_t)max) {
		fclose(f);
		jwtauth__file_fail(err, JWTAUTH_ERR_TOO_LARGE, max, "larger than the limit", role, path);
		if (err) {
			err->size = (int64_t)size;
			err->limit = (int64_t)max;
		}
		return JWTAUTH_ERR_TOO_LARGE;
	}
	if (size >= 0 && fseek(f, 0, SEEK_SET) == 0) {
		want = (size_t)size + 1;
		buf = (char *)JWTAUTH_MALLOC(NULL, want);
		if (!buf) {
			fclose(f);
			return jwtauth__fail(err, JWTAUTH_ERR_NOMEM, 0, "out of memory for the key document");
		}
		errno = 0;
		while (n < want && (got = fread(buf + n, 1, want - n, f)) > 0) n += got;
		if (ferror(f)) {
			int e = errno;
			fclose(f);
			*out = buf; *cap = want;
			return jwtauth__file_fail(err, JWTAUTH_ERR_IO, n, jwtauth__file_cause(e, 1), role, path);
		}
		fclose(f);
		if (n <= (size_t)size) {   /* the same size, or shrunk meanwhile */
			*out = buf; *cap = want; *len = n;
			jwtauth__clear_error(err);
			return JWTAUTH_OK;
		}
		jwtauth__wipe(buf, want);  /* grew: read again, up to the limit */
		JWTAUTH_FREE(NULL, buf);
	} else {
		fclose(f);
	}
	buf = (char *)JWTAUTH_MALLOC(NULL, max);
	if (!buf) return jwtauth__fail(err, JWTAUTH_ERR_NOMEM, 0, "out of memory for the key document");
	*out = buf; *cap = max;
	return jwtauth_file_read(path, role, buf, max, len, err);
}
#endif

/* An immutable key set shared by readers. `refs` counts the cache's own
   reference (while current) plus each outstanding jwtauth_keys_ref. */
typedef struct jwtauth__snapshot {
	jwtauth_keyset ks;
	size_t refs;
} jwtauth__snapshot;

typedef struct jwtauth__source {
	char name[JWTAUTH_MAX_SOURCE_LEN + 1];
	size_t name_len;
	jwtauth__snapshot *current;   /* NULL until the first good load */
	int64_t expires_at;           /* fresh while now < expires_at */
	int64_t retry_after;          /* no fetch before this after a failure */
	int64_t kid_refresh_at;       /* last refresh caused by an unknown kid */
	int has_kid_refresh;
	int refreshing;               /* a fetch is in flight (single flight) */
	int last_error;               /* code of the last failed refresh */
} jwtauth__source;

struct jwtauth_cache {
	jwtauth_cache_options opt;
	char conf_dir[JWTAUTH_MAX_SOURCE_LEN + 1];
	jwtauth__source sources[JWTAUTH_CACHE_MAX_SOURCES];
	size_t n_sources;
	jwtauth_cache_stats stats;
};

static void jwtauth__cache_lock(jwtauth_cache *c)
{
	if (c->opt.lock) c->opt.lock(c->opt.lock_user);
}

static void jwtauth__cache_unlock(jwtauth_cache *c)
{
	if (c->opt.unlock) c->opt.unlock(c->opt.lock_user);
}

/* Drop one reference; the last one wipes and frees (lock held). */
static void jwtauth__snapshot_put(jwtauth_cache *c, jwtauth__snapshot *snap)
{
	if (!snap || --snap->refs > 0) return;
	jwtauth_keyset_wipe(&snap->ks);
	JWTAUTH_FREE(NULL, snap);
	c->stats.snapshots_live--;
}

JWTAUTH_DEF jwtauth_cache *jwtauth_cache_new(const jwtauth_cache_options *opts,
	jwtauth_error *err)
{
	jwtauth_cache *c;
	size_t n = 0;
	if (opts && opts->conf_dir) {
		n = strlen(opts->conf_dir);
		if (n > JWTAUTH_MAX_SOURCE_LEN) {
			jwtauth__fail(err, JWTAUTH_ERR_CONFIG_PATH, JWTAUTH_MAX_SOURCE_LEN,
				"conf_dir longer than JWTAUTH_MAX_SOURCE_LEN");
			return NULL;
		}
	}
	if (opts && (!opts->lock) != (!opts->unlock)) {
		jwtauth__fail(err, JWTAUTH_ERR_ARGUMENT, 0, "lock without unlock, or unlock without lock");
		return NULL;
	}
	c = (jwtauth_cache *)JWTAUTH_MALLOC(NULL, sizeof(jwtauth_cache));
	if (!c) {
		jwtauth__fail(err, JWTAUTH_ERR_NOMEM, 0, "out of memory for the key-set cache");
		return NULL;
	}
	memset(c, 0, sizeof *c);
	if (opts) c->opt = *opts;
	/* keep our own copy of the directory name */
	if (opts && opts->conf_dir) {
		memcpy(c->conf_dir, opts->conf_dir, n + 1);
		c->opt.conf_dir = c->conf_dir;
	}
	if (c->opt.ttl <= 0) c->opt.ttl = JWTAUTH_CACHE_TTL;
	if (c->opt.min_ttl <= 0) c->opt.min_ttl = JWTAUTH_CACHE_MIN_TTL;
	if (c->opt.max_ttl <= 0) c->opt.max_ttl = JWTAUTH_CACHE_MAX_TTL;
	if (c->opt.min_ttl > c->opt.max_ttl) c->opt.min_ttl = c->opt.max_ttl;
	if (c->opt.cooldown <= 0) c->opt.cooldown = JWTAUTH_CACHE_COOLDOWN;
	if (c->opt.max_stale <= 0) c->opt.max_stale = JWTAUTH_CACHE_MAX_STALE;
	if (c->opt.max_document == 0 || c->opt.max_document > JWTAUTH_MAX_JWKS_LEN)
		c->opt.max_document = JWTAUTH_MAX_JWKS_LEN;
	jwtauth__clear_error(err);
	return c;
}

JWTAUTH_DEF void jwtauth_cache_free(jwtauth_cache *cache)
{
	size_t i;
	if (!cache) return;
	/* Every jwtauth_keys_ref must have been released before. */
	for (i = 0; i < cache->n_sources; i++) {
		jwtauth__snapshot *s = cache->sources[i].current;
		if (s) {
			jwtauth_keyset_wipe(&s->ks);
			JWTAUTH_FREE(NULL, s);
		}
	}
	jwtauth__wipe(cache, sizeof *cache);
	JWTAUTH_FREE(NULL, cache);
}

JWTAUTH_DEF void jwtauth_cache_get_stats(jwtauth_cache *cache, jwtauth_cache_stats *st)
{
	if (!st) return;
	if (!cache) {   /* no cache: all zero, never stale values */
		memset(st, 0, sizeof *st);
		return;
	}
	jwtauth__cache_lock(cache);
	*st = cache->stats;
	jwtauth__cache_unlock(cache);
}

/* a + b for b >= 0, saturating: times and options come from the caller. */
static int64_t jwtauth__time_add(int64_t a, int64_t b)
{
	return a > JWTAUTH__INT64_MAX - b ? JWTAUTH__INT64_MAX : a + b;
}

/* Fetch or read the document and parse it into a new snapshot, with the
   lock released (the slow part). Returns the snapshot or NULL. */
static jwtauth__snapshot *jwtauth__cache_load(jwtauth_cache *c, const char *name,
	size_t name_len, int64_t *max_age, int *code, jwtauth_error *err)
{
	char path[2 * JWTAUTH_MAX_SOURCE_LEN + 2];
	jwtauth__snapshot *snap = NULL;
	size_t len = 0, cap = 0;
	int is_url = 0, rc;
	char *buf;
	*max_age = -1;
	rc = jwtauth_source_resolve(c->opt.conf_dir, name, name_len, path, sizeof path,
		&is_url, err);
	if (rc != JWTAUTH_OK) { *code = rc; return NULL; }
	buf = NULL;
	if (is_url) {
		/* a body's size is unknown before the fetch: the whole limit */
		buf = (char *)JWTAUTH_MALLOC(NULL, c->opt.max_document);
		cap = c->opt.max_document;
		if (!buf)
			rc = jwtauth__fail(err, JWTAUTH_ERR_NOMEM, 0, "out of memory for the key document");
		else if (!c->opt.fetch) {
			rc = jwtauth__fail(err, JWTAUTH_ERR_NO_FETCH, 0,
				"URL key source without a fetch callback");
		} else {
			rc = c->opt.fetch(c->opt.fetch_user, path, buf, c->opt.max_document, &len, max_age);
			if (rc == JWTAUTH_OK && len > c->opt.max_document)
				rc = JWTAUTH_ERR_TOO_LARGE;
			if (rc != JWTAUTH_OK)
				rc = jwtauth__fail(err, rc < 0 ? rc : JWTAUTH_ERR_IO, 0,
					rc == JWTAUTH_ERR_TOO_LARGE ? JWTAUTH__TEXT("fetched key document too large")
					: JWTAUTH__TEXT("fetching the key document failed"));
		}
	} else {
#ifndef JWTAUTH_NO_STDIO
		rc = jwtauth__file_read_sized(path, c->opt.max_document, &buf, &cap, &len, err);
#else
		rc = jwtauth__fail(err, JWTAUTH_ERR_IO, 0, "file key sources need stdio");
#endif
	}
	if (rc == JWTAUTH_OK) {
		snap = (jwtauth__snapshot *)JWTAUTH_MALLOC(NULL, sizeof(jwtauth__snapshot));
		if (!snap)
			rc = jwtauth__fail(err, JWTAUTH_ERR_NOMEM, 0, "out of memory for a key set");
	}
	if (rc == JWTAUTH_OK) {
		rc = jwtauth_keyset_parse(&snap->ks, buf, len, err);
		snap->refs = 1;
		if (rc != JWTAUTH_OK) {
			jwtauth_keyset_wipe(&snap->ks);
			JWTAUTH_FREE(NULL, snap);
			snap = NULL;
		}
	}
	/* an oct key set is secret: no copy outlives the parse. All of the
	   buffer, since a failed read or fetch may have filled it anyway. */
	if (buf) {
		jwtauth__wipe(buf, cap);
		JWTAUTH_FREE(NULL, buf);
	}
	*code = rc;
	return snap;
}

/* 1 when some entry of the set (usable or not) has this kid. */
static int jwtauth__keyset_has_kid(const jwtauth_keyset *ks, const char *kid, size_t len)
{
	size_t i;
	for (i = 0; i < ks->count; i++)
		if (ks->keys[i].has_kid && ks->keys[i].kid_len == len
		    && memcmp(ks->keys[i].kid, kid, len) == 0)
			return 1;
	return 0;
}

/* The slot of a source, created on first use. When the table is full, a
   source that never loaded, is not being fetched and whose back-off has
   passed is reused, so sources that keep failing cannot lock others out. */
static jwtauth__source *jwtauth__cache_source(jwtauth_cache *c, const char *name,
	size_t len, int64_t now)
{
	size_t i;
	jwtauth__source *s = NULL;
	for (i = 0; i < c->n_sources; i++)
		if (c->sources[i].name_len == len && memcmp(c->sources[i].name, name, len) == 0)
			return &c->sources[i];
	if (c->n_sources < JWTAUTH_CACHE_MAX_SOURCES) {
		s = &c->sources[c->n_sources++];
	} else {
		for (i = 0; i < c->n_sources && !s; i++)
			if (!c->sources[i].current && !c->sources[i].refreshing
			    && now >= c->sources[i].retry_after)
				s = &c->sources[i];
		if (!s) return NULL;
	}
	memset(s, 0, sizeof *s);
	s->retry_after = JWTAUTH__INT64_MIN;   /* may fetch at any `now` */
	memcpy(s->name, name, len);
	s->name[len] = 0;
	s->name_len = len;
	return s;
}

JWTAUTH_DEF int jwtauth_cache_acquire(jwtauth_cache *cache, const char *source,
	size_t source_len, const char *kid, size_t kid_len, int64_t now,
	jwtauth_keys_ref *ref, jwtauth_error *err)
{
	jwtauth__source *src;
	int tried = 0, loaded = 0;
	if (!cache || !source || !ref)
		return jwtauth__fail(err, JWTAUTH_ERR_ARGUMENT, 0, "NULL argument");
	ref->keys = NULL; ref->snapshot = NULL; ref->stale = 0;
	if (source_len == 0 || source_len > JWTAUTH_MAX_SOURCE_LEN || memchr(source, 0, source_len))
		return jwtauth__fail(err, JWTAUTH_ERR_CONFIG_PATH, 0, "invalid key source name");
	jwtauth__cache_lock(cache);
	src = jwtauth__cache_source(cache, source, source_len, now);
	if (!src) {
		jwtauth__cache_unlock(cache);
		return jwtauth__fail(err, JWTAUTH_ERR_TOO_LARGE, 0,
			"more key sources than JWTAUTH_CACHE_MAX_SOURCES");
	}
	for (;;) {
		jwtauth__snapshot *snap = src->current, *fresh;
		/* a set this call just loaded is served even if its TTL is 0 */
		int expired = !snap || (now >= src->expires_at && !loaded);
		/* an unknown kid may mean a rotation: refresh, at most once per
		   cooldown, so random kids cannot become a stream of fetches */
		int kid_refresh = snap && kid && !tried
			&& !jwtauth__keyset_has_kid(&snap->ks, kid, kid_len)
			&& (!src->has_kid_refresh
			    || now >= jwtauth__time_add(src->kid_refresh_at, cache->opt.cooldown));
		int may_fetch = !tried && now >= src->retry_after;
		int64_t max_age = -1;
		int code = JWTAUTH_OK;
		jwtauth_error ferr;

		if ((!expired && !kid_refresh) || (!may_fetch && snap
		    && now < jwtauth__time_add(src->expires_at, cache->opt.max_stale))) {
			/* serve the current set (fresh, or stale after a failure) */
			if (!snap) break;
			snap->refs++;
			ref->snapshot = snap;
			ref->keys = &snap->ks;
			ref->stale = expired;
			if (expired) {
				cache->stats.stale_served++;
				jwtauth__fail(err, src->last_error, 0, src->last_error
					? JWTAUTH__TEXT("key set past its TTL, refreshing it failed: serving the previous set")
					: JWTAUTH__TEXT("key set past its TTL, another thread is refreshing it: serving the current set"));
			} else {
				jwtauth__clear_error(err);
			}
			jwtauth__cache_unlock(cache);
			return JWTAUTH_OK;
		}
		if (!may_fetch) break;
		if (src->refreshing) {
			/* single flight: another thread is fetching this source. A
			   caller that can use the current set (past its TTL, within
			   max_stale, its kid known) is served it without blocking;
			   only callers that need the new set (none loaded, or an
			   unknown kid) wait, and without a wait hook they get the
			   current set if there is one. */
			if (snap && now < jwtauth__time_add(src->expires_at, cache->opt.max_stale)
			    && (!kid_refresh || !cache->opt.wait)) {
				tried = 1;
				continue;
			}
			if (!cache->opt.wait) break;
			jwtauth__cache_unlock(cache);
			cache->opt.wait(cache->opt.lock_user);
			jwtauth__cache_lock(cache);
			/* the slot may have been reused meanwhile: look it up again */
			src = jwtauth__cache_source(cache, source, source_len, now);
			if (!src) {
				jwtauth__cache_unlock(cache);
				return jwtauth__fail(err, JWTAUTH_ERR_TOO_LARGE, 0,
					"more key sources than JWTAUTH_CACHE_MAX_SOURCES");
			}
			continue;
		}
		src->refreshing = 1;
		if (kid_refresh) {
			src->has_kid_refresh = 1;
			src->kid_refresh_at = now;
			cache->stats.refreshes_unknown_kid++;
		}
		cache->stats.fetches++;
		jwtauth__cache_unlock(cache);
		fresh = jwtauth__cache_load(cache, src->name, src->name_len, &max_age, &code, &ferr);
		jwtauth__cache_lock(cache);
		src->refreshing = 0;
		tried = 1;
		if (fresh) {
			int64_t ttl = max_age >= 0 ? max_age : cache->opt.ttl;
			if (max_age >= 0 && ttl < cache->opt.min_ttl) ttl = cache->opt.min_ttl;
			if (ttl > cache->opt.max_ttl) ttl = cache->opt.max_ttl;
			/* publish: readers of the old snapshot keep it until release */
			jwtauth__snapshot_put(cache, src->current);
			src->current = fresh;
			src->expires_at = jwtauth__time_add(now, ttl);
			src->retry_after = JWTAUTH__INT64_MIN;
			src->last_error = JWTAUTH_OK;
			cache->stats.snapshots_live++;
			loaded = 1;
			continue;
		}
		/* failed: back off for a cooldown before fetching again */
		cache->stats.fetch_failures++;
		src->last_error = code;
		src->retry_after = jwtauth__time_add(now, cache->opt.cooldown);
		if (err) *err = ferr;
		if (snap && now < jwtauth__time_add(src->expires_at, cache->opt.max_stale)) continue;
		jwtauth__cache_unlock(cache);
		return code;
	}
	/* nothing to serve */
	{
		int code = src->last_error ? src->last_error : JWTAUTH_ERR_IO;
		const char *why = src->refreshing
			? (src->current ? JWTAUTH__TEXT("key set too stale, another thread is refreshing it (no wait hook)")
			                : JWTAUTH__TEXT("key set not loaded yet, another thread is loading it (no wait hook)"))
			: src->current ? JWTAUTH__TEXT("key set too stale: refreshes keep failing")
			: JWTAUTH__TEXT("key set not loaded: the last attempt failed (retried after the cooldown)");
		jwtauth__cache_unlock(cache);
		return jwtauth__fail(err, code, 0, why);
	}
}

JWTAUTH_DEF void jwtauth_cache_release(jwtauth_cache *cache, jwtauth_keys_ref *ref)
{
	if (!cache || !ref || !ref->snapshot) return;
	jwtauth__cache_lock(cache);
	jwtauth__snapshot_put(cache, (jwtauth__snapshot *)ref->snapshot);
	jwtauth__cache_unlock(cache);
	ref->snapshot = NULL;
	ref->keys = NULL;
}

JWTAUTH_DEF int jwtauth_authenticate_cached(jwtauth_cache *cache,
	const jwtauth_config *cfg, struct jwtauth_token_cache *tc,
	const char *user, size_t user_len,
	const uint8_t *auth_response, size_t response_len,
	jwtauth_response_kind kind, int64_t now, jwtauth_login *out,
	jwtauth_error *err)
{
	jwtauth_keys_ref ref;
	char kid[JWTAUTH_MAX_KID_LEN + 1];
	size_t kid_len = 0, tok_len = 0;
	const char *tok = NULL;
	int has_kid, rc, stale, refresh_error;
	if (!cache || !cfg || !out) return jwtauth__fail(err, JWTAUTH_ERR_ARGUMENT, 0, "NULL argument");
	out->keys_stale = 0;
	out->keys_refresh_error = JWTAUTH_OK;
	out->keys_unavailable = 0;
	if (!cfg->jwks_url.p || cfg->jwks_url.len == 0)
		return jwtauth__fail(err, JWTAUTH_ERR_CONFIG_MISSING, 0, "config has no jwks_url");
	/* The token's kid (unverified: only used to pick when to refresh). */
	rc = jwtauth_mysql_auth_token(auth_response, response_len, kind, &tok, &tok_len, err);
	if (rc != JWTAUTH_OK) return rc;
	rc = jwtauth_jws_decode_unverified(tok, tok_len, &out->jwt, err);
	if (rc != JWTAUTH_OK) return rc;
	has_kid = out->jwt.has_kid;
	if (has_kid) {
		kid_len = out->jwt.kid_len;
		memcpy(kid, out->jwt.kid, kid_len + 1);
	}
	rc = jwtauth_cache_acquire(cache, cfg->jwks_url.p, cfg->jwks_url.len,
		has_kid ? kid : NULL, kid_len, now, &ref, err);
	if (rc != JWTAUTH_OK) {
		out->keys_unavailable = 1;
		return rc;
	}
	stale = ref.stale;
	refresh_error = stale && err ? err->code : JWTAUTH_OK;
	rc = jwtauth_authenticate(cfg, ref.keys, tc, user, user_len, auth_response,
		response_len, kind, now, out, err);
	out->keys_stale = stale;
	out->keys_refresh_error = refresh_error;
	jwtauth_cache_release(cache, &ref);
	/* the key pointed into the snapshot, which may now be gone */
	out->jwt.key = NULL;
	return rc;
}

#endif /* JWTAUTH_NO_MALLOC */


#endif /* JWTAUTH_IMPLEMENTATION */

/*
------------------------------------------------------------------------------
This software is available under the MIT License.
------------------------------------------------------------------------------
Copyright (c) 2026 the jwtauth.h authors
Permission is hereby granted, free of charge, to any person obtaining a copy of
this software and associated documentation files (the "Software"), to deal in
the Software without restriction, including without limitation the rights to
use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies
of the Software, and to permit persons to whom the Software is furnished to do
so, subject to the following conditions:
The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.
THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
------------------------------------------------------------------------------
*/
