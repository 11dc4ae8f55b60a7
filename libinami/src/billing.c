/*
 * Key-letter totals over billing lines. The hot loop values a line with one
 * load from the compiled nomenclature (nomenclature.h) and adds into the
 * provider's accumulator columns; anything unusual (unknown code, several
 * validity periods, a date outside the period, DERIVED not allowed) goes to
 * a per-line slow path that resolves it exactly and records unvalued codes.
 */
#include <stdlib.h>
#include <string.h>

#include "billing_internal.h"
#include "error.h"

/*
 * Columns of `cap` int64 each: [0..2] M, R, V, [3] sink of the sentinel,
 * [4] prestations; flags are one byte per provider. Columns rather than rows
 * keep the data a line touches small (8 + 8 + 1 bytes per provider) so that
 * tens of thousands of providers stay in the L2 cache.
 */
#define NCOLS 5
#define COL_PRESTATIONS 4
#define FLAG_OVERFLOW 0x80u
#define COL(b, j) ((b)->acc + (size_t)(j) * (b)->cap)

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
	b->slowmask = NOM_SLOW | (b->allow_derived ? 0u : NOM_DERIVED);
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
	free(billing->flags);
	free(billing->unvalued);
	free(billing->sorted);
	free(billing);
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
		int64_t *acc = calloc(ncap * NCOLS, sizeof(int64_t));
		uint8_t *flags = calloc(ncap, 1);
		if (acc == NULL || flags == NULL) {
			free(acc);
			free(flags);
			return inami__fail(INAMI_ENOMEM, "out of memory for %zu providers", provider_count);
		}
		for (size_t j = 0; billing->acc && j < NCOLS; j++)
			memcpy(acc + j * ncap, COL(billing, j), billing->providers * sizeof(int64_t));
		if (billing->flags)
			memcpy(flags, billing->flags, billing->providers);
		free(billing->acc);
		free(billing->flags);
		billing->acc = acc;
		billing->flags = flags;
		billing->cap = ncap;
	}
	billing->providers = provider_count; /* new entries are zero from calloc */
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

