/*
 * Internal: whether hot loops may be compiled for several x86-64 levels and
 * picked at load time (target_clones: an ifunc). Not under AddressSanitizer
 * or ThreadSanitizer: the ifunc resolvers run while the dynamic linker
 * relocates, before the sanitizer runtime is ready, and their instrumented
 * code crashes there (clang) or is not emitted. Nor with INAMI_NO_CLONES
 * (the baseline code alone, e.g. to test it on an AVX2 machine).
 *
 * Also the run-time choice (cpu_choice) of the loops that pick their variant
 * themselves (the billing kernels, the CSV fast path): no ifunc, so they run
 * in sanitizer builds too.
 */
#ifndef INAMI_CPU_CLONES_H
#define INAMI_CPU_CLONES_H

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define INAMI_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define INAMI_SANITIZED 1
#endif
#endif

#if defined(__x86_64__) && defined(__GNUC__) && !defined(INAMI_SANITIZED) && !defined(INAMI_NO_CLONES)
#define INAMI_CLONES 1
#endif

/*
 * A run-time choice between two variants of a hot loop, kept in *slot: -1
 * not made yet, else what available() said (1: the CPU runs the faster
 * variant). Threads may make it at once: they store the same value, with
 * atomic accesses.
 */
static inline int cpu_choice(int *slot, int (*available)(void))
{
	int v = __atomic_load_n(slot, __ATOMIC_RELAXED);
	if (v < 0) {
		v = available();
		__atomic_store_n(slot, v, __ATOMIC_RELAXED);
	}
	return v;
}

/* Tests: force the choice (on only where available). Returns the previous choice. */
static inline int cpu_choice_force(int *slot, int (*available)(void), int on)
{
	int was = cpu_choice(slot, available);
	__atomic_store_n(slot, on && available(), __ATOMIC_RELAXED);
	return was;
}

#endif
