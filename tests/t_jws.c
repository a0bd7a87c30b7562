/* t_jws.c - (tests not written yet) */
static const test_case t_jws_tests[] = {
	{ NULL, NULL }
};
