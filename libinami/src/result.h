/* Internal: the evaluation result behind the opaque inami_result. */
#ifndef INAMI_RESULT_H
#define INAMI_RESULT_H

#include "inami/evaluate.h"
#include "pool.h"

#define RESULT_MAX_CHECKS 16
#define RESULT_MAX_NOTES 16
#define RESULT_MAX_READINGS 4

typedef struct missing_item {
	inami_measure measure;
	int64_t threshold;  /* in the measure's public unit */
	int64_t missing;
} missing_item;

struct inami_result {
	pool mem;
	int eligible;
	int64_t amount_cents, full_year_cents;
	int months;
	const char *tier, *tier_label;
	inami_payee payee;
	inami_provenance provenance, weakest;
	const char *source;
	int amount_year, thresholds_year;
	int lower_bound;
	inami_check checks[RESULT_MAX_CHECKS];
	size_t check_count;
	const char *notes[RESULT_MAX_NOTES];
	size_t note_count;
	const char *next_tier;
	int64_t next_tier_cents;
	missing_item missing[INAMI_MEASURE_COUNT];
	size_t missing_count;
	inami_reading readings[RESULT_MAX_READINGS];
	size_t reading_count;
	int disputed;
	int carried_from;
};

/* Add a check; the detail is copied. Returns the check (never NULL: the table is sized for every check). */
inami_check *inami__result_add_check(inami_result *r, const char *id, inami_lang lang, inami_check_state state,
	int blocking, const char *detail);
/* Add a note unless the same text is there already. */
void inami__result_add_note(inami_result *r, const char *text);

#endif
