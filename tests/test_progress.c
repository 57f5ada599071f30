/*
 * Unit tests of the indicator progress analysis (veilig_progress*,
 * veilig_track_name, include/veilig/analysis.h). Every expected number is
 * worked out by hand in the comment next to it.
 *
 * Time on the line is in days since 1970-01-01, a partial date counting as
 * its first day: 2019 = 17897, 2020 = 18262, 2021 = 18628 (2020 is a leap
 * year: +366), 2022 = 18993 (+365), 2023 = 19358, 2024 = 19723, 2025 =
 * 20089 (2024 is a leap year). Below, x is counted from the baseline's date.
 *
 * The documents are written inline with single quotes for readability;
 * load() turns every ' into " before loading.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "veilig.h"
#include "testutil.h"

#define DOC(inds)                                                                                  \
    "{'format':'veilig','version':1,'municipalities':[{'code':'GM0001','name':'Teststad',"         \
    "'indicators':[" inds "]}]}"

/*
 * The indicators of most tests, in this order:
 * 0 "meldingen" increase, baseline 10 (2020), target 20 (2024); observations
 *   14 (2022) and 12 (2021), out of date order in the document.
 * 1 "onveilig" decrease, baseline 40 (2019), target 30 (2025); 35 (2021), 29 (2023).
 * 2 "trainingen" increase, baseline 0 (2020), target 25 (2023); 10 (2021), 20 (2022).
 * 3 "bereik" increase, no baseline, target 50 (2024); one observation 10 (2022).
 * 4 "tevreden" no target; baseline 5 (2020), 6 (2021), 7 (2022).
 * 5 "incidenten" no direction, baseline 10 (2020), target 5 (2022); 8 (2021).
 * 6 "gelijk" no direction, no baseline, target 7 (2024); 7 (2023).
 * 7 "anders" no direction, no baseline, target 7 (2024); 9 (2023).
 * 8 "dubbel" increase, target 100 (2030); 14 and 15 both on 2022, in that order.
 */
#define INDICATORS                                                                                 \
    "{'id':'meldingen','name':'Meldingen','unit':'count','direction':'increase',"                  \
    "'baseline':{'date':'2020','value':10},'target':{'date':'2024','value':20},"                   \
    "'observations':[{'date':'2022','value':14},{'date':'2021','value':12}]},"                     \
    "{'id':'onveilig','name':'Voelt zich onveilig','unit':'percent','direction':'decrease',"       \
    "'baseline':{'date':'2019','value':40},'target':{'date':'2025','value':30},"                   \
    "'observations':[{'date':'2021','value':35},{'date':'2023','value':29}]},"                     \
    "{'id':'trainingen','name':'Trainingen','unit':'count','direction':'increase',"                \
    "'baseline':{'date':'2020','value':0},'target':{'date':'2023','value':25},"                    \
    "'observations':[{'date':'2021','value':10},{'date':'2022','value':20}]},"                     \
    "{'id':'bereik','name':'Bereik','direction':'increase','target':{'date':'2024','value':50},"   \
    "'observations':[{'date':'2022','value':10}]},"                                                \
    "{'id':'tevreden','name':'Tevredenheid','unit':'score','direction':'increase',"                \
    "'baseline':{'date':'2020','value':5},"                                                        \
    "'observations':[{'date':'2021','value':6},{'date':'2022','value':7}]},"                       \
    "{'id':'incidenten','name':'Incidenten','baseline':{'date':'2020','value':10},"                \
    "'target':{'date':'2022','value':5},'observations':[{'date':'2021','value':8}]},"              \
    "{'id':'gelijk','name':'Gelijk','target':{'date':'2024','value':7},"                           \
    "'observations':[{'date':'2023','value':7}]},"                                                 \
    "{'id':'anders','name':'Anders','target':{'date':'2024','value':7},"                           \
    "'observations':[{'date':'2023','value':9}]},"                                                 \
    "{'id':'dubbel','name':'Dubbel','direction':'increase','target':{'date':'2030','value':100},"  \
    "'observations':[{'date':'2022','value':14},{'date':'2022','value':15}]}"

#define TOL 1e-9

/* What a test allocates; freed by the teardown, also after a failed assertion. */
static veilig_registry *reg;
static veilig_progress_result *prog;
static char *text;
static json_t *root;

