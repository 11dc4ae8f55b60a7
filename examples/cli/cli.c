/* Shared pieces of the `inami` command. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "json.h"

static int json_errors;
static inami_lang error_lang = INAMI_LANG_EN;

void cli_set_json_errors(int on)
{
	json_errors = on;
}

const char *cli_status_id(int status)
{
	static const char *const ids[] = { "ok", "invalid", "null", "version", "no_profession", "no_rules",
		"negative", "overflow", "no_memory", "parse", "io", "derived", "not_found", "state", "range",
		"buffer" };
	return status <= 0 && -status < (int)(sizeof(ids) / sizeof(ids[0])) ? ids[-status] : "error";
}

/* One line whatever the message holds: a library message quoting a file may carry a newline. */
static void one_line(char *s)
{
	for (; *s; s++) {
		if (*s == '\n' || *s == '\r')
			*s = ' ';
	}
}

static int report(int exit_code, const char *status, const char *message)
{
	char buf[2048];

	snprintf(buf, sizeof(buf), "%s", message);
	one_line(buf);
	if (json_errors) {
		json_writer w;
		json_init(&w, stderr);
		json_begin_object(&w);
		json_key(&w, "error");
		json_begin_object(&w);
		json_key(&w, "status");
		json_string(&w, status);
		json_key(&w, "code");
		json_int(&w, exit_code);
		json_key(&w, "message");
		json_string(&w, buf);
		json_end_object(&w);
		json_end_object(&w);
		json_end(&w);
	} else {
		fprintf(stderr, "inami: %s\n", buf);
	}
	return exit_code;
}

