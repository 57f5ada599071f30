/* Differences between two versions of a registry (veilig_diff, analysis.h).
   Small inline fixtures; every expected row is worked out by hand from the
   rules in libveilig/analysis/diff.c and docs/analysis.md ("Differences"). */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "veilig.h"
#include "testutil.h"

#define OK(x) ck_assert_int_eq((x), VEILIG_OK)

/* ---- fixtures ---- */

#define DOC_BEGIN "{\"format\": \"veilig\", \"version\": 1, \"municipalities\": ["
#define DOC_END   "]}"

#define M1_HEAD  "{\"code\": \"GM0001\", \"name\": \"Aastad\", "
#define M1_SCOPE "\"scope\": {\"target_groups\": [\"women_girls\", \"lgbtiq\"]}, "
#define MS1      "{\"id\": \"m1\", \"name\": \"Eerste\", \"category\": \"campaign\"}"
#define MS2_NAMED(name, to)                                                                        \
    "{\"id\": \"m2\", \"name\": \"" name "\", \"category\": \"deescalation\", "                    \
    "\"schedule\": [{\"days\": [\"fri\", \"sat\"], \"from\": \"22:00\", \"to\": \"" to "\"}]}"
#define MS2 MS2_NAMED("A", "04:00")
#define MS3 "{\"id\": \"m3\", \"name\": \"Derde\", \"category\": \"reporting\"}"
#define MS4 "{\"id\": \"m4\", \"name\": \"Vierde\", \"category\": \"education\"}"
#define M2  "{\"code\": \"GM0002\", \"name\": \"Beedorp\"}"
#define M3  "{\"code\": \"GM0003\", \"name\": \"Ceestad\"}"

/* Aastad with the measures given, then Beedorp. */
#define DOC_MS(measures) DOC_BEGIN M1_HEAD M1_SCOPE "\"measures\": [" measures "]}, " M2 DOC_END

static const char *const BASE = DOC_MS(MS1 ", " MS2 ", " MS3);

static veilig_registry *load(const char *json) {
    veilig_registry *reg = NULL;
    veilig_error err;
    int rc = veilig_registry_load_string(&reg, json, strlen(json), NULL, &err);
    ck_assert_msg(rc == VEILIG_OK, "fixture: %d:%d %s", err.line, err.column, err.message);
    return reg;
}

/* Diffs two documents (code may be NULL); rc must be VEILIG_OK. */
static veilig_diff_result *diff_docs(const char *old_json, const char *new_json, const char *code) {
    veilig_registry *o = load(old_json), *n = load(new_json);
    veilig_diff_result *d = NULL;
    OK(veilig_diff(&d, o, n, code));
    ck_assert_ptr_nonnull(d);
    veilig_registry_free(o);
    veilig_registry_free(n);
    return d;
}

static void str_or_null_eq(const char *got, const char *want, size_t i, const char *what) {
    if (!want)
        ck_assert_msg(got == NULL, "row %zu: %s: expected NULL, got %s", i, what, got);
    else
        ck_assert_msg(got && strcmp(got, want) == 0, "row %zu: %s: expected %s, got %s", i, what,
                      want, got ? got : "NULL");
}

/* Checks row i completely. */
static void row_eq(const veilig_diff_result *d, size_t i, veilig_change change,
                   const char *municipality, const char *measure, const char *pointer,
                   const char *old_text, const char *new_text) {
    ck_assert_msg(i < veilig_diff_count(d), "no row %zu", i);
    ck_assert_int_eq(veilig_diff_change(d, i), change);
    str_or_null_eq(veilig_diff_municipality(d, i), municipality, i, "municipality");
    str_or_null_eq(veilig_diff_measure(d, i), measure, i, "measure");
    str_or_null_eq(veilig_diff_pointer(d, i), pointer, i, "pointer");
    str_or_null_eq(veilig_diff_old(d, i), old_text, i, "old");
    str_or_null_eq(veilig_diff_new(d, i), new_text, i, "new");
}

/* Every row's JSON text parses with jansson; the rendering of the result
   parses, has one object per row with exactly the documented keys, and its
   values are the rows' values. */
static void check_json(const veilig_diff_result *d) {
    char *text = NULL;
    size_t len = 0;
    OK(veilig_diff_to_json(&text, &len, d));
    ck_assert_uint_eq(strlen(text), len);
    json_error_t jerr;
    json_t *root = json_loadb(text, len, 0, &jerr);
    ck_assert_msg(root != NULL, "diff JSON: %s", jerr.text);
    ck_assert(json_is_array(root));
    ck_assert_uint_eq(json_array_size(root), veilig_diff_count(d));
    static const char *const names[] = {NULL, "added", "removed", "changed"};
    for (size_t i = 0; i < veilig_diff_count(d); i++) {
        json_t *row = json_array_get(root, i);
        ck_assert(json_is_object(row));
        size_t keys = 3;
        ck_assert_str_eq(json_string_value(json_object_get(row, "change")),
                         names[veilig_diff_change(d, i)]);
        if (veilig_diff_municipality(d, i))
            ck_assert_str_eq(json_string_value(json_object_get(row, "municipality")),
                             veilig_diff_municipality(d, i));
        else /* a change in the programme block */
            ck_assert(json_is_null(json_object_get(row, "municipality")));
        ck_assert_str_eq(json_string_value(json_object_get(row, "pointer")),
                         veilig_diff_pointer(d, i));
        ck_assert(json_object_get(row, "change_") == NULL);
        if (veilig_diff_measure(d, i)) {
            ck_assert_str_eq(json_string_value(json_object_get(row, "measure")),
                             veilig_diff_measure(d, i));
            keys++;
        } else {
            ck_assert_ptr_null(json_object_get(row, "measure"));
        }
        const char *vals[2] = {veilig_diff_old(d, i), veilig_diff_new(d, i)};
        const char *vkeys[2] = {"old", "new"};
        for (int k = 0; k < 2; k++) {
            json_t *got = json_object_get(row, vkeys[k]);
            if (!vals[k]) {
                ck_assert_ptr_null(got);
                continue;
            }
            keys++;
            ck_assert_ptr_nonnull(got);
            json_t *want = json_loads(vals[k], JSON_DECODE_ANY, &jerr);
            ck_assert_msg(want != NULL, "row %zu %s: %s", i, vkeys[k], jerr.text);
            ck_assert_msg(json_equal(got, want), "row %zu: %s differs", i, vkeys[k]);
            json_decref(want);
        }
        ck_assert_uint_eq(json_object_size(row), keys);
    }
    json_decref(root);
    veilig_free(text);
}

