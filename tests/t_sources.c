/* t_sources.c - key sources (URL vs confined file) and the key-set cache:
   TTL, max-age clamping, rotation, unknown-kid cooldown, stale-if-error,
   back-off, oversized and malformed documents, snapshot lifetimes, and the
   cached one-call authentication. Time is the `now` argument; fetches are
   served by a scripted callback that counts them. */

typedef struct src_script {
	const char *doc;         /* served body (NUL-terminated) */
	int fail;                /* return this code instead (0 = serve) */
	int64_t max_age;         /* reported max-age, -1 = none */
	int calls;
	char last_url[256];
} src_script;

static int src_fetch(void *user, const char *url, char *buf, size_t cap,
	size_t *len, int64_t *max_age)
{
	src_script *s = (src_script *)user;
	size_t n = strlen(s->doc);
	s->calls++;
	snprintf(s->last_url, sizeof s->last_url, "%s", url);
	if (s->fail) return s->fail;
	if (n > cap) return JWTAUTH_ERR_TOO_LARGE;
	memcpy(buf, s->doc, n);
	*len = n;
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

static jwtauth_cache *src_new(src_script *s, const char *conf_dir)
{
	jwtauth_cache_options o;
	memset(&o, 0, sizeof o);
	o.fetch = src_fetch;
	o.fetch_user = s;
	o.conf_dir = conf_dir;
	return jwtauth_cache_new(&o);
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

static void src_file_read(void)
{
	char buf[8192];
	size_t len = 0, exact;
	jwtauth_error err;
	CHECK_RC(jwtauth_file_read("tests/fixtures/jwks/oct.json", buf, sizeof buf, &len, &err), JWTAUTH_OK);
	CHECK(len > 100);
	exact = len;
	CHECK_RC(jwtauth_file_read("tests/fixtures/jwks/oct.json", buf, exact, &len, &err), JWTAUTH_OK);
	CHECK_EQ(len, exact);
	CHECK_RC(jwtauth_file_read("tests/fixtures/jwks/oct.json", buf, exact - 1, &len, &err), JWTAUTH_ERR_TOO_LARGE);
	CHECK_RC(jwtauth_file_read("tests/fixtures/nope.json", buf, sizeof buf, &len, &err), JWTAUTH_ERR_IO);
}

static void src_ttl_and_max_age(void)
{
	src_script s;
	jwtauth_cache *c;
	jwtauth_cache_stats st;
	CHECK(src_docs());
	memset(&s, 0, sizeof s);
	s.doc = src_doc_a;
	s.max_age = -1;
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
	memset(&s, 0, sizeof s);
	s.doc = src_doc_a;
	s.max_age = -1;
	c = src_new(&s, NULL);
	CHECK_RC(src_acquire(c, "rsa2048a", 100, &err), JWTAUTH_OK);
	CHECK_EQ(s.calls, 1);
	s.doc = src_doc_ab;   /* the provider publishes ec256 */
	CHECK_RC(jwtauth_cache_acquire(c, SRC_URL, strlen(SRC_URL), "ec256", 5, 110, &ref, &err), JWTAUTH_OK);
	CHECK_EQ(s.calls, 2);
	CHECK_EQ(ref.stale, 0);
	CHECK_RC(jwtauth_jws_verify(ref.keys, es, len, 0, &fx_jwt, &err), JWTAUTH_OK);
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
	memset(&s, 0, sizeof s);
	s.doc = src_doc_a;
	s.max_age = -1;
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
	memset(&s, 0, sizeof s);
	s.doc = src_doc_a;
	s.max_age = -1;
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
	memset(&s, 0, sizeof s);
	s.max_age = -1;
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
	memset(&o, 0, sizeof o);
	o.fetch = src_fetch;
	o.fetch_user = &s;
	o.max_document = 64;
	s.doc = src_doc_a;
	c = jwtauth_cache_new(&o);
	CHECK_RC(src_acquire(c, NULL, 100, &err), JWTAUTH_ERR_TOO_LARGE);
	jwtauth_cache_free(c);
	/* no fetch callback: URL sources are a configuration error */
	c = jwtauth_cache_new(NULL);
	CHECK_RC(src_acquire(c, NULL, 100, &err), JWTAUTH_ERR_CONFIG_PATH);
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
	memset(&s, 0, sizeof s);
	s.doc = src_doc_a;
	s.max_age = -1;
	c = src_new(&s, NULL);
	CHECK_RC(jwtauth_cache_acquire(c, SRC_URL, strlen(SRC_URL), NULL, 0, 100, &old_ref, &err), JWTAUTH_OK);
	s.doc = src_doc_b;
	CHECK_RC(src_acquire(c, NULL, 100 + JWTAUTH_CACHE_TTL, &err), JWTAUTH_OK);
	jwtauth_cache_get_stats(c, &st);
	CHECK_EQ(st.snapshots_live, 2);
	/* the old set still verifies for its holder; the new one does not */
	CHECK_RC(jwtauth_jws_verify(old_ref.keys, rs, len, 0, &fx_jwt, &err), JWTAUTH_OK);
	jwtauth_cache_release(c, &old_ref);
	CHECK(old_ref.keys == NULL);
	jwtauth_cache_get_stats(c, &st);
	CHECK_EQ(st.snapshots_live, 1);
	{
		jwtauth_keys_ref ref;
		CHECK_RC(jwtauth_cache_acquire(c, SRC_URL, strlen(SRC_URL), NULL, 0, 101 + JWTAUTH_CACHE_TTL, &ref, &err), JWTAUTH_OK);
		CHECK_RC(jwtauth_jws_verify(ref.keys, rs, len, 0, &fx_jwt, &err), JWTAUTH_ERR_KID_UNKNOWN);
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
	c = jwtauth_cache_new(&o);
	CHECK_RC(jwtauth_config_parse(&cfg, props, strlen(props), &err), JWTAUTH_OK);
	CHECK_RC(jwtauth_authenticate_cached(c, &cfg, "tom", 3, (const uint8_t *)tok, len,
		JWTAUTH_RESPONSE_BARE, 1800000000, &out, &err), JWTAUTH_OK);
	CHECK(strcmp(out.principal, "tom") == 0);
	CHECK(out.jwt.key == NULL);
	CHECK_RC(jwtauth_authenticate_cached(c, &cfg, "jerry", 5, (const uint8_t *)tok, len,
		JWTAUTH_RESPONSE_BARE, 1800000000, &out, &err), JWTAUTH_ERR_PRINCIPAL_MISMATCH);
	CHECK_RC(jwtauth_authenticate_cached(c, &cfg, "tom", 3, (const uint8_t *)"x.y", 3,
		JWTAUTH_RESPONSE_BARE, 1800000000, &out, &err), JWTAUTH_ERR_TOKEN_FORMAT);
	CHECK_RC(jwtauth_config_parse(&cfg, escape, strlen(escape), &err), JWTAUTH_OK);
	CHECK_RC(jwtauth_authenticate_cached(c, &cfg, "tom", 3, (const uint8_t *)tok, len,
		JWTAUTH_RESPONSE_BARE, 1800000000, &out, &err), JWTAUTH_ERR_CONFIG_PATH);
	free(tok);
	jwtauth_cache_free(c);
}

static void src_cleanup(void)
{
	free(src_doc_a);
	free(src_doc_b);
	free(src_doc_ab);
	src_doc_a = src_doc_b = src_doc_ab = NULL;
}

static const test_case t_sources_tests[] = {
	{ "src_resolve", src_resolve },
	{ "src_file_read", src_file_read },
	{ "src_ttl_and_max_age", src_ttl_and_max_age },
	{ "src_rotation", src_rotation },
	{ "src_unknown_kid_storm", src_unknown_kid_storm },
	{ "src_stale_if_error", src_stale_if_error },
	{ "src_bad_documents", src_bad_documents },
	{ "src_snapshot_lifetime", src_snapshot_lifetime },
	{ "src_authenticate_cached", src_authenticate_cached },
	{ "src_cleanup", src_cleanup },
	{ NULL, NULL }
};
