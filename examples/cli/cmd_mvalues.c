/*
 * `inami mvalues`: key-letter totals (M, R, V) per provider from a billing
 * CSV, streamed in constant memory, optionally evaluated for a premium year.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "json.h"

/* Exit status when totals were made but some provider's are in error (overflow, below zero). */
#define EXIT_PROVIDER_ERROR 3

static void usage(FILE *out)
{
	fputs("usage: inami mvalues FILE.csv [--year Y [--profession P]] [--nomenclature FILE]...\n"
	      "                     [--allow-derived] [--skip-bad] [--rules FILE]... [--json|--csv]\n"
	      "                     [--threads N] [--delimiter ','|';'] [--columns ROLE=NAME,...]\n"
	      "                     [--lang fr|nl|en]\n"
	      "\nFILE.csv has a header provider,code,quantity (optional date, YYYY-MM-DD or DD/MM/YYYY);\n"
	      "'-' reads standard input. Comma or semicolon separated (detected from the header, or\n"
	      "--delimiter), RFC 4180 quotes, CRLF and a UTF-8 byte order mark accepted. --columns maps\n"
	      "other header names to the four columns: provider=NIHII,code=CODE,quantity=QTE,date=DATE\n"
	      "(names matched ignoring case). --threads 1 reads a file on one thread; 2 (the default)\n"
	      "lets a file of 4 MiB or more be read by a second thread too.\n"
	      "Prints per provider the prestations, the key-letter totals (M, R, V) and the\n"
	      "codes without a value. --year Y counts only lines dated in Y (lines dated in other years\n"
	      "are counted and reported, undated lines are added and reported); with --profession it\n"
	      "also gives the tier reached, the amount and what is missing for the next tier.\n"
	      "--nomenclature loads a CSV over the embedded codes (docs/billing.md). DERIVED code values\n"
	      "count only with --allow-derived. --lang gives the text output in French or Dutch.\n"
	      "Exit status: 0 totals made; 1 malformed file or library error; 2 bad command line;\n"
	      "3 totals made but some provider's are in error (overflow or below zero: its status says\n"
	      "which).\n",
	      out);
}

typedef struct opts {
	const char *path;
	int year;
	inami_profession profession;
	int json, csv, skip_bad, allow_derived;
	unsigned threads;
	char delimiter;        /* 0 = detect */
	char *columns[4];      /* provider, code, quantity, date header names (NULL = default) */
	inami_lang lang;       /* of the text output */
} opts;

typedef struct totals {
	size_t n;
	int64_t *kv, *prest, *amount, *miss_p, *miss_k, *outside, *undated;
	uint32_t *flags;
	int32_t *status, *tier, *eligible, *eval_status;
} totals;

static void totals_free(totals *t)
{
	free(t->kv);
	free(t->prest);
	free(t->amount);
	free(t->miss_p);
	free(t->miss_k);
	free(t->outside);
	free(t->undated);
	free(t->flags);
	free(t->status);
	free(t->tier);
	free(t->eligible);
	free(t->eval_status);
}

static int totals_alloc(totals *t, size_t n)
{
	size_t m = n ? n : 1;
	t->n = n;
	t->kv = calloc(m * INAMI_KEY_LETTER_COUNT, sizeof(int64_t));
	t->prest = calloc(m, sizeof(int64_t));
	t->amount = calloc(m, sizeof(int64_t));
	t->miss_p = calloc(m, sizeof(int64_t));
	t->miss_k = calloc(m, sizeof(int64_t));
	t->outside = calloc(m, sizeof(int64_t));
	t->undated = calloc(m, sizeof(int64_t));
	t->flags = calloc(m, sizeof(uint32_t));
	t->status = calloc(m, sizeof(int32_t));
	t->tier = calloc(m, sizeof(int32_t));
	t->eligible = calloc(m, sizeof(int32_t));
	t->eval_status = calloc(m, sizeof(int32_t));
	return t->kv && t->prest && t->amount && t->miss_p && t->miss_k && t->outside && t->undated
		&& t->flags && t->status
		&& t->tier && t->eligible && t->eval_status;
}

/*
 * A file is read by the library with `threads`; standard input ("-") here,
 * in read() blocks fed to the reader, with a progress line when stderr is a
 * terminal.
 */
/* A reader's error; a header without a needed column also says how to map one. */
static int read_error(int st)
{
	const char *msg = inami_error_last();
	if (st == INAMI_EPARSE && strstr(msg, ": the header has no '") != NULL) {
		fprintf(stderr, "inami: %s; map them with --columns provider=NAME,code=NAME,quantity=NAME[,date=NAME]\n",
			msg);
		return CLI_EXIT_ERROR;
	}
	return cli_library_error(st);
}

