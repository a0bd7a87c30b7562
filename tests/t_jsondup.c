/* t_jsondup.c - duplicate member names: what is refused (after unescaping)
   and where, which error wins when there are several, that the tokens of
   an accepted text are untouched by the check, and what the check costs,
   counted in exact name comparisons (a test hook, tests/test.c), never
   timed: the cost must stay near n log n whatever names an attacker
   picks, including names whose tags all collide. */

static jwtauth_json_tok jd_toks[4096];
static jwtauth_error jd_err;

static int jd_parse(const char *s, size_t len, size_t max_toks, size_t max_depth)
{
	size_t n = 0;
	memset(&jd_err, 0x5a, sizeof jd_err);
	return jwtauth_json_parse(s, len, jd_toks, max_toks, max_depth, &n, &jd_err);
}

/* How the check is run: 0 as built (objects of up to 8 names pair by
   pair, larger ones sorted), 1 always sorted with every tag equal (each
   decision then rests on the exact comparison alone), 2 always sorted,
   3 always pair by pair. Only mode 0 from a separate translation unit. */
#ifndef TEST_SEPARATE_IMPL
#define JD_MODES 4
#else
#define JD_MODES 1
#endif
static const char *const jd_mode_names[4] = { "as built", "sorted, tags equal", "sorted",
	"pair by pair" };

static void jd_mode(int m)
{
#ifndef TEST_SEPARATE_IMPL
	tl_jname_tag_force = m == 1 ? 0x1234 : -1;
	tl_jdup_small = m == 0 ? 8 : m == 3 ? 65535 : 0;
#else
	(void)m;
#endif
}

typedef struct jd_case {
	const char *json;
	int rc;          /* expected code */
	long offset;     /* expected err.offset (-1: not checked, for OK) */
	size_t max_toks, max_depth;   /* 0: 4096 and the default */
} jd_case;

