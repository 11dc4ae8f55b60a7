/*
 * inami_java.i: the Java part of the SWIG interface (included by ../inami.i
 * before the public headers). Generated classes go to be.inami.swig; the
 * idiomatic API (be.inami.Rules, Evaluation, ...) is hand-written Java in
 * bindings/java/src/.
 *
 * - INAMI_RAISE: a negative inami status becomes a be.inami.InamiException
 *   (unchecked) carrying the status and the library's message.
 * - Enums are plain int constants (the idiomatic layer has real Java enums).
 * - No finalizers on the proxies: the idiomatic classes free what they own
 *   with close() / try-finally, with a java.lang.ref.Cleaner as fallback.
 * - Bulk arrays: billing lines and per-provider inputs/outputs cross the
 *   boundary as Java primitive arrays (int[], long[]) pinned for the call,
 *   never element by element.
 */

%include "enumtypeunsafe.swg"

/* The JNI library loads itself through be.inami.NativeLibrary (next to the
 * JAR, ../lib, then java.library.path). */
%pragma(java) jniclasscode=%{
  static {
    be.inami.NativeLibrary.load();
  }
%}

/* Proxies carry no finalize() (deprecated since Java 9); ownership is explicit. */
%typemap(javafinalize) SWIGTYPE %{%}

%{
/* Throw be.inami.InamiException(status, message); message NULL/"" = the status text. */
static void inami_java_throw(JNIEnv *jenv, int status, const char *message)
{
	jclass cls;
	jmethodID ctor;
	jstring text;
	jobject ex;

	if ((*jenv)->ExceptionCheck(jenv))
		return;
	if (message == NULL || message[0] == '\0')
		message = inami_strerror(status);
	cls = (*jenv)->FindClass(jenv, "be/inami/InamiException");
	if (cls == NULL)
		return; /* NoClassDefFoundError is pending */
	ctor = (*jenv)->GetMethodID(jenv, cls, "<init>", "(ILjava/lang/String;)V");
	text = (*jenv)->NewStringUTF(jenv, message);
	if (ctor != NULL && text != NULL) {
		ex = (*jenv)->NewObject(jenv, cls, ctor, (jint)status, text);
		if (ex != NULL)
			(*jenv)->Throw(jenv, (jthrowable)ex);
	}
	(*jenv)->DeleteLocalRef(jenv, cls);
}

/* Throw for a library status, with the thread's last message when it belongs to it. */
static void inami_java_raise(JNIEnv *jenv, int status)
{
	inami_java_throw(jenv, status,
		inami_error_last_status() == status ? inami_error_last() : NULL);
}
%}

/* No early return after the throw: the wrapper goes on to its cleanup code
 * (ReleaseStringUTFChars of the text arguments) and returns a value that the
 * JVM discards because an exception is pending. Helpers return NULL or 0 on
 * failure, so no other JNI call follows the throw. */
%define INAMI_RAISE(status)
	inami_java_raise(jenv, status);
%enddef

/* The JNIEnv of the call, for the bulk wrappers below (no Java argument). */
%typemap(in, numinputs=0) JNIEnv *jenv "$1 = jenv;"

/* Raw-pointer array functions: replaced by the primitive-array wrappers below. */
%ignore inami_billing_total;
%ignore inami_billing_add;
%ignore inami_billing_results;
%ignore inami_billing_signed_results;
%ignore inami_billing_evaluate;

