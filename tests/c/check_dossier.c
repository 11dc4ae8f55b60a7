/*
 * The dossier state machine (docs/sources/procedure.md, DERIVED), its
 * notifications, deadlines from the [law calendar] sections of libinami/data/law.rules and the
 * text form. Golden dates: extra information until 31 August N+1, contest
 * within 60 calendar days (https://www.asgb.be/node/28219), payment by
 * 15 January N+2 (https://bnpparibasfortis.be/generic/ebw/en/public/entrepreneurs/save-and-invest/supplementary-pension-for-self-employed/inami),
 * first contract-data cut-off 1 February 2021 for premium year 2020
 * (https://socialevoordelen.be/apotheker/).
 */
#include <stdlib.h>
#include <string.h>

#include "test_util.h"

#define E(x) INAMI_EVENT_##x
#define S(x) INAMI_DOSSIER_##x

static inami_dossier *make(int retired, int bank)
{
	inami_dossier_options o = INAMI_DOSSIER_OPTIONS_INIT;
	inami_dossier *d = NULL;
	o.profession = INAMI_PHYSIOTHERAPIST;
	o.premium_year = 2023;
	o.retired = retired;
	o.has_bank_account = bank;
	ck_assert_int_eq(inami_dossier_new(&d, &o), INAMI_OK);
	return d;
}

static int apply(inami_dossier *d, inami_dossier_event_kind k, inami_date date, inami_notification *n)
{
	inami_dossier_event e = INAMI_DOSSIER_EVENT_INIT;
	e.kind = k;
	e.date = date;
	return inami_dossier_apply(d, &e, n);
}

static void run(inami_dossier *d, const inami_dossier_event_kind *path, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (apply(d, path[i], 0, NULL) != INAMI_OK)
			ck_abort_msg("path step %zu (%s): %s", i, inami_event_kind_id(path[i]), inami_error_last());
}

/* A path from contract_pending to each state, and the events each state allows (-> target). */
typedef struct state_case {
	inami_dossier_state state;
	int retired;
	inami_dossier_event_kind path[6];
	size_t path_len;
	int target[INAMI_EVENT_KIND_COUNT];   /* target state + 1, 0 = refused */
} state_case;

#define T(s) (S(s) + 1)

