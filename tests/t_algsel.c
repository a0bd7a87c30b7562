/* t_algsel.c - algorithm selection at compile time (JWTAUTH_NO_*): what a
   build says it holds, and how it refuses what it left out. Runs in every
   build: the full one checks that everything is in and verifies each
   algorithm; the builds that leave algorithms out (make test-rs256,
   test-es256, test-hs256) check the refusals (ALG_NOT_BUILT for tokens
   and allowlists, KEY_NOT_BUILT for keys) and that the algorithms left in
   still verify and log in. Fixtures: tests/fixtures. */

typedef struct as_alg {
	jwtauth_alg alg;
	int built;            /* from the JWTAUTH_HAVE_* macros */
	const char *token;    /* fixture token (tests/fixtures/...) */
	const char *keys;     /* its key document */
	int eddsa_line;       /* EdDSA: line of eddsa/tokens.txt (1-based) */
} as_alg;

#ifdef JWTAUTH_HAVE_HS256
#define AS_HS256 1
#else
#define AS_HS256 0
#endif
#ifdef JWTAUTH_HAVE_HS384
#define AS_HS384 1
#else
#define AS_HS384 0
#endif
#ifdef JWTAUTH_HAVE_HS512
#define AS_HS512 1
#else
#define AS_HS512 0
#endif
#ifdef JWTAUTH_HAVE_RS256
#define AS_RS256 1
#else
#define AS_RS256 0
#endif
#ifdef JWTAUTH_HAVE_RS384
#define AS_RS384 1
#else
#define AS_RS384 0
#endif
#ifdef JWTAUTH_HAVE_RS512
#define AS_RS512 1
#else
#define AS_RS512 0
#endif
#ifdef JWTAUTH_HAVE_PS256
#define AS_PS256 1
#else
#define AS_PS256 0
#endif
#ifdef JWTAUTH_HAVE_PS384
#define AS_PS384 1
#else
#define AS_PS384 0
#endif
#ifdef JWTAUTH_HAVE_PS512
#define AS_PS512 1
#else
#define AS_PS512 0
#endif
#ifdef JWTAUTH_HAVE_ES256
#define AS_ES256 1
#else
#define AS_ES256 0
#endif
#ifdef JWTAUTH_HAVE_ES384
#define AS_ES384 1
#else
#define AS_ES384 0
#endif
#ifdef JWTAUTH_HAVE_ES512
#define AS_ES512 1
#else
#define AS_ES512 0
#endif
#ifdef JWTAUTH_HAVE_EDDSA
#define AS_EDDSA 1
#else
#define AS_EDDSA 0
#endif

static const as_alg as_algs[] = {
	{ JWTAUTH_ALG_HS256, AS_HS256, "tokens/hs256.jwt", "jwks/oct.json", 0 },
	{ JWTAUTH_ALG_HS384, AS_HS384, "tokens/hs384.jwt", "jwks/oct.json", 0 },
	{ JWTAUTH_ALG_HS512, AS_HS512, "tokens/hs512.jwt", "jwks/oct.json", 0 },
	{ JWTAUTH_ALG_RS256, AS_RS256, "tokens/rs256.jwt", "jwks/public.json", 0 },
	{ JWTAUTH_ALG_RS384, AS_RS384, "tokens/rs384.jwt", "jwks/public.json", 0 },
	{ JWTAUTH_ALG_RS512, AS_RS512, "tokens/rs512.jwt", "jwks/public.json", 0 },
	{ JWTAUTH_ALG_PS256, AS_PS256, "tokens/ps256.jwt", "jwks/public.json", 0 },
	{ JWTAUTH_ALG_PS384, AS_PS384, "tokens/ps384.jwt", "jwks/public.json", 0 },
	{ JWTAUTH_ALG_PS512, AS_PS512, "tokens/ps512.jwt", "jwks/public.json", 0 },
	{ JWTAUTH_ALG_ES256, AS_ES256, "tokens/es256.jwt", "jwks/public.json", 0 },
	{ JWTAUTH_ALG_ES384, AS_ES384, "tokens/es384.jwt", "jwks/public.json", 0 },
	{ JWTAUTH_ALG_ES512, AS_ES512, "tokens/es512.jwt", "jwks/public.json", 0 },
	{ JWTAUTH_ALG_EDDSA, AS_EDDSA, NULL, "eddsa/ed25519.jwks.json", 1 },
	{ JWTAUTH_ALG_ED25519, AS_EDDSA, NULL, "eddsa/ed25519.jwks.json", 2 }
};
#define AS_NALGS (sizeof as_algs / sizeof as_algs[0])