/* Offsets are of the second name's opening quote. */
static const jd_case jd_cases[] = {
	/* plain */
	{ "{\"a\":1,\"a\":2}", JWTAUTH_ERR_JSON_DUPLICATE, 7, 0, 0 },
	{ "{\"a\":1,\"b\":2,\"c\":3}", JWTAUTH_OK, -1, 0, 0 },
	{ "{\"a\":1,\"A\":2}", JWTAUTH_OK, -1, 0, 0 },
	{ "{\"\":1,\"\":2}", JWTAUTH_ERR_JSON_DUPLICATE, 6, 0, 0 },
	{ "{\"ab\":1,\"a\":2,\"abc\":3,\"b\":4}", JWTAUTH_OK, -1, 0, 0 },
	{ "{\"x\":1,\"y\":2,\"z\":3,\"y\":4,\"x\":5}", JWTAUTH_ERR_JSON_DUPLICATE, 19, 0, 0 },
	{ "{\"x\":1,\"y\":2,\"x\":3,\"y\":4}", JWTAUTH_ERR_JSON_DUPLICATE, 13, 0, 0 },
	{ "{\"a\":1,\"a\":2,\"a\":3}", JWTAUTH_ERR_JSON_DUPLICATE, 7, 0, 0 },
	/* escaped against plain, either order */
	{ "{\"a\":1,\"\\u0061\":2}", JWTAUTH_ERR_JSON_DUPLICATE, 7, 0, 0 },
	{ "{\"\\u0061\":1,\"a\":2}", JWTAUTH_ERR_JSON_DUPLICATE, 12, 0, 0 },
	{ "{\"\\u0061\":1,\"\\u0061\":2}", JWTAUTH_ERR_JSON_DUPLICATE, 12, 0, 0 },
	{ "{\"\\u0041\":1,\"\\u0061\":2}", JWTAUTH_OK, -1, 0, 0 },
	{ "{\"/\":1,\"\\/\":2}", JWTAUTH_ERR_JSON_DUPLICATE, 7, 0, 0 },
	{ "{\"\\n\":1,\"\\u000a\":2}", JWTAUTH_ERR_JSON_DUPLICATE, 8, 0, 0 },
	{ "{\"\\\"\":1,\"\\u0022\":2}", JWTAUTH_ERR_JSON_DUPLICATE, 8, 0, 0 },
	{ "{\"\\\\\":1,\"\\u005C\":2}", JWTAUTH_ERR_JSON_DUPLICATE, 8, 0, 0 },
	{ "{\"\\b\\f\\r\\t\":1,\"\\u0008\\u000C\\u000d\\u0009\":2}", JWTAUTH_ERR_JSON_DUPLICATE, 14, 0, 0 },
	{ "{\"ab\":1,\"a\\u0062\":2}", JWTAUTH_ERR_JSON_DUPLICATE, 8, 0, 0 },
	{ "{\"a\":1,\"a\\u0000\":2}", JWTAUTH_OK, -1, 0, 0 },
	{ "{\"\":1,\"\\u0000\":2}", JWTAUTH_OK, -1, 0, 0 },
	{ "{\"\\u0000\":1,\"\\u0000\":2}", JWTAUTH_ERR_JSON_DUPLICATE, 12, 0, 0 },
	/* \u escapes of non-ASCII code points against their UTF-8 */
	{ "{\"\xc3\xa9\":1,\"\\u00e9\":2}", JWTAUTH_ERR_JSON_DUPLICATE, 8, 0, 0 },
	{ "{\"\\u00e9\":1,\"\\u00E9\":2}", JWTAUTH_ERR_JSON_DUPLICATE, 12, 0, 0 },
	{ "{\"\\u00e9\":1,\"e\\u0301\":2}", JWTAUTH_OK, -1, 0, 0 },   /* no normalisation */
	{ "{\"\xe2\x82\xac\":1,\"\\u20ac\":2}", JWTAUTH_ERR_JSON_DUPLICATE, 9, 0, 0 },
	{ "{\"\\u20ac\":1,\"\\u20ad\":2}", JWTAUTH_OK, -1, 0, 0 },
	/* surrogate pairs against the 4-byte UTF-8 and each other */
	{ "{\"\\ud834\\udd1e\":1,\"\xf0\x9d\x84\x9e\":2}", JWTAUTH_ERR_JSON_DUPLICATE, 18, 0, 0 },
	{ "{\"\xf0\x9d\x84\x9e\":1,\"\\uD834\\uDD1E\":2}", JWTAUTH_ERR_JSON_DUPLICATE, 10, 0, 0 },
	{ "{\"\\uD834\\uDD1E\":1,\"\\ud834\\udd1e\":2}", JWTAUTH_ERR_JSON_DUPLICATE, 18, 0, 0 },
	{ "{\"\\ud834\\udd1e\":1,\"\\ud834\\udd1f\":2}", JWTAUTH_OK, -1, 0, 0 },
	{ "{\"x\\ud83d\\ude00y\":1,\"x\xf0\x9f\x98\x80y\":2}", JWTAUTH_ERR_JSON_DUPLICATE, 20, 0, 0 },
	/* the same name in different objects is fine */
	{ "{\"a\":{\"a\":{\"a\":1}}}", JWTAUTH_OK, -1, 0, 0 },
	{ "{\"a\":{\"a\":1,\"b\":2},\"b\":{\"a\":1,\"b\":2}}", JWTAUTH_OK, -1, 0, 0 },
	{ "[{\"a\":1},{\"a\":1},{\"\\u0061\":1}]", JWTAUTH_OK, -1, 0, 0 },
	{ "{\"a\":[{\"a\":1},{\"a\":2}],\"b\":[\"a\",\"a\"]}", JWTAUTH_OK, -1, 0, 0 },
	{ "{\"a\":1,\"b\":{\"c\":[1,{}]},\"a\":2}", JWTAUTH_ERR_JSON_DUPLICATE, 24, 0, 0 },
	{ "{\"a\":{\"b\":1,\"b\":2}}", JWTAUTH_ERR_JSON_DUPLICATE, 12, 0, 0 },
	{ "[{\"a\":1},{\"b\":1,\"b\":2}]", JWTAUTH_ERR_JSON_DUPLICATE, 16, 0, 0 },
	/* several problems: the first in reading order wins */
	{ "{\"a\":1,\"a\":{\"b\":1,\"b\":2}}", JWTAUTH_ERR_JSON_DUPLICATE, 7, 0, 0 },
	{ "{\"a\":{\"b\":1,\"b\":2},\"a\":1}", JWTAUTH_ERR_JSON_DUPLICATE, 12, 0, 0 },
	{ "{\"a\":1,\"c\":{\"a\":1,\"c\":{\"x\":1,\"x\":2}},\"a\":1}", JWTAUTH_ERR_JSON_DUPLICATE, 29, 0, 0 },
	{ "{\"a\":1,\"b\":[{\"c\":1,\"c\":2}],\"a\":2}", JWTAUTH_ERR_JSON_DUPLICATE, 19, 0, 0 },
	{ "{\"a\":1,\"a\":2", JWTAUTH_ERR_JSON_DUPLICATE, 7, 0, 0 },
	{ "{\"a\":1,\"a\"", JWTAUTH_ERR_JSON_DUPLICATE, 7, 0, 0 },
	{ "{\"a\":1,\"a\":x}", JWTAUTH_ERR_JSON_DUPLICATE, 7, 0, 0 },
	{ "{\"a\":1,\"a\":2,}", JWTAUTH_ERR_JSON_DUPLICATE, 7, 0, 0 },
	{ "{\"a\":1,\"a\":2} x", JWTAUTH_ERR_JSON_DUPLICATE, 7, 0, 0 },
	{ "{\"a\":1,\"b\":[{\"a\":1,\"a\":[1,", JWTAUTH_ERR_JSON_DUPLICATE, 19, 0, 0 },
	{ "{\"a\":1,\"b\":{\"a\":1,\"c\":{\"b\":1,\"a\":2,\"b\"", JWTAUTH_ERR_JSON_DUPLICATE, 35, 0, 0 },
	{ "{\"a\":1,\"b\":01,\"a\":2}", JWTAUTH_ERR_JSON_NUMBER, 12, 0, 0 },
	{ "{\"a\":1,\"\\u00zz\":2,\"a\":2}", JWTAUTH_ERR_JSON_ESCAPE, 8, 0, 0 },
	{ "{\"a\":1,\"a", JWTAUTH_ERR_JSON_SYNTAX, 9, 0, 0 },
	{ "{\"a\":{\"b\":1,\"b\":2", JWTAUTH_ERR_JSON_DUPLICATE, 12, 0, 0 },
	{ "{\"a\":1,\"a\":2}", JWTAUTH_ERR_JSON_DUPLICATE, 7, 4, 0 },   /* value 4 has no slot */
	{ "{\"a\":1,\"a\":2}", JWTAUTH_ERR_JSON_TOKENS, 7, 3, 0 },      /* name 3 has none */
	{ "{\"a\":1,\"a\":[[[1]]]}", JWTAUTH_ERR_JSON_DUPLICATE, 7, 0, 3 },
	{ "{\"a\":[[[1]]],\"a\":1}", JWTAUTH_ERR_JSON_DEPTH, 7, 0, 3 },
	{ NULL, 0, 0, 0, 0 }
};

