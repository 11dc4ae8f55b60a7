/* `inami eval`: the verdict under each reading of a dispute, and carried thresholds. */
#include <stdio.h>

#include "cli.h"
#include "eval_readings.h"

void eval_readings_json(json_writer *w, const inami_result *r)
{
	json_key(w, "disputed");
	json_bool(w, inami_result_disputed(r));
	json_key(w, "carried_from");
	if (inami_result_carried_from(r))
		json_int(w, inami_result_carried_from(r));
	else
		json_null(w);
	json_key(w, "readings");
	json_begin_array(w);
	for (size_t i = 0; i < inami_result_reading_count(r); i++) {
		const inami_reading *g = inami_result_reading(r, i);
		json_begin_object(w);
		json_key(w, "dispute");
		json_string(w, g->dispute);
		json_key(w, "id");
		json_string(w, g->id);
		json_key(w, "applied");
		json_bool(w, g->applied);
		json_key(w, "default");
		json_bool(w, g->is_default);
		json_key(w, "status");
		json_string(w, cli_status_id(g->status));
		json_key(w, "eligible");
		json_bool(w, g->eligible);
		json_key(w, "tier");
		json_string(w, g->tier);
		json_key(w, "amount_cents");
		json_int(w, g->amount_cents);
		json_key(w, "provenance");
		json_string(w, inami_provenance_id(g->provenance));
		json_key(w, "source");
		json_string(w, g->source);
		json_key(w, "note");
		json_string(w, g->note);
		json_end_object(w);
	}
	json_end_array(w);
}

void eval_readings_human(const inami_result *r, const inami_ruleset *rules, inami_lang lang)
{
	char line[1024], verdict[256], note[768];

	if (inami_result_reading_count(r) == 0)
		return;
	puts(cli_text(line, sizeof(line), lang, inami_result_disputed(r) ? "eval.readings.differ" : "eval.readings.same",
		"%s", ""));
	for (size_t i = 0; i < inami_result_reading_count(r); i++) {
		const inami_reading *g = inami_result_reading(r, i);
		if (g->status != INAMI_OK)
			cli_text(verdict, sizeof(verdict), lang, "verdict.none", "why=%s", inami_status_text(g->status, lang));
		else if (!g->eligible)
			cli_text(verdict, sizeof(verdict), lang, "verdict.not_eligible", "%s", "");
		else
			cli_text(verdict, sizeof(verdict), lang, "eval.readings.eligible",
				"tier=%s\namount=%lld\nprovenance=provenance.%s", inami_rules_tier_label(rules, g->tier, lang),
				(long long)g->amount_cents, inami_provenance_id(g->provenance));
		printf("  %s %s\n", g->applied ? "*" : " ",
			cli_text(line, sizeof(line), lang, g->is_default ? "eval.readings.default" : "eval.readings.other",
				"dispute_name=dispute.%s\nreading=%s\nverdict=%s", g->dispute, g->id, verdict));
		if (g->note && g->note[0])
			printf("      %s\n", cli_text(note, sizeof(note), lang, "note.source_text", "text=%s", g->note));
	}
}
