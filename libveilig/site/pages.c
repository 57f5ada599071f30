/*
 * libveilig: the pages of the website (veilig_site_write), one language tree
 * at a time: the start page, a page per municipality with comparison pages
 * of it and its nearest peers, the measures catalogue and a page per
 * category. Sections shared with the reports come from report/html.h; what
 * only the site has (navigation, catalogue, comparison, category lists) is
 * here. Every text from the document goes through vg_html_text (or, in the
 * catalogue's JSON index, vg_site_json_text, which escapes < > & as well).
 */
#include <stdio.h>
#include <string.h>

#include "site_internal.h"
#include "veilig/query.h"

#define VG_NL_EN(site, text_nl, text_en) ((site)->en ? (text_en) : (text_nl))

/* ---- shared pieces ---- */

/* A table wide enough to need its own scrolling on a phone: a focusable
   region (so a keyboard can scroll it) named label. */
static void vg_site_wide_begin(vg_html *h, const char *label) {
    vg_html_put(h, "<section class=\"wide\" tabindex=\"0\" aria-label=\"");
    vg_html_text(h, label);
    vg_html_put(h, "\">\n");
}

static void vg_site_wide_end(vg_html *h) {
    vg_html_put(h, "</section>\n");
}

/* The address of the comparison page of a and b (codes in order), from a
   page of depth 1. */
static void vg_site_compare_href(vg_html *h, const veilig_municipality *a,
                                 const veilig_municipality *b) {
    const char *x = veilig_municipality_code(a), *y = veilig_municipality_code(b);
    if (strcmp(x, y) > 0) {
        const char *t = x;
        x = y;
        y = t;
    }
    vg_html_put(h, "../vergelijk/");
    vg_html_text(h, x);
    vg_html_put(h, "-");
    vg_html_text(h, y);
    vg_html_put(h, ".html");
}

/* The list of the vocabulary's labels of a measure's codes, comma-separated. */
static void vg_site_codes(vg_html *h, veilig_vocab vocab, const veilig_measure *ms, size_t n,
                          const char *(*at)(const veilig_measure *, size_t)) {
    for (size_t i = 0; i < n; i++) {
        if (i)
            vg_html_put(h, ", ");
        vg_html_text(h, vg_html_label(h, vocab, at(ms, i)));
    }
    if (!n)
        vg_html_put(h, "\xE2\x80\x93");
}

/* The approach of a measure as stored, or its category's usual one (as
   veilig_query's approach filter reads it). */
static const char *vg_site_approach(const veilig_measure *ms) {
    const char *code = veilig_measure_approach_code(ms);
    return code ? code : veilig_approach_code(veilig_measure_approach(ms));
}

/* ---- the start page ---- */

