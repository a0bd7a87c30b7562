/* t_sources.c - (tests not written yet) */
static const test_case t_sources_tests[] = {
	{ NULL, NULL }
};
