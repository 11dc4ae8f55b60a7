/* Helpers shared by the Check suites. */
#include <stdlib.h>
#include <string.h>

#include "test_util.h"

const inami_ruleset *test_rules(void)
{
	const inami_ruleset *rs = NULL;
	int st = inami_ruleset_default(&rs);

	ck_assert_msg(st == INAMI_OK, "default rules: %s", inami_error_last());
	return rs;
}

const inami_nomenclature *test_nomenclature(void)
{
	const inami_nomenclature *n = NULL;
	int st = inami_nomenclature_default(&n);

	ck_assert_msg(st == INAMI_OK, "default nomenclature: %s", inami_error_last());
	return n;
}

inami_eval_input test_input(const char *profession, int year)
{
	inami_eval_input in = INAMI_EVAL_INPUT_INIT;

	ck_assert_int_eq(inami_profession_from_id(profession, &in.profession), INAMI_OK);
	in.premium_year = year;
	return in;
}

int test_eval(const inami_eval_input *in, int allow_derived, inami_result **out)
{
	inami_eval_options opts = INAMI_EVAL_OPTIONS_INIT;

	if (allow_derived)
		opts.flags |= INAMI_EVAL_ALLOW_DERIVED;
	return inami_evaluate(test_rules(), in, &opts, out);
}

const inami_check *test_find_check(const inami_result *r, const char *id)
{
	for (size_t i = 0; i < inami_result_check_count(r); i++) {
		const inami_check *c = inami_result_check(r, i);
		if (strcmp(c->id, id) == 0)
			return c;
	}
	return NULL;
}

int test_run(Suite *s)
{
	SRunner *sr = srunner_create(s);

	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

void test_only_unvalued(inami_billing *b, uint32_t p, int32_t code, int64_t quantity, int32_t reason)
{
	size_t count;
	int32_t c;
	inami_unvalued_reason r;
	int64_t q;
	ck_assert_int_eq(inami_billing_unvalued_count(b, p, &count), INAMI_OK);
	ck_assert_uint_eq(count, 1);
	ck_assert_int_eq(inami_billing_unvalued(b, p, 0, &c, &q, &r), INAMI_OK);
	ck_assert_int_eq(c, code);
	ck_assert_int_eq(q, quantity);
	ck_assert_int_eq(r, reason);
}
