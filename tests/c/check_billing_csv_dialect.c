/*
 * Billing CSV dialects (inami_billing_csv_options): byte order mark,
 * semicolons, RFC 4180 quoting, CRLF, header names mapped, DD/MM/YYYY dates,
 * the date range and its counts, each refusal with its line and column, and
 * the same totals for the same lines in every dialect, however the input is
 * split. Values: 560011 = M 24, 560416 = M 16 (libinami/data/nomenclature.csv).
 */
#define _POSIX_C_SOURCE 200809L   /* mkstemp, fdopen */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <inami/inami.h>

#include "test_util.h"

/* A reader over `text` fed in pieces of `step` bytes (0 = one piece); status in *st. */
static inami_billing_csv *read_with(const char *text, size_t len, const inami_billing_csv_options *o,
	unsigned flags, size_t step, int *st)
{
	inami_billing_csv *r = NULL;
	ck_assert_int_eq(inami_billing_csv_new_with_options(&r, test_nomenclature(), flags, "t.csv", o), INAMI_OK);
	*st = INAMI_OK;
	if (step == 0)
		step = len ? len : 1;
	for (size_t i = 0; i < len && *st == INAMI_OK; i += step)
		*st = inami_billing_csv_feed(r, text + i, len - i < step ? len - i : step);
	if (*st == INAMI_OK)
		*st = inami_billing_csv_finish(r);
	return r;
}

static inami_billing_csv *read_ok(const char *text, const inami_billing_csv_options *o)
{
	int st;
	inami_billing_csv *r = read_with(text, strlen(text), o, 0, 3, &st);
	ck_assert_msg(st == INAMI_OK, "%s", inami_error_last());
	return r;
}

/* Refused with a message holding `message` (name:line:column: why). */
static void refused(const char *text, const inami_billing_csv_options *o, const char *message)
{
	int st;
	inami_billing_csv *r = read_with(text, strlen(text), o, 0, 0, &st);
	ck_assert_msg(st == INAMI_EPARSE, "'%s' accepted", text);
	ck_assert_msg(strstr(inami_error_last(), message) != NULL, "'%s' instead of '%s'", inami_error_last(), message);
	inami_billing_csv_free(r);
}

/* Provider p's M total and prestations. */
static void assert_totals(inami_billing_csv *r, size_t p, int64_t m, int64_t prestations)
{
	size_t n = inami_billing_provider_count(inami_billing_csv_totals(r));
	ck_assert_uint_lt(p, n);
	int64_t *kv = calloc(n * 3, sizeof(int64_t)), *pr = calloc(n, sizeof(int64_t));
	ck_assert_int_eq(inami_billing_results(inami_billing_csv_totals(r), kv, pr, NULL, NULL, n), INAMI_OK);
	ck_assert_int_eq(kv[p * 3 + INAMI_KEY_M], m);
	ck_assert_int_eq(pr[p], prestations);
	free(kv);
	free(pr);
}

START_TEST(byte_order_mark)
{
	inami_billing_csv *r = read_ok("\xEF\xBB\xBFprovider,code,quantity\np,560011,1\n", NULL);
	ck_assert_str_eq(inami_billing_csv_provider_id(r, 0), "p");
	assert_totals(r, 0, 2400, 1);
	inami_billing_csv_free(r);
	/* before a blank first line too; only at the start of the input */
	r = read_ok("\xEF\xBB\xBF\nprovider,code,quantity\np,560011,1\n", NULL);
	assert_totals(r, 0, 2400, 1);
	inami_billing_csv_free(r);
	refused("\xEF\xBB\xBF\xEF\xBB\xBFprovider,code,quantity\n", NULL, "t.csv:1:1: the header has no 'provider' column");
}
END_TEST

