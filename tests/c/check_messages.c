/*
 * The message catalogue (libinami/data/messages.catalogue): every message
 * rendered in English, French and Dutch with sample values, the formats of
 * amounts, dates and numbers, loading and overriding at run time.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_util.h"

/* One value for every placeholder name the catalogue uses (a name may be text in one message, int in another). */
static const char sample[] =
	"year=2023\ndate=20231231\nmonths=7\ncount=2\ndays=45\nfirst=2019\nyears=5\nprocedure_year=2024\nmonth=12\n"
	"amount=179034\nfull=236579\nvalue=123450\nobserved=229900\nmin=150000\nmax=650000\n"
	"measure=measure.m_value\nconvention=convention.partial\ngiven=employment.main\nwhat=figure.amount\n"
	"provenance=provenance.secondary\npayee=payee.bank_account\n"
	"tier=T1\ntier_id=t1\nrequires=T2\nrequires_id=t2\nprofession=P\nwhy=W\nsource=S\ntext=X\nmissing=M\n"
	"threshold=H\nid=I\nstate=S2\nnotice=N\nmilestone=M2\nfile=F\nnext=N2\ndetail=D\nstatus=status.io\nnext_id=n1\neuros=E\nlines=1200\nproviders=300\nevent=E\n"
	"last=2017\nreading=R\ndispute=d\ndispute_name=dispute.thresholds\ndefault=R1\nalternative=R2\napplied=R1\n"
	"verdict_default=V1\nverdict_alternative=V2\nverdict=V\n"
	"pct=3\nbase_pct=100\nbase=B\nage=40\nrate=1\nyearly=Y\nvalued=20460101";

/* French or Dutch texts that are rightly the English ones: symbols and words the languages share. */
static const char *const same_as_english[] = {
	"check_state.held", "check_state.assumed", "measure.prestations.fr", "detail.minimum_activity.join.nl",
};

static int allowed_same(const char *id, const char *lang)
{
	char key[160];
	snprintf(key, sizeof(key), "%s.%s", id, lang);
	for (size_t i = 0; i < sizeof(same_as_english) / sizeof(same_as_english[0]); i++)
		if (strcmp(same_as_english[i], id) == 0 || strcmp(same_as_english[i], key) == 0)
			return 1;
	return 0;
}

START_TEST(test_every_message_in_every_language)
{
	static const char *const langs[3] = { "en", "fr", "nl" };
	char text[3][2048];
	size_t n = inami_message_count();

	ck_assert_uint_gt(n, 150);
	for (size_t i = 0; i < n; i++) {
		const char *id = inami_message_id(i);
		ck_assert_ptr_nonnull(id);
		for (int l = 0; l < 3; l++) {
			const char *tpl = inami_message_template(id, (inami_lang)l);
			ck_assert_msg(tpl != NULL && tpl[0] != '\0', "message '%s' has no %s text", id, langs[l]);
			int st = inami_message_format(id, (inami_lang)l, sample, text[l], sizeof(text[l]));
			ck_assert_msg(st == INAMI_OK, "message '%s' (%s) does not fill: %s", id, langs[l], inami_error_last());
			ck_assert_msg(text[l][0] != '\0', "message '%s' (%s) is empty", id, langs[l]);
			ck_assert_msg(strchr(text[l], '{') == NULL && strchr(text[l], '}') == NULL,
				"message '%s' (%s) keeps a placeholder: %s", id, langs[l], text[l]);
		}
		for (int l = 1; l < 3; l++)
			ck_assert_msg(strcmp(text[l], text[0]) != 0 || allowed_same(id, langs[l]),
				"message '%s' in %s is the English text: %s", id, langs[l], text[l]);
		if (i > 0)
			ck_assert_msg(strcmp(inami_message_id(i - 1), id) < 0, "ids out of order at '%s'", id);
	}
	ck_assert_ptr_null(inami_message_id(n));
}
END_TEST

