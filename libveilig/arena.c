/* libveilig: arenas (many small allocations freed at once) and the pools
   their chunks may come from. */
#include <stdint.h>
#include <string.h>

#include "internal.h"

struct vg_arena_chunk {
    vg_arena_chunk *next;
    size_t size; /* usable bytes */
    size_t used;
    size_t cls; /* 0: from the allocator; k + 1: the pool's chunk class k */
    /* data follows, 8-aligned */
};

#define VG_CHUNK_HEAD ((sizeof(vg_arena_chunk) + 7) & ~(size_t)7)
#define VG_CHUNK_MAX  ((size_t)1 << 20)

/* ---- pools ---- */

#define VG_POOL_MIN_SHIFT   10 /* the smallest chunk class: 1 KB */
#define VG_POOL_CHUNK_MAX   ((size_t)1 << (VG_POOL_MIN_SHIFT + VG_POOL_CLASSES - 1))
#define VG_POOL_FIRST_BLOCK ((size_t)64 << 10)

/* The largest block a pool takes but for one chunk larger still (blocks
   double up to it: 4 MiB, two huge pages; tests make it small). */
size_t vg_pool_block_max = (size_t)4 << 20;

struct vg_pool_block {
    vg_pool_block *next;
};

#define VG_BLOCK_HEAD ((sizeof(vg_pool_block) + 15) & ~(size_t)15)

static size_t vg_class_bytes(unsigned k) {
    return VG_CHUNK_HEAD + ((size_t)1 << (VG_POOL_MIN_SHIFT + k));
}

void vg_pool_init(vg_pool *p) {
    memset(p, 0, sizeof *p);
    p->next_block =
        VG_POOL_FIRST_BLOCK < vg_pool_block_max ? VG_POOL_FIRST_BLOCK : vg_pool_block_max;
}

void vg_pool_free(vg_pool *p) {
    vg_pool_block *b = p->blocks;
    while (b) {
        vg_pool_block *next = b->next;
        vg_free(b);
        b = next;
    }
    vg_pool_init(p);
}

/* Cuts a chunk of class k from the newest block (which has room for it). */
static vg_arena_chunk *vg_pool_cut(vg_pool *p, unsigned k) {
    vg_arena_chunk *c = (vg_arena_chunk *)(void *)p->room;
    size_t bytes = vg_class_bytes(k);
    p->room += bytes;
    p->room_left -= bytes;
    c->size = (size_t)1 << (VG_POOL_MIN_SHIFT + k);
    c->cls = k + 1;
    return c;
}

/* A chunk of class k: a spare one, else cut from the newest block, else from
   a new block (the old block's rest cut into spare chunks first). */
static vg_arena_chunk *vg_pool_take(vg_pool *p, unsigned k) {
    vg_arena_chunk *c = p->spare[k];
    if (c) {
        p->spare[k] = c->next;
        return c;
    }
    size_t bytes = vg_class_bytes(k);
    if (p->room_left < bytes) {
        for (unsigned j = k; j-- > 0;)
            while (p->room_left >= vg_class_bytes(j)) {
                vg_arena_chunk *rest = vg_pool_cut(p, j);
                rest->next = p->spare[j];
                p->spare[j] = rest;
            }
        size_t size = p->next_block;
        if (size < VG_BLOCK_HEAD + bytes)
            size = VG_BLOCK_HEAD + bytes;
        vg_pool_block *b = vg_malloc_block(size);
        if (!b)
            return NULL;
        b->next = p->blocks;
        p->blocks = b;
        p->room = (char *)b + VG_BLOCK_HEAD;
        p->room_left = size - VG_BLOCK_HEAD;
        if (p->next_block < vg_pool_block_max)
            p->next_block *= 2;
    }
    return vg_pool_cut(p, k);
}

/* ---- arenas ---- */

void vg_arena_init(vg_arena *a, size_t first_chunk) {
    a->head = NULL;
    a->next_size = first_chunk < 256 ? 256 : first_chunk;
    a->pool = NULL;
}

void vg_arena_init_pooled(vg_arena *a, size_t first_chunk, vg_pool *pool) {
    vg_arena_init(a, first_chunk);
    a->pool = pool;
}

/* A new chunk of at least size usable bytes (the pool's class, when it has
   one that large). */
static vg_arena_chunk *vg_chunk_new(vg_arena *a, size_t size) {
    vg_arena_chunk *c;
    if (a->pool && size <= VG_POOL_CHUNK_MAX) {
        unsigned k = 0;
        while (((size_t)1 << (VG_POOL_MIN_SHIFT + k)) < size)
            k++;
        c = vg_pool_take(a->pool, k);
    } else {
        if (size > SIZE_MAX - VG_CHUNK_HEAD)
            return NULL;
        c = vg_malloc(VG_CHUNK_HEAD + size);
        if (c) {
            c->size = size;
            c->cls = 0;
        }
    }
    if (c)
        c->used = 0;
    return c;
}

static void vg_chunk_release(vg_arena *a, vg_arena_chunk *c) {
    if (c->cls) {
        c->next = a->pool->spare[c->cls - 1];
        a->pool->spare[c->cls - 1] = c;
    } else {
        vg_free(c);
    }
}

void vg_arena_free(vg_arena *a) {
    vg_arena_chunk *c = a->head;
    while (c) {
        vg_arena_chunk *next = c->next;
        vg_chunk_release(a, c);
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
            vg_chunk_release(a, c);
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
    vg_arena_chunk *n = vg_chunk_new(a, a->next_size < size ? size : a->next_size);
    if (!n)
        return NULL;
    n->used = size;
    /* A big one-off block goes behind the current chunk so that the current
       chunk's free space stays in use. */
    if (c && size > a->next_size / 2 && c->size - c->used > 64) {
        n->next = c->next;
        c->next = n;
    } else {
        n->next = c;
        a->head = n;
        /* a pooled arena grows up to the pool's largest chunk */
        if (a->next_size < (a->pool ? VG_POOL_CHUNK_MAX : VG_CHUNK_MAX))
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
