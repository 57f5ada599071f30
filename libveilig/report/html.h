/*
 * libveilig internals: the HTML pieces shared by the standalone reports
 * (veilig_report_html, html.c) and any other writer of HTML pages of a
 * registry. Not public API.
 *
 *   html_page.c          the page frame: the writer, escaping, words and
 *                        numbers, document head and foot with the one style
 *                        sheet (style.css, embedded at build time), the table
 *                        of contents, sections, cards, sources and contacts
 *   html_programme.c     the sections of the programme report
 *   html_municipality.c  the sections of the municipality report
 *
 * Everything is written into h->b; a failed allocation marks h->b failed
 * (vg_buf) and the caller's vg_buf_finish returns NULL. The functions that
 * run an analysis return a veilig_status (VEILIG_OK, or the analysis' error;
 * nothing is written then). Every string of a document is written escaped
 * (vg_html_text); the fixed texts of this library are written as they are.
 * Each section renderer writes one <section> (with the id given below) and
 * can be called on its own, in any order.
 */
#ifndef VG_REPORT_HTML_H
#define VG_REPORT_HTML_H

#include "report_internal.h"

/* The writer of one HTML document. */
typedef struct vg_html {
    vg_buf b;
    vg_ropts o; /* language (o.en), flags (VEILIG_REPORT_INCLUDE_PERSONAL), peers (o.peers) */
    const veilig_registry *reg;
    /* Links to municipality pages: a municipality's name links to
       href_prefix CODE href_suffix (e.g. "gemeenten/", ".html") where both are
       set; the reports leave them NULL (names are not links). */
    const char *href_prefix, *href_suffix;
    /* The peers (o.peers of them) of the municipality being written, when the
       caller has them already: rows peers_first to peers_first + peers_n - 1
       of peers (the site computes the peers of every municipality at once and
       also links to them). NULL: vg_html_mun_peers computes them. Borrowed. */
    const veilig_peers_result *peers;
    size_t peers_first, peers_n;
    /* The profile of profile_of, made once for its page by
       vg_html_mun_body_first for the sections that need it (vg_html_profile);
       NULL: each section makes its own. Owned by vg_html_mun_body_first. */
    const veilig_profile_result *profile;
    const veilig_municipality *profile_of;
} vg_html;

/* Starts a writer of reg in the language and with the flags of o. */
void vg_html_init(vg_html *h, const veilig_registry *reg, const vg_ropts *o);

#define VG_EN(h) ((h)->o.en)
/* The Dutch or the English text, by the writer's language. */
#define VG_T(h, text_nl, text_en) ((h)->o.en ? (text_en) : (text_nl))

/* ---- writing ---- */

/* As it is (markup, fixed texts); inline, so that a literal's length is known
   where it is written. */
static inline void vg_html_put(vg_html *h, const char *s) {
    vg_buf_puts(&h->b, s);
}
void vg_html_text(vg_html *h, const char *s); /* escaped: text of a document; NULL: nothing */
/* Escaped, the first letter in capitals when it is an ASCII letter. */
void vg_html_text_capital(vg_html *h, const char *s);
/* The label of a code (vg_html_label) as text, the first letter in capitals
   when capital is set: a known code's label as it is (the vocabularies'
   labels hold nothing HTML escapes: test_render checks every one), an
   unknown code, which is the document's, escaped. */
void vg_html_label_text(vg_html *h, veilig_vocab vocab, const char *code, int capital);
/* A table cell's text escaped, or a dash when there is none. */
void vg_html_cell(vg_html *h, const char *s);
/* The label of a vocabulary code in the writer's language (borrowed). */
const char *vg_html_label(vg_html *h, veilig_vocab vocab, const char *code);
/* The province's name, or its code when it is not a Dutch province (borrowed). */
const char *vg_html_province_name(vg_html *h, const char *code);
/* A municipality's name, escaped; a link to its page where h has hrefs. */
void vg_html_municipality_name(vg_html *h, const veilig_municipality *m);

