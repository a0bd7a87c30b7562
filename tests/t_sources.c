/* t_sources.c - key sources (URL vs confined file) and the key-set cache:
   TTL, max-age clamping, rotation, unknown-kid cooldown, stale-if-error,
   back-off, oversized and malformed documents, snapshot lifetimes, and the
   cached one-call authentication. Time is the `now` argument; fetches are
   served by a scripted callback that counts them. */
#include <time.h>

/* The key-set cache needs the heap (JWTAUTH_NO_MALLOC removes it) and its
   file sources the file reader (JWTAUTH_NO_STDIO); those tests are compiled
   out of such builds. */
#if !defined(JWTAUTH_NO_MALLOC) && !defined(JWTAUTH_NO_STDIO)
#define SRC_CACHE 1
#else
#define SRC_CACHE 0
#endif

#if SRC_CACHE
typedef struct src_script {
	const char *doc;         /* served body (NUL-terminated) */
	int fail;                /* return this code instead (0 = serve) */
	int fail_after_copy;     /* ... after writing the body into the buffer */
	int64_t max_age;         /* reported max-age, -1 = none */
	int calls;
	char last_url[256];
	size_t lie_len;          /* report this *len instead (0 = the truth) */
	/* re-entry during the fetch, as another thread would do meanwhile */
	jwtauth_cache *nested;   /* acquire SRC_URL on it inside the fetch */
	const char *nested_kid;
	int nested_rc, nested_stale, nested_err;
	int nested_kty;          /* kty of the first key served, -1 = none */
	const char *nested_msg;  /* err.msg of the nested call (static) */
} src_script;

static int src_acquire(jwtauth_cache *c, const char *kid, int64_t now, jwtauth_error *err);

static int src_fetch(void *user, const char *url, char *buf, size_t cap,
	size_t *len, int64_t *max_age)
{
	src_script *s = (src_script *)user;
	size_t n = strlen(s->doc);
	s->calls++;
	snprintf(s->last_url, sizeof s->last_url, "%s", url);
	if (s->nested) {
		jwtauth_keys_ref ref;
		jwtauth_error err;
		jwtauth_cache *c = s->nested;
		s->nested = NULL;
		memset(&err, 0, sizeof err);
		s->nested_rc = jwtauth_cache_acquire(c, "https://idp.example/jwks", 24, s->nested_kid,
			s->nested_kid ? strlen(s->nested_kid) : 0, 100000, &ref, &err);
		s->nested_stale = ref.stale;
		s->nested_err = err.code;
		s->nested_msg = err.msg;
		s->nested_kty = ref.keys ? (int)ref.keys->keys[0].kty : -1;
		jwtauth_cache_release(c, &ref);
	}
	if (s->fail && !s->fail_after_copy) return s->fail;
	if (n > cap) return JWTAUTH_ERR_TOO_LARGE;
	memcpy(buf, s->doc, n);
	if (s->fail) return s->fail;
	*len = s->lie_len ? s->lie_len : n;
	*max_age = s->max_age;
	return JWTAUTH_OK;
}

static char *src_doc_a, *src_doc_b, *src_doc_ab;   /* {rsa2048a}, {ec256}, both */

/* Set documents built from the fixture JWKs. */
static int src_docs(void)
{
	size_t la, lb;
	char *a, *b;
	if (src_doc_a) return 1;
	a = fx_read("keys/rsa2048a.pub.jwk.json", &la);
	b = fx_read("keys/ec256.pub.jwk.json", &lb);
	if (!a || !b) { free(a); free(b); return 0; }
	src_doc_a = (char *)malloc(la + 32);
	src_doc_b = (char *)malloc(lb + 32);
	src_doc_ab = (char *)malloc(la + lb + 32);
	sprintf(src_doc_a, "{\"keys\":[%s]}", a);
	sprintf(src_doc_b, "{\"keys\":[%s]}", b);
	sprintf(src_doc_ab, "{\"keys\":[%s,%s]}", a, b);
	free(a);
	free(b);
	return 1;
}

/* Default options fetching through the script. */
static void src_options(jwtauth_cache_options *o, src_script *s)
{
	memset(o, 0, sizeof *o);
	o->fetch = src_fetch;
	o->fetch_user = s;
}

static jwtauth_cache *src_new(src_script *s, const char *conf_dir)
{
	jwtauth_cache_options o;
	src_options(&o, s);
	o.conf_dir = conf_dir;
	return jwtauth_cache_new(&o, NULL);
}

/* A fresh script serving `doc`, without a max-age of its own. */
static void src_reset(src_script *s, const char *doc)
{
	memset(s, 0, sizeof *s);
	s->doc = doc;
	s->max_age = -1;
}

#define SRC_URL "https://idp.example/jwks"

static int src_acquire(jwtauth_cache *c, const char *kid, int64_t now, jwtauth_error *err)
{
	jwtauth_keys_ref ref;
	int rc = jwtauth_cache_acquire(c, SRC_URL, strlen(SRC_URL), kid, kid ? strlen(kid) : 0,
		now, &ref, err);
	jwtauth_cache_release(c, &ref);
	return rc;
}
#endif /* SRC_CACHE */

