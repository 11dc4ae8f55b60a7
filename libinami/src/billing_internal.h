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

struct inami_billing {
	const inami_nomenclature *nom;
	int allow_derived;
	int64_t *acc;            /* per provider a row of 4 int64: M, R, V, prestations (billing.c) */
	uint8_t *flags;          /* per provider: INAMI_TOTAL_* bits, 0x80 = overflow */
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
	uint8_t *dense_seen;         /* per provider: bit k = pair k was added */
	int ndense, dense_dirty;
	size_t line_base;            /* number of the first line passed to the kernels, in messages */
};

/* int64 per provider in `acc`: M, R, V, prestations (32 bytes, half a cache line). */
#define BILLING_ROW 4

/* Ask for provider p's accumulator row ahead of its lines. */
static inline void billing__prefetch(const inami_billing *b, uint32_t p)
{
	__builtin_prefetch(b->acc + (size_t)p * BILLING_ROW, 1);
}

/*
 * inami_billing_add() without its checks, for callers whose lines are valid
 * by construction (provider indices in range, dates 0 or YYYYMMDD): the CSV
 * reader. count > 0.
 */
int billing__add_valid(inami_billing *b, const int32_t *code, const int32_t *quantity,
	const int32_t *date, const uint32_t *provider, size_t count);

/* A copy of an accumulator's state (billing_saved.c). */
typedef struct billing_saved {
	int64_t *acc;
	uint8_t *flags, *dense_seen;
	int64_t *dense_qty[DENSE_KINDS];
	billing_unvalued *unvalued;
	int had_dense_seen, ndense, dense_dirty;
	size_t unvalued_cap, unvalued_count;
	uint64_t qsum;
	int64_t lines;
} billing_saved;

/* Copy b's state into s when it takes at most `limit` bytes; 0 when not copied (too large, no memory). */
int billing__save(const inami_billing *b, billing_saved *s, size_t limit);

/* Put the state of s back into b (whose provider count has not changed) and free s. */
void billing__restore(inami_billing *b, billing_saved *s);

/* Free s without using it. */
void billing__drop(billing_saved *s);

/* Back to no providers and no lines, keeping the object (callers may hold its address). */
void billing__reset(inami_billing *b);

/*
 * Add everything of `src` into `dst`; src provider p becomes dst provider
 * map[p] (dst must have room). Only when neither was ever in checked mode and
 * dst->qsum + src->qsum <= dst->qlimit (billing__can_merge), so that no add
 * can overflow and the result equals adding the lines to one accumulator.
 */
int billing__can_merge(const inami_billing *dst, const inami_billing *src);
int billing__merge(inami_billing *dst, inami_billing *src, const uint32_t *map);

#endif