START_TEST(semicolons)
{
	/* detected: a provider id may hold a comma unquoted when the delimiter is ';' */
	inami_billing_csv *r = read_ok("provider;code;quantity;date\n\"kine; a\";560011;1;2022-03-01\nkine, b;560416;2;\n",
		NULL);
	ck_assert_str_eq(inami_billing_csv_provider_id(r, 0), "kine; a");
	ck_assert_str_eq(inami_billing_csv_provider_id(r, 1), "kine, b");
	assert_totals(r, 0, 2400, 1);
	assert_totals(r, 1, 3200, 2);
	inami_billing_csv_free(r);

	/* a comma header that names every column keeps the comma, whatever else it holds */
	r = read_ok("provider,code,quantity,a;b;c;d;e\np,560011,1,x;y\n", NULL);
	assert_totals(r, 0, 2400, 1);
	inami_billing_csv_free(r);

	/* forced */
	inami_billing_csv_options o = INAMI_BILLING_CSV_OPTIONS_INIT;
	o.delimiter = ';';
	r = read_ok("provider;code;quantity\np;560011;1\n", &o);
	assert_totals(r, 0, 2400, 1);
	inami_billing_csv_free(r);
	refused("provider,code,quantity\np,560011,1\n", &o,
		"t.csv:1:1: the header has no 'provider' column (columns found: provider,code,quantity)");
	o.delimiter = ',';
	refused("provider;code;quantity\np;560011;1\n", &o,
		"t.csv:1:1: the header has no 'provider' column (columns found: provider;code;quantity)");
	/* rows must use the header's delimiter */
	refused("provider;code;quantity\np,560011,1\n", NULL, "t.csv:2:11: too few columns");
}
END_TEST

START_TEST(quoted_fields)
{
	inami_billing_csv *r = read_ok("provider,code,quantity,date,note\n"
		"\"kine, a\",560011,1,2022-03-01,x\n"
		"\"ki\"\"ne\",\"560416\",\"2\",\"2022-03-02\",\"a, \"\"b\"\"\"\n"
		"\"\"\"\",560011,1,,\"\"\n", NULL);
	ck_assert_str_eq(inami_billing_csv_provider_id(r, 0), "kine, a");
	ck_assert_str_eq(inami_billing_csv_provider_id(r, 1), "ki\"ne");
	ck_assert_str_eq(inami_billing_csv_provider_id(r, 2), "\"");
	assert_totals(r, 0, 2400, 1);
	assert_totals(r, 1, 3200, 2);
	inami_billing_csv_free(r);

	const char *h = "provider,code,quantity\n";
	char text[256];
	static const struct { const char *line, *message; } bad[] = {
		{ "\"kine,560011,1", "t.csv:2:1: unterminated quoted field" },
		{ "p,560011,\"1", "t.csv:2:10: unterminated quoted field" },
		{ "\"kine\"x,560011,1", "t.csv:2:7: text after the closing quote of a quoted field" },
		{ "ki\"ne,560011,1", "t.csv:2:3: a quote inside an unquoted field" },
		{ "p,5600\"11,1", "t.csv:2:7: a quote inside an unquoted field" },
		{ "p,\"56 011\",1", "t.csv:2:3: code is not a nomenclature number" },
		{ "p,560011,\"1.5\"", "t.csv:2:10: quantity is not a whole number" },
		{ "\"\",560011,1", "t.csv:2:1: provider is empty" },
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(text, sizeof(text), "%s%s\n", h, bad[i].line);
		refused(text, NULL, bad[i].message);
	}
	/* the column of the error on a later line: line 7, column 12 */
	refused("provider,code,quantity\np,560011,1\n\np,560011,1\np,560011,1\np,560011,1\np,560011,\"1\n", NULL,
		"t.csv:7:10: unterminated quoted field");
	refused("provider,code,quantity,date\np,560011,1,2022-03-01\n\n\n\n\nkine-12345,\"560011,1,\n", NULL,
		"t.csv:7:12: unterminated quoted field");

	/* 255 bytes once "" is undone: accepted; 256: refused */
	char id[600];
	size_t n = 0;
	id[n++] = '"';
	for (int i = 0; i < 127; i++) {
		memcpy(id + n, "a\"\"", 3);
		n += 3;
	}
	memcpy(id + n, "b\"", 2);
	n += 2;
	id[n] = '\0';
	char *big = malloc(1024);
	snprintf(big, 1024, "provider,code,quantity\n%s,560011,1\n", id);
	r = read_ok(big, NULL);
	ck_assert_uint_eq(strlen(inami_billing_csv_provider_id(r, 0)), 255);
	inami_billing_csv_free(r);
	id[n - 1] = 'c'; /* b -> bc: 256 bytes */
	id[n++] = '"';
	id[n] = '\0';
	snprintf(big, 1024, "provider,code,quantity\n%s,560011,1\n", id);
	refused(big, NULL, "t.csv:2:1: provider id is longer than 255 bytes");
	free(big);
}
END_TEST

