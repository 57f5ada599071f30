/*
 * Out of memory everywhere (issue 8.2): for every operation of the library
 * on the bundled dataset (loading, dumping, saving, validation, every
 * analysis, every rendering, the exports and the HTML reports) and for every
 * N from 1 until the operation no longer allocates N times, the Nth
 * allocation fails. The operation must then return VEILIG_ENOMEM (or
 * succeed with the same result as without the failure), leave *out NULL and
 * leave no allocation outstanding: the test allocator counts live blocks.
 *
 * The registries and results the operations read are made once, while the
 * allocator neither counts nor fails. Prints the failure points exercised
 * per operation and in total. CK_FORK=yes runs each operation in a process
 * of its own; VG_OOM_ONLY=text only those whose name contains text.
 *
 * The jansson bridge (when the library has it) is run the same way, with
 * jansson's allocator routed through the same counting functions, so that
 * the json_t values the bridge makes fail too.
 */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700 /* nftw */
#endif
#include <dirent.h>
#include <ftw.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "veilig.h"
#include "testutil.h"
#if VEILIG_HAVE_JANSSON
#include "veilig/jansson.h"
#endif

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

#define MAGIC_LIVE  0x0be11e5U
#define MAGIC_FREED 0xdeadbeefU

static size_t live_blocks; /* blocks allocated and not yet freed */
static size_t live_bytes;
static size_t bad_frees; /* frees of pointers this allocator did not hand out */
static long calls;       /* allocation calls (malloc and realloc) counted */
static long fail_at;     /* fail the call with this number (1-based); 0: never */
static int failed;       /* a call was failed */
static int counting;     /* 0: calls are neither counted nor failed */

static int fail_now(void) {
    if (!counting)
        return 0;
    calls++;
    if (fail_at && calls == fail_at) {
        failed = 1;
        return 1;
    }
    return 0;
}

static void *t_malloc(size_t size) {
    if (fail_now())
        return NULL;
    block_header *b = malloc(sizeof *b + size);
    if (!b)
        return NULL;
    b->h.size = size;
    b->h.magic = MAGIC_LIVE;
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
    if (fail_now())
        return NULL; /* the old block stays as it was */
    size_t old = b->h.size;
    block_header *nb = realloc(b, sizeof *nb + size);
    if (!nb)
        return NULL;
    nb->h.size = size;
    live_bytes = live_bytes - old + size;
    return nb + 1;
}

/* ---- what the operations read: made while nothing counts ---- */

static char tmpdir_path[256];
static char save_path[512];
static const char *builtin_text;
static size_t builtin_len;
static veilig_registry *reg;   /* the bundled dataset */
static veilig_registry *mod;   /* a modified copy of it */
static veilig_registry *canon; /* tests/data/canonical.json (an indicator with data) */
static const veilig_municipality *enschede, *enschede_mod, *enschede_canon;
static veilig_diagnostics *diags;
static veilig_query_result *qres;
static veilig_query *query;
static veilig_coverage_result *cov;
static veilig_profile_result *prof;
static veilig_comparison *cmp;
static veilig_peers_result *peers;
static veilig_diff_result *diff;
static veilig_schedule_result *sched;
static veilig_progress_result *prog, *prog_canon;

/* A plain malloc'ed copy of a library string (free()); frees the original. */
static char *take(char *text) {
    ck_assert_ptr_nonnull(text);
    size_t n = strlen(text);
    char *copy = malloc(n + 1);
    ck_assert_ptr_nonnull(copy);
    memcpy(copy, text, n + 1);
    int saved = counting;
    counting = 0;
    veilig_free(text);
    counting = saved;
    return copy;
}

/* JSON of a result made quietly: the fingerprint of an analysis. */
#define QUIET_JSON(fp, call)                                                                       \
    do {                                                                                           \
        int saved_ = counting;                                                                     \
        counting = 0;                                                                              \
        char *j_ = NULL;                                                                           \
        ck_assert_int_eq((call), VEILIG_OK);                                                       \
        counting = saved_;                                                                         \
        *(fp) = take(j_);                                                                          \
    } while (0)

static char *quiet_dump(const veilig_registry *r) {
    int saved = counting;
    counting = 0;
    char *text = NULL;
    ck_assert_int_eq(veilig_registry_dump(&text, NULL, r, NULL, NULL), VEILIG_OK);
    counting = saved;
    return take(text);
}

/* The failure must be reported as ENOMEM and leave *out NULL. */
#define ON_FAILURE(rc, out)                                                                        \
    do {                                                                                           \
        if ((rc) != VEILIG_OK) {                                                                   \
            ck_assert_msg((rc) == VEILIG_ENOMEM, "allocation %ld failed: %s", fail_at,             \
                          veilig_strerror(rc));                                                    \
            ck_assert_msg((void *)(out) == NULL, "allocation %ld failed: *out is not NULL",        \
                          fail_at);                                                                \
            return (rc);                                                                           \
        }                                                                                          \
    } while (0)

/* ---- the operations: each returns its status and, on success, a fingerprint (free()) ---- */

typedef int (*op_fn)(char **fp);

static int op_load_string(char **fp) {
    veilig_registry *r = SENTINEL;
    veilig_error err;
    int rc = veilig_registry_load_string(&r, builtin_text, builtin_len, NULL, &err);
    ON_FAILURE(rc, r);
    *fp = quiet_dump(r);
    veilig_registry_free(r);
    return rc;
}

static int op_load_builtin(char **fp) {
    veilig_registry *r = SENTINEL;
    int rc = veilig_registry_load_builtin(&r, NULL);
    ON_FAILURE(rc, r);
    *fp = quiet_dump(r);
    veilig_registry_free(r);
    return rc;
}

