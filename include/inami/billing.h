/** @file
 * billing.h: the nomenclature (code -> key letter and value, with validity
 * dates) and key-letter totals over billing lines: M for physiotherapists,
 * R for speech therapists, V for midwives.
 *
 * Fixed point: every key-letter value and total is an int64_t in HUNDREDTHS
 * of the unit (INAMI_KEY_VALUE_SCALE). 560011 (M 24) is 2400, R 17.5 is
 * 1750, and one 560011 plus one 560416 (M 16) is a total of 4000 (40 M).
 *
 * Billing lines are passed as parallel arrays (structure of arrays) so that
 * Python buffers and Java primitive arrays pass straight through:
 *   code[i]      int32_t  nomenclature code (560011)
 *   quantity[i]  int32_t  number of prestations; negative = a correction
 *   date[i]      int32_t  YYYYMMDD or 0 when unknown (the whole array may be NULL)
 *   provider[i]  uint32_t provider index 0..provider_count-1
 *
 * What is counted (docs/billing.md has the details):
 * - every line counts its quantity as prestations, known code or not;
 * - a line adds quantity x value to its key letter only when the code has a
 *   value on the line's date; otherwise it is "unvalued" and reported with a
 *   reason (unknown code, out of validity, date needed, DERIVED not allowed),
 *   never counted as zero silently; the total is then flagged INCOMPLETE;
 * - DERIVED values (computed by us, not read in a source) count only with
 *   INAMI_BILLING_ALLOW_DERIVED, and the total is then flagged;
 * - empty validity dates in the data mean "unknown", not "open-ended": the
 *   value applies on that side and the total is flagged VALIDITY_UNKNOWN;
 * - a provider whose key-letter total or prestation count ends below zero,
 *   or whose total does not fit in 64 bits (a prestation count: beyond 2^55,
 *   36 quadrillion) gets an error status (INAMI_ENEGATIVE / INAMI_EOVERFLOW)
 *   instead of a number.
 */
#ifndef INAMI_BILLING_H
#define INAMI_BILLING_H

#include "common.h"
#include "rules.h"

INAMI_BEGIN_DECL

/** Key-letter values and totals are in hundredths: 40 M is 4000. */
#define INAMI_KEY_VALUE_SCALE 100

/** Key letters. The numeric values index the totals arrays below. */
typedef enum inami_key_letter {
	INAMI_KEY_M = 0,   /**< physiotherapists, nomenclature article 7 */
	INAMI_KEY_R = 1,   /**< speech therapists, article 36 */
	INAMI_KEY_V = 2    /**< midwives, article 9a */
} inami_key_letter;

/** Number of key letters (the width of a per-provider totals row). */
#define INAMI_KEY_LETTER_COUNT 3

/** "M", "R" or "V"; NULL for an unknown value. */
INAMI_EXTERN(const char *) inami_key_letter_id(inami_key_letter letter);

/**
 * The key letter a profession's thresholds count (M, R, V). INAMI_ENOTFOUND
 * for a profession without key-letter thresholds.
 */
INAMI_EXTERN(int) inami_key_letter_of_profession(inami_profession profession,
	inami_key_letter *out);

/* ------------------------------------------------------------------------ */
/* Nomenclature                                                              */
/* ------------------------------------------------------------------------ */

/** An immutable, compiled nomenclature; safe to share between threads. */
typedef struct inami_nomenclature inami_nomenclature;

/**
 * The embedded nomenclature (libinami/data/nomenclature.csv), made once
 * (thread-safe) and alive until the process ends; freeing it does nothing.
 */
INAMI_EXTERN(int) inami_nomenclature_default(const inami_nomenclature **out);

/**
 * Load a nomenclature CSV (format in docs/billing.md: header row naming at
 * least code,key_letter,value,valid_from,valid_to,provenance,source_url;
 * note and description optional; other columns ignored; '#' lines are
 * comments). With `base` NULL the file stands alone. Otherwise it is a layer
 * over `base`: codes of the file replace ALL the periods `base` has for those
 * codes, other codes of `base` are kept. Atomic: on error `*out` is NULL,
 * nothing changes and the message says file:line:column and why. `base` may
 * be freed after the call.
 */
INAMI_EXTERN(int) inami_nomenclature_load_file(inami_nomenclature **out,
	const inami_nomenclature *base, const char *path);

