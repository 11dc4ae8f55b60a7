/*
 * Reading nomenclature CSV (libinami/data/nomenclature.csv and user files):
 * RFC 4180 fields ("" escapes a quote), '#' comment lines, a header naming
 * the columns. Every row becomes a nom_period; errors carry name:line:column.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "error.h"
#include "money.h"
#include "nomenclature_parse.h"

enum { COL_CODE, COL_LETTER, COL_VALUE, COL_FROM, COL_TO, COL_PROV, COL_SOURCE, COL_NOTE,
	COL_DESC, COL_COUNT };

static const char *const col_names[COL_COUNT] = {
	"code", "key_letter", "value", "valid_from", "valid_to", "provenance", "source_url",
	"note", "description"
};

#define MAX_FIELDS 64

typedef struct field {
	const char *text;  /* unquoted text (pool copy when it had quotes) */
	size_t len;
	int column;        /* 1-based byte column of the field start */
} field;

typedef struct cursor {
	const char *data;
	size_t len, pos;
	int line;
	const char *name;
	pool *strings;
} cursor;

/* Read one record into `f`; returns the number of fields, 0 at end, <0 on error. */
static int read_record(cursor *c, field *f, int *nfields)
{
	int n = 0;
	size_t line_start = c->pos;

	for (;;) {
		if (n == MAX_FIELDS)
			return inami__fail(INAMI_EPARSE, "%s:%d:%zu: more than %d columns", c->name,
				c->line, c->pos - line_start + 1, MAX_FIELDS);
		f[n].column = (int)(c->pos - line_start + 1);
		if (c->pos < c->len && c->data[c->pos] == '"') {
			/* Quoted field: copy, turning "" into ". */
			size_t start = ++c->pos, out = 0;
			char *buf = inami__pool_alloc(c->strings, c->len - start + 1);
			if (buf == NULL)
				return inami__fail(INAMI_ENOMEM, "out of memory reading %s", c->name);
			for (;;) {
				if (c->pos >= c->len)
					return inami__fail(INAMI_EPARSE, "%s:%d:%d: quoted field is not closed",
						c->name, c->line, f[n].column);
				char ch = c->data[c->pos++];
				if (ch == '"') {
					if (c->pos < c->len && c->data[c->pos] == '"') {
						buf[out++] = '"';
						c->pos++;
						continue;
					}
					break;
				}
				if (ch == '\n')
					c->line++;
				buf[out++] = ch;
			}
			f[n].text = buf;
			f[n].len = out;
			if (c->pos < c->len && c->data[c->pos] != ',' && c->data[c->pos] != '\n'
				&& c->data[c->pos] != '\r')
				return inami__fail(INAMI_EPARSE, "%s:%d:%zu: text after a closing quote",
					c->name, c->line, c->pos - line_start + 1);
		} else {
			size_t start = c->pos;
			while (c->pos < c->len && c->data[c->pos] != ',' && c->data[c->pos] != '\n') {
				if (c->data[c->pos] == '"')
					return inami__fail(INAMI_EPARSE, "%s:%d:%zu: quote inside an unquoted field",
						c->name, c->line, c->pos - line_start + 1);
				c->pos++;
			}
			size_t end = c->pos;
			if (end > start && c->data[end - 1] == '\r')
				end--;
			f[n].text = c->data + start;
			f[n].len = end - start;
		}
		n++;
		if (c->pos < c->len && c->data[c->pos] == '\r')
			c->pos++;
		if (c->pos >= c->len || c->data[c->pos] == '\n') {
			if (c->pos < c->len)
				c->pos++;
			*nfields = n;
			return n;
		}
		c->pos++; /* the comma */
	}
}

