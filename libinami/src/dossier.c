/* The dossier state machine: events, transitions, notifications and deadlines. */
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "dossier_internal.h"
#include "dossier_model.h"
#include "error.h"

int inami_dossier_options_init(inami_dossier_options *options, unsigned int version)
{
	INAMI_CHECK_NULL(options);
	INAMI_CHECK_VERSION(version, INAMI_DOSSIER_OPTIONS_VERSION, "inami_dossier_options");
	inami_dossier_options init = INAMI_DOSSIER_OPTIONS_INIT;
	*options = init;
	return INAMI_OK;
}

int inami_dossier_event_init(inami_dossier_event *event, unsigned int version)
{
	INAMI_CHECK_NULL(event);
	INAMI_CHECK_VERSION(version, INAMI_DOSSIER_EVENT_VERSION, "inami_dossier_event");
	inami_dossier_event init = INAMI_DOSSIER_EVENT_INIT;
	*event = init;
	return INAMI_OK;
}

int inami_notification_init(inami_notification *notification, unsigned int version)
{
	INAMI_CHECK_NULL(notification);
	INAMI_CHECK_VERSION(version, INAMI_NOTIFICATION_VERSION, "inami_notification");
	inami_notification init = INAMI_NOTIFICATION_INIT;
	*notification = init;
	return INAMI_OK;
}

int inami_dossier_new(inami_dossier **out, const inami_dossier_options *options)
{
	int st;

	INAMI_CHECK_NULL(out);
	*out = NULL;
	INAMI_CHECK_NULL(options);
	INAMI_CHECK_VERSION(options->version, INAMI_DOSSIER_OPTIONS_VERSION, "inami_dossier_options");
	if ((st = inami__calendar_covers(options->profession, options->premium_year)) != INAMI_OK)
		return st;
	inami_dossier *d = calloc(1, sizeof(*d));
	if (d == NULL)
		return inami__fail(INAMI_ENOMEM, "out of memory");
	d->profession = options->profession;
	d->premium_year = options->premium_year;
	d->retired = options->retired != 0;
	d->bank_account_at_start = d->has_bank_account = options->has_bank_account != 0;
	d->state = INAMI_DOSSIER_CONTRACT_PENDING;
	d->amount_cents = -1;
	*out = d;
	return INAMI_OK;
}

void inami_dossier_free(inami_dossier *dossier)
{
	if (dossier == NULL)
		return;
	for (size_t i = 0; i < dossier->count; i++)
		free((char *)dossier->history[i].event.note);
	free(dossier->history);
	free(dossier);
}

typedef struct transition {
	inami_dossier_state to;
	inami_notice notice;
	inami_action action;
} transition;

#define S(x) INAMI_DOSSIER_##x

static int before_link(inami_dossier_state s)
{
	return s == S(CONTRACT_PENDING) || s == S(CONTRACT_RECEIVED) || s == S(TWO_CONTRACTS);
}

static int awaiting_decision(inami_dossier_state s)
{
	return s == S(EVALUATED) || s == S(EXTRA_INFO_SUBMITTED) || s == S(MANUAL_REQUEST_REQUIRED) || s == S(CONTESTED);
}

