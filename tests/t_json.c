/* t_json.c - the strict RFC 8259 parser and its helpers, rule by rule. */

static jwtauth_json_tok json_toks[256];
static size_t json_n;
static jwtauth_error json_err;

/* Parse a NUL-terminated text (length given when it holds NULs). */
static int json_pl(const char *s, size_t len, size_t max_toks, size_t max_depth)
{
	memset(&json_err, 0x5a, sizeof json_err);
	json_n = 12345;
	return jwtauth_json_parse(s, len, json_toks, max_toks, max_depth, &json_n, &json_err);
}

static int json_p(const char *s)
{
	return json_pl(s, strlen(s), 256, 0);
}

/* Token layout: types, offsets, lengths, next, count, escaped. */
static void json_tokens_layout(void)
{
	const char *j = "{\"a\":[1,2,{\"b\":null}],\"c\":\"x\\u00e9\",\"d\":{}}";
	CHECK_RC(json_p(j), JWTAUTH_OK);
	CHECK_EQ(json_n, 12);
	CHECK_EQ(json_err.code, JWTAUTH_OK);
	CHECK_EQ(json_err.offset, 0);
	CHECK_EQ(json_toks[0].type, JWTAUTH_JSON_OBJECT);
	CHECK_EQ(json_toks[0].start, 0);
	CHECK_EQ(json_toks[0].len, strlen(j));
	CHECK_EQ(json_toks[0].next, 12);
	CHECK_EQ(json_toks[0].count, 3);
	CHECK_EQ(json_toks[1].type, JWTAUTH_JSON_STRING);     /* "a" */
	CHECK_EQ(json_toks[1].start, 2);
	CHECK_EQ(json_toks[1].len, 1);
	CHECK_EQ(json_toks[1].next, 2);
	CHECK_EQ(json_toks[2].type, JWTAUTH_JSON_ARRAY);
	CHECK_EQ(json_toks[2].start, 5);
	CHECK_EQ(json_toks[2].len, 16);
	CHECK_EQ(json_toks[2].next, 8);
	CHECK_EQ(json_toks[2].count, 3);
	CHECK_EQ(json_toks[3].type, JWTAUTH_JSON_NUMBER);
	CHECK_EQ(json_toks[3].start, 6);
	CHECK_EQ(json_toks[3].len, 1);
	CHECK_EQ(json_toks[3].next, 4);
	CHECK_EQ(json_toks[5].type, JWTAUTH_JSON_OBJECT);
	CHECK_EQ(json_toks[5].count, 1);
	CHECK_EQ(json_toks[5].next, 8);
	CHECK_EQ(json_toks[7].type, JWTAUTH_JSON_NULL);
	CHECK_EQ(json_toks[7].len, 4);
	CHECK_EQ(json_toks[9].type, JWTAUTH_JSON_STRING);     /* "x\u00e9" */
	CHECK_EQ(json_toks[9].len, 7);
	CHECK_EQ(json_toks[9].escaped, 1);
	CHECK_EQ(json_toks[8].escaped, 0);
	CHECK_EQ(json_toks[11].type, JWTAUTH_JSON_OBJECT);
	CHECK_EQ(json_toks[11].len, 2);
	CHECK_EQ(json_toks[11].count, 0);
	CHECK_EQ(json_toks[11].next, 12);
}

/* RFC 8259 section 2: any value may be the root. */
static void json_scalar_roots(void)
{
	CHECK_RC(json_p("1"), JWTAUTH_OK);
	CHECK_EQ(json_n, 1);
	CHECK_EQ(json_toks[0].type, JWTAUTH_JSON_NUMBER);
	CHECK_EQ(json_toks[0].next, 1);
	CHECK_RC(json_p(" \"x\" "), JWTAUTH_OK);
	CHECK_EQ(json_toks[0].type, JWTAUTH_JSON_STRING);
	CHECK_EQ(json_toks[0].start, 2);
	CHECK_RC(json_p("true"), JWTAUTH_OK);
	CHECK_EQ(json_toks[0].type, JWTAUTH_JSON_TRUE);
	CHECK_RC(json_p("false"), JWTAUTH_OK);
	CHECK_EQ(json_toks[0].type, JWTAUTH_JSON_FALSE);
	CHECK_EQ(json_toks[0].len, 5);
	CHECK_RC(json_p("null"), JWTAUTH_OK);
	CHECK_EQ(json_toks[0].type, JWTAUTH_JSON_NULL);
	CHECK_RC(json_p("[]"), JWTAUTH_OK);
	CHECK_EQ(json_n, 1);
	CHECK_RC(json_p("tru"), JWTAUTH_ERR_JSON_SYNTAX);
	CHECK_RC(json_p("True"), JWTAUTH_ERR_JSON_SYNTAX);
	CHECK_RC(json_p("nul"), JWTAUTH_ERR_JSON_SYNTAX);
	CHECK_RC(json_p("truex"), JWTAUTH_ERR_JSON_TRAILING);
	CHECK_RC(json_p("[truex]"), JWTAUTH_ERR_JSON_SYNTAX);
}

