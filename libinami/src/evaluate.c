/*
 * Evaluation: input -> eligible?, tier, amount, payee, every check, and what
 * is missing for the next tier. All legal figures come from the ruleset;
 * this file holds only the logic that combines them.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "error.h"
#include "eval_readings.h"
#include "messages_internal.h"
#include "money.h"
#include "result.h"
#include "rules_model.h"

#define TIER_NONE (-1)

/* A text of the message catalogue in the evaluation's language, values printf-style ("year=%d"). */
#define MSG(buf, id, ...) inami__msgf((buf), sizeof(buf), c->lang, (id), __VA_ARGS__)

typedef struct eval_ctx {
	const inami_ruleset *rs;
	const inami_eval_input *in;
	inami_lang lang;
	unsigned flags;
	const profession_rules *pr;
	const threshold_set *ts;
	const amount_set *as;
	inami_result *r;
	int given[INAMI_MEASURE_COUNT];
	int64_t observed[INAMI_MEASURE_COUNT];   /* hundredths of the unit (prestations too) */
	const inami_figure *derived;             /* first DERIVED figure the answer uses */
	const char *derived_what;
	int exempt;                              /* activity thresholds deemed met */
	int blocked;                             /* a blocking check failed */
	int blocked_other;                       /* one other than the minimum activity failed */
	reading_choice ch;                       /* disputed readings (eval_readings.c) */
} eval_ctx;

/* ---- inputs ---- */

int inami_eval_input_init(inami_eval_input *input, unsigned int version)
{
	static const inami_eval_input defaults = INAMI_EVAL_INPUT_INIT;

	INAMI_CHECK_NULL(input);
	INAMI_CHECK_VERSION(version, INAMI_EVAL_INPUT_VERSION, "inami_eval_input");
	*input = defaults;
	return INAMI_OK;
}

int inami_eval_options_init(inami_eval_options *options, unsigned int version)
{
	static const inami_eval_options defaults = INAMI_EVAL_OPTIONS_INIT;

	INAMI_CHECK_NULL(options);
	INAMI_CHECK_VERSION(version, INAMI_EVAL_OPTIONS_VERSION, "inami_eval_options");
	*options = defaults;
	return INAMI_OK;
}

static const char *measure_name(int m)
{
	return inami_measure_id((inami_measure)m);
}

static int take_count(eval_ctx *c, inami_measure m, int64_t v)
{
	if (v == INAMI_UNSET)
		return INAMI_OK;
	if (v < 0)
		return inami__fail(INAMI_ENEGATIVE, "%s must not be negative (%lld)", measure_name(m), (long long)v);
	if (m == INAMI_MEASURE_PRESTATIONS) {
		if (v > INT64_MAX / 100)
			return inami__fail(INAMI_EOVERFLOW, "prestations %lld is too large", (long long)v);
		v *= 100;
	}
	c->given[m] = 1;
	c->observed[m] = v;
	return INAMI_OK;
}

/* A date as printed in details and messages: ISO "YYYY-MM-DD", never the YYYYMMDD integer. */
typedef struct iso_text {
	char s[16];
} iso_text;

static iso_text iso(inami_date d)
{
	iso_text t;
	snprintf(t.s, sizeof(t.s), "%04d-%02d-%02d", (int)(d / 10000) % 10000, (int)(d / 100 % 100), (int)(d % 100));
	return t;
}

static int check_date(inami_date d, const char *what)
{
	if (d == 0)
		return INAMI_OK;
	if (inami_date_check(d) != INAMI_OK)
		return inami__fail(INAMI_EINVAL, "%s %d is not a valid date (YYYYMMDD)", what, (int)d);
	return INAMI_OK;
}

static int validate_input(eval_ctx *c)
{
	const inami_eval_input *in = c->in;
	int st;

	if ((st = take_count(c, INAMI_MEASURE_PRESTATIONS, in->prestations)) != INAMI_OK ||
	    (st = take_count(c, INAMI_MEASURE_M_VALUE, in->m_values)) != INAMI_OK ||
	    (st = take_count(c, INAMI_MEASURE_R_VALUE, in->r_values)) != INAMI_OK ||
	    (st = take_count(c, INAMI_MEASURE_V_VALUE, in->v_values)) != INAMI_OK ||
	    (st = take_count(c, INAMI_MEASURE_REIMBURSED_EUR, in->reimbursed_cents)) != INAMI_OK ||
	    (st = take_count(c, INAMI_MEASURE_HOURS_PER_WEEK, in->hours_per_week)) != INAMI_OK)
		return st;
	if (c->given[INAMI_MEASURE_HOURS_PER_WEEK] && c->observed[INAMI_MEASURE_HOURS_PER_WEEK] > 168 * 100)
		return inami__fail(INAMI_ERANGE, "hours_per_week %lld.%02lld is more than the 168 hours of a week",
			(long long)(in->hours_per_week / 100), (long long)(in->hours_per_week % 100));
	if ((int)in->convention < 0 || (int)in->convention > INAMI_CONVENTION_NONE)
		return inami__fail(INAMI_EINVAL, "convention %d is unknown (full 0, partial 1, none 2)", (int)in->convention);
	if ((int)in->employment < 0 || (int)in->employment > INAMI_EMPLOYMENT_EMPLOYEE)
		return inami__fail(INAMI_EINVAL, "employment %d is unknown", (int)in->employment);
	if (in->contracts < INAMI_UNSET)
		return inami__fail(INAMI_ENEGATIVE, "contracts must not be negative (%d)", in->contracts);
	if ((st = check_date(in->convention_start, "convention_start")) != INAMI_OK ||
	    (st = check_date(in->convention_end, "convention_end")) != INAMI_OK ||
	    (st = check_date(in->first_number, "first_number")) != INAMI_OK)
		return st;
	if (in->convention_start && in->convention_end && in->convention_end < in->convention_start)
		return inami__fail(INAMI_EINVAL, "convention_end %s comes before convention_start %s",
			iso(in->convention_end).s, iso(in->convention_start).s);
	return INAMI_OK;
}

