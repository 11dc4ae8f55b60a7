/*
 * Internal: a reader for the small sourced CSV tables under libinami/data/
 * (RFC 4180 subset: comma separated, "quoted" fields with "" escapes, first
 * row = column names, every row as wide as the header).
 */
#ifndef INAMI_CSV_TABLE_H
#define INAMI_CSV_TABLE_H

#include <stddef.h>

typedef struct csv_table {
	size_t rows;      /* data rows (header excluded) */
	size_t cols;
	char **cells;     /* (rows + 1) * cols, row 0 = header */
	int *lines;       /* file line of each row, header included */
} csv_table;

/* Parse `text`; on error returns a status and raises a message "name:line: ...". */
int inami__csv_table_parse(const char *text, size_t len, const char *name, csv_table *out);
void inami__csv_table_free(csv_table *t);
/* Column index of `name`, or -1. */
int inami__csv_table_column(const csv_table *t, const char *name);
/* Cell of data row `row` (0-based) in column `col`. */
const char *inami__csv_table_cell(const csv_table *t, size_t row, int col);
/* Parse an embedded data file by name (libinami/data/<name>). */
int inami__csv_table_embedded(const char *name, csv_table *out);

#endif
