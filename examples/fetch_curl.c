/* fetch_curl.c - a jwtauth_fetch_fn on libcurl, for URL key sources.

   The library never opens a socket; this is the example callback the CLI
   uses (#included by jwtauth_cli.c when built with JWTAUTH_CLI_CURL; link
   -lcurl). Policy, chosen for a key-set fetch:
   - http and https only, redirects NOT followed (a redirect is an error:
     the configured URL is the trust decision);
   - TLS peer and host verification left on (libcurl's defaults);
   - connect and total timeouts;
   - the body is capped at the cache's buffer: the transfer is aborted as
     soon as it exceeds it (JWTAUTH_ERR_TOO_LARGE);
   - a status other than 2xx is JWTAUTH_ERR_IO;
   - Cache-Control max-age=N is reported so the cache can use it.
   Call curl_global_init() once at program start. */
#include <curl/curl.h>
#include <ctype.h>

typedef struct fetch_curl_options {
	long connect_timeout_ms;   /* 0 = 5000 */
	long total_timeout_ms;     /* 0 = 10000 */
	long status;               /* out: last HTTP status */
	char error[CURL_ERROR_SIZE];
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

/* Cache-Control: ..., max-age=N, ... (case-insensitive). */
static size_t fetch_curl_header(char *p, size_t size, size_t n, void *user)
{
	fetch_curl_sink *s = (fetch_curl_sink *)user;
	size_t len = size * n, i;
	static const char name[] = "cache-control:";
	if (len < sizeof name - 1) return len;
	for (i = 0; i < sizeof name - 1; i++)
		if (tolower((unsigned char)p[i]) != name[i]) return len;
	for (; i + 8 <= len; i++) {
		size_t j;
		int64_t v = 0;
		static const char key[] = "max-age=";
		for (j = 0; j < 8; j++)
			if (tolower((unsigned char)p[i + j]) != key[j]) break;
		if (j < 8) continue;
		j = i + 8;
		if (j >= len || !isdigit((unsigned char)p[j])) break;
		while (j < len && isdigit((unsigned char)p[j]) && v < ((int64_t)1 << 40))
			v = v * 10 + (p[j++] - '0');
		s->max_age = v;
		break;
	}
	return len;
}

static int fetch_curl(void *user, const char *url, char *buf, size_t cap,
	size_t *len, int64_t *max_age)
{
	fetch_curl_options *o = (fetch_curl_options *)user;
	fetch_curl_sink sink;
	CURL *c = curl_easy_init();
	CURLcode rc;
	long status = 0;
	if (!c) return JWTAUTH_ERR_IO;
	sink.buf = buf; sink.cap = cap; sink.len = 0; sink.over = 0; sink.max_age = -1;
	o->error[0] = 0;
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS,
		o->connect_timeout_ms > 0 ? o->connect_timeout_ms : 5000L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT_MS,
		o->total_timeout_ms > 0 ? o->total_timeout_ms : 10000L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, fetch_curl_body);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, fetch_curl_header);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, &sink);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, o->error);
	curl_easy_setopt(c, CURLOPT_USERAGENT, "jwtauth/" JWTAUTH_VERSION_STRING);
	rc = curl_easy_perform(c);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
	curl_easy_cleanup(c);
	o->status = status;
	if (sink.over) return JWTAUTH_ERR_TOO_LARGE;
	if (rc != CURLE_OK || status < 200 || status > 299) return JWTAUTH_ERR_IO;
	*len = sink.len;
	*max_age = sink.max_age;
	return JWTAUTH_OK;
}
