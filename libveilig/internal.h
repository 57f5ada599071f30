/*
 * libveilig internals shared by the modules: allocation (through the
 * allocator set with veilig_set_allocator), arenas, growable buffers, error
 * records, UTF-8 and string helpers. Nothing here is exported.
 */
#ifndef VG_INTERNAL_H
#define VG_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "veilig.h"

#if defined(__GNUC__)
#define VG_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define VG_PRINTF(f, a)
#endif

/* The index of the lowest bit set in x (x != 0). */
static inline unsigned vg_ctz32(uint32_t x) {
#if defined(__GNUC__)
    return (unsigned)__builtin_ctz(x);
#else
    unsigned n = 0;
    while (!(x & 1u)) {
        x >>= 1;
        n++;
    }
    return n;
#endif
}

/* ---- allocation: every byte the library allocates goes through these ---- */

void *vg_malloc(size_t size);
void *vg_calloc(size_t count, size_t size); /* overflow-checked, zeroed */
void *vg_realloc(void *ptr, size_t size);
void vg_free(void *ptr);
/* Grows *array (of elem-sized items, *cap of them) to hold at least need items. */
int vg_grow(void **array, size_t *cap, size_t need, size_t elem);
/* A large block (of megabytes) for a pool, freed with vg_free: from the C
   library's malloc, aligned to a huge page and advised for huge pages where
   the system has them; from the allocator hook as it is, when one is set. */
void *vg_malloc_block(size_t size);

/* ---- arenas: many small allocations freed at once (arena.c) ---- */

typedef struct vg_arena_chunk vg_arena_chunk;
typedef struct vg_pool vg_pool;
typedef struct vg_arena {
    vg_arena_chunk *head;
    size_t next_size; /* size of the next chunk to allocate */
    vg_pool *pool;    /* where the chunks come from; NULL: the allocator */
} vg_arena;

/* A pool of arena chunks carved from a few large blocks, for arenas that
   live and die together (a registry's and its municipalities'): a large
   block from the C library's malloc is aligned and advised for huge pages,
   so that filling it costs one page fault per 2 MB instead of one per 4 KB.
   A chunk freed with its arena is kept for the next arena that needs one of
   its size; the blocks go back to the allocator with vg_pool_free, after
   every arena drawing on the pool is freed. Not thread-safe: the arenas of
   a pool are changed by one thread at a time, as their registry is. */
#define VG_POOL_CLASSES 9 /* chunks of 1 KB, 2 KB, ... 256 KB */
typedef struct vg_pool_block vg_pool_block;
struct vg_pool {
    vg_pool_block *blocks;
    char *room; /* the unused end of the newest block */
    size_t room_left;
    size_t next_block;                      /* size of the next block */
    vg_arena_chunk *spare[VG_POOL_CLASSES]; /* freed chunks, by size */
};

/* The largest block a pool takes (but for one chunk larger still). */
extern size_t vg_pool_block_max;

void vg_pool_init(vg_pool *p);
void vg_pool_free(vg_pool *p);

void vg_arena_init(vg_arena *a, size_t first_chunk);
/* An arena whose chunks of up to 256 KB come from pool (larger ones from the
   allocator). */
void vg_arena_init_pooled(vg_arena *a, size_t first_chunk, vg_pool *pool);
void vg_arena_free(vg_arena *a);
/* Empties the arena for reuse: its largest chunk is kept, the others freed. */
void vg_arena_reset(vg_arena *a);
/* Aligned to 8 bytes; NULL when memory runs out. Not zeroed. */
void *vg_arena_alloc(vg_arena *a, size_t size);
void *vg_arena_calloc(vg_arena *a, size_t count, size_t size);
/* Copies len bytes and a NUL. */
char *vg_arena_strndup(vg_arena *a, const char *s, size_t len);
char *vg_arena_strdup(vg_arena *a, const char *s);
/* Bytes held by the arena's chunks. */
size_t vg_arena_size(const vg_arena *a);

/* ---- growable byte buffers (vg_buf: the utility layer's, util/buf.h) ---- */

#include "util/buf.h"

/* vg_realloc and vg_free, for the library's buffers. */
extern const vg_allocator vg_lib_allocator;

/* An empty buffer on the library's allocator (veilig_set_allocator): what
   vg_buf_finish hands over is freed with vg_free. A failed allocation sticks
   (failed = 1) and is the thread's last error; vg_buf_reserve returns
   VEILIG_OK or VEILIG_ENOMEM. The rest is util/buf.h: vg_buf_put, _puts,
   _putc, _printf, _reserve, _finish (NULL if failed), _free. */
static inline void vg_buf_init(vg_buf *b) {
    vg_buf_init_with(b, &vg_lib_allocator);
}

