/* t_nopem.c - the PEM, DER and X.509 key readers left out at compile time
   (JWTAUTH_NO_PEM). Runs in every build: with the readers (the default)
   PEM documents load as usual; without them (make test-nopem) every PEM
   document is refused as a whole with KEY_NOT_BUILT (detail "PEM", the
   offset of its first byte, the set left empty), through
   jwtauth_keyset_parse and the key-set cache's file and URL sources,
   while JWKS and JWK keys of every type built still load and verify,
   whatever their x5c member holds. Fixtures: tests/fixtures and
   tests/data/jwks-real. */

#ifdef JWTAUTH_HAVE_PEM
#define NP_PEM 1
#else
#define NP_PEM 0
#endif

static jwtauth_keyset np_ks;
static jwtauth_jwt np_jwt;

static char *np_read(const char *rel, size_t *len)
{
	char path[512];
	snprintf(path, sizeof path, "tests/fixtures/%s", rel);
	return tl_read_file(path, len);
}

/* The fixture token `rel` without its final newline (malloc'ed), or the
   token of line `line` of eddsa/tokens.txt ("<alg> <token>") when rel is
   NULL. */
static char *np_token(const char *rel, int line, size_t *len)
{
	size_t n = 0;
	char *text = np_read(rel ? rel : "eddsa/tokens.txt", &n), *p, *out;
	int l;
	if (!text) return NULL;
	p = text;
	for (l = 1; !rel && l < line && p; l++) {
		p = strchr(p, '\n');
		if (p) p++;
	}
	if (p && !rel) {
		p = strchr(p, ' ');
		if (p) p++;
	}
	if (!p) { free(text); return NULL; }
	n = strcspn(p, "\r\n");
	out = (char *)malloc(n + 1);
	if (out) { memcpy(out, p, n); out[n] = 0; *len = n; }
	free(text);
	return out;
}

/* What the build says of itself. */
static void nopem_build(void)
{
#if defined(JWTAUTH_NO_PEM) == defined(JWTAUTH_HAVE_PEM)
	CHECKF(0, "JWTAUTH_HAVE_PEM must be defined exactly when JWTAUTH_NO_PEM is not");
#endif
	CHECK(strcmp(jwtauth_error_name(JWTAUTH_ERR_KEY_NOT_BUILT), "KEY_NOT_BUILT") == 0);
	CHECK(TL_MSG_HAS(jwtauth_strerror(JWTAUTH_ERR_KEY_NOT_BUILT), "key format"));
	CHECK(TL_MSG_HAS(jwtauth_strerror(JWTAUTH_ERR_KEY_NOT_BUILT), "left out"));
}

/* A PEM document: loaded by a build with the readers (whatever the
   outcome, never KEY_NOT_BUILT as the call's code), refused as a whole by
   one without them. `at` is the offset of its first byte after blanks. */
static void np_check_pem(const char *name, const char *doc, size_t len, size_t at)
{
	jwtauth_error err;
	char *jwk;
	size_t jlen = 0;
	int rc;
	/* a set loaded before: the parse replaces it in either build */
	jwk = np_read("jwks/oct.json", &jlen);
	CHECKF(jwk != NULL, "tests/fixtures/jwks/oct.json missing");
	rc = jwtauth_keyset_parse(&np_ks, jwk, jlen, NULL);
	free(jwk);
	CHECK(rc == JWTAUTH_OK || rc == JWTAUTH_ERR_KEYSET_EMPTY);
	CHECK_EQ(np_ks.count, 3);
	memset(&err, 0, sizeof err);
	rc = jwtauth_keyset_parse(&np_ks, doc, len, &err);
	CHECK_EQ(err.code, rc);
	if (NP_PEM) {
		CHECKF(rc != JWTAUTH_ERR_KEY_NOT_BUILT, "%s: KEY_NOT_BUILT with the PEM reader built", name);
		CHECKF(strcmp(err.detail, "PEM") != 0, "%s: detail PEM", name);
		return;
	}
	CHECKF(rc == JWTAUTH_ERR_KEY_NOT_BUILT, "%s: %s", name, jwtauth_error_name(rc));
	CHECKF(strcmp(err.detail, "PEM") == 0 && err.detail_len == 3, "%s: detail '%s'", name, err.detail);
	CHECKF(err.offset == at, "%s: offset %lu, expected %lu", name,
		(unsigned long)err.offset, (unsigned long)at);
	CHECK(TL_MSG_HAS(err.msg, "JWTAUTH_NO_PEM"));
	CHECK(TL_MSG_HAS(err.msg, "left out"));
	/* nothing kept of the previous set, nothing of the document */
	CHECK_EQ(np_ks.count, 0);
	CHECK_EQ(np_ks.usable, 0);
	CHECK_EQ(np_ks.kind, JWTAUTH_KTY_NONE);
	/* without an error struct: the same code */
	CHECK_RC(jwtauth_keyset_parse(&np_ks, doc, len, NULL), JWTAUTH_ERR_KEY_NOT_BUILT);
}

