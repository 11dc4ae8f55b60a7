/*
 * The nomenclature: layering and conflict resolution of CSV rows, then the
 * compiled form the billing kernels use (a table indexed directly by the
 * 6-digit code, so that valuing a line is one load), and lookups.
 */
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "embedded.h"
#include "error.h"
#include "read_file.h"
#include "nomenclature_parse.h"

/* Overlap of two validity periods; an unknown bound is taken as unbounded here. */
static int overlaps(const nom_period *a, const nom_period *b)
{
	int64_t af = a->from ? a->from : INT64_MIN, at = a->to ? a->to : INT64_MAX;
	int64_t bf = b->from ? b->from : INT64_MIN, bt = b->to ? b->to : INT64_MAX;
	return af <= bt && bf <= at;
}

static void record_conflict(nom_period *winner, const nom_period *loser, int unresolved)
{
	if (winner->has_conflict)
		return; /* the first conflict recorded is kept */
	winner->has_conflict = 1;
	winner->conflict_unresolved = unresolved;
	winner->conflict_value = loser->value;
	winner->conflict_provenance = loser->provenance;
	winner->conflict_source = loser->source;
	winner->conflict_note = loser->note;
}

/*
 * Resolve rows of one layer that overlap for the same code: the stronger
 * provenance wins and keeps the other as its recorded conflict; with equal
 * provenance the first row is kept and the conflict marked unresolved (the
 * totals then say a disputed value was used). Equal values merge.
 * Returns the number of rows kept (compacted at the start of `rows`).
 */
static size_t resolve_conflicts(nom_period *rows, size_t n)
{
	size_t kept = 0;

	for (size_t i = 0; i < n; i++) {
		nom_period r = rows[i];
		int dropped = 0;
		for (size_t k = 0; k < kept && !dropped;) {
			nom_period *o = &rows[k];
			if (o->code != r.code || !overlaps(o, &r)) {
				k++;
				continue;
			}
			int same = o->value == r.value && o->letter == r.letter;
			if (r.provenance < o->provenance) {
				/* r is stronger: it replaces o */
				if (!same)
					record_conflict(&r, o, 0);
				memmove(o, o + 1, (kept - k - 1) * sizeof(*o));
				kept--;
			} else {
				if (!same)
					record_conflict(o, &r, r.provenance == o->provenance);
				dropped = 1;
			}
		}
		if (!dropped)
			rows[kept++] = r;
	}
	return kept;
}

static int period_cmp(const void *a, const void *b)
{
	const nom_period *x = a, *y = b;
	if (x->code != y->code)
		return x->code < y->code ? -1 : 1;
	if (x->from != y->from)
		return x->from < y->from ? -1 : 1;
	return (x->line > y->line) - (x->line < y->line);
}

static const char *copy_str(pool *p, const char *s)
{
	return s ? inami__pool_strdup(p, s) : NULL;
}

/* Copy a base period's strings into the new pool. */
static int copy_period(pool *p, nom_period *dst, const nom_period *src)
{
	*dst = *src;
	dst->source = copy_str(p, src->source);
	dst->note = copy_str(p, src->note);
	dst->description = copy_str(p, src->description);
	dst->layer = copy_str(p, src->layer);
	dst->conflict_source = copy_str(p, src->conflict_source);
	dst->conflict_note = copy_str(p, src->conflict_note);
	if (!dst->source || !dst->note || !dst->description || !dst->layer
		|| (src->conflict_source && !dst->conflict_source)
		|| (src->conflict_note && !dst->conflict_note))
		return inami__fail(INAMI_ENOMEM, "out of memory copying the base nomenclature");
	return INAMI_OK;
}

/* An entry resolved per line; `reason` is its unvalued reason when every line reaching it has that one. */
static void fast_slow(nom_fast *f, int reason)
{
	f->lane[0].aux = INT32_MAX; /* span 0 from INT32_MAX: never valued directly */
	f->lane[2].aux |= (uint32_t)reason << NOM_FAST_REASON_SHIFT;
}

/*
 * The dated entry (nom_fast) of period e: valued when 1000-01-01 <= date
 * <= 9999-12-31 and inside the period, so that a line whose date is not one
 * is resolved per line; a DERIVED value not allowed is resolved per line too.
 */
