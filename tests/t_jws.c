/* t_jws.c - compact JWS verification: structure, header rules, alg
   allowlist, key selection, and the fixture tokens end to end. Header
   cases are built here with HS256 (BearSSL's HMAC signs them). */

static const uint8_t jws_secret[32] = {
	1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
	17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32
};

/* Make "b64(header).b64(payload).b64(HMAC-SHA256)" into out. */
static size_t jws_make(const char *header, const char *payload, char *out, size_t cap)
{
	br_hmac_key_context kc;
	br_hmac_context hc;
	uint8_t tag[32];
	size_t n = 0, k;
	jwtauth_b64url_encode((const uint8_t *)header, strlen(header), out, cap, &k);
	n += k;
	out[n++] = '.';
	jwtauth_b64url_encode((const uint8_t *)payload, strlen(payload), out + n, cap - n, &k);
	n += k;
	br_hmac_key_init(&kc, &br_sha256_vtable, jws_secret, sizeof jws_secret);
	br_hmac_init(&hc, &kc, 0);
	br_hmac_update(&hc, out, n);
	br_hmac_out(&hc, tag);
	out[n++] = '.';
	jwtauth_b64url_encode(tag, sizeof tag, out + n, cap - n, &k);
	n += k;
	out[n] = 0;
	return n;
}

/* A set holding the test secret under the given JWK members. */
static int jws_keyset(const char *members)
{
	char doc[512], k[64];
	size_t klen;
	jwtauth_b64url_encode(jws_secret, sizeof jws_secret, k, sizeof k, &klen);
	k[klen] = 0;
	snprintf(doc, sizeof doc, "{\"keys\":[{\"kty\":\"oct\",\"k\":\"%s\"%s%s}]}",
		k, members[0] ? "," : "", members);
	return jwtauth_keyset_parse(&fx_ks, doc, strlen(doc), NULL);
}

static int jws_check(const char *header, const char *payload, unsigned algs)
{
	char tok[2048];
	size_t n = jws_make(header, payload, tok, sizeof tok);
	return jwtauth_jws_verify_signature_only(&fx_ks, tok, n, algs, &fx_jwt, NULL);
}

static void jws_header_rules(void)
{
	static const struct { const char *header; int want; } cases[] = {
		{ "{\"alg\":\"HS256\"}", JWTAUTH_OK },
		{ "{\"alg\":\"HS256\",\"typ\":\"JWT\"}", JWTAUTH_OK },
		{ " {\r\n \"alg\" : \"HS256\" } ", JWTAUTH_OK },
		{ "{\"alg\":\"HS\\u0032\\u00356\"}", JWTAUTH_OK },
		/* keys are never taken from the token */
		{ "{\"alg\":\"HS256\",\"jku\":\"https://evil\",\"x5u\":\"https://evil\",\"jwk\":{}}", JWTAUTH_OK },
		{ "{\"alg\":\"none\"}", JWTAUTH_ERR_ALG_NONE },
		{ "{\"alg\":\"nOnE\"}", JWTAUTH_ERR_ALG_NONE },
		{ "{\"alg\":\"hs256\"}", JWTAUTH_ERR_ALG_UNKNOWN },
		{ "{\"alg\":\"Ed448\"}", JWTAUTH_ERR_ALG_UNKNOWN },
		{ "{\"alg\":\"EdDSA\"}", JWTAUTH_ERR_NO_KEY },
		{ "{\"alg\":\"HS256 \"}", JWTAUTH_ERR_ALG_UNKNOWN },
		{ "{\"alg\":\"HS2560000000000000000000\"}", JWTAUTH_ERR_ALG_UNKNOWN },
		{ "{\"alg\":\"\"}", JWTAUTH_ERR_ALG_UNKNOWN },
		{ "{\"alg\":256}", JWTAUTH_ERR_HEADER },
		{ "{\"alg\":null}", JWTAUTH_ERR_HEADER },
		{ "{\"typ\":\"JWT\"}", JWTAUTH_ERR_HEADER },
		{ "[\"HS256\"]", JWTAUTH_ERR_HEADER },
		{ "\"HS256\"", JWTAUTH_ERR_HEADER },
		{ "{\"alg\":\"HS256\",\"alg\":\"HS256\"}", JWTAUTH_ERR_HEADER },
		{ "{\"alg\":\"HS256\",\"\\u0061lg\":\"none\"}", JWTAUTH_ERR_HEADER },
		{ "{\"alg\":\"HS256\"", JWTAUTH_ERR_HEADER },
		{ "{\"alg\":\"HS256\"} x", JWTAUTH_ERR_HEADER },
		{ "{\"alg\":\"HS256\",\"crit\":[\"exp\"],\"exp\":1}", JWTAUTH_ERR_CRIT },
		{ "{\"alg\":\"HS256\",\"crit\":[\"b64\"],\"b64\":false}", JWTAUTH_ERR_CRIT },
		{ "{\"alg\":\"HS256\",\"b64\":true}", JWTAUTH_ERR_CRIT },
		{ "{\"alg\":\"HS256\",\"kid\":7}", JWTAUTH_ERR_HEADER },
		{ "{\"alg\":\"HS256\",\"kid\":\"nope\"}", JWTAUTH_ERR_KID_UNKNOWN }
	};
	size_t i;
	CHECK_RC(jws_keyset(""), JWTAUTH_OK);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int rc = jws_check(cases[i].header, "{}", JWTAUTH_ALGS_ALL);
		CHECKF(rc == cases[i].want, "header %s: got %s, expected %s", cases[i].header,
			jwtauth_error_name(rc), jwtauth_error_name(cases[i].want));
	}
}

