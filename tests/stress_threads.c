/* stress_threads.c - the key-set cache and the verified-token cache under
   threads (make stress, built with clang -fsanitize=thread: any data race
   is reported and fails).

   - 8 threads share one config, one key set, one key-set cache and one
     verified-token cache (with lock hooks). With one valid HS256 token
     (tests/fixtures/tokens/hs256.jwt, kid oct32) they alternate, as fast
     as they can, jwtauth_authenticate_cached (key set from the cache) and
     jwtauth_authenticate on the shared loaded key set; both go through
     the shared token cache, which must serve hits;
   - a prober thread takes snapshots with jwtauth_cache_acquire under a new
     unknown kid each time (the unknown-kid refresh path, cooled down) and
     verifies the token with jwtauth_jws_verify on the snapshot;
   - the main thread is the world: every 2 ms it advances the clock by one
     second (TTL 1 s: every tick expires the set) and changes the served
     document (the token's key plus a distractor whose kid changes, in an
     alternating order), for SECONDS seconds.
   The scripted fetch takes ~200 us so that callers meet the one fetch in
   flight (single flight): those that need it (nothing loaded yet, or an
   unknown kid) wait through the wait hook, the others are served the set
   past its TTL meanwhile (counted as stale serves). Every verification
   must succeed; fetches, unknown-kid refreshes, waits and such stale
   serves must have happened; one snapshot is live at the end. Last line exactly
   "stress: 1 passed, 0 failed" (or "stress: 0 passed, 1 failed"). */
#define _POSIX_C_SOURCE 200809L
#define JWTAUTH_IMPLEMENTATION
#include "../jwtauth.h"
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define THREADS 8
#define SECONDS 4
#define SOURCE "https://stress.example/jwks"

static pthread_mutex_t cache_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t world_mu = PTHREAD_MUTEX_INITIALIZER;
/* the world, under world_mu */
static int64_t world_now = 1800000000;   /* the clock, advanced by main */
static unsigned world_version;           /* which document is served */
static int stop;
static long ok_count, bad_count, probe_ok, probe_bad, waits, fetch_calls;
/* read-only once the threads run */
static char *key_jwk;
static char *token;
static size_t token_len;
static jwtauth_cache *cache;
static jwtauth_config cfg;
static jwtauth_keyset shared_ks;
static pthread_mutex_t tc_mu = PTHREAD_MUTEX_INITIALIZER;
static jwtauth_token_cache tcache;
static jwtauth_token_cache_entry tc_entries[16];
static long tc_hit_logins;

static void lock(void *u) { (void)u; pthread_mutex_lock(&cache_mu); }
static void unlock(void *u) { (void)u; pthread_mutex_unlock(&cache_mu); }
static void tc_lock(void *u) { pthread_mutex_lock((pthread_mutex_t *)u); }
static void tc_unlock(void *u) { pthread_mutex_unlock((pthread_mutex_t *)u); }
static void wait_a_bit(void *u)
{
	(void)u;
	pthread_mutex_lock(&world_mu);
	waits++;
	pthread_mutex_unlock(&world_mu);
	sched_yield();
}

static int64_t now_get(void)
{
	int64_t v;
	pthread_mutex_lock(&world_mu);
	v = world_now;
	pthread_mutex_unlock(&world_mu);
	return v;
}

static int stopped(void)
{
	int v;
	pthread_mutex_lock(&world_mu);
	v = stop;
	pthread_mutex_unlock(&world_mu);
	return v;
}

/* The scripted fetch: the current document, written straight into the
   library's buffer; a distractor oct key whose kid is the version. */
