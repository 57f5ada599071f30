/*
 * libveilig: renderings of the coverage analysis,
 * as text, Markdown, CSV and JSON (report.h; render.h has the shared layers).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "render.h"

/* ---- coverage ---- */

int veilig_render_coverage(char **out, size_t *len, const veilig_coverage_result *cov,
                           const veilig_report_options *opts) {
    vg_rc c;
    int rc = vg_begin(&c, out, len, cov, opts);
    if (rc != VEILIG_OK)
        return rc;
    if (c.o.format == VEILIG_FORMAT_JSON)
        return veilig_coverage_to_json(out, len, cov);
    veilig_vocab axis = veilig_coverage_axis(cov);
    size_t ncols = veilig_coverage_columns(cov), nrows = veilig_coverage_rows(cov);
    int dots = c.o.format == VEILIG_FORMAT_TEXT;
    vg_tb tb;
    if (vg_tb_init(&tb, &c, ncols + 3) != VEILIG_OK)
        return VEILIG_ENOMEM;
    vg_tb_col(&tb, "municipality", "Code", "Code", 0);
    vg_tb_col(&tb, "municipality_name", "Gemeente", "Municipality", 0);
    for (size_t j = 0; j < ncols; j++) {
        int v = veilig_coverage_column(cov, j);
        const char *label =
            v ? veilig_vocab_label(axis, v, c.o.en ? "en" : "nl") : VG_L(&c.o, "overig", "other");
        vg_tb_col_copy(&tb, veilig_coverage_column_code(cov, j), label, VG_COL_NUMBER);
    }
    vg_tb_col(&tb, "total", "Totaal", "Total", VG_COL_NUMBER);
    for (size_t i = 0; i <= nrows; i++) {
        const veilig_municipality *m = i < nrows ? veilig_coverage_row(cov, i) : NULL;
        vg_tb_row(&tb);
        if (m) {
            vg_tb_cell(&tb, veilig_municipality_code(m));
            vg_tb_cell(&tb, veilig_municipality_name(m));
        } else {
            vg_tb_cell(&tb, c.mach ? "total" : NULL);
            vg_tb_cell(&tb, c.mach ? NULL : VG_L(&c.o, "Totaal", "Total"));
        }
        for (size_t j = 0; j <= ncols; j++) {
            unsigned n = j == ncols
                             ? (m ? veilig_coverage_row_total(cov, i) : veilig_coverage_total(cov))
                         : m ? veilig_coverage_count(cov, i, j)
                             : veilig_coverage_column_total(cov, j);
            if (!n && dots)
                vg_tb_cell(&tb, ".");
            else
                vg_tb_int(&tb, n);
        }
    }
    return vg_tb_finish(&tb, out, len);
}
