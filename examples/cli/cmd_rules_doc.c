/*
 * `inami rules doc --html DIR`: the rules as a static web site, read through
 * the public API. An index lists the professions and their premium years; a
 * page per profession gives, for every premium year, each tier with its
 * amount and thresholds, the maximums, and for every figure its provenance,
 * source links, note, conflict and the layer and line that define it.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "rules_year.h"


static void usage(FILE *out)
{
	fputs("usage: inami rules doc --html DIR [--lang fr|nl|en] [--rules FILE]...\n"
	      "Writes DIR/index.html, one page per profession (DIR/<profession>.html) and DIR/style.css:\n"
	      "every premium year, tier, threshold, maximum and amount with its provenance and source.\n",
	      out);
}

/* Text with &, <, >, " and ' escaped for HTML content and attribute values. */
static void html_text(FILE *f, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\'': fputs("&#39;", f); break;
		default: fputc(*s, f); break;
		}
	}
}

/* The sources of a figure (URLs separated by " ; "): links for http(s) URLs, text otherwise. */
static void html_sources(FILE *f, const char *sources)
{
	const char *p = sources ? sources : "";
	int first = 1;

	while (*p) {
		const char *end = strstr(p, " ; ");
		size_t n = end ? (size_t)(end - p) : strlen(p);
		char one[1024];
		if (n >= sizeof(one))
			n = sizeof(one) - 1;
		memcpy(one, p, n);
		one[n] = '\0';
		if (!first)
			fputs("<br>", f);
		first = 0;
		if (strncmp(one, "https://", 8) == 0 || strncmp(one, "http://", 7) == 0) {
			fputs("<a href=\"", f);
			html_text(f, one);
			fputs("\">", f);
			html_text(f, one);
			fputs("</a>", f);
		} else {
			html_text(f, one);
		}
		p += n;
		if (end)
			p = end + 3;
	}
}

/* An amount (INAMI_MEASURE_NONE) in euros, or a figure in its measure's natural unit. */
static void value_text(inami_measure measure, int64_t value, char *buf, size_t size)
{
	if (measure == INAMI_MEASURE_NONE)
		inami_euros_format(value, buf, size);
	else
		inami_measure_format(measure, value, buf, size);
}

/* One table row: what, the value (data-cents for amounts, data-value otherwise), and where it comes from. */
static void html_figure_row(FILE *f, const char *kind, const char *what, const inami_figure *fig,
	inami_measure measure)
{
	char v[64];

	value_text(measure, fig->value, v, sizeof(v));
	fprintf(f, "<tr class=\"%s %s\"><td>", kind, inami_provenance_id(fig->provenance));
	html_text(f, what);
	if (measure == INAMI_MEASURE_NONE)
		fprintf(f, "</td><td class=\"num\" data-cents=\"%lld\">EUR %s", (long long)fig->value, v);
	else
		fprintf(f, "</td><td class=\"num\" data-value=\"%lld\">%s", (long long)fig->value, v);
	fprintf(f, "</td><td>%s</td><td class=\"src\">", inami_provenance_id(fig->provenance));
	html_sources(f, fig->source);
	fputs("</td><td>", f);
	if (fig->note && fig->note[0]) {
		html_text(f, fig->note);
		fputs("<br>", f);
	}
	if (fig->has_conflict) {
		char c[64];
		value_text(measure, fig->conflict_value, c, sizeof(c));
		fprintf(f, "<span class=\"conflict\">Conflict: another source gives %s (%s)",
			c, inami_provenance_id(fig->conflict_provenance));
		if (fig->conflict_note && fig->conflict_note[0]) {
			fputs(": ", f);
			html_text(f, fig->conflict_note);
		}
		fputs("; ", f);
		html_sources(f, fig->conflict_source);
		fputs("</span><br>", f);
	}
	fputs("<span class=\"where\">", f);
	html_text(f, fig->layer);
	fprintf(f, ":%d</span></td></tr>\n", fig->line);
}

/* The prose is English; --lang changes the labels of professions, tiers and specialties. */
static void html_head(FILE *f, const char *title)
{
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>", f);
	html_text(f, title);
	fputs("</title>\n<link rel=\"stylesheet\" href=\"style.css\">\n</head>\n<body>\n", f);
}

