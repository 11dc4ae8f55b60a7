/* `inami rules`: list, show, specialties, check and dump the rules. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "json.h"
#include "rules_year.h"

static void usage(FILE *out)
{
	fputs("usage: inami rules list [--profession P] [--json]\n"
	      "       inami rules show --profession P --year Y [--specialty ID] [--json]\n"
	      "       inami rules specialties [--lang fr|nl|en] [--json]\n"
	      "       inami rules check FILE [--standalone]\n"
	      "       inami rules dump [--profession P] [--year Y]\n"
	      "       inami rules doc --html DIR [--lang fr|nl|en]\n"
	      "       inami rules new-year PROFESSION YEAR\n"
	      "       inami rules coverage [--markdown]\n"
	      "Every form takes --rules FILE (repeatable) to layer rules files over the default.\n",
	      out);
}

typedef struct rules_args {
	inami_profession profession;
	int year;
	const char *specialty;
	const char *file;
	int json, standalone;
	inami_lang lang;
	cli_rules rules;
} rules_args;

enum { O_HELP, O_JSON, O_STANDALONE, O_PROFESSION, O_YEAR, O_SPECIALTY, O_LANG, O_RULES, O_COUNT };

static const cli_option options[O_COUNT] = {
	[O_HELP] = { "--help", 0, 1 }, [O_JSON] = { "--json", 0, 0 }, [O_STANDALONE] = { "--standalone", 0, 0 },
	[O_PROFESSION] = { "--profession", 1, 0 }, [O_YEAR] = { "--year", 1, 0 },
	[O_SPECIALTY] = { "--specialty", 1, 0 }, [O_LANG] = { "--lang", 1, 0 }, [O_RULES] = { "--rules", 1, 1 },
};

static int parse_args(int argc, char **argv, rules_args *a)
{
	unsigned char seen[O_COUNT] = { 0 };
	const char *profession = NULL;

	for (int i = 2; i < argc; i++) {
		const char *v;
		int o = cli_next_option(argc, argv, &i, options, O_COUNT, seen, "rules", &v);
		switch (o) {
		case CLI_ARG_ERROR:
			return CLI_EXIT_USAGE;
		case CLI_ARG_POSITIONAL:
			if (a->file)
				return cli_usage_error("rules: unexpected argument '%s'", argv[i]);
			a->file = argv[i];
			break;
		case O_HELP:
			usage(stdout);
			return -1;
		case O_JSON: a->json = 1; break;
		case O_STANDALONE: a->standalone = 1; break;
		case O_PROFESSION: profession = v; break;
		case O_YEAR: {
			int64_t y;
			if (cli_parse_int64("--year", v, &y) != 0)
				return CLI_EXIT_USAGE;
			if (y < 1900 || y > 2999)
				return cli_usage_error("--year: %s is not a premium year", v);
			a->year = (int)y;
			break;
		}
		case O_SPECIALTY: a->specialty = v; break;
		case O_LANG:
			if (inami_lang_from_id(v, &a->lang) != INAMI_OK)
				return cli_usage_error("--lang: %s", inami_error_last());
			break;
		case O_RULES: {
			int rc = cli_rules_add(&a->rules, v);
			if (rc)
				return rc;
			break;
		}
		default: break;
		}
	}
	if (profession) {
		/* names are looked up in the rules given, so a layer's aliases count */
		const inami_ruleset *rs = cli_rules_get(&a->rules);
		if (rs == NULL)
			return CLI_EXIT_ERROR;
		return cli_parse_profession(rs, profession, &a->profession);
	}
	return 0;
}

