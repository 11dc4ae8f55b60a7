/*
 * Rules: the embedded default, queries, loading files and buffers, layering
 * and overrides, located errors, atomic loading, and dump round trips.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_util.h"

START_TEST(test_default)
{
	const inami_ruleset *rs = test_rules(), *again = NULL;
	ck_assert_int_eq(inami_ruleset_default(&again), INAMI_OK);
	ck_assert_ptr_eq(rs, again);
	ck_assert_int_eq(inami_ruleset_layer_count(rs), 1);
	ck_assert_str_eq(inami_ruleset_layer_name(rs, 0), "default");
	ck_assert_ptr_null(inami_ruleset_layer_name(rs, 1));
	inami_ruleset_free(rs);   /* a no-op on the default */
	ck_assert_int_eq(inami_ruleset_default(&again), INAMI_OK);
	ck_assert_int_eq(inami_ruleset_default(NULL), INAMI_ENULL);
}
END_TEST

START_TEST(test_years)
{
	int years[64];
	size_t n;
	ck_assert_int_eq(inami_rules_years(test_rules(), INAMI_PHYSIOTHERAPIST, years, 64, &n), INAMI_OK);
	/* docs/sources/physiotherapists.md: amounts for 2003, 2009, 2015-2024 (2015, 2017-2019, 2024 DERIVED) */
	ck_assert_int_eq(n, 12);
	ck_assert_int_eq(years[0], 2003);
	ck_assert_int_eq(years[1], 2009);
	ck_assert_int_eq(years[n - 1], 2024);
	ck_assert_int_eq(inami_rules_years(test_rules(), INAMI_DOCTOR, years, 64, &n), INAMI_OK);
	int has2026 = 0, has2025 = 0;
	for (size_t i = 0; i < n; i++) {
		has2026 |= years[i] == 2026;
		has2025 |= years[i] == 2025;
	}
	ck_assert(has2026 && !has2025);   /* docs/sources/doctors.md: 2026 full and trainee known, 2025 NOT FOUND */
	ck_assert_int_eq(inami_rules_years(test_rules(), INAMI_MIDWIFE, years, 1, &n), INAMI_EBUFS);
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(inami_rules_years(test_rules(), INAMI_MIDWIFE, NULL, 0, &n), INAMI_EBUFS);
	ck_assert_int_eq(inami_rules_years(test_rules(), (inami_profession)0, years, 64, &n), INAMI_ENOPROFESSION);

	int available;
	const char *note;
	ck_assert_int_eq(inami_rules_year_status(test_rules(), INAMI_PHYSIOTHERAPIST, 2025, &available, &note), INAMI_OK);
	ck_assert(!available);
	ck_assert_ptr_nonnull(strstr(note, "NOT FOUND"));
	ck_assert_int_eq(inami_rules_year_status(test_rules(), INAMI_PHYSIOTHERAPIST, 2022, &available, &note), INAMI_OK);
	ck_assert(available);
}
END_TEST

