/*
 * libveilig: the sections of the programme report (html.h): key figures,
 * the coverage matrix, the measures per approach and category, the table
 * of municipalities, the sources and the programme's contact, each of the
 * whole registry h->reg and callable on its own.
 */
#include <stdio.h>
#include <string.h>

#include "html.h"
#include "svg.h"

/* The coverage of reg on axis (category or approach) with a label for each
   column: the vocabulary's, or "other (codes)"; *other owns that label. */
typedef struct vg_prog_cov {
    veilig_coverage_result *cov;
    const char **labels;
    char *other;
    size_t ncols;
} vg_prog_cov;

static void vg_prog_cov_free(vg_prog_cov *c) {
    veilig_coverage_free(c->cov);
    vg_free(c->labels);
    vg_free(c->other);
}

static int vg_prog_cov_get(vg_html *h, vg_prog_cov *c, veilig_vocab axis) {
    veilig_coverage_options copts = VEILIG_COVERAGE_OPTIONS_INIT;
    vg_strset codes = {0};
    int rc;
    memset(c, 0, sizeof *c);
    copts.axis = axis;
    if ((rc = veilig_coverage(&c->cov, h->reg, &copts)) != VEILIG_OK)
        return rc;
    vg_html_unknown_codes(&codes, h->reg, NULL, axis);
    c->other = vg_html_other_label(h, &codes);
    c->ncols = veilig_coverage_columns(c->cov);
    c->labels = vg_calloc(c->ncols ? c->ncols : 1, sizeof *c->labels);
    vg_free(codes.v);
    if (codes.failed || !c->other || !c->labels) {
        vg_prog_cov_free(c);
        return VEILIG_ENOMEM;
    }
    for (size_t i = 0; i < c->ncols; i++)
        c->labels[i] = veilig_coverage_column(c->cov, i)
                           ? vg_html_label(h, axis, veilig_coverage_column_code(c->cov, i))
                           : c->other;
    return VEILIG_OK;
}

int vg_html_prog_figures(vg_html *h) {
    const veilig_registry *reg = h->reg;
    size_t nmun = veilig_registry_count(reg);
    size_t measures = 0, active = 0, with_measures = 0, covered = 0;
    vg_prog_cov cc;
    int rc = vg_prog_cov_get(h, &cc, VEILIG_VOCAB_CATEGORY);
    if (rc != VEILIG_OK)
        return rc;
    for (size_t k = 0; k < nmun; k++) {
        const veilig_municipality *m = veilig_registry_get(reg, k);
        size_t n = veilig_municipality_measure_count(m);
        measures += n;
        with_measures += n > 0;
        for (size_t i = 0; i < n; i++)
            active += veilig_measure_is_active(veilig_municipality_measure(m, i), NULL) != 0;
    }
    for (size_t c = 0; c < cc.ncols; c++)
        if (veilig_coverage_column(cc.cov, c) && veilig_coverage_column_total(cc.cov, c))
            covered++;
    vg_prog_cov_free(&cc);

    vg_html_section(h, "figures", "Kerncijfers", "Key figures");
    vg_buf_printf(&h->b, "<p class=\"lead\">%s</p>\n",
                  VG_T(h,
                       "Hoe de deelnemende gemeenten seksuele straatintimidatie en onveiligheid "
                       "in de openbare ruimte en het uitgaansleven aanpakken: welke maatregelen "
                       "zij nemen, en waar.",
                       "How the participating municipalities tackle sexual street harassment "
                       "and unsafety in public space and nightlife: which measures they take, "
                       "and where."));
    vg_html_put(h, "<div class=\"cards\">\n");
    vg_html_card(h, nmun, VG_T(h, "gemeenten", "municipalities"), NULL);
    {
        char extra[96];
        snprintf(extra, sizeof extra, VG_T(h, "waarvan %zu actief", "%zu of them active"), active);
        vg_html_card(h, measures, VG_T(h, "maatregelen", "measures"), extra);
    }
    {
        char label[96];
        snprintf(label, sizeof label,
                 VG_T(h, "van de %d categorie\xC3\xABn gedekt door actieve maatregelen",
                      "of %d categories covered by active measures"),
                 veilig_vocab_size(VEILIG_VOCAB_CATEGORY));
        vg_html_card(h, covered, label, NULL);
    }
    vg_html_card(h, with_measures,
                 VG_T(h, "gemeenten met ten minste \xC3\xA9\xC3\xA9n vastgelegde maatregel",
                      "municipalities with at least one recorded measure"),
                 NULL);
    vg_html_put(h, "</div>\n");
    vg_html_section_end(h);

    return VEILIG_OK;
}

