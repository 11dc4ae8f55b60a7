/*
 * The billing kernels (libinami/src/billing_kernel.c) against each other:
 * the kernel over a whole call, one line per call and the checked kernel (used once totals could near 2^63) must give the same totals,
 * prestations, flags, statuses and unvalued codes for the same lines, dated
 * or not, with a provider array or not, DERIVED allowed or not. The lines mix
 * codes valued directly, a code with two periods (713016: R 17.5 until
 * 2023-04-30, R 15 from 2023-05-01), a DERIVED value (422096, V 10), a value
 * with unknown validity dates (560416, M 16), unknown and out-of-range codes,
 * dates inside and outside the periods, corrections and zero quantities
 * (values from nomenclature.csv, e.g. AR 18 Dec 2002 for 560011 = M 24,
 * https://refli.be/fr/lex/2002023049). Also the tally word's bounds: a
 * prestation count below zero or beyond 2^55 is an error for its provider;
 * a reset before any provider; and every code of the shipped nomenclature
 * through the kernels against the nomenclature's own lookup. Linked with the
 * static library (hidden internal symbols).
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include <inami/inami.h>

#include "test_util.h"

#include "billing_internal.h"
#include "dates.h"

/* not a multiple of 64: the last block ends inside a word of slow-line bits, after a prefetch split */
#define LINES 20013
#define PROVIDERS 700

typedef struct lines {
	int32_t code[LINES], quantity[LINES], date[LINES];
	uint32_t provider[LINES];
} lines;

/* Lines in random provider order, or (runs) in runs of 37 lines of one provider. */
static void make_lines(lines *l, uint32_t seed, int runs)
{
	static const int32_t codes[] = { 560011, 560011, 560011, 560416, 713016, 422096, 701013, 561282,
		567011, 0, -1, 1000000, INT32_MAX, 999999 };
	static const int32_t dates[] = { 20220301, 20230430, 20230501, 20021231, 20030101, 19990101, 0,
		10000101, 99991231 };
	static const int32_t quantities[] = { 1, 1, 1, 1, 2, -1, 0, 7, 1000 };
	uint32_t x = seed;
	for (size_t i = 0; i < LINES; i++) {
		x = x * 1103515245u + 12345u;
		uint32_t r = x >> 4;
		l->code[i] = codes[r % (sizeof(codes) / sizeof(codes[0]))];
		l->date[i] = dates[(r >> 4) % (sizeof(dates) / sizeof(dates[0]))];
		l->quantity[i] = quantities[(r >> 8) % (sizeof(quantities) / sizeof(quantities[0]))];
		l->provider[i] = runs ? (uint32_t)(i / 37) % PROVIDERS : (r >> 12) % PROVIDERS;
	}
}

typedef struct results {
	int64_t kv[PROVIDERS * INAMI_KEY_LETTER_COUNT], prestations[PROVIDERS];
	uint32_t flags[PROVIDERS];
	int32_t status[PROVIDERS];
} results;

static results *results_of(inami_billing *b)
{
	results *r = calloc(1, sizeof(*r));
	ck_assert_ptr_nonnull(r);
	ck_assert_int_eq(inami_billing_results(b, r->kv, r->prestations, r->flags, r->status, PROVIDERS),
		INAMI_OK);
	return r;
}

/* Everything an accumulator tells of providers [0, count) is `want`. */
static void compare(inami_billing *b, const results *want, size_t count, const char *what)
{
	results *got = results_of(b);
	for (size_t p = 0; p < count; p++) {
		for (int k = 0; k < INAMI_KEY_LETTER_COUNT; k++)
			ck_assert_msg(got->kv[p * 3 + k] == want->kv[p * 3 + k], "%s: provider %zu letter %d: %lld, "
				"want %lld", what, p, k, (long long)got->kv[p * 3 + k], (long long)want->kv[p * 3 + k]);
		ck_assert_msg(got->prestations[p] == want->prestations[p], "%s: provider %zu prestations", what, p);
		ck_assert_msg(got->flags[p] == want->flags[p], "%s: provider %zu flags %x, want %x", what, p,
			got->flags[p], want->flags[p]);
		ck_assert_msg(got->status[p] == want->status[p], "%s: provider %zu status", what, p);
	}
	free(got);
}

