/* bench.c - `make bench`: jwtauth.h against BearSSL's default primitives
   (the floor), OpenSSL 3 (-DBENCH_OPENSSL) and libjwt (-DBENCH_LIBJWT), plus
   the StarRocks login, the verified-token cache, key-set sizes, forged
   headers and 8 KB tokens. See docs/benchmark.md.

   Method: thread CPU time (CLOCK_THREAD_CPUTIME_ID), so time the scheduler
   gives to other processes is not counted. Every ratio is taken within one
   repetition from two adjacent blocks (numerator and denominator, their
   order swapped every repetition, the pairs' order rotated), and reported
   as the median of BENCH_REPS repetitions with min and max. Each algorithm
   has BENCH_TOKENS distinct tokens, signed here from keys generated at
   start, used round robin. Every call's result is checked inside the timed
   loops: an unexpected one aborts the run. Engines are chosen through the
   public API only: the floor is BearSSL's *_get_default() engine, never
   one picked by timing. Run from the repository root: nothing is read but
   committed files (tests/data for the JWKS parse lines). */
#define _POSIX_C_SOURCE 200809L
/* the key-set lines load up to 100 keys */
#define JWTAUTH_MAX_KEYS 128
#define JWTAUTH_MAX_JWKS_TOKENS 2048
#define JWTAUTH_IMPLEMENTATION
#include "../jwtauth.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
#include <time.h>
#include <unistd.h>
#include <pthread.h>
#ifdef BENCH_OPENSSL
#include <openssl/evp.h>
#include <openssl/core_names.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/opensslv.h>
#endif
#ifdef BENCH_LIBJWT
#ifndef BENCH_OPENSSL
#error "BENCH_LIBJWT needs BENCH_OPENSSL (the PEM keys are written with OpenSSL)"
#endif
#include <jwt.h>
#endif

#define BENCH_REPS 15           /* repetitions of every pair of blocks */
#define BENCH_BLOCK_NS 2e6      /* CPU time of one block, at least */
#define BENCH_COLD_REPS 5
#define BENCH_COLD_CALLS 16     /* calls per cold block, a walk before each */
#define BENCH_TOKENS 64         /* distinct tokens per algorithm */
#define BENCH_MAX_SAMPLES 64
#define BENCH_NOW ((int64_t)1800000000)

static volatile unsigned long bench_sink;

static void bench_die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "bench: FAILED: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\n");
	va_end(ap);
	exit(2);
}

/* ---------------------------------------------------------------- timing */

static double bench_cpu_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int bench_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

typedef struct stat3 { double med, min, max; int n; } stat3;

static stat3 bench_stats(const double *v, int n)
{
	double s[BENCH_MAX_SAMPLES * 4];
	stat3 r;
	r.n = n;
	if (n <= 0) { r.med = r.min = r.max = 0; return r; }
	memcpy(s, v, (size_t)n * sizeof *v);
	qsort(s, (size_t)n, sizeof *s, bench_cmp);
	r.min = s[0];
	r.max = s[n - 1];
	r.med = n & 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
	return r;
}

/* One timed operation: fn(ctx, i) with i the round-robin token index.
   fn checks its own result and calls bench_die on an unexpected one. */
typedef void (*bench_fn)(void *ctx, unsigned i);
typedef struct bench_op {
	bench_fn fn;                /* NULL: not available, see why */
	void *ctx;
	const char *why;
	unsigned long iters;        /* calls per warm block */
	unsigned next;              /* round-robin index */
	double s[BENCH_MAX_SAMPLES];   /* ns per call, one per block */
	int ns;
	double c[BENCH_MAX_SAMPLES];   /* cold blocks */
	int nc;
} bench_op;

static double bench_run(bench_op *o, unsigned long iters)
{
	unsigned long k;
	double t0 = bench_cpu_ns();
	for (k = 0; k < iters; k++) o->fn(o->ctx, o->next++ % BENCH_TOKENS);
	return bench_cpu_ns() - t0;
}

static void bench_calibrate(bench_op *o)
{
	unsigned long iters = 1;
	if (!o->fn || o->iters) return;
	bench_run(o, 2); /* warm up */
	for (;;) {
		double el = bench_run(o, iters);
		if (el >= BENCH_BLOCK_NS) break;
		if (el < BENCH_BLOCK_NS / 16) iters *= 8;
		else iters = (unsigned long)((double)iters * BENCH_BLOCK_NS * 1.1 / el) + 1;
	}
	o->iters = iters;
}

/* One warm block; returns ns per call and records it. */
static double bench_block(bench_op *o)
{
	double t = bench_run(o, o->iters) / (double)o->iters;
	if (o->ns < BENCH_MAX_SAMPLES) o->s[o->ns++] = t;
	return t;
}

/* The cold variant: a read walk over a buffer larger than the last-level
   cache before every call; only the call is timed (minus the clock's own
   cost, measured at start). */
static unsigned char *bench_walk_buf;
static size_t bench_walk_len;
static double bench_clock_cost;

static void bench_walk(void)
{
	size_t k;
	unsigned long acc = 0;
	for (k = 0; k < bench_walk_len; k += 64) acc += bench_walk_buf[k];
	bench_sink += acc;
}

static double bench_block_cold(bench_op *o)
{
	double sum = 0, t;
	int k;
	for (k = 0; k < BENCH_COLD_CALLS; k++) {
		double t0;
		bench_walk();
		t0 = bench_cpu_ns();
		o->fn(o->ctx, o->next++ % BENCH_TOKENS);
		sum += bench_cpu_ns() - t0 - bench_clock_cost;
	}
	t = sum / BENCH_COLD_CALLS;
	if (o->nc < BENCH_MAX_SAMPLES) o->c[o->nc++] = t;
	return t;
}

/* A ratio num/den of two operations, measured in pairs of adjacent
   blocks. */
typedef struct bench_pair {
	bench_op *num, *den;
	double r[BENCH_MAX_SAMPLES];
	int n;
} bench_pair;

/* Every pair, BENCH_REPS (or BENCH_COLD_REPS) times: in repetition k the
   pairs start at k mod n and each pair's two blocks swap order. */
static void bench_pairs(bench_pair *p, int n, int cold)
{
	int rep, j, reps = cold ? BENCH_COLD_REPS : BENCH_REPS;
	for (j = 0; j < n; j++) {
		p[j].n = 0;
		if (!p[j].num->fn || !p[j].den->fn) continue;
		if (!cold) { bench_calibrate(p[j].num); bench_calibrate(p[j].den); }
	}
	for (rep = 0; rep < reps; rep++)
		for (j = 0; j < n; j++) {
			bench_pair *q = &p[(j + rep) % n];
			double a, b;
			if (!q->num->fn || !q->den->fn) continue;
			if (rep & 1) {
				b = cold ? bench_block_cold(q->den) : bench_block(q->den);
				a = cold ? bench_block_cold(q->num) : bench_block(q->num);
			} else {
				a = cold ? bench_block_cold(q->num) : bench_block(q->num);
				b = cold ? bench_block_cold(q->den) : bench_block(q->den);
			}
			if (q->n < BENCH_MAX_SAMPLES) q->r[q->n++] = a / b;
		}
}

/* Single operations (no ratio), interleaved and rotated the same way. */
static void bench_singles(bench_op **o, int n)
{
	int rep, j;
	for (j = 0; j < n; j++) bench_calibrate(o[j]);
	for (rep = 0; rep < BENCH_REPS; rep++)
		for (j = 0; j < n; j++) {
			bench_op *q = o[(j + rep) % n];
			if (q->fn) bench_block(q);
		}
}

/* "1.23" or "na" */
static const char *bench_fmt(char *buf, size_t cap, double v, int have, const char *f)
{
	if (have) snprintf(buf, cap, f, v);
	else snprintf(buf, cap, "na");
	return buf;
}

/* "12.34[12.01-13.50]" microseconds of a warm (cold = 0) or cold op */
static const char *bench_us(char *buf, size_t cap, const bench_op *o, int cold)
{
	stat3 s = bench_stats(cold ? o->c : o->s, cold ? o->nc : o->ns);
	if (!o->fn || s.n == 0) snprintf(buf, cap, "na");
	else snprintf(buf, cap, "%.2f[%.2f-%.2f]", s.med / 1e3, s.min / 1e3, s.max / 1e3);
	return buf;
}

/* ------------------------------------------------------ key generation */

static br_hmac_drbg_context bench_rng;

static void bench_random(void *out, size_t len)
{
	br_hmac_drbg_generate(&bench_rng, out, len);
}

/* base64url text of n bytes into a fresh string */
static char *bench_b64(const uint8_t *in, size_t n)
{
	size_t cap = (n + 2) / 3 * 4 + 1, len = 0;
	char *out = (char *)malloc(cap);
	if (!out || jwtauth_b64url_encode(in, n, out, cap, &len) != JWTAUTH_OK)
		bench_die("base64url encode");
	out[len] = 0;
	return out;
}

typedef struct bench_rsa {
	unsigned bits;
	br_rsa_private_key sk;
	br_rsa_public_key pk;
	unsigned char kpriv[BR_RSA_KBUF_PRIV_SIZE(4096)], kpub[BR_RSA_KBUF_PUB_SIZE(4096)];
} bench_rsa;

typedef struct bench_ec {
	int curve;
	br_ec_private_key sk;
	br_ec_public_key pk;
	unsigned char kpriv[BR_EC_KBUF_PRIV_MAX_SIZE], kpub[BR_EC_KBUF_PUB_MAX_SIZE];
} bench_ec;

static bench_rsa *bench_rsa_key(unsigned bits)
{
	static bench_rsa *cache[2];
	int slot = bits == 4096;
	if (!cache[slot]) {
		bench_rsa *k = (bench_rsa *)calloc(1, sizeof *k);
		if (!k || !br_rsa_keygen_get_default()(&bench_rng.vtable, &k->sk, k->kpriv,
				&k->pk, k->kpub, bits, 65537))
			bench_die("RSA-%u key generation", bits);
		k->bits = bits;
		cache[slot] = k;
	}
	return cache[slot];
}

