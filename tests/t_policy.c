/* t_policy.c - policy rules where a degenerate input must not weaken a
   check: empty property lists, several keys under one kid (RFC 7517 4.5),
   duplicate key_ops values (RFC 7517 4.3), oct entries beside public-key
   entries whatever their state, and a key file read into a block sized
   to it. Keys: tests/fixtures/keys; tokens with kid "shared":
   tests/fixtures/policy (made by its gen.py). */

static jwtauth_keyset pol_ks;
static jwtauth_config pol_cfg;
static jwtauth_jwt pol_jwt;

static int pol_detail_is(const jwtauth_error *e, const char *s)
{
	return e->detail_len == strlen(s) && memcmp(e->detail, s, e->detail_len) == 0;
}

/* The string member `name` of the JWK file tests/fixtures/keys/<file>
   into out (NUL-terminated); 0 when missing. */
static int pol_member(const char *file, const char *name, char *out, size_t cap)
{
	static jwtauth_json_tok toks[64];
	char path[256];
	size_t len = 0, n = 0;
	long v;
	char *doc;
	int ok = 0;
	snprintf(path, sizeof path, "tests/fixtures/keys/%s", file);
	doc = tl_read_file(path, &len);
	if (!doc) return 0;
	if (jwtauth_json_parse(doc, len, toks, 64, 0, &n, NULL) == JWTAUTH_OK
	    && (v = jwtauth_json_get(doc, toks, n, 0, name, strlen(name))) >= 0
	    && jwtauth_json_str_copy(doc, &toks[v], out, cap - 1, &len) == JWTAUTH_OK) {
		out[len] = 0;
		ok = 1;
	}
	free(doc);
	return ok;
}

/* One JWK object text: RSA from <base>.pub.jwk.json, EC P-256, or oct
   from <base>.jwk.json, with the given kid and extra members (",..."). */
static int pol_jwk(char *out, size_t cap, const char *base, const char *kid, const char *extra)
{
	char file[64], a[1024], b[256];
	int n;
	if (strncmp(base, "rsa", 3) == 0) {
		snprintf(file, sizeof file, "%s.pub.jwk.json", base);
		if (!pol_member(file, "n", a, sizeof a) || !pol_member(file, "e", b, sizeof b)) return 0;
		n = snprintf(out, cap, "{\"kty\":\"RSA\",\"kid\":\"%s\",\"n\":\"%s\",\"e\":\"%s\"%s}",
			kid, a, b, extra);
	} else if (strncmp(base, "ec", 2) == 0) {
		snprintf(file, sizeof file, "%s.pub.jwk.json", base);
		if (!pol_member(file, "x", a, sizeof a) || !pol_member(file, "y", b, sizeof b)) return 0;
		n = snprintf(out, cap, "{\"kty\":\"EC\",\"kid\":\"%s\",\"crv\":\"P-256\",\"x\":\"%s\",\"y\":\"%s\"%s}",
			kid, a, b, extra);
	} else {
		snprintf(file, sizeof file, "%s.jwk.json", base);
		if (!pol_member(file, "k", a, sizeof a)) return 0;
		n = snprintf(out, cap, "{\"kty\":\"oct\",\"kid\":\"%s\",\"k\":\"%s\"%s}", kid, a, extra);
	}
	return n > 0 && (size_t)n < cap;
}

/* {"keys":[j1,j2(,j3)]} into a static buffer; NULL when a fixture is missing. */
static const char *pol_set(const char *j1, const char *j2, const char *j3)
{
	static char doc[8192];
	int n = snprintf(doc, sizeof doc, "{\"keys\":[%s%s%s%s%s]}", j1, j2 ? "," : "",
		j2 ? j2 : "", j3 ? "," : "", j3 ? j3 : "");
	return n > 0 && (size_t)n < sizeof doc ? doc : NULL;
}

static int pol_parse(const char *doc, jwtauth_error *e)
{
	if (!doc) return JWTAUTH_ERR_IO;
	return jwtauth_keyset_parse(&pol_ks, doc, strlen(doc), e);
}

