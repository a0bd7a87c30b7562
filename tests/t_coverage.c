/* t_coverage.c - inputs that the topic files do not build: DER lengths and
   INTEGERs, SPKI and PEM oddities, JWK members of the wrong JSON type, the
   limits of a key set (kid length, JWTAUTH_MAX_KEYS, JWTAUTH_MAX_JWKS_LEN),
   P-384 and P-521 thumbprints, an RSA modulus of 8k+1 bits under PSS,
   the cut of long values in error texts, JSON Pointer and integer limits
   of the claim getters, and the argument checks of the public API.
   DER is built here byte by byte and wrapped in PEM, so that each case
   differs from a valid encoding in exactly one place. */

/* ---- DER and PEM builders */

/* tag, minimal definite length, body; returns the bytes written */
static size_t cv_tlv(uint8_t *out, uint8_t tag, const uint8_t *body, size_t len)
{
	size_t h = 0;
	out[h++] = tag;
	if (len < 0x80) out[h++] = (uint8_t)len;
	else if (len < 0x100) { out[h++] = 0x81; out[h++] = (uint8_t)len; }
	else { out[h++] = 0x82; out[h++] = (uint8_t)(len >> 8); out[h++] = (uint8_t)len; }
	if (len) memmove(out + h, body, len);
	return h + len;
}

static char cv_doc[24576];
static size_t cv_doc_len;

/* Append one PEM object `name` holding der[0..len) to cv_doc (standard
   base64, 64 columns). */
