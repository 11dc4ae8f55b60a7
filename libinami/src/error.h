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

/*
 * INAMI_OK when 1 <= version <= current, else INAMI_EVERSION with a message
 * naming the struct. A caller compiled against an older header passes an
 * older version, which stays accepted: code reading a field added in version
 * N must first check that the caller's version is at least N.
 */
int inami__check_version(unsigned int version, unsigned int current, const char *type);

/* Return from the calling function when inami__check_version() refuses. */
#define INAMI_CHECK_VERSION(version, current, type) \
	do { int st_ = inami__check_version((version), (current), (type)); \
	     if (st_ != INAMI_OK) return st_; } while (0)

#endif
