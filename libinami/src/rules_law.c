/*
 * Rules files: the legal figures beside the premium, as dated sections.
 *
 *   [law exit_taxation from 2003]        the exit taxation of the contracts
 *   [law solidarity_minimum from 2003]   the minimum solidarity share per contract type
 *   [law calendar from 2020]             the procedure calendar: PROFESSION.MILESTONE = RULE
 *
 * Each key is a figure (a number or `not_found`) with its provenance and
 * source, like an amount; a section is in force from its year until a later
 * section of the subject (or for `from Y to Z` only), and a layer replaces
 * figures with `override`, so a new rate is a rules file, not a code change.
 * Percentages are written as percent with up to two decimals, held in basis points.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "rules_model.h"

typedef struct law_key {
	const char *key;           /* ending in '.': a prefix followed by AGE_AGE or AGE_up */
	int whole;                 /* 1: a whole count (years), else a percentage 0-100 */
} law_key;

static const law_key exit_keys[] = {
	{ "inami_levy", 0 }, { "solidarity_levy_min", 0 }, { "solidarity_levy_max", 0 },
	{ "annuity_base_full_career", 0 }, { "annuity_base_other", 0 },
	{ "annuity_rate.", 0 }, { "annuity_years.", 1 }, { NULL, 0 }
};
static const law_key minimum_keys[] = {
	{ "social_pension", 0 }, { "income_replacement", 0 }, { "death_cover", 0 }, { NULL, 0 }
};

static const struct {
	const char *subject;
	const law_key *keys;
} subjects[] = {
	{ "exit_taxation", exit_keys },
	{ "solidarity_minimum", minimum_keys },
	{ "calendar", NULL },    /* PROFESSION.MILESTONE = RULE (text): check_calendar() */
};

int inami__rules_law_subject_known(const char *word, size_t len)
{
	for (size_t i = 0; i < sizeof(subjects) / sizeof(subjects[0]); i++) {
		if (strlen(subjects[i].subject) == len && strncmp(subjects[i].subject, word, len) == 0)
			return 1;
	}
	return 0;
}

static int is_meta(const char *key);

/* all.MILESTONE or PROFESSION.MILESTONE = a calendar rule, with provenance and source. */
static int check_calendar(inami_ruleset *rs, const section *s)
{
	for (size_t i = 0; i < s->count; i++) {
		const entry *e = &s->entries[i];
		inami_figure fig = INAMI_FIGURE_INIT;
		inami_profession p;
		const char *milestone;
		char who[32];
		int st;
		if (is_meta(e->key))
			continue;
		int split = inami__calendar_split_key(e->key, &p, who, &milestone);
		if (split == -1)
			return inami__rules_fail_key(e, "expected PROFESSION.MILESTONE or all.MILESTONE, not '%s'", e->key);
		if (split == -2)
			return inami__rules_fail_key(e, "'%s': unknown profession '%s' (or 'all')", e->key, who);
		if (inami__calendar_rule_check(milestone, e->value, s->from) != 0)
			return inami__rules_fail_entry(e, "'%s': unknown milestone, or a rule that gives no date "
				"('start', YYYY-MM[-DD], N+K-MM[-DD] or +DAYSd)", e->key);
		if ((st = inami__rules_figure_meta(rs, s, e, &fig)) != INAMI_OK)
			return st;
		if (fig.provenance == INAMI_PROV_NOT_FOUND)
			return inami__rules_fail_key(e, "'%s': a calendar rule needs its provenance and source", e->key);
	}
	return INAMI_OK;
}

static const law_key *keys_of(const char *subject)
{
	for (size_t i = 0; i < sizeof(subjects) / sizeof(subjects[0]); i++) {
		if (strcmp(subjects[i].subject, subject) == 0)
			return subjects[i].keys;
	}
	return NULL;
}