static int op_load_file(char **fp) {
    veilig_registry *r = SENTINEL;
    veilig_error err;
    int rc = veilig_registry_load_file(&r, VG_SOURCE_DIR "/data/veilige-steden.json", NULL, &err);
    ON_FAILURE(rc, r);
    ck_assert_int_eq(err.code, 0);
    *fp = quiet_dump(r);
    veilig_registry_free(r);
    return rc;
}

/* Loading a document with several schema errors, collecting them all: the
   same list every time, or ENOMEM with nothing loaded. */
static int op_load_every_error(char **fp) {
    static const char text[] =
        "{\"format\": \"veilig\", \"version\": 1, \"municipalities\": [\n"
        " {\"code\": \"GM0153\", \"name\": 5, \"province\": \"Overijssel\", \"measures\": [\n"
        "  {\"id\": \"a\", \"category\": \"bystander\", \"partners\": [{\"name\": \"p\"}]},\n"
        "  {\"id\": \"b\", \"name\": \"B\", \"category\": \"nieuw\", \"budget\": {\"amount\": "
        "-3}}]},\n"
        " {\"code\": \"GM0164\", \"name\": \"Hengelo\", \"province\": \"Overijssel\"}, 7]}\n";
    veilig_load_options o = VEILIG_LOAD_OPTIONS_INIT;
    veilig_error err, errs[8];
    size_t n = 0;
    veilig_registry *r = SENTINEL;
    o.errors = errs;
    o.max_errors = 8;
    o.error_count = &n;
    int rc = veilig_registry_load_string(&r, text, sizeof text - 1, &o, &err);
    if (rc == VEILIG_ESCHEMA) {
        ck_assert_ptr_null(r);
        char list[2048] = "";
        for (size_t i = 0; i < n; i++) {
            size_t used = strlen(list);
            snprintf(list + used, sizeof list - used, "%d:%d %s %s\n", errs[i].line, errs[i].column,
                     errs[i].pointer, errs[i].message);
        }
        int saved = counting;
        counting = 0;
        *fp = strdup(list);
        counting = saved;
        return VEILIG_OK;
    }
    ON_FAILURE(rc, r);
    ck_abort_msg("a document with schema errors loaded");
    return rc;
}

static int dump_with(char **fp, unsigned flags) {
    veilig_save_options so = VEILIG_SAVE_OPTIONS_INIT;
    so.flags = flags;
    char *text = SENTINEL;
    size_t len = 0;
    int rc = veilig_registry_dump(&text, &len, reg, &so, NULL);
    ON_FAILURE(rc, text);
    ck_assert_uint_eq(len, strlen(text));
    *fp = take(text);
    return rc;
}

static int op_dump(char **fp) {
    return dump_with(fp, 0);
}

static int op_dump_compact_ascii(char **fp) {
    return dump_with(fp, VEILIG_SAVE_COMPACT | VEILIG_SAVE_ASCII | VEILIG_SAVE_OMIT_PERSONAL);
}

