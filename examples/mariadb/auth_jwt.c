/* auth_jwt.c - a MariaDB authentication plugin: logins with a JWT, the
   per-user properties of StarRocks' authentication_jwt (docs/mariadb.md).

     INSTALL SONAME 'auth_jwt';
     CREATE USER tom IDENTIFIED VIA jwt USING
       '{"jwks_url":"jwks.json","principal_field":"preferred_username",
         "required_issuer":"http://localhost:38080/realms/master",
         "required_audience":"starrocks"}';
     $ MYSQL_PWD="$(cat tom.jwt)" mariadb --ssl -h db.example.com -u tom

   The client sends the token as its password (client plugin
   mysql_clear_password, which every MySQL/MariaDB client and driver has);
   the framing of MySQL's authentication_openid_connect_client (capability
   byte + length-encoded token) is accepted too. The token is a bearer
   credential: use TLS (REQUIRE SSL on the account) or the unix socket.

   Threads: one key-set cache per server process, shared by every
   connection thread through the cache's lock hooks (a pthread mutex). Each
   distinct property string is parsed once into a jwtauth_config kept until
   the plugin unloads, with its own verified-token cache; that cache is not
   thread-safe, so a login uses it only when it can take the config's mutex
   at once, and otherwise verifies without it (a login never waits for
   another one).

   Every call into jwtauth.h is in the section "THE JWTAUTH.H BOUNDARY";
   the rest is MariaDB glue.

   Build: examples/mariadb/mariadb.mk (`make build/auth_jwt.so`), with
   -shared -fPIC -DMYSQL_DYNAMIC_PLUGIN against the server plugin headers
   (Debian: libmariadbd-dev). -DAUTH_JWT_CURL adds http(s) jwks_url
   through examples/fetch_curl.c (link -lcurl). */
#define _POSIX_C_SOURCE 200809L

#define JWTAUTH_STATIC
#define JWTAUTH_IMPLEMENTATION
#include "../../jwtauth.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <mysql/plugin_auth.h>
#include <mysqld_error.h>

#ifdef AUTH_JWT_CURL
#include "../fetch_curl.c"
#endif

/* The server keeps what preprocess_hash writes in a buffer of this size
   (MAX_SCRAMBLE_LENGTH in sql_acl.cc); the properties are kept as is. */
#define AUTH_JWT_MAX_PROPERTIES 1024
/* Distinct property strings kept parsed (with a token cache each); more
   are parsed for each login and verified without a token cache. */
#define AUTH_JWT_MAX_ACCOUNTS 256
/* One error-log line. */
#define AUTH_JWT_LINE 1024

/* ---------------------------------------------------- system variables */

static char *opt_conf_dir;
static unsigned int opt_cache_ttl;
static unsigned int opt_cache_cooldown;
static unsigned int opt_cache_max_stale;
static unsigned int opt_token_cache_size;
static unsigned int opt_fetch_timeout;

static MYSQL_SYSVAR_STR(conf_dir, opt_conf_dir,
	PLUGIN_VAR_READONLY | PLUGIN_VAR_RQCMDARG,
	"Directory where a file jwks_url is looked up (an absolute name, or one "
	"leaving the directory, is refused). Empty: file key sets are refused.",
	NULL, NULL, "");
static MYSQL_SYSVAR_UINT(cache_ttl, opt_cache_ttl, PLUGIN_VAR_READONLY,
	"Seconds a loaded key set is used before it is loaded again.",
	NULL, NULL, 300, 1, 86400, 0);
static MYSQL_SYSVAR_UINT(cache_cooldown, opt_cache_cooldown, PLUGIN_VAR_READONLY,
	"Minimum seconds between reloads caused by tokens with an unknown kid, "
	"and between attempts after a failed load.",
	NULL, NULL, 30, 1, 86400, 0);
static MYSQL_SYSVAR_UINT(cache_max_stale, opt_cache_max_stale, PLUGIN_VAR_READONLY,
	"Seconds past its TTL the last good key set is still used while "
	"reloading it fails.",
	NULL, NULL, 3600, 1, 604800, 0);