/* Every id the library asks for exists: the labels of checks, dossier states, events, notices, actions, milestones. */
START_TEST(test_labels_come_from_the_catalogue)
{
	static const char *const checks[] = { "conventioned", "partial_convention", "whole_year", "employment",
		"no_sanction", "retirement", "threshold_exemption", "minimum_activity", "maximum_activity", "contract" };
	for (int l = 0; l < 3; l++) {
		for (size_t i = 0; i < sizeof(checks) / sizeof(checks[0]); i++)
			ck_assert_ptr_nonnull(inami_check_label(checks[i], (inami_lang)l));
		for (int s = 0; s < INAMI_DOSSIER_STATE_COUNT; s++)
			ck_assert_ptr_nonnull(inami_dossier_state_label((inami_dossier_state)s, (inami_lang)l));
		for (int k = 0; k < INAMI_EVENT_KIND_COUNT; k++)
			ck_assert_ptr_nonnull(inami_event_kind_label((inami_dossier_event_kind)k, (inami_lang)l));
		for (int k = 0; k < INAMI_NOTICE_COUNT; k++)
			ck_assert_ptr_nonnull(inami_notice_label((inami_notice)k, (inami_lang)l));
		for (int k = 0; k < INAMI_ACTION_COUNT; k++)
			ck_assert_ptr_nonnull(inami_action_label((inami_action)k, (inami_lang)l));
	}
	ck_assert_str_eq(inami_check_label("conventioned", INAMI_LANG_NL), "Geconventioneerd");
	ck_assert_ptr_null(inami_check_label("lunch", INAMI_LANG_EN));
	ck_assert_ptr_null(inami_check_label("conventioned", (inami_lang)3));
	ck_assert_str_eq(inami_dossier_state_label(INAMI_DOSSIER_CLOSED, INAMI_LANG_FR), "cl\xc3\xb4tur\xc3\xa9");
}
END_TEST

/* The contest window's days come from procedure_calendar.csv, not from the text. */
START_TEST(test_contest_window_from_the_calendar)
{
	inami_timeline *t = NULL;
	inami_milestone m;
	char expect[128];

	ck_assert_int_eq(inami_procedure_timeline(&t, INAMI_PHYSIOTHERAPIST, 2023), INAMI_OK);
	memset(&m, 0, sizeof(m));
	m.version = INAMI_MILESTONE_VERSION;
	ck_assert_int_eq(inami_timeline_find(t, "contest_window", &m), INAMI_OK);
	ck_assert_int_gt(m.relative_days, 0);
	snprintf(expect, sizeof(expect), "contest within %d calendar days of the decision", m.relative_days);
	ck_assert_str_eq(inami_milestone_label("contest_window", INAMI_LANG_EN), expect);
	snprintf(expect, sizeof(expect), "betwisting binnen %d kalenderdagen na de beslissing", m.relative_days);
	ck_assert_str_eq(inami_milestone_label("contest_window", INAMI_LANG_NL), expect);
	inami_timeline_free(t);
}
END_TEST

START_TEST(test_formats)
{
	char b[64];

	ck_assert_int_eq(inami_amount_format(179034, INAMI_LANG_FR, b, sizeof(b)), INAMI_OK);
	ck_assert_str_eq(b, "1 790,34 \xe2\x82\xac");
	ck_assert_int_eq(inami_amount_format(179034, INAMI_LANG_NL, b, sizeof(b)), INAMI_OK);
	ck_assert_str_eq(b, "\xe2\x82\xac 1.790,34");
	ck_assert_int_eq(inami_amount_format(179034, INAMI_LANG_EN, b, sizeof(b)), INAMI_OK);
	ck_assert_str_eq(b, "EUR 1,790.34");
	ck_assert_int_eq(inami_amount_format(-123456789, INAMI_LANG_EN, b, sizeof(b)), INAMI_OK);
	ck_assert_str_eq(b, "EUR -1,234,567.89");
	ck_assert_int_eq(inami_amount_format(5, INAMI_LANG_FR, b, sizeof(b)), INAMI_OK);
	ck_assert_str_eq(b, "0,05 \xe2\x82\xac");
	ck_assert_int_eq(inami_amount_format(179034, INAMI_LANG_EN, b, 8), INAMI_EBUFS);
	ck_assert_int_eq(inami_amount_format(1, (inami_lang)7, b, sizeof(b)), INAMI_EINVAL);
	ck_assert_int_eq(inami_amount_format(1, INAMI_LANG_EN, NULL, 8), INAMI_ENULL);

	ck_assert_int_eq(inami_date_format_lang(20231231, INAMI_LANG_FR, b, sizeof(b)), INAMI_OK);
	ck_assert_str_eq(b, "31/12/2023");
	ck_assert_int_eq(inami_date_format_lang(20240105, INAMI_LANG_NL, b, sizeof(b)), INAMI_OK);
	ck_assert_str_eq(b, "05-01-2024");
	ck_assert_int_eq(inami_date_format_lang(20240105, INAMI_LANG_EN, b, sizeof(b)), INAMI_OK);
	ck_assert_str_eq(b, "2024-01-05");
	ck_assert_int_eq(inami_date_format_lang(20230230, INAMI_LANG_EN, b, sizeof(b)), INAMI_EINVAL);

	ck_assert_int_eq(inami_decimal_format(200000, INAMI_LANG_FR, b, sizeof(b)), INAMI_OK);
	ck_assert_str_eq(b, "2 000");
	ck_assert_int_eq(inami_decimal_format(123450, INAMI_LANG_NL, b, sizeof(b)), INAMI_OK);
	ck_assert_str_eq(b, "1.234,5");
	ck_assert_int_eq(inami_decimal_format(1205, INAMI_LANG_FR, b, sizeof(b)), INAMI_OK);
	ck_assert_str_eq(b, "12,05");
	ck_assert_int_eq(inami_decimal_format(123450, INAMI_LANG_EN, b, sizeof(b)), INAMI_OK);
	ck_assert_str_eq(b, "1234.5");

	ck_assert_uint_eq(inami_text_width("d\xc3\xa9" "cision"), 8);
	ck_assert_uint_eq(inami_text_width("\xe2\x82\xac 5"), 3);
	ck_assert_uint_eq(inami_text_width(NULL), 0);
}
END_TEST

