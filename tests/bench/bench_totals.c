/*
 * Micro-benchmark of the in-memory totals (inami_billing_add) on one core:
 * the lines of bench_lines.h (N lines over P providers), reported in lines per second,
 * best of R rounds, for the lines in random provider order and the same lines
 * grouped by provider (as billing exports usually are), undated and dated.
 * Wall time is the figure; the thread's CPU time is printed next to it to
 * show when the machine was busy. Run by tests/bench/bench_mvalues.sh.
 * Usage: bench_totals [LINES] [PROVIDERS] [ROUNDS]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <inami/inami.h>

#include "bench_lines.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static double cpu(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
	size_t n = argc > 1 ? strtoull(argv[1], NULL, 10) : 20000000;
	size_t providers = argc > 2 ? strtoull(argv[2], NULL, 10) : 20000;
	int rounds = argc > 3 ? atoi(argv[3]) : 5;
	bench_lines l;
	if (!bench_lines_make(&l, n, providers))
		return 1;
	const inami_nomenclature *nom;
	if (inami_nomenclature_default(&nom) != INAMI_OK)
		return 1;
	const char *names[] = { "undated", "dated" };
	for (int grouped = 0; grouped < 2; grouped++) {
		if (grouped && !bench_lines_group(&l))
			return 1;
		for (int dated = 0; dated < 2; dated++) {
			double best = 1e9, best_cpu = 1e9;
			int64_t m = 0;
			for (int r = 0; r < rounds; r++) {
				inami_billing *b;
				if (inami_billing_new(&b, nom, providers, 0) != INAMI_OK)
					return 1;
				double t0 = now(), c0 = cpu();
				if (inami_billing_add(b, l.code, l.qty, dated ? l.date : NULL, l.prov, n) != INAMI_OK) {
					fprintf(stderr, "%s\n", inami_error_last());
					return 1;
				}
				double t = now() - t0, c = cpu() - c0;
				best = t < best ? t : best;
				best_cpu = c < best_cpu ? c : best_cpu;
				int64_t *kv = malloc(providers * 3 * sizeof(int64_t));
				inami_billing_results(b, kv, NULL, NULL, NULL, providers);
				m = 0;
				for (size_t p = 0; p < providers; p++)
					m += kv[p * 3];
				free(kv);
				inami_billing_free(b);
			}
			printf("in-memory totals (%s order, %s, %zu lines, %zu providers, 1 core): %.4f s best of %d = "
				"%.0f million lines/s (CPU time %.4f s; check: M total %lld)\n",
				grouped ? "grouped" : "random", names[dated], n, providers, best, rounds, n / best / 1e6,
				best_cpu, (long long)(m / 100));
		}
	}
	bench_lines_free(&l);
	return 0;
}