int cli_error(int exit_code, const char *status, const char *fmt, ...)
{
	char buf[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	return report(exit_code, status, buf);
}

int cli_usage_error(const char *fmt, ...)
{
	char buf[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	return report(CLI_EXIT_USAGE, "usage", buf);
}

void cli_set_lang(inami_lang lang)
{
	error_lang = lang;
}

/* A library error in the chosen language: its status translated, the library's detail kept. */
static int library_report(int status, const char *detail)
{
	char line[2048];

	if (error_lang == INAMI_LANG_EN || json_errors)
		return report(CLI_EXIT_ERROR, cli_status_id(status), detail);
	cli_text(line, sizeof(line), error_lang, "cli.error", "status=status.%s\ndetail=%s", cli_status_id(status), detail);
	return report(CLI_EXIT_ERROR, cli_status_id(status), line);
}

int cli_library_error(int status)
{
	const char *msg = inami_error_last();

	return library_report(status, msg[0] ? msg : inami_strerror(status));
}

static int is_word_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

void cli_rename_inputs(const char *msg, const char *const names[][2], char *out, size_t size)
{
	size_t n = 0;

	for (const char *p = msg; *p && n + 1 < size;) {
		size_t k = 0;
		for (; names[k][0]; k++) {
			size_t len = strlen(names[k][0]);
			if (strncmp(p, names[k][0], len) == 0 && (p == msg || !is_word_char(p[-1])) && !is_word_char(p[len]))
				break;
		}
		size_t flen = names[k][0] ? strlen(names[k][1]) : 0;
		if (names[k][0] && n + flen + 1 < size) {
			memcpy(out + n, names[k][1], flen);
			n += flen;
			p += strlen(names[k][0]);
		} else {
			out[n++] = *p++;
		}
	}
	out[n] = '\0';
}

int cli_input_error(int status, const char *const names[][2])
{
	const char *msg = inami_error_last();
	char out[2048];

	cli_rename_inputs(msg[0] ? msg : inami_strerror(status), names, out, sizeof(out));
	return library_report(status, out);
}

int cli_option_index(const cli_option *opts, size_t count, const char *name)
{
	for (size_t k = 0; k < count; k++) {
		if (strcmp(opts[k].name, name) == 0)
			return (int)k;
	}
	return -1;
}

int cli_next_option(int argc, char **argv, int *i, const cli_option *opts, size_t count,
	unsigned char *seen, const char *command, const char **value)
{
	const char *a = argv[*i];

	*value = NULL;
	/* "-" alone is standard input, "-5" a value: options are "--name" and -h */
	if (!(a[0] == '-' && a[1] == '-') && strcmp(a, "-h") != 0)
		return CLI_ARG_POSITIONAL;
	int k = cli_option_index(opts, count, strcmp(a, "-h") == 0 ? "--help" : a);
	if (k < 0) {
		cli_usage_error("%s: unknown option '%s' (see 'inami %s --help')", command, a, command);
		return CLI_ARG_ERROR;
	}
	if (seen[k] && !opts[k].repeatable) {
		cli_usage_error("%s: option %s is given twice", command, a);
		return CLI_ARG_ERROR;
	}
	if (seen[k] < 255)
		seen[k]++;
	if (opts[k].takes_value) {
		if (*i + 1 >= argc) {
			cli_usage_error("%s: option %s needs a value", command, a);
			return CLI_ARG_ERROR;
		}
		*value = argv[++*i];
	}
	return k;
}

const char *cli_option_value(int argc, char **argv, int *i)
{
	if (*i + 1 >= argc) {
		cli_usage_error("option %s needs a value", argv[*i]);
		return NULL;
	}
	return argv[++*i];
}

int cli_parse_int64(const char *option, const char *text, int64_t *out)
{
	char *end;

	errno = 0;
	long long v = strtoll(text, &end, 10);
	if (text[0] == '\0' || *end != '\0')
		return cli_usage_error("%s: '%s' is not a whole number", option, text);
	if (errno == ERANGE)
		return cli_usage_error("%s: '%s' is too large", option, text);
	if (v < 0)
		return cli_usage_error("%s: '%s' is negative", option, text);
	*out = v;
	return 0;
}

int cli_parse_measure(const char *option, inami_measure measure, const char *text, int64_t *out)
{
	if (inami_measure_parse(measure, text, out) != INAMI_OK)
		return cli_usage_error("%s: %s", option, inami_error_last());
	return 0;
}

void cli_rules_init(cli_rules *r)
{
	r->rules = NULL;
	r->owned = NULL;
}

const inami_ruleset *cli_rules_get(cli_rules *r)
{
	if (r->rules == NULL) {
		int st = inami_ruleset_default(&r->rules);
		if (st != INAMI_OK) {
			cli_library_error(st);
			return NULL;
		}
	}
	return r->rules;
}

int cli_rules_add(cli_rules *r, const char *path)
{
	inami_ruleset *next = NULL;
	const inami_ruleset *base = cli_rules_get(r);

	if (base == NULL)
		return CLI_EXIT_ERROR;
	int st = inami_ruleset_load_file(&next, base, path);
	if (st != INAMI_OK)
		return cli_library_error(st);
	inami_ruleset_free(r->owned);
	r->owned = next;
	r->rules = next;
	return 0;
}

void cli_rules_free(cli_rules *r)
{
	inami_ruleset_free(r->owned);
	r->owned = NULL;
	r->rules = NULL;
}

int cli_parse_profession(const inami_ruleset *rules, const char *text, inami_profession *out)
{
	if (inami_rules_profession_find(rules, text, out) != INAMI_OK)
		return cli_usage_error("--profession: %s", inami_error_last());
	return 0;
}

static const char *const measure_flags[INAMI_MEASURE_COUNT] = {
	"--prestations", "--m-values", "--r-values", "--v-values", "--reimbursed", "--hours-per-week"
};
static const char *const measure_words[INAMI_MEASURE_COUNT] = {
	"prestations", "M-values", "R-values", "V-values", "the amount reimbursed", "hours per week"
};

const char *cli_measure_flag(inami_measure measure)
{
	return (int)measure >= 0 && (int)measure < INAMI_MEASURE_COUNT ? measure_flags[measure] : "?";
}

const char *cli_measure_words(inami_measure measure)
{
	return (int)measure >= 0 && (int)measure < INAMI_MEASURE_COUNT ? measure_words[measure] : "?";
}

/* "a or b or c" / "a, b" of the set bits, in measure order. */
static void join(char *buf, size_t size, unsigned set, const char *const *words, const char *sep)
{
	size_t n = 0;

	buf[0] = '\0';
	for (int m = 0; m < INAMI_MEASURE_COUNT; m++) {
		if (set & (1u << m)) {
			int w = snprintf(buf + n, size - n, "%s%s", n ? sep : "", words[m]);
			if (w < 0 || (size_t)w >= size - n)
				return;
			n += (size_t)w;
		}
	}
}

int cli_check_measure(const inami_ruleset *rules, inami_profession profession, inami_measure measure)
{
	unsigned mine = 0;
	char on[256], flags[256], who[256];
	size_t n = 0;

	if (inami_rules_profession_measures(rules, profession, &mine) != INAMI_OK || (mine & (1u << measure)))
		return 0;
	who[0] = '\0';
	for (int p = 1; p <= INAMI_PROFESSION_COUNT; p++) {
		unsigned theirs = 0;
		if (inami_rules_profession_measures(rules, (inami_profession)p, &theirs) == INAMI_OK &&
		    (theirs & (1u << measure))) {
			int w = snprintf(who + n, sizeof(who) - n, "%s%s", n ? ", " : "",
				inami_rules_profession_label(rules, (inami_profession)p, INAMI_LANG_EN));
			if (w > 0 && (size_t)w < sizeof(who) - n)
				n += (size_t)w;
		}
	}
	join(on, sizeof(on), mine, measure_words, " or ");
	join(flags, sizeof(flags), mine, measure_flags, ", ");
	return cli_usage_error("%s does not apply to a %s: a %s is evaluated on %s (%s); %s applies to %s",
		measure_flags[measure], inami_rules_profession_label(rules, profession, INAMI_LANG_EN),
		inami_rules_profession_label(rules, profession, INAMI_LANG_EN), on, flags,
		measure_flags[measure], n ? who : "no profession of these rules");
}

const char *cli_text(char *buf, size_t size, inami_lang lang, const char *id, const char *values_fmt, ...)
{
	char values[2048];
	va_list ap;

	va_start(ap, values_fmt);
	vsnprintf(values, sizeof(values), values_fmt, ap);
	va_end(ap);
	int st = inami_message_format(id, lang, values, buf, size);
	if (st != INAMI_OK && st != INAMI_EBUFS)
		snprintf(buf, size, "%s", id);
	return buf;
}

void cli_print_padded(const char *text, size_t width)
{
	size_t w = inami_text_width(text);

	fputs(text, stdout);
	for (; w < width; w++)
		putchar(' ');
}
