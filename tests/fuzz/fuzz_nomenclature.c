/*
 * Fuzz target: the nomenclature CSV loader (inami_nomenclature_load_buffer),
 * standalone and layered over the embedded nomenclature. A nomenclature that
 * loads has every entry read back, a few codes looked up, and is used to
 * total a few billing lines built from the input.
 */
#include <string.h>

#include "fuzz.h"

static void use(const inami_nomenclature *nom, const uint8_t *data, size_t size)
{
	size_t n = inami_nomenclature_count(nom);
	int32_t code[8], qty[8], date[8];
	size_t lines = 0;
	for (size_t i = 0; i < n; i++) {
		inami_code_info info;
		memset(&info, 0, sizeof(info));
		info.version = INAMI_CODE_INFO_VERSION;
		FUZZ_ASSERT(inami_nomenclature_entry(nom, i, &info) == INAMI_OK);
		FUZZ_ASSERT(info.source != NULL && info.note != NULL && info.description != NULL);
		if (lines < 8) {
			code[lines] = info.code;
			qty[lines] = size ? (int32_t)data[(i * 3) % size] - 8 : 1;
			date[lines] = info.valid_from ? info.valid_from : (lines & 1) ? 20220301 : 0;
			lines++;
		}
		inami_code_info found;
		memset(&found, 0, sizeof(found));
		found.version = INAMI_CODE_INFO_VERSION;
		int rc = inami_nomenclature_lookup(nom, info.code, info.valid_to, &found);
		if (rc != INAMI_OK)
			FUZZ_FAILED_CLEANLY(rc);
		rc = inami_nomenclature_lookup(nom, info.code, 0, &found);
		if (rc != INAMI_OK)
			FUZZ_FAILED_CLEANLY(rc);
	}
	for (int allow = 0; allow < 2; allow++) {
		inami_billing_summary sum;
		int32_t ucode[4], ureason[4];
		int64_t uqty[4];
		memset(&sum, 0, sizeof(sum));
		sum.version = INAMI_BILLING_SUMMARY_VERSION;
		int rc = inami_billing_total(nom, code, qty, date, lines,
			allow ? INAMI_BILLING_ALLOW_DERIVED : 0, &sum, ucode, uqty, ureason, 4);
		if (rc != INAMI_OK)
			FUZZ_FAILED_CLEANLY(rc);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const inami_nomenclature *def = NULL;
	inami_nomenclature *nom = NULL;
	int rc = inami_nomenclature_load_buffer(&nom, NULL, (const char *)data, size, "fuzz.csv");
	if (rc == INAMI_OK) {
		FUZZ_ASSERT(nom != NULL);
		use(nom, data, size);
		inami_nomenclature_free(nom);
	} else {
		FUZZ_ASSERT(nom == NULL);
		FUZZ_FAILED_CLEANLY(rc);
	}

	FUZZ_ASSERT(inami_nomenclature_default(&def) == INAMI_OK);
	nom = NULL;
	rc = inami_nomenclature_load_buffer(&nom, def, (const char *)data, size, NULL);
	if (rc == INAMI_OK) {
		FUZZ_ASSERT(nom != NULL);
		use(nom, data, size);
		inami_nomenclature_free(nom);
	} else {
		FUZZ_ASSERT(nom == NULL);
		FUZZ_FAILED_CLEANLY(rc);
	}
	return 0;
}