START_TEST(test_tiers_and_thresholds)
{
	const inami_ruleset *rs = test_rules();
	size_t n;
	inami_tier_info info = { .version = INAMI_TIER_INFO_VERSION };
	inami_figure f = INAMI_FIGURE_INIT;

	ck_assert_int_eq(inami_rules_tier_count(rs, INAMI_PHYSIOTHERAPIST, 2022, &n), INAMI_OK);
	ck_assert_int_eq(n, 3);
	ck_assert_int_eq(inami_rules_tier(rs, INAMI_PHYSIOTHERAPIST, 2022, 0, &info), INAMI_OK);
	ck_assert_str_eq(info.id, "base");
	ck_assert(info.amount_known);
	inami_figure amount = INAMI_FIGURE_INIT;
	ck_assert_int_eq(inami_rules_tier_amount(rs, INAMI_PHYSIOTHERAPIST, 2022, 0, &amount), INAMI_OK);
	ck_assert_int_eq(amount.value, 179034);
	ck_assert_int_eq(amount.provenance, INAMI_PROV_SECONDARY);
	ck_assert_ptr_nonnull(strstr(amount.source, "securex"));
	ck_assert_int_eq(inami_rules_tier_amount(rs, INAMI_PHYSIOTHERAPIST, 2022, 3, &amount), INAMI_ERANGE);
	amount.version = 2;
	ck_assert_int_eq(inami_rules_tier_amount(rs, INAMI_PHYSIOTHERAPIST, 2022, 0, &amount), INAMI_EVERSION);
	ck_assert_int_eq(info.thresholds_from, 2015);
	ck_assert_int_eq(inami_rules_tier(rs, INAMI_PHYSIOTHERAPIST, 2022, 3, &info), INAMI_ERANGE);
	info.version = 7;
	ck_assert_int_eq(inami_rules_tier(rs, INAMI_PHYSIOTHERAPIST, 2022, 0, &info), INAMI_EVERSION);

	ck_assert_int_eq(inami_rules_tier_threshold(rs, INAMI_PHYSIOTHERAPIST, 2022, 0, INAMI_MEASURE_PRESTATIONS, NULL, &f), INAMI_OK);
	ck_assert_int_eq(f.value, 1500);   /* whole prestations */
	ck_assert_int_eq(inami_rules_tier_threshold(rs, INAMI_PHYSIOTHERAPIST, 2022, 2, INAMI_MEASURE_M_VALUE, NULL, &f), INAMI_OK);
	ck_assert_int_eq(f.value, 7200000);
	ck_assert_int_eq(inami_rules_tier_threshold(rs, INAMI_PHYSIOTHERAPIST, 2022, 0, INAMI_MEASURE_R_VALUE, NULL, &f), INAMI_ENOTFOUND);
	/* 2020 COVID thresholds, with the conflicting 11 % figure recorded */
	ck_assert_int_eq(inami_rules_tier_threshold(rs, INAMI_PHYSIOTHERAPIST, 2020, 0, INAMI_MEASURE_PRESTATIONS, NULL, &f), INAMI_OK);
	ck_assert_int_eq(f.value, 1125);
	ck_assert(f.has_conflict);
	ck_assert_int_eq(f.conflict_value, 1335);
	ck_assert_int_eq(f.conflict_provenance, INAMI_PROV_DERIVED);

	ck_assert_int_eq(inami_rules_maximum(rs, INAMI_PHYSIOTHERAPIST, 2022, INAMI_MEASURE_PRESTATIONS, &f), INAMI_OK);
	ck_assert_int_eq(f.value, 6500);
	ck_assert_int_eq(f.provenance, INAMI_PROV_OFFICIAL);
	ck_assert_int_eq(inami_rules_maximum(rs, INAMI_PHARMACIST, 2022, INAMI_MEASURE_HOURS_PER_WEEK, &f), INAMI_ENOTFOUND);

	/* Doctors: per specialty (docs/sources/doctors.md). */
	ck_assert_int_eq(inami_rules_tier(rs, INAMI_DOCTOR, 2022, 1, &(inami_tier_info){ .version = 1 }), INAMI_OK);
	ck_assert_int_eq(inami_rules_tier_threshold(rs, INAMI_DOCTOR, 2022, 1, INAMI_MEASURE_REIMBURSED_EUR, "neurosurgery", &f), INAMI_OK);
	ck_assert_int_eq(f.value, 6475777);
	ck_assert_int_eq(inami_rules_tier_threshold(rs, INAMI_DOCTOR, 2022, 0, INAMI_MEASURE_REIMBURSED_EUR, "neurosurgery", &f), INAMI_OK);
	ck_assert_int_eq(f.value, 3237889);
	ck_assert_int_eq(inami_rules_tier_threshold(rs, INAMI_DOCTOR, 2022, 1, INAMI_MEASURE_REIMBURSED_EUR, NULL, &f), INAMI_EINVAL);
	ck_assert_int_eq(inami_rules_tier_threshold(rs, INAMI_DOCTOR, 2022, 0, INAMI_MEASURE_REIMBURSED_EUR, "cardiology", &f), INAMI_ENORULES);
	ck_assert_int_eq(inami_rules_tier_threshold(rs, INAMI_DOCTOR, 2022, 0, INAMI_MEASURE_REIMBURSED_EUR, "xyz", &f), INAMI_ENOTFOUND);
	/* 2023 adds clinical genetics with a recorded conflict on the reduced threshold */
	ck_assert_int_eq(inami_rules_tier_threshold(rs, INAMI_DOCTOR, 2023, 0, INAMI_MEASURE_REIMBURSED_EUR, "clinical_genetics", &f), INAMI_OK);
	ck_assert_int_eq(f.value, 1500000);
	ck_assert(f.has_conflict);
	ck_assert_int_eq(inami_rules_tier_threshold(rs, INAMI_DOCTOR, 2022, 0, INAMI_MEASURE_REIMBURSED_EUR, "clinical_genetics", &f), INAMI_ENORULES);

	ck_assert_int_eq(inami_rules_tier_count(rs, INAMI_PHYSIOTHERAPIST, 2031, &n), INAMI_ENORULES);
	ck_assert_str_eq(inami_error_last(), "no rules for physiotherapist premium year 2031");
}
END_TEST

