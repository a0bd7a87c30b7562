/* fuzz_verify.c - libFuzzer target: the whole verifier, jwtauth_jws_verify,
   jwtauth_claims_check and jwtauth_authenticate, against fixed key sets.

   Key sets (built once, from the fixture JWKs embedded below; public keys
   and secrets cannot share a set, so there are two):
     PUB: RSA 2048 (x2), 3072, 4096, the demo RSA key, a kid-less RSA key,
          EC P-256 (x2), P-384, P-521, Ed25519 (kid ed1, the key of
          tests/fixtures/eddsa);
     OCT: 32-, 48- and 64-byte secrets with kids, one kid-less secret.
   Input: 3 option bytes, then the token (or the MySQL auth response).
     byte 0  bit 0    key set: 0 PUB, 1 OCT
             bits 1-2 allowlist: 0 all (0), 1 bits from bytes 1-2,
                      2 the single alg byte1 % JWTAUTH_ALG_COUNT (0 =
                      all), 3 HMAC only
             bit 3    run jwtauth_claims_check after a good signature
             bit 4    run jwtauth_authenticate on the rest as an auth
                      response (kind = byte 1 & 3; 0 means AUTO)
             bit 5    config: 0 user properties (tom-properties.json
                      style), 1 integration with groups_claim and
                      permitted_groups
             bit 6    now = 4102444800 + byte2 - 128 (around the fixture
                      tokens' exp) instead of 1764000100
             bit 7    user: 0 "tom", 1 NULL (integration: no user match)
   Invariants (abort() on violation): err names the code with an offset
   inside the token; a success names a usable key of the set whose type
   fits an allowed alg and whose kid equals the token's, the signature
   re-verifies with jwtauth_sig_verify, the unverified decoder returns the
   same header and payload; an authenticated login has a NUL-terminated,
   non-empty principal equal to the user (ASCII case folded), groups that
   live in the login's group store, and one of them permitted when the
   config has permitted_groups. */