int vg_html_prog_coverage(vg_html *h) {
    const veilig_registry *reg = h->reg;
    size_t nmun = veilig_registry_count(reg);
    const char **row_labels = NULL;
    unsigned *cells = NULL;
    vg_prog_cov cc;
    int rc = vg_prog_cov_get(h, &cc, VEILIG_VOCAB_CATEGORY);
    if (rc != VEILIG_OK)
        return rc;
    size_t ncols = cc.ncols;
    const char **col_labels = cc.labels;
    row_labels = vg_calloc(nmun ? nmun : 1, sizeof *row_labels);
    cells = vg_calloc(nmun * ncols + 1, sizeof *cells);
    if (!row_labels || !cells) {
        rc = VEILIG_ENOMEM;
        goto done;
    }
    for (size_t k = 0; k < nmun; k++) {
        row_labels[k] = veilig_municipality_name(veilig_registry_get(reg, k));
        for (size_t c = 0; c < ncols; c++)
            cells[k * ncols + c] = veilig_coverage_count(cc.cov, k, c);
    }
    vg_html_section(h, "coverage", "Dekking per gemeente en categorie",
                    "Coverage by municipality and category");
    vg_buf_printf(&h->b, "<p>%s</p>\n",
                  VG_T(h,
                       "Elk vak telt de actieve maatregelen van een gemeente in een categorie; "
                       "hoe donkerder, hoe meer. Een leeg vak: geen actieve maatregel in die "
                       "categorie vastgelegd.",
                       "Each cell counts a municipality's active measures in a category; the "
                       "darker, the more. An empty cell: no active measure recorded in that "
                       "category."));
    {
        vg_svg_heatmap hm;
        memset(&hm, 0, sizeof hm);
        hm.title = VG_T(h, "Actieve maatregelen per gemeente en categorie",
                        "Active measures by municipality and category");
        hm.rows = nmun;
        hm.cols = ncols;
        hm.row_labels = row_labels;
        hm.col_labels = col_labels;
        hm.cells = cells;
        hm.total_label = VG_T(h, "totaal", "total");
        hm.legend_label = VG_T(h, "actieve maatregelen", "active measures");
        hm.empty_text =
            VG_T(h, "Het register bevat geen gemeenten.", "The registry holds no municipalities.");
        vg_html_put(h, "<figure class=\"wide\">\n");
        vg_svg_heatmap_write(&h->b, &hm);
        vg_buf_printf(&h->b, "\n<figcaption>%s</figcaption>\n</figure>\n",
                      VG_T(h,
                           "Dekkingsmatrix: gemeenten (rijen) tegen categorie\xC3\xABn van "
                           "maatregelen (kolommen).",
                           "Coverage matrix: municipalities (rows) against categories of "
                           "measures (columns)."));
    }
    vg_html_section_end(h);

    rc = VEILIG_OK;
done:
    vg_free(row_labels);
    vg_free(cells);
    vg_prog_cov_free(&cc);
    return rc;
}

