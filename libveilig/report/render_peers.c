/*
 * libveilig: renderings of the peers analysis,
 * as text, Markdown, CSV and JSON (report.h; render.h has the shared layers).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "render.h"

/* ---- peers ---- */

int veilig_render_peers(char **out, size_t *len, const veilig_peers_result *p,
                        const veilig_report_options *opts) {
    vg_rc c;
    int rc = vg_begin(&c, out, len, p, opts);
    if (rc != VEILIG_OK)
        return rc;
    if (c.o.format == VEILIG_FORMAT_JSON)
        return veilig_peers_to_json(out, len, p);
    vg_tb tb;
    if (vg_tb_init(&tb, &c, 7) != VEILIG_OK)
        return VEILIG_ENOMEM;
    vg_tb_col(&tb, "subject", "Gemeente", "Municipality", 0);
    vg_tb_col(&tb, "subject_name", "", "", VG_MACHINE);
    vg_tb_col(&tb, "rank", "Rang", "Rank", VG_COL_NUMBER);
    vg_tb_col(&tb, "peer", "Vergelijkbare gemeente", "Peer", 0);
    vg_tb_col(&tb, "peer_name", "", "", VG_MACHINE);
    vg_tb_col(&tb, "similarity", "Gelijkenis", "Similarity", VG_COL_NUMBER);
    vg_tb_col(&tb, "suggestions", "Suggesties", "Suggestions", 0);
    for (size_t i = 0; i < veilig_peers_count(p); i++) {
        const veilig_municipality *s = veilig_peers_subject(p, i), *q = veilig_peers_peer(p, i);
        vg_tb_row(&tb);
        vg_tb_cell(&tb, c.mach ? veilig_municipality_code(s) : veilig_municipality_name(s));
        vg_tb_cell(&tb, veilig_municipality_name(s));
        vg_tb_int(&tb, (long long)veilig_peers_rank(p, i));
        vg_tb_cell(&tb, c.mach ? veilig_municipality_code(q) : veilig_municipality_name(q));
        vg_tb_cell(&tb, veilig_municipality_name(q));
        vg_put_fixed(vg_tb_buf(&tb), &c, veilig_peers_similarity(p, i), 4);
        vg_tb_put(&tb);
        vg_buf *b = vg_tb_buf(&tb);
        for (size_t k = 0; k < veilig_peers_suggestion_count(p, i); k++) {
            const veilig_measure *ms = veilig_peers_suggestion(p, i, k);
            if (b->len)
                vg_buf_puts(b, c.mach ? ";" : "; ");
            vg_buf_puts(b, c.mach ? veilig_measure_id(ms) : veilig_measure_name(ms));
        }
        vg_tb_put(&tb);
    }
    return vg_tb_finish(&tb, out, len);
}