static const state_case cases[] = {
	{ S(CONTRACT_PENDING), 0, { 0 }, 0,
	  { [E(CONTRACT_RECEIVED)] = T(CONTRACT_RECEIVED), [E(NO_CONTRACT_LINKED)] = T(MANUAL_REQUEST_REQUIRED),
	    [E(BANK_ACCOUNT_REGISTERED)] = T(CONTRACT_PENDING) } },
	{ S(CONTRACT_RECEIVED), 0, { E(CONTRACT_RECEIVED) }, 1,
	  { [E(CONTRACT_RECEIVED)] = T(TWO_CONTRACTS), [E(CONTRACT_CHANGED)] = T(CONTRACT_RECEIVED),
	    [E(CONTRACT_LINKED)] = T(CONTRACT_LINKED), [E(NO_CONTRACT_LINKED)] = T(MANUAL_REQUEST_REQUIRED),
	    [E(BANK_ACCOUNT_REGISTERED)] = T(CONTRACT_RECEIVED) } },
	{ S(TWO_CONTRACTS), 0, { E(CONTRACT_RECEIVED), E(CONTRACT_RECEIVED) }, 2,
	  { [E(CONTRACT_RECEIVED)] = T(TWO_CONTRACTS), [E(CONTRACT_CHANGED)] = T(TWO_CONTRACTS),
	    [E(CONTRACT_CHOSEN)] = T(CONTRACT_LINKED), [E(NO_CONTRACT_LINKED)] = T(MANUAL_REQUEST_REQUIRED),
	    [E(BANK_ACCOUNT_REGISTERED)] = T(TWO_CONTRACTS) } },
	{ S(CONTRACT_LINKED), 0, { E(CONTRACT_RECEIVED), E(CONTRACT_LINKED) }, 2,
	  { [E(CONTRACT_RECEIVED)] = T(TWO_CONTRACTS), [E(CONTRACT_CHANGED)] = T(CONTRACT_LINKED),
	    [E(EVALUATED)] = T(EVALUATED), [E(CONDITIONS_NOT_MET)] = T(MANUAL_REQUEST_REQUIRED),
	    [E(BANK_ACCOUNT_REGISTERED)] = T(CONTRACT_LINKED) } },
	{ S(EVALUATED), 0, { E(CONTRACT_RECEIVED), E(CONTRACT_LINKED), E(EVALUATED) }, 3,
	  { [E(EXTRA_INFO_REQUESTED)] = T(EVALUATED), [E(EXTRA_INFO_SUBMITTED)] = T(EXTRA_INFO_SUBMITTED),
	    [E(DECISION_FULL)] = T(DECIDED_FULL), [E(DECISION_PARTIAL)] = T(DECIDED_PARTIAL),
	    [E(DECISION_REFUSED)] = T(DECIDED_REFUSED), [E(BANK_ACCOUNT_REGISTERED)] = T(EVALUATED) } },
	{ S(MANUAL_REQUEST_REQUIRED), 0, { E(NO_CONTRACT_LINKED) }, 1,
	  { [E(EXTRA_INFO_REQUESTED)] = T(MANUAL_REQUEST_REQUIRED), [E(EXTRA_INFO_SUBMITTED)] = T(EXTRA_INFO_SUBMITTED),
	    [E(DECISION_FULL)] = T(DECIDED_FULL), [E(DECISION_PARTIAL)] = T(DECIDED_PARTIAL),
	    [E(DECISION_REFUSED)] = T(DECIDED_REFUSED), [E(BANK_ACCOUNT_REGISTERED)] = T(MANUAL_REQUEST_REQUIRED) } },
	{ S(EXTRA_INFO_SUBMITTED), 0, { E(NO_CONTRACT_LINKED), E(EXTRA_INFO_SUBMITTED) }, 2,
	  { [E(EXTRA_INFO_REQUESTED)] = T(EXTRA_INFO_SUBMITTED), [E(EXTRA_INFO_SUBMITTED)] = T(EXTRA_INFO_SUBMITTED),
	    [E(DECISION_FULL)] = T(DECIDED_FULL), [E(DECISION_PARTIAL)] = T(DECIDED_PARTIAL),
	    [E(DECISION_REFUSED)] = T(DECIDED_REFUSED), [E(BANK_ACCOUNT_REGISTERED)] = T(EXTRA_INFO_SUBMITTED) } },
	{ S(DECIDED_FULL), 0, { E(NO_CONTRACT_LINKED), E(DECISION_FULL) }, 2,
	  { [E(PAID)] = T(PAID_TO_INSURER), [E(BANK_ACCOUNT_REGISTERED)] = T(DECIDED_FULL) } },
	{ S(DECIDED_PARTIAL), 0, { E(NO_CONTRACT_LINKED), E(DECISION_PARTIAL) }, 2,
	  { [E(PAID)] = T(PAID_TO_INSURER), [E(CONTESTED)] = T(CONTESTED),
	    [E(BANK_ACCOUNT_REGISTERED)] = T(DECIDED_PARTIAL) } },
	{ S(DECIDED_REFUSED), 0, { E(NO_CONTRACT_LINKED), E(DECISION_REFUSED) }, 2,
	  { [E(CONTESTED)] = T(CONTESTED), [E(CLOSED)] = T(CLOSED), [E(BANK_ACCOUNT_REGISTERED)] = T(DECIDED_REFUSED) } },
	{ S(CONTESTED), 0, { E(NO_CONTRACT_LINKED), E(DECISION_REFUSED), E(CONTESTED) }, 3,
	  { [E(DECISION_FULL)] = T(DECIDED_FULL), [E(DECISION_PARTIAL)] = T(DECIDED_PARTIAL),
	    [E(DECISION_REFUSED)] = T(DECIDED_REFUSED), [E(BANK_ACCOUNT_REGISTERED)] = T(CONTESTED) } },
	{ S(PAID_TO_INSURER), 0, { E(NO_CONTRACT_LINKED), E(DECISION_FULL), E(PAID) }, 3,
	  { [E(CLOSED)] = T(CLOSED) } },
	{ S(PAID_TO_BANK_ACCOUNT), 1, { E(BANK_ACCOUNT_REGISTERED), E(EVALUATED), E(DECISION_FULL), E(PAID) }, 4,
	  { [E(CLOSED)] = T(CLOSED) } },
	{ S(CLOSED), 0, { E(NO_CONTRACT_LINKED), E(DECISION_REFUSED), E(CLOSED) }, 3, { 0 } },
	/* a retired provider: no contract needed, no "no contract" event */
	{ S(CONTRACT_PENDING), 1, { 0 }, 0,
	  { [E(CONTRACT_RECEIVED)] = T(CONTRACT_RECEIVED), [E(EVALUATED)] = T(EVALUATED),
	    [E(CONDITIONS_NOT_MET)] = T(MANUAL_REQUEST_REQUIRED), [E(BANK_ACCOUNT_REGISTERED)] = T(CONTRACT_PENDING) } },
};

