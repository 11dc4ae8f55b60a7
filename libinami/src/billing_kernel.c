/*
 * The billing kernels: lines added into the providers' totals rows
 * (billing_internal.h). The hot loop values a line with one load from the
 * compiled nomenclature (nomenclature.h: nom_fast, laid out as the addend of
 * a row) and adds it into the provider's row; anything unusual (unknown
 * code, several validity periods, a date outside the period, DERIVED not
 * allowed) goes to a per-line slow path that resolves it exactly and records
 * unvalued codes.
 */
#include "billing_internal.h"
#include "error.h"

#define ROW BILLING_ROW
#define TALLY BILLING_TALLY
#define ROW_OF(b, p) ((b)->acc + (size_t)(p) * ROW)

/*
 * A line the hot loop cannot value (unknown code, several periods, a date
 * outside the period or not a date at all, DERIVED not allowed), whose entry
 * is e: resolve it exactly, or take the entry's unvalued reason when it has
 * one for every line. Its prestations are added by the caller. Returns 1, 0
 * when out of memory, -1 for a date that is neither 0 nor YYYYMMDD (large
 * calls leave that check to here: no valid table entry admits such a date).
 */
__attribute__((noinline))
static int slow_line(inami_billing *b, const nom_fast *e, int32_t code, int32_t quantity, int32_t date,
	uint32_t provider)
{
	int64_t value;
	int letter;
	unsigned int flags;
	int64_t *row = ROW_OF(b, provider);

	if (billing_date_bad(date))
		return -1;
	int reason = nom_fast_reason(e);
	if (reason == 0)
		reason = inami__nom_resolve(b->nom, code, date, b->allow_derived, &value, &letter, &flags);
	if (reason) {
		if (!inami__billing_unvalued_add(b, provider, code, reason, quantity))
			return 0;
		flags = INAMI_TOTAL_INCOMPLETE;
	} else if (__builtin_add_overflow(row[letter], value * quantity, &row[letter])) {
		flags |= BILLING_OVERFLOW;
	}
	billing_tally_raise(&row[TALLY], flags);
	return 1;
}

/* The error of a slow_line() result r for line i of the current call. */
static int slow_line_error(int r, size_t i, int32_t date)
{
	if (r < 0)
		return inami__fail(INAMI_EINVAL, "line %zu: date %d is not YYYYMMDD (or 0)", i,
			(int)date);
	return inami__fail(INAMI_ENOMEM, "out of memory recording unknown codes");
}

/* Lines per block: the block's inputs and its slow-line bits stay in L1. */
#define BLOCK 2048

/*
 * The slow lines of a block are recorded as bits: line i is bit 63 - i % 64
 * of word i / 64. The loops shift each line's bit into a register (bits =
 * bits << 1 | slow) and store it once per word: no store per line at an
 * address that depends on the previous lines.
 */
#define SLOW_WORDS (BLOCK / 64)

/* Store the bits of the lines before `end` when `end` closes their word or the range; then 0. */
static inline uint64_t slow_flush(uint64_t *slow, uint64_t bits, size_t end, size_t to)
{
	if ((end & 63) == 0 || end == to) {
		unsigned used = (unsigned)((end - 1) & 63) + 1;  /* lines of the word, its first one in bit 63 */
		slow[(end - 1) >> 6] = bits << (64 - used);
		return 0;
	}
	return bits;
}

/*
 * Lines ahead whose totals rows are prefetched: in random provider order a
 * row is rarely in L1 or L2 (20,000 providers take 640 KB), and the loads of
 * ~30 lines cover the latency of the next cache level.
 */
#define PREFETCH_AHEAD 32

/*
 * Lines [0, split) of a block have their rows prefetched: those whose line
 * PREFETCH_AHEAD on is readable. A multiple of 64 (or n), so that no word of
 * slow-line bits spans the two parts.
 */
static inline size_t prefetch_split(size_t n, size_t ahead)
{
	size_t split = ahead > PREFETCH_AHEAD ? (ahead - PREFETCH_AHEAD) & ~(size_t)63 : 0;
	return split < n ? split : n;
}

/* The nomenclature's table for b's lines, dated or not. */
static inline const nom_fast *table_of(const inami_billing *b, int dated)
{
	return b->nom->fast[(dated ? NOM_FAST_DATED : 0) | (b->allow_derived ? NOM_FAST_DERIVED : 0)];
}

/*
 * The hot entry of a code, entry 0 (unknown) for codes outside 0..999999
 * (a branch nearly always predicted).
 */
static inline const nom_fast *entry_of(const nom_fast *tab, const uint16_t *index, int32_t code)
{
	uint32_t c = (uint32_t)code;
	return &tab[c < NOM_CODE_SPACE ? index[c] : 0];
}

