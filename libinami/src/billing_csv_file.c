/*
 * inami_billing_csv_read_file(): a regular file with pread() blocks, in two
 * threads when large (each half into its own reader, merged after); pipes and
 * terminals with read() blocks.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "billing_csv_internal.h"
#include "error.h"

/* Files smaller than this are read by one thread. */
#define PARALLEL_MIN (4u << 20)

/* Blocks small enough to stay in the L2 cache between the copy and the parse. */
#define BLOCK_BYTES (256u << 10)

/* Feed bytes [from, to) of fd with pread() blocks of BLOCK_BYTES. */
static int feed_range(inami_billing_csv *r, int fd, uint64_t from, uint64_t to, const char *path)
{
	char *buf = malloc(BLOCK_BYTES);
	int st = buf ? INAMI_OK : inami__fail(INAMI_ENOMEM, "out of memory");
	while (st == INAMI_OK && from < to) {
		size_t want = to - from < BLOCK_BYTES ? (size_t)(to - from) : BLOCK_BYTES;
		ssize_t got = pread(fd, buf, want, (off_t)from);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0) {
			st = inami__fail(INAMI_EIO, "%s: %s", path, got < 0 ? strerror(errno) : "file shrank while read");
			break;
		}
		st = inami_billing_csv_feed(r, buf, (size_t)got);
		from += (uint64_t)got;
	}
	free(buf);
	return st;
}

typedef struct half {
	inami_billing_csv *r;
	int fd;
	uint64_t from, to;
	const char *path;
	int status;
} half;

static void *read_half(void *arg)
{
	half *h = arg;
	h->status = feed_range(h->r, h->fd, h->from, h->to, h->path);
	if (h->status == INAMI_OK)
		h->status = inami_billing_csv_finish(h->r);
	return NULL;
}

/*
 * Bytes [off, size) of a regular file in two halves split at a line
 * boundary, the second read by a second thread into its own reader and
 * merged into `r`. Returns 1 when done (status in *st), 0 when the caller
 * must read the whole input again in one thread: the second half had a
 * malformed line (its line numbers are relative), or the totals could get
 * near 2^63 (then every add is checked in line order).
 */
static int read_parallel(inami_billing_csv *r, int fd, const char *path, uint64_t off, uint64_t size, int *st)
{
	uint64_t mid = off + (size - off) / 2;
	char probe[4096];
	ssize_t got = pread(fd, probe, sizeof(probe), (off_t)mid);
	const char *nl = got > 0 ? memchr(probe, '\n', (size_t)got) : NULL;
	if (nl == NULL)
		return 0;
	mid += (uint64_t)(nl + 1 - probe);
	if (mid >= size)
		return 0;
	half h = { NULL, fd, mid, size, path, INAMI_OK };
	if (inami_billing_csv_new(&h.r, r->nom, r->flags, r->name) != INAMI_OK)
		return 0;
	h.r->have_header = 1;
	h.r->has_date = r->has_date;
	h.r->ncols = r->ncols;
	h.r->fast = r->fast;
	memcpy(h.r->role, r->role, sizeof(r->role));
	pthread_t t;
	if (pthread_create(&t, NULL, read_half, &h) != 0) {
		inami_billing_csv_free(h.r);
		return 0;
	}
	*st = feed_range(r, fd, off, mid, path);
	pthread_join(t, NULL);
	if (*st == INAMI_OK)
		*st = csv__flush(r);
	int done = 1;
	if (*st == INAMI_OK) {
		if (h.status != INAMI_OK || h.r->skipped > 0 || r->carry_len != 0
			|| !billing__can_merge(r->totals, h.r->totals)) {
			done = 0;
		} else {
			/* Providers of the second half not seen in the first come after them, in their order. */
			uint32_t *map = malloc((h.r->ids.count + 1) * sizeof(*map));
			if (map == NULL)
				*st = inami__fail(INAMI_ENOMEM, "out of memory");
			for (size_t i = 0; *st == INAMI_OK && i < h.r->ids.count; i++) {
				size_t len;
				const char *id = ids_text(&h.r->ids, (uint32_t)i, &len);
				map[i] = csv__provider(r, id, len);
				if (map[i] == ID_NONE)
					*st = inami__fail(INAMI_ENOMEM, "out of memory for provider ids");
			}
			if (*st == INAMI_OK)
				*st = billing__merge(r->totals, h.r->totals, map);
			free(map);
			r->lines += h.r->lines;
			r->line_no += h.r->line_no;
		}
	}
	inami_billing_csv_free(h.r);
	return done;
}

/* A regular file: the header, then two halves in parallel when it is large. */
static int read_regular(inami_billing_csv *r, int fd, const char *path, uint64_t size)
{
	char head[65536];
	ssize_t got = pread(fd, head, sizeof(head), 0);
	uint64_t off = 0;
	int st = INAMI_OK;
	/* Lines up to the header (blank lines may come first) in this thread. */
	while (got > 0 && st == INAMI_OK && !r->have_header) {
		const char *nl = memchr(head + off, '\n', (size_t)got - off);
		if (nl == NULL)
			break;
		size_t end = (size_t)(nl + 1 - head);
		st = inami_billing_csv_feed(r, head + off, end - off);
		off = end;
	}
	if (st != INAMI_OK)
		return st;
	if (r->have_header && r->carry_len == 0 && size - off >= PARALLEL_MIN && sysconf(_SC_NPROCESSORS_ONLN) >= 2) {
		if (read_parallel(r, fd, path, off, size, &st))
			return st == INAMI_OK ? inami_billing_csv_finish(r) : st;
		csv__reset(r);
		off = 0;
	}
	st = feed_range(r, fd, off, size, path);
	return st == INAMI_OK ? inami_billing_csv_finish(r) : st;
}

int inami_billing_csv_read_file(inami_billing_csv *r, const char *path)
{
	INAMI_CHECK_NULL(r);
	INAMI_CHECK_NULL(path);
	int fd = strcmp(path, "-") == 0 ? 0 : open(path, O_RDONLY);
	if (fd < 0)
		return inami__fail(INAMI_EIO, "%s: %s", path, strerror(errno));
	/* A regular file from its start: pread() blocks, two threads when large ... */
	struct stat sb;
	if (r->line_no == 0 && r->carry_len == 0 && !r->failed && fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode)
		&& sb.st_size > 0 && lseek(fd, 0, SEEK_CUR) == 0) {
		int st = read_regular(r, fd, path, (uint64_t)sb.st_size);
		if (fd != 0)
			close(fd);
		return st;
	}
	/* ... anything else (pipe, terminal) is read in blocks: memory stays constant. */
	size_t cap = 1 << 20;
	char *buf = malloc(cap);
	int st = buf ? INAMI_OK : inami__fail(INAMI_ENOMEM, "out of memory");
	while (st == INAMI_OK) {
		ssize_t got = read(fd, buf, cap);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			st = inami__fail(INAMI_EIO, "%s: %s", path, strerror(errno));
		else if (got == 0)
			break;
		else
			st = inami_billing_csv_feed(r, buf, (size_t)got);
	}
	free(buf);
	if (fd != 0)
		close(fd);
	return st == INAMI_OK ? inami_billing_csv_finish(r) : st;
}

