/*
 * Internal helpers reached only through embedded data (so their error paths
 * cannot be reached from the public API with the shipped data): the small
 * sourced-table CSV parser of allocation/projection/calendar, basis-point
 * rounding, and the string pool / text buffer. Linked with the static
 * library, whose hidden symbols a static link resolves.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include <inami/inami.h>

#include "test_util.h"

#include "csv_table.h"
#include "money.h"
#include "pool.h"

static int parse(const char *text, csv_table *t)
{
	return inami__csv_table_parse(text, strlen(text), "t.csv", t);
}

START_TEST(csv_plain_quoted_crlf_trailing_comma)
{
	csv_table t;
	/* CRLF, a blank line, "" escapes, a quoted newline, a trailing comma (empty last field) */
	const char *text = "id,name,note\r\n\r\n1,\"a \"\"b\"\"\",\"two\nlines\"\n2,plain,\n";
	ck_assert_int_eq(parse(text, &t), INAMI_OK);
	ck_assert_uint_eq(t.rows, 2);
	ck_assert_uint_eq(t.cols, 3);
	ck_assert_int_eq(inami__csv_table_column(&t, "name"), 1);
	ck_assert_int_eq(inami__csv_table_column(&t, "missing"), -1);
	ck_assert_str_eq(inami__csv_table_cell(&t, 0, 1), "a \"b\"");
	ck_assert_str_eq(inami__csv_table_cell(&t, 0, 2), "two\nlines");
	ck_assert_str_eq(inami__csv_table_cell(&t, 1, 2), "");
	ck_assert_int_eq(t.lines[0], 1);   /* header */
	ck_assert_int_eq(t.lines[1], 3);   /* after the blank line */
	ck_assert_int_eq(t.lines[2], 5);   /* after the quoted newline */
	inami__csv_table_free(&t);
	ck_assert_ptr_null(t.cells);
	inami__csv_table_free(&t);   /* twice is harmless */
}
END_TEST

START_TEST(csv_errors)
{
	static const struct { const char *text, *message; } bad[] = {
		/* an unterminated quote is reported at the line its row starts on */
		{ "a,b\n\"open,1\n", "t.csv:2: malformed quoted field (in the row starting on this line)" },
		{ "a,b\n\"x\"y,1\n", "t.csv:2: malformed quoted field (in the row starting on this line)" },
		{ "a,b\nx\"y,1\n", "t.csv:2: malformed quoted field (in the row starting on this line)" },
		{ "a,b\n1,2,3\n", "t.csv:2: 3 fields where the header has 2" },
		{ "a,b\n1\n", "t.csv:2: 1 fields where the header has 2" },
		{ "", "t.csv: empty table" },
		{ "\n\r\n\n", "t.csv: empty table" },
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		csv_table t;
		int st = parse(bad[i].text, &t);
		ck_assert_msg(st == INAMI_EPARSE, "case %zu: status %d", i, st);
		ck_assert_str_eq(inami_error_last(), bad[i].message);
		ck_assert_ptr_null(t.cells);
	}
}
END_TEST

START_TEST(csv_embedded_tables)
{
	csv_table t;
	/* The legal tables are rules sections now; a name that is not embedded is refused. */
	ck_assert_int_eq(inami__csv_table_embedded("no_such_table.csv", &t), INAMI_ENORULES);
	ck_assert_ptr_nonnull(strstr(inami_error_last(), "no_such_table.csv"));
}
END_TEST

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
	tcase_add_test(tc, csv_plain_quoted_crlf_trailing_comma);
	tcase_add_test(tc, csv_errors);
	tcase_add_test(tc, csv_embedded_tables);
	tcase_add_test(tc, apply_bp_rounding_and_errors);
	tcase_add_test(tc, pool_and_textbuf_long_text);
	suite_add_tcase(s, tc);
	return test_run(s);
}