/* Verify the token file tests/fixtures/policy/<name> against pol_ks;
   *key_index is the index of the key that verified it. */
static int pol_verify(const char *name, size_t *key_index, jwtauth_error *e)
{
	char path[256];
	size_t len = 0;
	char *tok;
	int rc;
	snprintf(path, sizeof path, "tests/fixtures/policy/%s", name);
	tok = tl_read_file(path, &len);
	if (!tok) {
		fprintf(stderr, "missing %s\n", path);
		return JWTAUTH_ERR_IO;
	}
	while (len > 0 && (tok[len - 1] == '\n' || tok[len - 1] == '\r')) len--;
	rc = jwtauth_jws_verify_signature_only(&pol_ks, tok, len, JWTAUTH_ALGS_ALL, &pol_jwt, e);
	if (rc == JWTAUTH_OK && key_index) *key_index = (size_t)(pol_jwt.key - pol_ks.keys);
	free(tok);
	return rc;
}

/* ---- 1. a list property that names no item is an error ---- */

static void pol_empty_lists_parse(void)
{
	static const char *const values[] = {
		"\"\"", "\" , \"", "\",\"", "\" ,\\t, \"", "\"\\u002c\"", "[]"
	};
	static const char *const lists[] = { "required_issuer", "required_audience" };
	char js[256];
	jwtauth_error e;
	size_t v, l;
	for (l = 0; l < 2; l++)
		for (v = 0; v < sizeof values / sizeof values[0]; v++) {
			snprintf(js, sizeof js, "{\"jwks_url\":\"j.json\",\"%s\":%s}", lists[l], values[v]);
			CHECKF(jwtauth_config_parse(&pol_cfg, js, strlen(js), &e) == JWTAUTH_ERR_CONFIG_VALUE,
				"%s accepted", js);
			CHECKF(pol_detail_is(&e, lists[l]), "%s: detail %s", js, e.detail);
			CHECK(TL_MSG_HAS(e.msg, "empty list"));
			CHECK_EQ(pol_cfg.claims.n_issuers + pol_cfg.claims.n_audiences, 0);
			CHECK(pol_cfg.jwks_url.len == 0);  /* nothing half-filled */
			/* the integration properties, permitted_groups too */
			snprintf(js, sizeof js, "{\"type\":\"authentication_jwt\",\"jwks_url\":\"j.json\","
				"\"principal_field\":\"sub\",\"%s\":%s}", l ? "permitted_groups" : lists[v % 2],
				values[v]);
			CHECKF(jwtauth_integration_parse(&pol_cfg, js, strlen(js), &e) == JWTAUTH_ERR_CONFIG_VALUE,
				"%s accepted", js);
			CHECKF(pol_detail_is(&e, l ? "permitted_groups" : lists[v % 2]), "%s: detail %s", js, e.detail);
			CHECK(TL_MSG_HAS(e.msg, "empty list"));
		}
	/* what is still refused for another reason, and what is fine */
	CHECK_RC(jwtauth_config_parse(&pol_cfg, "{\"required_issuer\":[\"\"]}", 24, &e), JWTAUTH_ERR_CONFIG_VALUE);
	CHECK_RC(jwtauth_config_parse(&pol_cfg, "{\"required_issuer\":\"a, ,b,\"}", 28, &e), JWTAUTH_OK);
	CHECK_EQ(pol_cfg.claims.n_issuers, 2);
	CHECK_RC(jwtauth_config_parse(&pol_cfg, "{\"required_audience\":[\"x\"]}", 27, &e), JWTAUTH_OK);
	CHECK_EQ(pol_cfg.claims.n_audiences, 1);
	/* an absent member is no check at all, as before */
	CHECK_RC(jwtauth_config_parse(&pol_cfg, "{}", 2, &e), JWTAUTH_OK);
	CHECK_EQ(pol_cfg.claims.n_issuers, 0);
}

