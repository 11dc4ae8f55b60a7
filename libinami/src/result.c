/* The evaluation result: accessors of the opaque inami_result. */
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "result.h"

inami_check *inami__result_add_check(inami_result *r, const char *id, inami_lang lang, inami_check_state state,
	int blocking, const char *detail)
{
	inami_check *c = &r->checks[r->check_count < RESULT_MAX_CHECKS ? r->check_count++ : RESULT_MAX_CHECKS - 1];
	const char *label = inami_check_label(id, lang);

	memset(c, 0, sizeof(*c));
	c->id = id;
	c->state = state;
	c->blocking = blocking;
	c->label = label ? label : id;
	c->detail = detail ? inami__pool_strdup(&r->mem, detail) : "";
	if (!c->detail)
		c->detail = "";
	c->measure = INAMI_MEASURE_NONE;
	c->source = "";
	return c;
}

void inami__result_add_note(inami_result *r, const char *text)
{
	if (!text || r->note_count >= RESULT_MAX_NOTES)
		return;
	for (size_t i = 0; i < r->note_count; i++) {
		if (strcmp(r->notes[i], text) == 0)
			return;
	}
	const char *copy = inami__pool_strdup(&r->mem, text);
	if (copy)
		r->notes[r->note_count++] = copy;
}

void inami_result_free(inami_result *result)
{
	if (!result)
		return;
	inami__pool_free(&result->mem);
	free(result);
}

int inami_result_eligible(const inami_result *r) { return r ? r->eligible : 0; }
int64_t inami_result_amount_cents(const inami_result *r) { return r ? r->amount_cents : 0; }
int64_t inami_result_full_year_cents(const inami_result *r) { return r ? r->full_year_cents : 0; }
int inami_result_months(const inami_result *r) { return r ? r->months : 0; }
const char *inami_result_tier(const inami_result *r) { return r ? r->tier : NULL; }
const char *inami_result_tier_label(const inami_result *r) { return r ? r->tier_label : NULL; }
inami_payee inami_result_payee(const inami_result *r) { return r ? r->payee : INAMI_PAYEE_NONE; }
inami_provenance inami_result_provenance(const inami_result *r) { return r ? r->provenance : INAMI_PROV_NOT_FOUND; }
inami_provenance inami_result_weakest_provenance(const inami_result *r) { return r ? r->weakest : INAMI_PROV_NOT_FOUND; }
const char *inami_result_source(const inami_result *r) { return r && r->source ? r->source : ""; }
int inami_result_amount_year(const inami_result *r) { return r ? r->amount_year : 0; }
int inami_result_thresholds_year(const inami_result *r) { return r ? r->thresholds_year : 0; }
int inami_result_lower_bound(const inami_result *r) { return r ? r->lower_bound : 0; }
size_t inami_result_check_count(const inami_result *r) { return r ? r->check_count : 0; }
size_t inami_result_note_count(const inami_result *r) { return r ? r->note_count : 0; }
const char *inami_result_next_tier(const inami_result *r) { return r ? r->next_tier : NULL; }
int64_t inami_result_next_tier_amount_cents(const inami_result *r) { return r ? r->next_tier_cents : 0; }
size_t inami_result_missing_count(const inami_result *r) { return r ? r->missing_count : 0; }

const inami_check *inami_result_check(const inami_result *r, size_t index)
{
	return r && index < r->check_count ? &r->checks[index] : NULL;
}

const char *inami_result_note(const inami_result *r, size_t index)
{
	return r && index < r->note_count ? r->notes[index] : NULL;
}

int inami_result_missing(const inami_result *r, size_t index, inami_measure *measure,
	int64_t *threshold, int64_t *missing)
{
	INAMI_CHECK_NULL(r);
	if (index >= r->missing_count)
		return inami__fail(INAMI_ERANGE, "missing-measure index %zu out of range (%zu)", index, r->missing_count);
	if (measure)
		*measure = r->missing[index].measure;
	if (threshold)
		*threshold = r->missing[index].threshold;
	if (missing)
		*missing = r->missing[index].missing;
	return INAMI_OK;
}