static void html_foot(FILE *f, const inami_ruleset *rs)
{
	fprintf(f, "<footer>Written by <code>inami rules doc</code> (libinami %s) from the rules layers: ",
		inami_version());
	for (size_t i = 0; i < inami_ruleset_layer_count(rs); i++) {
		fputs(i ? ", " : "", f);
		fputs("<code>", f);
		html_text(f, inami_ruleset_layer_name(rs, i));
		fputs("</code>", f);
	}
	fputs(".</footer>\n</body>\n</html>\n", f);
}

static const char style_css[] =
	"body{font-family:sans-serif;max-width:75em;margin:1em auto;padding:0 1em;line-height:1.4}\n"
	"table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}\n"
	"th,td{border:1px solid #ccc;padding:.25em .5em;vertical-align:top;text-align:left}\n"
	"td.num{text-align:right;white-space:nowrap}\n"
	"td.src{word-break:break-all;font-size:90%}\n"
	"tr.derived td,tr.illustrative td{background:#fff6d5}\n"
	".conflict{color:#a00}\n"
	".carried{color:#a60}\n"
	".where{color:#666;font-size:85%}\n"
	"footer{margin-top:2em;color:#666;font-size:85%}\n";

static const char legend[] =
	"<p>Provenance: <b>official</b> (INAMI/RIZIV, Moniteur belge, royal decree), <b>secondary</b> "
	"(insurer, pension fund, broker, union, press), <b>derived</b> (computed from other figures, "
	"the note says how; used only when allowed), <b>illustrative</b> (an example figure), "
	"<b>not_found</b> (not given by the sources, never guessed). Where sources conflict, the value of the "
	"highest provenance is kept and the other is shown.</p>\n";

/* The thresholds of tier `t`: per measure, or per specialty and measure for doctors' specialty tiers. */
static void html_thresholds(FILE *f, const inami_ruleset *rs, inami_profession p, int year, size_t t,
	const inami_tier_info *info, inami_lang lang)
{
	size_t ns = info->uses_specialty ? inami_rules_specialty_count(rs) : 0;

	for (size_t s = 0; s < (info->uses_specialty ? ns : 1); s++) {
		const char *spec = NULL, *label = NULL;
		if (info->uses_specialty && inami_rules_specialty(rs, s, lang, &spec, &label) != INAMI_OK)
			continue;
		for (int m = 0; m < INAMI_MEASURE_COUNT; m++) {
			inami_figure fig = INAMI_FIGURE_INIT;
			char what[256];
			if (inami_rules_tier_threshold(rs, p, year, t, (inami_measure)m, spec, &fig) != INAMI_OK)
				continue;
			if (spec)
				snprintf(what, sizeof(what), "minimum %s, %s", inami_measure_id((inami_measure)m), label);
			else
				snprintf(what, sizeof(what), "minimum %s", inami_measure_id((inami_measure)m));
			html_figure_row(f, "threshold", what, &fig, (inami_measure)m);
		}
	}
}

