/*
 * Allocation tests: every allocation of the library goes through the
 * functions given to veilig_set_allocator, nothing leaks, and a failure of
 * any one allocation gives VEILIG_ENOMEM (or success), leaves *out NULL and
 * the objects as they were.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "veilig.h"
#include "testutil.h"

#define OK(x)       ck_assert_int_eq((x), VEILIG_OK)
#define RC(x, code) ck_assert_int_eq((x), (code))

static int sentinel_target;
#define SENTINEL ((void *)&sentinel_target)

/* ---- the test allocator: a header before each block ---- */

typedef union block_header {
    struct {
        size_t size;
        unsigned magic;
    } h;
    long double align_ld;
    void *align_p;
    long long align_ll;
} block_header;

#define MAGIC_LIVE  0x5eaf00dU
#define MAGIC_FREED 0xdeadbeefU

static size_t n_allocs;    /* successful mallocs and reallocs of NULL */
static size_t n_frees;     /* frees of live blocks */
static size_t live_blocks; /* blocks allocated and not yet freed */
static size_t live_bytes;
static size_t bad_frees; /* frees of pointers this allocator did not hand out */
static long calls;       /* allocation calls (malloc and realloc) counted */
static long fail_at;     /* fail the call with this number (1-based); 0: never */
static int failed;       /* a call was failed */
static int counting = 1; /* 0: calls are neither counted nor failed */

static void *t_malloc(size_t size) {
    if (counting) {
        calls++;
        if (fail_at && calls == fail_at) {
            failed = 1;
            return NULL;
        }
    }
    block_header *b = malloc(sizeof *b + size);
    if (!b)
        return NULL;
    b->h.size = size;
    b->h.magic = MAGIC_LIVE;
    n_allocs++;
    live_blocks++;
    live_bytes += size;
    return b + 1;
}

static void t_free(void *p) {
    if (!p)
        return;
    block_header *b = (block_header *)p - 1;
    if (b->h.magic != MAGIC_LIVE) {
        bad_frees++;
        return;
    }
    b->h.magic = MAGIC_FREED;
    n_frees++;
    live_blocks--;
    live_bytes -= b->h.size;
    free(b);
}

static void *t_realloc(void *p, size_t size) {
    if (!p)
        return t_malloc(size);
    block_header *b = (block_header *)p - 1;
    if (b->h.magic != MAGIC_LIVE) {
        bad_frees++;
        return NULL;
    }
    if (counting) {
        calls++;
        if (fail_at && calls == fail_at) {
            failed = 1;
            return NULL; /* the old block stays as it was */
        }
    }
    size_t old = b->h.size;
    block_header *nb = realloc(b, sizeof *nb + size);
    if (!nb)
        return NULL;
    nb->h.size = size;
    live_bytes = live_bytes - old + size;
    return nb + 1;
}

static void reset_counts(void) {
    n_allocs = n_frees = live_blocks = live_bytes = bad_frees = 0;
    calls = 0;
    fail_at = 0;
    failed = 0;
    counting = 1;
}

/* ---- helpers ---- */

static char *canonical;
static size_t canonical_len;

/* A dump made while nothing fails or is counted; a plain malloc'ed copy (free()). */
static char *quiet_dump(const veilig_registry *reg) {
    int saved = counting;
    counting = 0;
    char *text = NULL;
    size_t len = 0;
    OK(veilig_registry_dump(&text, &len, reg, NULL, NULL));
    char *copy = malloc(len + 1);
    ck_assert_ptr_nonnull(copy);
    memcpy(copy, text, len + 1);
    veilig_free(text);
    counting = saved;
    return copy;
}

static char tmpdir_path[256];

/* The names in dir other than . and .., joined with ' ' (in directory order). */
static void list_dir(char *out, size_t size, const char *dir) {
    DIR *d = opendir(dir);
    ck_assert_ptr_nonnull(d);
    struct dirent *e;
    out[0] = '\0';
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (out[0])
            strncat(out, " ", size - strlen(out) - 1);
        strncat(out, e->d_name, size - strlen(out) - 1);
    }
    closedir(d);
}

static void write_old(const char *path) {
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    fputs("old\n", f);
    ck_assert_int_eq(fclose(f), 0);
}

/* ---- counting ---- */

