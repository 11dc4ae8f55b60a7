/* `inami dossier`: the yearly procedure's timeline, and a dossier kept in a text file. */
/* flock() is BSD, not POSIX */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

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
	int lang_given;        /* --lang given: the saved file gets comments in that language */
	const char *file, *event, *date, *amount, *note;
} args;

enum {
	O_HELP, O_JSON, O_RETIRED, O_BANK, O_FORCE, O_PROFESSION, O_YEAR, O_LANG, O_FILE, O_EVENT, O_DATE,
	O_AMOUNT, O_NOTE, O_COUNT
};

static const cli_option options[O_COUNT] = {
	[O_HELP] = { "--help", 0, 1 }, [O_JSON] = { "--json", 0, 0 }, [O_RETIRED] = { "--retired", 0, 0 },
	[O_BANK] = { "--bank-account", 0, 0 }, [O_FORCE] = { "--force", 0, 0 },
	[O_PROFESSION] = { "--profession", 1, 0 }, [O_YEAR] = { "--year", 1, 0 }, [O_LANG] = { "--lang", 1, 0 },
	[O_FILE] = { "--file", 1, 0 }, [O_EVENT] = { "--event", 1, 0 }, [O_DATE] = { "--date", 1, 0 },
	[O_AMOUNT] = { "--amount", 1, 0 }, [O_NOTE] = { "--note", 1, 0 },
};

