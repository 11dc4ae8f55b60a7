/*
 * Key-letter totals over billing lines: the accumulator object, the checks
 * of a call, the unvalued codes per provider and the results. The lines
 * themselves are added by the kernels (billing_kernel.c).
 */
#include <stdlib.h>
#include <string.h>

#include "billing_internal.h"
#include "error.h"

#define ROW BILLING_ROW
#define TALLY BILLING_TALLY
#define ACC(b, p, j) ((b)->acc[(size_t)(p) * ROW + (size_t)(j)])

int inami_billing_new(inami_billing **out, const inami_nomenclature *nomenclature,
	size_t provider_count, unsigned int flags)
{
	INAMI_CHECK_NULL(out);
	*out = NULL;
	INAMI_CHECK_NULL(nomenclature);
	if (flags & ~(INAMI_BILLING_ALLOW_DERIVED | INAMI_CSV_SKIP_BAD))
		return inami__fail(INAMI_EINVAL, "unknown billing flags 0x%x", flags);
	inami_billing *b = calloc(1, sizeof(*b));
	if (b == NULL)
		return inami__fail(INAMI_ENOMEM, "out of memory");
	b->nom = nomenclature;
	b->allow_derived = (flags & INAMI_BILLING_ALLOW_DERIVED) != 0;
	/*
	 * No total can overflow while sum |quantity| x largest value fits in 63
	 * bits and sum |quantity| in the tally's 55 (billing_internal.h).
	 */
	b->qlimit = (uint64_t)INT64_MAX / (uint64_t)(nomenclature->max_value > 1 ? nomenclature->max_value : 1);
	if (b->qlimit >= BILLING_TALLY_BIAS)
		b->qlimit = BILLING_TALLY_BIAS - 1;
	int st = inami_billing_reserve(b, provider_count);
	if (st != INAMI_OK) {
		inami_billing_free(b);
		return st;
	}
	*out = b;
	return INAMI_OK;
}

void inami_billing_free(inami_billing *billing)
{
	if (billing == NULL)
		return;
	free(billing->acc);
	free(billing->unvalued);
	free(billing->view);
	free(billing->view_first);
	for (int k = 0; k < billing->ndense; k++)
		free(billing->dense_qty[k]);
	free(billing->dense_seen);
	free(billing);
}

/* Grow the dense unvalued columns to `ncap` providers. Returns 0 when out of memory. */
static int dense_grow(inami_billing *b, size_t ncap)
{
	if (b->ndense == 0)
		return 1;
	uint8_t *seen = calloc(ncap, 1);
	int64_t *qty[DENSE_KINDS];
	int ok = seen != NULL;
	for (int k = 0; k < b->ndense; k++)
		ok &= (qty[k] = ok ? calloc(ncap, sizeof(int64_t)) : NULL) != NULL;
	if (!ok) {
		free(seen);
		for (int k = 0; k < b->ndense && qty[k]; k++)
			free(qty[k]);
		return 0;
	}
	memcpy(seen, b->dense_seen, b->providers);
	free(b->dense_seen);
	b->dense_seen = seen;
	for (int k = 0; k < b->ndense; k++) {
		memcpy(qty[k], b->dense_qty[k], b->providers * sizeof(int64_t));
		free(b->dense_qty[k]);
		b->dense_qty[k] = qty[k];
	}
	return 1;
}

int inami_billing_reserve(inami_billing *billing, size_t provider_count)
{
	INAMI_CHECK_NULL(billing);
	if (provider_count <= billing->providers)
		return INAMI_OK;
	if (provider_count > UINT32_MAX)
		return inami__fail(INAMI_ERANGE, "at most %u providers", (unsigned)UINT32_MAX);
	size_t cap = billing->cap;
	if (provider_count > cap) {
		size_t ncap = cap ? cap : 64;
		while (ncap < provider_count)
			ncap *= 2;
		/* 32-byte rows on 32-byte boundaries: one vector load or store each */
		int64_t *acc = aligned_alloc(ROW * sizeof(int64_t), ncap * ROW * sizeof(int64_t));
		if (acc == NULL || !dense_grow(billing, ncap)) {
			free(acc);
			return inami__fail(INAMI_ENOMEM, "out of memory for %zu providers", provider_count);
		}
		memset(acc, 0, ncap * ROW * sizeof(int64_t));
		if (billing->acc)
			memcpy(acc, billing->acc, billing->providers * ROW * sizeof(int64_t));
		free(billing->acc);
		billing->acc = acc;
		billing->cap = ncap;
	}
	/* rows past the provider count are zero (memset above, inami__billing_reset): give them their bias */
	for (size_t p = billing->providers; p < provider_count; p++)
		ACC(billing, p, TALLY) = billing_tally_make(0, 0);
	billing->providers = provider_count;
	billing->view_valid = 0;
	return INAMI_OK;
}

