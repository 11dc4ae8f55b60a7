/* Internal: the in-memory form of a products file. */
#ifndef INAMI_PRODUCTS_MODEL_H
#define INAMI_PRODUCTS_MODEL_H

#include "inami/allocate.h"

#define PRODUCT_FIGURES 4

typedef struct product_rate {
	int year;        /* 0 = the source states no year */
	int32_t bp;
} product_rate;

typedef struct product {
	char *id, *insurer, *name, *benefits, *source, *note;
	inami_contract_type type;
	int32_t figures[PRODUCT_FIGURES];   /* indexed by inami_product_figure; INAMI_BP_UNSET = not known */
	inami_provenance provenance;
	int example;
	product_rate *rates;                /* dated ascending, the undated one (if any) first */
	size_t rate_count;
	int line;
} product;

struct inami_products {
	product *items;
	size_t count;
};

void inami__products_destroy(inami_products *p);

#endif
