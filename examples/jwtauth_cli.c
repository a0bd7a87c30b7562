/* jwtauth_cli.c - the `jwtauth` command line tool (built as build/jwtauth).

     jwtauth verify [options] TOKEN     full StarRocks JWT login check
     jwtauth jws-verify --jwks PATH [--algorithms LIST] TOKEN
     jwtauth inspect TOKEN              decode WITHOUT verifying
     jwtauth keys [--json] FILE | --jwks-url URL   list a key document

   Exit status: 0 accepted, 1 rejected, 2 usage or configuration error.
   Every result is one JSON object on stdout (jws-verify prints the raw
   payload on success). See README.md, section "Command line". */
#define JWTAUTH_IMPLEMENTATION
#include "../jwtauth.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifdef JWTAUTH_CLI_CURL
#include "fetch_curl.c"
#endif

#define EXIT_ACCEPTED 0
#define EXIT_REJECTED 1
#define EXIT_USAGE 2

/* Token input is read up to this many bytes; anything longer is refused
   as TOKEN_SIZE without reading further. The slack leaves room for
   trailing whitespace after a token of the maximum length. */
#define TOKEN_CAP (JWTAUTH_MAX_TOKEN_LEN + 4096)
#define PATH_CAP 4096
#define MSG_CAP 2048
/* Upper bounds of the integer flags (keep now + leeway far from overflow). */
#define MAX_LEEWAY ((int64_t)INT32_MAX)
#define MAX_NOW ((int64_t)1 << 62)

/* The big structures live here, not on the stack. */
static jwtauth_keyset g_keys;
static jwtauth_config g_cfg;
static jwtauth_login g_login;
static jwtauth_jwt g_jwt;
static jwtauth_json_tok g_toks[JWTAUTH_MAX_JSON_TOKENS];
static jwtauth_json_tok g_jwks_toks[JWTAUTH_MAX_JWKS_TOKENS];
static char g_token[TOKEN_CAP + 1];
static const char *g_cmd = NULL; /* the command, for the usage hint */
static int g_quiet = 0;          /* --quiet: no skipped-key reports */
/* The key-set cache for a --config jwks_url or --jwks-url (URL sources
   fetched with the libcurl callback, files read under --conf-dir). */
static jwtauth_cache *g_cache = NULL;
#ifdef JWTAUTH_CLI_CURL
static fetch_curl_options g_fetch;
#endif
/* The clock: --now (or the system clock) at start, advancing in real time
   so that a long --batch run sees cache TTLs pass. The same `now` serves
   the claims and the cache (jwtauth_authenticate_cached takes one). */
static int64_t g_now0;
static time_t g_start;

/* ------------------------------------------------------------- usage */

static const char usage_main[] =
"usage: jwtauth COMMAND [OPTIONS] TOKEN\n"
"\n"
"Commands:\n"
"  verify      verify a JWT and run the StarRocks login checks\n"
"  jws-verify  verify a compact JWS signature only; print the payload\n"
"  inspect     decode a token WITHOUT verifying it\n"
"  keys        list the entries of a key document (usable or skipped, why)\n"
"\n"
"TOKEN is the compact token, '-' to read it from standard input, or\n"
"'@FILE' to read it from a file (trailing whitespace is trimmed).\n"
"Exit status: 0 accepted, 1 rejected, 2 usage or configuration error.\n"
"Run 'jwtauth COMMAND --help' for the options of a command.\n";

static const char usage_verify[] =
"usage: jwtauth verify [OPTIONS] TOKEN\n"
"       jwtauth verify [OPTIONS] --batch < tokens.txt\n"
"\n"
"Verify a JWT (signature, claims, principal) as StarRocks authentication_jwt\n"
"does, and print one JSON object: {\"ok\":true,\"principal\":...} or\n"
"{\"ok\":false,\"error\":NAME,\"message\":...}.\n"
"\n"
"Key source (one of):\n"
"  --jwks PATH            JWKS, single JWK or PEM file (relative paths are\n"
"                         resolved against --conf-dir when given)\n"
"  --config JSON          the CREATE USER property object; a jwks_url that is\n"
"                         not http(s) names a file under --conf-dir (no\n"
"                         absolute path, no '..'); read through the key-set cache\n"
"  --conf-dir DIR         the StarRocks conf directory (default \".\")\n"
"  --jwks-url URL         fetch the key set over http(s) (libcurl), through the\n"
"                         key-set cache; also used for an http(s) jwks_url\n"
"                         in --config\n"
"  --cache-ttl SECONDS    key-set cache (jwks_url / --jwks-url): seconds a\n"
"                         loaded set is fresh (default 300)\n"
"  --cache-cooldown SECONDS  key-set cache: minimum seconds between refreshes\n"
"                         caused by unknown kids, and between retries after\n"
"                         a failure (default 30)\n"
"Checks (override the --config properties):\n"
"  --user NAME            login name; the principal must equal it (ASCII\n"
"                         case-insensitive). Without it no match is required.\n"
"  --principal-field F    claim name or /JSON/pointer (default sub)\n"
"  --issuer LIST          accepted iss values, comma-separated\n"
"  --audience LIST        accepted aud values, comma-separated\n"
"  --algorithms LIST      allowed algs, e.g. RS256,ES256,EdDSA (default: all)\n"
"  --leeway SECONDS       clock skew allowed for exp/nbf (default 0)\n"
"  --now UNIX_SECONDS     time to validate against (default: system clock)\n"
"  --groups-claim PATH    dot path of the groups claim; adds \"groups\"\n"
"Input:\n"
"  --batch                read one token per line from standard input and\n"
"                         print one JSON result per line; exit 0 at EOF. One\n"
"                         process, one key-set cache: a rotated key set is\n"
"                         picked up on an unknown kid or after the TTL; a\n"
"                         key source failure is an error line, not an exit\n"
"                         (the cache clock starts at --now and runs in real time)\n"
"  --quiet                do not report skipped keys on standard error\n"
"\n"
"Exit status: 0 accepted, 1 rejected, 2 usage or configuration error.\n";

static const char usage_jws[] =
"usage: jwtauth jws-verify --jwks PATH [--algorithms LIST] TOKEN\n"
"\n"
"Verify the signature of a compact JWS (the payload need not be JSON).\n"
"On success the decoded payload bytes are written to standard output as\n"
"they are; on failure a JSON error object is printed.\n"
"Exit status: 0 valid, 1 invalid, 2 usage or key file error.\n";

static const char usage_keys[] =
"usage: jwtauth keys [--json] [--quiet] FILE\n"
"       jwtauth keys [--json] [--quiet] --jwks-url URL\n"
"\n"
"List every entry of a key document (JWKS, single JWK or PEM): index, kid,\n"
"kty, crv or modulus size, alg, use/key_ops, usable or skipped with the\n"
"reason, and the RFC 7638 thumbprint of usable public keys. Text by\n"
"default, one JSON object with --json.\n"
"Exit status: 0 at least one usable key, 1 none usable, 2 usage error or\n"
"an unreadable or invalid document.\n";

static const char usage_inspect[] =
"usage: jwtauth inspect TOKEN\n"
"\n"
"Decode the header and payload of a compact JWS WITHOUT verifying the\n"
"signature. The output is marked \"verified\":false; never use it to make\n"
"a decision. Exit status: 0 decoded, 1 malformed token, 2 usage error.\n";

static const char *cmd_usage(const char *cmd)
{
	if (cmd && strcmp(cmd, "verify") == 0) return usage_verify;
	if (cmd && strcmp(cmd, "jws-verify") == 0) return usage_jws;
	if (cmd && strcmp(cmd, "inspect") == 0) return usage_inspect;
	if (cmd && strcmp(cmd, "keys") == 0) return usage_keys;
	return usage_main;
}

