/*
 * inami.i: the one SWIG interface of libinami, shared by Python and Java.
 *
 * Language-neutral part: the public headers, ownership of the opaque handles
 * (classes with destructors), and small helper functions (prefix inami_swig_)
 * that turn the output-pointer APIs into functions returning the value or a
 * new object. Each language file (included FIRST, below) must define
 *
 *   INAMI_RAISE(status)   raise/throw the language's exception for a negative
 *                         inami status, with inami_error_last() as message,
 *                         and leave the wrapper (SWIG_fail / return $null);
 *
 * and adds its typemaps, bulk-array wrappers and idiomatic layer
 * (python/inami_python.i, java/inami_java.i).
 *
 * Error reporting, two kinds of wrapped functions:
 *   INAMI_CHECKED(f)  f returns an inami status: a negative one raises;
 *   INAMI_HELPER(f)   f is a helper below: it records the status of the library
 *                     call it makes in inami_swig_status, a negative one raises.
 */
%module inami_native

%{
#include <stdlib.h>
#include <string.h>
#include <inami/inami.h>

/* Status of the last library call made by an inami_swig_ helper (per thread). */
static _Thread_local int inami_swig_status;
#define INAMI_SWIG_CALL(expr) (inami_swig_status = (expr))

/* A malloc'd copy (NULL stays NULL). */
static char *inami_swig_strdup(const char *s)
{
	size_t n;
	char *copy;

	if (s == NULL)
		return NULL;
	n = strlen(s) + 1;
	copy = malloc(n);
	if (copy != NULL)
		memcpy(copy, s, n);
	return copy;
}
%}

%include <stdint.i>

/* The language part first: it defines INAMI_RAISE and its own %ignore lines. */
#if defined(SWIGPYTHON)
%include "python/inami_python.i"
#elif defined(SWIGJAVA)
%include "java/inami_java.i"
#endif

/* Fallback for a language file without INAMI_RAISE: still never silent. */
#ifndef INAMI_RAISE
%include <exception.i>
%define INAMI_RAISE(status)
	SWIG_exception(SWIG_RuntimeError, inami_error_last());
%enddef
#endif

%define INAMI_CHECKED(f)
%exception f {
	$action
	if (result < 0) {
		INAMI_RAISE(result)
	}
}
%enddef

%define INAMI_HELPER(f)
%exception f {
	inami_swig_status = INAMI_OK;
	$action
	if (inami_swig_status < 0) {
		INAMI_RAISE(inami_swig_status)
	}
}
%enddef

/* Strings inside the read-only result structs point into the ruleset,
 * nomenclature or result: never set from the target language. */
%immutable id;
%immutable source;
%immutable note;
%immutable layer;
%immutable label;
%immutable detail;
%immutable description;
%immutable conflict_source;
%immutable conflict_note;
%immutable key_values;

/* Output-pointer functions are replaced by the inami_swig_ helpers below. */
%ignore inami_profession_from_id;
%ignore inami_lang_from_id;
%ignore inami_measure_from_id;
%ignore inami_date_parse;
%ignore inami_euros_parse;
%ignore inami_euros_format;
%ignore inami_measure_parse;
%ignore inami_measure_format;
%ignore inami_figure_init;
%ignore inami_tier_info_init;
%ignore inami_rules_tier_amount;
%ignore inami_ruleset_default;
%ignore inami_ruleset_load_file;
%ignore inami_ruleset_load_buffer;
%ignore inami_ruleset_dump;
%ignore inami_rules_year_skeleton;
%ignore inami_ruleset_free;
%ignore inami_free;
%ignore inami_rules_years;
%ignore inami_rules_tier_count;
%ignore inami_rules_thresholds_carried_from;
%ignore inami_rules_tier;
%ignore inami_rules_tier_threshold;
%ignore inami_rules_maximum;
%ignore inami_rules_law_figure;
%ignore inami_rules_specialty;
%ignore inami_rules_year_status;
%ignore inami_eval_input_init;
%ignore inami_eval_options_init;
%ignore inami_evaluate;
%ignore inami_evaluate_reading;
%ignore inami_result_free;
%ignore inami_result_missing;
%ignore inami_key_letter_of_profession;
%ignore inami_nomenclature_default;
%ignore inami_nomenclature_load_file;
%ignore inami_nomenclature_load_buffer;
%ignore inami_nomenclature_free;
%ignore inami_nomenclature_entry;
%ignore inami_nomenclature_lookup;
%ignore inami_billing_new;
%ignore inami_billing_free;
%ignore inami_billing_unvalued_count;
%ignore inami_billing_unvalued;
%ignore inami_billing_csv_new;
%ignore inami_billing_csv_free;
%ignore inami_billing_csv_feed;

