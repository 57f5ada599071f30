/*
 * The jansson bridge (include/veilig/jansson.h).
 *
 * The corpus: every JSON document under tests/data (the valid and invalid
 * cases, the render and analysis fixtures, JSONTestSuite's test_parsing)
 * and the bundled dataset goes through both paths: the text loader, and
 * json_loadb then veilig_registry_from_jansson. Where jansson reads the
 * text, both give the same status and the same JSON pointer, and loaded
 * registries are the same (their dumps equal as jansson values); the bridge
 * gives no line or column. Where jansson cannot read the text, the text
 * loader must refuse it too, except for the numbers jansson cannot hold
 * (an integer beyond json_int_t, a real beyond a double), which the header
 * documents. veilig_registry_to_jansson of each loaded registry equals
 * json_loads of its canonical dump.
 *
 * Then what a json_t can hold and a text cannot (NUL characters, invalid
 * UTF-8, a value that contains itself), the limits, reals for amounts and
 * versions, numbers on the way out, adding municipalities, and arguments.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "veilig.h"
#include "veilig/jansson.h"
#include "testutil.h"

#define DOC_HEAD "{\"format\": \"veilig\", \"version\": 1, "

/* ---- helpers ---- */

static json_t *parse(const char *text) {
    json_error_t jerr;
    json_t *v = json_loads(text, JSON_DECODE_ANY | JSON_ALLOW_NUL, &jerr);
    ck_assert_msg(v != NULL, "json_loads: %s: %s", jerr.text, text);
    return v;
}

/* The canonical dump as a jansson value. */
static json_t *dump_value(const veilig_registry *reg) {
    char *text = NULL;
    size_t len = 0;
    ck_assert_int_eq(veilig_registry_dump(&text, &len, reg, NULL, NULL), VEILIG_OK);
    json_error_t jerr;
    json_t *v = json_loadb(text, len, JSON_ALLOW_NUL, &jerr);
    ck_assert_msg(v != NULL, "the dump does not load into jansson: %s", jerr.text);
    veilig_free(text);
    return v;
}

static char *dump_text(const veilig_registry *reg) {
    char *text = NULL;
    ck_assert_int_eq(veilig_registry_dump(&text, NULL, reg, NULL, NULL), VEILIG_OK);
    return text;
}

/* from_jansson of a text parsed by jansson must fail as the text loader does
   (with the same message unless jansson rewrote a number in it). */
static void check_error_as(const char *text, const veilig_load_options *opts, int code,
                           const char *pointer, int same_message) {
    veilig_registry *r = NULL;
    veilig_error et, ej;
    int rt = veilig_registry_load_string(&r, text, strlen(text), opts, &et);
    ck_assert_msg(rt == code, "text: %s instead of %s: %s", veilig_strerror(rt),
                  veilig_strerror(code), et.message);
    ck_assert_str_eq(et.pointer, pointer);
    json_t *root = parse(text);
    r = (veilig_registry *)&r;
    int rj = veilig_registry_from_jansson(&r, root, opts, &ej);
    ck_assert_ptr_null(r);
    ck_assert_msg(rj == code, "jansson: %s instead of %s: %s", veilig_strerror(rj),
                  veilig_strerror(code), ej.message);
    ck_assert_int_eq(ej.code, code);
    ck_assert_str_eq(ej.pointer, pointer);
    if (same_message)
        ck_assert_str_eq(ej.message, et.message);
    ck_assert_int_eq(ej.line, 0);
    ck_assert_int_eq(ej.column, 0);
    ck_assert_uint_eq(ej.position, 0);
    json_decref(root);
}

static void check_same_error(const char *text, const veilig_load_options *opts, int code,
                             const char *pointer) {
    check_error_as(text, opts, code, pointer, 1);
}

/* A jansson value as text, to see that it was not changed (NULL for a cycle). */
static char *fingerprint(const json_t *v) {
    return json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);
}

