/*
 * Rules files, meaning: turn the sections into the model and validate it.
 * Every error names layer:line:column and what is wrong.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "money.h"
#include "rules_model.h"

static const char *const lang_suffix[3] = { "en", "fr", "nl" };
static const char *const meta_suffix[] = { "provenance", "source", "note", "conflict" };

#if defined(__GNUC__)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define PRINTF_LIKE(f, a)
#endif

static int parse_provenance(const entry *e, const char *text, inami_provenance *out);

/* Fail with "layer:line:column: [heading ]message". */
static int fail_at(const char *layer, int line, int column, const char *heading, const char *fmt, va_list ap)
{
	char msg[512];

	vsnprintf(msg, sizeof(msg), fmt, ap);
	if (heading)
		return inami__fail(INAMI_EPARSE, "%s:%d:%d: %s %s", layer, line, column, heading, msg);
	return inami__fail(INAMI_EPARSE, "%s:%d:%d: %s", layer, line, column, msg);
}

/* At the value of entry `e`. */
static PRINTF_LIKE(2, 3) int fail_entry(const entry *e, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int st = fail_at(e->layer, e->line, e->value_column, NULL, fmt, ap);
	va_end(ap);
	return st;
}

/* At the key of entry `e`. */
static PRINTF_LIKE(2, 3) int fail_key(const entry *e, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int st = fail_at(e->layer, e->line, 1, NULL, fmt, ap);
	va_end(ap);
	return st;
}

/* At the heading of section `s`, which the message follows. */
static PRINTF_LIKE(2, 3) int fail_section(const section *s, const char *fmt, ...)
{
	char heading[96];
	va_list ap;

	inami__rules_section_heading(s, heading, sizeof(heading));
	va_start(ap, fmt);
	int st = fail_at(s->layer, s->line, 1, heading, fmt, ap);
	va_end(ap);
	return st;
}

int inami__rules_fail_entry(const entry *e, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int st = fail_at(e->layer, e->line, e->value_column, NULL, fmt, ap);
	va_end(ap);
	return st;
}

int inami__rules_fail_key(const entry *e, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int st = fail_at(e->layer, e->line, 1, NULL, fmt, ap);
	va_end(ap);
	return st;
}

int inami__rules_fail_section(const section *s, const char *fmt, ...)
{
	char heading[96];
	va_list ap;

	inami__rules_section_heading(s, heading, sizeof(heading));
	va_start(ap, fmt);
	int st = fail_at(s->layer, s->line, 1, heading, fmt, ap);
	va_end(ap);
	return st;
}

/* "base.provenance" -> suffix index and base length; -1 when not a metadata key. */
static int meta_key(const char *key, size_t *base_len)
{
	const char *dot = strrchr(key, '.');

	if (dot == NULL)
		return -1;
	for (int i = 0; i < 4; i++) {
		if (strcmp(dot + 1, meta_suffix[i]) == 0) {
			*base_len = (size_t)(dot - key);
			return i;
		}
	}
	return -1;
}

int inami__rules_parse_provenance(const entry *e, const char *text, inami_provenance *out)
{
	return parse_provenance(e, text, out);
}

static int parse_provenance(const entry *e, const char *text, inami_provenance *out)
{
	for (int p = 0; p <= INAMI_PROV_NOT_FOUND; p++) {
		if (strcmp(text, inami_provenance_id((inami_provenance)p)) == 0) {
			*out = (inami_provenance)p;
			return INAMI_OK;
		}
	}
	return fail_entry(e, "unknown provenance '%s' (known: official, secondary, derived, illustrative, not_found)", text);
}

static int parse_fixed(const entry *e, const char *text, size_t len, int64_t *out)
{
	const char *why = inami__fixed_parse(text, len, 0, out);

	if (why)
		return fail_entry(e, "malformed number: %s", why);
	return INAMI_OK;
}

static int parse_year_value(const entry *e, int *year)
{
	int64_t v;
	int st = parse_fixed(e, e->value, strlen(e->value), &v);

	if (st != INAMI_OK)
		return st;
	if (v % 100 != 0 || v / 100 < 1900 || v / 100 > 2999)
		return fail_entry(e, "expected a premium year (1900-2999)");
	*year = (int)(v / 100);
	return INAMI_OK;
}

size_t inami__rules_split_bars(const char *value, const char *parts[4], size_t lens[4])
{
	size_t n = 0;
	const char *p = value;

	while (n < 4) {
		const char *bar = n < 3 ? strchr(p, '|') : NULL;
		const char *end = bar ? bar : p + strlen(p);
		while (*p == ' ')
			p++;
		const char *q = end;
		while (q > p && q[-1] == ' ')
			q--;
		parts[n] = p;
		lens[n] = (size_t)(q - p);
		n++;
		if (!bar)
			break;
		p = bar + 1;
	}
	return n;
}