INAMI_CHECKED(inami_date_check)
INAMI_CHECKED(inami_billing_reserve)
INAMI_CHECKED(inami_billing_csv_finish)
INAMI_CHECKED(inami_billing_csv_read_file)
INAMI_CHECKED(inami_billing_csv_read_range)
INAMI_CHECKED(inami_csv_read_options_init)

/* Input structs: the constructor initialises them (version, INAMI_UNSET...);
 * `specialty` is copied and owned by the struct. */
%typemap(memberin) const char *specialty {
	free((char *)$1);
	$1 = inami_swig_strdup($input);
}
%extend inami_eval_input {
	inami_eval_input() {
		inami_eval_input *in = calloc(1, sizeof(*in));
		if (in != NULL)
			inami_eval_input_init(in, INAMI_EVAL_INPUT_VERSION);
		return in;
	}
	~inami_eval_input() {
		free((char *)$self->specialty);
		free($self);
	}
}
%extend inami_csv_read_options {
	inami_csv_read_options() {
		inami_csv_read_options *o = calloc(1, sizeof(*o));
		if (o != NULL)
			inami_csv_read_options_init(o, INAMI_CSV_READ_OPTIONS_VERSION);
		return o;
	}
}
%extend inami_eval_options {
	inami_eval_options() {
		inami_eval_options *o = calloc(1, sizeof(*o));
		if (o != NULL)
			inami_eval_options_init(o, INAMI_EVAL_OPTIONS_VERSION);
		return o;
	}
}
/* The readings of a result point into it: read-only. */
%immutable inami_reading::dispute;
%immutable inami_reading::tier;

#define INAMI_EXTERN(type) type
%include "inami/common.h"
%include "inami/rules.h"
%include "inami/evaluate.h"
/* The bindings fill these column names through their helpers; read-only here (no leaked copies). */
%immutable inami_billing_csv_options::provider_column;
%immutable inami_billing_csv_options::code_column;
%immutable inami_billing_csv_options::quantity_column;
%immutable inami_billing_csv_options::date_column;
%include "inami/billing.h"

/* Opaque handles become classes; the library frees them. */
%define INAMI_HANDLE(type, freefn)
%nodefaultctor type;
%extend type {
	~type() { freefn($self); }
}
struct type {};
%enddef
INAMI_HANDLE(inami_ruleset, inami_ruleset_free)
INAMI_HANDLE(inami_result, inami_result_free)
INAMI_HANDLE(inami_nomenclature, inami_nomenclature_free)
INAMI_HANDLE(inami_billing, inami_billing_free)
INAMI_HANDLE(inami_billing_csv, inami_billing_csv_free)

%newobject inami_swig_euros_format;
%newobject inami_swig_ruleset_load_file;
%newobject inami_swig_ruleset_load_string;
%newobject inami_swig_ruleset_dump;
%typemap(newfree) char *inami_swig_ruleset_dump "inami_free($1);";
%newobject inami_swig_rules_year_skeleton;
%typemap(newfree) char *inami_swig_rules_year_skeleton "inami_free($1);";
%newobject inami_swig_measure_format;
%newobject inami_swig_rules_tier;
%newobject inami_swig_rules_tier_threshold;
%newobject inami_swig_rules_tier_amount;
%newobject inami_swig_rules_maximum;
%newobject inami_swig_rules_law_figure;
%newobject inami_swig_evaluate;
%newobject inami_swig_evaluate_reading;
%newobject inami_swig_nomenclature_load_file;
%newobject inami_swig_nomenclature_entry;
%newobject inami_swig_nomenclature_lookup;
%newobject inami_swig_billing_new;
%newobject inami_swig_billing_csv_new;

