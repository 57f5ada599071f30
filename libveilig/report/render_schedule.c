/*
 * libveilig: renderings of the schedule analysis,
 * as text, Markdown, CSV and JSON (report.h; render.h has the shared layers).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "render.h"

/* ---- schedule ---- */

int veilig_render_schedule(char **out, size_t *len, const veilig_schedule_result *s,
                           const veilig_report_options *opts) {
    vg_rc c;
    int rc = vg_begin(&c, out, len, s, opts);
    if (rc != VEILIG_OK)
        return rc;
    if (c.o.format == VEILIG_FORMAT_JSON)
        return veilig_schedule_to_json(out, len, s);
    static const char *const hours[24] = {"0",  "1",  "2",  "3",  "4",  "5",  "6",  "7",
                                          "8",  "9",  "10", "11", "12", "13", "14", "15",
                                          "16", "17", "18", "19", "20", "21", "22", "23"};
    static const char *const keys[24] = {"h00", "h01", "h02", "h03", "h04", "h05", "h06", "h07",
                                         "h08", "h09", "h10", "h11", "h12", "h13", "h14", "h15",
                                         "h16", "h17", "h18", "h19", "h20", "h21", "h22", "h23"};
    vg_tb tb;
    if (vg_tb_init(&tb, &c, 25) != VEILIG_OK)
        return VEILIG_ENOMEM;
    vg_tb_col(&tb, "day", "Dag", "Day", 0);
    for (int h = 0; h < 24; h++)
        vg_tb_col(&tb, keys[h], hours[h], hours[h], VG_COL_NUMBER);
    int dots = c.o.format == VEILIG_FORMAT_TEXT;
    for (int d = VEILIG_DAY_MON; d <= VEILIG_DAY_SUN; d++) {
        vg_tb_row(&tb);
        vg_tb_cell(&tb, vg_day(&c, veilig_day_code((veilig_day)d)));
        for (int h = 0; h < 24; h++) {
            unsigned n = veilig_schedule_slot(s, (veilig_day)d, h);
            if (!n && dots)
                vg_tb_cell(&tb, ".");
            else
                vg_tb_int(&tb, n);
        }
    }
    if (c.o.format == VEILIG_FORMAT_CSV)
        return vg_tb_finish(&tb, out, len);

    /* Text and Markdown: a title, the grid and the window's coverage. */
    const veilig_municipality *m = veilig_schedule_municipality(s);
    unsigned days = 0;
    int from = 0, to = 0;
    veilig_schedule_window(&days, &from, &to, s);
    vg_buf b;
    vg_buf_init(&b);
    vg_doc d = {&b, &c, c.o.format == VEILIG_FORMAT_MARKDOWN, {NULL, 0, 0, 0, NULL}};
    vg_buf_init(&d.t);
    vg_buf *t = vg_d_t(&d);
    const char *name = m ? veilig_municipality_name(m) : NULL;
    const char *code = m ? veilig_municipality_code(m) : NULL;
    vg_buf_printf(t, "%s: %s (%s)", VG_L(&c.o, "Weekrooster", "Weekly schedule"), name ? name : "",
                  code ? code : "");
    vg_d_heading(&d, 1, vg_cstr(t));
    vg_d_table(&d, &tb);

    t = vg_d_t(&d);
    vg_buf_puts(t, VG_L(&c.o, "Venster", "Window"));
    for (int k = 0, n = 0; k < 7; k++) {
        if (!(days & (1u << k)))
            continue;
        vg_buf_puts(t, n++ ? ", " : " ");
        vg_buf_puts(t, vg_day(&c, veilig_day_code((veilig_day)(k + 1))));
    }
    vg_buf_putc(t, ' ');
    vg_put_time(t, from);
    vg_buf_putc(t, '-');
    vg_put_time(t, to);
    vg_buf_puts(t, ": ");
    vg_put_percent(t, &c, veilig_schedule_window_share(s));
    vg_buf_printf(t,
                  c.o.en ? " covered (%u of %u minutes); %zu %s with a schedule."
                         : " gedekt (%u van %u minuten); %zu %s met een rooster.",
                  veilig_schedule_covered_minutes(s), veilig_schedule_window_minutes(s),
                  veilig_schedule_measure_count(s),
                  veilig_schedule_measure_count(s) == 1 ? VG_L(&c.o, "maatregel", "measure")
                                                        : VG_L(&c.o, "maatregelen", "measures"));
    vg_d_para(&d, vg_cstr(t), 0);
    return vg_doc_finish(&d, out, len);
}
