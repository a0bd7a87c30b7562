/* bench.c - `make bench`: jwtauth.h against BearSSL's own primitives (the
   floor), the full StarRocks login, the verified-token cache, and libjwt
   (when built with -DBENCH_LIBJWT). One process, median of BENCH_REPS
   repetitions, each timing a loop of at least BENCH_MIN_NS.
   Run from the repository root (reads tests/fixtures and tests/data for the
   real JWKS document when present). A benchmark, never a test: it prints
   numbers and exits 0 unless a fixture is missing or a result is wrong. */
#define _POSIX_C_SOURCE 200809L
#define JWTAUTH_IMPLEMENTATION
#include "../jwtauth.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <pthread.h>
#ifdef BENCH_LIBJWT
#include <jwt.h>
#endif

#define BENCH_REPS 7
#define BENCH_MIN_NS 20000000.0   /* 20 ms per repetition */
#define BENCH_NOW ((int64_t)1800000000)

/* --------------------------------------------------------------- timing */

typedef void (*bench_fn)(void *ctx);
static volatile unsigned long bench_sink;

static double bench_clock(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static double bench_loop(bench_fn f, void *ctx, unsigned long iters)
{
	unsigned long i;
	double t0 = bench_clock();
	for (i = 0; i < iters; i++) f(ctx);
	return bench_clock() - t0;
}

static int bench_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* Iterations for one repetition of f(ctx) to last BENCH_MIN_NS. */
static unsigned long bench_calibrate(bench_fn f, void *ctx)
{
	unsigned long iters = 1;
	f(ctx); /* warm up */
	for (;;) {
		double el = bench_loop(f, ctx, iters);
		if (el >= BENCH_MIN_NS) return iters;
		if (el < BENCH_MIN_NS / 64) iters *= 8;
		else iters = (unsigned long)((double)iters * BENCH_MIN_NS * 1.1 / el) + 1;
	}
}

/* Median nanoseconds per call of each fs[k](ctx), k < n (fs[k] may be
   NULL: out[k] = 0). The repetitions are interleaved (f0 f1 .. f0 f1 ..)
   so that a drift of the machine's speed hits every operation alike. */
#define BENCH_MAX_GROUP 8
static void bench_group(bench_fn *fs, size_t n, void *ctx, double *out)
{
	double t[BENCH_MAX_GROUP][BENCH_REPS];
	unsigned long iters[BENCH_MAX_GROUP];
	size_t k;
	int r;
	for (k = 0; k < n; k++) iters[k] = fs[k] ? bench_calibrate(fs[k], ctx) : 0;
	for (r = 0; r < BENCH_REPS; r++)
		for (k = 0; k < n; k++)
			t[k][r] = fs[k] ? bench_loop(fs[k], ctx, iters[k]) / (double)iters[k] : 0;
	for (k = 0; k < n; k++) {
		qsort(t[k], BENCH_REPS, sizeof t[k][0], bench_cmp);
		out[k] = t[k][BENCH_REPS / 2];
	}
}

/* Median nanoseconds per call of f(ctx). */
static double bench_ns(bench_fn f, void *ctx)
{
	double out;
	bench_group(&f, 1, ctx, &out);
	return out;
}

/* ------------------------------------------------------------- fixtures */

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
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r')) n--;
	*len = (size_t)n;
	return buf;
}

static char *bench_fixture(const char *rel, size_t *len, int keep_newline)
{
	char path[512];
	char *p;
	size_t n = 0;
	snprintf(path, sizeof path, "tests/fixtures/%s", rel);
	p = bench_read(path, &n);
	if (!p) {
		fprintf(stderr, "bench: cannot read %s (run from the repository root)\n", path);
		exit(1);
	}
	if (keep_newline) n = strlen(p);
	*len = n;
	return p;
}

