/* Coverage over the analysis fixture; counts worked out by hand:
   active measures (m2 is ended): GM0001 m1 deescalation, m3 campaign;
   GM0002 b1 deescalation, b2 reporting; GM0003 none. */
#include <stdio.h>
#include <string.h>

#include "analysis_fixture.h"

/* Column index of a code, or -1. */
static int vg_col(const veilig_coverage_result *c, const char *code) {
    for (size_t j = 0; j < veilig_coverage_columns(c); j++)
        if (strcmp(veilig_coverage_column_code(c, j), code) == 0)
            return (int)j;
    return -1;
}

START_TEST(test_categories) {
    veilig_registry *reg = vg_fixture();
    veilig_coverage_result *c = NULL;
    ck_assert_int_eq(veilig_coverage(&c, reg, NULL), VEILIG_OK);
    ck_assert_int_eq(veilig_coverage_axis(c), VEILIG_VOCAB_CATEGORY);
    ck_assert_uint_eq(veilig_coverage_rows(c), 3);
    ck_assert_uint_eq(veilig_coverage_columns(c), 13); /* no unknown codes: no "other" */
    ck_assert_str_eq(veilig_municipality_code(veilig_coverage_row(c, 1)), "GM0002");
    ck_assert_str_eq(veilig_coverage_column_code(c, 0), "deescalation");
    ck_assert_int_eq(veilig_coverage_column(c, 0), VEILIG_CATEGORY_DEESCALATION);
    int de = vg_col(c, "deescalation"), ca = vg_col(c, "campaign"), re = vg_col(c, "reporting"),
        by = vg_col(c, "bystander");
    ck_assert_uint_eq(veilig_coverage_count(c, 0, de), 1);
    ck_assert_uint_eq(veilig_coverage_count(c, 0, ca), 1);
    ck_assert_uint_eq(veilig_coverage_count(c, 0, by), 0); /* m2 has ended */
    ck_assert_uint_eq(veilig_coverage_count(c, 1, re), 1);
    ck_assert_uint_eq(veilig_coverage_row_total(c, 0), 2);
    ck_assert_uint_eq(veilig_coverage_row_total(c, 1), 2);
    ck_assert_uint_eq(veilig_coverage_row_total(c, 2), 0);
    ck_assert_uint_eq(veilig_coverage_column_total(c, de), 2);
    ck_assert_uint_eq(veilig_coverage_column_total(c, by), 0);
    ck_assert_uint_eq(veilig_coverage_total(c), 4);
    ck_assert_uint_eq(veilig_coverage_count(c, 9, 0), 0);
    ck_assert_ptr_null(veilig_coverage_row(c, 3));
    veilig_coverage_free(c);
    veilig_registry_free(reg);
}
END_TEST

START_TEST(test_options) {
    veilig_registry *reg = vg_fixture();
    veilig_coverage_options o;
    ck_assert_int_eq(veilig_coverage_options_init(&o, VEILIG_COVERAGE_OPTIONS_VERSION), VEILIG_OK);
    o.all_measures = 1;
    veilig_coverage_result *c = NULL;
    ck_assert_int_eq(veilig_coverage(&c, reg, &o), VEILIG_OK);
    ck_assert_uint_eq(veilig_coverage_row_total(c, 0), 3);
    veilig_coverage_free(c);

    o.all_measures = 0;
    o.active_on.year = 2022; /* m3's period ended in 2021 */
    ck_assert_int_eq(veilig_coverage(&c, reg, &o), VEILIG_OK);
    ck_assert_uint_eq(veilig_coverage_row_total(c, 0), 1);
    veilig_coverage_free(c);

    veilig_coverage_options a = VEILIG_COVERAGE_OPTIONS_INIT;
    a.axis = VEILIG_VOCAB_APPROACH;
    ck_assert_int_eq(veilig_coverage(&c, reg, &a), VEILIG_OK);
    ck_assert_uint_eq(veilig_coverage_columns(c), 4);
    /* m1 prevention, m3 enforcement (explicit); b1 prevention, b2 signalling */
    ck_assert_uint_eq(veilig_coverage_count(c, 0, VEILIG_APPROACH_PREVENTION - 1), 1);
    ck_assert_uint_eq(veilig_coverage_count(c, 0, VEILIG_APPROACH_ENFORCEMENT - 1), 1);
    ck_assert_uint_eq(veilig_coverage_count(c, 1, VEILIG_APPROACH_SIGNALLING - 1), 1);
    veilig_coverage_free(c);

    a.axis = VEILIG_VOCAB_TARGET_GROUP;
    ck_assert_int_eq(veilig_coverage(&c, reg, &a), VEILIG_OK);
    ck_assert_uint_eq(veilig_coverage_count(c, 1, VEILIG_TARGET_GROUP_WOMEN_GIRLS - 1), 2);
    ck_assert_uint_eq(veilig_coverage_total(c), 3);
    veilig_coverage_free(c);

    a.axis = VEILIG_VOCAB_DAY;
    ck_assert_int_eq(veilig_coverage(&c, reg, &a), VEILIG_EINVAL);
    ck_assert_ptr_null(c);
    a.version = 99;
    ck_assert_int_eq(veilig_coverage(&c, reg, &a), VEILIG_EVERSION);
    ck_assert_int_eq(veilig_coverage_options_init(&o, 2), VEILIG_EVERSION);
    veilig_coverage_free(NULL);
    veilig_registry_free(reg);
}
END_TEST