/* "40_45" or "65_up" into ages (to = -1 for no upper bound). */
static int parse_ages(const char *s, int *from, int *to)
{
	char *end;
	long a = strtol(s, &end, 10);

	if (end == s || *end != '_' || a < 0 || a > 200)
		return -1;
	s = end + 1;
	if (strcmp(s, "up") == 0) {
		*from = (int)a;
		*to = -1;
		return 0;
	}
	long b = strtol(s, &end, 10);
	if (end == s || *end != '\0' || b < a || b > 200)
		return -1;
	*from = (int)a;
	*to = (int)b;
	return 0;
}

static const law_key *find_key(const law_key *keys, const char *k)
{
	for (size_t i = 0; keys[i].key; i++) {
		size_t len = strlen(keys[i].key);
		if (keys[i].key[len - 1] == '.' ? strncmp(k, keys[i].key, len) == 0 : strcmp(k, keys[i].key) == 0)
			return &keys[i];
	}
	return NULL;
}

int inami__law_single_key(const char *subject, const char *key, char *known, size_t size)
{
	const law_key *keys = keys_of(subject);
	size_t n = 0;
	int found = 0;

	if (size)
		known[0] = '\0';
	for (size_t i = 0; keys && keys[i].key; i++) {
		if (keys[i].key[strlen(keys[i].key) - 1] == '.')
			continue;   /* an age table, not a single figure */
		found |= strcmp(keys[i].key, key) == 0;
		if (n < size)
			n += (size_t)snprintf(known + n, size - n, "%s%s", n ? ", " : "", keys[i].key);
	}
	return found;
}

/* A figure's provenance, source or note (a law section has no conflicts). */
static int is_meta(const char *key)
{
	return inami__rules_key_is_meta(key, 0);
}

static int check_section(inami_ruleset *rs, const section *s)
{
	const law_key *keys = keys_of(s->subject);
	int st;

	if (!keys)
		return check_calendar(rs, s);
	for (size_t i = 0; i < s->count; i++) {
		const entry *e = &s->entries[i];
		inami_figure fig = INAMI_FIGURE_INIT;
		int known = 0, from, to;
		size_t klen = strlen(e->key);
		if (klen > 9 && strcmp(e->key + klen - 9, ".conflict") == 0)
			return inami__rules_fail_key(e, "a [law] figure takes no .conflict: record the other source in its note");
		if (is_meta(e->key))
			continue;
		const law_key *k = find_key(keys, e->key);
		if (!k)
			return inami__rules_fail_key(e, "unknown key '%s' in [law %s]", e->key, s->subject);
		if (k->key[strlen(k->key) - 1] == '.' && parse_ages(e->key + strlen(k->key), &from, &to) != 0)
			return inami__rules_fail_key(e, "'%s': expected %sAGE_AGE or %sAGE_up", e->key, k->key, k->key);
		if ((st = inami__rules_figure(rs, s, e, &fig, &known)) != INAMI_OK)
			return st;
		if (!known)
			continue;
		if (k->whole && (fig.value % 100 || fig.value < 100))
			return inami__rules_fail_entry(e, "'%s' is a whole number of years (1 or more)", e->key);
		if (!k->whole && (fig.value < 0 || fig.value > 10000))
			return inami__rules_fail_entry(e, "'%s' is a percentage from 0 to 100", e->key);
	}
	return INAMI_OK;
}

int inami__rules_law_check(inami_ruleset *rs)
{
	int st;

	for (size_t i = 0; i < rs->section_count; i++) {
		const section *a = &rs->sections[i];
		if (a->kind != SECTION_LAW)
			continue;
		if ((st = check_section(rs, a)) != INAMI_OK)
			return st;
		for (size_t j = i + 1; j < rs->section_count; j++) {
			const section *b = &rs->sections[j];
			if (b->kind != SECTION_LAW || strcmp(a->subject, b->subject) != 0)
				continue;
			int overlap = (!a->to && !b->to) ? a->from == b->from :
				(a->to && b->to) ? a->from <= b->to && b->from <= a->to : 0;
			if (overlap)
				return inami__rules_fail_section(b, "overlaps the period of [law %s] at %s:%d", a->subject,
					a->layer, a->line);
		}
	}
	return INAMI_OK;
}