#define JWTAUTH_IMPLEMENTATION
#define JWTAUTH_STATIC
#include "../jwtauth.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char pub_jwks[] =
	"{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"rsa2048a\",\"n\":\"rdjpAE_ZVExLSskQlpaM0enwpd6P"
	"C-cVysZRLTA32MMs6aUPSzHBzw6VnqfGx5msiaVCZ6wxyyNOQto0EvrbATF0T3a-OjqFqYBv"
	"q2_S4xXgG3KKdF6ZZO0UwU9ofawf0oSpESYE5xKGBWg7u29B5NGiJ7tUUVW4wm9S8Ru2sJqR"
	"Q9feB9p6miWP16WY-3O_GdCFP_ki7WA9TmAzbdbzkDDZrQLDiW_wQ2YXK8eTDb7fPhMO721f"
	"GPOx7B23g_kaUKs95WnacyB84yRKZZxlFPiS4NVGBUFzWSyEeNCVF7mFlcEPO_yW0l1mogdb"
	"xf6zYKAnaeFm2X1UCM7Rsr7T1Q\",\"e\":\"AQAB\"},{\"kty\":\"RSA\",\"kid\":\"rsa2048b\",\"n"
	"\":\"uSaXXZfv8jTo9av5LThmEZgDWoMS3spQCsBJ-MwdLxp9-uq3WfloUXCqU0FAz9OM7Ew20"
	"iV6tBX_PExtEmcOAyUu2WUQj-Bv187B9F3aGbay6A9DWF77bM07LFSSvQXBTgELT0R1utOKR"
	"ZIb2ZoZ5Oc-GtynSrFL30prTKIOvxbKw9lQRk7bT87ubc0J3LV1ls6UMnRNGOdrlkrlWeaK1"
	"UeREXQmVMl4oILL2FK9mArFKr0jVnYHPMZOHAZePMkm2NjKEJqCqY4gGQdvEwAxT4d98u_K0"
	"MnZo7VGEIh0d4BPj_A8WsRCaEZFeBWOSz8XQgZmme4KsYrBb0nBMpjJzQ\",\"e\":\"AQAB\"},{"
	"\"kty\":\"RSA\",\"kid\":\"rsa3072\",\"n\":\"rd4k3lEHeFGuWzNVdSrTduWFNZBWvC_5CunDY4F"
	"K4X5n5fUj37DEIfaMAIM3-ZR9N1YkpqRks73jgy-sIH19gfpIQFF35Vu4yXSJMCNEEOdYmBs"
	"l38_RbvBxIAWkxtXZj8sKz2O5W1SmuNoDEZMRTLSG7lEHaN0HyyrCYrh40uyd8GR4cXXt7TY"
	"skvunnrNfOUjWJHXpSguUEIUQd4u0GgPdN8GCLXBev1DmB3gxaZDUca4k3ZtHgV9DCJ_n-SX"
	"9XQS3cG2qDck_4bppweD5kzubwZdzAs00p_x8Fzeh3h3ThW85uTx8i2RN6qdPkA_HoDKBA_J"
	"gGLGfoMXv_HecbYLBjpAm7qohSTWm229r4uzFC9F9XdYuJM8TU4Dw6ykVOnWz_984nAIJlWO"
	"6_TU_qe5oIPY6Lj8NmPFeNrXFWJ0DV41J_O1D56CRuC_FF4E1rqn6nHhNuOEg4CJTUM_-xmS"
	"NjlxDZKdx4T_tqsWyUIz3MQ82mUMgYkD7d0b_uFtR\",\"e\":\"AQAB\"},{\"kty\":\"RSA\",\"kid"
	"\":\"rsa4096\",\"n\":\"urWSipP9LMt2kxcjMvU_0kaU9CSW9zZJ45AuUYgE9mH9jG5ZxmpcLIb"
	"aW_i56LzmOPU7tpCkPijJ_auMhQN0UHYBQgQFHRzygqnV7pOEJRmGdFPFfOAelFaHZjd254N"
	"X39IROm3Dpsz7VngV9i0SFSAHU3sCKysCoxPZFtfhyvmFncbbYMjWlH79mg7xd8ZK_bbo4nM"
	"Kkq0gv8jDUXLAR1XtbuPoH7sT-enMnj7SvNetcAnkMyHH1itQymm7Rzhkn057uzCxGeFYb0u"
	"7SshK25U6IVJNLGlCltZKYhj0RfuIcQA3RKzG0z5THXPVikjdWrWWnIufQ9vuxfZG2wrZ4Q1"
	"Wttmk3SW5cXUn5jGpKt3aBefn-U5gVOhGLy5Xh9AFWF1F1n3WrtksdXbkhq0gDZ1dnpfYifO"
	"ZeyOlz7ty73x4SfUi-1V1Hg89CaAnYeMh5uiUJo1Ir8OchJTgw5VlndVM0oYKUYiRQIXx1tc"
	"UWtYzZgTizERnfnIlCXSu9MFIFpXG0pACLQdHiMfLpLzb9PpZU-kKvK_Y2APrW_Xdt-kfwC4"
	"h56fWFillC8OMjxqZd7RHp2iXDWnuqZJxy-Epe6jORdsr0AhJJxCFgm7ncQUuD5YXatfkzYa"
	"UwFeyFM6Tw56zPDHX_CYz75vwH5fHpP6w66XpAiOrVOQv_ar3m4s\",\"e\":\"AQAB\"},{\"kty\""
	":\"EC\",\"kid\":\"ec256\",\"crv\":\"P-256\",\"x\":\"CUYKnuY2IgLcAEfT7iVg_50_aPZxAlSLQ"
	"BO47qaEUS0\",\"y\":\"xeVFinv91TcVdS8k9KoP26_w1wd7kCjStHePBVRUeiA\"},{\"kty\":\"E"
	"C\",\"kid\":\"ec256b\",\"crv\":\"P-256\",\"x\":\"A3CRVtRU2ue94Sculuo44OdeU07lw-90-sE"
	"x-cGCiVA\",\"y\":\"_drfg92AlDaNbPx0UFY9dheLCbTBa7bMn_x7773f36s\"},{\"kty\":\"EC\""
	",\"kid\":\"ec384\",\"crv\":\"P-384\",\"x\":\"IqMf7QPG7O5FvPDWpOmt9zJivvtboqQ3SQUdJb"
	"ANyU1mwtNcX_0rie11my4gcWLe\",\"y\":\"20MSe3OVuHCCJROilS5Vn-PJJjaYIw9yYKg2gHk"
	"Ds4cyviXCl9CsWuOIFKRBXkAx\"},{\"kty\":\"EC\",\"kid\":\"ec521\",\"crv\":\"P-521\",\"x\":"
	"\"Acd91tOqZULfzmt8W3ylTtOq2VkJXPrYYztUgJSxL812PML35d4AJGEcoWZ-5gQLzJjC-cv"
	"v4hsqzjxR0clevrw3\",\"y\":\"AIGvhN9hhJ5lvg0LXVReJy1aNVCPJWpcjjAoCz0aQgZRn9x9"
	"dcBH7S4H1x0JgyCcFVJh2OXNaFzRBCGYQnHjJaG4\"},{\"kty\":\"RSA\",\"kid\":\"demo-key-"
	"1\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\"wy7_ZAkDbmB07GPVzeMLoesZsFuiQbPFNjvJ28"
	"76oN_KVZ7ybAPIjIgHRZN9YeGE83ob-pEFSmjsvntyD-m2HLXjzRGUgR7ywZ9P8IGt-FDg59"
	"GTC87SXpwl7xsB6AzeiRt1Gjxly-wiey3fnfyKU8ktlqWniPJBsF_zYB7sk9guP3wSjFq3kU"
	"wAsvOx_2agVgkoB85VkneXqrm3Q-ZUi8Oh3sQufCxj6W9sQAajhwPBjl6MYPMrjWOjQnNxes"
	"IUsQU3LOjz5QuSIU0rU17dXoAxJrv-j_ZfF6uZVHxOVd5oT9X_83qlBenk7YwUOkcrKb-f0x"
	"J_Llt8hBN7ZWPCXQ\",\"e\":\"AQAB\"},{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\""
	":\"rdjpAE_ZVExLSskQlpaM0enwpd6PC-cVysZRLTA32MMs6aUPSzHBzw6VnqfGx5msiaVCZ6"
	"wxyyNOQto0EvrbATF0T3a-OjqFqYBvq2_S4xXgG3KKdF6ZZO0UwU9ofawf0oSpESYE5xKGBW"
	"g7u29B5NGiJ7tUUVW4wm9S8Ru2sJqRQ9feB9p6miWP16WY-3O_GdCFP_ki7WA9TmAzbdbzkD"
	"DZrQLDiW_wQ2YXK8eTDb7fPhMO721fGPOx7B23g_kaUKs95WnacyB84yRKZZxlFPiS4NVGBU"
	"FzWSyEeNCVF7mFlcEPO_yW0l1mogdbxf6zYKAnaeFm2X1UCM7Rsr7T1Q\",\"e\":\"AQAB\"},{\"kty\""
	":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"ed1\",\"x\":\"7Sni_CCcq2KcdsTQrlCslsYHOP00ZYPPRnC2U8_2H9c\"}]}";

