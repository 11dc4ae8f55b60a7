/* `inami eval`: the verdict under each reading of a dispute, and carried thresholds (eval_readings.c). */
#ifndef INAMI_CLI_EVAL_READINGS_H
#define INAMI_CLI_EVAL_READINGS_H

#include <inami/inami.h>

#include "json.h"

/* "disputed", "carried_from" and "readings" keys of the JSON object being written. */
void eval_readings_json(json_writer *w, const inami_result *r);

/* The "Readings" lines in `lang`, when a dispute concerns the evaluation; tiers named by `rules`. */
void eval_readings_human(const inami_result *r, const inami_ruleset *rules, inami_lang lang);

#endif