static int cmd_list(const inami_ruleset *rs, const rules_args *a)
{
	json_writer w;

	if (a->json) {
		json_init(&w, stdout);
		json_begin_object(&w);
		json_key(&w, "professions");
		json_begin_array(&w);
	}
	for (int p = 1; p <= INAMI_PROFESSION_COUNT; p++) {
		int years[512];
		size_t n = 0;
		if (a->profession && a->profession != (inami_profession)p)
			continue;
		if (inami_rules_years(rs, (inami_profession)p, years, 512, &n) != INAMI_OK)
			continue;
		if (a->json) {
			json_begin_object(&w);
			json_key(&w, "profession");
			json_string(&w, inami_profession_id((inami_profession)p));
			json_key(&w, "years");
			json_begin_array(&w);
			for (size_t i = 0; i < n; i++)
				json_int(&w, years[i]);
			json_end_array(&w);
			json_key(&w, "derived_years");
			json_begin_array(&w);
			for (size_t i = 0; i < n; i++) {
				if (rules_year_is_derived(rs, (inami_profession)p, years[i]))
					json_int(&w, years[i]);
			}
			json_end_array(&w);
			json_end_object(&w);
			continue;
		}
		printf("%-17s", inami_profession_id((inami_profession)p));
		for (size_t i = 0; i < n; i++)
			printf(" %d%s", years[i], rules_year_is_derived(rs, (inami_profession)p, years[i]) ? "*" : "");
		printf("\n");
	}
	if (a->json) {
		json_end_array(&w);
		json_end_object(&w);
		json_end(&w);
	} else {
		printf("* DERIVED amounts (estimates, used only with --allow-derived)\n"
		       "('inami rules show --profession P --year Y' gives tiers, thresholds, amounts and sources)\n");
	}
	return 0;
}

/* An amount (measure INAMI_MEASURE_NONE) in euros, or a threshold in its measure's natural unit. */
static void figure_text(const inami_figure *f, inami_measure measure, char *buf, size_t size)
{
	char v[32];

	if (measure == INAMI_MEASURE_NONE || measure == INAMI_MEASURE_REIMBURSED_EUR)
		inami_euros_format(f->value, v, sizeof(v));
	else
		inami_measure_format(measure, f->value, v, sizeof(v));
	snprintf(buf, size, "%s", v);
}

static void json_figure(json_writer *w, const inami_figure *f, inami_measure measure)
{
	int euros = measure == INAMI_MEASURE_NONE || measure == INAMI_MEASURE_REIMBURSED_EUR;

	json_begin_object(w);
	json_key(w, euros ? "cents" : "value");
	if (euros)
		json_int(w, f->value);
	else
		json_measure(w, measure, f->value);
	json_key(w, "provenance");
	json_string(w, inami_provenance_id(f->provenance));
	json_key(w, "source");
	json_string(w, f->source);
	json_key(w, "note");
	json_string(w, f->note);
	json_key(w, "layer");
	json_string(w, f->layer);
	json_key(w, "line");
	json_int(w, f->line);
	if (f->has_conflict) {
		json_key(w, "conflict");
		json_begin_object(w);
		json_key(w, "value");
		if (euros)
			json_int(w, f->conflict_value);
		else
			json_measure(w, measure, f->conflict_value);
		json_key(w, "provenance");
		json_string(w, inami_provenance_id(f->conflict_provenance));
		json_key(w, "source");
		json_string(w, f->conflict_source);
		json_key(w, "note");
		json_string(w, f->conflict_note);
		json_end_object(w);
	}
	json_end_object(w);
}

static void print_figure_lines(const char *what, const inami_figure *f, inami_measure measure)
{
	char v[48], c[48];

	figure_text(f, measure, v, sizeof(v));
	printf("    %-28s %12s  %-10s [%s:%d]\n", what, v, inami_provenance_id(f->provenance), f->layer, f->line);
	printf("      source: %s\n", f->source);
	if (f->note[0])
		printf("      note: %s\n", f->note);
	if (f->has_conflict) {
		inami_measure_format(measure == INAMI_MEASURE_NONE ? INAMI_MEASURE_REIMBURSED_EUR : measure,
			f->conflict_value, c, sizeof(c));
		printf("      CONFLICT: %s (%s) %s%s%s\n", c, inami_provenance_id(f->conflict_provenance),
			f->conflict_source, f->conflict_note[0] ? " - " : "", f->conflict_note);
	}
}

