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
#include "dates.h"
#include "error.h"

static const char *const role_names[] = { "provider", "code", "quantity", "date" };

int inami_billing_csv_options_init(inami_billing_csv_options *options, unsigned int version)
{
	static const inami_billing_csv_options defaults = INAMI_BILLING_CSV_OPTIONS_INIT;

	INAMI_CHECK_NULL(options);
	INAMI_CHECK_VERSION(version, INAMI_BILLING_CSV_OPTIONS_VERSION, "inami_billing_csv_options");
	*options = defaults;
	return INAMI_OK;
}

/* s without its leading and trailing spaces and tabs: *len bytes from the returned pointer. */
static const char *trim(const char *s, size_t *len)
{
	while (*len > 0 && (s[0] == ' ' || s[0] == '\t')) {
		s++;
		(*len)--;
	}
	while (*len > 0 && (s[*len - 1] == ' ' || s[*len - 1] == '\t'))
		(*len)--;
	return s;
}

static int same_name_nocase(const char *a, size_t alen, const char *b, size_t blen)
{
	if (alen != blen)
		return 0;
	for (size_t i = 0; i < alen; i++) {
		unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
		if ((unsigned)(x - 'A') < 26u)
			x = (unsigned char)(x + 32);
		if ((unsigned)(y - 'A') < 26u)
			y = (unsigned char)(y + 32);
		if (x != y)
			return 0;
	}
	return 1;
}

/* The header name of role k (the option's, else the role's own). */
static const char *role_column(const inami_billing_csv *r, int k)
{
	return r->column[k] ? r->column[k] : role_names[k];
}

static int date_ok(inami_date d)
{
	return d >= 10000101 && d <= 99991231 && inami__csv_days_ok(d / 10000, d / 100 % 100, d % 100);
}

/* Checks the options and keeps them in r (names copied, trimmed). */
static int set_options(inami_billing_csv *r, const inami_billing_csv_options *o)
{
	if (o->delimiter != 0 && o->delimiter != ',' && o->delimiter != ';')
		return inami__fail(INAMI_EINVAL, "the CSV delimiter must be ',' or ';' (or 0 to detect it), "
			"not 0x%02x", (unsigned)(unsigned char)o->delimiter);
	r->forced_delim = r->delim = o->delimiter;
	const char *names[4] = { o->provider_column, o->code_column, o->quantity_column, o->date_column };
	for (int k = 0; k < 4; k++) {
		if (names[k] == NULL)
			continue;
		size_t len = strlen(names[k]);
		const char *t = trim(names[k], &len);
		if (len == 0 || len > MAX_ID || memchr(t, '"', len) || memchr(t, '\n', len) || memchr(t, '\r', len))
			return inami__fail(INAMI_EINVAL, "the %s column name '%.64s' must be 1 to 255 bytes without "
				"quote or line break", role_names[k], names[k]);
		if ((r->column[k] = malloc(len + 1)) == NULL)
			return inami__fail(INAMI_ENOMEM, "out of memory");
		memcpy(r->column[k], t, len);
		r->column[k][len] = '\0';
	}
	for (int a = 0; a < 4; a++)
		for (int b = a + 1; b < 4; b++) {
			const char *x = role_column(r, a), *y = role_column(r, b);
			if (same_name_nocase(x, strlen(x), y, strlen(y)))
				return inami__fail(INAMI_EINVAL, "the column name '%s' is given for both %s and %s", x,
					role_names[a], role_names[b]);
		}
	if ((o->date_from != 0 && !date_ok(o->date_from)) || (o->date_to != 0 && !date_ok(o->date_to)))
		return inami__fail(INAMI_EINVAL, "the date range %d..%d has a date that is not a real day "
			"(YYYYMMDD, 0 = open)", (int)o->date_from, (int)o->date_to);
	if (o->date_from != 0 && o->date_to != 0 && o->date_from > o->date_to)
		return inami__fail(INAMI_EINVAL, "the date range starts after it ends (%d > %d)", (int)o->date_from,
			(int)o->date_to);
	r->date_from = o->date_from;
	r->date_to = o->date_to;
	r->range = o->date_from != 0 || o->date_to != 0;
	r->date_lo = o->date_from ? o->date_from : 0;
	r->date_hi = o->date_to ? o->date_to : INT32_MAX;
	return INAMI_OK;
}

