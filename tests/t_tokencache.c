/* t_tokencache.c - the verified-token cache: hits and misses,
   time checks and the principal match on every hit, bindings to the key
   set id and the config, LRU replacement, long and tampered tokens, and
   jwtauth_keyset.id itself. Fixtures: tests/fixtures (tokens, jwks); HS256
   tokens signed here with oct32 through t_auth.c's ta_sign. */

static jwtauth_keyset tc_ks, tc_ks2;
static jwtauth_config tc_cfg, tc_cfg2;
static jwtauth_login tc_login;
static jwtauth_token_cache tc_cache;
static jwtauth_token_cache *tc_use;    /* what tc_auth passes */
static jwtauth_token_cache_entry tc_entries[16];
static char tc_toks[4][JWTAUTH_MAX_TOKEN_LEN + 1];
static size_t tc_lens[4];

/* Claims of the fixture tokens are valid at this time (tests/fixtures/README.md). */
#define TC_NOW ((int64_t)1800000000)

/* Read tokens/<name>.jwt into tc_toks[slot]; 0 when absent. */
static size_t tc_read(int slot, const char *name)
{
	char rel[128];
	size_t n = 0;
	char *f;
	snprintf(rel, sizeof rel, "tokens/%s.jwt", name);
	f = fx_read(rel, &n);
	if (!f) return 0;
	while (n > 0 && (f[n - 1] == '\n' || f[n - 1] == '\r')) n--;
	if (n > JWTAUTH_MAX_TOKEN_LEN) n = 0;
	memcpy(tc_toks[slot], f, n);
	tc_toks[slot][n] = 0;
	free(f);
	return tc_lens[slot] = n;
}

/* A config requiring the fixtures' issuer and audience, using the cache
   with `ways` entries (0: no cache). */
static int tc_setup(jwtauth_config *cfg, size_t entries)
{
	static const char props[] = "{\"principal_field\":\"sub\","
		"\"required_issuer\":\"https://issuer.example\","
		"\"required_audience\":\"starrocks\"}";
	int rc = jwtauth_config_parse(cfg, props, sizeof props - 1, NULL);
	if (rc != JWTAUTH_OK) return rc;
	jwtauth_token_cache_init(&tc_cache, entries ? tc_entries : NULL, entries);
	tc_use = &tc_cache;
	return JWTAUTH_OK;
}

static int tc_auth(const jwtauth_config *cfg, const jwtauth_keyset *ks,
	const char *user, const char *tok, size_t n, int64_t now)
{
	jwtauth_error e;
	return jwtauth_authenticate(cfg, ks, tc_use, user, user ? strlen(user) : 0,
		(const uint8_t *)tok, n, JWTAUTH_RESPONSE_BARE, now, &tc_login, &e);
}