INAMI_HELPER(inami_swig_profession_from_id)
INAMI_HELPER(inami_swig_lang_from_id)
INAMI_HELPER(inami_swig_measure_from_id)
INAMI_HELPER(inami_swig_date_parse)
INAMI_HELPER(inami_swig_euros_parse)
INAMI_HELPER(inami_swig_euros_format)
INAMI_HELPER(inami_swig_measure_parse)
INAMI_HELPER(inami_swig_measure_format)
INAMI_HELPER(inami_swig_ruleset_default)
INAMI_HELPER(inami_swig_ruleset_load_file)
INAMI_HELPER(inami_swig_ruleset_load_string)
INAMI_HELPER(inami_swig_ruleset_dump)
INAMI_HELPER(inami_swig_rules_year_skeleton)
INAMI_HELPER(inami_swig_rules_year_count)
INAMI_HELPER(inami_swig_rules_year)
INAMI_HELPER(inami_swig_rules_tier_count)
INAMI_HELPER(inami_swig_rules_thresholds_carried_from)
INAMI_HELPER(inami_swig_rules_tier)
INAMI_HELPER(inami_swig_rules_tier_threshold)
INAMI_HELPER(inami_swig_rules_tier_amount)
INAMI_HELPER(inami_swig_rules_maximum)
INAMI_HELPER(inami_swig_rules_law_figure)
INAMI_HELPER(inami_swig_rules_specialty_id)
INAMI_HELPER(inami_swig_rules_specialty_label)
INAMI_HELPER(inami_swig_rules_year_available)
INAMI_HELPER(inami_swig_rules_year_note)
INAMI_HELPER(inami_swig_evaluate)
INAMI_HELPER(inami_swig_evaluate_reading)
INAMI_HELPER(inami_swig_result_missing_measure)
INAMI_HELPER(inami_swig_result_missing_threshold)
INAMI_HELPER(inami_swig_result_missing_value)
INAMI_HELPER(inami_swig_key_letter_of_profession)
INAMI_HELPER(inami_swig_nomenclature_default)
INAMI_HELPER(inami_swig_nomenclature_load_file)
INAMI_HELPER(inami_swig_nomenclature_entry)
INAMI_HELPER(inami_swig_nomenclature_lookup)
INAMI_HELPER(inami_swig_billing_new)
INAMI_HELPER(inami_swig_billing_unvalued_count)
INAMI_HELPER(inami_swig_billing_unvalued_code)
INAMI_HELPER(inami_swig_billing_unvalued_quantity)
INAMI_HELPER(inami_swig_billing_unvalued_reason)
INAMI_HELPER(inami_swig_billing_csv_new)
INAMI_HELPER(inami_swig_billing_csv_feed)

