/* Looking things up in a ruleset: internal lookups and the public queries of rules.h. */
#include <string.h>

#include "error.h"
#include "rules_model.h"

int inami__rules_check_profession(const inami_ruleset *rs, inami_profession p)
{
	if (inami_profession_id(p) == NULL)
		return inami__fail(INAMI_ENOPROFESSION, "unknown profession %d (known: 1-%d, see inami_profession)",
			(int)p, INAMI_PROFESSION_COUNT);
	if (!rs->professions[p].defined)
		return inami__fail(INAMI_ENORULES, "no rules for profession %s in this ruleset", inami_profession_id(p));
	return INAMI_OK;
}

const amount_set *inami__rules_find_amounts(const inami_ruleset *rs, inami_profession p, int year)
{
	for (size_t i = 0; i < rs->amount_count; i++) {
		if (rs->amounts[i].profession == p && rs->amounts[i].year == year)
			return &rs->amounts[i];
	}
	return NULL;
}

/* The set in force for `year`: the latest `from` not after the year whose range covers it. */
const threshold_set *inami__rules_find_thresholds(const inami_ruleset *rs, inami_profession p, int year)
{
	const threshold_set *best = NULL;

	for (size_t i = 0; i < rs->threshold_count; i++) {
		const threshold_set *t = &rs->thresholds[i];
		if (t->profession != p || t->from > year || (t->to && t->to < year))
			continue;
		if (!best || t->from > best->from || (t->from == best->from && t->to))
			best = t;
	}
	return best;
}

const specialty_threshold *inami__rules_find_specialty(const threshold_set *ts, const char *id)
{
	for (size_t i = 0; i < ts->specialty_count; i++) {
		if (strcmp(ts->specialties[i].id, id) == 0)
			return &ts->specialties[i];
	}
	return NULL;
}

const label3 *inami__rules_find_specialty_label(const inami_ruleset *rs, const char *id)
{
	for (size_t i = 0; i < rs->specialty_count; i++) {
		if (strcmp(rs->specialties[i].id, id) == 0)
			return &rs->specialties[i];
	}
	return NULL;
}

const char *inami__rules_not_found_why(const char *note)
{
	static const char said[] = "NOT FOUND in the sources";

	if (strncmp(note, said, sizeof(said) - 1) == 0) {
		note += sizeof(said) - 1;
		while (*note == ':' || *note == ' ' || *note == ';' || *note == '.')
			note++;
	}
	return note;
}

/* The amounts of a usable year, or an error saying why there are none. */
static int usable_year(const inami_ruleset *rs, inami_profession p, int year, const amount_set **out)
{
	int st;

	INAMI_CHECK_NULL(rs);
	if ((st = inami__rules_check_profession(rs, p)) != INAMI_OK)
		return st;
	const amount_set *as = inami__rules_find_amounts(rs, p, year);
	if (!as)
		return inami__fail(INAMI_ENORULES, "no rules for %s premium year %d", inami_profession_id(p), year);
	if (!as->available) {
		const char *why = inami__rules_not_found_why(as->note);
		return inami__fail(INAMI_ENORULES, "no rules for %s premium year %d: the amounts are NOT FOUND in the sources%s%s",
			inami_profession_id(p), year, why[0] ? " - " : "", why);
	}
	*out = as;
	return INAMI_OK;
}

/* Tier `index` of a usable profession-year, with its amounts. */
static int usable_tier(const inami_ruleset *rs, inami_profession p, int year, size_t index,
	const amount_set **as, const tier_rule **tier)
{
	int st = usable_year(rs, p, year, as);
	if (st != INAMI_OK)
		return st;
	const threshold_set *ts = (*as)->thresholds;
	if (index >= ts->tier_count)
		return inami__fail(INAMI_ERANGE, "tier index %zu out of range (%zu tiers)", index, ts->tier_count);
	*tier = &ts->tiers[index];
	return INAMI_OK;
}

/* The amount of tier `id` in a profession-year, or NULL when the data has none. */
static const amount_item *tier_amount(const amount_set *as, const char *id)
{
	for (size_t i = 0; i < as->count; i++)
		if (strcmp(as->items[i].tier, id) == 0)
			return &as->items[i];
	return NULL;
}

int inami_rules_years(const inami_ruleset *rules, inami_profession profession,
	int *years, size_t cap, size_t *count)
{
	int st;

	INAMI_CHECK_NULL(rules);
	INAMI_CHECK_NULL(count);
	if (cap > 0)
		INAMI_CHECK_NULL(years);
	if ((st = inami__rules_check_profession(rules, profession)) != INAMI_OK)
		return st;
	size_t n = 0;
	/* Amount sets are kept in load order; emit in ascending year order. */
	int last = 0;
	for (;;) {
		int next = 0;
		for (size_t i = 0; i < rules->amount_count; i++) {
			const amount_set *as = &rules->amounts[i];
			if (as->profession == profession && as->available && as->year > last && (!next || as->year < next))
				next = as->year;
		}
		if (!next)
			break;
		if (n < cap)
			years[n] = next;
		n++;
		last = next;
	}
	*count = n;
	if (n > cap)
		return inami__fail(INAMI_EBUFS, "%zu years do not fit in %zu", n, cap);
	return INAMI_OK;
}