static size_t bench_unhex(const char *hex, uint8_t *out, size_t cap)
{
	size_t n = 0;
	unsigned v;
	while (n < cap && sscanf(hex + 2 * n, "%2x", &v) == 1) out[n++] = (uint8_t)v;
	return n;
}

/* ----------------------------------------------------------- the cases */

typedef struct bench_case {
	const char *label, *token_file, *jwks_file, *key_file;
	int secret;                 /* key_file is hex (HMAC secret) */
	/* loaded */
	jwtauth_alg alg;
	char *token;
	size_t token_len, dot2, hlen;
	unsigned hash_index;
	uint8_t sig[JWTAUTH_MAX_RSA_BITS / 8];
	size_t sig_len;
	jwtauth_keyset ks;
	const jwtauth_key *key;
	br_hmac_key_context hk;
	uint8_t secret_bytes[64];
	size_t secret_len;
	char *pem;                  /* libjwt's key */
	size_t pem_len;
	/* engines picked for the floor (fastest measured) */
	br_rsa_pkcs1_vrfy rsa_vrfy;
	br_rsa_public rsa_pub;
	const br_ec_impl *ec;
	br_ecdsa_vrfy ecdsa;
	/* results, ns */
	double floor, verify, auth, hit, libjwt;
} bench_case;

typedef struct bench_spec {
	const char *label, *token_file, *jwks_file, *key_file;
	int secret;
} bench_spec;

static const bench_spec bench_specs[] = {
	{ "HS256", "hs256", "jwks/oct.json", "keys/oct32.hex", 1 },
	{ "HS512", "hs512", "jwks/oct.json", "keys/oct64.hex", 1 },
	{ "RS256-2048", "rs256", "jwks/public.json", "keys/rsa2048a.spki.pem", 0 },
	{ "RS256-4096", "rs256-rsa4096", "jwks/public.json", "keys/rsa4096.spki.pem", 0 },
	{ "PS256", "ps256", "jwks/public.json", "keys/rsa2048a.spki.pem", 0 },
	{ "ES256", "es256", "jwks/public.json", "keys/ec256.spki.pem", 0 },
	{ "ES384", "es384", "jwks/public.json", "keys/ec384.spki.pem", 0 },
	{ "ES512", "es512", "jwks/public.json", "keys/ec521.spki.pem", 0 }
};
static bench_case bench_cases[sizeof bench_specs / sizeof bench_specs[0]];
#define BENCH_NCASES (sizeof bench_cases / sizeof bench_cases[0])

static jwtauth_jwt bench_jwt;
static jwtauth_login bench_login;
static jwtauth_config bench_cfg, bench_cfg_cached;
static jwtauth_token_cache bench_tc;
static jwtauth_token_cache_entry bench_tc_entries[16];

static const unsigned char *const bench_oids[3] = {
	BR_HASH_OID_SHA256, BR_HASH_OID_SHA384, BR_HASH_OID_SHA512
};

static void bench_hash(const bench_case *c, uint8_t *out)
{
	br_hash_compat_context hc;
	const br_hash_class *vt = jwtauth__hash_class(c->hash_index);
	vt->init(&hc.vtable);
	vt->update(&hc.vtable, c->token, c->dot2);
	vt->out(&hc.vtable, out);
}

static void bench_rsa_pk(const bench_case *c, br_rsa_public_key *pk)
{
	pk->n = (unsigned char *)c->key->u.rsa.n;
	pk->nlen = c->key->u.rsa.n_len;
	pk->e = (unsigned char *)c->key->u.rsa.e;
	pk->elen = c->key->u.rsa.e_len;
}

static void bench_ec_pk(const bench_case *c, br_ec_public_key *pk)
{
	pk->curve = c->key->u.ec.curve;
	pk->q = (unsigned char *)c->key->u.ec.q;
	pk->qlen = c->key->u.ec.q_len;
}

