/* jwtauth.h - v0.1 - JWT authentication for database logins, on BearSSL
                                    no warranty implied; use at your own risk

   Do this:
      #define JWTAUTH_IMPLEMENTATION
   before you include this file in *one* C or C++ file to create the
   implementation. Link with BearSSL (-lbearssl). Nothing else is needed.

   WHAT IT DOES
      Verifies compact JWS tokens (HS/RS/PS/ES 256/384/512) against a JWKS,
      a single JWK or a PEM public key / X.509 certificate, validates the JWT
      claims, and runs the StarRocks `authentication_jwt` login flow: the
      per-user properties, principal mapping, issuers, audiences, groups and
      the MySQL auth-response framing.

   QUICK EXAMPLE
      static jwtauth_keyset keys;                   // ~ 23 KB, no heap
      jwtauth_error err;
      jwtauth_keyset_parse(&keys, jwks_text, jwks_len, &err);

      jwtauth_config cfg;
      jwtauth_config_parse(&cfg, props_json, props_len, &err);

      jwtauth_login login;                          // ~ 22 KB, on the stack
      int rc = jwtauth_authenticate(&cfg, &keys, "tom", 3,
                                    auth_response, auth_response_len,
                                    JWTAUTH_RESPONSE_AUTO, now, &login, &err);
      if (rc == JWTAUTH_OK) printf("hello %s\n", login.principal);
      else printf("refused: %s (%s)\n", jwtauth_strerror(rc), err.msg);

   MEMORY
      The library never calls malloc. Every object lives in a struct the
      caller declares (stack, static or its own heap). The sizes are compile-
      time constants (see LIMITS); `sizeof` tells them. Nothing holds a
      pointer into the caller's input after a call returns, except where a
      function says so (jwtauth_mysql_auth_token returns a slice of its input).
      Stack use of the deepest call (jwtauth_keyset_parse) is dominated by
      its JSON token array: JWTAUTH_MAX_JWKS_TOKENS * 16 bytes.

   THREADS
      No globals, no thread-locals. Every function is reentrant; a keyset or
      config may be shared read-only between threads once loaded.

   COMPILE-TIME OPTIONS (define before including, in every file that
   includes the header, because they change struct sizes)
      JWTAUTH_STATIC            make every function static to the file
      JWTAUTH_MAX_TOKEN_LEN     longest compact token accepted (8192)
      JWTAUTH_MAX_JSON_DEPTH    deepest JSON nesting accepted (32)
      JWTAUTH_MAX_JSON_TOKENS   JSON values per token header+payload (512)
      JWTAUTH_MAX_JWKS_TOKENS   JSON values per key document (1024)
      JWTAUTH_MAX_JWKS_LEN      largest key document (1 MiB)
      JWTAUTH_MAX_KEYS          entries per key set, usable or not (32)
      JWTAUTH_MAX_KID_LEN       longest kid kept (128)
      JWTAUTH_MAX_RSA_BITS      largest RSA modulus (4096, BearSSL's limit)
      JWTAUTH_MIN_RSA_BITS      smallest RSA modulus (2048, RFC 7518 3.3)
      JWTAUTH_MAX_HMAC_KEY_LEN  longest oct key (512 bytes)
      JWTAUTH_MAX_CONFIG_LEN    bytes of strings a config may hold (4096)
      JWTAUTH_MAX_LIST          items in an issuer/audience/group list (16)
      JWTAUTH_MAX_PRINCIPAL_LEN longest principal (256)
      JWTAUTH_MAX_GROUPS        groups kept per login (32)
      JWTAUTH_NO_ERROR_STRINGS  jwtauth_strerror returns "" (smaller code)
      JWTAUTH_NO_STDIO          no file reader (jwtauth_file_read)
      JWTAUTH_NO_MALLOC         no key-set cache (the only allocating part)
      JWTAUTH_MALLOC(ctx,size) / JWTAUTH_FREE(ctx,ptr)
                                heap hooks for the cache (define both; only
                                needed in the implementation file)
      JWTAUTH_TOKEN_CACHE_MAX_TOKEN, JWTAUTH_CACHE_* (see those sections)

   SECURITY POLICY (details in README.md)
      - `alg: none` is never accepted, in any spelling; `alg` must be in the
        caller's allowlist before any key is looked at.
      - Keys never come from the token: jku, x5u, jwk, x5c are ignored.
      - `crit` is rejected (no extension is understood yet).
      - A key's `alg`, `use`, `key_ops`, type and curve must fit the token.
      - Strict RFC 8259 JSON (duplicate names rejected after unescaping),
        strict base64url (no padding, canonical trailing bits).
      - HMAC tags are compared in constant time; copied secrets are wiped.

   See end of file for license information.
*/

#ifndef JWTAUTH_H_INCLUDE
#define JWTAUTH_H_INCLUDE