size_t inami_billing_provider_count(const inami_billing *billing)
{
	return billing ? billing->providers : 0;
}

int64_t inami_billing_line_count(const inami_billing *billing)
{
	return billing ? billing->lines : 0;
}

/* ---- unvalued (provider, code, reason) -> quantity: open addressing ---- */

static size_t unvalued_hash(uint32_t provider, int32_t code, int32_t reason)
{
	uint64_t k = ((uint64_t)provider << 32) ^ (uint32_t)code ^ ((uint64_t)reason << 29);
	k *= 0x9E3779B97F4A7C15ull;
	return (size_t)(k >> 32);
}

/* Room for `n` entries at most half full. Returns 0 when out of memory. */
static int unvalued_reserve(inami_billing *b, size_t n)
{
	size_t ncap = b->unvalued_cap ? b->unvalued_cap : 256;
	while (n * 2 > ncap)
		ncap *= 2;
	if (ncap == b->unvalued_cap)
		return 1;
	billing_unvalued *t = calloc(ncap, sizeof(*t));
	if (t == NULL)
		return 0;
	for (size_t i = 0; i < b->unvalued_cap; i++) {
		billing_unvalued *e = &b->unvalued[i];
		if (!e->reason)
			continue;
		size_t j = unvalued_hash(e->provider, e->code, e->reason) & (ncap - 1);
		while (t[j].reason)
			j = (j + 1) & (ncap - 1);
		t[j] = *e;
	}
	free(b->unvalued);
	b->unvalued = t;
	b->unvalued_cap = ncap;
	return 1;
}

/* Add to the (provider, code, reason) entry with a checked add. Returns 0 when out of memory. */
static int sparse_add(inami_billing *b, uint32_t provider, int32_t code, int32_t reason,
	int64_t quantity)
{
	if ((b->unvalued_count + 1) * 2 > b->unvalued_cap && !unvalued_reserve(b, b->unvalued_count + 1))
		return 0;
	size_t mask = b->unvalued_cap - 1, j = unvalued_hash(provider, code, reason) & mask;
	for (;; j = (j + 1) & mask) {
		billing_unvalued *e = &b->unvalued[j];
		if (!e->reason) {
			e->provider = provider;
			e->code = code;
			e->reason = reason;
			b->unvalued_count++;
		}
		if (e->provider == provider && e->code == code && e->reason == reason) {
			if (__builtin_add_overflow(e->quantity, quantity, &e->quantity))
				billing_tally_raise(&ACC(b, provider, TALLY), BILLING_OVERFLOW);
			return 1;
		}
	}
}

/* Largest provider capacity for which dense columns are made (2 MB per pair). */
#define DENSE_MAX_CAP 262144

/* A dense column for (code, reason): its index into dense_qty, -1 when out of memory. */
static int dense_new(inami_billing *b, int32_t code, int32_t reason)
{
	int64_t *column = calloc(b->cap, sizeof(int64_t));
	uint8_t *seen = b->dense_seen ? b->dense_seen : calloc(b->cap, 1);
	if (column == NULL || seen == NULL) {
		free(column);
		if (seen != b->dense_seen)
			free(seen);
		return -1;
	}
	int k = b->ndense++;
	b->dense_seen = seen;
	b->dense_qty[k] = column;
	b->dense_code[k] = code;
	b->dense_reason[k] = reason;
	return k;
}

/*
 * Record an unvalued line. While no total can overflow (qsum below its
 * bound), the first DENSE_KINDS pairs add into columns; otherwise, and for
 * further pairs, into the hash. Returns 0 when out of memory.
 */
int inami__billing_unvalued_add(inami_billing *b, uint32_t provider, int32_t code, int32_t reason,
	int64_t quantity)
{
	if (b->qsum != UINT64_MAX) {
		int kind = billing__dense_kind(b, code, reason);
		if (kind < 0 && b->ndense < DENSE_KINDS && b->cap <= DENSE_MAX_CAP)
			kind = dense_new(b, code, reason);
		if (kind >= 0) {
			billing__dense_add(b, kind, provider, quantity);
			return 1;
		}
	}
	return sparse_add(b, provider, code, reason, quantity);
}