START_TEST(test_labels_and_specialties)
{
	const inami_ruleset *rs = test_rules();
	const char *id, *label;
	ck_assert_str_eq(inami_rules_profession_label(rs, INAMI_PHYSIOTHERAPIST, INAMI_LANG_FR), "kinésithérapeute");
	ck_assert_str_eq(inami_rules_profession_label(rs, INAMI_SPEECH_THERAPIST, INAMI_LANG_NL), "logopedist");
	ck_assert_ptr_null(inami_rules_profession_label(rs, (inami_profession)0, INAMI_LANG_EN));
	ck_assert_str_eq(inami_rules_tier_label(rs, "intermediate", INAMI_LANG_NL), "tussenbijdrage");
	ck_assert_str_eq(inami_rules_tier_label(rs, "mystery", INAMI_LANG_EN), "mystery");
	ck_assert_uint_ge(inami_rules_specialty_count(rs), 19);
	ck_assert_int_eq(inami_rules_specialty(rs, 0, INAMI_LANG_FR, &id, &label), INAMI_OK);
	ck_assert_str_eq(id, "general_practice");
	ck_assert_str_eq(label, "médecine générale");
	ck_assert_int_eq(inami_rules_specialty(rs, 999, INAMI_LANG_FR, &id, &label), INAMI_ERANGE);
	ck_assert_int_eq(inami_rules_specialty(rs, 0, (inami_lang)9, &id, &label), INAMI_EINVAL);
	ck_assert_int_eq(inami_rules_specialty(rs, 0, INAMI_LANG_FR, NULL, &label), INAMI_ENULL);
	inami_figure f = INAMI_FIGURE_INIT;
	ck_assert_int_eq(inami_rules_tier_threshold(rs, INAMI_NURSE, 2022, 0, (inami_measure)9, NULL, &f), INAMI_EINVAL);
	ck_assert_int_eq(inami_rules_maximum(rs, INAMI_NURSE, 2022, (inami_measure)9, &f), INAMI_EINVAL);
	ck_assert_int_eq(inami_rules_maximum(rs, INAMI_NURSE, 2022, INAMI_MEASURE_REIMBURSED_EUR, NULL), INAMI_ENULL);
	char *text = NULL;
	size_t len;
	ck_assert_int_eq(inami_ruleset_dump(rs, 0, -1, &text, &len), INAMI_EINVAL);
	ck_assert_ptr_null(text);
}
END_TEST

/* ---- loading ---- */

static int load(const char *text, const inami_ruleset *base, inami_ruleset **out)
{
	return inami_ruleset_load_buffer(out, base, text, strlen(text), "test.rules");
}

/* A file adding a premium year with example figures (provenance illustrative). */
static const char *const new_year =
	"inami-rules 1\n"
	"# example: physiotherapists 2025 before INAMI publishes it\n"
	"[amounts physiotherapist 2025 override]\n"
	"provenance = illustrative\n"
	"source = https://example.invalid/not-a-real-figure\n"
	"base = 2100.00\n"
	"intermediate = 2800.00\n"
	"full = 3700.00\n"
	"status = available\n";

START_TEST(test_layer_new_year)
{
	inami_ruleset *rs = NULL;
	/* 2025 exists as a NOT FOUND section, so adding it is an override. */
	ck_assert_msg(load(new_year, test_rules(), &rs) == INAMI_OK, "%s", inami_error_last());
	ck_assert_int_eq(inami_ruleset_layer_count(rs), 2);
	ck_assert_str_eq(inami_ruleset_layer_name(rs, 1), "test.rules");
	inami_eval_input in = test_input("physiotherapist", 2025);
	in.prestations = 2400;
	inami_result *r;
	ck_assert_int_eq(inami_evaluate(rs, &in, NULL, &r), INAMI_OK);
	ck_assert_int_eq(inami_result_amount_cents(r), 280000);
	ck_assert_int_eq(inami_result_provenance(r), INAMI_PROV_ILLUSTRATIVE);
	int flagged = 0;
	for (size_t i = 0; i < inami_result_note_count(r); i++)
		flagged |= strstr(inami_result_note(r, i), "ILLUSTRATIVE") != NULL;
	ck_assert(flagged);
	inami_result_free(r);
	inami_figure amount = INAMI_FIGURE_INIT;
	ck_assert_int_eq(inami_rules_tier_amount(rs, INAMI_PHYSIOTHERAPIST, 2025, 0, &amount), INAMI_OK);
	ck_assert_str_eq(amount.layer, "test.rules");
	ck_assert_int_eq(amount.line, 6);
	/* The base is untouched. */
	ck_assert_int_eq(inami_rules_tier_count(test_rules(), INAMI_PHYSIOTHERAPIST, 2025, &(size_t){ 0 }), INAMI_ENORULES);
	inami_ruleset_free(rs);
}
END_TEST

