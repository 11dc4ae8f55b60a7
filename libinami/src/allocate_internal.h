/* Internal: shared by allocate*.c, products*.c, projection*.c and dossier*.c. */
#ifndef INAMI_ALLOCATE_INTERNAL_H
#define INAMI_ALLOCATE_INTERNAL_H

#include "inami/allocate.h"

/* "official", "secondary", "derived", "illustrative", "not_found" (case-insensitive). */
int inami__alloc_provenance_parse(const char *text, inami_provenance *out);

/* Parse a whole decimal integer in [lo, hi]; 0 on success, -1 otherwise (no message). */
int inami__alloc_parse_int(const char *text, long lo, long hi, long *out);

/* Validate terms (version, ranges, solidarity minimum); raises the message. */
int inami__terms_check(const inami_alloc_terms *terms);

/* inami_allocate without the version check of `out`. */
int inami__allocate(int64_t premium_cents, const inami_alloc_terms *terms, inami_allocation *out);

/* `in` (may be NULL) with every unset field taken from product `index`. */
int inami__products_terms(const inami_products *products, size_t index, const inami_alloc_terms *in,
	inami_alloc_terms *out);

/* Fail with `status` and "name:line: <prefix><the current last-error message>". */
int inami__alloc_rewrap(int status, const char *name, int line, const char *prefix);

#endif
