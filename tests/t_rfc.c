/* t_rfc.c - RFC example conformance: RFC 7515 Appendix A, the RFC 7520 JOSE
   cookbook (JWS 4.1-4.5, RFC 7797 b64:false, RFC 8037 EdDSA), and real
   JWKS documents / tokens published by identity providers. The data is
   read in place from tests/data and parsed with the library's own
   JSON parser. See README.md, "Conformance". */

#include <stdarg.h>

typedef struct rfc_doc {
	char *js;
	size_t len;
	jwtauth_json_tok *t;
	size_t n;
} rfc_doc;

/* Read and parse <data>/<rel> (a missing file is JWTAUTH_ERR_IO). JWTAUTH_OK, JWTAUTH_ERR_IO or the parse
   error (err says where). */
static int rfc_doc_load(rfc_doc *d, const char *rel, jwtauth_error *err)
{
	char path[1024];
	size_t cap;
	memset(d, 0, sizeof *d);
	memset(err, 0, sizeof *err);
	snprintf(path, sizeof path, "%s/%s", tl_data_dir(), rel);
	d->js = tl_read_file(path, &d->len);
	if (!d->js) return JWTAUTH_ERR_IO;
	cap = d->len / 2 + 16;
	d->t = (jwtauth_json_tok *)malloc(cap * sizeof *d->t);
	if (!d->t) return JWTAUTH_ERR_TOO_LARGE;
	return jwtauth_json_parse(d->js, d->len, d->t, cap, 0, &d->n, err);
}

static void rfc_doc_free(rfc_doc *d)
{
	free(d->js);
	free(d->t);
	memset(d, 0, sizeof *d);
}

static long rfc_get(const rfc_doc *d, long obj, const char *name)
{
	if (obj < 0 || (size_t)obj >= d->n || d->t[obj].type != JWTAUTH_JSON_OBJECT)
		return -1;
	return jwtauth_json_get(d->js, d->t, d->n, (size_t)obj, name, strlen(name));
}

static int rfc_is(const rfc_doc *d, long i, const char *s)
{
	return i >= 0 && d->t[i].type == JWTAUTH_JSON_STRING
		&& jwtauth_json_str_eq(d->js, &d->t[i], s, strlen(s));
}

/* Unescaped, NUL-terminated, malloc'ed copy of string token i (NULL when
   i is not a string). */
static char *rfc_str(const rfc_doc *d, long i, size_t *len)
{
	size_t n = 0;
	char *s;
	if (i < 0 || d->t[i].type != JWTAUTH_JSON_STRING) return NULL;
	if (jwtauth_json_str_copy(d->js, &d->t[i], NULL, 0, &n) != JWTAUTH_OK) return NULL;
	s = (char *)malloc(n + 1);
	if (!s) return NULL;
	if (jwtauth_json_str_copy(d->js, &d->t[i], s, n + 1, &n) != JWTAUTH_OK) {
		free(s);
		return NULL;
	}
	s[n] = 0;
	if (len) *len = n;
	return s;
}

/* base64url string token -> malloc'ed bytes (library decoder). */
static uint8_t *rfc_b64(const rfc_doc *d, long i, size_t *len)
{
	size_t n = 0;
	char *s = rfc_str(d, i, &n);
	uint8_t *out;
	if (!s) return NULL;
	out = (uint8_t *)malloc(JWTAUTH_B64URL_DECODED_MAX(n) + 1);
	if (!out || jwtauth_b64url_decode(s, n, out, JWTAUTH_B64URL_DECODED_MAX(n),
			len, NULL) != JWTAUTH_OK) {
		free(out);
		out = NULL;
	}
	free(s);
	return out;
}

/* Failure log: the tests run every case, then fail with the collected
   reasons (so that all outcomes are printed and everything is freed). */
typedef struct rfc_log {
	int fails;
	char why[512];
} rfc_log;

static void rfc_fail(rfc_log *l, const char *fmt, ...)
{
	va_list ap;
	size_t u = strlen(l->why);
	l->fails++;
	printf("    FAIL: ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (u + 4 < sizeof l->why) {
		if (u) { l->why[u++] = ';'; l->why[u++] = ' '; l->why[u] = 0; }
		va_start(ap, fmt);
		vsnprintf(l->why + u, sizeof l->why - u, fmt, ap);
		va_end(ap);
	}
}

static const char *rfc_rcname(int rc) { return jwtauth_error_name(rc); }

/* Load a key member (object) of a document as a key document. */
static int rfc_parse_member(jwtauth_keyset *ks, const rfc_doc *d, long key, jwtauth_error *err)
{
	int rc;
	if (key < 0 || d->t[key].type != JWTAUTH_JSON_OBJECT) return JWTAUTH_ERR_ARGUMENT;
	rc = jwtauth_keyset_parse(ks, d->js + d->t[key].start, d->t[key].len, err);
	jwtauth_keyset_set_engines(ks, fx_engines);
	return rc;
}

