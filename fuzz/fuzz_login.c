/* fuzz_login.c - libFuzzer target: the whole StarRocks login
   (jwtauth_authenticate) on tokens the harness signs itself, so that the
   claims, the principal, the issuer/audience lists, the groups and the
   verified-token cache are reached, not only the signature check.

   Input: 2 option bytes, then four or five parts separated by NUL bytes:
     header JSON \0 payload JSON \0 property JSON \0 login name [\0 sig]
   The token is b64url(header) "." b64url(payload) "." signature. When the
   header's first top-level "alg" is "HS256", "HS384" or "HS512" the
   signature is the HMAC of header.payload under the key the options name;
   otherwise (or with signing key 3) it is the fifth part as given.
   Key set: oct keys, kid "k1" (64-byte secret S1), kid "k2" with alg
   HS256 (32-byte secret S2), and a kid-less key with S1.
     byte 0  bits 0-1 signing key: 0 S1, 1 S2, 2 a secret not in the set,
                      3 none (the fifth part is the signature)
             bit 2    properties: 0 jwtauth_config_parse (CREATE USER),
                      1 jwtauth_integration_parse
             bit 3    user: 0 the login name, 1 NULL (no user match)
             bits 4-5 framing: 0 bare, 1 bare + 3 NUL bytes, 2 OpenID
                      (capability byte, length-encoded string), 3 bare
                      read as AUTO
             bits 6-7 groups_claim: none, "groups", "realm_access.roles",
                      "resource_access.starrocks.roles"
     byte 1  bits 0-2 leeway: 0, 1, 5, 30, 60, 300, 3600, 86400
             bit 3    require exp; bit 4 require nbf and iat;
             bit 5    require iss, aud and sub; bit 6 max_age 3600
             bit 7    allowlist HS256 + RS256 instead of every algorithm
   Times: 1764000000, and, from the payload (the unverified decoder and
   jwtauth_claim_date), exp - 1, exp + leeway, exp + leeway + 1,
   nbf - leeway - 1, nbf - leeway, iat + max_age + leeway + 1.
   Invariants (abort() on violation):
   - every verdict (code, error fields, principal, groups, claims, key)
     with the verified-token cache equals the verdict without it: at the
     first time on the first call (a miss) and the second (a hit when the
     signature verified), at every other time through the same cache (a
     hit), through a second cache first used at the last time (a miss),
     and through a third, small cache kept across inputs (entries of
     earlier inputs replaced least-recently-used first);
   - cache_hit is 0 without a cache and on a miss, and 1 on a later call
     exactly when the signature verifies on its own and the token fits
     JWTAUTH_TOKEN_CACHE_MAX_TOKEN;
   - an accepted login has a verifying signature, a non-empty
     NUL-terminated principal equal to the login name (ASCII case
     folded), groups in its store and one of them permitted when the
     config has permitted_groups, and `now` inside exp/nbf with leeway. */
#define JWTAUTH_IMPLEMENTATION
#define JWTAUTH_STATIC
#include "../jwtauth.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char s1[] = "jwtauth fuzz_login secret one, 64 bytes: for HS256, HS384, HS512";
static const char s2[] = "jwtauth fuzz_login secret two.32";
static const char s3[] = "a secret not in the key set, 64 bytes long, for HS256/384/512...";

static jwtauth_keyset ks;
static jwtauth_config cfg;
static jwtauth_token_cache tc1, tc2, tc3;
static jwtauth_token_cache_entry tce1[4], tce2[2], tce3[3];
static jwtauth_login ref, got;
static jwtauth_jwt sigjwt, unv;
static char tokbuf[JWTAUTH_MAX_TOKEN_LEN + 64];
static uint8_t resp[JWTAUTH_MAX_TOKEN_LEN + 80];
static int ready;

static void check(int ok)
{
	if (!ok) abort();
}