static void json_numbers(void)
{
	static const char *const good[] = {
		"-0", "0", "1e5", "1E+2", "0.5", "-1.25e-3", "123", "0e0", "1E-0",
		"-0.0", "[1,-2,3.5]", "12345678901234567890123456789", "1e99999"
	};
	static const char *const bad[] = {
		"01", "1.", ".5", "+1", "1e", "-", "NaN", "-NaN", "Infinity", "-Infinity",
		"1e+", "1.e5", "-01", "00", "1.2.3", "1e2e3", "0x10", "[01]", "[1.]", "-.5",
		"1ee2", "2.-1", "[-]"
	};
	static const int bad_rc[] = {
		JWTAUTH_ERR_JSON_NUMBER, JWTAUTH_ERR_JSON_NUMBER, JWTAUTH_ERR_JSON_NUMBER,
		JWTAUTH_ERR_JSON_NUMBER, JWTAUTH_ERR_JSON_NUMBER, JWTAUTH_ERR_JSON_NUMBER,
		JWTAUTH_ERR_JSON_NUMBER, JWTAUTH_ERR_JSON_NUMBER, JWTAUTH_ERR_JSON_NUMBER,
		JWTAUTH_ERR_JSON_NUMBER, JWTAUTH_ERR_JSON_NUMBER, JWTAUTH_ERR_JSON_NUMBER,
		JWTAUTH_ERR_JSON_NUMBER, JWTAUTH_ERR_JSON_NUMBER, JWTAUTH_ERR_JSON_NUMBER,
		JWTAUTH_ERR_JSON_NUMBER, JWTAUTH_ERR_JSON_TRAILING, JWTAUTH_ERR_JSON_NUMBER,
		JWTAUTH_ERR_JSON_NUMBER, JWTAUTH_ERR_JSON_NUMBER, JWTAUTH_ERR_JSON_NUMBER,
		JWTAUTH_ERR_JSON_NUMBER, JWTAUTH_ERR_JSON_NUMBER
	};
	size_t i;
	for (i = 0; i < sizeof good / sizeof good[0]; i++)
		CHECKF(json_p(good[i]) == JWTAUTH_OK, "%s rejected: %s", good[i], json_err.msg);
	CHECK_EQ(sizeof bad / sizeof bad[0], sizeof bad_rc / sizeof bad_rc[0]);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int rc = json_p(bad[i]);
		CHECKF(rc == bad_rc[i], "%s: got %s, expected %s", bad[i],
			jwtauth_error_name(rc), jwtauth_error_name(bad_rc[i]));
	}
	CHECK_RC(json_p("01"), JWTAUTH_ERR_JSON_NUMBER);
	CHECK_EQ(json_err.offset, 1);
	CHECK_RC(json_p("[1, 2.]"), JWTAUTH_ERR_JSON_NUMBER);
	CHECK_EQ(json_err.offset, 6);
	CHECK_RC(json_p("-1.5e+10"), JWTAUTH_OK);
	CHECK_EQ(json_toks[0].len, 8);
}

/* Escapes of RFC 8259 section 7 and their unescaped values. */
static void json_escapes(void)
{
	static const char *const bad[] = {
		"\"\\a\"", "\"\\x41\"", "\"\\u12\"", "\"\\u12G4\"", "\"\\U0041\"",
		"\"\\'\"", "\"\\0\"", "\"\\\t\""
	};
	char out[64];
	size_t i, n;
	CHECK_RC(json_p("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00e9\\u20AC\""), JWTAUTH_OK);
	CHECK_EQ(json_toks[0].escaped, 1);
	CHECK_RC(jwtauth_json_str_copy("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00e9\\u20AC\"",
		&json_toks[0], out, sizeof out, &n), JWTAUTH_OK);
	CHECK_EQ(n, 14);
	CHECK(memcmp(out, "\"\\/\b\f\n\r\tA\xc3\xa9\xe2\x82\xac", 14) == 0);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		CHECKF(json_p(bad[i]) == JWTAUTH_ERR_JSON_ESCAPE, "%s: %s", bad[i],
			jwtauth_error_name(json_p(bad[i])));
	CHECK_RC(json_p("[\"ab\\q\"]"), JWTAUTH_ERR_JSON_ESCAPE);
	CHECK_EQ(json_err.offset, 4);
	CHECK_RC(json_p("\"\\"), JWTAUTH_ERR_JSON_SYNTAX);
	CHECK_RC(json_p("\"\\u00"), JWTAUTH_ERR_JSON_ESCAPE);
	CHECK_RC(json_p("\"abc"), JWTAUTH_ERR_JSON_SYNTAX);
	CHECK_EQ(json_err.offset, 4);
	/* \u0000 is valid JSON; the copy holds the NUL */
	CHECK_RC(json_p("\"a\\u0000b\""), JWTAUTH_OK);
	CHECK_RC(jwtauth_json_str_copy("\"a\\u0000b\"", &json_toks[0], out, sizeof out, &n), JWTAUTH_OK);
	CHECK_EQ(n, 3);
	CHECK(memcmp(out, "a\0b", 3) == 0);
}