/* Every event in every state: allowed ones move to their target, the others are refused unchanged. */
START_TEST(test_every_transition)
{
	size_t seen_states = 0;
	for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
		const state_case *sc = &cases[c];
		for (int k = 0; k < INAMI_EVENT_KIND_COUNT; k++) {
			inami_dossier *d = make(sc->retired, 1);
			run(d, sc->path, sc->path_len);
			ck_assert_int_eq(inami_dossier_current(d), sc->state);
			size_t before = inami_dossier_history_count(d);
			int allowed = inami_dossier_allows(d, (inami_dossier_event_kind)k);
			int st = apply(d, (inami_dossier_event_kind)k, 0, NULL);
			if (sc->target[k]) {
				if (st != INAMI_OK)
					ck_abort_msg("%s in %s refused: %s", inami_event_kind_id(k),
						inami_dossier_state_id(sc->state), inami_error_last());
				ck_assert_int_eq(allowed, 1);
				ck_assert_int_eq(inami_dossier_current(d), sc->target[k] - 1);
				ck_assert_uint_eq(inami_dossier_history_count(d), before + 1);
			} else {
				if (st != INAMI_ESTATE)
					ck_abort_msg("%s in %s: status %d, expected INAMI_ESTATE", inami_event_kind_id(k),
						inami_dossier_state_id(sc->state), st);
				ck_assert_int_eq(allowed, 0);
				ck_assert_int_eq(inami_dossier_current(d), sc->state);
				ck_assert_uint_eq(inami_dossier_history_count(d), before);
				ck_assert_ptr_nonnull(strstr(inami_error_last(), "not allowed in state"));
			}
			inami_dossier_free(d);
		}
		seen_states |= (size_t)1 << sc->state;
	}
	ck_assert_uint_eq(seen_states, ((size_t)1 << INAMI_DOSSIER_STATE_COUNT) - 1);
}
END_TEST