/* The token's kid, raw or escaped, up to JWTAUTH_MAX_KID_LEN bytes. */
static void jws_kid_forms(void)
{
	char kid[JWTAUTH_MAX_KID_LEN + 2], members[JWTAUTH_MAX_KID_LEN + 16],
		header[JWTAUTH_MAX_KID_LEN + 64];
	jwtauth_error err;
	char tok[2048];
	size_t n;
	memset(kid, 'k', sizeof kid);
	kid[JWTAUTH_MAX_KID_LEN] = 0;
	snprintf(members, sizeof members, "\"kid\":\"%s\"", kid);
	CHECK_RC(jws_keyset(members), JWTAUTH_OK);
	/* exactly the longest kid: found, and copied out whole */
	snprintf(header, sizeof header, "{\"alg\":\"HS256\",\"kid\":\"%s\"}", kid);
	CHECK_RC(jws_check(header, "{}", JWTAUTH_ALGS_ALL), JWTAUTH_OK);
	CHECK_EQ(fx_jwt.kid_len, JWTAUTH_MAX_KID_LEN);
	CHECK(fx_jwt.has_kid && strcmp(fx_jwt.kid, kid) == 0);
	/* one byte longer: no key can carry it */
	kid[JWTAUTH_MAX_KID_LEN] = 'k';
	kid[JWTAUTH_MAX_KID_LEN + 1] = 0;
	snprintf(header, sizeof header, "{\"alg\":\"HS256\",\"kid\":\"%s\"}", kid);
	n = jws_make(header, "{}", tok, sizeof tok);
	CHECK_RC(jwtauth_jws_verify_signature_only(&fx_ks, tok, n, JWTAUTH_ALGS_ALL, &fx_jwt, &err), JWTAUTH_ERR_KID_UNKNOWN);
	CHECK(TL_MSG_HAS(err.msg, "JWTAUTH_MAX_KID_LEN"));
	/* escaped: unescaped before the lookup */
	CHECK_RC(jws_keyset("\"kid\":\"k1\""), JWTAUTH_OK);
	CHECK_RC(jws_check("{\"alg\":\"HS256\",\"kid\":\"\\u006b1\"}", "{}", JWTAUTH_ALGS_ALL), JWTAUTH_OK);
	CHECK(fx_jwt.kid_len == 2 && strcmp(fx_jwt.kid, "k1") == 0);
	CHECK_RC(jws_check("{\"alg\":\"HS256\",\"kid\":\"k\\u0031\"}", "{}", JWTAUTH_ALGS_ALL), JWTAUTH_OK);
	CHECK_RC(jws_check("{\"alg\":\"HS256\",\"kid\":\"k1 \"}", "{}", JWTAUTH_ALGS_ALL), JWTAUTH_ERR_KID_UNKNOWN);
	CHECK_RC(jws_check("{\"alg\":\"HS256\",\"kid\":\"\"}", "{}", JWTAUTH_ALGS_ALL), JWTAUTH_ERR_KID_UNKNOWN);
}

