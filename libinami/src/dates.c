/* Calendar dates as YYYYMMDD integers. */
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "dates.h"

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int inami__days_in_month(int year, int month)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

inami_date inami__date_add_days(inami_date date, int days)
{
	int y = date / 10000, m = date / 100 % 100, d = date % 100;

	d += days;
	while (d > inami__days_in_month(y, m)) {
		d -= inami__days_in_month(y, m);
		if (++m > 12) {
			m = 1;
			if (++y > 9999)
				return 0;
		}
	}
	while (d < 1) {
		if (--m < 1) {
			m = 12;
			if (--y < 1000)
				return 0;
		}
		d += inami__days_in_month(y, m);
	}
	return (inami_date)(y * 10000 + m * 100 + d);
}

int inami_date_check(inami_date date)
{
	int y = date / 10000, m = date / 100 % 100, d = date % 100;

	if (date < 10000101 || date > 99991231 || m < 1 || m > 12 || d < 1 ||
	    d > inami__days_in_month(y, m))
		return inami__fail(INAMI_EINVAL, "%d is not a valid date (expected YYYYMMDD)", (int)date);
	return INAMI_OK;
}

int inami_date_parse(const char *text, inami_date *out)
{
	INAMI_CHECK_NULL(text);
	INAMI_CHECK_NULL(out);
	if (strlen(text) != 10 || text[4] != '-' || text[7] != '-')
		return inami__fail(INAMI_EINVAL, "'%s' is not a date (expected YYYY-MM-DD)", text);
	for (int i = 0; i < 10; i++) {
		if (i != 4 && i != 7 && (text[i] < '0' || text[i] > '9'))
			return inami__fail(INAMI_EINVAL, "'%s' is not a date (expected YYYY-MM-DD)", text);
	}
	inami_date d = (inami_date)(atoi(text) * 10000 + atoi(text + 5) * 100 + atoi(text + 8));
	if (inami_date_check(d) != INAMI_OK)
		return inami__fail(INAMI_EINVAL, "'%s' is not a real calendar date", text);
	*out = d;
	return INAMI_OK;
}

int inami__complete_months_from(inami_date date)
{
	int m = date / 100 % 100, d = date % 100;

	/* The month of the date counts only when the date is its first day. */
	return 12 - m + (d == 1 ? 1 : 0);
}

int inami__complete_months_until(inami_date date)
{
	int y = date / 10000, m = date / 100 % 100, d = date % 100;

	/* The month of the date counts only when the date is its last day. */
	return m - 1 + (d == inami__days_in_month(y, m) ? 1 : 0);
}
