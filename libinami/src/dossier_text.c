/*
 * Dossier text form (docs/dossier.md): a header, the events in order, and
 * the state they lead to. Reading replays the events, so a saved dossier
 * can never hold a history the state machine refuses.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "allocate_internal.h"
#include "dossier_internal.h"
#include "dossier_model.h"
#include "inami/rules.h"
#include "error.h"
#include "messages_internal.h"
#include "money.h"
#include "pool.h"

/* A comment line: message `id` in `lang`, values printf-style; nothing when lang < 0. */
static void comment(textbuf *b, int lang, const char *id, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 4, 5)))
#endif
	;

static void comment(textbuf *b, int lang, const char *id, const char *fmt, ...)
{
	char values[512], text[1024];
	va_list ap;

	if (lang < 0)
		return;
	va_start(ap, fmt);
	vsnprintf(values, sizeof(values), fmt, ap);
	va_end(ap);
	inami__msgf(text, sizeof(text), (inami_lang)lang, id, "%s", values);
	inami__textbuf_printf(b, "# %s\n", text);
}

/* The text form; with comments in language `lang` when lang >= 0. */
static int write_text(const inami_dossier *d, int lang, char **out, size_t *len)
{
	textbuf b;
	char date[16], amount[32];

	INAMI_CHECK_NULL(d);
	INAMI_CHECK_NULL(out);
	*out = NULL;
	inami__textbuf_init(&b);
	inami__textbuf_printf(&b, "inami-dossier 1\nprofession %s\npremium_year %d\nretired %s\nbank_account %s\n",
		inami_profession_id(d->profession), d->premium_year, d->retired ? "yes" : "no",
		d->bank_account_at_start ? "yes" : "no");
	if (lang >= 0) {
		const inami_ruleset *rs;
		const char *name = inami_ruleset_default(&rs) == INAMI_OK ?
			inami_rules_profession_label(rs, d->profession, (inami_lang)lang) : NULL;
		comment(&b, lang, d->retired ? "dossier.heading_retired" : "dossier.heading_show", "profession=%s\nyear=%d",
			name ? name : inami_profession_id(d->profession), d->premium_year);
	}
	for (size_t i = 0; i < d->count; i++) {
		const inami_dossier_event *e = &d->history[i].event;
		if (e->date)
			inami__milestone_iso(e->date, INAMI_PRECISION_DAY, date, sizeof(date));
		else
			strcpy(date, "-");
		inami__textbuf_printf(&b, "event %s %s", date, inami_event_kind_id(e->kind));
		if (e->amount_cents >= 0) {
			inami__fixed_format(e->amount_cents, 1, amount, sizeof(amount));
			inami__textbuf_printf(&b, " amount=%s", amount);
		}
		if (e->note)
			inami__textbuf_printf(&b, " note=%s", e->note);
		inami__textbuf_puts(&b, "\n");
		if (lang >= 0)
			comment(&b, lang, "dossier.text.event", "event=%s\nstate=%s",
				inami_event_kind_label(e->kind, (inami_lang)lang),
				inami_dossier_state_label(d->history[i].after, (inami_lang)lang));
	}
	inami__textbuf_printf(&b, "state %s\n", inami_dossier_state_id(d->state));
	if (lang >= 0)
		comment(&b, lang, "dossier.state", "id=%s\nstate=%s", inami_dossier_state_id(d->state),
			inami_dossier_state_label(d->state, (inami_lang)lang));
	if (b.failed) {
		inami__textbuf_free(&b);
		return inami__fail(INAMI_ENOMEM, "out of memory");
	}
	if (len)
		*len = b.len;
	*out = b.data;
	return INAMI_OK;
}

int inami_dossier_serialize(const inami_dossier *d, char **out, size_t *len)
{
	return write_text(d, -1, out, len);
}

int inami_dossier_serialize_lang(const inami_dossier *d, inami_lang lang, char **out, size_t *len)
{
	if ((unsigned)lang > 2) {
		if (out)
			*out = NULL;
		return inami__fail(INAMI_EINVAL, "unknown language %d (en 0, fr 1, nl 2)", (int)lang);
	}
	return write_text(d, (int)lang, out, len);
}

typedef struct reader {
	const char *name;
	int line;
} reader;

static int bad(const reader *r, const char *what, const char *text)
{
	return inami__fail(INAMI_EPARSE, "%s:%d: %s '%s'", r->name, r->line, what, text);
}

static int yes_no(const reader *r, const char *v, int *out)
{
	if (strcmp(v, "yes") == 0)
		*out = 1;
	else if (strcmp(v, "no") == 0)
		*out = 0;
	else
		return bad(r, "expected yes or no, not", v);
	return INAMI_OK;
}

