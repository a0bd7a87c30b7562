/* t_claims.c - RFC 7519 claim checks and claim lookup (RFC 6901), on
   hand-built jwtauth_jwt values: no signature involved. */

static jwtauth_jwt tc_jwt;

/* Load `payload` as if jwtauth_jws_verify had produced it. */
static void tc_load(const char *payload)
{
	size_t n = strlen(payload);
	tc_jwt.alg = JWTAUTH_ALG_UNKNOWN;
	tc_jwt.header = NULL;
	tc_jwt.header_len = 0;
	tc_jwt.header_ntoks = tc_jwt.payload_tok = tc_jwt.payload_ntoks = 0;
	memcpy(tc_jwt.buf, payload, n + 1);
	tc_jwt.payload = tc_jwt.buf;
	tc_jwt.payload_len = n;
}

/* Check `payload` under `pol` (NULL: empty policy) at `now`. */
static int tc_run(const char *payload, const jwtauth_claims_policy *pol,
	int64_t now, jwtauth_error *err)
{
	tc_load(payload);
	return jwtauth_claims_check(&tc_jwt, pol, now, NULL, err);
}

static void tc_policy(jwtauth_claims_policy *p)
{
	memset(p, 0, sizeof *p);
}

static int tc_detail_is(const jwtauth_error *e, const char *s)
{
	return e->detail_len == strlen(s)
		&& memcmp(e->detail, s, e->detail_len) == 0;
}

/* 1 when the token at index i (into tc_jwt.toks) is a number spelled s or
   a string equal to s. */
static int tc_tok_is(long i, const char *s)
{
	const jwtauth_json_tok *t;
	if (i < 0) return 0;
	t = &tc_jwt.toks[i];
	if (t->type == JWTAUTH_JSON_STRING)
		return jwtauth_json_str_eq(tc_jwt.payload, t, s, strlen(s));
	return t->len == strlen(s) && memcmp(tc_jwt.payload + t->start, s, t->len) == 0;
}

static void tc_payload_object(void)
{
	jwtauth_error e;
	CHECK_RC(tc_run("{}", NULL, 0, &e), JWTAUTH_OK);
	CHECK_EQ(e.code, JWTAUTH_OK);
	CHECK_RC(tc_run("[1]", NULL, 0, &e), JWTAUTH_ERR_CLAIMS);
	CHECK_RC(tc_run("\"x\"", NULL, 0, &e), JWTAUTH_ERR_CLAIMS);
	CHECK_RC(tc_run("", NULL, 0, &e), JWTAUTH_ERR_CLAIMS);
	CHECK_RC(tc_run("{\"a\":", NULL, 0, &e), JWTAUTH_ERR_CLAIMS);
	CHECK_EQ(e.offset, 5);               /* the JSON error's own offset */
	CHECK(TL_HAS_MSG(e.msg));
	CHECK_RC(tc_run("{\"a\":1,\"a\":2}", NULL, 0, &e), JWTAUTH_ERR_CLAIMS);
	CHECK_RC(tc_run("{} x", NULL, 0, &e), JWTAUTH_ERR_CLAIMS);
	CHECK_RC(jwtauth_claims_check(NULL, NULL, 0, NULL, &e), JWTAUTH_ERR_ARGUMENT);
}