%inline %{
/* ---- common.h ---- */
int inami_swig_profession_from_id(const char *id)
{
	inami_profession p = INAMI_PROFESSION_NONE;
	INAMI_SWIG_CALL(inami_profession_from_id(id, &p));
	return (int)p;
}

int inami_swig_lang_from_id(const char *id)
{
	inami_lang l = INAMI_LANG_EN;
	INAMI_SWIG_CALL(inami_lang_from_id(id, &l));
	return (int)l;
}

int inami_swig_measure_from_id(const char *id)
{
	inami_measure m = INAMI_MEASURE_PRESTATIONS;
	INAMI_SWIG_CALL(inami_measure_from_id(id, &m));
	return (int)m;
}

/* "YYYY-MM-DD" -> YYYYMMDD. */
int32_t inami_swig_date_parse(const char *text)
{
	inami_date d = 0;
	INAMI_SWIG_CALL(inami_date_parse(text, &d));
	return d;
}

/* "1790.34" -> 179034, exactly. */
int64_t inami_swig_euros_parse(const char *text, int allow_negative)
{
	int64_t cents = 0;
	INAMI_SWIG_CALL(inami_euros_parse(text, allow_negative, &cents));
	return cents;
}

/* 179034 -> "1790.34" (a new string). */
char *inami_swig_euros_format(int64_t cents)
{
	char buf[32];
	if (INAMI_SWIG_CALL(inami_euros_format(cents, buf, sizeof(buf))) < 0)
		return NULL;
	return inami_swig_strdup(buf);
}

/* "1234.5" of a measure -> 123450 in its unit (whole prestations, hundredths otherwise). */
int64_t inami_swig_measure_parse(int measure, const char *text)
{
	int64_t v = 0;
	INAMI_SWIG_CALL(inami_measure_parse((inami_measure)measure, text, &v));
	return v;
}

/* 123450 of a measure -> "1234.5" (a new string). */
char *inami_swig_measure_format(int measure, int64_t value)
{
	char buf[32];
	if (INAMI_SWIG_CALL(inami_measure_format((inami_measure)measure, value, buf, sizeof(buf))) < 0)
		return NULL;
	return inami_swig_strdup(buf);
}

/* ---- rules.h ---- */
const inami_ruleset *inami_swig_ruleset_default(void)
{
	const inami_ruleset *r = NULL;
	INAMI_SWIG_CALL(inami_ruleset_default(&r));
	return r;
}

/* A ruleset from a file; `base` NULL = standalone, else a layer over it. */
inami_ruleset *inami_swig_ruleset_load_file(const inami_ruleset *base, const char *path)
{
	inami_ruleset *r = NULL;
	INAMI_SWIG_CALL(inami_ruleset_load_file(&r, base, path));
	return r;
}

/* As above, from text; `name` names the layer in messages. */
inami_ruleset *inami_swig_ruleset_load_string(const inami_ruleset *base, const char *text,
	const char *name)
{
	inami_ruleset *r = NULL;
	INAMI_SWIG_CALL(inami_ruleset_load_buffer(&r, base, text, text ? strlen(text) : 0, name));
	return r;
}

char *inami_swig_ruleset_dump(const inami_ruleset *rules, int profession, int year)
{
	char *text = NULL;
	size_t len = 0;
	INAMI_SWIG_CALL(inami_ruleset_dump(rules, (inami_profession)profession, year, &text, &len));
	return text;
}

/* The skeleton of a new premium year, every value to fill written FILL. */
char *inami_swig_rules_year_skeleton(const inami_ruleset *rules, int profession, int year)
{
	char *text = NULL;
	size_t len = 0;
	INAMI_SWIG_CALL(inami_rules_year_skeleton(rules, (inami_profession)profession, year, &text, &len));
	return text;
}

size_t inami_swig_rules_year_count(const inami_ruleset *rules, int profession)
{
	size_t count = 0;
	INAMI_SWIG_CALL(inami_rules_years(rules, (inami_profession)profession, NULL, 0, &count));
	if (inami_swig_status == INAMI_EBUFS)
		inami_swig_status = INAMI_OK;
	return count;
}

/* Year `index` of inami_rules_years(). */
int inami_swig_rules_year(const inami_ruleset *rules, int profession, size_t index)
{
	size_t count = 0;
	int *years;
	int year = 0;

	if (INAMI_SWIG_CALL(inami_rules_years(rules, (inami_profession)profession, NULL, 0, &count)) < 0
	    && inami_swig_status != INAMI_EBUFS)
		return 0;
	inami_swig_status = INAMI_OK;
	if (index >= count) {
		inami_swig_status = INAMI_ERANGE;
		return 0;
	}
	years = malloc(count * sizeof(*years));
	if (years == NULL) {
		inami_swig_status = INAMI_ENOMEM;
		return 0;
	}
	if (INAMI_SWIG_CALL(inami_rules_years(rules, (inami_profession)profession, years, count, &count)) == INAMI_OK)
		year = years[index];
	free(years);
	return year;
}

int inami_swig_rules_thresholds_carried_from(const inami_ruleset *rules, int profession, int year)
{
	int from = 0;
	INAMI_SWIG_CALL(inami_rules_thresholds_carried_from(rules, (inami_profession)profession, year, &from));
	return from;
}

size_t inami_swig_rules_tier_count(const inami_ruleset *rules, int profession, int year)
{
	size_t count = 0;
	INAMI_SWIG_CALL(inami_rules_tier_count(rules, (inami_profession)profession, year, &count));
	return count;
}

inami_tier_info *inami_swig_rules_tier(const inami_ruleset *rules, int profession, int year,
	size_t index)
{
	inami_tier_info *t = calloc(1, sizeof(*t));
	if (t == NULL) {
		inami_swig_status = INAMI_ENOMEM;
		return NULL;
	}
	t->version = INAMI_TIER_INFO_VERSION;
	if (INAMI_SWIG_CALL(inami_rules_tier(rules, (inami_profession)profession, year, index, t)) < 0) {
		free(t);
		return NULL;
	}
	return t;
}

/* A new figure with its version set, or NULL (status ENOMEM). */
static inami_figure *inami_swig_figure_new(void)
{
	inami_figure *f = calloc(1, sizeof(*f));
	if (f == NULL)
		inami_swig_status = INAMI_ENOMEM;
	else
		f->version = INAMI_FIGURE_VERSION;
	return f;
}

inami_figure *inami_swig_rules_tier_amount(const inami_ruleset *rules, int profession, int year,
	size_t index)
{
	inami_figure *f = inami_swig_figure_new();
	if (f && INAMI_SWIG_CALL(inami_rules_tier_amount(rules, (inami_profession)profession, year, index, f)) < 0) {
		free(f);
		return NULL;
	}
	return f;
}

inami_figure *inami_swig_rules_tier_threshold(const inami_ruleset *rules, int profession,
	int year, size_t index, int measure, const char *specialty)
{
	inami_figure *f = inami_swig_figure_new();
	if (f == NULL)
		return NULL;
	if (INAMI_SWIG_CALL(inami_rules_tier_threshold(rules, (inami_profession)profession, year,
			index, (inami_measure)measure, specialty, f)) < 0) {
		free(f);
		return NULL;
	}
	return f;
}

/* A dated legal figure of a [law SUBJECT] section (basis points for percentages). */
inami_figure *inami_swig_rules_law_figure(const inami_ruleset *rules, const char *subject, int year, const char *key)
{
	inami_figure *f = inami_swig_figure_new();
	if (f == NULL)
		return NULL;
	if (INAMI_SWIG_CALL(inami_rules_law_figure(rules, subject, year, key, f)) < 0) {
		free(f);
		return NULL;
	}
	return f;
}

inami_figure *inami_swig_rules_maximum(const inami_ruleset *rules, int profession, int year,
	int measure)
{
	inami_figure *f = inami_swig_figure_new();
	if (f == NULL)
		return NULL;
	if (INAMI_SWIG_CALL(inami_rules_maximum(rules, (inami_profession)profession, year,
			(inami_measure)measure, f)) < 0) {
		free(f);
		return NULL;
	}
	return f;
}

const char *inami_swig_rules_specialty_id(const inami_ruleset *rules, size_t index)
{
	const char *id = NULL, *label = NULL;
	INAMI_SWIG_CALL(inami_rules_specialty(rules, index, INAMI_LANG_EN, &id, &label));
	return id;
}

const char *inami_swig_rules_specialty_label(const inami_ruleset *rules, size_t index, int lang)
{
	const char *id = NULL, *label = NULL;
	INAMI_SWIG_CALL(inami_rules_specialty(rules, index, (inami_lang)lang, &id, &label));
	return label;
}

/* 1 when the profession-year has usable amounts. */
int inami_swig_rules_year_available(const inami_ruleset *rules, int profession, int year)
{
	int available = 0;
	const char *note = NULL;
	INAMI_SWIG_CALL(inami_rules_year_status(rules, (inami_profession)profession, year, &available, &note));
	return available;
}

/* Why a profession-year has no usable amounts (NULL when it has). */
const char *inami_swig_rules_year_note(const inami_ruleset *rules, int profession, int year)
{
	int available = 0;
	const char *note = NULL;
	INAMI_SWIG_CALL(inami_rules_year_status(rules, (inami_profession)profession, year, &available, &note));
	return available ? NULL : note;
}

/* ---- evaluate.h ---- */
inami_result *inami_swig_evaluate(const inami_ruleset *rules, const inami_eval_input *input,
	const inami_eval_options *options)
{
	inami_result *r = NULL;
	INAMI_SWIG_CALL(inami_evaluate(rules, input, options, &r));
	return r;
}

/* As inami_swig_evaluate, applying a disputed reading by its id (NULL: the defaults). */
inami_result *inami_swig_evaluate_reading(const inami_ruleset *rules, const inami_eval_input *input,
	const inami_eval_options *options, const char *reading)
{
	inami_result *r = NULL;
	INAMI_SWIG_CALL(inami_evaluate_reading(rules, input, options, reading, &r));
	return r;
}

int inami_swig_result_missing_measure(const inami_result *r, size_t index)
{
	inami_measure m = INAMI_MEASURE_PRESTATIONS;
	INAMI_SWIG_CALL(inami_result_missing(r, index, &m, NULL, NULL));
	return (int)m;
}

/* The next tier's threshold in the measure's unit (whole prestations, hundredths otherwise). */
int64_t inami_swig_result_missing_threshold(const inami_result *r, size_t index)
{
	int64_t threshold = 0;
	INAMI_SWIG_CALL(inami_result_missing(r, index, NULL, &threshold, NULL));
	return threshold;
}

/* What is missing for the next tier, in the measure's unit. */
int64_t inami_swig_result_missing_value(const inami_result *r, size_t index)
{
	int64_t missing = 0;
	INAMI_SWIG_CALL(inami_result_missing(r, index, NULL, NULL, &missing));
	return missing;
}

/* ---- billing.h ---- */
int inami_swig_key_letter_of_profession(int profession)
{
	inami_key_letter k = INAMI_KEY_M;
	INAMI_SWIG_CALL(inami_key_letter_of_profession((inami_profession)profession, &k));
	return (int)k;
}

const inami_nomenclature *inami_swig_nomenclature_default(void)
{
	const inami_nomenclature *n = NULL;
	INAMI_SWIG_CALL(inami_nomenclature_default(&n));
	return n;
}

inami_nomenclature *inami_swig_nomenclature_load_file(const inami_nomenclature *base,
	const char *path)
{
	inami_nomenclature *n = NULL;
	INAMI_SWIG_CALL(inami_nomenclature_load_file(&n, base, path));
	return n;
}

static inami_code_info *inami_swig_code_info_new(void)
{
	inami_code_info *c = calloc(1, sizeof(*c));
	if (c == NULL)
		inami_swig_status = INAMI_ENOMEM;
	else
		c->version = INAMI_CODE_INFO_VERSION;
	return c;
}

inami_code_info *inami_swig_nomenclature_entry(const inami_nomenclature *n, size_t index)
{
	inami_code_info *c = inami_swig_code_info_new();
	if (c != NULL && INAMI_SWIG_CALL(inami_nomenclature_entry(n, index, c)) < 0) {
		free(c);
		return NULL;
	}
	return c;
}

/* The value of `code` on `date` (YYYYMMDD, 0 = no date). */
inami_code_info *inami_swig_nomenclature_lookup(const inami_nomenclature *n, int32_t code,
	int32_t date)
{
	inami_code_info *c = inami_swig_code_info_new();
	if (c != NULL && INAMI_SWIG_CALL(inami_nomenclature_lookup(n, code, date, c)) < 0) {
		free(c);
		return NULL;
	}
	return c;
}

inami_billing *inami_swig_billing_new(const inami_nomenclature *n, size_t provider_count,
	unsigned int flags)
{
	inami_billing *b = NULL;
	INAMI_SWIG_CALL(inami_billing_new(&b, n, provider_count, flags));
	return b;
}

size_t inami_swig_billing_unvalued_count(inami_billing *b, uint32_t provider)
{
	size_t count = 0;
	INAMI_SWIG_CALL(inami_billing_unvalued_count(b, provider, &count));
	return count;
}

int32_t inami_swig_billing_unvalued_code(inami_billing *b, uint32_t provider, size_t index)
{
	int32_t code = 0;
	inami_unvalued_reason reason = INAMI_UNVALUED_UNKNOWN_CODE;
	int64_t quantity = 0;
	INAMI_SWIG_CALL(inami_billing_unvalued(b, provider, index, &code, &quantity, &reason));
	return code;
}

int64_t inami_swig_billing_unvalued_quantity(inami_billing *b, uint32_t provider, size_t index)
{
	int32_t code = 0;
	inami_unvalued_reason reason = INAMI_UNVALUED_UNKNOWN_CODE;
	int64_t quantity = 0;
	INAMI_SWIG_CALL(inami_billing_unvalued(b, provider, index, &code, &quantity, &reason));
	return quantity;
}

int32_t inami_swig_billing_unvalued_reason(inami_billing *b, uint32_t provider, size_t index)
{
	int32_t code = 0;
	inami_unvalued_reason reason = INAMI_UNVALUED_UNKNOWN_CODE;
	int64_t quantity = 0;
	INAMI_SWIG_CALL(inami_billing_unvalued(b, provider, index, &code, &quantity, &reason));
	return (int32_t)reason;
}

inami_billing_csv *inami_swig_billing_csv_new(const inami_nomenclature *n, unsigned int flags,
	const char *name)
{
	inami_billing_csv *r = NULL;
	INAMI_SWIG_CALL(inami_billing_csv_new(&r, n, flags, name));
	return r;
}

/* Feed NUL-terminated text to a CSV reader. */
void inami_swig_billing_csv_feed(inami_billing_csv *reader, const char *text)
{
	INAMI_SWIG_CALL(inami_billing_csv_feed(reader, text, text ? strlen(text) : 0));
}
%}

