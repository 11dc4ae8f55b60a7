/* `inami allocate`: split a premium into fees, solidarity and pension, and project it to retirement. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "json.h"

#define MAX_YEARS 100

static void usage(FILE *out)
{
	fputs("usage: inami allocate --premium EUR [--solidarity-share PCT] [--entry-fee PCT]\n"
	      "                      [--contract-type social_pension|income_replacement|death_cover]\n"
	      "                      [--solidarity-on-premium] [--products FILE [--product ID]]\n"
	      "                      [--guaranteed-rate PCT] [--years N] [--first-year Y]\n"
	      "                      [--management-fee PCT] [--profit-sharing PCT] [--assume-rates]\n"
	      "                      [--age N] [--full-career] [--solidarity-levy PCT] [--json]\n"
	      "\nSplits the premium (integer cents; fees and solidarity rounded half-up, the pension part\n"
	      "is the rest so the parts add up exactly). Without --products, --solidarity-share is\n"
	      "required and an unset entry or management fee is 0. With --products FILE --product ID,\n"
	      "unset terms come from the product (a figure the file marks not_found must be given);\n"
	      "with --products FILE alone every product is shown side by side.\n"
	      "--years N projects N yearly premiums deposited from --first-year (default: this year)\n"
	      "to 1 January of first-year + N, at --guaranteed-rate or the product's rate per deposit\n"
	      "year (--assume-rates lets an undated or earlier rate stand for later years). Exit:\n"
	      "3.55 % INAMI levy, 0-2 % solidarity levy (--solidarity-levy; default the 2 % maximum),\n"
	      "notional annuity for --age (80 % base with --full-career). Percentages: '0.75' = 0.75 %.\n"
	      "Exit 0 done, 1 the library refused the input, 2 bad command line.\n", out);
}

typedef struct options {
	int64_t premium;
	inami_alloc_terms terms;
	int32_t rate, management, profit, levy;
	int years, first_year, age, full_career, assume, json, have_premium;
	const char *products_path, *product;
} options;

static void euros(int64_t cents, char *buf, size_t size)
{
	if (inami_euros_format(cents, buf, size) != INAMI_OK)
		snprintf(buf, size, "?");
}

static void pct(int32_t bp, char *buf, size_t size)
{
	if (inami_percent_format(bp, buf, size) != INAMI_OK)
		snprintf(buf, size, "?");
}

/* Fill the projection input from the options (premiums array owned by the caller). */
static void projection_input(const options *o, int64_t *premiums, inami_projection_input *in)
{
	inami_projection_input init = INAMI_PROJECTION_INPUT_INIT;
	*in = init;
	for (int i = 0; i < o->years; i++)
		premiums[i] = o->premium;
	in->premiums_cents = premiums;
	in->premium_count = (size_t)o->years;
	in->first_deposit_year = o->first_year;
	in->exit_year = o->first_year + o->years;
	in->terms = o->terms;
	if (o->rate != INAMI_BP_UNSET) {
		in->rates_bp = &o->rate;
		in->rate_count = 1;
	}
	in->management_fee_bp = o->management;
	in->profit_sharing_bp = o->profit;
	in->age_at_exit = o->age;
	in->active_until_legal_age = o->full_career;
	in->solidarity_levy_bp = o->levy;
	in->flags = o->assume ? INAMI_RATE_ASSUME : 0u;
}

static void json_allocation(json_writer *w, const inami_allocation *a)
{
	json_key(w, "premium_cents");
	json_int(w, a->premium_cents);
	json_key(w, "fees_cents");
	json_int(w, a->fees_cents);
	json_key(w, "solidarity_cents");
	json_int(w, a->solidarity_cents);
	json_key(w, "pension_cents");
	json_int(w, a->pension_cents);
	json_key(w, "entry_fee_bp");
	json_int(w, a->entry_fee_bp);
	json_key(w, "solidarity_bp");
	json_int(w, a->solidarity_bp);
}

