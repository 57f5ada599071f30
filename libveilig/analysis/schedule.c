/*
 * libveilig: schedule coverage: the schedules of a municipality's active
 * measures laid over the 168 hours of a week.
 *
 * Semantics (docs/analysis.md, "Schedule coverage", says the same in plain
 * words):
 *
 * - Measures: only active ones (veilig_measure_is_active, with
 *   opts->active_on as reference date when its year is not 0). A measure
 *   takes part (veilig_schedule_measure_count) when it has at least one
 *   schedule window.
 * - The days of a window are its known day codes (Monday 1 .. Sunday 7);
 *   unknown day codes are ignored. A window that lists no day at all runs
 *   every day; a window that lists only unknown day codes runs on no day.
 * - The times of a window on each of its days: [from, to) in minutes when it
 *   has hours; otherwise the union of its known dayparts (morning 06-12,
 *   afternoon 12-18, evening 18-24, night 00-06; night is the early hours of
 *   that same day, so {"days":["sat"],"dayparts":["night"]} is Saturday
 *   00:00-06:00). A window whose to is before its from runs past midnight
 *   into the next day (Sunday into Monday); to == 1440 ("24:00") is midnight
 *   at the end of the day; from == to covers nothing (validation warns about
 *   it). A window with neither hours nor known dayparts covers no time: its
 *   time is unknown, so it claims nothing (the measure still takes part).
 * - Everything works by the minute on a week of 7 * 1440 minutes. A slot
 *   (day, hour) counts a measure once when any of its windows covers any
 *   minute of that hour: two windows of one measure over the same hour count
 *   once. By category: the same count per category of the measure (its
 *   known value; 0 for an absent or unknown category).
 * - The window of the options: every day of opts->days (bit d-1 for day d;
 *   0: Friday and Saturday), from opts->from to opts->to on that day, past
 *   midnight when to < from (from == to == 0: 22:00 to 04:00). Its minutes
 *   are the minutes it holds (the default: 2 x 6 hours = 720); covered
 *   minutes are those of them at least one measure covers; share is covered
 *   / minutes.
 *
 * Cost: linear in the number of measures and windows, plus a fixed pass
 * over the 10080 minutes of the week (a difference array, not a bitmap per
 * measure).
 */
#include <string.h>

#include "analysis_internal.h"

#define VG_DAYS         7
#define VG_DAY_MINUTES  1440
#define VG_WEEK_MINUTES (VG_DAYS * VG_DAY_MINUTES)
#define VG_SLOTS        (VG_DAYS * 24)
#define VG_NCAT         ((int)VEILIG_CATEGORY_RESEARCH + 1) /* [0]: absent or unknown category */

/* The default window of the options: Friday and Saturday, 22:00-04:00. */
#define VG_DEFAULT_DAYS ((1u << (VEILIG_DAY_FRI - 1)) | (1u << (VEILIG_DAY_SAT - 1)))
#define VG_DEFAULT_FROM (22 * 60)
#define VG_DEFAULT_TO   (4 * 60)

struct veilig_schedule_result {
    const veilig_municipality *m;
    unsigned days;            /* the window of the options, defaults applied */
    int from, to;             /* minutes */
    unsigned slots[VG_SLOTS]; /* day * 24 + hour, day from 0 (Monday) */
    unsigned by_cat[VG_NCAT][VG_SLOTS];
    unsigned char cat_present[VG_NCAT]; /* a measure of the category took part */
    unsigned window_minutes, covered_minutes;
    size_t measure_count;
};

/* A span of minutes of the week, [a, b), 0 <= a < b <= VG_WEEK_MINUTES. */
typedef struct vg_span {
    int a, b;
} vg_span;

/* The most spans one window gives: 7 days x 4 dayparts (hours give at most 2 a day). */
#define VG_MAX_SPANS (VG_DAYS * 4)

int veilig_schedule_options_init(veilig_schedule_options *opts, unsigned version) {
    if (!opts)
        return VEILIG_EINVAL;
    if (version != VEILIG_SCHEDULE_OPTIONS_VERSION)
        return vg_fail_version("schedule options", version, VEILIG_SCHEDULE_OPTIONS_VERSION);
    memset(opts, 0, sizeof *opts);
    opts->version = version;
    return VEILIG_OK;
}