static void pol_empty_lists_set(void)
{
	static const char *const values[] = { "", " , ", ",", " ,\t,, " };
	jwtauth_str *items[3];
	size_t *counts[3];
	const char *names[3] = { "required_issuer", "required_audience", "permitted_groups" };
	jwtauth_error e;
	size_t i, v, used;
	jwtauth_config_init(&pol_cfg);
	items[0] = pol_cfg.claims.issuers; counts[0] = &pol_cfg.claims.n_issuers;
	items[1] = pol_cfg.claims.audiences; counts[1] = &pol_cfg.claims.n_audiences;
	items[2] = pol_cfg.permitted_groups; counts[2] = &pol_cfg.n_permitted_groups;
	for (i = 0; i < 3; i++) {
		CHECK_RC(jwtauth_config_set_list(&pol_cfg, items[i], counts[i], "keep", 4, &e), JWTAUTH_OK);
		used = pol_cfg.used;
		for (v = 0; v < sizeof values / sizeof values[0]; v++) {
			CHECK_RC(jwtauth_config_set_list(&pol_cfg, items[i], counts[i], values[v],
				strlen(values[v]), &e), JWTAUTH_ERR_CONFIG_VALUE);
			CHECKF(pol_detail_is(&e, names[i]), "detail %s", e.detail);
			CHECK(TL_MSG_HAS(e.msg, "empty list"));
			/* the list in place is kept, the store untouched */
			CHECK_EQ(*counts[i], 1);
			CHECK(items[i][0].len == 4 && memcmp(items[i][0].p, "keep", 4) == 0);
			CHECK_EQ(pol_cfg.used, used);
		}
		CHECK_RC(jwtauth_config_set_list(&pol_cfg, items[i], counts[i], NULL, 0, &e),
			JWTAUTH_ERR_CONFIG_VALUE);
	}
}

/* The StarRocks login with an issuer list that names nothing: refused at
   configuration, so a token of any issuer never meets a check that is off. */
static void pol_empty_issuer_login(void)
{
	jwtauth_error e;
	CHECK_RC(jwtauth_config_parse(&pol_cfg, "{\"required_issuer\":\" , \"}", strlen("{\"required_issuer\":\" , \"}"), &e),
		JWTAUTH_ERR_CONFIG_VALUE);
	CHECK_RC(jwtauth_config_parse(&pol_cfg, "{\"required_issuer\":\" , https://issuer.example\"}",
		47, &e), JWTAUTH_OK);
	CHECK_EQ(pol_cfg.claims.n_issuers, 1);
	CHECK(pol_cfg.claims.issuers[0].len == 22);
}

/* ---- 2. several keys under one kid (RFC 7517 4.5) ---- */

static void pol_kid_types(void)
{
	char rsa[1024], ec[512];
	jwtauth_error e;
	size_t k = 99;
	CHECK(pol_jwk(rsa, sizeof rsa, "rsa2048a", "shared", ""));
	CHECK(pol_jwk(ec, sizeof ec, "ec256", "shared", ""));
	/* RSA and EC under one kid: the token's alg picks the one that fits */
	CHECK_RC(pol_parse(pol_set(rsa, ec, NULL), &e), JWTAUTH_OK);
	CHECK_RC(pol_verify("rs256-a.jwt", &k, &e), JWTAUTH_OK);
	CHECK_EQ(k, 0);
	CHECK_RC(pol_verify("es256.jwt", &k, &e), JWTAUTH_OK);
	CHECK_EQ(k, 1);
	/* in either order */
	CHECK_RC(pol_parse(pol_set(ec, rsa, NULL), &e), JWTAUTH_OK);
	CHECK_RC(pol_verify("rs256-a.jwt", &k, &e), JWTAUTH_OK);
	CHECK_EQ(k, 1);
	CHECK_RC(pol_verify("es256.jwt", &k, &e), JWTAUTH_OK);
	CHECK_EQ(k, 0);
	/* a PS256 token: the RSA key fits (the signature is another key's) */
	CHECK_RC(pol_verify("ps256-b.jwt", &k, &e), JWTAUTH_ERR_SIGNATURE);
}

