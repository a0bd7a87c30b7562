/* t_config.c - StarRocks per-user properties and security integration
   properties. */

static jwtauth_config tg_cfg;

static int tg_str_is(jwtauth_str s, const char *want)
{
	size_t n = strlen(want);
	/* every stored string is a C string too */
	return s.p && s.len == n && memcmp(s.p, want, n) == 0 && s.p[n] == 0;
}

static int tg_parse(const char *json, jwtauth_error *e)
{
	return jwtauth_config_parse(&tg_cfg, json, strlen(json), e);
}

static int tg_integ(const char *json, jwtauth_error *e)
{
	return jwtauth_integration_parse(&tg_cfg, json, strlen(json), e);
}

static int tg_detail_is(const jwtauth_error *e, const char *s)
{
	return e->detail_len == strlen(s)
		&& memcmp(e->detail, s, e->detail_len) == 0;
}

static void tg_init(void)
{
	memset(&tg_cfg, 0x5a, sizeof tg_cfg);
	jwtauth_config_init(&tg_cfg);
	CHECK(tg_str_is(tg_cfg.principal_field, "sub"));
	CHECK_EQ(tg_cfg.jwks_url.len, 0);
	CHECK_EQ(tg_cfg.claims.n_issuers, 0);
	CHECK_EQ(tg_cfg.claims.n_audiences, 0);
	CHECK_EQ(tg_cfg.n_permitted_groups, 0);
	CHECK_EQ(tg_cfg.groups_claim.len, 0);
	CHECK_EQ(tg_cfg.algs, JWTAUTH_ALGS_ALL);
	CHECK_EQ(tg_cfg.is_integration, 0);
	CHECK_EQ(tg_cfg.used, 0);
}

/* The StarRocks documentation's CREATE USER example, byte for byte. */
static void tg_seed(void)
{
	static const char props[] =
		"{\n"
		"  \"jwks_url\": \"http://localhost:38080/realms/master/protocol/jwt/certs\",\n"
		"  \"principal_field\": \"preferred_username\",\n"
		"  \"required_issuer\": \"http://localhost:38080/realms/master\",\n"
		"  \"required_audience\": \"starrocks\"\n"
		"}";
	jwtauth_error e;
	CHECK_RC(tg_parse(props, &e), JWTAUTH_OK);
	CHECK_EQ(e.code, JWTAUTH_OK);
	CHECK(tg_str_is(tg_cfg.jwks_url, "http://localhost:38080/realms/master/protocol/jwt/certs"));
	CHECK(tg_str_is(tg_cfg.principal_field, "preferred_username"));
	CHECK_EQ(tg_cfg.claims.n_issuers, 1);
	CHECK(tg_str_is(tg_cfg.claims.issuers[0], "http://localhost:38080/realms/master"));
	CHECK_EQ(tg_cfg.claims.n_audiences, 1);
	CHECK(tg_str_is(tg_cfg.claims.audiences[0], "starrocks"));
	CHECK_EQ(tg_cfg.is_integration, 0);
	/* defaults and an empty object */
	CHECK_RC(tg_parse("{}", &e), JWTAUTH_OK);
	CHECK(tg_str_is(tg_cfg.principal_field, "sub"));
	CHECK_EQ(tg_cfg.claims.n_issuers, 0);
	CHECK_RC(tg_parse(" {\"jwks_url\":\"jwks.json\"} ", &e), JWTAUTH_OK);
	CHECK(tg_str_is(tg_cfg.jwks_url, "jwks.json"));
	CHECK(tg_str_is(tg_cfg.principal_field, "sub"));
	/* a second parse starts over */
	CHECK_RC(tg_parse("{\"required_issuer\":\"a\"}", &e), JWTAUTH_OK);
	CHECK_EQ(tg_cfg.jwks_url.len, 0);
	CHECK_EQ(tg_cfg.claims.n_issuers, 1);
}

