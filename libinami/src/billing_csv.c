/*
 * Streaming reader of billing CSV (provider,code,quantity[,date]): a
 * hand-written line parser over caller blocks, provider ids mapped to indices
 * (provider_ids.c), lines batched into arrays and added to the totals. Only a
 * partial last line is kept between blocks, so memory does not grow with the
 * number of lines. The fuzz harness calls inami_billing_csv_feed().
 *
 * Speed: the usual layout (provider,code,quantity[,date] in that order, short
 * unquoted ids) goes through inami__csv_fast_lines() (billing_csv_fast.c), which
 * accepts only lines the general parser here accepts, with the same values,
 * and hands anything else to it. Files: billing_csv_file.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "billing_csv_internal.h"
#include "error.h"

int inami_billing_csv_new(inami_billing_csv **out, const inami_nomenclature *nomenclature,
	unsigned int flags, const char *name)
{
	INAMI_CHECK_NULL(out);
	*out = NULL;
	INAMI_CHECK_NULL(nomenclature);
	if (flags & ~(INAMI_BILLING_ALLOW_DERIVED | INAMI_CSV_SKIP_BAD))
		return inami__fail(INAMI_EINVAL, "unknown billing CSV flags 0x%x", flags);
	inami_billing_csv *r = calloc(1, sizeof(*r));
	if (r == NULL)
		return inami__fail(INAMI_ENOMEM, "out of memory");
	r->flags = flags;
	r->nom = nomenclature;
	r->name = strdup(name ? name : "input");
	r->carry = malloc(MAX_LINE + 1);
	r->code = malloc(BATCH * sizeof(int32_t));
	r->quantity = malloc(BATCH * sizeof(int32_t));
	r->date = malloc(BATCH * sizeof(int32_t));
	r->provider = malloc(BATCH * sizeof(uint32_t));
	int st = INAMI_OK;
	if (!r->name || !r->carry || !r->code || !r->quantity || !r->date || !r->provider)
		st = inami__fail(INAMI_ENOMEM, "out of memory");
	else
		st = inami_billing_new(&r->totals, nomenclature, 0, flags & INAMI_BILLING_ALLOW_DERIVED);
	if (st != INAMI_OK) {
		inami_billing_csv_free(r);
		return st;
	}
	*out = r;
	return INAMI_OK;
}

void inami_billing_csv_free(inami_billing_csv *r)
{
	if (r == NULL)
		return;
	inami_billing_free(r->totals);
	free(r->name);
	free(r->carry);
	free(r->code);
	free(r->quantity);
	free(r->date);
	free(r->provider);
	inami__ids_free(&r->ids);
	free(r);
}

int inami__csv_flush(inami_billing_csv *r)
{
	if (r->n == 0)
		return INAMI_OK;
	/* Lines parsed here are valid by construction: indices from the id table, checked dates. */
	int st = inami__billing_add_valid(r->totals, r->code, r->quantity, r->has_date ? r->date : NULL,
		r->provider, r->n);
	r->n = 0;
	return st;
}

uint32_t inami__csv_provider(inami_billing_csv *r, const char *s, size_t len)
{
	uint32_t i = inami__ids_find(&r->ids, s, len);
	if (i != ID_NONE)
		return i;
	if (inami_billing_reserve(r->totals, r->ids.count + 1) != INAMI_OK)
		return ID_NONE;
	return inami__ids_add(&r->ids, s, len);
}

/* A malformed line: an error, or skipped and counted with --skip-bad. */
static int bad_line(inami_billing_csv *r, size_t column, const char *why)
{
	if (r->flags & INAMI_CSV_SKIP_BAD) {
		if (r->skipped++ == 0)
			snprintf(r->first_skipped, sizeof(r->first_skipped), "%s:%lld:%zu: %s", r->name,
				(long long)r->line_no, column, why);
		return INAMI_OK;
	}
	r->failed = 1;
	r->failed_status = INAMI_EPARSE;
	return inami__fail(INAMI_EPARSE, "%s:%lld:%zu: %s", r->name, (long long)r->line_no, column, why);
}