START_TEST(test_notifications_and_deadlines)
{
	inami_dossier *d = make(0, 0);
	inami_notification n = INAMI_NOTIFICATION_INIT;
	inami_date deadline;
	const char *milestone;

	ck_assert_int_eq(apply(d, E(CONTRACT_RECEIVED), 20240115, &n), INAMI_OK);
	ck_assert_int_eq(n.notice, INAMI_NOTICE_CONTRACT_DATA_CHANGED);
	ck_assert_int_eq(n.provenance, INAMI_PROV_DERIVED);
	ck_assert_int_eq(apply(d, E(CONTRACT_RECEIVED), 20240120, &n), INAMI_OK);
	ck_assert_int_eq(n.notice, INAMI_NOTICE_ACTION_NEEDED);
	ck_assert_int_eq(n.action, INAMI_ACTION_TWO_CONTRACTS);
	ck_assert_int_eq(inami_dossier_contracts(d), 2);
	ck_assert_int_eq(apply(d, E(CONTRACT_CHANGED), 20240121, &n), INAMI_OK);
	ck_assert_int_eq(n.notice, INAMI_NOTICE_CONTRACT_DATA_CHANGED);
	ck_assert_int_eq(apply(d, E(CONTRACT_CHOSEN), 20240301, &n), INAMI_OK);
	ck_assert_int_eq(n.notice, INAMI_NOTICE_NONE);
	ck_assert_int_eq(inami_dossier_deadline(d, &deadline, NULL), INAMI_ENORULES);
	ck_assert_int_eq(apply(d, E(EVALUATED), 20240701, &n), INAMI_OK);
	ck_assert_int_eq(n.notice, INAMI_NOTICE_EVALUATION_AVAILABLE);
	ck_assert_int_eq(n.provenance, INAMI_PROV_SECONDARY);
	ck_assert_int_eq(n.deadline, 20240831);   /* extra information until 31 August N+1 */
	ck_assert_int_eq(inami_dossier_deadline(d, &deadline, &milestone), INAMI_OK);
	ck_assert_int_eq(deadline, 20240831);
	ck_assert_str_eq(milestone, "extra_info_deadline");
	ck_assert_int_eq(apply(d, E(EXTRA_INFO_REQUESTED), 20240710, &n), INAMI_OK);
	ck_assert_int_eq(n.notice, INAMI_NOTICE_EXTRA_DATA_REQUESTED);
	ck_assert_int_eq(n.deadline, 20240831);
	/* after 31 August: refused, unchanged */
	ck_assert_int_eq(apply(d, E(EXTRA_INFO_SUBMITTED), 20240901, &n), INAMI_ESTATE);
	ck_assert_ptr_nonnull(strstr(inami_error_last(), "2024-08-31"));
	ck_assert_int_eq(inami_dossier_current(d), S(EVALUATED));
	ck_assert_int_eq(apply(d, E(EXTRA_INFO_SUBMITTED), 20240831, &n), INAMI_OK);
	/* an event dated before the previous one */
	ck_assert_int_eq(apply(d, E(DECISION_PARTIAL), 20240801, &n), INAMI_EINVAL);
	inami_dossier_event e = INAMI_DOSSIER_EVENT_INIT;
	e.kind = E(DECISION_PARTIAL);
	e.date = 20240915;
	e.amount_cents = 120000;
	e.note = "reduced: activity below the full threshold";
	ck_assert_int_eq(inami_dossier_apply(d, &e, &n), INAMI_OK);
	ck_assert_int_eq(n.notice, INAMI_NOTICE_DECISION);
	ck_assert_int_eq(n.deadline, 20241114);   /* 15 September + 60 calendar days */
	ck_assert_int_eq(inami_dossier_amount_cents(d), 120000);
	ck_assert_int_eq(inami_dossier_deadline(d, &deadline, &milestone), INAMI_OK);
	ck_assert_int_eq(deadline, 20241114);
	ck_assert_str_eq(milestone, "contest_window");
	ck_assert_int_eq(apply(d, E(CONTESTED), 20241115, &n), INAMI_ESTATE);
	ck_assert_ptr_nonnull(strstr(inami_error_last(), "2024-11-14"));
	ck_assert_int_eq(apply(d, E(CONTESTED), 20241114, &n), INAMI_OK);
	ck_assert_int_eq(inami_dossier_deadline(d, &deadline, &milestone), INAMI_OK);
	ck_assert_int_eq(deadline, 20250115);     /* payment by 15 January N+2 */
	ck_assert_int_eq(apply(d, E(DECISION_FULL), 20241201, &n), INAMI_OK);
	ck_assert_int_eq(n.deadline, 0);
	ck_assert_int_eq(apply(d, E(PAID), 20250110, &n), INAMI_OK);
	ck_assert_int_eq(inami_dossier_current(d), S(PAID_TO_INSURER));
	ck_assert_int_eq(apply(d, E(CLOSED), 0, &n), INAMI_OK);
	ck_assert_int_eq(inami_dossier_current(d), S(CLOSED));

	inami_dossier_event h;
	inami_dossier_state after;
	ck_assert_uint_eq(inami_dossier_history_count(d), 12);
	ck_assert_int_eq(inami_dossier_history(d, 7, &h, &after), INAMI_OK);
	ck_assert_int_eq(h.kind, E(DECISION_PARTIAL));
	ck_assert_str_eq(h.note, "reduced: activity below the full threshold");
	ck_assert_int_eq(after, S(DECIDED_PARTIAL));
	ck_assert_int_eq(inami_dossier_history(d, 12, &h, &after), INAMI_ERANGE);
	inami_dossier_free(d);
}
END_TEST