static void tc_exp(void)
{
	jwtauth_claims_policy p;
	jwtauth_claims c;
	jwtauth_error e;
	tc_policy(&p);
	CHECK_RC(tc_run("{\"exp\":100}", &p, 99, &e), JWTAUTH_OK);
	CHECK_RC(tc_run("{\"exp\":100}", &p, 100, &e), JWTAUTH_ERR_EXPIRED);
	CHECK(tc_detail_is(&e, "exp"));
	CHECK_RC(tc_run("{\"exp\":100}", &p, 101, &e), JWTAUTH_ERR_EXPIRED);
	p.leeway = 5;
	CHECK_RC(tc_run("{\"exp\":100}", &p, 104, &e), JWTAUTH_OK);
	CHECK_RC(tc_run("{\"exp\":100}", &p, 105, &e), JWTAUTH_ERR_EXPIRED);
	p.leeway = -1;
	CHECK_RC(tc_run("{\"exp\":100}", &p, 0, &e), JWTAUTH_ERR_ARGUMENT);
	/* a leeway beyond int64 arithmetic never wraps into "expired" */
	p.leeway = (int64_t)0x7fffffffffffffffLL;
	CHECK_RC(tc_run("{\"exp\":253402300799}", &p, (int64_t)0x7fffffffffffffffLL, &e), JWTAUTH_OK);
	p.leeway = 0;
	CHECK_RC(tc_run("{\"exp\":253402300799}", &p, (int64_t)0x7fffffffffffffffLL, &e), JWTAUTH_ERR_EXPIRED);
	CHECK_RC(tc_run("{\"exp\":0}", &p, -(int64_t)0x7fffffffffffffffLL - 1, &e), JWTAUTH_OK);
	/* claims are reported */
	tc_load("{\"exp\":100,\"nbf\":50,\"iat\":40}");
	CHECK_RC(jwtauth_claims_check(&tc_jwt, &p, 60, &c, &e), JWTAUTH_OK);
	CHECK(c.has_exp && c.has_nbf && c.has_iat);
	CHECK_EQ(c.exp, 100);
	CHECK_EQ(c.nbf, 50);
	CHECK_EQ(c.iat, 40);
	tc_load("{}");
	CHECK_RC(jwtauth_claims_check(&tc_jwt, &p, 60, &c, &e), JWTAUTH_OK);
	CHECK(!c.has_exp && !c.has_nbf && !c.has_iat);
}

/* NumericDate may be fractional or use an exponent: compared exactly. */
static void tc_exp_fractional(void)
{
	jwtauth_claims_policy p;
	jwtauth_claims c;
	jwtauth_error e;
	tc_policy(&p);
	CHECK_RC(tc_run("{\"exp\":100.5}", &p, 100, &e), JWTAUTH_OK);
	CHECK_RC(tc_run("{\"exp\":100.5}", &p, 101, &e), JWTAUTH_ERR_EXPIRED);
	CHECK_RC(tc_run("{\"exp\":100.0}", &p, 99, &e), JWTAUTH_OK);
	CHECK_RC(tc_run("{\"exp\":100.0}", &p, 100, &e), JWTAUTH_ERR_EXPIRED);
	CHECK_RC(tc_run("{\"exp\":99.99999999999999999999}", &p, 99, &e), JWTAUTH_OK);
	CHECK_RC(tc_run("{\"exp\":99.99999999999999999999}", &p, 100, &e), JWTAUTH_ERR_EXPIRED);
	CHECK_RC(tc_run("{\"exp\":100.00000000000000000001}", &p, 100, &e), JWTAUTH_OK);
	CHECK_RC(tc_run("{\"exp\":100.00000000000000000001}", &p, 101, &e), JWTAUTH_ERR_EXPIRED);
	CHECK_RC(tc_run("{\"exp\":1.005e2}", &p, 100, &e), JWTAUTH_OK);
	CHECK_RC(tc_run("{\"exp\":1.005e2}", &p, 101, &e), JWTAUTH_ERR_EXPIRED);
	CHECK_RC(tc_run("{\"exp\":1E2}", &p, 99, &e), JWTAUTH_OK);
	CHECK_RC(tc_run("{\"exp\":1E2}", &p, 100, &e), JWTAUTH_ERR_EXPIRED);
	CHECK_RC(tc_run("{\"exp\":10000e-2}", &p, 100, &e), JWTAUTH_ERR_EXPIRED);
	CHECK_RC(tc_run("{\"exp\":10050e-2}", &p, 100, &e), JWTAUTH_OK);
	CHECK_RC(tc_run("{\"exp\":1e-400}", &p, 0, &e), JWTAUTH_OK);
	CHECK_RC(tc_run("{\"exp\":1e-400}", &p, 1, &e), JWTAUTH_ERR_EXPIRED);
	CHECK_RC(tc_run("{\"exp\":0.5}", &p, 0, &e), JWTAUTH_OK);
	CHECK_RC(tc_run("{\"exp\":-0}", &p, 0, &e), JWTAUTH_ERR_EXPIRED);
	CHECK_RC(tc_run("{\"exp\":-0.0}", &p, -1, &e), JWTAUTH_OK);
	tc_load("{\"exp\":1.7e9}");
	CHECK_RC(jwtauth_claims_check(&tc_jwt, &p, 1699999999, &c, &e), JWTAUTH_OK);
	CHECK_EQ(c.exp, 1700000000);
	CHECK_RC(tc_run("{\"exp\":1.7e9}", &p, 1700000000, &e), JWTAUTH_ERR_EXPIRED);
	CHECK_RC(tc_run("{\"exp\":0.17E+10}", &p, 1700000000, &e), JWTAUTH_ERR_EXPIRED);
	CHECK_RC(tc_run("{\"exp\":000.5}", &p, 0, &e), JWTAUTH_ERR_CLAIMS); /* not JSON */
	/* exp with a fraction: reported as the floor (stricter for exp) */
	tc_load("{\"exp\":100.5,\"nbf\":50.5}");
	CHECK_RC(jwtauth_claims_check(&tc_jwt, &p, 60, &c, &e), JWTAUTH_OK);
	CHECK_EQ(c.exp, 100);
	CHECK_EQ(c.nbf, 51);
}

