/* libveilig's private utility layer: the one growable byte buffer (buf.h). */
#include "buf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const vg_allocator vg_std_allocator = {realloc, free};

void vg_buf_init_with(vg_buf *b, const vg_allocator *alloc) {
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = 0;
    b->alloc = alloc;
}

void vg_buf_init_fixed(vg_buf *b, char *mem, size_t size) {
    vg_buf_init_with(b, NULL);
    b->data = mem;
    b->cap = size;
    mem[0] = '\0';
}

void vg_buf_free(vg_buf *b) {
    if (!b->alloc) { /* fixed: the memory is the caller's */
        b->len = 0;
        b->failed = 0;
        b->data[0] = '\0';
        return;
    }
    if (b->data)
        b->alloc->free_fn(b->data);
    vg_buf_init_with(b, b->alloc);
}

int vg_buf_reserve(vg_buf *b, size_t extra) {
    if (b->failed)
        return -1;
    if (extra > SIZE_MAX - b->len - 1) {
        b->failed = 1;
        return -1;
    }
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return 0;
    if (!b->alloc) {
        b->failed = 1;
        return -1;
    }
    size_t ncap = b->cap ? b->cap : 256;
    while (ncap < need)
        ncap = ncap > SIZE_MAX / 2 ? need : ncap * 2;
    char *p = b->alloc->realloc_fn(b->data, ncap);
    if (!p) {
        b->failed = 1;
        return -1;
    }
    p[b->len] = '\0'; /* a new buffer is the empty string */
    b->data = p;
    b->cap = ncap;
    return 0;
}

void vg_buf_put(vg_buf *b, const char *s, size_t len) {
    if (b->failed || len >= b->cap - b->len) { /* (cap > len always: the NUL) */
        if (vg_buf_reserve(b, len) != 0)
            return;
    }
    if (len)
        memcpy(b->data + b->len, s, len);
    b->len += len;
    b->data[b->len] = '\0';
}

void vg_buf_puts(vg_buf *b, const char *s) {
    vg_buf_put(b, s ? s : "", s ? strlen(s) : 0);
}

void vg_buf_printf(vg_buf *b, const char *fmt, ...) {
    char small[128];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->failed = 1;
        return;
    }
    if ((size_t)n < sizeof small) {
        vg_buf_put(b, small, (size_t)n);
        return;
    }
    if (vg_buf_reserve(b, (size_t)n) != 0)
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

char *vg_buf_finish(vg_buf *b, size_t *len) {
    if (vg_buf_reserve(b, 0) != 0) {
        vg_buf_free(b);
        return NULL;
    }
    b->data[b->len] = '\0'; /* also after a writer of its own that set len */
    char *p = b->data;
    if (len)
        *len = b->len;
    vg_buf_init_with(b, b->alloc);
    return p;
}
