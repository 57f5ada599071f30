/*
 * veilig_site_write: the files of a site, both languages or one, the same
 * bytes twice, the folder rules (a non-empty folder without a previous site is
 * refused unless forced), bad options, a code that cannot name a file,
 * text from the document escaped, a registry whose catalogue is written
 * in parts, with one comparison page per pair, and the writers (threads:
 * the same bytes, a failure in one of them reported; the browser checks of
 * the pages are in tests/browser).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "veilig.h"
#include "testutil.h"

static char tmp[256];

static char *path_in(const char *dir, const char *rel) {
    static char buf[4][512];
    static int next;
    char *b = buf[next++ % 4];
    snprintf(b, sizeof buf[0], "%s/%s/%s", tmp, dir, rel);
    return b;
}

static int exists(const char *dir, const char *rel) {
    struct stat st;
    return stat(path_in(dir, rel), &st) == 0;
}

static char *site_dir(const char *name) {
    static char buf[512];
    snprintf(buf, sizeof buf, "%s/%s", tmp, name);
    return buf;
}

static veilig_registry *builtin(void) {
    veilig_registry *reg = NULL;
    ck_assert_int_eq(veilig_registry_load_builtin(&reg, NULL), VEILIG_OK);
    return reg;
}

START_TEST(test_both_languages) {
    veilig_registry *reg = builtin();
    veilig_error err;
    ck_assert_int_eq(veilig_site_write(reg, site_dir("both/a/b"), NULL, &err), VEILIG_OK);
    static const char *const files[] = {".veilig-site",
                                        "style.css",
                                        "site.js",
                                        "index.html",
                                        "maatregelen.html",
                                        "gemeenten/GM0153.html",
                                        "categorieen/bystander.html",
                                        "en/index.html",
                                        "en/maatregelen.html",
                                        "en/gemeenten/GM0153.html",
                                        "en/categorieen/bystander.html"};
    for (size_t i = 0; i < sizeof files / sizeof *files; i++)
        ck_assert_msg(exists("both/a/b", files[i]), "no %s", files[i]);
    char *nl = vg_test_read_file(path_in("both/a/b", "gemeenten/GM0153.html"), NULL);
    char *en = vg_test_read_file(path_in("both/a/b", "en/gemeenten/GM0153.html"), NULL);
    ck_assert_ptr_nonnull(nl);
    ck_assert_ptr_nonnull(en);
    ck_assert_ptr_nonnull(strstr(nl, "<html lang=\"nl\">"));
    ck_assert_ptr_nonnull(strstr(en, "<html lang=\"en\">"));
    /* the switch to the other language, relative */
    ck_assert_ptr_nonnull(strstr(nl, "href=\"../en/gemeenten/GM0153.html\""));
    ck_assert_ptr_nonnull(strstr(en, "href=\"../../gemeenten/GM0153.html\""));
    /* one style sheet and one script, at the top, under a CSP that allows only them */
    ck_assert_ptr_nonnull(strstr(nl, "href=\"../style.css\""));
    ck_assert_ptr_nonnull(strstr(en, "src=\"../../site.js\""));
    ck_assert_ptr_nonnull(strstr(nl, "default-src 'none'; style-src 'self'; script-src 'self'"));
    ck_assert_ptr_null(strstr(nl, "http://"));
    /* the seed page's sections, in the seed's words */
    ck_assert_ptr_nonnull(strstr(nl, "Enschede"));
    free(nl);
    free(en);
    /* the same bytes again, into the previous site */
    char *before = vg_test_read_file(path_in("both/a/b", "maatregelen.html"), NULL);
    ck_assert_int_eq(veilig_site_write(reg, site_dir("both/a/b"), NULL, &err), VEILIG_OK);
    char *after = vg_test_read_file(path_in("both/a/b", "maatregelen.html"), NULL);
    ck_assert_str_eq(before, after);
    ck_assert_ptr_nonnull(strstr(after, "class=\"catalogue-index\""));
    free(before);
    free(after);
    veilig_registry_free(reg);
}
END_TEST

