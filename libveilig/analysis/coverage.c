/* libveilig: coverage matrix: municipalities x categories (or approaches, or target groups). */
#include <string.h>

#include "analysis_internal.h"

struct veilig_coverage_result {
    veilig_vocab axis;
    const veilig_municipality **rows;
    size_t nrows, ncols; /* ncols: known values, plus 1 when there is an "other" column */
    int has_other;
    unsigned *counts; /* nrows x ncols */
    unsigned *row_totals, *col_totals, total;
};

int veilig_coverage_options_init(veilig_coverage_options *opts, unsigned version) {
    if (!opts)
        return VEILIG_EINVAL;
    if (version != VEILIG_COVERAGE_OPTIONS_VERSION)
        return vg_fail_version("coverage options", version, VEILIG_COVERAGE_OPTIONS_VERSION);
    memset(opts, 0, sizeof *opts);
    opts->version = version;
    return VEILIG_OK;
}

void veilig_coverage_free(veilig_coverage_result *c) {
    if (!c)
        return;
    vg_free(c->rows);
    vg_free(c->counts);
    vg_free(c->row_totals);
    vg_free(c->col_totals);
    vg_free(c);
}

/* Adds 1 to column of value t (known value v, or the other column). */
static void vg_count(unsigned *row, int nknown, vg_term t, int *has_other) {
    if (!t)
        return;
    int v = VG_KNOWN(t);
    if (v) {
        row[v - 1]++;
    } else {
        row[nknown]++;
        *has_other = 1;
    }
}

int veilig_coverage(veilig_coverage_result **out, const veilig_registry *reg,
                    const veilig_coverage_options *opts) {
    if (out)
        *out = NULL;
    if (!out || !reg)
        return VEILIG_EINVAL;
    veilig_coverage_options o = VEILIG_COVERAGE_OPTIONS_INIT;
    if (opts) {
        if (opts->version != VEILIG_COVERAGE_OPTIONS_VERSION)
            return vg_fail_version("coverage options", opts->version,
                                   VEILIG_COVERAGE_OPTIONS_VERSION);
        o = *opts;
    }
    if (!o.axis)
        o.axis = VEILIG_VOCAB_CATEGORY;
    if (o.axis != VEILIG_VOCAB_CATEGORY && o.axis != VEILIG_VOCAB_APPROACH &&
        o.axis != VEILIG_VOCAB_TARGET_GROUP)
        return vg_fail(VEILIG_EINVAL, "coverage: axis %d is not category, approach or target_group",
                       (int)o.axis);
    const veilig_date *on = o.active_on.year ? &o.active_on : NULL;
    int nknown = veilig_vocab_size(o.axis);
    size_t width = (size_t)nknown + 1; /* room for "other" while counting */

    veilig_coverage_result *c = vg_calloc(1, sizeof *c);
    if (!c)
        return VEILIG_ENOMEM;
    c->axis = o.axis;
    c->nrows = reg->count;
    c->rows = vg_calloc(reg->count, sizeof *c->rows);
    c->counts = vg_calloc(reg->count, width * sizeof *c->counts);
    c->row_totals = vg_calloc(reg->count, sizeof *c->row_totals);
    c->col_totals = vg_calloc(width, sizeof *c->col_totals);
    if (!c->rows || !c->counts || !c->row_totals || !c->col_totals) {
        veilig_coverage_free(c);
        return VEILIG_ENOMEM;
    }
    for (size_t i = 0; i < reg->count; i++) {
        const veilig_municipality *m = reg->municipalities[i];
        unsigned *row = c->counts + i * width;
        c->rows[i] = m;
        /* from the briefs, one contiguous array; the measure itself only for
           target groups with an unknown code */
        const vg_measure_brief *b = m->briefs;
        for (uint32_t k = 0; k < m->measures.n; k++) {
            if (!o.all_measures &&
                !vg_measure_active(b[k].status, b[k].period_start, b[k].period_end, on))
                continue;
            if (o.axis == VEILIG_VOCAB_CATEGORY) {
                vg_count(row, nknown, b[k].category, &c->has_other);
            } else if (o.axis == VEILIG_VOCAB_APPROACH) {
                vg_count(row, nknown, b[k].approach, &c->has_other);
            } else if (!(b[k].target_groups & VG_BRIEF_OTHER)) {
                for (uint32_t set = b[k].target_groups; set; set &= set - 1)
                    row[vg_ctz32(set)]++;
            } else {
                const veilig_measure *ms = m->measures.v[k];
                for (uint32_t g = 0; g < ms->target_groups.n; g++)
                    vg_count(row, nknown, ms->target_groups.v[g], &c->has_other);
            }
        }
    }
    c->ncols = (size_t)nknown + (c->has_other ? 1 : 0);
    /* compact the rows when there is no "other" column */
    if (!c->has_other)
        for (size_t i = 1; i < c->nrows; i++)
            memmove(c->counts + i * c->ncols, c->counts + i * width, c->ncols * sizeof *c->counts);
    for (size_t i = 0; i < c->nrows; i++)
        for (size_t j = 0; j < c->ncols; j++) {
            unsigned n = c->counts[i * c->ncols + j];
            c->row_totals[i] += n;
            c->col_totals[j] += n;
            c->total += n;
        }
    *out = c;
    return VEILIG_OK;
}