START_TEST(test_status_texts)
{
	for (int st = INAMI_OK; st >= INAMI_EBUFS; st--)
		for (int l = 0; l < 3; l++)
			ck_assert_msg(inami_status_text(st, (inami_lang)l) != NULL, "status %d has no text", st);
	ck_assert_str_eq(inami_status_text(INAMI_ENORULES, INAMI_LANG_FR),
		"pas de r\xc3\xa8gles pour cette profession et cette ann\xc3\xa9" "e de prime");
	for (int st = INAMI_OK; st >= INAMI_EBUFS; st--)
		ck_assert_str_eq(inami_status_text(st, INAMI_LANG_EN), inami_strerror(st));
	ck_assert_ptr_null(inami_status_text(INAMI_EBUFS - 1, INAMI_LANG_EN));
	ck_assert_ptr_null(inami_status_text(1, INAMI_LANG_EN));
	ck_assert_ptr_null(inami_status_text(INAMI_EIO, (inami_lang)3));
}
END_TEST

START_TEST(test_format_errors)
{
	char b[256];

	ck_assert_int_eq(inami_message_format("no.such.message", INAMI_LANG_EN, NULL, b, sizeof(b)), INAMI_ENOTFOUND);
	ck_assert_int_eq(inami_message_format("eval.heading", INAMI_LANG_FR, "profession=P", b, sizeof(b)), INAMI_EINVAL);
	ck_assert_ptr_nonnull(strstr(inami_error_last(), "'year'"));
	ck_assert_int_eq(inami_message_format("eval.heading", INAMI_LANG_FR, "profession=P\nyear=twenty", b, sizeof(b)),
		INAMI_EINVAL);
	ck_assert_int_eq(inami_message_format("detail.whole_year.mid_year", INAMI_LANG_EN, "date=20231301", b, sizeof(b)),
		INAMI_EINVAL);
	ck_assert_int_eq(inami_message_format("detail.maximum_activity.within", INAMI_LANG_EN,
		"measure=measure.lunch\nobserved=1\nmax=2", b, sizeof(b)), INAMI_ENOTFOUND);
	ck_assert_int_eq(inami_message_format("eval.heading", INAMI_LANG_EN, "profession=physiotherapist\nyear=2023",
		b, 10), INAMI_EBUFS);
	ck_assert_str_eq(b, "physiothe");
	ck_assert_int_eq(inami_message_format("eval.heading", INAMI_LANG_NL, "profession=kinesitherapeut\nyear=2023",
		b, sizeof(b)), INAMI_OK);
	ck_assert_str_eq(b, "kinesitherapeut, premiejaar 2023");
	ck_assert_int_eq(inami_message_format(NULL, INAMI_LANG_EN, NULL, b, sizeof(b)), INAMI_ENULL);
}
END_TEST

