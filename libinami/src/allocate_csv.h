/*
 * Internal: the small sourced CSV tables of allocation, projection and the
 * procedure calendar (RFC 4180 subset: comma separated, "quoted" fields with
 * "" escapes, first row = column names, every row as wide as the header).
 */
#ifndef INAMI_ALLOCATE_CSV_H
#define INAMI_ALLOCATE_CSV_H

#include <stddef.h>
#include <stdint.h>

typedef struct csv_table {
	size_t rows;      /* data rows (header excluded) */
	size_t cols;
	char **cells;     /* (rows + 1) * cols, row 0 = header */
	int *lines;       /* file line of each row, header included */
} csv_table;

/* Parse `text`; on error returns a status and raises a message "name:line: ...". */
int inami__csv_parse(const char *text, size_t len, const char *name, csv_table *out);
void inami__csv_free(csv_table *t);
/* Column index of `name`, or -1. */
int inami__csv_column(const csv_table *t, const char *name);
/* Cell of data row `row` (0-based) in column `col`. */
const char *inami__csv_cell(const csv_table *t, size_t row, int col);
/* Parse an embedded data file by name (libinami/data/<name>). */
int inami__csv_embedded(const char *name, csv_table *out);

/* round(amount x bp / 10000) half-up, for amount >= 0 and 0 <= bp; INAMI_EOVERFLOW if too large. */
int inami__apply_bp(int64_t amount, int32_t bp, int64_t *out);

#endif
