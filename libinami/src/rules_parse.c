/*
 * Rules files, syntax only: a header line `inami-rules 1`, then sections
 * `[kind args...]` holding `key = value` lines. Comments are whole lines
 * starting with '#'. Meaning is checked later, in rules_build.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "rules_model.h"

#define MAX_LINE 4096

int inami__section_list_push(section_list *list, const section *s)
{
	if (list->count == list->cap) {
		size_t cap = list->cap ? list->cap * 2 : 32;
		section *items = realloc(list->items, cap * sizeof(*items));
		if (items == NULL)
			return -1;
		list->items = items;
		list->cap = cap;
	}
	list->items[list->count++] = *s;
	return 0;
}

void inami__section_list_free(section_list *list)
{
	for (size_t i = 0; i < list->count; i++)
		free(list->items[i].entries);
	free(list->items);
	list->items = NULL;
	list->count = list->cap = 0;
}

const entry *inami__section_find(const section *s, const char *key)
{
	for (size_t i = 0; i < s->count; i++) {
		if (strcmp(s->entries[i].key, key) == 0)
			return &s->entries[i];
	}
	return NULL;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t';
}

static int is_key_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
}

/* Parse a year token (1900..2999) of `len` bytes. */
static int parse_year(const char *t, size_t len, int *year)
{
	int y = 0;

	if (len != 4)
		return -1;
	for (size_t i = 0; i < 4; i++) {
		if (t[i] < '0' || t[i] > '9')
			return -1;
		y = y * 10 + (t[i] - '0');
	}
	if (y < 1900 || y > 2999)
		return -1;
	*year = y;
	return 0;
}

typedef struct token {
	const char *p;
	size_t len;
	int column;
} token;

static size_t split_tokens(const char *s, size_t len, int column0, token *tok, size_t max)
{
	size_t n = 0, i = 0;

	while (i < len) {
		while (i < len && is_space(s[i]))
			i++;
		if (i >= len)
			break;
		size_t start = i;
		while (i < len && !is_space(s[i]))
			i++;
		if (n < max) {
			tok[n].p = s + start;
			tok[n].len = i - start;
			tok[n].column = column0 + (int)start;
		}
		n++;
	}
	return n;
}

static int tok_is(const token *t, const char *word)
{
	return t->len == strlen(word) && memcmp(t->p, word, t->len) == 0;
}

static int fail_at(const char *layer, int line, int column, const char *msg, const token *t)
{
	if (t)
		return inami__fail(INAMI_EPARSE, "%s:%d:%d: %s '%.*s'", layer, line, column, msg,
			(int)(t->len > 60 ? 60 : t->len), t->p);
	return inami__fail(INAMI_EPARSE, "%s:%d:%d: %s", layer, line, column, msg);
}

static int parse_profession_token(const char *layer, int line, const token *t, inami_profession *p)
{
	char id[40];

	if (t->len >= sizeof(id))
		return fail_at(layer, line, t->column, "unknown profession", t);
	memcpy(id, t->p, t->len);
	id[t->len] = '\0';
	if (inami_profession_from_id(id, p) != INAMI_OK)
		return fail_at(layer, line, t->column, "unknown profession (known: physiotherapist, "
			"doctor, dentist, pharmacist, speech_therapist, nurse, midwife):", t);
	return INAMI_OK;
}

/*
 * `[labels]`, `[profession P]`, `[thresholds P from Y [to Y]]`, `[amounts P Y]`, `[law SUBJECT from Y [to Y]]`,
 * each optionally `override`.
 */