/** As inami_nomenclature_load_file(), from `len` bytes; `name` (may be NULL) names it in messages. */
INAMI_EXTERN(int) inami_nomenclature_load_buffer(inami_nomenclature **out,
	const inami_nomenclature *base, const char *data, size_t len, const char *name);

/** Free a loaded nomenclature; NULL and the default are ignored. */
INAMI_EXTERN(void) inami_nomenclature_free(const inami_nomenclature *nomenclature);

/** Version of inami_code_info. */
#define INAMI_CODE_INFO_VERSION 1

/** Flags of inami_code_info.flags. */
#define INAMI_CODE_FROM_UNKNOWN 0x1u  /**< the start of validity is not known */
#define INAMI_CODE_TO_UNKNOWN   0x2u  /**< the end of validity is not known (not "open-ended") */
#define INAMI_CODE_CONFLICT_UNRESOLVED 0x4u /**< a source of equal provenance gives another value */

/**
 * One nomenclature entry: a code's value over one validity period. Strings
 * point into the nomenclature and live as long as it.
 */
typedef struct inami_code_info {
	unsigned int version;  /**< INAMI_CODE_INFO_VERSION, set by the caller */
	int32_t code;          /**< nomenclature code number */
	inami_key_letter key_letter; /**< key letter the value is counted in */
	int64_t value;             /**< hundredths (M 24 = 2400) */
	inami_date valid_from;     /**< 0 = unknown */
	inami_date valid_to;       /**< 0 = unknown */
	unsigned int flags;        /**< INAMI_CODE_* */
	inami_provenance provenance; /**< provenance of the value */
	const char *source;        /**< URLs separated by " ; " */
	const char *note;          /**< "" if none */
	const char *description;   /**< "" if none */
	const char *layer;         /**< "default" or the loaded file name */
	int line;                  /**< line in that layer */
	int has_conflict;          /**< another row gave another value for an overlapping period */
	int64_t conflict_value;    /**< hundredths */
	inami_provenance conflict_provenance; /**< provenance of the other value (when has_conflict) */
	const char *conflict_source; /**< source of the other value (when has_conflict) */
	const char *conflict_note; /**< note on the other value (when has_conflict) */
} inami_code_info;

/** Number of entries (code x validity period) kept after conflict resolution. */
INAMI_EXTERN(size_t) inami_nomenclature_count(const inami_nomenclature *nomenclature);

/** Entry `index` (ordered by code, then start date); `out->version` must be set. */
INAMI_EXTERN(int) inami_nomenclature_entry(const inami_nomenclature *nomenclature, size_t index,
	inami_code_info *out);

/**
 * The value of `code` on `date` (0 = no date). INAMI_ENOTFOUND when the code
 * is unknown or has no value on that date; INAMI_EINVAL when no date is given
 * and the code's value changed over time (a date is needed to choose).
 * `out->version` must be set. The provenance (DERIVED included) is in `out`;
 * this function does not filter it.
 */
INAMI_EXTERN(int) inami_nomenclature_lookup(const inami_nomenclature *nomenclature,
	int32_t code, inami_date date, inami_code_info *out);

/* ------------------------------------------------------------------------ */
/* Totals over billing lines                                                 */
/* ------------------------------------------------------------------------ */

/** Count DERIVED code values (otherwise their lines are reported unvalued). */
#define INAMI_BILLING_ALLOW_DERIVED 0x1u

/** Flags of a total (per provider). */
#define INAMI_TOTAL_DERIVED_USED     0x01u /**< a DERIVED value was counted */
#define INAMI_TOTAL_VALIDITY_UNKNOWN 0x02u /**< a dated line relied on an unknown validity bound */
#define INAMI_TOTAL_UNDATED          0x04u /**< a valued line had no date: validity not checked */
#define INAMI_TOTAL_CONFLICT         0x08u /**< a value with an unresolved equal-provenance conflict was counted */
#define INAMI_TOTAL_INCOMPLETE       0x10u /**< some lines are unvalued: the key-letter totals are lower bounds */

/** Why a line got no key-letter value. */
typedef enum inami_unvalued_reason {
	INAMI_UNVALUED_UNKNOWN_CODE = 1,    /**< the code is not in the nomenclature */
	INAMI_UNVALUED_OUT_OF_VALIDITY = 2, /**< the code has no value on the line's date */
	INAMI_UNVALUED_DATE_NEEDED = 3,     /**< undated line, and the code's value changed over time */
	INAMI_UNVALUED_DERIVED = 4          /**< the value is DERIVED and was not allowed */
} inami_unvalued_reason;

