/* Internal date helpers. */
#ifndef INAMI_DATES_H
#define INAMI_DATES_H

#include "inami/common.h"

int inami__days_in_month(int year, int month);

/* Complete calendar months from `date` (included) to 31 December of its year. */
int inami__complete_months_from(inami_date date);

/* Complete calendar months from 1 January up to `date` (included). */
int inami__complete_months_until(inami_date date);

#define INAMI_DATE_YEAR(d) ((int)((d) / 10000))

#endif
