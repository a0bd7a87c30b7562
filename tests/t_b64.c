/* t_b64.c - base64url (RFC 4648 section 5, unpadded, strict). */

/* Decode a NUL-terminated string; returns the code, fills out/len/err. */
static int b64_dec(const char *s, uint8_t *out, size_t cap, size_t *len, jwtauth_error *err)
{
	return jwtauth_b64url_decode(s, strlen(s), out, cap, len, err);
}

/* RFC 4648 section 10 vectors (no '+' or '/' occur in them, no padding). */
static void b64_rfc4648_vectors(void)
{
	static const char *const plain[] = { "", "f", "fo", "foo", "foob", "fooba", "foobar" };
	static const char *const enc[] = { "", "Zg", "Zm8", "Zm9v", "Zm9vYg", "Zm9vYmE", "Zm9vYmFy" };
	size_t i, n;
	for (i = 0; i < 7; i++) {
		char e[16];
		uint8_t d[16];
		jwtauth_error err;
		size_t pl = strlen(plain[i]);
		CHECK_RC(jwtauth_b64url_encode((const uint8_t *)plain[i], pl, e, sizeof e, &n), JWTAUTH_OK);
		CHECK_EQ(n, strlen(enc[i]));
		CHECK_EQ(n, JWTAUTH_B64URL_ENCODED_LEN(pl));
		CHECKF(memcmp(e, enc[i], n) == 0, "encode(%s)", plain[i]);
		CHECK_RC(b64_dec(enc[i], d, sizeof d, &n, &err), JWTAUTH_OK);
		CHECK_EQ(err.code, JWTAUTH_OK);
		CHECK_EQ(n, pl);
		CHECKF(memcmp(d, plain[i], n) == 0, "decode(%s)", enc[i]);
		CHECK(n <= JWTAUTH_B64URL_DECODED_MAX(strlen(enc[i])));
	}
}

/* The url alphabet: '-' and '_' stand for 62 and 63. */
static void b64_url_alphabet(void)
{
	static const uint8_t bytes[] = { 0xfb, 0xff, 0xbf };
	uint8_t d[8];
	char e[8];
	size_t n;
	CHECK_RC(jwtauth_b64url_encode(bytes, 3, e, sizeof e, &n), JWTAUTH_OK);
	CHECK_EQ(n, 4);
	CHECK(memcmp(e, "-_-_", 4) == 0);
	CHECK_RC(b64_dec("-_-_", d, sizeof d, &n, NULL), JWTAUTH_OK);
	CHECK_EQ(n, 3);
	CHECK(memcmp(d, bytes, 3) == 0);
}

/* Every byte value, every length 0..100, and the length-only modes. */
static void b64_round_trip(void)
{
	uint8_t src[256], dec[256];
	char enc[400];
	size_t len, n, m, i;
	for (i = 0; i < 256; i++) src[i] = (uint8_t)i;
	CHECK_RC(jwtauth_b64url_encode(src, 256, enc, sizeof enc, &n), JWTAUTH_OK);
	CHECK_EQ(n, JWTAUTH_B64URL_ENCODED_LEN(256));
	CHECK_RC(jwtauth_b64url_decode(enc, n, dec, sizeof dec, &m, NULL), JWTAUTH_OK);
	CHECK_EQ(m, 256);
	CHECK(memcmp(src, dec, 256) == 0);
	for (len = 0; len <= 100; len++) {
		for (i = 0; i < len; i++) src[i] = (uint8_t)(i * 151u + len * 7u + 13u);
		memset(enc, '#', sizeof enc);
		CHECK_RC(jwtauth_b64url_encode(src, len, NULL, 0, &n), JWTAUTH_OK);
		CHECK_EQ(n, JWTAUTH_B64URL_ENCODED_LEN(len));
		CHECK_RC(jwtauth_b64url_encode(src, len, enc, n, &n), JWTAUTH_OK);
		CHECKF(enc[n] == '#', "encoder wrote past its length at len %u", (unsigned)len);
		CHECK(n % 4 != 1);
		CHECK_RC(jwtauth_b64url_decode(enc, n, NULL, 0, &m, NULL), JWTAUTH_OK);
		CHECK_EQ(m, len);
		CHECK(m <= JWTAUTH_B64URL_DECODED_MAX(n));
		CHECK_RC(jwtauth_b64url_decode(enc, n, dec, len, &m, NULL), JWTAUTH_OK);
		CHECK_EQ(m, len);
		CHECKF(len == 0 || memcmp(src, dec, len) == 0, "round trip of %u bytes", (unsigned)len);
	}
}