static void tc_date_types(void)
{
	static const char *const bad[] = {
		"\"100\"", "true", "false", "null", "[100]", "{}", "{\"a\":1}",
		"-1", "-0.5", "-1e-9", "253402300800", "253402300799.5", "1e300",
		"1e12", "999999999999999999999999999999", "2.53402300800e11",
		"1e1000000000000000000000"
	};
	static const char *const names[] = { "exp", "nbf", "iat" };
	jwtauth_claims_policy p;
	jwtauth_error e;
	char buf[128];
	size_t i, k;
	tc_policy(&p);
	for (k = 0; k < 3; k++) {
		for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
			snprintf(buf, sizeof buf, "{\"%s\":%s}", names[k], bad[i]);
			CHECKF(tc_run(buf, &p, 0, &e) == JWTAUTH_ERR_CLAIM_TYPE,
				"%s: got %s", buf, jwtauth_error_name(e.code));
			CHECKF(tc_detail_is(&e, names[k]), "%s: detail", buf);
		}
		snprintf(buf, sizeof buf, "{\"%s\":253402300799}", names[k]);
		CHECK_RC(tc_run(buf, &p, 0, &e), k == 1 ? JWTAUTH_ERR_NOT_YET_VALID : JWTAUTH_OK);
		snprintf(buf, sizeof buf, "{\"%s\":2.53402300799e11}", names[k]);
		CHECK_RC(tc_run(buf, &p, 0, &e), k == 1 ? JWTAUTH_ERR_NOT_YET_VALID : JWTAUTH_OK);
	}
	/* a type error comes before everything else, even an expiry */
	CHECK_RC(tc_run("{\"exp\":1,\"iat\":\"x\"}", &p, 100, &e), JWTAUTH_ERR_CLAIM_TYPE);
	CHECK(tc_detail_is(&e, "iat"));
}

static void tc_nbf(void)
{
	jwtauth_claims_policy p;
	jwtauth_error e;
	tc_policy(&p);
	CHECK_RC(tc_run("{\"nbf\":100}", &p, 100, &e), JWTAUTH_OK);
	CHECK_RC(tc_run("{\"nbf\":100}", &p, 99, &e), JWTAUTH_ERR_NOT_YET_VALID);
	CHECK(tc_detail_is(&e, "nbf"));
	CHECK_RC(tc_run("{\"nbf\":100.5}", &p, 100, &e), JWTAUTH_ERR_NOT_YET_VALID);
	CHECK_RC(tc_run("{\"nbf\":100.5}", &p, 101, &e), JWTAUTH_OK);
	p.leeway = 3;
	CHECK_RC(tc_run("{\"nbf\":100}", &p, 97, &e), JWTAUTH_OK);
	CHECK_RC(tc_run("{\"nbf\":100}", &p, 96, &e), JWTAUTH_ERR_NOT_YET_VALID);
	CHECK_RC(tc_run("{\"nbf\":0}", &p, -(int64_t)0x7fffffffffffffffLL - 1, &e), JWTAUTH_ERR_NOT_YET_VALID);
	/* exp is checked before nbf */
	p.leeway = 0;
	CHECK_RC(tc_run("{\"nbf\":200,\"exp\":100}", &p, 150, &e), JWTAUTH_ERR_EXPIRED);
}