/* ---- words and numbers ---- */

/* A partial date in words: "2021", "januari 2022", "1 december 2021". */
void vg_html_date_words(char *buf, size_t size, const veilig_date *d, int en);
/* The membership of m in words ("Aangesloten sinds januari 2022"). */
void vg_html_membership_words(vg_html *h, const veilig_municipality *m);
/* A number with at most decimals (1 or 2) decimals, in the writer's
   notation (nl 1.234,5; en 1,234.5); a dash when it is not finite. */
void vg_html_number(vg_html *h, double v, int decimals);
/* An indicator value in its unit. */
void vg_html_value(vg_html *h, double v, const veilig_indicator *ind);
/* Whole cents as money in currency (NULL: EUR). */
void vg_html_money(vg_html *h, int64_t cents, const char *currency);
/* Percent of a fraction, rounded: 0.724 -> 72. */
long long vg_html_percent(double fraction);

/* ---- unknown codes ---- */

/* Distinct strings in the order they were first added (borrowed). */
typedef struct vg_strset {
    const char **v;
    size_t n, cap;
    int failed;
} vg_strset;

/* Adds str (borrowed) unless it is there; its place (1, 2, ...), or 0 for
   NULL and when out of memory (s->failed). */
size_t vg_strset_add(vg_strset *s, const char *str);
/* Unknown category (or approach) codes of measures: of m, or of every
   municipality of reg (active measures only then). */
void vg_html_unknown_codes(vg_strset *s, const veilig_registry *reg, const veilig_municipality *m,
                           veilig_vocab vocab);
/* The label of the "other" bucket: "overig (code, code)"; new string, NULL
   when out of memory. */
char *vg_html_other_label(vg_html *h, const vg_strset *codes);

/* ---- the page ---- */

/* The style sheet of every page (style.css; NUL-terminated). */
extern const char vg_html_css[];
extern const size_t vg_html_css_len;

typedef struct vg_html_page {
    const char *title, *title2; /* <title>: "title — title2" (title2 may be NULL) */
    /* The style sheet: its address relative to the page (the caller writes
       vg_html_css there), or NULL: inline in a <style> element. */
    const char *stylesheet;
    /* 1: a Content-Security-Policy meta that forbids every request but the
       style sheet's (no script, image, font, frame, form or base). */
    int csp;
    /* A script file's address relative to the page (the site's catalogue
       filters), or NULL: no script. With csp, the policy then allows
       scripts from the page's own origin only (script-src 'self'). */
    const char *script;
} vg_html_page;

/* Writes the document's head and opens <body> and the page. */
void vg_html_page_begin(vg_html *h, const vg_html_page *page);
/* Writes the footer and closes the document; had_personal: personal contact
   details were left out (the footer says so). */
void vg_html_page_end(vg_html *h, int had_personal);

/* A table of contents, written after the caller opened <header class="top">
   and wrote its headings; closes the header and opens <main>. */
typedef struct vg_html_toc_item {
    const char *id, *nl, *en;
} vg_html_toc_item;
void vg_html_toc(vg_html *h, const vg_html_toc_item *items, size_t n);

/* <section id="id"><h2>nl or en</h2> ... </section> */
void vg_html_section(vg_html *h, const char *id, const char *nl, const char *en);
void vg_html_section_end(vg_html *h);
/* A key figure: num with label and an optional second line (both markup). */
void vg_html_card(vg_html *h, unsigned long long num, const char *label, const char *extra);

/* ---- sources and contacts ---- */

/* Distinct sources, with the number of municipalities that cite each. */
typedef struct vg_sources {
    struct vg_source_row *v;
    size_t n, cap;
    int failed;
} vg_sources;

