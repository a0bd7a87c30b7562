/* firmware.c - a freestanding Cortex-M program that runs the StarRocks JWT
   login with jwtauth.h, and measures the peak stack of each public call.

   Built and run by examples/embedded/run.sh (`make embedded`): Thumb code
   for Cortex-M4 or Cortex-M0, linked with BearSSL built for the same CPU
   and newlib's mem and str functions (nothing else of libc), run in qemu's
   user mode. Its only I/O is the Linux write and exit system calls that
   qemu's user mode provides; on a board these two functions would be a
   UART and a reset. The key sets, the properties and the token are the
   repository's test fixtures, linked into flash with .incbin.

   Built with algorithms left out (JWTAUTH_NO_*, docs/embedded.md), it
   logs in with an algorithm that is left in: the demo's RS256 token when
   RS256 is built, else tests/fixtures/tokens/es256.jwt (one P-256 JWK) or
   hs256.jwt (the oct key set), with the properties of
   fixture-properties.json. The calls of what is left out must then be
   refused: a key document none of whose keys is built with KEYSET_EMPTY
   (every entry KEY_NOT_BUILT), a keyset_add_* of such a key with
   KEY_NOT_BUILT, a token or an algorithm list naming a left-out
   algorithm with ALG_NOT_BUILT. Built with JWTAUTH_NO_PEM, the
   certificate PEM must be refused with KEY_NOT_BUILT.

   Each measured call runs on a stack of its own, filled with a pattern
   beforehand; the lowest word no longer holding the pattern afterwards
   gives the call's peak stack, BearSSL and the call's own frame included.

   Built natively (no __arm__), the same program measures the build
   machine: each call then runs on a thread whose stack is the painted
   array.

   Output, one line per call:
     stack <name> <bytes> rc=<code> ok|FAIL
   then "sizeof <struct> <bytes>" lines and "done <passed> <failed>". */
#if !defined(__arm__)
#define _POSIX_C_SOURCE 200809L   /* pthread_attr_setstack */
#endif
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "../../jwtauth.h"

#if !defined(JWTAUTH_HAVE_RS256) && !defined(JWTAUTH_HAVE_ES256) && !defined(JWTAUTH_HAVE_HS256)
#error "firmware.c logs in with RS256, ES256 or HS256: leave one of them in"
#endif

#if defined(__arm__)
/* ---- I/O through qemu's Linux user mode ---- */
static long fw_syscall3(long n, long a, long b, long c)
{
	register long r0 __asm__("r0") = a;
	register long r1 __asm__("r1") = b;
	register long r2 __asm__("r2") = c;
	register long r7 __asm__("r7") = n;
	__asm__ volatile("svc 0" : "+r"(r0) : "r"(r1), "r"(r2), "r"(r7) : "memory");
	return r0;
}

static void fw_write(const char *s, size_t n)
{
	fw_syscall3(4, 1, (long)s, (long)n);   /* write(1, s, n) */
}

#else
/* ---- the same program on the build machine (POSIX) ---- */
#include <pthread.h>
#include <unistd.h>

static void fw_write(const char *s, size_t n)
{
	if (write(1, s, n) < 0) n = 0;
}
#endif

static void fw_puts(const char *s)
{
	fw_write(s, strlen(s));
}

static void fw_putl(long v)
{
	char buf[24];
	size_t i = sizeof buf;
	unsigned long u = v < 0 ? 0ul - (unsigned long)v : (unsigned long)v;
	do { buf[--i] = (char)('0' + u % 10); u /= 10; } while (u);
	if (v < 0) buf[--i] = '-';
	fw_write(buf + i, sizeof buf - i);
}

#if defined(__arm__)
static void fw_exit(int code)
{
	fw_syscall3(1, code, 0, 0);             /* exit(code) */
	for (;;) {}
}
#endif