static void tc_iat_max_age(void)
{
	jwtauth_claims_policy p;
	jwtauth_error e;
	tc_policy(&p);
	/* without max_age, iat is only type-checked */
	CHECK_RC(tc_run("{\"iat\":1000}", &p, 0, &e), JWTAUTH_OK);
	CHECK_RC(tc_run("{\"iat\":0}", &p, 1000000, &e), JWTAUTH_OK);
	p.max_age = 10;
	CHECK_RC(tc_run("{\"iat\":100}", &p, 110, &e), JWTAUTH_OK);
	CHECK_RC(tc_run("{\"iat\":100}", &p, 111, &e), JWTAUTH_ERR_TOO_OLD);
	CHECK(tc_detail_is(&e, "iat"));
	CHECK_RC(tc_run("{\"iat\":100.5}", &p, 110, &e), JWTAUTH_OK);
	CHECK_RC(tc_run("{\"iat\":100.5}", &p, 111, &e), JWTAUTH_ERR_TOO_OLD);
	CHECK_RC(tc_run("{\"iat\":100}", &p, 100, &e), JWTAUTH_OK);
	CHECK_RC(tc_run("{\"iat\":100}", &p, 99, &e), JWTAUTH_ERR_TOO_OLD);
	CHECK_RC(tc_run("{\"iat\":99.5}", &p, 99, &e), JWTAUTH_ERR_TOO_OLD);
	/* a token without iat is not refused by max_age (require IAT for that) */
	CHECK_RC(tc_run("{}", &p, 99, &e), JWTAUTH_OK);
	p.leeway = 2;
	CHECK_RC(tc_run("{\"iat\":100}", &p, 112, &e), JWTAUTH_OK);
	CHECK_RC(tc_run("{\"iat\":100}", &p, 113, &e), JWTAUTH_ERR_TOO_OLD);
	CHECK_RC(tc_run("{\"iat\":100}", &p, 98, &e), JWTAUTH_OK);
	CHECK_RC(tc_run("{\"iat\":100}", &p, 97, &e), JWTAUTH_ERR_TOO_OLD);
	p.max_age = (int64_t)0x7fffffffffffffffLL;
	CHECK_RC(tc_run("{\"iat\":0}", &p, (int64_t)0x7fffffffffffffffLL, &e), JWTAUTH_OK);
	CHECK_RC(tc_run("{\"iat\":0}", &p, -(int64_t)0x7fffffffffffffffLL - 1, &e), JWTAUTH_ERR_TOO_OLD);
	p.max_age = -1;
	CHECK_RC(tc_run("{\"iat\":0}", &p, 0, &e), JWTAUTH_ERR_ARGUMENT);
}

static void tc_required(void)
{
	static const char *const names[6] = { "exp", "nbf", "iat", "iss", "aud", "sub" };
	jwtauth_claims_policy p;
	jwtauth_error e;
	unsigned b;
	tc_policy(&p);
	p.required = JWTAUTH_CLAIM_EXP | JWTAUTH_CLAIM_NBF | JWTAUTH_CLAIM_IAT
		| JWTAUTH_CLAIM_ISS | JWTAUTH_CLAIM_AUD | JWTAUTH_CLAIM_SUB;
	CHECK_RC(tc_run("{\"exp\":10,\"nbf\":1,\"iat\":1,\"iss\":\"i\",\"aud\":\"a\",\"sub\":\"s\"}",
		&p, 5, &e), JWTAUTH_OK);
	for (b = 0; b < 6; b++) {
		char buf[128];
		size_t k, n = 0;
		buf[n++] = '{';
		for (k = 0; k < 6; k++) {
			if (k == b) continue;
			n += (size_t)snprintf(buf + n, sizeof buf - n, "%s\"%s\":%s",
				n > 1 ? "," : "", names[k], k < 3 ? (k == 0 ? "10" : "1") : "\"x\"");
		}
		snprintf(buf + n, sizeof buf - n, "}");
		p.required = 1u << b;
		CHECKF(tc_run(buf, &p, 5, &e) == JWTAUTH_ERR_CLAIM_MISSING, "%s: %s", buf,
			jwtauth_error_name(e.code));
		CHECK(tc_detail_is(&e, names[b]));
		CHECK_RC(tc_run("{\"exp\":10,\"nbf\":1,\"iat\":1,\"iss\":\"i\",\"aud\":\"a\",\"sub\":\"s\"}",
			&p, 5, &e), JWTAUTH_OK);
	}
	/* required is checked before exp */
	p.required = JWTAUTH_CLAIM_SUB;
	CHECK_RC(tc_run("{\"exp\":1}", &p, 5, &e), JWTAUTH_ERR_CLAIM_MISSING);
}

