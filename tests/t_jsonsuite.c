/* t_jsonsuite.c - JSONTestSuite (nst/JSONTestSuite test_parsing), read in
   place from tests/data/json. y_ must parse (except the two
   duplicate-key files, refused by policy), n_ must fail, and each i_ file
   must give the decision recorded below (README_json.md explains them). */

#include <dirent.h>

typedef struct suite_expect {
	const char *file;
	int rc; /* JWTAUTH_OK = accepted */
} suite_expect;

/* y_ files this library refuses on purpose (RFC 7515 section 5.2). */
static const suite_expect suite_y_refused[] = {
	{ "y_object_duplicated_key.json", JWTAUTH_ERR_JSON_DUPLICATE },
	{ "y_object_duplicated_key_and_value.json", JWTAUTH_ERR_JSON_DUPLICATE }
};

/* The implementation-defined files: every one of them is pinned. */
static const suite_expect suite_i_table[] = {
	/* numbers: grammar-valid; range is the caller's business (claims check it) */
	{ "i_number_double_huge_neg_exp.json", JWTAUTH_OK },
	{ "i_number_huge_exp.json", JWTAUTH_OK },
	{ "i_number_neg_int_huge_exp.json", JWTAUTH_OK },
	{ "i_number_pos_double_huge_exp.json", JWTAUTH_OK },
	{ "i_number_real_neg_overflow.json", JWTAUTH_OK },
	{ "i_number_real_pos_overflow.json", JWTAUTH_OK },
	{ "i_number_real_underflow.json", JWTAUTH_OK },
	{ "i_number_too_big_neg_int.json", JWTAUTH_OK },
	{ "i_number_too_big_pos_int.json", JWTAUTH_OK },
	{ "i_number_very_big_negative_int.json", JWTAUTH_OK },
	/* escaped lone or mispaired surrogates: not Unicode text */
	{ "i_object_key_lone_2nd_surrogate.json", JWTAUTH_ERR_JSON_ESCAPE },
	{ "i_string_1st_surrogate_but_2nd_missing.json", JWTAUTH_ERR_JSON_ESCAPE },
	{ "i_string_1st_valid_surrogate_2nd_invalid.json", JWTAUTH_ERR_JSON_ESCAPE },
	{ "i_string_incomplete_surrogate_and_escape_valid.json", JWTAUTH_ERR_JSON_ESCAPE },
	{ "i_string_incomplete_surrogate_pair.json", JWTAUTH_ERR_JSON_ESCAPE },
	{ "i_string_incomplete_surrogates_escape_valid.json", JWTAUTH_ERR_JSON_ESCAPE },
	{ "i_string_invalid_lonely_surrogate.json", JWTAUTH_ERR_JSON_ESCAPE },
	{ "i_string_invalid_surrogate.json", JWTAUTH_ERR_JSON_ESCAPE },
	{ "i_string_inverted_surrogates_U+1D11E.json", JWTAUTH_ERR_JSON_ESCAPE },
	{ "i_string_lone_second_surrogate.json", JWTAUTH_ERR_JSON_ESCAPE },
	/* invalid UTF-8 (RFC 8259 section 8.1 requires UTF-8) */
	{ "i_string_UTF-8_invalid_sequence.json", JWTAUTH_ERR_JSON_UTF8 },
	{ "i_string_UTF8_surrogate_U+D800.json", JWTAUTH_ERR_JSON_UTF8 },
	{ "i_string_invalid_utf-8.json", JWTAUTH_ERR_JSON_UTF8 },
	{ "i_string_iso_latin_1.json", JWTAUTH_ERR_JSON_UTF8 },
	{ "i_string_lone_utf8_continuation_byte.json", JWTAUTH_ERR_JSON_UTF8 },
	{ "i_string_not_in_unicode_range.json", JWTAUTH_ERR_JSON_UTF8 },
	{ "i_string_overlong_sequence_2_bytes.json", JWTAUTH_ERR_JSON_UTF8 },
	{ "i_string_overlong_sequence_6_bytes.json", JWTAUTH_ERR_JSON_UTF8 },
	{ "i_string_overlong_sequence_6_bytes_null.json", JWTAUTH_ERR_JSON_UTF8 },
	{ "i_string_truncated-utf-8.json", JWTAUTH_ERR_JSON_UTF8 },
	/* UTF-16 text and byte-order marks: not UTF-8 JSON */
	{ "i_string_UTF-16LE_with_BOM.json", JWTAUTH_ERR_JSON_SYNTAX },
	{ "i_string_utf16BE_no_BOM.json", JWTAUTH_ERR_JSON_SYNTAX },
	{ "i_string_utf16LE_no_BOM.json", JWTAUTH_ERR_JSON_SYNTAX },
	{ "i_structure_UTF-8_BOM_empty_object.json", JWTAUTH_ERR_JSON_SYNTAX },
	/* 500 levels is over JWTAUTH_MAX_JSON_DEPTH (32) */
	{ "i_structure_500_nested_arrays.json", JWTAUTH_ERR_JSON_DEPTH }
};

/* Expected result in `table`, or 1 when the file is not listed. */
static int suite_lookup(const suite_expect *table, size_t n, const char *file)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (strcmp(table[i].file, file) == 0) return table[i].rc;
	return 1;
}

static int suite_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

#define SUITE_TOKS 100000