int inami_rules_year_status(const inami_ruleset *rules, inami_profession profession,
	int year, int *available, const char **note)
{
	int st;

	INAMI_CHECK_NULL(rules);
	INAMI_CHECK_NULL(available);
	INAMI_CHECK_NULL(note);
	if ((st = inami__rules_check_profession(rules, profession)) != INAMI_OK)
		return st;
	const amount_set *as = inami__rules_find_amounts(rules, profession, year);
	*available = as && as->available;
	if (!as)
		*note = "no rules for this premium year";
	else if (!as->available)
		*note = as->note[0] ? as->note : "NOT FOUND in the sources";
	else
		*note = as->note;
	return INAMI_OK;
}

int inami_figure_init(inami_figure *figure, unsigned int version)
{
	INAMI_CHECK_NULL(figure);
	INAMI_CHECK_VERSION(version, INAMI_FIGURE_VERSION, "inami_figure");
	inami_figure init = INAMI_FIGURE_INIT;
	*figure = init;
	figure->version = version;
	return INAMI_OK;
}

int inami_tier_info_init(inami_tier_info *info, unsigned int version)
{
	INAMI_CHECK_NULL(info);
	INAMI_CHECK_VERSION(version, INAMI_TIER_INFO_VERSION, "inami_tier_info");
	inami_tier_info init = INAMI_TIER_INFO_INIT;
	*info = init;
	info->version = version;
	return INAMI_OK;
}

/*
 * Copy a figure of the model (values in hundredths of every unit) to the
 * caller, in the public unit of `measure` (INAMI_MEASURE_NONE for an amount).
 * The rules parser keeps prestation thresholds whole, so the division is exact.
 */
static int figure_out(inami_figure *out, const inami_figure *model, inami_measure measure)
{
	unsigned int version = out->version;
	int64_t div = measure == INAMI_MEASURE_NONE ? 1 : 100 / inami_measure_scale(measure);

	*out = *model;
	out->version = version;
	out->value /= div;
	out->conflict_value /= div;
	return INAMI_OK;
}

int inami_rules_tier_count(const inami_ruleset *rules, inami_profession profession,
	int year, size_t *count)
{
	const amount_set *as = NULL;
	int st;

	INAMI_CHECK_NULL(count);
	if ((st = usable_year(rules, profession, year, &as)) != INAMI_OK)
		return st;
	*count = as->thresholds->tier_count;
	return INAMI_OK;
}

int inami_rules_thresholds_carried_from(const inami_ruleset *rules, inami_profession profession, int year,
	int *carried_from)
{
	const amount_set *as = NULL;
	int st;

	INAMI_CHECK_NULL(carried_from);
	*carried_from = 0;
	if ((st = usable_year(rules, profession, year, &as)) != INAMI_OK)
		return st;
	if (as->thresholds->carried_to && year > as->thresholds->carried_to)
		*carried_from = as->thresholds->carried_to;
	return INAMI_OK;
}

int inami_rules_tier(const inami_ruleset *rules, inami_profession profession,
	int year, size_t index, inami_tier_info *out)
{
	const amount_set *as = NULL;
	int st;

	INAMI_CHECK_NULL(out);
	INAMI_CHECK_VERSION(out->version, INAMI_TIER_INFO_VERSION, "inami_tier_info");
	const tier_rule *t = NULL;
	if ((st = usable_tier(rules, profession, year, index, &as, &t)) != INAMI_OK)
		return st;
	const amount_item *amount = tier_amount(as, t->id);
	memset((char *)out + sizeof(out->version), 0, sizeof(*out) - sizeof(out->version));
	out->id = t->id;
	out->index = (int)index;
	out->trainee_only = t->trainee_only;
	out->amount_known = amount && amount->known;
	out->amount_year = year;
	out->thresholds_from = as->thresholds->from;
	out->thresholds_to = as->thresholds->to;
	for (int m = 0; m < INAMI_MEASURE_COUNT; m++) {
		if (t->has_min[m] && t->specialty[m]) {
			out->uses_specialty = 1;
			out->specialty_reduced = t->specialty[m] == SPECIALTY_REDUCED;
		}
	}
	return INAMI_OK;
}

