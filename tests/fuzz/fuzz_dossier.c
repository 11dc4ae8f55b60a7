/*
 * Fuzz target: dossier text (inami_dossier_parse). A dossier that parses is
 * serialized, and the text must parse again to the same serialization.
 */
#include <string.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	inami_dossier *d = NULL, *again = NULL;
	char *t1 = NULL, *t2 = NULL;
	size_t l1 = 0, l2 = 0;
	int rc = inami_dossier_parse(&d, (const char *)data, size, "fuzz.dossier");
	if (rc != INAMI_OK) {
		FUZZ_ASSERT(d == NULL);
		FUZZ_FAILED_CLEANLY(rc);
		return 0;
	}
	FUZZ_ASSERT(d != NULL);
	inami_date deadline;
	const char *milestone;
	(void)inami_dossier_deadline(d, &deadline, &milestone);
	FUZZ_ASSERT(inami_dossier_serialize(d, &t1, &l1) == INAMI_OK);
	rc = inami_dossier_parse(&again, t1, l1, "serialized");
	if (rc != INAMI_OK) {
		fprintf(stderr, "serialized dossier does not parse: %s\n%s\n", inami_error_last(), t1);
		FUZZ_ASSERT(rc == INAMI_OK);
	}
	FUZZ_ASSERT(inami_dossier_serialize(again, &t2, &l2) == INAMI_OK);
	FUZZ_ASSERT(l1 == l2 && memcmp(t1, t2, l1) == 0);
	inami_free(t1);
	inami_free(t2);
	inami_dossier_free(d);
	inami_dossier_free(again);
	return 0;
}