static int read_input(inami_billing_csv *r, const char *path, unsigned threads)
{
	if (strcmp(path, "-") != 0) {
		inami_csv_read_options ro = INAMI_CSV_READ_OPTIONS_INIT;
		ro.threads = threads;
		int rst = inami_billing_csv_read_file(r, path, &ro);
		return rst == INAMI_OK ? 0 : read_error(rst);
	}
	int progress = isatty(2), st = INAMI_OK;
	size_t cap = 1u << 20;
	char *buf = malloc(cap);
	int64_t bytes = 0;
	time_t last = time(NULL);
	if (buf == NULL) {
		fprintf(stderr, "inami: out of memory\n");
		return CLI_EXIT_ERROR;
	}
	for (;;) {
		ssize_t got = read(0, buf, cap);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			fprintf(stderr, "inami: standard input: %s\n", strerror(errno));
			free(buf);
			return CLI_EXIT_ERROR;
		}
		if (got == 0)
			break;
		bytes += got;
		st = inami_billing_csv_feed(r, buf, (size_t)got);
		if (st != INAMI_OK)
			break;
		if (progress && time(NULL) != last) {
			last = time(NULL);
			fprintf(stderr, "\rinami: %lld lines, %lld MB read", (long long)inami_billing_csv_line_count(r),
				(long long)(bytes >> 20));
		}
	}
	free(buf);
	if (progress)
		fprintf(stderr, "\r%60s\r", "");
	if (st == INAMI_OK)
		st = inami_billing_csv_finish(r);
	return st == INAMI_OK ? 0 : read_error(st);
}

static const char *status_id(int st)
{
	switch (st) {
	case INAMI_OK: return "ok";
	case INAMI_EOVERFLOW: return "overflow";
	case INAMI_ENEGATIVE: return "negative";
	default: return inami_strerror(st);
	}
}

static const char *const flag_ids[] = { "derived_values_used", "validity_unknown", "undated_lines",
	"disputed_value_used", "incomplete" };

/* Decimal digits of v at buf (no terminator); returns the length (at most 20). */
static size_t int_text(int64_t v, char *buf)
{
	/* two digits per division: "00" "01" ... "99" */
	static const char pairs[] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
		"40414243444546474849505152535455565758596061626364656667686970717273747576777879"
		"8081828384858687888990919293949596979899";
	char t[24];
	size_t n = sizeof(t), len = 0;
	uint64_t a = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
	while (a >= 100) {
		unsigned r = (unsigned)(a % 100);
		a /= 100;
		t[--n] = pairs[2 * r + 1];
		t[--n] = pairs[2 * r];
	}
	if (a >= 10) {
		t[--n] = pairs[2 * a + 1];
		t[--n] = pairs[2 * a];
	} else {
		t[--n] = (char)('0' + a);
	}
	if (v < 0)
		buf[len++] = '-';
	memcpy(buf + len, t + n, sizeof(t) - n);
	return len + sizeof(t) - n;
}

/* Key-letter value in hundredths as text: 4000 -> "40", 1750 -> "17.5" (buf has 32 bytes); returns its length. */
static size_t key_text(int64_t v, char *buf)
{
	uint64_t a = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
	size_t n = 0;
	if (v < 0)
		buf[n++] = '-';
	n += int_text((int64_t)(a / 100), buf + n);
	unsigned cents = (unsigned)(a % 100);
	if (cents != 0) {
		buf[n++] = '.';
		buf[n++] = (char)('0' + cents / 10);
		if (cents % 10 != 0)
			buf[n++] = (char)('0' + cents % 10);
	}
	buf[n] = '\0';
	return n;
}

/* Output built in memory and written in 64 KB fwrite() calls (line_flush() writes the rest). */
typedef struct line {
	char text[65536];
	size_t len;
} line;

static void line_put_n(line *l, const char *s, size_t n)
{
	if (l->len + n >= sizeof(l->text)) {
		fwrite(l->text, 1, l->len, stdout);
		l->len = 0;
		if (n >= sizeof(l->text)) {
			fputs(s, stdout);
			return;
		}
	}
	memcpy(l->text + l->len, s, n);
	l->len += n;
}

/* Inlined, so that the length of a literal is known when compiling (20,000 providers: ~20 pieces each). */
static inline __attribute__((always_inline)) void line_put(line *l, const char *s)
{
	line_put_n(l, s, strlen(s));
}

static void line_int(line *l, int64_t v)
{
	char buf[24];
	line_put_n(l, buf, int_text(v, buf));
}

static void line_key(line *l, int64_t v)
{
	char buf[32];
	line_put_n(l, buf, key_text(v, buf));
}

static void line_flush(line *l)
{
	fwrite(l->text, 1, l->len, stdout);
	l->len = 0;
}

static void line_end(line *l)
{
	line_put(l, "\n");
}

/* A nomenclature code as 6 digits at least (567011, 012345). */
static void line_code(line *l, int32_t code)
{
	char buf[24];
	size_t n = int_text(code < 0 ? 0 : code, buf), pad = n < 6 ? 6 - n : 0;
	char out[24] = "000000";
	memcpy(out + pad, buf, n);
	line_put_n(l, out, pad + n);
}