static char *as_read(const char *rel, size_t *len)
{
	char path[512];
	snprintf(path, sizeof path, "tests/fixtures/%s", rel);
	return tl_read_file(path, len);
}

/* A fixture token without its final newline; EdDSA ones are lines of
   eddsa/tokens.txt ("<alg> <token>"). Returns a malloc'ed copy or NULL. */
static char *as_token(const as_alg *a, size_t *len)
{
	size_t n = 0;
	char *text = as_read(a->token ? a->token : "eddsa/tokens.txt", &n);
	char *p, *out;
	int line;
	if (!text) return NULL;
	p = text;
	for (line = 1; a->eddsa_line && line < a->eddsa_line && p; line++) {
		p = strchr(p, '\n');
		if (p) p++;
	}
	if (!p) { free(text); return NULL; }
	if (a->eddsa_line) {
		char *sp = strchr(p, ' ');
		if (!sp) { free(text); return NULL; }
		p = sp + 1;
	}
	n = strcspn(p, "\r\n");
	out = (char *)malloc(n + 1);
	if (out) { memcpy(out, p, n); out[n] = 0; *len = n; }
	free(text);
	return out;
}

static jwtauth_keyset as_ks;
static jwtauth_jwt as_jwt;

static int as_load(const char *rel, jwtauth_error *err)
{
	size_t len = 0;
	char *doc = as_read(rel, &len);
	int rc;
	if (!doc) return JWTAUTH_ERR_IO;
	rc = jwtauth_keyset_parse(&as_ks, doc, len, err);
	free(doc);
	return rc;
}

