/*
 * `inami rules new-year`: the skeleton of a new premium year to fill in;
 * `inami rules coverage`: which premium years the rules cover, by profession,
 * as text or as the Markdown table of the README; and the FILL check that
 * `inami rules check` runs before loading a file.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "rules_year.h"

enum { O_HELP, O_MARKDOWN, O_RULES, O_COUNT };

static const cli_option options[O_COUNT] = {
	[O_HELP] = { "--help", 0, 1 }, [O_MARKDOWN] = { "--markdown", 0, 0 }, [O_RULES] = { "--rules", 1, 1 },
};

/* Options from argv[2]; positional arguments into `pos` (at most `cap`). 0, -1 after --help, or an exit code. */
static int parse(int argc, char **argv, cli_rules *rules, int *markdown, const char **pos, size_t cap, size_t *npos,
	const char *help)
{
	unsigned char seen[O_COUNT] = { 0 };

	*npos = 0;
	for (int i = 2; i < argc; i++) {
		const char *v;
		int o = cli_next_option(argc, argv, &i, options, O_COUNT, seen, "rules", &v);
		switch (o) {
		case CLI_ARG_ERROR:
			return CLI_EXIT_USAGE;
		case CLI_ARG_POSITIONAL:
			if (*npos == cap)
				return cli_usage_error("rules %s: unexpected argument '%s'", argv[1], argv[i]);
			pos[(*npos)++] = argv[i];
			break;
		case O_HELP:
			fputs(help, stdout);
			return -1;
		case O_MARKDOWN:
			if (!markdown)
				return cli_usage_error("rules %s: --markdown applies to 'rules coverage'", argv[1]);
			*markdown = 1;
			break;
		case O_RULES: {
			int rc = cli_rules_add(rules, v);
			if (rc)
				return rc;
			break;
		}
		default: break;
		}
	}
	return 0;
}

int rules_new_year(int argc, char **argv)
{
	static const char help[] = "usage: inami rules new-year PROFESSION YEAR [--rules FILE]...\n"
		"Prints the [amounts] section of a new premium year with every value to fill written FILL;\n"
		"'inami rules check FILE' lists what is still to fill.\n";
	cli_rules rules;
	const char *pos[2];
	size_t n;
	int64_t year;
	inami_profession p;
	char *text = NULL;

	cli_rules_init(&rules);
	int rc = parse(argc, argv, &rules, NULL, pos, 2, &n, help);
	if (rc == 0 && n != 2)
		rc = cli_usage_error("rules new-year: give the PROFESSION and the YEAR");
	if (rc == 0 && cli_parse_int64("YEAR", pos[1], &year) != 0)
		rc = CLI_EXIT_USAGE;
	if (rc == 0 && (year < 1900 || year > 2999))
		rc = cli_usage_error("rules new-year: %s is not a premium year", pos[1]);
	const inami_ruleset *rs = rc == 0 ? cli_rules_get(&rules) : NULL;
	if (rc == 0 && !rs)
		rc = CLI_EXIT_ERROR;
	if (rc == 0)
		rc = cli_parse_profession(rs, pos[0], &p);
	if (rc == 0) {
		int st = inami_rules_year_skeleton(rs, p, (int)year, &text, NULL);
		if (st != INAMI_OK)
			rc = cli_library_error(st);
		else
			fputs(text, stdout);
		inami_free(text);
	}
	cli_rules_free(&rules);
	return rc < 0 ? 0 : rc;
}

int rules_year_is_derived(const inami_ruleset *rs, inami_profession p, int year)
{
	size_t n = 0;

	if (inami_rules_tier_count(rs, p, year, &n) != INAMI_OK)
		return 0;
	for (size_t t = 0; t < n; t++) {
		inami_figure amount = INAMI_FIGURE_INIT;
		if (inami_rules_tier_amount(rs, p, year, t, &amount) == INAMI_OK && amount.provenance == INAMI_PROV_DERIVED)
			return 1;
	}
	return 0;
}

/* Years (ascending) as ranges: "2015-2019, 2022"; "-" when none. */
static void ranges(const int *years, size_t n, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < n && len < size; i++) {
		size_t k = i;
		while (k + 1 < n && years[k + 1] == years[k] + 1)
			k++;
		if (k == i)
			len += (size_t)snprintf(buf + len, size - len, "%s%d", len ? ", " : "", years[i]);
		else
			len += (size_t)snprintf(buf + len, size - len, "%s%d-%d", len ? ", " : "", years[i], years[k]);
		i = k;
	}
	if (!buf[0])
		snprintf(buf, size, "-");
}

int rules_coverage(int argc, char **argv)
{
	static const char help[] = "usage: inami rules coverage [--markdown] [--rules FILE]...\n"
		"Premium years by profession: with amounts, of which DERIVED (estimates), and recorded as NOT FOUND\n"
		"in the sources; --markdown prints the table of the README's data section.\n";
	static const char absent[] = "no rules for this premium year";
	cli_rules rules;
	const char *pos[1];
	size_t n;
	int markdown = 0;

	cli_rules_init(&rules);
	int rc = parse(argc, argv, &rules, &markdown, pos, 0, &n, help);
	const inami_ruleset *rs = rc == 0 ? cli_rules_get(&rules) : NULL;
	if (rc == 0 && !rs)
		rc = CLI_EXIT_ERROR;
	if (rc == 0 && markdown)
		printf("| profession | premium years with amounts | of which DERIVED | recorded as NOT FOUND |\n"
		       "|---|---|---|---|\n");
	for (int p = 1; rc == 0 && p <= INAMI_PROFESSION_COUNT; p++) {
		int years[512], derived[512], missing[512];
		size_t count = 0, nd = 0, nm = 0;
		char a[1024], d[1024], m[1024];
		if (inami_rules_years(rs, (inami_profession)p, years, 512, &count) != INAMI_OK)
			continue;
		for (size_t i = 0; i < count; i++) {
			if (rules_year_is_derived(rs, (inami_profession)p, years[i]))
				derived[nd++] = years[i];
		}
		for (int y = 1900; y <= 2999 && nm < 512; y++) {
			int available = 0;
			const char *note = NULL;
			if (inami_rules_year_status(rs, (inami_profession)p, y, &available, &note) == INAMI_OK && !available &&
			    strcmp(note, absent) != 0)
				missing[nm++] = y;
		}
		ranges(years, count, a, sizeof(a));
		ranges(derived, nd, d, sizeof(d));
		ranges(missing, nm, m, sizeof(m));
		if (markdown)
			printf("| %s | %s | %s | %s |\n", inami_profession_id((inami_profession)p), a, d, m);
		else
			printf("%-17s %s (DERIVED: %s; NOT FOUND: %s)\n", inami_profession_id((inami_profession)p), a, d, m);
	}
	cli_rules_free(&rules);
	return rc < 0 ? 0 : rc;
}

int rules_unfilled(const char *path)
{
	char line[4200];
	int lineno = 0, found = 0;
	FILE *f = fopen(path, "r");

	if (!f)
		return cli_error(CLI_EXIT_ERROR, "io", "%s: %s", path, strerror(errno)) ? -1 : -1;
	while (fgets(line, sizeof(line), f)) {
		lineno++;
		char *eq = strstr(line, " = ");
		if (line[0] == '#' || !eq)
			continue;
		char *value = eq + 3;
		value[strcspn(value, "\r\n")] = '\0';
		if (strcmp(value, "FILL") != 0)
			continue;
		*eq = '\0';
		printf("%s:%d: %s: still to fill\n", path, lineno, line);
		found++;
	}
	fclose(f);
	return found;
}
