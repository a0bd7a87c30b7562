/* t_sig.c - one-primitive verification (jwtauth_sig_verify) on the
   committed fixture tokens: every algorithm verifies, every flipped bit
   fails, lengths and key fitness are enforced. */

/* Split a fixture token into signing input and decoded signature. */
static int sig_split(const char *tok, size_t len, size_t *input_len,
	uint8_t *sig, size_t cap, size_t *sig_len)
{
	const char *last = strrchr(tok, '.');
	if (!last) return -1;
	*input_len = (size_t)(last - tok);
	return jwtauth_b64url_decode(last + 1, len - *input_len - 1, sig, cap, sig_len, NULL);
}

typedef struct sig_case {
	const char *token;
	const char *jwks;
	const char *kid;
	jwtauth_alg alg;
} sig_case;

static const sig_case sig_cases[] = {
	{ "hs256", "jwks/oct.json", "oct32", JWTAUTH_ALG_HS256 },
	{ "hs384", "jwks/oct.json", "oct48", JWTAUTH_ALG_HS384 },
	{ "hs512", "jwks/oct.json", "oct64", JWTAUTH_ALG_HS512 },
	{ "rs256", "jwks/public.json", "rsa2048a", JWTAUTH_ALG_RS256 },
	{ "rs384", "jwks/public.json", "rsa2048a", JWTAUTH_ALG_RS384 },
	{ "rs512", "jwks/public.json", "rsa2048a", JWTAUTH_ALG_RS512 },
	{ "ps256", "jwks/public.json", "rsa2048a", JWTAUTH_ALG_PS256 },
	{ "ps384", "jwks/public.json", "rsa2048a", JWTAUTH_ALG_PS384 },
	{ "ps512", "jwks/public.json", "rsa2048a", JWTAUTH_ALG_PS512 },
	{ "rs256-rsa4096", "jwks/public.json", "rsa4096", JWTAUTH_ALG_RS256 },
	{ "es256", "jwks/public.json", "ec256", JWTAUTH_ALG_ES256 },
	{ "es384", "jwks/public.json", "ec384", JWTAUTH_ALG_ES384 },
	{ "es512", "jwks/public.json", "ec521", JWTAUTH_ALG_ES512 }
};

static void sig_all_algorithms(void)
{
	size_t c;
	for (c = 0; c < sizeof sig_cases / sizeof sig_cases[0]; c++) {
		const sig_case *sc = &sig_cases[c];
		char name[128];
		uint8_t sig[600];
		size_t len, in_len, sig_len, i;
		const jwtauth_key *key;
		char *tok;
		jwtauth_error err;
		snprintf(name, sizeof name, "tokens/%s.jwt", sc->token);
		tok = fx_read(name, &len);
		CHECKF(tok != NULL, "missing fixture %s", name);
		CHECK_RC(fx_load(&fx_ks, sc->jwks, &err), JWTAUTH_OK);
		key = keys_find(&fx_ks, sc->kid);
		CHECK(key != NULL);
		CHECK_RC(sig_split(tok, len, &in_len, sig, sizeof sig, &sig_len), JWTAUTH_OK);
		CHECKF(jwtauth_sig_verify(key, sc->alg, (const uint8_t *)tok, in_len, sig, sig_len)
			== JWTAUTH_OK, "%s does not verify", sc->token);
		/* A single-bit flip of the signature fails: every bit of an HMAC
		   tag (the word-wise constant-time compare must see each one),
		   one bit of every seventh byte otherwise. */
		for (i = 0; i < sig_len; i += sig_len <= 64 ? 1 : 7) {
			unsigned bit;
			for (bit = 0; bit < (sig_len <= 64 ? 8u : 1u); bit++) {
				sig[i] ^= (uint8_t)(1u << bit);
				CHECKF(jwtauth_sig_verify(key, sc->alg, (const uint8_t *)tok, in_len, sig, sig_len)
					== JWTAUTH_ERR_SIGNATURE, "%s: flipped bit %u of sig byte %u verifies",
					sc->token, bit, (unsigned)i);
				sig[i] ^= (uint8_t)(1u << bit);
			}
		}
		/* A changed message fails. */
		tok[in_len - 1] ^= 0x01;
		CHECK_RC(jwtauth_sig_verify(key, sc->alg, (const uint8_t *)tok, in_len, sig, sig_len),
			JWTAUTH_ERR_SIGNATURE);
		tok[in_len - 1] ^= 0x01;
		/* Truncated or extended signatures fail. */
		CHECK_RC(jwtauth_sig_verify(key, sc->alg, (const uint8_t *)tok, in_len, sig, sig_len - 1),
			JWTAUTH_ERR_SIGNATURE);
		sig[sig_len] = 0;
		CHECK_RC(jwtauth_sig_verify(key, sc->alg, (const uint8_t *)tok, in_len, sig, sig_len + 1),
			JWTAUTH_ERR_SIGNATURE);
		CHECK_RC(jwtauth_sig_verify(key, sc->alg, (const uint8_t *)tok, in_len, NULL, 0),
			JWTAUTH_ERR_SIGNATURE);
		free(tok);
	}
}

