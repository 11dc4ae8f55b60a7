/*
 * A copy of an accumulator's mutable state, so that a large inami_billing_add()
 * can check each chunk of lines just before adding it (one pass over the
 * input instead of two) and still change nothing when a later chunk is
 * refused (billing.c).
 */
#include <stdlib.h>
#include <string.h>

#include "billing_internal.h"

/* Bytes a copy of b's state takes. */
static size_t state_bytes(const inami_billing *b)
{
	size_t n = b->providers * BILLING_ROW * sizeof(int64_t);
	if (b->dense_seen)
		n += b->providers * (1 + (size_t)b->ndense * sizeof(int64_t));
	return n + b->unvalued_cap * sizeof(billing_unvalued);
}

static void *dup_bytes(const void *p, size_t n, int *ok)
{
	if (p == NULL || n == 0 || !*ok)
		return NULL;
	void *q = malloc(n);
	if (q == NULL)
		*ok = 0;
	else
		memcpy(q, p, n);
	return q;
}

int inami__billing_save(const inami_billing *b, billing_saved *s, size_t limit)
{
	memset(s, 0, sizeof(*s));
	if (state_bytes(b) > limit)
		return 0;
	int ok = 1;
	size_t np = b->providers;
	s->acc = dup_bytes(b->acc, np * BILLING_ROW * sizeof(int64_t), &ok);
	s->dense_seen = dup_bytes(b->dense_seen, np, &ok);
	for (int k = 0; k < b->ndense; k++)
		s->dense_qty[k] = dup_bytes(b->dense_qty[k], np * sizeof(int64_t), &ok);
	s->unvalued = dup_bytes(b->unvalued, b->unvalued_cap * sizeof(billing_unvalued), &ok);
	if (!ok) {
		inami__billing_drop(s);
		return 0;
	}
	s->had_dense_seen = b->dense_seen != NULL;
	s->ndense = b->ndense;
	s->dense_dirty = b->dense_dirty;
	s->unvalued_cap = b->unvalued_cap;
	s->unvalued_count = b->unvalued_count;
	s->qsum = b->qsum;
	s->lines = b->lines;
	return 1;
}

void inami__billing_restore(inami_billing *b, billing_saved *s)
{
	size_t np = b->providers;
	if (np > 0) {
		memcpy(b->acc, s->acc, np * BILLING_ROW * sizeof(int64_t));
	}
	/* dense columns made during the call go; the others get their values back */
	for (int k = s->ndense; k < b->ndense; k++) {
		free(b->dense_qty[k]);
		b->dense_qty[k] = NULL;
	}
	b->ndense = s->ndense;
	memset(b->dense_cache, 0, sizeof(b->dense_cache));  /* it may name the columns just freed */
	for (int k = 0; k < b->ndense && np > 0; k++)
		memcpy(b->dense_qty[k], s->dense_qty[k], np * sizeof(int64_t));
	if (!s->had_dense_seen) {
		free(b->dense_seen);
		b->dense_seen = NULL;
	} else if (np > 0) {
		memcpy(b->dense_seen, s->dense_seen, np);
	}
	b->dense_dirty = s->dense_dirty;
	/* the hash may have grown: take the copy itself */
	free(b->unvalued);
	b->unvalued = s->unvalued;
	s->unvalued = NULL;
	b->unvalued_cap = s->unvalued_cap;
	b->unvalued_count = s->unvalued_count;
	b->qsum = s->qsum;
	b->lines = s->lines;
	b->view_valid = 0;
	inami__billing_drop(s);
}

void inami__billing_drop(billing_saved *s)
{
	free(s->acc);
	free(s->dense_seen);
	for (int k = 0; k < DENSE_KINDS; k++)
		free(s->dense_qty[k]);
	free(s->unvalued);
	memset(s, 0, sizeof(*s));
}
