/*
 * veilig_site_write_file: a document's site written while the document
 * loads. The same bytes as veilig_registry_load_file and then
 * veilig_site_write, with every municipality's page begun while loading
 * (lockstep: the load waits for the writer) and without (the pages begun
 * when they are, or none: one thread); the pages begun thrown away when
 * they cannot be kept (the programme read after the municipalities, a code
 * that cannot name a file); a document that does not load leaves nothing
 * behind (no folder made, an earlier site untouched) and says what and
 * where; a folder that is not a site is refused after the load, as
 * veilig_site_write refuses it.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "veilig.h"
#include "testutil.h"
#include "site/site_internal.h"

static char tmp[256];

/* tmp/name (one of four buffers, in turn). */
static char *in_tmp(const char *name) {
    static char buf[4][512];
    static int next;
    char *b = buf[next++ % 4];
    snprintf(b, sizeof buf[0], "%s/%s", tmp, name);
    return b;
}

static int exists(const char *name) {
    struct stat st;
    return stat(in_tmp(name), &st) == 0;
}

/* 0 when the folders a and b under tmp hold the same files, byte for byte. */
static int trees_differ(const char *a, const char *b) {
    return vg_test_trees_differ(in_tmp(a), in_tmp(b));
}

/* Files under tmp/name (recursively) whose name holds part. */
static size_t files_named(const char *name, const char *part) {
    return vg_test_files_named(in_tmp(name), part);
}

static void write_text(const char *name, const char *text) {
    FILE *f = fopen(in_tmp(name), "w");
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(fputs(text, f) >= 0, 1);
    ck_assert_int_eq(fclose(f), 0);
}

/* A registry of n municipalities with measures of every category, some
   peers of each other, text that needs escaping, a programme. */
static veilig_registry *made(int n) {
    veilig_registry *reg = NULL;
    ck_assert_int_eq(veilig_registry_new(&reg), VEILIG_OK);
    veilig_programme *prog = NULL;
    ck_assert_int_eq(veilig_registry_set_programme(&prog, reg), VEILIG_OK);
    ck_assert_int_eq(veilig_programme_set_name(prog, "Veilige <Steden>"), VEILIG_OK);
    char text[200], code[16], id[32];
    for (int i = 0; i < n; i++) {
        veilig_municipality *m = NULL;
        snprintf(code, sizeof code, "GM%04d", i);
        snprintf(text, sizeof text, "Gemeente <%d> & \"%d\"", i, i);
        ck_assert_int_eq(veilig_registry_add(&m, reg, code, text), VEILIG_OK);
        for (int k = 0; k < 3 + i % 7; k++) {
            veilig_measure *ms = NULL;
            int cat = 1 + (i * 5 + k * (1 + i % 3)) % 13;
            snprintf(id, sizeof id, "m-%d", k);
            snprintf(text, sizeof text, "Maatregel %d van %d <b>", k, i);
            ck_assert_int_eq(
                veilig_municipality_add_measure(&ms, m, id, text, (veilig_category)cat), VEILIG_OK);
            if (k % 2)
                ck_assert_int_eq(
                    veilig_measure_add_target_group(ms, (veilig_target_group)(1 + k % 5)),
                    VEILIG_OK);
        }
    }
    return reg;
}

static void save(const veilig_registry *reg, const char *name) {
    ck_assert_int_eq(veilig_registry_save_file(reg, in_tmp(name), NULL, NULL), VEILIG_OK);
}

/* The site of the document by veilig_site_write_file (into site) and by a
   load and veilig_site_write (into ref), with the options given: the same
   bytes; returns how many municipalities' pages were begun while loading. */
static size_t same_site(const char *doc, const char *site, const char *ref, const char *lang,
                        unsigned threads) {
    veilig_site_options o = VEILIG_SITE_OPTIONS_INIT;
    o.lang = lang;
    o.threads = threads;
    veilig_error err;
    veilig_registry *reg = NULL, *loaded = NULL;
    ck_assert_int_eq(veilig_registry_load_file(&reg, in_tmp(doc), NULL, &err), VEILIG_OK);
    ck_assert_int_eq(veilig_site_write(reg, in_tmp(ref), &o, &err), VEILIG_OK);
    int rc = veilig_site_write_file(&loaded, in_tmp(doc), NULL, in_tmp(site), &o, &err);
    ck_assert_msg(rc == VEILIG_OK, "%s: %s", doc, err.message);
    size_t kept = vg_site_feed_kept;
    ck_assert_ptr_nonnull(loaded);
    ck_assert_uint_eq(veilig_registry_count(loaded), veilig_registry_count(reg));
    ck_assert_int_eq(trees_differ(site, ref), 0);
    ck_assert_uint_eq(files_named(site, ".tmp-"), 0);
    veilig_registry_free(loaded);
    veilig_registry_free(reg);
    return kept;
}