/* ---- fixtures in flash ---- */
#define FW_BLOB(sym, file)                                              \
	__asm__(".section .rodata." #sym ",\"a\"\n"                     \
	        ".global " #sym "\n" #sym ":\n"                         \
	        ".incbin \"" file "\"\n"                                \
	        ".global " #sym "_end\n" #sym "_end:\n"                 \
	        ".byte 0\n.previous\n");                                \
	extern const char sym[], sym##_end[];

FW_BLOB(fw_jwks_rsa, "tests/fixtures/jwks/rsa.json")
FW_BLOB(fw_jwks_ec, "tests/fixtures/jwks/ec.json")
FW_BLOB(fw_jwk_p256, "tests/fixtures/keys/ec256.pub.jwk.json")
FW_BLOB(fw_jwks_oct, "tests/fixtures/jwks/oct.json")
FW_BLOB(fw_pem_cert, "tests/fixtures/keys/rsa2048a.cert.pem")
FW_BLOB(fw_jwks_demo, "tests/fixtures/jwks/demo.json")
FW_BLOB(fw_props, "examples/demo/tom-properties.json")
FW_BLOB(fw_token, "examples/demo/tom.jwt")
FW_BLOB(fw_jwks_ed25519, "tests/fixtures/eddsa/ed25519.jwks.json")
FW_BLOB(fw_eddsa_tokens, "tests/fixtures/eddsa/tokens.txt")
FW_BLOB(fw_tok_es256, "tests/fixtures/tokens/es256.jwt")
FW_BLOB(fw_tok_es512, "tests/fixtures/tokens/es512.jwt")
FW_BLOB(fw_tok_hs512, "tests/fixtures/tokens/hs512.jwt")
FW_BLOB(fw_tok_ps512, "tests/fixtures/tokens/ps512.jwt")
#if !defined(JWTAUTH_HAVE_RS256)
FW_BLOB(fw_props_fx, "examples/embedded/fixture-properties.json")
#if defined(JWTAUTH_HAVE_ES256)
FW_BLOB(fw_token_fx, "tests/fixtures/tokens/es256.jwt")
#else
FW_BLOB(fw_token_fx, "tests/fixtures/tokens/hs256.jwt")
#endif
#endif

/* ---- painted stacks ---- */
#ifndef FW_STACK_BYTES
#define FW_STACK_BYTES 131072
#endif
#define FW_PAINT 0xC5A5C5A5u

static uint32_t fw_stack[FW_STACK_BYTES / 4] __attribute__((aligned(16)));

#if defined(__arm__)
/* Call fn(arg) with sp at `top`, then restore sp (Thumb-1 only, so the
   same code serves Cortex-M0 and M4). */
void fw_call_on_stack(void (*fn)(void *), void *arg, void *top);
__asm__(".text\n.balign 2\n.thumb\n.thumb_func\n"
        ".global fw_call_on_stack\n.type fw_call_on_stack, %function\n"
        "fw_call_on_stack:\n"
        "  push {r4, lr}\n"
        "  mov r4, sp\n"
        "  mov sp, r2\n"
        "  mov r3, r0\n"
        "  mov r0, r1\n"
        "  blx r3\n"
        "  mov sp, r4\n"
        "  pop {r4, pc}\n");
#define FW_CALL(fn, arg) fw_call_on_stack(fn, arg, fw_stack + sizeof fw_stack / 4)
#else
/* A thread whose stack is the painted array; the C library keeps its
   thread descriptor at the top of it, so an empty call's use (the
   baseline) is subtracted. */
typedef struct fw_thread { void (*fn)(void *); void *arg; } fw_thread;
static void *fw_thread_main(void *p)
{
	fw_thread *t = (fw_thread *)p;
	t->fn(t->arg);
	return NULL;
}
static void fw_call_thread(void (*fn)(void *), void *arg)
{
	pthread_attr_t a;
	pthread_t th;
	fw_thread t;
	t.fn = fn;
	t.arg = arg;
	pthread_attr_init(&a);
	pthread_attr_setstack(&a, fw_stack, sizeof fw_stack);
	if (pthread_create(&th, &a, fw_thread_main, &t) == 0) pthread_join(th, NULL);
	pthread_attr_destroy(&a);
}
#define FW_CALL(fn, arg) fw_call_thread(fn, arg)
#endif