/* Surrogate pairs must be high then low; either alone is refused. */
static void json_surrogates(void)
{
	static const char *const bad[] = {
		"\"\\ud834\"", "\"\\udd1e\"", "\"\\udd1e\\ud834\"", "\"\\ud834\\u0041\"",
		"\"\\ud834x\"", "\"\\ud834\\ud834\"", "\"\\ud834\\n\"", "\"\\uDFFF\"",
		"\"\\uD800\\uDBFF\"", "\"\\ud834\\udd1\"", "{\"\\udc00\":1}"
	};
	char out[16];
	size_t i, n;
	const char *ok = "\"\\ud834\\udd1e\\uD800\\uDC00\\uDBFF\\uDFFF\"";
	CHECK_RC(json_p(ok), JWTAUTH_OK);
	CHECK_RC(jwtauth_json_str_copy(ok, &json_toks[0], out, sizeof out, &n), JWTAUTH_OK);
	CHECK_EQ(n, 12);
	CHECK(memcmp(out, "\xf0\x9d\x84\x9e\xf0\x90\x80\x80\xf4\x8f\xbf\xbf", 12) == 0);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int rc = json_p(bad[i]);
		CHECKF(rc == JWTAUTH_ERR_JSON_ESCAPE, "%s: %s", bad[i], jwtauth_error_name(rc));
	}
	CHECK_RC(json_p("[\"xy\\ud834\"]"), JWTAUTH_ERR_JSON_ESCAPE);
	CHECK_EQ(json_err.offset, 4);
}

/* RFC 3629: strict UTF-8 in strings, no overlongs or surrogates. */
static void json_utf8(void)
{
	static const char *const good[] = {
		"\"\xc3\xa9\"", "\"\xe2\x82\xac\"", "\"\xf0\x9d\x84\x9e\"", "\"\xf4\x8f\xbf\xbf\"",
		"\"\xed\x9f\xbf\"", "\"\xee\x80\x80\"", "\"\xef\xbf\xbf\"", "\"\xc2\x80\"",
		"\"\xe0\xa0\x80\"", "\"\xf0\x90\x80\x80\"", "\"\x7f\""
	};
	static const char *const bad[] = {
		"\"\xc0\x80\"", "\"\xc1\xbf\"", "\"\xe0\x80\x80\"", "\"\xe0\x9f\xbf\"",
		"\"\xed\xa0\x80\"", "\"\xed\xbf\xbf\"", "\"\xf0\x80\x80\x80\"", "\"\xf0\x8f\xbf\xbf\"",
		"\"\xf4\x90\x80\x80\"", "\"\xf5\x80\x80\x80\"", "\"\xff\"", "\"\x80\"", "\"\xbf\"",
		"\"\xc3\"", "\"\xe2\x82\"", "\"\xf0\x9d\x84\"", "\"\xc3\x41\"", "\"\xe2\x28\xa1\"",
		"\"\xf8\x88\x80\x80\x80\"", "\"\xfc\x84\x80\x80\x80\x80\"", "\"\xc3"
	};
	size_t i;
	for (i = 0; i < sizeof good / sizeof good[0]; i++)
		CHECKF(json_p(good[i]) == JWTAUTH_OK, "good[%u] rejected: %s", (unsigned)i, json_err.msg);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int rc = json_p(bad[i]);
		CHECKF(rc == JWTAUTH_ERR_JSON_UTF8, "bad[%u]: %s", (unsigned)i, jwtauth_error_name(rc));
	}
	CHECK_RC(json_p("[\"ab\xed\xa0\x80\"]"), JWTAUTH_ERR_JSON_UTF8);
	CHECK_EQ(json_err.offset, 4);
	CHECK_RC(json_p("\"ab\xe2\x82\""), JWTAUTH_ERR_JSON_UTF8);
	CHECK_EQ(json_err.offset, 5);
	/* non-ASCII outside strings is a syntax error */
	CHECK_RC(json_p("[\xc3\xa9]"), JWTAUTH_ERR_JSON_SYNTAX);
}