static void teardown(void) {
    json_decref(root);
    root = NULL;
    veilig_free(text);
    text = NULL;
    veilig_progress_free(prog);
    prog = NULL;
    veilig_registry_free(reg);
    reg = NULL;
}

/* Loads a single-quoted document into reg; returns its first municipality. */
static const veilig_municipality *load(const char *squoted) {
    char *s = strdup(squoted);
    ck_assert_ptr_nonnull(s);
    for (char *p = s; *p; p++)
        if (*p == '\'')
            *p = '"';
    veilig_registry_free(reg);
    reg = NULL;
    veilig_error err;
    int rc = veilig_registry_load_string(&reg, s, strlen(s), NULL, &err);
    free(s);
    ck_assert_msg(rc == VEILIG_OK, "load: %s at %s", err.message, err.pointer);
    const veilig_municipality *m = veilig_registry_get(reg, 0);
    ck_assert_ptr_nonnull(m);
    return m;
}

/* Runs the analysis into prog (replacing the last one). */
static const veilig_progress_result *run(const veilig_municipality *m,
                                         const veilig_progress_options *opts) {
    veilig_progress_free(prog);
    prog = NULL;
    ck_assert_int_eq(veilig_progress(&prog, m, opts), VEILIG_OK);
    ck_assert_ptr_nonnull(prog);
    return prog;
}

static double fraction(const veilig_progress_result *p, size_t i) {
    double f = NAN;
    ck_assert_int_eq(veilig_progress_fraction(&f, p, i), VEILIG_OK);
    return f;
}

static double projection(const veilig_progress_result *p, size_t i) {
    double v = NAN;
    ck_assert_int_eq(veilig_progress_projection(&v, p, i), VEILIG_OK);
    return v;
}

static double latest(const veilig_progress_result *p, size_t i, int year) {
    double v = NAN;
    veilig_date d = {0, 0, 0};
    ck_assert_int_eq(veilig_progress_latest(&v, &d, p, i), VEILIG_OK);
    ck_assert_int_eq(d.year, year);
    return v;
}

/*
 * 0 "meldingen": sorted by date the observations are 12 (2021), 14 (2022):
 * latest 14 (2022). fraction = (14 - 10) / (20 - 10) = 0.4.
 * Line through (x, y) = (0, 10), (366, 12), (731, 14), target at x = 1461:
 *   mean x = 1097/3 = 365.667, mean y = 12
 *   Sxx = 365.667^2 + 0.333^2 + 365.333^2 = 267180.667
 *   Sxy = (-365.667)(-2) + 0.333 * 0 + 365.333 * 2 = 1462
 *   slope = 1462 / 267180.667 = 0.0054720 a day
 *   projection = 12 + 0.0054720 * (1461 - 365.667) = 17.9936 (~18)
 * 18 < 20: OFF_TRACK.
 */
START_TEST(test_off_track) {
    const veilig_progress_result *p = run(load(DOC(INDICATORS)), NULL);
    ck_assert_uint_eq(veilig_progress_count(p), 9);
    ck_assert_str_eq(veilig_indicator_id(veilig_progress_indicator(p, 0)), "meldingen");
    ck_assert_double_eq(latest(p, 0, 2022), 14.0);
    ck_assert_double_eq_tol(fraction(p, 0), 0.4, TOL);
    ck_assert_double_eq_tol(projection(p, 0), 17.993612312268, 1e-9);
    ck_assert_int_eq(veilig_progress_track(p, 0), VEILIG_TRACK_OFF_TRACK);
    /* the model keeps its order: 14 (2022) first */
    double v;
    ck_assert_int_eq(veilig_observation_value(
                         &v, veilig_indicator_observation(veilig_progress_indicator(p, 0), 0)),
                     VEILIG_OK);
    ck_assert_double_eq(v, 14.0);
}
END_TEST

/*
 * 1 "onveilig" (decrease): latest 29 (2023) <= target 30: ACHIEVED.
 * fraction = (29 - 40) / (30 - 40) = 1.1 (past the target).
 * 2 "trainingen" (increase): latest 20 < 25, not achieved. Line through
 * (0, 0), (366, 10), (731, 20): nearly 10 per 365.5 days, slope 0.027360 a
 * day; at 2023 (x = 1096) about 29.98 >= 25: ON_TRACK. fraction 20/25 = 0.8.
 */
