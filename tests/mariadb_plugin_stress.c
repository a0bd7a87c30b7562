/* mariadb_plugin_stress.c - the MariaDB plugin (examples/mariadb/auth_jwt.c)
   driven outside the server, by many threads at once, for the sanitizers
   (built and run by `make mariadb-stress`, with ThreadSanitizer and with
   AddressSanitizer + UBSan).

   The server's side is stood in for: the my_print_error service (the error
   log, counted here) and the connection (a MYSQL_PLUGIN_VIO that hands
   over one auth response). Threads log in with good and bad tokens under
   two property strings while another thread rewrites the key file (the
   good token's key stays in every version) with a 1-second TTL, and others
   read the status variables and run preprocess_hash. Every verdict is
   checked; the counters must add up at the end.
   Usage: mariadb_plugin_stress [THREADS [LOGINS_PER_THREAD]] */
#include "../examples/mariadb/auth_jwt.c"

#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- the server's services ---- */
static pthread_mutex_t g_log_mu = PTHREAD_MUTEX_INITIALIZER;
static unsigned long g_log_lines, g_log_token_leaks;
static char g_token_sig[64];     /* a piece of the good token's signature */

static void mock_error(unsigned int nr, unsigned long flags, ...)
{
	(void)nr; (void)flags;
}
static void mock_printv(unsigned int nr, const char *fmt, unsigned long flags, va_list ap)
{
	char line[2048];
	(void)nr; (void)flags;
	vsnprintf(line, sizeof line, fmt, ap);
	pthread_mutex_lock(&g_log_mu);
	g_log_lines++;
	if (strstr(line, g_token_sig)) g_log_token_leaks++;
	pthread_mutex_unlock(&g_log_mu);
}
static void mock_printf(unsigned int nr, const char *fmt, unsigned long flags, ...)
{
	va_list ap;
	va_start(ap, flags);
	mock_printv(nr, fmt, flags, ap);
	va_end(ap);
}
static struct my_print_error_service_st g_mock_service = {
	mock_error, mock_printf, mock_printv
};
struct my_print_error_service_st *my_print_error_service = &g_mock_service;

/* ---- one connection ---- */
typedef struct fake_vio {
	MYSQL_PLUGIN_VIO vio;       /* first: the plugin gets &fake->vio */
	unsigned char buf[9000];
	int len;
	int reads;
} fake_vio;

static int fake_read(MYSQL_PLUGIN_VIO *vio, unsigned char **buf)
{
	fake_vio *f = (fake_vio *)vio;
	if (f->reads++) return -1;
	*buf = f->buf;
	return f->len;
}
static int fake_write(MYSQL_PLUGIN_VIO *vio, const unsigned char *p, int n)
{
	(void)vio; (void)p; (void)n;
	return 0;
}
static void fake_info(MYSQL_PLUGIN_VIO *vio, MYSQL_PLUGIN_VIO_INFO *info)
{
	(void)vio;
	info->protocol = MYSQL_VIO_SOCKET;
	info->socket = -1;
}

/* Log in as `user` with an account of `props`; the response is the token
   plus a NUL (as the mariadb client sends it). Returns CR_OK or CR_ERROR. */
static int do_login(const char *props, const char *user, const char *token)
{
	fake_vio f;
	MYSQL_SERVER_AUTH_INFO info;
	size_t n = strlen(token);
	memset(&f, 0, sizeof f);
	memset(&info, 0, sizeof info);
	f.vio.read_packet = fake_read;
	f.vio.write_packet = fake_write;
	f.vio.info = fake_info;
	if (n + 1 > sizeof f.buf) return -99;
	memcpy(f.buf, token, n + 1);
	f.len = (int)n + 1;
	info.user_name = user;
	info.user_name_length = (unsigned int)strlen(user);
	info.auth_string = props;
	info.auth_string_length = strlen(props);
	info.host_or_ip = "localhost";
	info.host_or_ip_length = 9;
	return auth_jwt_authenticate(&f.vio, &info);
}

static char *slurp(const char *path)
{
	FILE *fp = fopen(path, "rb");
	char *p;
	long n;
	if (!fp) return NULL;
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	p = (char *)malloc((size_t)n + 1);
	if (p && fread(p, 1, (size_t)n, fp) != (size_t)n) { free(p); p = NULL; }
	if (p) {
		while (n > 0 && (p[n - 1] == '\n' || p[n - 1] == ' ')) n--;
		p[n] = 0;
	}
	fclose(fp);
	return p;
}

