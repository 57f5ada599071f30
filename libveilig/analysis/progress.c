/*
 * libveilig: indicator progress: how far each indicator of a municipality
 * has come from its baseline towards its target, and whether the trend so
 * far reaches the target in time.
 *
 * Semantics (docs/analysis.md, "Indicator progress", says the same in plain
 * words), per indicator, in document order:
 *
 * - Observations considered: those with a date and a value, and, when
 *   opts->as_of is set (year not 0), dated on or before it (veilig_date_compare:
 *   a partial date counts as its first day, so "2022" is after "2021-06-01"
 *   and "2021" is not). They are taken in date order, ties in document order;
 *   the model is not reordered. as_of does not touch baseline and target.
 * - Latest: the last considered observation by date (of two on the same
 *   date, the later in the document).
 * - Fraction: (latest - baseline) / (target - baseline), when the baseline
 *   value, the target value and a latest observation exist and the target
 *   differs from the baseline; otherwise there is none (VEILIG_ENOTFOUND).
 *   The direction does not enter the formula: moving toward the target is
 *   positive either way (baseline 40, target 30, latest 35: 0.5).
 * - Direction: the indicator's; without one (absent or unknown code) it is
 *   inferred from baseline and target values (target above the baseline:
 *   increase; below: decrease); when that is not possible either (no
 *   baseline value, or baseline == target) there is none.
 * - Track: UNKNOWN without a target value. ACHIEVED when the latest
 *   observation is at or beyond the target in the direction (increase:
 *   latest >= target; decrease: latest <= target; without a direction only
 *   latest == target, and otherwise UNKNOWN). Else a straight line is
 *   fitted by least squares through the points: the baseline (when it has
 *   both a date and a value) and every considered observation, with time as
 *   days since 1970-01-01 (a partial date counts as its first day). With at
 *   least two distinct dates and a target date, the projection is the line's
 *   value at the target date: ON_TRACK when it reaches the target in the
 *   direction, OFF_TRACK when it does not; without such a line UNKNOWN.
 * - Projection: the line's value at the target date, whenever there is a
 *   line (two distinct dates) and a target date, whatever the track
 *   (VEILIG_ENOTFOUND otherwise).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis_internal.h"

typedef struct vg_progress_row {
    const veilig_indicator *ind;
    int has_latest, has_fraction, has_projection;
    double latest, fraction, projection;
    vg_date latest_date;
    veilig_track track;
} vg_progress_row;

struct veilig_progress_result {
    const veilig_municipality *m;
    vg_progress_row *rows;
    size_t count;
};

/* A considered observation: its date, value and position in the document. */
typedef struct vg_point {
    veilig_date date;
    vg_date raw;
    double value;
    size_t index;
} vg_point;

int veilig_progress_options_init(veilig_progress_options *opts, unsigned version) {
    if (!opts)
        return VEILIG_EINVAL;
    if (version != VEILIG_PROGRESS_OPTIONS_VERSION)
        return vg_fail_version("progress options", version, VEILIG_PROGRESS_OPTIONS_VERSION);
    memset(opts, 0, sizeof *opts);
    opts->version = version;
    return VEILIG_OK;
}

const char *veilig_track_name(veilig_track t) {
    switch (t) {
        case VEILIG_TRACK_UNKNOWN:
            return "unknown";
        case VEILIG_TRACK_ACHIEVED:
            return "achieved";
        case VEILIG_TRACK_ON_TRACK:
            return "on_track";
        case VEILIG_TRACK_OFF_TRACK:
            return "off_track";
    }
    return NULL;
}

void veilig_progress_free(veilig_progress_result *p) {
    if (!p)
        return;
    vg_free(p->rows);
    vg_free(p);
}

/* Date order; ties in document order (so qsort's order is stable and total). */
static int vg_point_cmp(const void *a, const void *b) {
    const vg_point *x = a, *y = b;
    int c = veilig_date_compare(&x->date, &y->date);
    if (c)
        return c;
    return x->index < y->index ? -1 : x->index > y->index;
}

