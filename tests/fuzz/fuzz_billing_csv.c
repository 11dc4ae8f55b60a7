/*
 * Fuzz target: the streaming billing CSV reader (inami_billing_csv_feed /
 * _finish) over the embedded nomenclature. The input is fed twice: in one
 * block (the fast path reads the usual lines) and in blocks of 1..17 bytes
 * from the input's first byte (lines split anywhere, the general parser);
 * both readers must agree on the outcome, the line counts, every provider's
 * totals and date counts. Once with INAMI_CSV_SKIP_BAD. Each time with the
 * default options, then with options chosen by the input's second byte
 * (delimiter forced, other column names, a date range).
 */
#include <string.h>

#include "fuzz.h"

typedef struct outcome {
	int rc;
	int64_t lines, skipped;
	size_t providers;
	int64_t kv[3 * 16], prest[16], outside[16], undated[16], all_outside, all_undated;
	int32_t status[16];
	uint32_t flags[16];
} outcome;

static void run(const inami_nomenclature *nom, unsigned int flags, const inami_billing_csv_options *options,
	const uint8_t *data, size_t size, size_t step, outcome *o)
{
	inami_billing_csv *r = NULL;
	memset(o, 0, sizeof(*o));
	FUZZ_ASSERT(inami_billing_csv_new_with_options(&r, nom, flags, "fuzz.csv", options) == INAMI_OK);
	int rc = INAMI_OK;
	for (size_t off = 0; off < size && rc == INAMI_OK; off += step) {
		size_t n = size - off < step ? size - off : step;
		rc = inami_billing_csv_feed(r, (const char *)data + off, n);
	}
	if (rc == INAMI_OK)
		rc = inami_billing_csv_finish(r);
	else
		/* a reader that failed refuses more input */
		FUZZ_ASSERT(inami_billing_csv_feed(r, "x\n", 2) < 0);
	if (rc != INAMI_OK)
		FUZZ_FAILED_CLEANLY(rc);
	o->rc = rc;
	o->lines = inami_billing_csv_line_count(r);
	o->skipped = inami_billing_csv_skipped_count(r);
	FUZZ_ASSERT(inami_billing_csv_first_skipped(r) != NULL);
	inami_billing *b = inami_billing_csv_totals(r);
	FUZZ_ASSERT(b != NULL);
	o->providers = inami_billing_provider_count(b);
	FUZZ_ASSERT(inami_billing_csv_date_counts(r, &o->all_outside, &o->all_undated) == INAMI_OK);
	FUZZ_ASSERT(o->all_outside >= 0 && o->all_undated >= 0 && o->all_outside + o->all_undated <= o->lines);
	if (options == NULL || (options->date_from == 0 && options->date_to == 0))
		FUZZ_ASSERT(o->all_outside == 0 && o->all_undated == 0);
	if (rc == INAMI_OK) {
		for (size_t p = 0; p < o->providers; p++)
			FUZZ_ASSERT(inami_billing_csv_provider_id(r, p) != NULL);
		FUZZ_ASSERT(inami_billing_csv_provider_id(r, o->providers) == NULL);
		if (o->providers <= 16) {
			FUZZ_ASSERT(inami_billing_results(b, o->kv, o->prest, o->flags, o->status, 16) == INAMI_OK);
			FUZZ_ASSERT(inami_billing_csv_provider_date_counts(r, o->outside, o->undated, 16) == INAMI_OK);
			for (size_t p = 0; p < o->providers; p++) {
				size_t nu = 0;
				FUZZ_ASSERT(inami_billing_unvalued_count(b, (uint32_t)p, &nu) == INAMI_OK);
				for (size_t k = 0; k < nu; k++) {
					int32_t code;
					inami_unvalued_reason reason;
					int64_t q;
					FUZZ_ASSERT(inami_billing_unvalued(b, (uint32_t)p, k, &code, &q, &reason) == INAMI_OK);
					FUZZ_ASSERT(inami_unvalued_reason_id(reason) != NULL);
				}
			}
		}
	}
	inami_billing_csv_free(r);
}

static void assert_same(const outcome *a, const outcome *b)
{
	FUZZ_ASSERT(a->rc == b->rc);
	FUZZ_ASSERT(a->lines == b->lines);
	FUZZ_ASSERT(a->skipped == b->skipped);
	FUZZ_ASSERT(a->providers == b->providers);
	FUZZ_ASSERT(memcmp(a->kv, b->kv, sizeof(a->kv)) == 0);
	FUZZ_ASSERT(memcmp(a->prest, b->prest, sizeof(a->prest)) == 0);
	FUZZ_ASSERT(memcmp(a->status, b->status, sizeof(a->status)) == 0);
	FUZZ_ASSERT(memcmp(a->flags, b->flags, sizeof(a->flags)) == 0);
	FUZZ_ASSERT(memcmp(a->outside, b->outside, sizeof(a->outside)) == 0);
	FUZZ_ASSERT(memcmp(a->undated, b->undated, sizeof(a->undated)) == 0);
	FUZZ_ASSERT(a->all_outside == b->all_outside && a->all_undated == b->all_undated);
}

/* Options from the bits of `byte`: delimiter (2 bits), other column names, a date range (2 bits). */
static void pick_options(uint8_t byte, inami_billing_csv_options *o)
{
	static const char delimiters[] = { 0, ',', ';', 0 };
	static const inami_date from[] = { 0, 20220101, 0, 20230501 }, to[] = { 0, 20221231, 20211231, 0 };
	FUZZ_ASSERT(inami_billing_csv_options_init(o, INAMI_BILLING_CSV_OPTIONS_VERSION) == INAMI_OK);
	o->delimiter = delimiters[(byte >> 1) & 3];
	if (byte & 0x08) {
		o->provider_column = "NIHII";
		o->code_column = "Code";
		o->quantity_column = "QTE";
		o->date_column = (byte & 0x40) ? "date" : "DATE";
	}
	o->date_from = from[(byte >> 4) & 3];
	o->date_to = to[(byte >> 4) & 3];
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const inami_nomenclature *nom = NULL;
	outcome whole, split;
	size_t step = size ? (size_t)data[0] % 17 + 1 : 1;
	FUZZ_ASSERT(inami_nomenclature_default(&nom) == INAMI_OK);

	inami_billing_csv_options options;
	pick_options(size > 1 ? data[1] : 0, &options);
	for (int skip = 0; skip < 2; skip++) {
		unsigned int flags = (skip ? INAMI_CSV_SKIP_BAD : 0) | (size > 1 && (data[1] & 1) ? INAMI_BILLING_ALLOW_DERIVED : 0);
		for (int with_options = 0; with_options < 2; with_options++) {
			const inami_billing_csv_options *o = with_options ? &options : NULL;
			run(nom, flags, o, data, size, size ? size : 1, &whole);
			run(nom, flags, o, data, size, step, &split);
			/* whole: the fast path where lines allow it; split into pieces under 64 bytes: the general parser */
			assert_same(&whole, &split);
		}
	}
	return 0;
}
