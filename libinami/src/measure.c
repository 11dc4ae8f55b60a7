/* The unit of each measure: scale, parsing and formatting of its values. */
#include <string.h>

#include "error.h"
#include "money.h"

int64_t inami_measure_scale(inami_measure measure)
{
	if (inami_measure_id(measure) == NULL)
		return 0;
	return measure == INAMI_MEASURE_PRESTATIONS ? 1 : 100;
}

int inami_measure_parse(inami_measure measure, const char *text, int64_t *out)
{
	int64_t hundredths;

	INAMI_CHECK_NULL(text);
	INAMI_CHECK_NULL(out);
	if (inami_measure_id(measure) == NULL)
		return inami__fail(INAMI_EINVAL, "unknown measure %d", (int)measure);
	const char *why = inami__fixed_parse(text, strlen(text), 0, &hundredths);
	if (why) {
		int st = text[0] == '-' ? INAMI_ENEGATIVE : strstr(why, "too large") ? INAMI_EOVERFLOW : INAMI_EINVAL;
		return inami__fail(st, "'%s' is not a %s figure: %s", text, inami_measure_id(measure), why);
	}
	if (measure == INAMI_MEASURE_PRESTATIONS) {
		if (hundredths % 100 != 0)
			return inami__fail(INAMI_EINVAL, "'%s' is not a prestations figure: prestations are counted whole", text);
		hundredths /= 100;
	}
	*out = hundredths;
	return INAMI_OK;
}

int inami_measure_format(inami_measure measure, int64_t value, char *buf, size_t size)
{
	if (inami_measure_id(measure) == NULL)
		return inami__fail(INAMI_EINVAL, "unknown measure %d", (int)measure);
	if (measure == INAMI_MEASURE_PRESTATIONS) {
		if (value > INT64_MAX / 100 || value < -(INT64_MAX / 100))
			return inami__fail(INAMI_EOVERFLOW, "%lld prestations cannot be formatted", (long long)value);
		value *= 100;
	}
	return inami__fixed_format_to(value, 0, buf, size);
}
