/* t_eddsa.c - EdDSA over Ed25519 (RFC 8032, RFC 8037, RFC 9864): the
   Wycheproof vectors through jwtauth_sig_verify, RFC 8037 A.4, tokens and
   keys made by OpenSSL (tests/fixtures/eddsa, gen.sh there), tampering,
   key loading rules, and the internal tables and scalar arithmetic. The
   same tests run on the 51-bit and on the 26/25-bit field code (the
   build/test-ed32 variant defines JWTAUTH_ED25519_32BIT). */

static int ed_hex(const char *hex, uint8_t *out, size_t cap)
{
	size_t n = strlen(hex), i;
	if (n % 2 || n / 2 > cap) return -1;
	for (i = 0; i < n / 2; i++) {
		int hi = wp_hexval((unsigned char)hex[2 * i]), lo = wp_hexval((unsigned char)hex[2 * i + 1]);
		if (hi < 0 || lo < 0) return -1;
		out[i] = (uint8_t)(hi * 16 + lo);
	}
	return (int)(n / 2);
}

static char *ed_fixture(const char *name, size_t *len)
{
	char path[256];
	snprintf(path, sizeof path, "tests/fixtures/eddsa/%s", name);
	return tl_read_file(path, len);
}

/* Parse a key document into a fresh heap key set; NULL on failure. */
static jwtauth_keyset *ed_keys(const char *doc, size_t len, int *rc)
{
	jwtauth_keyset *ks = (jwtauth_keyset *)malloc(sizeof *ks);
	jwtauth_error err;
	if (!ks) return NULL;
	jwtauth_keyset_init(ks);
	*rc = jwtauth_keyset_parse(ks, doc, len, &err);
	return ks;
}

/* ------------------------------------------------------------ Wycheproof */

static void ed_wycheproof(void)
{
	wp_doc d;
	wp_stats s;
	jwtauth_error err;
	jwtauth_keyset *ks, *ks_doc;
	long groups, g, gi, n_tests, n_groups, pem_ok = 0, jwk_ok = 0;
	long total = 0, valid_ok = 0, invalid_ok = 0;
	int rc;
	memset(&s, 0, sizeof s);
	rc = wp_doc_load(&d, "ed25519_test.json", &err);
	CHECKF(rc == JWTAUTH_OK, "wycheproof/ed25519_test.json: %s", jwtauth_error_name(rc));
	ks = (jwtauth_keyset *)malloc(sizeof *ks);
	ks_doc = (jwtauth_keyset *)malloc(sizeof *ks_doc);
	CHECK(ks && ks_doc);
	n_tests = wp_num(&d, wp_get(&d, 0, "numberOfTests"));
	groups = wp_get(&d, 0, "testGroups");
	CHECK(groups >= 0);
	n_groups = (long)d.t[groups].count;
	for (g = 0, gi = groups + 1; g < (long)d.t[groups].count; g++, gi = (long)d.t[gi].next) {
		long key = wp_get(&d, gi, "publicKey"), tests = wp_get(&d, gi, "tests"), t, i;
		long jwk = wp_get(&d, gi, "publicKeyJwk");
		size_t pkl = 0, pem_len = 0;
		uint8_t *pk = wp_hex(&d, wp_get(&d, key, "pk"), &pkl);
		char *pem = wp_str(&d, wp_get(&d, gi, "publicKeyPem"), &pem_len);
		int key_rc;
		jwtauth_keyset_init(ks);
		key_rc = pk ? jwtauth_keyset_add_ed25519(ks, pk, pkl, JWTAUTH_ALG_UNKNOWN, NULL, 0)
			: JWTAUTH_ERR_KEY_MEMBER;
		/* the same key from its PEM and JWK forms */
		if (pem) {
			rc = jwtauth_keyset_parse(ks_doc, pem, pem_len, &err);
			if (rc == key_rc && (rc != JWTAUTH_OK
			    || memcmp(ks_doc->keys[0].u.okp.x, ks->keys[0].u.okp.x, 32) == 0))
				pem_ok++;
		}
		if (jwk >= 0) {
			rc = jwtauth_keyset_parse(ks_doc, d.js + d.t[jwk].start, d.t[jwk].len, &err);
			if (rc == key_rc && (rc != JWTAUTH_OK
			    || memcmp(ks_doc->keys[0].u.okp.x, ks->keys[0].u.okp.x, 32) == 0))
				jwk_ok++;
		}
		for (i = 0, t = tests + 1; i < (long)d.t[tests].count; i++, t = (long)d.t[t].next) {
			long tcid = wp_num(&d, wp_get(&d, t, "tcId"));
			int want = wp_result(&d, t);
			size_t ml = 0, sl = 0;
			uint8_t *msg = wp_hex(&d, wp_get(&d, t, "msg"), &ml);
			uint8_t *sig = wp_hex(&d, wp_get(&d, t, "sig"), &sl);
			total++;
			if (!msg || !sig) {
				wp_bad(&s, "ed25519", tcid, "readable msg/sig", "unreadable vector");
			} else {
				int r1 = key_rc == JWTAUTH_OK
					? jwtauth_sig_verify(&ks->keys[0], JWTAUTH_ALG_EDDSA, msg, ml, sig, sl)
					: key_rc;
				int r2 = key_rc == JWTAUTH_OK
					? jwtauth_sig_verify(&ks->keys[0], JWTAUTH_ALG_ED25519, msg, ml, sig, sl)
					: key_rc;
				if (r1 != r2) wp_bad(&s, "ed25519", tcid, "same verdict for EdDSA and Ed25519", "different");
				if (want == 'v' && r1 == JWTAUTH_OK) valid_ok++;
				else if (want == 'i' && r1 != JWTAUTH_OK) invalid_ok++;
				else wp_bad(&s, "ed25519", tcid, want == 'v' ? "valid (OK)" : "rejection",
					jwtauth_error_name(r1));
			}
			free(msg);
			free(sig);
		}
		free(pk);
		free(pem);
	}
	printf("  ed25519_test.json: %ld tests (numberOfTests %ld), %ld valid accepted, %ld invalid rejected;"
		" %ld groups: %ld/%ld load the same key from PEM/JWK\n", total, n_tests, valid_ok,
		invalid_ok, n_groups, pem_ok, jwk_ok);
	wp_doc_free(&d);
	jwtauth_keyset_wipe(ks_doc);
	free(ks);
	free(ks_doc);
	CHECKF(s.mismatches == 0, "%ld mismatches: %s", s.mismatches, s.ids);
	CHECK_EQ(total, n_tests);
	CHECK_EQ(total, 151);
	CHECK_EQ(valid_ok + invalid_ok, 151);
	CHECK_EQ(pem_ok, n_groups);
	CHECK_EQ(jwk_ok, n_groups);
}