%{
/* A Java primitive array pinned for one call (NULL Java array = NULL data). */
typedef struct inami_java_array {
	jarray array;
	void *data;
	jsize length;
	int output;
} inami_java_array;

/*
 * Check the lengths of `n` arrays (NULL ones are skipped; `required` ones
 * must not be NULL) against the first non-NULL one, and return that length
 * in *count. Throws and returns -1 on a mismatch. Must run before pinning.
 */
static int inami_java_lengths(JNIEnv *jenv, inami_java_array *a, const char *const *names,
	int n, int required_mask, jsize *count)
{
	char msg[160];
	int i, first = -1;

	for (i = 0; i < n; i++) {
		if (a[i].array == NULL) {
			if (required_mask & (1 << i)) {
				snprintf(msg, sizeof(msg), "%s must not be null", names[i]);
				inami_java_throw(jenv, INAMI_ENULL, msg);
				return -1;
			}
			continue;
		}
		a[i].length = (*jenv)->GetArrayLength(jenv, a[i].array);
		if (first < 0) {
			first = i;
		} else if (a[i].length != a[first].length) {
			snprintf(msg, sizeof(msg), "%s has %ld items, %s has %ld: the arrays must have the same length",
				names[i], (long)a[i].length, names[first], (long)a[first].length);
			inami_java_throw(jenv, INAMI_EINVAL, msg);
			return -1;
		}
	}
	*count = first < 0 ? 0 : a[first].length;
	return 0;
}

/* Pin every non-NULL array (critical: no JNI call until inami_java_unpin). */
static int inami_java_pin(JNIEnv *jenv, inami_java_array *a, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		if (a[i].array == NULL)
			continue;
		a[i].data = (*jenv)->GetPrimitiveArrayCritical(jenv, a[i].array, NULL);
		if (a[i].data == NULL) {
			while (--i >= 0)
				if (a[i].data != NULL)
					(*jenv)->ReleasePrimitiveArrayCritical(jenv, a[i].array, a[i].data, JNI_ABORT);
			return -1; /* OutOfMemoryError pending */
		}
	}
	return 0;
}

/* Unpin: outputs are copied back, inputs discarded. */
static void inami_java_unpin(JNIEnv *jenv, inami_java_array *a, int n)
{
	int i;

	for (i = n - 1; i >= 0; i--)
		if (a[i].data != NULL)
			(*jenv)->ReleasePrimitiveArrayCritical(jenv, a[i].array, a[i].data,
				a[i].output ? 0 : JNI_ABORT);
}
%}