static int html_year(FILE *f, const inami_ruleset *rs, inami_profession p, int year, inami_lang lang)
{
	size_t count = 0;
	int st;

	fprintf(f, "<section id=\"y%d\" data-year=\"%d\">\n<h2>Premium year %d</h2>\n", year, year, year);
	if ((st = inami_rules_tier_count(rs, p, year, &count)) != INAMI_OK)
		return st;
	int carried = 0;
	if (inami_rules_thresholds_carried_from(rs, p, year, &carried) == INAMI_OK && carried)
		fprintf(f, "<p class=\"carried\">Thresholds CARRIED: a source confirms them up to premium year %d, "
			"not for %d; they apply because no source gives later ones.</p>\n", carried, year);
	fputs("<table>\n<tr><th>figure</th><th>value</th><th>provenance</th><th>source</th>"
	      "<th>notes, conflicts, defined at</th></tr>\n", f);
	for (size_t t = 0; t < count; t++) {
		inami_tier_info info = INAMI_TIER_INFO_INIT;
		inami_figure amount = INAMI_FIGURE_INIT;
		if ((st = inami_rules_tier(rs, p, year, t, &info)) != INAMI_OK)
			return st;
		fputs("<tr class=\"tier\"><th colspan=\"5\" data-tier=\"", f);
		html_text(f, info.id);
		fputs("\">Tier <code>", f);
		html_text(f, info.id);
		fputs("</code> (", f);
		html_text(f, inami_rules_tier_label(rs, info.id, lang));
		fprintf(f, ")%s; thresholds in force from %d", info.trainee_only ? ", doctors in training only" : "",
			info.thresholds_from);
		if (info.thresholds_to)
			fprintf(f, " to %d", info.thresholds_to);
		if (info.amount_year && info.amount_year != year)
			fprintf(f, "; amount of premium year %d", info.amount_year);
		fputs("</th></tr>\n", f);
		if (info.amount_known && inami_rules_tier_amount(rs, p, year, t, &amount) == INAMI_OK)
			html_figure_row(f, "amount", "amount (full year)", &amount, INAMI_MEASURE_NONE);
		else
			fputs("<tr class=\"amount not_found\"><td>amount (full year)</td><td class=\"num\">-</td>"
			      "<td>not_found</td><td></td><td>not given by the sources</td></tr>\n", f);
		html_thresholds(f, rs, p, year, t, &info, lang);
	}
	for (int m = 0; m < INAMI_MEASURE_COUNT; m++) {
		inami_figure fig = INAMI_FIGURE_INIT;
		char what[96];
		if (inami_rules_maximum(rs, p, year, (inami_measure)m, &fig) != INAMI_OK)
			continue;
		snprintf(what, sizeof(what), "maximum %s (activity above it gives no advantage)",
			inami_measure_id((inami_measure)m));
		html_figure_row(f, "maximum", what, &fig, (inami_measure)m);
	}
	fputs("</table>\n</section>\n", f);
	return INAMI_OK;
}

static FILE *open_page(const char *dir, const char *name, char *path, size_t size)
{
	FILE *f;

	snprintf(path, size, "%s/%s", dir, name);
	if ((f = fopen(path, "w")) == NULL)
		cli_error(CLI_EXIT_ERROR, "io", "rules doc: cannot write %s: %s", path, strerror(errno));
	return f;
}

static int close_page(FILE *f, const char *path)
{
	int bad = ferror(f);

	if (fclose(f) != 0 || bad)
		return cli_error(CLI_EXIT_ERROR, "io", "rules doc: cannot write %s", path);
	return 0;
}

static int write_profession(const char *dir, const inami_ruleset *rs, inami_profession p,
	const int *years, size_t n, inami_lang lang)
{
	char path[4096], name[64];
	const char *id = inami_profession_id(p);
	FILE *f;

	snprintf(name, sizeof(name), "%s.html", id);
	if ((f = open_page(dir, name, path, sizeof(path))) == NULL)
		return CLI_EXIT_ERROR;
	html_head(f, inami_rules_profession_label(rs, p, lang));
	fputs("<p><a href=\"index.html\">All professions</a></p>\n<h1>", f);
	html_text(f, inami_rules_profession_label(rs, p, lang));
	fprintf(f, " <small>(<code>%s</code>)</small></h1>\n%s<p>Premium years:", id, legend);
	for (size_t i = 0; i < n; i++)
		fprintf(f, " <a href=\"#y%d\">%d</a>", years[i], years[i]);
	fputs("</p>\n", f);
	for (size_t i = 0; i < n; i++) {
		int st = html_year(f, rs, p, years[i], lang);
		if (st != INAMI_OK) {
			fclose(f);
			return cli_library_error(st);
		}
	}
	html_foot(f, rs);
	return close_page(f, path);
}

