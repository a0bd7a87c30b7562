/* fuzz_main.c - replay driver for the fuzz harnesses, without libFuzzer.

   Link one fuzz_<target>.c with this file (no -fsanitize=fuzzer) and pass
   files or directories: every regular file is fed once to
   LLVMFuzzerTestOneInput. A harness that finds a violation calls abort(),
   so reaching the end means every input passed. Directories are read one
   level deep (the corpus layout), in sorted order for stable output.
   Exit status: 0 when every input ran, 1 when an input could not be read. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static unsigned long passed, failed;

static void run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	size_t cap = 0, len = 0, n;
	if (!f) {
		fprintf(stderr, "fuzz_main: cannot open %s\n", path);
		failed++;
		return;
	}
	for (;;) {
		if (len == cap) {
			uint8_t *nb;
			cap = cap ? cap * 2 : 65536;
			nb = (uint8_t *)realloc(buf, cap);
			if (!nb) {
				fprintf(stderr, "fuzz_main: out of memory on %s\n", path);
				free(buf);
				fclose(f);
				failed++;
				return;
			}
			buf = nb;
		}
		n = fread(buf + len, 1, cap - len, f);
		if (n == 0) break;
		len += n;
	}
	fclose(f);
	/* an exact-size copy, so ASan sees reads past the end of the input */
	{
		uint8_t *exact = (uint8_t *)malloc(len ? len : 1);
		if (!exact) {
			free(buf);
			failed++;
			return;
		}
		if (len) memcpy(exact, buf, len);
		free(buf);
		LLVMFuzzerTestOneInput(exact, len);
		free(exact);
	}
	passed++;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void run_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0, i;
	if (!d) {
		fprintf(stderr, "fuzz_main: cannot open directory %s\n", dir);
		failed++;
		return;
	}
	while ((e = readdir(d)) != NULL) {
		char *p;
		struct stat st;
		size_t l;
		if (e->d_name[0] == '.') continue;
		l = strlen(dir) + strlen(e->d_name) + 2;
		p = (char *)malloc(l);
		if (!p) break;
		snprintf(p, l, "%s/%s", dir, e->d_name);
		if (stat(p, &st) != 0 || !S_ISREG(st.st_mode)) {
			free(p);
			continue;
		}
		if (n == cap) {
			char **nn;
			cap = cap ? cap * 2 : 64;
			nn = (char **)realloc(names, cap * sizeof *names);
			if (!nn) { free(p); break; }
			names = nn;
		}
		names[n++] = p;
	}
	closedir(d);
	if (n) qsort(names, n, sizeof *names, cmp_str);
	for (i = 0; i < n; i++) {
		run_file(names[i]);
		free(names[i]);
	}
	free(names);
}

int main(int argc, char **argv)
{
	int i;
	const char *quiet = getenv("FUZZ_MAIN_QUIET");
	for (i = 1; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) run_dir(argv[i]);
		else run_file(argv[i]);
	}
	if (!quiet || !*quiet)
		printf("%s: %lu passed, %lu failed\n", argc > 0 ? argv[0] : "fuzz_main",
			passed, failed);
	return failed ? 1 : 0;
}
