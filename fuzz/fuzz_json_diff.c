/* fuzz_json_diff.c - differential target: jwtauth_json_parse against an
   independent strict RFC 8259 decision procedure written here.

   The reference is a plain recursive-descent validator that shares no code
   with the library: it decodes every string (escapes, surrogate pairs,
   RFC 3629 UTF-8) into a buffer and finds duplicate member names by
   comparing the decoded bytes, and it applies the library's documented
   policy (no byte-order mark, depth limit JWTAUTH_MAX_JSON_DEPTH, the four
   whitespace bytes only). Token slots are never the limit here: the
   library gets more slots than the text has bytes.
   Invariant: both accept or both reject; when both reject, the library's
   code is a JSON code. */
#define JWTAUTH_IMPLEMENTATION
#define JWTAUTH_STATIC
#include "../jwtauth.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FD_MAX_LEN 8192

static jwtauth_json_tok toks[FD_MAX_LEN + 1];

/* ---- the reference validator ---- */
typedef struct ref {
	const unsigned char *s;
	size_t n, p;
	/* decoded member names of the open objects, stacked in one arena */
	unsigned char names[FD_MAX_LEN * 2];
	size_t names_used;
} ref;

static ref R;

static void ref_ws(ref *r)
{
	while (r->p < r->n && (r->s[r->p] == ' ' || r->s[r->p] == '\t'
	       || r->s[r->p] == '\n' || r->s[r->p] == '\r'))
		r->p++;
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9') return c - '0';
	if (c >= 'a' && c <= 'f') return c - 'a' + 10;
	if (c >= 'A' && c <= 'F') return c - 'A' + 10;
	return -1;
}

static long ref_hex4(ref *r)
{
	long v = 0;
	int k, h;
	if (r->n - r->p < 4) return -1;
	for (k = 0; k < 4; k++) {
		if ((h = hexval(r->s[r->p + (size_t)k])) < 0) return -1;
		v = v * 16 + h;
	}
	r->p += 4;
	return v;
}

