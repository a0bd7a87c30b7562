/* t_mysql.c - (tests not written yet) */
static const test_case t_mysql_tests[] = {
	{ NULL, NULL }
};