static void tc_hit_miss(void)
{
	static const struct { const char *tok, *jwks; } cases[] = {
		{ "hs256", "jwks/oct.json" }, { "hs512", "jwks/oct.json" },
		{ "rs256", "jwks/public.json" }, { "ps256", "jwks/public.json" },
		{ "es256", "jwks/ec.json" }, { "es384", "jwks/public.json" },
		{ "rs256-nokid", "jwks/public.json" }
	};
	size_t i;
	jwtauth_config plain;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const jwtauth_key *key;
		size_t n = tc_read(0, cases[i].tok);
		if (n == 0) CHECKF(0, "fixture tokens missing");
		CHECK_RC(fx_load(&tc_ks, cases[i].jwks, NULL), JWTAUTH_OK);
		CHECK_RC(tc_setup(&tc_cfg, 4), JWTAUTH_OK);
		CHECK_RC(tc_auth(&tc_cfg, &tc_ks, "tom", tc_toks[0], n, TC_NOW), JWTAUTH_OK);
		CHECK_EQ(tc_login.cache_hit, 0);
		CHECK_EQ(tc_cache.misses, 1);
		CHECK_EQ(tc_cache.hits, 0);
		key = tc_login.jwt.key;
		CHECK(key != NULL);
		CHECK_RC(tc_auth(&tc_cfg, &tc_ks, "tom", tc_toks[0], n, TC_NOW), JWTAUTH_OK);
		CHECKF(tc_login.cache_hit == 1, "no hit for %s", cases[i].tok);
		CHECK_EQ(tc_cache.hits, 1);
		CHECK(tc_login.jwt.key == key);
		CHECK(strcmp(tc_login.principal, "tom") == 0);
		CHECK(tc_login.jwt.alg != JWTAUTH_ALG_UNKNOWN);
		CHECK_EQ(tc_login.claims.exp, 4102444800LL);
		CHECK(tc_login.jwt.payload_len > 0 && tc_login.jwt.header_len > 0);
		/* a third time, through the openid framing */
		{
			uint8_t resp[JWTAUTH_MAX_TOKEN_LEN + 8];
			jwtauth_error e;
			resp[0] = 1; resp[1] = 0xFC;
			resp[2] = (uint8_t)n; resp[3] = (uint8_t)(n >> 8);
			memcpy(resp + 4, tc_toks[0], n);
			CHECK_RC(jwtauth_authenticate(&tc_cfg, &tc_ks, &tc_cache, "TOM", 3, resp, n + 4,
				JWTAUTH_RESPONSE_OPENID, TC_NOW, &tc_login, &e), JWTAUTH_OK);
			CHECK_EQ(tc_login.cache_hit, 1);
		}
	}
	/* NULL cache = off; a cache without entries only counts misses */
	CHECK_RC(tc_setup(&plain, 0), JWTAUTH_OK);
	tc_use = NULL;
	CHECK_RC(tc_auth(&plain, &tc_ks, "tom", tc_toks[0], tc_lens[0], TC_NOW), JWTAUTH_OK);
	CHECK_EQ(tc_login.cache_hit, 0);
	CHECK_RC(tc_setup(&tc_cfg, 0), JWTAUTH_OK);
	CHECK_RC(tc_auth(&tc_cfg, &tc_ks, "tom", tc_toks[0], tc_lens[0], TC_NOW), JWTAUTH_OK);
	CHECK_RC(tc_auth(&tc_cfg, &tc_ks, "tom", tc_toks[0], tc_lens[0], TC_NOW), JWTAUTH_OK);
	CHECK_EQ(tc_login.cache_hit, 0);
	CHECK_EQ(tc_cache.hits, 0);
}

static void tc_time_checks(void)
{
	size_t n = tc_read(0, "rs256"), m = tc_read(1, "rs256-nbf-future");
	size_t x = tc_read(2, "rs256-expired");
	if (!n || !m || !x) CHECKF(0, "fixture tokens missing");
	CHECK_RC(fx_load(&tc_ks, "jwks/public.json", NULL), JWTAUTH_OK);
	CHECK_RC(tc_setup(&tc_cfg, 8), JWTAUTH_OK);
	/* cached while valid, refused from the cache once exp has passed */
	CHECK_RC(tc_auth(&tc_cfg, &tc_ks, "tom", tc_toks[0], n, TC_NOW), JWTAUTH_OK);
	CHECK_RC(tc_auth(&tc_cfg, &tc_ks, "tom", tc_toks[0], n, 4102444799LL), JWTAUTH_OK);
	CHECK_EQ(tc_login.cache_hit, 1);
	CHECK_RC(tc_auth(&tc_cfg, &tc_ks, "tom", tc_toks[0], n, 4102444800LL), JWTAUTH_ERR_EXPIRED);
	CHECK_EQ(tc_login.cache_hit, 1);
	CHECK_RC(tc_auth(&tc_cfg, &tc_ks, "tom", tc_toks[0], n, 4102444800LL + 86400), JWTAUTH_ERR_EXPIRED);
	/* leeway applies on a hit exactly as on a miss */
	tc_cfg.claims.leeway = 10;
	CHECK_RC(tc_auth(&tc_cfg, &tc_ks, "tom", tc_toks[0], n, 4102444809LL), JWTAUTH_OK);
	CHECK_EQ(tc_login.cache_hit, 1);
	CHECK_RC(tc_auth(&tc_cfg, &tc_ks, "tom", tc_toks[0], n, 4102444810LL), JWTAUTH_ERR_EXPIRED);
	tc_cfg.claims.leeway = 0;
	/* nbf in the future: the verified signature is cached, the claims
	   refuse it on every hit until nbf, then it is accepted */
	CHECK_RC(tc_auth(&tc_cfg, &tc_ks, "tom", tc_toks[1], m, TC_NOW), JWTAUTH_ERR_NOT_YET_VALID);
	CHECK_EQ(tc_login.cache_hit, 0);
	CHECK_RC(tc_auth(&tc_cfg, &tc_ks, "tom", tc_toks[1], m, TC_NOW), JWTAUTH_ERR_NOT_YET_VALID);
	CHECK_EQ(tc_login.cache_hit, 1);
	CHECK_RC(tc_auth(&tc_cfg, &tc_ks, "tom", tc_toks[1], m, 4000000000LL), JWTAUTH_OK);
	CHECK_EQ(tc_login.cache_hit, 1);
	/* an expired token stays expired from the cache */
	CHECK_RC(tc_auth(&tc_cfg, &tc_ks, "tom", tc_toks[2], x, TC_NOW), JWTAUTH_ERR_EXPIRED);
	CHECK_RC(tc_auth(&tc_cfg, &tc_ks, "tom", tc_toks[2], x, TC_NOW), JWTAUTH_ERR_EXPIRED);
	CHECK_EQ(tc_login.cache_hit, 1);
	/* issuer/audience are evaluated on a hit: change the policy in place */
	tc_cfg.claims.audiences[0].p = "other";
	tc_cfg.claims.audiences[0].len = 5;
	CHECK_RC(tc_auth(&tc_cfg, &tc_ks, "tom", tc_toks[0], n, TC_NOW), JWTAUTH_ERR_AUDIENCE);
	CHECK_EQ(tc_login.cache_hit, 1);
}