START_TEST(test_achieved_and_on_track) {
    const veilig_progress_result *p = run(load(DOC(INDICATORS)), NULL);
    ck_assert_int_eq(veilig_progress_track(p, 1), VEILIG_TRACK_ACHIEVED);
    ck_assert_double_eq(latest(p, 1, 2023), 29.0);
    ck_assert_double_eq_tol(fraction(p, 1), 1.1, TOL);
    ck_assert_int_eq(veilig_progress_track(p, 2), VEILIG_TRACK_ON_TRACK);
    ck_assert_double_eq_tol(fraction(p, 2), 0.8, TOL);
    ck_assert_double_eq_tol(projection(p, 2), 29.981747681344, 1e-9);
}
END_TEST

/*
 * 3 "bereik": no baseline and one observation: one point, no line:
 * UNKNOWN, no projection, no fraction (no baseline); latest 10 (2022).
 * 4 "tevreden": no target: UNKNOWN, no fraction, no projection (no target
 * date either); latest 7.
 */
START_TEST(test_unknown) {
    const veilig_progress_result *p = run(load(DOC(INDICATORS)), NULL);
    double v;
    ck_assert_int_eq(veilig_progress_track(p, 3), VEILIG_TRACK_UNKNOWN);
    ck_assert_int_eq(veilig_progress_projection(&v, p, 3), VEILIG_ENOTFOUND);
    ck_assert_int_eq(veilig_progress_fraction(&v, p, 3), VEILIG_ENOTFOUND);
    ck_assert_double_eq(latest(p, 3, 2022), 10.0);
    ck_assert_int_eq(veilig_progress_track(p, 4), VEILIG_TRACK_UNKNOWN);
    ck_assert_int_eq(veilig_progress_fraction(&v, p, 4), VEILIG_ENOTFOUND);
    ck_assert_int_eq(veilig_progress_projection(&v, p, 4), VEILIG_ENOTFOUND);
    ck_assert_double_eq(latest(p, 4, 2022), 7.0);
}
END_TEST

/*
 * Without a direction:
 * 5 "incidenten": target 5 below baseline 10: read as decrease. Latest 8 >
 * 5: not achieved. Line through (0, 10), (366, 8): at 2022 (x = 731)
 * 10 - 2 * 731 / 366 = 6.005 > 5: OFF_TRACK. fraction (8 - 10) / (5 - 10) = 0.4.
 * 6 "gelijk": no baseline to infer from, latest 7 == target 7: ACHIEVED.
 * 7 "anders": no baseline, latest 9 != 7: UNKNOWN.
 */
START_TEST(test_no_direction) {
    const veilig_progress_result *p = run(load(DOC(INDICATORS)), NULL);
    ck_assert_int_eq(veilig_progress_track(p, 5), VEILIG_TRACK_OFF_TRACK);
    ck_assert_double_eq_tol(projection(p, 5), 10.0 - 2.0 * 731.0 / 366.0, TOL);
    ck_assert_double_eq_tol(fraction(p, 5), 0.4, TOL);
    ck_assert_int_eq(veilig_progress_track(p, 6), VEILIG_TRACK_ACHIEVED);
    ck_assert_int_eq(veilig_progress_track(p, 7), VEILIG_TRACK_UNKNOWN);
}
END_TEST

/*
 * 8 "dubbel": two observations on the same date: the later in the document
 * (15) is the latest. Two points on one date make no line: no projection,
 * UNKNOWN.
 */
START_TEST(test_ties) {
    const veilig_progress_result *p = run(load(DOC(INDICATORS)), NULL);
    double v;
    ck_assert_double_eq(latest(p, 8, 2022), 15.0);
    ck_assert_int_eq(veilig_progress_projection(&v, p, 8), VEILIG_ENOTFOUND);
    ck_assert_int_eq(veilig_progress_track(p, 8), VEILIG_TRACK_UNKNOWN);
}
END_TEST