/* Adds src (cited by m; NULL: by the programme) unless it is there already. */
void vg_sources_add(vg_sources *s, const veilig_source *src, const veilig_municipality *m);
void vg_sources_free(vg_sources *s);
/* The section "sources"; show_counts: "(source for N municipalities)". */
void vg_html_sources(vg_html *h, const vg_sources *s, int show_counts);

/* The head of a contacts table, and one contact as its row (its
   organisation: the stakeholder of m it names, or org). */
void vg_html_contact_head(vg_html *h);
void vg_html_contact_row(vg_html *h, const veilig_contact *c, const veilig_municipality *m,
                         const char *org);

/* ---- the programme report (html_programme.c), sections of h->reg ---- */

int vg_html_prog_figures(vg_html *h);         /* "figures": key figures as cards */
int vg_html_prog_coverage(vg_html *h);        /* "coverage": the coverage matrix */
int vg_html_prog_measures(vg_html *h);        /* "measures": per approach and category */
void vg_html_prog_municipalities(vg_html *h); /* "municipalities": the table */
int vg_html_prog_sources(vg_html *h);         /* "sources": each address once */
/* "contact": the programme's public contact; *had_personal set to 1 when a
   personal contact was left out (include_personal 0). */
void vg_html_prog_contact(vg_html *h, int include_personal, int *had_personal);
/* The whole programme report. */
int vg_html_programme_report(vg_html *h);

/* ---- the municipality report (html_municipality.c), sections of m ---- */

int vg_html_mun_overview(vg_html *h, const veilig_municipality *m);  /* "overview" */
void vg_html_mun_approach(vg_html *h, const veilig_municipality *m); /* "approach" */
/* "measures": charts per approach and category, and the table */
int vg_html_mun_measures(vg_html *h, const veilig_municipality *m);
int vg_html_mun_schedule(vg_html *h, const veilig_municipality *m);     /* "schedule" */
int vg_html_mun_progress(vg_html *h, const veilig_municipality *m);     /* "indicators" */
int vg_html_mun_gaps(vg_html *h, const veilig_municipality *m);         /* "gaps" */
int vg_html_mun_peers(vg_html *h, const veilig_municipality *m);        /* "peers" (h->o.peers) */
int vg_html_mun_stakeholders(vg_html *h, const veilig_municipality *m); /* "stakeholders" */
/* "contacts": the contacts of m, personal ones only with include_personal;
   returns 1 when a personal contact was left out, else 0. */
int vg_html_mun_contacts(vg_html *h, const veilig_municipality *m, int include_personal);
int vg_html_mun_sources(vg_html *h, const veilig_municipality *m); /* "sources" */
/* One more section of a municipality's page, written after the peers by the
   caller (the site's comparisons): its entry in the contents and its writer. */
typedef struct vg_html_mun_extra {
    vg_html_toc_item toc;
    int (*write)(vg_html *h, void *ctx);
    void *ctx;
} vg_html_mun_extra;
/* The body of a municipality's page, for the report and the site alike: the
   subtitle, the contents and every section above in order, with extra (may be
   NULL) after the peers. *hidden is set to 1 when a personal contact was left
   out (include_personal 0). It is vg_html_mun_body_first and then
   vg_html_mun_body_last: the first part needs m alone, the last the registry
   (the peers), so the site writes the first while the document still loads. */
int vg_html_mun_body(vg_html *h, const veilig_municipality *m, int include_personal,
                     const vg_html_mun_extra *extra, int *hidden);
/* The subtitle, the contents (with extra's entry) and the sections up to the
   peers (overview to gaps). */
int vg_html_mun_body_first(vg_html *h, const veilig_municipality *m, int include_personal,
                           const vg_html_mun_extra *extra, int *hidden);
/* The peers, extra and the sources. */
int vg_html_mun_body_last(vg_html *h, const veilig_municipality *m, const vg_html_mun_extra *extra);
/* The whole municipality report. */
int vg_html_municipality_report(vg_html *h, const veilig_municipality *m);

#endif
