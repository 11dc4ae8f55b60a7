/*
 * Evaluation: conditions, pro rata, retired providers, doctors' specialties and
 * conventioning, lower bounds, conflicts, and every error path.
 * Figures and their sources: docs/sources/ (page named at each test).
 */
#include <math.h>
#include <string.h>

#include "test_util.h"

static inami_result *eval_ok(const inami_eval_input *in, int allow_derived)
{
	inami_result *r = NULL;
	int st = test_eval(in, allow_derived, &r);

	ck_assert_msg(st == INAMI_OK, "evaluate: %s", inami_error_last());
	return r;
}

static void eval_fails(const inami_eval_input *in, int expected, const char *fragment)
{
	inami_result *r = (inami_result *)1;
	int st = test_eval(in, 1, &r);

	ck_assert_msg(st == expected, "status %d (expected %d): %s", st, expected, inami_error_last());
	ck_assert_ptr_null(r);
	if (fragment)
		ck_assert_msg(strstr(inami_error_last(), fragment) != NULL, "message '%s' lacks '%s'", inami_error_last(), fragment);
}

/* The reference case: docs/sources/physiotherapists.md, 2022 base 1,790.34 (Securex). */
START_TEST(test_physio_2022_just_below_intermediate)
{
	inami_eval_input in = test_input("physiotherapist", 2022);
	in.prestations = 2299;
	inami_result *r = eval_ok(&in, 0);
	ck_assert(inami_result_eligible(r));
	ck_assert_int_eq(inami_result_amount_cents(r), 179034);
	ck_assert_str_eq(inami_result_tier(r), "base");
	ck_assert_int_eq(inami_result_payee(r), INAMI_PAYEE_INSURANCE_CONTRACT);
	ck_assert_int_eq(inami_result_provenance(r), INAMI_PROV_SECONDARY);
	ck_assert_str_eq(inami_result_next_tier(r), "intermediate");
	ck_assert_int_eq(inami_result_next_tier_amount_cents(r), 236579);
	inami_measure m;
	int64_t threshold, missing;
	ck_assert_int_eq(inami_result_missing(r, 0, &m, &threshold, &missing), INAMI_OK);
	ck_assert_int_eq(m, INAMI_MEASURE_PRESTATIONS);
	ck_assert(threshold == 2300 && missing == 1);
	const inami_check *k = test_find_check(r, "minimum_activity");
	ck_assert_ptr_nonnull(k);
	ck_assert_int_eq(k->state, INAMI_CHECK_HELD);
	ck_assert(k->has_values && k->observed == 2299 && k->threshold == 1500);
	ck_assert_int_eq(k->rule_year, 2015);
	inami_result_free(r);
}
END_TEST

/* Either measure suffices: M-values alone (docs/sources/physiotherapists.md, 24 M per prestation). */
START_TEST(test_physio_m_values_alone)
{
	inami_eval_input in = test_input("physiotherapist", 2023);
	in.m_values = 7200000;   /* 72,000 M in hundredths */
	in.prestations = 10;
	inami_result *r = eval_ok(&in, 0);
	ck_assert_str_eq(inami_result_tier(r), "full");
	ck_assert_int_eq(inami_result_amount_cents(r), 342271);   /* 2023 full 3,422.71 (Amonis) */
	ck_assert_ptr_null(inami_result_next_tier(r));
	inami_result_free(r);
}
END_TEST

/* Not conventioned, sanctioned, left mid-year: not eligible, each check says why. */
START_TEST(test_conditions_fail)
{
	inami_eval_input in = test_input("physiotherapist", 2022);
	in.prestations = 3000;
	in.convention = INAMI_CONVENTION_NONE;
	inami_result *r = eval_ok(&in, 0);
	ck_assert(!inami_result_eligible(r));
	ck_assert_int_eq(inami_result_amount_cents(r), 0);
	ck_assert_int_eq(inami_result_payee(r), INAMI_PAYEE_NONE);
	ck_assert_int_eq(test_find_check(r, "conventioned")->state, INAMI_CHECK_FAILED);
	inami_result_free(r);

	in = test_input("physiotherapist", 2022);
	in.prestations = 3000;
	in.sanctioned = 1;
	r = eval_ok(&in, 0);
	ck_assert(!inami_result_eligible(r));
	ck_assert_int_eq(test_find_check(r, "no_sanction")->state, INAMI_CHECK_FAILED);
	inami_result_free(r);

	in = test_input("physiotherapist", 2022);
	in.prestations = 3000;
	in.convention_end = 20220630;
	r = eval_ok(&in, 0);
	ck_assert(!inami_result_eligible(r));
	ck_assert_int_eq(test_find_check(r, "whole_year")->state, INAMI_CHECK_FAILED);
	inami_result_free(r);

	/* Joining mid-year outside the first year gives nothing (docs/sources/common.md). */
	in = test_input("physiotherapist", 2022);
	in.prestations = 3000;
	in.convention_start = 20220301;
	r = eval_ok(&in, 0);
	ck_assert(!inami_result_eligible(r));
	inami_result_free(r);
}
END_TEST