/* ---- tests ---- */

START_TEST(test_identical) {
    veilig_diff_result *d = diff_docs(BASE, BASE, NULL);
    ck_assert_uint_eq(veilig_diff_count(d), 0);
    char *text = NULL;
    OK(veilig_diff_to_json(&text, NULL, d));
    ck_assert_str_eq(text, "[]\n");
    veilig_free(text);
    veilig_diff_free(d);

    /* a registry against itself */
    veilig_registry *reg = load(BASE);
    OK(veilig_diff(&d, reg, reg, NULL));
    ck_assert_uint_eq(veilig_diff_count(d), 0);
    veilig_diff_free(d);
    /* two empty registries */
    veilig_registry *e1 = NULL, *e2 = NULL;
    OK(veilig_registry_new(&e1));
    OK(veilig_registry_new(&e2));
    OK(veilig_diff(&d, e1, e2, NULL));
    ck_assert_uint_eq(veilig_diff_count(d), 0);
    veilig_diff_free(d);
    veilig_registry_free(e1);
    veilig_registry_free(e2);
    veilig_registry_free(reg);
}
END_TEST

START_TEST(test_changed_measure_name) {
    veilig_diff_result *d =
        diff_docs(BASE, DOC_MS(MS1 ", " MS2_NAMED("B", "04:00") ", " MS3), NULL);
    ck_assert_uint_eq(veilig_diff_count(d), 1);
    row_eq(d, 0, VEILIG_CHANGE_CHANGED, "GM0001", "m2", "/municipalities/0/measures/1/name",
           "\"A\"", "\"B\"");
    check_json(d);
    veilig_diff_free(d);
}
END_TEST

START_TEST(test_nested_schedule_to) {
    veilig_diff_result *d =
        diff_docs(BASE, DOC_MS(MS1 ", " MS2_NAMED("A", "05:00") ", " MS3), NULL);
    ck_assert_uint_eq(veilig_diff_count(d), 1);
    row_eq(d, 0, VEILIG_CHANGE_CHANGED, "GM0001", "m2",
           "/municipalities/0/measures/1/schedule/0/to", "\"04:00\"", "\"05:00\"");
    check_json(d);
    veilig_diff_free(d);
}
END_TEST

/* Reordering measures alone gives no rows: they are matched by id. */
START_TEST(test_reorder_only) {
    veilig_diff_result *d = diff_docs(BASE, DOC_MS(MS3 ", " MS1 ", " MS2), NULL);
    ck_assert_uint_eq(veilig_diff_count(d), 0);
    veilig_diff_free(d);
    /* ... and a change in a moved measure points into new */
    d = diff_docs(BASE, DOC_MS(MS2_NAMED("B", "04:00") ", " MS3 ", " MS1), NULL);
    ck_assert_uint_eq(veilig_diff_count(d), 1);
    row_eq(d, 0, VEILIG_CHANGE_CHANGED, "GM0001", "m2", "/municipalities/0/measures/0/name",
           "\"A\"", "\"B\"");
    veilig_diff_free(d);
}
END_TEST

/* old: m1 m2 m3; new: m3 m1 m4. m2 stood right after m1 in old, so its
   removal comes right after m1 (new position 1); m4 is added at the end. */
START_TEST(test_added_and_removed_measure) {
    veilig_diff_result *d = diff_docs(BASE, DOC_MS(MS3 ", " MS1 ", " MS4), NULL);
    ck_assert_uint_eq(veilig_diff_count(d), 2);
    row_eq(d, 0, VEILIG_CHANGE_REMOVED, "GM0001", "m2", "/municipalities/0/measures/1",
           "{\"id\":\"m2\",\"name\":\"A\",\"category\":\"deescalation\",\"schedule\":[{\"days\":"
           "[\"fri\",\"sat\"],\"from\":\"22:00\",\"to\":\"04:00\"}]}",
           NULL);
    row_eq(d, 1, VEILIG_CHANGE_ADDED, "GM0001", "m4", "/municipalities/0/measures/2", NULL,
           "{\"id\":\"m4\",\"name\":\"Vierde\",\"category\":\"education\"}");
    check_json(d);
    veilig_diff_free(d);

    /* the first measure removed: its row comes first; one inserted before m2 */
    d = diff_docs(BASE, DOC_MS(MS4 ", " MS2 ", " MS3), NULL);
    ck_assert_uint_eq(veilig_diff_count(d), 2);
    row_eq(d, 0, VEILIG_CHANGE_REMOVED, "GM0001", "m1", "/municipalities/0/measures/0",
           "{\"id\":\"m1\",\"name\":\"Eerste\",\"category\":\"campaign\"}", NULL);
    row_eq(d, 1, VEILIG_CHANGE_ADDED, "GM0001", "m4", "/municipalities/0/measures/0", NULL,
           "{\"id\":\"m4\",\"name\":\"Vierde\",\"category\":\"education\"}");
    veilig_diff_free(d);

    /* the last two removed: in old order, after m1 */
    d = diff_docs(BASE, DOC_MS(MS1), NULL);
    ck_assert_uint_eq(veilig_diff_count(d), 2);
    ck_assert_str_eq(veilig_diff_pointer(d, 0), "/municipalities/0/measures/1");
    ck_assert_str_eq(veilig_diff_measure(d, 0), "m2");
    ck_assert_str_eq(veilig_diff_pointer(d, 1), "/municipalities/0/measures/2");
    ck_assert_str_eq(veilig_diff_measure(d, 1), "m3");
    ck_assert_int_eq(veilig_diff_change(d, 1), VEILIG_CHANGE_REMOVED);
    veilig_diff_free(d);
}
END_TEST

