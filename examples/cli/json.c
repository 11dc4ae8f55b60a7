/*
 * Streaming JSON writer: commas and escaping handled here, nothing buffered
 * beyond stdio. Bytes go out with putc_unlocked(): the writer is used from
 * one thread, and a lock per byte would dominate large documents.
 */
#include <inttypes.h>
#include <math.h>

#include "json.h"

void json_init(json_writer *w, FILE *out)
{
	w->out = out;
	w->depth = 0;
	w->need_comma[0] = 0;
	w->after_key = 0;
}

static void before_value(json_writer *w)
{
	if (w->after_key) {
		w->after_key = 0;
		return;
	}
	if (w->need_comma[w->depth])
		putc_unlocked(',', w->out);
	w->need_comma[w->depth] = 1;
}

static void open(json_writer *w, char c)
{
	before_value(w);
	putc_unlocked(c, w->out);
	if (w->depth < 63)
		w->depth++;
	w->need_comma[w->depth] = 0;
}

static void close(json_writer *w, char c)
{
	putc_unlocked(c, w->out);
	if (w->depth > 0)
		w->depth--;
}

void json_begin_object(json_writer *w) { open(w, '{'); }
void json_end_object(json_writer *w) { close(w, '}'); }
void json_begin_array(json_writer *w) { open(w, '['); }
void json_end_array(json_writer *w) { close(w, ']'); }

/*
 * Length of the valid UTF-8 sequence at `p` (RFC 3629: no overlong forms, no
 * surrogates, nothing above U+10FFFF), 0 when the byte starts none.
 */
static int utf8_length(const unsigned char *p)
{
	unsigned c = p[0];
	int n;
	unsigned lo = 0x80, hi = 0xBF;   /* bounds of the second byte */

	if (c >= 0xC2 && c <= 0xDF)
		n = 2;
	else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	} else
		return 0;
	if (p[1] < lo || p[1] > hi)
		return 0;
	for (int k = 2; k < n; k++) {
		if (p[k] < 0x80 || p[k] > 0xBF)
			return 0;
	}
	return n;
}

/*
 * A JSON string. Text is written as it is when it is valid UTF-8; each byte
 * that starts no valid sequence (a Latin-1 file name, a truncated character)
 * becomes U+FFFD, written "\ufffd", so the document stays valid UTF-8 JSON
 * whatever the input. Control characters are escaped.
 */
static void write_escaped(FILE *out, const char *s)
{
	putc_unlocked('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': fputs("\\\"", out); break;
		case '\\': fputs("\\\\", out); break;
		case '\n': fputs("\\n", out); break;
		case '\r': fputs("\\r", out); break;
		case '\t': fputs("\\t", out); break;
		default:
			if (*p < 0x20 || *p == 0x7f) {
				fprintf(out, "\\u%04x", *p);
			} else if (*p < 0x80) {
				putc_unlocked(*p, out);
			} else {
				int n = utf8_length(p);
				if (n == 0) {
					fputs("\\ufffd", out);
				} else {
					fwrite(p, 1, (size_t)n, out);
					p += n - 1;
				}
			}
		}
	}
	putc_unlocked('"', out);
}

void json_key(json_writer *w, const char *key)
{
	before_value(w);
	write_escaped(w->out, key);
	putc_unlocked(':', w->out);
	w->after_key = 1;
}

void json_string(json_writer *w, const char *s)
{
	before_value(w);
	if (s)
		write_escaped(w->out, s);
	else
		fputs("null", w->out);
}

void json_int(json_writer *w, int64_t v)
{
	char buf[24];
	int n = 0;
	uint64_t a = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
	do
		buf[sizeof(buf) - 1 - n++] = (char)('0' + a % 10);
	while ((a /= 10) != 0);
	if (v < 0)
		buf[sizeof(buf) - 1 - n++] = '-';
	before_value(w);
	fwrite(buf + sizeof(buf) - n, 1, (size_t)n, w->out);
}

void json_raw(json_writer *w, const char *token)
{
	before_value(w);
	fputs(token, w->out);
}

void json_number(json_writer *w, double v)
{
	before_value(w);
	if (!isfinite(v))
		fputs("null", w->out);
	else if (v == (double)(int64_t)v && fabs(v) < 9e15)
		fprintf(w->out, "%" PRId64, (int64_t)v);
	else
		fprintf(w->out, "%.10g", v);
}

void json_measure(json_writer *w, inami_measure m, int64_t v)
{
	char text[32];

	if (inami_measure_format(m, v, text, sizeof(text)) == INAMI_OK)
		json_raw(w, text);
	else
		json_null(w);
}

void json_bool(json_writer *w, int v)
{
	before_value(w);
	fputs(v ? "true" : "false", w->out);
}

void json_null(json_writer *w)
{
	before_value(w);
	fputs("null", w->out);
}

void json_profession_year(json_writer *w, const char *profession_id, int premium_year)
{
	json_key(w, "profession");
	json_string(w, profession_id);
	json_key(w, "premium_year");
	json_int(w, premium_year);
}

void json_end(json_writer *w)
{
	putc_unlocked('\n', w->out);
}
