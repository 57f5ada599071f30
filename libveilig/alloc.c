/* libveilig: allocation through the process's allocator, arenas, the buffers' allocator. */
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

void vg_arena_reset(vg_arena *a) {
    vg_arena_chunk *keep = NULL;
    for (vg_arena_chunk *c = a->head; c; c = c->next)
        if (!keep || c->size > keep->size)
            keep = c;
    vg_arena_chunk *c = a->head;
    while (c) {
        vg_arena_chunk *next = c->next;
        if (c != keep)
            vg_free(c);
        c = next;
    }
    a->head = keep;
    if (keep) {
        keep->used = 0;
        keep->next = NULL;
    }
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

/* ---- buffers: the utility layer's (util/buf.c), on the library's allocator ---- */

/* vg_buf_reserve's -1 is the library's VEILIG_ENOMEM. */
typedef char vg_buf_reserve_is_enomem[VEILIG_ENOMEM == -1 ? 1 : -1];

/* vg_realloc and vg_free: through the allocator hook, a failure recorded as
   the thread's last error (veilig_error_last). */
const vg_allocator vg_lib_allocator = {vg_realloc, vg_free};