/** "unknown_code", "out_of_validity", "date_needed", "derived_not_allowed"; NULL if unknown. */
INAMI_EXTERN(const char *) inami_unvalued_reason_id(inami_unvalued_reason reason);

/** Version of inami_billing_summary. */
#define INAMI_BILLING_SUMMARY_VERSION 1

/** Totals of one set of lines (one provider). */
typedef struct inami_billing_summary {
	unsigned int version;  /**< INAMI_BILLING_SUMMARY_VERSION, set by the caller */
	int64_t key_values[INAMI_KEY_LETTER_COUNT]; /**< hundredths, indexed by inami_key_letter */
	int64_t prestations;       /**< sum of quantities, every line */
	unsigned int flags;        /**< INAMI_TOTAL_* */
	size_t unvalued_count;     /**< distinct (code, reason) pairs of unvalued lines */
	int64_t unvalued_quantity; /**< sum of the quantities of unvalued lines */
} inami_billing_summary;

/**
 * Totals of `count` lines in one call (no provider). `date` may be NULL.
 * `summary->version` must be set. The distinct unvalued (code, reason)
 * pairs, ordered by code, are written to `unvalued_codes`,
 * `unvalued_quantities` and `unvalued_reasons` (all three may be NULL when
 * `cap` is 0), at most `cap` of them; summary->unvalued_count says how many
 * exist (like snprintf: a larger count means the list was cut).
 * Returns INAMI_ENEGATIVE when a total ends below zero, INAMI_EOVERFLOW when
 * it does not fit in 64 bits (the prestation count: beyond 2^55; the summary
 * then holds no usable total), and
 * INAMI_EINVAL for a date that is neither 0 nor in 10000101..99991231.
 */
INAMI_EXTERN(int) inami_billing_total(const inami_nomenclature *nomenclature,
	const int32_t *code, const int32_t *quantity, const int32_t *date, size_t count,
	unsigned int flags, inami_billing_summary *summary,
	int32_t *unvalued_codes, int64_t *unvalued_quantities, int32_t *unvalued_reasons, size_t cap);

/**
 * A per-provider accumulator for large volumes: feed it lines in as many
 * calls as needed, then read totals for every provider into caller arrays.
 * Not thread-safe (one accumulator per thread; merge is not provided). It
 * refers to the nomenclature, which must outlive it.
 */
typedef struct inami_billing inami_billing;

/** A new accumulator for `provider_count` providers (may be 0 and grown later). */
INAMI_EXTERN(int) inami_billing_new(inami_billing **out, const inami_nomenclature *nomenclature,
	size_t provider_count, unsigned int flags);

/** Free an accumulator (NULL is ignored). */
INAMI_EXTERN(void) inami_billing_free(inami_billing *billing);

/** Grow to `provider_count` providers (new ones start at zero); a smaller count is ignored. */
INAMI_EXTERN(int) inami_billing_reserve(inami_billing *billing, size_t provider_count);

/** Current number of providers. */
INAMI_EXTERN(size_t) inami_billing_provider_count(const inami_billing *billing);

/**
 * Add `count` lines. `date` may be NULL (all undated); `provider` may be
 * NULL (all lines are provider 0). The arrays are checked before anything
 * is added: a provider index >= the provider count gives INAMI_ERANGE and a
 * date neither 0 nor in 10000101..99991231 gives INAMI_EINVAL, and nothing
 * of the call is counted. Overflow and negative totals are not call errors:
 * they are reported per provider by inami_billing_results().
 */
INAMI_EXTERN(int) inami_billing_add(inami_billing *billing, const int32_t *code,
	const int32_t *quantity, const int32_t *date, const uint32_t *provider, size_t count);

/** Lines added so far. */
INAMI_EXTERN(int64_t) inami_billing_line_count(const inami_billing *billing);

/**
 * Totals of every provider into caller arrays of `count` >= provider count
 * entries (INAMI_EBUFS otherwise); any array may be NULL when not wanted.
 * key_values has INAMI_KEY_LETTER_COUNT entries per provider (row-major:
 * key_values[p * 3 + INAMI_KEY_M]), in hundredths. status[p] is INAMI_OK,
 * INAMI_EOVERFLOW or INAMI_ENEGATIVE; the totals of a provider in error are
 * written as 0. flags[p] holds INAMI_TOTAL_*.
 */
INAMI_EXTERN(int) inami_billing_results(const inami_billing *billing, int64_t *key_values,
	int64_t *prestations, uint32_t *flags, int32_t *status, size_t count);