#define JWTAUTH_VERSION_MAJOR 0
#define JWTAUTH_VERSION_MINOR 1
#define JWTAUTH_VERSION_STRING "0.1"

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
	JWTAUTH_ERR_IO = -4,               /* file could not be read */
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
	/* JWS (RFC 7515) */
	JWTAUTH_ERR_TOKEN_SIZE = -60,      /* token empty or over MAX_TOKEN_LEN */
	JWTAUTH_ERR_TOKEN_FORMAT = -61,    /* not three base64url parts */
	JWTAUTH_ERR_HEADER = -62,          /* header not a JSON object / bad member */
	JWTAUTH_ERR_ALG_NONE = -63,        /* alg none (any spelling) */
	JWTAUTH_ERR_ALG_UNKNOWN = -64,     /* alg not supported */
	JWTAUTH_ERR_ALG_NOT_ALLOWED = -65, /* alg not in the allowlist */
	JWTAUTH_ERR_CRIT = -66,            /* crit or b64 extension present */
	JWTAUTH_ERR_KID_UNKNOWN = -67,     /* no key with the token's kid */
	JWTAUTH_ERR_KID_AMBIGUOUS = -68,   /* several usable keys share the kid */
	JWTAUTH_ERR_NO_KEY = -69,          /* no key of the set fits the alg */
	JWTAUTH_ERR_KEY_UNFIT = -70,       /* the kid's key cannot verify this alg */
	JWTAUTH_ERR_SIGNATURE = -71,       /* signature invalid */
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
	/* configuration (distinct from token rejections) */
	JWTAUTH_ERR_CONFIG = -100,         /* properties not a JSON object */
	JWTAUTH_ERR_CONFIG_MEMBER = -101,  /* unknown member (named in err) */
	JWTAUTH_ERR_CONFIG_VALUE = -102,   /* member of wrong type or value */
	JWTAUTH_ERR_CONFIG_MISSING = -103, /* required member absent */
	JWTAUTH_ERR_CONFIG_PATH = -104,    /* jwks path absolute or escapes conf */
	/* MySQL auth response */
	JWTAUTH_ERR_AUTH_RESPONSE = -120   /* framing truncated or inconsistent */
};

/* Details of a failure. Every field is set by a failing call that takes
   one (pass NULL when not wanted). `msg` is a static string naming the
   precise reason; `offset` is a byte offset into the input named by the
   function's doc (the JSON text, the token, the key document), or 0;
   `detail`/`detail_len` name a member or claim when it helps (points into
   the caller's input or into a static string). */
typedef struct jwtauth_error {
	int code;
	size_t offset;
	const char *msg;
	const char *detail;
	size_t detail_len;
} jwtauth_error;

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
	JWTAUTH_ALG_COUNT
} jwtauth_alg;

/* Allowlists are bit sets of JWTAUTH_ALG_BIT(alg). 0 means "all twelve". */
#define JWTAUTH_ALG_BIT(a) (1u << (unsigned)(a))
#define JWTAUTH_ALGS_HMAC (JWTAUTH_ALG_BIT(JWTAUTH_ALG_HS256) | \
	JWTAUTH_ALG_BIT(JWTAUTH_ALG_HS384) | JWTAUTH_ALG_BIT(JWTAUTH_ALG_HS512))
#define JWTAUTH_ALGS_ALL (((1u << JWTAUTH_ALG_COUNT) - 1u) & ~1u)

/* "RS256" -> JWTAUTH_ALG_RS256; exact, case-sensitive; unknown -> 0. */
JWTAUTH_DEF jwtauth_alg jwtauth_alg_from_name(const char *name, size_t len);
/* JWTAUTH_ALG_RS256 -> "RS256"; unknown -> "". */
JWTAUTH_DEF const char *jwtauth_alg_name(jwtauth_alg alg);
/* Parse "RS256, ES256" (comma list, spaces around items ignored) into a
   bit set. An unknown name is JWTAUTH_ERR_ALG_UNKNOWN. */
JWTAUTH_DEF int jwtauth_algs_parse(const char *list, size_t len,
	unsigned *out_algs, jwtauth_error *err);

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
   when cap is 0 (then only validates and reports the length). */
JWTAUTH_DEF int jwtauth_b64url_decode(const char *in, size_t in_len,
	uint8_t *out, size_t cap, size_t *out_len, jwtauth_error *err);
/* Encode `in`; writes no NUL. */
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
   err->offset is the byte offset of the error. */
JWTAUTH_DEF int jwtauth_json_parse(const char *js, size_t len,
	jwtauth_json_tok *toks, size_t max_toks, size_t max_depth,
	size_t *ntoks, jwtauth_error *err);

/* Index of the member value named `name` in object token `obj`, or -1.
   The name is compared after unescaping, byte-exact. */
JWTAUTH_DEF long jwtauth_json_get(const char *js, const jwtauth_json_tok *toks,
	size_t ntoks, size_t obj, const char *name, size_t name_len);