static MYSQL_SYSVAR_UINT(token_cache_size, opt_token_cache_size, PLUGIN_VAR_READONLY,
	"Verified tokens remembered per distinct property string (about 2 KB "
	"each); a hit skips only the signature check. 0: off.",
	NULL, NULL, 64, 0, 4096, 0);
static MYSQL_SYSVAR_UINT(fetch_timeout, opt_fetch_timeout, PLUGIN_VAR_READONLY,
	"Seconds an http(s) key-set fetch may take (connect: half of it).",
	NULL, NULL, 10, 1, 300, 0);

static struct st_mysql_sys_var *auth_jwt_sysvars[] = {
	MYSQL_SYSVAR(conf_dir),
	MYSQL_SYSVAR(cache_ttl),
	MYSQL_SYSVAR(cache_cooldown),
	MYSQL_SYSVAR(cache_max_stale),
	MYSQL_SYSVAR(token_cache_size),
	MYSQL_SYSVAR(fetch_timeout),
	NULL
};

/* ------------------------------------------------------------ counters */

typedef struct auth_jwt_counters {
	unsigned long long accepted, refused, token_cache_hits;
} auth_jwt_counters;

static pthread_mutex_t g_count_mu = PTHREAD_MUTEX_INITIALIZER;
static auth_jwt_counters g_count;

/* ------------------------------------------------------------- logging */

/* One line in the server's error log (never the token, never a secret). */
static void auth_jwt_log(int warning, const char *fmt, ...)
{
	char line[AUTH_JWT_LINE];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	my_printf_error(ER_UNKNOWN_ERROR, "%s",
		ME_ERROR_LOG_ONLY | (warning ? ME_WARNING : 0), line);
}

/* Copy text for a log line (cap >= 4): printable ASCII kept, anything
   else '?', at most cap - 1 bytes, "..." when cut. Names from a token or a property
   string must not be able to forge log lines. */
static void auth_jwt_clean(char *out, size_t cap, const char *s, size_t len)
{
	size_t i, n = 0;
	for (i = 0; i < len && n + 1 < cap; i++) {
		unsigned char c = (unsigned char)s[i];
		out[n++] = c >= 0x20 && c < 0x7f ? (char)c : '?';
	}
	if (i < len) {
		n = n > cap - 4 ? cap - 4 : n;
		memcpy(out + n, "...", 3);
		n += 3;
	}
	out[n] = 0;
}

/* A key source for a log line: the userinfo of a URL (user:password@)
   is left out. */
static void auth_jwt_clean_source(char *out, size_t cap, const char *s, size_t len)
{
	const char *scheme = NULL, *at = NULL, *p;
	size_t i;
	for (i = 0; i + 3 <= len; i++)
		if (memcmp(s + i, "://", 3) == 0) { scheme = s + i + 3; break; }
	if (scheme) {
		for (p = scheme; p < s + len && *p != '/'; p++)
			if (*p == '@') at = p;
	}
	if (at && cap > (size_t)(scheme - s)) {
		size_t head = (size_t)(scheme - s);
		auth_jwt_clean(out, cap, s, head);
		auth_jwt_clean(out + strlen(out), cap - strlen(out), at + 1,
			len - (size_t)(at + 1 - s));
		return;
	}
	auth_jwt_clean(out, cap, s, len);
}

/* ======================================================================
   THE JWTAUTH.H BOUNDARY
   Every jwtauth_* call of the plugin is in this section:
     auth_jwt_keys_open / _close  the process-wide key-set cache
     auth_jwt_keys_stats          its counters
     auth_jwt_props_check         the properties, at CREATE/ALTER USER
     auth_jwt_login               one login
   plus the table of parsed property strings they share.
   ====================================================================== */

static jwtauth_cache *g_cache;
static pthread_mutex_t g_cache_mu = PTHREAD_MUTEX_INITIALIZER;
#ifdef AUTH_JWT_CURL
static fetch_curl_options g_fetch;
#endif

static void auth_jwt_lock(void *user) { pthread_mutex_lock((pthread_mutex_t *)user); }
static void auth_jwt_unlock(void *user) { pthread_mutex_unlock((pthread_mutex_t *)user); }
/* Called with the cache unlocked while another thread loads a key set
   this login needs. */
static void auth_jwt_wait(void *user)
{
	struct timespec ts;
	(void)user;
	ts.tv_sec = 0;
	ts.tv_nsec = 5 * 1000 * 1000;
	nanosleep(&ts, NULL);
}