static void tc_principal_on_hit(void)
{
	size_t n = tc_read(0, "hs256");
	jwtauth_error e;
	if (!n) CHECKF(0, "fixture tokens missing");
	CHECK_RC(fx_load(&tc_ks, "jwks/oct.json", NULL), JWTAUTH_OK);
	CHECK_RC(tc_setup(&tc_cfg, 4), JWTAUTH_OK);
	CHECK_RC(tc_auth(&tc_cfg, &tc_ks, "tom", tc_toks[0], n, TC_NOW), JWTAUTH_OK);
	CHECK_RC(tc_auth(&tc_cfg, &tc_ks, "jerry", tc_toks[0], n, TC_NOW),
		JWTAUTH_ERR_PRINCIPAL_MISMATCH);
	CHECK_EQ(tc_login.cache_hit, 1);
	CHECK_RC(tc_auth(&tc_cfg, &tc_ks, "to", tc_toks[0], n, TC_NOW),
		JWTAUTH_ERR_PRINCIPAL_MISMATCH);
	CHECK_RC(tc_auth(&tc_cfg, &tc_ks, NULL, tc_toks[0], n, TC_NOW), JWTAUTH_OK);
	CHECK_EQ(tc_login.cache_hit, 1);
	/* the principal field of the config is read on the hit */
	CHECK_RC(jwtauth_config_set(&tc_cfg, &tc_cfg.principal_field,
		"preferred_username", 18, NULL), JWTAUTH_OK);
	CHECK_RC(tc_auth(&tc_cfg, &tc_ks, "tom", tc_toks[0], n, TC_NOW), JWTAUTH_OK);
	CHECK_EQ(tc_login.cache_hit, 1);
	CHECK_RC(jwtauth_config_set(&tc_cfg, &tc_cfg.principal_field, "nope", 4, NULL), JWTAUTH_OK);
	CHECK_RC(jwtauth_authenticate(&tc_cfg, &tc_ks, &tc_cache, "tom", 3, (const uint8_t *)tc_toks[0],
		n, JWTAUTH_RESPONSE_BARE, TC_NOW, &tc_login, &e), JWTAUTH_ERR_PRINCIPAL_MISSING);
	CHECK_EQ(tc_login.cache_hit, 1);
	/* groups are evaluated on a hit */
	CHECK_RC(jwtauth_config_set(&tc_cfg, &tc_cfg.principal_field, "sub", 3, NULL), JWTAUTH_OK);
	CHECK_RC(jwtauth_config_set(&tc_cfg, &tc_cfg.groups_claim, "groups", 6, NULL), JWTAUTH_OK);
	CHECK_RC(jwtauth_config_set_list(&tc_cfg, tc_cfg.permitted_groups,
		&tc_cfg.n_permitted_groups, "g9", 2, NULL), JWTAUTH_OK);
	CHECK_RC(tc_auth(&tc_cfg, &tc_ks, "tom", tc_toks[0], n, TC_NOW), JWTAUTH_ERR_GROUP);
	CHECK_EQ(tc_login.cache_hit, 1);
	CHECK_RC(jwtauth_config_set_list(&tc_cfg, tc_cfg.permitted_groups,
		&tc_cfg.n_permitted_groups, "g2", 2, NULL), JWTAUTH_OK);
	CHECK_RC(tc_auth(&tc_cfg, &tc_ks, "tom", tc_toks[0], n, TC_NOW), JWTAUTH_OK);
	CHECK_EQ(tc_login.cache_hit, 1);
	CHECK_EQ(tc_login.n_groups, 2);
}