/* Skip blank and '#' lines; 0 at end of data. */
static int skip_blank(cursor *c)
{
	while (c->pos < c->len) {
		size_t e = c->pos;
		while (e < c->len && c->data[e] != '\n')
			e++;
		int blank = 1;
		for (size_t i = c->pos; i < e; i++)
			if (c->data[i] != ' ' && c->data[i] != '\t' && c->data[i] != '\r')
				blank = 0;
		if (!blank && c->data[c->pos] != '#')
			return 1;
		c->pos = e < c->len ? e + 1 : e;
		c->line++;
	}
	return 0;
}

static int field_is(const field *f, const char *s)
{
	return f->len == strlen(s) && memcmp(f->text, s, f->len) == 0;
}

static int parse_date_field(cursor *c, const field *f, const char *what, inami_date *out)
{
	char buf[16];

	*out = 0;
	if (f->len == 0)
		return INAMI_OK; /* unknown */
	if (f->len >= sizeof(buf))
		return inami__fail(INAMI_EPARSE, "%s:%d:%d: %s is not a date (expected YYYY-MM-DD)",
			c->name, c->line, f->column, what);
	memcpy(buf, f->text, f->len);
	buf[f->len] = '\0';
	if (inami_date_parse(buf, out) != INAMI_OK)
		return inami__fail(INAMI_EPARSE, "%s:%d:%d: %s '%s' is not a real date (expected YYYY-MM-DD)",
			c->name, c->line, f->column, what, buf);
	return INAMI_OK;
}

static int parse_row(cursor *c, const field *f, const int *col, const char *layer, nom_period *p)
{
	memset(p, 0, sizeof(*p));
	p->line = c->line;
	p->layer = layer;

	const field *code = &f[col[COL_CODE]];
	if (code->len != 6)
		return inami__fail(INAMI_EPARSE, "%s:%d:%d: code must have 6 digits", c->name, c->line,
			code->column);
	for (size_t i = 0; i < 6; i++) {
		if (code->text[i] < '0' || code->text[i] > '9')
			return inami__fail(INAMI_EPARSE, "%s:%d:%d: code must have 6 digits", c->name,
				c->line, code->column);
		p->code = p->code * 10 + (code->text[i] - '0');
	}

	const field *letter = &f[col[COL_LETTER]];
	if (field_is(letter, "M"))
		p->letter = INAMI_KEY_M;
	else if (field_is(letter, "R"))
		p->letter = INAMI_KEY_R;
	else if (field_is(letter, "V"))
		p->letter = INAMI_KEY_V;
	else
		return inami__fail(INAMI_EPARSE, "%s:%d:%d: key_letter must be M, R or V", c->name,
			c->line, letter->column);

	const field *value = &f[col[COL_VALUE]];
	const char *why = inami__fixed_parse(value->text, value->len, 0, &p->value);
	if (why)
		return inami__fail(INAMI_EPARSE, "%s:%d:%d: value: %s", c->name, c->line, value->column, why);
	if (p->value > 1000000000) /* stays an int32 in hundredths */
		return inami__fail(INAMI_EPARSE, "%s:%d:%d: value above 10000000 is not a key-letter value",
			c->name, c->line, value->column);

	int st = parse_date_field(c, &f[col[COL_FROM]], "valid_from", &p->from);
	if (st == INAMI_OK)
		st = parse_date_field(c, &f[col[COL_TO]], "valid_to", &p->to);
	if (st != INAMI_OK)
		return st;
	if (p->from && p->to && p->from > p->to)
		return inami__fail(INAMI_EPARSE, "%s:%d:%d: valid_to is before valid_from", c->name,
			c->line, f[col[COL_TO]].column);

	const field *prov = &f[col[COL_PROV]];
	static const char *const provs[] = { "official", "secondary", "derived", "illustrative" };
	p->provenance = INAMI_PROV_NOT_FOUND;
	for (int i = 0; i < 4; i++) {
		if (prov->len == strlen(provs[i]) && strncasecmp(prov->text, provs[i], prov->len) == 0)
			p->provenance = (inami_provenance)i;
	}
	if (p->provenance == INAMI_PROV_NOT_FOUND)
		return inami__fail(INAMI_EPARSE, "%s:%d:%d: provenance must be official, secondary, derived "
			"or illustrative (leave out a code whose value is NOT FOUND)", c->name, c->line,
			prov->column);

	const field *src = &f[col[COL_SOURCE]];
	if (src->len == 0)
		return inami__fail(INAMI_EPARSE, "%s:%d:%d: source_url is empty (every value needs its source)",
			c->name, c->line, src->column);
	p->source = inami__pool_strndup(c->strings, src->text, src->len);
	p->note = col[COL_NOTE] >= 0 ? inami__pool_strndup(c->strings, f[col[COL_NOTE]].text, f[col[COL_NOTE]].len)
		: "";
	p->description = col[COL_DESC] >= 0
		? inami__pool_strndup(c->strings, f[col[COL_DESC]].text, f[col[COL_DESC]].len) : "";
	if (p->source == NULL || p->note == NULL || p->description == NULL)
		return inami__fail(INAMI_ENOMEM, "out of memory reading %s", c->name);
	return INAMI_OK;
}