/* from_jansson of a tree made in code: code and pointer. */
static void check_tree_error(json_t *root, const veilig_load_options *opts, int code,
                             const char *pointer, const char *message_part) {
    char *before = fingerprint(root);
    veilig_registry *r = NULL;
    veilig_error err;
    int rc = veilig_registry_from_jansson(&r, root, opts, &err);
    ck_assert_msg(rc == code, "%s instead of %s: %s", veilig_strerror(rc), veilig_strerror(code),
                  err.message);
    ck_assert_ptr_null(r);
    ck_assert_str_eq(err.pointer, pointer);
    ck_assert_msg(strstr(err.message, message_part), "message: %s", err.message);
    ck_assert_int_eq(err.line, 0);
    ck_assert_str_eq(err.source, opts && opts->source ? opts->source : "<jansson>");
    if (before) { /* a cyclic tree has none */
        char *after = fingerprint(root);
        ck_assert_str_eq(before, after);
        free(after);
        free(before);
    }
}

/* ---- the corpus ---- */

typedef struct corpus_stats {
    int files, loaded, same_error, not_jansson, unrepresentable, rounded;
} corpus_stats;

/* Whether two registries are the same: their dumps equal as jansson values. */
static int same_registry(const veilig_registry *a, const veilig_registry *b) {
    json_t *da = dump_value(a), *db = dump_value(b);
    int same = json_equal(da, db);
    json_decref(da);
    json_decref(db);
    return same;
}

/* to_jansson of reg is json_loads of its dump; with back, from_jansson reads it
   back as the same registry (for a registry whose numbers jansson holds). */
static void check_to_jansson(const char *path, const veilig_registry *reg, int back) {
    json_t *dump = dump_value(reg), *out = NULL;
    ck_assert_int_eq(veilig_registry_to_jansson(&out, reg, NULL, NULL), VEILIG_OK);
    ck_assert_msg(json_equal(out, dump), "%s: to_jansson differs from the dump", path);
    ck_assert_int_eq(out->refcount, 1);
    veilig_registry *again = NULL;
    ck_assert_int_eq(veilig_registry_from_jansson(&again, out, NULL, NULL), VEILIG_OK);
    ck_assert_msg(!back || same_registry(reg, again), "%s: from_jansson(to_jansson) differs", path);
    veilig_registry_free(again);
    json_decref(out);
    json_decref(dump);
}

/* Writes v as JSON text, jansson's way except for reals: the shortest text
   that reads back as the same double (as a person would write it). */
static void write_json(FILE *f, const json_t *v) {
    if (json_is_object(v)) {
        const char *key;
        size_t key_len;
        json_t *item;
        int first = 1;
        fputc('{', f);
        json_object_keylen_foreach((json_t *)(uintptr_t)v, key, key_len, item) {
            json_t *k = json_stringn_nocheck(key, key_len);
            char *kt = json_dumps(k, JSON_ENCODE_ANY);
            fprintf(f, "%s%s:", first ? "" : ",", kt);
            free(kt);
            json_decref(k);
            write_json(f, item);
            first = 0;
        }
        fputc('}', f);
    } else if (json_is_array(v)) {
        fputc('[', f);
        for (size_t i = 0; i < json_array_size(v); i++) {
            if (i)
                fputc(',', f);
            write_json(f, json_array_get(v, i));
        }
        fputc(']', f);
    } else if (json_is_real(v)) {
        char buf[40];
        for (int prec = 1; prec <= 17; prec++) {
            snprintf(buf, sizeof buf, "%.*g", prec, json_real_value(v));
            if (strtod(buf, NULL) == json_real_value(v))
                break;
        }
        fprintf(f, "%s%s", buf, strpbrk(buf, ".e") ? "" : ".0");
    } else {
        char *t = json_dumps(v, JSON_ENCODE_ANY);
        fputs(t, f);
        free(t);
    }
}

static char *json_text(const json_t *v) {
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    ck_assert_ptr_nonnull(f);
    write_json(f, v);
    ck_assert_int_eq(fclose(f), 0);
    return text;
}

/*
 * One document through three paths: the loader over its text (t), the
 * bridge over jansson's tree of it (j), and the loader over jansson's own
 * text of that tree (d). j and d always agree: the bridge is the loader, for
 * what jansson holds. j and t give the same status and pointer, and the same
 * registry unless jansson's doubles rounded a number of the text (counted).
 */