/* The names in tmpdir_path, joined with ' '. */
static void list_dir(char *out, size_t size) {
    DIR *d = opendir(tmpdir_path);
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

static int op_save_file(char **fp) {
    FILE *f = fopen(save_path, "wb");
    ck_assert_ptr_nonnull(f);
    fputs("old\n", f);
    ck_assert_int_eq(fclose(f), 0);
    veilig_error err;
    int rc = veilig_registry_save_file(reg, save_path, NULL, &err);
    char listing[512];
    list_dir(listing, sizeof listing);
    ck_assert_msg(strcmp(listing, "doc.json") == 0, "allocation %ld failed: the folder holds %s",
                  fail_at, listing);
    char *content = vg_test_read_file(save_path, NULL);
    if (rc != VEILIG_OK) {
        ck_assert_msg(rc == VEILIG_ENOMEM, "save_file: %s", veilig_strerror(rc));
        ck_assert_str_eq(content, "old\n");
        free(content);
        return rc;
    }
    *fp = content;
    return rc;
}

static int op_locate_many(char **fp) {
    static const char *const ptrs[] = {"/municipalities/0/measures/3/name", "/programme", "/nope",
                                       "/municipalities/1/name"};
    veilig_error e[4];
    memset(e, 0, sizeof e);
    int rc = veilig_json_locate_many(e, builtin_text, builtin_len, ptrs, 4);
    ON_FAILURE(rc, NULL);
    char buf[160];
    snprintf(buf, sizeof buf, "%d:%d %d:%d %d:%d %d:%d", e[0].line, e[0].column, e[1].line,
             e[1].column, e[2].line, e[2].column, e[3].line, e[3].column);
    *fp = malloc(strlen(buf) + 1);
    ck_assert_ptr_nonnull(*fp);
    memcpy(*fp, buf, strlen(buf) + 1);
    return rc;
}

static int op_validate(char **fp) {
    veilig_diagnostics *d = SENTINEL;
    int rc = veilig_validate(&d, reg);
    ON_FAILURE(rc, d);
    QUIET_JSON(fp, veilig_diagnostics_to_json(&j_, NULL, d));
    veilig_diagnostics_free(d);
    return rc;
}

static int op_query(char **fp) {
    veilig_query *q = SENTINEL;
    int rc = veilig_query_new(&q);
    ON_FAILURE(rc, q);
    rc = veilig_query_add(q, VEILIG_FILTER_APPROACH, "prevention");
    if (rc == VEILIG_OK)
        rc = veilig_query_add(q, VEILIG_FILTER_SETTING, "nightlife");
    veilig_query_result *r = SENTINEL;
    if (rc == VEILIG_OK) {
        rc = veilig_query_run(&r, q, reg);
        if (rc != VEILIG_OK)
            ck_assert_ptr_null(r);
    }
    veilig_query_free(q);
    ON_FAILURE(rc, NULL);
    ck_assert_uint_gt(veilig_query_result_count(r), 0);
    QUIET_JSON(fp, veilig_query_result_to_json(&j_, NULL, r));
    veilig_query_result_free(r);
    return rc;
}

/* OR groups, from the expression language (issue 15). */
static int op_query_parse(char **fp) {
    veilig_query *q = SENTINEL;
    veilig_error err;
    int rc = veilig_query_parse(&q,
                                "approach=prevention setting=nightlife OR category=campaign OR "
                                "text=\"straat\"",
                                &err);
    ON_FAILURE(rc, q);
    veilig_query_result *r = SENTINEL;
    rc = veilig_query_run(&r, q, reg);
    veilig_query_free(q);
    ON_FAILURE(rc, r);
    ck_assert_uint_gt(veilig_query_result_count(r), 0);
    QUIET_JSON(fp, veilig_query_result_to_json(&j_, NULL, r));
    veilig_query_result_free(r);
    return rc;
}

/* A registry's first query by text folds its measures' text (kept with the
   registry): on a registry of its own, so that the operation leaves memory
   as it found it; when folding fails, the query folds as it goes. */
static int op_load_query_text(char **fp) {
    veilig_registry *r = SENTINEL;
    int rc = veilig_registry_load_builtin(&r, NULL);
    ON_FAILURE(rc, r);
    veilig_query *q = SENTINEL;
    rc = veilig_query_parse(&q, "text=nacht OR text=\"Ç\"", NULL);
    if (rc != VEILIG_OK)
        veilig_registry_free(r);
    ON_FAILURE(rc, q);
    veilig_query_result *res = SENTINEL;
    rc = veilig_query_run(&res, q, r);
    veilig_query_free(q);
    if (rc != VEILIG_OK)
        veilig_registry_free(r);
    ON_FAILURE(rc, res);
    ck_assert_uint_gt(veilig_query_result_count(res), 0);
    QUIET_JSON(fp, veilig_query_result_to_json(&j_, NULL, res));
    veilig_query_result_free(res);
    veilig_registry_free(r);
    return rc;
}

static int op_coverage(char **fp) {
    veilig_coverage_result *c = SENTINEL;
    int rc = veilig_coverage(&c, reg, NULL);
    ON_FAILURE(rc, c);
    QUIET_JSON(fp, veilig_coverage_to_json(&j_, NULL, c));
    veilig_coverage_free(c);
    return rc;
}

static int op_coverage_target_groups(char **fp) {
    veilig_coverage_options o = VEILIG_COVERAGE_OPTIONS_INIT;
    o.axis = VEILIG_VOCAB_TARGET_GROUP;
    o.all_measures = 1;
    veilig_coverage_result *c = SENTINEL;
    int rc = veilig_coverage(&c, reg, &o);
    ON_FAILURE(rc, c);
    QUIET_JSON(fp, veilig_coverage_to_json(&j_, NULL, c));
    veilig_coverage_free(c);
    return rc;
}

static int op_profile(char **fp) {
    veilig_profile_result *p = SENTINEL;
    int rc = veilig_profile(&p, enschede);
    ON_FAILURE(rc, p);
    QUIET_JSON(fp, veilig_profile_to_json(&j_, NULL, p));
    veilig_profile_free(p);
    return rc;
}

static int op_compare(char **fp) {
    veilig_comparison *c = SENTINEL;
    int rc = veilig_compare(&c, enschede, enschede_canon);
    ON_FAILURE(rc, c);
    QUIET_JSON(fp, veilig_comparison_to_json(&j_, NULL, c));
    veilig_comparison_free(c);
    return rc;
}

static int op_peers(char **fp) {
    veilig_peers_result *p = SENTINEL;
    int rc = veilig_peers(&p, reg, NULL, NULL);
    ON_FAILURE(rc, p);
    QUIET_JSON(fp, veilig_peers_to_json(&j_, NULL, p));
    veilig_peers_free(p);
    return rc;
}

/* A subject of another registry (issue 15). */
static int op_peers_across(char **fp) {
    veilig_peers_result *p = SENTINEL;
    int rc = veilig_peers(&p, reg, enschede_canon, NULL);
    ON_FAILURE(rc, p);
    QUIET_JSON(fp, veilig_peers_to_json(&j_, NULL, p));
    veilig_peers_free(p);
    return rc;
}

static int op_diff(char **fp) {
    veilig_diff_result *d = SENTINEL;
    int rc = veilig_diff(&d, reg, mod, NULL);
    ON_FAILURE(rc, d);
    ck_assert_uint_gt(veilig_diff_count(d), 3);
    QUIET_JSON(fp, veilig_diff_to_json(&j_, NULL, d));
    veilig_diff_free(d);
    return rc;
}

static int op_diff_one(char **fp) {
    veilig_diff_result *d = SENTINEL;
    int rc = veilig_diff(&d, reg, mod, "GM0153");
    ON_FAILURE(rc, d);
    QUIET_JSON(fp, veilig_diff_to_json(&j_, NULL, d));
    veilig_diff_free(d);
    return rc;
}

static int op_schedule(char **fp) {
    veilig_schedule_result *s = SENTINEL;
    int rc = veilig_schedule(&s, enschede, NULL);
    ON_FAILURE(rc, s);
    QUIET_JSON(fp, veilig_schedule_to_json(&j_, NULL, s));
    veilig_schedule_free(s);
    return rc;
}

static int progress_of(char **fp, const veilig_municipality *m) {
    veilig_progress_result *p = SENTINEL;
    int rc = veilig_progress(&p, m, NULL);
    ON_FAILURE(rc, p);
    QUIET_JSON(fp, veilig_progress_to_json(&j_, NULL, p));
    veilig_progress_free(p);
    return rc;
}

static int op_progress(char **fp) {
    return progress_of(fp, enschede);
}

static int op_progress_canonical(char **fp) {
    return progress_of(fp, enschede_canon);
}

/* veilig_site_write of the small canonical registry, Dutch only: on a failed
   allocation ENOMEM and no half-written page (each page is renamed into
   place whole; the site is removed after each run). The fingerprint is the
   start page and a municipality page. */
static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static int op_site(char **fp) {
    char dir[300], page[400];
    snprintf(dir, sizeof dir, "%s/site", tmpdir_path);
    veilig_site_options so = VEILIG_SITE_OPTIONS_INIT;
    so.lang = "nl";
    so.threads = 1; /* this test's allocator counts calls: one thread, one order */
    veilig_error err;
    int rc = veilig_site_write(canon, dir, &so, &err);
    char *text = NULL;
    if (rc == VEILIG_OK) {
        snprintf(page, sizeof page, "%s/index.html", dir);
        char *a = vg_test_read_file(page, NULL);
        snprintf(page, sizeof page, "%s/gemeenten/%s.html", dir,
                 veilig_municipality_code(veilig_registry_get(canon, 0)));
        char *b = vg_test_read_file(page, NULL);
        ck_assert_ptr_nonnull(a);
        ck_assert_ptr_nonnull(b);
        text = malloc(strlen(a) + strlen(b) + 1);
        ck_assert_ptr_nonnull(text);
        strcpy(text, a);
        strcat(text, b);
        free(a);
        free(b);
    }
    if (access(dir, F_OK) == 0) /* made unless the first allocation failed */
        ck_assert_int_eq(nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS), 0);
    if (rc != VEILIG_OK) {
        ck_assert_msg(rc == VEILIG_ENOMEM, "site: %s", veilig_strerror(rc));
        return rc;
    }
    *fp = text;
    return rc;
}