static const char oct_jwks[] =
	"{\"keys\":[{\"kty\":\"oct\",\"kid\":\"oct32\",\"k\":\"YqXnCI1RMceIBTsroWHjYL7e6FdkLV9"
	"cN6183-u3Rp8\"},{\"kty\":\"oct\",\"kid\":\"oct48\",\"k\":\"KrrKTyIblW7bHpkLJaF5B-eKa"
	"4ewYMdA6R28-_EveEEeo44_RyL1rfCgavNbZSAv\"},{\"kty\":\"oct\",\"kid\":\"oct64\",\"k\""
	":\"Tu4d6QdNJQnXHHCFQ8k6b7drD1x3Ay5pb-8lcgwdbCuDv9LzTPkiyVA1xBdaRfGyTQk8F7"
	"Uk75dbXRTdMkONHw\"},{\"kty\":\"oct\",\"k\":\"KrrKTyIblW7bHpkLJaF5B-eKa4ewYMdA6R2"
	"8-_EveEEeo44_RyL1rfCgavNbZSAv\"}]}";

static const char props_user[] =
	"{\"jwks_url\":\"keys.json\",\"principal_field\":\"preferred_username\","
	"\"required_issuer\":\"https://issuer.example, http://localhost:38080/realms/master\","
	"\"required_audience\":[\"starrocks\",\"other\"]}";