/* A list of measures absent on one side counts as empty: one row per measure. */
START_TEST(test_first_and_last_measure) {
    const char *old_json = DOC_BEGIN M2 DOC_END;
    const char *new_json = DOC_BEGIN "{\"code\": \"GM0002\", \"name\": \"Beedorp\", "
                                     "\"measures\": [" MS1 ", " MS3 "]}" DOC_END;
    veilig_diff_result *d = diff_docs(old_json, new_json, NULL);
    ck_assert_uint_eq(veilig_diff_count(d), 2);
    row_eq(d, 0, VEILIG_CHANGE_ADDED, "GM0002", "m1", "/municipalities/0/measures/0", NULL,
           "{\"id\":\"m1\",\"name\":\"Eerste\",\"category\":\"campaign\"}");
    row_eq(d, 1, VEILIG_CHANGE_ADDED, "GM0002", "m3", "/municipalities/0/measures/1", NULL,
           "{\"id\":\"m3\",\"name\":\"Derde\",\"category\":\"reporting\"}");
    check_json(d);
    veilig_diff_free(d);

    d = diff_docs(new_json, old_json, NULL);
    ck_assert_uint_eq(veilig_diff_count(d), 2);
    row_eq(d, 0, VEILIG_CHANGE_REMOVED, "GM0002", "m1", "/municipalities/0/measures/0",
           "{\"id\":\"m1\",\"name\":\"Eerste\",\"category\":\"campaign\"}", NULL);
    row_eq(d, 1, VEILIG_CHANGE_REMOVED, "GM0002", "m3", "/municipalities/0/measures/1",
           "{\"id\":\"m3\",\"name\":\"Derde\",\"category\":\"reporting\"}", NULL);
    veilig_diff_free(d);
}
END_TEST

/* Stakeholders and indicators are matched by id too, without a measure id;
   a measure's own "indicators" (a list of ids) is compared by position. */
START_TEST(test_stakeholders_indicators) {
#define SH(id, name)  "{\"id\": \"" id "\", \"name\": \"" name "\", \"kind\": \"police\"}"
#define IND(id, name) "{\"id\": \"" id "\", \"name\": \"" name "\"}"
#define DOC_SI(sh, ind, msind)                                                                     \
    DOC_BEGIN "{\"code\": \"GM0001\", \"name\": \"Aastad\", \"stakeholders\": [" sh "], "          \
              "\"measures\": [{\"id\": \"m1\", \"name\": \"Eerste\", \"category\": \"campaign\", " \
              "\"indicators\": [" msind "]}], \"indicators\": [" ind "]}" DOC_END
    const char *old_json = DOC_SI(SH("s1", "Politie") ", " SH("s2", "Boa"),
                                  IND("i1", "Meldingen") ", " IND("i2", "Gevoel"), "\"i1\"");
    const char *new_json =
        DOC_SI(SH("s2", "Boa's") ", " SH("s3", "GGD"), IND("i2", "Gevoel"), "\"i2\"");
    veilig_diff_result *d = diff_docs(old_json, new_json, NULL);
    /* stakeholders: s1 removed (first, nothing before it in old), s2 changed,
       s3 added; the measure's indicator list; indicators: i1 removed (first) */
    ck_assert_uint_eq(veilig_diff_count(d), 5);
    row_eq(d, 0, VEILIG_CHANGE_REMOVED, "GM0001", NULL, "/municipalities/0/stakeholders/0",
           "{\"id\":\"s1\",\"name\":\"Politie\",\"kind\":\"police\"}", NULL);
    row_eq(d, 1, VEILIG_CHANGE_CHANGED, "GM0001", NULL, "/municipalities/0/stakeholders/0/name",
           "\"Boa\"", "\"Boa's\"");
    row_eq(d, 2, VEILIG_CHANGE_ADDED, "GM0001", NULL, "/municipalities/0/stakeholders/1", NULL,
           "{\"id\":\"s3\",\"name\":\"GGD\",\"kind\":\"police\"}");
    row_eq(d, 3, VEILIG_CHANGE_CHANGED, "GM0001", "m1", "/municipalities/0/measures/0/indicators/0",
           "\"i1\"", "\"i2\"");
    row_eq(d, 4, VEILIG_CHANGE_REMOVED, "GM0001", NULL, "/municipalities/0/indicators/0",
           "{\"id\":\"i1\",\"name\":\"Meldingen\"}", NULL);
    check_json(d);
    veilig_diff_free(d);
#undef SH
#undef IND
#undef DOC_SI
}
END_TEST

/* old: Aastad, Beedorp; new: Ceestad, Aastad. Ceestad is added first;
   Beedorp stood right after Aastad in old, so its removal follows Aastad. */
START_TEST(test_municipality_added_removed) {
    veilig_diff_result *d = diff_docs(BASE,
                                      DOC_BEGIN M3 ", " M1_HEAD M1_SCOPE "\"measures\": [" MS1
                                                   ", " MS2 ", " MS3 "]}" DOC_END,
                                      NULL);
    ck_assert_uint_eq(veilig_diff_count(d), 2);
    row_eq(d, 0, VEILIG_CHANGE_ADDED, "GM0003", NULL, "/municipalities/0", NULL,
           "{\"code\":\"GM0003\",\"name\":\"Ceestad\"}");
    row_eq(d, 1, VEILIG_CHANGE_REMOVED, "GM0002", NULL, "/municipalities/1",
           "{\"code\":\"GM0002\",\"name\":\"Beedorp\"}", NULL);
    check_json(d);
    veilig_diff_free(d);

    /* the first municipality removed: its row comes first */
    d = diff_docs(BASE, DOC_BEGIN M2 ", " M3 DOC_END, NULL);
    ck_assert_uint_eq(veilig_diff_count(d), 2);
    ck_assert_int_eq(veilig_diff_change(d, 0), VEILIG_CHANGE_REMOVED);
    ck_assert_str_eq(veilig_diff_municipality(d, 0), "GM0001");
    ck_assert_str_eq(veilig_diff_pointer(d, 0), "/municipalities/0");
    ck_assert_ptr_nonnull(strstr(veilig_diff_old(d, 0), "\"measures\":[{\"id\":\"m1\""));
    row_eq(d, 1, VEILIG_CHANGE_ADDED, "GM0003", NULL, "/municipalities/1", NULL,
           "{\"code\":\"GM0003\",\"name\":\"Ceestad\"}");
    check_json(d);
    veilig_diff_free(d);
}
END_TEST