/* ---- figures used ---- */

/* Record that the answer rests on `fig`: provenance, conflicts, DERIVED gate. */
static void use_figure(eval_ctx *c, const inami_figure *fig, const char *what)
{
	char note[1024], text[768];

	if (fig->provenance > c->r->weakest && fig->provenance != INAMI_PROV_NOT_FOUND)
		c->r->weakest = fig->provenance;
	if (fig->provenance == INAMI_PROV_DERIVED && !c->derived) {
		c->derived = fig;
		c->derived_what = what;
	}
	/* `what` is the catalogue id of the figure's name ("figure.amount"); the notes of the data stay as written. */
	if (fig->provenance == INAMI_PROV_DERIVED) {
		if (fig->note[0]) {
			MSG(text, "note.source_text", "text=%s", fig->note);
			MSG(note, "note.derived", "what=%s\nwhy=%s", what, text);
		}
		else
			MSG(note, "note.derived", "what=%s\nwhy=%s", what,
				inami__message_text("note.derived_default", c->lang));
		inami__result_add_note(c->r, note);
	}
	if (fig->provenance == INAMI_PROV_ILLUSTRATIVE) {
		MSG(text, "note.source_text", "text=%s", fig->note);
		MSG(note, "note.illustrative", "what=%s\nwhy=%s%s", what, fig->note[0] ? ": " : "", fig->note[0] ? text : "");
		inami__result_add_note(c->r, note);
	}
	if (fig->has_conflict) {
		MSG(text, "note.source_text", "text=%s", fig->conflict_note);
		MSG(note, "note.conflict", "what=%s\nvalue=%lld\nprovenance=provenance.%s\nsource=%s\nwhy=%s%s", what,
			(long long)fig->conflict_value, inami_provenance_id(fig->conflict_provenance), fig->conflict_source,
			fig->conflict_note[0] ? ": " : "", fig->conflict_note[0] ? text : "");
		inami__result_add_note(c->r, note);
	}
}

/* ---- thresholds ---- */

static int tier_index(const threshold_set *ts, const char *id)
{
	for (size_t i = 0; i < ts->tier_count; i++) {
		if (strcmp(ts->tiers[i].id, id) == 0)
			return (int)i;
	}
	return TIER_NONE;
}

static int tier_has_criteria(const tier_rule *t)
{
	for (int m = 0; m < INAMI_MEASURE_COUNT; m++) {
		if (t->has_min[m])
			return 1;
	}
	return 0;
}

/* The minimum of tier `t` in measure `m` (resolving the doctor's specialty). */
static int tier_min(eval_ctx *c, const tier_rule *t, int m, const inami_figure **out)
{
	if (!t->specialty[m]) {
		*out = &t->min[m];
		return INAMI_OK;
	}
	const specialty_threshold *sp = inami__rules_find_specialty(c->ts, c->in->specialty);
	int reduced = t->specialty[m] == SPECIALTY_REDUCED;
	if (!sp || !(reduced ? sp->has_reduced : sp->has_full))
		return inami__fail(INAMI_ENORULES,
			"no %s activity threshold for %s specialty '%s' in premium year %d (NOT FOUND in the sources)",
			reduced ? "reduced" : "full", inami_profession_id(c->in->profession), c->in->specialty,
			c->in->premium_year);
	*out = reduced ? &sp->reduced : &sp->full;
	return INAMI_OK;
}

/* Is tier `t` reached? `*deciding` gets the criterion that reached it (strongest provenance). */
static int tier_met(eval_ctx *c, const tier_rule *t, int *met, const inami_figure **deciding)
{
	*met = 0;
	*deciding = NULL;
	if (t->trainee_only)
		return INAMI_OK;
	if (c->exempt || !tier_has_criteria(t)) {
		*met = 1;
		return INAMI_OK;
	}
	for (int m = 0; m < INAMI_MEASURE_COUNT; m++) {
		const inami_figure *min;
		int st;
		if (!t->has_min[m] || !c->given[m])
			continue;
		if ((st = tier_min(c, t, m, &min)) != INAMI_OK)
			return st;
		if (c->observed[m] >= min->value) {
			*met = 1;
			if (!*deciding || min->provenance < (*deciding)->provenance)
				*deciding = min;
		}
	}
	return INAMI_OK;
}

static int uses_specialty(const threshold_set *ts)
{
	for (size_t i = 0; i < ts->tier_count; i++) {
		for (int m = 0; m < INAMI_MEASURE_COUNT; m++) {
			if (ts->tiers[i].has_min[m] && ts->tiers[i].specialty[m])
				return 1;
		}
	}
	return 0;
}