/*
 * as_of 2021-06-01:
 * 0 "meldingen" keeps 12 (2021) only ("2022" is 2022-01-01, after it):
 *   latest 12, fraction (12 - 10) / 10 = 0.2; line through (0, 10),
 *   (366, 12): at x = 1461, 10 + 2 * 1461 / 366 = 17.98 < 20: OFF_TRACK.
 * 1 "onveilig" keeps 35 (2021): not yet <= 30; fraction (35 - 40) / (30 - 40)
 *   = 0.5 (positive: moving toward the target, though it decreases); line
 *   through (0, 40) at 2019 and (731, 35) at 2021: at 2025 (x = 2192)
 *   40 - 5 * 2192 / 731 = 25.007 <= 30: ON_TRACK.
 * as_of 2020-06: "meldingen" has no observation left: no latest, no
 *   fraction, only the baseline point: UNKNOWN.
 */
START_TEST(test_as_of) {
    const veilig_municipality *m = load(DOC(INDICATORS));
    veilig_progress_options o;
    ck_assert_int_eq(veilig_progress_options_init(&o, VEILIG_PROGRESS_OPTIONS_VERSION), VEILIG_OK);
    ck_assert_int_eq(veilig_date_parse(&o.as_of, "2021-06-01"), VEILIG_OK);
    const veilig_progress_result *p = run(m, &o);
    ck_assert_double_eq(latest(p, 0, 2021), 12.0);
    ck_assert_double_eq_tol(fraction(p, 0), 0.2, TOL);
    ck_assert_double_eq_tol(projection(p, 0), 10.0 + 2.0 * 1461.0 / 366.0, TOL);
    ck_assert_int_eq(veilig_progress_track(p, 0), VEILIG_TRACK_OFF_TRACK);
    ck_assert_double_eq(latest(p, 1, 2021), 35.0);
    ck_assert_double_eq_tol(fraction(p, 1), 0.5, TOL);
    ck_assert_double_eq_tol(projection(p, 1), 40.0 - 5.0 * 2192.0 / 731.0, TOL);
    ck_assert_int_eq(veilig_progress_track(p, 1), VEILIG_TRACK_ON_TRACK);

    ck_assert_int_eq(veilig_date_parse(&o.as_of, "2020-06"), VEILIG_OK);
    p = run(m, &o);
    double v;
    veilig_date d;
    ck_assert_int_eq(veilig_progress_latest(&v, &d, p, 0), VEILIG_ENOTFOUND);
    ck_assert_int_eq(veilig_progress_fraction(&v, p, 0), VEILIG_ENOTFOUND);
    ck_assert_int_eq(veilig_progress_projection(&v, p, 0), VEILIG_ENOTFOUND);
    ck_assert_int_eq(veilig_progress_track(p, 0), VEILIG_TRACK_UNKNOWN);

    /* a partial observation date counts as its first day: "2021" is on or before 2021-01-15 */
    ck_assert_int_eq(veilig_date_parse(&o.as_of, "2021-01-15"), VEILIG_OK);
    p = run(m, &o);
    ck_assert_double_eq(latest(p, 0, 2021), 12.0);
}
END_TEST

