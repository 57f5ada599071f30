/* Loading a document a part at a time (libveilig/load.c): a streamed load
   gives the registry that reading the document whole gives, through windows
   of every size; a document that fails gives the same errors, at the same
   places, as it always did; and a file is never held whole in memory. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "model_internal.h"
#include "testutil.h"
#include "veilig.h"

/* First windows to try: down to one byte, so that a window ends inside
   every kind of token somewhere. */
static const size_t windows[] = {1, 7, 64, 4096, (size_t)1 << 20};
#define N_WINDOWS (sizeof windows / sizeof windows[0])

static char tmp_path[64];

static void write_tmp(const char *text, size_t len) {
    snprintf(tmp_path, sizeof tmp_path, "/tmp/veilig-test-load-%ld.json", (long)getpid());
    FILE *f = fopen(tmp_path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(text, 1, len, f), len);
    ck_assert_int_eq(fclose(f), 0);
}

/* The canonical dump of reg (free()). */
static char *dump(const veilig_registry *reg) {
    char *out = NULL;
    size_t len = 0;
    ck_assert_int_eq(veilig_registry_dump(&out, &len, reg, NULL, NULL), VEILIG_OK);
    return out;
}

/* What a load gave: its code, error records and the registry's dump. */
typedef struct outcome {
    int rc;
    veilig_error err;
    veilig_error errs[8];
    size_t n;
    char *dump;
} outcome;

static void load(outcome *o, const char *text, size_t len, int from_file, int streams) {
    veilig_load_options opts = VEILIG_LOAD_OPTIONS_INIT;
    veilig_registry *reg = NULL;
    memset(o, 0, sizeof *o);
    opts.source = "doc";
    opts.errors = o->errs;
    opts.max_errors = 8;
    opts.error_count = &o->n;
    vg_load_streams = streams;
    o->rc = from_file ? veilig_registry_load_file(&reg, tmp_path, &opts, &o->err)
                      : veilig_registry_load_string(&reg, text, len, &opts, &o->err);
    vg_load_streams = 1;
    o->dump = reg ? dump(reg) : NULL;
    veilig_registry_free(reg);
}

static void same_error(const veilig_error *a, const veilig_error *b, const char *what) {
    ck_assert_msg(a->code == b->code && a->line == b->line && a->column == b->column &&
                      a->position == b->position && !strcmp(a->message, b->message) &&
                      !strcmp(a->pointer, b->pointer) && !strcmp(a->source, b->source),
                  "%s: streamed %d %d:%d %s [%s], whole %d %d:%d %s [%s]", what, a->code, a->line,
                  a->column, a->message, a->pointer, b->code, b->line, b->column, b->message,
                  b->pointer);
}

/* text loads the same streamed (a string; a file through every window) as
   read whole: the same registry, or the same errors. */
static void check_same(const char *text, size_t len, const char *what) {
    outcome whole, got;
    load(&whole, text, len, 0, 0);
    write_tmp(text, len);
    for (size_t w = 0; w <= N_WINDOWS; w++) {
        if (w < N_WINDOWS)
            vg_load_window = windows[w];
        load(&got, text, len, w < N_WINDOWS, 1);
        vg_load_window = (size_t)1 << 20;
        ck_assert_msg(got.rc == whole.rc, "%s (window %zu): streamed %d, whole %d", what,
                      w < N_WINDOWS ? windows[w] : 0, got.rc, whole.rc);
        if (whole.rc == VEILIG_OK) {
            ck_assert_str_eq(got.dump, whole.dump);
        } else {
            same_error(&got.err, &whole.err, what);
            ck_assert_uint_eq(got.n, whole.n);
            for (size_t i = 0; i < got.n; i++)
                same_error(&got.errs[i], &whole.errs[i], what);
        }
        free(got.dump);
    }
    free(whole.dump);
    unlink(tmp_path);
}

/* A document of many municipalities: the bundled dataset's, repeated under
   other codes, with an unknown key of its own at the top level. */
