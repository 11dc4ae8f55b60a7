/*
 * Finding a profession by the name a person types: its id, its labels in the
 * three languages or an alias of the rules data, compared without case or
 * Latin-1 accents, and the activity measures a profession is evaluated on.
 */
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "rules_model.h"

/* Longest name compared; longer text matches nothing. */
#define NAME_MAX_BYTES 128

/*
 * ASCII letters of the Latin-1 range U+00C0-U+00FF (UTF-8 C3 80-C3 BF) without
 * their accent; '\0' for the few that have none (×, ÷), "ss", "ae", "th" for
 * the letters written with two.
 */
static const char *const latin1_fold[64] = {
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",
};

/*
 * `text` folded for comparison into `out`: ASCII lower case, Latin-1 letters
 * in UTF-8 without accents, '_' '-' and runs of spaces as one space, leading
 * and trailing spaces dropped; `len` bytes of `text` (SIZE_MAX: to its NUL).
 * 0 when it does not fit.
 */
static int fold(const char *text, size_t len, char *out, size_t size)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t n = 0;
	int space = 0;

	for (size_t i = 0; i < len && p[i]; i++) {
		const char *add;
		char one[2] = { 0, 0 };
		unsigned c = p[i];
		if (c == '_' || c == '-' || c == ' ' || c == '\t') {
			space = n > 0;
			continue;
		}
		if (c == 0xC3 && i + 1 < len && p[i + 1] >= 0x80 && p[i + 1] <= 0xBF) {
			add = latin1_fold[p[++i] - 0x80];
		} else {
			one[0] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
			add = one;
		}
		size_t k = strlen(add);
		if (n + space + k + 1 > size)
			return 0;
		if (space)
			out[n++] = ' ';
		space = 0;
		memcpy(out + n, add, k);
		n += k;
	}
	out[n] = '\0';
	return 1;
}

/* The names of profession `p`: 0 its id, 1-3 its labels, then each alias; NULL past the last. */
typedef struct name_iter {
	const profession_rules *pr;
	inami_profession p;
	int step;              /* 0 id, 1-3 labels, 4-6 alias lists */
	const char *next;      /* rest of the alias list being read */
} name_iter;

static int next_name(name_iter *it, char *folded, size_t size)
{
	for (;;) {
		if (it->next) {
			const char *comma = strchr(it->next, ',');
			size_t len = comma ? (size_t)(comma - it->next) : strlen(it->next);
			const char *name = it->next;
			it->next = comma ? comma + 1 : NULL;
			if (fold(name, len, folded, size) && folded[0])
				return 1;
			continue;
		}
		int s = it->step++;
		if (s == 0) {
			if (fold(inami_profession_id(it->p), (size_t)-1, folded, size))
				return 1;
		} else if (s <= 3) {
			if (it->pr->label[s - 1] && fold(it->pr->label[s - 1], (size_t)-1, folded, size))
				return 1;
		} else if (s <= 6) {
			it->next = it->pr->alias[s - 4];
		} else {
			return 0;
		}
	}
}

/* 1 when a name of `p` is `key` (exact) or starts with it (prefix). */
static int matches(const inami_ruleset *rs, inami_profession p, const char *key, int prefix)
{
	name_iter it = { &rs->professions[p], p, 0, NULL };
	char name[NAME_MAX_BYTES];
	size_t klen = strlen(key);

	while (next_name(&it, name, sizeof(name))) {
		if (prefix ? strncmp(name, key, klen) == 0 : strcmp(name, key) == 0)
			return 1;
	}
	return 0;
}

/* "physiotherapist (kinésithérapeute, kinesitherapeut)" for each profession in `set`, comma-separated. */
static void list_names(const inami_ruleset *rs, unsigned set, char *buf, size_t size)
{
	size_t n = 0;

	buf[0] = '\0';
	for (int p = 1; p <= INAMI_PROFESSION_COUNT && n + 1 < size; p++) {
		const profession_rules *pr = &rs->professions[p];
		if (!(set & (1u << p)))
			continue;
		int w = snprintf(buf + n, size - n, "%s%s (%s, %s)", n ? ", " : "", inami_profession_id((inami_profession)p),
			pr->label[INAMI_LANG_FR], pr->label[INAMI_LANG_NL]);
		if (w < 0)
			break;
		n += (size_t)w;
	}
}

int inami_rules_profession_find(const inami_ruleset *rules, const char *text, inami_profession *out)
{
	char key[NAME_MAX_BYTES], names[1024];
	unsigned exact = 0, prefix = 0, defined = 0;
	int one = 0;

	INAMI_CHECK_NULL(rules);
	INAMI_CHECK_NULL(text);
	INAMI_CHECK_NULL(out);
	int fits = fold(text, (size_t)-1, key, sizeof(key));
	for (int p = 1; p <= INAMI_PROFESSION_COUNT; p++) {
		if (!rules->professions[p].defined)
			continue;
		defined |= 1u << p;
		if (!fits || !key[0])
			continue;
		if (matches(rules, (inami_profession)p, key, 0))
			exact |= 1u << p;
		/* a prefix of three letters or more: "physio", "pharma", "logo" */
		else if (strlen(key) >= 3 && matches(rules, (inami_profession)p, key, 1))
			prefix |= 1u << p;
	}
	unsigned found = exact ? exact : prefix;
	for (int p = 1; p <= INAMI_PROFESSION_COUNT; p++) {
		if (found == 1u << p)
			one = p;
	}
	if (one) {
		*out = (inami_profession)one;
		return INAMI_OK;
	}
	if (found) {
		list_names(rules, found, names, sizeof(names));
		return inami__fail(INAMI_ENOPROFESSION, "profession '%s' is ambiguous: it could be %s", text, names);
	}
	list_names(rules, defined, names, sizeof(names));
	return inami__fail(INAMI_ENOPROFESSION, "unknown profession '%s' (known: %s; in English, French or Dutch)",
		text, names);
}

int inami_rules_profession_measures(const inami_ruleset *rules, inami_profession profession,
	unsigned int *measures)
{
	int st;

	INAMI_CHECK_NULL(rules);
	INAMI_CHECK_NULL(measures);
	if ((st = inami__rules_check_profession(rules, profession)) != INAMI_OK)
		return st;
	*measures = rules->professions[profession].measures;
	return INAMI_OK;
}