/* ----------------------------------------------------------- RFC 8037 */

static void ed_rfc8037(void)
{
	char path[256];
	size_t kl = 0, tl = 0;
	char *jwk, *tok;
	jwtauth_keyset *ks;
	jwtauth_jwt *jwt = (jwtauth_jwt *)malloc(sizeof *jwt);
	jwtauth_error err;
	int rc = 0;
	CHECK(jwt);
	snprintf(path, sizeof path, "%s/rfc8037/ed25519.public.jwk.json", tl_data_dir());
	jwk = tl_read_file(path, &kl);
	snprintf(path, sizeof path, "%s/rfc8037/a4.jws", tl_data_dir());
	tok = tl_read_file(path, &tl);
	CHECKF(jwk && tok, "missing %s or the A.2 key", path);
	while (tl > 0 && (tok[tl - 1] == '\n' || tok[tl - 1] == '\r')) tl--;
	ks = ed_keys(jwk, kl, &rc);
	CHECK(ks);
	CHECK_RC(rc, JWTAUTH_OK);
	CHECK_EQ(ks->keys[0].kty, JWTAUTH_KTY_OKP);
	CHECK_RC(jwtauth_jws_verify_signature_only(ks, tok, tl, JWTAUTH_ALGS_ALL, jwt, &err), JWTAUTH_OK);
	CHECK_EQ(jwt->alg, JWTAUTH_ALG_EDDSA);
	CHECK(jwt->payload_len == 26 && memcmp(jwt->payload, "Example of Ed25519 signing", 26) == 0);
	CHECK_RC(jwtauth_jws_verify(ks, tok, tl, JWTAUTH_ALG_BIT(JWTAUTH_ALG_EDDSA), jwt, &err), JWTAUTH_OK);
	CHECK_RC(jwtauth_jws_verify(ks, tok, tl, JWTAUTH_ALGS_HMAC, jwt, &err), JWTAUTH_ERR_ALG_NOT_ALLOWED);
	CHECK(err.detail_len == 5 && memcmp(err.detail, "EdDSA", 5) == 0);
	jwtauth_keyset_wipe(ks);
	free(ks);
	free(jwk);
	free(tok);
	free(jwt);
}

/* --------------------------------------------- OpenSSL-made keys/tokens */

typedef struct ed_tok {
	char alg[16];
	char *tok;
	size_t len;
} ed_tok;

/* tokens.txt: "<alg> <token>" per line; returns the count (max 8). */
static int ed_tokens(ed_tok *out, char **text)
{
	size_t len = 0;
	char *p, *line;
	int n = 0;
	*text = ed_fixture("tokens.txt", &len);
	if (!*text) return -1;
	for (line = *text; n < 8 && (p = strchr(line, '\n')) != NULL; line = p + 1) {
		char *sp = strchr(line, ' ');
		*p = 0;
		if (!sp || sp > p || (size_t)(sp - line) >= sizeof out[n].alg) return -1;
		memcpy(out[n].alg, line, (size_t)(sp - line));
		out[n].alg[sp - line] = 0;
		out[n].tok = sp + 1;
		out[n].len = (size_t)(p - sp - 1);
		n++;
	}
	return n;
}