/* ------------------------------------------------- RFC 7515 Appendix A */

static void rfc_test_7515(void)
{
	static const char *const files[4] = {
		"rfc7515/a1_hs256.json", "rfc7515/a2_rs256.json",
		"rfc7515/a3_es256.json", "rfc7515/a4_es512.json"
	};
	jwtauth_keyset *ks_a1, *ks;
	jwtauth_jwt *jwt;
	rfc_log log;
	int i, ok_count = 0;
	memset(&log, 0, sizeof log);
	ks_a1 = (jwtauth_keyset *)malloc(sizeof *ks_a1);
	ks = (jwtauth_keyset *)malloc(sizeof *ks);
	jwt = (jwtauth_jwt *)malloc(sizeof *jwt);
	if (!ks_a1 || !ks || !jwt) { free(ks_a1); free(ks); free(jwt); CHECKF(0, "out of memory"); }
	jwtauth_keyset_init(ks_a1);
	jwtauth_keyset_init(ks);
	for (i = 0; i < 4; i++) {
		rfc_doc d;
		jwtauth_error err;
		jwtauth_keyset *k = i == 0 ? ks_a1 : ks;
		int rc = rfc_doc_load(&d, files[i], &err), rck = -1, rcv = -1;
		char *tok = NULL, *payload = NULL, *alg = NULL;
		size_t tl = 0, pl = 0, al = 0;
		long key;
		if (rc != JWTAUTH_OK) {
			rfc_fail(&log, "%s does not parse: %s at %lu", files[i], rfc_rcname(rc),
				(unsigned long)err.offset);
			rfc_doc_free(&d);
			continue;
		}
		key = rfc_get(&d, 0, "public_jwk");
		if (key < 0) key = rfc_get(&d, 0, "jwk");   /* A.1: the oct key */
		rck = rfc_parse_member(k, &d, key, &err);
		tok = rfc_str(&d, rfc_get(&d, 0, "token"), &tl);
		payload = rfc_str(&d, rfc_get(&d, 0, "payload"), &pl);
		alg = rfc_str(&d, rfc_get(&d, 0, "alg"), &al);
		if (!tok || !payload || !alg) {
			rfc_fail(&log, "A.%d: token/payload/alg member missing", i + 1);
		} else {
			if (rck == JWTAUTH_OK) rcv = jwtauth_jws_verify_signature_only(k, tok, tl, JWTAUTH_ALGS_ALL, jwt, &err);
			printf("  A.%d %s: key %s, verify %s\n", i + 1, alg, rfc_rcname(rck),
				rck == JWTAUTH_OK ? rfc_rcname(rcv) : "-");
			if (rck != JWTAUTH_OK) rfc_fail(&log, "A.%d key: %s", i + 1, rfc_rcname(rck));
			else if (rcv != JWTAUTH_OK) rfc_fail(&log, "A.%d verify: %s (%s)", i + 1,
				rfc_rcname(rcv), err.msg ? err.msg : "");
			else if (jwt->payload_len != pl || memcmp(jwt->payload, payload, pl) != 0)
				rfc_fail(&log, "A.%d: payload differs (%lu bytes, expected %lu)", i + 1,
					(unsigned long)jwt->payload_len, (unsigned long)pl);
			else if (jwt->alg != jwtauth_alg_from_name(alg, al))
				rfc_fail(&log, "A.%d: jwt.alg %s", i + 1, jwtauth_alg_name(jwt->alg));
			else ok_count++;
		}
		free(tok);
		free(payload);
		free(alg);
		rfc_doc_free(&d);
	}
	/* A.5: alg none, against A.1's (loaded) key set */
	{
		rfc_doc d;
		jwtauth_error err;
		int rc = rfc_doc_load(&d, "rfc7515/a5_none.json", &err);
		if (rc != JWTAUTH_OK) {
			rfc_fail(&log, "a5_none.json does not parse: %s", rfc_rcname(rc));
		} else {
			size_t tl = 0;
			char *tok = rfc_str(&d, rfc_get(&d, 0, "token"), &tl);
			if (!tok) rfc_fail(&log, "A.5: no token");
			else {
				rc = jwtauth_jws_verify_signature_only(ks_a1, tok, tl, JWTAUTH_ALGS_ALL, jwt, &err);
				printf("  A.5 none: verify %s\n", rfc_rcname(rc));
				if (rc != JWTAUTH_ERR_ALG_NONE)
					rfc_fail(&log, "A.5: %s, expected ALG_NONE", rfc_rcname(rc));
				rc = jwtauth_jws_verify_signature_only(ks_a1, tok, tl, JWTAUTH_ALGS_ALL, jwt, &err);
				if (rc != JWTAUTH_ERR_ALG_NONE)
					rfc_fail(&log, "A.5 (ALGS_ALL): %s, expected ALG_NONE", rfc_rcname(rc));
			}
			free(tok);
		}
		rfc_doc_free(&d);
	}
	jwtauth_keyset_wipe(ks_a1);
	jwtauth_keyset_wipe(ks);
	free(ks_a1);
	free(ks);
	free(jwt);
	CHECKF(log.fails == 0, "%d failures: %s", log.fails, log.why);
	CHECK_EQ(ok_count, 4);
}

