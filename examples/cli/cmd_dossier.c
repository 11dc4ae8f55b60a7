/* `inami dossier`: the yearly procedure's timeline, and a dossier kept in a text file. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "json.h"

static void usage(FILE *out)
{
	fputs("usage: inami dossier timeline --profession P --year Y [--lang fr|nl|en] [--json]\n"
	      "       inami dossier new --profession P --year Y [--retired] [--bank-account] [--file F [--force]]\n"
	      "       inami dossier apply --file F EVENT [--date YYYY-MM-DD] [--amount EUR] [--note TEXT]\n"
	      "                           [--lang fr|nl|en] [--json]\n"
	      "       inami dossier show --file F [--lang fr|nl|en] [--json]\n"
	      "\ntimeline: the milestones of a premium year's procedure, dates from the sourced calendar\n"
	      "  (a date the sources do not give is shown as not found, never guessed).\n"
	      "new: writes a new dossier (state contract_pending) to F, or to stdout without --file.\n"
	      "apply: applies EVENT to the dossier in F, rewrites F and prints INAMI's notification;\n"
	      "  an event not allowed in the current state (or after its deadline) leaves F untouched.\n"
	      "Events: contract_received contract_changed contract_linked contract_chosen evaluated\n"
	      "  conditions_not_met no_contract_linked extra_info_requested extra_info_submitted\n"
	      "  decision_full decision_partial decision_refused contested paid bank_account_registered closed\n"
	      "Exit 0 done, 1 the library refused the input, 2 bad command line.\n", out);
}

typedef struct args {
	inami_profession profession;
	int year, have_year, retired, bank, force, json;
	inami_lang lang;
	const char *file, *event, *date, *amount, *note;
} args;

static int parse_args(int argc, char **argv, args *a)
{
	const char *v;
	memset(a, 0, sizeof(*a));
	a->lang = INAMI_LANG_EN;
	for (int i = 2; i < argc; i++) {
		const char *o = argv[i];
		if (strcmp(o, "--json") == 0) {
			a->json = 1;
		} else if (strcmp(o, "--retired") == 0) {
			a->retired = 1;
		} else if (strcmp(o, "--bank-account") == 0) {
			a->bank = 1;
		} else if (strcmp(o, "--force") == 0) {
			a->force = 1;
		} else if (strncmp(o, "--", 2) != 0) {
			if (a->event)
				return cli_usage_error("unexpected argument '%s'", o);
			a->event = o;
		} else if ((v = cli_option_value(argc, argv, &i)) == NULL) {
			return CLI_EXIT_USAGE;
		} else if (strcmp(o, "--profession") == 0) {
			if (inami_profession_from_id(v, &a->profession) != INAMI_OK)
				return cli_usage_error("%s", inami_error_last());
		} else if (strcmp(o, "--year") == 0) {
			int64_t y;
			int rc = cli_parse_int64(o, v, &y);
			if (rc)
				return rc;
			if (y < 1900 || y > 2200)
				return cli_usage_error("--year: %s is not a premium year", v);
			a->year = (int)y;
			a->have_year = 1;
		} else if (strcmp(o, "--lang") == 0) {
			if (inami_lang_from_id(v, &a->lang) != INAMI_OK)
				return cli_usage_error("--lang: %s", inami_error_last());
		} else if (strcmp(o, "--file") == 0) {
			a->file = v;
		} else if (strcmp(o, "--event") == 0) {
			a->event = v;
		} else if (strcmp(o, "--date") == 0) {
			a->date = v;
		} else if (strcmp(o, "--amount") == 0) {
			a->amount = v;
		} else if (strcmp(o, "--note") == 0) {
			a->note = v;
		} else {
			return cli_usage_error("unknown option '%s' (try 'inami dossier --help')", o);
		}
	}
	return 0;
}

static void iso(inami_date d, char *buf, size_t size)
{
	if (d)
		snprintf(buf, size, "%04d-%02d-%02d", (int)(d / 10000), (int)(d / 100 % 100), (int)(d % 100));
	else
		snprintf(buf, size, "-");
}

static int timeline(const args *a)
{
	inami_timeline *t = NULL;
	json_writer w;

	if (a->profession == INAMI_PROFESSION_NONE || !a->have_year)
		return cli_usage_error("timeline needs --profession P and --year Y");
	int st = inami_procedure_timeline(&t, a->profession, a->year);
	if (st != INAMI_OK)
		return cli_library_error(st);
	if (a->json) {
		json_init(&w, stdout);
		json_begin_object(&w);
		json_profession_year(&w, inami_profession_id(a->profession), a->year);
		json_key(&w, "milestones");
		json_begin_array(&w);
	} else {
		printf("%s, premium year %d (procedure in %d)\n", inami_profession_id(a->profession), a->year, a->year + 1);
	}
	for (size_t i = 0; i < inami_timeline_count(t); i++) {
		inami_milestone m;
		memset(&m, 0, sizeof(m));
		m.version = INAMI_MILESTONE_VERSION;
		inami_timeline_milestone(t, i, &m);
		const char *label = inami_milestone_label(m.id, a->lang);
		if (a->json) {
			json_begin_object(&w);
			json_key(&w, "id");
			json_string(&w, m.id);
			json_key(&w, "date");
			json_string(&w, m.iso[0] ? m.iso : NULL);
			json_key(&w, "precision");
			json_string(&w, m.precision == INAMI_PRECISION_DAY ? "day" : m.precision == INAMI_PRECISION_MONTH
				? "month" : m.precision == INAMI_PRECISION_RELATIVE ? "relative" : "none");
			if (m.precision == INAMI_PRECISION_RELATIVE) {
				json_key(&w, "days_after_decision");
				json_int(&w, m.relative_days);
			}
			json_key(&w, "label");
			json_string(&w, label);
			json_key(&w, "rule");
			json_string(&w, m.rule);
			json_key(&w, "provenance");
			json_string(&w, inami_provenance_id(m.provenance));
			json_key(&w, "source");
			json_string(&w, m.source);
			json_end_object(&w);
		} else {
			char when[32];
			if (m.precision == INAMI_PRECISION_RELATIVE)
				snprintf(when, sizeof(when), "decision+%dd", m.relative_days);
			else
				snprintf(when, sizeof(when), "%s", m.iso[0] ? m.iso : "not found");
			printf("  %-12s %-52s [%s]\n", when, label, inami_provenance_id(m.provenance));
		}
	}
	if (a->json) {
		json_end_array(&w);
		json_end_object(&w);
		json_end(&w);
	}
	inami_timeline_free(t);
	return 0;
}

static char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0;

	*len = 0;
	if (f == NULL)
		return NULL;
	for (;;) {
		if (*len + 4096 > cap) {
			char *nb = realloc(buf, cap = cap ? cap * 2 : 8192);
			if (nb == NULL || cap > ((size_t)16 << 20)) {
				free(nb ? nb : buf);
				fclose(f);
				return NULL;
			}
			buf = nb;
		}
		size_t n = fread(buf + *len, 1, cap - *len, f);
		*len += n;
		if (n == 0)
			break;
	}
	fclose(f);
	return buf;
}

static int load(const char *path, inami_dossier **out)
{
	size_t len;
	char *text = read_all(path, &len);
	if (text == NULL) {
		fprintf(stderr, "inami: cannot read dossier '%s': %s\n", path, strerror(errno ? errno : EIO));
		return CLI_EXIT_ERROR;
	}
	int st = inami_dossier_parse(out, text, len, path);
	free(text);
	return st == INAMI_OK ? 0 : cli_library_error(st);
}

/* Write atomically: a temporary file next to `path`, then rename. */
static int save(const inami_dossier *d, const char *path, int exclusive)
{
	char *text = NULL;
	size_t len = 0;
	char tmp[4096];
	int st = inami_dossier_serialize(d, &text, &len);

	if (st != INAMI_OK)
		return cli_library_error(st);
	if (path == NULL) {
		fwrite(text, 1, len, stdout);
		inami_free(text);
		return 0;
	}
	if (exclusive) {
		FILE *probe = fopen(path, "rb");
		if (probe) {
			fclose(probe);
			inami_free(text);
			return cli_usage_error("'%s' exists (use --force to replace it)", path);
		}
	}
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	FILE *f = fopen(tmp, "wb");
	int ok = f != NULL && fwrite(text, 1, len, f) == len;
	if (f && fclose(f) != 0)
		ok = 0;
	inami_free(text);
	if (!ok || rename(tmp, path) != 0) {
		fprintf(stderr, "inami: cannot write dossier '%s': %s\n", path, strerror(errno));
		remove(tmp);
		return CLI_EXIT_ERROR;
	}
	return 0;
}

