/* Provider ids -> indices: the two hash tables and the id text (provider_ids.h). */
#include <stdlib.h>

#include "provider_ids.h"

#define LONG_INDEX(e) ((uint32_t)(e) - 1u)
#define LONG_TAG(h) ((h) & ~(uint64_t)UINT32_MAX)

/* Hash of a long id's bytes (murmur3-style finaliser). */
static uint64_t hash_bytes(const char *s, size_t len)
{
	uint64_t h = 0x9E3779B97F4A7C15ull ^ len;
	size_t i = 0;
	for (; i + 8 <= len; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdull;
		h ^= h >> 32;
	}
	uint64_t w = 0;
	memcpy(&w, s + i, len - i);
	h ^= w;
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ull;
	return h ^ (h >> 33);
}

void inami__ids_free(provider_ids *t)
{
	free(t->text);
	free(t->off);
	free(t->shorts);
	free(t->longs);
	memset(t, 0, sizeof(*t));
}

void inami__ids_clear(provider_ids *t)
{
	t->text_len = 0;
	t->count = 0;
	if (t->off)
		t->off[0] = 0;
	if (t->shorts)
		memset(t->shorts, 0, t->short_cap * sizeof(*t->shorts));
	t->short_count = 0;
	if (t->longs)
		memset(t->longs, 0, t->long_cap * sizeof(*t->longs));
	t->long_count = 0;
}

/* Append the text of a new id; returns its index or ID_NONE when out of memory. */
static uint32_t append_text(provider_ids *t, const char *s, size_t len)
{
	if (t->count + 2 > t->off_cap) {
		size_t ncap = t->off_cap ? t->off_cap * 2 : 1024;
		size_t *o = realloc(t->off, ncap * sizeof(*o));
		if (o == NULL)
			return ID_NONE;
		if (t->off_cap == 0)
			o[0] = 0;
		t->off = o;
		t->off_cap = ncap;
	}
	if (t->text_len + len + 1 > t->text_cap) {
		size_t ncap = t->text_cap ? t->text_cap * 2 : 16384;
		while (ncap < t->text_len + len + 1)
			ncap *= 2;
		char *text = realloc(t->text, ncap);
		if (text == NULL)
			return ID_NONE;
		t->text = text;
		t->text_cap = ncap;
	}
	memcpy(t->text + t->text_len, s, len);
	t->text[t->text_len + len] = '\0';
	t->text_len += len + 1;
	uint32_t i = (uint32_t)t->count++;
	t->off[i + 1] = t->text_len;
	return i;
}

/* Room for one more short id at most 3/4 full. Returns 0 when out of memory. */
static int short_room(provider_ids *t)
{
	if ((t->short_count + 1) * 4 <= t->short_cap * 3)
		return 1;
	size_t ncap = t->short_cap ? t->short_cap * 2 : 1024;
	id_short *n = calloc(ncap, sizeof(*n));
	if (n == NULL)
		return 0;
	for (size_t i = 0; i < t->short_cap; i++) {
		const id_short *e = &t->shorts[i];
		if (e->k0 == 0)
			continue;
		size_t j = ids_short_hash(e->k0, (uint32_t)e->k1) & (ncap - 1);
		while (n[j].k0 != 0)
			j = (j + 1) & (ncap - 1);
		n[j] = *e;
	}
	free(t->shorts);
	t->shorts = n;
	t->short_cap = ncap;
	return 1;
}

uint32_t inami__ids_add_short(provider_ids *t, const char *s, size_t len, uint64_t k0, uint64_t k1, uint64_t h)
{
	if (!short_room(t))
		return ID_NONE;
	uint32_t i = append_text(t, s, len);
	if (i == ID_NONE)
		return ID_NONE;
	size_t mask = t->short_cap - 1, j = h & mask;
	while (t->shorts[j].k0 != 0)
		j = (j + 1) & mask;
	t->shorts[j].k0 = k0;
	t->shorts[j].k1 = k1 | (uint64_t)(i + 1u) << 32;
	t->short_count++;
	return i;
}

/* Room for one more long id at most 3/4 full. Returns 0 when out of memory. */
static int long_room(provider_ids *t)
{
	if ((t->long_count + 1) * 4 <= t->long_cap * 3)
		return 1;
	size_t ncap = t->long_cap ? t->long_cap * 2 : 256;
	uint64_t *n = calloc(ncap, sizeof(*n));
	if (n == NULL)
		return 0;
	for (size_t i = 0; i < t->long_cap; i++) {
		if (t->longs[i] == 0)
			continue;
		size_t len;
		const char *s = ids_text(t, LONG_INDEX(t->longs[i]), &len);
		size_t j = hash_bytes(s, len) & (ncap - 1);
		while (n[j] != 0)
			j = (j + 1) & (ncap - 1);
		n[j] = t->longs[i];
	}
	free(t->longs);
	t->longs = n;
	t->long_cap = ncap;
	return 1;
}

/* Slot of long id s: where it is, or the empty slot where it would go. */
static size_t long_slot(const provider_ids *t, const char *s, size_t len, uint64_t h)
{
	size_t mask = t->long_cap - 1, j = h & mask;
	for (; t->longs[j] != 0; j = (j + 1) & mask) {
		if (LONG_TAG(t->longs[j]) != LONG_TAG(h))
			continue;
		size_t n;
		const char *x = ids_text(t, LONG_INDEX(t->longs[j]), &n);
		if (n == len && memcmp(x, s, len) == 0)
			break;
	}
	return j;
}

uint32_t inami__ids_find(const provider_ids *t, const char *s, size_t len)
{
	if (len <= SHORT_ID) {
		uint64_t k0, k1;
		ids_short_key(s, len, 0, &k0, &k1);
		return ids_find_short(t, k0, k1, ids_short_hash(k0, k1));
	}
	if (t->longs == NULL)
		return ID_NONE;
	size_t j = long_slot(t, s, len, hash_bytes(s, len));
	return t->longs[j] ? LONG_INDEX(t->longs[j]) : ID_NONE;
}

uint32_t inami__ids_add(provider_ids *t, const char *s, size_t len)
{
	if (len <= SHORT_ID) {
		uint64_t k0, k1;
		ids_short_key(s, len, 0, &k0, &k1);
		return inami__ids_add_short(t, s, len, k0, k1, ids_short_hash(k0, k1));
	}
	if (!long_room(t))
		return ID_NONE;
	uint32_t i = append_text(t, s, len);
	if (i == ID_NONE)
		return ID_NONE;
	uint64_t h = hash_bytes(s, len);
	t->longs[long_slot(t, s, len, h)] = LONG_TAG(h) | (i + 1u);
	t->long_count++;
	return i;
}