/* 1 when string token `tok` unescapes to exactly (s, len), else 0. */
JWTAUTH_DEF int jwtauth_json_str_eq(const char *js, const jwtauth_json_tok *tok,
	const char *s, size_t len);
/* Unescape string token `tok` into out (UTF-8, no NUL written). With
   out == NULL and cap == 0 only *out_len is computed. */
JWTAUTH_DEF int jwtauth_json_str_copy(const char *js, const jwtauth_json_tok *tok,
	char *out, size_t cap, size_t *out_len);

/* ======================================================================
   KEYS: JWK, JWKS, PEM (SubjectPublicKeyInfo, PKCS#1) and X.509
   A key set holds up to JWTAUTH_MAX_KEYS entries. Unusable entries are
   kept with `status` < 0 (the reason) so callers can report them; they
   never take part in verification. Key material is decoded and
   precomputed at load: BearSSL key structures, HMAC inner/outer states.
   ====================================================================== */
typedef enum jwtauth_kty {
	JWTAUTH_KTY_NONE = 0, JWTAUTH_KTY_RSA, JWTAUTH_KTY_EC, JWTAUTH_KTY_OCT
} jwtauth_kty;

/* key_ops bits (RFC 7517 4.3) */
#define JWTAUTH_KEYOP_SIGN   0x01u
#define JWTAUTH_KEYOP_VERIFY 0x02u
#define JWTAUTH_KEYOP_OTHER  0x80u  /* encrypt, wrapKey, ... */

typedef enum jwtauth_use {
	JWTAUTH_USE_ABSENT = 0, JWTAUTH_USE_SIG, JWTAUTH_USE_OTHER
} jwtauth_use;

/* BearSSL engines used to verify. Any NULL member means BearSSL's
   *_get_default() choice (measured fastest here: i62 RSA, m31 EC), so a
   newer BearSSL is picked up automatically; set members to plug another
   implementation (a faster build, a hardware engine). */
typedef struct jwtauth_engines {
	br_rsa_pkcs1_vrfy rsa_pkcs1_vrfy;   /* RS256/384/512 */
	br_rsa_public rsa_public;           /* PS256/384/512 (raw s^e mod n) */
	br_ecdsa_vrfy ecdsa_vrfy;           /* ES*: raw r||s verification */
	const br_ec_impl *ec;               /* ES*: curve arithmetic */
} jwtauth_engines;

typedef struct jwtauth_key {
	int status;            /* JWTAUTH_OK, or why the key is unusable */
	const jwtauth_engines *engines; /* NULL: BearSSL defaults */
	uint8_t kty;           /* jwtauth_kty */
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
		} rsa;
		struct {                       /* EC: uncompressed point */
			unsigned char q[133];
			size_t q_len;
			int curve;                     /* BR_EC_secp256r1, ... */
			const br_ec_impl *impl;        /* engine chosen at load */
		} ec;
		struct {                       /* oct: only precomputed states */
			br_hmac_key_context hmac[3];   /* SHA-256, -384, -512 */
			size_t key_len;                /* raw secret length */
		} oct;
	} u;
} jwtauth_key;

typedef struct jwtauth_keyset {
	uint64_t id;           /* fingerprint of the usable key material (set by
	                          every load or add); binds cached verdicts */
	size_t count;          /* entries in keys[], usable or not */
	size_t usable;         /* entries with status == JWTAUTH_OK */
	uint8_t kind;          /* JWTAUTH_KTY_OCT for a secret set, else RSA/EC */
	jwtauth_key keys[JWTAUTH_MAX_KEYS];
} jwtauth_keyset;

/* Empty set. */
JWTAUTH_DEF void jwtauth_keyset_init(jwtauth_keyset *ks);
/* Wipe every secret and empty the set. Call before releasing its memory. */
JWTAUTH_DEF void jwtauth_keyset_wipe(jwtauth_keyset *ks);

/* Load a key document: a JWKS ({"keys":[...]}), one JWK, or PEM text
   holding PUBLIC KEY / RSA PUBLIC KEY / CERTIFICATE blocks (the format is
   detected). Replaces the set's contents. Keys that cannot be used are
   kept with their reason; the call fails only when the document itself is
   invalid, has more than JWTAUTH_MAX_KEYS entries, mixes oct and
   asymmetric keys, or holds no usable key (JWTAUTH_ERR_KEYSET_EMPTY; the
   entries are still filled in for reporting). err->offset is a byte offset
   into `doc`. Uses JWTAUTH_MAX_JWKS_TOKENS * 16 bytes of stack. */
JWTAUTH_DEF int jwtauth_keyset_parse(jwtauth_keyset *ks, const char *doc,
	size_t len, jwtauth_error *err);