/* ---- checks ---- */

static inami_check *add_check(eval_ctx *c, const char *id, inami_check_state state, int blocking,
	const char *detail, const inami_figure *rule)
{
	inami_check *k = inami__result_add_check(c->r, id, c->lang, state, blocking, detail);

	if (rule && rule->source)
		k->source = rule->source;
	k->rule_year = c->ts ? c->ts->from : 0;
	if (state == INAMI_CHECK_FAILED && blocking) {
		c->blocked = 1;
		if (strcmp(id, "minimum_activity") != 0)
			c->blocked_other = 1;
	}
	return k;
}

/* A value of the context (hundredths of every unit) in the public unit of measure m. */
static int64_t in_unit(int m, int64_t hundredths)
{
	return hundredths / (100 / inami_measure_scale((inami_measure)m));
}

static void set_values(inami_check *k, int m, int64_t observed, int64_t threshold)
{
	k->has_values = 1;
	k->measure = (inami_measure)m;
	k->observed = in_unit(m, observed);
	k->threshold = in_unit(m, threshold);
}

static const char *profession_name(eval_ctx *c)
{
	return inami_profession_id(c->in->profession);
}

static void check_convention(eval_ctx *c)
{
	const char *conv = c->in->convention == INAMI_CONVENTION_FULL ? "convention.full" :
		c->in->convention == INAMI_CONVENTION_PARTIAL ? "convention.partial" : "convention.none";
	char d[512];

	MSG(d, "detail.conventioned", "convention=%s", conv);
	add_check(c, "conventioned", c->in->convention == INAMI_CONVENTION_NONE ? INAMI_CHECK_FAILED : INAMI_CHECK_HELD,
		1, d, &c->pr->convention);
}

/* The tier names a partial-conventioning text needs: ids and labels in the evaluation's language. */
static void partial_text(eval_ctx *c, const char *id, char *d, size_t size)
{
	inami__msgf(d, size, c->lang, id, "tier_id=%s\nrequires_id=%s\ntier=%s\nrequires=%s", c->pr->partial_tier,
		c->pr->partial_requires, inami_rules_tier_label(c->rs, c->pr->partial_tier, c->lang),
		inami_rules_tier_label(c->rs, c->pr->partial_requires, c->lang));
}

static int check_partial(eval_ctx *c)
{
	char d[512];

	if (c->in->convention != INAMI_CONVENTION_PARTIAL)
		return INAMI_OK;
	switch (c->pr->partial) {
	case PARTIAL_NONE:
		return inami__fail(INAMI_EINVAL, "partial conventioning does not exist for %s (give full or none)",
			profession_name(c));
	case PARTIAL_SAME:
		MSG(d, "detail.partial_convention.same", "%s", "");
		add_check(c, "partial_convention", INAMI_CHECK_HELD, 0, d, &c->pr->partial_fig);
		break;
	case PARTIAL_TIER:
		partial_text(c, "detail.partial_convention.tier", d, sizeof(d));
		add_check(c, "partial_convention", INAMI_CHECK_HELD, 0, d, &c->pr->partial_fig);
		break;
	}
	return INAMI_OK;
}

/* Whole year, or pro rata by complete months in the year of the first INAMI number. */
static void check_whole_year(eval_ctx *c)
{
	const inami_eval_input *in = c->in;
	int year = in->premium_year;
	inami_date start = 0;
	char d[512];

	c->r->months = 12;
	if (in->first_number && INAMI_DATE_YEAR(in->first_number) > year) {
		MSG(d, "detail.whole_year.number_after", "date=%d\nyear=%d", (int)in->first_number, year);
		add_check(c, "whole_year", INAMI_CHECK_FAILED, 1, d, &c->pr->convention);
		return;
	}
	if (in->first_number && INAMI_DATE_YEAR(in->first_number) == year)
		start = in->first_number;
	if (in->convention_start && INAMI_DATE_YEAR(in->convention_start) > year) {
		MSG(d, "detail.whole_year.start_after", "date=%d\nyear=%d", (int)in->convention_start, year);
		add_check(c, "whole_year", INAMI_CHECK_FAILED, 1, d, &c->pr->convention);
		return;
	}
	if (in->convention_start && INAMI_DATE_YEAR(in->convention_start) == year &&
	    in->convention_start != (inami_date)(year * 10000 + 101)) {
		if (!start) {
			MSG(d, "detail.whole_year.mid_year", "date=%d", (int)in->convention_start);
			add_check(c, "whole_year", INAMI_CHECK_FAILED, 1, d, &c->pr->convention);
			return;
		}
		if (in->convention_start > start)
			start = in->convention_start;
	}
	if (in->convention_end && (INAMI_DATE_YEAR(in->convention_end) < year ||
	    (INAMI_DATE_YEAR(in->convention_end) == year && in->convention_end != (inami_date)(year * 10000 + 1231)))) {
		MSG(d, "detail.whole_year.ended", "year=%d\ndate=%d", year, (int)in->convention_end);
		add_check(c, "whole_year", INAMI_CHECK_FAILED, 1, d, &c->pr->convention);
		return;
	}
	if (!start) {
		MSG(d, "detail.whole_year.whole", "%s", "");
		add_check(c, "whole_year", in->convention_start || in->convention_end || in->first_number ?
			INAMI_CHECK_HELD : INAMI_CHECK_ASSUMED, 1, d, &c->pr->convention);
		return;
	}
	c->r->months = inami__complete_months_from(start);
	MSG(d, "detail.whole_year.pro_rata", "date=%d\nmonths=%d", (int)in->first_number, c->r->months);
	if (c->r->months == 0) {
		add_check(c, "whole_year", INAMI_CHECK_FAILED, 1, d, &c->pr->pro_rata);
		return;
	}
	add_check(c, "whole_year", INAMI_CHECK_HELD, 1, d, &c->pr->pro_rata);
}

