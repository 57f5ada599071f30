/* Peers and similarity over the analysis fixture. Worked out by hand:
   Aastad (A) and Beedorp (B):
     categories: A {deescalation 1, bystander 1, campaign 1} (3), B {deescalation 1,
       reporting 1} (2): sum of minima 1, of maxima 3 + 2 - 1 = 4: 1/4;
     target groups: A {women_girls, lgbtiq, bystanders}, B {women_girls}: 1/3;
     settings: A {nightlife}, B {public_space}: 0/2;
     stakeholder kinds: A {police, municipal_department}, B {public_health, police}: 1/3;
     similarity = 0.4 * 1/4 + 0.2 * 1/3 + 0.2 * 0 + 0.2 * 1/3 = 0.23333...
   Ceestad (C) has no measures and one school: similarity 0 with both, and no
   basis for peers: it is no peer and has none. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "analysis_fixture.h"
#include "analysis/analysis_internal.h"

START_TEST(test_similarity) {
    veilig_registry *reg = vg_fixture();
    const veilig_municipality *a = veilig_registry_find(reg, "GM0001");
    const veilig_municipality *b = veilig_registry_find(reg, "GM0002");
    const veilig_municipality *c = veilig_registry_find(reg, "GM0003");
    ck_assert_double_eq_tol(veilig_similarity(a, b), 0.1 + 0.4 / 3, 1e-12);
    ck_assert_double_eq_tol(veilig_similarity(b, a), veilig_similarity(a, b), 1e-15);
    ck_assert_double_eq(veilig_similarity(a, c), 0.0);
    ck_assert_double_eq(veilig_similarity(a, a), 1.0);
    ck_assert_double_eq(veilig_similarity(NULL, a), 0.0);
    veilig_registry_free(reg);
}
END_TEST

/* Counts of hundreds in every category (past a byte, and in both halves of
   the sixteen the comparison reads at a time): the category part alone
   (no target groups, settings or kinds), the sum of the minima over the sum
   of the maxima, worked out here one category at a time. */
START_TEST(test_similarity_large_counts) {
    veilig_registry *reg = NULL;
    veilig_municipality *a = NULL, *b = NULL;
    ck_assert_int_eq(veilig_registry_new(&reg), VEILIG_OK);
    ck_assert_int_eq(veilig_registry_add(&a, reg, "GM0001", "Aastad"), VEILIG_OK);
    ck_assert_int_eq(veilig_registry_add(&b, reg, "GM0002", "Beedorp"), VEILIG_OK);
    unsigned mins = 0, maxs = 0;
    for (int c = 1; c <= VEILIG_CATEGORY_RESEARCH; c++) {
        unsigned na = 37u * (unsigned)c, nb = 29u * (unsigned)(VEILIG_CATEGORY_RESEARCH + 1 - c);
        mins += na < nb ? na : nb;
        maxs += na > nb ? na : nb;
        for (unsigned k = 0; k < na || k < nb; k++) {
            char id[32];
            snprintf(id, sizeof id, "c%d-%u", c, k);
            if (k < na)
                ck_assert_int_eq(
                    veilig_municipality_add_measure(NULL, a, id, "x", (veilig_category)c),
                    VEILIG_OK);
            if (k < nb)
                ck_assert_int_eq(
                    veilig_municipality_add_measure(NULL, b, id, "x", (veilig_category)c),
                    VEILIG_OK);
        }
    }
    ck_assert_double_eq_tol(veilig_similarity(a, b), (double)mins / (double)maxs, 1e-12);
    ck_assert_double_eq_tol(veilig_similarity(a, a), 1.0, 1e-15);
    veilig_registry_free(reg);
}
END_TEST