static void corpus_file(const char *path, corpus_stats *st) {
    size_t len = 0;
    char *text = vg_test_read_file(path, &len);
    st->files++;

    veilig_registry *rt = NULL, *rj = NULL, *rd = NULL;
    veilig_error et, ej, ed;
    int ct = veilig_registry_load_string(&rt, text, len, NULL, &et);

    json_error_t jerr;
    json_t *root = NULL;
    /* jansson stops reading at a NUL byte: it would read another, shorter text */
    if (!memchr(text, '\0', len))
        root =
            json_loadb(text, len, JSON_DECODE_ANY | JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES, &jerr);
    if (!root) {
        if (!memchr(text, '\0', len) && json_error_code(&jerr) == json_error_numeric_overflow) {
            st->unrepresentable++; /* documented: jansson cannot hold the number */
        } else {
            ck_assert_msg(ct != VEILIG_OK, "%s: jansson refuses it, the loader reads it", path);
            st->not_jansson++;
        }
        veilig_registry_free(rt);
        free(text);
        return;
    }
    char *before = fingerprint(root);
    size_t refcount = root->refcount;
    int cj = veilig_registry_from_jansson(&rj, root, NULL, &ej);
    char *after = fingerprint(root);
    ck_assert_msg(strcmp(before, after) == 0, "%s: the json_t was changed", path);
    ck_assert_uint_eq(root->refcount, refcount);
    char *jtext = json_text(root);
    int cd = veilig_registry_load_string(&rd, jtext, strlen(jtext), NULL, &ed);

    ck_assert_msg(cj == ct && cj == cd, "%s: text %s (%s at %s), jansson %s (%s at %s)", path,
                  veilig_strerror(ct), et.message, et.pointer, veilig_strerror(cj), ej.message,
                  ej.pointer);
    if (ct != VEILIG_OK) {
        ck_assert_msg(strcmp(et.pointer, ej.pointer) == 0 && strcmp(ed.pointer, ej.pointer) == 0,
                      "%s: pointer %s, jansson's %s", path, et.pointer, ej.pointer);
        ck_assert_int_eq(ej.code, ct);
        ck_assert_int_eq(ej.line, 0);
        ck_assert_int_eq(ej.column, 0);
        ck_assert_ptr_null(rj);
        st->same_error++;
    } else {
        int rounded = st->rounded;
        ck_assert_msg(same_registry(rj, rd), "%s: the bridge and the loader differ", path);
        if (!same_registry(rj, rt)) {
            /* only where jansson's double is not the text's number */
            ck_assert_msg(!same_registry(rt, rd), "%s: the registries differ", path);
            st->rounded++;
        }
        check_to_jansson(path, rt, st->rounded == rounded);
        check_to_jansson(path, rj, 1);
        st->loaded++;
    }
    veilig_registry_free(rt);
    veilig_registry_free(rj);
    veilig_registry_free(rd);
    free(jtext);
    free(before);
    free(after);
    json_decref(root);
    free(text);
}

static int compare_names(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Every *.json under dir, in name order, recursively. */
static void corpus_dir(const char *dir, corpus_stats *st) {
    DIR *d = opendir(dir);
    ck_assert_msg(d != NULL, "cannot open %s", dir);
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        names = realloc(names, (n + 1) * sizeof *names);
        ck_assert_ptr_nonnull(names);
        names[n] = strdup(e->d_name);
        ck_assert_ptr_nonnull(names[n]);
        n++;
    }
    closedir(d);
    qsort(names, n, sizeof *names, compare_names);
    for (size_t i = 0; i < n; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        struct stat sb;
        ck_assert_int_eq(stat(path, &sb), 0);
        size_t len = strlen(names[i]);
        if (S_ISDIR(sb.st_mode))
            corpus_dir(path, st);
        else if (len > 5 && strcmp(names[i] + len - 5, ".json") == 0)
            corpus_file(path, st);
        free(names[i]);
    }
    free(names);
}