/* What the build says it holds agrees with itself and with the switches. */
static void algsel_built_set(void)
{
	size_t i;
	unsigned want = 0;
	CHECK(JWTAUTH_ALGS_BUILT != 0);
	CHECK((JWTAUTH_ALGS_BUILT & ~JWTAUTH_ALGS_ALL) == 0);
	CHECK(!JWTAUTH_ALG_IS_BUILT(JWTAUTH_ALG_UNKNOWN));
	CHECK(!JWTAUTH_ALG_IS_BUILT(JWTAUTH_ALG_COUNT));
	for (i = 0; i < AS_NALGS; i++) {
		CHECKF((int)JWTAUTH_ALG_IS_BUILT(as_algs[i].alg) == as_algs[i].built,
			"%s: JWTAUTH_ALG_IS_BUILT disagrees with JWTAUTH_HAVE_*",
			jwtauth_alg_name(as_algs[i].alg));
		if (as_algs[i].built) want |= JWTAUTH_ALG_BIT(as_algs[i].alg);
	}
	CHECK_EQ(JWTAUTH_ALGS_BUILT, want);
	CHECK_EQ(AS_NALGS, JWTAUTH_ALG_COUNT - 1);
#if !defined(JWTAUTH_NO_HMAC) && !defined(JWTAUTH_NO_RSA) && !defined(JWTAUTH_NO_RSA_PKCS1) \
    && !defined(JWTAUTH_NO_RSA_PSS) && !defined(JWTAUTH_NO_ECDSA) \
    && !defined(JWTAUTH_NO_ECDSA_P256) && !defined(JWTAUTH_NO_ECDSA_P384) \
    && !defined(JWTAUTH_NO_ECDSA_P521) && !defined(JWTAUTH_NO_EDDSA) \
    && !defined(JWTAUTH_NO_SHA384) && !defined(JWTAUTH_NO_SHA512)
	/* no switch: everything is in */
	CHECK_EQ(JWTAUTH_ALGS_BUILT, JWTAUTH_ALGS_ALL);
#endif
	/* families follow their members */
#ifdef JWTAUTH_HAVE_HMAC
	CHECK(AS_HS256);
#else
	CHECK(!AS_HS256 && !AS_HS384 && !AS_HS512);
#endif
#ifdef JWTAUTH_HAVE_RSA
	CHECK(AS_RS256 || AS_PS256);
#else
	CHECK(!AS_RS256 && !AS_RS384 && !AS_RS512 && !AS_PS256 && !AS_PS384 && !AS_PS512);
#endif
#ifdef JWTAUTH_HAVE_ECDSA
	CHECK(AS_ES256 || AS_ES384 || AS_ES512);
#else
	CHECK(!AS_ES256 && !AS_ES384 && !AS_ES512);
#endif
	/* both codes have a name and (with strings) a text */
	CHECK(strcmp(jwtauth_error_name(JWTAUTH_ERR_ALG_NOT_BUILT), "ALG_NOT_BUILT") == 0);
	CHECK(strcmp(jwtauth_error_name(JWTAUTH_ERR_KEY_NOT_BUILT), "KEY_NOT_BUILT") == 0);
	CHECK(TL_MSG_HAS(jwtauth_strerror(JWTAUTH_ERR_ALG_NOT_BUILT), "left out"));
	CHECK(TL_MSG_HAS(jwtauth_strerror(JWTAUTH_ERR_KEY_NOT_BUILT), "left out"));
}

/* An allowlist naming an algorithm left out is refused, naming it. */
static void algsel_algs_parse(void)
{
	size_t i;
	for (i = 0; i < AS_NALGS; i++) {
		char list[64];
		const char *name = jwtauth_alg_name(as_algs[i].alg);
		unsigned algs = 0;
		jwtauth_error err;
		int rc;
		snprintf(list, sizeof list, "XX, %s", name);
		/* alone */
		rc = jwtauth_algs_parse(name, strlen(name), &algs, &err);
		if (as_algs[i].built) {
			CHECK_RC(rc, JWTAUTH_OK);
			CHECK_EQ(algs, JWTAUTH_ALG_BIT(as_algs[i].alg));
		} else {
			CHECK_RC(rc, JWTAUTH_ERR_ALG_NOT_BUILT);
			CHECK_EQ(err.code, JWTAUTH_ERR_ALG_NOT_BUILT);
			CHECK(strcmp(err.detail, name) == 0);
			CHECK_EQ(err.offset, 0);
			CHECK(TL_MSG_HAS(err.msg, "left out"));
		}
		/* an unknown name before it is still unknown */
		CHECK_RC(jwtauth_algs_parse(list, strlen(list), &algs, &err), JWTAUTH_ERR_ALG_UNKNOWN);
		CHECK(strcmp(err.detail, "XX") == 0);
		/* after a name that is built: the offset points at it */
		if (!as_algs[i].built) {
			const char *first = NULL;
			size_t j;
			for (j = 0; j < AS_NALGS && !first; j++)
				if (as_algs[j].built) first = jwtauth_alg_name(as_algs[j].alg);
			CHECK(first != NULL);
			snprintf(list, sizeof list, "%s, %s", first, name);
			CHECK_RC(jwtauth_algs_parse(list, strlen(list), &algs, &err),
				JWTAUTH_ERR_ALG_NOT_BUILT);
			CHECK_EQ(err.offset, strlen(first) + 2);
		}
	}
}

/* Every fixture token: verified when its algorithm is built, refused with
   ALG_NOT_BUILT (and the alg named) when not, whatever the key set. */