static void ed_openssl_tokens(void)
{
	static const char *const docs[3] = { "ed25519.jwks.json", "ed25519.spki.pem", "ed25519.cert.pem" };
	ed_tok toks[8];
	char *text = NULL;
	jwtauth_jwt *jwt = (jwtauth_jwt *)malloc(sizeof *jwt);
	jwtauth_claims_policy pol;
	jwtauth_error err;
	int n, i, ok = 0, too_long = 0;
	size_t k;
	uint8_t x0[32];
	CHECK(jwt);
	n = ed_tokens(toks, &text);
	CHECKF(n == 3, "tests/fixtures/eddsa/tokens.txt: %d tokens", n);
	memset(&pol, 0, sizeof pol);
	for (k = 0; k < 3; k++) {
		size_t len = 0;
		char *doc = ed_fixture(docs[k], &len);
		jwtauth_keyset *ks;
		int rc = -1;
		CHECKF(doc, "missing tests/fixtures/eddsa/%s", docs[k]);
		ks = ed_keys(doc, len, &rc);
		free(doc);
		CHECK(ks);
		CHECKF(rc == JWTAUTH_OK, "%s: %s", docs[k], jwtauth_error_name(rc));
		CHECK_EQ(ks->count, 1);
		CHECK_EQ(ks->keys[0].kty, JWTAUTH_KTY_OKP);
		/* the three forms hold one key */
		if (k == 0) memcpy(x0, ks->keys[0].u.okp.x, 32);
		else CHECKF(memcmp(x0, ks->keys[0].u.okp.x, 32) == 0, "%s: another key", docs[k]);
		for (i = 0; i < n; i++) {
			jwtauth_alg want = jwtauth_alg_from_name(toks[i].alg, strlen(toks[i].alg));
			rc = jwtauth_jws_verify_signature_only(ks, toks[i].tok, toks[i].len, JWTAUTH_ALGS_ALL, jwt, &err);
			/* a profile with a smaller token limit refuses the long token */
			if (toks[i].len > JWTAUTH_MAX_TOKEN_LEN) {
				CHECK_RC(rc, JWTAUTH_ERR_TOKEN_SIZE);
				too_long++;
				continue;
			}
			/* PEM keys have no kid: a token naming one finds none */
			if (k > 0 && i < 2) {
				CHECK_RC(rc, JWTAUTH_ERR_KID_UNKNOWN);
				continue;
			}
			CHECKF(rc == JWTAUTH_OK, "%s, token %d (%s): %s (%s)", docs[k], i, toks[i].alg,
				jwtauth_error_name(rc), err.msg);
			CHECK_EQ(jwt->alg, want);
			CHECK(jwt->key == &ks->keys[0]);
			CHECK_RC(jwtauth_claims_check(jwt, &pol, 1800000000, NULL, &err), JWTAUTH_OK);
			/* the allowlist names each alg on its own */
			rc = jwtauth_jws_verify(ks, toks[i].tok, toks[i].len,
				JWTAUTH_ALGS_ALL & ~JWTAUTH_ALG_BIT(want), jwt, &err);
			CHECK_RC(rc, JWTAUTH_ERR_ALG_NOT_ALLOWED);
			ok++;
		}
		jwtauth_keyset_wipe(ks);
		free(ks);
	}
	printf("  %d OpenSSL-signed tokens verified (JWKS, SPKI PEM, X.509 certificate)\n", ok);
	free(text);
	free(jwt);
	CHECK_EQ(ok + too_long, 5);
}

/* ----------------------------------------------------------- tampering */

static void ed_tamper(void)
{
	static const uint8_t l[32] = {
		0xed,0xd3,0xf5,0x5c,0x1a,0x63,0x12,0x58,0xd6,0x9c,0xf7,0xa2,0xde,0xf9,0xde,0x14,
		0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0x10
	};
	ed_tok toks[8];
	char *text = NULL, *doc, *t2;
	size_t len = 0, dot2, i, sl = 0, sig_chars;
	jwtauth_keyset *ks;
	jwtauth_jwt *jwt = (jwtauth_jwt *)malloc(sizeof *jwt);
	jwtauth_error err;
	uint8_t sig[64], bad[65];
	char enc[100];
	int n, rc = -1, b, flips = 0;
	unsigned carry;
	CHECK(jwt);
	n = ed_tokens(toks, &text);
	CHECK(n >= 1);
	doc = ed_fixture("ed25519.jwks.json", &len);
	CHECK(doc);
	ks = ed_keys(doc, len, &rc);
	free(doc);
	CHECK(ks && rc == JWTAUTH_OK);
	dot2 = (size_t)(strrchr(toks[0].tok, '.') - toks[0].tok);
	sig_chars = toks[0].len - dot2 - 1;
	CHECK_RC(jwtauth_b64url_decode(toks[0].tok + dot2 + 1, sig_chars, sig, sizeof sig, &sl, NULL), JWTAUTH_OK);
	CHECK_EQ(sl, 64);
	CHECK_RC(jwtauth_sig_verify(&ks->keys[0], JWTAUTH_ALG_EDDSA, (const uint8_t *)toks[0].tok,
		dot2, sig, 64), JWTAUTH_OK);
	/* every bit of the signing input (header and payload) and of R || S */
	t2 = (char *)malloc(dot2);
	CHECK(t2);
	for (i = 0; i < dot2; i++)
		for (b = 0; b < 8; b++) {
			memcpy(t2, toks[0].tok, dot2);
			t2[i] ^= (char)(1 << b);
			rc = jwtauth_sig_verify(&ks->keys[0], JWTAUTH_ALG_EDDSA, (const uint8_t *)t2, dot2, sig, 64);
			if (rc != JWTAUTH_ERR_SIGNATURE) break;
			flips++;
		}
	free(t2);
	CHECKF(rc == JWTAUTH_ERR_SIGNATURE, "signing-input bit flip accepted: %s", jwtauth_error_name(rc));
	for (i = 0; i < 64; i++)
		for (b = 0; b < 8; b++) {
			memcpy(bad, sig, 64);
			bad[i] ^= (uint8_t)(1 << b);
			rc = jwtauth_sig_verify(&ks->keys[0], JWTAUTH_ALG_EDDSA, (const uint8_t *)toks[0].tok,
				dot2, bad, 64);
			CHECKF(rc == JWTAUTH_ERR_SIGNATURE, "signature bit %u flipped: %s",
				(unsigned)(8 * i + b), jwtauth_error_name(rc));
			flips++;
		}
	/* S + L: the same residue, refused because S must be below L */
	memcpy(bad, sig, 64);
	for (carry = 0, i = 0; i < 32; i++) {
		carry += (unsigned)bad[32 + i] + l[i];
		bad[32 + i] = (uint8_t)carry;
		carry >>= 8;
	}
	CHECK_EQ(carry, 0);
	CHECK_RC(jwtauth_sig_verify(&ks->keys[0], JWTAUTH_ALG_EDDSA, (const uint8_t *)toks[0].tok,
		dot2, bad, 64), JWTAUTH_ERR_SIGNATURE);
	/* ... and as a token */
	{
		size_t el = 0;
		char *tok = (char *)malloc(toks[0].len + 1);
		CHECK(tok);
		CHECK_RC(jwtauth_b64url_encode(bad, 64, enc, sizeof enc, &el), JWTAUTH_OK);
		memcpy(tok, toks[0].tok, dot2 + 1);
		memcpy(tok + dot2 + 1, enc, el);
		rc = jwtauth_jws_verify_signature_only(ks, tok, dot2 + 1 + el, JWTAUTH_ALGS_ALL, jwt, &err);
		free(tok);
		CHECK_RC(rc, JWTAUTH_ERR_SIGNATURE);
	}
	/* lengths other than 64, and a payload changed in a token */
	CHECK_RC(jwtauth_sig_verify(&ks->keys[0], JWTAUTH_ALG_EDDSA, (const uint8_t *)toks[0].tok,
		dot2, sig, 63), JWTAUTH_ERR_SIGNATURE);
	memcpy(bad, sig, 64);
	bad[64] = 0;
	CHECK_RC(jwtauth_sig_verify(&ks->keys[0], JWTAUTH_ALG_EDDSA, (const uint8_t *)toks[0].tok,
		dot2, bad, 65), JWTAUTH_ERR_SIGNATURE);
	CHECK_RC(jwtauth_sig_verify(&ks->keys[0], JWTAUTH_ALG_EDDSA, NULL, 0, NULL, 0), JWTAUTH_ERR_SIGNATURE);
	{
		/* {"sub":"tom" -> {"sub":"tim": still JSON, same signature */
		size_t dot1 = (size_t)(strchr(toks[0].tok, '.') - toks[0].tok), pl = 0, el = 0;
		uint8_t pay[512];
		char *tok = (char *)malloc(1024);
		char *hit;
		CHECK(tok);
		CHECK_RC(jwtauth_b64url_decode(toks[0].tok + dot1 + 1, dot2 - dot1 - 1, pay, sizeof pay, &pl, NULL), JWTAUTH_OK);
		pay[pl] = 0;
		hit = strstr((char *)pay, "\"tom\"");
		CHECK(hit);
		hit[2] = 'i';
		memcpy(tok, toks[0].tok, dot1 + 1);
		CHECK_RC(jwtauth_b64url_encode(pay, pl, tok + dot1 + 1, 1024 - dot1 - 1, &el), JWTAUTH_OK);
		tok[dot1 + 1 + el] = '.';
		memcpy(tok + dot1 + 2 + el, toks[0].tok + dot2 + 1, sig_chars);
		rc = jwtauth_jws_verify_signature_only(ks, tok, dot1 + 2 + el + sig_chars, JWTAUTH_ALGS_ALL, jwt, &err);
		free(tok);
		CHECK_RC(rc, JWTAUTH_ERR_SIGNATURE);
	}
	printf("  %d single-bit changes refused, S + L refused\n", flips);
	jwtauth_keyset_wipe(ks);
	free(ks);
	free(jwt);
	free(text);
}