static void pol_kid_two_rsa(void)
{
	char a[1024], b[1024];
	jwtauth_error e;
	size_t k = 99;
	/* two RSA keys without alg under one kid: both fit, refuse to guess */
	CHECK(pol_jwk(a, sizeof a, "rsa2048a", "shared", ""));
	CHECK(pol_jwk(b, sizeof b, "rsa2048b", "shared", ""));
	CHECK_RC(pol_parse(pol_set(a, b, NULL), &e), JWTAUTH_OK);
	CHECK_RC(pol_verify("rs256-a.jwt", &k, &e), JWTAUTH_ERR_KID_AMBIGUOUS);
	CHECK(pol_detail_is(&e, "shared"));
	CHECK_RC(pol_verify("ps256-b.jwt", &k, &e), JWTAUTH_ERR_KID_AMBIGUOUS);
	/* an EC token under that kid: no key fits it */
	CHECK_RC(pol_verify("es256.jwt", &k, &e), JWTAUTH_ERR_KEY_UNFIT);
	/* one pinned, one not: both fit RS256 */
	CHECK(pol_jwk(a, sizeof a, "rsa2048a", "shared", ",\"alg\":\"RS256\""));
	CHECK_RC(pol_parse(pol_set(a, b, NULL), &e), JWTAUTH_OK);
	CHECK_RC(pol_verify("rs256-a.jwt", &k, &e), JWTAUTH_ERR_KID_AMBIGUOUS);
	CHECK_RC(pol_verify("ps256-b.jwt", &k, &e), JWTAUTH_OK);
	CHECK_EQ(k, 1);
}

static void pol_kid_pinned(void)
{
	char a[1024], b[1024];
	jwtauth_error e;
	size_t k = 99;
	/* RS256-pinned and PS256-pinned RSA keys under one kid: each token
	   picks its key */
	CHECK(pol_jwk(a, sizeof a, "rsa2048a", "shared", ",\"alg\":\"RS256\""));
	CHECK(pol_jwk(b, sizeof b, "rsa2048b", "shared", ",\"alg\":\"PS256\""));
	CHECK_RC(pol_parse(pol_set(a, b, NULL), &e), JWTAUTH_OK);
	CHECK_RC(pol_verify("rs256-a.jwt", &k, &e), JWTAUTH_OK);
	CHECK_EQ(k, 0);
	CHECK_RC(pol_verify("ps256-b.jwt", &k, &e), JWTAUTH_OK);
	CHECK_EQ(k, 1);
	CHECK_RC(pol_parse(pol_set(b, a, NULL), &e), JWTAUTH_OK);
	CHECK_RC(pol_verify("rs256-a.jwt", &k, &e), JWTAUTH_OK);
	CHECK_EQ(k, 1);
	CHECK_RC(pol_verify("ps256-b.jwt", &k, &e), JWTAUTH_OK);
	CHECK_EQ(k, 0);
}

