/*
 * Internal helpers reached only through embedded data (so their error paths
 * cannot be reached from the public API with the shipped data): basis-point
 * rounding, and the string pool / text buffer. Linked with the static
 * library, whose hidden symbols a static link resolves.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include <inami/inami.h>

#include "test_util.h"

#include "money.h"
#include "pool.h"

START_TEST(apply_bp_rounding_and_errors)
{
	int64_t out = -1;
	/* 10 % of 1781.39 EUR = 178.139 -> 178.14 (docs/allocation.md worked example) */
	ck_assert_int_eq(inami__apply_bp(178139, 1000, &out), INAMI_OK);
	ck_assert_int_eq(out, 17814);
	ck_assert_int_eq(inami__apply_bp(1, 5000, &out), INAMI_OK);   /* 0.5 cent rounds half up */
	ck_assert_int_eq(out, 1);
	ck_assert_int_eq(inami__apply_bp(12345, 0, &out), INAMI_OK);
	ck_assert_int_eq(out, 0);
	ck_assert_int_eq(inami__apply_bp(-1, 100, &out), INAMI_ENEGATIVE);
	ck_assert_int_eq(inami__apply_bp(100, -1, &out), INAMI_ENEGATIVE);
	ck_assert_int_eq(inami__apply_bp(INT64_MAX / 2, 10000, &out), INAMI_EOVERFLOW);
	ck_assert_ptr_nonnull(strstr(inami_error_last(), "does not fit in 64 bits"));
}
END_TEST

START_TEST(pool_and_textbuf_long_text)
{
	char big[3000];
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';

	pool p;
	inami__pool_init(&p);
	/* longer than inami__pool_printf's and inami__textbuf_printf's stack buffers */
	char *s = inami__pool_printf(&p, "<%s>", big);
	ck_assert_ptr_nonnull(s);
	ck_assert_uint_eq(strlen(s), sizeof(big) + 1);
	ck_assert_int_eq(s[0], '<');
	ck_assert_int_eq(s[sizeof(big)], '>');
	ck_assert_str_eq(inami__pool_printf(&p, "%d-%s", 7, "short"), "7-short");
	ck_assert_str_eq(inami__pool_strndup(&p, "abcdef", 3), "abc");
	for (int i = 0; i < 200; i++)   /* many allocations: several pool blocks */
		ck_assert_ptr_nonnull(inami__pool_alloc(&p, 1000));
	char *large = inami__pool_alloc(&p, 1 << 20);   /* larger than a block */
	ck_assert_ptr_nonnull(large);
	ck_assert_int_eq(large[(1 << 20) - 1], 0);   /* zeroed */
	inami__pool_free(&p);

	textbuf b;
	inami__textbuf_init(&b);
	inami__textbuf_printf(&b, "[%s]", big);
	inami__textbuf_puts(&b, "!");
	ck_assert_int_eq(b.failed, 0);
	ck_assert_uint_eq(b.len, sizeof(big) + 2);
	ck_assert_int_eq(b.data[b.len - 1], '!');
	inami__textbuf_free(&b);
	ck_assert_ptr_null(b.data);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("coverage_internal");
	TCase *tc = tcase_create("internal");
	tcase_add_test(tc, apply_bp_rounding_and_errors);
	tcase_add_test(tc, pool_and_textbuf_long_text);
	suite_add_tcase(s, tc);
	return test_run(s);
}
