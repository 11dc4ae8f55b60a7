/** @file
 * dossier.h: the yearly automated procedure, per provider and premium year,
 * as a state machine with the notifications INAMI sends and the deadlines of
 * the procedure calendar.
 *
 * The model is DERIVED (docs/sources/procedure.md) from the sourced
 * timeline; its deadlines come from the [law calendar] sections of libinami/data/law.rules,
 * never from code: a premium year whose date the data does not give has no
 * deadline (INAMI_ENORULES when asked), it is never guessed.
 *
 *   contract_pending --contract_received--> contract_received
 *   contract_received/contract_linked/two_contracts --contract_received--> two_contracts (action needed)
 *   contract_received --contract_linked--> contract_linked
 *   two_contracts --contract_chosen--> contract_linked
 *   contract_linked --evaluated--> evaluated
 *   contract_linked --conditions_not_met--> manual_request_required
 *   contract_pending/received/two_contracts --no_contract_linked--> manual_request_required
 *   evaluated/manual_request_required/extra_info_submitted --extra_info_submitted--> extra_info_submitted
 *                                                           (until the extra-information deadline)
 *   evaluated/extra_info_submitted/manual_request_required/contested
 *       --decision_full|decision_partial|decision_refused--> decided_full|decided_partial|decided_refused
 *   decided_partial/decided_refused --contested--> contested (within the contest window)
 *   decided_full/decided_partial --paid--> paid_to_insurer, or paid_to_bank_account for a retired
 *                                          provider (needs a bank account)
 *   paid_to_insurer/paid_to_bank_account/decided_refused --closed--> closed
 * A retired provider needs no contract: evaluated and conditions_not_met are
 * also accepted before a contract is linked; evaluated then asks for a bank
 * account (action no_bank_account) when none is registered. contract_changed
 * and extra_info_requested keep the state; so does bank_account_registered,
 * except after payment or closing, where it is refused.
 * Any other event is refused with INAMI_ESTATE.
 */
#ifndef INAMI_DOSSIER_H
#define INAMI_DOSSIER_H

#include "common.h"
#include "rules.h"

INAMI_BEGIN_DECL

/** States of a dossier. Values and text ids are stable. */
typedef enum inami_dossier_state {
	INAMI_DOSSIER_CONTRACT_PENDING = 0,        /**< "contract_pending" */
	INAMI_DOSSIER_CONTRACT_RECEIVED = 1,       /**< "contract_received" */
	INAMI_DOSSIER_TWO_CONTRACTS = 2,           /**< "two_contracts": the provider must choose */
	INAMI_DOSSIER_CONTRACT_LINKED = 3,         /**< "contract_linked" */
	INAMI_DOSSIER_EVALUATED = 4,               /**< "evaluated" */
	INAMI_DOSSIER_MANUAL_REQUEST_REQUIRED = 5, /**< "manual_request_required" */
	INAMI_DOSSIER_EXTRA_INFO_SUBMITTED = 6,    /**< "extra_info_submitted" */
	INAMI_DOSSIER_DECIDED_FULL = 7,            /**< "decided_full" */
	INAMI_DOSSIER_DECIDED_PARTIAL = 8,         /**< "decided_partial" */
	INAMI_DOSSIER_DECIDED_REFUSED = 9,         /**< "decided_refused" */
	INAMI_DOSSIER_CONTESTED = 10,              /**< "contested" */
	INAMI_DOSSIER_PAID_TO_INSURER = 11,        /**< "paid_to_insurer" */
	INAMI_DOSSIER_PAID_TO_BANK_ACCOUNT = 12,   /**< "paid_to_bank_account" */
	INAMI_DOSSIER_CLOSED = 13                  /**< "closed" */
} inami_dossier_state;

/** Number of dossier states. */
#define INAMI_DOSSIER_STATE_COUNT 14