int vg_site_index(vg_site *s) {
    vg_site_page p;
    const veilig_programme *prog = veilig_registry_programme(s->reg);
    const char *pname = prog ? veilig_programme_name(prog) : NULL;
    const char *heading = pname ? pname
                                : VG_NL_EN(s, "Gemeentelijke aanpak van straatintimidatie",
                                           "Municipal approaches to street harassment");
    vg_site_page_begin(&p, s, "index.html", 0, VG_NL_EN(s, "Start", "Home"),
                       VG_NL_EN(s, "Het programma", "The programme"), heading);
    vg_html *h = &p.h;
    static const vg_html_toc_item toc[] = {
        {"figures", "Kerncijfers", "Key figures"},
        {"coverage", "Dekking", "Coverage"},
        {"municipalities", "Gemeenten", "Municipalities"},
        {"categories", "Categorie\xC3\xABn", "Categories"},
        {"contact", "Contact", "Contact"},
    };
    vg_html_toc(h, toc, sizeof toc / sizeof toc[0]);
    h->href_prefix = "gemeenten/";
    h->href_suffix = ".html";
    int rc, had_personal = 0;
    if ((rc = vg_html_prog_figures(h)) != VEILIG_OK ||
        (rc = vg_html_prog_coverage(h)) != VEILIG_OK) {
        vg_buf_free(&h->b);
        return rc;
    }
    vg_html_prog_municipalities(h);

    vg_html_section(h, "categories", "Categorie\xC3\xABn", "Categories");
    vg_html_put(h, "<p>");
    vg_html_put(h, VG_T(h, "Wie doet wat? Per categorie de gemeenten en hun maatregelen.",
                        "Who does what? Per category, the municipalities and their measures."));
    vg_html_put(h, "</p>\n<ul class=\"columns\">\n");
    for (int c = 1; c <= veilig_vocab_size(VEILIG_VOCAB_CATEGORY); c++) {
        const char *code = veilig_vocab_code(VEILIG_VOCAB_CATEGORY, c);
        vg_buf_printf(&h->b, "<li><a href=\"categorieen/%s.html\">", code);
        vg_html_text_capital(h, vg_html_label(h, VEILIG_VOCAB_CATEGORY, code));
        vg_html_put(h, "</a></li>\n");
    }
    vg_html_put(h, "</ul>\n");
    vg_html_section_end(h);

    vg_html_prog_contact(h, (s->flags & VEILIG_SITE_INCLUDE_PERSONAL) != 0, &had_personal);
    return vg_site_page_finish(&p, had_personal);
}

/* ---- comparison pages ---- */

static int vg_site_compare_page(vg_site *s, const veilig_municipality *a,
                                const veilig_municipality *b, double similarity) {
    if (strcmp(veilig_municipality_code(a), veilig_municipality_code(b)) > 0) {
        const veilig_municipality *t = a;
        a = b;
        b = t;
    }
    veilig_comparison *c = NULL;
    int rc = veilig_compare(&c, a, b);
    if (rc != VEILIG_OK)
        return vg_error_set(s->err, rc, "site: comparing %s and %s: %s",
                            veilig_municipality_code(a), veilig_municipality_code(b),
                            veilig_strerror(rc));
    vg_buf path;
    vg_buf_init(&path);
    vg_buf_printf(&path, "vergelijk/%s-%s.html", veilig_municipality_code(a),
                  veilig_municipality_code(b));
    char *path_s = vg_buf_finish(&path, NULL);
    if (!path_s) {
        veilig_comparison_free(c);
        return vg_error_set(s->err, VEILIG_ENOMEM, "out of memory");
    }
    vg_buf title;
    vg_buf_init(&title);
    vg_buf_printf(&title, "%s %s %s", veilig_municipality_name(a), VG_NL_EN(s, "en", "and"),
                  veilig_municipality_name(b));
    char *title_s = vg_buf_finish(&title, NULL);
    vg_site_page p;
    vg_site_page_begin(&p, s, path_s, 1, title_s ? title_s : "",
                       VG_NL_EN(s, "Vergelijking", "Comparison"), title_s ? title_s : "");
    vg_html *h = &p.h;
    if (!title_s)
        h->b.failed = 1;
    vg_free(title_s);
    h->href_prefix = "../gemeenten/";
    h->href_suffix = ".html";
    vg_html_put(h, "</header>\n<main>\n<section id=\"comparison\">\n<p>");
    vg_html_put(h, VG_T(h, "Gelijkenis (gewogen Jaccard): ", "Similarity (weighted Jaccard): "));
    vg_html_number(h, similarity * 100.0, 1);
    vg_html_put(h, " %. ");
    vg_html_put(h, VG_T(h,
                        "Het aantal maatregelen per categorie, aanpak, doelgroep en setting, en "
                        "het aantal partijen per soort.",
                        "The number of measures per category, approach, target group and "
                        "setting, and the number of stakeholders per kind."));
    vg_html_put(h, "</p>\n");
    vg_site_wide_begin(h, VG_T(h, "Vergelijking", "Comparison"));
    vg_buf_printf(&h->b, "<table>\n<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>",
                  VG_T(h, "Soort", "Kind"), VG_T(h, "Waarde", "Value"));
    vg_html_put(h, "<th scope=\"col\" class=\"n\">");
    vg_html_municipality_name(h, a);
    vg_html_put(h, "</th><th scope=\"col\" class=\"n\">");
    vg_html_municipality_name(h, b);
    vg_html_put(h, "</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < veilig_comparison_count(c); i++) {
        veilig_vocab v = veilig_comparison_vocab(c, i);
        unsigned x = veilig_comparison_a(c, i), y = veilig_comparison_b(c, i);
        vg_html_put(h, x != y ? "<tr class=\"differs\"><td>" : "<tr><td>");
        vg_html_text_capital(h, veilig_vocab_name(v));
        vg_html_put(h, "</td><td>");
        vg_html_text_capital(h, vg_html_label(h, v, veilig_comparison_code(c, i)));
        vg_buf_printf(&h->b, "</td><td class=\"n\">%u</td><td class=\"n\">%u</td></tr>\n", x, y);
    }
    vg_html_put(h, "</tbody>\n</table>\n");
    vg_site_wide_end(h);
    vg_html_put(h, "</section>\n");
    veilig_comparison_free(c);
    rc = vg_site_page_finish(&p, 0);
    vg_free(path_s);
    return rc;
}