/* Bytes outside the url alphabet, with the offending index reported. */
static void b64_bad_chars(void)
{
	static const char *const bad[] = {
		"AA==", "AA=", "ab+c", "ab/c", "ab c", "abc\n", "a?bc", "#abc",
		"abcdef\r", "abc\t", "abcdAB.d", "abcd\x80" "bcd", "ab\x00" "d"
	};
	static const size_t where[] = { 2, 2, 2, 2, 2, 3, 1, 0, 6, 3, 6, 4, 2 };
	static const size_t lens[] = { 4, 3, 4, 4, 4, 4, 4, 4, 7, 4, 8, 8, 4 };
	size_t i, n = 99;
	uint8_t d[16];
	for (i = 0; i < sizeof lens / sizeof lens[0]; i++) {
		jwtauth_error err;
		memset(&err, 0, sizeof err);
		CHECK_RC(jwtauth_b64url_decode(bad[i], lens[i], d, sizeof d, &n, &err), JWTAUTH_ERR_B64_CHAR);
		CHECK_EQ(err.code, JWTAUTH_ERR_B64_CHAR);
		CHECKF(err.offset == where[i], "case %u: offset %u, expected %u",
			(unsigned)i, (unsigned)err.offset, (unsigned)where[i]);
		CHECK(TL_HAS_MSG(err.msg));
		/* the validate-only mode rejects the same way */
		CHECK_RC(jwtauth_b64url_decode(bad[i], lens[i], NULL, 0, &n, &err), JWTAUTH_ERR_B64_CHAR);
		CHECK_EQ(err.offset, where[i]);
	}
}

/* Every byte value at each of 20 positions (the pre-shifted tables are
   per place in a quantum): accepted exactly when it is in the url
   alphabet, decoded to its index there, refused with its own offset. The
   byte-wide table runs the same in the JWTAUTH_OPTIMIZE_SIZE build
   (test-static). */