/* Codes match without regard to case; the code's new spelling is a change. */
START_TEST(test_code_case) {
    veilig_diff_result *d =
        diff_docs(DOC_BEGIN M2 DOC_END,
                  DOC_BEGIN "{\"code\": \"gm0002\", \"name\": \"Beedorp\"}" DOC_END, NULL);
    ck_assert_uint_eq(veilig_diff_count(d), 1);
    row_eq(d, 0, VEILIG_CHANGE_CHANGED, "gm0002", NULL, "/municipalities/0/code", "\"GM0002\"",
           "\"gm0002\"");
    veilig_diff_free(d);
}
END_TEST

/* The scope's target groups: same length: element by element; another
   length: the whole list. */
START_TEST(test_target_groups) {
#define DOC_TG(groups)                                                                             \
    DOC_BEGIN M1_HEAD "\"scope\": {\"target_groups\": [" groups "]}, \"measures\": [" MS1 ", " MS2 \
                      ", " MS3 "]}, " M2 DOC_END
    veilig_diff_result *d = diff_docs(BASE, DOC_TG("\"women_girls\", \"students\""), NULL);
    ck_assert_uint_eq(veilig_diff_count(d), 1);
    row_eq(d, 0, VEILIG_CHANGE_CHANGED, "GM0001", NULL, "/municipalities/0/scope/target_groups/1",
           "\"lgbtiq\"", "\"students\"");
    veilig_diff_free(d);

    d = diff_docs(BASE, DOC_TG("\"women_girls\""), NULL);
    ck_assert_uint_eq(veilig_diff_count(d), 1);
    row_eq(d, 0, VEILIG_CHANGE_CHANGED, "GM0001", NULL, "/municipalities/0/scope/target_groups",
           "[\"women_girls\",\"lgbtiq\"]", "[\"women_girls\"]");
    check_json(d);
    veilig_diff_free(d);

    /* swapped: two changes by position */
    d = diff_docs(BASE, DOC_TG("\"lgbtiq\", \"women_girls\""), NULL);
    ck_assert_uint_eq(veilig_diff_count(d), 2);
    row_eq(d, 0, VEILIG_CHANGE_CHANGED, "GM0001", NULL, "/municipalities/0/scope/target_groups/0",
           "\"women_girls\"", "\"lgbtiq\"");
    row_eq(d, 1, VEILIG_CHANGE_CHANGED, "GM0001", NULL, "/municipalities/0/scope/target_groups/1",
           "\"lgbtiq\"", "\"women_girls\"");
    veilig_diff_free(d);

    /* the whole scope removed: one row for the scope object */
    d = diff_docs(BASE, DOC_MS(MS1 ", " MS2 ", " MS3) /* same */, NULL);
    ck_assert_uint_eq(veilig_diff_count(d), 0);
    veilig_diff_free(d);
    d = diff_docs(BASE, DOC_BEGIN M1_HEAD "\"measures\": [" MS1 ", " MS2 ", " MS3 "]}, " M2 DOC_END,
                  NULL);
    ck_assert_uint_eq(veilig_diff_count(d), 1);
    row_eq(d, 0, VEILIG_CHANGE_REMOVED, "GM0001", NULL, "/municipalities/0/scope",
           "{\"target_groups\":[\"women_girls\",\"lgbtiq\"]}", NULL);
    veilig_diff_free(d);
#undef DOC_TG
}
END_TEST

/* Keys the library does not know are compared like the others: in the new
   object's order (after the known keys, as written), removals where they
   stood in old. */
START_TEST(test_unknown_keys) {
    const char *old_json =
        DOC_BEGIN "{\"code\": \"GM0001\", \"name\": \"Aastad\", \"x_note\": \"een\", "
                  "\"x_old\": null, \"x_extra\": {\"a\": 1, \"b\": [1, 2]}, \"x_type\": 1, "
                  "\"measures\": [{\"id\": \"m1\", \"name\": \"Eerste\", \"category\": "
                  "\"campaign\", \"x_m\": 1.5, \"x/~key\": true}]}" DOC_END;
    const char *new_json =
        DOC_BEGIN "{\"code\": \"GM0001\", \"name\": \"Aastad\", \"x_note\": \"twee\", "
                  "\"x_extra\": {\"a\": 1, \"b\": [1, 2, 3]}, \"x_type\": \"1\", \"x_new\": "
                  "[true], \"measures\": [{\"id\": \"m1\", \"name\": \"Eerste\", \"category\": "
                  "\"campaign\", \"x_m\": 1.50, \"x/~key\": false}]}" DOC_END;
    veilig_diff_result *d = diff_docs(old_json, new_json, NULL);
    ck_assert_uint_eq(veilig_diff_count(d), 7);
    /* measures come before the unknown keys in canonical order */
    row_eq(d, 0, VEILIG_CHANGE_CHANGED, "GM0001", "m1", "/municipalities/0/measures/0/x_m", "1.5",
           "1.50");
    row_eq(d, 1, VEILIG_CHANGE_CHANGED, "GM0001", "m1", "/municipalities/0/measures/0/x~1~0key",
           "true", "false");
    row_eq(d, 2, VEILIG_CHANGE_CHANGED, "GM0001", NULL, "/municipalities/0/x_note", "\"een\"",
           "\"twee\"");
    row_eq(d, 3, VEILIG_CHANGE_REMOVED, "GM0001", NULL, "/municipalities/0/x_old", "null", NULL);
    row_eq(d, 4, VEILIG_CHANGE_CHANGED, "GM0001", NULL, "/municipalities/0/x_extra/b", "[1,2]",
           "[1,2,3]");
    row_eq(d, 5, VEILIG_CHANGE_CHANGED, "GM0001", NULL, "/municipalities/0/x_type", "1", "\"1\"");
    row_eq(d, 6, VEILIG_CHANGE_ADDED, "GM0001", NULL, "/municipalities/0/x_new", NULL, "[true]");
    check_json(d);
    veilig_diff_free(d);
}
END_TEST

