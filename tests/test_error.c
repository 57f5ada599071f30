/* The thread's last error (veilig_error_last, common.h): every failure of a
   function without a veilig_error says why there, per thread. */
#include <pthread.h>
#include <string.h>

#include "veilig.h"
#include "analysis_fixture.h"
#include "testutil.h"

/* Asserts that the last call failed with code and a message holding needle. */
#define LAST(status, needle)                                                                       \
    do {                                                                                           \
        const veilig_error *e_ = veilig_error_last();                                              \
        ck_assert_ptr_nonnull(e_);                                                                 \
        ck_assert_int_eq(e_->code, (status));                                                      \
        ck_assert_msg(strstr(e_->message, (needle)) != NULL, "message \"%s\" lacks \"%s\"",        \
                      e_->message, (needle));                                                      \
    } while (0)

START_TEST(test_clear) {
    veilig_error_clear();
    ck_assert_ptr_null(veilig_error_last());
    ck_assert_int_eq(veilig_date_format(NULL, 0, NULL), VEILIG_EINVAL);
    veilig_registry *reg = NULL;
    ck_assert_int_eq(veilig_registry_new(&reg), VEILIG_OK);
    ck_assert_int_eq(veilig_registry_add(NULL, reg, "GM0001", ""), VEILIG_EINVAL);
    LAST(VEILIG_EINVAL, "municipality name is empty");
    /* a success leaves it; clear forgets it */
    ck_assert_int_eq(veilig_registry_add(NULL, reg, "GM0001", "Aastad"), VEILIG_OK);
    ck_assert_ptr_nonnull(veilig_error_last());
    veilig_error_clear();
    ck_assert_ptr_null(veilig_error_last());
    veilig_registry_free(reg);
}
END_TEST

START_TEST(test_setters) {
    veilig_registry *reg = vg_fixture();
    veilig_municipality *m = veilig_registry_find_mut(reg, "GM0001");
    veilig_measure *ms = veilig_municipality_measure_mut(m, 0);
    ck_assert_int_eq(veilig_measure_set_name(ms, ""), VEILIG_EINVAL);
    LAST(VEILIG_EINVAL, "measure name is empty");
    ck_assert_int_eq(veilig_measure_set_name(ms, "\xff"), VEILIG_EINVAL);
    LAST(VEILIG_EINVAL, "measure name is not valid UTF-8");
    ck_assert_int_eq(veilig_measure_set_category(ms, (veilig_category)99), VEILIG_EINVAL);
    LAST(VEILIG_EINVAL, "measure category: 99 is not a value of the category vocabulary");
    ck_assert_int_eq(veilig_measure_add_target_group(ms, VEILIG_TARGET_GROUP_WOMEN_GIRLS),
                     VEILIG_EEXISTS);
    LAST(VEILIG_EEXISTS, "measure target_group: women_girls is there already");
    ck_assert_int_eq(veilig_measure_remove_setting(ms, 7), VEILIG_ENOTFOUND);
    LAST(VEILIG_ENOTFOUND, "measure setting: no entry 7");
    ck_assert_int_eq(veilig_measure_set_id(ms, "m2"), VEILIG_EEXISTS);
    LAST(VEILIG_EEXISTS, "measure id \"m2\" is taken");
    veilig_date bad = {2021, 2, 30};
    ck_assert_int_eq(veilig_measure_set_period_start(ms, &bad), VEILIG_EINVAL);
    LAST(VEILIG_EINVAL, "measure period_start: 2021-02-30 is not a date");
    ck_assert_int_eq(veilig_measure_set_budget(ms, 100, "eur"), VEILIG_EINVAL);
    LAST(VEILIG_EINVAL, "currency \"eur\" is not three capital letters");
    ck_assert_int_eq(
        veilig_municipality_add_measure(NULL, m, "m1", "Again", VEILIG_CATEGORY_CAMPAIGN),
        VEILIG_EEXISTS);
    LAST(VEILIG_EEXISTS, "measure id \"m1\" is taken");
    ck_assert_int_eq(veilig_municipality_set_code(m, "GM0002"), VEILIG_EEXISTS);
    LAST(VEILIG_EEXISTS, "municipality code GM0002");
    veilig_window *w = NULL;
    ck_assert_int_eq(veilig_measure_add_window(&w, ms), VEILIG_OK);
    ck_assert_int_eq(veilig_window_set_hours(w, 1500, 60), VEILIG_EINVAL);
    LAST(VEILIG_EINVAL, "window hours: from 1500");
    veilig_registry_free(reg);
}
END_TEST

