/*
 * libveilig: the standalone HTML reports (veilig_report_html).
 *
 * One file per report: HTML5 written so that an XML parser reads it too
 * (every element closed, attributes quoted, text escaped), one inline style
 * sheet (style.css), charts as inline SVG (svg.c), no script, no external
 * resource: the only addresses in a report are the links to its sources.
 * Reports carry no date of creation, so the same data give the same bytes.
 * Every heading and sentence exists in Dutch and English side by side
 * (VG_T); vocabulary labels come from the vocabulary (vg_label), unknown
 * codes show as themselves. Personal contacts are left out unless
 * VEILIG_REPORT_INCLUDE_PERSONAL is set.
 *
 * The pieces are in html.h: the page frame (html_page.c), the programme
 * report (html_programme.c) and the municipality report
 * (html_municipality.c).
 */
#include <string.h>

#include "html.h"

int veilig_report_html(char **out, size_t *len, const veilig_registry *reg,
                       const veilig_municipality *m, const veilig_report_options *opts) {
    vg_html h;
    vg_ropts o;
    int rc;
    if (out)
        *out = NULL;
    if (len)
        *len = 0;
    if (!out || !reg)
        return VEILIG_EINVAL;
    if (opts) {
        /* the format is ignored: an HTML report is HTML */
        if (opts->version != VEILIG_REPORT_OPTIONS_VERSION)
            return vg_fail_version("report options", opts->version, VEILIG_REPORT_OPTIONS_VERSION);
        veilig_report_options copy = *opts;
        copy.format = VEILIG_FORMAT_HTML;
        rc = vg_ropts_get(&o, &copy);
    } else {
        rc = vg_ropts_get(&o, NULL);
    }
    if (rc != VEILIG_OK)
        return rc;
    if (m && veilig_registry_index_of(reg, m) == (size_t)-1)
        return vg_fail(VEILIG_EINVAL, "report: municipality %s is not of this registry", m->code);
    vg_html_init(&h, reg, &o);
    rc = m ? vg_html_municipality_report(&h, m) : vg_html_programme_report(&h);
    if (rc != VEILIG_OK) {
        vg_buf_free(&h.b);
        return rc;
    }
    *out = vg_buf_finish(&h.b, len);
    return *out ? VEILIG_OK : VEILIG_ENOMEM;
}