static void fast_dated(const nom_hot *e, int allow_derived, nom_fast *f)
{
	int32_t from = e->from > 10000101 ? e->from : 10000101, to = e->to < 99991231 ? e->to : 99991231;
	memset(f, 0, sizeof(*f));
	f->lane[2].aux = e->letter;
	f->lane[3].value = 1;
	if ((e->flags & (allow_derived ? 0u : NOM_DERIVED)) || to < from) {
		fast_slow(f, 0);
		return;
	}
	f->lane[e->letter].value = e->value;
	f->lane[0].aux = (uint32_t)from;
	f->lane[1].aux = (uint32_t)to - (uint32_t)from;
	f->lane[3].aux = (e->flags & NOM_PUBLIC) << NOM_FAST_FLAGS_SHIFT;
}

/* Period p as a hot entry (value, letter, bounds, flags; nperiods left 0). */
static nom_hot period_hot(const nom_period *p)
{
	nom_hot e = { 0 };
	e.value = (int32_t)p->value;
	e.letter = (uint8_t)p->letter;
	e.from = p->from ? p->from : NOM_FROM_UNKNOWN;
	e.to = p->to ? p->to : NOM_TO_UNKNOWN;
	e.flags = (uint8_t)((p->provenance >= INAMI_PROV_DERIVED ? NOM_DERIVED : 0)
		| (p->from == 0 || p->to == 0 ? NOM_VALIDITY : 0)
		| (p->conflict_unresolved ? NOM_CONFLICT : 0));
	return e;
}

/*
 * The kernels' entry of hot entry h in variant v (nom_fast). Dated: the
 * code's most recent period, bounds within 1000-01-01..9999-12-31 so that a
 * line whose date is not one is resolved per line. Undated: what the
 * resolver gives for date 0, a value or an unvalued reason, once for all
 * lines.
 */
static void compile_fast(const inami_nomenclature *n, size_t h, int v, nom_fast *f)
{
	const nom_hot *e = &n->hot[h];
	int allow_derived = (v & NOM_FAST_DERIVED) != 0;
	memset(f, 0, sizeof(*f));
	f->lane[2].aux = e->letter;
	f->lane[3].value = 1;
	if (h == 0) {
		fast_slow(f, INAMI_UNVALUED_UNKNOWN_CODE);
		return;
	}
	if (v & NOM_FAST_DATED) {
		fast_dated(e, allow_derived, f);
		return;
	}
	int64_t value;
	int letter;
	unsigned int flags;
	int reason = inami__nom_resolve(n, n->periods[n->first[h]].code, 0, allow_derived, &value, &letter, &flags);
	if (reason) {
		fast_slow(f, reason);
		return;
	}
	f->lane[2].aux = (uint32_t)letter;
	f->lane[letter].value = (int32_t)value;
	f->lane[3].aux = flags << NOM_FAST_FLAGS_SHIFT;
}

/* Build the direct index and the hot entries from the sorted periods. */
static int compile(inami_nomenclature *n)
{
	size_t distinct = 0;
	for (size_t i = 0; i < n->count; i++)
		if (i == 0 || n->periods[i].code != n->periods[i - 1].code)
			distinct++;
	if (distinct >= UINT16_MAX)
		return inami__fail(INAMI_ERANGE, "nomenclature has %zu codes (at most %d)", distinct,
			UINT16_MAX - 1);
	n->index = calloc(NOM_CODE_SPACE, sizeof(*n->index));
	n->hot = calloc(distinct + 1, sizeof(*n->hot));
	n->first = calloc(distinct + 1, sizeof(*n->first));
	if (!n->index || !n->hot || !n->first)
		return inami__fail(INAMI_ENOMEM, "out of memory compiling the nomenclature");
	n->hot[0].letter = INAMI_KEY_M; /* sentinel: unknown code (value 0, never added) */
	size_t h = 0;
	for (size_t i = 0; i < n->count; i++) {
		const nom_period *p = &n->periods[i];
		int first = i == 0 || p->code != n->periods[i - 1].code;
		if (first) {
			h++;
			n->index[p->code] = (uint16_t)h;
			n->first[h] = (uint32_t)i;
		}
		/* Periods are sorted by start: the last one written is the most recent. */
		uint16_t nperiods = n->hot[h].nperiods;
		n->hot[h] = period_hot(p);
		n->hot[h].nperiods = (uint16_t)(nperiods + 1);
		if (p->value > n->max_value)
			n->max_value = p->value;
	}
	n->hot_count = distinct + 1;
	for (int v = 0; v < 4; v++) {
		n->fast[v] = aligned_alloc(sizeof(nom_fast), n->hot_count * sizeof(nom_fast));
		if (n->fast[v] == NULL)
			return inami__fail(INAMI_ENOMEM, "out of memory compiling the nomenclature");
		for (size_t h = 0; h < n->hot_count; h++)
			compile_fast(n, h, v, &n->fast[v][h]);
	}
	for (int allow_derived = 0; allow_derived < 2; allow_derived++) {
		/* one more entry than periods: an empty nomenclature still gets an array */
		n->period_fast[allow_derived] = aligned_alloc(sizeof(nom_fast), (n->count + 1) * sizeof(nom_fast));
		if (n->period_fast[allow_derived] == NULL)
			return inami__fail(INAMI_ENOMEM, "out of memory compiling the nomenclature");
		for (size_t i = 0; i < n->count; i++) {
			nom_hot e = period_hot(&n->periods[i]);
			fast_dated(&e, allow_derived, &n->period_fast[allow_derived][i]);
		}
	}
	return INAMI_OK;
}

