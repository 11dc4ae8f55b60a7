/* Internal: the compiled nomenclature that the billing kernels read. */
#ifndef INAMI_NOMENCLATURE_H
#define INAMI_NOMENCLATURE_H

#include "inami/billing.h"
#include "pool.h"

/* Codes are 6-digit numbers: the table is indexed directly by the code. */
#define NOM_CODE_SPACE 1000000

/*
 * Hot-entry flags. The low bits equal the INAMI_TOTAL_* bits they raise so the
 * kernels OR them into a provider's flags as they are.
 */
#define NOM_DERIVED    INAMI_TOTAL_DERIVED_USED
#define NOM_VALIDITY   INAMI_TOTAL_VALIDITY_UNKNOWN
#define NOM_CONFLICT   INAMI_TOTAL_CONFLICT
#define NOM_SLOW       0x40u  /* several periods or unknown code: resolve per line */
#define NOM_PUBLIC     0x1fu  /* bits that are INAMI_TOTAL_* flags */

/* Dates stored for unknown bounds: every real date passes them, 0 (undated) does not. */
#define NOM_FROM_UNKNOWN 1
#define NOM_TO_UNKNOWN   INT32_MAX

/*
 * One code, as the hot loop sees it (16 bytes). For a code with one period:
 * its value and bounds; for several periods NOM_SLOW is set and the per-line
 * resolver walks the periods. Entry 0 is the "unknown code" sentinel.
 */
typedef struct nom_hot {
	int32_t value;      /* hundredths */
	int32_t from, to;   /* YYYYMMDD, NOM_*_UNKNOWN */
	uint8_t letter;     /* inami_key_letter; 3 = none (sentinel) */
	uint8_t flags;
	uint16_t nperiods;
} nom_hot;

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
	int is_default;
};

/* Hot entry of a code (the sentinel for an unknown or out-of-range code). */
static inline const nom_hot *nom__hot(const inami_nomenclature *n, int32_t code)
{
	uint32_t c = (uint32_t)code;
	return &n->hot[c < NOM_CODE_SPACE ? n->index[c] : 0];
}

/*
 * Resolve one line: its value in hundredths, letter and total flags, or the
 * unvalued reason (0 when valued).
 */
int nom__resolve(const inami_nomenclature *n, int32_t code, inami_date date, int allow_derived,
	int64_t *value, int *letter, unsigned int *flags);

#endif
