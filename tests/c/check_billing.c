/*
 * Nomenclature, key-letter totals, the per-provider accumulator and the
 * billing CSV reader. Golden values come from libinami/data/nomenclature.csv
 * and docs/sources/ (physiotherapists.md, speech_therapists.md,
 * midwives.md; source URLs next to each test).
 */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <inami/inami.h>

#include "test_util.h"

static int total(const int32_t *code, const int32_t *qty, const int32_t *date, size_t n,
	unsigned flags, inami_billing_summary *s, int32_t *uc, int64_t *uq, int32_t *ur, size_t cap)
{
	memset(s, 0, sizeof(*s));
	s->version = INAMI_BILLING_SUMMARY_VERSION;
	return inami_billing_total(test_nomenclature(), code, qty, date, n, flags, s, uc, uq, ur, cap);
}

/* 560011 (M24) + 560416 (M16) = 40 M: INAMI statut social page and Securex, quoted in
 * docs/sources/physiotherapists.md (https://www.inami.fgov.be/fr/professionnels/sante/kinesitherapeutes/
 * Pages/beneficier-statut-social-kinesitherapeute.aspx). Fixed point: 40 M = 4000. */
START_TEST(forty_m)
{
	int32_t code[] = { 560011, 560416 }, qty[] = { 1, 1 };
	inami_billing_summary s;
	ck_assert_int_eq(total(code, qty, NULL, 2, 0, &s, NULL, NULL, NULL, 0), INAMI_OK);
	ck_assert_int_eq(s.key_values[INAMI_KEY_M], 4000);
	ck_assert_int_eq(s.key_values[INAMI_KEY_M] / INAMI_KEY_VALUE_SCALE, 40);
	ck_assert_int_eq(s.key_values[INAMI_KEY_R], 0);
	ck_assert_int_eq(s.prestations, 2);
	ck_assert_uint_eq(s.unvalued_count, 0);
	ck_assert(s.flags & INAMI_TOTAL_UNDATED);
	ck_assert(!(s.flags & INAMI_TOTAL_INCOMPLETE));
}
END_TEST

/* Corrections: negative quantities subtract; a total below zero is an error. */
START_TEST(corrections)
{
	int32_t code[] = { 560011, 560011, 560033 }, qty[] = { 3, -1, 1 };
	inami_billing_summary s;
	ck_assert_int_eq(total(code, qty, NULL, 3, 0, &s, NULL, NULL, NULL, 0), INAMI_OK);
	ck_assert_int_eq(s.key_values[INAMI_KEY_M], 2 * 2400 + 1000); /* 560033 = M10 */
	ck_assert_int_eq(s.prestations, 3);

	int32_t code2[] = { 560011, 560011 }, qty2[] = { 1, -2 };
	ck_assert_int_eq(total(code2, qty2, NULL, 2, 0, &s, NULL, NULL, NULL, 0), INAMI_ENEGATIVE);
	ck_assert_int_eq(inami_error_last_status(), INAMI_ENEGATIVE);
}
END_TEST

/* Codes without a value (567011: post-2021 courante code, M value NOT FOUND,
 * docs/sources/physiotherapists.md) are reported, counted as prestations, never as zero M. */
START_TEST(unknown_codes)
{
	int32_t code[] = { 567011, 560011, 567011, 1234567, -5 }, qty[] = { 2, 1, 3, 1, 1 };
	int32_t uc[8], ur[8];
	int64_t uq[8];
	inami_billing_summary s;
	ck_assert_int_eq(total(code, qty, NULL, 5, 0, &s, uc, uq, ur, 8), INAMI_OK);
	ck_assert_int_eq(s.key_values[INAMI_KEY_M], 2400);
	ck_assert_int_eq(s.prestations, 8);
	ck_assert(s.flags & INAMI_TOTAL_INCOMPLETE);
	ck_assert_uint_eq(s.unvalued_count, 3);
	ck_assert_int_eq(s.unvalued_quantity, 7);
	ck_assert_int_eq(uc[0], -5);
	ck_assert_int_eq(uc[1], 567011);
	ck_assert_int_eq(uq[1], 5);
	ck_assert_int_eq(ur[1], INAMI_UNVALUED_UNKNOWN_CODE);
	ck_assert_str_eq(inami_unvalued_reason_id(ur[1]), "unknown_code");
	ck_assert_int_eq(uc[2], 1234567);
	/* A short list is cut, the count still says how many exist. */
	ck_assert_int_eq(total(code, qty, NULL, 5, 0, &s, uc, uq, ur, 1), INAMI_OK);
	ck_assert_uint_eq(s.unvalued_count, 3);
}
END_TEST

/* Validity: 560011 M24 from 2003-01-01 (AR 18 Dec 2002, https://refli.be/fr/lex/2002023049),
 * end unknown. 713016 R17.5 until 2023-04-30, R15 from 2023-05-01 (docs/sources/speech_therapists.md,
 * https://vlex.be/vid/koninklijk-besluit-tot-wijziging-926303670). */