static json_t *big_document(int copies) {
    size_t len = 0;
    const char *text = veilig_builtin_json(&len);
    json_error_t jerr;
    json_t *doc = json_loadb(text, len, 0, &jerr);
    ck_assert_ptr_nonnull(doc);
    json_t *list = json_object_get(doc, "municipalities");
    size_t n = json_array_size(list);
    for (int c = 1; c < copies; c++) {
        for (size_t i = 0; i < n; i++) {
            json_t *m = json_deep_copy(json_array_get(list, i));
            char code[16];
            snprintf(code, sizeof code, "GM%04d", 9000 - c * 40 - (int)i);
            json_object_set_new(m, "code", json_string(code));
            json_array_append_new(list, m);
        }
    }
    json_object_set_new(doc, "x-note", json_pack("{s:[i,f,b,n]}", "list", 12, 0.5, 1));
    return doc;
}

static void check_json(const json_t *doc, size_t flags, const char *prefix, const char *what) {
    char *body = json_dumps(doc, flags);
    ck_assert_ptr_nonnull(body);
    size_t plen = strlen(prefix), blen = strlen(body);
    char *text = malloc(plen + blen + 1);
    memcpy(text, prefix, plen);
    memcpy(text + plen, body, blen + 1);
    check_same(text, plen + blen, what);
    free(text);
    free(body);
}

START_TEST(test_streamed_equals_whole) {
    json_t *doc = big_document(3);
    check_json(doc, JSON_INDENT(2), "", "indented");
    check_json(doc, JSON_COMPACT, "", "compact");
    check_json(doc, JSON_INDENT(1), "\xEF\xBB\xBF \n", "byte order mark");
    /* municipalities first, format and version last */
    json_t *rev = json_object();
    json_object_set(rev, "municipalities", json_object_get(doc, "municipalities"));
    json_object_set(rev, "x-note", json_object_get(doc, "x-note"));
    json_object_set(rev, "programme", json_object_get(doc, "programme"));
    json_object_set(rev, "version", json_object_get(doc, "version"));
    json_object_set(rev, "format", json_object_get(doc, "format"));
    check_json(rev, JSON_COMPACT, "", "reordered");
    /* an empty list; no list at all */
    json_object_set_new(rev, "municipalities", json_array());
    check_json(rev, JSON_INDENT(3), "", "empty list");
    json_object_del(rev, "municipalities");
    check_json(rev, 0, "", "no list");
    json_decref(rev);
    json_decref(doc);
    /* the test documents as they are */
    DIR *dir = opendir(vg_test_data("valid"));
    ck_assert_ptr_nonnull(dir);
    struct dirent *e;
    while ((e = readdir(dir)) != NULL) {
        if (!strstr(e->d_name, ".json"))
            continue;
        char name[512];
        snprintf(name, sizeof name, "valid/%s", e->d_name);
        size_t len = 0;
        char *text = vg_test_read_file(vg_test_data(name), &len);
        check_same(text, len, name);
        free(text);
    }
    closedir(dir);
}
END_TEST

/* Every error as before: the invalid test documents, the JSON test suite,
   and a good document cut short and broken at many places. */
START_TEST(test_errors_as_whole) {
    static const char *const dirs[] = {"invalid", "jsontestsuite/test_parsing"};
    for (size_t d = 0; d < 2; d++) {
        DIR *dir = opendir(vg_test_data(dirs[d]));
        ck_assert_ptr_nonnull(dir);
        struct dirent *e;
        while ((e = readdir(dir)) != NULL) {
            if (!strstr(e->d_name, ".json"))
                continue;
            char name[512];
            snprintf(name, sizeof name, "%s/%s", dirs[d], e->d_name);
            size_t len = 0;
            char *text = vg_test_read_file(vg_test_data(name), &len);
            check_same(text, len, name);
            free(text);
        }
        closedir(dir);
    }
    json_t *doc = big_document(1);
    char *text = json_dumps(doc, JSON_INDENT(2));
    json_decref(doc);
    size_t len = strlen(text);
    char *copy = malloc(len + 1);
    for (size_t cut = 0; cut < len; cut += len / 97 + 1) {
        char what[64];
        snprintf(what, sizeof what, "cut at %zu", cut);
        check_same(text, cut, what);
        /* the same place broken: a byte that cannot stand there, a stray quote */
        memcpy(copy, text, len + 1);
        copy[cut] = cut % 2 ? '\x01' : '"';
        snprintf(what, sizeof what, "broken at %zu", cut);
        check_same(copy, len, what);
    }
    free(copy);
    free(text);
}
END_TEST