/* ------------------------------------------- RFC 7520 JOSE cookbook JWS */

/* Build the public key of a cookbook `input.key` JWK with the raw-key
   builders (the JWK itself holds private members). kid is kept. */
static int rfc_build_key(jwtauth_keyset *ks, const rfc_doc *d, long key)
{
	long kty = rfc_get(d, key, "kty");
	size_t kidl = 0;
	char *kid = rfc_str(d, rfc_get(d, key, "kid"), &kidl);
	int rc = JWTAUTH_ERR_KEY_MEMBER;
	jwtauth_keyset_init(ks);
	if (rfc_is(d, kty, "RSA")) {
		size_t nl = 0, el = 0;
		uint8_t *n = rfc_b64(d, rfc_get(d, key, "n"), &nl);
		uint8_t *e = rfc_b64(d, rfc_get(d, key, "e"), &el);
		if (n && e) rc = jwtauth_keyset_add_rsa(ks, n, nl, e, el, JWTAUTH_ALG_UNKNOWN,
			kid, kid ? kidl : 0);
		free(n);
		free(e);
	} else if (rfc_is(d, kty, "EC")) {
		long crv = rfc_get(d, key, "crv");
		int curve = 0;
		size_t fl = 0, xl = 0, yl = 0;
		uint8_t *x = rfc_b64(d, rfc_get(d, key, "x"), &xl);
		uint8_t *y = rfc_b64(d, rfc_get(d, key, "y"), &yl);
		uint8_t q[1 + 2 * 66];
		if (rfc_is(d, crv, "P-256")) { curve = BR_EC_secp256r1; fl = 32; }
		else if (rfc_is(d, crv, "P-384")) { curve = BR_EC_secp384r1; fl = 48; }
		else if (rfc_is(d, crv, "P-521")) { curve = BR_EC_secp521r1; fl = 66; }
		if (curve && x && y && xl <= fl && yl <= fl) {
			memset(q, 0, sizeof q);
			q[0] = 0x04;
			memcpy(q + 1 + fl - xl, x, xl);
			memcpy(q + 1 + 2 * fl - yl, y, yl);
			rc = jwtauth_keyset_add_ec(ks, curve, q, 1 + 2 * fl, JWTAUTH_ALG_UNKNOWN,
				kid, kid ? kidl : 0);
		} else if (!curve) rc = JWTAUTH_ERR_KEY_CRV;
		free(x);
		free(y);
	} else if (rfc_is(d, kty, "OKP")) {
		size_t xl = 0;
		uint8_t *x = rfc_b64(d, rfc_get(d, key, "x"), &xl);
		if (!rfc_is(d, rfc_get(d, key, "crv"), "Ed25519")) rc = JWTAUTH_ERR_KEY_CRV;
		else if (x) rc = jwtauth_keyset_add_ed25519(ks, x, xl, JWTAUTH_ALG_UNKNOWN,
			kid, kid ? kidl : 0);
		free(x);
	} else if (rfc_is(d, kty, "oct")) {
		size_t kl = 0;
		uint8_t *k = rfc_b64(d, rfc_get(d, key, "k"), &kl);
		if (k) rc = jwtauth_keyset_add_oct(ks, k, kl, JWTAUTH_ALG_UNKNOWN, kid, kid ? kidl : 0);
		if (k) memset(k, 0, kl);
		free(k);
	} else {
		rc = JWTAUTH_ERR_KEY_KTY;
	}
	jwtauth_keyset_set_engines(ks, fx_engines);
	free(kid);
	return rc;
}

