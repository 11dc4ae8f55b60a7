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
	if ((st = inami__calendar_covers(NULL, options->profession, options->premium_year)) != INAMI_OK)
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

#define S(x) INAMI_DOSSIER_##x
#define IN(x) (1u << INAMI_DOSSIER_##x)

/* The `to` of a rule that keeps the state. */
#define STAY INAMI_DOSSIER_STATE_COUNT

static void iso(inami_date date, char *buf, size_t size)
{
	inami__milestone_iso(date, INAMI_PRECISION_DAY, buf, size);
}

/* Day of a milestone in `rules` (NULL: embedded) for a profession's premium year; 0 when the data gives no day. */
static inami_date calendar_day(const inami_ruleset *rules, inami_profession p, int year, const char *id)
{
	calendar_entry e;
	if (inami__calendar_get(rules, p, year, id, &e) != INAMI_OK || !e.found)
		return 0;
	return e.precision == INAMI_PRECISION_DAY ? e.date : 0;
}

/* Contest window in days in `rules` (NULL: embedded); 0 when the data gives none. */
static int calendar_contest_days(const inami_ruleset *rules, inami_profession p, int year)
{
	int days = 0;
	return inami__calendar_contest_days(rules, p, year, &days, NULL) == INAMI_OK ? days : 0;
}

/* Deadline of a milestone for the dossier's year; 0 when the data gives no day. */
static inami_date milestone_day(const inami_dossier *d, const char *id)
{
	if (!d->own_calendar)
		return calendar_day(NULL, d->profession, d->premium_year, id);
	for (int i = 0; i < MILESTONE_COUNT; i++)
		if (strcmp(inami__milestone_ids[i], id) == 0)
			return d->milestone_day[i];
	return 0;
}

static int contest_days(const inami_dossier *d)
{
	return d->own_calendar ? d->contest_days : calendar_contest_days(NULL, d->profession, d->premium_year);
}

static inami_date contest_deadline(const inami_dossier *d)
{
	int days = contest_days(d);
	return d->decision_date == 0 || days <= 0 ? 0 : inami__date_add_days(d->decision_date, days);
}

int inami_dossier_use_rules(inami_dossier *d, const inami_ruleset *rules)
{
	int st;

	INAMI_CHECK_NULL(d);
	if (rules == NULL) {
		d->own_calendar = 0;
		return INAMI_OK;
	}
	if ((st = inami__calendar_covers(rules, d->profession, d->premium_year)) != INAMI_OK)
		return st;
	for (int i = 0; i < MILESTONE_COUNT; i++)
		d->milestone_day[i] = calendar_day(rules, d->profession, d->premium_year, inami__milestone_ids[i]);
	d->contest_days = calendar_contest_days(rules, d->profession, d->premium_year);
	d->own_calendar = 1;
	return INAMI_OK;
}

/*
 * Checks an allowed event must still pass; each raises its own message. The
 * deadlines hold only when the event is dated and the calendar gives the day.
 */
typedef int (*event_check)(const inami_dossier *d, const inami_dossier_event *event);

/* 1 when `date` comes after a known deadline, with both days as text. */
static int is_late(inami_date deadline, inami_date date, char until[16], char dated[16])
{
	if (deadline == 0 || date <= deadline)
		return 0;
	iso(deadline, until, 16);
	iso(date, dated, 16);
	return 1;
}

static int check_extra_info_deadline(const inami_dossier *d, const inami_dossier_event *event)
{
	char until[16], dated[16];

	if (event->date == 0 || !is_late(milestone_day(d, "extra_info_deadline"), event->date, until, dated))
		return INAMI_OK;
	return inami__fail(INAMI_ESTATE, "additional information for premium year %d can be submitted "
		"until %s; the event is dated %s", d->premium_year, until, dated);
}

static int check_contest_window(const inami_dossier *d, const inami_dossier_event *event)
{
	char until[16], dated[16];
	int days = 0;

	if (event->date == 0 || !is_late(contest_deadline(d), event->date, until, dated))
		return INAMI_OK;
	days = contest_days(d);   /* known: the deadline is */
	return inami__fail(INAMI_ESTATE, "the decision can be contested until %s (%d calendar days after "
		"its notification); the event is dated %s", until, days, dated);
}