static int create(const args *a)
{
	inami_dossier_options o = INAMI_DOSSIER_OPTIONS_INIT;
	inami_dossier *d = NULL;

	if (a->profession == INAMI_PROFESSION_NONE || !a->have_year)
		return cli_usage_error("new needs --profession P and --year Y");
	o.profession = a->profession;
	o.premium_year = a->year;
	o.retired = a->retired;
	o.has_bank_account = a->bank;
	int st = inami_dossier_new(&d, &o);
	if (st != INAMI_OK)
		return cli_library_error(st);
	int rc = save(d, a->file, !a->force);
	if (rc == 0 && a->file)
		printf("%s: new dossier, %s premium year %d, state contract_pending\n", a->file,
			inami_profession_id(a->profession), a->year);
	inami_dossier_free(d);
	return rc;
}

static int apply(const args *a)
{
	inami_dossier *d = NULL;
	inami_dossier_event e = INAMI_DOSSIER_EVENT_INIT;
	inami_notification n = INAMI_NOTIFICATION_INIT;
	int rc;

	if (a->file == NULL || a->event == NULL)
		return cli_usage_error("apply needs --file F and an EVENT");
	if (inami_event_kind_from_id(a->event, &e.kind) != INAMI_OK)
		return cli_usage_error("unknown event '%s' (see 'inami dossier --help')", a->event);
	if (a->date && inami_date_parse(a->date, &e.date) != INAMI_OK)
		return cli_usage_error("--date: %s", inami_error_last());
	if (a->amount && inami_euros_parse(a->amount, 1, &e.amount_cents) != INAMI_OK)
		return cli_usage_error("--amount: %s", inami_error_last());
	if (a->amount && e.amount_cents < 0)
		return cli_usage_error("--amount: '%s' is negative", a->amount);
	e.note = a->note;
	if ((rc = load(a->file, &d)) != 0)
		return rc;
	int st = inami_dossier_apply(d, &e, &n);
	if (st != INAMI_OK) {
		inami_dossier_free(d);
		return cli_library_error(st);
	}
	if ((rc = save(d, a->file, 0)) != 0) {
		inami_dossier_free(d);
		return rc;
	}
	char deadline[16];
	iso(n.deadline, deadline, sizeof(deadline));
	inami_dossier_state s = inami_dossier_current(d);
	if (a->json) {
		json_writer w;
		json_init(&w, stdout);
		json_begin_object(&w);
		json_key(&w, "event");
		json_string(&w, a->event);
		json_key(&w, "state");
		json_string(&w, inami_dossier_state_id(s));
		json_key(&w, "state_label");
		json_string(&w, inami_dossier_state_label(s, a->lang));
		json_key(&w, "notification");
		json_begin_object(&w);
		json_key(&w, "id");
		json_string(&w, inami_notice_id(n.notice));
		json_key(&w, "label");
		json_string(&w, inami_notice_label(n.notice, a->lang));
		json_key(&w, "action");
		json_string(&w, n.action ? inami_action_id(n.action) : NULL);
		json_key(&w, "action_label");
		json_string(&w, n.action ? inami_action_label(n.action, a->lang) : NULL);
		json_key(&w, "deadline");
		json_string(&w, n.deadline ? deadline : NULL);
		json_key(&w, "provenance");
		json_string(&w, inami_provenance_id(n.provenance));
		json_end_object(&w);
		json_end_object(&w);
		json_end(&w);
	} else {
		printf("state: %s (%s)\n", inami_dossier_state_id(s), inami_dossier_state_label(s, a->lang));
		if (n.notice == INAMI_NOTICE_NONE)
			printf("notification: none\n");
		else
			printf("notification: %s - %s%s%s [%s]\n", inami_notice_id(n.notice), inami_notice_label(n.notice, a->lang),
				n.action ? ": " : "", n.action ? inami_action_label(n.action, a->lang) : "",
				inami_provenance_id(n.provenance));
		if (n.deadline)
			printf("deadline: %s\n", deadline);
	}
	inami_dossier_free(d);
	return 0;
}