/*
 * Pro rata by complete months in the year of the first INAMI number: INAMI's
 * pharmacist example, adhesion on 1 October gives 3/12 (docs/sources/common.md).
 * Pharmacists 2022 full 3,123.92 (docs/sources/pharmacists.md) -> 3/12 = 780.98.
 * Rounding: half up to the cent.
 */
START_TEST(test_pro_rata_complete_months)
{
	inami_eval_input in = test_input("pharmacist", 2022);
	in.hours_per_week = 4000;
	in.first_number = 20221001;
	inami_result *r = eval_ok(&in, 0);
	ck_assert(inami_result_eligible(r));
	ck_assert_int_eq(inami_result_months(r), 3);
	ck_assert_int_eq(inami_result_full_year_cents(r), 312392);
	ck_assert_int_eq(inami_result_amount_cents(r), 78098);
	inami_result_free(r);

	/* 2 October: October is not complete, 2 months: 312392 * 2 / 12 = 52065.33 -> 52065 */
	in.first_number = 20221002;
	r = eval_ok(&in, 0);
	ck_assert_int_eq(inami_result_months(r), 2);
	ck_assert_int_eq(inami_result_amount_cents(r), 52065);
	inami_result_free(r);

	/* 1 February: 11 months: 312392 * 11 / 12 = 286359.33 -> 286359 */
	in.first_number = 20220201;
	r = eval_ok(&in, 0);
	ck_assert_int_eq(inami_result_amount_cents(r), 286359);
	inami_result_free(r);

	/* 1 January of the year: all 12 months. Earlier year: whole year. */
	in.first_number = 20220101;
	r = eval_ok(&in, 0);
	ck_assert_int_eq(inami_result_amount_cents(r), 312392);
	inami_result_free(r);
	in.first_number = 20150612;
	r = eval_ok(&in, 0);
	ck_assert_int_eq(inami_result_months(r), 12);
	inami_result_free(r);

	/* 15 December: no complete month, nothing. */
	in.first_number = 20221215;
	r = eval_ok(&in, 0);
	ck_assert(!inami_result_eligible(r));
	inami_result_free(r);

	/* Granted after the premium year: not eligible. */
	in.first_number = 20230110;
	r = eval_ok(&in, 0);
	ck_assert(!inami_result_eligible(r));
	inami_result_free(r);
}
END_TEST

/* Half-up rounding: 3/12 of an amount whose quarter ends in .5 cent rounds up. */
START_TEST(test_pro_rata_rounding_half_up)
{
	/* Pharmacists 2021 half 1,549.73 (Curalia): x 1/12 = 12914.4166 -> 12914; x 6/12 = 77486.5 -> 77487 */
	inami_eval_input in = test_input("pharmacist", 2021);
	in.hours_per_week = 2000;
	in.first_number = 20211201;
	inami_result *r = eval_ok(&in, 0);
	ck_assert_int_eq(inami_result_amount_cents(r), 12914);
	inami_result_free(r);
	in.first_number = 20210701;
	r = eval_ok(&in, 0);
	ck_assert_int_eq(inami_result_amount_cents(r), 77487);
	inami_result_free(r);
}
END_TEST

/* Other professions count complete months by analogy only: DERIVED, refused unless allowed. */
START_TEST(test_pro_rata_derived_elsewhere)
{
	inami_eval_input in = test_input("physiotherapist", 2022);
	in.prestations = 3000;
	in.first_number = 20221001;
	inami_result *r = NULL;
	ck_assert_int_eq(test_eval(&in, 0, &r), INAMI_EDERIVED);
	ck_assert_ptr_nonnull(strstr(inami_error_last(), "pro-rata"));
	r = eval_ok(&in, 1);
	ck_assert_int_eq(inami_result_amount_cents(r), (316507 * 3 + 6) / 12);
	ck_assert_int_eq(inami_result_weakest_provenance(r), INAMI_PROV_DERIVED);
	inami_result_free(r);
}
END_TEST

