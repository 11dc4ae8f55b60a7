/*
 * The procedure calendar: milestones per profession and premium year, read
 * once from the embedded rules' [law calendar] sections (libinami/data/law.rules).
 * A milestone applies to the premium years of its section (from Y: every
 * later year until the data records a change); a profession's own milestone
 * beats an "all" one, and a section with an end year beats an open-ended one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "allocate_internal.h"
#include "dates.h"
#include "dossier_internal.h"
#include "error.h"
#include "pool.h"
#include "rules_model.h"

const char *const inami__milestone_ids[MILESTONE_COUNT] = {
	"contract_concluded", "contract_data_cutoff", "file_access", "contract_snapshot",
	"evaluation_available", "extra_info_deadline", "decision", "contest_window", "payment_deadline"
};

static int known_milestone(const char *id)
{
	if (strcmp(id, "automated_procedure") == 0)
		return 1;
	for (int i = 0; i < MILESTONE_COUNT; i++)
		if (strcmp(id, inami__milestone_ids[i]) == 0)
			return 1;
	return 0;
}

/* Resolve `rule` for premium year `year`. Returns 0, or -1 when malformed. */
static int resolve(const char *rule, int year, inami_date *date, inami_date_precision *precision, int *days)
{
	long y, m, d = 0, k = 0;
	const char *p = rule;
	char tmp[16];

	*days = 0;
	*date = 0;
	if (strcmp(rule, "start") == 0) {
		*precision = INAMI_PRECISION_NONE;
		return 0;
	}
	if (rule[0] == '+') {
		size_t n = strlen(rule);
		if (n < 3 || n > 6 || rule[n - 1] != 'd')
			return -1;
		memcpy(tmp, rule + 1, n - 2);
		tmp[n - 2] = '\0';
		if (inami__alloc_parse_int(tmp, 1, 3660, &k) != 0)
			return -1;
		*days = (int)k;
		*precision = INAMI_PRECISION_RELATIVE;
		return 0;
	}
	if (p[0] == 'N') {
		p++;
		if (*p == '+') {
			if (p[1] < '0' || p[1] > '9')
				return -1;
			k = p[1] - '0';
			p += 2;
		}
		y = year + k;
	} else {
		if (strlen(p) < 4)
			return -1;
		memcpy(tmp, p, 4);
		tmp[4] = '\0';
		if (inami__alloc_parse_int(tmp, 1900, 2200, &y) != 0)
			return -1;
		p += 4;
	}
	if (p[0] != '-' || p[1] < '0' || p[1] > '9' || p[2] < '0' || p[2] > '9')
		return -1;
	m = (p[1] - '0') * 10 + (p[2] - '0');
	p += 3;
	if (*p == '\0') {
		*precision = INAMI_PRECISION_MONTH;
		d = 1;
	} else {
		if (p[0] != '-' || p[1] < '0' || p[1] > '9' || p[2] < '0' || p[2] > '9' || p[3] != '\0')
			return -1;
		d = (p[1] - '0') * 10 + (p[2] - '0');
		*precision = INAMI_PRECISION_DAY;
	}
	if (m < 1 || m > 12 || d < 1 || d > inami__days_in_month((int)y, (int)m))
		return -1;
	*date = (inami_date)(y * 10000 + m * 100 + d);
	return 0;
}

int inami__calendar_rule_check(const char *milestone, const char *rule, int year)
{
	inami_date date;
	inami_date_precision prec;
	int days;

	if (!known_milestone(milestone))
		return -1;
	return resolve(rule, year, &date, &prec, &days);
}

/* The ruleset to read: `rules`, or the embedded one when NULL. */
static int rules_or_default(const inami_ruleset **rules)
{
	return *rules ? INAMI_OK : inami_ruleset_default(rules);
}

int inami__calendar_split_key(const char *key, inami_profession *prof, char who[32], const char **milestone)
{
	const char *dot = strchr(key, '.');

	if (!dot || (size_t)(dot - key) >= 32)
		return -1;
	memcpy(who, key, (size_t)(dot - key));
	who[dot - key] = '\0';
	*prof = INAMI_PROFESSION_NONE;
	if (strcmp(who, "all") != 0 && inami_profession_from_id(who, prof) != INAMI_OK)
		return -2;
	*milestone = dot + 1;
	return 0;
}

/* The profession and milestone of a calendar rule's key; nonzero for anything else (KEY.source...). */
static int split_key(const char *key, inami_profession *prof, const char **milestone)
{
	char who[32];
	return inami__calendar_split_key(key, prof, who, milestone) != 0 || strchr(*milestone, '.') != NULL;
}