/* Every PEM fixture (public keys, PKCS#1, certificates, a private key, a
   certificate with trailing bytes, the refused Ed448 and X25519 keys) and
   PEM-form texts the reader would refuse or find nothing in. */
static void nopem_pem_documents(void)
{
	static const char *const files[] = {
		"keys/rsa2048a.spki.pem", "keys/rsa2048a.pkcs1.pem", "keys/rsa2048a.cert.pem",
		"keys/rsa2048a.cert-trailing.pem", "keys/rsa2048a.key.pem", "keys/rsa1024.spki.pem",
		"keys/rsa4096.spki.pem", "keys/ec256.spki.pem", "keys/ec256.cert.pem",
		"keys/ec384.spki.pem", "keys/ec521.spki.pem", "eddsa/ed25519.spki.pem",
		"eddsa/ed25519.cert.pem", "eddsa/x25519.spki.pem", "eddsa/ed448.spki.pem"
	};
	static const struct { const char *doc; size_t at; } texts[] = {
		{ "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n", 0 },
		{ " \r\n\t -----BEGIN PUBLIC KEY-----\r\nAAAA\r\n-----END PUBLIC KEY-----\r\n", 5 },
		{ "-----BEGIN FOO-----\nAAAA\n-----END FOO-----\n", 0 },
		{ "-----nothing", 0 },
		{ "\n-", 1 }
	};
	size_t i;
	for (i = 0; i < sizeof files / sizeof files[0]; i++) {
		size_t len = 0;
		char *doc = np_read(files[i], &len);
		CHECKF(doc != NULL, "tests/fixtures/%s missing", files[i]);
		np_check_pem(files[i], doc, len, 0);
		free(doc);
		if (tl_failed) return;
	}
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		np_check_pem(texts[i].doc, texts[i].doc, strlen(texts[i].doc), texts[i].at);
		if (tl_failed) return;
	}
}

/* Other documents keep their codes: JSON is read, anything else is
   KEY_FORMAT (the message names the forms this build reads). */
static void nopem_other_documents(void)
{
	jwtauth_error err;
	CHECK_RC(jwtauth_keyset_parse(&np_ks, "  MIIB", 6, &err), JWTAUTH_ERR_KEY_FORMAT);
	CHECK_EQ(err.offset, 2);
	CHECK(TL_MSG_HAS(err.msg, NP_PEM ? "JWKS, JWK or PEM" : "JWKS or JWK"));
	CHECK_RC(jwtauth_keyset_parse(&np_ks, "{\"keys\":-1}", 11, &err), JWTAUTH_ERR_KEY_FORMAT);
	CHECK_RC(jwtauth_keyset_parse(&np_ks, "{\"keys\":[}", 10, &err), JWTAUTH_ERR_JSON_SYNTAX);
	CHECK_RC(jwtauth_keyset_parse(&np_ks, "", 0, &err), JWTAUTH_ERR_KEY_FORMAT);
}

/* One key set of each type verifies its fixture token when its algorithm
   is built, in either build. */
