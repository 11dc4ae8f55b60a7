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

void eval_readings_human(const inami_result *r)
{
	char euros[32];

	if (inami_result_reading_count(r) == 0)
		return;
	printf("Readings (%s):\n", inami_result_disputed(r) ? "the verdict depends on a disputed reading" :
		"disputed, the verdict is the same under each");
	for (size_t i = 0; i < inami_result_reading_count(r); i++) {
		const inami_reading *g = inami_result_reading(r, i);
		printf("  %s %s '%s'%s: ", g->applied ? "*" : " ", g->dispute, g->id, g->is_default ? " (default)" : "");
		if (g->status != INAMI_OK)
			printf("no verdict (%s)\n", inami_strerror(g->status));
		else if (!g->eligible)
			printf("not eligible\n");
		else {
			if (inami_euros_format(g->amount_cents, euros, sizeof(euros)) != INAMI_OK)
				snprintf(euros, sizeof(euros), "?");
			printf("eligible, tier '%s', EUR %s (%s)\n", g->tier, euros, inami_provenance_id(g->provenance));
		}
		if (g->note && g->note[0])
			printf("      %s\n", g->note);
	}
}