static void algsel_tokens(void)
{
	size_t i;
	for (i = 0; i < AS_NALGS; i++) {
		const as_alg *a = &as_algs[i];
		const char *name = jwtauth_alg_name(a->alg);
		jwtauth_error err;
		size_t len = 0;
		char *tok = as_token(a, &len);
		int rc, krc;
		CHECKF(tok != NULL, "fixture token for %s missing", name);
		krc = as_load(a->keys, &err);
		CHECKF(krc == JWTAUTH_OK || krc == JWTAUTH_ERR_KEYSET_EMPTY, "%s: %s",
			a->keys, jwtauth_error_name(krc));
		rc = jwtauth_jws_verify_signature_only(&as_ks, tok, len, JWTAUTH_ALGS_ALL,
			&as_jwt, &err);
		if (a->built) {
			free(tok);
			CHECKF(krc == JWTAUTH_OK, "%s: key set %s: %s", name, a->keys,
				jwtauth_error_name(krc));
			CHECKF(rc == JWTAUTH_OK, "%s: %s", name, jwtauth_error_name(rc));
			continue;
		}
		CHECKF(rc == JWTAUTH_ERR_ALG_NOT_BUILT, "%s: %s", name, jwtauth_error_name(rc));
		CHECK(strcmp(err.detail, name) == 0);
		CHECK(TL_MSG_HAS(err.msg, "left out"));
		/* before the allowlist: even an allowlist without it says so */
		rc = jwtauth_jws_verify_signature_only(&as_ks, tok, len,
			JWTAUTH_ALGS_ALL & ~JWTAUTH_ALG_BIT(a->alg), &as_jwt, &err);
		CHECK_RC(rc, JWTAUTH_ERR_ALG_NOT_BUILT);
		/* and jwtauth_verify (claims) the same */
		{
			jwtauth_verify_options opts;
			jwtauth_verify_options_init(&opts, JWTAUTH_ALGS_ALL);
			rc = jwtauth_verify(&as_ks, &opts, NULL, tok, len, (int64_t)1764000100,
				&as_jwt, NULL, &err);
			CHECK_RC(rc, JWTAUTH_ERR_ALG_NOT_BUILT);
		}
		free(tok);
	}
}

/* Key documents: an entry only left-out algorithms could use is kept,
   unusable, with KEY_NOT_BUILT; the others load as usual. */
