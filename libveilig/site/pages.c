/*
 * libveilig: the pages of the website (veilig_site_write), one language tree
 * at a time: the start page, a page per municipality with comparison pages
 * of it and its nearest peers (the measures catalogue: catalogue.c; the
 * category pages: categories.c). Sections shared with the reports come from
 * report/html.h; what only the site has (navigation, comparison, category
 * lists) is here. Every text from the document goes through vg_html_text.
 */
#include <stdio.h>
#include <string.h>

#include "site_internal.h"
#include "veilig/query.h"

/* ---- shared pieces ---- */

void vg_site_wide_begin(vg_html *h, const char *label) {
    vg_html_put(h, "<section class=\"wide\" tabindex=\"0\" aria-label=\"");
    vg_html_text(h, label);
    vg_html_put(h, "\">\n");
}

void vg_site_wide_end(vg_html *h) {
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

void vg_site_codes(vg_html *h, veilig_vocab vocab, const veilig_measure *ms, size_t n,
                   const char *(*at)(const veilig_measure *, size_t)) {
    for (size_t i = 0; i < n; i++) {
        if (i)
            vg_html_put(h, ", ");
        vg_html_label_text(h, vocab, at(ms, i), 0);
    }
    if (!n)
        vg_html_put(h, "\xE2\x80\x93");
}

const char *vg_site_m_group(const veilig_measure *ms, size_t i) {
    return veilig_measure_target_group_code(ms, i);
}

const char *vg_site_m_setting(const veilig_measure *ms, size_t i) {
    return veilig_measure_setting_code(ms, i);
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
        vg_html_label_text(h, VEILIG_VOCAB_CATEGORY, code, 1);
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
    vg_html_put(h, "<th scope=\"col\" class=\"num\">");
    vg_html_municipality_name(h, a);
    vg_html_put(h, "</th><th scope=\"col\" class=\"num\">");
    vg_html_municipality_name(h, b);
    vg_html_put(h, "</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < veilig_comparison_count(c); i++) {
        veilig_vocab v = veilig_comparison_vocab(c, i);
        unsigned x = veilig_comparison_a(c, i), y = veilig_comparison_b(c, i);
        vg_html_put(h, x != y ? "<tr class=\"differs\"><td>" : "<tr><td>");
        vg_html_put(h, vg_vocab_title(&h->o, v));
        vg_html_put(h, "</td><td>");
        vg_html_label_text(h, v, veilig_comparison_code(c, i), 1);
        vg_buf_printf(&h->b, "</td><td class=\"num\">%u</td><td class=\"num\">%u</td></tr>\n", x,
                      y);
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

/* Whether the comparison page of the registry's i-th municipality and peer
   is written already: by the peer's page when that came first (a
   municipality before it in the registry) and it has the i-th among its
   peers; each pair's page is written once. */
static int vg_site_compared(const vg_site *s, size_t i, const veilig_municipality *peer) {
    size_t j = vg_site_place(s, peer);
    if (j == (size_t)-1 || j >= i)
        return 0;
    const veilig_municipality *m = veilig_registry_get(s->reg, i);
    for (size_t r = s->peers_first[j]; r < s->peers_first[j] + s->peers_n[j]; r++)
        if (veilig_peers_peer(s->all_peers, r) == m)
            return 1;
    return 0;
}

/* The comparisons' entry in the contents of a municipality's page. */
static const vg_html_toc_item vg_site_compare_toc = {"compare", "Vergelijken", "Compare"};

/* m's page's address: "gemeenten/CODE.html" (path: 96 bytes; a code is at
   most 64, vg_site_safe_name). */
static void vg_site_mun_path(char *path, size_t size, const veilig_municipality *m) {
    snprintf(path, size, "gemeenten/%s.html", veilig_municipality_code(m));
}

/* Begins m's page at path: its head and the body up to the peers. */
static int vg_site_mun_first(vg_site_page *p, vg_site *s, const veilig_municipality *m,
                             const char *path, int *hidden) {
    vg_site_page_begin(p, s, path, 1, veilig_municipality_name(m),
                       VG_NL_EN(s, "Gemeentelijke aanpak", "Municipal approach"),
                       veilig_municipality_name(m));
    vg_html_mun_extra toc_only = {vg_site_compare_toc, NULL, NULL};
    int rc = vg_html_mun_body_first(&p->h, m, (s->flags & VEILIG_SITE_INCLUDE_PERSONAL) != 0,
                                    &toc_only, hidden);
    if (rc != VEILIG_OK) {
        vg_site_page_drop(p);
        return vg_error_set(s->err, rc, "site: the page of %s: %s", veilig_municipality_code(m),
                            veilig_strerror(rc));
    }
    return VEILIG_OK;
}

int vg_site_municipality_first(vg_site *s, const veilig_municipality *m, vg_site_early *e) {
    char path[96];
    vg_site_mun_path(path, sizeof path, m);
    vg_site_page p;
    int rc = vg_site_mun_first(&p, s, m, path, &e->hidden);
    return rc == VEILIG_OK ? vg_site_page_set_aside(&p, e) : rc;
}

/* The page of the registry's i-th municipality (its peers: its rows of
   s->all_peers) and the comparison pages with its peers not written yet. */
int vg_site_municipality(vg_site *s, size_t i) {
    const veilig_municipality *m = veilig_registry_get(s->reg, i);
    const char *code = veilig_municipality_code(m);
    vg_site_mun sm = {m, s->all_peers, s->peers_first[i], s->peers_n[i]};
    char path[96];
    vg_site_mun_path(path, sizeof path, m);

    /* the page up to the peers: begun while the document loaded, or now */
    vg_site_early *e = s->early[s->en] ? &s->early[s->en][i] : NULL;
    vg_site_page p;
    int hidden = 0, rc = VEILIG_OK;
    if (e && e->tmp) {
        hidden = e->hidden;
        vg_site_page_resume(&p, s, path, 1, e);
    } else if ((rc = vg_site_mun_first(&p, s, m, path, &hidden)) != VEILIG_OK) {
        return rc;
    }
    /* the peers section and the comparisons: the same rows */
    vg_html_mun_extra compare = {vg_site_compare_toc, vg_site_mun_compare, &sm};
    p.h.peers = sm.peers;
    p.h.peers_first = sm.first;
    p.h.peers_n = sm.n;
    rc = vg_html_mun_body_last(&p.h, m, &compare);
    if (rc != VEILIG_OK) {
        vg_site_page_drop(&p);
        return vg_error_set(s->err, rc, "site: the page of %s: %s", code, veilig_strerror(rc));
    }
    rc = vg_site_page_finish(&p, hidden);
    for (size_t r = sm.first; rc == VEILIG_OK && r < sm.first + sm.n; r++) {
        const veilig_municipality *peer = veilig_peers_peer(sm.peers, r);
        if (!vg_site_compared(s, i, peer))
            rc = vg_site_compare_page(s, m, peer, veilig_peers_similarity(sm.peers, r));
    }
    return rc;
}