START_TEST(test_one_language) {
    veilig_registry *reg = builtin();
    veilig_site_options o;
    ck_assert_int_eq(veilig_site_options_init(&o, VEILIG_SITE_OPTIONS_VERSION), VEILIG_OK);
    o.lang = "en";
    ck_assert_int_eq(veilig_site_write(reg, site_dir("en"), &o, NULL), VEILIG_OK);
    ck_assert(exists("en", "gemeenten/GM0153.html"));
    ck_assert(!exists("en", "en"));
    char *p = vg_test_read_file(path_in("en", "index.html"), NULL);
    ck_assert_ptr_nonnull(strstr(p, "<html lang=\"en\">"));
    ck_assert_ptr_null(strstr(p, "hreflang")); /* no switch with one language */
    free(p);
    veilig_registry_free(reg);
}
END_TEST

START_TEST(test_folder_rules) {
    veilig_registry *reg = builtin();
    veilig_error err;
    char *dir = site_dir("used");
    ck_assert_int_eq(mkdir(dir, 0777), 0);
    FILE *f = fopen(path_in("used", "notes.txt"), "w");
    ck_assert_ptr_nonnull(f);
    fputs("mine\n", f);
    fclose(f);
    ck_assert_int_eq(veilig_site_write(reg, dir, NULL, &err), VEILIG_EIO);
    ck_assert_ptr_nonnull(strstr(err.message, "not empty"));
    ck_assert(!exists("used", "index.html")); /* nothing written */
    veilig_site_options o = VEILIG_SITE_OPTIONS_INIT;
    o.flags = VEILIG_SITE_FORCE;
    ck_assert_int_eq(veilig_site_write(reg, dir, &o, &err), VEILIG_OK);
    ck_assert(exists("used", "index.html") && exists("used", "notes.txt"));
    /* a file where the folder should be */
    ck_assert_int_eq(veilig_site_write(reg, path_in("used", "notes.txt"), NULL, &err), VEILIG_EIO);
    veilig_registry_free(reg);
}
END_TEST

START_TEST(test_bad_arguments) {
    veilig_registry *reg = builtin();
    veilig_error err;
    veilig_site_options o = VEILIG_SITE_OPTIONS_INIT;
    o.lang = "de";
    ck_assert_int_eq(veilig_site_write(reg, site_dir("bad"), &o, &err), VEILIG_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.message, "'de'"));
    o.lang = NULL;
    o.version = 99;
    ck_assert_int_eq(veilig_site_write(reg, site_dir("bad"), &o, &err), VEILIG_EVERSION);
    ck_assert_int_eq(veilig_site_write(NULL, site_dir("bad"), NULL, &err), VEILIG_EINVAL);
    ck_assert_int_eq(veilig_site_write(reg, NULL, NULL, &err), VEILIG_EINVAL);
    ck_assert_int_eq(veilig_site_options_init(NULL, VEILIG_SITE_OPTIONS_VERSION), VEILIG_EINVAL);
    ck_assert_int_eq(veilig_site_options_init(&o, 99), VEILIG_EVERSION);
    ck_assert(!exists("bad", "index.html"));
    veilig_registry_free(reg);
}
END_TEST

START_TEST(test_code_not_a_file_name) {
    veilig_registry *reg = NULL;
    veilig_municipality *m = NULL;
    veilig_error err;
    ck_assert_int_eq(veilig_registry_new(&reg), VEILIG_OK);
    ck_assert_int_eq(veilig_registry_add(&m, reg, "GM0001", "Goed"), VEILIG_OK);
    if (veilig_registry_add(&m, reg, "../../evil", "Kwaad") == VEILIG_OK) {
        ck_assert_int_eq(veilig_site_write(reg, site_dir("evil"), NULL, &err), VEILIG_EINVAL);
        ck_assert_str_eq(err.pointer, "/municipalities/1/code");
        ck_assert(!exists("evil", "index.html"));
    }
    veilig_registry_free(reg);
}
END_TEST

START_TEST(test_hostile_text) {
    veilig_registry *reg = NULL;
    veilig_municipality *m = NULL;
    ck_assert_int_eq(veilig_registry_new(&reg), VEILIG_OK);
    ck_assert_int_eq(veilig_registry_add(&m, reg, "GM0001", "<script>alert(1)</script>\"'&"),
                     VEILIG_OK);
    veilig_site_options o = VEILIG_SITE_OPTIONS_INIT;
    o.lang = "nl";
    ck_assert_int_eq(veilig_site_write(reg, site_dir("hostile"), &o, NULL), VEILIG_OK);
    static const char *const pages[] = {"index.html", "gemeenten/GM0001.html", "maatregelen.html"};
    for (size_t i = 0; i < sizeof pages / sizeof *pages; i++) {
        char *p = vg_test_read_file(path_in("hostile", pages[i]), NULL);
        ck_assert_ptr_nonnull(p);
        ck_assert_msg(!strstr(p, "<script>alert"), "%s: the script is in the page", pages[i]);
        ck_assert_msg(i == 2 || strstr(p, "&lt;script&gt;alert(1)&lt;/script&gt;"),
                      "%s: no escaped name", pages[i]);
        free(p);
    }
    veilig_registry_free(reg);
}
END_TEST

