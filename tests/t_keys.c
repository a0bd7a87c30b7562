/* t_keys.c - JWK, JWKS, PEM, X.509 loading: every rule with a passing and
   a failing case. Fixtures: tests/fixtures (made by tests/fixtures/gen.sh). */

/* Shared by the later t_*.c files of this translation unit. */
static jwtauth_keyset fx_ks;
static jwtauth_jwt fx_jwt;
/* Engines for the sets the conformance tests load (NULL: the defaults);
   t_ecdsa_engine.c and t_rsa_engine.c run those tests again through
   BearSSL's engines. */
static const jwtauth_engines *fx_engines;

static char *fx_read(const char *rel, size_t *len)
{
	char path[512];
	snprintf(path, sizeof path, "tests/fixtures/%s", rel);
	return tl_read_file(path, len);
}

/* Load a fixture key document into ks; returns the library's code or
   JWTAUTH_ERR_IO when the fixture is missing. */
static int fx_load(jwtauth_keyset *ks, const char *rel, jwtauth_error *err)
{
	size_t len;
	char *doc = fx_read(rel, &len);
	int rc;
	if (!doc) return JWTAUTH_ERR_IO;
	rc = jwtauth_keyset_parse(ks, doc, len, err);
	jwtauth_keyset_set_engines(ks, fx_engines);
	free(doc);
	return rc;
}

static int keys_parse_str(const char *doc, jwtauth_error *err)
{
	return jwtauth_keyset_parse(&fx_ks, doc, strlen(doc), err);
}

static const jwtauth_key *keys_find(const jwtauth_keyset *ks, const char *kid)
{
	size_t i;
	for (i = 0; i < ks->count; i++)
		if (ks->keys[i].has_kid && strcmp(ks->keys[i].kid, kid) == 0) return &ks->keys[i];
	return NULL;
}

static void keys_jwks_fixtures(void)
{
	jwtauth_error err;
	CHECK_RC(fx_load(&fx_ks, "jwks/rsa.json", &err), JWTAUTH_OK);
	CHECK_EQ(fx_ks.count, 4);
	CHECK_EQ(fx_ks.usable, 4);
	CHECK(keys_find(&fx_ks, "rsa4096") != NULL);
	CHECK_EQ(keys_find(&fx_ks, "rsa4096")->u.rsa.bits, 4096);
	CHECK_EQ(keys_find(&fx_ks, "rsa3072")->u.rsa.bits, 3072);
	CHECK_EQ(keys_find(&fx_ks, "rsa2048a")->alg, JWTAUTH_ALG_RS256);
	CHECK_EQ(keys_find(&fx_ks, "rsa2048a")->use, JWTAUTH_USE_SIG);
	CHECK_RC(fx_load(&fx_ks, "jwks/ec.json", &err), JWTAUTH_OK);
	CHECK_EQ(fx_ks.usable, 4);
	CHECK_EQ(keys_find(&fx_ks, "ec521")->u.ec.curve, BR_EC_secp521r1);
	CHECK_EQ(keys_find(&fx_ks, "ec521")->u.ec.q_len, 133);
	CHECK_RC(fx_load(&fx_ks, "jwks/oct.json", &err), JWTAUTH_OK);
	CHECK_EQ(fx_ks.kind, JWTAUTH_KTY_OCT);
	CHECK_EQ(keys_find(&fx_ks, "oct48")->u.oct.key_len, 48);
	CHECK_RC(fx_load(&fx_ks, "jwks/mixed.json", &err), JWTAUTH_ERR_KEYSET_MIXED);
	CHECK_RC(fx_load(&fx_ks, "jwks/oct-short.json", &err), JWTAUTH_ERR_KEYSET_EMPTY);
	CHECK_EQ(fx_ks.count, 1);
	CHECK_RC(fx_ks.keys[0].status, JWTAUTH_ERR_KEY_OCT_SIZE);
	CHECK_RC(fx_load(&fx_ks, "jwks/rsa1024.json", &err), JWTAUTH_ERR_KEYSET_EMPTY);
	CHECK_RC(fx_ks.keys[0].status, JWTAUTH_ERR_KEY_RSA_SIZE);
}