/* ---- a municipality ---- */

typedef struct vg_site_mun {
    const veilig_municipality *m;
    const veilig_peers_result *peers;
    size_t first, n; /* its rows in peers */
} vg_site_mun;

/* The site's own section of a municipality's page: a comparison with each of
   its nearest peers. */
static int vg_site_mun_compare(vg_html *h, void *ctx) {
    const vg_site_mun *sm = ctx;
    vg_html_section(h, "compare", "Vergelijken", "Compare");
    if (!sm->n) {
        vg_html_put(h, "<p>");
        vg_html_put(h, VG_T(h,
                            "Geen vergelijkbare gemeenten: zonder maatregelen is er niets te "
                            "vergelijken.",
                            "No similar municipalities: without measures there is nothing to "
                            "compare."));
        vg_html_put(h, "</p>\n");
    } else {
        vg_html_put(h, "<ul>\n");
        for (size_t i = sm->first; i < sm->first + sm->n; i++) {
            const veilig_municipality *peer = veilig_peers_peer(sm->peers, i);
            vg_html_put(h, "<li><a href=\"");
            vg_site_compare_href(h, sm->m, peer);
            vg_html_put(h, "\">");
            vg_html_text(h, veilig_municipality_name(sm->m));
            vg_html_put(h, VG_T(h, " en ", " and "));
            vg_html_text(h, veilig_municipality_name(peer));
            vg_html_put(h, "</a></li>\n");
        }
        vg_html_put(h, "</ul>\n");
    }
    vg_html_section_end(h);
    return VEILIG_OK;
}

/* The page of m, the next municipality of the registry (its peers are the
   rows of s->all_peers from s->peers_cursor on), and its comparison pages. */