static void algsel_keys(void)
{
	static const struct { const char *kid; int built; } pub[] = {
		{ "rsa2048a", AS_RS256 || AS_PS256 }, { "rsa2048b", AS_RS256 || AS_PS256 },
		{ "rsa3072", AS_RS256 || AS_PS256 }, { "rsa4096", AS_RS256 || AS_PS256 },
		{ "ec256", AS_ES256 }, { "ec256b", AS_ES256 }, { "ec384", AS_ES384 },
		{ "ec521", AS_ES512 }
	};
	static const struct { const char *file; int built; } pem[] = {
		{ "keys/rsa2048a.spki.pem", AS_RS256 || AS_PS256 },
		{ "keys/rsa2048a.pkcs1.pem", AS_RS256 || AS_PS256 },
		{ "keys/rsa2048a.cert.pem", AS_RS256 || AS_PS256 },
		{ "keys/ec256.spki.pem", AS_ES256 }, { "keys/ec256.cert.pem", AS_ES256 },
		{ "keys/ec384.spki.pem", AS_ES384 }, { "keys/ec521.spki.pem", AS_ES512 },
		{ "eddsa/ed25519.spki.pem", AS_EDDSA }, { "eddsa/ed25519.cert.pem", AS_EDDSA },
		{ "keys/rsa2048a.pub.jwk.json", AS_RS256 },   /* alg RS256 */
		{ "keys/ec384.pub.jwk.json", AS_ES384 }, { "eddsa/ed25519.jwks.json", AS_EDDSA }
	};
	jwtauth_error err;
	size_t i, usable = 0;
	int rc;
	/* the mixed public set: RSA and every curve */
	rc = as_load("jwks/public.json", &err);
	for (i = 0; i < sizeof pub / sizeof pub[0]; i++) usable += (size_t)pub[i].built;
	CHECK_RC(rc, usable ? JWTAUTH_OK : JWTAUTH_ERR_KEYSET_EMPTY);
	CHECK_EQ(as_ks.count, sizeof pub / sizeof pub[0]);
	CHECK_EQ(as_ks.usable, usable);
	for (i = 0; i < as_ks.count; i++) {
		const jwtauth_key *k = &as_ks.keys[i];
		CHECKF(k->has_kid && strcmp(k->kid, pub[i].kid) == 0, "entry %lu", (unsigned long)i);
		CHECKF(k->status == (pub[i].built ? JWTAUTH_OK : JWTAUTH_ERR_KEY_NOT_BUILT),
			"%s: status %s", k->kid, jwtauth_error_name(k->status));
	}
	/* the HMAC set (oct keys of 32, 48 and 64 bytes: each fits HS256) */
	rc = as_load("jwks/oct.json", &err);
	CHECK_RC(rc, AS_HS256 ? JWTAUTH_OK : JWTAUTH_ERR_KEYSET_EMPTY);
	CHECK_EQ(as_ks.count, 3);
	for (i = 0; i < as_ks.count; i++)
		CHECK_RC(as_ks.keys[i].status, AS_HS256 ? JWTAUTH_OK : JWTAUTH_ERR_KEY_NOT_BUILT);
	/* single keys, PEM and certificates */
	for (i = 0; i < sizeof pem / sizeof pem[0]; i++) {
		rc = as_load(pem[i].file, &err);
#ifndef JWTAUTH_HAVE_PEM
		/* the PEM readers left out too: the document is refused whole */
		if (strstr(pem[i].file, ".pem")) {
			CHECKF(rc == JWTAUTH_ERR_KEY_NOT_BUILT, "%s: %s", pem[i].file,
				jwtauth_error_name(rc));
			CHECK_EQ(as_ks.count, 0);
			continue;
		}
#endif
		CHECKF(rc == (pem[i].built ? JWTAUTH_OK : JWTAUTH_ERR_KEYSET_EMPTY), "%s: %s",
			pem[i].file, jwtauth_error_name(rc));
		CHECK_EQ(as_ks.count, 1);
		CHECKF(as_ks.keys[0].status == (pem[i].built ? JWTAUTH_OK : JWTAUTH_ERR_KEY_NOT_BUILT),
			"%s: status %s", pem[i].file, jwtauth_error_name(as_ks.keys[0].status));
	}
}

/* A key pinned (by its alg member) to an algorithm left out cannot verify
   anything: KEY_NOT_BUILT, in a JWK and through jwtauth_keyset_add_*. */