START_TEST(test_corpus) {
    corpus_stats st = {0, 0, 0, 0, 0, 0};
    corpus_dir(VG_TEST_DATA, &st);
    corpus_file(VG_SOURCE_DIR "/data/veilige-steden.json", &st);
    printf("test_jansson: %d documents: %d loaded alike (%d with numbers jansson's doubles "
           "round), %d failed alike (code and pointer), %d not JSON to jansson (nor to the "
           "loader), %d with numbers jansson cannot hold\n",
           st.files, st.loaded, st.rounded, st.same_error, st.not_jansson, st.unrepresentable);
    /* the corpus is what it is: make sure it was all there */
    ck_assert_int_ge(st.files, 350);
    ck_assert_int_ge(st.loaded, 11);
    ck_assert_int_ge(st.same_error, 100);
}
END_TEST

/* ---- what a tree holds and a text cannot ---- */

START_TEST(test_nul_and_utf8) {
    json_t *root = parse(DOC_HEAD "\"municipalities\": [{\"code\": \"GM0001\", \"name\": \"A\"}]}");
    json_t *m = json_array_get(json_object_get(root, "municipalities"), 0);
    /* a NUL in a string, as the text's \u0000: VEILIG_ESCHEMA at the value */
    json_object_set_new(m, "name", json_stringn("A\0B", 3));
    check_tree_error(root, NULL, VEILIG_ESCHEMA, "/municipalities/0/name", "NUL character");
    json_object_set_new(m, "name", json_string("A"));
    /* in a key: at the member, the NUL written as \u0000 */
    json_object_setn_new(m, "x\0y", 3, json_true());
    check_tree_error(root, NULL, VEILIG_ESCHEMA, "/municipalities/0/x\\u0000y", "in key");
    json_object_deln(m, "x\0y", 3);
    /* invalid UTF-8 (json_string_nocheck lets it in): VEILIG_EPARSE, with the pointer */
    json_object_set_new(m, "summary", json_string_nocheck("caf\xE9"));
    check_tree_error(root, NULL, VEILIG_EPARSE, "/municipalities/0/summary", "UTF-8");
    json_object_del(m, "summary");
    json_object_set_new_nocheck(m, "k\xFF", json_true());
    check_tree_error(root, NULL, VEILIG_EPARSE, "/municipalities/0/k\xFF", "UTF-8 in key");
    json_decref(root);
}
END_TEST

START_TEST(test_nul_then_limit) {
    /* as in text, a NUL is recorded and the walk goes on: a limit further on wins */
    veilig_load_options o = VEILIG_LOAD_OPTIONS_INIT;
    o.max_depth = 2;
    check_same_error(DOC_HEAD "\"a\": \"\\u0000\", \"b\": [[1]]}", &o, VEILIG_ELIMIT, "/b/0");
    check_same_error(DOC_HEAD "\"a\": \"\\u0000\", \"b\": [1]}", &o, VEILIG_ESCHEMA, "/a");
    /* the first NUL is the one reported */
    check_same_error(DOC_HEAD "\"a\": \"\\u0000\", \"b\": \"x\\u0000\"}", NULL, VEILIG_ESCHEMA,
                     "/a");
}
END_TEST

START_TEST(test_self_containing) {
    json_t *root = parse(DOC_HEAD "\"x\": []}");
    json_t *a = json_object_get(root, "x"), *b = json_array();
    json_array_append(a, b);
    json_array_append(b, a); /* a contains b contains a */
    /* the root is level 1, /x level 2: the value at level 65 fails */
    char pointer[256] = "/x";
    for (int i = 0; i < 63; i++)
        strcat(pointer, "/0");
    check_tree_error(root, NULL, VEILIG_ELIMIT, pointer, "nesting deeper than 64 levels");
    json_array_clear(b);
    json_decref(b);
    json_decref(root);
}
END_TEST

/* ---- limits, with their pointers ---- */