START_TEST(test_retired_provider)
{
	inami_dossier *d = make(1, 0);
	inami_notification n = INAMI_NOTIFICATION_INIT;
	ck_assert_int_eq(inami_dossier_retired(d), 1);
	ck_assert_int_eq(apply(d, E(NO_CONTRACT_LINKED), 0, &n), INAMI_ESTATE);
	ck_assert_ptr_nonnull(strstr(inami_error_last(), "retired"));
	ck_assert_int_eq(apply(d, E(EVALUATED), 20240701, &n), INAMI_OK);
	ck_assert_int_eq(n.notice, INAMI_NOTICE_ACTION_NEEDED);
	ck_assert_int_eq(n.action, INAMI_ACTION_NO_BANK_ACCOUNT);
	ck_assert_int_eq(apply(d, E(DECISION_FULL), 20240910, &n), INAMI_OK);
	ck_assert_int_eq(apply(d, E(PAID), 20241001, &n), INAMI_ESTATE);
	ck_assert_ptr_nonnull(strstr(inami_error_last(), "bank account"));
	ck_assert_int_eq(apply(d, E(BANK_ACCOUNT_REGISTERED), 20241002, &n), INAMI_OK);
	ck_assert_int_eq(inami_dossier_has_bank_account(d), 1);
	ck_assert_int_eq(apply(d, E(PAID), 20241101, &n), INAMI_OK);
	ck_assert_int_eq(inami_dossier_current(d), S(PAID_TO_BANK_ACCOUNT));
	inami_dossier_free(d);
}
END_TEST

START_TEST(test_dossier_errors)
{
	inami_dossier_options o = INAMI_DOSSIER_OPTIONS_INIT;
	inami_dossier *d = NULL;
	o.profession = INAMI_PHYSIOTHERAPIST;
	o.premium_year = 2018;   /* before the automated procedure */
	ck_assert_int_eq(inami_dossier_new(&d, &o), INAMI_ENORULES);
	ck_assert_ptr_nonnull(strstr(inami_error_last(), "2019"));
	ck_assert_ptr_null(d);
	o.profession = INAMI_DOCTOR;
	o.premium_year = 2019;   /* doctors: paper until premium year 2019 */
	ck_assert_int_eq(inami_dossier_new(&d, &o), INAMI_ENORULES);
	o.profession = INAMI_MIDWIFE;
	o.premium_year = 2022;
	ck_assert_int_eq(inami_dossier_new(&d, &o), INAMI_ENORULES);
	o.premium_year = 2023;
	ck_assert_int_eq(inami_dossier_new(&d, &o), INAMI_OK);
	inami_dossier_free(d);
	o.profession = INAMI_PROFESSION_NONE;
	ck_assert_int_eq(inami_dossier_new(&d, &o), INAMI_ENOPROFESSION);
	o.profession = INAMI_NURSE;
	o.version = 9;
	ck_assert_int_eq(inami_dossier_new(&d, &o), INAMI_EVERSION);
	ck_assert_int_eq(inami_dossier_new(NULL, &o), INAMI_ENULL);
	ck_assert_int_eq(inami_dossier_options_init(&o, INAMI_DOSSIER_OPTIONS_VERSION), INAMI_OK);

	d = make(0, 0);
	inami_dossier_event e = INAMI_DOSSIER_EVENT_INIT;
	e.date = 20241332;
	ck_assert_int_eq(inami_dossier_apply(d, &e, NULL), INAMI_EINVAL);
	e.date = 0;
	e.note = "two\nlines";
	ck_assert_int_eq(inami_dossier_apply(d, &e, NULL), INAMI_EINVAL);
	e.note = NULL;
	e.amount_cents = -5;
	ck_assert_int_eq(inami_dossier_apply(d, &e, NULL), INAMI_ENEGATIVE);
	e.amount_cents = -1;
	e.kind = (inami_dossier_event_kind)99;
	ck_assert_int_eq(inami_dossier_apply(d, &e, NULL), INAMI_EINVAL);
	e.kind = E(CONTRACT_RECEIVED);
	e.version = 0;
	ck_assert_int_eq(inami_dossier_apply(d, &e, NULL), INAMI_EVERSION);
	e.version = INAMI_DOSSIER_EVENT_VERSION;
	inami_notification n = INAMI_NOTIFICATION_INIT;
	n.version = 3;
	ck_assert_int_eq(inami_dossier_apply(d, &e, &n), INAMI_EVERSION);
	ck_assert_int_eq(inami_dossier_apply(NULL, &e, NULL), INAMI_ENULL);
	ck_assert_int_eq(inami_dossier_current(d), S(CONTRACT_PENDING));
	ck_assert_uint_eq(inami_dossier_history_count(d), 0);
	inami_dossier_free(d);
	inami_dossier_free(NULL);

	/* premium year 2019: the extra-information deadline is NOT FOUND */
	o.profession = INAMI_PHYSIOTHERAPIST;
	o.premium_year = 2019;
	ck_assert_int_eq(inami_dossier_new(&d, &o), INAMI_OK);
	ck_assert_int_eq(apply(d, E(NO_CONTRACT_LINKED), 0, NULL), INAMI_OK);
	inami_date deadline;
	ck_assert_int_eq(inami_dossier_deadline(d, &deadline, NULL), INAMI_ENORULES);
	ck_assert_ptr_nonnull(strstr(inami_error_last(), "NOT FOUND"));
	ck_assert_int_eq(apply(d, E(EXTRA_INFO_SUBMITTED), 20201015, NULL), INAMI_OK);   /* not enforced */
	inami_dossier_free(d);
}
END_TEST

