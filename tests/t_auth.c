/* t_auth.c - the whole StarRocks login: auth response -> signature ->
   claims -> principal -> groups. The seed scenario uses the demo files
   (examples/demo, made by jose); the edge cases use HS256 tokens signed
   here with the fixture secret keys/oct32 (kid "oct32" in jwks/oct.json). */

static jwtauth_keyset ta_keys;
static jwtauth_config ta_cfg;
static jwtauth_login ta_login;
static uint8_t ta_resp[JWTAUTH_MAX_TOKEN_LEN + 16];
static char ta_tok[JWTAUTH_MAX_TOKEN_LEN + 1];

/* The demo's "now": after tom.jwt's iat, before tom-expired.jwt's exp. */
#define TA_NOW ((int64_t)1764001000)

/* Read a file into ta_tok (trailing whitespace trimmed); 0 when absent. */
static size_t ta_read_token(const char *path)
{
	size_t n = 0;
	char *f = tl_read_file(path, &n);
	if (!f) return 0;
	while (n > 0 && (f[n - 1] == '\n' || f[n - 1] == '\r' || f[n - 1] == ' ')) n--;
	if (n > JWTAUTH_MAX_TOKEN_LEN) n = 0;
	memcpy(ta_tok, f, n);
	ta_tok[n] = 0;
	free(f);
	return n;
}

static int ta_load_keys(const char *path)
{
	size_t n = 0;
	jwtauth_error e;
	int rc;
	char *f = tl_read_file(path, &n);
	if (!f) return -1;
	rc = jwtauth_keyset_parse(&ta_keys, f, n, &e);
	free(f);
	return rc;
}

/* Frame (tok, n) as authentication_openid_connect_client sends it. */
static size_t ta_frame(const char *tok, size_t n)
{
	size_t h = 0;
	ta_resp[h++] = 0x01;
	if (n < 251) {
		ta_resp[h++] = (uint8_t)n;
	} else {
		ta_resp[h++] = 0xFC;
		ta_resp[h++] = (uint8_t)n;
		ta_resp[h++] = (uint8_t)(n >> 8);
	}
	memcpy(ta_resp + h, tok, n);
	return h + n;
}

static int ta_auth_tok(const char *user, const char *tok, size_t n, int64_t now, jwtauth_error *e)
{
	size_t len = ta_frame(tok, n);
	return jwtauth_authenticate(&ta_cfg, &ta_keys, NULL, user, user ? strlen(user) : 0,
		ta_resp, len, JWTAUTH_RESPONSE_OPENID, now, &ta_login, e);
}

static int ta_detail_is(const jwtauth_error *e, const char *s)
{
	return e->detail_len == strlen(s)
		&& memcmp(e->detail, s, e->detail_len) == 0;
}

static int ta_seed_config(void)
{
	size_t n = 0;
	jwtauth_error e;
	int rc;
	char *f = tl_read_file("examples/demo/tom-properties.json", &n);
	if (!f) return -1;
	rc = jwtauth_config_parse(&ta_cfg, f, n, &e);
	free(f);
	return rc;
}

/* Load the demo; 1 when it is there. */
static int ta_demo(void)
{
	int rc = ta_load_keys("examples/demo/conf/jwks.json");
	if (rc == -1) return 0;
	return rc == JWTAUTH_OK && ta_seed_config() == JWTAUTH_OK ? 1 : -1;
}

