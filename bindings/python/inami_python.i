/*
 * inami_python.i: the Python part of the SWIG interface (included by
 * ../inami.i before the public headers).
 *
 * - INAMI_RAISE: a negative inami status becomes an instance of the matching
 *   subclass of inami.InamiError (defined in pure Python, inami/_errors.py),
 *   carrying the status and the library's message.
 * - Bulk arrays: billing lines and per-provider inputs/outputs cross the
 *   boundary as buffer-protocol objects (array.array, memoryview, numpy
 *   arrays, bytearray) without a Python-level loop; the GIL is released
 *   while the library works.
 * - Fast readers that turn a whole inami_result into Python tuples in one call.
 * - swig/text.i: a `const char *` argument holding a NUL byte is refused.
 * - swig/reference.i: exit-taxation figures, product lookups, a nomenclature from text,
 *   professions by name and the measures they count.
 * - swig/allocate.i, swig/dossier.i: the premium split, products, projection,
 *   dossiers and the procedure timeline as tuple-returning helpers.
 * The idiomatic API (inami.evaluate, inami.Rules, ...) is the pure-Python
 * package around this module.
 */

%{
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* Raise the inami.InamiError subclass for `status` with `message`. */
static void inami_py_raise_message(int status, const char *message)
{
	PyObject *mod, *exc = NULL;

	if (message == NULL || message[0] == '\0')
		message = inami_strerror(status);
	mod = PyImport_ImportModule("inami._errors");
	if (mod != NULL) {
		exc = PyObject_CallMethod(mod, "error_for", "iN", status,
			PyUnicode_DecodeUTF8(message, (Py_ssize_t)strlen(message), "replace"));
		Py_DECREF(mod);
	}
	if (exc == NULL) {
		/* inami._errors not importable (module used alone): still never silent. */
		PyErr_Clear();
		PyErr_Format(PyExc_RuntimeError, "inami status %d: %s", status, message);
		return;
	}
	PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
	Py_DECREF(exc);
}

/* Raise for a library status, with the thread's last message when it belongs to it. */
static void inami_py_raise(int status)
{
	const char *message = inami_error_last_status() == status ? inami_error_last() : NULL;
	inami_py_raise_message(status, message);
}
%}

%define INAMI_RAISE(status)
	inami_py_raise(status);
	SWIG_fail;
%enddef

/* `const char *` arguments: a str holding a NUL byte is refused (swig/text.i). */
%include "python/swig/text.i"

/* Raw array functions: replaced by the buffer-protocol wrappers below. */
%ignore inami_billing_total;
%ignore inami_billing_add;
%ignore inami_billing_results;
%ignore inami_billing_signed_results;
%ignore inami_py_billing_results_of;
%ignore inami_billing_evaluate;
%ignore inami_billing_csv_read_file;
%ignore inami_billing_csv_read_range;

