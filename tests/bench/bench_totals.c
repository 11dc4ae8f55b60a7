/*
 * Micro-benchmark of the in-memory totals (inami_billing_add) on one core:
 * N lines (structure of arrays) over P providers, codes drawn from the
 * embedded nomenclature with ~2% unknown codes and ~2% on a code with two
 * validity periods (713016), ~2% corrections, reported in lines per second,
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

/* Reorder the lines so that each provider's lines are contiguous (counting sort, stable). */
static void group(int32_t *code, int32_t *qty, int32_t *date, uint32_t *prov, size_t n, size_t providers)
{
	size_t *start = calloc(providers + 1, sizeof(size_t));
	int32_t *c2 = malloc(n * sizeof(int32_t)), *q2 = malloc(n * sizeof(int32_t)), *d2 = malloc(n * sizeof(int32_t));
	uint32_t *p2 = malloc(n * sizeof(uint32_t));
	if (!start || !c2 || !q2 || !d2 || !p2)
		exit(1);
	for (size_t i = 0; i < n; i++)
		start[prov[i] + 1]++;
	for (size_t p = 0; p < providers; p++)
		start[p + 1] += start[p];
	for (size_t i = 0; i < n; i++) {
		size_t j = start[prov[i]]++;
		c2[j] = code[i];
		q2[j] = qty[i];
		d2[j] = date[i];
		p2[j] = prov[i];
	}
	memcpy(code, c2, n * sizeof(int32_t));
	memcpy(qty, q2, n * sizeof(int32_t));
	memcpy(date, d2, n * sizeof(int32_t));
	memcpy(prov, p2, n * sizeof(uint32_t));
	free(start);
	free(c2);
	free(q2);
	free(d2);
	free(p2);
}

static uint64_t rng = 88172645463325252ull;
static uint32_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng >> 16);
}

int main(int argc, char **argv)
{
	size_t n = argc > 1 ? strtoull(argv[1], NULL, 10) : 20000000;
	size_t providers = argc > 2 ? strtoull(argv[2], NULL, 10) : 20000;
	int rounds = argc > 3 ? atoi(argv[3]) : 5;
	static const int32_t codes[] = { 560011, 560011, 560011, 560416, 560033, 560055, 560092, 561245,
		422052, 422030, 421993, 713016, 701013, 702015, 560011, 560011, 560416, 560011, 560033, 560011,
		560011, 560416, 560011, 560011, 560011, 560416, 560011, 560011, 560033, 560011, 560011, 560011,
		560011, 560416, 560011, 560011, 560011, 560416, 560011, 560011, 560033, 560011, 560011, 560011,
		560011, 560416, 560011, 560011, 567011 /* unknown: ~2% */ };
	int32_t *code = malloc(n * sizeof(int32_t)), *qty = malloc(n * sizeof(int32_t));
	int32_t *date = malloc(n * sizeof(int32_t));
	uint32_t *prov = malloc(n * sizeof(uint32_t));
	if (!code || !qty || !date || !prov)
		return 1;
	for (size_t i = 0; i < n; i++) {
		uint32_t r = next();
		code[i] = codes[r % (sizeof(codes) / sizeof(codes[0]))];
		qty[i] = (r >> 8) % 50 == 0 ? -1 : 1;
		prov[i] = next() % (uint32_t)providers;
		date[i] = 20220101 + (int32_t)((r >> 12) % 12) * 100 + (int32_t)((r >> 20) % 28);
	}
	const inami_nomenclature *nom;
	if (inami_nomenclature_default(&nom) != INAMI_OK)
		return 1;
	const char *names[] = { "undated", "dated" };
	for (int grouped = 0; grouped < 2; grouped++) {
		if (grouped)
			group(code, qty, date, prov, n, providers);
		for (int dated = 0; dated < 2; dated++) {
			double best = 1e9, best_cpu = 1e9;
			int64_t m = 0;
			for (int r = 0; r < rounds; r++) {
				inami_billing *b;
				if (inami_billing_new(&b, nom, providers, 0) != INAMI_OK)
					return 1;
				double t0 = now(), c0 = cpu();
				if (inami_billing_add(b, code, qty, dated ? date : NULL, prov, n) != INAMI_OK) {
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
	free(code);
	free(qty);
	free(date);
	free(prov);
	return 0;
}
