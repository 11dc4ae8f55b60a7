/** @file
 * allocate.h: how a premium paid into a contract is split between entry fee,
 * solidarity and pension, the products that receive it, and what the pension
 * part is worth at retirement after the exit levies.
 *
 * Units. Money is integer cents (int64_t). Percentages are integer basis
 * points (int32_t): 1 % = 100 bp, 100 % = 10000 bp, so 0.75 % is 75 and a
 * 10 % solidarity share is 1000. INAMI_BP_UNSET (-1) marks a percentage that
 * is not given (or NOT FOUND in a products file).
 *
 * Rounding. Every computed part is rounded half-up to the cent from the exact
 * product amount x bp / 10000 (all such products are non-negative here):
 *   fees        = round(premium x entry_fee / 10000)
 *   solidarity  = round(base x solidarity_share / 10000), base = premium - fees
 *                 (or the premium itself with INAMI_SOLIDARITY_ON_PREMIUM)
 *   pension     = premium - fees - solidarity   (never rounded: the three parts
 *                 add up to the premium exactly)
 * The projection rounds the same way once per deposit and per year.
 *
 * Legal figures (the solidarity minimum, the INAMI levy, the solidarity
 * levy, the notional-annuity base and the notional annuity rates by age)
 * are not in this code: they are sourced rows of
 * the [law] sections of libinami/data/law.rules (see inami_rules_law_figure).
 */
#ifndef INAMI_ALLOCATE_H
#define INAMI_ALLOCATE_H

#include "common.h"

INAMI_BEGIN_DECL

/** A percentage in basis points that is not given / NOT FOUND. */
#define INAMI_BP_UNSET (-1)

/**
 * Parse a percentage with at most two decimals ("10", "0.75", "2.50%") into
 * basis points. A trailing '%' is accepted. Negative values are refused
 * (INAMI_ENEGATIVE), anything else malformed gives INAMI_EINVAL.
 */
INAMI_EXTERN(int) inami_percent_parse(const char *text, int32_t *bp);

/** Format basis points as a percentage without the sign ("0.75", "10"); INAMI_EBUFS if too small. */
INAMI_EXTERN(int) inami_percent_format(int32_t bp, char *buf, size_t size);

/**
 * Contract types that may receive the INAMI premium (docs/sources/
 * allocation.md). Text ids: "social_pension", "income_replacement", "death_cover".
 */
typedef enum inami_contract_type {
	INAMI_CONTRACT_SOCIAL_PENSION = 0,    /**< convention de pension sociale / sociaal VAPZ */
	INAMI_CONTRACT_INCOME_REPLACEMENT = 1,/**< revenu garanti / gewaarborgd inkomen */
	INAMI_CONTRACT_DEATH_COVER = 2        /**< overlijdensverzekering */
} inami_contract_type;

/** Number of contract types. */
#define INAMI_CONTRACT_TYPE_COUNT 3

/** Text id of a contract type, NULL if unknown. */
INAMI_EXTERN(const char *) inami_contract_type_id(inami_contract_type type);

/** Parse a contract type id (INAMI_EINVAL naming the accepted ids otherwise). */
INAMI_EXTERN(int) inami_contract_type_from_id(const char *id, inami_contract_type *out);

/** Label of a contract type in a language, NULL if unknown. */
INAMI_EXTERN(const char *) inami_contract_type_label(inami_contract_type type, inami_lang lang);

/**
 * The minimum solidarity share for a contract type, from the embedded rules
 * (the latest [law solidarity_minimum] section, libinami/data/law.rules; with
 * other rules or for a given year: inami_rules_law_figure()).
 * `*bp` is INAMI_BP_UNSET when no minimum is known for that type (then none is
 * enforced). `provenance`, `source` and `note` (static strings, may be NULL
 * arguments) tell where the figure comes from; the note records the conflict
 * between the sources on that minimum (docs/sources/allocation.md).
 */
INAMI_EXTERN(int) inami_solidarity_minimum(inami_contract_type type, int32_t *bp,
	inami_provenance *provenance, const char **source, const char **note);

/** What the solidarity share is a percentage of. */
typedef enum inami_solidarity_base {
	INAMI_SOLIDARITY_ON_NET = 0,     /**< the premium after the entry fee (default) */
	INAMI_SOLIDARITY_ON_PREMIUM = 1  /**< the whole premium */
} inami_solidarity_base;

/** Version of inami_alloc_terms. */
#define INAMI_ALLOC_TERMS_VERSION 1

/**
 * The terms of a contract that split a premium. With a product
 * (inami_allocate_product, inami_project_product) every field left
 * INAMI_BP_UNSET is taken from the product; an explicit value overrides it.
 */
