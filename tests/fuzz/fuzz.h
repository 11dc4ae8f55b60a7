/*
 * Shared by the fuzz harnesses: the libFuzzer entry point and a check that
 * aborts (so libFuzzer and the replay runner both report it) when an
 * invariant of the library is broken, for example a failing call that left
 * no message.
 */
#ifndef INAMI_FUZZ_H
#define INAMI_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <inami/inami.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_ASSERT(cond) do { \
	if (!(cond)) { \
		fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #cond); \
		abort(); \
	} \
} while (0)

/* A failing call returns a negative status and leaves a non-empty message. */
#define FUZZ_FAILED_CLEANLY(rc) do { \
	FUZZ_ASSERT((rc) < 0); \
	FUZZ_ASSERT(inami_error_last()[0] != '\0'); \
} while (0)

#endif