/* A key can only verify the algorithms of its type, curve and size. */
static void sig_key_fitness(void)
{
	jwtauth_error err;
	const jwtauth_key *rsa, *ec256, *ec384;
	uint8_t sig[64] = { 0 };
	CHECK_RC(fx_load(&fx_ks, "jwks/public.json", &err), JWTAUTH_OK);
	rsa = keys_find(&fx_ks, "rsa2048a");
	ec256 = keys_find(&fx_ks, "ec256");
	ec384 = keys_find(&fx_ks, "ec384");
	CHECK(rsa && ec256 && ec384);
	CHECK_RC(jwtauth_sig_verify(rsa, JWTAUTH_ALG_HS256, sig, 1, sig, 32), JWTAUTH_ERR_KEY_UNFIT);
	CHECK_RC(jwtauth_sig_verify(rsa, JWTAUTH_ALG_ES256, sig, 1, sig, 64), JWTAUTH_ERR_KEY_UNFIT);
	CHECK_RC(jwtauth_sig_verify(ec256, JWTAUTH_ALG_ES384, sig, 1, sig, 64), JWTAUTH_ERR_KEY_UNFIT);
	CHECK_RC(jwtauth_sig_verify(ec384, JWTAUTH_ALG_ES256, sig, 1, sig, 64), JWTAUTH_ERR_KEY_UNFIT);
	CHECK_RC(jwtauth_sig_verify(ec256, JWTAUTH_ALG_RS256, sig, 1, sig, 64), JWTAUTH_ERR_KEY_UNFIT);
	CHECK_RC(jwtauth_sig_verify(ec256, JWTAUTH_ALG_UNKNOWN, sig, 1, sig, 64), JWTAUTH_ERR_KEY_UNFIT);
	/* r = 0 or s = 0 is refused before any arithmetic. */
	CHECK_RC(jwtauth_sig_verify(ec256, JWTAUTH_ALG_ES256, sig, 1, sig, 64), JWTAUTH_ERR_SIGNATURE);
	CHECK_RC(fx_load(&fx_ks, "jwks/oct.json", &err), JWTAUTH_OK);
	CHECK_RC(jwtauth_sig_verify(keys_find(&fx_ks, "oct32"), JWTAUTH_ALG_HS384, sig, 1, sig, 48),
		JWTAUTH_ERR_KEY_UNFIT);
	CHECK_RC(jwtauth_sig_verify(keys_find(&fx_ks, "oct32"), JWTAUTH_ALG_RS256, sig, 1, sig, 48),
		JWTAUTH_ERR_KEY_UNFIT);
	CHECK_RC(jwtauth_sig_verify(keys_find(&fx_ks, "oct64"), JWTAUTH_ALG_HS384, sig, 1, sig, 48),
		JWTAUTH_ERR_SIGNATURE);
}