START_TEST(test_override_one_figure)
{
	inami_ruleset *rs = NULL;
	const char *text =
		"inami-rules 1\n"
		"[amounts physiotherapist 2022 override]\n"
		"base = 1800.00\n"
		"base.provenance = official\n"
		"base.source = https://example.invalid/correction\n";
	ck_assert_msg(load(text, test_rules(), &rs) == INAMI_OK, "%s", inami_error_last());
	inami_figure amount = INAMI_FIGURE_INIT;
	ck_assert_int_eq(inami_rules_tier_amount(rs, INAMI_PHYSIOTHERAPIST, 2022, 0, &amount), INAMI_OK);
	ck_assert_int_eq(amount.value, 180000);
	ck_assert_int_eq(amount.provenance, INAMI_PROV_OFFICIAL);
	ck_assert_str_eq(amount.layer, "test.rules");
	ck_assert_int_eq(inami_rules_tier_amount(rs, INAMI_PHYSIOTHERAPIST, 2022, 1, &amount), INAMI_OK);
	ck_assert_int_eq(amount.value, 236579);
	ck_assert_str_eq(amount.layer, "default:physiotherapists.rules");
	inami_ruleset_free(rs);
}
END_TEST

typedef struct bad_rules {
	const char *text;
	const char *where;     /* "test.rules:LINE:" */
	const char *what;      /* a phrase of the message */
	int layered;           /* loaded over the default */
} bad_rules;

#define HDR "inami-rules 1\n"
#define PROF "[profession nurse]\nlabel.en = a\nlabel.fr = b\nlabel.nl = c\nmeasures = reimbursed_eur\n" \
	"convention = whole_year\npro_rata = complete_months\nretired = not_found\nprovenance = official\nsource = https://x\n"
#define THR "[thresholds nurse from 2016]\nprovenance = official\nsource = https://x\ntiers = single\nsingle.reimbursed_eur = 33000\n"

