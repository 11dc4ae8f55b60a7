/* Shared pieces of the `inami` command. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

int cli_usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("inami: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return CLI_EXIT_USAGE;
}

int cli_library_error(int status)
{
	const char *msg = inami_error_last();

	fprintf(stderr, "inami: %s\n", msg[0] ? msg : inami_strerror(status));
	return CLI_EXIT_ERROR;
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