static void src_resolve(void)
{
	static const char *const bad[] = {
		"/etc/passwd", "../jwks.json", "a/../../x", "a/./b", "./a", "a//b", "a/",
		"..", ".", "a\\b", "a/.."
	};
	char path[64];
	int is_url = 0;
	size_t i;
	CHECK_RC(jwtauth_source_resolve("conf", "https://idp/x", 13, path, sizeof path, &is_url, NULL), JWTAUTH_OK);
	CHECK_EQ(is_url, 1);
	CHECK(strcmp(path, "https://idp/x") == 0);
	CHECK_RC(jwtauth_source_resolve(NULL, "HTTP://idp/x", 12, path, sizeof path, &is_url, NULL), JWTAUTH_OK);
	CHECK_EQ(is_url, 1);
	CHECK_RC(jwtauth_source_resolve("conf/", "jwks.json", 9, path, sizeof path, &is_url, NULL), JWTAUTH_OK);
	CHECK_EQ(is_url, 0);
	CHECK(strcmp(path, "conf/jwks.json") == 0);
	CHECK_RC(jwtauth_source_resolve("/etc/sr", "keys/a..b.pem", 13, path, sizeof path, &is_url, NULL), JWTAUTH_OK);
	CHECK(strcmp(path, "/etc/sr/keys/a..b.pem") == 0);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int rc = jwtauth_source_resolve("conf", bad[i], strlen(bad[i]), path, sizeof path, &is_url, NULL);
		CHECKF(rc == JWTAUTH_ERR_CONFIG_PATH, "%s: %s", bad[i], jwtauth_error_name(rc));
	}
	CHECK_RC(jwtauth_source_resolve("conf", "a\0b", 3, path, sizeof path, &is_url, NULL), JWTAUTH_ERR_CONFIG_PATH);
	CHECK_RC(jwtauth_source_resolve("conf", "", 0, path, sizeof path, &is_url, NULL), JWTAUTH_ERR_CONFIG_PATH);
	CHECK_RC(jwtauth_source_resolve(NULL, "jwks.json", 9, path, sizeof path, &is_url, NULL), JWTAUTH_ERR_CONFIG_PATH);
	/* not a scheme we fetch, so a path, with an empty component */
	CHECK_RC(jwtauth_source_resolve("conf", "ftp://x/y", 9, path, sizeof path, &is_url, NULL),
		JWTAUTH_ERR_CONFIG_PATH);
	CHECK_EQ(is_url, 0);
	CHECK_RC(jwtauth_source_resolve("conf", "jwks.json", 9, path, 8, &is_url, NULL), JWTAUTH_ERR_BUFFER_TOO_SMALL);
}

#ifndef JWTAUTH_NO_STDIO
static void src_file_read(void)
{
	char buf[8192];
	size_t len = 0, exact;
	jwtauth_error err;
	CHECK_RC(jwtauth_file_read("tests/fixtures/jwks/oct.json", "key file", buf, sizeof buf, &len, &err), JWTAUTH_OK);
	CHECK(len > 100);
	exact = len;
	CHECK_RC(jwtauth_file_read("tests/fixtures/jwks/oct.json", NULL, buf, exact, &len, &err), JWTAUTH_OK);
	CHECK_EQ(len, exact);
	/* too large: the role, the path, the size and the limit */
	CHECK_RC(jwtauth_file_read("tests/fixtures/jwks/oct.json", "key file", buf, exact - 1, &len, &err),
		JWTAUTH_ERR_TOO_LARGE);
	CHECK(strcmp(err.detail, "key file") == 0 && strcmp(err.value, "tests/fixtures/jwks/oct.json") == 0);
	CHECK(err.size == (int64_t)exact && err.limit == (int64_t)exact - 1);
	/* the cause of an unreadable file */
	CHECK_RC(jwtauth_file_read("tests/fixtures/nope.json", "token file", buf, sizeof buf, &len, &err),
		JWTAUTH_ERR_IO);
	CHECK(strcmp(err.detail, "token file") == 0);
#ifndef JWTAUTH_NO_ERROR_STRINGS
	CHECK(strcmp(err.msg, "no such file") == 0);
#endif
	CHECK_RC(jwtauth_file_read("tests/fixtures", "properties file", buf, sizeof buf, &len, &err),
		JWTAUTH_ERR_IO);
	CHECK(strcmp(err.detail, "properties file") == 0);
#ifndef JWTAUTH_NO_ERROR_STRINGS
	CHECK(strcmp(err.msg, "is a directory") == 0);
#endif
	CHECK_RC(jwtauth_file_read("tests/fixtures/jwks/oct.json", NULL, buf, 4, &len, &err),
		JWTAUTH_ERR_TOO_LARGE);
	CHECK(strcmp(err.detail, "file") == 0);
}
#endif

#if SRC_CACHE
static void src_ttl_and_max_age(void)
{
	src_script s;
	jwtauth_cache *c;
	jwtauth_cache_stats st;
	CHECK(src_docs());
	src_reset(&s, src_doc_a);
	c = src_new(&s, NULL);
	CHECK(c != NULL);
	CHECK_RC(src_acquire(c, NULL, 1000, NULL), JWTAUTH_OK);
	CHECK_EQ(s.calls, 1);
	CHECK(strcmp(s.last_url, SRC_URL) == 0);
	CHECK_RC(src_acquire(c, NULL, 1000 + JWTAUTH_CACHE_TTL - 1, NULL), JWTAUTH_OK);
	CHECK_EQ(s.calls, 1);
	CHECK_RC(src_acquire(c, NULL, 1000 + JWTAUTH_CACHE_TTL, NULL), JWTAUTH_OK);
	CHECK_EQ(s.calls, 2);
	/* max-age 5 is clamped up to the 30 s minimum */
	s.max_age = 5;
	CHECK_RC(src_acquire(c, NULL, 5000, NULL), JWTAUTH_OK);
	CHECK_EQ(s.calls, 3);
	CHECK_RC(src_acquire(c, NULL, 5000 + JWTAUTH_CACHE_MIN_TTL - 1, NULL), JWTAUTH_OK);
	CHECK_EQ(s.calls, 3);
	CHECK_RC(src_acquire(c, NULL, 5000 + JWTAUTH_CACHE_MIN_TTL, NULL), JWTAUTH_OK);
	CHECK_EQ(s.calls, 4);
	/* a huge max-age is clamped down to a day */
	s.max_age = (int64_t)1 << 40;
	CHECK_RC(src_acquire(c, NULL, 10000, NULL), JWTAUTH_OK);
	CHECK_EQ(s.calls, 5);
	CHECK_RC(src_acquire(c, NULL, 10000 + JWTAUTH_CACHE_MAX_TTL - 1, NULL), JWTAUTH_OK);
	CHECK_EQ(s.calls, 5);
	CHECK_RC(src_acquire(c, NULL, 10000 + JWTAUTH_CACHE_MAX_TTL, NULL), JWTAUTH_OK);
	CHECK_EQ(s.calls, 6);
	jwtauth_cache_get_stats(c, &st);
	CHECK_EQ(st.fetches, 6);
	CHECK_EQ(st.snapshots_live, 1);
	jwtauth_cache_free(c);
}

