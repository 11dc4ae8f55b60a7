/* Text identifiers of the enumerations in the public headers. */
#include <string.h>

#include "error.h"
#include "inami/evaluate.h"

static const char *const profession_ids[INAMI_PROFESSION_COUNT + 1] = {
	NULL, "physiotherapist", "doctor", "dentist", "pharmacist",
	"speech_therapist", "nurse", "midwife"
};

static const char *const measure_ids[INAMI_MEASURE_COUNT] = {
	"prestations", "m_value", "r_value", "v_value", "reimbursed_eur", "hours_per_week"
};

static const char *const provenance_ids[] = {
	"official", "secondary", "derived", "illustrative", "not_found"
};

const char *inami_profession_id(inami_profession profession)
{
	if ((int)profession < 1 || (int)profession > INAMI_PROFESSION_COUNT)
		return NULL;
	return profession_ids[profession];
}

int inami_profession_from_id(const char *id, inami_profession *out)
{
	INAMI_CHECK_NULL(id);
	INAMI_CHECK_NULL(out);
	for (int p = 1; p <= INAMI_PROFESSION_COUNT; p++) {
		if (strcmp(id, profession_ids[p]) == 0) {
			*out = (inami_profession)p;
			return INAMI_OK;
		}
	}
	return inami__fail(INAMI_ENOPROFESSION,
		"unknown profession '%s' (known: physiotherapist, doctor, dentist, pharmacist, "
		"speech_therapist, nurse, midwife)", id);
}

const char *inami_measure_id(inami_measure measure)
{
	if ((int)measure < 0 || (int)measure >= INAMI_MEASURE_COUNT)
		return NULL;
	return measure_ids[measure];
}

int inami_measure_from_id(const char *id, inami_measure *out)
{
	INAMI_CHECK_NULL(id);
	INAMI_CHECK_NULL(out);
	for (int m = 0; m < INAMI_MEASURE_COUNT; m++) {
		if (strcmp(id, measure_ids[m]) == 0) {
			*out = (inami_measure)m;
			return INAMI_OK;
		}
	}
	return inami__fail(INAMI_EINVAL, "unknown measure '%s' (known: prestations, m_value, "
		"r_value, v_value, reimbursed_eur, hours_per_week)", id);
}

int inami_lang_from_id(const char *id, inami_lang *out)
{
	INAMI_CHECK_NULL(id);
	INAMI_CHECK_NULL(out);
	if (strcmp(id, "en") == 0)
		*out = INAMI_LANG_EN;
	else if (strcmp(id, "fr") == 0)
		*out = INAMI_LANG_FR;
	else if (strcmp(id, "nl") == 0)
		*out = INAMI_LANG_NL;
	else
		return inami__fail(INAMI_EINVAL, "unknown language '%s' (known: en, fr, nl)", id);
	return INAMI_OK;
}

const char *inami_provenance_id(inami_provenance provenance)
{
	if ((int)provenance < 0 || (int)provenance > INAMI_PROV_NOT_FOUND)
		return "unknown";
	return provenance_ids[provenance];
}

const char *inami_payee_id(inami_payee payee)
{
	switch (payee) {
	case INAMI_PAYEE_INSURANCE_CONTRACT: return "insurance_contract";
	case INAMI_PAYEE_BANK_ACCOUNT: return "bank_account";
	default: return "none";
	}
}

const char *inami_check_state_id(inami_check_state state)
{
	switch (state) {
	case INAMI_CHECK_FAILED: return "failed";
	case INAMI_CHECK_HELD: return "held";
	case INAMI_CHECK_ASSUMED: return "assumed";
	case INAMI_CHECK_NOT_APPLICABLE: return "not_applicable";
	case INAMI_CHECK_ACTION: return "action";
	default: return "unknown";
	}
}