/* Retired: avantage de convention, same amount, to the bank account (docs/sources/common.md). */
START_TEST(test_retired)
{
	inami_eval_input in = test_input("dentist", 2023);
	in.prestations = 400;
	in.retired = 1;
	inami_result *r = eval_ok(&in, 0);
	ck_assert(inami_result_eligible(r));
	ck_assert_int_eq(inami_result_amount_cents(r), 352305);   /* dentists 2023: 3,523.05 (Amonis) */
	ck_assert_int_eq(inami_result_payee(r), INAMI_PAYEE_BANK_ACCOUNT);
	ck_assert_int_eq(test_find_check(r, "retirement")->state, INAMI_CHECK_ACTION);
	ck_assert_ptr_null(test_find_check(r, "contract"));
	inami_result_free(r);

	/* Physiotherapists: the retired amount is stated nowhere -> an error, not a guess. */
	in = test_input("physiotherapist", 2022);
	in.prestations = 3000;
	in.retired = 1;
	eval_fails(&in, INAMI_ENORULES, "NOT FOUND");
}
END_TEST

/* Doctors: specialty thresholds, conventioning and trainees (docs/sources/doctors.md). */
START_TEST(test_doctor_specialty)
{
	inami_eval_input in = test_input("doctor", 2022);
	in.specialty = "cardiology";
	in.reimbursed_cents = 7500000;   /* cardiology full threshold 75,000 */
	inami_result *r = eval_ok(&in, 0);
	ck_assert_str_eq(inami_result_tier(r), "full");
	ck_assert_int_eq(inami_result_amount_cents(r), 512878);   /* 2022 full 5,128.78 (Amonis) */
	inami_result_free(r);

	/* The cardiology reduced threshold is NOT FOUND (the table is cut off). */
	in.reimbursed_cents = 7499999;
	eval_fails(&in, INAMI_ENORULES, "cardiology");

	/* Surgery, fully conventioned, only the reduced threshold (25,749.02): partial 2,419.36. */
	in = test_input("doctor", 2022);
	in.specialty = "surgery";
	in.reimbursed_cents = 2574902;
	r = eval_ok(&in, 0);
	ck_assert_str_eq(inami_result_tier(r), "partial");
	ck_assert_int_eq(inami_result_amount_cents(r), 241936);
	ck_assert_str_eq(inami_result_next_tier(r), "full");
	ck_assert_int_eq(inami_result_missing_count(r), 1);
	inami_result_free(r);

	/* Partially conventioned: the partial amount needs the full threshold (51,498.05). */
	in.convention = INAMI_CONVENTION_PARTIAL;
	r = eval_ok(&in, 0);
	ck_assert(!inami_result_eligible(r));
	inami_result_free(r);
	in.reimbursed_cents = 5149805;
	r = eval_ok(&in, 0);
	ck_assert_str_eq(inami_result_tier(r), "partial");
	ck_assert_int_eq(inami_result_amount_cents(r), 241936);
	ck_assert_int_eq(test_find_check(r, "partial_convention")->state, INAMI_CHECK_HELD);
	inami_result_free(r);

	/* The specialty is required, and must be known. */
	in = test_input("doctor", 2022);
	in.reimbursed_cents = 100;
	eval_fails(&in, INAMI_EINVAL, "specialty");
	in.specialty = "astrology";
	eval_fails(&in, INAMI_ENOTFOUND, "astrology");
}
END_TEST

START_TEST(test_doctor_trainee_and_first_years)
{
	/* Trainee 2022: 6,401.38 without any activity (docs/sources/doctors.md). */
	inami_eval_input in = test_input("doctor", 2022);
	in.trainee = 1;
	inami_result *r = eval_ok(&in, 0);
	ck_assert_str_eq(inami_result_tier(r), "trainee");
	ck_assert_int_eq(inami_result_amount_cents(r), 640138);
	inami_result_free(r);

	/* 2018: no trainee amount yet, but trainees are exempt: full 4,870.71. */
	in = test_input("doctor", 2018);
	in.trainee = 1;
	r = eval_ok(&in, 0);
	ck_assert_str_eq(inami_result_tier(r), "full");
	ck_assert_int_eq(inami_result_amount_cents(r), 487071);
	inami_result_free(r);

	/* Recognised in 2019: 2022 is within the first five years, exempt. */
	in = test_input("doctor", 2022);
	in.specialty = "general_practice";
	in.reimbursed_cents = 0;
	in.first_number = 20190315;
	r = eval_ok(&in, 0);
	ck_assert_str_eq(inami_result_tier(r), "full");
	ck_assert_int_eq(test_find_check(r, "threshold_exemption")->state, INAMI_CHECK_HELD);
	inami_result_free(r);

	/* Recognised in 2015: no longer exempt. */
	in.first_number = 20150315;
	r = eval_ok(&in, 0);
	ck_assert(!inami_result_eligible(r));
	inami_result_free(r);
}
END_TEST

