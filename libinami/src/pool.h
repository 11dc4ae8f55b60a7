/* Internal: a string pool (everything freed at once) and a growable text buffer. */
#ifndef INAMI_POOL_H
#define INAMI_POOL_H

#include <stddef.h>

typedef struct pool_block pool_block;

typedef struct pool {
	pool_block *head;
} pool;

void inami__pool_init(pool *p);
void inami__pool_free(pool *p);
/* Zeroed memory owned by the pool; NULL when out of memory. */
void *inami__pool_alloc(pool *p, size_t size);
/* Copy of `len` bytes of `s` plus a NUL; NULL when out of memory. */
char *inami__pool_strndup(pool *p, const char *s, size_t len);
char *inami__pool_strdup(pool *p, const char *s);
/* printf into pool memory. */
char *inami__pool_printf(pool *p, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

typedef struct textbuf {
	char *data;
	size_t len, cap;
	int failed;   /* an allocation failed; the text is incomplete */
} textbuf;

void inami__textbuf_init(textbuf *b);
void inami__textbuf_free(textbuf *b);
void inami__textbuf_append(textbuf *b, const char *s, size_t len);
void inami__textbuf_puts(textbuf *b, const char *s);
void inami__textbuf_printf(textbuf *b, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

#endif
