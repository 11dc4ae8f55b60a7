/* `inami allocate`: split a premium into fees, solidarity and pension, and project it to retirement. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "json.h"

#define MAX_YEARS 100

/* One exit-taxation figure of the library's data as a percentage ("3.55"), or "?" when it has none. */
static const char *exit_percent(const char *id, char *buf, size_t size)
{
	int32_t bp = 0;

	if (inami_exit_figure(id, &bp, NULL, NULL) != INAMI_OK || inami_percent_format(bp, buf, size) != INAMI_OK)
		snprintf(buf, size, "?");
	return buf;
}

/* The exit taxation as the data gives it (a changed rate is a data change, never a text change). */
static void exit_figures_usage(FILE *out)
{
	char levy[16], lo[16], hi[16], base[16];

	fprintf(out, "%s %% INAMI levy, %s-%s %% solidarity levy (--solidarity-levy; default the %s %% maximum),\n"
		"notional annuity for --age (%s %% base with --full-career). ", exit_percent("inami_levy", levy, sizeof(levy)),
		exit_percent("solidarity_levy_min", lo, sizeof(lo)), exit_percent("solidarity_levy_max", hi, sizeof(hi)), hi,
		exit_percent("annuity_base_full_career", base, sizeof(base)));
}

static void usage(FILE *out)
{
	fputs("usage: inami allocate --premium EUR [--solidarity-share PCT] [--entry-fee PCT]\n"
	      "                      [--contract-type social_pension|income_replacement|death_cover]\n"
	      "                      [--solidarity-on-premium] [--products FILE [--product ID]]\n"
	      "                      [--guaranteed-rate PCT] [--years N] [--first-year Y]\n"
	      "                      [--management-fee PCT] [--profit-sharing PCT] [--assume-rates]\n"
	      "                      [--age N] [--full-career] [--solidarity-levy PCT] [--lang fr|nl|en] [--json]\n"
	      "\nSplits the premium (integer cents; fees and solidarity rounded half-up, the pension part\n"
	      "is the rest so the parts add up exactly). Without --products, --solidarity-share is\n"
	      "required and an unset entry or management fee is 0. With --products FILE each product is\n"
	      "evaluated on its own terms: --solidarity-share, --entry-fee, --management-fee,\n"
	      "--profit-sharing and --guaranteed-rate apply only to products that do not give that term\n"
	      "(a figure the file marks not_found). --product ID shows one product; without it every\n"
	      "product is a row, and a term neither the product nor the command line gives is shown\n"
	      "as missing in its row.\n"
	      "--years N projects N yearly premiums deposited from --first-year (default: this year)\n"
	      "to 1 January of first-year + N, at --guaranteed-rate or the product's rate per deposit\n"
	      "year (--assume-rates lets an undated or earlier rate stand for later years). Exit:\n"
	      , out);
	exit_figures_usage(out);
	fputs("Percentages: '0.75' = 0.75 %.\n"
	      "Exit 0 done, 1 the library refused the input, 2 bad command line.\n", out);
}