/* Nothing is loaded here: key sets load on the first login that needs
   them, so a key source that is down never delays the server's start. */
static int auth_jwt_keys_open(void)
{
	jwtauth_cache_options o;
	memset(&o, 0, sizeof o);
	o.conf_dir = opt_conf_dir && opt_conf_dir[0] ? opt_conf_dir : NULL;
	o.lock = auth_jwt_lock;
	o.unlock = auth_jwt_unlock;
	o.wait = auth_jwt_wait;
	o.lock_user = &g_cache_mu;
	o.ttl = (int64_t)opt_cache_ttl;
	o.cooldown = (int64_t)opt_cache_cooldown;
	o.max_stale = (int64_t)opt_cache_max_stale;
	/* a short TTL asked for by the operator is not raised by the
	   library's clamp of a server's max-age */
	o.min_ttl = (int64_t)opt_cache_ttl < JWTAUTH_CACHE_MIN_TTL
		? (int64_t)opt_cache_ttl : JWTAUTH_CACHE_MIN_TTL;
#ifdef AUTH_JWT_CURL
	g_fetch.total_timeout_ms = (long)opt_fetch_timeout * 1000L;
	g_fetch.connect_timeout_ms = g_fetch.total_timeout_ms / 2;
	o.fetch = fetch_curl;
	o.fetch_user = &g_fetch;
#endif
	g_cache = jwtauth_cache_new(&o, NULL);
	return g_cache ? 0 : 1;
}

static void auth_jwt_keys_close(void)
{
	jwtauth_cache_free(g_cache);
	g_cache = NULL;
}

typedef struct auth_jwt_key_stats {
	unsigned long long loads, load_failures, stale_serves, unknown_kid_refreshes;
} auth_jwt_key_stats;

static void auth_jwt_keys_stats(auth_jwt_key_stats *out)
{
	jwtauth_cache_stats st;
	memset(&st, 0, sizeof st);
	if (g_cache) jwtauth_cache_get_stats(g_cache, &st);
	out->loads = st.fetches;
	out->load_failures = st.fetch_failures;
	out->stale_serves = st.stale_served;
	out->unknown_kid_refreshes = st.refreshes_unknown_kid;
}

/* "CONFIG_MEMBER: unknown property (nope)" */
static void auth_jwt_describe(char *out, size_t cap, int rc, const jwtauth_error *e)
{
	char detail[128];
	detail[0] = 0;
	if (e->detail_len)
		auth_jwt_clean(detail, sizeof detail, e->detail, e->detail_len);
	snprintf(out, cap, "%s: %s%s%s%s", jwtauth_error_name(rc),
		e->msg ? e->msg : jwtauth_strerror(rc),
		detail[0] ? " (" : "", detail, detail[0] ? ")" : "");
}

/* The properties: parsed by the library with all its rules, a jwks_url
   required (this plugin has no server-wide default), and a file name
   checked against the confinement rules. 0, or 1 with the reason in why. */
static int auth_jwt_parse(jwtauth_config *cfg, const char *props, size_t len,
	char *why, size_t cap)
{
	jwtauth_error e;
	char path[2 * JWTAUTH_MAX_SOURCE_LEN + 2];
	int rc, is_url = 0;
	memset(&e, 0, sizeof e);
	rc = jwtauth_config_parse(cfg, props, len, &e);
	if (rc != JWTAUTH_OK) {
		auth_jwt_describe(why, cap, rc, &e);
		return 1;
	}
	if (!cfg->jwks_url.p || cfg->jwks_url.len == 0) {
		snprintf(why, cap, "CONFIG_MISSING: jwks_url is required");
		return 1;
	}
	/* the name's shape only (a stand-in directory when none is set: the
	   login then says that jwt_conf_dir is missing) */
	rc = jwtauth_source_resolve(opt_conf_dir && opt_conf_dir[0] ? opt_conf_dir : "/",
		cfg->jwks_url.p, cfg->jwks_url.len, path, sizeof path, &is_url, &e);
	if (rc != JWTAUTH_OK) {
		char src[128], d[256];
		auth_jwt_clean_source(src, sizeof src, cfg->jwks_url.p, cfg->jwks_url.len);
		auth_jwt_describe(d, sizeof d, rc, &e);
		snprintf(why, cap, "jwks_url '%s' refused: %s", src, d);
		return 1;
	}
#ifndef AUTH_JWT_CURL
	if (is_url) {
		snprintf(why, cap, "CONFIG_PATH: jwks_url is a URL, and this build of "
			"the plugin has no libcurl (use a file under jwt_conf_dir)");
		return 1;
	}
#endif
	return 0;
}

