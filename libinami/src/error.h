/* Internal: raising errors with a message kept per thread. */
#ifndef INAMI_ERROR_H
#define INAMI_ERROR_H

#include "inami/common.h"

/* Record `status` and a printf-style message for the calling thread; returns `status`. */
int inami__fail(int status, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/* Return INAMI_ENULL with a message naming the argument when `ptr` is NULL. */
#define INAMI_CHECK_NULL(ptr) \
	do { if ((ptr) == NULL) return inami__fail(INAMI_ENULL, "%s: argument '%s' is NULL", __func__, #ptr); } while (0)

#endif
