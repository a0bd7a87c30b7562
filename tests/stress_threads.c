/* stress_threads.c - the key-set cache under threads: 8 threads run
   jwtauth_authenticate_cached with one valid token while another thread
   keeps the clock moving and the served key set changing (TTL 1 s), so
   snapshots are published and retired under the readers. Built with
   -fsanitize=thread (make stress): any data race is reported. Every
   verification must succeed. */
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

static pthread_mutex_t cache_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t world_mu = PTHREAD_MUTEX_INITIALIZER;
static int64_t world_now = 1800000000;   /* the clock, advanced by the rotator */
static int world_version;                /* which document is served */
static int stop;
static char docs[2][4096];
static char *token;
static size_t token_len;
static jwtauth_cache *cache;
static jwtauth_config cfg;
static long ok_count, bad_count;

static void lock(void *u) { (void)u; pthread_mutex_lock(&cache_mu); }
static void unlock(void *u) { (void)u; pthread_mutex_unlock(&cache_mu); }
static void wait_a_bit(void *u) { (void)u; sched_yield(); }

static int64_t now_get(void)
{
	int64_t v;
	pthread_mutex_lock(&world_mu);
	v = world_now;
	pthread_mutex_unlock(&world_mu);
	return v;
}

/* Serves the current document; both hold the token's key (oct32) plus a
   distractor whose kid changes, so each refresh really changes the set. */
static int fetch(void *user, const char *url, char *buf, size_t cap, size_t *len,
	int64_t *max_age)
{
	size_t n;
	(void)user; (void)url; (void)max_age;
	pthread_mutex_lock(&world_mu);
	n = strlen(docs[world_version]);
	if (n <= cap) memcpy(buf, docs[world_version], n);
	pthread_mutex_unlock(&world_mu);
	if (n > cap) return JWTAUTH_ERR_TOO_LARGE;
	*len = n;
	return JWTAUTH_OK;
}

static void *verifier(void *arg)
{
	static jwtauth_login logins[THREADS];
	jwtauth_login *out = &logins[(size_t)arg];
	long ok = 0, bad = 0;
	for (;;) {
		jwtauth_error err;
		int rc, done;
		pthread_mutex_lock(&world_mu);
		done = stop;
		pthread_mutex_unlock(&world_mu);
		if (done) break;
		rc = jwtauth_authenticate_cached(cache, &cfg, "tom", 3, (const uint8_t *)token,
			token_len, JWTAUTH_RESPONSE_BARE, now_get(), out, &err);
		if (rc == JWTAUTH_OK && strcmp(out->principal, "tom") == 0) ok++;
		else {
			bad++;
			fprintf(stderr, "stress: %s: %s\n", jwtauth_error_name(rc), err.msg);
		}
	}
	pthread_mutex_lock(&world_mu);
	ok_count += ok;
	bad_count += bad;
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
	static const char props[] = "{\"jwks_url\":\"https://stress.example/jwks\","
		"\"principal_field\":\"sub\",\"required_issuer\":\"https://issuer.example\"}";
	pthread_t th[THREADS];
	jwtauth_cache_options o;
	jwtauth_cache_stats st;
	struct timespec tick = { 0, 2000000 };
	time_t start;
	size_t i;
	char *k = slurp("tests/fixtures/keys/oct32.jwk.json", NULL);
	token = slurp("tests/fixtures/tokens/hs256.jwt", &token_len);
	if (!k || !token) { fprintf(stderr, "stress: fixtures missing\n"); return 1; }
	for (i = 0; i < 2; i++)
		snprintf(docs[i], sizeof docs[i], "{\"keys\":[%s,{\"kty\":\"oct\",\"kid\":\"distractor-%u\","
			"\"k\":\"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8\"}]}", k, (unsigned)i);
	free(k);
	if (jwtauth_config_parse(&cfg, props, sizeof props - 1, NULL) != JWTAUTH_OK) return 1;
	memset(&o, 0, sizeof o);
	o.fetch = fetch;
	o.lock = lock;
	o.unlock = unlock;
	o.wait = wait_a_bit;
	o.ttl = 1;
	cache = jwtauth_cache_new(&o);
	for (i = 0; i < THREADS; i++) pthread_create(&th[i], NULL, verifier, (void *)i);
	start = time(NULL);
	while (time(NULL) - start < SECONDS) {
		nanosleep(&tick, NULL);
		pthread_mutex_lock(&world_mu);
		world_now++;                 /* every tick expires the TTL */
		world_version ^= 1;          /* and changes the served set */
		pthread_mutex_unlock(&world_mu);
	}
	pthread_mutex_lock(&world_mu);
	stop = 1;
	pthread_mutex_unlock(&world_mu);
	for (i = 0; i < THREADS; i++) pthread_join(th[i], NULL);
	jwtauth_cache_get_stats(cache, &st);
	jwtauth_cache_free(cache);
	free(token);
	printf("stress: %ld verifications by %d threads, %ld failed; %lu fetches, %lu snapshots live at the end\n",
		ok_count + bad_count, THREADS, bad_count, (unsigned long)st.fetches,
		(unsigned long)st.snapshots_live);
	if (bad_count == 0 && ok_count > 0 && st.fetches > 10 && st.snapshots_live == 1) {
		printf("stress: 1 passed, 0 failed\n");
		return 0;
	}
	printf("stress: 0 passed, 1 failed\n");
	return 1;
}