typedef struct inami_alloc_terms {
	unsigned int version;  /**< INAMI_ALLOC_TERMS_VERSION */
	inami_contract_type contract_type; /**< kind of contract the premium is paid into */
	int32_t solidarity_bp;     /**< share of the base going to solidarity */
	int32_t entry_fee_bp;      /**< entry fee, percent of the premium */
	inami_solidarity_base solidarity_base; /**< what the solidarity share is taken from */
} inami_alloc_terms;

/** Initialiser of inami_alloc_terms: its version set and every other field at its default. */
#define INAMI_ALLOC_TERMS_INIT { INAMI_ALLOC_TERMS_VERSION, INAMI_CONTRACT_SOCIAL_PENSION, \
	INAMI_BP_UNSET, INAMI_BP_UNSET, INAMI_SOLIDARITY_ON_NET }

/** Initialise `terms` as INAMI_ALLOC_TERMS_INIT does (INAMI_EVERSION for an unknown version). */
INAMI_EXTERN(int) inami_alloc_terms_init(inami_alloc_terms *terms, unsigned int version);

/** Version of inami_allocation. */
#define INAMI_ALLOCATION_VERSION 1

/** A split premium; the parts add up to premium_cents exactly. Set `version` before a call. */
typedef struct inami_allocation {
	unsigned int version;  /**< INAMI_ALLOCATION_VERSION, set by the caller */
	int64_t premium_cents; /**< the premium split */
	int64_t fees_cents;    /**< entry fees */
	int64_t solidarity_cents; /**< solidarity part */
	int64_t pension_cents; /**< pension part */
	int32_t entry_fee_bp;      /**< the terms applied */
	int32_t solidarity_bp; /**< solidarity share applied */
} inami_allocation;

/** Initialiser of inami_allocation: its version set and every other field at its default. */
#define INAMI_ALLOCATION_INIT { INAMI_ALLOCATION_VERSION, 0, 0, 0, 0, 0, 0 }

/** Initialise `allocation` as INAMI_ALLOCATION_INIT does (INAMI_EVERSION for an unknown version). */
INAMI_EXTERN(int) inami_allocation_init(inami_allocation *allocation, unsigned int version);

/**
 * Split `premium_cents` by `terms` (rounding rule at the top of this header).
 * Errors: INAMI_ENEGATIVE (negative premium or percentage), INAMI_ERANGE (a
 * share or fee above 100 %, fee + solidarity above the premium, or a
 * solidarity share below the minimum of a social pension contract),
 * INAMI_ENORULES (entry fee or solidarity share not given), INAMI_EOVERFLOW,
 * INAMI_EINVAL (unknown contract type or base), INAMI_EVERSION.
 */
INAMI_EXTERN(int) inami_allocate(int64_t premium_cents, const inami_alloc_terms *terms,
	inami_allocation *out);

/* ------------------------------------------------------------------------ */
/* Products                                                                  */

/**
 * A set of insurance products loaded from a products file (format in
 * docs/allocation.md). Read-only once loaded; safe to share between threads.
 */
typedef struct inami_products inami_products;

/** Load a products file. On error `*out` is NULL and the message says file:line and why. */
INAMI_EXTERN(int) inami_products_load_file(inami_products **out, const char *path);

/** Load products from a buffer; `name` names it in messages (NULL gives "<buffer>"). */
INAMI_EXTERN(int) inami_products_load_buffer(inami_products **out, const char *data, size_t len,
	const char *name);

/** Free products (NULL is ignored). */
INAMI_EXTERN(void) inami_products_free(inami_products *products);

/** Number of products, in file order. */
INAMI_EXTERN(size_t) inami_products_count(const inami_products *products);

/** Index of product `id`; INAMI_ENOTFOUND (message lists the known ids) if unknown. */
INAMI_EXTERN(int) inami_products_find(const inami_products *products, const char *id, size_t *index);

/*
 * Text fields of product `index`: NULL when the index is out of range; the
 * strings live as long as `products`.
 */
/** Id of product `index` ("example_pension"). */
INAMI_EXTERN(const char *) inami_products_id(const inami_products *products, size_t index);
/** Insurer of product `index`. */
INAMI_EXTERN(const char *) inami_products_insurer(const inami_products *products, size_t index);
/** Commercial name of product `index`. */
INAMI_EXTERN(const char *) inami_products_name(const inami_products *products, size_t index);
/** Solidarity benefits as comma-separated ids ("premium_waiver,incapacity_rent"), "" if none given. */
INAMI_EXTERN(const char *) inami_products_benefits(const inami_products *products, size_t index);
/** Source URL(s) of the product's figures. */
INAMI_EXTERN(const char *) inami_products_source(const inami_products *products, size_t index);
/** Free note (caveats, what is NOT FOUND), "" if none. */
INAMI_EXTERN(const char *) inami_products_note(const inami_products *products, size_t index);