/* Before 2017 there is no threshold: full and partial by conventioning (docs/sources/doctors.md). */
START_TEST(test_doctor_before_thresholds)
{
	inami_eval_input in = test_input("doctor", 2015);
	inami_result *r = eval_ok(&in, 0);
	ck_assert_int_eq(inami_result_amount_cents(r), 453500);
	ck_assert_int_eq(inami_result_provenance(r), INAMI_PROV_OFFICIAL);
	ck_assert_int_eq(test_find_check(r, "minimum_activity")->state, INAMI_CHECK_NOT_APPLICABLE);
	inami_result_free(r);
	in.convention = INAMI_CONVENTION_PARTIAL;
	r = eval_ok(&in, 0);
	ck_assert_int_eq(inami_result_amount_cents(r), 220000);
	inami_result_free(r);
}
END_TEST

/* COVID 2020 with an unknown reduction: below the ordinary threshold is only a lower bound. */
START_TEST(test_lower_bound)
{
	inami_eval_input in = test_input("speech_therapist", 2020);
	in.prestations = 899;
	inami_result *r = NULL;
	/* speech therapists 2020 amounts are DERIVED (docs/sources/speech_therapists.md). */
	ck_assert_int_eq(test_eval(&in, 1, &r), INAMI_OK);
	ck_assert(!inami_result_eligible(r));
	ck_assert(inami_result_lower_bound(r));
	inami_result_free(r);

	in = test_input("nurse", 2020);
	in.reimbursed_cents = 3300000;
	r = eval_ok(&in, 0);
	ck_assert(inami_result_eligible(r));
	ck_assert(!inami_result_lower_bound(r));
	ck_assert_int_eq(inami_result_amount_cents(r), 53903);   /* nurses 2020: 539.03 (secondary) */
	inami_result_free(r);
}
END_TEST

/* Conflicting sources are reported, not silently picked (CONFLICT entries of the data). */
START_TEST(test_conflict_noted)
{
	inami_eval_input in = test_input("dentist", 2021);
	in.prestations = 300;
	inami_result *r = eval_ok(&in, 0);
	ck_assert_int_eq(inami_result_amount_cents(r), 323232);
	int found = 0;
	for (size_t i = 0; i < inami_result_note_count(r); i++)
		found |= strstr(inami_result_note(r, i), "CONFLICT") != NULL && strstr(inami_result_note(r, i), "3200") != NULL;
	ck_assert(found);
	inami_result_free(r);
}
END_TEST

/* Nurses must be self-employed in main occupation (docs/sources/nurses.md). */
START_TEST(test_nurse_employment)
{
	inami_eval_input in = test_input("nurse", 2023);
	in.reimbursed_cents = 4000000;
	in.employment = INAMI_EMPLOYMENT_EMPLOYEE;
	inami_result *r = eval_ok(&in, 0);
	ck_assert(!inami_result_eligible(r));
	ck_assert_int_eq(test_find_check(r, "employment")->state, INAMI_CHECK_FAILED);
	inami_result_free(r);
	in.employment = INAMI_EMPLOYMENT_SELF_EMPLOYED_MAIN;
	r = eval_ok(&in, 0);
	ck_assert_int_eq(inami_result_amount_cents(r), 59344);   /* nurses 2023: 593.44 */
	inami_result_free(r);
}
END_TEST

START_TEST(test_contracts)
{
	inami_eval_input in = test_input("midwife", 2024);
	in.prestations = 150;
	in.contracts = 0;
	inami_result *r = eval_ok(&in, 0);
	ck_assert(!inami_result_eligible(r));
	inami_result_free(r);
	in.contracts = 2;
	r = eval_ok(&in, 0);
	ck_assert(inami_result_eligible(r));
	ck_assert_int_eq(test_find_check(r, "contract")->state, INAMI_CHECK_ACTION);
	ck_assert_int_eq(inami_result_amount_cents(r), 62934);   /* midwives 2024: 629.34 */
	inami_result_free(r);
}
END_TEST