START_TEST(test_limits) {
    veilig_load_options o = VEILIG_LOAD_OPTIONS_INIT;
    o.max_depth = 3;
    check_same_error(DOC_HEAD "\"x\": {\"y\": [[1]]}}", &o, VEILIG_ELIMIT, "/x/y/0");
    check_same_error("[[[[1]]]]", &o, VEILIG_ELIMIT, "/0/0/0");
    o.max_depth = 0;
    o.max_string = 7; /* "version" */
    check_same_error(DOC_HEAD "\"x\": [\"abcdefgh\"]}", &o, VEILIG_ELIMIT, "/x/0");
    /* a key too long is named by its object */
    check_same_error(DOC_HEAD "\"x\": {\"abcdefgh\": 1}}", &o, VEILIG_ELIMIT, "/x");
    check_same_error(DOC_HEAD "\"abcdefgh\": 1}", &o, VEILIG_ELIMIT, "");
    o.max_string = 0;
    o.max_municipalities = 1;
    check_same_error(DOC_HEAD "\"municipalities\": [{}, {}]}", &o, VEILIG_ELIMIT,
                     "/municipalities");
    /* options as for text */
    o.max_municipalities = 0;
    o.max_depth = 257;
    check_same_error(DOC_HEAD "\"x\": 1}", &o, VEILIG_EINVAL, "");
    o.max_depth = 0;
    o.version = 99;
    check_same_error(DOC_HEAD "\"x\": 1}", &o, VEILIG_EVERSION, "");
    /* and the source name */
    o.version = VEILIG_LOAD_OPTIONS_VERSION;
    o.source = "request.json#/plan";
    json_t *root = parse("[]");
    check_tree_error(root, &o, VEILIG_ESCHEMA, "", "JSON object");
    json_decref(root);
}
END_TEST

/* ---- numbers ---- */

START_TEST(test_numbers_in) {
    /* jansson's reals where the text has literals: the same rules */
#define BUDGET_DOC                                                                                 \
    DOC_HEAD                                                                                       \
    "\"municipalities\": [{\"code\": \"GM0001\", \"name\": \"A\", \"measures\": [{\"id\": "        \
    "\"m\", \"name\": \"M\", \"category\": \"other\", \"budget\": {\"amount\": %s}}]}]}"
    static const struct {
        const char *amount;
        int code;
        int64_t cents;
    } cases[] = {
        {"12.5", VEILIG_OK, 1250},    {"0.1", VEILIG_OK, 10},
        {"1e2", VEILIG_OK, 10000},    {"12.0", VEILIG_OK, 1200},
        {"1.005", VEILIG_ESCHEMA, 0}, {"-1.5", VEILIG_ESCHEMA, 0},
        {"1e300", VEILIG_ESCHEMA, 0}, {"123456789012345", VEILIG_OK, 12345678901234500},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[512];
        snprintf(text, sizeof text, BUDGET_DOC, cases[i].amount);
        if (cases[i].code != VEILIG_OK) {
            check_error_as(text, NULL, cases[i].code, "/municipalities/0/measures/0/budget/amount",
                           0);
            continue;
        }
        json_t *root = parse(text);
        veilig_registry *r = NULL;
        veilig_error err;
        ck_assert_msg(veilig_registry_from_jansson(&r, root, NULL, &err) == VEILIG_OK, "%s: %s",
                      cases[i].amount, err.message);
        const veilig_measure *ms = veilig_municipality_measure(veilig_registry_get(r, 0), 0);
        int64_t cents = -1;
        ck_assert_int_eq(veilig_measure_budget_cents(&cents, ms), VEILIG_OK);
        ck_assert_msg(cents == cases[i].cents, "%s: %lld cents", cases[i].amount, (long long)cents);
        veilig_registry_free(r);
        json_decref(root);
    }
    /* the version as a real, as in text */
    json_t *root = parse("{\"format\": \"veilig\", \"version\": 1.0}");
    veilig_registry *r = NULL;
    ck_assert_int_eq(veilig_registry_from_jansson(&r, root, NULL, NULL), VEILIG_OK);
    veilig_registry_free(r);
    json_decref(root);
    check_same_error("{\"format\": \"veilig\", \"version\": 2.0}", NULL, VEILIG_EVERSION,
                     "/version");
}
END_TEST

