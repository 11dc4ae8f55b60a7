/*
 * Streaming reader of billing CSV (provider,code,quantity[,date]): a
 * hand-written line parser over caller blocks, provider ids mapped to indices
 * with a hash table, lines batched into arrays for inami_billing_add(). Only
 * a partial last line is kept between blocks, so memory does not grow with
 * the number of lines. The fuzz harness calls inami_billing_csv_feed().
 *
 * Speed: the usual layout (provider,code,quantity[,date] in that order, short
 * unquoted ids) goes through fast_line(), which accepts exactly the lines the
 * general parser accepts with the same values and hands anything else to it;
 * ids of at most 16 bytes are stored inline in their hash slot. A regular
 * file is read by two threads (read_file below).
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "billing_internal.h"
#include "error.h"

#define BATCH 65536
#define MAX_LINE 65536       /* longer lines are malformed (keeps memory bounded) */
#define MAX_ID 255
#define MAX_COLUMNS 32

enum { F_PROVIDER, F_CODE, F_QUANTITY, F_DATE, F_IGNORED };

/*
 * Provider ids -> indices: open addressing over 8-byte slots (index + 1 in
 * the low 32 bits, 0 = empty; the id's length in bits 32..39; 24 bits of its
 * hash above), and per index the id's first 16 bytes zero padded (`keys`):
 * an id of at most 16 bytes is compared with two word compares, without
 * touching the id text. 20,000 providers take 256 KB of slots and 320 KB of
 * keys, which stay in the L2 cache.
 */
typedef struct id_key {
	uint64_t k0, k1;
} id_key;

#define INLINE_ID 16
#define SLOT_INDEX(s) ((uint32_t)(s) - 1u)
#define SLOT_CHECK(h, len) ((((h) >> 40) << 40) | ((uint64_t)(len) << 32))

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
	uint64_t *slots;
	size_t slot_cap;
	id_key *keys;     /* id_off_cap entries */
	uint32_t last;    /* index of the previous line's provider (runs of one provider are common) */
	uint64_t last_k0, last_k1;
	size_t last_len;
	int fast;         /* the header is provider,code,quantity[,date]: fast_line() may be used */
	const inami_nomenclature *nom;
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

/* Hash of an id of at most 16 bytes given as two zero-padded words. */
static inline uint64_t hash_key16(uint64_t k0, uint64_t k1, size_t len)
{
	uint64_t h = (k0 * 0x9E3779B97F4A7C15ull) ^ (k1 * 0xC2B2AE3D27D4EB4Full) ^ len;
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	return h ^ (h >> 29);
}

/* The id bytes as two zero-padded words (s must have 16 readable bytes when len <= 16 and `wide`). */
static inline void key16(const char *s, size_t len, int wide, uint64_t *k0, uint64_t *k1)
{
	uint64_t w[2] = { 0, 0 };
	if (wide) {
		memcpy(w, s, 16);
		if (len < 8) {
			w[0] &= (1ull << (8 * len)) - 1;
			w[1] = 0;
		} else if (len < 16) {
			w[1] &= (1ull << (8 * (len - 8))) - 1;
		}
	} else {
		memcpy(w, s, len);
	}
	*k0 = w[0];
	*k1 = w[1];
}