static void check_employment(eval_ctx *c)
{
	static const char *const names[] = { "employment.unspecified", "employment.main",
		"employment.complementary", "employment.employee" };
	char d[512];

	if (!c->pr->employment_required)
		return;
	inami_check_state s = c->in->employment == INAMI_EMPLOYMENT_UNSPECIFIED ? INAMI_CHECK_ASSUMED :
		c->in->employment == INAMI_EMPLOYMENT_SELF_EMPLOYED_MAIN ? INAMI_CHECK_HELD : INAMI_CHECK_FAILED;
	MSG(d, "detail.employment", "profession=%s\ngiven=%s",
		inami_rules_profession_label(c->rs, c->in->profession, c->lang), names[c->in->employment]);
	add_check(c, "employment", s, 1, d, &c->pr->employment_fig);
}

static void check_sanction(eval_ctx *c)
{
	char d[256];

	if (!c->pr->has_sanction)
		return;
	MSG(d, c->in->sanctioned ? "detail.no_sanction.sanctioned" : "detail.no_sanction.none", "%s", "");
	add_check(c, "no_sanction", c->in->sanctioned ? INAMI_CHECK_FAILED : INAMI_CHECK_HELD, 1, d, &c->pr->sanction_fig);
}

/* Retired providers: the convention advantage (avantage de convention), paid to their bank account. */
static int check_retirement(eval_ctx *c)
{
	const profession_rules *pr = c->pr;
	char d[512];

	if (!c->in->retired) {
		c->r->payee = INAMI_PAYEE_INSURANCE_CONTRACT;
		MSG(d, "detail.retirement.working", "%s", "");
		add_check(c, "retirement", INAMI_CHECK_HELD, 0, d, &pr->retired_fig);
		return INAMI_OK;
	}
	if (pr->retired_from && c->in->premium_year < pr->retired_from) {
		c->r->payee = INAMI_PAYEE_INSURANCE_CONTRACT;
		MSG(d, "detail.retirement.before", "year=%d", pr->retired_from);
		add_check(c, "retirement", INAMI_CHECK_HELD, 0, d, &pr->retired_fig);
		return INAMI_OK;
	}
	if (pr->retired == RETIRED_NOT_FOUND)
		return inami__fail(INAMI_ENORULES, "the convention advantage of retired %ss is NOT FOUND in the sources%s%s",
			profession_name(c), pr->retired_fig.note[0] ? ": " : "", pr->retired_fig.note);
	c->r->payee = INAMI_PAYEE_BANK_ACCOUNT;
	MSG(d, "detail.retirement.bank", "%s", "");
	add_check(c, "retirement", INAMI_CHECK_ACTION, 0, d, &pr->retired_fig);
	use_figure(c, &pr->retired_fig, "figure.retired");
	return INAMI_OK;
}

/* Doctors in training and in their first years are exempt from the activity threshold. */
static void check_exemption(eval_ctx *c)
{
	const profession_rules *pr = c->pr;
	char d[512];
	int has_thresholds = 0;

	for (size_t i = 0; i < c->ts->tier_count; i++)
		has_thresholds |= tier_has_criteria(&c->ts->tiers[i]);
	if (!has_thresholds || (!pr->trainee_exempt && !pr->has_exempt_years))
		return;
	if (c->in->trainee && pr->trainee_exempt) {
		c->exempt = 1;
		MSG(d, "detail.threshold_exemption.trainee", "%s", "");
		add_check(c, "threshold_exemption", INAMI_CHECK_HELD, 0, d, &pr->trainee_fig);
		return;
	}
	if (pr->has_exempt_years && c->in->first_number) {
		int years = (int)(pr->exempt_years.value / 100);
		int first = INAMI_DATE_YEAR(c->in->first_number);
		if (c->in->premium_year - first < years) {
			c->exempt = 1;
			MSG(d, "detail.threshold_exemption.first_years", "first=%d\nyears=%d", first, years);
			add_check(c, "threshold_exemption", INAMI_CHECK_HELD, 0, d, &pr->exempt_years);
			use_figure(c, &pr->exempt_years, "figure.first_years");
			return;
		}
	}
	MSG(d, "detail.threshold_exemption.none", "%s", "");
	add_check(c, "threshold_exemption", INAMI_CHECK_NOT_APPLICABLE, 0, d, &pr->exempt_years);
}

