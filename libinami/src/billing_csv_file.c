/*
 * inami_billing_csv_read_file(): a file read in blocks on the caller's
 * thread; with two threads, a large regular file is cut in two at a line
 * start and its second half read by one helper thread into a reader of its
 * own, whose totals are merged after. inami_billing_csv_read_range(): one
 * part of a file, after its header line.
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

/* Files smaller than this are read by one thread whatever the options say. */
#define PARALLEL_MIN (4u << 20)

/* Blocks small enough to stay in the L2 cache between the copy and the parse. */
#define BLOCK_BYTES (256u << 10)

int inami_csv_read_options_init(inami_csv_read_options *options, unsigned int version)
{
	static const inami_csv_read_options defaults = INAMI_CSV_READ_OPTIONS_INIT;

	INAMI_CHECK_NULL(options);
	INAMI_CHECK_VERSION(version, INAMI_CSV_READ_OPTIONS_VERSION, "inami_csv_read_options");
	*options = defaults;
	return INAMI_OK;
}

/* Feed bytes [from, to) of a regular file with pread() blocks. */
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

/* Anything but a regular file (pipe, terminal, device): read() blocks until the end. */
static int feed_stream(inami_billing_csv *r, int fd, const char *path)
{
	char *buf = malloc(BLOCK_BYTES);
	int st = buf ? INAMI_OK : inami__fail(INAMI_ENOMEM, "out of memory");
	while (st == INAMI_OK) {
		ssize_t got = read(fd, buf, BLOCK_BYTES);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			st = inami__fail(INAMI_EIO, "%s: %s", path, strerror(errno));
		if (got <= 0)
			break;
		st = inami_billing_csv_feed(r, buf, (size_t)got);
	}
	free(buf);
	return st;
}

/* Start of the first line starting at or after byte `at`; UINT64_MAX when no newline comes soon. */
static uint64_t line_start(int fd, uint64_t at, uint64_t size)
{
	char *probe = malloc(MAX_LINE + 2);
	ssize_t got = probe ? pread(fd, probe, MAX_LINE + 2, (off_t)(at - 1)) : -1;
	const char *nl = got > 0 ? memchr(probe, '\n', (size_t)got) : NULL;
	uint64_t start = nl ? at + (uint64_t)(nl - probe) : UINT64_MAX;
	free(probe);
	return start < size ? start : UINT64_MAX;
}

/* The second half of a file, read by the helper thread. */
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
 * Bytes [off, size) of a regular file, r past its header, by two threads:
 * this one reads up to a line start near the middle, a helper the rest.
 * The helper's ids, in order of first appearance in its half, follow r's in
 * the order of the whole file. Returns 1 when done (status in *st), 0 when
 * the caller must read the whole file again in one thread: the helper met a
 * malformed line (its line numbers are relative) or could not start, or the
 * totals could come near 2^63 (then every add is checked in line order).
 */
static int read_two(inami_billing_csv *r, int fd, const char *path, uint64_t off, uint64_t size, int *st)
{
	uint64_t mid = line_start(fd, off + (size - off) / 2, size);
	half h = { NULL, fd, mid, size, path, INAMI_OK };
	pthread_t t;
	if (mid == UINT64_MAX || inami__csv_new_like(&h.r, r) != INAMI_OK)
		return 0;
	if (pthread_create(&t, NULL, read_half, &h) != 0) {
		inami_billing_csv_free(h.r);
		return 0;
	}
	*st = feed_range(r, fd, off, mid, path);
	if (*st == INAMI_OK)
		*st = inami__csv_flush(r);
	pthread_join(t, NULL);
	int done = 1;
	if (*st == INAMI_OK) {
		if (h.status != INAMI_OK || h.r->skipped > 0 || !inami__billing_can_merge(r->totals, h.r->totals)) {
			done = 0;
		} else {
			size_t n = h.r->ids.count;
			uint32_t *map = malloc((n + 1) * sizeof(*map));
			*st = map ? INAMI_OK : inami__fail(INAMI_ENOMEM, "out of memory");
			for (size_t i = 0; i < n && *st == INAMI_OK; i++) {
				size_t len;
				const char *id = ids_text(&h.r->ids, (uint32_t)i, &len);
				if ((map[i] = inami__csv_provider(r, id, len)) == ID_NONE)
					*st = inami__fail(INAMI_ENOMEM, "out of memory for provider ids");
			}
			if (*st == INAMI_OK)
				*st = inami__billing_merge(r->totals, h.r->totals, map);
			if (*st == INAMI_OK && r->range && (*st = inami__csv_grow_counts(r)) == INAMI_OK) {
				for (size_t i = 0; i < n && i < h.r->p_cap; i++) {
					r->p_outside[map[i]] += h.r->p_outside[i];
					r->p_undated[map[i]] += h.r->p_undated[i];
				}
				r->outside += h.r->outside;
				r->undated += h.r->undated;
			}
			free(map);
			r->lines += h.r->lines;
			r->line_no += h.r->line_no;
		}
	}
	inami_billing_csv_free(h.r);
	return done;
}