static uint64_t id_hash(const char *s, size_t len, uint64_t k0, uint64_t k1)
{
	return len <= INLINE_ID ? hash_key16(k0, k1, len) : hash_bytes(s, len);
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
	r->nom = nomenclature;
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
	free(r->keys);
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

static const char *id_text(const inami_billing_csv *r, uint32_t i, size_t *len)
{
	size_t off = r->id_off[i];
	*len = r->id_off[i + 1] - off - 1;
	return r->ids + off;
}

/* Slots fill to at most 3/4. Returns 0 when out of memory. */
static int grow_slots(inami_billing_csv *r)
{
	size_t ncap = r->slot_cap ? r->slot_cap * 2 : 1024;
	uint64_t *t = calloc(ncap, sizeof(*t));
	if (t == NULL)
		return 0;
	for (uint32_t i = 0; i < r->id_count; i++) {
		size_t len;
		const char *s = id_text(r, i, &len);
		uint64_t h = id_hash(s, len, r->keys[i].k0, r->keys[i].k1);
		size_t j = h & (ncap - 1);
		while (t[j] != 0)
			j = (j + 1) & (ncap - 1);
		t[j] = SLOT_CHECK(h, len) | (i + 1u);
	}
	free(r->slots);
	r->slots = t;
	r->slot_cap = ncap;
	return 1;
}

/*
 * Index of provider id `s` (added when new); UINT32_MAX when out of memory.
 * k0, k1: the id's first 16 bytes zero padded (see key16).
 */
static uint32_t provider_index_k(inami_billing_csv *r, const char *s, size_t len, uint64_t k0, uint64_t k1)
{
	if (r->last != UINT32_MAX && r->last_len == len && r->last_k0 == k0 && r->last_k1 == k1
		&& (len <= INLINE_ID || memcmp(id_text(r, r->last, &(size_t){0}), s, len) == 0))
		return r->last;
	if ((r->id_count + 1) * 4 > r->slot_cap * 3 && !grow_slots(r))
		return UINT32_MAX;
	uint64_t h = id_hash(s, len, k0, k1), check = SLOT_CHECK(h, len);
	size_t mask = r->slot_cap - 1, j = h & mask;
	uint32_t i;
	for (; r->slots[j] != 0; j = (j + 1) & mask) {
		uint64_t e = r->slots[j];
		if ((e & ~(uint64_t)UINT32_MAX) != check)
			continue;
		i = SLOT_INDEX(e);
		if (r->keys[i].k0 == k0 && r->keys[i].k1 == k1
			&& (len <= INLINE_ID || memcmp(id_text(r, i, &(size_t){0}), s, len) == 0))
			goto found;
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
		id_key *k = realloc(r->keys, ncap * sizeof(*k));
		if (k == NULL)
			return UINT32_MAX;
		r->keys = k;
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
	i = (uint32_t)r->id_count++;
	r->id_off[i + 1] = r->ids_len;
	r->keys[i].k0 = k0;
	r->keys[i].k1 = k1;
	r->slots[j] = check | (i + 1u);
found:
	r->last_len = len;
	r->last_k0 = k0;
	r->last_k1 = k1;
	return r->last = i;
}

static uint32_t provider_index(inami_billing_csv *r, const char *s, size_t len)
{
	uint64_t k0 = 0, k1 = 0;
	key16(s, len < INLINE_ID ? len : INLINE_ID, 0, &k0, &k1);
	return provider_index_k(r, s, len, k0, k1);
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

/* fast_line() reads at most this many bytes from the start of a line. */
#define FAST_LOOKAHEAD 64

/*
 * The usual line, parsed in one pass without looking for the newline first:
 * an unquoted id of 1..15 bytes, the code, the quantity, an optional
 * YYYY-MM-DD date, then \n or \r\n. Returns 1 when the line was taken (*pp
 * moves past it; *st is the status of a batch flush), 0 when the general
 * parser must handle it (anything unusual, every error included: it then
 * gives the exact message). `s` has FAST_LOOKAHEAD readable bytes.
 */
static inline int fast_line(inami_billing_csv *r, const char **pp, int *st)
{
	const char *s = *pp;
	size_t plen, pos;
	uint64_t k0, k1;

#ifdef __SSE2__
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
	unsigned comma = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(',')));
	unsigned special = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(
		_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))),
		_mm_cmpeq_epi8(v, _mm_setzero_si128())));
	if (comma == 0)
		return 0;
	plen = (size_t)__builtin_ctz(comma);
	if (plen == 0 || (special & ((1u << plen) - 1)) != 0)
		return 0;
#else
	for (plen = 0; plen < 16 && s[plen] != ','; plen++)
		if (s[plen] == '"' || s[plen] == '\n' || s[plen] == '\0')
			return 0;
	if (plen == 0 || plen == 16)
		return 0;
