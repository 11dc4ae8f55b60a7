/* Internal: the per-provider accumulator shared by billing*.c and batch*.c. */
#ifndef INAMI_BILLING_INTERNAL_H
#define INAMI_BILLING_INTERNAL_H

#include "nomenclature.h"

typedef struct billing_unvalued {
	uint32_t provider;
	int32_t code;
	int32_t reason;      /* 0 = empty slot */
	int64_t quantity;
} billing_unvalued;

/* (code, reason) pairs whose unvalued quantities get a column per provider. */
#define DENSE_KINDS 8

/*
 * A direct-mapped cache from an unvalued (code, reason) pair to its dense
 * column, by the code's low bits, so that the kernels' slow lines find the
 * column with one predictable branch instead of a search whose exit
 * mispredicts when several pairs alternate. A slot of zeros (reason 0)
 * matches no unvalued pair.
 */
#define DENSE_CACHE 64

typedef struct billing_dense_slot {
	int32_t code, reason;
	int32_t kind;            /* index into dense_qty */
} billing_dense_slot;

struct inami_billing {
	const inami_nomenclature *nom;
	int allow_derived;
	int64_t *acc;            /* per provider a totals row (BILLING_ROW), 32-byte aligned */
	size_t providers, cap;
	int64_t lines;
	uint64_t qsum, qlimit;   /* sum of |quantity| so far; below qlimit no total can overflow */
	billing_unvalued *unvalued;  /* open addressing, power-of-two capacity */
	size_t unvalued_cap, unvalued_count;
	/*
	 * Read view of every unvalued pair (hash and dense columns), by
	 * (provider, code, reason): provider p's pairs are view[view_first[p] ..
	 * view_first[p + 1]). Built on demand, dropped by any add.
	 */
	billing_unvalued *view;
	size_t *view_first;      /* providers + 1 entries */
	size_t view_count;
	int view_valid;
	/*
	 * The first DENSE_KINDS unvalued (code, reason) pairs seen add into a
	 * column of `cap` quantities (no hash probe per line); they are moved into
	 * `unvalued` before anything reads it (billing.c: dense_flush).
	 */
	int32_t dense_code[DENSE_KINDS], dense_reason[DENSE_KINDS];
	int64_t *dense_qty[DENSE_KINDS];
	uint8_t *dense_seen;         /* per provider: bit k = pair k was added (so INCOMPLETE: billing__flags) */
	int ndense, dense_dirty;
	billing_dense_slot dense_cache[DENSE_CACHE];  /* cleared when pairs may lose their column */
};

/*
 * Per provider a row of 4 int64 in `acc` (32 bytes: a line touches one cache
 * line of totals): M, R, V in hundredths and a tally word. The tally holds
 * the prestation count plus BILLING_TALLY_BIAS in its low 56 bits and the
 * provider's flags (INAMI_TOTAL_* and BILLING_OVERFLOW) in its top byte, so a
 * line keeps both with one add and one OR and no second array. The biased
 * count stays within [0, 2^56) because |prestations| < 2^55: the qsum bound
 * guarantees it for unchecked adds (qlimit < 2^55) and checked adds enforce
 * it (a count beyond is an overflow, like a value total beyond 2^63).
 */
#define BILLING_ROW 4
#define BILLING_TALLY 3
#define BILLING_TALLY_BIAS ((uint64_t)1 << 55)
#define BILLING_COUNT_MASK (((uint64_t)1 << 56) - 1)
#define BILLING_FLAGS_SHIFT 56
#define BILLING_OVERFLOW 0x80u

static inline int64_t billing_tally_count(int64_t tally)
{
	return (int64_t)((uint64_t)tally & BILLING_COUNT_MASK) - (int64_t)BILLING_TALLY_BIAS;
}

static inline unsigned billing_tally_flags(int64_t tally)
{
	return (unsigned)((uint64_t)tally >> BILLING_FLAGS_SHIFT);
}

/* The tally word of a prestation count (within [-2^55, 2^55)) and flags. */
static inline int64_t billing_tally_make(int64_t count, unsigned flags)
{
	return (int64_t)((((uint64_t)count + BILLING_TALLY_BIAS) & BILLING_COUNT_MASK)
		| (uint64_t)(flags & 0xffu) << BILLING_FLAGS_SHIFT);
}

/* Raise `flags` (INAMI_TOTAL_* | BILLING_OVERFLOW) in a tally word. */
static inline void billing_tally_raise(int64_t *tally, unsigned flags)
{
	*tally = (int64_t)((uint64_t)*tally | (uint64_t)(flags & 0xffu) << BILLING_FLAGS_SHIFT);
}