static void check_maximum(eval_ctx *c)
{
	char d[512];

	for (int m = 0; m < INAMI_MEASURE_COUNT; m++) {
		if (!c->ts->has_max[m] || !c->given[m])
			continue;
		const inami_figure *max = &c->ts->max[m];
		int over = c->observed[m] > max->value;
		MSG(d, over ? "detail.maximum_activity.above" : "detail.maximum_activity.within",
			"measure=measure.%s\nobserved=%lld\nmax=%lld", measure_name(m), (long long)c->observed[m],
			(long long)max->value);
		inami_check *k = add_check(c, "maximum_activity", over ? INAMI_CHECK_FAILED : INAMI_CHECK_HELD, 1, d, max);
		set_values(k, m, c->observed[m], max->value);
		if (over)
			use_figure(c, max, "figure.activity_maximum");
	}
}

static void check_contract(eval_ctx *c)
{
	char d[512];
	int n = c->in->contracts;

	if (!c->pr->has_contract || c->r->payee != INAMI_PAYEE_INSURANCE_CONTRACT)
		return;
	if (n == INAMI_UNSET) {
		MSG(d, "detail.contract.unknown", "%s", "");
		add_check(c, "contract", INAMI_CHECK_ASSUMED, 1, d, &c->pr->contract_fig);
	} else if (n == 0) {
		MSG(d, "detail.contract.none", "%s", "");
		add_check(c, "contract", INAMI_CHECK_FAILED, 1, d, &c->pr->contract_fig);
	} else if (n == 1) {
		MSG(d, "detail.contract.one", "%s", "");
		add_check(c, "contract", INAMI_CHECK_HELD, 1, d, &c->pr->contract_fig);
	} else {
		MSG(d, "detail.contract.several", "count=%d", n);
		add_check(c, "contract", INAMI_CHECK_ACTION, 0, d, &c->pr->contract_fig);
	}
}

/* Append `part` to the list in `d` (length `*len`) with the language's separator. */
static void join_part(eval_ctx *c, char *d, size_t size, size_t *len, const char *part)
{
	char joined[768];

	if (*len == 0) {
		*len = (size_t)snprintf(d, size, "%s", part);
		return;
	}
	MSG(joined, "detail.minimum_activity.join", "first=%s\nnext=%s", d, part);
	*len = (size_t)snprintf(d, size, "%s", joined);
}

/* The explanation of the minimum-activity check: each measure against the lowest tier. */
static int check_minimum(eval_ctx *c, int reached, int lowest)
{
	char d[768], part[256];
	size_t len = 0;
	int best_m = -1;
	int64_t best_obs = 0, best_min = 0;
	int st;

	/* Compared with the tier that decides: the one reached, the one partial
	 * conventioning requires, or else the lowest. */
	if (c->in->convention == INAMI_CONVENTION_PARTIAL && c->pr->partial == PARTIAL_TIER)
		lowest = tier_index(c->ts, c->pr->partial_requires);
	else if (reached != TIER_NONE)
		lowest = reached;
	const tier_rule *low = &c->ts->tiers[lowest];

	d[0] = '\0';
	if (!tier_has_criteria(low)) {
		MSG(d, "detail.minimum_activity.no_threshold", "%s", "");
		add_check(c, "minimum_activity", INAMI_CHECK_NOT_APPLICABLE, 0, d, NULL);
		return INAMI_OK;
	}
	if (c->exempt) {
		MSG(d, "detail.minimum_activity.exempt", "%s", "");
		add_check(c, "minimum_activity", INAMI_CHECK_NOT_APPLICABLE, 0, d, NULL);
		return INAMI_OK;
	}
	for (int m = 0; m < INAMI_MEASURE_COUNT; m++) {
		const inami_figure *min;
		if (!low->has_min[m])
			continue;
		if ((st = tier_min(c, low, m, &min)) != INAMI_OK)
			return st;
		if (c->given[m]) {
			MSG(part, c->observed[m] >= min->value ? "detail.minimum_activity.reached" : "detail.minimum_activity.below",
				"measure=measure.%s\nobserved=%lld\nmin=%lld", measure_name(m), (long long)c->observed[m],
				(long long)min->value);
			join_part(c, d, sizeof(d), &len, part);
			/* Report the measure closest to (or furthest above) its minimum. */
			if (best_m < 0 || (double)c->observed[m] / (double)(min->value ? min->value : 1) >
			    (double)best_obs / (double)(best_min ? best_min : 1)) {
				best_m = m;
				best_obs = c->observed[m];
				best_min = min->value;
			}
		} else {
			MSG(part, "detail.minimum_activity.not_given", "measure=measure.%s\nmin=%lld", measure_name(m),
				(long long)min->value);
			join_part(c, d, sizeof(d), &len, part);
		}
	}
	MSG(part, "detail.minimum_activity.tier", "tier_id=%s\ntier=%s", low->id,
		inami_rules_tier_label(c->rs, low->id, c->lang));
	if (len < sizeof(d))
		snprintf(d + len, sizeof(d) - len, " %s", part);
	inami_check_state s = reached != TIER_NONE ? INAMI_CHECK_HELD : INAMI_CHECK_FAILED;
	inami_check *k = add_check(c, "minimum_activity", s, 1, d, NULL);
	if (best_m >= 0) {
		const inami_figure *min;
		tier_min(c, low, best_m, &min);
		k->source = min->source;
		set_values(k, best_m, best_obs, best_min);
	}
	if (s == INAMI_CHECK_FAILED && c->in->convention == INAMI_CONVENTION_PARTIAL && c->pr->partial == PARTIAL_TIER) {
		char extra[512];
		partial_text(c, "note.partial_needs", extra, sizeof(extra));
		inami__result_add_note(c->r, extra);
	}
	return INAMI_OK;
}