static void nopem_jwks_verify(void)
{
	static const struct {
		jwtauth_alg alg; const char *token; int line; const char *keys; uint8_t kty;
	} cases[] = {
		{ JWTAUTH_ALG_RS256, "tokens/rs256.jwt", 0, "jwks/public.json", JWTAUTH_KTY_RSA },
		{ JWTAUTH_ALG_PS256, "tokens/ps256.jwt", 0, "jwks/public.json", JWTAUTH_KTY_RSA },
		{ JWTAUTH_ALG_ES256, "tokens/es256.jwt", 0, "jwks/public.json", JWTAUTH_KTY_EC },
		{ JWTAUTH_ALG_ES384, "tokens/es384.jwt", 0, "jwks/public.json", JWTAUTH_KTY_EC },
		{ JWTAUTH_ALG_ES512, "tokens/es512.jwt", 0, "jwks/public.json", JWTAUTH_KTY_EC },
		{ JWTAUTH_ALG_HS256, "tokens/hs256.jwt", 0, "jwks/oct.json", JWTAUTH_KTY_OCT },
		{ JWTAUTH_ALG_HS512, "tokens/hs512.jwt", 0, "jwks/oct.json", JWTAUTH_KTY_OCT },
		{ JWTAUTH_ALG_EDDSA, NULL, 1, "eddsa/ed25519.jwks.json", JWTAUTH_KTY_OKP },
		{ JWTAUTH_ALG_RS256, "tokens/demo-tom.jwt", 0, "jwks/demo.json", JWTAUTH_KTY_RSA }
	};
	size_t i, ran = 0;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		jwtauth_error err;
		jwtauth_verify_options opts;
		size_t len = 0, tlen = 0;
		char *doc, *tok;
		int rc;
		if (!JWTAUTH_ALG_IS_BUILT(cases[i].alg)) continue;
		doc = np_read(cases[i].keys, &len);
		CHECKF(doc != NULL, "tests/fixtures/%s missing", cases[i].keys);
		rc = jwtauth_keyset_parse(&np_ks, doc, len, &err);
		free(doc);
		CHECKF(rc == JWTAUTH_OK, "%s: %s", cases[i].keys, jwtauth_error_name(rc));
		tok = np_token(cases[i].token, cases[i].line, &tlen);
		CHECKF(tok != NULL, "token for %s missing", jwtauth_alg_name(cases[i].alg));
		rc = jwtauth_jws_verify_signature_only(&np_ks, tok, tlen,
			JWTAUTH_ALG_BIT(cases[i].alg), &np_jwt, &err);
		if (rc == JWTAUTH_OK) {
			CHECKF(np_jwt.alg == cases[i].alg && np_jwt.key && np_jwt.key->kty == cases[i].kty,
				"%s: wrong key or alg", jwtauth_alg_name(cases[i].alg));
			/* signature and claims, at a time the fixtures are valid */
			jwtauth_verify_options_init(&opts, JWTAUTH_ALG_BIT(cases[i].alg));
			rc = jwtauth_verify(&np_ks, &opts, NULL, tok, tlen, (int64_t)1764000100,
				&np_jwt, NULL, &err);
		}
		free(tok);
		CHECKF(rc == JWTAUTH_OK, "%s with %s: %s", jwtauth_alg_name(cases[i].alg),
			cases[i].keys, jwtauth_error_name(rc));
		ran++;
	}
	CHECK(ran > 0);
}

/* x5c is never read: published key sets that carry certificates load all
   their keys from n/e, and a JWK whose x5c holds no certificate at all is
   the same key (same thumbprint) as without it. */
static void nopem_x5c_ignored(void)
{
	static const struct { const char *file; size_t count; } real[] = {
		{ "microsoft-entra-tenant.json", 2 }, { "microsoft-entra-common.json", 7 },
		{ "auth0.json", 2 }, { "docker.json", 2 }, { "lego.json", 5 }
	};
	static const char *const x5c[] = {
		"\"x5c\":[\"not a certificate\"],", "\"x5c\":[\"\"],", "\"x5c\":42,",
		"\"x5c\":[\"MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\"],"
	};
	const int rsa = JWTAUTH_ALG_IS_BUILT(JWTAUTH_ALG_RS256) != 0;
	uint8_t tp[32], tp2[32];
	jwtauth_error err;
	char *jwk, *buf;
	size_t i, len = 0;
	int rc;
	for (i = 0; i < sizeof real / sizeof real[0]; i++) {
		char path[512];
		char *doc;
		snprintf(path, sizeof path, "%s/jwks-real/%s", tl_data_dir(), real[i].file);
		doc = tl_read_file(path, &len);
		CHECKF(doc != NULL, "%s missing", path);
		CHECKF(strstr(doc, "\"x5c\"") != NULL, "%s: no x5c", path);
		rc = jwtauth_keyset_parse(&np_ks, doc, len, &err);
		free(doc);
		CHECKF(rc == (rsa ? JWTAUTH_OK : JWTAUTH_ERR_KEYSET_EMPTY), "%s: %s", real[i].file,
			jwtauth_error_name(rc));
		CHECK_EQ(np_ks.count, real[i].count);
		CHECK_EQ(np_ks.usable, rsa ? real[i].count : 0);
	}
	if (!JWTAUTH_ALG_IS_BUILT(JWTAUTH_ALG_ES256)) return;
	jwk = np_read("keys/ec256.pub.jwk.json", &len);
	CHECK(jwk != NULL);
	rc = jwtauth_keyset_parse(&np_ks, jwk, len, &err);
	if (rc == JWTAUTH_OK) rc = jwtauth_jwk_thumbprint(&np_ks.keys[0], tp, &err);
	buf = (char *)malloc(len + 64);
	if (rc != JWTAUTH_OK || !buf || jwk[0] != '{') {
		free(jwk); free(buf);
		CHECKF(0, "ec256.pub.jwk.json: %s", jwtauth_error_name(rc));
	}
	for (i = 0; i < sizeof x5c / sizeof x5c[0]; i++) {
		/* the member goes right after the opening brace */
		snprintf(buf, len + 64, "{%s%s", x5c[i], jwk + 1);
		rc = jwtauth_keyset_parse(&np_ks, buf, strlen(buf), &err);
		if (rc == JWTAUTH_OK) rc = jwtauth_jwk_thumbprint(&np_ks.keys[0], tp2, &err);
		if (rc != JWTAUTH_OK || memcmp(tp, tp2, sizeof tp) != 0) {
			free(jwk); free(buf);
			CHECKF(0, "JWK with %s: %s", x5c[i], jwtauth_error_name(rc));
		}
	}
	free(jwk);
	free(buf);
}