/* A new kid appears: exactly one refresh; then it verifies. */
static void src_rotation(void)
{
	src_script s;
	jwtauth_cache *c;
	jwtauth_keys_ref ref;
	jwtauth_error err;
	size_t len;
	char *es = fx_read("tokens/es256.jwt", &len);
	CHECK(es != NULL);
	CHECK(src_docs());
	src_reset(&s, src_doc_a);
	c = src_new(&s, NULL);
	CHECK_RC(src_acquire(c, "rsa2048a", 100, &err), JWTAUTH_OK);
	CHECK_EQ(s.calls, 1);
	s.doc = src_doc_ab;   /* the provider publishes ec256 */
	CHECK_RC(jwtauth_cache_acquire(c, SRC_URL, strlen(SRC_URL), "ec256", 5, 110, &ref, &err), JWTAUTH_OK);
	CHECK_EQ(s.calls, 2);
	CHECK_EQ(ref.stale, 0);
	CHECK_RC(jwtauth_jws_verify_signature_only(ref.keys, es, len, JWTAUTH_ALGS_ALL, &fx_jwt, &err), JWTAUTH_OK);
	jwtauth_cache_release(c, &ref);
	/* known now: no further fetch */
	CHECK_RC(src_acquire(c, "ec256", 111, &err), JWTAUTH_OK);
	CHECK_EQ(s.calls, 2);
	free(es);
	jwtauth_cache_free(c);
}

/* A stream of random unknown kids inside one cooldown: at most one fetch. */
static void src_unknown_kid_storm(void)
{
	src_script s;
	jwtauth_cache *c;
	jwtauth_cache_stats st;
	unsigned i, x = 12345;
	CHECK(src_docs());
	src_reset(&s, src_doc_a);
	c = src_new(&s, NULL);
	CHECK_RC(src_acquire(c, NULL, 100, NULL), JWTAUTH_OK);
	CHECK_EQ(s.calls, 1);
	for (i = 0; i < 1000; i++) {
		char kid[32];
		x = x * 1103515245u + 12345u;
		snprintf(kid, sizeof kid, "random-%u", x);
		CHECK_RC(src_acquire(c, kid, 100 + (int64_t)(i % JWTAUTH_CACHE_COOLDOWN), NULL), JWTAUTH_OK);
	}
	CHECK_EQ(s.calls, 2);
	jwtauth_cache_get_stats(c, &st);
	CHECK_EQ(st.refreshes_unknown_kid, 1);
	/* after the cooldown one more is allowed */
	CHECK_RC(src_acquire(c, "another", 100 + JWTAUTH_CACHE_COOLDOWN, NULL), JWTAUTH_OK);
	CHECK_EQ(s.calls, 3);
	jwtauth_cache_free(c);
}

/* A failed refresh keeps the last good set, bounded by max_stale, and
   backs off for a cooldown between attempts. */
static void src_stale_if_error(void)
{
	src_script s;
	jwtauth_cache *c;
	jwtauth_keys_ref ref;
	jwtauth_error err;
	int64_t t0 = 1000, expiry = t0 + JWTAUTH_CACHE_TTL;
	CHECK(src_docs());
	src_reset(&s, src_doc_a);
	c = src_new(&s, NULL);
	CHECK_RC(src_acquire(c, NULL, t0, &err), JWTAUTH_OK);
	s.fail = JWTAUTH_ERR_IO;
	CHECK_RC(jwtauth_cache_acquire(c, SRC_URL, strlen(SRC_URL), NULL, 0, expiry, &ref, &err), JWTAUTH_OK);
	CHECK_EQ(ref.stale, 1);
	CHECK_RC(err.code, JWTAUTH_ERR_IO);
	CHECK(ref.keys != NULL && ref.keys->usable == 1);
	jwtauth_cache_release(c, &ref);
	CHECK_EQ(s.calls, 2);
	/* inside the back-off: no new attempt, still stale */
	CHECK_RC(src_acquire(c, NULL, expiry + JWTAUTH_CACHE_COOLDOWN - 1, &err), JWTAUTH_OK);
	CHECK_EQ(s.calls, 2);
	/* after it: one more attempt, still failing, still served */
	CHECK_RC(src_acquire(c, NULL, expiry + JWTAUTH_CACHE_COOLDOWN, &err), JWTAUTH_OK);
	CHECK_EQ(s.calls, 3);
	/* past max_stale the set is no longer served */
	CHECK_RC(src_acquire(c, NULL, expiry + JWTAUTH_CACHE_MAX_STALE, &err), JWTAUTH_ERR_IO);
	/* the provider recovers */
	s.fail = 0;
	CHECK_RC(src_acquire(c, NULL, expiry + JWTAUTH_CACHE_MAX_STALE + JWTAUTH_CACHE_COOLDOWN, &err), JWTAUTH_OK);
	jwtauth_cache_free(c);
}

static void src_bad_documents(void)
{
	src_script s;
	jwtauth_cache *c;
	jwtauth_cache_options o;
	jwtauth_keys_ref ref;
	jwtauth_error err;
	CHECK(src_docs());
	src_reset(&s, NULL);
	/* malformed first load: the parse error, then back-off */
	s.doc = "{\"keys\":[";
	c = src_new(&s, NULL);
	CHECK_RC(src_acquire(c, NULL, 100, &err), JWTAUTH_ERR_JSON_SYNTAX);
	CHECK_RC(src_acquire(c, NULL, 101, &err), JWTAUTH_ERR_JSON_SYNTAX);
	CHECK_EQ(s.calls, 1);
	/* good, then a malformed refresh: the old set stays, marked stale */
	s.doc = src_doc_a;
	CHECK_RC(src_acquire(c, NULL, 100 + JWTAUTH_CACHE_COOLDOWN, &err), JWTAUTH_OK);
	s.doc = "{\"keys\":[{\"kty\":\"oct\",\"k\":\"AA\"}]}";
	CHECK_RC(jwtauth_cache_acquire(c, SRC_URL, strlen(SRC_URL), NULL, 0,
		100 + JWTAUTH_CACHE_COOLDOWN + JWTAUTH_CACHE_TTL, &ref, &err), JWTAUTH_OK);
	CHECK_EQ(ref.stale, 1);
	CHECK_RC(err.code, JWTAUTH_ERR_KEYSET_EMPTY);
	CHECK_EQ(ref.keys->keys[0].kty, JWTAUTH_KTY_RSA);
	jwtauth_cache_release(c, &ref);
	jwtauth_cache_free(c);
	/* oversized: the callback reports TOO_LARGE for a small max_document */
	src_options(&o, &s);
	o.max_document = 64;
	s.doc = src_doc_a;
	c = jwtauth_cache_new(&o, NULL);
	CHECK_RC(src_acquire(c, NULL, 100, &err), JWTAUTH_ERR_TOO_LARGE);
	jwtauth_cache_free(c);
	/* no fetch callback: URL sources are a configuration error */
	c = jwtauth_cache_new(NULL, NULL);
	CHECK_RC(src_acquire(c, NULL, 100, &err), JWTAUTH_ERR_NO_FETCH);
	jwtauth_cache_free(c);
}

