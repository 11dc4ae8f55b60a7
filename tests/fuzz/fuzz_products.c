/*
 * Fuzz target: the products file loader (inami_products_load_buffer). Products
 * that load are read back field by field and allocated with a premium.
 */
#include <string.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	inami_products *prod = NULL;
	int rc = inami_products_load_buffer(&prod, (const char *)data, size, "fuzz.products");
	if (rc != INAMI_OK) {
		FUZZ_ASSERT(prod == NULL);
		FUZZ_FAILED_CLEANLY(rc);
		return 0;
	}
	FUZZ_ASSERT(prod != NULL);
	for (size_t i = 0; i < inami_products_count(prod); i++) {
		const char *id = inami_products_id(prod, i);
		size_t idx = 0;
		FUZZ_ASSERT(id != NULL);
		FUZZ_ASSERT(inami_products_find(prod, id, &idx) == INAMI_OK);
		FUZZ_ASSERT(inami_products_insurer(prod, i) != NULL);
		FUZZ_ASSERT(inami_products_name(prod, i) != NULL);
		FUZZ_ASSERT(inami_products_benefits(prod, i) != NULL);
		FUZZ_ASSERT(inami_products_source(prod, i) != NULL);
		FUZZ_ASSERT(inami_products_note(prod, i) != NULL);
		for (size_t k = 0; k < inami_products_rate_count(prod, i); k++) {
			int year = 0;
			int32_t bp = 0;
			(void)inami_products_rate_at(prod, i, k, &year, &bp);
		}
		inami_allocation a;
		FUZZ_ASSERT(inami_allocation_init(&a, INAMI_ALLOCATION_VERSION) == INAMI_OK);
		rc = inami_allocate_product(prod, id, 179034, NULL, &a);
		if (rc != INAMI_OK)
			FUZZ_FAILED_CLEANLY(rc);
	}
	inami_products_free(prod);
	return 0;
}