static int auth_jwt_props_check(const char *props, size_t len, char *why, size_t cap)
{
	jwtauth_config *cfg = (jwtauth_config *)malloc(sizeof *cfg);
	int bad;
	if (!cfg) {
		snprintf(why, cap, "out of memory");
		return 1;
	}
	bad = auth_jwt_parse(cfg, props, len, why, cap);
	free(cfg);
	return bad;
}

/* A parsed property string, kept until the plugin unloads, with its
   verified-token cache (shared by every connection thread through the
   cache's lock hooks on `busy`). `cfg` is read-only once published. */
typedef struct auth_jwt_account {
	struct auth_jwt_account *next;
	uint64_t hash;
	size_t props_len;
	char props[AUTH_JWT_MAX_PROPERTIES];
	jwtauth_config cfg;
	pthread_mutex_t busy;
	int has_tc;               /* tc holds entries and is shared */
	jwtauth_token_cache tc;
	jwtauth_token_cache_entry *entries;
} auth_jwt_account;

static pthread_mutex_t g_acc_mu = PTHREAD_MUTEX_INITIALIZER;
static auth_jwt_account *g_accounts;
static size_t g_n_accounts;

/* A wipe the compiler cannot drop as a dead store before free(). */
static void auth_jwt_wipe(void *p, size_t n)
{
	volatile unsigned char *v = (volatile unsigned char *)p;
	while (n--) *v++ = 0;
}

static uint64_t auth_jwt_hash(const char *p, size_t n)
{
	uint64_t h = 1469598103934665603ull;   /* FNV-1a */
	size_t i;
	for (i = 0; i < n; i++) {
		h ^= (unsigned char)p[i];
		h *= 1099511628211ull;
	}
	return h;
}

static void auth_jwt_account_free(auth_jwt_account *a)
{
	if (!a) return;
	pthread_mutex_destroy(&a->busy);
	/* the token cache holds copies of bearer tokens */
	if (a->entries) {
		auth_jwt_wipe(a->entries, a->tc.n_entries * sizeof *a->entries);
		free(a->entries);
	}
	free(a);
}

static void auth_jwt_accounts_free(void)
{
	auth_jwt_account *a = g_accounts, *next;
	for (; a; a = next) {
		next = a->next;
		auth_jwt_account_free(a);
	}
	g_accounts = NULL;
	g_n_accounts = 0;
}

static auth_jwt_account *auth_jwt_account_find(uint64_t h, const char *props, size_t len)
{
	auth_jwt_account *a;
	for (a = g_accounts; a; a = a->next)
		if (a->hash == h && a->props_len == len && memcmp(a->props, props, len) == 0)
			return a;
	return NULL;
}

/* The parsed form of `props`: from the table, or parsed now. *owned is
   set when the caller must free it (the table is full). NULL with the
   reason in why when the properties are refused. */
