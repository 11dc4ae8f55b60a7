/** @file
 * rules.h: the ruleset - for each profession and premium year, the tiers,
 * their thresholds and amounts, each figure with its provenance and source.
 *
 * A ruleset is immutable once made and safe to share between threads. The
 * embedded default comes from libinami/data/ (compiled into the library);
 * files in the same format can be loaded at run time, alone or layered over
 * another ruleset (docs/rules-format.md describes the format).
 */
#ifndef INAMI_RULES_H
#define INAMI_RULES_H

#include "common.h"

INAMI_BEGIN_DECL

/** An immutable set of rules. */
typedef struct inami_ruleset inami_ruleset;

/**
 * The embedded default ruleset. It is made once (thread-safe) and lives until
 * the process ends; inami_ruleset_free() on it does nothing.
 */
INAMI_EXTERN(int) inami_ruleset_default(const inami_ruleset **out);

/**
 * Load rules from a file. With `base` NULL the file stands alone; otherwise
 * it is a layer over `base`: it may add profession-years, and it replaces a
 * section of `base` only when that section is marked `override` (the file
 * then needs only the keys it changes). Loading is atomic: on error `*out` is
 * NULL, `base` is untouched and the message says file:line:column and why.
 * The new ruleset does not refer to `base`; free it with inami_ruleset_free().
 */
INAMI_EXTERN(int) inami_ruleset_load_file(inami_ruleset **out, const inami_ruleset *base,
	const char *path);

/**
 * As inami_ruleset_load_file(), from `len` bytes at `data`; `name` (may be
 * NULL) names the layer in messages and in inami_figure.layer.
 */
INAMI_EXTERN(int) inami_ruleset_load_buffer(inami_ruleset **out, const inami_ruleset *base,
	const char *data, size_t len, const char *name);

/** Free a loaded ruleset. NULL and the default ruleset are accepted and ignored. */
INAMI_EXTERN(void) inami_ruleset_free(const inami_ruleset *rules);

/** Number of layers (1 for the default or a standalone file). */
INAMI_EXTERN(size_t) inami_ruleset_layer_count(const inami_ruleset *rules);

/** Name of layer `index` (0 is the bottom one; "default" for the embedded data). */
INAMI_EXTERN(const char *) inami_ruleset_layer_name(const inami_ruleset *rules, size_t index);

/**
 * Write the rules in the file format into a new NUL-terminated string
 * (`*out`, freed with inami_free()). `profession` 0 means all, `year` 0 means
 * all years. Loading the dump of a ruleset gives an identical ruleset.
 */
INAMI_EXTERN(int) inami_ruleset_dump(const inami_ruleset *rules, inami_profession profession,
	int year, char **out, size_t *len);

/**
 * The skeleton of a new premium year in the file format, into a new
 * NUL-terminated string (`*out`, freed with inami_free()): the [amounts]
 * section of `year` (an override with `status = available` when the rules
 * record the year as NOT FOUND) with one line per tier of the thresholds in
 * force and every value to fill written FILL. INAMI_EINVAL when the year has
 * amounts already, INAMI_ENORULES when no thresholds are in force for it.
 */
INAMI_EXTERN(int) inami_rules_year_skeleton(const inami_ruleset *rules, inami_profession profession, int year,
	char **out, size_t *len);


/** Version of inami_figure; set `version` to it before a call. */
#define INAMI_FIGURE_VERSION 1

/**
 * One sourced figure: an amount or a threshold, filled by
 * inami_rules_tier_amount(), inami_rules_tier_threshold() and
 * inami_rules_maximum().
 *
 * `value` is an amount in cents, or a threshold in its measure's unit (see
 * inami_measure): 1790.34 EUR is 179034, 1,500 prestations are 1500, M 24 is
 * 2400. All strings point into the ruleset and live as long as it.
 */
typedef struct inami_figure {
	unsigned int version;  /**< INAMI_FIGURE_VERSION, set by the caller */
	int64_t value;         /**< cents for an amount, else in the measure's unit */
	inami_provenance provenance; /**< how the value is known */
	const char *source;      /**< one or more URLs separated by " ; " */
	const char *note;        /**< how it was derived, caveats; "" if none */
	const char *layer;       /**< layer that defined it ("default", a file name) */
	int line;                /**< line in that layer */
	int has_conflict;        /**< another source gives another value */
	int64_t conflict_value;  /**< that other value, in the unit of `value` */
	inami_provenance conflict_provenance; /**< provenance of the other value (when has_conflict) */
	const char *conflict_source; /**< source of the other value (when has_conflict) */
	const char *conflict_note; /**< note on the other value (when has_conflict) */
} inami_figure;