/* Verify this set's keys with `engines` (caller memory that must outlive
   the set; NULL restores the defaults). Call after loading: a reload
   resets every key to the defaults. An EC engine that lacks a key's curve
   is ignored for that key. */
JWTAUTH_DEF void jwtauth_keyset_set_engines(jwtauth_keyset *ks,
	const jwtauth_engines *engines);

/* Build one key directly (no JSON): appends to the set. Used by tests,
   benchmarks and callers holding raw key material. `alg` may be 0.
   curve is BR_EC_secp256r1, BR_EC_secp384r1 or BR_EC_secp521r1; q is the
   uncompressed point (0x04 || X || Y). The same checks as for a JWK apply;
   a refused key is not appended and its reason returned. */
JWTAUTH_DEF int jwtauth_keyset_add_rsa(jwtauth_keyset *ks, const uint8_t *n,
	size_t n_len, const uint8_t *e, size_t e_len, jwtauth_alg alg,
	const char *kid, size_t kid_len);
JWTAUTH_DEF int jwtauth_keyset_add_ec(jwtauth_keyset *ks, int curve,
	const uint8_t *q, size_t q_len, jwtauth_alg alg,
	const char *kid, size_t kid_len);
JWTAUTH_DEF int jwtauth_keyset_add_oct(jwtauth_keyset *ks, const uint8_t *k,
	size_t k_len, jwtauth_alg alg, const char *kid, size_t kid_len);

/* ======================================================================
   SIGNATURES: one primitive check, no JOSE framing
   ====================================================================== */
/* Verify `sig` over `msg` with one key and one algorithm. Checks that the
   key fits the algorithm (type, curve, HMAC key length, RSA size) but not
   the key's alg/use/key_ops members (jwtauth_jws_verify does that).
   Returns JWTAUTH_OK, JWTAUTH_ERR_SIGNATURE or JWTAUTH_ERR_KEY_UNFIT.
   Not constant-time for public keys (nothing secret); constant-time tag
   comparison for HMAC. */
JWTAUTH_DEF int jwtauth_sig_verify(const jwtauth_key *key, jwtauth_alg alg,
	const uint8_t *msg, size_t msg_len, const uint8_t *sig, size_t sig_len);

/* ======================================================================
   JWS COMPACT VERIFICATION (RFC 7515) and the decoded JWT
   Order of checks, fixed: token size -> three parts -> header JSON ->
   alg (none, unknown, allowlist) -> crit -> key selection -> signature.
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
	   jwtauth_jws_verify parses only the header (payload_ntoks == 0);
	   jwtauth_claims_check parses the payload into the remaining slots, so
	   the payload tokens' `next` fields count from toks + payload_tok
	   (jwtauth_claim_find returns absolute indices into toks). */
	size_t header_ntoks, payload_tok, payload_ntoks;
	jwtauth_json_tok toks[JWTAUTH_MAX_JSON_TOKENS];
	char buf[JWTAUTH_MAX_TOKEN_LEN + 2];   /* storage for header/payload */
} jwtauth_jwt;

/* Verify the signature of a compact JWS. `algs` is the allowlist (0 = all
   twelve). On success `out` holds the header, the verified payload bytes
   and the key used; the payload is not interpreted (jwtauth_claims_check
   parses it). err->offset is a byte offset into the token. */
JWTAUTH_DEF int jwtauth_jws_verify(const jwtauth_keyset *ks, const char *token,
	size_t token_len, unsigned algs, jwtauth_jwt *out, jwtauth_error *err);

/* Decode header and payload WITHOUT verifying (jwtauth inspect). Never use
   the result for a decision. The payload is parsed as JSON when it is. */
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
   seconds). Fills `claims` when not NULL. err->detail names the claim. */
JWTAUTH_DEF int jwtauth_claims_check(jwtauth_jwt *jwt,
	const jwtauth_claims_policy *policy, int64_t now,
	jwtauth_claims *claims, jwtauth_error *err);

/* Look a claim up: `path` is a top-level name, or, when it starts with
   '/', an RFC 6901 JSON Pointer (~0, ~1, array indices). Returns the token
   index or -1. The payload must have been parsed (claims_check does). */
JWTAUTH_DEF long jwtauth_claim_find(const jwtauth_jwt *jwt,
	const char *path, size_t path_len);
/* Same with a dot-separated path ("realm_access.roles"). */
JWTAUTH_DEF long jwtauth_claim_find_dotted(const jwtauth_jwt *jwt,
	const char *path, size_t path_len);

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
	unsigned algs;                /* allowlist, 0 = all twelve */
	struct jwtauth_token_cache *token_cache; /* optional verified-token
	                                 cache; NULL (the default) = off */
	int is_integration;           /* parsed by jwtauth_integration_parse */
	size_t used;                  /* bytes of store[] in use */
	char store[JWTAUTH_MAX_CONFIG_LEN];
} jwtauth_config;