static size_t fw_measure(void (*fn)(void *), void *arg)
{
	size_t i, n = sizeof fw_stack / sizeof fw_stack[0];
	for (i = 0; i < n; i++) fw_stack[i] = FW_PAINT;
	FW_CALL(fn, arg);
	for (i = 0; i < n && fw_stack[i] == FW_PAINT; i++) {}
	return (n - i) * 4;
}

/* ---- the calls measured ---- */
static jwtauth_keyset fw_keys;       /* the login's key set */
static jwtauth_keyset fw_ks;         /* the other key documents, in turn */
static jwtauth_keyset fw_ks_add;     /* keys built from raw material */
static jwtauth_config fw_cfg;
static jwtauth_config fw_cfg2;
static jwtauth_login fw_login;
static jwtauth_jwt fw_jwt;
static jwtauth_claims fw_claims;
static jwtauth_verify_options fw_opts;
static jwtauth_token_cache fw_tc;
static jwtauth_token_cache_entry fw_tc_entries[2];
static jwtauth_error fw_err;

/* the arguments of the call being measured */
static const char *fw_doc;
static size_t fw_len;
static int fw_rc;

/* raw key material copied out of parsed sets for the keyset_add calls */
static uint8_t fw_rsa_n[JWTAUTH_MAX_RSA_BITS / 8], fw_rsa_e[4], fw_ec_q[133], fw_ed_x[32];
static size_t fw_rsa_n_len, fw_rsa_e_len, fw_ec_q_len;

static size_t fw_baseline;

/* the call fw_run makes on the painted stack (none: the baseline) */
static void (*fw_fn)(void);

static void fw_run(void *p)
{
	(void)p;
	if (fw_fn) fw_fn();
}

static int fw_passed, fw_failed;

/* A key document this build has no key type for: refused, and every
   entry says why. */
static int fw_all_not_built(const jwtauth_keyset *ks)
{
	size_t i;
	if (ks->count == 0) return 0;
	for (i = 0; i < ks->count; i++)
		if (ks->keys[i].status != JWTAUTH_ERR_KEY_NOT_BUILT) return 0;
	return 1;
}

/* Measure fn(), which leaves its result in fw_rc; `want` is the result
   the fixtures call for (KEYSET_EMPTY: of a parse into fw_ks). */
static void fw_check(const char *name, void (*fn)(void), int want)
{
	size_t used;
	int ok;
	fw_rc = -9999;
	fw_fn = fn;
	used = fw_measure(fw_run, NULL);
	fw_fn = NULL;
	used = used > fw_baseline ? used - fw_baseline : 0;
	ok = fw_rc == want && (want != JWTAUTH_ERR_KEYSET_EMPTY || fw_all_not_built(&fw_ks));
	fw_puts("stack ");
	fw_puts(name);
	fw_puts(" ");
	fw_putl((long)used);
	fw_puts(" rc=");
	fw_putl(fw_rc);
	fw_puts(ok ? " ok\n" : " FAIL\n");
	if (ok) fw_passed++; else fw_failed++;
}

static void fw_keyset_parse(void)
{
	fw_rc = jwtauth_keyset_parse(&fw_ks, fw_doc, fw_len, &fw_err);
}

static void fw_login_keys(void)
{
	fw_rc = jwtauth_keyset_parse(&fw_keys, fw_doc, fw_len, &fw_err);
}

static void fw_config_parse(void)
{
	fw_rc = jwtauth_config_parse(&fw_cfg, fw_doc, fw_len, &fw_err);
}