/** Initialiser of inami_figure: its version set and every other field at its default. */
#define INAMI_FIGURE_INIT { INAMI_FIGURE_VERSION, 0, INAMI_PROV_NOT_FOUND, NULL, NULL, NULL, 0, 0, 0, \
	INAMI_PROV_NOT_FOUND, NULL, NULL }

/** Initialise `figure` as INAMI_FIGURE_INIT does (INAMI_EVERSION for an unknown version). */
INAMI_EXTERN(int) inami_figure_init(inami_figure *figure, unsigned int version);

/**
 * Premium years of a profession for which the ruleset has amounts (DERIVED
 * ones included), ascending. Writes at most `cap` years to `years` (may be
 * NULL when cap is 0) and the total in `*count`; INAMI_EBUFS if cap < total.
 */
INAMI_EXTERN(int) inami_rules_years(const inami_ruleset *rules, inami_profession profession,
	int *years, size_t cap, size_t *count);

/** Version of inami_tier_info; set `version` to it before a call. */
#define INAMI_TIER_INFO_VERSION 1

/** A tier of a profession-year (filled by inami_rules_tier()); its amount: inami_rules_tier_amount(). */
typedef struct inami_tier_info {
	unsigned int version;  /**< INAMI_TIER_INFO_VERSION, set by the caller */
	const char *id;          /**< "base", "intermediate", "full", "partial", "trainee", ... */
	int index;               /**< 0 = lowest tier */
	int trainee_only;        /**< tier for doctors in training (no activity criterion) */
	int amount_known;        /**< 0 when the amount is NOT FOUND (see inami_rules_tier_amount) */
	int amount_year;         /**< premium year of the amount */
	int thresholds_from;     /**< first premium year of the threshold rule applied */
	int thresholds_to;       /**< last year of that rule, 0 if open-ended */
	int uses_specialty;      /**< thresholds depend on the doctor's specialty */
	int specialty_reduced;   /**< with uses_specialty: the reduced (half) threshold */
} inami_tier_info;

/** Initialiser of inami_tier_info: its version set and every other field at its default. */
#define INAMI_TIER_INFO_INIT { INAMI_TIER_INFO_VERSION, NULL, 0, 0, 0, 0, 0, 0, 0, 0 }

/** Initialise `info` as INAMI_TIER_INFO_INIT does (INAMI_EVERSION for an unknown version). */
INAMI_EXTERN(int) inami_tier_info_init(inami_tier_info *info, unsigned int version);

/**
 * Whether the thresholds of a profession's premium year are carried: *carried_from
 * is the last premium year a source confirms them for when they apply to `year`
 * only because no source gives later ones (evaluations then say so), 0 when they
 * are confirmed for `year`. INAMI_ENORULES as inami_rules_tier().
 */
INAMI_EXTERN(int) inami_rules_thresholds_carried_from(const inami_ruleset *rules, inami_profession profession,
	int year, int *carried_from);

/** Number of tiers (trainee tier included) for a profession-year; INAMI_ENORULES as inami_rules_tier(). */
INAMI_EXTERN(int) inami_rules_tier_count(const inami_ruleset *rules, inami_profession profession,
	int year, size_t *count);

/**
 * Tier `index` (0 = lowest) of a profession-year. INAMI_ENORULES when the
 * ruleset has no usable amounts for that year, INAMI_ERANGE for an index
 * beyond inami_rules_tier_count().
 */
INAMI_EXTERN(int) inami_rules_tier(const inami_ruleset *rules, inami_profession profession,
	int year, size_t index, inami_tier_info *out);

/**
 * The full-year amount of tier `index` of a profession-year, in cents, with
 * its provenance and source. INAMI_ENORULES when the sources do not give it
 * (the tier's amount_known is 0: NOT FOUND, never guessed).
 */
INAMI_EXTERN(int) inami_rules_tier_amount(const inami_ruleset *rules, inami_profession profession,
	int year, size_t index, inami_figure *out);

