/* fuzz_json.c - libFuzzer target: jwtauth_json_parse and the string helpers.

   Input: the JSON text itself (no option bytes).
   Invariants (abort() on violation):
   - a failure reports its own code in err, and an offset inside the text;
   - an accepted text gives a well-formed token tree: offsets in range,
     quotes and brackets where the tokens say, `next` links nested, counts
     equal to the children;
   - the same text surrounded by whitespace re-parses to the same tokens
     (offsets shifted by one), and re-parses with exactly ntoks slots and
     exactly its own depth, but not with one slot or one level less;
   - every string token: str_copy's size query equals the copy, the copy
     is valid UTF-8 (no lone surrogate survives), str_eq agrees with the
     copy and disagrees with a changed copy, a one-byte-short buffer is
     JWTAUTH_ERR_BUFFER_TOO_SMALL;
   - json_get finds each member by its unescaped name (no duplicates). */
#define JWTAUTH_IMPLEMENTATION
#define JWTAUTH_STATIC
#include "../jwtauth.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FJ_MAX_LEN 65536
#define FJ_MAX_TOKS 2048

static jwtauth_json_tok toks[FJ_MAX_TOKS];
static jwtauth_json_tok toks2[FJ_MAX_TOKS];
static char padded[FJ_MAX_LEN + 2];
static char sbuf[FJ_MAX_LEN];

static void check(int ok)
{
	if (!ok) abort();
}

/* RFC 3629 validity of an unescaped string (NUL allowed: \u0000). */
static int utf8_ok(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned c = s[i], need, k;
		unsigned long cp;
		if (c < 0x80) { i++; continue; }
		if (c >= 0xC2 && c <= 0xDF) { need = 1; cp = c & 0x1F; }
		else if (c >= 0xE0 && c <= 0xEF) { need = 2; cp = c & 0x0F; }
		else if (c >= 0xF0 && c <= 0xF4) { need = 3; cp = c & 0x07; }
		else return 0;
		if (n - i <= need) return 0;
		for (k = 1; k <= need; k++) {
			if ((s[i + k] & 0xC0) != 0x80) return 0;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if ((need == 2 && cp < 0x800) || (need == 3 && cp < 0x10000)) return 0;
		if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
		i += need + 1;
	}
	return 1;
}

/* Walk the value at index i (parent end `lim`); returns its depth. */
static size_t walk(const char *js, size_t len, size_t ntoks, size_t i, size_t lim)
{
	const jwtauth_json_tok *t = &toks[i];
	size_t depth = 0, e, kids = 0;
	check(t->next > i && t->next <= lim && t->next <= ntoks);
	check((size_t)t->start <= len && (size_t)t->len <= len - t->start);
	switch (t->type) {
	case JWTAUTH_JSON_STRING:
		check(t->start >= 1 && js[t->start - 1] == '"');
		check(t->start + t->len < len && js[t->start + t->len] == '"');
		check(t->escaped == (memchr(js + t->start, '\\', t->len) != NULL));
		check(t->next == i + 1);
		return 0;
	case JWTAUTH_JSON_NUMBER:
		check(t->len >= 1);
		check(js[t->start] == '-' || (js[t->start] >= '0' && js[t->start] <= '9'));
		check(t->next == i + 1);
		return 0;
	case JWTAUTH_JSON_TRUE:
		check(t->len == 4 && memcmp(js + t->start, "true", 4) == 0 && t->next == i + 1);
		return 0;
	case JWTAUTH_JSON_FALSE:
		check(t->len == 5 && memcmp(js + t->start, "false", 5) == 0 && t->next == i + 1);
		return 0;
	case JWTAUTH_JSON_NULL:
		check(t->len == 4 && memcmp(js + t->start, "null", 4) == 0 && t->next == i + 1);
		return 0;
	case JWTAUTH_JSON_ARRAY:
	case JWTAUTH_JSON_OBJECT:
		check(t->len >= 2);
		check(js[t->start] == (t->type == JWTAUTH_JSON_OBJECT ? '{' : '['));
		check(js[t->start + t->len - 1] == (t->type == JWTAUTH_JSON_OBJECT ? '}' : ']'));
		for (e = i + 1; e < t->next;) {
			size_t d;
			if (t->type == JWTAUTH_JSON_OBJECT) {
				/* a name, then its value */
				check(toks[e].type == JWTAUTH_JSON_STRING);
				check(toks[e].start > t->start && toks[e].start < t->start + t->len);
				check(toks[e].next == e + 1 && e + 1 < t->next);
				check(jwtauth_json_get(js, toks, ntoks, i, NULL, 0) >= -1);
				e++;
			}
			check(toks[e].start > t->start
				&& toks[e].start + toks[e].len < t->start + t->len);
			d = walk(js, len, ntoks, e, t->next);
			if (d > depth) depth = d;
			e = toks[e].next;
			kids++;
		}
		check(t->count == (kids > 0xFFFF ? 0xFFFF : kids));
		return depth + 1;
	default:
		abort();
	}
	return 0;
}

