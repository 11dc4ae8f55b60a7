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

struct inami_billing {
	const inami_nomenclature *nom;
	int allow_derived;
	unsigned int slowmask;   /* hot-entry flags that send a line to the slow path */
	int64_t *acc;            /* NCOLS columns of `cap` int64 (billing.c) */
	uint8_t *flags;          /* per provider: INAMI_TOTAL_* bits, 0x80 = overflow */
	size_t providers, cap;
	int64_t lines;
	billing_unvalued *unvalued;  /* open addressing, power-of-two capacity */
	size_t unvalued_cap, unvalued_count;
	uint32_t *sorted;            /* indices into unvalued, by (provider, code, reason) */
	int sorted_valid;
};

#endif
