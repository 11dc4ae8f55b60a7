/*
 * Disputed readings, carried thresholds and the checks across sections of a
 * rules file (rules_readings.c, rules_validate.c, eval_readings.c).
 */
#include <string.h>

#include "test_util.h"

/* Internal (linked from the static library): the contest window the dossier texts quote. */
int inami__calendar_contest_days(const inami_ruleset *rules, inami_profession profession, int year, int *days,
	const char **source);

static int has_note(const inami_result *r, const char *part)
{
	for (size_t i = 0; i < inami_result_note_count(r); i++) {
		if (strstr(inami_result_note(r, i), part))
			return 1;
	}
	return 0;
}

static inami_result *eval_reading(const inami_eval_input *in, const char *reading, unsigned flags)
{
	inami_eval_options o = INAMI_EVAL_OPTIONS_INIT;
	inami_result *r = NULL;

	o.flags = flags;
	ck_assert_msg(inami_evaluate_reading(test_rules(), in, &o, reading, &r) == INAMI_OK, "%s", inami_error_last());
	return r;
}

static inami_eval_input partial_gp(int64_t reimbursed_cents)
{
	inami_eval_input in = test_input("doctor", 2022);
	in.specialty = "general_practice";
	in.convention = INAMI_CONVENTION_PARTIAL;
	in.reimbursed_cents = reimbursed_cents;
	return in;
}

/* A GP, 2022, partially conventioned, 20,000 EUR: not eligible by default, and the other reading says so. */
START_TEST(test_doctor_partial_both_readings)
{
	inami_eval_input in = partial_gp(2000000);
	inami_result *r = eval_reading(&in, NULL, 0);

	ck_assert(!inami_result_eligible(r));
	ck_assert(inami_result_disputed(r));
	ck_assert_uint_eq(inami_result_reading_count(r), 2);
	const inami_reading *def = inami_result_reading(r, 0), *alt = inami_result_reading(r, 1);
	ck_assert_str_eq(def->dispute, "partial_convention");
	ck_assert_str_eq(def->id, "full_threshold");
	ck_assert(def->is_default && def->applied && !def->eligible);
	ck_assert_str_eq(alt->id, "reduced_threshold");
	ck_assert(!alt->is_default && !alt->applied && alt->eligible);
	ck_assert_int_eq(alt->status, INAMI_OK);
	ck_assert_str_eq(alt->tier, "partial");
	ck_assert_int_eq(alt->amount_cents, 241936);
	ck_assert_int_eq(alt->provenance, INAMI_PROV_SECONDARY);
	ck_assert(strstr(alt->source, "artsenkrant"));
	ck_assert(strstr(def->note, "majority"));
	ck_assert(has_note(r, "DISPUTED partial_convention"));
	ck_assert_ptr_null(inami_result_reading(r, 2));
	inami_result_free(r);
}
END_TEST

/* The caller chooses the other reading: the verdict follows it and the default is still shown. */
START_TEST(test_doctor_partial_chosen_reading)
{
	inami_eval_input in = partial_gp(2000000);
	inami_result *r = eval_reading(&in, "reduced_threshold", 0);

	ck_assert(inami_result_eligible(r));
	ck_assert_str_eq(inami_result_tier(r), "partial");
	ck_assert_int_eq(inami_result_amount_cents(r), 241936);
	ck_assert(!inami_result_reading(r, 0)->applied && inami_result_reading(r, 1)->applied);
	ck_assert(!inami_result_reading(r, 0)->eligible);
	inami_result_free(r);

	/* Above the full threshold both readings agree: shown, not disputed. */
	in = partial_gp(3000000);
	r = eval_reading(&in, NULL, 0);
	ck_assert(inami_result_eligible(r));
	ck_assert(!inami_result_disputed(r));
	ck_assert_uint_eq(inami_result_reading_count(r), 2);
	ck_assert(has_note(r, "the verdict is the same"));
	inami_result_free(r);

	/* Fully conventioned: the dispute does not concern the evaluation. */
	in = partial_gp(2000000);
	in.convention = INAMI_CONVENTION_FULL;
	r = eval_reading(&in, NULL, 0);
	ck_assert_uint_eq(inami_result_reading_count(r), 0);
	inami_result_free(r);
}
END_TEST