static const char *PROPS1 =
	"{\"jwks_url\":\"jwks.json\",\"principal_field\":\"preferred_username\","
	"\"required_issuer\":\"http://localhost:38080/realms/master\","
	"\"required_audience\":\"starrocks\"}";
static const char *PROPS2 =
	"{\"jwks_url\":\"jwks.json\",\"principal_field\":\"preferred_username\"}";

static char *g_tom, *g_expired, *g_other;
static int g_logins = 300;
static pthread_mutex_t g_stop_mu = PTHREAD_MUTEX_INITIALIZER;
static int g_stop_flag;

static int stopped(void)
{
	int v;
	pthread_mutex_lock(&g_stop_mu);
	v = g_stop_flag;
	pthread_mutex_unlock(&g_stop_mu);
	return v;
}
static char g_conf[256];
static char *g_jwks_a, *g_jwks_b;

typedef struct worker {
	int id;
	unsigned long good_ok, good_refused, bad_ok, bad_refused;
} worker;

static void *login_thread(void *arg)
{
	worker *w = (worker *)arg;
	int i;
	for (i = 0; i < g_logins; i++) {
		const char *props = (i + w->id) % 3 == 0 ? PROPS2 : PROPS1;
		int r, kind = (i * 7 + w->id) % 10;
		if (kind < 6) {
			r = do_login(props, (i & 1) ? "tom" : "TOM", g_tom);
			if (r == CR_OK) w->good_ok++; else w->good_refused++;
			continue;
		}
		switch (kind) {
		case 6: r = do_login(props, "jerry", g_tom); break;
		case 7: r = do_login(props, "tom", g_expired); break;
		case 8: r = do_login(props, "tom", g_other); break;
		default: r = do_login(props, "tom", "garbage"); break;
		}
		if (r == CR_OK) w->bad_ok++; else w->bad_refused++;
	}
	return NULL;
}

static void *rotate_thread(void *arg)
{
	char path[300], tmp[300];
	int k = 0;
	(void)arg;
	snprintf(path, sizeof path, "%s/jwks.json", g_conf);
	snprintf(tmp, sizeof tmp, "%s/jwks.json.tmp", g_conf);
	while (!stopped()) {
		FILE *fp = fopen(tmp, "wb");
		struct timespec ts;
		if (fp) {
			fputs((k++ & 1) ? g_jwks_b : g_jwks_a, fp);
			fclose(fp);
			rename(tmp, path);
		}
		ts.tv_sec = 0;
		ts.tv_nsec = 30 * 1000 * 1000;
		nanosleep(&ts, NULL);
	}
	return NULL;
}

static void *reader_thread(void *arg)
{
	unsigned char out[1024];
	char buff[SHOW_VAR_FUNC_BUFF_SIZE];
	struct st_mysql_show_var var;
	unsigned long n = 0;
	(void)arg;
	while (!stopped()) {
		size_t len = sizeof out;
		auth_jwt_show(NULL, &var, buff, NULL, SHOW_OPT_GLOBAL);
		if (auth_jwt_preprocess(PROPS1, strlen(PROPS1), out, &len) != 0 || len != strlen(PROPS1))
			fprintf(stderr, "preprocess_hash refused good properties\n");
		len = sizeof out;
		if (auth_jwt_preprocess("{\"x\":1}", 7, out, &len) == 0)
			fprintf(stderr, "preprocess_hash accepted bad properties\n");
		n++;
	}
	return NULL;
}

static unsigned long long show_value(const char *name)
{
	char buff[SHOW_VAR_FUNC_BUFF_SIZE];
	struct st_mysql_show_var var, *v;
	auth_jwt_show(NULL, &var, buff, NULL, SHOW_OPT_GLOBAL);
	for (v = (struct st_mysql_show_var *)var.value; v->name; v++)
		if (strcmp(v->name, name) == 0) return *(unsigned long long *)v->value;
	return ~0ull;
}

