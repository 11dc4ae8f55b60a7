/*
 * Thread safety: 8 threads evaluate and total billing lines on ONE shared
 * ruleset and nomenclature (both the embedded defaults, made on first use
 * while the threads race for them) and must get exactly the results a single
 * thread gets, error messages included (they are per thread).
 *
 * Iterations per thread: INAMI_THREAD_ITERATIONS (environment) or the first
 * argument; 20,000 by default so that ctest stays fast. The full run of the
 * issue is 1,000,000 per thread, under ThreadSanitizer (docs/reliability.md):
 *   cmake -S . -B build-tsan -DINAMI_TSAN=ON -DINAMI_PYTHON=OFF -DINAMI_JAVA=OFF
 *   cmake --build build-tsan -j2 --target check_threads
 *   INAMI_THREAD_ITERATIONS=1000000 build-tsan/tests/check_threads
 */
#define _POSIX_C_SOURCE 200809L   /* pthread barriers (C11 without extensions) */
#include <check.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <inami/inami.h>

#include "test_util.h"

#define THREADS 8
#define CASES 6

static long iterations = 20000;

/* What one evaluation gave, comparable with memcmp-free equality below. */
typedef struct outcome {
	int status;
	int eligible;
	int64_t amount;
	char tier[32];
	size_t checks, notes;
	char message[160];   /* inami_error_last() on failure */
} outcome;

/* What one billing total gave. */
typedef struct totals {
	int status;
	int64_t m, r, v, prestations;
	unsigned int flags;
	size_t unvalued;
} totals;

static void make_input(int k, inami_eval_input *in)
{
	inami_eval_input init = INAMI_EVAL_INPUT_INIT;
	*in = init;
	switch (k) {
	case 0: /* README demo: base tier, EUR 1,790.34 */
		in->profession = INAMI_PHYSIOTHERAPIST; in->premium_year = 2022; in->prestations = 2299;
		break;
	case 1:
		in->profession = INAMI_DOCTOR; in->premium_year = 2022; in->specialty = "general_practice";
		in->reimbursed_cents = 2500000;
		break;
	case 2: /* pro rata 3/12 */
		in->profession = INAMI_PHARMACIST; in->premium_year = 2022; in->hours_per_week = 3800;
		in->first_number = 20221001;
		break;
	case 3:
		in->profession = INAMI_DENTIST; in->premium_year = 2023; in->prestations = 300; in->retired = 1;
		break;
	case 4:
		in->profession = INAMI_SPEECH_THERAPIST; in->premium_year = 2021; in->prestations = 1500;
		in->r_values = 2000000;
		break;
	default: /* an error: no rules for 2031 (its message is per thread) */
		in->profession = INAMI_PHYSIOTHERAPIST; in->premium_year = 2031; in->prestations = 2299;
		break;
	}
}

static void evaluate_one(const inami_ruleset *rules, int k, outcome *o)
{
	inami_eval_input in;
	inami_result *res = NULL;
	memset(o, 0, sizeof(*o));
	make_input(k, &in);
	o->status = inami_evaluate(rules, &in, NULL, &res);
	if (o->status == INAMI_OK) {
		o->eligible = inami_result_eligible(res);
		o->amount = inami_result_amount_cents(res);
		const char *t = inami_result_tier(res);
		snprintf(o->tier, sizeof(o->tier), "%s", t ? t : "");
		o->checks = inami_result_check_count(res);
		o->notes = inami_result_note_count(res);
	} else {
		snprintf(o->message, sizeof(o->message), "%s", inami_error_last());
	}
	inami_result_free(res);
}

static int outcome_eq(const outcome *a, const outcome *b)
{
	return a->status == b->status && a->eligible == b->eligible && a->amount == b->amount &&
		strcmp(a->tier, b->tier) == 0 && a->checks == b->checks && a->notes == b->notes &&
		strcmp(a->message, b->message) == 0;
}

/* Billing lines: 560011 (M 24) + 560416 (M 16) = 40 M, a correction, an unknown code, R and V codes. */
static const int32_t line_code[] = { 560011, 560416, 560011, 999999, 713016, 422015 };
static const int32_t line_qty[] = { 1, 1, 3, 2, 4, 1 };
static const int32_t line_date[] = { 20220301, 20220302, 20220310, 20220401, 20230501, 20230601 };

static void total_one(const inami_nomenclature *nom, int k, totals *t)
{
	inami_billing_summary s;
	size_t n = 2 + (size_t)(k % 5);   /* 2..6 lines: k = 0 is exactly the 40 M example */
	memset(&s, 0, sizeof(s));
	s.version = INAMI_BILLING_SUMMARY_VERSION;
	memset(t, 0, sizeof(*t));
	t->status = inami_billing_total(nom, line_code, line_qty, line_date, n, 0, &s, NULL, NULL, NULL, 0);
	t->m = s.key_values[INAMI_KEY_M];
	t->r = s.key_values[INAMI_KEY_R];
	t->v = s.key_values[INAMI_KEY_V];
	t->prestations = s.prestations;
	t->flags = s.flags;
	t->unvalued = s.unvalued_count;
}