/**
 * As inami_billing_results(), except that a provider whose total is below
 * zero keeps its sums (status[p] is still INAMI_ENEGATIVE): only a provider
 * whose total overflows gets 0. For adding up the accumulators of parts of
 * one input, where the lines of a later part (corrections) may bring a
 * total back above zero.
 */
INAMI_EXTERN(int) inami_billing_signed_results(const inami_billing *billing, int64_t *key_values,
	int64_t *prestations, uint32_t *flags, int32_t *status, size_t count);

/** Number of distinct unvalued (code, reason) pairs of `provider`. */
INAMI_EXTERN(int) inami_billing_unvalued_count(inami_billing *billing, uint32_t provider,
	size_t *count);

/** Unvalued pair `index` (ordered by code) of `provider`: code, summed quantity, reason. */
INAMI_EXTERN(int) inami_billing_unvalued(inami_billing *billing, uint32_t provider, size_t index,
	int32_t *code, int64_t *quantity, inami_unvalued_reason *reason);

/* ------------------------------------------------------------------------ */
/* Batch evaluation                                                          */
/* ------------------------------------------------------------------------ */

/**
 * Evaluate `count` providers of one profession and premium year in one call
 * (inami_evaluate() for each, with everything else at its default: fully
 * conventioned for the whole year, not retired...). Inputs per provider:
 * prestations[p] (NULL = not given) and key_values[p] in hundredths of the
 * profession's key letter (NULL = not given, or a profession without key
 * letter); in_status[p] (may be NULL) skips providers whose totals are in
 * error, copying that status to status[p].
 * `eval_flags` takes INAMI_EVAL_ALLOW_DERIVED.
 * Outputs per provider (each array may be NULL when not wanted):
 *   tier_index[p]   index of the tier reached (0 = lowest), -1 when none
 *   amount_cents[p] amount due (0 when not eligible)
 *   eligible[p]     1 when entitled
 *   missing_prestations[p] prestations missing for the next tier, or -1
 *                   (no next tier, or prestations do not count for it)
 *   missing_key_value[p]   key-letter hundredths missing for the next tier, or -1
 *   status[p]       INAMI_OK or the error of that provider (message lost;
 *                   call inami_evaluate() for that one provider to see it)
 * The call itself fails only for bad arguments or when the profession-year
 * has no rules (INAMI_ENORULES, nothing written then).
 */
INAMI_EXTERN(int) inami_billing_evaluate(const inami_ruleset *rules, inami_profession profession,
	int premium_year, unsigned int eval_flags,
	const int64_t *prestations, const int64_t *key_values, const int32_t *in_status, size_t count,
	int32_t *tier_index, int64_t *amount_cents, int32_t *eligible,
	int64_t *missing_prestations, int64_t *missing_key_value, int32_t *status);

/* ------------------------------------------------------------------------ */
/* Billing CSV (streaming)                                                    */
/* ------------------------------------------------------------------------ */

/**
 * A streaming reader of billing CSV: header `provider,code,quantity` with an
 * optional `date` column (any order; YYYY-MM-DD or DD/MM/YYYY), one line per
 * prestation group, comma or semicolon separated (the dialect:
 * inami_billing_csv_options). Provider ids are any text without newline (a
 * delimiter or quote only inside a quoted field; at most 255 bytes); they are
 * mapped to indices 0.. in order of first appearance.
 * The lines go into an accumulator (inami_billing, above) that the reader
 * owns: inami_billing_csv_totals() gives it, to read the per-provider totals.
 * Memory grows with the number of providers, not with the number of lines.
 * Not thread-safe: use one reader per thread (readers sharing one
 * nomenclature may run at once).
 */
typedef struct inami_billing_csv inami_billing_csv;

/** Skip malformed lines (they are counted) instead of failing. */
#define INAMI_CSV_SKIP_BAD 0x100u

/**
 * A reader feeding a new accumulator over `nomenclature`, with the default
 * options (INAMI_BILLING_CSV_OPTIONS_INIT). `flags` takes
 * INAMI_BILLING_ALLOW_DERIVED and INAMI_CSV_SKIP_BAD; `name` (may be NULL)
 * names the input in messages ("file.csv:12: ...").
 */
INAMI_EXTERN(int) inami_billing_csv_new(inami_billing_csv **out,
	const inami_nomenclature *nomenclature, unsigned int flags, const char *name);

/** Version of inami_billing_csv_options. */
#define INAMI_BILLING_CSV_OPTIONS_VERSION 1