START_TEST(crlf)
{
	inami_billing_csv *r = read_ok("provider;code;quantity;date\r\n\"p\";560011;1;01/03/2022\r\n\r\np;560416;1;\r\n",
		NULL);
	assert_totals(r, 0, 4000, 2);
	ck_assert_int_eq(inami_billing_csv_line_count(r), 2);
	inami_billing_csv_free(r);
	refused("provider,code,quantity\r\n\"p,560011,1\r\n", NULL, "t.csv:2:1: unterminated quoted field");
}
END_TEST

/* Header names longer than the message can list are cut with "...", whatever the delimiter tried. */
START_TEST(long_header_names)
{
	char text[700];
	memset(text, 'x', 300);
	strcpy(text + 300, "\n");
	refused(text, NULL, "columns found: ...");
	/* too many columns for ',' (then one long field for ';') */
	size_t n = 0;
	n += (size_t)snprintf(text + n, sizeof(text) - n, "provider,code,quantity,date");
	for (int c = 0; c < 60; c++)
		n += (size_t)snprintf(text + n, sizeof(text) - n, ",c%d", c);
	snprintf(text + n, sizeof(text) - n, "\np,560011,1,2022-03-01\n");
	refused(text, NULL, "more than");
}
END_TEST

START_TEST(header_mapping)
{
	inami_billing_csv_options o = INAMI_BILLING_CSV_OPTIONS_INIT;
	o.provider_column = "NIHII";
	o.code_column = " code ";
	o.quantity_column = "QTE";
	o.date_column = "DATE";
	inami_billing_csv *r = read_ok(" nihii ;Code;\"qte\";Date;other\n12345678901;560011;1;02/03/2022;x\n", &o);
	ck_assert_str_eq(inami_billing_csv_provider_id(r, 0), "12345678901");
	assert_totals(r, 0, 2400, 1);
	inami_billing_csv_free(r);

	/* default names ignore case too; an exact name wins over one that differs in case */
	r = read_ok("PROVIDER,Code,QUANTITY\np,560011,1\n", NULL);
	assert_totals(r, 0, 2400, 1);
	inami_billing_csv_free(r);
	r = read_ok("Provider,provider,code,quantity\nx,p,560011,1\n", NULL);
	ck_assert_str_eq(inami_billing_csv_provider_id(r, 0), "p");
	inami_billing_csv_free(r);
	refused("Provider,PROVIDER,code,quantity\n", NULL, "t.csv:1:10: the header names the provider column 'provider' twice");

	refused("NIHII;CODE;QTE\n", NULL,
		"t.csv:1:1: the header has no 'provider' column (columns found: NIHII;CODE;QTE)");
	refused("NIHII;code;quantity\n", &o, "t.csv:1:1: the header has no 'QTE' column for the quantity");
	/* a date column named in the options must be there; the default one may be absent */
	refused("NIHII;code;QTE\n", &o, "t.csv:1:1: the header has no 'DATE' column for the date");

	/* options the reader refuses */
	static const char *const bad_names[] = { "", "  ", "a\"b", "a\nb" };
	for (size_t i = 0; i < 4; i++) {
		inami_billing_csv_options b = INAMI_BILLING_CSV_OPTIONS_INIT;
		b.code_column = bad_names[i];
		ck_assert_int_eq(inami_billing_csv_new_with_options(&r, test_nomenclature(), 0, "t", &b), INAMI_EINVAL);
		ck_assert_ptr_null(r);
	}
	inami_billing_csv_options b = INAMI_BILLING_CSV_OPTIONS_INIT;
	b.provider_column = "Code";
	ck_assert_int_eq(inami_billing_csv_new_with_options(&r, test_nomenclature(), 0, "t", &b), INAMI_EINVAL);
	ck_assert(strstr(inami_error_last(), "'Code' is given for both provider and code") != NULL);
	b.provider_column = NULL;
	b.delimiter = '\t';
	ck_assert_int_eq(inami_billing_csv_new_with_options(&r, test_nomenclature(), 0, "t", &b), INAMI_EINVAL);
	b.delimiter = 0;
	ck_assert_int_eq(inami_billing_csv_new_with_options(&r, test_nomenclature(), 0x80, "t", &b), INAMI_EINVAL);
	ck_assert_int_eq(inami_billing_csv_new_with_options(&r, NULL, 0, "t", &b), INAMI_ENULL);
	ck_assert_int_eq(inami_billing_csv_new_with_options(NULL, test_nomenclature(), 0, "t", &b), INAMI_ENULL);
}
END_TEST