static const bad_rules bad[] = {
	{ "", "test.rules:1:1", "empty rules file", 0 },
	{ "inami-rules 2\n", "test.rules:1:13", "unsupported rules format version", 0 },
	{ "hello\n", "test.rules:1:1", "the first line must be", 0 },
	{ HDR "key = value\n", "test.rules:2:1", "must come after a section heading", 0 },
	{ HDR "[profession plumber]\n", "test.rules:2:13", "unknown profession", 0 },
	{ HDR "[tariffs nurse]\n", "test.rules:2:2", "unknown section kind", 0 },
	{ HDR "[amounts nurse 20x4]\n", "test.rules:2:16", "expected a premium year", 0 },
	{ HDR "[amounts nurse 2024\n", "test.rules:2:", "ends with ']'", 0 },
	{ HDR "[thresholds nurse from 2020 to 2019]\n", "test.rules:2:", "before the first", 0 },
	{ HDR PROF "measures2\n", "test.rules:12:10", "expected '='", 0 },
	{ HDR PROF "colour = blue\n", "test.rules:12:1", "unknown key 'colour'", 0 },
	{ HDR PROF "label.en = again\n", "test.rules:12:1", "duplicate key 'label.en'", 0 },
	{ HDR PROF "label.de = x\n", "test.rules:12:1", "expected label.en", 0 },
	{ HDR PROF "measures.note =   \n", "test.rules:12:", "the value is empty", 0 },
	{ HDR PROF " indented = 1\n", "test.rules:12:1", "may not start with spaces", 0 },
	{ HDR PROF THR "[amounts nurse 2016]\nprovenance = official\nsource = https://x\nsingle = 1,500.00\n",
		"test.rules:20:10", "no thousands separator", 0 },
	{ HDR PROF THR "[amounts nurse 2016]\nprovenance = official\nsource = https://x\nsingle = 500.123\n",
		"test.rules:20:10", "at most two decimals", 0 },
	{ HDR PROF THR "[amounts nurse 2016]\nprovenance = official\nsingle = 500\n",
		"test.rules:19:1", "has no source", 0 },
	{ HDR PROF THR "[amounts nurse 2016]\nsource = https://x\nsingle = 500\n",
		"test.rules:19:1", "has no provenance", 0 },
	{ HDR PROF THR "[amounts nurse 2016]\nprovenance = guessed\nsource = https://x\nsingle = 500\n",
		"test.rules:18:14", "unknown provenance 'guessed'", 0 },
	{ HDR PROF THR "[amounts nurse 2016]\nprovenance = official\nsource = https://x\ndouble = 500\n",
		"test.rules:20:1", "not a tier of the thresholds", 0 },
	{ HDR PROF THR "[amounts nurse 2016]\nprovenance = official\nsource = https://x\n",
		"test.rules:17:1", "gives no amount for tier 'single'", 0 },
	{ HDR PROF THR "[amounts nurse 2016]\nprovenance = official\nsource = https://x\nsingle = 500\nsingle.conflict = 512\n",
		"test.rules:21:", "a conflict is written", 0 },
	{ HDR PROF THR "[amounts nurse 2016]\nprovenance = official\nsource = https://x\nsingle = 500\nother.note = hi\n",
		"test.rules:21:1", "describes a key that this section does not have", 0 },
	{ HDR PROF THR "[amounts nurse 2015]\nprovenance = official\nsource = https://x\nsingle = 500\n",
		"test.rules:17:1", "no [thresholds] section in force", 0 },
	{ HDR PROF "[thresholds nurse from 2016]\nprovenance = official\nsource = https://x\ntiers = a b\n"
		"a.reimbursed_eur = 40000\nb.reimbursed_eur = 33000\n", "test.rules:12:1", "tiers out of order", 0 },
	{ HDR PROF "[thresholds nurse from 2016]\nprovenance = official\nsource = https://x\ntiers = a\n"
		"a.prestations = 4\n", "test.rules:16:1", "does not count this measure", 0 },
	{ HDR PROF "[thresholds nurse from 2016]\nprovenance = official\nsource = https://x\ntiers = a\n"
		"a.reimbursed_eur = 40000\nmax.reimbursed_eur = 30000\n", "test.rules:12:1", "above the maximum", 0 },
	{ HDR PROF "[thresholds nurse from 2016]\nprovenance = official\nsource = https://x\ntiers = a a\n",
		"test.rules:15:", "listed twice", 0 },
	{ HDR "[thresholds nurse from 2016]\nprovenance = official\nsource = https://x\ntiers = a\n",
		"test.rules:2:1", "[profession] section it needs", 0 },
	{ HDR PROF THR "[amounts nurse 2016]\nstatus = not_found\nsingle = 4\n", "test.rules:19:1", "NOT FOUND year", 0 },
	{ HDR "[thresholds physiotherapist from 2040]\nprovenance = official\nsource = https://x\ntiers = base\n"
		"base.prestations = 1500.5\n", "test.rules:2:1", "whole number of prestations", 1 },
	{ HDR "[thresholds physiotherapist from 2040]\nprovenance = official\nsource = https://x\ntiers = base\n"
		"base.prestations = 1500\nmax.prestations = 6500.5\n", "test.rules:2:1", "maximum must be a whole number", 1 },
	{ HDR "[amounts physiotherapist 2022]\nbase = 1\n", "test.rules:2:1", "is already defined", 1 },
	{ HDR "[amounts physiotherapist 2040 override]\nbase = 1\n", "test.rules:2:1", "no lower layer has", 1 },
	{ HDR "[amounts physiotherapist 2022 override]\nbase = 1800.00\n", "test.rules:3:1", "without its own provenance and source", 1 },
};