START_TEST(test_reading_errors)
{
	inami_eval_input in = partial_gp(2000000);
	inami_result *r = NULL;

	ck_assert_int_eq(inami_evaluate_reading(test_rules(), &in, NULL, "no_such_reading", &r), INAMI_EINVAL);
	ck_assert_ptr_null(r);
	ck_assert(strstr(inami_error_last(), "unknown reading 'no_such_reading'"));

	/* inami_evaluate() applies the defaults. */
	ck_assert_int_eq(inami_evaluate(test_rules(), &in, NULL, &r), INAMI_OK);
	ck_assert(!inami_result_eligible(r));
	ck_assert(inami_result_reading(r, 0)->applied);
	inami_result_free(r);

	/* A reading of another profession's dispute is noted and ignored. */
	r = eval_reading(&in, "final_rule_11", 0);
	ck_assert(!inami_result_eligible(r));
	ck_assert(has_note(r, "concerns no dispute"));
	inami_result_free(r);
}
END_TEST

/* Physiotherapists 2020: the -25 % thresholds by default, the final 11 % as the other reading. */
START_TEST(test_physio_2020_readings)
{
	inami_eval_input in = test_input("physiotherapist", 2020);
	in.prestations = 1200;   /* above 1,125 (-25 %), below 1,335 (-11 %) */
	inami_result *r = eval_reading(&in, NULL, 0);

	ck_assert(inami_result_eligible(r));
	ck_assert_str_eq(inami_result_tier(r), "base");
	ck_assert(inami_result_disputed(r));
	const inami_reading *def = inami_result_reading(r, 0), *alt = inami_result_reading(r, 1);
	ck_assert_str_eq(def->dispute, "thresholds");
	ck_assert_str_eq(def->id, "first_announcement_25");
	ck_assert(def->applied && def->eligible);
	ck_assert_str_eq(alt->id, "final_rule_11");
	ck_assert(!alt->eligible);
	ck_assert(strstr(alt->source, "kinesitherapeuten.be"));
	inami_result_free(r);

	r = eval_reading(&in, "final_rule_11", 0);
	ck_assert(!inami_result_eligible(r));
	const inami_check *k = test_find_check(r, "minimum_activity");
	ck_assert_ptr_nonnull(k);
	ck_assert_int_eq(k->threshold, 1335);
	inami_result_free(r);

	/* 1,400 prestations: eligible under both readings. */
	in.prestations = 1400;
	r = eval_reading(&in, NULL, 0);
	ck_assert(!inami_result_disputed(r));
	ck_assert(inami_result_reading(r, 1)->eligible);
	inami_result_free(r);
}
END_TEST

/* Thresholds no source restates for the year are marked as carried. */
START_TEST(test_carried_thresholds)
{
	inami_eval_input in = test_input("doctor", 2022);
	in.specialty = "general_practice";
	in.reimbursed_cents = 3000000;
	inami_result *r = eval_reading(&in, NULL, 0);
	ck_assert_int_eq(inami_result_carried_from(r), 2017);
	ck_assert(has_note(r, "CARRIED"));
	inami_result_free(r);
	int from = -1;
	ck_assert_int_eq(inami_rules_thresholds_carried_from(test_rules(), INAMI_DOCTOR, 2022, &from), INAMI_OK);
	ck_assert_int_eq(from, 2017);
	ck_assert_int_eq(inami_rules_thresholds_carried_from(test_rules(), INAMI_DOCTOR, 2017, &from), INAMI_OK);
	ck_assert_int_eq(from, 0);
	ck_assert_int_eq(inami_rules_thresholds_carried_from(test_rules(), INAMI_DOCTOR, 2031, &from), INAMI_ENORULES);
	ck_assert_int_eq(inami_rules_thresholds_carried_from(test_rules(), INAMI_DOCTOR, 2022, NULL), INAMI_ENULL);

	in = test_input("physiotherapist", 2023);
	in.prestations = 1500;
	r = eval_reading(&in, NULL, 0);
	ck_assert_int_eq(inami_result_carried_from(r), 0);
	ck_assert(!has_note(r, "CARRIED"));
	inami_result_free(r);

	in = test_input("physiotherapist", 2024);
	in.prestations = 1500;
	r = eval_reading(&in, NULL, INAMI_EVAL_ALLOW_DERIVED);
	ck_assert_int_eq(inami_result_carried_from(r), 2023);
	inami_result_free(r);
}
END_TEST

