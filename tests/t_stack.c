/* t_stack.c - what moved off the stack keeps its behaviour: the key
   document's JSON tokens in jwtauth_keyset.parse_tokens (zeroed after every
   parse), PEM objects decoded straight into the set's slots (the
   JWTAUTH_MAX_KEYS bound unchanged), and the JWS signature decoded into
   jwtauth_jwt.buf after the payload (the payload intact, the length bound
   JWTAUTH_MAX_RSA_BITS / 8 unchanged). The stack figures themselves are
   `make stack` and `make embedded`. */

static jwtauth_keyset stk_ks;
static jwtauth_jwt stk_jwt;

static int stk_workspace_zero(const jwtauth_keyset *ks)
{
	const unsigned char *p = (const unsigned char *)ks->parse_tokens;
	size_t i;
	for (i = 0; i < sizeof ks->parse_tokens; i++)
		if (p[i]) return 0;
	return 1;
}

static void stk_parse_workspace(void)
{
	static const char bad[] = "{\"keys\":[{\"kty\":\"oct\",\"k\":\"AAAA\"},]}";
	static const char one[] = "{\"kty\":\"oct\",\"kid\":\"a\","
		"\"k\":\"YqXnCI1RMceIBTsroWHjYL7e6FdkLV9cN6183-u3Rp8\"}";
	jwtauth_error err;
	CHECK_RC(fx_load(&stk_ks, "jwks/rsa.json", &err), JWTAUTH_OK);
	CHECK_EQ(stk_ks.count, 4);
	CHECK(stk_workspace_zero(&stk_ks));
	CHECK_RC(jwtauth_keyset_parse(&stk_ks, bad, sizeof bad - 1, &err), JWTAUTH_ERR_JSON_SYNTAX);
	CHECK(stk_workspace_zero(&stk_ks));
	CHECK_RC(jwtauth_keyset_parse(&stk_ks, one, sizeof one - 1, &err), JWTAUTH_OK);
	CHECK_EQ(stk_ks.count, 1);
	CHECK(stk_workspace_zero(&stk_ks));
	CHECK_RC(fx_load(&stk_ks, "jwks/ec.json", &err), JWTAUTH_OK);
	CHECK(stk_workspace_zero(&stk_ks));
}

/* n copies of one PEM public key, one after the other. */
static char *stk_pem_copies(size_t n, size_t *len)
{
	size_t one_len = 0, i;
	char *one = fx_read("keys/ec256.spki.pem", &one_len), *doc;
	if (!one) return NULL;
	doc = (char *)malloc(one_len * n + 1);
	if (!doc) { free(one); return NULL; }
	for (i = 0; i < n; i++) memcpy(doc + i * one_len, one, one_len);
	doc[one_len * n] = 0;
	*len = one_len * n;
	free(one);
	return doc;
}

static void stk_pem_slots(void)
{
	jwtauth_error err;
	size_t len = 0, i;
	char *doc = stk_pem_copies(JWTAUTH_MAX_KEYS, &len);
	CHECK(doc != NULL);
	if (!doc) return;
	CHECK_RC(jwtauth_keyset_parse(&stk_ks, doc, len, &err), JWTAUTH_OK);
	CHECK_EQ(stk_ks.count, JWTAUTH_MAX_KEYS);
	CHECK_EQ(stk_ks.usable, JWTAUTH_MAX_KEYS);
	for (i = 0; i < stk_ks.count; i++) {
		CHECK_EQ(stk_ks.keys[i].index, i);
		CHECK_RC(stk_ks.keys[i].status, JWTAUTH_OK);
		CHECK_EQ(stk_ks.keys[i].kty, JWTAUTH_KTY_EC);
	}
	free(doc);
	/* one object more than the set holds: refused whole, as before */
	doc = stk_pem_copies(JWTAUTH_MAX_KEYS + 1, &len);
	CHECK(doc != NULL);
	if (!doc) return;
	CHECK_RC(jwtauth_keyset_parse(&stk_ks, doc, len, &err), JWTAUTH_ERR_KEYSET_FULL);
	CHECK(err.offset > (len / (JWTAUTH_MAX_KEYS + 1)) * JWTAUTH_MAX_KEYS);
	CHECK_EQ(stk_ks.count, 0);
	CHECK_EQ(stk_ks.usable, 0);
	free(doc);
}