static void keys_single_jwk(void)
{
	jwtauth_error err;
	CHECK_RC(fx_load(&fx_ks, "keys/ec256.pub.jwk.json", &err), JWTAUTH_OK);
	CHECK_EQ(fx_ks.count, 1);
	CHECK(strcmp(fx_ks.keys[0].kid, "ec256") == 0);
	CHECK_RC(fx_load(&fx_ks, "keys/rsa2048a.pub.jwk.json", &err), JWTAUTH_OK);
	CHECK_EQ(fx_ks.keys[0].kty, JWTAUTH_KTY_RSA);
	CHECK_RC(fx_load(&fx_ks, "keys/oct64.jwk.json", &err), JWTAUTH_OK);
}

static void keys_pem_forms(void)
{
	static const char *const ok_files[] = {
		"keys/rsa2048a.spki.pem", "keys/rsa2048a.pkcs1.pem", "keys/rsa2048a.cert.pem",
		"keys/rsa4096.spki.pem", "keys/ec256.spki.pem", "keys/ec384.spki.pem",
		"keys/ec521.spki.pem", "keys/ec256.cert.pem"
	};
	jwtauth_error err;
	size_t i;
	for (i = 0; i < sizeof ok_files / sizeof ok_files[0]; i++) {
		int rc = fx_load(&fx_ks, ok_files[i], &err);
		CHECKF(rc == JWTAUTH_OK, "%s: %s (%s)", ok_files[i], jwtauth_error_name(rc), err.msg);
		CHECK_EQ(fx_ks.usable, 1);
		CHECK_EQ(fx_ks.keys[0].has_kid, 0);
	}
	/* The same key in three encodings decodes to the same modulus. */
	{
		static jwtauth_keyset a, b;
		CHECK_RC(fx_load(&a, "keys/rsa2048a.cert.pem", &err), JWTAUTH_OK);
		CHECK_RC(fx_load(&b, "keys/rsa2048a.pub.jwk.json", &err), JWTAUTH_OK);
		CHECK_EQ(a.keys[0].u.rsa.n_len, b.keys[0].u.rsa.n_len);
		CHECK(memcmp(a.keys[0].u.rsa.n, b.keys[0].u.rsa.n, a.keys[0].u.rsa.n_len) == 0);
		CHECK_RC(fx_load(&a, "keys/rsa2048a.pkcs1.pem", &err), JWTAUTH_OK);
		CHECK(memcmp(a.keys[0].u.rsa.n, b.keys[0].u.rsa.n, a.keys[0].u.rsa.n_len) == 0);
	}
	/* CRLF line endings (files written on Windows) */
	for (i = 0; i < 3; i++) {
		static const char *const crlf_files[] = {
			"keys/rsa2048a.spki.pem", "keys/rsa2048a.pkcs1.pem", "keys/rsa2048a.cert.pem"
		};
		size_t len, j, o = 0;
		char *pem = fx_read(crlf_files[i], &len), *crlf;
		int rc;
		CHECK(pem != NULL);
		crlf = (char *)malloc(2 * len + 1);
		for (j = 0; j < len; j++) {
			if (pem[j] == '\n') crlf[o++] = '\r';
			crlf[o++] = pem[j];
		}
		rc = jwtauth_keyset_parse(&fx_ks, crlf, o, &err);
		CHECKF(rc == JWTAUTH_OK, "%s with CRLF: %s (%s)", crlf_files[i], jwtauth_error_name(rc), err.msg);
		CHECK_EQ(fx_ks.usable, 1);
		free(crlf);
		free(pem);
	}
	/* Private keys are refused; a small RSA key too. */
	CHECK_RC(fx_load(&fx_ks, "keys/ec256.key.pem", &err), JWTAUTH_ERR_KEYSET_EMPTY);
	CHECK_RC(fx_ks.keys[0].status, JWTAUTH_ERR_KEY_PRIVATE);
	CHECK_RC(fx_load(&fx_ks, "keys/rsa1024.spki.pem", &err), JWTAUTH_ERR_KEYSET_EMPTY);
	CHECK_RC(fx_ks.keys[0].status, JWTAUTH_ERR_KEY_RSA_SIZE);
}