/* Every case, in every mode. */
static void jsondup_cases(void)
{
	int mode;
	const jd_case *c;
	for (mode = 0; mode < JD_MODES; mode++) {
		jd_mode(mode);
		for (c = jd_cases; c->json; c++) {
			int rc = jd_parse(c->json, strlen(c->json), c->max_toks ? c->max_toks : 4096,
				c->max_depth);
			if (rc != c->rc || (c->offset >= 0 && (long)jd_err.offset != c->offset)) {
				jd_mode(0);
				CHECKF(0, "%s (%s): %s at %ld, expected %s at %ld", c->json,
					jd_mode_names[mode], jwtauth_error_name(rc), (long)jd_err.offset,
					jwtauth_error_name(c->rc), c->offset);
			}
			if (rc == JWTAUTH_ERR_JSON_DUPLICATE && !TL_MSG_HAS(jd_err.msg, "duplicate member name")) {
				jd_mode(0);
				CHECKF(0, "%s: message \"%s\"", c->json, jd_err.msg);
			}
		}
	}
	jd_mode(0);
}

/* ---- generated objects against a model ---- */

static uint64_t jd_rng = 0x2545F491u;
static unsigned jd_rand(unsigned n)
{
	jd_rng = jd_rng * 6364136223846793005u + 1442695040888963407u;
	return (unsigned)((jd_rng >> 33) % n);
}

