/*
 * Unit tests of the schedule analysis (veilig_schedule*, include/veilig/analysis.h):
 * the 168 hour slots of a week, by category, and the share of a window
 * that the measures cover. Every expected number is worked out by hand in
 * the comment next to it.
 *
 * The documents are written inline with single quotes for readability;
 * load() turns every ' into " before loading.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "veilig.h"
#include "testutil.h"

#define DOC(ms)        "{'format':'veilig','version':1,'municipalities':[" ms "]}"
#define TOWN(measures) "{'code':'GM0001','name':'Teststad','measures':[" measures "]}"

/* What a test allocates; freed by the teardown, also after a failed assertion. */
static veilig_registry *reg;
static veilig_schedule_result *sched;
static char *text;
static json_t *root;

static void teardown(void) {
    json_decref(root);
    root = NULL;
    veilig_free(text);
    text = NULL;
    veilig_schedule_free(sched);
    sched = NULL;
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

/* Runs the analysis into sched (replacing the last one). */
static const veilig_schedule_result *run(const veilig_municipality *m,
                                         const veilig_schedule_options *opts) {
    veilig_schedule_free(sched);
    sched = NULL;
    ck_assert_int_eq(veilig_schedule(&sched, m, opts), VEILIG_OK);
    ck_assert_ptr_nonnull(sched);
    return sched;
}

typedef struct slot {
    veilig_day day;
    int hour;
    unsigned count;
} slot;

/* Asserts that exactly the listed slots hold their counts and every other slot is 0. */
static void expect_slots(const veilig_schedule_result *s, const slot *want, size_t n) {
    unsigned grid[8][24];
    memset(grid, 0, sizeof grid);
    for (size_t i = 0; i < n; i++)
        grid[want[i].day][want[i].hour] = want[i].count;
    for (int d = VEILIG_DAY_MON; d <= VEILIG_DAY_SUN; d++)
        for (int h = 0; h < 24; h++)
            ck_assert_msg(veilig_schedule_slot(s, (veilig_day)d, h) == grid[d][h],
                          "day %d hour %d: %u, want %u", d, h,
                          veilig_schedule_slot(s, (veilig_day)d, h), grid[d][h]);
}

#define NSLOTS(a) (sizeof(a) / sizeof(a)[0])

/* ---- the default window ---- */

/*
 * One measure, Friday and Saturday 22:00-04:00. Friday's window runs past
 * midnight into Saturday 00:00-04:00, Saturday's into Sunday. So the slots
 * Fri 22, Fri 23, Sat 0-3, Sat 22, Sat 23, Sun 0-3 hold 1 (12 slots), all
 * others 0. The default window of the options is exactly this: 2 x (2 h +
 * 4 h) = 720 minutes, all covered: share 1.0.
 */
START_TEST(test_nightlife_window) {
    const veilig_municipality *m =
        load(DOC(TOWN("{'id':'pub','name':'PUB','category':'deescalation',"
                      "'schedule':[{'days':['fri','sat'],'from':'22:00','to':'04:00'}]}")));
    const veilig_schedule_result *s = run(m, NULL);
    static const slot want[] = {
        {VEILIG_DAY_FRI, 22, 1}, {VEILIG_DAY_FRI, 23, 1}, {VEILIG_DAY_SAT, 0, 1},
        {VEILIG_DAY_SAT, 1, 1},  {VEILIG_DAY_SAT, 2, 1},  {VEILIG_DAY_SAT, 3, 1},
        {VEILIG_DAY_SAT, 22, 1}, {VEILIG_DAY_SAT, 23, 1}, {VEILIG_DAY_SUN, 0, 1},
        {VEILIG_DAY_SUN, 1, 1},  {VEILIG_DAY_SUN, 2, 1},  {VEILIG_DAY_SUN, 3, 1}};
    expect_slots(s, want, NSLOTS(want));
    ck_assert_uint_eq(veilig_schedule_measure_count(s), 1);
    ck_assert_uint_eq(veilig_schedule_window_minutes(s), 720);
    ck_assert_uint_eq(veilig_schedule_covered_minutes(s), 720);
    ck_assert_double_eq(veilig_schedule_window_share(s), 1.0);
    /* by category: all of it is deescalation; nothing else */
    ck_assert_uint_eq(
        veilig_schedule_slot_category(s, VEILIG_DAY_SAT, 2, VEILIG_CATEGORY_DEESCALATION), 1);
    ck_assert_uint_eq(
        veilig_schedule_slot_category(s, VEILIG_DAY_SAT, 2, VEILIG_CATEGORY_SUPERVISION), 0);
    ck_assert_uint_eq(veilig_schedule_slot_category(s, VEILIG_DAY_SAT, 2, VEILIG_CATEGORY_OTHER),
                      0);
}
END_TEST

/*
 * 23:30-00:30 on Wednesday touches two slots: Wed 23 and Thu 0 (a slot
 * counts when any minute of it is covered). With the window Wednesday
 * 23:00-01:00 (120 minutes: Wed 23:00-24:00 and Thu 00:00-01:00) the
 * measure covers 23:30-00:30 = 60 minutes: share 60 / 120 = 0.5.
 */
START_TEST(test_half_hours_and_share) {
    const veilig_municipality *m =
        load(DOC(TOWN("{'id':'host','name':'Hosts','category':'supervision',"
                      "'schedule':[{'days':['wed'],'from':'23:30','to':'00:30'}]}")));
    const veilig_schedule_result *s = run(m, NULL);
    static const slot want[] = {{VEILIG_DAY_WED, 23, 1}, {VEILIG_DAY_THU, 0, 1}};
    expect_slots(s, want, NSLOTS(want));
    /* the default window (Fri/Sat nights) is not touched at all: 0 of 720 */
    ck_assert_uint_eq(veilig_schedule_window_minutes(s), 720);
    ck_assert_uint_eq(veilig_schedule_covered_minutes(s), 0);
    ck_assert_double_eq(veilig_schedule_window_share(s), 0.0);

    veilig_schedule_options o;
    ck_assert_int_eq(veilig_schedule_options_init(&o, VEILIG_SCHEDULE_OPTIONS_VERSION), VEILIG_OK);
    o.days = 1u << (VEILIG_DAY_WED - 1);
    o.from = 23 * 60;
    o.to = 60;
    s = run(m, &o);
    ck_assert_uint_eq(veilig_schedule_window_minutes(s), 120);
    ck_assert_uint_eq(veilig_schedule_covered_minutes(s), 60);
    ck_assert_double_eq(veilig_schedule_window_share(s), 0.5);
}
END_TEST

/*
 * Dayparts evening and night on Saturday: night is the early hours of that
 * same Saturday (00-06), evening 18-24. So Sat 0-5 and Sat 18-23 hold 1;
 * Fri 23 and Sun 0 hold 0. The default window: Fri 22:00-Sat 04:00 is
 * covered from Sat 00:00 on (240 of its 360 minutes), Sat 22:00-Sun 04:00
 * up to Sat 24:00 (120 of 360): 360 / 720 = 0.5.
 */
START_TEST(test_dayparts) {
    const veilig_municipality *m =
        load(DOC(TOWN("{'id':'walk','name':'Walk','category':'public_space',"
                      "'schedule':[{'days':['sat'],'dayparts':['evening','night']}]}")));
    const veilig_schedule_result *s = run(m, NULL);
    slot want[12];
    size_t n = 0;
    for (int h = 0; h < 6; h++) {
        slot a = {VEILIG_DAY_SAT, h, 1}, b = {VEILIG_DAY_SAT, 18 + h, 1};
        want[n++] = a;
        want[n++] = b;
    }
    expect_slots(s, want, n);
    ck_assert_uint_eq(veilig_schedule_covered_minutes(s), 360);
    ck_assert_double_eq(veilig_schedule_window_share(s), 0.5);
    ck_assert_uint_eq(
        veilig_schedule_slot_category(s, VEILIG_DAY_SAT, 19, VEILIG_CATEGORY_PUBLIC_SPACE), 1);
}
END_TEST

/*
 * A window without days runs every day: 12:00-13:00 gives hour 12 of all
 * seven days (hour 13 stays 0: to is the first minute not covered).
 */
START_TEST(test_every_day) {
    const veilig_municipality *m =
        load(DOC(TOWN("{'id':'cam','name':'Camera','category':'camera_surveillance',"
                      "'schedule':[{'from':'12:00','to':'13:00'}]}")));
    const veilig_schedule_result *s = run(m, NULL);
    slot want[7];
    for (int d = 0; d < 7; d++) {
        slot a = {(veilig_day)(d + 1), 12, 1};
        want[d] = a;
    }
    expect_slots(s, want, 7);
    ck_assert_uint_eq(veilig_schedule_covered_minutes(s), 0);
}
END_TEST

/*
 * A window with hours and dayparts is read by its hours (Monday 08:00-09:00:
 * Mon 8 only, not the evening). A window with neither covers no time (its
 * time is unknown) but its measure takes part: measure_count 2.
 */
START_TEST(test_hours_over_dayparts) {
    const veilig_municipality *m = load(DOC(TOWN(
        "{'id':'both','name':'Both','category':'education',"
        "'schedule':[{'days':['mon'],'from':'08:00','to':'09:00','dayparts':['evening']}]},"
        "{'id':'vague','name':'Vague','category':'education','schedule':[{'days':['tue']}]}")));
    const veilig_schedule_result *s = run(m, NULL);
    static const slot want[] = {{VEILIG_DAY_MON, 8, 1}};
    expect_slots(s, want, NSLOTS(want));
    ck_assert_uint_eq(veilig_schedule_measure_count(s), 2);
}
END_TEST

/*
 * Sunday 23:00-01:00 wraps into Monday: Sun 23 and Mon 0 hold 1; Sun 0 and
 * Mon 1 hold 0. A window to 24:00 ends at midnight and does not wrap:
 * Tuesday 22:00-24:00 gives Tue 22 and Tue 23 only.
 */
START_TEST(test_sunday_wraps) {
    const veilig_municipality *m =
        load(DOC(TOWN("{'id':'late','name':'Late','category':'nightlife',"
                      "'schedule':[{'days':['sun'],'from':'23:00','to':'01:00'},"
                      "{'days':['tue'],'from':'22:00','to':'24:00'}]}")));
    const veilig_schedule_result *s = run(m, NULL);
    static const slot want[] = {{VEILIG_DAY_SUN, 23, 1},
                                {VEILIG_DAY_MON, 0, 1},
                                {VEILIG_DAY_TUE, 22, 1},
                                {VEILIG_DAY_TUE, 23, 1}};
    expect_slots(s, want, NSLOTS(want));
    /* one measure with two windows */
    ck_assert_uint_eq(veilig_schedule_measure_count(s), 1);
}
END_TEST

/*
 * Only active measures take part: an ended or planned measure is ignored,
 * and so is a measure without a schedule (it does not count in
 * measure_count either). The active measure runs Monday 10:00-11:00.
 */
START_TEST(test_inactive_ignored) {
    const veilig_municipality *m =
        load(DOC(TOWN("{'id':'old','name':'Old','category':'supervision','status':'ended',"
                      "'schedule':[{'days':['mon'],'from':'10:00','to':'11:00'}]},"
                      "{'id':'new','name':'New','category':'supervision','status':'planned',"
                      "'schedule':[{'days':['mon'],'from':'10:00','to':'11:00'}]},"
                      "{'id':'now','name':'Now','category':'campaign','status':'active',"
                      "'schedule':[{'days':['tue'],'from':'10:00','to':'11:00'}]},"
                      "{'id':'none','name':'No schedule','category':'campaign'}")));
    const veilig_schedule_result *s = run(m, NULL);
    static const slot want[] = {{VEILIG_DAY_TUE, 10, 1}};
    expect_slots(s, want, NSLOTS(want));
    ck_assert_uint_eq(veilig_schedule_measure_count(s), 1);
}
END_TEST

/*
 * active_on: a measure whose period ended on 2022-12-31 (status active)
 * runs Tuesday 10:00-12:00. Without a reference date it takes part (Tue 10
 * and Tue 11 hold 1); on 2022-06-01 too; on 2024-01-01 it does not (all
 * slots 0, measure_count 0).
 */
START_TEST(test_active_on) {
    const veilig_municipality *m =
        load(DOC(TOWN("{'id':'pilot','name':'Pilot','category':'bystander','status':'active',"
                      "'period':{'start':'2021','end':'2022-12-31'},"
                      "'schedule':[{'days':['tue'],'from':'10:00','to':'12:00'}]}")));
    static const slot want[] = {{VEILIG_DAY_TUE, 10, 1}, {VEILIG_DAY_TUE, 11, 1}};
    expect_slots(run(m, NULL), want, NSLOTS(want));

    veilig_schedule_options o = VEILIG_SCHEDULE_OPTIONS_INIT;
    o.active_on.year = 2022;
    o.active_on.month = 6;
    o.active_on.day = 1;
    expect_slots(run(m, &o), want, NSLOTS(want));
    ck_assert_uint_eq(veilig_schedule_measure_count(sched), 1);

    o.active_on.year = 2024;
    o.active_on.month = 1;
    expect_slots(run(m, &o), NULL, 0);
    ck_assert_uint_eq(veilig_schedule_measure_count(sched), 0);
}
END_TEST

/*
 * By category, and a measure counted once per slot:
 * - "toezicht" (supervision) has two windows on Monday, 10:00-10:30 and
 *   10:15-11:00: both touch hour 10, which counts it once; 11:00 is not
 *   covered (to is exclusive), so hour 11 has nothing of it.
 * - "camera" (camera_surveillance) runs Monday 10:00-12:00: hours 10, 11.
 * - "kunst" has a category this library does not know (counts under 0,
 *   "other") and runs Monday 11:00-11:30, with an unknown day code next to
 *   "mon" that is ignored.
 * - "vaag" (supervision) lists only an unknown day code: it runs on no day
 *   but, having a window, still takes part (measure_count).
 * Mon 10: toezicht + camera = 2; Mon 11: camera + kunst = 2.
 */
START_TEST(test_by_category) {
    const veilig_municipality *m =
        load(DOC(TOWN("{'id':'toezicht','name':'Toezicht','category':'supervision','schedule':["
                      "{'days':['mon'],'from':'10:00','to':'10:30'},{'days':['mon'],'from':'10:15',"
                      "'to':'11:00'}]},"
                      "{'id':'camera','name':'Camera','category':'camera_surveillance',"
                      "'schedule':[{'days':['mon'],'from':'10:00','to':'12:00'}]},"
                      "{'id':'kunst','name':'Kunst','category':'street_art',"
                      "'schedule':[{'days':['mon','someday'],'from':'11:00','to':'11:30'}]},"
                      "{'id':'vaag','name':'Vaag','category':'supervision',"
                      "'schedule':[{'days':['someday'],'from':'11:00','to':'11:30'}]}")));
    const veilig_schedule_result *s = run(m, NULL);
    static const slot want[] = {{VEILIG_DAY_MON, 10, 2}, {VEILIG_DAY_MON, 11, 2}};
    expect_slots(s, want, NSLOTS(want));
    ck_assert_uint_eq(veilig_schedule_measure_count(s), 4);
    ck_assert_uint_eq(
        veilig_schedule_slot_category(s, VEILIG_DAY_MON, 10, VEILIG_CATEGORY_SUPERVISION), 1);
    ck_assert_uint_eq(
        veilig_schedule_slot_category(s, VEILIG_DAY_MON, 11, VEILIG_CATEGORY_SUPERVISION), 0);
    ck_assert_uint_eq(
        veilig_schedule_slot_category(s, VEILIG_DAY_MON, 10, VEILIG_CATEGORY_CAMERA_SURVEILLANCE),
        1);
    ck_assert_uint_eq(
        veilig_schedule_slot_category(s, VEILIG_DAY_MON, 11, VEILIG_CATEGORY_CAMERA_SURVEILLANCE),
        1);
    ck_assert_uint_eq(veilig_schedule_slot_category(s, VEILIG_DAY_MON, 10, VEILIG_CATEGORY_OTHER),
                      0);
    ck_assert_uint_eq(veilig_schedule_slot_category(s, VEILIG_DAY_MON, 11, VEILIG_CATEGORY_OTHER),
                      1);
    ck_assert_uint_eq(
        veilig_schedule_slot_category(s, VEILIG_DAY_MON, 11, VEILIG_CATEGORY_DEESCALATION), 0);

    /* JSON: by_category holds exactly the categories of the measures that took part */
    size_t len = 0;
    ck_assert_int_eq(veilig_schedule_to_json(&text, &len, s), VEILIG_OK);
    ck_assert_uint_eq(len, strlen(text));
    root = json_loads(text, 0, NULL);
    ck_assert_ptr_nonnull(root);
    json_t *bc = json_object_get(root, "by_category");
    ck_assert_uint_eq(json_object_size(bc), 3);
    json_t *sup = json_object_get(bc, "supervision");
    ck_assert_int_eq(json_integer_value(json_array_get(json_array_get(sup, 0), 10)), 1);
    ck_assert_int_eq(json_integer_value(json_array_get(json_array_get(sup, 0), 11)), 0);
    json_t *other = json_object_get(bc, "other");
    ck_assert_int_eq(json_integer_value(json_array_get(json_array_get(other, 0), 11)), 1);
    ck_assert_ptr_nonnull(json_object_get(bc, "camera_surveillance"));
    ck_assert_int_eq(json_integer_value(json_object_get(root, "measures")), 4);
}
END_TEST

/*
 * The worked example of docs/analysis.md: the PUB team (Fri and Sat
 * 22:00-04:00) and a safety walk (Saturday evening and night). Saturday 1:00
 * holds 2, Saturday 5:00 1 (walk), Saturday 23:00 2, Sunday 2:00 1 (team),
 * Monday 10:00 0; the default window is all covered (share 1.0) by the team.
 */
START_TEST(test_doc_example) {
    const veilig_municipality *m =
        load(DOC(TOWN("{'id':'pub','name':'PUB team','category':'deescalation',"
                      "'schedule':[{'days':['fri','sat'],'from':'22:00','to':'04:00'}]},"
                      "{'id':'walk','name':'Safety walk','category':'public_space',"
                      "'schedule':[{'days':['sat'],'dayparts':['evening','night']}]}")));
    const veilig_schedule_result *s = run(m, NULL);
    ck_assert_uint_eq(veilig_schedule_slot(s, VEILIG_DAY_SAT, 1), 2);
    ck_assert_uint_eq(veilig_schedule_slot(s, VEILIG_DAY_SAT, 5), 1);
    ck_assert_uint_eq(veilig_schedule_slot(s, VEILIG_DAY_SAT, 23), 2);
    ck_assert_uint_eq(veilig_schedule_slot(s, VEILIG_DAY_SUN, 2), 1);
    ck_assert_uint_eq(veilig_schedule_slot(s, VEILIG_DAY_MON, 10), 0);
    ck_assert_uint_eq(
        veilig_schedule_slot_category(s, VEILIG_DAY_SAT, 1, VEILIG_CATEGORY_DEESCALATION), 1);
    ck_assert_uint_eq(
        veilig_schedule_slot_category(s, VEILIG_DAY_SAT, 1, VEILIG_CATEGORY_PUBLIC_SPACE), 1);
    ck_assert_uint_eq(veilig_schedule_measure_count(s), 2);
    ck_assert_double_eq(veilig_schedule_window_share(s), 1.0);
}
END_TEST

/* The JSON form of the first example (Friday and Saturday 22:00-04:00). */
START_TEST(test_json) {
    const veilig_municipality *m =
        load(DOC(TOWN("{'id':'pub','name':'PUB','category':'deescalation',"
                      "'schedule':[{'days':['fri','sat'],'from':'22:00','to':'04:00'}]}")));
    const veilig_schedule_result *s = run(m, NULL);
    ck_assert_int_eq(veilig_schedule_to_json(&text, NULL, s), VEILIG_OK);
    json_error_t jerr;
    root = json_loads(text, 0, &jerr);
    ck_assert_msg(root != NULL, "%s", jerr.text);
    ck_assert_str_eq(json_string_value(json_object_get(root, "code")), "GM0001");
    ck_assert_str_eq(json_string_value(json_object_get(root, "name")), "Teststad");
    json_t *w = json_object_get(root, "window");
    json_t *days = json_object_get(w, "days");
    ck_assert_uint_eq(json_array_size(days), 2);
    ck_assert_str_eq(json_string_value(json_array_get(days, 0)), "fri");
    ck_assert_str_eq(json_string_value(json_array_get(days, 1)), "sat");
    ck_assert_str_eq(json_string_value(json_object_get(w, "from")), "22:00");
    ck_assert_str_eq(json_string_value(json_object_get(w, "to")), "04:00");
    ck_assert_int_eq(json_integer_value(json_object_get(w, "minutes")), 720);
    ck_assert_int_eq(json_integer_value(json_object_get(w, "covered_minutes")), 720);
    ck_assert_double_eq(json_number_value(json_object_get(w, "share")), 1.0);
    ck_assert_int_eq(json_integer_value(json_object_get(root, "measures")), 1);
    json_t *slots = json_object_get(root, "slots");
    ck_assert_uint_eq(json_array_size(slots), 7);
    int total = 0;
    for (size_t d = 0; d < 7; d++) {
        json_t *day = json_array_get(slots, d);
        ck_assert_uint_eq(json_array_size(day), 24);
        for (size_t h = 0; h < 24; h++)
            total += (int)json_integer_value(json_array_get(day, h));
    }
    ck_assert_int_eq(total, 12); /* the 12 slots of test_nightlife_window */
    /* Friday (index 4) 22:00 and Sunday (index 6) 03:00 */
    ck_assert_int_eq(json_integer_value(json_array_get(json_array_get(slots, 4), 22)), 1);
    ck_assert_int_eq(json_integer_value(json_array_get(json_array_get(slots, 6), 3)), 1);
    json_t *bc = json_object_get(root, "by_category");
    ck_assert_uint_eq(json_object_size(bc), 1);
    ck_assert_ptr_nonnull(json_object_get(bc, "deescalation"));

    /* a window to 24:00 renders as "24:00" */
    veilig_schedule_options o = VEILIG_SCHEDULE_OPTIONS_INIT;
    o.days = 1u << (VEILIG_DAY_SUN - 1);
    o.from = 20 * 60;
    o.to = 1440;
    s = run(m, &o);
    /* Sunday 20:00-24:00 = 240 minutes, of which the measure covers none
       (its Sunday ends at 04:00) */
    ck_assert_uint_eq(veilig_schedule_window_minutes(s), 240);
    ck_assert_uint_eq(veilig_schedule_covered_minutes(s), 0);
    veilig_free(text);
    text = NULL;
    ck_assert_int_eq(veilig_schedule_to_json(&text, NULL, s), VEILIG_OK);
    ck_assert_ptr_nonnull(strstr(text, "\"to\": \"24:00\""));
    ck_assert_ptr_nonnull(strstr(text, "\"days\": [\n      \"sun\"\n    ]"));
}
END_TEST

/* A municipality without measures: all zero, share 0, empty by_category. */
START_TEST(test_empty) {
    const veilig_municipality *m = load(DOC("{'code':'GM0002','name':'Leeg'}"));
    const veilig_schedule_result *s = run(m, NULL);
    expect_slots(s, NULL, 0);
    ck_assert_uint_eq(veilig_schedule_measure_count(s), 0);
    ck_assert_uint_eq(veilig_schedule_window_minutes(s), 720);
    ck_assert_double_eq(veilig_schedule_window_share(s), 0.0);
    ck_assert_int_eq(veilig_schedule_to_json(&text, NULL, s), VEILIG_OK);
    ck_assert_ptr_nonnull(strstr(text, "\"by_category\": {}"));
}
END_TEST

/* ---- arguments ---- */

START_TEST(test_arguments) {
    const veilig_municipality *m =
        load(DOC(TOWN("{'id':'pub','name':'PUB','category':'deescalation',"
                      "'schedule':[{'days':['fri'],'from':'22:00','to':'04:00'}]}")));
    veilig_schedule_result *s = (veilig_schedule_result *)&s; /* not NULL: must be reset */
    ck_assert_int_eq(veilig_schedule(&s, NULL, NULL), VEILIG_EINVAL);
    ck_assert_ptr_null(s);
    ck_assert_int_eq(veilig_schedule(NULL, m, NULL), VEILIG_EINVAL);

    veilig_schedule_options o;
    ck_assert_int_eq(veilig_schedule_options_init(NULL, VEILIG_SCHEDULE_OPTIONS_VERSION),
                     VEILIG_EINVAL);
    ck_assert_int_eq(veilig_schedule_options_init(&o, 99), VEILIG_EVERSION);
    ck_assert_int_eq(veilig_schedule_options_init(&o, VEILIG_SCHEDULE_OPTIONS_VERSION), VEILIG_OK);
    ck_assert_uint_eq(o.version, VEILIG_SCHEDULE_OPTIONS_VERSION);
    ck_assert_uint_eq(o.days, 0);
    ck_assert_int_eq(o.from, 0);
    ck_assert_int_eq(o.to, 0);
    ck_assert_int_eq(o.active_on.year, 0);

    static const struct {
        unsigned version, days;
        int from, to;
        int rc;
    } cases[] = {
        {99, 0, 0, 0, VEILIG_EVERSION},
        {VEILIG_SCHEDULE_OPTIONS_VERSION, 0, -1, 60, VEILIG_EINVAL},
        {VEILIG_SCHEDULE_OPTIONS_VERSION, 0, 1440, 60, VEILIG_EINVAL}, /* from at most 23:59 */
        {VEILIG_SCHEDULE_OPTIONS_VERSION, 0, 60, 1441, VEILIG_EINVAL},
        {VEILIG_SCHEDULE_OPTIONS_VERSION, 0, 60, -5, VEILIG_EINVAL},
        {VEILIG_SCHEDULE_OPTIONS_VERSION, 0, 600, 600, VEILIG_EINVAL}, /* empty window */
        {VEILIG_SCHEDULE_OPTIONS_VERSION, 0x80, 0, 0, VEILIG_EINVAL},  /* no 8th day */
        {VEILIG_SCHEDULE_OPTIONS_VERSION, 0x7f, 0, 1440, VEILIG_OK},   /* the whole week */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        veilig_schedule_options c = VEILIG_SCHEDULE_OPTIONS_INIT;
        c.version = cases[i].version;
        c.days = cases[i].days;
        c.from = cases[i].from;
        c.to = cases[i].to;
        veilig_schedule_free(sched);
        sched = NULL;
        ck_assert_msg(veilig_schedule(&sched, m, &c) == cases[i].rc, "case %zu", i);
        if (cases[i].rc != VEILIG_OK)
            ck_assert_ptr_null(sched);
    }
    /* the whole week: 7 x 1440 minutes; the measure covers Fri 22:00-Sat 04:00 = 360 */
    ck_assert_uint_eq(veilig_schedule_window_minutes(sched), 7 * 1440);
    ck_assert_uint_eq(veilig_schedule_covered_minutes(sched), 360);

    /* an invalid reference date */
    o.active_on.year = 2024;
    o.active_on.month = 13;
    veilig_schedule_free(sched);
    sched = NULL;
    ck_assert_int_eq(veilig_schedule(&sched, m, &o), VEILIG_EINVAL);

    /* accessors: bad day or hour, bad category, NULL result */
    s = (veilig_schedule_result *)run(m, NULL);
    ck_assert_uint_eq(veilig_schedule_slot(s, VEILIG_DAY_FRI, 22), 1);
    ck_assert_uint_eq(veilig_schedule_slot(s, (veilig_day)0, 22), 0);
    ck_assert_uint_eq(veilig_schedule_slot(s, (veilig_day)8, 22), 0);
    ck_assert_uint_eq(veilig_schedule_slot(s, VEILIG_DAY_FRI, -1), 0);
    ck_assert_uint_eq(veilig_schedule_slot(s, VEILIG_DAY_FRI, 24), 0);
    ck_assert_uint_eq(veilig_schedule_slot_category(s, VEILIG_DAY_FRI, 22, (veilig_category)99), 0);
    ck_assert_uint_eq(veilig_schedule_slot_category(s, VEILIG_DAY_FRI, 22, (veilig_category)-1), 0);
    ck_assert_uint_eq(veilig_schedule_slot(NULL, VEILIG_DAY_FRI, 22), 0);
    ck_assert_uint_eq(
        veilig_schedule_slot_category(NULL, VEILIG_DAY_FRI, 22, VEILIG_CATEGORY_DEESCALATION), 0);
    ck_assert_double_eq(veilig_schedule_window_share(NULL), 0.0);
    ck_assert_uint_eq(veilig_schedule_window_minutes(NULL), 0);
    ck_assert_uint_eq(veilig_schedule_covered_minutes(NULL), 0);
    ck_assert_uint_eq(veilig_schedule_measure_count(NULL), 0);
    char *t = (char *)&t;
    ck_assert_int_eq(veilig_schedule_to_json(&t, NULL, NULL), VEILIG_EINVAL);
    ck_assert_ptr_null(t);
    ck_assert_int_eq(veilig_schedule_to_json(NULL, NULL, s), VEILIG_EINVAL);
    veilig_schedule_free(NULL);
}
END_TEST

/* ---- the bundled dataset ---- */

/*
 * Enschede (GM0153): the PUB-ploeg runs Friday and Saturday 18:00-06:00,
 * that is Fri 18-24 + Sat 00-06 and Sat 18-24 + Sun 00-06. That holds the
 * whole default window (22:00-04:00 both nights): share 1.0. Monday 10:00
 * has nothing; Friday 18:00 and Sunday 05:00 have the PUB-ploeg; Saturday
 * 06:00 and Sunday 06:00 do not. No other measure of Enschede has a schedule.
 */
START_TEST(test_builtin_enschede) {
    veilig_error err;
    ck_assert_int_eq(veilig_registry_load_builtin(&reg, &err), VEILIG_OK);
    const veilig_municipality *m = veilig_registry_find(reg, "GM0153");
    ck_assert_ptr_nonnull(m);
    const veilig_schedule_result *s = run(m, NULL);
    ck_assert_double_eq(veilig_schedule_window_share(s), 1.0);
    ck_assert_uint_eq(veilig_schedule_covered_minutes(s), 720);
    ck_assert_uint_eq(veilig_schedule_slot(s, VEILIG_DAY_MON, 10), 0);
    ck_assert_uint_eq(veilig_schedule_slot(s, VEILIG_DAY_FRI, 17), 0);
    ck_assert_uint_eq(veilig_schedule_slot(s, VEILIG_DAY_FRI, 18), 1);
    ck_assert_uint_eq(veilig_schedule_slot(s, VEILIG_DAY_SAT, 5), 1);
    ck_assert_uint_eq(veilig_schedule_slot(s, VEILIG_DAY_SAT, 6), 0);
    ck_assert_uint_eq(veilig_schedule_slot(s, VEILIG_DAY_SUN, 5), 1);
    ck_assert_uint_eq(veilig_schedule_slot(s, VEILIG_DAY_SUN, 6), 0);
    ck_assert_uint_eq(
        veilig_schedule_slot_category(s, VEILIG_DAY_SAT, 23, VEILIG_CATEGORY_DEESCALATION), 1);
    ck_assert_uint_eq(veilig_schedule_measure_count(s), 1);
    /* 4 x 6 hours = 24 slots */
    unsigned total = 0;
    for (int d = VEILIG_DAY_MON; d <= VEILIG_DAY_SUN; d++)
        for (int h = 0; h < 24; h++)
            total += veilig_schedule_slot(s, (veilig_day)d, h);
    ck_assert_uint_eq(total, 24);
    ck_assert_int_eq(veilig_schedule_to_json(&text, NULL, s), VEILIG_OK);
    root = json_loads(text, 0, NULL);
    ck_assert_ptr_nonnull(root);
    ck_assert_str_eq(json_string_value(json_object_get(root, "code")), "GM0153");

    /* every municipality of the dataset runs without error */
    for (size_t i = 0; i < veilig_registry_count(reg); i++) {
        veilig_schedule_result *r = NULL;
        ck_assert_int_eq(veilig_schedule(&r, veilig_registry_get(reg, i), NULL), VEILIG_OK);
        veilig_schedule_free(r);
    }
}
END_TEST

static Suite *schedule_suite(void) {
    Suite *s = suite_create("schedule");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, NULL, teardown);
    tcase_add_test(tc, test_nightlife_window);
    tcase_add_test(tc, test_half_hours_and_share);
    tcase_add_test(tc, test_dayparts);
    tcase_add_test(tc, test_every_day);
    tcase_add_test(tc, test_hours_over_dayparts);
    tcase_add_test(tc, test_sunday_wraps);
    tcase_add_test(tc, test_inactive_ignored);
    tcase_add_test(tc, test_active_on);
    tcase_add_test(tc, test_by_category);
    tcase_add_test(tc, test_doc_example);
    tcase_add_test(tc, test_json);
    tcase_add_test(tc, test_empty);
    tcase_add_test(tc, test_arguments);
    tcase_add_test(tc, test_builtin_enschede);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    return vg_test_run(schedule_suite());
}