/* Control characters must be escaped inside strings (RFC 8259 section 7). */
static void json_control_chars(void)
{
	char s[4];
	int c;
	for (c = 0; c < 0x20; c++) {
		s[0] = '"'; s[1] = (char)c; s[2] = '"'; s[3] = 0;
		CHECKF(json_pl(s, 3, 256, 0) == JWTAUTH_ERR_JSON_CONTROL, "byte 0x%02x", c);
		CHECK_EQ(json_err.offset, 1);
	}
	CHECK_RC(json_p("\"\\u001f\\t\""), JWTAUTH_OK);
	CHECK_RC(json_p("\"a\tb\""), JWTAUTH_ERR_JSON_CONTROL);
	CHECK_EQ(json_err.offset, 2);
	CHECK_RC(json_p("\"\x7f\""), JWTAUTH_OK);
}

/* The string scanner (eight bytes a step, then one) stops at exactly the
   bytes RFC 8259 section 7 gives meaning to: every byte value at each of
   20 places of a 20-byte string, with the outcome its class implies. */
static void json_string_stop_bytes(void)
{
	unsigned place, byte;
	for (place = 0; place < 20; place++) {
		for (byte = 0; byte < 256; byte++) {
			char s[22];
			int want, rc;
			memset(s, 'a', sizeof s);
			s[0] = '"';
			s[21] = '"';
			s[1 + place] = (char)byte;
			if (byte == '"') want = JWTAUTH_ERR_JSON_TRAILING;      /* ends early */
			else if (byte == '\\') want = place == 19 ? JWTAUTH_ERR_JSON_SYNTAX
				: JWTAUTH_ERR_JSON_ESCAPE;                       /* \a, or \" at the end */
			else if (byte < 0x20) want = JWTAUTH_ERR_JSON_CONTROL;
			else if (byte >= 0x80) want = JWTAUTH_ERR_JSON_UTF8;  /* no valid sequence */
			else want = JWTAUTH_OK;
			rc = json_pl(s, sizeof s, 256, 0);
			CHECKF(rc == want, "byte 0x%02x at %u: %s, expected %s", byte, place,
				jwtauth_error_name(rc), jwtauth_error_name(want));
			if (want == JWTAUTH_OK)
				CHECK(json_n == 1 && json_toks[0].len == 20 && !json_toks[0].escaped);
			else if (want == JWTAUTH_ERR_JSON_CONTROL || want == JWTAUTH_ERR_JSON_TRAILING)
				CHECKF(json_err.offset == 1 + place + (want == JWTAUTH_ERR_JSON_TRAILING),
					"byte 0x%02x at %u: offset %u", byte, place, (unsigned)json_err.offset);
		}
	}
}

/* Only space, tab, LF and CR are whitespace (RFC 8259 section 2). */
static void json_whitespace(void)
{
	CHECK_RC(json_p(" \t\n\r[ 1 ,\t2\n,\r{ \"a\" : true } ]\r\n\t "), JWTAUTH_OK);
	CHECK_EQ(json_n, 6);
	CHECK_RC(json_p("\f1"), JWTAUTH_ERR_JSON_SYNTAX);
	CHECK_RC(json_p("[1,\v2]"), JWTAUTH_ERR_JSON_SYNTAX);
	CHECK_EQ(json_err.offset, 3);
	CHECK_RC(json_p("[1\xc2\xa0]"), JWTAUTH_ERR_JSON_SYNTAX);
	CHECK_RC(json_pl("[1]\0", 4, 256, 0), JWTAUTH_ERR_JSON_TRAILING);
	CHECK_EQ(json_err.offset, 3);
	CHECK_RC(json_pl("\0", 1, 256, 0), JWTAUTH_ERR_JSON_SYNTAX);
}

static void json_empty_bom_trailing(void)
{
	CHECK_RC(json_p(""), JWTAUTH_ERR_JSON_SYNTAX);
	CHECK_EQ(json_err.offset, 0);
	CHECK_EQ(json_n, 0);
	CHECK(TL_HAS_MSG(json_err.msg));
	CHECK_RC(json_pl(NULL, 0, 256, 0), JWTAUTH_ERR_JSON_SYNTAX);
	CHECK_RC(json_p(" \n "), JWTAUTH_ERR_JSON_SYNTAX);
	CHECK_EQ(json_err.offset, 3);
	CHECK_RC(json_p("\xef\xbb\xbf{}"), JWTAUTH_ERR_JSON_SYNTAX);
	CHECK_EQ(json_err.offset, 0);
	CHECK_RC(json_p("\xef\xbb\xbf"), JWTAUTH_ERR_JSON_SYNTAX);
	CHECK_RC(json_p("{} x"), JWTAUTH_ERR_JSON_TRAILING);
	CHECK_EQ(json_err.offset, 3);
	CHECK_RC(json_p("1 2"), JWTAUTH_ERR_JSON_TRAILING);
	CHECK_EQ(json_err.offset, 2);
	CHECK_RC(json_p("[]]"), JWTAUTH_ERR_JSON_TRAILING);
	CHECK_RC(json_p("{}{}"), JWTAUTH_ERR_JSON_TRAILING);
	CHECK_RC(json_p("\"a\"\"b\""), JWTAUTH_ERR_JSON_TRAILING);
	CHECK_RC(json_p("{} \n"), JWTAUTH_OK);
}