static void tg_lists(void)
{
	jwtauth_error e;
	CHECK_RC(tg_parse("{\"required_issuer\":\"a, b ,c\",\"required_audience\":\" x ,, ,y,\"}", &e),
		JWTAUTH_OK);
	CHECK_EQ(tg_cfg.claims.n_issuers, 3);
	CHECK(tg_str_is(tg_cfg.claims.issuers[0], "a"));
	CHECK(tg_str_is(tg_cfg.claims.issuers[1], "b"));
	CHECK(tg_str_is(tg_cfg.claims.issuers[2], "c"));
	CHECK_EQ(tg_cfg.claims.n_audiences, 2);
	CHECK(tg_str_is(tg_cfg.claims.audiences[0], "x"));
	CHECK(tg_str_is(tg_cfg.claims.audiences[1], "y"));
	/* the split string is not kept: only the items use the store */
	CHECK_EQ(tg_cfg.used, 3 * 2 + 2 * 2);
	/* commas and spaces written as escapes still separate (the value is
	   split after unescaping, as StarRocks splits the Java string) */
	CHECK_RC(tg_parse("{\"required_issuer\":\"a\\u002cb\\tc\"}", &e), JWTAUTH_OK);
	CHECK_EQ(tg_cfg.claims.n_issuers, 2);
	CHECK(tg_str_is(tg_cfg.claims.issuers[0], "a"));
	CHECK(tg_str_is(tg_cfg.claims.issuers[1], "b\tc"));
	/* empty or blank: an error, not a check switched off (t_policy.c) */
	CHECK_RC(tg_parse("{\"required_issuer\":\"\"}", &e), JWTAUTH_ERR_CONFIG_VALUE);
	CHECK_RC(tg_parse("{\"required_audience\":\" , \"}", &e), JWTAUTH_ERR_CONFIG_VALUE);
	CHECK_EQ(tg_cfg.claims.n_issuers, 0);
	CHECK_EQ(tg_cfg.claims.n_audiences, 0);
	/* JSON arrays: items kept byte-exact, no splitting or trimming */
	CHECK_RC(tg_parse("{\"required_issuer\":[\"http://a\",\" b,c \"]}", &e), JWTAUTH_OK);
	CHECK_EQ(tg_cfg.claims.n_issuers, 2);
	CHECK(tg_str_is(tg_cfg.claims.issuers[0], "http://a"));
	CHECK(tg_str_is(tg_cfg.claims.issuers[1], " b,c "));
	CHECK_EQ(tg_cfg.claims.n_audiences, 0);
	CHECK_RC(tg_parse("{\"required_audience\":[]}", &e), JWTAUTH_ERR_CONFIG_VALUE);
	CHECK_RC(tg_parse("{\"required_audience\":[\"a\\/b\"]}", &e), JWTAUTH_OK);
	CHECK(tg_str_is(tg_cfg.claims.audiences[0], "a/b"));
	/* array elements must be non-empty strings */
	CHECK_RC(tg_parse("{\"required_audience\":[\"a\",1]}", &e), JWTAUTH_ERR_CONFIG_VALUE);
	CHECK(tg_detail_is(&e, "required_audience"));
	CHECK_RC(tg_parse("{\"required_audience\":[\"\"]}", &e), JWTAUTH_ERR_CONFIG_VALUE);
	CHECK_RC(tg_parse("{\"required_audience\":[[\"a\"]]}", &e), JWTAUTH_ERR_CONFIG_VALUE);
	/* a failed parse leaves the defaults, not half a config */
	CHECK(tg_str_is(tg_cfg.principal_field, "sub"));
	CHECK_EQ(tg_cfg.claims.n_audiences, 0);
	/* JWTAUTH_MAX_LIST items fit, one more does not */
	{
		char buf[512];
		size_t n = 0, i;
		n += (size_t)snprintf(buf + n, sizeof buf - n, "{\"required_issuer\":\"");
		for (i = 0; i < JWTAUTH_MAX_LIST; i++)
			n += (size_t)snprintf(buf + n, sizeof buf - n, "%si%u", i ? "," : "", (unsigned)i);
		snprintf(buf + n, sizeof buf - n, "\"}");
		CHECK_RC(tg_parse(buf, &e), JWTAUTH_OK);
		CHECK_EQ(tg_cfg.claims.n_issuers, JWTAUTH_MAX_LIST);
		snprintf(buf + n, sizeof buf - n, ",z\"}");
		CHECK_RC(tg_parse(buf, &e), JWTAUTH_ERR_TOO_LARGE);
		CHECK(tg_detail_is(&e, "required_issuer"));
		n = (size_t)snprintf(buf, sizeof buf, "{\"required_audience\":[");
		for (i = 0; i <= JWTAUTH_MAX_LIST; i++)
			n += (size_t)snprintf(buf + n, sizeof buf - n, "%s\"a%u\"", i ? "," : "", (unsigned)i);
		snprintf(buf + n, sizeof buf - n, "]}");
		CHECK_RC(tg_parse(buf, &e), JWTAUTH_ERR_TOO_LARGE);
	}
}