/* `value | provenance | source [| note]` */
static int parse_conflict(pool *mem, const entry *e, inami_figure *fig)
{
	const char *parts[4] = { 0 };
	size_t lens[4] = { 0 };
	size_t n = inami__rules_split_bars(e->value, parts, lens);

	if (n < 3)
		return fail_entry(e, "a conflict is written 'VALUE | PROVENANCE | SOURCE [| NOTE]'");
	int st = parse_fixed(e, parts[0], lens[0], &fig->conflict_value);
	if (st != INAMI_OK)
		return st;
	char prov[32];
	if (lens[1] >= sizeof(prov))
		return fail_entry(e, "unknown provenance in the conflict");
	memcpy(prov, parts[1], lens[1]);
	prov[lens[1]] = '\0';
	if ((st = parse_provenance(e, prov, &fig->conflict_provenance)) != INAMI_OK)
		return st;
	if (lens[2] == 0)
		return fail_entry(e, "a conflict needs the source of the other value");
	fig->conflict_source = inami__pool_strndup(mem, parts[2], lens[2]);
	fig->conflict_note = n > 3 ? inami__pool_strndup(mem, parts[3], lens[3]) : "";
	if (!fig->conflict_source || !fig->conflict_note)
		return inami__fail(INAMI_ENOMEM, "out of memory");
	fig->has_conflict = 1;
	return INAMI_OK;
}

/*
 * Fill the provenance, source, note and conflict of the figure defined by
 * entry `e` (key K): from K.provenance, K.source... or the section's defaults.
 * A figure that is not NOT FOUND must end up with a source.
 */
static int resolve_meta(inami_ruleset *rs, const section *s, const entry *e, inami_figure *fig)
{
	char key[256];
	const entry *m;
	int st;

	fig->layer = e->layer;
	fig->line = e->line;
	fig->provenance = INAMI_PROV_NOT_FOUND;
	fig->source = "";
	fig->note = "";
	fig->has_conflict = 0;
	fig->conflict_source = fig->conflict_note = "";

	snprintf(key, sizeof(key), "%s.provenance", e->key);
	m = inami__section_find(s, key);
	if (m == NULL)
		m = inami__section_find(s, "provenance");
	if (m == NULL)
		return fail_key(e, "'%s' has no provenance (add KEY.provenance or a section 'provenance')", e->key);
	if ((st = parse_provenance(m, m->value, &fig->provenance)) != INAMI_OK)
		return st;

	snprintf(key, sizeof(key), "%s.source", e->key);
	m = inami__section_find(s, key);
	if (m == NULL)
		m = inami__section_find(s, "source");
	if (m)
		fig->source = m->value;
	else if (fig->provenance != INAMI_PROV_NOT_FOUND)
		return fail_key(e, "'%s' has no source (add KEY.source or a section 'source')", e->key);

	snprintf(key, sizeof(key), "%s.note", e->key);
	m = inami__section_find(s, key);
	if (m)
		fig->note = m->value;

	snprintf(key, sizeof(key), "%s.conflict", e->key);
	m = inami__section_find(s, key);
	if (m && (st = parse_conflict(&rs->mem, m, fig)) != INAMI_OK)
		return st;
	return INAMI_OK;
}

/* A figure whose value is a number (hundredths) or `not_found`. */
static int figure_value(inami_ruleset *rs, const section *s, const entry *e, inami_figure *fig, int *known)
{
	int st = resolve_meta(rs, s, e, fig);

	if (st != INAMI_OK)
		return st;
	if (strcmp(e->value, "not_found") == 0) {
		if (known == NULL)
			return fail_entry(e, "'not_found' is not allowed here");
		*known = 0;
		fig->provenance = INAMI_PROV_NOT_FOUND;
		fig->value = 0;
		return INAMI_OK;
	}
	if (fig->provenance == INAMI_PROV_NOT_FOUND)
		return fail_entry(e, "a figure with provenance not_found must have the value 'not_found'");
	if (known)
		*known = 1;
	return parse_fixed(e, e->value, strlen(e->value), &fig->value);
}

int inami__rules_figure(inami_ruleset *rs, const section *s, const entry *e, inami_figure *fig, int *known)
{
	return figure_value(rs, s, e, fig, known);
}

/* Plain-text figure (a rule rather than a number): only its metadata. */
static int figure_rule(inami_ruleset *rs, const section *s, const entry *e, inami_figure *fig)
{
	fig->value = 0;
	return resolve_meta(rs, s, e, fig);
}

int inami__rules_figure_meta(inami_ruleset *rs, const section *s, const entry *e, inami_figure *fig)
{
	return figure_rule(rs, s, e, fig);
}

static int is_section_default(const char *key)
{
	return strcmp(key, "provenance") == 0 || strcmp(key, "source") == 0 || strcmp(key, "note") == 0;
}

/* Metadata keys must follow a key of the same section. */
static int check_meta_targets(const section *s)
{
	for (size_t i = 0; i < s->count; i++) {
		const entry *e = &s->entries[i];
		size_t blen;
		if (meta_key(e->key, &blen) < 0)
			continue;
		int found = 0;
		for (size_t j = 0; j < s->count && !found; j++) {
			const char *k = s->entries[j].key;
			found = j != i && strlen(k) == blen && strncmp(k, e->key, blen) == 0;
		}
		if (!found)
			return fail_key(e, "'%s' describes a key that this section does not have", e->key);
	}
	return INAMI_OK;
}

