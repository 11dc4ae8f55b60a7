/*
 * inami_billing_csv_read_range(): the parts of a file cut at line starts,
 * each read by a reader of its own, add up to the whole file's totals; the
 * header is read first for a part that does not start the file; bad ranges,
 * bad lines and files that are not regular files are refused clearly.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <inami/inami.h>

#include "test_util.h"

/* Blank lines before the header, corrections, a provider seen only late, CRLF line ends. */
static const char csv[] =
	"\n"
	"provider,code,quantity,date\r\n"
	"p1,560011,2,2022-01-10\r\n"
	"p2,560416,1,2022-02-11\r\n"
	"p1,560011,-1,2022-03-12\r\n"
	"p3,560033,4,2022-04-13\r\n"
	"p2,560011,3,2022-05-14\r\n"
	"p4,560416,1,2022-06-15\r\n";

static char path[64];

static void setup(void)
{
	snprintf(path, sizeof(path), "/tmp/inami-range-%ld.csv", (long)getpid());
	FILE *f = fopen(path, "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(csv, 1, sizeof(csv) - 1, f), sizeof(csv) - 1);
	fclose(f);
}

static void teardown(void)
{
	unlink(path);
}

static inami_billing_csv *reader(void)
{
	const inami_nomenclature *nom;
	inami_billing_csv *r;
	ck_assert_int_eq(inami_nomenclature_default(&nom), INAMI_OK);
	ck_assert_int_eq(inami_billing_csv_new(&r, nom, 0, path), INAMI_OK);
	return r;
}

/* Add the M totals and prestations of reader r into sums indexed by the provider's digit. */
static void add(inami_billing_csv *r, int64_t m[5], int64_t prest[5])
{
	inami_billing *b = inami_billing_csv_totals(r);
	size_t n = inami_billing_provider_count(b);
	int64_t kv[3 * 8], pr[8];
	uint32_t flags[8];
	int32_t status[8];
	ck_assert_uint_le(n, 8);
	ck_assert_int_eq(inami_billing_signed_results(b, kv, pr, flags, status, n), INAMI_OK);
	for (size_t i = 0; i < n; i++) {
		int p = inami_billing_csv_provider_id(r, (uint32_t)i)[1] - '0';
		m[p] += kv[i * 3 + INAMI_KEY_M];
		prest[p] += pr[i];
	}
}

/* Offset just after the n-th newline of the file. */
static uint64_t after_line(int n)
{
	const char *p = csv;
	for (int i = 0; i < n; i++)
		p = strchr(p, '\n') + 1;
	return (uint64_t)(p - csv);
}

START_TEST(parts_add_up_to_the_whole)
{
	int64_t whole_m[5] = { 0 }, whole_p[5] = { 0 };
	inami_billing_csv *r = reader();
	ck_assert_int_eq(inami_billing_csv_read_file(r, path, NULL), INAMI_OK);
	add(r, whole_m, whole_p);
	inami_billing_csv_free(r);
	/* Every cut in two or three parts, at every line start after the header. */
	for (int a = 2; a <= 8; a++) {
		for (int b = a; b <= 8; b++) {
			uint64_t cuts[4] = { 0, after_line(a), after_line(b), UINT64_MAX };
			int64_t m[5] = { 0 }, p[5] = { 0 };
			int64_t lines = 0;
			for (int k = 0; k < 3; k++) {
				r = reader();
				ck_assert_int_eq(inami_billing_csv_read_range(r, path, cuts[k], cuts[k + 1], NULL), INAMI_OK);
				add(r, m, p);
				lines += inami_billing_csv_line_count(r);
				inami_billing_csv_free(r);
			}
			ck_assert_int_eq(lines, 6);
			for (int i = 1; i <= 4; i++) {
				ck_assert_int_eq(m[i], whole_m[i]);
				ck_assert_int_eq(p[i], whole_p[i]);
			}
		}
	}
	ck_assert_int_eq(whole_p[1], 1);    /* 2 then a correction of -1 */
}
END_TEST

START_TEST(a_bad_line_is_numbered_from_the_header)
{
	FILE *f = fopen(path, "ab");
	fputs("p5,56x011,1,2022-07-16\n", f);
	fclose(f);
	inami_billing_csv *r = reader();
	/* The range holds the file's lines 7..9; its bad line is its third: line 5 after the header's line 2. */
	ck_assert_int_eq(inami_billing_csv_read_range(r, path, after_line(6), UINT64_MAX, NULL), INAMI_EPARSE);
	char want[96];
	snprintf(want, sizeof(want), "%s:5:", path);
	ck_assert_msg(strstr(inami_error_last(), want) != NULL, "%s", inami_error_last());
	inami_billing_csv_free(r);
}
END_TEST

START_TEST(bad_ranges_are_refused)
{
	inami_billing_csv *r = reader();
	inami_csv_read_options ro = INAMI_CSV_READ_OPTIONS_INIT;
	uint64_t mid = after_line(3) + 2;   /* inside a line */
	ck_assert_int_eq(inami_billing_csv_read_range(r, path, mid, UINT64_MAX, NULL), INAMI_EINVAL);
	ck_assert_ptr_nonnull(strstr(inami_error_last(), "not a line start"));
	ck_assert_int_eq(inami_billing_csv_read_range(r, path, 0, mid, NULL), INAMI_EINVAL);
	ck_assert_int_eq(inami_billing_csv_read_range(r, path, after_line(4), after_line(3), NULL), INAMI_EINVAL);
	ck_assert_int_eq(inami_billing_csv_read_range(r, path, sizeof(csv) + 10, UINT64_MAX, NULL), INAMI_EINVAL);
	ck_assert_int_eq(inami_billing_csv_read_range(r, "/nonexistent/x.csv", 0, 10, NULL), INAMI_EIO);
	ck_assert_int_eq(inami_billing_csv_read_range(r, "/tmp", 0, 10, NULL), INAMI_EINVAL);
	ck_assert_int_eq(inami_billing_csv_read_range(NULL, path, 0, 10, NULL), INAMI_ENULL);
	ck_assert_int_eq(inami_billing_csv_read_range(r, NULL, 0, 10, NULL), INAMI_ENULL);
	ro.threads = 3;
	ck_assert_int_eq(inami_billing_csv_read_range(r, path, 0, UINT64_MAX, &ro), INAMI_EINVAL);
	ro.threads = 1;
	ro.version = 99;
	ck_assert_int_eq(inami_billing_csv_read_range(r, path, 0, UINT64_MAX, &ro), INAMI_EVERSION);
	/* Nothing was read by the refused calls: a whole read still works. */
	ck_assert_int_eq(inami_billing_csv_read_range(r, path, 0, UINT64_MAX, NULL), INAMI_OK);
	ck_assert_int_eq(inami_billing_csv_line_count(r), 6);
	inami_billing_csv_free(r);
}
END_TEST

START_TEST(a_file_without_header_line_before_the_range)
{
	FILE *f = fopen(path, "wb");
	fputs("provider,code,quantity,date", f);    /* no newline: the header never ends */
	fclose(f);
	inami_billing_csv *r = reader();
	ck_assert_int_eq(inami_billing_csv_read_range(r, path, 0, UINT64_MAX, NULL), INAMI_OK);
	inami_billing_csv_free(r);
	f = fopen(path, "wb");
	fputs("\n\nprovider,code\n", f);
	fclose(f);
	r = reader();
	/* Byte 1 follows a newline: a line start, but the header is not complete before it. */
	ck_assert_int_eq(inami_billing_csv_read_range(r, path, 1, UINT64_MAX, NULL), INAMI_EPARSE);
	inami_billing_csv_free(r);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("billing_range");
	TCase *tc = tcase_create("ranges");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, parts_add_up_to_the_whole);
	tcase_add_test(tc, a_bad_line_is_numbered_from_the_header);
	tcase_add_test(tc, bad_ranges_are_refused);
	tcase_add_test(tc, a_file_without_header_line_before_the_range);
	suite_add_tcase(s, tc);
	return test_run(s);
}
