/* Products: lookup, figures, guaranteed rates, and allocation with a product's terms. */
#include <stdlib.h>
#include <string.h>

#include "allocate_internal.h"
#include "error.h"
#include "products_model.h"

void inami__products_destroy(inami_products *p)
{
	if (p == NULL)
		return;
	for (size_t i = 0; i < p->count; i++) {
		product *x = &p->items[i];
		free(x->id);
		free(x->insurer);
		free(x->name);
		free(x->benefits);
		free(x->source);
		free(x->note);
		free(x->rates);
	}
	free(p->items);
	free(p);
}

void inami_products_free(inami_products *products)
{
	inami__products_destroy(products);
}

size_t inami_products_count(const inami_products *products)
{
	return products ? products->count : 0;
}

int inami_products_find(const inami_products *products, const char *id, size_t *index)
{
	INAMI_CHECK_NULL(products);
	INAMI_CHECK_NULL(id);
	INAMI_CHECK_NULL(index);
	for (size_t i = 0; i < products->count; i++) {
		if (strcmp(products->items[i].id, id) == 0) {
			*index = i;
			return INAMI_OK;
		}
	}
	char known[512] = "";
	size_t used = 0;
	for (size_t i = 0; i < products->count && used + 2 < sizeof(known); i++) {
		const char *sep = i ? ", " : "";
		size_t n = strlen(sep) + strlen(products->items[i].id);
		if (used + n + 1 >= sizeof(known))
			break;
		strcat(known, sep);
		strcat(known, products->items[i].id);
		used += n;
	}
	return inami__fail(INAMI_ENOTFOUND, "unknown product '%s' (known: %s)", id,
		products->count ? known : "none");
}

static const product *at(const inami_products *products, size_t index)
{
	return products && index < products->count ? &products->items[index] : NULL;
}

const char *inami_products_id(const inami_products *products, size_t index)
{
	const product *x = at(products, index);
	return x ? x->id : NULL;
}

const char *inami_products_insurer(const inami_products *products, size_t index)
{
	const product *x = at(products, index);
	return x ? x->insurer : NULL;
}

const char *inami_products_name(const inami_products *products, size_t index)
{
	const product *x = at(products, index);
	return x ? x->name : NULL;
}

const char *inami_products_benefits(const inami_products *products, size_t index)
{
	const product *x = at(products, index);
	return x ? x->benefits : NULL;
}

const char *inami_products_source(const inami_products *products, size_t index)
{
	const product *x = at(products, index);
	return x ? x->source : NULL;
}

const char *inami_products_note(const inami_products *products, size_t index)
{
	const product *x = at(products, index);
	return x ? x->note : NULL;
}

static int bad_index(const inami_products *products, size_t index)
{
	return inami__fail(INAMI_ERANGE, "product index %zu is out of range (%zu products)", index,
		products->count);
}

int inami_products_info(const inami_products *products, size_t index,
	inami_contract_type *type, inami_provenance *provenance, int *example)
{
	INAMI_CHECK_NULL(products);
	const product *x = at(products, index);
	if (x == NULL)
		return bad_index(products, index);
	if (type)
		*type = x->type;
	if (provenance)
		*provenance = x->provenance;
	if (example)
		*example = x->example;
	return INAMI_OK;
}

static const char *const figure_names[PRODUCT_FIGURES] = {
	"solidarity share", "entry fee", "management fee", "profit-sharing assumption"
};

int inami_products_figure(const inami_products *products, size_t index,
	inami_product_figure figure, int32_t *bp)
{
	INAMI_CHECK_NULL(products);
	INAMI_CHECK_NULL(bp);
	const product *x = at(products, index);
	if (x == NULL)
		return bad_index(products, index);
	if ((unsigned)figure >= PRODUCT_FIGURES)
		return inami__fail(INAMI_EINVAL, "unknown product figure %d", (int)figure);
	if (x->figures[figure] == INAMI_BP_UNSET)
		return inami__fail(INAMI_ENORULES, "the %s of product '%s' is NOT FOUND in the products file",
			figure_names[figure], x->id);
	*bp = x->figures[figure];
	return INAMI_OK;
}

size_t inami_products_rate_count(const inami_products *products, size_t index)
{
	const product *x = at(products, index);
	return x ? x->rate_count : 0;
}