/* Grammar violations and the offset reported for each. */
static void json_syntax(void)
{
	static const char *const bad[] = {
		"[1,]", "[,1]", "[1 2]", "{\"a\"}", "{\"a\":}", "{,}", "{\"a\":1,}", "[", "{",
		"{\"a\":1", "[1", "{1:1}", "{'a':1}", "{a:1}", "[\"a\":1]", "{\"a\" 1}",
		"]", "}", ":", ",", "[}", "{]", "{\"a\":1]", "[1}", "'a'", "[1,", "{\"a\",1}",
		"[null,]", "/* c */1", "1//"
	};
	static const size_t off[] = {
		3, 1, 3, 4, 5, 1, 7, 1, 1, 6, 2, 1, 1, 1, 4, 5,
		0, 0, 0, 0, 1, 1, 6, 2, 0, 3, 4,
		6, 0, 1
	};
	size_t i;
	CHECK_EQ(sizeof bad / sizeof bad[0], sizeof off / sizeof off[0]);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int rc = json_p(bad[i]);
		CHECKF(rc == JWTAUTH_ERR_JSON_SYNTAX || (i == 29 && rc == JWTAUTH_ERR_JSON_TRAILING),
			"%s: %s", bad[i], jwtauth_error_name(rc));
		CHECKF(json_err.offset == off[i], "%s: offset %u, expected %u", bad[i],
			(unsigned)json_err.offset, (unsigned)off[i]);
		CHECKF(TL_HAS_MSG(json_err.msg), "%s: no message", bad[i]);
	}
}

/* Duplicate names are compared after unescaping (RFC 7515 section 5.2). */
static void json_duplicates(void)
{
	static const char *const dup[] = {
		"{\"a\":1,\"a\":2}", "{\"a\":1,\"\\u0061\":2}", "{\"\\u0061\":1,\"a\":2}",
		"{\"\\u0061\":1,\"\\u0061\":2}", "{\"a\":1,\"b\":{\"c\":[1,{}]},\"a\":2}",
		"{\"\\/\":1,\"/\":2}", "{\"\xc3\xa9\":1,\"\\u00e9\":2}", "{\"\\ud834\\udd1e\":1,\"\xf0\x9d\x84\x9e\":2}",
		"{\"\":1,\"\":2}", "{\"x\":1,\"y\":2,\"z\":3,\"y\":4}", "[{\"a\":1},{\"b\":1,\"b\":2}]"
	};
	static const char *const fine[] = {
		"{\"a\":1,\"b\":2}", "{\"a\":1,\"\\u0062\":2}", "{\"a\":{\"a\":{\"a\":1}}}",
		"{\"a\":1,\"A\":2}", "{\"a\":1,\"a\\u0000\":2}", "{\"a\":1,\"\\u0061b\":2}",
		"[{\"a\":1},{\"a\":1}]", "{\"ab\":1,\"a\":2,\"\\u0061\\u0062c\":3}", "{\"\":1,\"\\u0020\":2}",
		"{\"a\":[\"a\",\"a\"]}"
	};
	size_t i;
	for (i = 0; i < sizeof dup / sizeof dup[0]; i++) {
		int rc = json_p(dup[i]);
		CHECKF(rc == JWTAUTH_ERR_JSON_DUPLICATE, "%s: %s", dup[i], jwtauth_error_name(rc));
	}
	for (i = 0; i < sizeof fine / sizeof fine[0]; i++)
		CHECKF(json_p(fine[i]) == JWTAUTH_OK, "%s: %s", fine[i], json_err.msg);
	/* offset: the second name's opening quote */
	CHECK_RC(json_p("{\"a\":1,\"\\u0061\":2}"), JWTAUTH_ERR_JSON_DUPLICATE);
	CHECK_EQ(json_err.offset, 7);
	CHECK_RC(json_p("{\"x\":1,\"y\":2,\"z\":3,\"y\":4}"), JWTAUTH_ERR_JSON_DUPLICATE);
	CHECK_EQ(json_err.offset, 19);
}