/* A holder keeps its snapshot across a refresh; release frees it. */
static void src_snapshot_lifetime(void)
{
	src_script s;
	jwtauth_cache *c;
	jwtauth_keys_ref old_ref;
	jwtauth_cache_stats st;
	jwtauth_error err;
	size_t len;
	char *rs = fx_read("tokens/rs256.jwt", &len);
	CHECK(rs != NULL);
	CHECK(src_docs());
	src_reset(&s, src_doc_a);
	c = src_new(&s, NULL);
	CHECK_RC(jwtauth_cache_acquire(c, SRC_URL, strlen(SRC_URL), NULL, 0, 100, &old_ref, &err), JWTAUTH_OK);
	s.doc = src_doc_b;
	CHECK_RC(src_acquire(c, NULL, 100 + JWTAUTH_CACHE_TTL, &err), JWTAUTH_OK);
	jwtauth_cache_get_stats(c, &st);
	CHECK_EQ(st.snapshots_live, 2);
	/* the old set still verifies for its holder; the new one does not */
	CHECK_RC(jwtauth_jws_verify_signature_only(old_ref.keys, rs, len, JWTAUTH_ALGS_ALL, &fx_jwt, &err), JWTAUTH_OK);
	jwtauth_cache_release(c, &old_ref);
	CHECK(old_ref.keys == NULL);
	jwtauth_cache_get_stats(c, &st);
	CHECK_EQ(st.snapshots_live, 1);
	{
		jwtauth_keys_ref ref;
		CHECK_RC(jwtauth_cache_acquire(c, SRC_URL, strlen(SRC_URL), NULL, 0, 101 + JWTAUTH_CACHE_TTL, &ref, &err), JWTAUTH_OK);
		CHECK_RC(jwtauth_jws_verify_signature_only(ref.keys, rs, len, JWTAUTH_ALGS_ALL, &fx_jwt, &err), JWTAUTH_ERR_KID_UNKNOWN);
		jwtauth_cache_release(c, &ref);
	}
	free(rs);
	jwtauth_cache_free(c);
}

/* File sources through the cache, and the cached one-call login with the
   seed scenario's files. */
static void src_authenticate_cached(void)
{
	static jwtauth_config cfg;
	static jwtauth_login out;
	static const char props[] = "{\"jwks_url\": \"jwks.json\", \"principal_field\": "
		"\"preferred_username\", \"required_issuer\": \"http://localhost:38080/realms/master\", "
		"\"required_audience\": \"starrocks\"}";
	static const char escape[] = "{\"jwks_url\": \"../../tests/fixtures/jwks/oct.json\"}";
	jwtauth_cache_options o;
	jwtauth_cache *c;
	jwtauth_error err;
	size_t len;
	char *tok = tl_read_file("examples/demo/tom.jwt", &len);
	CHECK(tok != NULL);
	memset(&o, 0, sizeof o);
	o.conf_dir = "examples/demo/conf";
	c = jwtauth_cache_new(&o, NULL);
	CHECK_RC(jwtauth_config_parse(&cfg, props, strlen(props), &err), JWTAUTH_OK);
	CHECK_RC(jwtauth_authenticate_cached(c, &cfg, NULL, "tom", 3, (const uint8_t *)tok, len,
		JWTAUTH_RESPONSE_BARE, 1800000000, &out, &err), JWTAUTH_OK);
	CHECK(strcmp(out.principal, "tom") == 0);
	CHECK(out.jwt.key == NULL);
	CHECK_RC(jwtauth_authenticate_cached(c, &cfg, NULL, "jerry", 5, (const uint8_t *)tok, len,
		JWTAUTH_RESPONSE_BARE, 1800000000, &out, &err), JWTAUTH_ERR_PRINCIPAL_MISMATCH);
	CHECK_RC(jwtauth_authenticate_cached(c, &cfg, NULL, "tom", 3, (const uint8_t *)"x.y", 3,
		JWTAUTH_RESPONSE_BARE, 1800000000, &out, &err), JWTAUTH_ERR_TOKEN_FORMAT);
	CHECK_RC(jwtauth_config_parse(&cfg, escape, strlen(escape), &err), JWTAUTH_OK);
	CHECK_RC(jwtauth_authenticate_cached(c, &cfg, NULL, "tom", 3, (const uint8_t *)tok, len,
		JWTAUTH_RESPONSE_BARE, 1800000000, &out, &err), JWTAUTH_ERR_CONFIG_PATH);
	free(tok);
	jwtauth_cache_free(c);
}

/* What a fetch callback may return: a *len over the buffer is TOO_LARGE
   (never read past it), a positive code is IO, a document exactly at
   max_document fits. */
static void src_callback_contract(void)
{
	src_script s;
	jwtauth_cache *c;
	jwtauth_cache_options o;
	jwtauth_error err;
	CHECK(src_docs());
	src_reset(&s, src_doc_a);
	src_options(&o, &s);
	o.max_document = strlen(src_doc_a);
	c = jwtauth_cache_new(&o, NULL);
	CHECK(c != NULL);
	s.lie_len = o.max_document + 1;
	CHECK_RC(src_acquire(c, NULL, 100, &err), JWTAUTH_ERR_TOO_LARGE);
	jwtauth_cache_free(c);
	c = jwtauth_cache_new(&o, NULL);
	s.lie_len = 0;
	s.fail = 7;
	CHECK_RC(src_acquire(c, NULL, 100, &err), JWTAUTH_ERR_IO);
	s.fail = JWTAUTH_ERR_TOO_LARGE;    /* the callback's own verdict */
	CHECK_RC(src_acquire(c, NULL, 100 + JWTAUTH_CACHE_COOLDOWN, &err), JWTAUTH_ERR_TOO_LARGE);
	s.fail = 0;                        /* exactly max_document bytes */
	CHECK_RC(src_acquire(c, NULL, 100 + 2 * JWTAUTH_CACHE_COOLDOWN, &err), JWTAUTH_OK);
	CHECK_EQ(s.calls, 4);
	jwtauth_cache_free(c);
}

