/* mysql_server.c - a small MySQL-protocol server that logs users in with a
   JWT through jwtauth.h, as StarRocks' authentication_jwt does (built as
   build/jwtauth-mysqld).

     jwtauth-mysqld --accounts examples/demo/accounts.sql \
                    --jwks examples/demo/conf/jwks.json

   One process, one thread, poll(). It speaks just enough of the MySQL
   client/server protocol (protocol 41) to authenticate a real client:
     Handshake V10 (auth plugin mysql_native_password, 20-byte nonce)
       <- HandshakeResponse41 (user, auth response, plugin, attributes)
     AuthSwitchRequest to authentication_openid_connect_client, unless the
     client already used that plugin
       <- 1 capability byte + the ID token as a length-encoded string
     jwtauth_authenticate_cached -> OK, or ERR 1045 (28000) with the reason.
   After login: SELECT CURRENT_USER() / SELECT USER() (the principal),
   SELECT @@version_comment, SET ... (accepted and ignored), COM_PING,
   COM_QUIT; anything else gets a clean ERR. Every length is checked; a
   malformed packet closes that connection only. See README.md.

   Key sets come from the library's key-set cache (jwtauth_cache_*): a
   jwks_url that is a file name is read under --conf-dir, an http(s) one
   is fetched with examples/fetch_curl.c when built with libcurl
   (JWTAUTH_MYSQLD_CURL, set by examples/mysql.mk); a set is reloaded
   after its TTL or for a token with an unknown kid. --jwks FILE instead
   loads one set once, for every account.

   This is an example: no TLS (serve loopback or a Unix socket), no SQL
   beyond the statements above. */
#define _POSIX_C_SOURCE 200809L

#define JWTAUTH_IMPLEMENTATION
#include "../jwtauth.h"

#ifdef JWTAUTH_MYSQLD_CURL
#include "fetch_curl.c"
#endif

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#ifndef NI_MAXHOST              /* not in POSIX; glibc's values */
#define NI_MAXHOST 1025
#endif
#ifndef NI_MAXSERV
#define NI_MAXSERV 32
#endif
/* Linux reports a peer's shutdown of its write side as POLLRDHUP, which
   <poll.h> defines only with _GNU_SOURCE; elsewhere EOF shows as POLLIN. */
#ifndef POLLRDHUP
#ifdef __linux__
#define POLLRDHUP 0x2000
#else
#define POLLRDHUP 0
#endif
#endif

#define PROG "jwtauth-mysqld"
#define SERVER_VERSION "8.0.33-jwtauth-" JWTAUTH_VERSION_STRING
#define VERSION_COMMENT "jwtauth.h MySQL-protocol example"

/* ---- limits ---- */
#define MAX_PACKET 65536u          /* largest payload accepted, any phase */
#define IN_CAP (4u + MAX_PACKET)   /* one whole packet with its header */
#define OUT_CAP 16384u             /* pending output per connection */
#define OUT_RESERVE 4096u          /* room needed before reading a packet */
#define MAX_USER_LEN 128u          /* bytes of a login name */
#define MAX_DB_LEN 256u
#define MAX_PLUGIN_LEN 64u
#define MAX_MSG 512u               /* bytes of an ERR message */
#define AUTH_TIMEOUT_S 10          /* greeting to OK/ERR, default */
#define MAX_AUTH_TIMEOUT_S 600
#define IDLE_TIMEOUT_MS 3600000    /* between commands */
#define LINGER_MS 2000             /* draining input after a final ERR */
#define PUMP_ROUNDS 16             /* process/flush rounds per connection and pass */
#define MAX_ACCOUNTS 1024u
#define MAX_ACCOUNTS_FILE (1024u * 1024u)
#define MAX_PROPS_LEN 65536u
#define MAX_CONNECTIONS_LIMIT 1024
#define MAX_LISTENERS 2

/* ---- capability flags (MySQL protocol basics) ---- */
#define CLIENT_LONG_PASSWORD 0x00000001u
#define CLIENT_FOUND_ROWS 0x00000002u
#define CLIENT_LONG_FLAG 0x00000004u
#define CLIENT_CONNECT_WITH_DB 0x00000008u
#define CLIENT_PROTOCOL_41 0x00000200u
#define CLIENT_SSL 0x00000800u
#define CLIENT_TRANSACTIONS 0x00002000u
#define CLIENT_SECURE_CONNECTION 0x00008000u
#define CLIENT_PLUGIN_AUTH 0x00080000u
#define CLIENT_CONNECT_ATTRS 0x00100000u
#define CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA 0x00200000u
#define CLIENT_DEPRECATE_EOF 0x01000000u

/* Everything offered. Every flag that adds a field to the
   HandshakeResponse41 is offered, so the fields a client writes are the
   fields we parse with (client flags & SERVER_CAPS). No SSL, no
   compression, no session tracking, no query attributes. */
#define SERVER_CAPS (CLIENT_LONG_PASSWORD | CLIENT_FOUND_ROWS | CLIENT_LONG_FLAG \
	| CLIENT_CONNECT_WITH_DB | CLIENT_PROTOCOL_41 | CLIENT_TRANSACTIONS \
	| CLIENT_SECURE_CONNECTION | CLIENT_PLUGIN_AUTH | CLIENT_CONNECT_ATTRS \
	| CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA | CLIENT_DEPRECATE_EOF)

#define SERVER_STATUS_AUTOCOMMIT 0x0002u
#define CHARSET_UTF8MB4_GENERAL_CI 45u
#define MYSQL_TYPE_VAR_STRING 0xFDu

#define COM_QUIT 0x01u
#define COM_QUERY 0x03u
#define COM_PING 0x0Eu

#define GREETING_PLUGIN "mysql_native_password"
#define OPENID_PLUGIN "authentication_openid_connect_client"

/* ---- server errors used ---- */
#define ER_CON_COUNT_ERROR 1040
#define ER_HANDSHAKE_ERROR 1043
#define ER_ACCESS_DENIED_ERROR 1045
#define ER_UNKNOWN_COM_ERROR 1047
#define ER_PARSE_ERROR 1064
#define ER_EMPTY_QUERY 1065
#define ER_NET_PACKET_TOO_LARGE 1153
#define ER_NET_PACKETS_OUT_OF_ORDER 1156

/* ====================================================================== */
/* accounts and key sets                                                  */

typedef struct account {
	char name[MAX_USER_LEN + 1];
	size_t name_len;
	unsigned line;             /* where it was declared */
	jwtauth_config *cfg;       /* heap: a config points into itself, so it
	                              must not move when g_accounts grows */
} account;

static account *g_accounts;
static size_t g_n_accounts;
static jwtauth_config g_integration;      /* with g_have_integration */
static int g_have_integration;

/* The key sets of the jwks_url values, in one key-set cache. The server
   serves every connection from one thread, so the cache needs no lock or
   wait hooks. That thread also runs each reload: a file read, or a fetch
   (bounded by FETCH_TOTAL_MS) during which the poll loop waits. */
static jwtauth_cache *g_cache;
/* Verified-token cache: a client sends the same ID token for every
   connection; a hit skips only the signature check (one thread: no
   lock hooks). Entries are bound to the token, the key set and the
   allowlist, so every account and every reload may share it. */
static jwtauth_token_cache g_tokens;
static jwtauth_token_cache_entry g_token_entries[64];
#ifdef JWTAUTH_MYSQLD_CURL
#define FETCH_CONNECT_MS 2000
#define FETCH_TOTAL_MS 5000
static fetch_curl_options g_fetch;       /* diagnostics on: one thread */
static int g_curl_ready;                 /* curl_global_init done */
#endif

/* options */
static const char *g_listen = "127.0.0.1:3307";
static const char *g_socket_path;        /* --socket */
static const char *g_conf_dir;
static const char *g_accounts_path;
static const char *g_integration_path;
static const char *g_jwks_path;          /* --jwks: one key set for all */
static int g_max_conns = 64;
static int g_max_handshakes;             /* 0 until set: half of g_max_conns */
static int g_max_handshakes_per_host;    /* 0: no limit of its own */
static int64_t g_handshake_timeout_ms = AUTH_TIMEOUT_S * 1000;
static int g_once;
static int g_have_now;
static int64_t g_now;
static int64_t g_start_ms;               /* mono_ms() at start, for --now */
static int64_t g_cache_ttl, g_cache_cooldown, g_cache_max_stale; /* 0: default */

static jwtauth_keyset *g_override_ks;    /* from --jwks */
static jwtauth_login g_login;            /* ~22 KB: one login at a time */
static int g_urandom = -1;
static volatile sig_atomic_t g_stop;
static int g_socket_created;

/* ====================================================================== */
/* small helpers                                                          */

/* The log (stderr) never stops the server: a line is written only when
   poll() says the descriptor takes it now, in one write() of at most
   LOG_LINE_MAX bytes (under PIPE_BUF, so a pipe with room takes it
   whole); otherwise it is dropped and counted. The count is reported
   before the next line that gets through, and at exit. stderr's file
   description is not made non-blocking: it may be shared with others. */
#define LOG_LINE_MAX 2048
static unsigned long g_log_dropped;

static int log_write(const char *buf, size_t n, int wait_ms)
{
	struct pollfd p;
	ssize_t w;
	p.fd = STDERR_FILENO;
	p.events = POLLOUT;
	p.revents = 0;
	if (poll(&p, 1, wait_ms) <= 0 || !(p.revents & POLLOUT)) return -1;
	do w = write(STDERR_FILENO, buf, n);
	while (w < 0 && errno == EINTR);
	return w == (ssize_t)n ? 0 : -1;
}

static void logv(int wait_ms, const char *fmt, va_list ap)
{
	char line[LOG_LINE_MAX];
	size_t n = sizeof PROG + 1;
	int r;
	memcpy(line, PROG ": ", n);
	r = vsnprintf(line + n, sizeof line - n - 1, fmt, ap);
	if (r < 0) r = 0;
	if ((size_t)r >= sizeof line - n - 1) {
		n = sizeof line - 4;
		memcpy(line + n - 3, "...", 3);
	} else {
		n += (size_t)r;
	}
	line[n++] = '\n';
	if (g_log_dropped) {
		char note[128];
		int k = snprintf(note, sizeof note, PROG ": %lu log line(s) dropped: stderr"
			" was not writable\n", g_log_dropped);
		if (k < 0 || log_write(note, (size_t)k, wait_ms) != 0) {
			g_log_dropped++;
			return;
		}
		g_log_dropped = 0;
	}
	if (log_write(line, n, wait_ms) != 0) g_log_dropped++;
}

static void logmsg(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	logv(0, fmt, ap);
	va_end(ap);
}

/* At exit: wait up to a second for the log to take the last line (and
   the count of dropped ones before it). */
static void logmsg_final(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	logv(1000, fmt, ap);
	va_end(ap);
}

/* Copy (p, n) into out[cap] as printable ASCII: bytes outside 0x20..0x7E,
   the quote and the backslash become \xNN. Output cut at cap - 1. */
static const char *sanitize(const char *p, size_t n, char *out, size_t cap)
{
	static const char hex[] = "0123456789abcdef";
	size_t i, o = 0;
	if (cap == 0) return out;
	for (i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)p[i];
		if (ch >= 0x20 && ch < 0x7F && ch != '\'' && ch != '\\') {
			if (o + 1 >= cap) break;
			out[o++] = (char)ch;
		} else {
			if (o + 4 >= cap) break;
			out[o++] = '\\';
			out[o++] = 'x';
			out[o++] = hex[ch >> 4];
			out[o++] = hex[ch & 15];
		}
	}
	out[o] = 0;
	return out;
}

static int64_t mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Unix seconds, for the claims and the cache alike. --now sets the start
   and the clock runs on from there, so cache TTLs still pass. */
static int64_t now_seconds(void)
{
	if (!g_have_now) return (int64_t)time(NULL);
	return g_now + (mono_ms() - g_start_ms) / 1000;
}

static int ascii_ieq(const char *a, const char *b, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		int x = (unsigned char)a[i], y = (unsigned char)b[i];
		if (x >= 'A' && x <= 'Z') x += 32;
		if (y >= 'A' && y <= 'Z') y += 32;
		if (x != y) return 0;
	}
	return 1;
}