/* The characters names are made of, each with its spellings. */
typedef struct jd_char { const char *spell[4]; } jd_char;
static const jd_char jd_chars[] = {
	{ { "a", "\\u0061", "\\u0061", "a" } },
	{ { "b", "\\u0062", "\\u0062", "b" } },
	{ { "/", "\\/", "\\u002f", "\\u002F" } },
	{ { "\\n", "\\u000a", "\\u000A", "\\n" } },
	{ { "\xc3\xa9", "\\u00e9", "\\u00E9", "\xc3\xa9" } },
	{ { "\xf0\x9d\x84\x9e", "\\ud834\\udd1e", "\\uD834\\uDD1E", "\\ud834\\uDD1E" } }
};
#define JD_NCHARS (sizeof jd_chars / sizeof jd_chars[0])

typedef struct jd_gen {
	char *out;
	size_t len, cap;
	long first_dup;      /* offset of the earliest repeating name, or -1 */
} jd_gen;

static void jd_put(jd_gen *g, const char *s)
{
	size_t l = strlen(s);
	if (g->len + l < g->cap) { memcpy(g->out + g->len, s, l); g->len += l; }
	g->out[g->len < g->cap ? g->len : g->cap - 1] = 0;
}

static void jd_gen_value(jd_gen *g, int depth);

/* An object of up to 10 members whose names are 0-2 characters (so that
   repeats are common), each character spelled at random. */
static void jd_gen_object(jd_gen *g, int depth)
{
	unsigned m = jd_rand(11), k, j, names[10][2], nlen[10];
	jd_put(g, "{");
	for (k = 0; k < m; k++) {
		long at;
		if (k) jd_put(g, jd_rand(4) == 0 ? " , " : ",");
		nlen[k] = jd_rand(3);
		for (j = 0; j < nlen[k]; j++) names[k][j] = jd_rand((unsigned)JD_NCHARS);
		at = (long)g->len;
		jd_put(g, "\"");
		for (j = 0; j < nlen[k]; j++) jd_put(g, jd_chars[names[k][j]].spell[jd_rand(4)]);
		jd_put(g, "\":");
		/* the model: equal character sequences are equal names */
		for (j = 0; j < k; j++)
			if (nlen[j] == nlen[k] && (nlen[k] < 1 || names[j][0] == names[k][0])
			    && (nlen[k] < 2 || names[j][1] == names[k][1])) {
				if (g->first_dup < 0 || at < g->first_dup) g->first_dup = at;
				break;
			}
		jd_gen_value(g, depth + 1);
	}
	jd_put(g, "}");
}

static void jd_gen_value(jd_gen *g, int depth)
{
	unsigned r = jd_rand(depth < 4 ? 6 : 3), k, m;
	if (r == 0) jd_put(g, "1");
	else if (r == 1) jd_put(g, "\"a\\u0061\"");
	else if (r == 2) jd_put(g, "null");
	else if (r == 3) {
		m = jd_rand(3);
		jd_put(g, "[");
		for (k = 0; k < m; k++) {
			if (k) jd_put(g, ",");
			jd_gen_value(g, depth + 1);
		}
		jd_put(g, "]");
	} else jd_gen_object(g, depth);
}

/* Generated texts (valid but for repeated names): the parser refuses
   exactly those with a repeat, at the earliest one; on success every
   string token keeps next = index + 1 and count = 0. */
