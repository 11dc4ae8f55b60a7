/*
 * reference.i: the sourced reference figures and lookups for Python (included
 * by ../inami_python.i): exit taxation, product lookups by id and deposit year,
 * and a nomenclature from text. Each helper makes one library call and returns
 * plain tuples, or raises the inami.InamiError subclass of the status.
 */

%newobject inami_py_nomenclature_from_text;
%exception inami_py_nomenclature_from_text {
	$action
	if (result == NULL)
		SWIG_fail;
}

%inline %{
/* An exit-taxation figure: (bp, provenance id, source). */
PyObject *inami_py_exit_figure(const char *id)
{
	int32_t bp = 0;
	inami_provenance prov = INAMI_PROV_NOT_FOUND;
	const char *source = NULL;
	int st = inami_exit_figure(id, &bp, &prov, &source);
	if (st < 0) {
		inami_py_raise(st);
		return NULL;
	}
	return Py_BuildValue("(lss)", (long)bp, inami_provenance_id(prov), source ? source : "");
}

/* The notional annuity rate for an age at exit: (bp, years, provenance id, source). */
PyObject *inami_py_exit_annuity_rate(int age)
{
	int32_t bp = 0;
	int years = 0;
	inami_provenance prov = INAMI_PROV_NOT_FOUND;
	const char *source = NULL;
	int st = inami_exit_annuity_rate(age, &bp, &years, &prov, &source);
	if (st < 0) {
		inami_py_raise(st);
		return NULL;
	}
	return Py_BuildValue("(liss)", (long)bp, years, inami_provenance_id(prov), source ? source : "");
}

/* Index of product `id` (NotFoundError naming the known ids). */
PyObject *inami_py_products_find(const inami_products *products, const char *id)
{
	size_t index = 0;
	int st = inami_products_find(products, id, &index);
	if (st < 0) {
		inami_py_raise(st);
		return NULL;
	}
	return PyLong_FromSize_t(index);
}

/* The guaranteed rate of product `index` for deposits of `year`: (bp, assumed). */
PyObject *inami_py_products_rate(const inami_products *products, size_t index, int year, int assume)
{
	int32_t bp = 0;
	int assumed = 0;
	int st = inami_products_rate(products, index, year, assume ? INAMI_RATE_ASSUME : 0u, &bp, &assumed);
	if (st < 0) {
		inami_py_raise(st);
		return NULL;
	}
	return Py_BuildValue("(lO)", (long)bp, assumed ? Py_True : Py_False);
}

/* A nomenclature from the text of a nomenclature CSV, layered over `base` (NULL: standalone). */
inami_nomenclature *inami_py_nomenclature_from_text(const inami_nomenclature *base, const char *text,
	const char *name)
{
	inami_nomenclature *n = NULL;
	int st = inami_nomenclature_load_buffer(&n, base, text, strlen(text), name);
	if (st < 0)
		inami_py_raise(st);
	return n;
}
%}

%inline %{
/* The profession a person means by `text` (id, label or alias of the rules): its id. */
PyObject *inami_py_profession_find(const inami_ruleset *rules, const char *text)
{
	inami_profession p = INAMI_PROFESSION_NONE;
	int st = inami_rules_profession_find(rules, text, &p);
	if (st < 0) {
		inami_py_raise(st);
		return NULL;
	}
	return PyUnicode_FromString(inami_profession_id(p));
}

/* The measure ids a profession's thresholds count, from the rules data. */
PyObject *inami_py_profession_measures(const inami_ruleset *rules, int profession)
{
	unsigned int bits = 0;
	int st = inami_rules_profession_measures(rules, (inami_profession)profession, &bits);
	if (st < 0) {
		inami_py_raise(st);
		return NULL;
	}
	PyObject *list = PyList_New(0);
	for (int m = 0; list != NULL && m < INAMI_MEASURE_COUNT; m++) {
		if (!(bits & (1u << m)))
			continue;
		PyObject *id = PyUnicode_FromString(inami_measure_id((inami_measure)m));
		if (id == NULL || PyList_Append(list, id) < 0) {
			Py_XDECREF(id);
			Py_DECREF(list);
			return NULL;
		}
		Py_DECREF(id);
	}
	return list;
}
%}