/* Unvalued codes of providers [0, count) of a and b are the same. */
static void same_unvalued(inami_billing *a, inami_billing *b, size_t count, const char *what)
{
	for (uint32_t p = 0; p < count; p++) {
		size_t na, nb;
		ck_assert_int_eq(inami_billing_unvalued_count(a, p, &na), INAMI_OK);
		ck_assert_int_eq(inami_billing_unvalued_count(b, p, &nb), INAMI_OK);
		ck_assert_msg(na == nb, "%s: provider %u has %zu unvalued codes, want %zu", what, p, nb, na);
		for (size_t i = 0; i < na; i++) {
			int32_t ca, cb;
			inami_unvalued_reason ra, rb;
			int64_t qa, qb;
			ck_assert_int_eq(inami_billing_unvalued(a, p, i, &ca, &qa, &ra), INAMI_OK);
			ck_assert_int_eq(inami_billing_unvalued(b, p, i, &cb, &qb, &rb), INAMI_OK);
			ck_assert_msg(ca == cb && qa == qb && ra == rb, "%s: provider %u unvalued %zu", what, p, i);
		}
	}
}

/*
 * Lines of an unknown code (567011) with quantities of 2^31 - 1 for provider
 * p until the accumulator switches to checked adds. The largest value is
 * V 140 (14000 hundredths: 422656 and 422671 in nomenclature.csv, DERIVED
 * from https://www.cm.be), so 75 calls of 4096 such lines pass 2^63 / 14000.
 */
static void push_past_bound(inami_billing *b, uint32_t p)
{
	enum { BIG = 4096 };
	static int32_t code[BIG], qty[BIG];
	static uint32_t provider[BIG];
	for (size_t i = 0; i < BIG; i++) {
		code[i] = 567011;
		qty[i] = INT32_MAX;
		provider[i] = p;
	}
	for (int k = 0; k < 1000 && b->qsum != UINT64_MAX; k++)
		ck_assert_int_eq(inami_billing_add(b, code, qty, NULL, provider, BIG), INAMI_OK);
	ck_assert_msg(b->qsum == UINT64_MAX, "the accumulator did not switch to checked adds");
}

/*
 * The lines through one way of adding them. way 0: the kernel over the
 * whole call, 1: one line per call, 2: checked kernel (the last provider first
 * gets enough quantity of an unknown code to pass the bound below which adds
 * are unchecked; the other providers are compared).
 */
static inami_billing *add_lines(const lines *l, int way, int dated, int per_provider, unsigned flags)
{
	inami_billing *b = NULL;
	ck_assert_int_eq(inami_billing_new(&b, test_nomenclature(), PROVIDERS, flags), INAMI_OK);
	if (way == 2)
		push_past_bound(b, PROVIDERS - 1);
	const int32_t *d = dated ? l->date : NULL;
	const uint32_t *p = per_provider ? l->provider : NULL;
	if (way == 1) {
		for (size_t i = 0; i < LINES; i++)
			ck_assert_int_eq(inami_billing_add(b, l->code + i, l->quantity + i, d ? d + i : NULL,
				p ? p + i : NULL, 1), INAMI_OK);
	} else {
		ck_assert_int_eq(inami_billing_add(b, l->code, l->quantity, d, p, LINES), INAMI_OK);
	}
	return b;
}

/* The three ways agree on the lines `l`, dated or not, per provider or not, with `flags`. */
static void agree(const lines *l, int dated, int per_provider, unsigned flags)
{
	static const char *const ways[] = { "kernel", "one line per call", "checked" };
	inami_billing *ref = add_lines(l, 0, dated, per_provider, flags);
	results *want = results_of(ref);
	/* the lines reach valued and unvalued codes, and flags */
	size_t unvalued = 0;
	ck_assert_int_eq(inami_billing_unvalued_count(ref, 0, &unvalued), INAMI_OK);
	ck_assert_uint_gt(unvalued, 0);
	ck_assert_uint_ne(want->flags[0] & INAMI_TOTAL_INCOMPLETE, 0);
	ck_assert_uint_ne(want->flags[0] & (dated ? INAMI_TOTAL_VALIDITY_UNKNOWN : INAMI_TOTAL_UNDATED), 0);
	for (int way = 1; way < 3; way++) {
		inami_billing *b = add_lines(l, way, dated, per_provider, flags);
		size_t count = way == 2 ? PROVIDERS - 1 : PROVIDERS;
		compare(b, want, count, ways[way]);
		same_unvalued(ref, b, count, ways[way]);
		inami_billing_free(b);
	}
	free(want);
	inami_billing_free(ref);
}