/* Read a whole file of at most `max` bytes; NUL-terminated copy in *out. */
static int read_file(const char *path, size_t max, char **out, size_t *len,
	char *why, size_t why_cap)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	size_t n = 0, r;
	*out = NULL;
	*len = 0;
	if (!f) {
		snprintf(why, why_cap, "%s", strerror(errno));
		return -1;
	}
	buf = (char *)malloc(max + 2);
	if (!buf) {
		fclose(f);
		snprintf(why, why_cap, "out of memory");
		return -1;
	}
	while ((r = fread(buf + n, 1, max + 1 - n, f)) > 0) {
		n += r;
		if (n > max) break;
	}
	if (ferror(f)) {
		snprintf(why, why_cap, "read error");
		fclose(f);
		free(buf);
		return -1;
	}
	fclose(f);
	if (n > max) {
		snprintf(why, why_cap, "larger than %lu bytes", (unsigned long)max);
		free(buf);
		return -1;
	}
	buf[n] = 0;
	*out = buf;
	*len = n;
	return 0;
}

/* ====================================================================== */
/* key sets                                                               */

/* Log each key of a set that cannot be used, then the usable count. */
static void log_keyset(const char *what, const jwtauth_keyset *ks)
{
	char det[160];
	size_t i, bad = 0;
	for (i = 0; i < ks->count; i++)
		if (ks->keys[i].status != JWTAUTH_OK) {
			bad++;
			logmsg("%s: key %lu (kid '%s') unusable: %s", what, (unsigned long)i,
				sanitize(ks->keys[i].kid, ks->keys[i].kid_len, det, sizeof det),
				jwtauth_error_name(ks->keys[i].status));
		}
	logmsg("%s: %lu usable key(s)%s", what, (unsigned long)ks->usable,
		bad ? ", some unusable (see above)" : "");
}

/* --jwks FILE: one set, loaded once, for every account. */
static jwtauth_keyset *load_keyset(const char *path)
{
	char *doc, why[128], what[300];
	size_t len;
	jwtauth_keyset *ks;
	jwtauth_error err;
	int rc;

	snprintf(what, sizeof what, "key set %s", path);
	if (read_file(path, JWTAUTH_MAX_JWKS_LEN, &doc, &len, why, sizeof why) != 0) {
		logmsg("%s: %s", what, why);
		return NULL;
	}
	ks = (jwtauth_keyset *)malloc(sizeof *ks);
	if (!ks) {
		free(doc);
		logmsg("%s: out of memory", what);
		return NULL;
	}
	jwtauth_keyset_init(ks);
	memset(&err, 0, sizeof err);
	rc = jwtauth_keyset_parse(ks, doc, len, &err);
	free(doc);
	if (rc != JWTAUTH_OK) {
		logmsg("%s: %s: %s (byte %lu)", what, jwtauth_error_name(rc),
			err.msg ? err.msg : jwtauth_strerror(rc), (unsigned long)err.offset);
		jwtauth_keyset_wipe(ks);
		free(ks);
		return NULL;
	}
	log_keyset(what, ks);
	return ks;
}

/* Clear the fetcher's diagnostics before a cache call, so that what they
   hold afterwards is about a fetch made during that call. */
static void fetch_reset(void)
{
#ifdef JWTAUTH_MYSQLD_CURL
	g_fetch.status = 0;
	g_fetch.error[0] = 0;
#endif
}

/* A config's jwks_url for messages: 'jwks.json' (conf/jwks.json) for a
   file, 'https://...' for a URL. */
static void source_name(const jwtauth_config *cfg, char *out, size_t cap)
{
	char shown[256], path[2 * JWTAUTH_MAX_SOURCE_LEN + 2], sp[256];
	int is_url = 0;
	sanitize(cfg->jwks_url.p, cfg->jwks_url.len, shown, sizeof shown);
	if (jwtauth_source_resolve(g_conf_dir, cfg->jwks_url.p, cfg->jwks_url.len,
	    path, sizeof path, &is_url, NULL) == JWTAUTH_OK && !is_url)
		snprintf(out, cap, "'%s' (%s)", shown, sanitize(path, strlen(path), sp, sizeof sp));
	else
		snprintf(out, cap, "'%s'", shown);
}

/* Why a key source failed: the code, the library's message (err may be
   NULL) and what the fetcher or the file system adds. */
static void source_why(const jwtauth_config *cfg, int code, const jwtauth_error *err,
	char *out, size_t cap)
{
	char path[2 * JWTAUTH_MAX_SOURCE_LEN + 2], extra[300];
	int is_url = 0;
	extra[0] = 0;
	if (jwtauth_source_resolve(g_conf_dir, cfg->jwks_url.p, cfg->jwks_url.len,
	    path, sizeof path, &is_url, NULL) == JWTAUTH_OK) {
		if (is_url) {
#ifdef JWTAUTH_MYSQLD_CURL
			if (g_fetch.status && (g_fetch.status < 200 || g_fetch.status > 299))
				snprintf(extra, sizeof extra, " (HTTP status %ld)", g_fetch.status);
			else if (g_fetch.error[0])
				snprintf(extra, sizeof extra, " (%s)", g_fetch.error);
#endif
		} else if (code == JWTAUTH_ERR_IO && (!err || !err->msg || !err->msg[0])) {
			/* no error record (a refresh failed earlier): ask the file
			   system why; with one, the library's message says it */
			FILE *f = fopen(path, "rb");
			if (!f) snprintf(extra, sizeof extra, ": %s", strerror(errno));
			else fclose(f);
		}
	}
	/* a parse error: where in the document */
	if (!extra[0] && err && err->offset > 0 && code != JWTAUTH_ERR_IO
	    && code != JWTAUTH_ERR_TOO_LARGE && code != JWTAUTH_ERR_CONFIG_PATH)
		snprintf(extra, sizeof extra, " (byte %lu)", (unsigned long)err->offset);
	snprintf(out, cap, "%s: %s%s", jwtauth_error_name(code),
		err && err->msg && err->msg[0] ? err->msg : jwtauth_strerror(code), extra);
}

/* At startup: load the config's key set into the cache, so that a missing
   or broken source is a setup error naming the account rather than a
   refusal at the first login. `who` names the account. */
static int check_source(const jwtauth_config *cfg, const char *who)
{
	const char *u = cfg->jwks_url.p;
	size_t n = cfg->jwks_url.len;
	char shown[256], path[2 * JWTAUTH_MAX_SOURCE_LEN + 2], name[600], why[600];
	jwtauth_cache_stats before, after;
	jwtauth_keys_ref ref;
	jwtauth_error err;
	int is_url = 0, rc;

	if (g_override_ks) return 0;
	if (!u || n == 0) {
		logmsg("%s: no jwks_url in the properties; give one, or --jwks FILE", who);
		return -1;
	}
	sanitize(u, n, shown, sizeof shown);
	memset(&err, 0, sizeof err);
	/* the library's rules: a URL, or a file name confined to --conf-dir */
	rc = jwtauth_source_resolve(g_conf_dir, u, n, path, sizeof path, &is_url, &err);
	if (rc != JWTAUTH_OK) {
		logmsg("%s: jwks_url '%s' refused: %s: %s (%s)", who, shown,
			jwtauth_error_name(rc), err.msg ? err.msg : jwtauth_strerror(rc),
			g_conf_dir && g_conf_dir[0] ? "it must name a file under --conf-dir"
			: "give --conf-dir DIR, or --jwks FILE");
		return -1;
	}
	if (is_url) {
#ifndef JWTAUTH_MYSQLD_CURL
		logmsg("%s: jwks_url '%s' is a URL, and this build has no libcurl (install"
			" libcurl's development files, e.g. libcurl4-openssl-dev, and rebuild),"
			" or pass --jwks FILE with a copy of that key set", who, shown);
		return -1;
#else
		if (!g_curl_ready) {
			if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
				logmsg("%s: libcurl initialisation failed", who);
				return -1;
			}
			g_curl_ready = 1;
		}
#endif
	}
	source_name(cfg, name, sizeof name);
	memset(&before, 0, sizeof before);
	after = before;
	jwtauth_cache_get_stats(g_cache, &before);
	fetch_reset();
	rc = jwtauth_cache_acquire(g_cache, u, n, NULL, 0, now_seconds(), &ref, &err);
	if (rc != JWTAUTH_OK) {
		source_why(cfg, rc, &err, why, sizeof why);
		logmsg("%s: key set %s: %s", who, name, why);
		return -1;
	}
	jwtauth_cache_get_stats(g_cache, &after);
	/* accounts may share a source: describe it once, when it loads */
	if (after.fetches > before.fetches) {
		char what[700];
		snprintf(what, sizeof what, "key set %s", name);
		log_keyset(what, ref.keys);
	}
	jwtauth_cache_release(g_cache, &ref);
	return 0;
}

/* ====================================================================== */
/* the accounts file: CREATE USER <name> IDENTIFIED WITH authentication_jwt
   AS '<json>' [;]  one statement per line (its quoted JSON may span
   lines), blank lines, -- and # comments                                 */

typedef struct lexer {
	const char *s;
	size_t n, i;
	unsigned line;
	const char *file;
} lexer;

static int lex_fail(const lexer *lx, unsigned line, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, PROG ": %s:%u: ", lx->file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	(void)lx;
	return -1;
}

/* Skip spaces, tabs, newlines and comments. */
static void lex_skip(lexer *lx)
{
	while (lx->i < lx->n) {
		char ch = lx->s[lx->i];
		if (ch == '\n') {
			lx->line++;
			lx->i++;
		} else if (ch == ' ' || ch == '\t' || ch == '\r') {
			lx->i++;
		} else if (ch == '#' || (ch == '-' && lx->i + 1 < lx->n && lx->s[lx->i + 1] == '-')) {
			while (lx->i < lx->n && lx->s[lx->i] != '\n') lx->i++;
		} else {
			break;
		}
	}
}

/* Skip spaces and tabs and a comment, not newlines: 1 when the line ends
   there (newline or end of file), else 0. */
static int lex_line_ends(lexer *lx)
{
	while (lx->i < lx->n && (lx->s[lx->i] == ' ' || lx->s[lx->i] == '\t'
	    || lx->s[lx->i] == '\r'))
		lx->i++;
	if (lx->i < lx->n && (lx->s[lx->i] == '#' || (lx->s[lx->i] == '-'
	    && lx->i + 1 < lx->n && lx->s[lx->i + 1] == '-')))
		while (lx->i < lx->n && lx->s[lx->i] != '\n') lx->i++;
	return lx->i >= lx->n || lx->s[lx->i] == '\n';
}

static int is_word_char(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')
		|| (ch >= '0' && ch <= '9') || ch == '_' || ch == '$';
}

/* Consume keyword `kw` (case-insensitive, whole word) after whitespace. */
static int lex_keyword(lexer *lx, const char *kw)
{
	size_t k = strlen(kw);
	lex_skip(lx);
	if (lx->n - lx->i < k || !ascii_ieq(lx->s + lx->i, kw, k)) return 0;
	if (lx->i + k < lx->n && is_word_char(lx->s[lx->i + k])) return 0;
	lx->i += k;
	return 1;
}

/* A quoted string ('...', "..." or `...`, the quote doubled inside; in
   '...' also \' and \\) or a bare word. Writes at most cap-1 bytes plus a
   NUL; returns the length, -1 when malformed, -2 when too long. */
static long lex_string(lexer *lx, char *out, size_t cap, int allow_bare)
{
	size_t o = 0;
	char q;
	lex_skip(lx);
	if (lx->i >= lx->n) return -1;
	q = lx->s[lx->i];
	if (q != '\'' && q != '"' && q != '`') {
		if (!allow_bare || !is_word_char(q)) return -1;
		while (lx->i < lx->n && is_word_char(lx->s[lx->i])) {
			if (o + 1 >= cap) return -2;
			out[o++] = lx->s[lx->i++];
		}
		out[o] = 0;
		return (long)o;
	}
	lx->i++;
	for (;;) {
		char ch;
		if (lx->i >= lx->n) return -1;
		ch = lx->s[lx->i++];
		if (ch == q) {
			if (lx->i < lx->n && lx->s[lx->i] == q) {
				lx->i++;
			} else {
				break;
			}
		} else if (ch == '\\' && q == '\'' && lx->i < lx->n
		    && (lx->s[lx->i] == '\'' || lx->s[lx->i] == '\\')) {
			ch = lx->s[lx->i++];
		} else if (ch == '\n') {
			lx->line++;
		}
		if (o + 1 >= cap) return -2;
		out[o++] = ch;
	}
	out[o] = 0;
	return (long)o;
}