static int parse_heading(const char *layer, int line, const char *s, size_t len, section *sec)
{
	token tok[8];
	const char *close = memchr(s, ']', len);

	if (close == NULL)
		return fail_at(layer, line, (int)len + 1, "a section heading ends with ']'", NULL);
	for (const char *q = close + 1; q < s + len; q++) {
		if (!is_space(*q))
			return fail_at(layer, line, (int)(q - s) + 1, "nothing may follow ']' on a section heading", NULL);
	}
	size_t n = split_tokens(s + 1, (size_t)(close - s - 1), 2, tok, 8);
	if (n == 0)
		return fail_at(layer, line, 2, "empty section heading", NULL);
	if (n > 8)
		return fail_at(layer, line, tok[7].column, "too many words in the section heading", NULL);
	memset(sec, 0, sizeof(*sec));
	sec->layer = layer;
	sec->line = line;
	if (n > 1 && tok_is(&tok[n - 1], "override")) {
		sec->override = 1;
		n--;
	}
	int st;
	if (tok_is(&tok[0], "labels")) {
		if (n != 1)
			return fail_at(layer, line, tok[1].column, "[labels] takes no argument:", &tok[1]);
		sec->kind = SECTION_LABELS;
	} else if (tok_is(&tok[0], "profession")) {
		if (n != 2)
			return fail_at(layer, line, tok[0].column, "expected [profession ID]", NULL);
		sec->kind = SECTION_PROFESSION;
		if ((st = parse_profession_token(layer, line, &tok[1], &sec->profession)) != INAMI_OK)
			return st;
	} else if (tok_is(&tok[0], "thresholds")) {
		if ((n != 4 && n != 6) || !tok_is(&tok[2], "from") || (n == 6 && !tok_is(&tok[4], "to")))
			return fail_at(layer, line, tok[0].column,
				"expected [thresholds PROFESSION from YEAR] or [thresholds PROFESSION from YEAR to YEAR]", NULL);
		sec->kind = SECTION_THRESHOLDS;
		if ((st = parse_profession_token(layer, line, &tok[1], &sec->profession)) != INAMI_OK)
			return st;
		if (parse_year(tok[3].p, tok[3].len, &sec->from) != 0)
			return fail_at(layer, line, tok[3].column, "expected a premium year (1900-2999), not", &tok[3]);
		if (n == 6) {
			if (parse_year(tok[5].p, tok[5].len, &sec->to) != 0)
				return fail_at(layer, line, tok[5].column, "expected a premium year (1900-2999), not", &tok[5]);
			if (sec->to < sec->from)
				return fail_at(layer, line, tok[5].column, "the last year comes before the first:", &tok[5]);
		}
	} else if (tok_is(&tok[0], "amounts")) {
		if (n != 3)
			return fail_at(layer, line, tok[0].column, "expected [amounts PROFESSION YEAR]", NULL);
		sec->kind = SECTION_AMOUNTS;
		if ((st = parse_profession_token(layer, line, &tok[1], &sec->profession)) != INAMI_OK)
			return st;
		if (parse_year(tok[2].p, tok[2].len, &sec->from) != 0)
			return fail_at(layer, line, tok[2].column, "expected a premium year (1900-2999), not", &tok[2]);
		sec->to = sec->from;
	} else if (tok_is(&tok[0], "law")) {
		if ((n != 4 && n != 6) || !tok_is(&tok[2], "from") || (n == 6 && !tok_is(&tok[4], "to")))
			return fail_at(layer, line, tok[0].column,
				"expected [law SUBJECT from YEAR] or [law SUBJECT from YEAR to YEAR]", NULL);
		sec->kind = SECTION_LAW;
		if (!inami__rules_law_subject_known(tok[1].p, tok[1].len))
			return fail_at(layer, line, tok[1].column, "unknown subject (known: exit_taxation, solidarity_minimum, calendar):",
				&tok[1]);
		memcpy(sec->subject, tok[1].p, tok[1].len);
		sec->subject[tok[1].len] = '\0';
		if (parse_year(tok[3].p, tok[3].len, &sec->from) != 0)
			return fail_at(layer, line, tok[3].column, "expected a year (1900-2999), not", &tok[3]);
		if (n == 6) {
			if (parse_year(tok[5].p, tok[5].len, &sec->to) != 0)
				return fail_at(layer, line, tok[5].column, "expected a year (1900-2999), not", &tok[5]);
			if (sec->to < sec->from)
				return fail_at(layer, line, tok[5].column, "the last year comes before the first:", &tok[5]);
		}
	} else {
		return fail_at(layer, line, tok[0].column,
			"unknown section kind (known: labels, profession, thresholds, amounts, law):", &tok[0]);
	}
	return INAMI_OK;
}

static int add_entry(pool *mem, section *sec, const char *layer, int line,
	const char *key, size_t klen, const char *value, size_t vlen, int vcol)
{
	if (sec->count == sec->cap) {
		size_t cap = sec->cap ? sec->cap * 2 : 16;
		entry *e = realloc(sec->entries, cap * sizeof(*e));
		if (e == NULL)
			return inami__fail(INAMI_ENOMEM, "out of memory reading %s", layer);
		sec->entries = e;
		sec->cap = cap;
	}
	entry *e = &sec->entries[sec->count];
	e->key = inami__pool_strndup(mem, key, klen);
	e->value = inami__pool_strndup(mem, value, vlen);
	if (e->key == NULL || e->value == NULL)
		return inami__fail(INAMI_ENOMEM, "out of memory reading %s", layer);
	e->layer = layer;
	e->line = line;
	e->value_column = vcol;
	sec->count++;
	return INAMI_OK;
}

