/* t_embedded.c - the restricted configurations and the buffers tied to
   limits: error strings with and without JWTAUTH_NO_ERROR_STRINGS, standard
   base64 key members decoded a chunk at a time, the PEM DER buffer sized
   from JWTAUTH_MAX_RSA_BITS and the property-object token bound
   (JWTAUTH_MAX_CONFIG_TOKENS). */

static jwtauth_keyset emb_ks;
static jwtauth_config emb_cfg;

static void emb_error_strings(void)
{
#ifdef JWTAUTH_NO_ERROR_STRINGS
	CHECK(strcmp(jwtauth_strerror(JWTAUTH_ERR_SIGNATURE), "") == 0);
	CHECK(strcmp(jwtauth_strerror(JWTAUTH_OK), "") == 0);
#else
	CHECK(strcmp(jwtauth_strerror(JWTAUTH_OK), "success") == 0);
	CHECK(strcmp(jwtauth_strerror(JWTAUTH_ERR_ARGUMENT), "invalid argument") == 0);
#endif
	/* the names stay in every configuration */
	CHECK(strcmp(jwtauth_error_name(JWTAUTH_ERR_SIGNATURE), "SIGNATURE") == 0);
}

/* The same 2048-bit modulus as base64url and as padded standard base64
   (344 characters: six 64-character chunks and a partial one). */
static const char emb_n_url[] =
	"rdjpAE_ZVExLSskQlpaM0enwpd6PC-cVysZRLTA32MMs6aUPSzHBzw6VnqfGx5msiaVCZ6wxyyNOQto0"
	"EvrbATF0T3a-OjqFqYBvq2_S4xXgG3KKdF6ZZO0UwU9ofawf0oSpESYE5xKGBWg7u29B5NGiJ7tUUVW4"
	"wm9S8Ru2sJqRQ9feB9p6miWP16WY-3O_GdCFP_ki7WA9TmAzbdbzkDDZrQLDiW_wQ2YXK8eTDb7fPhMO"
	"721fGPOx7B23g_kaUKs95WnacyB84yRKZZxlFPiS4NVGBUFzWSyEeNCVF7mFlcEPO_yW0l1mogdbxf6z"
	"YKAnaeFm2X1UCM7Rsr7T1Q";

static int emb_load_n(const char *n)
{
	char doc[1024];
	snprintf(doc, sizeof doc, "{\"kty\":\"RSA\",\"e\":\"AQAB\",\"n\":\"%s\"}", n);
	if (jwtauth_keyset_parse(&emb_ks, doc, strlen(doc), NULL) != JWTAUTH_OK
	    && emb_ks.count == 0)
		return -1;
	return emb_ks.keys[0].status;
}

static void emb_b64_std_chunks(void)
{
	char std[400];
	uint8_t n_url[256];
	size_t i, len = strlen(emb_n_url);
	CHECK_EQ(len, 342);
	for (i = 0; i < len; i++)
		std[i] = emb_n_url[i] == '-' ? '+' : emb_n_url[i] == '_' ? '/' : emb_n_url[i];
	std[len] = '=';
	std[len + 1] = '=';
	std[len + 2] = 0;
	CHECK_RC(emb_load_n(emb_n_url), JWTAUTH_OK);
	memcpy(n_url, emb_ks.keys[0].u.rsa.n, 256);
	CHECK_RC(emb_load_n(std), JWTAUTH_OK);
	CHECK_EQ(emb_ks.keys[0].u.rsa.n_len, 256);
	CHECK(memcmp(emb_ks.keys[0].u.rsa.n, n_url, 256) == 0);
	/* a bad character in the last chunk, then in the first */
	std[len - 1] = '*';
	CHECK_RC(emb_load_n(std), JWTAUTH_ERR_KEY_MEMBER);
	std[len - 1] = emb_n_url[len - 1];
	std[3] = '-';
	CHECK_RC(emb_load_n(std), JWTAUTH_ERR_KEY_MEMBER);
	std[3] = emb_n_url[3];
	/* non-canonical trailing bits at the very end ('Q' -> 'R') */
	std[len - 1] = 'R';
	CHECK_RC(emb_load_n(std), JWTAUTH_ERR_KEY_MEMBER);
	std[len - 1] = 'Q';
	/* wrong padding length */
	std[len + 1] = 0;
	CHECK_RC(emb_load_n(std), JWTAUTH_ERR_KEY_MEMBER);
}