#endif
	key16(s, plen, 1, &k0, &k1);
	pos = plen + 1;

	uint32_t code = 0;
	size_t start = pos;
	while ((unsigned)(s[pos] - '0') < 10 && pos - start < 9)
		code = code * 10 + (uint32_t)(s[pos++] - '0');
	if (pos == start || s[pos] != ',')
		return 0;
	pos++;

	int neg = s[pos] == '-';
	pos += (size_t)neg;
	start = pos;
	int64_t q = 0;
	while ((unsigned)(s[pos] - '0') < 10 && pos - start < 10)
		q = q * 10 + (s[pos++] - '0');
	if (pos == start || q > INT32_MAX)
		return 0;
	int32_t date = 0;
	if (r->ncols == 4) {
		if (s[pos] != ',')
			return 0;
		pos++;
		if (s[pos] != '\n' && s[pos] != '\r') {
			const char *d = s + pos;
			unsigned y0 = (unsigned)(d[0] - '0'), y1 = (unsigned)(d[1] - '0'), y2 = (unsigned)(d[2] - '0'),
				y3 = (unsigned)(d[3] - '0'), m0 = (unsigned)(d[5] - '0'), m1 = (unsigned)(d[6] - '0'),
				d0 = (unsigned)(d[8] - '0'), d1 = (unsigned)(d[9] - '0');
			if ((y0 > 9) | (y1 > 9) | (y2 > 9) | (y3 > 9) | (m0 > 9) | (m1 > 9) | (d0 > 9) | (d1 > 9)
				| (d[4] != '-') | (d[7] != '-'))
				return 0;
			int y = (int)(y0 * 1000 + y1 * 100 + y2 * 10 + y3), m = (int)(m0 * 10 + m1), dd = (int)(d0 * 10 + d1);
			if (!days_ok(y, m, dd))
				return 0;
			date = y * 10000 + m * 100 + dd;
			pos += 10;
		}
	}
	if (s[pos] == '\n')
		pos++;
	else if (s[pos] == '\r' && s[pos + 1] == '\n')
		pos += 2;
	else
		return 0;

	uint32_t p = provider_index_k(r, s, plen, k0, k1);
	if (p == UINT32_MAX)
		return 0; /* out of memory: the general parser reports it */
	r->line_no++;
	r->code[r->n] = (int32_t)code;
	r->quantity[r->n] = (int32_t)(neg ? -q : q);
	r->date[r->n] = date;
	r->provider[r->n] = p;
	r->lines++;
	*pp = s + pos;
	*st = ++r->n == BATCH ? flush(r) : INAMI_OK;
	return 1;
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
			if (fast_line(r, &p, &st)) {
				if (st != INAMI_OK)
					return st;
				continue;
			}
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
		st = flush(r);
	return st;
}

/* Back to the state of a new reader (same nomenclature, flags and name). */
static int reader_reset(inami_billing_csv *r)
{
	billing__reset(r->totals); /* the same object: inami_billing_csv_totals() stays valid */
	r->have_header = r->has_date = r->ncols = r->fast = 0;
	r->failed = r->failed_status = 0;
	r->line_no = r->lines = r->skipped = 0;
	r->first_skipped[0] = '\0';
	r->carry_len = r->n = 0;
	r->ids_len = r->id_count = 0;
	if (r->id_off)
		r->id_off[0] = 0;
	if (r->slots)
		memset(r->slots, 0, r->slot_cap * sizeof(*r->slots));
	r->last = UINT32_MAX;
	return INAMI_OK;
}

/* Files smaller than this are read by one thread. */
#define PARALLEL_MIN (4u << 20)

#define BLOCK_BYTES (4u << 20)

/* Feed bytes [from, to) of fd with pread() blocks of BLOCK_BYTES. */
static int feed_range(inami_billing_csv *r, int fd, uint64_t from, uint64_t to, const char *path)
{
	char *buf = malloc(BLOCK_BYTES);
	int st = buf ? INAMI_OK : inami__fail(INAMI_ENOMEM, "out of memory");
	while (st == INAMI_OK && from < to) {
		size_t want = to - from < BLOCK_BYTES ? (size_t)(to - from) : BLOCK_BYTES;
		ssize_t got = pread(fd, buf, want, (off_t)from);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0) {
			st = inami__fail(INAMI_EIO, "%s: %s", path, got < 0 ? strerror(errno) : "file shrank while read");
			break;
		}
		st = inami_billing_csv_feed(r, buf, (size_t)got);
		from += (uint64_t)got;
	}
	free(buf);
	return st;
}

typedef struct half {
	inami_billing_csv *r;
	int fd;
	uint64_t from, to;
	const char *path;
	int status;
} half;

static void *read_half(void *arg)
{
	half *h = arg;
	h->status = feed_range(h->r, h->fd, h->from, h->to, h->path);
	if (h->status == INAMI_OK)
		h->status = inami_billing_csv_finish(h->r);
	return NULL;
}

/*
 * Bytes [off, size) of a regular file in two halves split at a line
 * boundary, the second read by a second thread into its own reader and
 * merged into `r`. Returns 1 when done (status in *st), 0 when the caller
 * must read the whole input again in one thread: the second half had a
 * malformed line (its line numbers are relative), or the totals could get
 * near 2^63 (then every add is checked in line order).
 */