/* ==== allocate.h and dossier.h: premium split, products, procedure timeline ====
 * Output-pointer functions are replaced by inami_swig_ helpers; versioned
 * output structs get a constructor that sets their version. The projection
 * (arrays in its input struct) is wrapped by inami_swig_project: equal yearly
 * premiums, one rate or the product's. */
%ignore inami_percent_parse;
%ignore inami_percent_format;
%ignore inami_contract_type_from_id;
%ignore inami_solidarity_minimum;
%ignore inami_alloc_terms_init;
%ignore inami_allocation_init;
%ignore inami_products_load_file;
%ignore inami_products_load_buffer;
%ignore inami_products_free;
%ignore inami_products_find;
%ignore inami_products_info;
%ignore inami_products_figure;
%ignore inami_products_rate_at;
%ignore inami_products_rate;
%ignore inami_projection_input;
%ignore inami_projection_input_init;
%ignore inami_projection_init;
%ignore inami_project;
%ignore inami_project_product;
%ignore inami_exit_figure;
%ignore inami_exit_annuity_rate;
%ignore inami_dossier_state_from_id;
%ignore inami_event_kind_from_id;
%ignore inami_dossier_options_init;
%ignore inami_dossier_event_init;
%ignore inami_notification_init;
%ignore inami_dossier_new;
%ignore inami_dossier_free;
%ignore inami_dossier_deadline;
%ignore inami_dossier_history;
%ignore inami_dossier_serialize;
%ignore inami_dossier_serialize_lang;
%ignore inami_dossier_parse;
%ignore inami_procedure_timeline;
%ignore inami_procedure_timeline_rules;
%ignore inami_timeline_free;
%ignore inami_timeline_milestone;
%ignore inami_timeline_find;
%immutable iso;
%immutable rule;