static void fw_integration_parse(void)
{
	static const char props[] = "{\"type\":\"authentication_jwt\","
		"\"jwks_url\":\"https://idp.example/certs\",\"principal_field\":\"sub\","
		"\"required_issuer\":\"https://idp.example\",\"required_audience\":\"a,b\","
		"\"permitted_groups\":\"analyst,admin\"}";
	fw_rc = jwtauth_integration_parse(&fw_cfg2, props, sizeof props - 1, &fw_err);
}

static void fw_config_set_list(void)
{
	fw_rc = jwtauth_config_set_list(&fw_cfg2, fw_cfg2.claims.audiences,
		&fw_cfg2.claims.n_audiences, " starrocks , other ", 19, &fw_err);
}

/* A MySQL client without the OpenID plugin sends the bare token. */
static void fw_authenticate(void)
{
	fw_rc = jwtauth_authenticate(&fw_cfg, &fw_keys, NULL, "tom", 3,
		(const uint8_t *)fw_doc, fw_len, JWTAUTH_RESPONSE_BARE,
		(int64_t)1764000100, &fw_login, &fw_err);
}

static void fw_authenticate_tc(void)
{
	fw_rc = jwtauth_authenticate(&fw_cfg, &fw_keys, &fw_tc, "tom", 3,
		(const uint8_t *)fw_doc, fw_len, JWTAUTH_RESPONSE_BARE,
		(int64_t)1764000100, &fw_login, &fw_err);
	if (fw_rc == JWTAUTH_OK && fw_login.cache_hit != (fw_tc.hits > 0)) fw_rc = -9998;
}

static void fw_token_cache_clear(void)
{
	uint64_t h = 0, m = 0;
	jwtauth_token_cache_stats(&fw_tc, &h, &m);
	jwtauth_token_cache_clear(&fw_tc);
	fw_rc = h == 1 && m == 1 ? JWTAUTH_OK : -9998;
}

static void fw_mysql_auth_token(void)
{
	const char *t = NULL;
	size_t n = 0;
	fw_rc = jwtauth_mysql_auth_token((const uint8_t *)fw_doc, fw_len,
		JWTAUTH_RESPONSE_AUTO, &t, &n, &fw_err);
}

static void fw_verify(void)
{
	fw_rc = jwtauth_verify(&fw_keys, &fw_opts, NULL, fw_doc, fw_len,
		(int64_t)1764000100, &fw_jwt, &fw_claims, &fw_err);
}

static void fw_jws_verify(void)
{
	fw_rc = jwtauth_jws_verify(&fw_keys, fw_doc, fw_len, JWTAUTH_ALGS_ALL, &fw_jwt, &fw_err);
}

/* against fw_ks, loaded beforehand with the token's key document */
static void fw_sig_only(void)
{
	fw_rc = jwtauth_jws_verify_signature_only(&fw_ks, fw_doc, fw_len,
		JWTAUTH_ALGS_ALL, &fw_jwt, &fw_err);
}

static void fw_sig_only_added(void)
{
	fw_rc = jwtauth_jws_verify_signature_only(&fw_ks_add, fw_doc, fw_len,
		JWTAUTH_ALGS_ALL, &fw_jwt, &fw_err);
}

static void fw_decode_unverified(void)
{
	fw_rc = jwtauth_jws_decode_unverified(fw_doc, fw_len, &fw_jwt, &fw_err);
}

static void fw_claims_check(void)
{
	fw_rc = jwtauth_claims_check(&fw_jwt, &fw_cfg.claims, (int64_t)1764000100,
		&fw_claims, &fw_err);
}

static void fw_claim_string(void)
{
	char out[64];
	size_t n = 0;
	fw_rc = jwtauth_claim_string(&fw_jwt, "preferred_username", 18, out, sizeof out, &n, &fw_err);
	if (fw_rc == JWTAUTH_OK && (n != 3 || memcmp(out, "tom", 3) != 0)) fw_rc = -9998;
}

