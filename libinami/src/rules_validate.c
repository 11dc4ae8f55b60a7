/*
 * Rules files: checks across sections, run once the model is built.
 *
 * - threshold periods of a profession do not overlap (an open-ended section
 *   may contain bounded ones, which win for their years);
 * - the amounts of a year rise with the tier, as the thresholds do, and a
 *   specialty's full threshold is above its reduced one;
 * - a figure marked `official` is not described by its own note as
 *   unconfirmed;
 * - the tier a disputed reading requires exists in every thresholds period.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "money.h"
#include "rules_model.h"

static int overlaps(const section *a, const section *b)
{
	if (a->profession != b->profession)
		return 0;
	if (!a->to && !b->to)
		return a->from == b->from;
	if (!a->to || !b->to)
		return 0;   /* a bounded period inside an open-ended one wins for its years */
	return a->from <= b->to && b->from <= a->to;
}

static int check_periods(const inami_ruleset *rs)
{
	char heading[96];

	for (size_t i = 0; i < rs->section_count; i++) {
		const section *a = &rs->sections[i];
		if (a->kind != SECTION_THRESHOLDS)
			continue;
		for (size_t j = i + 1; j < rs->section_count; j++) {
			const section *b = &rs->sections[j];
			if (b->kind != SECTION_THRESHOLDS || !overlaps(a, b))
				continue;
			inami__rules_section_heading(a, heading, sizeof(heading));
			return inami__rules_fail_section(b, "overlaps the period of %s at %s:%d (give each premium year one period)",
				heading, a->layer, a->line);
		}
	}
	return INAMI_OK;
}

static const amount_item *item_of(const amount_set *as, const char *tier)
{
	for (size_t i = 0; i < as->count; i++) {
		if (strcmp(as->items[i].tier, tier) == 0)
			return &as->items[i];
	}
	return NULL;
}

static int check_amounts_rise(const inami_ruleset *rs)
{
	char a[32], b[32];

	for (size_t i = 0; i < rs->amount_count; i++) {
		const amount_set *as = &rs->amounts[i];
		const amount_item *prev = NULL;
		if (!as->available || !as->thresholds)
			continue;
		for (size_t t = 0; t < as->thresholds->tier_count; t++) {
			const tier_rule *tr = &as->thresholds->tiers[t];
			const amount_item *it = item_of(as, tr->id);
			if (tr->trainee_only || !it || !it->known)
				continue;
			if (prev && it->figure.value <= prev->figure.value) {
				inami__fixed_format(prev->figure.value, 1, a, sizeof(a));
				inami__fixed_format(it->figure.value, 1, b, sizeof(b));
				return inami__fail(INAMI_EPARSE, "%s:%d: [amounts %s %d] tier '%s' (%s) must be above tier '%s' (%s): "
					"amounts rise with the tier", it->figure.layer, it->figure.line,
					inami_profession_id(as->profession), as->year, it->tier, b, prev->tier, a);
			}
			prev = it;
		}
	}
	for (size_t i = 0; i < rs->threshold_count; i++) {
		const threshold_set *ts = &rs->thresholds[i];
		for (size_t k = 0; k < ts->specialty_count; k++) {
			const specialty_threshold *sp = &ts->specialties[k];
			if (sp->has_full && sp->has_reduced && sp->full.value <= sp->reduced.value)
				return inami__fail(INAMI_EPARSE, "%s:%d: thresholds of %s from %d: specialty '%s' has a full threshold "
					"not above its reduced one", sp->full.layer, sp->full.line, inami_profession_id(ts->profession),
					ts->from, sp->id);
		}
	}
	return INAMI_OK;
}

/* Does `note` say the figure is not confirmed? Compared without case. */
static int says_unconfirmed(const char *note)
{
	static const char *const words[] = { "not confirmed", "unconfirmed", "unverified", "not verified", NULL };
	char low[1024];
	size_t n = 0;

	for (; note[n] && n + 1 < sizeof(low); n++)
		low[n] = (char)tolower((unsigned char)note[n]);
	low[n] = '\0';
	for (int i = 0; words[i]; i++) {
		if (strstr(low, words[i]))
			return 1;
	}
	return 0;
}

int inami__rules_key_is_meta(const char *key, int with_conflict)
{
	static const char *const suffix[] = { ".provenance", ".source", ".note", ".conflict", NULL };
	size_t len = strlen(key);

	for (int i = 0; suffix[i]; i++) {
		size_t sl = strlen(suffix[i]);
		if (len > sl && strcmp(key + len - sl, suffix[i]) == 0)
			return with_conflict || strcmp(suffix[i], ".conflict") != 0;
	}
	return strcmp(key, "provenance") == 0 || strcmp(key, "source") == 0 || strcmp(key, "note") == 0;
}

/* Every key's own provenance (or the section's) against its own note (or the section's). */
static int check_official_notes(const inami_ruleset *rs)
{
	char key[300];

	for (size_t i = 0; i < rs->section_count; i++) {
		const section *s = &rs->sections[i];
		const entry *sp = inami__section_find(s, "provenance");
		const entry *sn = inami__section_find(s, "note");
		for (size_t j = 0; j < s->count; j++) {
			const entry *e = &s->entries[j];
			if (inami__rules_key_is_meta(e->key, 1))
				continue;
			snprintf(key, sizeof(key), "%s.provenance", e->key);
			const entry *p = inami__section_find(s, key);
			if (!p)
				p = sp;
			snprintf(key, sizeof(key), "%s.note", e->key);
			const entry *n = inami__section_find(s, key);
			if (!n && p == sp)
				n = sn;   /* a section note describes the section's figures */
			if (p && n && strcmp(p->value, "official") == 0 && says_unconfirmed(n->value))
				return inami__rules_fail_key(e, "'%s' is marked official but its note says it is not confirmed: "
					"give the provenance of the source that states it (secondary, derived...)", e->key);
		}
	}
	return INAMI_OK;
}

static int check_reading_tiers(const inami_ruleset *rs)
{
	for (int p = 1; p <= INAMI_PROFESSION_COUNT; p++) {
		const profession_rules *pr = &rs->professions[p];
		if (!pr->defined || !pr->partial_requires_alt)
			continue;
		for (size_t i = 0; i < rs->threshold_count; i++) {
			const threshold_set *ts = &rs->thresholds[i];
			int found = 0;
			if (ts->profession != (inami_profession)p)
				continue;
			for (size_t t = 0; t < ts->tier_count; t++)
				found |= strcmp(ts->tiers[t].id, pr->partial_requires_alt) == 0;
			if (!found)
				return inami__fail(INAMI_EPARSE, "%s:%d: the reading '%s' requires tier '%s', which the thresholds of %s "
					"from %d do not have", pr->partial_requires_alt_fig.layer, pr->partial_requires_alt_fig.line,
					pr->reading.alt_id, pr->partial_requires_alt, inami_profession_id((inami_profession)p), ts->from);
		}
	}
	return INAMI_OK;
}

int inami__rules_validate(inami_ruleset *rs)
{
	int st;

	if ((st = check_periods(rs)) != INAMI_OK)
		return st;
	if ((st = check_amounts_rise(rs)) != INAMI_OK)
		return st;
	if ((st = check_official_notes(rs)) != INAMI_OK)
		return st;
	return check_reading_tiers(rs);
}