/* A config holds pointers into its own store: do not copy it by value.
   Defaults: principal_field "sub", everything else empty. */
JWTAUTH_DEF void jwtauth_config_init(jwtauth_config *cfg);
/* Parse the CREATE USER property object: string members jwks_url,
   principal_field, required_issuer, required_audience (the two lists a
   comma-separated string, or a JSON array of strings). Unknown members are
   JWTAUTH_ERR_CONFIG_MEMBER with err->detail naming them. */
JWTAUTH_DEF int jwtauth_config_parse(jwtauth_config *cfg, const char *json,
	size_t len, jwtauth_error *err);
/* Parse security-integration properties (a JSON object of strings): type
   (must be "authentication_jwt"), jwks_url and principal_field required,
   required_issuer, required_audience, group_provider, permitted_groups,
   comment. */
JWTAUTH_DEF int jwtauth_integration_parse(jwtauth_config *cfg,
	const char *json, size_t len, jwtauth_error *err);
/* Set a string member / list by hand (copied into the store). A list is
   split on commas, whitespace around items dropped. */
JWTAUTH_DEF int jwtauth_config_set(jwtauth_config *cfg, jwtauth_str *field,
	const char *value, size_t len);
JWTAUTH_DEF int jwtauth_config_set_list(jwtauth_config *cfg, jwtauth_str *items,
	size_t *n_items, const char *list, size_t len);

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

/* Find the token in an auth response. *token points into `resp`. */
JWTAUTH_DEF int jwtauth_mysql_auth_token(const uint8_t *resp, size_t len,
	jwtauth_response_kind kind, const char **token, size_t *token_len,
	jwtauth_error *err);

/* ======================================================================
   ONE-CALL AUTHENTICATION (the StarRocks flow)
   auth response -> token -> signature (cfg->algs) -> claims (cfg->claims)
   -> principal (cfg->principal_field) == user (ASCII case-insensitive;
   user may be NULL to skip the match, as for a security integration)
   -> groups (cfg->groups_claim) -> permitted_groups.
   No heap allocation.
   ====================================================================== */
typedef struct jwtauth_login {
	int cache_hit;            /* 1 when the signature check was skipped
	                             thanks to cfg->token_cache */
	char principal[JWTAUTH_MAX_PRINCIPAL_LEN + 1]; /* NUL-terminated */
	size_t principal_len;
	jwtauth_str groups[JWTAUTH_MAX_GROUPS];        /* NUL-terminated copies */
	size_t n_groups;
	jwtauth_claims claims;
	jwtauth_jwt jwt;          /* header, payload, alg, kid, key used */
	char group_store[1024];
} jwtauth_login;

JWTAUTH_DEF int jwtauth_authenticate(const jwtauth_config *cfg,
	const jwtauth_keyset *ks, const char *user, size_t user_len,
	const uint8_t *auth_response, size_t response_len,
	jwtauth_response_kind kind, int64_t now, jwtauth_login *out,
	jwtauth_error *err);


/* ======================================================================
   VERIFIED-TOKEN CACHE (opt-in, bounded, caller memory)
   A MySQL client sends the same ID token for every connection. When
   cfg->token_cache is set, jwtauth_authenticate remembers tokens whose
   signature verified, keyed by the exact token bytes, the key set's id
   and the config it was verified under. A hit skips base64 decoding of
   the signature and the signature check only: the payload is re-parsed
   and exp/nbf/iat, iss/aud, the principal match and the groups are
   evaluated again at the current time. A rotated key set (new id) or
   another config never matches an entry. Not locked: use one cache per
   thread, or serialise access to it.
   ====================================================================== */
#ifndef JWTAUTH_TOKEN_CACHE_MAX_TOKEN
#define JWTAUTH_TOKEN_CACHE_MAX_TOKEN 2048   /* longer tokens are not cached */
#endif

typedef struct jwtauth_token_cache_entry {
	uint64_t hash;            /* fast hash of the token bytes (0 = empty) */
	uint64_t keyset_id;       /* jwtauth_keyset.id it verified under */
	const void *config;       /* the jwtauth_config it verified under */
	uint64_t last_used;       /* for least-recently-used replacement */
	size_t token_len;
	int key_index;            /* index of the verifying key in the set */
	char token[JWTAUTH_TOKEN_CACHE_MAX_TOKEN];
} jwtauth_token_cache_entry;

typedef struct jwtauth_token_cache {
	jwtauth_token_cache_entry *entries;
	size_t n_entries;
	uint64_t tick;
	uint64_t hits, misses;    /* statistics */
} jwtauth_token_cache;

/* Use `entries[0..n)` (caller memory) as an empty cache. */
JWTAUTH_DEF void jwtauth_token_cache_init(jwtauth_token_cache *tc,
	jwtauth_token_cache_entry *entries, size_t n);