static void jws_allowlist(void)
{
	unsigned algs = 0;
	CHECK_RC(jws_keyset(""), JWTAUTH_OK);
	CHECK_RC(jws_check("{\"alg\":\"HS256\"}", "{}", JWTAUTH_ALG_BIT(JWTAUTH_ALG_RS256)),
		JWTAUTH_ERR_ALG_NOT_ALLOWED);
	CHECK_RC(jws_check("{\"alg\":\"HS256\"}", "{}", JWTAUTH_ALG_BIT(JWTAUTH_ALG_HS256)), JWTAUTH_OK);
	CHECK_RC(jwtauth_algs_parse("RS256, HS256 ,ES512", 19, &algs, NULL), JWTAUTH_OK);
	CHECK_EQ(algs, JWTAUTH_ALG_BIT(JWTAUTH_ALG_RS256) | JWTAUTH_ALG_BIT(JWTAUTH_ALG_HS256)
		| JWTAUTH_ALG_BIT(JWTAUTH_ALG_ES512));
	CHECK_RC(jwtauth_algs_parse("RS256,none", 10, &algs, NULL), JWTAUTH_ERR_ALG_UNKNOWN);
	CHECK_RC(jwtauth_algs_parse(" , ", 3, &algs, NULL), JWTAUTH_ERR_ALG_UNKNOWN);
	/* The allowlist is checked before the key: an unknown kid with a
	   refused alg reports the alg. */
	CHECK_RC(jws_check("{\"alg\":\"HS256\",\"kid\":\"nope\"}", "{}", JWTAUTH_ALG_BIT(JWTAUTH_ALG_RS256)),
		JWTAUTH_ERR_ALG_NOT_ALLOWED);
}

static void jws_key_selection(void)
{
	/* The key's own alg, use and key_ops must allow the token. */
	CHECK_RC(jws_keyset("\"alg\":\"HS256\""), JWTAUTH_OK);
	CHECK_RC(jws_check("{\"alg\":\"HS256\"}", "{}", JWTAUTH_ALGS_ALL), JWTAUTH_OK);
	CHECK_RC(jws_keyset("\"use\":\"enc\""), JWTAUTH_OK);
	CHECK_RC(jws_check("{\"alg\":\"HS256\"}", "{}", JWTAUTH_ALGS_ALL), JWTAUTH_ERR_NO_KEY);
	CHECK_RC(jws_keyset("\"use\":\"enc\",\"kid\":\"a\""), JWTAUTH_OK);
	CHECK_RC(jws_check("{\"alg\":\"HS256\",\"kid\":\"a\"}", "{}", JWTAUTH_ALGS_ALL), JWTAUTH_ERR_KEY_UNFIT);
	CHECK_RC(jws_keyset("\"key_ops\":[\"sign\"]"), JWTAUTH_OK);
	CHECK_RC(jws_check("{\"alg\":\"HS256\"}", "{}", JWTAUTH_ALGS_ALL), JWTAUTH_ERR_NO_KEY);
	CHECK_RC(jws_keyset("\"key_ops\":[\"sign\",\"verify\"],\"use\":\"sig\""), JWTAUTH_OK);
	CHECK_RC(jws_check("{\"alg\":\"HS256\"}", "{}", JWTAUTH_ALGS_ALL), JWTAUTH_OK);
	/* A 32-byte secret cannot serve HS384 (RFC 7518 3.2). */
	CHECK_RC(jws_keyset(""), JWTAUTH_OK);
	CHECK_RC(jws_check("{\"alg\":\"HS384\"}", "{}", JWTAUTH_ALGS_ALL), JWTAUTH_ERR_NO_KEY);
	/* kid compared after unescaping, exactly. */
	CHECK_RC(jws_keyset("\"kid\":\"k/1\""), JWTAUTH_OK);
	CHECK_RC(jws_check("{\"alg\":\"HS256\",\"kid\":\"k\\/1\"}", "{}", JWTAUTH_ALGS_ALL), JWTAUTH_OK);
	CHECK_RC(jws_check("{\"alg\":\"HS256\",\"kid\":\"k/\"}", "{}", JWTAUTH_ALGS_ALL), JWTAUTH_ERR_KID_UNKNOWN);
	CHECK_RC(jws_check("{\"alg\":\"HS256\",\"kid\":\"k/12\"}", "{}", JWTAUTH_ALGS_ALL), JWTAUTH_ERR_KID_UNKNOWN);
	CHECK_RC(jws_check("{\"alg\":\"HS256\",\"kid\":\"K/1\"}", "{}", JWTAUTH_ALGS_ALL), JWTAUTH_ERR_KID_UNKNOWN);
	/* Without kid a set's keys are tried; the verifying one is reported. */
	CHECK_RC(jws_check("{\"alg\":\"HS256\"}", "{}", JWTAUTH_ALGS_ALL), JWTAUTH_OK);
	CHECK(fx_jwt.key == &fx_ks.keys[0]);
	CHECK_EQ(fx_jwt.has_kid, 0);
}