START_TEST(test_other_column_and_json) {
    const char *doc = "{\"format\":\"veilig\",\"version\":1,\"municipalities\":[{\"code\":"
                      "\"GM0009\",\"name\":\"X\",\"measures\":[{\"id\":\"a\",\"name\":\"A\","
                      "\"category\":\"juggling\"},{\"id\":\"b\",\"name\":\"B\",\"category\":"
                      "\"campaign\"}]}]}";
    veilig_registry *reg = NULL;
    ck_assert_int_eq(veilig_registry_load_string(&reg, doc, strlen(doc), NULL, NULL), VEILIG_OK);
    veilig_coverage_result *c = NULL;
    ck_assert_int_eq(veilig_coverage(&c, reg, NULL), VEILIG_OK);
    ck_assert_uint_eq(veilig_coverage_columns(c), 14);
    ck_assert_str_eq(veilig_coverage_column_code(c, 13), "other");
    ck_assert_int_eq(veilig_coverage_column(c, 13), 0);
    ck_assert_uint_eq(veilig_coverage_count(c, 0, 13), 1);
    ck_assert_uint_eq(veilig_coverage_total(c), 2);
    char *json = NULL;
    ck_assert_int_eq(veilig_coverage_to_json(&json, NULL, c), VEILIG_OK);
    ck_assert_ptr_nonnull(strstr(json, "\"axis\": \"category\""));
    ck_assert_ptr_nonnull(strstr(json, "\"other\""));
    ck_assert_ptr_nonnull(strstr(json, "\"total\": 2"));
    veilig_free(json);
    veilig_coverage_free(c);
    veilig_registry_free(reg);
}
END_TEST

/* The column a measure counts in on axis (category or approach), worked out
   from the public getters alone; -1 when it counts nowhere. */
static int vg_expected_col(const veilig_coverage_result *c, const veilig_measure *ms) {
    veilig_vocab axis = veilig_coverage_axis(c);
    int v;
    if (axis == VEILIG_VOCAB_CATEGORY) {
        if (!veilig_measure_category_code(ms))
            return -1;
        v = (int)veilig_measure_category(ms);
    } else {
        v = (int)veilig_measure_approach(ms);
        if (!v && !veilig_measure_approach_code(ms))
            return -1; /* no approach, and a category with no usual one */
    }
    return vg_col(c, v ? veilig_vocab_code(axis, v) : "other");
}

/* Every cell of the coverage of reg, on both axes the briefs serve, with and
   without a date and all_measures, against a count made with the getters. */
static void vg_check_coverage(const veilig_registry *reg, const char *step) {
    static const veilig_vocab axes[] = {VEILIG_VOCAB_CATEGORY, VEILIG_VOCAB_APPROACH,
                                        VEILIG_VOCAB_TARGET_GROUP};
    static const veilig_date dates[] = {{0, 0, 0}, {2020, 6, 1}, {2024, 1, 15}, {2031, 12, 31}};
    for (size_t a = 0; a < 3; a++)
        for (size_t d = 0; d < sizeof dates / sizeof *dates; d++)
            for (int all = 0; all < 2; all++) {
                veilig_coverage_options o = VEILIG_COVERAGE_OPTIONS_INIT;
                o.axis = axes[a];
                o.active_on = dates[d];
                o.all_measures = all;
                veilig_coverage_result *c = NULL;
                ck_assert_int_eq(veilig_coverage(&c, reg, &o), VEILIG_OK);
                size_t ncols = veilig_coverage_columns(c);
                ck_assert_uint_eq(veilig_coverage_rows(c), veilig_registry_count(reg));
                for (size_t i = 0; i < veilig_registry_count(reg); i++) {
                    const veilig_municipality *m = veilig_registry_get(reg, i);
                    unsigned want[32] = {0};
                    ck_assert_uint_le(ncols, 32);
                    for (size_t k = 0; k < veilig_municipality_measure_count(m); k++) {
                        const veilig_measure *ms = veilig_municipality_measure(m, k);
                        if (!all && !veilig_measure_is_active(ms, dates[d].year ? &dates[d] : NULL))
                            continue;
                        if (axes[a] == VEILIG_VOCAB_TARGET_GROUP) {
                            for (size_t g = 0; g < veilig_measure_target_group_count(ms); g++) {
                                int v = (int)veilig_measure_target_group(ms, g);
                                want[vg_col(c, v ? veilig_vocab_code(axes[a], v) : "other")]++;
                            }
                            continue;
                        }
                        int col = vg_expected_col(c, ms);
                        if (col >= 0)
                            want[col]++;
                    }
                    for (size_t j = 0; j < ncols; j++)
                        ck_assert_msg(veilig_coverage_count(c, i, j) == want[j],
                                      "%s: axis %d, date %zu, all %d: %s column %s: %u, not %u",
                                      step, (int)axes[a], d, all, veilig_municipality_code(m),
                                      veilig_coverage_column_code(c, j),
                                      veilig_coverage_count(c, i, j), want[j]);
                }
                veilig_coverage_free(c);
            }
}