/* Forget every entry (call after changing a config by hand). */
JWTAUTH_DEF void jwtauth_token_cache_clear(jwtauth_token_cache *tc);

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
   http(s) (path then holds the URL unchanged). */
JWTAUTH_DEF int jwtauth_source_resolve(const char *conf_dir,
	const char *jwks_url, size_t len, char *path, size_t cap, int *is_url,
	jwtauth_error *err);

#ifndef JWTAUTH_NO_STDIO
/* Read a whole file into buf (at most cap bytes; larger is
   JWTAUTH_ERR_TOO_LARGE, unreadable is JWTAUTH_ERR_IO). */
JWTAUTH_DEF int jwtauth_file_read(const char *path, char *buf, size_t cap,
	size_t *len, jwtauth_error *err);
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
   thread's fetch progress, e.g. a short sleep or sched_yield. With NULL
   hooks the cache must be used from one thread at a time. */
typedef void (*jwtauth_lock_fn)(void *user);

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
	int stale;                /* 1 when served past its TTL after a failed
	                             refresh (the refresh error is in err) */
} jwtauth_keys_ref;

#ifndef JWTAUTH_NO_MALLOC
/* Create / destroy a cache. Memory comes from JWTAUTH_MALLOC/JWTAUTH_FREE
   (malloc/free unless overridden): the cache plus one jwtauth_keyset per
   live snapshot. */
JWTAUTH_DEF jwtauth_cache *jwtauth_cache_new(const jwtauth_cache_options *opts);
JWTAUTH_DEF void jwtauth_cache_free(jwtauth_cache *cache);

/* Get the key set of `source` (a jwks_url) at time `now`, loading it on
   first use and refreshing it when its TTL has passed. With `kid` not
   NULL and unknown to the current set, one refresh is attempted unless
   another happened less than `cooldown` seconds ago. Concurrent callers
   needing the same refresh wait for one fetch. On a failed refresh the
   last good set is served (ref->stale = 1) up to max_stale seconds. */
JWTAUTH_DEF int jwtauth_cache_acquire(jwtauth_cache *cache, const char *source,
	size_t source_len, const char *kid, size_t kid_len, int64_t now,
	jwtauth_keys_ref *ref, jwtauth_error *err);
JWTAUTH_DEF void jwtauth_cache_release(jwtauth_cache *cache, jwtauth_keys_ref *ref);

/* Counters for tests and monitoring. */
typedef struct jwtauth_cache_stats {
	uint64_t fetches, fetch_failures, refreshes_unknown_kid, stale_served,
		snapshots_live;
} jwtauth_cache_stats;
JWTAUTH_DEF void jwtauth_cache_get_stats(jwtauth_cache *cache, jwtauth_cache_stats *st);

/* jwtauth_authenticate with the key set of cfg->jwks_url from the cache:
   a token whose kid is unknown triggers one (cooled-down) refresh and one
   retry. out->jwt.key is NULL on return (the snapshot is released). */