START_TEST(test_code_filter) {
    const char *new_json = DOC_BEGIN M1_HEAD M1_SCOPE
        "\"measures\": [" MS1
        ", " MS2_NAMED("B", "04:00") ", " MS3 "]}, {\"code\": \"GM0002\", \"name\": \"Beedorp\", "
                                     "\"summary\": \"Kort\"}, " M3 DOC_END;
    veilig_diff_result *d = diff_docs(BASE, new_json, NULL);
    ck_assert_uint_eq(veilig_diff_count(d), 3);
    row_eq(d, 0, VEILIG_CHANGE_CHANGED, "GM0001", "m2", "/municipalities/0/measures/1/name",
           "\"A\"", "\"B\"");
    row_eq(d, 1, VEILIG_CHANGE_ADDED, "GM0002", NULL, "/municipalities/1/summary", NULL,
           "\"Kort\"");
    row_eq(d, 2, VEILIG_CHANGE_ADDED, "GM0003", NULL, "/municipalities/2", NULL,
           "{\"code\":\"GM0003\",\"name\":\"Ceestad\"}");
    veilig_diff_free(d);

    /* only Beedorp (any case); pointers still index the whole document */
    d = diff_docs(BASE, new_json, "gm0002");
    ck_assert_uint_eq(veilig_diff_count(d), 1);
    row_eq(d, 0, VEILIG_CHANGE_ADDED, "GM0002", NULL, "/municipalities/1/summary", NULL,
           "\"Kort\"");
    veilig_diff_free(d);

    /* only in new, only in old */
    d = diff_docs(BASE, new_json, "GM0003");
    ck_assert_uint_eq(veilig_diff_count(d), 1);
    row_eq(d, 0, VEILIG_CHANGE_ADDED, "GM0003", NULL, "/municipalities/2", NULL,
           "{\"code\":\"GM0003\",\"name\":\"Ceestad\"}");
    veilig_diff_free(d);
    d = diff_docs(new_json, BASE, "GM0003");
    ck_assert_uint_eq(veilig_diff_count(d), 1);
    row_eq(d, 0, VEILIG_CHANGE_REMOVED, "GM0003", NULL, "/municipalities/2",
           "{\"code\":\"GM0003\",\"name\":\"Ceestad\"}", NULL);
    veilig_diff_free(d);

    /* a municipality that did not change */
    d = diff_docs(BASE, DOC_MS(MS1 ", " MS2_NAMED("B", "04:00") ", " MS3), "GM0002");
    ck_assert_uint_eq(veilig_diff_count(d), 0);
    veilig_diff_free(d);
}
END_TEST

START_TEST(test_notfound_and_args) {
    veilig_registry *o = load(BASE), *n = load(BASE);
    veilig_diff_result *d = (veilig_diff_result *)1;
    ck_assert_int_eq(veilig_diff(&d, o, n, "GM9999"), VEILIG_ENOTFOUND);
    ck_assert_ptr_null(d);
    d = (veilig_diff_result *)1;
    ck_assert_int_eq(veilig_diff(&d, o, n, "Aastad"), VEILIG_ENOTFOUND);
    ck_assert_ptr_null(d);
    ck_assert_int_eq(veilig_diff(NULL, o, n, NULL), VEILIG_EINVAL);
    ck_assert_int_eq(veilig_diff(&d, NULL, n, NULL), VEILIG_EINVAL);
    ck_assert_ptr_null(d);
    ck_assert_int_eq(veilig_diff(&d, o, NULL, NULL), VEILIG_EINVAL);

    /* accessors: NULL result and out-of-range rows */
    ck_assert_uint_eq(veilig_diff_count(NULL), 0);
    ck_assert_int_eq(veilig_diff_change(NULL, 0), 0);
    ck_assert_ptr_null(veilig_diff_municipality(NULL, 0));
    ck_assert_ptr_null(veilig_diff_measure(NULL, 0));
    ck_assert_ptr_null(veilig_diff_pointer(NULL, 0));
    ck_assert_ptr_null(veilig_diff_old(NULL, 0));
    ck_assert_ptr_null(veilig_diff_new(NULL, 0));
    OK(veilig_diff(&d, o, n, "GM0001"));
    ck_assert_uint_eq(veilig_diff_count(d), 0);
    ck_assert_int_eq(veilig_diff_change(d, 0), 0);
    ck_assert_ptr_null(veilig_diff_pointer(d, 0));
    char *text = (char *)1;
    ck_assert_int_eq(veilig_diff_to_json(&text, NULL, NULL), VEILIG_EINVAL);
    ck_assert_ptr_null(text);
    ck_assert_int_eq(veilig_diff_to_json(NULL, NULL, d), VEILIG_EINVAL);
    veilig_diff_free(d);
    veilig_diff_free(NULL);
    veilig_registry_free(o);
    veilig_registry_free(n);
}
END_TEST

