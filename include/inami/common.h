/** @file
 * libinami - the Belgian INAMI/RIZIV statut social as a C library.
 *
 * common.h: export macro, status codes, error messages, version queries and
 * the small value types shared by every other header.
 */
#ifndef INAMI_COMMON_H
#define INAMI_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
#define INAMI_BEGIN_DECL extern "C" {
#define INAMI_END_DECL }
#else
/** Opens the C linkage block of a header (extern "C" in C++). */
#define INAMI_BEGIN_DECL
/** Closes the block INAMI_BEGIN_DECL opened. */
#define INAMI_END_DECL
#endif

/**
 * INAMI_EXTERN(type) marks a public function. The library is compiled with
 * hidden visibility, so only functions declared with this macro are exported.
 * libinami is built and tested on POSIX systems (GNU/Linux) with GCC and
 * Clang; it needs POSIX threads and file I/O.
 */
#if defined(__GNUC__)
#define INAMI_EXTERN(type) __attribute__((visibility("default"))) type
#else
#define INAMI_EXTERN(type) type
#endif

#include "inami/version.h"

INAMI_BEGIN_DECL

/**
 * Status codes. Every public function that can fail returns one of these:
 * INAMI_OK (0) on success, a negative code otherwise. The values are part of
 * the ABI and never change; new codes may be added.
 */
typedef enum inami_status {
	INAMI_OK = 0,
	INAMI_EINVAL = -1,       /**< an argument is invalid (see the message) */
	INAMI_ENULL = -2,        /**< a required pointer argument is NULL */
	INAMI_EVERSION = -3,     /**< a struct carries a version this library does not know */
	INAMI_ENOPROFESSION = -4,/**< unknown profession */
	INAMI_ENORULES = -5,     /**< no rules for that profession and premium year (never guessed) */
	INAMI_ENEGATIVE = -6,    /**< a count or amount is negative */
	INAMI_EOVERFLOW = -7,    /**< a total or amount does not fit in 64 bits */
	INAMI_ENOMEM = -8,       /**< out of memory */
	INAMI_EPARSE = -9,       /**< a file or buffer is malformed (message has file:line:column) */
	INAMI_EIO = -10,         /**< a file could not be read */
	INAMI_EDERIVED = -11,    /**< the answer needs a DERIVED figure and the caller did not allow it */
	INAMI_ENOTFOUND = -12,   /**< an identifier (specialty, tier, product, code) is unknown */
	INAMI_ESTATE = -13,      /**< an event is not allowed in the current state */
	INAMI_ERANGE = -14,      /**< a value is outside its allowed range */
	INAMI_EBUFS = -15        /**< an output buffer is too small */
} inami_status;

/**
 * Static English text for a status code ("no rules for that profession and
 * premium year"). Never NULL; unknown codes give "unknown status".
 */
INAMI_EXTERN(const char *) inami_strerror(int status);

/**
 * The detailed message of the last error raised on the calling thread, for
 * example "no rules for physiotherapist premium year 2031". The text stays
 * valid until the next failing call on the same thread. Never NULL (an empty
 * string when no error happened). Check return codes to detect errors; this
 * only explains them.
 */
INAMI_EXTERN(const char *) inami_error_last(void);

/** The status code of the last error on the calling thread (INAMI_OK if none). */
INAMI_EXTERN(int) inami_error_last_status(void);

/** Forget the last error of the calling thread. */
INAMI_EXTERN(void) inami_error_clear(void);

/**
 * Free memory that the library returned to the caller as a plain buffer (the
 * text of inami_ruleset_dump() or inami_dossier_serialize()). NULL is ignored.
 * Handles have their own *_free() functions.
 */
INAMI_EXTERN(void) inami_free(void *ptr);

/** Run-time library version, e.g. "1.0.0"; compare with INAMI_VERSION. */
INAMI_EXTERN(const char *) inami_version(void);

/** Run-time version number: major * 10000 + minor * 100 + patch. */
INAMI_EXTERN(int) inami_version_number(void);

/**
 * The professions that have a statut social. The numeric values are part of
 * the ABI. Identifiers in text (files, command line, bindings) are
 * "physiotherapist", "doctor", "dentist", "pharmacist", "speech_therapist",
 * "nurse" and "midwife".
 */
typedef enum inami_profession {
	INAMI_PROFESSION_NONE = 0,
	INAMI_PHYSIOTHERAPIST = 1,
	INAMI_DOCTOR = 2,
	INAMI_DENTIST = 3,
	INAMI_PHARMACIST = 4,
	INAMI_SPEECH_THERAPIST = 5,
	INAMI_NURSE = 6,
	INAMI_MIDWIFE = 7
} inami_profession;

/** Number of professions (the highest inami_profession value). */
#define INAMI_PROFESSION_COUNT 7

/** Text identifier of a profession ("speech_therapist"), or NULL if unknown. */
INAMI_EXTERN(const char *) inami_profession_id(inami_profession profession);

/**
 * Parse a profession identifier. Returns INAMI_ENOPROFESSION with a message
 * naming the accepted identifiers when `id` is unknown.
 */