/* (a) the floor: BearSSL alone on the same signing input */
static void op_floor(void *v)
{
	const bench_case *c = (const bench_case *)v;
	uint8_t h[64], out[64];
	unsigned long ok = 0;
	const jwtauth__alg_info *ai = &jwtauth__algs[c->alg];
	if (ai->kty == JWTAUTH_KTY_OCT) {
		br_hmac_context hc;
		br_hmac_init(&hc, &c->hk, 0);
		br_hmac_update(&hc, c->token, c->dot2);
		br_hmac_out(&hc, out);
		ok = memcmp(out, c->sig, c->hlen) == 0;
	} else if (ai->kty == JWTAUTH_KTY_RSA && !ai->pss) {
		br_rsa_public_key pk;
		bench_hash(c, h);
		bench_rsa_pk(c, &pk);
		ok = c->rsa_vrfy(c->sig, c->sig_len, bench_oids[c->hash_index], c->hlen, &pk, out)
			&& memcmp(out, h, c->hlen) == 0;
	} else if (ai->kty == JWTAUTH_KTY_RSA) {
		/* PSS: BearSSL 0.6 has no PSS; its floor is the hash plus the raw
		   public operation (the EMSA-PSS decoding is not counted) */
		br_rsa_public_key pk;
		uint8_t em[JWTAUTH_MAX_RSA_BITS / 8];
		bench_hash(c, h);
		bench_rsa_pk(c, &pk);
		memcpy(em, c->sig, c->sig_len);
		ok = c->rsa_pub(em, c->sig_len, &pk);
	} else {
		br_ec_public_key pk;
		bench_hash(c, h);
		bench_ec_pk(c, &pk);
		ok = c->ecdsa(c->ec, h, c->hlen, &pk, c->sig, c->sig_len);
	}
	bench_sink += ok;
}

/* (b) JWS verification with the loaded key set */
static void op_verify(void *v)
{
	const bench_case *c = (const bench_case *)v;
	bench_sink += (unsigned long)jwtauth_jws_verify_signature_only(&c->ks, c->token, c->token_len, JWTAUTH_ALGS_ALL,
		&bench_jwt, NULL);
}

/* (c) the whole login, no cache */
static void op_auth(void *v)
{
	const bench_case *c = (const bench_case *)v;
	bench_sink += (unsigned long)jwtauth_authenticate(&bench_cfg, &c->ks, NULL, "tom", 3,
		(const uint8_t *)c->token, c->token_len, JWTAUTH_RESPONSE_AUTO, BENCH_NOW,
		&bench_login, NULL);
}

/* (d) the whole login, served by the verified-token cache */
static void op_hit(void *v)
{
	const bench_case *c = (const bench_case *)v;
	bench_sink += (unsigned long)jwtauth_authenticate(&bench_cfg_cached, &c->ks, &bench_tc, "tom", 3,
		(const uint8_t *)c->token, c->token_len, JWTAUTH_RESPONSE_AUTO, BENCH_NOW,
		&bench_login, NULL);
}

#ifdef BENCH_LIBJWT
/* (e) libjwt: decode + verify with the key PEM / the secret */
static int libjwt_once(const bench_case *c)
{
	jwt_t *j = NULL;
	int rc = c->secret
		? jwt_decode(&j, c->token, c->secret_bytes, (int)c->secret_len)
		: jwt_decode(&j, c->token, (const unsigned char *)c->pem, (int)c->pem_len);
	if (j) jwt_free(j);
	return rc;
}

static void op_libjwt(void *v)
{
	bench_sink += (unsigned long)libjwt_once((const bench_case *)v);
}
#endif

/* ------------------------------------------------------ engine choices */

typedef struct engine_ctx {
	const bench_case *c;
	br_rsa_pkcs1_vrfy vrfy;
	br_rsa_public pub;
	const br_ec_impl *ec;
	br_ecdsa_vrfy ecdsa;
} engine_ctx;