static void fw_claim_int64(void)
{
	int64_t v = 0;
	fw_rc = jwtauth_claim_int64(&fw_jwt, "exp", 3, &v, &fw_err);
}

static void fw_claim_date(void)
{
	int64_t v = 0;
	fw_rc = jwtauth_claim_date(&fw_jwt, "/iat", 4, &v, &fw_err);
}

/* the payload has no boolean: a type error, after the whole lookup */
static void fw_claim_bool(void)
{
	int v = 0;
	fw_rc = jwtauth_claim_bool(&fw_jwt, "/realm_access/roles/0", 21, &v, &fw_err);
}

static void fw_claim_contains(void)
{
	int found = 0;
	fw_rc = jwtauth_claim_contains(&fw_jwt, "/realm_access/roles", 19, "analyst", 7,
		&found, &fw_err);
	if (fw_rc == JWTAUTH_OK && !found) fw_rc = -9998;
}

/* a JSON Pointer segment with ~ escapes is unescaped on the stack */
static void fw_claim_find(void)
{
	long a = jwtauth_claim_find(&fw_jwt, "/realm~1access/roles", 20);
	long b = jwtauth_claim_find(&fw_jwt, "/realm_access/roles/0", 21);
	fw_rc = a < 0 && b > 0 ? JWTAUTH_OK : -9998;
}

static void fw_claim_find_dotted(void)
{
	fw_rc = jwtauth_claim_find_dotted(&fw_jwt, "realm_access.roles", 18) > 0 ? JWTAUTH_OK : -9998;
}

static void fw_thumbprint(void)
{
	uint8_t out[32];
	fw_rc = jwtauth_jwk_thumbprint(&fw_keys.keys[0], out, &fw_err);
}

static void fw_add_rsa(void)
{
	fw_rc = jwtauth_keyset_add_rsa(&fw_ks_add, fw_rsa_n, fw_rsa_n_len, fw_rsa_e,
		fw_rsa_e_len, JWTAUTH_ALG_UNKNOWN, "rsa2048a", 8);
}

static void fw_add_ec(void)
{
	fw_rc = jwtauth_keyset_add_ec(&fw_ks_add, BR_EC_secp256r1, fw_ec_q, fw_ec_q_len,
		JWTAUTH_ALG_UNKNOWN, "ec256", 5);
}

static void fw_add_ed25519(void)
{
	fw_rc = jwtauth_keyset_add_ed25519(&fw_ks_add, fw_ed_x, sizeof fw_ed_x,
		JWTAUTH_ALG_UNKNOWN, "ed1", 3);
}

static void fw_add_oct(void)
{
	static const uint8_t k[64] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	fw_rc = jwtauth_keyset_add_oct(&fw_ks, k, sizeof k, JWTAUTH_ALG_HS512, "k", 1);
}

static void fw_b64url_decode(void)
{
	uint8_t out[256];
	size_t n = 0;
	fw_rc = jwtauth_b64url_decode(fw_doc, fw_len, out, sizeof out, &n, &fw_err);
}

static void fw_json_parse(void)
{
	jwtauth_json_tok toks[16];
	size_t n = 0;
	fw_rc = jwtauth_json_parse(fw_doc, fw_len, toks, 16, 0, &n, &fw_err);
}

static void fw_algs_parse(void)
{
	unsigned algs = 0;
	fw_rc = jwtauth_algs_parse("RS256, PS512,ES256 ,EdDSA,HS512", 31, &algs, &fw_err);
}