static void ta_seed(void)
{
	jwtauth_error e;
	size_t n;
	int d = ta_demo();
	if (d == 0) CHECKF(0, "examples/demo not generated yet (tests/fixtures/gen.sh)");
	CHECK(d == 1);
	CHECK(ta_cfg.claims.n_issuers == 1 && ta_cfg.claims.n_audiences == 1);
	n = ta_read_token("examples/demo/tom.jwt");
	CHECK(n > 251);
	CHECK_RC(ta_auth_tok("tom", ta_tok, n, TA_NOW, &e), JWTAUTH_OK);
	CHECK_EQ(e.code, JWTAUTH_OK);
	CHECK(strcmp(ta_login.principal, "tom") == 0);
	CHECK_EQ(ta_login.principal_len, 3);
	CHECK_EQ(ta_login.n_groups, 0);
	CHECK(ta_login.claims.has_exp && ta_login.claims.exp == 4102444800LL);
	CHECK(ta_login.claims.has_iat && ta_login.claims.iat == 1764000000LL);
	CHECK(!ta_login.claims.has_nbf);
	CHECK_EQ(ta_login.jwt.alg, JWTAUTH_ALG_RS256);
	CHECK(ta_login.jwt.key != NULL);
	/* StarRocks compares the user name case-insensitively */
	CHECK_RC(ta_auth_tok("TOM", ta_tok, n, TA_NOW, &e), JWTAUTH_OK);
	CHECK(strcmp(ta_login.principal, "tom") == 0);   /* the token's spelling */
	CHECK_RC(ta_auth_tok("Tom", ta_tok, n, TA_NOW, &e), JWTAUTH_OK);
	CHECK_RC(ta_auth_tok(NULL, ta_tok, n, TA_NOW, &e), JWTAUTH_OK);
	CHECK_RC(ta_auth_tok("jerry", ta_tok, n, TA_NOW, &e), JWTAUTH_ERR_PRINCIPAL_MISMATCH);
	CHECK(ta_detail_is(&e, "preferred_username"));
	CHECK_RC(ta_auth_tok("to", ta_tok, n, TA_NOW, &e), JWTAUTH_ERR_PRINCIPAL_MISMATCH);
	CHECK_RC(ta_auth_tok("tomm", ta_tok, n, TA_NOW, &e), JWTAUTH_ERR_PRINCIPAL_MISMATCH);
	CHECK_RC(ta_auth_tok("", ta_tok, n, TA_NOW, &e), JWTAUTH_ERR_PRINCIPAL_MISMATCH);
	CHECK_RC(jwtauth_authenticate(&ta_cfg, &ta_keys, NULL, "tom\0", 4, ta_resp, ta_frame(ta_tok, n),
		JWTAUTH_RESPONSE_OPENID, TA_NOW, &ta_login, &e), JWTAUTH_ERR_PRINCIPAL_MISMATCH);
	/* the other forms of the auth response */
	memcpy(ta_resp, ta_tok, n);
	memset(ta_resp + n, 0, 2);
	CHECK_RC(jwtauth_authenticate(&ta_cfg, &ta_keys, NULL, "tom", 3, ta_resp, n + 2,
		JWTAUTH_RESPONSE_BARE, TA_NOW, &ta_login, &e), JWTAUTH_OK);
	CHECK_RC(jwtauth_authenticate(&ta_cfg, &ta_keys, NULL, "tom", 3, ta_resp, n + 2,
		JWTAUTH_RESPONSE_AUTO, TA_NOW, &ta_login, &e), JWTAUTH_OK);
	CHECK_RC(jwtauth_authenticate(&ta_cfg, &ta_keys, NULL, "tom", 3, ta_resp, ta_frame(ta_tok, n),
		JWTAUTH_RESPONSE_AUTO, TA_NOW, &ta_login, &e), JWTAUTH_OK);
	/* expiry is the token's, not a cache's */
	CHECK_RC(ta_auth_tok("tom", ta_tok, n, (int64_t)4102444800LL, &e), JWTAUTH_ERR_EXPIRED);
	/* the default principal field is sub */
	jwtauth_config_init(&ta_cfg);
	CHECK_RC(ta_auth_tok(NULL, ta_tok, n, TA_NOW, &e), JWTAUTH_OK);
	CHECK(strcmp(ta_login.principal, "f1e0c7a2-4d3b-4c6e-9a51-2b7d8e3f0a19") == 0);
	CHECK_RC(ta_auth_tok("tom", ta_tok, n, TA_NOW, &e), JWTAUTH_ERR_PRINCIPAL_MISMATCH);
	CHECK(ta_detail_is(&e, "sub"));
}

