/* Internal: nomenclature CSV rows -> periods (nomenclature_parse.c). */
#ifndef INAMI_NOMENCLATURE_PARSE_H
#define INAMI_NOMENCLATURE_PARSE_H

#include "nomenclature.h"

/* Parse a whole CSV; rows (malloc'd, free()) point into `strings`. */
int inami__nom_parse_csv(const char *name, const char *data, size_t len, pool *strings,
	nom_period **rows, size_t *nrows);

#endif
