/*
 * The message catalogue: libinami/data/messages.catalogue read once, plus the
 * files loaded at run time. One table of ids (sorted) with a text per
 * language; texts live in chunks that are freed only by a reset, so a pointer
 * handed out stays valid while other threads load more messages.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "embedded.h"
#include "error.h"
#include "messages_internal.h"
#include "read_file.h"

#define CATALOGUE_FILE "messages.catalogue"
#define MAX_CATALOGUE_BYTES (4u << 20)

typedef struct entry {
	const char *id;
	const char *text[3];
} entry;

typedef struct chunk {
	struct chunk *next;
	char data[];
} chunk;

typedef struct interned {
	struct interned *next;
	inami_lang lang;
	const char *key;    /* id "\n" values */
	const char *text;
} interned;

static pthread_rwlock_t lock = PTHREAD_RWLOCK_INITIALIZER;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static entry *entries;
static size_t count, capacity;
static chunk *chunks;          /* every string of the table, the embedded ones included */
static interned *cache;
static int base_status;
static char base_message[256];

static const char *const lang_ids[3] = { "en", "fr", "nl" };

static char *keep(const char *s, size_t n)
{
	chunk *c = malloc(sizeof(*c) + n + 1);
	if (c == NULL)
		return NULL;
	if (s)
		memcpy(c->data, s, n);
	else
		memset(c->data, 0, n);
	c->data[n] = '\0';
	c->next = chunks;
	chunks = c;
	return c->data;
}

/* Index of `id`, or where it would go (`*found` says which). */
static size_t find(const char *id, int *found)
{
	size_t lo = 0, hi = count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(entries[mid].id, id);
		if (c == 0) {
			*found = 1;
			return mid;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = 0;
	return lo;
}

static int set_text(const char *id, size_t id_len, int lang, const char *text, size_t text_len)
{
	char key[128];
	int found;

	if (id_len >= sizeof(key))
		return -1;
	memcpy(key, id, id_len);
	key[id_len] = '\0';
	size_t at = find(key, &found);
	if (!found) {
		if (count == capacity) {
			size_t cap = capacity ? capacity * 2 : 256;
			entry *e = realloc(entries, cap * sizeof(*e));
			if (e == NULL)
				return -1;
			entries = e;
			capacity = cap;
		}
		const char *kept = keep(key, id_len);
		if (kept == NULL)
			return -1;
		memmove(&entries[at + 1], &entries[at], (count - at) * sizeof(*entries));
		memset(&entries[at], 0, sizeof(*entries));
		entries[at].id = kept;
		count++;
	}
	const char *t = keep(text, text_len);
	if (t == NULL)
		return -1;
	entries[at].text[lang] = t;
	return 0;
}

static int is_id_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
}