static void ta_seed_rejections(void)
{
	static const char garbage[] = "this is not a token";
	jwtauth_error e;
	size_t n;
	int rc, d = ta_demo();
	if (d == 0) CHECKF(0, "examples/demo not generated yet (tests/fixtures/gen.sh)");
	CHECK(d == 1);
	n = ta_read_token("examples/demo/tom-expired.jwt");
	CHECK(n > 0);
	CHECK_RC(ta_auth_tok("tom", ta_tok, n, TA_NOW, &e), JWTAUTH_OK);   /* not yet */
	CHECK_RC(ta_auth_tok("tom", ta_tok, n, (int64_t)1764003599LL, &e), JWTAUTH_OK);
	CHECK_RC(ta_auth_tok("tom", ta_tok, n, (int64_t)1764003600LL, &e), JWTAUTH_ERR_EXPIRED);
	CHECK(ta_detail_is(&e, "exp"));
	CHECK_RC(ta_auth_tok("tom", ta_tok, n, (int64_t)1764003700LL, &e), JWTAUTH_ERR_EXPIRED);
	ta_cfg.claims.leeway = 101;
	CHECK_RC(ta_auth_tok("tom", ta_tok, n, (int64_t)1764003700LL, &e), JWTAUTH_OK);
	ta_cfg.claims.leeway = 0;
	/* expired and for jerry: the claims are checked first */
	CHECK_RC(ta_auth_tok("jerry", ta_tok, n, (int64_t)1764003700LL, &e), JWTAUTH_ERR_EXPIRED);
	n = ta_read_token("examples/demo/other-key.jwt");
	CHECK(n > 0);
	CHECK_RC(ta_auth_tok("tom", ta_tok, n, TA_NOW, &e), JWTAUTH_ERR_SIGNATURE);
	rc = ta_auth_tok("tom", garbage, sizeof garbage - 1, TA_NOW, &e);
	CHECKF(rc == JWTAUTH_ERR_TOKEN_FORMAT || rc == JWTAUTH_ERR_B64_CHAR,
		"garbage: %s", jwtauth_error_name(rc));
	rc = ta_auth_tok("tom", "a.b.c", 5, TA_NOW, &e);
	CHECK(rc != JWTAUTH_OK);
	/* a framing error stops everything */
	n = ta_read_token("examples/demo/tom.jwt");
	ta_frame(ta_tok, n);
	CHECK_RC(jwtauth_authenticate(&ta_cfg, &ta_keys, NULL, "tom", 3, ta_resp, n,
		JWTAUTH_RESPONSE_OPENID, TA_NOW, &ta_login, &e), JWTAUTH_ERR_AUTH_RESPONSE);
	/* issuer and audience lists of the properties */
	CHECK_RC(jwtauth_config_set_list(&ta_cfg, ta_cfg.claims.issuers, &ta_cfg.claims.n_issuers,
		"http://localhost:38080/realms/maste, http://localhost:38080/realms/master/", 74, NULL), JWTAUTH_OK);
	CHECK_RC(ta_auth_tok("tom", ta_tok, n, TA_NOW, &e), JWTAUTH_ERR_ISSUER);
	CHECK_RC(jwtauth_config_set_list(&ta_cfg, ta_cfg.claims.issuers, &ta_cfg.claims.n_issuers,
		"x, http://localhost:38080/realms/master", 39, NULL), JWTAUTH_OK);
	CHECK_RC(ta_auth_tok("tom", ta_tok, n, TA_NOW, &e), JWTAUTH_OK);
	CHECK_RC(jwtauth_config_set_list(&ta_cfg, ta_cfg.claims.audiences, &ta_cfg.claims.n_audiences,
		"starrocks-dev,StarRocks", 23, NULL), JWTAUTH_OK);
	CHECK_RC(ta_auth_tok("tom", ta_tok, n, TA_NOW, &e), JWTAUTH_ERR_AUDIENCE);
	CHECK_RC(jwtauth_config_set_list(&ta_cfg, ta_cfg.claims.audiences, &ta_cfg.claims.n_audiences,
		"a,starrocks", 11, NULL), JWTAUTH_OK);
	CHECK_RC(ta_auth_tok("tom", ta_tok, n, TA_NOW, &e), JWTAUTH_OK);
	/* the algorithm allowlist */
	ta_cfg.algs = JWTAUTH_ALG_BIT(JWTAUTH_ALG_ES256) | JWTAUTH_ALGS_HMAC;
	CHECK_RC(ta_auth_tok("tom", ta_tok, n, TA_NOW, &e), JWTAUTH_ERR_ALG_NOT_ALLOWED);
	ta_cfg.algs = JWTAUTH_ALG_BIT(JWTAUTH_ALG_RS256);
	CHECK_RC(ta_auth_tok("tom", ta_tok, n, TA_NOW, &e), JWTAUTH_OK);
	/* required claims from the caller */
	ta_cfg.claims.required = JWTAUTH_CLAIM_NBF;
	CHECK_RC(ta_auth_tok("tom", ta_tok, n, TA_NOW, &e), JWTAUTH_ERR_CLAIM_MISSING);
	ta_cfg.claims.required = 0;
	ta_cfg.claims.max_age = 600;
	CHECK_RC(ta_auth_tok("tom", ta_tok, n, TA_NOW, &e), JWTAUTH_ERR_TOO_OLD);
	ta_cfg.claims.max_age = 0;
	/* principal fields */
	CHECK_RC(jwtauth_config_set(&ta_cfg, &ta_cfg.principal_field, "email", 5, NULL), JWTAUTH_OK);
	CHECK_RC(ta_auth_tok("tom", ta_tok, n, TA_NOW, &e), JWTAUTH_ERR_PRINCIPAL_MISSING);
	CHECK(ta_detail_is(&e, "email"));
	CHECK_RC(jwtauth_config_set(&ta_cfg, &ta_cfg.principal_field, "realm_access", 12, NULL), JWTAUTH_OK);
	CHECK_RC(ta_auth_tok("tom", ta_tok, n, TA_NOW, &e), JWTAUTH_ERR_PRINCIPAL_TYPE);
	CHECK_RC(jwtauth_config_set(&ta_cfg, &ta_cfg.principal_field, "iat", 3, NULL), JWTAUTH_OK);
	CHECK_RC(ta_auth_tok(NULL, ta_tok, n, TA_NOW, &e), JWTAUTH_ERR_PRINCIPAL_TYPE);
	CHECK_RC(jwtauth_config_set(&ta_cfg, &ta_cfg.principal_field, "/realm_access/roles/0", 21, NULL), JWTAUTH_OK);
	CHECK_RC(ta_auth_tok("ANALYST", ta_tok, n, TA_NOW, &e), JWTAUTH_OK);
	CHECK(strcmp(ta_login.principal, "analyst") == 0);
	CHECK_RC(jwtauth_config_set(&ta_cfg, &ta_cfg.principal_field, "/realm_access/roles/1", 21, NULL), JWTAUTH_OK);
	CHECK_RC(ta_auth_tok(NULL, ta_tok, n, TA_NOW, &e), JWTAUTH_ERR_PRINCIPAL_MISSING);
	CHECK_RC(jwtauth_config_set(&ta_cfg, &ta_cfg.principal_field, "realm_access.roles", 18, NULL), JWTAUTH_OK);
	CHECK_RC(ta_auth_tok(NULL, ta_tok, n, TA_NOW, &e), JWTAUTH_ERR_PRINCIPAL_MISSING);
	/* arguments */
	CHECK_RC(jwtauth_authenticate(NULL, &ta_keys, NULL, "tom", 3, ta_resp, 5,
		JWTAUTH_RESPONSE_OPENID, TA_NOW, &ta_login, &e), JWTAUTH_ERR_ARGUMENT);
	CHECK_RC(jwtauth_authenticate(&ta_cfg, NULL, NULL, "tom", 3, ta_resp, 5,
		JWTAUTH_RESPONSE_OPENID, TA_NOW, &ta_login, &e), JWTAUTH_ERR_ARGUMENT);
	CHECK_RC(jwtauth_authenticate(&ta_cfg, &ta_keys, NULL, "tom", 3, ta_resp, 5,
		JWTAUTH_RESPONSE_OPENID, TA_NOW, NULL, &e), JWTAUTH_ERR_ARGUMENT);
	CHECK_RC(jwtauth_authenticate(&ta_cfg, &ta_keys, NULL, NULL, 3, ta_resp, 5,
		JWTAUTH_RESPONSE_OPENID, TA_NOW, &ta_login, &e), JWTAUTH_ERR_ARGUMENT);
}

