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

%newobject inami_py_billing_csv_new;
%exception inami_py_billing_csv_new {
	$action
	if (result == NULL)
		SWIG_fail;
}

%inline %{
/*
 * A billing CSV reader with a dialect and a date range: `delimiter` "" to
 * detect, "," or ";"; column names NULL for the defaults; dates YYYYMMDD, 0 = open.
 */
inami_billing_csv *inami_py_billing_csv_new(const inami_nomenclature *nomenclature, unsigned int flags,
	const char *name, const char *delimiter, const char *provider_column, const char *code_column,
	const char *quantity_column, const char *date_column, int date_from, int date_to)
{
	inami_billing_csv_options o = INAMI_BILLING_CSV_OPTIONS_INIT;
	inami_billing_csv *reader = NULL;
	if (delimiter != NULL && strlen(delimiter) > 1) {
		inami_py_raise_message(INAMI_EINVAL, "delimiter must be ',' or ';'");
		return NULL;
	}
	o.delimiter = delimiter != NULL ? delimiter[0] : 0;
	o.provider_column = provider_column;
	o.code_column = code_column;
	o.quantity_column = quantity_column;
	o.date_column = date_column;
	o.date_from = date_from;
	o.date_to = date_to;
	int st = inami_billing_csv_new_with_options(&reader, nomenclature, flags, name, &o);
	if (st < 0)
		inami_py_raise(st);
	return reader;
}

/* Lines left out by the date range and undated lines: (outside, undated, [outside per provider]). */
PyObject *inami_py_billing_csv_date_counts(const inami_billing_csv *reader, size_t providers)
{
	int64_t outside = 0, undated = 0;
	int st = inami_billing_csv_date_counts(reader, &outside, &undated);
	if (st < 0) {
		inami_py_raise(st);
		return NULL;
	}
	int64_t *per = calloc(providers ? providers : 1, sizeof(*per));
	if (per == NULL)
		return PyErr_NoMemory();
	st = inami_billing_csv_provider_date_counts(reader, per, NULL, providers);
	if (st < 0) {
		free(per);
		inami_py_raise(st);
		return NULL;
	}
	PyObject *list = PyList_New((Py_ssize_t)providers);
	for (size_t p = 0; list != NULL && p < providers; p++) {
		PyObject *v = PyLong_FromLongLong((long long)per[p]);
		if (v == NULL) {
			Py_CLEAR(list);
			break;
		}
		PyList_SET_ITEM(list, (Py_ssize_t)p, v);
	}
	free(per);
	if (list == NULL)
		return NULL;
	return Py_BuildValue("(LLN)", (long long)outside, (long long)undated, list);
}
%}