/* ---- tiers ---- */

/* Highest tier reached, honouring partial conventioning and trainees. */
static int find_tier(eval_ctx *c, int *reached, const inami_figure **deciding, int *lowest)
{
	const threshold_set *ts = c->ts;
	int st, met;
	const inami_figure *dec;

	*reached = TIER_NONE;
	*deciding = NULL;
	*lowest = TIER_NONE;
	for (size_t i = 0; i < ts->tier_count; i++) {
		if (!ts->tiers[i].trainee_only && *lowest == TIER_NONE)
			*lowest = (int)i;
	}
	if (c->in->trainee && c->pr->trainee_tier) {
		int t = tier_index(ts, c->pr->trainee_tier);
		if (t != TIER_NONE) {
			*reached = t;
			char d[512];
			MSG(d, "detail.threshold_exemption.trainee_tier", "%s", "");
			add_check(c, "threshold_exemption", INAMI_CHECK_HELD, 0, d, &c->pr->trainee_fig);
			c->exempt = 1;
			return INAMI_OK;
		}
	}
	if (c->in->convention == INAMI_CONVENTION_PARTIAL && c->pr->partial == PARTIAL_TIER) {
		int req = tier_index(ts, c->pr->partial_requires);
		if ((st = tier_met(c, &ts->tiers[req], &met, &dec)) != INAMI_OK)
			return st;
		if (met) {
			*reached = tier_index(ts, c->pr->partial_tier);
			*deciding = dec;
		}
		return INAMI_OK;
	}
	/* From the top down: a lower tier's threshold is not needed once a higher one is reached. */
	for (size_t i = ts->tier_count; i-- > 0;) {
		if ((st = tier_met(c, &ts->tiers[i], &met, &dec)) != INAMI_OK)
			return st;
		if (met) {
			*reached = (int)i;
			*deciding = dec;
			break;
		}
	}
	return INAMI_OK;
}

static const amount_item *amount_of(const amount_set *as, const char *tier)
{
	for (size_t i = 0; i < as->count; i++) {
		if (strcmp(as->items[i].tier, tier) == 0)
			return &as->items[i];
	}
	return NULL;
}

/* The next tier and what is missing in each of its measures. */
static int compute_next(eval_ctx *c, int reached)
{
	const threshold_set *ts = c->ts;
	int next = TIER_NONE, req = TIER_NONE;
	int st;

	if (reached != TIER_NONE && ts->tiers[reached].trainee_only)
		return INAMI_OK;
	if (c->in->convention == INAMI_CONVENTION_PARTIAL && c->pr->partial == PARTIAL_TIER) {
		if (reached != TIER_NONE)
			return INAMI_OK;
		next = tier_index(ts, c->pr->partial_tier);
		req = tier_index(ts, c->pr->partial_requires);
	} else {
		for (size_t i = (size_t)(reached + 1); i < ts->tier_count && next == TIER_NONE; i++) {
			if (!ts->tiers[i].trainee_only)
				next = (int)i;
		}
		req = next;
	}
	if (next == TIER_NONE)
		return INAMI_OK;
	const amount_item *it = amount_of(c->as, ts->tiers[next].id);
	c->r->next_tier = ts->tiers[next].id;
	c->r->next_tier_cents = it && it->known ? it->figure.value : 0;
	if (c->exempt)
		return INAMI_OK;
	for (int m = 0; m < INAMI_MEASURE_COUNT; m++) {
		const inami_figure *min;
		if (!ts->tiers[req].has_min[m])
			continue;
		if ((st = tier_min(c, &ts->tiers[req], m, &min)) != INAMI_OK)
			return st;
		missing_item *mi = &c->r->missing[c->r->missing_count++];
		int64_t obs = c->given[m] ? c->observed[m] : 0;
		mi->measure = (inami_measure)m;
		mi->threshold = in_unit(m, min->value);
		mi->missing = obs >= min->value ? 0 : in_unit(m, min->value - obs);
	}
	return INAMI_OK;
}

/* Round half up to the cent: amount * months / 12. */
static int64_t pro_rata(int64_t cents, int months)
{
	return (cents * months + 6) / 12;
}