START_TEST(test_load_and_override)
{
	static const char good[] = "inami-messages 1\n# a local wording\n"
		"eval.checks.fr = Les conditions :\ncustom.hello.en = hello {who}\ncustom.hello.fr = bonjour {who}\n";
	char b[128];
	size_t before = inami_message_count();

	ck_assert_int_eq(inami_messages_load_text(good, strlen(good), "local"), INAMI_OK);
	ck_assert_str_eq(inami_message_template("eval.checks", INAMI_LANG_FR), "Les conditions :");
	ck_assert_str_eq(inami_message_template("eval.checks", INAMI_LANG_NL), "Voorwaarden:");
	ck_assert_uint_eq(inami_message_count(), before + 1);
	ck_assert_int_eq(inami_message_format("custom.hello", INAMI_LANG_FR, "who=Anne", b, sizeof(b)), INAMI_OK);
	ck_assert_str_eq(b, "bonjour Anne");
	/* no Dutch text: English is used, and the template says there is none */
	ck_assert_int_eq(inami_message_format("custom.hello", INAMI_LANG_NL, "who=Anne", b, sizeof(b)), INAMI_OK);
	ck_assert_str_eq(b, "hello Anne");
	ck_assert_ptr_null(inami_message_template("custom.hello", INAMI_LANG_NL));

	/* a bad file changes nothing */
	static const char *const bad[] = {
		"eval.checks.fr = x\n", "inami-messages 1\neval.checks.de = x\n", "inami-messages 1\neval.checks.fr =\n",
		"inami-messages 1\neval.checks.fr = {oops\n", "inami-messages 1\neval.checks.fr = a {b:euro}\n",
		"inami-messages 1\nEval.checks.fr = x\n", "inami-messages 1\nno equals sign\n", "",
		"inami-messages 1\ncustom.new.fr = ok\neval.checks.fr = }\n",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ck_assert_int_eq(inami_messages_load_text(bad[i], strlen(bad[i]), "bad"), INAMI_EPARSE);
		ck_assert_ptr_nonnull(strstr(inami_error_last(), "bad"));
	}
	ck_assert_str_eq(inami_message_template("eval.checks", INAMI_LANG_FR), "Les conditions :");
	ck_assert_ptr_null(inami_message_template("custom.new", INAMI_LANG_FR));
	ck_assert_uint_eq(inami_message_count(), before + 1);

	ck_assert_int_eq(inami_messages_load("/nonexistent/messages.catalogue"), INAMI_EIO);
	inami_messages_reset();
	ck_assert_str_eq(inami_message_template("eval.checks", INAMI_LANG_FR), "Conditions :");
	ck_assert_ptr_null(inami_message_template("custom.hello", INAMI_LANG_EN));
	ck_assert_uint_eq(inami_message_count(), before);
}
END_TEST

/* An evaluation in French and Dutch: details, labels and notes in the language, numbers in its format. */
START_TEST(test_evaluation_in_three_languages)
{
	inami_eval_input in = test_input("physiotherapist", 2022);
	inami_eval_options o = INAMI_EVAL_OPTIONS_INIT;
	inami_result *r = NULL;

	in.prestations = 2299;
	o.lang = INAMI_LANG_FR;
	ck_assert_int_eq(inami_evaluate(test_rules(), &in, &o, &r), INAMI_OK);
	const inami_check *k = test_find_check(r, "minimum_activity");
	ck_assert_ptr_nonnull(strstr(k->detail, "prestations : 2 299 \xe2\x89\xa5 1 500"));
	ck_assert_ptr_nonnull(strstr(test_find_check(r, "conventioned")->detail, "statut social"));
	inami_result_free(r);
	o.lang = INAMI_LANG_NL;
	ck_assert_int_eq(inami_evaluate(test_rules(), &in, &o, &r), INAMI_OK);
	ck_assert_ptr_nonnull(strstr(test_find_check(r, "minimum_activity")->detail, "verstrekkingen: 2.299"));
	ck_assert_ptr_nonnull(strstr(test_find_check(r, "conventioned")->detail, "sociaal statuut"));
	inami_result_free(r);
	o.lang = INAMI_LANG_EN;
	in.retired = 1;
	in.premium_year = 2023;
	in.profession = INAMI_DENTIST;
	in.prestations = 300;
	ck_assert_int_eq(inami_evaluate(test_rules(), &in, &o, &r), INAMI_OK);
	const char *d = test_find_check(r, "retirement")->detail;
	ck_assert_ptr_nonnull(strstr(d, "convention advantage"));
	ck_assert_ptr_null(strstr(d, "avantage de convention"));
	inami_result_free(r);
}
END_TEST