START_TEST(test_analyses) {
    veilig_registry *reg = vg_fixture();
    const veilig_municipality *m = veilig_registry_get(reg, 0);
    veilig_coverage_options co = VEILIG_COVERAGE_OPTIONS_INIT;
    veilig_coverage_result *c = NULL;
    co.axis = VEILIG_VOCAB_SETTING;
    ck_assert_int_eq(veilig_coverage(&c, reg, &co), VEILIG_EINVAL);
    LAST(VEILIG_EINVAL, "coverage: axis");
    co.version = 7;
    ck_assert_int_eq(veilig_coverage(&c, reg, &co), VEILIG_EVERSION);
    LAST(VEILIG_EVERSION, "coverage options version 7: this library knows version 1");
    veilig_schedule_options so = VEILIG_SCHEDULE_OPTIONS_INIT;
    veilig_schedule_result *s = NULL;
    so.from = so.to = 60;
    ck_assert_int_eq(veilig_schedule(&s, m, &so), VEILIG_EINVAL);
    LAST(VEILIG_EINVAL, "schedule: the window from 60 to 60 is empty");
    veilig_diff_result *d = NULL;
    ck_assert_int_eq(veilig_diff(&d, reg, reg, "GM9999"), VEILIG_ENOTFOUND);
    LAST(VEILIG_ENOTFOUND, "no municipality GM9999");
    veilig_report_options ro = VEILIG_REPORT_OPTIONS_INIT;
    char *out = NULL;
    ro.lang = "fr";
    ck_assert_int_eq(veilig_render_list(&out, NULL, reg, &ro), VEILIG_EINVAL);
    LAST(VEILIG_EINVAL, "language \"fr\"");
    veilig_query *q = NULL;
    ck_assert_int_eq(veilig_query_new(&q), VEILIG_OK);
    ck_assert_int_eq(veilig_query_add(q, VEILIG_FILTER_ACTIVE_ON, "soon"), VEILIG_EINVAL);
    LAST(VEILIG_EINVAL, "active_on \"soon\" is not a date");
    veilig_query_free(q);
    veilig_registry_free(reg);
}
END_TEST

/* Issue 15: every path takes what a document may hold and leaves it to
   validation: a municipality code that is not GM and four digits (V002, by
   veilig_registry_add and by the setter alike) and an unknown category (V013,
   through the JSON path; the typed builder takes enum values). */
static int vg_has_finding(const veilig_diagnostics *d, const char *rule, const char *pointer) {
    for (size_t i = 0; i < veilig_diagnostics_count(d); i++) {
        const veilig_diagnostic *x = veilig_diagnostics_get(d, i);
        if (strcmp(x->rule, rule) == 0 && strcmp(x->pointer, pointer) == 0)
            return 1;
    }
    return 0;
}

/* Building refuses at once (docs/format.md, "Building and loading"): the
   setters and the add functions, _add_json too, refuse a code that is not a
   CBS code or a vocabulary code this version does not know, say why, and
   leave everything as it was. */
START_TEST(test_building_refuses) {
    veilig_registry *reg = NULL;
    veilig_municipality *m = NULL, *n = NULL;
    veilig_measure *ms = NULL;
    veilig_error err;
    ck_assert_int_eq(veilig_registry_new(&reg), VEILIG_OK);

    ck_assert_int_eq(veilig_registry_add(&m, reg, "XX", "Iks"), VEILIG_EINVAL);
    ck_assert_ptr_null(m);
    ck_assert_ptr_nonnull(strstr(veilig_error_last()->message, "\"XX\" is not a CBS code"));
    static const char zz[] = "{\"code\": \"ZZ\", \"name\": \"Zet\"}";
    ck_assert_int_eq(veilig_registry_add_json(&n, reg, zz, sizeof zz - 1, 0, &err), VEILIG_EINVAL);
    ck_assert_ptr_null(n);
    ck_assert_str_eq(err.pointer, "/code");
    ck_assert_ptr_nonnull(strstr(err.message, "\"ZZ\" is not a CBS municipality code"));
    ck_assert_uint_eq(veilig_registry_count(reg), 0);

    ck_assert_int_eq(veilig_registry_add(&m, reg, "GM0001", "Een"), VEILIG_OK);
    ck_assert_int_eq(veilig_municipality_set_code(m, "YY"), VEILIG_EINVAL);
    ck_assert_ptr_nonnull(strstr(veilig_error_last()->message, "\"YY\""));
    ck_assert_str_eq(veilig_municipality_code(m), "GM0001");
    ck_assert_ptr_eq(veilig_registry_find(reg, "GM0001"), m);

    /* a typo: the field, the code and the code meant */
    static const char typo[] = "{\"id\": \"a\", \"name\": \"A\",\n \"category\": \"campaing\"}";
    ck_assert_int_eq(veilig_municipality_add_measure_json(&ms, m, typo, sizeof typo - 1, 0, &err),
                     VEILIG_EINVAL);
    ck_assert_ptr_null(ms);
    ck_assert_str_eq(err.pointer, "/category");
    ck_assert_int_eq(err.line, 2);
    ck_assert_str_eq(err.message,
                     "category: \"campaing\" is not a category code; did you mean \"campaign\"?");
    /* no code near: the known codes */
    static const char fly[] = "{\"id\": \"a\", \"name\": \"A\", \"category\": \"flying\"}";
    ck_assert_int_eq(veilig_municipality_add_measure_json(NULL, m, fly, sizeof fly - 1, 0, &err),
                     VEILIG_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.message, "\"flying\" is not a category code; known codes: "
                                              "deescalation, supervision,"));
    /* in a list, deeper down */
    static const char days[] = "{\"id\": \"b\", \"name\": \"B\", \"category\": \"campaign\", "
                               "\"schedule\": [{\"days\": [\"mon\", \"tues\"]}]}";
    ck_assert_int_eq(veilig_municipality_add_measure_json(NULL, m, days, sizeof days - 1, 0, &err),
                     VEILIG_EINVAL);
    ck_assert_str_eq(err.pointer, "/schedule/0/days/1");
    ck_assert_ptr_nonnull(strstr(err.message, "days: \"tues\" is not a day code"));
    ck_assert_uint_eq(veilig_municipality_measure_count(m), 0);
    veilig_registry_free(reg);
}
END_TEST