typedef struct options {
	int64_t premium;
	inami_alloc_terms terms;
	int32_t rate, management, profit, levy;
	int years, first_year, age, full_career, assume, json, have_premium;
	const char *products_path, *product;
	inami_lang lang;   /* of the split and the projection as text */
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

/* An amount as the language writes it ("1562.97 EUR" in English, as the table columns). */
static void amount(int64_t cents, inami_lang lang, char *buf, size_t size)
{
	char e[32];
	if (lang == INAMI_LANG_EN) {
		euros(cents, e, sizeof(e));
		snprintf(buf, size, "%s EUR", e);
	} else if (inami_amount_format(cents, lang, buf, size) != INAMI_OK) {
		snprintf(buf, size, "?");
	}
}

/* A percentage from basis points, as the language writes numbers. */
static void percent(int32_t bp, inami_lang lang, char *buf, size_t size)
{
	if (lang == INAMI_LANG_EN)
		pct(bp, buf, size);
	else if (inami_decimal_format(bp, lang, buf, size) != INAMI_OK)
		snprintf(buf, size, "?");
}

/* "label      amount": the label padded by display width, the amount right-aligned. */
static void row(const char *indent, const char *label, int64_t cents, inami_lang lang, const char *tail)
{
	char b[48];
	size_t w = inami_text_width(label);
	amount(cents, lang, b, sizeof(b));
	printf("%s%s%*s%*s%s\n", indent, label, w < 28 ? (int)(28 - w) : 1, "", 16, b, tail);
}

static void human_allocation(const inami_allocation *a, inami_lang lang)
{
	char label[128], p1[16], p2[16];
	percent(a->entry_fee_bp, lang, p1, sizeof(p1));
	percent(a->solidarity_bp, lang, p2, sizeof(p2));
	row("", cli_text(label, sizeof(label), lang, "alloc.premium", "%s", ""), a->premium_cents, lang, "");
	row("", cli_text(label, sizeof(label), lang, "alloc.entry_fee", "pct=%s", p1), a->fees_cents, lang, "");
	row("", cli_text(label, sizeof(label), lang, "alloc.solidarity", "pct=%s", p2), a->solidarity_cents, lang, "");
	row("", cli_text(label, sizeof(label), lang, "alloc.pension", "%s", ""), a->pension_cents, lang, "");
}

static void human_projection(const options *o, const inami_projection *p)
{
	inami_lang lang = o->lang;
	char label[256], r[16], tail[96] = "";
	printf("\n%s\n", cli_text(label, sizeof(label), lang, o->years == 1 ? "proj.heading.one" : "proj.heading",
		"years=%d\nfirst=%d\nlast=%d\nvalued=%d0101", o->years, o->first_year, o->first_year + o->years - 1,
		o->first_year + o->years));
	if (p->flags & INAMI_PROJ_RATES_ASSUMED)
		printf("  %s\n", cli_text(label, sizeof(label), lang, "proj.rates_assumed", "%s", ""));
#define LINE(id, v) row("  ", cli_text(label, sizeof(label), lang, (id), "%s", ""), (v), lang, "")
	LINE("proj.premiums_paid", p->premiums_cents);
	LINE("proj.pension_deposited", p->pension_cents);
	LINE("proj.interest", p->interest_cents);
	LINE("proj.profit_sharing", p->profit_sharing_cents);
	LINE("proj.management_fees", -p->management_fees_cents);
	LINE("proj.capital", p->capital_cents);
	percent(p->inami_levy_bp, lang, r, sizeof(r));
	row("  ", cli_text(label, sizeof(label), lang, "proj.inami_levy", "pct=%s", r), -p->inami_levy_cents, lang, "");
	percent(p->solidarity_levy_bp, lang, r, sizeof(r));
	if (p->flags & INAMI_PROJ_LEVY_MAXIMUM)
		snprintf(tail, sizeof(tail), "  %s", cli_text(label, sizeof(label), lang, "proj.levy_maximum", "%s", ""));
	row("  ", cli_text(label, sizeof(label), lang, "proj.solidarity_levy", "pct=%s", r), -p->solidarity_levy_cents,
		lang, tail);
	LINE("proj.net_capital", p->net_capital_cents);
#undef LINE
	if (!(p->flags & INAMI_PROJ_NO_ANNUITY)) {
		char base[48], yearly[48], bp[16], rate[16];
		amount(p->annuity_base_cents, lang, base, sizeof(base));
		amount(p->annuity_yearly_cents, lang, yearly, sizeof(yearly));
		percent(p->annuity_base_bp, lang, bp, sizeof(bp));
		percent(p->annuity_rate_bp, lang, rate, sizeof(rate));
		printf("  %s\n", cli_text(label, sizeof(label), lang, "proj.annuity",
			"base_pct=%s\nbase=%s\nage=%d\nrate=%s\nyearly=%s", bp, base, o->age, rate, yearly));
		printf("  %s\n", cli_text(label, sizeof(label), lang, "proj.annuity_years", "years=%d", p->annuity_years));
	}
}

/* A term a product does not give and the command line does not either. */
typedef struct missing_terms {
	const char *term[6];   /* "solidarity_share" */
	const char *flag[6];   /* "--solidarity-share" */
	size_t count;
} missing_terms;

static void add_missing(missing_terms *m, const char *term, const char *flag)
{
	if (m->count < 6) {
		m->term[m->count] = term;
		m->flag[m->count++] = flag;
	}
}

/*
 * The terms product `index` is evaluated on: its own figures, and a
 * command-line figure only where the product gives none. The projection input
 * `in` (when o->years > 0) gets the same treatment. Terms neither gives are
 * listed in `m`.
 */
static void product_terms(const options *o, const inami_products *products, size_t index, inami_alloc_terms *t,
	inami_projection_input *in, int64_t *premiums, missing_terms *m)
{
	int32_t bp;

	*t = o->terms;
	m->count = 0;
	if (inami_products_figure(products, index, INAMI_PRODUCT_SOLIDARITY_SHARE, &bp) == INAMI_OK)
		t->solidarity_bp = INAMI_BP_UNSET;
	else if (t->solidarity_bp == INAMI_BP_UNSET)
		add_missing(m, "solidarity_share", "--solidarity-share");
	if (inami_products_figure(products, index, INAMI_PRODUCT_ENTRY_FEE, &bp) == INAMI_OK)
		t->entry_fee_bp = INAMI_BP_UNSET;
	else if (t->entry_fee_bp == INAMI_BP_UNSET)
		add_missing(m, "entry_fee", "--entry-fee");
	if (o->years <= 0)
		return;
	projection_input(o, premiums, in);
	in->terms = *t;
	if (inami_products_figure(products, index, INAMI_PRODUCT_MANAGEMENT_FEE, &bp) == INAMI_OK)
		in->management_fee_bp = INAMI_BP_UNSET;
	else if (in->management_fee_bp == INAMI_BP_UNSET)
		add_missing(m, "management_fee", "--management-fee");
	if (inami_products_figure(products, index, INAMI_PRODUCT_PROFIT_SHARING, &bp) == INAMI_OK)
		in->profit_sharing_bp = INAMI_BP_UNSET;
	if (inami_products_rate_count(products, index) > 0) {
		in->rates_bp = NULL;
		in->rate_count = 0;
	} else if (in->rates_bp == NULL) {
		add_missing(m, "guaranteed_rate", "--guaranteed-rate");
	}
}

/* "solidarity share (--solidarity-share), entry fee (--entry-fee)" */
static void missing_text(const missing_terms *m, char *buf, size_t size)
{
	size_t n = 0;

	buf[0] = '\0';
	for (size_t k = 0; k < m->count; k++) {
		char words[32];
		snprintf(words, sizeof(words), "%s", m->term[k]);
		for (char *c = words; *c; c++)
			if (*c == '_')
				*c = ' ';
		int w = snprintf(buf + n, size - n, "%s%s (%s)", k ? ", " : "", words, m->flag[k]);
		if (w < 0 || (size_t)w >= size - n)
			return;
		n += (size_t)w;
	}
}

/* The library's names of allocation inputs, as the flags that give them. */
static const char *const input_names[][2] = {
	{ "INAMI_RATE_ASSUME / --assume-rates, or give the rate", "--assume-rates" },
	{ "INAMI_RATE_ASSUME / --assume-rates", "--assume-rates" }, { "INAMI_RATE_ASSUME", "--assume-rates" },
	{ NULL, NULL }
};

/* One set of terms (explicit or one product). */
static int run_one(const options *o, const inami_products *products)
{
	inami_allocation a = INAMI_ALLOCATION_INIT;
	inami_projection p = INAMI_PROJECTION_INIT;
	int64_t premiums[MAX_YEARS];
	inami_projection_input in;
	inami_alloc_terms terms = o->terms;
	int st;

	if (products) {
		size_t index = 0;
		missing_terms m;
		char text[512];
		if ((st = inami_products_find(products, o->product, &index)) != INAMI_OK)
			return cli_library_error(st);
		product_terms(o, products, index, &terms, &in, premiums, &m);
		if (m.count) {
			missing_text(&m, text, sizeof(text));
			return cli_error(CLI_EXIT_ERROR, "no_rules", "product '%s' does not give: %s", o->product, text);
		}
		st = inami_allocate_product(products, o->product, o->premium, &terms, &a);
	} else {
		st = inami_allocate(o->premium, &terms, &a);
	}
	if (st != INAMI_OK)
		return cli_input_error(st, input_names);
	if (o->years > 0) {
		if (!products)
			projection_input(o, premiums, &in);
		st = products ? inami_project_product(products, o->product, &in, &p) : inami_project(&in, &p);
		if (st != INAMI_OK)
			return cli_input_error(st, input_names);
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
		human_allocation(&a, o->lang);
		if (o->years > 0)
			human_projection(o, &p);
	}
	return 0;
}

/*
 * Every product side by side, each on its own terms: a term the product does
 * not give comes from the command line, and when neither gives it the row says
 * what is missing instead of figures.
 */
static int run_all(const options *o, const inami_products *products)
{
	size_t n = inami_products_count(products);
	json_writer w;
	int64_t premiums[MAX_YEARS];
	char b1[32], b2[32], b3[32], b4[32], b5[32], why[1024];

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
		inami_projection_input in;
		inami_alloc_terms terms;
		missing_terms m;
		int example = 0, allocated = 0, projected = 0;
		const char *error = NULL;

		inami_products_info(products, i, NULL, NULL, &example);
		product_terms(o, products, i, &terms, &in, premiums, &m);
		int split_missing = 0;
		for (size_t k = 0; k < m.count; k++)
			split_missing |= strcmp(m.term[k], "solidarity_share") == 0 || strcmp(m.term[k], "entry_fee") == 0;
		why[0] = '\0';
		if (!split_missing) {
			int st = inami_allocate_product(products, id, o->premium, &terms, &a);
			if (st == INAMI_OK)
				allocated = 1;
			else
				error = inami_error_last();
		}
		if (allocated && o->years > 0 && m.count == 0) {
			int st = inami_project_product(products, id, &in, &p);
			if (st == INAMI_OK)
				projected = 1;
			else
				error = inami_error_last();
		}
		if (error)
			cli_rename_inputs(error, input_names, why, sizeof(why));
		if (o->json) {
			json_begin_object(&w);
			json_key(&w, "id");
			json_string(&w, id);
			json_key(&w, "insurer");
			json_string(&w, inami_products_insurer(products, i));
			json_key(&w, "example");
			json_bool(&w, example);
			if (allocated)
				json_allocation(&w, &a);
			if (projected)
				json_projection(&w, o, &p);
			json_key(&w, "missing");
			json_begin_array(&w);
			for (size_t k = 0; k < m.count; k++) {
				json_begin_object(&w);
				json_key(&w, "term");
				json_string(&w, m.term[k]);
				json_key(&w, "flag");
				json_string(&w, m.flag[k]);
				json_end_object(&w);
			}
			json_end_array(&w);
			if (error) {
				json_key(&w, "error");
				json_string(&w, why);
			}
			json_end_object(&w);
			continue;
		}
		strcpy(b1, "-");
		strcpy(b2, "-");
		strcpy(b3, "-");
		strcpy(b4, "-");
		strcpy(b5, "-");
		if (allocated) {
			euros(a.fees_cents, b1, sizeof(b1));
			euros(a.solidarity_cents, b2, sizeof(b2));
			euros(a.pension_cents, b3, sizeof(b3));
		}
		if (projected) {
			euros(p.capital_cents, b4, sizeof(b4));
			euros(p.net_capital_cents, b5, sizeof(b5));
		}
		printf("%-24s %10s %10s %11s %12s %12s%s\n", id, b1, b2, b3, b4, b5, example ? "  (example)" : "");
		if (m.count) {
			missing_text(&m, why, sizeof(why));
			printf("  missing: %s\n", why);
		} else if (error) {
			printf("  %s\n", why);
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

enum {
	O_HELP, O_JSON, O_FULL_CAREER, O_ASSUME, O_ON_PREMIUM, O_PREMIUM, O_SHARE, O_FEE, O_RATE, O_MANAGEMENT,
	O_PROFIT, O_LEVY, O_CONTRACT_TYPE, O_YEARS, O_FIRST_YEAR, O_AGE, O_PRODUCTS, O_PRODUCT, O_LANG, O_COUNT
};

static const cli_option option_table[O_COUNT] = {
	[O_HELP] = { "--help", 0, 1 }, [O_JSON] = { "--json", 0, 0 }, [O_FULL_CAREER] = { "--full-career", 0, 0 },
	[O_ASSUME] = { "--assume-rates", 0, 0 }, [O_ON_PREMIUM] = { "--solidarity-on-premium", 0, 0 },
	[O_PREMIUM] = { "--premium", 1, 0 }, [O_SHARE] = { "--solidarity-share", 1, 0 },
	[O_FEE] = { "--entry-fee", 1, 0 }, [O_RATE] = { "--guaranteed-rate", 1, 0 },
	[O_MANAGEMENT] = { "--management-fee", 1, 0 }, [O_PROFIT] = { "--profit-sharing", 1, 0 },
	[O_LEVY] = { "--solidarity-levy", 1, 0 }, [O_CONTRACT_TYPE] = { "--contract-type", 1, 0 },
	[O_YEARS] = { "--years", 1, 0 }, [O_FIRST_YEAR] = { "--first-year", 1, 0 }, [O_AGE] = { "--age", 1, 0 },
	[O_PRODUCTS] = { "--products", 1, 0 }, [O_PRODUCT] = { "--product", 1, 0 }, [O_LANG] = { "--lang", 1, 0 },
};

int cmd_allocate(int argc, char **argv)
{
	options o;
	const char *v;
	int rc = 0, have_share = 0, have_fee = 0;
	unsigned char seen[O_COUNT] = { 0 };
	inami_alloc_terms init = INAMI_ALLOC_TERMS_INIT;

	memset(&o, 0, sizeof(o));
	o.terms = init;
	o.rate = o.management = o.profit = o.levy = INAMI_BP_UNSET;
	o.age = -1;
	o.first_year = 0;
	for (int i = 1; i < argc && rc == 0; i++) {
		int k = cli_next_option(argc, argv, &i, option_table, O_COUNT, seen, "allocate", &v);
		const char *a = k >= 0 ? option_table[k].name : argv[i];
		int64_t n;
		switch (k) {
		case CLI_ARG_ERROR: rc = CLI_EXIT_USAGE; break;
		case CLI_ARG_POSITIONAL:
			rc = cli_usage_error("allocate: unexpected argument '%s' (see 'inami allocate --help')", a);
			break;
		case O_HELP:
			usage(stdout);
			return 0;
		case O_JSON: o.json = 1; break;
		case O_LANG:
			if (inami_lang_from_id(v, &o.lang) != INAMI_OK)
				rc = cli_usage_error("--lang: %s", inami_error_last());
			else
				cli_set_lang(o.lang);
			break;
		case O_FULL_CAREER: o.full_career = 1; break;
		case O_ASSUME: o.assume = 1; break;
		case O_ON_PREMIUM: o.terms.solidarity_base = INAMI_SOLIDARITY_ON_PREMIUM; break;
		case O_PREMIUM:
			/* negative amounts reach the library, which says why they are refused */
			if (inami_euros_parse(v, 1, &o.premium) != INAMI_OK)
				rc = cli_usage_error("--premium: %s", inami_error_last());
			o.have_premium = 1;
			break;
		case O_SHARE:
			rc = parse_pct(a, v, &o.terms.solidarity_bp);
			have_share = 1;
			break;
		case O_FEE:
			rc = parse_pct(a, v, &o.terms.entry_fee_bp);
			have_fee = 1;
			break;
		case O_RATE: rc = parse_pct(a, v, &o.rate); break;
		case O_MANAGEMENT: rc = parse_pct(a, v, &o.management); break;
		case O_PROFIT: rc = parse_pct(a, v, &o.profit); break;
		case O_LEVY: rc = parse_pct(a, v, &o.levy); break;
		case O_CONTRACT_TYPE:
			if (inami_contract_type_from_id(v, &o.terms.contract_type) != INAMI_OK)
				rc = cli_usage_error("--contract-type: %s", inami_error_last());
			break;
		case O_YEARS:
			if ((rc = cli_parse_int64(a, v, &n)) == 0 && (n < 1 || n > MAX_YEARS))
				rc = cli_usage_error("--years: between 1 and %d", MAX_YEARS);
			o.years = rc == 0 ? (int)n : 0;
			break;
		case O_FIRST_YEAR:
			if ((rc = cli_parse_int64(a, v, &n)) == 0 && (n < 1900 || n > 2200))
				rc = cli_usage_error("--first-year: %s is not a plausible year", v);
			o.first_year = rc == 0 ? (int)n : 0;
			break;
		case O_AGE:
			if ((rc = cli_parse_int64(a, v, &n)) == 0 && n > 130)
				rc = cli_usage_error("--age: %s is not a plausible age", v);
			o.age = rc == 0 ? (int)n : -1;
			break;
		case O_PRODUCTS: o.products_path = v; break;
		case O_PRODUCT: o.product = v; break;
		default: break;
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
	if (!o.products_path) {
		rc = run_one(&o, NULL);
		return rc;
	}

	inami_products *products = NULL;
	int st = inami_products_load_file(&products, o.products_path);
	if (st != INAMI_OK)
		return cli_library_error(st);
	rc = o.product ? run_one(&o, products) : run_all(&o, products);
	inami_products_free(products);
	return rc;
}