static int parse_args(int argc, char **argv, args *a)
{
	unsigned char seen[O_COUNT] = { 0 };
	const char *v;

	memset(a, 0, sizeof(*a));
	a->lang = INAMI_LANG_EN;
	for (int i = 2; i < argc; i++) {
		int o = cli_next_option(argc, argv, &i, options, O_COUNT, seen, "dossier", &v);
		switch (o) {
		case CLI_ARG_ERROR:
			return CLI_EXIT_USAGE;
		case CLI_ARG_POSITIONAL:
		case O_EVENT:
			if (a->event)
				return cli_usage_error("dossier: unexpected argument '%s' (one EVENT)", o == O_EVENT ? v : argv[i]);
			a->event = o == O_EVENT ? v : argv[i];
			break;
		case O_JSON: a->json = 1; break;
		case O_RETIRED: a->retired = 1; break;
		case O_BANK: a->bank = 1; break;
		case O_FORCE: a->force = 1; break;
		case O_PROFESSION: {
			const inami_ruleset *rs;
			int st = inami_ruleset_default(&rs);
			if (st != INAMI_OK)
				return cli_library_error(st);
			if ((st = cli_parse_profession(rs, v, &a->profession)) != 0)
				return st;
			break;
		}
		case O_YEAR: {
			int64_t y;
			int rc = cli_parse_int64("--year", v, &y);
			if (rc)
				return rc;
			if (y < 1900 || y > 2200)
				return cli_usage_error("--year: %s is not a premium year", v);
			a->year = (int)y;
			a->have_year = 1;
			break;
		}
		case O_LANG:
			if (inami_lang_from_id(v, &a->lang) != INAMI_OK)
				return cli_usage_error("--lang: %s", inami_error_last());
			a->lang_given = 1;
			break;
		case O_FILE: a->file = v; break;
		case O_DATE: a->date = v; break;
		case O_AMOUNT: a->amount = v; break;
		case O_NOTE: a->note = v; break;
		default: break;
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

/* The profession's name in `lang` (its id when the rules cannot say). */
static const char *profession_name(inami_profession p, inami_lang lang)
{
	const inami_ruleset *rs;
	const char *name = NULL;

	if (inami_ruleset_default(&rs) == INAMI_OK)
		name = inami_rules_profession_label(rs, p, lang);
	return name ? name : inami_profession_id(p);
}

/* A date as a person reads it in `lang`; "-" for none. */
static void date_text(inami_date d, inami_lang lang, char *buf, size_t size)
{
	if (d == 0 || inami_date_format_lang(d, lang, buf, size) != INAMI_OK)
		snprintf(buf, size, "-");
}

/* When a milestone falls: its date (as precise as known), "decision+60d", or "not found", in `lang`. */
static void milestone_when(const inami_milestone *m, inami_lang lang, char *buf, size_t size)
{
	if (m->precision == INAMI_PRECISION_RELATIVE)
		cli_text(buf, size, lang, "dossier.after_decision", "days=%d", m->relative_days);
	else if (m->precision == INAMI_PRECISION_DAY && m->date)
		date_text(m->date, lang, buf, size);
	else if (m->precision == INAMI_PRECISION_MONTH && m->date)
		cli_text(buf, size, lang, "dossier.month", "year=%04d\nmonth=%02d", (int)(m->date / 10000),
			(int)(m->date / 100 % 100));
	else if (m->iso[0])
		snprintf(buf, size, "%s", m->iso);
	else
		cli_text(buf, size, lang, "dossier.not_found", "%s", "");
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
		char line[256];
		puts(cli_text(line, sizeof(line), a->lang, "dossier.heading", "profession=%s\nyear=%d\nprocedure_year=%d",
			profession_name(a->profession, a->lang), a->year, a->year + 1));
	}
	/* Columns padded by display width: the widest "when" and label of this timeline. */
	size_t when_width = 0, label_width = 0;
	for (size_t i = 0; !a->json && i < inami_timeline_count(t); i++) {
		inami_milestone m;
		char when[64];
		memset(&m, 0, sizeof(m));
		m.version = INAMI_MILESTONE_VERSION;
		inami_timeline_milestone(t, i, &m);
		milestone_when(&m, a->lang, when, sizeof(when));
		if (inami_text_width(when) > when_width)
			when_width = inami_text_width(when);
		if (inami_text_width(inami_milestone_label(m.id, a->lang)) > label_width)
			label_width = inami_text_width(inami_milestone_label(m.id, a->lang));
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
			char when[64], prov[64], id[48];
			milestone_when(&m, a->lang, when, sizeof(when));
			snprintf(id, sizeof(id), "provenance.%s", inami_provenance_id(m.provenance));
			cli_text(prov, sizeof(prov), a->lang, id, "%s", "");
			fputs("  ", stdout);
			cli_print_padded(when, when_width + 1);
			cli_print_padded(label ? label : m.id, label_width + 1);
			printf("[%s]\n", prov);
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

/* Everything `fd` holds (at most 16 MiB); NULL on error with errno set. */
static char *read_fd(int fd, size_t *len)
{
	char *buf = NULL;
	size_t cap = 0;

	*len = 0;
	for (;;) {
		if (*len + 4096 > cap) {
			if (cap >= ((size_t)16 << 20)) {
				free(buf);
				errno = EFBIG;
				return NULL;
			}
			char *nb = realloc(buf, cap = cap ? cap * 2 : 8192);
			if (nb == NULL) {
				free(buf);
				errno = ENOMEM;
				return NULL;
			}
			buf = nb;
		}
		ssize_t n = read(fd, buf + *len, cap - *len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int e = errno;
			free(buf);
			errno = e;
			return NULL;
		}
		if (n == 0)
			break;
		*len += (size_t)n;
	}
	return buf;
}

static int io_error(const char *what, const char *path)
{
	return cli_error(CLI_EXIT_ERROR, "io", "cannot %s dossier '%s': %s", what, path, strerror(errno ? errno : EIO));
}

/*
 * Open `path` and hold an exclusive advisory lock on it for a read-modify-write.
 * Writers replace the file by rename, so a lock taken on a file that was
 * replaced meanwhile is on a stale inode: check, and lock the new one.
 */
static int open_locked(const char *path, int *out, struct stat *st)
{
	for (;;) {
		struct stat now;
		int fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			return io_error("read", path);
		while (flock(fd, LOCK_EX) != 0) {
			if (errno != EINTR) {
				int rc = io_error("lock", path);
				close(fd);
				return rc;
			}
		}
		if (fstat(fd, st) == 0 && stat(path, &now) == 0 && now.st_dev == st->st_dev && now.st_ino == st->st_ino) {
			*out = fd;
			return 0;
		}
		close(fd);
	}
}

static int parse_text(const char *path, char *text, size_t len, inami_dossier **out)
{
	int st = inami_dossier_parse(out, text, len, path);
	free(text);
	return st == INAMI_OK ? 0 : cli_library_error(st);
}

static int load(const char *path, inami_dossier **out)
{
	size_t len;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return io_error("read", path);
	char *text = read_fd(fd, &len);
	int e = errno;
	close(fd);
	if (text == NULL) {
		errno = e;
		return io_error("read", path);
	}
	return parse_text(path, text, len, out);
}

/* The directory of `path` ("." when it has none), for the temporary file and the directory sync. */
static void dir_of(const char *path, char *dir, size_t size)
{
	const char *slash = strrchr(path, '/');
	if (slash == NULL)
		snprintf(dir, size, ".");
	else if (slash == path)
		snprintf(dir, size, "/");
	else
		snprintf(dir, size, "%.*s", (int)(slash - path), path);
}

static int write_all(int fd, const char *text, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, text, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		text += n;
		len -= (size_t)n;
	}
	return 0;
}

/*
 * Write the dossier so that `path` always holds a whole dossier, old or new,
 * even across a crash: a unique temporary file in the same directory (mkstemp),
 * written and fsynced, given `mode`, then renamed over `path` (or linked, when
 * `exclusive`, so an existing file is never replaced), and the directory
 * fsynced so the new name is durable. A dossier may hold an IBAN in its notes,
 * so a new file is private to its owner (0600). With a language (lang >= 0), comment lines say
 * in it what the events did.
 */
static int save(const inami_dossier *d, const char *path, int exclusive, mode_t mode, int lang)
{
	char *text = NULL;
	size_t len = 0;
	char tmp[4096], dir[4096];
	int st = lang >= 0 ? inami_dossier_serialize_lang(d, (inami_lang)lang, &text, &len) :
		inami_dossier_serialize(d, &text, &len);

	if (st != INAMI_OK)
		return cli_library_error(st);
	if (path == NULL) {
		fwrite(text, 1, len, stdout);
		inami_free(text);
		return 0;
	}
	dir_of(path, dir, sizeof(dir));
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	if (snprintf(tmp, sizeof(tmp), "%s/.%s.XXXXXX", dir, base) >= (int)sizeof(tmp)) {
		inami_free(text);
		errno = ENAMETOOLONG;
		return io_error("write", path);
	}
	int fd = mkstemp(tmp);
	if (fd < 0) {
		inami_free(text);
		return io_error("write", path);
	}
	int ok = write_all(fd, text, len) == 0 && fchmod(fd, mode & 07777) == 0 && fsync(fd) == 0;
	int e = errno;
	inami_free(text);
	if (close(fd) != 0 && ok) {
		ok = 0;
		e = errno;
	}
	if (ok && exclusive) {
		ok = link(tmp, path) == 0;
		e = errno;
		unlink(tmp);
		if (!ok && e == EEXIST)
			return cli_usage_error("'%s' exists (use --force to replace it)", path);
	} else if (ok) {
		ok = rename(tmp, path) == 0;
		e = errno;
	}
	if (!ok) {
		unlink(tmp);
		errno = e;
		return io_error("write", path);
	}
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		/* some file systems refuse fsync on a directory (EINVAL): the rename stands */
		if (fsync(dfd) != 0 && errno != EINVAL) {
			int rc = io_error("sync the directory of", path);
			close(dfd);
			return rc;
		}
		close(dfd);
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
	mode_t mode = 0600;
	struct stat old;
	/* --force over an existing dossier keeps its mode */
	if (a->file && a->force && stat(a->file, &old) == 0)
		mode = old.st_mode;
	int rc = save(d, a->file, !a->force, mode, a->lang_given ? (int)a->lang : -1);
	if (rc == 0 && a->file)
	{
		char line[512];
		puts(cli_text(line, sizeof(line), a->lang, "dossier.created", "file=%s\nprofession=%s\nyear=%d\nstate=%s",
			a->file, profession_name(a->profession, a->lang), a->year,
			inami_dossier_state_label(INAMI_DOSSIER_CONTRACT_PENDING, a->lang)));
	}
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
	/* read, apply and write under the lock, so that concurrent applies are all kept */
	int fd = -1;
	struct stat was;
	size_t len;
	if ((rc = open_locked(a->file, &fd, &was)) != 0)
		return rc;
	char *text = read_fd(fd, &len);
	if (text == NULL) {
		rc = io_error("read", a->file);
		close(fd);
		return rc;
	}
	if ((rc = parse_text(a->file, text, len, &d)) != 0) {
		close(fd);
		return rc;
	}
	int st = inami_dossier_apply(d, &e, &n);
	if (st != INAMI_OK) {
		inami_dossier_free(d);
		close(fd);
		return cli_library_error(st);
	}
	rc = save(d, a->file, 0, was.st_mode, a->lang_given ? (int)a->lang : -1);
	close(fd);
	if (rc != 0) {
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
		char line[512], notice[384], when[32];
		puts(cli_text(line, sizeof(line), a->lang, "dossier.state", "id=%s\nstate=%s", inami_dossier_state_id(s),
			inami_dossier_state_label(s, a->lang)));
		if (n.notice == INAMI_NOTICE_NONE)
			snprintf(notice, sizeof(notice), "%s", inami_notice_label(n.notice, a->lang));
		else
			snprintf(notice, sizeof(notice), "%s%s%s", inami_notice_label(n.notice, a->lang),
				n.action ? ": " : "", n.action ? inami_action_label(n.action, a->lang) : "");
		puts(cli_text(line, sizeof(line), a->lang, "dossier.notification", "id=%s\nnotice=%s",
			inami_notice_id(n.notice), notice));
		if (n.deadline) {
			date_text(n.deadline, a->lang, when, sizeof(when));
			puts(cli_text(line, sizeof(line), a->lang, "dossier.deadline", "date=%s", when));
		}
	}
	inami_dossier_free(d);
	return 0;
}

/* The widest event label of the dossier's history in `lang`. */
static size_t history_width(const inami_dossier *d, inami_lang lang)
{
	size_t w = 0;

	for (size_t i = 0; i < inami_dossier_history_count(d); i++) {
		inami_dossier_event e;
		inami_dossier_state after;
		inami_dossier_history(d, i, &e, &after);
		if (inami_text_width(inami_event_kind_label(e.kind, lang)) > w)
			w = inami_text_width(inami_event_kind_label(e.kind, lang));
	}
	return w;
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
		char line[512], when[64];
		puts(cli_text(line, sizeof(line), a->lang, inami_dossier_retired(d) ? "dossier.heading_retired" :
			"dossier.heading_show", "profession=%s\nyear=%d", profession_name(inami_dossier_profession(d), a->lang),
			inami_dossier_premium_year(d)));
		puts(cli_text(line, sizeof(line), a->lang, "dossier.state", "id=%s\nstate=%s", inami_dossier_state_id(s),
			inami_dossier_state_label(s, a->lang)));
		if (inami_dossier_amount_cents(d) >= 0)
			puts(cli_text(line, sizeof(line), a->lang, "dossier.amount", "amount=%lld",
				(long long)inami_dossier_amount_cents(d)));
		if (have_deadline) {
			date_text(deadline, a->lang, buf, sizeof(buf));
			snprintf(when, sizeof(when), "%s", buf);
			puts(cli_text(line, sizeof(line), a->lang, "dossier.deadline_of", "date=%s\nmilestone=%s", when,
				inami_milestone_label(milestone, a->lang)));
		}
		fputs(cli_text(line, sizeof(line), a->lang, "dossier.allowed", "%s", ""), stdout);
		for (int k = 0; k < INAMI_EVENT_KIND_COUNT; k++)
			if (inami_dossier_allows(d, (inami_dossier_event_kind)k))
				printf(" %s", inami_event_kind_id((inami_dossier_event_kind)k));
		printf("\n%s\n", cli_text(line, sizeof(line), a->lang, "dossier.history", "%s", ""));
	}
	size_t label_width = a->json ? 0 : history_width(d, a->lang);   /* one column for every row */
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
			char when[32];
			date_text(e.date, a->lang, when, sizeof(when));
			fputs("  ", stdout);
			cli_print_padded(when, 11);
			cli_print_padded(inami_event_kind_label(e.kind, a->lang), label_width + 1);
			printf("-> %s%s%s\n", inami_dossier_state_label(after, a->lang), e.note ? "  " : "", e.note ? e.note : "");
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