/* The bundled dataset against a copy changed through the builder API. */
START_TEST(test_builtin) {
    veilig_registry *o = NULL, *n = NULL;
    OK(veilig_registry_load_builtin(&o, NULL));
    OK(veilig_registry_load_builtin(&n, NULL));
    veilig_diff_result *d = NULL;
    OK(veilig_diff(&d, o, n, NULL));
    ck_assert_uint_eq(veilig_diff_count(d), 0);
    veilig_diff_free(d);

    /* Enschede (first), its second measure */
    veilig_municipality *m = veilig_registry_find_mut(n, "GM0153");
    ck_assert_ptr_nonnull(m);
    ck_assert_uint_eq(veilig_registry_index_of(n, m), 0);
    veilig_measure *ms = veilig_municipality_measure_mut(m, 1);
    ck_assert_ptr_nonnull(ms);
    ck_assert_str_eq(veilig_measure_id(ms), "toezichthouders");
    const char *before = veilig_measure_description(
        veilig_municipality_measure(veilig_registry_find(o, "GM0153"), 1));
    ck_assert_ptr_nonnull(before);
    OK(veilig_measure_set_description(ms, "Meer toezicht in de binnenstad / \"uitgaan\""));

    OK(veilig_diff(&d, o, n, NULL));
    ck_assert_uint_eq(veilig_diff_count(d), 1);
    row_eq(d, 0, VEILIG_CHANGE_CHANGED, "GM0153", "toezichthouders",
           "/municipalities/0/measures/1/description", veilig_diff_old(d, 0),
           "\"Meer toezicht in de binnenstad / \\\"uitgaan\\\"\"");
    /* the old value is the old description as a JSON string */
    json_t *old = json_loads(veilig_diff_old(d, 0), JSON_DECODE_ANY, NULL);
    ck_assert(json_is_string(old));
    ck_assert_str_eq(json_string_value(old), before);
    json_decref(old);
    check_json(d);
    veilig_diff_free(d);

    /* the same with the code filter; another municipality gives nothing */
    OK(veilig_diff(&d, o, n, "GM0153"));
    ck_assert_uint_eq(veilig_diff_count(d), 1);
    veilig_diff_free(d);
    OK(veilig_diff(&d, o, n, veilig_municipality_code(veilig_registry_get(o, 1))));
    ck_assert_uint_eq(veilig_diff_count(d), 0);
    veilig_diff_free(d);

    /* also the first measure (pub-ploeg) removed and one added at the end:
       the removal comes first, and toezichthouders is now measure 0 of new */
    size_t nms = veilig_municipality_measure_count(m);
    ck_assert_str_eq(veilig_measure_id(veilig_municipality_measure(m, 0)), "pub-ploeg");
    OK(veilig_municipality_remove_measure(m, 0));
    OK(veilig_municipality_add_measure(NULL, m, "nieuw", "Nieuwe maatregel",
                                       VEILIG_CATEGORY_BYSTANDER));
    OK(veilig_diff(&d, o, n, "GM0153"));
    ck_assert_uint_eq(veilig_diff_count(d), 3);
    row_eq(d, 0, VEILIG_CHANGE_REMOVED, "GM0153", "pub-ploeg", "/municipalities/0/measures/0",
           veilig_diff_old(d, 0), NULL);
    ck_assert_ptr_nonnull(strstr(veilig_diff_old(d, 0), "{\"id\":\"pub-ploeg\",\"name\":"));
    row_eq(d, 1, VEILIG_CHANGE_CHANGED, "GM0153", "toezichthouders",
           "/municipalities/0/measures/0/description", veilig_diff_old(d, 1),
           "\"Meer toezicht in de binnenstad / \\\"uitgaan\\\"\"");
    char ptr[128];
    snprintf(ptr, sizeof ptr, "/municipalities/0/measures/%zu", nms - 1);
    row_eq(d, 2, VEILIG_CHANGE_ADDED, "GM0153", "nieuw", ptr, NULL,
           "{\"id\":\"nieuw\",\"name\":\"Nieuwe maatregel\",\"category\":\"bystander\"}");
    check_json(d);
    veilig_diff_free(d);
    OK(veilig_diff(&d, o, n, NULL));
    ck_assert_uint_eq(veilig_diff_count(d), 3);
    veilig_diff_free(d);

    veilig_registry_free(o);
    veilig_registry_free(n);
}
END_TEST

/* The worked example of docs/analysis.md, "Differences". */
START_TEST(test_docs_example) {
    veilig_diff_result *d =
        diff_docs(BASE,
                  DOC_BEGIN M1_HEAD "\"scope\": {\"target_groups\": [\"women_girls\"]}, "
                                    "\"measures\": [" MS3 ", " MS1 ", " MS4 "]}, " M2 DOC_END,
                  NULL);
    ck_assert_uint_eq(veilig_diff_count(d), 3);
    row_eq(d, 0, VEILIG_CHANGE_CHANGED, "GM0001", NULL, "/municipalities/0/scope/target_groups",
           "[\"women_girls\",\"lgbtiq\"]", "[\"women_girls\"]");
    row_eq(d, 1, VEILIG_CHANGE_REMOVED, "GM0001", "m2", "/municipalities/0/measures/1",
           veilig_diff_old(d, 1), NULL);
    ck_assert_ptr_nonnull(strstr(veilig_diff_old(d, 1), "{\"id\":\"m2\",\"name\":\"A\","));
    row_eq(d, 2, VEILIG_CHANGE_ADDED, "GM0001", "m4", "/municipalities/0/measures/2", NULL,
           "{\"id\":\"m4\",\"name\":\"Vierde\",\"category\":\"education\"}");
    check_json(d);
    veilig_diff_free(d);
}
END_TEST

/* The value at an RFC 6901 pointer of doc (borrowed), or NULL. */
static json_t *at_pointer(json_t *doc, const char *pointer) {
    char part[64];
    while (doc && *pointer == '/') {
        size_t n = strcspn(pointer + 1, "/");
        ck_assert_uint_lt(n, sizeof part);
        memcpy(part, pointer + 1, n);
        part[n] = '\0';
        pointer += n + 1;
        doc = json_is_array(doc) ? json_array_get(doc, strtoul(part, NULL, 10))
                                 : json_object_get(doc, part);
    }
    return doc;
}

/* The rule of veilig_diff_pointer: a removal's pointer is into the old
   document and names the old value there; the others' into the new one,
   naming the new value. */
static void check_pointer_documents(const char *old_json, const char *new_json) {
    veilig_diff_result *d = diff_docs(old_json, new_json, NULL);
    json_t *docs[2] = {json_loads(old_json, 0, NULL), json_loads(new_json, 0, NULL)};
    size_t i;
    ck_assert_uint_gt(veilig_diff_count(d), 0);
    for (i = 0; i < veilig_diff_count(d); i++) {
        int removed = veilig_diff_change(d, i) == VEILIG_CHANGE_REMOVED;
        const char *text = removed ? veilig_diff_old(d, i) : veilig_diff_new(d, i);
        json_t *want = json_loads(text, JSON_DECODE_ANY, NULL);
        json_t *got = at_pointer(docs[removed ? 0 : 1], veilig_diff_pointer(d, i));
        ck_assert_msg(want && got && json_equal(want, got),
                      "row %zu: %s does not name %s in the %s", i, veilig_diff_pointer(d, i), text,
                      removed ? "old" : "new");
        json_decref(want);
    }
    json_decref(docs[0]);
    json_decref(docs[1]);
    veilig_diff_free(d);
}