START_TEST(test_numbers_out) {
    /* unknown keys keep their numbers; jansson holds them as its reader would */
    const char *text =
        DOC_HEAD "\"i\": 12, \"neg\": -0, \"r\": 12.50, \"e\": 1E2, \"small\": 1e-400, "
                 "\"big\": 123456789012345678901234567890, \"max\": "
                 "9223372036854775807, \"min\": -9223372036854775808}";
    veilig_registry *r = NULL;
    ck_assert_int_eq(veilig_registry_load_string(&r, text, strlen(text), NULL, NULL), VEILIG_OK);
    json_t *out = NULL;
    ck_assert_int_eq(veilig_registry_to_jansson(&out, r, NULL, NULL), VEILIG_OK);
    ck_assert(json_is_integer(json_object_get(out, "i")));
    ck_assert_int_eq(json_integer_value(json_object_get(out, "i")), 12);
    ck_assert(json_is_integer(json_object_get(out, "neg")));
    ck_assert(json_is_real(json_object_get(out, "r")));
    ck_assert(json_real_value(json_object_get(out, "r")) == 12.5);
    ck_assert(json_is_real(json_object_get(out, "e")));
    ck_assert(json_real_value(json_object_get(out, "e")) == 100.0);
    ck_assert(json_real_value(json_object_get(out, "small")) == 0.0);
    /* beyond json_int_t: the nearest double (json_loads would fail) */
    ck_assert(json_is_real(json_object_get(out, "big")));
    ck_assert(json_real_value(json_object_get(out, "big")) == 123456789012345678901234567890.0);
    ck_assert_int_eq(json_integer_value(json_object_get(out, "max")), INT64_MAX);
    ck_assert_int_eq(json_integer_value(json_object_get(out, "min")), INT64_MIN);
    /* back through the bridge, a real stays a real */
    veilig_registry *back = NULL;
    ck_assert_int_eq(veilig_registry_from_jansson(&back, out, NULL, NULL), VEILIG_OK);
    json_t *again = NULL;
    ck_assert_int_eq(veilig_registry_to_jansson(&again, back, NULL, NULL), VEILIG_OK);
    ck_assert(json_equal(out, again));
    char *dump = dump_text(back);
    ck_assert_msg(strstr(dump, "\"r\": 12.5,") && strstr(dump, "\"e\": 100.0,"), "%s", dump);
    veilig_free(dump);
    json_decref(again);
    veilig_registry_free(back);
    json_decref(out);
    veilig_registry_free(r);

    /* beyond a double: jansson cannot hold it */
    text = DOC_HEAD "\"x\": {\"y\": [1e400]}}";
    ck_assert_int_eq(veilig_registry_load_string(&r, text, strlen(text), NULL, NULL), VEILIG_OK);
    veilig_error err;
    out = (json_t *)&out;
    ck_assert_int_eq(veilig_registry_to_jansson(&out, r, NULL, &err), VEILIG_ELIMIT);
    ck_assert_ptr_null(out);
    ck_assert_str_eq(err.pointer, "/x/y/0");
    ck_assert_msg(strstr(err.message, "1e400"), "%s", err.message);
    veilig_registry_free(r);
}
END_TEST

/* ---- one municipality ---- */