/* Account names compare as principals do (jwtauth_authenticate: ASCII
   case-insensitive), so no spelling of a name escapes its account's rules:
   'TOM' is tom's account, never the integration's, and 'tom' and 'Tom'
   cannot both be declared. */
static account *find_account(const char *name, size_t len)
{
	size_t i;
	for (i = 0; i < g_n_accounts; i++)
		if (g_accounts[i].name_len == len && ascii_ieq(g_accounts[i].name, name, len))
			return &g_accounts[i];
	return NULL;
}

static int parse_accounts(const char *path)
{
	char *text, why[128], *props = NULL;
	size_t len;
	lexer lx;
	int rc = -1;

	if (read_file(path, MAX_ACCOUNTS_FILE, &text, &len, why, sizeof why) != 0) {
		logmsg("accounts %s: %s", path, why);
		return -1;
	}
	props = (char *)malloc(MAX_PROPS_LEN + 1);
	if (!props) {
		free(text);
		logmsg("out of memory");
		return -1;
	}
	if (memchr(text, 0, len)) {
		logmsg("accounts %s: holds a NUL byte", path);
		goto out;
	}
	lx.s = text;
	lx.n = len;
	lx.i = 0;
	lx.line = 1;
	lx.file = path;
	for (;;) {
		char name[MAX_USER_LEN + 1], host[64], plugin[64], shown[300];
		unsigned start;
		long nl, pl, hl;
		account *a;
		jwtauth_error err;
		int prc;

		lex_skip(&lx);
		if (lx.i >= lx.n) break;
		start = lx.line;
		if (!lex_keyword(&lx, "CREATE") || !lex_keyword(&lx, "USER")) {
			lex_fail(&lx, lx.line, "expected CREATE USER <name> IDENTIFIED WITH"
				" authentication_jwt AS '<json>'");
			goto out;
		}
		nl = lex_string(&lx, name, sizeof name, 1);
		if (nl <= 0) {
			lex_fail(&lx, lx.line, nl == -2 ? "user name longer than %u bytes"
				: "expected a user name after CREATE USER", MAX_USER_LEN);
			goto out;
		}
		lex_skip(&lx);
		if (lx.i < lx.n && lx.s[lx.i] == '@') {
			lx.i++;
			hl = lex_string(&lx, host, sizeof host, 1);
			if (hl < 0) {
				lex_fail(&lx, lx.line, "expected a host after '@'");
				goto out;
			}
			if (strcmp(host, "%") != 0) {
				lex_fail(&lx, lx.line, "user '%s': host '%s': only '%%' (any host)"
					" is supported by this example", sanitize(name, (size_t)nl,
					shown, sizeof shown), host);
				goto out;
			}
		}
		if (!lex_keyword(&lx, "IDENTIFIED") || !lex_keyword(&lx, "WITH")) {
			lex_fail(&lx, lx.line, "user '%s': expected IDENTIFIED WITH"
				" authentication_jwt AS '<json>'",
				sanitize(name, (size_t)nl, shown, sizeof shown));
			goto out;
		}
		pl = lex_string(&lx, plugin, sizeof plugin, 1);
		if (pl < 0 || strcmp(plugin, "authentication_jwt") != 0) {
			lex_fail(&lx, lx.line, "user '%s': only IDENTIFIED WITH"
				" authentication_jwt is supported",
				sanitize(name, (size_t)nl, shown, sizeof shown));
			goto out;
		}
		if (!lex_keyword(&lx, "AS")) {
			lex_fail(&lx, lx.line, "user '%s': expected AS '<json>'",
				sanitize(name, (size_t)nl, shown, sizeof shown));
			goto out;
		}
		lex_skip(&lx);
		{
			unsigned qline = lx.line;
			if (lx.i >= lx.n || lx.s[lx.i] != '\'') {
				lex_fail(&lx, lx.line, "user '%s': expected a '...' string after AS",
					sanitize(name, (size_t)nl, shown, sizeof shown));
				goto out;
			}
			pl = lex_string(&lx, props, MAX_PROPS_LEN + 1, 0);
			if (pl < 0) {
				lex_fail(&lx, qline, pl == -2 ? "properties longer than %u bytes"
					: "unterminated string starting on this line", MAX_PROPS_LEN);
				goto out;
			}
		}
		if (!lex_line_ends(&lx)) {
			if (lx.s[lx.i] == ';') lx.i++;
			if (!lex_line_ends(&lx)) {
				lex_fail(&lx, lx.line, "unexpected text after the statement"
					" (one statement per line)");
				goto out;
			}
		}
		{
			const account *dup = find_account(name, (size_t)nl);
			if (dup) {
				char prev[300];
				sanitize(dup->name, dup->name_len, prev, sizeof prev);
				if (strcmp(dup->name, name) == 0)
					lex_fail(&lx, start, "user '%s' declared twice (first on line %u)",
						sanitize(name, (size_t)nl, shown, sizeof shown), dup->line);
				else
					lex_fail(&lx, start, "user '%s' clashes with user '%s' of line %u:"
						" account names are compared ignoring ASCII case, as token"
						" principals are", sanitize(name, (size_t)nl, shown, sizeof shown),
						prev, dup->line);
				goto out;
			}
		}
		if (g_n_accounts >= MAX_ACCOUNTS) {
			lex_fail(&lx, start, "more than %u accounts", MAX_ACCOUNTS);
			goto out;
		}
		if (g_n_accounts % 16 == 0) {
			account *na = (account *)realloc(g_accounts,
				(g_n_accounts + 16) * sizeof *na);
			if (!na) {
				logmsg("out of memory");
				goto out;
			}
			g_accounts = na;
		}
		a = &g_accounts[g_n_accounts];
		memset(a, 0, sizeof *a);
		memcpy(a->name, name, (size_t)nl + 1);
		a->name_len = (size_t)nl;
		a->line = start;
		a->cfg = (jwtauth_config *)calloc(1, sizeof *a->cfg);
		if (!a->cfg) {
			logmsg("out of memory");
			goto out;
		}
		g_n_accounts++;            /* from here on free_all frees the config */
		memset(&err, 0, sizeof err);
		prc = jwtauth_config_parse(a->cfg, props, (size_t)pl, &err);
		if (prc != JWTAUTH_OK) {
			char det[128];
			sanitize(err.detail, err.detail_len,
				det, sizeof det);
			lex_fail(&lx, start, "user '%s': properties: %s: %s%s%s%s",
				sanitize(name, (size_t)nl, shown, sizeof shown),
				jwtauth_error_name(prc), err.msg ? err.msg : jwtauth_strerror(prc),
				det[0] ? " (" : "", det, det[0] ? ")" : "");
			goto out;
		}
		{
			char who[400];
			snprintf(who, sizeof who, "%s:%u: user '%s'", path, start,
				sanitize(name, (size_t)nl, shown, sizeof shown));
			if (check_source(a->cfg, who) != 0) goto out;
		}
	}
	if (g_n_accounts == 0 && !g_have_integration) {
		logmsg("accounts %s: no CREATE USER statement", path);
		goto out;
	}
	rc = 0;
out:
	free(props);
	free(text);
	return rc;
}

static int parse_integration(const char *path)
{
	char *text, why[128], det[128];
	size_t len;
	jwtauth_error err;
	int rc;
	if (read_file(path, MAX_PROPS_LEN, &text, &len, why, sizeof why) != 0) {
		logmsg("integration %s: %s", path, why);
		return -1;
	}
	memset(&err, 0, sizeof err);
	rc = jwtauth_integration_parse(&g_integration, text, len, &err);
	free(text);
	if (rc != JWTAUTH_OK) {
		sanitize(err.detail, err.detail_len,
			det, sizeof det);
		logmsg("integration %s: %s: %s%s%s%s", path, jwtauth_error_name(rc),
			err.msg ? err.msg : jwtauth_strerror(rc),
			det[0] ? " (" : "", det, det[0] ? ")" : "");
		return -1;
	}
	{
		char who[600];
		snprintf(who, sizeof who, "integration %s", path);
		if (check_source(&g_integration, who) != 0) return -1;
	}
	g_have_integration = 1;
	return 0;
}

/* ====================================================================== */
/* connections                                                            */

enum {
	ST_HANDSHAKE,      /* greeting sent, waiting for HandshakeResponse41 */
	ST_SWITCH,         /* AuthSwitchRequest sent, waiting for the token */
	ST_COMMAND,        /* logged in */
	ST_CLOSING,        /* flush the output, then linger and close */
	ST_DRAIN           /* output flushed, write side shut: read and drop */
};

typedef struct conn {
	int fd;
	int state;
	unsigned long id;
	uint8_t seq;               /* sequence id of the next packet either way */
	uint32_t caps;             /* client flags & SERVER_CAPS */
	int64_t deadline;          /* mono_ms */
	uint8_t scramble[20];
	char peer[96];
	char host[64];             /* the peer's address without the port */
	char user[MAX_USER_LEN + 1];
	size_t user_len;
	const jwtauth_config *cfg; /* the account's, or the integration's */
	char principal[JWTAUTH_MAX_PRINCIPAL_LEN + 1];
	size_t principal_len;
	char client[96];           /* _client_name _client_version */
	size_t drained;
	int authed;                /* logged in (once ST_COMMAND is reached) */
	int eof;                   /* the client sent FIN: answer what it sent, then close */
	int rdhup;                 /* POLLRDHUP seen: not asked for again */
	uint8_t *in;               /* IN_CAP bytes */
	size_t in_len;
	size_t out_off, out_len;
	uint8_t out[OUT_CAP];
} conn;

/* ---- output packets ---- */

typedef struct pkt {
	conn *c;
	size_t start;              /* offset of the header in c->out */
	int bad;
} pkt;

static void pkt_begin(conn *c, pkt *p)
{
	p->c = c;
	p->start = c->out_len;
	p->bad = OUT_CAP - c->out_len < 4;
	if (!p->bad) c->out_len += 4;
}

static void pkt_put(pkt *p, const void *data, size_t n)
{
	conn *c = p->c;
	if (p->bad || OUT_CAP - c->out_len < n) {
		p->bad = 1;
		return;
	}
	memcpy(c->out + c->out_len, data, n);
	c->out_len += n;
}

static void pkt_u8(pkt *p, unsigned v)
{
	uint8_t b = (uint8_t)v;
	pkt_put(p, &b, 1);
}

static void pkt_u16(pkt *p, unsigned v)
{
	uint8_t b[2];
	b[0] = (uint8_t)v;
	b[1] = (uint8_t)(v >> 8);
	pkt_put(p, b, 2);
}

static void pkt_u32(pkt *p, uint32_t v)
{
	uint8_t b[4];
	b[0] = (uint8_t)v;
	b[1] = (uint8_t)(v >> 8);
	b[2] = (uint8_t)(v >> 16);
	b[3] = (uint8_t)(v >> 24);
	pkt_put(p, b, 4);
}

static void pkt_lenenc(pkt *p, uint64_t v)
{
	uint8_t b[9];
	size_t n, i;
	if (v < 251) {
		pkt_u8(p, (unsigned)v);
		return;
	}
	if (v < 0x10000u) { b[0] = 0xFC; n = 2; }
	else if (v < 0x1000000u) { b[0] = 0xFD; n = 3; }
	else { b[0] = 0xFE; n = 8; }
	for (i = 0; i < n; i++) b[1 + i] = (uint8_t)(v >> (8 * i));
	pkt_put(p, b, n + 1);
}

static void pkt_lenstr(pkt *p, const char *s, size_t n)
{
	pkt_lenenc(p, n);
	pkt_put(p, s, n);
}

/* Close the packet: write its header. 0 when it fit, else -1 (the
   connection is then closed: responses are small, this never happens
   with OUT_RESERVE free before each request). */
static int pkt_end(pkt *p)
{
	conn *c = p->c;
	size_t n;
	if (p->bad) {
		c->out_len = p->start;
		logmsg("conn %lu: output buffer full; closing", c->id);
		c->state = ST_CLOSING;
		return -1;
	}
	n = c->out_len - p->start - 4;
	c->out[p->start] = (uint8_t)n;
	c->out[p->start + 1] = (uint8_t)(n >> 8);
	c->out[p->start + 2] = (uint8_t)(n >> 16);
	c->out[p->start + 3] = c->seq++;
	return 0;
}