/*
 * The calendar rule of `milestone` for the profession's premium year: over
 * every [law calendar] section covering the year, a profession's own rule
 * beats an "all" one, a section with an end year beats an open-ended one, and
 * then the latest section wins (a rule stays in force until a later one).
 */
static const entry *best_entry(const inami_ruleset *rs, inami_profession profession, int year, const char *milestone,
	const section **in)
{
	const entry *best = NULL;
	int best_score = -1, best_from = 0;

	for (size_t i = 0; i < rs->section_count; i++) {
		const section *sec = &rs->sections[i];
		if (sec->kind != SECTION_LAW || strcmp(sec->subject, "calendar") != 0 || year < sec->from ||
		    (sec->to && year > sec->to))
			continue;
		for (size_t k = 0; k < sec->count; k++) {
			inami_profession p;
			const char *m;
			if (split_key(sec->entries[k].key, &p, &m) != 0 || strcmp(m, milestone) != 0)
				continue;
			if (p != INAMI_PROFESSION_NONE && p != profession)
				continue;
			int score = (p != INAMI_PROFESSION_NONE ? 2 : 0) + (sec->to ? 1 : 0);
			if (score > best_score || (score == best_score && sec->from > best_from)) {
				best = &sec->entries[k];
				*in = sec;
				best_score = score;
				best_from = sec->from;
			}
		}
	}
	return best;
}

int inami__calendar_covers(const inami_ruleset *rules, inami_profession profession, int year)
{
	int st = rules_or_default(&rules);
	if (st != INAMI_OK)
		return st;
	const char *pid = inami_profession_id(profession);
	if (pid == NULL || profession == INAMI_PROFESSION_NONE)
		return inami__fail(INAMI_ENOPROFESSION, "unknown profession %d", (int)profession);
	const section *start = NULL;
	for (size_t i = 0; i < rules->section_count; i++) {
		const section *sec = &rules->sections[i];
		inami_profession p;
		const char *m;
		if (sec->kind != SECTION_LAW || strcmp(sec->subject, "calendar") != 0)
			continue;
		for (size_t k = 0; k < sec->count; k++) {
			if (split_key(sec->entries[k].key, &p, &m) == 0 && p == profession && strcmp(m, "automated_procedure") == 0)
				start = sec;
		}
	}
	if (start == NULL)
		return inami__fail(INAMI_ENORULES, "the procedure calendar has no automated procedure for %s", pid);
	if (year < start->from || (start->to && year > start->to))
		return inami__fail(INAMI_ENORULES, "the automated procedure covers %s from premium year %d, not %d "
			"(earlier years were requested on paper; [law calendar] of the rules)", pid, start->from, year);
	return INAMI_OK;
}

int inami__calendar_get(const inami_ruleset *rules, inami_profession profession, int year, const char *milestone,
	calendar_entry *out)
{
	const section *sec = NULL;
	inami_figure fig = INAMI_FIGURE_INIT;
	int st = rules_or_default(&rules);

	if (st != INAMI_OK)
		return st;
	memset(out, 0, sizeof(*out));
	out->rule = out->source = out->note = "";
	out->provenance = INAMI_PROV_NOT_FOUND;
	const entry *x = best_entry(rules, profession, year, milestone, &sec);
	if (x == NULL)
		return INAMI_OK;
	if (resolve(x->value, year, &out->date, &out->precision, &out->relative_days) != 0)
		return inami__fail(INAMI_EPARSE, "%s:%d: calendar rule '%s' gives no date for %d", x->layer, x->line,
			x->value, year);
	/* No .conflict in a [law] section: resolving the metadata writes nothing into the rules. */
	if ((st = inami__rules_figure_meta((inami_ruleset *)rules, sec, x, &fig)) != INAMI_OK)
		return st;
	out->found = 1;
	out->rule = x->value;
	out->source = fig.source ? fig.source : "";
	out->note = fig.note ? fig.note : "";
	out->provenance = fig.provenance;
	return INAMI_OK;
}

int inami__calendar_contest_days(const inami_ruleset *rules, inami_profession profession, int year, int *days,
	const char **source)
{
	calendar_entry e;
	int st = inami__calendar_get(rules, profession, year, "contest_window", &e);

	*days = 0;
	if (source)
		*source = "";
	if (st != INAMI_OK)
		return st;
	if (!e.found || e.precision != INAMI_PRECISION_RELATIVE)
		return inami__fail(INAMI_ENORULES, "the procedure calendar gives no contest window for %s premium year %d",
			inami_profession_id(profession) ? inami_profession_id(profession) : "?", year);
	*days = e.relative_days;
	if (source)
		*source = e.source;
	return INAMI_OK;
}

