/* Exit taxation figures from libinami/data/exit_taxation.csv (read once). */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "allocate_internal.h"
#include "csv_table.h"
#include "error.h"

static pthread_once_t tax_once = PTHREAD_ONCE_INIT;
static csv_table tax;                 /* kept for the life of the process */
static int tax_status;
static char tax_message[512];
static int c_id, c_from, c_to, c_value, c_years, c_prov, c_source;

static void load_tax(void)
{
	int st = inami__csv_table_embedded("exit_taxation.csv", &tax);

	if (st == INAMI_OK) {
		c_id = inami__csv_table_column(&tax, "id"), c_from = inami__csv_table_column(&tax, "from_age");
		c_to = inami__csv_table_column(&tax, "to_age"), c_value = inami__csv_table_column(&tax, "value_bp");
		c_years = inami__csv_table_column(&tax, "years"), c_prov = inami__csv_table_column(&tax, "provenance");
		c_source = inami__csv_table_column(&tax, "source");
		if (c_id < 0 || c_from < 0 || c_to < 0 || c_value < 0 || c_years < 0 || c_prov < 0 || c_source < 0)
			st = inami__fail(INAMI_EPARSE, "exit_taxation.csv: a column is missing");
	}
	for (size_t r = 0; st == INAMI_OK && r < tax.rows; r++) {
		long v;
		inami_provenance prov;
		if (inami__alloc_parse_int(inami__csv_table_cell(&tax, r, c_value), 0, 10000, &v) != 0
			|| inami__alloc_provenance_parse(inami__csv_table_cell(&tax, r, c_prov), &prov) != INAMI_OK)
			st = inami__fail(INAMI_EPARSE, "exit_taxation.csv:%d: bad value_bp or provenance",
				tax.lines[r + 1]);
	}
	if (st != INAMI_OK) {
		tax_status = st;
		snprintf(tax_message, sizeof(tax_message), "%s", inami_error_last());
	}
}

static int ready(void)
{
	pthread_once(&tax_once, load_tax);
	if (tax_status != INAMI_OK)
		return inami__fail(tax_status, "%s", tax_message);
	return INAMI_OK;
}

static void row_out(size_t r, int32_t *bp, inami_provenance *provenance, const char **source)
{
	long v = 0;
	inami__alloc_parse_int(inami__csv_table_cell(&tax, r, c_value), 0, 10000, &v);
	*bp = (int32_t)v;
	if (provenance)
		inami__alloc_provenance_parse(inami__csv_table_cell(&tax, r, c_prov), provenance);
	if (source)
		*source = inami__csv_table_cell(&tax, r, c_source);
}

int inami_exit_figure(const char *id, int32_t *bp, inami_provenance *provenance, const char **source)
{
	INAMI_CHECK_NULL(id);
	INAMI_CHECK_NULL(bp);
	int st = ready();
	if (st != INAMI_OK)
		return st;
	if (strcmp(id, "annuity_rate") != 0) {
		for (size_t r = 0; r < tax.rows; r++) {
			if (strcmp(inami__csv_table_cell(&tax, r, c_id), id) == 0) {
				row_out(r, bp, provenance, source);
				return INAMI_OK;
			}
		}
	}
	return inami__fail(INAMI_ENOTFOUND, "unknown exit-taxation figure '%s' (known: inami_levy, "
		"solidarity_levy_min, solidarity_levy_max, annuity_base_full_career, annuity_base_other)", id);
}

int inami_exit_annuity_rate(int age, int32_t *bp, int *years, inami_provenance *provenance,
	const char **source)
{
	INAMI_CHECK_NULL(bp);
	int st = ready();
	if (st != INAMI_OK)
		return st;
	for (size_t r = 0; r < tax.rows; r++) {
		long from, to = 1000, y = 0;
		if (strcmp(inami__csv_table_cell(&tax, r, c_id), "annuity_rate") != 0)
			continue;
		if (inami__alloc_parse_int(inami__csv_table_cell(&tax, r, c_from), 0, 200, &from) != 0)
			continue;
		if (inami__csv_table_cell(&tax, r, c_to)[0] && inami__alloc_parse_int(inami__csv_table_cell(&tax, r, c_to), 0, 200, &to) != 0)
			continue;
		if (age < from || age > to)
			continue;
		if (inami__alloc_parse_int(inami__csv_table_cell(&tax, r, c_years), 1, 100, &y) != 0)
			return inami__fail(INAMI_EPARSE, "exit_taxation.csv:%d: bad years", tax.lines[r + 1]);
		row_out(r, bp, provenance, source);
		if (years)
			*years = (int)y;
		return INAMI_OK;
	}
	return inami__fail(INAMI_ENORULES, "no notional annuity rate for an age of %d at exit", age);
}
