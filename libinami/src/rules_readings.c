/*
 * Rules files: disputed readings and carried thresholds.
 *
 * A section that keeps one reading of a disputed rule declares it:
 *
 *   reading.default = ID              the reading its values follow
 *   reading.alternative = ID          the reading its KEY.conflict values follow
 *   reading.alternative.note = TEXT   optional: what the other reading says
 *   reading.reason = TEXT             why the default is the default
 *
 * In a [thresholds] section the alternative reading replaces every tier
 * minimum and maximum that has a `.conflict`; in a [profession] section it
 * replaces `partial_convention.requires` by the tier of
 * `partial_convention.requires.conflict = TIER | PROVENANCE | SOURCE [| NOTE]`.
 *
 * A [thresholds] section whose figures no source confirms after some year
 * says so: `carried.confirmed_to = YEAR` (with `carried.confirmed_to.note`).
 */
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "money.h"
#include "rules_model.h"

static const char *const reading_keys[] = {
	"reading.default", "reading.alternative", "reading.alternative.note", "reading.reason", NULL
};

/* A reading id: a-z, 0-9 and '_', as tier ids. */
static int valid_id(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++) {
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return 0;
	}
	return 1;
}

static int read_reading(const section *s, reading_rule *r, int *declared)
{
	const entry *def = inami__section_find(s, "reading.default");
	const entry *alt = inami__section_find(s, "reading.alternative");
	const entry *why = inami__section_find(s, "reading.reason");
	const entry *note = inami__section_find(s, "reading.alternative.note");

	*declared = 0;
	for (size_t i = 0; i < s->count; i++) {
		const char *k = s->entries[i].key;
		int known = 0;
		if (strncmp(k, "reading.", 8) != 0)
			continue;
		for (int j = 0; reading_keys[j]; j++)
			known |= strcmp(k, reading_keys[j]) == 0;
		if (!known)
			return inami__rules_fail_key(&s->entries[i], "unknown key '%s' (readings: reading.default, "
				"reading.alternative, reading.alternative.note, reading.reason)", k);
	}
	if (!def && !alt && !why && !note)
		return INAMI_OK;
	if (!def || !alt || !why)
		return inami__rules_fail_section(s, "a disputed reading needs reading.default, reading.alternative and "
			"reading.reason (why the default is the default)");
	if (!valid_id(def->value))
		return inami__rules_fail_entry(def, "a reading id uses a-z, 0-9 and '_'");
	if (!valid_id(alt->value))
		return inami__rules_fail_entry(alt, "a reading id uses a-z, 0-9 and '_'");
	if (strcmp(def->value, alt->value) == 0)
		return inami__rules_fail_entry(alt, "the alternative reading needs another id than the default");
	r->id = def->value;
	r->alt_id = alt->value;
	r->reason = why->value;
	r->alt_note = note ? note->value : "";
	*declared = 1;
	return INAMI_OK;
}

/* `TIER | PROVENANCE | SOURCE [| NOTE]` of partial_convention.requires.conflict. */
static int read_requires_conflict(inami_ruleset *rs, const entry *e, profession_rules *pr)
{
	char part[4][512];
	const char *parts[4] = { 0 };
	size_t lens[4] = { 0 };
	size_t n = inami__rules_split_bars(e->value, parts, lens);
	int st;

	for (size_t i = 0; i < n; i++) {
		if (lens[i] >= sizeof(part[0]))
			return inami__rules_fail_entry(e, "part %zu of the conflict is too long", i + 1);
		memcpy(part[i], parts[i], lens[i]);
		part[i][lens[i]] = '\0';
	}
	if (n < 3 || !part[0][0] || !part[2][0])
		return inami__rules_fail_entry(e, "a conflict is written 'TIER | PROVENANCE | SOURCE [| NOTE]'");
	inami_figure *f = &pr->partial_requires_alt_fig;
	if ((st = inami__rules_parse_provenance(e, part[1], &f->provenance)) != INAMI_OK)
		return st;
	pr->partial_requires_alt = inami__pool_strdup(&rs->mem, part[0]);
	f->source = inami__pool_strdup(&rs->mem, part[2]);
	f->note = inami__pool_strdup(&rs->mem, n > 3 ? part[3] : "");
	if (!pr->partial_requires_alt || !f->source || !f->note)
		return inami__fail(INAMI_ENOMEM, "out of memory");
	f->layer = e->layer;
	f->line = e->line;
	return INAMI_OK;
}

int inami__readings_read_profession(inami_ruleset *rs, const section *s, profession_rules *pr)
{
	const entry *c = inami__section_find(s, "partial_convention.requires.conflict");
	int declared, st;

	if ((st = read_reading(s, &pr->reading, &declared)) != INAMI_OK)
		return st;
	if (c && (st = read_requires_conflict(rs, c, pr)) != INAMI_OK)
		return st;
	if (declared && !c)
		return inami__rules_fail_section(s, "declares a disputed reading but no partial_convention.requires.conflict");
	if (c && !declared)
		return inami__rules_fail_key(c, "a conflict on a rule (not a figure) needs the readings it opposes: "
			"reading.default, reading.alternative and reading.reason");
	if (c && pr->partial != PARTIAL_TIER)
		return inami__rules_fail_key(c, "partial_convention.requires.conflict needs partial_convention = tier");
	return INAMI_OK;
}

int inami__readings_read_thresholds(inami_ruleset *rs, const section *s, threshold_set *ts)
{
	const entry *to = inami__section_find(s, "carried.confirmed_to");
	const entry *note = inami__section_find(s, "carried.confirmed_to.note");
	int declared, st, conflicts = 0;

	(void)rs;
	if ((st = read_reading(s, &ts->reading, &declared)) != INAMI_OK)
		return st;
	for (size_t i = 0; i < ts->tier_count; i++) {
		for (int m = 0; m < INAMI_MEASURE_COUNT; m++)
			conflicts += ts->tiers[i].has_min[m] && ts->tiers[i].min[m].has_conflict;
	}
	for (int m = 0; m < INAMI_MEASURE_COUNT; m++)
		conflicts += ts->has_max[m] && ts->max[m].has_conflict;
	if (declared && !conflicts)
		return inami__rules_fail_section(s, "declares a disputed reading but no threshold has a .conflict value");
	for (size_t i = 0; i < s->count; i++) {
		const char *k = s->entries[i].key;
		if (strncmp(k, "carried.", 8) == 0 && strcmp(k, "carried.confirmed_to") != 0 &&
		    strcmp(k, "carried.confirmed_to.note") != 0)
			return inami__rules_fail_key(&s->entries[i], "unknown key '%s' (carried.confirmed_to and its .note)", k);
	}
	if (to) {
		int64_t v = 0;
		const char *why = inami__fixed_parse(to->value, strlen(to->value), 0, &v);
		if (why || v % 100 != 0 || v / 100 < 1900 || v / 100 > 2999)
			return inami__rules_fail_entry(to, "carried.confirmed_to is a premium year (1900-2999)");
		ts->carried_to = (int)(v / 100);
		if (ts->to && ts->carried_to >= ts->to)
			return inami__rules_fail_entry(to, "carried.confirmed_to must be before the section's last year %d", ts->to);
		ts->carried_note = note ? note->value : "";
	}
	return INAMI_OK;
}