/* Check one file; returns 0 when it behaves as expected. */
static int suite_check(const char *dir, const char *file, jwtauth_json_tok *toks,
	unsigned *ny, unsigned *nn, unsigned *ni, unsigned char *i_seen)
{
	char path[1400];
	char *text;
	size_t len = 0, ntoks = 0;
	jwtauth_error err;
	int rc, want;
	snprintf(path, sizeof path, "%s/%s", dir, file);
	text = tl_read_file(path, &len);
	if (!text) { fprintf(stderr, "jsonsuite: cannot read %s\n", path); return 1; }
	rc = jwtauth_json_parse(text, len, toks, SUITE_TOKS, 0, &ntoks, &err);
	free(text);
	if (rc != JWTAUTH_OK && (err.code != rc || !TL_HAS_MSG(err.msg) || err.offset > len)) {
		fprintf(stderr, "jsonsuite: %s: error fields inconsistent (code %d, offset %u)\n",
			file, err.code, (unsigned)err.offset);
		return 1;
	}
	if (file[0] == 'y') {
		(*ny)++;
		want = suite_lookup(suite_y_refused, sizeof suite_y_refused / sizeof suite_y_refused[0], file);
		if (want == 1) want = JWTAUTH_OK;
		if (rc == want && (rc != JWTAUTH_OK || ntoks >= 1)) return 0;
		fprintf(stderr, "jsonsuite: %s: got %s (%s at %u), expected %s\n", file,
			jwtauth_error_name(rc), err.msg, (unsigned)err.offset, jwtauth_error_name(want));
		return 1;
	}
	if (file[0] == 'n') {
		(*nn)++;
		if (rc != JWTAUTH_OK) return 0;
		fprintf(stderr, "jsonsuite: %s: accepted, must be rejected\n", file);
		return 1;
	}
	(*ni)++;
	{
		size_t k, nt = sizeof suite_i_table / sizeof suite_i_table[0];
		for (k = 0; k < nt; k++)
			if (strcmp(suite_i_table[k].file, file) == 0) break;
		if (k == nt) {
			fprintf(stderr, "jsonsuite: %s: no decision recorded for this i_ file (got %s)\n",
				file, jwtauth_error_name(rc));
			return 1;
		}
		i_seen[k] = 1;
		want = suite_i_table[k].rc;
	}
	if (rc == want) return 0;
	fprintf(stderr, "jsonsuite: %s: got %s (%s at %u), decision table says %s\n", file,
		jwtauth_error_name(rc), err.msg, (unsigned)err.offset, jwtauth_error_name(want));
	return 1;
}

static void suite_parsing(void)
{
	const char *data = tl_data_dir();
	char dir[1100];
	DIR *d;
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0, k;
	jwtauth_json_tok *toks;
	unsigned ny = 0, nn = 0, ni = 0, bad = 0, missing = 0;
	unsigned char i_seen[sizeof suite_i_table / sizeof suite_i_table[0]];

	snprintf(dir, sizeof dir, "%s/json", data);
	d = opendir(dir);
	CHECKF(d != NULL, "missing test data folder %s", dir);
	while ((e = readdir(d)) != NULL) {
		size_t l = strlen(e->d_name);
		if ((e->d_name[0] != 'y' && e->d_name[0] != 'n' && e->d_name[0] != 'i')
		    || e->d_name[1] != '_' || l < 6 || strcmp(e->d_name + l - 5, ".json") != 0)
			continue;
		if (n == cap) {
			char **nn2;
			cap = cap ? cap * 2 : 512;
			nn2 = (char **)realloc(names, cap * sizeof *names);
			if (!nn2) break;
			names = nn2;
		}
		names[n] = (char *)malloc(l + 1);
		if (!names[n]) break;
		memcpy(names[n], e->d_name, l + 1);
		n++;
	}
	closedir(d);
	/* a stable order makes failure reports reproducible */
	if (n) qsort(names, n, sizeof *names, suite_cmp);
	toks = (jwtauth_json_tok *)malloc(SUITE_TOKS * sizeof *toks);
	memset(i_seen, 0, sizeof i_seen);
	for (k = 0; k < n; k++) {
		if (toks && suite_check(dir, names[k], toks, &ny, &nn, &ni, i_seen)) bad++;
		free(names[k]);
	}
	free(names);
	free(toks);
	for (k = 0; k < sizeof i_seen; k++)
		if (!i_seen[k]) {
			fprintf(stderr, "jsonsuite: %s listed but absent\n", suite_i_table[k].file);
			missing++;
		}
	printf("  jsonsuite: %u y, %u n, %u i checked\n", ny, nn, ni);
	CHECK(toks != NULL || n == 0);
	CHECKF(n > 0, "no y_/n_/i_ files in %s", dir);
	CHECKF(bad == 0, "%u JSONTestSuite files misbehaved (listed above)", bad);
	CHECKF(missing == 0, "%u i_ decisions name absent files", missing);
}

/* The duplicate-key y_ files fail only for the duplicate: their offsets
   point at the second name. */
static void suite_duplicate_offsets(void)
{
	const char *data = tl_data_dir();
	char path[1100];
	char *text;
	size_t len = 0, ntoks;
	jwtauth_json_tok toks[16];
	jwtauth_error err;
	int rc, ok;
	snprintf(path, sizeof path, "%s/json/y_object_duplicated_key.json", data);
	text = tl_read_file(path, &len);
	CHECKF(text != NULL, "missing test data file %s", path);
	rc = jwtauth_json_parse(text, len, toks, 16, 0, &ntoks, &err);
	ok = rc == JWTAUTH_ERR_JSON_DUPLICATE && err.offset > 1 && err.offset < len
		&& text[err.offset] == '"';
	free(text);
	CHECKF(ok, "rc %d offset %u", rc, (unsigned)err.offset);
}

static const test_case t_jsonsuite_tests[] = {
	{ "suite_parsing", suite_parsing },
	{ "suite_duplicate_offsets", suite_duplicate_offsets },
	{ NULL, NULL }
};