int inami__nom_parse_csv(const char *name, const char *data, size_t len, pool *strings,
	nom_period **rows, size_t *nrows)
{
	cursor c = { data, len, 0, 1, name, strings };
	field f[MAX_FIELDS];
	int nf = 0, col[COL_COUNT], header_fields;
	size_t cap = 0, n = 0;
	nom_period *out = NULL;
	const char *layer = inami__pool_strdup(strings, name);

	*rows = NULL;
	*nrows = 0;
	if (layer == NULL)
		return inami__fail(INAMI_ENOMEM, "out of memory reading %s", name);
	if (memchr(data, '\0', len) != NULL)
		return inami__fail(INAMI_EPARSE, "%s: contains a NUL byte (not a text CSV file)", name);
	if (!skip_blank(&c))
		return inami__fail(INAMI_EPARSE, "%s:1:1: empty file (a header row is expected)", name);
	int st = read_record(&c, f, &nf);
	if (st < 0)
		return st;
	header_fields = nf;
	for (int i = 0; i < COL_COUNT; i++)
		col[i] = -1;
	for (int j = 0; j < nf; j++) {
		for (int i = 0; i < COL_COUNT; i++) {
			if (field_is(&f[j], col_names[i])) {
				if (col[i] >= 0)
					return inami__fail(INAMI_EPARSE, "%s:%d:%d: column '%s' appears twice",
						name, c.line, f[j].column, col_names[i]);
				col[i] = j;
			}
		}
	}
	for (int i = 0; i <= COL_SOURCE; i++) {
		if (col[i] < 0)
			return inami__fail(INAMI_EPARSE, "%s:%d:1: header has no '%s' column (needs code,"
				"key_letter,value,valid_from,valid_to,provenance,source_url)", name, c.line,
				col_names[i]);
	}
	c.line++;

	while (skip_blank(&c)) {
		int line = c.line;
		st = read_record(&c, f, &nf);
		if (st < 0)
			goto fail;
		if (nf != header_fields) {
			st = inami__fail(INAMI_EPARSE, "%s:%d:1: %d columns where the header has %d", name,
				line, nf, header_fields);
			goto fail;
		}
		if (n == cap) {
			size_t ncap = cap ? cap * 2 : 64;
			nom_period *grown = realloc(out, ncap * sizeof(*out));
			if (grown == NULL) {
				st = inami__fail(INAMI_ENOMEM, "out of memory reading %s", name);
				goto fail;
			}
			out = grown;
			cap = ncap;
		}
		int end_line = c.line;
		c.line = line;
		st = parse_row(&c, f, col, layer, &out[n]);
		c.line = end_line + 1;
		if (st != INAMI_OK)
			goto fail;
		n++;
	}
	*rows = out;
	*nrows = n;
	return INAMI_OK;
fail:
	free(out);
	return st;
}