int inami__billing_dense_kind_fill(inami_billing *b, billing_dense_slot *s, int32_t code, int32_t reason)
{
	for (int k = 0; k < b->ndense; k++) {
		if (b->dense_code[k] == code && b->dense_reason[k] == reason) {
			s->code = code;
			s->reason = reason;
			s->kind = k;
			return k;
		}
	}
	return -1;
}

/* Move the dense columns into the hash (before it is read). Returns 0 when out of memory. */
static int dense_flush(inami_billing *b)
{
	if (!b->dense_dirty)
		return 1;
	size_t pairs = 0;
	for (size_t p = 0; p < b->providers; p++)
		pairs += (size_t)__builtin_popcount(b->dense_seen[p]);
	if (!unvalued_reserve(b, b->unvalued_count + pairs))
		return 0;
	for (int k = 0; k < b->ndense; k++) {
		uint8_t bit = (uint8_t)(1u << k);
		for (size_t p = 0; p < b->providers; p++) {
			if (!(b->dense_seen[p] & bit))
				continue;
			if (!sparse_add(b, (uint32_t)p, b->dense_code[k], b->dense_reason[k], b->dense_qty[k][p]))
				return 0;
			b->dense_qty[k][p] = 0;
			b->dense_seen[p] &= (uint8_t)~bit;
			billing_tally_raise(&ACC(b, p, TALLY), INAMI_TOTAL_INCOMPLETE);  /* see billing__flags */
		}
	}
	b->dense_dirty = 0;
	return 1;
}

/* ---- checks of a call ---- */

/*
 * Scans of the whole call before anything is added. The inner loops have a
 * constant trip count so that compilers vectorise them at -O2.
 */
#define SCAN 1024

static uint32_t max_provider(const uint32_t *p, size_t n)
{
	uint32_t m = 0;
	size_t i = 0;
	for (; i + SCAN <= n; i += SCAN) {
		uint32_t t = 0;
		for (size_t k = 0; k < SCAN; k++)
			t = p[i + k] > t ? p[i + k] : t;
		m = t > m ? t : m;
	}
	for (; i < n; i++)
		m = p[i] > m ? p[i] : m;
	return m;
}

/* Non-zero when some date is neither 0 nor in 10000101..99991231 (billing_date_bad). */
static uint32_t any_bad_date(const int32_t *d, size_t n)
{
	uint32_t bad = 0;
	size_t i = 0;
	for (; i + SCAN <= n; i += SCAN)
		for (size_t k = 0; k < SCAN; k++)
			bad |= billing_date_bad(d[i + k]);
	for (; i < n; i++)
		bad |= billing_date_bad(d[i]);
	return bad;
}

/* Sum of |quantity| (at most 2^31 x count: no overflow below 2^32 lines per chunk). */
static uint64_t abs_sum(const int32_t *q, size_t n)
{
	uint64_t s = 0;
	size_t i = 0;
	for (; i + SCAN <= n; i += SCAN) {
		uint64_t t = 0;
		for (size_t k = 0; k < SCAN; k++)
			t += (uint32_t)(q[i + k] < 0 ? -(uint32_t)q[i + k] : (uint32_t)q[i + k]);
		s += t;
	}
	for (; i < n; i++)
		s += (uint32_t)(q[i] < 0 ? -(uint32_t)q[i] : (uint32_t)q[i]);
	return s;
}

/* Checks of lines first..first+count-1 of a call (`first` numbers them in messages). */
static int check_lines(const inami_billing *b, const int32_t *date, const uint32_t *provider,
	size_t count, size_t first)
{
	if (provider != NULL) {
		if (count > 0 && max_provider(provider, count) >= b->providers) {
			for (size_t i = 0; i < count; i++)
				if (provider[i] >= b->providers)
					return inami__fail(INAMI_ERANGE, "line %zu: provider index %u is out of "
						"range (%zu providers)", first + i, provider[i], b->providers);
		}
	} else if (count > 0 && b->providers == 0) {
		return inami__fail(INAMI_ERANGE, "no provider array and no provider 0 (provider count is 0)");
	}
	if (date != NULL && any_bad_date(date, count)) {
		for (size_t i = 0; i < count; i++) {
			int32_t d = date[i];
			if (billing_date_bad(d))
				return inami__fail(INAMI_EINVAL, "line %zu: date %d is not YYYYMMDD (or 0)",
					first + i, (int)d);
		}
	}
	return INAMI_OK;
}