/* ------------------------------------------------------ JSON output */

/* Length of the valid UTF-8 sequence at p (at most n bytes), or 0. */
static size_t utf8_seq(const unsigned char *p, size_t n)
{
	unsigned c = p[0];
	size_t len, i;
	unsigned long cp;
	if (c < 0x80) return 1;
	if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1Fu; }
	else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0Fu; }
	else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07u; }
	else return 0;
	if (n < len) return 0;
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xC0u) != 0x80u) return 0;
		cp = (cp << 6) | (p[i] & 0x3Fu);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000)) return 0;
	if (cp >= 0xD800 && cp <= 0xDFFF) return 0;
	if (cp > 0x10FFFF) return 0;
	return len;
}

/* Write (p, n) as a JSON string: quotes, backslash and control characters
   escaped; invalid UTF-8 replaced by U+FFFD so the output stays JSON. */
static void json_str(const char *p, size_t n)
{
	const unsigned char *s = (const unsigned char *)p;
	size_t i = 0;
	putchar('"');
	while (s && i < n) {
		unsigned c = s[i];
		size_t k;
		if (c == '"' || c == '\\') { putchar('\\'); putchar((int)c); i++; continue; }
		if (c == '\n') { fputs("\\n", stdout); i++; continue; }
		if (c == '\t') { fputs("\\t", stdout); i++; continue; }
		if (c == '\r') { fputs("\\r", stdout); i++; continue; }
		if (c < 0x20 || c == 0x7F) { printf("\\u%04x", c); i++; continue; }
		k = utf8_seq(s + i, n - i);
		if (k == 0) { fputs("\\ufffd", stdout); i++; continue; }
		fwrite(s + i, 1, k, stdout);
		i += k;
	}
	putchar('"');
}

static void json_cstr(const char *s)
{
	json_str(s, s ? strlen(s) : 0);
}

/* Write JSON text that has been validated, without its insignificant
   whitespace, so that every result stays on one line. */
static void json_compact(const char *p, size_t n)
{
	size_t i;
	int in_str = 0;
	for (i = 0; i < n; i++) {
		char c = p[i];
		if (in_str) {
			putchar((unsigned char)c);
			if (c == '\\' && i + 1 < n) putchar((unsigned char)p[++i]);
			else if (c == '"') in_str = 0;
		} else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			continue;
		} else {
			if (c == '"') in_str = 1;
			putchar((unsigned char)c);
		}
	}
}

/* ---------------------------------------------------- message buffer */

typedef struct msgbuf {
	char s[MSG_CAP];
	size_t len;
} msgbuf;

static void mb_add(msgbuf *m, const char *p, size_t n)
{
	if (!p) return;
	if (n > sizeof m->s - 1 - m->len) n = sizeof m->s - 1 - m->len;
	memcpy(m->s + m->len, p, n);
	m->len += n;
	m->s[m->len] = 0;
}

static void mb_cstr(msgbuf *m, const char *s)
{
	if (s) mb_add(m, s, strlen(s));
}

static void mb_fmt(msgbuf *m, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	int r;
	va_start(ap, fmt);
	r = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (r < 0) return;
	mb_add(m, tmp, (size_t)r < sizeof tmp ? (size_t)r : sizeof tmp - 1);
}

/* The reason, then the values that explain it: the library's precise
   message when there are no values ("<msg> (<detail>)"), else the code's
   text and the values ("token expired: exp 1, now 2, leeway 0"). The
   same words never appear twice. */
static void mb_error(msgbuf *m, int code, const jwtauth_error *err)
{
	const char *text = jwtauth_strerror(code);
	int values = err && (err->has_time || err->value_len || err->expected_len);
	if (!values && err && err->msg && err->msg[0]) mb_cstr(m, err->msg);
	else mb_cstr(m, text);
	if (!err) return;
	if (err->has_time) {
		mb_fmt(m, ": %s %lld, now %lld, %s %lld",
			code == JWTAUTH_ERR_EXPIRED ? "exp" : code == JWTAUTH_ERR_NOT_YET_VALID ? "nbf" : "iat",
			(long long)err->time, (long long)err->now,
			code == JWTAUTH_ERR_TOO_OLD ? "max_age" : "leeway", (long long)err->limit);
	} else if (code == JWTAUTH_ERR_PRINCIPAL_MISMATCH && err->value_len) {
		mb_fmt(m, ": %s is '%s', user is '%s'", err->detail_len ? err->detail : "principal",
			err->value, err->expected);
	} else if (err->value_len) {
		mb_fmt(m, ": %s '%s'", err->detail_len ? err->detail : "value", err->value);
	} else if (err->detail_len && !(err->msg && strstr(err->msg, err->detail))) {
		mb_cstr(m, " (");
		mb_add(m, err->detail, err->detail_len);
		mb_cstr(m, ")");
	}
}

/* -------------------------------------------------- result printers */

static void print_error_obj(const char *name, const char *msg, size_t msg_len)
{
	fputs("{\"ok\":false,\"error\":", stdout);
	json_cstr(name);
	fputs(",\"message\":", stdout);
	json_str(msg, msg_len);
	fputs("}\n", stdout);
}

/* Print a usage/configuration error: JSON on stdout, a hint on stderr.
   Returns EXIT_USAGE. */
static int fail_usage(const char *name, const char *fmt, ...)
{
	char msg[MSG_CAP];
	va_list ap;
	int r;
	va_start(ap, fmt);
	r = vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (r < 0) msg[0] = 0;
	print_error_obj(name, msg, strlen(msg));
	fflush(stdout);
	fprintf(stderr, "jwtauth%s%s: %s\n", g_cmd ? " " : "", g_cmd ? g_cmd : "", msg);
	fprintf(stderr, "Try 'jwtauth %s%s--help' for usage.\n", g_cmd ? g_cmd : "", g_cmd ? " " : "");
	return EXIT_USAGE;
}

/* A library failure during setup (key file, config, flags): exit 2. */
static int fail_lib_usage(int code, const jwtauth_error *err, const char *prefix)
{
	msgbuf m;
	m.len = 0; m.s[0] = 0;
	if (prefix) { mb_cstr(&m, prefix); mb_cstr(&m, ": "); }
	mb_error(&m, code, err);
	return fail_usage(jwtauth_error_name(code), "%s", m.s);
}

/* Codes that mean the setup is wrong rather than the token. */
static int is_setup_error(int code)
{
	return code == JWTAUTH_ERR_ARGUMENT || code == JWTAUTH_ERR_IO ||
		(code <= JWTAUTH_ERR_CONFIG && code >= JWTAUTH_ERR_CONFIG_PATH);
}

/* A verification failure: JSON on stdout, exit 1 (2 for setup errors). */
static int print_reject(int code, const jwtauth_error *err)
{
	msgbuf m;
	m.len = 0; m.s[0] = 0;
	mb_error(&m, code, err);
	fputs("{\"ok\":false,\"error\":", stdout);
	json_cstr(jwtauth_error_name(code));
	fputs(",\"message\":", stdout);
	json_str(m.s, m.len);
	/* the values also as members, for scripts */
	if (err && err->has_time)
		printf(",\"%s\":%lld,\"now\":%lld,\"%s\":%lld",
			code == JWTAUTH_ERR_EXPIRED ? "exp" : code == JWTAUTH_ERR_NOT_YET_VALID ? "nbf" : "iat",
			(long long)err->time, (long long)err->now,
			code == JWTAUTH_ERR_TOO_OLD ? "max_age" : "leeway", (long long)err->limit);
	if (err && err->value_len) {
		fputs(",\"value\":", stdout);
		json_str(err->value, err->value_len);
	}
	if (err && err->expected_len) {
		fputs(",\"expected\":", stdout);
		json_str(err->expected, err->expected_len);
	}
	fputs("}\n", stdout);
	return is_setup_error(code) ? EXIT_USAGE : EXIT_REJECTED;
}