static void op_engine_rsa(void *v)
{
	const engine_ctx *e = (const engine_ctx *)v;
	br_rsa_public_key pk;
	uint8_t out[64];
	bench_rsa_pk(e->c, &pk);
	bench_sink += e->vrfy(e->c->sig, e->c->sig_len, bench_oids[e->c->hash_index],
		e->c->hlen, &pk, out);
}

static void op_engine_rsa_pub(void *v)
{
	const engine_ctx *e = (const engine_ctx *)v;
	br_rsa_public_key pk;
	uint8_t em[JWTAUTH_MAX_RSA_BITS / 8];
	bench_rsa_pk(e->c, &pk);
	memcpy(em, e->c->sig, e->c->sig_len);
	bench_sink += e->pub(em, e->c->sig_len, &pk);
}

static void op_engine_ec(void *v)
{
	const engine_ctx *e = (const engine_ctx *)v;
	br_ec_public_key pk;
	uint8_t h[64];
	bench_hash(e->c, h);
	bench_ec_pk(e->c, &pk);
	bench_sink += e->ecdsa(e->ec, h, e->c->hlen, &pk, e->c->sig, e->c->sig_len);
}

static bench_case *bench_find(const char *label)
{
	size_t i;
	for (i = 0; i < BENCH_NCASES; i++)
		if (strcmp(bench_cases[i].label, label) == 0) return &bench_cases[i];
	return NULL;
}

/* Measure the engines BearSSL 0.6 offers; set each case's floor engines
   to the fastest. Prints one line per engine. */
static void bench_engines(void)
{
	static const char *const rsa_cases[] = { "RS256-2048", "RS256-4096" };
	static const char *const ec_cases[] = { "ES256", "ES384", "ES512" };
	size_t i, j;
	printf("\nEngines (median us per operation; hash included for ECDSA)\n");
	for (i = 0; i < 2; i++) {
		bench_case *c = bench_find(rsa_cases[i]);
		struct { const char *name; br_rsa_pkcs1_vrfy f; br_rsa_public p; } eng[4];
		double best = 0, bestp = 0;
		size_t n = 0;
		eng[n].name = "default"; eng[n].f = br_rsa_pkcs1_vrfy_get_default();
		eng[n++].p = br_rsa_public_get_default();
		if (br_rsa_i62_pkcs1_vrfy_get()) {
			eng[n].name = "i62"; eng[n].f = br_rsa_i62_pkcs1_vrfy_get();
			eng[n++].p = br_rsa_i62_public_get();
		}
		eng[n].name = "i31"; eng[n].f = br_rsa_i31_pkcs1_vrfy; eng[n++].p = br_rsa_i31_public;
		eng[n].name = "i15"; eng[n].f = br_rsa_i15_pkcs1_vrfy; eng[n++].p = br_rsa_i15_public;
		for (j = 0; j < n; j++) {
			engine_ctx e;
			double t, tp;
			memset(&e, 0, sizeof e);
			e.c = c; e.vrfy = eng[j].f; e.pub = eng[j].p;
			t = bench_ns(op_engine_rsa, &e);
			tp = bench_ns(op_engine_rsa_pub, &e);
			printf("  RSA-%-4u pkcs1_vrfy %-8s %9.2f   public %9.2f%s\n",
				c->key->u.rsa.bits, eng[j].name, t / 1e3, tp / 1e3,
				eng[j].f == br_rsa_pkcs1_vrfy_get_default() ? "   (= default)" : "");
			if (j == 0 || t < best) { best = t; c->rsa_vrfy = eng[j].f; }
			if (j == 0 || tp < bestp) {
				bestp = tp;
				c->rsa_pub = eng[j].p;
				if (i == 0) bench_find("PS256")->rsa_pub = eng[j].p;
			}
		}
	}
	for (i = 0; i < 3; i++) {
		bench_case *c = bench_find(ec_cases[i]);
		struct { const char *name; const br_ec_impl *impl; br_ecdsa_vrfy v; } eng[8];
		size_t n = 0;
		double best = 0;
		eng[n].name = "default"; eng[n].impl = br_ec_get_default();
		eng[n++].v = br_ecdsa_vrfy_raw_get_default();
		if (c->key->u.ec.curve == BR_EC_secp256r1) {
			eng[n].name = "p256_m31"; eng[n].impl = &br_ec_p256_m31; eng[n++].v = br_ecdsa_i31_vrfy_raw;
			eng[n].name = "p256_m15"; eng[n].impl = &br_ec_p256_m15; eng[n++].v = br_ecdsa_i31_vrfy_raw;
			eng[n].name = "p256_m31+ecdsa_i15"; eng[n].impl = &br_ec_p256_m31; eng[n++].v = br_ecdsa_i15_vrfy_raw;
		}
		eng[n].name = "all_m31"; eng[n].impl = &br_ec_all_m31; eng[n++].v = br_ecdsa_i31_vrfy_raw;
		eng[n].name = "all_m15"; eng[n].impl = &br_ec_all_m15; eng[n++].v = br_ecdsa_i31_vrfy_raw;
		eng[n].name = "prime_i31"; eng[n].impl = &br_ec_prime_i31; eng[n++].v = br_ecdsa_i31_vrfy_raw;
		eng[n].name = "prime_i15"; eng[n].impl = &br_ec_prime_i15; eng[n++].v = br_ecdsa_i31_vrfy_raw;
		for (j = 0; j < n; j++) {
			engine_ctx e;
			double t;
			memset(&e, 0, sizeof e);
			e.c = c; e.ec = eng[j].impl; e.ecdsa = eng[j].v;
			t = bench_ns(op_engine_ec, &e);
			printf("  %-5s ecdsa_vrfy_raw %-18s %9.2f%s\n", c->label, eng[j].name, t / 1e3,
				eng[j].impl == c->key->u.ec.impl ? "   (jwtauth__ec_impl's choice)" : "");
			if (j == 0 || t < best) { best = t; c->ec = eng[j].impl; c->ecdsa = eng[j].v; }
		}
	}
}