static void setup(void)
{
	char jwks[512];
	char k1[96], k2[64];
	size_t n1 = 0, n2 = 0, n;
	jwtauth_error err;
	check(sizeof s1 - 1 == 64 && sizeof s2 - 1 == 32 && sizeof s3 - 1 == 64);
	check(jwtauth_b64url_encode((const uint8_t *)s1, 64, k1, sizeof k1, &n1) == JWTAUTH_OK);
	check(jwtauth_b64url_encode((const uint8_t *)s2, 32, k2, sizeof k2, &n2) == JWTAUTH_OK);
	k1[n1] = 0;
	k2[n2] = 0;
	n = (size_t)snprintf(jwks, sizeof jwks, "{\"keys\":["
		"{\"kty\":\"oct\",\"kid\":\"k1\",\"k\":\"%s\"},"
		"{\"kty\":\"oct\",\"kid\":\"k2\",\"alg\":\"HS256\",\"k\":\"%s\"},"
		"{\"kty\":\"oct\",\"k\":\"%s\"}]}", k1, k2, k1);
	check(n < sizeof jwks);
	check(jwtauth_keyset_parse(&ks, jwks, n, &err) == JWTAUTH_OK);
	check(ks.usable == 3);
	jwtauth_token_cache_init(&tc3, tce3, sizeof tce3 / sizeof tce3[0]);
	ready = 1;
}

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* The HMAC hash of the header's first top-level "alg" member, or NULL. */
static const br_hash_class *hmac_hash(const char *h, size_t len, size_t *out_len)
{
	jwtauth_json_tok toks[64];
	size_t ntoks = 0, i;
	if (jwtauth_json_parse(h, len, toks, 64, 0, &ntoks, NULL) != JWTAUTH_OK) return NULL;
	if (toks[0].type != JWTAUTH_JSON_OBJECT) return NULL;
	for (i = 1; i + 1 < ntoks && i < toks[0].next; i = toks[i + 1].next) {
		const jwtauth_json_tok *v = &toks[i + 1];
		if (!jwtauth_json_str_eq(h, &toks[i], "alg", 3)) continue;
		if (v->type != JWTAUTH_JSON_STRING) return NULL;
		if (jwtauth_json_str_eq(h, v, "HS256", 5)) { *out_len = 32; return &br_sha256_vtable; }
		if (jwtauth_json_str_eq(h, v, "HS384", 5)) { *out_len = 48; return &br_sha384_vtable; }
		if (jwtauth_json_str_eq(h, v, "HS512", 5)) { *out_len = 64; return &br_sha512_vtable; }
		return NULL;
	}
	return NULL;
}

/* Append b64url(in) at tokbuf[*pos]; 0 when it does not fit. */
static int put_b64(size_t *pos, const uint8_t *in, size_t len)
{
	size_t n = 0;
	if (jwtauth_b64url_encode(in, len, tokbuf + *pos, sizeof tokbuf - *pos, &n) != JWTAUTH_OK)
		return 0;
	*pos += n;
	return 1;
}

