/*
 * Streaming reader of billing CSV (provider,code,quantity[,date]): a
 * hand-written line parser over caller blocks, provider ids mapped to indices
 * with a hash table, lines batched into arrays for inami_billing_add(). Only
 * a partial last line is kept between blocks, so memory does not grow with
 * the number of lines. The fuzz harness calls inami_billing_csv_feed().
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "billing_internal.h"
#include "error.h"

#define BATCH 65536
#define MAX_LINE 65536       /* longer lines are malformed (keeps memory bounded) */
#define MAX_ID 255
#define MAX_COLUMNS 32

enum { F_PROVIDER, F_CODE, F_QUANTITY, F_DATE, F_IGNORED };

typedef struct provider_slot {
	uint64_t hash;
	uint32_t index;   /* UINT32_MAX = empty */
} provider_slot;

struct inami_billing_csv {
	inami_billing *totals;
	unsigned int flags;
	char *name;
	int have_header, has_date, ncols;
	unsigned char role[MAX_COLUMNS];
	int failed, failed_status;
	int64_t line_no, lines, skipped;
	char first_skipped[512];
	char *carry;
	size_t carry_len;
	/* the batch */
	int32_t *code, *quantity, *date;
	uint32_t *provider;
	size_t n;
	/* provider ids: NUL-terminated in `ids`, id i at ids + id_off[i], length id_off[i+1] - id_off[i] - 1 */
	char *ids;
	size_t ids_len, ids_cap;
	size_t *id_off;
	size_t id_count, id_off_cap;
	provider_slot *slots;
	size_t slot_cap;
	uint32_t last;    /* index of the previous line's provider (runs of one provider are common) */
};

static uint64_t hash_bytes(const char *s, size_t len)
{
	uint64_t h = 0x9E3779B97F4A7C15ull ^ len;
	size_t i = 0;
	for (; i + 8 <= len; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdull;
		h ^= h >> 32;
	}
	uint64_t w = 0;
	memcpy(&w, s + i, len - i);
	/* murmur3 finaliser: every input bit reaches the low bits used as the slot */
	h ^= w;
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ull;
	return h ^ (h >> 33);
}

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
	r->name = strdup(name ? name : "input");
	r->carry = malloc(MAX_LINE + 1);
	r->code = malloc(BATCH * sizeof(int32_t));
	r->quantity = malloc(BATCH * sizeof(int32_t));
	r->date = malloc(BATCH * sizeof(int32_t));
	r->provider = malloc(BATCH * sizeof(uint32_t));
	r->last = UINT32_MAX;
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
	free(r->ids);
	free(r->id_off);
	free(r->slots);
	free(r);
}

static int flush(inami_billing_csv *r)
{
	if (r->n == 0)
		return INAMI_OK;
	int st = inami_billing_add(r->totals, r->code, r->quantity, r->has_date ? r->date : NULL,
		r->provider, r->n);
	r->n = 0;
	return st;
}

static int grow_slots(inami_billing_csv *r)
{
	size_t ncap = r->slot_cap ? r->slot_cap * 2 : 1024;
	provider_slot *s = malloc(ncap * sizeof(*s));
	if (s == NULL)
		return 0;
	for (size_t i = 0; i < ncap; i++)
		s[i].index = UINT32_MAX;
	for (size_t i = 0; i < r->slot_cap; i++) {
		if (r->slots[i].index == UINT32_MAX)
			continue;
		size_t j = r->slots[i].hash & (ncap - 1);
		while (s[j].index != UINT32_MAX)
			j = (j + 1) & (ncap - 1);
		s[j] = r->slots[i];
	}
	free(r->slots);
	r->slots = s;
	r->slot_cap = ncap;
	return 1;
}

/* Index of provider id `s` (added when new); UINT32_MAX when out of memory. */
static uint32_t provider_index(inami_billing_csv *r, const char *s, size_t len)
{
	if (r->last != UINT32_MAX) {
		size_t off = r->id_off[r->last];
		if (r->id_off[r->last + 1] - off - 1 == len && memcmp(r->ids + off, s, len) == 0)
			return r->last;
	}
	if ((r->id_count + 1) * 2 > r->slot_cap && !grow_slots(r))
		return UINT32_MAX;
	uint64_t h = hash_bytes(s, len);
	size_t mask = r->slot_cap - 1, j = h & mask;
	for (; r->slots[j].index != UINT32_MAX; j = (j + 1) & mask) {
		if (r->slots[j].hash != h)
			continue;
		uint32_t i = r->slots[j].index;
		size_t off = r->id_off[i];
		if (r->id_off[i + 1] - off - 1 == len && memcmp(r->ids + off, s, len) == 0)
			return r->last = i;
	}
	/* A new provider. */
	if (r->id_count + 2 > r->id_off_cap) {
		size_t ncap = r->id_off_cap ? r->id_off_cap * 2 : 1024;
		size_t *o = realloc(r->id_off, ncap * sizeof(*o));
		if (o == NULL)
			return UINT32_MAX;
		if (r->id_off_cap == 0)
			o[0] = 0;
		r->id_off = o;
		r->id_off_cap = ncap;
	}
	if (r->ids_len + len + 1 > r->ids_cap) {
		size_t ncap = r->ids_cap ? r->ids_cap * 2 : 16384;
		while (ncap < r->ids_len + len + 1)
			ncap *= 2;
		char *ids = realloc(r->ids, ncap);
		if (ids == NULL)
			return UINT32_MAX;
		r->ids = ids;
		r->ids_cap = ncap;
	}
	if (inami_billing_reserve(r->totals, r->id_count + 1) != INAMI_OK)
		return UINT32_MAX;
	/* ids are stored NUL-terminated for inami_billing_csv_provider_id(). */
	memcpy(r->ids + r->ids_len, s, len);
	r->ids[r->ids_len + len] = '\0';
	r->ids_len += len + 1;
	uint32_t i = (uint32_t)r->id_count++;
	r->id_off[i + 1] = r->ids_len;
	r->slots[j].hash = h;
	r->slots[j].index = i;
	return r->last = i;
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
	return INAMI_OK;
}

static int days_ok(int y, int m, int d)
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
				if (!days_ok(y, m, dd))
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
	uint32_t p = provider_index(r, prov, prov_len);
	if (p == UINT32_MAX) {
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
		return flush(r);
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
		st = flush(r);
	return st;
}

int inami_billing_csv_read_file(inami_billing_csv *r, const char *path)
{
	INAMI_CHECK_NULL(r);
	INAMI_CHECK_NULL(path);
	int fd = strcmp(path, "-") == 0 ? 0 : open(path, O_RDONLY);
	if (fd < 0)
		return inami__fail(INAMI_EIO, "%s: %s", path, strerror(errno));
	size_t cap = 1 << 20;
	char *buf = malloc(cap);
	int st = buf ? INAMI_OK : inami__fail(INAMI_ENOMEM, "out of memory");
	while (st == INAMI_OK) {
		ssize_t got = read(fd, buf, cap);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			st = inami__fail(INAMI_EIO, "%s: %s", path, strerror(errno));
		else if (got == 0)
			break;
		else
			st = inami_billing_csv_feed(r, buf, (size_t)got);
	}
	free(buf);
	if (fd != 0)
		close(fd);
	return st == INAMI_OK ? inami_billing_csv_finish(r) : st;
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
	if (r == NULL || index >= r->id_count)
		return NULL;
	return r->ids + r->id_off[index];
}
