/* fetch_curl.c - a jwtauth_fetch_fn on libcurl, for URL key sources.

   The library never opens a socket; this is the example callback the CLI
   and the MySQL server example use (#included by jwtauth_cli.c under
   JWTAUTH_CLI_CURL and by mysql_server.c under JWTAUTH_MYSQLD_CURL; link
   -lcurl). Policy, chosen for a key-set fetch:
   - http and https only, redirects NOT followed (a 3xx is an error: the
     configured URL is the trust decision);
   - TLS peer and host verification left on (libcurl's defaults; this file
     never touches CURLOPT_SSL_VERIFYPEER/VERIFYHOST);
   - connect and total timeouts (5 s / 10 s unless configured);
   - the body is capped at the cache's buffer: a Content-Length over the
     cap is refused before the body, and the transfer is aborted as soon as
     the received bytes exceed it (JWTAUTH_ERR_TOO_LARGE), never truncated;
   - a status other than 2xx is JWTAUTH_ERR_IO;
   - Cache-Control max-age=N is reported so the cache can use it (other
     directives such as no-cache are ignored: the cache has its own TTL).

   Usage:
     static fetch_curl_options fo;          (zero = defaults; NULL too)
     curl_global_init(CURL_GLOBAL_DEFAULT); once, at program start
     opts.fetch = fetch_curl; opts.fetch_user = &fo;
     ... jwtauth_cache_new(&opts, &err) ...
     curl_global_cleanup();                 at exit

   Each call uses its own easy handle and its own error buffer, and only
   reads the options, so the callback is safe to call from several threads
   at once (a cache shared by threads fetches two sources at the same
   time). The diagnostic out-members (status, error) are written only when
   `diagnostics` is set: do that for a single-threaded program (the CLI),
   never for an options struct used by concurrent fetches. */
#include <curl/curl.h>
#include <ctype.h>
#include <string.h>

typedef struct fetch_curl_options {
	long connect_timeout_ms;   /* in: 0 = 5000 */
	long total_timeout_ms;     /* in: 0 = 10000 */
	int diagnostics;           /* in: 1 = fill status and error after each fetch */
	long status;               /* out: HTTP status of the last fetch (0: none) */
	char error[CURL_ERROR_SIZE]; /* out: libcurl's message of the last fetch */
} fetch_curl_options;

typedef struct fetch_curl_sink {
	char *buf;
	size_t cap, len;
	int over;
	int64_t max_age;
} fetch_curl_sink;

static size_t fetch_curl_body(char *p, size_t size, size_t n, void *user)
{
	fetch_curl_sink *s = (fetch_curl_sink *)user;
	size_t len = size * n;
	if (len > s->cap - s->len) {
		s->over = 1;
		return 0;              /* abort the transfer: too large */
	}
	memcpy(s->buf + s->len, p, len);
	s->len += len;
	return len;
}

static int fetch_curl_prefix_ci(const char *p, size_t len, const char *lower)
{
	size_t i;
	for (i = 0; lower[i]; i++)
		if (i >= len || tolower((unsigned char)p[i]) != lower[i]) return 0;
	return 1;
}

/* Cache-Control: ..., max-age=N, ... (case-insensitive, directive at a
   list boundary so that e.g. "x-max-age=" does not count). */
static size_t fetch_curl_header(char *p, size_t size, size_t n, void *user)
{
	fetch_curl_sink *s = (fetch_curl_sink *)user;
	size_t len = size * n, i;
	/* a new response (status line): forget what an earlier one said */
	if (fetch_curl_prefix_ci(p, len, "http/")) {
		s->max_age = -1;
		return len;
	}
	if (!fetch_curl_prefix_ci(p, len, "cache-control:")) return len;
	for (i = 14; i + 8 <= len; i++) {
		size_t j;
		int64_t v = 0;
		char before = p[i - 1];
		if (before != ':' && before != ',' && before != ' ' && before != '\t') continue;
		if (!fetch_curl_prefix_ci(p + i, len - i, "max-age=")) continue;
		j = i + 8;
		if (j >= len || !isdigit((unsigned char)p[j])) break;
		while (j < len && isdigit((unsigned char)p[j]) && v < ((int64_t)1 << 40))
			v = v * 10 + (p[j++] - '0');
		s->max_age = v;
		break;
	}
	return len;
}

/* The diagnostics, when asked for. */
static void fetch_curl_report(void *user, long status, const char *error)
{
	fetch_curl_options *o = (fetch_curl_options *)user;
	size_t n = strlen(error);
	if (!o || !o->diagnostics) return;
	if (n > sizeof o->error - 1) n = sizeof o->error - 1;
	o->status = status;
	memcpy(o->error, error, n);
	o->error[n] = 0;
}

static int fetch_curl(void *user, const char *url, char *buf, size_t cap,
	size_t *len, int64_t *max_age)
{
	static const fetch_curl_options defaults = { 0, 0, 0, 0, { 0 } };
	const fetch_curl_options *o = user ? (const fetch_curl_options *)user : &defaults;
	fetch_curl_sink sink;
	char error[CURL_ERROR_SIZE];
	CURL *c;
	CURLcode rc, setup;
	long status = 0;
	int result;
	error[0] = 0;
	c = curl_easy_init();
	if (!c) {
		fetch_curl_report(user, 0, "curl_easy_init failed");
		return JWTAUTH_ERR_IO;
	}
	sink.buf = buf; sink.cap = cap; sink.len = 0; sink.over = 0; sink.max_age = -1;
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
	/* the security-relevant options must take, or nothing is fetched */
	setup = curl_easy_setopt(c, CURLOPT_URL, url);
#if LIBCURL_VERSION_NUM >= 0x075500   /* 7.85.0: CURLOPT_PROTOCOLS_STR */
	if (setup == CURLE_OK) setup = curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
#else
	if (setup == CURLE_OK)
		setup = curl_easy_setopt(c, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
	if (setup == CURLE_OK) setup = curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	if (setup != CURLE_OK) {
		fetch_curl_report(user, 0, error[0] ? error : curl_easy_strerror(setup));
		curl_easy_cleanup(c);
		return JWTAUTH_ERR_IO;
	}
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS,
		o->connect_timeout_ms > 0 ? o->connect_timeout_ms : 5000L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT_MS,
		o->total_timeout_ms > 0 ? o->total_timeout_ms : 10000L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);   /* timeouts without SIGALRM: thread-safe */
	curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)cap);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, fetch_curl_body);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, fetch_curl_header);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, &sink);
	curl_easy_setopt(c, CURLOPT_USERAGENT, "jwtauth/" JWTAUTH_VERSION_STRING);
	rc = curl_easy_perform(c);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
	curl_easy_cleanup(c);
	/* a non-2xx status is IO even when its body was over the cap */
	if (status != 0 && (status < 200 || status > 299)) result = JWTAUTH_ERR_IO;
	else if (sink.over || rc == CURLE_FILESIZE_EXCEEDED) result = JWTAUTH_ERR_TOO_LARGE;
	else if (rc != CURLE_OK || status == 0) result = JWTAUTH_ERR_IO;
	else result = JWTAUTH_OK;
	fetch_curl_report(user, status, rc == CURLE_OK ? "" : error[0] ? error : curl_easy_strerror(rc));
	if (result != JWTAUTH_OK) return result;
	*len = sink.len;
	*max_age = sink.max_age;
	return JWTAUTH_OK;
}