/* Every page begun while loading (lockstep), some or none (as it comes,
   one thread): the same bytes, for one language or both. */
START_TEST(test_same_bytes) {
    veilig_registry *reg = made(40);
    save(reg, "forty.json");
    veilig_registry_free(reg);
    size_t len = 0;
    const char *builtin = veilig_builtin_json(&len);
    write_text("builtin.json", builtin);

    vg_site_feed_lockstep = 1;
    ck_assert_uint_eq(same_site("forty.json", "forty-nl", "forty-nl-ref", "nl", 0), 40);
    ck_assert_uint_eq(same_site("forty.json", "forty-both", "forty-both-ref", "both", 2), 40);
    ck_assert_uint_eq(same_site("forty.json", "forty-en", "forty-en-ref", "en", 3), 40);
    reg = NULL;
    ck_assert_int_eq(veilig_registry_load_builtin(&reg, NULL), VEILIG_OK);
    size_t n = veilig_registry_count(reg);
    veilig_registry_free(reg);
    ck_assert_uint_eq(same_site("builtin.json", "builtin", "builtin-ref", NULL, 2), n);
    /* the site written again over itself: the same */
    ck_assert_uint_eq(same_site("builtin.json", "builtin", "builtin-ref", NULL, 2), n);
    /* parts: the catalogue's and the category pages' rows through their
       files (small parts) */
    vg_site_chunk = 2000;
    vg_site_rows_chunk = 300;
    ck_assert_uint_eq(same_site("forty.json", "forty-parts", "forty-parts-ref", "both", 2), 40);
    char *cat = vg_test_read_file(in_tmp("forty-parts/en/maatregelen.html"), NULL);
    ck_assert_ptr_nonnull(cat);
    const char *part = cat;
    size_t parts = 0;
    while ((part = strstr(part, "class=\"catalogue-index\"")) != NULL)
        part++, parts++;
    ck_assert_uint_gt(parts, 5);
    free(cat);
    vg_site_chunk = (size_t)1 << 20;
    vg_site_rows_chunk = (size_t)256 << 10;
    /* the feed stopped after some (the load went on): the rest of the
       catalogue, the category rows and the pages after the load */
    vg_site_feed_limit = 7;
    ck_assert_uint_eq(same_site("forty.json", "forty-some", "forty-some-ref", "both", 2), 7);
    vg_site_chunk = 2000;
    vg_site_rows_chunk = 300;
    ck_assert_uint_eq(same_site("forty.json", "forty-some-parts", "forty-some-parts-ref", "nl", 2),
                      7);
    vg_site_chunk = (size_t)1 << 20;
    vg_site_rows_chunk = (size_t)256 << 10;
    vg_site_feed_limit = 0;
    /* a code no vocabulary knows (in the third municipality): the pages of
       those before it begun while loading, the rest after */
    write_text("unknown.json",
               "{\"format\": \"veilig\", \"version\": 1, \"municipalities\": ["
               "{\"code\": \"GM0001\", \"name\": \"Een\", \"measures\": [{\"id\": \"a\", "
               "\"name\": \"A\", \"category\": \"bystander\"}]},"
               "{\"code\": \"GM0002\", \"name\": \"Twee\", \"measures\": [{\"id\": \"b\", "
               "\"name\": \"B\", \"category\": \"campaign\"}]},"
               "{\"code\": \"GM0003\", \"name\": \"Drie\", \"measures\": [{\"id\": \"c\", "
               "\"name\": \"C\", \"category\": \"x-buurtapp\"}]},"
               "{\"code\": \"GM0004\", \"name\": \"Vier\", \"measures\": [{\"id\": \"d\", "
               "\"name\": \"D\", \"category\": \"bystander\"}]}]}");
    ck_assert_uint_eq(same_site("unknown.json", "unknown", "unknown-ref", "nl", 2), 2);
    /* no municipalities: no page begun, no gemeenten/ */
    write_text("empty.json", "{\"format\": \"veilig\", \"version\": 1, \"municipalities\": []}");
    ck_assert_uint_eq(same_site("empty.json", "empty", "empty-ref", NULL, 2), 0);
    vg_site_feed_lockstep = 0;
    same_site("forty.json", "forty-free", "forty-free-ref", "both", 2);
    /* one writer: the pages wait for the load */
    ck_assert_uint_eq(same_site("forty.json", "forty-one", "forty-one-ref", "nl", 1), 0);
}
END_TEST