/* ---- error records ---- */

/* Clears err (if not NULL): code OK, no position, empty texts. */
void vg_error_clear(veilig_error *err);
/* Sets code and message (printf-style) of err and of the thread's last error
   (veilig_error_last); returns code. Leaves err's position fields. */
int vg_error_set(veilig_error *err, int code, const char *fmt, ...) VG_PRINTF(3, 4);
/* The same with a va_list (for the printf-style helpers of the readers). */
int vg_error_vset(veilig_error *err, int code, const char *fmt, va_list ap) VG_PRINTF(3, 0);
/* Takes a record made in another thread: copies it to err (may be NULL) and
   to the calling thread's last error (veilig_error_last). */
void vg_error_take(veilig_error *err, const veilig_error *from);
/* Records a failure of a function without a veilig_error as the thread's
   last error (code and message, printf-style); returns code. */
int vg_fail(int code, const char *fmt, ...) VG_PRINTF(2, 3);
/* vg_fail(VEILIG_ENOMEM, "out of memory"). */
int vg_fail_oom(void);
/* vg_fail(VEILIG_EVERSION, ...) for options of version got where want is known. */
int vg_fail_version(const char *what, unsigned got, unsigned want);
void vg_error_set_source(veilig_error *err, const char *source);
/* Sets line and column from a byte position in text. */
void vg_error_set_position(veilig_error *err, const char *text, size_t len, size_t pos);
/* Copies src into dst (size bytes), cutting at a UTF-8 boundary. */
void vg_strlcpy_utf8(char *dst, const char *src, size_t size);

/* ---- dates ---- */

/* Whether a partial date is one (year 1-9999, month 0-12, day 0 or in the
   month, no day without a month): what veilig_date_format accepts. */
int vg_date_ok(const veilig_date *d);

/* ---- text ---- */

/* 1 when s[0..len) is valid UTF-8 (no overlongs, surrogates or > U+10FFFF). */
int vg_utf8_valid(const char *s, size_t len);
/* Characters (code points) of a UTF-8 string: its width in a terminal, near enough. */
size_t vg_utf8_chars(const char *s);
/* ASCII case-insensitive equality of NUL-terminated strings. */
int vg_strieq(const char *a, const char *b);
/* Appends s folded for comparison: ASCII lower case, Latin letters without
   accents ("Ï" -> "i", "ß" -> "ss"); other characters as they are. */
void vg_fold(vg_buf *b, const char *s, size_t len);
/* Whether the fold of s[0..len) contains needle[0..nlen) (itself folded):
   strstr over vg_fold's output, without writing it. */
int vg_fold_contains(const char *s, size_t len, const char *needle, size_t nlen);
/* Levenshtein distance of two strings (bytes), or (size_t)-1 when one is
   longer than 63 bytes. */
size_t vg_edit_distance(const char *a, const char *b);
/* veilig_vocab_from_code by comparing text only: for codes read from a
   document, which are never the vocabulary's own strings (the public
   function first looks for those by their address, as the model's
   accessors hand them out). */
int vg_vocab_find_code(veilig_vocab vocab, const char *code);
/* Of the n candidates, the one nearest to text by edit distance, when that is
   at most max; NULL otherwise (and for text itself). */
const char *vg_nearest(const char *text, const char *const *cands, size_t n, size_t max);
/* FNV-1a, optionally folding ASCII case. */
uint32_t vg_hash(const char *s, size_t len, int fold_case);

/* ---- string index: string -> position, open addressing ---- */

typedef struct vg_index {
    uint32_t *slots; /* position + 1, 0 for empty */
    size_t cap;      /* power of two, or 0 */
    size_t count;
    int fold_case;
} vg_index;

/* The key of position i, for look-ups and rehashing. */
typedef const char *(*vg_index_key_fn)(const void *ctx, size_t pos);

void vg_index_init(vg_index *ix, int fold_case);
void vg_index_free(vg_index *ix);
/* Adds position pos (its key from key_fn); a key already present keeps its first position. */
int vg_index_add(vg_index *ix, size_t pos, vg_index_key_fn key_fn, const void *ctx);
/* Position of key, or (size_t)-1. */
size_t vg_index_find(const vg_index *ix, const char *key, vg_index_key_fn key_fn, const void *ctx);
/* Rebuilds from positions 0..n-1. Cannot fail when the index already has room
   for n keys (its slots are reused); on ENOMEM the old index is kept. */
int vg_index_rebuild(vg_index *ix, size_t n, vg_index_key_fn key_fn, const void *ctx);

/* ---- files: the atomic writer of the utility layer (vg_open_temp, vg_sync_dir, vg_atomic_write)
 * ---- */

#include "util/atomic.h"

#endif