static int fetch(void *user, const char *url, char *buf, size_t cap, size_t *len,
	int64_t *max_age)
{
	static const char distractor[] = "{\"kty\":\"oct\",\"kid\":\"distractor-%u\","
		"\"k\":\"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8\"}";
	struct timespec slow = { 0, 200000 };
	char other[160];
	unsigned v;
	int n;
	(void)user; (void)max_age;
	if (strcmp(url, SOURCE) != 0) return JWTAUTH_ERR_IO;
	pthread_mutex_lock(&world_mu);
	v = world_version;
	fetch_calls++;
	pthread_mutex_unlock(&world_mu);
	nanosleep(&slow, NULL);
	snprintf(other, sizeof other, distractor, v);
	n = v & 1 ? snprintf(buf, cap, "{\"keys\":[%s,%s]}", key_jwk, other)
	          : snprintf(buf, cap, "{\"keys\":[%s,%s]}", other, key_jwk);
	if (n < 0) return JWTAUTH_ERR_IO;
	if ((size_t)n >= cap) return JWTAUTH_ERR_TOO_LARGE;
	*len = (size_t)n;
	return JWTAUTH_OK;
}

static void *verifier(void *arg)
{
	static jwtauth_login logins[THREADS];
	jwtauth_login *out = &logins[(size_t)arg];
	long ok = 0, bad = 0, hits = 0;
	unsigned round = 0;
	while (!stopped()) {
		jwtauth_error err;
		int rc, from_cache = round++ & 1;
		if (from_cache)
			rc = jwtauth_authenticate_cached(cache, &cfg, &tcache, "tom", 3,
				(const uint8_t *)token, token_len, JWTAUTH_RESPONSE_BARE, now_get(), out, &err);
		else
			rc = jwtauth_authenticate(&cfg, &shared_ks, &tcache, "tom", 3,
				(const uint8_t *)token, token_len, JWTAUTH_RESPONSE_BARE, now_get(), out, &err);
		if (rc == JWTAUTH_OK && out->cache_hit) hits++;
		if (rc == JWTAUTH_OK && strcmp(out->principal, "tom") == 0
		    && (from_cache ? out->jwt.key == NULL : out->jwt.key != NULL)) ok++;
		else {
			bad++;
			fprintf(stderr, "stress: verifier: %s: %s\n", jwtauth_error_name(rc), err.msg);
		}
	}
	pthread_mutex_lock(&world_mu);
	ok_count += ok;
	bad_count += bad;
	tc_hit_logins += hits;
	pthread_mutex_unlock(&world_mu);
	return NULL;
}

/* Unknown kids: each one may trigger a refresh (once per cooldown); the
   snapshot handed out must still hold the token's key and verify it. */
static void *prober(void *arg)
{
	static jwtauth_jwt jwt;
	long ok = 0, bad = 0;
	unsigned i = 0;
	(void)arg;
	while (!stopped()) {
		char kid[32];
		jwtauth_keys_ref ref;
		jwtauth_error err;
		int rc, n = snprintf(kid, sizeof kid, "unknown-%u", i++);
		rc = jwtauth_cache_acquire(cache, SOURCE, sizeof SOURCE - 1, kid, (size_t)n,
			now_get(), &ref, &err);
		if (rc == JWTAUTH_OK) {
			rc = jwtauth_jws_verify_signature_only(ref.keys, token, token_len, JWTAUTH_ALG_BIT(JWTAUTH_ALG_HS256), &jwt, &err);
			jwtauth_cache_release(cache, &ref);
		}
		if (rc == JWTAUTH_OK) ok++;
		else {
			bad++;
			fprintf(stderr, "stress: prober: %s: %s\n", jwtauth_error_name(rc), err.msg);
		}
		sched_yield();
	}
	pthread_mutex_lock(&world_mu);
	probe_ok += ok;
	probe_bad += bad;
	pthread_mutex_unlock(&world_mu);
	return NULL;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *b = (char *)malloc(65536);
	size_t n = 0;
	if (!f || !b) { if (f) fclose(f); free(b); return NULL; }
	n = fread(b, 1, 65535, f);
	fclose(f);
	while (n > 0 && (b[n - 1] == '\n' || b[n - 1] == ' ')) n--;
	b[n] = 0;
	if (len) *len = n;
	return b;
}