static void jws_ambiguous_kid(void)
{
	char doc[512], k[64];
	size_t klen;
	jwtauth_b64url_encode(jws_secret, sizeof jws_secret, k, sizeof k, &klen);
	k[klen] = 0;
	snprintf(doc, sizeof doc, "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"a\",\"k\":\"%s\"},"
		"{\"kty\":\"oct\",\"kid\":\"a\",\"k\":\"%s\"}]}", k, k);
	CHECK_RC(jwtauth_keyset_parse(&fx_ks, doc, strlen(doc), NULL), JWTAUTH_OK);
	CHECK_RC(jws_check("{\"alg\":\"HS256\",\"kid\":\"a\"}", "{}", JWTAUTH_ALGS_ALL), JWTAUTH_ERR_KID_AMBIGUOUS);
	/* Two keys under one kid, only one of them for signatures: fine. */
	snprintf(doc, sizeof doc, "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"a\",\"use\":\"enc\",\"k\":\"%s\"},"
		"{\"kty\":\"oct\",\"kid\":\"a\",\"k\":\"%s\"}]}", k, k);
	CHECK_RC(jwtauth_keyset_parse(&fx_ks, doc, strlen(doc), NULL), JWTAUTH_OK);
	CHECK_RC(jws_check("{\"alg\":\"HS256\",\"kid\":\"a\"}", "{}", JWTAUTH_ALGS_ALL), JWTAUTH_OK);
	CHECK(fx_jwt.key == &fx_ks.keys[1]);
}

