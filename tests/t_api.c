/* t_api.c - the 1.0 API: jwtauth_verify (signature and claims in one call,
   exp required by default, explicit allowlist), the typed claim getters,
   the values carried by errors, the error model (NOMEM, NO_FETCH,
   jwtauth_cache_new's causes) and the token cache's lock hooks. HS256
   tokens are signed with t_auth.c's ta_sign (fixture secret oct32). */

static jwtauth_jwt tp_jwt;

static int tp_verify(const jwtauth_verify_options *o, const char *payload,
	int64_t now, jwtauth_error *e)
{
	size_t n = ta_sign(payload);
	if (n == 0) return -9999;
	return jwtauth_verify(&ta_keys, o, NULL, ta_tok, n, now, &tp_jwt, NULL, e);
}

static int tp_text_is(const char *text, size_t len, const char *want)
{
	return len == strlen(want) && strcmp(text, want) == 0;
}

static void tp_verify_defaults(void)
{
	jwtauth_verify_options o;
	jwtauth_claims c;
	jwtauth_error e;
	size_t n;
	if (!ta_oct_ready()) CHECKF(0, "fixture jwks/oct.json missing");
	jwtauth_verify_options_init(&o, JWTAUTH_ALGS_ALL);
	/* exp is required unless the caller opts out */
	CHECK_RC(tp_verify(&o, "{\"sub\":\"tom\"}", 1000, &e), JWTAUTH_ERR_CLAIM_MISSING);
	CHECK(tp_text_is(e.detail, e.detail_len, "exp"));
	o.flags = JWTAUTH_VERIFY_EXP_OPTIONAL;
	CHECK_RC(tp_verify(&o, "{\"sub\":\"tom\"}", 1000, &e), JWTAUTH_OK);
	o.flags = 0;
	CHECK_RC(tp_verify(&o, "{\"sub\":\"tom\",\"exp\":2000}", 1000, &e), JWTAUTH_OK);
	CHECK(tp_jwt.key != NULL && tp_jwt.alg == JWTAUTH_ALG_HS256);
	/* claims out */
	n = ta_sign("{\"sub\":\"tom\",\"exp\":2000,\"nbf\":10,\"iat\":5}");
	CHECK_RC(jwtauth_verify(&ta_keys, &o, NULL, ta_tok, n, 1000, &tp_jwt, &c, &e), JWTAUTH_OK);
	CHECK(c.has_exp && c.exp == 2000 && c.has_nbf && c.nbf == 10 && c.has_iat && c.iat == 5);
	CHECK_EQ(e.code, JWTAUTH_OK);
	CHECK_EQ(e.detail_len, 0);
	/* an empty allowlist is an error, never "all" */
	o.algs = 0;
	CHECK_RC(tp_verify(&o, "{\"sub\":\"tom\",\"exp\":2000}", 1000, &e), JWTAUTH_ERR_ARGUMENT);
	CHECK_RC(jwtauth_jws_verify_signature_only(&ta_keys, ta_tok, n, 0, &tp_jwt, &e),
		JWTAUTH_ERR_ARGUMENT);
	o.algs = JWTAUTH_ALG_BIT(JWTAUTH_ALG_RS256);
	CHECK_RC(tp_verify(&o, "{\"sub\":\"tom\",\"exp\":2000}", 1000, &e), JWTAUTH_ERR_ALG_NOT_ALLOWED);
	CHECK(tp_text_is(e.detail, e.detail_len, "HS256"));
	/* the signature comes first: a tampered token is SIGNATURE even
	   when its claims are fine */
	o.algs = JWTAUTH_ALGS_ALL;
	n = ta_sign("{\"sub\":\"tom\",\"exp\":2000}");
	ta_tok[n - 2] = ta_tok[n - 2] == 'A' ? 'B' : 'A';
	CHECK_RC(jwtauth_verify(&ta_keys, &o, NULL, ta_tok, n, 1000, &tp_jwt, NULL, &e),
		JWTAUTH_ERR_SIGNATURE);
	CHECK_RC(jwtauth_verify(&ta_keys, NULL, NULL, ta_tok, n, 1000, &tp_jwt, NULL, &e),
		JWTAUTH_ERR_ARGUMENT);
}