static void algsel_pinned_alg(void)
{
	static const char jwk_rs384[] =
		"{\"kty\":\"RSA\",\"alg\":\"RS384\",\"kid\":\"a\",\"e\":\"AQAB\",\"n\":\"%s\"}";
	jwtauth_error err;
	size_t len = 0, nlen = 0;
	char *doc = as_read("keys/rsa2048a.pub.jwk.json", &len), *n, *end, *buf;
	uint8_t k48[48];
	int rc;
	CHECK(doc != NULL);
	/* take rsa2048a's n and pin it to RS384 */
	n = strstr(doc, "\"n\"");
	if (n) n = strchr(n + 3, '"');
	end = n ? strchr(n + 1, '"') : NULL;
	if (!n || !end) { free(doc); CHECKF(0, "rsa2048a.pub.jwk.json: no n"); }
	nlen = (size_t)(end - n - 1);
	buf = (char *)malloc(nlen + sizeof jwk_rs384);
	if (!buf) { free(doc); CHECKF(0, "out of memory"); }
	*end = 0;
	snprintf(buf, nlen + sizeof jwk_rs384, jwk_rs384, n + 1);
	free(doc);
	rc = jwtauth_keyset_parse(&as_ks, buf, strlen(buf), &err);
	free(buf);
	CHECK_EQ(as_ks.count, 1);
	if (AS_RS384) {
		CHECK_RC(rc, JWTAUTH_OK);
	} else {
		CHECK_RC(rc, JWTAUTH_ERR_KEYSET_EMPTY);
		CHECK_RC(as_ks.keys[0].status, JWTAUTH_ERR_KEY_NOT_BUILT);
	}
	/* raw material: an HS384 secret */
	memset(k48, 0x5a, sizeof k48);
	jwtauth_keyset_init(&as_ks);
	rc = jwtauth_keyset_add_oct(&as_ks, k48, sizeof k48, JWTAUTH_ALG_HS384, "h", 1);
	CHECK_RC(rc, AS_HS384 ? JWTAUTH_OK : JWTAUTH_ERR_KEY_NOT_BUILT);
	CHECK_EQ(as_ks.count, AS_HS384 ? 1u : 0u);
	rc = jwtauth_keyset_add_oct(&as_ks, k48, sizeof k48, JWTAUTH_ALG_UNKNOWN, "h2", 2);
	CHECK_RC(rc, AS_HS256 ? JWTAUTH_OK : JWTAUTH_ERR_KEY_NOT_BUILT);
	jwtauth_keyset_wipe(&as_ks);
}

/* jwtauth_keyset_add_*: a key type or curve left out is refused with
   KEY_NOT_BUILT before its material is looked at. */
static void algsel_add_raw(void)
{
	uint8_t q[133], n[256], e[3] = { 1, 0, 1 }, x[32];
	int rc;
	memset(q, 0, sizeof q);
	q[0] = 4;
	memset(n, 0xff, sizeof n);   /* odd, 2048 bits */
	memset(x, 0, sizeof x);
	jwtauth_keyset_init(&as_ks);
	/* not a point: refused as such only when the curve is built */
	rc = jwtauth_keyset_add_ec(&as_ks, BR_EC_secp256r1, q, 65, JWTAUTH_ALG_UNKNOWN, NULL, 0);
	CHECK_RC(rc, AS_ES256 ? JWTAUTH_ERR_KEY_EC_POINT : JWTAUTH_ERR_KEY_NOT_BUILT);
	rc = jwtauth_keyset_add_ec(&as_ks, BR_EC_secp384r1, q, 97, JWTAUTH_ALG_UNKNOWN, NULL, 0);
	CHECK_RC(rc, AS_ES384 ? JWTAUTH_ERR_KEY_EC_POINT : JWTAUTH_ERR_KEY_NOT_BUILT);
	rc = jwtauth_keyset_add_ec(&as_ks, BR_EC_secp521r1, q, 133, JWTAUTH_ALG_UNKNOWN, NULL, 0);
	CHECK_RC(rc, AS_ES512 ? JWTAUTH_ERR_KEY_EC_POINT : JWTAUTH_ERR_KEY_NOT_BUILT);
	/* an even exponent: refused as such only when RSA is built */
	e[2] = 2;
	rc = jwtauth_keyset_add_rsa(&as_ks, n, sizeof n, e, sizeof e, JWTAUTH_ALG_UNKNOWN, NULL, 0);
	CHECK_RC(rc, AS_RS256 || AS_PS256 ? JWTAUTH_ERR_KEY_RSA_EXPONENT : JWTAUTH_ERR_KEY_NOT_BUILT);
	/* the zero point y = 0 is of small order (or not canonical): refused */
	rc = jwtauth_keyset_add_ed25519(&as_ks, x, sizeof x, JWTAUTH_ALG_UNKNOWN, NULL, 0);
	if (AS_EDDSA) CHECK(rc != JWTAUTH_OK && rc != JWTAUTH_ERR_KEY_NOT_BUILT);
	else CHECK_RC(rc, JWTAUTH_ERR_KEY_NOT_BUILT);
	CHECK_EQ(as_ks.count, 0);
}