static void jws_structure(void)
{
	char tok[2048], bad[2100];
	jwtauth_error err;
	size_t n;
	CHECK_RC(jws_keyset(""), JWTAUTH_OK);
	n = jws_make("{\"alg\":\"HS256\"}", "{\"sub\":\"tom\"}", tok, sizeof tok);
	CHECK_RC(jwtauth_jws_verify_signature_only(&fx_ks, tok, n, JWTAUTH_ALGS_ALL, &fx_jwt, &err), JWTAUTH_OK);
	CHECK_EQ(fx_jwt.payload_len, 13);
	CHECK(memcmp(fx_jwt.payload, "{\"sub\":\"tom\"}", 13) == 0);
	CHECK_EQ(fx_jwt.payload[13], 0);
	CHECK_EQ(fx_jwt.alg, JWTAUTH_ALG_HS256);
	CHECK_RC(jwtauth_jws_verify_signature_only(&fx_ks, tok, 0, JWTAUTH_ALGS_ALL, &fx_jwt, &err), JWTAUTH_ERR_TOKEN_SIZE);
	CHECK_RC(jwtauth_jws_verify_signature_only(&fx_ks, NULL, 0, JWTAUTH_ALGS_ALL, &fx_jwt, &err), JWTAUTH_ERR_TOKEN_SIZE);
	CHECK(jwtauth_jws_verify_signature_only(&fx_ks, tok, n - 1, JWTAUTH_ALGS_ALL, &fx_jwt, &err) != JWTAUTH_OK);
	/* Four or two parts. */
	snprintf(bad, sizeof bad, "%s.", tok);
	CHECK_RC(jwtauth_jws_verify_signature_only(&fx_ks, bad, n + 1, JWTAUTH_ALGS_ALL, &fx_jwt, &err), JWTAUTH_ERR_TOKEN_FORMAT);
	CHECK_EQ(err.offset, n);
	CHECK_RC(jwtauth_jws_verify_signature_only(&fx_ks, tok, (size_t)(strrchr(tok, '.') - tok), JWTAUTH_ALGS_ALL, &fx_jwt, &err),
		JWTAUTH_ERR_TOKEN_FORMAT);
	CHECK_RC(jwtauth_jws_verify_signature_only(&fx_ks, "..", 2, JWTAUTH_ALGS_ALL, &fx_jwt, &err), JWTAUTH_ERR_TOKEN_FORMAT);
	/* Signature stripped. */
	CHECK_RC(jwtauth_jws_verify_signature_only(&fx_ks, tok, (size_t)(strrchr(tok, '.') - tok) + 1, JWTAUTH_ALGS_ALL, &fx_jwt, &err),
		JWTAUTH_ERR_SIGNATURE);
	/* Base64url errors carry the offset in the token. */
	memcpy(bad, tok, n + 1);
	bad[3] = '+';
	CHECK_RC(jwtauth_jws_verify_signature_only(&fx_ks, bad, n, JWTAUTH_ALGS_ALL, &fx_jwt, &err), JWTAUTH_ERR_B64_CHAR);
	CHECK_EQ(err.offset, 3);
	memcpy(bad, tok, n + 1);
	bad[strchr(tok, '.') - tok + 2] = '=';
	CHECK_RC(jwtauth_jws_verify_signature_only(&fx_ks, bad, n, JWTAUTH_ALGS_ALL, &fx_jwt, &err), JWTAUTH_ERR_B64_CHAR);
	CHECK_EQ(err.offset, (size_t)(strchr(tok, '.') - tok + 2));
	snprintf(bad, sizeof bad, "%s=", tok);
	CHECK_RC(jwtauth_jws_verify_signature_only(&fx_ks, bad, n + 1, JWTAUTH_ALGS_ALL, &fx_jwt, &err), JWTAUTH_ERR_B64_CHAR);
	CHECK_EQ(err.offset, n);
	/* A signature longer than any key's. */
	{
		char big[JWTAUTH_MAX_TOKEN_LEN + 8];
		size_t m = (size_t)(strrchr(tok, '.') - tok) + 1;
		memcpy(big, tok, m);
		memset(big + m, 'A', 1000);
		CHECK_RC(jwtauth_jws_verify_signature_only(&fx_ks, big, m + 1000, JWTAUTH_ALGS_ALL, &fx_jwt, &err), JWTAUTH_ERR_SIGNATURE);
		memset(big, 'A', sizeof big);
		CHECK_RC(jwtauth_jws_verify_signature_only(&fx_ks, big, JWTAUTH_MAX_TOKEN_LEN + 1, JWTAUTH_ALGS_ALL, &fx_jwt, &err),
			JWTAUTH_ERR_TOKEN_SIZE);
	}
}

/* The payload is returned as bytes; it need not be JSON. */
static void jws_binary_payload(void)
{
	char tok[2048];
	size_t n;
	CHECK_RC(jws_keyset(""), JWTAUTH_OK);
	n = jws_make("{\"alg\":\"HS256\"}", "not json \x01", tok, sizeof tok);
	CHECK_RC(jwtauth_jws_verify_signature_only(&fx_ks, tok, n, JWTAUTH_ALGS_ALL, &fx_jwt, NULL), JWTAUTH_OK);
	CHECK_EQ(fx_jwt.payload_len, 10);
	n = jws_make("{\"alg\":\"HS256\"}", "", tok, sizeof tok);
	CHECK_RC(jwtauth_jws_verify_signature_only(&fx_ks, tok, n, JWTAUTH_ALGS_ALL, &fx_jwt, NULL), JWTAUTH_OK);
	CHECK_EQ(fx_jwt.payload_len, 0);
}