static void send_ok(conn *c, int eof_header)
{
	pkt p;
	pkt_begin(c, &p);
	pkt_u8(&p, eof_header ? 0xFE : 0x00);
	pkt_lenenc(&p, 0);               /* affected rows */
	pkt_lenenc(&p, 0);               /* last insert id */
	pkt_u16(&p, SERVER_STATUS_AUTOCOMMIT);
	pkt_u16(&p, 0);                  /* warnings */
	pkt_end(&p);
}

static void send_eof(conn *c)
{
	pkt p;
	pkt_begin(c, &p);
	pkt_u8(&p, 0xFE);
	pkt_u16(&p, 0);                  /* warnings */
	pkt_u16(&p, SERVER_STATUS_AUTOCOMMIT);
	pkt_end(&p);
}

static void send_err(conn *c, unsigned code, const char *state, const char *fmt, ...)
{
	char msg[MAX_MSG];
	va_list ap;
	pkt p;
	int n;
	va_start(ap, fmt);
	n = vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (n < 0) n = 0;
	if ((size_t)n >= sizeof msg) n = (int)sizeof msg - 1;
	pkt_begin(c, &p);
	pkt_u8(&p, 0xFF);
	pkt_u16(&p, code);
	pkt_u8(&p, '#');
	pkt_put(&p, state, 5);
	pkt_put(&p, msg, (size_t)n);
	pkt_end(&p);
}

/* Send an ERR and close the connection after it is flushed. */
static void fail_close(conn *c, unsigned code, const char *state, const char *msg)
{
	send_err(c, code, state, "%s", msg);
	c->state = ST_CLOSING;
}

static void send_greeting(conn *c)
{
	pkt p;
	pkt_begin(c, &p);
	pkt_u8(&p, 10);                                  /* protocol version */
	pkt_put(&p, SERVER_VERSION, sizeof SERVER_VERSION); /* with its NUL */
	pkt_u32(&p, (uint32_t)c->id);
	pkt_put(&p, c->scramble, 8);                     /* auth-plugin-data-part-1 */
	pkt_u8(&p, 0);                                   /* filler */
	pkt_u16(&p, SERVER_CAPS & 0xFFFFu);
	pkt_u8(&p, CHARSET_UTF8MB4_GENERAL_CI);
	pkt_u16(&p, SERVER_STATUS_AUTOCOMMIT);
	pkt_u16(&p, SERVER_CAPS >> 16);
	pkt_u8(&p, 21);                                  /* 20 bytes + NUL */
	pkt_put(&p, "\0\0\0\0\0\0\0\0\0\0", 10);         /* reserved */
	pkt_put(&p, c->scramble + 8, 12);                /* part 2 ... */
	pkt_u8(&p, 0);                                   /* ... 13 bytes */
	pkt_put(&p, GREETING_PLUGIN, sizeof GREETING_PLUGIN);
	pkt_end(&p);
}

static void send_auth_switch(conn *c)
{
	pkt p;
	pkt_begin(c, &p);
	pkt_u8(&p, 0xFE);
	pkt_put(&p, OPENID_PLUGIN, sizeof OPENID_PLUGIN);  /* with its NUL */
	pkt_put(&p, c->scramble, 20);
	pkt_u8(&p, 0);
	pkt_end(&p);
}

/* One-column, one-row text result set. */
static void send_result(conn *c, const char *col, size_t col_len,
	const char *val, size_t val_len)
{
	pkt p;
	pkt_begin(c, &p);
	pkt_lenenc(&p, 1);                  /* column count */
	if (pkt_end(&p)) return;
	pkt_begin(c, &p);                   /* ColumnDefinition41 */
	pkt_lenstr(&p, "def", 3);           /* catalog */
	pkt_lenstr(&p, "", 0);              /* schema */
	pkt_lenstr(&p, "", 0);              /* table */
	pkt_lenstr(&p, "", 0);              /* org_table */
	pkt_lenstr(&p, col, col_len);       /* name */
	pkt_lenstr(&p, "", 0);              /* org_name */
	pkt_lenenc(&p, 0x0C);               /* length of the fixed fields */
	pkt_u16(&p, CHARSET_UTF8MB4_GENERAL_CI);
	pkt_u32(&p, (uint32_t)(JWTAUTH_MAX_PRINCIPAL_LEN * 4));
	pkt_u8(&p, MYSQL_TYPE_VAR_STRING);
	pkt_u16(&p, 0);                     /* flags */
	pkt_u8(&p, 0x1F);                   /* decimals: not a number */
	pkt_u16(&p, 0);                     /* filler */
	if (pkt_end(&p)) return;
	if (!(c->caps & CLIENT_DEPRECATE_EOF)) send_eof(c);
	pkt_begin(c, &p);                   /* the row */
	pkt_lenstr(&p, val, val_len);
	if (pkt_end(&p)) return;
	if (c->caps & CLIENT_DEPRECATE_EOF) send_ok(c, 1);
	else send_eof(c);
}

/* ---- input parsing (bounds-checked readers over one payload) ---- */

typedef struct rd {
	const uint8_t *p;
	size_t n, i;
} rd;

/* Length-encoded integer; -1 when truncated or not a length (0xFB, 0xFF). */
static int rd_lenenc(rd *r, uint64_t *v)
{
	size_t k, i;
	unsigned b;
	if (r->i >= r->n) return -1;
	b = r->p[r->i];
	if (b < 0xFB) {
		r->i++;
		*v = b;
		return 0;
	}
	if (b == 0xFC) k = 2;
	else if (b == 0xFD) k = 3;
	else if (b == 0xFE) k = 8;
	else return -1;
	if (r->n - r->i - 1 < k) return -1;
	*v = 0;
	for (i = k; i-- > 0;) *v = (*v << 8) | r->p[r->i + 1 + i];
	r->i += 1 + k;
	return 0;
}

/* Length-encoded string: a slice that lies inside the payload. */
static int rd_lenstr(rd *r, const uint8_t **s, size_t *len)
{
	uint64_t v;
	if (rd_lenenc(r, &v) != 0) return -1;
	if (v > (uint64_t)(r->n - r->i)) return -1;
	*s = r->p + r->i;
	*len = (size_t)v;
	r->i += (size_t)v;
	return 0;
}

/* NUL-terminated string of at most max bytes; the NUL must be there. */
static int rd_cstr(rd *r, const uint8_t **s, size_t *len, size_t max)
{
	const uint8_t *z;
	if (r->i >= r->n) return -1;
	z = (const uint8_t *)memchr(r->p + r->i, 0, r->n - r->i);
	if (!z) return -1;
	*s = r->p + r->i;
	*len = (size_t)(z - (r->p + r->i));
	if (*len > max) return -1;
	r->i += *len + 1;
	return 0;
}

/* ---- authentication ---- */

/* A login through the key-set cache. *source_failed is set when no key
   set could be had for the token (its source failed, and no earlier set
   may be served any more), as against a token that a set refused. */
static int login_cached(conn *c, const uint8_t *resp, size_t len,
	jwtauth_response_kind kind, int64_t now, jwtauth_error *err,
	int *source_failed)
{
	const jwtauth_config *cfg = c->cfg;
	jwtauth_cache_stats before, after;
	char name[600], why[600];
	int rc, reloaded, stale;

	memset(&before, 0, sizeof before);
	after = before;
	jwtauth_cache_get_stats(g_cache, &before);
	fetch_reset();
	rc = jwtauth_authenticate_cached(g_cache, cfg, &g_tokens, c->user, c->user_len, resp,
		len, kind, now, &g_login, err);
	jwtauth_cache_get_stats(g_cache, &after);
	/* no set could be had for the token: its source failed (and no
	   earlier set may be served any more), as against a refused token */
	if (rc != JWTAUTH_OK && g_login.keys_unavailable) *source_failed = 1;
	reloaded = after.fetches > before.fetches
		&& after.fetch_failures == before.fetch_failures;
	stale = g_login.keys_stale;   /* set only when a set was served */
	if (!reloaded && !stale) return rc;
	source_name(cfg, name, sizeof name);
	if (reloaded)
		logmsg("conn %lu %s: key set %s reloaded (%s)", c->id, c->peer, name,
			after.refreshes_unknown_kid > before.refreshes_unknown_kid
			? "a token with an unknown kid" : "its TTL passed");
	if (stale) {
		if (g_login.keys_refresh_error != JWTAUTH_OK)
			source_why(cfg, g_login.keys_refresh_error, NULL, why, sizeof why);
		logmsg("conn %lu %s: warning: key set %s is past its TTL and %s%s;"
			" the previous set was used", c->id, c->peer, name,
			g_login.keys_refresh_error ? "reloading it failed: " : "a reload is in flight",
			g_login.keys_refresh_error ? why : "");
	}
	return rc;
}

static void auth_finish(conn *c, const uint8_t *resp, size_t len,
	jwtauth_response_kind kind)
{
	jwtauth_error err;
	char u[MAX_USER_LEN * 4 + 1], det[160], kid[160];
	const char *why;
	int64_t now = now_seconds();
	int rc, source_failed = 0;

	memset(&err, 0, sizeof err);
	sanitize(c->user, c->user_len, u, sizeof u);
	if (g_override_ks)
		rc = jwtauth_authenticate(c->cfg, g_override_ks, &g_tokens, c->user, c->user_len,
			resp, len, kind, now, &g_login, &err);
	else
		rc = login_cached(c, resp, len, kind, now, &err, &source_failed);
	if (rc == JWTAUTH_OK) {
		memcpy(c->principal, g_login.principal, g_login.principal_len + 1);
		c->principal_len = g_login.principal_len;
		logmsg("conn %lu %s: user '%s' logged in: principal '%s', %s kid '%s'%s%s%s",
			c->id, c->peer, u, sanitize(c->principal, c->principal_len, det, sizeof det),
			jwtauth_alg_name(g_login.jwt.alg),
			sanitize(g_login.jwt.kid, g_login.jwt.kid_len, kid, sizeof kid),
			c->cfg == &g_integration ? " (security integration)" : "",
			c->client[0] ? ", client " : "", c->client);
		send_ok(c, 0);
		c->state = ST_COMMAND;
		c->authed = 1;
		c->seq = 0;
		c->deadline = mono_ms() + IDLE_TIMEOUT_MS;
		return;
	}
	why = err.msg && err.msg[0] ? err.msg : jwtauth_strerror(rc);
	if (source_failed) {
		/* the log names the source and the cause; the client learns
		   only that the account's key set is unavailable, and why */
		char name[600], full[600];
		source_name(c->cfg, name, sizeof name);
		source_why(c->cfg, rc, &err, full, sizeof full);
		logmsg("conn %lu %s: user '%s' refused: key set %s unavailable: %s",
			c->id, c->peer, u, name, full);
		send_err(c, ER_ACCESS_DENIED_ERROR, "28000", "Access denied for user '%s':"
			" %s: key set unavailable: %s", u, jwtauth_error_name(rc), why);
		c->state = ST_CLOSING;
		return;
	}
	sanitize(err.detail, err.detail_len,
		det, sizeof det);
	{
		/* the values behind the rejection, for the operator's log */
		char val[160], vals[400];
		vals[0] = 0;
		sanitize(err.value, err.value_len, val, sizeof val);
		if (err.has_time)
			snprintf(vals, sizeof vals, " [%s %lld, now %lld, %s %lld]",
				rc == JWTAUTH_ERR_EXPIRED ? "exp" : rc == JWTAUTH_ERR_NOT_YET_VALID ? "nbf" : "iat",
				(long long)err.time, (long long)err.now,
				rc == JWTAUTH_ERR_TOO_OLD ? "max_age" : "leeway", (long long)err.limit);
		else if (val[0])
			snprintf(vals, sizeof vals, " [token's value '%s']", val);
		logmsg("conn %lu %s: user '%s' refused: %s: %s%s%s%s%s", c->id, c->peer, u,
			jwtauth_error_name(rc), why, det[0] ? " (" : "", det, det[0] ? ")" : "", vals);
	}
	send_err(c, ER_ACCESS_DENIED_ERROR, "28000", "Access denied for user '%s': %s: %s",
		u, jwtauth_error_name(rc), why);
	c->state = ST_CLOSING;
}

