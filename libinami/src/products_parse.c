/*
 * The products file: "[product ID]" sections of "key = value" lines
 * (format in docs/allocation.md). Loading is atomic: on error nothing is
 * returned and the message says name:line and why.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "allocate_internal.h"
#include "error.h"
#include "read_file.h"
#include "products_model.h"

typedef struct parser {
	const char *name;
	int line;
	inami_products *out;
	product *cur;
	unsigned seen;      /* keys seen in the current section (bit per key) */
} parser;

enum {
	K_INSURER, K_NAME, K_TYPE, K_SOLIDARITY, K_ENTRY, K_MANAGEMENT, K_PROFIT, K_BENEFITS,
	K_PROVENANCE, K_SOURCE, K_EXAMPLE, K_NOTE, K_RATE_UNDATED, K_COUNT
};

static const char *const keys[K_COUNT] = {
	"insurer", "name", "contract_type", "solidarity_share", "entry_fee", "management_fee",
	"profit_sharing", "benefits", "provenance", "source", "example", "note", "guaranteed_rate"
};

static char *dup_range(const char *s, size_t n)
{
	char *d = malloc(n + 1);
	if (d) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

static int fail(parser *p, int status, const char *fmt, const char *arg)
{
	char msg[300];
	snprintf(msg, sizeof(msg), fmt, arg);
	return inami__fail(status, "%s:%d: %s", p->name, p->line, msg);
}

static int is_id(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s; s++)
		if (!(islower((unsigned char)*s) || isdigit((unsigned char)*s) || *s == '_' || *s == '-' || *s == '.'))
			return 0;
	return 1;
}

/* A percentage value, or not_found; `none_ok` accepts "none" too (both give INAMI_BP_UNSET). */
static int percent_value(parser *p, const char *key, const char *v, int none_ok, int32_t *out)
{
	if (strcmp(v, "not_found") == 0 || (none_ok && strcmp(v, "none") == 0)) {
		*out = INAMI_BP_UNSET;
		return INAMI_OK;
	}
	if (inami_percent_parse(v, out) != INAMI_OK)
	{
		char prefix[64];
		snprintf(prefix, sizeof(prefix), "%s: ", key);
		return inami__alloc_rewrap(INAMI_EPARSE, p->name, p->line, prefix);
	}
	if (*out > 10000)
		return inami__fail(INAMI_EPARSE, "%s:%d: %s: %s %% is above 100 %%", p->name, p->line, key, v);
	return INAMI_OK;
}

static int add_rate(parser *p, int year, int32_t bp)
{
	product *x = p->cur;
	for (size_t k = 0; k < x->rate_count; k++)
		if (x->rates[k].year == year)
			return fail(p, INAMI_EPARSE, "guaranteed rate given twice for %s",
				year ? "that deposit year" : "no year (undated)");
	product_rate *r = realloc(x->rates, (x->rate_count + 1) * sizeof(*r));
	if (r == NULL)
		return inami__fail(INAMI_ENOMEM, "out of memory");
	x->rates = r;
	/* keep them sorted by year, the undated one (year 0) first */
	size_t k = x->rate_count;
	while (k > 0 && r[k - 1].year > year) {
		r[k] = r[k - 1];
		k--;
	}
	r[k].year = year;
	r[k].bp = bp;
	x->rate_count++;
	return INAMI_OK;
}

static int finish_section(parser *p)
{
	product *x = p->cur;
	int32_t min;
	char a[32], b[32];

	if (x == NULL)
		return INAMI_OK;
	static const int required[] = { K_INSURER, K_NAME, K_TYPE, K_SOLIDARITY, K_PROVENANCE };
	for (size_t i = 0; i < sizeof(required) / sizeof(required[0]); i++) {
		if (!(p->seen & (1u << required[i]))) {
			return inami__fail(INAMI_EPARSE, "%s:%d: product '%s' has no '%s'", p->name, x->line,
				x->id, keys[required[i]]);
		}
	}
	if (x->provenance != INAMI_PROV_ILLUSTRATIVE && x->source[0] == '\0')
		return inami__fail(INAMI_EPARSE, "%s:%d: product '%s' has %s figures but no 'source'",
			p->name, x->line, x->id, inami_provenance_id(x->provenance));
	int st = inami_solidarity_minimum(x->type, &min, NULL, NULL, NULL);
	if (st != INAMI_OK)
		return st;
	int32_t share = x->figures[INAMI_PRODUCT_SOLIDARITY_SHARE];
	if (min != INAMI_BP_UNSET && share != INAMI_BP_UNSET && share < min) {
		inami_percent_format(share, a, sizeof(a));
		inami_percent_format(min, b, sizeof(b));
		return inami__fail(INAMI_EPARSE, "%s:%d: product '%s': a solidarity share of %s %% is below "
			"the %s %% minimum of a %s contract", p->name, x->line, x->id, a, b,
			inami_contract_type_id(x->type));
	}
	return INAMI_OK;
}