/* The catalogue's search looks where veilig_query's free text looks: a
   text found only in a schedule's note, or in a partner's stakeholder name,
   is in the measure's index entry (folded, as the query folds it). */
START_TEST(test_catalogue_texts) {
    veilig_registry *reg = NULL;
    veilig_municipality *m = NULL;
    veilig_measure *ms = NULL;
    veilig_window *w = NULL;
    ck_assert_int_eq(veilig_registry_new(&reg), VEILIG_OK);
    ck_assert_int_eq(veilig_registry_add(&m, reg, "GM0001", "Aastad"), VEILIG_OK);
    ck_assert_int_eq(
        veilig_municipality_add_stakeholder(NULL, m, "s1", "Stichting \xC3\x8Bxtra", 0), VEILIG_OK);
    ck_assert_int_eq(
        veilig_municipality_add_measure(&ms, m, "m1", "Straatcoaches", VEILIG_CATEGORY_BYSTANDER),
        VEILIG_OK);
    ck_assert_int_eq(veilig_measure_add_window(&w, ms), VEILIG_OK);
    ck_assert_int_eq(veilig_window_set_note(w, "Nachtbus Z\xC3\xBCid"), VEILIG_OK);
    ck_assert_int_eq(veilig_measure_add_partner(NULL, ms, "s1", VEILIG_ROLE_OTHER), VEILIG_OK);
    static const char *const texts[] = {"nachtbus zuid", "stichting extra"};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        veilig_query *q = NULL;
        veilig_query_result *r = NULL;
        ck_assert_int_eq(veilig_query_new(&q), VEILIG_OK);
        ck_assert_int_eq(veilig_query_add(q, VEILIG_FILTER_TEXT, texts[i]), VEILIG_OK);
        ck_assert_int_eq(veilig_query_run(&r, q, reg), VEILIG_OK);
        ck_assert_uint_eq(veilig_query_result_count(r), 1);
        veilig_query_result_free(r);
        veilig_query_free(q);
    }
    veilig_site_options o = VEILIG_SITE_OPTIONS_INIT;
    o.lang = "nl";
    ck_assert_int_eq(veilig_site_write(reg, site_dir("texts"), &o, NULL), VEILIG_OK);
    char *cat = vg_test_read_file(path_in("texts", "maatregelen.html"), NULL);
    ck_assert_ptr_nonnull(cat);
    const char *index = strstr(cat, "class=\"catalogue-index\">");
    ck_assert_ptr_nonnull(index);
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        char quoted[64];
        snprintf(quoted, sizeof quoted, "\"%s\"", texts[i]);
        ck_assert_msg(strstr(index, quoted), "%s is not in the catalogue's index", texts[i]);
    }
    free(cat);
    veilig_registry_free(reg);
}
END_TEST

/* The catalogue's index: known codes as their values, a category's usual
   approach as minus its value, unknown codes as they are (and folded among
   the texts the search looks in), no province as 0 (docs/site.md, "The
   catalogue's index"). */