#if !defined(JWTAUTH_NO_MALLOC) && !defined(JWTAUTH_NO_STDIO)
/* A fetch callback that serves one document. */
static int np_fetch(void *user, const char *url, char *buf, size_t cap, size_t *len,
	int64_t *max_age)
{
	const char *doc = (const char *)user;
	size_t n = strlen(doc);
	(void)url;
	if (n > cap) return JWTAUTH_ERR_TOO_LARGE;
	memcpy(buf, doc, n);
	*len = n;
	*max_age = -1;
	return JWTAUTH_OK;
}

/* The key-set cache loads through jwtauth_keyset_parse: a PEM file or a
   PEM body is refused with the same code and detail, a JWK beside it
   loads. */
static void nopem_sources(void)
{
	static const struct { const char *src; int pem; int built; } files[] = {
		{ "keys/ec256.spki.pem", 1, JWTAUTH_ALG_IS_BUILT(JWTAUTH_ALG_ES256) },
		{ "keys/rsa2048a.cert.pem", 1, JWTAUTH_ALG_IS_BUILT(JWTAUTH_ALG_RS256) },
		{ "keys/ec256.pub.jwk.json", 0, JWTAUTH_ALG_IS_BUILT(JWTAUTH_ALG_ES256) },
		{ "https://idp.example/keys.pem", 1, JWTAUTH_ALG_IS_BUILT(JWTAUTH_ALG_ES256) }
	};
	jwtauth_cache_options o;
	jwtauth_cache *c;
	jwtauth_error err;
	size_t i, len = 0;
	char *pem = np_read("keys/ec256.spki.pem", &len);
	CHECK(pem != NULL);
	memset(&o, 0, sizeof o);
	o.conf_dir = "tests/fixtures";
	o.fetch = np_fetch;
	o.fetch_user = pem;
	c = jwtauth_cache_new(&o, &err);
	if (!c) { free(pem); CHECKF(0, "jwtauth_cache_new: %s", jwtauth_error_name(err.code)); }
	for (i = 0; i < sizeof files / sizeof files[0]; i++) {
		jwtauth_keys_ref ref;
		int rc, want;
		memset(&err, 0, sizeof err);
		rc = jwtauth_cache_acquire(c, files[i].src, strlen(files[i].src), NULL, 0,
			1000, &ref, &err);
		jwtauth_cache_release(c, &ref);
		want = files[i].pem && !NP_PEM ? JWTAUTH_ERR_KEY_NOT_BUILT
			: files[i].built ? JWTAUTH_OK : JWTAUTH_ERR_KEYSET_EMPTY;
		if (rc != want || (want == JWTAUTH_ERR_KEY_NOT_BUILT && strcmp(err.detail, "PEM") != 0)) {
			jwtauth_cache_free(c);
			free(pem);
			CHECKF(0, "%s: %s (detail '%s'), expected %s", files[i].src,
				jwtauth_error_name(rc), err.detail, jwtauth_error_name(want));
		}
	}
	jwtauth_cache_free(c);
	free(pem);
}
#endif

static const test_case t_nopem_tests[] = {
	{ "nopem_build", nopem_build },
	{ "nopem_pem_documents", nopem_pem_documents },
	{ "nopem_other_documents", nopem_other_documents },
	{ "nopem_jwks_verify", nopem_jwks_verify },
	{ "nopem_x5c_ignored", nopem_x5c_ignored },
#if !defined(JWTAUTH_NO_MALLOC) && !defined(JWTAUTH_NO_STDIO)
	{ "nopem_sources", nopem_sources },
#endif
	{ NULL, NULL }
};