START_TEST(test_text_roundtrip)
{
	inami_dossier *d = make(1, 0), *back = NULL;
	inami_dossier_event e = INAMI_DOSSIER_EVENT_INIT;
	char *text = NULL, *again = NULL;
	size_t len;

	ck_assert_int_eq(apply(d, E(CONTRACT_RECEIVED), 20240110, NULL), INAMI_OK);
	ck_assert_int_eq(apply(d, E(EVALUATED), 0, NULL), INAMI_OK);
	e.kind = E(DECISION_PARTIAL);
	e.date = 20240920;
	e.amount_cents = 123456;
	e.note = "ref 42 = partial";
	ck_assert_int_eq(inami_dossier_apply(d, &e, NULL), INAMI_OK);
	ck_assert_int_eq(inami_dossier_serialize(d, &text, &len), INAMI_OK);
	ck_assert_uint_eq(len, strlen(text));
	ck_assert_str_eq(text,
		"inami-dossier 1\nprofession physiotherapist\npremium_year 2023\nretired yes\nbank_account no\n"
		"event 2024-01-10 contract_received\nevent - evaluated\n"
		"event 2024-09-20 decision_partial amount=1234.56 note=ref 42 = partial\nstate decided_partial\n");
	ck_assert_int_eq(inami_dossier_parse(&back, text, len, "d.txt"), INAMI_OK);
	ck_assert_int_eq(inami_dossier_current(back), S(DECIDED_PARTIAL));
	ck_assert_int_eq(inami_dossier_amount_cents(back), 123456);
	ck_assert_int_eq(inami_dossier_retired(back), 1);
	ck_assert_int_eq(inami_dossier_serialize(back, &again, NULL), INAMI_OK);
	ck_assert_str_eq(text, again);
	inami_free(text);
	inami_free(again);
	inami_dossier_free(back);
	inami_dossier_free(d);
}
END_TEST

static void expect_parse_error(const char *text, const char *fragment)
{
	inami_dossier *d = (inami_dossier *)1;
	ck_assert_int_eq(inami_dossier_parse(&d, text, strlen(text), "d.txt"), INAMI_EPARSE);
	ck_assert_ptr_null(d);
	if (strstr(inami_error_last(), fragment) == NULL)
		ck_abort_msg("message '%s' lacks '%s'", inami_error_last(), fragment);
}

#define HEAD "inami-dossier 1\nprofession nurse\npremium_year 2022\n"

START_TEST(test_text_errors)
{
	inami_dossier *d = NULL;
	const char *ok = HEAD "state contract_pending\n";
	ck_assert_int_eq(inami_dossier_parse(&d, ok, strlen(ok), NULL), INAMI_OK);
	ck_assert_int_eq(inami_dossier_profession(d), INAMI_NURSE);
	ck_assert_int_eq(inami_dossier_premium_year(d), 2022);
	inami_dossier_free(d);

	expect_parse_error("", "empty dossier");
	expect_parse_error("inami-dossier 2\n", "d.txt:1:");
	expect_parse_error(HEAD "event 2023-01-01 contract_received\n", "without its 'state' line");
	expect_parse_error(HEAD "event 2023-01-01 contract_received\nstate evaluated\n", "lead to 'contract_received'");
	expect_parse_error(HEAD "event 2023-01-01 paid\nstate paid_to_insurer\n", "d.txt:4: event 'paid' is not allowed");
	expect_parse_error(HEAD "event 2023-01-01 teleport\nstate contract_pending\n", "unknown event");
	expect_parse_error(HEAD "event 2023-13-01 contract_received\nstate contract_received\n", "bad event date");
	expect_parse_error(HEAD "event - decision_full amount=12,5\nstate x\n", "d.txt:4:");
	expect_parse_error(HEAD "event - contract_received extra\nstate contract_received\n", "unexpected text");
	expect_parse_error(HEAD "state contract_pending\nevent - contract_received\n", "nothing may follow");
	expect_parse_error(HEAD "event - contract_received\nretired no\nstate contract_received\n", "header line after");
	expect_parse_error("inami-dossier 1\nprofession nurse\nprofession nurse\n", "repeated header");
	expect_parse_error("inami-dossier 1\nprofession plumber\n", "unknown profession");
	expect_parse_error("inami-dossier 1\nprofession nurse\npremium_year 1850\n", "bad premium year");
	expect_parse_error("inami-dossier 1\nprofession nurse\nstate contract_pending\n", "needs 'profession' and 'premium_year'");
	expect_parse_error("inami-dossier 1\nprofession nurse\npremium_year 2017\nstate contract_pending\n", "2019");
	expect_parse_error(HEAD "retired maybe\n", "yes or no");
	expect_parse_error(HEAD "colour blue\n", "unknown line");
	expect_parse_error(HEAD "state nowhere\n", "unknown state");
}
END_TEST

