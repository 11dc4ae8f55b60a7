/*
 * allocate.i: the premium split, products and the projection to retirement
 * for Python (included by ../inami_python.i). Each helper makes one library
 * call and returns plain tuples of ints and strings, or raises the
 * inami.InamiError subclass of the status.
 */

%newobject inami_py_products_load;
%exception inami_py_products_load {
	$action
	if (result == NULL)
		SWIG_fail;
}

%inline %{
/* Percentage text ("10", "0.75", "2.50%") -> basis points, exactly (inami_percent_parse). */
PyObject *inami_py_percent_parse(const char *text)
{
	int32_t bp = 0;
	int st = inami_percent_parse(text, &bp);
	if (st < 0) {
		inami_py_raise(st);
		return NULL;
	}
	return PyLong_FromLong((long)bp);
}

/* Basis points -> percentage text ("0.75"). */
PyObject *inami_py_percent_format(int32_t bp)
{
	char buf[32];
	int st = inami_percent_format(bp, buf, sizeof(buf));
	if (st < 0) {
		inami_py_raise(st);
		return NULL;
	}
	return PyUnicode_FromString(buf);
}

/* Minimum solidarity share of a contract type: (bp or None, provenance id, source, note). */
PyObject *inami_py_solidarity_minimum(int type)
{
	int32_t bp = INAMI_BP_UNSET;
	inami_provenance prov = INAMI_PROV_NOT_FOUND;
	const char *source = NULL, *note = NULL;
	int st = inami_solidarity_minimum((inami_contract_type)type, &bp, &prov, &source, &note);
	if (st < 0) {
		inami_py_raise(st);
		return NULL;
	}
	if (bp == INAMI_BP_UNSET)
		return Py_BuildValue("(Ozzz)", Py_None, inami_provenance_id(prov), source, note);
	return Py_BuildValue("(lzzz)", (long)bp, inami_provenance_id(prov), source, note);
}

/*
 * Split a premium: with `products` (then `id` names the product), unset terms
 * (INAMI_BP_UNSET) come from the product. Returns (premium, fees, solidarity,
 * pension, entry_fee_bp, solidarity_bp).
 */
PyObject *inami_py_allocate(const inami_products *products, const char *id, int64_t premium_cents,
	int contract_type, int32_t solidarity_bp, int32_t entry_fee_bp, int solidarity_base)
{
	inami_alloc_terms terms = INAMI_ALLOC_TERMS_INIT;
	inami_allocation a = INAMI_ALLOCATION_INIT;
	int st;

	terms.contract_type = (inami_contract_type)contract_type;
	terms.solidarity_bp = solidarity_bp;
	terms.entry_fee_bp = entry_fee_bp;
	terms.solidarity_base = (inami_solidarity_base)solidarity_base;
	if (products != NULL)
		st = inami_allocate_product(products, id, premium_cents, &terms, &a);
	else
		st = inami_allocate(premium_cents, &terms, &a);
	if (st < 0) {
		inami_py_raise(st);
		return NULL;
	}
	return Py_BuildValue("(LLLLll)", (long long)a.premium_cents, (long long)a.fees_cents,
		(long long)a.solidarity_cents, (long long)a.pension_cents, (long)a.entry_fee_bp,
		(long)a.solidarity_bp);
}

/*
 * Project `years` equal premiums deposited from `first_year`, valued on
 * 1 January of first_year + years. rate_bp INAMI_BP_UNSET: the product's
 * rate per deposit year. `terms` and fees as in inami_py_allocate. Returns
 * (premiums, fees, solidarity, pension, interest, profit_sharing,
 * management_fees, capital, inami_levy_bp, inami_levy, solidarity_levy_bp,
 * solidarity_levy, net_capital, annuity_base_bp, annuity_base,
 * annuity_rate_bp, annuity_years, annuity_yearly, flags).
 */
PyObject *inami_py_project(const inami_products *products, const char *id, int64_t premium_cents,
	int years, int first_year, int32_t rate_bp, int contract_type, int32_t solidarity_bp,
	int32_t entry_fee_bp, int solidarity_base, int32_t management_fee_bp,
	int32_t profit_sharing_bp, int32_t solidarity_levy_bp, int age_at_exit, int full_career,
	unsigned int flags)
{
	inami_projection_input in = INAMI_PROJECTION_INPUT_INIT;
	inami_projection p = INAMI_PROJECTION_INIT;
	int64_t *premiums;
	int st;

	if (years < 1) {
		inami_py_raise_message(INAMI_ERANGE, "years: at least one yearly premium is needed");
		return NULL;
	}
	premiums = malloc((size_t)years * sizeof(*premiums));
	if (premiums == NULL)
		return PyErr_NoMemory();
	for (int i = 0; i < years; i++)
		premiums[i] = premium_cents;
	in.premiums_cents = premiums;
	in.premium_count = (size_t)years;
	if (rate_bp != INAMI_BP_UNSET) {
		in.rates_bp = &rate_bp;
		in.rate_count = 1;
	}
	in.first_deposit_year = first_year;
	in.exit_year = first_year + years;
	in.terms.contract_type = (inami_contract_type)contract_type;
	in.terms.solidarity_bp = solidarity_bp;
	in.terms.entry_fee_bp = entry_fee_bp;
	in.terms.solidarity_base = (inami_solidarity_base)solidarity_base;
	in.management_fee_bp = management_fee_bp;
	in.profit_sharing_bp = profit_sharing_bp;
	in.age_at_exit = age_at_exit;
	in.active_until_legal_age = full_career;
	in.solidarity_levy_bp = solidarity_levy_bp;
	in.flags = flags;
	if (products != NULL)
		st = inami_project_product(products, id, &in, &p);
	else
		st = inami_project(&in, &p);
	free(premiums);
	if (st < 0) {
		inami_py_raise(st);
		return NULL;
	}
	return Py_BuildValue("(LLLLLLLLlLlLLlLliLI)", (long long)p.premiums_cents,
		(long long)p.fees_cents, (long long)p.solidarity_cents, (long long)p.pension_cents,
		(long long)p.interest_cents, (long long)p.profit_sharing_cents,
		(long long)p.management_fees_cents, (long long)p.capital_cents, (long)p.inami_levy_bp,
		(long long)p.inami_levy_cents, (long)p.solidarity_levy_bp,
		(long long)p.solidarity_levy_cents, (long long)p.net_capital_cents,
		(long)p.annuity_base_bp, (long long)p.annuity_base_cents, (long)p.annuity_rate_bp,
		p.annuity_years, (long long)p.annuity_yearly_cents, p.flags);
}

/* Products from a file (`text` NULL) or from text named `name`; NULL with the exception set on error. */
inami_products *inami_py_products_load(const char *path, const char *text, const char *name)
{
	inami_products *p = NULL;
	int st = text != NULL ? inami_products_load_buffer(&p, text, strlen(text), name)
		: inami_products_load_file(&p, path);
	if (st < 0)
		inami_py_raise(st);
	return p;
}

/* A product's percentage figure in bp, or None when the file does not give it (NOT FOUND). */
static PyObject *inami_py_product_figure(const inami_products *products, size_t index,
	inami_product_figure figure)
{
	int32_t bp = 0;
	int st = inami_products_figure(products, index, figure, &bp);
	if (st == INAMI_ENORULES) {
		inami_error_clear();
		Py_RETURN_NONE;
	}
	if (st < 0) {
		inami_py_raise(st);
		return NULL;
	}
	return PyLong_FromLong((long)bp);
}

/*
 * Product `index`: (id, insurer, name, benefits, source, note, contract type,
 * provenance, example, solidarity_bp, entry_fee_bp, management_fee_bp,
 * profit_sharing_bp, [(deposit year or 0, rate bp), ...]); a figure the file
 * does not give is None.
 */
PyObject *inami_py_product(const inami_products *products, size_t index)
{
	inami_contract_type type = INAMI_CONTRACT_SOCIAL_PENSION;
	inami_provenance prov = INAMI_PROV_NOT_FOUND;
	int example = 0, st;
	size_t nrates;
	PyObject *rates;

	if (products == NULL) {
		inami_py_raise_message(INAMI_ENULL, "products is None");
		return NULL;
	}
	st = inami_products_info(products, index, &type, &prov, &example);
	if (st < 0) {
		inami_py_raise(st);
		return NULL;
	}
	nrates = inami_products_rate_count(products, index);
	rates = PyList_New((Py_ssize_t)nrates);
	if (rates == NULL)
		return NULL;
	for (size_t k = 0; k < nrates; k++) {
		int year = 0;
		int32_t bp = 0;
		PyObject *t;
		st = inami_products_rate_at(products, index, k, &year, &bp);
		if (st < 0) {
			Py_DECREF(rates);
			inami_py_raise(st);
			return NULL;
		}
		t = Py_BuildValue("(il)", year, (long)bp);
		if (t == NULL) {
			Py_DECREF(rates);
			return NULL;
		}
		PyList_SET_ITEM(rates, (Py_ssize_t)k, t);
	}
	return Py_BuildValue("(zzzzzzzzNNNNNN)", inami_products_id(products, index),
		inami_products_insurer(products, index), inami_products_name(products, index),
		inami_products_benefits(products, index), inami_products_source(products, index),
		inami_products_note(products, index), inami_contract_type_id(type),
		inami_provenance_id(prov), PyBool_FromLong(example),
		inami_py_product_figure(products, index, INAMI_PRODUCT_SOLIDARITY_SHARE),
		inami_py_product_figure(products, index, INAMI_PRODUCT_ENTRY_FEE),
		inami_py_product_figure(products, index, INAMI_PRODUCT_MANAGEMENT_FEE),
		inami_py_product_figure(products, index, INAMI_PRODUCT_PROFIT_SHARING), rates);
}
%}