INAMI_EXTERN(int) inami_profession_from_id(const char *id, inami_profession *out);

/** Languages of labels and explanations. */
typedef enum inami_lang {
	INAMI_LANG_EN = 0,
	INAMI_LANG_FR = 1,
	INAMI_LANG_NL = 2
} inami_lang;

/** Parse "en", "fr" or "nl" (INAMI_EINVAL otherwise). */
INAMI_EXTERN(int) inami_lang_from_id(const char *id, inami_lang *out);

/**
 * Provenance of a figure, strongest first (see README, "Data provenance").
 * ILLUSTRATIVE marks example figures in user files that are not real yet;
 * NOT_FOUND marks a figure the sources do not give (never used).
 */
typedef enum inami_provenance {
	INAMI_PROV_OFFICIAL = 0,
	INAMI_PROV_SECONDARY = 1,
	INAMI_PROV_DERIVED = 2,
	INAMI_PROV_ILLUSTRATIVE = 3,
	INAMI_PROV_NOT_FOUND = 4
} inami_provenance;

/** "official", "secondary", "derived", "illustrative" or "not_found". */
INAMI_EXTERN(const char *) inami_provenance_id(inami_provenance provenance);

/**
 * Activity measures that tier thresholds count. Key-letter values are M for
 * physiotherapists, R for speech therapists and V for midwives.
 *
 * Every value of a measure (an input, a threshold, an observed figure, what
 * is missing) is an int64_t in one unit per measure, the same in every call:
 *   prestations      whole prestations               (scale 1)
 *   m/r/v_value      hundredths of a key-letter point (scale 100: M 24 is 2400)
 *   reimbursed_eur   cents                            (scale 100)
 *   hours_per_week   hundredths of an hour            (scale 100: 38 h is 3800)
 * inami_measure_scale() gives the scale, so value / scale is the figure in
 * its natural unit.
 */
typedef enum inami_measure {
	INAMI_MEASURE_NONE = -1,       /**< no measure (a check that compares no figure) */
	INAMI_MEASURE_PRESTATIONS = 0,
	INAMI_MEASURE_M_VALUE = 1,
	INAMI_MEASURE_R_VALUE = 2,
	INAMI_MEASURE_V_VALUE = 3,
	INAMI_MEASURE_REIMBURSED_EUR = 4,
	INAMI_MEASURE_HOURS_PER_WEEK = 5
} inami_measure;

/** Number of measures (the highest inami_measure value + 1). */
#define INAMI_MEASURE_COUNT 6

/** "prestations", "m_value", "r_value", "v_value", "reimbursed_eur", "hours_per_week"; NULL if unknown. */
INAMI_EXTERN(const char *) inami_measure_id(inami_measure measure);

/** Parse a measure identifier (INAMI_EINVAL naming the accepted ids otherwise). */
INAMI_EXTERN(int) inami_measure_from_id(const char *id, inami_measure *out);

/**
 * How many units of a measure's int64_t values make one natural unit: 1 for
 * prestations, 100 for the others (hundredths). 0 for an unknown measure.
 */
INAMI_EXTERN(int64_t) inami_measure_scale(inami_measure measure);

/**
 * Parse a figure of `measure` written in its natural unit, with at most two
 * decimals and no thousands separator ("2299" prestations, "1234.5" M,
 * "38" hours, "25000.00" euros), into its int64_t unit (2299, 123450, 3800,
 * 2500000). Prestations must be whole. INAMI_ENEGATIVE for a negative figure,
 * INAMI_EOVERFLOW when it does not fit, INAMI_EINVAL otherwise.
 */
INAMI_EXTERN(int) inami_measure_parse(inami_measure measure, const char *text, int64_t *out);

/**
 * Format a value of `measure` in its natural unit, in the shortest exact form
 * ("2299", "1234.5", "38", "25000"). INAMI_EBUFS when `size` is too small
 * (32 bytes always suffice).
 */
INAMI_EXTERN(int) inami_measure_format(inami_measure measure, int64_t value, char *buf, size_t size);

/**
 * A calendar date as the integer YYYYMMDD (20221001 is 1 October 2022);
 * 0 means "not given".
 */
typedef int32_t inami_date;

/** Check that `date` is a real calendar date (INAMI_EINVAL otherwise). */
INAMI_EXTERN(int) inami_date_check(inami_date date);

/** Parse an ISO date "YYYY-MM-DD" into `*out`. */
INAMI_EXTERN(int) inami_date_parse(const char *text, inami_date *out);

/**
 * Parse a euro amount ("1790.34", "1,790.34" is refused, "-5" is refused
 * unless allow_negative) into integer cents, exactly; more than two decimals
 * or an amount that overflows is an error.
 */
INAMI_EXTERN(int) inami_euros_parse(const char *text, int allow_negative, int64_t *cents);

/**
 * Format cents as euros with two decimals ("1790.34") into `buf`.
 * Returns INAMI_EBUFS when `size` is too small (24 bytes always suffice).
 */
INAMI_EXTERN(int) inami_euros_format(int64_t cents, char *buf, size_t size);

INAMI_END_DECL

#endif
