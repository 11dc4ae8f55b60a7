/* Projection of yearly premiums to the capital at retirement and its exit taxation. */
#include <string.h>

#include "allocate_internal.h"
#include "error.h"
#include "money.h"

int inami_projection_input_init(inami_projection_input *input, unsigned int version)
{
	INAMI_CHECK_NULL(input);
	INAMI_CHECK_VERSION(version, INAMI_PROJECTION_INPUT_VERSION, "inami_projection_input");
	inami_projection_input init = INAMI_PROJECTION_INPUT_INIT;
	*input = init;
	return INAMI_OK;
}

int inami_projection_init(inami_projection *projection, unsigned int version)
{
	INAMI_CHECK_NULL(projection);
	INAMI_CHECK_VERSION(version, INAMI_PROJECTION_VERSION, "inami_projection");
	inami_projection init = INAMI_PROJECTION_INIT;
	*projection = init;
	return INAMI_OK;
}

static int add(int64_t *acc, int64_t v)
{
	if (v > 0 && *acc > INT64_MAX - v)
		return inami__fail(INAMI_EOVERFLOW, "a projected amount does not fit in 64 bits");
	*acc += v;
	return INAMI_OK;
}

static int rate_ok(const char *what, int32_t bp)
{
	if (bp < 0)
		return inami__fail(INAMI_ENEGATIVE, "the %s is negative", what);
	if (bp > 10000)
		return inami__fail(INAMI_ERANGE, "the %s is above 100 %%", what);
	return INAMI_OK;
}

/*
 * The computation. `rates` holds one rate per premium. `terms` are complete.
 */
static int project(const inami_projection_input *in, const inami_alloc_terms *terms, const int32_t *rates,
	int32_t management_bp, int32_t profit_bp, unsigned int flags, inami_projection *out)
{
	inami_projection r = INAMI_PROJECTION_INIT;
	int st;
	int32_t levy_min, levy_max;

	r.flags = flags;
	if ((st = inami__terms_check(terms)) != INAMI_OK
		|| (st = rate_ok("management fee", management_bp)) != INAMI_OK
		|| (st = rate_ok("profit-sharing assumption", profit_bp)) != INAMI_OK)
		return st;
	int last_year = in->first_deposit_year + (int)in->premium_count - 1;
	if (in->exit_year < last_year)
		return inami__fail(INAMI_ERANGE, "the exit year %d is before the last deposit year %d",
			in->exit_year, last_year);
	if (in->exit_year - in->first_deposit_year > 100)
		return inami__fail(INAMI_ERANGE, "a projection covers at most 100 years (%d to %d)",
			in->first_deposit_year, in->exit_year);

	for (size_t i = 0; i < in->premium_count; i++) {
		inami_allocation a;
		if ((st = rate_ok("guaranteed rate", rates[i])) != INAMI_OK)
			return st;
		if ((st = inami__allocate(in->premiums_cents[i], terms, &a)) != INAMI_OK)
			return st;
		if ((st = add(&r.premiums_cents, a.premium_cents)) != INAMI_OK
			|| (st = add(&r.fees_cents, a.fees_cents)) != INAMI_OK
			|| (st = add(&r.solidarity_cents, a.solidarity_cents)) != INAMI_OK
			|| (st = add(&r.pension_cents, a.pension_cents)) != INAMI_OK)
			return st;
		int64_t reserve = a.pension_cents;
		int years = in->exit_year - (in->first_deposit_year + (int)i);
		for (int y = 0; y < years; y++) {
			int64_t interest, profit, fee;
			if ((st = inami__apply_bp(reserve, rates[i], &interest)) != INAMI_OK
				|| (st = inami__apply_bp(reserve, profit_bp, &profit)) != INAMI_OK
				|| (st = inami__apply_bp(reserve, management_bp, &fee)) != INAMI_OK)
				return st;
			if ((st = add(&reserve, interest)) != INAMI_OK || (st = add(&reserve, profit)) != INAMI_OK)
				return st;
			reserve -= fee;
			if ((st = add(&r.interest_cents, interest)) != INAMI_OK
				|| (st = add(&r.profit_sharing_cents, profit)) != INAMI_OK
				|| (st = add(&r.management_fees_cents, fee)) != INAMI_OK)
				return st;
		}
		if ((st = add(&r.capital_cents, reserve)) != INAMI_OK)
			return st;
	}

	/* Exit: both levies on the gross capital (docs/sources/allocation.md). */
	if ((st = inami_exit_figure("inami_levy", &r.inami_levy_bp, NULL, NULL)) != INAMI_OK
		|| (st = inami_exit_figure("solidarity_levy_min", &levy_min, NULL, NULL)) != INAMI_OK
		|| (st = inami_exit_figure("solidarity_levy_max", &levy_max, NULL, NULL)) != INAMI_OK)
		return st;
	if (in->solidarity_levy_bp == INAMI_BP_UNSET) {
		r.solidarity_levy_bp = levy_max;
		r.flags |= INAMI_PROJ_LEVY_MAXIMUM;
	} else if (in->solidarity_levy_bp < levy_min || in->solidarity_levy_bp > levy_max) {
		return inami__fail(INAMI_ERANGE, "a solidarity levy of %d bp is outside the %d-%d bp range "
			"([law exit_taxation] of the rules)", (int)in->solidarity_levy_bp, (int)levy_min, (int)levy_max);
	} else {
		r.solidarity_levy_bp = in->solidarity_levy_bp;
	}
	if ((st = inami__apply_bp(r.capital_cents, r.inami_levy_bp, &r.inami_levy_cents)) != INAMI_OK
		|| (st = inami__apply_bp(r.capital_cents, r.solidarity_levy_bp, &r.solidarity_levy_cents)) != INAMI_OK)
		return st;
	r.net_capital_cents = r.capital_cents - r.inami_levy_cents - r.solidarity_levy_cents;

	/* Notional annuity: on the capital without profit sharing (2.4.7), a base the data gives for a full career. */
	if (in->age_at_exit == -1) {
		r.flags |= INAMI_PROJ_NO_ANNUITY;
	} else {
		if (in->age_at_exit < 0 || in->age_at_exit > 130)
			return inami__fail(INAMI_ERANGE, "an age at exit of %d is not plausible", in->age_at_exit);
		if ((st = inami_exit_figure(in->active_until_legal_age ? "annuity_base_full_career"
				: "annuity_base_other", &r.annuity_base_bp, NULL, NULL)) != INAMI_OK
			|| (st = inami_exit_annuity_rate(in->age_at_exit, &r.annuity_rate_bp, &r.annuity_years,
				NULL, NULL)) != INAMI_OK)
			return st;
		int64_t taxable = r.capital_cents - r.profit_sharing_cents;
		if (taxable < 0)
			taxable = 0;
		if ((st = inami__apply_bp(taxable, r.annuity_base_bp, &r.annuity_base_cents)) != INAMI_OK
			|| (st = inami__apply_bp(r.annuity_base_cents, r.annuity_rate_bp, &r.annuity_yearly_cents)) != INAMI_OK)
			return st;
	}
	*out = r;
	return INAMI_OK;
}

