/* A small streaming JSON writer for the command-line tool. */
#ifndef INAMI_CLI_JSON_H
#define INAMI_CLI_JSON_H

#include <stdint.h>
#include <stdio.h>

#include <inami/inami.h>

typedef struct json_writer {
	FILE *out;
	int depth;
	int need_comma[64];
	int after_key;
} json_writer;

void json_init(json_writer *w, FILE *out);
void json_begin_object(json_writer *w);
void json_end_object(json_writer *w);
void json_begin_array(json_writer *w);
void json_end_array(json_writer *w);
void json_key(json_writer *w, const char *key);
void json_string(json_writer *w, const char *s);   /* NULL writes null */
void json_int(json_writer *w, int64_t v);
void json_number(json_writer *w, double v);         /* shortest exact-enough form */
void json_raw(json_writer *w, const char *token);
void json_measure(json_writer *w, inami_measure m, int64_t v); /* a measure's value in its natural unit, exactly */   /* a number already formatted, written as is */
void json_bool(json_writer *w, int v);
void json_null(json_writer *w);
/* The "profession" and "premium_year" members every evaluating command starts with. */
void json_profession_year(json_writer *w, const char *profession_id, int premium_year);
/* Finish the document with a newline. */
void json_end(json_writer *w);

#endif
