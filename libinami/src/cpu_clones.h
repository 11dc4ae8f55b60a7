/*
 * Internal: whether hot loops may be compiled for several x86-64 levels and
 * picked at load time (target_clones: an ifunc). Not under AddressSanitizer,
 * whose instrumentation and the ifunc resolvers do not mix (with clang the
 * clones are then not even emitted), nor with INAMI_NO_CLONES (the baseline
 * code alone, e.g. to test it on an AVX2 machine).
 */
#ifndef INAMI_CPU_CLONES_H
#define INAMI_CPU_CLONES_H

#if defined(__SANITIZE_ADDRESS__)
#define INAMI_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define INAMI_ASAN 1
#endif
#endif

#if defined(__x86_64__) && defined(__GNUC__) && !defined(INAMI_ASAN) && !defined(INAMI_NO_CLONES)
#define INAMI_CLONES 1
#endif

#endif
