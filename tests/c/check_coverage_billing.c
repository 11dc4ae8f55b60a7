/*
 * The billing CSV reader on files large enough to be read by two threads
 * (inami_billing_csv_read_file with threads 2, files of 4 MiB and more): the
 * result with one thread and with two must be exactly the result of feeding
 * the same bytes (inami_billing_csv_feed), for clean files, for a malformed
 * line in the second half (error, or skipped with INAMI_CSV_SKIP_BAD) and for
 * provider ids first seen in the second half (indices in order of first
 * appearance). Also the options' checks.
 * Values: 560011 is M 24 and 560416 is M 16 (nomenclature.csv, AR 18 Dec 2002,
 * https://refli.be/fr/lex/2002023049; INAMI's 40 M example).
 */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <inami/inami.h>

#include "test_util.h"

#define PROVIDERS 1300

typedef struct text {
	char *data;
	size_t len, cap;
} text;

static void put(text *t, const char *s)
{
	size_t n = strlen(s);
	if (t->len + n + 1 > t->cap) {
		t->cap = (t->len + n + 1) * 2;
		t->data = realloc(t->data, t->cap);
		ck_assert_ptr_nonnull(t->data);
	}
	memcpy(t->data + t->len, s, n + 1);
	t->len += n;
}

/* Set by a test: the file ends without a newline (its last line is read by the helper thread). */
static int no_final_newline;

/* Set by a test: this line (0 = none) gets a 1.1 MB provider id: too long, and across a chunk cut. */
static long long_line;

/* About 6 MiB of lines; `bad_line` (0 = none) is replaced by a malformed one. */
static text make_csv(long bad_line)
{
	text t = { NULL, 0, 0 };
	char line[128];
	put(&t, "provider,code,quantity,date\n");
	long lines = 200000;
	for (long i = 1; i <= lines; i++) {
		/*
		 * providers 0..349 in the first half, 0..699 in the second, and there
		 * every other line one of 700..1199, first seen in file order across
		 * every chunk the threads share (indices in order of first appearance)
		 */
		long p = i < lines / 2 ? (i * 7919) % 350 : i % 2 ? (i * 104729) % 700 : 700 + (i - lines / 2) / 200;
		/*
		 * now and then a code without a value: the provider's totals get a flag and an unvalued
		 * code. Made-up codes absent from nomenclature.csv: eight in the first half, so that the
		 * caller's thread has a dense column for each (there are 8), and in the second half a
		 * ninth, which the helper's lines bring into the caller's hash at the merge.
		 */
		int unknown = i < lines / 2 ? 567101 + (int)((i / 97) % 8) : 567109;
		int code = i % 97 == 0 ? unknown : (i % 3) ? 560011 : 560416;
		int qty = (i % 50 == 0) ? -1 : 2;
		if (i == long_line) {
			put(&t, "p");
			for (int k = 0; k < 1100000 / 50; k++)
				put(&t, "01234567890123456789012345678901234567890123456789");
		}
		if (i == bad_line)
			snprintf(line, sizeof(line), "prov-%04ld,560011,two,2022-03-%02ld\n", p, i % 28 + 1);
		else
			snprintf(line, sizeof(line), "prov-%04ld,%d,%d,2022-%02ld-%02ld%s\n", p, code, qty,
				i % 12 + 1, i % 28 + 1, "");
		put(&t, line);
	}
	if (no_final_newline)
		t.data[--t.len] = '\0';
	return t;
}

typedef struct outcome {
	int status;
	char message[256];
	int64_t lines, skipped;
	char first_skipped[256];
	size_t providers;
	int64_t kv[PROVIDERS * 3], prest[PROVIDERS];
	int32_t st[PROVIDERS];
	uint32_t flags[PROVIDERS];
	size_t unvalued[PROVIDERS];
	char ids[PROVIDERS][16];
} outcome;