/* Dentists 2013 (the 2013-2014 agreement's recommendation) and 2026 (secondary). */
START_TEST(test_dentist_new_years)
{
	inami_eval_input in = test_input("dentist", 2013);
	inami_result *r = eval_reading(&in, NULL, 0);
	ck_assert_int_eq(inami_result_amount_cents(r), 220861);
	ck_assert_int_eq(inami_result_provenance(r), INAMI_PROV_OFFICIAL);
	inami_result_free(r);

	in = test_input("dentist", 2026);
	in.prestations = 300;
	r = eval_reading(&in, NULL, 0);
	ck_assert_int_eq(inami_result_amount_cents(r), 464520);
	ck_assert_int_eq(inami_result_provenance(r), INAMI_PROV_SECONDARY);
	ck_assert(has_note(r, "20 hours a week"));
	inami_result_free(r);
}
END_TEST

/* Premium year 2025 stays NOT FOUND, said once. */
START_TEST(test_2025_not_found_once)
{
	inami_eval_input in = test_input("nurse", 2025);
	inami_result *r = NULL;
	in.reimbursed_cents = 100;
	ck_assert_int_eq(inami_evaluate(test_rules(), &in, NULL, &r), INAMI_ENORULES);
	const char *msg = inami_error_last();
	const char *first = strstr(msg, "NOT FOUND");
	ck_assert_ptr_nonnull(first);
	ck_assert_ptr_null(strstr(first + 1, "NOT FOUND"));
}
END_TEST

static int load(const char *text, inami_ruleset **out)
{
	*out = NULL;
	return inami_ruleset_load_buffer(out, test_rules(), text, strlen(text), "layer.rules");
}

/* An override whose full amount is below the base amount is refused, with where and why. */
START_TEST(test_amounts_must_rise)
{
	inami_ruleset *rs;
	ck_assert_int_eq(load("inami-rules 1\n[amounts physiotherapist 2022 override]\nfull = 1000.00\n"
		"full.provenance = illustrative\nfull.source = https://example.invalid\n", &rs), INAMI_EPARSE);
	ck_assert(strstr(inami_error_last(), "layer.rules:3"));
	ck_assert(strstr(inami_error_last(), "amounts rise with the tier"));
	ck_assert_ptr_null(rs);

	ck_assert_int_eq(load("inami-rules 1\n[amounts physiotherapist 2022 override]\nfull = 4000.00\n"
		"full.provenance = illustrative\nfull.source = https://example.invalid\n", &rs), INAMI_OK);
	inami_ruleset_free(rs);
}
END_TEST

START_TEST(test_overlapping_periods)
{
	inami_ruleset *rs;
	ck_assert_int_eq(load("inami-rules 1\n"
		"[thresholds dentist from 2030 to 2032]\nprovenance = illustrative\nsource = https://example.invalid\n"
		"tiers = single\nsingle.prestations = 300\n"
		"[thresholds dentist from 2032 to 2033]\nprovenance = illustrative\nsource = https://example.invalid\n"
		"tiers = single\nsingle.prestations = 200\n", &rs), INAMI_EPARSE);
	ck_assert(strstr(inami_error_last(), "layer.rules:7:1: [thresholds dentist from 2032 to 2033] overlaps"));

	/* Adjacent periods are fine. */
	ck_assert_int_eq(load("inami-rules 1\n"
		"[thresholds dentist from 2030 to 2031]\nprovenance = illustrative\nsource = https://example.invalid\n"
		"tiers = single\nsingle.prestations = 300\n"
		"[thresholds dentist from 2032 to 2033]\nprovenance = illustrative\nsource = https://example.invalid\n"
		"tiers = single\nsingle.prestations = 200\n", &rs), INAMI_OK);
	inami_ruleset_free(rs);
}
END_TEST

START_TEST(test_official_but_unconfirmed)
{
	inami_ruleset *rs;
	ck_assert_int_eq(load("inami-rules 1\n[thresholds dentist from 2030]\nprovenance = official\n"
		"source = https://example.invalid\ntiers = single\nsingle.prestations = 300\n"
		"single.prestations.note = not confirmed by an official text\n", &rs), INAMI_EPARSE);
	ck_assert(strstr(inami_error_last(), "marked official but its note says it is not confirmed"));
	ck_assert(strstr(inami_error_last(), "layer.rules:6"));
}
END_TEST

