/*
 * Fuzz target: a message catalogue (inami_messages_load_text). A refused file
 * changes nothing; an accepted one leaves every message fillable or refused
 * with a message, and a reset gives back the embedded catalogue.
 */
#include <string.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static size_t embedded;
	char buf[512];

	if (embedded == 0)
		embedded = inami_message_count();
	int rc = inami_messages_load_text((const char *)data, size, "fuzz.catalogue");
	if (rc != INAMI_OK) {
		FUZZ_FAILED_CLEANLY(rc);
		FUZZ_ASSERT(inami_message_count() == embedded);
		return 0;
	}
	FUZZ_ASSERT(inami_message_count() >= embedded);
	for (size_t i = 0; i < inami_message_count(); i++) {
		const char *id = inami_message_id(i);
		FUZZ_ASSERT(id != NULL);
		for (int l = 0; l < 3; l++) {
			int st = inami_message_format(id, (inami_lang)l, "year=2023\ndate=20231231\nmeasure=measure.m_value",
				buf, sizeof(buf));
			if (st != INAMI_OK && st != INAMI_EBUFS)
				FUZZ_FAILED_CLEANLY(st);
			FUZZ_ASSERT(strlen(buf) < sizeof(buf));
		}
	}
	(void)inami_milestone_label("contest_window", INAMI_LANG_FR);
	inami_messages_reset();
	FUZZ_ASSERT(inami_message_count() == embedded);
	return 0;
}
