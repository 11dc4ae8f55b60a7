/* String pool and text buffer. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pool.h"

struct pool_block {
	pool_block *next;
	size_t used, size;
	_Alignas(16) unsigned char data[];
};

void inami__pool_init(pool *p)
{
	p->head = NULL;
}

void inami__pool_free(pool *p)
{
	pool_block *b = p->head;

	while (b) {
		pool_block *next = b->next;
		free(b);
		b = next;
	}
	p->head = NULL;
}

void *inami__pool_alloc(pool *p, size_t size)
{
	size = (size + 15) & ~(size_t)15;
	if (p->head == NULL || p->head->size - p->head->used < size) {
		size_t block = size > 16384 ? size : 16384;
		pool_block *b = malloc(sizeof(*b) + block);
		if (b == NULL)
			return NULL;
		b->next = p->head;
		b->used = 0;
		b->size = block;
		p->head = b;
	}
	void *ptr = p->head->data + p->head->used;
	p->head->used += size;
	memset(ptr, 0, size);
	return ptr;
}

char *inami__pool_strndup(pool *p, const char *s, size_t len)
{
	char *d = inami__pool_alloc(p, len + 1);

	if (d) {
		memcpy(d, s, len);
		d[len] = '\0';
	}
	return d;
}

char *inami__pool_strdup(pool *p, const char *s)
{
	return inami__pool_strndup(p, s, strlen(s));
}

char *inami__pool_printf(pool *p, const char *fmt, ...)
{
	va_list ap;
	char small[512];

	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	if ((size_t)n < sizeof(small))
		return inami__pool_strndup(p, small, (size_t)n);
	char *d = inami__pool_alloc(p, (size_t)n + 1);
	if (d) {
		va_start(ap, fmt);
		vsnprintf(d, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	return d;
}

void inami__textbuf_init(textbuf *b)
{
	b->data = NULL;
	b->len = b->cap = 0;
	b->failed = 0;
}

void inami__textbuf_free(textbuf *b)
{
	free(b->data);
	inami__textbuf_init(b);
}

void inami__textbuf_append(textbuf *b, const char *s, size_t len)
{
	if (b->failed)
		return;
	if (b->len + len + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		while (cap < b->len + len + 1)
			cap *= 2;
		char *d = realloc(b->data, cap);
		if (d == NULL) {
			b->failed = 1;
			return;
		}
		b->data = d;
		b->cap = cap;
	}
	memcpy(b->data + b->len, s, len);
	b->len += len;
	b->data[b->len] = '\0';
}

void inami__textbuf_puts(textbuf *b, const char *s)
{
	inami__textbuf_append(b, s, strlen(s));
}

void inami__textbuf_printf(textbuf *b, const char *fmt, ...)
{
	va_list ap;
	char small[1024];

	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->failed = 1;
		return;
	}
	if ((size_t)n < sizeof(small)) {
		inami__textbuf_append(b, small, (size_t)n);
		return;
	}
	char *big = malloc((size_t)n + 1);
	if (big == NULL) {
		b->failed = 1;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	inami__textbuf_append(b, big, (size_t)n);
	free(big);
}