static int split_words(pool *mem, const entry *e, const char ***out, size_t *count)
{
	size_t n = 0, cap = 8;
	const char **words = inami__pool_alloc(mem, cap * sizeof(*words));
	const char *p = e->value;

	if (!words)
		return inami__fail(INAMI_ENOMEM, "out of memory");
	while (*p) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		const char *start = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
		if (n == cap) {
			const char **more = inami__pool_alloc(mem, cap * 2 * sizeof(*more));
			if (!more)
				return inami__fail(INAMI_ENOMEM, "out of memory");
			memcpy(more, words, n * sizeof(*words));
			words = more;
			cap *= 2;
		}
		words[n] = inami__pool_strndup(mem, start, (size_t)(p - start));
		if (!words[n])
			return inami__fail(INAMI_ENOMEM, "out of memory");
		for (const char *c = words[n]; *c; c++) {
			if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_'))
				return fail_entry(e, "'%s' is not an identifier (a-z, 0-9, '_')", words[n]);
		}
		n++;
	}
	*out = words;
	*count = n;
	return INAMI_OK;
}

/* ---- [labels] ---- */

static label3 *find_label(label3 *list, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++) {
		if (strcmp(list[i].id, id) == 0)
			return &list[i];
	}
	return NULL;
}

/* Collect `PREFIX.<id>.<lang>` keys into a label list; returns 1 if `e` was such a key. */
static int take_label(pool *mem, const char *prefix, const entry *e, label3 **list, size_t *n, size_t *cap, int *st)
{
	size_t plen = strlen(prefix);
	const char *k = e->key;

	*st = INAMI_OK;
	if (strncmp(k, prefix, plen) != 0 || k[plen] != '.')
		return 0;
	const char *id = k + plen + 1;
	const char *dot = strrchr(id, '.');
	int lang = -1;
	if (dot && dot != id) {
		for (int l = 0; l < 3; l++) {
			if (strcmp(dot + 1, lang_suffix[l]) == 0)
				lang = l;
		}
	}
	if (lang < 0 || memchr(id, '.', (size_t)(dot - id)) != NULL) {
		*st = fail_key(e, "expected '%s.ID.en', '.fr' or '.nl'", prefix);
		return 1;
	}
	char *idc = inami__pool_strndup(mem, id, (size_t)(dot - id));
	if (!idc) {
		*st = inami__fail(INAMI_ENOMEM, "out of memory");
		return 1;
	}
	label3 *l = find_label(*list, *n, idc);
	if (l == NULL) {
		if (*n == *cap) {
			size_t nc = *cap ? *cap * 2 : 16;
			label3 *more = inami__pool_alloc(mem, nc * sizeof(*more));
			if (!more) {
				*st = inami__fail(INAMI_ENOMEM, "out of memory");
				return 1;
			}
			if (*n)
				memcpy(more, *list, *n * sizeof(*more));
			*list = more;
			*cap = nc;
		}
		l = &(*list)[(*n)++];
		l->id = idc;
	}
	l->text[lang] = e->value;
	return 1;
}

/* ---- keys of a section: one row each ---- */

typedef struct section_key section_key;

/* What the readers of a section's keys fill. */
typedef struct section_build {
	inami_ruleset *rs;
	const section *s;
	void *model;              /* the section's profession_rules or threshold_set */
	size_t *specialty_cap;    /* room in rs->specialties ([profession] only) */
} section_build;

typedef int (*key_reader)(const section_build *b, const section_key *k, const entry *e);

/*
 * A key and its reader. The generic readers (read_text, read_rule) find in
 * the row where the value goes: offsets into the model, 0 for nowhere (the
 * first field of a model is never set by a key).
 */
struct section_key {
	const char *key;          /* ending in '.': a prefix */
	key_reader read;
	const char *word;         /* read_rule: the one value the key takes */
	size_t text;              /* const char *: the value as written */
	size_t figure;            /* inami_figure: the provenance, source, note of the key */
	size_t flag;              /* int set to `flag_value` */
	int flag_value;
};

#define FIELD_AT(b, offset, type) ((type *)(void *)((char *)(b)->model + (offset)))

/* The row for key `k`, or NULL. */
static const section_key *find_key(const section_key *keys, size_t count, const char *k)
{
	for (size_t i = 0; i < count; i++) {
		size_t len = strlen(keys[i].key);
		if (keys[i].key[len - 1] == '.' ? strncmp(k, keys[i].key, len) == 0 : strcmp(k, keys[i].key) == 0)
			return &keys[i];
	}
	return NULL;
}

/* Free text, with the key's metadata when the row names a figure. */
static int read_text(const section_build *b, const section_key *k, const entry *e)
{
	*FIELD_AT(b, k->text, const char *) = e->value;
	return k->figure ? figure_rule(b->rs, b->s, e, FIELD_AT(b, k->figure, inami_figure)) : INAMI_OK;
}

/* A rule written as one fixed word, with its provenance and source. */
static int read_rule(const section_build *b, const section_key *k, const entry *e)
{
	if (strcmp(e->value, k->word) != 0)
		return fail_entry(e, "%s must be '%s', not '%s'", k->key, k->word, e->value);
	if (k->flag)
		*FIELD_AT(b, k->flag, int) = k->flag_value;
	return figure_rule(b->rs, b->s, e, FIELD_AT(b, k->figure, inami_figure));
}