START_TEST(day_month_year)
{
	inami_billing_csv *a = read_ok("provider,code,quantity,date\np,713016,1,30/04/2023\np,713016,1,01/05/2023\n"
		"p,560011,1,29/02/2024\n", NULL);
	inami_billing_csv *b = read_ok("provider,code,quantity,date\np,713016,1,2023-04-30\np,713016,1,2023-05-01\n"
		"p,560011,1,2024-02-29\n", NULL);
	int64_t ka[3], kb[3];
	ck_assert_int_eq(inami_billing_results(inami_billing_csv_totals(a), ka, NULL, NULL, NULL, 1), INAMI_OK);
	ck_assert_int_eq(inami_billing_results(inami_billing_csv_totals(b), kb, NULL, NULL, NULL, 1), INAMI_OK);
	ck_assert_int_eq(ka[INAMI_KEY_R], 1750 + 1500); /* 713016: R 17.5 until 2023-04-30, R 15 after */
	ck_assert_int_eq(ka[INAMI_KEY_R], kb[INAMI_KEY_R]);
	ck_assert_int_eq(ka[INAMI_KEY_M], kb[INAMI_KEY_M]);
	inami_billing_csv_free(a);
	inami_billing_csv_free(b);
	refused("provider,code,quantity,date\np,560011,1,31/02/2022\n", NULL,
		"t.csv:2:12: date '31/02/2022' is not a real calendar day");
	refused("provider,code,quantity,date\np,560011,1,29/02/2023\n", NULL,
		"t.csv:2:12: date '29/02/2023' is not a real calendar day");
	refused("provider,code,quantity,date\np,560011,1,2/3/2022\n", NULL,
		"t.csv:2:12: date is not YYYY-MM-DD or DD/MM/YYYY");
	refused("provider,code,quantity,date\np,560011,1,2022/03/02\n", NULL,
		"t.csv:2:12: date is not YYYY-MM-DD or DD/MM/YYYY");
}
END_TEST

static const char *const dated =
	"provider,code,quantity,date\n"
	"a,560011,1,2019-12-31\n"
	"a,560011,1,2022-01-01\n"
	"b,560416,1,31/12/2022\n"
	"a,560011,5,2023-01-01\n"
	"b,560011,1,\n"
	"c,560011,1,2023-06-01\n";