/* ---------------------------------------------------------------- keys */

static void ed_key_rules(void)
{
	/* x of RFC 8037 A.2; points chosen for each refusal */
	static const char a2[] = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
	static const struct { const char *hex; int status; } raw[] = {
		/* y = p, y = p + 1: non-canonical */
		{ "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", JWTAUTH_ERR_KEY_OKP_NONCANONICAL },
		{ "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", JWTAUTH_ERR_KEY_OKP_NONCANONICAL },
		/* y = 1 with the sign bit: x = 0 cannot be negative */
		{ "0100000000000000000000000000000000000000000000000000000000000080", JWTAUTH_ERR_KEY_OKP_NONCANONICAL },
		/* y = 2: (y^2 - 1) / (d y^2 + 1) is not a square */
		{ "0200000000000000000000000000000000000000000000000000000000000000", JWTAUTH_ERR_KEY_OKP_POINT },
		/* identity (order 1), y = -1 (order 2), y = 0 (order 4), order 8 */
		{ "0100000000000000000000000000000000000000000000000000000000000000", JWTAUTH_ERR_KEY_OKP_SMALL_ORDER },
		{ "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", JWTAUTH_ERR_KEY_OKP_SMALL_ORDER },
		{ "0000000000000000000000000000000000000000000000000000000000000000", JWTAUTH_ERR_KEY_OKP_SMALL_ORDER },
		{ "0000000000000000000000000000000000000000000000000000000000000080", JWTAUTH_ERR_KEY_OKP_SMALL_ORDER },
		{ "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05", JWTAUTH_ERR_KEY_OKP_SMALL_ORDER },
		{ "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a", JWTAUTH_ERR_KEY_OKP_SMALL_ORDER },
		{ "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85", JWTAUTH_ERR_KEY_OKP_SMALL_ORDER },
		/* the base point; A.2's key plus a point of order 8 (mixed order:
		   not refused, see docs/eddsa.md) */
		{ "5866666666666666666666666666666666666666666666666666666666666666", JWTAUTH_OK },
		{ "3b5b475c4b82dd1572799fc546f4c6c03e478c6654aa4c7f945b347ea32af60d", JWTAUTH_OK }
	};
	struct { const char *fmt; const char *arg; int status; } cases[] = {
		{ "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"%s\"}", a2, JWTAUTH_OK },
		{ "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"alg\":\"EdDSA\",\"x\":\"%s\"}", a2, JWTAUTH_OK },
		{ "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"alg\":\"Ed25519\",\"x\":\"%s\"}", a2, JWTAUTH_OK },
		{ "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"alg\":\"ES256\",\"x\":\"%s\"}", a2, JWTAUTH_ERR_KEY_ALG },
		{ "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"alg\":\"Ed448\",\"x\":\"%s\"}", a2, JWTAUTH_ERR_KEY_ALG },
		{ "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"%s\",\"d\":\"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A\"}", a2, JWTAUTH_ERR_KEY_PRIVATE },
		{ "{\"kty\":\"OKP\",\"crv\":\"Ed448\",\"x\":\"%s\"}", a2, JWTAUTH_ERR_KEY_OKP_ED448 },
		{ "{\"kty\":\"OKP\",\"crv\":\"X25519\",\"x\":\"%s\"}", a2, JWTAUTH_ERR_KEY_OKP_AGREEMENT },
		{ "{\"kty\":\"OKP\",\"crv\":\"X448\",\"x\":\"%s\"}", a2, JWTAUTH_ERR_KEY_OKP_AGREEMENT },
		{ "{\"kty\":\"OKP\",\"crv\":\"P-256\",\"x\":\"%s\"}", a2, JWTAUTH_ERR_KEY_CRV },
		{ "{\"kty\":\"OKP\",\"crv\":\"ed25519\",\"x\":\"%s\"}", a2, JWTAUTH_ERR_KEY_CRV },
		{ "{\"kty\":\"OKP\",\"x\":\"%s\"}", a2, JWTAUTH_ERR_KEY_CRV },
		{ "{\"kty\":\"OKP\",\"crv\":5,\"x\":\"%s\"}", a2, JWTAUTH_ERR_KEY_CRV },
		{ "{\"kty\":\"OKP\",\"crv\":\"Ed25519\"%s}", "", JWTAUTH_ERR_KEY_MEMBER },
		{ "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":%s}", "7", JWTAUTH_ERR_KEY_MEMBER },
		/* 31 and 33 bytes */
		{ "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"%s\"}", "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHUQ", JWTAUTH_ERR_KEY_OKP_POINT },
		{ "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"%s\"}", "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURoA", JWTAUTH_ERR_KEY_OKP_POINT },
		{ "{\"kty\":\"EC\",\"crv\":\"Ed25519\",\"x\":\"%s\",\"y\":\"AA\"}", a2, JWTAUTH_ERR_KEY_CRV },
		{ "{\"kty\":\"okp\",\"crv\":\"Ed25519\",\"x\":\"%s\"}", a2, JWTAUTH_ERR_KEY_KTY },
		{ "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"use\":\"enc\",\"x\":\"%s\"}", a2, JWTAUTH_OK },
		{ "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"key_ops\":[\"verify\"],\"x\":\"%s\"}", a2, JWTAUTH_OK }
	};
	jwtauth_keyset *ks = (jwtauth_keyset *)malloc(sizeof *ks);
	jwtauth_error err;
	size_t i;
	int rc;
	CHECK(ks);
	for (i = 0; i < sizeof raw / sizeof raw[0]; i++) {
		uint8_t x[32];
		CHECK_EQ(ed_hex(raw[i].hex, x, sizeof x), 32);
		jwtauth_keyset_init(ks);
		rc = jwtauth_keyset_add_ed25519(ks, x, 32, JWTAUTH_ALG_UNKNOWN, NULL, 0);
		CHECKF(rc == raw[i].status, "raw key %s: %s, expected %s", raw[i].hex,
			jwtauth_error_name(rc), jwtauth_error_name(raw[i].status));
		CHECK_EQ(ks->count, rc == JWTAUTH_OK ? 1 : 0);
	}
	jwtauth_keyset_init(ks);
	CHECK_RC(jwtauth_keyset_add_ed25519(ks, (const uint8_t *)"0123456789012345678901234567890", 31,
		JWTAUTH_ALG_UNKNOWN, NULL, 0), JWTAUTH_ERR_KEY_OKP_POINT);
	CHECK_RC(jwtauth_keyset_add_ed25519(ks, NULL, 32, JWTAUTH_ALG_UNKNOWN, NULL, 0), JWTAUTH_ERR_ARGUMENT);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char doc[512];
		snprintf(doc, sizeof doc, cases[i].fmt, cases[i].arg);
		jwtauth_keyset_init(ks);
		rc = jwtauth_keyset_parse(ks, doc, strlen(doc), &err);
		CHECKF(ks->count == 1, "case %u: %s -> %s", (unsigned)i, doc, jwtauth_error_name(rc));
		CHECKF(ks->keys[0].status == cases[i].status, "case %u: %s: status %s, expected %s",
			(unsigned)i, doc, jwtauth_error_name(ks->keys[0].status),
			jwtauth_error_name(cases[i].status));
#ifndef JWTAUTH_NO_ERROR_STRINGS
		if (cases[i].status != JWTAUTH_OK)
			CHECK(strlen(jwtauth_strerror(cases[i].status)) > 0);
#endif
	}
	/* PEM: Edwards/Montgomery arc, parameters must be absent */
	{
		static const char *const files[2] = { "x25519.spki.pem", "ed448.spki.pem" };
		static const int want[2] = { JWTAUTH_ERR_KEY_OKP_AGREEMENT, JWTAUTH_ERR_KEY_OKP_ED448 };
		/* SPKI of A.2 with a NULL parameter added */
		static const char with_null[] = "-----BEGIN PUBLIC KEY-----\n"
			"MCwwBwYDK2VwBQADIQDXWpgBgrEKt9VL/tPJZAc6DuFy89qmIyWvAhpo9wdRGg==\n"
			"-----END PUBLIC KEY-----\n";
		static const char plain[] = "-----BEGIN PUBLIC KEY-----\n"
			"MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n"
			"-----END PUBLIC KEY-----\n";
		for (i = 0; i < 2; i++) {
			size_t len = 0;
			char *doc = ed_fixture(files[i], &len);
			CHECKF(doc, "missing tests/fixtures/eddsa/%s", files[i]);
			jwtauth_keyset_init(ks);
			rc = jwtauth_keyset_parse(ks, doc, len, &err);
			free(doc);
			CHECK_RC(rc, JWTAUTH_ERR_KEYSET_EMPTY);
			CHECK_RC(ks->keys[0].status, want[i]);
		}
		jwtauth_keyset_init(ks);
		CHECK_RC(jwtauth_keyset_parse(ks, with_null, strlen(with_null), &err), JWTAUTH_ERR_KEYSET_EMPTY);
		CHECK_RC(ks->keys[0].status, JWTAUTH_ERR_KEY_DER);
		jwtauth_keyset_init(ks);
		CHECK_RC(jwtauth_keyset_parse(ks, plain, strlen(plain), &err), JWTAUTH_OK);
		CHECK_EQ(ks->keys[0].kty, JWTAUTH_KTY_OKP);
	}
	jwtauth_keyset_wipe(ks);
	free(ks);
}