/* Non-zero when a date is neither 0 nor in 10000101..99991231 (no branch: scans vectorise it). */
static inline uint32_t billing_date_bad(int32_t date)
{
	return (uint32_t)(date != 0) & (uint32_t)((uint32_t)date - 10000101u > 99991231u - 10000101u);
}

/*
 * Ask for provider p's totals row ahead of its lines. p may be past the lines
 * checked so far (out of range, even): the address is computed on integers
 * and a prefetch never faults.
 */
static inline void billing_prefetch_row(const int64_t *acc, uint32_t p)
{
	__builtin_prefetch((const void *)((uintptr_t)acc + (uintptr_t)p * BILLING_ROW * sizeof(int64_t)), 1);
}

static inline void billing__prefetch(const inami_billing *b, uint32_t p)
{
	billing_prefetch_row(b->acc, p);
}

/*
 * inami_billing_add() without its checks, for callers whose lines are valid
 * by construction (provider indices in range, dates 0 or YYYYMMDD): the CSV
 * reader. count > 0.
 */
int inami__billing_add_valid(inami_billing *b, const int32_t *code, const int32_t *quantity,
	const int32_t *date, const uint32_t *provider, size_t count);

/*
 * The kernels (billing_kernel.c) over valid lines: inami__billing_add_fast with
 * unchecked adds, for lines the qsum bound covers; inami__billing_add_checked with
 * every add checked, in line order. Return INAMI_OK, or the error of a line
 * (date not YYYYMMDD; out of memory).
 */
int inami__billing_add_fast(inami_billing *b, const int32_t *code, const int32_t *quantity,
	const int32_t *date, const uint32_t *provider, size_t count);
int inami__billing_add_checked(inami_billing *b, const int32_t *code, const int32_t *quantity,
	const int32_t *date, const uint32_t *provider, size_t count);

/* Record an unvalued line's quantity for (provider, code, reason) (billing.c). Returns 0 when out of memory. */
int inami__billing_unvalued_add(inami_billing *b, uint32_t provider, int32_t code, int32_t reason,
	int64_t quantity);

/*
 * The flags of provider p's totals: its tally's, plus INAMI_TOTAL_INCOMPLETE
 * while it has a quantity in a dense unvalued column. The kernels do not
 * raise INCOMPLETE in the row for lines added to a dense column;
 * dense_flush() raises it when it moves a column's quantities into the hash.
 */
static inline unsigned billing__flags(const inami_billing *b, size_t p)
{
	unsigned flags = billing_tally_flags(b->acc[p * BILLING_ROW + BILLING_TALLY]);
	if (b->dense_seen != NULL && b->dense_seen[p] != 0)
		flags |= INAMI_TOTAL_INCOMPLETE;
	return flags;
}

/* The dense column of (code, reason) put into slot s of the cache, or -1 when the pair has none (billing.c). */
int inami__billing_dense_kind_fill(inami_billing *b, billing_dense_slot *s, int32_t code, int32_t reason);

/*
 * The dense column (index into dense_qty) of an unvalued (code, reason !=
 * 0), -1 when the pair has none yet (inami__billing_unvalued_add makes it).
 */
static inline int billing__dense_kind(inami_billing *b, int32_t code, int32_t reason)
{
	billing_dense_slot *s = &b->dense_cache[(uint32_t)code & (DENSE_CACHE - 1)];
	if (__builtin_expect(s->code == code && s->reason == reason, 1))
		return s->kind;
	return inami__billing_dense_kind_fill(b, s, code, reason);
}

/*
 * Add an unvalued quantity into dense column `kind` for provider p, which
 * also raises the provider's INCOMPLETE flag (billing__flags). Unchecked:
 * only below the qsum bound.
 */
static inline void billing__dense_add(inami_billing *b, int kind, uint32_t p, int64_t quantity)
{
	b->dense_qty[kind][p] += quantity;
	b->dense_seen[p] |= (uint8_t)(1u << kind);
	b->dense_dirty = 1;
}

/* Back to no providers and no lines, keeping the object (callers may hold its address). */
void inami__billing_reset(inami_billing *b);

/*
 * Add everything of `src` into `dst`; src provider p becomes dst provider
 * map[p] (dst must have room). Only when neither was ever in checked mode and
 * dst->qsum + src->qsum <= dst->qlimit (inami__billing_can_merge), so that no add
 * can overflow and the result equals adding the lines to one accumulator.
 */
int inami__billing_can_merge(const inami_billing *dst, const inami_billing *src);
int inami__billing_merge(inami_billing *dst, inami_billing *src, const uint32_t *map);

#endif