static int write_site(const char *dir, const inami_ruleset *rs, inami_lang lang)
{
	char path[4096];
	FILE *index, *css;
	int rc;

	if ((css = open_page(dir, "style.css", path, sizeof(path))) == NULL)
		return CLI_EXIT_ERROR;
	fputs(style_css, css);
	if ((rc = close_page(css, path)) != 0)
		return rc;
	if ((index = open_page(dir, "index.html", path, sizeof(path))) == NULL)
		return CLI_EXIT_ERROR;
	html_head(index, "INAMI/RIZIV social status premiums: the rules");
	fputs("<h1>INAMI/RIZIV social status premiums: the rules</h1>\n", index);
	fputs("<p>For each profession, the premium years the rules give amounts for (a year marked * rests on a "
	      "derived amount). Each page lists every tier, threshold, maximum and amount with its provenance "
	      "and source.</p>\n", index);
	fputs(legend, index);
	fputs("<table>\n<tr><th>profession</th><th>premium years</th></tr>\n", index);
	for (int p = 1; p <= INAMI_PROFESSION_COUNT; p++) {
		int years[512];
		size_t n = 0;
		if (inami_rules_years(rs, (inami_profession)p, years, 512, &n) != INAMI_OK || n == 0)
			continue;
		if ((rc = write_profession(dir, rs, (inami_profession)p, years, n, lang)) != 0) {
			fclose(index);
			return rc;
		}
		const char *id = inami_profession_id((inami_profession)p);
		fprintf(index, "<tr><td><a href=\"%s.html\">", id);
		html_text(index, inami_rules_profession_label(rs, (inami_profession)p, lang));
		fputs("</a></td><td>", index);
		for (size_t i = 0; i < n; i++) {
			fprintf(index, " <a href=\"%s.html#y%d\">%d</a>%s", id, years[i], years[i],
				rules_year_is_derived(rs, (inami_profession)p, years[i]) ? "*" : "");
		}
		fputs("</td></tr>\n", index);
	}
	fputs("</table>\n", index);
	html_foot(index, rs);
	return close_page(index, path);
}

enum { O_HELP, O_HTML, O_LANG, O_RULES, O_COUNT };

static const cli_option options[O_COUNT] = {
	[O_HELP] = { "--help", 0, 1 }, [O_HTML] = { "--html", 1, 0 },
	[O_LANG] = { "--lang", 1, 0 }, [O_RULES] = { "--rules", 1, 1 },
};

/* argv[0] is "rules", argv[1] is "doc". */
int cmd_rules_doc(int argc, char **argv)
{
	unsigned char seen[O_COUNT] = { 0 };
	const char *dir = NULL;
	inami_lang lang = INAMI_LANG_EN;
	const inami_ruleset *rs = NULL;
	cli_rules rules;
	struct stat sb;
	int rc = 0;

	cli_rules_init(&rules);
	for (int i = 2; i < argc && rc == 0; i++) {
		const char *v;
		int o = cli_next_option(argc, argv, &i, options, O_COUNT, seen, "rules doc", &v);
		switch (o) {
		case CLI_ARG_ERROR: rc = CLI_EXIT_USAGE; break;
		case CLI_ARG_POSITIONAL: rc = cli_usage_error("rules doc: unexpected argument '%s'", argv[i]); break;
		case O_HELP:
			usage(stdout);
			cli_rules_free(&rules);
			return 0;
		case O_HTML: dir = v; break;
		case O_LANG:
			if (inami_lang_from_id(v, &lang) != INAMI_OK)
				rc = cli_usage_error("--lang: %s", inami_error_last());
			break;
		case O_RULES: rc = cli_rules_add(&rules, v); break;
		default: break;
		}
	}
	if (rc == 0 && !dir)
		rc = cli_usage_error("rules doc: --html DIR is required");
	if (rc == 0 && mkdir(dir, 0777) != 0 && errno != EEXIST)
		rc = cli_error(CLI_EXIT_ERROR, "io", "rules doc: cannot make directory %s: %s", dir, strerror(errno));
	if (rc == 0 && (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)))
		rc = cli_error(CLI_EXIT_ERROR, "io", "rules doc: %s is not a directory", dir);
	if (rc == 0 && (rs = cli_rules_get(&rules)) == NULL)
		rc = CLI_EXIT_ERROR;
	if (rc == 0)
		rc = write_site(dir, rs, lang);
	cli_rules_free(&rules);
	return rc;
}