static void put_utf8(unsigned char *out, size_t *o, unsigned long cp)
{
	if (cp < 0x80) out[(*o)++] = (unsigned char)cp;
	else if (cp < 0x800) {
		out[(*o)++] = (unsigned char)(0xC0 | (cp >> 6));
		out[(*o)++] = (unsigned char)(0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		out[(*o)++] = (unsigned char)(0xE0 | (cp >> 12));
		out[(*o)++] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		out[(*o)++] = (unsigned char)(0x80 | (cp & 0x3F));
	} else {
		out[(*o)++] = (unsigned char)(0xF0 | (cp >> 18));
		out[(*o)++] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
		out[(*o)++] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		out[(*o)++] = (unsigned char)(0x80 | (cp & 0x3F));
	}
}

/* A string at s[p] == '"'; decoded into out (may be NULL). */
static int ref_string(ref *r, unsigned char *out, size_t *olen)
{
	size_t o = 0;
	r->p++;
	for (;;) {
		unsigned c;
		if (r->p >= r->n) return 0;
		c = r->s[r->p];
		if (c == '"') { r->p++; break; }
		if (c < 0x20) return 0;
		if (c == '\\') {
			unsigned e;
			if (r->p + 1 >= r->n) return 0;
			e = r->s[r->p + 1];
			r->p += 2;
			switch (e) {
			case '"': case '\\': case '/':
				if (out) out[o] = (unsigned char)e;
				o++;
				break;
			case 'b': if (out) out[o] = 8; o++; break;
			case 'f': if (out) out[o] = 12; o++; break;
			case 'n': if (out) out[o] = 10; o++; break;
			case 'r': if (out) out[o] = 13; o++; break;
			case 't': if (out) out[o] = 9; o++; break;
			case 'u': {
				long h = ref_hex4(r), l;
				unsigned long cp;
				unsigned char tmp[4];
				size_t tl = 0;
				if (h < 0) return 0;
				if (h >= 0xDC00 && h <= 0xDFFF) return 0;
				cp = (unsigned long)h;
				if (h >= 0xD800 && h <= 0xDBFF) {
					if (r->n - r->p < 2 || r->s[r->p] != '\\' || r->s[r->p + 1] != 'u')
						return 0;
					r->p += 2;
					l = ref_hex4(r);
					if (l < 0xDC00 || l > 0xDFFF) return 0;
					cp = 0x10000 + (((unsigned long)h - 0xD800) << 10)
						+ ((unsigned long)l - 0xDC00);
				}
				put_utf8(tmp, &tl, cp);
				if (out) memcpy(out + o, tmp, tl);
				o += tl;
				break;
			}
			default:
				return 0;
			}
			continue;
		}
		if (c < 0x80) {
			if (out) out[o] = (unsigned char)c;
			o++;
			r->p++;
			continue;
		}
		{
			/* RFC 3629 section 4 */
			unsigned need, k;
			unsigned long cp;
			if (c >= 0xC2 && c <= 0xDF) { need = 1; cp = c & 0x1F; }
			else if (c >= 0xE0 && c <= 0xEF) { need = 2; cp = c & 0x0F; }
			else if (c >= 0xF0 && c <= 0xF4) { need = 3; cp = c & 0x07; }
			else return 0;
			if (r->n - r->p <= need) return 0;
			for (k = 1; k <= need; k++) {
				unsigned b = r->s[r->p + k];
				if ((b & 0xC0) != 0x80) return 0;
				cp = (cp << 6) | (b & 0x3F);
			}
			if ((need == 2 && cp < 0x800) || (need == 3 && cp < 0x10000)) return 0;
			if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
			if (out) memcpy(out + o, r->s + r->p, need + 1);
			o += need + 1;
			r->p += need + 1;
		}
	}
	if (olen) *olen = o;
	return 1;
}

static int is_digit(ref *r)
{
	return r->p < r->n && r->s[r->p] >= '0' && r->s[r->p] <= '9';
}

static int ref_number(ref *r)
{
	if (r->p < r->n && r->s[r->p] == '-') r->p++;
	if (!is_digit(r)) return 0;
	if (r->s[r->p] == '0') r->p++;
	else while (is_digit(r)) r->p++;
	if (r->p < r->n && r->s[r->p] == '.') {
		r->p++;
		if (!is_digit(r)) return 0;
		while (is_digit(r)) r->p++;
	}
	if (r->p < r->n && (r->s[r->p] == 'e' || r->s[r->p] == 'E')) {
		r->p++;
		if (r->p < r->n && (r->s[r->p] == '+' || r->s[r->p] == '-')) r->p++;
		if (!is_digit(r)) return 0;
		while (is_digit(r)) r->p++;
	}
	return 1;
}

static int ref_value(ref *r, int depth);

static int ref_object(ref *r, int depth)
{
	size_t base = r->names_used;   /* this object's names start here */
	int ok = 0;
	r->p++;
	ref_ws(r);
	if (r->p < r->n && r->s[r->p] == '}') { r->p++; return 1; }
	for (;;) {
		size_t nl = 0, q;
		unsigned char *dst;
		ref_ws(r);
		if (r->p >= r->n || r->s[r->p] != '"') goto out;
		/* stored as: 4-byte length, bytes */
		dst = r->names + r->names_used + 4;
		if (!ref_string(r, dst, &nl)) goto out;
		/* compare with the earlier names of this object */
		for (q = base; q < r->names_used;) {
			size_t ql = (size_t)r->names[q] << 24 | (size_t)r->names[q + 1] << 16
				| (size_t)r->names[q + 2] << 8 | r->names[q + 3];
			if (ql == nl && memcmp(r->names + q + 4, dst, nl) == 0) goto out;
			q += 4 + ql;
		}
		r->names[r->names_used] = (unsigned char)(nl >> 24);
		r->names[r->names_used + 1] = (unsigned char)(nl >> 16);
		r->names[r->names_used + 2] = (unsigned char)(nl >> 8);
		r->names[r->names_used + 3] = (unsigned char)nl;
		r->names_used += 4 + nl;
		ref_ws(r);
		if (r->p >= r->n || r->s[r->p] != ':') goto out;
		r->p++;
		if (!ref_value(r, depth)) goto out;
		ref_ws(r);
		if (r->p >= r->n) goto out;
		if (r->s[r->p] == ',') { r->p++; continue; }
		if (r->s[r->p] == '}') { r->p++; ok = 1; goto out; }
		goto out;
	}
out:
	r->names_used = base;
	return ok;
}

static int ref_array(ref *r, int depth)
{
	r->p++;
	ref_ws(r);
	if (r->p < r->n && r->s[r->p] == ']') { r->p++; return 1; }
	for (;;) {
		if (!ref_value(r, depth)) return 0;
		ref_ws(r);
		if (r->p >= r->n) return 0;
		if (r->s[r->p] == ',') { r->p++; continue; }
		if (r->s[r->p] == ']') { r->p++; return 1; }
		return 0;
	}
}

static int ref_lit(ref *r, const char *w)
{
	size_t l = strlen(w);
	if (r->n - r->p < l || memcmp(r->s + r->p, w, l) != 0) return 0;
	r->p += l;
	return 1;
}

static int ref_value(ref *r, int depth)
{
	ref_ws(r);
	if (r->p >= r->n) return 0;
	switch (r->s[r->p]) {
	case '{':
		if (depth + 1 > JWTAUTH_MAX_JSON_DEPTH) return 0;
		return ref_object(r, depth + 1);
	case '[':
		if (depth + 1 > JWTAUTH_MAX_JSON_DEPTH) return 0;
		return ref_array(r, depth + 1);
	case '"': return ref_string(r, NULL, NULL);
	case 't': return ref_lit(r, "true");
	case 'f': return ref_lit(r, "false");
	case 'n': return ref_lit(r, "null");
	default:
		if (r->s[r->p] == '-' || (r->s[r->p] >= '0' && r->s[r->p] <= '9'))
			return ref_number(r);
		return 0;
	}
}

static int ref_accepts(const unsigned char *s, size_t n)
{
	R.s = s;
	R.n = n;
	R.p = 0;
	R.names_used = 0;
	if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) return 0;
	if (!ref_value(&R, 0)) return 0;
	ref_ws(&R);
	return R.p == n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t ntoks = 0;
	int rc, want;
	if (size > FD_MAX_LEN) return 0;
	rc = jwtauth_json_parse((const char *)data, size, toks, size + 1, 0, &ntoks, NULL);
	want = ref_accepts(data, size);
	if ((rc == JWTAUTH_OK) != want) abort();
	if (rc != JWTAUTH_OK && (rc > JWTAUTH_ERR_JSON_SYNTAX || rc < JWTAUTH_ERR_JSON_CONTROL))
		abort();
	return 0;
}