int vg_site_municipality(vg_site *s, const veilig_municipality *m) {
    const char *code = veilig_municipality_code(m);
    vg_site_mun sm = {m, s->all_peers, s->peers_cursor, 0};
    while (sm.first + sm.n < veilig_peers_count(s->all_peers) &&
           veilig_peers_subject(s->all_peers, sm.first + sm.n) == m)
        sm.n++;
    s->peers_cursor += sm.n;
    vg_buf path;
    vg_buf_init(&path);
    vg_buf_printf(&path, "gemeenten/%s.html", code);
    char *path_s = vg_buf_finish(&path, NULL);
    if (!path_s)
        return vg_error_set(s->err, VEILIG_ENOMEM, "out of memory");

    vg_site_page p;
    vg_site_page_begin(&p, s, path_s, 1, veilig_municipality_name(m),
                       VG_NL_EN(s, "Gemeentelijke aanpak", "Municipal approach"),
                       veilig_municipality_name(m));
    vg_html_mun_extra compare = {{"compare", "Vergelijken", "Compare"}, vg_site_mun_compare, &sm};
    int hidden = 0;
    /* the page's peers section and its comparisons: the same rows */
    p.h.peers = sm.peers;
    p.h.peers_first = sm.first;
    p.h.peers_n = sm.n;
    int rc = vg_html_mun_body(&p.h, m, (s->flags & VEILIG_SITE_INCLUDE_PERSONAL) != 0, &compare,
                              &hidden);
    if (rc != VEILIG_OK) {
        vg_buf_free(&p.h.b);
        vg_free(path_s);
        return vg_error_set(s->err, rc, "site: the page of %s: %s", code, veilig_strerror(rc));
    }
    rc = vg_site_page_finish(&p, hidden);
    for (size_t i = sm.first; rc == VEILIG_OK && i < sm.first + sm.n; i++)
        rc = vg_site_compare_page(s, m, veilig_peers_peer(sm.peers, i),
                                  veilig_peers_similarity(sm.peers, i));
    vg_free(path_s);
    return rc;
}

/* ---- the catalogue ---- */

/* A JSON string of s for a <script type="application/json"> block: escaped
   as JSON and with < > & as \u escapes, so no text can end the block. */
static void vg_site_json_text(vg_buf *b, const char *s) {
    vg_buf_putc(b, '"');
    for (const unsigned char *c = (const unsigned char *)(s ? s : ""); *c; c++) {
        if (*c == '"' || *c == '\\')
            vg_buf_printf(b, "\\%c", *c);
        else if (*c < 0x20 || *c == '<' || *c == '>' || *c == '&')
            vg_buf_printf(b, "\\u%04x", *c);
        else if (c[0] == 0xE2 && c[1] == 0x80 && (c[2] == 0xA8 || c[2] == 0xA9)) {
            vg_buf_printf(b, "\\u%04x", c[2] == 0xA8 ? 0x2028 : 0x2029);
            c += 2;
        } else
            vg_buf_putc(b, (char)*c);
    }
    vg_buf_putc(b, '"');
}

/* A folded text of the index (veilig_text_fold), as one JSON string. */
static void vg_site_json_folded(vg_buf *b, int *first, const char *s) {
    if (!s || !*s)
        return;
    char *f = NULL;
    if (veilig_text_fold(&f, s) != VEILIG_OK) {
        b->failed = 1;
        return;
    }
    if (!*first)
        vg_buf_putc(b, ',');
    *first = 0;
    vg_site_json_text(b, f);
    veilig_free(f);
}

static void vg_site_json_term(vg_buf *b, int *first, veilig_vocab vocab, const char *code) {
    if (!code)
        return;
    int v = veilig_vocab_from_code(vocab, code);
    vg_site_json_folded(b, first, code);
    if (v > 0) {
        vg_site_json_folded(b, first, veilig_vocab_label(vocab, v, "nl"));
        vg_site_json_folded(b, first, veilig_vocab_label(vocab, v, "en"));
    }
}

/* The index entry of a measure: the codes the filters look at and the
   folded texts the free-text search looks in (as veilig_query does). */