/** Contract type, provenance, and whether the product is marked as an example. */
INAMI_EXTERN(int) inami_products_info(const inami_products *products, size_t index,
	inami_contract_type *type, inami_provenance *provenance, int *example);

/** The percentage figures of a product. */
typedef enum inami_product_figure {
	INAMI_PRODUCT_SOLIDARITY_SHARE = 0,
	INAMI_PRODUCT_ENTRY_FEE = 1,
	INAMI_PRODUCT_MANAGEMENT_FEE = 2,   /**< yearly, on the reserve */
	INAMI_PRODUCT_PROFIT_SHARING = 3    /**< yearly assumption on the reserve (optional) */
} inami_product_figure;

/**
 * A percentage figure of product `index` in basis points. INAMI_ENORULES when
 * the file marks it not_found or does not give it (never guessed).
 */
INAMI_EXTERN(int) inami_products_figure(const inami_products *products, size_t index,
	inami_product_figure figure, int32_t *bp);

/** Number of guaranteed rates the product gives (dated and undated). */
INAMI_EXTERN(size_t) inami_products_rate_count(const inami_products *products, size_t index);

/** Guaranteed rate `k`: deposit year (0 for a rate whose year the source does not state) and bp. */
INAMI_EXTERN(int) inami_products_rate_at(const inami_products *products, size_t index, size_t k,
	int *deposit_year, int32_t *bp);

/** Let a product's rate stand for deposit years the file does not date (see inami_products_rate). */
#define INAMI_RATE_ASSUME 0x1u

/**
 * The guaranteed rate for deposits made in `deposit_year`. Only a rate dated
 * that year is used unless `flags` has INAMI_RATE_ASSUME: then the latest
 * earlier dated rate, or else the undated rate, stands for it and
 * `*assumed` is set to 1. INAMI_ENORULES when no rate applies.
 */
INAMI_EXTERN(int) inami_products_rate(const inami_products *products, size_t index,
	int deposit_year, unsigned int flags, int32_t *bp, int *assumed);

/**
 * Split a premium with the terms of product `id` (unset fields of `terms`
 * come from the product; `terms` may be NULL). INAMI_ENOTFOUND for an unknown
 * product, INAMI_ENORULES when a figure needed is NOT FOUND in the file and
 * not given in `terms`.
 */
INAMI_EXTERN(int) inami_allocate_product(const inami_products *products, const char *id,
	int64_t premium_cents, const inami_alloc_terms *terms, inami_allocation *out);

/* ------------------------------------------------------------------------ */
/* Projection to retirement                                                  */

/** Version of inami_projection_input. */
#define INAMI_PROJECTION_INPUT_VERSION 1

/**
 * Yearly premiums and what happens to them until the exit.
 *
 * premiums_cents[i] is paid into the contract in deposit year
 * first_deposit_year + i; each is split by `terms` and its pension part earns
 * interest for (exit_year - deposit year) whole years (deposit on 1 January,
 * capital valued on 1 January of exit_year) at its own guaranteed rate:
 * rates_bp[i] when rate_count == premium_count, rates_bp[0] for every deposit
 * when rate_count == 1, or (rates_bp NULL, rate_count 0) the product's rate.
 * Each year: interest = round(reserve x rate), profit = round(reserve x
 * profit_sharing), fee = round(reserve x management_fee); reserve += interest
 * + profit - fee.
 */
typedef struct inami_projection_input {
	unsigned int version;  /**< INAMI_PROJECTION_INPUT_VERSION */
	const int64_t *premiums_cents; /**< yearly premiums, one per deposit year */
	size_t premium_count;  /**< number of premiums */
	const int32_t *rates_bp; /**< guaranteed rates (see above), or NULL */
	size_t rate_count;     /**< premium_count, 1 or 0 */
	int first_deposit_year; /**< deposit year of premiums_cents[0] */
	int exit_year;                 /**< > the last deposit year - 1; capital valued on 1 January */
	inami_alloc_terms terms; /**< how each premium is split */
	int32_t management_fee_bp;     /**< yearly; INAMI_BP_UNSET = from the product (required) */
	int32_t profit_sharing_bp;     /**< yearly assumption; INAMI_BP_UNSET = product's, else none */
	int age_at_exit;               /**< age when the capital is paid; -1 = not given (no annuity) */
	int active_until_legal_age;    /**< worked until legal pension age: annuity on 80 % (data) */
	int32_t solidarity_levy_bp;    /**< 0-2 % levy actually due; INAMI_BP_UNSET = the maximum */
	unsigned int flags;            /**< INAMI_RATE_ASSUME */
} inami_projection_input;