static void tg_unknown_member(void)
{
	static const char props[] = "{\"jwks_url\":\"x\",\"required_issuers\":\"a\"}";
	jwtauth_error e;
	CHECK_RC(tg_parse(props, &e), JWTAUTH_ERR_CONFIG_MEMBER);
	CHECK(tg_detail_is(&e, "required_issuers"));
	CHECK(e.detail != props + 17 && memcmp(e.detail, props + 17, e.detail_len) == 0); /* a copy */
	CHECK_EQ(e.offset, 17);
	CHECK_RC(tg_parse("{\"JWKS_URL\":\"x\"}", &e), JWTAUTH_ERR_CONFIG_MEMBER);
	CHECK(tg_detail_is(&e, "JWKS_URL"));
	CHECK_RC(tg_parse("{\"jwks_url \":\"x\"}", &e), JWTAUTH_ERR_CONFIG_MEMBER);
	CHECK_RC(tg_parse("{\"\":\"x\"}", &e), JWTAUTH_ERR_CONFIG_MEMBER);
	CHECK_EQ(e.detail_len, 0);
	/* integration members are unknown in a CREATE USER object */
	CHECK_RC(tg_parse("{\"permitted_groups\":\"a\"}", &e), JWTAUTH_ERR_CONFIG_MEMBER);
	CHECK_RC(tg_parse("{\"type\":\"authentication_jwt\"}", &e), JWTAUTH_ERR_CONFIG_MEMBER);
	CHECK_RC(tg_parse("{\"groups_claim\":\"a\"}", &e), JWTAUTH_ERR_CONFIG_MEMBER);
	/* an escaped name is compared unescaped */
	CHECK_RC(tg_parse("{\"jwks\\u005furl\":\"x\"}", &e), JWTAUTH_OK);
	CHECK(tg_str_is(tg_cfg.jwks_url, "x"));
}

static void tg_wrong_types(void)
{
	jwtauth_error e;
	CHECK_RC(tg_parse("[]", &e), JWTAUTH_ERR_CONFIG);
	CHECK_RC(tg_parse("\"x\"", &e), JWTAUTH_ERR_CONFIG);
	CHECK_RC(tg_parse("", &e), JWTAUTH_ERR_CONFIG);
	CHECK_RC(tg_parse("{\"jwks_url\":\"x\",}", &e), JWTAUTH_ERR_CONFIG);
	CHECK_EQ(e.offset, 16);
	CHECK_RC(tg_parse("{\"jwks_url\":\"x\"", &e), JWTAUTH_ERR_CONFIG);
	/* duplicates are refused by the JSON layer */
	CHECK_RC(tg_parse("{\"jwks_url\":\"x\",\"jwks_url\":\"y\"}", &e), JWTAUTH_ERR_CONFIG);
	CHECK_RC(tg_parse("{\"jwks_url\":1}", &e), JWTAUTH_ERR_CONFIG_VALUE);
	CHECK(tg_detail_is(&e, "jwks_url"));
	CHECK_EQ(e.offset, 12);
	CHECK_RC(tg_parse("{\"principal_field\":null}", &e), JWTAUTH_ERR_CONFIG_VALUE);
	CHECK(tg_detail_is(&e, "principal_field"));
	CHECK_RC(tg_parse("{\"principal_field\":[\"sub\"]}", &e), JWTAUTH_ERR_CONFIG_VALUE);
	CHECK_RC(tg_parse("{\"principal_field\":\"\"}", &e), JWTAUTH_ERR_CONFIG_VALUE);
	CHECK_RC(tg_parse("{\"required_issuer\":true}", &e), JWTAUTH_ERR_CONFIG_VALUE);
	CHECK(tg_detail_is(&e, "required_issuer"));
	CHECK_RC(tg_parse("{\"required_audience\":{}}", &e), JWTAUTH_ERR_CONFIG_VALUE);
	/* NUL inside a value */
	CHECK_RC(tg_parse("{\"jwks_url\":\"a\\u0000b\"}", &e), JWTAUTH_ERR_CONFIG_VALUE);
	CHECK_RC(tg_parse("{\"required_issuer\":\"a,\\u0000\"}", &e), JWTAUTH_ERR_CONFIG_VALUE);
	CHECK_RC(tg_parse("{\"required_issuer\":[\"\\u0000\"]}", &e), JWTAUTH_ERR_CONFIG_VALUE);
	/* pointer and plain principal fields */
	CHECK_RC(tg_parse("{\"principal_field\":\"/realm/user name\"}", &e), JWTAUTH_OK);
	CHECK(tg_str_is(tg_cfg.principal_field, "/realm/user name"));
	CHECK_RC(jwtauth_config_parse(NULL, "{}", 2, &e), JWTAUTH_ERR_ARGUMENT);
	CHECK_RC(jwtauth_config_parse(&tg_cfg, NULL, 2, &e), JWTAUTH_ERR_ARGUMENT);
}