static void keys_pem_malformed(void)
{
	jwtauth_error err;
	size_t len;
	char *pem = fx_read("keys/ec256.spki.pem", &len);
	char *p;
	CHECK(pem != NULL);
	/* Truncated: no END line. */
	p = strstr(pem, "-----END");
	CHECK(p != NULL);
	CHECK_RC(jwtauth_keyset_parse(&fx_ks, pem, (size_t)(p - pem), &err), JWTAUTH_ERR_KEY_PEM);
	/* A flipped byte in the DER (the curve OID) is refused, not guessed. */
	{
		char *copy = (char *)malloc(len + 1);
		int rc;
		memcpy(copy, pem, len + 1);
		p = strchr(copy, '\n') + 1;
		p[20] = (char)(p[20] == 'A' ? 'B' : 'A');
		rc = jwtauth_keyset_parse(&fx_ks, copy, len, &err);
		free(copy);
		CHECK(rc != JWTAUTH_OK);
	}
	free(pem);
	/* Bytes after a complete certificate are refused (found by fuzz_jwks:
	   BearSSL's X.509 decoder must not be fed once it has stopped). */
	CHECK_RC(fx_load(&fx_ks, "keys/rsa2048a.cert-trailing.pem", &err), JWTAUTH_ERR_KEYSET_EMPTY);
	CHECK_RC(fx_ks.keys[0].status, JWTAUTH_ERR_KEY_X509);
	CHECK_RC(keys_parse_str("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n", &err),
		JWTAUTH_ERR_KEYSET_EMPTY);
	CHECK_RC(fx_ks.keys[0].status, JWTAUTH_ERR_KEY_DER);
	CHECK_RC(keys_parse_str("-----BEGIN FOO-----\nAAAA\n-----END FOO-----\n", &err),
		JWTAUTH_ERR_KEYSET_EMPTY);
	CHECK_RC(fx_ks.keys[0].status, JWTAUTH_ERR_KEY_PEM);
	CHECK_RC(keys_parse_str("-----nothing", &err), JWTAUTH_ERR_KEY_PEM);
}

static void keys_document_errors(void)
{
	jwtauth_error err;
	CHECK_RC(keys_parse_str("", &err), JWTAUTH_ERR_KEY_FORMAT);
	CHECK_RC(keys_parse_str("[1]", &err), JWTAUTH_ERR_KEY_FORMAT);
	CHECK_RC(keys_parse_str("{\"keys\":{}}", &err), JWTAUTH_ERR_KEY_FORMAT);
	CHECK_RC(keys_parse_str("{\"keys\":[]}", &err), JWTAUTH_ERR_KEYSET_EMPTY);
	CHECK_RC(keys_parse_str("{\"keys\":[1]}", &err), JWTAUTH_ERR_KEYSET_EMPTY);
	CHECK_RC(fx_ks.keys[0].status, JWTAUTH_ERR_KEY_FORMAT);
	CHECK_RC(keys_parse_str("{\"keys\":[], \"keys\":[]}", &err), JWTAUTH_ERR_JSON_DUPLICATE);
	CHECK_RC(keys_parse_str("{\"keys\":[]", &err), JWTAUTH_ERR_JSON_SYNTAX);
	{
		/* More entries than JWTAUTH_MAX_KEYS. */
		char doc[4096];
		size_t i, n = 0;
		n += (size_t)sprintf(doc + n, "{\"keys\":[");
		for (i = 0; i <= JWTAUTH_MAX_KEYS; i++)
			n += (size_t)sprintf(doc + n, "%s{}", i ? "," : "");
		sprintf(doc + n, "]}");
		CHECK_RC(keys_parse_str(doc, &err), JWTAUTH_ERR_KEYSET_FULL);
	}
}