START_TEST(test_pointer_documents) {
    /* the worked example: a removal at index 1 of old, an addition at index 2 of new */
    check_pointer_documents(BASE, DOC_BEGIN M1_HEAD
                            "\"scope\": {\"target_groups\": [\"women_girls\"]}, "
                            "\"measures\": [" MS3 ", " MS1 ", " MS4 "]}, " M2 DOC_END);
    /* a municipality removed from the front, one added at the end, a field changed */
    check_pointer_documents(DOC_BEGIN M3 ", " M2 DOC_END,
                            DOC_BEGIN "{\"code\": \"GM0002\", \"name\": \"B\"}, " M1_HEAD
                                      "\"measures\": [" MS1 "]}" DOC_END);
    /* a removed measure field; the schedule's end changed */
    check_pointer_documents(BASE, DOC_MS(MS1 ", " MS2_NAMED("A", "05:00") ", " MS3));
}
END_TEST

/* The programme block is compared too, first, with rows that name no
   municipality; not when one municipality is asked for. */
#define PROG(name, extra) "\"programme\": {\"name\": \"" name "\"" extra "}, "
#define DOC_PROG(prog)                                                                             \
    "{\"format\": \"veilig\", \"version\": 1, " prog "\"municipalities\": [" M2 "]}"
START_TEST(test_programme) {
    const char *v1 = DOC_PROG(PROG("Veilige Steden", ", \"operator\": \"Movisie\""));
    const char *v2 = DOC_PROG(PROG("Veilige Steden 2", ", \"sources\": [{\"title\": \"T\"}]"));
    veilig_diff_result *d = diff_docs(v1, v2, NULL);
    ck_assert_uint_eq(veilig_diff_count(d), 3);
    row_eq(d, 0, VEILIG_CHANGE_CHANGED, NULL, NULL, "/programme/name", "\"Veilige Steden\"",
           "\"Veilige Steden 2\"");
    row_eq(d, 1, VEILIG_CHANGE_REMOVED, NULL, NULL, "/programme/operator", "\"Movisie\"", NULL);
    row_eq(d, 2, VEILIG_CHANGE_ADDED, NULL, NULL, "/programme/sources", NULL,
           "[{\"title\":\"T\"}]");
    check_json(d);
    veilig_diff_free(d);
    check_pointer_documents(v1, v2);
    /* a programme block added, and removed */
    const char *none = DOC_PROG("");
    d = diff_docs(none, v1, NULL);
    ck_assert_uint_eq(veilig_diff_count(d), 1);
    row_eq(d, 0, VEILIG_CHANGE_ADDED, NULL, NULL, "/programme", NULL,
           "{\"name\":\"Veilige Steden\",\"operator\":\"Movisie\"}");
    veilig_diff_free(d);
    d = diff_docs(v1, none, NULL);
    ck_assert_uint_eq(veilig_diff_count(d), 1);
    ck_assert_int_eq(veilig_diff_change(d, 0), VEILIG_CHANGE_REMOVED);
    ck_assert_str_eq(veilig_diff_pointer(d, 0), "/programme");
    veilig_diff_free(d);
    /* before the municipalities' rows; not when one municipality is asked for */
    const char *v3 =
        "{\"format\": \"veilig\", \"version\": 1, " PROG("X", "") "\"municipalities\": [" M3 "]}";
    d = diff_docs(v1, v3, NULL);
    ck_assert_str_eq(veilig_diff_pointer(d, 0), "/programme/name");
    ck_assert_ptr_null(veilig_diff_municipality(d, 0));
    ck_assert_ptr_nonnull(veilig_diff_municipality(d, veilig_diff_count(d) - 1));
    veilig_diff_free(d);
    d = diff_docs(v1, v2, "GM0002");
    ck_assert_uint_eq(veilig_diff_count(d), 0);
    veilig_diff_free(d);
    /* equal blocks: no rows */
    d = diff_docs(v1, v1, NULL);
    ck_assert_uint_eq(veilig_diff_count(d), 0);
    veilig_diff_free(d);
}
END_TEST

/* Many measures, reversed: matched through an index, not pairwise. */
START_TEST(test_many_measures) {
    enum { N = 20000 };
    veilig_registry *o = NULL, *n = NULL;
    veilig_municipality *om = NULL, *nm = NULL;
    OK(veilig_registry_new(&o));
    OK(veilig_registry_new(&n));
    OK(veilig_registry_add(&om, o, "GM0001", "Aastad"));
    OK(veilig_registry_add(&nm, n, "GM0001", "Aastad"));
    char id[32];
    for (int i = 0; i < N; i++) {
        snprintf(id, sizeof id, "m%d", i);
        OK(veilig_municipality_add_measure(NULL, om, id, "M", VEILIG_CATEGORY_CAMPAIGN));
        snprintf(id, sizeof id, "m%d", N - 1 - i);
        OK(veilig_municipality_add_measure(NULL, nm, id, i == 7 ? "X" : "M",
                                           VEILIG_CATEGORY_CAMPAIGN));
    }
    veilig_diff_result *d = NULL;
    OK(veilig_diff(&d, o, n, NULL));
    ck_assert_uint_eq(veilig_diff_count(d), 1);
    snprintf(id, sizeof id, "m%d", N - 1 - 7);
    row_eq(d, 0, VEILIG_CHANGE_CHANGED, "GM0001", id, "/municipalities/0/measures/7/name", "\"M\"",
           "\"X\"");
    veilig_diff_free(d);
    veilig_registry_free(o);
    veilig_registry_free(n);
}
END_TEST

/* ---- allocation failures: every one gives VEILIG_ENOMEM and no leak ---- */

static long fail_at = -1, allocs = 0;

static void *failing_malloc(size_t size) {
    if (fail_at >= 0 && allocs++ == fail_at)
        return NULL;
    return malloc(size);
}