/* The JSON form. */
START_TEST(test_json) {
    const veilig_progress_result *p = run(load(DOC(INDICATORS)), NULL);
    size_t len = 0;
    ck_assert_int_eq(veilig_progress_to_json(&text, &len, p), VEILIG_OK);
    ck_assert_uint_eq(len, strlen(text));
    json_error_t jerr;
    root = json_loads(text, 0, &jerr);
    ck_assert_msg(root != NULL, "%s", jerr.text);
    ck_assert_str_eq(json_string_value(json_object_get(root, "code")), "GM0001");
    ck_assert_str_eq(json_string_value(json_object_get(root, "name")), "Teststad");
    json_t *inds = json_object_get(root, "indicators");
    ck_assert_uint_eq(json_array_size(inds), 9);

    json_t *a = json_array_get(inds, 0);
    ck_assert_str_eq(json_string_value(json_object_get(a, "id")), "meldingen");
    ck_assert_str_eq(json_string_value(json_object_get(a, "name")), "Meldingen");
    ck_assert_str_eq(json_string_value(json_object_get(a, "unit")), "count");
    ck_assert_str_eq(json_string_value(json_object_get(a, "direction")), "increase");
    json_t *base = json_object_get(a, "baseline");
    ck_assert_str_eq(json_string_value(json_object_get(base, "date")), "2020");
    ck_assert_double_eq(json_number_value(json_object_get(base, "value")), 10.0);
    json_t *target = json_object_get(a, "target");
    ck_assert_str_eq(json_string_value(json_object_get(target, "date")), "2024");
    ck_assert_double_eq(json_number_value(json_object_get(target, "value")), 20.0);
    json_t *lt = json_object_get(a, "latest");
    ck_assert_str_eq(json_string_value(json_object_get(lt, "date")), "2022");
    ck_assert_double_eq(json_number_value(json_object_get(lt, "value")), 14.0);
    ck_assert_double_eq_tol(json_number_value(json_object_get(a, "fraction")), 0.4, TOL);
    ck_assert_double_eq_tol(json_number_value(json_object_get(a, "projection")), 17.9936123, 1e-6);
    ck_assert_str_eq(json_string_value(json_object_get(a, "track")), "off_track");

    /* "bereik": no baseline, no fraction, no projection; unit absent */
    json_t *b = json_array_get(inds, 3);
    ck_assert(json_is_null(json_object_get(b, "baseline")));
    ck_assert(json_is_null(json_object_get(b, "fraction")));
    ck_assert(json_is_null(json_object_get(b, "projection")));
    ck_assert(json_is_null(json_object_get(b, "unit")));
    ck_assert_str_eq(json_string_value(json_object_get(b, "track")), "unknown");
    /* "tevreden": no target */
    ck_assert(json_is_null(json_object_get(json_array_get(inds, 4), "target")));
    /* "onveilig": achieved; "trainingen": on track */
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(inds, 1), "track")),
                     "achieved");
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(inds, 2), "track")),
                     "on_track");
    ck_assert(json_is_null(json_object_get(json_array_get(inds, 5), "direction")));
}
END_TEST

/* An indicator without observations renders "latest": null. */
START_TEST(test_json_no_observation) {
    const veilig_progress_result *p =
        run(load(DOC("{'id':'nieuw','name':'Nieuw','target':{'value':3}}")), NULL);
    ck_assert_int_eq(veilig_progress_track(p, 0), VEILIG_TRACK_UNKNOWN);
    ck_assert_int_eq(veilig_progress_to_json(&text, NULL, p), VEILIG_OK);
    root = json_loads(text, 0, NULL);
    ck_assert_ptr_nonnull(root);
    json_t *a = json_array_get(json_object_get(root, "indicators"), 0);
    ck_assert(json_is_null(json_object_get(a, "latest")));
    json_t *target = json_object_get(a, "target");
    ck_assert(json_is_null(json_object_get(target, "date")));
    ck_assert_double_eq(json_number_value(json_object_get(target, "value")), 3.0);
}
END_TEST

START_TEST(test_track_names) {
    ck_assert_str_eq(veilig_track_name(VEILIG_TRACK_UNKNOWN), "unknown");
    ck_assert_str_eq(veilig_track_name(VEILIG_TRACK_ACHIEVED), "achieved");
    ck_assert_str_eq(veilig_track_name(VEILIG_TRACK_ON_TRACK), "on_track");
    ck_assert_str_eq(veilig_track_name(VEILIG_TRACK_OFF_TRACK), "off_track");
    ck_assert_ptr_null(veilig_track_name((veilig_track)42));
}
END_TEST