static int read_parallel(inami_billing_csv *r, int fd, const char *path, uint64_t off, uint64_t size, int *st)
{
	uint64_t mid = off + (size - off) / 2;
	char probe[4096];
	ssize_t got = pread(fd, probe, sizeof(probe), (off_t)mid);
	const char *nl = got > 0 ? memchr(probe, '\n', (size_t)got) : NULL;
	if (nl == NULL)
		return 0;
	mid += (uint64_t)(nl + 1 - probe);
	if (mid >= size)
		return 0;
	half h = { NULL, fd, mid, size, path, INAMI_OK };
	if (inami_billing_csv_new(&h.r, r->nom, r->flags, r->name) != INAMI_OK)
		return 0;
	h.r->have_header = 1;
	h.r->has_date = r->has_date;
	h.r->ncols = r->ncols;
	h.r->fast = r->fast;
	memcpy(h.r->role, r->role, sizeof(r->role));
	pthread_t t;
	if (pthread_create(&t, NULL, read_half, &h) != 0) {
		inami_billing_csv_free(h.r);
		return 0;
	}
	*st = feed_range(r, fd, off, mid, path);
	pthread_join(t, NULL);
	if (*st == INAMI_OK)
		*st = flush(r);
	int done = 1;
	if (*st == INAMI_OK) {
		if (h.status != INAMI_OK || h.r->skipped > 0 || r->carry_len != 0
			|| !billing__can_merge(r->totals, h.r->totals)) {
			done = 0;
		} else {
			/* Providers of the second half not seen in the first come after them, in their order. */
			uint32_t *map = malloc((h.r->id_count + 1) * sizeof(*map));
			if (map == NULL)
				*st = inami__fail(INAMI_ENOMEM, "out of memory");
			for (size_t i = 0; *st == INAMI_OK && i < h.r->id_count; i++) {
				size_t len;
				const char *id = id_text(h.r, (uint32_t)i, &len);
				map[i] = provider_index(r, id, len);
				if (map[i] == UINT32_MAX)
					*st = inami__fail(INAMI_ENOMEM, "out of memory for provider ids");
			}
			if (*st == INAMI_OK)
				*st = billing__merge(r->totals, h.r->totals, map);
			free(map);
			r->lines += h.r->lines;
			r->line_no += h.r->line_no;
			r->last = UINT32_MAX;
		}
	}
	inami_billing_csv_free(h.r);
	return done;
}

/* A regular file: the header, then two halves in parallel when it is large. */
static int read_regular(inami_billing_csv *r, int fd, const char *path, uint64_t size)
{
	char head[65536];
	ssize_t got = pread(fd, head, sizeof(head), 0);
	uint64_t off = 0;
	int st = INAMI_OK;
	/* Lines up to the header (blank lines may come first) in this thread. */
	while (got > 0 && st == INAMI_OK && !r->have_header) {
		const char *nl = memchr(head + off, '\n', (size_t)got - off);
		if (nl == NULL)
			break;
		size_t end = (size_t)(nl + 1 - head);
		st = inami_billing_csv_feed(r, head + off, end - off);
		off = end;
	}
	if (st != INAMI_OK)
		return st;
	if (r->have_header && r->carry_len == 0 && size - off >= PARALLEL_MIN && sysconf(_SC_NPROCESSORS_ONLN) >= 2) {
		if (read_parallel(r, fd, path, off, size, &st))
			return st == INAMI_OK ? inami_billing_csv_finish(r) : st;
		if ((st = reader_reset(r)) != INAMI_OK)
			return st;
		off = 0;
	}
	st = feed_range(r, fd, off, size, path);
	return st == INAMI_OK ? inami_billing_csv_finish(r) : st;
}

int inami_billing_csv_read_file(inami_billing_csv *r, const char *path)
{
	INAMI_CHECK_NULL(r);
	INAMI_CHECK_NULL(path);
	int fd = strcmp(path, "-") == 0 ? 0 : open(path, O_RDONLY);
	if (fd < 0)
		return inami__fail(INAMI_EIO, "%s: %s", path, strerror(errno));
	/* A regular file from its start: pread() blocks, two threads when large ... */
	struct stat sb;
	if (r->line_no == 0 && r->carry_len == 0 && !r->failed && fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode)
		&& sb.st_size > 0 && lseek(fd, 0, SEEK_CUR) == 0) {
		int st = read_regular(r, fd, path, (uint64_t)sb.st_size);
		if (fd != 0)
			close(fd);
		return st;
	}
	/* ... anything else (pipe, terminal) is read in blocks: memory stays constant. */
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