static void bad_handshake(conn *c, const char *why)
{
	logmsg("conn %lu %s: bad handshake response: %s; closing", c->id, c->peer, why);
	fail_close(c, ER_HANDSHAKE_ERROR, "08S01", "Bad handshake");
}

/* Copy the connect attributes _client_name and _client_version. */
static int read_attrs(conn *c, rd *r)
{
	const uint8_t *blk, *k, *v;
	size_t blen, kl, vl;
	char name[64] = "", version[32] = "";
	rd a;
	if (rd_lenstr(r, &blk, &blen) != 0) return -1;
	a.p = blk;
	a.n = blen;
	a.i = 0;
	while (a.i < a.n) {
		if (rd_lenstr(&a, &k, &kl) != 0 || rd_lenstr(&a, &v, &vl) != 0) return -1;
		if (kl == 12 && memcmp(k, "_client_name", 12) == 0)
			sanitize((const char *)v, vl, name, sizeof name);
		else if (kl == 15 && memcmp(k, "_client_version", 15) == 0)
			sanitize((const char *)v, vl, version, sizeof version);
	}
	if (name[0] || version[0])
		snprintf(c->client, sizeof c->client, "%s%s%s", name,
			name[0] && version[0] ? " " : "", version);
	return 0;
}

static void on_handshake_response(conn *c, const uint8_t *p, size_t n)
{
	uint32_t flags;
	const uint8_t *user, *auth = NULL, *db, *plugin = NULL;
	size_t user_len, auth_len = 0, db_len, plugin_len = 0;
	char u[MAX_USER_LEN * 4 + 1];
	rd r;

	if (n < 4) {
		bad_handshake(c, "shorter than the capability flags");
		return;
	}
	flags = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16
		| (uint32_t)p[3] << 24;
	if (!(flags & CLIENT_PROTOCOL_41)) {
		logmsg("conn %lu %s: client without protocol 41; closing", c->id, c->peer);
		fail_close(c, ER_HANDSHAKE_ERROR, "08S01",
			"This server speaks only the 4.1+ protocol (CLIENT_PROTOCOL_41)");
		return;
	}
	if (flags & CLIENT_SSL) {
		logmsg("conn %lu %s: client asked for TLS; closing", c->id, c->peer);
		fail_close(c, ER_HANDSHAKE_ERROR, "08S01",
			"TLS is not supported by this example server");
		return;
	}
	if (n < 32) {
		bad_handshake(c, "truncated before the user name");
		return;
	}
	c->caps = flags & SERVER_CAPS;
	r.p = p;
	r.n = n;
	r.i = 32;              /* flags, max packet, charset, 23 filler bytes */
	if (rd_cstr(&r, &user, &user_len, MAX_USER_LEN) != 0) {
		bad_handshake(c, "user name unterminated or too long");
		return;
	}
	if (c->caps & CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA) {
		if (rd_lenstr(&r, &auth, &auth_len) != 0) {
			bad_handshake(c, "auth response length beyond the packet");
			return;
		}
	} else if (c->caps & CLIENT_SECURE_CONNECTION) {
		if (r.i >= r.n || (size_t)r.p[r.i] > r.n - r.i - 1) {
			bad_handshake(c, "auth response length beyond the packet");
			return;
		}
		auth_len = r.p[r.i];
		auth = r.p + r.i + 1;
		r.i += 1 + auth_len;
	} else if (rd_cstr(&r, &auth, &auth_len, MAX_PACKET) != 0) {
		bad_handshake(c, "auth response unterminated");
		return;
	}
	/* the optional fields may be missing at the very end of the packet */
	if ((c->caps & CLIENT_CONNECT_WITH_DB) && r.i < r.n
	    && rd_cstr(&r, &db, &db_len, MAX_DB_LEN) != 0) {
		bad_handshake(c, "database name unterminated or too long");
		return;
	}
	if ((c->caps & CLIENT_PLUGIN_AUTH) && r.i < r.n
	    && rd_cstr(&r, &plugin, &plugin_len, MAX_PLUGIN_LEN) != 0) {
		bad_handshake(c, "client plugin name unterminated or too long");
		return;
	}
	if ((c->caps & CLIENT_CONNECT_ATTRS) && r.i < r.n && read_attrs(c, &r) != 0) {
		bad_handshake(c, "connect attributes malformed");
		return;
	}
	/* bytes after the last field are ignored (nothing negotiated adds one) */

	memcpy(c->user, user, user_len);
	c->user[user_len] = 0;
	c->user_len = user_len;
	sanitize(c->user, c->user_len, u, sizeof u);
	{
		account *a = find_account(c->user, c->user_len);
		if (a) {
			c->cfg = a->cfg;
		} else if (g_have_integration) {
			c->cfg = &g_integration;
		} else {
			logmsg("conn %lu %s: user '%s' refused: UNKNOWN_USER: no such account",
				c->id, c->peer, u);
			send_err(c, ER_ACCESS_DENIED_ERROR, "28000",
				"Access denied for user '%s': UNKNOWN_USER: no such account", u);
			c->state = ST_CLOSING;
			return;
		}
	}
	if (plugin_len == sizeof OPENID_PLUGIN - 1
	    && memcmp(plugin, OPENID_PLUGIN, plugin_len) == 0 && auth_len > 0) {
		/* the client already ran authentication_openid_connect_client */
		auth_finish(c, auth, auth_len, JWTAUTH_RESPONSE_OPENID);
	} else if (!(c->caps & CLIENT_PLUGIN_AUTH)) {
		/* no plugins at all: StarRocks takes the bare token */
		auth_finish(c, auth, auth_len, JWTAUTH_RESPONSE_BARE);
	} else {
		send_auth_switch(c);
		c->state = ST_SWITCH;
	}
}

/* ---- commands ---- */

static size_t skip_spaces(const char *s, size_t n, size_t i)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
		i++;
	return i;
}

/* Match the word w (case-insensitive) at s[i]; returns the index after it
   or 0 when absent. */
static size_t match_word(const char *s, size_t n, size_t i, const char *w)
{
	size_t k = strlen(w);
	if (n - i < k || !ascii_ieq(s + i, w, k)) return 0;
	return i + k;
}

/* 1 when only spaces and semicolons remain from i. */
static int only_tail(const char *s, size_t n, size_t i)
{
	for (; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n' && s[i] != ';')
			return 0;
	return 1;
}

/* SELECT CURRENT_USER() | SELECT CURRENT_USER | SELECT USER() | SELECT
   @@version_comment [LIMIT 1]. *expr and *expr_len: the expression as typed
   (the column name). Returns 1 user, 2 version comment, 0 no match. */
static int match_select(const char *s, size_t n, size_t *expr, size_t *expr_len)
{
	size_t i = skip_spaces(s, n, 0), j, e, end;
	int kind = 0;
	j = match_word(s, n, i, "select");
	if (!j || j >= n || (s[j] != ' ' && s[j] != '\t' && s[j] != '\r' && s[j] != '\n'))
		return 0;
	e = skip_spaces(s, n, j);
	if ((j = match_word(s, n, e, "current_user")) != 0) {
		kind = 1;
		end = j;
		j = skip_spaces(s, n, j);
		if (j < n && s[j] == '(') {
			j = skip_spaces(s, n, j + 1);
			if (j >= n || s[j] != ')') return 0;
			end = ++j;
		} else if (j < n && is_word_char(s[end])) {
			return 0;
		}
	} else if ((j = match_word(s, n, e, "user")) != 0) {
		kind = 1;
		j = skip_spaces(s, n, j);
		if (j >= n || s[j] != '(') return 0;
		j = skip_spaces(s, n, j + 1);
		if (j >= n || s[j] != ')') return 0;
		end = ++j;
	} else if ((j = match_word(s, n, e, "@@version_comment")) != 0) {
		size_t k;
		if (j < n && is_word_char(s[j])) return 0;
		kind = 2;
		end = j;
		k = skip_spaces(s, n, j);
		if ((k = match_word(s, n, k, "limit")) != 0) {
			k = skip_spaces(s, n, k);
			if (k >= n || s[k] != '1') return 0;
			j = k + 1;
		}
	} else {
		return 0;
	}
	if (!only_tail(s, n, j)) return 0;
	*expr = e;
	*expr_len = end - e;
	return kind;
}

static void on_query(conn *c, const char *q, size_t n)
{
	size_t e = 0, el = 0, i = skip_spaces(q, n, 0);
	int kind;
	if (only_tail(q, n, 0)) {
		send_err(c, ER_EMPTY_QUERY, "42000", "Query was empty");
		return;
	}
	kind = match_select(q, n, &e, &el);
	if (kind == 1) {
		send_result(c, q + e, el, c->principal, c->principal_len);
	} else if (kind == 2) {
		send_result(c, q + e, el, VERSION_COMMENT, sizeof VERSION_COMMENT - 1);
	} else if (match_word(q, n, i, "set") && i + 3 < n
	    && (q[i + 3] == ' ' || q[i + 3] == '\t' || q[i + 3] == '\n' || q[i + 3] == '\r')) {
		send_ok(c, 0);      /* SET ...: accepted and ignored */
	} else {
		send_err(c, ER_PARSE_ERROR, "42000", "This example server answers only"
			" SELECT CURRENT_USER(), SELECT USER(), SELECT @@version_comment"
			" and SET ... (ignored)");
	}
}

static void on_command(conn *c, const uint8_t *p, size_t n)
{
	if (n == 0) {
		logmsg("conn %lu %s: empty command packet; closing", c->id, c->peer);
		fail_close(c, ER_UNKNOWN_COM_ERROR, "08S01", "Empty command packet");
		return;
	}
	switch (p[0]) {
	case COM_QUIT:
		c->state = ST_CLOSING;
		return;
	case COM_PING:
		send_ok(c, 0);
		break;
	case COM_QUERY:
		on_query(c, (const char *)p + 1, n - 1);
		break;
	default:
		send_err(c, ER_UNKNOWN_COM_ERROR, "08S01", "Unknown command 0x%02x", p[0]);
		break;
	}
	c->seq = 0;
	c->deadline = mono_ms() + IDLE_TIMEOUT_MS;
}

/* Handle every complete packet in the input buffer. */
static void conn_process(conn *c)
{
	size_t used = 0;
	while (c->state <= ST_COMMAND && c->in_len - used >= 4) {
		const uint8_t *h = c->in + used;
		size_t plen = (size_t)h[0] | (size_t)h[1] << 8 | (size_t)h[2] << 16;
		uint8_t seq = h[3];
		if (c->out_off > 0) {
			memmove(c->out, c->out + c->out_off, c->out_len - c->out_off);
			c->out_len -= c->out_off;
			c->out_off = 0;
		}
		if (OUT_CAP - c->out_len < OUT_RESERVE) break;   /* back-pressure */
		if (plen > MAX_PACKET) {
			logmsg("conn %lu %s: packet of %lu bytes over the %u-byte limit; closing",
				c->id, c->peer, (unsigned long)plen, MAX_PACKET);
			c->seq = (uint8_t)(seq + 1);
			fail_close(c, ER_NET_PACKET_TOO_LARGE, "08S01",
				"Got a packet bigger than 'max_allowed_packet' bytes");
			break;
		}
		if (c->in_len - used < 4 + plen) break;
		if (seq != c->seq) {
			logmsg("conn %lu %s: packet sequence %u, expected %u; closing",
				c->id, c->peer, seq, c->seq);
			c->seq = (uint8_t)(seq + 1);
			fail_close(c, ER_NET_PACKETS_OUT_OF_ORDER, "08S01",
				"Got packets out of order");
			break;
		}
		c->seq = (uint8_t)(seq + 1);
		used += 4 + plen;
		switch (c->state) {
		case ST_HANDSHAKE:
			on_handshake_response(c, h + 4, plen);
			break;
		case ST_SWITCH:
			auth_finish(c, h + 4, plen, JWTAUTH_RESPONSE_OPENID);
			break;
		default:
			on_command(c, h + 4, plen);
			break;
		}
	}
	if (used > 0) {
		memmove(c->in, c->in + used, c->in_len - used);
		c->in_len -= used;
	}
}

/* Write what can be written now. -1 on a write error. */
static int conn_flush(conn *c)
{
	while (c->out_off < c->out_len) {
		ssize_t w = send(c->fd, c->out + c->out_off, c->out_len - c->out_off,
#ifdef MSG_NOSIGNAL
			MSG_NOSIGNAL
#else
			0
#endif
			);
		if (w < 0) {
			if (errno == EINTR) continue;
			if (errno == EAGAIN || errno == EWOULDBLOCK) return 0;
			return -1;
		}
		c->out_off += (size_t)w;
	}
	c->out_off = c->out_len = 0;
	if (c->state == ST_CLOSING) {
		/* final ERR sent: shut the write side and drain what the client
		   still sends, so the close does not reset the ERR away */
		shutdown(c->fd, SHUT_WR);
		c->state = ST_DRAIN;
		c->deadline = mono_ms() + LINGER_MS;
	}
	return 0;
}

/* Read what the socket holds, handling each complete packet as it comes.
   0 to keep the connection, -1 to close it. EOF from the client sets
   c->eof (the caller answers what was already received, then closes). */
static int conn_read(conn *c)
{
	for (;;) {
		ssize_t r;
		if (c->state == ST_DRAIN) {
			uint8_t junk[4096];
			r = recv(c->fd, junk, sizeof junk, 0);
			if (r > 0) {
				c->drained += (size_t)r;
				if (c->drained > 1024u * 1024u) return -1;
				continue;
			}
		} else {
			if (c->state == ST_CLOSING || c->eof || c->in_len >= IN_CAP) return 0;
			r = recv(c->fd, c->in + c->in_len, IN_CAP - c->in_len, 0);
			if (r > 0) {
				c->in_len += (size_t)r;
				conn_process(c);
				continue;
			}
		}
		if (r == 0) {
			if (c->state == ST_DRAIN) return -1;
			c->eof = 1;
			return 0;
		}
		if (errno == EINTR) continue;
		if (errno == EAGAIN || errno == EWOULDBLOCK) return 0;
		return -1;
	}
}

/* 1 when the input buffer starts with a whole packet that conn_process
   would handle now (state and output room allow it). */
static int conn_ready(const conn *c)
{
	size_t plen;
	if (c->state > ST_COMMAND || c->in_len < 4) return 0;
	if (OUT_CAP - (c->out_len - c->out_off) < OUT_RESERVE) return 0;
	plen = (size_t)c->in[0] | (size_t)c->in[1] << 8 | (size_t)c->in[2] << 16;
	return plen > MAX_PACKET || c->in_len >= 4 + plen;
}

/* Flush output and handle buffered packets in turn, so that a pipelined
   batch that was cut short by a full output buffer goes on as soon as
   the output drains, without waiting for more input. At most
   PUMP_ROUNDS rounds (fairness); *more is set when work is left. -1 on a
   write error. */
static int conn_pump(conn *c, int *more)
{
	int round;
	for (round = 0;; round++) {
		if ((c->out_off < c->out_len || c->state == ST_CLOSING) && conn_flush(c) != 0)
			return -1;
		if (!conn_ready(c)) return 0;
		if (round == PUMP_ROUNDS) {
			*more = 1;
			return 0;
		}
		conn_process(c);
	}
}

/* The poll events a connection waits for. */
static short conn_events(const conn *c)
{
	short ev = 0;
	if (c->state == ST_DRAIN || (c->state <= ST_COMMAND && !c->eof
	    && c->in_len < IN_CAP && OUT_CAP - c->out_len >= OUT_RESERVE))
		ev |= POLLIN;
	if (c->out_off < c->out_len) ev |= POLLOUT;
	if (!c->rdhup && !c->eof) ev |= POLLRDHUP;
	return ev;
}

/* Handle one connection's poll result: 0 to keep it, -1 to close it.
   Hang-ups and errors are acted on whatever the connection waited for,
   so a reset or closed connection never stays behind (nor makes poll()
   return at once, again and again). */
static int conn_service(conn *c, short re, int64_t now, int *more)
{
	int authing = c->state == ST_HANDSHAKE || c->state == ST_SWITCH;
	if (re & (POLLERR | POLLNVAL | POLLHUP)) {
		/* reset, or both directions shut: nobody reads a reply any more */
		if (authing)
			logmsg("conn %lu %s: connection %s by the client during authentication",
				c->id, c->peer, re & POLLERR ? "reset" : "closed");
		return -1;
	}
	if (re & POLLRDHUP) c->rdhup = 1;
	if ((re & (POLLIN | POLLRDHUP)) && conn_read(c) != 0) return -1;
	if (conn_pump(c, more) != 0) return -1;
	if (c->eof && c->state <= ST_COMMAND && c->out_off == c->out_len && !conn_ready(c)) {
		/* everything the client sent before its FIN is answered */
		if (c->state == ST_HANDSHAKE || c->state == ST_SWITCH)
			logmsg("conn %lu %s: closed by the client during authentication%s",
				c->id, c->peer, c->in_len ? " (truncated packet)" : "");
		return -1;
	}
	if (now >= c->deadline) {
		if (c->state != ST_DRAIN)
			logmsg("conn %lu %s: timed out%s", c->id, c->peer,
				c->state == ST_COMMAND ? " (idle)" : " during authentication");
		return -1;
	}
	return 0;
}

static void conn_free(conn *c)
{
	if (c->fd >= 0) close(c->fd);
	free(c->in);
	free(c);
}

/* ====================================================================== */
/* listening                                                              */

static int set_nonblock(int fd)
{
	int fl = fcntl(fd, F_GETFL);
	if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0) return -1;
	return fcntl(fd, F_SETFD, FD_CLOEXEC);
}

