/* Identifiers, dates, euro amounts, versions and error reporting. */
#include <stdint.h>
#include <string.h>

#include "test_util.h"

/* dates.c (internal): date + days, either way; 0 outside 1000-01-01..9999-12-31. */
inami_date inami__date_add_days(inami_date date, int days);

START_TEST(test_version)
{
	ck_assert_str_eq(inami_version(), INAMI_VERSION);
	ck_assert_int_eq(inami_version_number(), INAMI_VERSION_NUMBER);
	ck_assert_int_eq(INAMI_VERSION_NUMBER, INAMI_VERSION_MAJOR * 10000 + INAMI_VERSION_MINOR * 100 + INAMI_VERSION_PATCH);
}
END_TEST

START_TEST(test_professions)
{
	inami_profession p;
	ck_assert_int_eq(inami_profession_from_id("speech_therapist", &p), INAMI_OK);
	ck_assert_int_eq(p, INAMI_SPEECH_THERAPIST);
	ck_assert_str_eq(inami_profession_id(INAMI_MIDWIFE), "midwife");
	ck_assert_ptr_null(inami_profession_id((inami_profession)0));
	ck_assert_ptr_null(inami_profession_id((inami_profession)8));
	ck_assert_int_eq(inami_profession_from_id("plumber", &p), INAMI_ENOPROFESSION);
	ck_assert_ptr_nonnull(strstr(inami_error_last(), "plumber"));
	ck_assert_int_eq(inami_error_last_status(), INAMI_ENOPROFESSION);
	ck_assert_int_eq(inami_profession_from_id(NULL, &p), INAMI_ENULL);
	ck_assert_int_eq(inami_profession_from_id("doctor", NULL), INAMI_ENULL);
	inami_error_clear();
	ck_assert_str_eq(inami_error_last(), "");
	ck_assert_int_eq(inami_error_last_status(), INAMI_OK);
}
END_TEST

START_TEST(test_measures_langs_provenance)
{
	inami_measure m;
	inami_lang l;
	ck_assert_int_eq(inami_measure_from_id("hours_per_week", &m), INAMI_OK);
	ck_assert_int_eq(m, INAMI_MEASURE_HOURS_PER_WEEK);
	ck_assert_int_eq(inami_measure_from_id("w_value", &m), INAMI_EINVAL);
	ck_assert_str_eq(inami_measure_id(INAMI_MEASURE_R_VALUE), "r_value");
	ck_assert_ptr_null(inami_measure_id((inami_measure)6));
	ck_assert_int_eq(inami_lang_from_id("nl", &l), INAMI_OK);
	ck_assert_int_eq(l, INAMI_LANG_NL);
	ck_assert_int_eq(inami_lang_from_id("de", &l), INAMI_EINVAL);
	ck_assert_str_eq(inami_provenance_id(INAMI_PROV_DERIVED), "derived");
	ck_assert_str_eq(inami_provenance_id((inami_provenance)17), "unknown");
	ck_assert_str_eq(inami_payee_id(INAMI_PAYEE_BANK_ACCOUNT), "bank_account");
	ck_assert_str_eq(inami_check_state_id(INAMI_CHECK_ASSUMED), "assumed");
}
END_TEST