/* The transition table: 1 and `*t` when `kind` is allowed from the dossier's state. */
static int transition_for(const inami_dossier *d, inami_dossier_event_kind kind, transition *t)
{
	inami_dossier_state s = d->state;

	t->to = s;
	t->notice = INAMI_NOTICE_NONE;
	t->action = INAMI_ACTION_NONE;
	switch (kind) {
	case INAMI_EVENT_CONTRACT_RECEIVED:
		if (s == S(CONTRACT_PENDING)) {
			t->to = S(CONTRACT_RECEIVED);
			t->notice = INAMI_NOTICE_CONTRACT_DATA_CHANGED;
			return 1;
		}
		if (s == S(CONTRACT_RECEIVED) || s == S(CONTRACT_LINKED) || s == S(TWO_CONTRACTS)) {
			t->to = S(TWO_CONTRACTS);
			t->notice = INAMI_NOTICE_ACTION_NEEDED;
			t->action = INAMI_ACTION_TWO_CONTRACTS;
			return 1;
		}
		return 0;
	case INAMI_EVENT_CONTRACT_CHANGED:
		if (s == S(CONTRACT_RECEIVED) || s == S(CONTRACT_LINKED) || s == S(TWO_CONTRACTS)) {
			t->notice = INAMI_NOTICE_CONTRACT_DATA_CHANGED;
			return 1;
		}
		return 0;
	case INAMI_EVENT_CONTRACT_LINKED:
		if (s != S(CONTRACT_RECEIVED))
			return 0;
		t->to = S(CONTRACT_LINKED);
		return 1;
	case INAMI_EVENT_CONTRACT_CHOSEN:
		if (s != S(TWO_CONTRACTS))
			return 0;
		t->to = S(CONTRACT_LINKED);
		return 1;
	case INAMI_EVENT_EVALUATED:
		if (!(s == S(CONTRACT_LINKED) || (d->retired && before_link(s))))
			return 0;
		t->to = S(EVALUATED);
		t->notice = INAMI_NOTICE_EVALUATION_AVAILABLE;
		if (d->retired && !d->has_bank_account) {
			t->notice = INAMI_NOTICE_ACTION_NEEDED;
			t->action = INAMI_ACTION_NO_BANK_ACCOUNT;
		}
		return 1;
	case INAMI_EVENT_CONDITIONS_NOT_MET:
		if (!(s == S(CONTRACT_LINKED) || (d->retired && before_link(s))))
			return 0;
		t->to = S(MANUAL_REQUEST_REQUIRED);
		t->notice = INAMI_NOTICE_ACTION_NEEDED;
		t->action = INAMI_ACTION_CONDITIONS_NOT_MET;
		return 1;
	case INAMI_EVENT_NO_CONTRACT_LINKED:
		if (d->retired || !before_link(s))
			return 0;
		t->to = S(MANUAL_REQUEST_REQUIRED);
		t->notice = INAMI_NOTICE_ACTION_NEEDED;
		t->action = INAMI_ACTION_NO_CONTRACT;
		return 1;
	case INAMI_EVENT_EXTRA_INFO_REQUESTED:
		if (!(s == S(EVALUATED) || s == S(MANUAL_REQUEST_REQUIRED) || s == S(EXTRA_INFO_SUBMITTED)))
			return 0;
		t->notice = INAMI_NOTICE_EXTRA_DATA_REQUESTED;
		return 1;
	case INAMI_EVENT_EXTRA_INFO_SUBMITTED:
		if (!(s == S(EVALUATED) || s == S(MANUAL_REQUEST_REQUIRED) || s == S(EXTRA_INFO_SUBMITTED)))
			return 0;
		t->to = S(EXTRA_INFO_SUBMITTED);
		return 1;
	case INAMI_EVENT_DECISION_FULL:
	case INAMI_EVENT_DECISION_PARTIAL:
	case INAMI_EVENT_DECISION_REFUSED:
		if (!awaiting_decision(s))
			return 0;
		t->to = kind == INAMI_EVENT_DECISION_FULL ? S(DECIDED_FULL)
			: kind == INAMI_EVENT_DECISION_PARTIAL ? S(DECIDED_PARTIAL) : S(DECIDED_REFUSED);
		t->notice = INAMI_NOTICE_DECISION;
		return 1;
	case INAMI_EVENT_CONTESTED:
		if (s != S(DECIDED_PARTIAL) && s != S(DECIDED_REFUSED))
			return 0;
		t->to = S(CONTESTED);
		return 1;
	case INAMI_EVENT_PAID:
		if (s != S(DECIDED_FULL) && s != S(DECIDED_PARTIAL))
			return 0;
		t->to = d->retired ? S(PAID_TO_BANK_ACCOUNT) : S(PAID_TO_INSURER);
		return 1;
	case INAMI_EVENT_BANK_ACCOUNT_REGISTERED:
		return s != S(CLOSED) && s != S(PAID_TO_INSURER) && s != S(PAID_TO_BANK_ACCOUNT);
	case INAMI_EVENT_CLOSED:
		if (s != S(PAID_TO_INSURER) && s != S(PAID_TO_BANK_ACCOUNT) && s != S(DECIDED_REFUSED))
			return 0;
		t->to = S(CLOSED);
		return 1;
	}
	return 0;
}

int inami_dossier_allows(const inami_dossier *dossier, inami_dossier_event_kind kind)
{
	transition t;
	if (dossier == NULL || (unsigned)kind >= INAMI_EVENT_KIND_COUNT)
		return 0;
	return transition_for(dossier, kind, &t);
}

static int refuse(const inami_dossier *d, inami_dossier_event_kind kind)
{
	char allowed[512] = "";
	size_t used = 0;
	transition t;

	for (int k = 0; k < INAMI_EVENT_KIND_COUNT; k++) {
		if (!transition_for(d, (inami_dossier_event_kind)k, &t))
			continue;
		const char *id = inami_event_kind_id((inami_dossier_event_kind)k);
		if (used + strlen(id) + 3 >= sizeof(allowed))
			break;
		if (used)
			strcat(allowed, ", ");
		strcat(allowed, id);
		used = strlen(allowed);
	}
	const char *extra = kind == INAMI_EVENT_NO_CONTRACT_LINKED && d->retired
		? " (a retired provider needs no contract)" : "";
	return inami__fail(INAMI_ESTATE, "event '%s' is not allowed in state '%s'%s (allowed: %s)",
		inami_event_kind_id(kind), inami_dossier_state_id(d->state), extra, used ? allowed : "none");
}