/* Providers in random order (kernel line by line) and in runs (kernel run by run). */
START_TEST(kernels_agree)
{
	lines *l = malloc(sizeof(*l));
	ck_assert_ptr_nonnull(l);
	for (int runs = 0; runs < 2; runs++) {
		make_lines(l, 2022, runs);
		for (int k = 0; k < 8; k++)
			agree(l, k & 1, (k >> 1) & 1, k & 4 ? INAMI_BILLING_ALLOW_DERIVED : 0);
	}
	free(l);
}
END_TEST

/*
 * A line added into a dense unvalued column raises INCOMPLETE only through
 * that column (billing__flags); when the columns move into the hash (the
 * switch to checked adds) the flag must stay with its provider. Provider 0
 * has one line of an unknown code (567011, absent from nomenclature.csv) in
 * its dense column; provider 1's quantities then push the totals past the
 * bound.
 */
START_TEST(incomplete_survives_checked_switch)
{
	inami_billing *b = NULL;
	ck_assert_int_eq(inami_billing_new(&b, test_nomenclature(), 2, 0), INAMI_OK);
	/* provider 1's line makes the column (through the resolver), provider 0's is added to it */
	int32_t unknown[] = { 567011, 567011 }, ones[] = { 1, 1 }, one = 1, valued = 560011;
	uint32_t first = 0, both[] = { 1, 0 };
	ck_assert_int_eq(inami_billing_add(b, unknown, ones, NULL, both, 2), INAMI_OK);
	push_past_bound(b, 1);
	ck_assert_int_eq(inami_billing_add(b, &valued, &one, NULL, &first, 1), INAMI_OK);
	uint32_t flags[2];
	int64_t kv[6], prestations[2];
	ck_assert_int_eq(inami_billing_results(b, kv, prestations, flags, NULL, 2), INAMI_OK);
	ck_assert_uint_ne(flags[0] & INAMI_TOTAL_INCOMPLETE, 0);
	ck_assert_int_eq(kv[INAMI_KEY_M], 2400);  /* 560011 = M 24, AR 18 Dec 2002 */
	ck_assert_int_eq(prestations[0], 2);
	test_only_unvalued(b, 0, 567011, 1, INAMI_UNVALUED_UNKNOWN_CODE);
	inami_billing_free(b);
}
END_TEST

/* The prestation count lives in 56 bits of the tally: below zero and beyond 2^55 are errors. */
START_TEST(tally_bounds)
{
	inami_billing *b = NULL;
	ck_assert_int_eq(inami_billing_new(&b, test_nomenclature(), 3, 0), INAMI_OK);
	enum { N = 4096 };
	static int32_t code[N], qty[N];
	static uint32_t prov[N];
	for (size_t i = 0; i < N; i++) {
		code[i] = 567011; /* unknown: no value, only prestations */
		qty[i] = INT32_MAX;
		prov[i] = 1;
	}
	/* 2^55 / (2^31 - 1) = 16,777,216.5 lines: 4097 calls of 4096 lines pass it */
	int32_t one_code = 560011, minus_one = -1;
	uint32_t two = 2;
	ck_assert_int_eq(inami_billing_add(b, &one_code, &minus_one, NULL, &two, 1), INAMI_OK);
	for (int k = 0; k < 4097; k++)
		ck_assert_int_eq(inami_billing_add(b, code, qty, NULL, prov, N), INAMI_OK);
	int64_t pr[3];
	int32_t st[3];
	ck_assert_int_eq(inami_billing_results(b, NULL, pr, NULL, st, 3), INAMI_OK);
	ck_assert_int_eq(st[0], INAMI_OK);
	ck_assert_int_eq(pr[0], 0);
	ck_assert_int_eq(st[1], INAMI_EOVERFLOW);
	ck_assert_int_eq(st[2], INAMI_ENEGATIVE);
	inami_billing_free(b);
}
END_TEST

/*
 * One line of `code` on `date` (0: undated) through the kernels against the
 * nomenclature's own lookup, which walks the periods: the same value and
 * letter, or the matching unvalued reason.
 */