static bench_ec *bench_ec_key(int curve)
{
	static bench_ec *cache[32];
	if (!cache[curve]) {
		bench_ec *k = (bench_ec *)calloc(1, sizeof *k);
		if (!k || !br_ec_keygen(&bench_rng.vtable, br_ec_get_default(), &k->sk, k->kpriv, curve)
		    || !br_ec_compute_pub(br_ec_get_default(), &k->pk, k->kpub, &k->sk))
			bench_die("EC key generation (curve %d)", curve);
		k->curve = curve;
		cache[curve] = k;
	}
	return cache[curve];
}

/* JWKS member text for a public key */
static char *bench_jwk_rsa(const unsigned char *n, size_t n_len, const char *kid)
{
	char *nb = bench_b64(n, n_len), *out;
	size_t cap = strlen(nb) + 128;
	out = (char *)malloc(cap);
	if (!out) bench_die("malloc");
	snprintf(out, cap, "{\"kty\":\"RSA\"%s%s%s,\"n\":\"%s\",\"e\":\"AQAB\"}",
		kid ? ",\"kid\":\"" : "", kid ? kid : "", kid ? "\"" : "", nb);
	free(nb);
	return out;
}

static const char *bench_crv_name(int curve)
{
	return curve == BR_EC_secp256r1 ? "P-256" : curve == BR_EC_secp384r1 ? "P-384" : "P-521";
}

/* ------------------------------------------------------- the algorithms */

enum { K_HMAC, K_RSA, K_PSS, K_EC, K_ED };

/* One row per measured algorithm. pad: the token's total length (0 =
   ordinary tokens). */
typedef struct bench_row {
	const char *label, *alg;
	int kind;
	int size;        /* HMAC key bytes, RSA bits, EC curve */
	size_t pad;
} bench_row;

static const bench_row bench_rows[] = {
	{ "HS256", "HS256", K_HMAC, 32, 0 },
	{ "HS384", "HS384", K_HMAC, 48, 0 },
	{ "HS512", "HS512", K_HMAC, 64, 0 },
	{ "RS256-2048", "RS256", K_RSA, 2048, 0 },
	{ "RS384-2048", "RS384", K_RSA, 2048, 0 },
	{ "RS512-2048", "RS512", K_RSA, 2048, 0 },
	{ "RS256-4096", "RS256", K_RSA, 4096, 0 },
	{ "PS256", "PS256", K_PSS, 2048, 0 },
	{ "ES256", "ES256", K_EC, BR_EC_secp256r1, 0 },
	{ "ES384", "ES384", K_EC, BR_EC_secp384r1, 0 },
	{ "ES512", "ES512", K_EC, BR_EC_secp521r1, 0 },
#ifdef JWTAUTH_HAVE_EDDSA
	{ "EdDSA", "EdDSA", K_ED, 0, 0 },
#endif
	/* the 8 KB lines: JWTAUTH_MAX_TOKEN_LEN bytes */
	{ "HS256", "HS256", K_HMAC, 32, JWTAUTH_MAX_TOKEN_LEN },
	{ "RS256-2048", "RS256", K_RSA, 2048, JWTAUTH_MAX_TOKEN_LEN },
	{ "ES256", "ES256", K_EC, BR_EC_secp256r1, JWTAUTH_MAX_TOKEN_LEN }
};
#define BENCH_NROWS (sizeof bench_rows / sizeof bench_rows[0])

enum { OP_FLOOR, OP_VERIFY, OP_BEARSSL, OP_AUTH, OP_HIT, OP_OPENSSL, OP_LIBJWT,
	OP_HS256AUTH, OP_COUNT };

typedef struct bench_alg {
	const bench_row *row;
	jwtauth_alg alg;
	const br_hash_class *hash;
	const unsigned char *oid;
	size_t hlen;
	/* the key */
	br_hmac_key_context hk;
	uint8_t secret[64];
	bench_rsa *rsa;
	bench_ec *ec;
	uint8_t ed_pub[32];
	jwtauth_keyset *ks, *ks_bearssl;
	/* tokens */
	char *tok[BENCH_TOKENS];
	size_t tok_len[BENCH_TOKENS], dot2[BENCH_TOKENS];
	uint8_t sig[BENCH_TOKENS][512];
	size_t sig_len[BENCH_TOKENS];
	char *pem;              /* libjwt's key: PEM public key or the secret */
	size_t pem_len;
#ifdef BENCH_OPENSSL
	EVP_PKEY *pkey;
	const EVP_MD *md;
	EVP_MD_CTX *mdctx;
	EVP_MAC_CTX *macctx;
	uint8_t *der[BENCH_TOKENS];   /* ECDSA signatures in DER */
	size_t der_len[BENCH_TOKENS];
#endif
	bench_op op[OP_COUNT];
	bench_pair pair[6], cold[2];
} bench_alg;

static bench_alg *bench_algs[BENCH_NROWS];
static jwtauth_config bench_cfg, bench_cfg_cached;
static jwtauth_token_cache bench_tc;
static jwtauth_token_cache_entry *bench_tc_entries;
#define BENCH_TC_ENTRIES 512
static jwtauth_jwt bench_jwt;
static jwtauth_login bench_login;
static jwtauth_engines bench_bearssl_engines;

static const char *const bench_ratio_names[6] = {
	"verify/floor", "verify/openssl", "auth/floor", "cachehit/hs256auth", "libjwt/verify",
	"bearssl-verify/floor"
};

/* EMSA-PSS encoding (RFC 8017 9.1.1), salt length = hash length, for a
   modulus of emlen bytes whose top byte is not 1 (2048 and 4096 bits) */
static void bench_pss_encode(const br_hash_class *hc, const uint8_t *mhash, size_t hlen,
	uint8_t *em, size_t emlen)
{
	br_hash_compat_context c;
	uint8_t salt[64], h[64], mask[64];
	static const uint8_t zeros[8] = { 0 };
	size_t dblen = emlen - hlen - 1, k, off;
	uint32_t counter;
	bench_random(salt, hlen);
	hc->init(&c.vtable);
	hc->update(&c.vtable, zeros, 8);
	hc->update(&c.vtable, mhash, hlen);
	hc->update(&c.vtable, salt, hlen);
	hc->out(&c.vtable, h);
	memset(em, 0, emlen);
	em[dblen - hlen - 1] = 0x01;
	memcpy(em + dblen - hlen, salt, hlen);
	for (off = 0, counter = 0; off < dblen; counter++) {
		uint8_t cb[4];
		cb[0] = (uint8_t)(counter >> 24); cb[1] = (uint8_t)(counter >> 16);
		cb[2] = (uint8_t)(counter >> 8); cb[3] = (uint8_t)counter;
		hc->init(&c.vtable);
		hc->update(&c.vtable, h, hlen);
		hc->update(&c.vtable, cb, 4);
		hc->out(&c.vtable, mask);
		for (k = 0; k < hlen && off < dblen; k++, off++) em[off] ^= mask[k];
	}
	em[0] &= 0x7F;
	memcpy(em + dblen, h, hlen);
	em[emlen - 1] = 0xBC;
}

#ifdef BENCH_OPENSSL
static EVP_PKEY *bench_ossl_rsa(const bench_rsa *k)
{
	OSSL_PARAM_BLD *b = OSSL_PARAM_BLD_new();
	BIGNUM *n = BN_bin2bn(k->pk.n, (int)k->pk.nlen, NULL), *e = BN_bin2bn(k->pk.e, (int)k->pk.elen, NULL);
	OSSL_PARAM *p = NULL;
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(NULL, "RSA", NULL);
	EVP_PKEY *pkey = NULL;
	if (!b || !n || !e || !ctx || !OSSL_PARAM_BLD_push_BN(b, OSSL_PKEY_PARAM_RSA_N, n)
	    || !OSSL_PARAM_BLD_push_BN(b, OSSL_PKEY_PARAM_RSA_E, e)
	    || !(p = OSSL_PARAM_BLD_to_param(b)) || EVP_PKEY_fromdata_init(ctx) <= 0
	    || EVP_PKEY_fromdata(ctx, &pkey, EVP_PKEY_PUBLIC_KEY, p) <= 0)
		bench_die("OpenSSL RSA key import");
	OSSL_PARAM_free(p);
	OSSL_PARAM_BLD_free(b);
	BN_free(n);
	BN_free(e);
	EVP_PKEY_CTX_free(ctx);
	return pkey;
}

static EVP_PKEY *bench_ossl_ec(const bench_ec *k)
{
	const char *g = k->curve == BR_EC_secp256r1 ? "prime256v1"
		: k->curve == BR_EC_secp384r1 ? "secp384r1" : "secp521r1";
	OSSL_PARAM p[3];
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(NULL, "EC", NULL);
	EVP_PKEY *pkey = NULL;
	p[0] = OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, (char *)g, 0);
	p[1] = OSSL_PARAM_construct_octet_string(OSSL_PKEY_PARAM_PUB_KEY, k->pk.q, k->pk.qlen);
	p[2] = OSSL_PARAM_construct_end();
	if (!ctx || EVP_PKEY_fromdata_init(ctx) <= 0
	    || EVP_PKEY_fromdata(ctx, &pkey, EVP_PKEY_PUBLIC_KEY, p) <= 0)
		bench_die("OpenSSL EC key import");
	EVP_PKEY_CTX_free(ctx);
	return pkey;
}

static char *bench_ossl_pem(EVP_PKEY *pkey, size_t *len)
{
	BIO *bio = BIO_new(BIO_s_mem());
	char *data, *out;
	long n;
	if (!bio || !PEM_write_bio_PUBKEY(bio, pkey)) bench_die("PEM_write_bio_PUBKEY");
	n = BIO_get_mem_data(bio, &data);
	out = (char *)malloc((size_t)n + 1);
	if (!out) bench_die("malloc");
	memcpy(out, data, (size_t)n);
	out[n] = 0;
	*len = (size_t)n;
	BIO_free(bio);
	return out;
}