static void rfc_test_7520(void)
{
	static const char *const files[5] = {
		"rfc7520/jws/4_1.rsa_v15_signature.json",
		"rfc7520/jws/4_2.rsa-pss_signature.json",
		"rfc7520/jws/4_3.ecdsa_signature.json",
		"rfc7520/jws/4_4.hmac-sha2_integrity_protection.json",
		"rfc7520/jws/4_5.signature_with_detached_content.json"
	};
	jwtauth_keyset *ks;
	jwtauth_jwt *jwt;
	rfc_log log;
	int i, private_refused = 0;
	memset(&log, 0, sizeof log);
	ks = (jwtauth_keyset *)malloc(sizeof *ks);
	jwt = (jwtauth_jwt *)malloc(sizeof *jwt);
	if (!ks || !jwt) { free(ks); free(jwt); CHECKF(0, "out of memory"); }
	for (i = 0; i < 5; i++) {
		rfc_doc d;
		jwtauth_error err;
		int rc = rfc_doc_load(&d, files[i], &err), rck, rcv = -1;
		long input, key, kty;
		char *tok, *payload, *alg;
		size_t tl = 0, pl = 0, al = 0;
		if (rc != JWTAUTH_OK) {
			rfc_fail(&log, "%s does not parse: %s at %lu", files[i], rfc_rcname(rc),
				(unsigned long)err.offset);
			rfc_doc_free(&d);
			continue;
		}
		input = rfc_get(&d, 0, "input");
		key = rfc_get(&d, input, "key");
		kty = rfc_get(&d, key, "kty");
		/* the cookbook JWK carries its private members: refused by policy */
		if (rfc_is(&d, kty, "RSA") || rfc_is(&d, kty, "EC")) {
			jwtauth_keyset_init(ks);
			rc = rfc_parse_member(ks, &d, key, &err);
			if (rc == JWTAUTH_ERR_KEY_PRIVATE
			    || (rc == JWTAUTH_ERR_KEYSET_EMPTY && ks->count == 1
			        && ks->keys[0].status == JWTAUTH_ERR_KEY_PRIVATE))
				private_refused++;
			else
				rfc_fail(&log, "4.%d: private JWK loaded as %s (status %s), expected KEY_PRIVATE",
					i + 1, rfc_rcname(rc), ks->count ? rfc_rcname(ks->keys[0].status) : "-");
			jwtauth_keyset_wipe(ks);
		}
		rck = rfc_build_key(ks, &d, key);
		tok = rfc_str(&d, rfc_get(&d, rfc_get(&d, 0, "output"), "compact"), &tl);
		payload = rfc_str(&d, rfc_get(&d, input, "payload"), &pl);
		alg = rfc_str(&d, rfc_get(&d, input, "alg"), &al);
		if (!tok || !payload || !alg) {
			rfc_fail(&log, "4.%d: output.compact/input.payload/input.alg missing", i + 1);
		} else {
			if (rck == JWTAUTH_OK) rcv = jwtauth_jws_verify_signature_only(ks, tok, tl, JWTAUTH_ALGS_ALL, jwt, &err);
			printf("  4.%d %s: key %s, verify %s%s\n", i + 1, alg, rfc_rcname(rck),
				rck == JWTAUTH_OK ? rfc_rcname(rcv) : "-",
				i == 4 ? " (detached payload: must not verify)" : "");
			if (rck != JWTAUTH_OK) rfc_fail(&log, "4.%d key: %s", i + 1, rfc_rcname(rck));
			else if (i == 4) {
				if (rcv == JWTAUTH_OK) rfc_fail(&log, "4.5 detached content verified as empty payload");
			} else if (rcv != JWTAUTH_OK) {
				rfc_fail(&log, "4.%d verify: %s (%s)", i + 1, rfc_rcname(rcv), err.msg ? err.msg : "");
			} else if (jwt->payload_len != pl || memcmp(jwt->payload, payload, pl) != 0) {
				rfc_fail(&log, "4.%d: payload differs", i + 1);
			} else if (jwt->alg != jwtauth_alg_from_name(alg, al)) {
				rfc_fail(&log, "4.%d: jwt.alg %s", i + 1, jwtauth_alg_name(jwt->alg));
			} else if (!jwt->key || jwt->key != &ks->keys[0]) {
				rfc_fail(&log, "4.%d: jwt.key does not point at the verifying key", i + 1);
			}
		}
		free(tok);
		free(payload);
		free(alg);
		jwtauth_keyset_wipe(ks);
		rfc_doc_free(&d);
	}
	printf("  private cookbook JWKs refused (KEY_PRIVATE): %d of 3; 4.6-4.8: JSON serialization only, n/a\n",
		private_refused);
	free(ks);
	free(jwt);
	CHECKF(log.fails == 0, "%d failures: %s", log.fails, log.why);
	CHECK_EQ(private_refused, 3);
}

/* -------------------- RFC 7797 (b64:false + crit) and RFC 8037 (EdDSA) */