static void tg_integration(void)
{
	static const char props[] =
		"{\"type\":\"authentication_jwt\","
		"\"jwks_url\":\"jwks.json\","
		"\"principal_field\":\"preferred_username\","
		"\"required_issuer\":\"http://a, http://b\","
		"\"required_audience\":[\"starrocks\"],"
		"\"group_provider\":\"jwt_groups\","
		"\"permitted_groups\":\"analyst, admin\","
		"\"comment\":\"demo \\\"integration\\\"\"}";
	jwtauth_error e;
	CHECK_RC(tg_integ(props, &e), JWTAUTH_OK);
	CHECK_EQ(tg_cfg.is_integration, 1);
	CHECK(tg_str_is(tg_cfg.jwks_url, "jwks.json"));
	CHECK(tg_str_is(tg_cfg.principal_field, "preferred_username"));
	CHECK_EQ(tg_cfg.claims.n_issuers, 2);
	CHECK(tg_str_is(tg_cfg.claims.issuers[1], "http://b"));
	CHECK_EQ(tg_cfg.claims.n_audiences, 1);
	CHECK(tg_str_is(tg_cfg.group_provider, "jwt_groups"));
	CHECK_EQ(tg_cfg.n_permitted_groups, 2);
	CHECK(tg_str_is(tg_cfg.permitted_groups[0], "analyst"));
	CHECK(tg_str_is(tg_cfg.permitted_groups[1], "admin"));
	CHECK(tg_str_is(tg_cfg.comment, "demo \"integration\""));
	CHECK_RC(tg_integ("{\"type\":\"authentication_jwt\",\"jwks_url\":\"j\",\"principal_field\":\"sub\","
		"\"permitted_groups\":[\"g1\",\"g2\",\"g3\"]}", &e), JWTAUTH_OK);
	CHECK_EQ(tg_cfg.n_permitted_groups, 3);
	/* required members */
	CHECK_RC(tg_integ("{\"jwks_url\":\"j\",\"principal_field\":\"sub\"}", &e), JWTAUTH_ERR_CONFIG_MISSING);
	CHECK(tg_detail_is(&e, "type"));
	CHECK_RC(tg_integ("{\"type\":\"authentication_jwt\",\"principal_field\":\"sub\"}", &e),
		JWTAUTH_ERR_CONFIG_MISSING);
	CHECK(tg_detail_is(&e, "jwks_url"));
	CHECK_RC(tg_integ("{\"type\":\"authentication_jwt\",\"jwks_url\":\"j\"}", &e),
		JWTAUTH_ERR_CONFIG_MISSING);
	CHECK(tg_detail_is(&e, "principal_field"));
	CHECK_EQ(tg_cfg.is_integration, 0);
	/* wrong values */
	CHECK_RC(tg_integ("{\"type\":\"authentication_ldap\",\"jwks_url\":\"j\",\"principal_field\":\"sub\"}", &e),
		JWTAUTH_ERR_CONFIG_VALUE);
	CHECK(tg_detail_is(&e, "type"));
	CHECK_RC(tg_integ("{\"type\":\"authentication_jwt \",\"jwks_url\":\"j\",\"principal_field\":\"sub\"}", &e),
		JWTAUTH_ERR_CONFIG_VALUE);
	CHECK_RC(tg_integ("{\"type\":1,\"jwks_url\":\"j\",\"principal_field\":\"sub\"}", &e),
		JWTAUTH_ERR_CONFIG_VALUE);
	CHECK_RC(tg_integ("{\"type\":\"authentication_jwt\",\"jwks_url\":\"\",\"principal_field\":\"sub\"}", &e),
		JWTAUTH_ERR_CONFIG_VALUE);
	CHECK(tg_detail_is(&e, "jwks_url"));
	CHECK_RC(tg_integ("{\"type\":\"authentication_jwt\",\"jwks_url\":\"j\",\"principal_field\":\"sub\","
		"\"permitted_groups\":5}", &e), JWTAUTH_ERR_CONFIG_VALUE);
	CHECK(tg_detail_is(&e, "permitted_groups"));
	CHECK_RC(tg_integ("{\"type\":\"authentication_jwt\",\"jwks_url\":\"j\",\"principal_field\":\"sub\","
		"\"comment\":[]}", &e), JWTAUTH_ERR_CONFIG_VALUE);
	CHECK_RC(tg_integ("{\"type\":\"authentication_jwt\",\"jwks_url\":\"j\",\"principal_field\":\"sub\","
		"\"group_provider\":null}", &e), JWTAUTH_ERR_CONFIG_VALUE);
	CHECK_RC(tg_integ("{\"type\":\"authentication_jwt\",\"jwks_url\":\"j\",\"principal_field\":\"sub\","
		"\"jwt_claim\":\"roles\"}", &e), JWTAUTH_ERR_CONFIG_MEMBER);
	CHECK(tg_detail_is(&e, "jwt_claim"));
	CHECK_RC(tg_integ("[]", &e), JWTAUTH_ERR_CONFIG);
}