static void tc_rotation(void)
{
	size_t n = tc_read(0, "rs256");
	jwtauth_keyset *tmp = &tc_ks2;
	if (!n) CHECKF(0, "fixture tokens missing");
	CHECK_RC(fx_load(&tc_ks, "jwks/public.json", NULL), JWTAUTH_OK);
	CHECK_RC(tc_setup(&tc_cfg, 4), JWTAUTH_OK);
	CHECK_RC(tc_auth(&tc_cfg, &tc_ks, "tom", tc_toks[0], n, TC_NOW), JWTAUTH_OK);
	CHECK_RC(tc_auth(&tc_cfg, &tc_ks, "tom", tc_toks[0], n, TC_NOW), JWTAUTH_OK);
	CHECK_EQ(tc_login.cache_hit, 1);
	/* another set holding the same key (new id): a miss, then a hit */
	CHECK_RC(fx_load(&tc_ks2, "jwks/rsa.json", NULL), JWTAUTH_OK);
	CHECK(tc_ks2.id != tc_ks.id);
	CHECK_RC(tc_auth(&tc_cfg, &tc_ks2, "tom", tc_toks[0], n, TC_NOW), JWTAUTH_OK);
	CHECK_EQ(tc_login.cache_hit, 0);
	CHECK_RC(tc_auth(&tc_cfg, &tc_ks2, "tom", tc_toks[0], n, TC_NOW), JWTAUTH_OK);
	CHECK_EQ(tc_login.cache_hit, 1);
	/* a rotation in place: the kid rsa2048a now names another key; the
	   cached verdict must not survive it */
	CHECK_RC(fx_load(tmp, "keys/rsa2048b.pub.jwk.json", NULL), JWTAUTH_OK);
	jwtauth_keyset_init(&tc_ks);
	CHECK_RC(jwtauth_keyset_add_rsa(&tc_ks, tmp->keys[0].u.rsa.n, tmp->keys[0].u.rsa.n_len,
		tmp->keys[0].u.rsa.e, tmp->keys[0].u.rsa.e_len, JWTAUTH_ALG_UNKNOWN,
		"rsa2048a", 8), JWTAUTH_OK);
	CHECK_RC(tc_auth(&tc_cfg, &tc_ks, "tom", tc_toks[0], n, TC_NOW), JWTAUTH_ERR_SIGNATURE);
	CHECK_EQ(tc_login.cache_hit, 0);
	/* back to the original document: same id as before, the entry is
	   still good */
	CHECK_RC(fx_load(&tc_ks, "jwks/public.json", NULL), JWTAUTH_OK);
	CHECK_RC(tc_auth(&tc_cfg, &tc_ks, "tom", tc_toks[0], n, TC_NOW), JWTAUTH_OK);
	CHECK_EQ(tc_login.cache_hit, 1);
	/* a set edited by hand under the same id is caught by the re-check of
	   the key on a hit: the full path then decides */
	tc_ks.keys[tc_login.jwt.key - tc_ks.keys].alg = JWTAUTH_ALG_PS256;
	CHECK_RC(tc_auth(&tc_cfg, &tc_ks, "tom", tc_toks[0], n, TC_NOW), JWTAUTH_ERR_KEY_UNFIT);
	CHECK_EQ(tc_login.cache_hit, 0);
	/* an emptied set never serves */
	CHECK_RC(fx_load(&tc_ks, "jwks/public.json", NULL), JWTAUTH_OK);
	CHECK_RC(tc_auth(&tc_cfg, &tc_ks, "tom", tc_toks[0], n, TC_NOW), JWTAUTH_OK);
	jwtauth_keyset_wipe(&tc_ks);
	CHECK(tc_auth(&tc_cfg, &tc_ks, "tom", tc_toks[0], n, TC_NOW) != JWTAUTH_OK);
	CHECK_EQ(tc_login.cache_hit, 0);
}