/* An RS signature is not a PS signature and vice versa. */
static void sig_no_cross_padding(void)
{
	jwtauth_error err;
	uint8_t sig[600];
	size_t len, in_len, sig_len;
	char *tok = fx_read("tokens/rs256.jwt", &len);
	const jwtauth_key *key;
	CHECK(tok != NULL);
	CHECK_RC(fx_load(&fx_ks, "jwks/public.json", &err), JWTAUTH_OK);
	key = keys_find(&fx_ks, "rsa2048a");
	CHECK_RC(sig_split(tok, len, &in_len, sig, sizeof sig, &sig_len), JWTAUTH_OK);
	CHECK_RC(jwtauth_sig_verify(key, JWTAUTH_ALG_PS256, (const uint8_t *)tok, in_len, sig, sig_len),
		JWTAUTH_ERR_SIGNATURE);
	CHECK_RC(jwtauth_sig_verify(key, JWTAUTH_ALG_RS384, (const uint8_t *)tok, in_len, sig, sig_len),
		JWTAUTH_ERR_SIGNATURE);
	free(tok);
	tok = fx_read("tokens/ps256.jwt", &len);
	CHECK(tok != NULL);
	CHECK_RC(sig_split(tok, len, &in_len, sig, sizeof sig, &sig_len), JWTAUTH_OK);
	CHECK_RC(jwtauth_sig_verify(key, JWTAUTH_ALG_RS256, (const uint8_t *)tok, in_len, sig, sig_len),
		JWTAUTH_ERR_SIGNATURE);
	CHECK_RC(jwtauth_sig_verify(key, JWTAUTH_ALG_PS384, (const uint8_t *)tok, in_len, sig, sig_len),
		JWTAUTH_ERR_SIGNATURE);
	free(tok);
}

/* Plugged engines are the ones called; the i31 engines verify too. */
static int sig_engine_calls;
static uint32_t sig_counting_pkcs1(const unsigned char *x, size_t xlen,
	const unsigned char *oid, size_t hlen, const br_rsa_public_key *pk, unsigned char *out)
{
	sig_engine_calls++;
	return br_rsa_i31_pkcs1_vrfy(x, xlen, oid, hlen, pk, out);
}
static uint32_t sig_counting_public(unsigned char *x, size_t xlen, const br_rsa_public_key *pk)
{
	sig_engine_calls++;
	return br_rsa_i31_public(x, xlen, pk);
}
static uint32_t sig_counting_ecdsa(const br_ec_impl *impl, const void *hash, size_t hlen,
	const br_ec_public_key *pk, const void *sig, size_t sig_len)
{
	sig_engine_calls++;
	return br_ecdsa_i31_vrfy_raw(impl, hash, hlen, pk, sig, sig_len);
}

static void sig_plugged_engines(void)
{
	static const char *const names[] = { "rs256", "ps384", "es256", "es512", "rs256-rsa4096" };
	jwtauth_engines eng;
	jwtauth_error err;
	size_t i;
	eng.rsa_pkcs1_vrfy = sig_counting_pkcs1;
	eng.rsa_public = sig_counting_public;
	eng.ecdsa_vrfy = sig_counting_ecdsa;
	eng.ec = &br_ec_prime_i31;
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		char path[64];
		size_t len;
		char *tok;
		int rc;
		CHECK_RC(fx_load(&fx_ks, "jwks/public.json", &err), JWTAUTH_OK);
		jwtauth_keyset_set_engines(&fx_ks, &eng);
		snprintf(path, sizeof path, "tokens/%s.jwt", names[i]);
		tok = fx_read(path, &len);
		CHECK(tok != NULL);
		sig_engine_calls = 0;
		rc = jwtauth_jws_verify_signature_only(&fx_ks, tok, len, JWTAUTH_ALGS_ALL, &fx_jwt, &err);
		free(tok);
		CHECKF(rc == JWTAUTH_OK, "%s with plugged engines: %s", names[i], jwtauth_error_name(rc));
		CHECKF(sig_engine_calls == 1, "%s: plugged engine called %d times", names[i], sig_engine_calls);
		CHECK(fx_jwt.key->engines == &eng);
	}
	/* NULL restores the defaults. */
	jwtauth_keyset_set_engines(&fx_ks, NULL);
	sig_engine_calls = 0;
	{
		size_t len;
		char *tok = fx_read("tokens/es384.jwt", &len);
		CHECK_RC(jwtauth_jws_verify_signature_only(&fx_ks, tok, len, JWTAUTH_ALGS_ALL, &fx_jwt, &err), JWTAUTH_OK);
		free(tok);
	}
	CHECK_EQ(sig_engine_calls, 0);
}

static const test_case t_sig_tests[] = {
	{ "sig_plugged_engines", sig_plugged_engines },
	{ "sig_all_algorithms", sig_all_algorithms },
	{ "sig_key_fitness", sig_key_fitness },
	{ "sig_no_cross_padding", sig_no_cross_padding },
	{ NULL, NULL }
};