static int check_bank_account(const inami_dossier *d, const inami_dossier_event *event)
{
	(void)event;
	if (d->has_bank_account)
		return INAMI_OK;
	return inami__fail(INAMI_ESTATE, "a retired provider is paid on a bank account and none is "
		"registered (apply bank_account_registered first)");
}

#define BEFORE_LINK (IN(CONTRACT_PENDING) | IN(CONTRACT_RECEIVED) | IN(TWO_CONTRACTS))
#define HAS_CONTRACT (IN(CONTRACT_RECEIVED) | IN(CONTRACT_LINKED) | IN(TWO_CONTRACTS))
#define TAKES_EXTRA_INFO (IN(EVALUATED) | IN(MANUAL_REQUEST_REQUIRED) | IN(EXTRA_INFO_SUBMITTED))
#define AWAITS_DECISION (TAKES_EXTRA_INFO | IN(CONTESTED))
#define PAID_OR_CLOSED (IN(PAID_TO_INSURER) | IN(PAID_TO_BANK_ACCOUNT) | IN(CLOSED))
#define ANY_STATE ((1u << INAMI_DOSSIER_STATE_COUNT) - 1)

/* Which providers a rule is for. */
typedef enum provider_guard {
	ANY_PROVIDER,
	NOT_RETIRED,
	RETIRED,
	RETIRED_WITHOUT_BANK_ACCOUNT
} provider_guard;

typedef struct transition_rule {
	unsigned from;                  /* bit per inami_dossier_state */
	inami_dossier_event_kind event;
	unsigned to;                    /* inami_dossier_state, or STAY */
	inami_notice notice;
	inami_action action;
	provider_guard who;
	event_check check;              /* NULL: none */
} transition_rule;

#define E(x) INAMI_EVENT_##x
#define N(x) INAMI_NOTICE_##x
#define A(x) INAMI_ACTION_##x

/*
 * The state machine of dossier.h, one rule a row:
 *   { from states, event, to, notice, action, providers, check }
 * The first rule that matches the state, the event and the provider applies.
 */