%{
/* ------------------------------------------------------------------ */
/* Buffers                                                              */
/* ------------------------------------------------------------------ */

/* Integer kinds accepted for an array argument. */
enum { INAMI_PY_SIGNED = 1, INAMI_PY_UNSIGNED = 2 };

typedef struct inami_py_array {
	Py_buffer view;
	int held;
	void *data;        /* NULL when the argument was None */
	Py_ssize_t count;  /* items */
} inami_py_array;

static void inami_py_release(inami_py_array *a)
{
	if (a->held)
		PyBuffer_Release(&a->view);
	a->held = 0;
}

/*
 * Get `obj` as a C-contiguous buffer of integers of `itemsize` bytes and an
 * accepted kind. None gives data NULL when `optional`. Raises TypeError for
 * another element type, ValueError for a wrong length (`expect` >= 0).
 */
static int inami_py_get(PyObject *obj, const char *what, Py_ssize_t itemsize, int kinds,
	int writable, int optional, Py_ssize_t expect, inami_py_array *a)
{
	const char *fmt;
	int little = 1;
	char c;

	memset(a, 0, sizeof(*a));
	if (obj == Py_None) {
		if (optional)
			return 0;
		PyErr_Format(PyExc_TypeError, "%s: an array is required, not None", what);
		return -1;
	}
	if (PyObject_GetBuffer(obj, &a->view,
			PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | (writable ? PyBUF_WRITABLE : 0)) < 0) {
		PyErr_Clear();
		PyErr_Format(PyExc_TypeError,
			"%s: expected a %s C-contiguous buffer (array.array, numpy array, memoryview), got %s",
			what, writable ? "writable" : "", Py_TYPE(obj)->tp_name);
		return -1;
	}
	a->held = 1;
	fmt = a->view.format ? a->view.format : "B";
	little = *(const unsigned char *)&little;
	if (*fmt == '@' || *fmt == '=' || (little && *fmt == '<') || (!little && (*fmt == '>' || *fmt == '!')))
		fmt++;
	c = fmt[0];
	if (fmt[0] == '\0' || fmt[1] != '\0' || a->view.itemsize != itemsize
	    || !(((kinds & INAMI_PY_SIGNED) && strchr("bhilq", c))
	         || ((kinds & INAMI_PY_UNSIGNED) && strchr("BHILQ", c)))) {
		PyErr_Format(PyExc_TypeError,
			"%s: expected %s%d integers (array typecode '%s', numpy %sint%d), got format '%s' of %zd bytes",
			what, kinds == INAMI_PY_UNSIGNED ? "unsigned " : "", (int)(itemsize * 8),
			itemsize == 8 ? "q" : (kinds & INAMI_PY_SIGNED ? "i" : "I"),
			kinds & INAMI_PY_SIGNED ? "" : "u", (int)(itemsize * 8),
			a->view.format ? a->view.format : "B", a->view.itemsize);
		inami_py_release(a);
		return -1;
	}
	a->data = a->view.buf;
	a->count = a->view.len / itemsize;
	if (expect >= 0 && a->count != expect) {
		char msg[200];
		snprintf(msg, sizeof(msg), "%s has %zd items, expected %zd", what, a->count, expect);
		inami_py_raise_message(INAMI_EINVAL, msg);
		inami_py_release(a);
		return -1;
	}
	return 0;
}
%}