/* raw r||s -> DER ECDSA-Sig-Value */
static size_t bench_ecdsa_der(const uint8_t *raw, size_t rlen, uint8_t *out)
{
	size_t h = rlen / 2, k, pos = 0, total;
	uint8_t tmp[2][70];
	size_t tl[2];
	for (k = 0; k < 2; k++) {
		const uint8_t *v = raw + k * h;
		size_t n = h;
		while (n > 1 && *v == 0) { v++; n--; }
		tl[k] = 0;
		if (*v & 0x80) tmp[k][tl[k]++] = 0;
		memcpy(tmp[k] + tl[k], v, n);
		tl[k] += n;
	}
	total = 2 + tl[0] + 2 + tl[1];
	out[pos++] = 0x30;
	if (total >= 128) out[pos++] = 0x81;
	out[pos++] = (uint8_t)total;
	for (k = 0; k < 2; k++) {
		out[pos++] = 0x02;
		out[pos++] = (uint8_t)tl[k];
		memcpy(out + pos, tmp[k], tl[k]);
		pos += tl[k];
	}
	return pos;
}
#endif

/* Sign one token: header.payload.signature */
static char *bench_sign(bench_alg *a, const char *header, const char *payload, size_t *len,
	uint8_t *sig, size_t *sig_len)
{
	char *hb = bench_b64((const uint8_t *)header, strlen(header));
	char *pb = bench_b64((const uint8_t *)payload, strlen(payload));
	size_t n = strlen(hb) + 1 + strlen(pb), slen = 0;
	char *tok = (char *)malloc(n + 700), *sb;
	uint8_t h[64];
	if (!tok) bench_die("malloc");
	snprintf(tok, n + 1, "%s.%s", hb, pb);
	free(hb);
	free(pb);
	if (a->hash) {
		br_hash_compat_context c;
		a->hash->init(&c.vtable);
		a->hash->update(&c.vtable, tok, n);
		a->hash->out(&c.vtable, h);
	}
	switch (a->row->kind) {
	case K_HMAC: {
		br_hmac_context hc;
		br_hmac_init(&hc, &a->hk, 0);
		br_hmac_update(&hc, tok, n);
		slen = br_hmac_out(&hc, sig);
		break;
	}
	case K_RSA:
		slen = (a->rsa->bits + 7) / 8;
		if (!br_rsa_pkcs1_sign_get_default()(a->oid, h, a->hlen, &a->rsa->sk, sig))
			bench_die("RSA sign");
		break;
	case K_PSS:
		slen = (a->rsa->bits + 7) / 8;
		bench_pss_encode(a->hash, h, a->hlen, sig, slen);
		if (!br_rsa_private_get_default()(sig, &a->rsa->sk)) bench_die("RSA private");
		break;
	case K_EC:
		slen = br_ecdsa_sign_raw_get_default()(br_ec_get_default(), a->hash, h, &a->ec->sk, sig);
		if (!slen) bench_die("ECDSA sign");
		break;
	case K_ED:
#ifdef BENCH_OPENSSL
	{
		EVP_MD_CTX *m = EVP_MD_CTX_new();
		slen = 64;
		if (!m || EVP_DigestSignInit(m, NULL, NULL, NULL, a->pkey) <= 0
		    || EVP_DigestSign(m, sig, &slen, (const unsigned char *)tok, n) <= 0)
			bench_die("Ed25519 sign");
		EVP_MD_CTX_free(m);
	}
#endif
		break;
	}
	sb = bench_b64(sig, slen);
	tok[n] = '.';
	strcpy(tok + n + 1, sb);
	*len = n + 1 + strlen(sb);
	*sig_len = slen;
	free(sb);
	return tok;
}

/* base64url length of n bytes, unpadded */
static size_t bench_b64len(size_t n) { return (4 * n + 2) / 3; }

static size_t bench_sig_bytes(const bench_alg *a)
{
	switch (a->row->kind) {
	case K_HMAC: return a->hlen;
	case K_RSA: case K_PSS: return (size_t)a->row->size / 8;
	case K_EC: return a->row->size == BR_EC_secp256r1 ? 64 : a->row->size == BR_EC_secp384r1 ? 96 : 132;
	default: return 64;
	}
}

/* The 64 tokens of an algorithm: distinct jti; kid as given (NULL: none).
   A padded row carries a "pad" claim that makes the token as long as it
   can be without exceeding row->pad bytes. */
static void bench_tokens(bench_alg *a, const char *kid, char **tok, size_t *tok_len,
	size_t *dot2, uint8_t (*sig)[512], size_t *sig_len)
{
	char header[160], *payload;
	unsigned i;
	size_t cap = JWTAUTH_MAX_TOKEN_LEN + 512;
	payload = (char *)malloc(cap);
	if (!payload) bench_die("malloc");
	if (kid) snprintf(header, sizeof header, "{\"alg\":\"%s\",\"typ\":\"JWT\",\"kid\":\"%s\"}",
		a->row->alg, kid);
	else snprintf(header, sizeof header, "{\"alg\":\"%s\",\"typ\":\"JWT\"}", a->row->alg);
	for (i = 0; i < BENCH_TOKENS; i++) {
		int w = snprintf(payload, cap, "{\"iss\":\"https://issuer.example\","
			"\"aud\":\"starrocks\",\"sub\":\"tom\",\"iat\":%lld,\"exp\":%lld,"
			"\"jti\":\"bench-%s-%u\"", (long long)(BENCH_NOW - 60),
			(long long)(BENCH_NOW + 3600), a->row->label, i);
		if (a->row->pad) {
			/* header.payload.signature: the payload's largest length */
			size_t fixed = bench_b64len(strlen(header)) + 2 + bench_b64len(bench_sig_bytes(a));
			size_t p = (a->row->pad - fixed) * 3 / 4 + 1, base = (size_t)w + 10, k;
			while (bench_b64len(p) > a->row->pad - fixed) p--;
			if (p < base) bench_die("padded token: no room");
			w += snprintf(payload + w, cap - (size_t)w, ",\"pad\":\"");
			for (k = 0; k < p - base; k++) payload[w++] = 'x';
			payload[w++] = '"';
		}
		snprintf(payload + w, cap - (size_t)w, "}");
		tok[i] = bench_sign(a, header, payload, &tok_len[i], sig[i], &sig_len[i]);
		if (a->row->pad && tok_len[i] > a->row->pad) bench_die("padded token too long");
		dot2[i] = (size_t)(strrchr(tok[i], '.') - tok[i]);
	}
	free(payload);
}

/* ------------------------------------------------------------ operations */

/* The library calls every timed verification and login goes through. */
static int bench_jws_verify(const jwtauth_keyset *ks, const char *tok, size_t len)
{
	return jwtauth_jws_verify_signature_only(ks, tok, len, JWTAUTH_ALGS_ALL, &bench_jwt, NULL);
}

static int bench_authenticate(const jwtauth_keyset *ks, const char *tok, size_t len, int cached)
{
	return jwtauth_authenticate(cached ? &bench_cfg_cached : &bench_cfg, ks,
		cached ? &bench_tc : NULL, "tom", 3,
		(const uint8_t *)tok, len, JWTAUTH_RESPONSE_AUTO, BENCH_NOW, &bench_login, NULL);
}

static void op_floor(void *v, unsigned i)
{
	bench_alg *a = (bench_alg *)v;
	uint8_t h[64], out[64];
	int ok = 0;
	if (a->row->kind == K_HMAC) {
		br_hmac_context hc;
		br_hmac_init(&hc, &a->hk, 0);
		br_hmac_update(&hc, a->tok[i], a->dot2[i]);
		br_hmac_out(&hc, out);
		ok = memcmp(out, a->sig[i], a->hlen) == 0;
	} else {
		br_hash_compat_context c;
		a->hash->init(&c.vtable);
		a->hash->update(&c.vtable, a->tok[i], a->dot2[i]);
		a->hash->out(&c.vtable, h);
		if (a->row->kind == K_RSA) {
			ok = br_rsa_pkcs1_vrfy_get_default()(a->sig[i], a->sig_len[i], a->oid, a->hlen,
				&a->rsa->pk, out) && memcmp(out, h, a->hlen) == 0;
		} else if (a->row->kind == K_PSS) {
			/* BearSSL 0.6 has no PSS: the floor is the hash and the raw
			   public operation (the EMSA-PSS decoding is not counted) */
			uint8_t em[512];
			memcpy(em, a->sig[i], a->sig_len[i]);
			ok = br_rsa_public_get_default()(em, a->sig_len[i], &a->rsa->pk)
				&& em[a->sig_len[i] - 1] == 0xBC;
		} else {
			ok = br_ecdsa_vrfy_raw_get_default()(br_ec_get_default(), h, a->hlen, &a->ec->pk,
				a->sig[i], a->sig_len[i]) == 1;
		}
	}
	if (!ok) bench_die("%s floor: token %u refused", a->row->label, i);
	bench_sink += (unsigned long)ok;
}

static void op_verify_ks(bench_alg *a, const jwtauth_keyset *ks, unsigned i, const char *what)
{
	int rc = bench_jws_verify(ks, a->tok[i], a->tok_len[i]);
	if (rc != JWTAUTH_OK)
		bench_die("%s %s: token %u: %s", a->row->label, what, i, jwtauth_error_name(rc));
}

static void op_verify(void *v, unsigned i)
{
	bench_alg *a = (bench_alg *)v;
	op_verify_ks(a, a->ks, i, "verify");
}

static void op_bearssl(void *v, unsigned i)
{
	bench_alg *a = (bench_alg *)v;
	op_verify_ks(a, a->ks_bearssl, i, "verify with BearSSL's engines");
}