/* ------------------------------------------------------- file input */

/* Read at most cap bytes of f into buf. *over is set when more remain. */
static size_t read_capped(FILE *f, char *buf, size_t cap, int *over)
{
	size_t n = 0, got;
	*over = 0;
	while (n < cap && (got = fread(buf + n, 1, cap - n, f)) > 0) n += got;
	if (n == cap && getc(f) != EOF) *over = 1;
	return n;
}

/* A file error of jwtauth_file_read: "<role> '<path>': <cause>", and the
   size against the limit when too large. Returns EXIT_USAGE. */
static int fail_file(int code, const jwtauth_error *err)
{
	if (code == JWTAUTH_ERR_TOO_LARGE && err->size > err->limit)
		return fail_usage(jwtauth_error_name(code), "%s '%s': %lld bytes, %lld over the limit of %lld",
			err->detail, err->value, (long long)err->size,
			(long long)(err->size - err->limit), (long long)err->limit);
	if (code == JWTAUTH_ERR_TOO_LARGE)
		return fail_usage(jwtauth_error_name(code), "%s '%s': larger than the limit of %lld bytes",
			err->detail, err->value, (long long)err->limit);
	if (err->detail_len)
		return fail_usage(jwtauth_error_name(code), "%s '%s': %s", err->detail, err->value, err->msg);
	return fail_usage(jwtauth_error_name(code), "%s", err->msg);
}

/* The size of a file in bytes, or -1 when it cannot be taken (a pipe). */
static long file_size(const char *path)
{
	long size = -1;
	FILE *f = fopen(path, "rb");
	if (!f) return -1;
	if (fseek(f, 0, SEEK_END) == 0) size = ftell(f);
	fclose(f);
	return size;
}

/* Read a whole key document (at most JWTAUTH_MAX_JWKS_LEN bytes) into a
   heap buffer sized to the file (the limit when the size is unknown, or
   when the file grew after its size was taken). Returns 0 or an exit code
   after printing the error. */
static int read_key_file(const char *path, char **out, size_t *out_len)
{
	jwtauth_error err;
	char *buf;
	size_t n = 0, cap = (size_t)JWTAUTH_MAX_JWKS_LEN;
	long size = file_size(path);
	int rc;
	*out = NULL; *out_len = 0;
	if (size >= 0 && (unsigned long)size < (unsigned long)cap) cap = (size_t)size;
	for (;;) {
		buf = (char *)malloc(cap + 1);
		if (!buf) return fail_usage("NOMEM", "out of memory");
		rc = jwtauth_file_read(path, "key file", buf, cap, &n, &err);
		if (rc != JWTAUTH_ERR_TOO_LARGE || cap == (size_t)JWTAUTH_MAX_JWKS_LEN) break;
		free(buf);          /* grew since its size was taken */
		cap = (size_t)JWTAUTH_MAX_JWKS_LEN;
	}
	if (rc != JWTAUTH_OK) {
		free(buf);
		return fail_file(rc, &err);
	}
	buf[n] = 0;
	*out = buf; *out_len = n;
	return 0;
}

/* Report every entry of a loaded set that was skipped, on stderr (index
   in the document, kid, reason), unless --quiet. */
static void report_skipped(const jwtauth_keyset *ks, const char *source)
{
	size_t i;
	if (g_quiet) return;
	for (i = 0; i < ks->count && i < JWTAUTH_MAX_KEYS; i++) {
		const jwtauth_key *k = &ks->keys[i];
		if (k->status == JWTAUTH_OK) continue;
		fprintf(stderr, "jwtauth: %s: key %lu", source, (unsigned long)k->index);
		if (k->has_kid) fprintf(stderr, " (kid '%.*s')", (int)k->kid_len, k->kid);
		fprintf(stderr, " skipped: %s (%s)\n", jwtauth_strerror(k->status),
			jwtauth_error_name(k->status));
	}
}

