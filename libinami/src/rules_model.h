/*
 * Internal: the ruleset in memory.
 *
 * Loading goes text -> sections (rules_parse.c: syntax, one entry per
 * `key = value` line, with its layer and line) -> model (rules_build.c:
 * meaning and validation). The sections are kept: layering merges them and
 * dumping writes them back out.
 */
#ifndef INAMI_RULES_MODEL_H
#define INAMI_RULES_MODEL_H

#include "inami/evaluate.h"
#include "inami/rules.h"
#include "pool.h"

/* ---- sections, as written ---- */

typedef enum section_kind {
	SECTION_LABELS,
	SECTION_PROFESSION,
	SECTION_THRESHOLDS,
	SECTION_AMOUNTS,
	SECTION_LAW                   /* [law SUBJECT from Y [to Z]]: dated legal figures (rules_law.c) */
} section_kind;

typedef struct entry {
	const char *key;
	const char *value;
	const char *layer;
	int line;
	int value_column;
} entry;

typedef struct section {
	section_kind kind;
	inami_profession profession;  /* PROFESSION, THRESHOLDS, AMOUNTS */
	int from, to;                 /* THRESHOLDS: years (to 0 = open); AMOUNTS: from = to = year */
	int override;                 /* replaces keys of the same section in a lower layer */
	char subject[32];             /* LAW: "exit_taxation", "solidarity_minimum" */
	const char *layer;
	int line;
	entry *entries;
	size_t count, cap;
} section;

/* ---- model ---- */

/* A tier minimum may be a number or the doctor's specialty threshold. */
typedef enum specialty_ref {
	SPECIALTY_NONE = 0,
	SPECIALTY_FULL = 1,
	SPECIALTY_REDUCED = 2
} specialty_ref;

typedef struct tier_rule {
	const char *id;
	int trainee_only;
	int has_min[INAMI_MEASURE_COUNT];
	inami_figure min[INAMI_MEASURE_COUNT];
	specialty_ref specialty[INAMI_MEASURE_COUNT];
} tier_rule;

typedef struct specialty_threshold {
	const char *id;
	int has_full, has_reduced;    /* 0 when NOT FOUND */
	inami_figure full, reduced;
} specialty_threshold;

/*
 * A disputed reading (rules_readings.c): the section keeps the default
 * reading's values and gives the other reading's as `KEY.conflict`.
 * `id` is NULL when the section declares no reading.
 */
typedef struct reading_rule {
	const char *id;               /* reading.default: the reading the values follow */
	const char *alt_id;           /* reading.alternative: the one the .conflict values follow */
	const char *reason;           /* reading.reason: why the default is the default */
	const char *alt_note;         /* reading.alternative.note: what the other reading says ("" if none) */
} reading_rule;

typedef struct threshold_set {
	inami_profession profession;
	int from, to;
	const char *source;
	tier_rule *tiers;
	size_t tier_count;
	int has_max[INAMI_MEASURE_COUNT];
	inami_figure max[INAMI_MEASURE_COUNT];
	specialty_threshold *specialties;
	size_t specialty_count;
	const char *minimums_reduced; /* why the minimums were lowered by an unknown amount, or NULL */
	inami_figure minimums_reduced_fig;
	const char *incomplete;       /* why lower tiers are missing, or NULL */
	int specialties_from;         /* take the specialty thresholds this set lacks from that year's set */
	const entry *specialties_from_entry;
	reading_rule reading;         /* the tier minimums' .conflict values form the alternative reading */
	int carried_to;               /* last premium year a source confirms (carried.confirmed_to); 0 = all */
	const char *carried_note;     /* carried.note: what is known of the later years, or NULL */
} threshold_set;

typedef struct amount_item {
	const char *tier;
	int known;
	inami_figure figure;
} amount_item;

typedef struct amount_set {
	inami_profession profession;
	int year;
	int available;                /* 0: the year is recorded as NOT FOUND */
	const char *note;
	amount_item *items;
	size_t count;
	const threshold_set *thresholds;
} amount_set;

typedef enum partial_mode {
	PARTIAL_NONE = 0,   /* partial conventioning does not exist for the profession */
	PARTIAL_SAME = 1,   /* partially conventioned providers get the same amounts */
	PARTIAL_TIER = 2    /* they get one tier, if they reach another tier's thresholds */
} partial_mode;

typedef enum retired_mode {
	RETIRED_NOT_FOUND = 0,
	RETIRED_SAME_AMOUNT = 1
} retired_mode;

typedef struct profession_rules {
	int defined;
	const char *label[3];
	const char *alias[3];         /* alias.en/fr/nl: other names, comma-separated; NULL if none */
	unsigned measures;            /* bit per inami_measure */
	inami_figure convention;      /* the whole-year adhesion rule (source) */
	partial_mode partial;
	const char *partial_tier, *partial_requires;
	inami_figure partial_fig;
	inami_figure pro_rata;        /* complete months; provenance and source of that rule */
	retired_mode retired;
	int retired_from;
	inami_figure retired_fig;
	const char *trainee_tier;
	int trainee_exempt;
	inami_figure trainee_fig;
	int has_exempt_years;
	inami_figure exempt_years;    /* value in hundredths of a year count */
	int employment_required;      /* inami_employment or 0 */
	inami_figure employment_fig;
	int has_sanction;
	inami_figure sanction_fig;
	int has_contract;
	inami_figure contract_fig;
	reading_rule reading;         /* partial_convention.requires.conflict forms the alternative reading */
	const char *partial_requires_alt;   /* the tier the alternative reading requires, or NULL */
	inami_figure partial_requires_alt_fig;
} profession_rules;