/* Read already, before the other keys. */
static int read_before(const section_build *b, const section_key *k, const entry *e)
{
	(void)b, (void)k, (void)e;
	return INAMI_OK;
}

/* ---- [profession P] ---- */

static int read_specialty_label(const section_build *b, const section_key *k, const entry *e)
{
	int st;
	(void)k;
	take_label(&b->rs->mem, "specialty", e, &b->rs->specialties, &b->rs->specialty_count, b->specialty_cap, &st);
	return st;
}

static int read_label(const section_build *b, const section_key *k, const entry *e)
{
	profession_rules *pr = b->model;

	for (int l = 0; l < 3; l++) {
		if (strcmp(e->key + strlen(k->key), lang_suffix[l]) == 0) {
			pr->label[l] = e->value;
			return INAMI_OK;
		}
	}
	return fail_key(e, "expected label.en, label.fr or label.nl, not '%s'", e->key);
}

/* Other names people use (alias.fr = kiné, kinési): a comma-separated list per language. */
static int read_alias(const section_build *b, const section_key *k, const entry *e)
{
	profession_rules *pr = b->model;

	for (int l = 0; l < 3; l++) {
		if (strcmp(e->key + strlen(k->key), lang_suffix[l]) == 0) {
			pr->alias[l] = e->value;
			return INAMI_OK;
		}
	}
	return fail_key(e, "expected alias.en, alias.fr or alias.nl, not '%s'", e->key);
}

static int read_measures(const section_build *b, const section_key *k, const entry *e)
{
	profession_rules *pr = b->model;
	const char **w;
	size_t n;
	int st;

	(void)k;
	if ((st = split_words(&b->rs->mem, e, &w, &n)) != INAMI_OK)
		return st;
	for (size_t j = 0; j < n; j++) {
		inami_measure m;
		if (inami_measure_from_id(w[j], &m) != INAMI_OK)
			return fail_entry(e, "unknown measure '%s'", w[j]);
		pr->measures |= 1u << m;
	}
	return INAMI_OK;
}

/* The index of `value` in `words` (NULL-terminated), or -1. */
static int word_index(const char *value, const char *const *words)
{
	for (int i = 0; words[i]; i++) {
		if (strcmp(value, words[i]) == 0)
			return i;
	}
	return -1;
}

static int read_partial_convention(const section_build *b, const section_key *k, const entry *e)
{
	static const char *const modes[] = { "none", "same", "tier", NULL };   /* in partial_mode order */
	profession_rules *pr = b->model;
	int mode = word_index(e->value, modes);

	(void)k;
	if (mode < 0)
		return fail_entry(e, "partial_convention is none, same or tier, not '%s'", e->value);
	pr->partial = (partial_mode)mode;
	return figure_rule(b->rs, b->s, e, &pr->partial_fig);
}

static int read_retired(const section_build *b, const section_key *k, const entry *e)
{
	static const char *const modes[] = { "not_found", "same_amount", NULL };   /* in retired_mode order */
	profession_rules *pr = b->model;
	int mode = word_index(e->value, modes);

	(void)k;
	if (mode < 0)
		return fail_entry(e, "retired is same_amount or not_found, not '%s'", e->value);
	pr->retired = (retired_mode)mode;
	return figure_rule(b->rs, b->s, e, &pr->retired_fig);
}

static int read_retired_from(const section_build *b, const section_key *k, const entry *e)
{
	(void)k;
	return parse_year_value(e, &((profession_rules *)b->model)->retired_from);
}

static int read_trainee_exempt(const section_build *b, const section_key *k, const entry *e)
{
	static const char *const answers[] = { "no", "yes", NULL };
	int yes = word_index(e->value, answers);

	(void)k;
	if (yes < 0)
		return fail_entry(e, "trainee.exempt is yes or no, not '%s'", e->value);
	((profession_rules *)b->model)->trainee_exempt = yes;
	return INAMI_OK;
}

static int read_exempt_first_years(const section_build *b, const section_key *k, const entry *e)
{
	profession_rules *pr = b->model;
	int st;

	(void)k;
	if ((st = figure_value(b->rs, b->s, e, &pr->exempt_years, NULL)) != INAMI_OK)
		return st;
	if (pr->exempt_years.value % 100 != 0 || pr->exempt_years.value > 5000)
		return fail_entry(e, "exempt_first_years is a whole number of years");
	pr->has_exempt_years = 1;
	return INAMI_OK;
}

#define PROFESSION(field) offsetof(profession_rules, field)

