/*
 * The billing lines of the in-memory benchmark (bench_totals.c): N lines (structure of arrays) over P providers in random
 * order, codes drawn from the embedded nomenclature with ~2% unknown codes
 * (567011) and ~2% on a code with two validity periods (713016, dated in its
 * older one), ~2% corrections (quantity -1), dates in 2022.
 */
#ifndef BENCH_LINES_H
#define BENCH_LINES_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct bench_lines {
	int32_t *code, *qty, *date;
	uint32_t *prov;
	size_t n, providers;
} bench_lines;

static uint64_t bench_rng = 88172645463325252ull;

static uint32_t bench_next(void)
{
	bench_rng ^= bench_rng << 13;
	bench_rng ^= bench_rng >> 7;
	bench_rng ^= bench_rng << 17;
	return (uint32_t)(bench_rng >> 16);
}

static void bench_lines_free(bench_lines *l)
{
	free(l->code);
	free(l->qty);
	free(l->date);
	free(l->prov);
}

/* n lines over `providers` providers in random order; 0 when out of memory. */
static int bench_lines_make(bench_lines *l, size_t n, size_t providers)
{
	static const int32_t codes[] = { 560011, 560011, 560011, 560416, 560033, 560055, 560092, 561245,
		422052, 422030, 421993, 713016, 701013, 702015, 560011, 560011, 560416, 560011, 560033, 560011,
		560011, 560416, 560011, 560011, 560011, 560416, 560011, 560011, 560033, 560011, 560011, 560011,
		560011, 560416, 560011, 560011, 560011, 560416, 560011, 560011, 560033, 560011, 560011, 560011,
		560011, 560416, 560011, 560011, 567011 /* unknown: ~2% */ };
	l->n = n;
	l->providers = providers;
	l->code = malloc(n * sizeof(int32_t));
	l->qty = malloc(n * sizeof(int32_t));
	l->date = malloc(n * sizeof(int32_t));
	l->prov = malloc(n * sizeof(uint32_t));
	if (!l->code || !l->qty || !l->date || !l->prov) {
		bench_lines_free(l);
		return 0;
	}
	for (size_t i = 0; i < n; i++) {
		uint32_t r = bench_next();
		l->code[i] = codes[r % (sizeof(codes) / sizeof(codes[0]))];
		l->qty[i] = (r >> 8) % 50 == 0 ? -1 : 1;
		l->prov[i] = bench_next() % (uint32_t)providers;
		l->date[i] = 20220101 + (int32_t)((r >> 12) % 12) * 100 + (int32_t)((r >> 20) % 28);
	}
	return 1;
}

/* Reorder the lines so that each provider's lines are contiguous (counting sort, stable); 0 when out of memory. */
static int bench_lines_group(bench_lines *l)
{
	size_t n = l->n, providers = l->providers;
	size_t *start = calloc(providers + 1, sizeof(size_t));
	bench_lines g = { malloc(n * sizeof(int32_t)), malloc(n * sizeof(int32_t)), malloc(n * sizeof(int32_t)),
		malloc(n * sizeof(uint32_t)), n, providers };
	if (!start || !g.code || !g.qty || !g.date || !g.prov) {
		free(start);
		bench_lines_free(&g);
		return 0;
	}
	for (size_t i = 0; i < n; i++)
		start[l->prov[i] + 1]++;
	for (size_t p = 0; p < providers; p++)
		start[p + 1] += start[p];
	for (size_t i = 0; i < n; i++) {
		size_t j = start[l->prov[i]]++;
		g.code[j] = l->code[i];
		g.qty[j] = l->qty[i];
		g.date[j] = l->date[i];
		g.prov[j] = l->prov[i];
	}
	free(start);
	bench_lines_free(l);
	*l = g;
	return 1;
}

#endif
