/* Internal: read a whole file into memory (rules, nomenclature and products loaders). */
#ifndef INAMI_READ_FILE_H
#define INAMI_READ_FILE_H

#include <stddef.h>

/*
 * Read `path` into a new buffer (`*data`, freed with free(); never NULL on
 * success, NUL-terminated) of `*len` bytes. `what` names the file in messages
 * ("rules file"); a file larger than `max` bytes is INAMI_EPARSE. Errors:
 * INAMI_EIO (cannot open or read), INAMI_ENOMEM, INAMI_EPARSE (too large).
 */
int inami__read_file(const char *path, const char *what, size_t max, char **data, size_t *len);

#endif
