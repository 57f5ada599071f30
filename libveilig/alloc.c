/* libveilig: allocation through the process's allocator (the hook of
   veilig_set_allocator), the buffers' allocator. Arenas: arena.c. */
#include <stdlib.h>
#include <string.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif

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

/* Transparent huge pages are 2 MB on x86-64 and (with 4 KB pages) arm64. */
#define VG_HUGE_PAGE ((size_t)2 << 20)

void *vg_malloc_block(size_t size) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    if (vg_malloc_fn == malloc && size >= VG_HUGE_PAGE) {
        void *p = NULL;
        if (posix_memalign(&p, VG_HUGE_PAGE, size)) {
            vg_fail_oom();
            return NULL;
        }
        /* advice only: where huge pages are off, nothing changes */
        (void)madvise(p, size, MADV_HUGEPAGE);
        return p;
    }
#endif
    return vg_malloc(size);
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

/* ---- buffers: the utility layer's (util/buf.c), on the library's allocator ---- */

/* vg_buf_reserve's -1 is the library's VEILIG_ENOMEM. */
typedef char vg_buf_reserve_is_enomem[VEILIG_ENOMEM == -1 ? 1 : -1];

/* vg_realloc and vg_free: through the allocator hook, a failure recorded as
   the thread's last error (veilig_error_last). */
const vg_allocator vg_lib_allocator = {vg_realloc, vg_free};