/* One unit per measure: whole prestations, hundredths of everything else. */
START_TEST(test_measure_units)
{
	int64_t v = 0;
	char buf[32];

	ck_assert_int_eq(inami_measure_scale(INAMI_MEASURE_PRESTATIONS), 1);
	ck_assert_int_eq(inami_measure_scale(INAMI_MEASURE_M_VALUE), 100);
	ck_assert_int_eq(inami_measure_scale(INAMI_MEASURE_HOURS_PER_WEEK), 100);
	ck_assert_int_eq(inami_measure_scale(INAMI_MEASURE_NONE), 0);
	ck_assert_int_eq(inami_measure_parse(INAMI_MEASURE_PRESTATIONS, "2299", &v), INAMI_OK);
	ck_assert_int_eq(v, 2299);
	ck_assert_int_eq(inami_measure_parse(INAMI_MEASURE_PRESTATIONS, "2299.5", &v), INAMI_EINVAL);
	ck_assert_ptr_nonnull(strstr(inami_error_last(), "whole"));
	ck_assert_int_eq(inami_measure_parse(INAMI_MEASURE_M_VALUE, "1234.5", &v), INAMI_OK);
	ck_assert_int_eq(v, 123450);
	ck_assert_int_eq(inami_measure_parse(INAMI_MEASURE_HOURS_PER_WEEK, "38", &v), INAMI_OK);
	ck_assert_int_eq(v, 3800);
	ck_assert_int_eq(inami_measure_parse(INAMI_MEASURE_M_VALUE, "-1", &v), INAMI_ENEGATIVE);
	ck_assert_int_eq(inami_measure_parse(INAMI_MEASURE_M_VALUE, "1.234", &v), INAMI_EINVAL);
	ck_assert_int_eq(inami_measure_parse(INAMI_MEASURE_M_VALUE, "1e3", &v), INAMI_EINVAL);
	ck_assert_int_eq(inami_measure_parse(INAMI_MEASURE_M_VALUE, "99999999999999999999", &v), INAMI_EOVERFLOW);
	ck_assert_int_eq(inami_measure_parse((inami_measure)42, "1", &v), INAMI_EINVAL);
	ck_assert_int_eq(inami_measure_parse(INAMI_MEASURE_M_VALUE, NULL, &v), INAMI_ENULL);
	ck_assert_int_eq(inami_measure_format(INAMI_MEASURE_M_VALUE, 123450, buf, sizeof(buf)), INAMI_OK);
	ck_assert_str_eq(buf, "1234.5");
	ck_assert_int_eq(inami_measure_format(INAMI_MEASURE_PRESTATIONS, 2299, buf, sizeof(buf)), INAMI_OK);
	ck_assert_str_eq(buf, "2299");
	ck_assert_int_eq(inami_measure_format(INAMI_MEASURE_REIMBURSED_EUR, 2500001, buf, sizeof(buf)), INAMI_OK);
	ck_assert_str_eq(buf, "25000.01");
	ck_assert_int_eq(inami_measure_format(INAMI_MEASURE_M_VALUE, 123450, buf, 4), INAMI_EBUFS);
	ck_assert_int_eq(inami_measure_format(INAMI_MEASURE_PRESTATIONS, INT64_MAX, buf, sizeof(buf)), INAMI_EOVERFLOW);
}
END_TEST

START_TEST(test_dates)
{
	inami_date d;
	ck_assert_int_eq(inami_date_parse("2024-02-29", &d), INAMI_OK);
	ck_assert_int_eq(d, 20240229);
	ck_assert_int_eq(inami_date_parse("2023-02-29", &d), INAMI_EINVAL);
	ck_assert_int_eq(inami_date_parse("2023-13-01", &d), INAMI_EINVAL);
	ck_assert_int_eq(inami_date_parse("2023-1-01", &d), INAMI_EINVAL);
	ck_assert_int_eq(inami_date_parse("20230101", &d), INAMI_EINVAL);
	ck_assert_int_eq(inami_date_parse("2023-01-0x", &d), INAMI_EINVAL);
	ck_assert_int_eq(inami_date_check(20230431), INAMI_EINVAL);
	ck_assert_int_eq(inami_date_check(20231231), INAMI_OK);
	ck_assert_int_eq(inami_date_check(0), INAMI_EINVAL);
}
END_TEST