JWTAUTH_DEF int jwtauth_authenticate_cached(jwtauth_cache *cache,
	const jwtauth_config *cfg, const char *user, size_t user_len,
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

#if JWTAUTH_MAX_RSA_BITS > 4096 || JWTAUTH_MIN_RSA_BITS < 1024
#error "JWTAUTH_MAX_RSA_BITS must be at most 4096 (BearSSL) and MIN at least 1024"
#endif
#if JWTAUTH_MAX_TOKEN_LEN > 0x7fffffff || JWTAUTH_MAX_JWKS_LEN > 0x7fffffff
#error "token and document limits must fit in 31 bits (JSON offsets are 32-bit)"
#endif

/* ---------------------------------------------------------------- errors */

/* Record a failure in *err (when given) and return the code, so that the
   failure path is one line: `return jwtauth__fail(err, CODE, off, "why");` */
static int jwtauth__fail(jwtauth_error *err, int code, size_t offset,
	const char *msg)
{
	if (err) {
		err->code = code;
		err->offset = offset;
		err->msg = msg;
		err->detail = NULL;
		err->detail_len = 0;
	}
	return code;
}

/* Same, naming the member or claim concerned. */
static int jwtauth__fail_detail(jwtauth_error *err, int code, size_t offset,
	const char *msg, const char *detail, size_t detail_len)
{
	jwtauth__fail(err, code, offset, msg);
	if (err) {
		err->detail = detail;
		err->detail_len = detail_len;
	}
	return code;
}

static void jwtauth__clear_error(jwtauth_error *err)
{
	if (err) jwtauth__fail(err, JWTAUTH_OK, 0, "");
}

/* Wipe secrets with memset called through a volatile function pointer:
   the compiler cannot prove the call has no effect, so it cannot drop it,
   and it runs at memset speed (it sits on the HMAC verify path). */
static void *(*const volatile jwtauth__memset_v)(void *, int, size_t) = memset;
static void jwtauth__wipe(void *p, size_t n)
{
	jwtauth__memset_v(p, 0, n);
}

/* Constant-time equality of two equal-length byte strings: 1 or 0. */
static int jwtauth__ct_eq(const uint8_t *a, const uint8_t *b, size_t n)
{
	uint32_t d = 0;
	size_t i;
	for (i = 0; i < n; i++) d |= (uint32_t)(a[i] ^ b[i]);
	return (int)(1u & ((d - 1u) >> 8));
}

typedef struct jwtauth__error_info {
	int code;
	const char *name;
	const char *text;
} jwtauth__error_info;

static const jwtauth__error_info jwtauth__errors[] = {
	{ JWTAUTH_OK, "OK", "success" },
	{ JWTAUTH_ERR_ARGUMENT, "ARGUMENT", "invalid argument" },
	{ JWTAUTH_ERR_BUFFER_TOO_SMALL, "BUFFER_TOO_SMALL", "output buffer too small" },
	{ JWTAUTH_ERR_TOO_LARGE, "TOO_LARGE", "input larger than its limit" },
	{ JWTAUTH_ERR_IO, "IO", "file could not be read" },
	{ JWTAUTH_ERR_B64_CHAR, "B64_CHAR", "base64url: character outside the alphabet" },
	{ JWTAUTH_ERR_B64_LENGTH, "B64_LENGTH", "base64url: impossible length" },
	{ JWTAUTH_ERR_B64_NONCANONICAL, "B64_NONCANONICAL", "base64url: non-canonical encoding" },
	{ JWTAUTH_ERR_JSON_SYNTAX, "JSON_SYNTAX", "JSON: syntax error" },
	{ JWTAUTH_ERR_JSON_UTF8, "JSON_UTF8", "JSON: invalid UTF-8" },
	{ JWTAUTH_ERR_JSON_ESCAPE, "JSON_ESCAPE", "JSON: invalid escape or lone surrogate" },
	{ JWTAUTH_ERR_JSON_NUMBER, "JSON_NUMBER", "JSON: invalid number" },
	{ JWTAUTH_ERR_JSON_DEPTH, "JSON_DEPTH", "JSON: nesting too deep" },
	{ JWTAUTH_ERR_JSON_DUPLICATE, "JSON_DUPLICATE", "JSON: duplicate member name" },
	{ JWTAUTH_ERR_JSON_TRAILING, "JSON_TRAILING", "JSON: bytes after the value" },
	{ JWTAUTH_ERR_JSON_TOKENS, "JSON_TOKENS", "JSON: too many values" },
	{ JWTAUTH_ERR_JSON_CONTROL, "JSON_CONTROL", "JSON: control character in string" },
	{ JWTAUTH_ERR_KEY_FORMAT, "KEY_FORMAT", "key document is not a JWKS, JWK or PEM" },
	{ JWTAUTH_ERR_KEY_KTY, "KEY_KTY", "key type missing or unsupported" },
	{ JWTAUTH_ERR_KEY_CRV, "KEY_CRV", "curve missing or unsupported" },
	{ JWTAUTH_ERR_KEY_MEMBER, "KEY_MEMBER", "key member missing or malformed" },
	{ JWTAUTH_ERR_KEY_RSA_SIZE, "KEY_RSA_SIZE", "RSA modulus size out of range" },
	{ JWTAUTH_ERR_KEY_RSA_EXPONENT, "KEY_RSA_EXPONENT", "RSA exponent invalid" },
	{ JWTAUTH_ERR_KEY_EC_POINT, "KEY_EC_POINT", "EC point invalid" },
	{ JWTAUTH_ERR_KEY_OCT_SIZE, "KEY_OCT_SIZE", "HMAC key shorter than the hash output" },
	{ JWTAUTH_ERR_KEY_PRIVATE, "KEY_PRIVATE", "private key material in a verification key" },
	{ JWTAUTH_ERR_KEY_ALG, "KEY_ALG", "key alg unknown or unfit for the key type" },
	{ JWTAUTH_ERR_KEY_KID, "KEY_KID", "key kid invalid or too long" },
	{ JWTAUTH_ERR_KEY_USE, "KEY_USE", "key use or key_ops malformed" },
	{ JWTAUTH_ERR_KEYSET_MIXED, "KEYSET_MIXED", "key set mixes HMAC secrets and public keys" },
	{ JWTAUTH_ERR_KEYSET_FULL, "KEYSET_FULL", "key set has too many keys" },
	{ JWTAUTH_ERR_KEYSET_EMPTY, "KEYSET_EMPTY", "key set has no usable key" },
	{ JWTAUTH_ERR_KEY_PEM, "KEY_PEM", "PEM document invalid" },
	{ JWTAUTH_ERR_KEY_DER, "KEY_DER", "DER structure invalid" },
	{ JWTAUTH_ERR_KEY_X509, "KEY_X509", "certificate invalid" },
	{ JWTAUTH_ERR_KEY_RSA_WEAK, "KEY_RSA_WEAK", "RSA key has the ROCA weakness (CVE-2017-15361)" },
	{ JWTAUTH_ERR_TOKEN_SIZE, "TOKEN_SIZE", "token empty or too long" },
	{ JWTAUTH_ERR_TOKEN_FORMAT, "TOKEN_FORMAT", "token is not a compact JWS" },
	{ JWTAUTH_ERR_HEADER, "HEADER", "token header invalid" },
	{ JWTAUTH_ERR_ALG_NONE, "ALG_NONE", "unsecured token (alg none) refused" },
	{ JWTAUTH_ERR_ALG_UNKNOWN, "ALG_UNKNOWN", "algorithm not supported" },
	{ JWTAUTH_ERR_ALG_NOT_ALLOWED, "ALG_NOT_ALLOWED", "algorithm not allowed" },
	{ JWTAUTH_ERR_CRIT, "CRIT", "critical header extension not understood" },
	{ JWTAUTH_ERR_KID_UNKNOWN, "KID_UNKNOWN", "no key with the token's kid" },
	{ JWTAUTH_ERR_KID_AMBIGUOUS, "KID_AMBIGUOUS", "several keys share the token's kid" },
	{ JWTAUTH_ERR_NO_KEY, "NO_KEY", "no key fits the token's algorithm" },
	{ JWTAUTH_ERR_KEY_UNFIT, "KEY_UNFIT", "the key cannot verify this algorithm" },
	{ JWTAUTH_ERR_SIGNATURE, "SIGNATURE", "signature invalid" },
	{ JWTAUTH_ERR_CLAIMS, "CLAIMS", "payload is not a JSON object" },
	{ JWTAUTH_ERR_CLAIM_TYPE, "CLAIM_TYPE", "claim has the wrong type or range" },
	{ JWTAUTH_ERR_CLAIM_MISSING, "CLAIM_MISSING", "required claim missing" },
	{ JWTAUTH_ERR_EXPIRED, "EXPIRED", "token expired" },
	{ JWTAUTH_ERR_NOT_YET_VALID, "NOT_YET_VALID", "token not yet valid" },
	{ JWTAUTH_ERR_TOO_OLD, "TOO_OLD", "token issued too long ago or in the future" },
	{ JWTAUTH_ERR_ISSUER, "ISSUER", "issuer not accepted" },
	{ JWTAUTH_ERR_AUDIENCE, "AUDIENCE", "audience not accepted" },
	{ JWTAUTH_ERR_PRINCIPAL_MISSING, "PRINCIPAL_MISSING", "principal claim missing" },
	{ JWTAUTH_ERR_PRINCIPAL_TYPE, "PRINCIPAL_TYPE", "principal claim is not a valid string" },
	{ JWTAUTH_ERR_PRINCIPAL_MISMATCH, "PRINCIPAL_MISMATCH", "principal does not match the user" },
	{ JWTAUTH_ERR_GROUP, "GROUP", "no permitted group" },
	{ JWTAUTH_ERR_CONFIG, "CONFIG", "configuration is not a JSON object" },
	{ JWTAUTH_ERR_CONFIG_MEMBER, "CONFIG_MEMBER", "unknown configuration member" },
	{ JWTAUTH_ERR_CONFIG_VALUE, "CONFIG_VALUE", "configuration value invalid" },
	{ JWTAUTH_ERR_CONFIG_MISSING, "CONFIG_MISSING", "required configuration member missing" },
	{ JWTAUTH_ERR_CONFIG_PATH, "CONFIG_PATH", "key file path leaves the conf directory" },
	{ JWTAUTH_ERR_AUTH_RESPONSE, "AUTH_RESPONSE", "MySQL auth response malformed" }
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
	"PS256", "PS384", "PS512", "ES256", "ES384", "ES512"
};

JWTAUTH_DEF jwtauth_alg jwtauth_alg_from_name(const char *name, size_t len)
{
	int a;
	if (!name || len != 5) return JWTAUTH_ALG_UNKNOWN;
	for (a = 1; a < JWTAUTH_ALG_COUNT; a++)
		if (memcmp(name, jwtauth__alg_names[a], 5) == 0) return (jwtauth_alg)a;
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

/* -------------------------------------------------------------- base64url
   and JSON: see wip parts until merged */
#include "wip/json_b64.inc"

/* ------------------------------------------------------------------ keys */
#include "wip/keys.inc"

/* ------------------------------------------------------------ signatures */
#include "wip/sig.inc"

/* ------------------------------------------------------------------- JWS */
#include "wip/jws.inc"

/* --------------------------------------------------- claims and the login */
#include "wip/auth.inc"

/* ---------------------------------------------------- verified-token cache */
#include "wip/tokencache.inc"

/* ------------------------------------------------ key sources and the cache */
#include "wip/sources.inc"

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