typedef struct label3 {
	const char *id;
	const char *text[3];
} label3;

struct inami_ruleset {
	pool mem;
	int is_default;
	const char **layers;
	size_t layer_count;
	section *sections;
	size_t section_count;
	profession_rules professions[INAMI_PROFESSION_COUNT + 1];
	threshold_set *thresholds;
	size_t threshold_count;
	amount_set *amounts;
	size_t amount_count;
	label3 *tier_labels;
	size_t tier_label_count;
	label3 *specialties;
	size_t specialty_count;
};

/* rules_parse.c: parse one file or buffer into sections appended to `out`. */
typedef struct section_list {
	section *items;
	size_t count, cap;
} section_list;

int inami__rules_parse(pool *mem, const char *layer, const char *text, size_t len, section_list *out);

/* Add `s` to the list; 0 on success, -1 when out of memory. */
int inami__section_list_push(section_list *list, const section *s);
void inami__section_list_free(section_list *list);

/* Look up a key in a section (NULL when absent). */
const entry *inami__section_find(const section *s, const char *key);

/* rules_build.c: build the model of `rs` from rs->sections; on error the model is partial. */
int inami__rules_build(inami_ruleset *rs);

/* rules_readings.c: read `reading.*` keys and the conflicts they gather (INAMI_OK or a parse error). */
/* 1 when `key` is a figure's provenance, source or note (or conflict, when `with_conflict`), not a figure. */
int inami__rules_key_is_meta(const char *key, int with_conflict);

/* Cut `value` at up to three '|' into at most 4 trimmed parts (pointers into value); returns the count. */
size_t inami__rules_split_bars(const char *value, const char *parts[4], size_t lens[4]);

int inami__readings_read_profession(inami_ruleset *rs, const section *s, profession_rules *pr);
int inami__readings_read_thresholds(inami_ruleset *rs, const section *s, threshold_set *ts);
/* rules_law.c: validate the [law] sections (known subjects and keys, figures, periods that do not overlap). */
int inami__rules_law_check(inami_ruleset *rs);
/* rules_law.c: is `word` a known subject of [law] sections? */
int inami__rules_law_subject_known(const char *word, size_t len);
/* rules_law.c: the notional annuity rate for an age at exit (and the years it is taxed) in force in `year`. */
int inami__rules_law_annuity(const inami_ruleset *rs, int year, int age, inami_figure *rate, int *years);
/* rules_build.c: the provenance, source and note of a rule written as text (entry `e`). */
int inami__rules_figure_meta(inami_ruleset *rs, const section *s, const entry *e, inami_figure *fig);
/* dossier_calendar.c: 0 when `rule` is a calendar rule of `milestone` ("start", "N+1-08-31", "+60d"...). */
int inami__calendar_rule_check(const char *milestone, const char *rule, int year);

/*
 * 1 when `key` is one of the single figures (not an age table) of the [law]
 * subject; the list of those figures ("a, b, c") into `known`.
 */
int inami__law_single_key(const char *subject, const char *key, char *known, size_t size);

/*
 * A calendar key "pharmacist.decision" or "all.decision": the profession
 * (NONE for all) into *prof and what follows the dot into *milestone; 0, -1
 * when the key has no PROFESSION. part, -2 for an unknown profession (named in who).
 */
int inami__calendar_split_key(const char *key, inami_profession *prof, char who[32], const char **milestone);
/* rules_build.c: the figure of entry `e` of section `s` (value or not_found, with provenance and source). */
int inami__rules_figure(inami_ruleset *rs, const section *s, const entry *e, inami_figure *fig, int *known);

/* rules_validate.c: checks across sections (overlapping periods, amounts rising with the tier...). */
int inami__rules_validate(inami_ruleset *rs);
/* rules_build.c: `layer:line:column: message` parse errors at an entry's value, its key, a section's heading. */
int inami__rules_fail_entry(const entry *e, const char *fmt, ...);
int inami__rules_fail_key(const entry *e, const char *fmt, ...);
int inami__rules_fail_section(const section *s, const char *fmt, ...);
/* rules_build.c: the provenance named `text` (an error at `e` when unknown). */
int inami__rules_parse_provenance(const entry *e, const char *text, inami_provenance *out);

/* rules_query.c: lookups used by the evaluator. */
const amount_set *inami__rules_find_amounts(const inami_ruleset *rs, inami_profession p, int year);
const threshold_set *inami__rules_find_thresholds(const inami_ruleset *rs, inami_profession p, int year);
const specialty_threshold *inami__rules_find_specialty(const threshold_set *ts, const char *id);
const label3 *inami__rules_find_specialty_label(const inami_ruleset *rs, const char *id);
int inami__rules_check_profession(const inami_ruleset *rs, inami_profession p);
/* The note of a NOT FOUND year without its opening "NOT FOUND in the sources" (said by the message). */
const char *inami__rules_not_found_why(const char *note);

/* Section heading as written: "[amounts physiotherapist 2022]". */
void inami__rules_section_heading(const section *s, char *buf, size_t size);

#endif