void veilig_schedule_free(veilig_schedule_result *s) {
    vg_free(s);
}

/*
 * Appends the spans of [from, to) on day d (0 = Monday) to sp: one span, or
 * two when the window runs past midnight (Sunday's into Monday's).
 */
static size_t vg_day_spans(vg_span *sp, size_t n, int d, int from, int to) {
    int base = d * VG_DAY_MINUTES;
    if (from < to) {
        sp[n].a = base + from;
        sp[n++].b = base + to;
    } else if (to < from) {
        sp[n].a = base + from;
        sp[n++].b = base + VG_DAY_MINUTES;
        if (to > 0) {
            int next = ((d + 1) % VG_DAYS) * VG_DAY_MINUTES;
            sp[n].a = next;
            sp[n++].b = next + to;
        }
    }
    return n; /* from == to: nothing */
}

/* The spans of the week a window covers; returns their number (at most VG_MAX_SPANS). */
static size_t vg_window_spans(vg_span *sp, const veilig_window *w) {
    static const int part_from[] = {0, 6 * 60, 12 * 60, 18 * 60, 0};
    static const int part_to[] = {0, 12 * 60, 18 * 60, 24 * 60, 6 * 60};
    unsigned days = 0, parts = 0;
    if (w->days.n == 0) {
        days = (1u << VG_DAYS) - 1;
    } else {
        for (uint32_t i = 0; i < w->days.n; i++) {
            int d = VG_KNOWN(w->days.v[i]);
            if (d >= 1 && d <= VG_DAYS)
                days |= 1u << (d - 1);
        }
    }
    int hours = w->from >= 0 && w->to >= 0;
    if (!hours)
        for (uint32_t i = 0; i < w->dayparts.n; i++) {
            int p = VG_KNOWN(w->dayparts.v[i]);
            if (p >= VEILIG_DAYPART_MORNING && p <= VEILIG_DAYPART_NIGHT)
                parts |= 1u << p;
        }
    size_t n = 0;
    for (int d = 0; d < VG_DAYS; d++) {
        if (!(days & (1u << d)))
            continue;
        if (hours) {
            n = vg_day_spans(sp, n, d, w->from, w->to);
            continue;
        }
        for (int p = VEILIG_DAYPART_MORNING; p <= VEILIG_DAYPART_NIGHT; p++)
            if (parts & (1u << p))
                n = vg_day_spans(sp, n, d, part_from[p], part_to[p]);
    }
    return n;
}

/* Counts measure number id (from 1) of category cat in the slots span touches, once per slot. */
static void vg_mark_slots(veilig_schedule_result *s, uint32_t *stamp, uint32_t id, int cat,
                          vg_span span) {
    for (int h = span.a / 60; h <= (span.b - 1) / 60; h++) {
        if (stamp[h] == id)
            continue;
        stamp[h] = id;
        s->slots[h]++;
        s->by_cat[cat][h]++;
    }
}

