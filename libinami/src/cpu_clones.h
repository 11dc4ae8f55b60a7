/*
 * Internal: whether hot loops may be compiled for several x86-64 levels and
 * picked at load time (target_clones: an ifunc). Not under AddressSanitizer
 * or ThreadSanitizer: the ifunc resolvers run while the dynamic linker
 * relocates, before the sanitizer runtime is ready, and their instrumented
 * code crashes there (clang) or is not emitted. Nor with INAMI_NO_CLONES
 * (the baseline code alone, e.g. to test it on an AVX2 machine).
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

#endif
