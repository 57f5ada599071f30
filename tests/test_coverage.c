/* Coverage over the analysis fixture; counts worked out by hand:
   active measures (m2 is ended): GM0001 m1 deescalation, m3 campaign;
   GM0002 b1 deescalation, b2 reporting; GM0003 none. */
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
    tcase_add_test(tc, test_builtin);
    suite_add_tcase(s, tc);
    return vg_test_run(s);
}