static void bench_auth(bench_alg *a, int cached, unsigned i, int hit)
{
	int rc = bench_authenticate(a->ks, a->tok[i], a->tok_len[i], cached);
	if (rc != JWTAUTH_OK || bench_login.cache_hit != hit)
		bench_die("%s %s: token %u: %s, cache_hit %d", a->row->label,
			hit ? "cache hit" : "authenticate", i, jwtauth_error_name(rc), bench_login.cache_hit);
}

static void op_auth(void *v, unsigned i) { bench_auth((bench_alg *)v, 0, i, 0); }
static void op_hit(void *v, unsigned i) { bench_auth((bench_alg *)v, 1, i, 1); }
static void op_hs256auth(void *v, unsigned i)
{
	(void)v;
	bench_auth(bench_algs[0], 0, i, 0);
}

#ifdef BENCH_OPENSSL
static void op_openssl(void *v, unsigned i)
{
	bench_alg *a = (bench_alg *)v;
	int ok;
	if (a->row->kind == K_HMAC) {
		uint8_t out[64];
		size_t outl = 0;
		ok = EVP_MAC_init(a->macctx, NULL, 0, NULL) == 1
			&& EVP_MAC_update(a->macctx, (const unsigned char *)a->tok[i], a->dot2[i]) == 1
			&& EVP_MAC_final(a->macctx, out, &outl, sizeof out) == 1
			&& outl == a->hlen && CRYPTO_memcmp(out, a->sig[i], a->hlen) == 0;
	} else {
		EVP_PKEY_CTX *pctx = NULL;
		const uint8_t *s = a->sig[i];
		size_t sl = a->sig_len[i];
		if (a->row->kind == K_EC) { s = a->der[i]; sl = a->der_len[i]; }
		ok = EVP_DigestVerifyInit(a->mdctx, &pctx, a->md, NULL, a->pkey) == 1;
		if (ok && a->row->kind == K_PSS)
			ok = EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) == 1
				&& EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) == 1
				&& EVP_PKEY_CTX_set_rsa_mgf1_md(pctx, a->md) == 1;
		ok = ok && EVP_DigestVerify(a->mdctx, s, sl, (const unsigned char *)a->tok[i],
			a->dot2[i]) == 1;
	}
	if (!ok) bench_die("%s OpenSSL: token %u refused", a->row->label, i);
	bench_sink += (unsigned long)ok;
}
#endif

#ifdef BENCH_LIBJWT
/* jwt_decode with the key PEM (re-parsed every call) or the secret */
static void op_libjwt(void *v, unsigned i)
{
	bench_alg *a = (bench_alg *)v;
	jwt_t *j = NULL;
	int rc = a->row->kind == K_HMAC
		? jwt_decode(&j, a->tok[i], a->secret, a->row->size)
		: jwt_decode(&j, a->tok[i], (const unsigned char *)a->pem, (int)a->pem_len);
	if (j) jwt_free(j);
	if (rc != 0) bench_die("%s libjwt: token %u: jwt_decode %d", a->row->label, i, rc);
}
#endif

/* ----------------------------------------------------------------- setup */

static void bench_load_keyset(jwtauth_keyset *ks, const char *doc, const char *what)
{
	jwtauth_error e;
	int rc;
	memset(&e, 0, sizeof e);
	rc = jwtauth_keyset_parse(ks, doc, strlen(doc), &e);
	if (rc != JWTAUTH_OK || ks->usable != ks->count)
		bench_die("%s: key set: %s (%s), %lu of %lu usable", what, jwtauth_error_name(rc),
			e.msg ? e.msg : "", (unsigned long)ks->usable, (unsigned long)ks->count);
}

static bench_alg *bench_setup(const bench_row *row)
{
	bench_alg *a = (bench_alg *)calloc(1, sizeof *a);
	char *jwk = NULL, doc[4096 + 1400];
	unsigned i;
	if (!a) bench_die("malloc");
	a->row = row;
	a->alg = jwtauth_alg_from_name(row->alg, strlen(row->alg));
	if (!a->alg) bench_die("%s: unknown alg", row->label);
	if (strstr(row->alg, "256")) { a->hash = &br_sha256_vtable; a->oid = BR_HASH_OID_SHA256; a->hlen = 32; }
	else if (strstr(row->alg, "384")) { a->hash = &br_sha384_vtable; a->oid = BR_HASH_OID_SHA384; a->hlen = 48; }
	else if (strstr(row->alg, "512")) { a->hash = &br_sha512_vtable; a->oid = BR_HASH_OID_SHA512; a->hlen = 64; }
	a->ks = (jwtauth_keyset *)calloc(1, sizeof *a->ks);
	a->ks_bearssl = (jwtauth_keyset *)calloc(1, sizeof *a->ks_bearssl);
	if (!a->ks || !a->ks_bearssl) bench_die("malloc");
#ifdef BENCH_OPENSSL
	a->mdctx = EVP_MD_CTX_new();
	if (a->hash && !(a->md = EVP_MD_fetch(NULL, a->hlen == 32 ? "SHA256"
			: a->hlen == 48 ? "SHA384" : "SHA512", NULL)))
		bench_die("EVP_MD_fetch");
#endif
	switch (row->kind) {
	case K_HMAC: {
		char *kb;
		bench_random(a->secret, (size_t)row->size);
		br_hmac_key_init(&a->hk, a->hash, a->secret, (size_t)row->size);
		kb = bench_b64(a->secret, (size_t)row->size);
		jwk = (char *)malloc(strlen(kb) + 64);
		if (!jwk) bench_die("malloc");
		sprintf(jwk, "{\"kty\":\"oct\",\"kid\":\"k0\",\"k\":\"%s\"}", kb);
		free(kb);
		a->pem = (char *)a->secret;
		a->pem_len = (size_t)row->size;
#ifdef BENCH_OPENSSL
		{
			EVP_MAC *mac = EVP_MAC_fetch(NULL, "HMAC", NULL);
			OSSL_PARAM p[2];
			p[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST,
				(char *)(a->hlen == 32 ? "SHA256" : a->hlen == 48 ? "SHA384" : "SHA512"), 0);
			p[1] = OSSL_PARAM_construct_end();
			if (!mac || !(a->macctx = EVP_MAC_CTX_new(mac))
			    || EVP_MAC_init(a->macctx, a->secret, (size_t)row->size, p) != 1)
				bench_die("OpenSSL HMAC");
			EVP_MAC_free(mac);
		}
#endif
		break;
	}
	case K_RSA:
	case K_PSS:
		a->rsa = bench_rsa_key((unsigned)row->size);
		jwk = bench_jwk_rsa(a->rsa->pk.n, a->rsa->pk.nlen, "k0");
#ifdef BENCH_OPENSSL
		a->pkey = bench_ossl_rsa(a->rsa);
		a->pem = bench_ossl_pem(a->pkey, &a->pem_len);
#endif
		break;
	case K_EC: {
		size_t h;
		char *x, *y;
		a->ec = bench_ec_key(row->size);
		h = (a->ec->pk.qlen - 1) / 2;
		x = bench_b64(a->ec->pk.q + 1, h);
		y = bench_b64(a->ec->pk.q + 1 + h, h);
		jwk = (char *)malloc(strlen(x) + strlen(y) + 96);
		if (!jwk) bench_die("malloc");
		sprintf(jwk, "{\"kty\":\"EC\",\"kid\":\"k0\",\"crv\":\"%s\",\"x\":\"%s\",\"y\":\"%s\"}",
			bench_crv_name(row->size), x, y);
		free(x);
		free(y);
#ifdef BENCH_OPENSSL
		a->pkey = bench_ossl_ec(a->ec);
		a->pem = bench_ossl_pem(a->pkey, &a->pem_len);
#endif
		break;
	}
	case K_ED:
#ifdef BENCH_OPENSSL
	{
		size_t publen = 32;
		char *x;
		a->pkey = EVP_PKEY_Q_keygen(NULL, NULL, "ED25519");
		if (!a->pkey || EVP_PKEY_get_raw_public_key(a->pkey, a->ed_pub, &publen) != 1)
			bench_die("Ed25519 key generation");
		x = bench_b64(a->ed_pub, 32);
		jwk = (char *)malloc(strlen(x) + 96);
		if (!jwk) bench_die("malloc");
		sprintf(jwk, "{\"kty\":\"OKP\",\"kid\":\"k0\",\"crv\":\"Ed25519\",\"x\":\"%s\"}", x);
		free(x);
	}
#else
		return a;  /* no signer: the row prints na */
#endif
		break;
	}
	snprintf(doc, sizeof doc, "{\"keys\":[%s]}", jwk);
	free(jwk);
	bench_load_keyset(a->ks, doc, row->label);
	bench_load_keyset(a->ks_bearssl, doc, row->label);
	jwtauth_keyset_set_engines(a->ks_bearssl, &bench_bearssl_engines);
	bench_tokens(a, "k0", a->tok, a->tok_len, a->dot2, a->sig, a->sig_len);
#ifdef BENCH_OPENSSL
	if (row->kind == K_EC)
		for (i = 0; i < BENCH_TOKENS; i++) {
			a->der[i] = (uint8_t *)malloc(160);
			if (!a->der[i]) bench_die("malloc");
			a->der_len[i] = bench_ecdsa_der(a->sig[i], a->sig_len[i], a->der[i]);
		}
#endif
	for (i = 0; i < OP_COUNT; i++) a->op[i].ctx = a;
	a->op[OP_VERIFY].fn = op_verify;
	a->op[OP_AUTH].fn = op_auth;
	a->op[OP_HS256AUTH].fn = op_hs256auth;
	if (row->kind == K_ED) a->op[OP_FLOOR].why = "BearSSL has no Ed25519";
	else a->op[OP_FLOOR].fn = op_floor;
	if (row->kind == K_HMAC || row->kind == K_ED)
		a->op[OP_BEARSSL].why = "no engine to choose";
	else a->op[OP_BEARSSL].fn = op_bearssl;
	if (a->tok_len[0] > JWTAUTH_TOKEN_CACHE_MAX_TOKEN)
		a->op[OP_HIT].why = "longer than JWTAUTH_TOKEN_CACHE_MAX_TOKEN: never cached";
	else a->op[OP_HIT].fn = op_hit;
#ifdef BENCH_OPENSSL
	a->op[OP_OPENSSL].fn = op_openssl;
#else
	a->op[OP_OPENSSL].why = "built without OpenSSL";
#endif
#ifdef BENCH_LIBJWT
	if (row->kind == K_PSS || row->kind == K_ED)
		a->op[OP_LIBJWT].why = "libjwt 1.x has no PS* or EdDSA";
	else a->op[OP_LIBJWT].fn = op_libjwt;
#else
	a->op[OP_LIBJWT].why = "built without libjwt";
#endif
	/* one check of every operation before any timing */
	for (i = 0; i < OP_COUNT; i++)
		if (a->op[i].fn && i != OP_HIT && i != OP_HS256AUTH) a->op[i].fn(a, 0);
	return a;
}