static void ta_seed_groups(void)
{
	jwtauth_error e;
	size_t n;
	int d = ta_demo();
	if (d == 0) CHECKF(0, "examples/demo not generated yet (tests/fixtures/gen.sh)");
	CHECK(d == 1);
	n = ta_read_token("examples/demo/tom.jwt");
	CHECK_RC(jwtauth_config_set(&ta_cfg, &ta_cfg.groups_claim, "realm_access.roles", 18, NULL), JWTAUTH_OK);
	CHECK_RC(ta_auth_tok("tom", ta_tok, n, TA_NOW, &e), JWTAUTH_OK);
	CHECK_EQ(ta_login.n_groups, 1);
	CHECK(ta_login.groups[0].len == 7 && strcmp(ta_login.groups[0].p, "analyst") == 0);
	CHECK_RC(jwtauth_config_set_list(&ta_cfg, ta_cfg.permitted_groups, &ta_cfg.n_permitted_groups,
		"admin, analyst", 14, NULL), JWTAUTH_OK);
	CHECK_RC(ta_auth_tok("tom", ta_tok, n, TA_NOW, &e), JWTAUTH_OK);
	CHECK_RC(jwtauth_config_set_list(&ta_cfg, ta_cfg.permitted_groups, &ta_cfg.n_permitted_groups,
		"admin, Analyst, analys", 22, NULL), JWTAUTH_OK);
	CHECK_RC(ta_auth_tok("tom", ta_tok, n, TA_NOW, &e), JWTAUTH_ERR_GROUP);
	/* no groups claim configured: no groups, so nobody is permitted */
	ta_cfg.groups_claim.len = 0;
	CHECK_RC(ta_auth_tok("tom", ta_tok, n, TA_NOW, &e), JWTAUTH_ERR_GROUP);
	CHECK_RC(jwtauth_config_set(&ta_cfg, &ta_cfg.groups_claim, "realm_access.nothing", 20, NULL), JWTAUTH_OK);
	CHECK_RC(ta_auth_tok("tom", ta_tok, n, TA_NOW, &e), JWTAUTH_ERR_GROUP);
	CHECK_EQ(ta_login.n_groups, 0);
	/* a security integration: the principal is the user, no match */
	{
		static const char integ[] =
			"{\"type\":\"authentication_jwt\",\"jwks_url\":\"jwks.json\","
			"\"principal_field\":\"preferred_username\","
			"\"required_issuer\":\"http://localhost:38080/realms/master\","
			"\"required_audience\":\"starrocks\",\"group_provider\":\"jwt\","
			"\"permitted_groups\":\"analyst\"}";
		CHECK_RC(jwtauth_integration_parse(&ta_cfg, integ, sizeof integ - 1, &e), JWTAUTH_OK);
		CHECK_RC(ta_auth_tok(NULL, ta_tok, n, TA_NOW, &e), JWTAUTH_ERR_GROUP);
		CHECK_RC(jwtauth_config_set(&ta_cfg, &ta_cfg.groups_claim, "realm_access.roles", 18, NULL), JWTAUTH_OK);
		CHECK_RC(ta_auth_tok(NULL, ta_tok, n, TA_NOW, &e), JWTAUTH_OK);
		CHECK(strcmp(ta_login.principal, "tom") == 0);
	}
}