int inami_billing_add(inami_billing *billing, const int32_t *code, const int32_t *quantity,
	const int32_t *date, const uint32_t *provider, size_t count)
{
	INAMI_CHECK_NULL(billing);
	if (count == 0)
		return INAMI_OK;
	INAMI_CHECK_NULL(code);
	INAMI_CHECK_NULL(quantity);
	/* the whole call is checked first: a refused call adds nothing */
	int st = check_lines(billing, date, provider, count, 0);
	if (st != INAMI_OK)
		return st;
	return inami__billing_add_valid(billing, code, quantity, date, provider, count);
}

int inami__billing_add_valid(inami_billing *billing, const int32_t *code, const int32_t *quantity,
	const int32_t *date, const uint32_t *provider, size_t count)
{
	int st;
	billing->view_valid = 0;
	/*
	 * While the sum of |quantity| over every line added so far times the
	 * largest value stays below 2^63, no total can overflow: the kernels then
	 * add without checking. Past that bound (absurd volumes or quantities),
	 * every add is checked, in line order, for the life of the accumulator.
	 */
	uint64_t qs = abs_sum(quantity, count);
	if (billing->qsum <= billing->qlimit && qs <= billing->qlimit - billing->qsum) {
		billing->qsum += qs;
		st = inami__billing_add_fast(billing, code, quantity, date, provider, count);
	} else {
		if (!dense_flush(billing))
			return inami__fail(INAMI_ENOMEM, "out of memory");
		billing->qsum = UINT64_MAX;
		st = inami__billing_add_checked(billing, code, quantity, date, provider, count);
	}
	billing->lines += (int64_t)count;
	return st;
}

void inami__billing_reset(inami_billing *b)
{
	/* nothing to clear (and no array yet: memset must not get NULL) while there is no provider */
	if (b->providers > 0) {
		memset(b->acc, 0, b->providers * ROW * sizeof(int64_t));
		if (b->dense_seen)
			memset(b->dense_seen, 0, b->providers);
		for (int k = 0; k < b->ndense; k++)
			memset(b->dense_qty[k], 0, b->providers * sizeof(int64_t));
	}
	if (b->unvalued)
		memset(b->unvalued, 0, b->unvalued_cap * sizeof(*b->unvalued));
	memset(b->dense_cache, 0, sizeof(b->dense_cache));
	b->providers = 0;
	b->unvalued_count = 0;
	b->view_valid = 0;
	b->dense_dirty = 0;
	b->lines = 0;
	b->qsum = 0;
}

int inami__billing_can_merge(const inami_billing *dst, const inami_billing *src)
{
	return dst->nom == src->nom && dst->allow_derived == src->allow_derived
		&& dst->qsum <= dst->qlimit && src->qsum <= dst->qlimit - dst->qsum;
}

int inami__billing_merge(inami_billing *dst, inami_billing *src, const uint32_t *map)
{
	dst->view_valid = 0;
	for (size_t p = 0; p < src->providers; p++) {
		/* cannot overflow: see inami__billing_can_merge */
		for (int k = 0; k < TALLY; k++)
			ACC(dst, map[p], k) += ACC(src, p, k);
		int64_t d = ACC(dst, map[p], TALLY), s = ACC(src, p, TALLY);
		ACC(dst, map[p], TALLY) = billing_tally_make(billing_tally_count(d) + billing_tally_count(s),
			billing_tally_flags(d) | billing__flags(src, p));
		/* src's dense columns straight into dst (a pair is in src's columns or its hash, not both) */
		for (int k = 0; src->dense_dirty && k < src->ndense; k++)
			if ((src->dense_seen[p] & (1u << k)) && !inami__billing_unvalued_add(dst, map[p], src->dense_code[k],
				src->dense_reason[k], src->dense_qty[k][p]))
				return inami__fail(INAMI_ENOMEM, "out of memory");
	}
	for (size_t i = 0; i < src->unvalued_cap; i++) {
		const billing_unvalued *e = &src->unvalued[i];
		if (e->reason && !inami__billing_unvalued_add(dst, map[e->provider], e->code, e->reason, e->quantity))
			return inami__fail(INAMI_ENOMEM, "out of memory");
	}
	dst->qsum += src->qsum;
	dst->lines += src->lines;
	return INAMI_OK;
}

