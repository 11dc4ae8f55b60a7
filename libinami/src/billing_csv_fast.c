/*
 * The fast path of the billing CSV reader: the usual line (provider,code,
 * quantity[,date], short unquoted id) read from bit masks of its commas and
 * newline with SWAR digit conversion, and provider lookups done in groups so
 * that their cache misses overlap. Anything unusual is left to the general
 * parser (billing_csv.c), which then also gives the exact error message.
 */
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "billing_csv_internal.h"
#include "error.h"

/* One line as fast_parse() read it; the provider is looked up later. */
typedef struct fast_rec {
	uint64_t k0, k1, hash;
	uint32_t plen, bytes;   /* id length; line length with its newline */
} fast_rec;

/* Bit i set where byte i of the `nvec` x 16 bytes at s is c (nvec 2 or 4). */
static inline __attribute__((always_inline)) uint64_t byte_mask(const char *s, int nvec, char c)
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
static inline __attribute__((always_inline)) uint64_t load8(const char *s)
{
	uint64_t x;
	memcpy(&x, s, 8);
	return x;
}

/* Non-zero when a byte of the low `len` (1..8) bytes of x is not an ASCII digit. */
static inline __attribute__((always_inline)) uint64_t not_digits(uint64_t x, unsigned len)
{
	uint64_t keep = ~0ull >> (64 - 8 * len); /* the low len bytes; len is never 0 here */
	return ((x + 0x4646464646464646ull) | (x - 0x3030303030303030ull)) & 0x8080808080808080ull & keep;
}

/* Value of the `len` (1..8) ASCII digits in the low bytes of x (checked by not_digits). */
static inline __attribute__((always_inline)) uint32_t digits_value(uint64_t x, unsigned len)
{
	x <<= 8 * (8 - len); /* leading zero bytes count as 0 digits */
	x = (x & 0x0F0F0F0F0F0F0F0Full) * 2561 >> 8;
	x = (x & 0x00FF00FF00FF00FFull) * 6553601 >> 16;
	return (uint32_t)((x & 0x0000FFFF0000FFFFull) * 42949672960001ull >> 32);
}

/*
 * 1 when y-m-d is a date the general parser takes: most dates (month 1-12,
 * day 1-28, year from 1000) without a call to the calendar check.
 */
static inline __attribute__((always_inline)) int fast_date_ok(int y, int m, int d)
{
	return ((unsigned)(m - 1) < 12 && (unsigned)(d - 1) < 28 && y >= 1000) || inami__csv_days_ok(y, m, d);
}

/* A line read: its id's length and key, its length, and its values into the batch. Returns 1. */
static inline __attribute__((always_inline)) int fast_take(const char *s, unsigned id_len, unsigned bytes,
	fast_rec *f, uint32_t code, int32_t qty, int32_t date, int32_t *code_out, int32_t *qty_out,
	int32_t *date_out)
{
	f->plen = id_len;
	f->bytes = bytes;
	if (id_len <= SHORT_ID) {
		ids_short_key(s, id_len, 1, &f->k0, &f->k1);
		f->hash = ids_short_hash(f->k0, f->k1);
	}
	*code_out = (int32_t)code;
	*qty_out = qty;
	*date_out = date;
	return 1;
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
static inline __attribute__((always_inline)) int fast_parse(const char *s, int has_date, fast_rec *f, int32_t *code_out,
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
	if (c1 == 0 || c1 > 16
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
		if (end - c3 - 1 != 10 || (x & 0xFF0000FF00000000ull) != 0x2D00002D00000000ull
			|| not_digits(w, 8))
			return 0;
		/* digits_value() in steps: after the first, bytes 4 and 6 hold the month and the day */
		uint64_t t = (w & 0x0F0F0F0F0F0F0F0Full) * 2561 >> 8;
		int m = (int)(t >> 32 & 0xFF), dd = (int)(t >> 48 & 0xFF);
		t = (t & 0x00FF00FF00FF00FFull) * 6553601 >> 16;  /* the year in the low 16 bits */
		date = (int32_t)((t & 0x0000FFFF0000FFFFull) * 42949672960001ull >> 32);
		if (!fast_date_ok((int)(t & 0xFFFF), m, dd))
			return 0;
	}
	return fast_take(s, c1, bytes, f, code, neg ? -q : q, date, code_out, qty_out, date_out);
}

/* Lines parsed ahead of their provider lookups (their hash slots are prefetched meanwhile). */
#define FAST_GROUP 32

/*
 * Usual lines from *pp, in groups of FAST_GROUP, in two passes so that the
 * cache misses of a group overlap instead of following one another: parse
 * each line into the batch and prefetch its id's hash slot; then look the
 * ids up (adding new ones) and prefetch their totals rows. Stops before the
 * first line fast_parse() does not take (or with less than FAST_LOOKAHEAD
 * bytes left). Returns the status of a batch flush.
 */
static int fast_lines(inami_billing_csv *r, const char **pp,
	const char *end)
{
	fast_rec rec[FAST_GROUP];
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
			if (rec[n].plen <= SHORT_ID && r->ids.shorts != NULL)
				__builtin_prefetch(ids_short_home(&r->ids, rec[n].hash));
			line += rec[n].bytes;
		}
		size_t taken = 0;
		for (; taken < n; taken++) {
			const fast_rec *f = &rec[taken];
			uint32_t p;
			if (f->plen > SHORT_ID)
				p = inami__csv_provider(r, s, f->plen);
			else
				p = csv__provider_short(r, s, f->plen, f->k0, f->k1, f->hash);
			if (p == ID_NONE)
				break; /* out of memory: the general parser reports it */
			billing__prefetch(r->totals, p);
			r->provider[r->n++] = p;
			s += f->bytes;
		}
		r->line_no += (int64_t)taken;
		r->lines += (int64_t)taken;
		*pp = s;
		if (r->n == BATCH) {
			int st = inami__csv_flush(r);
			if (st != INAMI_OK)
				return st;
		}
		if (taken < room)
			return INAMI_OK;
	}
}

int inami__csv_fast_lines(inami_billing_csv *r, const char **pp, const char *end)
{
	return fast_lines(r, pp, end);
}
