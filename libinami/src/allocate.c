/* Splitting a premium into entry fee, solidarity and pension parts. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "allocate_internal.h"
#include "inami/rules.h"
#include "error.h"
#include "inami/allocate.h"
#include "money.h"

static const char *const type_ids[INAMI_CONTRACT_TYPE_COUNT] = {
	"social_pension", "income_replacement", "death_cover"
};

/* Labels: EN, FR, NL (docs/sources/allocation.md). */
static const char *const type_labels[INAMI_CONTRACT_TYPE_COUNT][3] = {
	{ "social pension agreement", "convention de pension sociale", "sociale pensioenovereenkomst (sociaal VAPZ)" },
	{ "income replacement insurance", "assurance revenu garanti", "verzekering gewaarborgd inkomen" },
	{ "death cover", "assurance d\xc3\xa9" "c\xc3\xa8s", "overlijdensverzekering" },
};

const char *inami_contract_type_id(inami_contract_type type)
{
	return (unsigned)type < INAMI_CONTRACT_TYPE_COUNT ? type_ids[type] : NULL;
}

const char *inami_contract_type_label(inami_contract_type type, inami_lang lang)
{
	if ((unsigned)type >= INAMI_CONTRACT_TYPE_COUNT || (unsigned)lang > 2)
		return NULL;
	return type_labels[type][lang];
}

int inami_contract_type_from_id(const char *id, inami_contract_type *out)
{
	INAMI_CHECK_NULL(id);
	INAMI_CHECK_NULL(out);
	for (int i = 0; i < INAMI_CONTRACT_TYPE_COUNT; i++) {
		if (strcmp(id, type_ids[i]) == 0) {
			*out = (inami_contract_type)i;
			return INAMI_OK;
		}
	}
	return inami__fail(INAMI_EINVAL,
		"unknown contract type '%s' (expected social_pension, income_replacement or death_cover)", id);
}

int inami_percent_parse(const char *text, int32_t *bp)
{
	INAMI_CHECK_NULL(text);
	INAMI_CHECK_NULL(bp);
	size_t len = strlen(text);
	int64_t v;

	if (len > 0 && text[len - 1] == '%')
		len--;
	const char *why = inami__fixed_parse(text, len, 0, &v);
	if (why)
		return inami__fail(text[0] == '-' ? INAMI_ENEGATIVE : INAMI_EINVAL,
			"'%s' is not a percentage: %s", text, why);
	if (v > INT32_MAX)
		return inami__fail(INAMI_ERANGE, "'%s' is not a percentage: too large", text);
	*bp = (int32_t)v;
	return INAMI_OK;
}

int inami_percent_format(int32_t bp, char *buf, size_t size)
{
	return inami__fixed_format_to(bp, 0, buf, size);
}

int inami__alloc_provenance_parse(const char *text, inami_provenance *out)
{
	static const char *const ids[] = { "official", "secondary", "derived", "illustrative", "not_found" };

	for (int i = 0; i < 5; i++) {
		if (strcasecmp(text, ids[i]) == 0) {
			*out = (inami_provenance)i;
			return INAMI_OK;
		}
	}
	return inami__fail(INAMI_EINVAL, "unknown provenance '%s' (expected official, secondary, derived, "
		"illustrative or not_found)", text);
}