/* A CSV field, quoted (RFC 4180) when it holds a comma, a quote or a line break. */
static void line_csv_field(line *l, const char *s)
{
	if (strpbrk(s, ",\"\r\n") == NULL) {
		line_put(l, s);
		return;
	}
	line_put(l, "\"");
	for (const char *q; (q = strchr(s, '"')) != NULL; s = q + 1) {
		line_put_n(l, s, (size_t)(q - s) + 1);
		line_put(l, "\"");
	}
	line_put(l, s);
	line_put(l, "\"");
}

typedef struct ctx {
	const opts *o;
	inami_billing_csv *reader;
	inami_billing *b;
	const totals *t;
	const inami_ruleset *rules;
	int letter;      /* profession's key letter or -1 */
	size_t ntiers;
	const char *no_eval;   /* why the profession cannot be evaluated from billing lines, or NULL */
	int64_t outside, undated;  /* with --year: lines left out, undated lines */
	size_t in_error;       /* providers whose totals are in error */
} ctx;

static const char *tier_id(const ctx *c, int index)
{
	inami_tier_info info;
	memset(&info, 0, sizeof(info));
	info.version = INAMI_TIER_INFO_VERSION;
	if (index < 0 || (size_t)index >= c->ntiers
		|| inami_rules_tier(c->rules, c->o->profession, c->o->year, (size_t)index, &info) != INAMI_OK)
		return NULL;
	return info.id;
}

/* The next tier above `index` that is not for trainees only (NULL at the top). */
static const char *next_tier_id(const ctx *c, int index)
{
	for (int i = index + 1; (size_t)i < c->ntiers; i++) {
		inami_tier_info info;
		memset(&info, 0, sizeof(info));
		info.version = INAMI_TIER_INFO_VERSION;
		if (inami_rules_tier(c->rules, c->o->profession, c->o->year, (size_t)i, &info) == INAMI_OK
			&& !info.trainee_only)
			return info.id;
	}
	return NULL;
}

static void json_key_value(json_writer *w, int64_t v)
{
	char buf[32];
	key_text(v, buf);
	json_raw(w, buf);
}

static void print_json(const ctx *c)
{
	json_writer w;
	const totals *t = c->t;
	json_init(&w, stdout);
	json_begin_object(&w);
	json_key(&w, "lines");
	json_int(&w, inami_billing_csv_line_count(c->reader));
	json_key(&w, "skipped_lines");
	json_int(&w, inami_billing_csv_skipped_count(c->reader));
	if (inami_billing_csv_skipped_count(c->reader) > 0) {
		json_key(&w, "first_skipped");
		json_string(&w, inami_billing_csv_first_skipped(c->reader));
	}
	if (c->rules) {
		json_profession_year(&w, inami_profession_id(c->o->profession), c->o->year);
	} else if (c->o->year) {
		json_key(&w, "premium_year");
		json_int(&w, c->o->year);
	}
	if (c->o->year) {
		json_key(&w, "lines_outside_year");
		json_int(&w, c->outside);
		json_key(&w, "undated_lines");
		json_int(&w, c->undated);
	}
	if (c->no_eval) {
		json_key(&w, "not_evaluated");
		json_string(&w, c->no_eval);
	}
	json_key(&w, "providers_in_error");
	json_begin_array(&w);
	for (size_t p = 0; p < t->n; p++)
		if (t->status[p] != INAMI_OK)
			json_string(&w, inami_billing_csv_provider_id(c->reader, p));
	json_end_array(&w);
	json_key(&w, "providers");
	json_begin_array(&w);
	for (size_t p = 0; p < t->n; p++) {
		json_begin_object(&w);
		json_key(&w, "provider");
		json_string(&w, inami_billing_csv_provider_id(c->reader, p));
		json_key(&w, "status");
		json_string(&w, status_id(t->status[p]));
		json_key(&w, "prestations");
		if (t->status[p] == INAMI_OK)
			json_int(&w, t->prest[p]);
		else
			json_null(&w);
		json_key(&w, "key_values");
		json_begin_object(&w);
		for (int k = 0; k < INAMI_KEY_LETTER_COUNT && t->status[p] == INAMI_OK; k++) {
			if (t->kv[p * 3 + (size_t)k] != 0 || k == c->letter) {
				json_key(&w, inami_key_letter_id((inami_key_letter)k));
				json_key_value(&w, t->kv[p * 3 + (size_t)k]);
			}
		}
		json_end_object(&w);
		json_key(&w, "unknown_codes");
		json_begin_array(&w);
		size_t nu = 0;
		inami_billing_unvalued_count(c->b, (uint32_t)p, &nu);
		for (size_t i = 0; i < nu; i++) {
			int32_t code;
			inami_unvalued_reason reason;
			int64_t q;
			char buf[16];
			if (inami_billing_unvalued(c->b, (uint32_t)p, i, &code, &q, &reason) != INAMI_OK)
				continue;
			snprintf(buf, sizeof(buf), "%06d", (int)code);
			json_begin_object(&w);
			json_key(&w, "code");
			json_string(&w, buf);
			json_key(&w, "quantity");
			json_int(&w, q);
			json_key(&w, "reason");
			json_string(&w, inami_unvalued_reason_id(reason));
			json_end_object(&w);
		}
		json_end_array(&w);
		json_key(&w, "notes");
		json_begin_array(&w);
		for (int f = 0; f < 5; f++)
			if (t->flags[p] & (1u << f))
				json_string(&w, flag_ids[f]);
		json_end_array(&w);
		if (c->o->year) {
			json_key(&w, "lines_outside_year");
			json_int(&w, t->outside[p]);
			json_key(&w, "undated_lines");
			json_int(&w, t->undated[p]);
		}
		if (c->rules && !c->no_eval) {
			int ok = t->eval_status[p] == INAMI_OK;
			json_key(&w, "evaluation_status");
			json_string(&w, ok ? "ok" : inami_strerror(t->eval_status[p]));
			json_key(&w, "eligible");
			json_bool(&w, ok && t->eligible[p]);
			json_key(&w, "tier");
			json_string(&w, ok ? tier_id(c, t->tier[p]) : NULL);
			json_key(&w, "amount_cents");
			json_int(&w, ok ? t->amount[p] : 0);
			json_key(&w, "next_tier");
			json_string(&w, ok ? next_tier_id(c, t->tier[p]) : NULL);
			json_key(&w, "missing");
			json_begin_object(&w);
			if (ok && t->miss_p[p] >= 0) {
				json_key(&w, "prestations");
				json_int(&w, t->miss_p[p]);
			}
			if (ok && t->miss_k[p] >= 0 && c->letter >= 0) {
				json_key(&w, inami_key_letter_id((inami_key_letter)c->letter));
				json_key_value(&w, t->miss_k[p]);
			}
			json_end_object(&w);
		}
		json_end_object(&w);
	}
	json_end_array(&w);
	json_end_object(&w);
	json_end(&w);
}