START_TEST(test_reading_declarations)
{
	inami_ruleset *rs;
	/* A reading without a disputed value. */
	ck_assert_int_eq(load("inami-rules 1\n[thresholds dentist from 2030]\nprovenance = secondary\n"
		"source = https://example.invalid\ntiers = single\nsingle.prestations = 300\n"
		"reading.default = a\nreading.alternative = b\nreading.reason = why\n", &rs), INAMI_EPARSE);
	ck_assert(strstr(inami_error_last(), "no threshold has a .conflict value"));
	/* A reading without its reason. */
	ck_assert_int_eq(load("inami-rules 1\n[thresholds dentist from 2030]\nprovenance = secondary\n"
		"source = https://example.invalid\ntiers = single\nsingle.prestations = 300\n"
		"single.prestations.conflict = 250 | secondary | https://example.invalid\n"
		"reading.default = a\nreading.alternative = b\n", &rs), INAMI_EPARSE);
	ck_assert(strstr(inami_error_last(), "reading.reason"));
	/* A complete one: the layer's reading is chosen by its id. */
	ck_assert_int_eq(load("inami-rules 1\n[thresholds dentist from 2030]\nprovenance = illustrative\n"
		"source = https://example.invalid\ntiers = single\nsingle.prestations = 300\n"
		"single.prestations.conflict = 250 | illustrative | https://example.invalid/other\n"
		"reading.default = three_hundred\nreading.alternative = two_fifty\nreading.reason = an example\n"
		"[amounts dentist 2030]\nprovenance = illustrative\nsource = https://example.invalid\nsingle = 100.00\n",
		&rs), INAMI_OK);
	inami_eval_input in = test_input("dentist", 2030);
	inami_result *r = NULL;
	in.prestations = 260;
	ck_assert_int_eq(inami_evaluate_reading(rs, &in, NULL, "two_fifty", &r), INAMI_OK);
	ck_assert(inami_result_eligible(r));
	ck_assert(inami_result_disputed(r));
	ck_assert(!inami_result_reading(r, 0)->eligible);
	inami_result_free(r);
	/* Carried: a confirmed year must come before the end of a bounded period. */
	inami_ruleset_free(rs);
	ck_assert_int_eq(load("inami-rules 1\n[thresholds dentist from 2030 to 2031]\nprovenance = secondary\n"
		"source = https://example.invalid\ntiers = single\nsingle.prestations = 300\ncarried.confirmed_to = 2031\n",
		&rs), INAMI_EPARSE);
	ck_assert(strstr(inami_error_last(), "carried.confirmed_to"));
}
END_TEST

/* Texts that state a legal figure quote it from the data: a layer that changes the figure changes the text. */
START_TEST(test_texts_quote_the_data)
{
	inami_eval_input in = test_input("doctor", 2015);
	inami_result *r = NULL;
	in.retired = 1;
	ck_assert_int_eq(inami_evaluate(test_rules(), &in, NULL, &r), INAMI_OK);
	const inami_check *k = test_find_check(r, "retirement");
	ck_assert(strstr(k->detail, "only from premium year 2016"));
	ck_assert(strstr(k->detail, "concluded before 2016"));
	inami_result_free(r);

	inami_ruleset *rs;
	ck_assert_int_eq(load("inami-rules 1\n[profession doctor override]\nprovenance = illustrative\n"
		"source = https://example.invalid\nretired.from = 2018\n", &rs), INAMI_OK);
	ck_assert_int_eq(inami_evaluate(rs, &in, NULL, &r), INAMI_OK);
	k = test_find_check(r, "retirement");
	ck_assert(strstr(k->detail, "concluded before 2018"));
	inami_result_free(r);
	inami_ruleset_free(rs);

	/* The solidarity minimum's refusal cites the data's source. */
	inami_alloc_terms t = INAMI_ALLOC_TERMS_INIT;
	inami_allocation a = INAMI_ALLOCATION_INIT;
	const char *source = NULL;
	t.contract_type = INAMI_CONTRACT_SOCIAL_PENSION;
	t.solidarity_bp = 100;
	t.entry_fee_bp = 0;
	ck_assert_int_eq(inami_allocate(100000, &t, &a), INAMI_ERANGE);
	ck_assert_int_eq(inami_solidarity_minimum(INAMI_CONTRACT_SOCIAL_PENSION, &t.solidarity_bp, NULL, &source, NULL),
		INAMI_OK);
	ck_assert(strstr(inami_error_last(), source));
	ck_assert_ptr_null(strstr(inami_error_last(), "AR 15 Dec 2003"));

	/* The contest window comes from the procedure calendar. */
	int days = 0;
	ck_assert_int_eq(inami__calendar_contest_days(NULL, INAMI_PHYSIOTHERAPIST, 2022, &days, &source), INAMI_OK);
	ck_assert_int_eq(days, 60);
	ck_assert(strstr(source, "asgb.be"));
	ck_assert_int_eq(inami__calendar_contest_days(NULL, INAMI_PHYSIOTHERAPIST, 2019, &days, NULL), INAMI_ENORULES);
}
END_TEST

