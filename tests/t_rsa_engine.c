/* t_rsa_engine.c - the library's RSA public operation (variable time, for
   verification) against BearSSL: its arithmetic byte for byte against
   br_rsa_i31_public (random moduli of every kind of size, edge inputs,
   e = 3, 65537 and random odd ones), the choice of engine (default,
   BearSSL's, plugged), PKCS#1 v1.5 blocks signed here with the fixture
   private keys (both engines must agree on each), and the RFC examples and
   real provider tokens again with BearSSL's engines. The Wycheproof RSA
   suites run with both engines in t_wycheproof.c. Built with
   JWTAUTH_RSA_BEARSSL only the BearSSL half remains. */

/* ------------------------------------------------------------ helpers */

/* The limb size the implementation chose (the same rule as the header's). */
#if defined(__SIZEOF_INT128__) && !defined(JWTAUTH_RSA_LIMB32)
#define RE_LIMB_BITS 64
#else
#define RE_LIMB_BITS 32
#endif

#ifndef JWTAUTH_RSA_BEARSSL
static uint64_t re_state;

static uint64_t re_next(void)
{
	uint64_t z = (re_state += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

static void re_random(uint8_t *p, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) p[i] = (uint8_t)re_next();
}
#endif

/* Counting engines: prove which engine ran. */
static int re_calls;
static uint32_t re_counting_public(unsigned char *x, size_t xlen, const br_rsa_public_key *pk)
{
	re_calls++;
	return br_rsa_i31_public(x, xlen, pk);
}

/* The fixture private key of `name` (keys/<name>.key.pem, PKCS#8), decoded
   by BearSSL into the static decoder context. NULL when unreadable. */
static br_skey_decoder_context re_skey;
static uint8_t re_der[4096];
static size_t re_der_len;

static void re_der_append(void *ctx, const void *data, size_t len)
{
	(void)ctx;
	if (re_der_len + len <= sizeof re_der) memcpy(re_der + re_der_len, data, len);
	re_der_len += len;
}

static const br_rsa_private_key *re_private_key(const char *name)
{
	char rel[128];
	size_t len, off = 0;
	char *pem;
	br_pem_decoder_context pc;
	int done = 0;
	snprintf(rel, sizeof rel, "keys/%s.key.pem", name);
	pem = fx_read(rel, &len);
	if (!pem) return NULL;
	br_pem_decoder_init(&pc);
	re_der_len = 0;
	while (off < len && !done) {
		off += br_pem_decoder_push(&pc, pem + off, len - off);
		switch (br_pem_decoder_event(&pc)) {
		case BR_PEM_BEGIN_OBJ: br_pem_decoder_setdest(&pc, re_der_append, NULL); break;
		case BR_PEM_END_OBJ: done = 1; break;
		case BR_PEM_ERROR: free(pem); return NULL;
		default: break;
		}
	}
	free(pem);
	if (!done || re_der_len > sizeof re_der) return NULL;
	br_skey_decoder_init(&re_skey);
	br_skey_decoder_push(&re_skey, re_der, re_der_len);
	if (br_skey_decoder_last_error(&re_skey) != 0
	    || br_skey_decoder_key_type(&re_skey) != BR_KEYTYPE_RSA) return NULL;
	return br_skey_decoder_get_rsa(&re_skey);
}

/* ------------------------------------------------ arithmetic vs. BearSSL */

#ifndef JWTAUTH_RSA_BEARSSL

/* One base: the library and br_rsa_i31_public give the same return value
   and the same bytes. Returns 0 on a difference (and says which). */
static int re_compare(const uint8_t *n, size_t nlen, const uint8_t *e, size_t elen,
	const uint8_t *x, size_t xlen, const char *what, unsigned bits)
{
	uint8_t a[520], b[520];
	br_rsa_public_key pk;
	uint32_t ra, rb;
	pk.n = (unsigned char *)n;
	pk.nlen = nlen;
	pk.e = (unsigned char *)e;
	pk.elen = elen;
	memcpy(a, x, xlen);
	memcpy(b, x, xlen);
	ra = jwtauth_rsa_public(a, xlen, &pk);
	rb = br_rsa_i31_public(b, xlen, &pk);
	if (ra != rb || memcmp(a, b, xlen) != 0) {
		printf("    DIFFERENCE %u-bit modulus, e %lu bytes, input %s: library %u, i31 %u%s\n",
			bits, (unsigned long)elen, what, (unsigned)ra, (unsigned)rb,
			ra == rb ? " (bytes differ)" : "");
		return 0;
	}
	return 1;
}

/* A random odd modulus of exactly `bits` bits (a product of primes or not:
   the arithmetic must agree for every odd modulus). */
static size_t re_modulus(uint8_t *n, unsigned bits)
{
	size_t nlen = (bits + 7) / 8;
	re_random(n, nlen);
	n[0] &= (uint8_t)(0xffu >> (8 * nlen - bits));
	n[0] |= (uint8_t)(0x80u >> (8 * nlen - bits));
	n[nlen - 1] |= 1;
	return nlen;
}

static void re_test_arith(void)
{
	/* multiples of 64 and not (the top limb partly used), both limb sizes */
	static const unsigned sizes[] = {
		2048, 2049, 2056, 2080, 2111, 2175, 3000, 3072, 3073, 4000, 4064, 4095, 4096,
		/* the BearSSL shape takes any size: small ones too */
		17, 64, 65, 512, 1023, 1024
	};
	size_t si;
	long compared = 0, refused = 0, bad = 0;
	re_state = 0x5eed0001u;
	for (si = 0; si < sizeof sizes / sizeof sizes[0]; si++) {
		unsigned bits = sizes[si];
		uint8_t n[512], x[512], e[4];
		size_t nlen = re_modulus(n, bits), elen = 0, i;
		int ei, xi;
		for (ei = 0; ei < 4; ei++) {
			if (ei == 0) { e[0] = 3; elen = 1; }
			else if (ei == 1) { e[0] = 1; e[1] = 0; e[2] = 1; elen = 3; }
			else {
				/* random odd, 2 then 4 bytes */
				elen = ei == 2 ? 2 : 4;
				re_random(e, elen);
				e[0] |= 0x80;
				e[elen - 1] |= 1;
			}
			for (xi = 0; xi < 10; xi++) {
				const char *what;
				memset(x, 0, nlen);
				switch (xi) {
				case 0: what = "0"; break;
				case 1: what = "1"; x[nlen - 1] = 1; break;
				case 2: what = "n-1"; memcpy(x, n, nlen); x[nlen - 1] ^= 1; break;
				case 3: what = "n"; memcpy(x, n, nlen); break;
				case 4: /* n is odd: n+1 only changes the last byte */
					what = "n+1"; memcpy(x, n, nlen); x[nlen - 1]++; break;
				case 5: /* 2^(bits-1) - 1 < n */
					what = "2^(bits-1)-1";
					memset(x, 0xff, nlen);
					x[0] = (uint8_t)(0xffu >> (8 * nlen - bits + 1));
					break;
				case 6: /* 2^bits - 1 >= n */
					what = "2^bits-1";
					memset(x, 0xff, nlen);
					x[0] = (uint8_t)(0xffu >> (8 * nlen - bits));
					break;
				case 7: /* 2^(8 nlen) - 1: above n, every byte set */
					what = "all ones"; memset(x, 0xff, nlen); break;
				default: /* random below n (top byte lowered), random any */
					what = xi == 8 ? "random < n" : "random";
					re_random(x, nlen);
					if (xi == 8) x[0] = (uint8_t)(x[0] % n[0]);
					break;
				}
				compared++;
				if (!re_compare(n, nlen, e, elen, x, nlen, what, bits)) bad++;
				/* refusals counted: x >= n */
				for (i = 0; i < nlen && x[i] == n[i]; i++) continue;
				if (i == nlen || x[i] > n[i]) refused++;
#ifndef TEST_SEPARATE_IMPL
				/* the same through a loaded key (constants kept in the key) */
				if (bits >= JWTAUTH_MIN_RSA_BITS && bits <= JWTAUTH_MAX_RSA_BITS) {
					static jwtauth_keyset ks;
					uint8_t a[512], b[512];
					br_rsa_public_key pk;
					uint32_t ra, rb;
					jwtauth_keyset_init(&ks);
					CHECK_RC(jwtauth_keyset_add_rsa(&ks, n, nlen, e, elen, JWTAUTH_ALG_UNKNOWN,
						NULL, 0), JWTAUTH_OK);
					pk.n = n; pk.nlen = nlen; pk.e = e; pk.elen = elen;
					memcpy(a, x, nlen);
					memcpy(b, x, nlen);
					ra = jwtauth__rsa_key_public(&ks.keys[0], a);
					rb = br_rsa_i31_public(b, nlen, &pk);
					compared++;
					if (ra != rb || (ra && memcmp(a, b, nlen) != 0)) {
						printf("    DIFFERENCE (loaded key) %u bits, input %s\n", bits, what);
						bad++;
					}
				}
#endif
			}
		}
	}
	printf("  %ld comparisons with br_rsa_i31_public (%ld bases >= n refused by both), %d-bit limbs\n",
		compared, refused, RE_LIMB_BITS);
	CHECKF(bad == 0, "%ld of %ld differ from br_rsa_i31_public", bad, compared);
	CHECK(refused > 0);
}

/* The refusals of BearSSL's engine shape, one by one. */
static void re_test_shape(void)
{
	uint8_t n[260], x[260], e3 = 3, e8[8], e1 = 1;
	br_rsa_public_key pk;
	size_t nlen;
	re_state = 0x5eed0002u;
	nlen = re_modulus(n + 2, 2048);
	n[0] = n[1] = 0;   /* leading zero octets of n are skipped */
	re_random(x, nlen);
	x[0] = 0x01;
	pk.n = n; pk.nlen = nlen + 2; pk.e = &e3; pk.elen = 1;
	CHECK(re_compare(n, nlen + 2, &e3, 1, x, nlen, "with n's leading zeros", 2048));
	/* xlen must be n's length without leading zeros */
	CHECK_EQ(jwtauth_rsa_public(x, nlen + 2, &pk), 0);
	CHECK_EQ(br_rsa_i31_public(x, nlen + 2, &pk), 0);
	CHECK_EQ(jwtauth_rsa_public(x, nlen - 1, &pk), 0);
	/* even modulus */
	n[nlen + 1] &= 0xfe;
	CHECK_EQ(jwtauth_rsa_public(x, nlen, &pk), 0);
	CHECK_EQ(br_rsa_i31_public(x, nlen, &pk), 0);
	n[nlen + 1] |= 1;
	/* empty modulus */
	pk.nlen = 2;
	CHECK_EQ(jwtauth_rsa_public(x, 0, &pk), 0);
	CHECK_EQ(br_rsa_i31_public(x, 0, &pk), 0);
	pk.nlen = nlen + 2;
	/* e = 1, e with leading zeros, an 8-byte e: the same as BearSSL */
	CHECK(re_compare(n, nlen + 2, &e1, 1, x, nlen, "e = 1", 2048));
	memset(e8, 0, sizeof e8);
	e8[7] = 3;
	CHECK(re_compare(n, nlen + 2, e8, 8, x, nlen, "e = 00..03", 2048));
	re_random(e8, sizeof e8);
	e8[7] |= 1;
	CHECK(re_compare(n, nlen + 2, e8, 8, x, nlen, "8-byte e", 2048));
	/* over 4096 bits: refused like BearSSL */
	{
		uint8_t big[514], xb[513];
		re_modulus(big, 4104);
		memset(xb, 0, sizeof xb);
		pk.n = big; pk.nlen = 513; pk.e = &e3; pk.elen = 1;
		CHECK_EQ(jwtauth_rsa_public(xb, 513, &pk), 0);
		CHECK_EQ(br_rsa_i31_public(xb, 513, &pk), 0);
	}
}

/* Keys carry their constants, computed at load with this build's limbs. */
static void re_test_key_constants(void)
{
	jwtauth_error err;
	size_t i, checked = 0;
	CHECK_RC(fx_load(&fx_ks, "jwks/public.json", &err), JWTAUTH_OK);
	for (i = 0; i < fx_ks.count; i++) {
		const jwtauth_key *k = &fx_ks.keys[i];
		const jwtauth_rsa_mont *m = &k->u.rsa.mont;
		size_t j;
		uint64_t low;
		if (k->kty != JWTAUTH_KTY_RSA) continue;
		CHECK_EQ(m->limb_bits, RE_LIMB_BITS);
		CHECK_EQ(m->len, (k->u.rsa.bits + RE_LIMB_BITS - 1) / RE_LIMB_BITS);
		/* the low limb holds the modulus' last bytes; n0i * n[0] = -1 */
		low = RE_LIMB_BITS == 64 ? m->n.w64[0] : m->n.w32[0];
		for (j = 0; j < RE_LIMB_BITS / 8; j++)
			CHECK_EQ((uint8_t)(low >> (8 * j)), k->u.rsa.n[k->u.rsa.n_len - 1 - j]);
		if (RE_LIMB_BITS == 64) CHECK(low * m->n0i == ~(uint64_t)0);
		else CHECK((uint32_t)(low * m->n0i) == 0xffffffffu);
		checked++;
	}
	CHECK_EQ(checked, 4);
	/* a key set stays memcpy-able: a copy verifies */
	{
		static jwtauth_keyset copy;
		char *tok;
		size_t len;
		memcpy(&copy, &fx_ks, sizeof copy);
		memset(&fx_ks, 0xa5, sizeof fx_ks);
		jwtauth_keyset_init(&fx_ks);
		tok = fx_read("tokens/rs256-rsa4096.jwt", &len);
		CHECK(tok != NULL);
		while (len > 0 && (tok[len - 1] == '\n' || tok[len - 1] == '\r')) len--;
		CHECK_RC(jwtauth_jws_verify_signature_only(&copy, tok, len, JWTAUTH_ALGS_ALL, &fx_jwt, &err), JWTAUTH_OK);
		free(tok);
	}
}

#endif /* !JWTAUTH_RSA_BEARSSL */

/* ------------------------------------------------------ engine choice */

static void re_test_engine_choice(void)
{
	static const char *const toks[] = { "rs256", "rs384", "ps256", "ps512", "rs256-rsa4096" };
	jwtauth_engines bear, plugged, zero;
	jwtauth_error err;
	size_t t;
	int mode;
	jwtauth_engines_bearssl(&bear);
	CHECK(bear.rsa_pkcs1_vrfy == br_rsa_pkcs1_vrfy_get_default());
	CHECK(bear.rsa_public == br_rsa_public_get_default());
	CHECK(bear.ecdsa_vrfy == br_ecdsa_vrfy_raw_get_default() && bear.ec == br_ec_get_default());
	memset(&plugged, 0, sizeof plugged);
	plugged.rsa_public = re_counting_public;   /* RS* too: the block is compared */
	memset(&zero, 0, sizeof zero);
	for (mode = 0; mode < 4; mode++) {
		const jwtauth_engines *eng = mode == 0 ? NULL : mode == 1 ? &bear
			: mode == 2 ? &plugged : &zero;
		for (t = 0; t < sizeof toks / sizeof toks[0]; t++) {
			char rel[64], *tok, *last;
			size_t len;
			snprintf(rel, sizeof rel, "tokens/%s.jwt", toks[t]);
			tok = fx_read(rel, &len);
			CHECKF(tok != NULL, "missing fixture %s", rel);
			while (len > 0 && (tok[len - 1] == '\n' || tok[len - 1] == '\r')) len--;
			CHECK_RC(fx_load(&fx_ks, "jwks/public.json", &err), JWTAUTH_OK);
			jwtauth_keyset_set_engines(&fx_ks, eng);
			re_calls = 0;
			CHECK_RC(jwtauth_jws_verify_signature_only(&fx_ks, tok, len, JWTAUTH_ALGS_ALL, &fx_jwt, &err), JWTAUTH_OK);
			CHECK(fx_jwt.key->engines == eng);
			/* only the plugged engine counts; the default never calls it */
#ifdef JWTAUTH_RSA_BEARSSL
			/* (RS* there: BearSSL's PKCS#1 verifier, not rsa_public) */
			CHECK_EQ(re_calls, mode == 2 && toks[t][0] == 'p' ? 1 : 0);
#else
			CHECK_EQ(re_calls, mode == 2 ? 1 : 0);
#endif
			/* a signature character changed: refused by every engine */
			last = strrchr(tok, '.');
			CHECK(last != NULL && strlen(last) > 20);
			last[10] = last[10] == 'A' ? 'B' : 'A';
			CHECK_RC(jwtauth_jws_verify_signature_only(&fx_ks, tok, len, JWTAUTH_ALGS_ALL, &fx_jwt, &err), JWTAUTH_ERR_SIGNATURE);
			free(tok);
		}
	}
	jwtauth_keyset_set_engines(&fx_ks, NULL);
}

/* s >= n and s = 0, 1, n-1 are refused by every engine, RS and PS. */
static void re_test_out_of_range(void)
{
	static const jwtauth_alg algs[] = { JWTAUTH_ALG_RS256, JWTAUTH_ALG_PS256 };
	jwtauth_engines bear;
	const jwtauth_key *key;
	jwtauth_error err;
	uint8_t s[512];
	size_t k, a;
	int mode, v;
	jwtauth_engines_bearssl(&bear);
	CHECK_RC(fx_load(&fx_ks, "jwks/public.json", &err), JWTAUTH_OK);
	key = keys_find(&fx_ks, "rsa2048a");
	CHECK(key != NULL);
	k = key->u.rsa.n_len;
	for (mode = 0; mode < 2; mode++) {
		jwtauth_keyset_set_engines(&fx_ks, mode ? &bear : NULL);
		for (a = 0; a < 2; a++)
			for (v = 0; v < 6; v++) {
				memset(s, 0, k);
				if (v == 1) s[k - 1] = 1;
				else if (v == 2) { memcpy(s, key->u.rsa.n, k); s[k - 1] ^= 1; }
				else if (v == 3) memcpy(s, key->u.rsa.n, k);
				else if (v == 4) { memcpy(s, key->u.rsa.n, k); s[k - 1]++; }
				else if (v == 5) memset(s, 0xff, k);
				CHECK_RC(jwtauth_sig_verify(key, algs[a], (const uint8_t *)"x", 1, s, k),
					JWTAUTH_ERR_SIGNATURE);
			}
	}
	jwtauth_keyset_set_engines(&fx_ks, NULL);
}

/* --------------------------------- PKCS#1 v1.5 blocks signed with d here */

typedef struct re_block {
	const char *what;
	int valid;
} re_block;

/* EM for variant v of SHA-256(msg), k bytes; 0 when v is past the end. */
static const re_block re_blocks[] = {
	{ "DigestInfo with NULL parameters", 1 },
	{ "DigestInfo without parameters", 1 },
	{ "last hash byte changed", 0 },
	{ "block type 02", 0 },
	{ "leading byte 01", 0 },
	{ "one padding byte FE", 0 },
	{ "padding ended one byte early (a garbage byte before DigestInfo)", 0 },
	{ "DigestInfo and hash followed by one garbage byte", 0 },
	{ "SHA-384 DigestInfo and hash", 0 },
	{ "long-form length octets (BER)", 0 },
	{ "8 padding bytes, then zeros", 0 }
};

static void re_build(uint8_t *em, size_t k, int v, const uint8_t *h256, const uint8_t *h384)
{
	static const uint8_t di256[19] = { 0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86,
		0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20 };
	static const uint8_t di256_nonull[17] = { 0x30, 0x2f, 0x30, 0x0b, 0x06, 0x09, 0x60,
		0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x04, 0x20 };
	static const uint8_t di384[19] = { 0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86,
		0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02, 0x05, 0x00, 0x04, 0x30 };
	static const uint8_t di256_ber[21] = { 0x30, 0x81, 0x32, 0x30, 0x81, 0x0d, 0x06, 0x09,
		0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20 };
	const uint8_t *di = di256, *h = h256;
	size_t dl = sizeof di256, hl = 32, tail = 0;
	if (v == 1) { di = di256_nonull; dl = sizeof di256_nonull; }
	if (v == 8) { di = di384; dl = sizeof di384; h = h384; hl = 48; }
	if (v == 9) { di = di256_ber; dl = sizeof di256_ber; }
	if (v == 6 || v == 7) tail = 1;
	memset(em, 0xff, k);
	em[0] = 0x00;
	em[1] = v == 3 ? 0x02 : 0x01;
	if (v == 4) em[0] = 0x01;
	if (v == 5) em[5] = 0xfe;
	if (v == 10) memset(em + 10, 0, k - 10);
	if (v == 6) {
		em[k - dl - hl - 2] = 0x00;
		em[k - dl - hl - 1] = 0x5a;
	} else {
		em[k - dl - hl - 1 - tail] = 0x00;
	}
	if (v == 10) return;
	memcpy(em + k - dl - hl - (v == 7 ? 1 : 0), di, dl);
	memcpy(em + k - hl - (v == 7 ? 1 : 0), h, hl);
	if (v == 7) em[k - 1] = 0x5a;
	if (v == 2) em[k - 1] ^= 0x01;
}

static void re_test_pkcs1_blocks(void)
{
	static const char *const names[] = { "rsa2048a", "rsa3072", "rsa4096" };
	static const char msg[] = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ0b20ifQ";
	jwtauth_engines bear;
	jwtauth_error err;
	uint8_t h256[32], h384[48];
	size_t ni;
	int judged = 0;
	br_sha256_context c2;
	br_sha384_context c3;
	br_sha256_init(&c2);
	br_sha256_update(&c2, msg, strlen(msg));
	br_sha256_out(&c2, h256);
	br_sha384_init(&c3);
	br_sha384_update(&c3, msg, strlen(msg));
	br_sha384_out(&c3, h384);
	jwtauth_engines_bearssl(&bear);
	CHECK_RC(fx_load(&fx_ks, "jwks/public.json", &err), JWTAUTH_OK);
	for (ni = 0; ni < sizeof names / sizeof names[0]; ni++) {
		const br_rsa_private_key *sk = re_private_key(names[ni]);
		const jwtauth_key *key = keys_find(&fx_ks, names[ni]);
		size_t k, v;
		CHECKF(sk != NULL, "fixture private key %s unreadable", names[ni]);
		CHECK(key != NULL);
		k = key->u.rsa.n_len;
		CHECK_EQ((sk->n_bitlen + 7) / 8, k);
		for (v = 0; v < sizeof re_blocks / sizeof re_blocks[0]; v++) {
			uint8_t em[512], sig[512];
			int mode, rc[2];
			re_build(em, k, (int)v, h256, h384);
			memcpy(sig, em, k);
			CHECK(br_rsa_i31_private(sig, sk));
			/* the signature really gives the block back */
			{
				uint8_t back[512];
				br_rsa_public_key pk;
				pk.n = (unsigned char *)key->u.rsa.n; pk.nlen = k;
				pk.e = (unsigned char *)key->u.rsa.e; pk.elen = key->u.rsa.e_len;
				memcpy(back, sig, k);
				CHECK(br_rsa_i31_public(back, k, &pk));
				CHECK(memcmp(back, em, k) == 0);
			}
			for (mode = 0; mode < 2; mode++) {
				jwtauth_keyset_set_engines(&fx_ks, mode ? &bear : NULL);
				rc[mode] = jwtauth_sig_verify(key, JWTAUTH_ALG_RS256, (const uint8_t *)msg,
					strlen(msg), sig, k);
			}
			jwtauth_keyset_set_engines(&fx_ks, NULL);
			CHECKF(rc[0] == (re_blocks[v].valid ? JWTAUTH_OK : JWTAUTH_ERR_SIGNATURE),
				"%s, %s: library engine %s", names[ni], re_blocks[v].what,
				jwtauth_error_name(rc[0]));
			CHECKF(rc[1] == rc[0], "%s, %s: BearSSL's engines %s, library %s", names[ni],
				re_blocks[v].what, jwtauth_error_name(rc[1]), jwtauth_error_name(rc[0]));
			judged++;
		}
	}
	printf("  %d signed blocks judged alike by both engines (2 forms valid, %d invalid, x3 keys)\n",
		judged, (int)(sizeof re_blocks / sizeof re_blocks[0]) - 2);
}

/* -------------------------- the RFC and real-token vectors, other engines */

static void re_test_fx_engines(void)
{
	jwtauth_engines bear, plugged;
	int pass;
	jwtauth_engines_bearssl(&bear);
	memset(&plugged, 0, sizeof plugged);
#ifndef JWTAUTH_RSA_BEARSSL
	plugged.rsa_public = jwtauth_rsa_public;   /* the BearSSL-shaped fast op */
#else
	plugged.rsa_public = br_rsa_i31_public;
#endif
	for (pass = 0; pass < 2; pass++) {
		int failed_before = tl_failed;
		fx_engines = pass == 0 ? &bear : &plugged;
		printf("  with %s:\n", pass == 0 ? "BearSSL's engines (jwtauth_engines_bearssl)"
			: "rsa_public plugged, the library's block comparison");
		tl_failed = 0;
		rfc_test_7515();
		if (!tl_failed) rfc_test_7520();
		if (!tl_failed) rfc_test_jwks_tokens();
		fx_engines = NULL;
		CHECKF(!tl_failed, "RFC / real-token vectors fail with engine set %d", pass);
		tl_failed = failed_before;
	}
}

static const test_case t_rsa_engine_tests[] = {
#ifndef JWTAUTH_RSA_BEARSSL
	{ "rsa_engine_arith_vs_i31", re_test_arith },
	{ "rsa_engine_bearssl_shape", re_test_shape },
	{ "rsa_engine_key_constants", re_test_key_constants },
#endif
	{ "rsa_engine_choice", re_test_engine_choice },
	{ "rsa_engine_out_of_range", re_test_out_of_range },
	{ "rsa_engine_pkcs1_blocks", re_test_pkcs1_blocks },
	{ "rsa_engine_rfc_vectors", re_test_fx_engines },
	{ NULL, NULL }
};
