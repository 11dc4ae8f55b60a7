/* Internal: the message catalogue as the library's own code uses it. */
#ifndef INAMI_MESSAGES_INTERNAL_H
#define INAMI_MESSAGES_INTERNAL_H

#include <stddef.h>

#include "inami/messages.h"

/* The text of `id` in `lang` (English when that language lacks it); NULL for an unknown id. */
const char *inami__message_text(const char *id, inami_lang lang);

/* NULL when `text` is a well-formed template, else a static sentence saying what is wrong. */
const char *inami__message_check_template(const char *text, size_t len);

/*
 * Message `id` filled with `values` in `lang`, kept by the catalogue (valid
 * until inami_messages_reset()); NULL when it cannot be made.
 */
const char *inami__message_interned(const char *id, inami_lang lang, const char *values);

/*
 * Fill message `id` into `buf` with values given printf-style ("date=%d\nyear=%d");
 * never fails: an unknown id gives the id itself, a truncated text is cut.
 */
void inami__msgf(char *buf, size_t size, inami_lang lang, const char *id, const char *values_fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 5, 6)))
#endif
	;

#endif
