/*
 * Provider ids -> indices 0, 1, ... in order of first appearance (the billing
 * CSV reader). Ids are any bytes but NUL, 1..255 of them.
 *
 * Most ids are short (an INAMI number has 11 digits): an id of at most
 * SHORT_ID bytes lives in one 16-byte slot holding its bytes zero padded and
 * its index, so that a lookup reads one cache line and never the id text.
 * 20,000 providers take 512 KB of short slots. Longer ids go to a second
 * table of hash tags checked against the stored text.
 */
#ifndef INAMI_PROVIDER_IDS_H
#define INAMI_PROVIDER_IDS_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Ids of at most this many bytes are "short". */
#define SHORT_ID 12

/* Not found; or, from the functions that add, out of memory. */
#define ID_NONE UINT32_MAX

/* k0: bytes 0..7 of the id; k1: bytes 8..11 in the low half, index + 1 in the high half. k0 == 0: empty. */
typedef struct id_short {
	uint64_t k0, k1;
} id_short;

typedef struct provider_ids {
	char *text;              /* ids, NUL-terminated, one after the other */
	size_t text_len, text_cap;
	size_t *off;             /* id i starts at text + off[i]; off[count] == text_len */
	size_t count, off_cap;
	id_short *shorts;        /* open addressing, power-of-two capacity, at most 3/4 full */
	size_t short_cap, short_count;
	uint64_t *longs;         /* longer ids: hash tag in the high half, index + 1 in the low half */
	size_t long_cap, long_count;
} provider_ids;

void inami__ids_free(provider_ids *t);

/* Forget every id, keeping the memory. */
void inami__ids_clear(provider_ids *t);

/* Text of id i (NUL-terminated) and its length. */
static inline const char *ids_text(const provider_ids *t, uint32_t i, size_t *len)
{
	*len = t->off[i + 1] - t->off[i] - 1;
	return t->text + t->off[i];
}

/* Key words of a short id (len <= SHORT_ID). With `wide`, s has 16 readable bytes. */
static inline void ids_short_key(const char *s, size_t len, int wide, uint64_t *k0, uint64_t *k1)
{
	uint64_t w[2] = { 0, 0 };
	if (wide) {
		memcpy(w, s, 16);
		if (len < 8) {
			w[0] &= (1ull << (8 * len)) - 1;
			w[1] = 0;
		} else {
			w[1] &= (1ull << (8 * (len - 8))) - 1;
		}
	} else {
		memcpy(w, s, len);
	}
	*k0 = w[0];
	*k1 = w[1];
}

/* Hash of a short id's key words (every input bit reaches the low bits). */
static inline uint64_t ids_short_hash(uint64_t k0, uint64_t k1)
{
	uint64_t h = (k0 * 0x9E3779B97F4A7C15ull) ^ (k1 * 0xC2B2AE3D27D4EB4Full);
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	return h ^ (h >> 29);
}

/* Where the probe of hash h starts (for a prefetch); NULL before the first short id. */
static inline const id_short *ids_short_home(const provider_ids *t, uint64_t h)
{
	return t->shorts ? &t->shorts[h & (t->short_cap - 1)] : NULL;
}

/* Index of the short id with key (k0, k1) and hash h, or ID_NONE. */
static inline uint32_t ids_find_short(const provider_ids *t, uint64_t k0, uint64_t k1, uint64_t h)
{
	if (t->shorts == NULL)
		return ID_NONE;
	size_t mask = t->short_cap - 1;
	for (size_t j = h & mask;; j = (j + 1) & mask) {
		const id_short *e = &t->shorts[j];
		if (e->k0 == 0)
			return ID_NONE;
		if (e->k0 == k0 && (uint32_t)e->k1 == k1)
			return (uint32_t)(e->k1 >> 32) - 1u;
	}
}

/* Add a short id known to be absent (key and hash from the functions above). ID_NONE: out of memory. */
uint32_t inami__ids_add_short(provider_ids *t, const char *s, size_t len, uint64_t k0, uint64_t k1, uint64_t h);

/* Index of id s (any length), or ID_NONE. */
uint32_t inami__ids_find(const provider_ids *t, const char *s, size_t len);

/* Add id s, known to be absent. ID_NONE: out of memory. */
uint32_t inami__ids_add(provider_ids *t, const char *s, size_t len);

#endif