/* ---------------------------------------------------------- stack use */

#define BENCH_STACK (1024u * 1024u)
#define BENCH_PAINT 0xA5
typedef struct stack_job {
	void (*fn)(void *);
	void *arg;
} stack_job;

static void *stack_thread(void *v)
{
	stack_job *j = (stack_job *)v;
	if (j->fn) j->fn(j->arg);
	return NULL;
}

/* Bytes of a painted thread stack touched by fn(arg). */
static size_t stack_touched(void (*fn)(void *), void *arg)
{
	unsigned char *stk = NULL;
	pthread_attr_t attr;
	pthread_t th;
	stack_job job;
	size_t i;
	void *mem;
	if (posix_memalign(&mem, 4096, BENCH_STACK) != 0) return 0;
	stk = (unsigned char *)mem;
	memset(stk, BENCH_PAINT, BENCH_STACK);
	job.fn = fn;
	job.arg = arg;
	pthread_attr_init(&attr);
	pthread_attr_setstack(&attr, stk, BENCH_STACK);
	if (pthread_create(&th, &attr, stack_thread, &job) != 0) {
		free(stk);
		return 0;
	}
	pthread_join(th, NULL);
	pthread_attr_destroy(&attr);
	for (i = 0; i < BENCH_STACK && stk[i] == BENCH_PAINT; i++) {}
	free(stk);
	return BENCH_STACK - i;
}

typedef struct parse_job {
	jwtauth_keyset *ks;
	const char *doc;
	size_t len;
	int rc;
} parse_job;

static void op_parse(void *v)
{
	parse_job *p = (parse_job *)v;
	p->rc = jwtauth_keyset_parse(p->ks, p->doc, p->len, NULL);
}

static jwtauth_keyset bench_parse_ks;