/* The section of `subject` in force in `year` (0: the latest period), as thresholds are found. */
static const section *in_force(const inami_ruleset *rs, const char *subject, int year)
{
	const section *best = NULL;

	for (size_t i = 0; i < rs->section_count; i++) {
		const section *s = &rs->sections[i];
		if (s->kind != SECTION_LAW || strcmp(s->subject, subject) != 0)
			continue;
		if (year && (s->from > year || (s->to && s->to < year)))
			continue;
		if (!best || s->from > best->from || (s->from == best->from && s->to))
			best = s;
	}
	return best;
}

/*
 * The figure of entry `e`. The ruleset is immutable: a [law] figure has no
 * .conflict, the one part of a figure that would allocate, so resolving it
 * writes nothing into the ruleset.
 */
static int figure_of(const inami_ruleset *rs, const section *s, const entry *e, inami_figure *out)
{
	inami_figure fig = INAMI_FIGURE_INIT;
	int known = 0;
	int st = inami__rules_figure((inami_ruleset *)rs, s, e, &fig, &known);

	if (st != INAMI_OK)
		return st;
	fig.version = out->version;
	if (!known)
		fig.value = 0;
	*out = fig;
	return INAMI_OK;
}

int inami_rules_law_figure(const inami_ruleset *rules, const char *subject, int year, const char *key,
	inami_figure *out)
{
	INAMI_CHECK_NULL(rules);
	INAMI_CHECK_NULL(subject);
	INAMI_CHECK_NULL(key);
	INAMI_CHECK_NULL(out);
	INAMI_CHECK_VERSION(out->version, INAMI_FIGURE_VERSION, "inami_figure");
	if (!keys_of(subject))
		return inami__fail(INAMI_EINVAL, "unknown subject '%s' (figures: exit_taxation, solidarity_minimum; the calendar "
			"is read with the dossier and timeline functions)", subject);
	if (year < 0)
		return inami__fail(INAMI_EINVAL, "year %d is invalid", year);
	const section *s = in_force(rules, subject, year);
	if (!s)
		return inami__fail(INAMI_ENORULES, "no [law %s] section in force in %d", subject, year);
	const entry *e = inami__section_find(s, key);
	if (!e || is_meta(key))
		return inami__fail(INAMI_ENOTFOUND, "no figure '%s' in [law %s] in force in %d", key, subject, year);
	return figure_of(rules, s, e, out);
}

int inami__rules_law_annuity(const inami_ruleset *rs, int year, int age, inami_figure *rate, int *years)
{
	const section *s = in_force(rs, "exit_taxation", year);
	char key[64];

	if (!s)
		return inami__fail(INAMI_ENORULES, "no [law exit_taxation] section in force in %d", year);
	for (size_t i = 0; i < s->count; i++) {
		const entry *e = &s->entries[i];
		int from, to;
		if (strncmp(e->key, "annuity_rate.", 13) != 0 || is_meta(e->key) || parse_ages(e->key + 13, &from, &to) != 0)
			continue;
		if (age < from || (to >= 0 && age > to))
			continue;
		int st = figure_of(rs, s, e, rate);
		if (st != INAMI_OK)
			return st;
		snprintf(key, sizeof(key), "annuity_years.%s", e->key + 13);
		const entry *y = inami__section_find(s, key);
		inami_figure yf = INAMI_FIGURE_INIT;
		if (!y || (st = figure_of(rs, s, y, &yf)) != INAMI_OK || yf.provenance == INAMI_PROV_NOT_FOUND)
			return inami__fail(INAMI_ENORULES, "no 'annuity_years.%s' in [law exit_taxation] in force in %d",
				e->key + 13, year);
		*years = (int)(yf.value / 100);
		return INAMI_OK;
	}
	return inami__fail(INAMI_ENORULES, "no notional annuity rate for an age of %d at exit", age);
}
