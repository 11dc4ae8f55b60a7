/*
 * Filling a message: its placeholders replaced by the caller's neutral
 * values, written the way a reader of the language expects numbers, amounts
 * and dates.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "messages_internal.h"
#include "money.h"

typedef struct out {
	char *buf;
	size_t size, len;   /* len may pass size: the text did not fit */
} out;

static void put(out *o, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++, o->len++)
		if (o->len + 1 < o->size)
			o->buf[o->len] = s[i];
	if (o->size)
		o->buf[o->len < o->size ? o->len : o->size - 1] = '\0';
}

static void puts_(out *o, const char *s)
{
	put(o, s, strlen(s));
}

static int finish(out *o)
{
	if (o->len >= o->size)
		return inami__fail(INAMI_EBUFS, "the text needs %zu bytes, the buffer has %zu", o->len + 1, o->size);
	return INAMI_OK;
}

/* Digits of `v` (>= 0) with `sep` between groups of three (no separator when sep is NULL). */
static void grouped(out *o, uint64_t v, const char *sep)
{
	char digits[24];
	int n = snprintf(digits, sizeof(digits), "%llu", (unsigned long long)v);
	for (int i = 0; i < n; i++) {
		if (sep && i > 0 && (n - i) % 3 == 0)
			puts_(o, sep);
		put(o, &digits[i], 1);
	}
}

static uint64_t magnitude(int64_t v)
{
	return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

/* Hundredths as "2 000" / "2.000" / "2000", decimals only when not zero (as many as needed). */
static void decimal(out *o, int64_t v, inami_lang lang)
{
	uint64_t m = magnitude(v), cents = m % 100;
	char frac[4];

	if (lang == INAMI_LANG_EN) {
		char buf[32];
		inami__fixed_format(v, 0, buf, sizeof(buf));
		puts_(o, buf);
		return;
	}
	if (v < 0)
		puts_(o, "-");
	grouped(o, m / 100, lang == INAMI_LANG_FR ? " " : ".");
	if (cents) {
		snprintf(frac, sizeof(frac), cents % 10 ? "%02u" : "%u", (unsigned)(cents % 10 ? cents : cents / 10));
		puts_(o, ",");
		puts_(o, frac);
	}
}

static void money(out *o, int64_t cents, inami_lang lang)
{
	uint64_t m = magnitude(cents);
	char frac[8];

	snprintf(frac, sizeof(frac), "%02u", (unsigned)(m % 100));
	if (lang == INAMI_LANG_NL)
		puts_(o, "\xe2\x82\xac ");
	else if (lang == INAMI_LANG_EN)
		puts_(o, "EUR ");
	if (cents < 0)
		puts_(o, "-");
	grouped(o, m / 100, lang == INAMI_LANG_EN ? "," : lang == INAMI_LANG_FR ? " " : ".");
	puts_(o, lang == INAMI_LANG_EN ? "." : ",");
	puts_(o, frac);
	if (lang == INAMI_LANG_FR)
		puts_(o, " \xe2\x82\xac");
}

static int date(out *o, inami_date d, inami_lang lang)
{
	char buf[16];
	int y = d / 10000, m = d / 100 % 100, day = d % 100;

	if (inami_date_check(d) != INAMI_OK)
		return inami__fail(INAMI_EINVAL, "%d is not a date (YYYYMMDD)", (int)d);
	if (lang == INAMI_LANG_EN)
		snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m, day);
	else
		snprintf(buf, sizeof(buf), lang == INAMI_LANG_FR ? "%02d/%02d/%04d" : "%02d-%02d-%04d", day, m, y);
	puts_(o, buf);
	return INAMI_OK;
}

static int check_lang(inami_lang lang)
{
	if ((unsigned)lang > 2)
		return inami__fail(INAMI_EINVAL, "unknown language %d (en 0, fr 1, nl 2)", (int)lang);
	return INAMI_OK;
}

int inami_amount_format(int64_t cents, inami_lang lang, char *buf, size_t size)
{
	out o = { buf, size, 0 };
	int st;

	INAMI_CHECK_NULL(buf);
	if ((st = check_lang(lang)) != INAMI_OK)
		return st;
	money(&o, cents, lang);
	return finish(&o);
}

int inami_date_format_lang(inami_date d, inami_lang lang, char *buf, size_t size)
{
	out o = { buf, size, 0 };
	int st;

	INAMI_CHECK_NULL(buf);
	if ((st = check_lang(lang)) != INAMI_OK || (st = date(&o, d, lang)) != INAMI_OK)
		return st;
	return finish(&o);
}

int inami_decimal_format(int64_t hundredths, inami_lang lang, char *buf, size_t size)
{
	out o = { buf, size, 0 };
	int st;

	INAMI_CHECK_NULL(buf);
	if ((st = check_lang(lang)) != INAMI_OK)
		return st;
	decimal(&o, hundredths, lang);
	return finish(&o);
}

size_t inami_text_width(const char *text)
{
	size_t w = 0;

	for (const unsigned char *p = (const unsigned char *)text; p && *p; p++)
		if ((*p & 0xc0) != 0x80)   /* not a continuation byte */
			w++;
	return w;
}

/* ---- templates ---- */

static const char *const types[] = { "int", "decimal", "money", "date", "msg" };
enum { T_TEXT = -1, T_INT, T_DECIMAL, T_MONEY, T_DATE, T_MSG };