static int cmd_show(const inami_ruleset *rs, const rules_args *a)
{
	size_t count;
	json_writer w;
	int st;

	if (!a->profession || !a->year)
		return cli_usage_error("rules show: --profession and --year are required");
	if ((st = inami_rules_tier_count(rs, a->profession, a->year, &count)) != INAMI_OK)
		return cli_library_error(st);
	if (a->json) {
		json_init(&w, stdout);
		json_begin_object(&w);
		json_profession_year(&w, inami_profession_id(a->profession), a->year);
		json_key(&w, "tiers");
		json_begin_array(&w);
	} else {
		printf("%s, premium year %d\n", inami_rules_profession_label(rs, a->profession, a->lang), a->year);
	}
	for (size_t t = 0; t < count; t++) {
		inami_tier_info info = INAMI_TIER_INFO_INIT;
		inami_figure amount = INAMI_FIGURE_INIT;
		if ((st = inami_rules_tier(rs, a->profession, a->year, t, &info)) != INAMI_OK)
			return cli_library_error(st);
		int have_amount = info.amount_known &&
			inami_rules_tier_amount(rs, a->profession, a->year, t, &amount) == INAMI_OK;
		if (a->json) {
			json_begin_object(&w);
			json_key(&w, "id");
			json_string(&w, info.id);
			json_key(&w, "trainee_only");
			json_bool(&w, info.trainee_only);
			json_key(&w, "thresholds_from");
			json_int(&w, info.thresholds_from);
			json_key(&w, "amount");
			if (have_amount)
				json_figure(&w, &amount, INAMI_MEASURE_NONE);
			else
				json_null(&w);
			json_key(&w, "minimums");
			json_begin_object(&w);
		} else {
			printf("  tier %s (%s)%s, thresholds from %d%s\n", info.id,
				inami_rules_tier_label(rs, info.id, a->lang), info.trainee_only ? ", trainees only" : "",
				info.thresholds_from, info.uses_specialty ? " (per specialty)" : "");
			if (have_amount)
				print_figure_lines("amount EUR", &amount, INAMI_MEASURE_NONE);
			else
				printf("    amount                       NOT FOUND in the sources\n");
		}
		for (int m = 0; m < INAMI_MEASURE_COUNT; m++) {
			inami_figure f = INAMI_FIGURE_INIT;
			st = inami_rules_tier_threshold(rs, a->profession, a->year, t, (inami_measure)m, a->specialty, &f);
			if (st == INAMI_ENOTFOUND && !info.uses_specialty)
				continue;
			char what[64];
			snprintf(what, sizeof(what), "minimum %s", inami_measure_id((inami_measure)m));
			if (st != INAMI_OK) {
				if (st == INAMI_ENOTFOUND)
					continue;
				if (!a->json)
					printf("    %-28s %s\n", what, inami_error_last());
				continue;
			}
			if (a->json) {
				json_key(&w, inami_measure_id((inami_measure)m));
				json_figure(&w, &f, (inami_measure)m);
			} else {
				print_figure_lines(what, &f, (inami_measure)m);
			}
		}
		if (a->json) {
			json_end_object(&w);
			json_end_object(&w);
		}
	}
	if (a->json) {
		json_end_array(&w);
		json_key(&w, "maximums");
		json_begin_object(&w);
	}
	for (int m = 0; m < INAMI_MEASURE_COUNT; m++) {
		inami_figure f = INAMI_FIGURE_INIT;
		if (inami_rules_maximum(rs, a->profession, a->year, (inami_measure)m, &f) != INAMI_OK)
			continue;
		if (a->json) {
			json_key(&w, inami_measure_id((inami_measure)m));
			json_figure(&w, &f, (inami_measure)m);
		} else {
			char what[64];
			snprintf(what, sizeof(what), "maximum %s", inami_measure_id((inami_measure)m));
			printf("  activity above the maximum gives no advantage\n");
			print_figure_lines(what, &f, (inami_measure)m);
		}
	}
	if (a->json) {
		json_end_object(&w);
		json_end_object(&w);
		json_end(&w);
	}
	return 0;
}