START_TEST(test_labels_in_three_languages)
{
	inami_eval_input in = test_input("physiotherapist", 2022);
	inami_eval_options opts = INAMI_EVAL_OPTIONS_INIT;
	inami_result *r;
	in.prestations = 2000;
	opts.lang = INAMI_LANG_NL;
	ck_assert_int_eq(inami_evaluate(test_rules(), &in, &opts, &r), INAMI_OK);
	ck_assert_str_eq(test_find_check(r, "conventioned")->label, "Geconventioneerd");
	ck_assert_str_eq(inami_result_tier_label(r), "basisbijdrage");
	inami_result_free(r);
	ck_assert_str_eq(inami_check_label("conventioned", INAMI_LANG_FR), "Conventionné");
	ck_assert_str_eq(inami_check_label("minimum_activity", INAMI_LANG_EN), "Minimum activity reached");
	ck_assert_ptr_null(inami_check_label("nope", INAMI_LANG_EN));
}
END_TEST

/* ---- errors ---- */

START_TEST(test_errors)
{
	inami_eval_input in = test_input("physiotherapist", 2031);
	in.prestations = 2000;
	eval_fails(&in, INAMI_ENORULES, "no rules for physiotherapist premium year 2031");

	in = test_input("physiotherapist", 2025);
	in.prestations = 2000;
	eval_fails(&in, INAMI_ENORULES, "NOT FOUND");

	in = test_input("physiotherapist", 2022);
	in.prestations = -5;
	eval_fails(&in, INAMI_ENEGATIVE, "prestations");
	in.prestations = INT64_MAX;
	eval_fails(&in, INAMI_EOVERFLOW, NULL);
	in = test_input("physiotherapist", 2022);
	in.m_values = -50;
	eval_fails(&in, INAMI_ENEGATIVE, "m_value");
	in.m_values = INT64_MIN;
	eval_fails(&in, INAMI_ENEGATIVE, "m_value");

	in = test_input("physiotherapist", 2022);
	eval_fails(&in, INAMI_EINVAL, "give the activity");

	in = test_input("physiotherapist", 2022);
	in.prestations = 2000;
	in.convention = INAMI_CONVENTION_PARTIAL;
	eval_fails(&in, INAMI_EINVAL, "partial conventioning does not exist");
	in.convention = (inami_convention)7;
	eval_fails(&in, INAMI_EINVAL, "convention");

	in = test_input("physiotherapist", 2022);
	in.prestations = 2000;
	in.first_number = 20221332;
	eval_fails(&in, INAMI_EINVAL, "date");
	in.first_number = 0;
	in.convention_start = 20220601;
	in.convention_end = 20220101;
	eval_fails(&in, INAMI_EINVAL, "before");

	in = test_input("pharmacist", 2022);
	in.hours_per_week = 20000;
	eval_fails(&in, INAMI_ERANGE, "168");

	in = test_input("physiotherapist", 2022);
	in.profession = (inami_profession)42;
	eval_fails(&in, INAMI_ENOPROFESSION, NULL);

	in = test_input("physiotherapist", 2022);
	in.version = 99;
	eval_fails(&in, INAMI_EVERSION, "version");

	in = test_input("physiotherapist", 2022);
	in.contracts = -3;
	eval_fails(&in, INAMI_ENEGATIVE, "contracts");
}
END_TEST