static void rfc_test_unsupported(void)
{
	static const char *const files[2] = {
		"rfc7520/rfc7797/hmac-sha2_b64_false.json",
		"rfc7520/rfc7797/4.2.hmac-sha2_b64_false.json"
	};
	jwtauth_keyset *ks;
	jwtauth_jwt *jwt;
	rfc_log log;
	int i, crit = 0;
	memset(&log, 0, sizeof log);
	ks = (jwtauth_keyset *)malloc(sizeof *ks);
	jwt = (jwtauth_jwt *)malloc(sizeof *jwt);
	if (!ks || !jwt) { free(ks); free(jwt); CHECKF(0, "out of memory"); }
	for (i = 0; i < 2; i++) {
		rfc_doc d;
		jwtauth_error err;
		int rc = rfc_doc_load(&d, files[i], &err), rck;
		long out, flat;
		char *compact, *prot, *payload, *sig;
		size_t cl = 0, prl = 0, pll = 0, sl = 0;
		if (rc != JWTAUTH_OK) {
			rfc_fail(&log, "%s does not parse: %s", files[i], rfc_rcname(rc));
			rfc_doc_free(&d);
			continue;
		}
		rck = rfc_build_key(ks, &d, rfc_get(&d, rfc_get(&d, 0, "input"), "key"));
		if (rck != JWTAUTH_OK) rfc_fail(&log, "7797 %d: oct key %s", i, rfc_rcname(rck));
		out = rfc_get(&d, 0, "output");
		flat = rfc_get(&d, out, "json_flat");
		compact = rfc_str(&d, rfc_get(&d, out, "compact"), &cl);
		prot = rfc_str(&d, rfc_get(&d, flat, "protected"), &prl);
		payload = rfc_str(&d, rfc_get(&d, flat, "payload"), &pll);
		sig = rfc_str(&d, rfc_get(&d, flat, "signature"), &sl);
		if (compact && rck == JWTAUTH_OK) {
			/* the raw compact form: unencoded payload (with spaces) */
			rc = jwtauth_jws_verify_signature_only(ks, compact, cl, JWTAUTH_ALGS_ALL, jwt, &err);
			printf("  RFC 7797 %s compact: %s\n", i ? "4.2" : "compact-compatible", rfc_rcname(rc));
			/* crit is checked before the payload is decoded */
			if (rc == JWTAUTH_ERR_CRIT) crit++;
			else rfc_fail(&log, "7797 compact: %s, expected CRIT", rfc_rcname(rc));
		}
		if (!prot || !payload || !sig) {
			rfc_fail(&log, "7797 %d: output.json_flat incomplete", i);
		} else if (rck == JWTAUTH_OK) {
			/* a well-formed compact token carrying the b64:false header:
			   protected . base64url(payload) . signature -> CRIT */
			size_t cap = prl + JWTAUTH_B64URL_ENCODED_LEN(pll) + sl + 3, el = 0;
			char *t = (char *)malloc(cap);
			if (!t) rfc_fail(&log, "out of memory");
			else {
				memcpy(t, prot, prl);
				t[prl] = '.';
				rc = jwtauth_b64url_encode((const uint8_t *)payload, pll, t + prl + 1,
					cap - prl - 1, &el);
				if (rc != JWTAUTH_OK) rfc_fail(&log, "b64url_encode: %s", rfc_rcname(rc));
				else {
					t[prl + 1 + el] = '.';
					memcpy(t + prl + 2 + el, sig, sl);
					rc = jwtauth_jws_verify_signature_only(ks, t, prl + 2 + el + sl, JWTAUTH_ALGS_ALL, jwt, &err);
					printf("  RFC 7797 %s, re-encoded payload: %s\n",
						i ? "4.2 (b64:false, no crit)" : "b64:false + crit", rfc_rcname(rc));
					if (rc != JWTAUTH_ERR_CRIT)
						rfc_fail(&log, "7797 %s rebuilt: %s, expected CRIT", i ? "4.2" : "compact",
							rfc_rcname(rc));
					else crit++;
				}
				free(t);
			}
		}
		free(compact);
		free(prot);
		free(payload);
		free(sig);
		rfc_doc_free(&d);
	}
	/* EdDSA (RFC 8037): verifies with the cookbook's Ed25519 key (its
	   public part), is refused by the RFC 7797 oct key ks still holds, and
	   by an allowlist without EdDSA */
	{
		rfc_doc d;
		jwtauth_error err;
		int rc = rfc_doc_load(&d, "rfc7520/curve25519/jws.json", &err);
		if (rc != JWTAUTH_OK) rfc_fail(&log, "curve25519/jws.json does not parse: %s", rfc_rcname(rc));
		else {
			size_t tl = 0;
			char *tok = rfc_str(&d, rfc_get(&d, rfc_get(&d, 0, "output"), "compact"), &tl);
			jwtauth_keyset *ks_ed = (jwtauth_keyset *)malloc(sizeof *ks_ed);
			if (!tok || !ks_ed) rfc_fail(&log, "curve25519: no output.compact");
			else {
				rc = jwtauth_jws_verify_signature_only(ks, tok, tl, JWTAUTH_ALGS_ALL, jwt, &err);
				if (rc != JWTAUTH_ERR_NO_KEY)
					rfc_fail(&log, "EdDSA with an oct key: %s, expected NO_KEY", rfc_rcname(rc));
				rc = rfc_build_key(ks_ed, &d, rfc_get(&d, rfc_get(&d, 0, "input"), "key"));
				if (rc != JWTAUTH_OK) rfc_fail(&log, "curve25519 key: %s", rfc_rcname(rc));
				rc = jwtauth_jws_verify_signature_only(ks_ed, tok, tl, JWTAUTH_ALGS_ALL, jwt, &err);
				printf("  RFC 8037 EdDSA compact: %s\n", rfc_rcname(rc));
				if (rc != JWTAUTH_OK || jwt->alg != JWTAUTH_ALG_EDDSA
				    || jwt->payload_len != 26 || memcmp(jwt->payload, "Example of Ed25519 signing", 26) != 0)
					rfc_fail(&log, "EdDSA: %s, expected OK", rfc_rcname(rc));
				rc = jwtauth_jws_verify(ks_ed, tok, tl, JWTAUTH_ALG_BIT(JWTAUTH_ALG_ED25519), jwt, &err);
				if (rc != JWTAUTH_ERR_ALG_NOT_ALLOWED)
					rfc_fail(&log, "EdDSA outside the allowlist: %s", rfc_rcname(rc));
				jwtauth_keyset_wipe(ks_ed);
			}
			free(ks_ed);
			free(tok);
		}
		rfc_doc_free(&d);
	}
	jwtauth_keyset_wipe(ks);
	free(ks);
	free(jwt);
	CHECKF(log.fails == 0, "%d failures: %s", log.fails, log.why);
	CHECK_EQ(crit, 3);
}