/* One JWK member rule per line: the document and the expected status. */
static void keys_jwk_rules(void)
{
	static const char ec_xy[] =
		"\"crv\":\"P-256\",\"x\":\"CUYKnuY2IgLcAEfT7iVg_50_aPZxAlSLQBO47qaEUS0\","
		"\"y\":\"xeVFinv91TcVdS8k9KoP26_w1wd7kCjStHePBVRUeiA\"";
	static const char oct32[] = "\"k\":\"YqXnCI1RMceIBTsroWHjYL7e6FdkLV9cN6183-u3Rp8\"";
	struct { const char *fmt; const char *arg; int status; } cases[] = {
		{ "{\"kty\":\"EC\",%s}", ec_xy, JWTAUTH_OK },
		{ "{\"kty\":\"EC\",\"d\":\"AA\",%s}", ec_xy, JWTAUTH_ERR_KEY_PRIVATE },
		{ "{\"kty\":\"EC\",\"alg\":\"ES384\",%s}", ec_xy, JWTAUTH_ERR_KEY_ALG },
		{ "{\"kty\":\"EC\",\"alg\":\"ES521\",%s}", ec_xy, JWTAUTH_ERR_KEY_ALG },
		{ "{\"kty\":\"EC\",\"alg\":\"RS256\",%s}", ec_xy, JWTAUTH_ERR_KEY_ALG },
		{ "{\"kty\":\"EC\",\"alg\":5,%s}", ec_xy, JWTAUTH_ERR_KEY_ALG },
		{ "{\"kty\":\"EC\",\"kid\":5,%s}", ec_xy, JWTAUTH_ERR_KEY_KID },
		{ "{\"kty\":\"EC\",\"use\":5,%s}", ec_xy, JWTAUTH_ERR_KEY_USE },
		{ "{\"kty\":\"EC\",\"key_ops\":\"verify\",%s}", ec_xy, JWTAUTH_ERR_KEY_USE },
		{ "{\"kty\":\"EC\",\"key_ops\":[\"verify\",\"verify\"],%s}", ec_xy, JWTAUTH_ERR_KEY_USE },
		{ "{\"kty\":\"EC\",\"key_ops\":[\"verify\",\"sign\"],%s}", ec_xy, JWTAUTH_OK },
		{ "{\"kty\":\"EC\",\"use\":\"enc\",%s}", ec_xy, JWTAUTH_OK },
		{ "{\"kty\":\"ec\",%s}", ec_xy, JWTAUTH_ERR_KEY_KTY },
		{ "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"%s\"}", "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo", JWTAUTH_OK },
		{ "{\"kty\":\"OKP\",\"crv\":\"X25519\",\"x\":\"%s\"}", "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo", JWTAUTH_ERR_KEY_OKP_AGREEMENT },
		{ "{%s}", ec_xy, JWTAUTH_ERR_KEY_KTY },
		{ "{\"kty\":\"EC\",\"crv\":\"P-192\",\"x\":\"%s\",\"y\":\"AA\"}", "AA", JWTAUTH_ERR_KEY_CRV },
		/* y altered: not on the curve */
		{ "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"CUYKnuY2IgLcAEfT7iVg_50_aPZxAlSLQBO47qaEUS0\",\"y\":\"%s\"}",
		  "xeVFinv91TcVdS8k9KoP26_w1wd7kCjStHePBVRUeiE", JWTAUTH_ERR_KEY_EC_POINT },
		/* x one byte short */
		{ "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"%s\",\"y\":\"xeVFinv91TcVdS8k9KoP26_w1wd7kCjStHePBVRUeiA\"}",
		  "CUYKnuY2IgLcAEfT7iVg_50_aPZxAlSLQBO47qaEUQ", JWTAUTH_ERR_KEY_EC_POINT },
		/* P-256 coordinates labelled P-384 */
		{ "{\"kty\":\"EC\",\"crv\":\"P-384\",\"x\":\"CUYKnuY2IgLcAEfT7iVg_50_aPZxAlSLQBO47qaEUS0\",\"y\":\"%s\"}",
		  "xeVFinv91TcVdS8k9KoP26_w1wd7kCjStHePBVRUeiA", JWTAUTH_ERR_KEY_EC_POINT },
		{ "{\"kty\":\"oct\",%s}", oct32, JWTAUTH_OK },
		{ "{\"kty\":\"oct\",\"alg\":\"HS384\",%s}", oct32, JWTAUTH_ERR_KEY_OCT_SIZE },
		{ "{\"kty\":\"oct\",\"alg\":\"A256GCM\",%s}", oct32, JWTAUTH_ERR_KEY_ALG },
		{ "{\"kty\":\"oct\",\"k\":\"%s\"}", "", JWTAUTH_ERR_KEY_OCT_SIZE },
		{ "{\"kty\":\"oct\",\"k\":\"%s\"}", "YqXnCI1RMceIBTsroWHjYL7e6FdkLV9cN6183-u3Rp8=", JWTAUTH_ERR_KEY_MEMBER },
		{ "{\"kty\":\"oct\",\"k\":\"%s\"}", "YqXnCI1RMceIBTsroWHjYL7e6FdkLV9cN6183+u3Rp8", JWTAUTH_ERR_KEY_MEMBER },
		{ "{\"kty\":\"oct\"%s}", "", JWTAUTH_ERR_KEY_MEMBER },
		/* key documents only: standard base64 with padding (Battle.net) */
		{ "{\"kty\":\"oct\",\"k\":\"%s\"}", "YqXnCI1RMceIBTsroWHjYL7e6FdkLV9cN6183+u3Rp8=", JWTAUTH_OK },
		{ "{\"kty\":\"oct\",\"k\":\"%s\"}", "YqXnCI1RMceIBTsroWHjYL7e6FdkLV9cN6183+u3Rp8==", JWTAUTH_ERR_KEY_MEMBER },
		{ "{\"kty\":\"oct\",\"k\":\"%s\"}", "YqXnCI1RMceIBTsr_WHjYL7e6FdkLV9cN6183+u3Rp8=", JWTAUTH_ERR_KEY_MEMBER },
		{ "{\"kty\":\"RSA\",\"e\":\"AQAB\",\"n\":\"%s\"}", "AQAB", JWTAUTH_ERR_KEY_RSA_SIZE },
		{ "{\"kty\":\"RSA\",\"e\":\"AQAB\"%s}", "", JWTAUTH_ERR_KEY_MEMBER },
		{ "{\"kty\":\"RSA\",\"n\":\"AQAB\",\"e\":\"AQAB\",\"d\":\"%s\"}", "AQAB", JWTAUTH_ERR_KEY_PRIVATE }
	};
	jwtauth_error err;
	size_t i;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char doc[1024];
		int rc;
		snprintf(doc, sizeof doc, cases[i].fmt, cases[i].arg);
		rc = keys_parse_str(doc, &err);
		CHECKF(fx_ks.count == 1, "case %u: %s -> %s", (unsigned)i, doc, jwtauth_error_name(rc));
		CHECKF(fx_ks.keys[0].status == cases[i].status, "case %u: %s: status %s, expected %s",
			(unsigned)i, doc, jwtauth_error_name(fx_ks.keys[0].status),
			jwtauth_error_name(cases[i].status));
		CHECK_RC(rc, cases[i].status == JWTAUTH_OK ? JWTAUTH_OK : JWTAUTH_ERR_KEYSET_EMPTY);
	}
}