static int parse_entry(pool *mem, const char *layer, int line, const char *s, size_t len, section *sec)
{
	size_t i = 0;

	while (i < len && is_key_char(s[i]))
		i++;
	size_t klen = i;
	if (klen == 0)
		return fail_at(layer, line, 1, "expected 'key = value' (keys use a-z, 0-9, '_' and '.')", NULL);
	while (i < len && is_space(s[i]))
		i++;
	if (i >= len || s[i] != '=')
		return fail_at(layer, line, (int)i + 1, "expected '=' after the key", NULL);
	i++;
	while (i < len && is_space(s[i]))
		i++;
	size_t vstart = i, vend = len;
	while (vend > vstart && is_space(s[vend - 1]))
		vend--;
	if (vend == vstart)
		return fail_at(layer, line, (int)i + 1, "the value is empty", NULL);
	for (size_t k = 0; k < sec->count; k++) {
		if (strlen(sec->entries[k].key) == klen && memcmp(sec->entries[k].key, s, klen) == 0)
			return inami__fail(INAMI_EPARSE, "%s:%d:1: duplicate key '%.*s' (first at line %d)",
				layer, line, (int)klen, s, sec->entries[k].line);
	}
	return add_entry(mem, sec, layer, line, s, klen, s + vstart, vend - vstart, (int)vstart + 1);
}

int inami__rules_parse(pool *mem, const char *layer, const char *text, size_t len, section_list *out)
{
	size_t pos = 0;
	int line = 0, seen_header = 0, st = INAMI_OK;
	section cur;
	int in_section = 0;

	if (text == NULL)
		return inami__fail(INAMI_ENULL, "%s: no text", layer);
	while (pos < len) {
		size_t end = pos;
		while (end < len && text[end] != '\n')
			end++;
		line++;
		size_t llen = end - pos;
		const char *s = text + pos;
		pos = end < len ? end + 1 : end;
		if (llen > 0 && s[llen - 1] == '\r')
			llen--;
		if (llen > MAX_LINE) {
			st = fail_at(layer, line, MAX_LINE, "line too long (at most 4096 bytes)", NULL);
			goto fail;
		}
		if (memchr(s, '\0', llen) != NULL) {
			st = fail_at(layer, line, (int)((const char *)memchr(s, '\0', llen) - s) + 1,
				"a NUL byte is not allowed in a rules file", NULL);
			goto fail;
		}
		size_t lead = 0;
		while (lead < llen && is_space(s[lead]))
			lead++;
		if (lead == llen || s[lead] == '#')
			continue;
		if (lead > 0) {
			st = fail_at(layer, line, 1, "a line may not start with spaces", NULL);
			goto fail;
		}
		if (!seen_header) {
			token tok[3];
			size_t n = split_tokens(s, llen, 1, tok, 3);
			if (n != 2 || !tok_is(&tok[0], "inami-rules")) {
				st = fail_at(layer, line, 1, "the first line must be 'inami-rules 1'", NULL);
				goto fail;
			}
			if (!tok_is(&tok[1], "1")) {
				st = fail_at(layer, line, tok[1].column, "unsupported rules format version", &tok[1]);
				goto fail;
			}
			seen_header = 1;
			continue;
		}
		if (s[0] == '[') {
			if (in_section && inami__section_list_push(out, &cur) != 0) {
				free(cur.entries);
				return inami__fail(INAMI_ENOMEM, "out of memory reading %s", layer);
			}
			in_section = 0;
			if ((st = parse_heading(layer, line, s, llen, &cur)) != INAMI_OK)
				return st;
			in_section = 1;
			continue;
		}
		if (!in_section) {
			st = fail_at(layer, line, 1, "a key must come after a section heading such as [profession doctor]", NULL);
			goto fail;
		}
		if ((st = parse_entry(mem, layer, line, s, llen, &cur)) != INAMI_OK)
			goto fail;
	}
	if (!seen_header)
		return inami__fail(INAMI_EPARSE, "%s:1:1: empty rules file (the first line must be 'inami-rules 1')", layer);
	if (in_section && inami__section_list_push(out, &cur) != 0) {
		free(cur.entries);
		return inami__fail(INAMI_ENOMEM, "out of memory reading %s", layer);
	}
	return INAMI_OK;
fail:
	if (in_section)
		free(cur.entries);
	return st;
}

void inami__rules_section_heading(const section *s, char *buf, size_t size)
{
	const char *p = inami_profession_id(s->profession);
	const char *ov = s->override ? " override" : "";

	switch (s->kind) {
	case SECTION_LABELS:
		snprintf(buf, size, "[labels%s]", ov);
		break;
	case SECTION_PROFESSION:
		snprintf(buf, size, "[profession %s%s]", p, ov);
		break;
	case SECTION_THRESHOLDS:
		if (s->to)
			snprintf(buf, size, "[thresholds %s from %d to %d%s]", p, s->from, s->to, ov);
		else
			snprintf(buf, size, "[thresholds %s from %d%s]", p, s->from, ov);
		break;
	case SECTION_AMOUNTS:
		snprintf(buf, size, "[amounts %s %d%s]", p, s->from, ov);
		break;
	case SECTION_LAW:
		if (s->to)
			snprintf(buf, size, "[law %s from %d to %d%s]", s->subject, s->from, s->to, ov);
		else
			snprintf(buf, size, "[law %s from %d%s]", s->subject, s->from, ov);
		break;
	}
}