/* Internal date arithmetic, both ways: month and year ends, leap days, the range's ends. */
START_TEST(test_date_add_days)
{
	ck_assert_int_eq(inami__date_add_days(20230430, 1), 20230501);
	ck_assert_int_eq(inami__date_add_days(20231231, 1), 20240101);
	ck_assert_int_eq(inami__date_add_days(20240228, 1), 20240229);
	ck_assert_int_eq(inami__date_add_days(20230228, 1), 20230301);
	ck_assert_int_eq(inami__date_add_days(20210601, -1), 20210531);
	ck_assert_int_eq(inami__date_add_days(20240101, -1), 20231231);
	ck_assert_int_eq(inami__date_add_days(20240301, -1), 20240229);
	ck_assert_int_eq(inami__date_add_days(20230301, -1), 20230228);
	ck_assert_int_eq(inami__date_add_days(20230115, -380), 20211231);
	ck_assert_int_eq(inami__date_add_days(20211231, 380), 20230115);
	ck_assert_int_eq(inami__date_add_days(20230115, 0), 20230115);
	ck_assert_int_eq(inami__date_add_days(99991231, 1), 0);
	ck_assert_int_eq(inami__date_add_days(10000101, -1), 0);
}
END_TEST

START_TEST(test_euros)
{
	int64_t c;
	char buf[32];
	ck_assert_int_eq(inami_euros_parse("1790.34", 0, &c), INAMI_OK);
	ck_assert_int_eq(c, 179034);
	ck_assert_int_eq(inami_euros_parse("25000", 0, &c), INAMI_OK);
	ck_assert_int_eq(c, 2500000);
	ck_assert_int_eq(inami_euros_parse("0.5", 0, &c), INAMI_OK);
	ck_assert_int_eq(c, 50);
	ck_assert_int_eq(inami_euros_parse("-5", 1, &c), INAMI_OK);
	ck_assert_int_eq(c, -500);
	ck_assert_int_eq(inami_euros_parse("-5", 0, &c), INAMI_ENEGATIVE);
	ck_assert_int_eq(inami_euros_parse("1,790.34", 0, &c), INAMI_EINVAL);
	ck_assert_int_eq(inami_euros_parse("1.234", 0, &c), INAMI_EINVAL);
	ck_assert_int_eq(inami_euros_parse("", 0, &c), INAMI_EINVAL);
	ck_assert_int_eq(inami_euros_parse("12.", 0, &c), INAMI_EINVAL);
	ck_assert_int_eq(inami_euros_parse(".5", 0, &c), INAMI_EINVAL);
	ck_assert_int_eq(inami_euros_parse("EUR 5", 0, &c), INAMI_EINVAL);
	ck_assert_int_eq(inami_euros_parse("99999999999999999999", 0, &c), INAMI_EOVERFLOW);
	ck_assert_int_eq(inami_euros_format(179034, buf, sizeof(buf)), INAMI_OK);
	ck_assert_str_eq(buf, "1790.34");
	ck_assert_int_eq(inami_euros_format(-5, buf, sizeof(buf)), INAMI_OK);
	ck_assert_str_eq(buf, "-0.05");
	ck_assert_int_eq(inami_euros_format(INT64_MIN, buf, sizeof(buf)), INAMI_OK);
	ck_assert_str_eq(buf, "-92233720368547758.08");
	ck_assert_int_eq(inami_euros_format(179034, buf, 4), INAMI_EBUFS);
	ck_assert_int_eq(inami_euros_format(1, NULL, 4), INAMI_ENULL);
}
END_TEST

START_TEST(test_strerror)
{
	for (int s = 0; s >= -15; s--)
		ck_assert_str_ne(inami_strerror(s), "unknown status");
	ck_assert_str_eq(inami_strerror(-1000), "unknown status");
	ck_assert_str_eq(inami_strerror(INAMI_ENORULES), "no rules for that profession and premium year");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("basics");
	TCase *tc = tcase_create("basics");

	tcase_add_test(tc, test_version);
	tcase_add_test(tc, test_professions);
	tcase_add_test(tc, test_measures_langs_provenance);
	tcase_add_test(tc, test_measure_units);
	tcase_add_test(tc, test_dates);
	tcase_add_test(tc, test_date_add_days);
	tcase_add_test(tc, test_euros);
	tcase_add_test(tc, test_strerror);
	suite_add_tcase(s, tc);
	return test_run(s);
}