static void tp_error_values(void)
{
	jwtauth_verify_options o;
	jwtauth_error e;
	static const char *const issuers[2] = { "https://a.example", "https://b.example" };
	size_t n;
	if (!ta_oct_ready()) CHECKF(0, "fixture jwks/oct.json missing");
	jwtauth_verify_options_init(&o, JWTAUTH_ALGS_HMAC);
	/* EXPIRED: exp, now, leeway */
	o.claims.leeway = 5;
	CHECK_RC(tp_verify(&o, "{\"exp\":1000}", 1005, &e), JWTAUTH_ERR_EXPIRED);
	CHECK(e.has_time && e.time == 1000 && e.now == 1005 && e.limit == 5);
	CHECK(tp_text_is(e.detail, e.detail_len, "exp"));
	/* NOT_YET_VALID: nbf, now */
	CHECK_RC(tp_verify(&o, "{\"exp\":9000,\"nbf\":2000}", 1000, &e), JWTAUTH_ERR_NOT_YET_VALID);
	CHECK(e.has_time && e.time == 2000 && e.now == 1000 && e.limit == 5);
	/* TOO_OLD: iat, max_age */
	o.claims.max_age = 60;
	CHECK_RC(tp_verify(&o, "{\"exp\":9000,\"iat\":100}", 1000, &e), JWTAUTH_ERR_TOO_OLD);
	CHECK(e.has_time && e.time == 100 && e.now == 1000 && e.limit == 60);
	o.claims.max_age = 0;
	o.claims.leeway = 0;
	/* ISSUER: the token's iss, unescaped */
	o.claims.issuers[0].p = issuers[0]; o.claims.issuers[0].len = strlen(issuers[0]);
	o.claims.issuers[1].p = issuers[1]; o.claims.issuers[1].len = strlen(issuers[1]);
	o.claims.n_issuers = 2;
	CHECK_RC(tp_verify(&o, "{\"exp\":9000,\"iss\":\"https:\\/\\/evil.example\"}", 1000, &e),
		JWTAUTH_ERR_ISSUER);
	CHECK(tp_text_is(e.value, e.value_len, "https://evil.example"));
	CHECK(!e.has_time);
	o.claims.n_issuers = 0;
	/* AUDIENCE: the first four of the token's audiences */
	o.claims.audiences[0].p = "db"; o.claims.audiences[0].len = 2;
	o.claims.n_audiences = 1;
	CHECK_RC(tp_verify(&o, "{\"exp\":9000,\"aud\":\"web\"}", 1000, &e), JWTAUTH_ERR_AUDIENCE);
	CHECK(tp_text_is(e.value, e.value_len, "web"));
	CHECK_RC(tp_verify(&o, "{\"exp\":9000,\"aud\":[\"a\",\"b\",\"c\",\"d\",\"e\"]}", 1000, &e),
		JWTAUTH_ERR_AUDIENCE);
	CHECK(tp_text_is(e.value, e.value_len, "a, b, c, d"));
	/* a long value is cut, at a character boundary, and NUL-terminated */
	{
		char payload[600];
		size_t i, k = (size_t)snprintf(payload, sizeof payload, "{\"exp\":9000,\"aud\":\"");
		for (i = 0; i < 200; i++) { memcpy(payload + k, "\xc3\xa9", 2); k += 2; }
		snprintf(payload + k, sizeof payload - k, "\"}");
		CHECK_RC(tp_verify(&o, payload, 1000, &e), JWTAUTH_ERR_AUDIENCE);
		CHECK(e.value_len <= JWTAUTH_ERROR_TEXT_MAX && e.value_len % 2 == 0 && e.value_len > 100);
		CHECK(e.value[e.value_len] == 0);
	}
	o.claims.n_audiences = 0;
	/* KID_UNKNOWN: the kid */
	CHECK_RC(jws_keyset("\"kid\":\"other\""), JWTAUTH_OK);
	n = ta_sign("{\"exp\":9000}");
	CHECK_RC(jwtauth_verify(&fx_ks, &o, NULL, ta_tok, n, 1000, &tp_jwt, NULL, &e),
		JWTAUTH_ERR_KID_UNKNOWN);
	CHECK(tp_text_is(e.detail, e.detail_len, "kid"));
	CHECK(tp_text_is(e.value, e.value_len, "oct32"));
	/* PRINCIPAL_MISMATCH through the login: the principal and the user */
	CHECK_RC(ta_seed_config(), JWTAUTH_OK);
	CHECK_RC(ta_oct_ready() ? JWTAUTH_OK : -1, JWTAUTH_OK);
	jwtauth_config_init(&ta_cfg);
	CHECK_RC(ta_auth_payload("jerry", "{\"sub\":\"Tom\"}", &e), JWTAUTH_ERR_PRINCIPAL_MISMATCH);
	CHECK(tp_text_is(e.value, e.value_len, "Tom"));
	CHECK(tp_text_is(e.expected, e.expected_len, "jerry"));
	CHECK(tp_text_is(e.detail, e.detail_len, "sub"));
	/* the error holds copies: it outlives the token */
	memset(ta_tok, 'x', sizeof ta_tok - 1);
	CHECK(tp_text_is(e.value, e.value_len, "Tom"));
	/* the StarRocks login keeps exp optional */
	CHECK_RC(ta_auth_payload("tom", "{\"sub\":\"tom\"}", &e), JWTAUTH_OK);
	ta_cfg.claims.required = JWTAUTH_CLAIM_EXP;
	CHECK_RC(ta_auth_payload("tom", "{\"sub\":\"tom\"}", &e), JWTAUTH_ERR_CLAIM_MISSING);
	ta_cfg.claims.required = 0;
}