static int begin_section(parser *p, const char *s, size_t n)
{
	int st = finish_section(p);
	if (st != INAMI_OK)
		return st;
	if (n < 9 || strncmp(s, "[product ", 9) != 0 || s[n - 1] != ']')
		return fail(p, INAMI_EPARSE, "expected a section '[product ID]'%s", "");
	char *id = dup_range(s + 9, n - 10);
	if (id == NULL)
		return inami__fail(INAMI_ENOMEM, "out of memory");
	if (!is_id(id)) {
		st = fail(p, INAMI_EPARSE, "product id '%s' may only have a-z, 0-9, '_', '-' and '.'", id);
		free(id);
		return st;
	}
	for (size_t i = 0; i < p->out->count; i++) {
		if (strcmp(p->out->items[i].id, id) == 0) {
			st = fail(p, INAMI_EPARSE, "product '%s' is defined twice", id);
			free(id);
			return st;
		}
	}
	product *items = realloc(p->out->items, (p->out->count + 1) * sizeof(*items));
	if (items == NULL) {
		free(id);
		return inami__fail(INAMI_ENOMEM, "out of memory");
	}
	p->out->items = items;
	product *x = &items[p->out->count++];
	memset(x, 0, sizeof(*x));
	x->id = id;
	x->line = p->line;
	for (int f = 0; f < PRODUCT_FIGURES; f++)
		x->figures[f] = INAMI_BP_UNSET;
	x->insurer = calloc(1, 1);
	x->name = calloc(1, 1);
	x->benefits = calloc(1, 1);
	x->source = calloc(1, 1);
	x->note = calloc(1, 1);
	p->cur = x;
	p->seen = 0;
	if (!x->insurer || !x->name || !x->benefits || !x->source || !x->note)
		return inami__fail(INAMI_ENOMEM, "out of memory");
	return INAMI_OK;
}

static int set_text(char **field, const char *v)
{
	char *d = dup_range(v, strlen(v));
	if (d == NULL)
		return inami__fail(INAMI_ENOMEM, "out of memory");
	free(*field);
	*field = d;
	return INAMI_OK;
}

/* "premium_waiver, incapacity_rent" -> "premium_waiver,incapacity_rent" */
static int set_benefits(parser *p, const char *v)
{
	char *d = malloc(strlen(v) + 1), *o = d;
	if (d == NULL)
		return inami__fail(INAMI_ENOMEM, "out of memory");
	for (const char *s = v; *s;) {
		while (*s == ' ' || *s == '\t')
			s++;
		const char *e = s;
		while (*e && *e != ',')
			e++;
		const char *t = e;
		while (t > s && (t[-1] == ' ' || t[-1] == '\t'))
			t--;
		for (const char *c = s; c < t; c++) {
			if (!(islower((unsigned char)*c) || isdigit((unsigned char)*c) || *c == '_')) {
				free(d);
				return fail(p, INAMI_EPARSE, "benefits: '%s' is not a list of ids (a-z, 0-9, '_') "
					"separated by commas", v);
			}
		}
		if (t == s) {
			free(d);
			return fail(p, INAMI_EPARSE, "benefits: empty item in '%s'", v);
		}
		if (o != d)
			*o++ = ',';
		memcpy(o, s, (size_t)(t - s));
		o += t - s;
		s = *e ? e + 1 : e;
	}
	*o = '\0';
	free(p->cur->benefits);
	p->cur->benefits = d;
	return INAMI_OK;
}