START_TEST(test_municipality) {
    veilig_registry *reg = NULL;
    ck_assert_int_eq(veilig_registry_load_file(&reg, vg_test_data("canonical.json"), NULL, NULL),
                     VEILIG_OK);
    const veilig_municipality *m0 = veilig_registry_get(reg, 0);

    /* to_jansson: json_loads of municipality_to_json, also without personal contacts */
    for (unsigned flags = 0; flags <= VEILIG_SAVE_OMIT_PERSONAL;
         flags += VEILIG_SAVE_OMIT_PERSONAL) {
        veilig_save_options so = VEILIG_SAVE_OPTIONS_INIT;
        so.flags = flags;
        char *text = NULL;
        ck_assert_int_eq(veilig_municipality_to_json(&text, NULL, m0, &so, NULL), VEILIG_OK);
        json_t *expect = parse(text), *got = NULL;
        ck_assert_int_eq(veilig_municipality_to_jansson(&got, m0, &so, NULL), VEILIG_OK);
        ck_assert(json_equal(expect, got));
        json_decref(got);
        json_decref(expect);
        veilig_free(text);
        /* and the registry with the same options */
        ck_assert_int_eq(veilig_registry_dump(&text, NULL, reg, &so, NULL), VEILIG_OK);
        expect = parse(text);
        ck_assert_int_eq(veilig_registry_to_jansson(&got, reg, &so, NULL), VEILIG_OK);
        ck_assert(json_equal(expect, got));
        json_decref(got);
        json_decref(expect);
        veilig_free(text);
    }

    json_t *obj = NULL;
    ck_assert_int_eq(veilig_municipality_to_jansson(&obj, m0, NULL, NULL), VEILIG_OK);
    char *before = dump_text(reg);
    veilig_error err;
    /* the code is taken */
    veilig_municipality *added = (veilig_municipality *)&added;
    ck_assert_int_eq(veilig_municipality_from_jansson(&added, reg, obj, 0, &err), VEILIG_EEXISTS);
    ck_assert_ptr_null(added);
    /* replaced where it stands */
    json_object_set_new(obj, "name", json_string("Anders"));
    ck_assert_int_eq(veilig_municipality_from_jansson(&added, reg, obj, VEILIG_ADD_REPLACE, &err),
                     VEILIG_OK);
    ck_assert_ptr_eq(veilig_registry_get(reg, 0), added);
    ck_assert_str_eq(veilig_municipality_name(added), "Anders");
    /* a new one is appended */
    size_t count = veilig_registry_count(reg);
    json_object_set_new(obj, "code", json_string("GM0999"));
    ck_assert_int_eq(veilig_municipality_from_jansson(&added, reg, obj, 0, &err), VEILIG_OK);
    ck_assert_uint_eq(veilig_registry_count(reg), count + 1);
    ck_assert_ptr_eq(veilig_registry_get(reg, count), added);
    ck_assert_ptr_eq(veilig_registry_find(reg, "GM0999"), added);
    /* errors: pointers relative to the object, the registry unchanged */
    char *middle = dump_text(reg);
    json_t *ms = json_array_get(json_object_get(obj, "measures"), 0);
    ck_assert_ptr_nonnull(ms);
    json_object_set_new(ms, "category", json_integer(3));
    json_object_set_new(obj, "code", json_string("GM0998"));
    ck_assert_int_eq(veilig_municipality_from_jansson(NULL, reg, obj, 0, &err), VEILIG_ESCHEMA);
    ck_assert_str_eq(err.pointer, "/measures/0/category");
    ck_assert_str_eq(err.source, "<jansson>");
    ck_assert_int_eq(err.line, 0);
    char *after = dump_text(reg);
    ck_assert_str_eq(middle, after);
    ck_assert_int_eq(veilig_municipality_from_jansson(NULL, reg, json_array_get(obj, 0), 0, &err),
                     VEILIG_EINVAL);
    json_t *arr = json_array();
    ck_assert_int_eq(veilig_municipality_from_jansson(NULL, reg, arr, 0, &err), VEILIG_ESCHEMA);
    ck_assert_str_eq(err.pointer, "");
    json_decref(arr);
    veilig_free(after);
    veilig_free(middle);
    veilig_free(before);
    json_decref(obj);
    veilig_registry_free(reg);
}
END_TEST

/* ---- arguments ---- */

/* Load options version 3 through the bridge: the same list of schema errors
   as the text loader gives, without lines and columns. */