int veilig_schedule(veilig_schedule_result **out, const veilig_municipality *m,
                    const veilig_schedule_options *opts) {
    if (out)
        *out = NULL;
    if (!out || !m)
        return VEILIG_EINVAL;
    veilig_schedule_options o = VEILIG_SCHEDULE_OPTIONS_INIT;
    if (opts) {
        if (opts->version != VEILIG_SCHEDULE_OPTIONS_VERSION)
            return vg_fail_version("schedule options", opts->version,
                                   VEILIG_SCHEDULE_OPTIONS_VERSION);
        o = *opts;
    }
    if (o.days & ~((1u << VG_DAYS) - 1))
        return vg_fail(VEILIG_EINVAL, "schedule: days 0x%x has bits beyond the 7 days of a week",
                       o.days);
    if (o.from < 0 || o.from >= VG_DAY_MINUTES || o.to < 0 || o.to > VG_DAY_MINUTES)
        return vg_fail(VEILIG_EINVAL,
                       "schedule: from %d, to %d: give minutes after midnight (from 0-1439, to "
                       "0-1440)",
                       o.from, o.to);
    if (o.from == 0 && o.to == 0) {
        o.from = VG_DEFAULT_FROM;
        o.to = VG_DEFAULT_TO;
    } else if (o.from == o.to) {
        return vg_fail(VEILIG_EINVAL, /* nothing to measure a share of */
                       "schedule: the window from %d to %d is empty", o.from, o.to);
    }
    if (!o.days)
        o.days = VG_DEFAULT_DAYS;
    char buf[VEILIG_DATE_BUFSIZE];
    if (o.active_on.year && veilig_date_format(buf, sizeof buf, &o.active_on) != VEILIG_OK)
        return vg_fail(VEILIG_EINVAL, "schedule: active_on %d-%02d-%02d is not a date",
                       o.active_on.year, o.active_on.month, o.active_on.day);
    const veilig_date *on = o.active_on.year ? &o.active_on : NULL;

    veilig_schedule_result *s = vg_calloc(1, sizeof *s);
    /* depth[t] - depth[t-1]: measures' spans starting minus ending at minute t */
    int32_t *delta = vg_calloc(VG_WEEK_MINUTES + 1, sizeof *delta);
    unsigned char *in_window = vg_calloc(VG_WEEK_MINUTES, 1);
    if (!s || !delta || !in_window) {
        vg_free(s);
        vg_free(delta);
        vg_free(in_window);
        return VEILIG_ENOMEM;
    }
    s->m = m;
    s->days = o.days;
    s->from = o.from;
    s->to = o.to;

    vg_span sp[VG_MAX_SPANS];
    uint32_t stamp[VG_SLOTS] = {0}; /* the last measure (numbered from 1) counted in a slot */
    uint32_t id = 0;
    for (uint32_t k = 0; k < m->measures.n; k++) {
        const veilig_measure *ms = m->measures.v[k];
        if (ms->windows.n == 0 || !veilig_measure_is_active(ms, on))
            continue;
        int cat = VG_KNOWN(ms->category);
        if (cat >= VG_NCAT)
            cat = 0;
        s->measure_count++;
        s->cat_present[cat] = 1;
        id++;
        for (uint32_t i = 0; i < ms->windows.n; i++) {
            size_t n = vg_window_spans(sp, ms->windows.v[i]);
            for (size_t j = 0; j < n; j++) {
                vg_mark_slots(s, stamp, id, cat, sp[j]);
                delta[sp[j].a]++;
                delta[sp[j].b]--;
            }
        }
    }

    /* The window of the options, over the same minutes. */
    size_t nw = 0;
    for (int d = 0; d < VG_DAYS; d++)
        if (s->days & (1u << d))
            nw = vg_day_spans(sp, nw, d, s->from, s->to);
    for (size_t j = 0; j < nw; j++)
        memset(in_window + sp[j].a, 1, (size_t)(sp[j].b - sp[j].a));
    int32_t depth = 0;
    for (int t = 0; t < VG_WEEK_MINUTES; t++) {
        depth += delta[t];
        if (in_window[t]) {
            s->window_minutes++;
            if (depth > 0)
                s->covered_minutes++;
        }
    }
    vg_free(in_window);
    vg_free(delta);
    *out = s;
    return VEILIG_OK;
}

/* The slot index of (day, hour), or -1 when either is out of range. */
static int vg_slot(veilig_day day, int hour) {
    if ((int)day < VEILIG_DAY_MON || (int)day > VEILIG_DAY_SUN || hour < 0 || hour > 23)
        return -1;
    return ((int)day - 1) * 24 + hour;
}

unsigned veilig_schedule_slot(const veilig_schedule_result *s, veilig_day day, int hour) {
    int i = vg_slot(day, hour);
    return s && i >= 0 ? s->slots[i] : 0;
}

unsigned veilig_schedule_slot_category(const veilig_schedule_result *s, veilig_day day, int hour,
                                       veilig_category c) {
    int i = vg_slot(day, hour);
    if (!s || i < 0 || (int)c < 0 || (int)c >= VG_NCAT)
        return 0;
    return s->by_cat[c][i];
}

double veilig_schedule_window_share(const veilig_schedule_result *s) {
    if (!s || !s->window_minutes)
        return 0.0;
    return (double)s->covered_minutes / (double)s->window_minutes;
}

unsigned veilig_schedule_window_minutes(const veilig_schedule_result *s) {
    return s ? s->window_minutes : 0;
}