static void nom_destroy(inami_nomenclature *n)
{
	if (n == NULL)
		return;
	inami__pool_free(&n->strings);
	free(n->periods);
	free(n->index);
	free(n->hot);
	free(n->first);
	for (int v = 0; v < 4; v++)
		free(n->fast[v]);
	free(n->period_fast[0]);
	free(n->period_fast[1]);
	free(n);
}

static int load_layer(inami_nomenclature **out, const inami_nomenclature *base,
	const char *name, const char *data, size_t len)
{
	inami_nomenclature *n = calloc(1, sizeof(*n));
	nom_period *rows = NULL;
	size_t nrows = 0;
	uint8_t *in_file = NULL;
	int st;

	*out = NULL;
	if (n == NULL)
		return inami__fail(INAMI_ENOMEM, "out of memory loading %s", name);
	inami__pool_init(&n->strings);
	st = inami__nom_parse_csv(name, data, len, &n->strings, &rows, &nrows);
	if (st != INAMI_OK)
		goto fail;
	nrows = resolve_conflicts(rows, nrows);

	/* The file's codes replace every base period of those codes. */
	size_t from_base = 0;
	if (base != NULL) {
		in_file = calloc(NOM_CODE_SPACE, 1);
		if (in_file == NULL) {
			st = inami__fail(INAMI_ENOMEM, "out of memory loading %s", name);
			goto fail;
		}
		for (size_t i = 0; i < nrows; i++)
			in_file[rows[i].code] = 1;
		for (size_t i = 0; i < base->count; i++)
			from_base += !in_file[base->periods[i].code];
	}
	n->periods = calloc(nrows + from_base + 1, sizeof(*n->periods));
	if (n->periods == NULL) {
		st = inami__fail(INAMI_ENOMEM, "out of memory loading %s", name);
		goto fail;
	}
	for (size_t i = 0; base != NULL && i < base->count; i++) {
		if (in_file[base->periods[i].code])
			continue;
		st = copy_period(&n->strings, &n->periods[n->count++], &base->periods[i]);
		if (st != INAMI_OK)
			goto fail;
	}
	if (nrows > 0)   /* rows is NULL for a file without data rows: memcpy(.., NULL, 0) is UB */
		memcpy(n->periods + n->count, rows, nrows * sizeof(*rows));
	n->count += nrows;
	qsort(n->periods, n->count, sizeof(*n->periods), period_cmp);
	st = compile(n);
	if (st != INAMI_OK)
		goto fail;
	free(rows);
	free(in_file);
	*out = n;
	return INAMI_OK;
fail:
	free(rows);
	free(in_file);
	nom_destroy(n);
	return st;
}

static pthread_once_t default_once = PTHREAD_ONCE_INIT;
static inami_nomenclature *default_nom;
static int default_status;
static char default_message[1024];