static const section_key profession_keys[] = {
	{ "specialty.", .read = read_specialty_label },
	{ "label.", .read = read_label },
	{ "alias.", .read = read_alias },
	{ "measures", .read = read_measures },
	{ "convention", .read = read_rule, .word = "whole_year", .figure = PROFESSION(convention) },
	{ "partial_convention", .read = read_partial_convention },
	{ "partial_convention.tier", .read = read_text, .text = PROFESSION(partial_tier) },
	{ "partial_convention.requires", .read = read_text, .text = PROFESSION(partial_requires) },
	{ "pro_rata", .read = read_rule, .word = "complete_months", .figure = PROFESSION(pro_rata) },
	{ "retired", .read = read_retired },
	{ "retired.from", .read = read_retired_from },
	{ "trainee.tier", .read = read_text, .text = PROFESSION(trainee_tier), .figure = PROFESSION(trainee_fig) },
	{ "trainee.exempt", .read = read_trainee_exempt },
	{ "exempt_first_years", .read = read_exempt_first_years },
	{ "employment", .read = read_rule, .word = "self_employed_main", .figure = PROFESSION(employment_fig),
		.flag = PROFESSION(employment_required), .flag_value = INAMI_EMPLOYMENT_SELF_EMPLOYED_MAIN },
	{ "sanction", .read = read_rule, .word = "excludes_year", .figure = PROFESSION(sanction_fig),
		.flag = PROFESSION(has_sanction), .flag_value = 1 },
	{ "contract", .read = read_rule, .word = "by_end_of_year", .figure = PROFESSION(contract_fig),
		.flag = PROFESSION(has_contract), .flag_value = 1 },
	{ "reading.", .read = read_before },   /* rules_readings.c */
};

_Static_assert(offsetof(profession_rules, defined) == 0, "offset 0 of a model is 'no field' in the key tables");

static int build_profession(inami_ruleset *rs, const section *s, size_t *spec_cap)
{
	profession_rules *pr = &rs->professions[s->profession];
	section_build b = { rs, s, pr, spec_cap };
	int st;

	pr->defined = 1;
	for (size_t i = 0; i < s->count; i++) {
		const entry *e = &s->entries[i];
		size_t blen;
		if (meta_key(e->key, &blen) >= 0 || is_section_default(e->key))
			continue;
		const section_key *k = find_key(profession_keys, sizeof(profession_keys) / sizeof(profession_keys[0]), e->key);
		if (k == NULL)
			return fail_key(e, "unknown key '%s' in a [profession] section", e->key);
		if ((st = k->read(&b, k, e)) != INAMI_OK)
			return st;
	}
	for (int l = 0; l < 3; l++) {
		if (!pr->label[l])
			return fail_section(s, "needs label.en, label.fr and label.nl");
	}
	if (pr->measures == 0)
		return fail_section(s, "needs 'measures' (the activity measures its thresholds count)");
	if (!pr->convention.source)
		return fail_section(s, "needs 'convention = whole_year' with its source");
	if (!pr->pro_rata.source)
		return fail_section(s, "needs 'pro_rata' with its source");
	if (!pr->retired_fig.source)
		return fail_section(s, "needs 'retired' (same_amount or not_found) with its source");
	if (pr->partial == PARTIAL_TIER && (!pr->partial_tier || !pr->partial_requires))
		return fail_section(s, "needs partial_convention.tier and partial_convention.requires");
	return inami__readings_read_profession(rs, s, pr);
}

/* ---- [thresholds P from Y] ---- */

static tier_rule *find_tier(threshold_set *ts, const char *id, size_t len)
{
	for (size_t i = 0; i < ts->tier_count; i++) {
		if (strlen(ts->tiers[i].id) == len && strncmp(ts->tiers[i].id, id, len) == 0)
			return &ts->tiers[i];
	}
	return NULL;
}

static specialty_threshold *take_specialty(inami_ruleset *rs, threshold_set *ts, const char *id, size_t len)
{
	for (size_t i = 0; i < ts->specialty_count; i++) {
		if (strlen(ts->specialties[i].id) == len && strncmp(ts->specialties[i].id, id, len) == 0)
			return &ts->specialties[i];
	}
	/* Room was reserved for every key of the section. */
	specialty_threshold *sp = &ts->specialties[ts->specialty_count++];
	sp->id = inami__pool_strndup(&rs->mem, id, len);
	return sp->id ? sp : NULL;
}

/* The measure `id` (part of the key of `e`), if the profession counts it. */
static int counted_measure(const section_build *b, const entry *e, const char *id, inami_measure *m)
{
	if (inami_measure_from_id(id, m) != INAMI_OK)
		return fail_key(e, "unknown measure in '%s'", e->key);
	if (!(b->rs->professions[b->s->profession].measures & (1u << *m)))
		return fail_key(e, "'%s': the profession does not count this measure", e->key);
	return INAMI_OK;
}

static int read_specialties_from(const section_build *b, const section_key *k, const entry *e)
{
	threshold_set *ts = b->model;

	(void)k;
	ts->specialties_from_entry = e;
	return parse_year_value(e, &ts->specialties_from);
}

/* specialty.ID.full, specialty.ID.reduced */
static int read_specialty_threshold(const section_build *b, const section_key *k, const entry *e)
{
	threshold_set *ts = b->model;
	const char *id = e->key + strlen(k->key), *dot = strrchr(id, '.');

	if (!dot || dot == id || (strcmp(dot, ".full") != 0 && strcmp(dot, ".reduced") != 0))
		return fail_key(e, "expected specialty.ID.full or specialty.ID.reduced, not '%s'", e->key);
	specialty_threshold *sp = take_specialty(b->rs, ts, id, (size_t)(dot - id));
	if (!sp)
		return inami__fail(INAMI_ENOMEM, "out of memory");
	if (!inami__rules_find_specialty_label(b->rs, sp->id))
		return fail_key(e, "unknown specialty '%s' (declare it in [profession doctor])", sp->id);
	int full = strcmp(dot, ".full") == 0;
	return figure_value(b->rs, b->s, e, full ? &sp->full : &sp->reduced, full ? &sp->has_full : &sp->has_reduced);
}

