/* t_mysql.c - the token inside a MySQL auth response: the
   authentication_openid_connect_client framing (capability byte +
   length-encoded string) and the bare form. */

static char tm_token[JWTAUTH_MAX_TOKEN_LEN + 1];
static size_t tm_token_len;
static uint8_t tm_buf[JWTAUTH_MAX_TOKEN_LEN + 64];

/* The demo token when present (682 bytes: needs the 0xFC form), else a
   synthetic one of the same shape; the framing never looks inside. */
static void tm_load_token(void)
{
	size_t n = 0;
	char *f = tl_read_file("examples/demo/tom.jwt", &n);
	while (f && n > 0 && (f[n - 1] == '\n' || f[n - 1] == '\r' || f[n - 1] == ' ')) n--;
	if (f && n > 251 && n <= JWTAUTH_MAX_TOKEN_LEN) {
		memcpy(tm_token, f, n);
		tm_token_len = n;
	} else {
		memset(tm_token, 'A', 600);
		memcpy(tm_token, "eyJhbGciOiJSUzI1NiJ9.", 21);
		tm_token[300] = '.';
		tm_token_len = 600;
	}
	tm_token[tm_token_len] = 0;
	free(f);
}

/* Frame tm_token[0..tlen) with a length prefix of `form` (0: one byte,
   else 0xFC/0xFD/0xFE); returns the response length. */
static size_t tm_frame(int form, size_t tlen, uint64_t declared)
{
	size_t n = 0, k, w = form == 0xFC ? 2 : form == 0xFD ? 3 : form == 0xFE ? 8 : 0;
	tm_buf[n++] = 0x01;  /* capability byte: "ID token" */
	if (form == 0) {
		tm_buf[n++] = (uint8_t)declared;
	} else {
		tm_buf[n++] = (uint8_t)form;
		for (k = 0; k < w; k++) tm_buf[n++] = (uint8_t)(declared >> (8 * k));
	}
	memcpy(tm_buf + n, tm_token, tlen);
	return n + tlen;
}

/* Parse a private exact-size copy, so that ASan catches any overread. */
static int tm_parse_copy(const uint8_t *resp, size_t len, jwtauth_response_kind kind,
	const char **tok, size_t *tok_len, jwtauth_error *e, size_t *tok_off)
{
	uint8_t *copy = (uint8_t *)calloc(len ? len : 1, 1);
	int rc;
	if (!copy) return -9999;
	if (len) memcpy(copy, resp, len);
	rc = jwtauth_mysql_auth_token(copy, len, kind, tok, tok_len, e);
	*tok_off = rc == JWTAUTH_OK ? (size_t)((const uint8_t *)*tok - copy) : 0;
	free(copy);
	return rc;
}

static void tm_forms(void)
{
	static const int forms[4] = { 0, 0xFC, 0xFD, 0xFE };
	static const size_t hdr[4] = { 2, 4, 5, 10 };
	const char *tok;
	size_t tl, n, off, f;
	jwtauth_error e;
	tm_load_token();
	for (f = 0; f < 4; f++) {
		size_t tlen = forms[f] == 0 ? 200 : tm_token_len;
		n = tm_frame(forms[f], tlen, tlen);
		CHECK_RC(tm_parse_copy(tm_buf, n, JWTAUTH_RESPONSE_OPENID, &tok, &tl, &e, &off), JWTAUTH_OK);
		CHECK_EQ(e.code, JWTAUTH_OK);
		CHECK_EQ(tl, tlen);
		CHECK_EQ(off, hdr[f]);
		CHECK_RC(jwtauth_mysql_auth_token(tm_buf, n, JWTAUTH_RESPONSE_OPENID, &tok, &tl, &e), JWTAUTH_OK);
		CHECK(tok == (const char *)tm_buf + hdr[f]);
		CHECK(memcmp(tok, tm_token, tlen) == 0);
		/* AUTO: the capability byte is not 'e', so this is the framed form */
		CHECK_RC(jwtauth_mysql_auth_token(tm_buf, n, JWTAUTH_RESPONSE_AUTO, &tok, &tl, &e), JWTAUTH_OK);
		CHECK_EQ(tl, tlen);
		/* trailing NUL padding is tolerated */
		memset(tm_buf + n, 0, 3);
		CHECK_RC(tm_parse_copy(tm_buf, n + 3, JWTAUTH_RESPONSE_OPENID, &tok, &tl, &e, &off), JWTAUTH_OK);
		CHECK_EQ(tl, tlen);
		/* anything else after the string is not */
		tm_buf[n + 1] = 'x';
		CHECK_RC(tm_parse_copy(tm_buf, n + 3, JWTAUTH_RESPONSE_OPENID, &tok, &tl, &e, &off),
			JWTAUTH_ERR_AUTH_RESPONSE);
		CHECK_EQ(e.offset, n + 1);
		CHECK(tok == NULL && tl == 0);
	}
	/* the largest one-byte length, and non-minimal encodings of small ones */
	n = tm_frame(0, 250, 250);
	CHECK_RC(jwtauth_mysql_auth_token(tm_buf, n, JWTAUTH_RESPONSE_OPENID, &tok, &tl, &e), JWTAUTH_OK);
	CHECK_EQ(tl, 250);
	n = tm_frame(0xFE, 5, 5);
	CHECK_RC(jwtauth_mysql_auth_token(tm_buf, n, JWTAUTH_RESPONSE_OPENID, &tok, &tl, &e), JWTAUTH_OK);
	CHECK_EQ(tl, 5);
	/* the capability byte's value is not interpreted */
	n = tm_frame(0, 10, 10);
	tm_buf[0] = 0x00;
	CHECK_RC(jwtauth_mysql_auth_token(tm_buf, n, JWTAUTH_RESPONSE_OPENID, &tok, &tl, &e), JWTAUTH_OK);
}

