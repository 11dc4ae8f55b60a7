/*
 * Internal: amounts and other figures as fixed-point hundredths (cents for
 * euros): exact decimal text in and out, and rates in basis points.
 */
#ifndef INAMI_MONEY_H
#define INAMI_MONEY_H

#include <stddef.h>
#include <stdint.h>

/*
 * Parse `len` bytes of `text` as a plain decimal with at most two decimals
 * ("1790.34", "1500", "17.5") into hundredths. Returns NULL on success, or a
 * static sentence saying what is wrong.
 */
const char *inami__fixed_parse(const char *text, size_t len, int allow_negative, int64_t *out);

/* Format hundredths as "1790.34" (trailing ".00" kept when `always_decimals`). */
void inami__fixed_format(int64_t value, int always_decimals, char *buf, size_t size);

/* The same into a caller's buffer, with the library's errors (INAMI_ENULL, INAMI_EBUFS). */
int inami__fixed_format_to(int64_t value, int always_decimals, char *buf, size_t size);

/* round(amount x bp / 10000) half-up, for amount >= 0 and 0 <= bp; INAMI_EOVERFLOW if too large. */
int inami__apply_bp(int64_t amount, int32_t bp, int64_t *out);

#endif