/* alg, use, key_ops and kid rules, and the mixing rule, as for any key. */
static void ed_selection(void)
{
	ed_tok toks[8];
	char *text = NULL, doc[1024];
	jwtauth_keyset *ks = (jwtauth_keyset *)malloc(sizeof *ks);
	jwtauth_jwt *jwt = (jwtauth_jwt *)malloc(sizeof *jwt);
	jwtauth_error err;
	char x[64];
	const char *p, *q;
	size_t len = 0;
	char *jwks;
	int n, rc;
	uint64_t id1;
	CHECK(ks && jwt);
	n = ed_tokens(toks, &text);
	CHECK(n == 3);
	jwks = ed_fixture("ed25519.jwks.json", &len);
	CHECK(jwks);
	p = strstr(jwks, "\"x\":\"");
	CHECK(p);
	p += 5;
	q = strchr(p, '"');
	CHECK(q && (size_t)(q - p) < sizeof x);
	memcpy(x, p, (size_t)(q - p));
	x[q - p] = 0;
	free(jwks);
#define ED_SET(fmt) do { snprintf(doc, sizeof doc, fmt, x); jwtauth_keyset_init(ks); \
	rc = jwtauth_keyset_parse(ks, doc, strlen(doc), &err); } while (0)
#define ED_OKP "\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"%s\""
	/* token 0: alg EdDSA, kid ed1; token 1: alg Ed25519, kid ed1 */
	ED_SET("{\"keys\":[{" ED_OKP ",\"kid\":\"ed1\",\"alg\":\"EdDSA\"}]}");
	CHECK_RC(rc, JWTAUTH_OK);
	CHECK_RC(jwtauth_jws_verify_signature_only(ks, toks[0].tok, toks[0].len, JWTAUTH_ALGS_ALL, jwt, &err), JWTAUTH_OK);
	/* a key's alg names one algorithm: EdDSA is not Ed25519 */
	CHECK_RC(jwtauth_jws_verify_signature_only(ks, toks[1].tok, toks[1].len, JWTAUTH_ALGS_ALL, jwt, &err), JWTAUTH_ERR_KEY_UNFIT);
	ED_SET("{\"keys\":[{" ED_OKP ",\"kid\":\"ed1\",\"alg\":\"Ed25519\"}]}");
	CHECK_RC(jwtauth_jws_verify_signature_only(ks, toks[1].tok, toks[1].len, JWTAUTH_ALGS_ALL, jwt, &err), JWTAUTH_OK);
	CHECK_RC(jwtauth_jws_verify_signature_only(ks, toks[0].tok, toks[0].len, JWTAUTH_ALGS_ALL, jwt, &err), JWTAUTH_ERR_KEY_UNFIT);
	ED_SET("{\"keys\":[{" ED_OKP ",\"kid\":\"ed1\",\"use\":\"enc\"}]}");
	CHECK_RC(jwtauth_jws_verify_signature_only(ks, toks[0].tok, toks[0].len, JWTAUTH_ALGS_ALL, jwt, &err), JWTAUTH_ERR_KEY_UNFIT);
	ED_SET("{\"keys\":[{" ED_OKP ",\"kid\":\"ed1\",\"key_ops\":[\"sign\"]}]}");
	CHECK_RC(jwtauth_jws_verify_signature_only(ks, toks[0].tok, toks[0].len, JWTAUTH_ALGS_ALL, jwt, &err), JWTAUTH_ERR_KEY_UNFIT);
	ED_SET("{\"keys\":[{" ED_OKP ",\"kid\":\"other\"}]}");
	CHECK_RC(jwtauth_jws_verify_signature_only(ks, toks[0].tok, toks[0].len, JWTAUTH_ALGS_ALL, jwt, &err), JWTAUTH_ERR_KID_UNKNOWN);
	/* a token without kid: tried against every fitting key */
	ED_SET("{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"},{" ED_OKP "}]}");
	CHECK_RC(rc, JWTAUTH_OK);
	CHECK_RC(jwtauth_jws_verify_signature_only(ks, toks[2].tok, toks[2].len, JWTAUTH_ALGS_ALL, jwt, &err),
		toks[2].len > JWTAUTH_MAX_TOKEN_LEN ? JWTAUTH_ERR_TOKEN_SIZE : JWTAUTH_OK);
	CHECK(toks[2].len > JWTAUTH_MAX_TOKEN_LEN || jwt->key == &ks->keys[1]);
	id1 = ks->id;
	/* two usable keys under one kid */
	ED_SET("{\"keys\":[{" ED_OKP ",\"kid\":\"ed1\"},{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"ed1\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}]}");
	CHECK_RC(jwtauth_jws_verify_signature_only(ks, toks[0].tok, toks[0].len, JWTAUTH_ALGS_ALL, jwt, &err), JWTAUTH_ERR_KID_AMBIGUOUS);
	CHECK(ks->id != id1);
	/* with RSA or EC keys: fine; with an oct secret: refused */
	ED_SET("{\"keys\":[{" ED_OKP ",\"kid\":\"ed1\"},{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"ec\","
		"\"x\":\"CUYKnuY2IgLcAEfT7iVg_50_aPZxAlSLQBO47qaEUS0\",\"y\":\"xeVFinv91TcVdS8k9KoP26_w1wd7kCjStHePBVRUeiA\"}]}");
	CHECK_RC(rc, JWTAUTH_OK);
	CHECK_EQ(ks->usable, 2);
	CHECK_RC(jwtauth_jws_verify_signature_only(ks, toks[0].tok, toks[0].len, JWTAUTH_ALGS_ALL, jwt, &err), JWTAUTH_OK);
	ED_SET("{\"keys\":[{" ED_OKP ",\"kid\":\"ed1\"},{\"kty\":\"oct\",\"k\":\"YqXnCI1RMceIBTsroWHjYL7e6FdkLV9cN6183-u3Rp8\"}]}");
	CHECK_RC(rc, JWTAUTH_ERR_KEYSET_MIXED);
	/* an EdDSA token against an EC key, and ES256 against an OKP key */
	ED_SET("{\"keys\":[{" ED_OKP ",\"kid\":\"ed1\"}]}");
	CHECK_RC(jwtauth_sig_verify(&ks->keys[0], JWTAUTH_ALG_ES256, (const uint8_t *)"", 0,
		(const uint8_t *)"", 0), JWTAUTH_ERR_KEY_UNFIT);