/* Days from 1970-01-01 to the first day a partial date covers (proleptic Gregorian). */
static double vg_days(veilig_date d) {
    long y = d.year, m = d.month ? d.month : 1, day = d.day ? d.day : 1;
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (double)(era * 146097 + doe - 719468);
}

/* Whether value reaches target in direction dir (1 increase, 2 decrease). */
static int vg_reaches(double value, double target, int dir) {
    return dir == VEILIG_DIRECTION_INCREASE ? value >= target : value <= target;
}

/*
 * Fits y = my + slope * (x - mx) by least squares through the baseline point
 * (when given) and pts[0..n); writes the value at x = at. 0 when there are
 * fewer than two distinct dates.
 */
static int vg_project(double *out, const vg_point *pts, size_t n, int has_base, double base_x,
                      double base_y, double at) {
    double sx = 0, sy = 0, k = 0;
    if (has_base) {
        sx += base_x;
        sy += base_y;
        k++;
    }
    for (size_t i = 0; i < n; i++) {
        sx += vg_days(pts[i].date);
        sy += pts[i].value;
        k++;
    }
    if (k < 2)
        return 0;
    double mx = sx / k, my = sy / k, sxx = 0, sxy = 0;
    if (has_base) {
        sxx += (base_x - mx) * (base_x - mx);
        sxy += (base_x - mx) * (base_y - my);
    }
    for (size_t i = 0; i < n; i++) {
        double dx = vg_days(pts[i].date) - mx;
        sxx += dx * dx;
        sxy += dx * (pts[i].value - my);
    }
    if (!(sxx > 0))
        return 0; /* every point on one date */
    *out = my + sxy / sxx * (at - mx);
    return 1;
}

static void vg_progress_row_compute(vg_progress_row *r, const veilig_indicator *ind, vg_point *pts,
                                    const veilig_date *as_of) {
    size_t n = 0;
    for (uint32_t k = 0; k < ind->observations.n; k++) {
        const veilig_observation *o = ind->observations.v[k];
        if (!o->date.year || isnan(o->value))
            continue;
        veilig_date d = vg_date_to_public(o->date);
        if (as_of && veilig_date_compare(&d, as_of) > 0)
            continue;
        pts[n].date = d;
        pts[n].raw = o->date;
        pts[n].value = o->value;
        pts[n].index = k;
        n++;
    }
    size_t sorted = 1; /* a series usually comes in date order: sorted only when not */
    while (sorted < n && vg_point_cmp(&pts[sorted - 1], &pts[sorted]) < 0)
        sorted++;
    if (sorted < n)
        qsort(pts, n, sizeof *pts, vg_point_cmp);

    r->ind = ind;
    r->track = VEILIG_TRACK_UNKNOWN;
    double base = ind->baseline_value, target = ind->target_value;
    int has_base = !isnan(base), has_target = !isnan(target);
    if (n) {
        r->has_latest = 1;
        r->latest = pts[n - 1].value;
        r->latest_date = pts[n - 1].raw;
    }
    if (r->has_latest && has_base && has_target && target != base) {
        r->has_fraction = 1;
        r->fraction = (r->latest - base) / (target - base);
    }
    if (ind->target_date.year) {
        int base_point = has_base && ind->baseline_date.year;
        double bx = base_point ? vg_days(vg_date_to_public(ind->baseline_date)) : 0;
        r->has_projection = vg_project(&r->projection, pts, n, base_point, bx, base,
                                       vg_days(vg_date_to_public(ind->target_date)));
    }

    if (!has_target)
        return;
    int dir = VG_KNOWN(ind->direction);
    if (dir != VEILIG_DIRECTION_INCREASE && dir != VEILIG_DIRECTION_DECREASE) {
        dir = 0;
        if (has_base && target != base)
            dir = target > base ? VEILIG_DIRECTION_INCREASE : VEILIG_DIRECTION_DECREASE;
    }
    if (!dir) {
        if (r->has_latest && r->latest == target)
            r->track = VEILIG_TRACK_ACHIEVED;
        return;
    }
    if (r->has_latest && vg_reaches(r->latest, target, dir)) {
        r->track = VEILIG_TRACK_ACHIEVED;
        return;
    }
    if (r->has_projection)
        r->track =
            vg_reaches(r->projection, target, dir) ? VEILIG_TRACK_ON_TRACK : VEILIG_TRACK_OFF_TRACK;
}