START_TEST(test_counting) {
    reset_counts();
    veilig_registry *reg = NULL;
    veilig_error err;
    int rc = veilig_registry_load_string(&reg, canonical, canonical_len, NULL, &err);
    ck_assert_msg(rc == VEILIG_OK, "load: %s", err.message);
    char *text = NULL;
    size_t len = 0;
    OK(veilig_registry_dump(&text, &len, reg, NULL, &err));
    ck_assert_uint_eq(len, canonical_len);
    ck_assert_mem_eq(text, canonical, len);
    ck_assert_uint_gt(n_allocs, 0);
    ck_assert_uint_gt(live_blocks, 0);
    veilig_free(text);
    veilig_registry_free(reg);
    ck_assert_uint_eq(bad_frees, 0);
    ck_assert_uint_eq(n_allocs, n_frees);
    ck_assert_uint_eq(live_blocks, 0);
    ck_assert_uint_eq(live_bytes, 0);

    /* load_file, save_file, the builder, fragments, errors */
    size_t before = n_allocs;
    reg = NULL;
    OK(veilig_registry_load_file(&reg, vg_test_data("canonical.json"), NULL, &err));
    char path[512];
    snprintf(path, sizeof path, "%s/counting.json", tmpdir_path);
    OK(veilig_registry_save_file(reg, path, NULL, &err));
    veilig_municipality *m = NULL;
    OK(veilig_registry_add(&m, reg, "GM0999", "Nieuw"));
    OK(veilig_municipality_add_measure(NULL, m, "a", "A", VEILIG_CATEGORY_CAMPAIGN));
    const char *frag = "{\"code\": \"GM0888\", \"name\": \"N\", \"focus\": [\"x_new\"]}";
    OK(veilig_registry_add_json(NULL, reg, frag, strlen(frag), VEILIG_ADD_AS_LOADED, &err));
    RC(veilig_registry_add_json(NULL, reg, "{\"code\": 1}", 11, 0, &err), VEILIG_ESCHEMA);
    RC(veilig_registry_add_json(NULL, reg, frag, strlen(frag), VEILIG_ADD_AS_LOADED, &err),
       VEILIG_EEXISTS);
    veilig_registry *bad = SENTINEL;
    RC(veilig_registry_load_string(&bad, "{\"format\": [}", 13, NULL, &err), VEILIG_EPARSE);
    ck_assert_ptr_null(bad);
    veilig_registry_free(reg);
    ck_assert_uint_gt(n_allocs, before);
    ck_assert_uint_eq(bad_frees, 0);
    ck_assert_uint_eq(live_blocks, 0);
    ck_assert_uint_eq(live_bytes, 0);
    ck_assert_int_eq(unlink(path), 0);
}
END_TEST

START_TEST(test_set_allocator) {
    reset_counts();
    RC(veilig_set_allocator(t_malloc, NULL, t_free), VEILIG_EINVAL);
    RC(veilig_set_allocator(NULL, t_realloc, t_free), VEILIG_EINVAL);
    RC(veilig_set_allocator(t_malloc, t_realloc, NULL), VEILIG_EINVAL);
    RC(veilig_set_allocator(NULL, NULL, t_free), VEILIG_EINVAL);
    /* a refused call changes nothing: ours are still in use */
    veilig_registry *reg = NULL;
    OK(veilig_registry_new(&reg));
    veilig_registry_free(reg);
    ck_assert_uint_gt(n_allocs, 0);
    ck_assert_uint_eq(live_blocks, 0);

    /* three NULLs: the C library's functions again */
    OK(veilig_set_allocator(NULL, NULL, NULL));
    size_t seen = n_allocs;
    reg = NULL;
    OK(veilig_registry_load_string(&reg, canonical, canonical_len, NULL, NULL));
    char *text = NULL;
    OK(veilig_registry_dump(&text, NULL, reg, NULL, NULL));
    veilig_free(text);
    veilig_registry_free(reg);
    ck_assert_uint_eq(n_allocs, seen);
    ck_assert_uint_eq(n_frees, seen);

    /* and ours once more */
    OK(veilig_set_allocator(t_malloc, t_realloc, t_free));
    OK(veilig_registry_new(&reg));
    ck_assert_uint_gt(n_allocs, seen);
    veilig_registry_free(reg);
    ck_assert_uint_eq(live_blocks, 0);
    ck_assert_uint_eq(bad_frees, 0);
}
END_TEST

/* ---- failing the Nth allocation ---- */