static void tc_other_config(void)
{
	size_t n = tc_read(0, "hs256");
	if (!n) CHECKF(0, "fixture tokens missing");
	CHECK_RC(fx_load(&tc_ks, "jwks/oct.json", NULL), JWTAUTH_OK);
	CHECK_RC(tc_setup(&tc_cfg2, 4), JWTAUTH_OK);
	CHECK_RC(tc_setup(&tc_cfg, 4), JWTAUTH_OK);
	CHECK_RC(tc_auth(&tc_cfg, &tc_ks, "tom", tc_toks[0], n, TC_NOW), JWTAUTH_OK);
	CHECK_RC(tc_auth(&tc_cfg, &tc_ks, "tom", tc_toks[0], n, TC_NOW), JWTAUTH_OK);
	CHECK_EQ(tc_login.cache_hit, 1);
	/* another config object with the same allowlist: the same entry
	   (entries are bound to what decided the signature, not an address) */
	CHECK_RC(tc_auth(&tc_cfg2, &tc_ks, "tom", tc_toks[0], n, TC_NOW), JWTAUTH_OK);
	CHECK_EQ(tc_login.cache_hit, 1);
	/* another allowlist that still admits the alg: its own entry */
	tc_cfg2.algs = JWTAUTH_ALGS_HMAC;
	CHECK_RC(tc_auth(&tc_cfg2, &tc_ks, "tom", tc_toks[0], n, TC_NOW), JWTAUTH_OK);
	CHECK_EQ(tc_login.cache_hit, 0);
	CHECK_RC(tc_auth(&tc_cfg2, &tc_ks, "tom", tc_toks[0], n, TC_NOW), JWTAUTH_OK);
	CHECK_EQ(tc_login.cache_hit, 1);
	tc_cfg2.algs = JWTAUTH_ALGS_ALL;
	/* an allowlist without the alg never reaches an entry */
	tc_cfg.algs = JWTAUTH_ALG_BIT(JWTAUTH_ALG_RS256);
	CHECK_RC(tc_auth(&tc_cfg, &tc_ks, "tom", tc_toks[0], n, TC_NOW), JWTAUTH_ERR_ALG_NOT_ALLOWED);
	CHECK_EQ(tc_login.cache_hit, 0);
	/* an empty allowlist is an error, not "all" */
	tc_cfg.algs = 0;
	CHECK_RC(tc_auth(&tc_cfg, &tc_ks, "tom", tc_toks[0], n, TC_NOW), JWTAUTH_ERR_ARGUMENT);
	tc_cfg.algs = JWTAUTH_ALGS_ALL;
	/* clear forgets everything */
	CHECK_RC(tc_auth(&tc_cfg, &tc_ks, "tom", tc_toks[0], n, TC_NOW), JWTAUTH_OK);
	CHECK_RC(tc_auth(&tc_cfg, &tc_ks, "tom", tc_toks[0], n, TC_NOW), JWTAUTH_OK);
	CHECK_EQ(tc_login.cache_hit, 1);
	jwtauth_token_cache_clear(&tc_cache);
	CHECK_RC(tc_auth(&tc_cfg2, &tc_ks, "tom", tc_toks[0], n, TC_NOW), JWTAUTH_OK);
	CHECK_EQ(tc_login.cache_hit, 0);
	CHECK_RC(tc_auth(&tc_cfg, &tc_ks, "tom", tc_toks[0], n, TC_NOW), JWTAUTH_OK);
	CHECK_EQ(tc_login.cache_hit, 1);
}

/* Sign an HS256 token for tom with a distinguishing claim into slot i. */
static size_t tc_make(int slot, const char *extra)
{
	char payload[JWTAUTH_MAX_TOKEN_LEN];
	size_t n;
	snprintf(payload, sizeof payload, "{\"iss\":\"https://issuer.example\","
		"\"aud\":\"starrocks\",\"sub\":\"tom\",\"exp\":4102444800,\"x\":\"%s\"}", extra);
	n = ta_sign(payload);
	memcpy(tc_toks[slot], ta_tok, n + 1);
	return tc_lens[slot] = n;
}

#define TC_AUTH_SLOT(i) tc_auth(&tc_cfg, &tc_ks, "tom", tc_toks[i], tc_lens[i], TC_NOW)