/* ----------------------------------------------------- real-world JWKS */

typedef struct rfc_provider {
	const char *file;
	int keys;      /* entries */
	int usable;    /* usable for signature verification */
	int rsa_size;  /* skipped: KEY_RSA_SIZE (RSA-1024) */
	int kty;       /* skipped: KEY_OKP_AGREEMENT (X25519) */
	int member;    /* skipped: KEY_MEMBER (not base64url) */
} rfc_provider;

/* Derived from jwks-real/SOURCES.md and the files: yahoo has 3 RSA-1024
   keys; paypal has 1 OKP X25519 key (key agreement, not signatures: skipped
   with KEY_OKP_AGREEMENT); keycloak's RSA-OAEP use:enc key is
   not for signatures. Everything else is RSA-2048/4096 or P-256.
   battle-net's two `n` are standard base64 ('+', '/', '=' padding), not
   base64url: key documents (never tokens) accept that exact form, so both
   keys load. */
static const rfc_provider rfc_providers[] = {
	{ "apple", 3, 3, 0, 0, 0 },
	{ "auth0", 2, 2, 0, 0, 0 },
	{ "aws-cognito", 2, 2, 0, 0, 0 },
	{ "battle-net", 2, 2, 0, 0, 0 },
	{ "discord", 1, 1, 0, 0, 0 },
	{ "docker", 2, 2, 0, 0, 0 },
	{ "dropbox", 1, 1, 0, 0, 0 },
	{ "facebook", 2, 2, 0, 0, 0 },
	{ "gitlab", 2, 2, 0, 0, 0 },
	{ "google-wellknown", 2, 2, 0, 0, 0 },
	{ "google", 3, 3, 0, 0, 0 },
	{ "keycloak", 2, 1, 0, 0, 0 },
	{ "klarna", 4, 4, 0, 0, 0 },
	{ "lego", 5, 5, 0, 0, 0 },
	{ "microsoft-adfs", 1, 1, 0, 0, 0 },
	{ "microsoft-entra-common", 7, 7, 0, 0, 0 },
	{ "microsoft-entra-tenant", 2, 2, 0, 0, 0 },
	{ "mojeid", 1, 1, 0, 0, 0 },
	{ "okta", 1, 1, 0, 0, 0 },
	{ "paypal", 15, 14, 0, 1, 0 },
	{ "slack", 1, 1, 0, 0, 0 },
	{ "spotify", 3, 3, 0, 0, 0 },
	{ "twitch", 1, 1, 0, 0, 0 },
	{ "verimi", 2, 2, 0, 0, 0 },
	{ "yahoo", 4, 1, 3, 0, 0 }
};

/* A key takes part in signature verification. */
static int rfc_sig_usable(const jwtauth_key *k)
{
	if (k->status != JWTAUTH_OK) return 0;
	if (k->use == JWTAUTH_USE_OTHER) return 0;
	if (k->has_key_ops && !(k->key_ops & JWTAUTH_KEYOP_VERIFY)) return 0;
	return 1;
}