static void json_projection(json_writer *w, const options *o, const inami_projection *p)
{
	json_key(w, "projection");
	json_begin_object(w);
	json_key(w, "first_deposit_year");
	json_int(w, o->first_year);
	json_key(w, "exit_year");
	json_int(w, o->first_year + o->years);
	json_key(w, "premiums_cents");
	json_int(w, p->premiums_cents);
	json_key(w, "fees_cents");
	json_int(w, p->fees_cents);
	json_key(w, "solidarity_cents");
	json_int(w, p->solidarity_cents);
	json_key(w, "pension_cents");
	json_int(w, p->pension_cents);
	json_key(w, "interest_cents");
	json_int(w, p->interest_cents);
	json_key(w, "profit_sharing_cents");
	json_int(w, p->profit_sharing_cents);
	json_key(w, "management_fees_cents");
	json_int(w, p->management_fees_cents);
	json_key(w, "capital_cents");
	json_int(w, p->capital_cents);
	json_key(w, "inami_levy_bp");
	json_int(w, p->inami_levy_bp);
	json_key(w, "inami_levy_cents");
	json_int(w, p->inami_levy_cents);
	json_key(w, "solidarity_levy_bp");
	json_int(w, p->solidarity_levy_bp);
	json_key(w, "solidarity_levy_cents");
	json_int(w, p->solidarity_levy_cents);
	json_key(w, "solidarity_levy_is_maximum");
	json_bool(w, (p->flags & INAMI_PROJ_LEVY_MAXIMUM) != 0);
	json_key(w, "net_capital_cents");
	json_int(w, p->net_capital_cents);
	json_key(w, "rates_assumed");
	json_bool(w, (p->flags & INAMI_PROJ_RATES_ASSUMED) != 0);
	if (p->flags & INAMI_PROJ_NO_ANNUITY) {
		json_key(w, "notional_annuity");
		json_null(w);
	} else {
		json_key(w, "notional_annuity");
		json_begin_object(w);
		json_key(w, "base_bp");
		json_int(w, p->annuity_base_bp);
		json_key(w, "base_cents");
		json_int(w, p->annuity_base_cents);
		json_key(w, "rate_bp");
		json_int(w, p->annuity_rate_bp);
		json_key(w, "years");
		json_int(w, p->annuity_years);
		json_key(w, "yearly_cents");
		json_int(w, p->annuity_yearly_cents);
		json_end_object(w);
	}
	json_end_object(w);
}

static void human_allocation(const inami_allocation *a)
{
	char e[32], f[32], s[32], pe[32], p1[16], p2[16];
	euros(a->premium_cents, e, sizeof(e));
	euros(a->fees_cents, f, sizeof(f));
	euros(a->solidarity_cents, s, sizeof(s));
	euros(a->pension_cents, pe, sizeof(pe));
	pct(a->entry_fee_bp, p1, sizeof(p1));
	pct(a->solidarity_bp, p2, sizeof(p2));
	printf("premium            %12s EUR\n", e);
	printf("entry fee %6s %%  %12s EUR\n", p1, f);
	printf("solidarity %5s %%  %12s EUR\n", p2, s);
	printf("pension            %12s EUR\n", pe);
}

static void human_projection(const options *o, const inami_projection *p)
{
	char b[32], r[16];
	printf("\nprojection: %d yearly premium%s deposited %d-%d, capital valued on %d-01-01\n", o->years,
		o->years == 1 ? "" : "s", o->first_year, o->first_year + o->years - 1, o->first_year + o->years);
	if (p->flags & INAMI_PROJ_RATES_ASSUMED)
		printf("  (a product rate was assumed for deposit years it does not date)\n");
#define LINE(label, v) (euros((v), b, sizeof(b)), printf("  %-28s %12s EUR\n", label, b))
	LINE("premiums paid", p->premiums_cents);
	LINE("pension parts deposited", p->pension_cents);
	LINE("guaranteed interest", p->interest_cents);
	LINE("profit sharing", p->profit_sharing_cents);
	LINE("management fees", -p->management_fees_cents);
	LINE("capital at exit", p->capital_cents);
	pct(p->inami_levy_bp, r, sizeof(r));
	euros(-p->inami_levy_cents, b, sizeof(b));
	printf("  INAMI levy %-17s %12s EUR\n", strcat(r, " %"), b);
	pct(p->solidarity_levy_bp, r, sizeof(r));
	euros(-p->solidarity_levy_cents, b, sizeof(b));
	printf("  solidarity levy %-12s %12s EUR%s\n", strcat(r, " %"), b,
		(p->flags & INAMI_PROJ_LEVY_MAXIMUM) ? "  (maximum: rate not given)" : "");
	LINE("net capital", p->net_capital_cents);
#undef LINE
	if (!(p->flags & INAMI_PROJ_NO_ANNUITY)) {
		char base[32], yearly[32], bp[16], rate[16];
		euros(p->annuity_base_cents, base, sizeof(base));
		euros(p->annuity_yearly_cents, yearly, sizeof(yearly));
		pct(p->annuity_base_bp, bp, sizeof(bp));
		pct(p->annuity_rate_bp, rate, sizeof(rate));
		printf("  notional annuity: %s %% of the taxable capital = %s EUR; at %d, %s %% = %s EUR\n"
		       "  added to taxable income each year for %d years\n",
			bp, base, o->age, rate, yearly, p->annuity_years);
	}
}