int main(void)
{
	static const char props[] = "{\"jwks_url\":\"" SOURCE "\","
		"\"principal_field\":\"sub\",\"required_issuer\":\"https://issuer.example\"}";
	pthread_t th[THREADS], probe;
	jwtauth_cache_options o;
	jwtauth_cache_stats st;
	struct timespec tick = { 0, 2000000 };
	time_t start;
	size_t i;
	uint64_t tc_hits = 0, tc_misses = 0;
	char *doc;
	int passed;
	key_jwk = slurp("tests/fixtures/keys/oct32.jwk.json", NULL);
	token = slurp("tests/fixtures/tokens/hs256.jwt", &token_len);
	if (!key_jwk || !token) {
		fprintf(stderr, "stress: fixtures missing (run from the repository root)\n");
		printf("stress: 0 passed, 1 failed\n");
		return 1;
	}
	if (jwtauth_config_parse(&cfg, props, sizeof props - 1, NULL) != JWTAUTH_OK) return 1;
	doc = (char *)malloc(strlen(key_jwk) + 16);
	if (!doc) return 1;
	sprintf(doc, "{\"keys\":[%s]}", key_jwk);
	if (jwtauth_keyset_parse(&shared_ks, doc, strlen(doc), NULL) != JWTAUTH_OK) return 1;
	free(doc);
	jwtauth_token_cache_init(&tcache, tc_entries, sizeof tc_entries / sizeof tc_entries[0]);
	jwtauth_token_cache_set_lock(&tcache, tc_lock, tc_unlock, &tc_mu);
	memset(&o, 0, sizeof o);
	o.fetch = fetch;
	o.lock = lock;
	o.unlock = unlock;
	o.wait = wait_a_bit;
	o.ttl = 1;                    /* cooldown: the default 30 s */
	cache = jwtauth_cache_new(&o, NULL);
	if (!cache) return 1;
	for (i = 0; i < THREADS; i++) pthread_create(&th[i], NULL, verifier, (void *)i);
	pthread_create(&probe, NULL, prober, NULL);
	start = time(NULL);
	while (time(NULL) - start < SECONDS) {
		nanosleep(&tick, NULL);
		pthread_mutex_lock(&world_mu);
		world_now++;                 /* every tick expires the TTL */
		world_version++;             /* and changes the served set */
		pthread_mutex_unlock(&world_mu);
	}
	pthread_mutex_lock(&world_mu);
	stop = 1;
	pthread_mutex_unlock(&world_mu);
	for (i = 0; i < THREADS; i++) pthread_join(th[i], NULL);
	pthread_join(probe, NULL);
	jwtauth_cache_get_stats(cache, &st);
	jwtauth_token_cache_stats(&tcache, &tc_hits, &tc_misses);
	jwtauth_token_cache_clear(&tcache);
	jwtauth_keyset_wipe(&shared_ks);
	jwtauth_cache_free(cache);
	free(token);
	free(key_jwk);
	printf("stress: %ld logins by %d threads, %ld failed; %ld probes with unknown kids, %ld failed\n",
		ok_count + bad_count, THREADS, bad_count, probe_ok + probe_bad, probe_bad);
	printf("stress: %lu fetches (%lu for unknown kids, %lu failed), %ld waits behind a fetch, "
		"%lu served past the TTL during a fetch, %lu snapshots live at the end\n",
		(unsigned long)st.fetches, (unsigned long)st.refreshes_unknown_kid,
		(unsigned long)st.fetch_failures, waits, (unsigned long)st.stale_served,
		(unsigned long)st.snapshots_live);
	printf("stress: verified-token cache shared by %d threads: %lu hits, %lu misses; "
		"%ld logins served by a hit\n", THREADS, (unsigned long)tc_hits,
		(unsigned long)tc_misses, tc_hit_logins);
	passed = tc_hits > 0 && tc_misses > 0 && (long)tc_hits == tc_hit_logins
		&& bad_count == 0 && ok_count > 0 && probe_bad == 0 && probe_ok > 0
		&& st.fetches > 10 && (long)st.fetches == fetch_calls && st.fetch_failures == 0
		&& st.refreshes_unknown_kid > 0 && waits > 0 && st.stale_served > 0 && st.snapshots_live == 1;
	printf("stress: %d passed, %d failed\n", passed, !passed);
	return passed ? 0 : 1;
}