static void stk_sig_in_jwt(void)
{
	jwtauth_error err;
	size_t len = 0, n = 0;
	char *tok = fx_read("tokens/rs256.jwt", &len);
	jwtauth_json_tok toks[64];
	CHECK(tok != NULL);
	if (!tok) return;
	while (len > 0 && (tok[len - 1] == '\n' || tok[len - 1] == '\r')) len--;
	CHECK_RC(fx_load(&stk_ks, "jwks/rsa.json", &err), JWTAUTH_OK);
	CHECK_RC(jwtauth_jws_verify_signature_only(&stk_ks, tok, len, JWTAUTH_ALGS_ALL,
		&stk_jwt, &err), JWTAUTH_OK);
	/* the payload before the decoded signature is whole and terminated */
	CHECK(stk_jwt.payload != NULL && stk_jwt.payload_len > 0);
	if (stk_jwt.payload) {
		CHECK_EQ(stk_jwt.payload[stk_jwt.payload_len], 0);
		CHECK_RC(jwtauth_json_parse(stk_jwt.payload, stk_jwt.payload_len, toks, 64, 0,
			&n, &err), JWTAUTH_OK);
		CHECK_EQ(toks[0].type, JWTAUTH_JSON_OBJECT);
	}
	free(tok);
}

/* {"alg":"RS256"} . {} . sig_chars characters of 'A' */
static size_t stk_token(char *out, size_t sig_chars)
{
	size_t n = (size_t)sprintf(out, "eyJhbGciOiJSUzI1NiJ9.e30.");
	memset(out + n, 'A', sig_chars);
	n += sig_chars;
	out[n] = 0;
	return n;
}

static void stk_sig_bounds(void)
{
	static char tok[JWTAUTH_MAX_TOKEN_LEN + 1];
	jwtauth_error err;
	size_t len, room = JWTAUTH_MAX_TOKEN_LEN - 25;
	CHECK_RC(fx_load(&stk_ks, "jwks/public.json", &err), JWTAUTH_OK);
	/* the longest signature kept, then one byte more */
	len = stk_token(tok, JWTAUTH_B64URL_ENCODED_LEN(JWTAUTH_MAX_RSA_BITS / 8));
	CHECK_RC(jwtauth_jws_verify_signature_only(&stk_ks, tok, len, JWTAUTH_ALGS_ALL,
		&stk_jwt, &err), JWTAUTH_ERR_SIGNATURE);
	CHECK(strstr(err.msg, "too long") == NULL);
	len = stk_token(tok, JWTAUTH_B64URL_ENCODED_LEN(JWTAUTH_MAX_RSA_BITS / 8 + 1));
	CHECK_RC(jwtauth_jws_verify_signature_only(&stk_ks, tok, len, JWTAUTH_ALGS_ALL,
		&stk_jwt, &err), JWTAUTH_ERR_SIGNATURE);
	CHECK_EQ(err.offset, 25);
	/* a token of JWTAUTH_MAX_TOKEN_LEN bytes, nearly all signature */
	if (room % 4 == 1) room--;
	len = stk_token(tok, room);
	CHECK(len <= JWTAUTH_MAX_TOKEN_LEN && len + 1 >= JWTAUTH_MAX_TOKEN_LEN);
	CHECK_RC(jwtauth_jws_verify_signature_only(&stk_ks, tok, len, JWTAUTH_ALGS_ALL,
		&stk_jwt, &err), JWTAUTH_ERR_SIGNATURE);
	CHECK_EQ(err.offset, 25);
	/* a character outside the alphabet: its offset in the token */
	len = stk_token(tok, 344);
	tok[25 + 10] = '*';
	CHECK_RC(jwtauth_jws_verify_signature_only(&stk_ks, tok, len, JWTAUTH_ALGS_ALL,
		&stk_jwt, &err), JWTAUTH_ERR_B64_CHAR);
	CHECK_EQ(err.offset, 35);
}

static const test_case t_stack_tests[] = {
	{ "stk_parse_workspace", stk_parse_workspace },
	{ "stk_pem_slots", stk_pem_slots },
	{ "stk_sig_in_jwt", stk_sig_in_jwt },
	{ "stk_sig_bounds", stk_sig_bounds },
	{ NULL, NULL }
};