/* Coverage reads a compact copy of each measure's category, approach, status
   and period that the library keeps next to the measures: every way of
   changing a measure or the list of measures must keep it true. */
START_TEST(test_follows_changes) {
    veilig_registry *reg = vg_fixture();
    veilig_municipality *m = veilig_registry_find_mut(reg, "GM0001");
    vg_check_coverage(reg, "loaded");

    veilig_measure *m1 = veilig_municipality_measure_mut(m, 0);
    ck_assert_int_eq(veilig_measure_set_category(m1, VEILIG_CATEGORY_BYSTANDER), VEILIG_OK);
    vg_check_coverage(reg, "category set");
    ck_assert_int_eq(veilig_measure_set_category(m1, (veilig_category)999), VEILIG_EINVAL);
    vg_check_coverage(reg, "category refused");
    ck_assert_int_eq(veilig_measure_set_approach(m1, VEILIG_APPROACH_ENFORCEMENT), VEILIG_OK);
    vg_check_coverage(reg, "approach set");
    ck_assert_int_eq(veilig_measure_set_approach(m1, VEILIG_APPROACH_OTHER), VEILIG_OK);
    vg_check_coverage(reg, "approach cleared");
    ck_assert_int_eq(veilig_measure_set_status(m1, VEILIG_MEASURE_STATE_PLANNED), VEILIG_OK);
    vg_check_coverage(reg, "status planned");
    ck_assert_int_eq(veilig_measure_set_status(m1, VEILIG_MEASURE_STATE_OTHER), VEILIG_OK);
    veilig_date start = {2023, 0, 0}, end = {2024, 2, 0};
    ck_assert_int_eq(veilig_measure_set_period_start(m1, &start), VEILIG_OK);
    ck_assert_int_eq(veilig_measure_set_period_end(m1, &end), VEILIG_OK);
    vg_check_coverage(reg, "period set");
    ck_assert_int_eq(veilig_measure_set_period_start(m1, NULL), VEILIG_OK);
    vg_check_coverage(reg, "period start cleared");
    ck_assert_int_eq(veilig_measure_add_target_group(m1, VEILIG_TARGET_GROUP_YOUTH), VEILIG_OK);
    ck_assert_int_eq(veilig_measure_add_target_group(m1, VEILIG_TARGET_GROUP_STUDENTS), VEILIG_OK);
    vg_check_coverage(reg, "target groups added");
    ck_assert_int_eq(veilig_measure_remove_target_group(m1, 0), VEILIG_OK);
    vg_check_coverage(reg, "target group removed");

    /* added measures, enough to make the copy grow */
    for (int k = 0; k < 100; k++) {
        char id[16];
        snprintf(id, sizeof id, "n%d", k);
        veilig_measure *ms = NULL;
        ck_assert_int_eq(
            veilig_municipality_add_measure(&ms, m, id, "new", (veilig_category)(1 + k % 13)),
            VEILIG_OK);
        if (k % 3 == 0)
            ck_assert_int_eq(veilig_measure_set_status(ms, VEILIG_MEASURE_STATE_ENDED), VEILIG_OK);
    }
    vg_check_coverage(reg, "measures added");

    /* a removed measure keeps its memory; changing it changes nothing counted */
    veilig_measure *gone = veilig_municipality_measure_mut(m, 1);
    ck_assert_int_eq(veilig_municipality_remove_measure(m, 1), VEILIG_OK);
    vg_check_coverage(reg, "measure removed");
    ck_assert_int_eq(veilig_measure_set_category(gone, VEILIG_CATEGORY_CAMPAIGN), VEILIG_OK);
    ck_assert_int_eq(veilig_measure_set_status(gone, VEILIG_MEASURE_STATE_ACTIVE), VEILIG_OK);
    vg_check_coverage(reg, "removed measure changed");
    veilig_measure *last =
        veilig_municipality_measure_mut(m, veilig_municipality_measure_count(m) - 1);
    ck_assert_int_eq(veilig_measure_set_status(last, VEILIG_MEASURE_STATE_PLANNED), VEILIG_OK);
    vg_check_coverage(reg, "moved measure changed");

    /* replaced in place from JSON: the old object no longer counts */
    veilig_measure *old = veilig_municipality_measure_mut(m, 0);
    veilig_error err;
    static const char repl[] =
        "{\"id\": \"m1\", \"name\": \"Vervangen\", \"category\": \"campaign\"}";
    ck_assert_int_eq(veilig_municipality_add_measure_json(NULL, m, repl, sizeof repl - 1,
                                                          VEILIG_ADD_REPLACE, &err),
                     VEILIG_OK);
    vg_check_coverage(reg, "measure replaced");
    ck_assert_int_eq(veilig_measure_set_category(old, VEILIG_CATEGORY_REPORTING), VEILIG_OK);
    vg_check_coverage(reg, "replaced measure changed");
    static const char odd[] = "{\"id\": \"x1\", \"name\": \"Onbekend\", \"category\": "
                              "\"graffiti\", \"approach\": \"art\","
                              " \"target_groups\": [\"youth\", \"tourists\"]}";
    ck_assert_int_eq(veilig_municipality_add_measure_json(NULL, m, odd, sizeof odd - 1,
                                                          VEILIG_ADD_AS_LOADED, &err),
                     VEILIG_OK);
    vg_check_coverage(reg, "unknown codes added");

    /* a whole municipality replaced, and one added */
    static const char gm2[] = "{\"code\": \"GM0002\", \"name\": \"Tweede\", \"measures\": ["
                              "{\"id\": \"c1\", \"name\": \"C\", \"category\": \"lighting\","
                              " \"period\": {\"start\": \"2024-01\"}}]}";
    ck_assert_int_eq(veilig_registry_add_json(NULL, reg, gm2, sizeof gm2 - 1,
                                              VEILIG_ADD_REPLACE | VEILIG_ADD_AS_LOADED, &err),
                     VEILIG_OK);
    static const char gm9[] = "{\"code\": \"GM0009\", \"name\": \"Negende\", \"measures\": ["
                              "{\"id\": \"d1\", \"name\": \"D\", \"category\": \"education\","
                              " \"status\": \"ended\"}]}";
    ck_assert_int_eq(veilig_registry_add_json(NULL, reg, gm9, sizeof gm9 - 1, 0, &err), VEILIG_OK);
    vg_check_coverage(reg, "municipalities added");

    /* and the same document saved and loaded again */
    char *json = NULL;
    size_t len = 0;
    ck_assert_int_eq(veilig_registry_dump(&json, &len, reg, NULL, &err), VEILIG_OK);
    veilig_registry *again = NULL;
    ck_assert_int_eq(veilig_registry_load_string(&again, json, len, NULL, &err), VEILIG_OK);
    vg_check_coverage(again, "reloaded");
    veilig_registry_free(again);
    veilig_free(json);
    veilig_registry_free(reg);
}
END_TEST

