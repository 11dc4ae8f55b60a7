/* The functions of common.h that have no file of their own: version and inami_free(). */
#include <stdlib.h>

#include "inami/common.h"

const char *inami_version(void)
{
	return INAMI_VERSION;
}

int inami_version_number(void)
{
	return INAMI_VERSION_NUMBER;
}

void inami_free(void *ptr)
{
	free(ptr);
}