static void make_default(void)
{
	for (const inami_embedded_file *f = inami__embedded_files; f->name; f++) {
		if (strcmp(f->name, "nomenclature.csv") == 0) {
			default_status = load_layer(&default_nom, NULL, "default", f->text, f->len);
			if (default_status != INAMI_OK)
				snprintf(default_message, sizeof(default_message), "embedded nomenclature: %s",
					inami_error_last());
			else
				default_nom->is_default = 1;
			return;
		}
	}
	default_status = INAMI_ENOTFOUND;
	snprintf(default_message, sizeof(default_message),
		"the library was built without libinami/data/nomenclature.csv");
}

int inami_nomenclature_default(const inami_nomenclature **out)
{
	INAMI_CHECK_NULL(out);
	pthread_once(&default_once, make_default);
	if (default_status != INAMI_OK) {
		*out = NULL;
		return inami__fail(default_status, "%s", default_message);
	}
	*out = default_nom;
	return INAMI_OK;
}

int inami_nomenclature_load_buffer(inami_nomenclature **out, const inami_nomenclature *base,
	const char *data, size_t len, const char *name)
{
	INAMI_CHECK_NULL(out);
	*out = NULL;
	INAMI_CHECK_NULL(data);
	return load_layer(out, base, name ? name : "buffer", data, len);
}

int inami_nomenclature_load_file(inami_nomenclature **out, const inami_nomenclature *base,
	const char *path)
{
	INAMI_CHECK_NULL(out);
	*out = NULL;
	INAMI_CHECK_NULL(path);
	char *buf;
	size_t len;
	int st = inami__read_file(path, "nomenclature file", (size_t)1 << 30, &buf, &len);
	if (st != INAMI_OK)
		return st;
	st = load_layer(out, base, path, buf, len);
	free(buf);
	return st;
}

void inami_nomenclature_free(const inami_nomenclature *nomenclature)
{
	if (nomenclature == NULL || nomenclature->is_default)
		return;
	nom_destroy((inami_nomenclature *)nomenclature);
}

size_t inami_nomenclature_count(const inami_nomenclature *nomenclature)
{
	return nomenclature ? nomenclature->count : 0;
}

static void fill_info(const nom_period *p, inami_code_info *out)
{
	out->code = p->code;
	out->key_letter = p->letter;
	out->value = p->value;
	out->valid_from = p->from;
	out->valid_to = p->to;
	out->flags = (p->from == 0 ? INAMI_CODE_FROM_UNKNOWN : 0) | (p->to == 0 ? INAMI_CODE_TO_UNKNOWN : 0)
		| (p->conflict_unresolved ? INAMI_CODE_CONFLICT_UNRESOLVED : 0);
	out->provenance = p->provenance;
	out->source = p->source;
	out->note = p->note;
	out->description = p->description;
	out->layer = p->layer;
	out->line = p->line;
	out->has_conflict = p->has_conflict;
	out->conflict_value = p->has_conflict ? p->conflict_value : 0;
	out->conflict_provenance = p->has_conflict ? p->conflict_provenance : INAMI_PROV_NOT_FOUND;
	out->conflict_source = p->has_conflict ? p->conflict_source : "";
	out->conflict_note = p->has_conflict ? p->conflict_note : "";
}

int inami_nomenclature_entry(const inami_nomenclature *nomenclature, size_t index,
	inami_code_info *out)
{
	INAMI_CHECK_NULL(nomenclature);
	INAMI_CHECK_NULL(out);
	INAMI_CHECK_VERSION(out->version, INAMI_CODE_INFO_VERSION, "inami_code_info");
	if (index >= nomenclature->count)
		return inami__fail(INAMI_ERANGE, "entry %zu does not exist (%zu entries)", index,
			nomenclature->count);
	fill_info(&nomenclature->periods[index], out);
	return INAMI_OK;
}