#undef ED_SET
#undef ED_OKP
	/* the names */
	CHECK(strcmp(jwtauth_alg_name(JWTAUTH_ALG_EDDSA), "EdDSA") == 0);
	CHECK(strcmp(jwtauth_alg_name(JWTAUTH_ALG_ED25519), "Ed25519") == 0);
	CHECK_EQ(jwtauth_alg_from_name("Ed25519", 7), JWTAUTH_ALG_ED25519);
	CHECK_EQ(jwtauth_alg_from_name("EdDSA", 5), JWTAUTH_ALG_EDDSA);
	CHECK_EQ(jwtauth_alg_from_name("Ed2551", 6), JWTAUTH_ALG_UNKNOWN);
	CHECK_EQ(jwtauth_alg_from_name("eddsa", 5), JWTAUTH_ALG_UNKNOWN);
	{
		unsigned algs = 0;
		CHECK_RC(jwtauth_algs_parse("ES256, EdDSA ,Ed25519", 21, &algs, &err), JWTAUTH_OK);
		CHECK_EQ(algs, JWTAUTH_ALG_BIT(JWTAUTH_ALG_ES256) | JWTAUTH_ALG_BIT(JWTAUTH_ALG_EDDSA)
			| JWTAUTH_ALG_BIT(JWTAUTH_ALG_ED25519));
		CHECK_RC(jwtauth_algs_parse("Ed448", 5, &algs, &err), JWTAUTH_ERR_ALG_UNKNOWN);
		CHECK(JWTAUTH_ALGS_ALL & JWTAUTH_ALG_BIT(JWTAUTH_ALG_ED25519));
	}
	jwtauth_keyset_wipe(ks);
	free(ks);
	free(jwt);
	free(text);
}

