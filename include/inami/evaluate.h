/** @file
 * evaluate.h: is a provider entitled to the statut social for a premium year,
 * which tier, how much, paid to whom - and why, condition by condition.
 */
#ifndef INAMI_EVALUATE_H
#define INAMI_EVALUATE_H

#include "common.h"
#include "rules.h"

INAMI_BEGIN_DECL

/** Marks an activity figure or a count in inami_eval_input as not given. */
#define INAMI_UNSET (-1)

/** Adhesion to the national agreement or convention. */
typedef enum inami_convention {
	INAMI_CONVENTION_FULL = 0,    /**< fully conventioned (the default) */
	INAMI_CONVENTION_PARTIAL = 1, /**< partially conventioned (doctors, dentists) */
	INAMI_CONVENTION_NONE = 2     /**< not conventioned */
} inami_convention;

/** Professional status, where a profession's rules depend on it (nurses). */
typedef enum inami_employment {
	INAMI_EMPLOYMENT_UNSPECIFIED = 0,
	INAMI_EMPLOYMENT_SELF_EMPLOYED_MAIN = 1,
	INAMI_EMPLOYMENT_SELF_EMPLOYED_COMPLEMENTARY = 2,
	INAMI_EMPLOYMENT_EMPLOYEE = 3
} inami_employment;

/** Version of inami_eval_input. */
#define INAMI_EVAL_INPUT_VERSION 1

/**
 * What is known of a provider for one premium year. Initialise with
 * INAMI_EVAL_INPUT_INIT or inami_eval_input_init(): every activity figure is
 * then INAMI_UNSET (not given), the provider fully conventioned for the whole
 * year, not retired, not in training. Any other negative figure is an error.
 * Activity figures are in their measure's unit (see inami_measure): a key-letter
 * total from inami_billing_results() is passed here as it is.
 */
typedef struct inami_eval_input {
	unsigned int version;  /**< INAMI_EVAL_INPUT_VERSION */
	inami_profession profession; /**< the provider's profession */
	int premium_year;      /**< the premium year evaluated */
	int64_t prestations;       /**< reimbursed prestations in the premium year (whole) */
	int64_t m_values;          /**< M key-letter total in hundredths (physiotherapists; M 24 is 2400) */
	int64_t r_values;          /**< R key-letter total in hundredths (speech therapists) */
	int64_t v_values;          /**< V key-letter total in hundredths (midwives) */
	int64_t reimbursed_cents;  /**< amount reimbursed by the insurance, in cents */
	int64_t hours_per_week;    /**< average hours per week over the year in hundredths (pharmacists; 38 h is 3800) */
	inami_convention convention; /**< adhesion to the agreement or convention */
	inami_date convention_start; /**< adhesion start when inside the year; 0 = whole year */
	inami_date convention_end;   /**< adhesion end when inside the year; 0 = whole year */
	inami_date first_number;     /**< date the first INAMI number was granted; 0 = not given */
	int retired;                 /**< 1: has taken the legal retirement pension */
	int trainee;                 /**< 1: doctor in training (GP or specialist) on 31 December */
	const char *specialty;       /**< doctors: specialty id (see inami_rules_specialty) */
	inami_employment employment; /**< kind of employment, where the rules look at it */
	int sanctioned;              /**< 1: a sanction excluding the year was imposed */
	int contracts;               /**< eligible insurance contracts linked; INAMI_UNSET = not given */
} inami_eval_input;

/** Initialiser of inami_eval_input: its version set and every other field at its default. */
#define INAMI_EVAL_INPUT_INIT { INAMI_EVAL_INPUT_VERSION, INAMI_PROFESSION_NONE, 0, \
	INAMI_UNSET, INAMI_UNSET, INAMI_UNSET, INAMI_UNSET, INAMI_UNSET, INAMI_UNSET, \
	INAMI_CONVENTION_FULL, 0, 0, 0, 0, 0, NULL, INAMI_EMPLOYMENT_UNSPECIFIED, 0, INAMI_UNSET }

/** Initialise `input` as INAMI_EVAL_INPUT_INIT does (INAMI_EVERSION if unknown version). */
INAMI_EXTERN(int) inami_eval_input_init(inami_eval_input *input, unsigned int version);

/** Version of inami_eval_options. */
#define INAMI_EVAL_OPTIONS_VERSION 1

/** Allow answers that rest on DERIVED figures (estimates computed from other figures). */
#define INAMI_EVAL_ALLOW_DERIVED 0x1u

/** How to evaluate. NULL options mean the defaults (INAMI_EVAL_OPTIONS_INIT). */
typedef struct inami_eval_options {
	unsigned int version;  /**< INAMI_EVAL_OPTIONS_VERSION */
	unsigned int flags;      /**< INAMI_EVAL_ALLOW_DERIVED */
	inami_lang lang;         /**< language of labels and explanations */
} inami_eval_options;

/** Initialiser of inami_eval_options: its version set and every other field at its default. */
#define INAMI_EVAL_OPTIONS_INIT { INAMI_EVAL_OPTIONS_VERSION, 0u, INAMI_LANG_EN }

