/* t_config.c - (tests not written yet) */
static const test_case t_config_tests[] = {
	{ NULL, NULL }
};