START_TEST(test_every_error) {
    static const char text[] =
        "{\"format\": \"veilig\", \"version\": 1, \"municipalities\": [\n"
        " {\"code\": \"GM0153\", \"name\": 5, \"province\": \"Overijssel\", \"measures\": [\n"
        "  {\"id\": \"a\", \"category\": \"bystander\", \"budget\": {\"amount\": -3}}]},\n"
        " 7]}\n";
    veilig_load_options o = VEILIG_LOAD_OPTIONS_INIT;
    veilig_error et[8], ej[8], err;
    size_t nt = 0, nj = 0;
    veilig_registry *r = NULL;
    o.max_errors = 8;
    o.errors = et;
    o.error_count = &nt;
    ck_assert_int_eq(veilig_registry_load_string(&r, text, strlen(text), &o, &err), VEILIG_ESCHEMA);
    ck_assert_uint_eq(nt, 4);
    json_t *root = parse(text);
    o.errors = ej;
    o.error_count = &nj;
    ck_assert_int_eq(veilig_registry_from_jansson(&r, root, &o, &err), VEILIG_ESCHEMA);
    ck_assert_ptr_null(r);
    ck_assert_uint_eq(nj, nt);
    for (size_t i = 0; i < nt; i++) {
        ck_assert_str_eq(ej[i].pointer, et[i].pointer);
        ck_assert_str_eq(ej[i].message, et[i].message);
        ck_assert_str_eq(ej[i].source, "<jansson>");
        ck_assert_int_eq(ej[i].line, 0);
    }
    ck_assert_str_eq(err.pointer, ej[0].pointer);
    json_decref(root);
}
END_TEST

START_TEST(test_arguments) {
    veilig_registry *reg = NULL;
    veilig_error err;
    json_t *root = parse(DOC_HEAD "\"municipalities\": []}");
    ck_assert_int_eq(veilig_registry_from_jansson(NULL, root, NULL, &err), VEILIG_EINVAL);
    ck_assert_int_eq(veilig_registry_from_jansson(&reg, NULL, NULL, &err), VEILIG_EINVAL);
    ck_assert_int_eq(veilig_registry_from_jansson(&reg, root, NULL, NULL), VEILIG_OK);
    json_t *plain = NULL, *out = NULL;
    ck_assert_int_eq(veilig_registry_to_jansson(&plain, reg, NULL, &err), VEILIG_OK);
    ck_assert_int_eq(veilig_registry_to_jansson(NULL, reg, NULL, &err), VEILIG_EINVAL);
    ck_assert_int_eq(veilig_registry_to_jansson(&out, NULL, NULL, &err), VEILIG_EINVAL);
    ck_assert_ptr_null(out);
    veilig_save_options so = VEILIG_SAVE_OPTIONS_INIT;
    so.version = 7;
    ck_assert_int_eq(veilig_registry_to_jansson(&out, reg, &so, &err), VEILIG_EVERSION);
    ck_assert_ptr_null(out);
    ck_assert_int_eq(veilig_municipality_to_jansson(&out, NULL, NULL, &err), VEILIG_EINVAL);
    ck_assert_int_eq(veilig_municipality_from_jansson(NULL, NULL, root, 0, &err), VEILIG_EINVAL);
    ck_assert_int_eq(veilig_municipality_from_jansson(NULL, reg, NULL, 0, &err), VEILIG_EINVAL);
    /* compact and ASCII concern text: the tree is the same */
    so.version = VEILIG_SAVE_OPTIONS_VERSION;
    so.flags = VEILIG_SAVE_COMPACT | VEILIG_SAVE_ASCII;
    ck_assert_int_eq(veilig_registry_to_jansson(&out, reg, &so, &err), VEILIG_OK);
    ck_assert(json_equal(out, plain));
    json_decref(out);
    json_decref(plain);
    veilig_registry_free(reg);
    json_decref(root);
    ck_assert_int_eq(VEILIG_HAVE_JANSSON, 1);
}
END_TEST

static Suite *jansson_suite(void) {
    Suite *s = suite_create("jansson");
    TCase *tc = tcase_create("bridge");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_corpus);
    tcase_add_test(tc, test_nul_and_utf8);
    tcase_add_test(tc, test_nul_then_limit);
    tcase_add_test(tc, test_self_containing);
    tcase_add_test(tc, test_limits);
    tcase_add_test(tc, test_numbers_in);
    tcase_add_test(tc, test_numbers_out);
    tcase_add_test(tc, test_municipality);
    tcase_add_test(tc, test_arguments);
    tcase_add_test(tc, test_every_error);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    return vg_test_run(jansson_suite());
}
