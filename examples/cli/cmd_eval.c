/* `inami eval`: evaluate one provider for one premium year, explained. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "eval_readings.h"
#include "json.h"

static void usage(FILE *out)
{
	fputs("usage: inami eval --profession P --year Y [--prestations N] [--m-values N] [--r-values N]\n"
	      "                  [--v-values N] [--reimbursed EUR] [--hours-per-week H]\n"
	      "                  [--convention full|partial|none] [--convention-start YYYY-MM-DD]\n"
	      "                  [--convention-end YYYY-MM-DD] [--specialty ID] [--trainee]\n"
	      "                  [--first-number YYYY-MM-DD] [--retired] [--employment main|complementary|employee]\n"
	      "                  [--sanctioned] [--contracts N] [--allow-derived] [--rules FILE]...\n"
	      "                  [--reading ID] [--lang fr|nl|en] [--json]\n"
	      "\nDefaults: fully conventioned for the whole year, not retired, not in training.\n"
	      "Professions: physiotherapist doctor dentist pharmacist speech_therapist nurse midwife, or their\n"
	      "French or Dutch names (kine, kinésithérapeute, médecin, arts, ...), any case, with or without accents.\n"
	      "Options that do not apply to the profession (--reimbursed for a physiotherapist) are refused.\n"
	      "Where the sources dispute a rule or a figure, the verdict is given under each reading; --reading ID\n"
	      "applies that reading instead of the default one (the output names the readings of each dispute).\n"
	      "Exit 0 when an evaluation was made (eligible or not), 1 when the library refused it, 2 on a bad command line.\n",
	      out);
}

static void print_json(const inami_result *r, const inami_eval_input *in, inami_lang lang)
{
	json_writer w;
	char payee[64];

	json_init(&w, stdout);
	json_begin_object(&w);
	json_profession_year(&w, inami_profession_id(in->profession), in->premium_year);
	json_key(&w, "eligible");
	json_bool(&w, inami_result_eligible(r));
	json_key(&w, "amount_cents");
	json_int(&w, inami_result_amount_cents(r));
	json_key(&w, "full_year_cents");
	json_int(&w, inami_result_full_year_cents(r));
	json_key(&w, "months");
	json_int(&w, inami_result_months(r));
	json_key(&w, "tier");
	json_string(&w, inami_result_tier(r));
	json_key(&w, "tier_label");
	json_string(&w, inami_result_tier_label(r));
	json_key(&w, "payee");
	json_string(&w, inami_payee_id(inami_result_payee(r)));
	snprintf(payee, sizeof(payee), "payee.%s", inami_payee_id(inami_result_payee(r)));
	json_key(&w, "payee_label");
	json_string(&w, inami_message_template(payee, lang));
	json_key(&w, "provenance");
	json_string(&w, inami_result_eligible(r) ? inami_provenance_id(inami_result_provenance(r)) : NULL);
	json_key(&w, "weakest_provenance");
	json_string(&w, inami_provenance_id(inami_result_weakest_provenance(r)));
	json_key(&w, "source");
	json_string(&w, inami_result_source(r));
	json_key(&w, "thresholds_year");
	json_int(&w, inami_result_thresholds_year(r));
	json_key(&w, "lower_bound");
	json_bool(&w, inami_result_lower_bound(r));
	json_key(&w, "checks");
	json_begin_array(&w);
	for (size_t i = 0; i < inami_result_check_count(r); i++) {
		const inami_check *c = inami_result_check(r, i);
		json_begin_object(&w);
		json_key(&w, "id");
		json_string(&w, c->id);
		json_key(&w, "state");
		json_string(&w, inami_check_state_id(c->state));
		json_key(&w, "held");
		json_bool(&w, c->state != INAMI_CHECK_FAILED);
		json_key(&w, "blocking");
		json_bool(&w, c->blocking);
		json_key(&w, "label");
		json_string(&w, c->label);
		json_key(&w, "detail");
		json_string(&w, c->detail);
		if (c->has_values) {
			json_key(&w, "measure");
			json_string(&w, inami_measure_id(c->measure));
			json_key(&w, "observed");
			json_measure(&w, c->measure, c->observed);
			json_key(&w, "threshold");
			json_measure(&w, c->measure, c->threshold);
		}
		json_key(&w, "rule_year");
		json_int(&w, c->rule_year);
		json_key(&w, "source");
		json_string(&w, c->source);
		json_end_object(&w);
	}
	json_end_array(&w);
	json_key(&w, "next_tier");
	if (inami_result_next_tier(r)) {
		json_begin_object(&w);
		json_key(&w, "tier");
		json_string(&w, inami_result_next_tier(r));
		json_key(&w, "amount_cents");
		json_int(&w, inami_result_next_tier_amount_cents(r));
		json_key(&w, "missing");
		json_begin_array(&w);
		for (size_t i = 0; i < inami_result_missing_count(r); i++) {
			inami_measure m;
			int64_t threshold, missing;
			inami_result_missing(r, i, &m, &threshold, &missing);
			json_begin_object(&w);
			json_key(&w, "measure");
			json_string(&w, inami_measure_id(m));
			json_key(&w, "threshold");
			json_measure(&w, m, threshold);
			json_key(&w, "missing");
			json_measure(&w, m, missing);
			json_end_object(&w);
		}
		json_end_array(&w);
		json_end_object(&w);
	} else {
		json_null(&w);
	}
	eval_readings_json(&w, r);
	json_key(&w, "notes");
	json_begin_array(&w);
	for (size_t i = 0; i < inami_result_note_count(r); i++)
		json_string(&w, inami_result_note(r, i));
	json_end_array(&w);
	json_key(&w, "lang");
	json_string(&w, lang == INAMI_LANG_FR ? "fr" : lang == INAMI_LANG_NL ? "nl" : "en");
	json_end_object(&w);
	json_end(&w);
}

/* "[ok]  ", "[FAIL]"... in the language, padded to one width. */
static void print_state_mark(inami_check_state s, inami_lang lang)
{
	char id[48], mark[32], text[40];

	snprintf(id, sizeof(id), "check_state.%s", inami_check_state_id(s));
	cli_text(mark, sizeof(mark), lang, id, "%s", "");
	snprintf(text, sizeof(text), "[%s]", mark);
	cli_print_padded(text, 6);
}