/* 1 when line i, whose entry is e, cannot be valued directly. */
static inline unsigned line_miss(const nom_fast *e, const int32_t *date, size_t i, const int has_date)
{
	return has_date ? nom_fast_miss(e, date[i]) : nom_fast_miss_undated(e);
}

/*
 * The scalar hot loop over lines [from, to) of one block. No branch per
 * line: a line the table cannot value adds 0 to its letter and its index
 * goes to `slow`; every line adds its quantity to the tally. The adds are
 * unchecked: the caller has proved that no total can overflow (sum of
 * |quantity| x largest value < 2^63, sum of |quantity| < 2^55).
 */
static inline __attribute__((always_inline)) void lines_scalar(int64_t *restrict acc,
	const uint16_t *restrict index, const nom_fast *restrict tab, const int32_t *restrict code,
	const int32_t *restrict quantity, const int32_t *restrict date, const uint32_t *restrict provider,
	size_t from, size_t to, uint64_t *restrict slow, const int has_date,
	const int has_provider, const int prefetch)
{
	uint64_t bits = 0;
	for (size_t i = from; i < to; i++) {
		const nom_fast *e = entry_of(tab, index, code[i]);
		int64_t q = quantity[i];
		size_t p = has_provider ? provider[i] : 0;
		if (prefetch)
			billing_prefetch_row(acc, provider[i + PREFETCH_AHEAD]);
		unsigned bad = line_miss(e, date, i, has_date);
		bits = bits << 1 | bad;
		uint32_t keep = bad - 1u;  /* all ones for a valued line, 0 for a slow one */
		unsigned letter = nom_fast_letter(e);
		int64_t *row = acc + p * ROW;
		row[letter] += q * (int64_t)(e->lane[letter].value & (int32_t)keep);
		row[TALLY] = (int64_t)(((uint64_t)row[TALLY] + (uint64_t)q)
			| (uint64_t)(e->lane[3].aux & keep) << (BILLING_FLAGS_SHIFT - NOM_FAST_FLAGS_SHIFT));
		bits = slow_flush(slow, bits, i + 1, to);
	}
}

/* Lines [0, n) of a block whose provider array may be read up to line `ahead` (prefetches). */
static inline __attribute__((always_inline)) void block_scalar(int64_t *restrict acc,
	const uint16_t *restrict index, const nom_fast *restrict tab, const int32_t *restrict code,
	const int32_t *restrict quantity, const int32_t *restrict date, const uint32_t *restrict provider,
	size_t n, size_t ahead, uint64_t *restrict slow, const int has_date, const int has_provider)
{
	size_t split = has_provider ? prefetch_split(n, ahead) : 0;
	lines_scalar(acc, index, tab, code, quantity, date, provider, 0, split, slow, has_date, has_provider, 1);
	lines_scalar(acc, index, tab, code, quantity, date, provider, split, n, slow, has_date, has_provider, 0);
}

/*
 * A dated line of hot entry h (code with several periods) whose date lies in
 * one of the code's older periods: its value and flags added to its row, 1;
 * 0 when no older period admits the date (the resolver decides). Unchecked:
 * only below the qsum bound.
 */
static inline int older_period_line(inami_billing *b, size_t h, int32_t quantity, int32_t date,
	uint32_t provider)
{
	unsigned count;
	const nom_fast *e = nom__older_periods(b->nom, h, b->allow_derived, &count);
	for (unsigned k = 0; k < count; k++, e++) {
		if (nom_fast_miss(e, date))
			continue;
		int64_t *row = ROW_OF(b, provider);
		unsigned letter = nom_fast_letter(e);
		row[letter] += (int64_t)quantity * e->lane[letter].value;
		billing_tally_raise(&row[TALLY], nom_fast_flags(e));
		return 1;
	}
	return 0;
}

/*
 * The slow lines of a block of n lines (bits `slow`, lines numbered from
 * `off` in messages), in line order. A line whose entry has an unvalued
 * reason for every line (unknown code; undated line of a code whose value
 * needs a date; DERIVED not allowed) and whose (code, reason) pair has a
 * dense column is added there in a few instructions, so the cache misses of
 * such lines overlap; a dated line in an older period of its code is valued
 * from that period's entry; the others go through slow_line(). Only below
 * the qsum bound (dense columns are not used past it).
 */