START_TEST(test_null_and_options)
{
	inami_eval_input in = test_input("physiotherapist", 2022);
	inami_eval_options opts = INAMI_EVAL_OPTIONS_INIT;
	inami_result *r;

	in.prestations = 2000;
	ck_assert_int_eq(inami_evaluate(NULL, &in, NULL, &r), INAMI_ENULL);
	ck_assert_int_eq(inami_evaluate(test_rules(), NULL, NULL, &r), INAMI_ENULL);
	ck_assert_int_eq(inami_evaluate(test_rules(), &in, NULL, NULL), INAMI_ENULL);
	ck_assert_ptr_nonnull(strstr(inami_error_last(), "NULL"));
	opts.version = 0;
	ck_assert_int_eq(inami_evaluate(test_rules(), &in, &opts, &r), INAMI_EVERSION);
	opts = (inami_eval_options)INAMI_EVAL_OPTIONS_INIT;
	opts.flags = 0x80;
	ck_assert_int_eq(inami_evaluate(test_rules(), &in, &opts, &r), INAMI_EINVAL);
	opts.flags = 0;
	opts.lang = (inami_lang)9;
	ck_assert_int_eq(inami_evaluate(test_rules(), &in, &opts, &r), INAMI_EINVAL);

	ck_assert_int_eq(inami_eval_input_init(&in, 2), INAMI_EVERSION);
	ck_assert_int_eq(inami_eval_input_init(NULL, 1), INAMI_ENULL);
	ck_assert_int_eq(inami_eval_input_init(&in, INAMI_EVAL_INPUT_VERSION), INAMI_OK);
	ck_assert_int_eq(in.prestations, INAMI_UNSET);
	ck_assert_int_eq(inami_eval_options_init(&opts, 5), INAMI_EVERSION);
	ck_assert_int_eq(inami_eval_options_init(&opts, INAMI_EVAL_OPTIONS_VERSION), INAMI_OK);

	/* Accessors accept NULL. */
	inami_result_free(NULL);
	ck_assert_int_eq(inami_result_eligible(NULL), 0);
	ck_assert_ptr_null(inami_result_check(NULL, 0));
	ck_assert_ptr_null(inami_result_note(NULL, 0));
	inami_measure m;
	int64_t a, b;
	ck_assert_int_eq(inami_result_missing(NULL, 0, &m, &a, &b), INAMI_ENULL);
}
END_TEST

/* Extreme but valid figures give answers, never overflow. */
START_TEST(test_extremes)
{
	inami_eval_input in = test_input("physiotherapist", 2022);
	in.m_values = INT64_MAX;
	in.prestations = INT64_MAX / 100;
	inami_result *r = eval_ok(&in, 0);
	ck_assert(!inami_result_eligible(r));   /* far above the maximum */
	inami_result_free(r);

	/* A user file with an amount too large to prorate is refused, not wrapped around. */
	static const char huge[] =
		"inami-rules 1\n[amounts physiotherapist 2022 override]\nprovenance = illustrative\n"
		"source = https://example.invalid\nbase = 8000000000000000.00\nintermediate = 8000000000000001.00\n"
		"full = 8000000000000002.00\n";
	inami_ruleset *rs = NULL;
	ck_assert_int_eq(inami_ruleset_load_buffer(&rs, test_rules(), huge, sizeof(huge) - 1, "huge"), INAMI_OK);
	in = test_input("physiotherapist", 2022);
	in.prestations = 1500;
	ck_assert_int_eq(inami_evaluate(rs, &in, NULL, &r), INAMI_EOVERFLOW);
	inami_ruleset_free(rs);
}
END_TEST

/* Key-letter values for other professions are noted and ignored, not used. */
START_TEST(test_unused_measure_noted)
{
	inami_eval_input in = test_input("dentist", 2022);
	in.prestations = 400;
	in.m_values = 9999900;
	inami_result *r = eval_ok(&in, 0);
	ck_assert(inami_result_eligible(r));
	ck_assert_ptr_nonnull(strstr(inami_result_note(r, 0), "m_value"));
	inami_result_free(r);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("evaluate");
	TCase *tc = tcase_create("evaluate");

	tcase_add_test(tc, test_physio_2022_just_below_intermediate);
	tcase_add_test(tc, test_physio_m_values_alone);
	tcase_add_test(tc, test_conditions_fail);
	tcase_add_test(tc, test_pro_rata_complete_months);
	tcase_add_test(tc, test_pro_rata_rounding_half_up);
	tcase_add_test(tc, test_pro_rata_derived_elsewhere);
	tcase_add_test(tc, test_retired);
	tcase_add_test(tc, test_doctor_specialty);
	tcase_add_test(tc, test_doctor_trainee_and_first_years);
	tcase_add_test(tc, test_doctor_before_thresholds);
	tcase_add_test(tc, test_lower_bound);
	tcase_add_test(tc, test_conflict_noted);
	tcase_add_test(tc, test_nurse_employment);
	tcase_add_test(tc, test_contracts);
	tcase_add_test(tc, test_labels_in_three_languages);
	tcase_add_test(tc, test_errors);
	tcase_add_test(tc, test_null_and_options);
	tcase_add_test(tc, test_unused_measure_noted);
	tcase_add_test(tc, test_extremes);
	suite_add_tcase(s, tc);
	return test_run(s);
}