/* Load the key set from a file. Returns 0 or an exit code. */
static int load_keys(const char *path)
{
	char *doc;
	size_t len, i;
	int rc;
	jwtauth_error err;
	msgbuf m;
	rc = read_key_file(path, &doc, &len);
	if (rc) return rc;
	jwtauth_keyset_init(&g_keys);
	memset(&err, 0, sizeof err);
	rc = jwtauth_keyset_parse(&g_keys, doc, len, &err);
	if (rc == JWTAUTH_OK) {
		char src[PATH_CAP + 16];
		snprintf(src, sizeof src, "key file '%s'", path);
		report_skipped(&g_keys, src);
		free(doc);
		return 0;
	}
	m.len = 0; m.s[0] = 0;
	mb_fmt(&m, "key file '%s': ", path);
	mb_error(&m, rc, &err);
	if (err.offset) mb_fmt(&m, " at byte %lu", (unsigned long)err.offset);
	/* say why each entry was refused (the entries are kept for that) */
	if (rc == JWTAUTH_ERR_KEYSET_EMPTY && g_keys.count <= JWTAUTH_MAX_KEYS) {
		for (i = 0; i < g_keys.count; i++) {
			const jwtauth_key *k = &g_keys.keys[i];
			mb_fmt(&m, "; key %lu", (unsigned long)i);
			if (k->has_kid && k->kid_len <= JWTAUTH_MAX_KID_LEN) {
				mb_cstr(&m, " kid ");
				mb_add(&m, k->kid, k->kid_len);
			}
			mb_cstr(&m, ": ");
			mb_cstr(&m, jwtauth_error_name(k->status));
		}
	}
	free(doc);
	jwtauth_keyset_wipe(&g_keys);
	return fail_usage(jwtauth_error_name(rc), "%s", m.s);
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* Token input state: where the token is, or why it could not be read. */
typedef struct token_in {
	const char *p;
	size_t len;
	int too_long;   /* more than TOKEN_CAP bytes: TOKEN_SIZE */
} token_in;

/* Resolve TOKEN: the argument itself, '-' (stdin) or '@FILE'.
   Returns 0 or an exit code after printing the error. */
static int load_token(const char *arg, token_in *t)
{
	t->p = NULL; t->len = 0; t->too_long = 0;
	if (arg[0] == '@') {
		/* a token file: its role and the cause in errors; longer than
		   TOKEN_CAP is a TOKEN_SIZE rejection, not a file error */
		jwtauth_error err;
		int rc = jwtauth_file_read(arg + 1, "token file", g_token, TOKEN_CAP, &t->len, &err);
		if (rc == JWTAUTH_ERR_TOO_LARGE) {
			t->too_long = 1;
			t->len = 0;
		} else if (rc != JWTAUTH_OK) {
			return fail_file(rc, &err);
		}
		g_token[t->len] = 0;
		t->p = g_token;
	} else if (strcmp(arg, "-") == 0) {
		t->len = read_capped(stdin, g_token, TOKEN_CAP, &t->too_long);
		if (ferror(stdin))
			return fail_usage("IO", "standard input: %s", strerror(errno));
		g_token[t->len] = 0;
		t->p = g_token;
	} else {
		t->p = arg;
		t->len = strlen(arg);
	}
	while (t->len > 0 && is_space(t->p[t->len - 1])) t->len--;
	return 0;
}

/* ------------------------------------------------------ flag parsing */

enum { CMD_VERIFY = 1, CMD_JWS = 2, CMD_INSPECT = 4, CMD_KEYS = 8 };

typedef struct options {
	const char *jwks, *conf_dir, *config, *user, *principal_field;
	const char *issuer, *audience, *algorithms, *leeway, *now;
	const char *groups_claim, *jwks_url, *cache_ttl, *cache_cooldown;
	const char *batch;      /* non-NULL when given */
	const char *quiet, *json;
	const char *token;
} options;

typedef struct flag_def {
	const char *name;
	unsigned cmds;
	int takes_value;
	size_t slot;            /* offsetof(options, member) */
} flag_def;

#define OPT(m) offsetof(options, m)
static const flag_def flag_defs[] = {
	{ "--jwks", CMD_VERIFY | CMD_JWS, 1, OPT(jwks) },
	{ "--conf-dir", CMD_VERIFY, 1, OPT(conf_dir) },
	{ "--config", CMD_VERIFY, 1, OPT(config) },
	{ "--user", CMD_VERIFY, 1, OPT(user) },
	{ "--principal-field", CMD_VERIFY, 1, OPT(principal_field) },
	{ "--issuer", CMD_VERIFY, 1, OPT(issuer) },
	{ "--audience", CMD_VERIFY, 1, OPT(audience) },
	{ "--algorithms", CMD_VERIFY | CMD_JWS, 1, OPT(algorithms) },
	{ "--leeway", CMD_VERIFY, 1, OPT(leeway) },
	{ "--now", CMD_VERIFY, 1, OPT(now) },
	{ "--groups-claim", CMD_VERIFY, 1, OPT(groups_claim) },
	{ "--jwks-url", CMD_VERIFY | CMD_KEYS, 1, OPT(jwks_url) },
	{ "--cache-ttl", CMD_VERIFY, 1, OPT(cache_ttl) },
	{ "--cache-cooldown", CMD_VERIFY, 1, OPT(cache_cooldown) },
	{ "--batch", CMD_VERIFY, 0, OPT(batch) },
	{ "--quiet", CMD_VERIFY | CMD_JWS | CMD_KEYS, 0, OPT(quiet) },
	{ "--json", CMD_KEYS, 0, OPT(json) }
};

static int is_help(const char *a)
{
	return strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0;
}

/* Parse argv[first..argc) for command `cmd`. Returns 0 or an exit code. */
static int parse_flags(int argc, char **argv, int first, unsigned cmd, options *o)
{
	int i, end_of_opts = 0;
	memset(o, 0, sizeof *o);
	for (i = first; i < argc; i++) {
		const char *a = argv[i];
		if (!end_of_opts && strcmp(a, "--") == 0) { end_of_opts = 1; continue; }
		if (!end_of_opts && a[0] == '-' && a[1] != 0) {
			const char *eq = strchr(a, '=');
			size_t name_len = eq ? (size_t)(eq - a) : strlen(a);
			const flag_def *d = NULL;
			const char *value;
			const char **slot;
			size_t k;
			for (k = 0; k < sizeof flag_defs / sizeof flag_defs[0]; k++)
				if ((flag_defs[k].cmds & cmd) && strlen(flag_defs[k].name) == name_len &&
				    memcmp(flag_defs[k].name, a, name_len) == 0)
					d = &flag_defs[k];
			if (!d)
				return fail_usage("USAGE", "unknown option '%.*s'",
					(int)(name_len > 200 ? 200 : name_len), a);
			if (d->takes_value) {
				if (eq) value = eq + 1;
				else if (i + 1 < argc) value = argv[++i];
				else return fail_usage("USAGE", "option %s needs a value", d->name);
			} else {
				if (eq) return fail_usage("USAGE", "option %s takes no value", d->name);
				value = "";
			}
			slot = (const char **)(void *)((char *)o + d->slot);
			if (*slot) return fail_usage("USAGE", "option %s given twice", d->name);
			*slot = value;
			continue;
		}
		if (o->token) return fail_usage("USAGE", "unexpected argument (only one TOKEN)");
		o->token = a;
	}
	if (o->quiet) g_quiet = 1;
	return 0;
}

/* Non-negative decimal integer, at most `max`. */
static int parse_uint(const char *s, int64_t max, int64_t *out)
{
	int64_t v = 0;
	if (!s || !*s) return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9') return -1;
		if (v > (max - (*s - '0')) / 10) return -1;
		v = v * 10 + (*s - '0');
	}
	*out = v;
	return 0;
}

static int starts_with_ci(const char *s, size_t n, const char *prefix)
{
	size_t i, pl = strlen(prefix);
	if (n < pl) return 0;
	for (i = 0; i < pl; i++) {
		char c = s[i];
		if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
		if (c != prefix[i]) return 0;
	}
	return 1;
}

/* Join dir and a relative name into out. Returns 0, or -1 when too long. */
static int join_path(char *out, size_t cap, const char *dir, const char *name, size_t name_len)
{
	size_t dl = strlen(dir);
	int slash = dl > 0 && dir[dl - 1] != '/';
	if (dl + (size_t)slash + name_len + 1 > cap) return -1;
	memcpy(out, dir, dl);
	if (slash) out[dl++] = '/';
	memcpy(out + dl, name, name_len);
	out[dl + name_len] = 0;
	return 0;
}

/* -------------------------------------------------------- verify */

static void print_accept(const jwtauth_login *L, int with_groups)
{
	size_t i;
	fputs("{\"ok\":true,\"principal\":", stdout);
	json_str(L->principal, L->principal_len);
	fputs(",\"alg\":", stdout);
	json_cstr(jwtauth_alg_name(L->jwt.alg));
	fputs(",\"kid\":", stdout);
	if (L->jwt.has_kid) json_str(L->jwt.kid, L->jwt.kid_len);
	else fputs("null", stdout);
	fputs(",\"claims\":", stdout);
	json_compact(L->jwt.payload, L->jwt.payload_len);
	if (with_groups) {
		fputs(",\"groups\":[", stdout);
		for (i = 0; i < L->n_groups && i < JWTAUTH_MAX_GROUPS; i++) {
			if (i) putchar(',');
			json_str(L->groups[i].p, L->groups[i].len);
		}
		putchar(']');
	}
	fputs("}\n", stdout);
}

/* "<jwks_url>: <error>[ (HTTP status N | libcurl's message)]" for a key
   source failure; `fetched` says whether a fetch ran for this message. */
static void source_error(msgbuf *m, int code, const jwtauth_error *err, int fetched)
{
	mb_add(m, g_cfg.jwks_url.p, g_cfg.jwks_url.len);
	mb_cstr(m, ": ");
	mb_error(m, code, err);
#ifdef JWTAUTH_CLI_CURL
	if (fetched && g_fetch.status) mb_fmt(m, " (HTTP status %ld)", g_fetch.status);
	else if (fetched && g_fetch.error[0]) mb_fmt(m, " (%s)", g_fetch.error);
#else
	(void)fetched;
#endif
}