/* Fill the token cache with this algorithm's tokens; every one must then
   be a hit. */
static void bench_prewarm(bench_alg *a)
{
	unsigned i;
	if (!a->op[OP_HIT].fn) return;
	jwtauth_token_cache_clear(&bench_tc);
	for (i = 0; i < BENCH_TOKENS; i++) bench_auth(a, 1, i, 0);
	for (i = 0; i < BENCH_TOKENS; i++) op_hit(a, i);
}

static void bench_measure(bench_alg *a)
{
	static const int num[6] = { OP_VERIFY, OP_VERIFY, OP_AUTH, OP_HIT, OP_LIBJWT, OP_BEARSSL };
	static const int den[6] = { OP_FLOOR, OP_OPENSSL, OP_FLOOR, OP_HS256AUTH, OP_VERIFY, OP_FLOOR };
	int j;
	if (!a->op[OP_VERIFY].fn) return;
	bench_prewarm(a);
	for (j = 0; j < 6; j++) {
		a->pair[j].num = &a->op[num[j]];
		a->pair[j].den = &a->op[den[j]];
	}
	bench_pairs(a->pair, 6, 0);
	{
		/* operations no pair measured (their partner is na): alone */
		bench_op *alone[OP_COUNT];
		int n = 0, k;
		for (k = 0; k < OP_COUNT; k++)
			if (a->op[k].fn && a->op[k].ns == 0) alone[n++] = &a->op[k];
		if (n) bench_singles(alone, n);
	}
	if (a->row->pad) return;
	a->cold[0].num = &a->op[OP_VERIFY]; a->cold[0].den = &a->op[OP_FLOOR];
	a->cold[1].num = &a->op[OP_HIT]; a->cold[1].den = &a->op[OP_HS256AUTH];
	bench_pairs(a->cold, 2, 1);
	if (a->op[OP_VERIFY].nc == 0)
		for (j = 0; j < BENCH_COLD_REPS; j++) bench_block_cold(&a->op[OP_VERIFY]);
}

/* "verify/floor=1.23 ..." and the matching spread line */
static void bench_print_ratios(const char *tag, const char *label, bench_pair *p,
	const int *which, int n)
{
	char line[1024], spread[1024], v[64];
	size_t l = 0, sl = 0;
	int j;
	l += (size_t)snprintf(line + l, sizeof line - l, "%s %s", tag, label);
	sl += (size_t)snprintf(spread + sl, sizeof spread - sl, "spread %s %s", tag, label);
	for (j = 0; j < n; j++) {
		bench_pair *q = &p[which ? which[j] : j];
		stat3 s = bench_stats(q->r, q->n);
		const char *name = which ? bench_ratio_names[which[j]]
			: (j == 0 ? "verify/floor" : "cachehit/hs256auth");
		l += (size_t)snprintf(line + l, sizeof line - l, " %s=%s", name,
			bench_fmt(v, sizeof v, s.med, s.n > 0, "%.2f"));
		if (s.n > 0)
			sl += (size_t)snprintf(spread + sl, sizeof spread - sl, " %s=%.2f-%.2f", name,
				s.min, s.max);
		else
			sl += (size_t)snprintf(spread + sl, sizeof spread - sl, " %s=na", name);
	}
	printf("%s\n%s\n", line, spread);
}

/* ----------------------------------------------------- key-set lines */

typedef struct ks_ctx {
	bench_alg *a;
	jwtauth_keyset *ks;
	char *tok[BENCH_TOKENS];
	size_t len[BENCH_TOKENS];
	char *doc;
	int kind;    /* 0 verify, 1 parse */
	const char *what;
} ks_ctx;

static void op_ks(void *v, unsigned i)
{
	ks_ctx *c = (ks_ctx *)v;
	int rc;
	if (c->kind == 1) {
		rc = jwtauth_keyset_parse(c->ks, c->doc, strlen(c->doc), NULL);
	} else {
		rc = bench_jws_verify(c->ks, c->tok[i], c->len[i]);
		if (rc == JWTAUTH_OK && bench_jwt.key != &c->ks->keys[c->ks->count - 1])
			bench_die("key set %s: wrong key", c->what);
	}
	if (rc != JWTAUTH_OK) bench_die("key set %s: %s", c->what, jwtauth_error_name(rc));
}

/* RS256-2048 key sets of 1, 10 and 100 keys, the signing key last; the
   others are random odd 2048-bit moduli (they load like real keys, and a
   signature never verifies under them). Tokens with the last key's kid
   and without kid. */
static void bench_keysets(bench_alg *rs)
{
	static const int sizes[3] = { 1, 10, 100 };
	ks_ctx ctx[9];
	bench_op ops[9];
	bench_op *po[9];
	size_t cap = 120 * 460;
	uint8_t n[256], dsig[BENCH_TOKENS][512];
	size_t dlen[BENCH_TOKENS], dsl[BENCH_TOKENS];
	int s, j;
	char kid[16];
	memset(ops, 0, sizeof ops);
	memset(ctx, 0, sizeof ctx);
	for (s = 0; s < 3; s++) {
		char *doc = (char *)malloc(cap);
		size_t l;
		jwtauth_keyset *ks = (jwtauth_keyset *)calloc(1, sizeof *ks);
		if (!doc || !ks) bench_die("malloc");
		l = (size_t)snprintf(doc, cap, "{\"keys\":[");
		for (j = 0; j < sizes[s]; j++) {
			char *jwk;
			snprintf(kid, sizeof kid, "k%d", j);
			if (j < sizes[s] - 1) {
				bench_random(n, sizeof n);
				n[0] |= 0x80;
				n[255] |= 1;
				jwk = bench_jwk_rsa(n, sizeof n, kid);
			} else {
				jwk = bench_jwk_rsa(rs->rsa->pk.n, rs->rsa->pk.nlen, kid);
			}
			l += (size_t)snprintf(doc + l, cap - l, "%s%s", j ? "," : "", jwk);
			free(jwk);
		}
		snprintf(doc + l, cap - l, "]}");
		bench_load_keyset(ks, doc, "key-set line");
		for (j = 0; j < 3; j++) {
			ks_ctx *c = &ctx[s * 3 + j];
			c->a = rs;
			c->ks = ks;
			c->doc = doc;
			c->kind = j == 2;
			c->what = j == 0 ? "kid present" : j == 1 ? "kid absent" : "parse";
			ops[s * 3 + j].fn = op_ks;
			ops[s * 3 + j].ctx = c;
			po[s * 3 + j] = &ops[s * 3 + j];
		}
		snprintf(kid, sizeof kid, "k%d", sizes[s] - 1);
		bench_tokens(rs, kid, ctx[s * 3].tok, ctx[s * 3].len, dlen, dsig, dsl);
		bench_tokens(rs, NULL, ctx[s * 3 + 1].tok, ctx[s * 3 + 1].len, dlen, dsig, dsl);
		for (j = 0; j < 3; j++) op_ks(&ctx[s * 3 + j], 0);
	}
	/* the parse operations reload each set from its own document: the
	   verifications between them see the same keys */
	bench_singles(po, 9);
	for (s = 0; s < 3; s++) {
		char b0[64], b1[64], b2[64];
		printf("keyset RS256-2048 keys=%d kid=present verify_us=%s kid=absent verify_us=%s parse_us=%s\n",
			sizes[s], bench_us(b0, sizeof b0, &ops[s * 3], 0),
			bench_us(b1, sizeof b1, &ops[s * 3 + 1], 0), bench_us(b2, sizeof b2, &ops[s * 3 + 2], 0));
	}
	for (s = 0; s < 9; s++) {
		for (j = 0; j < BENCH_TOKENS; j++) free(ctx[s].tok[j]);
		if (s % 3 == 0) { free(ctx[s].doc); free(ctx[s].ks); }
	}
}

/* ------------------------------------------------------ forged headers */

typedef struct forged_ctx {
	bench_alg *a;
	char *tok[BENCH_TOKENS];
	size_t len[BENCH_TOKENS];
	int expect;
	const char *what;
} forged_ctx;

static void op_forged(void *v, unsigned i)
{
	forged_ctx *c = (forged_ctx *)v;
	int rc = bench_jws_verify(c->a->ks, c->tok[i], c->len[i]);
	if (rc != c->expect)
		bench_die("forged %s: token %u: %s instead of %s", c->what, i, jwtauth_error_name(rc),
			jwtauth_error_name(c->expect));
}

/* Tokens an attacker makes: the RS256-2048 tokens with their header
   replaced (alg none, alg HS256 against an RSA set, an unknown kid, a
   header that is not JSON) or their last signature byte changed. */