/** Events that move a dossier. Values and text ids are stable. */
typedef enum inami_dossier_event_kind {
	INAMI_EVENT_CONTRACT_RECEIVED = 0,       /**< "contract_received": an insurer sent contract data */
	INAMI_EVENT_CONTRACT_CHANGED = 1,        /**< "contract_changed": contract data updated */
	INAMI_EVENT_CONTRACT_LINKED = 2,         /**< "contract_linked": the only contract is linked */
	INAMI_EVENT_CONTRACT_CHOSEN = 3,         /**< "contract_chosen": provider/broker picked the active contract */
	INAMI_EVENT_EVALUATED = 4,               /**< "evaluated": evaluation result available */
	INAMI_EVENT_CONDITIONS_NOT_MET = 5,      /**< "conditions_not_met": basic conditions not met */
	INAMI_EVENT_NO_CONTRACT_LINKED = 6,      /**< "no_contract_linked": evaluation date passed without a linked contract */
	INAMI_EVENT_EXTRA_INFO_REQUESTED = 7,    /**< "extra_info_requested": INAMI asks for more data */
	INAMI_EVENT_EXTRA_INFO_SUBMITTED = 8,    /**< "extra_info_submitted": provider uploaded information */
	INAMI_EVENT_DECISION_FULL = 9,           /**< "decision_full" */
	INAMI_EVENT_DECISION_PARTIAL = 10,       /**< "decision_partial" */
	INAMI_EVENT_DECISION_REFUSED = 11,       /**< "decision_refused" */
	INAMI_EVENT_CONTESTED = 12,              /**< "contested": provider contests the decision */
	INAMI_EVENT_PAID = 13,                   /**< "paid": INAMI paid the insurer or the bank account */
	INAMI_EVENT_BANK_ACCOUNT_REGISTERED = 14,/**< "bank_account_registered" */
	INAMI_EVENT_CLOSED = 15                  /**< "closed" */
} inami_dossier_event_kind;

/** Number of dossier event kinds. */
#define INAMI_EVENT_KIND_COUNT 16

/** Notifications INAMI sends on a transition (the e-mail events). */
typedef enum inami_notice {
	INAMI_NOTICE_NONE = 0,                   /**< "none" */
	INAMI_NOTICE_CONTRACT_DATA_CHANGED = 1,  /**< "contract_data_changed" */
	INAMI_NOTICE_EXTRA_DATA_REQUESTED = 2,   /**< "extra_data_requested" */
	INAMI_NOTICE_EVALUATION_AVAILABLE = 3,   /**< "evaluation_available" */
	INAMI_NOTICE_DECISION = 4,               /**< "decision" */
	INAMI_NOTICE_ACTION_NEEDED = 5           /**< "action_needed" (see inami_action) */
} inami_notice;

/** Number of notification kinds. */
#define INAMI_NOTICE_COUNT 6

/** Why an action is needed. */
typedef enum inami_action {
	INAMI_ACTION_NONE = 0,                /**< "none" */
	INAMI_ACTION_TWO_CONTRACTS = 1,       /**< "two_contracts": choose the active contract */
	INAMI_ACTION_NO_CONTRACT = 2,         /**< "no_contract": file the premium request yourself */
	INAMI_ACTION_CONDITIONS_NOT_MET = 3,  /**< "conditions_not_met": file the premium request yourself */
	INAMI_ACTION_NO_BANK_ACCOUNT = 4      /**< "no_bank_account": a retired provider must register one */
} inami_action;

/** Number of actions. */
#define INAMI_ACTION_COUNT 5

/** Text id of a state ("contract_pending"); NULL if out of range. */
INAMI_EXTERN(const char *) inami_dossier_state_id(inami_dossier_state state);
/** Label of a state in a language; NULL if the state or language is out of range. */
INAMI_EXTERN(const char *) inami_dossier_state_label(inami_dossier_state state, inami_lang lang);
/** Parse a state id (INAMI_EINVAL naming the accepted ids otherwise). */
INAMI_EXTERN(int) inami_dossier_state_from_id(const char *id, inami_dossier_state *out);
/** Text id of an event kind ("contract_received"); NULL if out of range. */
INAMI_EXTERN(const char *) inami_event_kind_id(inami_dossier_event_kind kind);
/** Label of an event kind in a language; NULL if out of range. */
INAMI_EXTERN(const char *) inami_event_kind_label(inami_dossier_event_kind kind, inami_lang lang);
/** Parse an event id (INAMI_EINVAL naming the accepted ids otherwise). */
INAMI_EXTERN(int) inami_event_kind_from_id(const char *id, inami_dossier_event_kind *out);
/** Text id of a notice ("decision"); NULL if out of range. */
INAMI_EXTERN(const char *) inami_notice_id(inami_notice notice);
/** Label of a notice in a language; NULL if out of range. */
INAMI_EXTERN(const char *) inami_notice_label(inami_notice notice, inami_lang lang);
/** Text id of an action ("two_contracts"); NULL if out of range. */
INAMI_EXTERN(const char *) inami_action_id(inami_action action);
/** Label of an action in a language; NULL if out of range. */
INAMI_EXTERN(const char *) inami_action_label(inami_action action, inami_lang lang);