static void tc_issuer(void)
{
	jwtauth_claims_policy p;
	jwtauth_error e;
	tc_policy(&p);
	/* without issuers, any string passes, but a non-string is still a
	   malformed token (RFC 7519 section 4.1.1: StringOrURI) */
	CHECK_RC(tc_run("{\"iss\":\"whatever\"}", &p, 0, &e), JWTAUTH_OK);
	CHECK_RC(tc_run("{\"iss\":1}", &p, 0, &e), JWTAUTH_ERR_CLAIM_TYPE);
	CHECK(tc_detail_is(&e, "iss"));
	p.issuers[0].p = "http://x"; p.issuers[0].len = 8;
	p.issuers[1].p = "other"; p.issuers[1].len = 5;
	p.n_issuers = 2;
	CHECK_RC(tc_run("{\"iss\":\"http://x\"}", &p, 0, &e), JWTAUTH_OK);
	CHECK_RC(tc_run("{\"iss\":\"other\"}", &p, 0, &e), JWTAUTH_OK);
	CHECK_RC(tc_run("{\"iss\":\"http:\\/\\/x\"}", &p, 0, &e), JWTAUTH_OK);
	CHECK_RC(tc_run("{\"iss\":\"http:\\u002f/\\u0078\"}", &p, 0, &e), JWTAUTH_OK);
	CHECK_RC(tc_run("{\"iss\":\"http://\"}", &p, 0, &e), JWTAUTH_ERR_ISSUER);
	CHECK(tc_detail_is(&e, "iss"));
	CHECK_RC(tc_run("{\"iss\":\"http://x/\"}", &p, 0, &e), JWTAUTH_ERR_ISSUER);
	CHECK_RC(tc_run("{\"iss\":\"http://xy\"}", &p, 0, &e), JWTAUTH_ERR_ISSUER);
	CHECK_RC(tc_run("{\"iss\":\"HTTP://x\"}", &p, 0, &e), JWTAUTH_ERR_ISSUER);
	CHECK_RC(tc_run("{\"iss\":\"http://x\\u0000\"}", &p, 0, &e), JWTAUTH_ERR_ISSUER);
	CHECK_RC(tc_run("{\"iss\":\"\"}", &p, 0, &e), JWTAUTH_ERR_ISSUER);
	CHECK_RC(tc_run("{}", &p, 0, &e), JWTAUTH_ERR_ISSUER);
	CHECK_RC(tc_run("{\"iss\":[\"http://x\"]}", &p, 0, &e), JWTAUTH_ERR_CLAIM_TYPE);
	CHECK_RC(tc_run("{\"iss\":null}", &p, 0, &e), JWTAUTH_ERR_CLAIM_TYPE);
	/* exp comes before iss */
	CHECK_RC(tc_run("{\"iss\":\"bad\",\"exp\":1}", &p, 5, &e), JWTAUTH_ERR_EXPIRED);
}