/* Single flight, seen from a caller that arrives while the fetch is in
   flight (here: from inside the fetch callback, as another thread would):
   it never starts a second fetch; with no set loaded and no wait hook it
   fails; with a set past its TTL it is served that set at once
   (stale = 1, err->code OK); an unknown kid does not change that without
   a wait hook. */
static void src_single_flight(void)
{
	src_script s;
	jwtauth_cache *c;
	jwtauth_error err;
	CHECK(src_docs());
	src_reset(&s, src_doc_a);
	c = src_new(&s, NULL);
	s.nested = c;
	CHECK_RC(src_acquire(c, NULL, 100000, &err), JWTAUTH_OK);
	CHECK_EQ(s.calls, 1);
	CHECK_RC(s.nested_rc, JWTAUTH_ERR_IO);
	CHECK_EQ(s.nested_kty, -1);
	CHECK(TL_MSG_HAS(s.nested_msg, "another thread is loading it"));
	jwtauth_cache_free(c);
	/* past the TTL: the outer caller refreshes, the nested one is served
	   the previous set (its nested call runs at 100000) */
	src_reset(&s, src_doc_a);
	c = src_new(&s, NULL);
	CHECK_RC(src_acquire(c, NULL, 100000 - JWTAUTH_CACHE_TTL, &err), JWTAUTH_OK);
	s.nested = c;
	s.nested_kid = "rsa2048a";
	s.doc = src_doc_b;
	CHECK_RC(src_acquire(c, NULL, 100000, &err), JWTAUTH_OK);
	CHECK_EQ(s.calls, 2);
	CHECK_RC(s.nested_rc, JWTAUTH_OK);
	CHECK_EQ(s.nested_stale, 1);
	CHECK_RC(s.nested_err, JWTAUTH_OK);
	CHECK_EQ(s.nested_kty, JWTAUTH_KTY_RSA);
	/* an unknown kid while a refresh is in flight, no wait hook: the
	   current set (fresh at 100000), no second fetch */
	s.nested = c;
	s.nested_kid = "unknown";
	CHECK_RC(src_acquire(c, "another-unknown", 100000 - 1, &err), JWTAUTH_OK);
	CHECK_EQ(s.calls, 3);
	CHECK_RC(s.nested_rc, JWTAUTH_OK);
	CHECK_EQ(s.nested_stale, 0);
	CHECK_EQ(s.nested_kty, JWTAUTH_KTY_EC);
	jwtauth_cache_free(c);
}

/* Write a whole file; 1 on success. */
static int src_write(const char *path, const char *doc)
{
	FILE *f = fopen(path, "wb");
	size_t n = strlen(doc);
	int ok;
	if (!f) return 0;
	ok = fwrite(doc, 1, n, f) == n;
	return fclose(f) == 0 && ok;
}

/* File sources are cached like URLs: a change is seen after the TTL or on
   an unknown kid; a vanished file is stale-if-error; confinement holds. */
static void src_file_sources(void)
{
	char name[64], path[128];
	jwtauth_cache *c;
	jwtauth_cache_options o;
	jwtauth_keys_ref ref;
	jwtauth_error err;
	int64_t t = 5000;
	int here;
	CHECK(src_docs());
	/* a name of our own under build/ (other runs may share the tree) */
	snprintf(name, sizeof name, "t_sources-%lx-%lx.json", (unsigned long)time(NULL),
		(unsigned long)(((size_t)&here >> 4) & 0xfffffffu));
	snprintf(path, sizeof path, "build/%s", name);
	if (!src_write(path, src_doc_a)) CHECKF(0, "cannot write %s", path);
	memset(&o, 0, sizeof o);
	o.conf_dir = "build";
	c = jwtauth_cache_new(&o, NULL);
	CHECK(c != NULL);
	CHECK_RC(jwtauth_cache_acquire(c, name, strlen(name), "rsa2048a", 8, t, &ref, &err), JWTAUTH_OK);
	CHECK_EQ(ref.keys->keys[0].kty, JWTAUTH_KTY_RSA);
	jwtauth_cache_release(c, &ref);
	/* changed on disk: not re-read inside the TTL for a known kid... */
	CHECK(src_write(path, src_doc_b));
	CHECK_RC(jwtauth_cache_acquire(c, name, strlen(name), NULL, 0, t + 1, &ref, &err), JWTAUTH_OK);
	CHECK_EQ(ref.keys->keys[0].kty, JWTAUTH_KTY_RSA);
	jwtauth_cache_release(c, &ref);
	/* ...but re-read for an unknown kid */
	CHECK_RC(jwtauth_cache_acquire(c, name, strlen(name), "ec256", 5, t + 2, &ref, &err), JWTAUTH_OK);
	CHECK_EQ(ref.keys->keys[0].kty, JWTAUTH_KTY_EC);
	jwtauth_cache_release(c, &ref);
	/* and after the TTL */
	CHECK(src_write(path, src_doc_a));
	CHECK_RC(jwtauth_cache_acquire(c, name, strlen(name), NULL, 0, t + 2 + JWTAUTH_CACHE_TTL, &ref, &err), JWTAUTH_OK);
	CHECK_EQ(ref.keys->keys[0].kty, JWTAUTH_KTY_RSA);
	CHECK_EQ(ref.stale, 0);
	jwtauth_cache_release(c, &ref);
	/* gone: the last good set, stale, with the IO error */
	CHECK(remove(path) == 0);
	CHECK_RC(jwtauth_cache_acquire(c, name, strlen(name), NULL, 0, t + 2 + 2 * JWTAUTH_CACHE_TTL, &ref, &err), JWTAUTH_OK);
	CHECK_EQ(ref.stale, 1);
	CHECK_RC(err.code, JWTAUTH_ERR_IO);
	CHECK_EQ(ref.keys->keys[0].kty, JWTAUTH_KTY_RSA);
	jwtauth_cache_release(c, &ref);
	/* never loaded: the error itself */
	CHECK_RC(jwtauth_cache_acquire(c, "no-such-file.json", 17, NULL, 0, t, &ref, &err), JWTAUTH_ERR_IO);
	CHECK(ref.keys == NULL);
	/* confinement through the cache; a nested name is fine */
	CHECK_RC(jwtauth_cache_acquire(c, "../tests/fixtures/jwks/rsa.json", 31, NULL, 0, t, &ref, &err),
		JWTAUTH_ERR_CONFIG_PATH);
	CHECK_RC(jwtauth_cache_acquire(c, "/etc/passwd", 11, NULL, 0, t, &ref, &err), JWTAUTH_ERR_CONFIG_PATH);
	CHECK_RC(jwtauth_cache_acquire(c, "a/../../x", 9, NULL, 0, t, &ref, &err), JWTAUTH_ERR_CONFIG_PATH);
	jwtauth_cache_free(c);
	o.conf_dir = "tests";
	c = jwtauth_cache_new(&o, NULL);
	CHECK_RC(jwtauth_cache_acquire(c, "fixtures/jwks/rsa.json", 22, NULL, 0, t, &ref, &err), JWTAUTH_OK);
	jwtauth_cache_release(c, &ref);
	jwtauth_cache_free(c);
	/* a file over max_document */
	o.max_document = 64;
	c = jwtauth_cache_new(&o, NULL);
	CHECK_RC(jwtauth_cache_acquire(c, "fixtures/jwks/rsa.json", 22, NULL, 0, t, &ref, &err), JWTAUTH_ERR_TOO_LARGE);
	jwtauth_cache_free(c);
	/* no conf directory: no file sources */
	c = jwtauth_cache_new(NULL, NULL);
	CHECK_RC(jwtauth_cache_acquire(c, "jwks.json", 9, NULL, 0, t, &ref, &err), JWTAUTH_ERR_CONFIG_PATH);
	jwtauth_cache_free(c);
}