static void pol_kid_refused(void)
{
	char a[1024], small[512], badec[512], enc[512];
	jwtauth_error e;
	size_t k = 99;
	CHECK(pol_jwk(a, sizeof a, "rsa2048a", "shared", ",\"alg\":\"RS256\""));
	CHECK(pol_jwk(small, sizeof small, "rsa1024", "shared", ""));
	/* a usable key beside a refused one under one kid: the publisher
	   meant one of the two */
	CHECK_RC(pol_parse(pol_set(a, small, NULL), &e), JWTAUTH_OK);
	CHECK_RC(pol_ks.keys[1].status, JWTAUTH_ERR_KEY_RSA_SIZE);
	CHECK_RC(pol_verify("rs256-a.jwt", &k, &e), JWTAUTH_ERR_KID_AMBIGUOUS);
	CHECK_RC(pol_parse(pol_set(small, a, NULL), &e), JWTAUTH_OK);
	CHECK_RC(pol_verify("rs256-a.jwt", &k, &e), JWTAUTH_ERR_KID_AMBIGUOUS);
	/* whatever the refused entry's type */
	snprintf(badec, sizeof badec, "{\"kty\":\"EC\",\"kid\":\"shared\",\"crv\":\"P-256\","
		"\"x\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\","
		"\"y\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}");
	CHECK_RC(pol_parse(pol_set(a, badec, NULL), &e), JWTAUTH_OK);
	CHECK_RC(pol_ks.keys[1].status, JWTAUTH_ERR_KEY_EC_POINT);
	CHECK_RC(pol_verify("rs256-a.jwt", &k, &e), JWTAUTH_ERR_KID_AMBIGUOUS);
	/* a refused entry that is not a signature key (use "enc") names
	   another purpose: no ambiguity */
	CHECK(pol_jwk(enc, sizeof enc, "rsa1024", "shared", ",\"use\":\"enc\""));
	CHECK_RC(pol_parse(pol_set(a, enc, NULL), &e), JWTAUTH_OK);
	CHECK_RC(pol_verify("rs256-a.jwt", &k, &e), JWTAUTH_OK);
	CHECK_EQ(k, 0);
	/* only the refused key under the kid */
	CHECK(pol_jwk(a, sizeof a, "rsa2048a", "other", ""));
	CHECK_RC(pol_parse(pol_set(a, small, NULL), &e), JWTAUTH_OK);
	CHECK_RC(pol_verify("rs256-a.jwt", &k, &e), JWTAUTH_ERR_KEY_UNFIT);
}

/* ---- 3. key_ops values are unique (RFC 7517 4.3) ---- */

static void pol_key_ops_dup(void)
{
	static const char *const dup[] = {
		"[\"verify\",\"encrypt\",\"encrypt\"]",
		"[\"encrypt\",\"verify\",\"encrypt\"]",
		"[\"wrapKey\",\"encr\\u0079pt\",\"verify\",\"encrypt\"]",
		"[\"verify\",\"verify\"]",
		"[\"sign\",\"verify\",\"sign\"]",
		"[\"verify\",\"\",\"\"]",
		"[\"verify\",\"x-custom\",\"x-cust\\u006fm\"]"
	};
	static const char *const fine[] = {
		"[\"verify\"]", "[\"verify\",\"encrypt\",\"wrapKey\"]", "[\"verify\",\"encrypt\",\"encrypt2\"]",
		"[\"verify\",\"Verify\"]"
	};
	char extra[128], a[1024], b[1024];
	jwtauth_error e;
	size_t i;
	CHECK(pol_jwk(b, sizeof b, "rsa2048b", "b", ""));
	for (i = 0; i < sizeof dup / sizeof dup[0]; i++) {
		snprintf(extra, sizeof extra, ",\"key_ops\":%s", dup[i]);
		CHECK(pol_jwk(a, sizeof a, "rsa2048a", "a", extra));
		CHECK_RC(pol_parse(pol_set(a, b, NULL), &e), JWTAUTH_OK);
		CHECKF(pol_ks.keys[0].status == JWTAUTH_ERR_KEY_USE, "key_ops %s: status %s", dup[i],
			jwtauth_error_name(pol_ks.keys[0].status));
		CHECK_RC(pol_ks.keys[1].status, JWTAUTH_OK);
		/* a lone JWK with duplicates: nothing usable */
		CHECK_RC(pol_parse(a, &e), JWTAUTH_ERR_KEYSET_EMPTY);
		CHECK_RC(pol_ks.keys[0].status, JWTAUTH_ERR_KEY_USE);
	}
	for (i = 0; i < sizeof fine / sizeof fine[0]; i++) {
		snprintf(extra, sizeof extra, ",\"key_ops\":%s", fine[i]);
		CHECK(pol_jwk(a, sizeof a, "rsa2048a", "a", extra));
		CHECKF(pol_parse(a, &e) == JWTAUTH_OK, "key_ops %s refused", fine[i]);
	}
}

/* ---- 4. oct beside public keys, whatever the entries' state ---- */