START_TEST(test_peers_of_one) {
    veilig_registry *reg = vg_fixture();
    veilig_peers_result *p = NULL;
    veilig_peers_options o = VEILIG_PEERS_OPTIONS_INIT;
    o.k = 2;
    ck_assert_int_eq(veilig_peers(&p, reg, veilig_registry_find(reg, "GM0001"), &o), VEILIG_OK);
    /* Ceestad, without measures, is no peer: one row although k is 2 */
    ck_assert_uint_eq(veilig_peers_count(p), 1);
    ck_assert_str_eq(veilig_municipality_code(veilig_peers_subject(p, 0)), "GM0001");
    ck_assert_uint_eq(veilig_peers_rank(p, 0), 1);
    ck_assert_str_eq(veilig_municipality_code(veilig_peers_peer(p, 0)), "GM0002");
    ck_assert_double_eq_tol(veilig_peers_similarity(p, 0), 0.1 + 0.4 / 3, 1e-12);
    /* Beedorp's measure in a category Aastad lacks: b2 (reporting) */
    ck_assert_uint_eq(veilig_peers_suggestion_count(p, 0), 1);
    ck_assert_str_eq(veilig_measure_id(veilig_peers_suggestion(p, 0, 0)), "b2");
    ck_assert_ptr_null(veilig_peers_suggestion(p, 0, 1));
    ck_assert_ptr_null(veilig_peers_peer(p, 1));
    char *json = NULL;
    ck_assert_int_eq(veilig_peers_to_json(&json, NULL, p), VEILIG_OK);
    ck_assert_ptr_nonnull(strstr(json, "\"similarity\": 0.2333"));
    ck_assert_ptr_nonnull(strstr(json, "\"measure\": \"b2\""));
    veilig_free(json);
    veilig_peers_free(p);
    veilig_registry_free(reg);
}
END_TEST

START_TEST(test_peers_of_all) {
    veilig_registry *reg = vg_fixture();
    veilig_peers_result *p = NULL;
    /* k defaults to 5; Ceestad, without measures, neither has peers nor is one */
    ck_assert_int_eq(veilig_peers(&p, reg, NULL, NULL), VEILIG_OK);
    ck_assert_uint_eq(veilig_peers_count(p), 2);
    ck_assert_str_eq(veilig_municipality_code(veilig_peers_subject(p, 0)), "GM0001");
    ck_assert_str_eq(veilig_municipality_code(veilig_peers_peer(p, 0)), "GM0002");
    /* Beedorp's peers: Aastad; suggestions bystander m2 and campaign m3 */
    ck_assert_str_eq(veilig_municipality_code(veilig_peers_subject(p, 1)), "GM0002");
    ck_assert_str_eq(veilig_municipality_code(veilig_peers_peer(p, 1)), "GM0001");
    ck_assert_uint_eq(veilig_peers_rank(p, 1), 1);
    ck_assert_uint_eq(veilig_peers_suggestion_count(p, 1), 2);
    ck_assert_str_eq(veilig_measure_id(veilig_peers_suggestion(p, 1, 0)), "m2");
    veilig_peers_free(p);
    /* Ceestad alone: no basis, no rows (and no error) */
    ck_assert_int_eq(veilig_peers(&p, reg, veilig_registry_find(reg, "GM0003"), NULL), VEILIG_OK);
    ck_assert_uint_eq(veilig_peers_count(p), 0);
    veilig_peers_free(p);
    veilig_registry_free(reg);
}
END_TEST

/* A subject from another registry (a plan file) against the fixture: the
   fixture's own version of it (same code) is left out; with a new code the
   fixture's Aastad is its twin. */
/* The peers of every municipality at once (each pair compared once, most
   turned away by a bound before the exact similarity) are those of each one
   alone (every candidate compared exactly): a registry of 90 municipalities
   of few kinds, so that many similarities tie and the codes decide. */