/**
 * How well a notice is sourced: the decision e-mail and the "results
 * available" notice are SECONDARY (docs/sources/procedure.md); the
 * others are DERIVED (a complete list of INAMI e-mail types is NOT FOUND).
 */
INAMI_EXTERN(inami_provenance) inami_notice_provenance(inami_notice notice);

/** Version of inami_dossier_options. */
#define INAMI_DOSSIER_OPTIONS_VERSION 1

/** What a new dossier is about. */
typedef struct inami_dossier_options {
	unsigned int version;  /**< INAMI_DOSSIER_OPTIONS_VERSION */
	inami_profession profession; /**< the provider's profession */
	int premium_year;      /**< the premium year the dossier is about */
	int retired;            /**< legal pension taken: avantage de convention, paid to a bank account */
	int has_bank_account;   /**< a bank account is registered with INAMI */
} inami_dossier_options;

/** Initialiser of inami_dossier_options: its version set and every other field at its default. */
#define INAMI_DOSSIER_OPTIONS_INIT { INAMI_DOSSIER_OPTIONS_VERSION, INAMI_PROFESSION_NONE, 0, 0, 0 }

/** Initialise `options` as INAMI_DOSSIER_OPTIONS_INIT does (INAMI_EVERSION for an unknown version). */
INAMI_EXTERN(int) inami_dossier_options_init(inami_dossier_options *options, unsigned int version);

/** Version of inami_dossier_event. */
#define INAMI_DOSSIER_EVENT_VERSION 1

/** An event to apply. */
typedef struct inami_dossier_event {
	unsigned int version;  /**< INAMI_DOSSIER_EVENT_VERSION */
	inami_dossier_event_kind kind; /**< what happened */
	inami_date date;          /**< when it happened; 0 = not given (deadlines are then not checked) */
	int64_t amount_cents;     /**< decision or payment amount; -1 = not given */
	const char *note;         /**< free text on one line (contract reference...), NULL = none */
} inami_dossier_event;

/** Initialiser of inami_dossier_event: its version set and every other field at its default. */
#define INAMI_DOSSIER_EVENT_INIT { INAMI_DOSSIER_EVENT_VERSION, INAMI_EVENT_CONTRACT_RECEIVED, 0, -1, NULL }

/** Initialise `event` as INAMI_DOSSIER_EVENT_INIT does (INAMI_EVERSION for an unknown version). */
INAMI_EXTERN(int) inami_dossier_event_init(inami_dossier_event *event, unsigned int version);

/** Version of inami_notification. */
#define INAMI_NOTIFICATION_VERSION 1

/** The notification a transition yields. Set `version` before a call. */
typedef struct inami_notification {
	unsigned int version;  /**< INAMI_NOTIFICATION_VERSION, set by the caller */
	inami_notice notice;   /**< the kind of message INAMI sends */
	inami_action action;          /**< with INAMI_NOTICE_ACTION_NEEDED */
	inami_date date;              /**< the event's date (0 if not given) */
	inami_date deadline;          /**< when to act by (extra information, contest), 0 if none or unknown */
	inami_provenance provenance;  /**< see inami_notice_provenance */
} inami_notification;

/** Initialiser of inami_notification: its version set and every other field at its default. */
#define INAMI_NOTIFICATION_INIT { INAMI_NOTIFICATION_VERSION, INAMI_NOTICE_NONE, INAMI_ACTION_NONE, 0, 0, \
	INAMI_PROV_DERIVED }

/** Initialise `notification` as INAMI_NOTIFICATION_INIT does (INAMI_EVERSION for an unknown version). */
INAMI_EXTERN(int) inami_notification_init(inami_notification *notification, unsigned int version);

/**
 * A dossier: one provider, one premium year. Not thread-safe: a dossier that
 * is applied events on one thread must not be read on another at the same
 * time (reads alone may run concurrently). Dossiers are independent of each
 * other and of the rules.
 */