/* The exit taxation and the solidarity minimum are dated [law] sections: a layer changes them. */
START_TEST(test_law_figures_layered)
{
	inami_figure f = INAMI_FIGURE_INIT;
	ck_assert_int_eq(inami_rules_law_figure(test_rules(), "exit_taxation", 2024, "inami_levy", &f), INAMI_OK);
	ck_assert_int_eq(f.value, 355);
	ck_assert_int_eq(f.provenance, INAMI_PROV_SECONDARY);
	ck_assert(strstr(f.source, "mysavings.be"));
	ck_assert(strstr(f.layer, "law.rules"));
	ck_assert_int_eq(inami_rules_law_figure(test_rules(), "solidarity_minimum", 0, "social_pension", &f), INAMI_OK);
	ck_assert_int_eq(f.value, 1000);
	ck_assert_int_eq(f.provenance, INAMI_PROV_OFFICIAL);
	ck_assert_int_eq(inami_rules_law_figure(test_rules(), "solidarity_minimum", 0, "death_cover", &f), INAMI_OK);
	ck_assert_int_eq(f.provenance, INAMI_PROV_NOT_FOUND);
	ck_assert_int_eq(inami_rules_law_figure(test_rules(), "exit_taxation", 0, "annuity_rate.0_40", &f), INAMI_OK);
	ck_assert_int_eq(f.value, 100);
	ck_assert_int_eq(inami_rules_law_figure(test_rules(), "exit_taxation", 0, "no_such", &f), INAMI_ENOTFOUND);
	ck_assert_int_eq(inami_rules_law_figure(test_rules(), "taxes", 0, "inami_levy", &f), INAMI_EINVAL);
	ck_assert_int_eq(inami_rules_law_figure(test_rules(), "exit_taxation", 1990, "inami_levy", &f), INAMI_ENORULES);

	/* The old functions read the embedded rules. */
	int32_t bp = 0;
	int years = 0;
	ck_assert_int_eq(inami_exit_figure("inami_levy", &bp, NULL, NULL), INAMI_OK);
	ck_assert_int_eq(bp, 355);
	ck_assert_int_eq(inami_exit_annuity_rate(66, &bp, &years, NULL, NULL), INAMI_OK);
	ck_assert_int_eq(bp, 500);
	ck_assert_int_eq(years, 10);

	/* A new levy from 2027 is a rules file; earlier years keep the old one. */
	inami_ruleset *rs;
	ck_assert_int_eq(load("inami-rules 1\n[law exit_taxation from 2027]\nprovenance = illustrative\n"
		"source = https://example.invalid\ninami_levy = 4.00\n", &rs), INAMI_OK);
	ck_assert_int_eq(inami_rules_law_figure(rs, "exit_taxation", 2027, "inami_levy", &f), INAMI_OK);
	ck_assert_int_eq(f.value, 400);
	ck_assert_str_eq(f.layer, "layer.rules");
	ck_assert_int_eq(inami_rules_law_figure(rs, "exit_taxation", 2026, "inami_levy", &f), INAMI_OK);
	ck_assert_int_eq(f.value, 355);
	inami_ruleset_free(rs);
	/* An override corrects a figure in place, with its own source. */
	ck_assert_int_eq(load("inami-rules 1\n[law solidarity_minimum from 2003 override]\nsocial_pension = 12.50\n"
		"social_pension.provenance = illustrative\nsocial_pension.source = https://example.invalid\n", &rs), INAMI_OK);
	ck_assert_int_eq(inami_rules_law_figure(rs, "solidarity_minimum", 2024, "social_pension", &f), INAMI_OK);
	ck_assert_int_eq(f.value, 1250);
	inami_ruleset_free(rs);
	/* Refused: an unknown subject or key, a rate above 100 %, overlapping periods, a conflict. */
	ck_assert_int_eq(load("inami-rules 1\n[law taxes from 2027]\n", &rs), INAMI_EPARSE);
	ck_assert(strstr(inami_error_last(), "unknown subject"));
	ck_assert_int_eq(load("inami-rules 1\n[law exit_taxation from 2027]\nprovenance = illustrative\n"
		"source = https://example.invalid\nlevy = 4.00\n", &rs), INAMI_EPARSE);
	ck_assert(strstr(inami_error_last(), "unknown key 'levy'"));
	ck_assert_int_eq(load("inami-rules 1\n[law exit_taxation from 2027]\nprovenance = illustrative\n"
		"source = https://example.invalid\ninami_levy = 140.00\n", &rs), INAMI_EPARSE);
	ck_assert(strstr(inami_error_last(), "percentage from 0 to 100"));
	ck_assert_int_eq(load("inami-rules 1\n[law exit_taxation from 2027 to 2030]\nprovenance = illustrative\n"
		"source = https://example.invalid\ninami_levy = 4.00\n[law exit_taxation from 2029 to 2031]\n"
		"provenance = illustrative\nsource = https://example.invalid\ninami_levy = 4.10\n", &rs), INAMI_EPARSE);
	ck_assert(strstr(inami_error_last(), "overlaps"));
	ck_assert_int_eq(load("inami-rules 1\n[law exit_taxation from 2027]\nprovenance = illustrative\n"
		"source = https://example.invalid\ninami_levy = 4.00\ninami_levy.conflict = 3.55 | secondary | https://x\n",
		&rs), INAMI_EPARSE);
	ck_assert(strstr(inami_error_last(), "no .conflict"));
}
END_TEST

