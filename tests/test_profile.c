/* Profile and comparison over the analysis fixture; expected values worked
   out by hand from tests/data/analysis/fixture.json (all measures count,
   ended ones too). */
#include <stdio.h>
#include <string.h>

#include "analysis_fixture.h"

START_TEST(test_profile_aastad) {
    veilig_registry *reg = vg_fixture();
    veilig_profile_result *p = NULL;
    ck_assert_int_eq(veilig_profile(&p, veilig_registry_find(reg, "Aastad")), VEILIG_OK);
    ck_assert_str_eq(veilig_municipality_code(veilig_profile_municipality(p)), "GM0001");
    /* m1 deescalation and m2 bystander are prevention; m3 says enforcement */
    ck_assert_uint_eq(veilig_profile_approach_count(p, VEILIG_APPROACH_PREVENTION), 2);
    ck_assert_uint_eq(veilig_profile_approach_count(p, VEILIG_APPROACH_ENFORCEMENT), 1);
    ck_assert_uint_eq(veilig_profile_approach_count(p, VEILIG_APPROACH_SUPPORT), 0);
    ck_assert_uint_eq(veilig_profile_category_count(p, VEILIG_CATEGORY_DEESCALATION), 1);
    ck_assert_uint_eq(veilig_profile_category_count(p, VEILIG_CATEGORY_BYSTANDER), 1);
    ck_assert_uint_eq(veilig_profile_category_count(p, VEILIG_CATEGORY_CAMPAIGN), 1);
    ck_assert_uint_eq(veilig_profile_category_count(p, (veilig_category)99), 0);
    /* 1000.00 EUR and 250.5 without currency */
    ck_assert_int_eq(veilig_profile_category_budget(p, VEILIG_CATEGORY_DEESCALATION), 100000);
    ck_assert_int_eq(veilig_profile_category_budget(p, VEILIG_CATEGORY_CAMPAIGN), 25050);
    ck_assert_int_eq(veilig_profile_category_budget(p, VEILIG_CATEGORY_BYSTANDER), 0);
    /* scope first (women_girls, lgbtiq), then bystanders named by m2 */
    ck_assert_uint_eq(veilig_profile_target_group_count(p), 3);
    ck_assert_str_eq(veilig_profile_target_group_code(p, 0), "women_girls");
    ck_assert_int_eq(veilig_profile_target_group_in_scope(p, 0), 1);
    ck_assert_uint_eq(veilig_profile_target_group_measures(p, 0), 1);
    ck_assert_str_eq(veilig_profile_target_group_code(p, 1), "lgbtiq");
    ck_assert_uint_eq(veilig_profile_target_group_measures(p, 1), 1);
    ck_assert_str_eq(veilig_profile_target_group_code(p, 2), "bystanders");
    ck_assert_int_eq(veilig_profile_target_group_in_scope(p, 2), 0);
    /* stakeholders: s-police carries m1; s-team none */
    ck_assert_uint_eq(veilig_profile_stakeholder_count(p), 2);
    ck_assert_str_eq(veilig_stakeholder_id(veilig_profile_stakeholder(p, 0)), "s-police");
    ck_assert_uint_eq(veilig_profile_stakeholder_measures(p, 0), 1);
    ck_assert_uint_eq(veilig_profile_stakeholder_measures(p, 1), 0);
    ck_assert_uint_eq(veilig_profile_kind_count(p, VEILIG_STAKEHOLDER_TYPE_POLICE), 1);
    ck_assert_uint_eq(veilig_profile_kind_count(p, VEILIG_STAKEHOLDER_TYPE_MUNICIPAL_DEPARTMENT),
                      1);
    /* gaps: the 10 categories it has none of, no target group gap, three
       measures without indicators, no executing gap (s-team executes) */
    ck_assert_uint_eq(veilig_profile_gap_count(p), 13);
    ck_assert_int_eq(veilig_profile_gap_kind(p, 0), VEILIG_GAP_CATEGORY);
    ck_assert_str_eq(veilig_profile_gap_code(p, 0), "supervision");
    ck_assert_str_eq(veilig_profile_gap_code(p, 9), "research");
    ck_assert_int_eq(veilig_profile_gap_kind(p, 10), VEILIG_GAP_NO_INDICATOR);
    ck_assert_str_eq(veilig_gap_kind_name(VEILIG_GAP_NO_INDICATOR), "no_indicator");
    ck_assert_str_eq(veilig_gap_kind_name(VEILIG_GAP_CATEGORY), "category");
    ck_assert_ptr_null(veilig_gap_kind_name((veilig_gap_kind)0));
    ck_assert_str_eq(veilig_measure_id(veilig_profile_gap_measure(p, 10)), "m1");
    ck_assert_ptr_null(veilig_profile_gap_code(p, 10));
    ck_assert_str_eq(veilig_measure_id(veilig_profile_gap_measure(p, 12)), "m3");
    char *json = NULL;
    ck_assert_int_eq(veilig_profile_to_json(&json, NULL, p), VEILIG_OK);
    ck_assert_ptr_nonnull(strstr(json, "\"campaign\": 25050"));
    ck_assert_ptr_nonnull(strstr(json, "\"kind\": \"no_indicator\""));
    veilig_free(json);
    veilig_profile_free(p);
    veilig_registry_free(reg);
}
END_TEST