/* Unknown codes as "567011:3:unknown_code;..." (CSV) or "567011 x3 (unknown_code), ..." (text). */
static void put_unknown(line *l, const ctx *c, size_t p, int csv)
{
	size_t nu = 0;
	inami_billing_unvalued_count(c->b, (uint32_t)p, &nu);
	for (size_t i = 0; i < nu; i++) {
		int32_t code;
		inami_unvalued_reason reason;
		int64_t q;
		if (inami_billing_unvalued(c->b, (uint32_t)p, i, &code, &q, &reason) != INAMI_OK)
			continue;
		line_put(l, i ? (csv ? ";" : ", ") : "");
		line_code(l, code);
		line_put(l, csv ? ":" : " x");
		line_int(l, q);
		line_put(l, csv ? ":" : " (");
		if (csv) {
			line_put(l, inami_unvalued_reason_id(reason));
		} else {
			char id[64], text[160];
			snprintf(id, sizeof(id), "unvalued.%s", inami_unvalued_reason_id(reason));
			line_put(l, cli_text(text, sizeof(text), c->o->lang, id, "%s", ""));
		}
		if (!csv)
			line_put(l, ")");
	}
}

static void print_csv(const ctx *c)
{
	const totals *t = c->t;
	line l;
	l.len = 0;
	line_put(&l, "provider,status,prestations,M,R,V,unknown_codes,notes");
	if (c->rules && !c->no_eval)
		line_put(&l, ",eligible,tier,amount_eur,next_tier,missing_prestations,missing_key_value");
	if (c->o->year)
		line_put(&l, ",lines_outside_year,undated_lines");
	line_end(&l);
	for (size_t p = 0; p < t->n; p++) {
		const int64_t *kv = t->kv + p * 3;
		line_csv_field(&l, inami_billing_csv_provider_id(c->reader, p));
		line_put(&l, ",");
		line_put(&l, status_id(t->status[p]));
		line_put(&l, ",");
		line_int(&l, t->prest[p]);
		for (int k = 0; k < INAMI_KEY_LETTER_COUNT; k++) {
			line_put(&l, ",");
			line_key(&l, kv[k]);
		}
		line_put(&l, ",");
		put_unknown(&l, c, p, 1);
		line_put(&l, ",");
		for (int f = 0, first = 1; f < 5; f++)
			if (t->flags[p] & (1u << f)) {
				line_put(&l, first ? "" : ";");
				line_put(&l, flag_ids[f]);
				first = 0;
			}
		if (c->rules && !c->no_eval) {
			int ok = t->eval_status[p] == INAMI_OK;
			const char *tier = ok ? tier_id(c, t->tier[p]) : NULL, *next = ok ? next_tier_id(c, t->tier[p]) : NULL;
			char amount[32] = "";
			if (ok)
				inami_euros_format(t->amount[p], amount, sizeof(amount));
			line_put(&l, ",");
			line_put(&l, ok ? (t->eligible[p] ? "yes" : "no") : inami_strerror(t->eval_status[p]));
			line_put(&l, ",");
			line_put(&l, tier ? tier : "");
			line_put(&l, ",");
			line_put(&l, amount);
			line_put(&l, ",");
			line_put(&l, next ? next : "");
			line_put(&l, ",");
			if (ok && t->miss_p[p] >= 0)
				line_int(&l, t->miss_p[p]);
			line_put(&l, ",");
			if (ok && t->miss_k[p] >= 0)
				line_key(&l, t->miss_k[p]);
		}
		if (c->o->year) {
			line_put(&l, ",");
			line_int(&l, t->outside[p]);
			line_put(&l, ",");
			line_int(&l, t->undated[p]);
		}
		line_end(&l);
	}
	line_flush(&l);
}