INAMI_CHECKED(inami_allocate)
INAMI_CHECKED(inami_allocate_product)
INAMI_CHECKED(inami_dossier_apply)
INAMI_CHECKED(inami_dossier_use_rules)

%define INAMI_VERSIONED(type, initfn, version)
%extend type {
	type() {
		type *p = calloc(1, sizeof(*p));
		if (p != NULL)
			initfn(p, version);
		return p;
	}
}
%enddef
INAMI_VERSIONED(inami_alloc_terms, inami_alloc_terms_init, INAMI_ALLOC_TERMS_VERSION)
INAMI_VERSIONED(inami_allocation, inami_allocation_init, INAMI_ALLOCATION_VERSION)
INAMI_VERSIONED(inami_projection, inami_projection_init, INAMI_PROJECTION_VERSION)
INAMI_VERSIONED(inami_dossier_options, inami_dossier_options_init, INAMI_DOSSIER_OPTIONS_VERSION)
INAMI_VERSIONED(inami_dossier_event, inami_dossier_event_init, INAMI_DOSSIER_EVENT_VERSION)
INAMI_VERSIONED(inami_notification, inami_notification_init, INAMI_NOTIFICATION_VERSION)

%include "inami/allocate.h"
%include "inami/dossier.h"

INAMI_HANDLE(inami_products, inami_products_free)
INAMI_HANDLE(inami_dossier, inami_dossier_free)
INAMI_HANDLE(inami_timeline, inami_timeline_free)