/* ------------------------------------------------------------------ main */

static void bench_load(bench_case *c)
{
	char rel[256];
	size_t len = 0, dot1;
	const char *d;
	int rc;
	snprintf(rel, sizeof rel, "tokens/%s.jwt", c->token_file);
	c->token = bench_fixture(rel, &c->token_len, 0);
	c->token[c->token_len] = 0;
	d = strrchr(c->token, '.');
	c->dot2 = (size_t)(d - c->token);
	dot1 = (size_t)(strchr(c->token, '.') - c->token);
	(void)dot1;
	{
		char *doc = bench_fixture(c->jwks_file, &len, 1);
		jwtauth_error e;
		rc = jwtauth_keyset_parse(&c->ks, doc, len, &e);
		free(doc);
		if (rc != JWTAUTH_OK) {
			fprintf(stderr, "bench: %s: %s\n", c->jwks_file, e.msg);
			exit(1);
		}
	}
	rc = jwtauth_jws_verify_signature_only(&c->ks, c->token, c->token_len, JWTAUTH_ALGS_ALL, &bench_jwt, NULL);
	if (rc != JWTAUTH_OK) {
		fprintf(stderr, "bench: %s does not verify (%s)\n", c->label, jwtauth_error_name(rc));
		exit(1);
	}
	c->alg = bench_jwt.alg;
	c->key = bench_jwt.key;
	c->hash_index = jwtauth__algs[c->alg].hash_index;
	c->hlen = jwtauth__algs[c->alg].hash_len;
	jwtauth_b64url_decode(c->token + c->dot2 + 1, c->token_len - c->dot2 - 1,
		c->sig, sizeof c->sig, &c->sig_len, NULL);
	c->pem = bench_fixture(c->key_file, &c->pem_len, 1);
	if (c->secret) {
		c->secret_len = bench_unhex(c->pem, c->secret_bytes, sizeof c->secret_bytes);
		br_hmac_key_init(&c->hk, jwtauth__hash_class(c->hash_index), c->secret_bytes,
			c->secret_len);
	}
	/* defaults until the engine table picks the fastest */
	c->rsa_vrfy = br_rsa_pkcs1_vrfy_get_default();
	c->rsa_pub = br_rsa_public_get_default();
	c->ec = br_ec_get_default();
	c->ecdsa = br_ecdsa_vrfy_raw_get_default();
}

static void stack_verify_all(void *v)
{
	size_t i;
	(void)v;
	for (i = 0; i < BENCH_NCASES; i++) op_verify(&bench_cases[i]);
}
static void stack_auth_all(void *v)
{
	size_t i;
	(void)v;
	for (i = 0; i < BENCH_NCASES; i++) op_auth(&bench_cases[i]);
}
static void stack_hit_all(void *v)
{
	size_t i;
	(void)v;
	for (i = 0; i < BENCH_NCASES; i++) op_hit(&bench_cases[i]);
}
static void stack_pss(void *v) { op_verify(bench_find("PS256")); (void)v; }
static void stack_es512(void *v) { op_verify(bench_find("ES512")); (void)v; }
static void stack_hs256(void *v) { op_verify(bench_find("HS256")); (void)v; }