START_TEST(test_catalogue_index_values) {
    static const char doc[] =
        "{\"format\": \"veilig\", \"version\": 1, \"municipalities\": [{\"code\": \"GM0001\", "
        "\"name\": \"Aastad\", \"measures\": ["
        "{\"id\": \"m1\", \"name\": \"Een\", \"category\": \"X-Cat\", \"approach\": \"x-app\", "
        "\"target_groups\": [\"women_girls\", \"x-group\"], \"settings\": [\"x-set\"]},"
        "{\"id\": \"m2\", \"name\": \"Twee\", \"category\": \"bystander\"},"
        "{\"id\": \"m3\", \"name\": "
        "\"Zaaaaaaaaa<aaaaaaaaa>aaaaaaaaa&"
        "aaaaaaaaa\\\"aaaaaaaaa\\\\aaaaaaaaa\\u0001aaaaaaaaa\\u001faaaaaaaaa\\u2028aaaaaaaaa\\u2029"
        "aaaaaaaaa\\u00c9\", "
        "\"category\": \"bystander\"}]}]}";
    veilig_registry *reg = NULL;
    veilig_error err;
    ck_assert_int_eq(veilig_registry_load_string(&reg, doc, sizeof doc - 1, NULL, &err), VEILIG_OK);
    veilig_site_options o = VEILIG_SITE_OPTIONS_INIT;
    o.lang = "nl";
    ck_assert_int_eq(veilig_site_write(reg, site_dir("values"), &o, NULL), VEILIG_OK);
    char *cat = vg_test_read_file(path_in("values", "maatregelen.html"), NULL);
    ck_assert_ptr_nonnull(cat);
    char want[256];
    snprintf(want, sizeof want,
             "</tbody>\n<script type=\"application/json\" class=\"catalogue-index\">[\n"
             "[\"X-Cat\",\"x-app\",0,[%d,\"x-group\"],[\"x-set\"],"
             "[\"m1\",\"een\",\"x-cat\",\"x-app\",\"x-group\"]],\n[%d,-%d,0,[],[],[\"m2\",\"twee\"]"
             "],\n[",
             veilig_vocab_from_code(VEILIG_VOCAB_TARGET_GROUP, "women_girls"),
             veilig_vocab_from_code(VEILIG_VOCAB_CATEGORY, "bystander"),
             (int)veilig_category_approach(VEILIG_CATEGORY_BYSTANDER));
    ck_assert_msg(strstr(cat, want), "no %s in the catalogue", want);
    ck_assert_ptr_nonnull(strstr(cat, ",\"p\":[],\"pn\":[],\"tc\":[["));
    /* a name with every kind of byte the JSON block must escape, folded */
    ck_assert_ptr_nonnull(strstr(
        cat, "[\"m3\","
             "\"zaaaaaaaaa\\u003caaaaaaaaa\\u003eaaaaaaaaa\\u0026aaaaaaaaa\\\"aaaaaaaaa\\\\aaaaaaaa"
             "a\\u0001aaaaaaaaa\\u001faaaaaaaaa\\u2028aaaaaaaaa\\u2029aaaaaaaaae\"]"));
    free(cat);
    veilig_registry_free(reg);
}
END_TEST

static size_t files_named(const char *dir, const char *part);

/* 0 when the folders a and b under tmp hold the same files, byte for byte. */
static int trees_differ(const char *a, const char *b) {
    return vg_test_trees_differ(site_dir(a), path_in(b, ""));
}

/* The writers: one thread or several, the same bytes; a page that fails in
   another thread is the call's error (and the calling thread's last error),
   and the other writers stop with every page they wrote whole; options of
   version 1 (before threads) are read without their threads. */
START_TEST(test_threads) {
    veilig_registry *reg = builtin();
    veilig_site_options o = VEILIG_SITE_OPTIONS_INIT;
    veilig_error err;
    o.threads = 1;
    ck_assert_int_eq(veilig_site_write(reg, site_dir("one"), &o, &err), VEILIG_OK);
    o.threads = 5;
    ck_assert_int_eq(veilig_site_write(reg, site_dir("five"), &o, &err), VEILIG_OK);
    ck_assert_int_eq(trees_differ("one", "five"), 0);
    o.threads = 0; /* one per processor */
    ck_assert_int_eq(veilig_site_write(reg, site_dir("cpus"), &o, &err), VEILIG_OK);
    ck_assert_int_eq(trees_differ("one", "cpus"), 0);

    /* a page that cannot be put in place: a folder of that name, not empty */
    ck_assert_int_eq(unlink(path_in("five", "gemeenten/GM0153.html")), 0);
    ck_assert_int_eq(mkdir(path_in("five", "gemeenten/GM0153.html"), 0777), 0);
    ck_assert_int_eq(mkdir(path_in("five", "gemeenten/GM0153.html/x"), 0777), 0);
    veilig_error_clear();
    o.threads = 5;
    ck_assert_int_eq(veilig_site_write(reg, site_dir("five"), &o, &err), VEILIG_EIO);
    ck_assert_ptr_nonnull(strstr(err.message, "gemeenten/GM0153.html"));
    ck_assert_ptr_nonnull(veilig_error_last());
    ck_assert_str_eq(veilig_error_last()->message, err.message);
    ck_assert_uint_eq(files_named(site_dir("five"), ".tmp-"), 0);

    /* version 1: threads is neither written by _init nor read */
    veilig_site_options v1;
    memset(&v1, 0xAB, sizeof v1);
    ck_assert_int_eq(veilig_site_options_init(&v1, 1), VEILIG_OK);
    ck_assert_uint_eq(v1.version, 1);
    ck_assert_ptr_null(v1.lang);
    ck_assert_uint_eq(v1.threads, 0xABABABABu);
    v1.lang = "nl";
    ck_assert_int_eq(veilig_site_write(reg, site_dir("v1"), &v1, &err), VEILIG_OK);
    ck_assert(exists("v1", "gemeenten/GM0153.html"));
    veilig_registry_free(reg);
}
END_TEST