%newobject inami_swig_products_load_file;
%newobject inami_swig_dossier_new;
%newobject inami_swig_procedure_timeline;
%newobject inami_swig_procedure_timeline_rules;
%newobject inami_swig_timeline_milestone;
%newobject inami_swig_timeline_find;
%newobject inami_swig_project;
INAMI_HELPER(inami_swig_solidarity_minimum_bp)
INAMI_HELPER(inami_swig_products_load_file)
INAMI_HELPER(inami_swig_dossier_new)
INAMI_HELPER(inami_swig_procedure_timeline)
INAMI_HELPER(inami_swig_procedure_timeline_rules)
INAMI_HELPER(inami_swig_timeline_milestone)
INAMI_HELPER(inami_swig_timeline_find)
INAMI_HELPER(inami_swig_project)

%inline %{
/* Minimum solidarity share of a contract type in basis points (INAMI_BP_UNSET if none). */
int32_t inami_swig_solidarity_minimum_bp(int type)
{
	int32_t bp = INAMI_BP_UNSET;
	INAMI_SWIG_CALL(inami_solidarity_minimum((inami_contract_type)type, &bp, NULL, NULL, NULL));
	return bp;
}

inami_products *inami_swig_products_load_file(const char *path)
{
	inami_products *p = NULL;
	INAMI_SWIG_CALL(inami_products_load_file(&p, path));
	return p;
}

inami_dossier *inami_swig_dossier_new(const inami_dossier_options *options)
{
	inami_dossier *d = NULL;
	INAMI_SWIG_CALL(inami_dossier_new(&d, options));
	return d;
}

inami_timeline *inami_swig_procedure_timeline(int profession, int premium_year)
{
	inami_timeline *t = NULL;
	INAMI_SWIG_CALL(inami_procedure_timeline(&t, (inami_profession)profession, premium_year));
	return t;
}

/* The timeline from the [law calendar] of `rules` (a layer may move a deadline). */
inami_timeline *inami_swig_procedure_timeline_rules(const inami_ruleset *rules, int profession, int premium_year)
{
	inami_timeline *t = NULL;
	INAMI_SWIG_CALL(inami_procedure_timeline_rules(&t, rules, (inami_profession)profession, premium_year));
	return t;
}

/* Milestone `index`; its strings live as long as the timeline. */
inami_milestone *inami_swig_timeline_milestone(const inami_timeline *timeline, size_t index)
{
	inami_milestone *m = calloc(1, sizeof(*m));
	if (m == NULL) {
		inami_swig_status = INAMI_ENOMEM;
		return NULL;
	}
	m->version = INAMI_MILESTONE_VERSION;
	if (INAMI_SWIG_CALL(inami_timeline_milestone(timeline, index, m)) < 0) {
		free(m);
		return NULL;
	}
	return m;
}

/*
 * Projection of `years` equal premiums paid from first_deposit_year, with
 * product `product_id` of `products` (both NULL: every term explicit, rate_bp
 * required). A percentage INAMI_BP_UNSET is the product's (solidarity_levy_bp:
 * the maximum); age_at_exit -1 = no annuity. NULL on error.
 */
inami_projection *inami_swig_project(const inami_products *products, const char *product_id,
	int contract_type, int64_t premium_cents, int years, int first_deposit_year, int exit_year,
	int32_t rate_bp, int32_t solidarity_bp, int32_t entry_fee_bp, int32_t management_fee_bp,
	int32_t solidarity_levy_bp, int age_at_exit, int full_career)
{
	inami_projection_input in = INAMI_PROJECTION_INPUT_INIT;
	inami_projection *out;
	int64_t *premiums;
	int i;

	/* years <= 0: no premium, the library says why. */
	premiums = years > 0 ? malloc((size_t)years * sizeof(*premiums)) : NULL;
	out = calloc(1, sizeof(*out));
	if ((years > 0 && premiums == NULL) || out == NULL) {
		free(premiums);
		free(out);
		inami_swig_status = INAMI_ENOMEM;
		return NULL;
	}
	for (i = 0; i < years; i++)
		premiums[i] = premium_cents;
	in.premiums_cents = premiums;
	in.premium_count = years > 0 ? (size_t)years : 0;
	if (rate_bp != INAMI_BP_UNSET || products == NULL) {
		in.rates_bp = &rate_bp;
		in.rate_count = 1;
	}
	in.first_deposit_year = first_deposit_year;
	in.exit_year = exit_year;
	in.terms.contract_type = (inami_contract_type)contract_type;
	in.terms.solidarity_bp = solidarity_bp;
	in.terms.entry_fee_bp = entry_fee_bp;
	in.management_fee_bp = management_fee_bp;
	in.solidarity_levy_bp = solidarity_levy_bp;
	in.age_at_exit = age_at_exit;
	in.active_until_legal_age = full_career;
	out->version = INAMI_PROJECTION_VERSION;
	if (products != NULL || product_id != NULL)
		INAMI_SWIG_CALL(inami_project_product(products, product_id, &in, out));
	else
		INAMI_SWIG_CALL(inami_project(&in, out));
	free(premiums);
	if (inami_swig_status < 0) {
		free(out);
		return NULL;
	}
	return out;
}

/* Milestone `id` (INAMI_ENORULES when the data does not give it for that year). */
inami_milestone *inami_swig_timeline_find(const inami_timeline *timeline, const char *id)
{
	inami_milestone *m = calloc(1, sizeof(*m));
	if (m == NULL) {
		inami_swig_status = INAMI_ENOMEM;
		return NULL;
	}
	m->version = INAMI_MILESTONE_VERSION;
	if (INAMI_SWIG_CALL(inami_timeline_find(timeline, id, m)) < 0) {
		free(m);
		return NULL;
	}
	return m;
}
%}