static void check_string(const char *js, const jwtauth_json_tok *t)
{
	size_t n = 0, m = 0;
	check(jwtauth_json_str_copy(js, t, NULL, 0, &n) == JWTAUTH_OK);
	check(n <= t->len && n <= sizeof sbuf);
	check(jwtauth_json_str_copy(js, t, sbuf, sizeof sbuf, &m) == JWTAUTH_OK && m == n);
	check(utf8_ok((const unsigned char *)sbuf, n));
	if (!t->escaped) check(n == t->len && memcmp(sbuf, js + t->start, n) == 0);
	check(jwtauth_json_str_eq(js, t, sbuf, n) == 1);
	if (n > 0) {
		check(jwtauth_json_str_copy(js, t, sbuf, n - 1, &m) == JWTAUTH_ERR_BUFFER_TOO_SMALL);
		check(m == n);
		/* the short copy must not have hurt the bytes it wrote */
		check(jwtauth_json_str_copy(js, t, sbuf, sizeof sbuf, &m) == JWTAUTH_OK);
		check(jwtauth_json_str_eq(js, t, sbuf, n - 1) == 0);
		sbuf[n - 1] ^= 0x01;
		check(jwtauth_json_str_eq(js, t, sbuf, n) == 0);
		sbuf[n - 1] ^= 0x01;
	}
	check(jwtauth_json_str_eq(js, t, sbuf, n + 1) == 0 || n + 1 > sizeof sbuf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *js = (const char *)data;
	jwtauth_error err;
	size_t ntoks = 0, n2 = 0, i, depth;
	int rc;

	if (size > FJ_MAX_LEN) return 0;
	rc = jwtauth_json_parse(js, size, toks, FJ_MAX_TOKS, 0, &ntoks, &err);
	check(err.code == rc && err.msg != NULL);
	if (rc != JWTAUTH_OK) {
		check(rc < 0 && ntoks == 0 && err.offset <= size);
		check(jwtauth_strerror(rc)[0] != 0);
		/* a failure with the token limit only moves with the limit */
		return 0;
	}
	check(ntoks >= 1 && ntoks <= FJ_MAX_TOKS && ntoks <= size);
	check(toks[0].next == ntoks);
	depth = walk(js, size, ntoks, 0, ntoks);
	check(depth <= JWTAUTH_MAX_JSON_DEPTH);

	/* same text inside whitespace: same tokens, offsets + 1 */
	padded[0] = ' ';
	memcpy(padded + 1, js, size);
	padded[size + 1] = '\n';
	rc = jwtauth_json_parse(padded, size + 2, toks2, FJ_MAX_TOKS, 0, &n2, &err);
	check(rc == JWTAUTH_OK && n2 == ntoks);
	for (i = 0; i < ntoks; i++) {
		check(toks2[i].start == toks[i].start + 1 && toks2[i].len == toks[i].len);
		check(toks2[i].next == toks[i].next && toks2[i].count == toks[i].count);
		check(toks2[i].type == toks[i].type && toks2[i].escaped == toks[i].escaped);
	}
	/* exactly enough slots, exactly enough depth */
	check(jwtauth_json_parse(js, size, toks2, ntoks, 0, &n2, NULL) == JWTAUTH_OK && n2 == ntoks);
	check(jwtauth_json_parse(js, size, toks2, ntoks - 1, 0, &n2, NULL) == JWTAUTH_ERR_JSON_TOKENS);
	if (depth > 0) {
		check(jwtauth_json_parse(js, size, toks2, FJ_MAX_TOKS, depth, &n2, NULL) == JWTAUTH_OK);
		if (depth > 1)
			check(jwtauth_json_parse(js, size, toks2, FJ_MAX_TOKS, depth - 1, &n2, NULL)
				== JWTAUTH_ERR_JSON_DEPTH);
	}

	/* strings, and member lookup by unescaped name */
	for (i = 0; i < ntoks; i++) {
		if (toks[i].type == JWTAUTH_JSON_STRING) check_string(js, &toks[i]);
		if (toks[i].type == JWTAUTH_JSON_OBJECT) {
			size_t e;
			for (e = i + 1; e < toks[i].next; e = toks[e + 1].next) {
				size_t n = 0;
				long v;
				check(jwtauth_json_str_copy(js, &toks[e], sbuf, sizeof sbuf, &n) == JWTAUTH_OK);
				v = jwtauth_json_get(js, toks, ntoks, i, sbuf, n);
				check(v == (long)(e + 1));
			}
		}
	}
	return 0;
}