/* One set of terms (explicit or one product). */
static int run_one(const options *o, const inami_products *products)
{
	inami_allocation a = INAMI_ALLOCATION_INIT;
	inami_projection p = INAMI_PROJECTION_INIT;
	int64_t premiums[MAX_YEARS];
	int st;

	if (products)
		st = inami_allocate_product(products, o->product, o->premium, &o->terms, &a);
	else
		st = inami_allocate(o->premium, &o->terms, &a);
	if (st != INAMI_OK)
		return cli_library_error(st);
	if (o->years > 0) {
		inami_projection_input in;
		projection_input(o, premiums, &in);
		st = products ? inami_project_product(products, o->product, &in, &p) : inami_project(&in, &p);
		if (st != INAMI_OK)
			return cli_library_error(st);
	}
	if (o->json) {
		json_writer w;
		json_init(&w, stdout);
		json_begin_object(&w);
		if (products) {
			json_key(&w, "product");
			json_string(&w, o->product);
		}
		json_allocation(&w, &a);
		if (o->years > 0)
			json_projection(&w, o, &p);
		json_end_object(&w);
		json_end(&w);
	} else {
		if (products) {
			size_t i = 0;
			inami_products_find(products, o->product, &i);
			printf("%s - %s (%s)\n", inami_products_insurer(products, i), inami_products_name(products, i),
				o->product);
		}
		human_allocation(&a);
		if (o->years > 0)
			human_projection(o, &p);
	}
	return 0;
}

/* Every product side by side; a product the library refuses shows why. */
static int run_all(const options *o, const inami_products *products)
{
	size_t n = inami_products_count(products);
	json_writer w;
	int64_t premiums[MAX_YEARS];
	char b1[32], b2[32], b3[32], b4[32], b5[32];

	if (o->json) {
		json_init(&w, stdout);
		json_begin_object(&w);
		json_key(&w, "premium_cents");
		json_int(&w, o->premium);
		json_key(&w, "products");
		json_begin_array(&w);
	} else {
		euros(o->premium, b1, sizeof(b1));
		printf("premium %s EUR%s\n\n%-24s %10s %10s %11s %12s %12s\n", b1,
			o->years ? "" : " (no projection: add --years N)",
			"product", "fees", "solidarity", "pension", "capital", "net capital");
	}
	for (size_t i = 0; i < n; i++) {
		const char *id = inami_products_id(products, i);
		inami_allocation a = INAMI_ALLOCATION_INIT;
		inami_projection p = INAMI_PROJECTION_INIT;
		int example = 0;
		inami_products_info(products, i, NULL, NULL, &example);
		int st = inami_allocate_product(products, id, o->premium, &o->terms, &a);
		if (st == INAMI_OK && o->years > 0) {
			inami_projection_input in;
			projection_input(o, premiums, &in);
			st = inami_project_product(products, id, &in, &p);
		}
		if (o->json) {
			json_begin_object(&w);
			json_key(&w, "id");
			json_string(&w, id);
			json_key(&w, "insurer");
			json_string(&w, inami_products_insurer(products, i));
			json_key(&w, "example");
			json_bool(&w, example);
			if (st != INAMI_OK) {
				json_key(&w, "error");
				json_string(&w, inami_error_last());
			} else {
				json_allocation(&w, &a);
				if (o->years > 0)
					json_projection(&w, o, &p);
			}
			json_end_object(&w);
		} else if (st != INAMI_OK) {
			printf("%-24s %s\n", id, inami_error_last());
		} else {
			euros(a.fees_cents, b1, sizeof(b1));
			euros(a.solidarity_cents, b2, sizeof(b2));
			euros(a.pension_cents, b3, sizeof(b3));
			if (o->years > 0) {
				euros(p.capital_cents, b4, sizeof(b4));
				euros(p.net_capital_cents, b5, sizeof(b5));
			} else {
				strcpy(b4, "-");
				strcpy(b5, "-");
			}
			printf("%-24s %10s %10s %11s %12s %12s%s\n", id, b1, b2, b3, b4, b5, example ? "  (example)" : "");
		}
	}
	if (o->json) {
		json_end_array(&w);
		json_end_object(&w);
		json_end(&w);
	}
	return 0;
}

static int parse_pct(const char *option, const char *v, int32_t *out)
{
	int st = inami_percent_parse(v, out);
	if (st == INAMI_ENEGATIVE)
		return cli_usage_error("%s: '%s' is negative", option, v);
	if (st != INAMI_OK)
		return cli_usage_error("%s: %s", option, inami_error_last());
	return 0;
}