/* Nesting: exactly max_depth passes, one more fails, at its opener. */
static void json_depth(void)
{
	char buf[200];
	size_t d, i;
	CHECK_RC(json_pl("[[[]]]", 6, 256, 3), JWTAUTH_OK);
	CHECK_RC(json_pl("[[[[]]]]", 8, 256, 3), JWTAUTH_ERR_JSON_DEPTH);
	CHECK_EQ(json_err.offset, 3);
	CHECK_RC(json_pl("{\"a\":[{}]}", 10, 256, 3), JWTAUTH_OK);
	CHECK_RC(json_pl("{\"a\":[{\"b\":[]}]}", 16, 256, 3), JWTAUTH_ERR_JSON_DEPTH);
	CHECK_EQ(json_err.offset, 11);
	CHECK_RC(json_pl("1", 1, 256, 1), JWTAUTH_OK);
	CHECK_RC(json_pl("[1]", 3, 256, 1), JWTAUTH_OK);
	CHECK_RC(json_pl("[[1]]", 5, 256, 1), JWTAUTH_ERR_JSON_DEPTH);
	/* siblings do not add up */
	CHECK_RC(json_pl("[[],[],[[]]]", 12, 256, 3), JWTAUTH_OK);
	/* max_depth 0 means JWTAUTH_MAX_JSON_DEPTH */
	for (d = JWTAUTH_MAX_JSON_DEPTH; d <= JWTAUTH_MAX_JSON_DEPTH + 1; d++) {
		for (i = 0; i < d; i++) { buf[i] = '['; buf[2 * d - 1 - i] = ']'; }
		CHECK_RC(json_pl(buf, 2 * d, 256, 0),
			d == JWTAUTH_MAX_JSON_DEPTH ? JWTAUTH_OK : JWTAUTH_ERR_JSON_DEPTH);
	}
	CHECK_EQ(json_err.offset, JWTAUTH_MAX_JSON_DEPTH);
}

/* One token per value: exactly enough passes, one fewer fails. */
static void json_token_cap(void)
{
	CHECK_RC(json_pl("[1,2,3]", 7, 4, 0), JWTAUTH_OK);
	CHECK_EQ(json_n, 4);
	CHECK_RC(json_pl("[1,2,3]", 7, 3, 0), JWTAUTH_ERR_JSON_TOKENS);
	CHECK_EQ(json_err.offset, 5);
	CHECK_RC(json_pl("{\"a\":1}", 7, 3, 0), JWTAUTH_OK);
	CHECK_RC(json_pl("{\"a\":1}", 7, 2, 0), JWTAUTH_ERR_JSON_TOKENS);
	CHECK_EQ(json_err.offset, 5);
	CHECK_RC(json_pl("{\"a\":1}", 7, 1, 0), JWTAUTH_ERR_JSON_TOKENS);
	CHECK_EQ(json_err.offset, 1);
	CHECK_RC(json_pl("1", 1, 1, 0), JWTAUTH_OK);
	CHECK_RC(json_pl("1", 1, 0, 0), JWTAUTH_ERR_JSON_TOKENS);
	CHECK_RC(jwtauth_json_parse("1", 1, NULL, 0, 0, &json_n, &json_err), JWTAUTH_ERR_JSON_TOKENS);
}

/* count saturates at 65535; the token array comes from the heap here. */
static void json_count_saturates(void)
{
	size_t n = 70000, i, nt = 0;
	char *s = (char *)malloc(2 * n + 1);
	jwtauth_json_tok *t = (jwtauth_json_tok *)malloc((n + 1) * sizeof *t);
	jwtauth_error err;
	int rc;
	CHECK(s && t);
	s[0] = '[';
	for (i = 0; i < n; i++) { s[2 * i + 1] = '0'; s[2 * i + 2] = ','; }
	s[2 * n] = ']';
	rc = jwtauth_json_parse(s, 2 * n + 1, t, n + 1, 0, &nt, &err);
	if (rc == JWTAUTH_OK) rc = t[0].count == 65535 && t[0].next == n + 1 ? 0 : 1;
	free(s);
	free(t);
	CHECK_EQ(rc, 0);
	CHECK_EQ(nt, n + 1);
}

/* NULL arguments and the 31-bit length limit. */
static void json_arguments(void)
{
	CHECK_RC(jwtauth_json_parse(NULL, 3, json_toks, 256, 0, &json_n, &json_err), JWTAUTH_ERR_ARGUMENT);
	CHECK_RC(jwtauth_json_parse("[]", 2, NULL, 256, 0, &json_n, &json_err), JWTAUTH_ERR_ARGUMENT);
	CHECK_RC(jwtauth_json_parse("[]", 2, json_toks, 256, 0, NULL, NULL), JWTAUTH_OK);
	if ((size_t)-1 > 0x7fffffffu) {
		/* the length is refused before any byte is read */
		CHECK_RC(jwtauth_json_parse("[]", (size_t)0x80000000u, json_toks, 256, 0,
			&json_n, &json_err), JWTAUTH_ERR_TOO_LARGE);
	}
}