static void vg_site_index_entry(vg_buf *b, const veilig_municipality *m, const veilig_measure *ms) {
    vg_buf_puts(b, "{\"c\":");
    vg_site_json_text(b, veilig_measure_category_code(ms));
    vg_buf_puts(b, ",\"a\":");
    vg_site_json_text(b, vg_site_approach(ms));
    vg_buf_puts(b, ",\"p\":");
    vg_site_json_text(b, veilig_municipality_province(m));
    vg_buf_puts(b, ",\"g\":[");
    for (size_t i = 0; i < veilig_measure_target_group_count(ms); i++) {
        if (i)
            vg_buf_putc(b, ',');
        vg_site_json_text(b, veilig_measure_target_group_code(ms, i));
    }
    vg_buf_puts(b, "],\"s\":[");
    for (size_t i = 0; i < veilig_measure_setting_count(ms); i++) {
        if (i)
            vg_buf_putc(b, ',');
        vg_site_json_text(b, veilig_measure_setting_code(ms, i));
    }
    vg_buf_puts(b, "],\"t\":[");
    int first = 1;
    vg_site_json_folded(b, &first, veilig_measure_id(ms));
    vg_site_json_folded(b, &first, veilig_measure_name(ms));
    vg_site_json_folded(b, &first, veilig_measure_description(ms));
    vg_site_json_folded(b, &first, veilig_measure_area_name(ms));
    vg_site_json_folded(b, &first, veilig_measure_area_note(ms));
    vg_site_json_term(b, &first, VEILIG_VOCAB_CATEGORY, veilig_measure_category_code(ms));
    vg_site_json_term(b, &first, VEILIG_VOCAB_APPROACH, veilig_measure_approach_code(ms));
    for (size_t i = 0; i < veilig_measure_target_group_count(ms); i++)
        vg_site_json_term(b, &first, VEILIG_VOCAB_TARGET_GROUP,
                          veilig_measure_target_group_code(ms, i));
    for (size_t i = 0; i < veilig_measure_partner_count(ms); i++) {
        const char *id = veilig_partner_stakeholder(veilig_measure_partner(ms, i));
        vg_site_json_folded(b, &first, id);
        for (size_t k = 0; id && k < veilig_municipality_stakeholder_count(m); k++) {
            const veilig_stakeholder *st = veilig_municipality_stakeholder(m, k);
            const char *sid = veilig_stakeholder_id(st);
            if (sid && !strcmp(sid, id))
                vg_site_json_folded(b, &first, veilig_stakeholder_name(st));
        }
    }
    vg_buf_puts(b, "]}");
}

/* A <select> of the catalogue's form over a vocabulary. */
static void vg_site_select(vg_html *h, const char *name, const char *nl, const char *en,
                           veilig_vocab vocab) {
    vg_buf_printf(&h->b, "<label>%s <select name=\"%s\">\n<option value=\"\">%s</option>\n",
                  VG_T(h, nl, en), name, VG_T(h, "alle", "all"));
    for (int v = 1; v <= veilig_vocab_size(vocab); v++) {
        const char *code = veilig_vocab_code(vocab, v);
        vg_buf_printf(&h->b, "<option value=\"%s\">", code);
        vg_html_text_capital(h, vg_html_label(h, vocab, code));
        vg_html_put(h, "</option>\n");
    }
    vg_html_put(h, "</select></label>\n");
}

static const char *vg_site_m_group(const veilig_measure *ms, size_t i) {
    return veilig_measure_target_group_code(ms, i);
}
static const char *vg_site_m_setting(const veilig_measure *ms, size_t i) {
    return veilig_measure_setting_code(ms, i);
}