START_TEST(date_range)
{
	inami_billing_csv_options o = INAMI_BILLING_CSV_OPTIONS_INIT;
	o.date_from = 20220101;
	o.date_to = 20221231;
	inami_billing_csv *r = read_ok(dated, &o);
	ck_assert_int_eq(inami_billing_csv_line_count(r), 6);
	int64_t outside = -1, undated = -1;
	ck_assert_int_eq(inami_billing_csv_date_counts(r, &outside, &undated), INAMI_OK);
	ck_assert_int_eq(outside, 3);
	ck_assert_int_eq(undated, 1);
	/* c has only a line outside: it is there, with nothing added */
	ck_assert_uint_eq(inami_billing_provider_count(inami_billing_csv_totals(r)), 3);
	int64_t po[3], pu[3];
	ck_assert_int_eq(inami_billing_csv_provider_date_counts(r, po, pu, 3), INAMI_OK);
	ck_assert_int_eq(po[0], 2);
	ck_assert_int_eq(po[1], 0);
	ck_assert_int_eq(po[2], 1);
	ck_assert_int_eq(pu[0], 0);
	ck_assert_int_eq(pu[1], 1);
	ck_assert_int_eq(pu[2], 0);
	ck_assert_int_eq(inami_billing_csv_provider_date_counts(r, po, NULL, 2), INAMI_EBUFS);
	ck_assert_int_eq(inami_billing_csv_provider_date_counts(r, NULL, NULL, 3), INAMI_OK);
	assert_totals(r, 0, 2400, 1);
	assert_totals(r, 1, 1600 + 2400, 2);
	assert_totals(r, 2, 0, 0);
	inami_billing_csv_free(r);

	/* open on one side */
	o.date_from = 20220101;
	o.date_to = 0;
	r = read_ok(dated, &o);
	ck_assert_int_eq(inami_billing_csv_date_counts(r, &outside, NULL), INAMI_OK);
	ck_assert_int_eq(outside, 1);
	inami_billing_csv_free(r);

	/* no range: nothing left out, nothing counted */
	r = read_ok(dated, NULL);
	ck_assert_int_eq(inami_billing_csv_date_counts(r, &outside, &undated), INAMI_OK);
	ck_assert_int_eq(outside, 0);
	ck_assert_int_eq(undated, 0);
	assert_totals(r, 0, 7 * 2400, 7);
	inami_billing_csv_free(r);

	/* no date column: every line is undated */
	o.date_to = 20221231;
	r = read_ok("provider,code,quantity\np,560011,1\np,560011,1\n", &o);
	ck_assert_int_eq(inami_billing_csv_date_counts(r, &outside, &undated), INAMI_OK);
	ck_assert_int_eq(outside, 0);
	ck_assert_int_eq(undated, 2);
	inami_billing_csv_free(r);

	/* more lines than a batch, with a malformed line skipped */
	size_t cap = 64 * 3000 + 64, len = 0;
	char *text = malloc(cap);
	len += (size_t)snprintf(text, cap, "provider,code,quantity,date\n");
	for (int i = 0; i < 3000; i++)
		len += (size_t)snprintf(text + len, cap - len, "p%d,560011,1,%d-06-01\n", i % 7, 2020 + i % 4);
	len += (size_t)snprintf(text + len, cap - len, "p1,560011,x,2022-06-01\n");
	int st;
	r = read_with(text, len, &o, INAMI_CSV_SKIP_BAD, 0, &st);
	ck_assert_int_eq(st, INAMI_OK);
	ck_assert_int_eq(inami_billing_csv_skipped_count(r), 1);
	ck_assert_int_eq(inami_billing_csv_date_counts(r, &outside, &undated), INAMI_OK);
	ck_assert_int_eq(outside, 2250);
	ck_assert_int_eq(undated, 0);
	free(text);
	inami_billing_csv_free(r);

	/* ranges the reader refuses */
	static const inami_date bad[][2] = { { 20220230, 0 }, { 0, 20221301 }, { 20230101, 20221231 },
		{ 999, 0 }, { 0, 100000101 } };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		inami_billing_csv_options b = INAMI_BILLING_CSV_OPTIONS_INIT;
		b.date_from = bad[i][0];
		b.date_to = bad[i][1];
		ck_assert_int_eq(inami_billing_csv_new_with_options(&r, test_nomenclature(), 0, "t", &b), INAMI_EINVAL);
	}
	ck_assert_int_eq(inami_billing_csv_date_counts(NULL, &outside, &undated), INAMI_ENULL);
	ck_assert_int_eq(inami_billing_csv_provider_date_counts(NULL, NULL, NULL, 0), INAMI_ENULL);
}
END_TEST

START_TEST(options_version)
{
	inami_billing_csv_options o;
	inami_billing_csv *r = NULL;
	ck_assert_int_eq(inami_billing_csv_options_init(&o, 0), INAMI_EVERSION);
	ck_assert_int_eq(inami_billing_csv_options_init(&o, 99), INAMI_EVERSION);
	ck_assert_int_eq(inami_billing_csv_options_init(NULL, 1), INAMI_ENULL);
	ck_assert_int_eq(inami_billing_csv_options_init(&o, INAMI_BILLING_CSV_OPTIONS_VERSION), INAMI_OK);
	ck_assert_int_eq(o.delimiter, 0);
	ck_assert_ptr_null(o.provider_column);
	ck_assert_int_eq(o.date_from, 0);
	o.version = 0;
	ck_assert_int_eq(inami_billing_csv_new_with_options(&r, test_nomenclature(), 0, "t", &o), INAMI_EVERSION);
	ck_assert_ptr_null(r);
	o.version = 99;
	ck_assert_int_eq(inami_billing_csv_new_with_options(&r, test_nomenclature(), 0, "t", &o), INAMI_EVERSION);
	ck_assert(strstr(inami_error_last(), "inami_billing_csv_options") != NULL);
	/* NULL options: the defaults */
	ck_assert_int_eq(inami_billing_csv_new_with_options(&r, test_nomenclature(), 0, NULL, NULL), INAMI_OK);
	inami_billing_csv_free(r);
}
END_TEST