static void cv_pem_add(const char *name, const uint8_t *der, size_t len)
{
	static const char b64[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t i, col = 0;
	char *o = cv_doc + cv_doc_len;
	o += sprintf(o, "-----BEGIN %s-----\n", name);
	for (i = 0; i < len; i += 3) {
		unsigned v = (unsigned)der[i] << 16;
		if (i + 1 < len) v |= (unsigned)der[i + 1] << 8;
		if (i + 2 < len) v |= der[i + 2];
		*o++ = b64[(v >> 18) & 63];
		*o++ = b64[(v >> 12) & 63];
		*o++ = i + 1 < len ? b64[(v >> 6) & 63] : '=';
		*o++ = i + 2 < len ? b64[v & 63] : '=';
		if ((col += 4) == 64) { *o++ = '\n'; col = 0; }
	}
	if (col) *o++ = '\n';
	o += sprintf(o, "-----END %s-----\n", name);
	cv_doc_len = (size_t)(o - cv_doc);
}

/* Parse one PEM object; the parse's code, and the entry's status in *st
   (1 when no entry was made). */
static int cv_pem1(const char *name, const uint8_t *der, size_t len, int *st)
{
	jwtauth_error e;
	int rc;
	cv_doc_len = 0;
	cv_pem_add(name, der, len);
	rc = jwtauth_keyset_parse(&fx_ks, cv_doc, cv_doc_len, &e);
	*st = fx_ks.count == 1 ? fx_ks.keys[0].status : 1;
	return rc;
}

/* The status of a lone PEM object that must be refused (the set is then
   empty). */
static int cv_pem_refused(const char *name, const uint8_t *der, size_t len)
{
	int st, rc = cv_pem1(name, der, len, &st);
	return rc == JWTAUTH_ERR_KEYSET_EMPTY ? st : 1000 + rc;
}

/* RSAPublicKey of a 2048-bit "modulus" (0xff..ff: odd, full size) and
   e = 65537, written with the INTEGER bodies given (NULL: the valid one). */
static size_t cv_pkcs1(uint8_t *out, const uint8_t *nb, size_t nl, const uint8_t *eb, size_t el)
{
	static uint8_t n[257];
	static const uint8_t e[3] = { 0x01, 0x00, 0x01 };
	uint8_t body[300];
	size_t k = 0;
	n[0] = 0;
	memset(n + 1, 0xff, 256);
	if (!nb) { nb = n; nl = sizeof n; }
	if (!eb) { eb = e; el = sizeof e; }
	k += cv_tlv(body + k, 0x02, nb, nl);
	k += cv_tlv(body + k, 0x02, eb, el);
	return cv_tlv(out, 0x30, body, k);
}

/* SubjectPublicKeyInfo: algid (OID + optional parameters TLV), BIT STRING
   with `unused` in its first byte, then key[0..klen). */
static size_t cv_spki(uint8_t *out, const uint8_t *oid, size_t oid_len,
	const uint8_t *params, size_t params_len, uint8_t unused, const uint8_t *key, size_t klen)
{
	uint8_t algid[64], bits[400], body[480];
	size_t a = 0, k = 0;
	a += cv_tlv(algid, 0x06, oid, oid_len);
	if (params_len) { memcpy(algid + a, params, params_len); a += params_len; }
	bits[0] = unused;
	memcpy(bits + 1, key, klen);
	k += cv_tlv(body + k, 0x30, algid, a);
	k += cv_tlv(body + k, 0x03, bits, klen + 1);
	return cv_tlv(out, 0x30, body, k);
}

static const uint8_t cv_oid_rsa[] = { 0x2a,0x86,0x48,0x86,0xf7,0x0d,0x01,0x01,0x01 };
static const uint8_t cv_oid_ed25519[] = { 0x2b,0x65,0x70 };
/* RFC 8037 A.2 public key */
static const uint8_t cv_ed25519_x[32] = {
	0xd7,0x5a,0x98,0x01,0x82,0xb1,0x0a,0xb7,0xd5,0x4b,0xfe,0xd3,0xc9,0x64,0x07,0x3a,
	0x0e,0xe1,0x72,0xf3,0xda,0xa6,0x23,0x25,0xaf,0x02,0x1a,0x68,0xf7,0x07,0x51,0x1a
};

/* DER lengths (strict: definite, minimal, within the input) and INTEGERs
   (positive, minimal) of an RSA PUBLIC KEY block. */
static void cv_der_lengths(void)
{
	uint8_t der[600];
	size_t n;
	int st;
	static const uint8_t two_small[] = { 0x02,0x01,0x03, 0x02,0x01,0x03 };
	/* the valid encoding first: a 2048-bit modulus */
	n = cv_pkcs1(der, NULL, 0, NULL, 0);
	CHECK_RC(cv_pem1("RSA PUBLIC KEY", der, n, &st), JWTAUTH_OK);
	CHECK_RC(st, JWTAUTH_OK);
	CHECK_EQ(fx_ks.keys[0].u.rsa.bits, 2048);
	/* indefinite length (0x80) */
	der[0] = 0x30; der[1] = 0x80; memcpy(der + 2, two_small, 6); der[8] = 0; der[9] = 0;
	CHECK_RC(cv_pem_refused("RSA PUBLIC KEY", der, 10), JWTAUTH_ERR_KEY_DER);
	/* three length bytes */
	der[0] = 0x30; der[1] = 0x83; der[2] = 0; der[3] = 0; der[4] = 6; memcpy(der + 5, two_small, 6);
	CHECK_RC(cv_pem_refused("RSA PUBLIC KEY", der, 11), JWTAUTH_ERR_KEY_DER);
	/* long form cut short: the length bytes themselves are missing */
	der[0] = 0x30; der[1] = 0x82; der[2] = 0x01;
	CHECK_RC(cv_pem_refused("RSA PUBLIC KEY", der, 3), JWTAUTH_ERR_KEY_DER);
	/* long form for a length under 0x80 */
	der[0] = 0x30; der[1] = 0x81; der[2] = 6; memcpy(der + 3, two_small, 6);
	CHECK_RC(cv_pem_refused("RSA PUBLIC KEY", der, 9), JWTAUTH_ERR_KEY_DER);
	/* two length bytes for a length under 0x100 */
	der[0] = 0x30; der[1] = 0x82; der[2] = 0; der[3] = 6; memcpy(der + 4, two_small, 6);
	CHECK_RC(cv_pem_refused("RSA PUBLIC KEY", der, 10), JWTAUTH_ERR_KEY_DER);
	/* a length past the end of the input */
	der[0] = 0x30; der[1] = 7; memcpy(der + 2, two_small, 6);
	CHECK_RC(cv_pem_refused("RSA PUBLIC KEY", der, 8), JWTAUTH_ERR_KEY_DER);
	/* the same 2048-bit key with the modulus's long form made non-minimal */
	n = cv_pkcs1(der, NULL, 0, NULL, 0);
	{
		uint8_t bad[600];
		/* 30 82 01 0a | 02 82 01 01 00 ff..: rewrite the INTEGER's
		   length 0x0101 as 83 00 01 01 */
		CHECK(der[4] == 0x02 && der[5] == 0x82 && der[6] == 0x01 && der[7] == 0x01);
		memcpy(bad, der, 4);
		bad[3] = (uint8_t)(der[3] + 1);
		bad[4] = 0x02; bad[5] = 0x83; bad[6] = 0; bad[7] = 0x01; bad[8] = 0x01;
		memcpy(bad + 9, der + 8, n - 8);
		CHECK_RC(cv_pem_refused("RSA PUBLIC KEY", bad, n + 1), JWTAUTH_ERR_KEY_DER);
	}
	/* INTEGERs: empty, negative, non-minimal */
	{
		static const uint8_t neg[1] = { 0x85 }, nonmin[2] = { 0x00, 0x05 };
		static uint8_t n_neg[256], n_pad[258];
		memset(n_neg, 0xff, sizeof n_neg);
		memset(n_pad, 0xff, sizeof n_pad);
		n_pad[0] = 0; n_pad[1] = 0;
		n = cv_pkcs1(der, NULL, 0, neg, 0);    /* e = INTEGER of no byte */
		CHECK_RC(cv_pem_refused("RSA PUBLIC KEY", der, n), JWTAUTH_ERR_KEY_DER);
		n = cv_pkcs1(der, NULL, 0, neg, sizeof neg);
		CHECK_RC(cv_pem_refused("RSA PUBLIC KEY", der, n), JWTAUTH_ERR_KEY_DER);
		n = cv_pkcs1(der, NULL, 0, nonmin, sizeof nonmin);
		CHECK_RC(cv_pem_refused("RSA PUBLIC KEY", der, n), JWTAUTH_ERR_KEY_DER);
		/* the modulus without its leading zero is negative in DER */
		n = cv_pkcs1(der, n_neg, sizeof n_neg, NULL, 0);
		CHECK_RC(cv_pem_refused("RSA PUBLIC KEY", der, n), JWTAUTH_ERR_KEY_DER);
		/* and with two leading zeros it is not minimal */
		n = cv_pkcs1(der, n_pad, sizeof n_pad, NULL, 0);
		CHECK_RC(cv_pem_refused("RSA PUBLIC KEY", der, n), JWTAUTH_ERR_KEY_DER);
	}
}

/* SubjectPublicKeyInfo: the BIT STRING, the RSA parameters, the OID. */
static void cv_der_spki(void)
{
	uint8_t der[700], pk[600], bad_alg[16];
	size_t n, k;
	int st;
	static const uint8_t null_params[2] = { 0x05, 0x00 };
	static const uint8_t null_body[3] = { 0x05, 0x01, 0x00 };
	static const uint8_t oid_params[3] = { 0x06, 0x01, 0x2a };
	/* DSA (1.2.840.10040.4.1): a key type the library does not take */
	static const uint8_t oid_dsa[] = { 0x2a,0x86,0x48,0xce,0x38,0x04,0x01 };
	k = cv_pkcs1(pk, NULL, 0, NULL, 0);
	/* valid: with NULL parameters and without (tolerated) */
	n = cv_spki(der, cv_oid_rsa, sizeof cv_oid_rsa, null_params, 2, 0, pk, k);
	CHECK_RC(cv_pem1("PUBLIC KEY", der, n, &st), JWTAUTH_OK);
	n = cv_spki(der, cv_oid_rsa, sizeof cv_oid_rsa, NULL, 0, 0, pk, k);
	CHECK_RC(cv_pem1("PUBLIC KEY", der, n, &st), JWTAUTH_OK);
	/* a BIT STRING with unused bits */
	n = cv_spki(der, cv_oid_rsa, sizeof cv_oid_rsa, null_params, 2, 1, pk, k);
	CHECK_RC(cv_pem_refused("PUBLIC KEY", der, n), JWTAUTH_ERR_KEY_DER);
	/* RSA parameters other than NULL */
	n = cv_spki(der, cv_oid_rsa, sizeof cv_oid_rsa, null_body, 3, 0, pk, k);
	CHECK_RC(cv_pem_refused("PUBLIC KEY", der, n), JWTAUTH_ERR_KEY_DER);
	n = cv_spki(der, cv_oid_rsa, sizeof cv_oid_rsa, oid_params, 3, 0, pk, k);
	CHECK_RC(cv_pem_refused("PUBLIC KEY", der, n), JWTAUTH_ERR_KEY_DER);
	/* an unknown algorithm */
	n = cv_spki(der, oid_dsa, sizeof oid_dsa, NULL, 0, 0, pk, k);
	CHECK_RC(cv_pem_refused("PUBLIC KEY", der, n), JWTAUTH_ERR_KEY_KTY);
	/* the outline: no BIT STRING after the AlgorithmIdentifier */
	k = cv_tlv(bad_alg, 0x06, cv_oid_rsa, sizeof cv_oid_rsa);
	n = cv_tlv(pk, 0x30, bad_alg, k);
	n = cv_tlv(der, 0x30, pk, n);
	CHECK_RC(cv_pem_refused("PUBLIC KEY", der, n), JWTAUTH_ERR_KEY_DER);
	/* id-ecPublicKey without its namedCurve, or with more after it */
	{
		static const uint8_t oid_ec[] = { 0x2a,0x86,0x48,0xce,0x3d,0x02,0x01 };
		static const uint8_t p256[] = { 0x06,0x08,0x2a,0x86,0x48,0xce,0x3d,0x03,0x01,0x07,
			0x05,0x00 };
		uint8_t q[65];
		memset(q, 0, sizeof q);
		q[0] = 4;
		n = cv_spki(der, oid_ec, sizeof oid_ec, NULL, 0, 0, q, sizeof q);
		CHECK_RC(cv_pem_refused("PUBLIC KEY", der, n), JWTAUTH_ERR_KEY_DER);
		n = cv_spki(der, oid_ec, sizeof oid_ec, p256, sizeof p256, 0, q, sizeof q);
		CHECK_RC(cv_pem_refused("PUBLIC KEY", der, n), JWTAUTH_ERR_KEY_DER);
		/* the curve alone: the point (0, 0) is then refused as such */
		n = cv_spki(der, oid_ec, sizeof oid_ec, p256, 10, 0, q, sizeof q);
		CHECK_RC(cv_pem_refused("PUBLIC KEY", der, n), JWTAUTH_ERR_KEY_EC_POINT);
	}
	/* a PUBLIC KEY block larger than any SPKI of JWTAUTH_MAX_RSA_BITS */
	{
		static uint8_t junk[JWTAUTH_MAX_RSA_BITS / 8 + 100];
		memset(junk, 0x30, sizeof junk);
		CHECK_RC(cv_pem_refused("PUBLIC KEY", junk, sizeof junk), JWTAUTH_ERR_KEY_RSA_SIZE);
		CHECK_RC(cv_pem_refused("RSA PUBLIC KEY", junk, sizeof junk), JWTAUTH_ERR_KEY_RSA_SIZE);
	}
	/* an Ed25519 SPKI with parameters (RFC 8410: absent) */
	n = cv_spki(der, cv_oid_ed25519, sizeof cv_oid_ed25519, NULL, 0, 0, cv_ed25519_x, 32);
	CHECK_RC(cv_pem1("PUBLIC KEY", der, n, &st), JWTAUTH_OK);
	n = cv_spki(der, cv_oid_ed25519, sizeof cv_oid_ed25519, null_params, 2, 0, cv_ed25519_x, 32);
	CHECK_RC(cv_pem_refused("PUBLIC KEY", der, n), JWTAUTH_ERR_KEY_DER);
}

/* An X.509 outline around an Ed25519 key (the library reads such
   certificates itself; BearSSL 0.6 does not know the key type). `opt`
   holds the optional fields after subjectPublicKeyInfo; `ver` the
   version field (NULL: none, i.e. v1). */
static const uint8_t *cv_cert_spki;   /* another SubjectPublicKeyInfo TLV */
static size_t cv_cert_spki_len;
static size_t cv_cert_serial_len = 1;

static size_t cv_cert(uint8_t *out, const uint8_t *ver, size_t ver_len,
	const uint8_t *opt, size_t opt_len)
{
	static const uint8_t serial[1] = { 0x01 };
	uint8_t tbs[400], body[500], spki[100];
	size_t t = 0, b = 0, s;
	if (ver_len) { memcpy(tbs, ver, ver_len); t = ver_len; }
	t += cv_tlv(tbs + t, 0x02, serial, cv_cert_serial_len);
	t += cv_tlv(tbs + t, 0x30, NULL, 0);     /* signature */
	t += cv_tlv(tbs + t, 0x30, NULL, 0);     /* issuer */
	t += cv_tlv(tbs + t, 0x30, NULL, 0);     /* validity */
	t += cv_tlv(tbs + t, 0x30, NULL, 0);     /* subject */
	s = cv_spki(spki, cv_oid_ed25519, sizeof cv_oid_ed25519, NULL, 0, 0, cv_ed25519_x, 32);
	if (cv_cert_spki) { memcpy(tbs + t, cv_cert_spki, cv_cert_spki_len); t += cv_cert_spki_len; }
	else { memcpy(tbs + t, spki, s); t += s; }
	if (opt_len) { memcpy(tbs + t, opt, opt_len); t += opt_len; }
	b += cv_tlv(body + b, 0x30, tbs, t);
	b += cv_tlv(body + b, 0x30, NULL, 0);    /* signatureAlgorithm */
	body[b++] = 0x03; body[b++] = 0x01; body[b++] = 0x00;   /* signatureValue */
	return cv_tlv(out, 0x30, body, b);
}

/* The optional fields of an Ed25519 certificate's TBS. */
static void cv_der_cert(void)
{
	static const uint8_t v3[5] = { 0xa0, 0x03, 0x02, 0x01, 0x02 };
	static const uint8_t v9[5] = { 0xa0, 0x03, 0x02, 0x01, 0x09 };
	/* issuerUniqueID, subjectUniqueID, extensions (empty SEQUENCE) */
	static const uint8_t all3[] = { 0x81, 0x01, 0x00, 0x82, 0x01, 0x00, 0xa3, 0x02, 0x30, 0x00 };
	static const uint8_t bad1[] = { 0x81, 0x05, 0x00 };
	static const uint8_t bad2[] = { 0x82, 0x05, 0x00 };
	static const uint8_t bad3[] = { 0xa3, 0x05, 0x00 };
	static const uint8_t order[] = { 0x82, 0x01, 0x00, 0x81, 0x01, 0x00 };
	uint8_t der[600];
	size_t n;
	int st;
	n = cv_cert(der, v3, sizeof v3, all3, sizeof all3);
	CHECK_RC(cv_pem1("CERTIFICATE", der, n, &st), JWTAUTH_OK);
	CHECK_EQ(fx_ks.keys[0].kty, JWTAUTH_KTY_OKP);
	n = cv_cert(der, NULL, 0, NULL, 0);       /* v1: no version field */
	CHECK_RC(cv_pem1("CERTIFICATE", der, n, &st), JWTAUTH_OK);
	/* every malformed outline falls to BearSSL's decoder, which refuses
	   the certificate */
	n = cv_cert(der, v9, sizeof v9, NULL, 0);
	CHECK_RC(cv_pem_refused("CERTIFICATE", der, n), JWTAUTH_ERR_KEY_X509);
	n = cv_cert(der, v3, sizeof v3, bad1, sizeof bad1);
	CHECK_RC(cv_pem_refused("CERTIFICATE", der, n), JWTAUTH_ERR_KEY_X509);
	n = cv_cert(der, v3, sizeof v3, bad2, sizeof bad2);
	CHECK_RC(cv_pem_refused("CERTIFICATE", der, n), JWTAUTH_ERR_KEY_X509);
	n = cv_cert(der, v3, sizeof v3, bad3, sizeof bad3);
	CHECK_RC(cv_pem_refused("CERTIFICATE", der, n), JWTAUTH_ERR_KEY_X509);
	n = cv_cert(der, v3, sizeof v3, order, sizeof order);
	CHECK_RC(cv_pem_refused("CERTIFICATE", der, n), JWTAUTH_ERR_KEY_X509);
	/* trailing bytes after the certificate's SEQUENCE */
	n = cv_cert(der, v3, sizeof v3, NULL, 0);
	der[n++] = 0;
	CHECK_RC(cv_pem_refused("CERTIFICATE", der, n), JWTAUTH_ERR_KEY_X509);
	/* an empty serialNumber */
	cv_cert_serial_len = 0;
	n = cv_cert(der, v3, sizeof v3, NULL, 0);
	cv_cert_serial_len = 1;
	CHECK_RC(cv_pem_refused("CERTIFICATE", der, n), JWTAUTH_ERR_KEY_X509);
	/* subjectPublicKeyInfo not a SEQUENCE, or one without an
	   AlgorithmIdentifier */
	{
		static const uint8_t not_seq[] = { 0x04, 0x01, 0x00 };
		static const uint8_t no_algid[] = { 0x30, 0x03, 0x03, 0x01, 0x00 };
		cv_cert_spki = not_seq; cv_cert_spki_len = sizeof not_seq;
		n = cv_cert(der, v3, sizeof v3, NULL, 0);
		cv_cert_spki = NULL;
		CHECK_RC(cv_pem_refused("CERTIFICATE", der, n), JWTAUTH_ERR_KEY_X509);
		cv_cert_spki = no_algid; cv_cert_spki_len = sizeof no_algid;
		n = cv_cert(der, v3, sizeof v3, NULL, 0);
		cv_cert_spki = NULL;
		CHECK_RC(cv_pem_refused("CERTIFICATE", der, n), JWTAUTH_ERR_KEY_X509);
	}
}

/* PEM: a decoding error, a private key or unknown block too large for the
   DER buffer, more objects than JWTAUTH_MAX_KEYS. */
static void cv_pem_events(void)
{
	jwtauth_error e;
	uint8_t der[1200];
	size_t n, i;
	int st;
	static const char bad_char[] =
		"-----BEGIN PUBLIC KEY-----\nMFkw@@@@\n-----END PUBLIC KEY-----\n";
	CHECK_RC(jwtauth_keyset_parse(&fx_ks, bad_char, sizeof bad_char - 1, &e), JWTAUTH_ERR_KEY_PEM);
	CHECK(TL_MSG_HAS(e.msg, "PEM decoding error"));
	CHECK_EQ(fx_ks.count, 0);
	/* a private key, small (kept whole) and large (outgrows the buffer):
	   the same reason either way */
	memset(der, 0x11, sizeof der);
	CHECK_RC(cv_pem_refused("PRIVATE KEY", der, 100), JWTAUTH_ERR_KEY_PRIVATE);
	CHECK_RC(cv_pem_refused("PRIVATE KEY", der, sizeof der), JWTAUTH_ERR_KEY_PRIVATE);
	CHECK_RC(cv_pem_refused("RSA PRIVATE KEY", der, sizeof der), JWTAUTH_ERR_KEY_PRIVATE);
	{
		size_t len;
		char *doc = fx_read("keys/rsa4096.key.pem", &len);
		if (!doc) CHECKF(0, "missing tests/fixtures/keys/rsa4096.key.pem");
		st = jwtauth_keyset_parse(&fx_ks, doc, len, &e);
		free(doc);
		CHECK_RC(st, JWTAUTH_ERR_KEYSET_EMPTY);
		CHECK_RC(fx_ks.keys[0].status, JWTAUTH_ERR_KEY_PRIVATE);
	}
	/* an unknown block, small and large */
	CHECK_RC(cv_pem_refused("OPENSSH KEY", der, 100), JWTAUTH_ERR_KEY_PEM);
	CHECK_RC(cv_pem_refused("OPENSSH KEY", der, sizeof der), JWTAUTH_ERR_KEY_PEM);
	/* JWTAUTH_MAX_KEYS objects load; one more is KEYSET_FULL */
	n = cv_spki(der, cv_oid_ed25519, sizeof cv_oid_ed25519, NULL, 0, 0, cv_ed25519_x, 32);
	cv_doc_len = 0;
	for (i = 0; i < JWTAUTH_MAX_KEYS; i++) cv_pem_add("PUBLIC KEY", der, n);
	CHECK_RC(jwtauth_keyset_parse(&fx_ks, cv_doc, cv_doc_len, &e), JWTAUTH_OK);
	CHECK_EQ(fx_ks.count, JWTAUTH_MAX_KEYS);
	cv_pem_add("PUBLIC KEY", der, n);
	CHECK_RC(jwtauth_keyset_parse(&fx_ks, cv_doc, cv_doc_len, &e), JWTAUTH_ERR_KEYSET_FULL);
	CHECK(TL_MSG_HAS(e.msg, "JWTAUTH_MAX_KEYS"));
	CHECK_EQ(fx_ks.count, 0);
}

/* ---- JWK members */

static int cv_jwk(const char *doc)
{
	jwtauth_error e;
	int rc = jwtauth_keyset_parse(&fx_ks, doc, strlen(doc), &e);
	if (rc != JWTAUTH_OK && rc != JWTAUTH_ERR_KEYSET_EMPTY) return 1000 + rc;
	return fx_ks.count == 1 ? fx_ks.keys[0].status : 2000;
}

#define CV_EC_XY "\"crv\":\"P-256\",\"x\":\"CUYKnuY2IgLcAEfT7iVg_50_aPZxAlSLQBO47qaEUS0\"," \
	"\"y\":\"xeVFinv91TcVdS8k9KoP26_w1wd7kCjStHePBVRUeiA\""

static void cv_jwk_members(void)
{
	char doc[2048], kid[JWTAUTH_MAX_KID_LEN + 2];
	memset(kid, 'k', sizeof kid - 1);
	kid[sizeof kid - 1] = 0;
	CHECK_RC(cv_jwk("{\"kty\":\"EC\"," CV_EC_XY "}"), JWTAUTH_OK);
	/* kid: JWTAUTH_MAX_KID_LEN bytes fit, one more does not; no NUL */
	kid[JWTAUTH_MAX_KID_LEN] = 0;
	snprintf(doc, sizeof doc, "{\"kty\":\"EC\",\"kid\":\"%s\"," CV_EC_XY "}", kid);
	CHECK_RC(cv_jwk(doc), JWTAUTH_OK);
	CHECK_EQ(fx_ks.keys[0].kid_len, JWTAUTH_MAX_KID_LEN);
	kid[JWTAUTH_MAX_KID_LEN] = 'k';
	snprintf(doc, sizeof doc, "{\"kty\":\"EC\",\"kid\":\"%s\"," CV_EC_XY "}", kid);
	CHECK_RC(cv_jwk(doc), JWTAUTH_ERR_KEY_KID);
	CHECK_RC(cv_jwk("{\"kty\":\"EC\",\"kid\":\"a\\u0000b\"," CV_EC_XY "}"), JWTAUTH_ERR_KEY_KID);
	/* use: a long string is "not sig" (the key stays, unfit for
	   verification), a non-string is malformed */
	CHECK_RC(cv_jwk("{\"kty\":\"EC\",\"use\":\"signature-and-more\"," CV_EC_XY "}"), JWTAUTH_OK);
	CHECK_EQ(fx_ks.keys[0].use, JWTAUTH_USE_OTHER);
	CHECK_RC(cv_jwk("{\"kty\":\"EC\",\"use\":[\"sig\"]," CV_EC_XY "}"), JWTAUTH_ERR_KEY_USE);
	/* key_ops members must be strings */
	CHECK_RC(cv_jwk("{\"kty\":\"EC\",\"key_ops\":[\"verify\",1]," CV_EC_XY "}"), JWTAUTH_ERR_KEY_USE);
	CHECK_RC(cv_jwk("{\"kty\":\"EC\",\"key_ops\":[null]," CV_EC_XY "}"), JWTAUTH_ERR_KEY_USE);
	/* crv absent or not a string */
	CHECK_RC(cv_jwk("{\"kty\":\"EC\",\"x\":\"AA\",\"y\":\"AA\"}"), JWTAUTH_ERR_KEY_CRV);
	CHECK_RC(cv_jwk("{\"kty\":\"EC\",\"crv\":256,\"x\":\"AA\",\"y\":\"AA\"}"), JWTAUTH_ERR_KEY_CRV);
	CHECK_RC(cv_jwk("{\"kty\":\"OKP\",\"crv\":true,\"x\":\"AA\"}"), JWTAUTH_ERR_KEY_CRV);
	/* x and y of the wrong type or too long for the curve (base64url and
	   the tolerated standard alphabet) */
	CHECK_RC(cv_jwk("{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":1,"
		"\"y\":\"xeVFinv91TcVdS8k9KoP26_w1wd7kCjStHePBVRUeiA\"}"), JWTAUTH_ERR_KEY_MEMBER);
	CHECK_RC(cv_jwk("{\"kty\":\"EC\",\"crv\":\"P-256\","
		"\"x\":\"CUYKnuY2IgLcAEfT7iVg_50_aPZxAlSLQBO47qaEUS0\",\"y\":{}}"), JWTAUTH_ERR_KEY_MEMBER);
	CHECK_RC(cv_jwk("{\"kty\":\"EC\",\"crv\":\"P-256\","
		"\"x\":\"CUYKnuY2IgLcAEfT7iVg+50+aPZxAlSLQBO47qaEUS0CUYKnuY2IgLcAEfT7iVg+50+aPZxAlSLQBO47qaEUS0=\","
		"\"y\":\"xeVFinv91TcVdS8k9KoP26_w1wd7kCjStHePBVRUeiA\"}"), JWTAUTH_ERR_KEY_EC_POINT);
	/* RSA e: not a string, longer than any exponent */
	CHECK_RC(cv_jwk("{\"kty\":\"RSA\",\"n\":\"AQAB\",\"e\":65537}"), JWTAUTH_ERR_KEY_MEMBER);
	snprintf(doc, sizeof doc, "{\"kty\":\"RSA\",\"n\":\"%s\",\"e\":\"%s\"}", "AQAB",
		"AQABAQABAQABAQABAQABAQABAQAB");
	CHECK_RC(cv_jwk(doc), JWTAUTH_ERR_KEY_RSA_EXPONENT);
	/* oct k longer than JWTAUTH_MAX_HMAC_KEY_LEN */
	{
		char k[JWTAUTH_MAX_HMAC_KEY_LEN * 2 + 8];
		memset(k, 'A', sizeof k - 1);
		k[sizeof k - 1] = 0;
		snprintf(doc, sizeof doc, "{\"kty\":\"oct\",\"k\":\"%s\"}", k);
		CHECK_RC(cv_jwk(doc), JWTAUTH_ERR_KEY_OCT_SIZE);
	}
}

/* The key document: NULL, over JWTAUTH_MAX_JWKS_LEN, leading whitespace. */
static void cv_keyset_document(void)
{
	jwtauth_error e;
	char *big;
	static const char ws_jwk[] = " \t\r\n{\"kty\":\"EC\"," CV_EC_XY "}";
	CHECK_RC(jwtauth_keyset_parse(NULL, "{}", 2, &e), JWTAUTH_ERR_ARGUMENT);
	CHECK_RC(jwtauth_keyset_parse(&fx_ks, NULL, 2, &e), JWTAUTH_ERR_ARGUMENT);
	CHECK(TL_MSG_HAS(e.msg, "NULL argument"));
	CHECK_RC(jwtauth_keyset_parse(&fx_ks, ws_jwk, sizeof ws_jwk - 1, &e), JWTAUTH_OK);
	CHECK_EQ(fx_ks.count, 1);
	/* blank lines before PEM too; an indented BEGIN line is no PEM
	   boundary (RFC 7468: it starts a line) */
	{
		size_t len;
		char *doc = fx_read("keys/ec256.spki.pem", &len), *ws;
		int rc1, rc2;
		if (!doc) CHECKF(0, "missing tests/fixtures/keys/ec256.spki.pem");
		ws = (char *)malloc(len + 3);
		if (!ws) { free(doc); CHECKF(0, "out of memory"); }
		memcpy(ws, "\n\r\n", 3);
		memcpy(ws + 3, doc, len);
		rc1 = jwtauth_keyset_parse(&fx_ks, ws, len + 3, &e);
		memcpy(ws, "\n  ", 3);
		rc2 = jwtauth_keyset_parse(&fx_ks, ws, len + 3, &e);
		free(ws);
		free(doc);
		CHECK_RC(rc1, JWTAUTH_OK);
		CHECK_RC(rc2, JWTAUTH_ERR_KEY_PEM);
		CHECK(TL_MSG_HAS(e.msg, "no PEM object found"));
	}
	big = (char *)malloc(JWTAUTH_MAX_JWKS_LEN + 1);
	if (!big) CHECKF(0, "out of memory");
	memset(big, ' ', JWTAUTH_MAX_JWKS_LEN + 1);
	big[0] = '{'; big[JWTAUTH_MAX_JWKS_LEN] = '}';
	{
		int rc = jwtauth_keyset_parse(&fx_ks, big, JWTAUTH_MAX_JWKS_LEN + 1, &e);
		free(big);
		CHECK_RC(rc, JWTAUTH_ERR_TOO_LARGE);
	}
	CHECK_EQ(e.offset, JWTAUTH_MAX_JWKS_LEN);
	CHECK(TL_MSG_HAS(e.msg, "JWTAUTH_MAX_JWKS_LEN"));
}

/* jwtauth_keyset_add_*: NULL material, a kid over the limit, a full set,
   an empty and an oversized modulus. */
static void cv_keyset_add(void)
{
	static const uint8_t k32[32] = { 1, 2, 3 };
	static const uint8_t e3[1] = { 3 };
	static uint8_t nbig[JWTAUTH_MAX_RSA_BITS / 8 + 16], nzero[4];
	char kid[JWTAUTH_MAX_KID_LEN + 1];
	size_t i;
	memset(kid, 'k', sizeof kid);
	jwtauth_keyset_init(&fx_ks);
	CHECK_RC(jwtauth_keyset_add_oct(&fx_ks, NULL, 32, JWTAUTH_ALG_UNKNOWN, NULL, 0), JWTAUTH_ERR_ARGUMENT);
	CHECK_RC(jwtauth_keyset_add_oct(NULL, k32, 32, JWTAUTH_ALG_UNKNOWN, NULL, 0), JWTAUTH_ERR_ARGUMENT);
	CHECK_RC(jwtauth_keyset_add_ec(&fx_ks, BR_EC_secp256r1, NULL, 65, JWTAUTH_ALG_UNKNOWN, NULL, 0), JWTAUTH_ERR_ARGUMENT);
	CHECK_RC(jwtauth_keyset_add_rsa(&fx_ks, NULL, 256, e3, 1, JWTAUTH_ALG_UNKNOWN, NULL, 0), JWTAUTH_ERR_ARGUMENT);
	CHECK_RC(jwtauth_keyset_add_rsa(&fx_ks, nbig, 256, NULL, 1, JWTAUTH_ALG_UNKNOWN, NULL, 0), JWTAUTH_ERR_ARGUMENT);
	CHECK_EQ(fx_ks.count, 0);
	/* kid: JWTAUTH_MAX_KID_LEN bytes, then one more */
	CHECK_RC(jwtauth_keyset_add_oct(&fx_ks, k32, 32, JWTAUTH_ALG_UNKNOWN, kid, JWTAUTH_MAX_KID_LEN), JWTAUTH_OK);
	CHECK_RC(jwtauth_keyset_add_oct(&fx_ks, k32, 32, JWTAUTH_ALG_UNKNOWN, kid, JWTAUTH_MAX_KID_LEN + 1), JWTAUTH_ERR_KEY_KID);
	CHECK_RC(jwtauth_keyset_add_oct(&fx_ks, k32, 32, JWTAUTH_ALG_UNKNOWN, "a\0b", 3), JWTAUTH_ERR_KEY_KID);
	CHECK_EQ(fx_ks.count, 1);
	for (i = 1; i < JWTAUTH_MAX_KEYS; i++)
		CHECK_RC(jwtauth_keyset_add_oct(&fx_ks, k32, 32, JWTAUTH_ALG_UNKNOWN, NULL, 0), JWTAUTH_OK);
	CHECK_RC(jwtauth_keyset_add_oct(&fx_ks, k32, 32, JWTAUTH_ALG_UNKNOWN, NULL, 0), JWTAUTH_ERR_KEYSET_FULL);
	CHECK_EQ(fx_ks.count, JWTAUTH_MAX_KEYS);
	/* RSA: a modulus of zero bytes only, and one over the buffer */
	jwtauth_keyset_init(&fx_ks);
	CHECK_RC(jwtauth_keyset_add_rsa(&fx_ks, nzero, sizeof nzero, e3, 1, JWTAUTH_ALG_UNKNOWN, NULL, 0), JWTAUTH_ERR_KEY_MEMBER);
	memset(nbig, 0xff, sizeof nbig);
	CHECK_RC(jwtauth_keyset_add_rsa(&fx_ks, nbig, sizeof nbig, e3, 1, JWTAUTH_ALG_UNKNOWN, NULL, 0), JWTAUTH_ERR_KEY_RSA_SIZE);
	CHECK_EQ(fx_ks.count, 0);
	/* the void functions ignore NULL */
	jwtauth_keyset_init(NULL);
	jwtauth_keyset_wipe(NULL);
	jwtauth_keyset_set_engines(NULL, NULL);
	jwtauth_engines_bearssl(NULL);
}

/* RFC 7638 thumbprints of the P-384 and P-521 fixture keys, against
   tests/fixtures/coverage/thumbprint.py (python's hashlib). */
static void cv_thumbprint_curves(void)
{
	static const char *const files[2] = { "keys/ec384.pub.jwk.json", "keys/ec521.pub.jwk.json" };
	static const char *const want[2] = {
		"lFIuXPJoLxtgicYzR1XxgtVNTT0erfAKZG1xylykLaw",
		"d-CSjQJdw4MOJ7PW8AOOc4oqgo2Cou5PqoK5JTEU5dc"
	};
	int i;
	for (i = 0; i < 2; i++) {
		jwtauth_error e;
		uint8_t tp[32];
		char b64[64];
		size_t w = 0;
		CHECKF(fx_load(&fx_ks, files[i], &e) == JWTAUTH_OK, "%s", files[i]);
		CHECK_RC(jwtauth_jwk_thumbprint(&fx_ks.keys[0], tp, &e), JWTAUTH_OK);
		CHECK_RC(jwtauth_b64url_encode(tp, 32, b64, sizeof b64, &w), JWTAUTH_OK);
		b64[w] = 0;
		CHECKF(strcmp(b64, want[i]) == 0, "%s: %s, expected %s", files[i], b64, want[i]);
	}
}

/* A modulus of 8k+1 bits: EMSA-PSS's encoded message is one byte shorter
   than the modulus, whose leading byte of s^e must then be zero
   (RFC 8017 8.1.2 step 2c / 9.1.2). n = 2^2049 - 1, e = 3 and
   s = 27 * 2^678, so s^e = 19683 * 2^2034 is below n and its top byte is 1. */
static void cv_pss_leading_byte(void)
{
	static uint8_t n[257], sig[257];
	static const uint8_t e3[1] = { 3 };
	static const uint8_t msg[3] = { 'a', 'b', 'c' };
	memset(n, 0xff, sizeof n);
	n[0] = 0x01;
	memset(sig, 0, sizeof sig);
	sig[256 - 84] = 0xc0;   /* 27 << 678: bits 678..682 */
	sig[256 - 85] = 0x06;
	jwtauth_keyset_init(&fx_ks);
	CHECK_RC(jwtauth_keyset_add_rsa(&fx_ks, n, sizeof n, e3, 1, JWTAUTH_ALG_UNKNOWN, NULL, 0), JWTAUTH_OK);
	CHECK_EQ(fx_ks.keys[0].u.rsa.bits, 2049);
	CHECK_RC(jwtauth_sig_verify(&fx_ks.keys[0], JWTAUTH_ALG_PS256, msg, 3, sig, sizeof sig),
		JWTAUTH_ERR_SIGNATURE);
#ifndef JWTAUTH_RSA_BEARSSL
	/* the raw operation itself: s^3 = 19683 * 2^2034 */
	{
		br_rsa_public_key pk;
		static uint8_t x[257];
		size_t i;
		memcpy(x, sig, sizeof x);
		pk.n = n; pk.nlen = sizeof n;
		pk.e = (unsigned char *)e3; pk.elen = 1;
		CHECK_EQ(jwtauth_rsa_public(x, sizeof x, &pk), 1);
		/* 19683 = 0x4ce3; 2034 = 254 * 8 + 2: 0x4ce3 << 2 = 0x1338c at byte 254 */
		CHECK(x[0] == 0x01 && x[1] == 0x33 && x[2] == 0x8c);
		for (i = 3; i < sizeof x; i++) CHECK_EQ(x[i], 0);
		/* NULL arguments; an empty exponent is x^0 = 1 */
		CHECK_EQ(jwtauth_rsa_public(NULL, sizeof x, &pk), 0);
		CHECK_EQ(jwtauth_rsa_public(x, sizeof x, NULL), 0);
		memcpy(x, sig, sizeof x);
		pk.e = NULL; pk.elen = 0;
		CHECK_EQ(jwtauth_rsa_public(x, sizeof x, &pk), 1);
		for (i = 0; i + 1 < sizeof x; i++) CHECK_EQ(x[i], 0);
		CHECK_EQ(x[sizeof x - 1], 1);
	}
#endif
	/* jwtauth_sig_verify's own checks */
	CHECK_RC(jwtauth_sig_verify(NULL, JWTAUTH_ALG_PS256, msg, 3, sig, sizeof sig), JWTAUTH_ERR_ARGUMENT);
	CHECK_RC(jwtauth_sig_verify(&fx_ks.keys[0], JWTAUTH_ALG_PS256, NULL, 3, sig, sizeof sig),
		JWTAUTH_ERR_ARGUMENT);
	CHECK_RC(jwtauth_sig_verify(&fx_ks.keys[0], JWTAUTH_ALG_PS256, msg, 3, NULL, sizeof sig),
		JWTAUTH_ERR_ARGUMENT);
}

/* jwtauth_ec_muladd and jwtauth_ecdsa_vrfy_raw refuse NULL with a length
   and a scalar wider than the curve. */
static void cv_ec_arguments(void)
{
#ifndef JWTAUTH_EC_BEARSSL
	static const uint8_t g[65] = { 0x04,
		0x6b,0x17,0xd1,0xf2,0xe1,0x2c,0x42,0x47,0xf8,0xbc,0xe6,0xe5,0x63,0xa4,0x40,0xf2,
		0x77,0x03,0x7d,0x81,0x2d,0xeb,0x33,0xa0,0xf4,0xa1,0x39,0x45,0xd8,0x98,0xc2,0x96,
		0x4f,0xe3,0x42,0xe2,0xfe,0x1a,0x7f,0x9b,0x8e,0xe7,0xeb,0x4a,0x7c,0x0f,0x9e,0x16,
		0x2b,0xce,0x33,0x57,0x6b,0x31,0x5e,0xce,0xcb,0xb6,0x40,0x68,0x37,0xbf,0x51,0xf5 };
	uint8_t a[65], wide[33], one[1] = { 1 }, hash[32], sig[64];
	br_ec_public_key pk;
	memset(wide, 0, sizeof wide);
	wide[0] = 1;
	/* 1*G + 0*G = G */
	memcpy(a, g, sizeof a);
	CHECK_EQ(jwtauth_ec_muladd(a, sizeof a, one, 1, NULL, 0, BR_EC_secp256r1), 1);
	CHECK(memcmp(a, g, sizeof a) == 0);
	CHECK_EQ(jwtauth_ec_muladd(a, sizeof a, NULL, 1, one, 1, BR_EC_secp256r1), 0);
	CHECK_EQ(jwtauth_ec_muladd(a, sizeof a, one, 1, NULL, 1, BR_EC_secp256r1), 0);
	memcpy(a, g, sizeof a);
	CHECK_EQ(jwtauth_ec_muladd(a, sizeof a, wide, sizeof wide, one, 1, BR_EC_secp256r1), 0);
	memcpy(a, g, sizeof a);
	CHECK_EQ(jwtauth_ec_muladd(a, sizeof a, one, 1, wide, sizeof wide, BR_EC_secp256r1), 0);
	memset(hash, 1, sizeof hash);
	memset(sig, 1, sizeof sig);
	pk.curve = BR_EC_secp256r1;
	pk.q = (unsigned char *)g;
	pk.qlen = sizeof g;
	CHECK_EQ(jwtauth_ecdsa_vrfy_raw(NULL, NULL, 32, &pk, sig, 64), 0);
	CHECK_EQ(jwtauth_ecdsa_vrfy_raw(NULL, hash, 32, &pk, NULL, 64), 0);
	CHECK_EQ(jwtauth_ecdsa_vrfy_raw(NULL, hash, 32, NULL, sig, 64), 0);
#endif
}

/* ---- claims and error texts (HS256 tokens of t_auth.c's ta_sign) */

static jwtauth_jwt cv_jwt;

static int cv_claims(const char *payload)
{
	jwtauth_verify_options o;
	jwtauth_error e;
	size_t n = ta_sign(payload);
	if (n == 0) return -9999;
	jwtauth_verify_options_init(&o, JWTAUTH_ALGS_HMAC);
	o.flags = JWTAUTH_VERIFY_EXP_OPTIONAL;
	return jwtauth_verify(&ta_keys, &o, NULL, ta_tok, n, 1000, &cv_jwt, NULL, &e);
}

/* Several audiences whose texts together pass JWTAUTH_ERROR_TEXT_MAX:
   the one that crosses it is cut at a character boundary, those after
   it are left out. */
static void cv_error_value_cut(void)
{
	jwtauth_verify_options o;
	jwtauth_error e;
	char payload[1200], a100[101], a126[127];
	size_t i, k, n;
	if (!ta_oct_ready()) CHECKF(0, "fixture jwks/oct.json missing");
	memset(a100, 'a', 100); a100[100] = 0;
	memset(a126, 'a', 126); a126[126] = 0;
	jwtauth_verify_options_init(&o, JWTAUTH_ALGS_HMAC);
	o.flags = JWTAUTH_VERIFY_EXP_OPTIONAL;
	o.claims.audiences[0].p = "db"; o.claims.audiences[0].len = 2;
	o.claims.n_audiences = 1;
	/* ASCII: "a"*100 ", " then 25 of the second */
	snprintf(payload, sizeof payload, "{\"aud\":[\"%s\",\"%s\"]}", a100, a100);
	n = ta_sign(payload);
	CHECK_RC(jwtauth_verify(&ta_keys, &o, NULL, ta_tok, n, 1000, &cv_jwt, NULL, &e),
		JWTAUTH_ERR_AUDIENCE);
	CHECK_EQ(e.value_len, JWTAUTH_ERROR_TEXT_MAX);
	CHECK(e.value[100] == ',' && e.value[101] == ' ' && e.value[102] == 'a');
	CHECK(e.value[JWTAUTH_ERROR_TEXT_MAX] == 0);
	/* two-byte characters: 25 bytes left, so 12 characters (24 bytes) */
	k = (size_t)snprintf(payload, sizeof payload, "{\"aud\":[\"%s\",\"", a100);
	for (i = 0; i < 40; i++) { memcpy(payload + k, "\xc3\xa9", 2); k += 2; }
	snprintf(payload + k, sizeof payload - k, "\"]}");
	n = ta_sign(payload);
	CHECK_RC(jwtauth_verify(&ta_keys, &o, NULL, ta_tok, n, 1000, &cv_jwt, NULL, &e),
		JWTAUTH_ERR_AUDIENCE);
	CHECK_EQ(e.value_len, 102 + 24);
	CHECK(memcmp(e.value + 124, "\xc3\xa9", 2) == 0 && e.value[126] == 0);
	/* the first fills the text: the next ones are not added */
	snprintf(payload, sizeof payload, "{\"aud\":[\"%s\",\"b\",\"c\"]}", a126);
	n = ta_sign(payload);
	CHECK_RC(jwtauth_verify(&ta_keys, &o, NULL, ta_tok, n, 1000, &cv_jwt, NULL, &e),
		JWTAUTH_ERR_AUDIENCE);
	CHECK_EQ(e.value_len, 126);
	CHECK(strcmp(e.value, a126) == 0);
	/* the same refusals without an error struct */
	CHECK_RC(jwtauth_verify(&ta_keys, &o, NULL, ta_tok, n, 1000, &cv_jwt, NULL, NULL),
		JWTAUTH_ERR_AUDIENCE);
	o.claims.n_audiences = 0;
	o.claims.issuers[0].p = "https://a.example"; o.claims.issuers[0].len = 17;
	o.claims.n_issuers = 1;
	n = ta_sign("{\"iss\":\"https://b.example\"}");
	CHECK_RC(jwtauth_verify(&ta_keys, &o, NULL, ta_tok, n, 1000, &cv_jwt, NULL, NULL),
		JWTAUTH_ERR_ISSUER);
	n = ta_sign("{\"exp\":900}");
	CHECK_RC(jwtauth_verify(&ta_keys, &o, NULL, ta_tok, n, 1000, &cv_jwt, NULL, NULL),
		JWTAUTH_ERR_EXPIRED);
	/* a NULL key set */
	CHECK_RC(jwtauth_verify(NULL, &o, NULL, ta_tok, n, 1000, &cv_jwt, NULL, &e), JWTAUTH_ERR_ARGUMENT);
}

/* JSON Pointer segments longer than a claim name can be; integers at the
   edges of int64; NULL outputs of the typed getters. */
static void cv_claim_getters(void)
{
	jwtauth_error e;
	char path[JWTAUTH_MAX_CLAIM_NAME_LEN + 8], s[8];
	int64_t v = 1;
	int b = 0, found = 5;
	if (!ta_oct_ready()) CHECKF(0, "fixture jwks/oct.json missing");
	CHECK_RC(cv_claims("{\"n\":-9223372036854775808,\"z\":-0,\"big\":-9223372036854775809,"
		"\"pos\":9223372036854775807,\"over\":9223372036854775808,"
		"\"s\":\"\",\"arr\":[\"x\",\"\"],\"t\":true}"), JWTAUTH_OK);
	CHECK_RC(jwtauth_claim_int64(&cv_jwt, "n", 1, &v, &e), JWTAUTH_OK);
	CHECK(v == INT64_MIN);
	CHECK_RC(jwtauth_claim_int64(&cv_jwt, "z", 1, &v, &e), JWTAUTH_OK);
	CHECK(v == 0);
	CHECK_RC(jwtauth_claim_int64(&cv_jwt, "pos", 3, &v, &e), JWTAUTH_OK);
	CHECK(v == INT64_MAX);
	CHECK_RC(jwtauth_claim_int64(&cv_jwt, "big", 3, &v, &e), JWTAUTH_ERR_CLAIM_RANGE);
	CHECK_RC(jwtauth_claim_int64(&cv_jwt, "over", 4, &v, &e), JWTAUTH_ERR_CLAIM_RANGE);
	/* NULL outputs */
	CHECK_RC(jwtauth_claim_int64(&cv_jwt, "n", 1, NULL, &e), JWTAUTH_ERR_ARGUMENT);
	CHECK_RC(jwtauth_claim_date(&cv_jwt, "n", 1, NULL, &e), JWTAUTH_ERR_ARGUMENT);
	CHECK_RC(jwtauth_claim_bool(&cv_jwt, "t", 1, NULL, &e), JWTAUTH_ERR_ARGUMENT);
	CHECK_RC(jwtauth_claim_bool(&cv_jwt, "t", 1, &b, &e), JWTAUTH_OK);
	CHECK(b == 1);
	CHECK_RC(jwtauth_claim_string(&cv_jwt, NULL, 1, s, sizeof s, NULL, &e), JWTAUTH_ERR_ARGUMENT);
	CHECK_RC(jwtauth_claim_contains(&cv_jwt, "s", 1, "x", 1, NULL, &e), JWTAUTH_ERR_ARGUMENT);
	CHECK_RC(jwtauth_claim_contains(&cv_jwt, "s", 1, NULL, 1, &found, &e), JWTAUTH_ERR_ARGUMENT);
	/* NULL with length 0 is the empty string */
	CHECK_RC(jwtauth_claim_contains(&cv_jwt, "s", 1, NULL, 0, &found, &e), JWTAUTH_OK);
	CHECK_EQ(found, 1);
	found = 5;
	CHECK_RC(jwtauth_claim_contains(&cv_jwt, "arr", 3, NULL, 0, &found, &e), JWTAUTH_OK);
	CHECK_EQ(found, 1);
	/* a pointer segment (with an escape, so it is decoded) longer than
	   any claim name matches nothing */
	path[0] = '/';
	memset(path + 1, 'a', sizeof path - 1);
	path[1] = '~'; path[2] = '0';
	CHECK_EQ(jwtauth_claim_find(&cv_jwt, path, sizeof path), -1);
	CHECK_RC(jwtauth_claim_string(&cv_jwt, path, sizeof path, s, sizeof s, NULL, &e),
		JWTAUTH_ERR_CLAIM_MISSING);
	/* and one that fits still finds its claim */
	CHECK_RC(cv_claims("{\"a~b\":\"ok\"}"), JWTAUTH_OK);
	CHECK(jwtauth_claim_find(&cv_jwt, "/a~0b", 5) >= 0);
	/* jwtauth_jws_decode_unverified without an output */
	CHECK_RC(jwtauth_jws_decode_unverified(ta_tok, strlen(ta_tok), NULL, &e), JWTAUTH_ERR_ARGUMENT);
	CHECK_RC(jwtauth_jws_decode_unverified("a.b", 3, &cv_jwt, &e), JWTAUTH_ERR_TOKEN_FORMAT);
}

/* ---- the rest of the API: lookups, NULL arguments, limits */

static void cv_api_lookups(void)
{
	jwtauth_error e;
	unsigned algs = 0;
	size_t w = 9;
	char out[8];
#ifndef JWTAUTH_NO_ERROR_STRINGS
	CHECK(strcmp(jwtauth_strerror(-12345), "unknown error") == 0);
	CHECK(strcmp(jwtauth_strerror(12345), "unknown error") == 0);
#endif
	CHECK(jwtauth_strerror(-12345) != NULL);
	CHECK(strcmp(jwtauth_error_name(-12345), "UNKNOWN") == 0);
	CHECK_EQ(jwtauth_alg_from_name(NULL, 5), JWTAUTH_ALG_UNKNOWN);
	CHECK(strcmp(jwtauth_alg_name(JWTAUTH_ALG_UNKNOWN), "") == 0);
	CHECK(strcmp(jwtauth_alg_name(JWTAUTH_ALG_COUNT), "") == 0);
	CHECK(strcmp(jwtauth_alg_name((jwtauth_alg)-1), "") == 0);
	CHECK_RC(jwtauth_algs_parse(NULL, 5, &algs, &e), JWTAUTH_ERR_ARGUMENT);
	CHECK_RC(jwtauth_algs_parse("RS256", 5, NULL, &e), JWTAUTH_ERR_ARGUMENT);
	/* an input length whose encoded size would overflow size_t */
	CHECK_RC(jwtauth_b64url_encode((const uint8_t *)"x", (size_t)-1 / 4u * 3u, out, sizeof out, &w),
		JWTAUTH_ERR_TOO_LARGE);
}

static void cv_api_void_nulls(void)
{
	uint64_t hits = 7, misses = 7;
	jwtauth_token_cache tc;
#ifndef JWTAUTH_NO_MALLOC
	jwtauth_cache_stats st;
#endif
	/* cannot fail: NULL is ignored, absent counters read as zero */
	jwtauth_config_init(NULL);
	jwtauth_token_cache_init(NULL, NULL, 0);
	jwtauth_token_cache_set_lock(NULL, NULL, NULL, NULL);
	jwtauth_token_cache_stats(NULL, &hits, &misses);
	CHECK(hits == 0 && misses == 0);
	jwtauth_token_cache_stats(NULL, NULL, NULL);
	jwtauth_token_cache_init(&tc, NULL, 0);
	jwtauth_token_cache_stats(&tc, NULL, NULL);
	jwtauth_verify_options_init(NULL, JWTAUTH_ALGS_ALL);
#ifndef JWTAUTH_NO_MALLOC
	jwtauth_cache_free(NULL);
	jwtauth_cache_get_stats(NULL, NULL);
	memset(&st, 0xff, sizeof st);
	jwtauth_cache_get_stats(NULL, &st);
	CHECK(st.fetches == 0 && st.fetch_failures == 0 && st.refreshes_unknown_kid == 0
		&& st.stale_served == 0 && st.snapshots_live == 0);
#endif
}

static void cv_api_config(void)
{
	static jwtauth_config cfg;
	jwtauth_error e;
	jwtauth_str items[JWTAUTH_MAX_LIST];
	size_t n = 0;
	jwtauth_config_init(&cfg);
	CHECK_RC(jwtauth_config_set_list(NULL, items, &n, "a", 1, &e), JWTAUTH_ERR_ARGUMENT);
	CHECK_RC(jwtauth_config_set_list(&cfg, NULL, &n, "a", 1, &e), JWTAUTH_ERR_ARGUMENT);
	CHECK_RC(jwtauth_config_set_list(&cfg, items, NULL, "a", 1, &e), JWTAUTH_ERR_ARGUMENT);
	CHECK_RC(jwtauth_config_set_list(&cfg, items, &n, NULL, 1, &e), JWTAUTH_ERR_ARGUMENT);
	/* a list of the caller's own is named "list" in the error */
	CHECK_RC(jwtauth_config_set_list(&cfg, items, &n, " , ", 3, &e), JWTAUTH_ERR_CONFIG_VALUE);
	CHECK(e.detail_len == 4 && strcmp(e.detail, "list") == 0);
	CHECK_RC(jwtauth_config_set_list(&cfg, items, &n, "a, b", 4, &e), JWTAUTH_OK);
	CHECK_EQ(n, 2);
	/* an empty properties text, (NULL, 0) as ("", 0) */
	CHECK_RC(jwtauth_config_parse(&cfg, NULL, 0, &e), JWTAUTH_ERR_CONFIG);
	CHECK(TL_MSG_HAS(e.msg, "empty JSON text"));
}

static void cv_api_sources(void)
{
	jwtauth_error e;
	char path[64], big[JWTAUTH_MAX_SOURCE_LEN + 2];
	int is_url = 0;
	memset(big, 'a', sizeof big);
	CHECK_RC(jwtauth_source_resolve("/etc", NULL, 4, path, sizeof path, &is_url, &e), JWTAUTH_ERR_ARGUMENT);
	CHECK_RC(jwtauth_source_resolve("/etc", "k.json", 6, NULL, sizeof path, &is_url, &e), JWTAUTH_ERR_ARGUMENT);
	CHECK_RC(jwtauth_source_resolve("/etc", "k.json", 6, path, sizeof path, NULL, &e), JWTAUTH_ERR_ARGUMENT);
	CHECK_RC(jwtauth_source_resolve("/etc", big, sizeof big, path, sizeof path, &is_url, &e),
		JWTAUTH_ERR_CONFIG_PATH);
	CHECK_EQ(e.offset, JWTAUTH_MAX_SOURCE_LEN);
	/* a URL is copied as is: the buffer must hold it */
	CHECK_RC(jwtauth_source_resolve("/etc", "https://idp.example/jwks", 24, path, 8, &is_url, &e),
		JWTAUTH_ERR_BUFFER_TOO_SMALL);
	CHECK_RC(jwtauth_source_resolve("/etc", "https://idp.example/jwks", 24, path, sizeof path,
		&is_url, &e), JWTAUTH_OK);
	CHECK(is_url == 1 && strcmp(path, "https://idp.example/jwks") == 0);
#ifndef JWTAUTH_NO_STDIO
	{
		char buf[4];
		size_t len = 0;
		CHECK_RC(jwtauth_file_read(NULL, "key file", buf, sizeof buf, &len, &e), JWTAUTH_ERR_ARGUMENT);
		CHECK_RC(jwtauth_file_read("tests/test.c", "key file", NULL, sizeof buf, &len, &e),
			JWTAUTH_ERR_ARGUMENT);
		CHECK_RC(jwtauth_file_read("tests/test.c", "key file", buf, sizeof buf, NULL, &e),
			JWTAUTH_ERR_ARGUMENT);
	}
#endif
}

#ifndef JWTAUTH_NO_MALLOC
static int cv_no_fetch(void *user, const char *url, char *buf, size_t cap, size_t *len,
	int64_t *max_age)
{
	(void)user; (void)url; (void)buf; (void)cap; (void)max_age;
	*len = 0;
	return JWTAUTH_ERR_IO;
}

/* jwtauth_cache_acquire's source name, jwtauth_authenticate_cached
   without a cache, config, output or jwks_url. */
static void cv_api_cache(void)
{
	static jwtauth_config cfg;
	static jwtauth_login login;
	jwtauth_cache_options co;
	jwtauth_cache *c;
	jwtauth_keys_ref ref;
	jwtauth_error e;
	static const char props[] = "{\"principal_field\":\"sub\"}";
	const uint8_t resp[4] = { 'a', '.', 'b', 0 };
	memset(&co, 0, sizeof co);
	co.fetch = cv_no_fetch;
	co.min_ttl = 500;
	co.max_ttl = 100;   /* min_ttl above max_ttl is lowered to it */
	c = jwtauth_cache_new(&co, &e);
	CHECK(c != NULL);
	memset(&ref, 0, sizeof ref);
	CHECK_RC(jwtauth_cache_acquire(c, "", 0, NULL, 0, 1000, &ref, &e), JWTAUTH_ERR_CONFIG_PATH);
	CHECK(TL_MSG_HAS(e.msg, "invalid key source name"));
	CHECK_RC(jwtauth_cache_acquire(c, "a\0b", 3, NULL, 0, 1000, &ref, &e), JWTAUTH_ERR_CONFIG_PATH);
	CHECK(ref.keys == NULL);
	jwtauth_config_init(&cfg);
	CHECK_RC(jwtauth_config_parse(&cfg, props, sizeof props - 1, &e), JWTAUTH_OK);
	CHECK_RC(jwtauth_authenticate_cached(NULL, &cfg, NULL, "tom", 3, resp, 3,
		JWTAUTH_RESPONSE_AUTO, 1000, &login, &e), JWTAUTH_ERR_ARGUMENT);
	CHECK_RC(jwtauth_authenticate_cached(c, NULL, NULL, "tom", 3, resp, 3,
		JWTAUTH_RESPONSE_AUTO, 1000, &login, &e), JWTAUTH_ERR_ARGUMENT);
	CHECK_RC(jwtauth_authenticate_cached(c, &cfg, NULL, "tom", 3, resp, 3,
		JWTAUTH_RESPONSE_AUTO, 1000, NULL, &e), JWTAUTH_ERR_ARGUMENT);
	CHECK_RC(jwtauth_authenticate_cached(c, &cfg, NULL, "tom", 3, resp, 3,
		JWTAUTH_RESPONSE_AUTO, 1000, &login, &e), JWTAUTH_ERR_CONFIG_MISSING);
	CHECK(TL_MSG_HAS(e.msg, "jwks_url"));
	/* with a jwks_url, an auth response that holds no token fails first */
	CHECK_RC(jwtauth_config_set(&cfg, &cfg.jwks_url, "https://idp.example/jwks", 24, &e), JWTAUTH_OK);
	{
		const char *tok = NULL;
		size_t tok_len = 0;
		int want = jwtauth_mysql_auth_token(resp, 0, JWTAUTH_RESPONSE_AUTO, &tok, &tok_len, NULL);
		CHECK(want != JWTAUTH_OK);
		CHECK_RC(jwtauth_authenticate_cached(c, &cfg, NULL, "tom", 3, resp, 0,
			JWTAUTH_RESPONSE_AUTO, 1000, &login, &e), want);
	}
	jwtauth_cache_free(c);
}
#endif

/* ---- JWS edges (HS256 with the fixture secret oct32, any header) */

static char cv_tok[JWTAUTH_MAX_TOKEN_LEN + 1];

static size_t cv_sign(const char *hdr, const char *payload)
{
	return ta_sign_into(cv_tok, sizeof cv_tok, hdr, payload);
}

static void cv_jws_edges(void)
{
	jwtauth_verify_options o;
	jwtauth_error e;
	jwtauth_token_cache tc;
	static jwtauth_token_cache_entry ent[2];
	static char hdr[1200];
	size_t n, k, i;
	if (!ta_oct_ready()) CHECKF(0, "fixture jwks/oct.json missing");
	jwtauth_verify_options_init(&o, JWTAUTH_ALGS_ALL);
	o.flags = JWTAUTH_VERIFY_EXP_OPTIONAL;
	n = cv_sign("{\"alg\":\"HS256\",\"kid\":\"oct32\"}", "{}");
	CHECK_RC(jwtauth_verify(&ta_keys, &o, NULL, cv_tok, n, 1000, &cv_jwt, NULL, &e), JWTAUTH_OK);
	/* four letters that are not "none" in any case */
	n = cv_sign("{\"alg\":\"nope\",\"kid\":\"oct32\"}", "{}");
	CHECK_RC(jwtauth_verify(&ta_keys, &o, NULL, cv_tok, n, 1000, &cv_jwt, NULL, &e),
		JWTAUTH_ERR_ALG_UNKNOWN);
	n = cv_sign("{\"alg\":\"NoNe\",\"kid\":\"oct32\"}", "{}");
	CHECK_RC(jwtauth_verify(&ta_keys, &o, NULL, cv_tok, n, 1000, &cv_jwt, NULL, &e),
		JWTAUTH_ERR_ALG_NONE);
	/* a header that takes every JSON token slot: signed and verified, but
	   its payload has no slot left */
	k = (size_t)sprintf(hdr, "{\"alg\":\"HS256\",\"kid\":\"oct32\",\"x\":[0");
	for (i = 1; i < JWTAUTH_MAX_JSON_TOKENS - 7; i++) k += (size_t)sprintf(hdr + k, ",0");
	sprintf(hdr + k, "]}");
	n = cv_sign(hdr, "{}");
	CHECK(n > 0);
	CHECK_RC(jwtauth_jws_verify_signature_only(&ta_keys, cv_tok, n, JWTAUTH_ALGS_ALL, &cv_jwt, &e),
		JWTAUTH_OK);
	CHECK_EQ(cv_jwt.header_ntoks, JWTAUTH_MAX_JSON_TOKENS);
	CHECK_RC(jwtauth_verify(&ta_keys, &o, NULL, cv_tok, n, 1000, &cv_jwt, NULL, &e),
		JWTAUTH_ERR_CLAIMS);
	CHECK(TL_MSG_HAS(e.msg, "no JSON token slot"));
	/* jwtauth_claims_check on an output whose payload is NULL */
	n = cv_sign("{\"alg\":\"HS256\",\"kid\":\"oct32\"}", "{}");
	CHECK_RC(jwtauth_jws_verify_signature_only(&ta_keys, cv_tok, n, JWTAUTH_ALGS_ALL, &cv_jwt, &e),
		JWTAUTH_OK);
	cv_jwt.payload = NULL;
	CHECK_RC(jwtauth_claims_check(&cv_jwt, NULL, 1000, NULL, &e), JWTAUTH_ERR_ARGUMENT);
	CHECK_RC(jwtauth_claims_check(NULL, NULL, 1000, NULL, &e), JWTAUTH_ERR_ARGUMENT);
	/* payload tokens that do not follow the header's */
	CHECK_RC(jwtauth_verify(&ta_keys, &o, NULL, cv_tok, n, 1000, &cv_jwt, NULL, &e), JWTAUTH_OK);
	CHECK(cv_jwt.payload_ntoks > 0);
	cv_jwt.payload_tok++;
	CHECK_RC(jwtauth_claims_check(&cv_jwt, NULL, 1000, NULL, &e), JWTAUTH_ERR_ARGUMENT);
	CHECK(TL_MSG_HAS(e.msg, "inconsistent token counts"));
	/* jwtauth_jws_decode_unverified: a bad payload part */
	CHECK_RC(jwtauth_jws_decode_unverified("eyJhbGciOiJIUzI1NiJ9.!!!!.AA", 28, &cv_jwt, &e),
		JWTAUTH_ERR_B64_CHAR);
	/* a NULL key set with a verified-token cache */
	jwtauth_token_cache_init(&tc, ent, 2);
	CHECK_RC(jwtauth_verify(NULL, &o, &tc, cv_tok, n, 1000, &cv_jwt, NULL, &e), JWTAUTH_ERR_ARGUMENT);
	/* a signature key refused at load under the token's kid makes the kid
	   ambiguous (key_ops naming verify); one only for signing does not */
	CHECK_RC(keys_parse_str("{\"keys\":[{\"kty\":\"oct\",\"kid\":\"oct32\","
		"\"k\":\"YqXnCI1RMceIBTsroWHjYL7e6FdkLV9cN6183-u3Rp8\"},"
		"{\"kty\":\"oct\",\"kid\":\"oct32\",\"k\":\"AAAA\",\"key_ops\":[\"verify\"]}]}", &e), JWTAUTH_OK);
	CHECK_RC(fx_ks.keys[1].status, JWTAUTH_ERR_KEY_OCT_SIZE);
	CHECK_RC(jwtauth_jws_verify_signature_only(&fx_ks, cv_tok, n, JWTAUTH_ALGS_ALL, &cv_jwt, &e),
		JWTAUTH_ERR_KID_AMBIGUOUS);
	CHECK_RC(keys_parse_str("{\"keys\":[{\"kty\":\"oct\",\"kid\":\"oct32\","
		"\"k\":\"YqXnCI1RMceIBTsroWHjYL7e6FdkLV9cN6183-u3Rp8\"},"
		"{\"kty\":\"oct\",\"kid\":\"oct32\",\"k\":\"AAAA\",\"key_ops\":[\"sign\"]}]}", &e), JWTAUTH_OK);
	CHECK_RC(jwtauth_jws_verify_signature_only(&fx_ks, cv_tok, n, JWTAUTH_ALGS_ALL, &cv_jwt, &e),
		JWTAUTH_OK);
}

/* An RSA key whose Montgomery constants are missing (a key struct filled
   by another build) is verified on the fly, with the same verdicts; a
   signature equal to the modulus is refused. */
static void cv_rsa_unprepared(void)
{
#ifndef JWTAUTH_RSA_BEARSSL
	jwtauth_error e;
	size_t n, i;
	char *tok = fx_read("tokens/rs256.jwt", &n);
	if (!tok) CHECKF(0, "missing tests/fixtures/tokens/rs256.jwt");
	i = (size_t)fx_load(&fx_ks, "jwks/public.json", &e);
	if (i != JWTAUTH_OK) { free(tok); CHECKF(0, "jwks/public.json: %s", jwtauth_error_name((int)i)); }
	for (i = 0; i < fx_ks.count; i++)
		if (fx_ks.keys[i].kty == JWTAUTH_KTY_RSA) fx_ks.keys[i].u.rsa.mont.len = 0;
	i = (size_t)jwtauth_jws_verify_signature_only(&fx_ks, tok, n, JWTAUTH_ALGS_ALL, &fx_jwt, &e);
	tok[n - 3] = tok[n - 3] == 'A' ? 'B' : 'A';
	e.code = jwtauth_jws_verify_signature_only(&fx_ks, tok, n, JWTAUTH_ALGS_ALL, &fx_jwt, &e);
	free(tok);
	CHECK_RC((int)i, JWTAUTH_OK);
	CHECK_RC(e.code, JWTAUTH_ERR_SIGNATURE);
	{
		const jwtauth_key *k = keys_find(&fx_ks, "rsa2048a");
		br_rsa_public_key pk;
		static uint8_t x[512];
		CHECK(k != NULL);
		pk.n = (unsigned char *)k->u.rsa.n; pk.nlen = k->u.rsa.n_len;
		pk.e = (unsigned char *)k->u.rsa.e; pk.elen = k->u.rsa.e_len;
		memcpy(x, k->u.rsa.n, k->u.rsa.n_len);
		CHECK_EQ(jwtauth_rsa_public(x, k->u.rsa.n_len, &pk), 0);
		for (i = 0; i < k->u.rsa.n_len; i++) CHECK_EQ(x[i], 0);
	}
#endif
}

/* An EC key given engines by hand (not by jwtauth_keyset_set_engines)
   without the curve engine a plugged verifier needs is unfit, not a crash. */
static void cv_ec_hand_engines(void)
{
	static jwtauth_key k;
	static jwtauth_engines eng;
	jwtauth_error e;
	uint8_t sig[64];
	CHECK_RC(fx_load(&fx_ks, "jwks/ec.json", &e), JWTAUTH_OK);
	CHECK(keys_find(&fx_ks, "ec256") != NULL);
	k = *keys_find(&fx_ks, "ec256");
	memset(&eng, 0, sizeof eng);
	eng.ecdsa_vrfy = br_ecdsa_i31_vrfy_raw;
	k.engines = &eng;
	k.u.ec.impl = NULL;
	memset(sig, 1, sizeof sig);
	CHECK_RC(jwtauth_sig_verify(&k, JWTAUTH_ALG_ES256, (const uint8_t *)"abc", 3, sig, sizeof sig),
		JWTAUTH_ERR_KEY_UNFIT);
	/* set properly, the same key refuses the bad signature as such */
	jwtauth_keyset_set_engines(&fx_ks, &eng);
	CHECK_RC(jwtauth_sig_verify(keys_find(&fx_ks, "ec256"), JWTAUTH_ALG_ES256,
		(const uint8_t *)"abc", 3, sig, sizeof sig), JWTAUTH_ERR_SIGNATURE);
	jwtauth_keyset_set_engines(&fx_ks, NULL);
}

static const test_case t_coverage_tests[] = {
	{ "cv_der_lengths", cv_der_lengths },
	{ "cv_der_spki", cv_der_spki },
	{ "cv_der_cert", cv_der_cert },
	{ "cv_pem_events", cv_pem_events },
	{ "cv_jwk_members", cv_jwk_members },
	{ "cv_keyset_document", cv_keyset_document },
	{ "cv_keyset_add", cv_keyset_add },
	{ "cv_thumbprint_curves", cv_thumbprint_curves },
	{ "cv_pss_leading_byte", cv_pss_leading_byte },
	{ "cv_ec_arguments", cv_ec_arguments },
	{ "cv_error_value_cut", cv_error_value_cut },
	{ "cv_claim_getters", cv_claim_getters },
	{ "cv_api_lookups", cv_api_lookups },
	{ "cv_api_void_nulls", cv_api_void_nulls },
	{ "cv_api_config", cv_api_config },
	{ "cv_api_sources", cv_api_sources },
#ifndef JWTAUTH_NO_MALLOC
	{ "cv_api_cache", cv_api_cache },
#endif
	{ "cv_jws_edges", cv_jws_edges },
	{ "cv_rsa_unprepared", cv_rsa_unprepared },
	{ "cv_ec_hand_engines", cv_ec_hand_engines },
	{ NULL, NULL }
};