static void tp_getters(void)
{
	static const char payload[] = "{\"sub\":\"tom\",\"exp\":2000,\"name\":\"J\\u00e9r\\u00f4me\","
		"\"n\":-9223372036854775808,\"big\":9223372036854775808,\"f\":1.5,\"e\":1e3,"
		"\"t\":true,\"no\":false,\"nul\":null,\"roles\":[\"a\",\"b/c\"],\"mixed\":[\"a\",1],"
		"\"a/b\":{\"~k\":[10,\"deep\"]},\"z\":\"a\\u0000b\",\"neg\":-1.5}";
	jwtauth_verify_options o;
	jwtauth_error e;
	char buf[16];
	size_t len = 99;
	int64_t v = 0;
	int b = -1, found = -1;
	if (!ta_oct_ready()) CHECKF(0, "fixture jwks/oct.json missing");
	jwtauth_verify_options_init(&o, JWTAUTH_ALGS_ALL);
	CHECK_RC(tp_verify(&o, payload, 1000, &e), JWTAUTH_OK);
	/* strings */
	CHECK_RC(jwtauth_claim_string(&tp_jwt, "sub", 3, buf, sizeof buf, &len, &e), JWTAUTH_OK);
	CHECK(len == 3 && strcmp(buf, "tom") == 0);
	CHECK_RC(jwtauth_claim_string(&tp_jwt, "name", 4, buf, sizeof buf, &len, &e), JWTAUTH_OK);
	CHECK(strcmp(buf, "J\xc3\xa9r\xc3\xb4me") == 0 && len == 8);
	CHECK_RC(jwtauth_claim_string(&tp_jwt, "name", 4, buf, 8, &len, &e), JWTAUTH_ERR_CLAIM_TOO_LONG);
	CHECK(tp_text_is(e.detail, e.detail_len, "name"));
	CHECK_RC(jwtauth_claim_string(&tp_jwt, "name", 4, buf, 9, NULL, &e), JWTAUTH_OK);
	CHECK_RC(jwtauth_claim_string(&tp_jwt, "exp", 3, buf, sizeof buf, &len, &e), JWTAUTH_ERR_CLAIM_TYPE);
	CHECK_RC(jwtauth_claim_string(&tp_jwt, "nope", 4, buf, sizeof buf, &len, &e), JWTAUTH_ERR_CLAIM_MISSING);
	CHECK(tp_text_is(e.detail, e.detail_len, "nope"));
	CHECK_RC(jwtauth_claim_string(&tp_jwt, "z", 1, buf, sizeof buf, &len, &e), JWTAUTH_ERR_CLAIM_TYPE);
	CHECK_RC(jwtauth_claim_string(&tp_jwt, "sub", 3, buf, 0, &len, &e), JWTAUTH_ERR_ARGUMENT);
	/* RFC 6901 pointers */
	CHECK_RC(jwtauth_claim_string(&tp_jwt, "/roles/1", 8, buf, sizeof buf, &len, &e), JWTAUTH_OK);
	CHECK(strcmp(buf, "b/c") == 0);
	CHECK_RC(jwtauth_claim_string(&tp_jwt, "/a~1b/~0k/1", 11, buf, sizeof buf, &len, &e), JWTAUTH_OK);
	CHECK(strcmp(buf, "deep") == 0);
	CHECK_RC(jwtauth_claim_int64(&tp_jwt, "/a~1b/~0k/0", 11, &v, &e), JWTAUTH_OK);
	CHECK(v == 10);
	CHECK_RC(jwtauth_claim_string(&tp_jwt, "/roles/2", 8, buf, sizeof buf, &len, &e), JWTAUTH_ERR_CLAIM_MISSING);
	CHECK_RC(jwtauth_claim_string(&tp_jwt, "/a~2b", 5, buf, sizeof buf, &len, &e), JWTAUTH_ERR_CLAIM_PATH);
	CHECK_RC(jwtauth_claim_string(&tp_jwt, "/x~", 3, buf, sizeof buf, &len, &e), JWTAUTH_ERR_CLAIM_PATH);
	/* integers */
	CHECK_RC(jwtauth_claim_int64(&tp_jwt, "exp", 3, &v, &e), JWTAUTH_OK);
	CHECK(v == 2000);
	CHECK_RC(jwtauth_claim_int64(&tp_jwt, "n", 1, &v, &e), JWTAUTH_OK);
	CHECK(v == -INT64_MAX - 1);
	v = 7;
	CHECK_RC(jwtauth_claim_int64(&tp_jwt, "big", 3, &v, &e), JWTAUTH_ERR_CLAIM_RANGE);
	CHECK(v == 7);
	CHECK_RC(jwtauth_claim_int64(&tp_jwt, "f", 1, &v, &e), JWTAUTH_ERR_CLAIM_RANGE);
	CHECK_RC(jwtauth_claim_int64(&tp_jwt, "e", 1, &v, &e), JWTAUTH_ERR_CLAIM_RANGE);
	CHECK_RC(jwtauth_claim_int64(&tp_jwt, "sub", 3, &v, &e), JWTAUTH_ERR_CLAIM_TYPE);
	/* NumericDate: fraction floored, exponent read, negative refused */
	CHECK_RC(jwtauth_claim_date(&tp_jwt, "f", 1, &v, &e), JWTAUTH_OK);
	CHECK(v == 1);
	CHECK_RC(jwtauth_claim_date(&tp_jwt, "e", 1, &v, &e), JWTAUTH_OK);
	CHECK(v == 1000);
	CHECK_RC(jwtauth_claim_date(&tp_jwt, "neg", 3, &v, &e), JWTAUTH_ERR_CLAIM_RANGE);
	CHECK_RC(jwtauth_claim_date(&tp_jwt, "t", 1, &v, &e), JWTAUTH_ERR_CLAIM_TYPE);
	/* booleans */
	CHECK_RC(jwtauth_claim_bool(&tp_jwt, "t", 1, &b, &e), JWTAUTH_OK);
	CHECK(b == 1);
	CHECK_RC(jwtauth_claim_bool(&tp_jwt, "no", 2, &b, &e), JWTAUTH_OK);
	CHECK(b == 0);
	CHECK_RC(jwtauth_claim_bool(&tp_jwt, "nul", 3, &b, &e), JWTAUTH_ERR_CLAIM_TYPE);
	CHECK_RC(jwtauth_claim_bool(&tp_jwt, "absent", 6, &b, &e), JWTAUTH_ERR_CLAIM_MISSING);
	/* contains: a string, an array of strings */
	CHECK_RC(jwtauth_claim_contains(&tp_jwt, "roles", 5, "b/c", 3, &found, &e), JWTAUTH_OK);
	CHECK(found == 1);
	CHECK_RC(jwtauth_claim_contains(&tp_jwt, "roles", 5, "b", 1, &found, &e), JWTAUTH_OK);
	CHECK(found == 0);
	CHECK_RC(jwtauth_claim_contains(&tp_jwt, "sub", 3, "tom", 3, &found, &e), JWTAUTH_OK);
	CHECK(found == 1);
	CHECK_RC(jwtauth_claim_contains(&tp_jwt, "mixed", 5, "a", 1, &found, &e), JWTAUTH_ERR_CLAIM_TYPE);
	CHECK_RC(jwtauth_claim_contains(&tp_jwt, "exp", 3, "a", 1, &found, &e), JWTAUTH_ERR_CLAIM_TYPE);
	CHECK_RC(jwtauth_claim_contains(&tp_jwt, "gone", 4, "a", 1, &found, &e), JWTAUTH_ERR_CLAIM_MISSING);
	/* a token whose payload was never parsed */
	CHECK_RC(jwtauth_jws_verify_signature_only(&ta_keys, ta_tok, ta_sign(payload),
		JWTAUTH_ALGS_ALL, &tp_jwt, &e), JWTAUTH_OK);
	CHECK_RC(jwtauth_claim_bool(&tp_jwt, "t", 1, &b, &e), JWTAUTH_ERR_ARGUMENT);
}

