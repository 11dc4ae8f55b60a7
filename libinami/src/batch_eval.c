/*
 * Batch evaluation: per-provider totals (from inami_billing_results()) in,
 * tier, amount, eligibility and what is missing for the next tier out, into
 * caller arrays - one call across a binding boundary for a whole population.
 * An error of one provider goes to its status entry; the batch goes on.
 */
#include <string.h>

#include "error.h"
#include "inami/billing.h"
#include "inami/evaluate.h"

#define MAX_TIERS 16

static void set_defaults(size_t p, int32_t *tier_index, int64_t *amount_cents, int32_t *eligible,
	int64_t *missing_prestations, int64_t *missing_key_value)
{
	if (tier_index)
		tier_index[p] = -1;
	if (amount_cents)
		amount_cents[p] = 0;
	if (eligible)
		eligible[p] = 0;
	if (missing_prestations)
		missing_prestations[p] = -1;
	if (missing_key_value)
		missing_key_value[p] = -1;
}

int inami_billing_evaluate(const inami_ruleset *rules, inami_profession profession,
	int premium_year, unsigned int eval_flags,
	const int64_t *prestations, const int64_t *key_values, const int32_t *in_status, size_t count,
	int32_t *tier_index, int64_t *amount_cents, int32_t *eligible,
	int64_t *missing_prestations, int64_t *missing_key_value, int32_t *status)
{
	INAMI_CHECK_NULL(rules);
	if (eval_flags & ~INAMI_EVAL_ALLOW_DERIVED)
		return inami__fail(INAMI_EINVAL, "unknown evaluation flags 0x%x", eval_flags);
	if (count > 0 && prestations == NULL && key_values == NULL)
		return inami__fail(INAMI_ENULL, "inami_billing_evaluate: give prestations, key_values or both");

	/* The profession-year must exist; its tier ids give the tier indices. */
	size_t ntiers = 0;
	int st = inami_rules_tier_count(rules, profession, premium_year, &ntiers);
	if (st != INAMI_OK)
		return st;
	const char *tier_ids[MAX_TIERS];
	if (ntiers > MAX_TIERS)
		ntiers = MAX_TIERS;
	for (size_t t = 0; t < ntiers; t++) {
		inami_tier_info info;
		memset(&info, 0, sizeof(info));
		info.version = INAMI_TIER_INFO_VERSION;
		st = inami_rules_tier(rules, profession, premium_year, t, &info);
		if (st != INAMI_OK)
			return st;
		tier_ids[t] = info.id;
	}
	inami_key_letter letter = INAMI_KEY_M;
	int has_letter = inami_key_letter_of_profession(profession, &letter) == INAMI_OK;
	inami_measure key_measure = (inami_measure)(INAMI_MEASURE_M_VALUE + (int)letter);
	inami_eval_options options = INAMI_EVAL_OPTIONS_INIT;
	options.flags = eval_flags;

	for (size_t p = 0; p < count; p++) {
		set_defaults(p, tier_index, amount_cents, eligible, missing_prestations, missing_key_value);
		if (in_status && in_status[p] != INAMI_OK) {
			if (status)
				status[p] = in_status[p];
			continue;
		}
		inami_eval_input in = INAMI_EVAL_INPUT_INIT;
		in.profession = profession;
		in.premium_year = premium_year;
		if (prestations)
			in.prestations = prestations[p];
		if (key_values && has_letter) {
			int64_t v = key_values[p];
			if (letter == INAMI_KEY_M)
				in.m_values = v;
			else if (letter == INAMI_KEY_R)
				in.r_values = v;
			else
				in.v_values = v;
		}
		inami_result *res = NULL;
		st = inami_evaluate(rules, &in, &options, &res);
		if (status)
			status[p] = st;
		if (st != INAMI_OK)
			continue;
		const char *tier = inami_result_tier(res);
		for (size_t t = 0; tier && tier_index && t < ntiers; t++)
			if (strcmp(tier, tier_ids[t]) == 0)
				tier_index[p] = (int32_t)t;
		if (amount_cents)
			amount_cents[p] = inami_result_amount_cents(res);
		if (eligible)
			eligible[p] = inami_result_eligible(res);
		for (size_t m = 0; m < inami_result_missing_count(res); m++) {
			inami_measure measure;
			int64_t missing;
			if (inami_result_missing(res, m, &measure, NULL, &missing) != INAMI_OK)
				continue;
			if (measure == INAMI_MEASURE_PRESTATIONS && missing_prestations)
				missing_prestations[p] = missing;
			else if (has_letter && measure == key_measure && missing_key_value)
				missing_key_value[p] = missing;
		}
		inami_result_free(res);
	}
	return INAMI_OK;
}
