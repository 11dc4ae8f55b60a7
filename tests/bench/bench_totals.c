/*
 * Micro-benchmark of the in-memory totals (inami_billing_add) on one core:
 * the lines of bench_lines.h (N lines over P providers), reported in lines per second,
 * best of R rounds, for the lines in random provider order and the same lines
 * grouped by provider (as billing exports usually are), undated and dated.
 * Wall time is the figure; the thread's CPU time is printed next to it to
 * show when the machine was busy. For undated lines a peer runs in the same
 * rounds, interleaved: a plain C loop as one would write it by hand (a code
 * table, 64-bit adds into per-provider arrays, no checks), so that the ratio
 * stays meaningful when the machine's speed drifts between runs. A second
 * peer, also interleaved, is the floor of the library's way of adding: each
 * line only adds its quantity into its provider's 32-byte row, rows
 * prefetched as the library does, no code looked up; the library's share of
 * its speed shows how much any change to the per-line work could still gain.
 * Run by tests/bench/bench_mvalues.sh.
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

/* The peer's code table: value and key letter of every code valued on an undated line, letter -1 otherwise. */
typedef struct peer_code {
	int32_t value;
	int32_t letter;
} peer_code;

#define PEER_CODES 1000000

static peer_code *peer_table(const inami_nomenclature *nom)
{
	peer_code *t = malloc(PEER_CODES * sizeof(*t));
	if (t == NULL)
		return NULL;
	for (int32_t c = 0; c < PEER_CODES; c++) {
		inami_code_info info;
		memset(&info, 0, sizeof(info));
		info.version = INAMI_CODE_INFO_VERSION;
		/* as the library without INAMI_BILLING_ALLOW_DERIVED: DERIVED and illustrative values do not count */
		int ok = inami_nomenclature_lookup(nom, c, 0, &info) == INAMI_OK && info.provenance < INAMI_PROV_DERIVED;
		t[c].value = ok ? (int32_t)info.value : 0;
		t[c].letter = ok ? (int32_t)info.key_letter : -1;
	}
	return t;
}

/* The peer's totals per provider: key values (3 a provider), prestations, unvalued quantities. */
typedef struct peer_totals {
	int64_t *key_values, *prestations, *unvalued;
} peer_totals;

static void peer_add(const peer_code *t, const bench_lines *l, peer_totals *out)
{
	for (size_t i = 0; i < l->n; i++) {
		uint32_t c = (uint32_t)l->code[i];
		int64_t q = l->qty[i];
		size_t p = l->prov[i];
		peer_code e = c < PEER_CODES ? t[c] : (peer_code){ 0, -1 };
		out->prestations[p] += q;
		if (e.letter >= 0)
			out->key_values[p * 3 + (size_t)e.letter] += q * e.value;
		else
			out->unvalued[p] += q;
	}
}

/* One round of the peer: its time; its M total (units) in *m. Negative when out of memory. */
static double peer_round(const peer_code *t, const bench_lines *l, int64_t *m)
{
	size_t np = l->providers;
	peer_totals out = { calloc(np * 3, sizeof(int64_t)), calloc(np, sizeof(int64_t)), calloc(np, sizeof(int64_t)) };
	double seconds = -1;
	if (out.key_values && out.prestations && out.unvalued) {
		/* touch the pages first, as inami_billing_new() does for its rows */
		memset(out.key_values, 0, np * 3 * sizeof(int64_t));
		memset(out.prestations, 0, np * sizeof(int64_t));
		memset(out.unvalued, 0, np * sizeof(int64_t));
		double t0 = now();
		peer_add(t, l, &out);
		seconds = now() - t0;
		*m = 0;
		for (size_t p = 0; p < np; p++)
			*m += out.key_values[p * 3];
		*m /= 100;
	}
	free(out.key_values);
	free(out.prestations);
	free(out.unvalued);
	return seconds;
}

/* Lines ahead whose rows the floor peer prefetches, as billing_kernel.c. */
#define FLOOR_AHEAD 32

/* The floor peer's loop: each line's quantity into the 4 lanes of its provider's 32-byte row. */
static void floor_add(int64_t (*rows)[4], const bench_lines *l)
{
	size_t n = l->n;
	for (size_t i = 0; i < n; i++) {
		if (i + FLOOR_AHEAD < n)
			__builtin_prefetch(rows[l->prov[i + FLOOR_AHEAD]], 1);
		int64_t *row = rows[l->prov[i]], q = l->qty[i];
		row[0] += q;
		row[1] += q;
		row[2] += q;
		row[3] += q;
	}
}

/* One round of the floor peer: its time; the sum of the quantities in *qsum. Negative when out of memory. */
static double floor_round(const bench_lines *l, int64_t *qsum)
{
	size_t np = l->providers;
	int64_t (*rows)[4] = aligned_alloc(32, np * sizeof(*rows));
	if (rows == NULL)
		return -1;
	memset(rows, 0, np * sizeof(*rows));
	double t0 = now();
	floor_add(rows, l);
	double seconds = now() - t0;
	*qsum = 0;
	for (size_t p = 0; p < np; p++)
		*qsum += rows[p][3];
	free(rows);
	return seconds;
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
	peer_code *table = peer_table(nom);
	if (table == NULL)
		return 1;
	const char *names[] = { "undated", "dated" };
	for (int grouped = 0; grouped < 2; grouped++) {
		if (grouped && !bench_lines_group(&l))
			return 1;
		for (int dated = 0; dated < 2; dated++) {
			double best = 1e9, best_cpu = 1e9, best_peer = 1e9, best_floor = 1e9;
			int64_t m = 0, m_peer = 0, q_floor = 0, q_inami = 0;
			for (int r = 0; r < rounds; r++) {
				if (!dated) {
					double t = peer_round(table, &l, &m_peer);
					if (t < 0)
						return 1;
					best_peer = t < best_peer ? t : best_peer;
					t = floor_round(&l, &q_floor);
					if (t < 0)
						return 1;
					best_floor = t < best_floor ? t : best_floor;
				}
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
				int64_t *pr = malloc(providers * sizeof(int64_t));
				if (kv == NULL || pr == NULL)
					return 1;
				inami_billing_results(b, kv, pr, NULL, NULL, providers);
				m = q_inami = 0;
				for (size_t p = 0; p < providers; p++) {
					m += kv[p * 3];
					q_inami += pr[p];
				}
				free(kv);
				free(pr);
				inami_billing_free(b);
			}
			printf("in-memory totals (%s order, %s, %zu lines, %zu providers, 1 core): %.4f s best of %d = "
				"%.0f million lines/s (CPU time %.4f s; check: M total %lld)\n",
				grouped ? "grouped" : "random", names[dated], n, providers, best, rounds, n / best / 1e6,
				best_cpu, (long long)(m / 100));
			if (!dated)
				printf("  plain C loop, same lines, rounds interleaved: %.4f s = %.0f million lines/s -> inami "
					"is %.2fx as fast (check: M total %lld%s)\n", best_peer, n / best_peer / 1e6,
					best_peer / best, (long long)m_peer, m_peer == m / 100 ? ", equal" : ", DIFFERENT");
			if (!dated)
				printf("  32-byte row updates alone (no code looked up), same lines, rounds interleaved: %.4f s = "
					"%.0f million lines/s -> inami runs at %.0f%% of it (check: prestations %lld%s)\n",
					best_floor, n / best_floor / 1e6, 100 * best_floor / best, (long long)q_floor,
					q_floor == q_inami ? ", equal" : ", DIFFERENT");
		}
	}
	free(table);
	bench_lines_free(&l);
	return 0;
}