/** Initialise `options` as INAMI_EVAL_OPTIONS_INIT does (INAMI_EVERSION for an unknown version). */
INAMI_EXTERN(int) inami_eval_options_init(inami_eval_options *options, unsigned int version);

/** Who receives the money. */
typedef enum inami_payee {
	INAMI_PAYEE_NONE = 0,               /**< nothing is paid */
	INAMI_PAYEE_INSURANCE_CONTRACT = 1, /**< into the provider's pension/solidarity contract */
	INAMI_PAYEE_BANK_ACCOUNT = 2        /**< avantage de convention of a retired provider */
} inami_payee;

/** "none", "insurance_contract", "bank_account"; NULL if unknown. */
INAMI_EXTERN(const char *) inami_payee_id(inami_payee payee);

/** The outcome of one condition. */
typedef enum inami_check_state {
	INAMI_CHECK_FAILED = 0,          /**< the condition does not hold */
	INAMI_CHECK_HELD = 1,            /**< the condition holds */
	INAMI_CHECK_ASSUMED = 2,         /**< not given in the input; assumed to hold */
	INAMI_CHECK_NOT_APPLICABLE = 3,  /**< does not apply to this provider */
	INAMI_CHECK_ACTION = 4           /**< holds, but the provider or broker must act */
} inami_check_state;

/** "failed", "held", "assumed", "not_applicable", "action"; NULL if unknown. */
INAMI_EXTERN(const char *) inami_check_state_id(inami_check_state state);

/**
 * One condition checked, read with inami_result_check(); it points into the
 * result and lives as long as it (the library fills it, so it carries no
 * version: new fields are added at the end). When `has_values` is set,
 * `observed` and `threshold` are in the unit of `measure` (see inami_measure:
 * cents for reimbursed_eur, hundredths for key-letter values and hours).
 */
typedef struct inami_check {
	const char *id;          /**< stable id: "conventioned", "minimum_activity", ... */
	inami_check_state state; /**< passed, failed or not applicable */
	int blocking;            /**< 1: a FAILED blocking check makes the provider ineligible */
	const char *label;       /**< short label in the requested language */
	const char *detail;      /**< the explanation with the figures compared */
	int has_values;          /**< 1: measure, observed and threshold are set */
	inami_measure measure;   /**< INAMI_MEASURE_NONE when has_values is 0 */
	int64_t observed;      /**< the provider's figure (when has_values) */
	int64_t threshold;     /**< the figure it was compared with (when has_values) */
	int rule_year;           /**< premium year of the rule applied, 0 if none */
	const char *source;      /**< source of the rule, "" if none */
} inami_check;

/**
 * An evaluation result: immutable once made, so one result may be read from
 * several threads at once. Free it with inami_result_free().
 */
typedef struct inami_result inami_result;

/**
 * Evaluate `input` against `rules`. On success `*out` holds a result (the
 * provider may be eligible or not). Errors: INAMI_ENULL, INAMI_EVERSION,
 * INAMI_ENOPROFESSION, INAMI_ENORULES (no rules for that profession and
 * year, or a needed figure is NOT FOUND), INAMI_ENEGATIVE, INAMI_EINVAL (bad
 * date, unknown specialty...), INAMI_EDERIVED (the answer rests on a DERIVED
 * figure and INAMI_EVAL_ALLOW_DERIVED is not set).
 */
INAMI_EXTERN(int) inami_evaluate(const inami_ruleset *rules, const inami_eval_input *input,
	const inami_eval_options *options, inami_result **out);

/**
 * As inami_evaluate(), applying `reading` where the sources dispute a rule or
 * a figure: the id of a reading in the rules ("reduced_threshold"). NULL
 * applies each dispute's default reading, chosen in the data with its reason
 * (inami_evaluate() does that). An id no rule declares is INAMI_EINVAL; one
 * that concerns another profession or year is noted and ignored. The verdict
 * under every reading of a dispute that concerns the evaluation is given
 * either way (inami_result_reading()).
 */
INAMI_EXTERN(int) inami_evaluate_reading(const inami_ruleset *rules, const inami_eval_input *input,
	const inami_eval_options *options, const char *reading, inami_result **out);

/** Free a result (NULL is ignored). */
INAMI_EXTERN(void) inami_result_free(inami_result *result);

/** 1 when the provider is entitled to an amount for the premium year. */
INAMI_EXTERN(int) inami_result_eligible(const inami_result *result);

/** Amount due in cents (after pro rata), 0 when not eligible. */
INAMI_EXTERN(int64_t) inami_result_amount_cents(const inami_result *result);

/** The tier's full-year amount in cents before pro rata, 0 when not eligible. */
INAMI_EXTERN(int64_t) inami_result_full_year_cents(const inami_result *result);

/** Complete months counted for a first-year pro rata (12 for a whole year). */
INAMI_EXTERN(int) inami_result_months(const inami_result *result);

/** Tier id reached, or NULL when not eligible. */
INAMI_EXTERN(const char *) inami_result_tier(const inami_result *result);