/* ---- HS256 tokens made here, for what the fixtures do not cover ---- */

static int ta_oct_ready(void)
{
	return ta_load_keys("tests/fixtures/jwks/oct.json") == JWTAUTH_OK;
}

/* header.payload signed with HS256 under the fixture secret oct32
   (keys/oct32.hex), into tok (cap bytes, NUL-terminated); 0 when it does
   not fit. */
static size_t ta_sign_into(char *tok, size_t cap, const char *hdr, const char *payload)
{
	static const uint8_t key[32] = {
		0x62, 0xa5, 0xe7, 0x08, 0x8d, 0x51, 0x31, 0xc7, 0x88, 0x05, 0x3b, 0x2b,
		0xa1, 0x61, 0xe3, 0x60, 0xbe, 0xde, 0xe8, 0x57, 0x64, 0x2d, 0x5f, 0x5c,
		0x37, 0xad, 0x7c, 0xdf, 0xeb, 0xb7, 0x46, 0x9f
	};
	br_hmac_key_context kc;
	br_hmac_context hc;
	uint8_t mac[32];
	size_t n = 0, w = 0;
	if (jwtauth_b64url_encode((const uint8_t *)hdr, strlen(hdr), tok, cap, &w) != 0) return 0;
	n = w;
	tok[n++] = '.';
	if (jwtauth_b64url_encode((const uint8_t *)payload, strlen(payload), tok + n,
	    cap - n, &w) != 0) return 0;
	n += w;
	br_hmac_key_init(&kc, &br_sha256_vtable, key, sizeof key);
	br_hmac_init(&hc, &kc, 0);
	br_hmac_update(&hc, tok, n);
	br_hmac_out(&hc, mac);
	tok[n++] = '.';
	if (jwtauth_b64url_encode(mac, sizeof mac, tok + n, cap - n - 1, &w) != 0) return 0;
	n += w;
	tok[n] = 0;
	return n;
}