START_TEST(test_bad_rules)
{
	const bad_rules *b = &bad[_i];
	inami_ruleset *rs = (inami_ruleset *)1;
	size_t len = strlen(b->text);
	int st = inami_ruleset_load_buffer(&rs, b->layered ? test_rules() : NULL, b->text, len, "test.rules");
	ck_assert_msg(st == INAMI_EPARSE, "case %d: status %d (%s)", _i, st, inami_error_last());
	ck_assert_ptr_null(rs);
	ck_assert_msg(strstr(inami_error_last(), b->where) != NULL, "case %d: '%s' lacks '%s'", _i, inami_error_last(), b->where);
	ck_assert_msg(strstr(inami_error_last(), b->what) != NULL, "case %d: '%s' lacks '%s'", _i, inami_error_last(), b->what);
	/* Atomic: the default still works. */
	size_t n;
	ck_assert_int_eq(inami_rules_tier_count(test_rules(), INAMI_PHYSIOTHERAPIST, 2022, &n), INAMI_OK);
}
END_TEST

START_TEST(test_nul_byte)
{
	static const char text[] = "inami-rules 1\n[labels]\ntier.x.en = a\0b\n";
	inami_ruleset *rs = NULL;
	ck_assert_int_eq(inami_ruleset_load_buffer(&rs, NULL, text, sizeof(text) - 1, "nul.rules"), INAMI_EPARSE);
	ck_assert_ptr_nonnull(strstr(inami_error_last(), "nul.rules:3:14: a NUL byte"));
}
END_TEST

START_TEST(test_load_file_errors)
{
	inami_ruleset *rs = (inami_ruleset *)1;
	ck_assert_int_eq(inami_ruleset_load_file(&rs, NULL, "/nonexistent/x.rules"), INAMI_EIO);
	ck_assert_ptr_null(rs);
	ck_assert_ptr_nonnull(strstr(inami_error_last(), "/nonexistent/x.rules"));
	ck_assert_int_eq(inami_ruleset_load_file(NULL, NULL, "x"), INAMI_ENULL);
	ck_assert_int_eq(inami_ruleset_load_file(&rs, NULL, NULL), INAMI_ENULL);
	ck_assert_int_eq(inami_ruleset_load_buffer(&rs, NULL, NULL, 3, NULL), INAMI_ENULL);
	inami_ruleset_free(NULL);
}
END_TEST

START_TEST(test_example_files_load)
{
	static const char *const files[] = {
		INAMI_SOURCE_DIR "/examples/rules/correct-physiotherapist-2022.rules",
		INAMI_SOURCE_DIR "/examples/rules/add-premium-year-2025.rules",
	};
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		inami_ruleset *rs = NULL;
		ck_assert_msg(inami_ruleset_load_file(&rs, test_rules(), files[i]) == INAMI_OK, "%s", inami_error_last());
		inami_ruleset_free(rs);
	}
}
END_TEST

/* Dumping then loading gives an identical ruleset (same dump, same answers). */
START_TEST(test_dump_round_trip)
{
	char *dump1 = NULL, *dump2 = NULL;
	size_t len1, len2;
	inami_ruleset *rs = NULL;

	ck_assert_int_eq(inami_ruleset_dump(test_rules(), 0, 0, &dump1, &len1), INAMI_OK);
	ck_assert_msg(inami_ruleset_load_buffer(&rs, NULL, dump1, len1, "dump") == INAMI_OK, "%s", inami_error_last());
	ck_assert_int_eq(inami_ruleset_dump(rs, 0, 0, &dump2, &len2), INAMI_OK);
	ck_assert_int_eq(len1, len2);
	ck_assert_str_eq(dump1, dump2);
	for (int p = 1; p <= INAMI_PROFESSION_COUNT; p++) {
		int years[64];
		size_t n;
		ck_assert_int_eq(inami_rules_years(test_rules(), (inami_profession)p, years, 64, &n), INAMI_OK);
		for (size_t y = 0; y < n; y++) {
			size_t t1, t2;
			ck_assert_int_eq(inami_rules_tier_count(test_rules(), (inami_profession)p, years[y], &t1), INAMI_OK);
			ck_assert_int_eq(inami_rules_tier_count(rs, (inami_profession)p, years[y], &t2), INAMI_OK);
			ck_assert_int_eq(t1, t2);
			for (size_t t = 0; t < t1; t++) {
				inami_tier_info a = INAMI_TIER_INFO_INIT, b = INAMI_TIER_INFO_INIT;
				inami_figure fa = INAMI_FIGURE_INIT, fb = INAMI_FIGURE_INIT;
				inami_rules_tier(test_rules(), (inami_profession)p, years[y], t, &a);
				inami_rules_tier(rs, (inami_profession)p, years[y], t, &b);
				ck_assert_str_eq(a.id, b.id);
				ck_assert_int_eq(a.amount_known, b.amount_known);
				ck_assert_int_eq(inami_rules_tier_amount(test_rules(), (inami_profession)p, years[y], t, &fa),
					inami_rules_tier_amount(rs, (inami_profession)p, years[y], t, &fb));
				if (!a.amount_known)
					continue;
				ck_assert_int_eq(fa.value, fb.value);
				ck_assert_int_eq(fa.provenance, fb.provenance);
				ck_assert_str_eq(fa.source, fb.source);
				ck_assert_int_eq(fa.has_conflict, fb.has_conflict);
			}
		}
	}
	inami_free(dump1);
	inami_free(dump2);
	inami_ruleset_free(rs);
}
END_TEST

