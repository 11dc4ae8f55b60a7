/* Shared pieces of the `inami` command: errors, option parsing and values, rules loading. */
#ifndef INAMI_CLI_H
#define INAMI_CLI_H

#include <stddef.h>

#include <inami/inami.h>

/* Exit codes: 0 done, 1 the library refused the input (or a file could not be used), 2 bad command line. */
#define CLI_EXIT_ERROR 1
#define CLI_EXIT_USAGE 2

#if defined(__GNUC__)
#define CLI_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define CLI_PRINTF(f, a)
#endif

/*
 * Errors are one line on stderr: "inami: <message>", or under --json (anywhere
 * on the command line) one object {"error":{"status":"...","code":N,"message":"..."}}
 * where code is the exit code and status says why ("usage", "io", or the
 * library's status such as "no_rules").
 */
void cli_set_json_errors(int on);

/* The language of the library's errors: in French or Dutch, the status in the language, the detail kept. */
void cli_set_lang(inami_lang lang);

/* Report an error with a status id; returns `exit_code`. */
int cli_error(int exit_code, const char *status, const char *fmt, ...) CLI_PRINTF(3, 4);

/* A bad command line: status "usage", returns CLI_EXIT_USAGE. */
int cli_usage_error(const char *fmt, ...) CLI_PRINTF(1, 2);

/* The library's last message for `status`; returns CLI_EXIT_ERROR. */
int cli_library_error(int status);

/*
 * As cli_library_error() for a refusal of an input the command line passed:
 * each library name in `names` (pairs {library name, flag}, NULL-terminated)
 * is replaced by the flag the user typed.
 */
int cli_input_error(int status, const char *const names[][2]);

/* `msg` with the library names of `names` replaced by their flags, into `out`. */
void cli_rename_inputs(const char *msg, const char *const names[][2], char *out, size_t size);

/* The text id of a library status ("no_rules"). */
const char *cli_status_id(int status);

/* One option a command accepts. */
typedef struct cli_option {
	const char *name;      /* "--year" */
	int takes_value;
	int repeatable;        /* may be given more than once (--rules FILE) */
} cli_option;

#define CLI_ARG_POSITIONAL (-1)
#define CLI_ARG_ERROR (-2)

/*
 * Read argv[*i]: the index of the option in `opts` (advancing *i past its value,
 * set in *value), CLI_ARG_POSITIONAL for an argument that is not an option, or
 * CLI_ARG_ERROR after reporting an unknown option, a repeated one or a missing
 * value. `seen` has one counter per option, zeroed by the caller. `command`
 * names the command in messages ("eval").
 */
int cli_next_option(int argc, char **argv, int *i, const cli_option *opts, size_t count,
	unsigned char *seen, const char *command, const char **value);

/* The index of option `name` in `opts` (for switch-free dispatch); -1 if absent. */
int cli_option_index(const cli_option *opts, size_t count, const char *name);

/* Parse a whole non-negative integer option value. */
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

/* --profession TEXT: an id, a label in English, French or Dutch, or an alias of the rules. 0 or an exit code. */
int cli_parse_profession(const inami_ruleset *rules, const char *text, inami_profession *out);

/* The flag that gives `measure` ("--m-values"), and its name in a sentence ("M-values"). */
const char *cli_measure_flag(inami_measure measure);
const char *cli_measure_words(inami_measure measure);

/*
 * Refuse a measure flag that the profession is not evaluated on (from the
 * rules' `measures`), saying what it is evaluated on and to whom the flag
 * applies. 0 when it applies, else CLI_EXIT_USAGE.
 */
int cli_check_measure(const inami_ruleset *rules, inami_profession profession, inami_measure measure);

/*
 * Message `id` of the library's catalogue in `lang`, filled with values given
 * printf-style ("year=%d\namount=%lld"), into `buf`; returns `buf` (the id
 * itself when the catalogue cannot fill it).
 */
const char *cli_text(char *buf, size_t size, inami_lang lang, const char *id, const char *values_fmt, ...)
	CLI_PRINTF(5, 6);

/* Print `text` and pad it with spaces to `width` terminal columns (UTF-8 aware). */
void cli_print_padded(const char *text, size_t width);

/* Subcommands, one file each. */
int cmd_eval(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_rules_doc(int argc, char **argv);   /* inami rules doc, reached through cmd_rules */
int cmd_mvalues(int argc, char **argv);
int cmd_allocate(int argc, char **argv);
int cmd_dossier(int argc, char **argv);

/* Kept for commands that read values by hand: argv[*i + 1], advancing *i; NULL (and a message) when missing. */
const char *cli_option_value(int argc, char **argv, int *i);

#endif
