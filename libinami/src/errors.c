/* Status texts, the per-thread last error and the struct version check. */
#include <stdarg.h>
#include <stdio.h>

#include "error.h"

static _Thread_local char last_message[1024];
static _Thread_local int last_status;

const char *inami_strerror(int status)
{
	switch (status) {
	case INAMI_OK: return "no error";
	case INAMI_EINVAL: return "invalid argument";
	case INAMI_ENULL: return "NULL pointer argument";
	case INAMI_EVERSION: return "unknown struct version";
	case INAMI_ENOPROFESSION: return "unknown profession";
	case INAMI_ENORULES: return "no rules for that profession and premium year";
	case INAMI_ENEGATIVE: return "negative value";
	case INAMI_EOVERFLOW: return "value overflows";
	case INAMI_ENOMEM: return "out of memory";
	case INAMI_EPARSE: return "malformed input";
	case INAMI_EIO: return "input/output error";
	case INAMI_EDERIVED: return "answer needs a DERIVED figure that was not allowed";
	case INAMI_ENOTFOUND: return "unknown identifier";
	case INAMI_ESTATE: return "not allowed in the current state";
	case INAMI_ERANGE: return "value out of range";
	case INAMI_EBUFS: return "buffer too small";
	default: return "unknown status";
	}
}

int inami__fail(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(last_message, sizeof(last_message), fmt, ap);
	va_end(ap);
	last_status = status;
	return status;
}

int inami__check_version(unsigned int version, unsigned int current, const char *type)
{
	if (version >= 1 && version <= current)
		return INAMI_OK;
	return inami__fail(INAMI_EVERSION, "%s version %u is unknown (this library knows 1 to %u); "
		"initialise it with its _INIT macro or _init() function", type, version, current);
}

const char *inami_error_last(void)
{
	return last_message;
}

int inami_error_last_status(void)
{
	return last_status;
}

void inami_error_clear(void)
{
	last_message[0] = '\0';
	last_status = INAMI_OK;
}