static void iso(inami_date date, char *buf, size_t size)
{
	inami__milestone_iso(date, INAMI_PRECISION_DAY, buf, size);
}

/* Deadline of a milestone for the dossier's year; 0 when the data gives no day. */
static inami_date milestone_day(const inami_dossier *d, const char *id)
{
	calendar_entry e;
	if (inami__calendar_get(d->profession, d->premium_year, id, &e) != INAMI_OK || !e.found)
		return 0;
	return e.precision == INAMI_PRECISION_DAY ? e.date : 0;
}

static inami_date contest_deadline(const inami_dossier *d)
{
	calendar_entry e;
	if (d->decision_date == 0 || inami__calendar_get(d->profession, d->premium_year, "contest_window", &e) != INAMI_OK
		|| !e.found || e.precision != INAMI_PRECISION_RELATIVE)
		return 0;
	return inami__date_add_days(d->decision_date, e.relative_days);
}

int inami_dossier_apply(inami_dossier *dossier, const inami_dossier_event *event,
	inami_notification *notification)
{
	transition t;
	char a[16], b[16];

	INAMI_CHECK_NULL(dossier);
	INAMI_CHECK_NULL(event);
	INAMI_CHECK_VERSION(event->version, INAMI_DOSSIER_EVENT_VERSION, "inami_dossier_event");
	if (notification)
		INAMI_CHECK_VERSION(notification->version, INAMI_NOTIFICATION_VERSION, "inami_notification");
	if ((unsigned)event->kind >= INAMI_EVENT_KIND_COUNT)
		return inami__fail(INAMI_EINVAL, "unknown dossier event %d", (int)event->kind);
	if (event->date != 0 && inami_date_check(event->date) != INAMI_OK)
		return INAMI_EINVAL;
	if (event->date != 0 && event->date < dossier->last_date) {
		iso(event->date, a, sizeof(a));
		iso(dossier->last_date, b, sizeof(b));
		return inami__fail(INAMI_EINVAL, "event dated %s is before the previous event (%s)", a, b);
	}
	if (event->amount_cents < -1)
		return inami__fail(INAMI_ENEGATIVE, "the amount is negative");
	if (event->note && strpbrk(event->note, "\r\n"))
		return inami__fail(INAMI_EINVAL, "a note is one line of text");
	if (!transition_for(dossier, event->kind, &t))
		return refuse(dossier, event->kind);

	/* Deadlines from the calendar (only when the event is dated and the data gives the day). */
	inami_date deadline = 0;
	if (event->kind == INAMI_EVENT_EXTRA_INFO_SUBMITTED && event->date) {
		deadline = milestone_day(dossier, "extra_info_deadline");
		if (deadline && event->date > deadline) {
			iso(deadline, a, sizeof(a));
			iso(event->date, b, sizeof(b));
			return inami__fail(INAMI_ESTATE, "additional information for premium year %d can be submitted "
				"until %s; the event is dated %s", dossier->premium_year, a, b);
		}
	}
	if (event->kind == INAMI_EVENT_CONTESTED && event->date) {
		deadline = contest_deadline(dossier);
		if (deadline && event->date > deadline) {
			iso(deadline, a, sizeof(a));
			iso(event->date, b, sizeof(b));
			return inami__fail(INAMI_ESTATE, "the decision can be contested until %s (60 calendar days after "
				"its notification); the event is dated %s", a, b);
		}
	}
	if (event->kind == INAMI_EVENT_PAID && dossier->retired && !dossier->has_bank_account)
		return inami__fail(INAMI_ESTATE, "a retired provider is paid on a bank account and none is "
			"registered (apply bank_account_registered first)");

	/* Record the event first (the only step that can fail), then move. */
	if (dossier->count == dossier->cap) {
		size_t cap = dossier->cap ? dossier->cap * 2 : 16;
		dossier_entry *h = realloc(dossier->history, cap * sizeof(*h));
		if (h == NULL)
			return inami__fail(INAMI_ENOMEM, "out of memory");
		dossier->history = h;
		dossier->cap = cap;
	}
	char *note = NULL;
	if (event->note && event->note[0]) {
		note = malloc(strlen(event->note) + 1);
		if (note == NULL)
			return inami__fail(INAMI_ENOMEM, "out of memory");
		strcpy(note, event->note);
	}
	dossier_entry *e = &dossier->history[dossier->count++];
	e->event = *event;
	e->event.note = note;
	e->after = t.to;

	if (event->kind == INAMI_EVENT_CONTRACT_RECEIVED)
		dossier->contracts++;
	if (event->kind == INAMI_EVENT_BANK_ACCOUNT_REGISTERED)
		dossier->has_bank_account = 1;
	if (t.notice == INAMI_NOTICE_DECISION) {
		dossier->decision_date = event->date;
		dossier->amount_cents = event->kind == INAMI_EVENT_DECISION_REFUSED ? 0 : event->amount_cents;
	}
	if (event->kind == INAMI_EVENT_PAID && event->amount_cents >= 0)
		dossier->amount_cents = event->amount_cents;
	if (event->date)
		dossier->last_date = event->date;
	dossier->state = t.to;

	if (notification) {
		notification->notice = t.notice;
		notification->action = t.action;
		notification->date = event->date;
		notification->provenance = inami_notice_provenance(t.notice);
		notification->deadline = 0;
		if (t.notice == INAMI_NOTICE_EVALUATION_AVAILABLE || t.notice == INAMI_NOTICE_EXTRA_DATA_REQUESTED
			|| t.action == INAMI_ACTION_CONDITIONS_NOT_MET || t.action == INAMI_ACTION_NO_CONTRACT)
			notification->deadline = milestone_day(dossier, "extra_info_deadline");
		else if (t.to == S(DECIDED_PARTIAL) || t.to == S(DECIDED_REFUSED))
			notification->deadline = contest_deadline(dossier);
		else if (t.action == INAMI_ACTION_TWO_CONTRACTS)
			notification->deadline = milestone_day(dossier, "contract_snapshot");
	}
	return INAMI_OK;
}