static void bench_forged(bench_alg *rs)
{
	static const char *const headers[4] = {
		"{\"alg\":\"none\",\"typ\":\"JWT\"}",
		"{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"k0\"}",
		"{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"unknown\"}",
		"{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"k0\""
	};
	static const char *const names[5] = { "alg-none", "alg-hs256-on-rsa", "kid-unknown",
		"header-not-json", "signature-bitflip" };
	forged_ctx ctx[5];
	bench_op ops[6];
	bench_op *po[6];
	int k;
	unsigned i;
	char line[1024];
	size_t l;
	memset(ops, 0, sizeof ops);
	for (k = 0; k < 5; k++) {
		ctx[k].a = rs;
		ctx[k].what = names[k];
		for (i = 0; i < BENCH_TOKENS; i++) {
			const char *t = rs->tok[i], *dot1 = strchr(t, '.');
			size_t rest = rs->tok_len[i] - (size_t)(dot1 - t);
			char *out;
			if (k < 4) {
				char *hb = bench_b64((const uint8_t *)headers[k], strlen(headers[k]));
				size_t hl = strlen(hb);
				out = (char *)malloc(hl + rest + 1);
				if (!out) bench_die("malloc");
				memcpy(out, hb, hl);
				memcpy(out + hl, dot1, rest);
				out[hl + rest] = 0;
				if (k == 0) out[hl + (size_t)(rs->dot2[i] - (size_t)(dot1 - t)) + 1] = 0;
				free(hb);
			} else {
				char *last;
				out = (char *)malloc(rs->tok_len[i] + 1);
				if (!out) bench_die("malloc");
				memcpy(out, t, rs->tok_len[i] + 1);
				/* a middle character: every bit of it is significant */
				last = out + rs->dot2[i] + 10;
				*last = *last == 'A' ? 'B' : 'A';
			}
			ctx[k].tok[i] = out;
			ctx[k].len[i] = strlen(out);
		}
		ctx[k].expect = bench_jws_verify(rs->ks, ctx[k].tok[0], ctx[k].len[0]);
		if (ctx[k].expect == JWTAUTH_OK) bench_die("forged %s accepted", names[k]);
		ops[k].fn = op_forged;
		ops[k].ctx = &ctx[k];
		po[k] = &ops[k];
	}
	ops[5] = rs->op[OP_VERIFY];
	ops[5].ns = ops[5].nc = 0;
	po[5] = &ops[5];
	bench_singles(po, 6);
	l = (size_t)snprintf(line, sizeof line, "forged RS256-2048");
	for (k = 0; k < 5; k++) {
		char b[64];
		l += (size_t)snprintf(line + l, sizeof line - l, " %s=%s:%s", names[k],
			jwtauth_error_name(ctx[k].expect), bench_us(b, sizeof b, &ops[k], 0));
	}
	{
		char b[64];
		snprintf(line + l, sizeof line - l, " valid=%s", bench_us(b, sizeof b, &ops[5], 0));
	}
	printf("%s (us)\n", line);
	for (k = 0; k < 5; k++)
		for (i = 0; i < BENCH_TOKENS; i++) free(ctx[k].tok[i]);
}

/* ------------------------------------------- headers of many names */

/* The attack on the duplicate-name check (which runs on the header, before
   any signature check): a token as long as the ordinary 8 KB HS256 token
   (the ratio8k HS256 row), whose header holds as many escaped member names
   as the token array allows (JWTAUTH_MAX_JSON_TOKENS, with alg and a pad
   member that brings the token to the same length), the last name
   repeating the first one spelled plainly: refused at the header
   (HEADER), after the check has seen every name. Two sets of names:
   - escaped: distinct 3-letter names, every letter a \u escape;
   - colliding: names of three \u escapes in U+0100..U+07FF that all share
     one 16-bit tag (found at start by search with the library's own tag
     function), hex digits in upper case in every other name: the worst
     case, where every comparison of the sort is an exact one that decodes
     the escapes.
   And a valid token of the same length with 100 claims (claim_000..),
   verified. Each measured against the ordinary token, as pairs of
   adjacent blocks; the two forged ones have the target <= 3x. */
#define BENCH_DUP_TARGET 3.0

typedef struct dup_names {
	char (*name)[24];      /* escaped spellings */
	char (*raw)[8];        /* the same names as UTF-8 */
	unsigned n;
} dup_names;

/* 3 letters a..z, each as \u00xx */
static void dup_letters(dup_names *d, unsigned count)
{
	unsigned k;
	d->n = count;
	d->name = (char (*)[24])malloc((size_t)count * sizeof *d->name);
	d->raw = (char (*)[8])malloc((size_t)count * sizeof *d->raw);
	if (!d->name || !d->raw) bench_die("malloc");
	for (k = 0; k < count; k++) {
		char c[3];
		c[0] = (char)('a' + k / 676 % 26);
		c[1] = (char)('a' + k / 26 % 26);
		c[2] = (char)('a' + k % 26);
		snprintf(d->name[k], sizeof d->name[k], "\\u%04x\\u%04x\\u%04x", c[0], c[1], c[2]);
		snprintf(d->raw[k], sizeof d->raw[k], "%c%c%c", c[0], c[1], c[2]);
	}
}

/* 3 code points in U+0100..U+07FF whose UTF-8 has the tag of the first */
static void dup_colliding(dup_names *d, unsigned count)
{
	unsigned long a, b, c, tries = 0;
	uint16_t want = 0;
	jwtauth_json_tok t;
	d->n = 0;
	d->name = (char (*)[24])malloc((size_t)count * sizeof *d->name);
	d->raw = (char (*)[8])malloc((size_t)count * sizeof *d->raw);
	if (!d->name || !d->raw) bench_die("malloc");
	memset(&t, 0, sizeof t);
	t.len = 6;
	for (a = 0x100; a < 0x800 && d->n < count; a++)
		for (b = 0x100; b < 0x800 && d->n < count; b++)
			for (c = 0x100; c < 0x800 && d->n < count; c++) {
				char u[8];
				uint16_t tag;
				u[0] = (char)(0xC0 | (a >> 6)); u[1] = (char)(0x80 | (a & 0x3F));
				u[2] = (char)(0xC0 | (b >> 6)); u[3] = (char)(0x80 | (b & 0x3F));
				u[4] = (char)(0xC0 | (c >> 6)); u[5] = (char)(0x80 | (c & 0x3F));
				u[6] = 0;
				tag = jwtauth__jname_tag(u, &t);
				tries++;
				if (d->n == 0) want = tag;
				else if (tag != want) continue;
				/* hex digits in upper case for every other name: no two
				   neighbours share the spelling of an escape, so the
				   comparisons decode every escape */
				snprintf(d->name[d->n], sizeof d->name[d->n], d->n & 1
					? "\\u%04lX\\u%04lX\\u%04lX" : "\\u%04lx\\u%04lx\\u%04lx", a, b, c);
				memcpy(d->raw[d->n], u, 7);
				d->n++;
			}
	if (d->n < count) bench_die("colliding names: %u of %u found", d->n, count);
	printf("dupnames: %u names with tag 0x%04x found in %lu tries\n", d->n, (unsigned)want, tries);
}