START_TEST(test_timeline)
{
	inami_timeline *t = NULL;
	inami_milestone m;

	memset(&m, 0, sizeof(m));
	m.version = INAMI_MILESTONE_VERSION;

	ck_assert_int_eq(inami_procedure_timeline(&t, INAMI_PHYSIOTHERAPIST, 2020), INAMI_OK);
	ck_assert_uint_eq(inami_timeline_count(t), 9);
	ck_assert_int_eq(inami_timeline_find(t, "contract_concluded", &m), INAMI_OK);
	ck_assert_str_eq(m.iso, "2020-12-31");
	ck_assert_int_eq(m.provenance, INAMI_PROV_OFFICIAL);
	ck_assert_int_eq(inami_timeline_find(t, "contract_data_cutoff", &m), INAMI_OK);
	ck_assert_str_eq(m.iso, "2021-02-01");
	ck_assert_int_eq(inami_timeline_find(t, "evaluation_available", &m), INAMI_OK);
	ck_assert_str_eq(m.iso, "2021-07");
	ck_assert_int_eq(m.precision, INAMI_PRECISION_MONTH);
	ck_assert_int_eq(m.date, 20210701);
	ck_assert_int_eq(inami_timeline_find(t, "extra_info_deadline", &m), INAMI_OK);
	ck_assert_int_eq(m.date, 20210831);
	ck_assert_str_eq(m.rule, "N+1-08-31");
	ck_assert_ptr_nonnull(strstr(m.source, "socialevoordelen.be"));
	ck_assert_int_eq(inami_timeline_find(t, "decision", &m), INAMI_OK);
	ck_assert_str_eq(m.iso, "2021-09");
	ck_assert_int_eq(inami_timeline_find(t, "contest_window", &m), INAMI_OK);
	ck_assert_int_eq(m.precision, INAMI_PRECISION_RELATIVE);
	ck_assert_int_eq(m.relative_days, 60);
	ck_assert_int_eq(inami_timeline_find(t, "payment_deadline", &m), INAMI_OK);
	ck_assert_str_eq(m.iso, "2022-01-15");
	ck_assert_int_eq(inami_timeline_find(t, "file_access", &m), INAMI_ENORULES);
	ck_assert_int_eq(m.provenance, INAMI_PROV_NOT_FOUND);
	ck_assert_str_eq(m.iso, "");
	ck_assert_int_eq(inami_timeline_find(t, "lunch", &m), INAMI_ENOTFOUND);
	ck_assert_int_eq(inami_timeline_milestone(t, 9, &m), INAMI_ERANGE);
	m.version = 0;
	ck_assert_int_eq(inami_timeline_milestone(t, 0, &m), INAMI_EVERSION);
	m.version = INAMI_MILESTONE_VERSION;
	inami_timeline_free(t);

	/* cycle-specific dates */
	ck_assert_int_eq(inami_procedure_timeline(&t, INAMI_PHYSIOTHERAPIST, 2019), INAMI_OK);
	ck_assert_int_eq(inami_timeline_find(t, "contract_snapshot", &m), INAMI_OK);
	ck_assert_str_eq(m.iso, "2020-04-30");
	ck_assert_int_eq(inami_timeline_find(t, "evaluation_available", &m), INAMI_OK);
	ck_assert_str_eq(m.iso, "2020-08");
	ck_assert_int_eq(inami_timeline_find(t, "decision", &m), INAMI_ENORULES);
	ck_assert_ptr_nonnull(strstr(inami_error_last(), "physiotherapist premium year 2019"));
	inami_timeline_free(t);
	ck_assert_int_eq(inami_procedure_timeline(&t, INAMI_PHARMACIST, 2019), INAMI_OK);
	ck_assert_int_eq(inami_timeline_find(t, "decision", &m), INAMI_OK);
	ck_assert_str_eq(m.iso, "2020-10");
	inami_timeline_free(t);
	ck_assert_int_eq(inami_procedure_timeline(&t, INAMI_DENTIST, 2022), INAMI_OK);
	ck_assert_int_eq(inami_timeline_find(t, "contract_data_cutoff", &m), INAMI_OK);
	ck_assert_str_eq(m.iso, "2023-02-01");
	ck_assert_int_eq(inami_timeline_find(t, "file_access", &m), INAMI_OK);
	ck_assert_str_eq(m.iso, "2023-02");
	inami_timeline_free(t);
	ck_assert_int_eq(inami_procedure_timeline(&t, INAMI_DENTIST, 2019), INAMI_ENORULES);
	ck_assert_ptr_null(t);
	ck_assert_int_eq(inami_procedure_timeline(&t, (inami_profession)42, 2022), INAMI_ENOPROFESSION);
	ck_assert_int_eq(inami_procedure_timeline(NULL, INAMI_NURSE, 2022), INAMI_ENULL);
}
END_TEST