static auth_jwt_account *auth_jwt_account_get(const char *props, size_t len,
	int *owned, char *why, size_t cap)
{
	uint64_t h = auth_jwt_hash(props, len);
	auth_jwt_account *a, *other;
	int kept = 0;
	*owned = 0;
	if (len > AUTH_JWT_MAX_PROPERTIES) {
		snprintf(why, cap, "TOO_LARGE: properties longer than %d bytes",
			AUTH_JWT_MAX_PROPERTIES);
		return NULL;
	}
	pthread_mutex_lock(&g_acc_mu);
	a = auth_jwt_account_find(h, props, len);
	pthread_mutex_unlock(&g_acc_mu);
	if (a) return a;

	/* parse outside the lock */
	a = (auth_jwt_account *)calloc(1, sizeof *a);
	if (!a) {
		snprintf(why, cap, "out of memory");
		return NULL;
	}
	a->hash = h;
	a->props_len = len;
	memcpy(a->props, props, len);
	if (auth_jwt_parse(&a->cfg, props, len, why, cap)) {
		free(a);
		return NULL;
	}
	pthread_mutex_init(&a->busy, NULL);
	if (opt_token_cache_size > 0) {
		a->entries = (jwtauth_token_cache_entry *)calloc(opt_token_cache_size,
			sizeof *a->entries);
		if (a->entries) {
			jwtauth_token_cache_init(&a->tc, a->entries, opt_token_cache_size);
			jwtauth_token_cache_set_lock(&a->tc, auth_jwt_lock, auth_jwt_unlock, &a->busy);
			a->has_tc = 1;
		}
	}
	pthread_mutex_lock(&g_acc_mu);
	other = auth_jwt_account_find(h, props, len);
	if (!other && g_n_accounts < AUTH_JWT_MAX_ACCOUNTS) {
		a->next = g_accounts;
		g_accounts = a;
		g_n_accounts++;
		kept = 1;
	}
	pthread_mutex_unlock(&g_acc_mu);
	if (other) {
		/* another login parsed the same properties first */
		auth_jwt_account_free(a);
		return other;
	}
	if (!kept) {
		/* table full: this login alone, no token cache */
		a->has_tc = 0;
		*owned = 1;
	}
	return a;
}

/* What one login came to, for the glue. */
typedef struct auth_jwt_outcome {
	int accepted;
	int cache_hit;
	char principal[JWTAUTH_MAX_PRINCIPAL_LEN + 1];
	char why[512];          /* refused: "NAME: message (detail)" */
	char warning[512];      /* accepted from a stale key set: why */
} auth_jwt_outcome;

/* One login: `props` is the account's USING string, `user` the login
   name, resp/len the client's auth response (a bare token, NUL-padded,
   or the openid_connect framing). */
static void auth_jwt_login(const char *props, size_t props_len,
	const char *user, size_t user_len, const unsigned char *resp, size_t len,
	auth_jwt_outcome *o)
{
	auth_jwt_account *a;
	jwtauth_login *login;
	jwtauth_error e;
	const jwtauth_config *cfg;
	int owned = 0, rc;
	size_t i;

	memset(o, 0, sizeof *o);
	a = auth_jwt_account_get(props, props_len, &owned, o->why, sizeof o->why);
	if (!a) return;
	login = (jwtauth_login *)malloc(sizeof *login);
	if (!login) {
		snprintf(o->why, sizeof o->why, "out of memory");
		if (owned) auth_jwt_account_free(a);
		return;
	}
	/* a response of NUL bytes only is an empty password */
	for (i = 0; i < len && resp[i] == 0; i++) {}
	if (i == len) len = 0;

	cfg = &a->cfg;
	memset(&e, 0, sizeof e);
	login->cache_hit = 0;
	login->keys_unavailable = 0;
	rc = jwtauth_authenticate_cached(g_cache, cfg, a->has_tc ? &a->tc : NULL, user, user_len,
		resp, len, JWTAUTH_RESPONSE_AUTO, (int64_t)time(NULL), login, &e);

	o->cache_hit = login->cache_hit;
	if (rc == JWTAUTH_OK) {
		o->accepted = 1;
		memcpy(o->principal, login->principal, login->principal_len + 1);
		if (login->keys_stale && login->keys_refresh_error != JWTAUTH_OK) {
			char src[128];
			auth_jwt_clean_source(src, sizeof src, cfg->jwks_url.p, cfg->jwks_url.len);
			snprintf(o->warning, sizeof o->warning,
				"key set '%s' is past its TTL and reloading it failed (%s); "
				"the previous set was used", src,
				jwtauth_error_name(login->keys_refresh_error));
		}
	} else if (login->keys_unavailable) {
		char src[128], d[320];
		auth_jwt_clean_source(src, sizeof src, cfg->jwks_url.p, cfg->jwks_url.len);
		auth_jwt_describe(d, sizeof d, rc, &e);
		snprintf(o->why, sizeof o->why, "key set '%s' unavailable: %s", src, d);
	} else {
		auth_jwt_describe(o->why, sizeof o->why, rc, &e);
		/* a password that is no JWT is read as the openid_connect framing
		   (it does not start "ey"): say so, the framing error alone
		   puzzles an operator */
		if (rc == JWTAUTH_ERR_AUTH_RESPONSE) {
			size_t w = strlen(o->why);
			snprintf(o->why + w, sizeof o->why - w,
				"; the password is neither a JWT nor an "
				"authentication_openid_connect_client response");
		}
	}
	/* the login held the token's decoded claims */
	auth_jwt_wipe(login, sizeof *login);
	free(login);
	if (owned) auth_jwt_account_free(a);
}