static void emb_pem_der_limit(void)
{
	size_t len = 0;
	char path[256];
	char *pem;
	snprintf(path, sizeof path, "tests/fixtures/keys/rsa4096.spki.pem");
	pem = tl_read_file(path, &len);
	CHECKF(pem != NULL, "%s missing", path);
	if (!pem) return;
#if JWTAUTH_MAX_RSA_BITS >= 4096
	CHECK_RC(jwtauth_keyset_parse(&emb_ks, pem, len, NULL), JWTAUTH_OK);
	CHECK_EQ(emb_ks.keys[0].u.rsa.bits, 4096);
#else
	/* over the DER buffer: said as what it is, an RSA key over the limit */
	CHECK_RC(jwtauth_keyset_parse(&emb_ks, pem, len, NULL), JWTAUTH_ERR_KEYSET_EMPTY);
	CHECK_RC(emb_ks.keys[0].status, JWTAUTH_ERR_KEY_RSA_SIZE);
#endif
	free(pem);
	/* the PKCS#1 form too */
	pem = tl_read_file("tests/fixtures/keys/rsa4096.pkcs1.pem", &len);
	CHECK(pem != NULL);
	if (!pem) return;
#if JWTAUTH_MAX_RSA_BITS >= 4096
	CHECK_RC(jwtauth_keyset_parse(&emb_ks, pem, len, NULL), JWTAUTH_OK);
#else
	CHECK_RC(jwtauth_keyset_parse(&emb_ks, pem, len, NULL), JWTAUTH_ERR_KEYSET_EMPTY);
	CHECK_RC(emb_ks.keys[0].status, JWTAUTH_ERR_KEY_RSA_SIZE);
#endif
	free(pem);
}

/* Every member of an integration, each list JWTAUTH_MAX_LIST items long:
   the largest property object accepted fits JWTAUTH_MAX_CONFIG_TOKENS. */
static void emb_config_tokens(void)
{
	static char doc[8192];
	static const char *const lists[] = { "required_issuer", "required_audience", "permitted_groups" };
	size_t n = 0, l, i;
	jwtauth_error err;
	n += (size_t)snprintf(doc + n, sizeof doc - n, "{\"type\":\"authentication_jwt\","
		"\"jwks_url\":\"k.json\",\"principal_field\":\"sub\",\"group_provider\":\"g\","
		"\"comment\":\"c\"");
	for (l = 0; l < 3; l++) {
		n += (size_t)snprintf(doc + n, sizeof doc - n, ",\"%s\":[", lists[l]);
		for (i = 0; i < JWTAUTH_MAX_LIST; i++)
			n += (size_t)snprintf(doc + n, sizeof doc - n, "%s\"%c%u\"", i ? "," : "",
				'a' + (int)l, (unsigned)i);
		n += (size_t)snprintf(doc + n, sizeof doc - n, "]");
	}
	n += (size_t)snprintf(doc + n, sizeof doc - n, "}");
	CHECK(n < sizeof doc);
	CHECK_RC(jwtauth_integration_parse(&emb_cfg, doc, n, &err), JWTAUTH_OK);
	CHECK_EQ(emb_cfg.claims.n_issuers, JWTAUTH_MAX_LIST);
	CHECK_EQ(emb_cfg.claims.n_audiences, JWTAUTH_MAX_LIST);
	CHECK_EQ(emb_cfg.n_permitted_groups, JWTAUTH_MAX_LIST);
	/* far more values than any property object has: TOO_LARGE, not a crash */
	n = 0;
	n += (size_t)snprintf(doc + n, sizeof doc - n, "{\"required_issuer\":[");
	for (i = 0; i < JWTAUTH_MAX_CONFIG_TOKENS; i++)
		n += (size_t)snprintf(doc + n, sizeof doc - n, "%s\"i\"", i ? "," : "");
	n += (size_t)snprintf(doc + n, sizeof doc - n, "]}");
	CHECK(n < sizeof doc);
	CHECK_RC(jwtauth_config_parse(&emb_cfg, doc, n, &err), JWTAUTH_ERR_TOO_LARGE);
}

static const test_case t_embedded_tests[] = {
	{ "emb_error_strings", emb_error_strings },
	{ "emb_b64_std_chunks", emb_b64_std_chunks },
	{ "emb_pem_der_limit", emb_pem_der_limit },
	{ "emb_config_tokens", emb_config_tokens },
	{ NULL, NULL }
};