static const char props_integration[] =
	"{\"type\":\"authentication_jwt\",\"jwks_url\":\"https://idp.example/certs\","
	"\"principal_field\":\"sub\",\"permitted_groups\":\"analyst, g2\","
	"\"group_provider\":\"jwt\",\"comment\":\"fuzz\"}";

static jwtauth_keyset sets[2];
static jwtauth_config cfgs[2];
static jwtauth_jwt jwt, jwt2;
static jwtauth_login login;
static uint8_t sigbuf[JWTAUTH_MAX_TOKEN_LEN];
static int ready;

static void check(int ok)
{
	if (!ok) abort();
}

static void setup(void)
{
	jwtauth_error err;
	check(jwtauth_keyset_parse(&sets[0], pub_jwks, sizeof pub_jwks - 1, &err) == JWTAUTH_OK);
	check(sets[0].usable == 11);
	check(jwtauth_keyset_parse(&sets[1], oct_jwks, sizeof oct_jwks - 1, &err) == JWTAUTH_OK);
	check(sets[1].usable == 4);
	check(jwtauth_config_parse(&cfgs[0], props_user, sizeof props_user - 1, &err) == JWTAUTH_OK);
	check(jwtauth_integration_parse(&cfgs[1], props_integration,
		sizeof props_integration - 1, &err) == JWTAUTH_OK);
	check(jwtauth_config_set(&cfgs[1], &cfgs[1].groups_claim, "realm_access.roles", 18, NULL) == 0);
	cfgs[1].claims.required = JWTAUTH_CLAIM_EXP | JWTAUTH_CLAIM_IAT;
	cfgs[1].claims.leeway = 60;
	cfgs[1].claims.max_age = (int64_t)1 << 40;
	ready = 1;
}

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* A verified jwt: the key, the alg, the kid, the buffers. */
static void check_verified(const jwtauth_keyset *ks, const jwtauth_jwt *j,
	unsigned algs, const char *token, size_t len)
{
	const jwtauth_key *k = j->key;
	const char *d1, *d2;
	size_t slen = 0;
	check(k != NULL && k >= ks->keys && k < ks->keys + ks->count);
	check(k->status == JWTAUTH_OK);
	check((int)j->alg > 0 && (int)j->alg < JWTAUTH_ALG_COUNT);
	check(algs == 0 || (algs & JWTAUTH_ALG_BIT(j->alg)));
	check(jwtauth__algs[j->alg].kty == k->kty);
	check(k->alg == 0 || k->alg == (uint8_t)j->alg);
	check(k->use != JWTAUTH_USE_OTHER);
	check(!k->has_key_ops || (k->key_ops & JWTAUTH_KEYOP_VERIFY));
	if (j->has_kid)
		check(k->has_kid && k->kid_len == j->kid_len && memcmp(k->kid, j->kid, j->kid_len) == 0);
	check(j->header >= j->buf && j->header + j->header_len < j->buf + sizeof j->buf);
	check(j->payload >= j->buf && j->payload + j->payload_len < j->buf + sizeof j->buf);
	check(j->header[j->header_len] == 0 && j->payload[j->payload_len] == 0);
	check(j->header_ntoks >= 1 && j->toks[0].type == JWTAUTH_JSON_OBJECT);
	check(j->header_len + j->payload_len <= len);
	/* the signature verifies again on its own */
	d1 = (const char *)memchr(token, '.', len);
	check(d1 != NULL);
	d2 = (const char *)memchr(d1 + 1, '.', len - (size_t)(d1 + 1 - token));
	check(d2 != NULL);
	check(jwtauth_b64url_decode(d2 + 1, len - (size_t)(d2 + 1 - token), sigbuf,
		sizeof sigbuf, &slen, NULL) == JWTAUTH_OK);
	check(jwtauth_sig_verify(k, j->alg, (const uint8_t *)token, (size_t)(d2 - token),
		sigbuf, slen) == JWTAUTH_OK);
	/* the unverified decoder sees the same bytes */
	check(jwtauth_jws_decode_unverified(token, len, &jwt2, NULL) == JWTAUTH_OK);
	check(jwt2.alg == j->alg && jwt2.header_len == j->header_len
		&& jwt2.payload_len == j->payload_len);
	check(memcmp(jwt2.header, j->header, j->header_len) == 0);
	check(memcmp(jwt2.payload, j->payload, j->payload_len) == 0);
}