/* Print catalogue message `id` in the output's language, values printf-style. */
static void say(const ctx *c, const char *id, const char *values_fmt, ...) CLI_PRINTF(3, 4);

static void say(const ctx *c, const char *id, const char *values_fmt, ...)
{
	char values[1024], text[2048];
	va_list ap;

	va_start(ap, values_fmt);
	vsnprintf(values, sizeof(values), values_fmt, ap);
	va_end(ap);
	fputs(cli_text(text, sizeof(text), c->o->lang, id, "%s", values), stdout);
}

/* The label of tier `id` in the output's language (the id when the rules name none). */
static const char *tier_name(const ctx *c, const char *id)
{
	const char *label = id ? inami_rules_tier_label(c->rules, id, c->o->lang) : NULL;
	return label ? label : (id ? id : "");
}

static void print_text(const ctx *c)
{
	const totals *t = c->t;
	line l;
	l.len = 0;
	char buf[32];
	say(c, "mvalues.summary", "lines=%lld00\nproviders=%zu00", (long long)inami_billing_csv_line_count(c->reader), t->n);
	if (inami_billing_csv_skipped_count(c->reader) > 0)
		say(c, "mvalues.skipped", "count=%lld00\nfirst=%s", (long long)inami_billing_csv_skipped_count(c->reader),
			inami_billing_csv_first_skipped(c->reader));
	printf("\n");
	if (c->o->year && c->outside > 0) {
		say(c, c->outside == 1 ? "mvalues.outside.one" : "mvalues.outside.many", "count=%lld00\nyear=%d",
			(long long)c->outside, c->o->year);
		putchar('\n');
	}
	if (c->o->year && c->undated > 0) {
		say(c, c->undated == 1 ? "mvalues.undated.one" : "mvalues.undated.many", "count=%lld00", (long long)c->undated);
		putchar('\n');
	}
	if (c->no_eval) {
		say(c, "mvalues.not_evaluated", "why=%s", c->no_eval);
		putchar('\n');
	}
	for (size_t p = 0; p < t->n; p++) {
		printf("%s: ", inami_billing_csv_provider_id(c->reader, p));
		if (t->status[p] != INAMI_OK) {
			say(c, t->status[p] == INAMI_EOVERFLOW ? "mvalues.error.overflow" : "mvalues.error.negative", "%s", "");
			putchar('\n');
			continue;
		}
		say(c, "mvalues.count", "count=%lld00\nmeasure=measure.prestations", (long long)t->prest[p]);
		for (int k = 0; k < INAMI_KEY_LETTER_COUNT; k++) {
			if (t->kv[p * 3 + (size_t)k] != 0 || k == c->letter) {
				inami_decimal_format(t->kv[p * 3 + (size_t)k], c->o->lang, buf, sizeof(buf));
				printf(", %s %s", inami_key_letter_id((inami_key_letter)k), buf);
			}
		}
		size_t nu = 0;
		inami_billing_unvalued_count(c->b, (uint32_t)p, &nu);
		if (nu) {
			say(c, "mvalues.without_value", "%s", "");
			putchar(' ');
			put_unknown(&l, c, p, 0);
			line_flush(&l);
		}
		for (int f = 0; f < 5; f++)
			if (t->flags[p] & (1u << f)) {
				char id[64], text[160];
				snprintf(id, sizeof(id), "flag.%s", flag_ids[f]);
				printf(" [%s]", cli_text(text, sizeof(text), c->o->lang, id, "%s", ""));
			}
		if (c->o->year && t->outside[p] > 0)
			say(c, "mvalues.outside_provider", "count=%lld00\nyear=%d", (long long)t->outside[p], c->o->year);
		if (c->rules && !c->no_eval) {
			if (t->eval_status[p] != INAMI_OK) {
				say(c, "mvalues.status", "status=%s", inami_status_text(t->eval_status[p], c->o->lang));
			} else {
				const char *next = next_tier_id(c, t->tier[p]);
				inami_euros_format(t->amount[p], buf, sizeof(buf));
				if (t->eligible[p])
					say(c, "mvalues.tier", "tier_id=%s\ntier=%s\neuros=%s\namount=%lld", tier_id(c, t->tier[p]),
						tier_name(c, tier_id(c, t->tier[p])), buf, (long long)t->amount[p]);
				else
					say(c, "mvalues.no_tier", "%s", "");
				if (next) {
					say(c, "mvalues.missing", "next_id=%s\nnext=%s", next, tier_name(c, next));
					if (t->miss_p[p] >= 0) {
						putchar(' ');
						say(c, "mvalues.count", "count=%lld00\nmeasure=measure.prestations", (long long)t->miss_p[p]);
					}
					if (t->miss_k[p] >= 0 && c->letter >= 0) {
						if (t->miss_p[p] >= 0) {
							putchar(' ');
							say(c, "mvalues.or", "%s", "");
						}
						inami_decimal_format(t->miss_k[p], c->o->lang, buf, sizeof(buf));
						printf(" %s %s", buf, inami_key_letter_id((inami_key_letter)c->letter));
					}
				}
			}
		}
		putchar('\n');
	}
}