static void rfc_test_jwks_real(void)
{
	jwtauth_keyset *ks;
	rfc_log log;
	size_t p;
	int total_keys = 0, total_usable = 0;
	memset(&log, 0, sizeof log);
	ks = (jwtauth_keyset *)malloc(sizeof *ks);
	if (!ks) CHECKF(0, "out of memory");
	for (p = 0; p < sizeof rfc_providers / sizeof rfc_providers[0]; p++) {
		const rfc_provider *pr = &rfc_providers[p];
		char path[1024], reasons[256];
		size_t len = 0, i;
		char *text;
		jwtauth_error err;
		int rc, usable = 0, n_size = 0, n_kty = 0, n_member = 0, n_enc = 0, n_ok = 0;
		snprintf(path, sizeof path, "%s/jwks-real/%s.json", tl_data_dir(), pr->file);
		text = tl_read_file(path, &len);
		if (!text) { rfc_fail(&log, "%s: unreadable", pr->file); continue; }
		jwtauth_keyset_init(ks);
		rc = jwtauth_keyset_parse(ks, text, len, &err);
		reasons[0] = 0;
		for (i = 0; i < ks->count; i++) {
			const jwtauth_key *k = &ks->keys[i];
			if (k->status == JWTAUTH_OK) n_ok++;
			if (rfc_sig_usable(k)) {
				usable++;
				if (k->kty == JWTAUTH_KTY_RSA) {
					/* stored minimal, whatever leading zeros n had */
					if ((k->u.rsa.bits != 2048 && k->u.rsa.bits != 4096)
					    || k->u.rsa.n_len * 8 != k->u.rsa.bits || !(k->u.rsa.n[0] & 0x80))
						rfc_fail(&log, "%s key %lu: RSA %u bits, n_len %lu", pr->file,
							(unsigned long)i, k->u.rsa.bits, (unsigned long)k->u.rsa.n_len);
				}
			} else if (k->status == JWTAUTH_ERR_KEY_RSA_SIZE) n_size++;
			else if (k->status == JWTAUTH_ERR_KEY_OKP_AGREEMENT) n_kty++;
			else if (k->status == JWTAUTH_ERR_KEY_MEMBER) n_member++;
			else {
				size_t u = strlen(reasons);
				n_enc++;
				snprintf(reasons + u, sizeof reasons - u, ", 1 %s",
					k->status != JWTAUTH_OK ? rfc_rcname(k->status)
					: k->use == JWTAUTH_USE_OTHER ? "use!=sig" : "key_ops w/o verify");
			}
		}
		printf("  %s: %s, %lu keys, %d usable", pr->file, rfc_rcname(rc),
			(unsigned long)ks->count, usable);
		if (n_size) printf(", %d KEY_RSA_SIZE", n_size);
		if (n_kty) printf(", %d KEY_OKP_AGREEMENT", n_kty);
		if (n_member) printf(", %d KEY_MEMBER", n_member);
		printf("%s\n", reasons);
		if (rc != (pr->usable ? JWTAUTH_OK : JWTAUTH_ERR_KEYSET_EMPTY))
			rfc_fail(&log, "%s: keyset_parse %s (%s at %lu)", pr->file, rfc_rcname(rc),
				err.msg ? err.msg : "", (unsigned long)err.offset);
		else {
			if ((int)ks->count != pr->keys || usable != pr->usable || n_size != pr->rsa_size
			    || n_kty != pr->kty || n_member != pr->member
			    || n_size + n_kty + n_member + n_enc + usable != pr->keys)
				rfc_fail(&log, "%s: %lu keys/%d usable/%d size/%d kty/%d member, expected %d/%d/%d/%d/%d",
					pr->file, (unsigned long)ks->count, usable, n_size, n_kty, n_member,
					pr->keys, pr->usable, pr->rsa_size, pr->kty, pr->member);
			if ((int)ks->usable != n_ok)
				rfc_fail(&log, "%s: ks.usable %lu but %d entries have status OK", pr->file,
					(unsigned long)ks->usable, n_ok);
		}
		total_keys += (int)ks->count;
		total_usable += usable;
		jwtauth_keyset_wipe(ks);
		free(text);
	}
	printf("  %lu documents, %d keys, %d usable\n",
		(unsigned long)(sizeof rfc_providers / sizeof rfc_providers[0]), total_keys, total_usable);
	free(ks);
	CHECKF(log.fails == 0, "%d failures: %s", log.fails, log.why);
}

