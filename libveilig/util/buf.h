/*
 * libveilig's private utility layer (libveilig/util, as libgit2's src/util):
 * the one growable byte buffer, of the library (vg_buf_init in internal.h:
 * every byte through the allocator set with veilig_set_allocator), the tool
 * (veilig) and the Lua module (vg_buf_init_std: malloc, realloc and free).
 *
 * Nothing here touches the library's state: a buffer carries the allocator
 * it grows with (vg_allocator), so that the tool and the Lua module, which
 * see only the shared library's exported symbols, compile this file in as
 * well. Not installed; nothing is exported (every name is hidden).
 *
 * - A failed allocation sticks: failed is set, every later write does
 *   nothing, vg_buf_reserve fails and vg_buf_finish returns NULL.
 * - data is NULL until the first write; after every write through these
 *   functions it is NUL-terminated (data[len] == '\0'), so that it can be
 *   read as a string at once. Code that writes into data itself (after
 *   vg_buf_reserve) and sets len keeps that up itself.
 */
#ifndef VG_UTIL_BUF_H
#define VG_UTIL_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#if defined(__GNUC__) || defined(__clang__)
#define VG_BUF_HIDDEN       __attribute__((visibility("hidden")))
#define VG_BUF_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define VG_BUF_HIDDEN
#define VG_BUF_PRINTF(f, a)
#endif

/* How a buffer gets and gives back memory: realloc_fn as realloc (NULL when
   it fails; ptr NULL to allocate), free_fn as free (NULL ignored). */
typedef struct vg_allocator {
    void *(*realloc_fn)(void *ptr, size_t size);
    void (*free_fn)(void *ptr);
} vg_allocator;

/* The C library's realloc and free (the tool, the Lua module). */
VG_BUF_HIDDEN extern const vg_allocator vg_std_allocator;

typedef struct vg_buf {
    char *data; /* NULL before the first write; data[len] is NUL after each */
    size_t len;
    size_t cap;                /* bytes at data */
    int failed;                /* an allocation failed: the text is incomplete */
    const vg_allocator *alloc; /* what data grows with; NULL: fixed (vg_buf_init_fixed) */
} vg_buf;

/* An empty buffer that grows with alloc (which must outlive it). */
VG_BUF_HIDDEN void vg_buf_init_with(vg_buf *b, const vg_allocator *alloc);
/* An empty buffer on malloc, realloc and free (data is free()'d). */
static inline void vg_buf_init_std(vg_buf *b) {
    vg_buf_init_with(b, &vg_std_allocator);
}
/* An empty buffer in mem (size bytes, at least 1), which it never grows
   beyond: a write that does not fit fails (failed). vg_buf_free leaves mem
   alone; do not vg_buf_finish it. */
VG_BUF_HIDDEN void vg_buf_init_fixed(vg_buf *b, char *mem, size_t size);
/* Frees the data; the buffer is empty again (with the same allocator). */
VG_BUF_HIDDEN void vg_buf_free(vg_buf *b);
/* Makes room for extra more bytes and a NUL. Returns 0, or -1 (the value of
   VEILIG_ENOMEM) when the buffer has failed or fails now. */
VG_BUF_HIDDEN int vg_buf_reserve(vg_buf *b, size_t extra);
/* vg_buf_put when the bytes do not fit as the buffer is: grows it first. */
VG_BUF_HIDDEN void vg_buf_put_grow(vg_buf *b, const char *s, size_t len);
/* Appends s[0..len) (s may be NULL when len is 0). Inline, as the pages are
   made of millions of short pieces: what fits is copied here (and a
   literal's length and copy are worked out by the compiler), the rest goes
   through vg_buf_put_grow. */
static inline void vg_buf_put(vg_buf *b, const char *s, size_t len) {
    if (!b->failed && len < b->cap - b->len) { /* (cap > len always: the NUL) */
        if (len)
            memcpy(b->data + b->len, s, len);
        b->len += len;
        b->data[b->len] = '\0';
        return;
    }
    vg_buf_put_grow(b, s, len);
}
/* Appends the string s; NULL appends nothing (as ""). */
static inline void vg_buf_puts(vg_buf *b, const char *s) {
    if (s)
        vg_buf_put(b, s, strlen(s));
    else
        vg_buf_put(b, "", 0);
}
/* Appends text formatted as printf does. The common conversions (%%, %c, %s
   alone, %d %i %u with the flags 0 and space, a width and the lengths l, ll,
   z) are formatted here, without the C library's vsnprintf, whose cost per
   call is far above theirs; a format with any other goes to vsnprintf. */
VG_BUF_HIDDEN void vg_buf_printf(vg_buf *b, const char *fmt, ...) VG_BUF_PRINTF(2, 3);
VG_BUF_HIDDEN void vg_buf_vprintf(vg_buf *b, const char *fmt, va_list ap) VG_BUF_PRINTF(2, 0);
/* Appends v in decimal, as printf's %lld (without a format to read). */
VG_BUF_HIDDEN void vg_buf_put_int(vg_buf *b, long long v);
/* snprintf for short texts, through vg_buf_printf: formats into buf (size
   bytes, always NUL-terminated) and returns the length, or -1 when it did
   not fit (buf then holds the pieces that did). */
VG_BUF_HIDDEN int vg_format(char *buf, size_t size, const char *fmt, ...) VG_BUF_PRINTF(3, 4);
/* NUL-terminates and hands the data over (freed with the buffer's allocator:
   vg_free in the library, free() for vg_buf_init_std); the buffer is empty
   again. NULL (the data freed) when the buffer has failed. */
VG_BUF_HIDDEN char *vg_buf_finish(vg_buf *b, size_t *len);

/* Appends one byte: inline, for the writers that go byte by byte (JSON,
   HTML, escaping); the rare growth goes through vg_buf_put_grow. */
static inline void vg_buf_putc(vg_buf *b, char c) {
    if (b->len + 1 < b->cap && !b->failed) {
        b->data[b->len++] = c;
        b->data[b->len] = '\0';
        return;
    }
    vg_buf_put_grow(b, &c, 1);
}

#endif