/* A value of `m` in its public unit, as a person reads it in `lang`. */
static void measure_text(inami_measure m, int64_t value, inami_lang lang, char *buf, size_t size)
{
	if (m == INAMI_MEASURE_REIMBURSED_EUR) {
		inami_amount_format(value, lang, buf, size);
		return;
	}
	int scale = inami_measure_scale(m);
	inami_decimal_format(value * (100 / (scale > 0 ? scale : 1)), lang, buf, size);
}

static void print_human(const inami_ruleset *rules, const inami_result *r, const inami_eval_input *in, inami_lang lang)
{
	char line[2048];

	puts(cli_text(line, sizeof(line), lang, "eval.heading", "profession=%s\nyear=%d",
		inami_rules_profession_label(rules, in->profession, lang), in->premium_year));
	if (inami_result_eligible(r)) {
		puts(cli_text(line, sizeof(line), lang, "eval.eligible", "amount=%lld\ntier_id=%s\ntier=%s\nprovenance=provenance.%s",
			(long long)inami_result_amount_cents(r), inami_result_tier(r), inami_result_tier_label(r),
			inami_provenance_id(inami_result_provenance(r))));
		if (inami_result_months(r) < 12)
			printf("  %s\n", cli_text(line, sizeof(line), lang, "eval.pro_rata", "months=%d\nfull=%lld",
				inami_result_months(r), (long long)inami_result_full_year_cents(r)));
		printf("  %s\n", cli_text(line, sizeof(line), lang, "eval.paid_to", "payee=payee.%s",
			inami_payee_id(inami_result_payee(r))));
		printf("  %s\n", cli_text(line, sizeof(line), lang, "eval.source", "source=%s", inami_result_source(r)));
	} else {
		puts(cli_text(line, sizeof(line), lang,
			inami_result_lower_bound(r) ? "eval.not_eligible_lower_bound" : "eval.not_eligible", "%s", ""));
	}
	puts(cli_text(line, sizeof(line), lang, "eval.checks", "%s", ""));
	for (size_t i = 0; i < inami_result_check_count(r); i++) {
		const inami_check *c = inami_result_check(r, i);
		fputs("  ", stdout);
		print_state_mark(c->state, lang);
		printf(" %s%s %s\n", c->label, lang == INAMI_LANG_FR ? " :" : ":", c->detail);
	}
	if (inami_result_next_tier(r)) {
		puts(cli_text(line, sizeof(line), lang, "eval.next_tier", "tier_id=%s\ntier=%s\namount=%lld",
			inami_result_next_tier(r), inami_rules_tier_label(rules, inami_result_next_tier(r), lang),
			(long long)inami_result_next_tier_amount_cents(r)));
		for (size_t i = 0; i < inami_result_missing_count(r); i++) {
			inami_measure m;
			int64_t threshold, missing;
			char t[48], mi[48];
			inami_result_missing(r, i, &m, &threshold, &missing);
			measure_text(m, threshold, lang, t, sizeof(t));
			measure_text(m, missing, lang, mi, sizeof(mi));
			printf("  %s\n", cli_text(line, sizeof(line), lang, "eval.missing", "measure=measure.%s\nmissing=%s\nthreshold=%s",
				inami_measure_id(m), mi, t));
		}
	}
	eval_readings_human(r, rules, lang);
	for (size_t i = 0; i < inami_result_note_count(r); i++)
		puts(cli_text(line, sizeof(line), lang, "eval.note", "text=%s", inami_result_note(r, i)));
}