/* The analyses' own JSON renderings. */
#define TO_JSON_OP(name, call)                                                                     \
    static int name(char **fp) {                                                                   \
        char *j_ = SENTINEL;                                                                       \
        size_t n_ = 0;                                                                             \
        int rc = (call);                                                                           \
        ON_FAILURE(rc, j_);                                                                        \
        ck_assert_uint_eq(n_, strlen(j_));                                                         \
        *fp = take(j_);                                                                            \
        return rc;                                                                                 \
    }

TO_JSON_OP(op_diagnostics_to_json, veilig_diagnostics_to_json(&j_, &n_, diags))
TO_JSON_OP(op_query_to_json, veilig_query_result_to_json(&j_, &n_, qres))
TO_JSON_OP(op_coverage_to_json, veilig_coverage_to_json(&j_, &n_, cov))
TO_JSON_OP(op_profile_to_json, veilig_profile_to_json(&j_, &n_, prof))
TO_JSON_OP(op_comparison_to_json, veilig_comparison_to_json(&j_, &n_, cmp))
TO_JSON_OP(op_peers_to_json, veilig_peers_to_json(&j_, &n_, peers))
TO_JSON_OP(op_diff_to_json, veilig_diff_to_json(&j_, &n_, diff))
TO_JSON_OP(op_schedule_to_json, veilig_schedule_to_json(&j_, &n_, sched))
TO_JSON_OP(op_progress_to_json, veilig_progress_to_json(&j_, &n_, prog_canon))
TO_JSON_OP(op_municipality_to_json, veilig_municipality_to_json(&j_, &n_, enschede, NULL, NULL))
TO_JSON_OP(op_measure_to_json,
           veilig_measure_to_json(&j_, &n_, veilig_municipality_measure(enschede, 0), NULL, NULL))

/* The renderings: name_with(fp, format) renders in a format; VARIANT names one. */
#define RENDER_OP(name, call)                                                                      \
    static int name##_with(char **fp, veilig_format format) {                                      \
        veilig_report_options o = VEILIG_REPORT_OPTIONS_INIT;                                      \
        o.format = format;                                                                         \
        char *r_ = SENTINEL;                                                                       \
        size_t n_ = 0;                                                                             \
        int rc = (call);                                                                           \
        ON_FAILURE(rc, r_);                                                                        \
        ck_assert_uint_eq(n_, strlen(r_));                                                         \
        *fp = take(r_);                                                                            \
        return rc;                                                                                 \
    }
#define VARIANT(name, suffix, format)                                                              \
    static int name##_##suffix(char **fp) {                                                        \
        return name##_with(fp, format);                                                            \
    }
/* in text and in JSON */
#define TEXT_JSON(name)                                                                            \
    VARIANT(name, text, VEILIG_FORMAT_TEXT)                                                        \
    VARIANT(name, json, VEILIG_FORMAT_JSON)

RENDER_OP(op_render_list, veilig_render_list(&r_, &n_, reg, &o))
RENDER_OP(op_render_municipality, veilig_render_municipality(&r_, &n_, enschede, &o))
RENDER_OP(op_render_query, veilig_render_query(&r_, &n_, qres, &o))
RENDER_OP(op_render_coverage, veilig_render_coverage(&r_, &n_, cov, &o))
RENDER_OP(op_render_profile, veilig_render_profile(&r_, &n_, prof, &o))
RENDER_OP(op_render_comparison, veilig_render_comparison(&r_, &n_, cmp, &o))
RENDER_OP(op_render_peers, veilig_render_peers(&r_, &n_, peers, &o))
RENDER_OP(op_render_diff, veilig_render_diff(&r_, &n_, diff, &o))
RENDER_OP(op_render_schedule, veilig_render_schedule(&r_, &n_, sched, &o))
RENDER_OP(op_render_progress, veilig_render_progress(&r_, &n_, prog_canon, &o))
RENDER_OP(op_render_diagnostics, veilig_render_diagnostics(&r_, &n_, diags, &o))
RENDER_OP(op_export_measures, veilig_export(&r_, &n_, reg, VEILIG_TABLE_MEASURES, &o))
RENDER_OP(op_export_stakeholders, veilig_export(&r_, &n_, reg, VEILIG_TABLE_STAKEHOLDERS, &o))
RENDER_OP(op_export_indicators, veilig_export(&r_, &n_, canon, VEILIG_TABLE_INDICATORS, &o))
RENDER_OP(op_report_html_programme, veilig_report_html(&r_, &n_, reg, NULL, &o))
RENDER_OP(op_report_html_enschede, veilig_report_html(&r_, &n_, reg, enschede, &o))