static void finish(inami_billing_csv *r, int status, outcome *o)
{
	o->status = status;
	snprintf(o->message, sizeof(o->message), "%s", status ? inami_error_last() : "");
	o->lines = inami_billing_csv_line_count(r);
	o->skipped = inami_billing_csv_skipped_count(r);
	snprintf(o->first_skipped, sizeof(o->first_skipped), "%s", inami_billing_csv_first_skipped(r));
	inami_billing *b = inami_billing_csv_totals(r);
	o->providers = inami_billing_provider_count(b);
	if (status == INAMI_OK) {
		ck_assert_uint_le(o->providers, PROVIDERS);
		ck_assert_int_eq(inami_billing_results(b, o->kv, o->prest, o->flags, o->st, PROVIDERS), INAMI_OK);
		for (size_t p = 0; p < o->providers; p++) {
			snprintf(o->ids[p], sizeof(o->ids[p]), "%s", inami_billing_csv_provider_id(r, p));
			ck_assert_int_eq(inami_billing_unvalued_count(b, (uint32_t)p, &o->unvalued[p]), INAMI_OK);
		}
	}
	inami_billing_csv_free(r);
}

static void by_file(const char *path, unsigned flags, unsigned threads, outcome *o)
{
	const inami_nomenclature *nom;
	inami_billing_csv *r;
	inami_csv_read_options ro;
	memset(o, 0, sizeof(*o));
	ck_assert_int_eq(inami_csv_read_options_init(&ro, INAMI_CSV_READ_OPTIONS_VERSION), INAMI_OK);
	ck_assert_uint_eq(ro.threads, 1);
	ro.threads = threads;
	ck_assert_int_eq(inami_nomenclature_default(&nom), INAMI_OK);
	ck_assert_int_eq(inami_billing_csv_new(&r, nom, flags, "big.csv"), INAMI_OK);
	finish(r, inami_billing_csv_read_file(r, path, threads ? &ro : NULL), o);
}

static void same_outcome(const outcome *a, const outcome *b)
{
	ck_assert_int_eq(a->status, b->status);
	ck_assert_str_eq(a->message, b->message);
	ck_assert_int_eq(a->lines, b->lines);
	ck_assert_int_eq(a->skipped, b->skipped);
	ck_assert_str_eq(a->first_skipped, b->first_skipped);
	ck_assert_uint_eq(a->providers, b->providers);
	for (size_t p = 0; p < a->providers; p++)
		ck_assert_str_eq(a->ids[p], b->ids[p]);
	ck_assert_int_eq(memcmp(a->kv, b->kv, sizeof(a->kv)), 0);
	ck_assert_int_eq(memcmp(a->prest, b->prest, sizeof(a->prest)), 0);
	ck_assert_int_eq(memcmp(a->st, b->st, sizeof(a->st)), 0);
	ck_assert_int_eq(memcmp(a->flags, b->flags, sizeof(a->flags)), 0);
	ck_assert_int_eq(memcmp(a->unvalued, b->unvalued, sizeof(a->unvalued)), 0);
}

static void by_feed(const text *t, unsigned flags, outcome *o)
{
	const inami_nomenclature *nom;
	inami_billing_csv *r;
	memset(o, 0, sizeof(*o));
	ck_assert_int_eq(inami_nomenclature_default(&nom), INAMI_OK);
	ck_assert_int_eq(inami_billing_csv_new(&r, nom, flags, "big.csv"), INAMI_OK);
	int st = INAMI_OK;
	for (size_t off = 0; off < t->len && st == INAMI_OK; off += 100000) {
		size_t n = t->len - off < 100000 ? t->len - off : 100000;
		st = inami_billing_csv_feed(r, t->data + off, n);
	}
	if (st == INAMI_OK)
		st = inami_billing_csv_finish(r);
	finish(r, st, o);
}

static void write_file(const text *t, char *path)
{
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, t->data, t->len), (ssize_t)t->len);
	close(fd);
}

static void compare(long bad_line, unsigned flags)
{
	static outcome a, b, c, d;
	char path[] = "/tmp/inami_cov_billing_XXXXXX";
	text t = make_csv(bad_line);
	ck_assert_uint_gt(t.len, 4u << 20);   /* large enough for the two-thread path */
	write_file(&t, path);
	by_file(path, flags, 2, &a);
	by_file(path, flags, 1, &c);
	by_file(path, flags, 0, &d);          /* NULL options: one thread */
	by_feed(&t, flags, &b);
	unlink(path);
	free(t.data);
	same_outcome(&a, &b);
	same_outcome(&c, &b);
	same_outcome(&d, &b);
	if (a.status == INAMI_OK) {
		ck_assert_uint_gt(a.providers, 1000); /* 350 + 175 odd of 350..699 + 501 new ones */
		size_t incomplete = 0;
		for (size_t p = 0; p < a.providers; p++)
			incomplete += (a.flags[p] & INAMI_TOTAL_INCOMPLETE) != 0;
		ck_assert_uint_gt(incomplete, 100); /* the unknown code reached many providers */
		int64_t m = 0;
		for (size_t p = 0; p < a.providers; p++)
			m += a.kv[p * 3 + INAMI_KEY_M];
		ck_assert_int_gt(m, 0);
	}
}

