/*
 * Disputed readings and carried thresholds in an evaluation.
 *
 * Where the sources dispute a rule (doctors: does partial conventioning need
 * the full or the reduced specialty threshold?) or a set of figures
 * (physiotherapists 2020: the first announcement or the final rule?), the
 * rules keep a default reading with its reason and the other reading as
 * `.conflict` values. The evaluator applies one reading of each dispute that
 * concerns it and inami_evaluate() evaluates again under the other: the result
 * gives both verdicts, never one silently.
 */
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "eval_readings.h"
#include "messages_internal.h"
#include "money.h"

static int declares(const reading_rule *r, const char *id)
{
	return r->id && (strcmp(r->id, id) == 0 || strcmp(r->alt_id, id) == 0);
}

int inami__readings_known(const inami_ruleset *rs, const char *id)
{
	char list[512] = "";
	size_t len = 0;

	if (!id)
		return INAMI_OK;
	for (int p = 1; p <= INAMI_PROFESSION_COUNT; p++) {
		const reading_rule *r = &rs->professions[p].reading;
		if (declares(r, id))
			return INAMI_OK;
		if (r->id && len < sizeof(list))
			len += (size_t)snprintf(list + len, sizeof(list) - len, "%s%s, %s", len ? ", " : "", r->id, r->alt_id);
	}
	for (size_t i = 0; i < rs->threshold_count; i++) {
		const reading_rule *r = &rs->thresholds[i].reading;
		if (declares(r, id))
			return INAMI_OK;
		if (r->id && len < sizeof(list))
			len += (size_t)snprintf(list + len, sizeof(list) - len, "%s%s, %s", len ? ", " : "", r->id, r->alt_id);
	}
	return inami__fail(INAMI_EINVAL, "unknown reading '%s' (the rules declare: %s)", id, len ? list : "none");
}

/* The thresholds with every disputed minimum and maximum replaced by its other value. */
static const threshold_set *alternative_thresholds(inami_result *r, const threshold_set *ts)
{
	threshold_set *v = inami__pool_alloc(&r->mem, sizeof(*v));
	tier_rule *tiers = inami__pool_alloc(&r->mem, (ts->tier_count + 1) * sizeof(*tiers));

	if (!v || !tiers)
		return NULL;
	*v = *ts;
	memcpy(tiers, ts->tiers, ts->tier_count * sizeof(*tiers));
	v->tiers = tiers;
	for (int m = 0; m < INAMI_MEASURE_COUNT; m++) {
		inami_figure *f[1 + 64];
		size_t n = 0;
		for (size_t i = 0; i < v->tier_count && n < 64; i++)
			f[n++] = &tiers[i].min[m];
		f[n++] = &v->max[m];
		for (size_t i = 0; i < n; i++) {
			if (!f[i]->has_conflict)
				continue;
			f[i]->value = f[i]->conflict_value;
			f[i]->provenance = f[i]->conflict_provenance;
			f[i]->source = f[i]->conflict_source;
			f[i]->note = f[i]->conflict_note;
			f[i]->has_conflict = 0;
		}
	}
	return v;
}

static const profession_rules *alternative_profession(inami_result *r, const profession_rules *pr)
{
	profession_rules *v = inami__pool_alloc(&r->mem, sizeof(*v));

	if (!v)
		return NULL;
	*v = *pr;
	v->partial_requires = pr->partial_requires_alt;
	v->partial_fig.provenance = pr->partial_requires_alt_fig.provenance;
	v->partial_fig.source = pr->partial_requires_alt_fig.source;
	v->partial_fig.note = pr->partial_requires_alt_fig.note;
	v->partial_fig.layer = pr->partial_requires_alt_fig.layer;
	v->partial_fig.line = pr->partial_requires_alt_fig.line;
	return v;
}

int inami__readings_apply(inami_result *r, inami_lang lang, const inami_eval_input *in, reading_choice *ch,
	const profession_rules **pr, const threshold_set **ts)
{
	ch->pr = *pr;
	ch->ts = *ts;
	ch->scope = 0;
	if ((*pr)->reading.id && (*pr)->partial_requires_alt && (*pr)->partial == PARTIAL_TIER &&
	    in->convention == INAMI_CONVENTION_PARTIAL)
		ch->scope |= READING_PROFESSION;
	if ((*ts)->reading.id)
		ch->scope |= READING_THRESHOLDS;
	if (!ch->forced) {
		ch->alt = 0;
		if (ch->wanted) {
			int concerns = 0;
			if ((ch->scope & READING_PROFESSION) && declares(&(*pr)->reading, ch->wanted)) {
				concerns = 1;
				if (strcmp(ch->wanted, (*pr)->reading.alt_id) == 0)
					ch->alt |= READING_PROFESSION;
			}
			if ((ch->scope & READING_THRESHOLDS) && declares(&(*ts)->reading, ch->wanted)) {
				concerns = 1;
				if (strcmp(ch->wanted, (*ts)->reading.alt_id) == 0)
					ch->alt |= READING_THRESHOLDS;
			}
			if (!concerns) {
				char note[256];
				inami__msgf(note, sizeof(note), lang, "note.reading_ignored", "reading=%s", ch->wanted);
				inami__result_add_note(r, note);
			}
		}
	}
	ch->alt &= ch->scope;
	if (ch->alt & READING_PROFESSION) {
		if (!(*pr = alternative_profession(r, *pr)))
			return inami__fail(INAMI_ENOMEM, "out of memory");
	}
	if (ch->alt & READING_THRESHOLDS) {
		if (!(*ts = alternative_thresholds(r, *ts)))
			return inami__fail(INAMI_ENOMEM, "out of memory");
	}
	return INAMI_OK;
}