/* Status of a provider: overflow, a total below zero, or OK. */
static int provider_status(const inami_billing *b, size_t p)
{
	if (billing_tally_flags(ACC(b, p, TALLY)) & BILLING_OVERFLOW)
		return INAMI_EOVERFLOW;
	for (int k = 0; k < TALLY; k++)
		if (ACC(b, p, k) < 0)
			return INAMI_ENEGATIVE;
	return billing_tally_count(ACC(b, p, TALLY)) < 0 ? INAMI_ENEGATIVE : INAMI_OK;
}

/* The results; `keep_negative`: the sums of a provider below zero are written as they are. */
static int billing_results(const inami_billing *billing, int64_t *key_values, int64_t *prestations,
	uint32_t *flags, int32_t *status, size_t count, int keep_negative)
{
	INAMI_CHECK_NULL(billing);
	if (count < billing->providers)
		return inami__fail(INAMI_EBUFS, "arrays of %zu entries are too small for %zu providers",
			count, billing->providers);
	for (size_t p = 0; p < billing->providers; p++) {
		int st = provider_status(billing, p);
		int valid = st == INAMI_OK || (keep_negative && st == INAMI_ENEGATIVE);
		for (int k = 0; key_values && k < INAMI_KEY_LETTER_COUNT; k++)
			key_values[p * INAMI_KEY_LETTER_COUNT + (size_t)k] = valid ? ACC(billing, p, k) : 0;
		if (prestations)
			prestations[p] = valid ? billing_tally_count(ACC(billing, p, TALLY)) : 0;
		if (flags)
			flags[p] = billing__flags(billing, p) & NOM_PUBLIC;
		if (status)
			status[p] = st;
	}
	return INAMI_OK;
}

int inami_billing_results(const inami_billing *billing, int64_t *key_values, int64_t *prestations,
	uint32_t *flags, int32_t *status, size_t count)
{
	return billing_results(billing, key_values, prestations, flags, status, count, 0);
}

int inami_billing_signed_results(const inami_billing *billing, int64_t *key_values,
	int64_t *prestations, uint32_t *flags, int32_t *status, size_t count)
{
	return billing_results(billing, key_values, prestations, flags, status, count, 1);
}

/* ---- unvalued codes per provider (a sorted view built on demand) ---- */

/* (code, reason) order of two pairs of one provider. */
static int unvalued_less(const billing_unvalued *a, const billing_unvalued *b)
{
	return a->code != b->code ? a->code < b->code : a->reason < b->reason;
}

/*
 * Build the view: pairs of the hash and of the dense columns (a pair is in
 * one of them only, see unvalued_add) bucketed by provider with a counting
 * sort, then each provider's few pairs ordered by (code, reason) by insertion.
 */
static int ensure_view(inami_billing *b)
{
	if (b->view_valid)
		return INAMI_OK;
	size_t n = b->unvalued_count;
	for (size_t p = 0; b->dense_dirty && p < b->providers; p++)
		n += (size_t)__builtin_popcount(b->dense_seen[p]);
	billing_unvalued *v = realloc(b->view, (n + 1) * sizeof(*v));
	if (v != NULL)
		b->view = v;
	size_t *first = v ? realloc(b->view_first, (b->providers + 2) * sizeof(*first)) : NULL;
	if (first == NULL)
		return inami__fail(INAMI_ENOMEM, "out of memory");
	b->view_first = first;
	/* first[p + 2] counts provider p's pairs, then (prefix sums) first[p + 1] is where p's bucket starts */
	memset(first, 0, (b->providers + 2) * sizeof(*first));
	for (size_t i = 0; i < b->unvalued_cap; i++)
		if (b->unvalued[i].reason)
			first[b->unvalued[i].provider + 2]++;
	for (size_t p = 0; b->dense_dirty && p < b->providers; p++)
		first[p + 2] += (size_t)__builtin_popcount(b->dense_seen[p]);
	for (size_t p = 1; p <= b->providers; p++)
		first[p + 1] += first[p];
	for (size_t i = 0; i < b->unvalued_cap; i++)
		if (b->unvalued[i].reason)
			v[first[b->unvalued[i].provider + 1]++] = b->unvalued[i];
	for (size_t p = 0; b->dense_dirty && p < b->providers; p++)
		for (int k = 0; k < b->ndense; k++)
			if (b->dense_seen[p] & (1u << k))
				v[first[p + 1]++] = (billing_unvalued){ (uint32_t)p, b->dense_code[k],
					b->dense_reason[k], b->dense_qty[k][p] };
	/* each first[p + 1] now ends p's bucket: first[p] .. first[p + 1] is bucket p */
	for (size_t p = 0; p < b->providers; p++) {
		for (size_t i = first[p] + 1; i < first[p + 1]; i++) {
			billing_unvalued x = v[i];
			size_t j = i;
			for (; j > first[p] && unvalued_less(&x, &v[j - 1]); j--)
				v[j] = v[j - 1];
			v[j] = x;
		}
	}
	b->view_count = n;
	b->view_valid = 1;
	return INAMI_OK;
}

