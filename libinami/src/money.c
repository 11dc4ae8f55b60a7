/* Exact decimal parsing and formatting of amounts and thresholds, and basis-point rates on them. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "money.h"

const char *inami__fixed_parse(const char *text, size_t len, int allow_negative, int64_t *out)
{
	size_t i = 0;
	int negative = 0, digits = 0, decimals = -1;
	int64_t value = 0;

	if (len > 0 && text[0] == '-') {
		if (!allow_negative)
			return "a negative value is not allowed here";
		negative = 1;
		i = 1;
	}
	for (; i < len; i++) {
		char c = text[i];
		if (c == '.') {
			if (decimals >= 0)
				return "a number has at most one decimal point";
			if (digits == 0)
				return "a digit must come before the decimal point";
			decimals = 0;
			continue;
		}
		if (c < '0' || c > '9')
			return "a number has only digits and one '.' (no thousands separator, no unit)";
		if (decimals >= 0 && ++decimals > 2)
			return "a number has at most two decimals";
		if (value > (INT64_MAX - 9) / 10)
			return "the number is too large";
		value = value * 10 + (c - '0');
		digits++;
	}
	if (digits == 0)
		return "a number is expected";
	if (decimals == 0)
		return "a digit must follow the decimal point";
	for (int d = decimals < 0 ? 0 : decimals; d < 2; d++) {
		if (value > INT64_MAX / 10)
			return "the number is too large";
		value *= 10;
	}
	*out = negative ? -value : value;
	return NULL;
}

void inami__fixed_format(int64_t value, int always_decimals, char *buf, size_t size)
{
	uint64_t mag = value < 0 ? (uint64_t)0 - (uint64_t)value : (uint64_t)value;
	const char *sign = value < 0 ? "-" : "";
	uint64_t whole = mag / 100, frac = mag % 100;

	if (!always_decimals && frac == 0)
		snprintf(buf, size, "%s%" PRIu64, sign, whole);
	else if (!always_decimals && frac % 10 == 0)
		snprintf(buf, size, "%s%" PRIu64 ".%" PRIu64, sign, whole, frac / 10);
	else
		snprintf(buf, size, "%s%" PRIu64 ".%02" PRIu64, sign, whole, frac);
}

int inami_euros_parse(const char *text, int allow_negative, int64_t *cents)
{
	INAMI_CHECK_NULL(text);
	INAMI_CHECK_NULL(cents);
	const char *why = inami__fixed_parse(text, strlen(text), allow_negative, cents);
	if (why) {
		int st = text[0] == '-' && !allow_negative ? INAMI_ENEGATIVE :
			strstr(why, "too large") ? INAMI_EOVERFLOW : INAMI_EINVAL;
		return inami__fail(st, "'%s' is not a euro amount: %s", text, why);
	}
	return INAMI_OK;
}

int inami__fixed_format_to(int64_t value, int always_decimals, char *buf, size_t size)
{
	char tmp[32];

	INAMI_CHECK_NULL(buf);
	inami__fixed_format(value, always_decimals, tmp, sizeof(tmp));
	if (strlen(tmp) + 1 > size)
		return inami__fail(INAMI_EBUFS, "buffer of %zu bytes is too small for %s", size, tmp);
	memcpy(buf, tmp, strlen(tmp) + 1);
	return INAMI_OK;
}

int inami_euros_format(int64_t cents, char *buf, size_t size)
{
	return inami__fixed_format_to(cents, 1, buf, size);
}

int inami__apply_bp(int64_t amount, int32_t bp, int64_t *out)
{
	if (amount < 0 || bp < 0)
		return inami__fail(INAMI_ENEGATIVE, "internal: negative amount or rate");
	if (bp != 0 && amount > (INT64_MAX - 5000) / bp)
		return inami__fail(INAMI_EOVERFLOW, "%lld cents x %d bp does not fit in 64 bits",
			(long long)amount, (int)bp);
	/* half-up: add half of the divisor before the integer division */
	*out = (amount * bp + 5000) / 10000;
	return INAMI_OK;
}