/* Every proper prefix of a valid response is an error, never a crash. */
static void tm_truncation(void)
{
	static const int forms[4] = { 0, 0xFC, 0xFD, 0xFE };
	const char *tok;
	size_t tl, n, off, cut, f;
	jwtauth_error e;
	int rc;
	tm_load_token();
	for (f = 0; f < 4; f++) {
		size_t tlen = forms[f] == 0 ? 200 : tm_token_len;
		n = tm_frame(forms[f], tlen, tlen);
		for (cut = 0; cut < n; cut++) {
			rc = tm_parse_copy(tm_buf, cut, JWTAUTH_RESPONSE_OPENID, &tok, &tl, &e, &off);
			CHECKF(rc == JWTAUTH_ERR_AUTH_RESPONSE, "form %x cut %u: %s", (unsigned)forms[f],
				(unsigned)cut, jwtauth_error_name(rc));
			CHECKF(e.offset <= cut, "form %x cut %u: offset %u", (unsigned)forms[f],
				(unsigned)cut, (unsigned)e.offset);
			CHECK(tok == NULL && tl == 0);
			rc = tm_parse_copy(tm_buf, cut, JWTAUTH_RESPONSE_AUTO, &tok, &tl, &e, &off);
			CHECK(rc != JWTAUTH_OK);
		}
		CHECK_RC(tm_parse_copy(tm_buf, n, JWTAUTH_RESPONSE_OPENID, &tok, &tl, &e, &off), JWTAUTH_OK);
	}
}

