/* t_wycheproof.c - Wycheproof conformance: RSA PKCS#1 v1.5, RSA-PSS, ECDSA
   P1363, HMAC primitives (jwtauth_sig_verify) and the JOSE JWS/JWK suites
   (jwtauth_jws_verify). The RSA suites run twice, with the library's RSA
   operation and with BearSSL's engines, and the two runs must give the
   same code for every vector. The vector files are read in place from
   tests/data/wycheproof and parsed with the library's own JSON
   parser. Every test prints one count line per file and fails listing the
   first mismatching tcIds. Divergences from the vectors that are policy are
   asserted in the opposite direction (see README.md, "Conformance"). */

/* ------------------------------------------------------------ helpers */

/* The JSON document helpers are t_rfc.c's (the same translation unit). */
typedef rfc_doc wp_doc;
#define wp_doc_free rfc_doc_free
#define wp_get rfc_get
#define wp_is rfc_is
#define wp_str rfc_str

/* Read and parse tests/data/wycheproof/<name>. 0 on success, else
   the jwtauth code (JWTAUTH_ERR_IO when unreadable); err says where. */
static int wp_doc_load(wp_doc *d, const char *name, jwtauth_error *err)
{
	char rel[256];
	snprintf(rel, sizeof rel, "wycheproof/%s", name);
	return rfc_doc_load(d, rel, err);
}

static long wp_num(const wp_doc *d, long i)
{
	char buf[32];
	size_t n;
	if (i < 0 || d->t[i].type != JWTAUTH_JSON_NUMBER) return -1;
	n = d->t[i].len < sizeof buf - 1 ? d->t[i].len : sizeof buf - 1;
	memcpy(buf, d->js + d->t[i].start, n);
	buf[n] = 0;
	return strtol(buf, NULL, 10);
}

static int wp_hexval(int c)
{
	if (c >= '0' && c <= '9') return c - '0';
	if (c >= 'a' && c <= 'f') return c - 'a' + 10;
	if (c >= 'A' && c <= 'F') return c - 'A' + 10;
	return -1;
}

/* Hex string token -> malloc'ed bytes (one spare byte so that empty
   values still get a pointer). */
static uint8_t *wp_hex(const wp_doc *d, long i, size_t *len)
{
	size_t n = 0, k;
	char *s = wp_str(d, i, &n);
	uint8_t *out;
	if (!s) return NULL;
	if (n % 2) { free(s); return NULL; }
	out = (uint8_t *)malloc(n / 2 + 1);
	if (!out) { free(s); return NULL; }
	for (k = 0; k < n / 2; k++) {
		int hi = wp_hexval((unsigned char)s[2 * k]);
		int lo = wp_hexval((unsigned char)s[2 * k + 1]);
		if (hi < 0 || lo < 0) { free(s); free(out); return NULL; }
		out[k] = (uint8_t)(hi * 16 + lo);
	}
	free(s);
	*len = n / 2;
	return out;
}