START_TEST(validity_dates)
{
	int32_t code[] = { 560011, 560011, 713016, 713016 };
	int32_t qty[] = { 1, 1, 1, 2 };
	int32_t date[] = { 20240115, 20021231, 20230430, 20230501 };
	int32_t uc[4], ur[4];
	int64_t uq[4];
	inami_billing_summary s;
	ck_assert_int_eq(total(code, qty, date, 4, 0, &s, uc, uq, ur, 4), INAMI_OK);
	ck_assert_int_eq(s.key_values[INAMI_KEY_M], 2400);           /* the 2002 line is out of validity */
	ck_assert_int_eq(s.key_values[INAMI_KEY_R], 1750 + 2 * 1500); /* R 17.5 + 2 x R 15 */
	ck_assert_int_eq(s.prestations, 5);
	ck_assert(s.flags & INAMI_TOTAL_VALIDITY_UNKNOWN); /* 560011 has no known end */
	ck_assert(!(s.flags & INAMI_TOTAL_UNDATED));
	ck_assert_uint_eq(s.unvalued_count, 1);
	ck_assert_int_eq(uc[0], 560011);
	ck_assert_int_eq(ur[0], INAMI_UNVALUED_OUT_OF_VALIDITY);

	/* Undated line on a code whose value changed: a date is needed. */
	int32_t c2[] = { 713016 }, q2[] = { 1 };
	ck_assert_int_eq(total(c2, q2, NULL, 1, 0, &s, uc, uq, ur, 4), INAMI_OK);
	ck_assert_int_eq(s.key_values[INAMI_KEY_R], 0);
	ck_assert_int_eq(ur[0], INAMI_UNVALUED_DATE_NEEDED);
	/* A dated line inside a mixed array that has date 0 is undated. */
	int32_t c3[] = { 560011, 560011 }, q3[] = { 1, 1 }, d3[] = { 0, 20100101 };
	ck_assert_int_eq(total(c3, q3, d3, 2, 0, &s, NULL, NULL, NULL, 0), INAMI_OK);
	ck_assert_int_eq(s.key_values[INAMI_KEY_M], 4800);
	ck_assert(s.flags & INAMI_TOTAL_UNDATED);
	/* A date that is not YYYYMMDD refuses the call. */
	int32_t d4[] = { 2024, 0 };
	ck_assert_int_eq(total(c3, q3, d4, 2, 0, &s, NULL, NULL, NULL, 0), INAMI_EINVAL);
}
END_TEST

/* DERIVED: 428094 V21 is DERIVED from the 2018 fee / 1.778 EUR per V (docs/sources/midwives.md). It counts
 * only when allowed; 422052 V15 is OFFICIAL (AR 10 Jun 1998, https://refli.be/fr/lex/1998022388). */
START_TEST(derived_values)
{
	int32_t code[] = { 428094, 422052 }, qty[] = { 1, 1 }, date[] = { 20240301, 20240301 };
	int32_t uc[2], ur[2];
	int64_t uq[2];
	inami_billing_summary s;
	ck_assert_int_eq(total(code, qty, date, 2, 0, &s, uc, uq, ur, 2), INAMI_OK);
	ck_assert_int_eq(s.key_values[INAMI_KEY_V], 1500);
	ck_assert_int_eq(ur[0], INAMI_UNVALUED_DERIVED);
	ck_assert(!(s.flags & INAMI_TOTAL_DERIVED_USED));
	ck_assert_int_eq(total(code, qty, date, 2, INAMI_BILLING_ALLOW_DERIVED, &s, uc, uq, ur, 2), INAMI_OK);
	ck_assert_int_eq(s.key_values[INAMI_KEY_V], 3600);
	ck_assert(s.flags & INAMI_TOTAL_DERIVED_USED);
	ck_assert_uint_eq(s.unvalued_count, 0);
}
END_TEST

/* 560011: M24 OFFICIAL (AR 18 Dec 2002) vs M20 SECONDARY (bmaconsulting) - the
 * official value is kept and the other recorded (docs/sources/physiotherapists.md). */
START_TEST(conflict_recorded)
{
	inami_code_info info;
	memset(&info, 0, sizeof(info));
	info.version = INAMI_CODE_INFO_VERSION;
	ck_assert_int_eq(inami_nomenclature_lookup(test_nomenclature(), 560011, 20220101, &info), INAMI_OK);
	ck_assert_int_eq(info.value, 2400);
	ck_assert_int_eq(info.provenance, INAMI_PROV_OFFICIAL);
	ck_assert_int_eq(info.has_conflict, 1);
	ck_assert_int_eq(info.conflict_value, 2000);
	ck_assert_int_eq(info.conflict_provenance, INAMI_PROV_SECONDARY);
	ck_assert(strstr(info.conflict_source, "bmaconsulting") != NULL);
	ck_assert(info.flags & INAMI_CODE_TO_UNKNOWN);
	ck_assert_int_eq(info.valid_from, 20030101);

	/* R 17.5 is 1750 hundredths; lookups by date pick the period. */
	ck_assert_int_eq(inami_nomenclature_lookup(test_nomenclature(), 714210, 20230101, &info), INAMI_OK);
	ck_assert_int_eq(info.value, 1750);
	ck_assert_int_eq(info.key_letter, INAMI_KEY_R);
	ck_assert_int_eq(inami_nomenclature_lookup(test_nomenclature(), 714210, 20240101, &info), INAMI_OK);
	ck_assert_int_eq(info.value, 1500);
	ck_assert_int_eq(inami_nomenclature_lookup(test_nomenclature(), 714210, 0, &info), INAMI_EINVAL);
	ck_assert_int_eq(inami_nomenclature_lookup(test_nomenclature(), 567011, 0, &info), INAMI_ENOTFOUND);
	ck_assert_int_eq(inami_nomenclature_lookup(test_nomenclature(), 560011, 19990101, &info), INAMI_ENOTFOUND);
	ck_assert_int_eq(inami_nomenclature_lookup(test_nomenclature(), 560011, 20241399, &info), INAMI_EINVAL);
	info.version = 99;
	ck_assert_int_eq(inami_nomenclature_lookup(test_nomenclature(), 560011, 0, &info), INAMI_EVERSION);
	/* 3 conflicting SECONDARY rows folded: 41 data rows -> 38 entries. */
	ck_assert_uint_eq(inami_nomenclature_count(test_nomenclature()), 38);
}
END_TEST

static const char *user_csv =
	"# illustrative values for a test, not real\n"
	"code,key_letter,value,valid_from,valid_to,provenance,source_url,note\n"
	"567011,M,24,2021-06-01,,illustrative,https://example.invalid/test,made up for the test\n"
	"560011,M,30,,,official,https://example.invalid/a,\n"
	"560011,M,31,,,official,https://example.invalid/b,\n";