START_TEST(test_labels)
{
	for (int l = 0; l < 3; l++) {
		for (int s = 0; s < INAMI_DOSSIER_STATE_COUNT; s++) {
			inami_dossier_state back;
			ck_assert_ptr_nonnull(inami_dossier_state_label((inami_dossier_state)s, (inami_lang)l));
			ck_assert_int_eq(inami_dossier_state_from_id(inami_dossier_state_id((inami_dossier_state)s), &back), INAMI_OK);
			ck_assert_int_eq(back, s);
		}
		for (int k = 0; k < INAMI_EVENT_KIND_COUNT; k++) {
			inami_dossier_event_kind back;
			ck_assert_ptr_nonnull(inami_event_kind_label((inami_dossier_event_kind)k, (inami_lang)l));
			ck_assert_int_eq(inami_event_kind_from_id(inami_event_kind_id((inami_dossier_event_kind)k), &back), INAMI_OK);
			ck_assert_int_eq(back, k);
		}
		for (int n = 0; n < INAMI_NOTICE_COUNT; n++)
			ck_assert_ptr_nonnull(inami_notice_label((inami_notice)n, (inami_lang)l));
		for (int a = 0; a < INAMI_ACTION_COUNT; a++)
			ck_assert_ptr_nonnull(inami_action_label((inami_action)a, (inami_lang)l));
	}
	ck_assert_str_eq(inami_notice_label(INAMI_NOTICE_DECISION, INAMI_LANG_NL), "beslissing over uw sociaal statuut");
	ck_assert_str_eq(inami_milestone_label("payment_deadline", INAMI_LANG_FR), "paiement au plus tard");
	ck_assert_ptr_null(inami_milestone_label("lunch", INAMI_LANG_EN));
	ck_assert_ptr_null(inami_dossier_state_id((inami_dossier_state)14));
	ck_assert_ptr_null(inami_notice_label((inami_notice)6, INAMI_LANG_EN));
	inami_dossier_state s;
	ck_assert_int_eq(inami_dossier_state_from_id("limbo", &s), INAMI_EINVAL);
	ck_assert_str_eq(inami_action_id(INAMI_ACTION_NO_BANK_ACCOUNT), "no_bank_account");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("dossier");
	TCase *tc = tcase_create("dossier");
	tcase_add_test(tc, test_every_transition);
	tcase_add_test(tc, test_notifications_and_deadlines);
	tcase_add_test(tc, test_retired_provider);
	tcase_add_test(tc, test_dossier_errors);
	tcase_add_test(tc, test_text_roundtrip);
	tcase_add_test(tc, test_text_errors);
	tcase_add_test(tc, test_timeline);
	tcase_add_test(tc, test_labels);
	suite_add_tcase(s, tc);
	return test_run(s);
}