/** Initialiser of inami_projection_input: its version set and every other field at its default. */
#define INAMI_PROJECTION_INPUT_INIT { INAMI_PROJECTION_INPUT_VERSION, NULL, 0, NULL, 0, 0, 0, \
	INAMI_ALLOC_TERMS_INIT, INAMI_BP_UNSET, INAMI_BP_UNSET, -1, 0, INAMI_BP_UNSET, 0u }

/** Initialise `input` as INAMI_PROJECTION_INPUT_INIT does (INAMI_EVERSION for an unknown version). */
INAMI_EXTERN(int) inami_projection_input_init(inami_projection_input *input, unsigned int version);

/** Flags of a projection result. */
#define INAMI_PROJ_RATES_ASSUMED 0x1u   /**< a product rate stood for an undated deposit year */
#define INAMI_PROJ_LEVY_MAXIMUM 0x2u    /**< the solidarity levy was not given: its maximum was applied */
#define INAMI_PROJ_NO_ANNUITY 0x4u      /**< no age given: the notional annuity was not computed */

/** Version of inami_projection. */
#define INAMI_PROJECTION_VERSION 1

/** Capital at the exit and its taxation. Set `version` before a call. */
typedef struct inami_projection {
	unsigned int version;  /**< INAMI_PROJECTION_VERSION, set by the caller */
	int64_t premiums_cents;         /**< sum of the premiums */
	int64_t fees_cents;             /**< entry fees */
	int64_t solidarity_cents;       /**< solidarity parts */
	int64_t pension_cents;          /**< pension parts deposited */
	int64_t interest_cents;         /**< guaranteed interest credited */
	int64_t profit_sharing_cents;   /**< profit sharing credited */
	int64_t management_fees_cents;  /**< management fees taken from the reserve */
	int64_t capital_cents;          /**< gross capital at the exit */
	int32_t inami_levy_bp; /**< INAMI levy rate applied to the capital */
	int64_t inami_levy_cents;       /**< round(capital x INAMI levy) */
	int32_t solidarity_levy_bp; /**< solidarity levy rate applied to the capital */
	int64_t solidarity_levy_cents;  /**< round(capital x solidarity levy) */
	int64_t net_capital_cents;      /**< capital - both levies */
	int32_t annuity_base_bp;        /**< share of the taxable capital in the notional-annuity base */
	int64_t annuity_base_cents;     /**< round((capital - profit sharing) x annuity_base_bp) */
	int32_t annuity_rate_bp;        /**< notional annuity rate for the age at exit */
	int annuity_years;              /**< years the notional annuity is added to taxable income */
	int64_t annuity_yearly_cents;   /**< round(annuity base x rate): added to taxable income each year */
	unsigned int flags;             /**< INAMI_PROJ_* */
} inami_projection;

/** Initialiser of inami_projection: its version set and every other field at its default. */
#define INAMI_PROJECTION_INIT { INAMI_PROJECTION_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, \
	0, 0, 0, 0u }

/** Initialise `projection` as INAMI_PROJECTION_INIT does (INAMI_EVERSION for an unknown version). */
INAMI_EXTERN(int) inami_projection_init(inami_projection *projection, unsigned int version);

/**
 * Project `input` (every term given explicitly; rates_bp required).
 * Errors: INAMI_ENEGATIVE, INAMI_ERANGE (rate or levy outside its range,
 * exit before a deposit, age outside 0-130), INAMI_ENORULES (a term or the
 * management fee not given), INAMI_EOVERFLOW, INAMI_EINVAL, INAMI_EVERSION.
 */
INAMI_EXTERN(int) inami_project(const inami_projection_input *input, inami_projection *out);

/** Project with product `id`: unset terms, fees, profit sharing and (rates_bp NULL) rates come from it. */
INAMI_EXTERN(int) inami_project_product(const inami_products *products, const char *id,
	const inami_projection_input *input, inami_projection *out);

/**
 * An exit-taxation figure of the embedded rules (the latest [law
 * exit_taxation] section, libinami/data/law.rules): "inami_levy",
 * "solidarity_levy_min", "solidarity_levy_max", "annuity_base_full_career",
 * "annuity_base_other". Strings are static. INAMI_ENOTFOUND for an unknown id.
 * With other rules or for a given year: inami_rules_law_figure().
 */
INAMI_EXTERN(int) inami_exit_figure(const char *id, int32_t *bp, inami_provenance *provenance,
	const char **source);

/**
 * Notional annuity rate and number of years for an age at exit, from the
 * embedded rules as inami_exit_figure() (INAMI_ENORULES if no row covers the age).
 */
INAMI_EXTERN(int) inami_exit_annuity_rate(int age, int32_t *bp, int *years,
	inami_provenance *provenance, const char **source);

INAMI_END_DECL

#endif