/* "event DATE KIND [amount=EUR] [note=TEXT]" (the part after "event "). */
static int parse_event(const reader *r, char *s, inami_dossier_event *e, char **note)
{
	char *sp = strchr(s, ' ');
	int64_t cents;

	*note = NULL;
	if (sp == NULL)
		return bad(r, "expected 'event DATE KIND', got", s);
	*sp = '\0';
	if (strcmp(s, "-") != 0 && inami_date_parse(s, &e->date) != INAMI_OK)
		return bad(r, "bad event date", s);
	s = sp + 1;
	sp = strchr(s, ' ');
	if (sp)
		*sp = '\0';
	if (inami_event_kind_from_id(s, &e->kind) != INAMI_OK)
		return bad(r, "unknown event", s);
	s = sp ? sp + 1 : NULL;
	if (s && strncmp(s, "amount=", 7) == 0) {
		sp = strchr(s, ' ');
		if (sp)
			*sp = '\0';
		const char *why = inami__fixed_parse(s + 7, strlen(s + 7), 0, &cents);
		if (why)
			return bad(r, why, s + 7);
		e->amount_cents = cents;
		s = sp ? sp + 1 : NULL;
	}
	if (s && strncmp(s, "note=", 5) == 0) {
		*note = s + 5;
		s = NULL;
	}
	if (s)
		return bad(r, "unexpected text after the event", s);
	return INAMI_OK;
}

int inami_dossier_parse(inami_dossier **out, const char *text, size_t len, const char *name)
{
	reader r = { name ? name : "<dossier>", 0 };
	inami_dossier_options opt = INAMI_DOSSIER_OPTIONS_INIT;
	inami_dossier *d = NULL;
	int seen_magic = 0, seen_state = 0, have[4] = { 0, 0, 0, 0 };
	int st = INAMI_OK;
	char *line = NULL;

	INAMI_CHECK_NULL(out);
	*out = NULL;
	INAMI_CHECK_NULL(text);
	for (size_t pos = 0; pos < len && st == INAMI_OK;) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - text) : len, n = end - pos;
		r.line++;
		free(line);
		line = malloc(n + 1);
		if (line == NULL) {
			st = inami__fail(INAMI_ENOMEM, "out of memory");
			break;
		}
		memcpy(line, text + pos, n);
		line[n] = '\0';
		pos = end + 1;
		if (n > 0 && line[n - 1] == '\r')
			line[--n] = '\0';
		if (memchr(line, '\0', n) != NULL) {
			st = bad(&r, "NUL byte in line", "");
			break;
		}
		if (n == 0 || line[0] == '#')
			continue;
		if (!seen_magic) {
			if (strcmp(line, "inami-dossier 1") != 0)
				st = bad(&r, "expected the first line 'inami-dossier 1', got", line);
			seen_magic = 1;
			continue;
		}
		if (seen_state) {
			st = bad(&r, "nothing may follow the 'state' line:", line);
			break;
		}
		char *sp = strchr(line, ' ');
		if (sp == NULL) {
			st = bad(&r, "expected 'key value', got", line);
			break;
		}
		*sp = '\0';
		char *v = sp + 1;
		static const char *const header[4] = { "profession", "premium_year", "retired", "bank_account" };
		int h;
		for (h = 0; h < 4 && strcmp(line, header[h]) != 0; h++)
			;
		if (h < 4) {
			if (d != NULL || have[h]) {
				st = bad(&r, d ? "header line after the events:" : "repeated header line:", line);
				break;
			}
			have[h] = 1;
			long year;
			if (h == 0 && inami_profession_from_id(v, &opt.profession) != INAMI_OK)
				st = bad(&r, "unknown profession", v);
			else if (h == 1) {
				char *endp;
				year = strtol(v, &endp, 10);
				if (*v == '\0' || *endp != '\0' || year < 1900 || year > 2200)
					st = bad(&r, "bad premium year", v);
				else
					opt.premium_year = (int)year;
			} else if (h == 2)
				st = yes_no(&r, v, &opt.retired);
			else if (h == 3)
				st = yes_no(&r, v, &opt.has_bank_account);
			continue;
		}
		if (d == NULL && (strcmp(line, "event") == 0 || strcmp(line, "state") == 0)) {
			if (!have[0] || !have[1]) {
				st = bad(&r, "the header needs 'profession' and 'premium_year' before", line);
				break;
			}
			if ((st = inami_dossier_new(&d, &opt)) != INAMI_OK) {
				st = inami__alloc_rewrap(INAMI_EPARSE, r.name, r.line, NULL);
				break;
			}
		}
		if (strcmp(line, "event") == 0) {
			inami_dossier_event e = INAMI_DOSSIER_EVENT_INIT;
			char *note;
			if ((st = parse_event(&r, v, &e, &note)) != INAMI_OK)
				break;
			e.note = note;
			if (inami_dossier_apply(d, &e, NULL) != INAMI_OK)
				st = inami__alloc_rewrap(INAMI_EPARSE, r.name, r.line, NULL);
		} else if (strcmp(line, "state") == 0) {
			inami_dossier_state s;
			seen_state = 1;
			if (inami_dossier_state_from_id(v, &s) != INAMI_OK)
				st = bad(&r, "unknown state", v);
			else if (s != d->state)
				st = inami__fail(INAMI_EPARSE, "%s:%d: the file says state '%s' but its events lead to '%s'",
					r.name, r.line, v, inami_dossier_state_id(d->state));
		} else {
			st = bad(&r, "unknown line", line);
		}
	}
	free(line);
	if (st == INAMI_OK && !seen_magic)
		st = inami__fail(INAMI_EPARSE, "%s: empty dossier (expected 'inami-dossier 1')", r.name);
	if (st == INAMI_OK && !seen_state)
		st = inami__fail(INAMI_EPARSE, "%s: the dossier ends without its 'state' line (truncated?)", r.name);
	if (st != INAMI_OK) {
		inami_dossier_free(d);
		return st;
	}
	*out = d;
	return INAMI_OK;
}