START_TEST(test_builtin) {
    veilig_registry *reg = NULL;
    ck_assert_int_eq(veilig_registry_load_builtin(&reg, NULL), VEILIG_OK);
    veilig_coverage_result *c = NULL;
    ck_assert_int_eq(veilig_coverage(&c, reg, NULL), VEILIG_OK);
    ck_assert_uint_eq(veilig_coverage_rows(c), veilig_registry_count(reg));
    /* every measure of the dataset is active (no status given) and Enschede has them all */
    size_t measures = 0;
    for (size_t i = 0; i < veilig_registry_count(reg); i++)
        measures += veilig_municipality_measure_count(veilig_registry_get(reg, i));
    ck_assert_uint_eq(veilig_coverage_total(c), measures);
    ck_assert_uint_eq(veilig_coverage_row_total(c, 0),
                      veilig_municipality_measure_count(veilig_registry_find(reg, "GM0153")));
    veilig_coverage_free(c);
    veilig_registry_free(reg);
}
END_TEST

int main(void) {
    Suite *s = suite_create("coverage");
    TCase *tc = tcase_create("coverage");
    tcase_add_test(tc, test_categories);
    tcase_add_test(tc, test_options);
    tcase_add_test(tc, test_other_column_and_json);
    tcase_add_test(tc, test_follows_changes);
    tcase_add_test(tc, test_builtin);
    suite_add_tcase(s, tc);
    return vg_test_run(s);
}