/* ================================================ end of the boundary */

/* ------------------------------------------------- the plugin's methods */

static const char *auth_jwt_transport(MYSQL_PLUGIN_VIO *vio)
{
	MYSQL_PLUGIN_VIO_INFO info;
	memset(&info, 0, sizeof info);
	vio->info(vio, &info);
	return info.protocol == MYSQL_VIO_SOCKET ? "unix socket"
		: info.protocol == MYSQL_VIO_TCP ? "tcp" : "other transport";
}

static int auth_jwt_authenticate(MYSQL_PLUGIN_VIO *vio, MYSQL_SERVER_AUTH_INFO *info)
{
	unsigned char *pkt = NULL;
	int n;
	auth_jwt_outcome *o;
	char user[128], host[128];

	/* the server asks the client for mysql_clear_password first */
	n = vio->read_packet(vio, &pkt);
	if (n < 0) return CR_ERROR;
	if (!info->user_name) return CR_ERROR;
	info->password_used = PASSWORD_USED_YES;
	o = (auth_jwt_outcome *)malloc(sizeof *o);
	if (!o) return CR_ERROR;
	auth_jwt_login(info->auth_string ? info->auth_string : "",
		info->auth_string ? info->auth_string_length : 0,
		info->user_name, info->user_name_length, pkt, (size_t)n, o);

	pthread_mutex_lock(&g_count_mu);
	if (o->accepted) g_count.accepted++;
	else g_count.refused++;
	if (o->cache_hit) g_count.token_cache_hits++;
	pthread_mutex_unlock(&g_count_mu);

	auth_jwt_clean(user, sizeof user, info->user_name, info->user_name_length);
	auth_jwt_clean(host, sizeof host, info->host_or_ip ? info->host_or_ip : "",
		info->host_or_ip ? info->host_or_ip_length : 0);
	if (!o->accepted) {
		auth_jwt_log(1, "jwt: login of '%s'@'%s' (%s) refused: %s", user, host,
			auth_jwt_transport(vio), o->why);
		free(o);
		return CR_ERROR;
	}
	if (o->warning[0])
		auth_jwt_log(1, "jwt: login of '%s'@'%s': %s", user, host, o->warning);
	/* @@external_user names the token's principal */
	{
		size_t pl = strlen(o->principal);
		if (pl > MYSQL_USERNAME_LENGTH) pl = MYSQL_USERNAME_LENGTH;
		memcpy(info->external_user, o->principal, pl);
		info->external_user[pl] = 0;
	}
	free(o);
	return CR_OK;
}

/* CREATE USER / ALTER USER (and the loading of accounts): the properties
   are checked here, so a bad string never becomes an account. A refusal
   makes the statement fail with ER_CANNOT_USER (1396); the reason goes to
   the error log and, as a warning, to the client (SHOW WARNINGS). */
static int auth_jwt_preprocess(const char *props, size_t len,
	unsigned char *out, size_t *out_len)
{
	char why[512];
	if (len > *out_len || len > AUTH_JWT_MAX_PROPERTIES) {
		snprintf(why, sizeof why, "TOO_LARGE: properties longer than %lu bytes",
			(unsigned long)(*out_len < AUTH_JWT_MAX_PROPERTIES
				? *out_len : AUTH_JWT_MAX_PROPERTIES));
	} else if (!auth_jwt_props_check(props, len, why, sizeof why)) {
		memcpy(out, props, len);
		*out_len = len;
		return 0;
	}
	my_printf_error(ER_UNKNOWN_ERROR, "jwt: properties refused: %s",
		ME_ERROR_LOG | ME_WARNING, why);
	return 1;
}