/* Sign `payload` with HS256 under the fixture secret oct32, into ta_tok. */
static size_t ta_sign(const char *payload)
{
	return ta_sign_into(ta_tok, sizeof ta_tok,
		"{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"oct32\"}", payload);
}

static int ta_auth_payload(const char *user, const char *payload, jwtauth_error *e)
{
	size_t n = ta_sign(payload);
	if (n == 0) return -9999;
	return ta_auth_tok(user, ta_tok, n, TA_NOW, e);
}

static void ta_principal(void)
{
	static char big[JWTAUTH_MAX_PRINCIPAL_LEN + 64];
	char payload[JWTAUTH_MAX_PRINCIPAL_LEN + 128];
	jwtauth_error e;
	if (!ta_oct_ready()) CHECKF(0, "tests/fixtures/jwks/oct.json not generated yet");
	jwtauth_config_init(&ta_cfg);
	CHECK_RC(ta_auth_payload("tom", "{\"sub\":\"tom\"}", &e), JWTAUTH_OK);
	CHECK_EQ(ta_login.jwt.alg, JWTAUTH_ALG_HS256);
	/* the principal is unescaped before the match */
	CHECK_RC(ta_auth_payload("tom", "{\"sub\":\"t\\u006Fm\"}", &e), JWTAUTH_OK);
	CHECK(strcmp(ta_login.principal, "tom") == 0);
	/* only ASCII letters fold; other bytes compare exactly */
	CHECK_RC(ta_auth_payload("J\xc3\xb6rg", "{\"sub\":\"j\xc3\xb6rg\"}", &e), JWTAUTH_OK);
	CHECK_RC(ta_auth_payload("j\xc3\x96rg", "{\"sub\":\"j\xc3\xb6rg\"}", &e), JWTAUTH_ERR_PRINCIPAL_MISMATCH);
	CHECK_RC(ta_auth_payload("to@", "{\"sub\":\"to`\"}", &e), JWTAUTH_ERR_PRINCIPAL_MISMATCH);
	CHECK_RC(ta_auth_payload("[", "{\"sub\":\"{\"}", &e), JWTAUTH_ERR_PRINCIPAL_MISMATCH);
	/* not a usable string */
	CHECK_RC(ta_auth_payload("tom", "{\"sub\":\"tom\\u0000\"}", &e), JWTAUTH_ERR_PRINCIPAL_TYPE);
	CHECK_RC(ta_auth_payload(NULL, "{\"sub\":\"\"}", &e), JWTAUTH_ERR_PRINCIPAL_TYPE);
	CHECK_RC(ta_auth_payload("tom", "{\"sub\":[\"tom\"]}", &e), JWTAUTH_ERR_PRINCIPAL_TYPE);
	CHECK_RC(ta_auth_payload("tom", "{\"sub\":null}", &e), JWTAUTH_ERR_PRINCIPAL_TYPE);
	CHECK(ta_detail_is(&e, "sub"));
	CHECK_RC(ta_auth_payload("tom", "{\"name\":\"tom\"}", &e), JWTAUTH_ERR_PRINCIPAL_MISSING);
	/* length limit: JWTAUTH_MAX_PRINCIPAL_LEN fits, one more does not */
	memset(big, 'p', JWTAUTH_MAX_PRINCIPAL_LEN);
	big[JWTAUTH_MAX_PRINCIPAL_LEN] = 0;
	snprintf(payload, sizeof payload, "{\"sub\":\"%s\"}", big);
	CHECK_RC(ta_auth_payload(NULL, payload, &e), JWTAUTH_OK);
	CHECK_EQ(ta_login.principal_len, JWTAUTH_MAX_PRINCIPAL_LEN);
	CHECK_EQ(strlen(ta_login.principal), JWTAUTH_MAX_PRINCIPAL_LEN);
	CHECK_RC(ta_auth_payload(big, payload, &e), JWTAUTH_OK);
	big[JWTAUTH_MAX_PRINCIPAL_LEN] = 'p';
	big[JWTAUTH_MAX_PRINCIPAL_LEN + 1] = 0;
	snprintf(payload, sizeof payload, "{\"sub\":\"%s\"}", big);
	CHECK_RC(ta_auth_payload(NULL, payload, &e), JWTAUTH_ERR_PRINCIPAL_TYPE);
	CHECK_EQ(ta_login.principal_len, 0);
	/* JSON Pointer principal with escapes */
	CHECK_RC(jwtauth_config_set(&ta_cfg, &ta_cfg.principal_field, "/a~1b/c~0d", 10, NULL), JWTAUTH_OK);
	CHECK_RC(ta_auth_payload("x", "{\"a/b\":{\"c~d\":\"x\"}}", &e), JWTAUTH_OK);
	CHECK_RC(ta_auth_payload("x", "{\"a\":{\"b\":{\"c~d\":\"x\"}}}", &e), JWTAUTH_ERR_PRINCIPAL_MISSING);
	/* claims are still enforced on HMAC tokens */
	jwtauth_config_init(&ta_cfg);
	CHECK_RC(ta_auth_payload("tom", "{\"sub\":\"tom\",\"exp\":\"never\"}", &e), JWTAUTH_ERR_CLAIM_TYPE);
	CHECK_RC(ta_auth_payload("tom", "{\"sub\":\"tom\",\"nbf\":4000000000}", &e), JWTAUTH_ERR_NOT_YET_VALID);
	CHECK_RC(ta_auth_payload("tom", "[\"tom\"]", &e), JWTAUTH_ERR_CLAIMS);
	CHECK_RC(ta_auth_payload("tom", "not json", &e), JWTAUTH_ERR_CLAIMS);
}