static int show(const args *a)
{
	inami_dossier *d = NULL;
	inami_date deadline = 0;
	const char *milestone = NULL;
	char buf[32];
	json_writer w;
	int rc;

	if (a->file == NULL)
		return cli_usage_error("show needs --file F");
	if ((rc = load(a->file, &d)) != 0)
		return rc;
	inami_dossier_state s = inami_dossier_current(d);
	int have_deadline = inami_dossier_deadline(d, &deadline, &milestone) == INAMI_OK;
	if (a->json) {
		json_init(&w, stdout);
		json_begin_object(&w);
		json_profession_year(&w, inami_profession_id(inami_dossier_profession(d)),
			inami_dossier_premium_year(d));
		json_key(&w, "retired");
		json_bool(&w, inami_dossier_retired(d));
		json_key(&w, "bank_account");
		json_bool(&w, inami_dossier_has_bank_account(d));
		json_key(&w, "contracts");
		json_int(&w, inami_dossier_contracts(d));
		json_key(&w, "state");
		json_string(&w, inami_dossier_state_id(s));
		json_key(&w, "state_label");
		json_string(&w, inami_dossier_state_label(s, a->lang));
		json_key(&w, "amount_cents");
		if (inami_dossier_amount_cents(d) >= 0)
			json_int(&w, inami_dossier_amount_cents(d));
		else
			json_null(&w);
		json_key(&w, "deadline");
		if (have_deadline) {
			iso(deadline, buf, sizeof(buf));
			json_begin_object(&w);
			json_key(&w, "id");
			json_string(&w, milestone);
			json_key(&w, "date");
			json_string(&w, buf);
			json_end_object(&w);
		} else {
			json_null(&w);
		}
		json_key(&w, "allowed_events");
		json_begin_array(&w);
		for (int k = 0; k < INAMI_EVENT_KIND_COUNT; k++)
			if (inami_dossier_allows(d, (inami_dossier_event_kind)k))
				json_string(&w, inami_event_kind_id((inami_dossier_event_kind)k));
		json_end_array(&w);
		json_key(&w, "history");
		json_begin_array(&w);
	} else {
		printf("%s, premium year %d%s\nstate: %s (%s)\n", inami_profession_id(inami_dossier_profession(d)),
			inami_dossier_premium_year(d), inami_dossier_retired(d) ? ", retired" : "",
			inami_dossier_state_id(s), inami_dossier_state_label(s, a->lang));
		if (inami_dossier_amount_cents(d) >= 0 && inami_euros_format(inami_dossier_amount_cents(d), buf, sizeof(buf)) == INAMI_OK)
			printf("amount: %s EUR\n", buf);
		if (have_deadline) {
			iso(deadline, buf, sizeof(buf));
			printf("deadline: %s (%s)\n", buf, inami_milestone_label(milestone, a->lang));
		}
		printf("allowed events:");
		for (int k = 0; k < INAMI_EVENT_KIND_COUNT; k++)
			if (inami_dossier_allows(d, (inami_dossier_event_kind)k))
				printf(" %s", inami_event_kind_id((inami_dossier_event_kind)k));
		printf("\nhistory:\n");
	}
	for (size_t i = 0; i < inami_dossier_history_count(d); i++) {
		inami_dossier_event e;
		inami_dossier_state after;
		inami_dossier_history(d, i, &e, &after);
		iso(e.date, buf, sizeof(buf));
		if (a->json) {
			json_begin_object(&w);
			json_key(&w, "event");
			json_string(&w, inami_event_kind_id(e.kind));
			json_key(&w, "date");
			json_string(&w, e.date ? buf : NULL);
			json_key(&w, "state_after");
			json_string(&w, inami_dossier_state_id(after));
			json_key(&w, "note");
			json_string(&w, e.note);
			json_end_object(&w);
		} else {
			printf("  %-10s %-24s -> %s%s%s\n", buf, inami_event_kind_id(e.kind), inami_dossier_state_id(after),
				e.note ? "  " : "", e.note ? e.note : "");
		}
	}
	if (a->json) {
		json_end_array(&w);
		json_end_object(&w);
		json_end(&w);
	}
	inami_dossier_free(d);
	return 0;
}

int cmd_dossier(int argc, char **argv)
{
	args a;
	int rc;

	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(argc < 2 ? stderr : stdout);
		return argc < 2 ? CLI_EXIT_USAGE : 0;
	}
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			usage(stdout);
			return 0;
		}
	}
	if ((rc = parse_args(argc, argv, &a)) != 0)
		return rc;
	if (strcmp(argv[1], "timeline") == 0)
		return timeline(&a);
	if (strcmp(argv[1], "new") == 0)
		return create(&a);
	if (strcmp(argv[1], "apply") == 0)
		return apply(&a);
	if (strcmp(argv[1], "show") == 0)
		return show(&a);
	return cli_usage_error("unknown dossier command '%s' (timeline, new, apply, show)", argv[1]);
}