/* The period of `code` on `date`, or the unvalued reason. */
static int find_period(const inami_nomenclature *n, int32_t code, inami_date date,
	const nom_period **out)
{
	uint32_t c = (uint32_t)code;
	unsigned h = c < NOM_CODE_SPACE ? n->index[c] : 0;
	if (h == 0)
		return INAMI_UNVALUED_UNKNOWN_CODE;
	const nom_period *p = &n->periods[n->first[h]];
	unsigned np = n->hot[h].nperiods;
	if (date == 0) {
		/* Undated: usable only if every period gives the same value. */
		for (unsigned i = 1; i < np; i++)
			if (p[i].value != p[0].value || p[i].letter != p[0].letter
				|| (p[i].provenance >= INAMI_PROV_DERIVED) != (p[0].provenance >= INAMI_PROV_DERIVED))
				return INAMI_UNVALUED_DATE_NEEDED;
		*out = p;
		return 0;
	}
	for (unsigned i = 0; i < np; i++) {
		if ((p[i].from == 0 || p[i].from <= date) && (p[i].to == 0 || date <= p[i].to)) {
			*out = &p[i];
			return 0;
		}
	}
	return INAMI_UNVALUED_OUT_OF_VALIDITY;
}

int inami__nom_resolve(const inami_nomenclature *n, int32_t code, inami_date date, int allow_derived,
	int64_t *value, int *letter, unsigned int *flags)
{
	const nom_period *p;
	int reason = find_period(n, code, date, &p);
	if (reason)
		return reason;
	int estimate = p->provenance >= INAMI_PROV_DERIVED;
	if (estimate && !allow_derived)
		return INAMI_UNVALUED_DERIVED;
	*value = p->value;
	*letter = (int)p->letter;
	*flags = (estimate ? INAMI_TOTAL_DERIVED_USED : 0)
		| (p->conflict_unresolved ? INAMI_TOTAL_CONFLICT : 0)
		| (date == 0 ? INAMI_TOTAL_UNDATED
			: (p->from == 0 || p->to == 0 ? INAMI_TOTAL_VALIDITY_UNKNOWN : 0));
	return 0;
}

int inami_nomenclature_lookup(const inami_nomenclature *nomenclature, int32_t code,
	inami_date date, inami_code_info *out)
{
	INAMI_CHECK_NULL(nomenclature);
	INAMI_CHECK_NULL(out);
	INAMI_CHECK_VERSION(out->version, INAMI_CODE_INFO_VERSION, "inami_code_info");
	if (date != 0 && inami_date_check(date) != INAMI_OK)
		return inami__fail(INAMI_EINVAL, "%d is not a date (YYYYMMDD)", (int)date);
	const nom_period *p;
	switch (find_period(nomenclature, code, date, &p)) {
	case 0:
		fill_info(p, out);
		return INAMI_OK;
	case INAMI_UNVALUED_UNKNOWN_CODE:
		return inami__fail(INAMI_ENOTFOUND, "code %06d is not in the nomenclature (value NOT FOUND)",
			(int)code);
	case INAMI_UNVALUED_DATE_NEEDED:
		return inami__fail(INAMI_EINVAL, "the value of code %06d changed over time: give a date",
			(int)code);
	default:
		return inami__fail(INAMI_ENOTFOUND, "code %06d has no value on %d (outside its validity periods)",
			(int)code, (int)date);
	}
}

const char *inami_key_letter_id(inami_key_letter letter)
{
	static const char *const ids[] = { "M", "R", "V" };
	return (int)letter >= 0 && (int)letter < INAMI_KEY_LETTER_COUNT ? ids[letter] : NULL;
}

int inami_key_letter_of_profession(inami_profession profession, inami_key_letter *out)
{
	INAMI_CHECK_NULL(out);
	switch (profession) {
	case INAMI_PHYSIOTHERAPIST: *out = INAMI_KEY_M; return INAMI_OK;
	case INAMI_SPEECH_THERAPIST: *out = INAMI_KEY_R; return INAMI_OK;
	case INAMI_MIDWIFE: *out = INAMI_KEY_V; return INAMI_OK;
	default:
		return inami__fail(INAMI_ENOTFOUND, "profession %d has no key-letter thresholds",
			(int)profession);
	}
}

const char *inami_unvalued_reason_id(inami_unvalued_reason reason)
{
	switch (reason) {
	case INAMI_UNVALUED_UNKNOWN_CODE: return "unknown_code";
	case INAMI_UNVALUED_OUT_OF_VALIDITY: return "out_of_validity";
	case INAMI_UNVALUED_DATE_NEEDED: return "date_needed";
	case INAMI_UNVALUED_DERIVED: return "derived_not_allowed";
	default: return NULL;
	}
}