/* jwtauth_verify through a verified-token cache with lock hooks. */
static int tp_locks, tp_unlocks;
static void tp_lock(void *u) { (void)u; tp_locks++; }
static void tp_unlock(void *u) { (void)u; tp_unlocks++; }

static void tp_cache(void)
{
	static jwtauth_token_cache tc;
	static jwtauth_token_cache_entry entries[4];
	jwtauth_verify_options o;
	jwtauth_error e;
	uint64_t hits = 0, misses = 0;
	size_t n;
	if (!ta_oct_ready()) CHECKF(0, "fixture jwks/oct.json missing");
	jwtauth_verify_options_init(&o, JWTAUTH_ALGS_ALL);
	jwtauth_token_cache_init(&tc, entries, 4);
	jwtauth_token_cache_set_lock(&tc, tp_lock, tp_unlock, NULL);
	n = ta_sign("{\"sub\":\"tom\",\"exp\":2000}");
	CHECK_RC(jwtauth_verify(&ta_keys, &o, &tc, ta_tok, n, 1000, &tp_jwt, NULL, &e), JWTAUTH_OK);
	CHECK_EQ(tp_jwt.cache_hit, 0);
	CHECK_RC(jwtauth_verify(&ta_keys, &o, &tc, ta_tok, n, 1000, &tp_jwt, NULL, &e), JWTAUTH_OK);
	CHECK_EQ(tp_jwt.cache_hit, 1);
	/* a hit still checks the claims */
	CHECK_RC(jwtauth_verify(&ta_keys, &o, &tc, ta_tok, n, 2000, &tp_jwt, NULL, &e), JWTAUTH_ERR_EXPIRED);
	CHECK_EQ(tp_jwt.cache_hit, 1);
	CHECK(e.time == 2000 && e.now == 2000);
	jwtauth_token_cache_stats(&tc, &hits, &misses);
	CHECK(hits == 2 && misses == 1);
	CHECK(tp_locks > 0 && tp_locks == tp_unlocks);
	/* NULL token or output with a cache: an error, not a probe */
	CHECK_RC(jwtauth_verify(&ta_keys, &o, &tc, NULL, 5, 1000, &tp_jwt, NULL, &e), JWTAUTH_ERR_TOKEN_SIZE);
	CHECK_RC(jwtauth_verify(&ta_keys, &o, &tc, ta_tok, n, 1000, NULL, NULL, &e), JWTAUTH_ERR_ARGUMENT);
	/* one hook without the other installs none */
	jwtauth_token_cache_set_lock(&tc, tp_lock, NULL, NULL);
	CHECK(tc.lock == NULL && tc.unlock == NULL);
	jwtauth_token_cache_clear(&tc);
	CHECK_RC(jwtauth_verify(&ta_keys, &o, &tc, ta_tok, n, 1000, &tp_jwt, NULL, &e), JWTAUTH_OK);
	CHECK_EQ(tp_jwt.cache_hit, 0);
}