/* The same lines in every dialect: the same ids, totals and date counts, split anywhere. */
START_TEST(same_totals_every_dialect)
{
	static const struct { const char *text; char delimiter; int mapped; } dialects[] = {
		{ "provider,code,quantity,date\n"
		  "p1,560011,1,2022-03-01\np2,560416,2,2022-03-02\np1,713016,1,2023-05-01\np3,999999,4,\np2,560011,-1,2021-12-31\n",
		  0, 0 },
		{ "\xEF\xBB\xBFprovider;code;quantity;date\r\n"
		  "p1;560011;1;01/03/2022\r\np2;560416;2;02/03/2022\r\np1;713016;1;2023-05-01\r\np3;999999;4;\r\n"
		  "p2;560011;-1;31/12/2021", 0, 0 },
		{ "\"provider\",\"code\",\"quantity\",\"date\"\n"
		  "\"p1\",\"560011\",\"1\",\"2022-03-01\"\n\"p2\",560416,\"2\",02/03/2022\n\"p1\",713016,1,\"01/05/2023\"\n"
		  "p3,999999,4,\"\"\n\"p2\",560011,\"-1\",2021-12-31\n", ',', 0 },
		{ "DATE;QTE;CODE;NIHII;note\n"
		  "2022-03-01;1;560011;p1;\"a;b\"\n02/03/2022;2;560416;p2;x\n2023-05-01;1;713016;p1;\"\"\"\"\n;4;999999;p3;\n"
		  "31/12/2021;-1;560011;p2;z\n", ';', 1 },
	};
	for (int ranged = 0; ranged < 2; ranged++) {
		inami_billing_csv *ref = NULL;
		int64_t ref_kv[9], ref_pr[3], ref_out[3], ref_und[3];
		for (size_t d = 0; d < sizeof(dialects) / sizeof(dialects[0]); d++) {
			inami_billing_csv_options o = INAMI_BILLING_CSV_OPTIONS_INIT;
			o.delimiter = dialects[d].delimiter;
			if (dialects[d].mapped) {
				o.provider_column = "nihii";
				o.code_column = "code";
				o.quantity_column = "qte";
				o.date_column = "date";
			}
			if (ranged) {
				o.date_from = 20220101;
				o.date_to = 20221231;
			}
			const char *text = dialects[d].text;
			size_t len = strlen(text);
			/* one piece, one byte at a time, and two pieces split at every byte */
			for (size_t cut = 0; cut <= len + 1; cut++) {
				inami_billing_csv *r = NULL;
				int st;
				if (cut == len + 1) {
					r = read_with(text, len, &o, 0, 1, &st);
				} else {
					ck_assert_int_eq(inami_billing_csv_new_with_options(&r, test_nomenclature(), 0, "t", &o),
						INAMI_OK);
					st = inami_billing_csv_feed(r, text, cut);
					if (st == INAMI_OK)
						st = inami_billing_csv_feed(r, text + cut, len - cut);
					if (st == INAMI_OK)
						st = inami_billing_csv_finish(r);
				}
				ck_assert_msg(st == INAMI_OK, "dialect %zu cut %zu: %s", d, cut, inami_error_last());
				ck_assert_uint_eq(inami_billing_provider_count(inami_billing_csv_totals(r)), 3);
				ck_assert_int_eq(inami_billing_csv_line_count(r), 5);
				int64_t kv[9], pr[3], out[3], und[3];
				ck_assert_int_eq(inami_billing_results(inami_billing_csv_totals(r), kv, pr, NULL, NULL, 3), INAMI_OK);
				ck_assert_int_eq(inami_billing_csv_provider_date_counts(r, out, und, 3), INAMI_OK);
				if (ref == NULL) {
					ref = r;
					memcpy(ref_kv, kv, sizeof(kv));
					memcpy(ref_pr, pr, sizeof(pr));
					memcpy(ref_out, out, sizeof(out));
					memcpy(ref_und, und, sizeof(und));
					continue;
				}
				for (size_t p = 0; p < 3; p++)
					ck_assert_str_eq(inami_billing_csv_provider_id(r, p), inami_billing_csv_provider_id(ref, p));
				ck_assert_msg(memcmp(kv, ref_kv, sizeof(kv)) == 0, "dialect %zu cut %zu: totals differ", d, cut);
				ck_assert(memcmp(pr, ref_pr, sizeof(pr)) == 0);
				ck_assert(memcmp(out, ref_out, sizeof(out)) == 0);
				ck_assert(memcmp(und, ref_und, sizeof(und)) == 0);
				inami_billing_csv_free(r);
			}
		}
		if (ranged) {
			ck_assert_int_eq(ref_out[0], 1); /* p1's 2023 line */
			ck_assert_int_eq(ref_out[1], 1); /* p2's 2021 correction */
			ck_assert_int_eq(ref_und[2], 1);
			ck_assert_int_eq(ref_kv[0], 2400);
			ck_assert_int_eq(ref_kv[3], 3200);
		} else {
			ck_assert_int_eq(ref_kv[0], 2400);
			ck_assert_int_eq(ref_kv[3], 3200 - 2400);
			ck_assert_int_eq(ref_kv[1], 1500);
		}
		inami_billing_csv_free(ref);
	}
}
END_TEST