static int cmd_specialties(const inami_ruleset *rs, const rules_args *a)
{
	json_writer w;

	if (a->json) {
		json_init(&w, stdout);
		json_begin_object(&w);
		json_key(&w, "specialties");
		json_begin_array(&w);
	}
	for (size_t i = 0; i < inami_rules_specialty_count(rs); i++) {
		const char *id, *label;
		inami_rules_specialty(rs, i, a->lang, &id, &label);
		if (a->json) {
			json_begin_object(&w);
			json_key(&w, "id");
			json_string(&w, id);
			json_key(&w, "label");
			json_string(&w, label);
			json_end_object(&w);
		} else {
			printf("%-22s %s\n", id, label);
		}
	}
	if (a->json) {
		json_end_array(&w);
		json_end_object(&w);
		json_end(&w);
	}
	return 0;
}

static int cmd_check(cli_rules *rules, const rules_args *a)
{
	inami_ruleset *loaded = NULL;
	const inami_ruleset *base = NULL;
	int st;

	if (!a->file)
		return cli_usage_error("rules check: give the FILE to check");
	int unfilled = rules_unfilled(a->file);
	if (unfilled != 0)
		return unfilled < 0 ? CLI_EXIT_ERROR : cli_error(CLI_EXIT_ERROR, "parse", "%s: %d value%s still to fill (FILL)",
			a->file, unfilled, unfilled == 1 ? "" : "s");
	if (!a->standalone && (base = cli_rules_get(rules)) == NULL)
		return CLI_EXIT_ERROR;
	if ((st = inami_ruleset_load_file(&loaded, base, a->file)) != INAMI_OK)
		return cli_library_error(st);
	printf("%s: ok (%s)\n", a->file, a->standalone ? "standalone" : "layered over the loaded rules");
	inami_ruleset_free(loaded);
	return 0;
}

static int cmd_dump(const inami_ruleset *rs, const rules_args *a)
{
	char *text;
	size_t len;
	int st = inami_ruleset_dump(rs, a->profession, a->year, &text, &len);

	if (st != INAMI_OK)
		return cli_library_error(st);
	fwrite(text, 1, len, stdout);
	inami_free(text);
	return 0;
}

int cmd_rules(int argc, char **argv)
{
	rules_args a;
	int rc;

	memset(&a, 0, sizeof(a));
	cli_rules_init(&a.rules);
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(argc < 2 ? stderr : stdout);
		return argc < 2 ? CLI_EXIT_USAGE : 0;
	}
	if (strcmp(argv[1], "doc") == 0)
		return cmd_rules_doc(argc, argv);
	if (strcmp(argv[1], "new-year") == 0 || strcmp(argv[1], "coverage") == 0) {
		cli_rules_free(&a.rules);
		return strcmp(argv[1], "new-year") == 0 ? rules_new_year(argc, argv) : rules_coverage(argc, argv);
	}
	rc = parse_args(argc, argv, &a);
	if (rc != 0) {
		cli_rules_free(&a.rules);
		return rc < 0 ? 0 : rc;
	}
	const char *sub = argv[1];
	if (strcmp(sub, "check") == 0) {
		rc = cmd_check(&a.rules, &a);
	} else {
		const inami_ruleset *rs = cli_rules_get(&a.rules);
		if (!rs)
			rc = CLI_EXIT_ERROR;
		else if (a.file)
			rc = cli_usage_error("rules %s: unexpected argument '%s'", sub, a.file);
		else if (strcmp(sub, "list") == 0)
			rc = cmd_list(rs, &a);
		else if (strcmp(sub, "show") == 0)
			rc = cmd_show(rs, &a);
		else if (strcmp(sub, "specialties") == 0)
			rc = cmd_specialties(rs, &a);
		else if (strcmp(sub, "dump") == 0)
			rc = cmd_dump(rs, &a);
		else
			rc = cli_usage_error("rules: unknown subcommand '%s' (list, show, specialties, check, dump, new-year, coverage)", sub);
	}
	cli_rules_free(&a.rules);
	return rc;
}