/* Parse the placeholder starting after '{' at `p`: name and type. Returns the end ('}') or NULL. */
static const char *placeholder(const char *p, const char *end, const char **name, size_t *name_len, int *type)
{
	const char *q = p;
	while (q < end && ((*q >= 'a' && *q <= 'z') || *q == '_' || (*q >= '0' && *q <= '9')))
		q++;
	if (q == p || q >= end)
		return NULL;
	*name = p;
	*name_len = (size_t)(q - p);
	*type = T_TEXT;
	if (*q == ':') {
		const char *t = ++q;
		while (q < end && *q >= 'a' && *q <= 'z')
			q++;
		*type = -2;
		for (int i = 0; i < (int)(sizeof(types) / sizeof(types[0])); i++)
			if (strlen(types[i]) == (size_t)(q - t) && memcmp(types[i], t, (size_t)(q - t)) == 0)
				*type = i;
		if (*type == -2)
			return NULL;
	}
	return q < end && *q == '}' ? q : NULL;
}

const char *inami__message_check_template(const char *text, size_t len)
{
	const char *end = text + len;

	for (const char *p = text; p < end; p++) {
		if (*p == '}')
			return "a '}' without its '{'";
		if (*p != '{')
			continue;
		const char *name;
		size_t n;
		int type;
		const char *close = placeholder(p + 1, end, &name, &n, &type);
		if (close == NULL)
			return "a placeholder is not {name} or {name:int|decimal|money|date|msg}";
		p = close;
	}
	return NULL;
}

/* The value of `name` in the "name=value\n..." list, or NULL. */
static const char *value_of(const char *values, const char *name, size_t n, size_t *len)
{
	for (const char *p = values; p && *p;) {
		const char *nl = strchr(p, '\n');
		size_t line = nl ? (size_t)(nl - p) : strlen(p);
		if (line > n && memcmp(p, name, n) == 0 && p[n] == '=') {
			*len = line - n - 1;
			return p + n + 1;
		}
		p += line + (nl ? 1 : 0);
	}
	return NULL;
}

static int integer(const char *v, size_t n, int64_t *out)
{
	char buf[32], *endp;

	if (n == 0 || n >= sizeof(buf))
		return -1;
	memcpy(buf, v, n);
	buf[n] = '\0';
	long long x = strtoll(buf, &endp, 10);
	if (*endp != '\0')
		return -1;
	*out = (int64_t)x;
	return 0;
}

static int fill(out *o, const char *id, const char *tpl, inami_lang lang, const char *values)
{
	const char *end = tpl + strlen(tpl), *from = tpl;

	for (const char *p = tpl; p < end; p++) {
		if (*p != '{')
			continue;
		const char *name, *v;
		size_t n, vlen = 0;
		int type;
		const char *close = placeholder(p + 1, end, &name, &n, &type);
		if (close == NULL)
			continue;
		put(o, from, (size_t)(p - from));
		from = close + 1;
		if ((v = value_of(values, name, n, &vlen)) == NULL)
			return inami__fail(INAMI_EINVAL, "message '%s' needs a value for '%.*s'", id, (int)n, name);
		int64_t x = 0;
		if (type != T_TEXT && type != T_MSG && integer(v, vlen, &x) != 0)
			return inami__fail(INAMI_EINVAL, "message '%s': '%.*s' must be an integer (%s), not '%.*s'", id,
				(int)n, name, types[type], (int)vlen, v);
		switch (type) {
		case T_TEXT:
			put(o, v, vlen);
			break;
		case T_INT: {
			char buf[24];
			snprintf(buf, sizeof(buf), "%lld", (long long)x);
			puts_(o, buf);
			break;
		}
		case T_DECIMAL:
			decimal(o, x, lang);
			break;
		case T_MONEY:
			money(o, x, lang);
			break;
		case T_DATE:
			if (date(o, (inami_date)x, lang) != INAMI_OK)
				return inami__fail(INAMI_EINVAL, "message '%s': '%.*s' is not a date (YYYYMMDD): '%.*s'", id,
					(int)n, name, (int)vlen, v);
			break;
		case T_MSG: {
			char ref[128];
			if (vlen >= sizeof(ref))
				return inami__fail(INAMI_EINVAL, "message '%s': '%.*s' names no message", id, (int)n, name);
			memcpy(ref, v, vlen);
			ref[vlen] = '\0';
			const char *t = inami__message_text(ref, lang);
			if (t == NULL)
				return inami__fail(INAMI_ENOTFOUND, "message '%s': no message '%s' for '%.*s'", id, ref,
					(int)n, name);
			puts_(o, t);
			break;
		}
		}
		p = close;
	}
	put(o, from, (size_t)(end - from));
	return INAMI_OK;
}

int inami_message_format(const char *id, inami_lang lang, const char *values, char *buf, size_t size)
{
	out o = { buf, size, 0 };
	int st;

	INAMI_CHECK_NULL(id);
	INAMI_CHECK_NULL(buf);
	if (size)
		buf[0] = '\0';
	if ((st = check_lang(lang)) != INAMI_OK)
		return st;
	const char *tpl = inami__message_text(id, lang);
	if (tpl == NULL)
		return inami__fail(INAMI_ENOTFOUND, "unknown message '%s'", id);
	if ((st = fill(&o, id, tpl, lang, values)) != INAMI_OK)
		return st;
	return finish(&o);
}

void inami__msgf(char *buf, size_t size, inami_lang lang, const char *id, const char *values_fmt, ...)
{
	char values[2048];
	va_list ap;

	va_start(ap, values_fmt);
	vsnprintf(values, sizeof(values), values_fmt, ap);
	va_end(ap);
	int st = inami_message_format(id, lang, values, buf, size);
	if (st != INAMI_OK && st != INAMI_EBUFS && size)
		snprintf(buf, size, "%s", id);
}