static void jws_decode_unverified(void)
{
	char tok[2048];
	size_t n = jws_make("{\"alg\":\"none\",\"kid\":\"x\"}", "{\"a\":[1,2]}", tok, sizeof tok);
	CHECK_RC(jwtauth_jws_decode_unverified(tok, n, &fx_jwt, NULL), JWTAUTH_OK);
	CHECK_EQ(fx_jwt.alg, JWTAUTH_ALG_UNKNOWN);
	CHECK(strcmp(fx_jwt.kid, "x") == 0);
	CHECK_EQ(fx_jwt.payload_ntoks, 5);
	CHECK_EQ(fx_jwt.toks[fx_jwt.payload_tok].type, JWTAUTH_JSON_OBJECT);
	CHECK(fx_jwt.key == NULL);
	CHECK_RC(jwtauth_jws_decode_unverified("e.e.e", 5, &fx_jwt, NULL), JWTAUTH_ERR_B64_LENGTH);
}

/* Every row of tests/fixtures/tokens.tsv whose outcome is decided by the
   signature layer (claims rows verify here and fail later, in t_auth). */
static void jws_fixture_manifest(void)
{
	size_t len, rows = 0;
	char *tsv = fx_read("tokens.tsv", &len);
	char *line, *eol;
	CHECKF(tsv != NULL, "missing tests/fixtures/tokens.tsv");
	for (line = tsv; *line; line = eol + 1) {
		char name[128], jwks[128], want[64], path[256];
		jwtauth_error err;
		size_t tlen;
		char *tok;
		int rc;
		eol = strchr(line, '\n');
		if (!eol) eol = line + strlen(line) - 1;
		else *eol = 0;
		if (line[0] == '#' || sscanf(line, "%127s %127s %63s", name, jwks, want) != 3) continue;
		snprintf(path, sizeof path, "tokens/%s.jwt", name);
		tok = fx_read(path, &tlen);
		if (!tok) { free(tsv); CHECKF(0, "missing fixture %s", path); }
		rc = fx_load(&fx_ks, jwks, &err);
		if (rc == JWTAUTH_OK) rc = jwtauth_jws_verify_signature_only(&fx_ks, tok, tlen, JWTAUTH_ALGS_ALL, &fx_jwt, &err);
		free(tok);
		if (strcmp(want, "ok") == 0 || strcmp(want, "EXPIRED") == 0
		    || strcmp(want, "NOT_YET_VALID") == 0) {
			if (rc != JWTAUTH_OK) free(tsv);
			CHECKF(rc == JWTAUTH_OK, "%s with %s: %s (%s)", name, jwks, jwtauth_error_name(rc), err.msg);
		} else {
			if (strcmp(jwtauth_error_name(rc), want) != 0) free(tsv);
			CHECKF(strcmp(jwtauth_error_name(rc), want) == 0, "%s with %s: got %s, expected %s",
				name, jwks, jwtauth_error_name(rc), want);
		}
		rows++;
	}
	free(tsv);
	printf("  %u manifest rows checked\n", (unsigned)rows);
	CHECK(rows >= 40);
}

/* The limits at their edge: a token of exactly JWTAUTH_MAX_TOKEN_LEN
   bytes, no kid, JWTAUTH_MAX_KEYS fitting secrets with the right one last
   (every key is tried), a payload nested to the depth limit; one byte or
   one level more is refused. */