/* base64url string token -> malloc'ed bytes, with the library's decoder. */
static uint8_t *wp_b64(const wp_doc *d, long i, size_t *len)
{
	size_t n = 0;
	char *s = wp_str(d, i, &n);
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

/* "SHA-256" -> 256 etc.; 0 for any other hash (SHA-1, SHA-224,
   SHA-512/256, SHA3-*: no JWS algorithm uses them). */
static int wp_sha_bits(const wp_doc *d, long i)
{
	if (wp_is(d, i, "SHA-256")) return 256;
	if (wp_is(d, i, "SHA-384")) return 384;
	if (wp_is(d, i, "SHA-512")) return 512;
	return 0;
}

/* 'v', 'i', 'a' or 0 */
static int wp_result(const wp_doc *d, long test)
{
	long r = wp_get(d, test, "result");
	if (wp_is(d, r, "valid")) return 'v';
	if (wp_is(d, r, "invalid")) return 'i';
	if (wp_is(d, r, "acceptable")) return 'a';
	return 0;
}

static long wp_count_tests(const wp_doc *d, long group)
{
	long a = wp_get(d, group, "tests"), n = 0;
	size_t i;
	if (a < 0 || d->t[a].type != JWTAUTH_JSON_ARRAY) return 0;
	for (i = (size_t)a + 1; i < d->t[a].next; i = d->t[i].next) n++;
	return n;
}

/* strip leading zero octets (keep one byte) */
static void wp_strip(uint8_t **p, size_t *len)
{
	while (*len > 1 && (*p)[0] == 0) { (*p)++; (*len)--; }
}

static unsigned wp_bits(const uint8_t *p, size_t len)
{
	unsigned b = 0;
	uint8_t top;
	if (!len) return 0;
	top = p[0];
	while (top) { b++; top >>= 1; }
	return (unsigned)((len - 1) * 8) + b;
}

/* ----------------------------------------------- engines and verdicts */

/* Engines the RSA keys verify with (NULL: the library's defaults), and the
   log of every RSA verdict (the return code per vector, in file order) so
   that two runs can be compared vector by vector. */
static const jwtauth_engines *wp_engines;
static int *wp_log;
static size_t wp_log_len, wp_log_cap;
static int wp_logging;

static void wp_log_rc(int rc)
{
	if (!wp_logging) return;
	if (wp_log_len == wp_log_cap) {
		size_t cap = wp_log_cap ? 2 * wp_log_cap : 4096;
		int *p = (int *)realloc(wp_log, cap * sizeof *p);
		if (!p) { tl_failed = 1; return; }
		wp_log = p;
		wp_log_cap = cap;
	}
	wp_log[wp_log_len++] = rc;
}

static void wp_log_free(void)
{
	free(wp_log);
	wp_log = NULL;
	wp_log_len = wp_log_cap = 0;
}

/* ------------------------------------------------------------- stats */

typedef struct wp_stats {
	long checked;     /* test vectors judged */
	long mismatches;
	long na;          /* not applicable to JWS (counted, not passed) */
	long policy;      /* refusals required by the library's key policy */
	long reject_params; /* PSS with non-JWS parameters: rejection required */
	long pss_jws_valid; /* ... except genuine PSxxx signatures among them */
	long acceptable;  /* 'acceptable' vectors, either outcome */
	long keys_refused;
	long flipped;     /* documented divergences asserted */
	int file_bad;     /* mismatches printed for the current file */
	char ids[256];    /* first mismatching "file:tcId" for the message */
	int nids;
} wp_stats;

static void wp_bad(wp_stats *s, const char *file, long tcid, const char *want,
	const char *got)
{
	s->mismatches++;
	if (s->file_bad++ < 5)
		printf("    MISMATCH %s tcId %ld: expected %s, got %s\n", file, tcid, want, got);
	if (s->nids < 8) {
		size_t u = strlen(s->ids);
		snprintf(s->ids + u, sizeof s->ids - u, "%s%s:%ld", s->nids ? " " : "",
			file, tcid);
		s->nids++;
	}
}

/* Judge one jwtauth_sig_verify result against the vector's expectation.
   The return-code contract (OK, SIGNATURE or KEY_UNFIT) is checked too. */
static void wp_judge_sig(wp_stats *s, const char *file, long tcid, int want, int rc)
{
	wp_log_rc(rc);
	s->checked++;
	if (rc != JWTAUTH_OK && rc != JWTAUTH_ERR_SIGNATURE && rc != JWTAUTH_ERR_KEY_UNFIT) {
		wp_bad(s, file, tcid, "OK/SIGNATURE/KEY_UNFIT", jwtauth_error_name(rc));
		return;
	}
	if (want == 'a') { s->acceptable++; return; }
	if (want == 'v' && rc != JWTAUTH_OK) wp_bad(s, file, tcid, "valid (OK)", jwtauth_error_name(rc));
	if (want == 'i' && rc == JWTAUTH_OK) wp_bad(s, file, tcid, "rejection", "OK");
	if (want != 'v' && want != 'i') wp_bad(s, file, tcid, "valid/invalid/acceptable", "no result");
}

/* -------------------------------------------------------- group runners */

typedef enum wp_family {
	WP_RSA_PKCS1, WP_RSA_PSS, WP_ECDSA, WP_HMAC, WP_JWS, WP_JWK
} wp_family;

/* Vectors of the wrong-parameter PSS files whose signature is nevertheless
   a genuine PSxxx signature (checked independently with Python
   `cryptography`): tcId 69 "s_len changed to 32" of the sLen = 0 file is a
   PS256 signature with a 32-byte salt, so a JWS verifier must accept it. */
static int wp_pss_jws_valid(const char *file, long tcid)
{
	return strcmp(file, "rsa_pss_2048_sha256_mgf1_0") == 0 && tcid == 69;
}

/* Verify every test of `tests` with key ks->keys[0]; `want_override` 'i'
   forces rejection (PSS parameters JWS does not allow). */
static void wp_sig_tests(const wp_doc *d, long tests, const char *file,
	wp_stats *s, const jwtauth_key *key, jwtauth_alg alg, int want_override)
{
	size_t i;
	for (i = (size_t)tests + 1; i < d->t[tests].next; i = d->t[i].next) {
		long t = (long)i;
		long tcid = wp_num(d, wp_get(d, t, "tcId"));
		int want = wp_result(d, t);
		size_t ml = 0, sl = 0;
		uint8_t *msg = wp_hex(d, wp_get(d, t, "msg"), &ml);
		uint8_t *sig = wp_hex(d, wp_get(d, t, "sig"), &sl);
		if (!msg || !sig) {
			s->checked++;
			wp_bad(s, file, tcid, "readable msg/sig", "unreadable vector");
		} else {
			int rc = jwtauth_sig_verify(key, alg, msg, ml, sig, sl);
			if (want_override && wp_pss_jws_valid(file, tcid)) {
				s->pss_jws_valid++;
				want = 'v';
			} else if (want_override) {
				s->reject_params++;
				want = want_override;
			}
			wp_judge_sig(s, file, tcid, want, rc);
		}
		free(msg);
		free(sig);
	}
}

/* Tests of a group whose key the library refused: invalid vectors pass,
   valid ones are a mismatch unless the refusal is the documented policy. */
static void wp_refused_tests(const wp_doc *d, long tests, const char *file,
	wp_stats *s, int rc_key, int policy)
{
	size_t i;
	for (i = (size_t)tests + 1; i < d->t[tests].next; i = d->t[i].next) {
		long tcid = wp_num(d, wp_get(d, (long)i, "tcId"));
		int want = wp_result(d, (long)i);
		wp_log_rc(rc_key);
		s->checked++;
		if (want == 'v' && policy) s->policy++;
		else if (want == 'v') {
			char got[64];
			snprintf(got, sizeof got, "key refused (%s)", jwtauth_error_name(rc_key));
			wp_bad(s, file, tcid, "valid (OK)", got);
		} else if (want == 'a') s->acceptable++;
	}
}

static void wp_group_rsa(const wp_doc *d, long g, const char *file, wp_stats *s,
	jwtauth_keyset *ks, int pss)
{
	int bits = wp_sha_bits(d, wp_get(d, g, "sha"));
	long tests = wp_get(d, g, "tests");
	long jwk, pk;
	int jws_ok = 1, rc;
	uint8_t *nb = NULL, *eb = NULL, *n, *e;
	size_t nl = 0, el = 0;
	jwtauth_alg alg;
	if (tests < 0) { wp_bad(s, file, -1, "tests array", "none"); return; }
	if (!bits) { s->na += wp_count_tests(d, g); return; }
	if (pss) {
		alg = bits == 256 ? JWTAUTH_ALG_PS256 : bits == 384 ? JWTAUTH_ALG_PS384 : JWTAUTH_ALG_PS512;
		/* RFC 7518 3.5: MGF1 with the same hash, salt = hash length */
		jws_ok = wp_is(d, wp_get(d, g, "mgf"), "MGF1")
			&& wp_sha_bits(d, wp_get(d, g, "mgfSha")) == bits
			&& wp_num(d, wp_get(d, g, "sLen")) == bits / 8;
	} else {
		alg = bits == 256 ? JWTAUTH_ALG_RS256 : bits == 384 ? JWTAUTH_ALG_RS384 : JWTAUTH_ALG_RS512;
	}
	jwk = wp_get(d, g, "keyJwk");
	if (jwk < 0) jwk = wp_get(d, g, "publicKeyJwk");
	if (jwk >= 0) {
		nb = wp_b64(d, wp_get(d, jwk, "n"), &nl);
		eb = wp_b64(d, wp_get(d, jwk, "e"), &el);
	} else {
		pk = wp_get(d, g, "publicKey");
		nb = wp_hex(d, wp_get(d, pk, "modulus"), &nl);
		eb = wp_hex(d, wp_get(d, pk, "publicExponent"), &el);
	}
	if (!nb || !eb) {
		wp_bad(s, file, wp_num(d, wp_get(d, (long)tests + 1, "tcId")), "readable key", "unreadable");
		free(nb);
		free(eb);
		return;
	}
	n = nb;
	e = eb;
	wp_strip(&n, &nl);
	wp_strip(&e, &el);
	jwtauth_keyset_init(ks);
	rc = jwtauth_keyset_add_rsa(ks, n, nl, e, el, alg, NULL, 0);
	if (rc != JWTAUTH_OK) {
		int policy = (rc == JWTAUTH_ERR_KEY_RSA_SIZE && wp_bits(n, nl) < JWTAUTH_MIN_RSA_BITS)
			|| (rc == JWTAUTH_ERR_KEY_RSA_EXPONENT && (!(e[el - 1] & 1) || (el == 1 && e[0] == 1)));
		s->keys_refused++;
		wp_refused_tests(d, tests, file, s, rc, policy);
	} else {
		jwtauth_keyset_set_engines(ks, wp_engines);
		wp_sig_tests(d, tests, file, s, &ks->keys[0], alg, jws_ok ? 0 : 'i');
	}
	jwtauth_keyset_wipe(ks);
	free(nb);
	free(eb);
}

static void wp_group_ecdsa(const wp_doc *d, long g, const char *file, wp_stats *s,
	jwtauth_keyset *ks)
{
	long pk = wp_get(d, g, "publicKey"), c = wp_get(d, pk, "curve");
	long tests = wp_get(d, g, "tests");
	int bits = wp_sha_bits(d, wp_get(d, g, "sha")), curve, rc;
	jwtauth_alg alg;
	uint8_t *q;
	size_t ql = 0;
	if (tests < 0) { wp_bad(s, file, -1, "tests array", "none"); return; }
	if (wp_is(d, c, "secp256r1") && bits == 256) { curve = BR_EC_secp256r1; alg = JWTAUTH_ALG_ES256; }
	else if (wp_is(d, c, "secp384r1") && bits == 384) { curve = BR_EC_secp384r1; alg = JWTAUTH_ALG_ES384; }
	else if (wp_is(d, c, "secp521r1") && bits == 512) { curve = BR_EC_secp521r1; alg = JWTAUTH_ALG_ES512; }
	else { s->na += wp_count_tests(d, g); return; }
	q = wp_hex(d, wp_get(d, pk, "uncompressed"), &ql);
	if (!q) {
		wp_bad(s, file, wp_num(d, wp_get(d, (long)tests + 1, "tcId")), "readable key", "unreadable");
		return;
	}
	jwtauth_keyset_init(ks);
	rc = jwtauth_keyset_add_ec(ks, curve, q, ql, alg, NULL, 0);
	jwtauth_keyset_set_engines(ks, fx_engines);
	if (rc != JWTAUTH_OK) {
		s->keys_refused++;
		wp_refused_tests(d, tests, file, s, rc, 0);
	} else {
		wp_sig_tests(d, tests, file, s, &ks->keys[0], alg, 0);
	}
	jwtauth_keyset_wipe(ks);
	free(q);
}

static void wp_group_hmac(const wp_doc *d, long g, const char *file, wp_stats *s,
	jwtauth_keyset *ks, int bits)
{
	long tests = wp_get(d, g, "tests");
	jwtauth_alg alg = bits == 256 ? JWTAUTH_ALG_HS256 : bits == 384 ? JWTAUTH_ALG_HS384 : JWTAUTH_ALG_HS512;
	size_t i;
	if (tests < 0) { wp_bad(s, file, -1, "tests array", "none"); return; }
	/* JWS uses the full tag only */
	if (wp_num(d, wp_get(d, g, "tagSize")) != bits) { s->na += wp_count_tests(d, g); return; }
	for (i = (size_t)tests + 1; i < d->t[tests].next; i = d->t[i].next) {
		long t = (long)i;
		long tcid = wp_num(d, wp_get(d, t, "tcId"));
		int want = wp_result(d, t), rc;
		size_t kl = 0, ml = 0, tl = 0;
		uint8_t *k = wp_hex(d, wp_get(d, t, "key"), &kl);
		uint8_t *msg = wp_hex(d, wp_get(d, t, "msg"), &ml);
		uint8_t *tag = wp_hex(d, wp_get(d, t, "tag"), &tl);
		if (!k || !msg || !tag) {
			s->checked++;
			wp_bad(s, file, tcid, "readable key/msg/tag", "unreadable vector");
		} else {
			jwtauth_keyset_init(ks);
			rc = jwtauth_keyset_add_oct(ks, k, kl, alg, NULL, 0);
			if (kl * 8 < (size_t)bits) {
				/* RFC 7518 3.2: key at least the hash size */
				s->checked++;
				if (rc == JWTAUTH_ERR_KEY_OCT_SIZE) s->policy++;
				else wp_bad(s, file, tcid, "key refused (KEY_OCT_SIZE)", jwtauth_error_name(rc));
			} else if (rc != JWTAUTH_OK) {
				s->checked++;
				s->keys_refused++;
				wp_bad(s, file, tcid, "key accepted", jwtauth_error_name(rc));
			} else {
				rc = jwtauth_sig_verify(&ks->keys[0], alg, msg, ml, tag, tl);
				wp_judge_sig(s, file, tcid, want, rc);
			}
			jwtauth_keyset_wipe(ks);
		}
		free(k);
		free(msg);
		free(tag);
	}
}

/* Documented divergences (README.md, "Conformance"): the library's answer
   is the opposite of the vector's, asserted so that a change is noticed. */
static const long wp_jws_flip[] = {
	346, 347, 350, 351,  /* key alg PS256/ES521 != token alg: policy rejects */
	367, 370,            /* byte-identical to valid tcId 357 (upstream #236) */
	372, 373             /* '?' inside base64url: strict decoder rejects */
};
static int wp_in(const long *list, size_t n, long v)
{
	size_t i;
	for (i = 0; i < n; i++) if (list[i] == v) return 1;
	return 0;
}

/* JOSE groups: load the key document, verify each `jws` end to end. */
static void wp_group_jose(const wp_doc *d, long g, const char *file, wp_stats *s,
	jwtauth_keyset *ks, jwtauth_jwt *jwt, int is_jwk)
{
	long tests = wp_get(d, g, "tests");
	long key = wp_get(d, g, "public");
	int rc_load;
	size_t i;
	jwtauth_error err;
	char line[512];
	size_t used;
	if (tests < 0) { wp_bad(s, file, -1, "tests array", "none"); return; }
	if (key < 0) key = wp_get(d, g, "private");   /* oct: the secret */
	if (key < 0 || d->t[key].type != JWTAUTH_JSON_OBJECT) {
		wp_bad(s, file, -1, "a key object", "none");
		return;
	}
	jwtauth_keyset_init(ks);
	rc_load = jwtauth_keyset_parse(ks, d->js + d->t[key].start, d->t[key].len, &err);
	jwtauth_keyset_set_engines(ks, fx_engines);
	{
		char *name = wp_str(d, wp_get(d, g, "comment"), NULL);
		used = (size_t)snprintf(line, sizeof line, "    %-23.23s key %-16s",
			name ? name : "?", jwtauth_error_name(rc_load));
		free(name);
	}
	for (i = (size_t)tests + 1; i < d->t[tests].next; i = d->t[i].next) {
		long t = (long)i;
		long tcid = wp_num(d, wp_get(d, t, "tcId"));
		int want = wp_result(d, t), rc, flip;
		size_t tl = 0;
		char *tok = wp_str(d, wp_get(d, t, "jws"), &tl);
		/* json_web_key_test.json: no divergence (the duplicate-kid set
		   is ambiguous, the ROCA key is refused as KEY_RSA_WEAK) */
		flip = !is_jwk && wp_in(wp_jws_flip, sizeof wp_jws_flip / sizeof wp_jws_flip[0], tcid);
		s->checked++;
		if (!tok) {
			wp_bad(s, file, tcid, "a jws string", "none");
			continue;
		}
		if (rc_load != JWTAUTH_OK) rc = rc_load;  /* no key set: rejected */
		else rc = jwtauth_jws_verify_signature_only(ks, tok, tl, JWTAUTH_ALGS_ALL, jwt, &err);
		if (flip) {
			s->flipped++;
			want = want == 'v' ? 'i' : 'v';
		}
		if (want == 'v' && rc != JWTAUTH_OK)
			wp_bad(s, file, tcid, flip ? "OK (documented divergence)" : "valid (OK)",
				jwtauth_error_name(rc));
		else if (want == 'i' && rc == JWTAUTH_OK)
			wp_bad(s, file, tcid, flip ? "rejection (documented divergence)" : "rejection", "OK");
		else if (want != 'v' && want != 'i')
			wp_bad(s, file, tcid, "valid/invalid", "no result");
		if (is_jwk && used < sizeof line)
			used += (size_t)snprintf(line + used, sizeof line - used, " | tc%ld %s %s%s", tcid,
				want == 'v' ? "valid" : "invalid", jwtauth_error_name(rc), flip ? " (div)" : "");
		free(tok);
	}
	if (is_jwk) printf("%s\n", line);
	jwtauth_keyset_wipe(ks);
}

/* ------------------------------------------------------------- runner */

static void wp_run(const char *const *files, size_t nfiles, wp_family fam)
{
	wp_stats tot;
	size_t f;
	jwtauth_keyset *ks;
	jwtauth_jwt *jwt;
	memset(&tot, 0, sizeof tot);
	ks = (jwtauth_keyset *)malloc(sizeof *ks);
	jwt = (jwtauth_jwt *)malloc(sizeof *jwt);
	if (!ks || !jwt) { free(ks); free(jwt); CHECKF(0, "out of memory"); }
	for (f = 0; f < nfiles; f++) {
		wp_doc d;
		jwtauth_error err;
		int rc = wp_doc_load(&d, files[f], &err);
		long groups;
		wp_stats s;
		char shortname[64];
		size_t i;
		int hbits = 0;
		if (rc != JWTAUTH_OK) {
			wp_doc_free(&d);
			free(ks);
			free(jwt);
			CHECKF(0, "%s: vector file does not parse: %s at offset %lu (%s)", files[f],
				jwtauth_error_name(rc), (unsigned long)err.offset, err.msg ? err.msg : "");
		}
		groups = wp_get(&d, 0, "testGroups");
		if (groups < 0 || d.t[groups].type != JWTAUTH_JSON_ARRAY) {
			wp_doc_free(&d);
			free(ks);
			free(jwt);
			CHECKF(0, "%s: no testGroups array", files[f]);
		}
		snprintf(shortname, sizeof shortname, "%s", files[f]);
		if (strlen(shortname) > 10 && strcmp(shortname + strlen(shortname) - 10, "_test.json") == 0)
			shortname[strlen(shortname) - 10] = 0;
		else if (strlen(shortname) > 5)
			shortname[strlen(shortname) - 5] = 0;
		if (fam == WP_HMAC) {
			hbits = strstr(files[f], "sha256") ? 256 : strstr(files[f], "sha384") ? 384 : 512;
		}
		memset(&s, 0, sizeof s);
		for (i = (size_t)groups + 1; i < d.t[groups].next; i = d.t[i].next) {
			switch (fam) {
			case WP_RSA_PKCS1: wp_group_rsa(&d, (long)i, shortname, &s, ks, 0); break;
			case WP_RSA_PSS: wp_group_rsa(&d, (long)i, shortname, &s, ks, 1); break;
			case WP_ECDSA: wp_group_ecdsa(&d, (long)i, shortname, &s, ks); break;
			case WP_HMAC: wp_group_hmac(&d, (long)i, shortname, &s, ks, hbits); break;
			case WP_JWS: wp_group_jose(&d, (long)i, shortname, &s, ks, jwt, 0); break;
			case WP_JWK: wp_group_jose(&d, (long)i, shortname, &s, ks, jwt, 1); break;
			}
		}
		{
			long declared = wp_num(&d, wp_get(&d, 0, "numberOfTests"));
			long seen = s.checked + s.na;
			printf("  %s: %ld checked, %ld mismatches", shortname, s.checked, s.mismatches);
			if (s.na) printf(", %ld n/a", s.na);
			if (s.policy) printf(", %ld refused by key policy", s.policy);
			if (s.reject_params) printf(", %ld rejected for non-JWS PSS parameters", s.reject_params);
			if (s.pss_jws_valid) printf(", %ld valid with the JWS salt length", s.pss_jws_valid);
			if (s.acceptable) printf(", %ld acceptable", s.acceptable);
			if (s.keys_refused) printf(", %ld keys refused", s.keys_refused);
			if (s.flipped) printf(", %ld documented divergences", s.flipped);
			printf("\n");
			if (declared >= 0 && declared != seen) {
				printf("    MISMATCH %s: numberOfTests %ld, saw %ld\n", shortname, declared, seen);
				s.mismatches++;
			}
		}
		tot.checked += s.checked;
		tot.na += s.na;
		tot.mismatches += s.mismatches;
		if (s.nids && tot.nids < 8) {
			size_t u = strlen(tot.ids);
			snprintf(tot.ids + u, sizeof tot.ids - u, "%s%s", tot.nids ? " " : "", s.ids);
			tot.nids += s.nids;
		}
		wp_doc_free(&d);
	}
	free(ks);
	free(jwt);
	tl_checks += tot.checked;   /* one assertion per vector judged */
	CHECK(tot.checked > 0);
	CHECKF(tot.mismatches == 0, "%ld mismatches of %ld checked; first: %s",
		tot.mismatches, tot.checked, tot.ids);
}

static const char *const wp_rsa_files[] = {
	"rsa_signature_2048_sha256_test.json", "rsa_signature_2048_sha384_test.json",
	"rsa_signature_2048_sha512_test.json", "rsa_signature_3072_sha256_test.json",
	"rsa_signature_3072_sha384_test.json", "rsa_signature_3072_sha512_test.json",
	"rsa_signature_4096_sha256_test.json", "rsa_signature_4096_sha384_test.json",
	"rsa_signature_4096_sha512_test.json"
};
static const char *const wp_pss_files[] = {
	"rsa_pss_2048_sha256_mgf1_32_test.json", "rsa_pss_3072_sha256_mgf1_32_test.json",
	"rsa_pss_4096_sha256_mgf1_32_test.json", "rsa_pss_2048_sha384_mgf1_48_test.json",
	"rsa_pss_4096_sha384_mgf1_48_test.json", "rsa_pss_4096_sha512_mgf1_64_test.json",
	/* wrong salt length for PS256 / PS512: every signature must fail */
	"rsa_pss_2048_sha256_mgf1_0_test.json", "rsa_pss_4096_sha512_mgf1_32_test.json",
	/* one group per (sha, mgfSha, sLen) */
	"rsa_pss_misc_test.json"
};
static const char *const wp_ecdsa_files[] = {
	"ecdsa_secp256r1_sha256_p1363_test.json", "ecdsa_secp384r1_sha384_p1363_test.json",
	"ecdsa_secp521r1_sha512_p1363_test.json"
};
static const char *const wp_hmac_files[] = {
	"hmac_sha256_test.json", "hmac_sha384_test.json", "hmac_sha512_test.json"
};
static const char *const wp_jws_files[] = { "json_web_signature_test.json" };
static const char *const wp_jwk_files[] = { "json_web_key_test.json" };

#define WP_N(a) (sizeof a / sizeof a[0])

/* The RSA suites run twice: with the library's own RSA operation (the
   default) and with BearSSL's engines; each run must pass on its own and
   the two must return the same code for every vector. */
static void wp_run_rsa_engines(const char *const *files, size_t nfiles, wp_family fam)
{
	jwtauth_engines bear;
	int *first;
	size_t n1, i, differ = 0;
	jwtauth_engines_bearssl(&bear);
	printf("  default engines (the library's RSA operation):\n");
	wp_log_free();
	wp_engines = NULL;
	wp_logging = 1;
	wp_run(files, nfiles, fam);
	if (tl_failed) { wp_logging = 0; wp_log_free(); return; }
	first = wp_log;
	n1 = wp_log_len;
	wp_log = NULL;
	wp_log_len = wp_log_cap = 0;
	printf("  BearSSL's engines (jwtauth_engines_bearssl):\n");
	wp_engines = &bear;
	wp_run(files, nfiles, fam);
	wp_engines = NULL;
	wp_logging = 0;
	if (tl_failed) { free(first); wp_log_free(); return; }
	for (i = 0; i < n1 && i < wp_log_len; i++) differ += first[i] != wp_log[i];
	printf("  %lu verdicts each, %lu differ between the engines\n", (unsigned long)n1,
		(unsigned long)differ);
	free(first);
	CHECKF(n1 == wp_log_len, "the runs judged %lu and %lu vectors", (unsigned long)n1,
		(unsigned long)wp_log_len);
	wp_log_free();
	CHECK(n1 > 0);
	CHECKF(differ == 0, "%lu verdicts differ between the library's and BearSSL's engines",
		(unsigned long)differ);
}

static void wp_test_rsa_pkcs1(void) { wp_run_rsa_engines(wp_rsa_files, WP_N(wp_rsa_files), WP_RSA_PKCS1); }
static void wp_test_rsa_pss(void) { wp_run_rsa_engines(wp_pss_files, WP_N(wp_pss_files), WP_RSA_PSS); }
static void wp_test_ecdsa(void) { wp_run(wp_ecdsa_files, WP_N(wp_ecdsa_files), WP_ECDSA); }
static void wp_test_hmac(void) { wp_run(wp_hmac_files, WP_N(wp_hmac_files), WP_HMAC); }
static void wp_test_jws(void) { wp_run(wp_jws_files, WP_N(wp_jws_files), WP_JWS); }
static void wp_test_jwk(void) { wp_run(wp_jwk_files, WP_N(wp_jwk_files), WP_JWK); }

static const test_case t_wycheproof_tests[] = {
	{ "wycheproof_rsa_pkcs1", wp_test_rsa_pkcs1 },
	{ "wycheproof_rsa_pss", wp_test_rsa_pss },
	{ "wycheproof_ecdsa_p1363", wp_test_ecdsa },
	{ "wycheproof_hmac", wp_test_hmac },
	{ "wycheproof_jose_jws", wp_test_jws },
	{ "wycheproof_jose_jwk", wp_test_jwk },
	{ NULL, NULL }
};