/* Spreadsheets: a sheet in Dutch labels, and an import of a CSV table merged into the dataset. */
static int op_sheet_export(char **fp) {
    veilig_sheet_options so = VEILIG_SHEET_OPTIONS_INIT;
    so.lang = "nl";
    so.separator = ';';
    char *text = SENTINEL;
    int rc = veilig_sheet_export_csv(&text, NULL, reg, VEILIG_SHEET_MEASURES, &so);
    ON_FAILURE(rc, text);
    *fp = take(text);
    return rc;
}

static int op_import_csv(char **fp) {
    static const char csv[] =
        "\xEF\xBB\xBFGemeente;Id;Maatregel;Categorie;Doelgroepen;Start;Budget\r\n"
        "Enschede;pub-ploeg;PUB;de-escalatie;iedereen, studenten;nov 2021;"
        "\"€ 1.250,50\"\r\n"
        "GM0153;nieuw;Nieuw;omstanders;;2024;12\r\n";
    veilig_registry *r = SENTINEL;
    veilig_error err;
    int rc = veilig_import_csv(&r, reg, "maatregelen.csv", csv, sizeof csv - 1, NULL, &err);
    ON_FAILURE(rc, r);
    *fp = quiet_dump(r);
    veilig_registry_free(r);
    return rc;
}

/* A workbook of the dataset (written once, while nothing is counted), read back. */
static int op_import_xlsx(char **fp) {
    static char *book;
    static size_t book_len;
    if (!book) {
        int saved = counting;
        counting = 0;
        char path[4200];
        snprintf(path, sizeof path, "%s/plan.xlsx", tmpdir_path);
        ck_assert_int_eq(veilig_sheet_save_xlsx(reg, path, NULL, NULL), VEILIG_OK);
        book = vg_test_read_file(path, &book_len);
        unlink(path);
        counting = saved;
    }
    veilig_import *imp = SENTINEL;
    int rc = veilig_import_new(&imp, NULL, NULL);
    ON_FAILURE(rc, imp);
    veilig_registry *r = SENTINEL;
    rc = veilig_import_add_xlsx(imp, "plan.xlsx", book, book_len);
    if (rc == VEILIG_OK)
        rc = veilig_import_finish(&r, imp);
    else
        r = NULL;
    veilig_import_free(imp);
    ON_FAILURE(rc, r);
    *fp = quiet_dump(r);
    veilig_registry_free(r);
    return rc;
}

TEXT_JSON(op_render_list)
TEXT_JSON(op_render_municipality)
VARIANT(op_render_municipality, markdown, VEILIG_FORMAT_MARKDOWN)
TEXT_JSON(op_render_query)
TEXT_JSON(op_render_coverage)
TEXT_JSON(op_render_profile)
TEXT_JSON(op_render_comparison)
TEXT_JSON(op_render_peers)
TEXT_JSON(op_render_diff)
TEXT_JSON(op_render_schedule)
TEXT_JSON(op_render_progress)
TEXT_JSON(op_render_diagnostics)
VARIANT(op_export_measures, csv, VEILIG_FORMAT_CSV)
VARIANT(op_export_measures, json, VEILIG_FORMAT_JSON)
VARIANT(op_export_stakeholders, csv, VEILIG_FORMAT_CSV)
VARIANT(op_export_stakeholders, json, VEILIG_FORMAT_JSON)
VARIANT(op_export_indicators, csv, VEILIG_FORMAT_CSV)
VARIANT(op_export_indicators, json, VEILIG_FORMAT_JSON)
/* an HTML report ignores the format */
VARIANT(op_report_html_programme, nl, VEILIG_FORMAT_HTML)
VARIANT(op_report_html_enschede, nl, VEILIG_FORMAT_HTML)

/* veilig_escape of a text with every kind of character the escaping handles */
static const char hostile_text[] =
    "=HYPERLINK(\"x\")|<script>&*_\x1b]0;t\a\xe2\x80\xae\xc2\x9b\tend";
RENDER_OP(op_escape, veilig_escape(&r_, &n_, hostile_text, o.format, 0))
VARIANT(op_escape, text, VEILIG_FORMAT_TEXT)
VARIANT(op_escape, markdown, VEILIG_FORMAT_MARKDOWN)
VARIANT(op_escape, csv, VEILIG_FORMAT_CSV)
VARIANT(op_escape, json, VEILIG_FORMAT_JSON)
VARIANT(op_escape, html, VEILIG_FORMAT_HTML)
VARIANT(op_render_list, markdown, VEILIG_FORMAT_MARKDOWN)
VARIANT(op_render_list, csv, VEILIG_FORMAT_CSV)

static int op_report_html_enschede_canonical(char **fp) {
    veilig_report_options o = VEILIG_REPORT_OPTIONS_INIT;
    o.lang = "en";
    o.flags = VEILIG_REPORT_INCLUDE_PERSONAL;
    char *r = SENTINEL;
    int rc = veilig_report_html(&r, NULL, canon, enschede_canon, &o);
    ON_FAILURE(rc, r);
    *fp = take(r);
    return rc;
}