/* max.MEASURE */
static int read_maximum(const section_build *b, const section_key *k, const entry *e)
{
	threshold_set *ts = b->model;
	inami_measure m;
	int st;

	if ((st = counted_measure(b, e, e->key + strlen(k->key), &m)) != INAMI_OK)
		return st;
	if ((st = figure_value(b->rs, b->s, e, &ts->max[m], NULL)) != INAMI_OK)
		return st;
	ts->has_max[m] = 1;
	return INAMI_OK;
}

/* TIER.trainee, TIER.MEASURE: the keys no row names. */
static int read_tier_key(const section_build *b, const entry *e)
{
	threshold_set *ts = b->model;
	const char *dot = strchr(e->key, '.');
	inami_measure m;
	int st;

	tier_rule *t = find_tier(ts, e->key, (size_t)(dot - e->key));
	if (!t)
		return fail_key(e, "'%s' names a tier that is not in 'tiers'", e->key);
	if (strcmp(dot + 1, "trainee") == 0) {
		if (strcmp(e->value, "yes") != 0)
			return fail_entry(e, "TIER.trainee takes 'yes'");
		t->trainee_only = 1;
		return INAMI_OK;
	}
	if ((st = counted_measure(b, e, dot + 1, &m)) != INAMI_OK)
		return st;
	if (strcmp(e->value, "specialty.full") == 0 || strcmp(e->value, "specialty.reduced") == 0) {
		t->specialty[m] = strcmp(e->value, "specialty.full") == 0 ? SPECIALTY_FULL : SPECIALTY_REDUCED;
		st = figure_rule(b->rs, b->s, e, &t->min[m]);
	} else {
		st = figure_value(b->rs, b->s, e, &t->min[m], NULL);
	}
	if (st == INAMI_OK)
		t->has_min[m] = 1;
	return st;
}

#define THRESHOLDS(field) offsetof(threshold_set, field)

static const section_key threshold_keys[] = {
	{ "tiers", .read = read_before },
	{ "minimums_reduced", .read = read_text, .text = THRESHOLDS(minimums_reduced),
		.figure = THRESHOLDS(minimums_reduced_fig) },
	{ "specialties_from", .read = read_specialties_from },
	{ "incomplete", .read = read_text, .text = THRESHOLDS(incomplete) },
	{ "specialty.", .read = read_specialty_threshold },
	{ "max.", .read = read_maximum },
	{ "reading.", .read = read_before },   /* rules_readings.c */
	{ "carried.", .read = read_before },   /* rules_readings.c */
};

_Static_assert(offsetof(threshold_set, profession) == 0, "offset 0 of a model is 'no field' in the key tables");

/* Thresholds rise from tier to tier and stay under the maximum; a trainee tier has no minimums. */
static int check_tier_order(const section *s, const threshold_set *ts)
{
	/* Prestations are counted whole: so are their thresholds (the API gives them whole). */
	for (size_t i = 0; i < ts->tier_count; i++) {
		const inami_figure *f = &ts->tiers[i].min[INAMI_MEASURE_PRESTATIONS];
		if (ts->tiers[i].has_min[INAMI_MEASURE_PRESTATIONS] && (f->value % 100 || f->conflict_value % 100))
			return fail_section(s, "a prestations threshold must be a whole number of prestations");
	}
	if (ts->has_max[INAMI_MEASURE_PRESTATIONS] &&
	    (ts->max[INAMI_MEASURE_PRESTATIONS].value % 100 || ts->max[INAMI_MEASURE_PRESTATIONS].conflict_value % 100))
		return fail_section(s, "a prestations maximum must be a whole number of prestations");
	for (int m = 0; m < INAMI_MEASURE_COUNT; m++) {
		const tier_rule *prev = NULL;
		for (size_t i = 0; i < ts->tier_count; i++) {
			const tier_rule *t = &ts->tiers[i];
			if (!t->has_min[m] || t->specialty[m] || t->trainee_only)
				continue;
			if (prev && t->min[m].value <= prev->min[m].value)
				return fail_section(s, "tiers out of order: each tier's minimum must be above the one before (%s)",
					inami_measure_id((inami_measure)m));
			if (ts->has_max[m] && t->min[m].value > ts->max[m].value)
				return fail_section(s, "a tier minimum is above the maximum (%s)", inami_measure_id((inami_measure)m));
			prev = t;
		}
	}
	for (size_t i = 0; i < ts->tier_count; i++) {
		const tier_rule *t = &ts->tiers[i];
		int any = 0;
		for (int m = 0; m < INAMI_MEASURE_COUNT; m++)
			any |= t->has_min[m];
		if (t->trainee_only && any)
			return fail_section(s, "trainee tier '%s' may not have activity minimums", t->id);
	}
	return INAMI_OK;
}

