/*
 * Internal: disputed readings and carried thresholds in an evaluation
 * (eval_readings.c). The evaluator applies one reading of each dispute that
 * concerns it; inami_evaluate() then evaluates again under the other reading
 * and records both verdicts in the result.
 */
#ifndef INAMI_EVAL_READINGS_H
#define INAMI_EVAL_READINGS_H

#include "result.h"
#include "rules_model.h"

#define READING_PROFESSION 1u   /* the profession's rule (partial_convention.requires) */
#define READING_THRESHOLDS 2u   /* the tier minimums of the thresholds in force */

typedef struct reading_choice {
	const char *wanted;            /* the caller's reading id, or NULL for the defaults */
	int forced;                    /* 1: `alt` is given (a second evaluation), `wanted` is ignored */
	unsigned alt;                  /* disputes whose alternative reading applies */
	unsigned scope;                /* disputes that concern the evaluation */
	const profession_rules *pr;    /* as in the rules, before any reading */
	const threshold_set *ts;
} reading_choice;

/* INAMI_OK when `id` is NULL or a reading some rule declares; INAMI_EINVAL otherwise. */
int inami__readings_known(const inami_ruleset *rs, const char *id);

/*
 * Choose the readings for `in` and replace *pr and *ts by views under them
 * (copies in the result's pool where the alternative applies).
 */
int inami__readings_apply(inami_result *r, inami_lang lang, const inami_eval_input *in, reading_choice *ch,
	const profession_rules **pr, const threshold_set **ts);

/*
 * Record the readings of dispute `which`: the applied one from `r`, the other
 * from `other` (NULL when that evaluation failed with `other_status`); the
 * note says so in `lang`, tiers named by `rs`.
 */
void inami__readings_record(inami_result *r, const inami_ruleset *rs, inami_lang lang, const reading_choice *ch,
	unsigned which, const inami_result *other, int other_status);

/* Mark `r` as resting on thresholds carried past the last year a source confirms. */
void inami__readings_carried(inami_result *r, inami_lang lang, const threshold_set *ts, int year);

#endif