#if VEILIG_HAVE_JANSSON
static json_t *builtin_tree;  /* the bundled dataset as jansson reads it */
static json_t *enschede_tree; /* its Enschede, with a new code */

/* The JSON text of a jansson value, made quietly; releases the value. */
static char *take_json(json_t *v) {
    int saved = counting;
    counting = 0;
    char *text = json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS);
    json_decref(v);
    counting = saved;
    return take(text); /* jansson allocates with the test allocator too */
}

static int op_registry_from_jansson(char **fp) {
    veilig_registry *r = SENTINEL;
    veilig_error err;
    int rc = veilig_registry_from_jansson(&r, builtin_tree, NULL, &err);
    ON_FAILURE(rc, r);
    *fp = quiet_dump(r);
    veilig_registry_free(r);
    return rc;
}

static int op_municipality_from_jansson(char **fp) {
    veilig_registry *r = NULL;
    int saved = counting;
    counting = 0;
    ck_assert_int_eq(veilig_registry_load_builtin(&r, NULL), VEILIG_OK);
    counting = saved;
    veilig_municipality *m = SENTINEL;
    int rc = veilig_municipality_from_jansson(&m, r, enschede_tree, 0, NULL);
    if (rc != VEILIG_OK) {
        counting = 0;
        veilig_registry_free(r);
        counting = saved;
        ON_FAILURE(rc, m);
    }
    ck_assert_ptr_eq(m, veilig_registry_get(r, veilig_registry_count(r) - 1));
    *fp = quiet_dump(r);
    counting = 0;
    veilig_registry_free(r);
    counting = saved;
    return rc;
}

static int op_registry_to_jansson(char **fp) {
    json_t *v = SENTINEL;
    int rc = veilig_registry_to_jansson(&v, reg, NULL, NULL);
    ON_FAILURE(rc, v);
    *fp = take_json(v);
    return rc;
}

static int op_municipality_to_jansson(char **fp) {
    json_t *v = SENTINEL;
    int rc = veilig_municipality_to_jansson(&v, enschede_canon, NULL, NULL);
    ON_FAILURE(rc, v);
    *fp = take_json(v);
    return rc;
}
#endif

typedef struct op {
    const char *name;
    op_fn fn;
} op;

static const op ops[] = {
    {"load_string", op_load_string},
    {"load_builtin", op_load_builtin},
    {"load_file", op_load_file},
    {"load with every schema error", op_load_every_error},
    {"dump", op_dump},
    {"dump compact ascii", op_dump_compact_ascii},
    {"save_file", op_save_file},
    {"site", op_site},
    {"validate", op_validate},
    {"json_locate_many", op_locate_many},
    {"query (two filters)", op_query},
    {"query (parsed, OR)", op_query_parse},
    {"load + query by text (folded on first use)", op_load_query_text},
    {"coverage", op_coverage},
    {"coverage (target groups)", op_coverage_target_groups},
    {"profile GM0153", op_profile},
    {"compare", op_compare},
    {"peers (all)", op_peers},
    {"peers (of another registry)", op_peers_across},
    {"diff", op_diff},
    {"diff GM0153", op_diff_one},
    {"schedule GM0153", op_schedule},
    {"progress GM0153", op_progress},
    {"progress GM0153 (canonical.json)", op_progress_canonical},
    {"diagnostics_to_json", op_diagnostics_to_json},
    {"query_result_to_json", op_query_to_json},
    {"coverage_to_json", op_coverage_to_json},
    {"profile_to_json", op_profile_to_json},
    {"comparison_to_json", op_comparison_to_json},
    {"peers_to_json", op_peers_to_json},
    {"diff_to_json", op_diff_to_json},
    {"schedule_to_json", op_schedule_to_json},
    {"progress_to_json", op_progress_to_json},
    {"municipality_to_json", op_municipality_to_json},
    {"measure_to_json", op_measure_to_json},
    {"render_list text", op_render_list_text},
    {"render_list json", op_render_list_json},
    {"render_list markdown", op_render_list_markdown},
    {"render_list csv", op_render_list_csv},
    {"escape text", op_escape_text},
    {"escape markdown", op_escape_markdown},
    {"escape csv", op_escape_csv},
    {"escape json", op_escape_json},
    {"escape html", op_escape_html},
    {"render_municipality text", op_render_municipality_text},
    {"render_municipality json", op_render_municipality_json},
    {"render_municipality markdown", op_render_municipality_markdown},
    {"render_query text", op_render_query_text},
    {"render_query json", op_render_query_json},
    {"render_coverage text", op_render_coverage_text},
    {"render_coverage json", op_render_coverage_json},
    {"render_profile text", op_render_profile_text},
    {"render_profile json", op_render_profile_json},
    {"render_comparison text", op_render_comparison_text},
    {"render_comparison json", op_render_comparison_json},
    {"render_peers text", op_render_peers_text},
    {"render_peers json", op_render_peers_json},
    {"render_diff text", op_render_diff_text},
    {"render_diff json", op_render_diff_json},
    {"render_schedule text", op_render_schedule_text},
    {"render_schedule json", op_render_schedule_json},
    {"render_progress text", op_render_progress_text},
    {"render_progress json", op_render_progress_json},
    {"render_diagnostics text", op_render_diagnostics_text},
    {"render_diagnostics json", op_render_diagnostics_json},
    {"export measures csv", op_export_measures_csv},
    {"export measures json", op_export_measures_json},
    {"export stakeholders csv", op_export_stakeholders_csv},
    {"export stakeholders json", op_export_stakeholders_json},
    {"export indicators csv", op_export_indicators_csv},
    {"export indicators json", op_export_indicators_json},
    {"sheet export measures nl", op_sheet_export},
    {"import csv (merged into the dataset)", op_import_csv},
    {"import xlsx", op_import_xlsx},
    {"report_html programme", op_report_html_programme_nl},
    {"report_html GM0153", op_report_html_enschede_nl},
    {"report_html GM0153 (canonical.json, en, personal)", op_report_html_enschede_canonical},
#if VEILIG_HAVE_JANSSON
    {"registry_from_jansson", op_registry_from_jansson},
    {"municipality_from_jansson", op_municipality_from_jansson},
    {"registry_to_jansson", op_registry_to_jansson},
    {"municipality_to_jansson (canonical.json)", op_municipality_to_jansson},
#endif
};