START_TEST(test_arguments) {
    const veilig_municipality *m = load(DOC(INDICATORS));
    veilig_progress_result *p = (veilig_progress_result *)&p; /* not NULL: must be reset */
    ck_assert_int_eq(veilig_progress(&p, NULL, NULL), VEILIG_EINVAL);
    ck_assert_ptr_null(p);
    ck_assert_int_eq(veilig_progress(NULL, m, NULL), VEILIG_EINVAL);

    veilig_progress_options o;
    ck_assert_int_eq(veilig_progress_options_init(NULL, VEILIG_PROGRESS_OPTIONS_VERSION),
                     VEILIG_EINVAL);
    ck_assert_int_eq(veilig_progress_options_init(&o, 7), VEILIG_EVERSION);
    ck_assert_int_eq(veilig_progress_options_init(&o, VEILIG_PROGRESS_OPTIONS_VERSION), VEILIG_OK);
    ck_assert_uint_eq(o.version, VEILIG_PROGRESS_OPTIONS_VERSION);
    ck_assert_int_eq(o.as_of.year, 0);
    o.version = 2;
    ck_assert_int_eq(veilig_progress(&prog, m, &o), VEILIG_EVERSION);
    ck_assert_ptr_null(prog);
    o.version = VEILIG_PROGRESS_OPTIONS_VERSION;
    o.as_of.year = 2024;
    o.as_of.month = 2;
    o.as_of.day = 30; /* not a date */
    ck_assert_int_eq(veilig_progress(&prog, m, &o), VEILIG_EINVAL);
    ck_assert_ptr_null(prog);

    const veilig_progress_result *r = run(m, NULL);
    double v;
    veilig_date d;
    ck_assert_int_eq(veilig_progress_latest(&v, &d, r, 9), VEILIG_EINVAL);
    ck_assert_int_eq(veilig_progress_latest(&v, &d, NULL, 0), VEILIG_EINVAL);
    ck_assert_int_eq(veilig_progress_latest(NULL, NULL, r, 0), VEILIG_OK); /* both optional */
    ck_assert_int_eq(veilig_progress_fraction(NULL, r, 0), VEILIG_EINVAL);
    ck_assert_int_eq(veilig_progress_fraction(&v, r, 9), VEILIG_EINVAL);
    ck_assert_int_eq(veilig_progress_projection(NULL, r, 0), VEILIG_EINVAL);
    ck_assert_int_eq(veilig_progress_projection(&v, NULL, 0), VEILIG_EINVAL);
    ck_assert_int_eq(veilig_progress_track(r, 9), VEILIG_TRACK_UNKNOWN);
    ck_assert_int_eq(veilig_progress_track(NULL, 0), VEILIG_TRACK_UNKNOWN);
    ck_assert_ptr_null(veilig_progress_indicator(r, 9));
    ck_assert_ptr_null(veilig_progress_indicator(NULL, 0));
    ck_assert_uint_eq(veilig_progress_count(NULL), 0);
    char *t = (char *)&t;
    ck_assert_int_eq(veilig_progress_to_json(&t, NULL, NULL), VEILIG_EINVAL);
    ck_assert_ptr_null(t);
    ck_assert_int_eq(veilig_progress_to_json(NULL, NULL, r), VEILIG_EINVAL);
    veilig_progress_free(NULL);
}
END_TEST

/* The bundled dataset: Enschede has no indicators yet; every municipality runs. */
START_TEST(test_builtin) {
    veilig_error err;
    ck_assert_int_eq(veilig_registry_load_builtin(&reg, &err), VEILIG_OK);
    const veilig_municipality *m = veilig_registry_find(reg, "GM0153");
    ck_assert_ptr_nonnull(m);
    const veilig_progress_result *p = run(m, NULL);
    ck_assert_uint_eq(veilig_progress_count(p), veilig_municipality_indicator_count(m));
    ck_assert_int_eq(veilig_progress_to_json(&text, NULL, p), VEILIG_OK);
    root = json_loads(text, 0, NULL);
    ck_assert_ptr_nonnull(root);
    ck_assert_str_eq(json_string_value(json_object_get(root, "code")), "GM0153");
    ck_assert_uint_eq(json_array_size(json_object_get(root, "indicators")),
                      veilig_municipality_indicator_count(m));
    for (size_t i = 0; i < veilig_registry_count(reg); i++) {
        veilig_progress_result *r = NULL;
        ck_assert_int_eq(veilig_progress(&r, veilig_registry_get(reg, i), NULL), VEILIG_OK);
        veilig_progress_free(r);
    }
}
END_TEST

static Suite *progress_suite(void) {
    Suite *s = suite_create("progress");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, NULL, teardown);
    tcase_add_test(tc, test_off_track);
    tcase_add_test(tc, test_achieved_and_on_track);
    tcase_add_test(tc, test_unknown);
    tcase_add_test(tc, test_no_direction);
    tcase_add_test(tc, test_ties);
    tcase_add_test(tc, test_as_of);
    tcase_add_test(tc, test_json);
    tcase_add_test(tc, test_json_no_observation);
    tcase_add_test(tc, test_track_names);
    tcase_add_test(tc, test_arguments);
    tcase_add_test(tc, test_builtin);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    return vg_test_run(progress_suite());
}