static void pol_mixed_any_state(void)
{
	char oct31[256], oct32[256], octbad[256], rsa[1024], small[512], ec[512];
	jwtauth_error e;
	CHECK(pol_jwk(oct31, sizeof oct31, "oct31", "o31", ""));
	CHECK(pol_jwk(oct32, sizeof oct32, "oct32", "o32", ""));
	CHECK(pol_jwk(octbad, sizeof octbad, "oct32", "obad", ",\"key_ops\":\"verify\""));
	CHECK(pol_jwk(rsa, sizeof rsa, "rsa2048a", "r", ""));
	CHECK(pol_jwk(small, sizeof small, "rsa1024", "r1024", ""));
	CHECK(pol_jwk(ec, sizeof ec, "ec256", "e", ""));
	/* a broken oct key and a usable RSA key, both orders */
	CHECK_RC(pol_parse(pol_set(oct31, rsa, NULL), &e), JWTAUTH_ERR_KEYSET_MIXED);
	CHECK_EQ(pol_ks.count, 0);
	CHECK_RC(pol_parse(pol_set(rsa, oct31, NULL), &e), JWTAUTH_ERR_KEYSET_MIXED);
	/* a usable oct key and a broken RSA key, both orders */
	CHECK_RC(pol_parse(pol_set(oct32, small, NULL), &e), JWTAUTH_ERR_KEYSET_MIXED);
	CHECK_RC(pol_parse(pol_set(small, oct32, NULL), &e), JWTAUTH_ERR_KEYSET_MIXED);
	/* both broken */
	CHECK_RC(pol_parse(pol_set(oct31, small, NULL), &e), JWTAUTH_ERR_KEYSET_MIXED);
	/* an oct entry refused before its key was looked at */
	CHECK_RC(pol_parse(pol_set(octbad, ec, NULL), &e), JWTAUTH_ERR_KEYSET_MIXED);
	CHECK_RC(pol_parse(pol_set(ec, rsa, octbad), &e), JWTAUTH_ERR_KEYSET_MIXED);
	/* usable both, as before */
	CHECK_RC(pol_parse(pol_set(oct32, ec, NULL), &e), JWTAUTH_ERR_KEYSET_MIXED);
	/* what is not mixed: one kind, with broken entries of that kind, or
	   entries of no known type */
	CHECK_RC(pol_parse(pol_set(rsa, small, ec), &e), JWTAUTH_OK);
	CHECK_EQ(pol_ks.usable, 2);
	CHECK_RC(pol_parse(pol_set(oct32, oct31, NULL), &e), JWTAUTH_OK);
	CHECK_EQ(pol_ks.kind, JWTAUTH_KTY_OCT);
	CHECK_RC(pol_parse(pol_set(oct32, "{\"kty\":\"XYZ\",\"kid\":\"x\"}", "{\"kid\":\"y\"}"), &e), JWTAUTH_OK);
	CHECK_RC(pol_parse(pol_set(rsa, "{\"kty\":\"XYZ\",\"kid\":\"x\"}", "{\"kid\":\"y\"}"), &e), JWTAUTH_OK);
	CHECK_EQ(pol_ks.kind, JWTAUTH_KTY_RSA);
}

/* ---- 7. a key file is read into a block sized to it ---- */

#if !defined(JWTAUTH_NO_MALLOC) && !defined(JWTAUTH_NO_STDIO)
/* How many blocks of exactly n bytes were allocated since the reset. */
static size_t pol_allocated(size_t n)
{
	size_t i, hits = 0;
	for (i = 0; i < tl_alloc_count && i < TL_ALLOC_LOG; i++)
		if (tl_alloc_sizes[i] == n) hits++;
	return hits;
}