/* The procedure calendar is [law calendar] sections: a layer that moves a deadline moves the timeline. */
START_TEST(test_calendar_layered)
{
	inami_timeline *t = NULL;
	inami_milestone m;
	memset(&m, 0, sizeof(m));
	m.version = INAMI_MILESTONE_VERSION;
	ck_assert_int_eq(inami_procedure_timeline(&t, INAMI_PHYSIOTHERAPIST, 2024), INAMI_OK);
	ck_assert_int_eq(inami_timeline_find(t, "extra_info_deadline", &m), INAMI_OK);
	ck_assert_int_eq(m.date, 20250831);
	inami_timeline_free(t);

	inami_ruleset *rs;
	ck_assert_int_eq(load("inami-rules 1\n[law calendar from 2024]\nprovenance = illustrative\n"
		"source = https://example.invalid/calendar\nall.extra_info_deadline = N+1-09-15\n"
		"all.contest_window = +45d\n", &rs), INAMI_OK);
	ck_assert_int_eq(inami_procedure_timeline_rules(&t, rs, INAMI_PHYSIOTHERAPIST, 2024), INAMI_OK);
	inami_ruleset_free(rs);   /* the timeline keeps its own copy of the texts */
	ck_assert_int_eq(inami_timeline_find(t, "extra_info_deadline", &m), INAMI_OK);
	ck_assert_int_eq(m.date, 20250915);
	ck_assert_str_eq(m.source, "https://example.invalid/calendar");
	ck_assert_int_eq(inami_timeline_find(t, "contest_window", &m), INAMI_OK);
	ck_assert_int_eq(m.relative_days, 45);
	ck_assert_int_eq(inami_timeline_find(t, "payment_deadline", &m), INAMI_OK);
	ck_assert_int_eq(m.date, 20260115);   /* from the embedded section of 2019 */
	inami_timeline_free(t);
	/* The embedded 2023 timeline is unchanged, and a year before the procedure is refused. */
	ck_assert_int_eq(inami_procedure_timeline_rules(&t, NULL, INAMI_MIDWIFE, 2022), INAMI_ENORULES);
}
END_TEST

/* Apply an event dated `date` to the dossier; its status. */
static int apply_on(inami_dossier *d, inami_dossier_event_kind kind, inami_date date)
{
	inami_dossier_event ev = INAMI_DOSSIER_EVENT_INIT;
	ev.kind = kind;
	ev.date = date;
	return inami_dossier_apply(d, &ev, NULL);
}

