/* The `inami` command: evaluate, inspect rules, total M-values, allocate, follow dossiers. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

typedef struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
} command;

static const command commands[] = {
	{ "eval", cmd_eval, "evaluate a provider for a premium year" },
	{ "rules", cmd_rules, "list, show, check and dump the rules" },
	{ "mvalues", cmd_mvalues, "key-letter (M, R, V) totals per provider from a billing CSV" },
	{ "allocate", cmd_allocate, "split a premium into fees, solidarity and pension; project it" },
	{ "dossier", cmd_dossier, "the yearly procedure: timeline, and a dossier kept in a file" },
};

static void usage(FILE *out)
{
	fprintf(out, "usage: inami COMMAND [OPTIONS]\n\ncommands:\n");
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
	fprintf(out, "\n'inami COMMAND --help' explains each command. libinami %s\n", inami_version());
}

int main(int argc, char **argv)
{
	/* errors are JSON as soon as --json is anywhere, so that usage errors before it are too */
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			cli_set_json_errors(1);
		inami_lang lang;
		if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc && inami_lang_from_id(argv[i + 1], &lang) == INAMI_OK)
			cli_set_lang(lang);
	}
	if (argc < 2) {
		usage(stderr);
		return CLI_EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("inami %s\n", inami_version());
		return 0;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].run(argc - 1, argv + 1);
	}
	return cli_usage_error("unknown command '%s' (try 'inami --help')", argv[1]);
}