static struct st_mysql_auth auth_jwt_descriptor = {
	MYSQL_AUTHENTICATION_INTERFACE_VERSION,
	"mysql_clear_password",
	auth_jwt_authenticate,
	NULL,                      /* no PASSWORD(): the properties are not a secret */
	auth_jwt_preprocess
};

/* ------------------------------------------------------ status variables */

static int auth_jwt_show(MYSQL_THD thd, struct st_mysql_show_var *var, void *buff,
	struct system_status_var *status, enum enum_var_type scope)
{
	/* buff holds SHOW_VAR_FUNC_BUFF_SIZE bytes: the array, then the values */
	struct st_mysql_show_var *v = (struct st_mysql_show_var *)buff;
	unsigned long long *val = (unsigned long long *)(v + 9);
	auth_jwt_counters c;
	auth_jwt_key_stats k;
	static const char *const names[8] = {
		"logins_accepted", "logins_refused", "token_cache_hits",
		"key_set_loads", "key_set_load_failures", "stale_serves",
		"unknown_kid_refreshes", "accounts_parsed"
	};
	size_t i;
	(void)thd; (void)status; (void)scope;
	pthread_mutex_lock(&g_count_mu);
	c = g_count;
	pthread_mutex_unlock(&g_count_mu);
	auth_jwt_keys_stats(&k);
	val[0] = c.accepted;
	val[1] = c.refused;
	val[2] = c.token_cache_hits;
	val[3] = k.loads;
	val[4] = k.load_failures;
	val[5] = k.stale_serves;
	val[6] = k.unknown_kid_refreshes;
	pthread_mutex_lock(&g_acc_mu);
	val[7] = g_n_accounts;
	pthread_mutex_unlock(&g_acc_mu);
	for (i = 0; i < 8; i++) {
		v[i].name = names[i];
		v[i].value = &val[i];
		v[i].type = SHOW_ULONGLONG;
	}
	v[8].name = NULL;
	v[8].value = NULL;
	v[8].type = SHOW_UNDEF;
	var->type = SHOW_ARRAY;
	var->value = (void *)v;
	return 0;
}

/* 9 array entries and 8 values must fit the server's buffer */
typedef char auth_jwt_show_fits[
	9 * sizeof(struct st_mysql_show_var) + 8 * sizeof(unsigned long long)
	<= SHOW_VAR_FUNC_BUFF_SIZE ? 1 : -1];

/* The server's API keeps the function in a void * (ISO C has no such
   conversion; every platform the server runs on does). */
#if defined(__GNUC__) || defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpedantic"
#endif
static struct st_mysql_show_var auth_jwt_status[] = {
	{ "jwt", (void *)auth_jwt_show, SHOW_FUNC },
	{ NULL, NULL, SHOW_UNDEF }
};
#if defined(__GNUC__) || defined(__clang__)
#pragma GCC diagnostic pop
#endif

/* ------------------------------------------------------ load and unload */

static int auth_jwt_init(void *p)
{
	(void)p;
#ifdef AUTH_JWT_CURL
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		auth_jwt_log(0, "jwt: curl_global_init failed");
		return 1;
	}
#endif
	memset(&g_count, 0, sizeof g_count);
	if (auth_jwt_keys_open()) {
		auth_jwt_log(0, "jwt: out of memory for the key-set cache");
#ifdef AUTH_JWT_CURL
		curl_global_cleanup();
#endif
		return 1;
	}
	return 0;
}

static int auth_jwt_deinit(void *p)
{
	(void)p;
	auth_jwt_accounts_free();
	auth_jwt_keys_close();
#ifdef AUTH_JWT_CURL
	curl_global_cleanup();
#endif
	return 0;
}

maria_declare_plugin(auth_jwt)
{
	MYSQL_AUTHENTICATION_PLUGIN,
	&auth_jwt_descriptor,
	"jwt",
	"the jwtauth.h authors",
	"JWT / OpenID Connect ID token login with StarRocks authentication_jwt properties",
	PLUGIN_LICENSE_BSD,
	auth_jwt_init,
	auth_jwt_deinit,
	0x0001,
	auth_jwt_status,
	auth_jwt_sysvars,
	"0.1",
	MariaDB_PLUGIN_MATURITY_GAMMA
}
maria_declare_plugin_end;