/* "<header>.<payload of tok>.AAAA" with header {"alg":"RS256","kid":KID}. */
static size_t src_forge(char *out, size_t cap, const char *kid, const char *tok, size_t tok_len)
{
	char hdr[128];
	size_t n, hlen = (size_t)snprintf(hdr, sizeof hdr, "{\"alg\":\"RS256\",\"kid\":\"%s\"}", kid);
	const char *p1 = (const char *)memchr(tok, '.', tok_len), *p2;
	if (!p1) return 0;
	p2 = (const char *)memchr(p1 + 1, '.', tok_len - (size_t)(p1 + 1 - tok));
	if (!p2 || jwtauth_b64url_encode((const uint8_t *)hdr, hlen, out, cap, &n) != JWTAUTH_OK) return 0;
	if (n + (size_t)(p2 - p1) + 6 > cap) return 0;
	memcpy(out + n, p1, (size_t)(p2 - p1));
	n += (size_t)(p2 - p1);
	memcpy(out + n, ".AAAA", 5);
	return n + 5;
}

/* The cached login from a URL source: the seed token's key appears in a
   rotation (one refresh), then 1,000 tokens with random unknown kids in
   one cooldown fetch nothing more and are all KID_UNKNOWN. */
static void src_authenticate_cached_url(void)
{
	static jwtauth_config cfg;
	static jwtauth_login out;
	static char forged[4096];
	static const char props[] = "{\"jwks_url\": \"" SRC_URL "\", \"principal_field\": "
		"\"preferred_username\", \"required_issuer\": \"http://localhost:38080/realms/master\", "
		"\"required_audience\": \"starrocks\"}";
	src_script s;
	jwtauth_cache *c;
	jwtauth_cache_stats st;
	jwtauth_error err;
	int64_t now = 1800000000;
	size_t len, demo_len;
	unsigned i, x = 777;
	char *tok = tl_read_file("examples/demo/tom.jwt", &len);
	char *demo = tl_read_file("examples/demo/conf/jwks.json", &demo_len);
	CHECK(tok != NULL && demo != NULL);
	while (len > 0 && (tok[len - 1] == '\n' || tok[len - 1] == '\r')) len--;
	CHECK(src_docs());
	src_reset(&s, src_doc_a);
	c = src_new(&s, NULL);
	CHECK_RC(jwtauth_config_parse(&cfg, props, strlen(props), &err), JWTAUTH_OK);
	/* first load: the key is not there (no second fetch for it at once) */
	CHECK_RC(jwtauth_authenticate_cached(c, &cfg, NULL, "tom", 3, (const uint8_t *)tok, len,
		JWTAUTH_RESPONSE_BARE, now, &out, &err), JWTAUTH_ERR_KID_UNKNOWN);
	CHECK_EQ(s.calls, 1);
	CHECK(out.jwt.key == NULL);
	/* the provider rotates: one refresh, accepted */
	s.doc = demo;
	CHECK_RC(jwtauth_authenticate_cached(c, &cfg, NULL, "tom", 3, (const uint8_t *)tok, len,
		JWTAUTH_RESPONSE_BARE, now + 1, &out, &err), JWTAUTH_OK);
	CHECK_EQ(s.calls, 2);
	CHECK(strcmp(out.principal, "tom") == 0);
	CHECK(out.jwt.key == NULL);
	CHECK_RC(jwtauth_authenticate_cached(c, &cfg, NULL, "tom", 3, (const uint8_t *)tok, len,
		JWTAUTH_RESPONSE_BARE, now + 2, &out, &err), JWTAUTH_OK);
	CHECK_EQ(s.calls, 2);
	/* a storm of random kids inside the cooldown */
	for (i = 0; i < 1000; i++) {
		char kid[32];
		size_t n;
		x = x * 1103515245u + 12345u;
		snprintf(kid, sizeof kid, "k%u", x);
		n = src_forge(forged, sizeof forged, kid, tok, len);
		CHECK(n > 0);
		CHECK_RC(jwtauth_authenticate_cached(c, &cfg, NULL, "tom", 3, (const uint8_t *)forged, n,
			JWTAUTH_RESPONSE_BARE, now + 2 + (int64_t)(i % (JWTAUTH_CACHE_COOLDOWN - 2)), &out, &err),
			JWTAUTH_ERR_KID_UNKNOWN);
	}
	CHECK_EQ(s.calls, 2);
	jwtauth_cache_get_stats(c, &st);
	CHECK_EQ(st.refreshes_unknown_kid, 1);
	CHECK_EQ(st.snapshots_live, 1);
	/* the real token still verifies, with no fetch */
	CHECK_RC(jwtauth_authenticate_cached(c, &cfg, NULL, "tom", 3, (const uint8_t *)tok, len,
		JWTAUTH_RESPONSE_BARE, now + 29, &out, &err), JWTAUTH_OK);
	CHECK_EQ(s.calls, 2);
	CHECK_EQ(out.keys_stale, 0);
	/* past the TTL the refresh fails: the login succeeds on the previous
	   set and says so */
	s.fail = JWTAUTH_ERR_IO;
	CHECK_RC(jwtauth_authenticate_cached(c, &cfg, NULL, "tom", 3, (const uint8_t *)tok, len,
		JWTAUTH_RESPONSE_BARE, now + 1 + JWTAUTH_CACHE_TTL, &out, &err), JWTAUTH_OK);
	CHECK_EQ(s.calls, 3);
	CHECK(strcmp(out.principal, "tom") == 0);
	CHECK_EQ(out.keys_stale, 1);
	CHECK_RC(out.keys_refresh_error, JWTAUTH_ERR_IO);
	/* a plain jwtauth_authenticate never reports a stale set */
	{
		jwtauth_keys_ref ref;
		CHECK_RC(jwtauth_cache_acquire(c, SRC_URL, strlen(SRC_URL), NULL, 0, now + 2 + JWTAUTH_CACHE_TTL,
			&ref, &err), JWTAUTH_OK);
		CHECK_EQ(ref.stale, 1);
		CHECK_RC(jwtauth_authenticate(&cfg, ref.keys, NULL, "tom", 3, (const uint8_t *)tok, len,
			JWTAUTH_RESPONSE_BARE, now + 2 + JWTAUTH_CACHE_TTL, &out, &err), JWTAUTH_OK);
		CHECK_EQ(out.keys_stale, 0);
		CHECK_RC(out.keys_refresh_error, JWTAUTH_OK);
		jwtauth_cache_release(c, &ref);
	}
	CHECK_EQ(out.keys_unavailable, 0);
	jwtauth_cache_free(c);
	/* a source that cannot be loaded: the failure is the source's */
	src_reset(&s, demo);
	s.fail = JWTAUTH_ERR_IO;
	c = src_new(&s, NULL);
	CHECK_RC(jwtauth_authenticate_cached(c, &cfg, NULL, "tom", 3, (const uint8_t *)tok, len,
		JWTAUTH_RESPONSE_BARE, now, &out, &err), JWTAUTH_ERR_IO);
	CHECK_EQ(out.keys_unavailable, 1);
	/* ... while a token that does not decode is the token's */
	CHECK(jwtauth_authenticate_cached(c, &cfg, NULL, "tom", 3, (const uint8_t *)"x.y", 3,
		JWTAUTH_RESPONSE_BARE, now, &out, &err) != JWTAUTH_OK);
	CHECK_EQ(out.keys_unavailable, 0);
	free(tok);
	free(demo);
	jwtauth_cache_free(c);
}

