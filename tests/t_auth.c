/* t_auth.c - (tests not written yet) */
static const test_case t_auth_tests[] = {
	{ NULL, NULL }
};