static void ta_groups(void)
{
	static char payload[JWTAUTH_MAX_TOKEN_LEN];
	jwtauth_error e;
	size_t n, i;
	if (!ta_oct_ready()) CHECKF(0, "tests/fixtures/jwks/oct.json not generated yet");
	jwtauth_config_init(&ta_cfg);
	CHECK_RC(jwtauth_config_set(&ta_cfg, &ta_cfg.groups_claim, "g", 1, NULL), JWTAUTH_OK);
	/* array: every string element; others ignored */
	CHECK_RC(ta_auth_payload("tom", "{\"sub\":\"tom\",\"g\":[\"a\",1,\"b\\/c\",null,[\"x\"],\"\",\"z\\u0000\",\"d\"]}", &e),
		JWTAUTH_OK);
	CHECK_EQ(ta_login.n_groups, 3);
	CHECK(strcmp(ta_login.groups[0].p, "a") == 0);
	CHECK(strcmp(ta_login.groups[1].p, "b/c") == 0 && ta_login.groups[1].len == 3);
	CHECK(strcmp(ta_login.groups[2].p, "d") == 0);
	/* one string: one group */
	CHECK_RC(ta_auth_payload("tom", "{\"sub\":\"tom\",\"g\":\"solo\"}", &e), JWTAUTH_OK);
	CHECK_EQ(ta_login.n_groups, 1);
	CHECK(strcmp(ta_login.groups[0].p, "solo") == 0);
	/* anything else: none */
	CHECK_RC(ta_auth_payload("tom", "{\"sub\":\"tom\",\"g\":{\"a\":\"b\"}}", &e), JWTAUTH_OK);
	CHECK_EQ(ta_login.n_groups, 0);
	CHECK_RC(ta_auth_payload("tom", "{\"sub\":\"tom\",\"g\":7}", &e), JWTAUTH_OK);
	CHECK_EQ(ta_login.n_groups, 0);
	CHECK_RC(ta_auth_payload("tom", "{\"sub\":\"tom\"}", &e), JWTAUTH_OK);
	CHECK_EQ(ta_login.n_groups, 0);
	/* nested dotted path */
	CHECK_RC(jwtauth_config_set(&ta_cfg, &ta_cfg.groups_claim, "resource_access.starrocks.roles", 31, NULL), JWTAUTH_OK);
	CHECK_RC(ta_auth_payload("tom", "{\"sub\":\"tom\",\"resource_access\":{\"starrocks\":{\"roles\":[\"r1\",\"r2\"]}}}", &e),
		JWTAUTH_OK);
	CHECK_EQ(ta_login.n_groups, 2);
	CHECK(strcmp(ta_login.groups[1].p, "r2") == 0);
	/* permitted groups: byte-exact, any one suffices */
	CHECK_RC(jwtauth_config_set_list(&ta_cfg, ta_cfg.permitted_groups, &ta_cfg.n_permitted_groups,
		"r0, r2", 6, NULL), JWTAUTH_OK);
	CHECK_RC(ta_auth_payload("tom", "{\"sub\":\"tom\",\"resource_access\":{\"starrocks\":{\"roles\":[\"r1\",\"r2\"]}}}", &e),
		JWTAUTH_OK);
	CHECK_RC(ta_auth_payload("tom", "{\"sub\":\"tom\",\"resource_access\":{\"starrocks\":{\"roles\":[\"r1\",\"R2\",\"r\"]}}}", &e),
		JWTAUTH_ERR_GROUP);
	CHECK_RC(ta_auth_payload("tom", "{\"sub\":\"tom\",\"resource_access\":{\"starrocks\":{\"roles\":\"r0\"}}}", &e),
		JWTAUTH_OK);
	/* the principal is checked before the groups */
	CHECK_RC(ta_auth_payload("jerry", "{\"sub\":\"tom\",\"resource_access\":{\"starrocks\":{\"roles\":\"r0\"}}}", &e),
		JWTAUTH_ERR_PRINCIPAL_MISMATCH);
	/* capacity: JWTAUTH_MAX_GROUPS fit, one more is TOO_LARGE */
	jwtauth_config_init(&ta_cfg);
	CHECK_RC(jwtauth_config_set(&ta_cfg, &ta_cfg.groups_claim, "g", 1, NULL), JWTAUTH_OK);
	n = (size_t)snprintf(payload, sizeof payload, "{\"sub\":\"tom\",\"g\":[");
	for (i = 0; i < JWTAUTH_MAX_GROUPS; i++)
		n += (size_t)snprintf(payload + n, sizeof payload - n, "%s\"g%u\"", i ? "," : "", (unsigned)i);
	snprintf(payload + n, sizeof payload - n, "]}");
	CHECK_RC(ta_auth_payload("tom", payload, &e), JWTAUTH_OK);
	CHECK_EQ(ta_login.n_groups, JWTAUTH_MAX_GROUPS);
	snprintf(payload + n, sizeof payload - n, ",\"one-more\"]}");
	CHECK_RC(ta_auth_payload("tom", payload, &e), JWTAUTH_ERR_TOO_LARGE);
	CHECK(ta_detail_is(&e, "g"));
	/* the group store: a few long names fill it */
	n = (size_t)snprintf(payload, sizeof payload, "{\"sub\":\"tom\",\"g\":[");
	for (i = 0; i < 3; i++) {
		payload[n++] = i ? ',' : ' ';
		payload[n++] = '"';
		memset(payload + n, (int)('a' + i), 400);
		n += 400;
		payload[n++] = '"';
	}
	snprintf(payload + n, sizeof payload - n, "]}");
	CHECK_RC(ta_auth_payload("tom", payload, &e), JWTAUTH_ERR_TOO_LARGE);
}

static const test_case t_auth_tests[] = {
	{ "seed", ta_seed },
	{ "seed_rejections", ta_seed_rejections },
	{ "seed_groups", ta_seed_groups },
	{ "principal", ta_principal },
	{ "groups", ta_groups },
	{ NULL, NULL }
};