START_TEST(test_profile_beedorp) {
    veilig_registry *reg = vg_fixture();
    veilig_profile_result *p = NULL;
    ck_assert_int_eq(veilig_profile(&p, veilig_registry_find(reg, "GM0002")), VEILIG_OK);
    /* nobody executes the whole approach; b1 has an executing partner, b2 none */
    size_t n = veilig_profile_gap_count(p);
    ck_assert_int_eq(veilig_profile_gap_kind(p, n - 1), VEILIG_GAP_NO_EXECUTING_PARTY);
    ck_assert_str_eq(veilig_measure_id(veilig_profile_gap_measure(p, n - 1)), "b2");
    ck_assert_int_eq(veilig_profile_gap_kind(p, n - 2), VEILIG_GAP_NO_INDICATOR);
    veilig_profile_free(p);

    /* a scope target group no measure serves */
    const char *doc = "{\"format\":\"veilig\",\"version\":1,\"municipalities\":[{\"code\":"
                      "\"GM0009\",\"name\":\"X\",\"scope\":{\"target_groups\":[\"students\"]}}]}";
    veilig_registry *r2 = NULL;
    ck_assert_int_eq(veilig_registry_load_string(&r2, doc, strlen(doc), NULL, NULL), VEILIG_OK);
    ck_assert_int_eq(veilig_profile(&p, veilig_registry_get(r2, 0)), VEILIG_OK);
    ck_assert_uint_eq(veilig_profile_gap_count(p), 14);
    ck_assert_int_eq(veilig_profile_gap_kind(p, 13), VEILIG_GAP_TARGET_GROUP);
    ck_assert_str_eq(veilig_profile_gap_code(p, 13), "students");
    veilig_profile_free(p);
    veilig_registry_free(r2);
    ck_assert_int_eq(veilig_profile(&p, NULL), VEILIG_EINVAL);
    ck_assert_ptr_null(p);
    veilig_profile_free(NULL);
    veilig_registry_free(reg);
}
END_TEST

/* The comparison rows as "dimension:code:a:b" joined by spaces. */
static const char *vg_rows(const veilig_comparison *c) {
    static char buf[1024];
    buf[0] = '\0';
    for (size_t i = 0; i < veilig_comparison_count(c); i++) {
        char row[96];
        snprintf(row, sizeof row, "%s%s:%s:%u:%u", i ? " " : "",
                 veilig_vocab_name(veilig_comparison_vocab(c, i)), veilig_comparison_code(c, i),
                 veilig_comparison_a(c, i), veilig_comparison_b(c, i));
        strcat(buf, row);
    }
    return buf;
}

START_TEST(test_compare) {
    veilig_registry *reg = vg_fixture();
    veilig_comparison *c = NULL;
    ck_assert_int_eq(veilig_compare(&c, veilig_registry_find(reg, "GM0001"),
                                    veilig_registry_find(reg, "GM0002")),
                     VEILIG_OK);
    ck_assert_str_eq(vg_rows(c), "category:deescalation:1:1 category:campaign:1:0 "
                                 "category:bystander:1:0 category:reporting:0:1 "
                                 "approach:prevention:2:1 approach:enforcement:1:0 "
                                 "approach:signalling:0:1 "
                                 "target_group:women_girls:1:2 target_group:lgbtiq:1:0 "
                                 "target_group:bystanders:1:0 setting:nightlife:1:0 "
                                 "stakeholder_type:municipal_department:1:0 "
                                 "stakeholder_type:police:1:1 stakeholder_type:public_health:0:1");
    ck_assert_str_eq(veilig_municipality_name(veilig_comparison_municipality(c, 0)), "Aastad");
    ck_assert_str_eq(veilig_municipality_name(veilig_comparison_municipality(c, 1)), "Beedorp");
    ck_assert_ptr_null(veilig_comparison_municipality(c, 2));
    char *json = NULL;
    ck_assert_int_eq(veilig_comparison_to_json(&json, NULL, c), VEILIG_OK);
    ck_assert_ptr_nonnull(strstr(json, "\"a\": \"GM0001\""));
    veilig_free(json);
    veilig_comparison_free(c);
    ck_assert_int_eq(veilig_compare(&c, NULL, veilig_registry_get(reg, 0)), VEILIG_EINVAL);
    veilig_comparison_free(NULL);
    veilig_registry_free(reg);
}
END_TEST