/* A file of 4 MiB or more read by two threads: the same totals and date counts as by one. */
START_TEST(date_range_two_threads)
{
	char path[] = "/tmp/inami_dialect_XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	FILE *f = fdopen(fd, "w");
	fputs("NIHII;CODE;QTE;DATE\r\n", f);
	for (int i = 0; i < 200000; i++)
		fprintf(f, "\"prov;%d\";%d;%d;%02d/%02d/%d\r\n", (i * 7919) % 3001, i % 5 ? 560011 : 560416, 1 + i % 3,
			1 + i % 28, 1 + i % 12, 2020 + i % 4);
	fclose(f);
	inami_billing_csv_options o = INAMI_BILLING_CSV_OPTIONS_INIT;
	o.provider_column = "NIHII";
	o.code_column = "CODE";
	o.quantity_column = "QTE";
	o.date_column = "DATE";
	o.date_from = 20220101;
	o.date_to = 20221231;
	inami_billing_csv *r[2];
	for (int t = 0; t < 2; t++) {
		inami_csv_read_options ro = INAMI_CSV_READ_OPTIONS_INIT;
		ro.threads = (unsigned)t + 1;
		ck_assert_int_eq(inami_billing_csv_new_with_options(&r[t], test_nomenclature(), 0, "big", &o), INAMI_OK);
		ck_assert_int_eq(inami_billing_csv_read_file(r[t], path, &ro), INAMI_OK);
	}
	unlink(path);
	size_t n = inami_billing_provider_count(inami_billing_csv_totals(r[0]));
	ck_assert_uint_eq(n, 3001);
	ck_assert_uint_eq(inami_billing_provider_count(inami_billing_csv_totals(r[1])), n);
	int64_t o0, o1, u0, u1;
	inami_billing_csv_date_counts(r[0], &o0, &u0);
	inami_billing_csv_date_counts(r[1], &o1, &u1);
	ck_assert_int_eq(o0, 150000);
	ck_assert_int_eq(o1, o0);
	ck_assert_int_eq(u1, u0);
	int64_t *a = calloc(n * 8, sizeof(int64_t)), *b = a + n * 4;
	ck_assert_int_eq(inami_billing_results(inami_billing_csv_totals(r[0]), a, a + 3 * n, NULL, NULL, n), INAMI_OK);
	ck_assert_int_eq(inami_billing_results(inami_billing_csv_totals(r[1]), b, b + 3 * n, NULL, NULL, n), INAMI_OK);
	ck_assert(memcmp(a, b, n * 4 * sizeof(int64_t)) == 0);
	ck_assert_int_eq(inami_billing_csv_provider_date_counts(r[0], a, a + n, n), INAMI_OK);
	ck_assert_int_eq(inami_billing_csv_provider_date_counts(r[1], b, b + n, n), INAMI_OK);
	ck_assert(memcmp(a, b, n * 2 * sizeof(int64_t)) == 0);
	for (size_t p = 0; p < n; p++)
		ck_assert_str_eq(inami_billing_csv_provider_id(r[0], p), inami_billing_csv_provider_id(r[1], p));
	free(a);
	inami_billing_csv_free(r[0]);
	inami_billing_csv_free(r[1]);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("billing_csv_dialect");
	TCase *tc = tcase_create("dialect");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, byte_order_mark);
	tcase_add_test(tc, semicolons);
	tcase_add_test(tc, quoted_fields);
	tcase_add_test(tc, crlf);
	tcase_add_test(tc, header_mapping);
	tcase_add_test(tc, long_header_names);
	tcase_add_test(tc, day_month_year);
	tcase_add_test(tc, date_range);
	tcase_add_test(tc, options_version);
	tcase_add_test(tc, same_totals_every_dialect);
	tcase_add_test(tc, date_range_two_threads);
	suite_add_tcase(s, tc);
	return test_run(s);
}