static void tm_bad_lengths(void)
{
	const char *tok;
	size_t tl, n, off;
	jwtauth_error e;
	tm_load_token();
	/* 0xFB (NULL column) and 0xFF (error packet) are not lengths */
	tm_buf[0] = 1; tm_buf[1] = 0xFB; tm_buf[2] = 'e';
	CHECK_RC(tm_parse_copy(tm_buf, 3, JWTAUTH_RESPONSE_OPENID, &tok, &tl, &e, &off), JWTAUTH_ERR_AUTH_RESPONSE);
	CHECK_EQ(e.offset, 1);
	tm_buf[1] = 0xFF;
	CHECK_RC(tm_parse_copy(tm_buf, 3, JWTAUTH_RESPONSE_OPENID, &tok, &tl, &e, &off), JWTAUTH_ERR_AUTH_RESPONSE);
	CHECK_EQ(e.offset, 1);
	/* an empty string is no token */
	n = tm_frame(0, 0, 0);
	CHECK_RC(tm_parse_copy(tm_buf, n, JWTAUTH_RESPONSE_OPENID, &tok, &tl, &e, &off), JWTAUTH_ERR_TOKEN_SIZE);
	n = tm_frame(0xFC, 0, 0);
	CHECK_RC(tm_parse_copy(tm_buf, n, JWTAUTH_RESPONSE_OPENID, &tok, &tl, &e, &off), JWTAUTH_ERR_TOKEN_SIZE);
	/* a length over JWTAUTH_MAX_TOKEN_LEN, whether the bytes are there
	   or not; exactly the maximum is fine */
	memset(tm_token, 'e', JWTAUTH_MAX_TOKEN_LEN);
	n = tm_frame(0xFD, JWTAUTH_MAX_TOKEN_LEN, JWTAUTH_MAX_TOKEN_LEN);
	CHECK_RC(tm_parse_copy(tm_buf, n, JWTAUTH_RESPONSE_OPENID, &tok, &tl, &e, &off), JWTAUTH_OK);
	CHECK_EQ(tl, JWTAUTH_MAX_TOKEN_LEN);
	tm_buf[n] = 'e';
	n = tm_frame(0xFD, JWTAUTH_MAX_TOKEN_LEN + 1, JWTAUTH_MAX_TOKEN_LEN + 1);
	CHECK_RC(tm_parse_copy(tm_buf, n, JWTAUTH_RESPONSE_OPENID, &tok, &tl, &e, &off), JWTAUTH_ERR_TOKEN_SIZE);
	n = tm_frame(0xFC, 10, 0xFFFF);
	CHECK_RC(tm_parse_copy(tm_buf, n, JWTAUTH_RESPONSE_OPENID, &tok, &tl, &e, &off), JWTAUTH_ERR_TOKEN_SIZE);
	n = tm_frame(0xFD, 10, 0xFFFFFF);
	CHECK_RC(tm_parse_copy(tm_buf, n, JWTAUTH_RESPONSE_OPENID, &tok, &tl, &e, &off), JWTAUTH_ERR_TOKEN_SIZE);
	/* 8-byte lengths that would wrap a 32-bit size_t or any size_t */
	n = tm_frame(0xFE, 10, ((uint64_t)1 << 32) + 10);
	CHECK_RC(tm_parse_copy(tm_buf, n, JWTAUTH_RESPONSE_OPENID, &tok, &tl, &e, &off), JWTAUTH_ERR_TOKEN_SIZE);
	n = tm_frame(0xFE, 10, ~(uint64_t)0);
	CHECK_RC(tm_parse_copy(tm_buf, n, JWTAUTH_RESPONSE_OPENID, &tok, &tl, &e, &off), JWTAUTH_ERR_TOKEN_SIZE);
	n = tm_frame(0xFE, 10, (uint64_t)1 << 63);
	CHECK_RC(tm_parse_copy(tm_buf, n, JWTAUTH_RESPONSE_OPENID, &tok, &tl, &e, &off), JWTAUTH_ERR_TOKEN_SIZE);
	/* a length longer than what follows */
	n = tm_frame(0, 10, 11);
	CHECK_RC(tm_parse_copy(tm_buf, n, JWTAUTH_RESPONSE_OPENID, &tok, &tl, &e, &off), JWTAUTH_ERR_AUTH_RESPONSE);
	CHECK_EQ(e.offset, n);
	/* shorter: the rest is not NUL padding */
	n = tm_frame(0, 10, 9);
	CHECK_RC(tm_parse_copy(tm_buf, n, JWTAUTH_RESPONSE_OPENID, &tok, &tl, &e, &off), JWTAUTH_ERR_AUTH_RESPONSE);
	CHECK_EQ(e.offset, n - 1);
	/* arguments */
	CHECK_RC(jwtauth_mysql_auth_token(NULL, 3, JWTAUTH_RESPONSE_OPENID, &tok, &tl, &e), JWTAUTH_ERR_ARGUMENT);
	CHECK_RC(jwtauth_mysql_auth_token(tm_buf, 3, JWTAUTH_RESPONSE_OPENID, NULL, &tl, &e), JWTAUTH_ERR_ARGUMENT);
	CHECK_RC(jwtauth_mysql_auth_token(tm_buf, 3, JWTAUTH_RESPONSE_OPENID, &tok, NULL, &e), JWTAUTH_ERR_ARGUMENT);
	CHECK_RC(jwtauth_mysql_auth_token(tm_buf, 3, (jwtauth_response_kind)0, &tok, &tl, &e), JWTAUTH_ERR_ARGUMENT);
	CHECK_RC(jwtauth_mysql_auth_token(tm_buf, 3, (jwtauth_response_kind)9, &tok, &tl, NULL), JWTAUTH_ERR_ARGUMENT);
}