int inami_rules_tier_amount(const inami_ruleset *rules, inami_profession profession,
	int year, size_t index, inami_figure *out)
{
	const amount_set *as = NULL;
	int st;

	INAMI_CHECK_NULL(out);
	INAMI_CHECK_VERSION(out->version, INAMI_FIGURE_VERSION, "inami_figure");
	const tier_rule *t = NULL;
	if ((st = usable_tier(rules, profession, year, index, &as, &t)) != INAMI_OK)
		return st;
	const amount_item *amount = tier_amount(as, t->id);
	if (amount && amount->known)
		return figure_out(out, &amount->figure, INAMI_MEASURE_NONE);
	return inami__fail(INAMI_ENORULES, "the amount of tier %s of %s premium year %d is NOT FOUND in the sources",
		t->id, inami_profession_id(profession), year);
}

int inami_rules_tier_threshold(const inami_ruleset *rules, inami_profession profession,
	int year, size_t index, inami_measure measure, const char *specialty, inami_figure *out)
{
	const amount_set *as = NULL;
	int st;

	INAMI_CHECK_NULL(out);
	INAMI_CHECK_VERSION(out->version, INAMI_FIGURE_VERSION, "inami_figure");
	const tier_rule *t = NULL;
	if ((st = usable_tier(rules, profession, year, index, &as, &t)) != INAMI_OK)
		return st;
	const threshold_set *ts = as->thresholds;
	if (inami_measure_id(measure) == NULL)
		return inami__fail(INAMI_EINVAL, "unknown measure %d", (int)measure);
	if (!t->has_min[measure])
		return inami__fail(INAMI_ENOTFOUND, "tier %s of %s %d has no %s criterion", t->id,
			inami_profession_id(profession), year, inami_measure_id(measure));
	if (!t->specialty[measure])
		return figure_out(out, &t->min[measure], measure);
	if (!specialty)
		return inami__fail(INAMI_EINVAL, "tier %s of %s %d depends on the specialty: pass one", t->id,
			inami_profession_id(profession), year);
	if (!inami__rules_find_specialty_label(rules, specialty))
		return inami__fail(INAMI_ENOTFOUND, "unknown specialty '%s' (see 'inami rules specialties')", specialty);
	const specialty_threshold *sp = inami__rules_find_specialty(ts, specialty);
	int reduced = t->specialty[measure] == SPECIALTY_REDUCED;
	if (!sp || !(reduced ? sp->has_reduced : sp->has_full))
		return inami__fail(INAMI_ENORULES, "no %s activity threshold for %s specialty '%s' in premium year %d (NOT FOUND in the sources)",
			reduced ? "reduced" : "full", inami_profession_id(profession), specialty, year);
	return figure_out(out, reduced ? &sp->reduced : &sp->full, measure);
}

int inami_rules_maximum(const inami_ruleset *rules, inami_profession profession,
	int year, inami_measure measure, inami_figure *out)
{
	const amount_set *as = NULL;
	int st;

	INAMI_CHECK_NULL(out);
	INAMI_CHECK_VERSION(out->version, INAMI_FIGURE_VERSION, "inami_figure");
	if ((st = usable_year(rules, profession, year, &as)) != INAMI_OK)
		return st;
	if (inami_measure_id(measure) == NULL)
		return inami__fail(INAMI_EINVAL, "unknown measure %d", (int)measure);
	if (!as->thresholds->has_max[measure])
		return inami__fail(INAMI_ENOTFOUND, "%s %d has no maximum in %s", inami_profession_id(profession),
			year, inami_measure_id(measure));
	return figure_out(out, &as->thresholds->max[measure], measure);
}

const char *inami_rules_profession_label(const inami_ruleset *rules, inami_profession profession,
	inami_lang lang)
{
	if (!rules || inami_profession_id(profession) == NULL || (int)lang < 0 || (int)lang > 2 ||
	    !rules->professions[profession].defined)
		return NULL;
	return rules->professions[profession].label[lang];
}

const char *inami_rules_tier_label(const inami_ruleset *rules, const char *tier_id, inami_lang lang)
{
	if (!rules || !tier_id || (int)lang < 0 || (int)lang > 2)
		return NULL;
	for (size_t i = 0; i < rules->tier_label_count; i++) {
		if (strcmp(rules->tier_labels[i].id, tier_id) == 0 && rules->tier_labels[i].text[lang])
			return rules->tier_labels[i].text[lang];
	}
	return tier_id;
}

size_t inami_rules_specialty_count(const inami_ruleset *rules)
{
	return rules ? rules->specialty_count : 0;
}

int inami_rules_specialty(const inami_ruleset *rules, size_t index, inami_lang lang,
	const char **id, const char **label)
{
	INAMI_CHECK_NULL(rules);
	INAMI_CHECK_NULL(id);
	INAMI_CHECK_NULL(label);
	if (index >= rules->specialty_count)
		return inami__fail(INAMI_ERANGE, "specialty index %zu out of range (%zu specialties)", index,
			rules->specialty_count);
	if ((int)lang < 0 || (int)lang > 2)
		return inami__fail(INAMI_EINVAL, "unknown language %d", (int)lang);
	*id = rules->specialties[index].id;
	*label = rules->specialties[index].text[lang] ? rules->specialties[index].text[lang] : *id;
	return INAMI_OK;
}