static int check_input(const inami_projection_input *in, inami_projection *out)
{
	INAMI_CHECK_VERSION(in->version, INAMI_PROJECTION_INPUT_VERSION, "inami_projection_input");
	INAMI_CHECK_VERSION(out->version, INAMI_PROJECTION_VERSION, "inami_projection");
	if (in->premium_count == 0 || in->premiums_cents == NULL)
		return inami__fail(INAMI_EINVAL, "a projection needs at least one premium");
	if (in->premium_count > 100)
		return inami__fail(INAMI_ERANGE, "a projection takes at most 100 yearly premiums");
	if (in->first_deposit_year < 1900 || in->first_deposit_year > 2200)
		return inami__fail(INAMI_ERANGE, "first deposit year %d is not plausible", in->first_deposit_year);
	if (in->rates_bp != NULL && in->rate_count != 1 && in->rate_count != in->premium_count)
		return inami__fail(INAMI_EINVAL, "%zu guaranteed rates for %zu premiums (give one, or one per premium)",
			in->rate_count, in->premium_count);
	return INAMI_OK;
}

int inami_project(const inami_projection_input *input, inami_projection *out)
{
	int32_t rates[100];
	int st;

	INAMI_CHECK_NULL(input);
	INAMI_CHECK_NULL(out);
	if ((st = check_input(input, out)) != INAMI_OK)
		return st;
	if (input->rates_bp == NULL)
		return inami__fail(INAMI_ENORULES, "the guaranteed rate is not given");
	if (input->management_fee_bp == INAMI_BP_UNSET)
		return inami__fail(INAMI_ENORULES, "the management fee is not given (0 if there is none)");
	for (size_t i = 0; i < input->premium_count; i++)
		rates[i] = input->rates_bp[input->rate_count == 1 ? 0 : i];
	return project(input, &input->terms, rates, input->management_fee_bp,
		input->profit_sharing_bp == INAMI_BP_UNSET ? 0 : input->profit_sharing_bp, 0u, out);
}

int inami_project_product(const inami_products *products, const char *id,
	const inami_projection_input *input, inami_projection *out)
{
	int32_t rates[100], management, profit;
	inami_alloc_terms terms;
	unsigned int flags = 0;
	size_t index;
	int st;

	INAMI_CHECK_NULL(products);
	INAMI_CHECK_NULL(id);
	INAMI_CHECK_NULL(input);
	INAMI_CHECK_NULL(out);
	if ((st = check_input(input, out)) != INAMI_OK)
		return st;
	if ((st = inami_products_find(products, id, &index)) != INAMI_OK)
		return st;
	if ((st = inami__products_terms(products, index, &input->terms, &terms)) != INAMI_OK)
		return st;
	management = input->management_fee_bp;
	if (management == INAMI_BP_UNSET
		&& inami_products_figure(products, index, INAMI_PRODUCT_MANAGEMENT_FEE, &management) != INAMI_OK)
		return inami__fail(INAMI_ENORULES, "the management fee of product '%s' is NOT FOUND in the "
			"products file: give it explicitly (0 if there is none)", id);
	profit = input->profit_sharing_bp;
	if (profit == INAMI_BP_UNSET
		&& inami_products_figure(products, index, INAMI_PRODUCT_PROFIT_SHARING, &profit) != INAMI_OK)
		profit = 0;   /* no profit-sharing assumption */
	for (size_t i = 0; i < input->premium_count; i++) {
		if (input->rates_bp) {
			rates[i] = input->rates_bp[input->rate_count == 1 ? 0 : i];
			continue;
		}
		int assumed = 0;
		st = inami_products_rate(products, index, input->first_deposit_year + (int)i, input->flags,
			&rates[i], &assumed);
		if (st != INAMI_OK)
			return st;
		if (assumed)
			flags |= INAMI_PROJ_RATES_ASSUMED;
	}
	return project(input, &terms, rates, management, profit, flags, out);
}