/* Occurrences of needle in hay. */
static size_t count_of(const char *hay, const char *needle) {
    size_t n = 0;
    for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += strlen(needle))
        n++;
    return n;
}

/* Files under dir (recursively) whose name holds part. */
static size_t files_named(const char *dir, const char *part) {
    return vg_test_files_named(dir, part);
}

/* A registry large enough that the catalogue goes to its file in parts
   (more than 1 MiB), with municipalities of different measures (peers that
   are and are not each other's). */
START_TEST(test_many_pages) {
    veilig_registry *reg = NULL;
    ck_assert_int_eq(veilig_registry_new(&reg), VEILIG_OK);
    enum { NMUN = 60 };
    char text[700], code[16], id[32];
    size_t measures = 0, per_category[14] = {0};
    for (int i = 0; i < NMUN; i++) {
        veilig_municipality *m = NULL;
        snprintf(code, sizeof code, "GM%04d", i);
        snprintf(text, sizeof text, "Gemeente <%d> & \xC3\xA9\xE2\x80\xA8 \"%d\"", i, i);
        ck_assert_int_eq(veilig_registry_add(&m, reg, code, text), VEILIG_OK);
        for (int k = 0; k < 10 + i % 40; k++) {
            veilig_measure *ms = NULL;
            int cat = 1 + (i * 7 + k * (1 + i % 3)) % 13;
            snprintf(id, sizeof id, "m-%d", k);
            snprintf(text, sizeof text, "Maatregel %d van %d <b>", k, i);
            ck_assert_int_eq(
                veilig_municipality_add_measure(&ms, m, id, text, (veilig_category)cat), VEILIG_OK);
            memset(text, 0, sizeof text);
            for (int c = 0; c < 60; c++)
                strcat(text, c % 7 ? "tekst " : "\xC3\xA9\xE2\x80\xA8<&> ");
            ck_assert_int_eq(veilig_measure_set_description(ms, text), VEILIG_OK);
            if (k % 3)
                ck_assert_int_eq(
                    veilig_measure_add_target_group(ms, (veilig_target_group)(1 + k % 5)),
                    VEILIG_OK);
            measures++;
            per_category[cat]++;
        }
    }
    veilig_site_options o = VEILIG_SITE_OPTIONS_INIT;
    o.lang = "nl";
    veilig_error err;
    ck_assert_int_eq(veilig_site_write(reg, site_dir("many"), &o, &err), VEILIG_OK);
    /* the catalogue, written in parts: whole, every measure in the table and the index */
    size_t len = 0;
    char *cat = vg_test_read_file(path_in("many", "maatregelen.html"), &len);
    ck_assert_ptr_nonnull(cat);
    ck_assert_uint_gt(len, 1u << 20);
    ck_assert_uint_eq(strlen(cat), len);
    ck_assert_uint_eq(count_of(cat, "<tr data-id=\""), measures);
    /* in parts: each part's rows, then their index entries (an entry a line) */
    static const char open[] = "<script type=\"application/json\" class=\"catalogue-index\">[";
    size_t parts = 0, entries = 0;
    for (const char *part = strstr(cat, "<tbody>\n"); part; part = strstr(part, "<tbody>\n")) {
        const char *end = strstr(part, "</tbody>\n");
        ck_assert_ptr_nonnull(end);
        ck_assert(strncmp(end + 9, open, sizeof open - 1) == 0);
        const char *block = end + 9 + sizeof open - 1, *block_end = strstr(block, "]</script>\n");
        ck_assert_ptr_nonnull(block_end);
        size_t rows = 0, n = 0;
        for (const char *r = part; (r = strstr(r, "<tr data-id=\"")) && r < end; r++)
            rows++;
        for (const char *e = block; (e = strstr(e, "\n[")) && e < block_end; e++)
            n++;
        ck_assert_uint_eq(n, rows);
        entries += n;
        parts++;
        part = block_end;
    }
    ck_assert_uint_gt(parts, 1);
    ck_assert_uint_eq(entries, measures);
    ck_assert_ptr_nonnull(strstr(cat, "\\u2028"));
    ck_assert_ptr_null(strstr(cat, "\xE2\x80\xA8<&>"));
    ck_assert_ptr_nonnull(strstr(cat, "]</script>\n</table>\n</section>\n<script "
                                      "type=\"application/json\" id=\"catalogue-terms\">"
                                      "{\"c\":[\"deescalation\","));
    ck_assert_ptr_nonnull(strstr(cat, "]]}</script>\n</section>\n</main>\n"));
    /* the labels of known codes once for the page, not per entry */
    ck_assert_uint_eq(count_of(cat, "\"vrouwen en meisjes\""), 1);
    ck_assert_str_eq(cat + len - 8, "</html>\n");
    free(cat);
    ck_assert_uint_eq(files_named(site_dir("many"), ".tmp-"), 0);
    /* each category page lists its measures */
    for (int c = 1; c <= 13; c++) {
        char rel[96];
        snprintf(rel, sizeof rel, "categorieen/%s.html",
                 veilig_vocab_code(VEILIG_VOCAB_CATEGORY, c));
        char *page = vg_test_read_file(path_in("many", rel), NULL);
        ck_assert_ptr_nonnull(page);
        ck_assert_uint_eq(count_of(page, "<tr><td>"), per_category[c]);
        free(page);
    }
    /* one comparison page per pair of a municipality and one of its peers,
       however many sides list the pair; every link to one resolves */
    veilig_peers_result *peers = NULL;
    veilig_peers_options po = VEILIG_PEERS_OPTIONS_INIT;
    po.k = 3;
    ck_assert_int_eq(veilig_peers(&peers, reg, NULL, &po), VEILIG_OK);
    size_t pairs = 0, mutual = 0;
    for (size_t r = 0; r < veilig_peers_count(peers); r++) {
        const veilig_municipality *a = veilig_peers_subject(peers, r),
                                  *b = veilig_peers_peer(peers, r);
        int seen = 0;
        for (size_t q = 0; q < r; q++)
            seen |= veilig_peers_subject(peers, q) == b && veilig_peers_peer(peers, q) == a;
        pairs += !seen;
        mutual += seen;
        const char *x = veilig_municipality_code(a), *y = veilig_municipality_code(b);
        char rel[96];
        snprintf(rel, sizeof rel, "vergelijk/%s-%s.html", strcmp(x, y) < 0 ? x : y,
                 strcmp(x, y) < 0 ? y : x);
        ck_assert_msg(exists("many", rel), "no %s", rel);
        if (r == 0) {
            /* its rows named in the page's language */
            char *page = vg_test_read_file(path_in("many", rel), NULL);
            ck_assert_ptr_nonnull(page);
            ck_assert_ptr_nonnull(strstr(page, "<td>Categorie</td><td>"));
            ck_assert_ptr_nonnull(strstr(page, "<td>Aanpak</td><td>"));
            ck_assert_ptr_null(strstr(page, "<td>Category</td>"));
            free(page);
        }
    }
    ck_assert_uint_gt(mutual, 0); /* pairs listed by both sides were there */
    ck_assert_uint_eq(files_named(site_dir("many"), "GM"), NMUN + pairs);
    veilig_peers_free(peers);
    veilig_registry_free(reg);
}
END_TEST

static Suite *site_suite(void) {
    Suite *s = suite_create("site");
    TCase *tc = tcase_create("site");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_both_languages);
    tcase_add_test(tc, test_one_language);
    tcase_add_test(tc, test_folder_rules);
    tcase_add_test(tc, test_bad_arguments);
    tcase_add_test(tc, test_code_not_a_file_name);
    tcase_add_test(tc, test_hostile_text);
    tcase_add_test(tc, test_catalogue_texts);
    tcase_add_test(tc, test_catalogue_index_values);
    tcase_add_test(tc, test_many_pages);
    tcase_add_test(tc, test_threads);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    return vg_test_run_in_tmp(site_suite(), tmp, sizeof tmp, "vg-test-site");
}