#ifndef JWTAUTH_NO_MALLOC
static void tp_error_model(void)
{
	jwtauth_cache_options o;
	jwtauth_error e;
	char dir[JWTAUTH_MAX_SOURCE_LEN + 8];
	jwtauth_cache *c;
	memset(&o, 0, sizeof o);
	memset(dir, 'd', sizeof dir - 1);
	dir[sizeof dir - 1] = 0;
	o.conf_dir = dir;
	CHECK(jwtauth_cache_new(&o, &e) == NULL);
	CHECK_EQ(e.code, JWTAUTH_ERR_CONFIG_PATH);
	o.conf_dir = NULL;
	o.lock = tp_lock;
	CHECK(jwtauth_cache_new(&o, &e) == NULL);
	CHECK_EQ(e.code, JWTAUTH_ERR_ARGUMENT);
	o.lock = NULL;
	c = jwtauth_cache_new(&o, &e);
	CHECK(c != NULL && e.code == JWTAUTH_OK);
	jwtauth_cache_free(c);
	CHECK(strcmp(jwtauth_error_name(JWTAUTH_ERR_NOMEM), "NOMEM") == 0);
	CHECK(strcmp(jwtauth_error_name(JWTAUTH_ERR_NO_FETCH), "NO_FETCH") == 0);
	CHECK(strcmp(jwtauth_error_name(JWTAUTH_ERR_CLAIM_TOO_LONG), "CLAIM_TOO_LONG") == 0);
#ifdef JWTAUTH_NO_ERROR_STRINGS
	CHECK(strcmp(jwtauth_strerror(JWTAUTH_ERR_EXPIRED), "") == 0);
#else
	CHECK(strcmp(jwtauth_strerror(JWTAUTH_ERR_NOMEM), "out of memory") == 0);
#endif
}
#endif