/* What this build holds, and the result a call then gives. */
#ifdef JWTAUTH_HAVE_RSA
#define FW_RSA 1
#else
#define FW_RSA 0
#endif
#ifdef JWTAUTH_HAVE_ECDSA
#define FW_EC 1
#else
#define FW_EC 0
#endif
#ifdef JWTAUTH_HAVE_HMAC
#define FW_HMAC 1
#else
#define FW_HMAC 0
#endif
#ifdef JWTAUTH_HAVE_EDDSA
#define FW_EDDSA 1
#else
#define FW_EDDSA 0
#endif
#ifdef JWTAUTH_HAVE_ES256
#define FW_ES256 1
#else
#define FW_ES256 0
#endif
#ifdef JWTAUTH_HAVE_ES512
#define FW_ES512 1
#else
#define FW_ES512 0
#endif
#ifdef JWTAUTH_HAVE_HS512
#define FW_HS512 1
#else
#define FW_HS512 0
#endif
#ifdef JWTAUTH_HAVE_PS512
#define FW_PS512 1
#else
#define FW_PS512 0
#endif
#if defined(JWTAUTH_HAVE_RS256) && defined(JWTAUTH_HAVE_PS512) && defined(JWTAUTH_HAVE_ES256) \
	&& defined(JWTAUTH_HAVE_EDDSA) && defined(JWTAUTH_HAVE_HS512)
#define FW_ALGS_LIST 1
#else
#define FW_ALGS_LIST 0
#endif
#define FW_KEYS(built) ((built) ? JWTAUTH_OK : JWTAUTH_ERR_KEYSET_EMPTY)
#define FW_KEY(built) ((built) ? JWTAUTH_OK : JWTAUTH_ERR_KEY_NOT_BUILT)
#define FW_ALG(built) ((built) ? JWTAUTH_OK : JWTAUTH_ERR_ALG_NOT_BUILT)

/* the login's algorithm */
#if defined(JWTAUTH_HAVE_RS256)
#define FW_LOGIN_ALG "RS256"
#elif defined(JWTAUTH_HAVE_ES256)
#define FW_LOGIN_ALG "ES256"
#else
#define FW_LOGIN_ALG "HS256"
#endif

static size_t fw_trim(const char *p, const char *end)
{
	size_t n = (size_t)(end - p);
	while (n > 0 && (p[n - 1] == '\n' || p[n - 1] == '\r')) n--;
	return n;
}

#define FW_DOC(sym) (fw_doc = sym, fw_len = fw_trim(sym, sym##_end))

/* The first EdDSA token of tests/fixtures/eddsa/tokens.txt ("EdDSA <token>"). */
static void fw_eddsa_token(void)
{
	const char *p = fw_eddsa_tokens, *e;
	fw_doc = p;
	fw_len = 0;
	if (fw_eddsa_tokens_end - p < 7 || memcmp(p, "EdDSA ", 6) != 0) return;
	p += 6;
	for (e = p; e < fw_eddsa_tokens_end && *e != '\n'; e++) {}
	fw_doc = p;
	fw_len = (size_t)(e - p);
}

static void fw_sizeof(const char *name, size_t n)
{
	fw_puts("sizeof ");
	fw_puts(name);
	fw_puts(" ");
	fw_putl((long)n);
	fw_puts("\n");
}