int vg_html_prog_measures(vg_html *h) {
    vg_prog_cov cc, ca;
    vg_svg_bar *bars = NULL;
    int rc = vg_prog_cov_get(h, &cc, VEILIG_VOCAB_CATEGORY);
    if (rc != VEILIG_OK)
        return rc;
    if ((rc = vg_prog_cov_get(h, &ca, VEILIG_VOCAB_APPROACH)) != VEILIG_OK) {
        vg_prog_cov_free(&cc);
        return rc;
    }
    size_t ncols = cc.ncols, nacols = ca.ncols;
    bars = vg_calloc(ncols + nacols + 1, sizeof *bars);
    if (!bars) {
        rc = VEILIG_ENOMEM;
        goto done;
    }
    vg_html_section(h, "measures", "Maatregelen in het programma", "Measures across the programme");
    vg_buf_printf(&h->b, "<p>%s</p>\n",
                  VG_T(h, "De actieve maatregelen van alle gemeenten samen.",
                       "The active measures of all municipalities together."));
    vg_buf_printf(&h->b, "<h3>%s</h3>\n<figure>\n", VG_T(h, "Per aanpak", "By approach"));
    for (size_t c = 0; c < nacols; c++) {
        bars[c].label = ca.labels[c];
        bars[c].value = veilig_coverage_column_total(ca.cov, c);
        bars[c].muted = !veilig_coverage_column(ca.cov, c);
    }
    vg_svg_bars(&h->b, VG_T(h, "Actieve maatregelen per aanpak", "Active measures by approach"),
                bars, nacols);
    vg_html_put(h, "\n</figure>\n");
    vg_buf_printf(&h->b, "<h3>%s</h3>\n<figure>\n", VG_T(h, "Per categorie", "By category"));
    for (size_t c = 0; c < ncols; c++) {
        bars[c].label = cc.labels[c];
        bars[c].value = veilig_coverage_column_total(cc.cov, c);
        bars[c].muted = !veilig_coverage_column(cc.cov, c);
    }
    vg_svg_bars(&h->b, VG_T(h, "Actieve maatregelen per categorie", "Active measures by category"),
                bars, ncols);
    vg_html_put(h, "\n</figure>\n");
    vg_html_section_end(h);

    rc = VEILIG_OK;
done:
    vg_free(bars);
    vg_prog_cov_free(&cc);
    vg_prog_cov_free(&ca);
    return rc;
}

void vg_html_prog_municipalities(vg_html *h) {
    const veilig_registry *reg = h->reg;
    size_t nmun = veilig_registry_count(reg);
    vg_html_section(h, "municipalities", "Gemeenten", "Municipalities");
    if (!nmun) {
        vg_buf_printf(
            &h->b, "<p class=\"empty\">%s</p>\n",
            VG_T(h, "Het register bevat geen gemeenten.", "The registry holds no municipalities."));
    } else {
        vg_buf_printf(&h->b,
                      "<table>\n<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                      "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                      "<th scope=\"col\" class=\"num\">%s</th></tr></thead>\n<tbody>\n",
                      VG_T(h, "Gemeente", "Municipality"), VG_T(h, "Provincie", "Province"),
                      VG_T(h, "Deelname", "Membership"), VG_T(h, "Samenvatting", "Summary"),
                      VG_T(h, "Maatregelen", "Measures"));
        for (size_t k = 0; k < nmun; k++) {
            const veilig_municipality *m = veilig_registry_get(reg, k);
            vg_html_put(h, "<tr><td><strong>");
            vg_html_municipality_name(h, m);
            vg_html_put(h, "</strong><br /><span class=\"code\">");
            vg_html_text(h, veilig_municipality_code(m));
            vg_html_put(h, "</span></td><td class=\"nw\">");
            vg_html_cell(h, vg_html_province_name(h, veilig_municipality_province(m)));
            vg_html_put(h, "</td><td>");
            vg_html_membership_words(h, m);
            vg_html_put(h, "</td><td>");
            vg_html_text(h, veilig_municipality_summary(m));
            vg_buf_printf(&h->b, "</td><td class=\"num\">%zu</td></tr>\n",
                          veilig_municipality_measure_count(m));
        }
        vg_html_put(h, "</tbody>\n</table>\n");
    }
    vg_html_section_end(h);
}

