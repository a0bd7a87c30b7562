/* fuzz_config.c - libFuzzer target: the StarRocks property parsers,
   jwtauth_config_parse (CREATE USER ... AS '{...}') and
   jwtauth_integration_parse (security integration properties).

   Input: the property JSON.
   Invariants (abort() on violation):
   - err names the returned code;
   - on success every string member is NUL-terminated inside the config's
     own store (or the static default "sub"), holds no NUL, and lists have
     at most JWTAUTH_MAX_LIST non-empty items;
   - on failure the config is back in its initial state (principal "sub",
     everything else empty). */
#define JWTAUTH_IMPLEMENTATION
#define JWTAUTH_STATIC
#include "../jwtauth.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static jwtauth_config cfg;

static void check(int ok)
{
	if (!ok) abort();
}

/* A member is empty, the static default, or a C string in the store. */
static void check_str(const jwtauth_config *c, const jwtauth_str *s)
{
	if (s->len == 0) return;
	check(s->p != NULL);
	check(s->p[s->len] == 0 && memchr(s->p, 0, s->len) == NULL);
	if (s->p >= c->store && s->p < c->store + sizeof c->store)
		check((size_t)(s->p - c->store) + s->len < c->used + 1);
	else
		check(s->len == 3 && memcmp(s->p, "sub", 3) == 0);
}

static void check_list(const jwtauth_config *c, const jwtauth_str *items, size_t n)
{
	size_t i;
	check(n <= JWTAUTH_MAX_LIST);
	for (i = 0; i < n; i++) {
		check(items[i].len > 0);
		check_str(c, &items[i]);
	}
}

static void check_config(const jwtauth_config *c)
{
	check(c->used <= sizeof c->store);
	check_str(c, &c->jwks_url);
	check_str(c, &c->principal_field);
	check(c->principal_field.len > 0);
	check_str(c, &c->groups_claim);
	check_str(c, &c->group_provider);
	check_str(c, &c->comment);
	check_list(c, c->claims.issuers, c->claims.n_issuers);
	check_list(c, c->claims.audiences, c->claims.n_audiences);
	check_list(c, c->permitted_groups, c->n_permitted_groups);
}

static void check_initial(const jwtauth_config *c)
{
	check(c->jwks_url.len == 0 && c->claims.n_issuers == 0 && c->claims.n_audiences == 0);
	check(c->principal_field.len == 3 && memcmp(c->principal_field.p, "sub", 3) == 0);
	check(c->n_permitted_groups == 0 && c->is_integration == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	jwtauth_error err;
	int rc;
	if (size > 65536) return 0;
	rc = jwtauth_config_parse(&cfg, (const char *)data, size, &err);
	check(err.code == rc && err.msg != NULL);
	if (rc == JWTAUTH_OK) check_config(&cfg);
	else check_initial(&cfg);
	rc = jwtauth_integration_parse(&cfg, (const char *)data, size, &err);
	check(err.code == rc && err.msg != NULL);
	if (rc == JWTAUTH_OK) {
		check_config(&cfg);
		check(cfg.is_integration == 1 && cfg.jwks_url.len > 0);
	} else {
		check_initial(&cfg);
	}
	return 0;
}