START_TEST(test_dump_filtered)
{
	char *text = NULL;
	size_t len;
	inami_ruleset *rs = NULL;
	ck_assert_int_eq(inami_ruleset_dump(test_rules(), INAMI_PHYSIOTHERAPIST, 2022, &text, &len), INAMI_OK);
	ck_assert_ptr_nonnull(strstr(text, "[amounts physiotherapist 2022]"));
	ck_assert_ptr_null(strstr(text, "[amounts physiotherapist 2021]"));
	ck_assert_ptr_null(strstr(text, "[profession doctor]"));
	ck_assert_msg(inami_ruleset_load_buffer(&rs, NULL, text, len, "dump") == INAMI_OK, "%s", inami_error_last());
	size_t n;
	ck_assert_int_eq(inami_rules_tier_count(rs, INAMI_PHYSIOTHERAPIST, 2022, &n), INAMI_OK);
	ck_assert_int_eq(inami_rules_tier_count(rs, INAMI_PHYSIOTHERAPIST, 2021, &n), INAMI_ENORULES);
	ck_assert_int_eq(inami_rules_tier_count(rs, INAMI_DOCTOR, 2022, &n), INAMI_ENORULES);
	inami_free(text);
	inami_ruleset_free(rs);
	ck_assert_int_eq(inami_ruleset_dump(test_rules(), (inami_profession)9, 0, &text, &len), INAMI_ENOPROFESSION);
	ck_assert_int_eq(inami_ruleset_dump(test_rules(), 0, 0, NULL, &len), INAMI_ENULL);
}
END_TEST