/* The message catalogue (inami/messages.h): the buffer and status functions through helpers. */
%ignore inami_message_format;
%ignore inami_messages_load;
%ignore inami_messages_load_text;
%ignore inami_amount_format;
%ignore inami_date_format_lang;
%ignore inami_decimal_format;
%include "inami/messages.h"

%newobject inami_swig_message_format;
%newobject inami_swig_amount_format;
%newobject inami_swig_date_format_lang;
%newobject inami_swig_decimal_format;
INAMI_HELPER(inami_swig_message_format)
INAMI_HELPER(inami_swig_messages_load)
INAMI_HELPER(inami_swig_messages_load_string)
INAMI_HELPER(inami_swig_amount_format)
INAMI_HELPER(inami_swig_date_format_lang)
INAMI_HELPER(inami_swig_decimal_format)

%inline %{
/* Message `id` filled with `values` ("name=value" lines) in `lang` (a new string). */
char *inami_swig_message_format(const char *id, int lang, const char *values)
{
	size_t size = 1024;
	for (;;) {
		char *buf = malloc(size);
		if (buf == NULL) {
			inami_swig_status = INAMI_ENOMEM;
			return NULL;
		}
		int st = inami_message_format(id, (inami_lang)lang, values, buf, size);
		if (st == INAMI_OK) {
			inami_swig_status = INAMI_OK;
			return buf;
		}
		free(buf);
		if (st != INAMI_EBUFS || size >= (1u << 20)) {
			inami_swig_status = st;
			return NULL;
		}
		size *= 4;
	}
}

/* Load a catalogue file over the messages. */
void inami_swig_messages_load(const char *path)
{
	INAMI_SWIG_CALL(inami_messages_load(path));
}

/* Load catalogue text over the messages; `name` names it in errors. */
void inami_swig_messages_load_string(const char *text, const char *name)
{
	INAMI_SWIG_CALL(inami_messages_load_text(text, text ? strlen(text) : 0, name));
}

/* Cents as a person reads them in `lang` (a new string). */
char *inami_swig_amount_format(int64_t cents, int lang)
{
	char buf[64];
	if (INAMI_SWIG_CALL(inami_amount_format(cents, (inami_lang)lang, buf, sizeof(buf))) < 0)
		return NULL;
	return inami_swig_strdup(buf);
}

/* A date YYYYMMDD as a person reads it in `lang` (a new string). */
char *inami_swig_date_format_lang(int date, int lang)
{
	char buf[32];
	if (INAMI_SWIG_CALL(inami_date_format_lang((inami_date)date, (inami_lang)lang, buf, sizeof(buf))) < 0)
		return NULL;
	return inami_swig_strdup(buf);
}

/* Hundredths as a person reads them in `lang` (a new string). */
char *inami_swig_decimal_format(int64_t hundredths, int lang)
{
	char buf[64];
	if (INAMI_SWIG_CALL(inami_decimal_format(hundredths, (inami_lang)lang, buf, sizeof(buf))) < 0)
		return NULL;
	return inami_swig_strdup(buf);
}
%}