/* RSA exponent and modulus rules through the raw-key API. */
static void keys_rsa_rules(void)
{
	uint8_t n[256], e1[1] = { 1 }, e2[1] = { 2 }, e3[1] = { 3 }, e0[1] = { 0 };
	uint8_t n0[257], e_long[5] = { 1, 0, 0, 0, 1 };
	jwtauth_keyset_init(&fx_ks);
	memset(n, 0xc5, sizeof n);   /* 2048 bits, odd */
	CHECK_RC(jwtauth_keyset_add_rsa(&fx_ks, n, sizeof n, e3, 1, JWTAUTH_ALG_UNKNOWN, "a", 1), JWTAUTH_OK);
	CHECK_RC(jwtauth_keyset_add_rsa(&fx_ks, n, sizeof n, e1, 1, JWTAUTH_ALG_UNKNOWN, NULL, 0),
		JWTAUTH_ERR_KEY_RSA_EXPONENT);
	CHECK_RC(jwtauth_keyset_add_rsa(&fx_ks, n, sizeof n, e2, 1, JWTAUTH_ALG_UNKNOWN, NULL, 0),
		JWTAUTH_ERR_KEY_RSA_EXPONENT);
	CHECK_RC(jwtauth_keyset_add_rsa(&fx_ks, n, sizeof n, e0, 1, JWTAUTH_ALG_UNKNOWN, NULL, 0),
		JWTAUTH_ERR_KEY_RSA_EXPONENT);
	CHECK_RC(jwtauth_keyset_add_rsa(&fx_ks, n, sizeof n, e_long, 5, JWTAUTH_ALG_UNKNOWN, NULL, 0),
		JWTAUTH_ERR_KEY_RSA_EXPONENT);
	/* A leading zero octet (as real providers publish) is accepted. */
	n0[0] = 0;
	memcpy(n0 + 1, n, sizeof n);
	CHECK_RC(jwtauth_keyset_add_rsa(&fx_ks, n0, sizeof n0, e3, 1, JWTAUTH_ALG_RS256, "b", 1), JWTAUTH_OK);
	CHECK_EQ(fx_ks.keys[1].u.rsa.n_len, 256);
	CHECK_EQ(fx_ks.keys[1].u.rsa.bits, 2048);
	/* 2047 bits is too small; an even modulus is malformed. */
	n[0] = 0x7f;
	CHECK_RC(jwtauth_keyset_add_rsa(&fx_ks, n, sizeof n, e3, 1, JWTAUTH_ALG_UNKNOWN, NULL, 0),
		JWTAUTH_ERR_KEY_RSA_SIZE);
	n[0] = 0xc5; n[255] = 0xc4;
	CHECK_RC(jwtauth_keyset_add_rsa(&fx_ks, n, sizeof n, e3, 1, JWTAUTH_ALG_UNKNOWN, NULL, 0),
		JWTAUTH_ERR_KEY_MEMBER);
	n[255] = 0xc5;
	CHECK_RC(jwtauth_keyset_add_rsa(&fx_ks, n, sizeof n, e3, 1, JWTAUTH_ALG_ES256, NULL, 0),
		JWTAUTH_ERR_KEY_ALG);
	CHECK_EQ(fx_ks.count, 2);
	/* Raw oct keys cannot join a set of public keys. */
	CHECK_RC(jwtauth_keyset_add_oct(&fx_ks, n, 32, JWTAUTH_ALG_UNKNOWN, NULL, 0),
		JWTAUTH_ERR_KEYSET_MIXED);
	jwtauth_keyset_wipe(&fx_ks);
	CHECK_EQ(fx_ks.count, 0);
	CHECK_RC(jwtauth_keyset_add_oct(&fx_ks, n, 31, JWTAUTH_ALG_UNKNOWN, NULL, 0),
		JWTAUTH_ERR_KEY_OCT_SIZE);
	CHECK_RC(jwtauth_keyset_add_oct(&fx_ks, n, 48, JWTAUTH_ALG_HS512, NULL, 0),
		JWTAUTH_ERR_KEY_OCT_SIZE);
	CHECK_RC(jwtauth_keyset_add_oct(&fx_ks, n, 64, JWTAUTH_ALG_HS512, NULL, 0), JWTAUTH_OK);
}

