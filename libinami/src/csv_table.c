/* A small CSV reader for the sourced tables under libinami/data/. */
#include <stdlib.h>
#include <string.h>

#include "csv_table.h"
#include "embedded.h"
#include "error.h"

typedef struct growable {
	char **items;
	int *lines;
	size_t len, cap;
} growable;

static int push(growable *g, char *cell, int line)
{
	if (g->len == g->cap) {
		size_t cap = g->cap ? g->cap * 2 : 64;
		char **items = realloc(g->items, cap * sizeof(*items));
		if (items == NULL)
			return -1;
		g->items = items;
		int *lines = realloc(g->lines, cap * sizeof(*lines));
		if (lines == NULL)
			return -1;
		g->lines = lines;
		g->cap = cap;
	}
	g->items[g->len] = cell;
	g->lines[g->len++] = line;
	return 0;
}

static void drop(growable *g)
{
	for (size_t i = 0; i < g->len; i++)
		free(g->items[i]);
	free(g->items);
	free(g->lines);
}

/* Read one field starting at text[*pos]; leaves *pos on the separator, newline or end. */
static int read_field(const char *text, size_t len, size_t *pos, int *line, char **out)
{
	size_t i = *pos, n = 0;
	char *cell = malloc(len - i + 1);

	if (cell == NULL)
		return INAMI_ENOMEM;
	if (i < len && text[i] == '"') {
		for (i++;; i++) {
			if (i >= len) {
				free(cell);
				return INAMI_EPARSE;
			}
			if (text[i] == '"') {
				if (i + 1 < len && text[i + 1] == '"') {
					cell[n++] = '"';
					i++;
					continue;
				}
				i++;
				break;
			}
			if (text[i] == '\n')
				(*line)++;
			cell[n++] = text[i];
		}
		if (i < len && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
			free(cell);
			return INAMI_EPARSE;
		}
	} else {
		while (i < len && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
			if (text[i] == '"') {
				free(cell);
				return INAMI_EPARSE;
			}
			cell[n++] = text[i++];
		}
	}
	cell[n] = '\0';
	/* The cell was sized for the rest of the text: give the excess back now,
	 * or a file of many cells would hold cells x file size. */
	char *fitted = realloc(cell, n + 1);
	*pos = i;
	*out = fitted ? fitted : cell;
	return INAMI_OK;
}

int inami__csv_table_parse(const char *text, size_t len, const char *name, csv_table *out)
{
	growable g = { NULL, NULL, 0, 0 };
	size_t pos = 0, cols = 0, row_cells = 0;
	int line = 1, row_line = 1;

	memset(out, 0, sizeof(*out));
	while (pos < len) {
		char *cell;
		if (row_cells == 0) {
			if (text[pos] == '\n' || text[pos] == '\r') {   /* blank line */
				if (text[pos] == '\n')
					line++;
				pos++;
				continue;
			}
			row_line = line;
		}
		int st = read_field(text, len, &pos, &line, &cell);
		if (st != INAMI_OK) {
			drop(&g);
			if (st == INAMI_ENOMEM)
				return inami__fail(st, "%s: out of memory", name);
			return inami__fail(st, "%s:%d: malformed quoted field (in the row starting on this line)", name, row_line);
		}
		if (push(&g, cell, row_line) != 0) {
			free(cell);
			drop(&g);
			return inami__fail(INAMI_ENOMEM, "%s: out of memory", name);
		}
		row_cells++;
		if (pos < len && text[pos] == ',') {
			pos++;
			if (pos < len && text[pos] != '\n' && text[pos] != '\r')
				continue;
			/* a trailing comma ends the row with an empty field */
			char *empty = calloc(1, 1);
			if (empty == NULL || push(&g, empty, row_line) != 0) {
				free(empty);
				drop(&g);
				return inami__fail(INAMI_ENOMEM, "%s: out of memory", name);
			}
			row_cells++;
		}
		if (pos < len && text[pos] == '\r')
			pos++;
		if (pos < len && text[pos] == '\n') {
			pos++;
			line++;
		}
		if (cols == 0)
			cols = row_cells;
		else if (row_cells != cols) {
			drop(&g);
			return inami__fail(INAMI_EPARSE, "%s:%d: %zu fields where the header has %zu",
				name, row_line, row_cells, cols);
		}
		row_cells = 0;
	}
	if (cols == 0) {
		drop(&g);
		return inami__fail(INAMI_EPARSE, "%s: empty table", name);
	}
	out->cells = g.items;
	out->lines = malloc((g.len / cols) * sizeof(int));
	if (out->lines == NULL) {
		drop(&g);
		return inami__fail(INAMI_ENOMEM, "%s: out of memory", name);
	}
	for (size_t r = 0; r < g.len / cols; r++)
		out->lines[r] = g.lines[r * cols];
	free(g.lines);
	out->cols = cols;
	out->rows = g.len / cols - 1;
	return INAMI_OK;
}

void inami__csv_table_free(csv_table *t)
{
	if (t->cells)
		for (size_t i = 0; i < (t->rows + 1) * t->cols; i++)
			free(t->cells[i]);
	free(t->cells);
	free(t->lines);
	memset(t, 0, sizeof(*t));
}

int inami__csv_table_column(const csv_table *t, const char *name)
{
	for (size_t c = 0; c < t->cols; c++)
		if (strcmp(t->cells[c], name) == 0)
			return (int)c;
	return -1;
}

const char *inami__csv_table_cell(const csv_table *t, size_t row, int col)
{
	return t->cells[(row + 1) * t->cols + (size_t)col];
}

int inami__csv_table_embedded(const char *name, csv_table *out)
{
	for (const inami_embedded_file *f = inami__embedded_files; f->name; f++)
		if (strcmp(f->name, name) == 0)
			return inami__csv_table_parse(f->text, f->len, name, out);
	return inami__fail(INAMI_ENORULES, "the data file %s is not embedded in this build", name);
}