START_TEST(test_peers_of_all_as_each_alone) {
    veilig_registry *reg = NULL;
    ck_assert_int_eq(veilig_registry_new(&reg), VEILIG_OK);
    unsigned seed = 7;
    for (int i = 0; i < 90; i++) {
        char code[16], name[24];
        snprintf(code, sizeof code, "GM%04d", (i * 37) % 90 + 1); /* codes out of order */
        snprintf(name, sizeof name, "Stad %d", i);
        veilig_municipality *m = NULL;
        ck_assert_int_eq(veilig_registry_add(&m, reg, code, name), VEILIG_OK);
        int measures = i % 11 == 0 ? 0 : 1 + i % 4; /* some without: no peers, none of them */
        for (int k = 0; k < measures; k++) {
            seed = seed * 1103515245u + 12345u;
            char id[16];
            snprintf(id, sizeof id, "m%d", k);
            veilig_measure *ms = NULL;
            ck_assert_int_eq(veilig_municipality_add_measure(
                                 &ms, m, id, "x", (veilig_category)(1 + (seed >> 16) % 4)),
                             VEILIG_OK);
            if ((seed >> 8) & 1)
                veilig_measure_add_target_group(ms, (veilig_target_group)(1 + (seed >> 9) % 3));
            if ((seed >> 12) & 1)
                veilig_measure_add_setting(ms, (veilig_setting)(1 + (seed >> 13) % 2));
        }
        if (i % 3 == 0)
            ck_assert_int_eq(veilig_municipality_add_stakeholder(
                                 NULL, m, "s", "S", (veilig_stakeholder_type)(1 + i % 2)),
                             VEILIG_OK);
    }
    veilig_peers_options o = VEILIG_PEERS_OPTIONS_INIT;
    o.k = 4;
    veilig_peers_result *all = NULL;
    ck_assert_int_eq(veilig_peers(&all, reg, NULL, &o), VEILIG_OK);
    size_t row = 0;
    for (size_t i = 0; i < veilig_registry_count(reg); i++) {
        const veilig_municipality *m = veilig_registry_get(reg, i);
        veilig_peers_result *one = NULL;
        ck_assert_int_eq(veilig_peers(&one, reg, m, &o), VEILIG_OK);
        for (size_t r = 0; r < veilig_peers_count(one); r++, row++) {
            ck_assert_ptr_eq(veilig_peers_subject(all, row), m);
            ck_assert_ptr_eq(veilig_peers_peer(all, row), veilig_peers_peer(one, r));
            ck_assert_double_eq(veilig_peers_similarity(all, row), veilig_peers_similarity(one, r));
        }
        veilig_peers_free(one);
    }
    ck_assert_uint_eq(row, veilig_peers_count(all));
    ck_assert_uint_gt(row, 200);
    /* the pairs compared in parts (threads): the same rows */
    static const size_t parts[] = {2, 3, 7, 100};
    for (size_t p = 0; p < sizeof parts / sizeof *parts; p++) {
        veilig_peers_result *split = NULL;
        ck_assert_int_eq(vg_peers_in_parts(&split, reg, NULL, o.k, parts[p]), VEILIG_OK);
        ck_assert_uint_eq(veilig_peers_count(split), veilig_peers_count(all));
        for (size_t r = 0; r < veilig_peers_count(all); r++) {
            ck_assert_ptr_eq(veilig_peers_subject(split, r), veilig_peers_subject(all, r));
            ck_assert_ptr_eq(veilig_peers_peer(split, r), veilig_peers_peer(all, r));
            ck_assert_double_eq(veilig_peers_similarity(split, r), veilig_peers_similarity(all, r));
            ck_assert_uint_eq(veilig_peers_suggestion_count(split, r),
                              veilig_peers_suggestion_count(all, r));
        }
        veilig_peers_free(split);
    }
    veilig_peers_free(all);
    veilig_registry_free(reg);
}
END_TEST

START_TEST(test_peers_across_registries) {
    veilig_registry *reg = vg_fixture(), *mine = vg_fixture();
    veilig_municipality *m = veilig_registry_find_mut(mine, "GM0001");
    veilig_peers_result *p = NULL;
    ck_assert_int_eq(veilig_peers(&p, reg, m, NULL), VEILIG_OK);
    ck_assert_uint_eq(veilig_peers_count(p), 1);
    ck_assert_ptr_eq(veilig_peers_subject(p, 0), m);
    ck_assert_ptr_eq(veilig_peers_peer(p, 0), veilig_registry_find(reg, "GM0002"));
    ck_assert_double_eq_tol(veilig_peers_similarity(p, 0), 0.1 + 0.4 / 3, 1e-12);
    ck_assert_uint_eq(veilig_peers_suggestion_count(p, 0), 1);
    ck_assert_ptr_eq(veilig_measure_municipality(veilig_peers_suggestion(p, 0, 0)),
                     veilig_registry_find(reg, "GM0002"));
    char *json = NULL;
    ck_assert_int_eq(veilig_peers_to_json(&json, NULL, p), VEILIG_OK);
    ck_assert_ptr_nonnull(strstr(json, "\"subject\": \"GM0001\""));
    ck_assert_ptr_nonnull(strstr(json, "\"measure\": \"b2\""));
    veilig_free(json);
    veilig_peers_free(p);
    ck_assert_int_eq(veilig_municipality_set_code(m, "GM0999"), VEILIG_OK);
    ck_assert_int_eq(veilig_peers(&p, reg, m, NULL), VEILIG_OK);
    ck_assert_uint_eq(veilig_peers_count(p), 2);
    ck_assert_ptr_eq(veilig_peers_peer(p, 0), veilig_registry_find(reg, "GM0001"));
    ck_assert_double_eq(veilig_peers_similarity(p, 0), 1.0);
    ck_assert_uint_eq(veilig_peers_suggestion_count(p, 0), 0);
    ck_assert_ptr_eq(veilig_peers_peer(p, 1), veilig_registry_find(reg, "GM0002"));
    veilig_peers_free(p);
    /* the profile of a municipality of any registry */
    veilig_profile_result *pr = NULL;
    ck_assert_int_eq(veilig_profile(&pr, m), VEILIG_OK);
    ck_assert_ptr_eq(veilig_profile_municipality(pr), m);
    veilig_profile_free(pr);
    veilig_registry_free(mine);
    veilig_registry_free(reg);
}
END_TEST