typedef struct inami_dossier inami_dossier;

/**
 * A new dossier in state contract_pending. INAMI_ENORULES when the automated
 * procedure does not cover that profession and premium year (it starts with
 * premium year 2019, 2020 for doctors and dentists, 2023 for midwives: see
 * [law calendar] of the rules).
 */
INAMI_EXTERN(int) inami_dossier_new(inami_dossier **out, const inami_dossier_options *options);

/**
 * Take the dossier's deadlines from the procedure calendar of `rules` (its
 * [law calendar] sections, layered rules files included) instead of the
 * embedded rules. The days of the dossier's profession and premium year are
 * copied: `rules` need not outlive the dossier. NULL goes back to the
 * embedded calendar. The choice is not part of the text form: set it again
 * after inami_dossier_parse(). INAMI_ENORULES when the calendar of `rules`
 * does not cover the dossier's premium year (the dossier is then unchanged).
 */
INAMI_EXTERN(int) inami_dossier_use_rules(inami_dossier *dossier, const inami_ruleset *rules);

/** Free a dossier (NULL is ignored). */
INAMI_EXTERN(void) inami_dossier_free(inami_dossier *dossier);

/**
 * Apply an event. On success the dossier moves and `*notification` (may be
 * NULL) says what INAMI sends. On error the dossier is unchanged:
 * INAMI_ESTATE (event not allowed in the current state, or after its
 * deadline; the message names the allowed events), INAMI_EINVAL (bad date,
 * a date before the previous event, a note with a line break),
 * INAMI_ENEGATIVE (amount), INAMI_EVERSION.
 */
INAMI_EXTERN(int) inami_dossier_apply(inami_dossier *dossier, const inami_dossier_event *event,
	inami_notification *notification);

/** 1 when `kind` is allowed in the current state (deadlines not checked), else 0. */
INAMI_EXTERN(int) inami_dossier_allows(const inami_dossier *dossier, inami_dossier_event_kind kind);

/** The current state. */
INAMI_EXTERN(inami_dossier_state) inami_dossier_current(const inami_dossier *dossier);
/** The profession the dossier is about. */
INAMI_EXTERN(inami_profession) inami_dossier_profession(const inami_dossier *dossier);
/** The premium year the dossier is about. */
INAMI_EXTERN(int) inami_dossier_premium_year(const inami_dossier *dossier);
/** 1 when the provider has taken the legal pension (paid to a bank account). */
INAMI_EXTERN(int) inami_dossier_retired(const inami_dossier *dossier);
/** 1 when a bank account is registered (from the options or a bank_account_registered event). */
INAMI_EXTERN(int) inami_dossier_has_bank_account(const inami_dossier *dossier);
/** Contracts received (an insurer's contract data counted once per contract_received). */
INAMI_EXTERN(int) inami_dossier_contracts(const inami_dossier *dossier);
/** Amount of the last decision or payment that gave one, -1 if none. */
INAMI_EXTERN(int64_t) inami_dossier_amount_cents(const inami_dossier *dossier);

/**
 * The deadline that applies now: extra information (evaluated,
 * manual_request_required, extra_info_submitted), contest (decided_partial,
 * decided_refused: notification date + the contest window), payment (decided
 * full or partial, contested). INAMI_ENORULES when none applies or the data
 * does not give it for this premium year (or the decision date is unknown).
 */
INAMI_EXTERN(int) inami_dossier_deadline(const inami_dossier *dossier, inami_date *deadline,
	const char **milestone_id);

/** Events applied so far. */
INAMI_EXTERN(size_t) inami_dossier_history_count(const inami_dossier *dossier);

/** Event `index` (its note lives as long as the dossier) and the state it led to. */
INAMI_EXTERN(int) inami_dossier_history(const inami_dossier *dossier, size_t index,
	inami_dossier_event *event, inami_dossier_state *state_after);

/**
 * The dossier as text (format in docs/dossier.md) in a new NUL-terminated
 * string `*out` of `*len` bytes (len may be NULL), freed with inami_free().
 */
INAMI_EXTERN(int) inami_dossier_serialize(const inami_dossier *dossier, char **out, size_t *len);

