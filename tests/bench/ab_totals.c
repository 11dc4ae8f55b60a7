/*
 * A/B of the in-memory totals (inami_billing_add) between two builds of
 * libinami, loaded side by side with dlopen() and run on the same lines in
 * the same process, rounds interleaved (A then B, then B then A, ...). On a
 * machine whose speed drifts by 10-30 % from one run to the next, this tells
 * a change of a few per cent from noise, which separate runs cannot.
 *
 * Usage: ab_totals LIB_A.so LIB_B.so [LINES] [PROVIDERS] [ROUNDS] [grouped] [UNKNOWN%]
 * e.g. ab_totals old/libinami.so.0 build/libinami/libinami.so.0 20000000 20000 11
 * UNKNOWN% (default 0) puts that share of the lines on three codes outside
 * the nomenclature (as an export full of codes without a known value).
 * Prints, undated and dated, each build's best and median in million lines
 * per second and the ratio of B's median to A's. Lines: bench_lines.h.
 * Not part of the tests (see tests/bench/bench_mvalues.sh and docs/billing.md).
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <inami/inami.h>

#include "bench_lines.h"

#define MAX_ROUNDS 99

typedef struct build {
	const char *path;
	int (*nomenclature_default)(const inami_nomenclature **);
	int (*billing_new)(inami_billing **, const inami_nomenclature *, size_t, unsigned);
	int (*billing_add)(inami_billing *, const int32_t *, const int32_t *, const int32_t *, const uint32_t *,
		size_t);
	void (*billing_free)(inami_billing *);
	const inami_nomenclature *nom;
	double seconds[MAX_ROUNDS];
} build;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* Load the build at path (RTLD_LOCAL: the two builds' symbols stay apart); 0 on failure. */
static int load(build *b, const char *path)
{
	void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (h == NULL) {
		fprintf(stderr, "ab_totals: %s\n", dlerror());
		return 0;
	}
	b->path = path;
	*(void **)&b->nomenclature_default = dlsym(h, "inami_nomenclature_default");
	*(void **)&b->billing_new = dlsym(h, "inami_billing_new");
	*(void **)&b->billing_add = dlsym(h, "inami_billing_add");
	*(void **)&b->billing_free = dlsym(h, "inami_billing_free");
	if (!b->nomenclature_default || !b->billing_new || !b->billing_add || !b->billing_free
		|| b->nomenclature_default(&b->nom) != INAMI_OK) {
		fprintf(stderr, "ab_totals: %s is not a usable libinami\n", path);
		return 0;
	}
	return 1;
}

/* One round of build b on the lines: its time in b->seconds[round]; 0 on failure. */
static int run(build *b, const bench_lines *l, int dated, int round)
{
	inami_billing *acc;
	if (b->billing_new(&acc, b->nom, l->providers, 0) != INAMI_OK)
		return 0;
	double t0 = now();
	int st = b->billing_add(acc, l->code, l->qty, dated ? l->date : NULL, l->prov, l->n);
	b->seconds[round] = now() - t0;
	b->billing_free(acc);
	return st == INAMI_OK;
}

static int by_time(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: ab_totals LIB_A.so LIB_B.so [LINES] [PROVIDERS] [ROUNDS] [grouped] [UNKNOWN%%]\n");
		return 2;
	}
	size_t n = argc > 3 ? strtoull(argv[3], NULL, 10) : 20000000;
	size_t providers = argc > 4 ? strtoull(argv[4], NULL, 10) : 20000;
	int rounds = argc > 5 ? atoi(argv[5]) : 11;
	int grouped = argc > 6 && atoi(argv[6]) != 0;
	int unknown = argc > 7 ? atoi(argv[7]) : 0;
	if (n == 0 || providers == 0 || providers > UINT32_MAX || rounds < 1 || rounds > MAX_ROUNDS
		|| unknown < 0 || unknown > 100) {
		fprintf(stderr, "ab_totals: LINES and PROVIDERS must be positive, ROUNDS 1..%d, UNKNOWN%% 0..100\n",
			MAX_ROUNDS);
		return 2;
	}
	static build builds[2];
	bench_lines l;
	if (!load(&builds[0], argv[1]) || !load(&builds[1], argv[2]))
		return 1;
	if (!bench_lines_make(&l, n, providers) || (grouped && !bench_lines_group(&l))) {
		fprintf(stderr, "ab_totals: out of memory\n");
		return 1;
	}
	for (size_t i = 0; i < n; i++) {
		uint32_t r = bench_next();
		if ((int)(r % 100) < unknown)
			l.code[i] = 567011 + 11 * (int32_t)((r >> 8) % 3);  /* 567011, 567022, 567033: not in the nomenclature */
	}
	printf("A = %s\nB = %s\n%zu lines, %zu providers, %s order, %d%% of them moved to unknown codes, %d rounds each\n",
		argv[1], argv[2], n, providers, grouped ? "grouped" : "random", unknown, rounds);
	for (int dated = 0; dated < 2; dated++) {
		for (int r = 0; r < rounds; r++) {
			for (int k = 0; k < 2; k++) {
				build *b = &builds[(r & 1) ? 1 - k : k];
				if (!run(b, &l, dated, r)) {
					fprintf(stderr, "ab_totals: %s: inami_billing_add failed\n", b->path);
					return 1;
				}
			}
		}
		double median[2];
		for (int k = 0; k < 2; k++) {
			qsort(builds[k].seconds, (size_t)rounds, sizeof(double), by_time);
			median[k] = builds[k].seconds[rounds / 2];
			printf("%s %-7s best %4.0f  median %4.0f M lines/s\n", k ? "B" : "A", dated ? "dated" : "undated",
				n / builds[k].seconds[0] / 1e6, n / median[k] / 1e6);
		}
		printf("  B/A (medians) %.3f\n", median[0] / median[1]);
	}
	bench_lines_free(&l);
	return 0;
}
