/*
 * Fuzz target: the nomenclature CSV loader (inami_nomenclature_load_buffer),
 * standalone and layered over the embedded nomenclature. A nomenclature that
 * loads has every entry read back, a few codes looked up, and is used to
 * total a few billing lines built from the input; single lines on the
 * bounds of the first periods (and around them) are valued by the billing
 * kernels exactly as the lookup values them.
 */
#include <string.h>

#include "fuzz.h"

/* dates.c: date + days (either way), 0 outside 1000-01-01..9999-12-31. */
inami_date inami__date_add_days(inami_date date, int days);

/*
 * One line of `code` on `date` through the billing kernels against the
 * nomenclature's own lookup, which walks the periods: valued with the same
 * value and letter, or unvalued (a DERIVED value refused counts as unvalued).
 */
static void line_agrees(const inami_nomenclature *nom, int32_t code, int32_t date, unsigned flags)
{
	if (date != 0 && inami_date_check(date) != INAMI_OK)
		return;
	inami_code_info info;
	memset(&info, 0, sizeof(info));
	info.version = INAMI_CODE_INFO_VERSION;
	int found = inami_nomenclature_lookup(nom, code, date, &info);
	inami_billing_summary sum;
	memset(&sum, 0, sizeof(sum));
	sum.version = INAMI_BILLING_SUMMARY_VERSION;
	int32_t one = 1;
	FUZZ_ASSERT(inami_billing_total(nom, &code, &one, date ? &date : NULL, 1, flags, &sum, NULL, NULL, NULL, 0)
		== INAMI_OK);
	FUZZ_ASSERT(sum.prestations == 1);
	int valued = found == INAMI_OK
		&& (info.provenance < INAMI_PROV_DERIVED || (flags & INAMI_BILLING_ALLOW_DERIVED));
	if (valued) {
		FUZZ_ASSERT(sum.unvalued_count == 0);
		FUZZ_ASSERT(sum.key_values[info.key_letter] == info.value);
	} else {
		FUZZ_ASSERT(sum.unvalued_count == 1);
	}
}

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
		if (i < 16) {
			/* the bounds of the period, a day just outside each (invalid ones are skipped), undated, a date of the input */
			int32_t from = info.valid_from, to = info.valid_to;
			int32_t before = from ? inami__date_add_days(from, -1) : 0, after = to ? inami__date_add_days(to, 1) : 0;
			int32_t probe = size >= 4 ? 19990101 + (int32_t)(data[i % size] % 30) * 10000
				+ (int32_t)(data[(i + 1) % size] % 12) * 100 + (int32_t)(data[(i + 2) % size] % 28) : 20220301;
			const int32_t dates[] = { from, to, before, after, 0, probe };
			for (size_t k = 0; k < sizeof(dates) / sizeof(dates[0]); k++)
				for (unsigned flags = 0; flags <= INAMI_BILLING_ALLOW_DERIVED; flags += INAMI_BILLING_ALLOW_DERIVED)
					line_agrees(nom, info.code, dates[k], flags);
		}
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