int inami_products_rate_at(const inami_products *products, size_t index, size_t k,
	int *deposit_year, int32_t *bp)
{
	INAMI_CHECK_NULL(products);
	const product *x = at(products, index);
	if (x == NULL)
		return bad_index(products, index);
	if (k >= x->rate_count)
		return inami__fail(INAMI_ERANGE, "product '%s' has %zu guaranteed rates, not %zu", x->id,
			x->rate_count, k + 1);
	if (deposit_year)
		*deposit_year = x->rates[k].year;
	if (bp)
		*bp = x->rates[k].bp;
	return INAMI_OK;
}

int inami_products_rate(const inami_products *products, size_t index,
	int deposit_year, unsigned int flags, int32_t *bp, int *assumed)
{
	INAMI_CHECK_NULL(products);
	INAMI_CHECK_NULL(bp);
	const product *x = at(products, index);
	const product_rate *earlier = NULL, *undated = NULL;

	if (x == NULL)
		return bad_index(products, index);
	for (size_t k = 0; k < x->rate_count; k++) {
		const product_rate *r = &x->rates[k];
		if (r->year == deposit_year) {
			*bp = r->bp;
			if (assumed)
				*assumed = 0;
			return INAMI_OK;
		}
		if (r->year == 0)
			undated = r;
		else if (r->year < deposit_year)
			earlier = r;
	}
	const product_rate *use = earlier ? earlier : undated;
	if (use && (flags & INAMI_RATE_ASSUME)) {
		*bp = use->bp;
		if (assumed)
			*assumed = 1;
		return INAMI_OK;
	}
	if (use)
		return inami__fail(INAMI_ENORULES, "product '%s' guarantees no rate dated for deposits of %d "
			"(its %s rate would have to be assumed: allow it with INAMI_RATE_ASSUME / --assume-rates, "
			"or give the rate)", x->id, deposit_year, use->year ? "latest earlier" : "undated");
	return inami__fail(INAMI_ENORULES, "product '%s' has no guaranteed rate for deposits of %d",
		x->id, deposit_year);
}

int inami__products_terms(const inami_products *products, size_t index, const inami_alloc_terms *in,
	inami_alloc_terms *out)
{
	const product *x = at(products, index);
	inami_alloc_terms t = INAMI_ALLOC_TERMS_INIT;

	if (x == NULL)
		return bad_index(products, index);
	if (in) {
		INAMI_CHECK_VERSION(in->version, INAMI_ALLOC_TERMS_VERSION, "inami_alloc_terms");
		t = *in;
	}
	t.contract_type = x->type;
	if (t.solidarity_bp == INAMI_BP_UNSET) {
		if (x->figures[INAMI_PRODUCT_SOLIDARITY_SHARE] == INAMI_BP_UNSET)
			return inami__fail(INAMI_ENORULES, "the solidarity share of product '%s' is NOT FOUND in "
				"the products file: give it explicitly", x->id);
		t.solidarity_bp = x->figures[INAMI_PRODUCT_SOLIDARITY_SHARE];
	}
	if (t.entry_fee_bp == INAMI_BP_UNSET) {
		if (x->figures[INAMI_PRODUCT_ENTRY_FEE] == INAMI_BP_UNSET)
			return inami__fail(INAMI_ENORULES, "the entry fee of product '%s' is NOT FOUND in the "
				"products file: give it explicitly", x->id);
		t.entry_fee_bp = x->figures[INAMI_PRODUCT_ENTRY_FEE];
	}
	*out = t;
	return INAMI_OK;
}

int inami_allocate_product(const inami_products *products, const char *id,
	int64_t premium_cents, const inami_alloc_terms *terms, inami_allocation *out)
{
	size_t index;
	inami_alloc_terms t;
	int st;

	INAMI_CHECK_NULL(products);
	INAMI_CHECK_NULL(id);
	INAMI_CHECK_NULL(out);
	INAMI_CHECK_VERSION(out->version, INAMI_ALLOCATION_VERSION, "inami_allocation");
	if (premium_cents < 0)
		return inami__fail(INAMI_ENEGATIVE, "the premium is negative (%lld cents)", (long long)premium_cents);
	if ((st = inami_products_find(products, id, &index)) != INAMI_OK)
		return st;
	if ((st = inami__products_terms(products, index, terms, &t)) != INAMI_OK)
		return st;
	return inami__allocate(premium_cents, &t, out);
}