static void tg_store_overflow(void)
{
	static char big[JWTAUTH_MAX_CONFIG_LEN * 2 + 64];
	jwtauth_error e;
	size_t n, room;
	int rc;
	jwtauth_str s;
	/* one string just fits (with its NUL), one byte more does not */
	room = JWTAUTH_MAX_CONFIG_LEN - 1;
	n = (size_t)snprintf(big, sizeof big, "{\"jwks_url\":\"");
	memset(big + n, 'u', room);
	memcpy(big + n + room, "\"}", 3);
	CHECK_RC(jwtauth_config_parse(&tg_cfg, big, strlen(big), &e), JWTAUTH_OK);
	CHECK_EQ(tg_cfg.jwks_url.len, room);
	CHECK_EQ(tg_cfg.used, JWTAUTH_MAX_CONFIG_LEN);
	memset(big + n, 'u', room + 1);
	memcpy(big + n + room + 1, "\"}", 3);
	CHECK_RC(jwtauth_config_parse(&tg_cfg, big, strlen(big), &e), JWTAUTH_ERR_TOO_LARGE);
	CHECK(tg_detail_is(&e, "jwks_url"));
	/* several members that together overflow */
	n = (size_t)snprintf(big, sizeof big, "{\"jwks_url\":\"");
	memset(big + n, 'a', JWTAUTH_MAX_CONFIG_LEN * 3 / 4);
	n += JWTAUTH_MAX_CONFIG_LEN * 3 / 4;
	n += (size_t)snprintf(big + n, sizeof big - n, "\",\"required_issuer\":\"");
	memset(big + n, 'b', JWTAUTH_MAX_CONFIG_LEN / 2);
	n += JWTAUTH_MAX_CONFIG_LEN / 2;
	snprintf(big + n, sizeof big - n, "\"}");
	CHECK_RC(jwtauth_config_parse(&tg_cfg, big, strlen(big), &e), JWTAUTH_ERR_TOO_LARGE);
	CHECK(tg_detail_is(&e, "required_issuer"));
	/* more values than the parser's token slots */
	n = (size_t)snprintf(big, sizeof big, "{\"required_issuer\":[");
	{
		size_t i;
		for (i = 0; i < 300; i++) n += (size_t)snprintf(big + n, sizeof big - n, "%s\"a\"", i ? "," : "");
	}
	snprintf(big + n, sizeof big - n, "]}");
	rc = jwtauth_config_parse(&tg_cfg, big, strlen(big), &e);
	CHECK(rc == JWTAUTH_ERR_TOO_LARGE);
	/* config_set / config_set_list */
	jwtauth_config_init(&tg_cfg);
	CHECK_RC(jwtauth_config_set(&tg_cfg, &tg_cfg.groups_claim, "realm_access.roles", 18, NULL), JWTAUTH_OK);
	CHECK(tg_str_is(tg_cfg.groups_claim, "realm_access.roles"));
	CHECK_RC(jwtauth_config_set(&tg_cfg, &s, "a\0b", 3, NULL), JWTAUTH_ERR_CONFIG_VALUE);
	CHECK_RC(jwtauth_config_set(&tg_cfg, NULL, "a", 1, NULL), JWTAUTH_ERR_ARGUMENT);
	CHECK_RC(jwtauth_config_set(&tg_cfg, &s, NULL, 0, NULL), JWTAUTH_OK);
	CHECK(tg_str_is(s, ""));
	CHECK_RC(jwtauth_config_set_list(&tg_cfg, tg_cfg.permitted_groups, &tg_cfg.n_permitted_groups,
		"g1, g2", 6, NULL), JWTAUTH_OK);
	CHECK_EQ(tg_cfg.n_permitted_groups, 2);
	CHECK(tg_str_is(tg_cfg.permitted_groups[1], "g2"));
	/* replaces, not appends */
	CHECK_RC(jwtauth_config_set_list(&tg_cfg, tg_cfg.permitted_groups, &tg_cfg.n_permitted_groups,
		" g3 ", 4, NULL), JWTAUTH_OK);
	CHECK_EQ(tg_cfg.n_permitted_groups, 1);
	CHECK(tg_str_is(tg_cfg.permitted_groups[0], "g3"));
	/* an empty list is refused and changes nothing (tests/t_policy.c) */
	CHECK_RC(jwtauth_config_set_list(&tg_cfg, tg_cfg.permitted_groups, &tg_cfg.n_permitted_groups,
		"", 0, NULL), JWTAUTH_ERR_CONFIG_VALUE);
	CHECK_EQ(tg_cfg.n_permitted_groups, 1);
	/* a list that does not fit changes nothing and gives the space back */
	CHECK_RC(jwtauth_config_set_list(&tg_cfg, tg_cfg.claims.issuers, &tg_cfg.claims.n_issuers,
		"i1", 2, NULL), JWTAUTH_OK);
	n = tg_cfg.used;
	CHECK_RC(jwtauth_config_set_list(&tg_cfg, tg_cfg.claims.issuers, &tg_cfg.claims.n_issuers,
		"1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17",
		strlen("1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17"), NULL), JWTAUTH_ERR_TOO_LARGE);
	CHECK_EQ(tg_cfg.used, n);
	CHECK_EQ(tg_cfg.claims.n_issuers, 1);
	CHECK(tg_str_is(tg_cfg.claims.issuers[0], "i1"));
	memset(big, 'x', JWTAUTH_MAX_CONFIG_LEN);
	CHECK_RC(jwtauth_config_set(&tg_cfg, &s, big, JWTAUTH_MAX_CONFIG_LEN, NULL), JWTAUTH_ERR_TOO_LARGE);
	CHECK_RC(jwtauth_config_set(&tg_cfg, &s, big, JWTAUTH_MAX_CONFIG_LEN - tg_cfg.used - 1, NULL), JWTAUTH_OK);
	CHECK_EQ(tg_cfg.used, JWTAUTH_MAX_CONFIG_LEN);
	CHECK_RC(jwtauth_config_set(&tg_cfg, &s, "", 0, NULL), JWTAUTH_ERR_TOO_LARGE);
}

static const test_case t_config_tests[] = {
	{ "init", tg_init },
	{ "seed", tg_seed },
	{ "lists", tg_lists },
	{ "unknown_member", tg_unknown_member },
	{ "wrong_types", tg_wrong_types },
	{ "integration", tg_integration },
	{ "store_overflow", tg_store_overflow },
	{ NULL, NULL }
};
