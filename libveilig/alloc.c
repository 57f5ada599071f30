/* libveilig: allocation through the process's allocator, arenas, buffers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static veilig_malloc_fn vg_malloc_fn = malloc;
static veilig_realloc_fn vg_realloc_fn = realloc;
static veilig_free_fn vg_free_fn = free;

int veilig_set_allocator(veilig_malloc_fn malloc_fn, veilig_realloc_fn realloc_fn,
                         veilig_free_fn free_fn) {
    if (!malloc_fn && !realloc_fn && !free_fn) {
        vg_malloc_fn = malloc;
        vg_realloc_fn = realloc;
        vg_free_fn = free;
        return VEILIG_OK;
    }
    if (!malloc_fn || !realloc_fn || !free_fn)
        return vg_fail(VEILIG_EINVAL, "veilig_set_allocator: give all three functions or none");
    vg_malloc_fn = malloc_fn;
    vg_realloc_fn = realloc_fn;
    vg_free_fn = free_fn;
    return VEILIG_OK;
}

/* Every allocation failure is the thread's last error (veilig_error_last). */
void *vg_malloc(size_t size) {
    void *p = vg_malloc_fn(size ? size : 1);
    if (!p)
        vg_fail_oom();
    return p;
}

void *vg_calloc(size_t count, size_t size) {
    if (size && count > SIZE_MAX / size) {
        vg_fail_oom();
        return NULL;
    }
    void *p = vg_malloc(count * size);
    if (p)
        memset(p, 0, count * size);
    return p;
}

void *vg_realloc(void *ptr, size_t size) {
    void *p = vg_realloc_fn(ptr, size ? size : 1);
    if (!p)
        vg_fail_oom();
    return p;
}

void vg_free(void *ptr) {
    if (ptr)
        vg_free_fn(ptr);
}

void veilig_free(void *ptr) {
    vg_free(ptr);
}

int vg_grow(void **array, size_t *cap, size_t need, size_t elem) {
    if (need <= *cap)
        return VEILIG_OK;
    size_t ncap = *cap ? *cap : 4;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2 / elem)
            return vg_fail_oom();
        ncap *= 2;
    }
    void *p = vg_realloc(*array, ncap * elem);
    if (!p)
        return VEILIG_ENOMEM;
    *array = p;
    *cap = ncap;
    return VEILIG_OK;
}

/* ---- arenas ---- */

struct vg_arena_chunk {
    vg_arena_chunk *next;
    size_t size; /* usable bytes */
    size_t used;
    /* data follows, 8-aligned */
};

#define VG_CHUNK_HEAD ((sizeof(vg_arena_chunk) + 7) & ~(size_t)7)
#define VG_CHUNK_MAX  ((size_t)1 << 20)

void vg_arena_init(vg_arena *a, size_t first_chunk) {
    a->head = NULL;
    a->next_size = first_chunk < 256 ? 256 : first_chunk;
}

void vg_arena_free(vg_arena *a) {
    vg_arena_chunk *c = a->head;
    while (c) {
        vg_arena_chunk *next = c->next;
        vg_free(c);
        c = next;
    }
    a->head = NULL;
}

void *vg_arena_alloc(vg_arena *a, size_t size) {
    size = (size + 7) & ~(size_t)7;
    if (size == 0)
        size = 8;
    vg_arena_chunk *c = a->head;
    if (c && c->size - c->used >= size) {
        void *p = (char *)c + VG_CHUNK_HEAD + c->used;
        c->used += size;
        return p;
    }
    size_t csize = a->next_size;
    if (csize < size)
        csize = size;
    if (csize > SIZE_MAX - VG_CHUNK_HEAD)
        return NULL;
    vg_arena_chunk *n = vg_malloc(VG_CHUNK_HEAD + csize);
    if (!n)
        return NULL;
    n->size = csize;
    n->used = size;
    /* A big one-off block goes behind the current chunk so that the current
       chunk's free space stays in use. */
    if (c && size > a->next_size / 2 && c->size - c->used > 64) {
        n->next = c->next;
        c->next = n;
    } else {
        n->next = c;
        a->head = n;
        if (a->next_size < VG_CHUNK_MAX)
            a->next_size *= 2;
    }
    return (char *)n + VG_CHUNK_HEAD;
}

void *vg_arena_calloc(vg_arena *a, size_t count, size_t size) {
    if (size && count > SIZE_MAX / size)
        return NULL;
    void *p = vg_arena_alloc(a, count * size);
    if (p)
        memset(p, 0, count * size);
    return p;
}

char *vg_arena_strndup(vg_arena *a, const char *s, size_t len) {
    if (len == SIZE_MAX)
        return NULL;
    char *p = vg_arena_alloc(a, len + 1);
    if (!p)
        return NULL;
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *vg_arena_strdup(vg_arena *a, const char *s) {
    return s ? vg_arena_strndup(a, s, strlen(s)) : NULL;
}

size_t vg_arena_size(const vg_arena *a) {
    size_t n = 0;
    for (const vg_arena_chunk *c = a->head; c; c = c->next)
        n += VG_CHUNK_HEAD + c->size;
    return n;
}

/* ---- buffers ---- */

void vg_buf_init(vg_buf *b) {
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = 0;
}

void vg_buf_free(vg_buf *b) {
    vg_free(b->data);
    vg_buf_init(b);
}

int vg_buf_reserve(vg_buf *b, size_t extra) {
    if (b->failed)
        return VEILIG_ENOMEM;
    if (extra > SIZE_MAX - b->len - 1) {
        b->failed = 1;
        return VEILIG_ENOMEM;
    }
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return VEILIG_OK;
    size_t ncap = b->cap ? b->cap : 256;
    while (ncap < need)
        ncap = ncap > SIZE_MAX / 2 ? need : ncap * 2;
    char *p = vg_realloc(b->data, ncap);
    if (!p) {
        b->failed = 1;
        return VEILIG_ENOMEM;
    }
    b->data = p;
    b->cap = ncap;
    return VEILIG_OK;
}

void vg_buf_put(vg_buf *b, const char *s, size_t len) {
    if (vg_buf_reserve(b, len) != VEILIG_OK)
        return;
    memcpy(b->data + b->len, s, len);
    b->len += len;
}

void vg_buf_puts(vg_buf *b, const char *s) {
    vg_buf_put(b, s, strlen(s));
}

void vg_buf_putc(vg_buf *b, char c) {
    if (b->len + 1 < b->cap && !b->failed) {
        b->data[b->len++] = c;
        return;
    }
    vg_buf_put(b, &c, 1);
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
    if (vg_buf_reserve(b, (size_t)n) != VEILIG_OK)
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

char *vg_buf_finish(vg_buf *b, size_t *len) {
    if (vg_buf_reserve(b, 0) != VEILIG_OK) {
        vg_buf_free(b);
        return NULL;
    }
    b->data[b->len] = '\0';
    char *p = b->data;
    if (len)
        *len = b->len;
    vg_buf_init(b);
    return p;
}