static void tc_lru(void)
{
	if (fx_load(&tc_ks, "jwks/oct.json", NULL) != JWTAUTH_OK) CHECKF(0, "fixtures missing");
	CHECK(tc_make(0, "one") && tc_make(1, "two") && tc_make(2, "three"));
	CHECK_RC(tc_setup(&tc_cfg, 2), JWTAUTH_OK);
	CHECK_RC(TC_AUTH_SLOT(0), JWTAUTH_OK); CHECK_EQ(tc_login.cache_hit, 0);
	CHECK_RC(TC_AUTH_SLOT(1), JWTAUTH_OK); CHECK_EQ(tc_login.cache_hit, 0);
	CHECK_RC(TC_AUTH_SLOT(0), JWTAUTH_OK); CHECK_EQ(tc_login.cache_hit, 1);
	/* full: "three" replaces the least recently used, "two" */
	CHECK_RC(TC_AUTH_SLOT(2), JWTAUTH_OK); CHECK_EQ(tc_login.cache_hit, 0);
	CHECK_RC(TC_AUTH_SLOT(0), JWTAUTH_OK); CHECK_EQ(tc_login.cache_hit, 1);
	CHECK_RC(TC_AUTH_SLOT(2), JWTAUTH_OK); CHECK_EQ(tc_login.cache_hit, 1);
	CHECK_RC(TC_AUTH_SLOT(1), JWTAUTH_OK); CHECK_EQ(tc_login.cache_hit, 0);
	/* "two" replaced "one" (used before "three") */
	CHECK_RC(TC_AUTH_SLOT(2), JWTAUTH_OK); CHECK_EQ(tc_login.cache_hit, 1);
	CHECK_RC(TC_AUTH_SLOT(1), JWTAUTH_OK); CHECK_EQ(tc_login.cache_hit, 1);
	CHECK_RC(TC_AUTH_SLOT(0), JWTAUTH_OK); CHECK_EQ(tc_login.cache_hit, 0);
	CHECK_EQ(tc_cache.hits, 5);
	CHECK_EQ(tc_cache.misses, 5);
	/* a bigger cache keeps many tokens */
	{
		int i, j;
		char x[16];
		CHECK_RC(tc_setup(&tc_cfg, 16), JWTAUTH_OK);
		for (j = 0; j < 2; j++)
			for (i = 0; i < 4; i++) {
				snprintf(x, sizeof x, "t%d", i);
				tc_make(3, x);
				CHECK_RC(TC_AUTH_SLOT(3), JWTAUTH_OK);
				CHECK_EQ(tc_login.cache_hit, j);
			}
	}
}

/* needs tokens longer than the cache keeps that still verify */
#if JWTAUTH_MAX_TOKEN_LEN >= JWTAUTH_TOKEN_CACHE_MAX_TOKEN + 1024
static void tc_long_token(void)
{
	char pad[3000];
	size_t len, best = 0, over = 0, L;
	if (fx_load(&tc_ks, "jwks/oct.json", NULL) != JWTAUTH_OK) CHECKF(0, "fixtures missing");
	/* find padding giving a token of at most the limit (as close as the
	   base64 lengths allow) and one just over it */
	for (L = 1200; L < 1700 && (!best || !over); L++) {
		memset(pad, 'a', L);
		pad[L] = 0;
		len = tc_make(0, pad);
		if (len <= JWTAUTH_TOKEN_CACHE_MAX_TOKEN && len + 4 > JWTAUTH_TOKEN_CACHE_MAX_TOKEN)
			best = L;
		if (len > JWTAUTH_TOKEN_CACHE_MAX_TOKEN && !over) over = L;
	}
	CHECK(best && over);
	memset(pad, 'a', best); pad[best] = 0;
	tc_make(0, pad);
	memset(pad, 'a', over); pad[over] = 0;
	tc_make(1, pad);
	CHECK(tc_lens[0] <= JWTAUTH_TOKEN_CACHE_MAX_TOKEN);
	CHECK(tc_lens[1] > JWTAUTH_TOKEN_CACHE_MAX_TOKEN);
	CHECK_RC(tc_setup(&tc_cfg, 4), JWTAUTH_OK);
	CHECK_RC(TC_AUTH_SLOT(0), JWTAUTH_OK);
	CHECK_RC(TC_AUTH_SLOT(0), JWTAUTH_OK);
	CHECK_EQ(tc_login.cache_hit, 1);
	CHECK_RC(TC_AUTH_SLOT(1), JWTAUTH_OK);
	CHECK_RC(TC_AUTH_SLOT(1), JWTAUTH_OK);
	CHECK_EQ(tc_login.cache_hit, 0);
	CHECK_EQ(tc_cache.hits, 1);
	/* a 6 KB token (under JWTAUTH_MAX_TOKEN_LEN) still authenticates */
	memset(pad, 'b', 2999); pad[2999] = 0;
	CHECK(tc_make(2, pad) > 4000);
	CHECK_RC(TC_AUTH_SLOT(2), JWTAUTH_OK);
	CHECK_RC(TC_AUTH_SLOT(2), JWTAUTH_OK);
	CHECK_EQ(tc_login.cache_hit, 0);
}
#endif