int vg_html_prog_sources(vg_html *h) {
    const veilig_registry *reg = h->reg;
    const veilig_programme *prog = veilig_registry_programme(reg);
    size_t nmun = veilig_registry_count(reg);
    vg_sources sources = {0};
    /* the programme's, then the municipalities', each address once */
    for (size_t i = 0; prog && i < veilig_programme_source_count(prog); i++)
        vg_sources_add(&sources, veilig_programme_source(prog, i), NULL);
    for (size_t k = 0; k < nmun; k++) {
        const veilig_municipality *m = veilig_registry_get(reg, k);
        for (size_t i = 0; i < veilig_municipality_source_count(m); i++)
            vg_sources_add(&sources, veilig_municipality_source(m, i), m);
    }
    if (sources.failed) {
        vg_sources_free(&sources);
        return VEILIG_ENOMEM;
    }
    vg_html_sources(h, &sources, 1);
    vg_sources_free(&sources);
    return VEILIG_OK;
}

void vg_html_prog_contact(vg_html *h, int include_personal, int *had_personal) {
    const veilig_programme *prog = veilig_registry_programme(h->reg);
    const char *poperator = prog ? veilig_programme_operator(prog) : NULL;
    vg_html_section(h, "contact", "Contact", "Contact");
    {
        const veilig_contact *c = prog ? veilig_programme_contact(prog) : NULL;
        if (c && veilig_contact_personal(c) && !include_personal) {
            *had_personal = 1;
            c = NULL;
        }
        if (c) {
            vg_buf_printf(
                &h->b, "<p>%s</p>\n",
                VG_T(h, "Voor vragen over het programma:", "For questions about the programme:"));
            vg_html_contact_head(h);
            vg_html_contact_row(h, c, NULL, poperator);
            vg_html_put(h, "</tbody>\n</table>\n");
        } else {
            vg_buf_printf(&h->b, "<p class=\"empty\">%s</p>\n",
                          VG_T(h, "Er is geen openbaar contact van het programma vastgelegd.",
                               "No public contact of the programme is recorded."));
        }
    }
    vg_html_section_end(h);
}

int vg_html_programme_report(vg_html *h) {
    const veilig_programme *prog = veilig_registry_programme(h->reg);
    const char *pname = prog ? veilig_programme_name(prog) : NULL;
    const char *poperator = prog ? veilig_programme_operator(prog) : NULL;
    vg_html_page page = {0};
    int had_personal = 0, rc;

    page.title = pname ? pname : VG_T(h, "Programmarapport", "Programme report");
    page.title2 = pname ? VG_T(h, "programmarapport", "programme report") : NULL;
    vg_html_page_begin(h, &page);
    vg_html_put(h, "<header class=\"top\">\n");
    vg_buf_printf(&h->b, "<p class=\"kicker\">%s</p>\n<h1>",
                  VG_T(h, "Programmarapport", "Programme report"));
    vg_html_text(h, pname ? pname
                          : VG_T(h, "Gemeentelijke aanpak van straatintimidatie",
                                 "Municipal approaches to street harassment"));
    vg_html_put(h, "</h1>\n");
    if (poperator) {
        vg_buf_printf(&h->b, "<p class=\"sub\">%s ", VG_T(h, "Uitgevoerd door", "Run by"));
        vg_html_text(h, poperator);
        vg_html_put(h, "</p>\n");
    }
    static const vg_html_toc_item toc[] = {
        {"figures", "Kerncijfers", "Key figures"},
        {"coverage", "Dekking", "Coverage"},
        {"measures", "Maatregelen", "Measures"},
        {"municipalities", "Gemeenten", "Municipalities"},
        {"sources", "Bronnen", "Sources"},
        {"contact", "Contact", "Contact"},
    };
    vg_html_toc(h, toc, sizeof toc / sizeof toc[0]);

    if ((rc = vg_html_prog_figures(h)) != VEILIG_OK ||
        (rc = vg_html_prog_coverage(h)) != VEILIG_OK ||
        (rc = vg_html_prog_measures(h)) != VEILIG_OK)
        return rc;
    vg_html_prog_municipalities(h);
    if ((rc = vg_html_prog_sources(h)) != VEILIG_OK)
        return rc;
    vg_html_prog_contact(h, (h->o.flags & VEILIG_REPORT_INCLUDE_PERSONAL) != 0, &had_personal);
    vg_html_put(h, "</main>\n");
    vg_html_page_end(h, had_personal);
    return VEILIG_OK;
}