%inline %{
/* ------------------------------------------------------------------ */
/* Bulk wrappers (buffer protocol, GIL released)                        */
/* ------------------------------------------------------------------ */

/*
 * Add billing lines: code (int32), quantity (int32), date (int32 YYYYMMDD or
 * None), provider (uint32/int32 index or None), all of the same length.
 */
PyObject *inami_py_billing_add(inami_billing *billing, PyObject *code, PyObject *quantity,
	PyObject *date, PyObject *provider)
{
	inami_py_array c, q, d, p;
	int st;

	if (billing == NULL) {
		inami_py_raise_message(INAMI_ENULL, "billing accumulator is NULL");
		return NULL;
	}
	if (inami_py_get(code, "code", 4, INAMI_PY_SIGNED, 0, 0, -1, &c) < 0)
		return NULL;
	if (inami_py_get(quantity, "quantity", 4, INAMI_PY_SIGNED, 0, 0, c.count, &q) < 0) {
		inami_py_release(&c);
		return NULL;
	}
	if (inami_py_get(date, "date", 4, INAMI_PY_SIGNED, 0, 1, c.count, &d) < 0) {
		inami_py_release(&c);
		inami_py_release(&q);
		return NULL;
	}
	if (inami_py_get(provider, "provider", 4, INAMI_PY_SIGNED | INAMI_PY_UNSIGNED, 0, 1, c.count, &p) < 0) {
		inami_py_release(&c);
		inami_py_release(&q);
		inami_py_release(&d);
		return NULL;
	}
	Py_BEGIN_ALLOW_THREADS
	st = inami_billing_add(billing, c.data, q.data, d.data, p.data, (size_t)c.count);
	Py_END_ALLOW_THREADS
	inami_py_release(&c);
	inami_py_release(&q);
	inami_py_release(&d);
	inami_py_release(&p);
	if (st < 0) {
		inami_py_raise(st);
		return NULL;
	}
	Py_RETURN_NONE;
}

/*
 * Per-provider totals into writable arrays of provider_count items:
 * m, r, v (int64 hundredths), prestations (int64), flags (uint32), status
 * (int32); any may be None.
 */
static PyObject *inami_py_billing_results_of(inami_billing *billing, PyObject *m, PyObject *r,
	PyObject *v, PyObject *prestations, PyObject *flags, PyObject *status, int keep_negative)
{
	inami_py_array a[6];
	PyObject *objs[6] = { m, r, v, prestations, flags, status };
	static const char *names[6] = { "m", "r", "v", "prestations", "flags", "status" };
	static const Py_ssize_t sizes[6] = { 8, 8, 8, 8, 4, 4 };
	Py_ssize_t n;
	int64_t *kv = NULL;
	int st = INAMI_OK, i;

	if (billing == NULL) {
		inami_py_raise_message(INAMI_ENULL, "billing accumulator is NULL");
		return NULL;
	}
	n = (Py_ssize_t)inami_billing_provider_count(billing);
	for (i = 0; i < 6; i++) {
		if (inami_py_get(objs[i], names[i], sizes[i], i == 4 ? INAMI_PY_SIGNED | INAMI_PY_UNSIGNED
				: INAMI_PY_SIGNED, 1, 1, n, &a[i]) < 0) {
			while (--i >= 0)
				inami_py_release(&a[i]);
			return NULL;
		}
	}
	if (a[0].data || a[1].data || a[2].data) {
		kv = malloc((size_t)(n > 0 ? n : 1) * INAMI_KEY_LETTER_COUNT * sizeof(*kv));
		if (kv == NULL) {
			for (i = 0; i < 6; i++)
				inami_py_release(&a[i]);
			return PyErr_NoMemory();
		}
	}
	Py_BEGIN_ALLOW_THREADS
	st = (keep_negative ? inami_billing_signed_results : inami_billing_results)(billing, kv,
		a[3].data, a[4].data, a[5].data, (size_t)n);
	if (st == INAMI_OK && kv != NULL) {
		for (Py_ssize_t p = 0; p < n; p++)
			for (int k = 0; k < INAMI_KEY_LETTER_COUNT; k++)
				if (a[k].data)
					((int64_t *)a[k].data)[p] = kv[p * INAMI_KEY_LETTER_COUNT + k];
	}
	Py_END_ALLOW_THREADS
	free(kv);
	for (i = 0; i < 6; i++)
		inami_py_release(&a[i]);
	if (st < 0) {
		inami_py_raise(st);
		return NULL;
	}
	Py_RETURN_NONE;
}

PyObject *inami_py_billing_results(inami_billing *billing, PyObject *m, PyObject *r,
	PyObject *v, PyObject *prestations, PyObject *flags, PyObject *status)
{
	return inami_py_billing_results_of(billing, m, r, v, prestations, flags, status, 0);
}

/* As inami_py_billing_results, with the sums of a provider below zero kept (inami_billing_signed_results). */
PyObject *inami_py_billing_signed_results(inami_billing *billing, PyObject *m, PyObject *r,
	PyObject *v, PyObject *prestations, PyObject *flags, PyObject *status)
{
	return inami_py_billing_results_of(billing, m, r, v, prestations, flags, status, 1);
}

/*
 * Totals of one set of lines: returns (m, r, v, prestations, flags,
 * unvalued_quantity, [(code, quantity, reason), ...]) with key-letter totals
 * in hundredths.
 */
PyObject *inami_py_billing_total(const inami_nomenclature *nomenclature, PyObject *code,
	PyObject *quantity, PyObject *date, unsigned int flags)
{
	inami_py_array c, q, d;
	inami_billing_summary s;
	size_t cap = 64;
	int32_t *ucode = NULL, *ureason = NULL;
	int64_t *uqty = NULL;
	PyObject *list = NULL, *out = NULL;
	int st;

	if (inami_py_get(code, "code", 4, INAMI_PY_SIGNED, 0, 0, -1, &c) < 0)
		return NULL;
	if (inami_py_get(quantity, "quantity", 4, INAMI_PY_SIGNED, 0, 0, c.count, &q) < 0) {
		inami_py_release(&c);
		return NULL;
	}
	if (inami_py_get(date, "date", 4, INAMI_PY_SIGNED, 0, 1, c.count, &d) < 0) {
		inami_py_release(&c);
		inami_py_release(&q);
		return NULL;
	}
	for (;;) {
		free(ucode);
		free(uqty);
		free(ureason);
		ucode = malloc(cap * sizeof(*ucode));
		uqty = malloc(cap * sizeof(*uqty));
		ureason = malloc(cap * sizeof(*ureason));
		if (!ucode || !uqty || !ureason) {
			PyErr_NoMemory();
			goto done;
		}
		memset(&s, 0, sizeof(s));
		s.version = INAMI_BILLING_SUMMARY_VERSION;
		Py_BEGIN_ALLOW_THREADS
		st = inami_billing_total(nomenclature, c.data, q.data, d.data, (size_t)c.count, flags, &s,
			ucode, uqty, ureason, cap);
		Py_END_ALLOW_THREADS
		if (st < 0) {
			inami_py_raise(st);
			goto done;
		}
		if (s.unvalued_count <= cap)
			break;
		cap = s.unvalued_count;
	}
	list = PyList_New((Py_ssize_t)s.unvalued_count);
	if (list == NULL)
		goto done;
	for (size_t i = 0; i < s.unvalued_count; i++) {
		PyObject *t = Py_BuildValue("(iLi)", (int)ucode[i], (long long)uqty[i], (int)ureason[i]);
		if (t == NULL)
			goto done;
		PyList_SET_ITEM(list, (Py_ssize_t)i, t);
	}
	out = Py_BuildValue("(LLLLILO)", (long long)s.key_values[INAMI_KEY_M],
		(long long)s.key_values[INAMI_KEY_R], (long long)s.key_values[INAMI_KEY_V],
		(long long)s.prestations, s.flags, (long long)s.unvalued_quantity, list);
done:
	Py_XDECREF(list);
	free(ucode);
	free(uqty);
	free(ureason);
	inami_py_release(&c);
	inami_py_release(&q);
	inami_py_release(&d);
	return out;
}

/*
 * Batch evaluation (inami_billing_evaluate). Inputs: prestations, key_values
 * (int64, may be None), in_status (int32, may be None). Outputs (writable,
 * all of the same length n): tier_index (int32), amount_cents (int64),
 * eligible (int32), missing_prestations (int64), missing_key_value (int64),
 * status (int32).
 */
PyObject *inami_py_billing_evaluate(const inami_ruleset *rules, int profession, int year,
	unsigned int eval_flags, PyObject *prestations, PyObject *key_values, PyObject *in_status,
	PyObject *tier_index, PyObject *amount_cents, PyObject *eligible,
	PyObject *missing_prestations, PyObject *missing_key_value, PyObject *status)
{
	inami_py_array a[9];
	PyObject *objs[9] = { tier_index, prestations, key_values, in_status, amount_cents, eligible,
		missing_prestations, missing_key_value, status };
	static const char *names[9] = { "tier_index", "prestations", "key_values", "in_status",
		"amount_cents", "eligible", "missing_prestations", "missing_key_value", "status" };
	static const Py_ssize_t sizes[9] = { 4, 8, 8, 4, 8, 4, 8, 8, 4 };
	static const int writable[9] = { 1, 0, 0, 0, 1, 1, 1, 1, 1 };
	Py_ssize_t n = -1;
	int st, i;

	for (i = 0; i < 9; i++) {
		if (inami_py_get(objs[i], names[i], sizes[i], INAMI_PY_SIGNED, writable[i], 1, n, &a[i]) < 0) {
			while (--i >= 0)
				inami_py_release(&a[i]);
			return NULL;
		}
		if (i == 0)
			n = a[0].data ? a[0].count : 0;
	}
	Py_BEGIN_ALLOW_THREADS
	st = inami_billing_evaluate(rules, (inami_profession)profession, year, eval_flags,
		a[1].data, a[2].data, a[3].data, (size_t)n,
		a[0].data, a[4].data, a[5].data, a[6].data, a[7].data, a[8].data);
	Py_END_ALLOW_THREADS
	for (i = 0; i < 9; i++)
		inami_py_release(&a[i]);
	if (st < 0) {
		inami_py_raise(st);
		return NULL;
	}
	Py_RETURN_NONE;
}

/* Read a whole billing CSV file into a reader with up to `threads` threads, GIL released. */
PyObject *inami_py_billing_csv_read_file(inami_billing_csv *reader, const char *path, unsigned int threads)
{
	inami_csv_read_options options = INAMI_CSV_READ_OPTIONS_INIT;
	int st;

	if (reader == NULL || path == NULL) {
		inami_py_raise_message(INAMI_ENULL, "reader or path is None");
		return NULL;
	}
	options.threads = threads;
	Py_BEGIN_ALLOW_THREADS
	st = inami_billing_csv_read_file(reader, path, &options);
	Py_END_ALLOW_THREADS
	if (st < 0) {
		inami_py_raise(st);
		return NULL;
	}
	Py_RETURN_NONE;
}

/* Read bytes [start, end) of a file (after its header line), then finish; GIL released. */
PyObject *inami_py_billing_csv_read_range(inami_billing_csv *reader, const char *path, unsigned long long start,
	unsigned long long end)
{
	int st;

	if (reader == NULL || path == NULL) {
		inami_py_raise_message(INAMI_ENULL, "reader or path is None");
		return NULL;
	}
	Py_BEGIN_ALLOW_THREADS
	st = inami_billing_csv_read_range(reader, path, start, end, NULL);
	Py_END_ALLOW_THREADS
	if (st < 0) {
		inami_py_raise(st);
		return NULL;
	}
	Py_RETURN_NONE;
}

/* The provider ids of a billing CSV reader, in index order, as a list of str. */
PyObject *inami_py_billing_csv_provider_ids(const inami_billing_csv *reader)
{
	size_t n;
	PyObject *list;

	if (reader == NULL) {
		inami_py_raise_message(INAMI_ENULL, "reader is None");
		return NULL;
	}
	n = inami_billing_provider_count(inami_billing_csv_totals((inami_billing_csv *)reader));
	list = PyList_New((Py_ssize_t)n);
	for (size_t i = 0; list != NULL && i < n; i++) {
		const char *id = inami_billing_csv_provider_id(reader, i);
		PyObject *s = PyUnicode_DecodeUTF8(id ? id : "", (Py_ssize_t)(id ? strlen(id) : 0), "replace");
		if (s == NULL)
			Py_CLEAR(list);
		else
			PyList_SET_ITEM(list, (Py_ssize_t)i, s);
	}
	return list;
}

/* Feed bytes (any buffer) to a billing CSV reader, GIL released. */
PyObject *inami_py_billing_csv_feed(inami_billing_csv *reader, PyObject *data)
{
	Py_buffer view;
	int st;

	if (reader == NULL) {
		inami_py_raise_message(INAMI_ENULL, "reader is None");
		return NULL;
	}
	if (PyObject_GetBuffer(data, &view, PyBUF_C_CONTIGUOUS) < 0)
		return NULL;
	Py_BEGIN_ALLOW_THREADS
	st = inami_billing_csv_feed(reader, view.buf, (size_t)view.len);
	Py_END_ALLOW_THREADS
	PyBuffer_Release(&view);
	if (st < 0) {
		inami_py_raise(st);
		return NULL;
	}
	Py_RETURN_NONE;
}

/* ------------------------------------------------------------------ */
/* Whole results in one call                                            */
/* ------------------------------------------------------------------ */

static PyObject *inami_py_str(const char *s)
{
	if (s == NULL)
		Py_RETURN_NONE;
	return PyUnicode_DecodeUTF8(s, (Py_ssize_t)strlen(s), "replace");
}

/*
 * (eligible, amount_cents, full_year_cents, months, tier, tier_label, payee,
 *  provenance, weakest_provenance, source, amount_year, thresholds_year,
 *  lower_bound, next_tier, next_tier_amount_cents) of a result.
 */
PyObject *inami_py_result_scalars(const inami_result *r)
{
	if (r == NULL) {
		inami_py_raise_message(INAMI_ENULL, "result is None");
		return NULL;
	}
	return Py_BuildValue("(NLLiNNNNNNiiNNL)",
		PyBool_FromLong(inami_result_eligible(r)),
		(long long)inami_result_amount_cents(r), (long long)inami_result_full_year_cents(r),
		inami_result_months(r), inami_py_str(inami_result_tier(r)),
		inami_py_str(inami_result_tier_label(r)), inami_py_str(inami_payee_id(inami_result_payee(r))),
		inami_py_str(inami_result_eligible(r) ? inami_provenance_id(inami_result_provenance(r)) : NULL),
		inami_py_str(inami_provenance_id(inami_result_weakest_provenance(r))),
		inami_py_str(inami_result_source(r)), inami_result_amount_year(r),
		inami_result_thresholds_year(r), PyBool_FromLong(inami_result_lower_bound(r)),
		inami_py_str(inami_result_next_tier(r)), (long long)inami_result_next_tier_amount_cents(r));
}

/*
 * Checks as a list of (id, state, blocking, label, detail, measure or None,
 * observed, threshold, rule_year, source); values in the measure's int unit.
 */
PyObject *inami_py_result_checks(const inami_result *r)
{
	size_t n;
	PyObject *list;

	if (r == NULL) {
		inami_py_raise_message(INAMI_ENULL, "result is None");
		return NULL;
	}
	n = inami_result_check_count(r);
	list = PyList_New((Py_ssize_t)n);
	if (list == NULL)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		const inami_check *c = inami_result_check(r, i);
		PyObject *t;
		if (c == NULL) {
			Py_DECREF(list);
			inami_py_raise_message(INAMI_ERANGE, "check index out of range");
			return NULL;
		}
		t = Py_BuildValue("(NNNNNNNNiN)", inami_py_str(c->id),
			inami_py_str(inami_check_state_id(c->state)), PyBool_FromLong(c->blocking),
			inami_py_str(c->label), inami_py_str(c->detail),
			inami_py_str(c->has_values ? inami_measure_id(c->measure) : NULL),
			c->has_values ? PyLong_FromLongLong(c->observed) : (Py_INCREF(Py_None), Py_None),
			c->has_values ? PyLong_FromLongLong(c->threshold) : (Py_INCREF(Py_None), Py_None),
			c->rule_year, inami_py_str(c->source));
		if (t == NULL) {
			Py_DECREF(list);
			return NULL;
		}
		PyList_SET_ITEM(list, (Py_ssize_t)i, t);
	}
	return list;
}