static void tm_bare(void)
{
	static const char t[] = "eyJhbGciOiJIUzI1NiJ9.e30.c2ln";
	const char *tok;
	size_t tl, off, n = sizeof t - 1;
	jwtauth_error e;
	memcpy(tm_buf, t, n);
	CHECK_RC(tm_parse_copy(tm_buf, n, JWTAUTH_RESPONSE_BARE, &tok, &tl, &e, &off), JWTAUTH_OK);
	CHECK_EQ(tl, n);
	CHECK_EQ(off, 0);
	memset(tm_buf + n, 0, 4);
	CHECK_RC(tm_parse_copy(tm_buf, n + 4, JWTAUTH_RESPONSE_BARE, &tok, &tl, &e, &off), JWTAUTH_OK);
	CHECK_EQ(tl, n);
	CHECK_RC(jwtauth_mysql_auth_token(tm_buf, n + 4, JWTAUTH_RESPONSE_AUTO, &tok, &tl, &e), JWTAUTH_OK);
	CHECK(tok == (const char *)tm_buf);
	CHECK_EQ(tl, n);
	/* only trailing NULs go; whatever else is there belongs to the token
	   (and the JWS layer will refuse it) */
	tm_buf[n + 1] = 'x';
	CHECK_RC(jwtauth_mysql_auth_token(tm_buf, n + 4, JWTAUTH_RESPONSE_BARE, &tok, &tl, &e), JWTAUTH_OK);
	CHECK_EQ(tl, n + 2);
	/* empty */
	memset(tm_buf, 0, 8);
	CHECK_RC(tm_parse_copy(tm_buf, 8, JWTAUTH_RESPONSE_BARE, &tok, &tl, &e, &off), JWTAUTH_ERR_TOKEN_SIZE);
	CHECK_RC(tm_parse_copy(tm_buf, 0, JWTAUTH_RESPONSE_BARE, &tok, &tl, &e, &off), JWTAUTH_ERR_TOKEN_SIZE);
	CHECK_RC(tm_parse_copy(tm_buf, 0, JWTAUTH_RESPONSE_AUTO, &tok, &tl, &e, &off), JWTAUTH_ERR_TOKEN_SIZE);
	CHECK_RC(jwtauth_mysql_auth_token(NULL, 0, JWTAUTH_RESPONSE_AUTO, &tok, &tl, &e), JWTAUTH_ERR_TOKEN_SIZE);
	CHECK_RC(tm_parse_copy(tm_buf, 0, JWTAUTH_RESPONSE_OPENID, &tok, &tl, &e, &off), JWTAUTH_ERR_AUTH_RESPONSE);
	/* AUTO on a NUL first byte is the framed form (and fails there) */
	CHECK_RC(tm_parse_copy(tm_buf, 8, JWTAUTH_RESPONSE_AUTO, &tok, &tl, &e, &off), JWTAUTH_ERR_TOKEN_SIZE);
	/* too long */
	memset(tm_buf, 'e', JWTAUTH_MAX_TOKEN_LEN + 1);
	CHECK_RC(tm_parse_copy(tm_buf, JWTAUTH_MAX_TOKEN_LEN, JWTAUTH_RESPONSE_BARE, &tok, &tl, &e, &off), JWTAUTH_OK);
	CHECK_RC(tm_parse_copy(tm_buf, JWTAUTH_MAX_TOKEN_LEN + 1, JWTAUTH_RESPONSE_BARE, &tok, &tl, &e, &off),
		JWTAUTH_ERR_TOKEN_SIZE);
	CHECK_RC(tm_parse_copy(tm_buf, JWTAUTH_MAX_TOKEN_LEN + 1, JWTAUTH_RESPONSE_AUTO, &tok, &tl, &e, &off),
		JWTAUTH_ERR_TOKEN_SIZE);
}

static const test_case t_mysql_tests[] = {
	{ "forms", tm_forms },
	{ "truncation", tm_truncation },
	{ "bad_lengths", tm_bad_lengths },
	{ "bare", tm_bare },
	{ NULL, NULL }
};