static void rfc_test_jwks_tokens(void)
{
	static const char *const names[6] = {
		"auth0", "google", "keycloak", "microsoft-adfs", "microsoft-entra-tenant", "okta"
	};
	jwtauth_keyset *ks;
	jwtauth_jwt *jwt;
	rfc_log log;
	int i, ok = 0;
	memset(&log, 0, sizeof log);
	ks = (jwtauth_keyset *)malloc(sizeof *ks);
	jwt = (jwtauth_jwt *)malloc(sizeof *jwt);
	if (!ks || !jwt) { free(ks); free(jwt); CHECKF(0, "out of memory"); }
	for (i = 0; i < 6; i++) {
		char rel[256], path[1024];
		rfc_doc d;
		jwtauth_error err;
		int rc = -1, rck = -1;
		char *tok, *jf, *kid, *hdr, *claims, *text = NULL;
		size_t tl = 0, jl = 0, kl = 0, hl = 0, cl = 0, len = 0;
		snprintf(rel, sizeof rel, "jwks-real/tokens/%s.json", names[i]);
		rc = rfc_doc_load(&d, rel, &err);
		if (rc != JWTAUTH_OK) {
			rfc_fail(&log, "%s does not parse: %s", rel, rfc_rcname(rc));
			rfc_doc_free(&d);
			continue;
		}
		tok = rfc_str(&d, rfc_get(&d, 0, "token"), &tl);
		jf = rfc_str(&d, rfc_get(&d, 0, "jwks_file"), &jl);
		kid = rfc_str(&d, rfc_get(&d, 0, "kid"), &kl);
		hdr = rfc_str(&d, rfc_get(&d, 0, "protected_header"), &hl);
		claims = rfc_str(&d, rfc_get(&d, 0, "claims"), &cl);
		if (tok && jf && kid && hdr && claims) {
			snprintf(path, sizeof path, "%s/jwks-real/tokens/%s", tl_data_dir(), jf);
			text = tl_read_file(path, &len);
		}
		if (!text) {
			rfc_fail(&log, "%s: members or key file missing", names[i]);
		} else {
			jwtauth_keyset_init(ks);
			rck = jwtauth_keyset_parse(ks, text, len, &err);
			jwtauth_keyset_set_engines(ks, fx_engines);
			if (rck == JWTAUTH_OK) rc = jwtauth_jws_verify_signature_only(ks, tok, tl, JWTAUTH_ALGS_ALL, jwt, &err);
			printf("  %s token (%lu bytes): keys %s, verify %s\n", names[i], (unsigned long)tl,
				rfc_rcname(rck), rck == JWTAUTH_OK ? rfc_rcname(rc) : "-");
			if (rck != JWTAUTH_OK) rfc_fail(&log, "%s: keyset %s", names[i], rfc_rcname(rck));
			else if (rc != JWTAUTH_OK)
				rfc_fail(&log, "%s: verify %s (%s)", names[i], rfc_rcname(rc), err.msg ? err.msg : "");
			else {
				int good = 1;
				if (jwt->alg != JWTAUTH_ALG_RS256) { good = 0; rfc_fail(&log, "%s: alg %s", names[i], jwtauth_alg_name(jwt->alg)); }
				if (!jwt->has_kid || jwt->kid_len != kl || memcmp(jwt->kid, kid, kl) != 0) { good = 0; rfc_fail(&log, "%s: jwt.kid", names[i]); }
				if (!jwt->key || jwt->key->kid_len != kl || memcmp(jwt->key->kid, kid, kl) != 0) { good = 0; rfc_fail(&log, "%s: jwt.key is not the kid's key", names[i]); }
				if (jwt->header_len != hl || memcmp(jwt->header, hdr, hl) != 0) { good = 0; rfc_fail(&log, "%s: header differs", names[i]); }
				if (jwt->payload_len != cl || memcmp(jwt->payload, claims, cl) != 0) { good = 0; rfc_fail(&log, "%s: payload differs", names[i]); }
				/* allowlist without RS256 */
				rc = jwtauth_jws_verify_signature_only(ks, tok, tl, JWTAUTH_ALG_BIT(JWTAUTH_ALG_ES256), jwt, &err);
				if (rc != JWTAUTH_ERR_ALG_NOT_ALLOWED) { good = 0; rfc_fail(&log, "%s: ES256-only allowlist gave %s", names[i], rfc_rcname(rc)); }
				/* one signature character changed (not the last: its
				   unused bits must stay zero) */
				{
					char *p = strrchr(tok, '.');
					if (p && strlen(p) > 20) {
						p[10] = p[10] == 'A' ? 'B' : 'A';
						rc = jwtauth_jws_verify_signature_only(ks, tok, tl, JWTAUTH_ALGS_ALL, jwt, &err);
						if (rc != JWTAUTH_ERR_SIGNATURE) { good = 0; rfc_fail(&log, "%s: altered signature gave %s", names[i], rfc_rcname(rc)); }
					}
				}
				ok += good;
			}
			jwtauth_keyset_wipe(ks);
		}
		free(text);
		free(tok);
		free(jf);
		free(kid);
		free(hdr);
		free(claims);
		rfc_doc_free(&d);
	}
	free(ks);
	free(jwt);
	CHECKF(log.fails == 0, "%d failures: %s", log.fails, log.why);
	CHECK_EQ(ok, 6);
}

static const test_case t_rfc_tests[] = {
	{ "rfc7515_appendix_a", rfc_test_7515 },
	{ "rfc7520_cookbook_jws", rfc_test_7520 },
	{ "rfc7797_b64_and_eddsa", rfc_test_unsupported },
	{ "jwks_real", rfc_test_jwks_real },
	{ "jwks_real_tokens", rfc_test_jwks_tokens },
	{ NULL, NULL }
};