static int build_thresholds(inami_ruleset *rs, const section *s, threshold_set *ts)
{
	const entry *tiers = inami__section_find(s, "tiers");
	section_build b = { rs, s, ts, NULL };
	const char **ids;
	size_t n;
	int st;

	ts->profession = s->profession;
	ts->from = s->from;
	ts->to = s->to;
	if (!rs->professions[s->profession].defined)
		return fail_section(s, "comes before (or without) the [profession] section it needs");
	if (!tiers)
		return fail_section(s, "needs 'tiers' (tier ids, lowest first)");
	if ((st = split_words(&rs->mem, tiers, &ids, &n)) != INAMI_OK)
		return st;
	if (n == 0)
		return fail_entry(tiers, "at least one tier is needed");
	ts->tiers = inami__pool_alloc(&rs->mem, n * sizeof(*ts->tiers));
	ts->specialties = inami__pool_alloc(&rs->mem, (s->count + 1) * sizeof(*ts->specialties));
	if (!ts->tiers || !ts->specialties)
		return inami__fail(INAMI_ENOMEM, "out of memory");
	for (size_t i = 0; i < n; i++) {
		if (find_tier(ts, ids[i], strlen(ids[i])))
			return fail_entry(tiers, "tier '%s' is listed twice", ids[i]);
		ts->tiers[ts->tier_count++].id = ids[i];
	}
	const entry *src = inami__section_find(s, "source");
	ts->source = src ? src->value : "";

	for (size_t i = 0; i < s->count; i++) {
		const entry *e = &s->entries[i];
		size_t blen;
		if (meta_key(e->key, &blen) >= 0 || is_section_default(e->key))
			continue;
		const section_key *k = find_key(threshold_keys, sizeof(threshold_keys) / sizeof(threshold_keys[0]), e->key);
		if (k)
			st = k->read(&b, k, e);
		else if (strchr(e->key, '.'))
			st = read_tier_key(&b, e);
		else
			st = fail_key(e, "unknown key '%s' in a [thresholds] section", e->key);
		if (st != INAMI_OK)
			return st;
	}
	if ((st = check_tier_order(s, ts)) != INAMI_OK)
		return st;
	return inami__readings_read_thresholds(rs, s, ts);
}

/* ---- [amounts P Y] ---- */

static int build_amounts(inami_ruleset *rs, const section *s, amount_set *as)
{
	const entry *status = inami__section_find(s, "status");
	const entry *note = inami__section_find(s, "note");
	int st;

	as->profession = s->profession;
	as->year = s->from;
	as->note = note ? note->value : "";
	if (!rs->professions[s->profession].defined)
		return fail_section(s, "comes before (or without) the [profession] section it needs");
	as->thresholds = inami__rules_find_thresholds(rs, s->profession, s->from);
	if (status && strcmp(status->value, "available") != 0) {
		/* A layer turns a NOT FOUND year into a known one with `status = available`. */
		if (strcmp(status->value, "not_found") != 0)
			return fail_entry(status, "status is 'not_found' or 'available', not '%s'", status->value);
		for (size_t i = 0; i < s->count; i++) {
			const char *k = s->entries[i].key;
			if (strcmp(k, "status") != 0 && !is_section_default(k))
				return fail_key(&s->entries[i], "'%s': a NOT FOUND year has only status, note and source", k);
		}
		as->available = 0;
		return INAMI_OK;
	}
	as->available = 1;
	if (!as->thresholds)
		return fail_section(s, "has no [thresholds] section in force for its year");
	as->items = inami__pool_alloc(&rs->mem, (s->count + 1) * sizeof(*as->items));
	if (!as->items)
		return inami__fail(INAMI_ENOMEM, "out of memory");
	for (size_t i = 0; i < s->count; i++) {
		const entry *e = &s->entries[i];
		size_t blen;
		if (meta_key(e->key, &blen) >= 0 || is_section_default(e->key) || strcmp(e->key, "status") == 0)
			continue;
		if (!find_tier((threshold_set *)as->thresholds, e->key, strlen(e->key)))
			return fail_key(e, "'%s' is not a tier of the thresholds in force for this year", e->key);
		amount_item *it = &as->items[as->count++];
		it->tier = e->key;
		if ((st = figure_value(rs, s, e, &it->figure, &it->known)) != INAMI_OK)
			return st;
	}
	for (size_t t = 0; t < as->thresholds->tier_count; t++) {
		const char *id = as->thresholds->tiers[t].id;
		int found = 0;
		for (size_t i = 0; i < as->count; i++)
			found |= strcmp(as->items[i].tier, id) == 0;
		if (!found)
			return fail_section(s, "gives no amount for tier '%s' (write 'not_found' if the sources have none)", id);
	}
	return INAMI_OK;
}