/* First view position of `provider` and the number of its pairs. */
static void provider_range(const inami_billing *b, uint32_t provider, size_t *first, size_t *count)
{
	*first = b->view_first[provider];
	*count = b->view_first[provider + 1] - *first;
}

int inami_billing_unvalued_count(inami_billing *billing, uint32_t provider, size_t *count)
{
	INAMI_CHECK_NULL(billing);
	INAMI_CHECK_NULL(count);
	if (provider >= billing->providers)
		return inami__fail(INAMI_ERANGE, "provider %u is out of range (%zu providers)", provider,
			billing->providers);
	int st = ensure_view(billing);
	if (st != INAMI_OK)
		return st;
	size_t first;
	provider_range(billing, provider, &first, count);
	return INAMI_OK;
}

int inami_billing_unvalued(inami_billing *billing, uint32_t provider, size_t index, int32_t *code,
	int64_t *quantity, inami_unvalued_reason *reason)
{
	size_t first, n;
	int st = inami_billing_unvalued_count(billing, provider, &n);
	if (st != INAMI_OK)
		return st;
	if (index >= n)
		return inami__fail(INAMI_ERANGE, "provider %u has %zu unvalued codes, not %zu", provider, n,
			index + 1);
	provider_range(billing, provider, &first, &n);
	const billing_unvalued *e = &billing->view[first + index];
	if (code)
		*code = e->code;
	if (quantity)
		*quantity = e->quantity;
	if (reason)
		*reason = e->reason;
	return INAMI_OK;
}

int inami_billing_total(const inami_nomenclature *nomenclature, const int32_t *code,
	const int32_t *quantity, const int32_t *date, size_t count, unsigned int flags,
	inami_billing_summary *summary, int32_t *unvalued_codes, int64_t *unvalued_quantities,
	int32_t *unvalued_reasons, size_t cap)
{
	INAMI_CHECK_NULL(nomenclature);
	INAMI_CHECK_NULL(summary);
	INAMI_CHECK_VERSION(summary->version, INAMI_BILLING_SUMMARY_VERSION, "inami_billing_summary");
	if (flags & ~INAMI_BILLING_ALLOW_DERIVED)
		return inami__fail(INAMI_EINVAL, "unknown billing flags 0x%x", flags);
	memset((char *)summary + sizeof(summary->version), 0, sizeof(*summary) - sizeof(summary->version));

	inami_billing *b;
	int st = inami_billing_new(&b, nomenclature, 1, flags);
	if (st != INAMI_OK)
		return st;
	st = inami_billing_add(b, code, quantity, date, NULL, count);
	if (st == INAMI_OK)
		st = ensure_view(b);
	if (st != INAMI_OK)
		goto done;
	summary->flags = billing__flags(b, 0) & NOM_PUBLIC;
	summary->unvalued_count = b->view_count;
	for (size_t i = 0; i < b->view_count; i++) {
		const billing_unvalued *e = &b->view[i];
		if (__builtin_add_overflow(summary->unvalued_quantity, e->quantity, &summary->unvalued_quantity))
			billing_tally_raise(&ACC(b, 0, TALLY), BILLING_OVERFLOW);
		if (i < cap) {
			if (unvalued_codes)
				unvalued_codes[i] = e->code;
			if (unvalued_quantities)
				unvalued_quantities[i] = e->quantity;
			if (unvalued_reasons)
				unvalued_reasons[i] = e->reason;
		}
	}
	st = provider_status(b, 0);
	if (st == INAMI_OK) {
		for (int k = 0; k < INAMI_KEY_LETTER_COUNT; k++)
			summary->key_values[k] = ACC(b, 0, k);
		summary->prestations = billing_tally_count(ACC(b, 0, TALLY));
	} else {
		st = inami__fail(st, st == INAMI_EOVERFLOW ? "a total of the billing lines overflows 64 bits"
			: "a total of the billing lines is below zero (more corrections than prestations)");
	}
done:
	inami_billing_free(b);
	return st;
}