static const char *first_conflict_source(const threshold_set *ts)
{
	for (size_t i = 0; i < ts->tier_count; i++) {
		for (int m = 0; m < INAMI_MEASURE_COUNT; m++) {
			if (ts->tiers[i].has_min[m] && ts->tiers[i].min[m].has_conflict)
				return ts->tiers[i].min[m].conflict_source;
		}
	}
	return "";
}

/* The verdict of one reading in `lang` (verdict.* messages): not eligible, eligible with its tier and amount, or none. */
static void verdict_text(const inami_ruleset *rs, inami_lang lang, const inami_reading *g, char *buf, size_t size)
{
	if (g->status != INAMI_OK)
		inami__msgf(buf, size, lang, "verdict.none", "why=%s", inami_status_text(g->status, lang));
	else if (!g->eligible)
		inami__msgf(buf, size, lang, "verdict.not_eligible", "%s", "");
	else
		inami__msgf(buf, size, lang, "verdict.eligible", "tier=%s\namount=%lld",
			g->tier ? inami_rules_tier_label(rs, g->tier, lang) : "?", (long long)g->amount_cents);
}

static void fill(inami_reading *g, const inami_result *from, int status)
{
	g->status = status;
	g->eligible = from ? from->eligible : 0;
	g->tier = from && from->eligible ? from->tier : NULL;
	g->amount_cents = from && from->eligible ? from->amount_cents : 0;
	g->provenance = from ? from->weakest : INAMI_PROV_NOT_FOUND;
}

void inami__readings_record(inami_result *r, const inami_ruleset *rs, inami_lang lang, const reading_choice *ch,
	unsigned which, const inami_result *other, int other_status)
{
	const reading_rule *rule = which == READING_PROFESSION ? &ch->pr->reading : &ch->ts->reading;
	int alt_applied = (ch->alt & which) != 0;
	char a[160], b[160], note[768];

	if (r->reading_count + 2 > RESULT_MAX_READINGS)
		return;
	inami_reading *def = &r->readings[r->reading_count++];
	inami_reading *alt = &r->readings[r->reading_count++];
	memset(def, 0, sizeof(*def));
	memset(alt, 0, sizeof(*alt));
	def->dispute = alt->dispute = which == READING_PROFESSION ? "partial_convention" : "thresholds";
	def->id = rule->id;
	alt->id = rule->alt_id;
	def->is_default = 1;
	def->note = rule->reason;
	alt->note = rule->alt_note;
	if (which == READING_PROFESSION) {
		def->source = ch->pr->partial_fig.source;
		alt->source = ch->pr->partial_requires_alt_fig.source;
		if (!alt->note[0])
			alt->note = ch->pr->partial_requires_alt_fig.note;
	} else {
		def->source = ch->ts->source;
		alt->source = first_conflict_source(ch->ts);
	}
	(alt_applied ? alt : def)->applied = 1;
	fill(alt_applied ? alt : def, r, INAMI_OK);
	fill(alt_applied ? def : alt, other, other ? INAMI_OK : other_status);

	int differ = def->status != alt->status || def->eligible != alt->eligible || def->amount_cents != alt->amount_cents ||
		(def->tier && alt->tier && strcmp(def->tier, alt->tier) != 0);
	r->disputed |= differ;
	verdict_text(rs, lang, def, a, sizeof(a));
	verdict_text(rs, lang, alt, b, sizeof(b));
	inami__msgf(note, sizeof(note), lang, differ ? "note.disputed" : "note.disputed_same",
		"dispute=%s\ndispute_name=dispute.%s\ndefault=%s\nalternative=%s\napplied=%s\n"
		"verdict_default=%s\nverdict_alternative=%s", def->dispute, def->dispute, def->id, alt->id,
		def->applied ? def->id : alt->id, a, b);
	inami__result_add_note(r, note);
}

void inami__readings_carried(inami_result *r, inami_lang lang, const threshold_set *ts, int year)
{
	char why[512] = "", text[480], note[768];

	if (!ts || !ts->carried_to || year <= ts->carried_to)
		return;
	r->carried_from = ts->carried_to;
	if (ts->carried_note && ts->carried_note[0]) {
		inami__msgf(text, sizeof(text), lang, "note.source_text", "text=%s", ts->carried_note);
		snprintf(why, sizeof(why), " - %s", text);
	}
	inami__msgf(note, sizeof(note), lang, "note.carried", "last=%d\nyear=%d\nwhy=%s", ts->carried_to, year, why);
	inami__result_add_note(r, note);
}

size_t inami_result_reading_count(const inami_result *r)
{
	return r ? r->reading_count : 0;
}

const inami_reading *inami_result_reading(const inami_result *r, size_t index)
{
	return r && index < r->reading_count ? &r->readings[index] : NULL;
}

int inami_result_disputed(const inami_result *r)
{
	return r ? r->disputed : 0;
}

int inami_result_carried_from(const inami_result *r)
{
	return r ? r->carried_from : 0;
}