/* A user file adds codes and overrides others; equal provenances are recorded unresolved. */
START_TEST(user_nomenclature)
{
	inami_nomenclature *n = NULL;
	ck_assert_int_eq(inami_nomenclature_load_buffer(&n, test_nomenclature(), user_csv, strlen(user_csv), "user.csv"),
		INAMI_OK);
	inami_code_info info;
	memset(&info, 0, sizeof(info));
	info.version = INAMI_CODE_INFO_VERSION;
	ck_assert_int_eq(inami_nomenclature_lookup(n, 560011, 19900101, &info), INAMI_OK);
	ck_assert_int_eq(info.value, 3000);
	ck_assert_int_eq(info.conflict_value, 3100);
	ck_assert(info.flags & INAMI_CODE_CONFLICT_UNRESOLVED);
	ck_assert_str_eq(info.layer, "user.csv");
	ck_assert_int_eq(info.line, 4);
	/* Base codes not in the file are kept. */
	ck_assert_int_eq(inami_nomenclature_lookup(n, 560416, 0, &info), INAMI_OK);
	ck_assert_int_eq(info.value, 1600);

	int32_t code[] = { 567011, 560011 }, qty[] = { 1, 1 }, date[] = { 20220101, 20220101 };
	inami_billing_summary s = { INAMI_BILLING_SUMMARY_VERSION, { 0 }, 0, 0, 0, 0 };
	ck_assert_int_eq(inami_billing_total(n, code, qty, date, 2, INAMI_BILLING_ALLOW_DERIVED, &s,
		NULL, NULL, NULL, 0), INAMI_OK);
	ck_assert_int_eq(s.key_values[INAMI_KEY_M], 5400);
	ck_assert(s.flags & INAMI_TOTAL_CONFLICT);
	ck_assert(s.flags & INAMI_TOTAL_DERIVED_USED); /* illustrative counts as an estimate */
	inami_nomenclature_free(n);
}
END_TEST