int vg_site_catalogue(vg_site *s) {
    vg_site_page p;
    vg_site_page_begin(&p, s, "maatregelen.html", 0, VG_NL_EN(s, "Maatregelen", "Measures"),
                       VG_NL_EN(s, "Catalogus", "Catalogue"),
                       VG_NL_EN(s, "Alle maatregelen", "All measures"));
    vg_html *h = &p.h;
    h->href_prefix = "gemeenten/";
    h->href_suffix = ".html";
    vg_html_put(h, "</header>\n<main>\n<section id=\"catalogue-section\">\n");
    /* the form: hidden until the script runs (without it the page lists everything) */
    vg_buf_printf(&h->b,
                  "<form id=\"filters\" class=\"filters\" role=\"search\" hidden=\"\" "
                  "aria-label=\"%s\">\n",
                  VG_T(h, "Filters", "Filters"));
    vg_site_select(h, "category", "Categorie", "Category", VEILIG_VOCAB_CATEGORY);
    vg_site_select(h, "approach", "Aanpak", "Approach", VEILIG_VOCAB_APPROACH);
    vg_site_select(h, "target_group", "Doelgroep", "Target group", VEILIG_VOCAB_TARGET_GROUP);
    vg_site_select(h, "setting", "Setting", "Setting", VEILIG_VOCAB_SETTING);
    vg_buf_printf(&h->b, "<label>%s <select name=\"province\">\n<option value=\"\">%s</option>\n",
                  VG_T(h, "Provincie", "Province"), VG_T(h, "alle", "all"));
    vg_strset provinces = {0};
    for (size_t i = 0; i < veilig_registry_count(s->reg); i++)
        vg_strset_add(&provinces, veilig_municipality_province(veilig_registry_get(s->reg, i)));
    for (size_t i = 0; i < provinces.n; i++) {
        vg_html_put(h, "<option value=\"");
        vg_html_text(h, provinces.v[i]);
        vg_html_put(h, "\">");
        vg_html_text(h, vg_html_province_name(h, provinces.v[i]));
        vg_html_put(h, "</option>\n");
    }
    vg_free(provinces.v);
    if (provinces.failed)
        h->b.failed = 1;
    vg_buf_printf(&h->b,
                  "</select></label>\n<label>%s <input type=\"search\" name=\"text\" /></label>\n",
                  VG_T(h, "Zoeken", "Search"));
    vg_buf_printf(&h->b, "<p>%s <output id=\"filter-count\" aria-live=\"polite\">",
                  VG_T(h, "Gevonden:", "Found:"));
    size_t total = 0;
    for (size_t i = 0; i < veilig_registry_count(s->reg); i++)
        total += veilig_municipality_measure_count(veilig_registry_get(s->reg, i));
    vg_buf_printf(&h->b, "%zu</output> <button type=\"submit\">%s</button></p>\n</form>\n", total,
                  VG_T(h, "Filteren", "Filter"));

    vg_site_wide_begin(h, VG_T(h, "Maatregelen", "Measures"));
    vg_buf_printf(
        &h->b,
        "<table id=\"catalogue\">\n<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
        "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
        "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
        VG_T(h, "Maatregel", "Measure"), VG_T(h, "Gemeente", "Municipality"),
        VG_T(h, "Categorie", "Category"), VG_T(h, "Aanpak", "Approach"),
        VG_T(h, "Doelgroepen", "Target groups"), VG_T(h, "Settings", "Settings"));
    vg_buf index;
    vg_buf_init(&index);
    vg_buf_putc(&index, '[');
    int first = 1;
    for (size_t i = 0; i < veilig_registry_count(s->reg); i++) {
        const veilig_municipality *m = veilig_registry_get(s->reg, i);
        for (size_t k = 0; k < veilig_municipality_measure_count(m); k++) {
            const veilig_measure *ms = veilig_municipality_measure(m, k);
            vg_html_put(h, "<tr data-id=\"");
            vg_html_text(h, veilig_municipality_code(m));
            vg_html_put(h, "/");
            vg_html_text(h, veilig_measure_id(ms));
            vg_html_put(h, "\"><td>");
            vg_html_text(h, veilig_measure_name(ms));
            vg_html_put(h, "</td><td>");
            vg_html_municipality_name(h, m);
            vg_html_put(h, "</td><td>");
            vg_html_text_capital(
                h, vg_html_label(h, VEILIG_VOCAB_CATEGORY, veilig_measure_category_code(ms)));
            vg_html_put(h, "</td><td>");
            vg_html_text_capital(h, vg_html_label(h, VEILIG_VOCAB_APPROACH, vg_site_approach(ms)));
            vg_html_put(h, "</td><td>");
            vg_site_codes(h, VEILIG_VOCAB_TARGET_GROUP, ms, veilig_measure_target_group_count(ms),
                          vg_site_m_group);
            vg_html_put(h, "</td><td>");
            vg_site_codes(h, VEILIG_VOCAB_SETTING, ms, veilig_measure_setting_count(ms),
                          vg_site_m_setting);
            vg_html_put(h, "</td></tr>\n");
            if (!first)
                vg_buf_puts(&index, ",\n");
            first = 0;
            vg_site_index_entry(&index, m, ms);
        }
    }
    vg_buf_puts(&index, "]");
    vg_html_put(h, "</tbody>\n</table>\n");
    vg_site_wide_end(h);
    vg_html_put(h, "<script type=\"application/json\" id=\"catalogue-index\">");
    if (index.failed)
        h->b.failed = 1;
    else
        vg_buf_put(&h->b, index.data, index.len);
    vg_buf_free(&index);
    vg_html_put(h, "</script>\n</section>\n");
    return vg_site_page_finish(&p, 0);
}