%inline %{
/*
 * Add billing lines to an accumulator: code[i], quantity[i] (int), date[i]
 * (int YYYYMMDD, 0 = unknown; the array may be null) and provider[i] (int
 * index; the array may be null = all provider 0). Same lengths required.
 */
void inami_java_billing_add(JNIEnv *jenv, inami_billing *billing, jintArray code,
	jintArray quantity, jintArray date, jintArray provider)
{
	static const char *const names[] = { "code", "quantity", "date", "provider" };
	inami_java_array a[4] = { { code, NULL, 0, 0 }, { quantity, NULL, 0, 0 },
		{ date, NULL, 0, 0 }, { provider, NULL, 0, 0 } };
	jsize n = 0;
	int st;

	if (billing == NULL) {
		inami_java_throw(jenv, INAMI_ENULL, "billing must not be null");
		return;
	}
	if (inami_java_lengths(jenv, a, names, 4, 0x3, &n) < 0 || inami_java_pin(jenv, a, 4) < 0)
		return;
	st = inami_billing_add(billing, a[0].data, a[1].data, a[2].data, a[3].data, (size_t)n);
	inami_java_unpin(jenv, a, 4);
	if (st < 0)
		inami_java_raise(jenv, st);
}

/*
 * Totals of every provider into caller arrays of provider-count entries (any
 * may be null): m, r, v key-letter totals in hundredths, prestations, flags
 * (INAMI_TOTAL_*) and status per provider; with keep_negative, the sums of a
 * provider below zero are kept (inami_billing_signed_results()).
 */
void inami_java_billing_results(JNIEnv *jenv, const inami_billing *billing, int keep_negative, jlongArray m,
	jlongArray r, jlongArray v, jlongArray prestations, jintArray flags, jintArray status)
{
	static const char *const names[] = { "m", "r", "v", "prestations", "flags", "status" };
	inami_java_array a[6] = { { m, NULL, 0, 1 }, { r, NULL, 0, 1 }, { v, NULL, 0, 1 },
		{ prestations, NULL, 0, 1 }, { flags, NULL, 0, 1 }, { status, NULL, 0, 1 } };
	int64_t *kv = NULL;
	size_t providers, p;
	jsize n = 0;
	int st;

	if (billing == NULL) {
		inami_java_throw(jenv, INAMI_ENULL, "billing must not be null");
		return;
	}
	if (inami_java_lengths(jenv, a, names, 6, 0, &n) < 0)
		return;
	providers = inami_billing_provider_count(billing);
	if ((size_t)n < providers) {
		char msg[120];
		snprintf(msg, sizeof(msg), "arrays have %ld items, the accumulator has %zu providers",
			(long)n, providers);
		inami_java_throw(jenv, INAMI_EBUFS, msg);
		return;
	}
	if (m != NULL || r != NULL || v != NULL) {
		kv = malloc((providers ? providers : 1) * INAMI_KEY_LETTER_COUNT * sizeof(*kv));
		if (kv == NULL) {
			inami_java_throw(jenv, INAMI_ENOMEM, "out of memory");
			return;
		}
	}
	if (inami_java_pin(jenv, a, 6) < 0) {
		free(kv);
		return;
	}
	/* uint32_t flags are written into a Java int[] of the same width. */
	st = keep_negative ? inami_billing_signed_results(billing, kv, a[3].data, a[4].data, a[5].data, providers)
		: inami_billing_results(billing, kv, a[3].data, a[4].data, a[5].data, providers);
	if (st == INAMI_OK && kv != NULL) {
		for (p = 0; p < providers; p++) {
			if (a[0].data)
				((jlong *)a[0].data)[p] = kv[p * INAMI_KEY_LETTER_COUNT + INAMI_KEY_M];
			if (a[1].data)
				((jlong *)a[1].data)[p] = kv[p * INAMI_KEY_LETTER_COUNT + INAMI_KEY_R];
			if (a[2].data)
				((jlong *)a[2].data)[p] = kv[p * INAMI_KEY_LETTER_COUNT + INAMI_KEY_V];
		}
	}
	inami_java_unpin(jenv, a, 6);
	free(kv);
	if (st < 0)
		inami_java_raise(jenv, st);
}

/*
 * Batch evaluation (inami_billing_evaluate): inputs prestations[p] and
 * keyValues[p] (hundredths; either may be null = not given), inStatus[p]
 * (may be null); outputs tierIndex, amountCents, eligible,
 * missingPrestations, missingKeyValue, status (each may be null). Every
 * non-null array has the same length, the number of providers.
 */
void inami_java_billing_evaluate(JNIEnv *jenv, const inami_ruleset *rules, int profession,
	int year, int eval_flags, jlongArray prestations, jlongArray key_values, jintArray in_status,
	jintArray tier_index, jlongArray amount_cents, jintArray eligible,
	jlongArray missing_prestations, jlongArray missing_key_value, jintArray status)
{
	static const char *const names[] = { "prestations", "keyValues", "inStatus", "tierIndex",
		"amountCents", "eligible", "missingPrestations", "missingKeyValue", "status" };
	inami_java_array a[9] = { { prestations, NULL, 0, 0 }, { key_values, NULL, 0, 0 },
		{ in_status, NULL, 0, 0 }, { tier_index, NULL, 0, 1 }, { amount_cents, NULL, 0, 1 },
		{ eligible, NULL, 0, 1 }, { missing_prestations, NULL, 0, 1 },
		{ missing_key_value, NULL, 0, 1 }, { status, NULL, 0, 1 } };
	jsize n = 0;
	int st;

	if (rules == NULL) {
		inami_java_throw(jenv, INAMI_ENULL, "rules must not be null");
		return;
	}
	if (inami_java_lengths(jenv, a, names, 9, 0, &n) < 0 || inami_java_pin(jenv, a, 9) < 0)
		return;
	st = inami_billing_evaluate(rules, (inami_profession)profession, year, (unsigned int)eval_flags,
		a[0].data, a[1].data, a[2].data, (size_t)n,
		a[3].data, a[4].data, a[5].data, a[6].data, a[7].data, a[8].data);
	inami_java_unpin(jenv, a, 9);
	if (st < 0)
		inami_java_raise(jenv, st);
}
%}

/*
 * The dossier (dossier.h) for be.inami.Dossier: the output-pointer calls as
 * functions that throw be.inami.InamiException themselves (the JNIEnv of the
 * call is their first, hidden, argument). An event crosses as its fields, so
 * its note is never stored in a SWIG proxy.
 */
%newobject inami_java_dossier_new;
%newobject inami_java_dossier_parse;
%newobject inami_java_dossier_serialize;
%typemap(newfree) char *inami_java_dossier_serialize "inami_free($1);";
%newobject inami_java_dossier_serialize_lang;
%typemap(newfree) char *inami_java_dossier_serialize_lang "inami_free($1);";