/**
 * The CSV dialect a reader accepts and the lines it counts
 * (inami_billing_csv_new_with_options()). Every dialect also takes, as the
 * default reader does: a UTF-8 byte order mark before the header, LF or CRLF
 * line ends, RFC 4180 quoted fields on one line (the delimiter inside quotes,
 * "" for a quote), header names matched case-insensitively after trimming
 * spaces (an exact match wins over a case-insensitive one), and dates
 * YYYY-MM-DD or DD/MM/YYYY. Strings are copied: they may be freed after the call.
 */
typedef struct inami_billing_csv_options {
	unsigned int version;  /**< INAMI_BILLING_CSV_OPTIONS_VERSION */
	/**
	 * ',' or ';'. 0 (the default) detects it from the header: a comma when
	 * the header split at commas names every required column, else a
	 * semicolon when split at semicolons it does. Other values are INAMI_EINVAL.
	 */
	char delimiter;
	/**
	 * Header names of the four columns ("NIHII", "CODE", "QTE", "DATE"):
	 * NULL keeps the role's own name (provider, code, quantity, date). A date
	 * column named here must be in the header; the default one may be absent.
	 * Names are non-empty, at most 255 bytes, without quote, CR or LF, and
	 * distinct from each other (INAMI_EINVAL otherwise).
	 */
	const char *provider_column;
	const char *code_column;      /**< see provider_column */
	const char *quantity_column;  /**< see provider_column */
	const char *date_column;      /**< see provider_column */
	/**
	 * A date range, both ends included (YYYYMMDD; 0 = open on that side;
	 * both 0 = no range). With a range, a line dated outside it is read and
	 * checked but not added to the totals: it is counted, in all and per
	 * provider (inami_billing_csv_date_counts()), and its provider still gets
	 * an index. Undated lines are added and counted as undated. A date that
	 * is not a real day, or date_from after date_to, is INAMI_EINVAL.
	 */
	inami_date date_from;
	inami_date date_to;           /**< see date_from */
} inami_billing_csv_options;

/** The defaults: delimiter detected, the usual column names, no date range. */
#define INAMI_BILLING_CSV_OPTIONS_INIT { INAMI_BILLING_CSV_OPTIONS_VERSION, 0, NULL, NULL, NULL, NULL, 0, 0 }

/** Initialise `options` as INAMI_BILLING_CSV_OPTIONS_INIT does (INAMI_EVERSION for an unknown version). */
INAMI_EXTERN(int) inami_billing_csv_options_init(inami_billing_csv_options *options, unsigned int version);

/**
 * inami_billing_csv_new() with `options` (NULL = the defaults, which is what
 * inami_billing_csv_new() uses). INAMI_EVERSION for options of an unknown
 * version, INAMI_EINVAL for a value the options do not allow (the message
 * says which).
 */
INAMI_EXTERN(int) inami_billing_csv_new_with_options(inami_billing_csv **out,
	const inami_nomenclature *nomenclature, unsigned int flags, const char *name,
	const inami_billing_csv_options *options);

/**
 * Lines left out by the date range and undated lines, over the whole input
 * so far; either pointer may be NULL. Both are 0 for a reader without a
 * date range.
 */
INAMI_EXTERN(int) inami_billing_csv_date_counts(const inami_billing_csv *reader, int64_t *outside,
	int64_t *undated);

/**
 * The same counts per provider, into caller arrays of `count` >= provider
 * count entries (INAMI_EBUFS otherwise); either array may be NULL.
 */
INAMI_EXTERN(int) inami_billing_csv_provider_date_counts(const inami_billing_csv *reader,
	int64_t *outside, int64_t *undated, size_t count);

/** Free a reader and its accumulator (NULL is ignored). */
INAMI_EXTERN(void) inami_billing_csv_free(inami_billing_csv *reader);

/**
 * Feed the next `len` bytes of the input (any split, even inside a line).
 * INAMI_EPARSE for a malformed line (message "name:line:column: why"),
 * unless INAMI_CSV_SKIP_BAD; after an error the reader refuses more input.
 */
INAMI_EXTERN(int) inami_billing_csv_feed(inami_billing_csv *reader, const char *data, size_t len);

/** End of input: parses a last line without newline. An empty input (no header) is INAMI_EPARSE. */
INAMI_EXTERN(int) inami_billing_csv_finish(inami_billing_csv *reader);