/* A streamed file is never in memory whole: no allocation as large as half
   of it (a whole read needs one of its size, and a tree more). */
static size_t largest;

static void *counting_malloc(size_t n) {
    if (n > largest)
        largest = n;
    return malloc(n);
}

static void *counting_realloc(void *p, size_t n) {
    if (n > largest)
        largest = n;
    return realloc(p, n);
}

START_TEST(test_file_not_whole) {
    json_t *doc = big_document(8);
    char *text = json_dumps(doc, JSON_INDENT(2));
    json_decref(doc);
    size_t len = strlen(text);
    write_tmp(text, len);
    free(text);
    veilig_registry *reg = NULL;
    vg_load_window = 4096;
    /* the registry's pool takes blocks as large as half the memory it holds
       (up to 4 MiB): small ones here, so that the largest allocation left
       is the one this is about, the text's */
    vg_pool_block_max = 16384;
    largest = 0;
    ck_assert_int_eq(veilig_set_allocator(counting_malloc, counting_realloc, free), VEILIG_OK);
    int rc = veilig_registry_load_file(&reg, tmp_path, NULL, NULL);
    size_t streamed = largest;
    veilig_registry_free(reg);
    vg_load_streams = 0;
    largest = 0;
    rc |= veilig_registry_load_file(&reg, tmp_path, NULL, NULL);
    size_t whole = largest;
    ck_assert_int_eq(veilig_set_allocator(NULL, NULL, NULL), VEILIG_OK);
    vg_load_streams = 1;
    vg_load_window = (size_t)1 << 20;
    vg_pool_block_max = (size_t)4 << 20;
    veilig_registry_free(reg);
    unlink(tmp_path);
    ck_assert_int_eq(rc, VEILIG_OK);
    ck_assert_msg(whole > len, "a whole read allocates the text: %zu of %zu", whole, len);
    ck_assert_msg(streamed < len / 2, "streamed: largest allocation %zu of a %zu-byte file",
                  streamed, len);
}
END_TEST

/* A save writes the document as it makes it: no allocation near the size of
   the text (a dump holds it whole), and the file is the dump byte for byte. */
START_TEST(test_save_not_whole) {
    json_t *doc = big_document(120); /* some 2.8 MB: the text goes out in parts of 256 KiB */
    char *text = json_dumps(doc, 0);
    json_decref(doc);
    veilig_registry *reg = NULL;
    veilig_error err;
    ck_assert_int_eq(veilig_registry_load_string(&reg, text, strlen(text), NULL, &err), VEILIG_OK);
    free(text);
    char *dump = NULL;
    size_t dump_len = 0;
    ck_assert_int_eq(veilig_registry_dump(&dump, &dump_len, reg, NULL, NULL), VEILIG_OK);
    ck_assert_uint_gt(dump_len, (size_t)5 << 19);
    snprintf(tmp_path, sizeof tmp_path, "/tmp/veilig-test-save-%ld.json", (long)getpid());
    largest = 0;
    ck_assert_int_eq(veilig_set_allocator(counting_malloc, counting_realloc, free), VEILIG_OK);
    int rc = veilig_registry_save_file(reg, tmp_path, NULL, &err);
    ck_assert_int_eq(veilig_set_allocator(NULL, NULL, NULL), VEILIG_OK);
    ck_assert_int_eq(rc, VEILIG_OK);
    ck_assert_msg(largest < dump_len / 2, "save: largest allocation %zu of a %zu-byte text",
                  largest, dump_len);
    FILE *f = fopen(tmp_path, "rb");
    ck_assert_ptr_nonnull(f);
    char *saved = malloc(dump_len + 1);
    size_t got = fread(saved, 1, dump_len + 1, f);
    fclose(f);
    unlink(tmp_path);
    ck_assert_uint_eq(got, dump_len);
    ck_assert(memcmp(saved, dump, dump_len) == 0);
    free(saved);
    veilig_free(dump);
    veilig_registry_free(reg);
}
END_TEST

int main(void) {
    Suite *s = suite_create("load");
    TCase *tc = tcase_create("load");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_streamed_equals_whole);
    tcase_add_test(tc, test_errors_as_whole);
    tcase_add_test(tc, test_file_not_whole);
    tcase_add_test(tc, test_save_not_whole);
    suite_add_tcase(s, tc);
    return vg_test_run(s);
}
