/* Internal: the billing CSV reader shared by billing_csv*.c (public API in billing.h). */
#ifndef INAMI_BILLING_CSV_INTERNAL_H
#define INAMI_BILLING_CSV_INTERNAL_H

#include "billing_internal.h"
#include "provider_ids.h"

#define BATCH 1024           /* lines parsed before they are added to the totals */
#define MAX_LINE 65536       /* longer lines are malformed (keeps memory bounded) */
#define MAX_ID 255
#define MAX_COLUMNS 32

/*
 * inami__csv_fast_lines() reads at most this many bytes from the start of a line:
 * four 16-byte vectors; its 8-byte loads of the fields end before byte 48, as
 * each load comes after the checks that bound the fields before it (id <= 16,
 * code <= 8, quantity <= 9 bytes).
 */
#define FAST_LOOKAHEAD 64

enum { F_PROVIDER, F_CODE, F_QUANTITY, F_DATE, F_IGNORED };

struct inami_billing_csv {
	inami_billing *totals;
	unsigned int flags;
	char *name;
	int have_header, has_date, ncols;
	unsigned char role[MAX_COLUMNS];
	int fast;         /* comma, header provider,code,quantity[,date]: inami__csv_fast_lines() may be used */
	int failed, failed_status;
	int64_t line_no, lines, skipped;
	char first_skipped[512];
	char *carry;      /* a partial line between two blocks */
	size_t carry_len;
	/* the batch */
	int32_t *code, *quantity, *date;
	uint32_t *provider;
	size_t n;
	provider_ids ids;
	const inami_nomenclature *nom;
	/* the dialect and date range (after the fields the fast path uses, which stay together) */
	char delim;       /* ',' or ';' once the header is read; before, the forced one or 0 (detect) */
	char forced_delim;
	char *column[4];  /* header name of each role (F_PROVIDER..F_DATE), owned; NULL = the role's own name */
	/* date range: lines dated outside [date_lo, date_hi] are counted, not added */
	int range;
	int32_t date_lo, date_hi, date_from, date_to; /* from/to as given (0 = open side) */
	int64_t outside, undated;
	int64_t *p_outside, *p_undated;  /* per provider, p_cap entries */
	size_t p_cap;
};

/* Add the batch to the totals. */
int inami__csv_flush(inami_billing_csv *r);

/* Index of provider id s, added (with its totals row) when new; ID_NONE when out of memory. */
uint32_t inami__csv_provider(inami_billing_csv *r, const char *s, size_t len);

/* inami__csv_provider() for a short id (len <= SHORT_ID) whose key words and hash are known (provider_ids.h). */
static inline uint32_t csv__provider_short(inami_billing_csv *r, const char *s, size_t len, uint64_t k0,
	uint64_t k1, uint64_t hash)
{
	uint32_t p = ids_find_short(&r->ids, k0, k1, hash);
	if (p == ID_NONE && inami_billing_reserve(r->totals, r->ids.count + 1) == INAMI_OK)
		p = inami__ids_add_short(&r->ids, s, len, k0, k1, hash);
	return p;
}

/* 1 when y-m-d is a real calendar date (y >= 1000). */
int inami__csv_days_ok(int y, int m, int d);

/*
 * Usual lines from *pp on, as many as fast_parse() takes, with at least
 * FAST_LOOKAHEAD bytes before `end` (billing_csv_fast.c). Returns the status
 * of a batch flush.
 */
int inami__csv_fast_lines(inami_billing_csv *r, const char **pp, const char *end);

/* Back to the state of a new reader (same nomenclature, flags, name and options). */
void inami__csv_reset(inami_billing_csv *r);

/* A new reader with the same nomenclature, flags, name and options as `r`, in the state after r's header. */
int inami__csv_new_like(inami_billing_csv **out, const inami_billing_csv *r);

/* Per-provider date counts sized for every provider id (range readers); INAMI_ENOMEM on failure. */
int inami__csv_grow_counts(inami_billing_csv *r);

#endif
