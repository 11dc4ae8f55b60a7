/* Shared pieces of the `inami` command: errors, option values, rules loading. */
#ifndef INAMI_CLI_H
#define INAMI_CLI_H

#include <inami/inami.h>

/* Exit codes: 0 done, 1 the library refused the input, 2 bad command line. */
#define CLI_EXIT_ERROR 1
#define CLI_EXIT_USAGE 2

/* Print "inami: <message>" on stderr and return CLI_EXIT_USAGE. */
int cli_usage_error(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2)))
#endif
	;

/* Print "inami: <library message>" on stderr and return CLI_EXIT_ERROR. */
int cli_library_error(int status);

/* The value of option argv[*i]: argv[*i + 1], advancing *i; NULL (and a message) when missing. */
const char *cli_option_value(int argc, char **argv, int *i);

/* Parse a whole non-negative or signed integer option value. */
int cli_parse_int64(const char *option, const char *text, int64_t *out);
/* A figure of `measure` in its natural unit ("1234.5") into its int64_t unit (hundredths). */
int cli_parse_measure(const char *option, inami_measure measure, const char *text, int64_t *out);

/* The rules a command evaluates with: the default, with `--rules FILE` layers on top. */
typedef struct cli_rules {
	const inami_ruleset *rules;
	inami_ruleset *owned;
} cli_rules;

void cli_rules_init(cli_rules *r);
/* Handle `--rules FILE`: load FILE over the current rules. Returns 0 or an exit code. */
int cli_rules_add(cli_rules *r, const char *path);
/* The rules to use (the default when no --rules was given); NULL after printing an error. */
const inami_ruleset *cli_rules_get(cli_rules *r);
void cli_rules_free(cli_rules *r);

/* Subcommands, one file each. */
int cmd_eval(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_mvalues(int argc, char **argv);
int cmd_allocate(int argc, char **argv);
int cmd_dossier(int argc, char **argv);

#endif