static void line_matches_lookup(const inami_nomenclature *n, int32_t code, int32_t date, unsigned flags)
{
	inami_code_info info = { .version = INAMI_CODE_INFO_VERSION };
	int found = inami_nomenclature_lookup(n, code, date, &info);
	inami_billing_summary sum = { .version = INAMI_BILLING_SUMMARY_VERSION };
	int32_t one = 1, ucode = 0, ureason = 0;
	int64_t uqty = 0;
	ck_assert_int_eq(inami_billing_total(n, &code, &one, date ? &date : NULL, 1, flags,
		&sum, &ucode, &uqty, &ureason, 1), INAMI_OK);
	ck_assert_int_eq(sum.prestations, 1);
	int derived_refused = found == INAMI_OK && info.provenance >= INAMI_PROV_DERIVED
		&& !(flags & INAMI_BILLING_ALLOW_DERIVED);
	if (found == INAMI_OK && !derived_refused) {
		ck_assert_msg(sum.unvalued_count == 0 && sum.key_values[info.key_letter] == info.value,
			"code %d on %d: kernel %lld, lookup %lld", (int)code, (int)date,
			(long long)sum.key_values[info.key_letter], (long long)info.value);
		/* the flags a valued line raises (billing.h) */
		unsigned want = (info.provenance >= INAMI_PROV_DERIVED ? INAMI_TOTAL_DERIVED_USED : 0)
			| (info.flags & INAMI_CODE_CONFLICT_UNRESOLVED ? INAMI_TOTAL_CONFLICT : 0)
			| (date == 0 ? INAMI_TOTAL_UNDATED
				: info.flags & (INAMI_CODE_FROM_UNKNOWN | INAMI_CODE_TO_UNKNOWN)
				? INAMI_TOTAL_VALIDITY_UNKNOWN : 0);
		ck_assert_msg(sum.flags == want, "code %d on %d: flags %x, want %x", (int)code, (int)date, sum.flags,
			want);
		return;
	}
	inami_code_info any = { .version = INAMI_CODE_INFO_VERSION };
	int known = inami_nomenclature_lookup(n, code, 0, &any) != INAMI_ENOTFOUND;
	int want = derived_refused ? INAMI_UNVALUED_DERIVED : !known ? INAMI_UNVALUED_UNKNOWN_CODE
		: found == INAMI_EINVAL ? INAMI_UNVALUED_DATE_NEEDED : INAMI_UNVALUED_OUT_OF_VALIDITY;
	ck_assert_msg(sum.unvalued_count == 1 && ucode == code && ureason == want,
		"code %d on %d: unvalued reason %d, want %d", (int)code, (int)date, (int)ureason, want);
}

/*
 * Every code of nomenclature n, on the dates `dates`, on the first and last
 * day of each of its periods and the days around them, undated, DERIVED
 * allowed or not, through the kernel: the tables compiled for the kernels
 * agree with the periods they come from.
 */
static void codes_match_lookup(const inami_nomenclature *n, const int32_t *dates, size_t ndates)
{
	size_t count = inami_nomenclature_count(n);
	{
		for (size_t i = 0; i < count; i++) {
			inami_code_info e = { .version = INAMI_CODE_INFO_VERSION };
			ck_assert_int_eq(inami_nomenclature_entry(n, i, &e), INAMI_OK);
			for (unsigned flags = 0; flags <= INAMI_BILLING_ALLOW_DERIVED; flags++) {
				for (size_t k = 0; k < ndates; k++)
					line_matches_lookup(n, e.code, dates[k], flags);
				const inami_date bounds[] = { e.valid_from, e.valid_to };
				for (int k = 0; k < 2; k++) {
					if (bounds[k] == 0)
						continue;
					line_matches_lookup(n, e.code, bounds[k], flags);
					inami_date beside = inami__date_add_days(bounds[k], k ? 1 : -1);
					if (inami_date_check(beside) == INAMI_OK)
						line_matches_lookup(n, e.code, beside, flags);
				}
			}
		}
		line_matches_lookup(n, 567011, 20220301, 0); /* not in the shipped nomenclature */
		line_matches_lookup(n, 567011, 0, 0);
	}
}

START_TEST(kernels_match_lookup)
{
	static const int32_t dates[] = { 0, 19980101, 19980701, 20021231, 20030101, 20210531, 20210601,
		20220301, 20230430, 20230501, 20241231 };
	ck_assert_uint_gt(inami_nomenclature_count(test_nomenclature()), 30);
	codes_match_lookup(test_nomenclature(), dates, sizeof(dates) / sizeof(dates[0]));
}
END_TEST

/*
 * Made-up codes with several periods (illustrative values for a test, not
 * real): older periods with an unknown start, a DERIVED value, a gap, another
 * key letter, an unresolved conflict. A dated line in an older period is
 * valued from that period's own entry after the hot loop (billing_kernel.c);
 * it must agree with the lookup, flags included.
 */