#define N_OPS (sizeof ops / sizeof ops[0])

/* ---- the fixture: registries and results, made quietly ---- */

static void setup(void) {
    counting = 0;
    veilig_error err;
    builtin_text = veilig_builtin_json(&builtin_len);
    ck_assert_int_eq(veilig_registry_load_builtin(&reg, &err), VEILIG_OK);
    ck_assert_int_eq(veilig_registry_load_builtin(&mod, &err), VEILIG_OK);
    ck_assert_int_eq(veilig_registry_load_file(&canon, vg_test_data("canonical.json"), NULL, &err),
                     VEILIG_OK);
    enschede = veilig_registry_find(reg, "GM0153");
    enschede_canon = veilig_registry_find(canon, "GM0153");
    ck_assert_ptr_nonnull(enschede);
    ck_assert_ptr_nonnull(enschede_canon);

    /* the modified copy: a renamed municipality, a measure changed, one removed, one added,
       a municipality removed and one added */
    veilig_municipality *m = veilig_registry_find_mut(mod, "GM0153");
    ck_assert_ptr_nonnull(m);
    ck_assert_int_eq(veilig_municipality_set_name(m, "Enschede (nieuw)"), VEILIG_OK);
    veilig_measure *ms = veilig_municipality_measure_mut(m, 0);
    ck_assert_int_eq(veilig_measure_set_budget(ms, 1234500, "EUR"), VEILIG_OK);
    ck_assert_int_eq(veilig_measure_set_description(ms, "Anders beschreven."), VEILIG_OK);
    ck_assert_int_eq(veilig_municipality_remove_measure(m, 1), VEILIG_OK);
    ck_assert_int_eq(veilig_municipality_add_measure(NULL, m, "nieuw", "Nieuwe maatregel",
                                                     VEILIG_CATEGORY_BYSTANDER),
                     VEILIG_OK);
    ck_assert_int_eq(veilig_registry_remove(mod, 1), VEILIG_OK);
    ck_assert_int_eq(veilig_registry_add(NULL, mod, "GM0999", "Nieuwdorp"), VEILIG_OK);
    enschede_mod = m;

    ck_assert_int_eq(veilig_validate(&diags, reg), VEILIG_OK);
    ck_assert_int_eq(veilig_query_new(&query), VEILIG_OK);
    ck_assert_int_eq(veilig_query_add(query, VEILIG_FILTER_CATEGORY, "bystander"), VEILIG_OK);
    ck_assert_int_eq(veilig_query_run(&qres, query, reg), VEILIG_OK);
    {
        /* reg's measures' text folded now (kept with it), not by the first
           query by text among the operations */
        veilig_query *t = NULL;
        veilig_query_result *tr = NULL;
        ck_assert_int_eq(veilig_query_parse(&t, "text=straat", NULL), VEILIG_OK);
        ck_assert_int_eq(veilig_query_run(&tr, t, reg), VEILIG_OK);
        veilig_query_result_free(tr);
        veilig_query_free(t);
    }
    ck_assert_int_eq(veilig_coverage(&cov, reg, NULL), VEILIG_OK);
    ck_assert_int_eq(veilig_profile(&prof, enschede), VEILIG_OK);
    ck_assert_int_eq(veilig_compare(&cmp, enschede, enschede_mod), VEILIG_OK);
    ck_assert_int_eq(veilig_peers(&peers, reg, NULL, NULL), VEILIG_OK);
    ck_assert_int_eq(veilig_diff(&diff, reg, mod, NULL), VEILIG_OK);
    ck_assert_int_eq(veilig_schedule(&sched, enschede, NULL), VEILIG_OK);
    ck_assert_int_eq(veilig_progress(&prog, enschede, NULL), VEILIG_OK);
    ck_assert_int_eq(veilig_progress(&prog_canon, enschede_canon, NULL), VEILIG_OK);
#if VEILIG_HAVE_JANSSON
    json_error_t jerr;
    builtin_tree = json_loadb(builtin_text, builtin_len, 0, &jerr);
    ck_assert_msg(builtin_tree != NULL, "json_loadb: %s", jerr.text);
    ck_assert_int_eq(veilig_municipality_to_jansson(&enschede_tree, enschede, NULL, NULL),
                     VEILIG_OK);
    ck_assert_int_eq(json_object_set_new(enschede_tree, "code", json_string("GM0999")), 0);
#endif
    counting = 1;
}

static void teardown(void) {
    counting = 0;
#if VEILIG_HAVE_JANSSON
    json_decref(enschede_tree);
    json_decref(builtin_tree);
#endif
    veilig_progress_free(prog_canon);
    veilig_progress_free(prog);
    veilig_schedule_free(sched);
    veilig_diff_free(diff);
    veilig_peers_free(peers);
    veilig_comparison_free(cmp);
    veilig_profile_free(prof);
    veilig_coverage_free(cov);
    veilig_query_result_free(qres);
    veilig_query_free(query);
    veilig_diagnostics_free(diags);
    veilig_registry_free(canon);
    veilig_registry_free(mod);
    veilig_registry_free(reg);
    counting = 1;
}