static int unvalued_grow(inami_billing *b)
{
	size_t ncap = b->unvalued_cap ? b->unvalued_cap * 2 : 256;
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

/* Returns 0 when out of memory. */
static int unvalued_add(inami_billing *b, uint32_t provider, int32_t code, int32_t reason,
	int32_t quantity)
{
	if ((b->unvalued_count + 1) * 2 > b->unvalued_cap && !unvalued_grow(b))
		return 0;
	size_t mask = b->unvalued_cap - 1, j = unvalued_hash(provider, code, reason) & mask;
	for (;; j = (j + 1) & mask) {
		billing_unvalued *e = &b->unvalued[j];
		if (!e->reason) {
			e->provider = provider;
			e->code = code;
			e->reason = reason;
			b->unvalued_count++;
			b->sorted_valid = 0;
		}
		if (e->provider == provider && e->code == code && e->reason == reason) {
			if (__builtin_add_overflow(e->quantity, (int64_t)quantity, &e->quantity))
				b->flags[provider] |= FLAG_OVERFLOW;
			return 1;
		}
	}
}

/* ---- the kernels ---- */

/* A line the fast path cannot value: resolve it exactly. Returns 0 when out of memory. */
__attribute__((noinline))
static int slow_line(inami_billing *b, int32_t code, int32_t quantity, int32_t date, uint32_t provider)
{
	int64_t value;
	int letter;
	unsigned int flags;
	uint64_t ov = 0;

	int reason = nom__resolve(b->nom, code, date, b->allow_derived, &value, &letter, &flags);
	if (reason) {
		if (!unvalued_add(b, provider, code, reason, quantity))
			return 0;
		flags = INAMI_TOTAL_INCOMPLETE;
	} else {
		int64_t *t = &COL(b, letter)[provider];
		ov |= (uint64_t)__builtin_add_overflow(*t, value * quantity, t);
	}
	int64_t *t = &COL(b, COL_PRESTATIONS)[provider];
	ov |= (uint64_t)__builtin_add_overflow(*t, (int64_t)quantity, t);
	b->flags[provider] |= (uint8_t)(flags | (ov ? FLAG_OVERFLOW : 0));
	return 1;
}

/*
 * The hot loop, specialised by the compiler for each (dated, per provider)
 * combination. Per line: one index load, one 16-byte entry, two checked adds
 * and an OR into the provider's flags byte.
 */
static inline __attribute__((always_inline)) int run(inami_billing *b, const int32_t *code,
	const int32_t *quantity, const int32_t *date, const uint32_t *provider, size_t n,
	const int has_date, const int has_provider)
{
	int64_t *const acc = b->acc, *const prest = COL(b, COL_PRESTATIONS);
	uint8_t *const fl = b->flags;
	const size_t cap = b->cap;
	const uint16_t *index = b->nom->index;
	const nom_hot *hot = b->nom->hot;
	const unsigned slow = b->slowmask;
	const unsigned extra = has_date ? 0 : INAMI_TOTAL_UNDATED;
	const unsigned keep = has_date ? NOM_PUBLIC : (NOM_PUBLIC & ~NOM_VALIDITY);

	for (size_t i = 0; i < n; i++) {
		uint32_t c = (uint32_t)code[i];
		int32_t q = quantity[i];
		uint32_t p = has_provider ? provider[i] : 0;
		const nom_hot *e = &hot[c < NOM_CODE_SPACE ? index[c] : 0];
		int bad = (e->flags & slow) != 0;
		if (has_date) {
			int32_t d = date[i];
			bad |= (d < e->from) | (d > e->to);
		}
		if (__builtin_expect(bad, 0)) {
			if (!slow_line(b, code[i], q, has_date ? date[i] : 0, p))
				return inami__fail(INAMI_ENOMEM, "out of memory recording unknown codes");
			continue;
		}
		int64_t *v = acc + e->letter * cap + p;
		unsigned o1 = __builtin_add_overflow(*v, (int64_t)q * e->value, v);
		unsigned o2 = __builtin_add_overflow(prest[p], (int64_t)q, &prest[p]);
		fl[p] |= (uint8_t)((e->flags & keep) | extra | ((o1 | o2) << 7));
	}
	return INAMI_OK;
}

static int run_undated_one(inami_billing *b, const int32_t *c, const int32_t *q, size_t n)
{
	return run(b, c, q, NULL, NULL, n, 0, 0);
}

static int run_dated_one(inami_billing *b, const int32_t *c, const int32_t *q, const int32_t *d, size_t n)
{
	return run(b, c, q, d, NULL, n, 1, 0);
}

static int run_undated(inami_billing *b, const int32_t *c, const int32_t *q, const uint32_t *p, size_t n)
{
	return run(b, c, q, NULL, p, n, 0, 1);
}

static int run_dated(inami_billing *b, const int32_t *c, const int32_t *q, const int32_t *d,
	const uint32_t *p, size_t n)
{
	return run(b, c, q, d, p, n, 1, 1);
}

/* Checks done before anything is added, so that a refused call changes nothing. */
static int check_lines(const inami_billing *b, const int32_t *date, const uint32_t *provider,
	size_t count)
{
	if (provider != NULL) {
		uint32_t max = 0;
		for (size_t i = 0; i < count; i++)
			max = provider[i] > max ? provider[i] : max;
		if (count > 0 && max >= b->providers) {
			for (size_t i = 0; i < count; i++)
				if (provider[i] >= b->providers)
					return inami__fail(INAMI_ERANGE, "line %zu: provider index %u is out of "
						"range (%zu providers)", i, provider[i], b->providers);
		}
	} else if (count > 0 && b->providers == 0) {
		return inami__fail(INAMI_ERANGE, "no provider array and no provider 0 (provider count is 0)");
	}
	if (date != NULL) {
		uint32_t bad = 0;
		for (size_t i = 0; i < count; i++) {
			int32_t d = date[i];
			bad |= (uint32_t)(d != 0) & (uint32_t)((uint32_t)(d - 10000101) > 99991231u - 10000101u);
		}
		if (bad) {
			for (size_t i = 0; i < count; i++) {
				int32_t d = date[i];
				if (d != 0 && (d < 10000101 || d > 99991231))
					return inami__fail(INAMI_EINVAL, "line %zu: date %d is not YYYYMMDD (or 0)",
						i, (int)d);
			}
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
	int st = check_lines(billing, date, provider, count);
	if (st != INAMI_OK)
		return st;
	if (provider == NULL)
		st = date ? run_dated_one(billing, code, quantity, date, count)
			: run_undated_one(billing, code, quantity, count);
	else
		st = date ? run_dated(billing, code, quantity, date, provider, count)
			: run_undated(billing, code, quantity, provider, count);
	billing->lines += (int64_t)count;
	return st;
}

/* Status of a provider: overflow, a total below zero, or OK. */
static int provider_status(const inami_billing *b, size_t p)
{
	if (b->flags[p] & FLAG_OVERFLOW)
		return INAMI_EOVERFLOW;
	for (int k = 0; k < INAMI_KEY_LETTER_COUNT; k++)
		if (COL(b, k)[p] < 0)
			return INAMI_ENEGATIVE;
	return COL(b, COL_PRESTATIONS)[p] < 0 ? INAMI_ENEGATIVE : INAMI_OK;
}

int inami_billing_results(const inami_billing *billing, int64_t *key_values, int64_t *prestations,
	uint32_t *flags, int32_t *status, size_t count)
{
	INAMI_CHECK_NULL(billing);
	if (count < billing->providers)
		return inami__fail(INAMI_EBUFS, "arrays of %zu entries are too small for %zu providers",
			count, billing->providers);
	for (size_t p = 0; p < billing->providers; p++) {
		int st = provider_status(billing, p);
		for (int k = 0; key_values && k < INAMI_KEY_LETTER_COUNT; k++)
			key_values[p * INAMI_KEY_LETTER_COUNT + (size_t)k] = st == INAMI_OK ? COL(billing, k)[p] : 0;
		if (prestations)
			prestations[p] = st == INAMI_OK ? COL(billing, COL_PRESTATIONS)[p] : 0;
		if (flags)
			flags[p] = (uint32_t)billing->flags[p] & NOM_PUBLIC;
		if (status)
			status[p] = st;
	}
	return INAMI_OK;
}

/* ---- unvalued codes per provider (sorted view built on demand) ---- */

/* Comparison by hand: C11 qsort has no context argument, and a global one would not be thread-safe. */
static int unvalued_less(const billing_unvalued *a, const billing_unvalued *b)
{
	if (a->provider != b->provider)
		return a->provider < b->provider;
	if (a->code != b->code)
		return a->code < b->code;
	return a->reason < b->reason;
}

/* Bottom-up merge sort of indices into `t` (tmp has room for n). Returns the sorted array. */
static uint32_t *sort_indices(const billing_unvalued *t, uint32_t *v, uint32_t *tmp, size_t n)
{
	for (size_t w = 1; w < n; w *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * w) {
			size_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
			size_t i = lo, j = mid, k = lo;
			while (i < mid && j < hi)
				tmp[k++] = unvalued_less(&t[v[j]], &t[v[i]]) ? v[j++] : v[i++];
			while (i < mid)
				tmp[k++] = v[i++];
			while (j < hi)
				tmp[k++] = v[j++];
		}
		uint32_t *x = v;
		v = tmp;
		tmp = x;
	}
	return v;
}

static int ensure_sorted(inami_billing *b)
{
	if (b->sorted_valid)
		return INAMI_OK;
	uint32_t *v = realloc(b->sorted, (b->unvalued_count + 1) * sizeof(*v));
	if (v == NULL)
		return inami__fail(INAMI_ENOMEM, "out of memory");
	b->sorted = v;
	size_t n = 0;
	for (size_t i = 0; i < b->unvalued_cap; i++)
		if (b->unvalued[i].reason)
			v[n++] = (uint32_t)i;
	uint32_t *tmp = malloc((n + 1) * sizeof(*tmp));
	if (tmp == NULL)
		return inami__fail(INAMI_ENOMEM, "out of memory");
	uint32_t *sorted = sort_indices(b->unvalued, v, tmp, n);
	if (sorted != v)
		memcpy(v, sorted, n * sizeof(*v));
	free(tmp);
	b->sorted_valid = 1;
	return INAMI_OK;
}

/* First sorted position of `provider` and the number of its pairs. */
static void provider_range(const inami_billing *b, uint32_t provider, size_t *first, size_t *count)
{
	size_t lo = 0, hi = b->unvalued_count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (b->unvalued[b->sorted[mid]].provider < provider)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t end = lo;
	while (end < b->unvalued_count && b->unvalued[b->sorted[end]].provider == provider)
		end++;
	*first = lo;
	*count = end - lo;
}

int inami_billing_unvalued_count(inami_billing *billing, uint32_t provider, size_t *count)
{
	INAMI_CHECK_NULL(billing);
	INAMI_CHECK_NULL(count);
	if (provider >= billing->providers)
		return inami__fail(INAMI_ERANGE, "provider %u is out of range (%zu providers)", provider,
			billing->providers);
	int st = ensure_sorted(billing);
	if (st != INAMI_OK)
		return st;
	size_t first;
	provider_range(billing, provider, &first, count);
	return INAMI_OK;
}

int inami_billing_unvalued(inami_billing *billing, uint32_t provider, size_t index, int32_t *code,
	int64_t *quantity, int32_t *reason)
{
	size_t first, n;
	int st = inami_billing_unvalued_count(billing, provider, &n);
	if (st != INAMI_OK)
		return st;
	if (index >= n)
		return inami__fail(INAMI_ERANGE, "provider %u has %zu unvalued codes, not %zu", provider, n,
			index + 1);
	provider_range(billing, provider, &first, &n);
	const billing_unvalued *e = &billing->unvalued[billing->sorted[first + index]];
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
	if (summary->version != INAMI_BILLING_SUMMARY_VERSION)
		return inami__fail(INAMI_EVERSION, "inami_billing_summary version %u is unknown (expected %d)",
			summary->version, INAMI_BILLING_SUMMARY_VERSION);
	if (flags & ~INAMI_BILLING_ALLOW_DERIVED)
		return inami__fail(INAMI_EINVAL, "unknown billing flags 0x%x", flags);
	memset((char *)summary + sizeof(summary->version), 0, sizeof(*summary) - sizeof(summary->version));

	inami_billing *b;
	int st = inami_billing_new(&b, nomenclature, 1, flags);
	if (st != INAMI_OK)
		return st;
	st = inami_billing_add(b, code, quantity, date, NULL, count);
	if (st == INAMI_OK)
		st = ensure_sorted(b);
	if (st != INAMI_OK)
		goto done;
	summary->flags = (unsigned int)b->flags[0] & NOM_PUBLIC;
	summary->unvalued_count = b->unvalued_count;
	for (size_t i = 0; i < b->unvalued_count; i++) {
		const billing_unvalued *e = &b->unvalued[b->sorted[i]];
		if (__builtin_add_overflow(summary->unvalued_quantity, e->quantity, &summary->unvalued_quantity))
			b->flags[0] |= FLAG_OVERFLOW;
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
			summary->key_values[k] = COL(b, k)[0];
		summary->prestations = COL(b, COL_PRESTATIONS)[0];
	} else {
		st = inami__fail(st, st == INAMI_EOVERFLOW ? "a total of the billing lines overflows 64 bits"
			: "a total of the billing lines is below zero (more corrections than prestations)");
	}
done:
	inami_billing_free(b);
	return st;
}