int inami_dossier_deadline(const inami_dossier *dossier, inami_date *deadline, const char **milestone_id)
{
	const char *id = NULL;
	inami_date date = 0;

	INAMI_CHECK_NULL(dossier);
	INAMI_CHECK_NULL(deadline);
	switch (dossier->state) {
	case S(EVALUATED):
	case S(MANUAL_REQUEST_REQUIRED):
	case S(EXTRA_INFO_SUBMITTED):
		id = "extra_info_deadline";
		date = milestone_day(dossier, id);
		break;
	case S(DECIDED_PARTIAL):
	case S(DECIDED_REFUSED):
		id = "contest_window";
		date = contest_deadline(dossier);
		break;
	case S(DECIDED_FULL):
	case S(CONTESTED):
		id = "payment_deadline";
		date = milestone_day(dossier, id);
		break;
	default:
		return inami__fail(INAMI_ENORULES, "no deadline applies in state '%s'",
			inami_dossier_state_id(dossier->state));
	}
	if (date == 0)
		return inami__fail(INAMI_ENORULES, "the '%s' deadline of %s premium year %d is not known "
			"(NOT FOUND in the procedure calendar%s)", id, inami_profession_id(dossier->profession),
			dossier->premium_year, strcmp(id, "contest_window") == 0 ? ", or the decision is not dated" : "");
	*deadline = date;
	if (milestone_id)
		*milestone_id = id;
	return INAMI_OK;
}

inami_dossier_state inami_dossier_current(const inami_dossier *d)
{
	return d ? d->state : S(CONTRACT_PENDING);
}

inami_profession inami_dossier_profession(const inami_dossier *d)
{
	return d ? d->profession : INAMI_PROFESSION_NONE;
}

int inami_dossier_premium_year(const inami_dossier *d)
{
	return d ? d->premium_year : 0;
}

int inami_dossier_retired(const inami_dossier *d)
{
	return d ? d->retired : 0;
}

int inami_dossier_has_bank_account(const inami_dossier *d)
{
	return d ? d->has_bank_account : 0;
}

int inami_dossier_contracts(const inami_dossier *d)
{
	return d ? d->contracts : 0;
}

int64_t inami_dossier_amount_cents(const inami_dossier *d)
{
	return d ? d->amount_cents : -1;
}

size_t inami_dossier_history_count(const inami_dossier *d)
{
	return d ? d->count : 0;
}

int inami_dossier_history(const inami_dossier *d, size_t index, inami_dossier_event *event,
	inami_dossier_state *state_after)
{
	INAMI_CHECK_NULL(d);
	if (index >= d->count)
		return inami__fail(INAMI_ERANGE, "history index %zu is out of range (%zu events)", index, d->count);
	if (event)
		*event = d->history[index].event;
	if (state_after)
		*state_after = d->history[index].after;
	return INAMI_OK;
}