/* One token through the whole login flow; prints the result. */
static int verify_one(const token_in *t, const options *o)
{
	jwtauth_error err;
	int64_t now = g_now0 + (int64_t)(time(NULL) - g_start);
	int rc;
	memset(&err, 0, sizeof err);
	if (t->too_long || t->len > JWTAUTH_MAX_TOKEN_LEN) {
		err.code = JWTAUTH_ERR_TOKEN_SIZE;
		err.msg = "token longer than JWTAUTH_MAX_TOKEN_LEN";
		return print_reject(JWTAUTH_ERR_TOKEN_SIZE, &err);
	}
	if (g_cache) {
		jwtauth_cache_stats before, after;
		jwtauth_cache_get_stats(g_cache, &before);
#ifdef JWTAUTH_CLI_CURL
		g_fetch.status = 0;
		g_fetch.error[0] = 0;
#endif
		rc = jwtauth_authenticate_cached(g_cache, &g_cfg, NULL, o->user,
			o->user ? strlen(o->user) : 0, (const uint8_t *)t->p, t->len,
			JWTAUTH_RESPONSE_BARE, now, &g_login, &err);
		jwtauth_cache_get_stats(g_cache, &after);
		/* one thread: a stale set always means a failed refresh */
		if (g_login.keys_stale)
			fprintf(stderr, "jwtauth verify: warning: %s: refreshing the key set failed; "
				"serving the previous set past its TTL\n", g_cfg.jwks_url.p);
		/* no set could be had from the key source (a load failed, or it
		   is still backing off after one): say which and why */
		if (rc != JWTAUTH_OK && g_login.keys_unavailable) {
			msgbuf m;
			m.len = 0; m.s[0] = 0;
			source_error(&m, rc, &err, after.fetches > before.fetches);
			print_error_obj(jwtauth_error_name(rc), m.s, m.len);
			return is_setup_error(rc) ? EXIT_USAGE : EXIT_REJECTED;
		}
	} else {
		rc = jwtauth_authenticate(&g_cfg, &g_keys, NULL, o->user,
			o->user ? strlen(o->user) : 0, (const uint8_t *)t->p, t->len,
			JWTAUTH_RESPONSE_BARE, now, &g_login, &err);
	}
	if (rc != JWTAUTH_OK) return print_reject(rc, &err);
	print_accept(&g_login, o->groups_claim != NULL);
	return EXIT_ACCEPTED;
}

/* --batch: one token per line on stdin, one result per line. */
static int verify_batch(const options *o)
{
	int c = 0;
	while (c != EOF) {
		token_in t;
		size_t n = 0;
		int over = 0;
		c = getchar();
		if (c == EOF) break;
		while (c != EOF && c != '\n') {
			if (n < TOKEN_CAP) g_token[n++] = (char)c;
			else over = 1;
			c = getchar();
		}
		while (n > 0 && is_space(g_token[n - 1])) n--;
		g_token[n] = 0;
		t.p = g_token; t.len = n; t.too_long = over;
		verify_one(&t, o);
		fflush(stdout);
	}
	if (ferror(stdin))
		return fail_usage("IO", "error reading standard input");
	return EXIT_ACCEPTED;
}

static int set_str(jwtauth_str *field, const char *v, const char *flag)
{
	jwtauth_error err;
	int rc = jwtauth_config_set(&g_cfg, field, v, strlen(v), &err);
	if (rc != JWTAUTH_OK) return fail_lib_usage(rc, &err, flag);
	return 0;
}

static int set_list(jwtauth_str *items, size_t *n, const char *v, const char *flag)
{
	jwtauth_error err;
	int rc = jwtauth_config_set_list(&g_cfg, items, n, v, strlen(v), &err);
	if (rc != JWTAUTH_OK) return fail_lib_usage(rc, &err, flag);
	return 0;
}

/* --algorithms: a list that names nothing is CONFIG_VALUE, as for the
   other list flags (jwtauth_config_set_list), before the names are read. */
static int parse_algs(const char *v, unsigned *algs)
{
	jwtauth_error err;
	const char *p;
	int rc;
	for (p = v; *p && (*p == ',' || is_space(*p)); p++) {}
	if (!*p)
		return fail_usage("CONFIG_VALUE", "--algorithms: empty list: no algorithm named");
	rc = jwtauth_algs_parse(v, strlen(v), algs, &err);
	if (rc != JWTAUTH_OK) return fail_lib_usage(rc, &err, "--algorithms");
	return 0;
}

/* Verify the token argument, or every line of stdin with --batch. */
static int run_tokens(const options *o)
{
	int rc;
	if (o->batch) {
		rc = verify_batch(o);
	} else {
		token_in t;
		rc = load_token(o->token, &t);
		if (rc == 0) rc = verify_one(&t, o);
	}
	jwtauth_keyset_wipe(&g_keys);
	return rc;
}

/* A --config jwks_url or --jwks-url: the key set comes from a key-set
   cache, so a --batch run refreshes on a rotation (unknown kid, after the
   cooldown) or when the TTL passes. http(s) is fetched with libcurl; any
   other value is a file under --conf-dir, confined by the library
   (jwtauth_source_resolve: CONFIG_PATH). A single token needs the first
   load to work (else exit 2); in --batch a failing source is reported on
   each affected line and retried after the cooldown. */
static int run_cached_source(const options *o, int64_t ttl, int64_t cooldown)
{
	jwtauth_cache_options co;
	const char *dir = o->conf_dir ? o->conf_dir : ".";
	const char *u = g_cfg.jwks_url.p;
	size_t ul = g_cfg.jwks_url.len;
	int is_url = starts_with_ci(u, ul, "http://") || starts_with_ci(u, ul, "https://");
	int rc = 0;
	memset(&co, 0, sizeof co);
	co.ttl = ttl;
	co.cooldown = cooldown;
	if (is_url) {
#ifndef JWTAUTH_CLI_CURL
		return fail_usage("USAGE", "URL key sources need a build with libcurl "
			"(apt-get install libcurl4-openssl-dev, then make); use --jwks FILE");
#else
		co.fetch = fetch_curl;
		co.fetch_user = &g_fetch;
		g_fetch.diagnostics = 1;   /* single-threaded: status and message for errors */
		if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
			return fail_usage("IO", "libcurl initialisation failed");
#endif
	} else {
		if (strlen(dir) > JWTAUTH_MAX_SOURCE_LEN)
			return fail_usage("USAGE", "--conf-dir: longer than %d bytes", JWTAUTH_MAX_SOURCE_LEN);
		co.conf_dir = dir;
	}
	{
		jwtauth_error err;
		g_cache = jwtauth_cache_new(&co, &err);
		if (!g_cache) rc = fail_lib_usage(err.code, &err, "key-set cache");
	}
	if (g_cache && !o->batch) {
		jwtauth_keys_ref ref;
		jwtauth_error err;
		memset(&err, 0, sizeof err);
#ifdef JWTAUTH_CLI_CURL
		g_fetch.status = 0;
		g_fetch.error[0] = 0;
#endif
		rc = jwtauth_cache_acquire(g_cache, u, ul, NULL, 0, g_now0, &ref, &err);
		if (rc == JWTAUTH_OK) {
			char src[JWTAUTH_MAX_SOURCE_LEN + 16];
			snprintf(src, sizeof src, "'%.*s'", (int)ul, u);
			report_skipped(ref.keys, src);
			jwtauth_cache_release(g_cache, &ref);
		} else if (rc == JWTAUTH_ERR_CONFIG_PATH) {
			rc = fail_usage(jwtauth_error_name(rc), "'%.*s': %s",
				(int)(ul > 300 ? 300 : ul), u, err.msg);
		} else if (!is_url) {
			/* the file exists under the conf dir but does not load: let
			   the direct loader say why (errno, each refused key) */
			char path[PATH_CAP];
			int dummy;
			int code = rc;
			if (jwtauth_source_resolve(dir, u, ul, path, sizeof path, &dummy, NULL) == JWTAUTH_OK
			    && (rc = load_keys(path)) != 0) {
				/* printed */
			} else {
				msgbuf m;
				jwtauth_keyset_wipe(&g_keys);
				m.len = 0; m.s[0] = 0;
				source_error(&m, code, &err, 0);
				rc = fail_usage(jwtauth_error_name(code), "%s", m.s);
			}
		} else {
			msgbuf m;
			m.len = 0; m.s[0] = 0;
			source_error(&m, rc, &err, 1);
			rc = fail_usage(jwtauth_error_name(rc), "%s", m.s);
		}
	}
	if (rc == 0) rc = run_tokens(o);
	jwtauth_cache_free(g_cache);
	g_cache = NULL;
#ifdef JWTAUTH_CLI_CURL
	if (is_url) curl_global_cleanup();
#endif
	return rc;
}