static void tc_audience(void)
{
	jwtauth_claims_policy p;
	jwtauth_error e;
	tc_policy(&p);
	CHECK_RC(tc_run("{\"aud\":[]}", &p, 0, &e), JWTAUTH_OK);
	CHECK_RC(tc_run("{\"aud\":[\"a\",1]}", &p, 0, &e), JWTAUTH_ERR_CLAIM_TYPE);
	CHECK(tc_detail_is(&e, "aud"));
	CHECK_RC(tc_run("{\"aud\":{}}", &p, 0, &e), JWTAUTH_ERR_CLAIM_TYPE);
	p.audiences[0].p = "starrocks"; p.audiences[0].len = 9;
	p.audiences[1].p = "b"; p.audiences[1].len = 1;
	p.n_audiences = 2;
	CHECK_RC(tc_run("{\"aud\":\"starrocks\"}", &p, 0, &e), JWTAUTH_OK);
	CHECK_RC(tc_run("{\"aud\":\"b\"}", &p, 0, &e), JWTAUTH_OK);
	CHECK_RC(tc_run("{\"aud\":[\"x\",\"starrocks\"]}", &p, 0, &e), JWTAUTH_OK);
	CHECK_RC(tc_run("{\"aud\":[\"star\\u0072ocks\"]}", &p, 0, &e), JWTAUTH_OK);
	CHECK_RC(tc_run("{\"aud\":[\"x\",\"y\"]}", &p, 0, &e), JWTAUTH_ERR_AUDIENCE);
	CHECK(tc_detail_is(&e, "aud"));
	CHECK_RC(tc_run("{\"aud\":[]}", &p, 0, &e), JWTAUTH_ERR_AUDIENCE);
	CHECK_RC(tc_run("{\"aud\":\"starrock\"}", &p, 0, &e), JWTAUTH_ERR_AUDIENCE);
	CHECK_RC(tc_run("{\"aud\":\"starrocks \"}", &p, 0, &e), JWTAUTH_ERR_AUDIENCE);
	CHECK_RC(tc_run("{\"aud\":\"starrocks,b\"}", &p, 0, &e), JWTAUTH_ERR_AUDIENCE);
	CHECK_RC(tc_run("{\"aud\":\"\"}", &p, 0, &e), JWTAUTH_ERR_AUDIENCE);
	CHECK_RC(tc_run("{}", &p, 0, &e), JWTAUTH_ERR_AUDIENCE);
	/* a non-string element is a malformed claim even next to a match */
	CHECK_RC(tc_run("{\"aud\":[\"starrocks\",null]}", &p, 0, &e), JWTAUTH_ERR_CLAIM_TYPE);
	CHECK_RC(tc_run("{\"aud\":[[\"starrocks\"]]}", &p, 0, &e), JWTAUTH_ERR_CLAIM_TYPE);
	CHECK_RC(tc_run("{\"aud\":5}", &p, 0, &e), JWTAUTH_ERR_CLAIM_TYPE);
	CHECK_RC(tc_run("{\"aud\":true}", &p, 0, &e), JWTAUTH_ERR_CLAIM_TYPE);
	/* iss is checked before aud */
	p.issuers[0].p = "i"; p.issuers[0].len = 1; p.n_issuers = 1;
	CHECK_RC(tc_run("{\"aud\":\"x\",\"iss\":\"j\"}", &p, 0, &e), JWTAUTH_ERR_ISSUER);
	CHECK_RC(tc_run("{\"aud\":\"x\",\"iss\":\"i\"}", &p, 0, &e), JWTAUTH_ERR_AUDIENCE);
	CHECK_RC(tc_run("{\"aud\":\"b\",\"iss\":\"i\"}", &p, 0, &e), JWTAUTH_OK);
}