/* The source table is bounded; sources that never loaded are reused once
   their back-off has passed, so failing sources cannot lock others out. */
static void src_source_slots(void)
{
	src_script s;
	jwtauth_cache *c;
	jwtauth_keys_ref ref;
	jwtauth_error err;
	char url[64];
	int i;
	CHECK(src_docs());
	src_reset(&s, src_doc_a);
	c = src_new(&s, NULL);
	/* one good source first: it must never be evicted */
	CHECK_RC(src_acquire(c, NULL, 1000, &err), JWTAUTH_OK);
	s.fail = JWTAUTH_ERR_IO;
	for (i = 1; i < JWTAUTH_CACHE_MAX_SOURCES; i++) {
		snprintf(url, sizeof url, "https://bad.example/%d", i);
		CHECK_RC(jwtauth_cache_acquire(c, url, strlen(url), NULL, 0, 1000, &ref, &err), JWTAUTH_ERR_IO);
	}
	CHECK_EQ(s.calls, JWTAUTH_CACHE_MAX_SOURCES);
	/* full, and every failed source is inside its back-off */
	CHECK_RC(jwtauth_cache_acquire(c, "https://new.example/", 20, NULL, 0, 1000, &ref, &err),
		JWTAUTH_ERR_TOO_LARGE);
	CHECK_EQ(s.calls, JWTAUTH_CACHE_MAX_SOURCES);
	/* after the back-off a failed slot is reused */
	s.fail = 0;
	s.doc = src_doc_b;
	CHECK_RC(jwtauth_cache_acquire(c, "https://new.example/", 20, NULL, 0, 1000 + JWTAUTH_CACHE_COOLDOWN,
		&ref, &err), JWTAUTH_OK);
	CHECK_EQ(ref.keys->keys[0].kty, JWTAUTH_KTY_EC);
	jwtauth_cache_release(c, &ref);
	/* the good source kept its set: no fetch, the RSA key */
	CHECK_RC(jwtauth_cache_acquire(c, SRC_URL, strlen(SRC_URL), NULL, 0, 1000 + JWTAUTH_CACHE_COOLDOWN,
		&ref, &err), JWTAUTH_OK);
	CHECK_EQ(ref.keys->keys[0].kty, JWTAUTH_KTY_RSA);
	jwtauth_cache_release(c, &ref);
	CHECK_EQ(s.calls, JWTAUTH_CACHE_MAX_SOURCES + 1);
	jwtauth_cache_free(c);
}

/* Times and options at the ends of int64_t saturate instead of wrapping:
   "always serve stale" serves stale, a huge cooldown backs off, a negative
   clock still loads. */