/* The dossier's text form with comments in a language reads back to the same dossier. */
START_TEST(test_dossier_text_in_a_language)
{
	inami_dossier_options o = INAMI_DOSSIER_OPTIONS_INIT;
	inami_dossier_event e = INAMI_DOSSIER_EVENT_INIT;
	inami_dossier *d = NULL, *back = NULL;
	char *plain = NULL, *fr = NULL, *again = NULL;
	size_t len = 0;

	o.profession = INAMI_PHYSIOTHERAPIST;
	o.premium_year = 2023;
	ck_assert_int_eq(inami_dossier_new(&d, &o), INAMI_OK);
	e.kind = INAMI_EVENT_CONTRACT_RECEIVED;
	e.date = 20240201;
	ck_assert_int_eq(inami_dossier_apply(d, &e, NULL), INAMI_OK);
	ck_assert_int_eq(inami_dossier_serialize_lang(d, INAMI_LANG_FR, &fr, &len), INAMI_OK);
	ck_assert_uint_eq(len, strlen(fr));
	ck_assert_ptr_nonnull(strstr(fr, "\n# kin\xc3\xa9sith\xc3\xa9rapeute, ann\xc3\xa9" "e de prime 2023\n"));
	ck_assert_ptr_nonnull(strstr(fr, "\n# l'assureur a transmis les donn\xc3\xa9" "es du contrat ; ensuite : "));
	ck_assert_ptr_nonnull(strstr(fr, "\nstate contract_received\n# \xc3\xa9tat : "));
	ck_assert_int_eq(inami_dossier_parse(&back, fr, len, "fr.txt"), INAMI_OK);
	ck_assert_int_eq(inami_dossier_serialize(d, &plain, NULL), INAMI_OK);
	ck_assert_int_eq(inami_dossier_serialize(back, &again, NULL), INAMI_OK);
	ck_assert_str_eq(plain, again);
	ck_assert_ptr_null(strchr(plain, '#'));
	char *none = (char *)1;
	ck_assert_int_eq(inami_dossier_serialize_lang(d, (inami_lang)3, &none, NULL), INAMI_EINVAL);
	ck_assert_ptr_null(none);
	inami_free(plain);
	inami_free(fr);
	inami_free(again);
	inami_dossier_free(d);
	inami_dossier_free(back);
}
END_TEST

/* Readers fill messages while another thread loads overrides: every text read is the embedded or the loaded one. */
static int stop_readers;

static void *reader(void *arg)
{
	char b[128];
	long bad = 0;
	(void)arg;
	while (!__atomic_load_n(&stop_readers, __ATOMIC_ACQUIRE)) {
		if (inami_message_format("eval.checks", INAMI_LANG_FR, NULL, b, sizeof(b)) != INAMI_OK ||
		    (strcmp(b, "Conditions :") != 0 && strcmp(b, "Les conditions :") != 0))
			bad++;
		const char *l = inami_check_label("contract", INAMI_LANG_NL);
		if (l == NULL || strcmp(l, "E\xc3\xa9n in aanmerking komend verzekeringscontract") != 0)
			bad++;
	}
	return (void *)bad;
}

START_TEST(test_load_while_reading)
{
	static const char text[] = "inami-messages 1\neval.checks.fr = Les conditions :\n";
	pthread_t th[4];

	__atomic_store_n(&stop_readers, 0, __ATOMIC_RELEASE);
	for (int i = 0; i < 4; i++)
		ck_assert_int_eq(pthread_create(&th[i], NULL, reader, NULL), 0);
	for (int k = 0; k < 300; k++)
		ck_assert_int_eq(inami_messages_load_text(text, strlen(text), "loop"), INAMI_OK);
	__atomic_store_n(&stop_readers, 1, __ATOMIC_RELEASE);
	for (int i = 0; i < 4; i++) {
		void *bad;
		ck_assert_int_eq(pthread_join(th[i], &bad), 0);
		ck_assert_ptr_null(bad);
	}
	inami_messages_reset();
	ck_assert_str_eq(inami_message_template("eval.checks", INAMI_LANG_FR), "Conditions :");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("messages");
	TCase *tc = tcase_create("messages");
	tcase_add_test(tc, test_every_message_in_every_language);
	tcase_add_test(tc, test_labels_come_from_the_catalogue);
	tcase_add_test(tc, test_contest_window_from_the_calendar);
	tcase_add_test(tc, test_formats);
	tcase_add_test(tc, test_status_texts);
	tcase_add_test(tc, test_format_errors);
	tcase_add_test(tc, test_load_and_override);
	tcase_add_test(tc, test_evaluation_in_three_languages);
	tcase_add_test(tc, test_load_while_reading);
	tcase_add_test(tc, test_dossier_text_in_a_language);
	suite_add_tcase(s, tc);
	return test_run(s);
}
