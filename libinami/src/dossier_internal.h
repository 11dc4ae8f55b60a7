/* Internal: the procedure calendar shared by dossier.c and the timeline. */
#ifndef INAMI_DOSSIER_INTERNAL_H
#define INAMI_DOSSIER_INTERNAL_H

#include "inami/dossier.h"
#include "inami/rules.h"

#define MILESTONE_COUNT 9
extern const char *const inami__milestone_ids[MILESTONE_COUNT];

typedef struct calendar_entry {
	int found;
	inami_date date;
	inami_date_precision precision;
	int relative_days;
	const char *rule, *source, *note;   /* in the rules read */
	inami_provenance provenance;
} calendar_entry;

/*
 * The calendar of `rules` ([law calendar] sections; NULL: the embedded rules).
 * INAMI_OK when the automated procedure covers the profession's premium year, else INAMI_ENORULES.
 */
int inami__calendar_covers(const inami_ruleset *rules, inami_profession profession, int year);

/* The calendar rule for a milestone (found = 0 when the data has none for that year); strings live in `rules`. */
int inami__calendar_get(const inami_ruleset *rules, inami_profession profession, int year, const char *milestone,
	calendar_entry *out);

/*
 * The contest window of a premium year in calendar days after the decision's
 * notification, and its source, from the procedure calendar: what every text
 * stating the window quotes. INAMI_ENORULES when the calendar gives none.
 */
int inami__calendar_contest_days(const inami_ruleset *rules, inami_profession profession, int year, int *days,
	const char **source);

/* "2021-08-31" / "2021-09" into buf (>= 11 bytes). */
void inami__milestone_iso(inami_date date, inami_date_precision precision, char *buf, size_t size);

#endif