static void pol_file_sized(void)
{
	jwtauth_cache_options o;
	jwtauth_cache *c;
	jwtauth_keys_ref ref;
	jwtauth_error e;
	size_t len = 0, i, hit = 0, big = 0;
	char *doc = tl_read_file("tests/fixtures/jwks/rsa.json", &len);
	CHECK(doc != NULL);
	free(doc);
	memset(&o, 0, sizeof o);
	o.conf_dir = "tests/fixtures/jwks";
	c = jwtauth_cache_new(&o, &e);
	CHECK(c != NULL);
	tl_alloc_count = 0;
	CHECK_RC(jwtauth_cache_acquire(c, "rsa.json", 8, NULL, 0, 1000, &ref, &e), JWTAUTH_OK);
	CHECK(tl_alloc_count <= TL_ALLOC_LOG);
	for (i = 0; i < tl_alloc_count; i++) {
		if (tl_alloc_sizes[i] == len + 1) hit++;
		if (tl_alloc_sizes[i] >= JWTAUTH_MAX_JWKS_LEN) big++;
	}
	CHECKF(hit == 1 && big == 0, "%lu blocks for a %lu-byte file: %lu of its size + 1, %lu larger",
		(unsigned long)tl_alloc_count, (unsigned long)len, (unsigned long)hit, (unsigned long)big);
	CHECK(ref.keys && ref.keys->usable > 0);
	jwtauth_cache_release(c, &ref);
	jwtauth_cache_free(c);

	/* a file over the limit: TOO_LARGE with its size, nothing allocated
	   for it */
	o.max_document = 64;
	c = jwtauth_cache_new(&o, &e);
	CHECK(c != NULL);
	tl_alloc_count = 0;
	CHECK_RC(jwtauth_cache_acquire(c, "rsa.json", 8, NULL, 0, 1000, &ref, &e), JWTAUTH_ERR_TOO_LARGE);
	CHECK_EQ(e.size, (int64_t)len);
	CHECK_EQ(e.limit, 64);
	CHECK(pol_detail_is(&e, "key file"));
	CHECK_EQ(tl_alloc_count, 0);
	/* exactly at the limit still loads, in a block of the limit + 1 */
	jwtauth_cache_free(c);
	o.max_document = len;
	c = jwtauth_cache_new(&o, &e);
	CHECK(c != NULL);
	tl_alloc_count = 0;
	CHECK_RC(jwtauth_cache_acquire(c, "rsa.json", 8, NULL, 0, 1000, &ref, &e), JWTAUTH_OK);
	CHECK(pol_allocated(len + 1) == 1);
	jwtauth_cache_release(c, &ref);
	/* a directory is IO, as jwtauth_file_read says */
	jwtauth_cache_free(c);
	o.conf_dir = "tests";
	o.max_document = 0;
	c = jwtauth_cache_new(&o, &e);
	CHECK(c != NULL);
	CHECK_RC(jwtauth_cache_acquire(c, "fixtures", 8, NULL, 0, 1000, &ref, &e), JWTAUTH_ERR_IO);
	jwtauth_cache_free(c);
#ifdef __linux__
	/* a file that holds more than its size said (procfs reports 0): read
	   again up to the limit, not cut short */
	o.conf_dir = "/proc/self";
	c = jwtauth_cache_new(&o, &e);
	CHECK(c != NULL);
	tl_alloc_count = 0;
	CHECK_RC(jwtauth_cache_acquire(c, "status", 6, NULL, 0, 1000, &ref, &e), JWTAUTH_ERR_KEY_FORMAT);
	CHECK(pol_allocated(1) == 1 && pol_allocated(JWTAUTH_MAX_JWKS_LEN) == 1);
	jwtauth_cache_free(c);
#endif
}
#endif

static const test_case t_policy_tests[] = {
	{ "empty_lists_parse", pol_empty_lists_parse },
	{ "empty_lists_set", pol_empty_lists_set },
	{ "empty_issuer_login", pol_empty_issuer_login },
	{ "kid_types", pol_kid_types },
	{ "kid_two_rsa", pol_kid_two_rsa },
	{ "kid_pinned", pol_kid_pinned },
	{ "kid_refused", pol_kid_refused },
	{ "key_ops_dup", pol_key_ops_dup },
	{ "mixed_any_state", pol_mixed_any_state },
#if !defined(JWTAUTH_NO_MALLOC) && !defined(JWTAUTH_NO_STDIO)
	{ "file_sized", pol_file_sized },
#endif
	{ NULL, NULL }
};