/* The payload tokens follow the header's; indices must still work. */
static void tc_after_header(void)
{
	static const char hdr[] = "{\"alg\":\"HS256\",\"kid\":\"k\",\"x\":[1,2,3]}";
	static const char pl[] = "{\"sub\":\"tom\",\"exp\":100,\"o\":{\"a\":[\"g1\",\"g2\"]}}";
	jwtauth_claims_policy p;
	jwtauth_error e;
	size_t n = 0;
	long i;
	tc_policy(&p);
	memcpy(tc_jwt.buf, hdr, sizeof hdr);
	memcpy(tc_jwt.buf + sizeof hdr, pl, sizeof pl);
	tc_jwt.header = tc_jwt.buf;
	tc_jwt.header_len = sizeof hdr - 1;
	tc_jwt.payload = tc_jwt.buf + sizeof hdr;
	tc_jwt.payload_len = sizeof pl - 1;
	CHECK_RC(jwtauth_json_parse(tc_jwt.header, tc_jwt.header_len, tc_jwt.toks,
		JWTAUTH_MAX_JSON_TOKENS, 0, &n, &e), JWTAUTH_OK);
	tc_jwt.header_ntoks = n;
	tc_jwt.payload_tok = tc_jwt.payload_ntoks = 0;
	CHECK_RC(jwtauth_claims_check(&tc_jwt, &p, 99, NULL, &e), JWTAUTH_OK);
	CHECK_EQ(tc_jwt.payload_tok, n);
	CHECK(tc_jwt.payload_ntoks == 11);
	i = jwtauth_claim_find(&tc_jwt, "sub", 3);
	CHECK((size_t)i >= n);
	CHECK(tc_tok_is(i, "tom"));
	CHECK(tc_tok_is(jwtauth_claim_find(&tc_jwt, "/o/a/1", 6), "g2"));
	CHECK(tc_tok_is(jwtauth_claim_find_dotted(&tc_jwt, "o.a", 3) + 2, "g2"));
	CHECK_EQ(jwtauth_claim_find(&tc_jwt, "alg", 3), -1);  /* header, not a claim */
	/* a second check reuses the parsed tokens */
	CHECK_RC(jwtauth_claims_check(&tc_jwt, &p, 100, NULL, &e), JWTAUTH_ERR_EXPIRED);
	CHECK(tc_jwt.payload_ntoks == 11);
	/* the payload does not fit the slots the header left */
	tc_jwt.header_ntoks = JWTAUTH_MAX_JSON_TOKENS - 3;
	tc_jwt.payload_tok = tc_jwt.payload_ntoks = 0;
	CHECK_RC(jwtauth_claims_check(&tc_jwt, &p, 99, NULL, &e), JWTAUTH_ERR_CLAIMS);
	tc_jwt.header_ntoks = JWTAUTH_MAX_JSON_TOKENS;
	tc_jwt.payload_tok = tc_jwt.payload_ntoks = 0;
	CHECK_RC(jwtauth_claims_check(&tc_jwt, &p, 99, NULL, &e), JWTAUTH_ERR_CLAIMS);
}

static void tc_pointer(void)
{
	jwtauth_error e;
	long i;
	tc_load("{\"a/b\":1,\"m~n\":2,\"arr\":[10,20,{\"x\":\"y\"}],\"\":3,"
		"\"o\":{\"\":4,\"p\":{\"q\":\"deep\"}},\"esc\\u0041\":5,\"~1\":6,"
		"\"n\":7,\"s\":\"str\"}");
	CHECK_RC(jwtauth_claims_check(&tc_jwt, NULL, 0, NULL, &e), JWTAUTH_OK);
#define TC_FIND(path) jwtauth_claim_find(&tc_jwt, path, strlen(path))
	CHECK(tc_tok_is(TC_FIND("/a~1b"), "1"));
	CHECK(tc_tok_is(TC_FIND("/m~0n"), "2"));
	CHECK(tc_tok_is(TC_FIND("/arr/0"), "10"));
	CHECK(tc_tok_is(TC_FIND("/arr/1"), "20"));
	CHECK(tc_tok_is(TC_FIND("/arr/2/x"), "y"));
	CHECK(tc_tok_is(TC_FIND("/"), "3"));
	CHECK(tc_tok_is(TC_FIND("/o/"), "4"));
	CHECK(tc_tok_is(TC_FIND("/o/p/q"), "deep"));
	CHECK(tc_tok_is(TC_FIND("/escA"), "5"));
	CHECK(tc_tok_is(TC_FIND("escA"), "5"));
	CHECK(tc_tok_is(TC_FIND("/~01"), "6"));     /* "~01" is "~1", not "/" */
	CHECK(tc_tok_is(TC_FIND("a/b"), "1"));      /* no '/': a plain name */
	CHECK(tc_tok_is(TC_FIND("m~n"), "2"));
	CHECK(tc_tok_is(TC_FIND("s"), "str"));
	i = TC_FIND("/arr");
	CHECK(i >= 0 && tc_jwt.toks[i].type == JWTAUTH_JSON_ARRAY);
	CHECK_EQ(TC_FIND("/arr/01"), -1);           /* leading zero */
	CHECK_EQ(TC_FIND("/arr/00"), -1);
	CHECK_EQ(TC_FIND("/arr/3"), -1);
	CHECK_EQ(TC_FIND("/arr/-"), -1);
	CHECK_EQ(TC_FIND("/arr/-1"), -1);
	CHECK_EQ(TC_FIND("/arr/+1"), -1);
	CHECK_EQ(TC_FIND("/arr/ 1"), -1);
	CHECK_EQ(TC_FIND("/arr/"), -1);
	CHECK_EQ(TC_FIND("/arr/99999999999999999999999"), -1);
	CHECK_EQ(TC_FIND("/arr/1/x"), -1);          /* into a number */
	CHECK_EQ(TC_FIND("/s/0"), -1);              /* into a string */
	CHECK_EQ(TC_FIND("/n/x"), -1);
	CHECK_EQ(TC_FIND("/a/b"), -1);
	CHECK_EQ(TC_FIND("/m~2n"), -1);             /* invalid escape */
	CHECK_EQ(TC_FIND("/m~"), -1);
	CHECK_EQ(TC_FIND("/~"), -1);
	CHECK_EQ(TC_FIND("/missing"), -1);
	CHECK_EQ(TC_FIND("/o/p/q/r"), -1);
	CHECK_EQ(TC_FIND("//"), -1);
	CHECK_EQ(TC_FIND("missing"), -1);
	CHECK_EQ(TC_FIND("esc\\u0041"), -1);        /* names compare unescaped */
	CHECK_EQ(jwtauth_claim_find(NULL, "a", 1), -1);
	CHECK_EQ(jwtauth_claim_find(&tc_jwt, NULL, 1), -1);
	/* a pointer into an array root */
	tc_load("[1]");
	CHECK_RC(jwtauth_claims_check(&tc_jwt, NULL, 0, NULL, &e), JWTAUTH_ERR_CLAIMS);
	/* never parsed: nothing is found */
	tc_load("{\"a\":1}");
	CHECK_EQ(TC_FIND("a"), -1);
#undef TC_FIND
}