/* A key set is plain data: a copy verifies like the original. */
static void keys_copyable(void)
{
	static jwtauth_keyset copy;
	jwtauth_error err;
	size_t len;
	char *tok;
	CHECK_RC(fx_load(&fx_ks, "jwks/public.json", &err), JWTAUTH_OK);
	memcpy(&copy, &fx_ks, sizeof copy);
	jwtauth_keyset_wipe(&fx_ks);
	tok = fx_read("tokens/es384.jwt", &len);
	CHECK(tok != NULL);
	CHECK_RC(jwtauth_jws_verify_signature_only(&copy, tok, len, JWTAUTH_ALGS_ALL, &fx_jwt, &err), JWTAUTH_OK);
	free(tok);
	tok = fx_read("tokens/ps512.jwt", &len);
	CHECK_RC(jwtauth_jws_verify_signature_only(&copy, tok, len, JWTAUTH_ALGS_ALL, &fx_jwt, &err), JWTAUTH_OK);
	free(tok);
}

static const test_case t_keys_tests[] = {
	{ "keys_jwks_fixtures", keys_jwks_fixtures },
	{ "keys_single_jwk", keys_single_jwk },
	{ "keys_pem_forms", keys_pem_forms },
	{ "keys_pem_malformed", keys_pem_malformed },
	{ "keys_document_errors", keys_document_errors },
	{ "keys_jwk_rules", keys_jwk_rules },
	{ "keys_rsa_rules", keys_rsa_rules },
	{ "keys_copyable", keys_copyable },
	{ NULL, NULL }
};
