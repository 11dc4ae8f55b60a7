/*
 * inami_billing_csv_read_file(): a regular file with pread() blocks, in two
 * threads by chunks when large (each thread into its own reader, merged
 * after); pipes and terminals with read() blocks.
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

/*
 * Two threads share a large file by chunks: the calling thread takes chunks
 * from the front, in order, into the caller's reader; a helper thread takes
 * chunks from the back, into a reader of its own, until they meet. A slow
 * core thus gets fewer chunks. A chunk holds the lines that start in its byte
 * range, so both threads agree on the cut between two chunks.
 */
typedef struct shared {
	pthread_mutex_t lock;
	size_t front, end;       /* chunks not taken yet: [front, end); the front takes front++, the back --end */
	int stop;                /* a side failed: the other stops taking chunks */
	int fd;
	uint64_t off, size, chunk;
	const char *path;
} shared;

typedef struct side {
	shared *sh;
	inami_billing_csv *r;
	int from_back;
	int status;
} side;

/* Start of the first line starting at or after byte `at` (>= off); UINT64_MAX when none is found nearby. */
static uint64_t line_start(const shared *sh, uint64_t at)
{
	if (at <= sh->off)
		return sh->off;
	if (at >= sh->size)
		return sh->size;
	char probe[MAX_LINE + 2];
	ssize_t got = pread(sh->fd, probe, sizeof(probe), (off_t)(at - 1));
	if (got <= 0)
		return UINT64_MAX;
	const char *nl = memchr(probe, '\n', (size_t)got);
	if (nl == NULL)
		return (uint64_t)got < sizeof(probe) ? sh->size : UINT64_MAX; /* no newline: the last line */
	return at + (uint64_t)(nl - probe);
}

size_t inami__csv_front_limit = SIZE_MAX;

/* Next chunk for this side, or 0 when there is none left. */
static int take_chunk(side *sd, size_t *k)
{
	shared *sh = sd->sh;
	int ok;
	pthread_mutex_lock(&sh->lock);
	ok = !sh->stop && sh->front < sh->end && (sd->from_back || sh->front < inami__csv_front_limit);
	if (ok)
		*k = sd->from_back ? --sh->end : sh->front++;
	pthread_mutex_unlock(&sh->lock);
	return ok;
}

static void stop_all(shared *sh)
{
	pthread_mutex_lock(&sh->lock);
	sh->stop = 1;
	pthread_mutex_unlock(&sh->lock);
}

static void *read_side(void *arg)
{
	side *sd = arg;
	shared *sh = sd->sh;
	size_t k;
	while (sd->status == INAMI_OK && take_chunk(sd, &k)) {
		uint64_t from = line_start(sh, sh->off + k * sh->chunk);
		uint64_t to = line_start(sh, sh->off + (k + 1) * sh->chunk);
		if (from == UINT64_MAX || to == UINT64_MAX) {
			sd->status = INAMI_EPARSE; /* a very long line: the caller reads in one thread */
			break;
		}
		sd->r->chunk = (uint32_t)k;
		if (from < to)
			sd->status = feed_range(sd->r, sh->fd, from, to, sh->path);
		/*
		 * The helper ends each chunk with its lines added, recorded as the
		 * chunk's; the file's last chunk (which it reads first) also with its
		 * last line, which may have no newline.
		 */
		if (sd->status == INAMI_OK && sd->from_back)
			sd->status = to == sh->size ? inami_billing_csv_finish(sd->r) : inami__csv_flush(sd->r);
		if (sd->status == INAMI_OK && to < sh->size && sd->r->carry_len != 0)
			sd->status = INAMI_EPARSE;
	}
	/* the helper's reader: its last line (the file's, maybe without newline) and its batch */
	if (sd->from_back && sd->status == INAMI_OK)
		sd->status = inami_billing_csv_finish(sd->r);
	if (sd->status != INAMI_OK)
		stop_all(sh);
	return NULL;
}

/* Where a helper's id first occurs in the file: the chunk, then the line (the helper's count). */
typedef struct first_seen {
	uint64_t line;
	uint32_t chunk, id;
} first_seen;

/* Byte d of the sort key (chunk, line), d = 0 the least significant. */
static unsigned first_seen_byte(const first_seen *e, int d)
{
	return (unsigned)((d < 8 ? e->line >> (8 * d) : (uint64_t)e->chunk >> (8 * (d - 8))) & 0xff);
}

/*
 * Sort by (chunk, line): a radix sort, least significant byte first,
 * skipping the bytes all entries share (most of them). `tmp` has room for n.
 */
static void sort_first_seen(first_seen *a, first_seen *tmp, size_t n)
{
	first_seen *from = a, *to = tmp;
	for (int d = 0; d < 12 && n > 0; d++) {
		size_t count[256] = { 0 };
		for (size_t i = 0; i < n; i++)
			count[first_seen_byte(&from[i], d)]++;
		if (count[first_seen_byte(&from[0], d)] == n)
			continue; /* one value: the pass would change nothing */
		size_t at = 0;
		for (int v = 0; v < 256; v++) {
			size_t c = count[v];
			count[v] = at;
			at += c;
		}
		for (size_t i = 0; i < n; i++)
			to[count[first_seen_byte(&from[i], d)]++] = from[i];
		first_seen *t = from;
		from = to;
		to = t;
	}
	if (from != a)
		memcpy(a, from, n * sizeof(*a));
}