/* Forged token i from names [i, i + names) of d, `len` bytes at most. */
static char *dup_forged_token(const dup_names *d, unsigned i, unsigned names, size_t len,
	size_t *out_len)
{
	size_t cap = len + 64, hmax, o = 0, k, hl;
	char *json = (char *)malloc(cap), *hb, *tok;
	unsigned j;
	if (!json) bench_die("malloc");
	/* header.e30.<43 characters>: the header's base64url length */
	hmax = len - 5 - 43;
	o += (size_t)snprintf(json, cap, "{\"alg\":\"HS256\"");
	for (j = 0; j < names; j++)
		o += (size_t)snprintf(json + o, cap - o, ",\"%s\":0", d->name[(i + j) % d->n]);
	o += (size_t)snprintf(json + o, cap - o, ",\"pad\":\"");
	/* the closing quote, the repeat of the first name, the brace */
	k = strlen(d->raw[i % d->n]) + 7;
	if (bench_b64len(o + k) > hmax) bench_die("dupnames: %u names do not fit", names);
	while (bench_b64len(o + 1 + k) <= hmax) json[o++] = 'x';
	o += (size_t)snprintf(json + o, cap - o, "\",\"%s\":1}", d->raw[i % d->n]);
	hb = bench_b64((const uint8_t *)json, o);
	hl = strlen(hb);
	tok = (char *)malloc(hl + 64);
	if (!tok) bench_die("malloc");
	memcpy(tok, hb, hl);
	strcpy(tok + hl, ".e30.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
	*out_len = strlen(tok);
	free(hb);
	free(json);
	return tok;
}

static void bench_dupnames(bench_alg *h8)
{
	/* alg, the pad and the repeat take 3 of the name/value pairs */
	unsigned names = (JWTAUTH_MAX_JSON_TOKENS - 1) / 2 - 3, i, k;
	static const char *const what[3] = { "escaped", "colliding", "claims100" };
	dup_names sets[2];
	forged_ctx ctx[3];
	bench_op ops[4];
	bench_pair pairs[3];
	char b[4][64];
	dup_letters(&sets[0], names + BENCH_TOKENS);
	dup_colliding(&sets[1], names + BENCH_TOKENS);
	memset(ops, 0, sizeof ops);
	for (k = 0; k < 3; k++) {
		ctx[k].a = h8;
		ctx[k].what = what[k];
		for (i = 0; i < BENCH_TOKENS; i++) {
			if (k < 2) {
				ctx[k].tok[i] = dup_forged_token(&sets[k], i, names, h8->tok_len[i], &ctx[k].len[i]);
			} else {
				/* 100 claims, then a pad claim to the ordinary length */
				size_t cap = JWTAUTH_MAX_TOKEN_LEN + 64, o = 0, sl = 0, base, p,
					want = h8->tok_len[i];
				char *payload = (char *)malloc(cap), header[64];
				uint8_t sig[512];
				unsigned c;
				if (!payload) bench_die("malloc");
				snprintf(header, sizeof header, "{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
				o += (size_t)snprintf(payload, cap, "{\"jti\":\"dup-%u\"", i);
				for (c = 0; c < 100; c++)
					o += (size_t)snprintf(payload + o, cap - o, ",\"claim_%03u\":\"v%03u\"", c, c);
				o += (size_t)snprintf(payload + o, cap - o, ",\"pad\":\"");
				base = o;
				/* the largest pad that keeps the token within `want` */
				for (p = 0;; p++) {
					size_t tl = bench_b64len(strlen(header)) + 2 + bench_b64len(base + p + 2)
						+ bench_b64len(32);
					if (tl > want) break;
				}
				if (p == 0) bench_die("claims100: no room");
				memset(payload + base, 'x', p - 1);
				strcpy(payload + base + p - 1, "\"}");
				ctx[k].tok[i] = bench_sign(h8, header, payload, &ctx[k].len[i], sig, &sl);
				free(payload);
			}
		}
		ctx[k].expect = bench_jws_verify(h8->ks, ctx[k].tok[0], ctx[k].len[0]);
		if (k < 2 && ctx[k].expect != JWTAUTH_ERR_HEADER)
			bench_die("dupnames %s: %s, not HEADER", what[k], jwtauth_error_name(ctx[k].expect));
		if (k == 2 && ctx[k].expect != JWTAUTH_OK)
			bench_die("dupnames %s: %s", what[k], jwtauth_error_name(ctx[k].expect));
		ops[k].fn = op_forged;
		ops[k].ctx = &ctx[k];
	}
	ops[3] = h8->op[OP_VERIFY];
	ops[3].ns = ops[3].nc = 0;
	for (k = 0; k < 3; k++) {
		memset(&pairs[k], 0, sizeof pairs[k]);
		pairs[k].num = &ops[k];
		pairs[k].den = &ops[3];
	}
	bench_pairs(pairs, 3, 0);
	{
		stat3 s[3];
		for (k = 0; k < 3; k++) s[k] = bench_stats(pairs[k].r, pairs[k].n);
		printf("dupnames HS256 bytes=%lu/%lu/%lu/%lu names=%u escaped/ordinary=%.2f "
			"colliding/ordinary=%.2f claims100/ordinary=%.2f\n",
			(unsigned long)ctx[0].len[0], (unsigned long)ctx[1].len[0],
			(unsigned long)ctx[2].len[0], (unsigned long)h8->tok_len[0], names,
			s[0].med, s[1].med, s[2].med);
		printf("spread dupnames HS256 escaped/ordinary=%.2f-%.2f colliding/ordinary=%.2f-%.2f "
			"claims100/ordinary=%.2f-%.2f\n", s[0].min, s[0].max, s[1].min, s[1].max,
			s[2].min, s[2].max);
		printf("us dupnames HS256 escaped=%s:%s colliding=%s:%s claims100=%s ordinary=%s\n",
			jwtauth_error_name(ctx[0].expect), bench_us(b[0], 64, &ops[0], 0),
			jwtauth_error_name(ctx[1].expect), bench_us(b[1], 64, &ops[1], 0),
			bench_us(b[2], 64, &ops[2], 0), bench_us(b[3], 64, &ops[3], 0));
		for (k = 0; k < 2; k++)
			printf("target dupnames %s/ordinary <= %.0fx: %.2f (max %.2f) %s\n", what[k],
				BENCH_DUP_TARGET, s[k].med, s[k].max,
				s[k].med <= BENCH_DUP_TARGET ? "holds" : "MISSED");
	}
	for (k = 0; k < 3; k++)
		for (i = 0; i < BENCH_TOKENS; i++) free(ctx[k].tok[i]);
	for (k = 0; k < 2; k++) { free(sets[k].name); free(sets[k].raw); }
}

/* ------------------------------------------------------------ stack use */

#define BENCH_STACK (1024u * 1024u)
#define BENCH_PAINT 0xA5
typedef struct stack_job { void (*fn)(void *); void *arg; } stack_job;

static void *stack_thread(void *v)
{
	stack_job *j = (stack_job *)v;
	if (j->fn) j->fn(j->arg);
	return NULL;
}

/* Bytes of a painted thread stack touched by fn(arg). */
static size_t stack_touched(void (*fn)(void *), void *arg)
{
	pthread_attr_t attr;
	pthread_t th;
	stack_job job;
	size_t i;
	unsigned char *stk;
	void *mem;
	if (posix_memalign(&mem, 4096, BENCH_STACK) != 0) return 0;
	stk = (unsigned char *)mem;
	memset(stk, BENCH_PAINT, BENCH_STACK);
	job.fn = fn;
	job.arg = arg;
	pthread_attr_init(&attr);
	pthread_attr_setstack(&attr, stk, BENCH_STACK);
	if (pthread_create(&th, &attr, stack_thread, &job) != 0) {
		free(mem);
		return 0;
	}
	pthread_join(th, NULL);
	pthread_attr_destroy(&attr);
	for (i = 0; i < BENCH_STACK && stk[i] == BENCH_PAINT; i++) {}
	free(mem);
	return BENCH_STACK - i;
}

static void stack_verify(void *v) { op_verify(v, 0); }
static void stack_auth_all(void *v)
{
	size_t i;
	(void)v;
	for (i = 0; i < BENCH_NROWS; i++)
		if (bench_algs[i] && bench_algs[i]->op[OP_VERIFY].fn) op_auth(bench_algs[i], 1);
}

typedef struct parse_job { jwtauth_keyset *ks; const char *doc; size_t len; int rc; } parse_job;
static void op_parse_doc(void *v)
{
	parse_job *p = (parse_job *)v;
	p->rc = jwtauth_keyset_parse(p->ks, p->doc, p->len, NULL);
}
static void op_parse_timed(void *v, unsigned i)
{
	parse_job *p = (parse_job *)v;
	(void)i;
	op_parse_doc(p);
	if (p->rc != JWTAUTH_OK) bench_die("JWKS parse: %s", jwtauth_error_name(p->rc));
}

static char *bench_read(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;
	if (!f) return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = (char *)malloc((size_t)n + 1);
	if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
		fclose(f);
		free(buf);
		return NULL;
	}
	fclose(f);
	buf[n] = 0;
	*len = (size_t)n;
	return buf;
}

/* ------------------------------------------------------------------ main */

static const char *bench_engine_name(void)
{
	br_rsa_pkcs1_vrfy d = br_rsa_pkcs1_vrfy_get_default();
	if (br_rsa_i62_pkcs1_vrfy_get() && d == br_rsa_i62_pkcs1_vrfy_get()) return "i62";
	if (d == br_rsa_i31_pkcs1_vrfy) return "i31";
	if (d == br_rsa_i15_pkcs1_vrfy) return "i15";
	return "other";
}

/* Arguments, when given, select rows by label (HS256 is always set up:
   the cachehit/hs256auth column needs it); the key-set, forged-header and
   JWKS lines then run only if RS256-2048 is selected. */
static int bench_selected(int argc, char **argv, size_t row)
{
	int k;
	if (argc < 2 || row == 0) return 1;
	for (k = 1; k < argc; k++)
		if (strcmp(argv[k], bench_rows[row].label) == 0) return 1;
	return 0;
}

int main(int argc, char **argv)
{
	static const char props[] = "{\"principal_field\":\"sub\","
		"\"required_issuer\":\"https://issuer.example\","
		"\"required_audience\":\"starrocks\"}";
	static const int all6[6] = { 0, 1, 2, 3, 4, 5 };
	size_t i;
	FILE *cpu;
	char line[256], model[200] = "unknown";
	long nproc = 0, llc;
	double t0;

	cpu = fopen("/proc/cpuinfo", "r");
	if (cpu) {
		while (fgets(line, sizeof line, cpu))
			if (strncmp(line, "model name", 10) == 0 && nproc++ == 0) {
				char *p = strchr(line, ':');
				if (p) snprintf(model, sizeof model, "%s", p + 2);
				model[strcspn(model, "\n")] = 0;
			}
		fclose(cpu);
	}
	/* the last-level cache as the kernel shows it (a guest may see less
	   than sysconf's CPUID figure), capped at 64 MiB */
	llc = 0;
	cpu = fopen("/sys/devices/system/cpu/cpu0/cache/index3/size", "r");
	if (cpu) {
		if (fgets(line, sizeof line, cpu)) llc = strtol(line, NULL, 10) * 1024L;
		fclose(cpu);
	}
#ifdef _SC_LEVEL3_CACHE_SIZE
	if (llc <= 0) llc = sysconf(_SC_LEVEL3_CACHE_SIZE);
#endif
	if (llc <= 0 || llc > (32L << 20)) llc = 32L << 20;
	bench_walk_len = (size_t)llc * 2;
	bench_walk_buf = (unsigned char *)malloc(bench_walk_len);
	if (!bench_walk_buf) bench_die("malloc walk buffer");
	memset(bench_walk_buf, 1, bench_walk_len);
	{
		double c[101];
		int k;
		for (k = 0; k < 101; k++) {
			double a = bench_cpu_ns();
			c[k] = bench_cpu_ns() - a;
		}
		qsort(c, 101, sizeof c[0], bench_cmp);
		bench_clock_cost = c[50];
	}

	printf("jwtauth.h bench: %s, %ld logical CPUs; BearSSL 0.6\n", model, nproc);
	printf("method: thread CPU time; %d repetitions of every pair of adjacent blocks (>= %.0f ms "
		"each), block order swapped and pair order rotated every repetition; ratios: median "
		"of per-repetition ratios (spread lines: min-max); %d distinct tokens per algorithm, "
		"round robin; cold: a %ld MiB read walk before each call, %d x %d calls\n",
		BENCH_REPS, BENCH_BLOCK_NS / 1e6, BENCH_TOKENS, (long)(bench_walk_len >> 20),
		BENCH_COLD_REPS, BENCH_COLD_CALLS);
	printf("floor: BearSSL's default engines, not chosen by timing: rsa_pkcs1_vrfy/rsa_public %s, "
		"ecdsa_vrfy_raw %s, ec %s; bearssl-verify: jwtauth with those engines set through "
		"jwtauth_keyset_set_engines; verify: jwtauth's own defaults\n", bench_engine_name(),
		br_ecdsa_vrfy_raw_get_default() == br_ecdsa_i31_vrfy_raw ? "i31" : "i15",
		br_ec_get_default() == &br_ec_all_m31 ? "all_m31" : "other");
#ifdef BENCH_OPENSSL
	printf("openssl: %s (EVP_DigestVerify / EVP_MAC, key parsed once)\n", OpenSSL_version(OPENSSL_VERSION));
#else
	printf("openssl: absent (built without -DBENCH_OPENSSL: <openssl/evp.h> or -lcrypto not found; "
		"install libssl-dev or run .ci/deps.sh --bench): verify/openssl=na\n");
#endif
#ifdef BENCH_LIBJWT
	printf("libjwt: present (jwt_decode with the key PEM, re-parsed every call, or the secret)\n");
#else
	printf("libjwt: absent (built without -DBENCH_LIBJWT: <jwt.h>, -ljwt or OpenSSL not found; "
		"install libjwt-dev or run .ci/deps.sh --bench): libjwt/verify=na\n");
#endif
#ifndef JWTAUTH_HAVE_EDDSA
	printf("EdDSA: not in this jwtauth.h (JWTAUTH_HAVE_EDDSA undefined): no EdDSA line\n");
#elif !defined(BENCH_OPENSSL)
	printf("EdDSA: needs OpenSSL to sign its tokens: the EdDSA line is na\n");
#endif

	br_hmac_drbg_init(&bench_rng, &br_sha256_vtable, "jwtauth bench", 13);
	memset(&bench_bearssl_engines, 0, sizeof bench_bearssl_engines);
	bench_bearssl_engines.rsa_pkcs1_vrfy = br_rsa_pkcs1_vrfy_get_default();
	bench_bearssl_engines.rsa_public = br_rsa_public_get_default();
	bench_bearssl_engines.ecdsa_vrfy = br_ecdsa_vrfy_raw_get_default();
	bench_bearssl_engines.ec = br_ec_get_default();

	if (jwtauth_config_parse(&bench_cfg, props, sizeof props - 1, NULL) != JWTAUTH_OK
	    || jwtauth_config_parse(&bench_cfg_cached, props, sizeof props - 1, NULL) != JWTAUTH_OK)
		bench_die("config");
	bench_tc_entries = (jwtauth_token_cache_entry *)calloc(BENCH_TC_ENTRIES, sizeof *bench_tc_entries);
	if (!bench_tc_entries) bench_die("malloc");
	jwtauth_token_cache_init(&bench_tc, bench_tc_entries, BENCH_TC_ENTRIES);

	t0 = bench_cpu_ns();
	for (i = 0; i < BENCH_NROWS; i++)
		if (bench_selected(argc, argv, i)) bench_algs[i] = bench_setup(&bench_rows[i]);
	printf("setup (key generation, %d tokens per row, signing): %.1f s CPU\n\n", BENCH_TOKENS,
		(bench_cpu_ns() - t0) / 1e9);
	fflush(stdout);

	for (i = 0; i < BENCH_NROWS; i++) {
		bench_alg *a = bench_algs[i];
		char b[8][64];
		if (!a) continue;
		const char *tag = a->row->pad ? "ratio8k" : "ratio";
		if (!a->op[OP_VERIFY].fn) {
			printf("ratio %s verify/floor=na verify/openssl=na auth/floor=na "
				"cachehit/hs256auth=na libjwt/verify=na\n", a->row->label);
			continue;
		}
		bench_measure(a);
		bench_print_ratios(tag, a->row->label, a->pair, all6, 5);
		printf("us %s bytes=%lu floor=%s verify=%s bearssl-verify=%s auth=%s cachehit=%s "
			"openssl=%s libjwt=%s\n", a->row->label, (unsigned long)a->tok_len[0],
			bench_us(b[0], 64, &a->op[OP_FLOOR], 0), bench_us(b[1], 64, &a->op[OP_VERIFY], 0),
			bench_us(b[2], 64, &a->op[OP_BEARSSL], 0), bench_us(b[3], 64, &a->op[OP_AUTH], 0),
			bench_us(b[4], 64, &a->op[OP_HIT], 0), bench_us(b[5], 64, &a->op[OP_OPENSSL], 0),
			bench_us(b[6], 64, &a->op[OP_LIBJWT], 0));
		{
			static const int eng[1] = { 5 };
			bench_print_ratios("engine", a->row->label, a->pair, eng, 1);
		}
		if (!a->row->pad) {
			bench_print_ratios("cold", a->row->label, a->cold, NULL, 2);
			printf("us-cold %s floor=%s verify=%s cachehit=%s hs256auth=%s\n", a->row->label,
				bench_us(b[0], 64, &a->op[OP_FLOOR], 1), bench_us(b[1], 64, &a->op[OP_VERIFY], 1),
				bench_us(b[2], 64, &a->op[OP_HIT], 1), bench_us(b[3], 64, &a->op[OP_HS256AUTH], 1));
		}
		fflush(stdout);
	}
	{
		/* why a column is na, once per reason */
		static const int cols[4] = { OP_FLOOR, OP_OPENSSL, OP_LIBJWT, OP_HIT };
		static const char *const names[4] = { "floor", "openssl", "libjwt", "cachehit" };
		const char *shown[16];
		int k, n = 0, m;
		for (k = 0; k < 4; k++) {
			size_t r;
			for (r = 0; r < BENCH_NROWS; r++) {
				const char *why = bench_algs[r] ? bench_algs[r]->op[cols[k]].why : NULL;
				if (!why) continue;
				for (m = 0; m < n && shown[m] != why; m++) {}
				if (m < n || n == 16) continue;
				shown[n++] = why;
				printf("na: %s: %s\n", names[k], why);
			}
		}
	}
	printf("\n");
	/* headers of many names against the ordinary 8 KB HS256 token */
	for (i = 0; i < BENCH_NROWS; i++)
		if (bench_algs[i] && bench_rows[i].pad && bench_rows[i].kind == K_HMAC
		    && bench_algs[i]->op[OP_VERIFY].fn) {
			bench_dupnames(bench_algs[i]);
			printf("\n");
			break;
		}
	for (i = 0; i < BENCH_NROWS; i++)
		if (bench_algs[i] && !bench_rows[i].pad && strcmp(bench_rows[i].label, "RS256-2048") == 0)
			break;
	if (i == BENCH_NROWS) return 0;
	bench_keysets(bench_algs[i]);
	bench_forged(bench_algs[i]);

	/* JWKS parse time for real provider documents (committed test data) */
	{
		static const char *const docs[] = {
			"tests/data/jwks-real/microsoft-entra-common.json",
			"tests/data/jwks-real/google.json"
		};
		jwtauth_keyset *pks = (jwtauth_keyset *)calloc(1, sizeof *pks);
		size_t d;
		if (!pks) bench_die("malloc");
		for (d = 0; d < 2; d++) {
			size_t len = 0;
			char *doc = bench_read(docs[d], &len);
			parse_job pj;
			bench_op o, *po = &o;
			char b[64];
			if (!doc) bench_die("cannot read %s (run from the repository root)", docs[d]);
			pj.ks = pks; pj.doc = doc; pj.len = len;
			memset(&o, 0, sizeof o);
			o.fn = op_parse_timed;
			o.ctx = &pj;
			op_parse_timed(&pj, 0);
			bench_singles(&po, 1);
			printf("jwks-parse %s bytes=%lu keys=%lu usable=%lu us=%s\n", docs[d], (unsigned long)len,
				(unsigned long)pks->count, (unsigned long)pks->usable, bench_us(b, sizeof b, &o, 0));
			free(doc);
		}

		/* stack high-water marks: a 1 MiB thread stack painted with 0xA5,
		   the deepest byte changed, minus an empty thread's use */
		{
			size_t base = stack_touched(NULL, NULL), s, len = 0;
			char *doc = bench_read(docs[0], &len);
			parse_job pj;
			printf("\nstack high-water (painted 1 MiB thread stack, net of an empty thread's %lu bytes):\n",
				(unsigned long)base);
			for (i = 0; i < BENCH_NROWS; i++) {
				if (!bench_algs[i] || bench_algs[i]->row->pad || !bench_algs[i]->op[OP_VERIFY].fn)
					continue;
				s = stack_touched(stack_verify, bench_algs[i]);
				printf("  jwtauth_jws_verify %-12s %6lu bytes\n", bench_algs[i]->row->label,
					(unsigned long)(s - base));
			}
			s = stack_touched(stack_auth_all, NULL);
			printf("  jwtauth_authenticate, all algs  %6lu bytes\n", (unsigned long)(s - base));
			if (doc) {
				pj.ks = pks; pj.doc = doc; pj.len = len;
				s = stack_touched(op_parse_doc, &pj);
				printf("  jwtauth_keyset_parse (Entra)    %6lu bytes (JWTAUTH_MAX_JWKS_TOKENS %d here)\n",
					(unsigned long)(s - base), JWTAUTH_MAX_JWKS_TOKENS);
				free(doc);
			}
			printf("  (jwtauth_jwt %lu bytes and jwtauth_login %lu bytes are the caller's, static here)\n",
				(unsigned long)sizeof(jwtauth_jwt), (unsigned long)sizeof(jwtauth_login));
		}
		free(pks);
	}
	printf("\ntoken cache: %lu hits, %lu misses; sink %lu\n", (unsigned long)bench_tc.hits,
		(unsigned long)bench_tc.misses, (unsigned long)(bench_sink & 1));
	return 0;
}