static void check_error(int rc, const jwtauth_error *err, size_t len)
{
	check(rc < 0 && err->code == rc && err->msg != NULL);
	check(err->offset <= len);
	check(jwtauth_error_name(rc)[0] != 'U' || rc == JWTAUTH_OK);
}

/* The typed getters on a verified token: precise codes, bounded copies. */
static void check_getters(const jwtauth_jwt *j)
{
	static const char *const paths[] = { "sub", "exp", "aud", "/realm_access/roles",
		"/realm_access/roles/0", "/a~1b/~0c", "/x~2", "groups", "email_verified", "" };
	size_t i;
	for (i = 0; i < sizeof paths / sizeof paths[0]; i++) {
		jwtauth_error e;
		char buf[8];
		size_t n = 99;
		int64_t v;
		int b, rc, found;
		size_t pl = strlen(paths[i]);
		rc = jwtauth_claim_string(j, paths[i], pl, buf, sizeof buf, &n, &e);
		check(rc == e.code);
		if (rc == JWTAUTH_OK) check(n < sizeof buf && buf[n] == 0 && memchr(buf, 0, n) == NULL);
		else check(rc == JWTAUTH_ERR_CLAIM_MISSING || rc == JWTAUTH_ERR_CLAIM_TYPE
			|| rc == JWTAUTH_ERR_CLAIM_TOO_LONG || rc == JWTAUTH_ERR_CLAIM_PATH);
		rc = jwtauth_claim_int64(j, paths[i], pl, &v, &e);
		check(rc == JWTAUTH_OK || rc == JWTAUTH_ERR_CLAIM_MISSING || rc == JWTAUTH_ERR_CLAIM_TYPE
			|| rc == JWTAUTH_ERR_CLAIM_RANGE || rc == JWTAUTH_ERR_CLAIM_PATH);
		rc = jwtauth_claim_date(j, paths[i], pl, &v, &e);
		if (rc == JWTAUTH_OK) check(v >= 0);
		rc = jwtauth_claim_bool(j, paths[i], pl, &b, &e);
		if (rc == JWTAUTH_OK) check(b == 0 || b == 1);
		rc = jwtauth_claim_contains(j, paths[i], pl, "tom", 3, &found, &e);
		if (rc == JWTAUTH_OK) check(found == 0 || found == 1);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	jwtauth_error err;
	const jwtauth_keyset *ks;
	const jwtauth_config *cfg;
	const char *tok, *user;
	unsigned algs;
	uint8_t f, b1, b2;
	size_t len, user_len;
	int64_t now;
	int rc;

	if (!ready) setup();
	if (size < 3 || size > 3 + JWTAUTH_MAX_TOKEN_LEN + 16) return 0;
	f = data[0]; b1 = data[1]; b2 = data[2];
	tok = (const char *)data + 3;
	len = size - 3;
	ks = &sets[f & 1];
	switch ((f >> 1) & 3) {
	case 0: algs = JWTAUTH_ALGS_ALL; break;
	case 1: algs = ((unsigned)b1 | (unsigned)b2 << 8) & JWTAUTH_ALGS_ALL; break;
	case 2: algs = (b1 % JWTAUTH_ALG_COUNT) ? JWTAUTH_ALG_BIT(b1 % JWTAUTH_ALG_COUNT) : 0; break;
	default: algs = JWTAUTH_ALGS_HMAC; break;
	}
	cfg = &cfgs[(f >> 5) & 1];
	now = (f & 0x40) ? (int64_t)4102444800 + (int64_t)b2 - 128 : (int64_t)1764000100;
	user = (f & 0x80) ? NULL : "tom";
	user_len = user ? 3 : 0;

	if (f & 0x10) {
		/* the StarRocks flow on an auth response; the allowlist is the config's */
		jwtauth_response_kind kind = (jwtauth_response_kind)(b1 & 3);
		if (kind == 0) kind = JWTAUTH_RESPONSE_AUTO;
		((jwtauth_config *)cfg)->algs = algs;
		rc = jwtauth_authenticate(cfg, ks, NULL, user, user_len, (const uint8_t *)tok, len,
			kind, now, &login, &err);
		((jwtauth_config *)cfg)->algs = JWTAUTH_ALGS_ALL;
		if (rc != JWTAUTH_OK) {
			check(rc < 0 && err.code == rc && err.msg != NULL);
			return 0;
		}
		check(err.code == JWTAUTH_OK);
		check(login.principal_len > 0 && login.principal_len <= JWTAUTH_MAX_PRINCIPAL_LEN);
		check(login.principal[login.principal_len] == 0);
		check(memchr(login.principal, 0, login.principal_len) == NULL);
		if (user) {
			size_t i;
			check(login.principal_len == user_len);
			for (i = 0; i < user_len; i++)
				check(lower((unsigned char)login.principal[i]) == lower((unsigned char)user[i]));
		}
		check(login.n_groups <= JWTAUTH_MAX_GROUPS);
		{
			size_t g, i;
			int permitted = cfg->n_permitted_groups == 0;
			for (g = 0; g < login.n_groups; g++) {
				const jwtauth_str *s = &login.groups[g];
				check(s->p >= login.group_store
					&& s->p + s->len < login.group_store + sizeof login.group_store);
				check(s->len > 0 && s->p[s->len] == 0 && memchr(s->p, 0, s->len) == NULL);
				for (i = 0; i < cfg->n_permitted_groups; i++)
					if (cfg->permitted_groups[i].len == s->len
					    && memcmp(cfg->permitted_groups[i].p, s->p, s->len) == 0)
						permitted = 1;
			}
			check(permitted);
		}
		check(login.jwt.key != NULL && login.jwt.key >= ks->keys
			&& login.jwt.key < ks->keys + ks->count);
		return 0;
	}

	rc = jwtauth_jws_verify_signature_only(ks, tok, len, algs, &jwt, &err);
	if (rc != JWTAUTH_OK) {
		check_error(rc, &err, len);
		/* inspecting a refused token must not crash either */
		rc = jwtauth_jws_decode_unverified(tok, len, &jwt2, &err);
		if (rc != JWTAUTH_OK) check_error(rc, &err, len);
		return 0;
	}
	check(err.code == JWTAUTH_OK);
	check_verified(ks, &jwt, algs, tok, len);
	if (f & 0x08) {
		jwtauth_claims claims;
		rc = jwtauth_claims_check(&jwt, &cfg->claims, now, &claims, &err);
		if (rc != JWTAUTH_OK) {
			check(rc < 0 && err.code == rc && err.msg != NULL);
			check(rc == JWTAUTH_ERR_CLAIMS || (rc <= JWTAUTH_ERR_CLAIM_TYPE && rc >= JWTAUTH_ERR_AUDIENCE)
				|| rc == JWTAUTH_ERR_TOO_LARGE || (rc <= JWTAUTH_ERR_JSON_SYNTAX && rc >= JWTAUTH_ERR_JSON_CONTROL));
		} else {
			check(jwt.payload_ntoks >= 1 && jwt.payload_tok == jwt.header_ntoks);
			check(jwt.payload_tok + jwt.payload_ntoks <= JWTAUTH_MAX_JSON_TOKENS);
			if (claims.has_exp) check(now < claims.exp + cfg->claims.leeway || claims.exp > now);
			(void)jwtauth_claim_find(&jwt, "/realm_access/roles/0", 21);
			(void)jwtauth_claim_find_dotted(&jwt, "realm_access.roles", 18);
			check_getters(&jwt);
		}
	} else {
		/* the one-call verify agrees with signature + claims */
		jwtauth_verify_options vo;
		jwtauth_error e2;
		int rc1;
		jwtauth_verify_options_init(&vo, algs);
		vo.claims = cfg->claims;
		vo.flags = (f & 0x20) ? JWTAUTH_VERIFY_EXP_OPTIONAL : 0;
		rc1 = jwtauth_verify(ks, &vo, NULL, tok, len, now, &jwt2, NULL, &e2);
		check(rc1 == e2.code);
		check(e2.detail_len <= JWTAUTH_ERROR_TEXT_MAX && e2.detail[e2.detail_len] == 0);
		check(e2.value_len <= JWTAUTH_ERROR_TEXT_MAX && e2.value[e2.value_len] == 0);
		if (rc1 == JWTAUTH_OK) check_getters(&jwt2);
	}
	return 0;
}
