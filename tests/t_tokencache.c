/* t_tokencache.c - (tests not written yet) */
static const test_case t_tokencache_tests[] = {
	{ NULL, NULL }
};