%inline %{
/* A new dossier (ENORULES when the automated procedure does not cover the year). */
inami_dossier *inami_java_dossier_new(JNIEnv *jenv, int profession, int premium_year, int retired,
	int has_bank_account)
{
	inami_dossier_options o = INAMI_DOSSIER_OPTIONS_INIT;
	inami_dossier *d = NULL;
	int st;

	o.profession = (inami_profession)profession;
	o.premium_year = premium_year;
	o.retired = retired;
	o.has_bank_account = has_bank_account;
	if ((st = inami_dossier_new(&d, &o)) < 0)
		inami_java_raise(jenv, st);
	return d;
}

/* Apply an event (amount_cents -1 and note NULL = not given); the notification goes to `out`. */
void inami_java_dossier_apply(JNIEnv *jenv, inami_dossier *dossier, int kind, int32_t date,
	int64_t amount_cents, const char *note, inami_notification *out)
{
	inami_dossier_event e = INAMI_DOSSIER_EVENT_INIT;
	int st;

	e.kind = (inami_dossier_event_kind)kind;
	e.date = date;
	e.amount_cents = amount_cents;
	e.note = note;
	if ((st = inami_dossier_apply(dossier, &e, out)) < 0)
		inami_java_raise(jenv, st);
}

/* Date of the deadline that applies now, 0 when none applies or the data does not give it. */
int32_t inami_java_dossier_deadline(JNIEnv *jenv, const inami_dossier *dossier)
{
	inami_date date = 0;
	const char *id = NULL;
	int st = inami_dossier_deadline(dossier, &date, &id);

	if (st == INAMI_ENORULES) {
		inami_error_clear();
		return 0;
	}
	if (st < 0)
		inami_java_raise(jenv, st);
	return st < 0 ? 0 : date;
}

/* Milestone id of that deadline, NULL when none. */
const char *inami_java_dossier_deadline_milestone(JNIEnv *jenv, const inami_dossier *dossier)
{
	inami_date date = 0;
	const char *id = NULL;
	int st = inami_dossier_deadline(dossier, &date, &id);

	if (st == INAMI_ENORULES) {
		inami_error_clear();
		return NULL;
	}
	if (st < 0)
		inami_java_raise(jenv, st);
	return st < 0 ? NULL : id;
}

/* History entry `index` into `event` (its note lives as long as the dossier); returns the state after it. */
int inami_java_dossier_history(JNIEnv *jenv, const inami_dossier *dossier, size_t index,
	inami_dossier_event *event)
{
	inami_dossier_state after = INAMI_DOSSIER_CONTRACT_PENDING;
	int st = inami_dossier_history(dossier, index, event, &after);

	if (st < 0)
		inami_java_raise(jenv, st);
	return (int)after;
}

/* The text form (docs/dossier.md), a new string. */
char *inami_java_dossier_serialize(JNIEnv *jenv, const inami_dossier *dossier)
{
	char *text = NULL;
	int st = inami_dossier_serialize(dossier, &text, NULL);

	if (st < 0)
		inami_java_raise(jenv, st);
	return text;
}

/* The text form with comment lines in `lang` (docs/dossier.md), a new string. */
char *inami_java_dossier_serialize_lang(JNIEnv *jenv, const inami_dossier *dossier, int lang)
{
	char *text = NULL;
	int st = inami_dossier_serialize_lang(dossier, (inami_lang)lang, &text, NULL);

	if (st < 0)
		inami_java_raise(jenv, st);
	return text;
}

/* A dossier read from its text form; `name` names it in messages. */
inami_dossier *inami_java_dossier_parse(JNIEnv *jenv, const char *text, const char *name)
{
	inami_dossier *d = NULL;
	int st = inami_dossier_parse(&d, text, text != NULL ? strlen(text) : 0, name);

	if (st < 0)
		inami_java_raise(jenv, st);
	return d;
}
%}

/*
 * The rest of the C API for be.inami (Nomenclature, BillingCsv, Product,
 * Projection exit figures, Library): output-pointer calls as functions that
 * throw be.inami.InamiException themselves. Several values come back through
 * a small Java int[] (written with SetIntArrayRegion, never pinned).
 * Functions returning "nothing found" as a sentinel clear the library's
 * message for that case so that it is not mistaken for an error later.
 */
%newobject inami_java_products_load_string;
%newobject inami_java_nomenclature_load_string;
%newobject inami_java_percent_format;

