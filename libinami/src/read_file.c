/* Reading a whole file into memory, with one set of error messages. */
#include <stdio.h>
#include <stdlib.h>

#include "error.h"
#include "read_file.h"

int inami__read_file(const char *path, const char *what, size_t max, char **data, size_t *len)
{
	char *buf = NULL;
	size_t used = 0, cap = 0;
	FILE *f = fopen(path, "rb");

	*data = NULL;
	*len = 0;
	if (f == NULL)
		return inami__fail(INAMI_EIO, "cannot open %s '%s'", what, path);
	for (;;) {
		if (cap - used < 4096) {
			size_t ncap = cap ? cap * 2 : 65536;
			char *grown = ncap > max + 4097 ? NULL : realloc(buf, ncap);
			if (grown == NULL) {
				int too_large = ncap > max + 4097;
				free(buf);
				fclose(f);
				if (too_large)
					return inami__fail(INAMI_EPARSE, "%s: a %s is at most %zu MiB", path, what, max >> 20);
				return inami__fail(INAMI_ENOMEM, "out of memory reading %s '%s'", what, path);
			}
			buf = grown;
			cap = ncap;
		}
		size_t got = fread(buf + used, 1, cap - used - 1, f);
		used += got;
		if (got == 0)
			break;
		if (used > max) {
			free(buf);
			fclose(f);
			return inami__fail(INAMI_EPARSE, "%s: a %s is at most %zu MiB", path, what, max >> 20);
		}
	}
	int err = ferror(f);
	fclose(f);
	if (err) {
		free(buf);
		return inami__fail(INAMI_EIO, "cannot read %s '%s'", what, path);
	}
	buf[used] = '\0';
	*data = buf;
	*len = used;
	return INAMI_OK;
}