/** Label of the tier reached in the requested language, or NULL. */
INAMI_EXTERN(const char *) inami_result_tier_label(const inami_result *result);

/** Who receives the amount (INAMI_PAYEE_NONE when not eligible). */
INAMI_EXTERN(inami_payee) inami_result_payee(const inami_result *result);

/** Provenance of the amount (INAMI_PROV_NOT_FOUND when not eligible). */
INAMI_EXTERN(inami_provenance) inami_result_provenance(const inami_result *result);

/** Weakest provenance among every figure the answer rests on. */
INAMI_EXTERN(inami_provenance) inami_result_weakest_provenance(const inami_result *result);

/** Source of the amount ("" when not eligible). */
INAMI_EXTERN(const char *) inami_result_source(const inami_result *result);

/** Premium year of the amount applied. */
INAMI_EXTERN(int) inami_result_amount_year(const inami_result *result);

/** First premium year of the threshold rule applied (thresholds stay in force until changed). */
INAMI_EXTERN(int) inami_result_thresholds_year(const inami_result *result);

/**
 * 1 when the answer is only a lower bound: the thresholds of the year were
 * lowered by a percentage the sources do not give (COVID 2020), so a provider
 * below the ordinary thresholds may still be entitled.
 */
INAMI_EXTERN(int) inami_result_lower_bound(const inami_result *result);

/** Number of conditions checked. */
INAMI_EXTERN(size_t) inami_result_check_count(const inami_result *result);

/** Condition `index`, in the order checked; NULL when out of range. */
INAMI_EXTERN(const inami_check *) inami_result_check(const inami_result *result, size_t index);

/** Number of notes: conflicting sources, DERIVED or illustrative figures used, caveats. */
INAMI_EXTERN(size_t) inami_result_note_count(const inami_result *result);

/** Note `index` (lives as long as the result); NULL when out of range. */
INAMI_EXTERN(const char *) inami_result_note(const inami_result *result, size_t index);

/**
 * The next tier above the one reached (the lowest tier when none is
 * reached): its id, NULL when already at the top or when no higher tier
 * exists.
 */
INAMI_EXTERN(const char *) inami_result_next_tier(const inami_result *result);

/** The next tier's full-year amount in cents, 0 when there is no next tier. */
INAMI_EXTERN(int64_t) inami_result_next_tier_amount_cents(const inami_result *result);

/** Number of measures in which the next tier can be reached. */
INAMI_EXTERN(size_t) inami_result_missing_count(const inami_result *result);

/**
 * What is missing for the next tier in measure `index`: the measure, its
 * threshold and what is missing (threshold - observed, 0 when reached; the
 * whole threshold when the measure was not given), both in the measure's
 * unit. Any output pointer may be NULL. INAMI_ERANGE when out of range.
 */
INAMI_EXTERN(int) inami_result_missing(const inami_result *result, size_t index,
	inami_measure *measure, int64_t *threshold, int64_t *missing);

/**
 * The verdict under one reading of a disputed rule or figure, read with
 * inami_result_reading(); it points into the result and lives as long as it
 * (the library fills it, so it carries no version: new fields are added at
 * the end). Each dispute that concerns the evaluation gives two readings:
 * the one applied and the other.
 */
typedef struct inami_reading {
	const char *dispute;     /**< what is disputed: "partial_convention", "thresholds" */
	const char *id;          /**< the reading's id in the rules ("full_threshold") */
	int applied;             /**< 1: the result's verdict follows this reading */
	int is_default;          /**< 1: the rules' default reading for this dispute */
	int status;              /**< INAMI_OK, or why there is no verdict under this reading (INAMI_ENORULES...) */
	int eligible;            /**< the verdict under this reading */
	const char *tier;        /**< tier reached under this reading, NULL when not eligible */
	int64_t amount_cents;    /**< amount under this reading, 0 when not eligible */
	inami_provenance provenance; /**< weakest provenance among the figures this verdict rests on */
	const char *source;      /**< source of this reading */
	const char *note;        /**< default: why it is the default; other: what this reading says */
} inami_reading;

/** Number of readings given (two per dispute that concerns the evaluation; 0 when none). */
INAMI_EXTERN(size_t) inami_result_reading_count(const inami_result *result);

/** Reading `index`; NULL when out of range. */
INAMI_EXTERN(const inami_reading *) inami_result_reading(const inami_result *result, size_t index);

/** 1 when the verdict (eligibility, tier or amount) differs from one reading of a dispute to the other. */
INAMI_EXTERN(int) inami_result_disputed(const inami_result *result);

/**
 * 0 when a source confirms the thresholds applied for the premium year;
 * otherwise the last premium year a source confirms them for: they are
 * CARRIED into this year (in force until the data records a change, as
 * thresholds are, but restated by no source), and a note says so.
 */
INAMI_EXTERN(int) inami_result_carried_from(const inami_result *result);

/** Label of a check id ("conventioned") in a language; NULL for an unknown id. */
INAMI_EXTERN(const char *) inami_check_label(const char *check_id, inami_lang lang);

INAMI_END_DECL

#endif