static int parse_date_option(const char *opt, const char *v, inami_date *out)
{
	if (inami_date_parse(v, out) != INAMI_OK)
		return cli_usage_error("%s: '%s' is not a date (YYYY-MM-DD)", opt, v);
	return 0;
}

enum {
	O_HELP, O_JSON, O_TRAINEE, O_RETIRED, O_SANCTIONED, O_ALLOW_DERIVED, O_PROFESSION, O_YEAR,
	O_PRESTATIONS, O_M, O_R, O_V, O_REIMBURSED, O_HOURS, O_CONVENTION, O_CONVENTION_START, O_CONVENTION_END,
	O_FIRST_NUMBER, O_SPECIALTY, O_EMPLOYMENT, O_CONTRACTS, O_LANG, O_RULES, O_READING, O_COUNT
};

static const cli_option options[O_COUNT] = {
	[O_HELP] = { "--help", 0, 1 }, [O_JSON] = { "--json", 0, 0 }, [O_TRAINEE] = { "--trainee", 0, 0 },
	[O_RETIRED] = { "--retired", 0, 0 }, [O_SANCTIONED] = { "--sanctioned", 0, 0 },
	[O_ALLOW_DERIVED] = { "--allow-derived", 0, 0 }, [O_PROFESSION] = { "--profession", 1, 0 },
	[O_YEAR] = { "--year", 1, 0 }, [O_PRESTATIONS] = { "--prestations", 1, 0 }, [O_M] = { "--m-values", 1, 0 },
	[O_R] = { "--r-values", 1, 0 }, [O_V] = { "--v-values", 1, 0 }, [O_REIMBURSED] = { "--reimbursed", 1, 0 },
	[O_HOURS] = { "--hours-per-week", 1, 0 }, [O_CONVENTION] = { "--convention", 1, 0 },
	[O_CONVENTION_START] = { "--convention-start", 1, 0 }, [O_CONVENTION_END] = { "--convention-end", 1, 0 },
	[O_FIRST_NUMBER] = { "--first-number", 1, 0 }, [O_SPECIALTY] = { "--specialty", 1, 0 },
	[O_EMPLOYMENT] = { "--employment", 1, 0 }, [O_CONTRACTS] = { "--contracts", 1, 0 },
	[O_LANG] = { "--lang", 1, 0 }, [O_RULES] = { "--rules", 1, 1 }, [O_READING] = { "--reading", 1, 0 },
};

/* The library's names of eval inputs, as the flags that give them. */
static const char *const input_names[][2] = {
	{ "m_value", "--m-values" }, { "r_value", "--r-values" },
	{ "v_value", "--v-values" }, { "reimbursed_eur", "--reimbursed" }, { "hours_per_week", "--hours-per-week" },
	{ "convention_start", "--convention-start" }, { "convention_end", "--convention-end" },
	{ "first_number", "--first-number" },
	{ NULL, NULL }
};

/* The measure each measure flag gives. */
static const struct { int option; inami_measure measure; } measure_options[] = {
	{ O_PRESTATIONS, INAMI_MEASURE_PRESTATIONS }, { O_M, INAMI_MEASURE_M_VALUE }, { O_R, INAMI_MEASURE_R_VALUE },
	{ O_V, INAMI_MEASURE_V_VALUE }, { O_REIMBURSED, INAMI_MEASURE_REIMBURSED_EUR },
	{ O_HOURS, INAMI_MEASURE_HOURS_PER_WEEK },
};