static void jsondup_generated(void)
{
	static char buf[65536];
	int mode, i;
	unsigned long dups = 0, oks = 0;
	for (mode = 0; mode < JD_MODES; mode++) {
		jd_mode(mode);
		for (i = 0; i < 2000; i++) {
			jd_gen g;
			int rc;
			size_t k, n = 0;
			g.out = buf; g.cap = sizeof buf; g.len = 0; g.first_dup = -1;
			buf[0] = 0;
			jd_gen_object(&g, 0);
			memset(&jd_err, 0, sizeof jd_err);
			rc = jwtauth_json_parse(buf, g.len, jd_toks, 4096, 0, &n, &jd_err);
			if (g.first_dup < 0) {
				oks++;
				if (rc != JWTAUTH_OK) {
					jd_mode(0);
					CHECKF(0, "%s (%s): %s at %u", buf, jd_mode_names[mode],
						jwtauth_error_name(rc), (unsigned)jd_err.offset);
				}
				for (k = 0; k < n; k++)
					if (jd_toks[k].type == JWTAUTH_JSON_STRING
					    && (jd_toks[k].next != k + 1 || jd_toks[k].count != 0)) {
						jd_mode(0);
						CHECKF(0, "%s (%s): token %u: next %u count %u", buf,
							jd_mode_names[mode], (unsigned)k,
							(unsigned)jd_toks[k].next, (unsigned)jd_toks[k].count);
					}
			} else {
				dups++;
				if (rc != JWTAUTH_ERR_JSON_DUPLICATE || (long)jd_err.offset != g.first_dup) {
					jd_mode(0);
					CHECKF(0, "%s (%s): %s at %u, expected JSON_DUPLICATE at %ld", buf,
						jd_mode_names[mode], jwtauth_error_name(rc), (unsigned)jd_err.offset,
						g.first_dup);
				}
			}
		}
	}
	jd_mode(0);
	CHECKF(dups > 300ul * JD_MODES && oks > 300ul * JD_MODES, "generator: %lu with repeats, %lu without", dups, oks);
}

/* ---- many names ---- */

/* Name k in letters: "aa".."zz", then "aaa".."zzz" (distinct names). */
static size_t jd_plain_name(char *out, unsigned k)
{
	size_t w = k < 26 * 26 ? 2 : 3, j;
	for (j = w; j-- > 0; k /= 26) out[j] = (char)('a' + k % 26);
	out[w] = 0;
	return w;
}

/* The same name with every character as a \u escape: "\u0061\u0062" */
static size_t jd_escaped_name(char *out, unsigned k)
{
	char plain[8];
	size_t o = 0, j, w = jd_plain_name(plain, k);
	for (j = 0; j < w; j++) o += (size_t)sprintf(out + o, "\\u%04x", (unsigned char)plain[j]);
	return o;
}

/* {"<name 0>":0,...,"<name n-1>":0} with escaped names; with `repeat`
   one more member repeating name `repeat - 1` plainly. Returns the offset
   of that last name's quote in *at. */
static size_t jd_many(char *out, size_t cap, unsigned n, unsigned repeat, size_t *at)
{
	size_t o = 0;
	unsigned k;
	out[o++] = '{';
	for (k = 0; k < n && o + 64 < cap; k++) {
		if (k) out[o++] = ',';
		out[o++] = '"';
		o += jd_escaped_name(out + o, k);
		o += (size_t)sprintf(out + o, "\":0");
	}
	if (repeat) {
		char plain[8];
		jd_plain_name(plain, repeat - 1);
		*at = o + 1;
		o += (size_t)sprintf(out + o, ",\"%s\":1", plain);
	}
	out[o++] = '}';
	out[o] = 0;
	return o;
}

/* 2000 distinct escaped names are accepted, and a plain repeat of any of
   them (first, middle, last) is refused at its quote. */
static void jsondup_many_names(void)
{
	static char buf[65536];
	static const unsigned reps[3] = { 1, 1000, 2000 };
	size_t len, at = 0;
	int i;
	len = jd_many(buf, sizeof buf, 2000, 0, &at);
	CHECK_RC(jd_parse(buf, len, 4096, 0), JWTAUTH_OK);
	for (i = 0; i < 3; i++) {
		len = jd_many(buf, sizeof buf, 2000, reps[i], &at);
		CHECK_RC(jd_parse(buf, len, 4096, 0), JWTAUTH_ERR_JSON_DUPLICATE);
		CHECK_EQ(jd_err.offset, at);
	}
}