static void *failing_realloc(void *ptr, size_t size) {
    if (fail_at >= 0 && allocs++ == fail_at)
        return NULL;
    return realloc(ptr, size);
}

START_TEST(test_alloc_failures) {
    OK(veilig_set_allocator(failing_malloc, failing_realloc, free));
    veilig_registry *o = load(BASE);
    veilig_registry *n = load(DOC_BEGIN M3 ", " M1_HEAD "\"x\": {\"y\": [1]}, \"measures\": [" MS3
                                           ", " MS1 ", " MS4 "]}" DOC_END);
    int done = 0;
    for (long k = 0; !done && k < 100000; k++) {
        veilig_diff_result *d = NULL;
        char *text = NULL;
        allocs = 0;
        fail_at = k;
        int rc = veilig_diff(&d, o, n, NULL);
        if (rc == VEILIG_OK)
            rc = veilig_diff_to_json(&text, NULL, d);
        fail_at = -1;
        if (rc == VEILIG_OK) {
            done = allocs <= k; /* nothing failed: every allocation was tried */
            ck_assert_uint_eq(veilig_diff_count(d), 6);
        } else {
            ck_assert_int_eq(rc, VEILIG_ENOMEM);
        }
        veilig_free(text);
        veilig_diff_free(d);
    }
    ck_assert(done);
    /* worked out by hand: Ceestad added; in Aastad the scope removed (it
       followed "name" in old), m2 removed (after m1), m4 added, "x" added
       (unknown keys come last); Beedorp removed (after Aastad) */
    veilig_diff_result *d = NULL;
    OK(veilig_diff(&d, o, n, NULL));
    ck_assert_uint_eq(veilig_diff_count(d), 6);
    static const char *const pointers[] = {"/municipalities/0",
                                           "/municipalities/0/scope",
                                           "/municipalities/0/measures/1",
                                           "/municipalities/1/measures/2",
                                           "/municipalities/1/x",
                                           "/municipalities/1"};
    static const veilig_change changes[] = {VEILIG_CHANGE_ADDED,   VEILIG_CHANGE_REMOVED,
                                            VEILIG_CHANGE_REMOVED, VEILIG_CHANGE_ADDED,
                                            VEILIG_CHANGE_ADDED,   VEILIG_CHANGE_REMOVED};
    for (size_t i = 0; i < 6; i++) {
        ck_assert_str_eq(veilig_diff_pointer(d, i), pointers[i]);
        ck_assert_int_eq(veilig_diff_change(d, i), changes[i]);
    }
    check_json(d);
    veilig_diff_free(d);
    veilig_registry_free(o);
    veilig_registry_free(n);
    OK(veilig_set_allocator(NULL, NULL, NULL));
}
END_TEST

/* Measures are compared in the model before they are rendered, their
   vocabulary codes by code: the two registries number unknown codes each in
   the order they meet them. Here "zzz_p" (old) and "zzz_r" (new) have the
   same number, and "zzz_q" a different one in each. */
START_TEST(test_unknown_codes_across_registries) {
    const char *old_json =
        DOC_BEGIN "{\"code\": \"GM0001\", \"name\": \"Aastad\", \"measures\": ["
                  "{\"id\": \"m1\", \"name\": \"E\", \"category\": \"zzz_q\"}, "
                  "{\"id\": \"m2\", \"name\": \"F\", \"category\": \"zzz_p\"}]}" DOC_END;
    const char *new_json =
        DOC_BEGIN "{\"code\": \"GM0001\", \"name\": \"Aastad\", \"measures\": ["
                  "{\"id\": \"m1\", \"name\": \"E\", \"category\": \"zzz_q\"}, "
                  "{\"id\": \"m2\", \"name\": \"F\", \"category\": \"zzz_r\"}]}" DOC_END;
    const char *renumbered_json =
        DOC_BEGIN "{\"code\": \"GM0001\", \"name\": \"Aastad\", "
                  "\"scope\": {\"target_groups\": [\"zzz_p\"]}, \"measures\": ["
                  "{\"id\": \"m1\", \"name\": \"E\", \"category\": \"zzz_q\"}, "
                  "{\"id\": \"m2\", \"name\": \"F\", \"category\": \"zzz_p\"}]}" DOC_END;
    veilig_diff_result *d = diff_docs(old_json, new_json, NULL);
    ck_assert_uint_eq(veilig_diff_count(d), 1);
    row_eq(d, 0, VEILIG_CHANGE_CHANGED, "GM0001", "m2", "/municipalities/0/measures/1/category",
           "\"zzz_p\"", "\"zzz_r\"");
    check_json(d);
    veilig_diff_free(d);
    d = diff_docs(old_json, renumbered_json, NULL);
    ck_assert_uint_eq(veilig_diff_count(d), 1);
    row_eq(d, 0, VEILIG_CHANGE_ADDED, "GM0001", NULL, "/municipalities/0/scope", NULL,
           "{\"target_groups\":[\"zzz_p\"]}");
    veilig_diff_free(d);
}
END_TEST

static Suite *diff_suite(void) {
    Suite *s = suite_create("diff");
    TCase *tc = tcase_create("diff");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_identical);
    tcase_add_test(tc, test_changed_measure_name);
    tcase_add_test(tc, test_nested_schedule_to);
    tcase_add_test(tc, test_reorder_only);
    tcase_add_test(tc, test_added_and_removed_measure);
    tcase_add_test(tc, test_first_and_last_measure);
    tcase_add_test(tc, test_stakeholders_indicators);
    tcase_add_test(tc, test_municipality_added_removed);
    tcase_add_test(tc, test_code_case);
    tcase_add_test(tc, test_target_groups);
    tcase_add_test(tc, test_unknown_keys);
    tcase_add_test(tc, test_unknown_codes_across_registries);
    tcase_add_test(tc, test_code_filter);
    tcase_add_test(tc, test_notfound_and_args);
    tcase_add_test(tc, test_builtin);
    tcase_add_test(tc, test_docs_example);
    tcase_add_test(tc, test_pointer_documents);
    tcase_add_test(tc, test_programme);
    tcase_add_test(tc, test_many_measures);
    tcase_add_test(tc, test_alloc_failures);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    return vg_test_run(diff_suite());
}