static const char *periods_csv =
	"# illustrative values for a test, not real\n"
	"code,key_letter,value,valid_from,valid_to,provenance,source_url,note\n"
	"567011,M,20,,2019-12-31,official,https://example.invalid/a,\n"
	"567011,M,21,2020-01-01,2020-12-31,derived,https://example.invalid/b,\n"
	"567011,R,22,2021-06-01,2022-12-31,official,https://example.invalid/c,\n"
	"567011,M,23,2023-01-01,,official,https://example.invalid/d,\n"
	"567012,V,5,2010-01-01,2015-12-31,official,https://example.invalid/e,\n"
	"567012,V,6,2010-01-01,2015-12-31,official,https://example.invalid/f,\n"
	"567012,V,7,2016-01-01,,derived,https://example.invalid/g,\n";

START_TEST(older_periods_match_lookup)
{
	static const int32_t dates[] = { 0, 19000101, 20150601, 20200601, 20210301, 20220301, 20240101 };
	inami_nomenclature *n = NULL;
	ck_assert_int_eq(inami_nomenclature_load_buffer(&n, test_nomenclature(), periods_csv, strlen(periods_csv),
		"periods.csv"), INAMI_OK);
	codes_match_lookup(n, dates, sizeof(dates) / sizeof(dates[0]));
	/* one line on each period of 567011 (flags allowed): M 20 + M 21 + R 22 + M 23 */
	int32_t code[] = { 567011, 567011, 567011, 567011, 567011 };
	int32_t qty[] = { 1, 2, 1, 1, 1 };
	int32_t date[] = { 20190101, 20200601, 20220301, 20240101, 20210301 /* gap */ };
	inami_billing_summary sum = { .version = INAMI_BILLING_SUMMARY_VERSION };
	int32_t ucode = 0, ureason = 0;
	int64_t uqty = 0;
	ck_assert_int_eq(inami_billing_total(n, code, qty, date, 5, INAMI_BILLING_ALLOW_DERIVED, &sum, &ucode, &uqty,
		&ureason, 1), INAMI_OK);
	ck_assert_int_eq(sum.key_values[INAMI_KEY_M], 2000 + 2 * 2100 + 2300);
	ck_assert_int_eq(sum.key_values[INAMI_KEY_R], 2200);
	ck_assert_int_eq(sum.prestations, 6);
	ck_assert_uint_eq(sum.flags & (INAMI_TOTAL_DERIVED_USED | INAMI_TOTAL_VALIDITY_UNKNOWN | INAMI_TOTAL_INCOMPLETE),
		INAMI_TOTAL_DERIVED_USED | INAMI_TOTAL_VALIDITY_UNKNOWN | INAMI_TOTAL_INCOMPLETE);
	ck_assert_int_eq(ureason, INAMI_UNVALUED_OUT_OF_VALIDITY);
	inami_nomenclature_free(n);
}
END_TEST

/* An accumulator reset before it ever had a provider (the two-thread CSV read falling back to one thread). */
START_TEST(reset_without_providers)
{
	inami_billing *b = NULL;
	ck_assert_int_eq(inami_billing_new(&b, test_nomenclature(), 0, 0), INAMI_OK);
	inami__billing_reset(b);
	ck_assert_uint_eq(inami_billing_provider_count(b), 0);
	ck_assert_int_eq(inami_billing_reserve(b, 1), INAMI_OK);
	int32_t code = 560011, qty = 1; /* M 24 (AR 18 Dec 2002) */
	ck_assert_int_eq(inami_billing_add(b, &code, &qty, NULL, NULL, 1), INAMI_OK);
	int64_t kv[3], pr;
	ck_assert_int_eq(inami_billing_results(b, kv, &pr, NULL, NULL, 1), INAMI_OK);
	ck_assert_int_eq(kv[INAMI_KEY_M], 2400);
	ck_assert_int_eq(pr, 1);
	inami__billing_reset(b);
	ck_assert_uint_eq(inami_billing_provider_count(b), 0);
	inami_billing_free(b);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("billing_kernels");
	TCase *tc = tcase_create("kernels");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, kernels_agree);
	tcase_add_test(tc, tally_bounds);
	tcase_add_test(tc, incomplete_survives_checked_switch);
	tcase_add_test(tc, reset_without_providers);
	tcase_add_test(tc, kernels_match_lookup);
	tcase_add_test(tc, older_periods_match_lookup);
	suite_add_tcase(s, tc);
	return test_run(s);
}