static int totals_eq(const totals *a, const totals *b)
{
	return a->status == b->status && a->m == b->m && a->r == b->r && a->v == b->v &&
		a->prestations == b->prestations && a->flags == b->flags && a->unvalued == b->unvalued;
}

static pthread_barrier_t start;

typedef struct worker {
	int id;
	long done;
	long mismatches;
	outcome eval_seen[CASES];
	totals total_seen[CASES];
	int setup_status;
} worker;

static void *work(void *arg)
{
	worker *w = arg;
	const inami_ruleset *rules = NULL;
	const inami_nomenclature *nom = NULL;
	pthread_barrier_wait(&start);
	/* every thread asks for the defaults at once: they must be made exactly once */
	w->setup_status = inami_ruleset_default(&rules);
	if (w->setup_status == INAMI_OK)
		w->setup_status = inami_nomenclature_default(&nom);
	if (w->setup_status != INAMI_OK)
		return NULL;
	for (int k = 0; k < CASES; k++) {
		evaluate_one(rules, k, &w->eval_seen[k]);
		total_one(nom, k, &w->total_seen[k]);
	}
	for (long i = 0; i < iterations; i++) {
		int k = (int)((i + w->id) % CASES);
		outcome o;
		totals t;
		evaluate_one(rules, k, &o);
		total_one(nom, k, &t);
		if (!outcome_eq(&o, &w->eval_seen[k]) || !totals_eq(&t, &w->total_seen[k]))
			w->mismatches++;
		w->done++;
	}
	return NULL;
}

START_TEST(shared_ruleset_same_results)
{
	static worker w[THREADS];
	pthread_t th[THREADS];
	ck_assert_int_eq(pthread_barrier_init(&start, NULL, THREADS), 0);
	for (int i = 0; i < THREADS; i++) {
		memset(&w[i], 0, sizeof(w[i]));
		w[i].id = i;
		ck_assert_int_eq(pthread_create(&th[i], NULL, work, &w[i]), 0);
	}
	for (int i = 0; i < THREADS; i++)
		ck_assert_int_eq(pthread_join(th[i], NULL), 0);
	pthread_barrier_destroy(&start);

	/* single-threaded reference, after the threads (which made the defaults) */
	const inami_ruleset *rules = NULL;
	const inami_nomenclature *nom = NULL;
	outcome ref[CASES];
	totals tref[CASES];
	ck_assert_int_eq(inami_ruleset_default(&rules), INAMI_OK);
	ck_assert_int_eq(inami_nomenclature_default(&nom), INAMI_OK);
	for (int k = 0; k < CASES; k++) {
		evaluate_one(rules, k, &ref[k]);
		total_one(nom, k, &tref[k]);
	}
	/* the reference itself is right: README's demo (docs/sources/physiotherapists.md, Securex 2022,
	 * https://www.securex.be/fr/independants/assurances/votre-pension-statut-inami/prime-inami-pour-kinesitherapeutes)
	 * and 560011 + 560416 = 40 M (docs/sources/physiotherapists.md) */
	ck_assert_int_eq(ref[0].status, INAMI_OK);
	ck_assert_int_eq(ref[0].eligible, 1);
	ck_assert_int_eq(ref[0].amount, 179034);
	ck_assert_int_eq(tref[0].status, INAMI_OK);
	ck_assert_int_eq(tref[0].m, 4000);
	ck_assert_int_eq(ref[CASES - 1].status, INAMI_ENORULES);
	ck_assert_ptr_nonnull(strstr(ref[CASES - 1].message, "2031"));

	for (int i = 0; i < THREADS; i++) {
		ck_assert_int_eq(w[i].setup_status, INAMI_OK);
		ck_assert_int_eq(w[i].done, iterations);
		ck_assert_msg(w[i].mismatches == 0, "thread %d: %ld results differ from its first ones",
			i, w[i].mismatches);
		for (int k = 0; k < CASES; k++) {
			ck_assert_msg(outcome_eq(&w[i].eval_seen[k], &ref[k]),
				"thread %d case %d: evaluation differs from the single-threaded one", i, k);
			ck_assert_msg(totals_eq(&w[i].total_seen[k], &tref[k]),
				"thread %d case %d: totals differ from the single-threaded ones", i, k);
		}
	}
}
END_TEST

int main(int argc, char **argv)
{
	const char *env = getenv("INAMI_THREAD_ITERATIONS");
	const char *arg = argc > 1 ? argv[1] : env;
	if (arg) {
		char *end;
		long n = strtol(arg, &end, 10);
		if (*arg == '\0' || *end != '\0' || n < 1) {
			fprintf(stderr, "check_threads: iterations must be a positive number, not '%s'\n", arg);
			return 2;
		}
		iterations = n;
	}
	printf("check_threads: %d threads x %ld evaluations and totals\n", THREADS, iterations);
	Suite *s = suite_create("threads");
	TCase *tc = tcase_create("shared");
	tcase_set_timeout(tc, 0);   /* no limit: the full run takes minutes under TSan */
	tcase_add_test(tc, shared_ruleset_same_results);
	suite_add_tcase(s, tc);
	return test_run(s);
}