/* ---- the test ---- */

static long total_points, total_absorbed;

/* Fails each allocation of one operation in turn; returns the failure points. */
static long fail_each(const op *o, long *absorbed) {
    size_t base_blocks = live_blocks, base_bytes = live_bytes;

    /* the reference run: nothing fails */
    calls = 0;
    fail_at = 0;
    failed = 0;
    char *reference = NULL;
    int rc = o->fn(&reference);
    ck_assert_msg(rc == VEILIG_OK, "%s: %s without a failure", o->name, veilig_strerror(rc));
    ck_assert_ptr_nonnull(reference);
    long total = calls;
    ck_assert_msg(live_blocks == base_blocks && live_bytes == base_bytes,
                  "%s leaks %zu blocks without a failure", o->name, live_blocks - base_blocks);

    long points = 0;
    for (long n = 1;; n++) {
        calls = 0;
        failed = 0;
        fail_at = n;
        char *fp = NULL;
        rc = o->fn(&fp);
        int was_failed = failed;
        fail_at = 0;
        ck_assert_msg(rc == VEILIG_OK || rc == VEILIG_ENOMEM, "%s, allocation %ld failed: %s",
                      o->name, n, veilig_strerror(rc));
        ck_assert_msg(rc == VEILIG_OK || was_failed, "%s: VEILIG_ENOMEM without a failure",
                      o->name);
        ck_assert_msg(live_blocks == base_blocks && live_bytes == base_bytes,
                      "%s, allocation %ld failed: %ld blocks (%ld bytes) left allocated", o->name,
                      n, (long)(live_blocks - base_blocks), (long)(live_bytes - base_bytes));
        ck_assert_msg(bad_frees == 0, "%s, allocation %ld failed: %zu bad frees", o->name, n,
                      bad_frees);
        if (rc == VEILIG_OK) {
            ck_assert_ptr_nonnull(fp);
            size_t at = 0;
            while (fp[at] && fp[at] == reference[at])
                at++;
            size_t from = at > 30 ? at - 30 : 0;
            ck_assert_msg(fp[at] == reference[at],
                          "%s, allocation %ld failed: succeeded with a different result, from "
                          "byte %zu: \"%.60s\" instead of \"%.60s\"",
                          o->name, n, at, fp + from, reference + from);
        }
        free(fp);
        if (!was_failed)
            break; /* past the last allocation: it ran through */
        points++;
        if (rc == VEILIG_OK)
            (*absorbed)++;
        ck_assert_int_le(n, total + 1);
    }
    ck_assert_int_eq(points, total);
    free(reference);
    return points;
}

START_TEST(test_oom_each_operation) {
    const op *o = &ops[_i];
    /* VG_OOM_ONLY=text runs only the operations whose name contains text (for a debugger) */
    const char *only = getenv("VG_OOM_ONLY");
    if (only && !strstr(o->name, only))
        return;
    size_t base_blocks = live_blocks;
    setup();
    long absorbed = 0;
    long points = fail_each(o, &absorbed);
    teardown();
    ck_assert_uint_eq(live_blocks, base_blocks);
    ck_assert_uint_eq(bad_frees, 0);
    printf("test_oom: %-50s %6ld failure points", o->name, points);
    if (absorbed)
        printf(" (%ld absorbed)", absorbed);
    printf("\n");
    total_points += points;
    total_absorbed += absorbed;
}
END_TEST

static Suite *oom_suite(void) {
    Suite *s = suite_create("oom");
    TCase *tc = tcase_create("oom");
    tcase_set_timeout(tc, 600);
    tcase_add_loop_test(tc, test_oom_each_operation, 0, (int)N_OPS);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    /* first of all: route the library's memory through the test allocator */
    if (veilig_set_allocator(t_malloc, t_realloc, t_free) != VEILIG_OK) {
        fprintf(stderr, "veilig_set_allocator failed\n");
        return EXIT_FAILURE;
    }
#if VEILIG_HAVE_JANSSON
    json_set_alloc_funcs(t_malloc, t_free); /* the json_t values the bridge makes fail too */
#endif
    counting = 1;
    /* one process, so that the totals add up (and valgrind sees everything); CK_FORK=yes
       runs each operation in a process of its own, so that a crash stops only that one */
    const char *fork_env = getenv("CK_FORK");
    int forking = fork_env && strcmp(fork_env, "no") != 0;
    if (!fork_env)
        setenv("CK_FORK", "no", 1);
    snprintf(tmpdir_path, sizeof tmpdir_path, "/tmp/vg-test-oom-XXXXXX");
    if (!mkdtemp(tmpdir_path)) {
        perror("mkdtemp");
        return EXIT_FAILURE;
    }
    snprintf(save_path, sizeof save_path, "%s/doc.json", tmpdir_path);
    int status = vg_test_run(oom_suite());
    if (forking)
        printf("test_oom: %zu operations (CK_FORK=yes: the totals are the sums of the lines "
               "above)\n",
               N_OPS);
    else
        printf("test_oom: %zu operations, %ld allocation failure points in total (%ld absorbed "
               "without error)\n",
               N_OPS, total_points, total_absorbed);
    if (live_blocks != 0 || bad_frees != 0) {
        fprintf(stderr, "test_oom: %zu blocks left, %zu bad frees\n", live_blocks, bad_frees);
        status = EXIT_FAILURE;
    }
    unlink(save_path);
    if (rmdir(tmpdir_path) != 0) {
        perror(tmpdir_path);
        status = EXIT_FAILURE;
    }
    return status;
}