static int find_rules(eval_ctx *c)
{
	const inami_eval_input *in = c->in;
	int st;

	if ((st = inami__rules_check_profession(c->rs, in->profession)) != INAMI_OK)
		return st;
	c->pr = &c->rs->professions[in->profession];
	c->as = inami__rules_find_amounts(c->rs, in->profession, in->premium_year);
	if (!c->as) {
		size_t n = 0;
		int years[256];
		inami_rules_years(c->rs, in->profession, years, 256, &n);
		if (n == 0)
			return inami__fail(INAMI_ENORULES, "no rules for %s premium year %d", profession_name(c), in->premium_year);
		return inami__fail(INAMI_ENORULES, "no rules for %s premium year %d (years with amounts: %d to %d, see 'inami rules list')",
			profession_name(c), in->premium_year, years[0], years[n > 256 ? 255 : n - 1]);
	}
	if (!c->as->available) {
		const char *why = inami__rules_not_found_why(c->as->note);
		return inami__fail(INAMI_ENORULES, "no rules for %s premium year %d: the amounts are NOT FOUND in the sources%s%s",
			profession_name(c), in->premium_year, why[0] ? " - " : "", why);
	}
	c->ts = c->as->thresholds;
	if (uses_specialty(c->ts) && !(in->trainee && (c->pr->trainee_exempt || c->pr->trainee_tier))) {
		if (!in->specialty)
			return inami__fail(INAMI_EINVAL, "the activity threshold of a %s in premium year %d depends on the specialty: "
				"give one (see 'inami rules specialties')", profession_name(c), in->premium_year);
		if (!inami__rules_find_specialty_label(c->rs, in->specialty))
			return inami__fail(INAMI_ENOTFOUND, "unknown specialty '%s' (see 'inami rules specialties')", in->specialty);
	}
	return INAMI_OK;
}

/* Measures given that the profession does not count are noted, not used. */
static void note_unused_measures(eval_ctx *c)
{
	char note[256];

	for (int m = 0; m < INAMI_MEASURE_COUNT; m++) {
		if (c->given[m] && !(c->pr->measures & (1u << m))) {
			MSG(note, "note.unused_measure", "measure=measure.%s\nprofession=%s", measure_name(m),
				inami_rules_profession_label(c->rs, c->in->profession, c->lang));
			inami__result_add_note(c->r, note);
			c->given[m] = 0;
		}
	}
}

static int need_activity(eval_ctx *c)
{
	for (size_t i = 0; i < c->ts->tier_count; i++) {
		if (tier_has_criteria(&c->ts->tiers[i]))
			goto has_criteria;
	}
	return INAMI_OK;
has_criteria:
	if (c->exempt)
		return INAMI_OK;
	for (int m = 0; m < INAMI_MEASURE_COUNT; m++) {
		if (c->given[m])
			return INAMI_OK;
	}
	char list[160] = "";
	size_t len = 0;
	for (int m = 0; m < INAMI_MEASURE_COUNT; m++) {
		if (c->pr->measures & (1u << m))
			len += (size_t)snprintf(list + len, len < sizeof(list) ? sizeof(list) - len : 0, "%s%s", len ? ", " : "",
				measure_name(m));
	}
	return inami__fail(INAMI_EINVAL, "%s premium year %d has activity thresholds: give the activity (%s)",
		profession_name(c), c->in->premium_year, list);
}

static int evaluate(eval_ctx *c)
{
	int st, reached, lowest;
	const inami_figure *deciding;
	inami_result *r = c->r;

	if ((st = find_rules(c)) != INAMI_OK)
		return st;
	if ((st = inami__readings_apply(r, c->lang, c->in, &c->ch, &c->pr, &c->ts)) != INAMI_OK)
		return st;
	note_unused_measures(c);
	r->amount_year = c->in->premium_year;
	r->thresholds_year = c->ts->from;
	check_convention(c);
	if ((st = check_partial(c)) != INAMI_OK)
		return st;
	check_whole_year(c);
	check_employment(c);
	check_sanction(c);
	if ((st = check_retirement(c)) != INAMI_OK)
		return st;
	if (c->in->trainee && c->pr->trainee_tier && tier_index(c->ts, c->pr->trainee_tier) != TIER_NONE)
		c->exempt = 1;   /* the trainee tier has no activity criterion */
	else
		check_exemption(c);
	if ((st = need_activity(c)) != INAMI_OK)
		return st;
	if ((st = find_tier(c, &reached, &deciding, &lowest)) != INAMI_OK)
		return st;
	if (lowest != TIER_NONE && !(reached != TIER_NONE && c->ts->tiers[reached].trainee_only) &&
	    (st = check_minimum(c, reached, lowest)) != INAMI_OK)
		return st;
	check_maximum(c);
	check_contract(c);
	if ((st = compute_next(c, reached)) != INAMI_OK)
		return st;

	if (reached == TIER_NONE && c->ts->minimums_reduced) {
		char note[512];
		r->lower_bound = 1;
		MSG(note, "note.lower_bound", "why=%s", c->ts->minimums_reduced);
		inami__result_add_note(r, note);
	}
	if (reached == TIER_NONE && !c->blocked_other && c->ts->incomplete)
		return inami__fail(INAMI_ENORULES, "%s premium year %d: activity below the known tiers, and %s",
			profession_name(c), c->in->premium_year, c->ts->incomplete);
	if (reached == TIER_NONE && !c->blocked && lowest != TIER_NONE) {
		/* The answer "not eligible" rests on the lowest tier's thresholds. */
		const tier_rule *low = &c->ts->tiers[lowest];
		for (int m = 0; m < INAMI_MEASURE_COUNT; m++) {
			const inami_figure *min;
			if (low->has_min[m] && c->given[m] && tier_min(c, low, m, &min) == INAMI_OK)
				use_figure(c, min, "figure.activity_threshold");
		}
	}
	if (reached != TIER_NONE && !c->blocked) {
		const tier_rule *t = &c->ts->tiers[reached];
		const amount_item *it = amount_of(c->as, t->id);
		if (!it || !it->known)
			return inami__fail(INAMI_ENORULES, "the amount of tier '%s' for %s premium year %d is NOT FOUND in the sources",
				t->id, profession_name(c), c->in->premium_year);
		if (deciding)
			use_figure(c, deciding, "figure.activity_threshold");
		use_figure(c, &it->figure, "figure.amount");
		if (it->figure.note[0]) {
			char note[1024];
			MSG(note, "note.about_amount", "why=%s", it->figure.note);
			inami__result_add_note(r, note);
		}
		if (r->months < 12)
			use_figure(c, &c->pr->pro_rata, "figure.pro_rata");
		r->eligible = 1;
		r->tier = t->id;
		r->tier_label = inami_rules_tier_label(c->rs, t->id, c->lang);
		if (it->figure.value > INT64_MAX / 12)
			return inami__fail(INAMI_EOVERFLOW, "the amount of tier '%s' for %s premium year %d is too large",
				t->id, profession_name(c), c->in->premium_year);
		r->full_year_cents = it->figure.value;
		r->amount_cents = pro_rata(it->figure.value, r->months);
		r->provenance = it->figure.provenance;
		r->source = it->figure.source;
	}
	if (!r->eligible)
		r->payee = INAMI_PAYEE_NONE;
	if (c->derived && !(c->flags & INAMI_EVAL_ALLOW_DERIVED))
		return inami__fail(INAMI_EDERIVED, "%s for %s premium year %d is DERIVED, an estimate not read in any source (%s); "
			"allow DERIVED figures (--allow-derived) to use it", inami__message_text(c->derived_what, INAMI_LANG_EN),
			profession_name(c),
			c->in->premium_year, c->derived->note[0] ? c->derived->note : "computed from other figures");
	return INAMI_OK;
}

