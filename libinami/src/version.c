/* The run-time library version. */
#include "inami/common.h"

const char *inami_version(void)
{
	return INAMI_VERSION;
}

int inami_version_number(void)
{
	return INAMI_VERSION_NUMBER;
}