static void jws_limits_edge(void)
{
	static char payload[JWTAUTH_MAX_TOKEN_LEN], tok[JWTAUTH_MAX_TOKEN_LEN + 64];
	uint8_t other[32];
	size_t i, n = 0, len, room;
	int d;
	jwtauth_keyset_init(&fx_ks);
	for (i = 0; i + 1 < JWTAUTH_MAX_KEYS; i++) {
		memset(other, (int)(0x40 + i), sizeof other);
		CHECK_RC(jwtauth_keyset_add_oct(&fx_ks, other, sizeof other, JWTAUTH_ALG_UNKNOWN, NULL, 0), JWTAUTH_OK);
	}
	CHECK_RC(jwtauth_keyset_add_oct(&fx_ks, jws_secret, sizeof jws_secret, JWTAUTH_ALG_UNKNOWN, NULL, 0), JWTAUTH_OK);
	/* header 20 chars + '.' + payload + '.' + 43-char tag = 8192 */
	room = JWTAUTH_MAX_TOKEN_LEN - 20 - 2 - 43;          /* base64url characters */
	room = (room / 4) * 3 + (room % 4 ? room % 4 - 1 : 0); /* payload bytes */
	n += (size_t)sprintf(payload, "{\"sub\":\"tom\",\"n\":");
	for (d = 1; d < JWTAUTH_MAX_JSON_DEPTH; d++) payload[n++] = '[';
	for (d = 1; d < JWTAUTH_MAX_JSON_DEPTH; d++) payload[n++] = ']';
	n += (size_t)sprintf(payload + n, ",\"pad\":\"");
	while (n < room - 2) payload[n++] = 'x';
	payload[n++] = '"';
	payload[n++] = '}';
	payload[n] = 0;
	len = jws_make("{\"alg\":\"HS256\"}", payload, tok, sizeof tok);
	CHECK_EQ(len, JWTAUTH_MAX_TOKEN_LEN);
	CHECK_RC(jwtauth_jws_verify_signature_only(&fx_ks, tok, len, JWTAUTH_ALGS_ALL, &fx_jwt, NULL), JWTAUTH_OK);
	CHECK(fx_jwt.key == &fx_ks.keys[JWTAUTH_MAX_KEYS - 1]);
	CHECK_RC(jwtauth_claims_check(&fx_jwt, NULL, 1800000000, NULL, NULL), JWTAUTH_OK);
	/* one level deeper: the payload is refused */
	memmove(payload + 21, payload + 20, n - 20 + 1);
	payload[20] = '[';
	memmove(payload + 22 + JWTAUTH_MAX_JSON_DEPTH, payload + 21 + JWTAUTH_MAX_JSON_DEPTH,
		strlen(payload + 21 + JWTAUTH_MAX_JSON_DEPTH) + 1);
	payload[21 + JWTAUTH_MAX_JSON_DEPTH] = ']';
	payload[strlen(payload) - 4] = 0;          /* keep the length: drop 2 pad bytes */
	strcat(payload, "\"}");
	len = jws_make("{\"alg\":\"HS256\"}", payload, tok, sizeof tok);
	CHECK(len <= JWTAUTH_MAX_TOKEN_LEN);
	CHECK_RC(jwtauth_jws_verify_signature_only(&fx_ks, tok, len, JWTAUTH_ALGS_ALL, &fx_jwt, NULL), JWTAUTH_OK);
	CHECK_RC(jwtauth_claims_check(&fx_jwt, NULL, 1800000000, NULL, NULL), JWTAUTH_ERR_CLAIMS);
	/* one byte more than the limit: refused before any work */
	len = jws_make("{\"alg\":\"HS256\"}", "{\"sub\":\"tom\"}", tok, sizeof tok);
	memset(tok + len, 'A', JWTAUTH_MAX_TOKEN_LEN + 1 - len);
	CHECK_RC(jwtauth_jws_verify_signature_only(&fx_ks, tok, JWTAUTH_MAX_TOKEN_LEN + 1, JWTAUTH_ALGS_ALL, &fx_jwt, NULL),
		JWTAUTH_ERR_TOKEN_SIZE);
}

static const test_case t_jws_tests[] = {
	{ "jws_limits_edge", jws_limits_edge },
	{ "jws_header_rules", jws_header_rules },
	{ "jws_kid_forms", jws_kid_forms },
	{ "jws_allowlist", jws_allowlist },
	{ "jws_key_selection", jws_key_selection },
	{ "jws_ambiguous_kid", jws_ambiguous_kid },
	{ "jws_structure", jws_structure },
	{ "jws_binary_payload", jws_binary_payload },
	{ "jws_decode_unverified", jws_decode_unverified },
	{ "jws_fixture_manifest", jws_fixture_manifest },
	{ NULL, NULL }
};