unsigned veilig_schedule_covered_minutes(const veilig_schedule_result *s) {
    return s ? s->covered_minutes : 0;
}

size_t veilig_schedule_measure_count(const veilig_schedule_result *s) {
    return s ? s->measure_count : 0;
}

/* Writes minutes as "HH:MM" (1440 as "24:00"). */
static void vg_render_time(vg_jwriter *w, int minutes) {
    char buf[8];
    buf[0] = (char)('0' + minutes / 600);
    buf[1] = (char)('0' + minutes / 60 % 10);
    buf[2] = ':';
    buf[3] = (char)('0' + minutes % 60 / 10);
    buf[4] = (char)('0' + minutes % 10);
    vg_jw_string(w, buf, 5);
}

/* Writes 7 arrays of 24 counts, Monday first. */
static void vg_render_week(vg_jwriter *w, const unsigned *slots) {
    vg_jw_begin_array(w);
    for (int d = 0; d < VG_DAYS; d++) {
        vg_jw_begin_array(w);
        for (int h = 0; h < 24; h++)
            vg_jw_int(w, slots[d * 24 + h]);
        vg_jw_end_array(w);
    }
    vg_jw_end_array(w);
}

/*
 * {"code", "name", "window": {"days": [codes], "from": "22:00", "to": "04:00",
 * "minutes", "covered_minutes", "share"}, "measures": n, "slots": [[24] x 7,
 * Monday first], "by_category": {code: [[24] x 7]}} with only the categories
 * of measures that took part, in enum order, "other" (absent or unknown
 * categories) last.
 */
int veilig_schedule_to_json(char **out, size_t *len, const veilig_schedule_result *s) {
    if (out)
        *out = NULL;
    if (!out || !s)
        return VEILIG_EINVAL;
    vg_jwriter w;
    vg_buf b;
    vg_render_begin(&w, &b);
    vg_jw_begin_object(&w);
    vg_jw_key(&w, "code");
    vg_jw_cstring(&w, s->m->code);
    vg_jw_key(&w, "name");
    vg_jw_cstring(&w, s->m->name);
    vg_jw_key(&w, "window");
    vg_jw_begin_object(&w);
    vg_jw_key(&w, "days");
    vg_jw_begin_array(&w);
    for (int d = 0; d < VG_DAYS; d++)
        if (s->days & (1u << d))
            vg_jw_cstring(&w, veilig_day_code((veilig_day)(d + 1)));
    vg_jw_end_array(&w);
    vg_jw_key(&w, "from");
    vg_render_time(&w, s->from);
    vg_jw_key(&w, "to");
    vg_render_time(&w, s->to);
    vg_jw_key(&w, "minutes");
    vg_jw_int(&w, s->window_minutes);
    vg_jw_key(&w, "covered_minutes");
    vg_jw_int(&w, s->covered_minutes);
    vg_jw_key(&w, "share");
    vg_jw_double(&w, veilig_schedule_window_share(s));
    vg_jw_end_object(&w);
    vg_jw_key(&w, "measures");
    vg_jw_int(&w, (int64_t)s->measure_count);
    vg_jw_key(&w, "slots");
    vg_render_week(&w, s->slots);
    vg_jw_key(&w, "by_category");
    vg_jw_begin_object(&w);
    for (int c = 1; c <= VG_NCAT; c++) {
        int cat = c % VG_NCAT; /* 1..13, then 0 */
        if (!s->cat_present[cat])
            continue;
        vg_jw_key(&w, cat ? veilig_category_code((veilig_category)cat) : "other");
        vg_render_week(&w, s->by_cat[cat]);
    }
    vg_jw_end_object(&w);
    vg_jw_end_object(&w);
    return vg_render_finish(out, len, &b);
}

const veilig_municipality *veilig_schedule_municipality(const veilig_schedule_result *s) {
    return s ? s->m : NULL;
}

int veilig_schedule_window(unsigned *days, int *from, int *to, const veilig_schedule_result *s) {
    if (!s)
        return VEILIG_EINVAL;
    if (days)
        *days = s->days;
    if (from)
        *from = s->from;
    if (to)
        *to = s->to;
    return VEILIG_OK;
}
