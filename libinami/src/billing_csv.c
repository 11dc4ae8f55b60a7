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

#define BATCH 1024
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
	/* Lines parsed here are valid by construction: indices from the id table, checked dates. */
	int st = billing__add_valid(r->totals, r->code, r->quantity, r->has_date ? r->date : NULL,
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
 * k0, k1: the id's first 16 bytes zero padded (see key16); h: id_hash().
 */
static uint32_t provider_index_h(inami_billing_csv *r, const char *s, size_t len, uint64_t k0, uint64_t k1,
	uint64_t h)
{
	if (r->last != UINT32_MAX && r->last_len == len && r->last_k0 == k0 && r->last_k1 == k1
		&& (len <= INLINE_ID || memcmp(id_text(r, r->last, &(size_t){0}), s, len) == 0))
		return r->last;
	if ((r->id_count + 1) * 4 > r->slot_cap * 3 && !grow_slots(r))
		return UINT32_MAX;
	uint64_t check = SLOT_CHECK(h, len);
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
	return provider_index_h(r, s, len, k0, k1, id_hash(s, len, k0, k1));
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

/* fast_parse() reads at most this many bytes from the start of a line. */
#define FAST_LOOKAHEAD 64

/* One line as fast_parse() read it; the provider is looked up later. */
typedef struct fast_rec {
	uint64_t k0, k1, hash;
	uint32_t plen, bytes;   /* id length; line length with its newline */
} fast_rec;

/* Bit i set where byte i of the `nvec` x 16 bytes at s is c (nvec 2 or 4). */
static inline uint64_t byte_mask(const char *s, int nvec, char c)
{
	uint64_t m = 0;
#ifdef __SSE2__
	__m128i k = _mm_set1_epi8(c);
	for (int i = 0; i < nvec; i++)
		m |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(
			_mm_loadu_si128((const __m128i *)(const void *)(s + 16 * i)), k)) << (16 * i);
#else
	for (int i = 0; i < 16 * nvec; i++)
		m |= (uint64_t)(s[i] == c) << i;
#endif
	return m;
}

/* The 8 bytes at s (little-endian order: s[0] is the low byte). */
static inline uint64_t load8(const char *s)
{
	uint64_t x;
	memcpy(&x, s, 8);
	return x;
}

/* Non-zero when a byte of the low `len` (1..8) bytes of x is not an ASCII digit. */
static inline uint64_t not_digits(uint64_t x, unsigned len)
{
	uint64_t keep = len >= 8 ? ~0ull : (1ull << (8 * len)) - 1;
	return ((x + 0x4646464646464646ull) | (x - 0x3030303030303030ull)) & 0x8080808080808080ull & keep;
}

/* Value of the `len` (1..8) ASCII digits in the low bytes of x (checked by not_digits). */
static inline uint32_t digits_value(uint64_t x, unsigned len)
{
	x <<= 8 * (8 - len); /* leading zero bytes count as 0 digits */
	x = (x & 0x0F0F0F0F0F0F0F0Full) * 2561 >> 8;
	x = (x & 0x00FF00FF00FF00FFull) * 6553601 >> 16;
	return (uint32_t)((x & 0x0000FFFF0000FFFFull) * 42949672960001ull >> 32);
}

/*
 * The usual line, read from bit masks of its commas and newline: an unquoted
 * id of 1..16 bytes, a code of 1..8 digits, a quantity of 1..8 digits with an
 * optional minus, an optional YYYY-MM-DD date, then \n or \r\n, 63 bytes at
 * most. Returns 1 and fills `f` and the values when the line was read, 0 when
 * the general parser must handle it (anything unusual, every error included:
 * it then gives the exact message). `s` has FAST_LOOKAHEAD readable bytes.
 * Accepts only lines parse_line() accepts, with the same values.
 */
static inline int fast_parse(const char *s, int has_date, fast_rec *f, int32_t *code_out,
	int32_t *qty_out, int32_t *date_out)
{
	uint64_t nl = byte_mask(s, 2, '\n'), comma;
	if (nl != 0) {
		comma = byte_mask(s, 2, ',');
	} else {
		nl = byte_mask(s, 4, '\n');
		comma = byte_mask(s, 4, ',');
		if (nl == 0)
			return 0;
	}
	unsigned end = (unsigned)__builtin_ctzll(nl), bytes = end + 1;
	if (end > 0 && s[end - 1] == '\r')
		end--;
	/* exactly 2 commas (3 with a date) before the end; ctz of 0 is avoided by the | */
	comma &= (1ull << end) - 1;
	unsigned c1 = (unsigned)__builtin_ctzll(comma | 1ull << 63);
	comma &= comma - 1;
	unsigned c2 = (unsigned)__builtin_ctzll(comma | 1ull << 63);
	comma &= comma - 1;
	unsigned c3 = end;
	if (has_date) {
		c3 = (unsigned)__builtin_ctzll(comma | 1ull << 63);
		comma &= comma - 1;
	}
	if (comma != 0 || c3 > end || c2 >= c3)
		return 0;

	/* the id: no quote or NUL (a newline cannot come before the first comma) */
	if (c1 == 0 || c1 > INLINE_ID
		|| ((byte_mask(s, 1, '"') | byte_mask(s, 1, '\0')) & ((1ull << c1) - 1)) != 0)
		return 0;
	/* the code */
	unsigned len = c2 - c1 - 1;
	uint64_t x = load8(s + c1 + 1);
	if (len == 0 || len > 8 || not_digits(x, len))
		return 0;
	uint32_t code = digits_value(x, len);
	/* the quantity (mostly one digit) */
	unsigned q0 = c2 + 1, neg = s[q0] == '-';
	q0 += neg;
	len = c3 - q0;
	int32_t q;
	if (len == 1 && (unsigned)(s[q0] - '0') < 10) {
		q = s[q0] - '0';
	} else {
		x = load8(s + q0);
		if (len == 0 || len > 8 || not_digits(x, len))
			return 0;
		q = (int32_t)digits_value(x, len);
	}
	/* the date, empty or YYYY-MM-DD: its 8 digits gathered into one word, read at once */
	int32_t date = 0;
	if (has_date && end != c3 + 1) {
		const char *d = s + c3 + 1;
		x = load8(d);                         /* YYYY-MM- */
		uint64_t w = (x & 0xFFFFFFFFull) | ((x >> 8) & 0xFFFF00000000ull)
			| (load8(d + 2) & 0xFFFF000000000000ull); /* YYYYMMDD */
		if (end - c3 - 1 != 10 || (x >> 32 & 0xFF) != '-' || (x >> 56) != '-' || not_digits(w, 8))
			return 0;
		date = (int32_t)digits_value(w, 8);
		int m = (d[5] - '0') * 10 + (d[6] - '0'), dd = (d[8] - '0') * 10 + (d[9] - '0');
		if (((unsigned)(m - 1) >= 12 || (unsigned)(dd - 1) >= 28 || d[0] == '0')
			&& !days_ok(date / 10000, m, dd))
			return 0;
	}
	key16(s, c1, 1, &f->k0, &f->k1);
	f->plen = c1;
	f->bytes = bytes;
	f->hash = hash_key16(f->k0, f->k1, c1);
	*code_out = (int32_t)code;
	*qty_out = neg ? -q : q;
	*date_out = date;
	return 1;
}

/* Lines parsed ahead of their provider lookups (their hash slots are prefetched meanwhile). */
#define FAST_GROUP 32

/*
 * The slot probe of a lookup without its key check: the index of the first
 * id whose slot matches the hash and length, UINT32_MAX when none does.
 */
static inline uint32_t slot_candidate(const inami_billing_csv *r, uint64_t h, size_t len)
{
	if (r->slots == NULL)
		return UINT32_MAX;
	uint64_t check = SLOT_CHECK(h, len);
	size_t mask = r->slot_cap - 1;
	for (size_t j = h & mask; r->slots[j] != 0; j = (j + 1) & mask)
		if ((r->slots[j] & ~(uint64_t)UINT32_MAX) == check)
			return SLOT_INDEX(r->slots[j]);
	return UINT32_MAX;
}

/*
 * Usual lines from *pp, in groups of FAST_GROUP, in three passes so that the
 * cache misses of a group overlap instead of following one another: parse
 * each line into the batch and prefetch its id's hash slot; probe the slots
 * and prefetch the candidate ids' keys; check the keys (a new id, or a
 * rare false candidate, takes the full lookup). Stops before the first line
 * fast_parse() does not take (or with less than FAST_LOOKAHEAD bytes left).
 * Returns the status of a batch flush.
 */
static int fast_lines(inami_billing_csv *r, const char **pp, const char *end)
{
	fast_rec rec[FAST_GROUP];
	uint32_t cand[FAST_GROUP];
	const char *s = *pp;

	for (;;) {
		size_t room = BATCH - r->n, n = 0;
		const char *line = s;
		if (room > FAST_GROUP)
			room = FAST_GROUP;
		for (; n < room && end - line >= FAST_LOOKAHEAD; n++) {
			size_t k = r->n + n;
			if (!fast_parse(line, r->has_date, &rec[n], &r->code[k], &r->quantity[k], &r->date[k]))
				break;
			if (r->slots != NULL)
				__builtin_prefetch(&r->slots[rec[n].hash & (r->slot_cap - 1)]);
			line += rec[n].bytes;
		}
		for (size_t i = 0; i < n; i++) {
			cand[i] = slot_candidate(r, rec[i].hash, rec[i].plen);
			if (cand[i] != UINT32_MAX)
				__builtin_prefetch(&r->keys[cand[i]]);
		}
		size_t taken = 0;
		for (; taken < n; taken++) {
			const fast_rec *f = &rec[taken];
			uint32_t p = cand[taken];
			if (p == UINT32_MAX || r->keys[p].k0 != f->k0 || r->keys[p].k1 != f->k1)
				p = provider_index_h(r, s, f->plen, f->k0, f->k1, f->hash);
			if (p == UINT32_MAX)
				break; /* out of memory: the general parser reports it */
			billing__prefetch(r->totals, p);
			r->provider[r->n++] = p;
			s += f->bytes;
		}
		r->line_no += (int64_t)taken;
		r->lines += (int64_t)taken;
		*pp = s;
		if (r->n == BATCH) {
			int st = flush(r);
			if (st != INAMI_OK)
				return st;
		}
		if (taken < room)
			return INAMI_OK;
	}
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
			if ((st = fast_lines(r, &p, end)) != INAMI_OK)
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

#define BLOCK_BYTES (1u << 20)

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
