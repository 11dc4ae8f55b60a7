/* Labels of the checks an evaluation reports: "check.ID.label" in the message catalogue. */
#include <stdio.h>

#include "inami/evaluate.h"
#include "messages_internal.h"

const char *inami_check_label(const char *check_id, inami_lang lang)
{
	char id[96];

	if (!check_id || (unsigned)lang > 2)
		return NULL;
	if (snprintf(id, sizeof(id), "check.%s.label", check_id) >= (int)sizeof(id))
		return NULL;
	return inami__message_text(id, lang);
}