/* A document that does not load, its error found after pages were begun:
   its error (where), no registry, no folder made; over an earlier site,
   the site as it was. */
START_TEST(test_bad_document) {
    veilig_registry *reg = made(12);
    char *json = NULL;
    size_t len = 0;
    ck_assert_int_eq(veilig_registry_dump(&json, &len, reg, NULL, NULL), VEILIG_OK);
    /* the last municipality's code made a number: a schema error at its end */
    char *last = strstr(json, "\"GM0011\"");
    ck_assert_ptr_nonnull(last);
    memcpy(last, "110000  ", 8);
    write_text("bad.json", json);
    /* and a document cut short: a syntax error */
    json[len * 3 / 4] = '\0';
    write_text("cut.json", json);
    veilig_free(json);
    save(reg, "good.json");
    veilig_registry_free(reg);

    vg_site_feed_lockstep = 1;
    veilig_site_options o = VEILIG_SITE_OPTIONS_INIT;
    static const char *const docs[] = {"bad.json", "cut.json"};
    for (size_t d = 0; d < 2; d++) {
        veilig_error err, errs[4];
        size_t nerr = 0;
        veilig_load_options lo = VEILIG_LOAD_OPTIONS_INIT;
        lo.errors = errs;
        lo.max_errors = 4;
        lo.error_count = &nerr;
        veilig_registry *out = (veilig_registry *)&o; /* set to NULL */
        int rc = veilig_site_write_file(&out, in_tmp(docs[d]), &lo, in_tmp("new/site"), &o, &err);
        ck_assert_int_eq(rc, d == 0 ? VEILIG_ESCHEMA : VEILIG_EPARSE);
        ck_assert_ptr_null(out);
        ck_assert_uint_gt(err.line, 1);
        ck_assert_str_eq(err.source, in_tmp(docs[d]));
        if (d == 0) {
            ck_assert_uint_eq(nerr, 1);
            ck_assert_str_eq(errs[0].pointer, "/municipalities/11/code");
        }
        ck_assert_msg(!exists("new"), "%s: a folder was made", docs[d]);
        ck_assert_uint_eq(vg_site_feed_kept, 0);
    }
    /* over an earlier site: nothing changes */
    ck_assert_int_eq(
        veilig_site_write_file(NULL, in_tmp("good.json"), NULL, in_tmp("old"), &o, NULL),
        VEILIG_OK);
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "cp -r '%s' '%s'", in_tmp("old"), in_tmp("old-copy"));
    ck_assert_int_eq(system(cmd), 0);
    for (size_t d = 0; d < 2; d++) {
        ck_assert_int_ne(
            veilig_site_write_file(NULL, in_tmp(docs[d]), NULL, in_tmp("old"), &o, NULL),
            VEILIG_OK);
        ck_assert_int_eq(trees_differ("old", "old-copy"), 0);
    }
    vg_site_feed_lockstep = 0;
}
END_TEST

/* The programme read after the municipalities: the pages begun lack its
   name in their titles; they are made again after the load (the same bytes
   as veilig_site_write). */
START_TEST(test_programme_last) {
    write_text("late.json", "{\"format\": \"veilig\", \"version\": 1, \"municipalities\": ["
                            "{\"code\": \"GM0001\", \"name\": \"Een\"},"
                            "{\"code\": \"GM0002\", \"name\": \"Twee\"}],"
                            "\"programme\": {\"name\": \"Het programma\"}}");
    vg_site_feed_lockstep = 1;
    ck_assert_uint_eq(same_site("late.json", "late", "late-ref", "nl", 2), 0);
    vg_site_feed_lockstep = 0;
    char *page = vg_test_read_file(in_tmp("late/gemeenten/GM0001.html"), NULL);
    ck_assert_ptr_nonnull(page);
    ck_assert_ptr_nonnull(strstr(page, "<title>Een \xE2\x80\x94 Het programma</title>"));
    free(page);
}
END_TEST