static void tc_dotted(void)
{
	jwtauth_error e;
	long i;
	tc_load("{\"realm_access\":{\"roles\":[\"analyst\",\"admin\"]},\"a\":{\"b\":{\"c\":\"v\"}},"
		"\"x.y\":1,\"g\":\"one\",\"arr\":[{\"k\":1}]}");
	CHECK_RC(jwtauth_claims_check(&tc_jwt, NULL, 0, NULL, &e), JWTAUTH_OK);
#define TC_DOT(path) jwtauth_claim_find_dotted(&tc_jwt, path, strlen(path))
	i = TC_DOT("realm_access.roles");
	CHECK(i >= 0 && tc_jwt.toks[i].type == JWTAUTH_JSON_ARRAY);
	CHECK_EQ(tc_jwt.toks[i].count, 2);
	CHECK(tc_tok_is(TC_DOT("a.b.c"), "v"));
	CHECK(tc_tok_is(TC_DOT("g"), "one"));
	CHECK_EQ(TC_DOT("x.y"), -1);        /* dots always separate */
	CHECK_EQ(TC_DOT("a..b"), -1);
	CHECK_EQ(TC_DOT(".a"), -1);
	CHECK_EQ(TC_DOT("a."), -1);
	CHECK_EQ(TC_DOT(""), -1);
	CHECK_EQ(TC_DOT("arr.0.k"), -1);    /* no array indices in dot paths */
	CHECK_EQ(TC_DOT("a.b.c.d"), -1);
	CHECK_EQ(TC_DOT("realm_access.role"), -1);
	CHECK_EQ(TC_DOT("realm_access.roles2"), -1);
#undef TC_DOT
}

static const test_case t_claims_tests[] = {
	{ "payload_object", tc_payload_object },
	{ "exp", tc_exp },
	{ "exp_fractional", tc_exp_fractional },
	{ "date_types", tc_date_types },
	{ "nbf", tc_nbf },
	{ "iat_max_age", tc_iat_max_age },
	{ "required", tc_required },
	{ "issuer", tc_issuer },
	{ "audience", tc_audience },
	{ "after_header", tc_after_header },
	{ "pointer", tc_pointer },
	{ "dotted", tc_dotted },
	{ NULL, NULL }
};