static const transition_rule transitions[] = {
	{ IN(CONTRACT_PENDING), E(CONTRACT_RECEIVED), S(CONTRACT_RECEIVED), N(CONTRACT_DATA_CHANGED), A(NONE), ANY_PROVIDER, NULL },
	{ HAS_CONTRACT, E(CONTRACT_RECEIVED), S(TWO_CONTRACTS), N(ACTION_NEEDED), A(TWO_CONTRACTS), ANY_PROVIDER, NULL },
	{ HAS_CONTRACT, E(CONTRACT_CHANGED), STAY, N(CONTRACT_DATA_CHANGED), A(NONE), ANY_PROVIDER, NULL },
	{ IN(CONTRACT_RECEIVED), E(CONTRACT_LINKED), S(CONTRACT_LINKED), N(NONE), A(NONE), ANY_PROVIDER, NULL },
	{ IN(TWO_CONTRACTS), E(CONTRACT_CHOSEN), S(CONTRACT_LINKED), N(NONE), A(NONE), ANY_PROVIDER, NULL },

	/* A retired provider needs no contract, but a bank account to be paid on. */
	{ IN(CONTRACT_LINKED) | BEFORE_LINK, E(EVALUATED), S(EVALUATED), N(ACTION_NEEDED), A(NO_BANK_ACCOUNT),
		RETIRED_WITHOUT_BANK_ACCOUNT, NULL },
	{ IN(CONTRACT_LINKED) | BEFORE_LINK, E(EVALUATED), S(EVALUATED), N(EVALUATION_AVAILABLE), A(NONE), RETIRED, NULL },
	{ IN(CONTRACT_LINKED), E(EVALUATED), S(EVALUATED), N(EVALUATION_AVAILABLE), A(NONE), ANY_PROVIDER, NULL },
	{ IN(CONTRACT_LINKED) | BEFORE_LINK, E(CONDITIONS_NOT_MET), S(MANUAL_REQUEST_REQUIRED), N(ACTION_NEEDED),
		A(CONDITIONS_NOT_MET), RETIRED, NULL },
	{ IN(CONTRACT_LINKED), E(CONDITIONS_NOT_MET), S(MANUAL_REQUEST_REQUIRED), N(ACTION_NEEDED),
		A(CONDITIONS_NOT_MET), ANY_PROVIDER, NULL },
	{ BEFORE_LINK, E(NO_CONTRACT_LINKED), S(MANUAL_REQUEST_REQUIRED), N(ACTION_NEEDED), A(NO_CONTRACT), NOT_RETIRED, NULL },

	{ TAKES_EXTRA_INFO, E(EXTRA_INFO_REQUESTED), STAY, N(EXTRA_DATA_REQUESTED), A(NONE), ANY_PROVIDER, NULL },
	{ TAKES_EXTRA_INFO, E(EXTRA_INFO_SUBMITTED), S(EXTRA_INFO_SUBMITTED), N(NONE), A(NONE), ANY_PROVIDER,
		check_extra_info_deadline },
	{ AWAITS_DECISION, E(DECISION_FULL), S(DECIDED_FULL), N(DECISION), A(NONE), ANY_PROVIDER, NULL },
	{ AWAITS_DECISION, E(DECISION_PARTIAL), S(DECIDED_PARTIAL), N(DECISION), A(NONE), ANY_PROVIDER, NULL },
	{ AWAITS_DECISION, E(DECISION_REFUSED), S(DECIDED_REFUSED), N(DECISION), A(NONE), ANY_PROVIDER, NULL },
	{ IN(DECIDED_PARTIAL) | IN(DECIDED_REFUSED), E(CONTESTED), S(CONTESTED), N(NONE), A(NONE), ANY_PROVIDER,
		check_contest_window },

	/* Allowed without a bank account (inami_dossier_allows), refused by its check with the reason. */
	{ IN(DECIDED_FULL) | IN(DECIDED_PARTIAL), E(PAID), S(PAID_TO_BANK_ACCOUNT), N(NONE), A(NONE), RETIRED,
		check_bank_account },
	{ IN(DECIDED_FULL) | IN(DECIDED_PARTIAL), E(PAID), S(PAID_TO_INSURER), N(NONE), A(NONE), ANY_PROVIDER, NULL },
	{ ANY_STATE & ~PAID_OR_CLOSED, E(BANK_ACCOUNT_REGISTERED), STAY, N(NONE), A(NONE), ANY_PROVIDER, NULL },
	{ IN(PAID_TO_INSURER) | IN(PAID_TO_BANK_ACCOUNT) | IN(DECIDED_REFUSED), E(CLOSED), S(CLOSED), N(NONE), A(NONE),
		ANY_PROVIDER, NULL },
};

#undef E
#undef N
#undef A

static int guard_holds(const inami_dossier *d, provider_guard who)
{
	switch (who) {
	case ANY_PROVIDER:
		return 1;
	case NOT_RETIRED:
		return !d->retired;
	case RETIRED:
		return d->retired;
	case RETIRED_WITHOUT_BANK_ACCOUNT:
		return d->retired && !d->has_bank_account;
	}
	return 0;
}

/* The rule for `kind` in the dossier's state, or NULL when the event is not allowed. */
static const transition_rule *rule_for(const inami_dossier *d, inami_dossier_event_kind kind)
{
	for (size_t i = 0; i < sizeof(transitions) / sizeof(transitions[0]); i++) {
		const transition_rule *r = &transitions[i];
		if (r->event == kind && (r->from & (1u << d->state)) && guard_holds(d, r->who))
			return r;
	}
	return NULL;
}

int inami_dossier_allows(const inami_dossier *dossier, inami_dossier_event_kind kind)
{
	if (dossier == NULL || (unsigned)kind >= INAMI_EVENT_KIND_COUNT)
		return 0;
	return rule_for(dossier, kind) != NULL;
}