START_TEST(two_threads_same_as_one)
{
	compare(0, 0);
}
END_TEST

START_TEST(bad_line_second_half_fails_like_one_thread)
{
	compare(180000, 0);
}
END_TEST

START_TEST(bad_line_second_half_skipped_like_one_thread)
{
	compare(180000, INAMI_CSV_SKIP_BAD);
}
END_TEST

START_TEST(bad_line_first_half_fails)
{
	compare(1000, 0);
}
END_TEST

START_TEST(last_line_without_newline)
{
	no_final_newline = 1;
	compare(0, 0);
	no_final_newline = 0;
}
END_TEST

/* A line longer than 64 KiB across a chunk cut: the threads give up, one thread reports it. */
START_TEST(long_line_like_one_thread)
{
	long_line = 150000;
	compare(0, INAMI_CSV_SKIP_BAD);
	long_line = 0;
}
END_TEST

/* threads outside 1..max and unknown option versions are refused before the file is opened. */
START_TEST(bad_options)
{
	const inami_nomenclature *nom;
	inami_billing_csv *r;
	inami_csv_read_options ro = INAMI_CSV_READ_OPTIONS_INIT;
	ck_assert_int_eq(inami_nomenclature_default(&nom), INAMI_OK);
	ck_assert_int_eq(inami_billing_csv_new(&r, nom, 0, "x.csv"), INAMI_OK);
	ro.threads = 0;
	ck_assert_int_eq(inami_billing_csv_read_file(r, "/nonexistent/x.csv", &ro), INAMI_EINVAL);
	ro.threads = INAMI_CSV_READ_MAX_THREADS + 1;
	ck_assert_int_eq(inami_billing_csv_read_file(r, "/nonexistent/x.csv", &ro), INAMI_EINVAL);
	ro.threads = 1;
	ro.version = 0;
	ck_assert_int_eq(inami_billing_csv_read_file(r, "/nonexistent/x.csv", &ro), INAMI_EVERSION);
	ro.version = 99;
	ck_assert_int_eq(inami_billing_csv_read_file(r, "/nonexistent/x.csv", &ro), INAMI_EVERSION);
	ck_assert_int_eq(inami_csv_read_options_init(&ro, 0), INAMI_EVERSION);
	ck_assert_int_eq(inami_csv_read_options_init(&ro, 99), INAMI_EVERSION);
	ck_assert_int_eq(inami_csv_read_options_init(NULL, 1), INAMI_ENULL);
	/* "-" is a file name, not standard input */
	ck_assert_int_eq(inami_billing_csv_read_file(r, "-", NULL), INAMI_EIO);
	inami_billing_csv_free(r);
}
END_TEST

START_TEST(missing_file)
{
	outcome *o = malloc(sizeof(*o));
	ck_assert_ptr_nonnull(o);
	by_file("/nonexistent/inami/billing.csv", 0, 2, o);
	ck_assert_int_eq(o->status, INAMI_EIO);
	ck_assert_ptr_nonnull(strstr(o->message, "/nonexistent/inami/billing.csv"));
	free(o);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("coverage_billing");
	TCase *tc = tcase_create("two_threads");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, two_threads_same_as_one);
	tcase_add_test(tc, bad_line_second_half_fails_like_one_thread);
	tcase_add_test(tc, bad_line_second_half_skipped_like_one_thread);
	tcase_add_test(tc, bad_line_first_half_fails);
	tcase_add_test(tc, last_line_without_newline);
	tcase_add_test(tc, long_line_like_one_thread);
	tcase_add_test(tc, bad_options);
	tcase_add_test(tc, missing_file);
	suite_add_tcase(s, tc);
	return test_run(s);
}
