/* Helpers shared by the Check suites. */
#ifndef INAMI_TEST_UTIL_H
#define INAMI_TEST_UTIL_H

#include <check.h>
#include <inami/inami.h>

/* The embedded default ruleset (fails the test if it does not load). */
const inami_ruleset *test_rules(void);

/* The embedded default nomenclature (fails the test if it does not load). */
const inami_nomenclature *test_nomenclature(void);

/* An input for `profession` and `year` with everything else not given. */
inami_eval_input test_input(const char *profession, int year);

/* Evaluate with the default rules; returns the status, `*out` the result (NULL on error). */
int test_eval(const inami_eval_input *in, int allow_derived, inami_result **out);

/* The check with `id`, or NULL. */
const inami_check *test_find_check(const inami_result *r, const char *id);

/* Provider p of b has exactly one unvalued code: `code`, summed quantity `quantity`, `reason`. */
void test_only_unvalued(inami_billing *b, uint32_t p, int32_t code, int64_t quantity, int32_t reason);

/* Run a suite and return the process exit code. */
int test_run(Suite *s);

#endif
