/* Internal date helpers. */
#ifndef INAMI_DATES_H
#define INAMI_DATES_H

#include "inami/common.h"

int inami__days_in_month(int year, int month);

/* date + days (calendar days, either way) for a valid date; 0 past 9999-12-31 or before 1000-01-01. */
inami_date inami__date_add_days(inami_date date, int days);

/* Complete calendar months from `date` (included) to 31 December of its year. */
int inami__complete_months_from(inami_date date);

/* Complete calendar months from 1 January up to `date` (included). */
int inami__complete_months_until(inami_date date);

#define INAMI_DATE_YEAR(d) ((int)((d) / 10000))

#endif