int main(int argc, char **argv)
{
	int nthreads = argc > 1 ? atoi(argv[1]) : 8, i, fails = 0;
	pthread_t th[64], rot, rd[2];
	worker w[64];
	unsigned long good_ok = 0, good_refused = 0, bad_ok = 0, bad_refused = 0;
	char *key_b, *sig;
	unsigned long long acc, ref;

	if (argc > 2) g_logins = atoi(argv[2]);
	if (nthreads < 1 || nthreads > 64 || g_logins < 1) {
		fprintf(stderr, "usage: mariadb_plugin_stress [THREADS(1-64) [LOGINS]]\n");
		return 2;
	}
	g_tom = slurp("examples/demo/tom.jwt");
	g_expired = slurp("examples/demo/tom-expired.jwt");
	g_other = slurp("examples/demo/other-key.jwt");
	g_jwks_a = slurp("examples/demo/conf/jwks.json");
	key_b = slurp("tests/fixtures/keys/rsa2048b.pub.jwk.json");
	if (!g_tom || !g_expired || !g_other || !g_jwks_a || !key_b) {
		fprintf(stderr, "run from the repository root (fixture files missing)\n");
		return 2;
	}
	sig = strrchr(g_tom, '.');
	snprintf(g_token_sig, sizeof g_token_sig, "%.40s", sig ? sig + 1 : g_tom);
	/* version b: the demo key plus rsa2048b (a new id for the same kid set) */
	{
		const char *open = strchr(g_jwks_a, '[');
		size_t n = strlen(g_jwks_a) + strlen(key_b) + 8;
		g_jwks_b = (char *)malloc(n);
		if (!open || !g_jwks_b) return 2;
		snprintf(g_jwks_b, n, "%.*s%s,%s", (int)(open - g_jwks_a + 1), g_jwks_a, key_b, open + 1);
	}
	snprintf(g_conf, sizeof g_conf, "%s/jwtauth-stress.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(g_conf)) { perror("mkdtemp"); return 2; }
	{
		char path[300];
		FILE *fp;
		snprintf(path, sizeof path, "%s/jwks.json", g_conf);
		fp = fopen(path, "wb");
		if (!fp) return 2;
		fputs(g_jwks_a, fp);
		fclose(fp);
	}

	opt_conf_dir = g_conf;
	opt_cache_ttl = 1;
	opt_cache_cooldown = 1;
	opt_cache_max_stale = 3600;
	opt_token_cache_size = 8;
	opt_fetch_timeout = 10;
	if (auth_jwt_init(NULL) != 0) { fprintf(stderr, "init failed\n"); return 1; }

	pthread_create(&rot, NULL, rotate_thread, NULL);
	pthread_create(&rd[0], NULL, reader_thread, NULL);
	pthread_create(&rd[1], NULL, reader_thread, NULL);
	for (i = 0; i < nthreads; i++) {
		memset(&w[i], 0, sizeof w[i]);
		w[i].id = i;
		pthread_create(&th[i], NULL, login_thread, &w[i]);
	}
	for (i = 0; i < nthreads; i++) {
		pthread_join(th[i], NULL);
		good_ok += w[i].good_ok;
		good_refused += w[i].good_refused;
		bad_ok += w[i].bad_ok;
		bad_refused += w[i].bad_refused;
	}
	pthread_mutex_lock(&g_stop_mu);
	g_stop_flag = 1;
	pthread_mutex_unlock(&g_stop_mu);
	pthread_join(rot, NULL);
	pthread_join(rd[0], NULL);
	pthread_join(rd[1], NULL);

	acc = show_value("logins_accepted");
	ref = show_value("logins_refused");
	printf("%d threads x %d logins: good %lu accepted / %lu refused, bad %lu accepted / %lu refused; "
		"token-cache hits %llu, key-set loads %llu (failures %llu), %lu log lines\n",
		nthreads, g_logins, good_ok, good_refused, bad_ok, bad_refused,
		show_value("token_cache_hits"), show_value("key_set_loads"),
		show_value("key_set_load_failures"), g_log_lines);
	if (good_refused || bad_ok) { fprintf(stderr, "FAIL: wrong verdicts\n"); fails++; }
	if (acc != good_ok || ref != bad_refused) { fprintf(stderr, "FAIL: counters %llu/%llu\n", acc, ref); fails++; }
	if (show_value("token_cache_hits") == 0) { fprintf(stderr, "FAIL: no token-cache hit\n"); fails++; }
	if (show_value("accounts_parsed") != 2) { fprintf(stderr, "FAIL: accounts_parsed\n"); fails++; }
	if (g_log_token_leaks) { fprintf(stderr, "FAIL: a token in the log\n"); fails++; }
	if (g_log_lines < bad_refused) { fprintf(stderr, "FAIL: refusals not all logged\n"); fails++; }
	auth_jwt_deinit(NULL);
	{
		char path[300];
		snprintf(path, sizeof path, "%s/jwks.json", g_conf);
		unlink(path);
		snprintf(path, sizeof path, "%s/jwks.json.tmp", g_conf);
		unlink(path);
		rmdir(g_conf);
	}
	free(g_tom); free(g_expired); free(g_other); free(g_jwks_a); free(g_jwks_b); free(key_b);
	printf("mariadb-stress: %d passed, %d failed\n", 6 - fails, fails);
	return fails ? 1 : 0;
}