/* The thumbprint of the first key of tests/data/<rel> is `want`. */
static void tp_check_file(const char *rel, const char *want)
{
	char path[512], b64[64];
	char *doc;
	size_t n = 0, w = 0;
	uint8_t tp[32];
	jwtauth_error e;
	snprintf(path, sizeof path, "%s/%s", tl_data_dir(), rel);
	doc = tl_read_file(path, &n);
	if (!doc) CHECKF(0, "missing %s", path);
	CHECK_RC(jwtauth_keyset_parse(&fx_ks, doc, n, &e), JWTAUTH_OK);
	free(doc);
	CHECK_RC(jwtauth_jwk_thumbprint(&fx_ks.keys[0], tp, &e), JWTAUTH_OK);
	CHECK_RC(jwtauth_b64url_encode(tp, 32, b64, sizeof b64, &w), JWTAUTH_OK);
	b64[w] = 0;
	CHECKF(strcmp(b64, want) == 0, "%s: thumbprint %s, expected %s", rel, b64, want);
}

/* RFC 8037 appendix A.3: the thumbprint of the A.2 Ed25519 key. */
static void tp_thumbprint_okp(void)
{
	tp_check_file("rfc8037/ed25519.public.jwk.json", "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k");
}

/* RFC 7638 section 3.1: the example key's thumbprint; an EC key's is the
   hash of {"crv","kty","x","y"}; oct and unusable keys have none. */
static void tp_thumbprint(void)
{
	uint8_t tp[32];
	jwtauth_error e;
	tp_check_file("rfc7638/example.jwk.json", "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
	if (tl_failed) return;
	/* EC: the same key under another kid and alg has the same thumbprint */
	{
		static const char ec1[] = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"a\","
			"\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\","
			"\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\"}";
		static const char ec2[] = "{\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\","
			"\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\",\"alg\":\"ES256\","
			"\"crv\":\"P-256\",\"kty\":\"EC\"}";
		uint8_t t1[32], t2[32];
		br_sha256_context c;
		static const char canon[] = "{\"crv\":\"P-256\",\"kty\":\"EC\","
			"\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\","
			"\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\"}";
		uint8_t want[32];
		CHECK_RC(jwtauth_keyset_parse(&fx_ks, ec1, sizeof ec1 - 1, &e), JWTAUTH_OK);
		CHECK_RC(jwtauth_jwk_thumbprint(&fx_ks.keys[0], t1, &e), JWTAUTH_OK);
		CHECK_RC(jwtauth_keyset_parse(&fx_ks, ec2, sizeof ec2 - 1, &e), JWTAUTH_OK);
		CHECK_RC(jwtauth_jwk_thumbprint(&fx_ks.keys[0], t2, &e), JWTAUTH_OK);
		br_sha256_init(&c);
		br_sha256_update(&c, canon, sizeof canon - 1);
		br_sha256_out(&c, want);
		CHECK(memcmp(t1, t2, 32) == 0 && memcmp(t1, want, 32) == 0);
	}
	CHECK_RC(jws_keyset(""), JWTAUTH_OK);
	CHECK_RC(jwtauth_jwk_thumbprint(&fx_ks.keys[0], tp, &e), JWTAUTH_ERR_KEY_KTY);
	fx_ks.keys[0].status = JWTAUTH_ERR_KEY_PRIVATE;
	CHECK_RC(jwtauth_jwk_thumbprint(&fx_ks.keys[0], tp, &e), JWTAUTH_ERR_ARGUMENT);
	CHECK_RC(jwtauth_jwk_thumbprint(NULL, tp, &e), JWTAUTH_ERR_ARGUMENT);
}

static const test_case t_api_tests[] = {
	{ "thumbprint", tp_thumbprint },
	{ "thumbprint_okp", tp_thumbprint_okp },
	{ "verify_defaults", tp_verify_defaults },
	{ "error_values", tp_error_values },
	{ "getters", tp_getters },
	{ "verify_cache", tp_cache },
#ifndef JWTAUTH_NO_MALLOC
	{ "error_model", tp_error_model },
#endif
	{ NULL, NULL }
};