int inami_billing_csv_new_with_options(inami_billing_csv **out, const inami_nomenclature *nomenclature,
	unsigned int flags, const char *name, const inami_billing_csv_options *options)
{
	static const inami_billing_csv_options defaults = INAMI_BILLING_CSV_OPTIONS_INIT;

	INAMI_CHECK_NULL(out);
	*out = NULL;
	INAMI_CHECK_NULL(nomenclature);
	if (flags & ~(INAMI_BILLING_ALLOW_DERIVED | INAMI_CSV_SKIP_BAD))
		return inami__fail(INAMI_EINVAL, "unknown billing CSV flags 0x%x", flags);
	if (options == NULL)
		options = &defaults;
	INAMI_CHECK_VERSION(options->version, INAMI_BILLING_CSV_OPTIONS_VERSION, "inami_billing_csv_options");
	inami_billing_csv *r = calloc(1, sizeof(*r));
	if (r == NULL)
		return inami__fail(INAMI_ENOMEM, "out of memory");
	r->flags = flags;
	r->nom = nomenclature;
	int st = set_options(r, options);
	if (st != INAMI_OK) {
		inami_billing_csv_free(r);
		return st;
	}
	r->name = strdup(name ? name : "input");
	r->carry = malloc(MAX_LINE + 1);
	r->code = malloc(BATCH * sizeof(int32_t));
	r->quantity = malloc(BATCH * sizeof(int32_t));
	r->date = malloc(BATCH * sizeof(int32_t));
	r->provider = malloc(BATCH * sizeof(uint32_t));
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

int inami_billing_csv_new(inami_billing_csv **out, const inami_nomenclature *nomenclature,
	unsigned int flags, const char *name)
{
	return inami_billing_csv_new_with_options(out, nomenclature, flags, name, NULL);
}

int inami__csv_new_like(inami_billing_csv **out, const inami_billing_csv *r)
{
	inami_billing_csv_options o = INAMI_BILLING_CSV_OPTIONS_INIT;
	o.delimiter = r->forced_delim;
	o.provider_column = r->column[F_PROVIDER];
	o.code_column = r->column[F_CODE];
	o.quantity_column = r->column[F_QUANTITY];
	o.date_column = r->column[F_DATE];
	o.date_from = r->date_from;
	o.date_to = r->date_to;
	int st = inami_billing_csv_new_with_options(out, r->nom, r->flags, r->name, &o);
	if (st != INAMI_OK)
		return st;
	inami_billing_csv *h = *out;
	h->have_header = r->have_header;
	h->has_date = r->has_date;
	h->ncols = r->ncols;
	h->fast = r->fast;
	h->delim = r->delim;
	memcpy(h->role, r->role, sizeof(r->role));
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
	for (int k = 0; k < 4; k++)
		free(r->column[k]);
	free(r->p_outside);
	free(r->p_undated);
	inami__ids_free(&r->ids);
	free(r);
}

int inami__csv_grow_counts(inami_billing_csv *r)
{
	size_t need = r->ids.count;
	if (need <= r->p_cap)
		return INAMI_OK;
	size_t cap = r->p_cap ? r->p_cap : 1024;
	while (cap < need)
		cap *= 2;
	int64_t *o = realloc(r->p_outside, cap * sizeof(int64_t));
	if (o != NULL)
		r->p_outside = o;
	int64_t *u = o ? realloc(r->p_undated, cap * sizeof(int64_t)) : NULL;
	if (u == NULL)
		return inami__fail(INAMI_ENOMEM, "out of memory for date counts");
	r->p_undated = u;
	memset(r->p_outside + r->p_cap, 0, (cap - r->p_cap) * sizeof(int64_t));
	memset(r->p_undated + r->p_cap, 0, (cap - r->p_cap) * sizeof(int64_t));
	r->p_cap = cap;
	return INAMI_OK;
}

/* The date range on the batch: lines outside are counted and dropped, undated ones counted. */
static int filter_batch(inami_billing_csv *r)
{
	if (inami__csv_grow_counts(r) != INAMI_OK) {
		r->failed = 1;
		r->failed_status = INAMI_ENOMEM;
		return INAMI_ENOMEM;
	}
	size_t k = 0;
	for (size_t i = 0; i < r->n; i++) {
		uint32_t p = r->provider[i];
		int32_t d = r->has_date ? r->date[i] : 0;
		if (d == 0) {
			r->undated++;
			r->p_undated[p]++;
		} else if (d < r->date_lo || d > r->date_hi) {
			r->outside++;
			r->p_outside[p]++;
			continue;
		}
		r->code[k] = r->code[i];
		r->quantity[k] = r->quantity[i];
		r->date[k] = r->date[i];
		r->provider[k] = p;
		k++;
	}
	r->n = k;
	return INAMI_OK;
}

int inami__csv_flush(inami_billing_csv *r)
{
	if (r->range && r->n > 0 && filter_batch(r) != INAMI_OK)
		return INAMI_ENOMEM;
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

/* A field of a line: its bytes (inside the quotes when quoted, "" not yet undone). */
typedef struct field {
	const char *p;
	size_t len;
	int quoted;
	int escapes;      /* a "" inside the quotes */
} field;

/*
 * The field starting at s[*pos], up to the delimiter d or the end of the
 * line; *pos is left on that delimiter (or at len). RFC 4180: a field that
 * starts with a quote ends at the lone quote that closes it, which the
 * delimiter or the end of the line must follow; "" inside is a quote. A
 * quote inside an unquoted field is an error. With `lenient` (columns the
 * reader ignores, header names: as the reader always took them) a field that
 * is not well quoted is taken as it is, up to the next delimiter. Returns
 * NULL, or the error with its 0-based column in *col.
 */
static const char *take_field(const char *s, size_t len, size_t *pos, char d, int lenient, field *f,
	size_t *col)
{
	size_t start = *pos;
	f->quoted = f->escapes = 0;
	if (start < len && s[start] == '"') {
		size_t i = start + 1;
		for (;;) {
			const char *q = i < len ? memchr(s + i, '"', len - i) : NULL;
			if (q == NULL) {
				i = len;
				break;
			}
			i = (size_t)(q - s);
			if (i + 1 < len && s[i + 1] == '"') {
				f->escapes = 1;
				i += 2;
				continue;
			}
			break;
		}
		if (i < len && (i + 1 == len || s[i + 1] == d)) {
			f->p = s + start + 1;
			f->len = i - start - 1;
			f->quoted = 1;
			*pos = i + 1;
			return NULL;
		}
		if (!lenient) {
			*col = i < len ? i + 1 : start;
			return i < len ? "text after the closing quote of a quoted field"
				: "unterminated quoted field (a quoted field ends on its line)";
		}
		f->escapes = 0;
	}
	const char *e = start < len ? memchr(s + start, d, len - start) : NULL;
	size_t end = e ? (size_t)(e - s) : len;
	const char *q = lenient ? NULL : memchr(s + start, '"', end - start);
	if (q != NULL) {
		*col = (size_t)(q - s);
		return "a quote inside an unquoted field (quote the whole field, a quote doubled)";
	}
	f->p = s + start;
	f->len = end - start;
	*pos = end;
	return NULL;
}

/* The header split at d: its columns' roles, or an error (message in why, column in *col). */
typedef struct header_try {
	unsigned char role[MAX_COLUMNS];
	int ncols, has_date;
	size_t col;
	char why[400];
} header_try;

static int try_header(const inami_billing_csv *r, const char *s, size_t len, char d, header_try *h)
{
	int best[4] = { 0, 0, 0, 0 }, at[4] = { -1, -1, -1, -1 };
	char found[200];
	size_t nfound = 0, pos = 0;
	int cut = 0;

	found[0] = '\0';
	h->ncols = 0;
	for (;;) {
		field f;
		size_t start = pos, col;
		take_field(s, len, &pos, d, 1, &f, &col);
		if (h->ncols == MAX_COLUMNS) {
			h->col = start;
			snprintf(h->why, sizeof(h->why), "the header has more than %d columns", MAX_COLUMNS);
			return -1;
		}
		/* names without spaces or quotes around them, as the reader always took them */
		const char *n = f.p;
		size_t nlen = f.len;
		for (;;) {
			size_t before = nlen;
			n = trim(n, &nlen);
			while (nlen > 0 && n[0] == '"') {
				n++;
				nlen--;
			}
			while (nlen > 0 && n[nlen - 1] == '"')
				nlen--;
			if (nlen == before)
				break;
		}
		/* the names found, for the message; cut once with "..." when they do not fit */
		if (!cut && nfound + nlen + 2 < sizeof(found)) {
			if (h->ncols > 0)
				found[nfound++] = d;
			memcpy(found + nfound, n, nlen);
			nfound += nlen;
			found[nfound] = '\0';
		} else if (!cut && nfound + 4 < sizeof(found)) {
			memcpy(found + nfound, "...", 4);
			nfound += 3;
			cut = 1;
		}
		h->role[h->ncols] = F_IGNORED;
		for (int k = 0; k < 4; k++) {
			const char *want = role_column(r, k);
			size_t wlen = strlen(want);
			/* an exact match wins over a case-insensitive one */
			int level = nlen == wlen && memcmp(n, want, wlen) == 0 ? 2 : same_name_nocase(n, nlen, want, wlen);
			if (level == 0)
				continue;
			if (level == best[k]) {
				h->col = start;
				snprintf(h->why, sizeof(h->why), "the header names the %s column '%s' twice", role_names[k],
					want);
				return -1;
			}
			if (level > best[k]) {
				best[k] = level;
				at[k] = h->ncols;
			}
		}
		h->ncols++;
		if (pos >= len)
			break;
		pos++;
	}
	for (int k = 0; k < 4; k++) {
		if (at[k] >= 0) {
			h->role[at[k]] = (unsigned char)k;
			continue;
		}
		if (k == F_DATE && r->column[F_DATE] == NULL)
			continue;
		h->col = 0;
		if (r->column[k] != NULL)
			snprintf(h->why, sizeof(h->why), "the header has no '%s' column for the %s (columns found: %s)",
				r->column[k], role_names[k], found);
		else
			snprintf(h->why, sizeof(h->why), "the header has no '%s' column (columns found: %s)",
				role_names[k], found);
		return -1;
	}
	h->has_date = at[F_DATE] >= 0;
	return 0;
}

/*
 * The header: split at the forced delimiter, or at a comma when that names
 * every required column, else at a semicolon. The first delimiter a header
 * works with is kept, so every header read before semicolons were known
 * is read as before.
 */
static int parse_header(inami_billing_csv *r, const char *s, size_t len)
{
	header_try t[2];
	char delims[2] = { ',', ';' };
	int n = 2;
	if (r->forced_delim) {
		delims[0] = r->forced_delim;
		n = 1;
	}
	int pick = -1;
	for (int i = 0; i < n && pick < 0; i++)
		if (try_header(r, s, len, delims[i], &t[i]) == 0)
			pick = i;
	if (pick < 0) {
		/* A header error is never skipped: nothing after it could be read. */
		int e = n == 2 && t[1].ncols > t[0].ncols ? 1 : 0;
		r->flags &= ~INAMI_CSV_SKIP_BAD;
		r->failed = 1;
		r->failed_status = INAMI_EPARSE;
		return inami__fail(INAMI_EPARSE, "%s:%lld:%zu: %s", r->name, (long long)r->line_no, t[e].col + 1,
			t[e].why);
	}
	r->delim = delims[pick];
	r->ncols = t[pick].ncols;
	memcpy(r->role, t[pick].role, sizeof(r->role));
	r->has_date = t[pick].has_date;
	r->have_header = 1;
	r->fast = r->delim == ',' && (r->ncols == 3 || (r->ncols == 4 && r->role[3] == F_DATE))
		&& r->role[0] == F_PROVIDER && r->role[1] == F_CODE && r->role[2] == F_QUANTITY;
	return INAMI_OK;
}

int inami__csv_days_ok(int y, int m, int d)
{
	return y >= 1000 && m >= 1 && m <= 12 && d >= 1 && d <= inami__days_in_month(y, m);
}

/* A date field: YYYY-MM-DD or DD/MM/YYYY, as YYYYMMDD; 0 and a message in *why when it is neither. */
static int32_t parse_date(const char *d, size_t len, char *why, size_t whylen)
{
	int v[8], k = 0, dmy = len == 10 && d[2] == '/' && d[5] == '/';
	if (len != 10 || (!dmy && (d[4] != '-' || d[7] != '-'))) {
		snprintf(why, whylen, "date is not YYYY-MM-DD or DD/MM/YYYY");
		return 0;
	}
	for (int i = 0; i < 10; i++) {
		if (dmy ? (i == 2 || i == 5) : (i == 4 || i == 7))
			continue;
		if ((unsigned)(d[i] - '0') >= 10) {
			snprintf(why, whylen, "date is not YYYY-MM-DD or DD/MM/YYYY");
			return 0;
		}
		v[k++] = d[i] - '0';
	}
	int y, m, dd;
	if (dmy) {
		dd = v[0] * 10 + v[1];
		m = v[2] * 10 + v[3];
		y = v[4] * 1000 + v[5] * 100 + v[6] * 10 + v[7];
	} else {
		y = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
		m = v[4] * 10 + v[5];
		dd = v[6] * 10 + v[7];
	}
	if (!inami__csv_days_ok(y, m, dd)) {
		snprintf(why, whylen, "date '%.10s' is not a real calendar day", d);
		return 0;
	}
	return y * 10000 + m * 100 + dd;
}

/* One data line (without its newline). */
static int parse_line(inami_billing_csv *r, const char *s, size_t len)
{
	char id[MAX_ID + 1];
	const char *prov = NULL;
	size_t prov_len = 0, prov_col = 0;
	int32_t code = 0, qty = 0, date = 0;
	size_t pos = 0;
	const char d = r->delim;

	for (int col = 0; col < r->ncols; col++) {
		size_t start = pos, errcol = 0;
		field f;
		const char *why = take_field(s, len, &pos, d, r->role[col] == F_IGNORED, &f, &errcol);
		if (why != NULL)
			return bad_line(r, errcol + 1, why);
		const char *v = f.p;
		size_t n = f.len;
		switch (r->role[col]) {
		case F_CODE: {
			uint32_t x = 0;
			size_t i = 0;
			while (i < n && (unsigned)(v[i] - '0') < 10 && i < 9)
				x = x * 10 + (uint32_t)(v[i++] - '0');
			if (i == 0 || i < n)
				return bad_line(r, start + 1, "code is not a nomenclature number (digits only)");
			code = (int32_t)x;
			break;
		}
		case F_QUANTITY: {
			int neg = 0;
			int64_t x = 0;
			size_t i = 0;
			if (i < n && v[i] == '-') {
				neg = 1;
				i++;
			}
			size_t digits = i;
			while (i < n && (unsigned)(v[i] - '0') < 10) {
				x = x * 10 + (v[i++] - '0');
				if (x > INT32_MAX)
					return bad_line(r, start + 1, "quantity is too large (at most 2147483647)");
			}
			if (i == digits || i < n)
				return bad_line(r, start + 1, "quantity is not a whole number");
			qty = (int32_t)(neg ? -x : x);
			break;
		}
		case F_DATE:
			if (n > 0) {
				char msg[64];
				if ((date = parse_date(v, n, msg, sizeof(msg))) == 0)
					return bad_line(r, start + 1, msg);
			}
			break;
		case F_PROVIDER:
			prov_col = start;
			prov_len = n;
			prov = v;
			if (f.escapes) {
				/* "" is one quote */
				prov_len = 0;
				for (size_t i = 0; i < n && prov_len <= MAX_ID; i++) {
					id[prov_len++] = v[i];
					if (v[i] == '"')
						i++;
				}
				prov = id;
			}
			break;
		default:
			break;
		}
		if (col + 1 < r->ncols) {
			if (pos >= len)
				return bad_line(r, pos + 1, "too few columns");
			pos++; /* the delimiter */
		}
	}
	if (pos < len)
		return bad_line(r, pos + 1, "too many columns");
	if (prov_len == 0)
		return bad_line(r, prov_col + 1, "provider is empty");
	if (prov_len > MAX_ID)
		return bad_line(r, prov_col + 1, "provider id is longer than 255 bytes");
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
	if (!r->have_header) {
		/* a UTF-8 byte order mark before the header, as spreadsheets write it */
		if (r->line_no == 1 && len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
			s += 3;
			len -= 3;
			if (len == 0)
				return INAMI_OK;
		}
		return parse_header(r, s, len);
	}
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
	r->delim = r->forced_delim;
	r->outside = r->undated = 0;
	if (r->p_cap > 0) {
		memset(r->p_outside, 0, r->p_cap * sizeof(int64_t));
		memset(r->p_undated, 0, r->p_cap * sizeof(int64_t));
	}
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

int inami_billing_csv_date_counts(const inami_billing_csv *r, int64_t *outside, int64_t *undated)
{
	INAMI_CHECK_NULL(r);
	if (outside)
		*outside = r->outside;
	if (undated)
		*undated = r->undated;
	return INAMI_OK;
}

int inami_billing_csv_provider_date_counts(const inami_billing_csv *r, int64_t *outside, int64_t *undated,
	size_t count)
{
	INAMI_CHECK_NULL(r);
	size_t n = r->ids.count;
	if (count < n)
		return inami__fail(INAMI_EBUFS, "arrays of %zu entries for %zu providers", count, n);
	for (size_t p = 0; p < n; p++) {
		if (outside)
			outside[p] = p < r->p_cap ? r->p_outside[p] : 0;
		if (undated)
			undated[p] = p < r->p_cap ? r->p_undated[p] : 0;
	}
	return INAMI_OK;
}