/* A step that may fail: OK, or ENOMEM and then the scenario stops. */
#define STEP(call)                                                                                 \
    do {                                                                                           \
        int rc_ = (call);                                                                          \
        ck_assert_msg(rc_ == VEILIG_OK || rc_ == VEILIG_ENOMEM,                                    \
                      "allocation %ld failed: %s gave %s", fail_at, #call, veilig_strerror(rc_));  \
        if (rc_ == VEILIG_ENOMEM) {                                                                \
            ck_assert_msg(failed, "%s: VEILIG_ENOMEM without a failed allocation", #call);         \
            goto fail;                                                                             \
        }                                                                                          \
    } while (0)

/* A builder step on reg: on ENOMEM the registry must be as it was. */
#define BUILD(call)                                                                                \
    do {                                                                                           \
        char *before_ = quiet_dump(reg);                                                           \
        int rc_ = (call);                                                                          \
        ck_assert_msg(rc_ == VEILIG_OK || rc_ == VEILIG_ENOMEM,                                    \
                      "allocation %ld failed: %s gave %s", fail_at, #call, veilig_strerror(rc_));  \
        if (rc_ == VEILIG_ENOMEM) {                                                                \
            char *after_ = quiet_dump(reg);                                                        \
            ck_assert_msg(strcmp(before_, after_) == 0, "%s changed the registry on ENOMEM",       \
                          #call);                                                                  \
            free(after_);                                                                          \
            free(before_);                                                                         \
            goto fail;                                                                             \
        }                                                                                          \
        free(before_);                                                                             \
    } while (0)

/* Runs the scenario; returns its final dump (free()) when every step succeeded, else NULL. */
static char *scenario(const char *path) {
    veilig_error err;
    veilig_registry *reg = NULL, *reg2 = SENTINEL;
    char *text = NULL, *mj = NULL;
    char *result = NULL;
    size_t len = 0;
    char listing[512];

    /* load a file, then a string */
    STEP(veilig_registry_load_file(&reg2, vg_test_data("canonical.json"), NULL, &err));
    veilig_registry_free(reg2);
    reg2 = NULL;
    reg = SENTINEL;
    STEP(veilig_registry_load_string(&reg, canonical, canonical_len, NULL, &err));
    /* dump */
    text = SENTINEL;
    STEP(veilig_registry_dump(&text, &len, reg, NULL, &err));
    ck_assert_uint_eq(len, canonical_len);
    ck_assert_mem_eq(text, canonical, len);
    veilig_free(text);
    text = NULL;
    /* save over an old file */
    {
        int rc = veilig_registry_save_file(reg, path, NULL, &err);
        ck_assert_msg(rc == VEILIG_OK || rc == VEILIG_ENOMEM, "save_file: %s", veilig_strerror(rc));
        list_dir(listing, sizeof listing, tmpdir_path);
        ck_assert_str_eq(listing, "doc.json");
        size_t flen = 0;
        char *content = vg_test_read_file(path, &flen);
        if (rc == VEILIG_ENOMEM) {
            ck_assert_str_eq(content, "old\n");
            free(content);
            goto fail;
        }
        ck_assert_uint_eq(flen, canonical_len);
        ck_assert_mem_eq(content, canonical, flen);
        free(content);
    }
    /* the builder */
    veilig_municipality *m = NULL;
    BUILD(veilig_registry_add(&m, reg, "GM0999", "Nieuwdorp"));
    ck_assert_ptr_nonnull(m);
    veilig_measure *ms = NULL;
    BUILD(veilig_municipality_add_measure(&ms, m, "straatcoaches", "Straatcoaches",
                                          VEILIG_CATEGORY_SUPERVISION));
    ck_assert_ptr_nonnull(ms);
    BUILD(veilig_municipality_set_summary(m, "Een nieuwe gemeente in het programma."));
    BUILD(veilig_municipality_set_name(m, "Nieuwdorp-Stad"));
    BUILD(veilig_municipality_add_target_group(m, VEILIG_TARGET_GROUP_YOUTH));
    veilig_window *w = NULL;
    BUILD(veilig_measure_add_window(&w, ms));
    BUILD(veilig_window_add_day(w, VEILIG_DAY_SAT));
    BUILD(veilig_measure_set_budget(ms, 250000, "EUR"));
    veilig_stakeholder *s = NULL;
    BUILD(veilig_municipality_add_stakeholder(&s, m, "boa", "Boa's",
                                              VEILIG_STAKEHOLDER_TYPE_OTHER_KIND));
    BUILD(veilig_measure_add_partner(NULL, ms, "boa", VEILIG_ROLE_EXECUTING));
    veilig_indicator *ind = NULL;
    BUILD(veilig_municipality_add_indicator(&ind, m, "boetes", "Aantal boetes"));
    veilig_date d = {2024, 1, 0};
    BUILD(veilig_indicator_add_observation(NULL, ind, &d, 3));
    BUILD(veilig_measure_add_indicator(ms, "boetes"));
    veilig_programme *p = NULL;
    BUILD(veilig_registry_set_programme(&p, reg));
    BUILD(veilig_programme_add_source(NULL, p, "Nog een bron"));
    /* fragments, with unknown keys and codes */
    {
        const char *frag = "{\"code\": \"GM0777\", \"name\": \"Fragmentstad\", \"focus\": "
                           "[\"x_new_focus\"], \"x_extra\": {\"a\": [1, 2.50]}, \"measures\": "
                           "[{\"id\": \"m\", \"name\": \"M\", \"category\": \"x_new_cat\"}]}";
        veilig_municipality *fm = NULL;
        BUILD(veilig_registry_add_json(&fm, reg, frag, strlen(frag), VEILIG_ADD_AS_LOADED, &err));
        ck_assert_ptr_nonnull(fm);
        const char *mfrag = "{\"id\": \"pub-ploeg\", \"name\": \"PUB-ploeg 2\", \"category\": "
                            "\"deescalation\", \"x_m\": true}";
        veilig_measure *fms = NULL;
        BUILD(veilig_municipality_add_measure_json(&fms, veilig_registry_get_mut(reg, 0), mfrag,
                                                   strlen(mfrag), VEILIG_ADD_REPLACE, &err));
        ck_assert_ptr_nonnull(fms);
        const char *rfrag = "{\"code\": \"GM0363\", \"name\": \"Amsterdam 2\"}";
        BUILD(veilig_registry_add_json(NULL, reg, rfrag, strlen(rfrag), VEILIG_ADD_REPLACE, &err));
    }
    /* one municipality as JSON */
    mj = SENTINEL;
    STEP(veilig_municipality_to_json(&mj, NULL, m, NULL, &err));
    ck_assert_ptr_nonnull(strstr(mj, "Straatcoaches"));
    veilig_free(mj);
    mj = NULL;
    /* removing never needs memory */
    OK(veilig_registry_remove(reg, 1));

    result = quiet_dump(reg);
fail:
    /* on failure, *out is NULL */
    ck_assert_ptr_ne(reg, SENTINEL);
    ck_assert_ptr_ne(reg2, SENTINEL);
    ck_assert_ptr_ne(text, SENTINEL);
    ck_assert_ptr_ne(mj, SENTINEL);
    veilig_free(mj);
    veilig_free(text);
    veilig_registry_free(reg2);
    veilig_registry_free(reg);
    return result;
}

START_TEST(test_fail_each_allocation) {
    char path[600];
    snprintf(path, sizeof path, "%s/doc.json", tmpdir_path);

    /* the reference run: nothing fails */
    reset_counts();
    write_old(path);
    char *reference = scenario(path);
    ck_assert_ptr_nonnull(reference);
    long total = calls;
    ck_assert_int_gt(total, 10);
    ck_assert_uint_eq(live_blocks, 0);
    ck_assert_uint_eq(bad_frees, 0);

    long points = 0, succeeded_anyway = 0;
    for (long n = 1;; n++) {
        reset_counts();
        write_old(path);
        fail_at = n;
        char *result = scenario(path);
        int was_failed = failed;
        fail_at = 0;
        ck_assert_msg(live_blocks == 0 && live_bytes == 0,
                      "failing allocation %ld leaks %zu blocks (%zu bytes)", n, live_blocks,
                      live_bytes);
        ck_assert_msg(bad_frees == 0, "failing allocation %ld: %zu bad frees", n, bad_frees);
        if (!was_failed) {
            /* past the last allocation: the whole scenario ran */
            ck_assert_ptr_nonnull(result);
            ck_assert_str_eq(result, reference);
            free(result);
            break;
        }
        points++;
        if (result) {
            /* the failure was absorbed: the outcome must still be right */
            succeeded_anyway++;
            ck_assert_msg(strcmp(result, reference) == 0,
                          "failing allocation %ld was absorbed, but the result differs", n);
            free(result);
        }
        ck_assert_int_le(n, total + 1000);
    }
    printf("test_alloc: %ld allocation failure points exercised (%ld absorbed without error), "
           "%ld allocations in a full run\n",
           points, succeeded_anyway, total);
    ck_assert_int_eq(points, total);
    free(reference);
}
END_TEST

static Suite *alloc_suite(void) {
    Suite *s = suite_create("alloc");
    TCase *tc = tcase_create("alloc");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, test_counting);
    tcase_add_test(tc, test_fail_each_allocation);
    tcase_add_test(tc, test_set_allocator);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    /* first of all: route the library's memory through the test allocator */
    if (veilig_set_allocator(t_malloc, t_realloc, t_free) != VEILIG_OK) {
        fprintf(stderr, "veilig_set_allocator failed\n");
        return EXIT_FAILURE;
    }
    canonical = vg_test_read_file(vg_test_data("canonical.json"), &canonical_len);
    snprintf(tmpdir_path, sizeof tmpdir_path, "/tmp/vg-test-alloc-XXXXXX");
    if (!mkdtemp(tmpdir_path)) {
        perror("mkdtemp");
        return EXIT_FAILURE;
    }
    int status = vg_test_run(alloc_suite());
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir_path);
    if (system(cmd) != 0)
        status = EXIT_FAILURE;
    free(canonical);
    return status;
}