/* The accept queue: room for a burst of every allowed client connecting
   at once, twice over (those refused with ERR 1040 pass through it too).
   Linux silently caps it at net.core.somaxconn; other systems at
   SOMAXCONN or their own limit. */
static int listen_backlog(void)
{
	int b = 2 * g_max_conns;
	return b < 64 ? 64 : b;
}

/* Warn once when the kernel's cap is below listen_backlog(). */
static void check_somaxconn(void)
{
	FILE *f = fopen("/proc/sys/net/core/somaxconn", "r");
	long cap;
	if (!f) return;
	if (fscanf(f, "%ld", &cap) == 1 && cap < listen_backlog())
		logmsg("warning: listen backlog %d capped by net.core.somaxconn %ld;"
			" bursts of connections may overflow the accept queue",
			listen_backlog(), cap);
	fclose(f);
}

static int listen_tcp(const char *spec)
{
	char host[256], port[16], hbuf[NI_MAXHOST], sbuf[NI_MAXSERV];
	const char *colon, *h = spec;
	size_t hl;
	struct addrinfo hints, *res = NULL;
	struct sockaddr_storage ss;
	socklen_t sl = sizeof ss;
	int fd, one = 1, rc;

	colon = strrchr(spec, ':');
	if (!colon || colon[1] == 0 || strlen(colon + 1) >= sizeof port) {
		logmsg("--listen %s: expected ADDRESS:PORT", spec);
		return -1;
	}
	hl = (size_t)(colon - spec);
	if (hl >= 2 && spec[0] == '[' && spec[hl - 1] == ']') {
		h = spec + 1;
		hl -= 2;
	}
	if (hl == 0 || hl >= sizeof host) {
		logmsg("--listen %s: expected ADDRESS:PORT", spec);
		return -1;
	}
	memcpy(host, h, hl);
	host[hl] = 0;
	strcpy(port, colon + 1);
	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE | AI_NUMERICHOST | AI_NUMERICSERV;
	rc = getaddrinfo(host, port, &hints, &res);
	if (rc != 0 || !res) {
		logmsg("--listen %s: %s (a numeric address and port are expected)", spec,
			gai_strerror(rc));
		return -1;
	}
	fd = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
	if (fd < 0) {
		logmsg("socket: %s", strerror(errno));
		freeaddrinfo(res);
		return -1;
	}
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if (bind(fd, res->ai_addr, res->ai_addrlen) != 0 || listen(fd, listen_backlog()) != 0
	    || set_nonblock(fd) != 0) {
		logmsg("--listen %s: %s", spec, strerror(errno));
		close(fd);
		freeaddrinfo(res);
		return -1;
	}
	freeaddrinfo(res);
	if (getsockname(fd, (struct sockaddr *)&ss, &sl) != 0
	    || getnameinfo((struct sockaddr *)&ss, sl, hbuf, sizeof hbuf, sbuf,
	       sizeof sbuf, NI_NUMERICHOST | NI_NUMERICSERV) != 0) {
		logmsg("--listen %s: cannot read the bound address", spec);
		close(fd);
		return -1;
	}
	if (ss.ss_family == AF_INET6) printf("listening on [%s]:%s\n", hbuf, sbuf);
	else printf("listening on %s:%s\n", hbuf, sbuf);
	fflush(stdout);
	if (!((ss.ss_family == AF_INET && strncmp(hbuf, "127.", 4) == 0)
	    || (ss.ss_family == AF_INET6 && strcmp(hbuf, "::1") == 0)))
		logmsg("warning: %s is not a loopback address and this example has no"
			" TLS: tokens would cross the network in clear", hbuf);
	return fd;
}