static int key_value(parser *p, const char *key, const char *v)
{
	product *x = p->cur;
	int k, st;

	if (x == NULL) {
		if (strcmp(key, "format") == 0) {
			if (strcmp(v, "1") != 0)
				return fail(p, INAMI_EPARSE, "products format '%s' is not supported (expected 1)", v);
			return INAMI_OK;
		}
		return fail(p, INAMI_EPARSE, "'%s' outside a [product ID] section", key);
	}
	if (strncmp(key, "guaranteed_rate.", 16) == 0) {
		long year;
		int32_t bp;
		if (inami__alloc_parse_int(key + 16, 1900, 2200, &year) != 0)
			return fail(p, INAMI_EPARSE, "'%s': expected guaranteed_rate.YEAR (a deposit year)", key);
		if ((st = percent_value(p, key, v, 0, &bp)) != INAMI_OK)
			return st;
		if (bp == INAMI_BP_UNSET)
			return INAMI_OK;   /* explicitly not found: no rate for that year */
		return add_rate(p, (int)year, bp);
	}
	for (k = 0; k < K_COUNT; k++)
		if (strcmp(key, keys[k]) == 0)
			break;
	if (k == K_COUNT)
		return fail(p, INAMI_EPARSE, "unknown key '%s' (see docs/allocation.md)", key);
	if (p->seen & (1u << k))
		return fail(p, INAMI_EPARSE, "'%s' is given twice", key);
	p->seen |= 1u << k;
	switch (k) {
	case K_INSURER:
		return set_text(&x->insurer, v);
	case K_NAME:
		return set_text(&x->name, v);
	case K_SOURCE:
		return set_text(&x->source, v);
	case K_NOTE:
		return set_text(&x->note, v);
	case K_BENEFITS:
		return set_benefits(p, v);
	case K_TYPE:
		if (inami_contract_type_from_id(v, &x->type) != INAMI_OK)
			return inami__alloc_rewrap(INAMI_EPARSE, p->name, p->line, NULL);
		return INAMI_OK;
	case K_PROVENANCE:
		if (inami__alloc_provenance_parse(v, &x->provenance) != INAMI_OK)
			return inami__alloc_rewrap(INAMI_EPARSE, p->name, p->line, NULL);
		if (x->provenance == INAMI_PROV_NOT_FOUND)
			return fail(p, INAMI_EPARSE, "a product cannot have provenance '%s'", v);
		return INAMI_OK;
	case K_EXAMPLE:
		if (strcmp(v, "yes") == 0)
			x->example = 1;
		else if (strcmp(v, "no") == 0)
			x->example = 0;
		else
			return fail(p, INAMI_EPARSE, "example: expected yes or no, not '%s'", v);
		return INAMI_OK;
	case K_SOLIDARITY:
		return percent_value(p, key, v, 0, &x->figures[INAMI_PRODUCT_SOLIDARITY_SHARE]);
	case K_ENTRY:
		return percent_value(p, key, v, 0, &x->figures[INAMI_PRODUCT_ENTRY_FEE]);
	case K_MANAGEMENT:
		return percent_value(p, key, v, 0, &x->figures[INAMI_PRODUCT_MANAGEMENT_FEE]);
	case K_PROFIT:
		return percent_value(p, key, v, 1, &x->figures[INAMI_PRODUCT_PROFIT_SHARING]);
	case K_RATE_UNDATED: {
		int32_t bp;
		if ((st = percent_value(p, key, v, 0, &bp)) != INAMI_OK)
			return st;
		return bp == INAMI_BP_UNSET ? INAMI_OK : add_rate(p, 0, bp);
	}
	}
	return INAMI_OK;
}

static int parse_line(parser *p, const char *s, size_t n)
{
	/* trim */
	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	if (n == 0 || s[0] == '#')
		return INAMI_OK;
	for (size_t i = 0; i < n; i++)
		if (s[i] == '\0' || ((unsigned char)s[i] < 0x20 && s[i] != '\t'))
			return fail(p, INAMI_EPARSE, "control character in the line%s", "");
	if (s[0] == '[')
		return begin_section(p, s, n);
	const char *eq = memchr(s, '=', n);
	if (eq == NULL)
		return fail(p, INAMI_EPARSE, "expected 'key = value' or '[product ID]'%s", "");
	size_t kn = (size_t)(eq - s), vs = kn + 1;
	while (kn > 0 && (s[kn - 1] == ' ' || s[kn - 1] == '\t'))
		kn--;
	while (vs < n && (s[vs] == ' ' || s[vs] == '\t'))
		vs++;
	if (kn == 0)
		return fail(p, INAMI_EPARSE, "a key is missing before '='%s", "");
	if (vs == n)
		return fail(p, INAMI_EPARSE, "a value is missing after '='%s", "");
	char *key = dup_range(s, kn), *value = dup_range(s + vs, n - vs);
	int st = key && value ? key_value(p, key, value) : inami__fail(INAMI_ENOMEM, "out of memory");
	free(key);
	free(value);
	return st;
}

int inami_products_load_buffer(inami_products **out, const char *data, size_t len, const char *name)
{
	parser p;
	int st = INAMI_OK;

	INAMI_CHECK_NULL(out);
	*out = NULL;
	INAMI_CHECK_NULL(data);
	memset(&p, 0, sizeof(p));
	p.name = name ? name : "<buffer>";
	p.out = calloc(1, sizeof(*p.out));
	if (p.out == NULL)
		return inami__fail(INAMI_ENOMEM, "out of memory");
	for (size_t pos = 0; pos < len && st == INAMI_OK;) {
		const char *nl = memchr(data + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - data) : len;
		p.line++;
		st = parse_line(&p, data + pos, end - pos);
		pos = end + 1;
	}
	if (st == INAMI_OK)
		st = finish_section(&p);
	if (st == INAMI_OK && p.out->count == 0)
		st = inami__fail(INAMI_EPARSE, "%s: no [product ID] section", p.name);
	if (st != INAMI_OK) {
		inami__products_destroy(p.out);
		return st;
	}
	*out = p.out;
	return INAMI_OK;
}

int inami_products_load_file(inami_products **out, const char *path)
{
	INAMI_CHECK_NULL(out);
	*out = NULL;
	INAMI_CHECK_NULL(path);
	char *buf;
	size_t len;
	int st = inami__read_file(path, "products file", (size_t)64 << 20, &buf, &len);
	if (st != INAMI_OK)
		return st;
	st = inami_products_load_buffer(out, buf, len, path);
	free(buf);
	return st;
}