static void tc_tampered(void)
{
	static const char *const names[] = { "hs256", "es256", "rs256" };
	static const char *const sets[] = { "jwks/oct.json", "jwks/ec.json", "jwks/public.json" };
	size_t t, i;
	for (t = 0; t < 3; t++) {
		size_t n = tc_read(0, names[t]);
		unsigned long before;
		if (!n) CHECKF(0, "fixture tokens missing");
		CHECK_RC(fx_load(&tc_ks, sets[t], NULL), JWTAUTH_OK);
		CHECK_RC(tc_setup(&tc_cfg, 8), JWTAUTH_OK);
		CHECK_RC(tc_auth(&tc_cfg, &tc_ks, "tom", tc_toks[0], n, TC_NOW), JWTAUTH_OK);
		CHECK_RC(tc_auth(&tc_cfg, &tc_ks, "tom", tc_toks[0], n, TC_NOW), JWTAUTH_OK);
		CHECK_EQ(tc_login.cache_hit, 1);
		before = (unsigned long)tc_cache.hits;
		/* every single-byte change, anywhere, must miss (and fail: no
		   such token verifies); RSA/EC: every 7th position, for time */
		for (i = 0; i < n; i += t == 0 ? 1 : 7) {
			char saved = tc_toks[0][i];
			int rc;
			tc_toks[0][i] = saved == 'A' ? 'B' : saved == '.' ? 'A' : 'A';
			rc = tc_auth(&tc_cfg, &tc_ks, "tom", tc_toks[0], n, TC_NOW);
			tc_toks[0][i] = saved;
			CHECKF(rc != JWTAUTH_OK, "byte %zu changed still authenticates", i);
			CHECKF(tc_login.cache_hit == 0, "byte %zu changed hit the cache", i);
		}
		CHECK_EQ(tc_cache.hits, before);
		/* a prefix, and one extra byte, miss too */
		CHECK(tc_auth(&tc_cfg, &tc_ks, "tom", tc_toks[0], n - 1, TC_NOW) != JWTAUTH_OK);
		CHECK_EQ(tc_login.cache_hit, 0);
		tc_toks[0][n] = 'A';
		CHECK(tc_auth(&tc_cfg, &tc_ks, "tom", tc_toks[0], n + 1, TC_NOW) != JWTAUTH_OK);
		CHECK_EQ(tc_login.cache_hit, 0);
		tc_toks[0][n] = 0;
		/* the original still hits */
		CHECK_RC(tc_auth(&tc_cfg, &tc_ks, "tom", tc_toks[0], n, TC_NOW), JWTAUTH_OK);
		CHECK_EQ(tc_login.cache_hit, 1);
	}
	/* a token whose signature fails is never stored */
	{
		size_t n = tc_read(1, "rs256-wrong-key");
		if (!n) CHECKF(0, "fixture tokens missing");
		CHECK_RC(fx_load(&tc_ks, "jwks/public.json", NULL), JWTAUTH_OK);
		CHECK_RC(tc_setup(&tc_cfg, 8), JWTAUTH_OK);
		CHECK_RC(tc_auth(&tc_cfg, &tc_ks, "tom", tc_toks[1], n, TC_NOW), JWTAUTH_ERR_SIGNATURE);
		CHECK_RC(tc_auth(&tc_cfg, &tc_ks, "tom", tc_toks[1], n, TC_NOW), JWTAUTH_ERR_SIGNATURE);
		CHECK_EQ(tc_login.cache_hit, 0);
		CHECK_EQ(tc_cache.hits, 0);
		for (i = 0; i < 8; i++) CHECK_EQ(tc_entries[i].hash, 0);
	}
}