/* Apply the lines of one catalogue (the lock held for writing). */
static int apply(const char *text, size_t len, const char *name)
{
	int line = 0, seen_magic = 0;

	for (size_t pos = 0; pos < len;) {
		const char *s = text + pos, *nl = memchr(s, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - s) : len - pos;
		pos += n + 1;
		line++;
		if (n > 0 && s[n - 1] == '\r')
			n--;
		if (memchr(s, '\0', n))
			return inami__fail(INAMI_EPARSE, "%s:%d: NUL byte in line", name, line);
		while (n > 0 && (*s == ' ' || *s == '\t')) {
			s++;
			n--;
		}
		if (n == 0 || *s == '#')
			continue;
		if (!seen_magic) {
			if (n != 16 || memcmp(s, "inami-messages 1", 16) != 0)
				return inami__fail(INAMI_EPARSE, "%s:%d: expected the first line 'inami-messages 1'", name, line);
			seen_magic = 1;
			continue;
		}
		const char *eq = memchr(s, '=', n);
		if (eq == NULL)
			return inami__fail(INAMI_EPARSE, "%s:%d: expected 'ID.LANG = text', got '%.*s'", name, line,
				(int)(n > 60 ? 60 : n), s);
		size_t klen = (size_t)(eq - s);
		while (klen > 0 && (s[klen - 1] == ' ' || s[klen - 1] == '\t'))
			klen--;
		for (size_t i = 0; i < klen; i++)
			if (!is_id_char(s[i]))
				return inami__fail(INAMI_EPARSE, "%s:%d: bad character '%c' in the key '%.*s' "
					"(letters a-z, digits, '_' and '.')", name, line, s[i], (int)klen, s);
		int lang = -1;
		for (int l = 0; l < 3 && klen > 3; l++)
			if (s[klen - 3] == '.' && memcmp(s + klen - 2, lang_ids[l], 2) == 0)
				lang = l;
		if (lang < 0)
			return inami__fail(INAMI_EPARSE, "%s:%d: the key '%.*s' does not end in .en, .fr or .nl", name, line,
				(int)klen, s);
		const char *v = eq + 1, *end = s + n;
		while (v < end && (*v == ' ' || *v == '\t'))
			v++;
		while (end > v && (end[-1] == ' ' || end[-1] == '\t'))
			end--;
		if (v == end)
			return inami__fail(INAMI_EPARSE, "%s:%d: empty text for '%.*s'", name, line, (int)klen, s);
		const char *why = inami__message_check_template(v, (size_t)(end - v));
		if (why)
			return inami__fail(INAMI_EPARSE, "%s:%d: %s in '%.*s'", name, line, why, (int)klen, s);
		if (klen - 3 == 0 || set_text(s, klen - 3, lang, v, (size_t)(end - v)) != 0)
			return inami__fail(klen - 3 == 0 ? INAMI_EPARSE : INAMI_ENOMEM, "%s:%d: cannot keep '%.*s'",
				name, line, (int)klen, s);
	}
	if (!seen_magic)
		return inami__fail(INAMI_EPARSE, "%s: empty catalogue (expected 'inami-messages 1')", name);
	return INAMI_OK;
}

static void load_base(void)
{
	for (const inami_embedded_file *f = inami__embedded_files; f->name; f++) {
		if (strcmp(f->name, CATALOGUE_FILE) == 0) {
			base_status = apply(f->text, f->len, CATALOGUE_FILE);
			if (base_status != INAMI_OK)
				snprintf(base_message, sizeof(base_message), "%s", inami_error_last());
			return;
		}
	}
	base_status = INAMI_ENOTFOUND;
	snprintf(base_message, sizeof(base_message), "the library has no embedded %s", CATALOGUE_FILE);
}

static void init(void)
{
	pthread_rwlock_wrlock(&lock);
	load_base();
	pthread_rwlock_unlock(&lock);
}

static int ready(void)
{
	pthread_once(&once, init);
	if (base_status != INAMI_OK)
		return inami__fail(base_status, "%s", base_message);
	return INAMI_OK;
}

/* The text of `id` in `lang` (the English one when missing), the lock held. */
static const char *lookup(const char *id, inami_lang lang)
{
	int found;
	size_t at = find(id, &found);
	if (!found)
		return NULL;
	return entries[at].text[lang] ? entries[at].text[lang] : entries[at].text[INAMI_LANG_EN];
}

const char *inami__message_text(const char *id, inami_lang lang)
{
	const char *t;

	if (id == NULL || (unsigned)lang > 2 || ready() != INAMI_OK)
		return NULL;
	pthread_rwlock_rdlock(&lock);
	t = lookup(id, lang);
	pthread_rwlock_unlock(&lock);
	return t;
}

const char *inami_message_template(const char *id, inami_lang lang)
{
	int found;
	const char *t = NULL;

	if (id == NULL || (unsigned)lang > 2 || ready() != INAMI_OK)
		return NULL;
	pthread_rwlock_rdlock(&lock);
	size_t at = find(id, &found);
	if (found)
		t = entries[at].text[lang];
	pthread_rwlock_unlock(&lock);
	return t;
}

size_t inami_message_count(void)
{
	size_t n;

	if (ready() != INAMI_OK)
		return 0;
	pthread_rwlock_rdlock(&lock);
	n = count;
	pthread_rwlock_unlock(&lock);
	return n;
}