static int parse_header(inami_billing_csv *r, const char *s, size_t len)
{
	static const char *const names[] = { "provider", "code", "quantity", "date" };
	int seen[4] = { 0, 0, 0, 0 };
	size_t pos = 0;
	unsigned int saved = r->flags;

	/* A header error is never skipped: nothing after it could be read. */
	r->flags &= ~INAMI_CSV_SKIP_BAD;
	r->ncols = 0;
	for (;;) {
		size_t start = pos;
		while (pos < len && s[pos] != ',')
			pos++;
		const char *f = s + start;
		size_t flen = pos - start;
		while (flen > 0 && (f[0] == ' ' || f[0] == '"')) {
			f++;
			flen--;
		}
		while (flen > 0 && (f[flen - 1] == ' ' || f[flen - 1] == '"'))
			flen--;
		if (r->ncols == MAX_COLUMNS)
			return bad_line(r, start + 1, "header has more than 32 columns");
		int role = F_IGNORED;
		for (int k = 0; k < 4; k++)
			if (flen == strlen(names[k]) && memcmp(f, names[k], flen) == 0)
				role = k;
		if (role != F_IGNORED && seen[role]++)
			return bad_line(r, start + 1, "a column appears twice in the header");
		r->role[r->ncols++] = (unsigned char)role;
		if (pos >= len)
			break;
		pos++;
	}
	if (!seen[F_PROVIDER] || !seen[F_CODE] || !seen[F_QUANTITY])
		return bad_line(r, 1, "the header must name the columns provider,code,quantity "
			"(and optionally date)");
	r->flags = saved;
	r->has_date = seen[F_DATE] != 0;
	r->have_header = 1;
	r->fast = (r->ncols == 3 || (r->ncols == 4 && r->role[3] == F_DATE)) && r->role[0] == F_PROVIDER
		&& r->role[1] == F_CODE && r->role[2] == F_QUANTITY;
	return INAMI_OK;
}

int inami__csv_days_ok(int y, int m, int d)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m < 1 || m > 12 || d < 1 || y < 1000)
		return 0;
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d <= mdays[m - 1] + (m == 2 && leap);
}

/* One data line (without its newline). */
static int parse_line(inami_billing_csv *r, const char *s, size_t len)
{
	const char *prov = NULL;
	size_t prov_len = 0;
	int32_t code = 0, qty = 0, date = 0;
	size_t pos = 0;

	for (int col = 0; col < r->ncols; col++) {
		size_t start = pos;
		switch (r->role[col]) {
		case F_CODE: {
			uint32_t v = 0;
			while (pos < len && (unsigned)(s[pos] - '0') < 10 && pos - start < 9)
				v = v * 10 + (uint32_t)(s[pos++] - '0');
			if (pos == start || (pos < len && s[pos] != ','))
				return bad_line(r, start + 1, "code is not a nomenclature number (digits only)");
			code = (int32_t)v;
			break;
		}
		case F_QUANTITY: {
			int neg = 0;
			int64_t v = 0;
			if (pos < len && s[pos] == '-') {
				neg = 1;
				pos++;
			}
			size_t digits = pos;
			while (pos < len && (unsigned)(s[pos] - '0') < 10) {
				v = v * 10 + (s[pos++] - '0');
				if (v > INT32_MAX)
					return bad_line(r, start + 1, "quantity is too large (at most 2147483647)");
			}
			if (pos == digits || (pos < len && s[pos] != ','))
				return bad_line(r, start + 1, "quantity is not a whole number");
			qty = (int32_t)(neg ? -v : v);
			break;
		}
		case F_DATE:
			if (pos < len && s[pos] != ',') {
				const char *d = s + pos;
				if (len - pos < 10 || d[4] != '-' || d[7] != '-' || (len - pos > 10 && d[10] != ','))
					return bad_line(r, start + 1, "date is not YYYY-MM-DD");
				int v[8], k = 0;
				for (int i = 0; i < 10; i++) {
					if (i == 4 || i == 7)
						continue;
					if ((unsigned)(d[i] - '0') >= 10)
						return bad_line(r, start + 1, "date is not YYYY-MM-DD");
					v[k++] = d[i] - '0';
				}
				int y = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3], m = v[4] * 10 + v[5],
					dd = v[6] * 10 + v[7];
				if (!inami__csv_days_ok(y, m, dd))
					return bad_line(r, start + 1, "date is not a real calendar date");
				date = y * 10000 + m * 100 + dd;
				pos += 10;
			}
			break;
		default: {
			const char *c = memchr(s + pos, ',', len - pos);
			size_t end = c ? (size_t)(c - s) : len;
			if (memchr(s + pos, '"', end - pos) != NULL && r->role[col] == F_PROVIDER) {
				/* A quoted provider id: "abc" (no comma or quote inside). */
				if (end - pos < 2 || s[pos] != '"' || s[end - 1] != '"'
					|| memchr(s + pos + 1, '"', end - pos - 2) != NULL)
					return bad_line(r, start + 1, "provider id has a quote inside");
				prov = s + pos + 1;
				prov_len = end - pos - 2;
			} else if (r->role[col] == F_PROVIDER) {
				prov = s + pos;
				prov_len = end - pos;
			}
			pos = end;
			break;
		}
		}
		if (col + 1 < r->ncols) {
			if (pos >= len)
				return bad_line(r, pos + 1, "too few columns");
			pos++; /* the comma */
		}
	}
	if (pos < len)
		return bad_line(r, pos + 1, "too many columns");
	if (prov_len == 0)
		return bad_line(r, 1, "provider is empty");
	if (prov_len > MAX_ID)
		return bad_line(r, 1, "provider id is longer than 255 bytes");
	uint32_t p = inami__csv_provider(r, prov, prov_len);
	if (p == ID_NONE) {
		r->failed = 1;
		r->failed_status = INAMI_ENOMEM;
		return inami__fail(INAMI_ENOMEM, "out of memory for provider ids");
	}
	r->code[r->n] = code;
	r->quantity[r->n] = qty;
	r->date[r->n] = date;
	r->provider[r->n] = p;
	r->lines++;
	if (++r->n == BATCH)
		return inami__csv_flush(r);
	return INAMI_OK;
}