/* ------------------------------------- the StarRocks login, cached keys */

#ifndef JWTAUTH_NO_MALLOC   /* the key-set cache */
static void ed_login_cached(void)
{
	static const char props[] = "{\"jwks_url\":\"ed25519.jwks.json\",\"principal_field\":\"sub\","
		"\"required_issuer\":\"https://issuer.example\",\"required_audience\":\"starrocks\"}";
	ed_tok toks[8];
	char *text = NULL;
	jwtauth_config *cfg = (jwtauth_config *)malloc(sizeof *cfg);
	jwtauth_login *login = (jwtauth_login *)malloc(sizeof *login);
	jwtauth_token_cache_entry *entries = (jwtauth_token_cache_entry *)malloc(4 * sizeof *entries);
	jwtauth_token_cache tc;
	jwtauth_cache_options opts;
	jwtauth_cache *cache;
	jwtauth_error err;
	int n, i, rc;
	CHECK(cfg && login && entries);
	n = ed_tokens(toks, &text);
	CHECK(n == 3);
	jwtauth_config_init(cfg);
	CHECK_RC(jwtauth_config_parse(cfg, props, strlen(props), &err), JWTAUTH_OK);
	jwtauth_token_cache_init(&tc, entries, 4);
	memset(&opts, 0, sizeof opts);
	opts.conf_dir = "tests/fixtures/eddsa";
	cache = jwtauth_cache_new(&opts, &err);
	CHECK(cache);
	for (i = 0; i < 2; i++) {
		/* EdDSA then Ed25519; each twice (the second from the token cache) */
		int t;
		for (t = 0; t < 2; t++) {
			rc = jwtauth_authenticate_cached(cache, cfg, &tc, "tom", 3, (const uint8_t *)toks[i].tok,
				toks[i].len, JWTAUTH_RESPONSE_AUTO, 1800000000, login, &err);
			CHECKF(rc == JWTAUTH_OK, "token %d: %s (%s)", i, jwtauth_error_name(rc), err.msg);
			CHECK(login->principal_len == 3 && strcmp(login->principal, "tom") == 0);
			CHECK_EQ(login->cache_hit, t);
			CHECK_EQ(login->jwt.alg, i == 0 ? JWTAUTH_ALG_EDDSA : JWTAUTH_ALG_ED25519);
		}
	}
	/* the allowlist of the config */
	cfg->algs = JWTAUTH_ALG_BIT(JWTAUTH_ALG_ED25519);
	jwtauth_token_cache_clear(&tc);
	rc = jwtauth_authenticate_cached(cache, cfg, &tc, "tom", 3, (const uint8_t *)toks[0].tok,
		toks[0].len, JWTAUTH_RESPONSE_AUTO, 1800000000, login, &err);
	CHECK_RC(rc, JWTAUTH_ERR_ALG_NOT_ALLOWED);
	jwtauth_cache_free(cache);
	free(cfg);
	free(login);
	free(entries);
	free(text);
}
#endif

/* ------------------------------------------------------------ internals */