static int cmd_verify(int argc, char **argv)
{
	options o;
	jwtauth_error err;
	char path[PATH_CAP];
	int64_t now, leeway, ttl = 0, cooldown = 0;
	int rc;

	rc = parse_flags(argc, argv, 2, CMD_VERIFY, &o);
	if (rc) return rc;
	if (o.batch && o.token)
		return fail_usage("USAGE", "--batch reads tokens from standard input; no TOKEN argument");
	if (!o.batch && !o.token) return fail_usage("USAGE", "missing TOKEN");

	/* configuration: --config first, explicit flags override it */
	memset(&err, 0, sizeof err);
	jwtauth_config_init(&g_cfg);
	if (o.config) {
		rc = jwtauth_config_parse(&g_cfg, o.config, strlen(o.config), &err);
		if (rc != JWTAUTH_OK) return fail_lib_usage(rc, &err, "--config");
	}
	if (o.principal_field) {
		if (!o.principal_field[0]) return fail_usage("USAGE", "--principal-field must not be empty");
		if ((rc = set_str(&g_cfg.principal_field, o.principal_field, "--principal-field"))) return rc;
	}
	if (o.issuer &&
	    (rc = set_list(g_cfg.claims.issuers, &g_cfg.claims.n_issuers, o.issuer, "--issuer")))
		return rc;
	if (o.audience &&
	    (rc = set_list(g_cfg.claims.audiences, &g_cfg.claims.n_audiences, o.audience, "--audience")))
		return rc;
	if (o.algorithms) {
		unsigned algs = 0;
		if ((rc = parse_algs(o.algorithms, &algs))) return rc;
		g_cfg.algs = algs;
	}
	if (o.leeway) {
		if (parse_uint(o.leeway, MAX_LEEWAY, &leeway))
			return fail_usage("USAGE", "--leeway must be a non-negative integer of seconds (at most %ld)",
				(long)MAX_LEEWAY);
		g_cfg.claims.leeway = leeway;
	}
	if (o.groups_claim) {
		if (!o.groups_claim[0]) return fail_usage("USAGE", "--groups-claim must not be empty");
		if ((rc = set_str(&g_cfg.groups_claim, o.groups_claim, "--groups-claim"))) return rc;
	}
	if (o.now) {
		if (parse_uint(o.now, MAX_NOW, &now))
			return fail_usage("USAGE", "--now must be a non-negative integer (Unix seconds)");
	} else {
		now = (int64_t)time(NULL);
	}
	g_now0 = now;
	g_start = time(NULL);
	if (o.cache_ttl && (parse_uint(o.cache_ttl, MAX_LEEWAY, &ttl) || ttl == 0))
		return fail_usage("USAGE", "--cache-ttl must be a positive integer of seconds");
	if (o.cache_cooldown && (parse_uint(o.cache_cooldown, MAX_LEEWAY, &cooldown) || cooldown == 0))
		return fail_usage("USAGE", "--cache-cooldown must be a positive integer of seconds");
	if (o.jwks_url) {
		size_t ul = strlen(o.jwks_url);
		if (!starts_with_ci(o.jwks_url, ul, "http://") && !starts_with_ci(o.jwks_url, ul, "https://"))
			return fail_usage("USAGE", "--jwks-url must be an http:// or https:// URL");
		if (o.jwks) return fail_usage("USAGE", "give --jwks or --jwks-url, not both");
		if ((rc = set_str(&g_cfg.jwks_url, o.jwks_url, "--jwks-url"))) return rc;
	}
	if (o.user && !o.user[0]) return fail_usage("USAGE", "--user must not be empty");
	if (o.conf_dir && !o.conf_dir[0]) return fail_usage("USAGE", "--conf-dir must not be empty");

	/* the key source */
	if (o.jwks) {
		if (!o.jwks[0]) return fail_usage("USAGE", "--jwks must not be empty");
		if (o.conf_dir && o.jwks[0] != '/') {
			if (join_path(path, sizeof path, o.conf_dir, o.jwks, strlen(o.jwks)))
				return fail_usage("USAGE", "--jwks: path too long");
		} else {
			if (strlen(o.jwks) >= sizeof path) return fail_usage("USAGE", "--jwks: path too long");
			strcpy(path, o.jwks);
		}
	} else if (g_cfg.jwks_url.len > 0) {
		return run_cached_source(&o, ttl, cooldown);
	} else {
		return fail_usage("USAGE", "no key source: give --jwks PATH, or --config with a jwks_url");
	}
	rc = load_keys(path);
	if (rc) return rc;

	return run_tokens(&o);
}

/* ---------------------------------------------------- jws-verify */

static int cmd_jws_verify(int argc, char **argv)
{
	options o;
	jwtauth_error err;
	token_in t;
	unsigned algs = JWTAUTH_ALGS_ALL;
	int rc;

	rc = parse_flags(argc, argv, 2, CMD_JWS, &o);
	if (rc) return rc;
	if (!o.token) return fail_usage("USAGE", "missing TOKEN");
	if (!o.jwks || !o.jwks[0]) return fail_usage("USAGE", "--jwks PATH is required");
	memset(&err, 0, sizeof err);
	if (o.algorithms && (rc = parse_algs(o.algorithms, &algs))) return rc;
	rc = load_keys(o.jwks);
	if (rc) return rc;
	rc = load_token(o.token, &t);
	if (rc == 0) {
		if (t.too_long || t.len > JWTAUTH_MAX_TOKEN_LEN) {
			err.code = JWTAUTH_ERR_TOKEN_SIZE;
			err.msg = "token longer than JWTAUTH_MAX_TOKEN_LEN";
			rc = print_reject(JWTAUTH_ERR_TOKEN_SIZE, &err);
		} else {
			rc = jwtauth_jws_verify_signature_only(&g_keys, t.p, t.len, algs, &g_jwt, &err);
			if (rc == JWTAUTH_OK)
				fwrite(g_jwt.payload, 1, g_jwt.payload_len, stdout);
			else
				rc = print_reject(rc, &err);
		}
	}
	jwtauth_keyset_wipe(&g_keys);
	return rc;
}

/* ------------------------------------------------------- inspect */

/* Print a decoded part as JSON when it is valid JSON, else as base64url
   of its original encoding under "<name>_b64". */
static void print_part(const char *name, const char *p, size_t n,
	const char *b64, size_t b64_len)
{
	size_t ntoks = 0;
	jwtauth_error err;
	int rc = jwtauth_json_parse(p, n, g_toks, JWTAUTH_MAX_JSON_TOKENS, 0, &ntoks, &err);
	putchar('"');
	fputs(name, stdout);
	if (rc == JWTAUTH_OK) {
		fputs("\":", stdout);
		json_compact(p, n);
	} else {
		fputs("_b64\":", stdout);
		json_str(b64, b64_len);
	}
}