const char *inami_message_id(size_t index)
{
	const char *id = NULL;

	if (ready() != INAMI_OK)
		return NULL;
	pthread_rwlock_rdlock(&lock);
	if (index < count)
		id = entries[index].id;
	pthread_rwlock_unlock(&lock);
	return id;
}

int inami_messages_load_text(const char *text, size_t len, const char *name)
{
	int st;

	INAMI_CHECK_NULL(text);
	if ((st = ready()) != INAMI_OK)
		return st;
	if (name == NULL)
		name = "<messages>";
	/* Check the whole file first, so a bad line changes nothing. */
	pthread_rwlock_wrlock(&lock);
	entry *saved = malloc((count ? count : 1) * sizeof(*saved));
	size_t saved_count = count;
	if (saved == NULL) {
		pthread_rwlock_unlock(&lock);
		return inami__fail(INAMI_ENOMEM, "out of memory");
	}
	memcpy(saved, entries, count * sizeof(*saved));
	st = apply(text, len, name);
	if (st != INAMI_OK) {
		memcpy(entries, saved, saved_count * sizeof(*saved));
		count = saved_count;
	} else {
		/* Filled texts made from the old templates are dropped (their memory stays until a reset). */
		cache = NULL;
	}
	pthread_rwlock_unlock(&lock);
	free(saved);
	return st;
}

int inami_messages_load(const char *path)
{
	char *data = NULL;
	size_t len = 0;
	int st;

	INAMI_CHECK_NULL(path);
	if ((st = inami__read_file(path, "message catalogue", MAX_CATALOGUE_BYTES, &data, &len)) != INAMI_OK)
		return st;
	st = inami_messages_load_text(data, len, path);
	free(data);
	return st;
}

void inami_messages_reset(void)
{
	pthread_once(&once, init);
	pthread_rwlock_wrlock(&lock);
	while (chunks) {
		chunk *next = chunks->next;
		free(chunks);
		chunks = next;
	}
	free(entries);
	entries = NULL;
	count = capacity = 0;
	cache = NULL;
	load_base();
	pthread_rwlock_unlock(&lock);
}

const char *inami__message_interned(const char *id, inami_lang lang, const char *values)
{
	char key[512], text[1024];
	const char *found = NULL;

	if (snprintf(key, sizeof(key), "%s\n%s", id, values ? values : "") >= (int)sizeof(key))
		return NULL;
	if (ready() != INAMI_OK)
		return NULL;
	pthread_rwlock_rdlock(&lock);
	for (interned *i = cache; i && !found; i = i->next)
		if (i->lang == lang && strcmp(i->key, key) == 0)
			found = i->text;
	pthread_rwlock_unlock(&lock);
	if (found)
		return found;
	if (inami_message_format(id, lang, values, text, sizeof(text)) != INAMI_OK)
		return NULL;
	pthread_rwlock_wrlock(&lock);
	for (interned *i = cache; i && !found; i = i->next)
		if (i->lang == lang && strcmp(i->key, key) == 0)
			found = i->text;
	if (!found) {
		/* a chunk's data is malloc'd after one pointer: aligned for the record */
		interned *i = (interned *)(void *)keep(NULL, sizeof(interned));
		const char *k = keep(key, strlen(key)), *t = keep(text, strlen(text));
		if (i && k && t) {
			i->lang = lang;
			i->key = k;
			i->text = t;
			i->next = cache;
			cache = i;
			found = t;
		}
	}
	pthread_rwlock_unlock(&lock);
	return found;
}

const char *inami_status_text(int status, inami_lang lang)
{
	static const char *const ids[] = { "ok", "invalid", "null", "version", "no_profession", "no_rules",
		"negative", "overflow", "no_memory", "parse", "io", "derived", "not_found", "state", "range", "buffer" };
	char id[48];

	if (status > 0 || -status >= (int)(sizeof(ids) / sizeof(ids[0])))
		return NULL;
	snprintf(id, sizeof(id), "status.%s", ids[-status]);
	return inami__message_text(id, lang);
}