static int listen_unix(const char *path)
{
	struct sockaddr_un sa;
	struct stat st;
	int fd;
	if (strlen(path) >= sizeof sa.sun_path) {
		logmsg("--socket %s: path too long", path);
		return -1;
	}
	if (lstat(path, &st) == 0) {
		if (!S_ISSOCK(st.st_mode)) {
			logmsg("--socket %s: exists and is not a socket", path);
			return -1;
		}
		unlink(path);       /* a stale socket from an earlier run */
	}
	memset(&sa, 0, sizeof sa);
	sa.sun_family = AF_UNIX;
	strcpy(sa.sun_path, path);
	fd = socket(AF_UNIX, SOCK_STREAM, 0);
	if (fd < 0) {
		logmsg("socket: %s", strerror(errno));
		return -1;
	}
	if (bind(fd, (struct sockaddr *)&sa, sizeof sa) != 0) {
		logmsg("--socket %s: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	g_socket_created = 1;
	if (listen(fd, listen_backlog()) != 0 || set_nonblock(fd) != 0) {
		logmsg("--socket %s: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	printf("listening on unix:%s\n", path);
	fflush(stdout);
	return fd;
}

/* "ADDR:PORT" for the log in out, the address alone in host[64] (every
   Unix-socket client is the one host "unix"). */
static void peer_name(int fd, char *out, size_t cap, char *host)
{
	struct sockaddr_storage ss;
	socklen_t sl = sizeof ss;
	char h[64], s[16];          /* numeric forms fit */
	snprintf(out, cap, "?");
	strcpy(host, "?");
	if (getpeername(fd, (struct sockaddr *)&ss, &sl) != 0) return;
	if (ss.ss_family == AF_UNIX) {
		snprintf(out, cap, "unix");
		strcpy(host, "unix");
		return;
	}
	if (getnameinfo((struct sockaddr *)&ss, sl, h, sizeof h, s, sizeof s,
	    NI_NUMERICHOST | NI_NUMERICSERV) != 0)
		return;
	memcpy(host, h, sizeof h);
	if (ss.ss_family == AF_INET6) snprintf(out, cap, "[%s]:%s", h, s);
	else snprintf(out, cap, "%s:%s", h, s);
}

/* 20 random bytes from /dev/urandom, as MySQL does: 1..127, no '$'. */
static int make_scramble(uint8_t *s)
{
	size_t got = 0, i;
	while (got < 20) {
		ssize_t r = read(g_urandom, s + got, 20 - got);
		if (r < 0 && errno == EINTR) continue;
		if (r <= 0) return -1;
		got += (size_t)r;
	}
	for (i = 0; i < 20; i++) {
		s[i] &= 0x7F;
		if (s[i] == 0 || s[i] == '$') s[i]++;
	}
	return 0;
}

static void on_signal(int sig)
{
	(void)sig;
	g_stop = 1;
}

/* ====================================================================== */
/* options                                                                */

#define STR_(x) #x
#define STR(x) STR_(x)
#define MAX_CACHE_SECONDS 86400          /* the library caps TTLs at a day */
#define MAX_STALE_SECONDS 2592000        /* 30 days */

static const char usage[] =
"usage: " PROG " --accounts FILE [options]\n"
"\n"
"A small MySQL-protocol server that logs users in with a JWT through\n"
"jwtauth.h (the StarRocks authentication_jwt flow). Example only: no TLS.\n"
"\n"
"  --listen ADDR:PORT    TCP address (default 127.0.0.1:3307; port 0 picks a\n"
"                        free port; prints \"listening on ADDR:PORT\")\n"
"  --socket PATH         also listen on a Unix socket (the MySQL 9 client's\n"
"                        openid plugin sends tokens only over TLS or a socket)\n"
"  --accounts FILE       CREATE USER <name> IDENTIFIED WITH authentication_jwt\n"
"                        AS '<json>' statements, one per line (the JSON may\n"
"                        span lines); -- and # comments\n"
"  --integration FILE    security-integration properties (a JSON object with\n"
"                        type authentication_jwt, jwks_url, principal_field,\n"
"                        ...): users not in --accounts log in through it (the\n"
"                        principal must still equal the login name). Login\n"
"                        names match accounts ignoring ASCII case, as\n"
"                        principals do: 'TOM' is account tom, never the\n"
"                        integration; tom and Tom cannot both be declared\n"
"  --conf-dir DIR        where a jwks_url that is a file name is read (the\n"
"                        library's rules: no absolute path, no '.', '..' or\n"
"                        empty component, no backslash)\n"
"  --jwks FILE           one key set (JWKS, JWK or PEM) for every account,\n"
"                        instead of their jwks_url (e.g. a copy of a URL's set),\n"
"                        loaded once; the cache options below do not apply\n"
"  --cache-ttl SECONDS   key-set cache: a loaded set is reloaded after this\n"
"                        many seconds (1.." STR(MAX_CACHE_SECONDS) ", default " STR(JWTAUTH_CACHE_TTL) ")\n"
"  --cache-cooldown SECONDS  key-set cache: at most one reload for tokens with\n"
"                        an unknown kid per this many seconds, and no retry\n"
"                        sooner after a failed load (1.." STR(MAX_CACHE_SECONDS) ", default " STR(JWTAUTH_CACHE_COOLDOWN) ")\n"
"  --cache-max-stale SECONDS  key-set cache: when reloading fails, keep using\n"
"                        the last good set this long past its TTL, then refuse\n"
"                        logins (1.." STR(MAX_STALE_SECONDS) ", default " STR(JWTAUTH_CACHE_MAX_STALE) ")\n"
"  --max-connections N   simultaneous connections (default 64, max 1024);\n"
"                        more get ERR 1040\n"
"  --max-handshakes N    of those, connections not yet logged in (default\n"
"                        half of --max-connections, at least 1); more get\n"
"                        ERR 1040, so silent clients cannot lock logins out\n"
"  --max-handshakes-per-host N  of those, at most N from one peer address\n"
"                        (all Unix-socket clients count as one; default: no\n"
"                        limit besides --max-handshakes)\n"
"  --handshake-timeout SECONDS  a connection must log in within this time\n"
"                        (1.." STR(MAX_AUTH_TIMEOUT_S) ", default " STR(AUTH_TIMEOUT_S) ")\n"
"  --once                serve one connection, then exit\n"
"  --now SECONDS         the clock starts at this Unix time and runs on (tests)\n"
"  --help                this text\n"
"\n"
"Every account's key set must load at startup. A jwks_url starting http://\n"
#ifdef JWTAUTH_MYSQLD_CURL
"or https:// is fetched with libcurl (this build has it).\n"
#else
"or https:// needs a build with libcurl (this build has none), or --jwks.\n"
#endif
"Exit status: 0 after --once or SIGINT/SIGTERM, 2 usage or setup error.\n";

static int parse_long(const char *s, long long lo, long long hi, long long *out)
{
	char *end;
	long long v;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno || end == s || *end || v < lo || v > hi) return -1;
	*out = v;
	return 0;
}

static int parse_args(int argc, char **argv)
{
	int i;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *v = NULL, *eq;
		char name[32];
		size_t nl;
		long long n;
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			fputs(usage, stdout);
			exit(0);
		}
		if (strcmp(a, "--once") == 0) {
			g_once = 1;
			continue;
		}
		if (strncmp(a, "--", 2) != 0) {
			logmsg("unexpected argument '%s' (see --help)", a);
			return -1;
		}
		eq = strchr(a, '=');
		nl = eq ? (size_t)(eq - a) : strlen(a);
		if (nl >= sizeof name) {
			logmsg("unknown option '%s' (see --help)", a);
			return -1;
		}
		memcpy(name, a, nl);
		name[nl] = 0;
		{
			static const char *const known[] = { "--listen", "--socket",
				"--conf-dir", "--accounts", "--integration", "--jwks",
				"--max-connections", "--now", "--cache-ttl", "--cache-cooldown",
				"--cache-max-stale", "--max-handshakes", "--handshake-timeout",
				"--max-handshakes-per-host" };
			size_t k;
			for (k = 0; k < sizeof known / sizeof known[0]; k++)
				if (strcmp(name, known[k]) == 0) break;
			if (k == sizeof known / sizeof known[0]) {
				logmsg("unknown option '%s' (see --help)", name);
				return -1;
			}
		}
		if (eq) {
			v = eq + 1;
		} else if (i + 1 < argc) {
			v = argv[++i];
		} else {
			logmsg("%s needs a value (see --help)", name);
			return -1;
		}
		if (strcmp(name, "--listen") == 0) g_listen = v;
		else if (strcmp(name, "--socket") == 0) g_socket_path = v;
		else if (strcmp(name, "--conf-dir") == 0) g_conf_dir = v;
		else if (strcmp(name, "--accounts") == 0) g_accounts_path = v;
		else if (strcmp(name, "--integration") == 0) g_integration_path = v;
		else if (strcmp(name, "--jwks") == 0) g_jwks_path = v;
		else if (strcmp(name, "--max-connections") == 0) {
			if (parse_long(v, 1, MAX_CONNECTIONS_LIMIT, &n) != 0) {
				logmsg("--max-connections: expected 1..%d", MAX_CONNECTIONS_LIMIT);
				return -1;
			}
			g_max_conns = (int)n;
		} else if (strcmp(name, "--max-handshakes") == 0) {
			if (parse_long(v, 1, MAX_CONNECTIONS_LIMIT, &n) != 0) {
				logmsg("--max-handshakes: expected 1..%d", MAX_CONNECTIONS_LIMIT);
				return -1;
			}
			g_max_handshakes = (int)n;
		} else if (strcmp(name, "--max-handshakes-per-host") == 0) {
			if (parse_long(v, 1, MAX_CONNECTIONS_LIMIT, &n) != 0) {
				logmsg("--max-handshakes-per-host: expected 1..%d", MAX_CONNECTIONS_LIMIT);
				return -1;
			}
			g_max_handshakes_per_host = (int)n;
		} else if (strcmp(name, "--handshake-timeout") == 0) {
			if (parse_long(v, 1, MAX_AUTH_TIMEOUT_S, &n) != 0) {
				logmsg("--handshake-timeout: expected seconds, 1..%d", MAX_AUTH_TIMEOUT_S);
				return -1;
			}
			g_handshake_timeout_ms = (int64_t)n * 1000;
		} else if (strcmp(name, "--now") == 0) {
			if (parse_long(v, 0, (long long)1 << 40, &n) != 0) {
				logmsg("--now: expected Unix seconds");
				return -1;
			}
			g_now = (int64_t)n;
			g_have_now = 1;
		} else if (strcmp(name, "--cache-ttl") == 0
		    || strcmp(name, "--cache-cooldown") == 0) {
			if (parse_long(v, 1, MAX_CACHE_SECONDS, &n) != 0) {
				logmsg("%s: expected seconds, 1..%d", name, MAX_CACHE_SECONDS);
				return -1;
			}
			if (strcmp(name, "--cache-ttl") == 0) g_cache_ttl = (int64_t)n;
			else g_cache_cooldown = (int64_t)n;
		} else if (strcmp(name, "--cache-max-stale") == 0) {
			if (parse_long(v, 1, MAX_STALE_SECONDS, &n) != 0) {
				logmsg("%s: expected seconds, 1..%d", name, MAX_STALE_SECONDS);
				return -1;
			}
			g_cache_max_stale = (int64_t)n;
		} else {
			logmsg("unknown option '%s' (see --help)", name);
			return -1;
		}
	}
	if (g_max_handshakes == 0) {
		g_max_handshakes = g_max_conns / 2;
		if (g_max_handshakes < 1) g_max_handshakes = 1;
	} else if (g_max_handshakes > g_max_conns) {
		logmsg("--max-handshakes %d is more than --max-connections %d",
			g_max_handshakes, g_max_conns);
		return -1;
	}
	if (!g_accounts_path && !g_integration_path) {
		logmsg("give --accounts FILE and/or --integration FILE (see --help)");
		return -1;
	}
	return 0;
}

static void free_all(void)
{
	size_t i;
	/* every jwtauth_keys_ref was released: a login holds one only inside
	   jwtauth_authenticate_cached */
	jwtauth_cache_free(g_cache);
	g_cache = NULL;
#ifdef JWTAUTH_MYSQLD_CURL
	if (g_curl_ready) curl_global_cleanup();
	g_curl_ready = 0;
#endif
	if (g_override_ks) {
		jwtauth_keyset_wipe(g_override_ks);
		free(g_override_ks);
		g_override_ks = NULL;
	}
	for (i = 0; i < g_n_accounts; i++) free(g_accounts[i].cfg);
	free(g_accounts);
	g_accounts = NULL;
	g_n_accounts = 0;
	if (g_urandom >= 0) close(g_urandom);
	g_urandom = -1;
}

/* ====================================================================== */
/* the connection table                                                   */

static conn **g_conns;                   /* g_max_conns slots */
static int g_n_conns;

/* Connections that have not logged in yet (greeting sent, or an ERR
   being delivered after a refusal): bounded by --max-handshakes, so that
   silent or slow clients cannot take the slots of real logins. */
static int count_handshakes(void)
{
	int i, n = 0;
	for (i = 0; i < g_n_conns; i++)
		if (!g_conns[i]->authed) n++;
	return n;
}

/* Those of them from one peer address (--max-handshakes-per-host). */
static int count_host_handshakes(const char *host)
{
	int i, n = 0;
	for (i = 0; i < g_n_conns; i++)
		if (!g_conns[i]->authed && strcmp(g_conns[i]->host, host) == 0) n++;
	return n;
}

/* Refuse an accepted socket the way MySQL does: an ERR 1040 as the first
   packet, then close. */
static void refuse_fd(int fd, const char *msg)
{
	uint8_t b[4 + 9 + 64];
	size_t n = strlen(msg);
	ssize_t w;
	if (n > 64) n = 64;
	b[0] = (uint8_t)(9 + n);
	b[1] = b[2] = b[3] = 0;
	b[4] = 0xFF;
	b[5] = ER_CON_COUNT_ERROR & 0xFF;
	b[6] = ER_CON_COUNT_ERROR >> 8;
	memcpy(b + 7, "#08004", 6);
	memcpy(b + 13, msg, n);
	w = send(fd, b, 13 + n,
#ifdef MSG_NOSIGNAL
		MSG_NOSIGNAL
#else
		0
#endif
		);
	(void)w;
	close(fd);
}

/* Descriptor exhaustion. accept() fails with EMFILE/ENFILE while the
   connection stays queued, so the listener stays readable and poll()
   returns at once, again and again. A spare descriptor, given up for a
   moment, lets the server accept the connection, answer ERR 1040 and
   close it; without one the listener is left out of poll() for a while. */
#define ACCEPT_PAUSE_MS 200
#define FD_LOG_EVERY_MS 10000
static int g_spare_fd = -1;
static int64_t g_accept_paused_until;    /* mono_ms; 0: not paused */
static int64_t g_fd_log_at;              /* mono_ms of the last report */
static unsigned long g_fd_refused;       /* since that report */
static int g_fd_logged;

static void spare_open(void)
{
	if (g_spare_fd < 0) {
		g_spare_fd = open("/dev/null", O_RDONLY);
		if (g_spare_fd >= 0) fcntl(g_spare_fd, F_SETFD, FD_CLOEXEC);
	}
}

/* Once at the first exhaustion, then at most every FD_LOG_EVERY_MS with
   the count of refusals since. */
static void fd_exhausted_log(int err, int64_t now)
{
	struct rlimit rl;
	long lim = -1;
	if (g_fd_logged && now - g_fd_log_at < FD_LOG_EVERY_MS) return;
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
		lim = (long)rl.rlim_cur;
	if (!g_fd_logged)
		logmsg("accept: out of file descriptors (%s; RLIMIT_NOFILE %ld, %d connections"
			" open): new connections get ERR 1040 until some close", strerror(err),
			lim, g_n_conns);
	else
		logmsg("accept: still out of file descriptors: %lu connection(s) refused in"
			" the last %d s (%d connections open)", g_fd_refused,
			FD_LOG_EVERY_MS / 1000, g_n_conns);
	g_fd_logged = 1;
	g_fd_log_at = now;
	g_fd_refused = 0;
}

/* accept() on lfd failed with EMFILE or ENFILE: answer the queued
   connection with the spare descriptor. 1 when one was refused (try
   again), 0 when the queue is empty, -1 when the listener must pause. */
static int accept_exhausted(int lfd, int err, int64_t now)
{
	int fd;
	fd_exhausted_log(err, now);
	if (g_spare_fd < 0) {
		spare_open();
		if (g_spare_fd < 0) {
			g_accept_paused_until = now + ACCEPT_PAUSE_MS;
			return -1;
		}
	}
	close(g_spare_fd);
	g_spare_fd = -1;
	fd = accept(lfd, NULL, NULL);
	if (fd >= 0) {
		refuse_fd(fd, "Too many connections (the server is out of file descriptors)");
		g_fd_refused++;
	}
	spare_open();
	if (fd >= 0 && g_spare_fd >= 0) return 1;
	if (fd < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return 0;
	g_accept_paused_until = now + ACCEPT_PAUSE_MS;
	return -1;
}

/* Service every connection after a poll(): p[i] is g_conns[i]'s pollfd.
   Closed connections leave both arrays (kept aligned). Returns 1 when a
   connection has buffered work left (poll again without waiting). */
static int service_conns(struct pollfd *p, int64_t now)
{
	int i, more = 0;
	for (i = 0; i < g_n_conns;) {
		if (conn_service(g_conns[i], p[i].revents, now, &more) != 0) {
			conn_free(g_conns[i]);
			memmove(&g_conns[i], &g_conns[i + 1],
				(size_t)(g_n_conns - i - 1) * sizeof *g_conns);
			memmove(&p[i], &p[i + 1], (size_t)(g_n_conns - i - 1) * sizeof *p);
			g_n_conns--;
		} else {
			i++;
		}
	}
	return more;
}

/* Before refusing a new connection for lack of room: look at every
   connection at once (poll with no wait) and close those whose client has
   gone, or whose handshake time is up, rather than wait for the next
   pass. p has room for every connection. Returns service_conns()'s
   "work left" flag. */
static int reap_conns(struct pollfd *p, int64_t now)
{
	int i;
	for (i = 0; i < g_n_conns; i++) {
		p[i].fd = g_conns[i]->fd;
		p[i].events = conn_events(g_conns[i]);
		p[i].revents = 0;
	}
	if (g_n_conns > 0 && poll(p, (nfds_t)g_n_conns, 0) >= 0)
		return service_conns(p, now);
	return 0;
}

/* ====================================================================== */

int main(int argc, char **argv)
{
	int lfd[MAX_LISTENERS], nl = 0, i, accepting = 1, listening = 0, served = 0, busy = 0;
	struct pollfd *pfd;
	struct sigaction sa;
	unsigned long next_id = 1;
	int status = 0;

	g_start_ms = mono_ms();
	if (parse_args(argc, argv) != 0) return 2;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);

	g_urandom = open("/dev/urandom", O_RDONLY);
	if (g_urandom < 0) {
		logmsg("/dev/urandom: %s", strerror(errno));
		return 2;
	}
	fcntl(g_urandom, F_SETFD, FD_CLOEXEC);
	jwtauth_token_cache_init(&g_tokens, g_token_entries,
		sizeof g_token_entries / sizeof g_token_entries[0]);
	if (g_jwks_path) {
		g_override_ks = load_keyset(g_jwks_path);
		if (!g_override_ks) {
			free_all();
			return 2;
		}
	} else {
		jwtauth_cache_options co;
		if (g_conf_dir && strlen(g_conf_dir) > JWTAUTH_MAX_SOURCE_LEN) {
			logmsg("--conf-dir: longer than %d bytes", JWTAUTH_MAX_SOURCE_LEN);
			free_all();
			return 2;
		}
		memset(&co, 0, sizeof co);   /* 0: the library's defaults */
		co.conf_dir = g_conf_dir;
		co.ttl = g_cache_ttl;
		co.cooldown = g_cache_cooldown;
		co.max_stale = g_cache_max_stale;
#ifdef JWTAUTH_MYSQLD_CURL
		/* the poll loop waits for a fetch: keep it short */
		g_fetch.connect_timeout_ms = FETCH_CONNECT_MS;
		g_fetch.total_timeout_ms = FETCH_TOTAL_MS;
		g_fetch.diagnostics = 1;   /* one thread: status and message are ours */
		co.fetch = fetch_curl;
		co.fetch_user = &g_fetch;
#endif
		{
			jwtauth_error cerr;
			g_cache = jwtauth_cache_new(&co, &cerr);
			if (!g_cache) {
				logmsg("key-set cache: %s (%s)", cerr.msg, jwtauth_error_name(cerr.code));
				free_all();
				return 2;
			}
		}
	}
	if ((g_integration_path && parse_integration(g_integration_path) != 0)
	    || (g_accounts_path && parse_accounts(g_accounts_path) != 0)) {
		free_all();
		return 2;
	}
	if (g_override_ks)
		for (i = 0; i < (int)g_n_accounts; i++)
			if (g_accounts[i].cfg->jwks_url.len > 0) {
				char shown[200];
				logmsg("user '%s': jwks_url '%s' overridden by --jwks %s",
					sanitize(g_accounts[i].name, g_accounts[i].name_len, shown, 100),
					sanitize(g_accounts[i].cfg->jwks_url.p, g_accounts[i].cfg->jwks_url.len,
						shown + 100, 100), g_jwks_path);
			}
	logmsg("%lu account(s)%s; tokens checked against %s", (unsigned long)g_n_accounts,
		g_have_integration ? " and a security integration" : "",
		g_have_now ? "--now" : "the system clock");
	if (g_cache)
		logmsg("key sets cached: reloaded after %ld s, or for a token with an"
			" unknown kid at most every %ld s; when reloading fails the last"
			" good set is used for %ld s more",
			(long)(g_cache_ttl ? g_cache_ttl : JWTAUTH_CACHE_TTL),
			(long)(g_cache_cooldown ? g_cache_cooldown : JWTAUTH_CACHE_COOLDOWN),
			(long)(g_cache_max_stale ? g_cache_max_stale : JWTAUTH_CACHE_MAX_STALE));

	check_somaxconn();
	lfd[nl] = listen_tcp(g_listen);
	if (lfd[nl] < 0) {
		free_all();
		return 2;
	}
	nl++;
	if (g_socket_path) {
		lfd[nl] = listen_unix(g_socket_path);
		if (lfd[nl] < 0) {
			close(lfd[0]);
			free_all();
			return 2;
		}
		nl++;
	}

	spare_open();
	{
		/* descriptors besides connections: stdio, /dev/urandom, the
		   listeners, the spare, and a key file or fetch being read */
		struct rlimit rl;
		long room;
		if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) {
			room = (long)rl.rlim_cur - (nl + 8);
			if (room < g_max_conns)
				logmsg("warning: RLIMIT_NOFILE %ld leaves room for about %ld connections,"
					" fewer than --max-connections %d; beyond that clients get ERR 1040",
					(long)rl.rlim_cur, room < 0 ? 0 : room, g_max_conns);
		}
	}
	g_conns = (conn **)calloc((size_t)g_max_conns, sizeof *g_conns);
	pfd = (struct pollfd *)calloc((size_t)g_max_conns + MAX_LISTENERS, sizeof *pfd);
	if (!g_conns || !pfd) {
		logmsg("out of memory");
		status = 2;
		g_stop = 1;
	}

	while (!g_stop) {
		int np = 0, timeout = -1, k;
		int64_t now = mono_ms();

		if (g_once && served && g_n_conns == 0) break;
		listening = accepting && now >= g_accept_paused_until;
		for (k = 0; k < nl && listening; k++) {
			pfd[np].fd = lfd[k];
			pfd[np].events = POLLIN;
			pfd[np].revents = 0;
			np++;
		}
		for (i = 0; i < g_n_conns; i++) {
			conn *c = g_conns[i];
			int64_t left = c->deadline - now;
			pfd[np].fd = c->fd;
			pfd[np].events = conn_events(c);
			pfd[np].revents = 0;
			np++;
			if (left < 0) left = 0;
			if (timeout < 0 || left < timeout) timeout = (int)(left > 60000 ? 60000 : left);
		}
		if (accepting && !listening) {
			int64_t left = g_accept_paused_until - now;
			if (timeout < 0 || left < timeout) timeout = (int)left;
		}
		if (busy) timeout = 0;
		if (poll(pfd, (nfds_t)np, timeout) < 0) {
			if (errno == EINTR) continue;
			logmsg("poll: %s", strerror(errno));
			status = 2;
			break;
		}
		now = mono_ms();

		/* existing connections first (their pollfds follow the listeners) */
		busy = service_conns(pfd + (listening ? nl : 0), now);

		/* new connections */
		for (k = 0; k < nl && listening && accepting; k++) {
			if (!(pfd[k].revents & POLLIN)) continue;
			for (;;) {
				int fd = accept(lfd[k], NULL, NULL);
				char peer[96], host[64];
				conn *c;
				if (fd < 0) {
					int e = errno;
					if (e == EINTR || e == ECONNABORTED) continue;
					if (e == EMFILE || e == ENFILE) {
						if (accept_exhausted(lfd[k], e, now) > 0) continue;
					} else if (e == ENOBUFS || e == ENOMEM) {
						g_accept_paused_until = now + ACCEPT_PAUSE_MS;
					}
					break;
				}
				if (set_nonblock(fd) != 0) {
					close(fd);
					continue;
				}
				if (g_n_conns >= g_max_conns || count_handshakes() >= g_max_handshakes)
					busy |= reap_conns(pfd + nl, mono_ms());
				if (g_n_conns >= g_max_conns) {
					logmsg("refused a connection: %d connections open (--max-connections)",
						g_n_conns);
					refuse_fd(fd, "Too many connections");
					continue;
				}
				if (count_handshakes() >= g_max_handshakes) {
					logmsg("refused a connection: %d connections still authenticating"
						" (--max-handshakes)", g_max_handshakes);
					refuse_fd(fd, "Too many connections still authenticating");
					continue;
				}
				peer_name(fd, peer, sizeof peer, host);
				if (g_max_handshakes_per_host > 0
				    && count_host_handshakes(host) >= g_max_handshakes_per_host) {
					logmsg("refused a connection from %s: %d connections from that host"
						" still authenticating (--max-handshakes-per-host)", peer,
						g_max_handshakes_per_host);
					refuse_fd(fd, "Too many connections still authenticating from this host");
					continue;
				}
				c = (conn *)calloc(1, sizeof *c);
				if (c) c->in = (uint8_t *)malloc(IN_CAP);
				if (!c || !c->in || make_scramble(c->scramble) != 0) {
					logmsg("cannot set up a connection (memory or /dev/urandom)");
					if (c) free(c->in);
					free(c);
					close(fd);
					continue;
				}
				c->fd = fd;
				c->id = next_id++;
				c->state = ST_HANDSHAKE;
				c->deadline = now + g_handshake_timeout_ms;
				memcpy(c->peer, peer, sizeof c->peer);
				memcpy(c->host, host, sizeof c->host);
				send_greeting(c);
				if (conn_flush(c) != 0) {
					conn_free(c);
					continue;
				}
				g_conns[g_n_conns++] = c;
				served = 1;
				if (g_once) {
					accepting = 0;
					break;
				}
			}
		}
		if (!accepting && nl > 0) {
			for (k = 0; k < nl; k++) close(lfd[k]);
			nl = 0;
		}
	}

	for (i = 0; i < g_n_conns; i++) conn_free(g_conns[i]);
	for (i = 0; i < nl; i++) close(lfd[i]);
	if (g_spare_fd >= 0) close(g_spare_fd);
	if (g_socket_created) unlink(g_socket_path);
	free(g_conns);
	free(pfd);
	free_all();
	if (g_stop) logmsg_final("stopped");
	else if (g_log_dropped) logmsg_final("exiting");
	return status;
}