static void same_verdict(int rc_a, const jwtauth_error *ea, const jwtauth_login *a,
	int rc_b, const jwtauth_error *eb, const jwtauth_login *b)
{
	size_t g;
	check(rc_a == rc_b);
	check(ea->code == eb->code && ea->offset == eb->offset);
	check((ea->msg == NULL) == (eb->msg == NULL));
	if (ea->msg) check(strcmp(ea->msg, eb->msg) == 0);
	check(ea->detail_len == eb->detail_len && memcmp(ea->detail, eb->detail, ea->detail_len) == 0);
	check(ea->value_len == eb->value_len && memcmp(ea->value, eb->value, ea->value_len) == 0);
	check(ea->expected_len == eb->expected_len
		&& memcmp(ea->expected, eb->expected, ea->expected_len) == 0);
	check(ea->has_time == eb->has_time);
	if (ea->has_time)
		check(ea->time == eb->time && ea->now == eb->now && ea->limit == eb->limit);
	check(a->principal_len == b->principal_len
		&& memcmp(a->principal, b->principal, a->principal_len + 1) == 0);
	check(a->n_groups == b->n_groups);
	for (g = 0; g < a->n_groups; g++)
		check(a->groups[g].len == b->groups[g].len
			&& memcmp(a->groups[g].p, b->groups[g].p, a->groups[g].len) == 0);
	check(a->claims.has_exp == b->claims.has_exp && a->claims.has_nbf == b->claims.has_nbf
		&& a->claims.has_iat == b->claims.has_iat);
	check(a->claims.exp == b->claims.exp && a->claims.nbf == b->claims.nbf
		&& a->claims.iat == b->claims.iat);
	if (rc_a == JWTAUTH_OK) {
		check(a->jwt.key == b->jwt.key && a->jwt.alg == b->jwt.alg);
		check(a->jwt.has_kid == b->jwt.has_kid && a->jwt.kid_len == b->jwt.kid_len
			&& memcmp(a->jwt.kid, b->jwt.kid, a->jwt.kid_len) == 0);
		check(a->jwt.header_len == b->jwt.header_len
			&& memcmp(a->jwt.header, b->jwt.header, a->jwt.header_len) == 0);
		check(a->jwt.payload_len == b->jwt.payload_len
			&& memcmp(a->jwt.payload, b->jwt.payload, a->jwt.payload_len) == 0);
	}
}