static void tc_keyset_id(void)
{
	static const char *const docs[] = {
		"jwks/rsa.json", "jwks/ec.json", "jwks/public.json", "jwks/oct.json",
		"jwks/rsa-nokid.json", "keys/rsa2048a.spki.pem", "keys/rsa2048a.pub.jwk.json"
	};
	uint64_t ids[7];
	size_t i, j;
	uint8_t k[32];
	for (i = 0; i < 7; i++) {
		CHECK_RC(fx_load(&tc_ks, docs[i], NULL), JWTAUTH_OK);
		ids[i] = tc_ks.id;
		CHECK(ids[i] != 0);
		/* deterministic, and independent of where the set lives */
		CHECK_RC(fx_load(&tc_ks2, docs[i], NULL), JWTAUTH_OK);
		CHECK(tc_ks2.id == ids[i]);
		for (j = 0; j < i; j++) CHECKF(ids[j] != ids[i], "%s and %s share an id", docs[j], docs[i]);
	}
	/* the same key with another kid, or no kid: another id */
	CHECK_RC(fx_load(&tc_ks, "keys/rsa2048a.spki.pem", NULL), JWTAUTH_OK);
	jwtauth_keyset_init(&tc_ks2);
	CHECK_RC(jwtauth_keyset_add_rsa(&tc_ks2, tc_ks.keys[0].u.rsa.n, tc_ks.keys[0].u.rsa.n_len,
		tc_ks.keys[0].u.rsa.e, tc_ks.keys[0].u.rsa.e_len, JWTAUTH_ALG_UNKNOWN, NULL, 0),
		JWTAUTH_OK);
	CHECK(tc_ks2.id == tc_ks.id);   /* PEM load == add_rsa of the same key */
	ids[0] = tc_ks2.id;
	jwtauth_keyset_init(&tc_ks2);
	CHECK_RC(jwtauth_keyset_add_rsa(&tc_ks2, tc_ks.keys[0].u.rsa.n, tc_ks.keys[0].u.rsa.n_len,
		tc_ks.keys[0].u.rsa.e, tc_ks.keys[0].u.rsa.e_len, JWTAUTH_ALG_UNKNOWN, "a", 1),
		JWTAUTH_OK);
	CHECK(tc_ks2.id != ids[0]);
	ids[1] = tc_ks2.id;
	jwtauth_keyset_init(&tc_ks2);
	CHECK_RC(jwtauth_keyset_add_rsa(&tc_ks2, tc_ks.keys[0].u.rsa.n, tc_ks.keys[0].u.rsa.n_len,
		tc_ks.keys[0].u.rsa.e, tc_ks.keys[0].u.rsa.e_len, JWTAUTH_ALG_RS256, "a", 1),
		JWTAUTH_OK);
	CHECK(tc_ks2.id != ids[1] && tc_ks2.id != ids[0]);
	/* every add changes the id; a refused add leaves it */
	ids[2] = tc_ks2.id;
	CHECK_RC(jwtauth_keyset_add_ec(&tc_ks2, 0, k, 0, JWTAUTH_ALG_UNKNOWN, NULL, 0),
		JWTAUTH_ERR_KEY_CRV);
	CHECK(tc_ks2.id == ids[2]);
	CHECK_RC(fx_load(&tc_ks, "keys/ec256.spki.pem", NULL), JWTAUTH_OK);
	CHECK_RC(jwtauth_keyset_add_ec(&tc_ks2, tc_ks.keys[0].u.ec.curve, tc_ks.keys[0].u.ec.q,
		tc_ks.keys[0].u.ec.q_len, JWTAUTH_ALG_UNKNOWN, NULL, 0), JWTAUTH_OK);
	CHECK(tc_ks2.id != ids[2]);
	/* oct: the secret is part of the fingerprint */
	memset(k, 7, sizeof k);
	jwtauth_keyset_init(&tc_ks2);
	CHECK_RC(jwtauth_keyset_add_oct(&tc_ks2, k, sizeof k, JWTAUTH_ALG_UNKNOWN, "s", 1), JWTAUTH_OK);
	ids[3] = tc_ks2.id;
	k[31] ^= 1;
	jwtauth_keyset_init(&tc_ks2);
	CHECK_RC(jwtauth_keyset_add_oct(&tc_ks2, k, sizeof k, JWTAUTH_ALG_UNKNOWN, "s", 1), JWTAUTH_OK);
	CHECK(tc_ks2.id != ids[3]);
}

static const test_case t_tokencache_tests[] = {
	{ "hit_miss", tc_hit_miss },
	{ "time_checks", tc_time_checks },
	{ "principal_on_hit", tc_principal_on_hit },
	{ "rotation", tc_rotation },
	{ "other_config", tc_other_config },
	{ "lru", tc_lru },
#if JWTAUTH_MAX_TOKEN_LEN >= JWTAUTH_TOKEN_CACHE_MAX_TOKEN + 1024
	{ "long_token", tc_long_token },
#endif
	{ "tampered", tc_tampered },
	{ "keyset_id", tc_keyset_id },
	{ NULL, NULL }
};
