/* Internal: the compiled nomenclature that the billing kernels read. */
#ifndef INAMI_NOMENCLATURE_H
#define INAMI_NOMENCLATURE_H

#include "inami/billing.h"
#include "pool.h"

/* Codes are 6-digit numbers: the table is indexed directly by the code. */
#define NOM_CODE_SPACE 1000000

/*
 * Hot-entry flags: the INAMI_TOTAL_* bits a line valued by the entry raises,
 * so the kernels OR them into a provider's flags as they are.
 */
#define NOM_DERIVED    INAMI_TOTAL_DERIVED_USED
#define NOM_VALIDITY   INAMI_TOTAL_VALIDITY_UNKNOWN
#define NOM_CONFLICT   INAMI_TOTAL_CONFLICT
#define NOM_PUBLIC     0x1fu  /* bits that are INAMI_TOTAL_* flags */

/* Dates stored for unknown bounds: every real date passes them, 0 (undated) does not. */
#define NOM_FROM_UNKNOWN 1
#define NOM_TO_UNKNOWN   INT32_MAX

/*
 * One code (16 bytes): the value, letter, bounds and flags of one period,
 * from which the kernels' tables are compiled. For a code with several
 * periods it is the most recent one: a dated line inside it is valued
 * directly, a dated line in an older period from that period's own entry
 * (period_fast, nom__older_periods), any other line by the per-line resolver
 * that walks the periods. Entry 0 is the "unknown code" sentinel (value 0,
 * letter M).
 */
typedef struct nom_hot {
	int32_t value;      /* hundredths */
	int32_t from, to;   /* YYYYMMDD, NOM_*_UNKNOWN */
	uint8_t letter;     /* inami_key_letter */
	uint8_t flags;
	uint16_t nperiods;
} nom_hot;

/*
 * The hot entries as one billing kernel reads them: a line with code c and
 * date d (0 when the call has no dates) is valued directly when from <= d <=
 * to; otherwise it goes to the per-line resolver. Four variants (dated or not
 * x DERIVED allowed or not) are compiled with the nomenclature, so the kernel
 * needs no flag test: an entry that always needs the resolver has from > to.
 *
 * The 32 bytes are laid out as what a line adds to its provider's totals
 * row (billing_internal.h), four 64-bit lanes M, R, V, tally: the low half of
 * lane k < 3 is the value of key letter k (0 for the code's other letters),
 * the low half of lane 3 is 1 (one prestation per unit of quantity) and its
 * top byte the INAMI_TOTAL_* flags the line raises. So the vector kernel
 * multiplies the low halves by the quantity and ORs the top byte in; the high
 * halves of lanes 0-2, which the multiply ignores, carry the validity test
 * and the letter for the scalar kernel.
 */
typedef struct nom_lane {
	int32_t value;      /* hundredths (lane 3: 1) */
	uint32_t aux;       /* lane 0: from, lane 1: span, lane 2: letter | reason << 8, lane 3: flags << 24 */
} nom_lane;

typedef struct nom_fast {
	nom_lane lane[4];
} __attribute__((aligned(32))) nom_fast;

#define NOM_FAST_FLAGS_SHIFT 24
#define NOM_FAST_REASON_SHIFT 8

static inline uint32_t nom_fast_from(const nom_fast *e) { return e->lane[0].aux; }
static inline uint32_t nom_fast_span(const nom_fast *e) { return e->lane[1].aux; } /* to - from */
static inline unsigned nom_fast_letter(const nom_fast *e) { return e->lane[2].aux & 0xffu; }
/* An entry never valued directly: the unvalued reason of every line reaching it, or 0 (resolve each line). */
static inline int nom_fast_reason(const nom_fast *e) { return (int)(e->lane[2].aux >> NOM_FAST_REASON_SHIFT); }
static inline unsigned nom_fast_flags(const nom_fast *e) { return e->lane[3].aux >> NOM_FAST_FLAGS_SHIFT; }

/* 1 when a line dated d (0 = undated call) cannot be valued by e directly: one compare. */
static inline unsigned nom_fast_miss(const nom_fast *e, int32_t d)
{
	return (uint32_t)d - nom_fast_from(e) > nom_fast_span(e);
}

/* nom_fast_miss(e, 0) for the undated variants, where a valued entry has from 0 and span 0. */
static inline unsigned nom_fast_miss_undated(const nom_fast *e)
{
	return nom_fast_from(e) != 0;
}

/* Index into inami_nomenclature.fast. */
#define NOM_FAST_DATED 1
#define NOM_FAST_DERIVED 2

typedef struct nom_period {
	int32_t code;
	inami_key_letter letter;
	int64_t value;
	inami_date from, to;     /* 0 = unknown */
	inami_provenance provenance;
	const char *source, *note, *description, *layer;
	int line;
	int has_conflict, conflict_unresolved;
	int64_t conflict_value;
	inami_provenance conflict_provenance;
	const char *conflict_source, *conflict_note;
} nom_period;

struct inami_nomenclature {
	pool strings;
	nom_period *periods;     /* sorted by code, then start */
	size_t count;
	uint16_t *index;         /* NOM_CODE_SPACE entries: 0 or 1 + hot entry */
	nom_hot *hot;            /* hot[0] is the sentinel */
	uint32_t *first;         /* first period of hot entry i */
	size_t hot_count;
	nom_fast *fast[4];       /* hot_count entries each, see nom_fast */
	nom_fast *period_fast[2]; /* the dated entry of each period (as periods), [DERIVED allowed] */
	int64_t max_value;       /* largest value of any period (hundredths): bounds the totals */
	int is_default;
};

/* Hot entry of a code (the sentinel for an unknown or out-of-range code). */
static inline const nom_hot *nom__hot(const inami_nomenclature *n, int32_t code)
{
	uint32_t c = (uint32_t)code;
	return &n->hot[c < NOM_CODE_SPACE ? n->index[c] : 0];
}

/*
 * The dated entries of hot entry h's periods other than the most recent one
 * (which the dated tables hold), `*count` of them, in order of start. Periods
 * do not overlap, so at most one admits a given date.
 */
static inline const nom_fast *nom__older_periods(const inami_nomenclature *n, size_t h, int allow_derived,
	unsigned *count)
{
	unsigned np = n->hot[h].nperiods;
	*count = np > 0 ? np - 1 : 0;
	return n->period_fast[allow_derived != 0] + n->first[h];
}

/*
 * Resolve one line: its value in hundredths, letter and total flags, or the
 * unvalued reason (0 when valued).
 */
int inami__nom_resolve(const inami_nomenclature *n, int32_t code, inami_date date, int allow_derived,
	int64_t *value, int *letter, unsigned int *flags);

#endif