int main(void)
{
	static const char props[] = "{\"principal_field\":\"sub\","
		"\"required_issuer\":\"https://issuer.example\","
		"\"required_audience\":\"starrocks\"}";
	size_t i;
	double hs256_auth;
	FILE *cpu;
	char line[256], model[200] = "unknown";
	long nproc = 0;

	cpu = fopen("/proc/cpuinfo", "r");
	if (cpu) {
		while (fgets(line, sizeof line, cpu)) {
			if (strncmp(line, "model name", 10) == 0 && nproc++ == 0) {
				char *p = strchr(line, ':');
				if (p) snprintf(model, sizeof model, "%s", p + 2);
				model[strcspn(model, "\n")] = 0;
			}
		}
		fclose(cpu);
	}
	printf("jwtauth.h bench: %s, %ld logical CPUs; BearSSL 0.6; median of %d x >= %.0f ms\n",
		model, nproc, BENCH_REPS, BENCH_MIN_NS / 1e6);
#ifdef BENCH_LIBJWT
	printf("libjwt: present (jwt_decode with the key PEM / secret)\n");
#else
	printf("libjwt: absent (no <jwt.h>): libjwt/verify=na\n");
#endif

	if (jwtauth_config_parse(&bench_cfg, props, sizeof props - 1, NULL) != JWTAUTH_OK
	    || jwtauth_config_parse(&bench_cfg_cached, props, sizeof props - 1, NULL) != JWTAUTH_OK)
		return 1;
	jwtauth_token_cache_init(&bench_tc, bench_tc_entries, 16);

	for (i = 0; i < BENCH_NCASES; i++) {
		bench_cases[i].label = bench_specs[i].label;
		bench_cases[i].token_file = bench_specs[i].token_file;
		bench_cases[i].jwks_file = bench_specs[i].jwks_file;
		bench_cases[i].key_file = bench_specs[i].key_file;
		bench_cases[i].secret = bench_specs[i].secret;
		bench_load(&bench_cases[i]);
	}
	bench_engines();

	for (i = 0; i < BENCH_NCASES; i++) {
		bench_case *c = &bench_cases[i];
		int rc;
		rc = jwtauth_authenticate(&bench_cfg, &c->ks, NULL, "tom", 3, (const uint8_t *)c->token,
			c->token_len, JWTAUTH_RESPONSE_AUTO, BENCH_NOW, &bench_login, NULL);
		if (rc != JWTAUTH_OK) {
			fprintf(stderr, "bench: %s: authenticate %s\n", c->label, jwtauth_error_name(rc));
			return 1;
		}
		op_hit(c);
		op_hit(c);
		if (!bench_login.cache_hit) {
			fprintf(stderr, "bench: %s: no cache hit\n", c->label);
			return 1;
		}
		{
			bench_fn fs[5];
			double t[5];
			fs[0] = op_floor; fs[1] = op_verify; fs[2] = op_auth; fs[3] = op_hit;
			fs[4] = NULL;
#ifdef BENCH_LIBJWT
			if (libjwt_once(c) == 0) fs[4] = op_libjwt;
#endif
			bench_group(fs, 5, c, t);
			c->floor = t[0]; c->verify = t[1]; c->auth = t[2]; c->hit = t[3];
			c->libjwt = t[4];
		}
	}

	printf("\nPer operation, median microseconds\n");
	printf("%-11s %6s %10s %10s %10s %10s %10s\n", "alg", "token", "floor", "verify",
		"auth", "cachehit", "libjwt");
	for (i = 0; i < BENCH_NCASES; i++) {
		bench_case *c = &bench_cases[i];
		char lj[32];
		if (c->libjwt > 0) snprintf(lj, sizeof lj, "%10.2f", c->libjwt / 1e3);
		else snprintf(lj, sizeof lj, "%10s", "na");
		printf("%-11s %6lu %10.2f %10.2f %10.2f %10.2f %s\n", c->label,
			(unsigned long)c->token_len, c->floor / 1e3, c->verify / 1e3, c->auth / 1e3,
			c->hit / 1e3, lj);
	}
	hs256_auth = bench_find("HS256")->auth;
	printf("\n");
	for (i = 0; i < BENCH_NCASES; i++) {
		bench_case *c = &bench_cases[i];
		char lj[32];
		if (c->libjwt > 0) snprintf(lj, sizeof lj, "%.2f", c->libjwt / c->verify);
		else snprintf(lj, sizeof lj, "na");
		printf("ratio %s verify/floor=%.2f auth/floor=%.2f cachehit/hs256auth=%.2f libjwt/verify=%s\n",
			c->label, c->verify / c->floor, c->auth / c->floor, c->hit / hs256_auth, lj);
	}
	printf("\n");
	for (i = 0; i < BENCH_NCASES; i++) {
		bench_case *c = &bench_cases[i];
		if (c->libjwt > 0)
			printf("cache hit vs libjwt %-11s libjwt/cachehit=%.0f\n", c->label, c->libjwt / c->hit);
	}

	/* JWKS parse time for a real provider document */
	{
		static const char *const docs[] = {
			"tests/data/jwks-real/microsoft-entra-common.json",
			"tests/data/jwks-real/google.json"
		};
		size_t d;
		for (d = 0; d < 2; d++) {
			size_t len = 0;
			char *doc = bench_read(docs[d], &len);
			parse_job pj;
			double t;
			if (!doc) continue;
			pj.ks = &bench_parse_ks; pj.doc = doc; pj.len = strlen(doc);
			op_parse(&pj);
			if (pj.rc != JWTAUTH_OK) {
				printf("jwks parse %s: %s\n", docs[d], jwtauth_error_name(pj.rc));
				free(doc);
				continue;
			}
			t = bench_ns(op_parse, &pj);
			printf("jwks parse %s: %lu bytes, %lu keys (%lu usable): %.1f us\n", docs[d],
				(unsigned long)pj.len, (unsigned long)bench_parse_ks.count,
				(unsigned long)bench_parse_ks.usable, t / 1e3);
			free(doc);
		}
	}

	/* stack high-water marks: a 1 MiB thread stack painted with 0xA5, the
	   deepest byte changed, minus an empty thread's use */
	{
		size_t base = stack_touched(NULL, NULL), s;
		parse_job pj;
		size_t len = 0;
		char *doc = bench_read("tests/data/jwks-real/microsoft-entra-common.json", &len);
		printf("\nstack high-water (painted 1 MiB thread stack, net of an empty thread's %lu bytes):\n",
			(unsigned long)base);
		s = stack_touched(stack_hs256, NULL);
		printf("  jwtauth_jws_verify HS256      %6lu bytes\n", (unsigned long)(s - base));
		s = stack_touched(stack_pss, NULL);
		printf("  jwtauth_jws_verify PS256      %6lu bytes\n", (unsigned long)(s - base));
		s = stack_touched(stack_es512, NULL);
		printf("  jwtauth_jws_verify ES512      %6lu bytes\n", (unsigned long)(s - base));
		s = stack_touched(stack_verify_all, NULL);
		printf("  jwtauth_jws_verify, all algs  %6lu bytes\n", (unsigned long)(s - base));
		s = stack_touched(stack_auth_all, NULL);
		printf("  jwtauth_authenticate, all     %6lu bytes\n", (unsigned long)(s - base));
		s = stack_touched(stack_hit_all, NULL);
		printf("  cache hit, all                %6lu bytes\n", (unsigned long)(s - base));
		if (doc) {
			pj.ks = &bench_parse_ks; pj.doc = doc; pj.len = strlen(doc);
			s = stack_touched(op_parse, &pj);
			printf("  jwtauth_keyset_parse (Entra)  %6lu bytes\n", (unsigned long)(s - base));
			free(doc);
		}
		printf("  (jwtauth_jwt %lu bytes and jwtauth_login %lu bytes are the caller's, static here)\n",
			(unsigned long)sizeof(jwtauth_jwt), (unsigned long)sizeof(jwtauth_login));
	}
	printf("\ntoken cache: %lu hits, %lu misses; sink %lu\n", (unsigned long)bench_tc.hits,
		(unsigned long)bench_tc.misses, (unsigned long)(bench_sink & 1));
	for (i = 0; i < BENCH_NCASES; i++) {
		free(bench_cases[i].token);
		free(bench_cases[i].pem);
	}
	return 0;
}