/* jwtauth_json_get: members by unescaped name, value index or -1. */
static void json_get(void)
{
	const char *j = "{\"iss\":\"me\",\"a\\u0075d\":[\"x\",\"y\"],\"n\":{\"iss\":1},\"e\":{},\"\":0,\"last\":true}";
	long v;
	CHECK_RC(json_p(j), JWTAUTH_OK);
	v = jwtauth_json_get(j, json_toks, json_n, 0, "iss", 3);
	CHECK_EQ(v, 2);
	CHECK(jwtauth_json_str_eq(j, &json_toks[v], "me", 2));
	v = jwtauth_json_get(j, json_toks, json_n, 0, "aud", 3);
	CHECK_EQ(v, 4);
	CHECK_EQ(json_toks[v].type, JWTAUTH_JSON_ARRAY);
	CHECK_EQ(json_toks[v].count, 2);
	v = jwtauth_json_get(j, json_toks, json_n, 0, "n", 1);
	CHECK_EQ(json_toks[v].type, JWTAUTH_JSON_OBJECT);
	CHECK_EQ(jwtauth_json_get(j, json_toks, json_n, (size_t)v, "iss", 3), v + 2);
	CHECK_EQ(jwtauth_json_get(j, json_toks, json_n, (size_t)v, "n", 1), -1);
	v = jwtauth_json_get(j, json_toks, json_n, 0, "e", 1);
	CHECK(v > 0);
	CHECK_EQ(jwtauth_json_get(j, json_toks, json_n, (size_t)v, "", 0), -1);
	v = jwtauth_json_get(j, json_toks, json_n, 0, "", 0);
	CHECK(v > 0);
	CHECK_EQ(json_toks[v].type, JWTAUTH_JSON_NUMBER);
	v = jwtauth_json_get(j, json_toks, json_n, 0, "last", 4);
	CHECK_EQ(v, (long)json_n - 1);
	CHECK_EQ(json_toks[v].type, JWTAUTH_JSON_TRUE);
	/* absent, prefix, longer, wrong case, escaped spelling as the query */
	CHECK_EQ(jwtauth_json_get(j, json_toks, json_n, 0, "is", 2), -1);
	CHECK_EQ(jwtauth_json_get(j, json_toks, json_n, 0, "isss", 4), -1);
	CHECK_EQ(jwtauth_json_get(j, json_toks, json_n, 0, "ISS", 3), -1);
	CHECK_EQ(jwtauth_json_get(j, json_toks, json_n, 0, "a\\u0075d", 8), -1);
	CHECK_EQ(jwtauth_json_get(j, json_toks, json_n, 0, "me", 2), -1);
	/* not an object, out of range */
	CHECK_EQ(jwtauth_json_get(j, json_toks, json_n, 1, "iss", 3), -1);
	CHECK_EQ(jwtauth_json_get(j, json_toks, json_n, 4, "iss", 3), -1);
	CHECK_EQ(jwtauth_json_get(j, json_toks, json_n, json_n, "iss", 3), -1);
	CHECK_EQ(jwtauth_json_get(j, json_toks, 0, 0, "iss", 3), -1);
	CHECK_EQ(jwtauth_json_get(j, json_toks, json_n, 0, NULL, 3), -1);
}

/* jwtauth_json_str_eq: exact, after unescaping, byte for byte. */
static void json_str_eq(void)
{
	const char *j = "[\"abc\",\"a\\u0062c\",\"\",\"\\\\u0061\",\"\\u00e9\",1]";
	CHECK_RC(json_p(j), JWTAUTH_OK);
	CHECK(jwtauth_json_str_eq(j, &json_toks[1], "abc", 3));
	CHECK(!jwtauth_json_str_eq(j, &json_toks[1], "ab", 2));
	CHECK(!jwtauth_json_str_eq(j, &json_toks[1], "abcd", 4));
	CHECK(!jwtauth_json_str_eq(j, &json_toks[1], "abd", 3));
	CHECK(jwtauth_json_str_eq(j, &json_toks[2], "abc", 3));
	CHECK(!jwtauth_json_str_eq(j, &json_toks[2], "ab", 2));
	CHECK(!jwtauth_json_str_eq(j, &json_toks[2], "abcc", 4));
	CHECK(!jwtauth_json_str_eq(j, &json_toks[2], "a\\u0062c", 8));
	CHECK(jwtauth_json_str_eq(j, &json_toks[3], "", 0));
	CHECK(jwtauth_json_str_eq(j, &json_toks[3], NULL, 0));
	CHECK(!jwtauth_json_str_eq(j, &json_toks[3], "a", 1));
	CHECK(jwtauth_json_str_eq(j, &json_toks[4], "\\u0061", 6));
	CHECK(!jwtauth_json_str_eq(j, &json_toks[4], "a", 1));
	CHECK(jwtauth_json_str_eq(j, &json_toks[5], "\xc3\xa9", 2));
	CHECK(!jwtauth_json_str_eq(j, &json_toks[5], "\xc3", 1));
	CHECK(!jwtauth_json_str_eq(j, &json_toks[6], "1", 1));
	CHECK(!jwtauth_json_str_eq(j, &json_toks[0], "", 0));
}