/* Helper ids looked up together: their hash slots are prefetched first, so the misses overlap. */
#define MAP_GROUP 16

/*
 * Ids of the helper's reader into r, in order of first appearance in the
 * file (the helper read its chunks from the back: see `track`). map[i] is
 * r's index of the helper's id i.
 */
static int map_helper_ids(inami_billing_csv *r, const inami_billing_csv *hp, uint32_t *map)
{
	size_t n = hp->ids.count;
	first_seen *order = malloc((2 * n + 1) * sizeof(*order));
	if (order == NULL || n > hp->first_cap) {
		free(order);
		return inami__fail(INAMI_ENOMEM, "out of memory");
	}
	for (size_t i = 0; i < n; i++)
		order[i] = (first_seen){ (uint64_t)hp->first_line[i], hp->first_chunk[i], (uint32_t)i };
	sort_first_seen(order, order + n, n);
	int st = INAMI_OK;
	for (size_t g = 0; g < n && st == INAMI_OK; g += MAP_GROUP) {
		size_t m = n - g < MAP_GROUP ? n - g : MAP_GROUP;
		const char *text[MAP_GROUP];
		size_t len[MAP_GROUP];
		uint64_t k0[MAP_GROUP], k1[MAP_GROUP], hash[MAP_GROUP];
		for (size_t j = 0; j < m; j++) {
			text[j] = ids_text(&hp->ids, order[g + j].id, &len[j]);
			if (len[j] > SHORT_ID)
				continue;
			ids_short_key(text[j], len[j], 0, &k0[j], &k1[j]);
			hash[j] = ids_short_hash(k0[j], k1[j]);
			if (r->ids.shorts != NULL)
				__builtin_prefetch(ids_short_home(&r->ids, hash[j]));
		}
		for (size_t j = 0; j < m && st == INAMI_OK; j++) {
			uint32_t p = len[j] > SHORT_ID ? inami__csv_provider(r, text[j], len[j])
				: csv__provider_short(r, text[j], len[j], k0[j], k1[j], hash[j]);
			if ((map[order[g + j].id] = p) == ID_NONE)
				st = inami__fail(INAMI_ENOMEM, "out of memory for provider ids");
		}
	}
	free(order);
	return st;
}

/*
 * Chunks per file, roughly: small enough that the thread finishing first
 * rarely waits long for the other's last chunk.
 */
#define CHUNKS 128

/*
 * Bytes [off, size) of a regular file by two threads (see `shared`).
 * Returns 1 when done (status in *st), 0 when the caller must read the whole
 * input again in one thread: the helper met a malformed line (its line
 * numbers are relative) or a very long one, or the totals could get near
 * 2^63 (then every add is checked in line order).
 */
static int read_parallel(inami_billing_csv *r, int fd, const char *path, uint64_t off, uint64_t size, int *st)
{
	uint64_t chunk = (size - off) / CHUNKS;
	chunk = chunk < (1u << 20) ? (1u << 20) : chunk;
	size_t nchunks = (size_t)((size - off + chunk - 1) / chunk);
	shared sh = { .front = 0, .end = nchunks, .fd = fd, .off = off, .size = size, .chunk = chunk,
		.path = path };
	side front = { &sh, r, 0, INAMI_OK };
	side back = { &sh, NULL, 1, INAMI_OK };
	int done = 0;
	if (pthread_mutex_init(&sh.lock, NULL) != 0)
		return 0;
	if (inami_billing_csv_new(&back.r, r->nom, r->flags, r->name) == INAMI_OK) {
		back.r->have_header = 1;
		back.r->track = 1;
		back.r->has_date = r->has_date;
		back.r->ncols = r->ncols;
		back.r->fast = r->fast;
		memcpy(back.r->role, r->role, sizeof(r->role));
		pthread_t t;
		if (pthread_create(&t, NULL, read_side, &back) == 0) {
			read_side(&front);
			pthread_join(t, NULL);
			done = 1;
		}
	}
	*st = front.status;
	if (done && *st == INAMI_EPARSE && !r->failed)
		done = 0; /* a very long line in the front part: read again in one thread */
	if (done && *st == INAMI_OK)
		*st = inami__csv_flush(r);
	if (done && *st == INAMI_OK) {
		/* r may hold the file's last line unfinished: it comes after everything merged here */
		if (back.status != INAMI_OK || back.r->skipped > 0
			|| !inami__billing_can_merge(r->totals, back.r->totals)) {
			done = 0;
		} else {
			uint32_t *map = malloc((back.r->ids.count + 1) * sizeof(*map));
			*st = map ? map_helper_ids(r, back.r, map) : inami__fail(INAMI_ENOMEM, "out of memory");
			if (*st == INAMI_OK)
				*st = inami__billing_merge(r->totals, back.r->totals, map);
			free(map);
			r->lines += back.r->lines;
			r->line_no += back.r->line_no;
		}
	}
	inami_billing_csv_free(back.r);
	pthread_mutex_destroy(&sh.lock);
	return done;
}

/* A regular file: the header, then two threads by chunks when it is large. */
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
		inami__csv_reset(r);
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