static int process_line(inami_billing_csv *r, const char *s, size_t len)
{
	r->line_no++;
	if (len > 0 && s[len - 1] == '\r')
		len--;
	if (len == 0)
		return INAMI_OK; /* blank lines are ignored */
	if (memchr(s, '\0', len) != NULL)
		return bad_line(r, (size_t)((const char *)memchr(s, '\0', len) - s) + 1, "NUL byte in a line");
	if (!r->have_header)
		return parse_header(r, s, len);
	return parse_line(r, s, len);
}

int inami_billing_csv_feed(inami_billing_csv *r, const char *data, size_t len)
{
	INAMI_CHECK_NULL(r);
	if (r->failed)
		return inami__fail(r->failed_status, "%s: the reader stopped at an earlier error", r->name);
	if (len == 0)
		return INAMI_OK;
	INAMI_CHECK_NULL(data);
	const char *p = data, *end = data + len;
	int st;

	if (r->carry_len > 0) {
		const char *nl = memchr(p, '\n', len);
		size_t take = nl ? (size_t)(nl - p) : len;
		if (r->carry_len + take > MAX_LINE) {
			r->line_no++;
			r->flags &= ~INAMI_CSV_SKIP_BAD; /* cannot resynchronise safely */
			return bad_line(r, 1, "line is longer than 65536 bytes");
		}
		memcpy(r->carry + r->carry_len, p, take);
		r->carry_len += take;
		if (nl == NULL)
			return INAMI_OK;
		st = process_line(r, r->carry, r->carry_len);
		r->carry_len = 0;
		if (st != INAMI_OK)
			return st;
		p = nl + 1;
	}
	for (;;) {
		if (r->fast && end - p >= FAST_LOOKAHEAD) {
			if ((st = inami__csv_fast_lines(r, &p, end)) != INAMI_OK)
				return st;
		}
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			break;
		st = process_line(r, p, (size_t)(nl - p));
		if (st != INAMI_OK)
			return st;
		p = nl + 1;
	}
	size_t rest = (size_t)(end - p);
	if (rest > MAX_LINE) {
		r->line_no++;
		r->flags &= ~INAMI_CSV_SKIP_BAD;
		return bad_line(r, 1, "line is longer than 65536 bytes");
	}
	memcpy(r->carry, p, rest);
	r->carry_len = rest;
	return INAMI_OK;
}

int inami_billing_csv_finish(inami_billing_csv *r)
{
	INAMI_CHECK_NULL(r);
	if (r->failed)
		return inami__fail(r->failed_status, "%s: the reader stopped at an earlier error", r->name);
	int st = INAMI_OK;
	if (r->carry_len > 0) {
		st = process_line(r, r->carry, r->carry_len);
		r->carry_len = 0;
	}
	if (st == INAMI_OK && !r->have_header) {
		r->failed = 1;
		r->failed_status = INAMI_EPARSE;
		return inami__fail(INAMI_EPARSE, "%s:1:1: empty input (a header provider,code,quantity "
			"is expected)", r->name);
	}
	if (st == INAMI_OK)
		st = inami__csv_flush(r);
	return st;
}

void inami__csv_reset(inami_billing_csv *r)
{
	inami__billing_reset(r->totals); /* the same object: inami_billing_csv_totals() stays valid */
	r->have_header = r->has_date = r->ncols = r->fast = 0;
	r->failed = r->failed_status = 0;
	r->line_no = r->lines = r->skipped = 0;
	r->first_skipped[0] = '\0';
	r->carry_len = r->n = 0;
	inami__ids_clear(&r->ids);
}

int64_t inami_billing_csv_line_count(const inami_billing_csv *r)
{
	return r ? r->lines : 0;
}

int64_t inami_billing_csv_skipped_count(const inami_billing_csv *r)
{
	return r ? r->skipped : 0;
}

const char *inami_billing_csv_first_skipped(const inami_billing_csv *r)
{
	return r ? r->first_skipped : "";
}

inami_billing *inami_billing_csv_totals(inami_billing_csv *r)
{
	return r ? r->totals : NULL;
}

const char *inami_billing_csv_provider_id(const inami_billing_csv *r, size_t index)
{
	size_t len;
	if (r == NULL || index >= r->ids.count)
		return NULL;
	return ids_text(&r->ids, (uint32_t)index, &len);
}