/* jwtauth_json_str_copy: length query, exact fit, too small, non-string. */
static void json_str_copy(void)
{
	const char *j = "{\"k\":\"plain\",\"e\":\"a\\nb\\u00e9\\ud83d\\ude00\",\"x\":[]}";
	char out[32];
	size_t n = 99;
	long v;
	CHECK_RC(json_p(j), JWTAUTH_OK);
	v = jwtauth_json_get(j, json_toks, json_n, 0, "k", 1);
	CHECK_RC(jwtauth_json_str_copy(j, &json_toks[v], NULL, 0, &n), JWTAUTH_OK);
	CHECK_EQ(n, 5);
	CHECK_RC(jwtauth_json_str_copy(j, &json_toks[v], out, 5, &n), JWTAUTH_OK);
	CHECK(memcmp(out, "plain", 5) == 0);
	CHECK_RC(jwtauth_json_str_copy(j, &json_toks[v], out, 4, &n), JWTAUTH_ERR_BUFFER_TOO_SMALL);
	CHECK_EQ(n, 5);
	v = jwtauth_json_get(j, json_toks, json_n, 0, "e", 1);
	CHECK_RC(jwtauth_json_str_copy(j, &json_toks[v], NULL, 0, &n), JWTAUTH_OK);
	CHECK_EQ(n, 9);
	memset(out, '#', sizeof out);
	CHECK_RC(jwtauth_json_str_copy(j, &json_toks[v], out, 9, &n), JWTAUTH_OK);
	CHECK_EQ(n, 9);
	CHECK(memcmp(out, "a\nb\xc3\xa9\xf0\x9f\x98\x80", 9) == 0);
	CHECK_EQ(out[9], '#');
	CHECK_RC(jwtauth_json_str_copy(j, &json_toks[v], out, 8, &n), JWTAUTH_ERR_BUFFER_TOO_SMALL);
	CHECK_EQ(n, 9);
	CHECK_RC(jwtauth_json_str_copy(j, &json_toks[v], out, 0, &n), JWTAUTH_ERR_BUFFER_TOO_SMALL);
	CHECK_RC(jwtauth_json_str_copy(j, &json_toks[v], NULL, 4, &n), JWTAUTH_ERR_ARGUMENT);
	v = jwtauth_json_get(j, json_toks, json_n, 0, "x", 1);
	CHECK_RC(jwtauth_json_str_copy(j, &json_toks[v], out, sizeof out, &n), JWTAUTH_ERR_ARGUMENT);
	CHECK_RC(jwtauth_json_str_copy(j, &json_toks[0], out, sizeof out, &n), JWTAUTH_ERR_ARGUMENT);
	CHECK_RC(jwtauth_json_str_copy(j, NULL, out, sizeof out, &n), JWTAUTH_ERR_ARGUMENT);
	CHECK_RC(json_p("\"\""), JWTAUTH_OK);
	CHECK_RC(jwtauth_json_str_copy("\"\"", &json_toks[0], out, 0, &n), JWTAUTH_OK);
	CHECK_EQ(n, 0);
}

/* After an error the count is 0; after success err is cleared. */
static void json_error_fields(void)
{
	CHECK_RC(json_p("{\"a\":[1,2,x]}"), JWTAUTH_ERR_JSON_SYNTAX);
	CHECK_EQ(json_n, 0);
	CHECK_EQ(json_err.code, JWTAUTH_ERR_JSON_SYNTAX);
	CHECK_EQ(json_err.offset, 10);
	CHECK(json_err.detail_len == 0 && json_err.detail[0] == 0);
	CHECK_RC(json_p("{\"a\":[1,2]}"), JWTAUTH_OK);
	CHECK_EQ(json_err.code, JWTAUTH_OK);
	CHECK_EQ(json_err.offset, 0);
	CHECK(json_err.msg != NULL);
	CHECK(json_err.detail_len == 0 && json_err.detail[0] == 0);
	CHECK_EQ(json_n, 5);
}

static const test_case t_json_tests[] = {
	{ "json_tokens_layout", json_tokens_layout },
	{ "json_scalar_roots", json_scalar_roots },
	{ "json_numbers", json_numbers },
	{ "json_escapes", json_escapes },
	{ "json_surrogates", json_surrogates },
	{ "json_utf8", json_utf8 },
	{ "json_control_chars", json_control_chars },
	{ "json_string_stop_bytes", json_string_stop_bytes },
	{ "json_whitespace", json_whitespace },
	{ "json_empty_bom_trailing", json_empty_bom_trailing },
	{ "json_syntax", json_syntax },
	{ "json_duplicates", json_duplicates },
	{ "json_depth", json_depth },
	{ "json_token_cap", json_token_cap },
	{ "json_count_saturates", json_count_saturates },
	{ "json_arguments", json_arguments },
	{ "json_get", json_get },
	{ "json_str_eq", json_str_eq },
	{ "json_str_copy", json_str_copy },
	{ "json_error_fields", json_error_fields },
	{ NULL, NULL }
};