/* A code that cannot name a file, after pages were begun: the site's
   error (where), the registry given, no page and no temporary file left. */
START_TEST(test_code_not_a_file_name) {
    write_text("evil.json", "{\"format\": \"veilig\", \"version\": 1, \"municipalities\": ["
                            "{\"code\": \"GM0001\", \"name\": \"Een\"},"
                            "{\"code\": \"../x\", \"name\": \"Twee\"}]}");
    vg_site_feed_lockstep = 1;
    veilig_registry *out = NULL;
    veilig_error err;
    int rc = veilig_site_write_file(&out, in_tmp("evil.json"), NULL, in_tmp("evil"), NULL, &err);
    vg_site_feed_lockstep = 0;
    ck_assert_int_eq(rc, VEILIG_EINVAL);
    ck_assert_ptr_nonnull(out);
    ck_assert_uint_eq(veilig_registry_count(out), 2);
    veilig_registry_free(out);
    ck_assert_str_eq(err.pointer, "/municipalities/1/code");
    ck_assert_uint_eq(vg_site_feed_kept, 0);
    ck_assert(!exists("evil/gemeenten/GM0001.html"));
    ck_assert(!exists("evil/index.html"));
    ck_assert_uint_eq(files_named("evil", ".tmp-"), 0);
}
END_TEST

/* A folder that holds something but no site: refused after the load (as
   veilig_site_write refuses it), untouched; a missing document: the load's
   error; bad arguments. */
START_TEST(test_folder_and_arguments) {
    veilig_registry *reg = made(3);
    save(reg, "three.json");
    veilig_registry_free(reg);
    ck_assert_int_eq(mkdir(in_tmp("busy"), 0777), 0);
    write_text("busy/mine.txt", "mine");
    veilig_registry *out = NULL;
    veilig_error err;
    ck_assert_int_eq(
        veilig_site_write_file(&out, in_tmp("three.json"), NULL, in_tmp("busy"), NULL, &err),
        VEILIG_EIO);
    ck_assert_ptr_nonnull(strstr(err.message, "not empty"));
    ck_assert_ptr_nonnull(out);
    veilig_registry_free(out);
    ck_assert(!exists("busy/gemeenten"));
    ck_assert_uint_eq(files_named("busy", ""), 1);

    out = NULL;
    ck_assert_int_eq(
        veilig_site_write_file(&out, in_tmp("missing.json"), NULL, in_tmp("m"), NULL, &err),
        VEILIG_EIO);
    ck_assert_ptr_null(out);
    ck_assert(!exists("m"));
    ck_assert_int_eq(veilig_site_write_file(&out, NULL, NULL, in_tmp("m"), NULL, &err),
                     VEILIG_EINVAL);
    ck_assert_int_eq(veilig_site_write_file(&out, in_tmp("three.json"), NULL, NULL, NULL, &err),
                     VEILIG_EINVAL);
    veilig_site_options o = VEILIG_SITE_OPTIONS_INIT;
    o.lang = "fr";
    ck_assert_int_eq(
        veilig_site_write_file(&out, in_tmp("three.json"), NULL, in_tmp("m"), &o, &err),
        VEILIG_EINVAL);
    o.version = 99;
    ck_assert_int_eq(
        veilig_site_write_file(&out, in_tmp("three.json"), NULL, in_tmp("m"), &o, &err),
        VEILIG_EVERSION);
    ck_assert_ptr_null(out);
    ck_assert(!exists("m"));
}
END_TEST

static Suite *site_file_suite(void) {
    Suite *s = suite_create("site_file");
    TCase *tc = tcase_create("site_file");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_same_bytes);
    tcase_add_test(tc, test_bad_document);
    tcase_add_test(tc, test_programme_last);
    tcase_add_test(tc, test_code_not_a_file_name);
    tcase_add_test(tc, test_folder_and_arguments);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    return vg_test_run_in_tmp(site_file_suite(), tmp, sizeof tmp, "vg-test-site-file");
}