int cmd_allocate(int argc, char **argv)
{
	options o;
	const char *v;
	int rc = 0, have_share = 0, have_fee = 0;
	inami_alloc_terms init = INAMI_ALLOC_TERMS_INIT;

	memset(&o, 0, sizeof(o));
	o.terms = init;
	o.rate = o.management = o.profit = o.levy = INAMI_BP_UNSET;
	o.age = -1;
	o.first_year = 0;
	for (int i = 1; i < argc && rc == 0; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			usage(stdout);
			return 0;
		} else if (strcmp(a, "--json") == 0) {
			o.json = 1;
		} else if (strcmp(a, "--full-career") == 0) {
			o.full_career = 1;
		} else if (strcmp(a, "--assume-rates") == 0) {
			o.assume = 1;
		} else if (strcmp(a, "--solidarity-on-premium") == 0) {
			o.terms.solidarity_base = INAMI_SOLIDARITY_ON_PREMIUM;
		} else if (strncmp(a, "--", 2) != 0) {
			rc = cli_usage_error("unexpected argument '%s' (try 'inami allocate --help')", a);
		} else if ((v = cli_option_value(argc, argv, &i)) == NULL) {
			rc = CLI_EXIT_USAGE;
		} else if (strcmp(a, "--premium") == 0) {
			/* negative amounts reach the library, which says why they are refused */
			if (inami_euros_parse(v, 1, &o.premium) != INAMI_OK)
				rc = cli_usage_error("--premium: %s", inami_error_last());
			o.have_premium = 1;
		} else if (strcmp(a, "--solidarity-share") == 0) {
			rc = parse_pct(a, v, &o.terms.solidarity_bp);
			have_share = 1;
		} else if (strcmp(a, "--entry-fee") == 0) {
			rc = parse_pct(a, v, &o.terms.entry_fee_bp);
			have_fee = 1;
		} else if (strcmp(a, "--guaranteed-rate") == 0) {
			rc = parse_pct(a, v, &o.rate);
		} else if (strcmp(a, "--management-fee") == 0) {
			rc = parse_pct(a, v, &o.management);
		} else if (strcmp(a, "--profit-sharing") == 0) {
			rc = parse_pct(a, v, &o.profit);
		} else if (strcmp(a, "--solidarity-levy") == 0) {
			rc = parse_pct(a, v, &o.levy);
		} else if (strcmp(a, "--contract-type") == 0) {
			if (inami_contract_type_from_id(v, &o.terms.contract_type) != INAMI_OK)
				rc = cli_usage_error("--contract-type: %s", inami_error_last());
		} else if (strcmp(a, "--years") == 0 || strcmp(a, "--first-year") == 0 || strcmp(a, "--age") == 0) {
			int64_t n;
			if ((rc = cli_parse_int64(a, v, &n)) != 0)
				break;
			if (a[2] == 'y' && (n < 1 || n > MAX_YEARS))
				rc = cli_usage_error("--years: between 1 and %d", MAX_YEARS);
			else if (a[2] == 'f' && (n < 1900 || n > 2200))
				rc = cli_usage_error("--first-year: %s is not a plausible year", v);
			else if (a[2] == 'a' && n > 130)
				rc = cli_usage_error("--age: %s is not a plausible age", v);
			else if (a[2] == 'y')
				o.years = (int)n;
			else if (a[2] == 'f')
				o.first_year = (int)n;
			else
				o.age = (int)n;
		} else if (strcmp(a, "--products") == 0) {
			o.products_path = v;
		} else if (strcmp(a, "--product") == 0) {
			o.product = v;
		} else {
			rc = cli_usage_error("unknown option '%s' (try 'inami allocate --help')", a);
		}
	}
	if (rc != 0)
		return rc;
	if (!o.have_premium)
		return cli_usage_error("--premium EUR is required");
	if (o.product && !o.products_path)
		return cli_usage_error("--product needs --products FILE");
	if (!o.products_path) {
		if (!have_share)
			return cli_usage_error("--solidarity-share PCT is required without --products");
		if (!have_fee)
			o.terms.entry_fee_bp = 0;
		if (o.management == INAMI_BP_UNSET)
			o.management = 0;
		if (o.years > 0 && o.rate == INAMI_BP_UNSET)
			return cli_usage_error("--years needs --guaranteed-rate PCT (or a product)");
	}
	if (o.years > 0 && o.first_year == 0) {
		time_t now = time(NULL);
		struct tm *tm = localtime(&now);
		o.first_year = tm ? tm->tm_year + 1900 : 2025;
	}
	if (!o.products_path)
		return run_one(&o, NULL);

	inami_products *products = NULL;
	int st = inami_products_load_file(&products, o.products_path);
	if (st != INAMI_OK)
		return cli_library_error(st);
	rc = o.product ? run_one(&o, products) : run_all(&o, products);
	inami_products_free(products);
	return rc;
}