/**
 * The minimum of `measure` for tier `index`, in the measure's unit. For tiers
 * whose threshold depends on the specialty, pass the doctor's `specialty`
 * (else NULL). INAMI_ENOTFOUND when the tier has no criterion in that measure.
 */
INAMI_EXTERN(int) inami_rules_tier_threshold(const inami_ruleset *rules,
	inami_profession profession, int year, size_t index, inami_measure measure,
	const char *specialty, inami_figure *out);

/**
 * The maximum of `measure` for the profession-year, in the measure's unit
 * (activity above it gives no advantage). INAMI_ENOTFOUND when there is none.
 */
INAMI_EXTERN(int) inami_rules_maximum(const inami_ruleset *rules, inami_profession profession,
	int year, inami_measure measure, inami_figure *out);

/** Label of a profession in a language ("kinésithérapeute"); NULL for an unknown profession or language. */
INAMI_EXTERN(const char *) inami_rules_profession_label(const inami_ruleset *rules,
	inami_profession profession, inami_lang lang);

/**
 * The profession a person means by `text`: its id ("physiotherapist"), its
 * label in English, French or Dutch ("kinésithérapeute", "kinesitherapeut")
 * or an alias of the rules data (`alias.fr = kiné`, docs/rules-format.md),
 * compared without case, without the accents of Latin-1 letters written in
 * UTF-8 and with '_', '-' and spaces alike ("Sage femme" is "sage-femme").
 * When no name is equal, a start of three letters or more of exactly one
 * profession's names is accepted ("physio"). INAMI_ENOPROFESSION when the
 * text names no profession or several (the message lists the candidates, or
 * every profession with its labels).
 */
INAMI_EXTERN(int) inami_rules_profession_find(const inami_ruleset *rules, const char *text,
	inami_profession *out);

/**
 * The activity measures a profession's thresholds count, from the rules
 * data (`measures` of its [profession] section): bit (1u << measure) is set
 * for each inami_measure counted. INAMI_ENOPROFESSION for an unknown
 * profession, INAMI_ENORULES when the ruleset does not define it.
 */
INAMI_EXTERN(int) inami_rules_profession_measures(const inami_ruleset *rules, inami_profession profession,
	unsigned int *measures);

/** Label of a tier id ("base") in a language; the id itself when none is known, NULL for NULL arguments. */
INAMI_EXTERN(const char *) inami_rules_tier_label(const inami_ruleset *rules,
	const char *tier_id, inami_lang lang);

/** Number of doctors' specialties known to the ruleset. */
INAMI_EXTERN(size_t) inami_rules_specialty_count(const inami_ruleset *rules);

/**
 * Id and label of specialty `index` (ids such as "general_practice"); the
 * strings live as long as the ruleset. INAMI_ERANGE beyond the count.
 */
INAMI_EXTERN(int) inami_rules_specialty(const inami_ruleset *rules, size_t index, inami_lang lang,
	const char **id, const char **label);

/**
 * Why a profession-year has no usable amounts: the note the data gives
 * ("NOT FOUND: ...") or a generic sentence. Returns INAMI_OK and sets
 * `*available` to 1 when amounts exist.
 */
INAMI_EXTERN(int) inami_rules_year_status(const inami_ruleset *rules, inami_profession profession,
	int year, int *available, const char **note);

/**
 * A dated legal figure beside the premium, from the rules' `[law SUBJECT from
 * YEAR]` sections: `subject` "exit_taxation" (keys inami_levy,
 * solidarity_levy_min, solidarity_levy_max, annuity_base_full_career,
 * annuity_base_other, annuity_rate.AGE_AGE, annuity_years.AGE_AGE) or
 * "solidarity_minimum" (keys social_pension, income_replacement,
 * death_cover). `year` picks the section in force (0: the latest one). Set
 * `out->version` first. Percentages come in basis points, counts in
 * hundredths; a figure the sources do not give has provenance
 * INAMI_PROV_NOT_FOUND and value 0. A layer changes these figures like any
 * other (`[law exit_taxation from 2004 override]`). INAMI_EINVAL for an
 * unknown subject, INAMI_ENORULES when no section is in force, INAMI_ENOTFOUND
 * for an unknown key.
 */
INAMI_EXTERN(int) inami_rules_law_figure(const inami_ruleset *rules, const char *subject, int year, const char *key,
	inami_figure *out);

INAMI_END_DECL

#endif
