/*
 * The skeleton of a new premium year: the [amounts] section a user fills in
 * when INAMI publishes a year, with every field to fill marked FILL (which
 * `inami rules check` lists until each is replaced).
 */
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "rules_model.h"

/* The [amounts] section of the year in some layer (available or NOT FOUND), or NULL. */
static const section *amounts_section(const inami_ruleset *rs, inami_profession p, int year)
{
	for (size_t i = 0; i < rs->section_count; i++) {
		const section *s = &rs->sections[i];
		if (s->kind == SECTION_AMOUNTS && s->profession == p && s->from == year)
			return s;
	}
	return NULL;
}

int inami_rules_year_skeleton(const inami_ruleset *rules, inami_profession profession, int year,
	char **out, size_t *len)
{
	textbuf b;
	int st;

	INAMI_CHECK_NULL(out);
	*out = NULL;
	INAMI_CHECK_NULL(rules);
	if ((st = inami__rules_check_profession(rules, profession)) != INAMI_OK)
		return st;
	if (year < 1900 || year > 2999)
		return inami__fail(INAMI_EINVAL, "premium year %d is invalid (1900-2999)", year);
	const char *id = inami_profession_id(profession);
	const amount_set *as = inami__rules_find_amounts(rules, profession, year);
	if (as && as->available)
		return inami__fail(INAMI_EINVAL, "%s premium year %d has amounts already: correct a figure with an "
			"[amounts %s %d override] section", id, year, id, year);
	const threshold_set *ts = inami__rules_find_thresholds(rules, profession, year);
	if (!ts)
		return inami__fail(INAMI_ENORULES, "no thresholds of %s are in force in premium year %d: add a "
			"[thresholds %s from %d] section first (see docs/rules-format.md)", id, year, id, year);
	int recorded = amounts_section(rules, profession, year) != NULL;

	inami__textbuf_init(&b);
	inami__textbuf_printf(&b, "inami-rules 1\n"
		"# Premium year %d for %s: replace every FILL, then\n"
		"#   inami rules check FILE     (lists what is still to fill)\n"
		"#   inami eval --rules FILE --profession %s --year %d ...\n"
		"# provenance: official (INAMI, Moniteur belge), secondary (insurer, broker, union, press)\n"
		"# or derived (computed: the note says how); source: the URL(s) of the page, ' ; ' between them.\n",
		year, id, id, year);
	inami__textbuf_printf(&b, "# The thresholds in force for %d are the section from %d", year, ts->from);
	if (ts->carried_to && year > ts->carried_to)
		inami__textbuf_printf(&b, ", which a source confirms only up to %d (carried)", ts->carried_to);
	inami__textbuf_printf(&b, ".\n# If the source gives other thresholds, add a [thresholds %s from %d] section.\n",
		id, year);
	inami__textbuf_printf(&b, "\n[amounts %s %d%s]\n", id, year, recorded ? " override" : "");
	if (recorded)
		inami__textbuf_puts(&b, "status = available\n");
	inami__textbuf_puts(&b, "provenance = FILL\nsource = FILL\nnote = FILL\n");
	for (size_t t = 0; t < ts->tier_count; t++)
		inami__textbuf_printf(&b, "%s = FILL\n", ts->tiers[t].id);
	if (b.failed) {
		inami__textbuf_free(&b);
		return inami__fail(INAMI_ENOMEM, "out of memory writing the skeleton");
	}
	*out = b.data;
	if (len)
		*len = b.len;
	return INAMI_OK;
}