/* Names a person types: ids, labels in three languages, data aliases, case and accents ignored. */
START_TEST(test_profession_find)
{
	const inami_ruleset *rs = test_rules();
	static const struct { const char *text; inami_profession p; } ok[] = {
		{ "physiotherapist", INAMI_PHYSIOTHERAPIST }, { "Physiotherapist", INAMI_PHYSIOTHERAPIST },
		{ "kine", INAMI_PHYSIOTHERAPIST }, { "kin\xc3\xa9", INAMI_PHYSIOTHERAPIST },
		{ "kin\xc3\xa9sith\xc3\xa9rapeute", INAMI_PHYSIOTHERAPIST }, { "KIN\xc3\x89SITH\xc3\x89RAPEUTE", INAMI_PHYSIOTHERAPIST },
		{ "kinesitherapeut", INAMI_PHYSIOTHERAPIST }, { "physio", INAMI_PHYSIOTHERAPIST },
		{ "logop\xc3\xa8" "de", INAMI_SPEECH_THERAPIST }, { "logopedist", INAMI_SPEECH_THERAPIST },
		{ "speech therapist", INAMI_SPEECH_THERAPIST }, { "speech-therapist", INAMI_SPEECH_THERAPIST },
		{ "m\xc3\xa9" "decin", INAMI_DOCTOR }, { "arts", INAMI_DOCTOR }, { "Doctor", INAMI_DOCTOR },
		{ "dentiste", INAMI_DENTIST }, { "tandarts", INAMI_DENTIST },
		{ "pharmacien", INAMI_PHARMACIST }, { "apotheker", INAMI_PHARMACIST },
		{ "infirmier", INAMI_NURSE }, { "verpleegkundige", INAMI_NURSE },
		{ "sage-femme", INAMI_MIDWIFE }, { "Sage femme", INAMI_MIDWIFE }, { "vroedvrouw", INAMI_MIDWIFE },
		{ " nurse ", INAMI_NURSE },
	};
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		inami_profession p = INAMI_PROFESSION_NONE;
		ck_assert_msg(inami_rules_profession_find(rs, ok[i].text, &p) == INAMI_OK, "%s: %s", ok[i].text,
			inami_error_last());
		ck_assert_msg(p == ok[i].p, "%s gave %d", ok[i].text, (int)p);
	}
	inami_profession p = INAMI_PROFESSION_NONE;
	ck_assert_int_eq(inami_rules_profession_find(rs, "plumber", &p), INAMI_ENOPROFESSION);
	ck_assert_ptr_nonnull(strstr(inami_error_last(), "unknown profession 'plumber' (known: physiotherapist (kin"));
	ck_assert_ptr_nonnull(strstr(inami_error_last(), "midwife (sage-femme, vroedvrouw)"));
	/* a start shared by two professions is ambiguous, and says between which */
	ck_assert_int_eq(inami_rules_profession_find(rs, "ph", &p), INAMI_ENOPROFESSION);
	ck_assert_int_eq(inami_rules_profession_find(rs, "pharm", &p), INAMI_OK);
	ck_assert_int_eq(p, INAMI_PHARMACIST);
	ck_assert_int_eq(inami_rules_profession_find(rs, "dent", &p), INAMI_OK);
	ck_assert_int_eq(inami_rules_profession_find(rs, "verp", &p), INAMI_OK);
	ck_assert_int_eq(inami_rules_profession_find(rs, "phy", &p), INAMI_ENOPROFESSION);
	ck_assert_ptr_nonnull(strstr(inami_error_last(), "is ambiguous: it could be"));
	ck_assert_int_eq(inami_rules_profession_find(rs, "", &p), INAMI_ENOPROFESSION);
	ck_assert_int_eq(inami_rules_profession_find(rs, "\xff\xfe", &p), INAMI_ENOPROFESSION);
	ck_assert_int_eq(inami_rules_profession_find(rs, NULL, &p), INAMI_ENULL);

	/* aliases come from data: a layer adds one, and a bad alias key is refused */
	static const char layer[] = "inami-rules 1\n[profession nurse override]\nprovenance = illustrative\n"
		"source = https://example.invalid/alias\nalias.en = district nurse\n";
	inami_ruleset *more = NULL;
	ck_assert_int_eq(inami_ruleset_load_buffer(&more, rs, layer, sizeof(layer) - 1, "alias"), INAMI_OK);
	ck_assert_int_eq(inami_rules_profession_find(more, "District_Nurse", &p), INAMI_OK);
	ck_assert_int_eq(p, INAMI_NURSE);
	inami_ruleset_free(more);
	static const char bad[] = "inami-rules 1\n[profession nurse override]\nprovenance = illustrative\n"
		"source = https://example.invalid/alias\nalias.de = Krankenpfleger\n";
	ck_assert_int_eq(inami_ruleset_load_buffer(&more, rs, bad, sizeof(bad) - 1, "bad"), INAMI_EPARSE);
	ck_assert_ptr_nonnull(strstr(inami_error_last(), "alias.en, alias.fr or alias.nl"));

	unsigned int m = 0;
	ck_assert_int_eq(inami_rules_profession_measures(rs, INAMI_PHYSIOTHERAPIST, &m), INAMI_OK);
	ck_assert_uint_eq(m, (1u << INAMI_MEASURE_PRESTATIONS) | (1u << INAMI_MEASURE_M_VALUE));
	ck_assert_int_eq(inami_rules_profession_measures(rs, INAMI_DOCTOR, &m), INAMI_OK);
	ck_assert_uint_eq(m, 1u << INAMI_MEASURE_REIMBURSED_EUR);
	ck_assert_int_eq(inami_rules_profession_measures(rs, (inami_profession)99, &m), INAMI_ENOPROFESSION);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("rules");
	TCase *tc = tcase_create("rules");

	tcase_add_test(tc, test_default);
	tcase_add_test(tc, test_profession_find);
	tcase_add_test(tc, test_years);
	tcase_add_test(tc, test_tiers_and_thresholds);
	tcase_add_test(tc, test_labels_and_specialties);
	tcase_add_test(tc, test_layer_new_year);
	tcase_add_test(tc, test_override_one_figure);
	tcase_add_loop_test(tc, test_bad_rules, 0, sizeof(bad) / sizeof(bad[0]));
	tcase_add_test(tc, test_nul_byte);
	tcase_add_test(tc, test_load_file_errors);
	tcase_add_test(tc, test_example_files_load);
	tcase_add_test(tc, test_dump_round_trip);
	tcase_add_test(tc, test_dump_filtered);
	suite_add_tcase(s, tc);
	return test_run(s);
}