int veilig_progress(veilig_progress_result **out, const veilig_municipality *m,
                    const veilig_progress_options *opts) {
    if (out)
        *out = NULL;
    if (!out || !m)
        return VEILIG_EINVAL;
    veilig_progress_options o = VEILIG_PROGRESS_OPTIONS_INIT;
    if (opts) {
        if (opts->version != VEILIG_PROGRESS_OPTIONS_VERSION)
            return vg_fail_version("progress options", opts->version,
                                   VEILIG_PROGRESS_OPTIONS_VERSION);
        o = *opts;
    }
    char buf[VEILIG_DATE_BUFSIZE];
    if (o.as_of.year && veilig_date_format(buf, sizeof buf, &o.as_of) != VEILIG_OK)
        return vg_fail(VEILIG_EINVAL, "progress: as_of %d-%02d-%02d is not a date", o.as_of.year,
                       o.as_of.month, o.as_of.day);
    const veilig_date *as_of = o.as_of.year ? &o.as_of : NULL;

    size_t most = 0; /* observations of the indicator that has the most */
    for (uint32_t i = 0; i < m->indicators.n; i++) {
        const veilig_indicator *ind = m->indicators.v[i];
        if (ind->observations.n > most)
            most = ind->observations.n;
    }
    veilig_progress_result *p = vg_calloc(1, sizeof *p);
    vg_progress_row *rows = vg_calloc(m->indicators.n ? m->indicators.n : 1, sizeof *rows);
    vg_point *pts = vg_calloc(most ? most : 1, sizeof *pts);
    if (!p || !rows || !pts) {
        vg_free(p);
        vg_free(rows);
        vg_free(pts);
        return VEILIG_ENOMEM;
    }
    p->m = m;
    p->rows = rows;
    p->count = m->indicators.n;
    for (size_t i = 0; i < p->count; i++)
        vg_progress_row_compute(&rows[i], m->indicators.v[i], pts, as_of);
    vg_free(pts);
    *out = p;
    return VEILIG_OK;
}

size_t veilig_progress_count(const veilig_progress_result *p) {
    return p ? p->count : 0;
}

const veilig_indicator *veilig_progress_indicator(const veilig_progress_result *p, size_t i) {
    return p && i < p->count ? p->rows[i].ind : NULL;
}

/* value and date may each be NULL. VEILIG_EINVAL for a NULL result or an index out of range. */
int veilig_progress_latest(double *value, veilig_date *date, const veilig_progress_result *p,
                           size_t i) {
    if (!p || i >= p->count)
        return VEILIG_EINVAL;
    const vg_progress_row *r = &p->rows[i];
    if (!r->has_latest)
        return VEILIG_ENOTFOUND;
    if (value)
        *value = r->latest;
    if (date)
        *date = vg_date_to_public(r->latest_date);
    return VEILIG_OK;
}

int veilig_progress_fraction(double *out, const veilig_progress_result *p, size_t i) {
    if (!out || !p || i >= p->count)
        return VEILIG_EINVAL;
    if (!p->rows[i].has_fraction)
        return VEILIG_ENOTFOUND;
    *out = p->rows[i].fraction;
    return VEILIG_OK;
}

veilig_track veilig_progress_track(const veilig_progress_result *p, size_t i) {
    return p && i < p->count ? p->rows[i].track : VEILIG_TRACK_UNKNOWN;
}

