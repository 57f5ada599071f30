/*
 * libveilig: renderings of indicator progress,
 * as text, Markdown, CSV and JSON (report.h; render.h has the shared layers).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "render.h"

/* ---- indicator progress ---- */

static const char *vg_track_label(const vg_rc *c, veilig_track tr) {
    switch (tr) {
        case VEILIG_TRACK_ACHIEVED:
            return VG_L(&c->o, "bereikt", "achieved");
        case VEILIG_TRACK_ON_TRACK:
            return VG_L(&c->o, "op koers", "on track");
        case VEILIG_TRACK_OFF_TRACK:
            return VG_L(&c->o, "niet op koers", "off track");
        default:
            return VG_L(&c->o, "onbekend", "unknown");
    }
}

int veilig_render_progress(char **out, size_t *len, const veilig_progress_result *p,
                           const veilig_report_options *opts) {
    vg_rc c;
    int rc = vg_begin(&c, out, len, p, opts);
    if (rc != VEILIG_OK)
        return rc;
    if (c.o.format == VEILIG_FORMAT_JSON)
        return veilig_progress_to_json(out, len, p);
    vg_tb tb;
    if (vg_tb_init(&tb, &c, 15) != VEILIG_OK)
        return VEILIG_ENOMEM;
    vg_tb_col(&tb, "indicator", "", "", VG_MACHINE);
    vg_tb_col(&tb, "name", "Indicator", "Indicator", 0);
    vg_tb_col(&tb, "unit", "Eenheid", "Unit", 0);
    vg_tb_col(&tb, "baseline", "Nulmeting", "Baseline", VG_HUMAN | VG_COL_NUMBER);
    vg_tb_col(&tb, "baseline_date", "", "", VG_MACHINE);
    vg_tb_col(&tb, "baseline_value", "", "", VG_MACHINE | VG_COL_NUMBER);
    vg_tb_col(&tb, "target", "Doel", "Target", VG_HUMAN | VG_COL_NUMBER);
    vg_tb_col(&tb, "target_date", "", "", VG_MACHINE);
    vg_tb_col(&tb, "target_value", "", "", VG_MACHINE | VG_COL_NUMBER);
    vg_tb_col(&tb, "latest", "Laatste meting", "Latest", VG_HUMAN | VG_COL_NUMBER);
    vg_tb_col(&tb, "latest_date", "", "", VG_MACHINE);
    vg_tb_col(&tb, "latest_value", "", "", VG_MACHINE | VG_COL_NUMBER);
    vg_tb_col(&tb, "progress_percent", "Voortgang", "Progress", VG_COL_NUMBER);
    vg_tb_col(&tb, "projection", "Prognose", "Projection", VG_COL_NUMBER);
    vg_tb_col(&tb, "track", "Koers", "Track", 0);
    for (size_t i = 0; i < veilig_progress_count(p); i++) {
        const veilig_indicator *ind = veilig_progress_indicator(p, i);
        veilig_date date;
        double v;
        int hv, hd;
        vg_tb_row(&tb);
        vg_tb_cell(&tb, veilig_indicator_id(ind));
        vg_tb_cell(&tb, veilig_indicator_name(ind));
        vg_tb_term(&tb, VEILIG_VOCAB_UNIT, veilig_indicator_unit_code(ind));
        for (int k = 0; k < 3; k++) {
            if (k == 0) {
                hv = veilig_indicator_baseline_value(&v, ind) == VEILIG_OK;
                hd = veilig_indicator_baseline_date(&date, ind) == VEILIG_OK;
            } else if (k == 1) {
                hv = veilig_indicator_target_value(&v, ind) == VEILIG_OK;
                hd = veilig_indicator_target_date(&date, ind) == VEILIG_OK;
            } else {
                hv = hd = veilig_progress_latest(&v, &date, p, i) == VEILIG_OK;
            }
            vg_put_dated(vg_tb_buf(&tb), &c, hv, v, hd, &date);
            vg_tb_put(&tb);
            vg_tb_date(&tb, hd, &date);
            vg_buf *b = vg_tb_buf(&tb);
            if (hv)
                vg_put_value(b, &c, v);
            vg_tb_put(&tb);
        }
        vg_buf *b = vg_tb_buf(&tb);
        if (veilig_progress_fraction(&v, p, i) == VEILIG_OK)
            vg_put_percent(b, &c, v);
        vg_tb_put(&tb);
        b = vg_tb_buf(&tb);
        if (veilig_progress_projection(&v, p, i) == VEILIG_OK)
            vg_put_fixed(b, &c, v, c.mach ? 2 : 1);
        vg_tb_put(&tb);
        veilig_track tr = veilig_progress_track(p, i);
        vg_tb_cell(&tb, c.mach ? veilig_track_name(tr) : vg_track_label(&c, tr));
    }
    return vg_tb_finish(&tb, out, len);
}