int inami__alloc_parse_int(const char *text, long lo, long hi, long *out)
{
	long v = 0;
	int neg = 0;
	const char *p = text;

	if (*p == '-') {
		neg = 1;
		p++;
	}
	if (*p == '\0')
		return -1;
	for (; *p; p++) {
		if (*p < '0' || *p > '9' || v > 100000000L)
			return -1;
		v = v * 10 + (*p - '0');
	}
	if (neg)
		v = -v;
	if (v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

/* ---- solidarity minimum, from the embedded rules' [law solidarity_minimum] (libinami/data/law.rules) ---- */

int inami_solidarity_minimum(inami_contract_type type, int32_t *bp,
	inami_provenance *provenance, const char **source, const char **note)
{
	const inami_ruleset *rs;
	inami_figure f = INAMI_FIGURE_INIT;
	int st;

	INAMI_CHECK_NULL(bp);
	if ((unsigned)type >= INAMI_CONTRACT_TYPE_COUNT)
		return inami__fail(INAMI_EINVAL, "unknown contract type %d", (int)type);
	if ((st = inami_ruleset_default(&rs)) != INAMI_OK ||
	    (st = inami_rules_law_figure(rs, "solidarity_minimum", 0, inami_contract_type_id(type), &f)) != INAMI_OK)
		return st;
	*bp = f.provenance == INAMI_PROV_NOT_FOUND ? INAMI_BP_UNSET : (int32_t)f.value;
	if (provenance)
		*provenance = f.provenance;
	if (source)
		*source = f.source ? f.source : "";
	if (note)
		*note = f.note ? f.note : "";
	return INAMI_OK;
}

/* ---- terms and allocation ---- */

int inami_alloc_terms_init(inami_alloc_terms *terms, unsigned int version)
{
	INAMI_CHECK_NULL(terms);
	INAMI_CHECK_VERSION(version, INAMI_ALLOC_TERMS_VERSION, "inami_alloc_terms");
	inami_alloc_terms init = INAMI_ALLOC_TERMS_INIT;
	*terms = init;
	return INAMI_OK;
}

int inami_allocation_init(inami_allocation *allocation, unsigned int version)
{
	INAMI_CHECK_NULL(allocation);
	INAMI_CHECK_VERSION(version, INAMI_ALLOCATION_VERSION, "inami_allocation");
	inami_allocation init = INAMI_ALLOCATION_INIT;
	*allocation = init;
	return INAMI_OK;
}

static int check_bp(const char *what, int32_t bp)
{
	char buf[32];

	if (bp == INAMI_BP_UNSET)
		return inami__fail(INAMI_ENORULES, "the %s is not given (and not known for the product)", what);
	if (bp < 0)
		return inami__fail(INAMI_ENEGATIVE, "the %s is negative", what);
	if (bp > 10000) {
		inami_percent_format(bp, buf, sizeof(buf));
		return inami__fail(INAMI_ERANGE, "the %s of %s %% is above 100 %%", what, buf);
	}
	return INAMI_OK;
}

int inami__terms_check(const inami_alloc_terms *terms)
{
	int st;
	int32_t min;
	char a[32], b[32];

	INAMI_CHECK_VERSION(terms->version, INAMI_ALLOC_TERMS_VERSION, "inami_alloc_terms");
	if ((unsigned)terms->contract_type >= INAMI_CONTRACT_TYPE_COUNT)
		return inami__fail(INAMI_EINVAL, "unknown contract type %d", (int)terms->contract_type);
	if (terms->solidarity_base != INAMI_SOLIDARITY_ON_NET && terms->solidarity_base != INAMI_SOLIDARITY_ON_PREMIUM)
		return inami__fail(INAMI_EINVAL, "unknown solidarity base %d", (int)terms->solidarity_base);
	if ((st = check_bp("entry fee", terms->entry_fee_bp)) != INAMI_OK
		|| (st = check_bp("solidarity share", terms->solidarity_bp)) != INAMI_OK)
		return st;
	const char *source = NULL;
	if ((st = inami_solidarity_minimum(terms->contract_type, &min, NULL, &source, NULL)) != INAMI_OK)
		return st;
	if (min != INAMI_BP_UNSET && terms->solidarity_bp < min) {
		inami_percent_format(terms->solidarity_bp, a, sizeof(a));
		inami_percent_format(min, b, sizeof(b));
		return inami__fail(INAMI_ERANGE,
			"a solidarity share of %s %% is below the %s %% minimum of a %s contract "
			"(see inami_solidarity_minimum; source: %s)", a, b,
			type_ids[terms->contract_type], source ? source : "");
	}
	return INAMI_OK;
}

int inami__allocate(int64_t premium_cents, const inami_alloc_terms *terms, inami_allocation *out)
{
	int64_t fees, solidarity;
	int st;

	if (premium_cents < 0)
		return inami__fail(INAMI_ENEGATIVE, "the premium is negative (%lld cents)", (long long)premium_cents);
	if ((st = inami__terms_check(terms)) != INAMI_OK)
		return st;
	if ((st = inami__apply_bp(premium_cents, terms->entry_fee_bp, &fees)) != INAMI_OK)
		return st;
	int64_t base = terms->solidarity_base == INAMI_SOLIDARITY_ON_NET ? premium_cents - fees : premium_cents;
	if ((st = inami__apply_bp(base, terms->solidarity_bp, &solidarity)) != INAMI_OK)
		return st;
	if (fees + solidarity > premium_cents)
		return inami__fail(INAMI_ERANGE, "the entry fee and the solidarity share exceed the premium");
	out->premium_cents = premium_cents;
	out->fees_cents = fees;
	out->solidarity_cents = solidarity;
	out->pension_cents = premium_cents - fees - solidarity;
	out->entry_fee_bp = terms->entry_fee_bp;
	out->solidarity_bp = terms->solidarity_bp;
	return INAMI_OK;
}

int inami_allocate(int64_t premium_cents, const inami_alloc_terms *terms, inami_allocation *out)
{
	INAMI_CHECK_NULL(terms);
	INAMI_CHECK_NULL(out);
	INAMI_CHECK_VERSION(out->version, INAMI_ALLOCATION_VERSION, "inami_allocation");
	return inami__allocate(premium_cents, terms, out);
}

int inami__alloc_rewrap(int status, const char *name, int line, const char *prefix)
{
	char msg[512];
	/* copy first: the last-error buffer is the one being written */
	snprintf(msg, sizeof(msg), "%s", inami_error_last());
	if (line > 0)
		return inami__fail(status, "%s:%d: %s%s", name, line, prefix ? prefix : "", msg);
	return inami__fail(status, "%s: %s%s", name, prefix ? prefix : "", msg);
}