#ifndef TEST_SEPARATE_IMPL
/* Two distinct names whose real tags are equal: both accepted together
   (the tag never decides), each refused with itself; sorted however few
   the names (mode 2). */
static void jsondup_real_collision(void)
{
	static uint32_t seen[65536];
	char a[32], b[32], doc[128];
	unsigned k, first = 0;
	size_t an = 0, bn = 0;
	jwtauth_json_tok t;
	memset(seen, 0, sizeof seen);
	for (k = 1; k < 100000 && !first; k++) {
		char name[32];
		uint16_t tag;
		t.len = (uint32_t)snprintf(name, sizeof name, "n%u", k);
		t.start = 0;
		t.escaped = 0;
		tag = jwtauth__jname_tag(name, &t);
		if (seen[tag]) {
			first = seen[tag];
			an = (size_t)snprintf(a, sizeof a, "n%u", first);
			bn = (size_t)snprintf(b, sizeof b, "%s", name);
		}
		seen[tag] = k;
	}
	CHECKF(first != 0, "no colliding pair of names found");
	CHECK(an != bn || memcmp(a, b, an) != 0);
	jd_mode(2);   /* back to 0 at the start of the next test */
	snprintf(doc, sizeof doc, "{\"%s\":1,\"%s\":2}", a, b);
	tl_jname_cmps = 0;
	CHECK_RC(jd_parse(doc, strlen(doc), 16, 0), JWTAUTH_OK);
	CHECKF(tl_jname_cmps >= 1, "%s: the equal tags were not compared exactly", doc);
	snprintf(doc, sizeof doc, "{\"%s\":1,\"\\u%04x%s\":2}", a, (unsigned char)b[0], b + 1);
	CHECK_RC(jd_parse(doc, strlen(doc), 16, 0), JWTAUTH_OK);
	snprintf(doc, sizeof doc, "{\"%s\":1,\"%s\":2,\"\\u%04x%s\":3}", a, b, (unsigned char)b[0], b + 1);
	CHECK_RC(jd_parse(doc, strlen(doc), 16, 0), JWTAUTH_ERR_JSON_DUPLICATE);
	CHECK_EQ(jd_err.offset, an + bn + 11);
	snprintf(doc, sizeof doc, "{\"%s\":1,\"%s\":2,\"%s\":3}", a, b, a);
	CHECK_RC(jd_parse(doc, strlen(doc), 16, 0), JWTAUTH_ERR_JSON_DUPLICATE);
	CHECK_EQ(jd_err.offset, an + bn + 11);
	jd_mode(0);
}

/* ceil(log2 n) */
static unsigned jd_log2(unsigned long n)
{
	unsigned b = 0;
	while ((1ul << b) < n) b++;
	return b;
}

/* The cost, in exact comparisons, of a header of 250 escaped names (the
   forged header of the attack: a walk over the earlier names makes
   250 * 249 / 2 = 31,125 of them). With the real tags almost none are
   needed; with every tag forced equal the sort's bound holds:
   n * ceil(log2 n) for the sort and n - 1 for the neighbours. */
