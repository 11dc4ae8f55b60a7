/*
 * Ids of dossier states, events, notices, actions and milestones; their texts
 * in English, French and Dutch are in the message catalogue
 * (libinami/data/messages.catalogue) under state., event., notice., action.
 * and milestone.
 */
#include <stdio.h>
#include <string.h>

#include "dossier_internal.h"
#include "error.h"
#include "messages_internal.h"

static const char *const states[INAMI_DOSSIER_STATE_COUNT] = {
	"contract_pending", "contract_received", "two_contracts", "contract_linked", "evaluated",
	"manual_request_required", "extra_info_submitted", "decided_full", "decided_partial", "decided_refused",
	"contested", "paid_to_insurer", "paid_to_bank_account", "closed"
};

static const char *const events[INAMI_EVENT_KIND_COUNT] = {
	"contract_received", "contract_changed", "contract_linked", "contract_chosen", "evaluated",
	"conditions_not_met", "no_contract_linked", "extra_info_requested", "extra_info_submitted", "decision_full",
	"decision_partial", "decision_refused", "contested", "paid", "bank_account_registered", "closed"
};

static const char *const notices[INAMI_NOTICE_COUNT] = {
	"none", "contract_data_changed", "extra_data_requested", "evaluation_available", "decision",
	"action_needed"
};

static const char *const actions[INAMI_ACTION_COUNT] = {
	"none", "two_contracts", "no_contract", "conditions_not_met", "no_bank_account"
};

#define milestones inami__milestone_ids

/* The catalogue text "PREFIX.ID" of row `i`, NULL when out of range. */
static const char *label(const char *const *table, int count, const char *prefix, int i, inami_lang lang)
{
	char id[96];

	if (i < 0 || i >= count || (unsigned)lang > 2)
		return NULL;
	snprintf(id, sizeof(id), "%s.%s", prefix, table[i]);
	return inami__message_text(id, lang);
}

static int from_id(const char *const *table, int count, const char *what, const char *id, int *out)
{
	INAMI_CHECK_NULL(id);
	for (int i = 0; i < count; i++) {
		if (strcmp(table[i], id) == 0) {
			*out = i;
			return INAMI_OK;
		}
	}
	return inami__fail(INAMI_EINVAL, "unknown %s '%s'", what, id);
}

const char *inami_dossier_state_id(inami_dossier_state s)
{
	return (unsigned)s < INAMI_DOSSIER_STATE_COUNT ? states[s] : NULL;
}

const char *inami_dossier_state_label(inami_dossier_state s, inami_lang lang)
{
	return label(states, INAMI_DOSSIER_STATE_COUNT, "state", (int)s, lang);
}

int inami_dossier_state_from_id(const char *id, inami_dossier_state *out)
{
	int i = 0, st;
	INAMI_CHECK_NULL(out);
	if ((st = from_id(states, INAMI_DOSSIER_STATE_COUNT, "dossier state", id, &i)) == INAMI_OK)
		*out = (inami_dossier_state)i;
	return st;
}

const char *inami_event_kind_id(inami_dossier_event_kind k)
{
	return (unsigned)k < INAMI_EVENT_KIND_COUNT ? events[k] : NULL;
}

const char *inami_event_kind_label(inami_dossier_event_kind k, inami_lang lang)
{
	return label(events, INAMI_EVENT_KIND_COUNT, "event", (int)k, lang);
}

int inami_event_kind_from_id(const char *id, inami_dossier_event_kind *out)
{
	int i = 0, st;
	INAMI_CHECK_NULL(out);
	if ((st = from_id(events, INAMI_EVENT_KIND_COUNT, "dossier event", id, &i)) == INAMI_OK)
		*out = (inami_dossier_event_kind)i;
	return st;
}

const char *inami_notice_id(inami_notice n)
{
	return (unsigned)n < INAMI_NOTICE_COUNT ? notices[n] : NULL;
}

const char *inami_notice_label(inami_notice n, inami_lang lang)
{
	return label(notices, INAMI_NOTICE_COUNT, "notice", (int)n, lang);
}

const char *inami_action_id(inami_action a)
{
	return (unsigned)a < INAMI_ACTION_COUNT ? actions[a] : NULL;
}

const char *inami_action_label(inami_action a, inami_lang lang)
{
	return label(actions, INAMI_ACTION_COUNT, "action", (int)a, lang);
}

/* The contest window's days, from the procedure calendar of the embedded rules (its current rule). */
static const char *contest_window(inami_lang lang)
{
	char values[32];
	int days;

	if (inami__calendar_contest_days(NULL, INAMI_PROFESSION_NONE, 9999, &days, NULL) != INAMI_OK || days <= 0)
		return NULL;
	snprintf(values, sizeof(values), "days=%d", days);
	return inami__message_interned("milestone.contest_window", lang, values);
}

const char *inami_milestone_label(const char *id, inami_lang lang)
{
	if (id == NULL)
		return NULL;
	for (int i = 0; i < MILESTONE_COUNT; i++) {
		if (strcmp(milestones[i], id) != 0)
			continue;
		if (strcmp(id, "contest_window") == 0 && (unsigned)lang <= 2)
			return contest_window(lang);
		return label(milestones, MILESTONE_COUNT, "milestone", i, lang);
	}
	return NULL;
}

inami_provenance inami_notice_provenance(inami_notice n)
{
	/* docs/sources/procedure.md: decision e-mail (asgb.be) and "results available" (numerikare.be). */
	if (n == INAMI_NOTICE_DECISION || n == INAMI_NOTICE_EVALUATION_AVAILABLE)
		return INAMI_PROV_SECONDARY;
	return INAMI_PROV_DERIVED;
}
