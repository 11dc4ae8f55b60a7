/*
 * The message catalogue: every text the library gives a person (check labels
 * and details, payee names, notes, dossier states, events, notifications,
 * milestones) in English, French and Dutch, read from
 * libinami/data/messages.catalogue and overridable at run time.
 *
 * A message has a language-neutral id ("check.conventioned.label") and a
 * template per language. Placeholders are "{name}" (text inserted as is) or
 * "{name:type}" with the neutral value the caller gives:
 *   int      an integer, printed as is ("2023")
 *   decimal  hundredths ("200000" is 2000; fr "2 000", nl "2.000", en "2000")
 *   money    cents (fr "1 790,34 €", nl "€ 1.790,34", en "EUR 1,790.34")
 *   date     YYYYMMDD (fr "31/12/2023", nl "31-12-2023", en "2023-12-31")
 *   msg      another message's id, replaced by its text in the same language
 * Format of the file and the list of ids: docs/languages.md.
 */
#ifndef INAMI_MESSAGES_H
#define INAMI_MESSAGES_H

#include "inami/common.h"

INAMI_BEGIN_DECL

/**
 * Template of message `id` in `lang`, placeholders unfilled; NULL for an
 * unknown id or language. The pointer stays valid until
 * inami_messages_reset().
 */
INAMI_EXTERN(const char *) inami_message_template(const char *id, inami_lang lang);

/** Number of message ids in the catalogue (the embedded one plus any loaded). */
INAMI_EXTERN(size_t) inami_message_count(void);

/** Id of message `index` (in byte order of the ids); NULL past the end. */
INAMI_EXTERN(const char *) inami_message_id(size_t index);

/**
 * Fill message `id` in `lang` into `buf`. `values` holds "name=value" lines
 * separated by '\n' (NULL or "" for none), each value in its neutral form
 * (see the top of this header). Errors: INAMI_ENULL, INAMI_EINVAL (unknown
 * language, a placeholder without a value, a value that is not of its type),
 * INAMI_ENOTFOUND (unknown id), INAMI_EBUFS (`size` too small; `buf` then
 * holds as much as fits).
 */
INAMI_EXTERN(int) inami_message_format(const char *id, inami_lang lang, const char *values,
	char *buf, size_t size);

/**
 * Add the messages of a catalogue file to the catalogue, replacing the texts
 * of ids already known (for the whole process, every thread). Errors:
 * INAMI_EIO, INAMI_EPARSE (with file and line), INAMI_ENOMEM.
 */
INAMI_EXTERN(int) inami_messages_load(const char *path);

/** inami_messages_load() from `len` bytes of text; `name` names it in errors. */
INAMI_EXTERN(int) inami_messages_load_text(const char *text, size_t len, const char *name);

/**
 * Forget every loaded message and go back to the embedded catalogue. Texts
 * returned before are freed: call it only when no other thread reads them.
 */
INAMI_EXTERN(void) inami_messages_reset(void);

/** An amount in cents as a person reads it in `lang` ("1 790,34 €"); INAMI_EBUFS when `size` is too small. */
INAMI_EXTERN(int) inami_amount_format(int64_t cents, inami_lang lang, char *buf, size_t size);

/** A date YYYYMMDD as a person reads it in `lang` ("31/12/2023"); INAMI_EINVAL for an invalid date. */
INAMI_EXTERN(int) inami_date_format_lang(inami_date date, inami_lang lang, char *buf, size_t size);

/** A value in hundredths as a person reads it in `lang` ("2 000", "12,5"). */
INAMI_EXTERN(int) inami_decimal_format(int64_t hundredths, inami_lang lang, char *buf, size_t size);

/**
 * What a status (INAMI_ENORULES...) means, in `lang` ("pas de règles pour
 * cette profession et cette année de prime"); NULL for an unknown status or
 * language. inami_error_last() keeps the detail, in English.
 */
INAMI_EXTERN(const char *) inami_status_text(int status, inami_lang lang);

/**
 * Columns `text` takes on a terminal: its UTF-8 code points (an accented
 * Latin letter is one column, whatever its bytes). NULL is 0.
 */
INAMI_EXTERN(size_t) inami_text_width(const char *text);

INAMI_END_DECL

#endif
