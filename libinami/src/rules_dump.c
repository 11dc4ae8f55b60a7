/* Writing rules back in the file format: what `inami rules dump` prints. */
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "rules_model.h"

static int wanted(const section *s, inami_profession p, int year)
{
	if (s->kind == SECTION_LABELS || s->kind == SECTION_LAW)
		return !p || s->kind == SECTION_LABELS;
	if (p && s->profession != p)
		return 0;
	if (!year || s->kind == SECTION_PROFESSION)
		return 1;
	if (s->kind == SECTION_AMOUNTS)
		return s->from == year;
	return s->from <= year && (!s->to || s->to >= year);
}

int inami_ruleset_dump(const inami_ruleset *rules, inami_profession profession, int year,
	char **out, size_t *len)
{
	textbuf b;
	char heading[96];

	INAMI_CHECK_NULL(out);
	*out = NULL;
	INAMI_CHECK_NULL(rules);
	if (profession && inami_profession_id(profession) == NULL)
		return inami__fail(INAMI_ENOPROFESSION, "unknown profession %d", (int)profession);
	if (year < 0)
		return inami__fail(INAMI_EINVAL, "premium year %d is invalid", year);
	inami__textbuf_init(&b);
	inami__textbuf_puts(&b, "inami-rules 1\n");
	for (size_t i = 0; i < rules->section_count; i++) {
		const section *s = &rules->sections[i];
		if (!wanted(s, profession, year))
			continue;
		section copy = *s;
		copy.override = 0;
		inami__rules_section_heading(&copy, heading, sizeof(heading));
		inami__textbuf_printf(&b, "\n%s\n", heading);
		for (size_t k = 0; k < s->count; k++)
			inami__textbuf_printf(&b, "%s = %s\n", s->entries[k].key, s->entries[k].value);
	}
	if (b.failed) {
		inami__textbuf_free(&b);
		return inami__fail(INAMI_ENOMEM, "out of memory dumping the rules");
	}
	*out = b.data;
	if (len)
		*len = b.len;
	return INAMI_OK;
}