/*
 * NULL when some tier of the profession-year counts prestations or the
 * profession's key letter (what billing lines give); else why no evaluation
 * can come from them, once, instead of an error per provider.
 */
static const char *why_not_evaluable(const ctx *c, char *buf, size_t size)
{
	const char *prof = inami_profession_id(c->o->profession);
	int reimbursed = 0, hours = 0, specialty = 0;
	for (size_t i = 0; i < c->ntiers; i++) {
		inami_figure f = INAMI_FIGURE_INIT;
		inami_tier_info info = INAMI_TIER_INFO_INIT;
		if (inami_rules_tier(c->rules, c->o->profession, c->o->year, i, &info) == INAMI_OK)
			specialty |= info.uses_specialty;
		if (inami_rules_tier_threshold(c->rules, c->o->profession, c->o->year, i, INAMI_MEASURE_PRESTATIONS, NULL,
			&f) != INAMI_ENOTFOUND)
			return NULL;
		if (c->letter >= 0 && inami_rules_tier_threshold(c->rules, c->o->profession, c->o->year, i,
			(inami_measure)(INAMI_MEASURE_M_VALUE + c->letter), NULL, &f) != INAMI_ENOTFOUND)
			return NULL;
		/* a tier with a specialty threshold needs the specialty: any answer but "none" means it counts */
		reimbursed |= inami_rules_tier_threshold(c->rules, c->o->profession, c->o->year, i,
			INAMI_MEASURE_REIMBURSED_EUR, NULL, &f) != INAMI_ENOTFOUND;
		hours |= inami_rules_tier_threshold(c->rules, c->o->profession, c->o->year, i,
			INAMI_MEASURE_HOURS_PER_WEEK, NULL, &f) != INAMI_ENOTFOUND;
	}
	if (reimbursed)
		snprintf(buf, size, "%s tiers are reached on the amount INAMI reimbursed, which billing lines do not "
			"carry; evaluate each %s with 'inami eval --profession %s --year %d%s --reimbursed EUR'",
			prof, prof, prof, c->o->year, specialty ? " --specialty ID" : "");
	else if (hours)
		snprintf(buf, size, "%s tiers are reached on hours per week, which billing lines do not carry; "
			"evaluate each %s with 'inami eval --profession %s --year %d --hours-per-week H'", prof, prof, prof,
			c->o->year);
	else
		snprintf(buf, size, "%s tiers count neither prestations nor key-letter values, which is all billing "
			"lines give; evaluate each %s with 'inami eval --profession %s --year %d'", prof, prof, prof,
			c->o->year);
	return buf;
}

static int evaluate(ctx *c, totals *t, char *why, size_t why_size)
{
	inami_key_letter letter;
	int64_t *key = NULL;
	c->letter = inami_key_letter_of_profession(c->o->profession, &letter) == INAMI_OK ? (int)letter : -1;
	if (c->letter >= 0) {
		key = calloc(t->n ? t->n : 1, sizeof(int64_t));
		if (key == NULL) {
			fprintf(stderr, "inami: out of memory\n");
			return CLI_EXIT_ERROR;
		}
		for (size_t p = 0; p < t->n; p++)
			key[p] = t->kv[p * 3 + (size_t)c->letter];
	}
	int st = inami_rules_tier_count(c->rules, c->o->profession, c->o->year, &c->ntiers);
	if (st == INAMI_OK && (c->no_eval = why_not_evaluable(c, why, why_size)) != NULL) {
		free(key);
		return 0;
	}
	if (st == INAMI_OK)
		st = inami_billing_evaluate(c->rules, c->o->profession, c->o->year,
			c->o->allow_derived ? INAMI_EVAL_ALLOW_DERIVED : 0u, t->prest, key, t->status, t->n,
			t->tier, t->amount, t->eligible, t->miss_p, t->miss_k, t->eval_status);
	free(key);
	return st == INAMI_OK ? 0 : cli_library_error(st);
}