static int cmd_inspect(int argc, char **argv)
{
	options o;
	jwtauth_error err;
	token_in t;
	const char *dot1, *dot2;
	int rc;

	rc = parse_flags(argc, argv, 2, CMD_INSPECT, &o);
	if (rc) return rc;
	if (!o.token) return fail_usage("USAGE", "missing TOKEN");
	rc = load_token(o.token, &t);
	if (rc) return rc;
	memset(&err, 0, sizeof err);
	if (t.too_long || t.len > JWTAUTH_MAX_TOKEN_LEN) {
		err.code = JWTAUTH_ERR_TOKEN_SIZE;
		err.msg = "token longer than JWTAUTH_MAX_TOKEN_LEN";
		return print_reject(JWTAUTH_ERR_TOKEN_SIZE, &err);
	}
	rc = jwtauth_jws_decode_unverified(t.p, t.len, &g_jwt, &err);
	if (rc != JWTAUTH_OK) return print_reject(rc, &err);
	/* the encoded parts, for the non-JSON fallback */
	dot1 = (const char *)memchr(t.p, '.', t.len);
	dot2 = dot1 ? (const char *)memchr(dot1 + 1, '.', t.len - (size_t)(dot1 + 1 - t.p)) : NULL;
	fputs("{\"verified\":false,\"warning\":\"signature NOT verified\",", stdout);
	print_part("header", g_jwt.header, g_jwt.header_len,
		t.p, dot1 ? (size_t)(dot1 - t.p) : 0);
	putchar(',');
	print_part("payload", g_jwt.payload, g_jwt.payload_len,
		dot1 ? dot1 + 1 : "", (dot1 && dot2) ? (size_t)(dot2 - dot1 - 1) : 0);
	fputs("}\n", stdout);
	return EXIT_ACCEPTED;
}

/* ---------------------------------------------------------- keys */

/* The document's own member `name` of entry object `obj` as a string
   (unescaped, NUL-terminated into out), or "" when absent or another type. */
static const char *doc_member(const char *doc, size_t ntoks, size_t obj,
	const char *name, char *out, size_t cap)
{
	long v = jwtauth_json_get(doc, g_jwks_toks, ntoks, obj, name, strlen(name));
	size_t n = 0;
	out[0] = 0;
	if (v < 0) return out;
	if (g_jwks_toks[v].type == JWTAUTH_JSON_STRING) {
		if (jwtauth_json_str_copy(doc, &g_jwks_toks[v], out, cap - 1, &n) != JWTAUTH_OK) n = 0;
		out[n] = 0;
	} else if (g_jwks_toks[v].type == JWTAUTH_JSON_ARRAY) {
		/* key_ops: the strings joined by ',' */
		size_t e, o = 0;
		for (e = (size_t)v + 1; e < g_jwks_toks[v].next; e = g_jwks_toks[e].next) {
			if (g_jwks_toks[e].type != JWTAUTH_JSON_STRING) continue;
			if (o && o + 1 < cap) out[o++] = ',';
			if (jwtauth_json_str_copy(doc, &g_jwks_toks[e], out + o, cap - 1 - o, &n) == JWTAUTH_OK)
				o += n;
		}
		out[o] = 0;
	}
	return out;
}

/* Bits of an RSA modulus given in base64url (the document's "n"), 0 when
   it does not decode. */
static unsigned long doc_rsa_bits(const char *doc, size_t ntoks, size_t obj)
{
	static uint8_t n[2048];
	char b64[2800];
	size_t len = 0, i = 0;
	unsigned long bits;
	doc_member(doc, ntoks, obj, "n", b64, sizeof b64);
	if (!b64[0] || jwtauth_b64url_decode(b64, strlen(b64), n, sizeof n, &len, NULL) != JWTAUTH_OK)
		return 0;
	while (i < len && n[i] == 0) i++;
	if (i == len) return 0;
	bits = (unsigned long)(len - i) * 8;
	for (; !(n[i] & 0x80u); n[i] = (uint8_t)(n[i] << 1)) bits--;
	return bits;
}

static const char *kty_name(int kty)
{
	return kty == JWTAUTH_KTY_RSA ? "RSA" : kty == JWTAUTH_KTY_EC ? "EC"
		: kty == JWTAUTH_KTY_OCT ? "oct" : "";
}

static const char *curve_name(int curve)
{
	return curve == BR_EC_secp256r1 ? "P-256" : curve == BR_EC_secp384r1 ? "P-384"
		: curve == BR_EC_secp521r1 ? "P-521" : "";
}

/* "field":"value" or "field":null for an empty value. */
static void json_field(const char *field, const char *v, int comma)
{
	if (comma) putchar(',');
	printf("\"%s\":", field);
	if (v && v[0]) json_cstr(v);
	else fputs("null", stdout);
}

/* Print one entry, from the library's key (status, material) and, for a
   JSON document, the entry's own members (what a skipped key said). */
static void keys_entry(const jwtauth_key *k, const char *doc, size_t ntoks, long obj, int as_json)
{
	char kty[16], crv[16], alg[32], use[32], ops[128], kid[JWTAUTH_MAX_KID_LEN + 1], tp[64];
	unsigned long bits = 0;
	uint8_t raw[32];
	size_t w = 0;
	kty[0] = crv[0] = alg[0] = use[0] = ops[0] = tp[0] = 0;
	if (obj >= 0) {
		doc_member(doc, ntoks, (size_t)obj, "kty", kty, sizeof kty);
		doc_member(doc, ntoks, (size_t)obj, "crv", crv, sizeof crv);
		doc_member(doc, ntoks, (size_t)obj, "alg", alg, sizeof alg);
		doc_member(doc, ntoks, (size_t)obj, "use", use, sizeof use);
		doc_member(doc, ntoks, (size_t)obj, "key_ops", ops, sizeof ops);
	}
	if (!kty[0]) snprintf(kty, sizeof kty, "%s", kty_name(k->kty));
	if (!alg[0] && k->alg) snprintf(alg, sizeof alg, "%s", jwtauth_alg_name((jwtauth_alg)k->alg));
	if (k->status == JWTAUTH_OK && k->kty == JWTAUTH_KTY_EC)
		snprintf(crv, sizeof crv, "%s", curve_name(k->u.ec.curve));
	if (k->status == JWTAUTH_OK && k->kty == JWTAUTH_KTY_RSA) bits = k->u.rsa.bits;
	else if (k->status == JWTAUTH_OK && k->kty == JWTAUTH_KTY_OCT)
		bits = (unsigned long)k->u.oct.key_len * 8;
	else if (obj >= 0 && strcmp(kty, "RSA") == 0) bits = doc_rsa_bits(doc, ntoks, (size_t)obj);
	if (k->status == JWTAUTH_OK && jwtauth_jwk_thumbprint(k, raw, NULL) == JWTAUTH_OK
	    && jwtauth_b64url_encode(raw, sizeof raw, tp, sizeof tp - 1, &w) == JWTAUTH_OK)
		tp[w] = 0;
	snprintf(kid, sizeof kid, "%.*s", (int)(k->has_kid ? k->kid_len : 0), k->kid);
	if (as_json) {
		printf("{\"index\":%lu", (unsigned long)k->index);
		json_field("kid", k->has_kid ? kid : NULL, 1);
		json_field("kty", kty, 1);
		json_field("crv", crv, 1);
		if (bits) printf(",\"bits\":%lu", bits); else fputs(",\"bits\":null", stdout);
		json_field("alg", alg, 1);
		json_field("use", use, 1);
		json_field("key_ops", ops, 1);
		printf(",\"usable\":%s", k->status == JWTAUTH_OK ? "true" : "false");
		if (k->status != JWTAUTH_OK) {
			json_field("error", jwtauth_error_name(k->status), 1);
			json_field("reason", jwtauth_strerror(k->status), 1);
		}
		json_field("thumbprint", tp, 1);
		putchar('}');
		return;
	}
	printf("%lu  kid=%s  kty=%s", (unsigned long)k->index, k->has_kid ? kid : "-",
		kty[0] ? kty : "-");
	if (crv[0]) printf("  crv=%s", crv);
	if (bits) printf("  bits=%lu", bits);
	printf("  alg=%s", alg[0] ? alg : "-");
	if (use[0]) printf("  use=%s", use);
	if (ops[0]) printf("  key_ops=%s", ops);
	if (k->status == JWTAUTH_OK) printf("  usable  thumbprint=%s\n", tp[0] ? tp : "-");
	else printf("  skipped: %s (%s)\n", jwtauth_strerror(k->status), jwtauth_error_name(k->status));
}