/* A regular file: lines up to the header here, then the rest in one or two threads. */
static int read_regular(inami_billing_csv *r, int fd, const char *path, uint64_t size, unsigned threads)
{
	char *head = malloc(MAX_LINE);
	ssize_t got = head ? pread(fd, head, MAX_LINE, 0) : -1;
	uint64_t off = 0;
	int st = head ? INAMI_OK : inami__fail(INAMI_ENOMEM, "out of memory");
	int fresh = r->line_no == 0 && r->carry_len == 0;
	/* blank lines may come before the header */
	while (threads > 1 && fresh && got > 0 && st == INAMI_OK && !r->have_header) {
		const char *nl = memchr(head + off, '\n', (size_t)got - off);
		if (nl == NULL)
			break;
		size_t end = (size_t)(nl + 1 - head);
		st = inami_billing_csv_feed(r, head + off, end - off);
		off = end;
	}
	free(head);
	if (st != INAMI_OK)
		return st;
	if (threads > 1 && fresh && r->have_header && size - off >= PARALLEL_MIN) {
		if (read_two(r, fd, path, off, size, &st))
			return st == INAMI_OK ? inami_billing_csv_finish(r) : st;
		inami__csv_reset(r);
		off = 0;
	}
	st = feed_range(r, fd, off, size, path);
	return st == INAMI_OK ? inami_billing_csv_finish(r) : st;
}

/* The threads `options` asks for, checked (1 for NULL options). */
static int read_threads(const inami_csv_read_options *options, unsigned *threads)
{
	*threads = 1;
	if (options != NULL) {
		INAMI_CHECK_VERSION(options->version, INAMI_CSV_READ_OPTIONS_VERSION, "inami_csv_read_options");
		*threads = options->threads;
	}
	if (*threads < 1 || *threads > INAMI_CSV_READ_MAX_THREADS)
		return inami__fail(INAMI_EINVAL, "threads must be 1 to %d, not %u", INAMI_CSV_READ_MAX_THREADS,
			*threads);
	return INAMI_OK;
}

/* The lines of the file up to and with its header (blank lines may come before it). */
static int feed_header(inami_billing_csv *r, int fd, const char *path)
{
	char *head = malloc(MAX_LINE + 2);
	ssize_t got = head ? pread(fd, head, MAX_LINE + 2, 0) : -1;
	size_t off = 0;
	int st = head ? INAMI_OK : inami__fail(INAMI_ENOMEM, "out of memory");

	if (st == INAMI_OK && got < 0)
		st = inami__fail(INAMI_EIO, "%s: %s", path, strerror(errno));
	while (st == INAMI_OK && !r->have_header) {
		const char *nl = got > 0 ? memchr(head + off, '\n', (size_t)got - off) : NULL;
		if (nl == NULL) {
			st = inami__fail(INAMI_EPARSE, "%s:1:1: no header line before the range", path);
			break;
		}
		size_t end = (size_t)(nl + 1 - head);
		st = inami_billing_csv_feed(r, head + off, end - off);
		off = end;
	}
	free(head);
	return st;
}

int inami_billing_csv_read_range(inami_billing_csv *r, const char *path, uint64_t start, uint64_t end,
	const inami_csv_read_options *options)
{
	unsigned threads;
	struct stat sb;
	char before;
	int st;

	INAMI_CHECK_NULL(r);
	INAMI_CHECK_NULL(path);
	if ((st = read_threads(options, &threads)) != INAMI_OK)
		return st;
	if (end < start)
		return inami__fail(INAMI_EINVAL, "range: end %llu is before start %llu", (unsigned long long)end,
			(unsigned long long)start);
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return inami__fail(INAMI_EIO, "%s: %s", path, strerror(errno));
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode))
		st = inami__fail(INAMI_EINVAL, "%s: a range needs a regular file", path);
	else if (start > (uint64_t)sb.st_size)
		st = inami__fail(INAMI_EINVAL, "%s: range start %llu is past the end (%lld bytes)", path,
			(unsigned long long)start, (long long)sb.st_size);
	else if (start > 0 && (pread(fd, &before, 1, (off_t)(start - 1)) != 1 || before != '\n'))
		st = inami__fail(INAMI_EINVAL, "%s: range start %llu is not a line start", path,
			(unsigned long long)start);
	else if (end < (uint64_t)sb.st_size && end > start &&
		 (pread(fd, &before, 1, (off_t)(end - 1)) != 1 || before != '\n'))
		st = inami__fail(INAMI_EINVAL, "%s: range end %llu is not a line start", path, (unsigned long long)end);
	if (st == INAMI_OK && start > 0 && !r->have_header)
		st = feed_header(r, fd, path);
	if (st == INAMI_OK)
		st = feed_range(r, fd, start, end < (uint64_t)sb.st_size ? end : (uint64_t)sb.st_size, path);
	if (st == INAMI_OK)
		st = inami_billing_csv_finish(r);
	close(fd);
	return st;
}

int inami_billing_csv_read_file(inami_billing_csv *r, const char *path, const inami_csv_read_options *options)
{
	unsigned threads;
	int st0;

	INAMI_CHECK_NULL(r);
	INAMI_CHECK_NULL(path);
	if ((st0 = read_threads(options, &threads)) != INAMI_OK)
		return st0;
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return inami__fail(INAMI_EIO, "%s: %s", path, strerror(errno));
	struct stat sb;
	int st;
	if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode)) {
		st = read_regular(r, fd, path, (uint64_t)sb.st_size, threads);
	} else {
		st = feed_stream(r, fd, path);
		if (st == INAMI_OK)
			st = inami_billing_csv_finish(r);
	}
	close(fd);
	return st;
}