/**
 * inami_dossier_serialize() with comment lines in `lang` after the header,
 * each event and the state, saying in words what they are; reading ignores
 * comments, so the text reads back to the same dossier. INAMI_EINVAL for an
 * unknown language.
 */
INAMI_EXTERN(int) inami_dossier_serialize_lang(const inami_dossier *dossier, inami_lang lang, char **out,
	size_t *len);

/**
 * Read a dossier written by inami_dossier_serialize(): the events are
 * replayed, so an invalid history is refused. INAMI_EPARSE with name:line
 * for malformed text; `name` names the text in messages (NULL: "<dossier>").
 */
INAMI_EXTERN(int) inami_dossier_parse(inami_dossier **out, const char *text, size_t len, const char *name);

/* ------------------------------------------------------------------------ */
/* Procedure calendar                                                        */

/** Precision of a milestone date. */
typedef enum inami_date_precision {
	INAMI_PRECISION_NONE = 0,      /**< no date: NOT FOUND for that year */
	INAMI_PRECISION_DAY = 1,       /**< an exact day */
	INAMI_PRECISION_MONTH = 2,     /**< only the month is known; `date` is its first day */
	INAMI_PRECISION_RELATIVE = 3   /**< relative to the dossier's decision (`relative_days`) */
} inami_date_precision;

/** Version of inami_milestone. */
#define INAMI_MILESTONE_VERSION 1

/** One milestone of the yearly procedure. Strings live as long as the timeline. */
typedef struct inami_milestone {
	unsigned int version;  /**< INAMI_MILESTONE_VERSION, set by the caller */
	const char *id;               /**< "contract_concluded", "extra_info_deadline", ... */
	inami_date date;       /**< the date, 0 when none (see precision) */
	inami_date_precision precision; /**< how exact `date` is */
	const char *iso;              /**< "2021-08-31", "2021-09" (month), "" when no date */
	int relative_days;            /**< calendar days after the decision notification (RELATIVE) */
	const char *rule;             /**< the data's rule: "N+1-08-31", "2021-02-01", "+60d", "" */
	inami_provenance provenance;  /**< INAMI_PROV_NOT_FOUND when the data has nothing for that year */
	const char *source;    /**< source of the rule, "" if none */
	const char *note;      /**< caveats, "" if none */
} inami_milestone;

/**
 * The milestones of a profession's premium year, in procedure order.
 * Immutable once built: safe to read from several threads at once.
 */
typedef struct inami_timeline inami_timeline;

/**
 * Build the timeline of `premium_year`: every milestone, those the data does
 * not date for that year with INAMI_PRECISION_NONE and INAMI_PROV_NOT_FOUND.
 * INAMI_ENORULES when the automated procedure does not cover the year.
 */
INAMI_EXTERN(int) inami_procedure_timeline(inami_timeline **out, inami_profession profession,
	int premium_year);

/**
 * As inami_procedure_timeline(), from the [law calendar] sections of `rules`
 * (NULL: the embedded rules, as inami_procedure_timeline() does), so that a
 * rules file that moves a deadline moves the timeline. The timeline keeps
 * its own copy of the milestones' texts: the rules may be freed before it.
 */
INAMI_EXTERN(int) inami_procedure_timeline_rules(inami_timeline **out, const inami_ruleset *rules,
	inami_profession profession, int premium_year);

/** Free a timeline (NULL is ignored). */
INAMI_EXTERN(void) inami_timeline_free(inami_timeline *timeline);
/** Number of milestones. */
INAMI_EXTERN(size_t) inami_timeline_count(const inami_timeline *timeline);
/** Milestone `index` in procedure order; `out->version` must be set. INAMI_ERANGE when out of range. */
INAMI_EXTERN(int) inami_timeline_milestone(const inami_timeline *timeline, size_t index,
	inami_milestone *out);

/**
 * Milestone `id` of the timeline. INAMI_ENOTFOUND for an unknown id,
 * INAMI_ENORULES (message naming the year) when the data does not give it.
 */
INAMI_EXTERN(int) inami_timeline_find(const inami_timeline *timeline, const char *id,
	inami_milestone *out);

/** Label of a milestone id in a language (NULL for an unknown id). */
INAMI_EXTERN(const char *) inami_milestone_label(const char *id, inami_lang lang);

INAMI_END_DECL

#endif