static int refuse(const inami_dossier *d, inami_dossier_event_kind kind)
{
	char allowed[512] = "";
	size_t used = 0;

	for (int k = 0; k < INAMI_EVENT_KIND_COUNT; k++) {
		if (!rule_for(d, (inami_dossier_event_kind)k))
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

/* What the event itself must satisfy, whatever the state. */
static int check_event(const inami_dossier *d, const inami_dossier_event *event)
{
	char a[16], b[16];

	if ((unsigned)event->kind >= INAMI_EVENT_KIND_COUNT)
		return inami__fail(INAMI_EINVAL, "unknown dossier event %d", (int)event->kind);
	if (event->date != 0 && inami_date_check(event->date) != INAMI_OK)
		return INAMI_EINVAL;
	if (event->date != 0 && event->date < d->last_date) {
		iso(event->date, a, sizeof(a));
		iso(d->last_date, b, sizeof(b));
		return inami__fail(INAMI_EINVAL, "event dated %s is before the previous event (%s)", a, b);
	}
	if (event->amount_cents < -1)
		return inami__fail(INAMI_ENEGATIVE, "the amount is negative");
	if (event->note && strpbrk(event->note, "\r\n"))
		return inami__fail(INAMI_EINVAL, "a note is one line of text");
	return INAMI_OK;
}

/* Append the event to the history; the only step of a transition that can fail. */
static int record(inami_dossier *d, const inami_dossier_event *event, inami_dossier_state after)
{
	if (d->count == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 16;
		dossier_entry *h = realloc(d->history, cap * sizeof(*h));
		if (h == NULL)
			return inami__fail(INAMI_ENOMEM, "out of memory");
		d->history = h;
		d->cap = cap;
	}
	char *note = NULL;
	if (event->note && event->note[0]) {
		note = malloc(strlen(event->note) + 1);
		if (note == NULL)
			return inami__fail(INAMI_ENOMEM, "out of memory");
		strcpy(note, event->note);
	}
	dossier_entry *e = &d->history[d->count++];
	e->event = *event;
	e->event.note = note;
	e->after = after;
	return INAMI_OK;
}

/* What the event changes besides the state: contracts, bank account, decision, amount. */
static void take_effects(inami_dossier *d, const inami_dossier_event *event, const transition_rule *r)
{
	if (event->kind == INAMI_EVENT_CONTRACT_RECEIVED)
		d->contracts++;
	if (event->kind == INAMI_EVENT_BANK_ACCOUNT_REGISTERED)
		d->has_bank_account = 1;
	if (r->notice == INAMI_NOTICE_DECISION) {
		d->decision_date = event->date;
		d->amount_cents = event->kind == INAMI_EVENT_DECISION_REFUSED ? 0 : event->amount_cents;
	}
	if (event->kind == INAMI_EVENT_PAID && event->amount_cents >= 0)
		d->amount_cents = event->amount_cents;
	if (event->date)
		d->last_date = event->date;
}

/* The deadline a notification announces (after the move): to answer, to contest or to choose a contract. */
static inami_date notice_deadline(const inami_dossier *d, const transition_rule *r)
{
	if (r->notice == INAMI_NOTICE_EVALUATION_AVAILABLE || r->notice == INAMI_NOTICE_EXTRA_DATA_REQUESTED
		|| r->action == INAMI_ACTION_CONDITIONS_NOT_MET || r->action == INAMI_ACTION_NO_CONTRACT)
		return milestone_day(d, "extra_info_deadline");
	if (d->state == S(DECIDED_PARTIAL) || d->state == S(DECIDED_REFUSED))
		return contest_deadline(d);
	if (r->action == INAMI_ACTION_TWO_CONTRACTS)
		return milestone_day(d, "contract_snapshot");
	return 0;
}

int inami_dossier_apply(inami_dossier *dossier, const inami_dossier_event *event,
	inami_notification *notification)
{
	const transition_rule *r;
	int st;

	INAMI_CHECK_NULL(dossier);
	INAMI_CHECK_NULL(event);
	INAMI_CHECK_VERSION(event->version, INAMI_DOSSIER_EVENT_VERSION, "inami_dossier_event");
	if (notification)
		INAMI_CHECK_VERSION(notification->version, INAMI_NOTIFICATION_VERSION, "inami_notification");
	if ((st = check_event(dossier, event)) != INAMI_OK)
		return st;
	if ((r = rule_for(dossier, event->kind)) == NULL)
		return refuse(dossier, event->kind);
	if (r->check && (st = r->check(dossier, event)) != INAMI_OK)
		return st;

	inami_dossier_state after = r->to == STAY ? dossier->state : (inami_dossier_state)r->to;
	if ((st = record(dossier, event, after)) != INAMI_OK)
		return st;
	take_effects(dossier, event, r);
	dossier->state = after;

	if (notification) {
		notification->notice = r->notice;
		notification->action = r->action;
		notification->date = event->date;
		notification->provenance = inami_notice_provenance(r->notice);
		notification->deadline = notice_deadline(dossier, r);
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
