/*
 * A provider's billing software asks libinami what a physiotherapist with
 * 2,299 prestations in 2022 receives, and what is missing for the next tier.
 *
 *   cc example.c $(pkg-config --cflags --libs inami) -o example
 */
#include <stdio.h>

#include <inami/inami.h>

int main(void)
{
	const inami_ruleset *rules;
	inami_eval_input in = INAMI_EVAL_INPUT_INIT;
	inami_result *res;
	char euros[32];

	if (inami_ruleset_default(&rules) != INAMI_OK) {
		fprintf(stderr, "%s\n", inami_error_last());
		return 1;
	}
	in.profession = INAMI_PHYSIOTHERAPIST;
	in.premium_year = 2022;
	in.prestations = 2299;
	if (inami_evaluate(rules, &in, NULL, &res) != INAMI_OK) {
		fprintf(stderr, "%s\n", inami_error_last());
		return 1;
	}
	inami_euros_format(inami_result_amount_cents(res), euros, sizeof(euros));
	printf("eligible: %s, tier: %s, amount: EUR %s\n", inami_result_eligible(res) ? "yes" : "no",
		inami_result_tier(res) ? inami_result_tier(res) : "-", euros);
	for (size_t i = 0; i < inami_result_missing_count(res); i++) {
		inami_measure m;
		int64_t missing;
		char text[32];
		inami_result_missing(res, i, &m, NULL, &missing);
		inami_measure_format(m, missing, text, sizeof(text));   /* 150 in hundredths is "1.5" */
		printf("next tier '%s': %s more %s\n", inami_result_next_tier(res), text, inami_measure_id(m));
	}
	inami_result_free(res);
	return 0;
}