/* A dossier takes its deadlines from a layered calendar when asked, and keeps them after the rules are freed. */
START_TEST(test_dossier_uses_layered_calendar)
{
	inami_dossier_options o = INAMI_DOSSIER_OPTIONS_INIT;
	inami_dossier *d, *embedded;
	inami_ruleset *rs;
	inami_date deadline;
	const char *which;

	o.profession = INAMI_PHYSIOTHERAPIST;
	o.premium_year = 2024;
	ck_assert_int_eq(inami_dossier_new(&d, &o), INAMI_OK);
	ck_assert_int_eq(inami_dossier_new(&embedded, &o), INAMI_OK);
	ck_assert_int_eq(load("inami-rules 1\n[law calendar from 2024]\nprovenance = illustrative\n"
		"source = https://example.invalid/calendar\nall.extra_info_deadline = N+1-09-15\n"
		"all.contest_window = +45d\n", &rs), INAMI_OK);
	ck_assert_int_eq(inami_dossier_use_rules(d, rs), INAMI_OK);
	inami_ruleset_free(rs);   /* the dossier keeps its own copy of the days */
	inami_dossier *both[2] = { d, embedded };
	for (int i = 0; i < 2; i++) {
		ck_assert_int_eq(apply_on(both[i], INAMI_EVENT_CONTRACT_RECEIVED, 20241010), INAMI_OK);
		ck_assert_int_eq(apply_on(both[i], INAMI_EVENT_CONTRACT_LINKED, 20241011), INAMI_OK);
		ck_assert_int_eq(apply_on(both[i], INAMI_EVENT_EVALUATED, 20250601), INAMI_OK);
		ck_assert_int_eq(inami_dossier_deadline(both[i], &deadline, &which), INAMI_OK);
		ck_assert_str_eq(which, "extra_info_deadline");
		ck_assert_int_eq(deadline, i == 0 ? 20250915 : 20250831);
	}
	/* 10 September 2025: within the layered deadline, after the embedded one. */
	ck_assert_int_eq(apply_on(embedded, INAMI_EVENT_EXTRA_INFO_SUBMITTED, 20250910), INAMI_ESTATE);
	ck_assert_int_eq(apply_on(d, INAMI_EVENT_EXTRA_INFO_SUBMITTED, 20250910), INAMI_OK);
	ck_assert_int_eq(apply_on(d, INAMI_EVENT_DECISION_REFUSED, 20251001), INAMI_OK);
	ck_assert_int_eq(inami_dossier_deadline(d, &deadline, &which), INAMI_OK);
	ck_assert_int_eq(deadline, 20251115);    /* 45 days, not the embedded 60 */
	ck_assert_int_eq(apply_on(d, INAMI_EVENT_CONTESTED, 20251120), INAMI_ESTATE);
	ck_assert(strstr(inami_error_last(), "45 calendar days"));
	/* Back to the embedded calendar: 60 days. */
	ck_assert_int_eq(inami_dossier_use_rules(d, NULL), INAMI_OK);
	ck_assert_int_eq(apply_on(d, INAMI_EVENT_CONTESTED, 20251120), INAMI_OK);
	inami_dossier_free(d);
	inami_dossier_free(embedded);
	ck_assert_int_eq(inami_dossier_use_rules(NULL, NULL), INAMI_ENULL);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("law");
	TCase *t = tcase_create("law");
	tcase_add_test(t, test_doctor_partial_both_readings);
	tcase_add_test(t, test_doctor_partial_chosen_reading);
	tcase_add_test(t, test_reading_errors);
	tcase_add_test(t, test_physio_2020_readings);
	tcase_add_test(t, test_carried_thresholds);
	tcase_add_test(t, test_dentist_new_years);
	tcase_add_test(t, test_2025_not_found_once);
	tcase_add_test(t, test_amounts_must_rise);
	tcase_add_test(t, test_overlapping_periods);
	tcase_add_test(t, test_official_but_unconfirmed);
	tcase_add_test(t, test_reading_declarations);
	tcase_add_test(t, test_texts_quote_the_data);
	tcase_add_test(t, test_law_figures_layered);
	tcase_add_test(t, test_calendar_layered);
	tcase_add_test(t, test_dossier_uses_layered_calendar);
	suite_add_tcase(s, t);
	return test_run(s);
}