#ifndef TEST_SEPARATE_IMPL
/* The base-point table equals [1, 3, ..., 63]B computed here. */
static void ed_base_table(void)
{
	static const uint8_t b_enc[32] = {
		0x58,0x66,0x66,0x66,0x66,0x66,0x66,0x66,0x66,0x66,0x66,0x66,0x66,0x66,0x66,0x66,
		0x66,0x66,0x66,0x66,0x66,0x66,0x66,0x66,0x66,0x66,0x66,0x66,0x66,0x66,0x66,0x66
	};
	uint64_t nb[15], w[4];
	jwtauth__ge p, b2;
	jwtauth__ge_c c;
	jwtauth__ge_cached b2c;
	jwtauth__fe d2, zi, x, y, t;
	int i, k;
	CHECK_RC(jwtauth__ed25519_load(nb, b_enc), JWTAUTH_OK);
	jwtauth__fe_from_words(d2, jwtauth__ed_d2);
	memcpy(p.X, nb, sizeof p.X);
	memcpy(p.Y, nb + 5, sizeof p.Y);
	memcpy(p.T, nb + 10, sizeof p.T);
	jwtauth__fe_neg(p.X, p.X);                 /* B = -(-B) */
	jwtauth__fe_neg(p.T, p.T);
	jwtauth__fe_set(p.Z, 1);
	jwtauth__ge_dbl(&c, &p);
	jwtauth__ge_to_p3(&b2, &c);
	jwtauth__ge_cache(&b2c, &b2, d2);
	for (i = 0; i < 32; i++) {
		jwtauth__fe_invert(zi, p.Z);
		jwtauth__fe_mul(x, p.X, zi);
		jwtauth__fe_mul(y, p.Y, zi);
		jwtauth__fe_add(t, y, x);
		jwtauth__fe_to_words(w, t);
		for (k = 0; k < 4; k++) CHECKF(w[k] == jwtauth__ed_base[i][0][k], "table %d: y + x", i);
		jwtauth__fe_sub(t, y, x);
		jwtauth__fe_to_words(w, t);
		for (k = 0; k < 4; k++) CHECKF(w[k] == jwtauth__ed_base[i][1][k], "table %d: y - x", i);
		jwtauth__fe_mul(t, x, y);
		jwtauth__fe_mul(t, t, d2);
		jwtauth__fe_to_words(w, t);
		for (k = 0; k < 4; k++) CHECKF(w[k] == jwtauth__ed_base[i][2][k], "table %d: 2dxy", i);
		jwtauth__ge_add(&c, &p, &b2c, 0);
		jwtauth__ge_to_p3(&p, &c);
	}
	printf("  base table: 32 points match; field limbs: %s\n",
		JWTAUTH__FE_N == 5 ? "5 x 51 bits (128-bit products)" : "10 x 25.5 bits (64-bit products)");
}

/* Reduction mod L at the edges (expected values from Python). */
static void ed_scalar_reduce(void)
{
	static const struct { const char *h, *want; } v[] = {
		{ "07000000000000000000000000000000000000000000000000000000000000500000000000000000000000000000000000000000000000000000000000000000", "53b0288c9673b69fa68c2174851884acffffffffffffffffffffffffffffff0f" },
		{ "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "000f9c44e31106a447938568a71b0ed065bef517d273ecce3d9a307c1b419903" },
		{ "edd3f55c1a631258d69cf7a2def9de14000000000000000000000000000000100000000000000000000000000000000000000000000000000000000000000000", "0000000000000000000000000000000000000000000000000000000000000000" },
		{ "ecd3f55c1a631258d69cf7a2def9de14000000000000000000000000000000100000000000000000000000000000000000000000000000000000000000000000", "ecd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010" },
		{ "00000000000000000000000000000000000000000000000000000000000000100000000000000000000000000000000000000000000000000000000000000000", "0000000000000000000000000000000000000000000000000000000000000010" },
		{ "01000000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000", "eed308892406f8f4c3442106e756001b21ebffffffffffffffffffffffffff0f" },
		{ "28f965aae59ceda72963085d210621ebffffffffffffffffffffffffffffffef679faee7d21893c0b2e6bc17f5cef7a600000000000000000000000000000080", "15cd5b0700000000000000000000000000000000000000000000000000000000" },
		{ "00000000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000", "edd308892406f8f4c3442106e756001b21ebffffffffffffffffffffffffff0f" }
	};
	size_t i;
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		uint8_t h[64], want[32], got[32];
		CHECK_EQ(ed_hex(v[i].h, h, sizeof h), 64);
		CHECK_EQ(ed_hex(v[i].want, want, sizeof want), 32);
		jwtauth__sc_reduce64(got, h);
		CHECKF(memcmp(got, want, 32) == 0, "reduce case %u", (unsigned)i);
		CHECK_EQ(jwtauth__sc_lt_l(got), 1);
	}
	{
		/* L - 1 < L, L and L + 1 are not */
		uint8_t s[32];
		CHECK_EQ(ed_hex("ecd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010", s, 32), 32);
		CHECK_EQ(jwtauth__sc_lt_l(s), 1);
		s[0]++;
		CHECK_EQ(jwtauth__sc_lt_l(s), 0);
		s[0]++;
		CHECK_EQ(jwtauth__sc_lt_l(s), 0);
	}
}
#endif

static const test_case t_eddsa_tests[] = {
	{ "eddsa_wycheproof", ed_wycheproof },
	{ "eddsa_rfc8037", ed_rfc8037 },
	{ "eddsa_openssl_tokens", ed_openssl_tokens },
	{ "eddsa_tamper", ed_tamper },
	{ "eddsa_key_rules", ed_key_rules },
	{ "eddsa_selection", ed_selection },
#ifndef JWTAUTH_NO_MALLOC
	{ "eddsa_login_cached", ed_login_cached },
#endif
#ifndef TEST_SEPARATE_IMPL
	{ "eddsa_base_table", ed_base_table },
	{ "eddsa_scalar_reduce", ed_scalar_reduce },
#endif
	{ NULL, NULL }
};
