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
   fixture-properties.json. A key document none of whose keys is built
   must then be refused (KEYSET_EMPTY, every entry KEY_NOT_BUILT).

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
static jwtauth_keyset fw_keys;
static jwtauth_config fw_cfg;
static jwtauth_login fw_login;
static jwtauth_error fw_err;

typedef struct fw_call {
	const char *doc;
	size_t len;
	int rc;
} fw_call;

static void fw_nothing(void *p)
{
	(void)p;
}

static size_t fw_baseline;

static void fw_keyset_parse(void *p)
{
	fw_call *c = (fw_call *)p;
	c->rc = jwtauth_keyset_parse(&fw_keys, c->doc, c->len, &fw_err);
}

static void fw_config_parse(void *p)
{
	fw_call *c = (fw_call *)p;
	c->rc = jwtauth_config_parse(&fw_cfg, c->doc, c->len, &fw_err);
}

/* A MySQL client without the OpenID plugin sends the bare token. */
static void fw_authenticate(void *p)
{
	fw_call *c = (fw_call *)p;
	c->rc = jwtauth_authenticate(&fw_cfg, &fw_keys, NULL, "tom", 3,
		(const uint8_t *)c->doc, c->len, JWTAUTH_RESPONSE_BARE,
		(int64_t)1764000100, &fw_login, &fw_err);
}

static int fw_passed, fw_failed;

/* A key document this build has no key type for: refused, and every
   entry says why. */
static int fw_all_not_built(void)
{
	size_t i;
	if (fw_keys.count == 0) return 0;
	for (i = 0; i < fw_keys.count; i++)
		if (fw_keys.keys[i].status != JWTAUTH_ERR_KEY_NOT_BUILT) return 0;
	return 1;
}

static void fw_check_rc(const char *name, void (*fn)(void *), const char *doc,
	size_t len, int want_rc)
{
	fw_call c;
	size_t used;
	int ok;
	c.doc = doc;
	c.len = len;
	c.rc = -9999;
	used = fw_measure(fn, &c);
	used = used > fw_baseline ? used - fw_baseline : 0;
	ok = c.rc == want_rc && (want_rc != JWTAUTH_ERR_KEYSET_EMPTY || fw_all_not_built());
	fw_puts("stack ");
	fw_puts(name);
	fw_puts(" ");
	fw_putl((long)used);
	fw_puts(" rc=");
	fw_putl(c.rc);
	fw_puts(ok ? " ok\n" : " FAIL\n");
	if (ok) fw_passed++; else fw_failed++;
}

static void fw_check(const char *name, void (*fn)(void *), const char *doc,
	size_t len, int built)
{
	fw_check_rc(name, fn, doc, len, built ? JWTAUTH_OK : JWTAUTH_ERR_KEYSET_EMPTY);
}

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
#ifdef JWTAUTH_HAVE_ES256
#define FW_P256 1
#else
#define FW_P256 0
#endif
#ifdef JWTAUTH_HAVE_HMAC
#define FW_HMAC 1
#else
#define FW_HMAC 0
#endif

static size_t fw_trim(const char *p, const char *end)
{
	size_t n = (size_t)(end - p);
	while (n > 0 && (p[n - 1] == '\n' || p[n - 1] == '\r')) n--;
	return n;
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
#if !defined(__arm__)
	fw_baseline = fw_measure(fw_nothing, NULL);
#else
	(void)fw_nothing;
#endif
	fw_check("keyset_parse(rsa-jwks)", fw_keyset_parse, fw_jwks_rsa,
		(size_t)(fw_jwks_rsa_end - fw_jwks_rsa), FW_RSA);
	fw_check("keyset_parse(ec-jwks)", fw_keyset_parse, fw_jwks_ec,
		(size_t)(fw_jwks_ec_end - fw_jwks_ec), FW_EC);
	fw_check("keyset_parse(p256-jwk)", fw_keyset_parse, fw_jwk_p256,
		(size_t)(fw_jwk_p256_end - fw_jwk_p256), FW_P256);
	fw_check("keyset_parse(oct-jwks)", fw_keyset_parse, fw_jwks_oct,
		(size_t)(fw_jwks_oct_end - fw_jwks_oct), FW_HMAC);
	fw_check("keyset_parse(pem-cert)", fw_keyset_parse, fw_pem_cert,
		(size_t)(fw_pem_cert_end - fw_pem_cert), FW_RSA);
#ifdef JWTAUTH_HAVE_RS256
	fw_check("config_parse", fw_config_parse, fw_props,
		(size_t)(fw_props_end - fw_props), 1);
	fw_check("keyset_parse(login-jwks)", fw_keyset_parse, fw_jwks_demo,
		(size_t)(fw_jwks_demo_end - fw_jwks_demo), 1);
	fw_check("authenticate", fw_authenticate, fw_token,
		fw_trim(fw_token, fw_token_end), 1);
#else
	/* the demo's RS256 login is refused: its key is left out */
	fw_check("keyset_parse(demo-jwks)", fw_keyset_parse, fw_jwks_demo,
		(size_t)(fw_jwks_demo_end - fw_jwks_demo), 0);
	fw_check("config_parse", fw_config_parse, fw_props_fx,
		(size_t)(fw_props_fx_end - fw_props_fx), 1);
#if defined(JWTAUTH_HAVE_ES256)
	fw_check("keyset_parse(login-jwk-p256)", fw_keyset_parse, fw_jwk_p256,
		(size_t)(fw_jwk_p256_end - fw_jwk_p256), 1);
#else
	fw_check("keyset_parse(login-jwks-oct)", fw_keyset_parse, fw_jwks_oct,
		(size_t)(fw_jwks_oct_end - fw_jwks_oct), 1);
#endif
	fw_check("authenticate", fw_authenticate, fw_token_fx,
		fw_trim(fw_token_fx, fw_token_fx_end), 1);
#endif
	/* the login must name tom, not merely return OK */
	if (fw_login.principal_len == 3 && memcmp(fw_login.principal, "tom", 3) == 0) {
		fw_puts("principal tom ok\n");
		fw_passed++;
	} else {
		fw_puts("principal FAIL\n");
		fw_failed++;
	}
	fw_sizeof("jwtauth_keyset", sizeof(jwtauth_keyset));
	fw_sizeof("jwtauth_config", sizeof(jwtauth_config));
	fw_sizeof("jwtauth_login", sizeof(jwtauth_login));
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
