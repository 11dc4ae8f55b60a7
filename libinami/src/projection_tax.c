/*
 * Exit taxation figures, from the embedded rules' [law exit_taxation] sections
 * (libinami/data/law.rules): the latest section in force. A caller with its
 * own rules reads them with inami_rules_law_figure().
 */
#include <string.h>

#include "allocate_internal.h"
#include "error.h"
#include "rules_model.h"

int inami_exit_figure(const char *id, int32_t *bp, inami_provenance *provenance, const char **source)
{
	const inami_ruleset *rs;
	inami_figure f = INAMI_FIGURE_INIT;
	int st;

	INAMI_CHECK_NULL(id);
	INAMI_CHECK_NULL(bp);
	char known[256];
	if (!inami__law_single_key("exit_taxation", id, known, sizeof(known)))
		return inami__fail(INAMI_ENOTFOUND, "unknown exit-taxation figure '%s' (known: %s)", id, known);
	if ((st = inami_ruleset_default(&rs)) != INAMI_OK || (st = inami_rules_law_figure(rs, "exit_taxation", 0, id, &f)) != INAMI_OK)
		return st;
	if (f.provenance == INAMI_PROV_NOT_FOUND)
		return inami__fail(INAMI_ENORULES, "the exit-taxation figure '%s' is NOT FOUND in the sources", id);
	*bp = (int32_t)f.value;
	if (provenance)
		*provenance = f.provenance;
	if (source)
		*source = f.source;
	return INAMI_OK;
}

int inami_exit_annuity_rate(int age, int32_t *bp, int *years, inami_provenance *provenance,
	const char **source)
{
	const inami_ruleset *rs;
	inami_figure f = INAMI_FIGURE_INIT;
	int y = 0, st;

	INAMI_CHECK_NULL(bp);
	if ((st = inami_ruleset_default(&rs)) != INAMI_OK || (st = inami__rules_law_annuity(rs, 0, age, &f, &y)) != INAMI_OK)
		return st;
	if (f.provenance == INAMI_PROV_NOT_FOUND)
		return inami__fail(INAMI_ENORULES, "the notional annuity rate for an age of %d is NOT FOUND in the sources", age);
	*bp = (int32_t)f.value;
	if (years)
		*years = y;
	if (provenance)
		*provenance = f.provenance;
	if (source)
		*source = f.source;
	return INAMI_OK;
}