/* Errors in a nomenclature file carry name:line:column, and nothing is made. */
START_TEST(nomenclature_errors)
{
	static const struct { const char *text, *message; } cases[] = {
		{ "", "bad.csv:1:1: empty file" },
		{ "code,value\n", "no 'key_letter' column" },
		{ "code,key_letter,value,valid_from,valid_to,provenance,source_url\n"
		  "56001,M,24,,,official,u\n", "bad.csv:2:1: code must have 6 digits" },
		{ "code,key_letter,value,valid_from,valid_to,provenance,source_url\n"
		  "560011,X,24,,,official,u\n", "bad.csv:2:8: key_letter must be M, R or V" },
		{ "code,key_letter,value,valid_from,valid_to,provenance,source_url\n"
		  "560011,M,2.345,,,official,u\n", "bad.csv:2:10: value: a number has at most two decimals" },
		{ "code,key_letter,value,valid_from,valid_to,provenance,source_url\n"
		  "560011,M,-2,,,official,u\n", "bad.csv:2:10: value" },
		{ "code,key_letter,value,valid_from,valid_to,provenance,source_url\n"
		  "560011,M,24,2024-02-30,,official,u\n", "bad.csv:2:13: valid_from" },
		{ "code,key_letter,value,valid_from,valid_to,provenance,source_url\n"
		  "560011,M,24,2024-02-01,2023-01-01,official,u\n", "valid_to is before valid_from" },
		{ "code,key_letter,value,valid_from,valid_to,provenance,source_url\n"
		  "560011,M,24,,,not_found,u\n", "provenance must be" },
		{ "code,key_letter,value,valid_from,valid_to,provenance,source_url\n"
		  "560011,M,24,,,official,\n", "source_url is empty" },
		{ "code,key_letter,value,valid_from,valid_to,provenance,source_url\n"
		  "560011,M,24,,,official\n", "bad.csv:2:1: 6 columns where the header has 7" },
		{ "code,key_letter,value,valid_from,valid_to,provenance,source_url\n"
		  "560011,M,24,,,official,\"u\n", "quoted field is not closed" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		inami_nomenclature *n = (inami_nomenclature *)1;
		int st = inami_nomenclature_load_buffer(&n, NULL, cases[i].text, strlen(cases[i].text), "bad.csv");
		ck_assert_msg(st == INAMI_EPARSE, "case %zu: status %d (%s)", i, st, inami_error_last());
		ck_assert_ptr_null(n);
		ck_assert_msg(strstr(inami_error_last(), cases[i].message) != NULL, "case %zu: '%s'", i,
			inami_error_last());
	}
	inami_nomenclature *n = NULL;
	ck_assert_int_eq(inami_nomenclature_load_file(&n, NULL, "/nonexistent/x.csv"), INAMI_EIO);
	ck_assert_int_eq(inami_nomenclature_load_buffer(NULL, NULL, "", 0, NULL), INAMI_ENULL);
	/* A nomenclature file with extra columns loads (extra columns are ignored). */
	ck_assert_int_eq(inami_nomenclature_load_file(&n, NULL,
		INAMI_TEST_DATA_DIR "/billing/nomenclature_domain.csv"), INAMI_OK);
	ck_assert_uint_eq(inami_nomenclature_count(n), 38);
	inami_nomenclature_free(n);
	inami_nomenclature_free(NULL);
}
END_TEST

/* Huge quantities: a total that does not fit in 64 bits is an error, not a wrong number. */
START_TEST(overflow)
{
	static const char *big = "code,key_letter,value,valid_from,valid_to,provenance,source_url\n"
		"999999,M,10000000,,,illustrative,https://example.invalid/big\n";
	inami_nomenclature *n = NULL;
	ck_assert_int_eq(inami_nomenclature_load_buffer(&n, NULL, big, strlen(big), "big"), INAMI_OK);
	int32_t code[8], qty[8];
	for (int i = 0; i < 8; i++) {
		code[i] = 999999;
		qty[i] = INT32_MAX;  /* 2^31 x 10^9 hundredths: 5 lines exceed 2^63 */
	}
	inami_billing_summary s = { INAMI_BILLING_SUMMARY_VERSION, { 0 }, 0, 0, 0, 0 };
	ck_assert_int_eq(inami_billing_total(n, code, qty, NULL, 8, INAMI_BILLING_ALLOW_DERIVED, &s,
		NULL, NULL, NULL, 0), INAMI_EOVERFLOW);
	ck_assert_int_eq(inami_billing_total(n, code, qty, NULL, 4, INAMI_BILLING_ALLOW_DERIVED, &s,
		NULL, NULL, NULL, 0), INAMI_OK);
	ck_assert_int_eq(s.key_values[INAMI_KEY_M], (int64_t)4 * INT32_MAX * 1000000000);

	/* Per provider: only the provider that overflows is in error. */
	inami_billing *b = NULL;
	ck_assert_int_eq(inami_billing_new(&b, n, 2, INAMI_BILLING_ALLOW_DERIVED), INAMI_OK);
	uint32_t prov[8] = { 1, 1, 1, 1, 1, 1, 0, 1 };
	ck_assert_int_eq(inami_billing_add(b, code, qty, NULL, prov, 8), INAMI_OK);
	int64_t kv[6], pr[2];
	int32_t st[2];
	ck_assert_int_eq(inami_billing_results(b, kv, pr, NULL, st, 2), INAMI_OK);
	ck_assert_int_eq(st[0], INAMI_OK);
	ck_assert_int_eq(kv[0], (int64_t)INT32_MAX * 1000000000);
	ck_assert_int_eq(st[1], INAMI_EOVERFLOW);
	ck_assert_int_eq(kv[3], 0);
	/* The signed results give no number for an overflow either. */
	kv[3] = -1;
	ck_assert_int_eq(inami_billing_signed_results(b, kv, pr, NULL, st, 2), INAMI_OK);
	ck_assert_int_eq(st[1], INAMI_EOVERFLOW);
	ck_assert_int_eq(kv[3], 0);
	ck_assert_int_eq(pr[1], 0);
	ck_assert_int_eq(kv[0], (int64_t)INT32_MAX * 1000000000);
	inami_billing_free(b);
	inami_nomenclature_free(n);
}
END_TEST

/* Signed results keep the sums of a provider below zero; the plain results give 0. */
START_TEST(signed_results)
{
	inami_billing *b = NULL;
	ck_assert_int_eq(inami_billing_new(&b, test_nomenclature(), 2, 0), INAMI_OK);
	int32_t code[] = { 560011, 560011, 560416 }, qty[] = { 1, -3, 2 };
	uint32_t prov[] = { 0, 0, 1 };
	ck_assert_int_eq(inami_billing_add(b, code, qty, NULL, prov, 3), INAMI_OK);
	int64_t kv[6], pr[2];
	uint32_t fl[2];
	int32_t st[2];
	ck_assert_int_eq(inami_billing_signed_results(b, kv, pr, fl, st, 1), INAMI_EBUFS);
	ck_assert_int_eq(inami_billing_signed_results(b, kv, pr, fl, st, 2), INAMI_OK);
	ck_assert_int_eq(st[0], INAMI_ENEGATIVE);
	ck_assert_int_eq(kv[0], -2 * 2400);
	ck_assert_int_eq(pr[0], -2);
	ck_assert_int_eq(st[1], INAMI_OK);
	ck_assert_int_eq(kv[3], 2 * 1600);
	ck_assert_int_eq(pr[1], 2);
	ck_assert_int_eq(inami_billing_results(b, kv, pr, fl, st, 2), INAMI_OK);
	ck_assert_int_eq(st[0], INAMI_ENEGATIVE);
	ck_assert_int_eq(kv[0], 0);
	ck_assert_int_eq(pr[0], 0);
	ck_assert_int_eq(inami_billing_signed_results(NULL, kv, pr, fl, st, 2), INAMI_ENULL);
	inami_billing_free(b);
}
END_TEST

/* The accumulator: per-provider totals, bad arguments refused atomically. */
START_TEST(accumulator)
{
	inami_billing *b = NULL;
	ck_assert_int_eq(inami_billing_new(&b, test_nomenclature(), 3, 0), INAMI_OK);
	int32_t code[] = { 560011, 560416, 713016, 567011, 422052 };
	int32_t qty[] = { 1, 1, 1, 4, 2 };
	int32_t date[] = { 20220301, 20220301, 20220301, 20220301, 20220301 };
	uint32_t prov[] = { 0, 0, 1, 1, 2 };
	ck_assert_int_eq(inami_billing_add(b, code, qty, date, prov, 5), INAMI_OK);
	ck_assert_int_eq(inami_billing_line_count(b), 5);

	uint32_t badprov[] = { 0, 0, 1, 3, 2 };
	ck_assert_int_eq(inami_billing_add(b, code, qty, date, badprov, 5), INAMI_ERANGE);
	ck_assert(strstr(inami_error_last(), "line 3") != NULL);
	ck_assert_int_eq(inami_billing_line_count(b), 5);

	int64_t kv[9], pr[3];
	uint32_t fl[3];
	int32_t st[3];
	ck_assert_int_eq(inami_billing_results(b, kv, pr, fl, st, 2), INAMI_EBUFS);
	ck_assert_int_eq(inami_billing_results(b, kv, pr, fl, st, 3), INAMI_OK);
	ck_assert_int_eq(kv[0 * 3 + INAMI_KEY_M], 4000);  /* nothing of the refused call counted */
	ck_assert_int_eq(pr[0], 2);
	ck_assert_int_eq(kv[1 * 3 + INAMI_KEY_R], 1750);
	ck_assert_int_eq(pr[1], 5);
	ck_assert(fl[1] & INAMI_TOTAL_INCOMPLETE);
	ck_assert(!(fl[0] & INAMI_TOTAL_INCOMPLETE));
	ck_assert_int_eq(kv[2 * 3 + INAMI_KEY_V], 3000);
	ck_assert_int_eq(st[2], INAMI_OK);

	size_t n = 9;
	ck_assert_int_eq(inami_billing_unvalued_count(b, 0, &n), INAMI_OK);
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(inami_billing_unvalued_count(b, 1, &n), INAMI_OK);
	ck_assert_uint_eq(n, 1);
	int32_t c;
	inami_unvalued_reason r;
	int64_t q;
	ck_assert_int_eq(inami_billing_unvalued(b, 1, 0, &c, &q, &r), INAMI_OK);
	ck_assert_int_eq(c, 567011);
	ck_assert_int_eq(q, 4);
	ck_assert_int_eq(inami_billing_unvalued(b, 1, 1, &c, &q, &r), INAMI_ERANGE);
	ck_assert_int_eq(inami_billing_unvalued_count(b, 7, &n), INAMI_ERANGE);

	/* Growing keeps totals; new providers start at zero. */
	ck_assert_int_eq(inami_billing_reserve(b, 1000), INAMI_OK);
	ck_assert_uint_eq(inami_billing_provider_count(b), 1000);
	int64_t *big = calloc(3000, sizeof(int64_t));
	ck_assert_int_eq(inami_billing_results(b, big, NULL, NULL, NULL, 1000), INAMI_OK);
	ck_assert_int_eq(big[0], 4000);
	ck_assert_int_eq(big[999 * 3], 0);
	free(big);
	ck_assert_int_eq(inami_billing_add(b, NULL, qty, NULL, NULL, 1), INAMI_ENULL);
	inami_billing_free(b);
	ck_assert_int_eq(inami_billing_new(&b, NULL, 1, 0), INAMI_ENULL);
	ck_assert_int_eq(inami_billing_new(&b, test_nomenclature(), 1, 0x80), INAMI_EINVAL);
	inami_billing_free(NULL);
}
END_TEST

static inami_billing_csv *read_csv(const char *text, unsigned flags, int *status)
{
	inami_billing_csv *r = NULL;
	ck_assert_int_eq(inami_billing_csv_new(&r, test_nomenclature(), flags, "t.csv"), INAMI_OK);
	/* Feed in 3-byte pieces to cross line boundaries. */
	size_t len = strlen(text);
	int st = INAMI_OK;
	for (size_t i = 0; i < len && st == INAMI_OK; i += 3)
		st = inami_billing_csv_feed(r, text + i, len - i < 3 ? len - i : 3);
	if (st == INAMI_OK)
		st = inami_billing_csv_finish(r);
	*status = st;
	return r;
}

START_TEST(csv_reader)
{
	int st;
	inami_billing_csv *r = read_csv("provider,code,quantity,date\r\n"
		"P1,560011,1,2022-03-01\r\n"
		"\"P2\",713016,2,2022-03-01\n"
		"\n"
		"P1,560416,1,2022-03-02\n"
		"P2,713016,1,\n"
		"P1,567011,-1,2022-03-03", 0, &st);
	ck_assert_int_eq(st, INAMI_OK);
	ck_assert_int_eq(inami_billing_csv_line_count(r), 5);
	ck_assert_str_eq(inami_billing_csv_provider_id(r, 0), "P1");
	ck_assert_str_eq(inami_billing_csv_provider_id(r, 1), "P2");
	ck_assert_ptr_null(inami_billing_csv_provider_id(r, 2));
	int64_t kv[6], pr[2];
	ck_assert_int_eq(inami_billing_results(inami_billing_csv_totals(r), kv, pr, NULL, NULL, 2), INAMI_OK);
	ck_assert_int_eq(kv[INAMI_KEY_M], 4000);
	ck_assert_int_eq(pr[0], 1);
	ck_assert_int_eq(kv[3 + INAMI_KEY_R], 3500);
	ck_assert_int_eq(pr[1], 3);
	inami_billing_csv_free(r);

	static const struct { const char *text, *message; } bad[] = {
		{ "", "t.csv:1:1: empty input" },
		{ "provider,code\n", "t.csv:1:1: the header has no 'quantity' column (columns found: provider,code)" },
		{ "provider,code,quantity\nP1,56001x,1\n", "t.csv:2:4: code is not" },
		{ "provider,code,quantity\nP1,560011,1.5\n", "t.csv:2:11: quantity is not a whole number" },
		{ "provider,code,quantity\nP1,560011,99999999999\n", "t.csv:2:11: quantity is too large" },
		{ "provider,code,quantity\nP1,560011\n", "t.csv:2:10: too few columns" },
		{ "provider,code,quantity\nP1,560011,1,4\n", "t.csv:2:12: too many columns" },
		{ "provider,code,quantity\n,560011,1\n", "t.csv:2:1: provider is empty" },
		{ "provider,code,quantity,date\nP,560011,1,2022-02-30\n", "t.csv:2:12: date '2022-02-30' is not a real calendar day" },
		{ "provider,code,quantity,date\nP,560011,1,20220201\n", "t.csv:2:12: date is not YYYY-MM-DD or DD/MM/YYYY" },
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		r = read_csv(bad[i].text, 0, &st);
		ck_assert_msg(st == INAMI_EPARSE, "case %zu: %d", i, st);
		ck_assert_msg(strstr(inami_error_last(), bad[i].message) != NULL, "case %zu: '%s'", i,
			inami_error_last());
		ck_assert_int_eq(inami_billing_csv_feed(r, "x", 1), INAMI_EPARSE);
		inami_billing_csv_free(r);
	}

	/* --skip-bad: malformed lines are skipped and counted. */
	r = read_csv("provider,code,quantity\nP1,560011,1\nP1,abc,1\nP1,560416,x\nP1,560416,1\n",
		INAMI_CSV_SKIP_BAD, &st);
	ck_assert_int_eq(st, INAMI_OK);
	ck_assert_int_eq(inami_billing_csv_skipped_count(r), 2);
	ck_assert_int_eq(inami_billing_csv_line_count(r), 2);
	ck_assert(strstr(inami_billing_csv_first_skipped(r), "t.csv:3:4:") != NULL);
	ck_assert_int_eq(inami_billing_results(inami_billing_csv_totals(r), kv, pr, NULL, NULL, 2), INAMI_OK);
	ck_assert_int_eq(kv[INAMI_KEY_M], 4000);
	inami_billing_csv_free(r);

	/* Header only: no provider, no error. */
	r = read_csv("provider,code,quantity\n", 0, &st);
	ck_assert_int_eq(st, INAMI_OK);
	ck_assert_uint_eq(inami_billing_provider_count(inami_billing_csv_totals(r)), 0);
	inami_billing_csv_free(r);
	ck_assert_int_eq(inami_billing_csv_new(&r, NULL, 0, NULL), INAMI_ENULL);
}
END_TEST

/* Many providers: the id hash table grows and keeps indices stable. */
START_TEST(csv_many_providers)
{
	inami_billing_csv *r = NULL;
	ck_assert_int_eq(inami_billing_csv_new(&r, test_nomenclature(), 0, "many"), INAMI_OK);
	ck_assert_int_eq(inami_billing_csv_feed(r, "provider,code,quantity\n", 23), INAMI_OK);
	char line[64];
	for (int round = 0; round < 2; round++)
		for (int i = 0; i < 5000; i++) {
			int n = snprintf(line, sizeof(line), "provider-%d,560011,1\n", i);
			ck_assert_int_eq(inami_billing_csv_feed(r, line, (size_t)n), INAMI_OK);
		}
	ck_assert_int_eq(inami_billing_csv_finish(r), INAMI_OK);
	inami_billing *b = inami_billing_csv_totals(r);
	ck_assert_uint_eq(inami_billing_provider_count(b), 5000);
	ck_assert_str_eq(inami_billing_csv_provider_id(r, 4321), "provider-4321");
	int64_t *kv = calloc(15000, sizeof(int64_t));
	ck_assert_int_eq(inami_billing_results(b, kv, NULL, NULL, NULL, 5000), INAMI_OK);
	for (int i = 0; i < 5000; i++)
		ck_assert_int_eq(kv[i * 3], 4800);
	free(kv);
	inami_billing_csv_free(r);
}
END_TEST

/* Same providers, totals, flags, statuses and unvalued codes in two accumulators. */
static void assert_same_totals(inami_billing *ta, inami_billing *tb)
{
	size_t n = inami_billing_provider_count(ta);
	ck_assert_uint_eq(n, inami_billing_provider_count(tb));
	ck_assert_int_eq(inami_billing_line_count(ta), inami_billing_line_count(tb));
	int64_t *kv = calloc(n * 6 + 6, sizeof(int64_t)), *pr = calloc(n * 2 + 2, sizeof(int64_t));
	uint32_t *fl = calloc(n * 2 + 2, sizeof(uint32_t));
	int32_t *st = calloc(n * 2 + 2, sizeof(int32_t));
	ck_assert_int_eq(inami_billing_results(ta, kv, pr, fl, st, n), INAMI_OK);
	ck_assert_int_eq(inami_billing_results(tb, kv + n * 3, pr + n, fl + n, st + n, n), INAMI_OK);
	for (size_t p = 0; p < n; p++) {
		for (int k = 0; k < 3; k++)
			ck_assert_int_eq(kv[p * 3 + (size_t)k], kv[(n + p) * 3 + (size_t)k]);
		ck_assert_int_eq(pr[p], pr[n + p]);
		ck_assert_uint_eq(fl[p], fl[n + p]);
		ck_assert_int_eq(st[p], st[n + p]);
		size_t ua, ub;
		ck_assert_int_eq(inami_billing_unvalued_count(ta, (uint32_t)p, &ua), INAMI_OK);
		ck_assert_int_eq(inami_billing_unvalued_count(tb, (uint32_t)p, &ub), INAMI_OK);
		ck_assert_uint_eq(ua, ub);
		for (size_t i = 0; i < ua; i++) {
			int32_t ca, cb;
			inami_unvalued_reason ra, rb;
			int64_t qa, qb;
			ck_assert_int_eq(inami_billing_unvalued(ta, (uint32_t)p, i, &ca, &qa, &ra), INAMI_OK);
			ck_assert_int_eq(inami_billing_unvalued(tb, (uint32_t)p, i, &cb, &qb, &rb), INAMI_OK);
			ck_assert_int_eq(ca, cb);
			ck_assert_int_eq(qa, qb);
			ck_assert_int_eq(ra, rb);
		}
	}
	free(kv);
	free(pr);
	free(fl);
	free(st);
}

/* Everything a reader holds after its input, for comparisons. */
static void assert_same_reader(inami_billing_csv *a, inami_billing_csv *b)
{
	ck_assert_int_eq(inami_billing_csv_line_count(a), inami_billing_csv_line_count(b));
	ck_assert_int_eq(inami_billing_csv_skipped_count(a), inami_billing_csv_skipped_count(b));
	ck_assert_str_eq(inami_billing_csv_first_skipped(a), inami_billing_csv_first_skipped(b));
	size_t n = inami_billing_provider_count(inami_billing_csv_totals(a));
	for (size_t p = 0; p < n; p++)
		ck_assert_str_eq(inami_billing_csv_provider_id(a, p), inami_billing_csv_provider_id(b, p));
	assert_same_totals(inami_billing_csv_totals(a), inami_billing_csv_totals(b));
}

/* Lines of the large-call tests: known, unknown, two-period and never-seen codes, dated. */
static void make_lines(int32_t *code, int32_t *qty, int32_t *date, uint32_t *prov, size_t n,
	int32_t quantity)
{
	static const int32_t codes[] = { 560011, 567011, 999999, 713016, 560416, 422052 };
	for (size_t i = 0; i < n; i++) {
		code[i] = codes[(i * 7) % 6];
		qty[i] = i % 11 == 0 ? -quantity : quantity;
		date[i] = 20220101 + (int32_t)(i % 12) * 100 + (int32_t)(i % 28);
		prov[i] = (uint32_t)((i * 13) % 50);
	}
}

/*
 * The fast path reads ahead of a line (8-byte loads, 16-byte vectors): fed a
 * buffer that ends anywhere, it must stay inside it (ASan checks this in
 * tools/sanitize.sh) and read the same as one byte at a time.
 */
START_TEST(csv_fast_path_stays_in_buffer)
{
	static const char *const heads[] = { "provider,code,quantity\n", "provider,code,quantity,date\n" };
	for (int dated = 0; dated < 2; dated++) {
		char text[4096];
		size_t len = (size_t)snprintf(text, sizeof(text), "%s", heads[dated]);
		for (int i = 0; i < 40; i++)
			len += (size_t)snprintf(text + len, sizeof(text) - len, "%.*s,%s,%s%s\n", 1 + i % 16,
				"ABCDEFGHIJKLMNOP", i % 3 ? "560011" : "12345678", i % 4 ? "-12345678" : "7",
				dated ? (i % 5 ? ",2024-02-29" : ",") : "");
		ck_assert_uint_lt(len, sizeof(text));
		for (size_t n = 1; n <= len; n++) {
			char *exact = malloc(n);
			ck_assert_ptr_nonnull(exact);
			memcpy(exact, text, n);
			inami_billing_csv *whole = NULL, *bytes = NULL;
			ck_assert_int_eq(inami_billing_csv_new(&whole, test_nomenclature(), 0, "t.csv"), INAMI_OK);
			ck_assert_int_eq(inami_billing_csv_new(&bytes, test_nomenclature(), 0, "t.csv"), INAMI_OK);
			int a = inami_billing_csv_feed(whole, exact, n), b = INAMI_OK;
			for (size_t i = 0; i < n && b == INAMI_OK; i++)
				b = inami_billing_csv_feed(bytes, exact + i, 1);
			ck_assert_int_eq(a, b);
			if (a == INAMI_OK) {
				ck_assert_int_eq(inami_billing_csv_finish(whole), inami_billing_csv_finish(bytes));
				assert_same_reader(whole, bytes);
			}
			inami_billing_csv_free(whole);
			inami_billing_csv_free(bytes);
			free(exact);
		}
	}
}
END_TEST

/*
 * A large call is checked and added chunk by chunk (billing.c): a refusal
 * in a late chunk must still leave the accumulator as it was, including
 * unvalued codes first seen in the refused call and a switch to checked adds
 * (near-overflow quantities) made during it. The same lines accepted give
 * the same totals as small calls, which are checked whole first.
 */
START_TEST(large_call_refused_changes_nothing)
{
	enum { N = 1100000 };
	int32_t *code = malloc(N * sizeof(int32_t)), *qty = malloc(N * sizeof(int32_t));
	int32_t *date = malloc(N * sizeof(int32_t));
	uint32_t *prov = malloc(N * sizeof(uint32_t));
	ck_assert(code && qty && date && prov);
	inami_billing *b = NULL, *ref = NULL;
	ck_assert_int_eq(inami_billing_new(&b, test_nomenclature(), 50, 0), INAMI_OK);
	ck_assert_int_eq(inami_billing_new(&ref, test_nomenclature(), 50, 0), INAMI_OK);
	/* some state first: an unknown code for provider 1 */
	make_lines(code, qty, date, prov, 100, 1);
	ck_assert_int_eq(inami_billing_add(b, code, qty, date, prov, 100), INAMI_OK);
	ck_assert_int_eq(inami_billing_add(ref, code, qty, date, prov, 100), INAMI_OK);

	for (int kind = 0; kind < 4; kind++) {
		size_t n = kind == 2 ? N : 100000;
		/* kind 2: quantities so large that adds switch to checked mode within the call */
		make_lines(code, qty, date, prov, n, kind == 2 ? INT32_MAX : 3);
		if (kind == 1) {
			date[70000] = 20221350 * 10;
		} else if (kind == 3) {
			/* a bad date on an unknown code (whose lines skip the resolver) */
			date[70000] = 20221350 * 10;
			code[70000] = 567011;
		} else {
			prov[n - 5] = 50;
		}
		int bad_date = kind == 1 || kind == 3;
		ck_assert_int_eq(inami_billing_add(b, code, qty, date, prov, n), bad_date ? INAMI_EINVAL : INAMI_ERANGE);
		ck_assert_msg(strstr(inami_error_last(), bad_date ? "line 70000:" : kind == 2 ? "line 1099995:"
			: "line 99995:") != NULL, "%s", inami_error_last());
		assert_same_totals(b, ref);
	}

	/* accepted: one large call equals many small ones */
	make_lines(code, qty, date, prov, 100000, 3);
	ck_assert_int_eq(inami_billing_add(b, code, qty, date, prov, 100000), INAMI_OK);
	for (size_t off = 0; off < 100000; off += 1000)
		ck_assert_int_eq(inami_billing_add(ref, code + off, qty + off, date + off, prov + off, 1000), INAMI_OK);
	assert_same_totals(b, ref);
	int64_t kv[150];
	ck_assert_int_eq(inami_billing_results(b, kv, NULL, NULL, NULL, 50), INAMI_OK);
	ck_assert_int_ne(kv[0], 0);
	inami_billing_free(b);
	inami_billing_free(ref);
	free(code);
	free(qty);
	free(date);
	free(prov);
}
END_TEST

/*
 * A column for unvalued lines made during a refused large call goes with the
 * refusal, and so must anything that remembers it (the kernels' cache of
 * columns by code): after the refusal a new unknown code gets the same
 * column index, and a line of the refused call's unknown code must still be
 * listed under its own code. Codes 567100 and 567200 are made up, absent
 * from nomenclature.csv (unknown_code).
 */
START_TEST(refused_call_forgets_new_columns)
{
	enum { N = 40000, FIRST = 567100, NEXT = 567200 };
	int32_t *code = malloc(N * sizeof(int32_t)), *qty = malloc(N * sizeof(int32_t));
	uint32_t *prov = malloc(N * sizeof(uint32_t));
	ck_assert(code && qty && prov);
	inami_billing *b = NULL, *ref = NULL;
	ck_assert_int_eq(inami_billing_new(&b, test_nomenclature(), 50, 0), INAMI_OK);
	ck_assert_int_eq(inami_billing_new(&ref, test_nomenclature(), 50, 0), INAMI_OK);
	for (size_t i = 0; i < N; i++) {
		code[i] = i % 5 == 0 ? FIRST : 560011;
		qty[i] = 1;
		prov[i] = (uint32_t)(i % 50);
	}
	prov[N - 3] = 50;  /* out of range: the whole call is refused, FIRST gets no column */
	ck_assert_int_eq(inami_billing_add(b, code, qty, NULL, prov, N), INAMI_ERANGE);
	assert_same_totals(b, ref);

	int32_t next[] = { NEXT, NEXT }, first[] = { FIRST, FIRST, FIRST }, ones[] = { 1, 1, 1 };
	uint32_t to1[] = { 1, 1 }, to2[] = { 2, 2, 2 };
	for (int k = 0; k < 2; k++) {
		inami_billing *t = k ? ref : b;
		ck_assert_int_eq(inami_billing_add(t, next, ones, NULL, to1, 2), INAMI_OK);
		ck_assert_int_eq(inami_billing_add(t, first, ones, NULL, to2, 3), INAMI_OK);
	}
	assert_same_totals(b, ref);
	test_only_unvalued(b, 2, FIRST, 3, INAMI_UNVALUED_UNKNOWN_CODE);
	inami_billing_free(b);
	inami_billing_free(ref);
	free(code);
	free(qty);
	free(prov);
}
END_TEST

/*
 * The fast line parser (whole blocks), in both its variants, and the general
 * one (input fed one byte at a time never gives the fast path its 64-byte
 * lookahead) must read the same file the same way: ids of every length around the 8-, 12- and
 * 16-byte limits, quoted ids, long and signed quantities, codes of 1 to 9
 * digits, leap days, empty dates, dates of 10 bytes with a wrong separator
 * or a non-digit for any digit, NUL bytes in ids, CRLF, and malformed lines
 * skipped.
 */
START_TEST(csv_fast_path_equals_general)
{
	static const char *const quantities[] = { "1", "-1", "0", "3", "7", "12", "-007", "12345678",
		"123456789", "2147483647", "-2147483647", "99999999999", "1.5", "" };
	static const char *const codes[] = { "560011", "560416", "713016", "567011", "7", "12345678",
		"123456789", "1234567890", "56001x", "" };
	static const char *const dates[] = { "2022-03-01", "", "2024-02-29", "2023-02-29", "2022-13-01",
		"0999-01-01", "2022-3-01", "2022-03-01x", "2022/03-01", "2022-03/01", "x022-03-01", "2:22-03-01",
		"20x2-03-01", "202:-03-01", "2022-x3-01", "2022-0:-01", "2022-03-x1", "2022-03-0:" };
	size_t cap = 4u << 20, len = 0;
	char *text = malloc(cap);
	ck_assert_ptr_nonnull(text);
	len += (size_t)snprintf(text, cap, "provider,code,quantity,date\n");
	uint32_t x = 12345;
	for (int i = 0; i < 30000; i++) {
		x = x * 1103515245u + 12345u;
		unsigned r = x >> 8;
		int idlen = 1 + (int)(r % 20), prov = (int)((r >> 5) % 3000);
		char id[32];
		snprintf(id, sizeof(id), "%0*d", idlen, prov);
		id[0] = (char)('A' + prov % 26); /* a letter first, the rest digits, idlen bytes */
		int quoted = (r >> 17) % 50 == 0, bad = (r >> 11) % 40 == 0;
		const char *q = bad ? quantities[(r >> 3) % 14] : quantities[(r >> 3) % 11];
		const char *c = bad ? codes[(r >> 13) % 10] : codes[(r >> 13) % 8];
		const char *d = dates[bad ? (r >> 19) % 18 : (r >> 19) % 3];
		size_t start = len;
		len += (size_t)snprintf(text + len, cap - len, "%s%s%s,%s,%s,%s%s", quoted ? "\"" : "", id,
			quoted ? "\"" : "", c, q, d, (r >> 23) % 7 == 0 ? "\r\n" : "\n");
		x = x * 1103515245u + 12345u;
		if (bad && x >> 30 == 0)
			text[start + (size_t)quoted + (size_t)idlen / 2] = '\0'; /* a NUL in the id */
	}
	ck_assert_uint_lt(len, cap);
	inami_billing_csv *bytes = NULL;
	ck_assert_int_eq(inami_billing_csv_new(&bytes, test_nomenclature(), INAMI_CSV_SKIP_BAD, "t.csv"), INAMI_OK);
	for (size_t i = 0; i < len; i++)
		ck_assert_int_eq(inami_billing_csv_feed(bytes, text + i, 1), INAMI_OK);
	ck_assert_int_eq(inami_billing_csv_finish(bytes), INAMI_OK);
	/* the whole text at once: the fast path takes the usual lines */
	{
		inami_billing_csv *whole = NULL;
		ck_assert_int_eq(inami_billing_csv_new(&whole, test_nomenclature(), INAMI_CSV_SKIP_BAD, "t.csv"),
			INAMI_OK);
		ck_assert_int_eq(inami_billing_csv_feed(whole, text, len), INAMI_OK);
		ck_assert_int_eq(inami_billing_csv_finish(whole), INAMI_OK);
		ck_assert_int_gt(inami_billing_csv_skipped_count(whole), 100); /* the bad lines were there */
		ck_assert_uint_gt(inami_billing_provider_count(inami_billing_csv_totals(whole)), 2000);
		assert_same_reader(whole, bytes);
		inami_billing_csv_free(whole);
	}
	inami_billing_csv_free(bytes);
	free(text);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("billing");
	TCase *tc = tcase_create("billing");
	tcase_add_test(tc, forty_m);
	tcase_add_test(tc, corrections);
	tcase_add_test(tc, signed_results);
	tcase_add_test(tc, unknown_codes);
	tcase_add_test(tc, validity_dates);
	tcase_add_test(tc, derived_values);
	tcase_add_test(tc, conflict_recorded);
	tcase_add_test(tc, user_nomenclature);
	tcase_add_test(tc, nomenclature_errors);
	tcase_add_test(tc, overflow);
	tcase_add_test(tc, accumulator);
	tcase_add_test(tc, csv_reader);
	tcase_add_test(tc, csv_many_providers);
	tcase_add_test(tc, csv_fast_path_equals_general);
	tcase_add_test(tc, csv_fast_path_stays_in_buffer);
	tcase_add_test(tc, large_call_refused_changes_nothing);
	tcase_add_test(tc, refused_call_forgets_new_columns);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