START_TEST(test_compare_unknown_codes) {
    const char *doc = "{\"format\":\"veilig\",\"version\":1,\"municipalities\":[{\"code\":"
                      "\"GM0009\",\"name\":\"X\",\"measures\":[{\"id\":\"a\",\"name\":\"A\","
                      "\"category\":\"zz\"},{\"id\":\"b\",\"name\":\"B\",\"category\":\"aa\"},"
                      "{\"id\":\"c\",\"name\":\"C\",\"category\":\"research\"}]}]}";
    veilig_registry *reg = NULL;
    ck_assert_int_eq(veilig_registry_load_string(&reg, doc, strlen(doc), NULL, NULL), VEILIG_OK);
    veilig_comparison *c = NULL;
    const veilig_municipality *m = veilig_registry_get(reg, 0);
    ck_assert_int_eq(veilig_compare(&c, m, m), VEILIG_OK);
    /* known codes in enum order, then unknown ones by code; the approach of
       unknown categories is unknown too and so not counted */
    ck_assert_str_eq(vg_rows(c), "category:research:1:1 category:aa:1:1 category:zz:1:1 "
                                 "approach:signalling:1:1");
    veilig_comparison_free(c);
    veilig_registry_free(reg);
}
END_TEST

/* A measure counts once per code, however often its list names it (the
   validator warns of such a list, V021, but loads it); unknown codes too. */
START_TEST(test_compare_repeated_codes) {
    const char *doc = "{\"format\":\"veilig\",\"version\":1,\"municipalities\":[{\"code\":"
                      "\"GM0009\",\"name\":\"X\",\"stakeholders\":[{\"id\":\"p\",\"name\":"
                      "\"P\",\"kind\":\"police\"},{\"id\":\"q\",\"name\":\"Q\",\"kind\":\"zz\"}],"
                      "\"measures\":[{\"id\":\"a\",\"name\":\"A\",\"category\":\"bystander\","
                      "\"target_groups\":[\"women_girls\",\"zz\",\"women_girls\",\"zz\"],"
                      "\"settings\":[\"nightlife\",\"nightlife\"]},{\"id\":\"b\",\"name\":\"B\","
                      "\"category\":\"bystander\",\"target_groups\":[\"zz\",\"women_girls\"]}]}]}";
    veilig_registry *reg = NULL;
    ck_assert_int_eq(veilig_registry_load_string(&reg, doc, strlen(doc), NULL, NULL), VEILIG_OK);
    veilig_comparison *c = NULL;
    const veilig_municipality *m = veilig_registry_get(reg, 0);
    ck_assert_int_eq(veilig_compare(&c, m, m), VEILIG_OK);
    ck_assert_str_eq(vg_rows(c), "category:bystander:2:2 approach:prevention:2:2 "
                                 "target_group:women_girls:2:2 target_group:zz:2:2 "
                                 "setting:nightlife:1:1 stakeholder_type:police:1:1 "
                                 "stakeholder_type:zz:1:1");
    veilig_comparison_free(c);
    veilig_registry_free(reg);
}
END_TEST

/* The accessors that tell what a schedule or progress result is about. */
START_TEST(test_result_subjects) {
    veilig_registry *reg = vg_fixture();
    const veilig_municipality *a = veilig_registry_get(reg, 0);
    veilig_schedule_result *s = NULL;
    ck_assert_int_eq(veilig_schedule(&s, a, NULL), VEILIG_OK);
    ck_assert_ptr_eq(veilig_schedule_municipality(s), a);
    unsigned days = 0;
    int from = -1, to = -1;
    ck_assert_int_eq(veilig_schedule_window(&days, &from, &to, s), VEILIG_OK);
    /* the default window: Friday and Saturday, 22:00 to 04:00 */
    ck_assert_uint_eq(days, (1u << (VEILIG_DAY_FRI - 1)) | (1u << (VEILIG_DAY_SAT - 1)));
    ck_assert_int_eq(from, 22 * 60);
    ck_assert_int_eq(to, 4 * 60);
    ck_assert_int_eq(veilig_schedule_window(NULL, NULL, NULL, NULL), VEILIG_EINVAL);
    veilig_schedule_free(s);
    veilig_progress_result *p = NULL;
    ck_assert_int_eq(veilig_progress(&p, a, NULL), VEILIG_OK);
    ck_assert_ptr_eq(veilig_progress_municipality(p), a);
    ck_assert_ptr_null(veilig_progress_municipality(NULL));
    veilig_progress_free(p);
    veilig_registry_free(reg);
}
END_TEST

int main(void) {
    Suite *s = suite_create("profile");
    TCase *tc = tcase_create("profile");
    tcase_add_test(tc, test_profile_aastad);
    tcase_add_test(tc, test_profile_beedorp);
    tcase_add_test(tc, test_compare);
    tcase_add_test(tc, test_compare_unknown_codes);
    tcase_add_test(tc, test_compare_repeated_codes);
    tcase_add_test(tc, test_result_subjects);
    suite_add_tcase(s, tc);
    return vg_test_run(s);
}