/* One evaluation under the readings of `ch`. */
static int run(const inami_ruleset *rules, const inami_eval_input *input, inami_lang lang, unsigned flags,
	reading_choice *ch, inami_result **out)
{
	eval_ctx c;
	int st;

	memset(&c, 0, sizeof(c));
	c.rs = rules;
	c.in = input;
	c.lang = lang;
	c.flags = flags;
	c.ch = *ch;
	if ((st = validate_input(&c)) != INAMI_OK)
		return st;
	c.r = calloc(1, sizeof(*c.r));
	if (!c.r)
		return inami__fail(INAMI_ENOMEM, "out of memory");
	inami__pool_init(&c.r->mem);
	c.r->provenance = INAMI_PROV_NOT_FOUND;
	c.r->weakest = INAMI_PROV_OFFICIAL;
	c.r->source = "";
	if ((st = evaluate(&c)) != INAMI_OK) {
		inami_result_free(c.r);
		return st;
	}
	if (!c.exempt)
		inami__readings_carried(c.r, lang, c.ts, input->premium_year);
	*ch = c.ch;
	*out = c.r;
	return INAMI_OK;
}

int inami_evaluate(const inami_ruleset *rules, const inami_eval_input *input,
	const inami_eval_options *options, inami_result **out)
{
	return inami_evaluate_reading(rules, input, options, NULL, out);
}

int inami_evaluate_reading(const inami_ruleset *rules, const inami_eval_input *input,
	const inami_eval_options *options, const char *reading, inami_result **out)
{
	static const inami_eval_options defaults = INAMI_EVAL_OPTIONS_INIT;
	reading_choice ch;
	int st;

	INAMI_CHECK_NULL(out);
	*out = NULL;
	INAMI_CHECK_NULL(rules);
	INAMI_CHECK_NULL(input);
	INAMI_CHECK_VERSION(input->version, INAMI_EVAL_INPUT_VERSION, "inami_eval_input");
	if (!options)
		options = &defaults;
	INAMI_CHECK_VERSION(options->version, INAMI_EVAL_OPTIONS_VERSION, "inami_eval_options");
	if ((int)options->lang < 0 || (int)options->lang > 2)
		return inami__fail(INAMI_EINVAL, "unknown language %d", (int)options->lang);
	if (options->flags & ~INAMI_EVAL_ALLOW_DERIVED)
		return inami__fail(INAMI_EINVAL, "unknown evaluation flags 0x%x", options->flags & ~INAMI_EVAL_ALLOW_DERIVED);
	memset(&ch, 0, sizeof(ch));
	ch.wanted = reading;
	if ((st = inami__readings_known(rules, ch.wanted)) != INAMI_OK)
		return st;
	if ((st = run(rules, input, options->lang, options->flags, &ch, out)) != INAMI_OK)
		return st;
	/* Each dispute that concerns the evaluation: the verdict under its other reading too. */
	for (unsigned which = READING_PROFESSION; which <= READING_THRESHOLDS; which <<= 1) {
		if (!(ch.scope & which))
			continue;
		reading_choice other = ch;
		inami_result *o = NULL;
		other.forced = 1;
		other.alt = ch.alt ^ which;
		int ost = run(rules, input, options->lang, options->flags | INAMI_EVAL_ALLOW_DERIVED, &other, &o);
		inami__readings_record(*out, rules, options->lang, &ch, which, o, ost);
		inami_result_free(o);
	}
	inami_error_clear();
	return INAMI_OK;
}
