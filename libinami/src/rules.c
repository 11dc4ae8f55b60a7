/*
 * Ruleset lifecycle: the embedded default, loading files and buffers alone
 * or as layers, freeing. Loading is atomic: a new ruleset is built aside and
 * returned only when every check passed.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "embedded.h"
#include "error.h"
#include "read_file.h"
#include "rules_model.h"

#define MAX_RULES_FILE (64u << 20)

static int same_identity(const section *a, const section *b)
{
	return a->kind == b->kind && a->profession == b->profession && a->from == b->from && a->to == b->to &&
		strcmp(a->subject, b->subject) == 0;
}

static int copy_section(pool *mem, const section *src, section_list *out)
{
	section s = *src;

	s.entries = malloc((src->count ? src->count : 1) * sizeof(*s.entries));
	if (!s.entries)
		return -1;
	s.cap = src->count ? src->count : 1;
	for (size_t i = 0; i < src->count; i++) {
		s.entries[i] = src->entries[i];
		s.entries[i].key = inami__pool_strdup(mem, src->entries[i].key);
		s.entries[i].value = inami__pool_strdup(mem, src->entries[i].value);
		s.entries[i].layer = inami__pool_strdup(mem, src->entries[i].layer);
		if (!s.entries[i].key || !s.entries[i].value || !s.entries[i].layer) {
			free(s.entries);
			return -1;
		}
	}
	s.layer = inami__pool_strdup(mem, src->layer);
	if (!s.layer || inami__section_list_push(out, &s) != 0) {
		free(s.entries);
		return -1;
	}
	return 0;
}

/* Set or replace `e` in `s`. */
static int put_entry(section *s, const entry *e)
{
	for (size_t i = 0; i < s->count; i++) {
		if (strcmp(s->entries[i].key, e->key) == 0) {
			s->entries[i] = *e;
			return 0;
		}
	}
	if (s->count == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 8;
		entry *more = realloc(s->entries, cap * sizeof(*more));
		if (!more)
			return -1;
		s->entries = more;
		s->cap = cap;
	}
	s->entries[s->count++] = *e;
	return 0;
}

static int is_meta_or_default(const char *key)
{
	static const char *const names[] = { "provenance", "source", "note", "conflict" };
	const char *dot = strrchr(key, '.');
	const char *last = dot ? dot + 1 : key;

	for (size_t i = 0; i < 4; i++) {
		if (strcmp(last, names[i]) == 0)
			return 1;
	}
	return 0;
}

/*
 * A value an override changes must bring its own provenance and source (its
 * own KEY.provenance / KEY.source, or the override section's): otherwise it
 * would silently inherit the source of the figure it replaces.
 */
static int check_override_sources(const section *s)
{
	char key[256];

	for (size_t i = 0; i < s->count; i++) {
		const entry *e = &s->entries[i];
		if (is_meta_or_default(e->key))
			continue;
		snprintf(key, sizeof(key), "%s.provenance", e->key);
		int has_prov = inami__section_find(s, key) || inami__section_find(s, "provenance");
		snprintf(key, sizeof(key), "%s.source", e->key);
		int has_src = inami__section_find(s, key) || inami__section_find(s, "source");
		if (!has_prov || !has_src)
			return inami__fail(INAMI_EPARSE, "%s:%d:1: '%s' is overridden without its own provenance and source "
				"(add %s.provenance and %s.source, or 'provenance' and 'source' in the override section)",
				e->layer, e->line, e->key, e->key, e->key);
	}
	return INAMI_OK;
}

/* Merge freshly parsed sections into `all` (the lower layers). */
static int merge_sections(section_list *all, section_list *fresh)
{
	char heading[96];

	for (size_t i = 0; i < fresh->count; i++) {
		section *s = &fresh->items[i];
		section *old = NULL;
		for (size_t j = 0; j < all->count && !old; j++) {
			if (same_identity(&all->items[j], s))
				old = &all->items[j];
		}
		inami__rules_section_heading(s, heading, sizeof(heading));
		if (old && !s->override)
			return inami__fail(INAMI_EPARSE, "%s:%d:1: %s is already defined (%s:%d); "
				"write '%.*s override]' to replace its figures", s->layer, s->line, heading,
				old->layer, old->line, (int)strlen(heading) - 1, heading);
		if (!old && s->override)
			return inami__fail(INAMI_EPARSE, "%s:%d:1: %s overrides a section that no lower layer has; "
				"remove 'override' to add it", s->layer, s->line, heading);
		if (old) {
			int st = check_override_sources(s);
			if (st != INAMI_OK)
				return st;
			for (size_t k = 0; k < s->count; k++) {
				if (put_entry(old, &s->entries[k]) != 0)
					return inami__fail(INAMI_ENOMEM, "out of memory");
			}
			continue;
		}
		if (inami__section_list_push(all, s) != 0)
			return inami__fail(INAMI_ENOMEM, "out of memory");
		s->entries = NULL;   /* now owned by `all` */
	}
	return INAMI_OK;
}

static void free_ruleset(inami_ruleset *rs)
{
	if (!rs)
		return;
	for (size_t i = 0; i < rs->section_count; i++)
		free(rs->sections[i].entries);
	free(rs->sections);
	free((void *)rs->layers);
	inami__pool_free(&rs->mem);
	free(rs);
}

