/* t_sig.c - (tests not written yet) */
static const test_case t_sig_tests[] = {
	{ NULL, NULL }
};