void inami__milestone_iso(inami_date date, inami_date_precision precision, char *buf, size_t size)
{
	if (precision == INAMI_PRECISION_DAY)
		snprintf(buf, size, "%04d-%02d-%02d", date / 10000, date / 100 % 100, date % 100);
	else if (precision == INAMI_PRECISION_MONTH)
		snprintf(buf, size, "%04d-%02d", date / 10000, date / 100 % 100);
	else if (size)
		buf[0] = '\0';
}

/* ---- timeline ---- */

struct inami_timeline {
	pool mem;                     /* copies of the rules' strings: the timeline outlives the rules */
	inami_profession profession;
	int year;
	calendar_entry entries[MILESTONE_COUNT];
	char iso[MILESTONE_COUNT][16];
};

int inami_procedure_timeline(inami_timeline **out, inami_profession profession, int premium_year)
{
	return inami_procedure_timeline_rules(out, NULL, profession, premium_year);
}

int inami_procedure_timeline_rules(inami_timeline **out, const inami_ruleset *rules, inami_profession profession,
	int premium_year)
{
	int st;

	INAMI_CHECK_NULL(out);
	*out = NULL;
	if ((st = inami__calendar_covers(rules, profession, premium_year)) != INAMI_OK)
		return st;
	inami_timeline *t = calloc(1, sizeof(*t));
	if (t == NULL)
		return inami__fail(INAMI_ENOMEM, "out of memory");
	inami__pool_init(&t->mem);
	t->profession = profession;
	t->year = premium_year;
	for (int i = 0; i < MILESTONE_COUNT; i++) {
		if ((st = inami__calendar_get(rules, profession, premium_year, inami__milestone_ids[i], &t->entries[i])) != INAMI_OK) {
			inami_timeline_free(t);
			return st;
		}
		inami__milestone_iso(t->entries[i].date, t->entries[i].precision, t->iso[i], sizeof(t->iso[i]));
		calendar_entry *e = &t->entries[i];
		e->rule = inami__pool_strdup(&t->mem, e->rule);
		e->source = inami__pool_strdup(&t->mem, e->source);
		e->note = inami__pool_strdup(&t->mem, e->note);
		if (!e->rule || !e->source || !e->note) {
			inami_timeline_free(t);
			return inami__fail(INAMI_ENOMEM, "out of memory");
		}
	}
	*out = t;
	return INAMI_OK;
}

void inami_timeline_free(inami_timeline *timeline)
{
	if (!timeline)
		return;
	inami__pool_free(&timeline->mem);
	free(timeline);
}

size_t inami_timeline_count(const inami_timeline *timeline)
{
	return timeline ? MILESTONE_COUNT : 0;
}

int inami_timeline_milestone(const inami_timeline *timeline, size_t index, inami_milestone *out)
{
	INAMI_CHECK_NULL(timeline);
	INAMI_CHECK_NULL(out);
	INAMI_CHECK_VERSION(out->version, INAMI_MILESTONE_VERSION, "inami_milestone");
	if (index >= MILESTONE_COUNT)
		return inami__fail(INAMI_ERANGE, "milestone index %zu is out of range (%d milestones)", index,
			MILESTONE_COUNT);
	const calendar_entry *e = &timeline->entries[index];
	out->id = inami__milestone_ids[index];
	out->date = e->date;
	out->precision = e->precision;
	out->iso = timeline->iso[index];
	out->relative_days = e->relative_days;
	out->rule = e->rule;
	out->provenance = e->provenance;
	out->source = e->source;
	out->note = e->note;
	return INAMI_OK;
}

int inami_timeline_find(const inami_timeline *timeline, const char *id, inami_milestone *out)
{
	INAMI_CHECK_NULL(timeline);
	INAMI_CHECK_NULL(id);
	for (size_t i = 0; i < MILESTONE_COUNT; i++) {
		if (strcmp(inami__milestone_ids[i], id) != 0)
			continue;
		int st = inami_timeline_milestone(timeline, i, out);
		if (st == INAMI_OK && !timeline->entries[i].found)
			return inami__fail(INAMI_ENORULES, "the procedure calendar gives no '%s' for %s premium year %d "
				"(NOT FOUND in the sources; never guessed)", id, inami_profession_id(timeline->profession),
				timeline->year);
		return st;
	}
	return inami__fail(INAMI_ENOTFOUND, "unknown milestone '%s'", id);
}