static inline __attribute__((always_inline)) int slow_lines(inami_billing *b, const nom_fast *tab,
	const int32_t *c, const int32_t *q, const int32_t *d, const uint32_t *p, const uint64_t *slow,
	size_t n, size_t off, const int has_date, const int has_provider)
{
	for (size_t k = 0; k < (n + 63) / 64; k++) {
		for (uint64_t bits = slow[k]; bits != 0;) {
			unsigned at = (unsigned)__builtin_clzll(bits);
			size_t i = k * 64 + at;
			bits ^= (uint64_t)1 << (63 - at);
			const nom_fast *e = entry_of(tab, b->nom->index, c[i]);
			int32_t date = has_date ? d[i] : 0;
			uint32_t provider = has_provider ? p[i] : 0;
			int reason = nom_fast_reason(e);
			int kind;
			if (reason != 0 && !(has_date && billing_date_bad(date))
				&& (kind = billing__dense_kind(b, c[i], reason)) >= 0) {
				billing__dense_add(b, kind, provider, q[i]);
				continue;
			}
			if (has_date && reason == 0 && older_period_line(b, (size_t)(e - tab), q[i], date, provider))
				continue;
			int r = slow_line(b, e, c[i], q[i], date, provider);
			if (r <= 0)
				return slow_line_error(r, off + i, date);
		}
	}
	return INAMI_OK;
}

/*
 * The kernel over all lines, block by block, specialised by the compiler for
 * each (dated, per provider) combination; then the block's slow lines one
 * by one.
 */
static inline __attribute__((always_inline)) int run(inami_billing *b, const int32_t *code,
	const int32_t *quantity, const int32_t *date, const uint32_t *provider, size_t n,
	const int has_date, const int has_provider)
{
	uint64_t slow[SLOW_WORDS];
	const nom_fast *tab = table_of(b, has_date);
	const uint16_t *index = b->nom->index;

	for (size_t off = 0; off < n; off += BLOCK) {
		size_t m = n - off < BLOCK ? n - off : BLOCK;
		const int32_t *c = code + off, *q = quantity + off, *d = has_date ? date + off : NULL;
		const uint32_t *p = has_provider ? provider + off : NULL;
		block_scalar(b->acc, index, tab, c, q, d, p, m, n - off, slow, has_date, has_provider);
		int st = slow_lines(b, tab, c, q, d, p, slow, m, off, has_date, has_provider);
		if (st != INAMI_OK)
			return st;
	}
	return INAMI_OK;
}

/* One function per combination; `run` inlined into each. */
#define KERNEL(name, has_date, has_provider) \
	static int name(inami_billing *b, const int32_t *c, const int32_t *q, const int32_t *d, \
		const uint32_t *p, size_t n) \
	{ \
		return run(b, c, q, d, p, n, has_date, has_provider); \
	}

KERNEL(undated_one, 0, 0)
KERNEL(dated_one, 1, 0)
KERNEL(undated, 0, 1)
KERNEL(dated, 1, 1)

int inami__billing_add_fast(inami_billing *b, const int32_t *code, const int32_t *quantity,
	const int32_t *date, const uint32_t *provider, size_t count)
{
	typedef int (*kernel)(inami_billing *, const int32_t *, const int32_t *, const int32_t *,
		const uint32_t *, size_t);
	/* [dated][per provider] */
	static const kernel kernels[2][2] = { { undated_one, undated }, { dated_one, dated } };
	return kernels[date != NULL][provider != NULL](b, code, quantity, date, provider, count);
}

int inami__billing_add_checked(inami_billing *b, const int32_t *code, const int32_t *quantity,
	const int32_t *date, const uint32_t *provider, size_t count)
{
	const nom_fast *tab = table_of(b, date != NULL);
	for (size_t i = 0; i < count; i++) {
		int32_t q = quantity[i], d = date ? date[i] : 0;
		uint32_t p = provider ? provider[i] : 0;
		const nom_fast *e = entry_of(tab, b->nom->index, code[i]);
		int64_t *row = ROW_OF(b, p);
		unsigned flags = 0;
		if (nom_fast_miss(e, d)) {
			int r = slow_line(b, e, code[i], q, d, p);
			if (r <= 0)
				return slow_line_error(r, i, d);
		} else {
			unsigned letter = nom_fast_letter(e);
			flags = nom_fast_flags(e);
			if (__builtin_add_overflow(row[letter], (int64_t)q * e->lane[letter].value, &row[letter]))
				flags |= BILLING_OVERFLOW;
		}
		/* the count stays within [-2^55, 2^55): beyond, the provider's totals overflow */
		int64_t count_now = billing_tally_count(row[TALLY]) + q;
		if (count_now < -(int64_t)BILLING_TALLY_BIAS || count_now >= (int64_t)BILLING_TALLY_BIAS)
			flags |= BILLING_OVERFLOW;
		else
			row[TALLY] = billing_tally_make(count_now, billing_tally_flags(row[TALLY]));
		billing_tally_raise(&row[TALLY], flags);
	}
	return INAMI_OK;
}