int main(void)
{
	size_t i;
#if !defined(__arm__)
	fw_baseline = fw_measure(fw_run, NULL);
#endif
	jwtauth_keyset_init(&fw_ks_add);

	/* key documents, and the verification each one serves */
	FW_DOC(fw_jwks_rsa);
	fw_check("keyset_parse(rsa-jwks)", fw_keyset_parse, FW_KEYS(FW_RSA));
	for (i = 0; i < fw_ks.count; i++)   /* rsa2048a, for the PS512 token */
		if (fw_ks.keys[i].status == JWTAUTH_OK && fw_ks.keys[i].u.rsa.n_len == 256) {
			fw_rsa_n_len = fw_ks.keys[i].u.rsa.n_len;
			memcpy(fw_rsa_n, fw_ks.keys[i].u.rsa.n, fw_rsa_n_len);
			fw_rsa_e_len = fw_ks.keys[i].u.rsa.e_len;
			memcpy(fw_rsa_e, fw_ks.keys[i].u.rsa.e, fw_rsa_e_len);
			break;
		}
	FW_DOC(fw_jwks_ec);
	fw_check("keyset_parse(ec-jwks)", fw_keyset_parse, FW_KEYS(FW_EC));
	FW_DOC(fw_tok_es512);
	fw_check("jws_verify_signature_only(ES512)", fw_sig_only, FW_ALG(FW_ES512));
	FW_DOC(fw_tok_es256);
	fw_check("jws_verify_signature_only(ES256)", fw_sig_only, FW_ALG(FW_ES256));
	FW_DOC(fw_jwk_p256);
	fw_check("keyset_parse(p256-jwk)", fw_keyset_parse, FW_KEYS(FW_ES256));
	if (fw_ks.count > 0 && fw_ks.keys[0].status == JWTAUTH_OK) {
		fw_ec_q_len = fw_ks.keys[0].u.ec.q_len;
		memcpy(fw_ec_q, fw_ks.keys[0].u.ec.q, fw_ec_q_len);
	}
	FW_DOC(fw_jwks_oct);
	fw_check("keyset_parse(oct-jwks)", fw_keyset_parse, FW_KEYS(FW_HMAC));
	FW_DOC(fw_tok_hs512);
	fw_check("jws_verify_signature_only(HS512)", fw_sig_only, FW_ALG(FW_HS512));
	/* pinned to HS512 */
	fw_check("keyset_add_oct", fw_add_oct, FW_KEY(FW_HS512));
	FW_DOC(fw_jwks_ed25519);
	fw_check("keyset_parse(ed25519-jwks)", fw_keyset_parse, FW_KEYS(FW_EDDSA));
	if (fw_ks.count > 0 && fw_ks.keys[0].status == JWTAUTH_OK)
		memcpy(fw_ed_x, fw_ks.keys[0].u.okp.x, sizeof fw_ed_x);
	fw_eddsa_token();
	fw_check("jws_verify_signature_only(EdDSA)", fw_sig_only, FW_ALG(FW_EDDSA));
	FW_DOC(fw_pem_cert);
#ifdef JWTAUTH_HAVE_PEM
	fw_check("keyset_parse(pem-cert)", fw_keyset_parse, FW_KEYS(FW_RSA));
#else
	/* the PEM readers left out (JWTAUTH_NO_PEM): refused whole */
	fw_check("keyset_parse(pem-cert)", fw_keyset_parse, JWTAUTH_ERR_KEY_NOT_BUILT);
#endif

	/* keys from raw material */
	fw_check("keyset_add_rsa", fw_add_rsa, FW_KEY(FW_RSA));
	fw_check("keyset_add_ec", fw_add_ec, FW_KEY(FW_ES256));
	fw_check("keyset_add_ed25519", fw_add_ed25519, FW_KEY(FW_EDDSA));
	FW_DOC(fw_tok_ps512);
	fw_check("jws_verify_signature_only(PS512)", fw_sig_only_added, FW_ALG(FW_PS512));

	/* the StarRocks login */
#if defined(JWTAUTH_HAVE_RS256)
	FW_DOC(fw_props);
#else
	/* the demo's RS256 key is left out */
	FW_DOC(fw_jwks_demo);
	fw_check("keyset_parse(demo-jwks)", fw_keyset_parse, JWTAUTH_ERR_KEYSET_EMPTY);
	FW_DOC(fw_props_fx);
#endif
	fw_check("config_parse", fw_config_parse, JWTAUTH_OK);
	fw_check("integration_parse", fw_integration_parse, JWTAUTH_OK);
	fw_check("config_set_list", fw_config_set_list, JWTAUTH_OK);
#if defined(JWTAUTH_HAVE_RS256)
	FW_DOC(fw_jwks_demo);
	fw_check("keyset_parse(login-jwks)", fw_login_keys, JWTAUTH_OK);
	fw_check("jwk_thumbprint(rsa)", fw_thumbprint, JWTAUTH_OK);
	FW_DOC(fw_token);
#elif defined(JWTAUTH_HAVE_ES256)
	FW_DOC(fw_jwk_p256);
	fw_check("keyset_parse(login-jwk-p256)", fw_login_keys, JWTAUTH_OK);
	fw_check("jwk_thumbprint(ec)", fw_thumbprint, JWTAUTH_OK);
	FW_DOC(fw_token_fx);
#else
	FW_DOC(fw_jwks_oct);
	fw_check("keyset_parse(login-jwks-oct)", fw_login_keys, JWTAUTH_OK);
	/* RFC 7638 has no thumbprint of an oct key without its secret */
	fw_check("jwk_thumbprint(oct)", fw_thumbprint, JWTAUTH_ERR_KEY_KTY);
	FW_DOC(fw_token_fx);
#endif
	fw_check("mysql_auth_token", fw_mysql_auth_token, JWTAUTH_OK);
	fw_check("authenticate", fw_authenticate, JWTAUTH_OK);
	/* the login must name tom, not merely return OK */
	if (fw_login.principal_len == 3 && memcmp(fw_login.principal, "tom", 3) == 0) {
		fw_puts("principal tom ok\n");
		fw_passed++;
	} else {
		fw_puts("principal FAIL\n");
		fw_failed++;
	}
	jwtauth_token_cache_init(&fw_tc, fw_tc_entries, 2);
	fw_check("authenticate(token-cache-miss)", fw_authenticate_tc, JWTAUTH_OK);
	fw_check("authenticate(token-cache-hit)", fw_authenticate_tc, JWTAUTH_OK);
	fw_check("token_cache_stats+clear", fw_token_cache_clear, JWTAUTH_OK);
	jwtauth_verify_options_init(&fw_opts, JWTAUTH_ALGS_ALL);
	fw_opts.claims = fw_cfg.claims;
	fw_check("verify(" FW_LOGIN_ALG ")", fw_verify, JWTAUTH_OK);
	fw_check("jws_verify(" FW_LOGIN_ALG ")", fw_jws_verify, JWTAUTH_OK);
	fw_check("jws_decode_unverified", fw_decode_unverified, JWTAUTH_OK);
	fw_check("claims_check", fw_claims_check, JWTAUTH_OK);
	fw_check("claim_string", fw_claim_string, JWTAUTH_OK);
	fw_check("claim_int64", fw_claim_int64, JWTAUTH_OK);
	fw_check("claim_date", fw_claim_date, JWTAUTH_OK);
	fw_check("claim_bool", fw_claim_bool, JWTAUTH_ERR_CLAIM_TYPE);
	fw_check("claim_contains", fw_claim_contains, JWTAUTH_OK);
	fw_check("claim_find", fw_claim_find, JWTAUTH_OK);
	fw_check("claim_find_dotted", fw_claim_find_dotted, JWTAUTH_OK);
	fw_len = (size_t)(strchr(fw_doc, '.') - fw_doc);   /* the header part */
	fw_check("b64url_decode", fw_b64url_decode, JWTAUTH_OK);
	FW_DOC(fw_jwks_ed25519);
	fw_check("json_parse", fw_json_parse, JWTAUTH_OK);
	fw_check("algs_parse", fw_algs_parse, FW_ALG(FW_ALGS_LIST));

	fw_sizeof("jwtauth_keyset", sizeof(jwtauth_keyset));
	fw_sizeof("jwtauth_config", sizeof(jwtauth_config));
	fw_sizeof("jwtauth_login", sizeof(jwtauth_login));
	fw_sizeof("jwtauth_jwt", sizeof(jwtauth_jwt));
	fw_puts("done ");
	fw_putl(fw_passed);
	fw_puts(" ");
	fw_putl(fw_failed);
	fw_puts("\n");
	return fw_failed ? 1 : 0;
}

#if defined(__arm__)
/* The entry point: qemu's loader gives a stack and zeroed .bss. */
void _start(void);
void _start(void)
{
	fw_exit(main());
}
#endif
