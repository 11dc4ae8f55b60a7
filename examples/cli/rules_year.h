/* `inami rules new-year`, `inami rules coverage` and the FILL check of `inami rules check` (rules_year.c). */
#ifndef INAMI_CLI_RULES_YEAR_H
#define INAMI_CLI_RULES_YEAR_H

#include <inami/inami.h>

/* inami rules new-year PROFESSION YEAR [--rules FILE]...: print the skeleton of a new premium year. */
int rules_new_year(int argc, char **argv);

/* inami rules coverage [--markdown] [--rules FILE]...: premium years by profession, from the rules. */
int rules_coverage(int argc, char **argv);

/* Report each value of `path` still written FILL (file:line: KEY); the number reported, or -1 (and a message). */
int rules_unfilled(const char *path);

/* 1 when an amount of the year is DERIVED (an estimate usable only with --allow-derived). */
int rules_year_is_derived(const inami_ruleset *rs, inami_profession p, int year);

#endif