static void jsondup_cost_counted(void)
{
	static char buf[65536];
	static const unsigned sizes[3] = { 250, 1000, 2000 };
	size_t len, at = 0, o;
	int i;
	unsigned k;
	jd_mode(0);
	for (i = 0; i < 3; i++) {
		unsigned long n = sizes[i], bound = n * jd_log2(n) + n;
		unsigned long real;
		len = jd_many(buf, sizeof buf, (unsigned)n, 0, &at);
		tl_jname_cmps = 0;
		CHECK_RC(jd_parse(buf, len, 4096, 0), JWTAUTH_OK);
		real = tl_jname_cmps;
		CHECKF(real <= n / 8, "%lu escaped names, real tags: %lu exact comparisons", n, real);
		jd_mode(1);
		tl_jname_cmps = 0;
		CHECK_RC(jd_parse(buf, len, 4096, 0), JWTAUTH_OK);
		jd_mode(0);
		printf("  %lu escaped names: %lu exact comparisons (real tags), %lu (every tag equal; "
			"bound %lu, a walk over earlier names: %lu)\n", n, real, tl_jname_cmps, bound,
			n * (n - 1) / 2);
		CHECKF(tl_jname_cmps <= bound, "%lu escaped names, colliding tags: %lu exact "
			"comparisons, bound %lu", n, tl_jname_cmps, bound);
		if (n == 250) CHECKF(tl_jname_cmps * 10 < n * (n - 1) / 2, "%lu comparisons", tl_jname_cmps);
	}
	/* many small objects, each checked pair by pair: 8 escaped names
	   make 28 comparisons, no more */
	o = 0;
	buf[o++] = '[';
	for (k = 0; k < 8 * 200; k++) {
		if (k % 8 == 0) o += (size_t)sprintf(buf + o, "%s{", k ? "}," : "");
		else buf[o++] = ',';
		buf[o++] = '"';
		o += jd_escaped_name(buf + o, k);
		o += (size_t)sprintf(buf + o, "\":0");
	}
	o += (size_t)sprintf(buf + o, "}]");
	tl_jname_cmps = 0;
	CHECK_RC(jd_parse(buf, o, 4096, 0), JWTAUTH_OK);
	CHECKF(tl_jname_cmps == 28ul * 200, "200 objects of 8 escaped names: %lu exact comparisons",
		tl_jname_cmps);
}

/* The same through a token: a header of as many escaped names as the
   token and token-array limits allow, decoded (the header check runs
   before any signature check). */
static void jsondup_cost_token(void)
{
	static char json[JWTAUTH_MAX_TOKEN_LEN], tok[JWTAUTH_MAX_TOKEN_LEN + 64];
	static jwtauth_jwt jwt;
	unsigned n = 0, max_names = (JWTAUTH_MAX_JSON_TOKENS - 4) / 2;
	size_t o, hl = 0, tl;
	int forced;
	jd_mode(0);
	/* base64url grows the header by 4/3; leave room for payload and dots */
	o = (size_t)sprintf(json, "{\"alg\":\"HS256\"");
	while (n < max_names && (o + 40) * 4 / 3 + 16 < JWTAUTH_MAX_TOKEN_LEN) {
		json[o++] = ',';
		json[o++] = '"';
		o += jd_escaped_name(json + o, n);
		o += (size_t)sprintf(json + o, "\":0");
		n++;
	}
	json[o++] = '}';
	CHECK(jwtauth_b64url_encode((const uint8_t *)json, o, tok, sizeof tok, &hl) == JWTAUTH_OK);
	tl = hl + (size_t)sprintf(tok + hl, ".e30.AAAA");
	CHECKF(tl <= JWTAUTH_MAX_TOKEN_LEN, "token of %u bytes", (unsigned)tl);
	CHECKF(n >= 20, "only %u names fit", n);
#if JWTAUTH_MAX_TOKEN_LEN >= 8192 && JWTAUTH_MAX_JSON_TOKENS >= 512
	CHECKF(n >= 250, "only %u names fit", n);   /* the attack's header */
#endif
	for (forced = 0; forced < 2; forced++) {
		unsigned long bound = forced ? (n + 1ul) * jd_log2(n + 1ul) + n + 1 : (n + 1ul) / 8 + 1;
		jd_mode(forced);
		tl_jname_cmps = 0;
		CHECK_RC(jwtauth_jws_decode_unverified(tok, tl, &jwt, NULL), JWTAUTH_OK);
		jd_mode(0);
		CHECKF(tl_jname_cmps <= bound, "header of %u escaped names (tags %s): %lu exact "
			"comparisons, bound %lu", n, forced ? "forced" : "real", tl_jname_cmps, bound);
	}
}
#endif

static const test_case t_jsondup_tests[] = {
	{ "jsondup_cases", jsondup_cases },
	{ "jsondup_generated", jsondup_generated },
	{ "jsondup_many_names", jsondup_many_names },
#ifndef TEST_SEPARATE_IMPL
	{ "jsondup_real_collision", jsondup_real_collision },
	{ "jsondup_cost_counted", jsondup_cost_counted },
	{ "jsondup_cost_token", jsondup_cost_token },
#endif
	{ NULL, NULL }
};