/* ---- a category ---- */

int vg_site_category(vg_site *s, int category) {
    const char *code = veilig_vocab_code(VEILIG_VOCAB_CATEGORY, category);
    char path[96];
    snprintf(path, sizeof path, "categorieen/%s.html", code);
    const char *label = veilig_vocab_label(VEILIG_VOCAB_CATEGORY, category, s->en ? "en" : "nl");
    vg_site_page p;
    vg_site_page_begin(&p, s, path, 1, label, VG_NL_EN(s, "Categorie", "Category"), label);
    vg_html *h = &p.h;
    h->href_prefix = "../gemeenten/";
    h->href_suffix = ".html";
    vg_html_put(h, "</header>\n<main>\n<section id=\"who\">\n");
    size_t municipalities = 0, measures = 0;
    for (size_t i = 0; i < veilig_registry_count(s->reg); i++) {
        const veilig_municipality *m = veilig_registry_get(s->reg, i);
        size_t here = 0;
        for (size_t k = 0; k < veilig_municipality_measure_count(m); k++) {
            const veilig_measure *ms = veilig_municipality_measure(m, k);
            const char *c = veilig_measure_category_code(ms);
            if (!c || strcmp(c, code))
                continue;
            here++;
            measures++;
        }
        if (here)
            municipalities++;
    }
    vg_buf_printf(&h->b, "<p>%zu %s, %zu %s.</p>\n", municipalities,
                  VG_T(h, municipalities == 1 ? "gemeente" : "gemeenten",
                       municipalities == 1 ? "municipality" : "municipalities"),
                  measures,
                  VG_T(h, measures == 1 ? "maatregel" : "maatregelen",
                       measures == 1 ? "measure" : "measures"));
    if (measures) {
        vg_site_wide_begin(h, label);
        vg_buf_printf(&h->b,
                      "<table>\n<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                      "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
                      VG_T(h, "Gemeente", "Municipality"), VG_T(h, "Maatregel", "Measure"),
                      VG_T(h, "Doelgroepen", "Target groups"));
        for (size_t i = 0; i < veilig_registry_count(s->reg); i++) {
            const veilig_municipality *m = veilig_registry_get(s->reg, i);
            for (size_t k = 0; k < veilig_municipality_measure_count(m); k++) {
                const veilig_measure *ms = veilig_municipality_measure(m, k);
                const char *c = veilig_measure_category_code(ms);
                if (!c || strcmp(c, code))
                    continue;
                vg_html_put(h, "<tr><td>");
                vg_html_municipality_name(h, m);
                vg_html_put(h, "</td><td>");
                vg_html_text(h, veilig_measure_name(ms));
                vg_html_put(h, "</td><td>");
                vg_site_codes(h, VEILIG_VOCAB_TARGET_GROUP, ms,
                              veilig_measure_target_group_count(ms), vg_site_m_group);
                vg_html_put(h, "</td></tr>\n");
            }
        }
        vg_html_put(h, "</tbody>\n</table>\n");
        vg_site_wide_end(h);
    }
    vg_html_put(h, "</section>\n");
    return vg_site_page_finish(&p, 0);
}