/* --columns provider=NIHII,code=CODE,quantity=QTE,date=DATE: header names of the four columns. */
static int parse_columns(const char *spec, char *columns[4])
{
	static const char *const roles[] = { "provider", "code", "quantity", "date" };
	const char *p = spec;
	for (;;) {
		const char *end = strchr(p, ','), *eq = strchr(p, '=');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (eq == NULL || (size_t)(eq - p) >= len || eq + 1 == p + len)
			return cli_usage_error("mvalues: --columns takes ROLE=NAME pairs separated by commas "
				"(provider=NIHII,code=CODE,quantity=QTE,date=DATE), not '%s'", spec);
		int k = 0;
		while (k < 4 && !((size_t)(eq - p) == strlen(roles[k]) && memcmp(p, roles[k], (size_t)(eq - p)) == 0))
			k++;
		if (k == 4)
			return cli_usage_error("mvalues: --columns: unknown column '%.*s' (provider, code, quantity or date)",
				(int)(eq - p), p);
		if (columns[k] != NULL)
			return cli_usage_error("mvalues: --columns names the %s column twice", roles[k]);
		size_t nlen = (size_t)(p + len - (eq + 1));
		if ((columns[k] = malloc(nlen + 1)) == NULL)
			return cli_usage_error("out of memory");
		memcpy(columns[k], eq + 1, nlen);
		columns[k][nlen] = '\0';
		if (end == NULL)
			return 0;
		p = end + 1;
	}
}