static int cmd_keys(int argc, char **argv)
{
	options o;
	jwtauth_error err;
	char *doc = NULL;
	size_t len = 0, ntoks = 0, i;
	long keys_arr = -1;
	int rc, as_json;

	rc = parse_flags(argc, argv, 2, CMD_KEYS, &o);
	if (rc) return rc;
	as_json = o.json != NULL;
	if (o.jwks_url && o.token) return fail_usage("USAGE", "give FILE or --jwks-url, not both");
	if (!o.jwks_url && !o.token) return fail_usage("USAGE", "missing FILE (or --jwks-url URL)");
	memset(&err, 0, sizeof err);
	if (o.jwks_url) {
#ifndef JWTAUTH_CLI_CURL
		return fail_usage("USAGE", "--jwks-url needs a build with libcurl "
			"(apt-get install libcurl4-openssl-dev, then make)");
#else
		int64_t max_age = -1;
		size_t ul = strlen(o.jwks_url);
		if (!starts_with_ci(o.jwks_url, ul, "http://") && !starts_with_ci(o.jwks_url, ul, "https://"))
			return fail_usage("USAGE", "--jwks-url must be an http:// or https:// URL");
		doc = (char *)malloc((size_t)JWTAUTH_MAX_JWKS_LEN + 1);
		if (!doc) return fail_usage("NOMEM", "out of memory");
		if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
			free(doc);
			return fail_usage("IO", "libcurl initialisation failed");
		}
		g_fetch.diagnostics = 1;
		rc = fetch_curl(&g_fetch, o.jwks_url, doc, (size_t)JWTAUTH_MAX_JWKS_LEN, &len, &max_age);
		curl_global_cleanup();
		if (rc != JWTAUTH_OK) {
			free(doc);
			if (g_fetch.status)
				return fail_usage(jwtauth_error_name(rc), "'%s': HTTP status %ld", o.jwks_url, g_fetch.status);
			return fail_usage(jwtauth_error_name(rc), "'%s': %s", o.jwks_url,
				g_fetch.error[0] ? g_fetch.error : jwtauth_strerror(rc));
		}
		doc[len] = 0;
#endif
	} else {
		rc = read_key_file(o.token, &doc, &len);
		if (rc) return rc;
	}
	rc = jwtauth_keyset_parse(&g_keys, doc, len, &err);
	if (rc != JWTAUTH_OK && rc != JWTAUTH_ERR_KEYSET_EMPTY) {
		msgbuf m;
		m.len = 0; m.s[0] = 0;
		mb_fmt(&m, "'%s': ", o.jwks_url ? o.jwks_url : o.token);
		mb_error(&m, rc, &err);
		if (err.offset) mb_fmt(&m, " at byte %lu", (unsigned long)err.offset);
		free(doc);
		jwtauth_keyset_wipe(&g_keys);
		return fail_usage(jwtauth_error_name(rc), "%s", m.s);
	}
	/* a JSON document: the entries' own members, for the skipped ones */
	if (jwtauth_json_parse(doc, len, g_jwks_toks, JWTAUTH_MAX_JWKS_TOKENS, 0, &ntoks, NULL) == JWTAUTH_OK
	    && g_jwks_toks[0].type == JWTAUTH_JSON_OBJECT) {
		keys_arr = jwtauth_json_get(doc, g_jwks_toks, ntoks, 0, "keys", 4);
		if (keys_arr < 0) keys_arr = -2;   /* a single JWK: the root */
	} else {
		ntoks = 0;
	}
	if (as_json)
		printf("{\"ok\":true,\"count\":%lu,\"usable\":%lu,\"keys\":[",
			(unsigned long)g_keys.count, (unsigned long)g_keys.usable);
	for (i = 0; i < g_keys.count && i < JWTAUTH_MAX_KEYS; i++) {
		long obj = -1;
		if (keys_arr == -2) {
			obj = 0;
		} else if (keys_arr >= 0 && g_jwks_toks[keys_arr].type == JWTAUTH_JSON_ARRAY) {
			size_t e = (size_t)keys_arr + 1, k = 0;
			while (e < g_jwks_toks[keys_arr].next && k < g_keys.keys[i].index) {
				e = g_jwks_toks[e].next;
				k++;
			}
			if (e < g_jwks_toks[keys_arr].next && g_jwks_toks[e].type == JWTAUTH_JSON_OBJECT)
				obj = (long)e;
		}
		if (as_json && i) putchar(',');
		keys_entry(&g_keys.keys[i], doc, ntoks, obj, as_json);
	}
	if (as_json) fputs("]}\n", stdout);
	else printf("%lu keys, %lu usable, %lu skipped\n", (unsigned long)g_keys.count,
		(unsigned long)g_keys.usable, (unsigned long)(g_keys.count - g_keys.usable));
	rc = g_keys.usable ? EXIT_ACCEPTED : EXIT_REJECTED;
	jwtauth_keyset_wipe(&g_keys);
	free(doc);
	return rc;
}

/* ---------------------------------------------------------- main */

int main(int argc, char **argv)
{
	int i, rc;
	const char *cmd = argc > 1 ? argv[1] : NULL;

	if (!cmd) {
		print_error_obj("USAGE", "missing command", 15);
		fflush(stdout);
		fputs(usage_main, stderr);
		return EXIT_USAGE;
	}
	if (is_help(cmd) || strcmp(cmd, "help") == 0) {
		fputs(cmd_usage(argc > 2 ? argv[2] : NULL), stdout);
		return 0;
	}
	if (strcmp(cmd, "--version") == 0) {
		printf("jwtauth %s\n", JWTAUTH_VERSION_STRING);
		return 0;
	}
	if (strcmp(cmd, "verify") != 0 && strcmp(cmd, "jws-verify") != 0 &&
	    strcmp(cmd, "inspect") != 0 && strcmp(cmd, "keys") != 0)
		return fail_usage("USAGE", "unknown command '%.*s' (commands: verify, jws-verify, inspect, keys)",
			200, cmd);
	g_cmd = cmd;
	/* --help anywhere before "--" wins */
	for (i = 2; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (is_help(argv[i])) {
			fputs(cmd_usage(cmd), stdout);
			return 0;
		}
	}
	if (strcmp(cmd, "verify") == 0) rc = cmd_verify(argc, argv);
	else if (strcmp(cmd, "jws-verify") == 0) rc = cmd_jws_verify(argc, argv);
	else if (strcmp(cmd, "keys") == 0) rc = cmd_keys(argc, argv);
	else rc = cmd_inspect(argc, argv);
	if (fflush(stdout) != 0 && rc == EXIT_ACCEPTED) rc = EXIT_USAGE;
	return rc;
}