/* `specialties_from = YEAR`: copy the specialty thresholds this set does not give from that set. */
static int inherit_specialties(inami_ruleset *rs)
{
	for (size_t i = 0; i < rs->threshold_count; i++) {
		threshold_set *ts = &rs->thresholds[i];
		const threshold_set *base = NULL;
		if (!ts->specialties_from)
			continue;
		for (size_t j = 0; j < rs->threshold_count; j++) {
			if (rs->thresholds[j].profession == ts->profession && rs->thresholds[j].from == ts->specialties_from)
				base = &rs->thresholds[j];
		}
		if (!base || base == ts || base->specialties_from)
			return fail_entry(ts->specialties_from_entry,
				"specialties_from must name the first year of another [thresholds] section of the profession "
				"that gives its own specialty thresholds");
		specialty_threshold *all = inami__pool_alloc(&rs->mem, (ts->specialty_count + base->specialty_count + 1) * sizeof(*all));
		if (!all)
			return inami__fail(INAMI_ENOMEM, "out of memory");
		memcpy(all, ts->specialties, ts->specialty_count * sizeof(*all));
		size_t n = ts->specialty_count;
		for (size_t k = 0; k < base->specialty_count; k++) {
			if (!inami__rules_find_specialty(ts, base->specialties[k].id))
				all[n++] = base->specialties[k];
		}
		ts->specialties = all;
		ts->specialty_count = n;
	}
	return INAMI_OK;
}

static int cmp_thresholds(const void *a, const void *b)
{
	const threshold_set *x = a, *y = b;
	if (x->profession != y->profession)
		return (int)x->profession - (int)y->profession;
	return x->from - y->from;
}

int inami__rules_build(inami_ruleset *rs)
{
	size_t spec_cap = 0, label_cap = 0, nt = 0, na = 0;
	int st;

	for (size_t i = 0; i < rs->section_count; i++) {
		if ((st = check_meta_targets(&rs->sections[i])) != INAMI_OK)
			return st;
		nt += rs->sections[i].kind == SECTION_THRESHOLDS;
		na += rs->sections[i].kind == SECTION_AMOUNTS;
	}
	rs->thresholds = inami__pool_alloc(&rs->mem, (nt + 1) * sizeof(*rs->thresholds));
	rs->amounts = inami__pool_alloc(&rs->mem, (na + 1) * sizeof(*rs->amounts));
	if (!rs->thresholds || !rs->amounts)
		return inami__fail(INAMI_ENOMEM, "out of memory");

	/* Labels and professions first: other sections refer to them. */
	for (size_t i = 0; i < rs->section_count; i++) {
		const section *s = &rs->sections[i];
		if (s->kind == SECTION_LABELS) {
			for (size_t j = 0; j < s->count; j++) {
				if (!take_label(&rs->mem, "tier", &s->entries[j], &rs->tier_labels,
						&rs->tier_label_count, &label_cap, &st))
					return fail_key(&s->entries[j], "unknown key '%s' in [labels] (expected tier.ID.LANG)",
						s->entries[j].key);
				if (st != INAMI_OK)
					return st;
			}
		} else if (s->kind == SECTION_PROFESSION) {
			if ((st = build_profession(rs, s, &spec_cap)) != INAMI_OK)
				return st;
		}
	}
	for (size_t i = 0; i < rs->section_count; i++) {
		const section *s = &rs->sections[i];
		if (s->kind != SECTION_THRESHOLDS)
			continue;
		if ((st = build_thresholds(rs, s, &rs->thresholds[rs->threshold_count])) != INAMI_OK)
			return st;
		rs->threshold_count++;
	}
	qsort(rs->thresholds, rs->threshold_count, sizeof(*rs->thresholds), cmp_thresholds);
	if ((st = inherit_specialties(rs)) != INAMI_OK)
		return st;
	for (size_t i = 0; i < rs->section_count; i++) {
		const section *s = &rs->sections[i];
		if (s->kind != SECTION_AMOUNTS)
			continue;
		if ((st = build_amounts(rs, s, &rs->amounts[rs->amount_count])) != INAMI_OK)
			return st;
		rs->amount_count++;
	}
	/* Tier ids named by the professions must exist in the years they concern. */
	for (int p = 1; p <= INAMI_PROFESSION_COUNT; p++) {
		const profession_rules *pr = &rs->professions[p];
		if (!pr->defined)
			continue;
		for (size_t i = 0; i < rs->threshold_count; i++) {
			threshold_set *ts = &rs->thresholds[i];
			if (ts->profession != (inami_profession)p)
				continue;
			if (pr->partial == PARTIAL_TIER &&
			    (!find_tier(ts, pr->partial_tier, strlen(pr->partial_tier)) ||
			     !find_tier(ts, pr->partial_requires, strlen(pr->partial_requires))))
				return inami__fail(INAMI_EPARSE, "%s: thresholds of %s from %d lack the partial-convention tiers '%s' and '%s'",
					pr->partial_fig.layer, inami_profession_id((inami_profession)p), ts->from,
					pr->partial_tier, pr->partial_requires);
			for (size_t t = 0; t < ts->tier_count; t++) {
				if (ts->tiers[t].trainee_only && (!pr->trainee_tier || strcmp(pr->trainee_tier, ts->tiers[t].id) != 0))
					return inami__fail(INAMI_EPARSE, "thresholds of %s from %d: trainee tier '%s' is not the profession's trainee.tier",
						inami_profession_id((inami_profession)p), ts->from, ts->tiers[t].id);
			}
		}
	}
	if ((st = inami__rules_law_check(rs)) != INAMI_OK)
		return st;
	return inami__rules_validate(rs);
}