/* What every accepted login must satisfy. */
static void check_accepted(const char *user, size_t user_len, int sig_ok, int64_t now)
{
	const jwtauth_login *l = &ref;
	size_t g, i;
	int permitted = cfg.n_permitted_groups == 0;
	check(sig_ok);
	check(l->principal_len > 0 && l->principal_len <= JWTAUTH_MAX_PRINCIPAL_LEN);
	check(l->principal[l->principal_len] == 0);
	check(memchr(l->principal, 0, l->principal_len) == NULL);
	if (user) {
		check(l->principal_len == user_len);
		for (i = 0; i < user_len; i++)
			check(lower((unsigned char)l->principal[i]) == lower((unsigned char)user[i]));
	}
	check(l->n_groups <= JWTAUTH_MAX_GROUPS);
	for (g = 0; g < l->n_groups; g++) {
		const jwtauth_str *s = &l->groups[g];
		check(s->p >= l->group_store && s->p + s->len < l->group_store + sizeof l->group_store);
		check(s->len > 0 && s->p[s->len] == 0 && memchr(s->p, 0, s->len) == NULL);
		for (i = 0; i < cfg.n_permitted_groups; i++)
			if (cfg.permitted_groups[i].len == s->len
			    && memcmp(cfg.permitted_groups[i].p, s->p, s->len) == 0)
				permitted = 1;
	}
	check(permitted);
	check(l->jwt.key >= ks.keys && l->jwt.key < ks.keys + ks.count);
	/* exp and nbf as reported, fractions floored: a margin of one second */
	if (l->claims.has_exp) check(now <= l->claims.exp + cfg.claims.leeway);
	if (l->claims.has_nbf) check(now >= l->claims.nbf - cfg.claims.leeway - 1);
	if (cfg.claims.required & JWTAUTH_CLAIM_EXP) check(l->claims.has_exp);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int64_t leeways[8] = { 0, 1, 5, 30, 60, 300, 3600, 86400 };
	static const char *const groups_claims[4] = { NULL, "groups", "realm_access.roles",
		"resource_access.starrocks.roles" };
	const char *part[5];
	size_t plen[5], nparts = 0, i, start, pos = 0, tok_len, resp_len, sig_len = 0;
	const char *user, *tok;
	size_t user_len;
	uint8_t f0, f1;
	const br_hash_class *hc;
	jwtauth_response_kind kind;
	jwtauth_error e_ref, e_got;
	int64_t times[7];
	size_t ntimes = 0, t;
	int rc_ref, rc_got, rc, sig_ok, cacheable, parsed;

	if (!ready) setup();
	if (size < 2 || size > 2 * JWTAUTH_MAX_TOKEN_LEN) return 0;
	f0 = data[0];
	f1 = data[1];
	for (i = start = 2; i <= size && nparts < 5; i++)
		if (i == size || data[i] == 0) {
			part[nparts] = (const char *)data + start;
			plen[nparts++] = i - start;
			start = i + 1;
		}
	if (nparts < 4) return 0;
	if (nparts == 5) plen[4] = size - (size_t)(part[4] - (const char *)data);

	/* the token */
	if (!put_b64(&pos, (const uint8_t *)part[0], plen[0])) return 0;
	if (pos + 1 >= sizeof tokbuf) return 0;
	tokbuf[pos++] = '.';
	if (!put_b64(&pos, (const uint8_t *)part[1], plen[1])) return 0;
	if (pos + 1 >= sizeof tokbuf) return 0;
	hc = (f0 & 3) != 3 ? hmac_hash(part[0], plen[0], &sig_len) : NULL;
	if (hc) {
		br_hmac_key_context kc;
		br_hmac_context mc;
		uint8_t mac[64];
		const char *s = (f0 & 3) == 0 ? s1 : (f0 & 3) == 1 ? s2 : s3;
		br_hmac_key_init(&kc, hc, s, strlen(s));
		br_hmac_init(&mc, &kc, 0);
		br_hmac_update(&mc, tokbuf, pos);
		br_hmac_out(&mc, mac);
		tokbuf[pos++] = '.';
		if (!put_b64(&pos, mac, sig_len)) return 0;
	} else {
		tokbuf[pos++] = '.';
		if (nparts == 5) {
			if (plen[4] > sizeof tokbuf - pos) return 0;
			memcpy(tokbuf + pos, part[4], plen[4]);
			pos += plen[4];
		}
	}

	/* the auth response */
	kind = JWTAUTH_RESPONSE_BARE;
	switch ((f0 >> 4) & 3) {
	case 0:
	case 3:
		memcpy(resp, tokbuf, pos);
		resp_len = pos;
		if (((f0 >> 4) & 3) == 3) kind = JWTAUTH_RESPONSE_AUTO;
		break;
	case 1:
		memcpy(resp, tokbuf, pos);
		memset(resp + pos, 0, 3);
		resp_len = pos + 3;
		break;
	default:
		kind = JWTAUTH_RESPONSE_OPENID;
		resp[0] = 1;
		if (pos < 251) {
			resp[1] = (uint8_t)pos;
			resp_len = 2;
		} else {
			resp[1] = 0xFC;
			resp[2] = (uint8_t)(pos & 0xFF);
			resp[3] = (uint8_t)(pos >> 8);
			resp_len = 4;
		}
		memcpy(resp + resp_len, tokbuf, pos);
		resp_len += pos;
		break;
	}

	/* the config */
	rc = (f0 & 4) ? jwtauth_integration_parse(&cfg, part[2], plen[2], NULL)
		: jwtauth_config_parse(&cfg, part[2], plen[2], NULL);
	if (rc != JWTAUTH_OK) return 0;
	if (groups_claims[f0 >> 6])
		check(jwtauth_config_set(&cfg, &cfg.groups_claim, groups_claims[f0 >> 6],
			strlen(groups_claims[f0 >> 6]), NULL) == JWTAUTH_OK);
	cfg.claims.leeway = leeways[f1 & 7];
	if (f1 & 0x08) cfg.claims.required |= JWTAUTH_CLAIM_EXP;
	if (f1 & 0x10) cfg.claims.required |= JWTAUTH_CLAIM_NBF | JWTAUTH_CLAIM_IAT;
	if (f1 & 0x20) cfg.claims.required |= JWTAUTH_CLAIM_ISS | JWTAUTH_CLAIM_AUD | JWTAUTH_CLAIM_SUB;
	if (f1 & 0x40) cfg.claims.max_age = 3600;
	if (f1 & 0x80) cfg.algs = JWTAUTH_ALG_BIT(JWTAUTH_ALG_HS256) | JWTAUTH_ALG_BIT(JWTAUTH_ALG_RS256);
	user = (f0 & 8) ? NULL : part[3];
	user_len = (f0 & 8) ? 0 : plen[3];

	/* what the signature alone says, on the token the framing yields */
	rc = jwtauth_mysql_auth_token(resp, resp_len, kind, &tok, &tok_len, NULL);
	sig_ok = rc == JWTAUTH_OK
		&& jwtauth_jws_verify_signature_only(&ks, tok, tok_len, cfg.algs, &sigjwt, NULL) == JWTAUTH_OK;
	cacheable = sig_ok && tok_len <= JWTAUTH_TOKEN_CACHE_MAX_TOKEN;

	/* the times: a fixed one, then around the payload's dates */
	times[ntimes++] = 1764000000;
	parsed = jwtauth_jws_decode_unverified(tokbuf, pos, &unv, NULL) == JWTAUTH_OK
		&& unv.payload_ntoks > 0;
	if (parsed) {
		int64_t v, lw = cfg.claims.leeway;
		if (jwtauth_claim_date(&unv, "exp", 3, &v, NULL) == JWTAUTH_OK) {
			times[ntimes++] = v - 1;
			times[ntimes++] = v + lw;
			times[ntimes++] = v + lw + 1;
		}
		if (jwtauth_claim_date(&unv, "nbf", 3, &v, NULL) == JWTAUTH_OK) {
			times[ntimes++] = v - lw - 1;
			times[ntimes++] = v - lw;
		}
		if (cfg.claims.max_age > 0 && ntimes < 7
		    && jwtauth_claim_date(&unv, "iat", 3, &v, NULL) == JWTAUTH_OK)
			times[ntimes++] = v + cfg.claims.max_age + lw + 1;
	}

	jwtauth_token_cache_init(&tc1, tce1, sizeof tce1 / sizeof tce1[0]);
	jwtauth_token_cache_init(&tc2, tce2, sizeof tce2 / sizeof tce2[0]);
	for (t = 0; t < ntimes; t++) {
		int64_t now = times[t];
		rc_ref = jwtauth_authenticate(&cfg, &ks, NULL, user, user_len, resp, resp_len,
			kind, now, &ref, &e_ref);
		check(ref.cache_hit == 0);
		check(rc_ref == e_ref.code);
		if (rc_ref == JWTAUTH_OK) check_accepted(user, user_len, sig_ok, now);
		/* the first call through tc1 misses, every later one may hit */
		rc_got = jwtauth_authenticate(&cfg, &ks, &tc1, user, user_len, resp, resp_len,
			kind, now, &got, &e_got);
		same_verdict(rc_ref, &e_ref, &ref, rc_got, &e_got, &got);
		check(got.cache_hit == (t > 0 && cacheable));
		if (t == 0) {
			rc_got = jwtauth_authenticate(&cfg, &ks, &tc1, user, user_len, resp, resp_len,
				kind, now, &got, &e_got);
			same_verdict(rc_ref, &e_ref, &ref, rc_got, &e_got, &got);
			check(got.cache_hit == cacheable);
		}
		/* tc3 lives across inputs: full, so entries are replaced all the
		   time; only a verifying signature may ever be a hit */
		rc_got = jwtauth_authenticate(&cfg, &ks, &tc3, user, user_len, resp, resp_len,
			kind, now, &got, &e_got);
		same_verdict(rc_ref, &e_ref, &ref, rc_got, &e_got, &got);
		check(!got.cache_hit || cacheable);
		if (t > 0) check(got.cache_hit == cacheable);
		if (t + 1 == ntimes) {
			rc_got = jwtauth_authenticate(&cfg, &ks, &tc2, user, user_len, resp, resp_len,
				kind, now, &got, &e_got);
			same_verdict(rc_ref, &e_ref, &ref, rc_got, &e_got, &got);
			check(got.cache_hit == 0);
		}
	}
	return 0;
}
