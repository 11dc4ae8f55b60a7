/* Internal: the dossier object. */
#ifndef INAMI_DOSSIER_MODEL_H
#define INAMI_DOSSIER_MODEL_H

#include "dossier_internal.h"
#include "inami/dossier.h"

typedef struct dossier_entry {
	inami_dossier_event event;   /* note owned (malloc) */
	inami_dossier_state after;
} dossier_entry;

struct inami_dossier {
	inami_profession profession;
	int premium_year;
	int retired;
	int bank_account_at_start;
	int has_bank_account;
	inami_dossier_state state;
	int contracts;
	int64_t amount_cents;
	inami_date decision_date;     /* notification date of the last decision, 0 if unknown */
	inami_date last_date;         /* latest dated event */
	dossier_entry *history;
	size_t count, cap;
	/* Deadlines copied from a ruleset's calendar (inami_dossier_use_rules); unset: the embedded calendar. */
	int own_calendar;
	inami_date milestone_day[MILESTONE_COUNT];   /* 0 when that calendar gives no day */
	int contest_days;                            /* 0 when it gives no contest window */
};

#endif