%{
/* out[0..n-1] = v[0..n-1]; throws EBUFS when the Java array is shorter. */
static int inami_java_put_ints(JNIEnv *jenv, jintArray out, const jint *v, jsize n)
{
	if (out == NULL || (*jenv)->GetArrayLength(jenv, out) < n) {
		inami_java_throw(jenv, INAMI_EBUFS, "output array too short");
		return -1;
	}
	(*jenv)->SetIntArrayRegion(jenv, out, 0, n, v);
	return 0;
}
%}

%inline %{
/* Products from text; `name` names it in messages. */
inami_products *inami_java_products_load_string(JNIEnv *jenv, const char *text, const char *name)
{
	inami_products *p = NULL;
	int st = inami_products_load_buffer(&p, text, text != NULL ? strlen(text) : 0, name);

	if (st < 0)
		inami_java_raise(jenv, st);
	return p;
}

/* Index of product `id` (ENOTFOUND lists the known ids). */
long inami_java_products_find(JNIEnv *jenv, const inami_products *products, const char *id)
{
	size_t index = 0;
	int st = inami_products_find(products, id, &index);

	if (st < 0)
		inami_java_raise(jenv, st);
	return st < 0 ? -1 : (long)index;
}

/* out = { contract type, provenance, example }. */
void inami_java_products_info(JNIEnv *jenv, const inami_products *products, size_t index,
	jintArray out)
{
	inami_contract_type type = INAMI_CONTRACT_SOCIAL_PENSION;
	inami_provenance prov = INAMI_PROV_NOT_FOUND;
	int example = 0;
	int st = inami_products_info(products, index, &type, &prov, &example);
	jint v[3];

	if (st < 0) {
		inami_java_raise(jenv, st);
		return;
	}
	v[0] = (jint)type;
	v[1] = (jint)prov;
	v[2] = example;
	inami_java_put_ints(jenv, out, v, 3);
}

/* A percentage figure in bp; INAMI_BP_UNSET when the file does not give it (ENORULES). */
int inami_java_products_figure(JNIEnv *jenv, const inami_products *products, size_t index,
	int figure)
{
	int32_t bp = INAMI_BP_UNSET;
	int st = inami_products_figure(products, index, (inami_product_figure)figure, &bp);

	if (st == INAMI_ENORULES) {
		inami_error_clear();
		return INAMI_BP_UNSET;
	}
	if (st < 0)
		inami_java_raise(jenv, st);
	return st < 0 ? INAMI_BP_UNSET : bp;
}

/* Guaranteed rate `k`: out = { deposit year (0 = undated), bp }. */
void inami_java_products_rate_at(JNIEnv *jenv, const inami_products *products, size_t index,
	size_t k, jintArray out)
{
	int year = 0;
	int32_t bp = 0;
	int st = inami_products_rate_at(products, index, k, &year, &bp);
	jint v[2];

	if (st < 0) {
		inami_java_raise(jenv, st);
		return;
	}
	v[0] = year;
	v[1] = bp;
	inami_java_put_ints(jenv, out, v, 2);
}

/* The rate for deposits of `deposit_year`: out = { bp, assumed }; returns 0, or -1 when none applies (ENORULES). */
int inami_java_products_rate(JNIEnv *jenv, const inami_products *products, size_t index,
	int deposit_year, int flags, jintArray out)
{
	int32_t bp = 0;
	int assumed = 0;
	int st = inami_products_rate(products, index, deposit_year, (unsigned int)flags, &bp, &assumed);
	jint v[2];

	if (st == INAMI_ENORULES) {
		inami_error_clear();
		return -1;
	}
	if (st < 0) {
		inami_java_raise(jenv, st);
		return -1;
	}
	v[0] = bp;
	v[1] = assumed;
	return inami_java_put_ints(jenv, out, v, 2);
}

/* A nomenclature from text; `base` NULL = standalone, else a layer over it. */
inami_nomenclature *inami_java_nomenclature_load_string(JNIEnv *jenv,
	const inami_nomenclature *base, const char *text, const char *name)
{
	inami_nomenclature *n = NULL;
	int st = inami_nomenclature_load_buffer(&n, base, text, text != NULL ? strlen(text) : 0, name);

	if (st < 0)
		inami_java_raise(jenv, st);
	return n;
}

/*
 * inami_billing_total: lines code[i], quantity[i], date[i] (date may be null).
 * summary (7 longs) = { M, R, V, prestations, flags, unvalued count,
 * unvalued quantity }; the first unvaluedCode.length unvalued pairs go to
 * unvaluedCode, unvaluedQuantity, unvaluedReason (same lengths; may be null
 * together). The summary's count says how many exist.
 */
void inami_java_billing_total(JNIEnv *jenv, const inami_nomenclature *nomenclature,
	jintArray code, jintArray quantity, jintArray date, int flags, jlongArray summary,
	jintArray unvalued_code, jlongArray unvalued_quantity, jintArray unvalued_reason)
{
	static const char *const names[] = { "code", "quantity", "date" };
	static const char *const unames[] = { "unvaluedCode", "unvaluedQuantity", "unvaluedReason" };
	inami_java_array a[3] = { { code, NULL, 0, 0 }, { quantity, NULL, 0, 0 }, { date, NULL, 0, 0 } };
	inami_java_array u[3] = { { unvalued_code, NULL, 0, 0 }, { unvalued_quantity, NULL, 0, 0 },
		{ unvalued_reason, NULL, 0, 0 } };
	inami_billing_summary s;
	int32_t *ucode = NULL, *ureason = NULL;
	int64_t *uqty = NULL;
	jlong sv[7];
	jsize n = 0, cap = 0;
	int st;

	if (summary == NULL || (*jenv)->GetArrayLength(jenv, summary) < 7) {
		inami_java_throw(jenv, INAMI_EBUFS, "summary must have 7 items");
		return;
	}
	if (inami_java_lengths(jenv, a, names, 3, 0x3, &n) < 0
	    || inami_java_lengths(jenv, u, unames, 3, 0, &cap) < 0)
		return;
	if (cap > 0 && (u[0].array == NULL || u[1].array == NULL || u[2].array == NULL)) {
		inami_java_throw(jenv, INAMI_ENULL, "the three unvalued arrays go together");
		return;
	}
	if (cap > 0) {
		ucode = malloc((size_t)cap * sizeof(*ucode));
		uqty = malloc((size_t)cap * sizeof(*uqty));
		ureason = malloc((size_t)cap * sizeof(*ureason));
		if (ucode == NULL || uqty == NULL || ureason == NULL) {
			free(ucode);
			free(uqty);
			free(ureason);
			inami_java_throw(jenv, INAMI_ENOMEM, "out of memory");
			return;
		}
	}
	memset(&s, 0, sizeof(s));
	s.version = INAMI_BILLING_SUMMARY_VERSION;
	if (inami_java_pin(jenv, a, 3) < 0) {
		free(ucode);
		free(uqty);
		free(ureason);
		return;
	}
	st = inami_billing_total(nomenclature, a[0].data, a[1].data, a[2].data, (size_t)n,
		(unsigned int)flags, &s, ucode, uqty, ureason, (size_t)cap);
	inami_java_unpin(jenv, a, 3);
	if (st < 0) {
		inami_java_raise(jenv, st);
	} else {
		size_t k = s.unvalued_count < (size_t)cap ? s.unvalued_count : (size_t)cap;
		sv[0] = s.key_values[INAMI_KEY_M];
		sv[1] = s.key_values[INAMI_KEY_R];
		sv[2] = s.key_values[INAMI_KEY_V];
		sv[3] = s.prestations;
		sv[4] = (jlong)s.flags;
		sv[5] = (jlong)s.unvalued_count;
		sv[6] = s.unvalued_quantity;
		(*jenv)->SetLongArrayRegion(jenv, summary, 0, 7, sv);
		if (k > 0) {
			(*jenv)->SetIntArrayRegion(jenv, unvalued_code, 0, (jsize)k, (const jint *)ucode);
			(*jenv)->SetLongArrayRegion(jenv, unvalued_quantity, 0, (jsize)k, (const jlong *)uqty);
			(*jenv)->SetIntArrayRegion(jenv, unvalued_reason, 0, (jsize)k, (const jint *)ureason);
		}
	}
	free(ucode);
	free(uqty);
	free(ureason);
}

/* Feed data[offset .. offset+length) to a CSV reader (any split). */
void inami_java_billing_csv_feed_bytes(JNIEnv *jenv, inami_billing_csv *reader, jbyteArray data,
	int offset, int length)
{
	jbyte *p;
	int st;

	if (data == NULL) {
		inami_java_throw(jenv, INAMI_ENULL, "data must not be null");
		return;
	}
	if (offset < 0 || length < 0 || offset > (*jenv)->GetArrayLength(jenv, data) - length) {
		inami_java_throw(jenv, INAMI_ERANGE, "offset and length outside the array");
		return;
	}
	p = (*jenv)->GetByteArrayElements(jenv, data, NULL);
	if (p == NULL)
		return; /* OutOfMemoryError pending */
	st = inami_billing_csv_feed(reader, (const char *)p + offset, (size_t)length);
	(*jenv)->ReleaseByteArrayElements(jenv, data, p, JNI_ABORT);
	if (st < 0)
		inami_java_raise(jenv, st);
}

/* Read a file with `threads` threads (1 or 2), then finish. */
void inami_java_billing_csv_read_file(JNIEnv *jenv, inami_billing_csv *reader, const char *path,
	int threads)
{
	inami_csv_read_options o;
	int st = inami_csv_read_options_init(&o, INAMI_CSV_READ_OPTIONS_VERSION);

	if (st == INAMI_OK) {
		o.threads = (unsigned int)threads;
		st = inami_billing_csv_read_file(reader, path, &o);
	}
	if (st < 0)
		inami_java_raise(jenv, st);
}

/* Read bytes [start, end) of a file (after its header line), then finish. */
void inami_java_billing_csv_read_range(JNIEnv *jenv, inami_billing_csv *reader, const char *path, long long start,
	long long end)
{
	int st;

	if (start < 0 || end < 0) {
		inami_java_throw(jenv, INAMI_EINVAL, "range: start and end must not be negative");
		return;
	}
	st = inami_billing_csv_read_range(reader, path, (uint64_t)start, (uint64_t)end, NULL);
	if (st < 0)
		inami_java_raise(jenv, st);
}

/* "0.75" -> 75 basis points. */
int inami_java_percent_parse(JNIEnv *jenv, const char *text)
{
	int32_t bp = 0;
	int st = inami_percent_parse(text, &bp);

	if (st < 0)
		inami_java_raise(jenv, st);
	return bp;
}

/* 75 -> "0.75" (a new string). */
char *inami_java_percent_format(JNIEnv *jenv, int bp)
{
	char buf[32];
	char *copy;
	int st = inami_percent_format(bp, buf, sizeof(buf));

	if (st < 0) {
		inami_java_raise(jenv, st);
		return NULL;
	}
	copy = inami_swig_strdup(buf);
	if (copy == NULL)
		inami_java_throw(jenv, INAMI_ENOMEM, "out of memory");
	return copy;
}

int inami_java_contract_type_from_id(JNIEnv *jenv, const char *id)
{
	inami_contract_type t = INAMI_CONTRACT_SOCIAL_PENSION;
	int st = inami_contract_type_from_id(id, &t);

	if (st < 0)
		inami_java_raise(jenv, st);
	return (int)t;
}

int inami_java_dossier_state_from_id(JNIEnv *jenv, const char *id)
{
	inami_dossier_state s = INAMI_DOSSIER_CONTRACT_PENDING;
	int st = inami_dossier_state_from_id(id, &s);

	if (st < 0)
		inami_java_raise(jenv, st);
	return (int)s;
}

int inami_java_event_kind_from_id(JNIEnv *jenv, const char *id)
{
	inami_dossier_event_kind k = (inami_dossier_event_kind)0;
	int st = inami_event_kind_from_id(id, &k);

	if (st < 0)
		inami_java_raise(jenv, st);
	return (int)k;
}

/* Exit-taxation figure `id`: out = { bp, provenance }; returns its source (static). */
const char *inami_java_exit_figure(JNIEnv *jenv, const char *id, jintArray out)
{
	int32_t bp = 0;
	inami_provenance prov = INAMI_PROV_NOT_FOUND;
	const char *source = NULL;
	int st = inami_exit_figure(id, &bp, &prov, &source);
	jint v[2];

	if (st < 0) {
		inami_java_raise(jenv, st);
		return NULL;
	}
	v[0] = bp;
	v[1] = (jint)prov;
	return inami_java_put_ints(jenv, out, v, 2) < 0 ? NULL : source;
}

/* Notional annuity for an age at exit: out = { bp, years, provenance }; returns its source (static). */
const char *inami_java_exit_annuity_rate(JNIEnv *jenv, int age, jintArray out)
{
	int32_t bp = 0;
	int years = 0;
	inami_provenance prov = INAMI_PROV_NOT_FOUND;
	const char *source = NULL;
	int st = inami_exit_annuity_rate(age, &bp, &years, &prov, &source);
	jint v[3];

	if (st < 0) {
		inami_java_raise(jenv, st);
		return NULL;
	}
	v[0] = bp;
	v[1] = years;
	v[2] = (jint)prov;
	return inami_java_put_ints(jenv, out, v, 3) < 0 ? NULL : source;
}
%}