static void b64_every_byte_every_place(void)
{
	static const char alphabet[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
	unsigned place, byte;
	for (place = 0; place < 20; place++) {
		for (byte = 0; byte < 256; byte++) {
			char in[20];
			const char *hit = byte ? strchr(alphabet, (int)byte) : NULL;
			uint8_t d[15], want[15];
			size_t n = 0, k;
			jwtauth_error err;
			uint32_t v;
			memset(in, 'A', sizeof in);  /* 'A' is 0 */
			in[place] = (char)byte;
			if (!hit) {
				CHECKF(jwtauth_b64url_decode(in, 20, d, sizeof d, &n, &err)
					== JWTAUTH_ERR_B64_CHAR && err.offset == place,
					"byte 0x%02x at %u: %s at %u", byte, place,
					jwtauth_error_name(err.code), (unsigned)err.offset);
				continue;
			}
			CHECKF(jwtauth_b64url_decode(in, 20, d, sizeof d, &n, &err) == JWTAUTH_OK,
				"byte 0x%02x at %u refused", byte, place);
			memset(want, 0, sizeof want);
			v = (uint32_t)(hit - alphabet) << (18 - 6 * (place % 4));
			k = place / 4 * 3;
			want[k] = (uint8_t)(v >> 16);
			want[k + 1] = (uint8_t)(v >> 8);
			want[k + 2] = (uint8_t)v;
			CHECK_EQ(n, 15);
			CHECKF(memcmp(d, want, 15) == 0, "byte 0x%02x at %u decoded wrong", byte, place);
		}
	}
}

/* Long inputs through the block decoder: a valid 1,000-character text
   with one bad byte at each position decodes up to it and is refused at
   exactly that offset; the all-valid text matches the encoder's input. */
static void b64_bad_byte_in_long_text(void)
{
	uint8_t src[750], dec[750];
	char enc[1000];
	size_t n = 0, m = 0, pos, i;
	jwtauth_error err;
	for (i = 0; i < sizeof src; i++) src[i] = (uint8_t)(i * 73u + 5u);
	CHECK_RC(jwtauth_b64url_encode(src, sizeof src, enc, sizeof enc, &n), JWTAUTH_OK);
	CHECK_EQ(n, 1000);
	CHECK_RC(jwtauth_b64url_decode(enc, n, dec, sizeof dec, &m, NULL), JWTAUTH_OK);
	CHECK(m == sizeof src && memcmp(src, dec, m) == 0);
	for (pos = 0; pos < n; pos++) {
		static const char bad[] = { '=', '+', '/', '.', ' ', '\x80', '\0' };
		char keep = enc[pos];
		enc[pos] = bad[pos % sizeof bad];
		CHECKF(jwtauth_b64url_decode(enc, n, dec, sizeof dec, &m, &err) == JWTAUTH_ERR_B64_CHAR
			&& err.offset == pos, "bad byte at %u: %s at %u", (unsigned)pos,
			jwtauth_error_name(err.code), (unsigned)err.offset);
		enc[pos] = keep;
	}
}

#ifndef TEST_SEPARATE_IMPL
/* What the secret decoder must agree with: base64url, else standard
   base64 with padding (the public decoder, as for the other members). */
static int b64_secret_ref(const char *in, size_t len, uint8_t *out, size_t *n)
{
	char tmp[64];
	size_t i, pad = 0;
	if (jwtauth_b64url_decode(in, len, out, 64, n, NULL) == JWTAUTH_OK) return 1;
	if (len == 0 || len % 4 != 0) return 0;
	while (pad < 2 && in[len - 1 - pad] == '=') pad++;
	for (i = 0; i < len - pad; i++) {
		if (in[i] == '-' || in[i] == '_' || in[i] == '=') return 0;
		tmp[i] = in[i] == '+' ? '-' : in[i] == '/' ? '_' : in[i];
	}
	return jwtauth_b64url_decode(tmp, len - pad, out, 64, n, NULL) == JWTAUTH_OK;
}

static void b64_secret_check_one(const char *in, size_t len)
{
	uint8_t a[64], b[64];
	size_t na = 0, nb = 0;
	int ok_ref = b64_secret_ref(in, len, a, &na);
	int ok = jwtauth__b64_secret(in, len, b, sizeof b, &nb) == JWTAUTH_OK;
	CHECKF(ok == ok_ref, "secret \"%.*s\": %s, reference %s", (int)len, in,
		ok ? "accepted" : "refused", ok_ref ? "accepted" : "refused");
	if (ok && ok_ref)
		CHECKF(na == nb && memcmp(a, b, na) == 0, "secret \"%.*s\" decoded differently",
			(int)len, in);
}

/* The constant-time decoder of the oct key's "k" (tests/ctgrind.c checks
   that it does not branch on or index with the characters) accepts and
   decodes exactly what the table decoders would. */
static void b64_secret_matches_reference(void)
{
	static const char *const bases[] = { "QUJDREVG", "QUJDREU=", "QUJDRA==", "QUJDREVGRw", "ab+/cd-_" };
	static const char pick[] = "AQgw-_+/=9zZ.";
	uint64_t seed = 12345;
	size_t b, pos, len, k;
	unsigned byte;
	for (b = 0; b < sizeof bases / sizeof bases[0]; b++) {
		char in[16];
		size_t n = strlen(bases[b]);
		for (pos = 0; pos < n; pos++) {
			for (byte = 0; byte < 256; byte++) {
				memcpy(in, bases[b], n);
				in[pos] = (char)byte;
				b64_secret_check_one(in, n);
			}
		}
	}
	for (k = 0; k < 200000; k++) {
		char in[24];
		seed = seed * 6364136223846793005u + 1442695040888963407u;
		len = (size_t)(seed >> 59) % 21;
		for (pos = 0; pos < len; pos++) {
			seed = seed * 6364136223846793005u + 1442695040888963407u;
			in[pos] = pick[(seed >> 33) % (sizeof pick - 1)];
		}
		b64_secret_check_one(in, len);
	}
}
#endif

/* length = 1 (mod 4) can't come from any byte string. */
static void b64_bad_length(void)
{
	static const char *const bad[] = { "A", "AAAAA", "Zm9vY", "Zm9vYmFyZ" };
	jwtauth_error err;
	size_t i, n;
	uint8_t d[16];
	for (i = 0; i < 4; i++) {
		CHECK_RC(b64_dec(bad[i], d, sizeof d, &n, &err), JWTAUTH_ERR_B64_LENGTH);
		CHECK_EQ(err.offset, strlen(bad[i]) - 1);
		CHECK_RC(b64_dec(bad[i], NULL, 0, &n, &err), JWTAUTH_ERR_B64_LENGTH);
	}
}

/* The unused low bits of the last character must be zero (RFC 4648 3.5). */
static void b64_noncanonical(void)
{
	jwtauth_error err;
	uint8_t d[8];
	size_t n;
	char s[4];
	int v;
	const char *alpha = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
	CHECK_RC(b64_dec("AA", d, sizeof d, &n, &err), JWTAUTH_OK);
	CHECK_EQ(n, 1);
	CHECK_EQ(d[0], 0);
	CHECK_RC(b64_dec("AB", d, sizeof d, &n, &err), JWTAUTH_ERR_B64_NONCANONICAL);
	CHECK_EQ(err.offset, 1);
	CHECK_RC(b64_dec("AAB", d, sizeof d, &n, &err), JWTAUTH_ERR_B64_NONCANONICAL);
	CHECK_EQ(err.offset, 2);
	CHECK_RC(b64_dec("AAE", d, sizeof d, &n, &err), JWTAUTH_OK);
	CHECK_EQ(n, 2);
	CHECK_RC(b64_dec("Zm9vYh", d, sizeof d, &n, &err), JWTAUTH_ERR_B64_NONCANONICAL);
	CHECK_EQ(err.offset, 5);
	CHECK_RC(b64_dec("Zm9vYh", NULL, 0, &n, &err), JWTAUTH_ERR_B64_NONCANONICAL);
	/* exhaustive over the last character: 2-char form keeps 4 bits, 3-char 2 */
	for (v = 0; v < 64; v++) {
		s[0] = 'Q'; s[1] = alpha[v]; s[2] = alpha[v];
		CHECK_RC(jwtauth_b64url_decode(s, 2, d, sizeof d, &n, NULL),
			(v & 15) ? JWTAUTH_ERR_B64_NONCANONICAL : JWTAUTH_OK);
		CHECK_RC(jwtauth_b64url_decode(s, 3, d, sizeof d, &n, NULL),
			(v & 3) ? JWTAUTH_ERR_B64_NONCANONICAL : JWTAUTH_OK);
	}
}

/* Too-small outputs fail before writing; the needed size is reported. */
static void b64_buffer_too_small(void)
{
	jwtauth_error err;
	uint8_t d[8];
	char e[8];
	size_t n = 0;
	memset(d, 0x55, sizeof d);
	CHECK_RC(b64_dec("Zm9vYmE", d, 4, &n, &err), JWTAUTH_ERR_BUFFER_TOO_SMALL);
	CHECK_EQ(err.code, JWTAUTH_ERR_BUFFER_TOO_SMALL);
	CHECK_EQ(n, 5);
	CHECK_EQ(d[0], 0x55);
	CHECK_RC(b64_dec("Zm9vYmE", d, 5, &n, &err), JWTAUTH_OK);
	CHECK_EQ(n, 5);
	CHECK_RC(b64_dec("Zg", d, 0, &n, &err), JWTAUTH_ERR_BUFFER_TOO_SMALL);
	CHECK_RC(b64_dec("", d, 0, &n, &err), JWTAUTH_OK);
	CHECK_EQ(n, 0);
	CHECK_RC(jwtauth_b64url_encode((const uint8_t *)"foob", 4, e, 5, &n), JWTAUTH_ERR_BUFFER_TOO_SMALL);
	CHECK_EQ(n, 6);
	CHECK_RC(jwtauth_b64url_encode((const uint8_t *)"foob", 4, e, 6, &n), JWTAUTH_OK);
	CHECK_EQ(n, 6);
}

/* NULL buffers with a non-zero size are argument errors, not crashes. */
static void b64_arguments(void)
{
	jwtauth_error err;
	size_t n;
	CHECK_RC(jwtauth_b64url_decode(NULL, 4, NULL, 0, &n, &err), JWTAUTH_ERR_ARGUMENT);
	CHECK_RC(jwtauth_b64url_decode("Zm9v", 4, NULL, 3, &n, &err), JWTAUTH_ERR_ARGUMENT);
	CHECK_RC(jwtauth_b64url_decode(NULL, 0, NULL, 0, &n, &err), JWTAUTH_OK);
	CHECK_EQ(n, 0);
	CHECK_RC(jwtauth_b64url_decode("Zm9v", 4, NULL, 0, NULL, NULL), JWTAUTH_OK);
	CHECK_RC(jwtauth_b64url_encode(NULL, 1, NULL, 0, &n), JWTAUTH_ERR_ARGUMENT);
	CHECK_RC(jwtauth_b64url_encode((const uint8_t *)"x", 1, NULL, 4, &n), JWTAUTH_ERR_ARGUMENT);
}

static const test_case t_b64_tests[] = {
	{ "b64_rfc4648_vectors", b64_rfc4648_vectors },
	{ "b64_url_alphabet", b64_url_alphabet },
	{ "b64_round_trip", b64_round_trip },
	{ "b64_bad_chars", b64_bad_chars },
	{ "b64_every_byte_every_place", b64_every_byte_every_place },
	{ "b64_bad_byte_in_long_text", b64_bad_byte_in_long_text },
#ifndef TEST_SEPARATE_IMPL
	{ "b64_secret_matches_reference", b64_secret_matches_reference },
#endif
	{ "b64_bad_length", b64_bad_length },
	{ "b64_noncanonical", b64_noncanonical },
	{ "b64_buffer_too_small", b64_buffer_too_small },
	{ "b64_arguments", b64_arguments },
	{ NULL, NULL }
};