/* jwtauth_sig_verify with an algorithm left out: ALG_NOT_BUILT, even with
   a key of the right type (an RSA key and RS384 in an RS256-only build). */
static void algsel_sig_verify(void)
{
	static const char *const docs[] = { "jwks/public.json", "jwks/oct.json",
		"eddsa/ed25519.jwks.json" };
	jwtauth_error err;
	size_t d, i, j, refused = 0;
	for (d = 0; d < sizeof docs / sizeof docs[0]; d++) {
		if (as_load(docs[d], &err) != JWTAUTH_OK) continue;
		for (i = 0; i < as_ks.count; i++) {
			const jwtauth_key *k = &as_ks.keys[i];
			if (k->status != JWTAUTH_OK) continue;
			for (j = 0; j < AS_NALGS; j++) {
				int rc = jwtauth_sig_verify(k, as_algs[j].alg, (const uint8_t *)"m", 1,
					(const uint8_t *)"s", 1);
				if (as_algs[j].built) {
					CHECK(rc == JWTAUTH_ERR_SIGNATURE || rc == JWTAUTH_ERR_KEY_UNFIT);
				} else {
					CHECK_RC(rc, JWTAUTH_ERR_ALG_NOT_BUILT);
					refused++;
				}
			}
		}
	}
	/* every build has some usable key, and a build leaving something out
	   refused something */
	CHECK(JWTAUTH_ALGS_BUILT == JWTAUTH_ALGS_ALL ? refused == 0 : refused > 0);
}

/* The StarRocks login with every fixture token (issuer
   https://issuer.example, audience starrocks, sub tom): accepted when its
   algorithm is built, ALG_NOT_BUILT when not. */
static void algsel_login(void)
{
	static const char props[] =
		"{\"jwks_url\":\"https://issuer.example/jwks.json\","
		"\"principal_field\":\"sub\","
		"\"required_issuer\":\"https://issuer.example\","
		"\"required_audience\":\"starrocks\"}";
	static jwtauth_config cfg;
	static jwtauth_login login;
	jwtauth_error err;
	size_t i, ran = 0;
	CHECK_RC(jwtauth_config_parse(&cfg, props, strlen(props), &err), JWTAUTH_OK);
	for (i = 0; i < AS_NALGS; i++) {
		const as_alg *a = &as_algs[i];
		size_t len = 0;
		char *tok;
		int rc, krc;
		tok = as_token(a, &len);
		CHECK(tok != NULL);
		krc = as_load(a->keys, &err);
		rc = jwtauth_authenticate(&cfg, &as_ks, NULL, "tom", 3, (const uint8_t *)tok, len,
			JWTAUTH_RESPONSE_BARE, (int64_t)1764000100, &login, &err);
		free(tok);
		if (a->built) {
			CHECK_RC(krc, JWTAUTH_OK);
			CHECKF(rc == JWTAUTH_OK, "%s login: %s", jwtauth_alg_name(a->alg),
				jwtauth_error_name(rc));
			CHECK(login.principal_len == 3 && memcmp(login.principal, "tom", 3) == 0);
			ran++;
		} else {
			CHECKF(rc == JWTAUTH_ERR_ALG_NOT_BUILT, "%s login: %s",
				jwtauth_alg_name(a->alg), jwtauth_error_name(rc));
		}
	}
	/* every build keeps some algorithm */
	CHECK(ran > 0);
}

static const test_case t_algsel_tests[] = {
	{ "algsel_built_set", algsel_built_set },
	{ "algsel_algs_parse", algsel_algs_parse },
	{ "algsel_tokens", algsel_tokens },
	{ "algsel_keys", algsel_keys },
	{ "algsel_pinned_alg", algsel_pinned_alg },
	{ "algsel_add_raw", algsel_add_raw },
	{ "algsel_sig_verify", algsel_sig_verify },
	{ "algsel_login", algsel_login },
	{ NULL, NULL }
};