int veilig_progress_projection(double *out, const veilig_progress_result *p, size_t i) {
    if (!out || !p || i >= p->count)
        return VEILIG_EINVAL;
    if (!p->rows[i].has_projection)
        return VEILIG_ENOTFOUND;
    *out = p->rows[i].projection;
    return VEILIG_OK;
}

/* Writes {"date", "value"} (null for a missing part), or null when both are missing. */
static void vg_render_point(vg_jwriter *w, vg_date date, double value) {
    if (!date.year && isnan(value)) {
        vg_jw_null(w);
        return;
    }
    vg_jw_begin_object(w);
    vg_jw_key(w, "date");
    char buf[VEILIG_DATE_BUFSIZE];
    veilig_date d = vg_date_to_public(date);
    if (date.year && veilig_date_format(buf, sizeof buf, &d) == VEILIG_OK)
        vg_jw_cstring(w, buf);
    else
        vg_jw_null(w);
    vg_jw_key(w, "value");
    vg_jw_double(w, value); /* NaN writes null */
    vg_jw_end_object(w);
}

/*
 * {"code", "name", "indicators": [{"id", "name", "unit", "direction",
 * "baseline": {"date", "value"} | null, "target": {...} | null, "latest":
 * {...} | null, "fraction": number | null, "projection": number | null,
 * "track": "on_track"}]}; unit and direction as stored (unknown codes
 * included), null when absent.
 */
int veilig_progress_to_json(char **out, size_t *len, const veilig_progress_result *p) {
    if (out)
        *out = NULL;
    if (!out || !p)
        return VEILIG_EINVAL;
    const veilig_registry *reg = p->m->owner.reg;
    vg_jwriter w;
    vg_buf b;
    vg_render_begin(&w, &b);
    vg_jw_begin_object(&w);
    vg_jw_key(&w, "code");
    vg_jw_cstring(&w, p->m->code);
    vg_jw_key(&w, "name");
    vg_jw_cstring(&w, p->m->name);
    vg_jw_key(&w, "indicators");
    vg_jw_begin_array(&w);
    for (size_t i = 0; i < p->count; i++) {
        const vg_progress_row *r = &p->rows[i];
        const veilig_indicator *ind = r->ind;
        vg_jw_begin_object(&w);
        vg_jw_key(&w, "id");
        vg_jw_cstring(&w, ind->id);
        vg_jw_key(&w, "name");
        vg_jw_cstring(&w, ind->name);
        vg_render_term(&w, "unit", reg, VEILIG_VOCAB_UNIT, ind->unit);
        vg_render_term(&w, "direction", reg, VEILIG_VOCAB_DIRECTION, ind->direction);
        vg_jw_key(&w, "baseline");
        vg_render_point(&w, ind->baseline_date, ind->baseline_value);
        vg_jw_key(&w, "target");
        vg_render_point(&w, ind->target_date, ind->target_value);
        vg_jw_key(&w, "latest");
        vg_render_point(&w, r->has_latest ? r->latest_date : (vg_date){0, 0, 0},
                        r->has_latest ? r->latest : NAN);
        vg_jw_key(&w, "fraction");
        if (r->has_fraction)
            vg_jw_double(&w, r->fraction);
        else
            vg_jw_null(&w);
        vg_jw_key(&w, "projection");
        if (r->has_projection)
            vg_jw_double(&w, r->projection);
        else
            vg_jw_null(&w);
        vg_jw_key(&w, "track");
        vg_jw_cstring(&w, veilig_track_name(r->track));
        vg_jw_end_object(&w);
    }
    vg_jw_end_array(&w);
    vg_jw_end_object(&w);
    return vg_render_finish(out, len, &b);
}

const veilig_municipality *veilig_progress_municipality(const veilig_progress_result *p) {
    return p ? p->m : NULL;
}