/* What is missing for the next tier: a list of (measure, threshold, missing) in the measure's int unit. */
PyObject *inami_py_result_missing(const inami_result *r)
{
	size_t n;
	PyObject *list;

	if (r == NULL) {
		inami_py_raise_message(INAMI_ENULL, "result is None");
		return NULL;
	}
	n = inami_result_missing_count(r);
	list = PyList_New((Py_ssize_t)n);
	if (list == NULL)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		inami_measure m;
		int64_t threshold = 0, missing = 0;
		int st = inami_result_missing(r, i, &m, &threshold, &missing);
		PyObject *t;
		if (st < 0) {
			Py_DECREF(list);
			inami_py_raise(st);
			return NULL;
		}
		t = Py_BuildValue("(NLL)", inami_py_str(inami_measure_id(m)), (long long)threshold, (long long)missing);
		if (t == NULL) {
			Py_DECREF(list);
			return NULL;
		}
		PyList_SET_ITEM(list, (Py_ssize_t)i, t);
	}
	return list;
}

/* Notes of a result as a list of str. */
PyObject *inami_py_result_notes(const inami_result *r)
{
	size_t n;
	PyObject *list;

	if (r == NULL) {
		inami_py_raise_message(INAMI_ENULL, "result is None");
		return NULL;
	}
	n = inami_result_note_count(r);
	list = PyList_New((Py_ssize_t)n);
	if (list == NULL)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		PyObject *s = inami_py_str(inami_result_note(r, i));
		if (s == NULL) {
			Py_DECREF(list);
			return NULL;
		}
		PyList_SET_ITEM(list, (Py_ssize_t)i, s);
	}
	return list;
}
%}

%inline %{
/* max(provider) + 1 over a uint32/int32 buffer (0 when empty), GIL released. */
PyObject *inami_py_provider_count(PyObject *provider)
{
	inami_py_array p;
	uint32_t max = 0;
	int any = 0;

	if (inami_py_get(provider, "provider", 4, INAMI_PY_SIGNED | INAMI_PY_UNSIGNED, 0, 0, -1, &p) < 0)
		return NULL;
	Py_BEGIN_ALLOW_THREADS
	for (Py_ssize_t i = 0; i < p.count; i++) {
		uint32_t v = ((const uint32_t *)p.data)[i];
		if (v > max)
			max = v;
		any = 1;
	}
	Py_END_ALLOW_THREADS
	inami_py_release(&p);
	return PyLong_FromUnsignedLongLong(any ? (unsigned long long)max + 1 : 0);
}
%}

/* The premium split, products, projection (swig/allocate.i); dossiers and the timeline (swig/dossier.i). */
%include "python/swig/allocate.i"
%include "python/swig/dossier.i"
%include "python/swig/reference.i"