START_TEST(test_errors) {
    veilig_registry *reg = vg_fixture(), *other = NULL;
    ck_assert_int_eq(veilig_registry_new(&other), VEILIG_OK);
    veilig_peers_result *p = NULL;
    /* an empty candidate registry: no rows */
    ck_assert_int_eq(veilig_peers(&p, other, veilig_registry_get(reg, 0), NULL), VEILIG_OK);
    ck_assert_uint_eq(veilig_peers_count(p), 0);
    veilig_peers_free(p);
    ck_assert_int_eq(veilig_peers(NULL, reg, NULL, NULL), VEILIG_EINVAL);
    veilig_peers_options o = {99, 1};
    ck_assert_int_eq(veilig_peers(&p, reg, NULL, &o), VEILIG_EVERSION);
    ck_assert_int_eq(veilig_peers_options_init(&o, VEILIG_PEERS_OPTIONS_VERSION), VEILIG_OK);
    /* an empty registry: no rows */
    ck_assert_int_eq(veilig_peers(&p, other, NULL, &o), VEILIG_OK);
    ck_assert_uint_eq(veilig_peers_count(p), 0);
    ck_assert_ptr_null(veilig_peers_peer(p, 0));
    veilig_peers_free(p);
    veilig_peers_free(NULL);
    veilig_registry_free(other);
    veilig_registry_free(reg);
}
END_TEST

START_TEST(test_builtin) {
    veilig_registry *reg = NULL;
    ck_assert_int_eq(veilig_registry_load_builtin(&reg, NULL), VEILIG_OK);
    veilig_peers_result *p = NULL;
    ck_assert_int_eq(veilig_peers(&p, reg, NULL, NULL), VEILIG_OK);
    /* every subject and every peer has measures; ranks descend */
    for (size_t i = 0; i < veilig_peers_count(p); i++) {
        double s = veilig_peers_similarity(p, i);
        ck_assert(s >= 0.0 && s <= 1.0 && !isnan(s));
        ck_assert_ptr_ne(veilig_peers_subject(p, i), veilig_peers_peer(p, i));
        ck_assert_uint_gt(veilig_municipality_measure_count(veilig_peers_subject(p, i)), 0);
        ck_assert_uint_gt(veilig_municipality_measure_count(veilig_peers_peer(p, i)), 0);
        if (veilig_peers_rank(p, i) > 1)
            ck_assert(veilig_peers_similarity(p, i - 1) >= s);
    }
    veilig_peers_free(p);
    /* Enschede is the one municipality of the dataset with measures: no peers */
    ck_assert_int_eq(veilig_peers(&p, reg, veilig_registry_find(reg, "GM0153"), NULL), VEILIG_OK);
    ck_assert_uint_eq(veilig_peers_count(p), 0);
    veilig_peers_free(p);
    veilig_registry_free(reg);
}
END_TEST

int main(void) {
    Suite *s = suite_create("peers");
    TCase *tc = tcase_create("peers");
    tcase_add_test(tc, test_similarity);
    tcase_add_test(tc, test_similarity_large_counts);
    tcase_add_test(tc, test_peers_of_one);
    tcase_add_test(tc, test_peers_of_all);
    tcase_add_test(tc, test_peers_of_all_as_each_alone);
    tcase_add_test(tc, test_peers_across_registries);
    tcase_add_test(tc, test_errors);
    tcase_add_test(tc, test_builtin);
    suite_add_tcase(s, tc);
    return vg_test_run(s);
}