typedef struct text_part {
	const char *name;
	const char *text;
	size_t len;
} text_part;

/*
 * Make a ruleset: `base` (may be NULL) with one new layer made of `parts`.
 */
static int load_layer(inami_ruleset **out, const inami_ruleset *base, const char *layer_name,
	const text_part *parts, size_t nparts)
{
	inami_ruleset *rs = calloc(1, sizeof(*rs));
	section_list all = { 0 }, fresh = { 0 };
	int st = INAMI_OK;

	*out = NULL;
	if (!rs)
		return inami__fail(INAMI_ENOMEM, "out of memory");
	inami__pool_init(&rs->mem);
	size_t nlayers = (base ? base->layer_count : 0) + 1;
	rs->layers = calloc(nlayers, sizeof(*rs->layers));
	if (!rs->layers) {
		st = inami__fail(INAMI_ENOMEM, "out of memory");
		goto done;
	}
	for (size_t i = 0; base && i < base->layer_count; i++) {
		if (!(rs->layers[rs->layer_count++] = inami__pool_strdup(&rs->mem, base->layers[i]))) {
			st = inami__fail(INAMI_ENOMEM, "out of memory");
			goto done;
		}
	}
	if (!(rs->layers[rs->layer_count++] = inami__pool_strdup(&rs->mem, layer_name))) {
		st = inami__fail(INAMI_ENOMEM, "out of memory");
		goto done;
	}
	for (size_t i = 0; base && i < base->section_count; i++) {
		if (copy_section(&rs->mem, &base->sections[i], &all) != 0) {
			st = inami__fail(INAMI_ENOMEM, "out of memory");
			goto done;
		}
	}
	for (size_t p = 0; p < nparts; p++) {
		const char *name = inami__pool_strdup(&rs->mem, parts[p].name);
		if (!name) {
			st = inami__fail(INAMI_ENOMEM, "out of memory");
			goto done;
		}
		if ((st = inami__rules_parse(&rs->mem, name, parts[p].text, parts[p].len, &fresh)) != INAMI_OK)
			goto done;
		if ((st = merge_sections(&all, &fresh)) != INAMI_OK)
			goto done;
		inami__section_list_free(&fresh);
	}
	rs->sections = all.items;
	rs->section_count = all.count;
	all.items = NULL;
	all.count = 0;
	st = inami__rules_build(rs);
done:
	inami__section_list_free(&fresh);
	inami__section_list_free(&all);
	if (st != INAMI_OK) {
		free_ruleset(rs);
		return st;
	}
	*out = rs;
	return INAMI_OK;
}

static pthread_once_t default_once = PTHREAD_ONCE_INIT;
static inami_ruleset *default_rules;
static int default_status;
static char default_message[1024];

static void make_default(void)
{
	static char names[64][128];
	text_part parts[64];
	size_t n = 0;

	for (const inami_embedded_file *f = inami__embedded_files; f->name && n < 64; f++) {
		size_t len = strlen(f->name);
		if (len > 6 && strcmp(f->name + len - 6, ".rules") == 0) {
			snprintf(names[n], sizeof(names[n]), "default:%s", f->name);
			parts[n].name = names[n];
			parts[n].text = f->text;
			parts[n].len = f->len;
			n++;
		}
	}
	default_status = load_layer(&default_rules, NULL, "default", parts, n);
	if (default_status != INAMI_OK)
		snprintf(default_message, sizeof(default_message), "embedded rules: %s", inami_error_last());
	else
		default_rules->is_default = 1;
}

int inami_ruleset_default(const inami_ruleset **out)
{
	INAMI_CHECK_NULL(out);
	pthread_once(&default_once, make_default);
	if (default_status != INAMI_OK) {
		*out = NULL;
		return inami__fail(default_status, "%s", default_message);
	}
	*out = default_rules;
	return INAMI_OK;
}

int inami_ruleset_load_buffer(inami_ruleset **out, const inami_ruleset *base,
	const char *data, size_t len, const char *name)
{
	INAMI_CHECK_NULL(out);
	*out = NULL;
	INAMI_CHECK_NULL(data);
	text_part part = { name ? name : "buffer", data, len };
	return load_layer(out, base, part.name, &part, 1);
}

int inami_ruleset_load_file(inami_ruleset **out, const inami_ruleset *base, const char *path)
{
	char *data;
	size_t len;
	int st;

	INAMI_CHECK_NULL(out);
	*out = NULL;
	INAMI_CHECK_NULL(path);
	if ((st = inami__read_file(path, "rules file", MAX_RULES_FILE, &data, &len)) != INAMI_OK)
		return st;
	text_part part = { path, data, len };
	st = load_layer(out, base, path, &part, 1);
	free(data);
	return st;
}

void inami_ruleset_free(const inami_ruleset *rules)
{
	if (rules && !rules->is_default)
		free_ruleset((inami_ruleset *)rules);
}

size_t inami_ruleset_layer_count(const inami_ruleset *rules)
{
	return rules ? rules->layer_count : 0;
}

const char *inami_ruleset_layer_name(const inami_ruleset *rules, size_t index)
{
	if (!rules || index >= rules->layer_count)
		return NULL;
	return rules->layers[index];
}