int cmd_eval(int argc, char **argv)
{
	inami_eval_input in = INAMI_EVAL_INPUT_INIT;
	inami_eval_options opts = INAMI_EVAL_OPTIONS_INIT;
	cli_rules rules;
	unsigned char seen[O_COUNT] = { 0 };
	const char *profession = NULL, *reading = NULL;
	int json = 0, have_year = 0, rc = 0;
	const char *v;

	cli_rules_init(&rules);
	for (int i = 1; i < argc && rc == 0; i++) {
		int o = cli_next_option(argc, argv, &i, options, O_COUNT, seen, "eval", &v);
		const char *a = argv[i - (v != NULL)];
		switch (o) {
		case CLI_ARG_ERROR: rc = CLI_EXIT_USAGE; break;
		case CLI_ARG_POSITIONAL: rc = cli_usage_error("eval: unexpected argument '%s' (see 'inami eval --help')", a); break;
		case O_HELP:
			usage(stdout);
			cli_rules_free(&rules);
			return 0;
		case O_JSON: json = 1; break;
		case O_TRAINEE: in.trainee = 1; break;
		case O_RETIRED: in.retired = 1; break;
		case O_SANCTIONED: in.sanctioned = 1; break;
		case O_ALLOW_DERIVED: opts.flags |= INAMI_EVAL_ALLOW_DERIVED; break;
		case O_PROFESSION: profession = v; break;
		case O_YEAR: {
			int64_t y;
			if ((rc = cli_parse_int64(a, v, &y)) == 0) {
				if (y < 1900 || y > 2999)
					rc = cli_usage_error("--year: %s is not a premium year", v);
				in.premium_year = (int)y;
				have_year = 1;
			}
			break;
		}
		case O_PRESTATIONS: rc = cli_parse_int64(a, v, &in.prestations); break;
		case O_M: rc = cli_parse_measure(a, INAMI_MEASURE_M_VALUE, v, &in.m_values); break;
		case O_R: rc = cli_parse_measure(a, INAMI_MEASURE_R_VALUE, v, &in.r_values); break;
		case O_V: rc = cli_parse_measure(a, INAMI_MEASURE_V_VALUE, v, &in.v_values); break;
		case O_REIMBURSED:
			if (inami_euros_parse(v, 0, &in.reimbursed_cents) != INAMI_OK)
				rc = cli_usage_error("--reimbursed: %s", inami_error_last());
			break;
		case O_HOURS: rc = cli_parse_measure(a, INAMI_MEASURE_HOURS_PER_WEEK, v, &in.hours_per_week); break;
		case O_CONVENTION:
			if (strcmp(v, "full") == 0)
				in.convention = INAMI_CONVENTION_FULL;
			else if (strcmp(v, "partial") == 0)
				in.convention = INAMI_CONVENTION_PARTIAL;
			else if (strcmp(v, "none") == 0)
				in.convention = INAMI_CONVENTION_NONE;
			else
				rc = cli_usage_error("--convention: '%s' is not full, partial or none", v);
			break;
		case O_CONVENTION_START: rc = parse_date_option(a, v, &in.convention_start); break;
		case O_CONVENTION_END: rc = parse_date_option(a, v, &in.convention_end); break;
		case O_FIRST_NUMBER: rc = parse_date_option(a, v, &in.first_number); break;
		case O_SPECIALTY: in.specialty = v; break;
		case O_EMPLOYMENT:
			if (strcmp(v, "main") == 0)
				in.employment = INAMI_EMPLOYMENT_SELF_EMPLOYED_MAIN;
			else if (strcmp(v, "complementary") == 0)
				in.employment = INAMI_EMPLOYMENT_SELF_EMPLOYED_COMPLEMENTARY;
			else if (strcmp(v, "employee") == 0)
				in.employment = INAMI_EMPLOYMENT_EMPLOYEE;
			else
				rc = cli_usage_error("--employment: '%s' is not main, complementary or employee", v);
			break;
		case O_CONTRACTS: {
			int64_t n;
			if ((rc = cli_parse_int64(a, v, &n)) == 0) {
				if (n > 1000)
					rc = cli_usage_error("--contracts: %s is too many", v);
				in.contracts = (int)n;
			}
			break;
		}
		case O_LANG:
			if (inami_lang_from_id(v, &opts.lang) != INAMI_OK)
				rc = cli_usage_error("--lang: %s", inami_error_last());
			break;
		case O_RULES: rc = cli_rules_add(&rules, v); break;
		case O_READING: reading = v; break;
		default: break;
		}
	}
	if (rc == 0 && profession == NULL)
		rc = cli_usage_error("eval: --profession is required (see 'inami eval --help')");
	if (rc == 0 && !have_year)
		rc = cli_usage_error("eval: --year is required");
	const inami_ruleset *rs = rc == 0 ? cli_rules_get(&rules) : NULL;
	if (rc == 0 && rs == NULL)
		rc = CLI_EXIT_ERROR;
	if (rc == 0)
		rc = cli_parse_profession(rs, profession, &in.profession);
	/* a figure the profession is not evaluated on would be silently ignored: refuse it */
	for (size_t k = 0; rc == 0 && k < sizeof(measure_options) / sizeof(measure_options[0]); k++) {
		if (seen[measure_options[k].option])
			rc = cli_check_measure(rs, in.profession, measure_options[k].measure);
	}
	if (rc == 0 && in.convention_start && in.convention_end && in.convention_end < in.convention_start)
		rc = cli_usage_error("--convention-end comes before --convention-start");
	if (rc == 0) {
		inami_result *r;
		int st = inami_evaluate_reading(rs, &in, &opts, reading, &r);
		if (st != INAMI_OK) {
			rc = cli_input_error(st, input_names);
		} else {
			if (json)
				print_json(r, &in, opts.lang);
			else
				print_human(rs, r, &in, opts.lang);
			inami_result_free(r);
		}
	}
	cli_rules_free(&rules);
	return rc;
}
