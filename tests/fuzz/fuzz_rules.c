/*
 * Fuzz target: the rules parser (inami_ruleset_load_buffer), standalone and
 * layered over the embedded default. A ruleset that loads is dumped, the dump
 * reloaded (docs/rules-format.md: loading the dump gives an identical
 * ruleset, so the second dump must equal the first), and evaluated for every
 * profession-year it has, with activity figures taken from the input.
 */
#include <string.h>

#include "fuzz.h"

static void evaluate_all(const inami_ruleset *rules, const uint8_t *data, size_t size)
{
	int years[64];
	for (int p = 1; p <= INAMI_PROFESSION_COUNT; p++) {
		size_t n = 0;
		int rc = inami_rules_years(rules, (inami_profession)p, years, 64, &n);
		if (rc == INAMI_EBUFS)
			n = 64;
		else if (rc != INAMI_OK)
			continue;
		for (size_t i = 0; i < n && i < 64; i++) {
			inami_eval_input in = INAMI_EVAL_INPUT_INIT;
			inami_eval_options opt = INAMI_EVAL_OPTIONS_INIT;
			inami_result *res = NULL;
			size_t k = size ? (i * 7 + (size_t)p) % size : 0;
			int64_t v = size ? (int64_t)data[k] * 37 : 0;
			in.profession = (inami_profession)p;
			in.premium_year = years[i];
			in.prestations = v * 13;
			in.m_values = v * 3100;
			in.r_values = v * 20000;
			in.v_values = v * 500;
			in.reimbursed_cents = v * 1000000;
			in.hours_per_week = (v % 60) * 100;
			in.specialty = "general_practice";
			opt.flags = (i & 1) ? INAMI_EVAL_ALLOW_DERIVED : 0;
			rc = inami_evaluate(rules, &in, &opt, &res);
			if (rc == INAMI_OK) {
				FUZZ_ASSERT(res != NULL);
				(void)inami_result_amount_cents(res);
				for (size_t c = 0; c < inami_result_check_count(res); c++)
					FUZZ_ASSERT(inami_result_check(res, c) != NULL);
			} else {
				FUZZ_FAILED_CLEANLY(rc);
			}
			inami_result_free(res);
			size_t tiers = 0;
			if (inami_rules_tier_count(rules, (inami_profession)p, years[i], &tiers) == INAMI_OK) {
				for (size_t t = 0; t < tiers; t++) {
					inami_tier_info info;
					memset(&info, 0, sizeof(info));
					info.version = INAMI_TIER_INFO_VERSION;
					(void)inami_rules_tier(rules, (inami_profession)p, years[i], t, &info);
				}
			}
		}
	}
}

/* Dump, reload the dump standalone, dump again: both dumps must be equal. */
static void dump_reload(const inami_ruleset *rules)
{
	char *d1 = NULL, *d2 = NULL;
	size_t l1 = 0, l2 = 0;
	inami_ruleset *again = NULL;
	int rc = inami_ruleset_dump(rules, INAMI_PROFESSION_NONE, 0, &d1, &l1);
	if (rc != INAMI_OK) {
		FUZZ_FAILED_CLEANLY(rc);
		return;
	}
	FUZZ_ASSERT(d1 != NULL && strlen(d1) == l1);
	rc = inami_ruleset_load_buffer(&again, NULL, d1, l1, "dump");
	if (rc != INAMI_OK) {
		fprintf(stderr, "the dump does not reload: %s\n--- dump ---\n%s\n", inami_error_last(), d1);
		FUZZ_ASSERT(rc == INAMI_OK);
	}
	rc = inami_ruleset_dump(again, INAMI_PROFESSION_NONE, 0, &d2, &l2);
	FUZZ_ASSERT(rc == INAMI_OK);
	if (l1 != l2 || memcmp(d1, d2, l1) != 0) {
		fprintf(stderr, "--- dump ---\n%s\n--- dump of the reloaded dump ---\n%s\n", d1, d2);
		FUZZ_ASSERT(!"the dump of the reloaded dump differs");
	}
	inami_free(d1);
	inami_free(d2);
	inami_ruleset_free(again);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const inami_ruleset *def = NULL;
	inami_ruleset *rules = NULL;
	int rc;

	/* standalone */
	rc = inami_ruleset_load_buffer(&rules, NULL, (const char *)data, size, "fuzz.rules");
	if (rc == INAMI_OK) {
		FUZZ_ASSERT(rules != NULL);
		FUZZ_ASSERT(inami_ruleset_layer_count(rules) == 1);
		dump_reload(rules);
		evaluate_all(rules, data, size);
		inami_ruleset_free(rules);
	} else {
		FUZZ_ASSERT(rules == NULL);
		FUZZ_FAILED_CLEANLY(rc);
	}

	/* layered over the embedded default */
	FUZZ_ASSERT(inami_ruleset_default(&def) == INAMI_OK);
	rules = NULL;
	rc = inami_ruleset_load_buffer(&rules, def, (const char *)data, size, NULL);
	if (rc == INAMI_OK) {
		FUZZ_ASSERT(rules != NULL);
		FUZZ_ASSERT(inami_ruleset_layer_count(rules) == 2);
		(void)inami_ruleset_layer_name(rules, 1);
		/* the whole default is large: dump and evaluate only the years the layer touches */
		dump_reload(rules);
		evaluate_all(rules, data, size);
		inami_ruleset_free(rules);
	} else {
		FUZZ_ASSERT(rules == NULL);
		FUZZ_FAILED_CLEANLY(rc);
	}
	return 0;
}