veilig_vocab veilig_coverage_axis(const veilig_coverage_result *c) {
    return c ? c->axis : (veilig_vocab)0;
}

size_t veilig_coverage_rows(const veilig_coverage_result *c) {
    return c ? c->nrows : 0;
}

size_t veilig_coverage_columns(const veilig_coverage_result *c) {
    return c ? c->ncols : 0;
}

const veilig_municipality *veilig_coverage_row(const veilig_coverage_result *c, size_t row) {
    return c && row < c->nrows ? c->rows[row] : NULL;
}

int veilig_coverage_column(const veilig_coverage_result *c, size_t column) {
    if (!c || column >= c->ncols)
        return 0;
    return column < (size_t)veilig_vocab_size(c->axis) ? (int)column + 1 : 0;
}

const char *veilig_coverage_column_code(const veilig_coverage_result *c, size_t column) {
    if (!c || column >= c->ncols)
        return NULL;
    int v = veilig_coverage_column(c, column);
    return v ? veilig_vocab_code(c->axis, v) : "other";
}

unsigned veilig_coverage_count(const veilig_coverage_result *c, size_t row, size_t column) {
    return c && row < c->nrows && column < c->ncols ? c->counts[row * c->ncols + column] : 0;
}

unsigned veilig_coverage_row_total(const veilig_coverage_result *c, size_t row) {
    return c && row < c->nrows ? c->row_totals[row] : 0;
}

unsigned veilig_coverage_column_total(const veilig_coverage_result *c, size_t column) {
    return c && column < c->ncols ? c->col_totals[column] : 0;
}

unsigned veilig_coverage_total(const veilig_coverage_result *c) {
    return c ? c->total : 0;
}

int veilig_coverage_to_json(char **out, size_t *len, const veilig_coverage_result *c) {
    if (out)
        *out = NULL;
    if (!out || !c)
        return VEILIG_EINVAL;
    vg_jwriter w;
    vg_buf b;
    vg_render_begin(&w, &b);
    vg_jw_begin_object(&w);
    vg_jw_key(&w, "axis");
    vg_jw_cstring(&w, veilig_vocab_name(c->axis));
    vg_jw_key(&w, "columns");
    vg_jw_begin_array(&w);
    for (size_t j = 0; j < c->ncols; j++)
        vg_jw_cstring(&w, veilig_coverage_column_code(c, j));
    vg_jw_end_array(&w);
    vg_jw_key(&w, "rows");
    vg_jw_begin_array(&w);
    for (size_t i = 0; i < c->nrows; i++) {
        vg_jw_begin_object(&w);
        vg_jw_key(&w, "code");
        vg_jw_cstring(&w, c->rows[i]->code);
        vg_jw_key(&w, "name");
        vg_jw_cstring(&w, c->rows[i]->name);
        vg_jw_key(&w, "counts");
        vg_jw_begin_array(&w);
        for (size_t j = 0; j < c->ncols; j++)
            vg_jw_int(&w, c->counts[i * c->ncols + j]);
        vg_jw_end_array(&w);
        vg_jw_key(&w, "total");
        vg_jw_int(&w, c->row_totals[i]);
        vg_jw_end_object(&w);
    }
    vg_jw_end_array(&w);
    vg_jw_key(&w, "column_totals");
    vg_jw_begin_array(&w);
    for (size_t j = 0; j < c->ncols; j++)
        vg_jw_int(&w, c->col_totals[j]);
    vg_jw_end_array(&w);
    vg_jw_key(&w, "total");
    vg_jw_int(&w, c->total);
    vg_jw_end_object(&w);
    return vg_render_finish(out, len, &b);
}
