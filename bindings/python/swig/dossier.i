/*
 * dossier.i: the yearly procedure for Python (included by ../inami_python.i):
 * a dossier's events, notifications, deadline, history and text form, and
 * the milestones of a premium year. Helpers return tuples of ints and
 * strings (dates as YYYYMMDD ints, 0 = none) or raise the inami.InamiError
 * subclass of the status.
 */

%newobject inami_py_dossier_new;
%newobject inami_py_dossier_parse;
%exception inami_py_dossier_new {
	$action
	if (result == NULL)
		SWIG_fail;
}
%exception inami_py_dossier_parse {
	$action
	if (result == NULL)
		SWIG_fail;
}

%inline %{
/* A new dossier; NULL with the exception set on error. */
inami_dossier *inami_py_dossier_new(int profession, int premium_year, int retired, int bank_account)
{
	inami_dossier_options o = INAMI_DOSSIER_OPTIONS_INIT;
	inami_dossier *d = NULL;
	int st;

	o.profession = (inami_profession)profession;
	o.premium_year = premium_year;
	o.retired = retired;
	o.has_bank_account = bank_account;
	st = inami_dossier_new(&d, &o);
	if (st < 0)
		inami_py_raise(st);
	return d;
}

/* A dossier from its text form; `name` names it in messages. NULL with the exception set on error. */
inami_dossier *inami_py_dossier_parse(const char *text, const char *name)
{
	inami_dossier *d = NULL;
	int st;

	if (text == NULL) {
		inami_py_raise_message(INAMI_ENULL, "text is None");
		return NULL;
	}
	st = inami_dossier_parse(&d, text, strlen(text), name);
	if (st < 0)
		inami_py_raise(st);
	return d;
}

/*
 * Apply an event (kind id number, date YYYYMMDD or 0, amount in cents or -1,
 * note or None). Returns the notification: (notice, action, date, deadline,
 * provenance) as enum numbers and YYYYMMDD ints.
 */
PyObject *inami_py_dossier_apply(inami_dossier *dossier, int kind, int32_t date,
	int64_t amount_cents, const char *note)
{
	inami_dossier_event e = INAMI_DOSSIER_EVENT_INIT;
	inami_notification n = INAMI_NOTIFICATION_INIT;
	int st;

	e.kind = (inami_dossier_event_kind)kind;
	e.date = date;
	e.amount_cents = amount_cents;
	e.note = note;
	st = inami_dossier_apply(dossier, &e, &n);
	if (st < 0) {
		inami_py_raise(st);
		return NULL;
	}
	return Py_BuildValue("(iiiii)", (int)n.notice, (int)n.action, (int)n.date, (int)n.deadline,
		(int)n.provenance);
}

/* The deadline that applies now as (YYYYMMDD, milestone id), or None when none applies. */
PyObject *inami_py_dossier_deadline(const inami_dossier *dossier)
{
	inami_date date = 0;
	const char *milestone = NULL;
	int st = inami_dossier_deadline(dossier, &date, &milestone);

	if (st == INAMI_ENORULES) {
		inami_error_clear();
		Py_RETURN_NONE;
	}
	if (st < 0) {
		inami_py_raise(st);
		return NULL;
	}
	return Py_BuildValue("(iz)", (int)date, milestone);
}

/* The events applied: a list of (kind, date, amount_cents, note or None, state after). */
PyObject *inami_py_dossier_history(const inami_dossier *dossier)
{
	size_t n = inami_dossier_history_count(dossier);
	PyObject *list = PyList_New((Py_ssize_t)n);

	if (list == NULL)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		inami_dossier_event e = INAMI_DOSSIER_EVENT_INIT;
		inami_dossier_state after = INAMI_DOSSIER_CONTRACT_PENDING;
		PyObject *t;
		int st = inami_dossier_history(dossier, i, &e, &after);
		if (st < 0) {
			Py_DECREF(list);
			inami_py_raise(st);
			return NULL;
		}
		t = Py_BuildValue("(iiLzi)", (int)e.kind, (int)e.date, (long long)e.amount_cents, e.note,
			(int)after);
		if (t == NULL) {
			Py_DECREF(list);
			return NULL;
		}
		PyList_SET_ITEM(list, (Py_ssize_t)i, t);
	}
	return list;
}

/* The dossier's text form (docs/dossier.md) as str; with comments in `lang` when lang >= 0. */
PyObject *inami_py_dossier_serialize(const inami_dossier *dossier, int lang)
{
	char *text = NULL;
	size_t len = 0;
	PyObject *s;
	int st = lang < 0 ? inami_dossier_serialize(dossier, &text, &len) :
		inami_dossier_serialize_lang(dossier, (inami_lang)lang, &text, &len);

	if (st < 0) {
		inami_py_raise(st);
		return NULL;
	}
	s = PyUnicode_DecodeUTF8(text, (Py_ssize_t)len, "strict");
	inami_free(text);
	return s;
}

/*
 * The milestones of a profession's premium year, in procedure order: a list
 * of (id, date, precision, iso, relative_days, rule, provenance, source, note).
 */
PyObject *inami_py_timeline_rules(const inami_ruleset *rules, int profession, int premium_year);

PyObject *inami_py_timeline(int profession, int premium_year)
{
	return inami_py_timeline_rules(NULL, profession, premium_year);
}

/* As inami_py_timeline, from the [law calendar] of `rules` (None: the embedded rules). */
PyObject *inami_py_timeline_rules(const inami_ruleset *rules, int profession, int premium_year)
{
	inami_timeline *t = NULL;
	PyObject *list;
	size_t n;
	int st = rules ? inami_procedure_timeline_rules(&t, rules, (inami_profession)profession, premium_year)
		: inami_procedure_timeline(&t, (inami_profession)profession, premium_year);

	if (st < 0) {
		inami_py_raise(st);
		return NULL;
	}
	n = inami_timeline_count(t);
	list = PyList_New((Py_ssize_t)n);
	for (size_t i = 0; list != NULL && i < n; i++) {
		inami_milestone m;
		PyObject *item;
		memset(&m, 0, sizeof(m));
		m.version = INAMI_MILESTONE_VERSION;
		st = inami_timeline_milestone(t, i, &m);
		if (st < 0) {
			Py_CLEAR(list);
			inami_py_raise(st);
			break;
		}
		item = Py_BuildValue("(ziizizizz)", m.id, (int)m.date, (int)m.precision, m.iso,
			m.relative_days, m.rule, (int)m.provenance, m.source, m.note);
		if (item == NULL) {
			Py_CLEAR(list);
			break;
		}
		PyList_SET_ITEM(list, (Py_ssize_t)i, item);
	}
	inami_timeline_free(t);
	return list;
}
%}