/** Version of inami_csv_read_options. */
#define INAMI_CSV_READ_OPTIONS_VERSION 1

/** Largest inami_csv_read_options.threads. */
#define INAMI_CSV_READ_MAX_THREADS 2

/** How inami_billing_csv_read_file() reads. NULL options mean the defaults (INAMI_CSV_READ_OPTIONS_INIT). */
typedef struct inami_csv_read_options {
	unsigned int version;  /**< INAMI_CSV_READ_OPTIONS_VERSION */
	/**
	 * Threads the call may use, 1..INAMI_CSV_READ_MAX_THREADS (others are
	 * INAMI_EINVAL). 1 (the default): everything on the caller's thread, no
	 * thread is started. 2: a regular file of 4 MiB or more is cut in two at
	 * a line start near its middle; the caller's thread reads the first half
	 * and one helper thread, started and joined by the call, reads the second
	 * into a reader of its own, whose totals are then merged in. The result
	 * is the same as with 1 (providers in order of first appearance). When
	 * the second half has a malformed line (even one skipped with
	 * INAMI_CSV_SKIP_BAD) or its totals could come near 2^63, the whole file
	 * is read again on the caller's thread, so that line numbers stay exact.
	 * Smaller files and anything but a regular file use the caller's thread.
	 */
	unsigned int threads;
} inami_csv_read_options;

/** Initialiser of inami_csv_read_options: its version set and every other field at its default. */
#define INAMI_CSV_READ_OPTIONS_INIT { INAMI_CSV_READ_OPTIONS_VERSION, 1u }

/** Initialise `options` as INAMI_CSV_READ_OPTIONS_INIT does (INAMI_EVERSION for an unknown version). */
INAMI_EXTERN(int) inami_csv_read_options_init(inami_csv_read_options *options, unsigned int version);

/**
 * Feed the file at `path` to the reader, then finish (see
 * inami_billing_csv_finish()). "-" is a file name like any other: to read
 * standard input, feed it with inami_billing_csv_feed(). A regular file is
 * read with pread() blocks, anything else (a pipe) with read() blocks;
 * memory does not grow with the file. `options` may be NULL (one thread).
 * INAMI_EIO when the file cannot be opened or read, INAMI_EVERSION for
 * options of an unknown version, INAMI_EINVAL for threads out of range.
 */
INAMI_EXTERN(int) inami_billing_csv_read_file(inami_billing_csv *reader, const char *path,
	const inami_csv_read_options *options);

/**
 * Feed bytes [start, end) of the regular file at `path` to the reader, then
 * finish: one part of a file cut at line starts, read where the file lies
 * (parts of one file may be read by several processes or machines and their
 * totals added; see docs/distributed.md). `start` is 0 or a line start (the
 * byte after a newline); `end` is a line start or the file's size (an `end`
 * past the size reads to the end). When `start` > 0 and the reader has no
 * header yet, the file's lines up to its header are read first, so the
 * columns are known: line numbers in messages then count those lines (the
 * header is line 1 unless blank lines come before it), the range's first line
 * following the header. A range is read on the caller's thread; `options`
 * (may be NULL) is checked as for inami_billing_csv_read_file(). INAMI_EIO
 * when the file cannot be opened or read, INAMI_EINVAL when it is not a
 * regular file, `start` is not a line start or `end` < `start`.
 */
INAMI_EXTERN(int) inami_billing_csv_read_range(inami_billing_csv *reader, const char *path, uint64_t start,
	uint64_t end, const inami_csv_read_options *options);

/** Data lines read (header and blank lines not counted; lines left out by a date range counted). */
INAMI_EXTERN(int64_t) inami_billing_csv_line_count(const inami_billing_csv *reader);

/** Malformed lines skipped (with INAMI_CSV_SKIP_BAD). */
INAMI_EXTERN(int64_t) inami_billing_csv_skipped_count(const inami_billing_csv *reader);

/** Message of the first skipped line ("" if none), e.g. "x.csv:7:3: quantity is not a whole number". */
INAMI_EXTERN(const char *) inami_billing_csv_first_skipped(const inami_billing_csv *reader);

/** The accumulator the reader feeds (owned by the reader; valid until it is freed). */
INAMI_EXTERN(inami_billing *) inami_billing_csv_totals(inami_billing_csv *reader);

/** Text id of provider `index` (NULL when out of range). */
INAMI_EXTERN(const char *) inami_billing_csv_provider_id(const inami_billing_csv *reader,
	size_t index);

INAMI_END_DECL

#endif