/* ---- billing CSV dialects and date range; professions by name ---- */
%newobject inami_java_billing_csv_new;

%inline %{
/*
 * A billing CSV reader with a dialect and a date range: `delimiter` 0 to
 * detect, ',' or ';'; column names NULL for the defaults; dates YYYYMMDD, 0 = open.
 */
inami_billing_csv *inami_java_billing_csv_new(JNIEnv *jenv, const inami_nomenclature *nomenclature,
	int flags, const char *name, char delimiter, const char *provider_column, const char *code_column,
	const char *quantity_column, const char *date_column, int date_from, int date_to)
{
	inami_billing_csv_options o = INAMI_BILLING_CSV_OPTIONS_INIT;
	inami_billing_csv *reader = NULL;

	o.delimiter = delimiter;
	o.provider_column = provider_column;
	o.code_column = code_column;
	o.quantity_column = quantity_column;
	o.date_column = date_column;
	o.date_from = date_from;
	o.date_to = date_to;
	int st = inami_billing_csv_new_with_options(&reader, nomenclature, (unsigned int)flags, name, &o);
	if (st < 0)
		inami_java_raise(jenv, st);
	return reader;
}

/* Lines left out by the date range and undated lines: out[0], out[1]. */
void inami_java_billing_csv_date_counts(JNIEnv *jenv, const inami_billing_csv *reader, jlongArray out)
{
	int64_t v[2] = { 0, 0 };
	int st = inami_billing_csv_date_counts(reader, &v[0], &v[1]);

	if (st < 0) {
		inami_java_raise(jenv, st);
		return;
	}
	if (out == NULL || (*jenv)->GetArrayLength(jenv, out) < 2) {
		inami_java_throw(jenv, INAMI_EBUFS, "output array too short");
		return;
	}
	(*jenv)->SetLongArrayRegion(jenv, out, 0, 2, (const jlong *)v);
}

/* Lines left out by the date range, per provider, into `outside` (one entry per provider). */
void inami_java_billing_csv_provider_outside(JNIEnv *jenv, const inami_billing_csv *reader, jlongArray outside)
{
	jsize n = outside != NULL ? (*jenv)->GetArrayLength(jenv, outside) : 0;
	int64_t *v = calloc(n > 0 ? (size_t)n : 1, sizeof(*v));

	if (v == NULL) {
		inami_java_throw(jenv, INAMI_ENOMEM, "out of memory");
		return;
	}
	int st = inami_billing_csv_provider_date_counts(reader, v, NULL, (size_t)n);
	if (st < 0)
		inami_java_raise(jenv, st);
	else if (n > 0)
		(*jenv)->SetLongArrayRegion(jenv, outside, 0, n, (const jlong *)v);
	free(v);
}

/* The profession a person means by `text` (id, label or alias of the rules). */
int inami_java_profession_find(JNIEnv *jenv, const inami_ruleset *rules, const char *text)
{
	inami_profession p = INAMI_PROFESSION_NONE;
	int st = inami_rules_profession_find(rules, text, &p);

	if (st < 0)
		inami_java_raise(jenv, st);
	return (int)p;
}

/* Bits (1 << measure) of the measures a profession's thresholds count. */
int inami_java_profession_measures(JNIEnv *jenv, const inami_ruleset *rules, int profession)
{
	unsigned int bits = 0;
	int st = inami_rules_profession_measures(rules, (inami_profession)profession, &bits);

	if (st < 0)
		inami_java_raise(jenv, st);
	return (int)bits;
}
%}