/* Loading accepts and reports: the same input, in a document or added as
   loaded (VEILIG_ADD_AS_LOADED), is kept and left to validation. */
START_TEST(test_loading_accepts) {
    static const char doc[] =
        "{\"format\": \"veilig\", \"version\": 1, \"municipalities\": [{\"code\": \"XX\", "
        "\"name\": \"Iks\", \"measures\": [{\"id\": \"a\", \"name\": \"A\", "
        "\"category\": \"flying\"}]}]}";
    veilig_registry *reg = NULL;
    veilig_municipality *n = NULL;
    veilig_error err;
    ck_assert_int_eq(veilig_registry_load_string(&reg, doc, sizeof doc - 1, NULL, &err), VEILIG_OK);
    static const char zz[] = "{\"code\": \"ZZ\", \"name\": \"Zet\"}";
    ck_assert_int_eq(
        veilig_registry_add_json(&n, reg, zz, sizeof zz - 1, VEILIG_ADD_AS_LOADED, &err),
        VEILIG_OK);
    veilig_diagnostics *d = NULL;
    ck_assert_int_eq(veilig_validate(&d, reg), VEILIG_OK);
    ck_assert(vg_has_finding(d, "V002", "/municipalities/0/code"));
    ck_assert(vg_has_finding(d, "V002", "/municipalities/1/code"));
    ck_assert(vg_has_finding(d, "V013", "/municipalities/0/measures/0/category"));
    veilig_diagnostics_free(d);
    veilig_registry_free(reg);
}
END_TEST

/* Each thread sees its own last error. */
typedef struct {
    veilig_registry *reg;
    const char *name; /* an empty name fails; another succeeds */
    char seen[VEILIG_ERROR_MESSAGE_LENGTH];
    int had;
} vg_thread_arg;

static void *vg_thread(void *p) {
    vg_thread_arg *a = p;
    for (int i = 0; i < 2000; i++) {
        veilig_error_clear();
        veilig_municipality *m = veilig_registry_get_mut(a->reg, 0);
        (void)veilig_municipality_set_province(m, a->name[0] ? "\xff" : NULL);
        const veilig_error *e = veilig_error_last();
        a->had = e != NULL;
        if (e)
            memcpy(a->seen, e->message, sizeof a->seen);
        if (a->had != (a->name[0] != 0))
            break;
    }
    return NULL;
}

START_TEST(test_threads) {
    veilig_registry *r1 = vg_fixture(), *r2 = vg_fixture();
    vg_thread_arg a = {r1, "x", "", 0}, b = {r2, "", "", 0};
    pthread_t ta, tb;
    ck_assert_int_eq(pthread_create(&ta, NULL, vg_thread, &a), 0);
    ck_assert_int_eq(pthread_create(&tb, NULL, vg_thread, &b), 0);
    pthread_join(ta, NULL);
    pthread_join(tb, NULL);
    ck_assert_int_eq(a.had, 1);
    ck_assert_ptr_nonnull(strstr(a.seen, "municipality province is not valid UTF-8"));
    ck_assert_int_eq(b.had, 0); /* b's successes never saw a's failures */
    veilig_registry_free(r1);
    veilig_registry_free(r2);
}
END_TEST

int main(void) {
    Suite *s = suite_create("error");
    TCase *tc = tcase_create("error_last");
    tcase_add_test(tc, test_clear);
    tcase_add_test(tc, test_setters);
    tcase_add_test(tc, test_analyses);
    tcase_add_test(tc, test_threads);
    tcase_add_test(tc, test_building_refuses);
    tcase_add_test(tc, test_loading_accepts);
    suite_add_tcase(s, tc);
    return vg_test_run(s);
}