static void src_time_extremes(void)
{
	src_script s;
	jwtauth_cache_options o;
	jwtauth_cache *c;
	jwtauth_keys_ref ref;
	jwtauth_error err;
	const int64_t big = (int64_t)0x7fffffffffffffffLL;
	int i;
	CHECK(src_docs());
	src_reset(&s, src_doc_a);
	src_options(&o, &s);
	o.max_stale = big;
	o.cooldown = big;
	c = jwtauth_cache_new(&o, NULL);
	CHECK(c != NULL);
	CHECK_RC(jwtauth_cache_acquire(c, SRC_URL, strlen(SRC_URL), NULL, 0, 1000, &ref, &err), JWTAUTH_OK);
	jwtauth_cache_release(c, &ref);
	s.fail = JWTAUTH_ERR_IO;
	CHECK_RC(jwtauth_cache_acquire(c, SRC_URL, strlen(SRC_URL), NULL, 0, 1000 + JWTAUTH_CACHE_TTL,
		&ref, &err), JWTAUTH_OK);
	CHECK_EQ(ref.stale, 1);
	CHECK_RC(err.code, JWTAUTH_ERR_IO);
	jwtauth_cache_release(c, &ref);
	/* the back-off (cooldown = max) holds: no second fetch, ever */
	for (i = 0; i < 5; i++) {
		CHECK_RC(jwtauth_cache_acquire(c, SRC_URL, strlen(SRC_URL), NULL, 0, big - 1, &ref, &err),
			JWTAUTH_OK);
		jwtauth_cache_release(c, &ref);
	}
	CHECK_EQ(s.calls, 2);
	jwtauth_cache_free(c);
	/* a max-age at the end of the range, clamped by max_ttl = max */
	memset(&s, 0, sizeof s);
	s.doc = src_doc_a;
	s.max_age = big;
	o.max_ttl = big;
	o.max_stale = 0;
	o.cooldown = 0;
	c = jwtauth_cache_new(&o, NULL);
	for (i = 0; i < 3; i++) {
		CHECK_RC(jwtauth_cache_acquire(c, SRC_URL, strlen(SRC_URL), NULL, 0, 1000 + i, &ref, &err),
			JWTAUTH_OK);
		jwtauth_cache_release(c, &ref);
	}
	CHECK_EQ(s.calls, 1);
	jwtauth_cache_free(c);
	/* a negative clock and one at the very end */
	src_reset(&s, src_doc_a);
	c = src_new(&s, NULL);
	CHECK_RC(src_acquire(c, NULL, -5, &err), JWTAUTH_OK);
	CHECK_RC(src_acquire(c, NULL, big - 10, &err), JWTAUTH_OK);
	CHECK_EQ(s.calls, 2);
	/* at the last second every TTL has passed: one fetch, and its set is
	   served */
	CHECK_RC(src_acquire(c, NULL, big, &err), JWTAUTH_OK);
	CHECK_EQ(s.calls, 3);
	jwtauth_cache_free(c);
}

/* A document that was read or fetched, then refused, is wiped before its
   buffer is released: an oct key set is a secret even when it fails. */
static void src_wipe_on_failure(void)
{
	static const char secret[] = "Tu4d6QdNJQnXHHCFQ8k6b7drD1x3Ay5pb-8lcgwdbCuDv9LzTPkiyVA1xBdaRfGyTQk8F7Uk75dbXRTdMkONHw";
	char doc[512], name[96], path[128];
	src_script s;
	jwtauth_cache_options o;
	jwtauth_cache *c;
	jwtauth_error err;
	int here;
	snprintf(doc, sizeof doc, "{\"keys\":[{\"kty\":\"oct\",\"k\":\"%s\",\"kid\":\"x\"}],"
		"\"padding\":\"%0200d\"}", secret, 0);
	tl_free_needle = (const unsigned char *)secret;
	tl_free_needle_len = sizeof secret - 1;
	tl_free_hits = 0;
	/* the callback wrote the body, then failed */
	src_reset(&s, doc);
	s.fail = JWTAUTH_ERR_IO;
	s.fail_after_copy = 1;
	c = src_new(&s, NULL);
	CHECK_RC(src_acquire(c, NULL, 1000, &err), JWTAUTH_ERR_IO);
	CHECK_EQ(s.calls, 1);
	jwtauth_cache_free(c);
	CHECK_EQ(tl_free_hits, 0);
	/* a file over max_document: read up to the cap, then refused */
	snprintf(name, sizeof name, "t_sources-wipe-%lx-%lx.json", (unsigned long)time(NULL),
		(unsigned long)(((size_t)&here >> 4) & 0xfffffffu));
	snprintf(path, sizeof path, "build/%s", name);
	if (!src_write(path, doc)) {
		tl_free_needle = NULL;
		CHECKF(0, "cannot write %s", path);
	}
	memset(&o, 0, sizeof o);
	o.conf_dir = "build";
	o.max_document = 200;
	c = jwtauth_cache_new(&o, NULL);
	CHECK_RC(jwtauth_cache_acquire(c, name, strlen(name), NULL, 0, 1000, NULL, &err), JWTAUTH_ERR_ARGUMENT);
	{
		jwtauth_keys_ref ref;
		CHECK_RC(jwtauth_cache_acquire(c, name, strlen(name), NULL, 0, 1000, &ref, &err),
			JWTAUTH_ERR_TOO_LARGE);
	}
	jwtauth_cache_free(c);
	CHECK_EQ(tl_free_hits, 0);
	/* control: the search does see a secret in a released block */
	{
		char *copy = (char *)tl_hook_malloc(sizeof doc);
		memcpy(copy, doc, sizeof doc);
		tl_hook_free(copy);
		CHECK_EQ(tl_free_hits, 1);
	}
	tl_free_needle = NULL;
	remove(path);
}

static void src_cleanup(void)
{
	free(src_doc_a);
	free(src_doc_b);
	free(src_doc_ab);
	src_doc_a = src_doc_b = src_doc_ab = NULL;
}
#endif /* SRC_CACHE */

static const test_case t_sources_tests[] = {
	{ "src_resolve", src_resolve },
#ifndef JWTAUTH_NO_STDIO
	{ "src_file_read", src_file_read },
#endif
#if SRC_CACHE
	{ "src_ttl_and_max_age", src_ttl_and_max_age },
	{ "src_rotation", src_rotation },
	{ "src_unknown_kid_storm", src_unknown_kid_storm },
	{ "src_stale_if_error", src_stale_if_error },
	{ "src_bad_documents", src_bad_documents },
	{ "src_snapshot_lifetime", src_snapshot_lifetime },
	{ "src_authenticate_cached", src_authenticate_cached },
	{ "src_callback_contract", src_callback_contract },
	{ "src_single_flight", src_single_flight },
	{ "src_file_sources", src_file_sources },
	{ "src_authenticate_cached_url", src_authenticate_cached_url },
	{ "src_source_slots", src_source_slots },
	{ "src_time_extremes", src_time_extremes },
	{ "src_wipe_on_failure", src_wipe_on_failure },
	{ "src_cleanup", src_cleanup },
#endif
	{ NULL, NULL }
};