int cmd_mvalues(int argc, char **argv)
{
	opts o = { NULL, 0, INAMI_PROFESSION_NONE, 0, 0, 0, 0, 2, 0, { NULL, NULL, NULL, NULL }, INAMI_LANG_EN };
	cli_rules rules;
	const char *nom_paths[16];
	int nnom = 0, rc = 0;
	const char *profession_text = NULL;
	int64_t year = 0;

	cli_rules_init(&rules);
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v;
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			usage(stdout);
			cli_rules_free(&rules);
			return 0;
		} else if (strcmp(a, "--json") == 0) {
			o.json = 1;
		} else if (strcmp(a, "--csv") == 0) {
			o.csv = 1;
		} else if (strcmp(a, "--skip-bad") == 0) {
			o.skip_bad = 1;
		} else if (strcmp(a, "--allow-derived") == 0) {
			o.allow_derived = 1;
		} else if (strcmp(a, "--threads") == 0) {
			int64_t n;
			if ((v = cli_option_value(argc, argv, &i)) == NULL || cli_parse_int64(a, v, &n) != 0) {
				rc = CLI_EXIT_USAGE;
				goto done;
			}
			if (n < 1 || n > INAMI_CSV_READ_MAX_THREADS) {
				rc = cli_usage_error("mvalues: --threads is 1 to %d", INAMI_CSV_READ_MAX_THREADS);
				goto done;
			}
			o.threads = (unsigned)n;
		} else if (strcmp(a, "--delimiter") == 0) {
			if ((v = cli_option_value(argc, argv, &i)) == NULL) {
				rc = CLI_EXIT_USAGE;
				goto done;
			}
			if (strcmp(v, ",") == 0 || strcmp(v, "comma") == 0) {
				o.delimiter = ',';
			} else if (strcmp(v, ";") == 0 || strcmp(v, "semicolon") == 0) {
				o.delimiter = ';';
			} else {
				rc = cli_usage_error("mvalues: --delimiter is ',' or ';', not '%s'", v);
				goto done;
			}
		} else if (strcmp(a, "--columns") == 0) {
			if ((v = cli_option_value(argc, argv, &i)) == NULL) {
				rc = CLI_EXIT_USAGE;
				goto done;
			}
			if ((rc = parse_columns(v, o.columns)) != 0)
				goto done;
		} else if (strcmp(a, "--lang") == 0) {
			if ((v = cli_option_value(argc, argv, &i)) == NULL) {
				rc = CLI_EXIT_USAGE;
				goto done;
			}
			if (inami_lang_from_id(v, &o.lang) != INAMI_OK) {
				rc = cli_usage_error("--lang: %s", inami_error_last());
				goto done;
			}
		} else if (strcmp(a, "--year") == 0) {
			if ((v = cli_option_value(argc, argv, &i)) == NULL || cli_parse_int64(a, v, &year) != 0) {
				rc = CLI_EXIT_USAGE;
				goto done;
			}
			o.year = (int)year;
		} else if (strcmp(a, "--profession") == 0) {
			if ((v = cli_option_value(argc, argv, &i)) == NULL) {
				rc = CLI_EXIT_USAGE;
				goto done;
			}
			if (profession_text != NULL) {
				rc = cli_usage_error("mvalues: --profession is given twice");
				goto done;
			}
			profession_text = v;   /* resolved once every --rules layer is known */
		} else if (strcmp(a, "--nomenclature") == 0) {
			if ((v = cli_option_value(argc, argv, &i)) == NULL) {
				rc = CLI_EXIT_USAGE;
				goto done;
			}
			if (nnom == 16) {
				rc = cli_usage_error("at most 16 --nomenclature files");
				goto done;
			}
			nom_paths[nnom++] = v;
		} else if (strcmp(a, "--rules") == 0) {
			if ((v = cli_option_value(argc, argv, &i)) == NULL || (rc = cli_rules_add(&rules, v)) != 0) {
				rc = rc ? rc : CLI_EXIT_USAGE;
				goto done;
			}
		} else if (a[0] == '-' && a[1] != '\0') {
			rc = cli_usage_error("mvalues: unknown option '%s' (try 'inami mvalues --help')", a);
			goto done;
		} else if (o.path == NULL) {
			o.path = a;
		} else {
			rc = cli_usage_error("mvalues: one input file only ('%s' is extra)", a);
			goto done;
		}
	}
	if (o.path == NULL) {
		usage(stderr);
		rc = CLI_EXIT_USAGE;
		goto done;
	}
	if (o.json && o.csv) {
		rc = cli_usage_error("mvalues: --json and --csv exclude each other");
		goto done;
	}
	if (profession_text != NULL) {
		const inami_ruleset *rs = cli_rules_get(&rules);
		if (rs == NULL) {
			rc = CLI_EXIT_ERROR;
			goto done;
		}
		if ((rc = cli_parse_profession(rs, profession_text, &o.profession)) != 0)
			goto done;
	}
	if (o.profession != INAMI_PROFESSION_NONE && o.year == 0) {
		rc = cli_usage_error("mvalues: --profession needs --year");
		goto done;
	}
	if (year != 0 && (year < 1000 || year > 9999)) {
		rc = cli_usage_error("mvalues: --year is a year from 1000 to 9999, not %lld", (long long)year);
		goto done;
	}

	const inami_nomenclature *base = NULL;
	inami_nomenclature *owned = NULL;
	int st = inami_nomenclature_default(&base);
	for (int i = 0; st == INAMI_OK && i < nnom; i++) {
		inami_nomenclature *next = NULL;
		st = inami_nomenclature_load_file(&next, base, nom_paths[i]);
		inami_nomenclature_free(owned);
		owned = next;
		base = next;
	}
	if (st != INAMI_OK) {
		rc = cli_library_error(st);
		goto done;
	}

	inami_billing_csv *reader = NULL;
	unsigned flags = (o.skip_bad ? INAMI_CSV_SKIP_BAD : 0u) | (o.allow_derived ? INAMI_BILLING_ALLOW_DERIVED : 0u);
	inami_billing_csv_options ro = INAMI_BILLING_CSV_OPTIONS_INIT;
	ro.delimiter = o.delimiter;
	ro.provider_column = o.columns[0];
	ro.code_column = o.columns[1];
	ro.quantity_column = o.columns[2];
	ro.date_column = o.columns[3];
	if (o.year) {
		ro.date_from = o.year * 10000 + 101;
		ro.date_to = o.year * 10000 + 1231;
	}
	st = inami_billing_csv_new_with_options(&reader, base, flags, strcmp(o.path, "-") == 0 ? "<stdin>" : o.path,
		&ro);
	if (st != INAMI_OK) {
		/* the options come from --delimiter and --columns */
		rc = st == INAMI_EINVAL ? cli_usage_error("mvalues: %s", inami_error_last()) : cli_library_error(st);
		inami_nomenclature_free(owned);
		goto done;
	}
	totals t;
	char why[512];
	memset(&t, 0, sizeof(t));
	ctx c = { &o, reader, inami_billing_csv_totals(reader), &t, NULL, -1, 0, NULL, 0, 0, 0 };
	rc = read_input(reader, o.path, o.threads);
	if (rc == 0 && !totals_alloc(&t, inami_billing_provider_count(c.b))) {
		fprintf(stderr, "inami: out of memory\n");
		rc = CLI_EXIT_ERROR;
	}
	if (rc == 0) {
		st = inami_billing_results(c.b, t.kv, t.prest, t.flags, t.status, t.n);
		if (st == INAMI_OK)
			st = inami_billing_csv_date_counts(reader, &c.outside, &c.undated);
		if (st == INAMI_OK)
			st = inami_billing_csv_provider_date_counts(reader, t.outside, t.undated, t.n);
		if (st != INAMI_OK)
			rc = cli_library_error(st);
		for (size_t p = 0; p < t.n; p++)
			c.in_error += t.status[p] != INAMI_OK;
	}
	if (rc == 0 && o.profession != INAMI_PROFESSION_NONE) {
		c.rules = cli_rules_get(&rules);
		rc = c.rules ? evaluate(&c, &t, why, sizeof(why)) : CLI_EXIT_ERROR;
	} else if (rc == 0) {
		c.letter = -1;
	}
	if (rc == 0) {
		if (o.json)
			print_json(&c);
		else if (o.csv)
			print_csv(&c);
		else
			print_text(&c);
		if (o.csv && c.no_eval)
			fprintf(stderr, "inami: not evaluated: %s\n", c.no_eval);
		if (c.in_error > 0) {
			size_t first = 0;
			while (t.status[first] == INAMI_OK)
				first++;
			fflush(stdout);
			fprintf(stderr, "inami: the totals of %zu provider%s are in error (first: %s, %s)\n", c.in_error,
				c.in_error == 1 ? "" : "s", inami_billing_csv_provider_id(reader, first), status_id(t.status[first]));
			rc = EXIT_PROVIDER_ERROR;
		}
	}
	totals_free(&t);
	inami_billing_csv_free(reader);
	inami_nomenclature_free(owned);
done:
	for (int k = 0; k < 4; k++)
		free(o.columns[k]);
	cli_rules_free(&rules);
	return rc;
}
